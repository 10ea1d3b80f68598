//! The addendum to a signed protocol: which parts change and their new text, which data items
//! are added or removed, with the parties, the DPOs' advice on the change, and signature
//! fields of its own. It is computed, not written by hand: the signed content (the baseline
//! kept when the amendment began) and the current content are both built into documents, and
//! every part (article, or the parties or recitals) whose text differs is restated in full,
//! as Flemish amending texts do ("Artikel 3 wordt vervangen door wat volgt: …"). The current
//! content's own document is the consolidated text.

use super::text::{date_or_gap, one_line};
use super::{Align, Block, Document, Identity, Metadata, Options, Span};
use crate::dutch::{capitalise, dutch_long, join_names};
use crate::model::{Amendment, Protocol, Step};

/// One part of a document: a level-1 heading and the blocks under it.
#[derive(Clone, Debug, PartialEq)]
struct Part {
    heading: String,
    /// The heading without its article number ("De gegevens" for "Artikel 3. De gegevens"),
    /// so a part is found again when numbers shift.
    key: String,
    /// The article number, if the part is an article.
    number: Option<String>,
    blocks: Vec<Block>,
}

/// The subsection of the recitals that records the DPOs' advice: it always differs (the
/// addendum has advice of its own) and is said in the addendum's own recitals.
const ADVICE_SUBSECTION: &str = "Adviezen";

/// Parts that are not amended by restating them: the signing (each text is signed on its own
/// date) and the annexes list.
const NOT_AMENDED: [&str; 2] = ["Ondertekening", "Bijlagen"];

fn parts(document: &Document) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Heading(heading) if heading.level <= 1 => {
                let (number, key) = split_article(&heading.text);
                parts.push(Part {
                    heading: heading.text.clone(),
                    key,
                    number,
                    blocks: Vec::new(),
                });
            }
            other => {
                if let Some(part) = parts.last_mut() {
                    part.blocks.push(other.clone());
                }
            }
        }
    }
    for part in &mut parts {
        part.blocks = without_advice(&part.blocks);
    }
    parts
}

/// "Artikel 3. De gegevens" → (Some("3"), "De gegevens"); other headings → (None, the text).
fn split_article(heading: &str) -> (Option<String>, String) {
    if let Some(rest) = heading.strip_prefix("Artikel ")
        && let Some((number, title)) = rest.split_once(". ")
    {
        return (Some(number.to_string()), title.trim().to_string());
    }
    (None, heading.trim().to_string())
}

/// The blocks without the "Adviezen" subsection (from its heading to the next heading).
fn without_advice(blocks: &[Block]) -> Vec<Block> {
    let mut kept = Vec::new();
    let mut skipping = false;
    for block in blocks {
        if let Block::Heading(heading) = block {
            skipping = heading.text == ADVICE_SUBSECTION;
        }
        if !skipping {
            kept.push(block.clone());
        }
    }
    kept
}

/// What an addendum changes, part by part.
#[derive(Clone, Debug, PartialEq)]
pub enum PartChange {
    /// A part whose text differs: its new heading and blocks.
    Replaced {
        /// The old heading (with its number in the signed text).
        old_heading: String,
        /// The new heading.
        new_heading: String,
        /// The new text.
        blocks: Vec<Block>,
    },
    /// A part the signed text did not have.
    Inserted {
        /// Its heading.
        heading: String,
        /// Its text.
        blocks: Vec<Block>,
    },
    /// A part the signed text had and the new one does not.
    Removed {
        /// Its heading in the signed text.
        heading: String,
    },
}

