//! `/loket/kios`: unit admins and administrators register a counter tablet as the kiosk of
//! a service point (from the tablet's own browser, which then keeps the kiosk's token in a
//! cookie), see the kiosks of their units, and revoke one (a tablet lost or moved).

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::org::valid_nip;
use suara_store::{Kiosk, NewKiosk, Officer, RecordError, ServicePoint};
use time::OffsetDateTime;

use super::confirm::{self, confirmed, Confirmation};
use super::login::{end_session, forget_session};
use super::{outcome, units_tree};
use crate::auth::{cookie, set_cookie, KIOSK_COOKIE};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::survey::kiosk_href;
use crate::routes::KIOSKS;
use suara_app::credentials::{random_token, token_hash};
use suara_app::i18n::catalogue as T;

/// A kiosk keeps its token for a year; revoking it ends it sooner.
const KIOSK_TOKEN_LIFETIME: time::Duration = time::Duration::days(365);
const MAX_LABEL_CHARS: usize = 80;

#[derive(Deserialize)]
pub struct KioskForm {
    pub action: Option<String>,
    pub point: Option<String>,
    pub label: Option<String>,
    pub officer: Option<String>,
    pub kiosk: Option<String>,
    pub confirm: Option<String>,
}

/// A service point with its unit's name.
struct Point {
    point: ServicePoint,
    unit_name: String,
}

/// The service points and kiosks of the units this user manages.
/// The service points, kiosks and officers of the units this user sees.
async fn scope(cx: &StaffCx) -> Result<(Vec<Point>, Vec<Kiosk>, Vec<Officer>), PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let (units, tree) = units_tree(cx).await?;
    let principal = &cx.staff.principal;
    let mut points = Vec::new();
    let mut officers = Vec::new();
    for unit in units
        .iter()
        .filter(|u| principal.sees_unit(&u.unit_id, &tree))
    {
        let of_unit = store.points_of_unit(tenant_id, &unit.unit_id).await?;
        points.extend(of_unit.into_iter().map(|point| Point {
            point,
            unit_name: unit.name.clone(),
        }));
        officers.extend(
            store
                .officers_of_unit(tenant_id, &unit.unit_id, cx.today())
                .await?,
        );
    }
    officers.sort_by(|a, b| a.name.cmp(&b.name).then(a.nip.cmp(&b.nip)));
    let kiosks = store
        .kiosks(tenant_id)
        .await?
        .into_iter()
        .filter(|k| principal.sees_unit(&k.unit_id, &tree))
        .collect();
    Ok((points, kiosks, officers))
}

struct Notice {
    status: StatusCode,
    text: Result<&'static str, &'static str>,
}

/// What the kiosks page shows, loaded from the store.
pub struct KiosksView {
    points: Vec<Point>,
    kiosks: Vec<Kiosk>,
    officers: Vec<Officer>,
    /// The kiosk this very tablet is registered as, if any.
    this_tablet: Option<Kiosk>,
    offset: time::UtcOffset,
}

async fn kiosks_page(
    cx: &StaffCx,
    headers: &HeaderMap,
    notice: Option<Notice>,
) -> Result<Response, PageError> {
    let (points, kiosks, officers) = scope(cx).await?;
    let this_tablet = match cookie(headers, KIOSK_COOKIE) {
        Some(token) => {
            cx.app
                .store
                .kiosk_by_token(cx.tenant_id(), &token_hash(&token))
                .await?
        }
        None => None,
    };
    let view = KiosksView {
        points,
        kiosks,
        officers,
        this_tablet,
        offset: cx.tenant.offset(),
    };
    let status = notice.as_ref().map_or(StatusCode::OK, |n| n.status);
    let (title, content) = render(cx.look(), &view, notice.as_ref());
    Ok(cx.page(status, title, content))
}

