//! The document tree: structure in the order of a signed protocol, every fact of the model in
//! it, gap markers for empty fields, deterministic, and no panic on any input.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use protocolwijzer::check::{self, Context};
use protocolwijzer::document::{self, Block, Document};
use protocolwijzer::dutch::dutch_long;
use protocolwijzer::model::Protocol;
use protocolwijzer::template;

fn today() -> Context {
    Context {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

fn build(protocol: &Protocol) -> Document {
    let findings = check::check(protocol, &today());
    document::build(
        protocol,
        &protocolwijzer::pipeline::options(protocol, &findings),
    )
}

/// Asserts that `needles` occur in `text` in this order.
fn assert_in_order(text: &str, needles: &[String]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle.as_str()) {
            Some(position) => from += position + needle.len(),
            None => panic!("‘{needle}’ missing or out of order after byte {from}"),
        }
    }
}

fn headings(document: &Document) -> Vec<String> {
    document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading(heading) if heading.level == 1 => Some(heading.text.clone()),
            _ => None,
        })
        .collect()
}

fn gaps(document: &Document) -> Vec<String> {
    let mut found = Vec::new();
    let mut visit = |spans: &[document::Span]| {
        found.extend(
            spans
                .iter()
                .filter(|span| span.gap)
                .map(|span| span.text.clone()),
        )
    };
    for block in &document.blocks {
        match block {
            Block::Title(spans) | Block::Subtitle(spans) => visit(spans),
            Block::Paragraph(paragraph) => visit(&paragraph.spans),
            Block::List(list) => {
                for item in &list.items {
                    visit(&item.spans);
                    item.children.iter().for_each(|child| visit(child));
                }
            }
            Block::Table(table) => {
                for row in table.header.iter().chain(&table.rows) {
                    for cell in &row.cells {
                        cell.paragraphs
                            .iter()
                            .for_each(|paragraph| visit(paragraph));
                    }
                }
            }
            Block::Signatures(boxes) => {
                for signature in boxes {
                    visit(&signature.party);
                    visit(&signature.function);
                    visit(&signature.name);
                }
            }
            Block::Heading(_) | Block::PageBreak => {}
        }
    }
    found
}

#[test]
fn articles_follow_the_structure_of_a_signed_protocol() {
    let document = build(&common::fixture("vutg-opgroeien-2025.ron"));
    let mut expected = vec!["Partijen".to_string(), "Overwegingen".to_string()];
    expected.extend(
        [
            "Artikel 1. Onderwerp",
            "Artikel 2. Rechtvaardigingsgronden van zowel de mededeling als de inzameling van \
             de persoonsgegevens",
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
            "Artikel 12. Inwerkingtreding en opzegging",
            "Ondertekening",
            "Bijlagen",
        ]
        .map(String::from),
    );
    assert_eq!(headings(&document), expected);
    assert!(matches!(document.blocks[0], Block::Title(_)));
    let text = document.plain_text();
    assert_in_order(
        &text,
        &[
            // The title as signed: from the VUTG to Opgroeien regie, each with its article.
            "persoonsgegevens van het Vlaams Agentschap voor de Uitbetaling",
            "naar het Agentschap Opgroeien regie",
            "in het kader van",
            "13 februari 2025",
            "artikel 8, §1, van het decreet van 18 juli 2008",
            "TUSSEN",
            "EN",
            "NA TE HEBBEN UITEENGEZET",
            "WORDT OVEREENGEKOMEN WAT VOLGT",
            "Opgemaakt te",
            "in evenveel exemplaren als er partijen zijn",
        ]
        .map(String::from),
    );
}

