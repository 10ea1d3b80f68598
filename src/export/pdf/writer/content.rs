//! Page content streams: text lines as `TJ` arrays of glyph ids, rectangles and rules, the
//! watermark form's invocation; the signature fields and outline entries found on the way
//! are handed back for the page dictionary and the outline. Tagged (the publication PDF),
//! every line of text is a marked-content sequence with an MCID of its structure element, or
//! an `/Artifact`, and so is every shape.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;

use super::fields::Field;
use super::outline::Bookmark;
use crate::export::pdf::fonts::{Face, Subset};
use crate::export::pdf::layout::{Draw, PAGE_HEIGHT, Page, Rgb};
use crate::export::pdf::structure::{Artifact, Mark, Structure};
use crate::export::pdf::text::{Glyph, TextLine};

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

/// `pages` with a space at the end of every line of content that was broken at a space, for
/// the tagged PDF: its text is read element by element, and tagged PDF asks for word breaks
/// as space characters (ISO 32000-1, 14.8.2.5), not left to the reader's guess from the
/// layout. The space comes after the line's last glyph, so nothing moves.
pub(super) fn with_word_breaks(pages: &[Page]) -> Vec<Page> {
    let mut pages = pages.to_vec();
    for page in &mut pages {
        for draw in &mut page.draws {
            if let Draw::Text {
                line,
                mark: Mark::Content(_),
                ..
            } = draw
                && line.breaks_at_space
                && let Some(run) = line.runs.last_mut()
            {
                let (gid, _) = run.style.face.metrics().glyph(' ');
                run.glyphs.push(Glyph {
                    gid,
                    c: ' ',
                    extra: 0.0,
                });
            }
        }
    }
    pages
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

/// The marked content of a tagged document, collected page by page as the content streams
/// are written: which element each MCID of a page belongs to (the page's `/ParentTree`
/// entry), and each element's content in order (its `/K`).
pub(super) struct Tagger<'a> {
    structure: &'a Structure,
    /// Per page, the element of each MCID (MCIDs count from 0 on every page).
    pub(super) pages: Vec<Vec<usize>>,
    /// Per element, its marked content as (page index, MCID), in reading order.
    pub(super) content: Vec<Vec<(usize, i64)>>,
}

impl<'a> Tagger<'a> {
    pub(super) fn new(structure: &'a Structure) -> Self {
        Self {
            structure,
            pages: Vec::new(),
            content: vec![Vec::new(); structure.nodes.len()],
        }
    }

