//! Alerts by e-mail (off unless `smtp` is configured): to a unit's admins when its day's
//! satisfaction dropped sharply against its own history or its quarantine grew; to the
//! officer and the inspectorate when an appeal is filed or decided; to the account that
//! recorded a Musrena forum when its proposals change stage.
//!
//! Events are queued in the database's outbox (the same event once, however many servers
//! notice it) and every server sends from it, claiming each alert for a minute first, so an
//! alert is sent once and a failed one is tried again. Recipients are accounts that gave an
//! address (`suara user email USERNAME ADDRESS`). The texts are Indonesian (the catalogue's).

use std::sync::Arc;
use std::time::Duration;

use suara_domain::access::Role;
use suara_store::{Alert, Contact, Tenant};
use time::OffsetDateTime;

pub use crate::mail::{MailError, Mailer};
use crate::state::AppState;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// Queues an alert when mail is on and someone is to be told; a failure is logged, never the
/// user's problem (their action is done).
async fn queue(
    app: &AppState,
    tenant_id: &str,
    key: String,
    to: Vec<String>,
    subject: String,
    body: String,
) {
    if app.mailer.is_none() || to.is_empty() {
        return;
    }
    let mut recipients = to;
    recipients.sort();
    recipients.dedup();
    let alert = Alert {
        tenant_id: tenant_id.to_string(),
        key,
        recipients,
        subject,
        body,
    };
    if let Err(error) = app
        .store
        .enqueue_alert(&alert, OffsetDateTime::now_utc())
        .await
    {
        tracing::error!(%error, key = %alert.key, "queueing an alert");
    }
}

async fn contacts(app: &AppState, tenant_id: &str) -> Vec<Contact> {
    if app.mailer.is_none() {
        return Vec::new();
    }
    app.store.contacts(tenant_id).await.unwrap_or_else(|error| {
        tracing::error!(%error, "reading alert addresses");
        Vec::new()
    })
}

fn addresses(contacts: &[Contact], wanted: impl Fn(&Contact) -> bool) -> Vec<String> {
    contacts
        .iter()
        .filter(|c| wanted(c))
        .map(|c| c.email.clone())
        .collect()
}

const ID: Lang = Lang::ID;

/// An officer appealed a response naming them: the officer and the inspectorate are told
/// (never who gave the response).
pub async fn appeal_filed(
    app: &AppState,
    tenant_id: &str,
    nip: &str,
    response_id: i64,
    reason: &str,
) {
    let all = contacts(app, tenant_id).await;
    let to = addresses(&all, |c| {
        c.nip.as_deref() == Some(nip) || c.role == Role::Inspectorate
    });
    let subject = ID.fill(T::MAIL_APPEAL_FILED_SUBJECT, &[&nip]);
    let body = ID.fill(T::MAIL_APPEAL_FILED_BODY, &[&nip, &reason]);
    queue(
        app,
        tenant_id,
        format!("appeal-filed:{response_id}"),
        to,
        subject,
        body,
    )
    .await;
}

/// The inspectorate decided an appeal: the officer and the inspectorate are told.
pub async fn appeal_decided(
    app: &AppState,
    tenant_id: &str,
    nip: &str,
    response_id: i64,
    upheld: bool,
    reason: &str,
) {
    let all = contacts(app, tenant_id).await;
    let to = addresses(&all, |c| {
        c.nip.as_deref() == Some(nip) || c.role == Role::Inspectorate
    });
    let outcome = ID.t(if upheld {
        T::MAIL_APPEAL_UPHELD
    } else {
        T::MAIL_APPEAL_DISMISSED
    });
    let subject = ID.fill(T::MAIL_APPEAL_DECIDED_SUBJECT, &[&nip]);
    let body = ID.fill(T::MAIL_APPEAL_DECIDED_BODY, &[&nip, &outcome, &reason]);
    queue(
        app,
        tenant_id,
        format!("appeal-decided:{response_id}"),
        to,
        subject,
        body,
    )
    .await;
}

/// The server refused to sign regency `tenant_id`'s log or audit chain (`refusal` says
/// why): its administrators and the inspectorate are told, once a day of the regency's
/// calendar however many servers refuse and however often they restart.
pub async fn signing_refused(app: &AppState, tenant_id: &str, refusal: &str) {
    let all = contacts(app, tenant_id).await;
    let to = addresses(&all, |c| {
        matches!(c.role, Role::Administrator | Role::Inspectorate)
    });
    let Ok(Some(tenant)) = app.store.tenant(tenant_id).await else {
        tracing::error!(tenant = %tenant_id, "alerting a refused signature: regency not read");
        return;
    };
    let today = OffsetDateTime::now_utc().to_offset(tenant.offset()).date();
    let subject = ID.fill(T::MAIL_SIGNING_REFUSED_SUBJECT, &[&tenant.name]);
    let body = ID.fill(T::MAIL_SIGNING_REFUSED_BODY, &[&tenant.name, &refusal]);
    queue(
        app,
        tenant_id,
        format!("signing-refused:{today}"),
        to,
        subject,
        body,
    )
    .await;
}

/// Proposals of a forum moved to a new stage: the account that recorded the forum is told.
pub async fn stage_changed(
    app: &AppState,
    tenant_id: &str,
    forum: &str,
    recorded_by: &str,
    moved: &[(String, String)],
) {
    if moved.is_empty() {
        return;
    }
    let all = contacts(app, tenant_id).await;
    let to = addresses(&all, |c| c.username == recorded_by);
    let lines: Vec<String> = moved
        .iter()
        .map(|(code, stage)| format!("- {code}: {stage}"))
        .collect();
    let stamp = OffsetDateTime::now_utc().unix_timestamp_nanos();
    let subject = ID.fill(T::MAIL_STAGE_SUBJECT, &[&forum]);
    let body = ID.fill(T::MAIL_STAGE_BODY, &[&forum, &lines.join("\n")]);
    queue(
        app,
        tenant_id,
        format!("stage:{forum}:{stamp}"),
        to,
        subject,
        body,
    )
    .await;
}

