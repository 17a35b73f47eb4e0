//! Page texts in Indonesian (first) and English. Every user-facing string of the pages
//! lives here, so a translation is a matter of filling one struct.

pub mod catalogue;
pub mod innovation;

use crate::i18n::catalogue as T;
use suara_domain::skm::{Element, Grade};
use suara_domain::survey::{AgeBand, Education, FieldError, Occupation, Problem, Sex};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Id,
    En,
}

pub const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    pub fn from_code(code: Option<&str>) -> Lang {
        match code {
            Some("en") => Lang::En,
            _ => Lang::Id,
        }
    }

    /// From a query string's `lang` parameter.
    pub fn from_query(query: Option<&str>) -> Lang {
        let pairs: Vec<(String, String)> = query
            .and_then(|q| serde_urlencoded::from_str(q).ok())
            .unwrap_or_default();
        Lang::from_code(
            pairs
                .iter()
                .find(|(k, _)| k == "lang")
                .map(|(_, v)| v.as_str()),
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// A day as people write it: "25 November 2026" (month names in this language).
    pub fn date(self, date: time::Date) -> String {
        let month = usize::from(u8::from(date.month()) - 1);
        let name = match self {
            Lang::Id => MONTHS_ID[month],
            Lang::En => MONTHS_EN[month],
        };
        format!("{} {name} {}", date.day(), date.year())
    }

    /// A month as people write it: "Oktober 2026".
    pub fn month(self, month: suara_domain::period::Month) -> String {
        let index = usize::from(month.month() - 1);
        let name = match self {
            Lang::Id => MONTHS_ID[index],
            Lang::En => MONTHS_EN[index],
        };
        format!("{name} {}", month.year())
    }

    /// A month in a chart's few letters: "Okt '26", "Agu '26" ("Oct '26" in English).
    pub fn short_month(self, month: suara_domain::period::Month) -> String {
        let index = usize::from(month.month() - 1);
        let name = match self {
            Lang::Id => MONTHS_ID[index],
            Lang::En => MONTHS_EN[index],
        };
        format!("{} '{:02}", &name[..3], month.year() % 100)
    }

    /// A period in words: "Oktober 2026", "Triwulan III 2026"; "Q3 2026" in English.
    pub fn period(self, period: suara_domain::period::Period) -> String {
        use suara_domain::period::Period;
        match (self, period) {
            (Lang::Id, _) => period_id(period),
            (Lang::En, Period::Month(m)) => self.month(m),
            (Lang::En, Period::Quarter { year, quarter }) => format!("Q{quarter} {year}"),
            (Lang::En, Period::Semester { year, semester }) => format!("H{semester} {year}"),
            (Lang::En, Period::Year(year)) => format!("Year {year}"),
        }
    }

    /// A moment as people write it: "25 November 2026 20:59", in the given offset.
    pub fn date_time(self, at: time::OffsetDateTime, offset: time::UtcOffset) -> String {
        let local = at.to_offset(offset);
        format!(
            "{} {:02}:{:02}",
            self.date(local.date()),
            local.hour(),
            local.minute()
        )
    }

    /// A decimal as this language writes it: `76,47` in Indonesian, `76.47` in English.
    pub fn decimal(self, value: impl std::fmt::Display) -> String {
        let text = value.to_string();
        match self {
            Lang::Id => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// One of two texts. Pages take theirs from the [`catalogue`] through [`Lang::t`]; the
    /// labels below keep their pairs here, in the same module.
    fn pick(self, indonesian: &'static str, english: &'static str) -> &'static str {
        match self {
            Lang::Id => indonesian,
            Lang::En => english,
        }
    }

    /// A text of the [`catalogue`] in this language.
    pub fn t(self, text: Text) -> &'static str {
        self.pick(text.id, text.en)
    }

    /// A text of the [`catalogue`] with its `{}` places filled, in order.
    pub fn fill(self, text: Text, values: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut values = values.iter();
        let mut parts = self.t(text).split("{}").peekable();
        while let Some(part) = parts.next() {
            out.push_str(part);
            if parts.peek().is_some() {
                if let Some(value) = values.next() {
                    out.push_str(&value.to_string());
                }
            }
        }
        out
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// A text in both languages: neither can be left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub id: &'static str,
    pub en: &'static str,
}

/// One survey question (per SKM element) with its four answer labels, 1 → 4.
pub struct Question {
    pub text: &'static str,
    pub options: [&'static str; 4],
}

pub struct Texts {
    pub language_name: &'static str,
    pub skip_to_content: &'static str,
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub footer: &'static str,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_units: &'static str,
    pub home_no_units: &'static str,
    pub take_survey: &'static str,
    pub ikm_this_year: &'static str,
    pub no_responses_yet: &'static str,
    pub responses_word: &'static str,
    pub chain_heading: &'static str,
    pub chain_intro: &'static str,
    pub chain_day: &'static str,
    pub chain_links: &'static str,
    pub chain_head: &'static str,
    pub chain_now: &'static str,
    pub survey_title: &'static str,
    pub survey_intro: &'static str,
    pub survey_unit: &'static str,
    pub survey_service: &'static str,
    pub survey_service_any: &'static str,
    pub survey_officer: &'static str,
    pub questions_heading: &'static str,
    pub profile_heading: &'static str,
    pub profile_intro: &'static str,
    pub sex: &'static str,
    pub age_band: &'static str,
    pub education: &'static str,
    pub occupation: &'static str,
    pub prefer_not_to_say: &'static str,
    pub suggestion: &'static str,
    pub suggestion_hint: &'static str,
    pub submit: &'static str,
    pub errors_heading: &'static str,
    pub thanks_title: &'static str,
    pub thanks_body: &'static str,
    pub receipt_label: &'static str,
    pub receipt_hint: &'static str,
    pub receipt_check: &'static str,
    pub received_at: &'static str,
    pub already_received: &'static str,
    pub another_response: &'static str,
    pub back_home: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub error_title: &'static str,
    pub error_body: &'static str,
    pub missing_regency: &'static str,
    pub missing_unit: &'static str,
    pub missing_officer: &'static str,
    pub missing_run: &'static str,
    pub missing_forum: &'static str,
    pub missing_proposal: &'static str,
    pub bad_address_title: &'static str,
    pub bad_period: &'static str,
    pub period_examples: &'static str,
    pub bad_month: &'static str,
    pub month_examples: &'static str,
    pub bad_request: &'static str,
    pub forbidden_title: &'static str,
    pub forbidden_body: &'static str,
    pub sign_in_first_title: &'static str,
    pub sign_in_first_body: &'static str,
    pub too_many_title: &'static str,
    pub too_many_body: &'static str,
    pub server_error_body: &'static str,
    pub back_to_start: &'static str,
    pub staff_sign_in: &'static str,
    pub find_unit: &'static str,
    pub search: &'static str,
    pub no_unit_matches: &'static str,
    pub meta_description: &'static str,
    pub questions: [Question; 9],
}

pub static ID: Texts = Texts {
    language_name: "Bahasa Indonesia",
    skip_to_content: "Langsung ke isi",
    site_name: "Suara",
    site_tagline: "Survei Kepuasan Masyarakat",
    footer: "Tanggapan Anda anonim: nama dan nomor telepon tidak disimpan (UU 27/2022).",
    home_title: "Survei Kepuasan Masyarakat",
    home_intro: "Nilai layanan publik yang baru saja Anda terima. Hasilnya dipakai untuk memperbaiki layanan dan diumumkan kepada publik.",
    home_units: "Unit layanan",
    home_no_units: "Belum ada unit layanan.",
    take_survey: "Isi survei",
    ikm_this_year: "IKM tahun ini",
    no_responses_yet: "belum ada tanggapan",
    responses_word: "tanggapan",
    chain_heading: "Bukti keutuhan data",
    chain_intro: "Setiap tanggapan yang diterima dirangkai dalam rantai hash. Catat kode kepala rantai hari ini: bila kelak data lama diubah atau dihapus, kode untuk hari itu tidak akan cocok lagi, dan pemeriksaan catatan oleh operator menunjukkan di mana.",
    chain_day: "Akhir hari",
    chain_links: "Jumlah mata rantai",
    chain_head: "Kepala rantai (SHA-256)",
    chain_now: "sekarang",
    survey_title: "Survei Kepuasan Masyarakat",
    survey_intro: "Pilih satu jawaban untuk setiap pertanyaan. Perlu sekitar 2 menit.",
    survey_unit: "Unit layanan",
    survey_service: "Jenis layanan",
    survey_service_any: "— pilih layanan (boleh dikosongkan) —",
    survey_officer: "Petugas yang melayani",
    questions_heading: "Pertanyaan",
    profile_heading: "Tentang Anda (tidak wajib)",
    profile_intro: "Data ini anonim dan hanya dipakai untuk statistik.",
    sex: "Jenis kelamin",
    age_band: "Usia",
    education: "Pendidikan terakhir",
    occupation: "Pekerjaan utama",
    prefer_not_to_say: "— tidak diisi —",
    suggestion: "Saran dan masukan (tidak wajib)",
    suggestion_hint: "Jangan menulis nama, nomor telepon atau alamat. Nomor telepon dan alamat e-mail akan disamarkan.",
    submit: "Kirim penilaian",
    errors_heading: "Ada isian yang perlu diperbaiki:",
    thanks_title: "Terima kasih!",
    thanks_body: "Penilaian Anda sudah tersimpan dan akan dihitung dalam Indeks Kepuasan Masyarakat.",
    receipt_label: "Nomor bukti",
    receipt_hint: "Simpan nomor ini: dengan nomor ini Anda dapat memeriksa bahwa penilaian Anda dihitung.",
    receipt_check: "Periksa sekarang",
    received_at: "Diterima",
    already_received: "Penilaian ini sudah kami terima sebelumnya; tidak dihitung dua kali.",
    another_response: "Isi survei lagi untuk layanan lain",
    back_home: "Kembali ke daftar unit layanan",
    not_found_title: "Halaman tidak ditemukan",
    not_found_body: "Unit layanan atau halaman ini tidak ada.",
    error_title: "Terjadi kesalahan",
    error_body: "Penilaian Anda belum tersimpan. Silakan coba lagi sebentar lagi.",
    missing_regency: "Kabupaten ini belum disiapkan di suara.",
    missing_unit: "Tidak ada unit layanan dengan kode",
    missing_officer: "Tidak ada pegawai yang dapat Anda lihat dengan NIP",
    missing_run: "Belum ada perhitungan TPP untuk bulan",
    missing_forum: "Forum Musrena ini tidak ada.",
    missing_proposal: "Tidak ada usulan Musrena dengan kode pelacakan",
    bad_address_title: "Alamat halaman tidak dapat dibaca",
    bad_period: "Periode tidak dikenali:",
    period_examples: "Tulis periode seperti 2026 (setahun), 2026-11 (sebulan), 2026-Q4 (triwulan) atau 2026-S2 (semester), atau pilih dari daftar periode.",
    bad_month: "Bulan tidak dikenali:",
    month_examples: "Tulis bulan seperti 2026-10 (tahun, lalu bulan 01–12).",
    bad_request: "Isian atau alamat ini tidak dapat dibaca. Kembali, lalu coba lagi dari halaman sebelumnya.",
    forbidden_title: "Tidak diizinkan",
    forbidden_body: "Akun Anda tidak berhak membuka halaman ini atau melakukan tindakan ini. Bila formulir sudah lama terbuka, muat ulang halamannya lalu coba lagi.",
    sign_in_first_title: "Silakan masuk dulu",
    sign_in_first_body: "Sesi Anda berakhir. Masuk lagi lalu ulangi.",
    too_many_title: "Terlalu banyak permintaan",
    too_many_body: "Tunggu sebentar, lalu coba lagi.",
    server_error_body: "Server tidak dapat menyelesaikan permintaan ini; tidak ada yang berubah. Coba lagi sebentar lagi.",
    back_to_start: "Kembali ke halaman awal",
    staff_sign_in: "Masuk staf",
    find_unit: "Cari unit layanan",
    search: "Cari",
    no_unit_matches: "Tidak ada unit layanan yang namanya memuat",
    meta_description: "Survei Kepuasan Masyarakat: nilai layanan publik, lihat hasil IKM, tindak lanjut dan usulan Musrena secara terbuka.",
    questions: [
        Question {
            text: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            options: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
        },
        Question {
            text: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
            options: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
        },
        Question {
            text: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
            options: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
        },
        Question {
            text: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
            options: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
        },
        Question {
            text: "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
            options: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
        },
        Question {
            text: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
            options: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
        },
        Question {
            text: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
            options: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
        },
        Question {
            text: "Bagaimana pendapat Saudara tentang penanganan pengaduan, saran dan masukan pengguna layanan?",
            options: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
        },
        Question {
            text: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
            options: ["Buruk", "Cukup", "Baik", "Sangat baik"],
        },
    ],
};

pub static EN: Texts = Texts {
    language_name: "English",
    skip_to_content: "Skip to content",
    site_name: "Suara",
    site_tagline: "Public Satisfaction Survey",
    footer: "Your response is anonymous: names and phone numbers are not stored (Law 27/2022).",
    home_title: "Public Satisfaction Survey",
    home_intro: "Rate the public service you have just received. Results are used to improve services and are published.",
    home_units: "Service units",
    home_no_units: "No service units yet.",
    take_survey: "Take the survey",
    ikm_this_year: "IKM this year",
    no_responses_yet: "no responses yet",
    responses_word: "responses",
    chain_heading: "Proof the data is unchanged",
    chain_intro: "Every accepted response is linked into a hash chain. Note today's chain head: if old data is ever changed or deleted, the code for that day will no longer match, and the suara verify check shows where.",
    chain_day: "End of day",
    chain_links: "Links",
    chain_head: "Chain head (SHA-256)",
    chain_now: "now",
    survey_title: "Public Satisfaction Survey",
    survey_intro: "Choose one answer for each question. It takes about 2 minutes.",
    survey_unit: "Service unit",
    survey_service: "Service",
    survey_service_any: "— choose a service (optional) —",
    survey_officer: "Officer who served you",
    questions_heading: "Questions",
    profile_heading: "About you (optional)",
    profile_intro: "This is anonymous and only used for statistics.",
    sex: "Sex",
    age_band: "Age",
    education: "Highest education",
    occupation: "Main occupation",
    prefer_not_to_say: "— not given —",
    suggestion: "Suggestions and feedback (optional)",
    suggestion_hint: "Do not write names, phone numbers or addresses. Phone numbers and e-mail addresses will be masked.",
    submit: "Send rating",
    errors_heading: "Some answers need fixing:",
    thanks_title: "Thank you!",
    thanks_body: "Your rating has been saved and will count in the Public Satisfaction Index.",
    receipt_label: "Receipt number",
    receipt_hint: "Keep this number: with it you can check that your rating was counted.",
    receipt_check: "Check now",
    received_at: "Received",
    already_received: "We had already received this rating; it is not counted twice.",
    another_response: "Rate another service",
    back_home: "Back to the list of service units",
    not_found_title: "Page not found",
    not_found_body: "This service unit or page does not exist.",
    error_title: "Something went wrong",
    error_body: "Your rating has not been saved yet. Please try again in a moment.",
    missing_regency: "This regency has not been set up in suara.",
    missing_unit: "There is no service unit with the code",
    missing_officer: "There is no officer you may see with NIP",
    missing_run: "There is no TPP run for",
    missing_forum: "This Musrena forum does not exist.",
    missing_proposal: "There is no Musrena proposal with the tracking code",
    bad_address_title: "The page address cannot be read",
    bad_period: "Period not recognised:",
    period_examples: "Write a period like 2026 (a year), 2026-11 (a month), 2026-Q4 (a quarter) or 2026-S2 (a half-year), or choose one from the list of periods.",
    bad_month: "Month not recognised:",
    month_examples: "Write a month like 2026-10 (the year, then the month 01–12).",
    bad_request: "This form or address cannot be read. Go back and try again from the previous page.",
    forbidden_title: "Not allowed",
    forbidden_body: "Your account may not open this page or take this action. If the form has been open for a long time, reload the page and try again.",
    sign_in_first_title: "Please sign in first",
    sign_in_first_body: "Your session has ended. Sign in again and retry.",
    too_many_title: "Too many requests",
    too_many_body: "Wait a moment, then try again.",
    server_error_body: "The server could not complete this request; nothing was changed. Try again in a moment.",
    back_to_start: "Back to the start page",
    staff_sign_in: "Staff sign-in",
    find_unit: "Find a service unit",
    search: "Search",
    no_unit_matches: "No service unit's name contains",
    meta_description: "Public satisfaction survey: rate public services and see the satisfaction index, follow-up and Musrena proposals in the open.",
    questions: [
        Question {
            text: "How well do the service requirements match the type of service?",
            options: ["Not suitable", "Less suitable", "Suitable", "Very suitable"],
        },
        Question {
            text: "How easy is the service procedure at this unit?",
            options: ["Not easy", "Less easy", "Easy", "Very easy"],
        },
        Question {
            text: "How fast was the service delivered?",
            options: ["Not fast", "Less fast", "Fast", "Very fast"],
        },
        Question {
            text: "How fair is the cost/tariff of the service?",
            options: ["Very expensive", "Fairly expensive", "Cheap", "Free"],
        },
        Question {
            text: "How well does what you received match the product listed in the service standard?",
            options: ["Not suitable", "Less suitable", "Suitable", "Very suitable"],
        },
        Question {
            text: "How competent were the staff in providing the service?",
            options: ["Not competent", "Less competent", "Competent", "Very competent"],
        },
        Question {
            text: "How polite and friendly were the staff?",
            options: ["Not polite and friendly", "Less polite and friendly", "Polite and friendly", "Very polite and friendly"],
        },
        Question {
            text: "How are complaints, suggestions and feedback from service users handled?",
            options: ["Not available", "Available but not working", "Working, not optimally", "Well managed"],
        },
        Question {
            text: "How good are the facilities and infrastructure?",
            options: ["Poor", "Adequate", "Good", "Very good"],
        },
    ],
};

/// An SKM element's name: the official Indonesian one (PermenPANRB 14/2017), or English.
pub fn element_name(lang: Lang, element: Element) -> &'static str {
    lang.t(match element {
        Element::Requirements => catalogue::ELEMENT_REQUIREMENTS,
        Element::Procedure => catalogue::ELEMENT_PROCEDURE,
        Element::CompletionTime => catalogue::ELEMENT_COMPLETION_TIME,
        Element::Cost => catalogue::ELEMENT_COST,
        Element::ProductSpecification => catalogue::ELEMENT_PRODUCT_SPECIFICATION,
        Element::Competence => catalogue::ELEMENT_COMPETENCE,
        Element::Behaviour => catalogue::ELEMENT_BEHAVIOUR,
        Element::ComplaintHandling => catalogue::ELEMENT_COMPLAINT_HANDLING,
        Element::Facilities => catalogue::ELEMENT_FACILITIES,
    })
}

/// A group Musrena and innovations serve (women, children, each disability…), in words.
pub fn group_label(lang: Lang, group: suara_domain::musrena::forum::Group) -> &'static str {
    use suara_domain::musrena::forum::Group;
    match group {
        Group::Women => lang.t(T::WOMEN),
        Group::Children => lang.t(T::CHILDREN),
        Group::DisabilityPhysical => lang.t(T::PHYSICAL_DISABILITY),
        Group::DisabilityVisual => lang.t(T::VISUAL_DISABILITY),
        Group::DisabilityHearing => lang.t(T::HEARING_SPEECH_DISABILITY),
        Group::DisabilityIntellectual => lang.t(T::INTELLECTUAL_DISABILITY),
        Group::DisabilityMental => lang.t(T::PSYCHOSOCIAL_DISABILITY),
        Group::Elderly => lang.t(T::ELDERLY),
        Group::OtherVulnerable => lang.t(T::OTHER_VULNERABLE_GROUPS),
    }
}

pub fn role_label(lang: Lang, role: suara_domain::access::Role) -> &'static str {
    use suara_domain::access::Role;
    match lang {
        Lang::Id => role.label_id(),
        Lang::En => match role {
            Role::Administrator => "Administrator",
            Role::UnitAdmin => "Unit admin",
            Role::Hr => "HR (BKPSDM)",
            Role::Finance => "Finance (BPKAD)",
            Role::Inspectorate => "Inspectorate",
            Role::Planner => "Planning (Bappeda)",
            Role::Officer => "Officer",
            Role::Province => "Province",
        },
    }
}

