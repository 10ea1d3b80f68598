//! Rules about the data (art. 3): proportionality per item, special categories, the flows each
//! item travels in, the identifier and the retention period.

use std::collections::{HashMap, HashSet};

use super::{Context, Finding, is_blank};
use crate::model::Protocol;
use crate::model::Step;

/// Fewer words than this is not a justification a reviewer accepts.
const MIN_JUSTIFICATION_WORDS: usize = 5;

/// Texts people type when they mean "to do" or "not applicable".
const PLACEHOLDERS: [&str; 12] = [
    "…", "...", "..", "-", "?", "todo", "tbd", "nvt", "n.v.t.", "n.v.t", "xxx", "idem",
];

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    if protocol.data_items.is_empty() {
        findings.push(Finding::new(
            "data.none",
            Step::Data,
            "data_items",
            "Het protocol vermeldt nog geen gegevens. Som in artikel 3 elk gegeven op dat wordt \
             meegedeeld, met de reden waarom het nodig is.",
        ));
    }
    if is_blank(&protocol.identifier) {
        findings.push(Finding::new(
            "data.identifier.missing",
            Step::Data,
            "identifier",
            "Vermeld met welke identificator de gegevens worden opgevraagd en gekoppeld \
             (meestal het INSZ-nummer), zodat een lezer weet hoe de personen herkend worden.",
        ));
    }
    let flow_ids: HashSet<&str> = protocol.flows.iter().map(|f| f.id.as_str()).collect();
    // Hash of the normalised justification → the items that have it (first first). Hashing
    // streams over the text, so 250 long justifications cost no allocation; a hit is confirmed
    // by comparing the normalised texts, so a hash collision never reports a false copy.
    let mut justifications: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut any_without_retention = false;
    for (index, item) in protocol.data_items.iter().enumerate() {
        let at = |field: &str| format!("data_items[{index}].{field}");
        // Named only when a finding needs it: most items have none.
        let name = || item_name(item.description.trim(), index);
        if is_blank(&item.description) {
            findings.push(Finding::new(
                "data_item.description.missing",
                Step::Data,
                at("description"),
                format!(
                    "Omschrijf gegeven {} nauwkeurig: welk gegeven, over wie.",
                    index + 1
                ),
            ));
        }
        if is_placeholder_justification(&item.justification) {
            let what = name();
            findings.push(Finding::new(
                "data_item.justification.missing",
                Step::Data,
                at("justification"),
                format!(
                    "Verantwoord waarom {what} nodig is en voor welk doeleinde (proportionaliteit: \
                     toereikend, ter zake dienend en niet overmatig). Een paar woorden of ‘nvt’ \
                     volstaat niet."
                ),
            ));
        } else {
            let hash = normalised_hash(&item.justification);
            let same = justifications.get(&hash).and_then(|candidates| {
                candidates.iter().copied().find(|&other| {
                    protocol.data_items.get(other).is_some_and(|other| {
                        normalised(&other.justification).eq(normalised(&item.justification))
                    })
                })
            });
            if let Some(first) = same {
                let what = name();
                findings.push(Finding::new(
                    "data_item.justification.copied",
                    Step::Data,
                    at("justification"),
                    format!(
                        "De verantwoording van {what} is dezelfde als die van gegeven {}. Leg per \
                         gegeven uit waarom precies dat gegeven nodig is; een gekopieerde tekst \
                         overtuigt een toezichthouder niet.",
                        first + 1
                    ),
                ));
            } else {
                justifications.entry(hash).or_default().push(index);
            }
        }
        if item.flows.iter().all(|flow| is_blank(flow)) {
            let what = name();
            findings.push(Finding::new(
                "data_item.no_flow",
                Step::Data,
                at("flows"),
                format!(
                    "Duid aan in welke gegevensstroom {what} wordt meegedeeld. Een gegeven dat in \
                     geen enkele stroom meegaat, hoort niet in het protocol."
                ),
            ));
        }
        for (position, flow) in item.flows.iter().enumerate() {
            if !is_blank(flow) && !flow_ids.contains(flow.as_str()) {
                findings.push(Finding::new(
                    "data_item.unknown_flow",
                    Step::Data,
                    format!("data_items[{index}].flows[{position}]"),
                    format!(
                        "{} verwijst naar een gegevensstroom (‘{}’) die niet bestaat. Kies een \
                         van de gegevensstromen van het protocol.",
                        crate::dutch::capitalise(&name()),
                        flow.trim()
                    ),
                ));
            }
        }
        if item.special_category.is_special() && is_blank(&item.special_category_justification) {
            findings.push(Finding::new(
                "data_item.special_category.unjustified",
                Step::Data,
                at("special_category_justification"),
                format!(
                    "{} is een {}. Vermeld de uitzondering die de verwerking toestaat (artikel \
                     9, lid 2, of artikel 10 AVG) en waarom het gegeven onmisbaar is.",
                    crate::dutch::capitalise(&name()),
                    item.special_category.label()
                ),
            ));
        }
        if is_blank(&item.retention) {
            any_without_retention = true;
        }
    }
    if is_blank(&protocol.retention) && (any_without_retention || protocol.data_items.is_empty()) {
        findings.push(Finding::new(
            "retention.missing",
            Step::Data,
            "retention",
            "Vermeld hoe lang de ontvanger de gegevens bewaart, voor alle gegevens samen of per \
             gegeven. Niet langer dan nodig voor het doel, met wat er daarna gebeurt \
             (vernietiging, archivering).",
        ));
    }
}

