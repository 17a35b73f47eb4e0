use serde::Serialize;

use super::grade::Grade;
use super::score::SkmScore;
use super::ELEMENT_COUNT;
use crate::decimal::rational_to_f64;

/// The JSON shape of an SKM result, shared by `suara skm score --json` and the HTTP API:
/// `{"responses":N,"nrr":[9 numbers],"ikm":X,"grade":"A"}`. NRR values are the nearest
/// doubles to the exact means (`null` for an element nobody answered); `ikm` is the
/// published, 2-decimal value the grade is read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub responses: u64,
    pub nrr: [Option<f64>; ELEMENT_COUNT],
    pub ikm: f64,
    pub grade: Grade,
}

impl From<&SkmScore> for Summary {
    fn from(score: &SkmScore) -> Summary {
        Summary {
            responses: score.responses,
            nrr: std::array::from_fn(|i| {
                score.elements[i].as_ref().map(|e| rational_to_f64(&e.nrr))
            }),
            ikm: score.ikm_rounded().to_f64(),
            grade: score.grade(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skm::{Answers, Tally, Weighting};

    #[test]
    fn serializes_to_the_contract_shape() {
        let mut tally = Tally::default();
        tally.add(&Answers::complete([4, 3, 4, 3, 4, 3, 4, 3, 4]).unwrap());
        tally.add(&Answers::complete([3; 9]).unwrap());
        let summary = Summary::from(&tally.score(Weighting::Exact).unwrap());
        assert_eq!(
            serde_json::to_string(&summary).unwrap(),
            r#"{"responses":2,"nrr":[3.5,3.0,3.5,3.0,3.5,3.0,3.5,3.0,3.5],"ikm":81.94,"grade":"B"}"#
        );
    }
}
