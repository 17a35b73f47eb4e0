//! What an innovation is registered with: the problem and the SKM elements it targets, what
//! changed, the partners who helped make it (co-creation), the SDG targets it serves, the
//! groups who benefit, and the facts the regional innovation index (Indeks Inovasi Daerah,
//! Permendagri 104/2018) asks for. Forms are checked here; every problem is listed at once.

use serde::Serialize;

use crate::musrena::forum::Group;
pub use crate::sdg::SdgTarget;
use crate::skm::Element;

pub const MAX_TITLE_CHARS: usize = 160;
pub const MAX_TEXT_CHARS: usize = 4_000;
/// Largest contribution in rupiah a partner is recorded with.
pub const MAX_CONTRIBUTION: u64 = 1_000_000_000_000_000;
/// Largest evidence file accepted.
pub const MAX_EVIDENCE_BYTES: usize = 5 * 1024 * 1024;

/// Codes with a fixed list of values, read from and written to forms and the database.
macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

coded!(
    /// Who a partner is.
    PartnerKind {
        University => "university",
        Business => "business",
        Community => "community",
        Village => "village",
        Media => "media",
        Government => "government",
        Other => "other",
    }
);

coded!(
    /// Who started the innovation (inisiator, as the index asks).
    Initiator {
        Regent => "regent",
        Council => "council",
        Unit => "unit",
        Officer => "officer",
        Citizen => "citizen",
    }
);

coded!(
    /// The index's form of innovation (bentuk inovasi daerah).
    Form {
        PublicService => "public_service",
        Governance => "governance",
        Other => "other",
    }
);

coded!(
    /// What a piece of evidence supports: the index's indicators (indikator inovasi daerah).
    Indicator {
        Regulation => "regulation",
        People => "people",
        Budget => "budget",
        InformationTechnology => "it",
        Training => "training",
        Planning => "planning",
        Actors => "actors",
        Network => "network",
        Outreach => "outreach",
        Guide => "guide",
        Complaints => "complaints",
        Replication => "replication",
        Benefit => "benefit",
        Monitoring => "monitoring",
    }
);

/// What a registration form sent, before checking.
#[derive(Clone, Debug, Default)]
pub struct InnovationDraft {
    pub title: String,
    pub problem: String,
    pub change: String,
    /// Element codes `U1`…`U9`.
    pub elements: Vec<String>,
    pub initiator: String,
    pub form: String,
    pub digital: bool,
    /// The government affair (urusan pemerintahan) it belongs to.
    pub affair: String,
    pub design: String,
    pub goal: String,
    pub benefit: String,
    pub result: String,
    /// SDG targets as typed, separated by commas or spaces: `3.8, 10`.
    pub sdgs: String,
    pub groups: Vec<String>,
    /// Team members' NIPs as typed, separated by commas, spaces or lines.
    pub team: String,
}

/// A checked registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Innovation {
    pub title: String,
    pub problem: String,
    pub change: String,
    pub elements: Vec<Element>,
    pub initiator: Initiator,
    pub form: Form,
    pub digital: bool,
    pub affair: String,
    pub design: String,
    pub goal: String,
    pub benefit: String,
    pub result: String,
    pub sdgs: Vec<SdgTarget>,
    pub groups: Vec<Group>,
    pub team: Vec<String>,
}

/// One field's problem; pages translate by `field` and `problem`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: &'static str,
    pub problem: &'static str,
}

/// A text field, trimmed; its problem (required, too long) is listed and it reads as empty.
fn checked(
    problems: &mut Vec<Problem>,
    field: &'static str,
    value: &str,
    max: usize,
    required: bool,
) -> String {
    let value = value.trim();
    let problem = if value.is_empty() && required {
        "required"
    } else if value.chars().count() > max {
        "too_long"
    } else {
        return value.to_string();
    };
    problems.push(Problem { field, problem });
    String::new()
}

fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// Checks every field of a registration and lists every problem. The design, goal, benefit
/// and result may wait until the innovation is tried; the rest may not.
pub fn validate(draft: &InnovationDraft) -> Result<Innovation, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut check =
        |field, value: &str, max, required| checked(&mut problems, field, value, max, required);
    let title = check("title", &draft.title, MAX_TITLE_CHARS, true);
    let problem = check("problem", &draft.problem, MAX_TEXT_CHARS, true);
    let change = check("change", &draft.change, MAX_TEXT_CHARS, true);
    let affair = check("affair", &draft.affair, MAX_TITLE_CHARS, false);
    let design = check("design", &draft.design, MAX_TEXT_CHARS, false);
    let goal = check("goal", &draft.goal, MAX_TEXT_CHARS, false);
    let benefit = check("benefit", &draft.benefit, MAX_TEXT_CHARS, false);
    let result = check("result", &draft.result, MAX_TEXT_CHARS, false);
    let mut problem_at =
        |field: &'static str, problem: &'static str| problems.push(Problem { field, problem });
    let mut elements = Vec::new();
    for code in &draft.elements {
        match Element::ALL.into_iter().find(|e| e.code() == code.trim()) {
            Some(e) => elements.push(e),
            None => problem_at("elements", "unknown"),
        }
    }
    elements.sort();
    elements.dedup();
    if draft.elements.is_empty() {
        problem_at("elements", "required");
    }
    let initiator = Initiator::from_code(draft.initiator.trim());
    if initiator.is_none() {
        problem_at("initiator", "required");
    }
    let form = Form::from_code(draft.form.trim());
    if form.is_none() {
        problem_at("form", "required");
    }
    let sdgs = crate::sdg::parse_list(&draft.sdgs).unwrap_or_else(|known| {
        problem_at("sdgs", "unknown");
        known
    });
    let mut groups = Vec::new();
    for code in &draft.groups {
        match Group::from_code(code.trim()) {
            Some(g) => groups.push(g),
            None => problem_at("groups", "unknown"),
        }
    }
    groups.sort();
    groups.dedup();
    let mut team: Vec<String> = Vec::new();
    for nip in items(&draft.team) {
        if crate::org::valid_nip(nip) {
            team.push(nip.to_string());
        } else {
            problem_at("team", "not_a_nip");
        }
    }
    team.sort();
    team.dedup();
    match (initiator, form) {
        (Some(initiator), Some(form)) if problems.is_empty() => Ok(Innovation {
            title,
            problem,
            change,
            elements,
            initiator,
            form,
            digital: draft.digital,
            affair,
            design,
            goal,
            benefit,
            result,
            sdgs,
            groups,
            team,
        }),
        _ => Err(problems),
    }
}

/// A partner as a form sent it.
#[derive(Clone, Debug, Default)]
pub struct PartnerDraft {
    pub name: String,
    pub kind: String,
    pub role: String,
    /// Rupiah as typed (`Rp25.000.000`), or empty.
    pub amount: String,
    /// What was given in kind, or empty.
    pub in_kind: String,
}

/// Who helped make the innovation and what they gave: money, something in kind, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub name: String,
    pub kind: PartnerKind,
    pub role: String,
    pub amount: Option<u64>,
    pub in_kind: Option<String>,
}

pub fn validate_partner(draft: &PartnerDraft) -> Result<Partner, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut check =
        |field, value: &str, max, required| checked(&mut problems, field, value, max, required);
    let name = check("name", &draft.name, MAX_TITLE_CHARS, true);
    let role = check("role", &draft.role, MAX_TITLE_CHARS, true);
    let in_kind = check("in_kind", &draft.in_kind, MAX_TITLE_CHARS, false);
    let kind = PartnerKind::from_code(draft.kind.trim());
    if kind.is_none() {
        problems.push(Problem {
            field: "kind",
            problem: "required",
        });
    }
    let amount = match draft.amount.trim() {
        "" => None,
        typed => {
            // A thousand trillion rupiah is beyond any partner; more is a typing slip.
            let amount = crate::tpp::inputs::parse_rupiah(typed).filter(|a| *a <= MAX_CONTRIBUTION);
            if amount.is_none() {
                problems.push(Problem {
                    field: "amount",
                    problem: "not_rupiah",
                });
            }
            amount
        }
    };
    if amount.is_none() && in_kind.is_empty() && problems.is_empty() {
        problems.push(Problem {
            field: "amount",
            problem: "no_contribution",
        });
    }
    match kind {
        Some(kind) if problems.is_empty() => Ok(Partner {
            name,
            kind,
            role,
            amount,
            in_kind: (!in_kind.is_empty()).then_some(in_kind),
        }),
        _ => Err(problems),
    }
}

/// The kinds of evidence file accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum EvidenceType {
    Pdf,
    Jpeg,
    Png,
}