/// A grade's official performance label, or its English.
pub fn grade_label(lang: Lang, grade: Grade) -> &'static str {
    lang.t(match grade {
        Grade::A => catalogue::GRADE_A,
        Grade::B => catalogue::GRADE_B,
        Grade::C => catalogue::GRADE_C,
        Grade::D => catalogue::GRADE_D,
    })
}

/// A follow-up plan's status in words.
pub fn plan_status_label(lang: Lang, status: suara_domain::skm::follow_up::Status) -> &'static str {
    use suara_domain::skm::follow_up::Status;
    lang.t(match status {
        Status::Planned => catalogue::PLAN_PLANNED,
        Status::InProgress => catalogue::PLAN_IN_PROGRESS,
        Status::Done => catalogue::PLAN_DONE,
    })
}

pub fn sex_label(lang: Lang, value: Sex) -> &'static str {
    match (lang, value) {
        (Lang::Id, Sex::Female) => "Perempuan",
        (Lang::Id, Sex::Male) => "Laki-laki",
        (Lang::En, Sex::Female) => "Female",
        (Lang::En, Sex::Male) => "Male",
    }
}

pub fn age_band_label(lang: Lang, value: AgeBand) -> &'static str {
    let (id, en) = match value {
        AgeBand::Under20 => ("Di bawah 20 tahun", "Under 20"),
        AgeBand::From20To29 => ("20–29 tahun", "20–29"),
        AgeBand::From30To39 => ("30–39 tahun", "30–39"),
        AgeBand::From40To49 => ("40–49 tahun", "40–49"),
        AgeBand::From50To59 => ("50–59 tahun", "50–59"),
        AgeBand::From60 => ("60 tahun ke atas", "60 or older"),
    };
    lang.pick(id, en)
}

