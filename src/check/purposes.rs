//! Rules about finality and the recipients (arts. 2 and 4): purposes with legal bases, the
//! compatibility of the further processing, who gets access, onward disclosure, processors.

use super::{Context, Finding, is_blank, party_name};
use crate::model::Step;
use crate::model::{Processor, Protocol, Purpose, SharedTexts, Unit};

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    // A group's members share its purposes, services and processors: they are asked once,
    // of the group.
    for unit in protocol.units() {
        let (base, name) = match &unit {
            Unit::Party { index, .. } => {
                (format!("parties[{index}]"), party_name(protocol, *index))
            }
            Unit::Group { index, group, .. } => {
                (format!("groups[{index}]"), group.name_in_text(*index))
            }
        };
        let fields = unit.shared_texts();
        let roles = unit.roles();
        if roles.provider {
            check_purposes(
                fields.original_purposes,
                &format!("{base}.original_purposes"),
                &format!(
                    "Vermeld voor welke doeleinden {name} de gegevens oorspronkelijk heeft \
                     ingezameld, met de rechtsgrond van elk doeleinde."
                ),
                &name,
                findings,
            );
        }
        if roles.recipient {
            check_purposes(
                fields.processing_purposes,
                &format!("{base}.processing_purposes"),
                &format!(
                    "Vermeld voor welke doeleinden {name} de gegevens zal verwerken, welbepaald \
                     en uitdrukkelijk omschreven, met de rechtsgrond van elk doeleinde."
                ),
                &name,
                findings,
            );
            let answers_only = unit
                .parties()
                .iter()
                .all(|(index, _)| receives_only_its_lookup_key(protocol, *index));
            if !answers_only {
                check_recipient(&fields, &base, &name, findings);
            }
        }
        check_processors(
            fields.processors,
            &format!("{base}.processors"),
            &name,
            findings,
        );
    }
    for (index, shared) in protocol.shared_processors.iter().enumerate() {
        let names: Vec<String> = shared
            .parties
            .iter()
            .filter(|id| protocol.party(id).is_some() || protocol.group(id).is_some())
            .cloned()
            .collect();
        let base = format!("shared_processors[{index}]");
        if names.len() != shared.parties.len() || shared.parties.is_empty() {
            findings.push(Finding::new(
                "shared_processor.parties.unknown",
                Step::Recipients,
                format!("{base}.parties"),
                "Duid aan voor welke partijen deze gemeenschappelijke verwerker werkt: elke \
                 genoemde partij moet in het protocol staan.",
            ));
        }
        check_processors(
            std::slice::from_ref(&shared.processor),
            &base,
            "de partijen",
            findings,
        );
    }
    if is_blank(&protocol.compatibility) {
        findings.push(Finding::new(
            "compatibility.missing",
            Step::Purposes,
            "compatibility",
            "Leg uit waarom de verdere verwerking verenigbaar is met de doeleinden waarvoor de \
             gegevens oorspronkelijk zijn ingezameld (redelijke verwachtingen van de \
             betrokkenen, rechtsgrond, band tussen de doeleinden).",
        ));
    }
    if is_blank(&protocol.data_subject_rights) {
        findings.push(if protocol.data_subject_rights_not_stated {
            Finding::new(
                "data_subject_rights.missing",
                Step::Recipients,
                "data_subject_rights_not_stated",
                "De rechten van de betrokkenen staan als ‘niet vermeld’: het ondertekende \
                 protocol zegt er niets over, en de export ook niet. De wet van 30 juli 2018 \
                 vraagt hoe de betrokkenen hun rechten uitoefenen; vul het aan bij een volgende \
                 versie.",
            )
        } else {
            Finding::new(
                "data_subject_rights.missing",
                Step::Recipients,
                "data_subject_rights",
                "Beschrijf hoe de betrokkenen hun rechten (inzage, verbetering, bezwaar) \
                 uitoefenen en bij wie, en of de wet die rechten beperkt.",
            )
        });
    }
}

fn check_purposes(
    purposes: &[Purpose],
    path: &str,
    missing_message: &str,
    name: &str,
    findings: &mut Vec<Finding>,
) {
    if purposes
        .iter()
        .all(|purpose| is_blank(&purpose.description))
    {
        findings.push(Finding::new(
            "purpose.missing",
            Step::Purposes,
            path,
            missing_message,
        ));
    }
    for (position, purpose) in purposes.iter().enumerate() {
        let blank_description = is_blank(&purpose.description);
        if blank_description && !is_blank(&purpose.legal_basis) {
            findings.push(Finding::new(
                "purpose.missing",
                Step::Purposes,
                format!("{path}[{position}].description"),
                format!(
                    "Bij deze rechtsgrond van {name} ontbreekt het doeleinde. Omschrijf het \
                     doeleinde of verwijder de regel."
                ),
            ));
        }
        if !blank_description && is_blank(&purpose.legal_basis) {
            findings.push(Finding::new(
                "legal_basis.missing",
                Step::Purposes,
                format!("{path}[{position}].legal_basis"),
                format!(
                    "Vermeld de rechtsgrond van dit doeleinde van {name}: het decreet, de wet of \
                     het artikel van de AVG, met datum en artikel."
                ),
            ));
        }
    }
}

