//! Accounts for a unit's officers in one step (`/admin/akun/pegawai`): the administrator
//! chooses a unit, every officer working there without an account gets one. When the server
//! sends mail, an officer whose personnel list gives an address is mailed a one-time link to
//! choose a password (as "lupa kata sandi" sends, valid longer); every other officer gets a
//! printable letter with a one-time password, shown this once.

use std::collections::BTreeMap;

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::org::{Officer, Unit};
use suara_store::Alert;
use time::{Duration, OffsetDateTime};

use super::outcome;
use super::password_reset::trusted_base;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;
use suara_app::onboarding::{open_officer_accounts, FirstSignIn};

/// How long a mailed first sign-in link works: long enough for leave or a slow inbox.
const FIRST_LINK_LIFETIME: Duration = Duration::days(14);

/// Units with officers who have no account yet, and how many.
pub struct FormView {
    pub waiting: Vec<(Unit, usize)>,
    /// Whether first sign-ins go by mail to officers with an address.
    pub mails: bool,
}

/// The letters of one unit's new accounts.
pub struct LettersView<'a> {
    pub regency: &'a str,
    pub unit: &'a Unit,
    /// Those who get a letter.
    pub opened: &'a [FirstSignIn],
    /// Those mailed a link instead: name, NIP, address.
    pub mailed: &'a [FirstSignIn],
    /// Where to sign in, as the letter prints it.
    pub sign_in_at: String,
}

#[derive(Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    unit_id: String,
}

pub async fn form(cx: StaffCx) -> Result<Response, PageError> {
    form_page(&cx, StatusCode::OK, None).await
}

async fn form_page(
    cx: &StaffCx,
    status: StatusCode,
    problem: Option<String>,
) -> Result<Response, PageError> {
    let view = load(cx).await?;
    let (title, content) = render_form(cx.look(), &view, problem);
    Ok(cx.page(status, title, content))
}

async fn load(cx: &StaffCx) -> Result<FormView, PageError> {
    let store = &cx.app.store;
    let officers = store
        .officers_without_accounts(cx.tenant_id(), "", cx.today())
        .await?;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for officer in &officers {
        *counts.entry(officer.unit_id.as_str()).or_default() += 1;
    }
    let waiting = store
        .units(cx.tenant_id())
        .await?
        .into_iter()
        .filter_map(|unit| {
            let n = counts.get(unit.unit_id.as_str()).copied()?;
            Some((unit, n))
        })
        .collect();
    Ok(FormView {
        waiting,
        mails: cx.app.mailer.is_some() && trusted_base(&cx.app).is_some(),
    })
}

/// Mails each new account with an address a link to choose its password; returns those
/// mailed. An account whose mail could not be sent keeps its letter.
async fn mail_first_sign_ins(
    cx: &StaffCx,
    opened: Vec<FirstSignIn>,
) -> Result<(Vec<FirstSignIn>, Vec<FirstSignIn>), PageError> {
    let (Some(mailer), Some(base)) = (&cx.app.mailer, trusted_base(&cx.app)) else {
        return Ok((opened, Vec::new()));
    };
    let (mut letters, mut mailed) = (Vec::new(), Vec::new());
    for first in opened {
        let Some(email) = first.email.clone() else {
            letters.push(first);
            continue;
        };
        let token = suara_app::credentials::random_token();
        let hash = suara_app::credentials::token_hash(&token);
        let nip = &first.officer.nip;
        let now = OffsetDateTime::now_utc();
        let store = &cx.app.store;
        if !store
            .request_password_reset(cx.tenant_id(), nip, &hash, now, FIRST_LINK_LIFETIME)
            .await?
        {
            letters.push(first);
            continue;
        }
        let link = format!("{base}{}", routes::reset_password(&token));
        let mail = Alert {
            tenant_id: cx.tenant_id().to_string(),
            key: format!("first-sign-in:{}", &hash[..16]),
            recipients: vec![email],
            subject: Lang::ID.t(T::FIRST_SIGN_IN_MAIL_SUBJECT).to_string(),
            body: Lang::ID.fill(
                T::FIRST_SIGN_IN_MAIL_BODY,
                &[&first.officer.name, &cx.tenant.name, nip, &link],
            ),
        };
        // Sent now and never queued: the outbox is in the database, and a link read from
        // there would open the account.
        match mailer.send(&mail).await {
            Ok(()) => mailed.push(first),
            Err(error) => {
                tracing::warn!(%error, "mailing a first sign-in link; a letter is printed instead");
                letters.push(first);
            }
        }
    }
    Ok((letters, mailed))
}

