//! A unit's past SKM from another tool (a Google Forms or LimeSurvey export, CSV or xlsx):
//! read with a mapping of its columns to the nine elements and of its answers to ratings,
//! into monthly tallies for the unit's trend.
//!
//! The mapping is guessed from the headers and the answers the regulation's questionnaire
//! uses, then shown to a person to correct; [`plan`] is the dry run, listing every problem.
//! History is a trend line only: it is not evidence, so it never enters the signed log, pay
//! or a published IKM. Only the date and the nine answers are read, so names, e-mail
//! addresses and free text in the export are never kept (UU 27/2022).

use std::collections::BTreeMap;

use super::answers::{Answers, Rating};
use super::element::ELEMENT_COUNT;
use super::score::Tally;
use crate::period::Month;
use crate::reason::Reason;
use crate::spreadsheet::{as_csv, csv_reader, describe_csv_error};

/// The export as read: its headers and its rows, with the line each starts on.
#[derive(Debug, Clone)]
pub struct Export {
    pub headers: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

/// A file that cannot be read as an export at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    pub line: u64,
    pub reason: Reason,
}

impl Export {
    pub fn read(bytes: &[u8]) -> Result<Export, ExportError> {
        let at = |line: u64, reason: Reason| ExportError { line, reason };
        let csv = as_csv(bytes).map_err(|e| at(1, Reason::Workbook(e)))?;
        let mut reader = csv_reader(&csv);
        let csv_error = |e: csv::Error| {
            let (line, problem) = describe_csv_error(&e);
            at(line.unwrap_or(1), Reason::Csv(problem))
        };
        let headers: Vec<String> = reader
            .headers()
            .map_err(csv_error)?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        if headers.iter().all(String::is_empty) {
            return Err(at(1, Reason::IsEmpty));
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(csv_error)?;
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record.iter().map(|c| c.trim().to_string()).collect()));
        }
        Ok(Export { headers, rows })
    }

    pub fn rows(&self) -> usize {
        self.rows.len()
    }
}

/// How the export writes a date whose year is last: 14/03/2025 (Indonesian) or 3/14/2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// What a person decided an answer means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Rating(Rating),
    NotAnswered,
}

/// Which column holds the date and each element, and what unusual answers mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub date: Option<usize>,
    /// `None` until the values or a person tell (every day 12 or less, year last).
    pub order: Option<DateOrder>,
    pub elements: [Option<usize>; ELEMENT_COUNT],
    /// By [`answer_key`]: answers the regulation's wording does not cover.
    pub answers: BTreeMap<String, Choice>,
}

/// Header words that name the date column, in the languages the tools export in.
const DATE_HEADERS: [&str; 7] = [
    "timestamp",
    "stempel waktu",
    "submitdate",
    "tanggal",
    "waktu pengisian",
    "date submitted",
    "date",
];

/// Words of the questionnaire that name each element, most telling first.
const ELEMENT_WORDS: [&[&str]; ELEMENT_COUNT] = [
    &["persyaratan"],
    &["prosedur", "mekanisme", "alur"],
    &[
        "waktu penyelesaian",
        "kecepatan",
        "ketepatan waktu",
        "waktu",
    ],
    &["biaya", "tarif"],
    &["produk", "spesifikasi"],
    &["kompetensi", "kemampuan"],
    &["perilaku", "kesopanan", "keramahan"],
    &["pengaduan"],
    &["sarana", "prasarana", "fasilitas"],
];

/// The mapping the headers and values suggest: columns coded U1…U9 (LimeSurvey) or whose
/// question names the element (Google Forms), and the date order its values allow.
pub fn guess(export: &Export) -> Mapping {
    let names: Vec<String> = export.headers.iter().map(|h| h.to_lowercase()).collect();
    let date = DATE_HEADERS
        .iter()
        .find_map(|word| names.iter().position(|n| n.contains(word)));
    let mut elements = [None; ELEMENT_COUNT];
    let taken =
        |elements: &[Option<usize>], i: usize| date == Some(i) || elements.contains(&Some(i));
    for (i, name) in names.iter().enumerate() {
        if let Some(element) = element_code(name) {
            if elements[element].is_none() && !taken(&elements, i) {
                elements[element] = Some(i);
            }
        }
    }
    for (element, words) in ELEMENT_WORDS.iter().enumerate() {
        for word in *words {
            if elements[element].is_some() {
                break;
            }
            elements[element] =
                (0..names.len()).find(|&i| has_word(&names[i], word) && !taken(&elements, i));
        }
    }
    let order = date.map_or(Some(DateOrder::DayFirst), |column| {
        guess_order(export.rows.iter().filter_map(|(_, row)| row.get(column)))
    });
    Mapping {
        date,
        order,
        elements,
        answers: BTreeMap::new(),
    }
}