fn render(look: Look, view: &KiosksView, notice: Option<&Notice>) -> (&'static str, Markup) {
    let lang = look.lang;
    let KiosksView {
        points,
        kiosks,
        officers,
        this_tablet,
        offset,
    } = view;
    let when = |at: OffsetDateTime| lang.date_time(at, *offset);
    let officer_name = |nip: &str| {
        officers.iter().find(|o| o.nip == nip).map_or_else(
            || format!("NIP {nip}"),
            |o| format!("{} · NIP {nip}", o.name),
        )
    };
    let point_name = |id: &str| {
        points
            .iter()
            .find(|p| p.point.point_id == id)
            .map_or(id.to_string(), |p| {
                format!("{} — {}", p.point.name, p.unit_name)
            })
    };
    let title = lang.t(T::SURVEY_KIOSKS);
    let content = html! {
        h1 { (title) }
        p { (lang.t(T::A_TABLET_AT_THE_COUNTER_CAN_BE)) }
        (outcome(notice.map(|n| &n.text)))
        @if let Some(kiosk) = &this_tablet {
            div.success {
                p {
                    (lang.t(T::THIS_TABLET_IS_THE_KIOSK)) strong { (kiosk.label) }
                    " (" (point_name(&kiosk.point_id)) "). "
                    a href=(kiosk_href(&kiosk.point_id, lang)) { (lang.t(T::OPEN_THE_KIOSK)) }
                }
            }
        }
        h2 { (lang.t(T::REGISTER_THIS_TABLET)) }
        (register_form(look, points, officers))
        h2 { (lang.t(T::REGISTERED_KIOSKS)) }
        @if kiosks.is_empty() {
            p.muted { (lang.t(T::NO_KIOSKS_YET)) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.t(T::KIOSK)) }
                    th scope="col" { (lang.t(T::SERVICE_POINT)) }
                    th scope="col" { (lang.t(T::OFFICER_2)) }
                    th scope="col" { (lang.t(T::REGISTERED)) }
                    th scope="col" { (lang.t(T::STATE)) }
                } }
                tbody { @for k in kiosks.iter() { tr {
                    th scope="row" { (k.label) }
                    td data-label=(lang.t(T::SERVICE_POINT)) { (point_name(&k.point_id)) }
                    td data-label=(lang.t(T::OFFICER_2)) { (k.officer_nip.as_deref().map_or_else(|| "–".to_string(), officer_name)) }
                    td data-label=(lang.t(T::REGISTERED)) { (when(k.registered_at)) " · " (k.registered_by) }
                    td {
                        @match k.revoked_at {
                            Some(at) => { (lang.t(T::REVOKED)) (when(at)) }
                            None => {
                                p {
                                    (lang.t(T::ACTIVE)) " · "
                                    @match &k.approved {
                                        Some((by, _)) => { (lang.t(T::APPROVED_BY)) (by) }
                                        None => { (lang.t(T::AWAITING_APPROVAL)) }
                                    }
                                }
                                form method="post" action=(look.action(KIOSKS)) {
                                    (look.csrf())
                                    input type="hidden" name="action" value="revoke";
                                    input type="hidden" name="kiosk" value=(k.kiosk_id);
                                    button type="submit" aria-label={ (lang.t(T::REVOKE_KIOSK)) (k.label) } { (lang.t(T::REVOKE)) }
                                }
                            }
                        }
                    }
                } } }
            }
        }
    };
    (title, content)
}

/// The form that registers this tablet as the kiosk of a service point (or why it cannot).
fn register_form(look: Look, points: &[Point], officers: &[Officer]) -> Markup {
    let lang = look.lang;
    html! {
        @if points.is_empty() {
            p { (lang.t(T::YOUR_UNITS_HAVE_NO_SERVICE_POINTS_YET)) }
        } @else {
            form.account method="post" action=(look.action(KIOSKS)) {
                (look.csrf())
                input type="hidden" name="action" value="register";
                p {
                    label for="point" { (lang.t(T::SERVICE_POINT)) }
                    select #point name="point" required {
                        @for p in points.iter() { option value=(p.point.point_id) { (p.point.name) " — " (p.unit_name) } }
                    }
                }
                p {
                    label for="label" { (lang.t(T::KIOSK_NAME_E_G_COUNTER_1_TABLET)) }
                    input #label name="label" required maxlength=(MAX_LABEL_CHARS) autocomplete="off";
                }
                p {
                    label for="officer" { (lang.t(T::OFFICER_WHO_STAFFS_THIS_POINT_OPTIONAL)) }
                    select #officer name="officer" {
                        option value="" { (lang.t(T::NONE)) }
                        @for o in officers.iter() { option value=(o.nip) { (o.name) " · NIP " (o.nip) } }
                    }
                }
                button.primary type="submit" { (lang.t(T::REGISTER_AS_KIOSK_AND_SIGN_OUT)) }
            }
        }
    }
}

pub async fn kiosks(cx: StaffCx, headers: HeaderMap) -> Result<Response, PageError> {
    kiosks_page(&cx, &headers, None).await
}

pub async fn change(
    cx: StaffCx,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<KioskForm>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let notice = match form.action.as_deref() {
        Some("register") => match register(&cx, &headers, &form).await? {
            Ok(response) => return Ok(response),
            Err(notice) => notice,
        },
        Some("revoke") => match revoke(&cx, &form).await? {
            Ok(response) => return Ok(response),
            Err(notice) => notice,
        },
        _ => Notice {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            text: Err(lang.t(T::CHOOSE_AN_ACTION)),
        },
    };
    kiosks_page(&cx, &headers, Some(notice)).await
}

