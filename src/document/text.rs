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

/// A free text folded into one run, or a gap marker when empty.
pub(crate) fn inline_text(text: &str, what: &str) -> Line {
    vec![or_gap(text, what)]
}

/// A free text as the paragraphs of a table cell ("- " lines stay as their own paragraphs).
pub(crate) fn paragraphs_cell(text: &str, what: &str) -> Cell {
    let paragraphs: Vec<Line> = text
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| match line.strip_prefix("- ") {
            Some(item) => vec![Span::plain(format!(
                "{} {}",
                ListMarker::Bullet.label(0),
                one_line(item)
            ))],
            None => vec![Span::plain(one_line(line))],
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

/// A free text as blocks: paragraphs split at blank lines, "- " lines as bullet lists.
/// An empty text becomes one paragraph with a gap marker (none when `what` is empty).
pub(crate) fn text_blocks(text: &str, what: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<ListItem> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(Paragraph {
                spans: vec![Span::plain(one_line(&paragraph.join(" ")))],
                ..Paragraph::default()
            }));
            paragraph.clear();
        }
    };
    let flush_items = |items: &mut Vec<ListItem>, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::List(List {
                marker: ListMarker::Bullet,
                items: std::mem::take(items),
            }));
        }
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_items(&mut items, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
            flush_paragraph(&mut paragraph, &mut blocks);
            items.push(ListItem {
                spans: vec![Span::plain(one_line(item))],
                children: Vec::new(),
            });
        } else {
            flush_items(&mut items, &mut blocks);
            paragraph.push(line);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_items(&mut items, &mut blocks);
    if blocks.is_empty() && !what.is_empty() {
        blocks.push(Block::Paragraph(Paragraph {
            spans: vec![Span::gap(what)],
            ..Paragraph::default()
        }));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

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
