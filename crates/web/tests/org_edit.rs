//! Changing one unit, service, service point or officer on a page: the row is imported as a
//! personnel list row would be, so what a list refuses the page refuses (beside the field,
//! what was typed kept), a change is audit-logged, and a move starts a new assignment. On
//! SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::org::edit::stored_row;
use suara_domain::org::import::Table;
use suara_domain::org::Officer;
use suara_store::testing::{TestDatabase, OFFICER_NIP};
use time::OffsetDateTime;

suara_store::backend_tests!(hr_changes_an_officer_and_a_unit_as_a_list_would);

/// The page's fields as stored, with `changes` made, posted.
async fn save(
    app: &TestApp,
    hr: &Session,
    table: Table,
    what: &str,
    id: &str,
    changes: &[(&str, &str)],
) -> (StatusCode, String) {
    let snapshot = app.store.org_snapshot("t1").await.unwrap();
    let today = OffsetDateTime::now_utc().date();
    let mut pairs: Vec<(String, String)> = stored_row(table, &snapshot, id, today)
        .unwrap()
        .into_iter()
        .map(|(c, v)| (c.to_string(), v))
        .collect();
    for (column, value) in changes {
        pairs.retain(|(c, _)| c != column);
        pairs.push((column.to_string(), value.to_string()));
    }
    pairs.push(("csrf".into(), hr.csrf.clone()));
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let response = app
        .post_form_as(
            Some(hr),
            &format!("/admin/ubah/{what}/{id}?lang=id"),
            &pairs,
        )
        .await;
    (response.status(), response.text().await.unwrap())
}

/// The officer as stored now, with their e-mail address.
async fn stored(app: &TestApp, nip: &str) -> (Officer, Option<String>) {
    let snapshot = app.store.org_snapshot("t1").await.unwrap();
    let current = snapshot
        .officers
        .into_iter()
        .find(|o| o.officer.nip == nip)
        .unwrap();
    (current.officer, snapshot.contacts.get(nip).cloned())
}

async fn hr_changes_an_officer_and_a_unit_as_a_list_would(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();

    // From the officer's page, the form with what is stored; units chosen by name.
    let officer = app
        .get_as(&hr, &format!("/dasbor/pegawai/{OFFICER_NIP}?lang=id"))
        .await
        .text()
        .await
        .unwrap();
    let path = format!("/admin/ubah/pegawai/{OFFICER_NIP}");
    assert!(officer.contains(&path), "{officer}");
    let form = app.get_as(&hr, &path).await.text().await.unwrap();
    assert!(
        form.contains("Ubah data pegawai: Sri Wahyuni")
            && form.contains(">Dinas Dukcapil</option>"),
        "{form}"
    );

    // What a list would refuse is named beside its field, nothing stored.
    let (status, html) = save(
        &app,
        &hr,
        Table::Officers,
        "pegawai",
        OFFICER_NIP,
        &[("npwp", "123"), ("position_class", "8")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains(r##"<a href="#npwp">NPWP: '123' bukan NPWP 15 atau 16 angka</a>"##)
            && html.contains(r#"value="8""#),
        "{html}"
    );
    assert_ne!(stored(&app, OFFICER_NIP).await.0.position_class, "8");

    // A new class, account and address: saved, each an audit entry.
    let (status, html) = save(
        &app,
        &hr,
        Table::Officers,
        "pegawai",
        OFFICER_NIP,
        &[
            ("position_class", "8"),
            ("account_number", "0012000345"),
            ("email", "sri@uji.go.id"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Perubahan disimpan"), "{html}");
    let (sri, email) = stored(&app, OFFICER_NIP).await;
    assert_eq!(
        (sri.position_class.as_str(), sri.pay.account_number.as_str()),
        ("8", "0012000345")
    );
    assert_eq!(email.as_deref(), Some("sri@uji.go.id"));
    let entries = app.store.audit_log("t1", None, 20).await.unwrap();
    assert!(entries
        .iter()
        .any(|e| e.entity == "officer" && e.entity_id == OFFICER_NIP && e.actor == "bkpsdm"));
    // Saved again as it is: nothing changes, nothing is logged.
    let (status, html) = save(&app, &hr, Table::Officers, "pegawai", OFFICER_NIP, &[]).await;
    assert!(
        status == StatusCode::OK && html.contains("Tidak ada yang berubah"),
        "{html}"
    );
    assert_eq!(
        app.store.audit_log("t1", None, 20).await.unwrap().len(),
        entries.len()
    );

    // A move to another unit starts a new assignment; the old one stays in the history.
    let (status, html) = save(
        &app,
        &hr,
        Table::Officers,
        "pegawai",
        OFFICER_NIP,
        &[("unit_id", "rsud")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert_eq!(stored(&app, OFFICER_NIP).await.0.unit_id, "rsud");
    assert!(
        app.store
            .assignments("t1", OFFICER_NIP)
            .await
            .unwrap()
            .len()
            >= 2
    );

    // The unit: renamed and given its users a month; its services and points linked.
    let unit = app
        .get_as(&hr, "/dasbor/unit/dukcapil?lang=id")
        .await
        .text()
        .await
        .unwrap();
    assert!(unit.contains("/admin/ubah/unit/dukcapil"), "{unit}");
    let (status, html) = save(
        &app,
        &hr,
        Table::Units,
        "unit",
        "dukcapil",
        &[
            ("name", "Dinas Kependudukan dan Pencatatan Sipil"),
            ("monthly_users", "400"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("/admin/ubah/layanan/"), "{html}");
    let units = app.store.units("t1").await.unwrap();
    let dukcapil = units.iter().find(|u| u.unit_id == "dukcapil").unwrap();
    assert_eq!(
        (dukcapil.name.as_str(), dukcapil.monthly_users),
        ("Dinas Kependudukan dan Pencatatan Sipil", Some(400))
    );
    // A unit cannot be put under itself; the code in the address is the one changed.
    let (status, html) = save(
        &app,
        &hr,
        Table::Units,
        "unit",
        "dukcapil",
        &[("parent_id", "dukcapil"), ("unit_id", "lain")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(app
        .store
        .units("t1")
        .await
        .unwrap()
        .iter()
        .all(|u| u.unit_id != "lain"));

    // Once she has left, her record changes through the list only: a save dated today
    // would bring her back.
    let departure = suara_domain::org::departure::Departure {
        last_day: OffsetDateTime::now_utc().date(),
        reason: suara_domain::org::departure::DepartureReason::Retired,
    };
    assert!(app
        .store
        .end_assignment(
            "t1",
            OFFICER_NIP,
            &departure,
            "bkpsdm",
            OffsetDateTime::now_utc()
        )
        .await
        .unwrap());
    let form = app.get_as(&hr, &path).await.text().await.unwrap();
    assert!(
        form.contains("sudah diakhiri") && !form.contains("<form class=\"stack\""),
        "{form}"
    );
    let (status, _) = save(&app, &hr, Table::Officers, "pegawai", OFFICER_NIP, &[]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        app.store.assignments("t1", OFFICER_NIP).await.unwrap()[0].until,
        Some(departure.last_day)
    );

    // Nothing else to change, and no such row: 404.
    for path in [
        "/admin/ubah/desa/35.03.01.2001",
        "/admin/ubah/pegawai/199901012020011001",
    ] {
        assert_eq!(
            app.get_as(&hr, path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
