//! Text helpers shared by the document builders: gap markers for empty fields, one-line
//! folding, free text as paragraphs and lists, table cells, PDF field names.

use chrono::NaiveDate;

use super::{Block, Cell, Line, List, ListItem, ListMarker, Paragraph, Span};
use crate::dutch::dutch_long;
pub(crate) use crate::dutch::join_names;

pub(crate) fn or_gap(text: &str, what: &str) -> Span {
    if text.trim().is_empty() {
        Span::gap(what)
    } else {
        Span::plain(one_line(text))
    }
}

pub(crate) fn or_gap_bold(text: &str, what: &str) -> Span {
    if text.trim().is_empty() {
        Span::gap(what)
    } else {
        Span::bold(one_line(text))
    }
}

pub(crate) fn date_or_gap(date: Option<NaiveDate>, what: &str) -> Span {
    match date {
        Some(date) => Span::plain(dutch_long(date)),
        None => Span::gap(what),
    }
}

pub(crate) fn non_empty_or(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        one_line(text)
    }
}

/// A text as one line: line breaks and runs of white space become single spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A free text folded into one line with its markup (bold, italic, footnotes), or a gap
/// marker when empty.
pub(crate) fn inline_text(text: &str, what: &str) -> Line {
    if text.trim().is_empty() {
        vec![Span::gap(what)]
    } else {
        rich_line(&one_line(text))
    }
}

/// The spans of one line of free text with the markup of docs/FORMAT.md ("Opmaak in vrije
/// tekst"): `**vet**`, `*cursief*` and footnotes `^[tekst van de voetnoot]`. A marker without
/// its closing half is text like any other: nothing the user typed is ever lost.
pub(crate) fn rich_line(text: &str) -> Line {
    let mut spans: Line = Vec::new();
    let mut current = String::new();
    let (mut bold, mut italic) = (false, false);
    let flush = |current: &mut String, spans: &mut Line, bold: bool, italic: bool| {
        if !current.is_empty() {
            spans.push(Span {
                text: std::mem::take(current),
                bold,
                italic,
                ..Span::default()
            });
        }
    };
    let mut rest = text;
    while let Some(character) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("^[")
            && let Some(end) = closing_bracket(after)
        {
            flush(&mut current, &mut spans, bold, italic);
            let note = one_line(&after[..end]);
            spans.push(Span::footnote(rich_line_without_notes(&note)));
            rest = &after[end + 1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("**") {
            if bold || after.contains("**") {
                flush(&mut current, &mut spans, bold, italic);
                bold = !bold;
            } else {
                // Two stars that open nothing are text.
                current.push_str("**");
            }
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix('*') {
            let opens = !italic
                && after
                    .chars()
                    .next()
                    .is_some_and(|next| !next.is_whitespace())
                && after.contains('*');
            if italic || opens {
                flush(&mut current, &mut spans, bold, italic);
                italic = !italic;
                rest = after;
                continue;
            }
        }
        current.push(character);
        rest = &rest[character.len_utf8()..];
    }
    flush(&mut current, &mut spans, bold, italic);
    spans
}

/// A footnote's own text: bold and italic, but a `^[` inside it is text.
fn rich_line_without_notes(text: &str) -> Line {
    rich_line(&text.replace("^[", "^\u{200B}["))
        .into_iter()
        .map(|mut span| {
            span.text = span.text.replace('\u{200B}', "");
            span
        })
        .collect()
}

/// Where the `]` that closes a footnote opened just before `text` is, counting brackets
/// inside it.
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, character) in text.char_indices() {
        match character {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(at),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A free text as the paragraphs of a table cell ("- " lines stay as their own paragraphs).
pub(crate) fn paragraphs_cell(text: &str, what: &str) -> Cell {
    let paragraphs: Vec<Line> = text
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| match line.strip_prefix("- ") {
            Some(item) => {
                let mut spans = vec![Span::plain(format!("{} ", ListMarker::Bullet.label(0)))];
                spans.extend(rich_line(&one_line(item)));
                spans
            }
            None => rich_line(&one_line(line)),
        })
        .collect();
    if paragraphs.is_empty() {
        Cell::line(vec![Span::gap(what)], false)
    } else {
        Cell {
            paragraphs,
            shaded: false,
        }
    }
}

/// A free text as blocks: paragraphs split at blank lines; "- " (or "• ") lines as a bulleted
/// list and "1. " lines as a numbered one, with lines indented by two spaces or a tab as their
/// sub-items; inline markup as in [`rich_line`]. An empty text becomes one paragraph with a
/// gap marker (none when `what` is empty).
pub(crate) fn text_blocks(text: &str, what: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Option<List> = None;
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(Paragraph {
                spans: rich_line(&one_line(&paragraph.join(" "))),
                ..Paragraph::default()
            }));
            paragraph.clear();
        }
    };
    let flush_list = |list: &mut Option<List>, blocks: &mut Vec<Block>| {
        if let Some(list) = list.take() {
            blocks.push(Block::List(list));
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        let indented = raw.starts_with("  ") || raw.starts_with('\t');
        let item = list_item(line);
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
            continue;
        }
        match (item, list.as_mut()) {
            // A sub-item: under the last item of the open list.
            (Some((_, content)), Some(open)) if indented && !open.items.is_empty() => {
                if let Some(last) = open.items.last_mut() {
                    last.children.push(rich_line(&one_line(content)));
                }
            }
            (Some((marker, content)), open) => {
                flush_paragraph(&mut paragraph, &mut blocks);
                if open.as_ref().is_some_and(|open| open.marker != marker) {
                    flush_list(&mut list, &mut blocks);
                }
                list.get_or_insert_with(|| List {
                    marker,
                    items: Vec::new(),
                })
                .items
                .push(ListItem {
                    spans: rich_line(&one_line(content)),
                    children: Vec::new(),
                });
            }
            (None, _) => {
                flush_list(&mut list, &mut blocks);
                paragraph.push(line);
            }
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut list, &mut blocks);
    if blocks.is_empty() && !what.is_empty() {
        blocks.push(Block::Paragraph(Paragraph {
            spans: vec![Span::gap(what)],
            ..Paragraph::default()
        }));
    }
    blocks
}

