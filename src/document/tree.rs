//! The neutral document tree: what a protocol says, in blocks, independent of any file format.
//! The DOCX and PDF writers render this tree and nothing else; each matches every [`Block`]
//! variant with no catch-all arm, so a new kind of block breaks the build until both handle it.

use chrono::NaiveDate;

use crate::step::Step;

/// A whole document, ready for a writer.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Title, author, dates, header/footer texts.
    pub metadata: Metadata,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
}

/// What writers put in document properties and in the header and footer of every page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// The full title.
    pub title: String,
    /// The subject ("in het kader van …").
    pub subject: String,
    /// The author: the drafting party (the municipality in the Opgroeien case).
    pub author: String,
    /// The creating program and its version, e.g. "Protocolwijzer 0.1.0".
    pub creator: String,
    /// The protocol's date, used as creation date (never the clock: exports are deterministic).
    pub date: Option<NaiveDate>,
    /// The short title for headers and footers.
    pub short_title: String,
    /// The document's status in words, e.g. "Ontwerp" or "Goedgekeurd door Opgroeien regie".
    pub status: String,
    /// Whether the document carries the "ONTWERP" mark.
    pub draft: bool,
    /// The first 12 hex digits of the content fingerprint.
    pub fingerprint: String,
}

/// A run of text with one style.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Span {
    /// The text; never contains a newline (a line break is a new paragraph or list item).
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// A visible gap marker for an empty field (e.g. "[in te vullen: KBO-nummer]"): writers
    /// highlight it so nobody signs a document with a hole in it.
    pub gap: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            bold: true,
            ..Self::plain(text)
        }
    }

    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            italic: true,
            ..Self::plain(text)
        }
    }

    /// A gap marker for the empty field described by `what`: "[in te vullen: <what>]".
    pub fn gap(what: &str) -> Self {
        Self {
            text: format!("[in te vullen: {what}]"),
            gap: true,
            ..Self::default()
        }
    }
}

/// A paragraph of spans.
pub type Line = Vec<Span>;

/// Horizontal alignment of a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Justified, as in the body of a protocol.
    #[default]
    Justify,
    /// Left-aligned.
    Left,
    /// Centred (title block, "TUSSEN", "EN").
    Center,
}

/// One block of the body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The document title (Word style "Title").
    Title(Line),
    /// A line under the title ("in het kader van …", the date), centred.
    Subtitle(Line),
    /// A heading: level 1 for the main parts and articles, level 2 below them.
    Heading(Heading),
    /// A paragraph of running text.
    Paragraph(Paragraph),
    /// A bulleted or lettered list; items may be nested one level.
    List(List),
    /// A table with optional repeated, shaded header rows.
    Table(Table),
    /// The signature boxes, one per signatory.
    Signatures(Vec<SignatureBox>),
    /// Start the next block on a new page.
    PageBreak,
}

/// A heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 or 2.
    pub level: u8,
    /// The text, including any article number ("Artikel 3. De gegevens").
    pub text: String,
    /// The wizard step this part of the document belongs to, for the live preview.
    pub step: Option<Step>,
}

/// A paragraph.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    /// The text.
    pub spans: Line,
    /// Alignment.
    pub align: Align,
    /// Keep with the next block on the same page (labels above a list, "TUSSEN").
    pub keep_with_next: bool,
}

/// A list.
#[derive(Clone, Debug, PartialEq)]
pub struct List {
    /// Bullets or letters.
    pub marker: ListMarker,
    /// The items.
    pub items: Vec<ListItem>,
}

/// How list items are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListMarker {
    /// "–" or "•".
    Bullet,
    /// "A.", "B.", … (recitals).
    Letter,
    /// "1°", "2°", …
    Number,
}

/// One list item, with optional sub-items.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListItem {
    /// The item's text.
    pub spans: Line,
    /// Nested items (one level), bulleted.
    pub children: Vec<Line>,
}

/// A table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Relative column widths (any positive numbers; writers scale them to the text width).
    pub column_widths: Vec<f32>,
    /// Header rows: shaded, bold, repeated on every page the table spans.
    pub header: Vec<Row>,
    /// Body rows.
    pub rows: Vec<Row>,
}

/// A table row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// Never split this row across pages.
    pub keep_together: bool,
}

/// A table cell: one or more paragraphs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// The cell's paragraphs.
    pub paragraphs: Vec<Line>,
    /// Light shading (label cells such as "Gegeven 3").
    pub shaded: bool,
}

/// One signatory's box in the signature block.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignatureBox {
    /// "Voor <partij>".
    pub party: String,
    /// The signatory's function.
    pub function: String,
    /// The signatory's name.
    pub name: String,
    /// A unique, stable name for the PDF signature field, e.g. `Handtekening_Opgroeien_regie_1`
    /// (letters, digits and underscores only).
    pub field_name: String,
}

impl Block {
    /// All text of the block in reading order, one line per paragraph, list item or cell
    /// paragraph. Used by the preview and by tests that compare writers.
    pub fn plain_text(&self) -> Vec<String> {
        fn line(spans: &[Span]) -> String {
            spans.iter().map(|span| span.text.as_str()).collect()
        }
        match self {
            Block::Title(spans) | Block::Subtitle(spans) => vec![line(spans)],
            Block::Heading(heading) => vec![heading.text.clone()],
            Block::Paragraph(paragraph) => vec![line(&paragraph.spans)],
            Block::List(list) => list
                .items
                .iter()
                .flat_map(|item| {
                    std::iter::once(line(&item.spans))
                        .chain(item.children.iter().map(|child| line(child)))
                })
                .collect(),
            Block::Table(table) => table
                .header
                .iter()
                .chain(table.rows.iter())
                .flat_map(|row| row.cells.iter())
                .flat_map(|cell| cell.paragraphs.iter().map(|paragraph| line(paragraph)))
                .collect(),
            Block::Signatures(boxes) => boxes
                .iter()
                .flat_map(|signature| {
                    [
                        signature.party.clone(),
                        signature.function.clone(),
                        signature.name.clone(),
                    ]
                })
                .collect(),
            Block::PageBreak => Vec::new(),
        }
    }
}

impl Document {
    /// The whole document as plain text, one line per paragraph.
    pub fn plain_text(&self) -> String {
        self.blocks
            .iter()
            .flat_map(Block::plain_text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
