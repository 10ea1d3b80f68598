//! Builds the document tree from the model, in Dutch, article by article, following the
//! structure of a signed protocol: title block, legal basis, parties (TUSSEN … EN …), recitals
//! (NA TE HEBBEN UITEENGEZET), articles 1–12, closing, signatures, annexes.
//!
//! Every empty field the document needs becomes a visible gap marker, never nothing.

mod articles;
mod closing;
mod data_table;
mod front_matter;

use super::text::{one_line, text_blocks};
use super::{Align, Block, Document, Line, List, ListItem, ListMarker, Metadata, Options, Span};
use crate::model::{Article, Party, Protocol, Step, fingerprint};

/// The document for `protocol`.
pub fn build(protocol: &Protocol, options: &Options) -> Document {
    let mut builder = Builder::new(protocol);
    builder.title_block();
    builder.parties();
    builder.recitals();
    builder.articles();
    builder.closing();
    builder.annexes();
    Document {
        metadata: metadata(protocol, options),
        blocks: builder.blocks,
    }
}

/// The protocol's title as spans: a party without a name is a gap span.
pub fn title(protocol: &Protocol) -> Line {
    Builder::new(protocol).title_spans()
}

/// The document properties and header/footer texts of `protocol`'s document.
pub fn metadata(protocol: &Protocol, options: &Options) -> Metadata {
    Metadata {
        title: Builder::new(protocol).title_text(),
        subject: if protocol.title.context.trim().is_empty() {
            String::new()
        } else {
            format!("In het kader van {}", one_line(&protocol.title.context))
        },
        author: protocol
            .drafting_party()
            .map(|party| one_line(&party.legal_name))
            .unwrap_or_default(),
        creator: options.creator.clone(),
        date: protocol.title.date.or(protocol.signing.date),
        short_title: short_title(protocol),
        status: options.status.clone(),
        fingerprint: fingerprint::short(protocol),
    }
}

/// The short title for headers and footers: the protocol's own, or one made from the parties.
fn short_title(protocol: &Protocol) -> String {
    let own = one_line(&protocol.title.short_title);
    if !own.is_empty() {
        return own;
    }
    let names: Vec<String> = protocol
        .parties
        .iter()
        .map(|party| one_line(party.display_name()))
        .filter(|name| !name.is_empty())
        .collect();
    if names.is_empty() {
        "Protocol gegevensmededeling".to_string()
    } else {
        format!("Protocol {}", names.join(" – "))
    }
}

struct Builder<'a> {
    protocol: &'a Protocol,
    blocks: Vec<Block>,
}

impl<'a> Builder<'a> {
    fn new(protocol: &'a Protocol) -> Self {
        Builder {
            protocol,
            blocks: Vec::new(),
        }
    }

    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn heading(&mut self, level: u8, text: impl Into<String>, step: Option<Step>) {
        self.push(Block::heading(level, text, step));
    }

    fn paragraph(&mut self, spans: Line) {
        self.push(Block::paragraph(spans, Align::Justify, false));
    }

    /// A bold label that stays with what follows ("Verwerkers", "NA TE HEBBEN UITEENGEZET:").
    fn label(&mut self, text: impl Into<String>) {
        self.push(Block::paragraph(vec![Span::bold(text)], Align::Left, true));
    }

    fn centered(&mut self, text: &str) {
        self.push(Block::paragraph(
            vec![Span::bold(text)],
            Align::Center,
            true,
        ));
    }

    fn bullets(&mut self, items: Vec<Line>) {
        if items.is_empty() {
            return;
        }
        self.push(Block::List(List {
            marker: ListMarker::Bullet,
            items: items
                .into_iter()
                .map(|spans| ListItem {
                    spans,
                    children: Vec::new(),
                })
                .collect(),
        }));
    }

    /// A free-text field as paragraphs and lists; a gap marker when empty.
    fn text(&mut self, text: &str, what: &str) {
        let blocks = text_blocks(text, what);
        self.blocks.extend(blocks);
    }

    // ----- Title block -------------------------------------------------------------------------

    fn providers(&self) -> Vec<&Party> {
        self.protocol.providers().collect()
    }

    fn recipients(&self) -> Vec<&Party> {
        self.protocol.recipients().collect()
    }

    /// The party with this id as running text names it ("het VUTG"); empty for an unknown id
    /// or a party without a name.
    fn party_short(&self, id: &str) -> String {
        self.protocol
            .parties
            .iter()
            .enumerate()
            .find(|(_, party)| party.id == id && !party.display_name().trim().is_empty())
            .map(|(index, party)| party.name_in_text(index))
            .unwrap_or_default()
    }
}

/// The legal name of a party, else its short name; empty when it has neither.
fn party_name(party: &Party) -> String {
    let legal = party.legal_name_in_text();
    if legal.is_empty() {
        Article::put_before(party.article, &one_line(&party.short_name))
    } else {
        legal
    }
}
