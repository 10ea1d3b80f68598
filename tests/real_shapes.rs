//! The shapes signed protocols take (issue "Real protocols, exactly"), each read back from the
//! document tree, the DOCX (unzip + XML) and the PDF (pdftotext) as exact sentences in order:
//! names with their article, a representative who is not the signatory, a municipality
//! represented by its college, the signed title, no self-referential definitions, facts the
//! signed text does not state, a flow via an intermediary, the DPOs' contact details, and the
//! author of the documents.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use common::readback::{docx_paragraphs, fold, pdf_words};
use protocolwijzer::check::{self, Context};
use protocolwijzer::export;
use protocolwijzer::model::{Article, Protocol};
use protocolwijzer::pipeline::{self, Product};

/// The protocol's document as the three readers see it: the tree's text, the DOCX's
/// paragraphs and the PDF's words (when pdftotext is there), each folded to one line.
fn readings(protocol: &Protocol) -> Vec<(&'static str, String)> {
    let findings = check::check(protocol, &Context::today());
    let document = pipeline::document(protocol, &findings, Product::Protocol);
    let mut readings = vec![
        ("tree", fold(&document.plain_text())),
        (
            "DOCX",
            docx_paragraphs(&export::docx(&document).unwrap()).join(" "),
        ),
    ];
    if let Some(words) = pdf_words(&export::pdf(&document).unwrap()) {
        readings.push(("PDF", words));
    }
    readings
}

/// Every sentence is said, in this order, in the tree, the DOCX and the PDF.
fn assert_said(protocol: &Protocol, sentences: &[&str]) {
    for (reader, text) in readings(protocol) {
        let mut from = 0;
        for sentence in sentences {
            match text[from..].find(sentence) {
                Some(at) => from += at + sentence.len(),
                None => panic!(
                    "{reader} does not say, after byte {from}:\n  {sentence}\n{}",
                    if text[..from].contains(sentence) {
                        "(it does, but earlier: out of order)".to_string()
                    } else {
                        let start = text.floor_char_boundary(from.saturating_sub(0));
                        format!(
                            "it says: …{}…",
                            &text[start..text.ceil_char_boundary((start + 600).min(text.len()))]
                        )
                    }
                ),
            }
        }
    }
}

/// No reader finds any of these.
fn assert_not_said(protocol: &Protocol, phrases: &[&str]) {
    for (reader, text) in readings(protocol) {
        for phrase in phrases {
            assert!(!text.contains(phrase), "{reader} says “{phrase}”");
        }
    }
}

fn vutg() -> Protocol {
    common::fixture("vutg-opgroeien-2025.ron")
}

#[test]
fn names_take_their_article_in_every_generated_sentence() {
    assert_said(
        &vutg(),
        &[
            "Het Vlaams Agentschap voor de Uitbetaling van Toelagen in het kader van het \
             Gezinsbeleid, ingeschreven in de Kruispuntbank van Ondernemingen onder het nummer \
             0692.793.497",
            "hierna: “VUTG”;",
            "Het Agentschap Opgroeien regie, ingeschreven",
            "Het VUTG en Opgroeien regie worden hierna elk afzonderlijk een “partij” en samen de \
             “partijen” genoemd.",
            "De functionaris voor gegevensbescherming van het VUTG heeft op 12 februari 2025 \
             advies gegeven",
            "De functionaris voor gegevensbescherming van Opgroeien regie heeft op 30 januari 2025",
            "Het VUTG heeft de gegevens oorspronkelijk verzameld voor de volgende doeleinden:",
            "Het VUTG maakt het protocol bekend op https://www.gpedia.be.",
            "Voor het Vlaams Agentschap voor de Uitbetaling van Toelagen in het kader van het \
             Gezinsbeleid",
            "Voor het Agentschap Opgroeien regie",
        ],
    );
}

#[test]
fn the_title_is_the_signed_one_when_the_protocol_says_so() {
    let protocol = vutg();
    assert_said(
        &protocol,
        &[
            "Protocol voor de elektronische mededeling van persoonsgegevens van het Vlaams \
           Agentschap voor de Uitbetaling van Toelagen in het kader van het Gezinsbeleid naar \
           het Agentschap Opgroeien regie in het kader van",
        ],
    );
    // Without the override, the title is made from the roles (both parties provide and
    // receive here), with the articles.
    let mut generated = protocol;
    generated.title.text.clear();
    assert_said(
        &generated,
        &[
            "Protocol voor de elektronische mededeling van persoonsgegevens tussen het Vlaams \
           Agentschap voor de Uitbetaling van Toelagen in het kader van het Gezinsbeleid en het \
           Agentschap Opgroeien regie",
        ],
    );
}

