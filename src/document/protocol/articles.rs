//! Articles 1–12 of a protocol: subject, grounds, data (the table is in `data_table`),
//! recipients, periodicity and duration, security, the standard clauses and transparency.

use super::Builder;
use crate::document::text::{join_names, one_line, or_gap};
use crate::document::{Block, Line, Span};
use crate::dutch::capitalise;
use crate::model::{
    ChannelKind, Confirmation, ExchangeChannel, MunicipalCase, Processor, Purpose, StandardArticle,
    Step, TermKind, Unit,
};

impl Builder<'_> {
    /// The DPOs' contact details, one line per party, under the notification duties: breaches
    /// and changes are reported through them (art. 33 AVG), and the federal minimum content of a
    /// protocol (art. 20 WVG 30 juli 2018) includes them.
    fn dpo_contacts(&mut self) {
        let protocol = self.protocol;
        if protocol.parties.is_empty() {
            return;
        }
        self.label("De functionarissen voor gegevensbescherming van de partijen zijn bereikbaar:");
        let items = protocol
            .parties
            .iter()
            .enumerate()
            .map(|(index, party)| {
                let mut spans = vec![Span::plain(format!("voor {}: ", party.name_in_text(index)))];
                spans.push(or_gap(party.dpo.name.trim(), "naam van de DPO"));
                spans.push(Span::plain(", "));
                spans.push(or_gap(party.dpo.email.trim(), "e-mailadres van de DPO"));
                if !party.dpo.phone.trim().is_empty() {
                    spans.push(Span::plain(format!(", {}", one_line(&party.dpo.phone))));
                }
                spans.push(Span::plain(";"));
                spans
            })
            .collect();
        self.bullets(items);
    }

    /// The articles in the protocol's order, numbered from 1; a standard article is filled
    /// from its fields, an added one prints its own text.
    pub(super) fn articles(&mut self) {
        for (index, entry) in self.protocol.article_list().iter().enumerate() {
            let number = index + 1;
            let title = entry.title();
            let step = entry.standard.map_or(Step::Clauses, StandardArticle::step);
            let heading = if title.is_empty() {
                format!("Artikel {number}. [in te vullen: titel van artikel {number}]")
            } else {
                format!("Artikel {number}. {title}")
            };
            self.heading(1, heading, Some(step));
            let clauses = &self.protocol.clauses;
            match entry.standard {
                None => self.text(&entry.text, &format!("de tekst van artikel {number}")),
                Some(StandardArticle::Subject) => self.article_1_subject(),
                Some(StandardArticle::Grounds) => self.article_2_grounds(),
                Some(StandardArticle::Data) => self.article_3_data(),
                Some(StandardArticle::Recipients) => self.article_4_recipients(),
                Some(StandardArticle::Periodicity) => self.article_5_periodicity(),
                Some(StandardArticle::Security) => self.article_6_security(),
                Some(StandardArticle::DataQuality) => self.text(
                    &clauses.data_quality,
                    "de bepaling over de kwaliteit van de gegevens",
                ),
                Some(StandardArticle::Sanction) => {
                    self.text(&clauses.sanction, "de sanctie bij niet-naleving")
                }
                Some(StandardArticle::Notification) => {
                    self.text(&clauses.notification, "de meldingsplichten");
                    self.dpo_contacts();
                }
                Some(StandardArticle::Transparency) => self.article_10_transparency(),
                Some(StandardArticle::LawAndDisputes) => self.text(
                    &clauses.law_and_disputes,
                    "het toepasselijk recht en de geschillen",
                ),
                Some(StandardArticle::EntryIntoForce) => self.text(
                    &clauses.entry_into_force,
                    "de inwerkingtreding en de beëindiging",
                ),
            }
        }
    }

    fn article_1_subject(&mut self) {
        let providers = self.unit_names(false);
        let recipients = self.unit_names(true);
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
        let units = protocol.units();
        for unit in &units {
            if unit.roles().provider {
                let verb = if matches!(unit, Unit::Group { .. }) {
                    "hebben"
                } else {
                    "heeft"
                };
                let purposes = unit.shared_texts().original_purposes;
                self.label(format!(
                    "{} {verb} de gegevens oorspronkelijk verzameld voor de volgende doeleinden:",
                    capitalise(&unit.name_in_text())
                ));
                self.purposes(purposes, "oorspronkelijk doeleinde");
            }
        }
        for unit in &units {
            if unit.roles().recipient {
                let verb = if matches!(unit, Unit::Group { .. }) {
                    "verwerken"
                } else {
                    "verwerkt"
                };
                let purposes = unit.shared_texts().processing_purposes;
                self.label(format!(
                    "{} {verb} de meegedeelde gegevens voor de volgende doeleinden:",
                    capitalise(&unit.name_in_text())
                ));
                self.purposes(purposes, "doeleinde van de verwerking");
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
                let mut spans = self.inline(&purpose.description, what);
                spans.push(Span::plain(" Rechtsgrond: "));
                spans.extend(self.inline(&purpose.legal_basis, "rechtsgrond"));
                spans
            })
            .collect();
        self.bullets(items);
    }

    fn article_3_data(&mut self) {
        let protocol = self.protocol;
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

    fn article_4_recipients(&mut self) {
        let protocol = self.protocol;
        let recipients: Vec<Unit> = protocol
            .units()
            .into_iter()
            .filter(|unit| unit.roles().recipient)
            .collect();
        if recipients.is_empty() {
            self.paragraph(vec![Span::gap("de ontvangende partij")]);
        }
        for unit in &recipients {
            let texts = unit.shared_texts();
            let (services, need_to_know, onward, processors) = (
                texts.services_with_access,
                texts.need_to_know,
                texts.onward_disclosure,
                texts.processors,
            );
            self.heading(
                2,
                format!("Bij {}", unit.name_in_text()),
                Some(Step::Recipients),
            );
            self.label("Diensten en teams die toegang krijgen:");
            let services: Vec<Line> = services
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
                need_to_know,
                "hoe de toegang beperkt wordt tot wie de gegevens nodig heeft",
            );
            self.label("Verdere mededeling");
            self.text(
                onward,
                "aan wie de gegevens verder worden meegedeeld (of: aan niemand)",
            );
            if !processors.is_empty() {
                self.label("Verwerkers");
                let items = processors.iter().map(processor_line).collect();
                self.bullets(items);
            }
        }
        for shared in &protocol.shared_processors {
            let names = self.names_for_ids(&shared.parties);
            let mut spans = vec![Span::plain("Verwerker voor ")];
            spans.push(or_gap(&join_names(&names), "voor welke partijen"));
            spans.push(Span::plain(": "));
            spans.extend(processor_line(&shared.processor));
            self.paragraph(spans);
        }
        if !protocol.has_article(StandardArticle::Transparency) {
            self.data_subject_rights();
        }
    }

    fn article_5_periodicity(&mut self) {
        let protocol = self.protocol;
        if protocol.flows.is_empty() {
            self.paragraph(vec![Span::gap("de periodiciteit van de mededeling")]);
        }
        for (index, flow) in protocol.flows.iter().enumerate() {
            let mut spans = vec![Span::bold(format!("{}: ", flow.name_or_number(index)))];
            let periodicity = flow.periodicity.describe();
            spans.push(or_gap(
                &capitalise(&periodicity),
                "hoe vaak de gegevens worden meegedeeld",
            ));
            spans.push(Span::plain(". "));
            spans.extend(self.inline(&flow.justification, "waarom deze periodiciteit nodig is"));
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
        spans.extend(self.inline(&term.justification, "waarom deze duur"));
        self.paragraph(spans);
    }

    fn article_6_security(&mut self) {
        let protocol = self.protocol;
        self.label("Kanaal per gegevensstroom:");
        let channels: Vec<Line> = protocol
            .flows
            .iter()
            .enumerate()
            .map(|(index, flow)| {
                let mut spans = vec![Span::bold(format!("{}: ", flow.name_or_number(index)))];
                spans.push(match flow.channel {
                    ChannelKind::Unspecified => Span::gap("het beveiligde kanaal"),
                    channel => Span::plain(capitalise(channel.label())),
                });
                if !flow.channel_detail.trim().is_empty() {
                    // "(… onder beheer van Kring)." and not "(… Kring.).".
                    spans.push(Span::plain(format!(
                        " ({})",
                        one_line(&flow.channel_detail).trim_end_matches('.')
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
        channel.push(match case.channel(&self.protocol.flows).0 {
            ExchangeChannel::Unchosen => Span::gap("SFTP-server of versleutelde e-mail"),
            ExchangeChannel::Sftp => Span::plain("de SFTP-server van Opgroeien regie"),
            ExchangeChannel::EncryptedEmail => Span::plain("versleutelde e-mail"),
        });
        channel.push(Span::plain("."));
        let commitment = |confirmation: &Confirmation, what: &str| -> Line {
            if confirmation.confirmed {
                self.inline(&confirmation.detail, what)
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
        self.text(
            &protocol.clauses.transparency,
            "de bepaling over transparantie",
        );
        self.publications();
        self.data_subject_rights();
    }

    /// One line per party on where it publishes the protocol (art. 10, or the recitals when
    /// the protocol has no article on transparency).
    pub(super) fn publications(&mut self) {
        let protocol = self.protocol;
        let publications: Vec<Line> = protocol
            .parties
            .iter()
            .enumerate()
            .filter(|(_, party)| !party.publication_url_not_stated)
            .map(|(index, party)| {
                let mut spans = vec![Span::plain(format!(
                    "{} maakt het protocol bekend op ",
                    capitalise(&party.name_in_text(index))
                ))];
                spans.push(or_gap(party.publication_url.trim(), "adres van de website"));
                spans.push(Span::plain("."));
                spans
            })
            .collect();
        self.bullets(publications);
    }

    /// How the data subjects exercise their rights: under transparency, or in art. 4 when the
    /// protocol has no article on transparency.
    fn data_subject_rights(&mut self) {
        let protocol = self.protocol;
        // A signed protocol that does not state them gets no heading and no gap.
        if protocol.data_subject_rights_not_stated && protocol.data_subject_rights.trim().is_empty()
        {
            return;
        }
        self.heading(2, "Rechten van de betrokkenen", Some(Step::Recipients));
        self.text(
            &protocol.data_subject_rights,
            "hoe de betrokkenen hun rechten uitoefenen",
        );
    }
}

/// A processor as a list line: "KRING – Cegeka: hosting." A protocol that does not state the
/// agreement says nothing about it; one that does says whether it is concluded.
fn processor_line(processor: &Processor) -> Line {
    let mut spans = vec![or_gap(processor.name.trim(), "naam van de verwerker")];
    // The sentence's own full stop ends it: no "verwerkersovereenkomst.." (the task's text
    // may end in one).
    let task = one_line(&processor.task);
    let task = task.trim_end_matches('.');
    if !task.is_empty() {
        spans.push(Span::plain(format!(": {task}")));
    }
    spans.push(Span::plain(if processor.agreement_not_stated {
        "."
    } else if processor.agreement_concluded {
        " (verwerkersovereenkomst gesloten)."
    } else {
        " (verwerkersovereenkomst nog te sluiten)."
    }));
    spans
}