pub fn education_label(lang: Lang, value: Education) -> &'static str {
    let (id, en) = match value {
        Education::None => ("Tidak/belum sekolah", "No schooling"),
        Education::Elementary => ("SD/sederajat", "Primary school"),
        Education::JuniorHigh => ("SMP/sederajat", "Junior high school"),
        Education::SeniorHigh => ("SMA/SMK/sederajat", "Senior high school"),
        Education::Diploma => ("Diploma (D1–D3)", "Diploma (D1–D3)"),
        Education::Bachelor => ("D4/S1", "Bachelor (D4/S1)"),
        Education::Postgraduate => ("S2/S3", "Master's or doctorate"),
    };
    lang.pick(id, en)
}

pub fn occupation_label(lang: Lang, value: Occupation) -> &'static str {
    let (id, en) = match value {
        Occupation::CivilServant => ("PNS/TNI/Polri", "Civil servant, military or police"),
        Occupation::PrivateEmployee => ("Pegawai swasta", "Private employee"),
        Occupation::SelfEmployed => ("Wiraswasta/pedagang", "Self-employed/trader"),
        Occupation::FarmerFisher => ("Petani/nelayan", "Farmer/fisher"),
        Occupation::Student => ("Pelajar/mahasiswa", "Student"),
        Occupation::Homemaker => ("Mengurus rumah tangga", "Homemaker"),
        Occupation::NotWorking => ("Tidak bekerja", "Not working"),
        Occupation::Other => ("Lainnya", "Other"),
    };
    lang.pick(id, en)
}

