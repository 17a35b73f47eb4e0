//! `/loket/kios`: unit admins and administrators register a counter tablet as the kiosk of
//! a service point (from the tablet's own browser, which then keeps the kiosk's token in a
//! cookie), see the kiosks of their units, and revoke one (a tablet lost or moved).

use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::html;
use serde::Deserialize;
use suara_domain::org::tree::UnitTree;
use suara_domain::org::valid_nip;
use suara_store::{Kiosk, NewKiosk, RecordError, ServicePoint};
use time::OffsetDateTime;

use super::{frame, outcome, respond};
use crate::access::{forbidden, KIOSKS};
use crate::auth::{cookie, random_token, set_cookie, token_hash, Staff, KIOSK_COOKIE};
use crate::i18n::Lang;
use crate::pages::kiosk::kiosk_href;
use crate::pages::{page, LangQuery};
use crate::{ApiError, AppState};

/// A kiosk keeps its token for a year; revoking it ends it sooner.
const KIOSK_TOKEN_LIFETIME: time::Duration = time::Duration::days(365);
const MAX_LABEL_CHARS: usize = 80;

#[derive(Deserialize)]
pub struct KioskForm {
    pub csrf: Option<String>,
    pub action: Option<String>,
    pub point: Option<String>,
    pub label: Option<String>,
    pub officer: Option<String>,
    pub kiosk: Option<String>,
}

/// A service point with its unit's name.
struct Point {
    point: ServicePoint,
    unit_name: String,
}

/// The service points and kiosks of the units this user manages.
async fn scope(app: &AppState, staff: &Staff) -> Result<(Vec<Point>, Vec<Kiosk>), ApiError> {
    let tenant_id = staff.tenant_id();
    let units = app.store.units(tenant_id).await?;
    let tree = UnitTree::new(
        units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    let mut points = Vec::new();
    for unit in units
        .iter()
        .filter(|u| staff.principal.sees_unit(&u.unit_id, &tree))
    {
        let of_unit = app.store.points_of_unit(tenant_id, &unit.unit_id).await?;
        points.extend(of_unit.into_iter().map(|point| Point {
            point,
            unit_name: unit.name.clone(),
        }));
    }
    let kiosks = app
        .store
        .kiosks(tenant_id)
        .await?
        .into_iter()
        .filter(|k| staff.principal.sees_unit(&k.unit_id, &tree))
        .collect();
    Ok((points, kiosks))
}

struct Notice {
    status: StatusCode,
    text: Result<&'static str, &'static str>,
}

async fn kiosks_page(
    app: &AppState,
    staff: &Staff,
    headers: &HeaderMap,
    lang: Lang,
    here: &str,
    notice: Option<Notice>,
) -> Result<Response, ApiError> {
    let (points, kiosks) = scope(app, staff).await?;
    let tenant = app.tenant(Some(staff.tenant_id())).await?;
    let this_tablet = match cookie(headers, KIOSK_COOKIE) {
        Some(token) => {
            app.store
                .kiosk_by_token(&tenant.tenant_id, &token_hash(&token))
                .await?
        }
        None => None,
    };
    let format = time::macros::format_description!("[day]-[month]-[year] [hour]:[minute]");
    let when = |at: OffsetDateTime| {
        at.to_offset(tenant.offset())
            .format(format)
            .unwrap_or_default()
    };
    let point_name = |id: &str| {
        points
            .iter()
            .find(|p| p.point.point_id == id)
            .map_or(id.to_string(), |p| {
                format!("{} — {}", p.point.name, p.unit_name)
            })
    };
    let title = lang.pick("Kios survei", "Survey kiosks");
    let content = html! {
        h1 { (title) }
        p { (lang.pick(
            "Tablet di loket dapat menjadi kios survei: buka halaman ini di tablet itu, pilih titik layanannya, lalu daftarkan. Tablet menyimpan kunci kiosnya sendiri; sesudah itu keluar dari akun Anda. Tanggapan dari kios dicatat sebagai diberikan di tempat.",
            "A tablet at the counter can be a survey kiosk: open this page on that tablet, choose its service point and register it. The tablet keeps its own kiosk key; sign out of your account afterwards. Responses from a kiosk are recorded as given on site.",
        )) }
        (outcome(notice.as_ref().map(|n| &n.text)))
        @if let Some(kiosk) = &this_tablet {
            div.success {
                p {
                    (lang.pick("Tablet ini adalah kios ", "This tablet is the kiosk ")) strong { (kiosk.label) }
                    " (" (point_name(&kiosk.point_id)) "). "
                    a href=(kiosk_href(&kiosk.point_id, lang)) { (lang.pick("Buka kios", "Open the kiosk")) }
                }
            }
        }
        h2 { (lang.pick("Daftarkan tablet ini", "Register this tablet")) }
        @if points.is_empty() {
            p { (lang.pick("Unit Anda belum punya titik layanan; impor points.csv dulu.", "Your units have no service points yet; import points.csv first.")) }
        } @else {
            form.account method="post" action={ (KIOSKS) "?lang=" (lang.code()) } {
                input type="hidden" name="csrf" value=(staff.session.csrf_token);
                input type="hidden" name="action" value="register";
                p {
                    label for="point" { (lang.pick("Titik layanan", "Service point")) }
                    select #point name="point" required {
                        @for p in &points { option value=(p.point.point_id) { (p.point.name) " — " (p.unit_name) } }
                    }
                }
                p {
                    label for="label" { (lang.pick("Nama kios (mis. Tablet loket 1)", "Kiosk name (e.g. Counter 1 tablet)")) }
                    input #label name="label" required maxlength=(MAX_LABEL_CHARS) autocomplete="off";
                }
                p {
                    label for="officer" { (lang.pick("NIP petugas tetap di titik ini (boleh kosong)", "NIP of the officer who staffs this point (optional)")) }
                    input #officer name="officer" inputmode="numeric" pattern="[0-9]{18}" autocomplete="off";
                }
                button.primary type="submit" { (lang.pick("Daftarkan sebagai kios", "Register as kiosk")) }
            }
        }
        h2 { (lang.pick("Kios terdaftar", "Registered kiosks")) }
        @if kiosks.is_empty() {
            p.muted { (lang.pick("Belum ada kios.", "No kiosks yet.")) }
        } @else {
            table.data {
                thead { tr {
                    th scope="col" { (lang.pick("Kios", "Kiosk")) }
                    th scope="col" { (lang.pick("Titik layanan", "Service point")) }
                    th scope="col" { (lang.pick("Petugas", "Officer")) }
                    th scope="col" { (lang.pick("Didaftarkan", "Registered")) }
                    th scope="col" { (lang.pick("Status", "State")) }
                } }
                tbody { @for k in &kiosks { tr {
                    th scope="row" { (k.label) }
                    td { (point_name(&k.point_id)) }
                    td { (k.officer_nip.as_deref().unwrap_or("–")) }
                    td { (when(k.registered_at)) br; small { (k.registered_by) } }
                    td {
                        @match k.revoked_at {
                            Some(at) => { (lang.pick("dicabut ", "revoked ")) (when(at)) }
                            None => {
                                form method="post" action={ (KIOSKS) "?lang=" (lang.code()) } {
                                    (lang.pick("aktif", "active")) " "
                                    input type="hidden" name="csrf" value=(staff.session.csrf_token);
                                    input type="hidden" name="action" value="revoke";
                                    input type="hidden" name="kiosk" value=(k.kiosk_id);
                                    button type="submit" aria-label={ (lang.pick("Cabut kios ", "Revoke kiosk ")) (k.label) } { (lang.pick("Cabut", "Revoke")) }
                                }
                            }
                        }
                    }
                } } }
            }
        }
    };
    let status = notice.map_or(StatusCode::OK, |n| n.status);
    Ok(page(status, frame(lang, staff, title, here, content)))
}

