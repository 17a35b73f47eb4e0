//! A proposal as a facilitator enters it for the participants (or through the easy-read form
//! with children), checked field by field; and photos attached to it, checked by their bytes.

use serde::Serialize;

use super::forum::Group;
use crate::decimal::Decimal;
use crate::org::village::Point;
use crate::sdg::SdgTarget;

/// Sectors of the regional plan a proposal belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Infrastructure,
    Health,
    Education,
    Economy,
    Social,
    ChildProtection,
    Environment,
    Administration,
}

impl Sector {
    pub const ALL: [Sector; 8] = [
        Sector::Infrastructure,
        Sector::Health,
        Sector::Education,
        Sector::Economy,
        Sector::Social,
        Sector::ChildProtection,
        Sector::Environment,
        Sector::Administration,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sector::Infrastructure => "infrastructure",
            Sector::Health => "health",
            Sector::Education => "education",
            Sector::Economy => "economy",
            Sector::Social => "social",
            Sector::ChildProtection => "child_protection",
            Sector::Environment => "environment",
            Sector::Administration => "administration",
        }
    }

    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Longest title, and longest of the longer texts, in characters.
pub const MAX_TITLE_CHARS: usize = 160;
pub const MAX_TEXT_CHARS: usize = 4000;

/// What a form sent, before checking.
#[derive(Clone, Debug, Default)]
pub struct ProposalDraft {
    pub title: String,
    pub problem: String,
    pub activity: String,
    pub sector: String,
    /// The village's Kemendagri code where it would be done.
    pub village: String,
    /// Hamlet, RT/RW or landmark within the village; may be empty.
    pub address: String,
    /// The spot, as typed in degrees; both empty when not known.
    pub latitude: String,
    pub longitude: String,
    /// Estimated cost in rupiah as typed (`Rp15.000.000`, `15000000`); empty when unknown.
    pub estimated_cost: String,
    /// Group codes of those who proposed it.
    pub proposed_by: Vec<String>,
    /// Beneficiaries per group code, as typed.
    pub beneficiaries: Vec<(String, String)>,
    /// SDG targets as typed (`3.8, 16.6`), or empty.
    pub sdgs: String,
    /// A catalogue entry's code (kamus usulan), or empty.
    pub activity_code: String,
    /// The volume in the entry's unit of measure, as typed (`12,5`).
    pub volume: String,
    /// A strategic issue's code, or empty.
    pub issue: String,
    /// Why the estimated cost is not volume × unit price, or empty.
    pub cost_reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub title: String,
    pub problem: String,
    pub activity: String,
    pub sector: Sector,
    /// The village's Kemendagri code (the store checks it is one of the regency's).
    pub village: String,
    pub address: String,
    pub point: Option<Point>,
    pub estimated_cost: Option<u64>,
    pub proposed_by: Vec<Group>,
    /// Groups with their beneficiary counts, in [`Group::ALL`] order; zero counts left out.
    pub beneficiaries: Vec<(Group, u32)>,
    /// The SDG targets it serves, sorted.
    pub sdgs: Vec<SdgTarget>,
    pub activity_code: Option<String>,
    pub volume: Option<Decimal>,
    pub issue: Option<String>,
    pub cost_reason: Option<String>,
}

/// One field's problem (English; pages translate by `field` and `problem`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProposalProblem {
    pub field: String,
    pub problem: &'static str,
}