/// A field problem as a sentence for the survey page.
pub fn problem_text(lang: Lang, error: &FieldError) -> String {
    let subject = field_label(lang, &error.field);
    let (id, en) = match &error.problem {
        Problem::Required => ("wajib diisi".to_string(), "is required".to_string()),
        Problem::RatingOutOfRange(_) | Problem::NotOneOf(_) | Problem::WrongType(_) => (
            "pilih salah satu jawaban yang tersedia".into(),
            "choose one of the answers offered".into(),
        ),
        Problem::WrongAnswerCount(_) | Problem::NothingAnswered => (
            "jawab minimal satu pertanyaan".into(),
            "answer at least one question".into(),
        ),
        Problem::TooLong { max_chars } => (
            format!("terlalu panjang (maksimal {max_chars} huruf)"),
            format!("is too long (at most {max_chars} characters)"),
        ),
        Problem::Unknown | Problem::BadCode { .. } | Problem::BadKey | Problem::BadNip => {
            ("tidak dikenal".into(), "is not known".into())
        }
        Problem::ServiceOfOtherUnit => (
            "bukan layanan unit ini".into(),
            "is not a service of this unit".into(),
        ),
        Problem::OfficerOfOtherUnit => (
            "tidak bertugas di unit ini pada hari itu".into(),
            "did not work in this unit on that day".into(),
        ),
        Problem::KeyReused => (
            "formulir ini sudah dikirim dengan isi lain; muat ulang halaman".into(),
            "this form was already sent with other answers; reload the page".into(),
        ),
        Problem::BadTicket => (
            "bukan kode tiket (10 huruf/angka, contoh 7K2M9-QXD4T)".into(),
            "is not a ticket code (10 characters, like 7K2M9-QXD4T)".into(),
        ),
        Problem::TicketUsed => (
            "sudah dipakai; setiap tiket hanya berlaku satu kali".into(),
            "was used already; each ticket counts once".into(),
        ),
        Problem::TicketExpired => (
            "sudah kedaluwarsa; minta tiket baru di loket".into(),
            "has expired; ask for a new ticket at the counter".into(),
        ),
        Problem::TicketMismatch => (
            "diterbitkan untuk layanan atau petugas lain".into(),
            "was issued for another service or officer".into(),
        ),
    };
    format!("{subject}: {}", pick_owned(lang, id, en))
}

