//! The front matter of a protocol: the title block, the parties (TUSSEN … EN …) and the
//! recitals (NA TE HEBBEN UITEENGEZET), up to "WORDT OVEREENGEKOMEN WAT VOLGT".

use super::{Builder, party_name};
use crate::document::text::{
    date_or_gap, inline_text, join_names, non_empty_or, one_line, or_gap, or_gap_bold,
};
use crate::document::{Align, Block, Line, List, ListItem, ListMarker, Paragraph, Span};
use crate::dutch::{capitalise, dutch_long};
use crate::model::{MunicipalCase, Party, Step};

impl Builder<'_> {
    /// "Protocol voor de elektronische mededeling van persoonsgegevens van A naar B", or
    /// "… tussen A en B" when the data go both ways between the same parties. A party without
    /// a name is a gap marker.
    pub(super) fn title_spans(&self) -> Line {
        let own = one_line(&self.protocol.title.text);
        if !own.is_empty() {
            return vec![Span::plain(own)];
        }
        let mut spans = vec![Span::plain(
            "Protocol voor de elektronische mededeling van persoonsgegevens",
        )];
        let names = |parties: &[&Party], spans: &mut Line| {
            for (index, party) in parties.iter().enumerate() {
                if index > 0 {
                    let separator = if index + 1 == parties.len() {
                        " en "
                    } else {
                        ", "
                    };
                    spans.push(Span::plain(separator));
                }
                spans.push(or_gap(&party_name(party), "naam van de partij"));
            }
        };
        let providers = self.providers();
        let recipients = self.recipients();
        let same_parties = providers.len() == recipients.len()
            && providers
                .iter()
                .zip(&recipients)
                .all(|(provider, recipient)| provider.id == recipient.id);
        if providers.is_empty() && recipients.is_empty() {
            return spans;
        }
        if same_parties {
            spans.push(Span::plain(" tussen "));
            names(&providers, &mut spans);
        } else {
            spans.push(Span::plain(" van "));
            if providers.is_empty() {
                spans.push(Span::gap("verstrekker"));
            } else {
                names(&providers, &mut spans);
            }
            spans.push(Span::plain(" naar "));
            if recipients.is_empty() {
                spans.push(Span::gap("ontvanger"));
            } else {
                names(&recipients, &mut spans);
            }
        }
        spans
    }

    /// The title as plain text, for document properties.
    pub(super) fn title_text(&self) -> String {
        self.title_spans()
            .iter()
            .map(|span| span.text.as_str())
            .collect()
    }

    pub(super) fn title_block(&mut self) {
        let title = self.title_spans();
        self.push(Block::Title(title));
        let context = self.protocol.title.context.trim();
        let mut context_line = vec![Span::plain("in het kader van ")];
        context_line.push(or_gap(context, "het doel van de mededeling"));
        self.push(Block::Subtitle(context_line));
        let date = self.protocol.title.date.or(self.protocol.signing.date);
        self.push(Block::Subtitle(vec![date_or_gap(
            date,
            "datum van het protocol",
        )]));
        self.push(Block::Paragraph(Paragraph {
            spans: vec![Span::plain(
                "Dit protocol wordt gesloten op grond van artikel 8, §1, van het decreet van \
                 18 juli 2008 betreffende het elektronische bestuurlijke gegevensverkeer.",
            )],
            align: Align::Center,
            keep_with_next: false,
        }));
    }

    // ----- Parties -----------------------------------------------------------------------------

    pub(super) fn parties(&mut self) {
        self.heading(1, "Partijen", Some(Step::Parties));
        let protocol = self.protocol;
        if protocol.parties.is_empty() {
            self.paragraph(vec![Span::gap("de partijen")]);
            return;
        }
        for (index, party) in protocol.parties.iter().enumerate() {
            self.centered(if index == 0 { "TUSSEN" } else { "EN" });
            self.paragraph(party_paragraph(party, index, protocol.municipal.as_ref()));
            // No definition that only repeats the name ("hierna: ‘Infino Vlaanderen vzw’").
            if one_line(&party.short_name) != one_line(&party.legal_name) {
                let mut hierna = vec![Span::plain("hierna: “")];
                hierna.push(or_gap(party.short_name.trim(), "korte naam"));
                hierna.push(Span::plain("”;"));
                self.push(Block::Paragraph(Paragraph {
                    spans: hierna,
                    align: Align::Left,
                    keep_with_next: false,
                }));
            }
        }
        let names: Vec<String> = protocol
            .parties
            .iter()
            .enumerate()
            .filter(|(_, party)| !party.display_name().trim().is_empty())
            .map(|(index, party)| party.name_in_text(index))
            .collect();
        if names.len() == protocol.parties.len() {
            self.paragraph(vec![Span::plain(format!(
                "{} worden hierna elk afzonderlijk een “partij” en samen de “partijen” genoemd.",
                capitalise(&join_names(&names))
            ))]);
        }
    }

    // ----- Recitals ----------------------------------------------------------------------------

    pub(super) fn recitals(&mut self) {
        let protocol = self.protocol;
        self.heading(1, "Overwegingen", Some(Step::Context));
        self.label("NA TE HEBBEN UITEENGEZET:");

        // The recitals are lettered as in signed protocols: one letter per party's legal status,
        // then the context with its parts 1–3, the wish to conclude, one letter per DPO advice,
        // and one for the VTC's advice.
        let mut letters = (0..).map(|index| ListMarker::Letter.label(index));
        let mut next_letter = || letters.next().unwrap_or_default();

        self.heading(2, "Juridisch statuut van de partijen", Some(Step::Parties));
        for (index, party) in protocol.parties.iter().enumerate() {
            let status = party.legal_status.trim();
            let names_itself = [party.short_name.trim(), party.legal_name.trim()]
                .iter()
                .any(|name| !name.is_empty() && status.contains(name));
            let mut spans = vec![Span::bold(format!("{} ", next_letter()))];
            if !names_itself {
                spans.push(Span::bold(format!(
                    "{}: ",
                    capitalise(&party.name_in_text(index))
                )));
            }
            spans.extend(inline_text(status, "juridisch statuut"));
            self.paragraph(spans);
        }

        let context = next_letter();
        let context = context.trim_end_matches('.');
        self.heading(
            2,
            format!("{context}1. Algemene context en waarom de ontvanger de gegevens nodig heeft"),
            Some(Step::Context),
        );
        self.text(
            &protocol.recitals.context,
            &format!("de algemene context ({context}1)"),
        );
        if let Some(case) = &protocol.municipal {
            self.municipal_recital(case, context);
        }
        self.heading(
            2,
            format!("{context}2. Verloop van de geplande gegevensstroom"),
            Some(Step::Context),
        );
        self.text(
            &protocol.recitals.planned_flow,
            &format!("het verloop van de gegevensstroom ({context}2)"),
        );
        self.flow_overview();
        self.heading(
            2,
            format!("{context}3. Dienstenintegrator"),
            Some(Step::Context),
        );
        self.text(
            &protocol.recitals.service_integrator,
            &format!("of de gegevensstroom via een dienstenintegrator verloopt ({context}3)"),
        );
        let intent = next_letter();
        self.heading(
            2,
            format!("{intent} Sluiten en bekendmaken van het protocol"),
            Some(Step::Context),
        );
        self.text(
            &protocol.recitals.intent,
            &format!(
                "de wil om het protocol te sluiten ({})",
                intent.trim_end_matches('.')
            ),
        );

        self.heading(2, "Adviezen", Some(Step::Advice));
        for (index, party) in protocol.parties.iter().enumerate() {
            let mut spans = vec![
                Span::bold(format!("{} ", next_letter())),
                Span::plain(format!(
                    "De functionaris voor gegevensbescherming van {} heeft op ",
                    party.name_in_text(index)
                )),
            ];
            spans.push(date_or_gap(
                party.dpo_advice.date,
                &format!(
                    "datum van het advies van de DPO van {}",
                    party.name_in_text(index)
                ),
            ));
            spans.push(Span::plain(
                " advies gegeven over een ontwerp van dit protocol",
            ));
            if let Some(outcome) = party.dpo_advice.outcome {
                spans.push(Span::plain(format!(" (advies: {})", outcome.label())));
            }
            spans.push(Span::plain("."));
            self.paragraph(spans);
        }
        if let Some(date) = protocol.vtc_advice_date {
            self.paragraph(vec![
                Span::bold(format!("{} ", next_letter())),
                Span::plain(format!(
                    "De Vlaamse Toezichtcommissie voor het elektronische bestuurlijke \
                     gegevensverkeer heeft op {} advies gegeven.",
                    dutch_long(date)
                )),
            ]);
        }

        self.label("WORDT OVEREENGEKOMEN WAT VOLGT:");
    }

    fn municipal_recital(&mut self, case: &MunicipalCase, context_letter: &str) {
        let protocol = self.protocol;
        let municipality = protocol
            .parties
            .iter()
            .enumerate()
            .find(|(_, party)| party.id == case.municipality_party)
            .filter(|(_, party)| !party.display_name().trim().is_empty())
            .map(|(index, party)| party.name_in_text(index))
            .unwrap_or_else(|| "het lokaal bestuur".to_string());
        self.heading(
            2,
            format!("{context_letter}1bis. Gebruik van de gegevens door {municipality}"),
            Some(Step::Municipal),
        );
        self.label("Hoe het lokaal bestuur de gegevens gebruikt");
        self.text(
            &case.data_use,
            "hoe het lokaal bestuur de gegevens zal gebruiken",
        );
        self.label("Het financiële scenario");
        self.text(
            &case.financial_scenario,
            "het specifieke financiële scenario",
        );
        let decision = &case.college_decision;
        let body = non_empty_or(&decision.body, "college van burgemeester en schepenen");
        let mut spans = vec![Span::plain(format!(
            "De tegemoetkoming is geregeld bij besluit van het {body} van "
        ))];
        spans.push(date_or_gap(decision.date, "datum van het collegebesluit"));
        spans.push(Span::plain(" (referentie "));
        spans.push(or_gap(
            decision.reference.trim(),
            "referentie van het besluit",
        ));
        spans.push(Span::plain(
            "), dat de sociale toeslag in het Groeipakket als criterium voor kinderarmoede kiest.",
        ));
        self.paragraph(spans);
    }

    /// One line per flow: from whom to whom, which channel, how often.
    fn flow_overview(&mut self) {
        let protocol = self.protocol;
        if protocol.flows.is_empty() {
            self.paragraph(vec![Span::gap("de gegevensstromen")]);
            return;
        }
        self.label(if protocol.flows.len() == 1 {
            "Het protocol regelt één gegevensstroom:"
        } else {
            "Het protocol regelt de volgende gegevensstromen:"
        });
        let items = protocol
            .flows
            .iter()
            .enumerate()
            .map(|(index, flow)| {
                let mut spans = vec![
                    Span::bold(flow.name_or_number(index)),
                    Span::plain(": van "),
                ];
                spans.push(or_gap(&self.party_short(&flow.from_party), "verstrekker"));
                if !flow.via_party.trim().is_empty() {
                    spans.push(Span::plain(" via "));
                    spans.push(or_gap(
                        &self.party_short(&flow.via_party),
                        "de partij waarlangs de gegevens gaan",
                    ));
                }
                spans.push(Span::plain(" aan "));
                let to: Vec<String> = flow
                    .to_parties
                    .iter()
                    .map(|id| self.party_short(id))
                    .filter(|name| !name.is_empty())
                    .collect();
                spans.push(or_gap(&join_names(&to), "ontvanger"));
                spans.push(Span::plain(if flow.via_service_integrator {
                    format!(
                        ", via {}",
                        non_empty_or(&flow.service_integrator, "een dienstenintegrator")
                    )
                } else {
                    ", zonder dienstenintegrator".to_string()
                }));
                spans.push(Span::plain("."));
                if !flow.description.trim().is_empty() {
                    spans.push(Span::plain(format!(" {}", one_line(&flow.description))));
                }
                ListItem {
                    spans,
                    children: Vec::new(),
                }
            })
            .collect();
        self.push(Block::List(List {
            marker: ListMarker::Bullet,
            items,
        }));
    }
}

