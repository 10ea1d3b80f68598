//! The DOCX writer: the document tree as a Word document with real styles, numbered lists,
//! tables with repeated header rows, a signature table, header, footer and properties.
//!
//! We write the WordprocessingML parts ourselves, in schema order, and let docx-rs pack them
//! ([`docx_rs::XMLDocx::pack`]). docx-rs's element builders emit the children of `w:pPr`,
//! `w:rPr` and `w:style` out of schema order (Word silently drops or "repairs" such
//! properties, and Word for the web refuses the file), cannot mark a repeated header row
//! (`w:tblHeader`) and cannot set the title and author in `docProps/core.xml`. Writing the
//! parts as text is also what makes the export fast and byte-for-byte deterministic: no
//! clock, no global counters, fixed ZIP timestamps (1980-01-01, docx-rs's zip has no clock).

mod body;
mod parts;
mod xml;

use std::io::Cursor;

use docx_rs::{XMLDocProps, XMLDocx};

use super::ExportError;
use crate::document::Document;

/// A4 width in twips.
const PAGE_WIDTH: u32 = 11_906;
/// A4 height in twips.
const PAGE_HEIGHT: u32 = 16_838;
/// Every page margin: 2.5 cm.
const PAGE_MARGIN: u32 = 1_417;
/// The width of the text between the margins.
const PAGE_WIDTH_TEXT: u32 = PAGE_WIDTH - 2 * PAGE_MARGIN;

/// The DOCX bytes of `document`. The same document always gives the same bytes.
pub(super) fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    let metadata = &document.metadata;
    let body = body::render(document);
    let size = body.xml.len() + 64 * 1024;
    let package = XMLDocx {
        content_type: parts::content_types(),
        rels: parts::package_rels(),
        doc_props: XMLDocProps {
            app: parts::app(metadata),
            core: parts::core(metadata),
            custom: parts::custom(metadata),
        },
        styles: parts::styles(),
        document: body.xml,
        comments: parts::comments(),
        document_rels: parts::document_rels(),
        settings: parts::settings(),
        font_table: parts::font_table(),
        numberings: parts::numbering(&body.lists),
        media: Vec::new(),
        headers: vec![parts::header(metadata)],
        header_rels: Vec::new(),
        footers: vec![parts::footer(metadata)],
        footer_rels: Vec::new(),
        comments_extended: parts::comments_extended(),
        taskpanes: None,
        taskpanes_rels: Vec::new(),
        web_extensions: Vec::new(),
        custom_items: Vec::new(),
        custom_item_rels: Vec::new(),
        custom_item_props: Vec::new(),
        footnotes: parts::footnotes(),
    };
    let mut bytes = Cursor::new(Vec::with_capacity(size));
    package.pack(&mut bytes).map_err(|error| {
        ExportError::Writer(format!(
            "het DOCX-bestand kon niet worden samengesteld: {error}"
        ))
    })?;
    Ok(bytes.into_inner())
}
