//! One-time survey tickets: issued at the counter (or by a queue system) for one real
//! service, bound to its unit, service and officer, usable once, expiring.
//!
//! Codes are 10 characters of Crockford's base32 (no I, L, O, U), shown as `XXXXX-XXXXX`:
//! about 50 bits, short enough to type from a printed slip, and forgiving of the usual
//! misreadings (O→0, I/L→1, lowercase, spaces, dashes).

use time::{Duration, OffsetDateTime};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_CHARS: usize = 10;
/// How long a ticket can be used: long enough to answer at home from a WhatsApp link.
pub const LIFETIME: Duration = Duration::hours(72);

/// A code from 10 random bytes (the caller supplies randomness; this stays pure).
pub fn code_from_bytes(bytes: [u8; CODE_CHARS]) -> String {
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b % 32)] as char)
        .collect()
}

/// The canonical code for what someone typed or scanned, or `None` if it cannot be one.
pub fn normalize(input: &str) -> Option<String> {
    let mut code = String::with_capacity(CODE_CHARS);
    for c in input.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        code.push(c);
    }
    (code.len() == CODE_CHARS).then_some(code)
}

/// `XXXXX-XXXXX`, for printing.
pub fn display(code: &str) -> String {
    if code.len() == CODE_CHARS {
        format!("{}-{}", &code[..5], &code[5..])
    } else {
        code.to_string()
    }
}

/// What is stored instead of the code (and looked up by).
pub fn code_hash(code: &str) -> String {
    use sha2::{Digest, Sha256};
    super::chain::Digest32(Sha256::digest(code.as_bytes()).into()).to_hex()
}

/// A stored ticket's state at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TicketState {
    Usable,
    Used,
    Expired,
}

pub fn state(used: bool, expires_at: OffsetDateTime, now: OffsetDateTime) -> TicketState {
    if used {
        TicketState::Used
    } else if now >= expires_at {
        TicketState::Expired
    } else {
        TicketState::Usable
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    #[test]
    fn typed_codes_are_forgiven() {
        let code = code_from_bytes([0, 1, 2, 3, 31, 32, 33, 200, 255, 17]);
        assert_eq!(code.len(), CODE_CHARS);
        assert_eq!(normalize(&display(&code)), Some(code.clone()));
        assert_eq!(normalize("ab0de-fgh1k"), Some("AB0DEFGH1K".into()));
        assert_eq!(normalize("abode fghlk"), Some("AB0DEFGH1K".into()));
        assert_eq!(normalize("ABCDEFGHJ"), None, "too short");
        assert_eq!(normalize("ABCDEFGHJKU"), None, "U is not in the alphabet");
        assert_eq!(normalize("ABCDEFGHJÉ"), None);
    }

    #[test]
    fn states() {
        let expires = datetime!(2026-11-25 12:00 UTC);
        assert_eq!(
            state(false, expires, datetime!(2026-11-25 11:59 UTC)),
            TicketState::Usable
        );
        assert_eq!(state(false, expires, expires), TicketState::Expired);
        assert_eq!(
            state(true, expires, datetime!(2026-11-24 00:00 UTC)),
            TicketState::Used
        );
    }

    proptest! {
        #[test]
        fn every_generated_code_normalizes_to_itself(bytes in any::<[u8; 10]>()) {
            let code = code_from_bytes(bytes);
            prop_assert_eq!(normalize(&code), Some(code.clone()));
            prop_assert_eq!(normalize(&display(&code).to_lowercase()), Some(code));
        }
    }
}