fn pick_owned(lang: Lang, id: String, en: String) -> String {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A human name for an API field path (`answers[2]` → "Pertanyaan 3 (Waktu penyelesaian)").
pub fn field_label(lang: Lang, field: &str) -> String {
    if let Some(index) = answer_index(field) {
        let element = Element::ALL[index];
        let word = lang.pick("Pertanyaan", "Question");
        return format!("{word} {} ({})", index + 1, element_name(lang, element));
    }
    let t = lang.texts();
    match field {
        "unit" => t.survey_unit.into(),
        "service" => t.survey_service.into(),
        "officer" => t.survey_officer.into(),
        "profile.sex" => t.sex.into(),
        "profile.age_band" => t.age_band.into(),
        "profile.education" => t.education.into(),
        "profile.occupation" => t.occupation.into(),
        "suggestion" => t.suggestion.into(),
        "answers" => t.questions_heading.into(),
        "ticket" => lang.pick("Tiket", "Ticket").into(),
        other => other.into(),
    }
}

/// `answers[i]` → `Some(i)`.
pub fn answer_index(field: &str) -> Option<usize> {
    field
        .strip_prefix("answers[")?
        .strip_suffix(']')?
        .parse()
        .ok()
        .filter(|i| *i < Element::ALL.len())
}

/// A channel in plain words.
/// A label of the payroll workbook (written in Indonesian) in this language.
pub fn sheet_label(lang: Lang, label: &'static str) -> &'static str {
    catalogue::PAYROLL_SHEET
        .iter()
        .chain(catalogue::PAYABLE_SHEET)
        .find(|text| text.id == label)
        .map_or(label, |text| lang.t(*text))
}

/// Why a response was held, in a sentence.
pub fn held_because(lang: Lang, reason: suara_domain::integrity::anomaly::Reason) -> &'static str {
    use suara_domain::integrity::anomaly::Reason;
    lang.t(match reason {
        Reason::DeviceRepeat => catalogue::HELD_DEVICE_REPEAT,
        Reason::NetworkBurst => catalogue::HELD_NETWORK_BURST,
        Reason::StraightLinedBulk => catalogue::HELD_STRAIGHT_LINED,
        Reason::UnitBurst => catalogue::HELD_UNIT_BURST,
        Reason::TicketAtCounter => catalogue::HELD_TICKET_AT_COUNTER,
        Reason::OutsideServiceHours => catalogue::HELD_OUTSIDE_HOURS,
        Reason::KioskTooFast => catalogue::HELD_KIOSK_TOO_FAST,
        Reason::KioskBurst => catalogue::HELD_KIOSK_BURST,
    })
}

pub fn channel_label(lang: Lang, channel: &str) -> &'static str {
    use suara_domain::integrity::channel::Channel;
    match Channel::from_code(channel) {
        Some(Channel::Web) => lang.t(T::LINK_OR_QR),
        Some(Channel::Api) => "API",
        Some(Channel::Kiosk) => lang.t(T::KIOSK),
        Some(Channel::KioskPending) => lang.t(T::KIOSK_NOT_YET_APPROVED),
        Some(Channel::Ticket) => lang.t(T::TICKET),
        None => "–",
    }
}

