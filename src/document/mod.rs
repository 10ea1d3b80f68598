//! The neutral document tree built from the model; the DOCX and PDF writers render it.

mod build;
mod tree;

pub use build::build;
pub use tree::*;

use crate::check::{self, Finding};
use crate::model::{AdviceOutcome, Protocol};

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
    /// check finds errors or not every party's DPO has given a favourable advice.
    pub fn for_protocol(protocol: &Protocol, findings: &[Finding]) -> Self {
        let advised = !protocol.parties.is_empty()
            && protocol.parties.iter().all(|party| {
                party.dpo_advice.date.is_some()
                    && matches!(
                        party.dpo_advice.outcome,
                        Some(AdviceOutcome::Favourable | AdviceOutcome::FavourableWithConditions)
                    )
            });
        let draft = check::has_errors(findings) || !advised;
        Self {
            creator: format!("Protocolwijzer {}", env!("CARGO_PKG_VERSION")),
            draft,
            status: if draft {
                "Ontwerp".to_string()
            } else {
                "Klaar voor ondertekening".to_string()
            },
        }
    }
}
