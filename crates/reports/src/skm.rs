//! The SKM report of a unit and period as regional governments publish it (PermenPANRB
//! 14/2017): the unit's letterhead, introduction and method with the survey's dates, key
//! figures, respondent profile, NRR per element with a chart, the IKM of each service, the
//! weakest elements, the suggestions received, the follow-up plan, and a closing with the
//! day's hash-chain head and the unit head's signature block. Written once over
//! [`Layout`], drawn as a PDF to print and as a Word document to edit. Indonesian, decimals
//! with a comma as printed reports do.

use suara_domain::decimal::Decimal;
use suara_domain::skm::precision::Precision;
use suara_domain::skm::{Element, Grade, SkmScore};
use suara_domain::tpp::rupiah;

use crate::docx::Editable;
use crate::layout::{Bar, Column, Layout, Letterhead, Weight};
use crate::payable::Signatory;
use crate::pdf::Document;
use crate::ReportError;

/// Respondents by one characteristic (sex, age, education, occupation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileGroup {
    pub title: String,
    pub rows: Vec<(String, u64)>,
    /// Respondents who left it empty.
    pub unanswered: u64,
}

/// One line of the follow-up plan (rencana tindak lanjut).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    pub element: String,
    pub action: String,
    pub owner: String,
    /// As the reader writes a day: "31 Maret 2027".
    pub deadline: String,
    pub status: String,
}

/// Who signs the report, where and when: "Trenggalek, 7 Desember 2026", the office, then
/// the unit head's name and NIP (a dotted line to write them in when the unit names no
/// head).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub place: String,
    pub date: String,
    /// "Kepala Dinas Kependudukan dan Pencatatan Sipil".
    pub office: String,
    pub head: Option<Signatory>,
}

/// One service of the unit and its score over the period (`None` without responses).
#[derive(Clone, Debug)]
pub struct ServiceScore {
    pub name: String,
    pub score: Option<SkmScore>,
}

/// A service's IKM is given a grade from this many responses on, once the unit's own sample
/// is met; otherwise it is shown as provisional (30 is the minimum the unit's sample never
/// goes under).
pub const SERVICE_MINIMUM: u64 = 30;

#[derive(Clone, Debug)]
pub struct SkmReport {
    pub regency: String,
    pub letterhead: Letterhead,
    pub unit: String,
    pub period: String,
    /// When the survey ran: "1 Oktober 2026 – 31 Desember 2026".
    pub dates: String,
    pub score: Option<SkmScore>,
    /// How sure the IKM is: margin, share from kiosks and tickets, the sample it needs.
    pub precision: Precision,
    pub profile: Vec<ProfileGroup>,
    /// Suggestions received, the same text counted once with how often it came.
    pub suggestions: Vec<(String, u64)>,
    /// All suggestions received (those not listed included).
    pub suggestions_total: u64,
    /// Received but not yet reviewed by the unit, so not listed (they may name someone).
    pub suggestions_unreviewed: u64,
    pub follow_up: Vec<FollowUp>,
    pub services: Vec<ServiceScore>,
    pub generated_on: String,
    pub chain_head: Option<String>,
    pub signature: Signature,
}

/// "86.45" → "86,45".
fn comma(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

/// A count as printed reports write it, thousands separated: 12664 → "12.664".
fn count(n: u64) -> String {
    rupiah(n)
}

/// `part` of `whole` as a percentage with one decimal, half up (all values are positive).
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "–".into();
    }
    let tenths = (part * 1000 + whole / 2) / whole;
    format!("{},{}%", tenths / 10, tenths % 10)
}

fn grade_text(grade: Grade) -> String {
    format!("{} ({})", grade.letter(), grade.label_id())
}

fn footer(r: &SkmReport) -> String {
    format!("SKM {} · {} · {}", r.unit, r.period, r.regency)
}

/// The report to print.
pub fn skm_pdf(r: &SkmReport) -> Vec<u8> {
    let mut doc = Document::new(&format!("Laporan SKM {} {}", r.unit, r.period), &footer(r));
    write(&mut doc, r);
    doc.finish()
}

/// The same report as a Word document, for the unit to finish before signing.
pub fn skm_docx(r: &SkmReport) -> Result<Vec<u8>, ReportError> {
    let mut doc = Editable::new(&footer(r));
    write(&mut doc, r);
    doc.finish()
}