/// A list line: "- x" and "• x" are bullets, "1. x" (any number) numbered.
fn list_item(line: &str) -> Option<(ListMarker, &str)> {
    if let Some(content) = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
        return Some((ListMarker::Bullet, content));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(content) = line[digits..].strip_prefix(". ")
    {
        return Some((ListMarker::Number, content));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &Line) -> Vec<(&str, bool, bool, bool)> {
        line.iter()
            .map(|span| {
                (
                    span.text.as_str(),
                    span.bold,
                    span.italic,
                    span.footnote.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn markup_gives_bold_italic_and_footnotes_and_loses_nothing() {
        assert_eq!(
            texts(&rich_line(
                "Een **vette** en *schuine* zin.^[Zie **bijlage** 1.] Klaar"
            )),
            vec![
                ("Een ", false, false, false),
                ("vette", true, false, false),
                (" en ", false, false, false),
                ("schuine", false, true, false),
                (" zin.", false, false, false),
                ("", false, false, true),
                (" Klaar", false, false, false),
            ]
        );
        let note = rich_line("a^[Zie **b**.]");
        let inner = note[1].footnote.as_ref().unwrap();
        assert_eq!(
            texts(inner),
            vec![
                ("Zie ", false, false, false),
                ("b", true, false, false),
                (".", false, false, false)
            ]
        );
        // Unclosed or lone markers stay text.
        for literal in ["5 * 3 = 15", "een ^[ open haakje", "**niet gesloten", "a*"] {
            let joined: String = rich_line(literal).iter().map(|s| s.text.as_str()).collect();
            assert_eq!(joined, literal);
        }
    }

    #[test]
    fn lists_are_numbered_or_bulleted_with_a_second_level() {
        let blocks = text_blocks(
            "Inleiding:\n1. een\n  - een a\n  - een b\n2. twee\n- los",
            "x",
        );
        assert!(matches!(&blocks[0], Block::Paragraph(_)));
        let Block::List(numbered) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(numbered.marker, ListMarker::Number);
        assert_eq!(numbered.items.len(), 2);
        assert_eq!(numbered.items[0].children.len(), 2);
        let Block::List(bullets) = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert_eq!(bullets.marker, ListMarker::Bullet);
    }

    #[test]
    fn text_becomes_paragraphs_and_lists() {
        let blocks = text_blocks(
            "Eerste zin\nloopt door.\n\nInleiding:\n- een\n- twee\n\nSlot.",
            "x",
        );
        assert_eq!(blocks.len(), 4);
        assert!(
            matches!(&blocks[0], Block::Paragraph(p) if p.spans[0].text == "Eerste zin loopt door.")
        );
        assert!(matches!(&blocks[2], Block::List(list) if list.items.len() == 2));
        let empty = text_blocks("  \n", "de context");
        assert!(matches!(&empty[0], Block::Paragraph(p) if p.spans[0].gap));
        assert!(text_blocks("", "").is_empty());
    }
}
