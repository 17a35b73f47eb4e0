//! What every handler shares: the store, the signing keys, the regencies' host names and the
//! server's settings, with the questions every request asks of them (which regency, which
//! client address, which public address).

use std::sync::Arc;

use axum::http::header;
use suara_app::innovation::EffectCells;
use suara_store::{Store, Tenant};

use crate::error::ApiError;
use crate::mail::Mailer;
use crate::{auth, tenancy};

/// Largest request body accepted: a survey response is well under 4 KiB.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Shared by all handlers.
pub struct AppState {
    pub store: Store,
    /// Tenant used when a request names none; `None` means "the only tenant there is".
    pub default_tenant: Option<String>,
    /// Public address for links printed on tickets and posters (e.g.
    /// `https://suara.trenggalekkab.go.id`); taken from the request's Host header when unset.
    pub public_url: Option<String>,
    /// Take the client address from `X-Forwarded-For` (only behind one's own reverse proxy,
    /// which sets it); otherwise the connection's address is used.
    pub trust_proxy: bool,
    /// The transparency log's signing key (outside the database).
    pub signer: Arc<suara_app::signing::Signer>,
    /// Sums innovations' effects are measured from, kept a few minutes per regency.
    pub effect_cells: EffectCells,
    /// Host names and their regencies.
    pub hosts: tenancy::Hosts,
    /// Set when shutdown begins: `/ready` answers 503 from then on.
    pub draining: std::sync::atomic::AtomicBool,
    /// Where alerts are sent (`None`: alerts are off).
    pub mailer: Option<Arc<Mailer>>,
    /// The regencies that sign in through their identity provider, by regency code.
    pub sso: suara_app::sso::Providers,
    /// The built documentation book, served at `/panduan/` (`None`: not served).
    pub book: Option<std::path::PathBuf>,
    /// The witnesses asked to cosign each regency's checkpoints.
    pub witnesses: Arc<suara_app::witnessing::Witnesses>,
}

impl AppState {
    /// The client's address: the connection's, or behind one's own reverse proxy
    /// (`--trust-proxy`) the last address in `X-Forwarded-For`, the one the proxy itself
    /// added. Every line of the header counts, in order: a proxy that adds a line of its own
    /// after a client's puts its address last, and earlier entries are whatever the client
    /// claimed.
    pub(crate) fn client_ip(
        &self,
        headers: &axum::http::HeaderMap,
        extensions: &axum::http::Extensions,
    ) -> Option<std::net::IpAddr> {
        let forwarded = self
            .trust_proxy
            .then(|| headers.get_all("x-forwarded-for").iter().next_back())
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse::<std::net::IpAddr>().ok());
        let connected = extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        forwarded.or(connected)
    }

    /// What the anomaly rules may know of a request: its network (a prefix, hashed later)
    /// and the anonymous device cookie of the survey page.
    pub(crate) fn signals(
        &self,
        headers: &axum::http::HeaderMap,
        extensions: &axum::http::Extensions,
    ) -> suara_store::Signals {
        suara_store::Signals {
            network: self
                .client_ip(headers, extensions)
                .map(suara_domain::integrity::anomaly::network_of),
            device: auth::cookie(headers, auth::DEVICE_COOKIE).filter(|d| d.len() <= 64),
        }
    }

    /// The public base address, without a trailing slash: the regency's host name the
    /// request came to, else `--public-url`, else the request's Host header.
    pub(crate) fn base_url(&self, headers: &axum::http::HeaderMap) -> String {
        if let tenancy::Site::Regency { host, .. } = tenancy::current() {
            return format!("{}://{host}", self.scheme());
        }
        if let Some(url) = &self.public_url {
            return url.trim_end_matches('/').to_string();
        }
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        format!("http://{host}")
    }
}

impl AppState {
    /// The regency a request is about. Its host name decides when it has one of a regency's
    /// (a request naming another regency there is refused, so nothing crosses over); on a
    /// host no regency claims: the one it names, else `--tenant`, else the only one, else
    /// the visitor is asked to choose.
    pub(crate) async fn tenant(&self, requested: Option<&str>) -> Result<Tenant, ApiError> {
        if let tenancy::Site::Regency { tenant, .. } = tenancy::current() {
            return match requested {
                Some(code) if code != tenant.tenant_id => Err(ApiError::unknown_field("tenant")),
                _ => Ok(tenant),
            };
        }
        let wanted = requested.or(self.default_tenant.as_deref());
        match wanted {
            Some(code) => self
                .store
                .tenant(code)
                .await?
                .ok_or_else(|| ApiError::unknown_field("tenant")),
            None => {
                // The province's entry is no regency: citizens never choose it.
                let provinces = self.store.province_entries().await?;
                let mut tenants = self.store.tenants().await?;
                tenants.retain(|t| !provinces.contains(&t.tenant_id));
                match tenants.len() {
                    1 => Ok(tenants.remove(0)),
                    0 => Err(ApiError::NotFound("no regency is set up yet".into())),
                    _ => {
                        let hosts = self.hosts.first_hosts(&self.store).await?;
                        tenants.sort_by(|a, b| a.name.cmp(&b.name));
                        let scheme = self.scheme();
                        Err(ApiError::ChooseRegency(
                            tenants
                                .into_iter()
                                .map(|t| tenancy::Choice {
                                    address: hosts
                                        .get(&t.tenant_id)
                                        .map(|h| format!("{scheme}://{h}/")),
                                    name: t.name,
                                })
                                .collect(),
                        ))
                    }
                }
            }
        }
    }

    /// `https` when the public address says so (behind a TLS proxy), else `http`.
    pub(crate) fn scheme(&self) -> &'static str {
        match &self.public_url {
            Some(url) if url.starts_with("https://") => "https",
            _ => "http",
        }
    }
}
