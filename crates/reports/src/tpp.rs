//! A month's TPP payroll for finance (BPKAD): an xlsx workbook with a summary sheet (run,
//! policy, digest, totals per unit) and one sheet per unit, and a CSV of every officer.
//! Amounts are the run's whole rupiah; nothing is recomputed or rounded here.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet};
use suara_domain::decimal::Decimal;
use suara_domain::tpp::evidence::Evidence;
use suara_domain::tpp::payroll::{PayrollRow, RunState};
use suara_domain::tpp::policy::FACTOR_PLACES;
use suara_domain::tpp::ScoreBasis;
use suara_store::{RunOfficer, StoredRun};

use crate::{inert, sheet_name, ReportError};

/// Columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 24] = [
    "month",
    "run_version",
    "state",
    "policy_version",
    "nip",
    "name",
    "unit_id",
    "unit_name",
    "position_class",
    "base_amount",
    "officer_responses",
    "officer_ikm",
    "score_unit_id",
    "unit_responses",
    "unit_ikm",
    "basis",
    "score",
    "evidence",
    "score_upper",
    "attendance",
    "productivity",
    "factor",
    "amount",
    // What evidence from sources the inspectorate had not confirmed would have paid, when
    // it was set aside; empty otherwise.
    "set_aside_amount",
];

/// The officer's row of the run and its computed result (`None` when unpaid).
fn rows(run: &StoredRun) -> Vec<(&RunOfficer, Option<&PayrollRow>)> {
    let computed: BTreeMap<&str, &PayrollRow> = run
        .payroll
        .rows
        .iter()
        .map(|r| (r.nip.as_str(), r))
        .collect();
    run.officers
        .iter()
        .map(|o| (o, computed.get(o.input.nip.as_str()).copied()))
        .collect()
}

/// Every officer of the run, paid or not (unpaid rows have an empty amount), by NIP.
pub fn payroll_csv(run: &StoredRun) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS)?;
    let text = |v: Option<String>| v.unwrap_or_default();
    for (officer, row) in rows(run) {
        let input = &officer.input;
        let explanation = row.map(|r| &r.explanation);
        writer.write_record([
            run.summary.month.to_string(),
            run.summary.version.to_string(),
            run.summary.state.code().to_string(),
            inert(&run.summary.policy_version),
            input.nip.clone(),
            inert(&officer.name),
            inert(&input.unit_id),
            inert(&officer.unit_name),
            inert(&input.position_class),
            text(input.base.map(|b| b.to_string())),
            input.officer.map_or(0, |r| r.responses).to_string(),
            text(input.officer.map(|r| r.ikm.to_string())),
            text(officer.score_unit_id.clone()),
            input.unit.map_or(0, |r| r.responses).to_string(),
            text(input.unit.map(|r| r.ikm.to_string())),
            text(explanation.map(|e| e.basis.code().to_string())),
            text(explanation.and_then(|e| e.score).map(|s| s.to_string())),
            text(explanation.map(|e| e.evidence.code().to_string())),
            text(
                explanation
                    .and_then(|e| upper(&e.evidence))
                    .map(|u| u.to_string()),
            ),
            text(input.others.attendance.map(|d| d.to_string())),
            text(input.others.productivity.map(|d| d.to_string())),
            text(explanation.map(|e| e.factor.paid.to_string())),
            text(explanation.map(|e| e.amount.to_string())),
            text(input.set_aside.map(|a| a.to_string())),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

/// The score's upper end, when the evidence rule bounded it.
fn upper(evidence: &Evidence) -> Option<Decimal> {
    match evidence {
        Evidence::Bounded { upper, .. } => Some(*upper),
        _ => None,
    }
}

/// The run's state as the workbooks write it, so a file of a run not yet locked says so.
pub(crate) fn state_label(state: RunState) -> &'static str {
    match state {
        RunState::Draft => "draf",
        RunState::Reviewed => "sudah diperiksa",
        RunState::Approved => "disetujui",
        RunState::Locked => "terkunci (final)",
        RunState::Discarded => "dibuang (tidak dibayar)",
    }
}

fn evidence_label(evidence: &Evidence) -> &'static str {
    match evidence {
        Evidence::NotApplied => "Tanpa aturan bukti",
        Evidence::Insufficient { .. } => "Bukti belum cukup (100%)",
        Evidence::Bounded { .. } => "Cukup: dari batas atas",
    }
}

fn basis_label(basis: &ScoreBasis) -> &'static str {
    match basis {
        ScoreBasis::Blended { .. } => "Gabungan pegawai dan unit",
        ScoreBasis::OfficerOnly { .. } => "Nilai pegawai",
        ScoreBasis::UnitOnly { .. } => "Nilai unit",
        ScoreBasis::NoResponses => "Tanpa tanggapan (100%)",
    }
}

struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    rupiah: Format,
    rupiah_bold: Format,
    decimal: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color("#DCE6F1");
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header,
            rupiah: Format::new().set_num_format("#,##0"),
            rupiah_bold: Format::new().set_bold().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("0.00"),
            percent: Format::new()
                .set_num_format(format!("0.{}%", "0".repeat(FACTOR_PLACES as usize - 2))),
        }
    }
}

/// The workbook: "Ringkasan" (summary), one sheet per unit, and "Tidak dibayar" (officers
/// who could not be paid, with the reason) when there are any.
/// Gives a label of the workbook, written here in Indonesian, in the reader's language.
pub type Words<'a> = &'a dyn Fn(&'static str) -> &'static str;

/// Every label the workbook writes, in Indonesian: a caller offering another language
/// translates each (the web page's catalogue has them all; a test checks it, and another
/// that the workbook asks for no label missing here).
pub const LABELS: [&[&str]; 2] = [&UNIT_HEADERS, &OTHER_LABELS];

/// The labels besides the unit sheets' column headers.
const OTHER_LABELS: [&str; 30] = [
    "Ringkasan",
    "Tidak dibayar",
    "Versi perhitungan",
    "Status",
    "draf",
    "sudah diperiksa",
    "disetujui",
    "terkunci (final)",
    "dibuang (tidak dibayar)",
    "Versi kebijakan",
    "Dihitung oleh",
    "Dihitung pada (waktu setempat)",
    "Ringkasan masukan (SHA-256)",
    "Pembulatan",
    "faktor dibulatkan ke 0,01%; jumlah dibulatkan ke bawah ke rupiah penuh",
    "Kode unit",
    "Unit",
    "Pegawai dibayar",
    "Jumlah TPP (Rp)",
    "Jumlah",
    "Alasan",
    "versi",
    "Tidak dibayar: lihat lembar 'Tidak dibayar'",
    "Tanpa aturan bukti",
    "Bukti belum cukup (100%)",
    "Cukup: dari batas atas",
    "Gabungan pegawai dan unit",
    "Nilai pegawai",
    "Nilai unit",
    "Tanpa tanggapan (100%)",
];

/// The run's month, the moment it was computed (in the regency's time) and its policy's name,
/// as the reader writes them: "Oktober 2026", "3 November 2026 09:15", "bawaan".
pub struct RunWords {
    pub month: String,
    pub computed_at: String,
    pub policy_version: String,
}

/// `run_words` are the run's month, time and policy in words; `words` gives each label in the
/// reader's language (`&|label| label` for Indonesian).
pub fn payroll_xlsx(
    run: &StoredRun,
    regency: &str,
    run_words: &RunWords,
    words: Words,
) -> Result<Vec<u8>, ReportError> {
    let f = Formats::new();
    let mut workbook = Workbook::new();
    let mut taken = Vec::new();
    let rows = rows(run);
    let mut by_unit: BTreeMap<&str, Vec<(&RunOfficer, Option<&PayrollRow>)>> = BTreeMap::new();
    for row in &rows {
        by_unit
            .entry(row.0.input.unit_id.as_str())
            .or_default()
            .push(*row);
    }

    let summary = workbook.add_worksheet();
    summary.set_name(sheet_name(words("Ringkasan"), &mut taken))?;
    let s = &run.summary;
    summary.write_string_with_format(
        0,
        0,
        format!("TPP {regency} — {}", run_words.month),
        &f.title,
    )?;
    let facts: [(&str, String); 7] = [
        ("Versi perhitungan", s.version.to_string()),
        ("Status", words(state_label(s.state)).to_string()),
        ("Versi kebijakan", run_words.policy_version.clone()),
        ("Dihitung oleh", s.computed_by.clone()),
        (
            "Dihitung pada (waktu setempat)",
            run_words.computed_at.clone(),
        ),
        ("Ringkasan masukan (SHA-256)", s.input_digest.clone()),
        (
            "Pembulatan",
            words("faktor dibulatkan ke 0,01%; jumlah dibulatkan ke bawah ke rupiah penuh").into(),
        ),
    ];
    for (i, (label, value)) in facts.iter().enumerate() {
        let r = 2 + i as u32;
        summary.write_string_with_format(r, 0, words(label), &f.bold)?;
        summary.write_string(r, 1, inert(value))?;
    }
    let top = 2 + facts.len() as u32 + 1;
    for (c, h) in [
        "Kode unit",
        "Unit",
        "Pegawai dibayar",
        "Tidak dibayar",
        "Jumlah TPP (Rp)",
    ]
    .iter()
    .enumerate()
    {
        summary.write_string_with_format(top, c as u16, words(h), &f.header)?;
    }
    let mut r = top + 1;
    for (unit_id, members) in &by_unit {
        let paid: Vec<u64> = members
            .iter()
            .filter_map(|(_, row)| row.map(|r| r.explanation.amount))
            .collect();
        summary.write_string(r, 0, inert(unit_id))?;
        summary.write_string(r, 1, inert(&members[0].0.unit_name))?;
        summary.write_number(r, 2, paid.len() as f64)?;
        summary.write_number(r, 3, (members.len() - paid.len()) as f64)?;
        summary.write_number_with_format(r, 4, paid.iter().sum::<u64>() as f64, &f.rupiah)?;
        r += 1;
    }
    summary.write_string_with_format(r, 1, words("Jumlah"), &f.bold)?;
    summary.write_number_with_format(r, 2, run.payroll.rows.len() as f64, &f.bold)?;
    summary.write_number_with_format(r, 3, run.payroll.unpaid.len() as f64, &f.bold)?;
    summary.write_number_with_format(r, 4, run.payroll.total() as f64, &f.rupiah_bold)?;
    summary.set_column_width(0, 28)?;
    summary.set_column_width(1, 40)?;
    summary.set_column_width(2, 14)?;
    summary.set_column_width(3, 14)?;
    summary.set_column_width(4, 18)?;

    for (unit_id, members) in &by_unit {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(unit_id, &mut taken))?;
        let unit = UnitSheet {
            month: &run_words.month,
            unit_name: &members[0].0.unit_name,
            members,
        };
        unit_sheet(sheet, &f, words, run, &unit)?;
    }

    if !run.payroll.unpaid.is_empty() {
        unpaid_sheet(workbook.add_worksheet(), &f, words, run, &mut taken)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The officers the run could not pay, and why.
fn unpaid_sheet(
    sheet: &mut Worksheet,
    f: &Formats,
    words: Words,
    run: &StoredRun,
    taken: &mut Vec<String>,
) -> Result<(), ReportError> {
    sheet.set_name(sheet_name(words("Tidak dibayar"), taken))?;
    for (c, h) in ["NIP", "Nama", "Unit", "Alasan"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, words(h), &f.header)?;
    }
    for (i, unpaid) in run.payroll.unpaid.iter().enumerate() {
        let r = 1 + i as u32;
        let officer = run.officer(&unpaid.nip);
        sheet.write_string(r, 0, &unpaid.nip)?;
        sheet.write_string(r, 1, inert(officer.map_or("", |o| o.name.as_str())))?;
        sheet.write_string(r, 2, inert(officer.map_or("", |o| o.unit_name.as_str())))?;
        sheet.write_string(r, 3, inert(&unpaid.reason))?;
    }
    sheet.set_column_width(0, 20)?;
    sheet.set_column_width(1, 28)?;
    sheet.set_column_width(2, 30)?;
    sheet.set_column_width(3, 60)?;
    Ok(())
}

const UNIT_HEADERS: [&str; 14] = [
    "NIP",
    "Nama",
    "Kelas jabatan",
    "TPP dasar (Rp)",
    "Tanggapan pegawai",
    "IKM pegawai",
    "Tanggapan unit",
    "IKM unit",
    "Dasar nilai",
    "Nilai",
    "Faktor dibayar",
    "TPP dibayar (Rp)",
    "Bukti",
    "Batas atas nilai",
];

/// One unit's sheet: its name, the run's month in words, and its officers with their rows.
struct UnitSheet<'a> {
    month: &'a str,
    unit_name: &'a str,
    members: &'a [(&'a RunOfficer, Option<&'a PayrollRow>)],
}

