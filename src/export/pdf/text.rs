//! Measuring and breaking text: spans to glyphs with the faces' own advance widths, greedy
//! wrapping at spaces and at the other break opportunities of UAX #14 (after "-" and "/"),
//! and lines aligned left, centred or justified.

use std::collections::BTreeSet;

use super::fonts::Face;
use crate::document::{Align, Span};

/// How lines sit between the margins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Alignment {
    Left,
    Center,
    Right,
    Justify,
}

impl From<Align> for Alignment {
    fn from(align: Align) -> Self {
        match align {
            Align::Justify => Alignment::Justify,
            Align::Left => Alignment::Left,
            Align::Center => Alignment::Center,
        }
    }
}

/// How a run of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Style {
    pub(super) face: Face,
    pub(super) size: f32,
    /// A "[in te vullen: …]" marker: drawn on a highlight.
    pub(super) gap: bool,
}

impl Style {
    pub(super) fn new(face: Face, size: f32) -> Self {
        Self {
            face,
            size,
            gap: false,
        }
    }

    fn of(span: &Span, base: Style) -> Self {
        let face = match base.face {
            Face::Bold => Face::Bold,
            Face::Italic => Face::of(span.bold, true),
            Face::Regular => Face::of(span.bold, span.italic),
        };
        Self {
            face,
            size: base.size,
            gap: span.gap,
        }
    }
}

/// One glyph to show: its id, the character it stands for (for `/ToUnicode`), and the extra
/// space after it (justification), in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Glyph {
    pub(super) gid: u16,
    pub(super) c: char,
    pub(super) extra: f32,
}

/// Glyphs in one style at a position on the line.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Run {
    pub(super) style: Style,
    /// Offset from the line's left edge, in points.
    pub(super) x: f32,
    /// Width including justification, in points.
    pub(super) width: f32,
    pub(super) glyphs: Vec<Glyph>,
}

/// A laid-out line of text.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct TextLine {
    pub(super) runs: Vec<Run>,
    /// The natural height of the line box, in points.
    pub(super) height: f32,
    /// The baseline's distance below the top of the line box.
    pub(super) baseline: f32,
    /// The line was broken at a space: the next line starts a new word. (The tagged PDF
    /// writes that space at the end of the line, as tagged PDF asks word breaks to be.)
    pub(super) breaks_at_space: bool,
}

/// The line height for text of `size` points.
pub(super) fn line_height(size: f32) -> f32 {
    size * 1.32
}

#[derive(Clone, Debug)]
struct Piece {
    style: Style,
    glyphs: Vec<(u16, char, f32)>,
    width: f32,
}

#[derive(Clone, Debug)]
enum Token {
    /// A word, or the part of a word up to a break opportunity (the next part follows it
    /// with no space between).
    Word(Vec<Piece>),
    Space(Piece),
}

impl Token {
    fn width(&self) -> f32 {
        match self {
            Token::Word(pieces) => pieces.iter().map(|piece| piece.width).sum(),
            Token::Space(piece) => piece.width,
        }
    }
}

/// The glyph for `c` in `style` and its advance in points.
fn shape(c: char, style: Style) -> (u16, char, f32) {
    let metrics = style.face.metrics();
    let shown = if c.is_control() || !metrics.has(c) {
        if metrics.has('\u{25A1}') {
            '\u{25A1}'
        } else {
            '?'
        }
    } else {
        c
    };
    let (gid, advance) = metrics.glyph(shown);
    (gid, shown, metrics.points(f32::from(advance), style.size))
}

/// The width of `text` in `style`, in points.
pub(super) fn width(text: &str, style: Style) -> f32 {
    text.chars().map(|c| shape(c, style).2).sum()
}

/// Spaces that must not break a line; they are shown as a space inside the word.
const NO_BREAK: [char; 3] = ['\u{A0}', '\u{202F}', '\u{2007}'];

/// Format characters with no visible form of their own (soft hyphen, zero-width space and
/// joiners, word joiner, byte order mark): left out.
const INVISIBLE: [char; 6] = [
    '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

/// Where a line may break inside a word: the byte offsets (into the spans' text, joined)
/// that UAX #14 allows a break before, such as after "-" in "INSZ-nummer" and after "/" in a
/// web address. Breaks at spaces are the spaces' own; a soft hyphen gives none (a break there
/// would have to show a hyphen).
fn break_opportunities(spans: &[Span]) -> BTreeSet<usize> {
    let text: String = spans.iter().map(|span| span.text.as_str()).collect();
    unicode_linebreak::linebreaks(&text)
        .map(|(at, _)| at)
        .filter(|&at| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(|before| !before.is_whitespace() && before != '\u{AD}')
        })
        .collect()
}

