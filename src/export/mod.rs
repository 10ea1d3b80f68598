//! The writers: DOCX (our own WordprocessingML, zipped) and PDF (our own layout, written with
//! lopdf), both rendering the same [`Document`](crate::document::Document) tree, so the two
//! exports never say different things. `xml` is the one XML text escaper both use.

mod docx;
pub mod html;
mod pdf;
mod xml;

use crate::document::Document;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The writer could not produce the file; the text says why, in Dutch.
    #[error("{0}")]
    Writer(String),
}

/// The DOCX bytes of a document. Deterministic: the same document gives the same bytes.
pub fn docx(document: &Document) -> Result<Vec<u8>, ExportError> {
    docx::write(document)
}

/// The HTML page of a document: one self-contained, accessible file for a website.
pub fn html(document: &Document) -> String {
    html::write(document)
}

/// The PDF bytes of a document, with an empty signature field per signatory. Deterministic.
pub fn pdf(document: &Document) -> Result<Vec<u8>, ExportError> {
    pdf::write(document)
}

/// The publication PDF of a document: the same pages as [`pdf`], tagged for PDF/UA-1 and
/// PDF/A-2u (structure tree, `/Lang`, output intent, XMP identification), with the signature
/// boxes as text and no fields; for a website to carry. Deterministic.
pub fn publication_pdf(document: &Document) -> Result<Vec<u8>, ExportError> {
    pdf::write_publication(document)
}

/// The `/Info` key that holds the full content fingerprint of a signed document (the
/// protocol, an addendum); `signature::verify` reads it back from the first revision.
pub const INFO_FINGERPRINT_KEY: &str = "ProtocolwijzerFingerprint";
/// The `/Info` key that says which document it is ("protocol", "addendum 1").
pub const INFO_DOCUMENT_KEY: &str = "ProtocolwijzerDocument";
/// The XMP namespace of those two properties.
pub const XMP_NAMESPACE: &str = "https://protocolwijzer.be/ns/pdf/1.0/";
