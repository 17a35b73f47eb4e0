//! Printable QR posters: one per service point (at the counter) and one per officer (on the
//! desk or name tag), as SVG (with text, for printing at any size) and PNG (the QR code, for
//! documents and chat). They lead to the unit's survey; an officer's also names the officer.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use maud::html;

use suara_app::i18n::{catalogue as T, Lang};

use crate::error::ApiError;
use crate::pages::failure::{Missing, PageError};
use crate::pages::LangQuery;
use crate::state::AppState;

/// What a poster says and where its QR code leads.
struct Poster {
    title: String,
    subtitle: String,
    url: String,
}

async fn point_poster(
    app: &AppState,
    headers: &HeaderMap,
    point_id: &str,
) -> Result<Poster, ApiError> {
    let tenant = app.tenant(None).await?;
    let point = app
        .store
        .point(&tenant.tenant_id, point_id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("service point {point_id}")))?;
    let unit = app
        .store
        .unit(&tenant.tenant_id, &point.unit_id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("unit {}", point.unit_id)))?;
    Ok(Poster {
        title: unit.name,
        subtitle: point.name,
        url: format!("{}/survei/{}", app.base_url(headers), unit.unit_id),
    })
}

async fn officer_poster(
    app: &AppState,
    headers: &HeaderMap,
    nip: &str,
) -> Result<Poster, ApiError> {
    let tenant = app.tenant(None).await?;
    let officer = app
        .store
        .officer(&tenant.tenant_id, nip)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("officer {nip}")))?;
    let unit = app
        .store
        .unit(&tenant.tenant_id, &officer.unit_id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("unit {}", officer.unit_id)))?;
    Ok(Poster {
        title: unit.name,
        subtitle: format!("{} — {}", officer.name, officer.position),
        url: format!(
            "{}/survei/{}?officer={}",
            app.base_url(headers),
            unit.unit_id,
            officer.nip
        ),
    })
}

/// An A5-proportioned SVG poster: heading, QR code and instructions in `lang` (Indonesian
/// unless the link asks otherwise); the address is left as it is for any reader.
fn poster_svg(poster: &Poster, lang: Lang) -> String {
    let qr = crate::tickets::qr_svg(&poster.url, "QR").into_string();
    let qr = [
        ("x", "94"),
        ("y", "150"),
        ("width", "232"),
        ("height", "232"),
    ]
    .iter()
    .fold(qr, |svg, (name, value)| set_attribute(&svg, name, value));
    let svg = html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 595" width="420" height="595"
            font-family="Noto Sans, DejaVu Sans, Arial, sans-serif" role="img"
            lang=(lang.code()) aria-label={ (lang.t(T::SITE_SURVEY_TITLE)) ": " (poster.title) } {
            rect width="420" height="595" fill="#ffffff" {}
            rect width="420" height="64" fill="#0b5a3c" {}
            text x="210" y="41" text-anchor="middle" font-size="22" font-weight="700" fill="#ffffff" { (lang.t(T::SITE_SURVEY_TITLE)) }
            // Long unit names are squeezed to the width rather than cut off.
            text x="210" y="100" text-anchor="middle" font-size="17" font-weight="700" fill="#1a1a1a"
                textLength=[(poster.title.chars().count() > 38).then_some("396")] lengthAdjust="spacingAndGlyphs" { (poster.title) }
            text x="210" y="128" text-anchor="middle" font-size="14" fill="#333333" { (poster.subtitle) }
            (maud::PreEscaped(qr))
            text x="210" y="428" text-anchor="middle" font-size="16" font-weight="700" fill="#0b5a3c" { (lang.t(T::POSTER_SCAN_TO_RATE)) }
            text x="210" y="470" text-anchor="middle" font-size="12" fill="#333333" { (lang.t(T::POSTER_PROMISE)) }
            text x="210" y="560" text-anchor="middle" font-size="10" fill="#555555" translate="no" { (poster.url) }
        }
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        svg.into_string()
    )
}

