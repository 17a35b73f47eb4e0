//! Innovations' measured effects on the satisfaction they set out to change, kept per
//! regency so one pass over the responses serves every page, file and command.

pub mod index;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use suara_domain::innovation::effect::{EffectRule, SPAN_MONTHS};
use suara_domain::innovation::measure::{first_month_needed, measure, Cells, ScoreEffect};
use suara_domain::period::Month;
use suara_store::{Store, StoreError, StoredInnovation, Tenant};
use time::OffsetDateTime;

/// How long measured sums are used before they are read again (in the background, the
/// older ones serving meanwhile): effects move with months of responses, not minutes.
const CELLS_KEPT: Duration = Duration::from_secs(300);

/// Per regency, the sums per unit and month the effects are measured from: one pass over
/// the responses serves every page and innovation. Only the first request after a start
/// (or one needing older months) waits for the pass.
#[derive(Default)]
pub struct EffectCells {
    kept: Arc<Mutex<HashMap<String, Kept>>>,
}

/// Cells read at an instant, covering months from one to another.
struct Kept {
    at: Instant,
    from: Month,
    to: Month,
    cells: Arc<Cells>,
    refreshing: bool,
}

impl EffectCells {
    fn keep(&self, tenant_id: &str, from: Month, to: Month, cells: Arc<Cells>) {
        if let Ok(mut kept) = self.kept.lock() {
            let at = Instant::now();
            let refreshing = false;
            kept.insert(
                tenant_id.to_string(),
                Kept {
                    at,
                    from,
                    to,
                    cells,
                    refreshing,
                },
            );
        }
    }

    /// Cells from `first` to `current`: the kept ones when they reach back far enough
    /// (read again in the background once older than [`CELLS_KEPT`]), else read now.
    async fn get(
        &self,
        store: &Store,
        tenant_id: &str,
        first: Month,
        current: Month,
    ) -> Result<Arc<Cells>, StoreError> {
        let mut refresh = None;
        let kept = match self.kept.lock() {
            Ok(mut kept) => kept
                .get_mut(tenant_id)
                .filter(|k| k.from <= first && k.to == current)
                .map(|k| {
                    if k.at.elapsed() >= CELLS_KEPT && !k.refreshing {
                        k.refreshing = true;
                        refresh = Some(k.from);
                    }
                    k.cells.clone()
                }),
            Err(_) => None,
        };
        if let Some(from) = refresh {
            let (cache, store, tenant) = (
                EffectCells {
                    kept: self.kept.clone(),
                },
                store.clone(),
                tenant_id.to_string(),
            );
            tokio::spawn(async move {
                match store.effect_cells(&tenant, from, current).await {
                    Ok(cells) => cache.keep(&tenant, from, current, Arc::new(cells)),
                    Err(error) => {
                        tracing::warn!(%error, "reading innovation effect sums");
                        if let Some(k) = cache
                            .kept
                            .lock()
                            .ok()
                            .as_mut()
                            .and_then(|k| k.get_mut(&tenant))
                        {
                            k.refreshing = false;
                        }
                    }
                }
            });
        }
        if let Some(cells) = kept {
            return Ok(cells);
        }
        let cells = Arc::new(store.effect_cells(tenant_id, first, current).await?);
        self.keep(tenant_id, first, current, cells.clone());
        Ok(cells)
    }
}

/// Each innovation's effects, measured up to the regency's current month.
pub async fn effects_of(
    store: &Store,
    cache: &EffectCells,
    tenant: &Tenant,
    innovations: &[StoredInnovation],
) -> Result<HashMap<i64, Vec<ScoreEffect>>, StoreError> {
    let current = tenant.month_of(OffsetDateTime::now_utc());
    let starts = innovations
        .iter()
        .flat_map(|i| i.units.iter().filter_map(|u| u.started_on));
    let first = first_month_needed(starts, current, SPAN_MONTHS);
    let cells = cache.get(store, &tenant.tenant_id, first, current).await?;
    let rule = EffectRule::default();
    Ok(innovations
        .iter()
        .map(|i| {
            let effects = measure(
                &i.adoption(),
                &i.innovation.elements,
                &cells,
                current,
                SPAN_MONTHS,
                &rule,
            );
            (i.innovation_id, effects)
        })
        .collect())
}
