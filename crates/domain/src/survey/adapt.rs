//! A survey a regency adapts per service: each of the nine elements asked in the service's
//! own plain words (the element and its 1–4 scale stay fixed, so the IKM measures the same
//! thing everywhere), and a few extra questions whose answers are stored and exported but
//! never enter the IKM, the totals or pay.

use crate::skm::ELEMENT_COUNT;

use super::{blank_to_none, clean_text, mask_contact_details, FieldError, Problem};

/// Longest wording of one element, in characters.
pub const WORDING_MAX_CHARS: usize = 300;
/// Extra questions per service: a few, so the survey stays short.
pub const MAX_EXTRA_QUESTIONS: usize = 3;
/// Longest extra question, in characters.
pub const QUESTION_MAX_CHARS: usize = 200;
/// A choice question offers this many answers.
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 6;
pub const OPTION_MAX_CHARS: usize = 80;
/// Longest answer to an extra question, in characters.
pub const EXTRA_ANSWER_MAX_CHARS: usize = 300;

/// How an extra question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExtraKind {
    /// A short answer in the respondent's words.
    Text,
    /// One of the listed answers.
    Choice,
}

impl ExtraKind {
    pub const ALL: [ExtraKind; 2] = [ExtraKind::Text, ExtraKind::Choice];

    pub fn code(self) -> &'static str {
        match self {
            ExtraKind::Text => "text",
            ExtraKind::Choice => "choice",
        }
    }

    pub fn from_code(code: &str) -> Option<ExtraKind> {
        ExtraKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// An extra question as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraQuestion {
    pub text: String,
    pub kind: ExtraKind,
    /// The answers offered (choice questions only).
    pub options: Vec<String>,
}

/// How one service asks its survey; the default is the regulation's wording and no extras.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adaptation {
    /// Per element, the service's own wording, or `None` for the standard question.
    pub wording: [Option<String>; ELEMENT_COUNT],
    pub extra: Vec<ExtraQuestion>,
}

impl Adaptation {
    pub fn is_standard(&self) -> bool {
        self.wording.iter().all(Option::is_none) && self.extra.is_empty()
    }
}

/// An extra question as typed on the staff form: the options one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraDraft {
    pub text: String,
    pub kind: String,
    pub options: String,
}

/// Why an adaptation was refused; `number` counts from 1 (element or extra question).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AdaptProblem {
    #[error("the wording of element {number} is longer than {WORDING_MAX_CHARS} characters")]
    WordingTooLong { number: usize },
    #[error("extra question {number} is longer than {QUESTION_MAX_CHARS} characters")]
    QuestionTooLong { number: usize },
    #[error("extra question {number} has no known way of answering")]
    UnknownKind { number: usize },
    #[error("extra question {number} needs {MIN_OPTIONS} to {MAX_OPTIONS} different answers, one per line")]
    Options { number: usize },
    #[error("an answer of extra question {number} is longer than {OPTION_MAX_CHARS} characters")]
    OptionTooLong { number: usize },
    #[error("at most {MAX_EXTRA_QUESTIONS} extra questions")]
    TooManyQuestions,
}

