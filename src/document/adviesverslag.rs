//! The review report (Adviesverslag): the DPOs' advice, the approval, the verdicts per step,
//! the comments and the history, as a document tree that the same DOCX and PDF writers render.

use super::{Align, Block, Cell, Document, Line, Metadata, Options, Row, Span};
use crate::dutch::dutch_long;
use crate::model::labels::{ItemNames, path_label_named};
use crate::model::{Protocol, Step, fingerprint};
use crate::review::{approval_outdated, sentences, status_text, verdict};

/// The Adviesverslag of `protocol`.
pub fn build(protocol: &Protocol, options: &Options) -> Document {
    let short_fingerprint = fingerprint::short(protocol);
    let current = fingerprint::fingerprint(protocol);
    let protocol_metadata = super::metadata(protocol, options);
    let mut blocks = vec![
        Block::Title(vec![Span::plain("Adviesverslag")]),
        Block::Subtitle(super::title(protocol)),
        paragraph(vec![
            Span::plain("Status: "),
            Span::bold(status_text(protocol)),
            Span::plain(format!(
                ". Vingerafdruk van de inhoud: {short_fingerprint}."
            )),
        ]),
    ];

    blocks.push(heading(
        "Adviezen van de functionarissen voor gegevensbescherming",
        Some(Step::Advice),
    ));
    let mut rows = Vec::new();
    for (index, party) in protocol.parties.iter().enumerate() {
        let advice = &party.dpo_advice;
        let state = sentences::advice_state(advice, &current);
        rows.push(row(vec![
            text_cell(&party.name_or_number(index)),
            text_cell(&state),
            text_cell(&advice.remarks),
        ]));
    }
    blocks.push(table(
        &["Partij", "Advies", "Voorwaarden of opmerkingen"],
        &[3.0, 3.0, 4.0],
        rows,
    ));

    blocks.push(heading("Goedkeuring", Some(Step::Export)));
    blocks.push(paragraph(vec![Span::plain(
        match &protocol.review.approval {
            Some(approval) => {
                let mut text = format!(
                    "Goedgekeurd door {}{}",
                    sentences::person(&approval.by),
                    approval
                        .date
                        .map(|date| format!(" op {}", dutch_long(date)))
                        .unwrap_or_default()
                );
                text.push_str(&format!(
                    ", op de inhoud met vingerafdruk {}.",
                    fingerprint::short_form(&approval.fingerprint)
                ));
                if approval_outdated(protocol) {
                    text.push_str(
                        " De inhoud is sindsdien gewijzigd: de goedkeuring geldt niet meer.",
                    );
                }
                if !approval.remark.trim().is_empty() {
                    text.push_str(&format!(" Opmerking: {}", approval.remark.trim()));
                }
                text
            }
            None => "Nog niet goedgekeurd.".to_string(),
        },
    )]));

    blocks.push(heading("Beoordeling per stap", None));
    let verdict_rows: Vec<Row> = Step::ALL
        .iter()
        .map(|step| match verdict(protocol, *step) {
            Some(verdict) => row(vec![
                text_cell(step.title()),
                text_cell(verdict.kind.label()),
                text_cell(&format!(
                    "{}{}",
                    verdict.comment,
                    sentences::by_line(&verdict.by, verdict.when)
                )),
            ]),
            None => row(vec![
                text_cell(step.title()),
                text_cell("niet beoordeeld"),
                text_cell(""),
            ]),
        })
        .collect();
    blocks.push(table(
        &["Stap", "Oordeel", "Toelichting"],
        &[3.0, 2.0, 5.0],
        verdict_rows,
    ));

    blocks.push(heading("Opmerkingen", None));
    if protocol.review.comments.is_empty() {
        blocks.push(paragraph(vec![Span::plain("Er zijn geen opmerkingen.")]));
    } else {
        let names = ItemNames::of(protocol);
        let comment_rows = protocol
            .review
            .comments
            .iter()
            .map(|comment| {
                let place = match (comment.step, comment.path.is_empty()) {
                    (Some(step), true) => step.title().to_string(),
                    (Some(step), false) => {
                        format!(
                            "{} – {}",
                            step.title(),
                            path_label_named(&comment.path, &names)
                        )
                    }
                    (None, _) => path_label_named(&comment.path, &names),
                };
                let state = match &comment.resolved {
                    Some(resolution) => format!(
                        "afgehandeld{}{}",
                        sentences::by_line(&resolution.by, resolution.when),
                        if resolution.remark.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", resolution.remark)
                        }
                    ),
                    None => "open".to_string(),
                };
                row(vec![
                    text_cell(&comment.id.to_string()),
                    text_cell(&place),
                    text_cell(&format!(
                        "{}{}",
                        comment.text,
                        sentences::by_line(&comment.author, comment.written)
                    )),
                    text_cell(&state),
                ])
            })
            .collect();
        blocks.push(table(
            &["Nr.", "Waar", "Opmerking", "Stand"],
            &[1.0, 3.0, 5.0, 3.0],
            comment_rows,
        ));
    }

    blocks.push(heading("Geschiedenis", None));
    if protocol.review.history.is_empty() {
        blocks.push(paragraph(vec![Span::plain(
            "Er is nog niets geregistreerd.",
        )]));
    } else {
        let history_rows = protocol
            .review
            .history
            .iter()
            .map(|entry| {
                row(vec![
                    text_cell(&sentences::moment(entry.when)),
                    text_cell(&sentences::person(&entry.who)),
                    text_cell(&if entry.remark.is_empty() {
                        entry.action.clone()
                    } else {
                        format!("{}: {}", entry.action, entry.remark)
                    }),
                    text_cell(&fingerprint::short_form(&entry.fingerprint)),
                ])
            })
            .collect();
        blocks.push(table(
            &["Wanneer", "Wie", "Wat", "Vingerafdruk"],
            &[2.5, 3.0, 5.0, 2.0],
            history_rows,
        ));
    }

    Document {
        metadata: Metadata {
            title: format!("Adviesverslag – {}", protocol_metadata.short_title),
            subject: protocol_metadata.title.clone(),
            short_title: format!("Adviesverslag – {}", protocol_metadata.short_title),
            identity: None,
            ..protocol_metadata
        },
        blocks,
    }
}

fn heading(text: &str, step: Option<Step>) -> Block {
    Block::heading(1, text, step)
}

fn paragraph(spans: Line) -> Block {
    Block::paragraph(spans, Align::Left, false)
}

fn text_cell(text: &str) -> Cell {
    Cell::line(
        vec![Span::plain(
            text.split_whitespace().collect::<Vec<_>>().join(" "),
        )],
        false,
    )
}

fn row(cells: Vec<Cell>) -> Row {
    Row::unbroken(cells)
}

fn table(headers: &[&str], widths: &[f32], rows: Vec<Row>) -> Block {
    Block::table(headers, widths, rows)
}