#[test]
fn a_representative_who_is_not_the_signatory() {
    let mut protocol = vutg();
    protocol.parties[0].representative = "Jan Janssens, gedelegeerd bestuurder".to_string();
    assert_said(
        &protocol,
        &[
            "met zetel te Simon Bolivarlaan 17, 1000 Brussel, vertegenwoordigd door Jan \
             Janssens, gedelegeerd bestuurder, in de hoedanigheid van verstrekker en ontvanger \
             van gegevens,",
            // The signature block names who signs.
            "Voor het Vlaams Agentschap voor de Uitbetaling van Toelagen in het kader van het \
             Gezinsbeleid",
            "gedelegeerd bestuurder",
            "Leo Van Loo",
        ],
    );
}

#[test]
fn a_municipality_represented_by_its_college_in_execution_of_its_decision() {
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let municipality = protocol
        .parties
        .iter_mut()
        .find(|party| party.id == "gemeente")
        .unwrap();
    municipality.representative = "het college van burgemeester en schepenen".to_string();
    municipality.signatories_sign_for_representative = true;
    municipality.legal_name_article = Some(Article::De);
    assert_said(
        &protocol,
        &[
            "De Gemeente Voorbeeldegem, ingeschreven in de Kruispuntbank",
            "vertegenwoordigd door het college van burgemeester en schepenen, voor wie tekenen: \
             de burgemeester Karolien De Smedt en de algemeen directeur Pieter Vanhoutte, in \
             uitvoering van de beslissing van het college van burgemeester en schepenen en vast \
             bureau van 16 februari 2026, in de hoedanigheid van",
            "Voor de Gemeente Voorbeeldegem",
        ],
    );
}

#[test]
fn no_definition_that_only_repeats_the_name() {
    let mut protocol = vutg();
    protocol.parties[1].short_name = protocol.parties[1].legal_name.clone();
    assert_not_said(&protocol, &["hierna: “Agentschap Opgroeien regie”"]);
    assert_said(
        &protocol,
        &["hierna: “VUTG”;", "Het Agentschap Opgroeien regie"],
    );
}

#[test]
fn facts_the_signed_text_does_not_state_are_printed_as_nothing() {
    let mut protocol = vutg();
    // The fixture does not state whether the processor agreement is concluded.
    assert!(protocol.parties[1].processors[0].agreement_not_stated);
    assert_not_said(
        &protocol,
        &["verwerkersovereenkomst gesloten)", "nog te sluiten)"],
    );
    protocol.parties[0].publication_url.clear();
    protocol.parties[0].publication_url_not_stated = true;
    assert_not_said(
        &protocol,
        &["Het VUTG maakt het protocol bekend", "adres van de website"],
    );
    assert_said(
        &protocol,
        &["Opgroeien regie maakt het protocol bekend op https://www.opgroeien.be."],
    );
    // The rights of the data subjects are not stated: no heading, no gap.
    assert!(protocol.data_subject_rights_not_stated);
    assert_not_said(
        &protocol,
        &[
            "Rechten van de betrokkenen",
            "hoe de betrokkenen hun rechten",
        ],
    );
    // Stated facts are still printed.
    protocol.data_subject_rights = "Bij de DPO van elke partij.".to_string();
    assert_said(
        &protocol,
        &["Rechten van de betrokkenen", "Bij de DPO van elke partij."],
    );
    protocol.parties[1].processors[0].agreement_not_stated = false;
    protocol.parties[1].processors[0].agreement_concluded = true;
    assert_said(&protocol, &["(verwerkersovereenkomst gesloten)."]);
}

#[test]
fn a_flow_through_an_intermediary_party() {
    let mut protocol = common::fixture("zeven-partijen.ron");
    let names: Vec<String> = protocol
        .parties
        .iter()
        .enumerate()
        .map(|(index, party)| party.name_in_text(index))
        .collect();
    protocol.flows[0].from_party = "lindeloo".to_string();
    protocol.flows[0].via_party = "opgroeien".to_string();
    protocol.flows[0].to_parties = vec!["heidebeek".to_string()];
    let flow = protocol.flows[0].name_or_number(0);
    assert_said(
        &protocol,
        &[&format!(
            "{flow}: van {} via {} aan {}",
            names[1], names[0], names[2]
        )],
    );
}

