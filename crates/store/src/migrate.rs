//! Embedded, ordered migrations; each backend has its own SQL with the same tables, or one
//! file in `migrations/shared/` when the SQL both understand is the same.
//! Applied versions are recorded in `suara_migrations`; a PostgreSQL advisory lock keeps
//! several app servers starting at once from racing.

use sqlx::{Executor, Row};

use crate::{Backend, Result, Store};

struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sqlite: include_str!("../migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "organisation_accounts",
        sqlite: include_str!("../migrations/sqlite/0002_organisation_accounts.sql"),
        postgres: include_str!("../migrations/postgres/0002_organisation_accounts.sql"),
    },
    Migration {
        version: 3,
        name: "hash_chain",
        sqlite: include_str!("../migrations/shared/0003_hash_chain.sql"),
        postgres: include_str!("../migrations/shared/0003_hash_chain.sql"),
    },
    Migration {
        version: 4,
        name: "tickets",
        sqlite: include_str!("../migrations/shared/0004_tickets.sql"),
        postgres: include_str!("../migrations/shared/0004_tickets.sql"),
    },
    Migration {
        version: 5,
        name: "quarantine",
        sqlite: include_str!("../migrations/shared/0005_quarantine.sql"),
        postgres: include_str!("../migrations/shared/0005_quarantine.sql"),
    },
    Migration {
        version: 6,
        name: "kiosks_hours",
        sqlite: include_str!("../migrations/shared/0006_kiosks_hours.sql"),
        postgres: include_str!("../migrations/shared/0006_kiosks_hours.sql"),
    },
    Migration {
        version: 7,
        name: "tpp",
        sqlite: include_str!("../migrations/shared/0007_tpp.sql"),
        postgres: include_str!("../migrations/shared/0007_tpp.sql"),
    },
    Migration {
        version: 8,
        name: "musrena",
        sqlite: include_str!("../migrations/shared/0008_musrena.sql"),
        postgres: include_str!("../migrations/shared/0008_musrena.sql"),
    },
    Migration {
        version: 9,
        name: "follow_up",
        sqlite: include_str!("../migrations/shared/0009_follow_up.sql"),
        postgres: include_str!("../migrations/shared/0009_follow_up.sql"),
    },
    Migration {
        version: 10,
        name: "pay_integrity",
        sqlite: include_str!("../migrations/shared/0010_pay_integrity.sql"),
        postgres: include_str!("../migrations/shared/0010_pay_integrity.sql"),
    },
    Migration {
        version: 11,
        name: "account_lifecycle",
        sqlite: include_str!("../migrations/shared/0011_account_lifecycle.sql"),
        postgres: include_str!("../migrations/shared/0011_account_lifecycle.sql"),
    },
    Migration {
        version: 12,
        name: "innovation",
        sqlite: include_str!("../migrations/shared/0012_innovation.sql"),
        postgres: include_str!("../migrations/shared/0012_innovation.sql"),
    },
    Migration {
        version: 13,
        name: "musrena_sdgs",
        sqlite: include_str!("../migrations/shared/0013_musrena_sdgs.sql"),
        postgres: include_str!("../migrations/shared/0013_musrena_sdgs.sql"),
    },
    Migration {
        version: 14,
        name: "villages",
        sqlite: include_str!("../migrations/shared/0014_villages.sql"),
        postgres: include_str!("../migrations/shared/0014_villages.sql"),
    },
    Migration {
        version: 15,
        name: "musrena_progress",
        sqlite: include_str!("../migrations/shared/0015_musrena_progress.sql"),
        postgres: include_str!("../migrations/shared/0015_musrena_progress.sql"),
    },
    Migration {
        version: 16,
        name: "musrena_rules",
        sqlite: include_str!("../migrations/shared/0016_musrena_rules.sql"),
        postgres: include_str!("../migrations/shared/0016_musrena_rules.sql"),
    },
    Migration {
        version: 17,
        name: "musrena_catalogue",
        sqlite: include_str!("../migrations/shared/0017_musrena_catalogue.sql"),
        postgres: include_str!("../migrations/shared/0017_musrena_catalogue.sql"),
    },
    Migration {
        version: 18,
        name: "musrena_recommendations",
        sqlite: include_str!("../migrations/shared/0018_musrena_recommendations.sql"),
        postgres: include_str!("../migrations/shared/0018_musrena_recommendations.sql"),
    },
    Migration {
        version: 19,
        name: "musrena_links",
        sqlite: include_str!("../migrations/shared/0019_musrena_links.sql"),
        postgres: include_str!("../migrations/shared/0019_musrena_links.sql"),
    },
    Migration {
        version: 20,
        name: "musrena_offline",
        sqlite: include_str!("../migrations/shared/0020_musrena_offline.sql"),
        postgres: include_str!("../migrations/shared/0020_musrena_offline.sql"),
    },
    Migration {
        version: 21,
        name: "musrena_rab",
        sqlite: include_str!("../migrations/shared/0021_musrena_rab.sql"),
        postgres: include_str!("../migrations/shared/0021_musrena_rab.sql"),
    },
    Migration {
        version: 22,
        name: "tenant_hosts",
        sqlite: include_str!("../migrations/shared/0022_tenant_hosts.sql"),
        postgres: include_str!("../migrations/shared/0022_tenant_hosts.sql"),
    },
    Migration {
        version: 23,
        name: "regency_keys",
        sqlite: include_str!("../migrations/shared/0023_regency_keys.sql"),
        postgres: include_str!("../migrations/shared/0023_regency_keys.sql"),
    },
    Migration {
        version: 24,
        name: "alerts",
        sqlite: include_str!("../migrations/shared/0024_alerts.sql"),
        postgres: include_str!("../migrations/shared/0024_alerts.sql"),
    },
    Migration {
        version: 25,
        name: "audit_chain",
        sqlite: include_str!("../migrations/shared/0025_audit_chain.sql"),
        postgres: include_str!("../migrations/shared/0025_audit_chain.sql"),
    },
    Migration {
        version: 26,
        name: "kiosk_approval",
        sqlite: include_str!("../migrations/shared/0026_kiosk_approval.sql"),
        postgres: include_str!("../migrations/shared/0026_kiosk_approval.sql"),
    },
    Migration {
        version: 27,
        name: "pace_index",
        sqlite: include_str!("../migrations/shared/0027_pace_index.sql"),
        postgres: include_str!("../migrations/shared/0027_pace_index.sql"),
    },
    Migration {
        version: 28,
        name: "evidence_days",
        sqlite: include_str!("../migrations/shared/0028_evidence_days.sql"),
        postgres: include_str!("../migrations/shared/0028_evidence_days.sql"),
    },
    Migration {
        version: 29,
        name: "entry_codes",
        sqlite: include_str!("../migrations/shared/0029_entry_codes.sql"),
        postgres: include_str!("../migrations/shared/0029_entry_codes.sql"),
    },
    Migration {
        version: 30,
        name: "first_sign_in",
        sqlite: include_str!("../migrations/shared/0030_first_sign_in.sql"),
        postgres: include_str!("../migrations/shared/0030_first_sign_in.sql"),
    },
    Migration {
        version: 31,
        name: "pay_details",
        sqlite: include_str!("../migrations/shared/0031_pay_details.sql"),
        postgres: include_str!("../migrations/shared/0031_pay_details.sql"),
    },
    Migration {
        version: 32,
        name: "evidence_sources",
        sqlite: include_str!("../migrations/shared/0032_evidence_sources.sql"),
        postgres: include_str!("../migrations/shared/0032_evidence_sources.sql"),
    },
    Migration {
        version: 33,
        name: "unit_signers",
        sqlite: include_str!("../migrations/shared/0033_unit_signers.sql"),
        postgres: include_str!("../migrations/shared/0033_unit_signers.sql"),
    },
    Migration {
        version: 34,
        name: "password_resets",
        sqlite: include_str!("../migrations/shared/0034_password_resets.sql"),
        postgres: include_str!("../migrations/shared/0034_password_resets.sql"),
    },
    Migration {
        version: 35,
        name: "fall_limit",
        sqlite: include_str!("../migrations/shared/0035_fall_limit.sql"),
        postgres: include_str!("../migrations/shared/0035_fall_limit.sql"),
    },
    Migration {
        version: 36,
        name: "units_led",
        sqlite: include_str!("../migrations/shared/0036_units_led.sql"),
        postgres: include_str!("../migrations/shared/0036_units_led.sql"),
    },
    Migration {
        version: 37,
        name: "village_map",
        sqlite: include_str!("../migrations/shared/0037_village_map.sql"),
        postgres: include_str!("../migrations/shared/0037_village_map.sql"),
    },
    Migration {
        version: 38,
        name: "second_factor",
        sqlite: include_str!("../migrations/shared/0038_second_factor.sql"),
        postgres: include_str!("../migrations/shared/0038_second_factor.sql"),
    },
    Migration {
        version: 39,
        name: "officer_contacts",
        sqlite: include_str!("../migrations/shared/0039_officer_contacts.sql"),
        postgres: include_str!("../migrations/shared/0039_officer_contacts.sql"),
    },
    Migration {
        version: 40,
        name: "part_month",
        sqlite: include_str!("../migrations/shared/0040_part_month.sql"),
        postgres: include_str!("../migrations/shared/0040_part_month.sql"),
    },
    Migration {
        version: 41,
        name: "suggestion_reviews",
        sqlite: include_str!("../migrations/shared/0041_suggestion_reviews.sql"),
        postgres: include_str!("../migrations/shared/0041_suggestion_reviews.sql"),
    },
    Migration {
        version: 42,
        name: "sso_identities",
        sqlite: include_str!("../migrations/shared/0042_sso_identities.sql"),
        postgres: include_str!("../migrations/shared/0042_sso_identities.sql"),
    },
    Migration {
        version: 43,
        name: "checkpoints",
        sqlite: include_str!("../migrations/shared/0043_checkpoints.sql"),
        postgres: include_str!("../migrations/shared/0043_checkpoints.sql"),
    },
    Migration {
        version: 44,
        name: "letterheads",
        sqlite: include_str!("../migrations/shared/0044_letterheads.sql"),
        postgres: include_str!("../migrations/shared/0044_letterheads.sql"),
    },
    Migration {
        version: 45,
        name: "survey_history",
        sqlite: include_str!("../migrations/shared/0045_survey_history.sql"),
        postgres: include_str!("../migrations/shared/0045_survey_history.sql"),
    },
    Migration {
        version: 46,
        name: "province_service_map",
        sqlite: include_str!("../migrations/shared/0046_province_service_map.sql"),
        postgres: include_str!("../migrations/shared/0046_province_service_map.sql"),
    },
    Migration {
        version: 47,
        name: "survey_adaptations",
        sqlite: include_str!("../migrations/shared/0047_survey_adaptations.sql"),
        postgres: include_str!("../migrations/shared/0047_survey_adaptations.sql"),
    },
];

