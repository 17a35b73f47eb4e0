//! `suara skm score FILE.csv [--json]`.

use std::path::Path;
use std::process::ExitCode;

use suara_domain::decimal::Decimal;
use suara_domain::skm::{table, Element, Summary, Weighting};

/// Exit code for input the command cannot use (malformed file, no responses).
const BAD_INPUT: u8 = 2;

pub fn score(file: &Path, json: bool, legacy_weight: bool) -> ExitCode {
    let fail = |message: String| {
        eprintln!("error: {}: {message}", file.display());
        ExitCode::from(BAD_INPUT)
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => return fail(format!("cannot read the file: {e}")),
    };
    let tally = match table::tally_csv(&bytes) {
        Ok(tally) => tally,
        Err(e) => return fail(e.to_string()),
    };
    let weighting = if legacy_weight {
        Weighting::Legacy0111
    } else {
        Weighting::Exact
    };
    let Some(score) = tally.score(weighting) else {
        return fail("no responses: every row is empty".into());
    };

    if json {
        match serde_json::to_string(&Summary::from(&score)) {
            Ok(text) => println!("{text}"),
            Err(e) => return fail(format!("cannot write JSON: {e}")),
        }
        return ExitCode::SUCCESS;
    }

    let weight_heading = if legacy_weight {
        "NRR×0.111"
    } else {
        "NRR×weight"
    };
    println!("Responses counted: {}", score.responses);
    println!();
    println!(
        "{:<48} {:>8} {:>6} {:>11}",
        "Element", "Answers", "NRR", weight_heading
    );
    for element in Element::ALL {
        let label = format!("{} {}", element.code(), element.name_id());
        match &score.elements[element.index()] {
            Some(e) => println!(
                "{label:<48} {:>8} {:>6} {:>11}",
                e.answers,
                Decimal::round_half_away(&e.nrr, 2),
                Decimal::round_half_away(&e.weighted, 4)
            ),
            None => println!("{label:<48} {:>8} {:>6} {:>11}", 0, "-", "-"),
        }
    }
    println!();
    println!(
        "IKM unit value (1–4): {}",
        Decimal::round_half_away(&score.unit_value, 4)
    );
    println!("IKM: {}", score.ikm_rounded());
    println!(
        "Grade: {} ({})",
        score.grade().letter(),
        score.grade().label_id()
    );
    ExitCode::SUCCESS
}

