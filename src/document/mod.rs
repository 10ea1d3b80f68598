//! The neutral document tree built from the model; the DOCX and PDF writers render it.

mod tree;

pub use tree::*;
