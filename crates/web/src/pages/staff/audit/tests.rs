use super::super::audit_fields::{field_label, humanize};
use super::*;

#[test]
fn only_changed_fields_are_listed() {
    let names = Names {
        units: HashMap::from([("dinkes".to_string(), "Dinas Kesehatan".to_string())]),
        ..Names::default()
    };
    let words = Words {
        lang: Lang::ID,
        names: &names,
    };
    let changes = differences(
        &words,
        Some(r#"{"stage":"rkpd","title":"Jalan","on":"2026-01-20"}"#),
        Some(r#"{"stage":"budgeted","title":"Jalan","amount":5000000,"on":"2026-02-10"}"#),
    );
    assert_eq!(
        changes[0],
        ("amount".into(), "–".into(), "5.000.000".into())
    );
    assert_eq!(
        changes[1],
        (
            "on".into(),
            "20 Januari 2026".into(),
            "10 Februari 2026".into()
        )
    );
    assert_eq!(changes[2].0, "stage");
    assert_ne!(changes[2].2, "budgeted", "a stage in words");
    assert_eq!(changes.len(), 3, "the title did not change");
    assert_eq!(
        differences(&words, None, Some("\"x\"")),
        vec![(String::new(), "–".into(), "x".into())]
    );
    // Codes, units, months, lists and old entries' enum names in words.
    let changes = differences(
        &words,
        None,
        Some(
            r#"{"kind":"Community","unit_id":"dinkes","month":"2026-11","groups":["children","elderly"],"sdgs":[{"goal":3,"target":"8"}],"boundary":[[{"lat":1,"lon":2}]]}"#,
        ),
    );
    let after: Vec<&str> = changes.iter().map(|(_, _, a)| a.as_str()).collect();
    assert_eq!(
        after,
        [
            "(peta batas wilayah tercatat)",
            "Anak, Lansia",
            "LSM atau komunitas",
            "November 2026",
            "SDG 3.8",
            "Dinas Kesehatan"
        ]
    );
    assert_eq!(
        words.subject("tpp_run", "2026-10 v1"),
        Subject::Name("Oktober 2026 · versi 1".into())
    );
    assert_eq!(
        words.subject("tpp_base_amounts", "all"),
        Subject::Name(String::new())
    );
}

#[test]
fn codes_read_as_words() {
    assert_eq!(entity_label(Lang::ID, "musrena_proposal"), "Usulan Musrena");
    assert_eq!(action_label(Lang::ID, "budget"), "dianggarkan");
    assert_eq!(action_label(Lang::EN, "something_new"), "something new");
    // After the record's name every action reads in lower case; an acronym stays.
    assert_eq!(action_label(Lang::ID, "confirm"), "dikonfirmasi");
    assert_eq!(action_label(Lang::ID, "return"), "dikembalikan");
    assert_eq!(
        action_label(Lang::ID, "set_second_factor"),
        "kode masuk dipasang"
    );
    assert_eq!(action_label(Lang::ID, "set_email"), "alamat e-mail diubah");
    assert_eq!(action_label(Lang::ID, "attach_rab"), "RAB dilampirkan");
}

#[test]
fn a_recommendation_and_an_attached_file_read_in_words() {
    let names = Names::default();
    let words = Words {
        lang: Lang::ID,
        names: &names,
    };
    let changes = differences(
        &words,
        None,
        Some(
            r#"{"by":"district","volume":"1","amount":45000000,"text":"Didukung","type":"application/pdf"}"#,
        ),
    );
    let fields: Vec<&str> = changes.iter().map(|(f, _, _)| f.as_str()).collect();
    assert_eq!(fields, ["amount", "by", "text", "type", "volume"]);
    for (field, _, value) in &changes {
        let label = field_label(Lang::ID, field);
        assert_ne!(label, humanize(field), "{field} has a label");
        assert!(
            !value.contains("district") && !value.contains("application"),
            "{value}"
        );
    }
    assert_eq!(
        words.value("by", &serde_json::json!("tapd")),
        words.value("by", &serde_json::json!("Tapd"))
    );
}

/// The demo regency's names, as the page loads them.
fn demo_names() -> Names {
    fn table(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(code, name)| (code.to_string(), name.to_string()))
            .collect()
    }
    Names {
        units: table(&[
            ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah"),
            ("inspektorat", "Inspektorat Daerah"),
            ("kecamatan-trenggalek", "Kecamatan Trenggalek"),
        ]),
        services: table(&[("durenan-kia", "Kesehatan ibu dan anak (KIA)")]),
        points: table(&[("puskesmas-durenan-loket-1", "Loket 1 Puskesmas Durenan")]),
        villages: table(&[("35.03.12.2004", "Ngadirenggo")]),
        issues: table(&[("is-06", "Kemiskinan ekstrem")]),
        kiosks: table(&[("65a91109b9b0", "Kios loket 1")]),
        officers: table(&[("197603182001081008", "Sri Wahyuni")]),
    }
}

#[test]
fn usernames_read_as_usernames_not_as_units_or_roles() {
    let names = demo_names();
    let words = Words {
        lang: Lang::ID,
        names: &names,
    };
    for username in ["bpkad", "inspektorat", "admin"] {
        assert_eq!(
            words.subject("account", username),
            Subject::Name(username.into())
        );
    }
    let changes = differences(
        &words,
        None,
        Some(r#"{"username":"admin","role":"admin","unit_id":null,"nip":null}"#),
    );
    assert_eq!(
        changes,
        vec![
            ("role".into(), "–".into(), "Administrator".into()),
            ("username".into(), "–".into(), "admin".into()),
        ]
    );
    let changes = differences(
        &words,
        None,
        Some(r#"{"username":"bpkad","unit_id":"bpkad"}"#),
    );
    let after: Vec<&str> = changes.iter().map(|(_, _, a)| a.as_str()).collect();
    assert_eq!(
        after,
        ["Badan Pengelolaan Keuangan dan Aset Daerah", "bpkad"]
    );
}

#[test]
fn the_regency_codes_read_as_names() {
    let names = demo_names();
    let words = Words {
        lang: Lang::ID,
        names: &names,
    };
    let changes = differences(
        &words,
        None,
        Some(
            r#"{"service":"durenan-kia","point_id":"puskesmas-durenan-loket-1","village":"35.03.12.2004","kind":"inspektorat","level":"desa","period":"2026","policy_version":"default","proposals":[]}"#,
        ),
    );
    let after: Vec<(&str, &str)> = changes
        .iter()
        .map(|(f, _, a)| (f.as_str(), a.as_str()))
        .collect();
    assert_eq!(
        after,
        [
            ("kind", "Inspektorat"),
            ("level", "Desa"),
            ("period", "Tahun 2026"),
            ("point_id", "Loket 1 Puskesmas Durenan"),
            ("policy_version", "bawaan"),
            ("service", "Kesehatan ibu dan anak (KIA)"),
            ("village", "Ngadirenggo"),
        ],
        "an empty list is not listed"
    );
    let name = |entity: &str, id: &str| words.subject(entity, id);
    assert_eq!(
        name("service", "durenan-kia"),
        Subject::Name("Kesehatan ibu dan anak (KIA)".into())
    );
    assert_eq!(
        name("musrena_issue", "is-06"),
        Subject::Name("Kemiskinan ekstrem".into())
    );
    assert_eq!(
        name("village", "35.03.12.2004"),
        Subject::Name("Ngadirenggo".into())
    );
    assert_eq!(
        name("kiosk", "65a91109b9b0"),
        Subject::Name("Kios loket 1".into())
    );
    assert_eq!(
        name("kiosk", "0123456789ab"),
        Subject::Code("0123456789ab".into())
    );
    assert_eq!(
        name("ticket", "e20150f9bd8d"),
        Subject::Code("e20150f9bd8d".into())
    );
    assert_eq!(
        name("tpp_policy", "default"),
        Subject::Name("bawaan".into())
    );
    assert_eq!(
        name("entry_codes", "trenggalek"),
        Subject::Name(String::new())
    );
    assert_eq!(
        name("follow_up_plan", "kecamatan-trenggalek-2026-c3ec3d5b"),
        Subject::Name("Kecamatan Trenggalek · Tahun 2026".into())
    );
    assert_eq!(
        name("follow_up_plan", "dinas-lain-2026-c3ec3d5b"),
        Subject::Code("dinas-lain-2026-c3ec3d5b".into())
    );
}

#[test]
fn reviews_and_base_amounts_read_with_labels() {
    let names = demo_names();
    let words = Words {
        lang: Lang::ID,
        names: &names,
    };
    let changes = differences(
        &words,
        None,
        Some(
            r#"{"unit":"inspektorat","reviews":[{"ids":[11303,11305],"responses":2,"shown":"Mohon antrean dipercepat"}]}"#,
        ),
    );
    assert_eq!(
        changes[0],
        (
            "reviews".into(),
            "–".into(),
            "Nomor tanggapan: 11303, 11305; Jumlah tanggapan: 2; Teks yang ditampilkan: Mohon antrean dipercepat".into()
        )
    );
    assert_eq!(field_label(Lang::ID, "reviews"), "Hasil peninjauan");
    // Base TPP by position class, the classes in their order.
    let changes = differences(
        &words,
        Some(r#"{"5":2350000,"10":3000000}"#),
        Some(r#"{"5":2400000,"10":3000000,"12":4100000}"#),
    );
    assert_eq!(
        changes,
        vec![
            ("5".into(), "2.350.000".into(), "2.400.000".into()),
            ("12".into(), "–".into(), "4.100.000".into()),
        ]
    );
    assert_eq!(
        change_label(Lang::ID, "tpp_base_amounts", "5"),
        "Kelas jabatan 5"
    );
    assert_eq!(
        change_label(Lang::ID, "tpp_run", "total"),
        field_label(Lang::ID, "total")
    );
}

#[test]
fn an_officer_acting_under_their_nip_is_named() {
    let at = time::macros::datetime!(2026-11-25 12:00 UTC);
    let entry = |actor: &str, action: &str, entity: &str, id: &str| AuditEntry {
        audit_id: 1,
        at,
        actor: actor.into(),
        action: action.into(),
        entity: entity.into(),
        entity_id: id.into(),
        before: None,
        after: None,
    };
    let view = AuditView {
        entries: vec![
            entry("197603182001081008", "file", "tpp_appeal", "42"),
            entry("admin", "set_second_factor", "account", "bpkad"),
        ],
        names: demo_names(),
        offset: time::UtcOffset::UTC,
        before: None,
        search: String::new(),
    };
    let look = Look {
        lang: Lang::ID,
        csrf: "",
    };
    let html = render(look, &view).1.into_string();
    assert!(
        html.contains("Sri Wahyuni<br><small>NIP 197603182001081008</small>"),
        "{html}"
    );
    assert!(
        html.contains("Akun pengguna</strong> · kode masuk dipasang"),
        "{html}"
    );
    assert!(html.contains("<small>bpkad</small>"), "{html}");
    assert!(
        !html.contains("Badan Pengelolaan"),
        "a username is not a unit: {html}"
    );
}

/// An account named like an officer's NIP is shown as that account, never as the officer.
#[test]
fn only_an_officers_own_nip_names_them() {
    use suara_domain::access::Role;
    const NIP: &str = "197603182001081008";
    let account = |username: &str, role: Role, nip: Option<&str>| suara_store::Account {
        username: username.into(),
        role,
        unit_id: None,
        nip: nip.map(str::to_string),
        password_hash: String::new(),
        disabled: false,
        must_change_password: false,
        email: None,
        has_second_factor: false,
    };
    let officer = account("hadi", Role::Officer, Some(NIP));
    assert!(officer_actor(std::slice::from_ref(&officer), NIP));
    // An administrator's account named after the officer's NIP: not the officer.
    let impostor = account(NIP, Role::Administrator, None);
    assert!(!officer_actor(&[officer.clone(), impostor.clone()], NIP));
    assert!(!officer_actor(&[impostor], NIP));
    // A NIP that no officer's account holds.
    assert!(!officer_actor(&[officer], "198001012005011001"));
}