/// `U3`, `u3.`, `U3 Waktu…`, `SKM[U3]`: the element a LimeSurvey-style code names.
fn element_code(name: &str) -> Option<usize> {
    name.match_indices('u').find_map(|(start, _)| {
        if start > 0 && name.as_bytes()[start - 1].is_ascii_alphanumeric() {
            return None;
        }
        let rest = &name[start + 1..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = rest[digits.len()..].chars().next();
        let n: usize = digits.parse().ok()?;
        ((1..=ELEMENT_COUNT).contains(&n) && !after.is_some_and(char::is_alphanumeric))
            .then(|| n - 1)
    })
}

/// Day first when some date's first number cannot be a month, month first when its second
/// cannot; `None` when dates with the year last never tell (a person chooses).
fn guess_order<'a>(values: impl Iterator<Item = &'a String>) -> Option<DateOrder> {
    let mut year_last = false;
    for value in values {
        if let [first, second, third, ..] = numbers(value)[..] {
            if third < 1000 {
                continue;
            }
            year_last = true;
            if first > 12 {
                return Some(DateOrder::DayFirst);
            }
            if second > 12 {
                return Some(DateOrder::MonthFirst);
            }
        }
    }
    (!year_last).then_some(DateOrder::DayFirst)
}

/// Whether `word` starts a word of `name` ("alur" in "alur pelayanan", not in "jalur").
fn has_word(name: &str, word: &str) -> bool {
    name.match_indices(word).any(|(i, _)| {
        i == 0
            || !name[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

fn numbers(value: &str) -> Vec<u32> {
    value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .map(|s| s.parse().unwrap_or(u32::MAX))
        .collect()
}

/// The month of a date as the tools write it: 2025-03-14 (ISO, LimeSurvey), 14/03/2025 or
/// 3/14/2025 (Google Forms, by the form's locale), a time after it ignored.
pub fn month_of(value: &str, order: DateOrder) -> Option<Month> {
    let (year, month) = match numbers(value)[..] {
        [year, month, _] if year >= 1000 => (year, month),
        [first, second, year] if year >= 1000 => match order {
            DateOrder::DayFirst => (year, second),
            DateOrder::MonthFirst => (year, first),
        },
        _ => return None,
    };
    if !(2000..=9999).contains(&year) {
        return None;
    }
    Month::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?)
}

/// An answer as compared: lowercase, single spaces, no list letter or trailing stop.
pub fn answer_key(value: &str) -> String {
    let words: Vec<&str> = value.split_whitespace().collect();
    let mut key = words.join(" ").to_lowercase();
    // "a. Tidak sesuai", "b) Kurang sesuai": a form's option letters.
    let bytes = key.as_bytes();
    if bytes.len() > 3 && (b'a'..=b'd').contains(&bytes[0]) && matches!(bytes[1], b'.' | b')') {
        key = key[2..].trim_start().to_string();
    }
    key.trim_end_matches(['.', '!']).to_string()
}

/// The four answers of each element in PermenPANRB 14/2017's questionnaire, worst first.
const OWN_WORDING: [[&str; 4]; ELEMENT_COUNT] = [
    ["tidak sesuai", "kurang sesuai", "sesuai", "sangat sesuai"],
    ["tidak mudah", "kurang mudah", "mudah", "sangat mudah"],
    ["tidak cepat", "kurang cepat", "cepat", "sangat cepat"],
    ["sangat mahal", "cukup mahal", "murah", "gratis"],
    ["tidak sesuai", "kurang sesuai", "sesuai", "sangat sesuai"],
    [
        "tidak kompeten",
        "kurang kompeten",
        "kompeten",
        "sangat kompeten",
    ],
    [
        "tidak sopan dan ramah",
        "kurang sopan dan ramah",
        "sopan dan ramah",
        "sangat sopan dan ramah",
    ],
    [
        "tidak ada",
        "ada tetapi tidak berfungsi",
        "berfungsi kurang maksimal",
        "dikelola dengan baik",
    ],
    ["buruk", "cukup", "baik", "sangat baik"],
];

/// Scales a form may use for any element, read the same way wherever they appear. A word
/// whose value depends on its scale ("buruk" is 1 of four, or 2 after "sangat buruk"; "tidak
/// ada" is the worst complaint handling but a free service) is an element's own or a person's
/// to say.
const ANY_ELEMENT: [[&str; 4]; 4] = [
    ["tidak sesuai", "kurang sesuai", "sesuai", "sangat sesuai"],
    ["tidak baik", "kurang baik", "baik", "sangat baik"],
    ["tidak puas", "kurang puas", "puas", "sangat puas"],
    ["tidak setuju", "kurang setuju", "setuju", "sangat setuju"],
];

/// The number an answer starts with: `4`, `4 - Sangat baik`, `4. Sangat sesuai`, LimeSurvey's
/// `A4`; `None` for text or a decimal (`2,5`).
fn leading_number(key: &str) -> Option<u32> {
    let digits = key
        .strip_prefix('a')
        .filter(|r| r.len() == 1)
        .unwrap_or(key);
    let run: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let mut rest = digits[run.len()..].chars();
    let decimal = match rest.next() {
        Some(',') => true,
        Some('.') => rest.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    if decimal {
        return None;
    }
    run.parse().ok()
}

/// What the answer to `element` means without a person's word: not answered (empty, "-",
/// *tidak menjawab*), a number 1–4 while the file's numbers keep to that scale
/// (`numbers_on_scale`), the element's own wording, then a scale any element may use. `None`
/// when a person must say.
pub fn known_answer(key: &str, element: usize, numbers_on_scale: bool) -> Option<Choice> {
    const NOT_ANSWERED: [&str; 6] = ["", "-", "tidak menjawab", "n/a", "na", "tidak tahu"];
    if NOT_ANSWERED.contains(&key) {
        return Some(Choice::NotAnswered);
    }
    if let Some(number) = leading_number(key) {
        return numbers_on_scale
            .then(|| Rating::new(i64::from(number)))
            .flatten()
            .map(Choice::Rating);
    }
    OWN_WORDING
        .get(element)
        .into_iter()
        .chain(&ANY_ELEMENT)
        .find_map(|scale| scale.iter().position(|w| *w == key))
        .and_then(|i| Rating::new(i as i64 + 1))
        .map(Choice::Rating)
}

/// A row the dry run refuses, with the column as its header reads (if one is to blame).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub column: Option<String>,
    pub reason: Reason,
}

/// An answer no rule knows, for a person to give its rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub key: String,
    /// As first written in the file.
    pub value: String,
    pub count: u64,
    pub first_line: u64,
}

/// The dry run: what an import would add, month by month, and everything that stops it.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub months: BTreeMap<Month, Tally>,
    pub problems: Vec<Problem>,
    pub unknown: Vec<Unknown>,
    /// Rows with no element answered: not responses, skipped.
    pub empty_rows: u64,
    /// Rows without a date (unfinished responses, in LimeSurvey): skipped.
    pub undated_rows: u64,
}

impl Plan {
    pub fn responses(&self) -> u64 {
        self.months.values().map(Tally::responses).sum()
    }

    /// Whether the import may go ahead: something to add and nothing refused.
    pub fn is_ready(&self) -> bool {
        self.problems.is_empty() && self.unknown.is_empty() && !self.months.is_empty()
    }
}

/// Whether every number in the element columns is 1–4. A file scored 1–5 (or 0–10) has
/// numbers off the SKM scale: then no number is taken as it stands, a person gives each its
/// value.
fn numbers_keep_to_scale(export: &Export, columns: &[(usize, usize)]) -> bool {
    export.rows.iter().all(|(_, row)| {
        columns.iter().all(|&(_, c)| {
            let key = answer_key(row.get(c).map_or("", String::as_str));
            leading_number(&key).is_none_or(|n| (1..=4).contains(&n))
        })
    })
}

/// Reads every row with the mapping. Months from `current` on are refused: history is what
/// came before; the survey itself counts this month.
pub fn plan(export: &Export, mapping: &Mapping, current: Month) -> Plan {
    let mut plan = Plan::default();
    let header = |i: usize| export.headers.get(i).cloned().unwrap_or_default();
    let whole = |reason: Reason| Problem {
        line: 1,
        column: None,
        reason,
    };
    let Some(date_column) = mapping.date.filter(|&i| i < export.headers.len()) else {
        plan.problems.push(whole(Reason::ChooseDateColumn));
        return plan;
    };
    let columns: Vec<(usize, usize)> = mapping
        .elements
        .iter()
        .enumerate()
        .filter_map(|(e, c)| c.filter(|&c| c < export.headers.len()).map(|c| (e, c)))
        .collect();
    if columns.is_empty() {
        plan.problems.push(whole(Reason::ChooseElementColumns));
        return plan;
    }
    for (i, &(_, column)) in columns.iter().enumerate() {
        if column == date_column || columns[..i].iter().any(|&(_, c)| c == column) {
            plan.problems.push(Problem {
                line: 1,
                column: Some(header(column)),
                reason: Reason::ColumnChosenTwice,
            });
        }
    }
    let Some(order) = mapping.order else {
        plan.problems.push(whole(Reason::ChooseDateOrder));
        return plan;
    };
    if !plan.problems.is_empty() {
        return plan;
    }
    let numbers_on_scale = numbers_keep_to_scale(export, &columns);
    let mut unknown: BTreeMap<String, Unknown> = BTreeMap::new();
    for (line, row) in &export.rows {
        let cell = |i: usize| row.get(i).map_or("", String::as_str);
        let mut ratings = [None; ELEMENT_COUNT];
        let mut unclear = false;
        for &(element, column) in &columns {
            let key = answer_key(cell(column));
            // The wording the element is asked in comes first; a person's word covers the rest.
            match known_answer(&key, element, numbers_on_scale)
                .or_else(|| mapping.answers.get(&key).copied())
            {
                Some(Choice::Rating(r)) => ratings[element] = Some(r),
                Some(Choice::NotAnswered) => {}
                None => {
                    unclear = true;
                    unknown
                        .entry(key.clone())
                        .or_insert_with(|| Unknown {
                            key,
                            value: cell(column).to_string(),
                            count: 0,
                            first_line: *line,
                        })
                        .count += 1;
                }
            }
        }
        let Ok(answers) = Answers::new(ratings) else {
            if !unclear {
                plan.empty_rows += 1;
            }
            continue;
        };
        let date = cell(date_column);
        // LimeSurvey leaves an unfinished response's submission date empty.
        if date.is_empty() {
            plan.undated_rows += 1;
            continue;
        }
        let problem = |reason| Problem {
            line: *line,
            column: Some(header(date_column)),
            reason,
        };
        match month_of(date, order) {
            None => plan.problems.push(problem(Reason::NotADateValue {
                value: date.to_string(),
            })),
            Some(month) if month >= current => {
                plan.problems
                    .push(problem(Reason::NotBeforeThisMonth { month }));
            }
            Some(month) if !unclear => plan.months.entry(month).or_default().add(&answers),
            Some(_) => {}
        }
    }
    plan.unknown = unknown.into_values().collect();
    if plan.months.is_empty() && plan.problems.is_empty() && plan.unknown.is_empty() {
        plan.problems.push(whole(Reason::NothingToImport));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOGLE: &str = "Stempel waktu,Nama (boleh kosong),Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?,Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?,Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?,Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?,Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?,Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?,Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?,Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?,Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?,Kritik dan saran
14/03/2025 10:22:33,Budi,Sangat sesuai,Mudah,Cepat,Gratis,Sesuai,Kompeten,Sopan dan ramah,Baik,Dikelola dengan baik,Bagus
2/04/2025 08:01:10,,Sesuai,Sangat mudah,Kurang cepat,Gratis,Sesuai,Sangat kompeten,Sangat sopan dan ramah,Cukup,Berfungsi kurang maksimal,
";

    fn export(text: &str) -> Export {
        Export::read(text.as_bytes()).unwrap()
    }

    #[test]
    fn a_google_forms_export_maps_itself() {
        let export = export(GOOGLE);
        let mapping = guess(&export);
        assert_eq!(mapping.date, Some(0));
        // Sarana (U9) comes before pengaduan (U8) in this form.
        assert_eq!(
            mapping.elements,
            [
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                Some(10),
                Some(9)
            ]
        );
        assert_eq!(mapping.order, Some(DateOrder::DayFirst));
        let plan = plan(&export, &mapping, Month::new(2026, 1).unwrap());
        assert!(plan.is_ready(), "{plan:?}");
        assert_eq!(plan.responses(), 2);
        let march = &plan.months[&Month::new(2025, 3).unwrap()];
        assert_eq!(march.sums(), &[4, 3, 3, 4, 3, 3, 3, 4, 3]);
        assert!(plan.months.contains_key(&Month::new(2025, 4).unwrap()));
    }

    #[test]
    fn limesurvey_codes_and_iso_dates() {
        let export = export("id,submitdate,lastpage,U1,U2,U3,U4,U5,U6,U7,U8,U9\n1,2024-11-30 23:10:00,2,A4,A3,A3,A4,A3,,A2,A3,A3\n2,,1,,,,,,,,,\n");
        let mapping = guess(&export);
        assert_eq!(mapping.date, Some(1));
        assert_eq!(mapping.elements[0], Some(3));
        assert_eq!(mapping.elements[8], Some(11));
        let plan = plan(&export, &mapping, Month::new(2026, 1).unwrap());
        assert!(plan.is_ready(), "{plan:?}");
        assert_eq!(plan.empty_rows, 1);
        let tally = &plan.months[&Month::new(2024, 11).unwrap()];
        assert_eq!(tally.counts()[5], 0, "an empty answer is not answered");
    }

    #[test]
    fn unknown_answers_wait_for_a_person_then_count() {
        let export = export(
            "Timestamp,U1,U2\n3/14/2025 10:00:00,Lumayan,4\n3/15/2025 10:00:00,lumayan ,3\n",
        );
        let mut mapping = guess(&export);
        assert_eq!(mapping.order, Some(DateOrder::MonthFirst));
        let current = Month::new(2026, 1).unwrap();
        let first = plan(&export, &mapping, current);
        assert!(!first.is_ready());
        assert_eq!(first.unknown.len(), 1);
        assert_eq!(first.unknown[0].count, 2);
        assert_eq!(first.unknown[0].value, "Lumayan");
        assert!(
            first.months.is_empty(),
            "nothing counts while a row is unclear"
        );
        mapping
            .answers
            .insert("lumayan".into(), Choice::Rating(Rating::new(3).unwrap()));
        let second = plan(&export, &mapping, current);
        assert!(second.is_ready());
        assert_eq!(second.months[&Month::new(2025, 3).unwrap()].sums()[0], 6);
    }

    #[test]
    fn every_bad_date_and_this_months_rows_are_listed() {
        let export = export("Tanggal,U1\nkemarin,4\n01/12/2026,4\n05/11/2026,3\n");
        let mut mapping = guess(&export);
        assert_eq!(mapping.order, None, "no day above 12: a person says");
        assert_eq!(
            plan(&export, &mapping, Month::new(2026, 12).unwrap()).problems[0].reason,
            Reason::ChooseDateOrder
        );
        mapping.order = Some(DateOrder::DayFirst);
        let plan = plan(&export, &mapping, Month::new(2026, 12).unwrap());
        let reasons: Vec<_> = plan
            .problems
            .iter()
            .map(|p| (p.line, p.reason.clone()))
            .collect();
        assert_eq!(
            reasons,
            [
                (
                    2,
                    Reason::NotADateValue {
                        value: "kemarin".into()
                    }
                ),
                (
                    3,
                    Reason::NotBeforeThisMonth {
                        month: Month::new(2026, 12).unwrap()
                    }
                ),
            ]
        );
        assert!(!plan.is_ready());
    }

    #[test]
    fn a_column_chosen_twice_is_refused() {
        let export = export("Tanggal,U1\n01/01/2025,4\n");
        let mut mapping = guess(&export);
        mapping.elements[1] = Some(1);
        let plan = plan(&export, &mapping, Month::new(2026, 1).unwrap());
        assert_eq!(plan.problems[0].reason, Reason::ColumnChosenTwice);
        mapping.elements = [None; ELEMENT_COUNT];
        let plan2 = super::plan(&export, &mapping, Month::new(2026, 1).unwrap());
        assert_eq!(plan2.problems[0].reason, Reason::ChooseElementColumns);
    }

    #[test]
    fn answers_as_the_tools_write_them() {
        let rating = |n| Some(Choice::Rating(Rating::new(n).unwrap()));
        for (text, expected) in [
            ("4", rating(4)),
            ("4 - Sangat baik", rating(4)),
            ("1. Tidak sesuai", rating(1)),
            ("A2", rating(2)),
            ("d. Sangat sesuai", rating(4)),
            ("Gratis", rating(4)),
            ("Sangat Mahal", rating(1)),
            ("Tidak menjawab", Some(Choice::NotAnswered)),
            ("", Some(Choice::NotAnswered)),
            ("5", None),
            ("3,5", None),
            ("2.5", None),
            ("12", None),
            ("Lumayan", None),
        ] {
            assert_eq!(known_answer(&answer_key(text), 3, true), expected, "{text}");
        }
        // A word whose value depends on its scale is read on the element's own scale only.
        let (cost, complaints, facilities, time) = (3, 7, 8, 2);
        assert_eq!(known_answer("tidak ada", complaints, true), rating(1));
        assert_eq!(
            known_answer("tidak ada", cost, true),
            None,
            "no fee is not the worst"
        );
        assert_eq!(known_answer("buruk", facilities, true), rating(1));
        assert_eq!(known_answer("buruk", time, true), None);
        assert_eq!(known_answer("sangat baik", time, true), rating(4));
        // On a 1–5 scale no number is read as it stands.
        assert_eq!(known_answer("4", time, false), None);
    }

    #[test]
    fn a_file_scored_one_to_five_asks_for_every_number() {
        let export = export("Timestamp,U1\n2025-01-05,5\n2025-01-06,4\n2025-01-07,1\n");
        let plan = plan(&export, &guess(&export), Month::new(2026, 1).unwrap());
        let asked: Vec<&str> = plan.unknown.iter().map(|u| u.value.as_str()).collect();
        assert_eq!(asked, ["1", "4", "5"]);
    }

    #[test]
    fn guessing_reads_whole_words_and_skips_unfinished_responses() {
        let file = export(
            "id,submitdate,Jalur antrean nyaman?,Alur pelayanan mudah?\n1,2025-02-01,4,3\n2,,4,4\n",
        );
        let mapping = guess(&file);
        assert_eq!(mapping.elements[1], Some(3), "'alur', not 'jalur'");
        let read = plan(&file, &mapping, Month::new(2026, 1).unwrap());
        assert!(read.is_ready(), "{read:?}");
        assert_eq!((read.responses(), read.undated_rows), (1, 1));
        let empty = export("Tanggal,U1\n2025-01-01,\n");
        let nothing = plan(&empty, &guess(&empty), Month::new(2026, 1).unwrap());
        assert_eq!(nothing.problems[0].reason, Reason::NothingToImport);
    }

    #[test]
    fn dates_in_each_form() {
        let m = |y, m| Month::new(y, m);
        assert_eq!(
            month_of("2025-03-14 10:00", DateOrder::DayFirst),
            m(2025, 3)
        );
        assert_eq!(
            month_of("14/03/2025 10:22:33", DateOrder::DayFirst),
            m(2025, 3)
        );
        assert_eq!(
            month_of("3/14/2025 10:22:33", DateOrder::MonthFirst),
            m(2025, 3)
        );
        assert_eq!(
            month_of("2025/03/14 10:22:33 AM GMT+7", DateOrder::MonthFirst),
            m(2025, 3)
        );
        assert_eq!(month_of("14/13/2025", DateOrder::DayFirst), None);
        assert_eq!(month_of("14/03/25", DateOrder::DayFirst), None);
        assert_eq!(month_of("", DateOrder::DayFirst), None);
    }

    #[test]
    fn an_xlsx_export_reads_like_its_csv() {
        use rust_xlsxwriter::Workbook;
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (col, value) in ["Timestamp", "U1"].iter().enumerate() {
            sheet.write_string(0, col as u16, *value).unwrap();
        }
        sheet.write_string(1, 0, "2025-01-05 09:00:00").unwrap();
        sheet.write_number(1, 1, 4.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let export = Export::read(&bytes).unwrap();
        let plan = plan(&export, &guess(&export), Month::new(2026, 1).unwrap());
        assert!(plan.is_ready(), "{plan:?}");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the cells hold, the dry run never panics, and what it counts plus what
            /// it skips or refuses accounts for every row.
            #[test]
            fn every_row_is_counted_skipped_or_refused(cells in proptest::collection::vec(("[0-9/ :-]{0,12}", "[A-Za-z0-9 .]{0,8}"), 0..30)) {
                let mut text = String::from("Tanggal,U1\n");
                for (date, answer) in &cells {
                    text.push_str(&format!("\"{date}\",\"{answer}\"\n"));
                }
                let export = Export::read(text.as_bytes()).unwrap();
                let mut mapping = guess(&export);
                mapping.order = Some(DateOrder::DayFirst);
                let plan = plan(&export, &mapping, Month::new(2026, 1).unwrap());
                let unclear: u64 = plan.unknown.iter().map(|u| u.count).sum();
                let refused = plan.problems.iter().filter(|p| p.line > 1).count() as u64;
                let accounted = plan.responses() + plan.empty_rows + plan.undated_rows + refused + unclear;
                prop_assert_eq!(accounted, cells.len() as u64);
            }
        }
    }
}
