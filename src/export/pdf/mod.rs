//! The PDF writer: our own layout engine (A4 pages, wrapped and justified text, tables, the
//! signature block) over embedded, subset Liberation Sans fonts, written with lopdf as one
//! clean revision with an empty `/Sig` field per signatory, ready for eID signing.
//!
//! printpdf (without its `text_layout` feature) can neither subset fonts nor add signature
//! fields, so it only parses the fonts here; `writer` builds the file with lopdf.

mod fonts;
mod layout;
mod table;
mod text;
mod writer;

use super::ExportError;
use crate::document::Document;

pub(super) fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    let pages = layout::layout(document);
    writer::write(&pages, &document.metadata)
}
