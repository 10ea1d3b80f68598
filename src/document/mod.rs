//! The neutral document trees built from the model, which the DOCX and PDF writers render: the
//! protocol itself (`protocol`) and the review report beside it (`adviesverslag`).

pub mod addendum;
pub mod adviesverslag;
pub mod besluit;
mod protocol;
mod text;
mod tree;

pub use protocol::{build, metadata, title};
pub use tree::*;

/// What the document builders need besides the protocol. Nothing here comes from the clock, and
/// nothing is computed here: the caller (see `crate::pipeline::options`) says where the
/// document stands, so the same protocol and options give the same document, and the same bytes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The creating program and version, for document properties.
    pub creator: String,
    /// Where the document stands: a draft carries the "ONTWERP" mark.
    pub status: DocumentStatus,
}
