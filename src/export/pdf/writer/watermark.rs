//! The diagonal "ONTWERP" of a draft: one form XObject shared by every page, drawn as glyph
//! outlines rather than text, so that it stays out of the text layer (copy-paste, `pdftotext`,
//! screen readers).

use std::fmt::Write as _;

use lopdf::{ObjectId, dictionary};

use super::content::{num, rgb};
use super::{compressed, real};
use crate::document::Span;
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::{PAGE_HEIGHT, PAGE_WIDTH};
use crate::export::pdf::text::{self, Alignment, Style};

/// Adds the watermark form; pages show it with `/Wm Do`.
pub(super) fn add(doc: &mut lopdf::Document) -> ObjectId {
    doc.add_object(compressed(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![real(0.0), real(0.0), real(PAGE_WIDTH), real(PAGE_HEIGHT)],
        },
        content().into_bytes(),
    ))
}

/// The form's content stream.
fn content() -> String {
    let line = text::wrap(
        &[Span::bold("ONTWERP")],
        Style::new(Face::Bold, 100.0),
        2000.0,
        Alignment::Left,
    )
    .into_iter()
    .next()
    .unwrap_or_default();
    let width = line.runs.iter().map(|run| run.width).sum::<f32>();
    let mut out = format!(
        "q {} 0.8192 0.5736 -0.5736 0.8192 {} {} cm\n",
        rgb([0.95, 0.88, 0.88], "rg"),
        num(PAGE_WIDTH / 2.0),
        num(PAGE_HEIGHT / 2.0)
    );
    for run in &line.runs {
        let metrics = run.style.face.metrics();
        let scale = run.style.size / metrics.units_per_em;
        let mut x = run.x - width / 2.0;
        for glyph in &run.glyphs {
            let point = |(px, py): (f32, f32)| {
                format!("{} {}", num(x + px * scale), num(py * scale - 38.0))
            };
            for contour in metrics.outline(glyph.gid) {
                path(&mut out, &contour, &point);
            }
            x += metrics.points(f32::from(metrics.width(glyph.gid)), run.style.size);
        }
    }
    out.push_str("f Q\n");
    out
}

/// One TrueType contour (quadratic, with implied on-curve points) as a PDF path.
fn path(out: &mut String, contour: &[(f32, f32, bool)], point: &dyn Fn((f32, f32)) -> String) {
    let count = contour.len();
    if count < 2 {
        return;
    }
    let mid = |a: (f32, f32, bool), b: (f32, f32, bool)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    // Start at an on-curve point (or the midpoint of two off-curve points).
    let first = contour.iter().position(|p| p.2).unwrap_or(0);
    let start = if contour[first].2 {
        (contour[first].0, contour[first].1)
    } else {
        mid(contour[count - 1], contour[0])
    };
    let _ = writeln!(out, "{} m", point(start));
    let mut current = start;
    let mut control: Option<(f32, f32)> = if contour[first].2 {
        None
    } else {
        Some((contour[first].0, contour[first].1))
    };
    for step in 1..=count {
        let p = contour[(first + step) % count];
        let here = (p.0, p.1);
        match (p.2, control) {
            (true, None) => {
                let _ = writeln!(out, "{} l", point(here));
                current = here;
            }
            (true, Some(q)) => {
                quad(out, current, q, here, point);
                current = here;
                control = None;
            }
            (false, None) => control = Some(here),
            (false, Some(q)) => {
                let between = ((q.0 + here.0) / 2.0, (q.1 + here.1) / 2.0);
                quad(out, current, q, between, point);
                current = between;
                control = Some(here);
            }
        }
    }
    if let Some(q) = control {
        quad(out, current, q, start, point);
    }
    out.push_str("h\n");
}

fn quad(
    out: &mut String,
    from: (f32, f32),
    control: (f32, f32),
    to: (f32, f32),
    point: &dyn Fn((f32, f32)) -> String,
) {
    let c1 = (
        from.0 + 2.0 / 3.0 * (control.0 - from.0),
        from.1 + 2.0 / 3.0 * (control.1 - from.1),
    );
    let c2 = (
        to.0 + 2.0 / 3.0 * (control.0 - to.0),
        to.1 + 2.0 / 3.0 * (control.1 - to.1),
    );
    let _ = writeln!(out, "{} {} {} c", point(c1), point(c2), point(to));
}