/// The responses sheet's column headers, in the order of `suara_reports::results`.
pub fn response_headers(lang: Lang) -> [&'static str; 20] {
    let elements = [
        ("U1 Persyaratan", "U1 Requirements"),
        ("U2 Prosedur", "U2 Procedure"),
        ("U3 Waktu", "U3 Time"),
        ("U4 Biaya/tarif", "U4 Cost"),
        ("U5 Produk layanan", "U5 Product"),
        ("U6 Kompetensi", "U6 Competence"),
        ("U7 Perilaku", "U7 Conduct"),
        ("U8 Pengaduan", "U8 Complaints"),
        ("U9 Sarana", "U9 Facilities"),
    ]
    .map(|(id, en)| lang.pick(id, en));
    let [u1, u2, u3, u4, u5, u6, u7, u8, u9] = elements;
    [
        lang.t(T::RECEIVED_LOCAL_TIME),
        lang.t(T::MONTH),
        lang.t(T::CHANNEL),
        "Unit",
        lang.t(T::SERVICE),
        lang.t(T::OFFICER_S_NIP),
        u1,
        u2,
        u3,
        u4,
        u5,
        u6,
        u7,
        u8,
        u9,
        lang.t(T::SEX),
        lang.t(T::AGE),
        lang.t(T::EDUCATION),
        lang.t(T::OCCUPATION),
        lang.t(T::SUGGESTION),
    ]
}