impl EvidenceType {
    pub fn content_type(self) -> &'static str {
        match self {
            EvidenceType::Pdf => "application/pdf",
            EvidenceType::Jpeg => "image/jpeg",
            EvidenceType::Png => "image/png",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<EvidenceType> {
        [EvidenceType::Pdf, EvidenceType::Jpeg, EvidenceType::Png]
            .into_iter()
            .find(|t| t.content_type() == content_type)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EvidenceError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than 5 MB")]
    TooLarge,
    #[error("only PDF, JPEG and PNG files are accepted")]
    NotAccepted,
}

/// The file's type from its first bytes (what a browser says is not trusted).
pub fn check_evidence(bytes: &[u8]) -> Result<EvidenceType, EvidenceError> {
    if bytes.is_empty() {
        Err(EvidenceError::Empty)
    } else if bytes.len() > MAX_EVIDENCE_BYTES {
        Err(EvidenceError::TooLarge)
    } else if bytes.starts_with(b"%PDF-") {
        Ok(EvidenceType::Pdf)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(EvidenceType::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(EvidenceType::Png)
    } else {
        Err(EvidenceError::NotAccepted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn draft() -> InnovationDraft {
        InnovationDraft {
            title: "Antrean daring Dukcapil".into(),
            problem: "Warga menunggu berjam-jam".into(),
            change: "Nomor antrean lewat WhatsApp".into(),
            elements: vec!["U3".into(), "U3".into(), "U2".into()],
            initiator: "unit".into(),
            form: "public_service".into(),
            digital: true,
            sdgs: "16.6, 10 16.6".into(),
            groups: vec!["elderly".into(), "women".into()],
            team: "197001012000031001\n197001012000031001".into(),
            ..InnovationDraft::default()
        }
    }

    #[test]
    fn a_complete_registration_is_read_and_tidied() {
        let innovation = validate(&draft()).unwrap();
        assert_eq!(
            innovation.elements,
            vec![Element::Procedure, Element::CompletionTime]
        );
        let sdgs: Vec<String> = innovation.sdgs.iter().map(|s| s.to_string()).collect();
        assert_eq!(sdgs, ["10", "16.6"]);
        assert_eq!(innovation.groups, vec![Group::Women, Group::Elderly]);
        assert_eq!(innovation.team.len(), 1);
    }

    #[test]
    fn every_problem_is_listed() {
        let problems = validate(&InnovationDraft {
            sdgs: "18 3.x".into(),
            groups: vec!["aliens".into()],
            team: "123".into(),
            title: "x".repeat(MAX_TITLE_CHARS + 1),
            ..InnovationDraft::default()
        })
        .unwrap_err();
        let fields: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.problem)).collect();
        for expected in [
            ("title", "too_long"),
            ("problem", "required"),
            ("change", "required"),
            ("elements", "required"),
            ("initiator", "required"),
            ("form", "required"),
            ("sdgs", "unknown"),
            ("groups", "unknown"),
            ("team", "not_a_nip"),
        ] {
            assert!(fields.contains(&expected), "{expected:?} in {fields:?}");
        }
    }

    #[test]
    fn a_partner_gives_money_or_something_in_kind() {
        let mut partner = PartnerDraft {
            name: "Universitas Brawijaya".into(),
            kind: "university".into(),
            role: "Desain layanan".into(),
            amount: "Rp25.000.000".into(),
            in_kind: String::new(),
        };
        assert_eq!(validate_partner(&partner).unwrap().amount, Some(25_000_000));
        partner.amount.clear();
        let problems = validate_partner(&partner).unwrap_err();
        assert_eq!(problems[0].problem, "no_contribution");
        partner.in_kind = "Pendampingan mahasiswa".into();
        assert!(validate_partner(&partner).is_ok());
        partner.amount = "Rp9.999.999.999.999.999.999".into();
        assert_eq!(
            validate_partner(&partner).unwrap_err()[0].problem,
            "not_rupiah"
        );
        partner.kind = "alien".into();
        partner.amount = "banyak".into();
        let problems = validate_partner(&partner).unwrap_err();
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn evidence_is_known_by_its_bytes() {
        assert_eq!(check_evidence(b"%PDF-1.7\n"), Ok(EvidenceType::Pdf));
        assert_eq!(
            check_evidence(b"\x89PNG\r\n\x1a\n...."),
            Ok(EvidenceType::Png)
        );
        assert_eq!(
            check_evidence(b"<html>%PDF-"),
            Err(EvidenceError::NotAccepted)
        );
        assert_eq!(check_evidence(b""), Err(EvidenceError::Empty));
        assert_eq!(
            check_evidence(&vec![b'%'; MAX_EVIDENCE_BYTES + 1]),
            Err(EvidenceError::TooLarge)
        );
        for t in [EvidenceType::Pdf, EvidenceType::Jpeg, EvidenceType::Png] {
            assert_eq!(EvidenceType::from_content_type(t.content_type()), Some(t));
        }
    }

    #[test]
    fn codes_read_back() {
        for kind in PartnerKind::ALL {
            assert_eq!(PartnerKind::from_code(kind.code()), Some(*kind));
        }
        for i in Indicator::ALL {
            assert_eq!(Indicator::from_code(i.code()), Some(*i));
        }
    }

    proptest! {
        #[test]
        fn any_typed_text_gives_a_registration_or_problems_never_a_panic(
            title in ".{0,200}", sdgs in ".{0,40}", team in "[0-9 ,]{0,60}",
            elements in proptest::collection::vec("U[0-9]{1,2}", 0..4),
        ) {
            let draft = InnovationDraft {
                title, sdgs, team, elements,
                problem: "p".into(), change: "c".into(),
                initiator: "officer".into(), form: "other".into(),
                ..InnovationDraft::default()
            };
            match validate(&draft) {
                Ok(i) => {
                    prop_assert!(!i.title.is_empty() && !i.elements.is_empty());
                    prop_assert!(i.sdgs.iter().all(|s| (1..=17).contains(&s.goal)));
                    prop_assert!(i.team.iter().all(|n| crate::org::valid_nip(n)));
                }
                Err(problems) => prop_assert!(!problems.is_empty()),
            }
        }
    }
}
