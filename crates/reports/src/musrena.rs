//! The SIPD worksheet: proposals accepted into the annual plan (RKPD), one row per proposal
//! with the fields of SIPD's usulan records (kamus usulan, location by Kemendagri code,
//! volume and unit, cost, strategic issue, each level's recommendation, the APBD amount,
//! status), for planners to enter into SIPD. It is a worksheet for entry, not an interface
//! to SIPD. The xlsx, for people, names the columns as SIPD's forms do and writes stages,
//! groups and dates in words; the CSV, for machines, uses the codes below.

use std::collections::HashMap;

use rust_xlsxwriter::{Format, Workbook};
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::recommendation::{Recommendation, Recommender};
use suara_store::StoredProposal;

use crate::{inert, ReportError};

/// Each column: its code (CSV header), its label (xlsx header) and whether it holds rupiah.
pub const COLUMNS: [(&str, &str, bool); 41] = [
    ("code", "Nomor usulan", false),
    ("year", "Tahun usulan", false),
    ("activity_code", "Kode kamus usulan", false),
    ("activity_name", "Nama kamus usulan", false),
    ("title", "Usulan", false),
    ("problem", "Permasalahan", false),
    ("activity", "Uraian kegiatan", false),
    ("unit_id", "Kode perangkat daerah", false),
    ("unit", "Perangkat daerah pengampu", false),
    ("affair", "Urusan", false),
    ("issue", "Isu strategis", false),
    ("village_code", "Kode wilayah desa/kelurahan", false),
    ("village", "Desa/kelurahan", false),
    ("district", "Kecamatan", false),
    ("address", "Alamat", false),
    ("latitude", "Lintang", false),
    ("longitude", "Bujur", false),
    ("volume", "Volume", false),
    ("measure", "Satuan", false),
    ("unit_price", "Harga satuan", true),
    ("estimated_cost", "Perkiraan anggaran", true),
    ("cost_reason", "Alasan perubahan anggaran", false),
    ("village_volume", "Rekomendasi desa: volume", false),
    ("village_amount", "Rekomendasi desa: anggaran", true),
    ("village_text", "Rekomendasi desa: keterangan", false),
    ("district_volume", "Rekomendasi kecamatan: volume", false),
    ("district_amount", "Rekomendasi kecamatan: anggaran", true),
    ("district_text", "Rekomendasi kecamatan: keterangan", false),
    ("unit_volume", "Rekomendasi perangkat daerah: volume", false),
    (
        "unit_amount",
        "Rekomendasi perangkat daerah: anggaran",
        true,
    ),
    (
        "unit_text",
        "Rekomendasi perangkat daerah: keterangan",
        false,
    ),
    ("tapd_volume", "Rekomendasi TAPD: volume", false),
    ("tapd_amount", "Rekomendasi TAPD: anggaran", true),
    ("tapd_text", "Rekomendasi TAPD: keterangan", false),
    ("budget_amount", "Pagu APBD", true),
    ("stage", "Status", false),
    ("proposed_by", "Kelompok pengusul", false),
    ("beneficiaries", "Penerima manfaat", false),
    ("sdgs", "Target SDGs", false),
    ("forum", "Forum Musrena", false),
    ("submitted_on", "Tanggal usulan", false),
];

/// What the worksheet needs besides the proposals: unit names by code and each proposal's
/// recommendations.
pub struct Worksheet<'a> {
    pub proposals: &'a [StoredProposal],
    pub unit_names: &'a HashMap<String, String>,
    pub recommendations: &'a HashMap<String, Vec<Recommendation>>,
}

/// How the workbook for people writes a proposal's stage, a group and a day, in the
/// reader's language (the CSV keeps codes and ISO dates for machines).
pub struct Words<'a> {
    pub stage: &'a dyn Fn(Stage) -> String,
    pub group: &'a dyn Fn(Group) -> String,
    pub date: &'a dyn Fn(time::Date) -> String,
}

