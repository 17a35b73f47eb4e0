//! The payable list (*daftar nominatif*, xlsx and PDF) finance pays a month's TPP from, and the bank
//! transfer file of a locked run. Gross amounts are the run's; each deduction and the net
//! come from the run's own policy ([`suara_domain::tpp::deductions`]); rank, position and
//! account are the officer's as stored when the list is made. Every line adds up, and each
//! total is the sum of its lines.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use suara_domain::org::{Officer, PayDetails, Unit};
use suara_domain::tpp::deductions::{pay_line, PayLine};
use suara_domain::tpp::payroll::PayrollRow;
use suara_domain::tpp::policy::FACTOR_PLACES;
use suara_domain::tpp::rupiah;
use suara_store::{RunOfficer, StoredRun};

use crate::layout::{Column, Layout, Weight};
use crate::pdf::Document;
use crate::tpp::{state_label, Words};
use crate::{inert, sheet_name, ReportError};

/// One officer paid by the run, with what finance needs.
pub struct Payee<'a> {
    pub run: &'a RunOfficer,
    pub row: &'a PayrollRow,
    /// `None` for an officer no longer in the list (their line shows the run's facts only).
    pub officer: Option<&'a Officer>,
    /// Rank and account as the run kept them when it was computed (the officer list's, for
    /// runs stored before runs kept them): a change after the run reaches the bank only
    /// through a new computation.
    pub pay: &'a PayDetails,
    pub line: PayLine,
}

impl Payee<'_> {
    pub fn account_number(&self) -> &str {
        &self.pay.account_number
    }
}

/// An officer who signs a unit's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signatory {
    pub name: String,
    pub nip: String,
}

/// Who signs a unit's list: its head ("Mengetahui, Kepala Unit") and the treasurer. `None`
/// leaves a dotted line to write the name and NIP in by hand, as on paper lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signers {
    pub head: Option<Signatory>,
    pub treasurer: Option<Signatory>,
}

/// Each unit's signers: its own head and treasurer, or for either one its nearest parent's
/// (a puskesmas pays through its dinas's treasurer), named from the officer list.
pub fn signers(units: &[Unit], officers: &BTreeMap<String, Officer>) -> BTreeMap<String, Signers> {
    let by_id: BTreeMap<&str, &Unit> = units.iter().map(|u| (u.unit_id.as_str(), u)).collect();
    let find = |start: &Unit, nip_of: fn(&Unit) -> Option<&String>| {
        let mut unit = Some(start);
        // At most as many steps as units: a cycle in a damaged tree ends the walk.
        for _ in 0..=units.len() {
            let here = unit?;
            if let Some(nip) = nip_of(here) {
                return officers.get(nip).map(|o| Signatory {
                    name: o.name.clone(),
                    nip: nip.clone(),
                });
            }
            unit = here
                .parent_id
                .as_deref()
                .and_then(|p| by_id.get(p).copied());
        }
        None
    };
    units
        .iter()
        .map(|u| {
            let signers = Signers {
                head: find(u, |u| u.head_nip.as_ref()),
                treasurer: find(u, |u| u.treasurer_nip.as_ref()),
            };
            (u.unit_id.clone(), signers)
        })
        .collect()
}

/// Details for a payee nothing is known of.
static NO_PAY_DETAILS: PayDetails = PayDetails {
    rank: String::new(),
    npwp: String::new(),
    bank: String::new(),
    account_number: String::new(),
};

/// Every paid officer of the run, by unit then NIP, with their deductions and net.
pub fn payees<'a>(run: &'a StoredRun, officers: &'a BTreeMap<String, Officer>) -> Vec<Payee<'a>> {
    let mut payees: Vec<Payee> = run
        .payroll
        .rows
        .iter()
        .filter_map(|row| {
            let officer = officers.get(&row.nip);
            let kept = run.officer(&row.nip)?;
            let pay = kept
                .input
                .pay
                .as_ref()
                .or(officer.map(|o| &o.pay))
                .unwrap_or(&NO_PAY_DETAILS);
            Some(Payee {
                run: kept,
                row,
                officer,
                pay,
                line: pay_line(&run.policy.deductions, row.explanation.amount, &pay.rank),
            })
        })
        .collect();
    payees.sort_by(|a, b| {
        (a.run.input.unit_id.as_str(), a.run.input.nip.as_str())
            .cmp(&(b.run.input.unit_id.as_str(), b.run.input.nip.as_str()))
    });
    payees
}

