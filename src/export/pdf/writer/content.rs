//! Page content streams: text lines as `TJ` arrays of glyph ids, rectangles and rules, the
//! watermark form's invocation; the signature fields and outline entries found on the way
//! are handed back for the page dictionary and the outline.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;

use super::fields::Field;
use super::outline::Bookmark;
use crate::export::pdf::fonts::{Face, Subset};
use crate::export::pdf::layout::{Draw, PAGE_HEIGHT, Page, Rgb};
use crate::export::pdf::text::TextLine;

/// A number for a content stream: at most two decimals, no trailing zeros.
pub(super) fn num(value: f32) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A colour operator (`rg` for fills, `RG` for strokes).
pub(super) fn rgb(color: Rgb, operator: &str) -> String {
    format!(
        "{} {} {} {operator}",
        num(color[0]),
        num(color[1]),
        num(color[2])
    )
}

/// The glyphs each face shows, with the text each glyph stands for.
#[derive(Default)]
pub(super) struct Usage {
    pub(super) glyphs: BTreeMap<Face, BTreeMap<u16, char>>,
}

/// The subset of each face used, by face.
pub(super) type Subsets = BTreeMap<Face, Subset>;

impl Usage {
    /// The glyphs shown on `pages`.
    pub(super) fn of(pages: &[Page]) -> Self {
        let mut usage = Usage::default();
        for page in pages {
            for draw in &page.draws {
                if let Draw::Text { line, .. } = draw {
                    usage.add(line);
                }
            }
        }
        usage
    }

    /// Each face used, reduced to the glyphs used.
    pub(super) fn subsets(&self) -> Subsets {
        self.glyphs
            .iter()
            .map(|(&face, glyphs)| {
                let keep: BTreeSet<u16> = glyphs.keys().copied().collect();
                (face, face.metrics().subset(&keep))
            })
            .collect()
    }

    fn add(&mut self, line: &TextLine) {
        for run in &line.runs {
            let glyphs = self.glyphs.entry(run.style.face).or_default();
            for glyph in &run.glyphs {
                glyphs.entry(glyph.gid).or_insert(glyph.c);
            }
        }
    }
}

/// The name of a face in the page resources.
pub(super) fn font_resource(face: Face) -> String {
    format!("F{}", face.index() + 1)
}

/// Appends glyph id `gid` to a literal string: two bytes, big-endian, with the bytes a
/// literal string cannot hold as they are written as octal escapes. (Binary literal strings
/// are half the size of hexadecimal ones: less to compress, a smaller file.)
fn push_glyph(out: &mut Vec<u8>, gid: u16) {
    for byte in gid.to_be_bytes() {
        if matches!(byte, b'(' | b')' | b'\\' | b'\r' | b'\n') {
            let _ = write!(out, "\\{byte:03o}");
        } else {
            out.push(byte);
        }
    }
}

fn show_line(
    out: &mut Vec<u8>,
    subsets: &Subsets,
    line: &TextLine,
    x: f32,
    baseline: f32,
    color: Rgb,
) {
    for run in &line.runs {
        if run.glyphs.is_empty() {
            continue;
        }
        let subset = subsets.get(&run.style.face);
        let size = run.style.size;
        let _ = write!(
            out,
            "BT /{} {} Tf {} {} {} Td [(",
            font_resource(run.style.face),
            num(size),
            rgb(color, "rg"),
            num(x + run.x),
            num(baseline)
        );
        for glyph in &run.glyphs {
            push_glyph(
                out,
                subset.map_or(glyph.gid, |subset| subset.cid(glyph.gid)),
            );
            if glyph.extra.abs() > 0.001 {
                let adjust = -glyph.extra * 1000.0 / size;
                let _ = write!(out, ") {} (", num(adjust));
            }
        }
        out.extend_from_slice(b")] TJ ET\n");
    }
}

/// What a page holds besides its content stream.
#[derive(Default)]
pub(super) struct PageExtras {
    pub(super) fields: Vec<Field>,
    pub(super) bookmarks: Vec<Bookmark>,
    /// Whether the page shows the draft watermark.
    pub(super) watermark: bool,
}

/// The content stream of a page (glyphs as the ids of `subsets`), its signature fields and its
/// outline entries.
pub(super) fn page_content(page: &Page, subsets: &Subsets) -> (Vec<u8>, PageExtras) {
    let mut out: Vec<u8> = Vec::new();
    let mut extras = PageExtras::default();
    for draw in &page.draws {
        match draw {
            Draw::Text { x, y, line, color } => {
                let baseline = PAGE_HEIGHT - y - line.baseline;
                show_line(&mut out, subsets, line, *x, baseline, *color);
            }
            Draw::Rect {
                x,
                y,
                width,
                height,
                fill,
                stroke,
            } => {
                let bottom = PAGE_HEIGHT - y - height;
                let rect = format!(
                    "{} {} {} {} re",
                    num(*x),
                    num(bottom),
                    num(*width),
                    num(*height)
                );
                if let Some(fill) = fill {
                    let _ = writeln!(out, "q {} {rect} f Q", rgb(*fill, "rg"));
                }
                if let Some((line_width, color)) = stroke {
                    let _ = writeln!(
                        out,
                        "q {} w {} {rect} S Q",
                        num(*line_width),
                        rgb(*color, "RG")
                    );
                }
            }
            Draw::Line {
                from,
                to,
                width,
                color,
            } => {
                let _ = writeln!(
                    out,
                    "q {} w {} {} {} m {} {} l S Q",
                    num(*width),
                    rgb(*color, "RG"),
                    num(from.0),
                    num(PAGE_HEIGHT - from.1),
                    num(to.0),
                    num(PAGE_HEIGHT - to.1)
                );
            }
            Draw::Watermark => {
                extras.watermark = true;
                out.extend_from_slice(b"q /Wm Do Q\n");
            }
            Draw::Field {
                name,
                x,
                y,
                width,
                height,
            } => extras.fields.push(Field {
                name: name.clone(),
                rect: [*x, PAGE_HEIGHT - y - height, x + width, PAGE_HEIGHT - y],
            }),
            Draw::Bookmark { title, level, y } => extras.bookmarks.push(Bookmark {
                title: title.clone(),
                level: *level,
                y: PAGE_HEIGHT - y,
            }),
        }
    }
    (out, extras)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_bytes_that_a_literal_string_cannot_hold_are_escaped() {
        let mut out = Vec::new();
        for gid in [0x0041, 0x0028, 0x2900, 0x5C0D, 0x000A] {
            push_glyph(&mut out, gid);
        }
        assert_eq!(out, b"\0A\0\\050\\051\0\\134\\015\0\\012".to_vec());
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }
}
