//! Articles 1–12 of a protocol: subject, grounds, data (the table is in `data_table`),
//! recipients, periodicity and duration, security, the standard clauses and transparency.

use super::Builder;
use crate::document::text::{inline_text, join_names, one_line, or_gap};
use crate::document::{Block, Line, Span};
use crate::dutch::capitalise;
use crate::model::{
    ChannelKind, Confirmation, ExchangeChannel, MunicipalCase, Party, Purpose, Step, TermKind,
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

    pub(super) fn articles(&mut self) {
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
        self.dpo_contacts();
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
            .enumerate()
            .map(|(index, party)| party.name_in_text(index))
            .collect();
        let recipients: Vec<String> = self
            .recipients()
            .iter()
            .enumerate()
            .map(|(index, party)| party.name_in_text(index))
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
                    capitalise(&party.name_in_text(index))
                ));
                self.purposes(&party.original_purposes, "oorspronkelijk doeleinde");
            }
        }
        for (index, party) in protocol.parties.iter().enumerate() {
            if party.roles.recipient {
                self.label(format!(
                    "{} verwerkt de meegedeelde gegevens voor de volgende doeleinden:",
                    capitalise(&party.name_in_text(index))
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
            let name = party.name_in_text(index);
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
                        // A protocol that does not state the agreement says nothing about it.
                        spans.push(Span::plain(if processor.agreement_not_stated {
                            "."
                        } else if processor.agreement_concluded {
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
            let mut spans = vec![Span::bold(format!("{}: ", flow.name_or_number(index)))];
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
                let mut spans = vec![Span::bold(format!("{}: ", flow.name_or_number(index)))];
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
        self.heading(2, "Rechten van de betrokkenen", Some(Step::Recipients));
        self.text(
            &protocol.data_subject_rights,
            "hoe de betrokkenen hun rechten uitoefenen",
        );
    }
}