/// Every label the list writes, in Indonesian (see [`crate::tpp::LABELS`]).
pub const LABELS: [&[&str]; 3] = [&UNIT_HEADERS, &UNIT_HEADERS_AFTER, &OTHER_LABELS];

/// A unit sheet's columns before the deductions…
const UNIT_HEADERS: [&str; 9] = [
    "No",
    "Nama",
    "NIP",
    "Pangkat/golongan",
    "Jabatan",
    "Kelas jabatan",
    "TPP dasar (Rp)",
    "Capaian",
    "Jumlah kotor (Rp)",
];

/// …and after them.
const UNIT_HEADERS_AFTER: [&str; 4] = [
    "Jumlah bersih (Rp)",
    "Bank",
    "Nomor rekening",
    "Tanda tangan",
];

const OTHER_LABELS: [&str; 17] = [
    "Status",
    "draf",
    "sudah diperiksa",
    "disetujui",
    "terkunci (final)",
    "dibuang (tidak dibayar)",
    "Rekapitulasi",
    "DAFTAR NOMINATIF PEMBAYARAN TPP",
    "Bulan",
    "Versi perhitungan",
    "Potongan",
    "tanpa potongan",
    "Jumlah",
    "Unit",
    "Pegawai",
    "Mengetahui, Kepala Unit",
    "Bendahara Pengeluaran",
];

/// The payees of each unit, by unit code.
fn by_unit<'p, 'a>(payees: &'p [Payee<'a>]) -> BTreeMap<&'p str, Vec<&'p Payee<'a>>> {
    let mut units: BTreeMap<&str, Vec<&Payee>> = BTreeMap::new();
    for payee in payees {
        units
            .entry(payee.run.input.unit_id.as_str())
            .or_default()
            .push(payee);
    }
    units
}

/// The names of the run's policy's deductions, in order.
fn deduction_names(run: &StoredRun) -> Vec<&str> {
    run.policy
        .deductions
        .iter()
        .map(|d| d.name.as_str())
        .collect()
}