/// One row: the cell text, and the rupiah amount for money columns; in `words` for people,
/// by code without.
fn row(w: &Worksheet, p: &StoredProposal, words: Option<&Words>) -> Vec<(String, Option<u64>)> {
    let name = |id: Option<&str>| {
        id.and_then(|id| w.unit_names.get(id))
            .map_or(String::new(), |n| inert(n))
    };
    let text = |t: Option<&str>| inert(t.unwrap_or(""));
    let money = |amount: Option<u64>| (amount.map_or(String::new(), |a| a.to_string()), amount);
    let plain = |t: String| (t, None);
    let recommendation = |by: Recommender| {
        w.recommendations
            .get(&p.code)
            .and_then(|list| list.iter().find(|r| r.by == by))
    };
    let activity = p.activity.as_ref();
    let mut cells = vec![
        plain(p.code.clone()),
        plain(p.submitted_on.year().to_string()),
        plain(p.proposal.activity_code.clone().unwrap_or_default()),
        plain(text(activity.map(|a| a.name.as_str()))),
        plain(inert(&p.proposal.title)),
        plain(inert(&p.proposal.problem)),
        plain(inert(&p.proposal.activity)),
        plain(activity.map_or(String::new(), |a| a.unit_id.clone())),
        plain(name(activity.map(|a| a.unit_id.as_str()))),
        plain(text(activity.map(|a| a.affair.as_str()))),
        plain(text(p.issue_name.as_deref())),
        plain(p.proposal.village.clone()),
        plain(text(p.village_name.as_deref())),
        plain(name(p.district_id.as_deref())),
        plain(inert(&p.proposal.address)),
        plain(
            p.proposal
                .point
                .map_or(String::new(), |pt| pt.lat_degrees().to_string()),
        ),
        plain(
            p.proposal
                .point
                .map_or(String::new(), |pt| pt.lon_degrees().to_string()),
        ),
        plain(p.proposal.volume.map_or(String::new(), |v| v.to_string())),
        plain(text(activity.map(|a| a.measure.as_str()))),
        money(activity.map(|a| a.unit_price)),
        money(p.proposal.estimated_cost),
        plain(text(p.proposal.cost_reason.as_deref())),
    ];
    for by in Recommender::ALL {
        let r = recommendation(by);
        cells.push(plain(
            r.and_then(|r| r.volume)
                .map_or(String::new(), |v| v.to_string()),
        ));
        cells.push(money(r.and_then(|r| r.amount)));
        cells.push(plain(text(r.map(|r| r.text.as_str()))));
    }
    cells.extend([
        money(p.budget_amount),
        plain(words.map_or(p.stage.code().to_string(), |w| (w.stage)(p.stage))),
        plain(groups(
            words,
            p.proposal.proposed_by.iter().map(|g| (*g, None)),
        )),
        plain(groups(
            words,
            p.proposal
                .beneficiaries
                .iter()
                .map(|(g, n)| (*g, Some(u64::from(*n)))),
        )),
        plain(suara_domain::sdg::join(&p.proposal.sdgs).replace(',', ";")),
        plain(p.forum_id.clone()),
        plain(words.map_or(p.submitted_on.to_string(), |w| (w.date)(p.submitted_on))),
    ]);
    cells
}

/// Groups (with a count each, for beneficiaries): `women:184;children:20` by code, or
/// "Perempuan: 184; Anak: 20" in words.
fn groups(words: Option<&Words>, groups: impl Iterator<Item = (Group, Option<u64>)>) -> String {
    let each: Vec<String> = groups
        .map(|(group, count)| match (words, count) {
            (None, None) => group.code().to_string(),
            (None, Some(n)) => format!("{}:{n}", group.code()),
            (Some(w), None) => (w.group)(group),
            (Some(w), Some(n)) => format!("{}: {n}", (w.group)(group)),
        })
        .collect();
    each.join(if words.is_some() { "; " } else { ";" })
}

pub fn sipd_csv(w: &Worksheet) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS.iter().map(|(code, _, _)| *code))?;
    for p in w.proposals {
        writer.write_record(row(w, p, None).into_iter().map(|(t, _)| t))?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

/// One sheet "SIPD" with a title row, SIPD's column names and a row per proposal; rupiah as
/// numbers.
pub fn sipd_xlsx(w: &Worksheet, regency: &str, words: &Words) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("SIPD")?;
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DCE6F1");
    let rupiah = Format::new().set_num_format("#,##0");
    sheet.write_string_with_format(
        0,
        0,
        format!("Lembar isian usulan SIPD dari Musrena Keren (usulan dalam RKPD) — {regency}"),
        &bold,
    )?;
    for (c, (_, label, _)) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *label, &header)?;
        sheet.set_column_width(c as u16, 18)?;
    }
    for (i, p) in w.proposals.iter().enumerate() {
        let r = 3 + i as u32;
        for (c, (value, money)) in row(w, p, Some(words)).into_iter().enumerate() {
            match money {
                Some(amount) => {
                    sheet.write_number_with_format(r, c as u16, amount as f64, &rupiah)?
                }
                None => sheet.write_string(r, c as u16, value)?,
            };
        }
    }
    sheet.set_freeze_panes(3, 1)?;
    Ok(workbook.save_to_buffer()?)
}
