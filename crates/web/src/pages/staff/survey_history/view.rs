//! The history import's pages, pure: the imports and the upload form, then the mapping with
//! its dry run (every problem listed, the months it would add), then the outcome.

use maud::{html, Markup};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{element_name, reason_text, Lang};
use suara_domain::reason::Reason;
use suara_domain::skm::history::{Choice, DateOrder, Mapping, Plan};
use suara_domain::skm::{Element, Weighting};
use suara_store::StoredHistory;

use crate::pages::context::Look;
use crate::routes;

/// What the first page shows.
pub struct Imports<'a> {
    pub unit_id: &'a str,
    pub unit_name: &'a str,
    pub imports: &'a [StoredHistory],
    /// The regency's date of each import.
    pub dates: Vec<String>,
}

/// The mapping step: the file carried along, the mapping as chosen, and its dry run.
pub struct MappingStep<'a> {
    pub unit_id: &'a str,
    pub unit_name: &'a str,
    pub file_name: &'a str,
    /// The file, base64, carried to the next step in the form.
    pub data: &'a str,
    pub headers: &'a [String],
    pub rows: usize,
    pub mapping: &'a Mapping,
    pub plan: &'a Plan,
    /// Refusals of the store (months taken), after an import was asked for.
    pub refused: &'a [Reason],
}

/// The months an import covers: "Maret 2025", or "Januari 2025 – Maret 2025".
pub fn months_text(lang: Lang, import: &StoredHistory) -> String {
    if import.first_month == import.last_month {
        lang.month(import.first_month)
    } else {
        format!(
            "{} – {}",
            lang.month(import.first_month),
            lang.month(import.last_month)
        )
    }
}

pub fn crumbs(look: Look, unit_id: &str, unit_name: &str) -> Markup {
    html! { p.crumbs { a href=(look.href(&routes::dashboard_unit(unit_id))) { (unit_name) } } }
}

fn intro(lang: Lang) -> Markup {
    html! {
        p { (lang.t(T::HISTORY_INTRO)) }
        div.hint-box { p { (lang.t(T::HISTORY_NOT_EVIDENCE)) } }
    }
}

pub fn upload_form(look: Look, unit_id: &str) -> Markup {
    let lang = look.lang;
    html! {
        form.import method="post" action=(look.action(&routes::unit_history(unit_id))) enctype="multipart/form-data" {
            (look.csrf())
            p {
                label for="file" { (lang.t(T::HISTORY_FILE)) }
                span.hint { (lang.t(T::HISTORY_FILE_HINT)) }
                input #file type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            p.buttons { button.primary type="submit" name="action" value="check" { (lang.t(T::HISTORY_READ_FILE)) } }
        }
    }
}

pub fn imports_page(look: Look, view: &Imports) -> Markup {
    let lang = look.lang;
    html! {
        (crumbs(look, view.unit_id, view.unit_name))
        h1 { (lang.t(T::HISTORY_TITLE)) }
        (intro(lang))
        @if !view.imports.is_empty() {
            table.data tabindex="0" {
                caption { (lang.t(T::HISTORY_IMPORTS)) }
                thead { tr {
                    th scope="col" { (lang.t(T::FILE)) } th scope="col" { (lang.t(T::HISTORY_MONTHS)) }
                    th.num scope="col" { (lang.t(T::RESPONSES)) } th scope="col" { (lang.t(T::HISTORY_IMPORTED_ON)) }
                    th scope="col" { span.visually-hidden { (lang.t(T::ACTIONS)) } }
                } }
                tbody { @for (import, date) in view.imports.iter().zip(&view.dates) { tr {
                    th scope="row" { (import.file_name) }
                    td { (months_text(lang, import)) }
                    td.num { (import.responses) }
                    td { (date) br; small { (import.imported_by) } }
                    td { form method="post" action=(look.action(&routes::unit_history_remove(view.unit_id))) {
                        (look.csrf())
                        input type="hidden" name="import" value=(import.import_id);
                        button.secondary type="submit" { (lang.t(T::HISTORY_REMOVE)) }
                    } }
                } } }
            }
        }
        h2 { (lang.t(T::HISTORY_NEW_IMPORT)) }
        (upload_form(look, view.unit_id))
    }
}

/// Every problem of the dry run (and the store's refusals), each linked to what fixes it.
fn error_summary(lang: Lang, step: &MappingStep) -> Markup {
    let plan = step.plan;
    let count = plan.problems.len() + plan.unknown.len() + step.refused.len();
    html! {
        @if count > 0 {
            div.error-summary role="alert" tabindex="-1" {
                h2 { (lang.t(T::THERE_IS_A_PROBLEM)) }
                p { (lang.fill(T::HISTORY_N_PROBLEMS, &[&count])) }
                ul {
                    @for reason in step.refused { li { (reason_text(lang, reason)) } }
                    @for (i, u) in plan.unknown.iter().enumerate() {
                        li { a href={ "#answer-" (i) } { (lang.fill(T::HISTORY_UNKNOWN_ANSWER, &[&u.value, &u.count, &u.first_line])) } }
                    }
                    @for p in &plan.problems {
                        li { a href=(problem_target(&p.reason)) {
                            @if p.line > 1 { (lang.t(T::LINE)) " " (p.line) ": " }
                            @if let Some(column) = &p.column { "«" (column) "» " }
                            (reason_text(lang, &p.reason))
                        } }
                    }
                }
            }
        }
    }
}

/// Where the error summary sends the person to fix a problem.
fn problem_target(reason: &Reason) -> &'static str {
    match reason {
        Reason::ChooseDateOrder => "#order",
        Reason::ChooseElementColumns | Reason::ColumnChosenTwice => "#u1",
        _ => "#date",
    }
}