/// The xlsx: a summary of every unit and the regency, then one sheet per unit with its
/// officers, totals and the signature block of the unit head and the treasurer.
/// `month` is the month as the reader writes it ("November 2026").
pub fn payable_xlsx(
    run: &StoredRun,
    payees: &[Payee],
    signers: &BTreeMap<String, Signers>,
    regency: &str,
    month: &str,
    words: Words,
) -> Result<Vec<u8>, ReportError> {
    let f = Formats::new();
    let deductions = deduction_names(run);
    let by_unit = by_unit(payees);
    let mut workbook = Workbook::new();
    let mut taken = Vec::new();
    let heading = |sheet: &mut Worksheet, unit: Option<&str>| -> Result<u32, ReportError> {
        sheet.write_string_with_format(0, 0, words("DAFTAR NOMINATIF PEMBAYARAN TPP"), &f.title)?;
        sheet.write_string_with_format(1, 0, inert(regency), &f.bold)?;
        let mut r = 2;
        if let Some(unit) = unit {
            sheet.write_string_with_format(r, 0, inert(unit), &f.bold)?;
            r += 1;
        }
        sheet.write_string(
            r,
            0,
            format!(
                "{} {month} · {} {} · {}: {}",
                words("Bulan"),
                words("Versi perhitungan"),
                run.summary.version,
                words("Status"),
                words(state_label(run.summary.state))
            ),
        )?;
        sheet.write_string(
            r + 1,
            0,
            format!(
                "{}: {}",
                words("Potongan"),
                if deductions.is_empty() {
                    words("tanpa potongan").to_string()
                } else {
                    inert(&deductions.join(", "))
                }
            ),
        )?;
        Ok(r + 3)
    };

    let summary = workbook.add_worksheet();
    summary.set_name(sheet_name(words("Rekapitulasi"), &mut taken))?;
    let top = heading(summary, None)?;
    let mut headers = vec![
        words("No"),
        words("Unit"),
        words("Pegawai"),
        words("Jumlah kotor (Rp)"),
    ];
    headers.extend(deductions.iter().copied());
    headers.push(words("Jumlah bersih (Rp)"));
    for (c, h) in headers.iter().enumerate() {
        summary.write_string_with_format(top, c as u16, inert(h), &f.header)?;
    }
    let mut r = top + 1;
    for (i, members) in by_unit.values().enumerate() {
        summary.write_number(r, 0, (i + 1) as f64)?;
        summary.write_string(r, 1, inert(&members[0].run.unit_name))?;
        summary.write_number(r, 2, members.len() as f64)?;
        money_columns(
            summary,
            r,
            3,
            &sums(members.iter().copied(), deductions.len()),
            &f.rupiah,
        )?;
        r += 1;
    }
    summary.write_string_with_format(r, 1, words("Jumlah"), &f.bold)?;
    summary.write_number_with_format(r, 2, payees.len() as f64, &f.bold)?;
    money_columns(
        summary,
        r,
        3,
        &sums(payees.iter(), deductions.len()),
        &f.rupiah_bold,
    )?;
    summary.set_column_width(0, 5)?;
    summary.set_column_width(1, 40)?;
    for c in 2..headers.len() as u16 {
        summary.set_column_width(c, 18)?;
    }

    for (unit_id, members) in &by_unit {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(unit_id, &mut taken))?;
        let top = heading(sheet, Some(&members[0].run.unit_name))?;
        let signers = signers.get(*unit_id).cloned().unwrap_or_default();
        unit_sheet(sheet, &f, words, top, &deductions, members, &signers)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn unit_sheet(
    sheet: &mut Worksheet,
    f: &Formats,
    words: Words,
    top: u32,
    deductions: &[&str],
    members: &[&Payee],
    signers: &Signers,
) -> Result<(), ReportError> {
    let mut headers: Vec<&str> = UNIT_HEADERS.map(words).to_vec();
    headers.extend(deductions.iter().copied());
    headers.extend(UNIT_HEADERS_AFTER.map(words));
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(top, c as u16, inert(h), &f.header)?;
    }
    let gross_column = 8u16;
    let net_column = gross_column + 1 + deductions.len() as u16;
    let mut r = top + 1;
    for (i, payee) in members.iter().enumerate() {
        let officer = payee.officer;
        let text = |pick: fn(&Officer) -> &str| inert(officer.map_or("", pick));
        sheet.write_number(r, 0, (i + 1) as f64)?;
        sheet.write_string(r, 1, inert(&payee.run.name))?;
        // NIPs and account numbers are text, or a spreadsheet shows them in exponent form.
        sheet.write_string(r, 2, &payee.run.input.nip)?;
        sheet.write_string(r, 3, inert(&payee.pay.rank))?;
        sheet.write_string(r, 4, text(|o| &o.position))?;
        sheet.write_string(r, 5, inert(&payee.run.input.position_class))?;
        if let Some(base) = payee.run.input.base {
            sheet.write_number_with_format(r, 6, base as f64, &f.rupiah)?;
        }
        sheet.write_number_with_format(
            r,
            7,
            payee.row.explanation.factor.paid.to_f64(),
            &f.percent,
        )?;
        money_columns(sheet, r, gross_column, &line_cells(&payee.line), &f.rupiah)?;
        sheet.write_string(r, net_column + 1, inert(&payee.pay.bank))?;
        sheet.write_string(r, net_column + 2, payee.account_number())?;
        sheet.write_string_with_format(r, net_column + 3, "", &f.signature)?;
        sheet.set_row_height(r, 30)?;
        r += 1;
    }
    sheet.write_string_with_format(r, 1, words("Jumlah"), &f.bold)?;
    money_columns(
        sheet,
        r,
        gross_column,
        &sums(members.iter().copied(), deductions.len()),
        &f.rupiah_bold,
    )?;
    let block = r + 3;
    for (column, title, signer) in [
        (1u16, "Mengetahui, Kepala Unit", &signers.head),
        (net_column, "Bendahara Pengeluaran", &signers.treasurer),
    ] {
        let (name, nip) = signature_lines(signer, words, 42);
        sheet.write_string(block, column, words(title))?;
        sheet.write_string(block + 4, column, inert(&name))?;
        sheet.write_string(block + 5, column, nip)?;
    }
    for (c, width) in [5, 28, 20, 12, 24, 8, 15, 10, 15].iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
    }
    for c in gross_column + 1..=net_column {
        sheet.set_column_width(c, 15)?;
    }
    sheet.set_column_width(net_column + 1, 14)?;
    sheet.set_column_width(net_column + 2, 18)?;
    sheet.set_column_width(net_column + 3, 16)?;
    sheet.set_freeze_panes(top + 1, 2)?;
    Ok(())
}

