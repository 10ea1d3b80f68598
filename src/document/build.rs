//! Builds the document tree from the model, in Dutch, article by article.

use super::{Block, Document, Metadata, Options, Span};
use crate::fingerprint;
use crate::model::Protocol;

/// The document for `protocol`.
pub fn build(protocol: &Protocol, options: &Options) -> Document {
    let metadata = Metadata {
        title: "Protocol voor de elektronische mededeling van persoonsgegevens".to_string(),
        subject: protocol.title.context.clone(),
        author: protocol
            .drafting_party()
            .map(|party| party.legal_name.clone())
            .unwrap_or_default(),
        creator: options.creator.clone(),
        date: protocol.title.date.or(protocol.signing.date),
        short_title: protocol.title.short_title.clone(),
        status: options.status.clone(),
        draft: options.draft,
        fingerprint: fingerprint::short(protocol),
    };
    Document {
        blocks: vec![Block::Title(vec![Span::plain(metadata.title.clone())])],
        metadata,
    }
}
