//! Staff sign-in over HTTP: session cookies holding a random token (only its SHA-256 is
//! stored; see `suara_app::credentials`), CSRF tokens bound to the session, and rate-limited
//! sign-in.

use axum::http::{header, HeaderMap};
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
        submitted.is_some_and(|token| {
            suara_app::credentials::same_secret(token, &self.session.csrf_token)
        })
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
    fn cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "a=1; suara_session=abc".parse().unwrap());
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "b"), None);
        assert!(set_cookie("s", "v", SESSION_LIFETIME)
            .contains("HttpOnly; Secure; SameSite=Lax; Max-Age=28800"));
    }
}
