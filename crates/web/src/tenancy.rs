//! Which regency a request is about: the one whose host name its `Host` header carries
//! (`suara tenant host CODE HOST`). A host that no regency claims (an address, `localhost`)
//! is served as before host names: the regency the request names, else the server's
//! `--tenant`, else the only one there is; with several, pages offer a chooser.
//!
//! The middleware puts the answer in a task-local for the request, so that every handler's
//! one way to its regency, [`crate::state::AppState::tenant`], obeys it without being handed it.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use suara_store::{Store, StoreError, Tenant};

/// A regency on the chooser: its name and, when it has a host name, its address.
#[derive(Clone, Debug)]
pub struct Choice {
    pub name: String,
    pub address: Option<String>,
}

/// What a request's host says.
#[derive(Clone, Debug)]
pub enum Site {
    /// A host name of this regency.
    Regency { tenant: Tenant, host: String },
    /// A host no regency claims.
    Unclaimed,
}

impl Site {
    /// The regency the host names, if it names one.
    pub fn tenant_id(&self) -> Option<&str> {
        match self {
            Site::Regency { tenant, .. } => Some(&tenant.tenant_id),
            Site::Unclaimed => None,
        }
    }
}

tokio::task_local! {
    static SITE: Site;
}

/// The current request's site (outside a request, as when a test calls a handler's helper
/// directly: unclaimed).
pub fn current() -> Site {
    SITE.try_with(Site::clone).unwrap_or(Site::Unclaimed)
}

/// How long a host table read from the database is used: `suara tenant host` reaches every
/// app server within this.
const FRESH_FOR: Duration = Duration::from_secs(2);

type Table = Arc<HashMap<String, Tenant>>;

/// Host names and their regencies, read from the database at most every [`FRESH_FOR`].
#[derive(Default)]
pub struct Hosts {
    read: RwLock<Option<(Instant, Table)>>,
}

impl Hosts {
    async fn table(&self, store: &Store) -> Result<Table, StoreError> {
        if let Some((at, table)) = &*self.read.read().unwrap_or_else(|e| e.into_inner()) {
            if at.elapsed() < FRESH_FOR {
                return Ok(table.clone());
            }
        }
        let tenants: HashMap<String, Tenant> = store
            .tenants()
            .await?
            .into_iter()
            .map(|t| (t.tenant_id.clone(), t))
            .collect();
        let table: Table = Arc::new(
            store
                .tenant_hosts()
                .await?
                .into_iter()
                .filter_map(|(host, id)| Some((host, tenants.get(&id)?.clone())))
                .collect(),
        );
        *self.read.write().unwrap_or_else(|e| e.into_inner()) =
            Some((Instant::now(), table.clone()));
        Ok(table)
    }

    /// The site `host` (a `Host` header's value) names.
    pub async fn site(&self, store: &Store, host: Option<&str>) -> Result<Site, StoreError> {
        let Some(host) = host.and_then(suara_domain::org::host::normalize) else {
            return Ok(Site::Unclaimed);
        };
        Ok(match self.table(store).await?.get(&host) {
            Some(tenant) => Site::Regency {
                tenant: tenant.clone(),
                host,
            },
            None => Site::Unclaimed,
        })
    }

    /// Each regency's first host name (for the chooser), by regency code.
    pub async fn first_hosts(&self, store: &Store) -> Result<HashMap<String, String>, StoreError> {
        let mut first: HashMap<String, String> = HashMap::new();
        for (host, tenant) in self.table(store).await?.iter() {
            let slot = first
                .entry(tenant.tenant_id.clone())
                .or_insert(host.clone());
            if host < slot {
                *slot = host.clone();
            }
        }
        Ok(first)
    }
}

/// Finds the request's site and runs the rest of the request within it (the middleware is
/// `crate::resolve_site`).
pub async fn resolve(
    hosts: &Hosts,
    store: &Store,
    request: Request,
    next: Next,
) -> Result<Response, StoreError> {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string);
    let site = hosts.site(store, host.as_deref()).await?;
    Ok(SITE.scope(site, next.run(request)).await)
}
