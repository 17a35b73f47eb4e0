//! Musrena Keren pages: the public list, tracker and statistics (`public`), and the
//! facilitators' and planners' pages (`staff`). Labels of the domain's codes live here, in
//! Indonesian and English.

pub mod public;
pub mod staff;

use suara_domain::musrena::forum::{Accommodation, Group, Level};
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::proposal::Sector;

use crate::i18n::Lang;

pub fn level_label(lang: Lang, level: Level) -> &'static str {
    match level {
        Level::Desa => lang.pick("Desa", "Village"),
        Level::Kecamatan => lang.pick("Kecamatan", "District"),
        Level::Kabupaten => lang.pick("Kabupaten", "Regency"),
    }
}

pub fn group_label(lang: Lang, group: Group) -> &'static str {
    match group {
        Group::Women => lang.pick("Perempuan", "Women"),
        Group::Children => lang.pick("Anak", "Children"),
        Group::DisabilityPhysical => lang.pick("Disabilitas fisik", "Physical disability"),
        Group::DisabilityVisual => lang.pick("Disabilitas netra", "Visual disability"),
        Group::DisabilityHearing => {
            lang.pick("Disabilitas rungu/wicara", "Hearing/speech disability")
        }
        Group::DisabilityIntellectual => {
            lang.pick("Disabilitas intelektual", "Intellectual disability")
        }
        Group::DisabilityMental => lang.pick("Disabilitas mental", "Psychosocial disability"),
        Group::Elderly => lang.pick("Lansia", "Elderly"),
        Group::OtherVulnerable => lang.pick("Kelompok rentan lain", "Other vulnerable groups"),
    }
}

pub fn accommodation_label(lang: Lang, a: Accommodation) -> &'static str {
    match a {
        Accommodation::SignLanguageInterpreter => {
            lang.pick("Juru bahasa isyarat", "Sign-language interpreter")
        }
        Accommodation::StepFreeAccess => {
            lang.pick("Akses tanpa tangga (ramp)", "Step-free access (ramps)")
        }
        Accommodation::EasyRead => lang.pick("Bahan mudah dibaca", "Easy-read material"),
        Accommodation::Braille => lang.pick("Braille", "Braille"),
        Accommodation::Childcare => lang.pick("Penitipan anak", "Childcare"),
        Accommodation::Transport => lang.pick("Transportasi", "Transport"),
    }
}

pub fn sector_label(lang: Lang, sector: Sector) -> &'static str {
    match sector {
        Sector::Infrastructure => lang.pick("Infrastruktur", "Infrastructure"),
        Sector::Health => lang.pick("Kesehatan", "Health"),
        Sector::Education => lang.pick("Pendidikan", "Education"),
        Sector::Economy => lang.pick("Ekonomi", "Economy"),
        Sector::Social => lang.pick("Sosial", "Social"),
        Sector::ChildProtection => lang.pick("Perlindungan anak", "Child protection"),
        Sector::Environment => lang.pick("Lingkungan", "Environment"),
        Sector::Administration => lang.pick("Administrasi pemerintahan", "Administration"),
    }
}

pub fn stage_label(lang: Lang, stage: Stage) -> &'static str {
    match stage {
        Stage::Submitted => lang.pick("Diajukan", "Submitted"),
        Stage::Verified => lang.pick("Diverifikasi", "Verified"),
        Stage::Prioritized => lang.pick("Diprioritaskan", "Prioritized"),
        Stage::Musrenbang(Level::Desa) => lang.pick("Musrenbang desa", "Village musrenbang"),
        Stage::Musrenbang(Level::Kecamatan) => {
            lang.pick("Musrenbang kecamatan", "District musrenbang")
        }
        Stage::Musrenbang(Level::Kabupaten) => {
            lang.pick("Musrenbang kabupaten", "Regency musrenbang")
        }
        Stage::AcceptedIntoPlan => lang.pick("Masuk RKPD", "In the annual plan (RKPD)"),
        Stage::Budgeted => lang.pick("Dianggarkan (APBD)", "Budgeted (APBD)"),
        Stage::Implemented => lang.pick("Terlaksana", "Implemented"),
        Stage::Rejected => lang.pick("Ditolak", "Rejected"),
    }
}

pub fn action_label(lang: Lang, action: &str) -> &'static str {
    match action {
        "submit" => lang.pick("Diajukan di forum", "Submitted at the forum"),
        "verify" => lang.pick("Diverifikasi", "Verified"),
        "prioritize" => lang.pick("Diprioritaskan", "Prioritized"),
        "carry" => lang.pick("Dibawa ke musrenbang", "Carried to the musrenbang"),
        "accept" => lang.pick("Diterima dalam RKPD", "Accepted into the RKPD"),
        "budget" => lang.pick("Dianggarkan dalam APBD", "Budgeted in the APBD"),
        "implement" => lang.pick("Dilaksanakan", "Implemented"),
        "reject" => lang.pick("Ditolak", "Rejected"),
        _ => lang.pick("Langkah", "Step"),
    }
}