#[test]
fn every_fact_of_the_model_is_in_the_document_in_order() {
    for name in [
        "vutg-opgroeien-2025.ron",
        "zeven-partijen.ron",
        "opgroeien-gemeente-ingevuld.ron",
        "agodi-kind-en-gezin.ron",
    ] {
        let protocol = common::fixture(name);
        // Compare with white space folded: texts may be split over paragraphs and cells.
        let text = build(&protocol)
            .plain_text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut parties = Vec::new();
        for party in &protocol.parties {
            parties.push(party.legal_name.trim().to_string());
            parties.push(party.kbo.trim().to_string());
        }
        assert_in_order(&text, &parties);
        let mut items = Vec::new();
        for item in &protocol.data_items {
            items.push(
                item.description
                    .split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            items.push(
                item.justification
                    .split_whitespace()
                    .take(12)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        assert_in_order(&text, &items);
        let advice: Vec<String> = protocol
            .parties
            .iter()
            .filter_map(|party| party.dpo_advice.date.map(dutch_long))
            .collect();
        assert_in_order(&text, &advice);
        let signatories: Vec<String> = protocol
            .parties
            .iter()
            .flat_map(|party| party.signatories.iter().map(|s| s.name.trim().to_string()))
            .collect();
        let signing = text.rfind("Opgemaakt te").unwrap();
        assert_in_order(&text[signing..], &signatories);
    }
}

#[test]
fn a_complete_protocol_has_no_gaps_and_no_draft_mark() {
    let document = build(&common::fixture("opgroeien-gemeente-ingevuld.ron"));
    assert_eq!(gaps(&document), Vec::<String>::new());
    assert!(
        !document.metadata.status.is_draft(),
        "{}",
        document.metadata.status.label()
    );
    assert_eq!(document.metadata.author, "Gemeente Voorbeeldegem");
    assert_eq!(document.metadata.date, NaiveDate::from_ymd_opt(2026, 3, 30));
    assert_eq!(document.metadata.fingerprint.len(), 12);
}

#[test]
fn the_template_shows_gaps_for_the_municipality_and_is_a_draft() {
    let document = build(&template::new_protocol(template::DEFAULT_TEMPLATE).unwrap());
    let gaps = gaps(&document);
    for expected in [
        "KBO-nummer",
        "het specifieke financiële scenario",
        "plaats",
        "datum van ondertekening",
    ] {
        assert!(
            gaps.iter().any(|gap| gap.contains(expected)),
            "no gap for {expected}: {gaps:?}"
        );
    }
    assert!(gaps.iter().all(|gap| gap.starts_with("[in te vullen:")));
    assert!(document.metadata.status.is_draft());
    assert_eq!(document.metadata.status.label(), "Ontwerp");
}

#[test]
fn one_signature_box_per_signatory_with_unique_field_names() {
    let protocol = common::fixture("zeven-partijen.ron");
    let document = build(&protocol);
    let boxes: Vec<_> = document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Signatures(boxes) => Some(boxes.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    let signatories: usize = protocol
        .parties
        .iter()
        .map(|party| party.signatories.len())
        .sum();
    assert_eq!(boxes.len(), signatories);
    let mut names: Vec<_> = boxes.iter().map(|b| b.field_name.clone()).collect();
    assert!(
        names
            .iter()
            .all(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    );
    names.sort();
    names.dedup();
    assert_eq!(names.len(), boxes.len());
    assert!(boxes.iter().all(|b| b.party[0].text.starts_with("Voor ")));
}

#[test]
fn the_data_item_table_has_a_header_and_a_row_per_fact() {
    let protocol = common::fixture("vutg-opgroeien-2025.ron");
    let document = build(&protocol);
    let table = document
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .unwrap();
    assert_eq!(table.header.len(), 1);
    assert_eq!(table.column_widths.len(), 2);
    let labels: Vec<String> = table
        .rows
        .iter()
        .map(|row| {
            Block::Table(document::Table {
                column_widths: vec![1.0],
                header: vec![],
                rows: vec![document::Row {
                    cells: vec![row.cells[0].clone()],
                    keep_together: false,
                    keep_with_next: false,
                }],
            })
            .plain_text()
            .join("")
        })
        .collect();
    for number in 1..=protocol.data_items.len() {
        assert!(labels.contains(&format!("Gegeven {number}")));
    }
    assert_eq!(
        labels
            .iter()
            .filter(|l| *l == "Verantwoording proportionaliteit")
            .count(),
        protocol.data_items.len()
    );
}

#[test]
fn building_is_deterministic() {
    let protocol = common::stress::stress_protocol();
    assert_eq!(build(&protocol), build(&protocol));
}

#[test]
fn building_never_panics_on_arbitrary_protocols() {
    common::for_generated_protocols(64, |protocol| {
        let document = build(&protocol);
        prop_assert!(!document.blocks.is_empty());
        for block in &document.blocks {
            for line in block.plain_text() {
                if line.contains('\n') {
                    return Err(TestCaseError::fail(format!("newline in a line: {line:?}")));
                }
            }
        }
        Ok(())
    });
}

/// Issue 17 §2: the draft college decision, read back from its DOCX and its PDF, holds every
/// fact of the municipal case; the decision date, once filled in, stands in the protocol's
/// party clause ("in uitvoering van de beslissing van het college … van …").
#[test]
fn the_college_decision_holds_every_fact_of_the_municipal_case() {
    let protocol = protocolwijzer::file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/opgroeien-gemeente-ingevuld.ron"
    )))
    .unwrap();
    let case = protocol.municipal.clone().unwrap();
    let municipality = protocol
        .parties
        .iter()
        .find(|party| party.id == case.municipality_party)
        .unwrap()
        .clone();
    let findings = check::check(&protocol, &today());
    let tree = protocolwijzer::pipeline::document(
        &protocol,
        &findings,
        protocolwijzer::pipeline::Product::Besluit,
    );
    let fold = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let first_sentence = |text: &str| fold(text.split(". ").next().unwrap_or_default());
    let decision_date = dutch_long(case.college_decision.date.unwrap());
    let advice_date = dutch_long(municipality.dpo_advice.date.unwrap());
    let mut facts = vec![
        "Ontwerp van besluit van het".to_string(),
        fold(&case.college_decision.body),
        fold(&municipality.legal_name),
        format!("Zitting van {decision_date}"),
        fold(&case.college_decision.reference),
        first_sentence(&case.data_use),
        first_sentence(&case.financial_scenario),
        format!("gaf op {advice_date} een gunstig advies"),
        "sociale toeslag in het Groeipakket wordt gekozen als criterium".to_string(),
        "Artikel 8, §1".to_lowercase(),
        "Decreet over het lokaal bestuur van 22 december 2017".to_string(),
        "algemene verordening gegevensbescherming".to_string(),
    ];
    for signatory in &municipality.signatories {
        facts.push(format!(
            "{}, {}",
            fold(&signatory.name),
            fold(&signatory.function)
        ));
    }
    let docx = protocolwijzer::export::docx(&tree).unwrap();
    let docx_text = common::readback::docx_paragraphs(&docx).join(" ");
    let mut readings = vec![("tree", fold(&tree.plain_text())), ("DOCX", docx_text)];
    if let Some(words) = common::readback::pdf_words(&protocolwijzer::export::pdf(&tree).unwrap()) {
        readings.push(("PDF", words));
    }
    for (reader, text) in &readings {
        for fact in &facts {
            assert!(
                text.to_lowercase().contains(&fact.to_lowercase()),
                "{reader}: ‘{fact}’ is missing"
            );
        }
    }
    assert!(matches!(
        tree.metadata.status,
        protocolwijzer::document::DocumentStatus::Draft { .. }
    ));

    // The decision date goes into the protocol's party clause.
    let protocol_text = fold(&build(&protocol).plain_text());
    assert!(
        protocol_text.contains(&format!(
            "in uitvoering van de beslissing van het {} van {decision_date}",
            fold(&case.college_decision.body)
        )),
        "{protocol_text}"
    );
    // Without a date yet, the decision is a gap in both documents.
    let mut undecided = protocol.clone();
    if let Some(case) = undecided.municipal.as_mut() {
        case.college_decision.date = None;
    }
    let findings = check::check(&undecided, &today());
    let undecided_tree = protocolwijzer::pipeline::document(
        &undecided,
        &findings,
        protocolwijzer::pipeline::Product::Besluit,
    );
    assert!(
        gaps(&undecided_tree)
            .iter()
            .any(|gap| gap.contains("datum van de zitting"))
    );
    assert!(
        gaps(&build(&undecided))
            .iter()
            .any(|gap| gap.contains("collegebesluit"))
    );
}
