//! Follow-up plans (rencana tindak lanjut): what a unit will do about its weakest elements
//! after a survey period, who is responsible, by when, and how far it has come. Published
//! with the results.

use serde::Serialize;
use time::Date;

use super::Element;
use crate::reason::Reason;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Planned, Status::InProgress, Status::Done];

    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Status::Planned => "Direncanakan",
            Status::InProgress => "Berjalan",
            Status::Done => "Selesai",
        }
    }
}

/// A plan as entered, before checking.
#[derive(Clone, Debug, Default)]
pub struct PlanDraft {
    pub element: String,
    pub action: String,
    pub owner: String,
    pub deadline: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub element: Element,
    pub action: String,
    pub owner: String,
    pub deadline: Date,
}

/// Longest action text, in characters.
pub const MAX_ACTION_CHARS: usize = 1000;

/// Checks a plan; every problem is listed as (field, reason).
pub fn validate(draft: &PlanDraft) -> Result<Plan, Vec<(&'static str, Reason)>> {
    let mut problems = Vec::new();
    let element = Element::ALL
        .into_iter()
        .find(|e| e.code().eq_ignore_ascii_case(draft.element.trim()));
    if element.is_none() {
        problems.push(("element", Reason::ChooseElement));
    }
    let action = draft.action.trim();
    if action.is_empty() {
        problems.push(("action", Reason::Required));
    } else if action.chars().count() > MAX_ACTION_CHARS {
        problems.push(("action", Reason::TooLong));
    }
    let owner = draft.owner.trim();
    if owner.is_empty() {
        problems.push(("owner", Reason::Required));
    }
    let deadline = Date::parse(
        draft.deadline.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok();
    if deadline.is_none() {
        problems.push(("deadline", Reason::NotADate));
    }
    match (element, deadline) {
        (Some(element), Some(deadline)) if problems.is_empty() => Ok(Plan {
            element,
            action: action.to_string(),
            owner: owner.to_string(),
            deadline,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_are_checked() {
        let plan = validate(&PlanDraft {
            element: "U3".into(),
            action: "Menambah loket pada jam sibuk".into(),
            owner: "Kepala Bidang Pelayanan".into(),
            deadline: "2027-03-31".into(),
        })
        .unwrap();
        assert_eq!(plan.element, Element::CompletionTime);
        let problems = validate(&PlanDraft {
            element: "u10".into(),
            deadline: "31/03/2027".into(),
            ..PlanDraft::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.0).collect();
        assert_eq!(fields, ["element", "action", "owner", "deadline"]);
        assert_eq!(problems[3].1.to_string(), "not a date YYYY-MM-DD");
        for status in Status::ALL {
            assert_eq!(Status::from_code(status.code()), Some(status));
        }
    }
}