/// The groups a proposal comes from, each once and in order; at least one.
fn proposing_groups(codes: &[String], problem: &mut impl FnMut(&str, &'static str)) -> Vec<Group> {
    let mut proposed_by = Vec::new();
    let mut unknown_group = false;
    for code in codes {
        match Group::from_code(code.trim()) {
            Some(g) if !proposed_by.contains(&g) => proposed_by.push(g),
            Some(_) => {}
            None => {
                unknown_group = true;
                problem("proposed_by", "unknown");
            }
        }
    }
    if proposed_by.is_empty() && !unknown_group {
        problem("proposed_by", "required");
    }
    proposed_by.sort();
    proposed_by
}

/// How many of each group the proposal serves, where the form gives a number.
fn beneficiaries(
    counts: &[(String, String)],
    problem: &mut impl FnMut(&str, &'static str),
) -> Vec<(Group, u32)> {
    let mut beneficiaries = Vec::new();
    for (code, count) in counts {
        let field = format!("beneficiaries.{code}");
        let Some(group) = Group::from_code(code.trim()) else {
            problem(&field, "unknown");
            continue;
        };
        match count.trim() {
            "" | "0" => {}
            typed => match typed.replace('.', "").parse::<u32>() {
                Ok(n) => beneficiaries.push((group, n)),
                Err(_) => problem(&field, "not_a_count"),
            },
        }
    }
    beneficiaries.sort();
    beneficiaries.dedup_by_key(|(g, _)| *g);
    beneficiaries
}

/// The spot where it would be done, from the degrees typed; `None` when neither is given.
fn point(
    latitude: &str,
    longitude: &str,
    problem: &mut impl FnMut(&str, &'static str),
) -> Option<Point> {
    match (latitude.trim(), longitude.trim()) {
        ("", "") => None,
        (lat, lon) => {
            let point = Point::parse(lat, lon);
            if point.is_none() {
                problem("point", "not_a_point");
            }
            point
        }
    }
}

/// The estimated cost in rupiah as typed; `None` when it is left empty.
fn estimated_cost(typed: &str, problem: &mut impl FnMut(&str, &'static str)) -> Option<u64> {
    match typed.trim() {
        "" => None,
        typed => {
            let amount = crate::tpp::inputs::parse_rupiah(typed);
            if amount.is_none() {
                problem("estimated_cost", "not_rupiah");
            }
            amount
        }
    }
}

/// The volume in the catalogue entry's unit of measure, required when an entry is named.
fn volume(
    typed: &str,
    has_activity_code: bool,
    problem: &mut impl FnMut(&str, &'static str),
) -> Option<Decimal> {
    match typed.trim() {
        "" if has_activity_code => {
            problem("volume", "required");
            None
        }
        "" => None,
        typed => {
            let volume = super::catalogue::parse_volume(typed);
            if volume.is_none() {
                problem("volume", "not_a_volume");
            }
            volume
        }
    }
}

/// Checks every field and lists every problem.
pub fn validate(draft: &ProposalDraft) -> Result<Proposal, Vec<ProposalProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field: &str, problem: &'static str| {
        problems.push(ProposalProblem {
            field: field.into(),
            problem,
        })
    };
    let text = |value: &str, max: usize| -> Result<String, &'static str> {
        let value = value.trim();
        if value.is_empty() {
            Err("required")
        } else if value.chars().count() > max {
            Err("too_long")
        } else {
            Ok(value.to_string())
        }
    };
    let title = text(&draft.title, MAX_TITLE_CHARS)
        .map_err(|p| problem("title", p))
        .ok();
    let problem_text = text(&draft.problem, MAX_TEXT_CHARS)
        .map_err(|p| problem("problem", p))
        .ok();
    let activity = text(&draft.activity, MAX_TEXT_CHARS)
        .map_err(|p| problem("activity", p))
        .ok();
    let sector = Sector::from_code(draft.sector.trim());
    if sector.is_none() {
        problem(
            "sector",
            if draft.sector.trim().is_empty() {
                "required"
            } else {
                "unknown"
            },
        );
    }
    let village = draft.village.trim();
    if village.is_empty() {
        problem("village", "required");
    }
    let address = draft.address.trim();
    if address.chars().count() > MAX_TITLE_CHARS {
        problem("address", "too_long");
    }
    let point = point(&draft.latitude, &draft.longitude, &mut problem);
    let estimated_cost = estimated_cost(&draft.estimated_cost, &mut problem);
    let proposed_by = proposing_groups(&draft.proposed_by, &mut problem);
    let beneficiaries = beneficiaries(&draft.beneficiaries, &mut problem);
    let sdgs = crate::sdg::parse_list(&draft.sdgs).unwrap_or_else(|known| {
        problem("sdgs", "unknown");
        known
    });
    let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
    let activity_code = optional(&draft.activity_code);
    let volume = volume(&draft.volume, activity_code.is_some(), &mut problem);
    let cost_reason = optional(&draft.cost_reason);
    if cost_reason
        .as_ref()
        .is_some_and(|r| r.chars().count() > MAX_TEXT_CHARS)
    {
        problem("cost_reason", "too_long");
    }
    match (title, problem_text, activity, sector) {
        (Some(title), Some(problem_text), Some(activity), Some(sector)) if problems.is_empty() => {
            Ok(Proposal {
                title,
                problem: problem_text,
                activity,
                sector,
                village: village.to_string(),
                address: address.to_string(),
                point,
                estimated_cost,
                proposed_by,
                beneficiaries,
                sdgs,
                activity_code,
                volume,
                issue: optional(&draft.issue),
                cost_reason,
            })
        }
        _ => Err(problems),
    }
}

/// Largest photo accepted (after the phone's own compression).
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;

/// Most photos a proposal may have.
pub const MAX_PHOTOS: usize = 3;

/// A cost breakdown (rincian anggaran biaya, RAB): a PDF, or a workbook as offices keep them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum RabType {
    Pdf,
    Xlsx,
}

impl RabType {
    pub fn content_type(self) -> &'static str {
        match self {
            RabType::Pdf => "application/pdf",
            RabType::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<RabType> {
        [RabType::Pdf, RabType::Xlsx]
            .into_iter()
            .find(|t| t.content_type() == content_type)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RabError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than 5 MB")]
    TooLarge,
    #[error("only PDF and xlsx files are accepted")]
    NotARab,
}

/// The cost breakdown's type from its first bytes: `%PDF-`, or a zip holding a workbook.
pub fn check_rab(bytes: &[u8]) -> Result<RabType, RabError> {
    if bytes.is_empty() {
        return Err(RabError::Empty);
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(RabError::TooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        Ok(RabType::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04") && bytes.windows(9).any(|w| w == b"xl/workbo") {
        Ok(RabType::Xlsx)
    } else {
        Err(RabError::NotARab)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PhotoType {
    Jpeg,
    Png,
    Webp,
}

impl PhotoType {
    pub fn content_type(self) -> &'static str {
        match self {
            PhotoType::Jpeg => "image/jpeg",
            PhotoType::Png => "image/png",
            PhotoType::Webp => "image/webp",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("the photo is empty")]
    Empty,
    #[error("the photo is larger than 5 MB")]
    TooLarge,
    #[error("only JPEG, PNG and WebP photos are accepted")]
    NotAPhoto,
}

/// The photo's type from its first bytes (what a browser says is not trusted).
pub fn check_photo(bytes: &[u8]) -> Result<PhotoType, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty);
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(PhotoType::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(PhotoType::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok(PhotoType::Webp)
    } else {
        Err(PhotoError::NotAPhoto)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProposalDraft {
        ProposalDraft {
            title: "Jalur landai di balai desa".into(),
            problem: "Warga berkursi roda tidak bisa masuk balai desa.".into(),
            activity: "Membangun jalur landai dan pegangan tangan.".into(),
            sector: "infrastructure".into(),
            village: "35.03.08.2001".into(),
            address: "Dusun Krajan RT 02".into(),
            latitude: "-8,27".into(),
            longitude: "111.71".into(),
            estimated_cost: "Rp15.000.000".into(),
            proposed_by: vec!["disability_physical".into(), "elderly".into()],
            beneficiaries: vec![
                ("disability_physical".into(), "12".into()),
                ("elderly".into(), "1.200".into()),
                ("children".into(), "".into()),
            ],
            sdgs: "11.2, 10.2".into(),
            ..ProposalDraft::default()
        }
    }

    #[test]
    fn a_complete_proposal_is_read() {
        let p = validate(&draft()).unwrap();
        assert_eq!(p.sector, Sector::Infrastructure);
        assert_eq!(p.estimated_cost, Some(15_000_000));
        assert_eq!(
            p.proposed_by,
            vec![Group::DisabilityPhysical, Group::Elderly]
        );
        assert_eq!(
            p.beneficiaries,
            vec![(Group::DisabilityPhysical, 12), (Group::Elderly, 1200)]
        );
        assert_eq!(crate::sdg::join(&p.sdgs), "10.2,11.2");
        assert_eq!(p.point, Point::parse("-8.27", "111.71"));
        assert_eq!(p.address, "Dusun Krajan RT 02");
    }

    #[test]
    fn every_problem_is_listed() {
        let bad = ProposalDraft {
            title: " ".into(),
            sector: "roads".into(),
            estimated_cost: "lima juta".into(),
            proposed_by: vec![],
            beneficiaries: vec![
                ("martians".into(), "3".into()),
                ("women".into(), "x".into()),
            ],
            sdgs: "11.2 99".into(),
            latitude: "-91".into(),
            ..draft()
        };
        let problems = validate(&bad).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "title",
                "sector",
                "point",
                "estimated_cost",
                "proposed_by",
                "beneficiaries.martians",
                "beneficiaries.women",
                "sdgs"
            ]
        );
        assert_eq!(problems[1].problem, "unknown");
    }

    #[test]
    fn cost_breakdowns_are_pdf_or_workbooks() {
        assert_eq!(check_rab(b"%PDF-1.7 ..."), Ok(RabType::Pdf));
        assert_eq!(
            check_rab(b"PK\x03\x04....[Content_Types].xml xl/workbook.xml"),
            Ok(RabType::Xlsx)
        );
        assert_eq!(
            check_rab(b"PK\x03\x04 word/document.xml"),
            Err(RabError::NotARab)
        );
        assert_eq!(check_rab(b"<html>"), Err(RabError::NotARab));
        assert_eq!(check_rab(b""), Err(RabError::Empty));
        assert_eq!(
            RabType::from_content_type(RabType::Xlsx.content_type()),
            Some(RabType::Xlsx)
        );
    }

    #[test]
    fn photos_are_known_by_their_bytes() {
        assert_eq!(
            check_photo(&[0xFF, 0xD8, 0xFF, 0xE0, 0]),
            Ok(PhotoType::Jpeg)
        );
        assert_eq!(check_photo(b"\x89PNG\r\n\x1a\n...."), Ok(PhotoType::Png));
        assert_eq!(check_photo(b"RIFF\0\0\0\0WEBPVP8 "), Ok(PhotoType::Webp));
        assert_eq!(
            check_photo(b"<svg onload=alert(1)>"),
            Err(PhotoError::NotAPhoto)
        );
        assert_eq!(check_photo(b""), Err(PhotoError::Empty));
        let mut big = vec![0xFF, 0xD8, 0xFF];
        big.resize(MAX_PHOTO_BYTES + 1, 0);
        assert_eq!(check_photo(&big), Err(PhotoError::TooLarge));
    }
}