/// Yesterday (the regency's calendar) of every unit against its 28 days before: a sharp
/// drop in satisfaction or a grown quarantine is told to the unit's admins (of the unit or
/// a unit above it). Run by every server once a day; each event is queued once.
pub async fn check_units(
    app: &AppState,
    tenant: &Tenant,
    now: OffsetDateTime,
) -> Result<(), suara_store::StoreError> {
    use suara_domain::alerts::{holds_grew, sharp_drop, windows};
    if app.mailer.is_none() {
        return Ok(());
    }
    let judged = windows(now, tenant.offset());
    let (yesterday, today) = judged.day;
    let (history_from, _) = judged.history;
    let units = app.store.units(&tenant.tenant_id).await?;
    let tree = suara_domain::org::tree::UnitTree::new(
        units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    let all = contacts(app, &tenant.tenant_id).await;
    let date = ID.date(yesterday.date());
    for unit in &units {
        let id = &unit.unit_id;
        let (tally, holds) = app
            .store
            .unit_period(&tenant.tenant_id, id, yesterday, today)
            .await?;
        if tally.responses() == 0 && holds == 0 {
            continue;
        }
        let (past, past_holds) = app
            .store
            .unit_period(&tenant.tenant_id, id, history_from, yesterday)
            .await?;
        let to = addresses(&all, |c| {
            c.role == Role::UnitAdmin
                && c.unit_id
                    .as_deref()
                    .is_some_and(|root| tree.is_within(&unit.unit_id, root))
        });
        if let Some(drop) = sharp_drop(&tally, &past) {
            let subject = ID.fill(T::MAIL_DROP_SUBJECT, &[&unit.name, &date]);
            let body = ID.fill(
                T::MAIL_DROP_BODY,
                &[
                    &unit.name,
                    &date,
                    &ID.decimal(drop.day),
                    &tally.responses(),
                    &ID.decimal(drop.history),
                ],
            );
            queue(
                app,
                &tenant.tenant_id,
                format!("drop:{}:{}", unit.unit_id, yesterday.date()),
                to.clone(),
                subject,
                body,
            )
            .await;
        }
        if holds_grew(holds, past_holds) {
            let subject = ID.fill(T::MAIL_HOLDS_SUBJECT, &[&unit.name, &date]);
            let body = ID.fill(
                T::MAIL_HOLDS_BODY,
                &[&unit.name, &date, &holds, &past_holds],
            );
            queue(
                app,
                &tenant.tenant_id,
                format!("holds:{}:{}", unit.unit_id, yesterday.date()),
                to,
                subject,
                body,
            )
            .await;
        }
    }
    Ok(())
}

/// Sends what is queued, every two seconds; checks each regency's units once per day of its
/// calendar (looking every ten minutes whether a day has ended). Runs on every server.
pub async fn run(app: Arc<AppState>) {
    let Some(mailer) = app.mailer.clone() else {
        return;
    };
    let mut tick = tokio::time::interval(Duration::from_secs(2));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut checked: std::collections::HashMap<String, time::Date> = Default::default();
    let mut looked: Option<std::time::Instant> = None;
    loop {
        tick.tick().await;
        if looked.is_none_or(|at| at.elapsed() >= Duration::from_secs(600)) {
            looked = Some(std::time::Instant::now());
            check_every_regency(&app, &mut checked).await;
        }
        send_queued(&app, &mailer).await;
    }
}

/// [`check_units`] for each regency whose day ended since it was last checked.
async fn check_every_regency(
    app: &AppState,
    checked: &mut std::collections::HashMap<String, time::Date>,
) {
    let now = OffsetDateTime::now_utc();
    let tenants = match app.store.tenants().await {
        Ok(tenants) => tenants,
        Err(error) => {
            tracing::warn!(%error, "reading regencies for alerts");
            return;
        }
    };
    for tenant in tenants {
        let today = now.to_offset(tenant.offset()).date();
        if checked.get(&tenant.tenant_id) == Some(&today) {
            continue;
        }
        match check_units(app, &tenant, now).await {
            Ok(()) => {
                checked.insert(tenant.tenant_id.clone(), today);
            }
            Err(error) => {
                tracing::warn!(%error, tenant = %tenant.tenant_id, "checking units for alerts")
            }
        }
    }
}

/// Sends every alert this server can claim now.
pub async fn send_queued(app: &AppState, mailer: &Mailer) {
    let claimed = app
        .store
        .claim_alerts(OffsetDateTime::now_utc(), time::Duration::minutes(1), 20)
        .await;
    let alerts = match claimed {
        Ok(alerts) => alerts,
        Err(error) => {
            tracing::warn!(%error, "claiming alerts");
            return;
        }
    };
    for alert in alerts {
        let outcome = mailer.send(&alert).await;
        metrics::counter!("suara_alerts_total", "outcome" => if outcome.is_ok() { "sent" } else { "failed" })
            .increment(1);
        if let Err(error) = &outcome {
            tracing::warn!(%error, key = %alert.key, "sending an alert");
        }
        if let Err(error) = app
            .store
            .alert_outcome(&alert, outcome, OffsetDateTime::now_utc())
            .await
        {
            tracing::error!(%error, key = %alert.key, "recording an alert's outcome");
        }
    }
}