/// Gross, each deduction and net.
fn line_cells(line: &PayLine) -> Vec<u64> {
    let mut cells = vec![line.gross];
    cells.extend(&line.deductions);
    cells.push(line.net);
    cells
}

/// The column sums of [`line_cells`].
fn sums<'a>(payees: impl Iterator<Item = &'a Payee<'a>>, deductions: usize) -> Vec<u64> {
    let mut total = vec![0u64; deductions + 2];
    for payee in payees {
        for (sum, cell) in total.iter_mut().zip(line_cells(&payee.line)) {
            *sum += cell;
        }
    }
    total
}

fn money_columns(
    sheet: &mut Worksheet,
    r: u32,
    first: u16,
    cells: &[u64],
    format: &Format,
) -> Result<(), ReportError> {
    for (c, amount) in cells.iter().enumerate() {
        sheet.write_number_with_format(r, first + c as u16, *amount as f64, format)?;
    }
    Ok(())
}

/// A unit's page: number, name, gross, each deduction, net, account and signature.
fn unit_columns<'a>(words: Words, deductions: &[&'a str]) -> Vec<Column<'a>> {
    // The signature column takes what is left: about a seventh of the page.
    let each = deduction_share(deductions.len(), 0.25);
    let mut columns = vec![
        Column {
            heading: words("No"),
            share: 0.05,
            right: true,
        },
        Column {
            heading: words("Nama"),
            share: 0.21,
            right: false,
        },
        Column {
            heading: words("Jumlah kotor (Rp)"),
            share: 0.11,
            right: true,
        },
    ];
    columns.extend(deductions.iter().map(|name| Column {
        heading: name,
        share: each,
        right: true,
    }));
    columns.push(Column {
        heading: words("Jumlah bersih (Rp)"),
        share: 0.11,
        right: true,
    });
    columns.push(Column {
        heading: words("Nomor rekening"),
        share: 0.13,
        right: false,
    });
    let used: f32 = columns.iter().map(|c| c.share).sum();
    columns.push(Column {
        heading: words("Tanda tangan"),
        share: 1.0 - used,
        right: false,
    });
    columns
}

/// The regency's summary: a row per unit with its officers, gross, deductions and net.
fn summary_columns<'a>(words: Words, deductions: &[&'a str]) -> Vec<Column<'a>> {
    let mut summary = vec![
        Column {
            heading: words("Unit"),
            share: 0.28,
            right: false,
        },
        Column {
            heading: words("Pegawai"),
            share: 0.10,
            right: true,
        },
        Column {
            heading: words("Jumlah kotor (Rp)"),
            share: 0.14,
            right: true,
        },
    ];
    let each = deduction_share(deductions.len(), 0.30);
    summary.extend(deductions.iter().map(|name| Column {
        heading: name,
        share: each,
        right: true,
    }));
    let used: f32 = summary.iter().map(|c| c.share).sum();
    summary.push(Column {
        heading: words("Jumlah bersih (Rp)"),
        share: 1.0 - used,
        right: true,
    });
    summary
}