/// The parts that differ between the signed content and the current one, in the current
/// document's order (removed parts last).
pub fn part_changes(baseline: &Protocol, current: &Protocol, options: &Options) -> Vec<PartChange> {
    let old = parts(&super::build(baseline, options));
    let new = parts(&super::build(current, options));
    let mut changes = Vec::new();
    for part in &new {
        if NOT_AMENDED.contains(&part.key.as_str()) {
            continue;
        }
        match old.iter().find(|each| each.key == part.key) {
            Some(before) if before.blocks == part.blocks && before.heading == part.heading => {}
            Some(before) if before.blocks == part.blocks => {
                // Only renumbered: the new numbering follows from the other changes.
            }
            Some(before) => changes.push(PartChange::Replaced {
                old_heading: before.heading.clone(),
                new_heading: part.heading.clone(),
                blocks: part.blocks.clone(),
            }),
            None => changes.push(PartChange::Inserted {
                heading: part.heading.clone(),
                blocks: part.blocks.clone(),
            }),
        }
    }
    for part in &old {
        if !NOT_AMENDED.contains(&part.key.as_str()) && !new.iter().any(|each| each.key == part.key)
        {
            changes.push(PartChange::Removed {
                heading: part.heading.clone(),
            });
        }
    }
    changes
}

/// The data items the current content adds and removes, by their description.
pub fn data_item_changes(baseline: &Protocol, current: &Protocol) -> (Vec<String>, Vec<String>) {
    let names = |protocol: &Protocol| -> Vec<String> {
        protocol
            .data_items
            .iter()
            .map(|item| one_line(&item.description))
            .filter(|name| !name.is_empty())
            .collect()
    };
    let (old, new) = (names(baseline), names(current));
    let added = new
        .iter()
        .filter(|name| !old.contains(name))
        .cloned()
        .collect();
    let removed = old
        .iter()
        .filter(|name| !new.contains(name))
        .cloned()
        .collect();
    (added, removed)
}

/// The addendum's title: "Addendum 1".
pub fn title(amendment: &Amendment) -> String {
    format!("Addendum {}", amendment.number.max(1))
}

