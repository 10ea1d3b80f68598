//! Builds the document tree from the model, in Dutch, article by article, following the
//! structure of a signed protocol: title block, legal basis, parties (TUSSEN … EN …), recitals
//! (NA TE HEBBEN UITEENGEZET), articles 1–12, closing, signatures, annexes.
//!
//! Every empty field the document needs becomes a visible gap marker, never nothing.

mod articles;
mod closing;
mod data_table;
mod front_matter;

use super::text::{inline_text, one_line, text_blocks};
use super::{Align, Block, Document, Identity, Line, Metadata, Options, Span};
use crate::dutch::capitalise;
use crate::model::{Article, Party, Protocol, Step, Unit, fingerprint};

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
        identity: Some(Identity {
            kind: "protocol".to_string(),
            fingerprint: fingerprint::fingerprint(protocol),
        }),
    }
}

/// The short title for headers and footers: the protocol's own, or one made from the parties.
fn short_title(protocol: &Protocol) -> String {
    let own = one_line(&protocol.title.short_title);
    if !own.is_empty() {
        return own;
    }
    let names: Vec<String> = protocol
        .units()
        .iter()
        .filter(|unit| unit.is_named())
        .map(|unit| match unit {
            Unit::Party { party, .. } => one_line(party.display_name()),
            Unit::Group { index, group, .. } => capitalise(&group.name_in_text(*index)),
        })
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
    /// Article id → its computed number, for `{artikel:id}` references in texts.
    article_numbers: Vec<(String, usize)>,
}

impl<'a> Builder<'a> {
    fn new(protocol: &'a Protocol) -> Self {
        let article_numbers = protocol
            .article_list()
            .iter()
            .enumerate()
            .map(|(index, entry)| (entry.id.clone(), index + 1))
            .collect();
        Builder {
            protocol,
            blocks: Vec::new(),
            article_numbers,
        }
    }

    /// `text` with every reference `{artikel:id}` replaced by "artikel N", N the article's
    /// number now; a reference to an article the protocol does not have stays visible as
    /// "artikel [onbekend: id]" (the check reports it).
    fn resolve(&self, text: &str) -> String {
        crate::model::resolve_article_references(text, &self.article_numbers)
    }

    /// A free text folded into one run with its references resolved, or a gap marker.
    fn inline(&self, text: &str, what: &str) -> Line {
        inline_text(&self.resolve(text), what)
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
        self.push(Block::bullets(items));
    }

    /// A free-text field as paragraphs and lists; a gap marker when empty.
    fn text(&mut self, text: &str, what: &str) {
        let blocks = text_blocks(&self.resolve(text), what);
        self.blocks.extend(blocks);
    }

    // ----- Title block -------------------------------------------------------------------------

    /// The names running text uses for the providers (or recipients), a group once.
    fn unit_names(&self, recipients: bool) -> Vec<String> {
        self.protocol
            .units()
            .iter()
            .filter(|unit| {
                let roles = unit.roles();
                if recipients {
                    roles.recipient
                } else {
                    roles.provider
                }
            })
            .map(Unit::name_in_text)
            .collect()
    }

    /// The names of the parties (or groups) with these ids, in document order; a group whose
    /// members are all named (or the group's own id) is named once by its collective name.
    fn names_for_ids(&self, ids: &[String]) -> Vec<String> {
        let wanted = |id: &str| ids.iter().any(|wanted| wanted.trim() == id);
        let mut names = Vec::new();
        for unit in self.protocol.units() {
            match &unit {
                Unit::Party { party, .. } => {
                    if wanted(&party.id) && unit.is_named() {
                        names.push(unit.name_in_text());
                    }
                }
                Unit::Group { group, members, .. } => {
                    let all =
                        wanted(&group.id) || members.iter().all(|(_, party)| wanted(&party.id));
                    if all {
                        names.push(unit.name_in_text());
                    } else {
                        names.extend(
                            members
                                .iter()
                                .filter(|(_, party)| {
                                    wanted(&party.id) && !party.display_name().trim().is_empty()
                                })
                                .map(|(index, party)| party.name_in_text(*index)),
                        );
                    }
                }
            }
        }
        names
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
