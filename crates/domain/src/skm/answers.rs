use super::element::{Element, ELEMENT_COUNT};

/// One answer on the SKM scale: 1 (tidak sesuai/tidak puas) … 4 (sangat sesuai/sangat puas).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 4;

    pub fn new(value: i64) -> Option<Rating> {
        (i64::from(Self::MIN)..=i64::from(Self::MAX))
            .contains(&value)
            .then_some(Rating(value as u8))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswersError {
    #[error("no element was answered")]
    NothingAnswered,
}

/// The answers of one response: one optional rating per element (`None` = not answered).
/// At least one element is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Answers([Option<Rating>; ELEMENT_COUNT]);

impl Answers {
    pub fn new(ratings: [Option<Rating>; ELEMENT_COUNT]) -> Result<Answers, AnswersError> {
        if ratings.iter().all(Option::is_none) {
            return Err(AnswersError::NothingAnswered);
        }
        Ok(Answers(ratings))
    }

    /// All nine elements answered with the given values (1–4). For tests and demos.
    pub fn complete(values: [u8; ELEMENT_COUNT]) -> Option<Answers> {
        let mut ratings = [None; ELEMENT_COUNT];
        for (slot, value) in ratings.iter_mut().zip(values) {
            *slot = Some(Rating::new(i64::from(value))?);
        }
        Answers::new(ratings).ok()
    }

    pub fn get(&self, element: Element) -> Option<Rating> {
        self.0[element.index()]
    }

    pub fn ratings(&self) -> &[Option<Rating>; ELEMENT_COUNT] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rating_accepts_only_one_to_four() {
        assert_eq!(Rating::new(0), None);
        assert_eq!(Rating::new(1).map(Rating::value), Some(1));
        assert_eq!(Rating::new(4).map(Rating::value), Some(4));
        assert_eq!(Rating::new(5), None);
        assert_eq!(Rating::new(-1), None);
    }

    #[test]
    fn empty_answers_are_refused() {
        assert_eq!(
            Answers::new([None; ELEMENT_COUNT]),
            Err(AnswersError::NothingAnswered)
        );
        assert!(Answers::complete([4; 9]).is_some());
        assert!(Answers::complete([4, 4, 4, 4, 0, 4, 4, 4, 4]).is_none());
    }
}
