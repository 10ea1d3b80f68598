//! The export pipeline that the app and the command line share: check findings → where the
//! document stands → the document tree (protocol or Adviesverslag) → DOCX or PDF bytes → an
//! atomic write. One place decides when a document is a draft, so both front ends agree.

use std::path::Path;

use crate::check::{self, Finding};
use crate::document::{self, Document, DocumentStatus, Options};
use crate::export::{self, ExportError};
use crate::file::{self, SaveError};
use crate::model::Protocol;
use crate::review;

/// Which document to make from a protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Product {
    /// The protocol itself, signature-ready.
    Protocol,
    /// The review report: advice, approval, verdicts, comments, history.
    Adviesverslag,
    /// The draft decision of the college van burgemeester en schepenen (a municipal case).
    Besluit,
    /// The addendum in the making to a signed protocol (its changes, own advice and
    /// signature fields); the protocol's own export is then the consolidated text.
    Addendum,
}

/// The file format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Word document.
    Docx,
    /// PDF with signature fields.
    Pdf,
    /// The publication PDF: the same pages, tagged (PDF/UA-1) and archival (PDF/A-2u), the
    /// signature boxes as text without fields; for a website to carry.
    PublicationPdf,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf | Format::PublicationPdf => "pdf",
        }
    }

    /// The format's name for users.
    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "Word-document (DOCX)",
            Format::Pdf => "PDF-document",
            Format::PublicationPdf => "PDF-document (toegankelijk, PDF/A)",
        }
    }

    /// The short name in messages: "DOCX", "PDF".
    pub fn short_name(self) -> &'static str {
        match self {
            Format::Docx => "DOCX",
            Format::Pdf => "PDF",
            Format::PublicationPdf => "publicatie-PDF",
        }
    }
}

/// Why an export to a file failed.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The writer could not make the file.
    #[error("het exporteren is mislukt: {0}")]
    Export(#[from] ExportError),
    /// The file could not be written.
    #[error("{0}")]
    Save(#[from] SaveError),
}

/// The document options for `protocol` given its check findings: a draft (ONTWERP) while the
/// check finds errors, or until it is approved on exactly its current content.
pub fn options(protocol: &Protocol, findings: &[Finding]) -> Options {
    let status = match review::draft_reason(protocol) {
        Some(reason) => DocumentStatus::draft(reason),
        None if check::has_errors(findings) => DocumentStatus::draft("de controle vindt fouten"),
        None => DocumentStatus::Final {
            approval: review::approval_text(protocol).unwrap_or_default(),
        },
    };
    Options {
        creator: format!("Protocolwijzer {}", env!("CARGO_PKG_VERSION")),
        status,
    }
}

/// The options of a document that is a draft for `reason` whatever the protocol's state, even
/// an approved one (a draft submission package: every document in it says ONTWERP). The
/// creator is the same as in [`options`].
pub fn draft_options(protocol: &Protocol, findings: &[Finding], reason: &str) -> Options {
    Options {
        status: DocumentStatus::draft(reason),
        ..options(protocol, findings)
    }
}

/// The document tree of `product` for `protocol`.
pub fn document(protocol: &Protocol, findings: &[Finding], product: Product) -> Document {
    build(protocol, &options(protocol, findings), product)
}

/// The document tree of `product` for `protocol` with these options (from [`options`] or
/// [`draft_options`]).
pub fn build(protocol: &Protocol, options: &Options, product: Product) -> Document {
    match product {
        Product::Protocol => document::build(protocol, options),
        Product::Adviesverslag => document::adviesverslag::build(protocol, options),
        Product::Besluit => document::besluit::build(protocol, options),
        // Front ends offer the addendum only while one is in the making; without one, the
        // addendum of the protocol to itself says, as a gap, that nothing changed.
        Product::Addendum => match &protocol.review.amendment {
            Some(amendment) => document::addendum::build(protocol, amendment, options),
            None => {
                let itself = crate::model::Amendment {
                    number: 1,
                    baseline: Box::new(protocol.clone()),
                    signed_on: protocol.signing.date,
                    ..Default::default()
                };
                document::addendum::build(protocol, &itself, options)
            }
        },
    }
}

/// The bytes of `document` in `format`. Deterministic: the same document gives the same bytes.
pub fn bytes(document: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Docx => export::docx(document),
        Format::Pdf => export::pdf(document),
        Format::PublicationPdf => export::publication_pdf(document),
    }
}

/// Makes `product` of `protocol` in `format` and writes it to `path` atomically; returns the
/// document's status, so the caller can say whether a draft was written.
pub fn export_to(
    protocol: &Protocol,
    findings: &[Finding],
    product: Product,
    format: Format,
    path: &Path,
) -> Result<DocumentStatus, PipelineError> {
    let document = document(protocol, findings, product);
    let bytes = bytes(&document, format)?;
    file::write_atomically(path, &bytes)?;
    Ok(document.metadata.status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Approval, Person, Status};

    #[test]
    fn a_new_protocol_is_a_concept_draft() {
        let protocol = Protocol::default();
        let status = options(&protocol, &[]).status;
        assert_eq!(status, DocumentStatus::draft(""));
    }

    #[test]
    fn an_approval_on_this_content_is_final_unless_the_check_finds_errors() {
        let mut protocol = Protocol::default();
        protocol.review.status = Status::Approved;
        protocol.review.approval = Some(Approval {
            by: Person {
                name: "An Peeters".to_string(),
                ..Person::default()
            },
            fingerprint: crate::model::fingerprint::fingerprint(&protocol),
            ..Approval::default()
        });
        assert_eq!(
            options(&protocol, &[]).status,
            DocumentStatus::Final {
                approval: "Goedgekeurd door An Peeters".to_string()
            }
        );
        let error = Finding {
            rule: "x",
            severity: check::Severity::Fout,
            step: crate::model::Step::Parties,
            path: String::new(),
            message: String::new(),
        };
        assert_eq!(
            options(&protocol, &[error]).status,
            DocumentStatus::draft("de controle vindt fouten")
        );
    }
}
