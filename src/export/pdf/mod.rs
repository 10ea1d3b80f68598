//! The PDF writer: our own layout engine (A4 pages, wrapped and justified text, tables, the
//! signature block) over embedded, subset Liberation Sans fonts, written with lopdf as one
//! clean revision with an empty `/Sig` field per signatory, ready for eID signing.
//!
//! `fonts` reads the faces with skrifa and subsets them with subsetter; `text`, `table` and
//! `layout` measure, break and place; `writer` builds the file with lopdf (see ARCHITECTURE.md,
//! "PDF writer and fonts", for why these crates).

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