/// Checks a staff form: blank wording keeps the standard question, a blank extra question
/// is left out; every problem is listed.
pub fn adapt(
    wording: [String; ELEMENT_COUNT],
    extra: Vec<ExtraDraft>,
) -> Result<Adaptation, Vec<AdaptProblem>> {
    let mut problems = Vec::new();
    let wording = wording
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let text = one_line(&text)?;
            if text.chars().count() > WORDING_MAX_CHARS {
                problems.push(AdaptProblem::WordingTooLong { number: i + 1 });
            }
            Some(text)
        })
        .collect::<Vec<_>>();
    if extra.iter().filter(|d| one_line(&d.text).is_some()).count() > MAX_EXTRA_QUESTIONS {
        problems.push(AdaptProblem::TooManyQuestions);
    }
    let mut questions = Vec::new();
    for (i, draft) in extra.into_iter().enumerate() {
        let number = i + 1;
        let Some(text) = one_line(&draft.text) else {
            continue;
        };
        if text.chars().count() > QUESTION_MAX_CHARS {
            problems.push(AdaptProblem::QuestionTooLong { number });
        }
        let Some(kind) = ExtraKind::from_code(draft.kind.trim()) else {
            problems.push(AdaptProblem::UnknownKind { number });
            continue;
        };
        let mut options: Vec<String> = Vec::new();
        if kind == ExtraKind::Choice {
            for option in draft.options.lines().filter_map(one_line) {
                if option.chars().count() > OPTION_MAX_CHARS {
                    problems.push(AdaptProblem::OptionTooLong { number });
                }
                if !options.contains(&option) {
                    options.push(option);
                }
            }
            if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&options.len()) {
                problems.push(AdaptProblem::Options { number });
            }
        }
        questions.push(ExtraQuestion {
            text,
            kind,
            options,
        });
    }
    problems.dedup();
    match problems.is_empty() {
        true => Ok(Adaptation {
            wording: std::array::from_fn(|i| wording[i].clone()),
            extra: questions,
        }),
        false => Err(problems),
    }
}

/// Trimmed, with inner line breaks and runs of spaces made one space; `None` when blank.
fn one_line(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// One answer to an extra question, as a client sends it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ExtraAnswerDraft {
    /// The extra question's number, as `GET /api/v1/units/{unit}/survey` lists it.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true, minimum = 1))]
    pub question: Option<i64>,
    /// The answer: for a choice question, one of its answers word for word; blank = not
    /// answered.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub answer: Option<String>,
}

/// A checked answer to an extra question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraAnswer {
    pub question_id: i64,
    pub answer: String,
}

/// Most extra answers one response carries (a client sending more is refused).
const MAX_EXTRA_ANSWERS: usize = 10;

/// The extra answers of a response: blank ones are dropped, contact details masked as in
/// the suggestion. Whether each question belongs to the service is checked where the
/// questions are known.
pub(super) fn validate_extra(
    drafts: Option<Vec<ExtraAnswerDraft>>,
    errors: &mut Vec<FieldError>,
) -> Vec<ExtraAnswer> {
    let drafts = drafts.unwrap_or_default();
    if drafts.len() > MAX_EXTRA_ANSWERS {
        errors.push(FieldError::new(
            "extra",
            Problem::TooLong {
                max_chars: MAX_EXTRA_ANSWERS,
            },
        ));
        return Vec::new();
    }
    let mut answers: Vec<ExtraAnswer> = Vec::new();
    for (i, draft) in drafts.into_iter().enumerate() {
        let Some(text) = blank_to_none(draft.answer) else {
            continue;
        };
        let question_id = match draft.question {
            Some(id) if id > 0 => id,
            Some(_) => {
                errors.push(FieldError::new(
                    format!("extra[{i}].question"),
                    Problem::Unknown,
                ));
                continue;
            }
            None => {
                errors.push(FieldError::new(
                    format!("extra[{i}].question"),
                    Problem::Required,
                ));
                continue;
            }
        };
        if answers.iter().any(|a| a.question_id == question_id) {
            errors.push(FieldError::new(
                format!("extra[{i}].question"),
                Problem::Repeated,
            ));
            continue;
        }
        if text.chars().count() > EXTRA_ANSWER_MAX_CHARS {
            errors.push(FieldError::new(
                format!("extra[{i}].answer"),
                Problem::TooLong {
                    max_chars: EXTRA_ANSWER_MAX_CHARS,
                },
            ));
            continue;
        }
        answers.push(ExtraAnswer {
            question_id,
            answer: mask_contact_details(&clean_text(&text)),
        });
    }
    answers
}