fn write(doc: &mut impl Layout, r: &SkmReport) {
    cover(doc, r);
    key_figures(doc, r);
    introduction(doc, r);
    profile(doc, r);
    results(doc, r);
    services(doc, r);
    analysis(doc, r);
    follow_up(doc, r);
    closing(doc, r);
    signature(doc, &r.signature);
}

/// Title: the letterhead, the report, the unit and the period.
fn cover(doc: &mut impl Layout, r: &SkmReport) {
    doc.letterhead(&r.letterhead);
    doc.gap(16.0);
    doc.centred("LAPORAN HASIL", Weight::Bold, 18.0);
    doc.centred("SURVEI KEPUASAN MASYARAKAT (SKM)", Weight::Bold, 18.0);
    doc.gap(10.0);
    doc.centred(&r.unit, Weight::Bold, 14.0);
    doc.centred(&format!("Periode {}", r.period), Weight::Regular, 12.0);
    doc.gap(30.0);
}

/// The figures a reader looks for first, and how sure the IKM is.
fn key_figures(doc: &mut impl Layout, r: &SkmReport) {
    let responses = r.score.as_ref().map_or(0, |s| s.responses);
    let sure = &r.precision;
    let met = if sure.provisional() {
        "belum terpenuhi"
    } else {
        "terpenuhi"
    };
    let mut figures: Vec<(&str, String)> = vec![
        ("Jumlah responden", count(responses)),
        ("Sampel minimal", format!("{} ({met})", count(sure.needed))),
    ];
    match &r.score {
        Some(score) => {
            figures.push((
                "Indeks Kepuasan Masyarakat (IKM)",
                comma(score.ikm_rounded()),
            ));
            if let Some(margin) = sure.margin {
                figures.push(("Batas galat (95 %)", format!("± {}", comma(margin))));
            }
            if let Some(onsite) = sure.onsite_percent {
                figures.push(("Dari kios dan tiket", format!("{onsite} %")));
            }
            let grade = if sure.provisional() {
                "Sementara: belum dinilai sampai sampel terpenuhi".into()
            } else {
                grade_text(score.grade())
            };
            figures.push(("Mutu pelayanan", grade));
            figures.push((
                "Nilai interval (rata-rata tertimbang)",
                comma(Decimal::round_half_away(&score.unit_value, 3)),
            ));
        }
        None => figures.push(("IKM", "belum ada tanggapan".into())),
    }
    doc.key_figures(&figures);
}

/// I: why the survey is held, and the method.
fn introduction(doc: &mut impl Layout, r: &SkmReport) {
    doc.heading("I. Pendahuluan");
    doc.paragraph(
        &format!(
            "Survei Kepuasan Masyarakat (SKM) dilaksanakan oleh {} sebagai amanat Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik dan Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik. Hasilnya menjadi bahan evaluasi dan perbaikan pelayanan serta diumumkan kepada masyarakat.",
            r.unit
        ),
        Weight::Regular,
        10.0,
    );
    doc.gap(4.0);
    doc.paragraph(
        &format!(
            "Waktu pelaksanaan survei: {} (periode {}). Responden adalah pengguna layanan {} yang mengisi kuesioner di kios, melalui tiket antrean, atau lewat ponselnya.",
            r.dates, r.period, r.unit
        ),
        Weight::Regular,
        10.0,
    );
    doc.gap(4.0);
    doc.paragraph(
        "Metode: setiap responden menilai sembilan unsur pelayanan (U1–U9) dengan skala 1–4. Nilai rata-rata (NRR) tiap unsur = jumlah nilai / jumlah jawaban; nilai interval = jumlah NRR × 1/9; IKM = nilai interval × 25 (rentang 25–100). Perhitungan eksak, IKM dibulatkan ke dua desimal. Batas galat 95 % = 1,96 × simpangan baku nilai tiap responden / akar jumlah responden, dibulatkan ke atas. Sampel minimal menurut Krejcie–Morgan untuk jumlah pengguna layanan, sekurang-kurangnya 30; sebelum sampel itu terpenuhi IKM bersifat sementara dan belum diberi kategori mutu. Responden bersifat anonim: nama dan nomor telepon tidak dikumpulkan (UU 27/2022).",
        Weight::Regular,
        10.0,
    );
}