    pub(super) fn structure(&self) -> &'a Structure {
        self.structure
    }

    /// Opens the marked-content sequence of `mark` on the current page.
    fn open(&mut self, out: &mut Vec<u8>, mark: Mark) {
        match mark {
            Mark::Content(node) => {
                let page = self.pages.len().saturating_sub(1);
                let Some(mcids) = self.pages.last_mut() else {
                    return;
                };
                let mcid = mcids.len() as i64;
                mcids.push(node);
                if let Some(content) = self.content.get_mut(node) {
                    content.push((page, mcid));
                }
                let role = self
                    .structure
                    .nodes
                    .get(node)
                    .map_or("Span", |node| node.role.name());
                let _ = writeln!(out, "/{role} <</MCID {mcid}>> BDC");
            }
            Mark::Artifact(Artifact::Header) => {
                out.extend_from_slice(b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\n");
            }
            Mark::Artifact(Artifact::Footer) => {
                out.extend_from_slice(b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");
            }
            Mark::Artifact(Artifact::Repeated) => {
                out.extend_from_slice(b"/Artifact <</Type /Pagination>> BDC\n");
            }
        }
    }
}

/// Writes `draw` with what it puts in the stream framed as marked content when `tagger` is
/// given: `open` starts the sequence, the closure writes the operators.
fn framed(
    out: &mut Vec<u8>,
    tagger: &mut Option<&mut Tagger>,
    open: impl FnOnce(&mut Tagger, &mut Vec<u8>),
    write: impl FnOnce(&mut Vec<u8>),
) {
    match tagger {
        Some(tagger) => {
            open(tagger, out);
            write(out);
            out.extend_from_slice(b"EMC\n");
        }
        None => write(out),
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
/// outline entries. With a `tagger` (the publication PDF) the content is marked and the page
/// gets no signature fields: its signature boxes are text to read.
pub(super) fn page_content(
    page: &Page,
    subsets: &Subsets,
    mut tagger: Option<&mut Tagger>,
) -> (Vec<u8>, PageExtras) {
    let mut out: Vec<u8> = Vec::new();
    let mut extras = PageExtras::default();
    if let Some(tagger) = tagger.as_deref_mut() {
        tagger.pages.push(Vec::new());
    }
    let artifact = |_: &mut Tagger, out: &mut Vec<u8>| out.extend_from_slice(b"/Artifact BMC\n");
    for draw in &page.draws {
        match draw {
            Draw::Text {
                x,
                y,
                line,
                color,
                mark,
            } => {
                let baseline = PAGE_HEIGHT - y - line.baseline;
                framed(
                    &mut out,
                    &mut tagger,
                    |tagger, out| tagger.open(out, *mark),
                    |out| show_line(out, subsets, line, *x, baseline, *color),
                );
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
                framed(&mut out, &mut tagger, artifact, |out| {
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
                });
            }
            Draw::Line {
                from,
                to,
                width,
                color,
            } => framed(&mut out, &mut tagger, artifact, |out| {
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
            }),
            Draw::Watermark => {
                extras.watermark = true;
                framed(
                    &mut out,
                    &mut tagger,
                    |_, out| {
                        out.extend_from_slice(
                            b"/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n",
                        )
                    },
                    |out| out.extend_from_slice(b"q /Wm Do Q\n"),
                );
            }
            Draw::Field {
                name,
                x,
                y,
                width,
                height,
            } => {
                if tagger.is_none() {
                    extras.fields.push(Field {
                        name: name.clone(),
                        rect: [*x, PAGE_HEIGHT - y - height, x + width, PAGE_HEIGHT - y],
                    });
                }
            }
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
    use crate::document::Span;
    use crate::export::pdf::structure::{DOCUMENT, Role};
    use crate::export::pdf::text::{self, Alignment, Style};

    #[test]
    fn tagged_every_line_and_shape_is_marked_and_the_fields_are_left_out() {
        let mut structure = Structure::default();
        let paragraph = structure.add(DOCUMENT, Role::P);
        let line = text::wrap(
            &[Span::plain("Alinea")],
            Style::new(Face::Regular, 10.0),
            200.0,
            Alignment::Left,
        )
        .remove(0);
        let text = |mark| Draw::Text {
            x: 0.0,
            y: 0.0,
            line: line.clone(),
            color: [0.0; 3],
            mark,
        };
        let page = Page {
            draws: vec![
                text(Mark::Content(paragraph)),
                Draw::Rect {
                    x: 0.0,
                    y: 0.0,
                    width: 1.0,
                    height: 1.0,
                    fill: Some([0.5; 3]),
                    stroke: None,
                },
                text(Mark::Artifact(Artifact::Footer)),
                Draw::Field {
                    name: "Handtekening_A".to_string(),
                    x: 0.0,
                    y: 0.0,
                    width: 10.0,
                    height: 10.0,
                },
            ],
        };
        let subsets = Subsets::new();
        let mut tagger = Tagger::new(&structure);
        let (out, extras) = page_content(&page, &subsets, Some(&mut tagger));
        let out = String::from_utf8_lossy(&out);
        assert!(out.starts_with("/P <</MCID 0>> BDC\nBT "), "{out}");
        assert!(out.contains("/Artifact BMC\nq "), "{out}");
        assert!(out.contains("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT "));
        let opened = out.matches(" BDC\n").count() + out.matches(" BMC\n").count();
        assert_eq!(opened, 3);
        assert_eq!(out.matches("EMC\n").count(), opened);
        assert_eq!(tagger.pages, vec![vec![paragraph]]);
        assert_eq!(tagger.content[paragraph], vec![(0, 0)]);
        assert!(extras.fields.is_empty());
        // Untagged (signature-ready) the page is as before: no marked content, its field.
        let (plain, extras) = page_content(&page, &subsets, None);
        let plain = String::from_utf8_lossy(&plain);
        assert!(!plain.contains("BDC") && !plain.contains("BMC") && !plain.contains("EMC"));
        assert_eq!(extras.fields.len(), 1);
    }

    #[test]
    fn a_line_of_content_broken_at_a_space_ends_with_one_for_the_tagged_pdf() {
        let lines = text::wrap(
            &[Span::plain("alfa bravo charlie delta echo foxtrot")],
            Style::new(Face::Regular, 10.0),
            60.0,
            Alignment::Left,
        );
        assert!(lines.len() >= 2 && lines[0].breaks_at_space);
        let draw = |line: &TextLine, mark| Draw::Text {
            x: 0.0,
            y: 0.0,
            line: line.clone(),
            color: [0.0; 3],
            mark,
        };
        let last = lines.len() - 1;
        let page = Page {
            draws: vec![
                draw(&lines[0], Mark::Content(1)),
                draw(&lines[0], Mark::Artifact(Artifact::Header)),
                draw(&lines[last], Mark::Content(1)),
            ],
        };
        let text = |page: &Page| -> Vec<String> {
            page.draws
                .iter()
                .filter_map(|draw| match draw {
                    Draw::Text { line, .. } => Some(
                        line.runs
                            .iter()
                            .flat_map(|run| run.glyphs.iter().map(|glyph| glyph.c))
                            .collect(),
                    ),
                    _ => None,
                })
                .collect()
        };
        let before = text(&page);
        let after = text(&with_word_breaks(std::slice::from_ref(&page))[0]);
        assert_eq!(after[0], format!("{} ", before[0]));
        // An artefact, and the paragraph's last line, stay as they are.
        assert_eq!(after[1..], before[1..]);
    }

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
