//! The neutral document tree: what a protocol says, in blocks, independent of any file format.
//! The DOCX and PDF writers render this tree and nothing else; each matches every [`Block`]
//! variant with no catch-all arm, so a new kind of block breaks the build until both handle it.

use chrono::NaiveDate;

use crate::model::Step;

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
    /// Where the document stands: a draft carries the "ONTWERP" mark.
    pub status: DocumentStatus,
    /// The first 12 hex digits of the content fingerprint.
    pub fingerprint: String,
    /// Which protocol content this document states, for documents that are signed (the
    /// protocol, an addendum): embedded in the PDF's properties so that a signed file that
    /// comes back can be matched to its protocol (`signature::verify`). `None` for the
    /// documents around a protocol (besluit, Adviesverslag).
    pub identity: Option<Identity>,
}

/// What a signed document is: its kind and the full content fingerprint it states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// "protocol", or "addendum 2".
    pub kind: String,
    /// The full content fingerprint (64 hex digits) of the protocol content the text states.
    pub fingerprint: String,
}

/// Where a document stands, as the writers show it: the "ONTWERP" mark on a draft, the status
/// in the page header and in the document properties. Writers decide on this, never on text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentStatus {
    /// Not final: every page carries the "ONTWERP" mark. `reason` says why in lower-case words
    /// ("concept", "gewijzigd na goedkeuring", "de controle vindt fouten"); it may be empty.
    Draft {
        /// Why it is a draft.
        reason: String,
    },
    /// Approved on exactly this content, ready for signature; `approval` says by whom and when
    /// ("Goedgekeurd door … op …").
    Final {
        /// The approval in words.
        approval: String,
    },
}

impl Default for DocumentStatus {
    fn default() -> Self {
        DocumentStatus::Draft {
            reason: String::new(),
        }
    }
}

impl DocumentStatus {
    /// A draft for `reason`.
    pub fn draft(reason: impl Into<String>) -> Self {
        DocumentStatus::Draft {
            reason: reason.into(),
        }
    }

    /// Whether the document carries the "ONTWERP" mark.
    pub fn is_draft(&self) -> bool {
        matches!(self, DocumentStatus::Draft { .. })
    }

    /// The status in words, for headers and properties: "Ontwerp – concept", "Ontwerp", or the
    /// approval.
    pub fn label(&self) -> String {
        match self {
            DocumentStatus::Draft { reason } if reason.trim().is_empty() => "Ontwerp".to_string(),
            DocumentStatus::Draft { reason } => format!("Ontwerp – {}", reason.trim()),
            DocumentStatus::Final { approval } => approval.clone(),
        }
    }
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
    /// highlight it so nobody signs a document with a hole in it. Only this flag makes a gap:
    /// no writer looks for the words.
    pub gap: bool,
    /// A footnote reference: the span has no text of its own; this is the footnote's text.
    /// Writers number footnotes in reading order (DOCX: real Word footnotes; PDF: a raised
    /// number, the text at the foot of the same page).
    pub footnote: Option<Vec<Span>>,
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

    /// A footnote reference with this text.
    pub fn footnote(text: Line) -> Self {
        Self {
            footnote: Some(text),
            ..Self::default()
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
    /// "–" (nested items "•").
    Bullet,
    /// "A.", "B.", … "Z.", "AA.", "BB.", … (recitals), as Word letters a list.
    Letter,
    /// "1°", "2°", …
    Number,
}

impl ListMarker {
    /// The marker of a nested item, whatever the list's own marker.
    pub const NESTED: &'static str = "•";

    /// The marker of the top-level item at `index` (0-based). Every renderer (DOCX, PDF, the
    /// preview) takes its markers from here, so the three say the same.
    pub fn label(self, index: usize) -> String {
        match self {
            ListMarker::Bullet => "–".to_string(),
            ListMarker::Letter => format!("{}.", letters(index)),
            ListMarker::Number => format!("{}°", index + 1),
        }
    }
}

/// Letters for a 0-based index the way Word numbers an upper-letter list, so a DOCX list (whose
/// markers Word draws) says the same as the PDF: A … Z, then AA, BB, … ZZ, then AAA, …
fn letters(index: usize) -> String {
    // index % 26 < 26, so the sum stays within 'A'..='Z'.
    let letter = char::from(b'A' + (index % 26) as u8);
    std::iter::repeat_n(letter, index / 26 + 1).collect()
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
    /// Keep this row on the page of the next one (the rows of one data item stay together
    /// when they fit on a page).
    pub keep_with_next: bool,
}

impl Row {
    /// A row that is never split across pages.
    pub fn unbroken(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            keep_together: true,
            keep_with_next: false,
        }
    }
}

/// A table cell: one or more paragraphs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// The cell's paragraphs.
    pub paragraphs: Vec<Line>,
    /// Light shading (label cells such as "Gegeven 3").
    pub shaded: bool,
}

impl Cell {
    /// A cell of one paragraph.
    pub fn line(spans: Line, shaded: bool) -> Cell {
        Cell {
            paragraphs: vec![spans],
            shaded,
        }
    }
}

/// One signatory's box in the signature block. Its lines are spans like any other text, so an
/// empty function or name is a gap span that every writer highlights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignatureBox {
    /// "Voor <partij>".
    pub party: Line,
    /// The signatory's function.
    pub function: Line,
    /// The signatory's name.
    pub name: Line,
    /// A unique, stable name for the PDF signature field, e.g. `Handtekening_Opgroeien_regie_1`
    /// (letters, digits and underscores only).
    pub field_name: String,
}

/// The names of a document's signature fields: letters, digits and underscores only (PDF
/// readers take a period as a hierarchy), each unique. The document builder names the fields
/// with it, and the PDF writer makes sure again with the same rules, for a tree built by hand.
#[derive(Clone, Debug, Default)]
pub struct FieldNames {
    taken: std::collections::BTreeSet<String>,
}

