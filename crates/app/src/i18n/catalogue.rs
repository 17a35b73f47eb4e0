//! Every text of the pages, named for the code: one constant per message of the
//! reference translation file, `crates/app/locales/id.ftl`, written by the build script
//! (`ACCEPT_2` is the message `accept-2`). Pages write `lang.t(T::KEY)` (with
//! `use crate::i18n::catalogue as T`). The tests below hold every file to the reference.

use super::Text;

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The payroll workbook's labels (`suara_reports::tpp::LABELS`), for its English version.
pub const PAYROLL_SHEET: &[Text] = &[
    SUMMARY,
    NOT_PAID,
    PAYROLL_02,
    STATE,
    DRAFT,
    REVIEWED,
    APPROVED,
    PAYROLL_07,
    PAYROLL_DISCARDED,
    POLICY_VERSION,
    PAYROLL_09,
    PAYROLL_10,
    PAYROLL_11,
    PAYROLL_12,
    PAYROLL_13,
    UNIT_CODE,
    UNIT_2,
    PAYROLL_16,
    PAYROLL_17,
    TOTAL,
    NIP,
    NAME,
    REASON_2,
    POSITION_CLASS,
    PAYROLL_23,
    PAYROLL_24,
    PAYROLL_25,
    PAYROLL_26,
    PAYROLL_27,
    PAYROLL_28,
    SCORE,
    PAYROLL_30,
    PAYROLL_31,
    EVIDENCE_2,
    PAYROLL_33,
    PAYROLL_34,
    PAYROLL_35,
    PAYROLL_36,
    PAYROLL_37,
    PAYROLL_38,
    PAYROLL_39,
    PAYROLL_40,
    PAYROLL_41,
    PAYROLL_42,
];

/// The payable list's labels (`suara_reports::payable::LABELS`), for its English version.
pub const PAYABLE_SHEET: &[Text] = &[
    PAYABLE_SUMMARY,
    PAYABLE_TITLE,
    MONTH,
    PAYROLL_02,
    DEDUCTIONS,
    NO_DEDUCTIONS,
    ROW_NUMBER,
    NAME,
    NIP,
    RANK_GOLONGAN,
    POSITION,
    POSITION_CLASS,
    PAYROLL_23,
    ACHIEVEMENT,
    GROSS_RP,
    NET_RP,
    BANK,
    ACCOUNT_NUMBER,
    SIGNATURE,
    TOTAL,
    UNIT_2,
    OFFICERS,
    ACKNOWLEDGED_BY_THE_UNIT_HEAD,
    TREASURER,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{locales, Lang};
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Names and codes that read the same in both languages.
    const SAME_IN_BOTH: &[&str] = &[
        "Bank",
        "TPP",
        "Braille",
        "Unit ",
        "IKM per unit",
        "IKM per unit (25–100)",
        "Unit",
        "Status",
        "Forum",
        "IKM",
        "NRR",
        "Menu",
        "NIP",
        "API",
        "CSV",
        "Musrena",
        "Musrena Keren",
        "Bappeda",
        "BKPSDM",
        "BPKAD",
        "Administrator",
        "Sektor",
        "Total",
        "Suara",
        "Diploma (D1–D3)",
        "Semester {} {}",
        "{} {}",
        "September",
        "November",
        "April",
        "Volume",
    ];
    /// Words that give a text away as English when found in the Indonesian, and the reverse.
    const ENGLISH: &[&str] = &[" the ", " and ", " of ", " is ", " are ", " with ", " to "];
    const INDONESIAN: &[&str] = &[" yang ", " dan ", " tidak ", " dengan ", " untuk "];

    #[test]
    fn every_text_is_there_in_both_languages_and_worded_in_its_own() {
        let mut problems = Vec::new();
        for text in EVERY_TEXT {
            let (id, en) = (Lang::ID.t(*text), Lang::EN.t(*text));
            if id.trim().is_empty() || en.trim().is_empty() {
                problems.push(format!("empty: {text:?}"));
            }
            if id == en && !SAME_IN_BOTH.contains(&id) && id.chars().any(char::is_alphabetic) {
                problems.push(format!("the same words in both languages: {text:?} {id:?}"));
            }
            let (id, en) = (format!(" {id} "), format!(" {en} "));
            for word in ENGLISH.iter().filter(|w| id.contains(*w)) {
                problems.push(format!("English {word:?} in the Indonesian of {text:?}"));
            }
            for word in INDONESIAN.iter().filter(|w| en.contains(*w)) {
                problems.push(format!("Indonesian {word:?} in the English of {text:?}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Each message's values (`$v1`…), per file: what a translation must keep.
    fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
        let mut out = BTreeMap::new();
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut values = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    variables(pattern, &mut values);
                }
                out.insert(message.id.name.to_string(), values);
            }
        }
        out
    }

    fn variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                match expression {
                    ast::Expression::Inline(inline) => inline_variable(inline, into),
                    ast::Expression::Select { selector, variants } => {
                        inline_variable(selector, into);
                        for variant in variants {
                            variables(&variant.value, into);
                        }
                    }
                }
            }
        }
    }

    fn inline_variable(expression: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
        if let ast::InlineExpression::VariableReference { id } = expression {
            into.insert(id.name.to_string());
        }
    }

    /// A translator's file is complete when it has every message of the reference with as
    /// many of the values the program passes, and nothing the program does not know; it parses without error.
    #[test]
    fn every_language_file_has_every_message_with_its_values() {
        let reference = messages(locales::LOCALES[0].1);
        assert_eq!(reference.len(), EVERY_TEXT.len());
        let mut problems = Vec::new();
        for (code, source) in locales::LOCALES {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*source) {
                problems.push(format!("{code}.ftl does not parse: {errors:?}"));
            }
            let file = messages(source);
            for (id, values) in &reference {
                // The program passes $v1 up to the highest the reference uses; a translation
                // uses as many of them (a quarter's number or its Roman numeral, say).
                let offered: BTreeSet<String> = (1..=values
                    .iter()
                    .filter_map(|v| v[1..].parse::<usize>().ok())
                    .max()
                    .unwrap_or(0))
                    .map(|i| format!("v{i}"))
                    .collect();
                match file.get(id) {
                    None => problems.push(format!("{code}.ftl lacks {id}")),
                    Some(own) if !own.is_subset(&offered) || own.len() != values.len() => {
                        problems.push(format!("{code}.ftl: {id} uses {own:?}, not {values:?}"));
                    }
                    Some(_) => {}
                }
            }
            for id in file.keys().filter(|id| !reference.contains_key(*id)) {
                problems.push(format!("{code}.ftl has {id}, which id.ftl does not"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn values_are_filled_in_their_places_and_texts_show_them_as_braces() {
        assert_eq!(Lang::ID.t(PERIOD_QUARTER), "Triwulan {} {}");
        assert_eq!(
            Lang::EN.fill(PERIOD_QUARTER, &[&3, &"III", &2026]),
            "Q3 2026"
        );
        assert_eq!(
            Lang::ID.fill(PERIOD_QUARTER, &[&3, &"III", &2026]),
            "Triwulan III 2026"
        );
        // No isolation marks around values: they would reach spreadsheets and PDFs.
        assert!(!Lang::ID.fill(PERIOD_YEAR, &[&2026]).contains('\u{2068}'));
    }
}