#[test]
fn the_dpos_contact_details_are_printed_under_the_notification_duties() {
    assert_said(
        &vutg(),
        &[
            "Artikel 9. Meldingsplichten",
            "De functionarissen voor gegevensbescherming van de partijen zijn bereikbaar:",
            "voor het VUTG: Functionaris voor gegevensbescherming van het VUTG, privacy@vutg.be;",
            "voor Opgroeien regie: Functionaris voor gegevensbescherming van Opgroeien regie, \
             privacy@opgroeien.be;",
            "Artikel 10.",
        ],
    );
}

#[test]
fn the_author_is_the_provider_never_just_the_first_recipient() {
    let mut protocol = common::fixture("zeven-partijen.ron");
    // Put a recipient first: the author stays the provider.
    protocol.parties.swap(0, 1);
    let findings = check::check(&protocol, &Context::today());
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    let provider = protocol.providers().next().unwrap();
    assert_eq!(document.metadata.author, provider.legal_name.trim());
    assert!(!protocol.parties[0].roles.provider);
}

#[test]
fn the_recitals_are_lettered_as_in_signed_protocols() {
    assert_said(
        &vutg(),
        &[
            "NA TE HEBBEN UITEENGEZET:",
            "A. Het VUTG is een Vlaamse instantie",
            "B. Opgroeien regie is een Vlaamse instantie",
            "C1. Algemene context en waarom de ontvanger de gegevens nodig heeft",
            "C2. Verloop van de geplande gegevensstroom",
            "C3. Dienstenintegrator",
            "D. Sluiten en bekendmaken van het protocol",
            "E. De functionaris voor gegevensbescherming van het VUTG heeft op 12 februari 2025",
            "F. De functionaris voor gegevensbescherming van Opgroeien regie heeft op 30 januari \
             2025",
            "WORDT OVEREENGEKOMEN WAT VOLGT:",
        ],
    );
    // Seven parties: seven status letters, then the context as H, the wish to conclude as I,
    // and a letter per DPO advice.
    let seven = common::fixture("zeven-partijen.ron");
    assert_eq!(seven.parties.len(), 7);
    assert_said(
        &seven,
        &[
            "G. ",
            "H1. Algemene context",
            "H2. Verloop",
            "H3. Dienstenintegrator",
            "I. Sluiten en bekendmaken",
            "J. De functionaris voor gegevensbescherming van",
            "P. De functionaris voor gegevensbescherming van",
        ],
    );
}

/// The honest entry of a signed protocol (reference/002) checks clean of errors and, once
/// approved, exports without ONTWERP, in the DOCX and the PDF alike.
#[test]
fn the_signed_reference_protocol_approved_exports_without_ontwerp() {
    let mut protocol = vutg();
    let findings = check::check(&protocol, &Context::today());
    let errors: Vec<_> = findings
        .iter()
        .filter(|finding| finding.severity == check::Severity::Fout)
        .map(|finding| format!("{} @ {}", finding.rule, finding.path))
        .collect();
    assert!(
        errors.is_empty(),
        "errors in the signed protocol: {errors:?}"
    );
    protocol.review.status = protocolwijzer::model::Status::Approved;
    protocol.review.approval = Some(protocolwijzer::model::Approval {
        by: protocolwijzer::model::Person {
            name: "Bea Verhoeven".to_string(),
            organisation: "Opgroeien regie".to_string(),
            ..Default::default()
        },
        fingerprint: protocolwijzer::model::fingerprint::fingerprint(&protocol),
        ..Default::default()
    });
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    assert!(!document.metadata.status.is_draft());
    let docx = export::docx(&document).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    for index in 0..archive.len() {
        let mut part = String::new();
        use std::io::Read;
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().to_string();
        if name.ends_with(".xml") {
            entry.read_to_string(&mut part).unwrap();
            assert!(!part.contains("ONTWERP"), "{name} says ONTWERP");
        }
    }
    if let Some(words) = pdf_words(&export::pdf(&document).unwrap()) {
        assert!(!words.contains("ONTWERP"), "the PDF says ONTWERP");
        assert!(words.contains("Status: Goedgekeurd door Bea Verhoeven (Opgroeien regie)"));
    }
}

