//! Builds the document tree from the model, in Dutch, article by article, following the
//! structure of a signed protocol: title block, legal basis, parties (TUSSEN … EN …), recitals
//! (NA TE HEBBEN UITEENGEZET), articles 1–12, closing, signatures, annexes.
//!
//! Every empty field the document needs becomes a visible gap marker, never nothing.

use chrono::NaiveDate;

use super::{
    Align, Block, Cell, Document, Heading, Line, List, ListItem, ListMarker, Metadata, Options,
    Paragraph, Row, SignatureBox, Span, Table,
};
use crate::dates::dutch_long;
use crate::fingerprint;
use crate::model::{
    ChannelKind, Confirmation, DataFlow, ExchangeChannel, MunicipalCase, Party, Protocol, Purpose,
    TermKind,
};
use crate::step::Step;

/// The document for `protocol`.
pub fn build(protocol: &Protocol, options: &Options) -> Document {
    let mut builder = Builder {
        protocol,
        blocks: Vec::new(),
    };
    builder.title_block();
    builder.parties();
    builder.recitals();
    builder.articles();
    builder.closing();
    builder.annexes();

    let metadata = Metadata {
        title: builder.title_text(),
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
        draft: options.draft,
        fingerprint: fingerprint::short(protocol),
    };
    Document {
        metadata,
        blocks: builder.blocks,
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

impl Builder<'_> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn heading(&mut self, level: u8, text: impl Into<String>, step: Option<Step>) {
        self.push(Block::Heading(Heading {
            level,
            text: text.into(),
            step,
        }));
    }

    fn paragraph(&mut self, spans: Line) {
        self.push(Block::Paragraph(Paragraph {
            spans,
            ..Paragraph::default()
        }));
    }

    fn label(&mut self, text: impl Into<String>) {
        self.push(Block::Paragraph(Paragraph {
            spans: vec![Span::bold(text)],
            align: Align::Left,
            keep_with_next: true,
        }));
    }

    fn centered(&mut self, text: &str) {
        self.push(Block::Paragraph(Paragraph {
            spans: vec![Span::bold(text)],
            align: Align::Center,
            keep_with_next: true,
        }));
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

    /// "Protocol voor de elektronische mededeling van persoonsgegevens van A naar B", or
    /// "… tussen A en B" when the data go both ways between the same parties. A party without
    /// a name is a gap marker.
    fn title_spans(&self) -> Line {
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
    fn title_text(&self) -> String {
        self.title_spans()
            .iter()
            .map(|span| span.text.as_str())
            .collect()
    }

    fn title_block(&mut self) {
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

    fn parties(&mut self) {
        self.heading(1, "Partijen", Some(Step::Parties));
        let protocol = self.protocol;
        if protocol.parties.is_empty() {
            self.paragraph(vec![Span::gap("de partijen")]);
            return;
        }
        for (index, party) in protocol.parties.iter().enumerate() {
            self.centered(if index == 0 { "TUSSEN" } else { "EN" });
            self.paragraph(party_paragraph(party, index));
            let mut hierna = vec![Span::plain("hierna: “")];
            hierna.push(or_gap(party.short_name.trim(), "korte naam"));
            hierna.push(Span::plain("”;"));
            self.push(Block::Paragraph(Paragraph {
                spans: hierna,
                align: Align::Left,
                keep_with_next: false,
            }));
        }
        let names: Vec<String> = protocol
            .parties
            .iter()
            .map(|party| one_line(party.display_name()))
            .filter(|name| !name.is_empty())
            .collect();
        if names.len() == protocol.parties.len() {
            self.paragraph(vec![Span::plain(format!(
                "{} worden hierna elk afzonderlijk een “partij” en samen de “partijen” genoemd.",
                join_names(&names)
            ))]);
        }
    }

    // ----- Recitals ----------------------------------------------------------------------------

    fn recitals(&mut self) {
        let protocol = self.protocol;
        self.heading(1, "Overwegingen", Some(Step::Context));
        self.label("NA TE HEBBEN UITEENGEZET:");

        self.heading(2, "Juridisch statuut van de partijen", Some(Step::Parties));
        for (index, party) in protocol.parties.iter().enumerate() {
            let status = party.legal_status.trim();
            let names_itself = [party.short_name.trim(), party.legal_name.trim()]
                .iter()
                .any(|name| !name.is_empty() && status.contains(name));
            let mut spans = Vec::new();
            if !names_itself {
                spans.push(Span::bold(format!(
                    "{}: ",
                    capitalise(&display_or(party, index))
                )));
            }
            spans.extend(inline_text(status, "juridisch statuut"));
            self.paragraph(spans);
        }

        self.heading(
            2,
            "C1. Algemene context en waarom de ontvanger de gegevens nodig heeft",
            Some(Step::Context),
        );
        self.text(&protocol.recitals.context, "de algemene context (C1)");
        if let Some(case) = &protocol.municipal {
            self.municipal_recital(case);
        }
        self.heading(
            2,
            "C2. Verloop van de geplande gegevensstroom",
            Some(Step::Context),
        );
        self.text(
            &protocol.recitals.planned_flow,
            "het verloop van de gegevensstroom (C2)",
        );
        self.flow_overview();
        self.heading(2, "C3. Dienstenintegrator", Some(Step::Context));
        self.text(
            &protocol.recitals.service_integrator,
            "of de gegevensstroom via een dienstenintegrator verloopt (C3)",
        );
        self.heading(
            2,
            "D. Sluiten en bekendmaken van het protocol",
            Some(Step::Context),
        );
        self.text(
            &protocol.recitals.intent,
            "de wil om het protocol te sluiten (D)",
        );

        self.heading(2, "E. Adviezen", Some(Step::Advice));
        for (index, party) in protocol.parties.iter().enumerate() {
            let mut spans = vec![Span::plain(format!(
                "De functionaris voor gegevensbescherming van {} heeft op ",
                display_or(party, index)
            ))];
            spans.push(date_or_gap(
                party.dpo_advice.date,
                &format!(
                    "datum van het advies van de DPO van {}",
                    display_or(party, index)
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
            self.paragraph(vec![Span::plain(format!(
                "De Vlaamse Toezichtcommissie voor het elektronische bestuurlijke \
                 gegevensverkeer heeft op {} advies gegeven.",
                dutch_long(date)
            ))]);
        }

        self.label("WORDT OVEREENGEKOMEN WAT VOLGT:");
    }

    fn municipal_recital(&mut self, case: &MunicipalCase) {
        let protocol = self.protocol;
        let municipality = protocol
            .party(&case.municipality_party)
            .map(|party| one_line(party.display_name()))
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "het lokaal bestuur".to_string());
        self.heading(
            2,
            format!("C1bis. Gebruik van de gegevens door {municipality}"),
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
                let mut spans = vec![Span::bold(flow_name(flow, index)), Span::plain(": van ")];
                spans.push(or_gap(&self.party_short(&flow.from_party), "verstrekker"));
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

    fn party_short(&self, id: &str) -> String {
        self.protocol
            .party(id)
            .map(|party| one_line(party.display_name()))
            .unwrap_or_default()
    }

    // ----- Articles ----------------------------------------------------------------------------

    fn articles(&mut self) {
        self.article_1_subject();
        self.article_2_grounds();
        self.article_3_data();
        self.article_4_recipients();
        self.article_5_periodicity();
        self.article_6_security();
        let clauses = &self.protocol.clauses;
        self.heading(
            1,
            "Artikel 7. Kwaliteit van de gegevens",
            Some(Step::Clauses),
        );
        self.text(
            &clauses.data_quality,
            "de bepaling over de kwaliteit van de gegevens",
        );
        self.heading(
            1,
            "Artikel 8. Sanctie bij niet-naleving",
            Some(Step::Clauses),
        );
        self.text(&clauses.sanction, "de sanctie bij niet-naleving");
        self.heading(1, "Artikel 9. Meldingsplichten", Some(Step::Clauses));
        self.text(&clauses.notification, "de meldingsplichten");
        self.article_10_transparency();
        self.heading(
            1,
            "Artikel 11. Toepasselijk recht en geschillen",
            Some(Step::Clauses),
        );
        self.text(
            &clauses.law_and_disputes,
            "het toepasselijk recht en de geschillen",
        );
        self.heading(
            1,
            "Artikel 12. Inwerkingtreding en beëindiging",
            Some(Step::Clauses),
        );
        self.text(
            &clauses.entry_into_force,
            "de inwerkingtreding en de beëindiging",
        );
    }

    fn article_1_subject(&mut self) {
        self.heading(1, "Artikel 1. Onderwerp", Some(Step::Context));
        let providers: Vec<String> = self
            .providers()
            .iter()
            .map(|party| one_line(party.display_name()))
            .collect();
        let recipients: Vec<String> = self
            .recipients()
            .iter()
            .map(|party| one_line(party.display_name()))
            .collect();
        let same_parties = providers == recipients;
        let mut spans = vec![Span::plain(
            "Dit protocol legt de voorwaarden en de nadere regels vast van de elektronische \
             mededeling van de persoonsgegevens uit artikel 3 ",
        )];
        if same_parties && providers.len() > 1 {
            spans.push(Span::plain(format!("tussen {}", join_names(&providers))));
        } else {
            spans.push(Span::plain("door "));
            spans.push(or_gap(&join_names(&providers), "de verstrekker"));
            spans.push(Span::plain(" aan "));
            spans.push(or_gap(&join_names(&recipients), "de ontvanger"));
        }
        spans.push(Span::plain(", in de gegevensstromen uit overweging C2."));
        self.paragraph(spans);
    }

    fn article_2_grounds(&mut self) {
        let protocol = self.protocol;
        self.heading(
            1,
            "Artikel 2. Doeleinden en rechtsgronden van de mededeling",
            Some(Step::Purposes),
        );
        for (index, party) in protocol.parties.iter().enumerate() {
            if party.roles.provider {
                self.label(format!(
                    "{} heeft de gegevens oorspronkelijk verzameld voor de volgende doeleinden:",
                    display_or(party, index)
                ));
                self.purposes(&party.original_purposes, "oorspronkelijk doeleinde");
            }
        }
        for (index, party) in protocol.parties.iter().enumerate() {
            if party.roles.recipient {
                self.label(format!(
                    "{} verwerkt de meegedeelde gegevens voor de volgende doeleinden:",
                    display_or(party, index)
                ));
                self.purposes(&party.processing_purposes, "doeleinde van de verwerking");
            }
        }
        self.heading(
            2,
            "Verenigbaarheid van de verdere verwerking",
            Some(Step::Purposes),
        );
        self.text(
            &protocol.compatibility,
            "waarom de verdere verwerking verenigbaar is met de oorspronkelijke doeleinden",
        );
    }

    fn purposes(&mut self, purposes: &[Purpose], what: &str) {
        if purposes.is_empty() {
            self.bullets(vec![vec![Span::gap(what)]]);
            return;
        }
        let items = purposes
            .iter()
            .map(|purpose| {
                let mut spans = inline_text(&purpose.description, what);
                spans.push(Span::plain(" Rechtsgrond: "));
                spans.extend(inline_text(&purpose.legal_basis, "rechtsgrond"));
                spans
            })
            .collect();
        self.bullets(items);
    }

    fn article_3_data(&mut self) {
        let protocol = self.protocol;
        self.heading(
            1,
            "Artikel 3. De meegedeelde persoonsgegevens en hun evenredigheid",
            Some(Step::Data),
        );
        self.paragraph(vec![Span::plain(
            "De tabel hieronder geeft elk meegedeeld gegeven, waarom het noodzakelijk is \
             (verantwoording van de evenredigheid), in welke gegevensstromen het wordt \
             meegedeeld en hoelang het wordt bewaard.",
        )]);
        let special: Vec<String> = protocol
            .data_items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.special_category.is_special())
            .map(|(index, item)| {
                format!("gegeven {} ({})", index + 1, item.special_category.label())
            })
            .collect();
        if special.is_empty() {
            self.paragraph(vec![Span::plain(
                "Er worden geen persoonsgegevens meegedeeld als bedoeld in artikel 9 of 10 van de \
                 algemene verordening gegevensbescherming.",
            )]);
        } else {
            self.paragraph(vec![Span::plain(format!(
                "De volgende gegevens behoren tot de bijzondere categorieën van artikel 9 of 10 van \
                 de algemene verordening gegevensbescherming: {}. De tabel vermeldt waarom hun \
                 verwerking toegestaan en noodzakelijk is.",
                join_names(&special)
            ))]);
        }
        self.label("Identificatie");
        self.text(
            &protocol.identifier,
            "de identificator (bijvoorbeeld het INSZ-nummer)",
        );

        if protocol.data_items.is_empty() {
            self.paragraph(vec![Span::gap("de meegedeelde gegevens")]);
        } else {
            self.push(Block::Table(self.data_item_table()));
        }
        self.heading(2, "Bewaartermijn", Some(Step::Data));
        let every_item_has_its_own = !protocol.data_items.is_empty()
            && protocol
                .data_items
                .iter()
                .all(|item| !item.retention.trim().is_empty());
        if protocol.retention.trim().is_empty() && every_item_has_its_own {
            self.paragraph(vec![Span::plain(
                "Voor elk gegeven staat de bewaartermijn in de tabel hierboven.",
            )]);
        } else {
            self.text(&protocol.retention, "de bewaartermijn");
        }
    }

    fn data_item_table(&self) -> Table {
        let protocol = self.protocol;
        let header = Row {
            cells: vec![
                cell(vec![Span::bold("Gegeven")], true),
                cell(vec![Span::bold("Omschrijving en verantwoording")], true),
            ],
            keep_together: true,
        };
        let mut rows = Vec::new();
        for (index, item) in protocol.data_items.iter().enumerate() {
            let number = index + 1;
            let label = |text: &str| cell(vec![Span::bold(text)], true);
            rows.push(Row {
                cells: vec![
                    label(&format!("Gegeven {number}")),
                    paragraphs_cell(
                        &item.description,
                        &format!("omschrijving van gegeven {number}"),
                    ),
                ],
                keep_together: true,
            });
            rows.push(Row {
                cells: vec![
                    label("Verantwoording proportionaliteit"),
                    paragraphs_cell(
                        &item.justification,
                        &format!("waarom gegeven {number} noodzakelijk is"),
                    ),
                ],
                keep_together: false,
            });
            if !item.purpose.trim().is_empty() {
                rows.push(Row {
                    cells: vec![label("Doel"), paragraphs_cell(&item.purpose, "doel")],
                    keep_together: true,
                });
            }
            let flows: Vec<String> = item
                .flows
                .iter()
                .filter_map(|id| {
                    protocol
                        .flows
                        .iter()
                        .position(|flow| flow.id == *id)
                        .map(|position| flow_name(&protocol.flows[position], position))
                })
                .collect();
            rows.push(Row {
                cells: vec![
                    label("Gegevensstromen"),
                    cell(
                        vec![or_gap(&join_names(&flows), "in welke gegevensstromen")],
                        false,
                    ),
                ],
                keep_together: true,
            });
            let retention = if item.retention.trim().is_empty() {
                cell(
                    vec![Span::plain("Zie de algemene bewaartermijn hieronder.")],
                    false,
                )
            } else {
                paragraphs_cell(&item.retention, "bewaartermijn")
            };
            rows.push(Row {
                cells: vec![label("Bewaartermijn"), retention],
                keep_together: true,
            });
            if item.special_category.is_special() {
                let mut spans = vec![Span::plain(format!(
                    "{}. ",
                    capitalise(item.special_category.label())
                ))];
                spans.extend(inline_text(
                    &item.special_category_justification,
                    "waarom deze bijzondere categorie nodig en toegestaan is",
                ));
                rows.push(Row {
                    cells: vec![label("Bijzondere categorie"), cell(spans, false)],
                    keep_together: true,
                });
            }
        }
        Table {
            column_widths: vec![3.0, 7.0],
            header: vec![header],
            rows,
        }
    }

    fn article_4_recipients(&mut self) {
        let protocol = self.protocol;
        self.heading(
            1,
            "Artikel 4. Ontvangers en derden die de gegevens kunnen verkrijgen",
            Some(Step::Recipients),
        );
        let recipients: Vec<(usize, &Party)> = protocol
            .parties
            .iter()
            .enumerate()
            .filter(|(_, party)| party.roles.recipient)
            .collect();
        if recipients.is_empty() {
            self.paragraph(vec![Span::gap("de ontvangende partij")]);
        }
        for (index, party) in recipients {
            let name = display_or(party, index);
            self.heading(2, format!("Bij {name}"), Some(Step::Recipients));
            self.label("Diensten en teams die toegang krijgen:");
            let services: Vec<Line> = party
                .services_with_access
                .iter()
                .filter(|service| !service.trim().is_empty())
                .map(|service| vec![Span::plain(one_line(service))])
                .collect();
            if services.is_empty() {
                self.bullets(vec![vec![Span::gap("de diensten of teams met toegang")]]);
            } else {
                self.bullets(services);
            }
            self.text(
                &party.need_to_know,
                "hoe de toegang beperkt wordt tot wie de gegevens nodig heeft",
            );
            self.label("Verdere mededeling");
            self.text(
                &party.onward_disclosure,
                "aan wie de gegevens verder worden meegedeeld (of: aan niemand)",
            );
            if !party.processors.is_empty() {
                self.label("Verwerkers");
                let items = party
                    .processors
                    .iter()
                    .map(|processor| {
                        let mut spans =
                            vec![or_gap(processor.name.trim(), "naam van de verwerker")];
                        if !processor.task.trim().is_empty() {
                            spans.push(Span::plain(format!(": {}", one_line(&processor.task))));
                        }
                        spans.push(Span::plain(if processor.agreement_concluded {
                            " (verwerkersovereenkomst gesloten)."
                        } else {
                            " (verwerkersovereenkomst nog te sluiten)."
                        }));
                        spans
                    })
                    .collect();
                self.bullets(items);
            }
        }
    }

    fn article_5_periodicity(&mut self) {
        let protocol = self.protocol;
        self.heading(
            1,
            "Artikel 5. Periodiciteit en duur van de mededeling",
            Some(Step::Periodicity),
        );
        if protocol.flows.is_empty() {
            self.paragraph(vec![Span::gap("de periodiciteit van de mededeling")]);
        }
        for (index, flow) in protocol.flows.iter().enumerate() {
            let mut spans = vec![Span::bold(format!("{}: ", flow_name(flow, index)))];
            let periodicity = flow.periodicity.describe();
            spans.push(or_gap(
                &capitalise(&periodicity),
                "hoe vaak de gegevens worden meegedeeld",
            ));
            spans.push(Span::plain(". "));
            spans.extend(inline_text(
                &flow.justification,
                "waarom deze periodiciteit nodig is",
            ));
            self.paragraph(spans);
        }
        self.heading(2, "Duur", Some(Step::Periodicity));
        let term = &protocol.term;
        let mut spans = vec![Span::plain("Het protocol geldt voor ")];
        spans.push(match term.kind {
            TermKind::Unspecified => Span::gap("bepaalde of onbepaalde duur"),
            kind => Span::plain(kind.label()),
        });
        if !term.description.trim().is_empty() {
            spans.push(Span::plain(format!(": {}", one_line(&term.description))));
        }
        spans.push(Span::plain(". "));
        spans.extend(inline_text(&term.justification, "waarom deze duur"));
        self.paragraph(spans);
    }

    fn article_6_security(&mut self) {
        let protocol = self.protocol;
        self.heading(
            1,
            "Artikel 6. Beveiligingsmaatregelen",
            Some(Step::Security),
        );
        self.label("Kanaal per gegevensstroom:");
        let channels: Vec<Line> = protocol
            .flows
            .iter()
            .enumerate()
            .map(|(index, flow)| {
                let mut spans = vec![Span::bold(format!("{}: ", flow_name(flow, index)))];
                spans.push(match flow.channel {
                    ChannelKind::Unspecified => Span::gap("het beveiligde kanaal"),
                    channel => Span::plain(capitalise(channel.label())),
                });
                if !flow.channel_detail.trim().is_empty() {
                    spans.push(Span::plain(format!(
                        " ({})",
                        one_line(&flow.channel_detail)
                    )));
                }
                spans.push(Span::plain("."));
                spans
            })
            .collect();
        if channels.is_empty() {
            self.bullets(vec![vec![Span::gap("het beveiligde kanaal")]]);
        } else {
            self.bullets(channels);
        }
        self.label("De partijen nemen de volgende maatregelen:");
        let measures: Vec<Line> = protocol
            .security
            .measures
            .iter()
            .filter(|measure| !measure.text.trim().is_empty())
            .map(|measure| vec![Span::plain(one_line(&measure.text))])
            .collect();
        if measures.is_empty() {
            self.bullets(vec![vec![Span::gap("de beveiligingsmaatregelen")]]);
        } else {
            self.bullets(measures);
        }
        if !protocol.security.additional_text.trim().is_empty() {
            self.text(&protocol.security.additional_text, "");
        }
        if let Some(case) = &protocol.municipal {
            self.municipal_commitments(case);
        }
    }

    fn municipal_commitments(&mut self, case: &MunicipalCase) {
        self.heading(
            2,
            "Verbintenissen van het lokaal bestuur",
            Some(Step::Municipal),
        );
        let mut channel = vec![Span::plain(
            "Het lokaal bestuur bezorgt de versleutelde lijst met INSZ-nummers via ",
        )];
        channel.push(match case.exchange_channel {
            ExchangeChannel::Unchosen => Span::gap("SFTP-server of versleutelde e-mail"),
            ExchangeChannel::Sftp => Span::plain("de SFTP-server van Opgroeien regie"),
            ExchangeChannel::EncryptedEmail => Span::plain("versleutelde e-mail"),
        });
        channel.push(Span::plain("."));
        let commitment = |confirmation: &Confirmation, what: &str| -> Line {
            if confirmation.confirmed {
                inline_text(&confirmation.detail, what)
            } else {
                vec![Span::gap(&format!("bevestiging: {what}"))]
            }
        };
        let items = vec![
            channel,
            commitment(&case.key_exchange, "sleutel uitgewisseld tussen de DPO's"),
            commitment(&case.destruction, "vernietiging van het bestand na gebruik"),
            commitment(
                &case.security_policy,
                "informatieveiligheidsbeleid met veiligheidsplan",
            ),
            commitment(
                &case.processing_register,
                "opname in het verwerkingsregister",
            ),
            commitment(
                &case.information_duty,
                "informatie aan de betrokken burgers",
            ),
        ];
        self.bullets(items);
    }

    fn article_10_transparency(&mut self) {
        let protocol = self.protocol;
        self.heading(
            1,
            "Artikel 10. Transparantie en rechten van de betrokkenen",
            Some(Step::Clauses),
        );
        self.text(
            &protocol.clauses.transparency,
            "de bepaling over transparantie",
        );
        let publications: Vec<Line> = protocol
            .parties
            .iter()
            .enumerate()
            .map(|(index, party)| {
                let mut spans = vec![Span::plain(format!(
                    "{} maakt het protocol bekend op ",
                    capitalise(&display_or(party, index))
                ))];
                spans.push(or_gap(party.publication_url.trim(), "adres van de website"));
                spans.push(Span::plain("."));
                spans
            })
            .collect();
        self.bullets(publications);
        self.heading(2, "Rechten van de betrokkenen", Some(Step::Recipients));
        self.text(
            &protocol.data_subject_rights,
            "hoe de betrokkenen hun rechten uitoefenen",
        );
    }

    // ----- Closing, signatures, annexes --------------------------------------------------------

    fn closing(&mut self) {
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
        let mut used_names = std::collections::HashSet::new();
        for (index, party) in protocol.parties.iter().enumerate() {
            let party_label = if party.legal_name.trim().is_empty() {
                display_or(party, index)
            } else {
                one_line(&party.legal_name)
            };
            let signatories: Vec<_> = if party.signatories.is_empty() {
                vec![Default::default()]
            } else {
                party.signatories.clone()
            };
            for (number, signatory) in signatories.iter().enumerate() {
                let base = format!(
                    "Handtekening_{}_{}",
                    field_safe(&display_or(party, index)),
                    number + 1
                );
                let mut field_name = base.clone();
                let mut suffix = 2;
                while !used_names.insert(field_name.clone()) {
                    field_name = format!("{base}_{suffix}");
                    suffix += 1;
                }
                boxes.push(SignatureBox {
                    party: format!("Voor {party_label}"),
                    function: non_empty_or(&signatory.function, "[in te vullen: functie]"),
                    name: non_empty_or(&signatory.name, "[in te vullen: naam]"),
                    field_name,
                });
            }
        }
        self.push(Block::Signatures(boxes));
    }

    fn annexes(&mut self) {
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

/// The paragraph naming a party: legal name, KBO, address, representatives, role.
fn party_paragraph(party: &Party, index: usize) -> Line {
    let mut spans = vec![or_gap_bold(
        party.legal_name.trim(),
        &format!("naam van partij {}", index + 1),
    )];
    spans.push(Span::plain(
        ", ingeschreven in de Kruispuntbank van Ondernemingen onder het nummer ",
    ));
    spans.push(or_gap(party.kbo.trim(), "KBO-nummer"));
    spans.push(Span::plain(", met zetel te "));
    spans.push(or_gap(party.address.trim(), "adres"));
    spans.push(Span::plain(", vertegenwoordigd door "));
    let representatives: Vec<String> = party
        .signatories
        .iter()
        .filter(|signatory| !signatory.name.trim().is_empty())
        .map(|signatory| {
            if signatory.function.trim().is_empty() {
                one_line(&signatory.name)
            } else {
                format!(
                    "{}, {}",
                    one_line(&signatory.name),
                    one_line(&signatory.function)
                )
            }
        })
        .collect();
    spans.push(or_gap(
        &join_names(&representatives),
        "naam en functie van de vertegenwoordiger",
    ));
    spans.push(Span::plain(format!(
        ", in de hoedanigheid van {},",
        role_phrase(party)
    )));
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

/// The name of a party in running text, or "partij N" when it has none yet.
fn display_or(party: &Party, index: usize) -> String {
    let name = one_line(party.display_name());
    if name.is_empty() {
        format!("partij {}", index + 1)
    } else {
        name
    }
}

/// The legal name of a party, or its short name, or a gap marker text.
/// The legal name of a party, else its short name; empty when it has neither.
fn party_name(party: &Party) -> String {
    let legal = one_line(&party.legal_name);
    if legal.is_empty() {
        one_line(&party.short_name)
    } else {
        legal
    }
}

fn flow_name(flow: &DataFlow, index: usize) -> String {
    let name = flow.name.trim();
    if name.is_empty() {
        format!("Gegevensstroom {}", index + 1)
    } else {
        one_line(name)
    }
}

/// "A", "A en B", "A, B en C".
fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [only] => only.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} en {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

fn or_gap(text: &str, what: &str) -> Span {
    if text.trim().is_empty() {
        Span::gap(what)
    } else {
        Span::plain(one_line(text))
    }
}

fn or_gap_bold(text: &str, what: &str) -> Span {
    if text.trim().is_empty() {
        Span::gap(what)
    } else {
        Span::bold(one_line(text))
    }
}

fn date_or_gap(date: Option<NaiveDate>, what: &str) -> Span {
    match date {
        Some(date) => Span::plain(dutch_long(date)),
        None => Span::gap(what),
    }
}

fn non_empty_or(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        one_line(text)
    }
}

/// A text as one line: line breaks and runs of white space become single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A free text folded into one run, or a gap marker when empty.
fn inline_text(text: &str, what: &str) -> Line {
    vec![or_gap(text, what)]
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// Letters, digits and underscores only, for PDF field names.
fn field_safe(text: &str) -> String {
    let safe: String = text
        .chars()
        .map(|character| {
            if character.is_ascii_alphanumeric() {
                character
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = safe.trim_matches('_');
    if trimmed.is_empty() {
        "partij".to_string()
    } else {
        trimmed.to_string()
    }
}

fn cell(spans: Line, shaded: bool) -> Cell {
    Cell {
        paragraphs: vec![spans],
        shaded,
    }
}

/// A free text as the paragraphs of a table cell ("- " lines stay as their own paragraphs).
fn paragraphs_cell(text: &str, what: &str) -> Cell {
    let paragraphs: Vec<Line> = text
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| match line.strip_prefix("- ") {
            Some(item) => vec![Span::plain(format!("– {}", one_line(item)))],
            None => vec![Span::plain(one_line(line))],
        })
        .collect();
    if paragraphs.is_empty() {
        cell(vec![Span::gap(what)], false)
    } else {
        Cell {
            paragraphs,
            shaded: false,
        }
    }
}

/// A free text as blocks: paragraphs split at blank lines, "- " lines as bullet lists.
/// An empty text becomes one paragraph with a gap marker (none when `what` is empty).
fn text_blocks(text: &str, what: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut items: Vec<ListItem> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(Paragraph {
                spans: vec![Span::plain(one_line(&paragraph.join(" ")))],
                ..Paragraph::default()
            }));
            paragraph.clear();
        }
    };
    let flush_items = |items: &mut Vec<ListItem>, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::List(List {
                marker: ListMarker::Bullet,
                items: std::mem::take(items),
            }));
        }
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_items(&mut items, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
            flush_paragraph(&mut paragraph, &mut blocks);
            items.push(ListItem {
                spans: vec![Span::plain(one_line(item))],
                children: Vec::new(),
            });
        } else {
            flush_items(&mut items, &mut blocks);
            paragraph.push(line);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_items(&mut items, &mut blocks);
    if blocks.is_empty() && !what.is_empty() {
        blocks.push(Block::Paragraph(Paragraph {
            spans: vec![Span::gap(what)],
            ..Paragraph::default()
        }));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_joined_the_dutch_way() {
        assert_eq!(join_names::<&str>(&[]), "");
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B"]), "A en B");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B en C");
    }

    #[test]
    fn text_becomes_paragraphs_and_lists() {
        let blocks = text_blocks(
            "Eerste zin\nloopt door.\n\nInleiding:\n- een\n- twee\n\nSlot.",
            "x",
        );
        assert_eq!(blocks.len(), 4);
        assert!(
            matches!(&blocks[0], Block::Paragraph(p) if p.spans[0].text == "Eerste zin loopt door.")
        );
        assert!(matches!(&blocks[2], Block::List(list) if list.items.len() == 2));
        let empty = text_blocks("  \n", "de context");
        assert!(matches!(&empty[0], Block::Paragraph(p) if p.spans[0].gap));
        assert!(text_blocks("", "").is_empty());
    }

    #[test]
    fn field_names_are_safe() {
        assert_eq!(field_safe("Opgroeien regie"), "Opgroeien_regie");
        assert_eq!(field_safe("Zoë’s"), "Zo__s");
        assert_eq!(field_safe("…"), "partij");
    }
}
