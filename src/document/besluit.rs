//! The draft decision of the college van burgemeester en schepenen (and the vast bureau) that
//! goes with the Opgroeien protocol (reference/000, step 2 of the process): it regulates the
//! support, chooses the sociale toeslag as the criterion for child poverty, approves the
//! protocol and mandates the signatories. Built from the protocol's municipal case as a document
//! tree, so the same DOCX and PDF writers render it; a fact the file does not hold yet is a
//! visible gap. The texts are our own, in the style of Flemish council decisions.

use super::text::{date_or_gap, non_empty_or, one_line, or_gap, text_blocks};
use super::{Align, Block, Document, DocumentStatus, Line, Metadata};
use super::{Options, Span};
use crate::dutch::join_names;
use crate::model::{AdviceOutcome, Party, Protocol, Step};

/// The draft college decision for `protocol`. A protocol without a municipal case gets one
/// with every fact of the case a gap (front ends offer it only for a case: [`applies`]).
pub fn build(protocol: &Protocol, options: &Options) -> Document {
    let empty = crate::model::MunicipalCase::default();
    let case = protocol.municipal.as_ref().unwrap_or(&empty);
    let municipality = protocol
        .parties
        .iter()
        .enumerate()
        .find(|(_, party)| party.id == case.municipality_party);
    let others: Vec<String> = protocol
        .parties
        .iter()
        .enumerate()
        .filter(|(_, party)| party.id != case.municipality_party)
        .map(|(index, party)| party.name_in_text(index))
        .collect();
    let body = non_empty_or(
        &case.college_decision.body,
        "college van burgemeester en schepenen",
    );
    let municipality_name = municipality
        .map(|(_, party)| one_line(&party.legal_name))
        .filter(|name| !name.is_empty());
    let protocol_title = super::title(protocol);

    let mut blocks = vec![
        Block::Title(vec![Span::plain(format!(
            "Ontwerp van besluit van het {body}"
        ))]),
        Block::Subtitle(vec![or_gap(
            municipality_name.as_deref().unwrap_or_default(),
            "naam van het lokaal bestuur",
        )]),
        Block::Subtitle(vec![
            Span::plain("Zitting van "),
            date_or_gap(case.college_decision.date, "datum van de zitting"),
            Span::plain(" – referentie "),
            or_gap(
                case.college_decision.reference.trim(),
                "referentie of agendapunt",
            ),
        ]),
    ];

    // Onderwerp
    blocks.push(heading("Onderwerp"));
    let mut subject = vec![Span::plain(
        "Financiële ondersteuning van gezinnen met een sociale toeslag in het Groeipakket en \
         goedkeuring van het protocol voor de elektronische mededeling van persoonsgegevens: ",
    )];
    subject.extend(protocol_title.clone());
    subject.push(Span::plain("."));
    blocks.push(paragraph(subject));

    // Aanleiding en context
    blocks.push(heading("Aanleiding en context"));
    let mut context = vec![Span::plain(
        "Het lokaal bestuur wil gezinnen met kinderen die in armoede opgroeien gericht \
         ondersteunen. De sociale toeslag in het Groeipakket gaat naar gezinnen met een beperkt \
         inkomen; wie er recht op heeft, is daarmee een goede aanwijzing van kinderarmoede. Om \
         die gezinnen te kunnen bereiken zonder dat ze zelf een aanvraag en bewijsstukken moeten \
         indienen, ontvangt het lokaal bestuur van ",
    )];
    context.push(or_gap(&join_names(&others), "de verstrekkende partij"));
    context.push(Span::plain(
        " de gegevens over de kinderen met een sociale toeslag. Die elektronische mededeling \
         van persoonsgegevens wordt geregeld in een protocol.",
    ));
    blocks.push(paragraph(context));
    blocks.push(label("Hoe het lokaal bestuur de gegevens gebruikt:"));
    blocks.extend(text_blocks(
        &case.data_use,
        "hoe het lokaal bestuur de gegevens gebruikt",
    ));

    // Juridische grond
    blocks.push(heading("Juridische grond"));
    blocks.push(Block::bullets(vec![
        vec![Span::plain(
            "Het decreet van 18 juli 2008 betreffende het elektronische bestuurlijke \
             gegevensverkeer (e-govdecreet), artikel 8, §1: een elektronische mededeling van \
             persoonsgegevens door of aan een Vlaamse instantie gebeurt op grond van een \
             protocol tussen de betrokken partijen.",
        )],
        vec![Span::plain(
            "Het Decreet over het lokaal bestuur van 22 december 2017, over de bevoegdheden van \
             het college van burgemeester en schepenen en van het vast bureau.",
        )],
        vec![Span::plain(
            "De verordening (EU) 2016/679 van 27 april 2016 (algemene verordening \
             gegevensbescherming, AVG), in het bijzonder artikel 5 (beginselen), artikel 6 \
             (rechtmatigheid) en artikel 30 (register van verwerkingsactiviteiten).",
        )],
    ]));

    // Advies van de DPO
    blocks.push(heading(
        "Advies van de functionaris voor gegevensbescherming",
    ));
    blocks.push(paragraph(dpo_advice(municipality.map(|(_, party)| party))));

    // Argumentatie
    blocks.push(heading("Argumentatie"));
    blocks.push(paragraph(vec![Span::plain(
        "Het lokaal bestuur kiest de sociale toeslag als criterium omdat die objectief en \
         actueel vaststelt welke gezinnen met een beperkt inkomen leven, zonder dat het bestuur \
         zelf inkomensgegevens moet opvragen. Het ontvangt alleen de gegevens die het voor de \
         ondersteuning nodig heeft, en vernietigt ze zodra ze niet meer nodig zijn.",
    )]));
    blocks.push(label("De ondersteuning (het financiële scenario):"));
    blocks.extend(text_blocks(
        &case.financial_scenario,
        "welke ondersteuning, voor wie, hoeveel en hoe ze wordt uitbetaald",
    ));

    // Financiële gevolgen
    blocks.push(heading("Financiële gevolgen"));
    blocks.push(paragraph(vec![
        Span::plain("De uitgaven volgen uit het scenario hierboven. Budget en krediet: "),
        Span::gap("budget, budgetsleutel en beschikbaar krediet"),
        Span::plain("."),
    ]));

    // Besluit
    blocks.push(heading("Besluit"));
    blocks.push(paragraph(vec![Span::plain(format!("Het {body} beslist:"))]));
    blocks.push(article(1, {
        let mut spans = vec![Span::plain(
            "Het protocol voor de elektronische mededeling van persoonsgegevens “",
        )];
        spans.extend(protocol_title);
        spans.push(Span::plain("” wordt goedgekeurd."));
        spans
    }));
    blocks.push(article(
        2,
        vec![Span::plain(
            "Het recht op een sociale toeslag in het Groeipakket wordt gekozen als criterium om \
             gezinnen met kinderen in armoede te bepalen.",
        )],
    ));
    blocks.push(article(
        3,
        vec![Span::plain(
            "De financiële ondersteuning wordt toegekend zoals beschreven in het financiële \
             scenario van deze beslissing.",
        )],
    ));
    blocks.push(article(4, mandate(municipality.map(|(_, party)| party))));
    blocks.push(article(
        5,
        vec![Span::plain(
            "Het ondertekende protocol en deze beslissing worden bezorgd aan Opgroeien regie. \
             Het protocol wordt bekendgemaakt op de website van elke partij.",
        )],
    ));

    let protocol_metadata = super::metadata(protocol, options);
    let name = municipality_name.unwrap_or_else(|| "het lokaal bestuur".to_string());
    Document {
        metadata: Metadata {
            title: format!("Ontwerp van besluit – {name}"),
            subject: protocol_metadata.title.clone(),
            short_title: format!("Ontwerp van besluit – {name}"),
            // A draft for the college: always marked as one.
            status: DocumentStatus::draft(""),
            identity: None,
            ..protocol_metadata
        },
        blocks,
    }
}