/// The same list as a PDF to print and sign: a page per unit with its officers, each
/// deduction, the totals and the signature blocks, then the regency's summary.
pub fn payable_pdf(
    run: &StoredRun,
    payees: &[Payee],
    signers: &BTreeMap<String, Signers>,
    regency: &str,
    month: &str,
    words: Words,
) -> Vec<u8> {
    let deductions = deduction_names(run);
    let title = format!(
        "{} · {regency} · {month}",
        words("DAFTAR NOMINATIF PEMBAYARAN TPP")
    );
    let mut doc = Document::new(
        &title,
        &format!(
            "{} {} · {}: {}",
            words("Versi perhitungan"),
            run.summary.version,
            words("Status"),
            words(state_label(run.summary.state))
        ),
    );
    let by_unit = by_unit(payees);
    let columns = unit_columns(words, &deductions);
    let money = |cells: &[u64]| cells.iter().map(|a| rupiah(*a)).collect::<Vec<_>>();
    for (i, (unit_id, members)) in by_unit.iter().enumerate() {
        if i > 0 {
            doc.need(PAGE_BREAK);
        }
        doc.centred(words("DAFTAR NOMINATIF PEMBAYARAN TPP"), Weight::Bold, 13.0);
        doc.centred(&members[0].run.unit_name, Weight::Bold, 11.0);
        doc.centred(
            &format!("{regency} · {} {month}", words("Bulan")),
            Weight::Regular,
            10.0,
        );
        doc.gap(10.0);
        let mut rows: Vec<Vec<String>> = members
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let rank = p.pay.rank.as_str();
                let nip = format!("{} {}", words("NIP"), p.run.input.nip);
                let who = [p.run.name.as_str(), rank, &nip]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                let mut row = vec![(n + 1).to_string(), who];
                row.extend(money(&line_cells(&p.line)));
                row.push(format!("{} {}", p.pay.bank, p.account_number()));
                row.push(String::new());
                row
            })
            .collect();
        let mut total = vec![String::new(), words("Jumlah").to_string()];
        total.extend(money(&sums(members.iter().copied(), deductions.len())));
        total.extend([String::new(), String::new()]);
        rows.push(total);
        doc.table(&columns, &rows, true);
        let unit_signers = signers.get(*unit_id).cloned().unwrap_or_default();
        signatures(&mut doc, words, &unit_signers);
    }
    doc.need(PAGE_BREAK);
    doc.centred(words("Rekapitulasi"), Weight::Bold, 13.0);
    doc.centred(
        &format!("{regency} · {} {month}", words("Bulan")),
        Weight::Regular,
        10.0,
    );
    doc.gap(10.0);
    let summary = summary_columns(words, &deductions);
    let mut rows: Vec<Vec<String>> = by_unit
        .values()
        .map(|members| {
            let mut row = vec![members[0].run.unit_name.clone(), count(members.len())];
            row.extend(money(&sums(members.iter().copied(), deductions.len())));
            row
        })
        .collect();
    let mut total = vec![words("Jumlah").to_string(), count(payees.len())];
    total.extend(money(&sums(payees.iter(), deductions.len())));
    rows.push(total);
    doc.table(&summary, &rows, true);
    doc.finish()
}

/// A number of officers, thousands separated as the amounts beside it are: 4.123.
fn count(n: usize) -> String {
    rupiah(u64::try_from(n).unwrap_or(u64::MAX))
}

/// The width each deduction's column takes when together they take `total`.
fn deduction_share(deductions: usize, total: f32) -> f32 {
    match deductions {
        0 => 0.0,
        n => total / n as f32,
    }
}

/// Taller than any page: the next unit starts on a page of its own.
const PAGE_BREAK: f32 = 10_000.0;

/// A signer's name and NIP lines; dotted lines `width` wide to write them in by hand when
/// the unit names no one.
fn signature_lines(signer: &Option<Signatory>, words: Words, width: usize) -> (String, String) {
    match signer {
        Some(s) => (s.name.clone(), format!("{} {}", words("NIP"), s.nip)),
        None => (
            format!("({})", ".".repeat(width)),
            format!("{} {}", words("NIP"), ".".repeat(width / 2 + 12)),
        ),
    }
}