/// `suara skm report`: the unit's SKM report for the period as a PDF file, or a Word
/// document with `docx`.
pub async fn report(
    store: &suara_store::Store,
    unit: &str,
    period: &str,
    output: Option<std::path::PathBuf>,
    docx: bool,
    tenant: Option<&str>,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let tenant = crate::admin_command::tenant(store, tenant).await?;
    let period: suara_domain::period::Period = match period.parse() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let Some(report) = suara_app::report::skm_report(store, &tenant, unit, period).await? else {
        eprintln!("error: no unit '{unit}' in {}", tenant.name);
        return Ok(ExitCode::from(2));
    };
    let extension = if docx { "docx" } else { "pdf" };
    let output =
        output.unwrap_or_else(|| format!("laporan-skm-{unit}-{period}.{extension}").into());
    let bytes = if docx {
        suara_reports::skm::skm_docx(&report)?
    } else {
        suara_reports::skm::skm_pdf(&report)
    };
    std::fs::write(&output, &bytes).with_context(|| format!("writing {}", output.display()))?;
    let ikm = report
        .score
        .as_ref()
        .map_or("no responses".to_string(), |s| {
            format!("IKM {} ({})", s.ikm_rounded(), s.grade().letter())
        });
    println!(
        "{}: SKM report of {} for {}, {ikm}, {} bytes",
        output.display(),
        report.unit,
        report.period,
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `suara skm history FILE --unit U`: the dry run of a past survey's import (the mapping it
/// guessed, the months it would add, every problem), and with `--import` the import itself.
/// Exit 2 while a problem is open or the store refuses a month.
pub async fn history(
    store: &suara_store::Store,
    file: &Path,
    options: HistoryOptions<'_>,
) -> anyhow::Result<ExitCode> {
    use suara_domain::skm::history::{self, DateOrder, Export};
    use suara_store::{HistoryOutcome, NewHistory};
    let tenant = crate::admin_command::tenant(store, options.tenant).await?;
    if store.unit(&tenant.tenant_id, options.unit).await?.is_none() {
        eprintln!("error: no unit '{}' in {}", options.unit, tenant.name);
        return Ok(ExitCode::from(BAD_INPUT));
    }
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: {}: cannot read the file: {e}", file.display());
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    let export = match Export::read(&bytes) {
        Ok(export) => export,
        Err(e) => {
            eprintln!("error: {}: line {}: {}", file.display(), e.line, e.reason);
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    let mut mapping = history::guess(&export);
    if let Some(order) = options.date_order {
        mapping.order = Some(if order == "mdy" {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        });
    }
    match answer_choices(options.answers) {
        Ok(answers) => mapping.answers.extend(answers),
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(ExitCode::from(BAD_INPUT));
        }
    }
    let plan = history::plan(
        &export,
        &mapping,
        tenant.month_of(time::OffsetDateTime::now_utc()),
    );
    print_plan(&export, &mapping, &plan);
    if !plan.is_ready() {
        return Ok(ExitCode::from(BAD_INPUT));
    }
    if !options.import {
        println!("The check passed: nothing imported (give --import to import).");
        return Ok(ExitCode::SUCCESS);
    }
    let name = file
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let new = NewHistory {
        unit_id: options.unit,
        file_name: &name,
        file: &bytes,
        months: &plan.months,
    };
    let outcome = store
        .import_survey_history(
            &tenant.tenant_id,
            &new,
            crate::admin_command::CLI_ACTOR,
            time::OffsetDateTime::now_utc(),
        )
        .await?;
    match outcome {
        HistoryOutcome::Imported(import) => println!(
            "Imported {} responses, {} to {}.",
            import.responses, import.first_month, import.last_month
        ),
        HistoryOutcome::AlreadyImported(_) => {
            println!("This file was imported for this unit before: nothing added.")
        }
        HistoryOutcome::Refused(reasons) => {
            for reason in reasons {
                eprintln!("{reason}");
            }
            return Ok(ExitCode::from(BAD_INPUT));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--answer TEXT=N` as the mapping's choices.
fn answer_choices(
    given: &[String],
) -> Result<Vec<(String, suara_domain::skm::history::Choice)>, String> {
    use suara_domain::skm::history::{answer_key, Choice};
    given
        .iter()
        .map(|text| {
            let choice = text.rsplit_once('=').and_then(|(answer, value)| {
                let choice = match value.trim() {
                    "0" => Choice::NotAnswered,
                    n => Choice::Rating(suara_domain::skm::Rating::new(n.parse().ok()?)?),
                };
                Some((answer_key(answer), choice))
            });
            choice.ok_or_else(|| {
                format!("--answer '{text}': give TEXT=1…4, or TEXT=0 for not answered")
            })
        })
        .collect()
}

/// The columns read, the months the import would add (stdout) and every problem (stderr).
fn print_plan(
    export: &suara_domain::skm::history::Export,
    mapping: &suara_domain::skm::history::Mapping,
    plan: &suara_domain::skm::history::Plan,
) {
    let column = |c: Option<usize>| {
        c.and_then(|i| export.headers.get(i))
            .map_or("-".into(), |h| format!("\"{h}\""))
    };
    let order = match mapping.order {
        Some(suara_domain::skm::history::DateOrder::DayFirst) => "day/month/year",
        Some(suara_domain::skm::history::DateOrder::MonthFirst) => "month/day/year",
        None => "order not told: give --date-order",
    };
    println!("Date: {} ({order})", column(mapping.date));
    for element in Element::ALL {
        println!(
            "{} {}: {}",
            element.code(),
            element.name_id(),
            column(mapping.elements[element.index()])
        );
    }
    for (month, tally) in &plan.months {
        let ikm = tally
            .score(Weighting::Exact)
            .map_or("-".into(), |s| s.ikm_rounded().to_string());
        println!("{month}: {} responses, IKM {ikm}", tally.responses());
    }
    for problem in &plan.problems {
        let column = problem
            .column
            .as_deref()
            .map_or(String::new(), |c| format!(" \"{c}\""));
        eprintln!("line {}{column}: {}", problem.line, problem.reason);
    }
    for unknown in &plan.unknown {
        eprintln!(
            "'{}' ({} times, first on line {}) is not on the SKM scale: give --answer '{}=N'",
            unknown.value, unknown.count, unknown.first_line, unknown.value
        );
    }
}

/// `suara skm history`'s options besides the file.
pub struct HistoryOptions<'a> {
    pub unit: &'a str,
    pub answers: &'a [String],
    /// `dmy` or `mdy`, when the file's dates do not tell.
    pub date_order: Option<&'a str>,
    pub import: bool,
    pub tenant: Option<&'a str>,
}
