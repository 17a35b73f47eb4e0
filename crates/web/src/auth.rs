//! Staff sign-in: argon2id password hashes, session cookies holding a random token (only its
//! SHA-256 is stored), CSRF tokens bound to the session, and rate-limited sign-in.

use std::net::SocketAddr;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap};
use sha2::{Digest, Sha256};
use suara_domain::access::Principal;
use suara_store::SessionInfo;
use time::Duration;

pub const SESSION_COOKIE: &str = "suara_session";
/// Double-submit cookie protecting the sign-in form, which has no session yet.
pub const LOGIN_CSRF_COOKIE: &str = "suara_login";
/// Anonymous id of a browser that opened the survey, for the "same device again" rule.
pub const DEVICE_COOKIE: &str = "suara_perangkat";
/// The token of a counter tablet registered as a kiosk.
pub const KIOSK_COOKIE: &str = "suara_kios";
pub const SESSION_LIFETIME: Duration = Duration::hours(8);
/// Sign-in failures allowed per account, and per client address, within the window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_CLIENT: i64 = 20;
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);

/// An argon2id hash (PHC string) with a fresh salt and the crate's default parameters
/// (OWASP's minimum: 19 MiB, 2 passes).
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the account does not exist, so that a wrong username
/// takes as long as a wrong password.
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("no account has this password").unwrap_or_default())
}

/// 32 random bytes as hex: session tokens and CSRF tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A cookie value from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// `Set-Cookie` for a cookie only the server reads, sent over HTTPS only (browsers treat
/// localhost as secure, so the demo still works over plain HTTP there).
pub fn set_cookie(name: &str, value: &str, max_age: Duration) -> String {
    format!(
        "{name}={value}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age={}",
        max_age.whole_seconds().max(0)
    )
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The client's address as the connection shows it (no proxy headers are trusted).
pub fn client_address(request_extensions: &axum::http::Extensions) -> String {
    request_extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_string(), |c| c.0.ip().to_string())
}

/// The signed-in user of a request, put there by the access check.
#[derive(Clone, Debug)]
pub struct Staff {
    pub session: SessionInfo,
    pub principal: Principal,
}

impl Staff {
    pub fn username(&self) -> &str {
        &self.session.account.username
    }

    pub fn tenant_id(&self) -> &str {
        &self.session.tenant_id
    }

    /// Whether a submitted form carries this session's CSRF token.
    pub fn csrf_ok(&self, submitted: Option<&str>) -> bool {
        submitted.is_some_and(|token| same_secret(token, &self.session.csrf_token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn cookies_and_secrets() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "a=1; suara_session=abc".parse().unwrap());
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "b"), None);
        assert!(
            same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("ab", "abc")
        );
        assert_eq!(random_token().len(), 64);
        assert_ne!(random_token(), random_token());
        assert!(set_cookie("s", "v", SESSION_LIFETIME)
            .contains("HttpOnly; Secure; SameSite=Lax; Max-Age=28800"));
    }
}