impl FieldNames {
    /// `wanted` with every other character as `_`, or `fallback` when nothing else is left,
    /// made unique with `_2`, `_3`, …
    pub fn unique(&mut self, wanted: &str, fallback: &str) -> String {
        let mut clean = field_safe(wanted);
        if clean.is_empty() {
            clean = field_safe(fallback);
        }
        let mut unique = clean.clone();
        let mut suffix = 2;
        while !self.taken.insert(unique.clone()) {
            unique = format!("{clean}_{suffix}");
            suffix += 1;
        }
        unique
    }
}

/// Letters, digits and underscores only, without leading or trailing underscores.
pub fn field_safe(text: &str) -> String {
    let safe: String = text
        .chars()
        .map(|character| {
            if character.is_ascii_alphanumeric() {
                character
            } else {
                '_'
            }
        })
        .collect();
    safe.trim_matches('_').to_string()
}

impl Block {
    /// A bulleted list of one-level items.
    pub fn bullets(items: Vec<Line>) -> Block {
        Block::List(List {
            marker: ListMarker::Bullet,
            items: items
                .into_iter()
                .map(|spans| ListItem {
                    spans,
                    children: Vec::new(),
                })
                .collect(),
        })
    }

    /// A heading block.
    pub fn heading(level: u8, text: impl Into<String>, step: Option<Step>) -> Block {
        Block::Heading(Heading {
            level,
            text: text.into(),
            step,
        })
    }

    /// A paragraph block.
    pub fn paragraph(spans: Line, align: Align, keep_with_next: bool) -> Block {
        Block::Paragraph(Paragraph {
            spans,
            align,
            keep_with_next,
        })
    }

    /// A table with one shaded, bold header row of `titles`.
    pub fn table(titles: &[&str], column_widths: &[f32], rows: Vec<Row>) -> Block {
        Block::Table(Table {
            column_widths: column_widths.to_vec(),
            header: vec![Row::unbroken(
                titles
                    .iter()
                    .map(|title| Cell::line(vec![Span::bold(*title)], true))
                    .collect(),
            )],
            rows,
        })
    }

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
                        line(&signature.party),
                        line(&signature.function),
                        line(&signature.name),
                    ]
                })
                .collect(),
            Block::PageBreak => Vec::new(),
        }
    }
}

impl Block {
    /// Calls `visit` for every line of text in the block, in reading order (list items before
    /// their sub-items, table cells row by row, signature boxes line by line).
    pub fn for_each_line_mut(&mut self, visit: &mut impl FnMut(&mut Line)) {
        match self {
            Block::Title(spans) | Block::Subtitle(spans) => visit(spans),
            Block::Heading(_) | Block::PageBreak => {}
            Block::Paragraph(paragraph) => visit(&mut paragraph.spans),
            Block::List(list) => {
                for item in &mut list.items {
                    visit(&mut item.spans);
                    for child in &mut item.children {
                        visit(child);
                    }
                }
            }
            Block::Table(table) => {
                for row in table.header.iter_mut().chain(table.rows.iter_mut()) {
                    for cell in &mut row.cells {
                        for paragraph in &mut cell.paragraphs {
                            visit(paragraph);
                        }
                    }
                }
            }
            Block::Signatures(boxes) => {
                for signature in boxes {
                    visit(&mut signature.party);
                    visit(&mut signature.function);
                    visit(&mut signature.name);
                }
            }
        }
    }
}

impl Document {
    /// The footnotes' texts, in reading order (footnote N is the N-th).
    pub fn footnotes(&self) -> Vec<Line> {
        let mut blocks = self.blocks.clone();
        let mut notes = Vec::new();
        for block in &mut blocks {
            block.for_each_line_mut(&mut |line| {
                notes.extend(line.iter().filter_map(|span| span.footnote.clone()));
            });
        }
        notes
    }

    /// The whole document as plain text, one line per paragraph.
    pub fn plain_text(&self) -> String {
        self.blocks
            .iter()
            .flat_map(Block::plain_text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_go_on_after_z() {
        let labels: Vec<String> = [0, 1, 25, 26, 27, 51, 52]
            .iter()
            .map(|index| ListMarker::Letter.label(*index))
            .collect();
        assert_eq!(labels, ["A.", "B.", "Z.", "AA.", "BB.", "ZZ.", "AAA."]);
    }

    #[test]
    fn bullets_and_numbers() {
        assert_eq!(ListMarker::Bullet.label(7), "–");
        assert_eq!(ListMarker::Number.label(0), "1°");
        assert_eq!(ListMarker::NESTED, "•");
    }

    #[test]
    fn field_names_are_safe_and_unique() {
        assert_eq!(field_safe("Opgroeien regie"), "Opgroeien_regie");
        assert_eq!(field_safe("Zoë’s"), "Zo__s");
        assert_eq!(field_safe("…"), "");
        let mut names = FieldNames::default();
        assert_eq!(names.unique("Handtekening_A.B", "x"), "Handtekening_A_B");
        assert_eq!(names.unique("Handtekening_A.B", "x"), "Handtekening_A_B_2");
        assert_eq!(names.unique("..", "Handtekening_3"), "Handtekening_3");
    }

    #[test]
    fn status_words() {
        assert_eq!(DocumentStatus::default().label(), "Ontwerp");
        assert_eq!(
            DocumentStatus::draft("concept").label(),
            "Ontwerp – concept"
        );
        let approved = DocumentStatus::Final {
            approval: "Goedgekeurd door An".to_string(),
        };
        assert!(!approved.is_draft());
        assert_eq!(approved.label(), "Goedgekeurd door An");
    }
}