fn tokens(spans: &[Span], base: Style) -> Vec<Token> {
    let breaks = break_opportunities(spans);
    let mut tokens = Vec::new();
    let mut word: Vec<Piece> = Vec::new();
    let mut offset = 0;
    for span in spans {
        let style = Style::of(span, base);
        for (index, c) in span.text.char_indices() {
            if breaks.contains(&(offset + index)) && !word.is_empty() {
                // The part of the word up to here may end a line; the rest follows with no
                // space between.
                tokens.push(Token::Word(std::mem::take(&mut word)));
            }
            if INVISIBLE.contains(&c) {
                continue;
            }
            if c.is_whitespace() && !NO_BREAK.contains(&c) {
                if !word.is_empty() {
                    tokens.push(Token::Word(std::mem::take(&mut word)));
                }
                let glyph = shape(' ', style);
                tokens.push(Token::Space(Piece {
                    style,
                    width: glyph.2,
                    glyphs: vec![glyph],
                }));
                continue;
            }
            let glyph = if NO_BREAK.contains(&c) {
                shape(' ', style)
            } else {
                shape(c, style)
            };
            match word.last_mut() {
                Some(piece) if piece.style == style => {
                    piece.width += glyph.2;
                    piece.glyphs.push(glyph);
                }
                _ => word.push(Piece {
                    style,
                    width: glyph.2,
                    glyphs: vec![glyph],
                }),
            }
        }
        offset += span.text.len();
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }
    tokens
}