fn column_select(
    lang: Lang,
    id: &str,
    label: &str,
    headers: &[String],
    chosen: Option<usize>,
) -> Markup {
    html! {
        p {
            label for=(id) { (label) }
            select #(id) name=(id) {
                option value="" selected[chosen.is_none()] { (lang.t(T::HISTORY_NO_COLUMN)) }
                @for (i, header) in headers.iter().enumerate() {
                    option value=(i) selected[chosen == Some(i)] {
                        @if header.is_empty() { (lang.fill(T::HISTORY_COLUMN_N, &[&(i + 1)])) } @else { (header) }
                    }
                }
            }
        }
    }
}

fn choice_value(choice: Option<Choice>) -> String {
    match choice {
        Some(Choice::Rating(r)) => r.value().to_string(),
        Some(Choice::NotAnswered) => "0".into(),
        None => String::new(),
    }
}

/// The months the import would add, with their IKM.
fn months_table(lang: Lang, plan: &Plan) -> Markup {
    html! {
        table.data #months tabindex="0" {
            caption { (lang.fill(T::HISTORY_PREVIEW, &[&plan.responses()])) }
            thead { tr {
                th scope="col" { (lang.t(T::MONTH)) } th.num scope="col" { (lang.t(T::RESPONSES)) }
                th.num scope="col" { "IKM" } th scope="col" { (lang.t(T::GRADE)) }
            } }
            tbody { @for (month, tally) in &plan.months {
                @let score = tally.score(Weighting::Exact);
                tr {
                    th scope="row" { (lang.month(*month)) } td.num { (tally.responses()) }
                    td.num { @if let Some(s) = &score { (lang.decimal(s.ikm_rounded())) } @else { "–" } }
                    td { @if let Some(s) = &score { (s.grade().letter()) } @else { "–" } }
                }
            } }
        }
        @if plan.empty_rows > 0 { p.muted { (lang.fill(T::HISTORY_EMPTY_ROWS, &[&plan.empty_rows])) } }
        @if plan.undated_rows > 0 { p.muted { (lang.fill(T::HISTORY_UNDATED_ROWS, &[&plan.undated_rows])) } }
    }
}