#[test]
fn an_establishment_number_tells_parties_with_one_kbo_apart() {
    let mut protocol = vutg();
    protocol.parties[1].establishment_number = "2.146.484.492".to_string();
    assert_said(
        &protocol,
        &[
            "onder het nummer 0886.886.638 (vestigingseenheid 2.146.484.492), met zetel te \
           Hallepoortlaan 27",
        ],
    );
}

fn payment_actors() -> Protocol {
    common::fixture("uitbetalingsactoren.ron")
}

#[test]
fn a_group_of_four_recipients_is_named_once() {
    let protocol = payment_actors();
    assert_said(
        &protocol,
        &[
            // The title names the group by its collective name, not by four legal names.
            "Protocol voor de elektronische mededeling van persoonsgegevens van het Vlaams \
             Agentschap voor Personen met een Handicap naar het Agentschap Opgroeien regie, het \
             Vlaams Agentschap voor de Uitbetaling van Toelagen in het kader van het \
             Gezinsbeleid en de private uitbetalingsactoren",
            "TUSSEN",
            "Het Vlaams Agentschap voor Personen met een Handicap, ingeschreven",
            "hierna: “VAPH”;",
            // The recipients after EN are numbered, on into the group.
            "EN",
            "1. Het Agentschap Opgroeien regie, ingeschreven",
            "hierna: “Opgroeien regie”;",
            "2. Het Vlaams Agentschap voor de Uitbetaling",
            "hierna: “VUTG”;",
            "EN",
            "De vier private uitbetalingsactoren:",
            "3. Uitbetaler Noord vzw, ingeschreven in de Kruispuntbank van Ondernemingen onder \
             het nummer 0701.234.576, met zetel te Noorderlaan 10, 2030 Antwerpen, \
             vertegenwoordigd door An Claes, algemeen directeur, in de hoedanigheid van \
             ontvanger van gegevens,",
            "4. Uitbetaler Zuid vzw",
            "5. Uitbetaler Oost vzw",
            "6. Uitbetaler West vzw",
            "hierna samen: “de private uitbetalingsactoren”;",
            "Het VAPH, Opgroeien regie, het VUTG en de private uitbetalingsactoren worden \
             hierna elk afzonderlijk een “partij” en samen de “partijen” genoemd.",
            // One legal-status recital for the group, lettered after the parties'.
            "A. Het VAPH is een Vlaamse instantie",
            "B. Opgroeien regie is een Vlaamse instantie",
            "C. Het VUTG is een Vlaamse instantie",
            "D. De private uitbetalingsactoren zijn Vlaamse instanties",
            "E1. Algemene context",
            // The flow goes via Opgroeien regie to the VUTG and the group, named once.
            "Wekelijkse beslissingen: van het VAPH via Opgroeien regie aan het VUTG en de \
             private uitbetalingsactoren, via Vlaamse Dienstenintegrator (MAGDA).",
            // Each member keeps its own DPO advice.
            "De functionaris voor gegevensbescherming van Uitbetaler Noord vzw heeft op 6 april \
             2026 advies gegeven",
            "De functionaris voor gegevensbescherming van Uitbetaler West vzw heeft op 9 april \
             2026 advies gegeven",
            // One short name in the articles.
            "door het VAPH aan Opgroeien regie, het VUTG en de private uitbetalingsactoren",
            "De private uitbetalingsactoren verwerken de meegedeelde gegevens voor de volgende \
             doeleinden:",
            "Bij de private uitbetalingsactoren",
            "De dienst Dossierbeheer van elke actor",
            "De private uitbetalingsactoren geven de gegevens aan niemand door.",
            // Each member signs for itself.
            "Voor Uitbetaler Noord vzw",
            "Voor Uitbetaler West vzw",
        ],
    );
    // Members are defined by the group only, and the group's texts stand once.
    assert_not_said(&protocol, &["hierna: “Uitbetaler", "Bij Uitbetaler"]);
    let findings = check::check(&protocol, &Context::today());
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    let text = fold(&document.plain_text());
    for once in [
        "De private uitbetalingsactoren zijn Vlaamse instanties",
        "Elke actor ziet alleen de beslissingen",
    ] {
        assert_eq!(text.matches(once).count(), 1, "“{once}” is not said once");
    }
}