/// Whether a party receives nothing but the key of the data it provides: every data item that
/// reaches it also travels in a flow it sends. Such a party answers a request (reference/002:
/// Opgroeien regie sends the INSZ numbers, the VUTG returns its data for them); it is a
/// provider in substance, and article 4 (services with access, need-to-know, onward
/// disclosure) is about the parties that receive the data, so it lists none for it. `false`
/// when no item reaches the party: then nothing shows it only answers.
fn receives_only_its_lookup_key(protocol: &Protocol, index: usize) -> bool {
    let Some(party) = protocol.parties.get(index) else {
        return false;
    };
    let id = party.id.trim();
    if id.is_empty() {
        return false;
    }
    let flow_of = |flow_id: &str| protocol.flows.iter().find(|flow| flow.id == flow_id);
    let mut received_any = false;
    for item in &protocol.data_items {
        let flows = || item.flows.iter().filter_map(|flow_id| flow_of(flow_id));
        let received = flows().any(|flow| flow.to_parties.iter().any(|to| to.trim() == id));
        if !received {
            continue;
        }
        received_any = true;
        if !flows().any(|flow| flow.from_party.trim() == id) {
            return false;
        }
    }
    received_any
}

fn check_recipient(fields: &SharedTexts<'_>, base: &str, name: &str, findings: &mut Vec<Finding>) {
    if fields
        .services_with_access
        .iter()
        .all(|service| is_blank(service))
    {
        findings.push(Finding::new(
            "recipients.missing",
            Step::Recipients,
            format!("{base}.services_with_access"),
            format!(
                "Vermeld welke diensten of teams van {name} toegang krijgen tot de gegevens \
                 (artikel 4). Toegang hoort beperkt te zijn tot wie de gegevens nodig heeft."
            ),
        ));
    }
    if is_blank(fields.need_to_know) {
        findings.push(Finding::new(
            "recipients.need_to_know.missing",
            Step::Recipients,
            format!("{base}.need_to_know"),
            format!(
                "Beschrijf hoe {name} de toegang beperkt tot wie de gegevens nodig heeft \
                 (need-to-know), bijvoorbeeld een lijst van aangewezen medewerkers."
            ),
        ));
    }
    if is_blank(fields.onward_disclosure) {
        findings.push(Finding::new(
            "recipients.onward_disclosure.missing",
            Step::Recipients,
            format!("{base}.onward_disclosure"),
            format!(
                "Vermeld of {name} de gegevens aan derden doorgeeft, en zo ja aan wie en op \
                 welke grond. Geeft ze niets door, schrijf dat dan uitdrukkelijk."
            ),
        ));
    }
}

/// `path` is where the processors are: `parties[2].processors`, or for a shared processor
/// `shared_processors[0]` (its one processor sits under `.processor`).
fn check_processors(processors: &[Processor], path: &str, name: &str, findings: &mut Vec<Finding>) {
    for (position, processor) in processors.iter().enumerate() {
        let at = |field: &str| {
            if path.starts_with("shared_processors") {
                format!("{path}.processor.{field}")
            } else {
                format!("{path}[{position}].{field}")
            }
        };
        let processor_name = if is_blank(&processor.name) {
            format!("verwerker {}", position + 1)
        } else {
            format!("verwerker ‘{}’", processor.name.trim())
        };
        if is_blank(&processor.name) {
            findings.push(Finding::new(
                "processors.missing_field",
                Step::Recipients,
                at("name"),
                format!("Vul de naam in van {processor_name} van {name}."),
            ));
        }
        if is_blank(&processor.task) {
            findings.push(Finding::new(
                "processors.task.missing",
                Step::Recipients,
                at("task"),
                format!(
                    "Beschrijf wat {processor_name} voor {name} met de gegevens doet (hosting, \
                     ontwikkeling, verzending, …)."
                ),
            ));
        }
        if processor.agreement_not_stated {
            findings.push(Finding::new(
                "processors.no_agreement",
                Step::Recipients,
                at("agreement_not_stated"),
                format!(
                    "Of {name} met {processor_name} een verwerkersovereenkomst heeft gesloten, \
                     staat als ‘niet vermeld’: het protocol zegt er niets over en de export ook \
                     niet. Artikel 28 AVG vereist de overeenkomst wel; duid aan dat ze gesloten \
                     is zodra dat vaststaat."
                ),
            ));
        } else if !processor.agreement_concluded {
            findings.push(Finding::new(
                "processors.no_agreement",
                Step::Recipients,
                at("agreement_concluded"),
                format!(
                    "Het protocol vermeldt niet dat {name} met {processor_name} een \
                     verwerkersovereenkomst heeft gesloten. Artikel 28 AVG vereist die \
                     overeenkomst voordat de verwerker de gegevens krijgt; duid hier aan dat ze \
                     gesloten is zodra dat zo is (een ondertekend protocol vermeldt het vaak niet, \
                     de plicht blijft)."
                ),
            ));
        }
    }
}
