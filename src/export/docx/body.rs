//! word/document.xml: every [`Block`] of the tree as WordprocessingML, in schema order.

use super::parts::{self, FOOTER_RID, HEADER_RID, ListKind};
use super::{PAGE_HEIGHT, PAGE_MARGIN, PAGE_WIDTH, PAGE_WIDTH_TEXT};
use crate::document::{
    Align, Block, Cell, Document, Heading, List, ListMarker, Paragraph, Row, SignatureBox, Span,
    Table,
};
use crate::export::xml::Xml;

/// Fill of header rows.
const HEADER_FILL: &str = "D9E2F3";
/// Fill of shaded cells (labels such as "Gegeven 3").
const LABEL_FILL: &str = "F2F2F2";

/// The rendered body and the list instances numbering.xml must define.
pub(super) struct Body {
    /// word/document.xml.
    pub(super) xml: Vec<u8>,
    /// One entry per list, in order; list `i` uses numbering id `i + 1`.
    pub(super) lists: Vec<ListKind>,
    /// The `w:footnote` elements of word/footnotes.xml, ids from 1 in reading order.
    pub(super) footnotes: String,
}

/// Renders the body of `document`.
pub(super) fn render(document: &Document) -> Body {
    let estimate: usize = 4096 + document.blocks.len() * 600;
    let mut writer = Writer {
        xml: Xml::with_capacity(estimate),
        lists: Vec::new(),
        last_was_table: false,
        footnotes: Vec::new(),
    };
    writer.xml.raw(&parts::document_root());
    for block in &document.blocks {
        writer.block(block);
    }
    if writer.last_was_table {
        writer.spacer();
    }
    writer.section();
    writer.xml.raw("</w:body></w:document>");
    let footnotes = footnotes_xml(&writer.footnotes);
    Body {
        xml: writer.xml.into_bytes(),
        lists: writer.lists,
        footnotes,
    }
}

/// The footnotes as `w:footnote` elements, numbered from 1: the raised reference mark, a
/// space, the text.
fn footnotes_xml(notes: &[Vec<Span>]) -> String {
    let mut writer = Writer {
        xml: Xml::with_capacity(256 * notes.len()),
        lists: Vec::new(),
        last_was_table: false,
        footnotes: Vec::new(),
    };
    for (index, note) in notes.iter().enumerate() {
        writer
            .xml
            .raw("<w:footnote w:id=\"")
            .number(index + 1)
            .raw(concat!(
                "\"><w:p><w:pPr><w:pStyle w:val=\"Voetnoottekst\"/></w:pPr>",
                "<w:r><w:rPr><w:rStyle w:val=\"Voetnootverwijzing\"/></w:rPr><w:footnoteRef/></w:r>",
                "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
            ));
        for span in note {
            writer.run(span, false);
        }
        writer.xml.raw("</w:p></w:footnote>");
    }
    // The elements only: the part around them (with its declaration) is parts::footnotes.
    let text = String::from_utf8(writer.xml.into_bytes()).unwrap_or_default();
    match text.split_once("?>\n") {
        Some((_, elements)) => elements.to_string(),
        None => text,
    }
}

struct Writer {
    xml: Xml,
    lists: Vec<ListKind>,
    /// Whether the last block written was a table: Word merges two tables that follow each
    /// other, so the next one gets an empty paragraph in between.
    last_was_table: bool,
    /// The footnotes referenced so far, in reading order (footnote N is `footnotes[N - 1]`).
    footnotes: Vec<Vec<Span>>,
}

/// Paragraph properties, written in schema order.
#[derive(Default)]
struct Props<'a> {
    style: Option<&'a str>,
    keep_next: bool,
    numbering: Option<(u32, usize)>,
    sign_line: bool,
    spacing_before: Option<u32>,
    spacing_after: Option<u32>,
    align: Option<&'a str>,
}