/// The addendum for `protocol` (its current content) to the signed content of `amendment`.
pub fn build(protocol: &Protocol, amendment: &Amendment, options: &Options) -> Document {
    let baseline = amendment.baseline.as_ref();
    let current = super::build(protocol, options);
    let protocol_title = super::protocol::metadata(baseline, options).title;
    let mut lowered = protocol_title.clone();
    if let Some(first) = lowered.get(..1) {
        lowered = format!("{}{}", first.to_lowercase(), &lowered[1..]);
    }
    let number = amendment.number.max(1);

    let mut blocks = vec![
        Block::Title(vec![Span::plain(format!(
            "Addendum {number} bij het {lowered}"
        ))]),
        Block::Subtitle(vec![
            Span::plain("ondertekend op "),
            date_or_gap(amendment.signed_on, "datum van het ondertekende protocol"),
        ]),
    ];

    // The parties, as the current text names them.
    blocks.push(Block::heading(1, "Partijen", Some(Step::Parties)));
    blocks.extend(
        parts(&current)
            .into_iter()
            .find(|part| part.key == "Partijen")
            .map(|part| part.blocks)
            .unwrap_or_default(),
    );

    // Recitals: the protocol being amended, why, and the advice on this addendum.
    blocks.push(Block::heading(1, "Overwegingen", Some(Step::Advice)));
    let mut first = vec![Span::plain("A. De partijen hebben op ")];
    first.push(date_or_gap(amendment.signed_on, "datum van ondertekening"));
    first.push(Span::plain(format!(
        " het {lowered} ondertekend (hierna: “het protocol”)."
    )));
    blocks.push(Block::paragraph(first, Align::Justify, false));
    blocks.push(Block::paragraph(
        vec![Span::plain(
            "B. Ze willen het protocol wijzigen zoals dit addendum bepaalt. Een wijziging van \
             een protocol volgt dezelfde regels als het protocol zelf: ze wordt vastgelegd in \
             een geschrift dat elke partij ondertekent en bekendmaakt, na het advies van de \
             functionarissen voor gegevensbescherming (artikel 8, §1, van het decreet van 18 \
             juli 2008 betreffende het elektronische bestuurlijke gegevensverkeer).",
        )],
        Align::Justify,
        false,
    ));
    // The advice on the addendum itself: advice still on the signed content is not it.
    blocks.push(Block::paragraph(
        vec![Span::plain(
            "C. Over dit addendum gaven de functionarissen voor gegevensbescherming het \
             volgende advies:",
        )],
        Align::Justify,
        true,
    ));
    let advice = protocol
        .parties
        .iter()
        .enumerate()
        .map(|(index, party)| {
            let name = if party.legal_name.trim().is_empty() {
                party.name_in_text(index)
            } else {
                party.legal_name_in_text()
            };
            let given = &party.dpo_advice;
            let on_addendum = given.date.is_some()
                && given.fingerprint != amendment.baseline_fingerprint
                && given.date > amendment.signed_on;
            if !on_addendum {
                return vec![Span::gap(&format!(
                    "advies van de DPO van {name} over dit addendum"
                ))];
            }
            let mut line = vec![Span::plain(format!("de DPO van {name}, op "))];
            line.push(date_or_gap(given.date, "datum van het advies"));
            if let Some(outcome) = given.outcome {
                line.push(Span::plain(format!(" ({})", outcome.label())));
            }
            line
        })
        .collect();
    blocks.push(Block::bullets(advice));

    blocks.push(Block::paragraph(
        vec![Span::bold("WORDT OVEREENGEKOMEN WAT VOLGT:")],
        Align::Center,
        true,
    ));

    // Article 1: the changes.
    blocks.push(Block::heading(1, "Artikel 1. Wijzigingen", None));
    let changes = part_changes(baseline, protocol, options);
    let (added, removed) = data_item_changes(baseline, protocol);
    if changes.is_empty() {
        blocks.push(Block::paragraph(
            vec![Span::gap(
                "wijziging: de inhoud is nog dezelfde als die van het ondertekende protocol",
            )],
            Align::Justify,
            false,
        ));
    }
    if !added.is_empty() || !removed.is_empty() {
        blocks.push(Block::paragraph(
            vec![Span::plain(
                "Samengevat voor de meegedeelde persoonsgegevens:",
            )],
            Align::Left,
            true,
        ));
        let mut items = Vec::new();
        if !added.is_empty() {
            items.push(vec![Span::plain(format!(
                "toegevoegd: {}",
                join_names(&added)
            ))]);
        }
        if !removed.is_empty() {
            items.push(vec![Span::plain(format!(
                "geschrapt: {}",
                join_names(&removed)
            ))]);
        }
        blocks.push(Block::bullets(items));
    }
    for (index, change) in changes.iter().enumerate() {
        let marker = format!("{}° ", index + 1);
        match change {
            PartChange::Replaced {
                old_heading,
                new_heading,
                blocks: new_blocks,
            } => {
                blocks.push(Block::paragraph(
                    vec![Span::plain(format!(
                        "{marker}{} van het protocol wordt vervangen door wat volgt:",
                        part_name(old_heading)
                    ))],
                    Align::Justify,
                    true,
                ));
                // The restated text is quoted, so its article number is not read as the
                // addendum's own.
                blocks.push(Block::heading(2, format!("“{new_heading}”"), None));
                blocks.extend(new_blocks.iter().cloned());
            }
            PartChange::Inserted {
                heading,
                blocks: new_blocks,
            } => {
                blocks.push(Block::paragraph(
                    vec![Span::plain(format!(
                        "{marker}In het protocol wordt {} ingevoegd, dat luidt als volgt:",
                        inserted_name(heading)
                    ))],
                    Align::Justify,
                    true,
                ));
                blocks.push(Block::heading(2, format!("“{heading}”"), None));
                blocks.extend(new_blocks.iter().cloned());
            }
            PartChange::Removed { heading } => {
                blocks.push(Block::paragraph(
                    vec![Span::plain(format!(
                        "{marker}{} van het protocol wordt opgeheven.",
                        part_name(heading)
                    ))],
                    Align::Justify,
                    false,
                ));
            }
        }
    }
    let is_article = |heading: &str| split_article(heading).0.is_some();
    let renumbered = changes.iter().any(|change| match change {
        PartChange::Replaced {
            old_heading,
            new_heading,
            ..
        } => old_heading != new_heading,
        PartChange::Inserted { heading, .. } | PartChange::Removed { heading } => {
            is_article(heading)
        }
    });
    if renumbered {
        blocks.push(Block::paragraph(
            vec![Span::plain(
                "De artikelen van het protocol worden vernummerd zoals in de geconsolideerde \
                 tekst.",
            )],
            Align::Justify,
            false,
        ));
    }

    blocks.push(Block::heading(1, "Artikel 2. Overige bepalingen", None));
    blocks.push(Block::paragraph(
        vec![Span::plain(
            "Wat dit addendum niet wijzigt, blijft gelden zoals het protocol het bepaalt. De \
             partijen maken de geconsolideerde tekst van het protocol samen met dit addendum \
             bekend op hun website.",
        )],
        Align::Justify,
        false,
    ));
    blocks.push(Block::heading(1, "Artikel 3. Inwerkingtreding", None));
    blocks.push(Block::paragraph(
        vec![Span::plain(
            "Dit addendum treedt in werking op de dag waarop de laatste partij het ondertekent.",
        )],
        Align::Justify,
        false,
    ));

    // The signing: the current text's, with field names of the addendum's own, so the
    // addendum is signed in its own fields.
    let mut signing = parts(&current)
        .into_iter()
        .find(|part| part.key == "Ondertekening")
        .map(|part| part.blocks)
        .unwrap_or_default();
    for block in &mut signing {
        if let Block::Signatures(boxes) = block {
            for signature in boxes {
                signature.field_name = format!("Addendum{number}_{}", signature.field_name);
            }
        }
    }
    blocks.push(Block::heading(1, "Ondertekening", Some(Step::Signing)));
    blocks.extend(signing);

    let own = super::protocol::metadata(protocol, options);
    Document {
        metadata: Metadata {
            title: format!("Addendum {number} bij het {lowered}"),
            subject: own.subject,
            short_title: format!("Addendum {number} – {}", own.short_title),
            identity: own.identity.map(|identity| Identity {
                kind: format!("addendum {number}"),
                ..identity
            }),
            ..own
        },
        blocks,
    }
}