pub async fn open(
    cx: StaffCx,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<OpenForm>,
) -> Result<Response, PageError> {
    let store = &cx.app.store;
    let unit = match form.unit_id.trim() {
        "" => None,
        id => store.unit(cx.tenant_id(), id).await?,
    };
    let Some(unit) = unit else {
        let problem = cx.t(T::CHOOSE_A_UNIT_WHOSE_OFFICERS_HAVE_NO_ACCOUNT);
        return form_page(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(problem.into())).await;
    };
    let made = open_officer_accounts(
        store,
        cx.tenant_id(),
        &unit.unit_id,
        cx.username(),
        cx.today(),
    )
    .await?;
    if made.is_empty() {
        let problem = cx.t(T::EVERY_OFFICER_OF_THIS_UNIT_HAS_AN_ACCOUNT);
        return form_page(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(problem.into())).await;
    }
    let (opened, mailed) = mail_first_sign_ins(&cx, made).await?;
    let view = LettersView {
        regency: &cx.tenant.name,
        unit: &unit,
        opened: &opened,
        mailed: &mailed,
        sign_in_at: format!("{}{}", cx.app.base_url(&headers), routes::LOGIN),
    };
    let (title, content) = render_letters(cx.look(), &view);
    Ok(cx.page(StatusCode::CREATED, title, content))
}

pub fn render_form(look: Look, view: &FormView, problem: Option<String>) -> (&'static str, Markup) {
    let title = look.t(T::ACCOUNTS_FOR_OFFICERS);
    let message = problem.map(Err);
    let content = html! {
        p { a href=(look.href(routes::ACCOUNTS)) { (look.t(T::USER_ACCOUNTS)) } }
        h1 { (title) }
        (outcome(message.as_ref()))
        p { (look.t(T::EACH_OFFICER_GETS_AN_ACCOUNT_AND_A_LETTER)) }
        @if view.mails { p { (look.t(T::MAIL_WHEN_ADDRESS_KNOWN)) } }
        @if view.waiting.is_empty() {
            p { strong { (look.t(T::EVERY_OFFICER_AT_WORK_HAS_AN_ACCOUNT)) } }
        } @else {
            form.account method="post" action=(look.action(routes::OFFICER_ACCOUNTS)) {
                (look.csrf())
                p { label for="unit_id" { (look.t(T::UNIT_2)) }
                    select #unit_id name="unit_id" {
                        @for (unit, n) in &view.waiting {
                            option value=(unit.unit_id) { (unit.name) " (" (look.lang.fill(T::N_OFFICERS_WITHOUT_AN_ACCOUNT, &[&n.to_string()])) ")" }
                        }
                    }
                }
                p.muted { (look.t(T::THE_PASSWORDS_SHOW_ONCE)) }
                button.primary type="submit" { (look.t(T::MAKE_THE_ACCOUNTS_AND_THE_LETTERS)) }
            }
        }
    };
    (title, content)
}

pub fn render_letters(look: Look, view: &LettersView) -> (&'static str, Markup) {
    let title = look.t(T::FIRST_SIGN_IN_LETTERS);
    let made = (view.opened.len() + view.mailed.len()).to_string();
    let done = if view.opened.is_empty() {
        look.lang
            .fill(T::N_ACCOUNTS_MADE_ALL_MAILED, &[&made, &view.unit.name])
    } else {
        look.lang
            .fill(T::N_ACCOUNTS_MADE_PRINT_NOW, &[&made, &view.unit.name])
    };
    let content = html! {
        h1.screen-only { (title) }
        div.success.screen-only role="status" { p { (done) } }
        @if !view.mailed.is_empty() {
            section.screen-only {
                p { (look.lang.fill(T::MAILED_FIRST_SIGN_INS, &[&view.mailed.len()])) }
                ul { @for first in view.mailed {
                    li { (first.officer.name) " (NIP " (first.officer.nip) "): " (first.email.as_deref().unwrap_or_default()) }
                } }
            }
        }
        @for first in view.opened { (letter(look, view, &first.officer, &first.password)) }
    };
    (title, content)
}

fn letter(look: Look, view: &LettersView, officer: &Officer, password: &str) -> Markup {
    html! {
        section.letter {
            p.letterhead { strong { (view.regency) } br; (view.unit.name) }
            p { (look.t(T::TO)) br; strong { (officer.name) } br; "NIP " (officer.nip) br; (officer.position) }
            p { (look.t(T::YOUR_SUARA_ACCOUNT_IS_READY)) }
            dl.facts {
                dt { (look.t(T::SIGN_IN_AT)) } dd { code { (view.sign_in_at) } }
                dt { (look.t(T::USERNAME)) } dd { code { (officer.nip) } }
                dt { (look.t(T::ONE_TIME_PASSWORD_2)) } dd { code { (password) } }
            }
            p { (look.t(T::CHANGE_IT_AT_FIRST_SIGN_IN_KEEP_IT_TO_YOURSELF)) }
        }
    }
}
