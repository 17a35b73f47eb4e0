//! The spread of per-response scores: what a score's margin of error is computed from, for
//! pay (`tpp::evidence`) and for the published index (`precision`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

use crate::decimal::Decimal;

/// Each response's mean answer is kept as an integer multiple of 1/2520 (2520 is divisible by
/// every count of answered elements 1–9), so sums of it and of its square are exact.
pub const Q_SCALE: u64 = 2520;

/// A response's mean answer × [`Q_SCALE`]; 0 when nothing was answered.
pub fn response_q(answers: &[Option<i64>]) -> u64 {
    let given: Vec<u64> = answers
        .iter()
        .flatten()
        .filter_map(|a| u64::try_from(*a).ok())
        .collect();
    if given.is_empty() {
        return 0;
    }
    given.iter().sum::<u64>() * Q_SCALE / given.len() as u64
}

/// Sums of [`response_q`] and of its square over a set of responses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spread {
    pub q_sum: u64,
    pub q_sq: u64,
}

impl Spread {
    pub fn of(q: u64) -> Spread {
        Spread {
            q_sum: q,
            q_sq: q * q,
        }
    }

    pub fn add(&mut self, other: Spread) {
        self.q_sum += other.q_sum;
        self.q_sq += other.q_sq;
    }

    pub fn without(&self, other: Spread) -> Option<Spread> {
        Some(Spread {
            q_sum: self.q_sum.checked_sub(other.q_sum)?,
            q_sq: self.q_sq.checked_sub(other.q_sq)?,
        })
    }

    /// The sample variance of per-response scores (on the 25–100 scale) over `n` responses;
    /// `None` for fewer than two.
    pub fn variance(&self, n: u64) -> Option<BigRational> {
        if n < 2 {
            return None;
        }
        let int = |v: u64| BigRational::from_integer(BigInt::from(v));
        let n_r = int(n);
        let sum = int(self.q_sum);
        let centred = int(self.q_sq) - &sum * &sum / &n_r;
        let scale = BigRational::new(BigInt::from(25), BigInt::from(Q_SCALE));
        let variance = centred / (n_r - BigRational::one()) * &scale * &scale;
        // Sums read from a damaged store could make it negative; no spread is then known.
        Some(if variance.is_negative() {
            BigRational::zero()
        } else {
            variance
        })
    }
}

/// `√x` rounded up to 2 decimals, exactly.
pub(crate) fn ceil_sqrt_hundredths(x: &BigRational) -> Decimal {
    // The smallest t with (t/100)² ≥ x, i.e. t² · d ≥ 10000 · n for x = n/d.
    let scaled = x * BigRational::from_integer(BigInt::from(10_000));
    let (n, d) = (scaled.numer().clone(), scaled.denom().clone());
    let mut t = n.div_floor(&d).sqrt();
    while &t * &t * &d < n {
        t += 1;
    }
    let hundredths = i64::try_from(t).unwrap_or(i64::MAX);
    Decimal::new(hundredths, 2)
}
