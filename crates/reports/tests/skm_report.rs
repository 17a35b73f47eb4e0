//! The SKM report PDF: a real multi-page PDF with the key figures, every element, the
//! suggestions and the follow-up plan, and a clear statement when there are no responses.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::skm::precision::Precision;
use suara_domain::skm::spread::Spread;
use suara_domain::skm::{Tally, Weighting};
use suara_reports::layout::Letterhead;
use suara_reports::payable::Signatory;
use suara_reports::skm::{
    skm_docx, skm_pdf, FollowUp, ProfileGroup, ServiceScore, Signature, SkmReport,
};

fn report(tally: Option<Tally>) -> SkmReport {
    let responses = tally.as_ref().map_or(0, Tally::responses);
    // Every response scored 77,50 (mean answer 3,1): no spread.
    let q = 31 * suara_domain::skm::spread::Q_SCALE / 10;
    let spread = Spread {
        q_sum: q * responses,
        q_sq: q * q * responses,
    };
    let services = vec![
        ServiceScore {
            name: "KTP-el".into(),
            score: Tally::from_totals(40, [130; 9], [40; 9])
                .unwrap()
                .score(Weighting::Exact),
        },
        ServiceScore {
            name: "Akta kelahiran".into(),
            score: Tally::from_totals(5, [15; 9], [5; 9])
                .unwrap()
                .score(Weighting::Exact),
        },
        ServiceScore {
            name: "Pindah datang".into(),
            score: None,
        },
    ];
    SkmReport {
        regency: "Kabupaten Uji".into(),
        letterhead: Letterhead {
            government: "PEMERINTAH KABUPATEN UJI".into(),
            office: "DINAS UJI".into(),
            address: "Jalan Pahlawan 1".into(),
            logo: None,
        },
        unit: "Dinas Uji".into(),
        period: "Tahun 2026".into(),
        dates: "1 Januari 2026 – 31 Desember 2026".into(),
        services,
        signature: Signature {
            place: "Uji".into(),
            date: "7 Desember 2026".into(),
            office: "Kepala Dinas Uji".into(),
            head: Some(Signatory {
                name: "Sri Wahyuni".into(),
                nip: "198001012005011001".into(),
            }),
        },
        score: tally.and_then(|t| t.score(Weighting::Exact)),
        precision: Precision::of(responses, spread, responses * 7 / 10, Some(100)),
        profile: vec![ProfileGroup {
            title: "Jenis kelamin".into(),
            rows: vec![("Perempuan".into(), 60), ("Laki-laki".into(), 35)],
            unanswered: 5,
        }],
        suggestions: vec![
            ("Antrean terlalu lama".into(), 7),
            ("Ruang tunggu panas".into(), 2),
        ],
        suggestions_total: 12,
        suggestions_unreviewed: 0,
        follow_up: vec![FollowUp {
            element: "U3 Waktu penyelesaian".into(),
            action: "Menambah loket pada jam sibuk".into(),
            owner: "Kepala Bidang Pelayanan".into(),
            deadline: "31 Maret 2027".into(),
            status: "Berjalan".into(),
        }],
        generated_on: "23 November 2026".into(),
        chain_head: Some("ab12 (100 tanggapan)".into()),
    }
}

#[test]
fn a_report_with_responses_reads_like_a_published_one() {
    // 100 responses, every element at 3.1 on average: IKM 77.50, grade B.
    let tally = Tally::from_totals(100, [310; 9], [100; 9]).unwrap();
    let bytes = skm_pdf(&report(Some(tally)));
    assert!(bytes.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&bytes);
    for expected in [
        "LAPORAN HASIL",
        "Indeks Kepuasan Masyarakat (IKM)",
        "77,50",
        "B (Baik)",
        "Batas galat (95 %)",
        "Dari kios dan tiket",
        "70 %",
        "Persyaratan",
        "Sarana dan prasarana",
        "Menambah loket pada jam sibuk",
        "(31 Maret 2027)",
        "Berjalan",
    ] {
        assert!(text.contains(expected), "{expected}");
    }
    assert!(text.contains("/Type /Page"));
}

#[test]
fn a_report_without_responses_says_so() {
    let bytes = skm_pdf(&report(None));
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("belum ada tanggapan"));
    assert!(text.contains("Belum ada tanggapan pada periode ini."));
}

