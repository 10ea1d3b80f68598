//! What every input format is read into before the protocol's structure is looked for: the
//! document's paragraphs and table rows in reading order, each with where it came from, so
//! that the import report can say where a field's text was found.

use std::fmt;

/// One paragraph or table row of the source document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceBlock {
    /// The text, on one line; for a table row, its cells joined by a tab.
    pub text: String,
    /// The cells of a table row (empty for a paragraph).
    pub cells: Vec<String>,
    /// A heading, a list item or a plain paragraph, as far as the source says.
    pub kind: BlockKind,
    /// Where in the source the block is.
    pub origin: Origin,
}

/// How the source marks a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BlockKind {
    /// A plain paragraph.
    #[default]
    Paragraph,
    /// A heading (Word's Title or Heading styles).
    Heading,
    /// A list item (Word numbering, or a "- " / "• " / "o " marker in text).
    ListItem,
}

/// Where a block was found: a paragraph number in a Word file or text, a page and line in
/// a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// Before the first block (the document as a whole).
    #[default]
    Start,
    /// Paragraph `n` (1-based) of a Word document or text file.
    Paragraph(usize),
    /// Line `line` (1-based) on page `page` (1-based) of a PDF.
    Page { page: usize, line: usize },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Start => write!(f, "begin van het document"),
            Origin::Paragraph(number) => write!(f, "alinea {number}"),
            Origin::Page { page, line } => write!(f, "pagina {page}, regel {line}"),
        }
    }
}

impl SourceBlock {
    /// A paragraph block with `text` (whitespace collapsed), at `origin`.
    pub fn paragraph(text: &str, kind: BlockKind, origin: Origin) -> Self {
        Self {
            text: one_line(text),
            kind,
            origin,
            ..Self::default()
        }
    }

    /// A table row with `cells` (each cell's whitespace collapsed), at `origin`.
    pub fn row(cells: Vec<String>, origin: Origin) -> Self {
        let cells: Vec<String> = cells.iter().map(|cell| one_line(cell)).collect();
        Self {
            text: cells.join("\t"),
            cells,
            origin,
            ..Self::default()
        }
    }
}

/// `text` on one line: runs of white space become one space, ends trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a plain text (as a Word document saved as text, or a PDF's text): one block per
/// non-empty line, a line with tabs is a table row, and a line that starts with a footnote
/// number ("¹ Zie …") is the footnote of the block that refers to it.
pub fn read_text(text: &str) -> Vec<SourceBlock> {
    let mut blocks: Vec<SourceBlock> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let origin = Origin::Paragraph(number + 1);
        let line = strip_markup(line);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if attach_footnote(&mut blocks, trimmed) {
            continue;
        }
        if line.contains('\t') {
            let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            if cells.iter().filter(|cell| !cell.trim().is_empty()).count() > 1
                || cells.first().is_some_and(|cell| cell.trim().is_empty())
            {
                blocks.push(SourceBlock::row(cells, origin));
                continue;
            }
        }
        let (kind, text) = match list_marker(trimmed) {
            Some(rest) => (BlockKind::ListItem, rest),
            None => (BlockKind::Paragraph, trimmed),
        };
        blocks.push(SourceBlock::paragraph(text, kind, origin));
    }
    blocks
}

/// A footnote line ("¹ Zie …") put where its mark stands in an earlier block, in the model's
/// markup (`^[…]`); false when `line` is no footnote or no block has its mark.
pub fn attach_footnote(blocks: &mut [SourceBlock], line: &str) -> bool {
    let Some((mark, footnote)) = footnote_line(line) else {
        return false;
    };
    let Some(block) = blocks
        .iter_mut()
        .rev()
        .find(|block| block.text.contains(mark))
    else {
        return false;
    };
    block.text = block
        .text
        .replacen(mark, &format!("^[{}]", one_line(footnote)), 1);
    true
}

/// The text after a list marker ("- ", "• ", "o ", "– "), if the line starts with one.
pub fn list_marker(line: &str) -> Option<&str> {
    let line = line.trim_start();
    ["- ", "• ", "– ", "o ", "◦ ", "▪ ", "* "]
        .iter()
        .find_map(|marker| line.strip_prefix(marker))
        .map(str::trim_start)
        .map(|rest| list_marker(rest).unwrap_or(rest))
}

/// The superscript digits that mark footnotes in text.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// A footnote line: its mark ("¹") and its text.
fn footnote_line(line: &str) -> Option<(&str, &str)> {
    let end = line
        .char_indices()
        .find(|(_, character)| !SUPERSCRIPTS.contains(character))
        .map(|(index, _)| index)?;
    (end > 0).then(|| (&line[..end], line[end..].trim()))
}

/// A line with the HTML-like tags some converters leave in tables (`<p>`, `<i>`, `<ul …>`)
/// taken out; the text between them stays.
pub fn strip_markup(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('<') {
        let Some(length) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start + 1..start + length];
        let looks_like_tag = tag
            .trim_start_matches('/')
            .chars()
            .next()
            .is_some_and(|first| first.is_ascii_alphabetic());
        out.push_str(&rest[..start]);
        if looks_like_tag {
            out.push(' ');
        } else {
            out.push_str(&rest[start..=start + length]);
        }
        rest = &rest[start + length + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_rows_lists_and_footnotes() {
        let text =
            "Titel\n\n- A. een punt\nZie dit.¹ En meer.\nGegeven 1\tHet INSZ\n¹ Een voetnoot.\n";
        let blocks = read_text(text);
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[1].kind, BlockKind::ListItem);
        assert_eq!(blocks[1].text, "A. een punt");
        assert_eq!(blocks[2].text, "Zie dit.^[Een voetnoot.] En meer.");
        assert_eq!(
            blocks[3].cells,
            vec!["Gegeven 1".to_string(), "Het INSZ".into()]
        );
        assert_eq!(blocks[3].origin.to_string(), "alinea 5");
    }

    #[test]
    fn markup_is_taken_out() {
        assert_eq!(
            one_line(&strip_markup("<p>Gegeven 1 <i>het gegeven</i></p>")),
            "Gegeven 1 het gegeven"
        );
        assert_eq!(strip_markup("a < b > c"), "a < b > c");
    }
}
