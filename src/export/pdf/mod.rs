//! The PDF writer: our own layout engine over printpdf.

use super::ExportError;
use crate::document::Document;

pub(super) fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    let _ = document;
    Err(ExportError::Writer(
        "de export naar PDF is in deze versie nog niet beschikbaar.".to_string(),
    ))
}
