//! The second factor of the roles that touch pay: time-based one-time passwords (RFC 6238:
//! HMAC-SHA-1, 6 digits, 30-second steps, one step of clock skew either way, through the
//! `totp-rs` crate) that any authenticator app makes, and single-use recovery codes for a
//! lost phone. A code is accepted once: the newest step used is kept with the account and
//! only a later one is accepted after it.

use rand::Rng;
use suara_domain::access::Role;
use totp_rs::{Secret, Totp};

/// Recovery codes given when the second factor is set up.
pub const RECOVERY_CODES: usize = 10;

/// Letters and digits no one misreads (no 0/O, 1/l/I).
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Whether accounts of this role need a second factor: those that decide, pay or check pay
/// (a stolen password alone must not move anyone's TPP).
pub fn required(role: Role) -> bool {
    matches!(
        role,
        Role::Administrator | Role::Hr | Role::Finance | Role::Inspectorate
    )
}

/// A new secret (160 random bits, as RFC 4226 recommends), in base32.
pub fn new_secret() -> String {
    Secret::new_stack(rand::thread_rng().gen()).to_base32()
}

fn totp(secret: &str, issuer: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    // The otpauth label may not hold a colon; it names, it does not decide.
    let clean = |text: &str| text.replace(':', " ");
    totp_rs::Builder::new()
        .with_secret(secret)
        .with_issuer(Some(clean(issuer)))
        .with_account_name(clean(account))
        .build()
        .ok()
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn setup_url(secret: &str, issuer: &str, account: &str) -> Option<String> {
    totp(secret, issuer, account)?.to_url().ok()
}

/// The step (Unix time / 30) a typed code belongs to, if it is valid at `unix_time` and
/// later than `last_step`, the newest step accepted before; spaces are ignored.
pub fn accepted_step(
    secret: &str,
    code: &str,
    unix_time: u64,
    last_step: Option<u64>,
) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let step = totp(secret, "suara", "account")?.check(&code, unix_time)?;
    last_step.is_none_or(|last| step > last).then_some(step)
}

/// The code of a step, as an authenticator app shows it (for the demo's sign-in help and
/// for tests).
pub fn code_at(secret: &str, unix_time: u64) -> Option<String> {
    Some(
        totp(secret, "suara", "account")?
            .generate(unix_time)
            .to_string(),
    )
}

/// A set of recovery codes, `abcd-efgh`.
pub fn recovery_codes() -> Vec<String> {
    let mut rng = rand::thread_rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut letter =
                || char::from(RECOVERY_ALPHABET[rng.gen_range(0..RECOVERY_ALPHABET.len())]);
            let first: String = (0..4).map(|_| letter()).collect();
            let second: String = (0..4).map(|_| letter()).collect();
            format!("{first}-{second}")
        })
        .collect()
}

/// A recovery code as typed (any case, with or without the dash or spaces), in the form it
/// is hashed in; `None` when it cannot be one.
pub fn recovery_code(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (letters.len() == 8 && letters.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)))
        .then(|| format!("{}-{}", &letters[..4], &letters[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_test_vector() {
        // RFC 6238 appendix B, SHA-1: the secret "12345678901234567890", at 59 s.
        let secret = Secret::new_stack(*b"12345678901234567890").to_base32();
        assert_eq!(code_at(&secret, 59).unwrap(), "287082");
        assert_eq!(code_at(&secret, 1_111_111_109).unwrap(), "081804");
    }

    #[test]
    fn a_code_is_accepted_once_and_only_near_its_time() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).unwrap();
        let step = accepted_step(&secret, &code, now, None).unwrap();
        assert_eq!(step, now / 30);
        assert_eq!(
            accepted_step(&secret, &code, now, Some(step)),
            None,
            "replayed"
        );
        assert_eq!(
            accepted_step(&secret, &code, now + 90, None),
            None,
            "too late"
        );
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(accepted_step(&secret, &spaced, now + 30, None).is_some());
        assert_eq!(accepted_step(&secret, "12345", now, None), None);
    }

    #[test]
    fn recovery_codes_read_back_however_typed() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        for code in &codes {
            assert_eq!(
                recovery_code(&code.to_uppercase().replace('-', " ")).as_ref(),
                Some(code)
            );
        }
        assert_eq!(recovery_code("123456"), None);
        assert_eq!(recovery_code("abcd-efg0"), None);
    }

    #[test]
    fn pay_roles_need_it() {
        assert!(required(Role::Finance) && required(Role::Hr) && required(Role::Administrator));
        assert!(required(Role::Inspectorate));
        assert!(!required(Role::Officer) && !required(Role::Planner));
    }
}