/// The paragraph naming a party: legal name, KBO, address, who represents it, role.
fn party_paragraph(party: &Party, index: usize, municipal: Option<&MunicipalCase>) -> Line {
    let mut spans = vec![or_gap_bold(
        &capitalise(&party.legal_name_in_text()),
        &format!("naam van partij {}", index + 1),
    )];
    spans.push(Span::plain(
        ", ingeschreven in de Kruispuntbank van Ondernemingen onder het nummer ",
    ));
    spans.push(or_gap(party.kbo.trim(), "KBO-nummer"));
    // Entities that share the Flemish Community's KBO number are told apart by their unit.
    if !party.establishment_number.trim().is_empty() {
        spans.push(Span::plain(format!(
            " (vestigingseenheid {})",
            one_line(&party.establishment_number)
        )));
    }
    spans.push(Span::plain(", met zetel te "));
    spans.push(or_gap(party.address.trim(), "adres"));
    spans.push(Span::plain(", vertegenwoordigd door "));
    spans.extend(representation(party, municipal));
    spans.push(Span::plain(format!(
        ", in de hoedanigheid van {},",
        role_phrase(party)
    )));
    spans
}

/// Who represents the party: its signatories ("Jan Peeters, administrateur-generaal"), another
/// person, or a body for whom the signatories sign ("het college van burgemeester en
/// schepenen, voor wie tekenen: de burgemeester … en de algemeen directeur …"), for the
/// municipality of the Opgroeien case in execution of the college's decision.
fn representation(party: &Party, municipal: Option<&MunicipalCase>) -> Line {
    let signatories = |describe: fn(&str, &str) -> String| -> String {
        let names: Vec<String> = party
            .signatories
            .iter()
            .filter(|signatory| !signatory.name.trim().is_empty())
            .map(|signatory| describe(&one_line(&signatory.name), &one_line(&signatory.function)))
            .collect();
        join_names(&names)
    };
    let representative = one_line(&party.representative);
    if representative.is_empty() {
        let names = signatories(|name, function| {
            if function.is_empty() {
                name.to_string()
            } else {
                format!("{name}, {function}")
            }
        });
        return vec![or_gap(&names, "naam en functie van de vertegenwoordiger")];
    }
    let mut spans = vec![Span::plain(representative)];
    if party.signatories_sign_for_representative {
        let names = signatories(|name, function| match function.chars().next() {
            Some(first) if first.is_lowercase() => format!("de {function} {name}"),
            Some(_) => format!("{function} {name}"),
            None => name.to_string(),
        });
        spans.push(Span::plain(", voor wie tekenen: "));
        spans.push(or_gap(&names, "wie ondertekent"));
        if let Some(case) = municipal.filter(|case| case.municipality_party == party.id) {
            let body = non_empty_or(
                &case.college_decision.body,
                "college van burgemeester en schepenen",
            );
            spans.push(Span::plain(format!(
                ", in uitvoering van de beslissing van het {body} van "
            )));
            spans.push(date_or_gap(
                case.college_decision.date,
                "datum van het collegebesluit",
            ));
        }
    }
    spans
}

fn role_phrase(party: &Party) -> &'static str {
    match (party.roles.provider, party.roles.recipient) {
        (true, true) => "verstrekker en ontvanger van gegevens",
        (true, false) => "verstrekker van gegevens",
        (false, true) => "ontvanger van gegevens",
        (false, false) => "partij",
    }
}