impl Writer {
    fn block(&mut self, block: &Block) {
        let after_table = std::mem::take(&mut self.last_was_table);
        match block {
            Block::Title(spans) => self.paragraph(
                &Props {
                    style: Some("Title"),
                    ..Props::default()
                },
                spans,
                false,
            ),
            Block::Subtitle(spans) => self.paragraph(
                &Props {
                    style: Some("Subtitle"),
                    ..Props::default()
                },
                spans,
                false,
            ),
            Block::Heading(heading) => self.heading(heading),
            Block::Paragraph(paragraph) => self.body_paragraph(paragraph),
            Block::List(list) => self.list(list),
            Block::Table(table) => self.table(table, after_table),
            Block::Signatures(boxes) => self.signatures(boxes, after_table),
            Block::PageBreak => {
                self.xml
                    .raw("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
            }
        }
    }

    fn heading(&mut self, heading: &Heading) {
        let style = if heading.level <= 1 {
            "Heading1"
        } else {
            "Heading2"
        };
        self.open_paragraph(&Props {
            style: Some(style),
            ..Props::default()
        });
        self.run(&Span::plain(heading.text.as_str()), false);
        self.xml.raw("</w:p>");
    }

    fn body_paragraph(&mut self, paragraph: &Paragraph) {
        let align = match paragraph.align {
            // Justified is the Normal style's own alignment.
            Align::Justify => None,
            Align::Left => Some("left"),
            Align::Center => Some("center"),
        };
        self.paragraph(
            &Props {
                keep_next: paragraph.keep_with_next,
                align,
                ..Props::default()
            },
            &paragraph.spans,
            false,
        );
    }

    fn list(&mut self, list: &List) {
        let kind = match list.marker {
            ListMarker::Bullet => ListKind::Bullet,
            ListMarker::Letter => ListKind::Letter,
            ListMarker::Number => ListKind::Number,
        };
        self.lists.push(kind);
        let id = self.lists.len();
        for item in &list.items {
            self.paragraph(
                &Props {
                    style: Some("ListParagraph"),
                    numbering: Some((0, id)),
                    ..Props::default()
                },
                &item.spans,
                false,
            );
            for child in &item.children {
                self.paragraph(
                    &Props {
                        style: Some("ListParagraph"),
                        numbering: Some((1, id)),
                        ..Props::default()
                    },
                    child,
                    false,
                );
            }
        }
    }

    fn table(&mut self, table: &Table, after_table: bool) {
        let columns = table
            .header
            .iter()
            .chain(&table.rows)
            .map(|row| row.cells.len())
            .max()
            .unwrap_or(0)
            .max(table.column_widths.len())
            .max(1);
        if table.header.is_empty() && table.rows.is_empty() {
            self.last_was_table = after_table;
            return;
        }
        if after_table {
            self.spacer();
        }
        let widths = column_widths(&table.column_widths, columns);
        self.open_table(&widths, "TableGrid", false);
        for row in &table.header {
            self.row(row, &widths, true);
        }
        for row in &table.rows {
            self.row(row, &widths, false);
        }
        self.xml.raw("</w:tbl>");
        self.last_was_table = true;
    }

    fn open_table(&mut self, widths: &[u32], style: &str, borderless: bool) {
        self.xml
            .raw("<w:tbl><w:tblPr><w:tblStyle w:val=\"")
            .raw(style)
            .raw("\"/><w:tblW w:w=\"")
            .number(widths.iter().sum::<u32>())
            .raw("\" w:type=\"dxa\"/>");
        if borderless {
            self.xml.raw(concat!(
                "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/>",
                "<w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>",
                "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>",
            ));
        }
        self.xml
            .raw("<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for width in widths {
            self.xml.raw("<w:gridCol w:w=\"").number(width).raw("\"/>");
        }
        self.xml.raw("</w:tblGrid>");
    }

    fn row(&mut self, row: &Row, widths: &[u32], header: bool) {
        self.xml.raw("<w:tr>");
        if header || row.keep_together {
            self.xml.raw("<w:trPr><w:cantSplit/>");
            if header {
                self.xml.raw("<w:tblHeader/>");
            }
            self.xml.raw("</w:trPr>");
        }
        let empty = Cell::default();
        for (column, width) in widths.iter().enumerate() {
            let cell = row.cells.get(column).unwrap_or(&empty);
            self.cell(cell, *width, header, header || row.keep_with_next);
        }
        self.xml.raw("</w:tr>");
    }

    /// A cell; `keep_next` keeps its paragraphs with the next row (Word and LibreOffice keep
    /// table rows together through the keep-with-next of their paragraphs).
    fn cell(&mut self, cell: &Cell, width: u32, header: bool, keep_next: bool) {
        self.open_cell(width);
        if header || cell.shaded {
            self.xml
                .raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"")
                .raw(if header { HEADER_FILL } else { LABEL_FILL })
                .raw("\"/>");
        }
        self.xml.raw("</w:tcPr>");
        let props = Props {
            style: Some("Tabeltekst"),
            keep_next,
            ..Props::default()
        };
        if cell.paragraphs.is_empty() {
            self.paragraph(&props, &[], header);
        }
        for paragraph in &cell.paragraphs {
            self.paragraph(&props, paragraph, header);
        }
        self.xml.raw("</w:tc>");
    }

