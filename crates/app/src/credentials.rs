//! Credentials: argon2id password hashes, checked on threads of their own under a bound, and
//! random tokens (sessions, CSRF, reset links) of which only the SHA-256 is stored.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

/// Password hashes computed at once (argon2id takes 19 MiB each), and attempts that may wait
/// for one; past that, sign-in answers 503 at once.
const HASHING_AT_ONCE: usize = 2;
const HASHING_QUEUE: usize = 16;

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

/// A hash of a password no one knows (made once per process from random bytes): accounts
/// that sign in through an identity provider never sign in with one, and a guess at theirs
/// takes as long as at any other.
pub fn unusable_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password(&random_token()).unwrap_or_default())
}

/// 32 random bytes as hex: session tokens and CSRF tokens.
/// A new one-time ticket code from OS randomness (counter staff, queue systems and the bench
/// make them alike).
pub fn new_ticket_code() -> String {
    let mut bytes = [0u8; suara_domain::integrity::ticket::CODE_CHARS];
    OsRng.fill_bytes(&mut bytes);
    suara_domain::integrity::ticket::code_from_bytes(bytes)
}

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

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn secrets_and_tokens() {
        assert!(
            same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("ab", "abc")
        );
        assert_eq!(random_token().len(), 64);
        assert_ne!(random_token(), random_token());
    }
}
