//! The neutral document tree built from the model; the DOCX and PDF writers render it.

mod build;
mod tree;

pub use build::build;
pub use tree::*;

use crate::check::{self, Finding};
use crate::model::Protocol;
use crate::review;

/// What the document builder needs besides the protocol. Nothing here comes from the clock:
/// the same protocol and options give the same document, and so the same bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The creating program and version, for document properties.
    pub creator: String,
    /// Whether the document carries the "ONTWERP" mark.
    pub draft: bool,
    /// The status in words, for the header ("Ontwerp", "Klaar voor ondertekening").
    pub status: String,
}

impl Options {
    /// Options for exporting `protocol` given its check findings: a draft (ONTWERP) while the
    /// check finds errors, or until it is approved on exactly its current content.
    pub fn for_protocol(protocol: &Protocol, findings: &[Finding]) -> Self {
        let approved = review::is_approved(protocol);
        let draft = check::has_errors(findings) || !approved;
        let status = if approved && draft {
            "Ontwerp – de controle vindt fouten".to_string()
        } else {
            review::status_text(protocol)
        };
        Self {
            creator: format!("Protocolwijzer {}", env!("CARGO_PKG_VERSION")),
            draft,
            status,
        }
    }
}