/// Splits a word wider than `max` into parts that fit (at least one glyph each).
fn split_word(pieces: Vec<Piece>, max: f32) -> Vec<Vec<Piece>> {
    let mut parts = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut used = 0.0;
    for piece in pieces {
        for glyph in piece.glyphs {
            if used + glyph.2 > max && used > 0.0 {
                parts.push(std::mem::take(&mut current));
                used = 0.0;
            }
            used += glyph.2;
            match current.last_mut() {
                Some(last) if last.style == piece.style => {
                    last.width += glyph.2;
                    last.glyphs.push(glyph);
                }
                _ => current.push(Piece {
                    style: piece.style,
                    width: glyph.2,
                    glyphs: vec![glyph],
                }),
            }
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// Breaks `spans` into lines of at most `max` points, aligned as `align` says. An empty
/// paragraph gives one empty line (it still takes its height).
pub(super) fn wrap(spans: &[Span], base: Style, max: f32, align: Alignment) -> Vec<TextLine> {
    let max = max.max(1.0);
    // Each line's tokens, and whether it was broken at a space.
    let mut lines: Vec<(Vec<Token>, bool)> = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    let mut used = 0.0;
    for token in tokens(spans, base) {
        match token {
            Token::Space(_) => {
                if !current.is_empty() {
                    used += token.width();
                    current.push(token);
                }
            }
            Token::Word(pieces) => {
                let word_width: f32 = pieces.iter().map(|piece| piece.width).sum();
                if used + word_width > max && !current.is_empty() {
                    let mut at_space = false;
                    while matches!(current.last(), Some(Token::Space(_))) {
                        current.pop();
                        at_space = true;
                    }
                    lines.push((std::mem::take(&mut current), at_space));
                    used = 0.0;
                }
                if word_width > max {
                    let mut parts = split_word(pieces, max);
                    let last = parts.pop();
                    for part in parts {
                        lines.push((vec![Token::Word(part)], false));
                    }
                    if let Some(last) = last {
                        let token = Token::Word(last);
                        used = token.width();
                        current.push(token);
                    }
                } else {
                    used += word_width;
                    current.push(Token::Word(pieces));
                }
            }
        }
    }
    while matches!(current.last(), Some(Token::Space(_))) {
        current.pop();
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push((current, false));
    }
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(index, (tokens, at_space))| TextLine {
            breaks_at_space: at_space,
            ..place(tokens, base, max, align, index + 1 == count)
        })
        .collect()
}

fn place(tokens: Vec<Token>, base: Style, max: f32, align: Alignment, last: bool) -> TextLine {
    let natural: f32 = tokens.iter().map(Token::width).sum();
    let spaces = tokens
        .iter()
        .filter(|token| matches!(token, Token::Space(_)))
        .count();
    let (start, extra) = match align {
        Alignment::Left => (0.0, 0.0),
        Alignment::Center => (((max - natural) / 2.0).max(0.0), 0.0),
        Alignment::Right => ((max - natural).max(0.0), 0.0),
        // A line less than two thirds full (a long word such as a web address follows)
        // would get gaping holes: it stays left-aligned.
        Alignment::Justify if !last && spaces > 0 && natural < max && natural > max * 0.66 => {
            (0.0, (max - natural) / spaces as f32)
        }
        Alignment::Justify => (0.0, 0.0),
    };
    let mut runs: Vec<Run> = Vec::new();
    let mut x = start;
    let mut push = |piece: Piece, extra: f32, runs: &mut Vec<Run>| {
        let width = piece.width + extra * piece.glyphs.len() as f32;
        let glyphs = piece
            .glyphs
            .iter()
            .map(|&(gid, c, _)| Glyph { gid, c, extra });
        match runs.last_mut() {
            Some(run) if run.style == piece.style => {
                run.glyphs.extend(glyphs);
                run.width += width;
            }
            _ => runs.push(Run {
                style: piece.style,
                x,
                width,
                glyphs: glyphs.collect(),
            }),
        }
        x += width;
    };
    for token in tokens {
        match token {
            Token::Word(pieces) => {
                for piece in pieces {
                    push(piece, 0.0, &mut runs);
                }
            }
            Token::Space(piece) => push(piece, extra, &mut runs),
        }
    }
    let size = base.size;
    TextLine {
        runs,
        height: line_height(size),
        baseline: size * 1.02,
        breaks_at_space: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lines: &[TextLine]) -> String {
        lines
            .iter()
            .map(|line| {
                line.runs
                    .iter()
                    .flat_map(|run| run.glyphs.iter().map(|glyph| glyph.c))
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let text = "Het kansentarief geldt vanaf het begin van het recht; de besturen hebben de \
                    datum nodig om facturen van de lopende periode correct op te maken.";
        let lines = wrap(
            &[Span::plain(text)],
            Style::new(Face::Regular, 10.0),
            150.0,
            Alignment::Justify,
        );
        assert!(lines.len() > 3);
        assert_eq!(words(&lines), text);
        for line in &lines[..lines.len() - 1] {
            let end = line.runs.last().map(|run| run.x + run.width).unwrap_or(0.0);
            assert!((end - 150.0).abs() < 0.5, "justified line ends at {end}");
        }
    }

    #[test]
    fn a_line_knows_whether_it_was_broken_at_a_space() {
        let lines = wrap(
            &[Span::plain("alfa bravo charlie-delta-echo-foxtrot-golf")],
            Style::new(Face::Regular, 10.0),
            60.0,
            Alignment::Left,
        );
        let breaks: Vec<bool> = lines.iter().map(|line| line.breaks_at_space).collect();
        assert!(breaks.len() >= 3, "{breaks:?}");
        assert!(breaks[0], "after \"alfa\" (or \"bravo\"): a space");
        // After "charlie-": a break inside the word; the last line: no break at all.
        assert!(
            !breaks[breaks.len() - 2] && !breaks[breaks.len() - 1],
            "{breaks:?}"
        );
    }

    #[test]
    fn no_break_spaces_hold_words_together() {
        let lines = wrap(
            &[Span::plain("artikel 8,\u{A0}§1 van het decreet")],
            Style::new(Face::Regular, 10.0),
            60.0,
            Alignment::Left,
        );
        assert!(
            lines
                .iter()
                .any(|line| words(std::slice::from_ref(line)).contains("8, §1")),
            "{}",
            words(&lines)
        );
    }

    #[test]
    fn overlong_words_are_split() {
        let text = "x".repeat(500);
        let lines = wrap(
            &[Span::plain(&text)],
            Style::new(Face::Regular, 10.0),
            100.0,
            Alignment::Left,
        );
        assert!(lines.len() > 5);
        assert_eq!(words(&lines).replace(' ', ""), text);
    }

    /// The text of each line.
    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines
            .iter()
            .map(|line| words(std::slice::from_ref(line)))
            .collect()
    }

    fn left(text: &str, max: f32) -> Vec<String> {
        texts(&wrap(
            &[Span::plain(text)],
            Style::new(Face::Regular, 10.0),
            max,
            Alignment::Left,
        ))
    }

    fn width_of(text: &str) -> f32 {
        width(text, Style::new(Face::Regular, 10.0))
    }

    #[test]
    fn a_web_address_breaks_after_slashes_and_hyphens() {
        let url = "https://www.vlaanderen.be/digitaal-vlaanderen/onze-oplossingen/protocollen";
        let lines = left(url, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), url);
        for line in &lines[..lines.len() - 1] {
            assert!(line.ends_with('/') || line.ends_with('-'), "{lines:?}");
        }
    }

    #[test]
    fn insz_nummer_breaks_after_its_hyphen() {
        let max = width_of("het INSZ-") + 2.0;
        assert!(max < width_of("het INSZ-nummer"));
        assert_eq!(left("het INSZ-nummer", max), ["het INSZ-", "nummer"]);
    }

    #[test]
    fn e_govdecreet_breaks_after_its_hyphen() {
        let max = width_of("van het e-gov");
        assert_eq!(
            left("van het e-govdecreet", max),
            ["van het e-", "govdecreet"]
        );
        // A hyphenated word that fits stays whole.
        assert_eq!(left("het e-govdecreet", 200.0), ["het e-govdecreet"]);
    }

    #[test]
    fn a_part_longer_than_the_line_still_breaks_by_character() {
        let text = format!("INSZ-{}", "x".repeat(80));
        let lines = left(&text, 100.0);
        assert_eq!(lines[0], "INSZ-", "{lines:?}");
        assert!(lines.len() > 3, "{lines:?}");
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn no_break_at_a_soft_hyphen_or_inside_a_number() {
        // "5-10" (hyphen before a digit) and a soft hyphen give no break opportunity.
        let max = width_of("artikel 5-1");
        assert_eq!(left("artikel 5-10", max), ["artikel", "5-10"]);
        let max = width_of("protocol");
        assert_eq!(left("proto\u{AD}collen", max), ["protocol", "len"]);
    }
}