pub fn mapping_page(look: Look, step: &MappingStep) -> Markup {
    let lang = look.lang;
    let mapping = step.mapping;
    let ready = step.plan.is_ready() && step.refused.is_empty();
    html! {
        (crumbs(look, step.unit_id, step.unit_name))
        h1 { (lang.t(T::HISTORY_CHECK_TITLE)) }
        (error_summary(lang, step))
        p { (lang.fill(T::HISTORY_FILE_READ, &[&step.file_name, &step.rows])) }
        @if !step.plan.months.is_empty() { (months_table(lang, step.plan)) }
        form method="post" action=(look.action(&routes::unit_history(step.unit_id))) enctype="multipart/form-data" {
            (look.csrf())
            input type="hidden" name="data" value=(step.data);
            input type="hidden" name="file_name" value=(step.file_name);
            h2 { (lang.t(T::HISTORY_COLUMNS)) }
            p.hint { (lang.t(T::HISTORY_COLUMNS_HINT)) }
            (column_select(lang, "date", lang.t(T::HISTORY_DATE_COLUMN), step.headers, mapping.date))
            p {
                label for="order" { (lang.t(T::HISTORY_DATE_ORDER)) }
                select #order name="order" {
                    @if mapping.order.is_none() { option value="" selected { (lang.t(T::HISTORY_CHOOSE_VALUE)) } }
                    option value="dmy" selected[mapping.order == Some(DateOrder::DayFirst)] { (lang.t(T::HISTORY_DAY_FIRST)) }
                    option value="mdy" selected[mapping.order == Some(DateOrder::MonthFirst)] { (lang.t(T::HISTORY_MONTH_FIRST)) }
                }
            }
            @for element in Element::ALL {
                @let id = format!("u{}", element.index() + 1);
                @let label = format!("{} {}", element.code(), element_name(lang, element));
                (column_select(lang, &id, &label, step.headers, mapping.elements[element.index()]))
            }
            @if !step.plan.unknown.is_empty() || !mapping.answers.is_empty() {
                h2 { (lang.t(T::HISTORY_ANSWERS)) }
                p.hint { (lang.t(T::HISTORY_ANSWERS_HINT)) }
                @let chosen = mapping.answers.iter().map(|(k, c)| (k.clone(), k.clone(), Some(*c)));
                @let open = step.plan.unknown.iter().map(|u| (u.key.clone(), u.value.clone(), None));
                @for (i, (key, value, choice)) in open.chain(chosen).enumerate() {
                    @let id = format!("answer-{i}");
                    input type="hidden" name={ "answer-key-" (i) } value=(key);
                    p {
                        label for=(id) { "«" (value) "»" }
                        select #(id) name=(id) {
                            option value="" selected[choice.is_none()] { (lang.t(T::HISTORY_CHOOSE_VALUE)) }
                            @for n in 1..=4u8 {
                                option value=(n) selected[choice_value(choice) == n.to_string()] { (n) }
                            }
                            option value="0" selected[choice == Some(Choice::NotAnswered)] { (lang.t(T::HISTORY_NOT_ANSWERED)) }
                        }
                    }
                }
            }
            p.buttons {
                @if ready {
                    button.primary type="submit" name="action" value="import" { (lang.t(T::HISTORY_IMPORT)) }
                    " "
                    button.secondary type="submit" name="action" value="check" { (lang.t(T::HISTORY_CHECK_AGAIN)) }
                } @else {
                    button.primary type="submit" name="action" value="check" { (lang.t(T::HISTORY_CHECK_AGAIN)) }
                }
            }
        }
    }
}

/// After the import: what was added, and where the trend shows it.
pub fn done_page(
    look: Look,
    unit_id: &str,
    unit_name: &str,
    import: &StoredHistory,
    again: bool,
) -> Markup {
    let lang = look.lang;
    let trend = format!(
        "{}&period={}",
        look.href(&routes::dashboard_unit(unit_id)),
        import.last_month.year()
    );
    html! {
        (crumbs(look, unit_id, unit_name))
        h1 { (lang.t(T::HISTORY_TITLE)) }
        div.success role="status" { p { strong {
            @if again { (lang.t(T::HISTORY_ALREADY_IMPORTED)) } @else { (lang.t(T::HISTORY_IMPORTED)) }
        } } }
        dl.facts {
            dt { (lang.t(T::FILE)) } dd { (import.file_name) }
            dt { (lang.t(T::HISTORY_MONTHS)) } dd { (months_text(lang, import)) }
            dt { (lang.t(T::RESPONSES)) } dd { (import.responses) }
        }
        p { a href=(trend) { (lang.fill(T::HISTORY_SEE_TREND, &[&import.last_month.year()])) } }
        p { a href=(look.href(&routes::unit_history(unit_id))) { (lang.t(T::HISTORY_TITLE)) } }
    }
}