/// Whether `protocol` has a municipal case, so that a decision can be made.
pub fn applies(protocol: &Protocol) -> bool {
    protocol.municipal.is_some()
}

/// "De functionaris voor gegevensbescherming gaf op … een gunstig advies …".
fn dpo_advice(municipality: Option<&Party>) -> Line {
    let advice = municipality.map(|party| &party.dpo_advice);
    let mut spans = vec![Span::plain(
        "De functionaris voor gegevensbescherming van het lokaal bestuur gaf op ",
    )];
    spans.push(date_or_gap(
        advice.and_then(|advice| advice.date),
        "datum van het advies van de DPO",
    ));
    spans.push(Span::plain(" een "));
    spans.push(match advice.and_then(|advice| advice.outcome) {
        Some(outcome) => Span::plain(outcome.label()),
        None => Span::gap("gunstig, gunstig onder voorwaarden of ongunstig"),
    });
    spans.push(Span::plain(" advies over het ontwerp van protocol"));
    match advice {
        Some(advice)
            if advice.outcome == Some(AdviceOutcome::FavourableWithConditions)
                && !advice.remarks.trim().is_empty() =>
        {
            spans.push(Span::plain(format!(
                ", met als voorwaarden: {}",
                one_line(&advice.remarks).trim_end_matches('.')
            )));
        }
        _ => {}
    }
    spans.push(Span::plain("."));
    spans
}

/// Article 4: who signs the protocol for the municipality.
fn mandate(municipality: Option<&Party>) -> Line {
    let names: Vec<String> = municipality
        .map(|party| {
            party
                .signatories
                .iter()
                .filter(|signatory| !signatory.name.trim().is_empty())
                .map(|signatory| {
                    let function = one_line(&signatory.function);
                    if function.is_empty() {
                        one_line(&signatory.name)
                    } else {
                        format!("{}, {function}", one_line(&signatory.name))
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    vec![
        Span::plain("Opdracht wordt gegeven aan "),
        or_gap(&join_names(&names), "wie het protocol ondertekent"),
        Span::plain(" om het protocol namens het lokaal bestuur te ondertekenen."),
    ]
}

fn heading(text: &str) -> Block {
    Block::heading(1, text, Some(Step::Municipal))
}

fn paragraph(spans: Line) -> Block {
    Block::paragraph(spans, Align::Left, false)
}

fn label(text: &str) -> Block {
    Block::paragraph(vec![Span::bold(text)], Align::Left, true)
}

fn article(number: usize, spans: Line) -> Block {
    let mut line = vec![Span::bold(format!("Artikel {number}. "))];
    line.extend(spans);
    paragraph(line)
}
