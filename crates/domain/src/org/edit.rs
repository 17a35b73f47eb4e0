//! One row of the organisation as an edit page shows it: a stored unit, service, service
//! point or officer written as the import reads it (column → text), and the page's values
//! written back as a one-row file. So an edit is checked, compared, audited and refused
//! (a move into a paid month, a signer who is no officer) exactly as an import of that row.

use time::Date;

use super::import::{Snapshot, Table};

/// The tables an edit page changes one row of.
pub const EDITABLE: [Table; 4] = [
    Table::Units,
    Table::Services,
    Table::Points,
    Table::Officers,
];

/// The columns an edit page shows: every import column but those of a departure (the
/// departure page records an officer leaving).
pub fn columns(table: Table) -> Vec<&'static str> {
    let (required, optional) = table.columns();
    required
        .iter()
        .chain(optional)
        .copied()
        .filter(|c| !matches!(*c, "assigned_until" | "status"))
        .collect()
}

/// The stored row `id` of `table` as the import writes it; `assigned_from` is `today` (it
/// only dates a move to another unit or position). `None`: no such row.
pub fn stored_row(
    table: Table,
    snapshot: &Snapshot,
    id: &str,
    today: Date,
) -> Option<Vec<(&'static str, String)>> {
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    let values: Vec<(&'static str, String)> = match table {
        Table::Units => {
            let u = snapshot.units.iter().find(|u| u.unit_id == id)?;
            vec![
                ("unit_id", u.unit_id.clone()),
                ("name", u.name.clone()),
                ("kind", u.kind.clone()),
                ("parent_id", text(&u.parent_id)),
                (
                    "monthly_users",
                    u.monthly_users.map(|n| n.to_string()).unwrap_or_default(),
                ),
                (
                    "service_hours",
                    u.service_hours
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
                ("head_nip", text(&u.head_nip)),
                ("treasurer_nip", text(&u.treasurer_nip)),
            ]
        }
        Table::Services => {
            let s = snapshot.services.iter().find(|s| s.service_id == id)?;
            vec![
                ("service_id", s.service_id.clone()),
                ("unit_id", s.unit_id.clone()),
                ("name", s.name.clone()),
            ]
        }
        Table::Points => {
            let p = snapshot.points.iter().find(|p| p.point_id == id)?;
            vec![
                ("point_id", p.point_id.clone()),
                ("unit_id", p.unit_id.clone()),
                ("name", p.name.clone()),
            ]
        }
        Table::Officers => {
            let current = snapshot.officers.iter().find(|o| o.officer.nip == id)?;
            let o = &current.officer;
            vec![
                ("nip", o.nip.clone()),
                ("name", o.name.clone()),
                ("position", o.position.clone()),
                ("unit_id", o.unit_id.clone()),
                ("position_class", o.position_class.clone()),
                ("assigned_from", today.to_string()),
                (
                    "serves_public",
                    if o.serves_public { "ya" } else { "tidak" }.into(),
                ),
                ("rank", o.pay.rank.clone()),
                ("npwp", o.pay.npwp.clone()),
                ("bank", o.pay.bank.clone()),
                ("account_number", o.pay.account_number.clone()),
                (
                    "email",
                    snapshot.contacts.get(id).cloned().unwrap_or_default(),
                ),
            ]
        }
        Table::Villages | Table::Catalogue | Table::Issues => return None,
    };
    let shown = columns(table);
    Some(
        values
            .into_iter()
            .filter(|(c, _)| shown.contains(c))
            .collect(),
    )
}

/// The row as a file the import reads: a header of column names and one row, every field
/// quoted, so no value can add a column or a row.
pub fn one_row_file(values: &[(&str, String)]) -> Vec<u8> {
    let quoted = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let header: Vec<String> = values.iter().map(|(c, _)| quoted(c)).collect();
    let row: Vec<String> = values.iter().map(|(_, v)| quoted(v)).collect();
    format!("{}\n{}\n", header.join(","), row.join(",")).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::import::{plan_import, CurrentOfficer, ImportFiles};
    use crate::org::{Officer, Unit};
    use time::macros::date;

    fn snapshot() -> Snapshot {
        Snapshot {
            units: vec![Unit {
                unit_id: "dukcapil".into(),
                parent_id: None,
                name: "Dinas Dukcapil".into(),
                kind: "dinas".into(),
                monthly_users: Some(334),
                service_hours: None,
                head_nip: None,
                treasurer_nip: None,
            }],
            officers: vec![CurrentOfficer {
                officer: Officer {
                    nip: "198001012005011001".into(),
                    name: "Sri Wahyuni".into(),
                    position: "Pengadministrasi".into(),
                    position_class: "7".into(),
                    unit_id: "dukcapil".into(),
                    serves_public: true,
                    pay: Default::default(),
                },
                since: date!(2024 - 01 - 02),
                left_on: None,
            }],
            ..Snapshot::default()
        }
    }

    fn planned(table: Table, values: &[(&str, String)]) -> crate::org::import::ImportPlan {
        let file = one_row_file(values);
        let mut files = ImportFiles::default();
        files.set(table, &file);
        plan_import(&files, &snapshot(), date!(2026 - 12 - 06)).unwrap()
    }

    #[test]
    fn a_stored_row_written_back_changes_nothing() {
        for (table, id) in [
            (Table::Units, "dukcapil"),
            (Table::Officers, "198001012005011001"),
        ] {
            let row = stored_row(table, &snapshot(), id, date!(2026 - 12 - 06)).unwrap();
            let plan = planned(table, &row);
            assert!(plan.is_empty(), "{table:?}: {plan:?}");
        }
        assert!(stored_row(Table::Units, &snapshot(), "none", date!(2026 - 12 - 06)).is_none());
    }

    #[test]
    fn a_value_with_quotes_and_separators_stays_one_field() {
        let mut row =
            stored_row(Table::Units, &snapshot(), "dukcapil", date!(2026 - 12 - 06)).unwrap();
        row[1].1 = "Dinas \"Dukcapil\", Kabupaten; Trenggalek\nbaris".into();
        let plan = planned(Table::Units, &row);
        assert_eq!(plan.units.len(), 1);
        assert!(plan.units[0]
            .after
            .name
            .starts_with("Dinas \"Dukcapil\", Kabupaten; Trenggalek"));
        assert_eq!(plan.units[0].after.unit_id, "dukcapil");
    }

    #[test]
    fn an_address_belongs_to_one_officer() {
        let csv = "NIP;NAMA;JABATAN;UNIT KERJA;EMAIL\n198001012005011001;Sri Wahyuni;Pengadministrasi;dukcapil;kantor@uji.go.id\n199001012015011002;Budi;Staf;dukcapil;KANTOR@uji.go.id\n";
        let mut files = ImportFiles::default();
        files.set(Table::Officers, csv.as_bytes());
        let errors = plan_import(&files, &snapshot(), date!(2026 - 12 - 06)).unwrap_err();
        assert_eq!((errors.len(), errors[0].line), (1, 3), "{errors:?}");
        assert!(errors[0]
            .reason
            .to_string()
            .contains("address of another officer (198001012005011001)"));
    }
}