/// II: respondents by sex, age, education and occupation.
fn profile(doc: &mut impl Layout, r: &SkmReport) {
    let responses = r.score.as_ref().map_or(0, |s| s.responses);
    doc.heading("II. Profil Responden");
    if r.profile.iter().all(|g| g.rows.is_empty()) {
        doc.paragraph("Belum ada data profil responden.", Weight::Regular, 10.0);
    } else {
        let columns = [
            Column {
                heading: "Karakteristik",
                share: 0.28,
                right: false,
            },
            Column {
                heading: "Kategori",
                share: 0.40,
                right: false,
            },
            Column {
                heading: "Jumlah",
                share: 0.14,
                right: true,
            },
            Column {
                heading: "Persentase",
                share: 0.18,
                right: true,
            },
        ];
        let mut rows = Vec::new();
        for group in &r.profile {
            for (i, (label, n)) in group.rows.iter().enumerate() {
                let title = if i == 0 {
                    group.title.clone()
                } else {
                    String::new()
                };
                rows.push(vec![
                    title,
                    label.clone(),
                    count(*n),
                    percent(*n, responses),
                ]);
            }
            if group.unanswered > 0 {
                rows.push(vec![
                    String::new(),
                    "Tidak mengisi".into(),
                    count(group.unanswered),
                    percent(group.unanswered, responses),
                ]);
            }
        }
        doc.table(&columns, &rows, false);
    }
}

/// III: NRR per element with its chart, the IKM and its grade.
fn results(doc: &mut impl Layout, r: &SkmReport) {
    let sure = &r.precision;
    doc.heading("III. Hasil per Unsur Pelayanan");
    match &r.score {
        None => doc.paragraph(
            "Belum ada tanggapan pada periode ini.",
            Weight::Regular,
            10.0,
        ),
        Some(score) => {
            element_table(doc, score);
            element_chart(doc, score);
            let verdict = if sure.provisional() {
                format!(
                    "Dengan IKM {} dari {} tanggapan, sampel minimal {} belum terpenuhi: mutu pelayanan {} belum diberi kategori.",
                    comma(score.ikm_rounded()),
                    count(score.responses),
                    count(sure.needed),
                    r.unit,
                )
            } else {
                format!(
                    "Dengan IKM {}, mutu pelayanan {} termasuk kategori {}.",
                    comma(score.ikm_rounded()),
                    r.unit,
                    grade_text(score.grade())
                )
            };
            doc.paragraph(
                &format!(
                    "{verdict} Interval: A (Sangat Baik) 88,31–100; B (Baik) 76,61–88,30; C (Kurang Baik) 65,00–76,60; D (Tidak Baik) 25,00–64,99."
                ),
                Weight::Regular,
                10.0,
            );
        }
    }
}

/// The table of answers, NRR and weighted NRR per element, closed by the IKM.
fn element_table(doc: &mut impl Layout, score: &SkmScore) {
    let columns = [
        Column {
            heading: "Unsur",
            share: 0.08,
            right: false,
        },
        Column {
            heading: "Unsur pelayanan",
            share: 0.46,
            right: false,
        },
        Column {
            heading: "Jawaban",
            share: 0.14,
            right: true,
        },
        Column {
            heading: "NRR",
            share: 0.14,
            right: true,
        },
        Column {
            heading: "NRR tertimbang",
            share: 0.18,
            right: true,
        },
    ];
    let mut rows: Vec<Vec<String>> = Element::ALL
        .iter()
        .map(|e| match &score.elements[e.index()] {
            Some(s) => vec![
                e.code().to_uppercase(),
                e.name_id().to_string(),
                count(s.answers),
                comma(Decimal::round_half_away(&s.nrr, 3)),
                comma(Decimal::round_half_away(&s.weighted, 3)),
            ],
            None => vec![
                e.code().to_uppercase(),
                e.name_id().to_string(),
                "0".into(),
                "–".into(),
                "–".into(),
            ],
        })
        .collect();
    rows.push(vec![
        String::new(),
        "Nilai interval (jumlah NRR tertimbang) · IKM (× 25)".into(),
        count(score.responses),
        comma(Decimal::round_half_away(&score.unit_value, 3)),
        comma(score.ikm_rounded()),
    ]);
    doc.table(&columns, &rows, true);
}

