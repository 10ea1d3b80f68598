//! The diagonal "ONTWERP" of a draft: one form XObject shared by every page, drawn as glyph
//! outlines rather than text, so that it stays out of the text layer (copy-paste, `pdftotext`,
//! screen readers).

use std::fmt::Write as _;

use lopdf::{ObjectId, dictionary};
use skrifa::outline::pen::PathElement;

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
            let point =
                |px: f32, py: f32| format!("{} {}", num(x + px * scale), num(py * scale - 38.0));
            path(&mut out, &metrics.outline(glyph.gid), &point);
            x += metrics.points(f32::from(metrics.width(glyph.gid)), run.style.size);
        }
    }
    out.push_str("f Q\n");
    out
}

/// A glyph outline as a PDF path; quadratic segments become the cubic curves PDF draws.
fn path(out: &mut String, outline: &[PathElement], point: &dyn Fn(f32, f32) -> String) {
    let mut current = (0.0, 0.0);
    for element in outline {
        match *element {
            PathElement::MoveTo { x, y } => {
                let _ = writeln!(out, "{} m", point(x, y));
                current = (x, y);
            }
            PathElement::LineTo { x, y } => {
                let _ = writeln!(out, "{} l", point(x, y));
                current = (x, y);
            }
            PathElement::QuadTo { cx0, cy0, x, y } => {
                let (x0, y0) = current;
                let c1 = (x0 + 2.0 / 3.0 * (cx0 - x0), y0 + 2.0 / 3.0 * (cy0 - y0));
                let c2 = (x + 2.0 / 3.0 * (cx0 - x), y + 2.0 / 3.0 * (cy0 - y));
                let _ = writeln!(
                    out,
                    "{} {} {} c",
                    point(c1.0, c1.1),
                    point(c2.0, c2.1),
                    point(x, y)
                );
                current = (x, y);
            }
            PathElement::CurveTo {
                cx0,
                cy0,
                cx1,
                cy1,
                x,
                y,
            } => {
                let _ = writeln!(
                    out,
                    "{} {} {} c",
                    point(cx0, cy0),
                    point(cx1, cy1),
                    point(x, y)
                );
                current = (x, y);
            }
            PathElement::Close => out.push_str("h\n"),
        }
    }
}
