//! The PDF writer: our own layout engine (A4 pages, wrapped and justified text, tables, the
//! signature block) over embedded, subset Liberation Sans fonts, written with lopdf as one
//! clean revision with an empty `/Sig` field per signatory, ready for eID signing.
//!
//! `fonts` reads the faces with skrifa and subsets them with subsetter; `text`, `table` and
//! `layout` measure, break and place, and record the `structure` tree the text belongs to;
//! `writer` builds the file with lopdf, signature-ready or as the tagged publication PDF
//! (see ARCHITECTURE.md, "PDF writer and fonts", for why these crates).

mod fonts;
mod layout;
mod structure;
mod table;
mod text;
mod writer;

use super::ExportError;
use crate::document::Document;

/// The signature-ready PDF: an empty `/Sig` field per signatory.
pub(super) fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    let layout = layout::layout(document);
    writer::write(&layout, &document.metadata, writer::Kind::SignatureReady)
}

/// The publication PDF: the same layout, tagged (PDF/UA-1) and PDF/A-2u, without fields.
pub(super) fn write_publication(document: &Document) -> Result<Vec<u8>, ExportError> {
    let layout = layout::layout(document);
    writer::write(&layout, &document.metadata, writer::Kind::Publication)
}