/// The chart of NRR per element, with the three weakest highlighted.
fn element_chart(doc: &mut impl Layout, score: &SkmScore) {
    let weakest: Vec<Element> = score
        .weakest_elements()
        .into_iter()
        .take(3)
        .map(|(e, _)| e)
        .collect();
    doc.paragraph(
        "Nilai rata-rata (NRR) per unsur, skala 1–4; oranye: tiga unsur terlemah.",
        Weight::Bold,
        9.5,
    );
    doc.gap(4.0);
    let labels: Vec<String> = Element::ALL
        .iter()
        .map(|e| format!("{} {}", e.code().to_uppercase(), e.name_id()))
        .collect();
    let bars: Vec<Bar> = Element::ALL
        .iter()
        .zip(&labels)
        .map(|(e, label)| Bar {
            label,
            value: score.elements[e.index()].as_ref().map_or(0.0, |s| {
                suara_domain::decimal::rational_to_f64(&s.nrr) as f32
            }),
            highlight: weakest.contains(e),
        })
        .collect();
    doc.bars(&bars, 1.0, 4.0, 2);
}

/// IV: the weakest elements and the suggestions received.
fn analysis(doc: &mut impl Layout, r: &SkmReport) {
    doc.heading("IV. Analisis: Unsur Terlemah dan Saran Masyarakat");
    if let Some(score) = &r.score {
        doc.paragraph(
            "Tiga unsur dengan nilai terendah, yang menjadi prioritas perbaikan:",
            Weight::Regular,
            10.0,
        );
        for (i, (element, s)) in score.weakest_elements().into_iter().take(3).enumerate() {
            doc.indented(
                14.0,
                &format!(
                    "{}. {} {} — NRR {}",
                    i + 1,
                    element.code().to_uppercase(),
                    element.name_id(),
                    comma(Decimal::round_half_away(&s.nrr, 3))
                ),
                Weight::Regular,
                10.0,
            );
        }
        doc.gap(6.0);
    }
    if r.suggestions_total == 0 {
        doc.paragraph(
            "Tidak ada saran tertulis pada periode ini.",
            Weight::Regular,
            10.0,
        );
    } else {
        doc.paragraph(
            &format!(
                "Saran dan masukan yang diterima ({}), yang sama dihitung sekali dengan jumlahnya:",
                count(r.suggestions_total)
            ),
            Weight::Regular,
            10.0,
        );
        for (i, (text, n)) in r.suggestions.iter().enumerate() {
            let times = if *n > 1 {
                format!(" ({}×)", count(*n))
            } else {
                String::new()
            };
            doc.indented(
                14.0,
                &format!("{}. {text}{times}", i + 1),
                Weight::Regular,
                9.5,
            );
        }
        let listed: u64 = r.suggestions.iter().map(|(_, n)| n).sum();
        let others = r
            .suggestions_total
            .saturating_sub(listed)
            .saturating_sub(r.suggestions_unreviewed);
        if others > 0 {
            doc.indented(
                14.0,
                &format!(
                    "… dan {} saran lainnya (lihat ekspor tanggapan).",
                    count(others)
                ),
                Weight::Regular,
                9.5,
            );
        }
        if r.suggestions_unreviewed > 0 {
            doc.indented(
                14.0,
                &format!(
                    "{} saran belum ditinjau unit, sehingga belum dicantumkan: saran dibaca \
                     dahulu agar tidak ada nama atau alamat warga yang terbit.",
                    count(r.suggestions_unreviewed)
                ),
                Weight::Regular,
                9.5,
            );
        }
    }
}

/// V: the follow-up plan.
fn follow_up(doc: &mut impl Layout, r: &SkmReport) {
    doc.heading("V. Rencana Tindak Lanjut");
    if r.follow_up.is_empty() {
        doc.paragraph(
            "Belum ada rencana tindak lanjut yang dicatat untuk periode ini.",
            Weight::Regular,
            10.0,
        );
    } else {
        let columns = [
            Column {
                heading: "Unsur",
                share: 0.2,
                right: false,
            },
            Column {
                heading: "Rencana tindak lanjut",
                share: 0.35,
                right: false,
            },
            Column {
                heading: "Penanggung jawab",
                share: 0.16,
                right: false,
            },
            // Wide enough for "31 Maret 2027" on a line, "30 November" above its year.
            Column {
                heading: "Tenggat",
                share: 0.15,
                right: false,
            },
            Column {
                heading: "Status",
                share: 0.14,
                right: false,
            },
        ];
        let rows: Vec<Vec<String>> = r
            .follow_up
            .iter()
            .map(|f| {
                vec![
                    f.element.clone(),
                    f.action.clone(),
                    f.owner.clone(),
                    f.deadline.clone(),
                    f.status.clone(),
                ]
            })
            .collect();
        doc.table(&columns, &rows, false);
    }
}