/// "Artikel 3 (De gegevens)" for an article heading, "Het onderdeel ‘Partijen’" otherwise.
fn part_name(heading: &str) -> String {
    match split_article(heading) {
        (Some(number), title) => format!("Artikel {number} ({title})"),
        (None, title) => format!("Het onderdeel ‘{title}’"),
    }
}

/// "een artikel 12 (Opzegging)" for an inserted article, "een onderdeel ‘…’" otherwise.
fn inserted_name(heading: &str) -> String {
    match split_article(heading) {
        (Some(number), title) => format!("een artikel {number} ({title})"),
        (None, title) => format!("een onderdeel ‘{title}’"),
    }
}

/// Whether `protocol` has an addendum in the making.
pub fn applies(protocol: &Protocol) -> bool {
    protocol.review.amendment.is_some()
}

/// The capitalised part name, for lists of what an addendum changed.
pub fn change_summary(change: &PartChange) -> String {
    match change {
        PartChange::Replaced { old_heading, .. } => {
            format!("{} vervangen", capitalise(&part_name(old_heading)))
        }
        PartChange::Inserted { heading, .. } => {
            format!("{} ingevoegd", capitalise(&part_name(heading)))
        }
        PartChange::Removed { heading } => {
            format!("{} opgeheven", capitalise(&part_name(heading)))
        }
    }
}

/// The date of the addendum's text in words, for messages.
pub fn signed_on_text(amendment: &Amendment) -> String {
    amendment
        .signed_on
        .map(dutch_long)
        .unwrap_or_else(|| "(datum niet vermeld)".to_string())
}
