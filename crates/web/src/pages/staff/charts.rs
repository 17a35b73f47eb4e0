//! Charts as inline SVG, drawn on the server: no script, readable in a screenshot and on
//! paper. Each chart is labelled for screen readers and sits next to a table with the same
//! figures, which is what a screen reader reads.

use maud::{html, Markup};

use suara_app::i18n::Lang;

pub struct Bar<'a> {
    pub label: &'a str,
    pub value: Option<f64>,
    /// Drawn in the warning colour (e.g. the weakest elements).
    pub highlight: bool,
}

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 270.0;
const ROW: f64 = 26.0;
/// The phone drawing: as wide as a phone's screen in CSS pixels, so its text keeps its size.
const NARROW: f64 = 320.0;

/// A number as the chart writes it, with the language's decimal mark.
fn number(lang: Lang, value: f64, decimals: usize) -> String {
    lang.decimal(format!("{value:.decimals$}"))
}

/// Horizontal bars from `min` to `max`, with the value written at the end of each bar. Two
/// drawings: labels beside the bars for wide screens, labels above them for phones (the
/// stylesheet shows one).
pub fn bars(lang: Lang, title: &str, bars: &[Bar], min: f64, max: f64, decimals: usize) -> Markup {
    let height = ROW * bars.len() as f64 + 8.0;
    let plot = WIDTH - LABEL_WIDTH - 50.0;
    let x = |value: f64| LABEL_WIDTH + plot * ((value - min) / (max - min)).clamp(0.0, 1.0);
    let narrow_row = ROW * 1.6;
    let narrow_plot = NARROW - 50.0;
    let nx = |value: f64| narrow_plot * ((value - min) / (max - min)).clamp(0.0, 1.0);
    let class = |bar: &Bar| if bar.highlight { "bar warn" } else { "bar" };
    html! {
        svg.chart.wide role="img" aria-label=(title) viewBox={ "0 0 " (WIDTH) " " (height) } width="100%" preserveAspectRatio="xMinYMin meet" {
            title { (title) }
            @for (i, bar) in bars.iter().enumerate() {
                @let y = 4.0 + ROW * i as f64;
                text.label x=(LABEL_WIDTH - 8.0) y=(y + 17.0) text-anchor="end" { (truncate(bar.label, 36)) }
                rect.track x=(LABEL_WIDTH) y=(y + 4.0) width=(plot) height=(ROW - 8.0) {}
                @if let Some(value) = bar.value {
                    rect class=(class(bar)) x=(LABEL_WIDTH) y=(y + 4.0) width=(x(value) - LABEL_WIDTH) height=(ROW - 8.0) {}
                    text.value x=(x(value) + 6.0) y=(y + 17.0) { (number(lang, value, decimals)) }
                } @else {
                    text.value x=(LABEL_WIDTH + 6.0) y=(y + 17.0) { "–" }
                }
            }
        }
        svg.chart.narrow role="img" aria-label=(title) viewBox={ "0 0 " (NARROW) " " (narrow_row * bars.len() as f64 + 8.0) } width="100%" preserveAspectRatio="xMinYMin meet" {
            title { (title) }
            @for (i, bar) in bars.iter().enumerate() {
                @let y = 4.0 + narrow_row * i as f64;
                text.label x="0" y=(y + 13.0) { (truncate(bar.label, 44)) }
                rect.track x="0" y=(y + 18.0) width=(narrow_plot) height=(ROW - 12.0) {}
                @if let Some(value) = bar.value {
                    rect class=(class(bar)) x="0" y=(y + 18.0) width=(nx(value)) height=(ROW - 12.0) {}
                    text.value x=(nx(value) + 4.0) y=(y + 29.0) { (number(lang, value, decimals)) }
                } @else {
                    text.value x="4" y=(y + 29.0) { "–" }
                }
            }
        }
    }
}

/// Columns over time on the IKM scale (25–100) with the grade boundaries drawn in; the
/// phone drawing names every other month.
pub fn trend(lang: Lang, title: &str, points: &[(String, Option<f64>)]) -> Markup {
    html! {
        (trend_drawing(lang, title, points, WIDTH, "wide", 1))
        (trend_drawing(lang, title, points, NARROW, "narrow", 2))
    }
}

fn trend_drawing(
    lang: Lang,
    title: &str,
    points: &[(String, Option<f64>)],
    width: f64,
    class: &str,
    label_every: usize,
) -> Markup {
    const HEIGHT: f64 = 220.0;
    const TOP: f64 = 14.0;
    const BOTTOM: f64 = 190.0;
    const LEFT: f64 = 24.0;
    let (min, max) = (25.0, 100.0);
    let y = |value: f64| BOTTOM - (BOTTOM - TOP) * ((value - min) / (max - min)).clamp(0.0, 1.0);
    let step = (width - LEFT - 10.0) / points.len().max(1) as f64;
    // Values over narrow columns would overlap: the phone drawing leaves them to the table.
    let values = label_every == 1;
    html! {
        svg role="img" class={ "chart " (class) } aria-label=(title) viewBox={ "0 0 " (width) " " (HEIGHT) } width="100%" preserveAspectRatio="xMinYMin meet" {
            title { (title) }
            @for (boundary, grade) in [(88.31, "A"), (76.61, "B"), (65.0, "C")] {
                line.grid x1=(LEFT) x2=(width - 10.0) y1=(y(boundary)) y2=(y(boundary)) {}
                text.axis x=(LEFT - 6.0) y=(y(boundary) + 4.0) text-anchor="end" { (grade) }
            }
            line.axis x1=(LEFT) x2=(width - 10.0) y1=(BOTTOM) y2=(BOTTOM) {}
            @for (i, (label, value)) in points.iter().enumerate() {
                @let x = LEFT + step * i as f64;
                @if let Some(value) = value {
                    rect.bar x=(x + step * 0.15) y=(y(*value)) width=(step * 0.7) height=(BOTTOM - y(*value)) {}
                    @if values { text.value x=(x + step / 2.0) y=(y(*value) - 4.0) text-anchor="middle" { (number(lang, *value, 1)) } }
                }
                @if i % label_every == (points.len() + label_every - 1) % label_every {
                    text.axis x=(x + step / 2.0) y=(BOTTOM + 16.0) text-anchor="middle" { (label) }
                }
            }
        }
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max_chars - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_carry_their_title_and_values() {
        let svg = bars(
            Lang::ID,
            "NRR",
            &[
                Bar {
                    label: "U1 Persyaratan",
                    value: Some(3.25),
                    highlight: false,
                },
                Bar {
                    label: "U3 Waktu penyelesaian yang sangat panjang sekali namanya",
                    value: Some(2.5),
                    highlight: true,
                },
                Bar {
                    label: "U4",
                    value: None,
                    highlight: false,
                },
            ],
            1.0,
            4.0,
            2,
        )
        .into_string();
        assert!(svg.contains("role=\"img\"") && svg.contains("<title>NRR</title>"));
        assert!(svg.contains(">3,25<") && svg.contains("bar warn") && svg.contains('…'));
        assert!(svg.contains("chart wide") && svg.contains("chart narrow"));
        let svg = trend(
            Lang::EN,
            "Trend",
            &[("2026-10".into(), Some(80.0)), ("2026-11".into(), None)],
        )
        .into_string();
        assert!(svg.contains(">80.0<") && svg.contains(">2026-11<"));
    }
}