/// VI: closing, with the chain head for checking the data.
fn closing(doc: &mut impl Layout, r: &SkmReport) {
    doc.heading("VI. Penutup");
    doc.paragraph(
        &format!(
            "Laporan ini disusun otomatis dari tanggapan yang tercatat dan diumumkan kepada masyarakat. Disusun pada {}.",
            r.generated_on
        ),
        Weight::Regular,
        10.0,
    );
    if let Some(head) = &r.chain_head {
        doc.gap(4.0);
        doc.paragraph(
            &format!("Kepala rantai hash tanggapan saat laporan dibuat (untuk verifikasi keutuhan data): {head}"),
            Weight::Regular,
            8.5,
        );
    }
}

/// III (continued): the IKM of each of the unit's services, so a service that pulls the
/// unit down is seen.
fn services(doc: &mut impl Layout, r: &SkmReport) {
    if r.services.is_empty() {
        return;
    }
    doc.gap(6.0);
    doc.paragraph("Hasil per jenis layanan", Weight::Bold, 10.5);
    let columns = [
        Column {
            heading: "Jenis layanan",
            share: 0.46,
            right: false,
        },
        Column {
            heading: "Responden",
            share: 0.16,
            right: true,
        },
        Column {
            heading: "IKM",
            share: 0.14,
            right: true,
        },
        Column {
            heading: "Mutu pelayanan",
            share: 0.24,
            right: false,
        },
    ];
    // While the unit's own sample is short, no service is graded either.
    let unit_provisional = r.precision.provisional();
    let rows: Vec<Vec<String>> = r
        .services
        .iter()
        .map(|s| match &s.score {
            None => vec![s.name.clone(), "0".into(), "–".into(), "–".into()],
            Some(score) if unit_provisional || score.responses < SERVICE_MINIMUM => vec![
                s.name.clone(),
                count(score.responses),
                format!("{}*", comma(score.ikm_rounded())),
                "sementara*".into(),
            ],
            Some(score) => vec![
                s.name.clone(),
                count(score.responses),
                comma(score.ikm_rounded()),
                grade_text(score.grade()),
            ],
        })
        .collect();
    doc.table(&columns, &rows, false);
    if unit_provisional && r.services.iter().any(|s| s.score.is_some()) {
        doc.paragraph(
            "* Sampel minimal unit belum terpenuhi: IKM tiap layanan sementara dan belum diberi kategori mutu.",
            Weight::Regular,
            8.5,
        );
    } else if r.services.iter().any(|s| {
        s.score
            .as_ref()
            .is_some_and(|x| x.responses < SERVICE_MINIMUM)
    }) {
        doc.paragraph(
            &format!(
                "* Kurang dari {SERVICE_MINIMUM} responden: IKM layanan ini sementara dan belum diberi kategori mutu."
            ),
            Weight::Regular,
            8.5,
        );
    }
    doc.paragraph(
        "Tanggapan yang tidak menyebut jenis layanan dihitung pada IKM unit, tidak pada tabel ini.",
        Weight::Regular,
        8.5,
    );
}

/// The unit head's signature block, after the closing.
fn signature(doc: &mut impl Layout, s: &Signature) {
    let (name, nip) = match &s.head {
        Some(head) => (head.name.clone(), format!("NIP {}", head.nip)),
        None => (
            format!("({})", ".".repeat(40)),
            format!("NIP {}", ".".repeat(32)),
        ),
    };
    doc.signature(&[
        (format!("{}, {}", s.place, s.date), Weight::Regular),
        (s.office.clone(), Weight::Regular),
        (String::new(), Weight::Regular),
        (String::new(), Weight::Regular),
        (String::new(), Weight::Regular),
        (name, Weight::Bold),
        (nip, Weight::Regular),
    ]);
}