    fn open_cell(&mut self, width: u32) {
        self.xml
            .raw("<w:tc><w:tcPr><w:tcW w:w=\"")
            .number(width)
            .raw("\" w:type=\"dxa\"/>");
    }

    /// The signature block: a borderless table, one column per signatory, two when there is
    /// more than one. Each pair takes two rows: the names ("Voor …", function, name), then
    /// the room to sign, so the signature lines of a pair stand at one height however long
    /// a party's name is. Rows never split, and the names stay with their room to sign.
    fn signatures(&mut self, boxes: &[SignatureBox], after_table: bool) {
        if boxes.is_empty() {
            self.last_was_table = after_table;
            return;
        }
        if after_table {
            self.spacer();
        }
        let columns: usize = if boxes.len() == 1 { 1 } else { 2 };
        let widths = column_widths(&[], columns);
        self.open_table(&widths, "TableNormal", true);
        for pair in boxes.chunks(columns) {
            for names in [true, false] {
                self.xml.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                for (column, width) in widths.iter().enumerate() {
                    self.open_cell(*width);
                    self.xml.raw("</w:tcPr>");
                    match pair.get(column) {
                        Some(signature) if names => self.signature_names(signature),
                        Some(_) => self.signature_room(),
                        None => self.paragraph(
                            &Props {
                                keep_next: names,
                                ..Props::default()
                            },
                            &[],
                            false,
                        ),
                    }
                    self.xml.raw("</w:tc>");
                }
                self.xml.raw("</w:tr>");
            }
        }
        self.xml.raw("</w:tbl>");
        self.last_was_table = true;
    }

    /// The top of a signature box: "Voor …", function, name; kept with the room to sign
    /// below it (one row further; no chain beyond it, so the block is not pushed onto one
    /// page as a whole).
    fn signature_names(&mut self, signature: &SignatureBox) {
        let line = || Props {
            style: Some("Ondertekening"),
            keep_next: true,
            ..Props::default()
        };
        self.paragraph(
            &Props {
                spacing_before: Some(240),
                ..line()
            },
            &signature.party,
            true,
        );
        self.paragraph(&line(), &signature.function, false);
        self.paragraph(&line(), &signature.name, false);
    }

    /// The room to sign under the label "Handtekening", ending in a line: as the PDF's field.
    fn signature_room(&mut self) {
        self.paragraph(
            &Props {
                style: Some("Ondertekening"),
                spacing_before: Some(160),
                ..Props::default()
            },
            &[Span::italic("Handtekening")],
            false,
        );
        self.paragraph(
            &Props {
                style: Some("Ondertekening"),
                sign_line: true,
                spacing_before: Some(1040),
                spacing_after: Some(240),
                ..Props::default()
            },
            &[],
            false,
        );
    }

    fn paragraph(&mut self, props: &Props<'_>, spans: &[Span], bold: bool) {
        self.open_paragraph(props);
        for span in spans {
            self.run(span, bold);
        }
        self.xml.raw("</w:p>");
    }

    fn open_paragraph(&mut self, props: &Props<'_>) {
        let xml = &mut self.xml;
        xml.raw("<w:p><w:pPr>");
        if let Some(style) = props.style {
            xml.raw("<w:pStyle w:val=\"").raw(style).raw("\"/>");
        }
        if props.keep_next {
            xml.raw("<w:keepNext/>");
        }
        if let Some((level, id)) = props.numbering {
            xml.raw("<w:numPr><w:ilvl w:val=\"")
                .number(level)
                .raw("\"/><w:numId w:val=\"")
                .number(id)
                .raw("\"/></w:numPr>");
        }
        if props.sign_line {
            xml.raw(concat!(
                "<w:pBdr><w:bottom w:val=\"dotted\" w:sz=\"6\" w:space=\"1\" ",
                "w:color=\"7F7F7F\"/></w:pBdr>"
            ));
        }
        if props.spacing_before.is_some() || props.spacing_after.is_some() {
            xml.raw("<w:spacing");
            if let Some(before) = props.spacing_before {
                xml.raw(" w:before=\"").number(before).raw("\"");
            }
            if let Some(after) = props.spacing_after {
                xml.raw(" w:after=\"").number(after).raw("\"");
            }
            xml.raw("/>");
        }
        if let Some(align) = props.align {
            xml.raw("<w:jc w:val=\"").raw(align).raw("\"/>");
        }
        xml.raw("</w:pPr>");
    }

