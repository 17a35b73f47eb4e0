//! `suara musrena`: ranking rules as versioned TOML files.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use suara_store::{MusrenaError, Store};
use time::OffsetDateTime;

use crate::admin_command::{tenant, CLI_ACTOR};

/// Saves a ranking rule; forums recorded from now on are ranked with it.
pub async fn rule(
    store: &Store,
    file: &Path,
    tenant_code: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let text = String::from_utf8(bytes).context("the rule file is not UTF-8 text")?;
    match store
        .save_ranking_rule(
            &tenant.tenant_id,
            &text,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(rule) => {
            println!(
                "ranking rule {} saved: {} criteria, votes {} %; forums recorded from now on use it",
                rule.version,
                rule.criteria.len(),
                rule.vote_percent()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(error @ (MusrenaError::Rule(_) | MusrenaError::RuleVersionTaken(_))) => {
            eprintln!("error: {}: {error}", file.display());
            Ok(ExitCode::from(2))
        }
        Err(error) => Err(error.into()),
    }
}

/// Every saved rule, newest first (the first is the one new forums take).
pub async fn rules(store: &Store, tenant_code: Option<&str>) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let rules = store.ranking_rules(&tenant.tenant_id).await?;
    if rules.is_empty() {
        println!("no rule saved: forums use the standard rule");
    }
    for rule in rules {
        let criteria: Vec<String> = rule
            .criteria
            .iter()
            .map(|c| format!("{} {}", c.code, c.weight))
            .collect();
        println!(
            "{}\tvotes {} %\t{}",
            rule.version,
            rule.vote_percent(),
            criteria.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
