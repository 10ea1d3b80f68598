//! The DOCX writer: the document tree as a Word document with real styles, numbered lists,
//! tables with repeated header rows, a signature table, header, footer and properties.
//!
//! We write the WordprocessingML parts ourselves, in schema order, and pack them with the
//! `zip` crate. docx-rs's element builders emit the children of `w:pPr`, `w:rPr` and
//! `w:style` out of schema order (Word silently drops or "repairs" such properties, and Word
//! for the web refuses the file), cannot mark a repeated header row (`w:tblHeader`) and
//! cannot set the title and author in `docProps/core.xml`; and its packer marks folder entries
//! with the operating system it runs on, so the Windows build wrote other bytes than the Linux
//! build. Writing the parts as text and packing them with fixed entry metadata is what makes
//! the export fast and byte-for-byte the same on every platform: no clock, no global
//! counters, entries stamped 1980-01-01 as made on Unix with mode 0644, compressed with the
//! pure-Rust deflate.

mod body;
mod parts;

use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;

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
    let footnotes = parts::footnotes(&body.footnotes);
    let parts: [(&str, Vec<u8>); 16] = [
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/app.xml", parts::app(metadata)),
        ("docProps/core.xml", parts::core(metadata)),
        ("docProps/custom.xml", parts::custom(metadata)),
        ("word/_rels/document.xml.rels", parts::document_rels()),
        ("word/document.xml", body.xml),
        ("word/styles.xml", parts::styles()),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
        ("word/comments.xml", parts::comments()),
        ("word/numbering.xml", parts::numbering(&body.lists)),
        ("word/commentsExtended.xml", parts::comments_extended()),
        ("word/footnotes.xml", footnotes),
        ("word/header1.xml", parts::header(metadata)),
        ("word/footer1.xml", parts::footer(metadata)),
    ];
    pack(&parts, size).map_err(|error| {
        ExportError::Writer(format!(
            "het DOCX-bestand kon niet worden samengesteld: {error}"
        ))
    })
}

/// The ZIP package of `parts` (name, bytes), in the order given. Every entry carries the same
/// metadata on every platform, so the same parts always give the same bytes.
fn pack(parts: &[(&str, Vec<u8>)], capacity: usize) -> zip::result::ZipResult<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut archive = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(capacity)));
    for (name, bytes) in parts {
        archive.start_file(*name, options)?;
        archive.write_all(bytes)?;
    }
    Ok(archive.finish()?.into_inner())
}