#[test]
fn a_processor_shared_by_several_parties_is_listed_once() {
    let protocol = payment_actors();
    assert_said(
        &protocol,
        &[
            "Verwerker voor Opgroeien regie, het VUTG en de private uitbetalingsactoren: KRING \
           – Cegeka: beheer van de toepassing waarin de zorgtoeslag wordt berekend.",
        ],
    );
    // The agreement is not stated: nothing is said about it.
    assert_not_said(
        &protocol,
        &["verwerkersovereenkomst gesloten", "nog te sluiten"],
    );
    let findings = check::check(&protocol, &Context::today());
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    assert_eq!(
        fold(&document.plain_text())
            .matches("KRING – Cegeka")
            .count(),
        1
    );
}

#[test]
fn articles_are_data_an_added_article_a_left_out_one_and_references_by_id() {
    let protocol = payment_actors();
    assert_said(
        &protocol,
        &[
            "Artikel 1. Onderwerp",
            "Artikel 6. Beveiligingsmaatregelen",
            // Data quality is left out: the sanction is article 7 now.
            "Artikel 7. Sanctie bij niet-naleving",
            "Artikel 8. Meldingsplichten",
            "Artikel 9. Transparantie en rechten van de betrokkenen",
            "Artikel 10. Toepasselijk recht en geschillen",
            // The protocol's own title for a standard article.
            "Artikel 11. Inwerkingtreding",
            // An added article, whose references follow the numbering.
            "Artikel 12. Opzegging",
            "De gegevens uit artikel 3 die een ontvanger dan al heeft, bewaart hij niet langer \
             dan artikel 3 toelaat.",
        ],
    );
    assert_not_said(
        &protocol,
        &[
            "Kwaliteit van de gegevens",
            "{artikel:",
            "Artikel 13",
            "[onbekend",
        ],
    );
    // Moving the data article renumbers the reference with it.
    let mut moved = protocol.clone();
    let data = moved.articles.remove(2);
    moved.articles.insert(5, data);
    assert_said(
        &moved,
        &[
            "Artikel 6. De meegedeelde persoonsgegevens",
            "De gegevens uit artikel 6 die een ontvanger",
        ],
    );
}

#[test]
fn the_shapes_fixture_checks_without_errors() {
    let protocol = payment_actors();
    let findings = check::check(&protocol, &Context::today());
    let errors: Vec<String> = findings
        .iter()
        .filter(|finding| finding.severity == check::Severity::Fout)
        .map(|finding| format!("{} {} {}", finding.rule, finding.path, finding.message))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_reference_protocol_has_its_article_titles_in_the_signed_order() {
    assert_said(
        &vutg(),
        &[
            "Artikel 1. Onderwerp",
            "Artikel 2. Rechtvaardigingsgronden van zowel de mededeling als de inzameling van de \
             persoonsgegevens",
            "Artikel 3. De gevraagde persoonsgegevens en de categorieën en omvang van de \
             gevraagde persoonsgegevens conform het proportionaliteitsbeginsel",
            "Artikel 4. De categorieën van ontvangers en derden die mogelijks de gegevens \
             eveneens verkrijgen",
            "Artikel 5. Periodiciteit van de mededeling en de duur van de mededeling",
            "Artikel 6. Beveiligingsmaatregelen",
            "Artikel 7. Kwaliteit van de persoonsgegevens",
            "Artikel 8. Sanctie bij niet-naleving",
            "Artikel 9. Meldingsplichten",
            "Artikel 10. Transparantie",
            "Artikel 11. Toepasselijk recht en geschillenbeslechting",
            // The signed text numbers this one 11 again by mistake; numbers are computed.
            "Artikel 12. Inwerkingtreding en opzegging",
        ],
    );
}

/// Issue 15: no double full stop where a text that ends in one is put in a sentence (the
/// processor's task "… verwerkersovereenkomst." and the channel detail "… Kring." of the VUTG
/// fixture), in the tree, the DOCX and the PDF alike.
#[test]
fn a_sentence_ends_in_one_full_stop() {
    let protocol = vutg();
    assert!(protocol.parties[1].processors[0].task.ends_with('.'));
    assert!(protocol.flows[0].channel_detail.ends_with('.'));
    assert_said(
        &protocol,
        &[
            "Opgroeien regie sluit in dat geval een verwerkersovereenkomst.",
            "onder beheer van Kring).",
        ],
    );
    assert_not_said(&protocol, &["verwerkersovereenkomst..", "Kring.)"]);
}