/// Sets an attribute of the first element of `svg`, replacing it when present.
fn set_attribute(svg: &str, name: &str, value: &str) -> String {
    let tag_end = svg.find('>').unwrap_or(svg.len());
    let (tag, rest) = svg.split_at(tag_end);
    let needle = format!(" {name}=\"");
    match tag.find(&needle) {
        Some(at) => {
            let start = at + needle.len();
            let end = tag[start..].find('"').map_or(tag.len(), |e| start + e);
            format!("{}{value}{}{rest}", &tag[..start], &tag[end..])
        }
        None => format!("{tag} {name}=\"{value}\"{rest}"),
    }
}

/// The QR code alone as a PNG: 10 px per module with the 4-module quiet zone.
fn qr_png(url: &str) -> Result<Vec<u8>, ApiError> {
    const SCALE: usize = 10;
    const QUIET: usize = 4;
    let code = qrcode::QrCode::new(url.as_bytes())
        .map_err(|e| ApiError::BadQuery(format!("QR code: {e}")))?;
    let width = code.width();
    let colors = code.to_colors();
    let side = (width + 2 * QUIET) * SCALE;
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (mx, my) = (i % width + QUIET, i / width + QUIET);
            for y in my * SCALE..(my + 1) * SCALE {
                pixels[y * side + mx * SCALE..y * side + (mx + 1) * SCALE].fill(0);
            }
        }
    }
    let mut out = Vec::new();
    let side32 = u32::try_from(side).map_err(|_| ApiError::BadQuery("QR code too large".into()))?;
    let mut encoder = png::Encoder::new(&mut out, side32, side32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let result = encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(&pixels));
    result.map_err(|e| ApiError::BadQuery(format!("PNG: {e}")))?;
    Ok(out)
}

fn svg_response(poster: &Poster, lang: Lang) -> Response {
    (
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
        poster_svg(poster, lang),
    )
        .into_response()
}

fn png_response(poster: &Poster, _: Lang) -> Response {
    match qr_png(&poster.url) {
        Ok(bytes) => ([(header::CONTENT_TYPE, "image/png")], bytes).into_response(),
        Err(error) => error.into_response(),
    }
}

/// The poster, or the page saying there is no such poster.
fn respond(
    result: Result<Poster, ApiError>,
    lang: Lang,
    render: fn(&Poster, Lang) -> Response,
) -> Response {
    match result {
        Ok(poster) => render(&poster, lang),
        Err(ApiError::NotFound(_)) => PageError::NotFound(Missing::Page).into_response(),
        Err(error) => error.into_response(),
    }
}

pub async fn point_svg(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    respond(
        point_poster(&app, &headers, &id).await,
        query.lang(),
        svg_response,
    )
}

pub async fn point_png(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    respond(
        point_poster(&app, &headers, &id).await,
        query.lang(),
        png_response,
    )
}

pub async fn officer_svg(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(nip): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    respond(
        officer_poster(&app, &headers, &nip).await,
        query.lang(),
        svg_response,
    )
}

pub async fn officer_png(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(nip): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    respond(
        officer_poster(&app, &headers, &nip).await,
        query.lang(),
        png_response,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posters_render() {
        let poster = Poster {
            title: "Dinas <Dukcapil>".into(),
            subtitle: "Loket 1".into(),
            url: "http://x/survei/dukcapil".into(),
        };
        let svg = poster_svg(&poster, Lang::ID);
        assert!(svg.contains("Dinas &lt;Dukcapil&gt;"), "{svg}");
        assert_eq!(svg.matches(" width=\"232\"").count(), 1, "{svg}");
        assert_eq!(
            set_attribute("<svg a=\"1\" b=\"2\"><g/>", "a", "9"),
            "<svg a=\"9\" b=\"2\"><g/>"
        );
        assert_eq!(
            set_attribute("<svg b=\"2\"><g/>", "a", "9"),
            "<svg b=\"2\" a=\"9\"><g/>"
        );
        let png = qr_png(&poster.url).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
}
