//! `suara innovation list|effect|export`: the registry, one innovation's measured effect,
//! and the regional innovation index file, from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use suara_domain::innovation::effect::{Method, Verdict};
use suara_store::Store;

use crate::admin_command::tenant;

pub async fn list(store: &Store, tenant_code: Option<&str>) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let innovations = store.innovations(&tenant.tenant_id).await?;
    println!("id\tstage\tunit\tunits started\tpartners\ttitle");
    for i in &innovations {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            i.innovation_id,
            i.stage.code(),
            i.unit_id,
            i.units.iter().filter(|u| u.started_on.is_some()).count(),
            i.partners.len(),
            i.innovation.title
        );
    }
    eprintln!("{} innovations in {}", innovations.len(), tenant.name);
    Ok(ExitCode::SUCCESS)
}

pub async fn effect(store: &Store, id: i64, tenant_code: Option<&str>) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let Some(innovation) = store.innovation(&tenant.tenant_id, id).await? else {
        eprintln!("error: there is no innovation {id} (see `suara innovation list`)");
        return Ok(ExitCode::from(2));
    };
    let current = tenant.month_of(time::OffsetDateTime::now_utc());
    println!(
        "{} ({}), measured up to {current}",
        innovation.innovation.title,
        innovation.stage.code()
    );
    for unit in &innovation.units {
        let started = unit
            .started_on
            .map_or("not started".to_string(), |d| d.to_string());
        println!(
            "  unit {}: {started}{}",
            unit.unit_id,
            if unit.replicated { " (copy)" } else { "" }
        );
    }
    println!("score\tmethod\testimate\t95% low\t95% high\tverdict\tresponses (adopters before/after, others before/after)");
    let cache = suara_app::innovation::EffectCells::default();
    let effects = suara_app::innovation::effects_of(
        store,
        &cache,
        &tenant,
        std::slice::from_ref(&innovation),
    )
    .await?
    .remove(&id)
    .unwrap_or_default();
    for s in effects {
        let e = s.effect;
        let figure = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{x:+.3}"));
        let u = e.used;
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}/{}, {}/{}",
            s.element.map_or("IKM", |e| e.code()),
            match e.method {
                Method::DifferenceInDifferences => "difference-in-differences",
                Method::BeforeAfter => "before/after",
            },
            figure(e.estimate),
            figure(e.low),
            figure(e.high),
            match e.verdict {
                Verdict::RoseClearly => "rose clearly",
                Verdict::FellClearly => "fell clearly",
                Verdict::NoChangeVisible => "no change visible yet",
                Verdict::NotEnoughData => "not enough data",
            },
            u.adopters_before.n,
            u.adopters_after.n,
            u.others_before.n,
            u.others_after.n
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn export(
    store: &Store,
    format: &str,
    output: Option<PathBuf>,
    lang: &str,
    tenant_code: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let csv = match format {
        "xlsx" => false,
        "csv" => true,
        other => bail!("--format must be xlsx or csv (got '{other}')"),
    };
    if !matches!(lang, "id" | "en") {
        bail!("--lang must be id or en (got '{lang}')");
    }
    let cache = suara_app::innovation::EffectCells::default();
    let bytes = suara_app::innovation::index::index_file(
        store,
        &cache,
        &tenant,
        suara_app::i18n::Lang::from_code(Some(lang)),
        csv,
    )
    .await?;
    let output = output
        .unwrap_or_else(|| PathBuf::from(format!("indeks-inovasi-{}.{format}", tenant.tenant_id)));
    if output.exists() {
        bail!(
            "{} exists already; choose another --output",
            output.display()
        );
    }
    std::fs::write(&output, bytes).with_context(|| format!("writing {}", output.display()))?;
    let count = store.innovations(&tenant.tenant_id).await?.len();
    println!(
        "{}: {count} innovations of {}",
        output.display(),
        tenant.name
    );
    Ok(ExitCode::SUCCESS)
}