#[test]
fn a_report_below_its_sample_is_provisional_and_not_graded() {
    let tally = Tally::from_totals(20, [62; 9], [20; 9]).unwrap();
    let mut r = report(Some(tally));
    r.precision = Precision::of(20, Spread::default(), 0, Some(100));
    let text = String::from_utf8_lossy(&skm_pdf(&r)).into_owned();
    assert!(text.contains("80 (belum terpenuhi)"), "sample");
    assert!(text.contains("Sementara: belum dinilai"), "grade");
    assert!(!text.contains("termasuk kategori"));
}

#[test]
fn counts_are_printed_with_thousands_separated() {
    // 3.976 responses, every element at 3 on average.
    let tally = Tally::from_totals(3_976, [3 * 3_976; 9], [3_976; 9]).unwrap();
    let mut r = report(Some(tally));
    r.profile[0].rows = vec![("Perempuan".into(), 2_100), ("Laki-laki".into(), 1_376)];
    r.profile[0].unanswered = 500;
    r.suggestions[0].1 = 1_250;
    r.suggestions_total = 12_664;
    r.suggestions_unreviewed = 1_500;
    let text = String::from_utf8_lossy(&skm_pdf(&r)).into_owned();
    // Cells and key figures are strings of their own: "(3.976) Tj".
    for expected in [
        "(3.976)",
        "(2.100)",
        "(1.376)",
        "(500)",
        "diterima (12.664)",
        "1.500 saran belum ditinjau",
    ] {
        assert!(text.contains(expected), "{expected}");
    }
    // "×" is WinAnsi's, so the line is one string, written in hexadecimal (Latin-1).
    let times: String = "Antrean terlalu lama (1.250×)"
        .chars()
        .map(|c| format!("{:02X}", u32::from(c)))
        .collect();
    assert!(text.contains(&times), "the count of one suggestion");
    for plain in ["(3976)", "(2100)", "1250", "(12664)", "(1500 saran"] {
        assert!(!text.contains(plain), "{plain}");
    }
}

#[test]
fn the_report_is_signed_per_service_and_comes_editable_too() {
    let tally = Tally::from_totals(100, [310; 9], [100; 9]).unwrap();
    let r = report(Some(tally));
    let pdf = String::from_utf8_lossy(&skm_pdf(&r)).into_owned();
    for part in [
        "(PEMERINTAH KABUPATEN UJI)",
        "(Jalan Pahlawan 1)",
        "(Hasil per jenis layanan)",
        "(KTP-el)",
        // 40 responses at 3,25: graded; 5 at 3: provisional; none: a dash.
        "(81,25)",
        "(B (Baik))",
        "(75,00*)",
        "(sementara*)",
        "(Pindah datang)",
        "(Uji, 7 Desember 2026)",
        "(Kepala Dinas Uji)",
        "(Sri Wahyuni)",
        "(NIP 198001012005011001)",
    ] {
        assert!(pdf.contains(part), "{part}");
    }
    // While the unit's own sample is short (10 of 80), no service is graded.
    let few = report(Some(Tally::from_totals(10, [31; 9], [10; 9]).unwrap()));
    let pdf = String::from_utf8_lossy(&skm_pdf(&few)).into_owned();
    assert!(pdf.contains("(81,25*)") && pdf.contains("(* Sampel minimal unit belum terpenuhi"));
    assert!(!pdf.contains("(B (Baik))"));
    // Without a head named, a line to write the name in by hand.
    let mut unsigned = report(None);
    unsigned.signature.head = None;
    let pdf = String::from_utf8_lossy(&skm_pdf(&unsigned)).into_owned();
    assert!(pdf.contains("(NIP ................................)"));

    let docx = skm_docx(&r).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    for part in [
        "PEMERINTAH KABUPATEN UJI",
        "LAPORAN HASIL",
        "III. Hasil per Unsur Pelayanan",
        "KTP-el",
        "81,25",
        "Antrean terlalu lama",
        "Menambah loket pada jam sibuk",
        "Uji, 7 Desember 2026",
        "Sri Wahyuni",
    ] {
        assert!(xml.contains(part), "{part}");
    }
}
