//! "Check before you …": every irreversible staff action (approving or locking a payroll
//! run, rejecting a proposal, deciding an appeal, revoking a kiosk) first shows this page,
//! naming what will be done and what cannot be undone. The form posts the same fields again
//! with `confirm=yes`.

use axum::response::Response;
use maud::{html, Markup};

use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::PageError;
use suara_app::i18n::catalogue as T;

pub struct Confirmation<'a> {
    pub title: &'a str,
    /// What the action is about, as a list of facts.
    pub facts: Vec<(&'a str, Markup)>,
    /// What follows and cannot be undone.
    pub consequence: &'a str,
    /// Where the form posts (without `?lang`).
    pub action: &'a str,
    /// The submitted fields to send again.
    pub fields: Vec<(String, String)>,
    pub yes: &'a str,
    /// Where "cancel" leads.
    pub cancel: String,
}

/// Whether a form has been confirmed on the confirmation page.
pub fn confirmed(value: Option<&str>) -> bool {
    value == Some("yes")
}

pub fn render(look: Look, c: &Confirmation) -> Markup {
    html! {
        h1 { (c.title) }
        dl.facts { @for (label, value) in &c.facts { dt { (label) } dd { (value) } } }
        div.warning role="note" { p { strong { (c.consequence) } } }
        form method="post" action=(look.action(c.action)) {
            (look.csrf())
            @for (name, value) in &c.fields {
                @if name != "csrf" && name != "confirm" { input type="hidden" name=(name) value=(value); }
            }
            input type="hidden" name="confirm" value="yes";
            p.buttons {
                button.primary type="submit" { (c.yes) }
                " "
                a href=(c.cancel) { (look.t(T::CANCEL)) }
            }
        }
    }
}

pub fn page(cx: &StaffCx, c: &Confirmation) -> Result<Response, PageError> {
    cx.ok(c.title, render(cx.look(), c))
}