/// Responses stored before the chain existed are linked once, when it is created.
const CHAIN_VERSION: i64 = 3;
/// Totals stored before pay scopes and spreads existed are rebuilt from the chain once.
const PAY_TOTALS_VERSION: i64 = 10;
/// Audit entries written before the audit chain existed are linked once, when it is made.
const AUDIT_CHAIN_VERSION: i64 = 25;
/// Villages imported before the map's boundaries and centres were kept get them once.
const VILLAGE_MAP_VERSION: i64 = 37;

pub(crate) async fn run(store: &Store) -> Result<()> {
    let mut tx = store.writer.begin().await?;
    if store.backend == Backend::Postgres {
        tx.execute("SELECT pg_advisory_xact_lock(7817261)").await?;
    }
    tx.execute(
        "CREATE TABLE IF NOT EXISTS suara_migrations (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL
        )",
    )
    .await?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM suara_migrations")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.try_get::<i64, _>("version"))
        .collect::<Result<_, _>>()?;
    for migration in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let sql = match store.backend {
            Backend::Sqlite => migration.sqlite,
            Backend::Postgres => migration.postgres,
        };
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "applying migration"
        );
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        if migration.version == CHAIN_VERSION {
            crate::responses::chain::link_existing(&mut tx, store.backend).await?;
        }
        if migration.version == AUDIT_CHAIN_VERSION {
            crate::audit_chain::link_existing(&mut tx).await?;
        }
        if migration.version == VILLAGE_MAP_VERSION {
            crate::villages::draw_existing(&mut tx).await?;
        }
        if migration.version == PAY_TOTALS_VERSION {
            crate::responses::totals::rebuild(&mut tx, store.backend).await?;
        }
        sqlx::query("INSERT INTO suara_migrations (version, name) VALUES ($1, $2)")
            .bind(migration.version)
            .bind(migration.name)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