/// A coded value of an export (channel, profile answers) in words; `None` for an unknown code.
pub fn code_label(
    lang: Lang,
    kind: suara_reports::results::Coded,
    code: &str,
) -> Option<&'static str> {
    use suara_reports::results::Coded;
    match kind {
        Coded::Channel => Some(channel_label(lang, code)).filter(|l| *l != "–"),
        Coded::Sex => Sex::from_code(code).map(|v| sex_label(lang, v)),
        Coded::AgeBand => AgeBand::from_code(code).map(|v| age_band_label(lang, v)),
        Coded::Education => Education::from_code(code).map(|v| education_label(lang, v)),
        Coded::Occupation => Occupation::from_code(code).map(|v| occupation_label(lang, v)),
        Coded::Unit | Coded::Service => None,
    }
}

/// Domain reasons (import rows, policy and plan checks, account rules) in the user's
/// language. The domain words them in English for logs and the command line; each reason a
/// page shows has a catalogue text whose English is the domain's wording, `{}` standing for
/// the values, which are carried over. A reason no text matches is shown as the domain
/// wrote it.
pub fn reason_text(lang: Lang, reason: &str) -> String {
    if lang == Lang::En {
        return reason.to_string();
    }
    catalogue::REASONS
        .iter()
        .find_map(|text| {
            let values = template_values(text.en, reason)?;
            let values: Vec<&dyn std::fmt::Display> =
                values.iter().map(|v| v as &dyn std::fmt::Display).collect();
            Some(lang.fill(*text, &values))
        })
        .unwrap_or_else(|| reason.to_string())
}