/// "gegeven 3 (‘het INSZ-nummer van …’)", shortened.
fn item_name(description: &str, index: usize) -> String {
    if description.is_empty() {
        return format!("gegeven {}", index + 1);
    }
    let short: String = description.chars().take(50).collect();
    let ellipsis = if short.len() < description.len() {
        "…"
    } else {
        ""
    };
    format!("gegeven {} (‘{short}{ellipsis}’)", index + 1)
}

/// Whether a justification is empty, a stand-in, or too short to say anything.
pub(crate) fn is_placeholder_justification(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return true;
    }
    let lower = trimmed.to_lowercase();
    if PLACEHOLDERS.contains(&lower.as_str()) || lower.starts_with("todo") {
        return true;
    }
    // Stops counting at the fifth word: long texts cost nothing extra.
    trimmed
        .split_whitespace()
        .nth(MIN_JUSTIFICATION_WORDS - 1)
        .is_none()
}

/// The text's characters with case and white space evened out (words in lower case, one space
/// between them), so trivially changed copies still match.
fn normalised(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split_whitespace()
        .enumerate()
        .flat_map(|(position, word)| {
            (position > 0)
                .then_some(' ')
                .into_iter()
                .chain(word.chars().flat_map(char::to_lowercase))
        })
}

/// A fast hash (FxHash-style) of the normalised text.
fn normalised_hash(text: &str) -> u64 {
    normalised(text).fold(0_u64, |hash, character| {
        (hash.rotate_left(5) ^ u64::from(character)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_ins_and_short_texts_are_not_justifications() {
        for text in [
            "",
            "  ",
            "…",
            "nvt",
            "N.V.T.",
            "TODO",
            "todo: later",
            "Nodig voor de toekenning.",
        ] {
            assert!(is_placeholder_justification(text), "{text:?}");
        }
        assert!(!is_placeholder_justification(
            "Zonder dit gegeven kan het lokaal bestuur de begunstigde niet bepalen."
        ));
    }

    #[test]
    fn normalising_ignores_case_and_spacing_only() {
        let text: String = normalised("  Het  INSZ\nis nodig ").collect();
        assert_eq!(text, "het insz is nodig");
        assert_eq!(
            normalised_hash("Het INSZ is nodig"),
            normalised_hash(" het  insz is\tnodig")
        );
        assert_ne!(
            normalised_hash("het insz is nodig"),
            normalised_hash("het insz is nodig.")
        );
    }
}
