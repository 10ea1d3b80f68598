//! The end of a protocol: "Opgemaakt te …", the signature boxes and the annexes.

use super::Builder;
use crate::document::text::{date_or_gap, one_line, or_gap};
use crate::document::{
    Align, Block, FieldNames, List, ListItem, ListMarker, Paragraph, SignatureBox, Span, field_safe,
};
use crate::model::Step;

impl Builder<'_> {
    pub(super) fn closing(&mut self) {
        let protocol = self.protocol;
        self.heading(1, "Ondertekening", Some(Step::Signing));
        let mut spans = vec![Span::plain("Opgemaakt te ")];
        spans.push(or_gap(protocol.signing.place.trim(), "plaats"));
        spans.push(Span::plain(", op "));
        spans.push(date_or_gap(
            protocol.signing.date,
            "datum van ondertekening",
        ));
        spans.push(Span::plain(
            ", in evenveel exemplaren als er partijen zijn, waarvan elke partij er één ontvangt.",
        ));
        self.push(Block::Paragraph(Paragraph {
            spans,
            align: Align::Left,
            keep_with_next: true,
        }));
        let mut boxes = Vec::new();
        let mut field_names = FieldNames::default();
        for (index, party) in protocol.parties.iter().enumerate() {
            let party_label = if party.legal_name.trim().is_empty() {
                party.name_in_text(index)
            } else {
                party.legal_name_in_text()
            };
            let signatories: Vec<_> = if party.signatories.is_empty() {
                vec![Default::default()]
            } else {
                party.signatories.clone()
            };
            for (number, signatory) in signatories.iter().enumerate() {
                let party_part = field_safe(&party.name_or_number(index));
                let party_part = if party_part.is_empty() {
                    "partij".to_string()
                } else {
                    party_part
                };
                let field_name = field_names.unique(
                    &format!("Handtekening_{party_part}_{}", number + 1),
                    "Handtekening",
                );
                boxes.push(SignatureBox {
                    party: vec![Span::plain(format!("Voor {party_label}"))],
                    function: vec![or_gap(&signatory.function, "functie")],
                    name: vec![or_gap(&signatory.name, "naam")],
                    field_name,
                });
            }
        }
        self.push(Block::Signatures(boxes));
    }

    pub(super) fn annexes(&mut self) {
        let protocol = self.protocol;
        if protocol.annexes.is_empty() {
            return;
        }
        self.heading(1, "Bijlagen", Some(Step::Signing));
        let items = protocol
            .annexes
            .iter()
            .enumerate()
            .map(|(index, annex)| {
                let mut spans = vec![Span::bold(format!("Bijlage {}: ", index + 1))];
                spans.push(or_gap(&one_line(&annex.title), "titel van de bijlage"));
                ListItem {
                    spans,
                    children: if annex.description.trim().is_empty() {
                        Vec::new()
                    } else {
                        vec![vec![Span::plain(one_line(&annex.description))]]
                    },
                }
            })
            .collect();
        self.push(Block::List(List {
            marker: ListMarker::Bullet,
            items,
        }));
    }
}
