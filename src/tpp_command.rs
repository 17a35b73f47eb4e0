//! `suara tpp …`: TPP inputs, payroll runs and the finance exports from the command line.
//! Problems in a file are all listed and exit 2, with nothing stored.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use suara_app::i18n::Lang;

use anyhow::{bail, Context};
use suara_domain::period::Month;
use suara_domain::tpp::inputs::{parse_base_amounts, parse_components, LineError};
use suara_domain::tpp::payroll::compare;
use suara_domain::tpp::policy::Policy;
use suara_domain::tpp::rupiah;
use suara_store::{Store, TppError};
use time::OffsetDateTime;

use crate::admin_command::{tenant, CLI_ACTOR};

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

fn report_lines(path: &Path, errors: &[LineError]) -> ExitCode {
    for e in errors {
        eprintln!(
            "error: {} line {}, {}: {}",
            path.display(),
            e.line,
            e.field,
            e.reason
        );
    }
    eprintln!("{} problem(s); nothing was imported", errors.len());
    ExitCode::from(2)
}

fn policy_text(file: &Path) -> anyhow::Result<String> {
    String::from_utf8(read(file)?).context("the policy file is not UTF-8 text")
}

/// What a policy file would have paid in the last three months computed, beside what was
/// paid; saves nothing. Exit 2 when the policy has problems.
pub async fn policy_dry_run(
    store: &Store,
    file: &Path,
    tenant_code: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let policy = match Policy::from_toml(&policy_text(file)?) {
        Ok(policy) => policy,
        Err(error) => {
            eprintln!("error: {}: {error}", file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let simulated = store.simulate_policy(&tenant.tenant_id, &policy, 3).await?;
    if simulated.is_empty() {
        println!("no month has been computed yet: nothing to compare with");
    }
    for (run, payroll) in &simulated {
        let c = compare(&run.payroll, payroll);
        println!(
            "{}: paid Rp{} (run v{}), under {} Rp{}; {} of {} officers change, {} on too little evidence",
            c.month,
            rupiah(c.paid_total),
            run.summary.version,
            policy.version,
            rupiah(c.simulated_total),
            c.changed,
            c.officers,
            c.insufficient
        );
        for (unit, (paid, simulated)) in c.units.iter().filter(|(_, (p, s))| p != s) {
            println!("  {unit}: Rp{} → Rp{}", rupiah(*paid), rupiah(*simulated));
        }
    }
    println!("dry run: the policy was not saved");
    Ok(ExitCode::SUCCESS)
}

pub async fn policy(
    store: &Store,
    file: &Path,
    tenant_code: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let text = policy_text(file)?;
    match store
        .save_policy(
            &tenant.tenant_id,
            &text,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(policy) => {
            let until = policy
                .effective_until
                .map_or("open-ended".to_string(), |m| m.to_string());
            println!(
                "policy {} saved: effective {} to {until}",
                policy.version, policy.effective_from
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(error @ (TppError::Policy(_) | TppError::PolicyVersionTaken(_))) => {
            eprintln!("error: {}: {error}", file.display());
            Ok(ExitCode::from(2))
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn base_amounts(
    store: &Store,
    file: &Path,
    tenant_code: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let rows = match parse_base_amounts(&read(file)?) {
        Ok(rows) => rows,
        Err(errors) => return Ok(report_lines(file, &errors)),
    };
    store
        .replace_base_amounts(
            &tenant.tenant_id,
            &rows,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await?;
    println!("{} position class(es) with a base amount", rows.len());
    Ok(ExitCode::SUCCESS)
}

pub async fn components(
    store: &Store,
    file: &Path,
    tenant_code: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let rows = match parse_components(&read(file)?) {
        Ok(rows) => rows,
        Err(errors) => return Ok(report_lines(file, &errors)),
    };
    match store
        .import_components(
            &tenant.tenant_id,
            &rows,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(()) => {
            println!("{} officer-month(s) of components imported", rows.len());
            Ok(ExitCode::SUCCESS)
        }
        Err(error @ TppError::UnknownOfficers(_)) => {
            eprintln!("error: {}: {error}; nothing was imported", file.display());
            Ok(ExitCode::from(2))
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn run(
    store: &Store,
    period: &str,
    tenant_code: Option<&str>,
    signer: &suara_app::signing::Signer,
) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, tenant_code).await?;
    let (key, kept) = signer.log_signer(&tenant.tenant_id)?;
    let month: Month = period
        .parse()
        .map_err(|_| anyhow::anyhow!("--period must be a month, YYYY-MM (got '{period}')"))?;
    if store.witnessed(&tenant.tenant_id).await? {
        eprintln!(
            "error: witnesses cosign {}'s log, and this command does not know them: compute the \
             run on the TPP page, which points it to the checkpoint they cosigned",
            tenant.tenant_id
        );
        return Ok(ExitCode::from(2));
    }
    let summary = match store
        .run_payroll(
            &tenant.tenant_id,
            month,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
            // The command line knows no witnesses (they are the server's settings): it signs
            // the log as it stands, as a server without witnesses does, and is refused above
            // for a witnessed log.
            &suara_store::LogSigner {
                key: &key,
                outside: kept,
                witnessed: suara_store::Witnessed::default(),
            },
        )
        .await
    {
        Ok(summary) => summary,
        Err(error @ (TppError::AwaitingLock(..) | TppError::MonthNotEnded(_))) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::from(2));
        }
        // The database no longer agrees with what was signed: `suara verify`'s exit code.
        Err(
            error @ (TppError::HistoryDisagrees(_)
            | TppError::Store(suara_store::StoreError::NotExtending(_))),
        ) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::from(3));
        }
        Err(error) => return Err(error.into()),
    };
    println!(
        "TPP {month}, version {} ({})",
        summary.version,
        summary.state.code()
    );
    println!("policy        {}", summary.policy_version);
    println!("officers paid {}", summary.paid);
    println!("not paid      {}", summary.unpaid);
    println!("total         Rp{}", rupiah(summary.total));
    println!("input digest  {}", summary.input_digest);
    if summary.paid + summary.unpaid == 0 {
        eprintln!(
            "warning: nobody was assigned in {month}; an officer imported without TMT JABATAN starts on the day of the import"
        );
    }
    if let Some(run) = store
        .payroll_run(&tenant.tenant_id, month, Some(summary.version))
        .await?
    {
        for unpaid in &run.payroll.unpaid {
            println!("  not paid: {} — {}", unpaid.nip, unpaid.reason);
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub struct ExportArgs {
    pub period: String,
    pub version: Option<i64>,
    pub format: String,
    pub output: Option<PathBuf>,
    pub tenant: Option<String>,
}

pub async fn export(store: &Store, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, args.tenant.as_deref()).await?;
    let month: Month = args.period.parse().map_err(|_| {
        anyhow::anyhow!("--period must be a month, YYYY-MM (got '{}')", args.period)
    })?;
    let Some(run) = store
        .payroll_run(&tenant.tenant_id, month, args.version)
        .await?
    else {
        bail!(
            "no TPP run for {month}{}: compute it first with `suara tpp run --period {month}`",
            args.version
                .map(|v| format!(" version {v}"))
                .unwrap_or_default()
        );
    };
    let bytes = match args.format.as_str() {
        "xlsx" => {
            let words = suara_app::i18n::run_words(Lang::ID, &run.summary, tenant.offset());
            suara_reports::tpp::payroll_xlsx(&run, &tenant.name, &words, &|label| label)?
        }
        "csv" => suara_reports::tpp::payroll_csv(&run)?,
        "payable" => {
            let organisation = store.org_snapshot(&tenant.tenant_id).await?;
            let officers = organisation
                .officers
                .into_iter()
                .map(|c| (c.officer.nip.clone(), c.officer))
                .collect();
            let payees = suara_reports::payable::payees(&run, &officers);
            let signers = suara_reports::payable::signers(&organisation.units, &officers);
            let month = month.to_string();
            suara_reports::payable::payable_xlsx(
                &run,
                &payees,
                &signers,
                &tenant.name,
                &month,
                &|l| l,
            )?
        }
        other => bail!("--format must be xlsx, csv or payable (got '{other}')"),
    };
    let output = args.output.unwrap_or_else(|| {
        PathBuf::from(match args.format.as_str() {
            "payable" => format!("daftar-nominatif-tpp-{month}-v{}.xlsx", run.summary.version),
            format => format!("tpp-{month}-v{}.{format}", run.summary.version),
        })
    });
    std::fs::write(&output, bytes).with_context(|| format!("writing {}", output.display()))?;
    println!(
        "{}: TPP {month} version {} ({}), {} officers, total Rp{}",
        output.display(),
        run.summary.version,
        run.summary.state.code(),
        run.payroll.rows.len(),
        rupiah(run.payroll.total())
    );
    Ok(ExitCode::SUCCESS)
}