/// The values standing for `{}` when `text` matches `template`, or `None`.
fn template_values<'a>(template: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let mut rest = text.strip_prefix(parts[0])?;
    let mut values = Vec::new();
    for (i, part) in parts.iter().enumerate().skip(1) {
        // The last value runs to the template's ending; the others to the next part.
        let end = if i == parts.len() - 1 {
            rest.strip_suffix(part)?.len()
        } else {
            rest.find(part).filter(|_| !part.is_empty())?
        };
        values.push(&rest[..end]);
        rest = &rest[end + part.len()..];
    }
    rest.is_empty().then_some(values)
}

/// "Oktober 2026", "Triwulan III 2026", "Semester II 2026", "Tahun 2026".
fn period_id(period: suara_domain::period::Period) -> String {
    use suara_domain::period::Period;
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    match period {
        Period::Month(m) => {
            format!("{} {}", MONTHS_ID[usize::from(m.month() - 1)], m.year())
        }
        Period::Quarter { year, quarter } => {
            format!(
                "Triwulan {} {year}",
                ROMAN[usize::from(quarter.clamp(1, 4) - 1)]
            )
        }
        Period::Semester { year, semester } => {
            format!(
                "Semester {} {year}",
                ROMAN[usize::from(semester.clamp(1, 2) - 1)]
            )
        }
        Period::Year(year) => format!("Tahun {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_reasons_read_in_indonesian_with_their_values() {
        assert_eq!(reason_text(Lang::Id, "is required"), "wajib diisi");
        assert_eq!(
            reason_text(Lang::Id, "'2026-13' is not a month like 2026-01"),
            "'2026-13' bukan bulan seperti 2026-01"
        );
        assert_eq!(
            reason_text(Lang::Id, "0.3 + 0.3 + 0.3 does not add up to 1"),
            "0.3 + 0.3 + 0.3 jumlahnya bukan 1"
        );
        assert_eq!(
            reason_text(Lang::Id, "'x' appears already on line 4"),
            "'x' sudah ada di baris 4"
        );
        // Unknown wording stays as the domain wrote it; English is never touched.
        assert_eq!(reason_text(Lang::Id, "something new"), "something new");
        assert_eq!(reason_text(Lang::En, "is required"), "is required");
        assert_eq!(template_values("a {} b", "a x b c"), None);
        assert_eq!(
            template_values("{} and {}", "1 and 2"),
            Some(vec!["1", "2"])
        );
    }
}

#[cfg(test)]
mod official_names {
    use super::*;

    /// The catalogue's Indonesian is the regulation's wording the domain (and the printed
    /// report) uses.
    #[test]
    fn official_labels_agree_with_the_domain() {
        for element in Element::ALL {
            assert_eq!(element_name(Lang::Id, element), element.name_id());
        }
        for grade in [Grade::A, Grade::B, Grade::C, Grade::D] {
            assert_eq!(grade_label(Lang::Id, grade), grade.label_id());
        }
        for status in suara_domain::skm::follow_up::Status::ALL {
            assert_eq!(plan_status_label(Lang::Id, status), status.label_id());
        }
    }
}

#[cfg(test)]
mod payroll_sheet {
    use super::*;

    #[test]
    fn every_label_of_the_payroll_workbook_has_its_english() {
        let payable = suara_reports::payable::LABELS.concat();
        for label in suara_reports::tpp::LABELS
            .concat()
            .into_iter()
            .chain(payable)
        {
            let english = sheet_label(Lang::En, label);
            assert!(
                english != label || ["Unit", "NIP", "Bank"].contains(&label),
                "no English for {label:?}"
            );
            assert_eq!(sheet_label(Lang::Id, label), label);
        }
    }
}
