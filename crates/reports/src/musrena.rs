//! Proposals accepted into the annual plan (RKPD), for planners to enter into SIPD (the
//! national planning information system): one row per proposal with the fields SIPD asks
//! for, as xlsx and CSV.

use std::collections::HashMap;

use rust_xlsxwriter::{Format, Workbook};
use suara_domain::musrena::forum::Group;
use suara_store::StoredProposal;

use crate::{inert, ReportError};

/// Columns of both files, in order.
pub const COLUMNS: [&str; 19] = [
    "code",
    "title",
    "problem",
    "activity",
    "sector",
    "district_id",
    "district",
    "village_code",
    "village",
    "address",
    "latitude",
    "longitude",
    "estimated_cost",
    "budget_amount",
    "stage",
    "proposed_by",
    "beneficiaries",
    "forum",
    "submitted_on",
];

fn row(p: &StoredProposal, districts: &HashMap<String, String>) -> [String; 19] {
    let district = p.district_id.clone().unwrap_or_default();
    let beneficiaries = p
        .proposal
        .beneficiaries
        .iter()
        .map(|(g, n)| format!("{}:{n}", g.code()))
        .collect::<Vec<_>>()
        .join(";");
    [
        p.code.clone(),
        inert(&p.proposal.title),
        inert(&p.proposal.problem),
        inert(&p.proposal.activity),
        p.proposal.sector.code().to_string(),
        district.clone(),
        inert(districts.get(&district).map_or("", String::as_str)),
        p.proposal.village.clone(),
        inert(p.village_name.as_deref().unwrap_or("")),
        inert(&p.proposal.address),
        p.proposal
            .point
            .map_or(String::new(), |p| p.lat_degrees().to_string()),
        p.proposal
            .point
            .map_or(String::new(), |p| p.lon_degrees().to_string()),
        p.proposal
            .estimated_cost
            .map_or(String::new(), |c| c.to_string()),
        p.budget_amount.map_or(String::new(), |c| c.to_string()),
        p.stage.code().to_string(),
        p.proposal
            .proposed_by
            .iter()
            .map(|g: &Group| g.code())
            .collect::<Vec<_>>()
            .join(";"),
        beneficiaries,
        p.forum_id.clone(),
        p.submitted_on.to_string(),
    ]
}

pub fn accepted_csv(
    proposals: &[StoredProposal],
    districts: &HashMap<String, String>,
) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for p in proposals {
        writer.write_record(row(p, districts))?;
    }
    writer
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))
}

/// One sheet "RKPD" with a title row, the column names and a row per proposal; rupiah as
/// numbers.
pub fn accepted_xlsx(
    proposals: &[StoredProposal],
    districts: &HashMap<String, String>,
    regency: &str,
) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("RKPD")?;
    let bold = Format::new().set_bold();
    let header = Format::new().set_bold().set_background_color("#DCE6F1");
    let rupiah = Format::new().set_num_format("#,##0");
    sheet.write_string_with_format(
        0,
        0,
        format!("Usulan Musrena Keren dalam RKPD — {regency}"),
        &bold,
    )?;
    for (c, name) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *name, &header)?;
    }
    for (i, p) in proposals.iter().enumerate() {
        let r = 3 + i as u32;
        for (c, value) in row(p, districts).iter().enumerate() {
            let money = match COLUMNS[c] {
                "estimated_cost" => p.proposal.estimated_cost,
                "budget_amount" => p.budget_amount,
                _ => None,
            };
            match money {
                Some(amount) => {
                    sheet.write_number_with_format(r, c as u16, amount as f64, &rupiah)?
                }
                None => sheet.write_string(r, c as u16, value)?,
            };
        }
    }
    for (c, width) in [16, 30, 40, 40, 14, 14, 20, 16, 14, 14, 12, 24, 24, 10, 12]
        .iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(3, 1)?;
    Ok(workbook.save_to_buffer()?)
}
