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
