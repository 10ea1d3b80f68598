//! The front matter of a protocol: the title block, the parties (TUSSEN … EN …) and the
//! recitals (NA TE HEBBEN UITEENGEZET), up to "WORDT OVEREENGEKOMEN WAT VOLGT".

use super::{Builder, party_name};
use crate::document::text::{date_or_gap, join_names, non_empty_or, one_line, or_gap, or_gap_bold};
use crate::document::{Align, Block, Line, List, ListItem, ListMarker, Paragraph, Span};
use crate::dutch::{capitalise, count_word, dutch_long};
use crate::model::{Article, MunicipalCase, Party, Step, Unit};

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
        // A group is named once, by its collective name, not by all its members' legal names.
        let units = self.protocol.units();
        let names = |recipients: bool| -> Vec<Span> {
            units
                .iter()
                .filter(|unit| {
                    let roles = unit.roles();
                    if recipients {
                        roles.recipient
                    } else {
                        roles.provider
                    }
                })
                .map(|unit| match unit {
                    Unit::Party { party, .. } => or_gap(&party_name(party), "naam van de partij"),
                    Unit::Group { index, group, .. } => or_gap(
                        &if group.name.trim().is_empty() {
                            String::new()
                        } else {
                            group.name_in_text(*index)
                        },
                        "naam van de groep",
                    ),
                })
                .collect()
        };
        let joined = |names: Vec<Span>, spans: &mut Line| {
            let count = names.len();
            for (index, name) in names.into_iter().enumerate() {
                if index > 0 {
                    spans.push(Span::plain(if index + 1 == count { " en " } else { ", " }));
                }
                spans.push(name);
            }
        };
        let providers = names(false);
        let recipients = names(true);
        let same_parties = units
            .iter()
            .all(|unit| unit.roles().provider == unit.roles().recipient);
        if providers.is_empty() && recipients.is_empty() {
            return spans;
        }
        if same_parties {
            spans.push(Span::plain(" tussen "));
            joined(providers, &mut spans);
        } else {
            spans.push(Span::plain(" van "));
            if providers.is_empty() {
                spans.push(Span::gap("verstrekker"));
            } else {
                joined(providers, &mut spans);
            }
            spans.push(Span::plain(" naar "));
            if recipients.is_empty() {
                spans.push(Span::gap("ontvanger"));
            } else {
                joined(recipients, &mut spans);
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

    /// TUSSEN the first party, EN the others. As in signed protocols, the parties after EN
    /// are numbered (1., 2., …) when there is more than one, and a group is introduced once
    /// ("EN de vier private uitbetalingsactoren:"), its members numbered on, and defined
    /// together ("hierna samen: ‘de private uitbetalingsactoren’").
    pub(super) fn parties(&mut self) {
        self.heading(1, "Partijen", Some(Step::Parties));
        let protocol = self.protocol;
        if protocol.parties.is_empty() {
            self.paragraph(vec![Span::gap("de partijen")]);
            return;
        }
        let units = protocol.units();
        let after_first: usize = units.iter().skip(1).map(|unit| unit.parties().len()).sum();
        let numbered = after_first > 1;
        let mut number = 0;
        let mut in_run = false;
        for (position, unit) in units.iter().enumerate() {
            match unit {
                Unit::Party { index, party } => {
                    if position == 0 {
                        self.centered("TUSSEN");
                        self.party(party, *index, None);
                    } else if numbered {
                        if !in_run {
                            self.centered("EN");
                            in_run = true;
                        }
                        number += 1;
                        self.party(party, *index, Some(number));
                    } else {
                        self.centered("EN");
                        self.party(party, *index, None);
                    }
                }
                Unit::Group {
                    index,
                    group,
                    members,
                } => {
                    self.centered(if position == 0 { "TUSSEN" } else { "EN" });
                    in_run = false;
                    let collective = if group.name.trim().is_empty() {
                        Span::gap("naam van de groep")
                    } else {
                        Span::plain(capitalise(&Article::put_before(
                            group.article,
                            &format!("{} {}", count_word(members.len()), one_line(&group.name)),
                        )))
                    };
                    self.push(Block::Paragraph(Paragraph {
                        spans: vec![collective, Span::plain(":")],
                        align: Align::Left,
                        keep_with_next: true,
                    }));
                    for (member_index, member) in members {
                        number += 1;
                        self.party(member, *member_index, Some(number));
                    }
                    let mut hierna = vec![Span::plain("hierna samen: “")];
                    hierna.push(if group.name.trim().is_empty() {
                        Span::gap("naam van de groep")
                    } else {
                        Span::plain(group.name_in_text(*index))
                    });
                    hierna.push(Span::plain("”;"));
                    self.push(Block::Paragraph(Paragraph {
                        spans: hierna,
                        align: Align::Left,
                        keep_with_next: false,
                    }));
                }
            }
        }
        let names: Vec<String> = units
            .iter()
            .filter(|unit| unit.is_named())
            .map(Unit::name_in_text)
            .collect();
        if names.len() == units.len() {
            self.paragraph(vec![Span::plain(format!(
                "{} worden hierna elk afzonderlijk een “partij” en samen de “partijen” genoemd.",
                capitalise(&join_names(&names))
            ))]);
        }
    }

    /// One party's paragraph, numbered when `number` is given, and its definition.
    fn party(&mut self, party: &Party, index: usize, number: Option<usize>) {
        let mut spans = party_paragraph(party, index, self.protocol.municipal.as_ref());
        if let Some(number) = number {
            spans.insert(0, Span::plain(format!("{number}. ")));
        }
        self.paragraph(spans);
        // No definition that only repeats the name ("hierna: ‘Infino Vlaanderen vzw’"); a
        // group member without a short name of its own is defined by the group only.
        let short = one_line(&party.short_name);
        let in_group = self.protocol.group_of(party).is_some();
        if short != one_line(&party.legal_name) && !(in_group && short.is_empty()) {
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
        for unit in protocol.units() {
            let (status, names) = match &unit {
                Unit::Party { party, .. } => (
                    party.legal_status.trim(),
                    vec![party.short_name.trim(), party.legal_name.trim()],
                ),
                Unit::Group { group, .. } => (group.legal_status.trim(), vec![group.name.trim()]),
            };
            let names_itself = names
                .iter()
                .any(|name| !name.is_empty() && status.contains(name));
            let mut spans = vec![Span::bold(format!("{} ", next_letter()))];
            if !names_itself {
                spans.push(Span::bold(format!(
                    "{}: ",
                    capitalise(&unit.name_in_text())
                )));
            }
            spans.extend(self.inline(status, "juridisch statuut"));
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
        // Without an article on transparency, publication stands in the recitals.
        if !protocol.has_article(crate::model::StandardArticle::Transparency) {
            self.publications();
        }

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
                let to = self.names_for_ids(&flow.to_parties);
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
    // The municipality of the Opgroeien case signs in execution of the college's decision
    // (issue 17): its date, once taken, stands here; until then it is a gap.
    let in_execution = |spans: &mut Line| {
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
    };
    if representative.is_empty() {
        let names = signatories(|name, function| {
            if function.is_empty() {
                name.to_string()
            } else {
                format!("{name}, {function}")
            }
        });
        let mut spans = vec![or_gap(&names, "naam en functie van de vertegenwoordiger")];
        in_execution(&mut spans);
        return spans;
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
    }
    in_execution(&mut spans);
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