/// The unit head's and the treasurer's blocks.
fn signatures(doc: &mut Document, words: Words, signers: &Signers) {
    doc.gap(18.0);
    let columns = [
        Column {
            heading: words("Mengetahui, Kepala Unit"),
            share: 0.5,
            right: false,
        },
        Column {
            heading: words("Bendahara Pengeluaran"),
            share: 0.5,
            right: false,
        },
    ];
    let (head, head_nip) = signature_lines(&signers.head, words, 52);
    let (treasurer, treasurer_nip) = signature_lines(&signers.treasurer, words, 52);
    let rows = vec![
        vec![String::new(), String::new()],
        vec![String::new(), String::new()],
        vec![head, treasurer],
        vec![head_nip, treasurer_nip],
    ];
    // A block split over two pages would leave a name under a heading it does not sign.
    doc.table_whole(&columns, &rows);
}

/// Columns of the bank transfer file.
pub const BANK_COLUMNS: [&str; 6] = [
    "account_number",
    "name",
    "amount",
    "description",
    "bank",
    "nip",
];

/// The bank transfer file: one credit per paid officer, the net amount, in whole rupiah.
/// The caller checks first that the run is locked and every payee has an account.
pub fn bank_transfer_csv(payees: &[Payee], description: &str) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(BANK_COLUMNS)?;
    for payee in payees {
        writer.write_record([
            payee.account_number().to_string(),
            inert(&payee.run.name),
            payee.line.net.to_string(),
            inert(description),
            inert(&payee.pay.bank),
            payee.run.input.nip.clone(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    rupiah: Format,
    rupiah_bold: Format,
    percent: Format,
    signature: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin)
                .set_background_color("#DCE6F1"),
            rupiah: Format::new().set_num_format("#,##0"),
            rupiah_bold: Format::new().set_bold().set_num_format("#,##0"),
            percent: Format::new()
                .set_num_format(format!("0.{}%", "0".repeat(FACTOR_PLACES as usize - 2))),
            signature: Format::new().set_border_bottom(FormatBorder::Dotted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, parent: Option<&str>, head: Option<&str>, treasurer: Option<&str>) -> Unit {
        Unit {
            unit_id: id.into(),
            parent_id: parent.map(Into::into),
            name: id.into(),
            kind: "dinas".into(),
            monthly_users: None,
            service_hours: None,
            head_nip: head.map(Into::into),
            treasurer_nip: treasurer.map(Into::into),
        }
    }

    #[test]
    fn a_unit_takes_its_nearest_parents_signers_and_a_cycle_ends_the_walk() {
        let officer = |nip: &str, name: &str| {
            (
                nip.to_string(),
                Officer {
                    nip: nip.into(),
                    name: name.into(),
                    position: String::new(),
                    position_class: String::new(),
                    unit_id: String::new(),
                    serves_public: true,
                    pay: PayDetails::default(),
                },
            )
        };
        let officers: BTreeMap<_, _> = [
            officer("1", "Kepala Dinas"),
            officer("2", "Bendahara"),
            officer("3", "Kepala Puskesmas"),
        ]
        .into();
        let units = [
            unit("dinkes", None, Some("1"), Some("2")),
            unit("pkm", Some("dinkes"), Some("3"), None),
            unit("pustu", Some("pkm"), None, None),
            unit("a", Some("b"), None, None),
            unit("b", Some("a"), None, Some("gone")),
        ];
        let signers = signers(&units, &officers);
        let names = |id: &str| {
            let s = &signers[id];
            (
                s.head.as_ref().map(|s| s.name.as_str()),
                s.treasurer.as_ref().map(|s| s.name.as_str()),
            )
        };
        assert_eq!(names("dinkes"), (Some("Kepala Dinas"), Some("Bendahara")));
        assert_eq!(names("pkm"), (Some("Kepala Puskesmas"), Some("Bendahara")));
        assert_eq!(
            names("pustu"),
            (Some("Kepala Puskesmas"), Some("Bendahara"))
        );
        // A NIP no officer has names no one; a cycle names no one rather than looping.
        assert_eq!(names("a"), (None, None));
    }
}
