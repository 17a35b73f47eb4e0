//! Staff sign-in: argon2id password hashes, session cookies holding a random token (only its
//! SHA-256 is stored), CSRF tokens bound to the session, and rate-limited sign-in.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, SaltString};
use argon2::Argon2;
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
/// Sign-in failures before delays begin: for one username from one client address, and from
/// one client address for any username. Past them each further attempt waits twice as long
/// as the one before (1 s, 2 s, 4 s, … up to [`MAX_DELAY`]) after the latest failure. Nobody
/// elsewhere is slowed: a guesser cannot lock a colleague out.
pub const FREE_FAILURES_PER_PAIR: u64 = 5;
pub const FREE_FAILURES_PER_CLIENT: u64 = 20;
pub const MAX_DELAY: Duration = Duration::minutes(15);
/// Failures older than this are forgotten.
pub const FAILURE_WINDOW: Duration = Duration::hours(1);
/// Password hashes computed at once (argon2id takes 19 MiB each), and attempts that may wait
/// for one; past that, sign-in answers 503 at once.
const HASHING_AT_ONCE: usize = 2;
const HASHING_QUEUE: usize = 16;

/// The client as the sign-in limits count it: an IPv4 address, or the /64 of an IPv6 one (a
/// household or hotspot is given a whole /64, so its other addresses are no new clients).
pub fn client_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => suara_domain::integrity::anomaly::network_of(ip),
        },
        std::net::IpAddr::V4(v4) => v4.to_string(),
    }
}

/// How long after the latest of `failures` earlier failures the next attempt must wait,
/// when `free` of them are allowed without delay.
pub fn sign_in_delay(failures: u64, free: u64) -> Duration {
    if failures < free {
        return Duration::ZERO;
    }
    let doublings = (failures - free).min(20);
    Duration::seconds(1i64 << doublings).min(MAX_DELAY)
}

/// The wait still owed before an attempt at `now`, given its prior failures.
pub fn wait_owed(prior: &suara_store::PriorFailures, now: time::OffsetDateTime) -> Duration {
    let owed = |failures: u64, free: u64, last: Option<time::OffsetDateTime>| {
        last.map_or(Duration::ZERO, |last| {
            (last + sign_in_delay(failures, free) - now).max(Duration::ZERO)
        })
    };
    owed(prior.pair, FREE_FAILURES_PER_PAIR, prior.pair_last).max(owed(
        prior.client,
        FREE_FAILURES_PER_CLIENT,
        prior.client_last,
    ))
}

/// The server is hashing as many passwords as it will at once, and enough are waiting.
#[derive(Debug)]
pub struct Busy;

type HashJob = (String, String, tokio::sync::oneshot::Sender<bool>);

/// The threads that check passwords, fed through a bounded queue. Threads of their own, not
/// the blocking pool: each thread's allocator keeps argon2's 19 MiB once used, so hashing on
/// whatever pool thread is free grew the server by 19 MiB for every thread it touched.
static HASHER: std::sync::LazyLock<std::sync::mpsc::SyncSender<HashJob>> =
    std::sync::LazyLock::new(|| {
        let (jobs, queue) = std::sync::mpsc::sync_channel::<HashJob>(HASHING_QUEUE);
        let queue = std::sync::Arc::new(std::sync::Mutex::new(queue));
        for i in 0..HASHING_AT_ONCE {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("suara-password-{i}"))
                .spawn(move || {
                    // One argon2 working memory per thread, reused: the server's memory stays
                    // at HASHING_AT_ONCE × 19 MiB however many sign-ins come.
                    let mut memory = Vec::new();
                    loop {
                        let job = match queue.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        let Ok((password, hash, reply)) = job else {
                            return;
                        };
                        let _ = reply.send(verify_password(&password, &hash, &mut memory));
                    }
                });
            if let Err(error) = spawned {
                tracing::error!(%error, "starting a password thread");
            }
        }
        jobs
    });

/// [`verify_password`] on the password threads, at most [`HASHING_AT_ONCE`] at a time with
/// [`HASHING_QUEUE`] waiting: 300 sign-in attempts at once cost 2 × 19 MiB, not 300 ×, and
/// the async workers never wait on argon2.
pub async fn verify_password_bounded(password: String, hash: String) -> Result<bool, Busy> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    HASHER.try_send((password, hash, reply)).map_err(|_| Busy)?;
    answer.await.map_err(|_| Busy)
}

/// An argon2id hash (PHC string) with a fresh salt and the crate's default parameters
/// (OWASP's minimum: 19 MiB, 2 passes).
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// [`hash_password`] off the async workers (it takes tens of milliseconds of CPU).
pub async fn hash_password_off_thread(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || hash_password(&password).map_err(|e| e.to_string()))
        .await
        .map_err(|e| e.to_string())?
}

/// Checks a password against a stored hash (PHC string), in `memory` (resized to the hash's
/// cost and kept by the caller for the next check); a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str, memory: &mut Vec<argon2::Block>) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Ok(params), Ok(algorithm), Some(salt), Some(expected)) = (
        argon2::Params::try_from(&parsed),
        argon2::Algorithm::try_from(parsed.algorithm),
        parsed.salt,
        parsed.hash,
    ) else {
        return false;
    };
    let version = parsed
        .version
        .map_or(Ok(argon2::Version::default()), argon2::Version::try_from);
    let Ok(version) = version else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    memory.resize(params.block_count(), argon2::Block::default());
    let mut computed = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut computed, &mut memory[..])
        .is_ok()
        && same_bytes(&computed, expected.as_bytes())
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
    same_bytes(a.as_bytes(), b.as_bytes())
}

fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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
    fn an_ipv6_client_is_its_64() {
        let key = |ip: &str| client_key(ip.parse().unwrap());
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("198.51.100.7"), "198.51.100.7");
        assert_eq!(key("::ffff:198.51.100.7"), "198.51.100.7");
    }

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        let mut memory = Vec::new();
        assert!(verify_password("correct horse battery", &hash, &mut memory));
        assert!(!verify_password(
            "correct horse batterY",
            &hash,
            &mut memory
        ));
        assert!(!verify_password("x", "not a hash", &mut memory));
        assert!(
            verify_password("correct horse battery", &hash, &mut memory),
            "memory reused"
        );
    }

    #[test]
    fn sign_in_delays_double_and_stop_at_the_cap() {
        assert_eq!(sign_in_delay(4, 5), Duration::ZERO);
        assert_eq!(sign_in_delay(5, 5), Duration::seconds(1));
        assert_eq!(sign_in_delay(6, 5), Duration::seconds(2));
        assert_eq!(sign_in_delay(15, 5), Duration::seconds(1024).min(MAX_DELAY));
        assert_eq!(sign_in_delay(1_000, 5), MAX_DELAY);
        let now = time::macros::datetime!(2026-11-25 10:00 UTC);
        let prior = suara_store::PriorFailures {
            pair: 6,
            pair_last: Some(now - Duration::seconds(1)),
            client: 6,
            client_last: Some(now - Duration::seconds(1)),
        };
        assert_eq!(wait_owed(&prior, now), Duration::seconds(1));
        let later = suara_store::PriorFailures {
            pair_last: Some(now - Duration::seconds(5)),
            ..prior
        };
        assert_eq!(wait_owed(&later, now), Duration::ZERO);
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
