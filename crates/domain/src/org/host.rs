//! Host names a regency is served under: every request finds its regency from its `Host`
//! header, so the name in the header and the one registered must compare equal.

/// The host name of a `Host` header or a registration, compared form: lowercase, without a
/// port or a trailing dot. `None` for anything that is not a DNS name or an IPv4 address
/// (IPv6 literals are never a regency's host).
pub fn normalize(host: &str) -> Option<String> {
    let host = host.trim();
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        Some(_) => return None,
        None => host,
    };
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    (name.len() <= 253 && name.split('.').all(label_ok)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use proptest::prelude::*;

    #[test]
    fn ports_case_and_trailing_dots_do_not_matter() {
        let want = Some("suara.trenggalekkab.go.id".to_string());
        assert_eq!(normalize("suara.trenggalekkab.go.id"), want);
        assert_eq!(normalize("SUARA.Trenggalekkab.go.id:8443"), want);
        assert_eq!(normalize("suara.trenggalekkab.go.id."), want);
        assert_eq!(normalize("127.0.0.1:8080"), Some("127.0.0.1".into()));
        assert_eq!(normalize("localhost"), Some("localhost".into()));
    }

    #[test]
    fn what_is_not_a_host_name_is_refused() {
        for bad in [
            "", ":80", "a..b", "-a.b", "a-.b", "a b", "a_b.id", "[::1]:80", "a.b:x", "a.b:",
            "ä.id", "a/b",
        ] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
        assert_eq!(normalize(&"a".repeat(64)), None);
        assert_eq!(normalize(&vec!["a".repeat(63); 5].join(".")), None);
    }

    proptest! {
        #[test]
        fn normalizing_is_idempotent(host in "[a-zA-Z0-9.:-]{0,40}") {
            if let Some(once) = normalize(&host) {
                prop_assert_eq!(normalize(&once), Some(once.clone()));
            }
        }
    }
}