pub async fn kiosks(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    headers: HeaderMap,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = kiosks_page(&app, &staff, &headers, lang, &here, None).await;
    respond(lang, &here, result)
}

pub async fn change(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    headers: HeaderMap,
    Form(form): Form<KioskForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let problem = |status, text| Notice {
            status,
            text: Err(text),
        };
        let notice = match form.action.as_deref() {
            Some("register") => match register(&app, &staff, &form, lang).await? {
                Ok(response) => return Ok(response),
                Err(notice) => notice,
            },
            Some("revoke") => {
                revoke(&app, &staff, form.kiosk.as_deref().unwrap_or(""), lang).await?
            }
            _ => problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang.pick("Pilih tindakan.", "Choose an action."),
            ),
        };
        kiosks_page(&app, &staff, &headers, lang, &here, Some(notice)).await
    }
    .await;
    respond(lang, &here, result)
}

/// Registers the tablet and sends it to its kiosk page, or says what is wrong.
async fn register(
    app: &AppState,
    staff: &Staff,
    form: &KioskForm,
    lang: Lang,
) -> Result<Result<Response, Notice>, ApiError> {
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
    let (points, _) = scope(app, staff).await?;
    if !points.iter().any(|p| p.point.point_id == point) {
        return invalid(lang.pick(
            "Pilih titik layanan dari unit Anda.",
            "Choose a service point of your units.",
        ));
    }
    if label.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
        return invalid(lang.pick(
            "Beri kios nama (paling banyak 80 karakter).",
            "Give the kiosk a name (at most 80 characters).",
        ));
    }
    if !officer.is_empty() && !valid_nip(&officer) {
        return invalid(lang.pick("NIP terdiri dari 18 angka.", "A NIP has 18 digits."));
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
    match app
        .store
        .register_kiosk(
            staff.tenant_id(),
            &new,
            staff.username(),
            OffsetDateTime::now_utc(),
        )
        .await
    {
        Ok(_) => {}
        Err(RecordError::UnknownOfficer(_)) => {
            return invalid(lang.pick(
                "Tidak ada pegawai dengan NIP itu.",
                "No officer has that NIP.",
            ))
        }
        Err(error) => return Err(error.into()),
    }
    let mut response = Redirect::to(&kiosk_href(&point, lang)).into_response();
    if let Ok(value) = set_cookie(KIOSK_COOKIE, &token, KIOSK_TOKEN_LIFETIME).parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(Ok(response))
}

async fn revoke(
    app: &AppState,
    staff: &Staff,
    kiosk_id: &str,
    lang: Lang,
) -> Result<Notice, ApiError> {
    let (_, kiosks) = scope(app, staff).await?;
    let active = kiosks
        .iter()
        .any(|k| k.kiosk_id == kiosk_id && k.revoked_at.is_none());
    if active
        && app
            .store
            .revoke_kiosk(
                staff.tenant_id(),
                kiosk_id,
                staff.username(),
                OffsetDateTime::now_utc(),
            )
            .await?
    {
        return Ok(Notice {
            status: StatusCode::OK,
            text: Ok(lang.pick(
                "Kios dicabut; tablet itu tidak lagi dapat mengirim tanggapan kios.",
                "Kiosk revoked; that tablet can no longer send kiosk responses.",
            )),
        });
    }
    Ok(Notice {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        text: Err(lang.pick(
            "Pilih kios aktif dari unit Anda.",
            "Choose an active kiosk of your units.",
        )),
    })
}