/// Registers this tablet as a kiosk and signs the staff member out of it: a public tablet
/// must not stay signed in.
async fn register(
    cx: &StaffCx,
    headers: &HeaderMap,
    form: &KioskForm,
) -> Result<Result<Response, Notice>, PageError> {
    let lang = cx.lang;
    let invalid = |text| {
        Ok(Err(Notice {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            text: Err(text),
        }))
    };
    let trimmed = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").to_string();
    let (point, label, officer) = (
        trimmed(&form.point),
        trimmed(&form.label),
        trimmed(&form.officer),
    );
    let (points, _, _) = scope(cx).await?;
    if !points.iter().any(|p| p.point.point_id == point) {
        return invalid(lang.t(T::CHOOSE_A_SERVICE_POINT_OF_YOUR_UNITS));
    }
    if label.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
        return invalid(lang.t(T::GIVE_THE_KIOSK_A_NAME_AT_MOST));
    }
    if !officer.is_empty() && !valid_nip(&officer) {
        return invalid(lang.t(T::A_NIP_HAS_18_DIGITS));
    }
    let token = random_token();
    let kiosk_id = random_token()[..12].to_string();
    let new = NewKiosk {
        kiosk_id: &kiosk_id,
        token_hash: &token_hash(&token),
        point_id: &point,
        officer_nip: (!officer.is_empty()).then_some(officer.as_str()),
        label: &label,
    };
    match cx
        .app
        .store
        .register_kiosk(
            cx.tenant_id(),
            &new,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(_) => {}
        Err(RecordError::UnknownOfficer(_)) => return invalid(lang.t(T::NO_OFFICER_HAS_THAT_NIP)),
        Err(error) => return Err(crate::error::ApiError::from(error).into()),
    }
    end_session(&cx.app, headers).await?;
    let mut response = Redirect::to(&kiosk_href(&point, lang)).into_response();
    if let Ok(value) = set_cookie(KIOSK_COOKIE, &token, KIOSK_TOKEN_LIFETIME).parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    forget_session(&mut response);
    Ok(Ok(response))
}

/// Revokes a kiosk of the user's units, after a confirmation page.
async fn revoke(cx: &StaffCx, form: &KioskForm) -> Result<Result<Response, Notice>, PageError> {
    let lang = cx.lang;
    let kiosk_id = form.kiosk.as_deref().unwrap_or("");
    let (points, kiosks, _) = scope(cx).await?;
    let Some(kiosk) = kiosks
        .iter()
        .find(|k| k.kiosk_id == kiosk_id && k.revoked_at.is_none())
    else {
        return Ok(Err(Notice {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            text: Err(lang.t(T::CHOOSE_AN_ACTIVE_KIOSK_OF_YOUR_UNITS)),
        }));
    };
    if !confirmed(form.confirm.as_deref()) {
        let point = points
            .iter()
            .find(|p| p.point.point_id == kiosk.point_id)
            .map_or(kiosk.point_id.clone(), |p| {
                format!("{} — {}", p.point.name, p.unit_name)
            });
        return confirm::page(
            cx,
            &Confirmation {
                title: lang.t(T::REVOKE_THIS_KIOSK),
                facts: vec![
                    (lang.t(T::KIOSK), html! { (kiosk.label) }),
                    (lang.t(T::SERVICE_POINT), html! { (point) }),
                ],
                consequence: lang.t(T::THAT_TABLET_CAN_NO_LONGER_SEND_KIOSK),
                action: KIOSKS,
                fields: vec![
                    ("action".into(), "revoke".into()),
                    ("kiosk".into(), kiosk.kiosk_id.clone()),
                ],
                yes: lang.t(T::YES_REVOKE),
                cancel: cx.href(KIOSKS),
            },
        )
        .map(Ok);
    }
    let revoked = cx
        .app
        .store
        .revoke_kiosk(
            cx.tenant_id(),
            kiosk_id,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await?;
    Ok(Err(if revoked {
        Notice {
            status: StatusCode::OK,
            text: Ok(lang.t(T::KIOSK_REVOKED_THAT_TABLET_CAN_NO_LONGER)),
        }
    } else {
        Notice {
            status: StatusCode::CONFLICT,
            text: Err(lang.t(T::THAT_KIOSK_HAS_BEEN_REVOKED_ALREADY)),
        }
    }))
}