/// Whether `answer` answers `question`: a choice must be one of its answers.
pub fn answers_question(question: &ExtraQuestion, answer: &str) -> bool {
    match question.kind {
        ExtraKind::Text => true,
        ExtraKind::Choice => question.options.iter().any(|o| o == answer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn blank_wording() -> [String; ELEMENT_COUNT] {
        std::array::from_fn(|_| String::new())
    }

    fn choice(text: &str, options: &str) -> ExtraDraft {
        ExtraDraft {
            text: text.into(),
            kind: "choice".into(),
            options: options.into(),
        }
    }

    #[test]
    fn blank_keeps_the_standard_survey() {
        let adapted = adapt(blank_wording(), vec![ExtraDraft::default(); 3]).unwrap();
        assert!(adapted.is_standard());
    }

    #[test]
    fn wording_and_questions_are_tidied() {
        let mut wording = blank_wording();
        wording[0] = "  Apakah syarat   mengurus KTP\n mudah dipenuhi? ".into();
        let adapted = adapt(
            wording,
            vec![choice(
                "Dari mana Anda tahu layanan ini?",
                "Teman\n\n  Media sosial \nTeman\nSpanduk",
            )],
        )
        .unwrap();
        assert_eq!(
            adapted.wording[0].as_deref(),
            Some("Apakah syarat mengurus KTP mudah dipenuhi?")
        );
        assert_eq!(
            adapted.extra[0].options,
            ["Teman", "Media sosial", "Spanduk"]
        );
    }

    #[test]
    fn every_problem_is_listed() {
        let mut wording = blank_wording();
        wording[4] = "x".repeat(WORDING_MAX_CHARS + 1);
        let problems = adapt(
            wording,
            vec![
                choice("Satu?", "Hanya satu"),
                ExtraDraft {
                    text: "Dua?".into(),
                    kind: "essay".into(),
                    options: String::new(),
                },
                choice("Tiga?", "ya\ntidak"),
                choice("Empat?", "ya\ntidak"),
            ],
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                AdaptProblem::WordingTooLong { number: 5 },
                AdaptProblem::TooManyQuestions,
                AdaptProblem::Options { number: 1 },
                AdaptProblem::UnknownKind { number: 2 },
            ]
        );
    }

    #[test]
    fn extra_answers_are_checked_and_masked() {
        let mut errors = Vec::new();
        let answers = validate_extra(
            Some(vec![
                ExtraAnswerDraft {
                    question: Some(4),
                    answer: Some(" hubungi 081234567890 ".into()),
                },
                ExtraAnswerDraft {
                    question: Some(5),
                    answer: Some("   ".into()),
                },
                ExtraAnswerDraft {
                    question: Some(4),
                    answer: Some("lagi".into()),
                },
                ExtraAnswerDraft {
                    question: None,
                    answer: Some("tanpa nomor".into()),
                },
            ]),
            &mut errors,
        );
        assert_eq!(answers.len(), 1);
        assert!(!answers[0].answer.contains("081234567890"));
        assert_eq!(
            errors,
            [
                FieldError::new("extra[2].question", Problem::Repeated),
                FieldError::new("extra[3].question", Problem::Required),
            ]
        );
    }

    #[test]
    fn a_choice_is_answered_word_for_word() {
        let question = ExtraQuestion {
            text: "Tahu dari mana?".into(),
            kind: ExtraKind::Choice,
            options: vec!["Teman".into(), "Spanduk".into()],
        };
        assert!(answers_question(&question, "Teman"));
        assert!(!answers_question(&question, "teman"));
    }

    proptest! {
        #[test]
        fn adapting_never_panics_and_respects_the_limits(
            wording in proptest::collection::vec(".{0,320}", ELEMENT_COUNT),
            texts in proptest::collection::vec((".{0,210}", "(text|choice|x)", "(.{0,90}\n){0,8}"), 0..5),
        ) {
            let wording: [String; ELEMENT_COUNT] = std::array::from_fn(|i| wording[i].clone());
            let extra = texts
                .into_iter()
                .map(|(text, kind, options)| ExtraDraft { text, kind, options })
                .collect();
            if let Ok(adapted) = adapt(wording, extra) {
                prop_assert!(adapted.extra.len() <= MAX_EXTRA_QUESTIONS);
                for text in adapted.wording.iter().flatten() {
                    prop_assert!(text.chars().count() <= WORDING_MAX_CHARS);
                }
                for question in &adapted.extra {
                    prop_assert!(question.kind == ExtraKind::Text
                        || (MIN_OPTIONS..=MAX_OPTIONS).contains(&question.options.len()));
                }
            }
        }
    }
}