    /// A span as one run; a gap span gets the highlighted "Invulveld" style.
    fn run(&mut self, span: &Span, force_bold: bool) {
        if let Some(note) = &span.footnote {
            // A real Word footnote: Word numbers it and puts it at the foot of the page.
            self.footnotes.push(note.clone());
            self.xml
                .raw("<w:r><w:rPr><w:rStyle w:val=\"Voetnootverwijzing\"/></w:rPr><w:footnoteReference w:id=\"")
                .number(self.footnotes.len())
                .raw("\"/></w:r>");
            return;
        }
        if span.text.is_empty() {
            return;
        }
        let xml = &mut self.xml;
        xml.raw("<w:r>");
        let bold = span.bold || force_bold;
        if span.gap || bold || span.italic {
            xml.raw("<w:rPr>");
            if span.gap {
                xml.raw("<w:rStyle w:val=\"Invulveld\"/>");
            }
            if bold || span.gap {
                xml.raw("<w:b/><w:bCs/>");
            }
            if span.italic {
                xml.raw("<w:i/><w:iCs/>");
            }
            if span.gap {
                // Also as direct formatting: the highlight must survive any style change.
                xml.raw("<w:highlight w:val=\"yellow\"/>");
            }
            xml.raw("</w:rPr>");
        }
        xml.raw("<w:t xml:space=\"preserve\">")
            .text(&span.text)
            .raw("</w:t></w:r>");
    }

    fn spacer(&mut self) {
        self.xml
            .raw("<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>");
    }

    /// The section properties: A4 portrait, 2.5 cm margins, header and footer.
    fn section(&mut self) {
        self.xml
            .raw("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"")
            .raw(HEADER_RID)
            .raw("\"/><w:footerReference w:type=\"default\" r:id=\"")
            .raw(FOOTER_RID)
            .raw("\"/><w:pgSz w:w=\"")
            .number(PAGE_WIDTH)
            .raw("\" w:h=\"")
            .number(PAGE_HEIGHT)
            .raw("\"/><w:pgMar w:top=\"")
            .number(PAGE_MARGIN)
            .raw("\" w:right=\"")
            .number(PAGE_MARGIN)
            .raw("\" w:bottom=\"")
            .number(PAGE_MARGIN)
            .raw("\" w:left=\"")
            .number(PAGE_MARGIN)
            .raw("\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>")
            .raw("<w:cols w:space=\"708\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>");
    }
}

/// Column widths in twips that fill the text width, from relative widths (missing, zero,
/// negative or non-finite weights count as 1).
fn column_widths(relative: &[f32], columns: usize) -> Vec<u32> {
    let columns = columns.max(1);
    let weights: Vec<f64> = (0..columns)
        .map(|column| {
            relative
                .get(column)
                .map(|weight| f64::from(*weight))
                .filter(|weight| weight.is_finite() && *weight > 0.0)
                .unwrap_or(1.0)
        })
        .collect();
    let total: f64 = weights.iter().sum();
    let text_width = f64::from(PAGE_WIDTH_TEXT);
    let mut widths: Vec<u32> = weights
        .iter()
        .map(|weight| ((weight / total) * text_width).floor().max(1.0) as u32)
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut()
        && used < PAGE_WIDTH_TEXT
    {
        *last += PAGE_WIDTH_TEXT - used;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_fill_the_text_width() {
        for (relative, columns) in [
            (vec![3.0, 7.0], 2),
            (vec![], 3),
            (vec![f32::NAN, -1.0, 0.0, f32::INFINITY], 4),
            (vec![1e-30, 1e30], 2),
        ] {
            let widths = column_widths(&relative, columns);
            assert_eq!(widths.len(), columns);
            assert!(widths.iter().all(|width| *width >= 1));
            assert!(widths.iter().sum::<u32>() >= PAGE_WIDTH_TEXT);
        }
        assert_eq!(column_widths(&[3.0, 7.0], 2), vec![2721, 6351]);
    }
}