fn unit_sheet(
    sheet: &mut Worksheet,
    f: &Formats,
    words: Words,
    run: &StoredRun,
    unit: &UnitSheet,
) -> Result<(), ReportError> {
    sheet.write_string_with_format(
        0,
        0,
        inert(&format!(
            "{} — TPP {} ({} {})",
            unit.unit_name,
            unit.month,
            words("versi"),
            run.summary.version
        )),
        &f.title,
    )?;
    for (c, h) in UNIT_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, words(h), &f.header)?;
    }
    let mut total = 0u64;
    let mut r = 3;
    for (officer, row) in unit.members {
        let input = &officer.input;
        // NIPs are 18 digits: text, or a spreadsheet would show them in exponent form.
        sheet.write_string(r, 0, &input.nip)?;
        sheet.write_string(r, 1, inert(&officer.name))?;
        sheet.write_string(r, 2, inert(&input.position_class))?;
        if let Some(base) = input.base {
            sheet.write_number_with_format(r, 3, base as f64, &f.rupiah)?;
        }
        sheet.write_number(r, 4, input.officer.map_or(0, |o| o.responses) as f64)?;
        if let Some(o) = input.officer {
            sheet.write_number_with_format(r, 5, o.ikm.to_f64(), &f.decimal)?;
        }
        sheet.write_number(r, 6, input.unit.map_or(0, |u| u.responses) as f64)?;
        if let Some(u) = input.unit {
            sheet.write_number_with_format(r, 7, u.ikm.to_f64(), &f.decimal)?;
        }
        match row {
            Some(row) => {
                let e = &row.explanation;
                sheet.write_string(r, 8, words(basis_label(&e.basis)))?;
                if let Some(score) = e.score {
                    sheet.write_number_with_format(r, 9, score.to_f64(), &f.decimal)?;
                }
                sheet.write_number_with_format(r, 10, e.factor.paid.to_f64(), &f.percent)?;
                sheet.write_number_with_format(r, 11, e.amount as f64, &f.rupiah)?;
                sheet.write_string(r, 12, words(evidence_label(&e.evidence)))?;
                if let Some(upper) = upper(&e.evidence) {
                    sheet.write_number_with_format(r, 13, upper.to_f64(), &f.decimal)?;
                }
                total += e.amount;
            }
            None => {
                sheet.write_string(r, 8, words("Tidak dibayar: lihat lembar 'Tidak dibayar'"))?;
            }
        }
        r += 1;
    }
    sheet.write_string_with_format(r, 10, words("Jumlah"), &f.bold)?;
    sheet.write_number_with_format(r, 11, total as f64, &f.rupiah_bold)?;
    for (c, width) in [20, 28, 10, 15, 11, 10, 11, 10, 26, 9, 11, 16, 24, 12]
        .iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(3, 2)?;
    Ok(())
}
