//! Rules about the recitals and the data flows: who sends to whom, over which channel, how
//! often, and whether a service integrator is involved.

use std::collections::{HashMap, HashSet};

use super::{Context, Finding, flow_name, is_blank};
use crate::dutch::capitalise;
use crate::model::Step;
use crate::model::{ChannelKind, Frequency, Protocol, TermKind};

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    check_recitals(protocol, findings);
    check_term(protocol, findings);
    let party_ids: HashSet<&str> = protocol.parties.iter().map(|p| p.id.as_str()).collect();
    let used: HashSet<&str> = protocol
        .data_items
        .iter()
        .flat_map(|item| item.flows.iter().map(String::as_str))
        .collect();
    let mut seen_ids: HashMap<&str, usize> = HashMap::new();
    if protocol.flows.is_empty() {
        findings.push(Finding::new(
            "flows.none",
            Step::Context,
            "flows",
            "Het protocol beschrijft nog geen gegevensstroom. Voeg minstens één gegevensstroom \
             toe: van welke partij naar welke partij, via welk kanaal en hoe vaak.",
        ));
    }
    for (index, flow) in protocol.flows.iter().enumerate() {
        let name = flow_name(protocol, index);
        let at = |field: &str| format!("flows[{index}].{field}");
        if let Some(other) = detail_contradicts_channel(flow) {
            findings.push(Finding::new(
                "flow.channel_detail.contradicts",
                Step::Context,
                at("channel_detail"),
                format!(
                    "Bij {name} is het kanaal ‘{}’, maar de toelichting spreekt van {other}. \
                     Pas de toelichting of het kanaal aan, zodat het protocol één kanaal noemt.",
                    flow.channel.label()
                ),
            ));
        }
        let id = flow.id.trim();
        if !id.is_empty() {
            if let Some(first) = seen_ids.get(id) {
                findings.push(Finding::new(
                    "flow.id.duplicate",
                    Step::Context,
                    at("id"),
                    format!(
                        "Gegevensstroom {} heeft dezelfde interne sleutel ‘{id}’ als \
                         gegevensstroom {}, zodat de gegevens niet weten in welke stroom ze \
                         meegaan. Geef elke gegevensstroom een eigen sleutel.",
                        index + 1,
                        first + 1
                    ),
                ));
            } else {
                seen_ids.insert(id, index);
            }
        }

        if is_blank(&flow.from_party) {
            findings.push(Finding::new(
                "flow.missing_field",
                Step::Context,
                at("from_party"),
                format!("Kies voor {name} de partij die de gegevens verstuurt."),
            ));
        } else if !party_ids.contains(flow.from_party.as_str()) {
            findings.push(Finding::new(
                "flow.unknown_party",
                Step::Context,
                at("from_party"),
                format!(
                    "{} vertrekt bij een partij (‘{}’) die niet in het protocol staat. Kies een \
                     van de partijen als verstrekker, of voeg de partij toe.",
                    capitalise(&name),
                    flow.from_party.trim()
                ),
            ));
        }
        if flow.to_parties.iter().all(|to| is_blank(to)) {
            findings.push(Finding::new(
                "flow.missing_field",
                Step::Context,
                at("to_parties"),
                format!("Kies voor {name} de partij of partijen die de gegevens ontvangen."),
            ));
        }
        for (position, to) in flow.to_parties.iter().enumerate() {
            let path = format!("flows[{index}].to_parties[{position}]");
            if is_blank(to) {
                continue;
            }
            if !party_ids.contains(to.as_str()) {
                findings.push(Finding::new(
                    "flow.unknown_party",
                    Step::Context,
                    path,
                    format!(
                        "{} gaat naar een partij (‘{}’) die niet in het protocol staat. Kies een \
                         van de partijen als ontvanger, of voeg de partij toe.",
                        capitalise(&name),
                        to.trim()
                    ),
                ));
            } else if *to == flow.from_party {
                findings.push(Finding::new(
                    "flow.to_party.is_sender",
                    Step::Context,
                    path,
                    format!(
                        "In {name} is de ontvanger dezelfde partij als de verstrekker. Een \
                         mededeling gaat altijd naar een andere partij: corrigeer de ontvanger."
                    ),
                ));
            } else if flow.to_parties[..position].contains(to) {
                findings.push(Finding::new(
                    "flow.to_party.duplicate",
                    Step::Context,
                    path,
                    format!(
                        "In {name} staat dezelfde ontvanger twee keer. Verwijder de dubbele \
                         vermelding."
                    ),
                ));
            }
        }
        let via = flow.via_party.trim();
        if !via.is_empty() {
            let at_via = at("via_party");
            if !party_ids.contains(via) {
                findings.push(Finding::new(
                    "flow.unknown_party",
                    Step::Context,
                    at_via,
                    format!(
                        "{} gaat via een partij (‘{via}’) die niet in het protocol staat. Kies een \
                         van de partijen, of voeg de partij toe.",
                        capitalise(&name)
                    ),
                ));
            } else if via == flow.from_party.trim()
                || flow.to_parties.iter().any(|to| to.trim() == via)
            {
                findings.push(Finding::new(
                    "flow.via_party.is_end",
                    Step::Context,
                    at_via,
                    format!(
                        "{} gaat via een partij die zelf de verstrekker of een ontvanger van die \
                         stroom is. Een tussenpartij ligt tussen beide: kies een andere partij, of \
                         laat ‘via’ leeg.",
                        capitalise(&name)
                    ),
                ));
            }
        }
        check_channel(protocol, index, &name, findings);
        check_periodicity(protocol, index, &name, findings);
        if !protocol.data_items.is_empty() && !id.is_empty() && !used.contains(flow.id.as_str()) {
            findings.push(Finding::new(
                "flow.not_used",
                Step::Data,
                format!("flows[{index}]"),
                format!(
                    "Geen enkel gegeven gaat mee in {name}. Duid bij de gegevens (artikel 3) aan \
                     welke in deze stroom worden meegedeeld, of verwijder de stroom."
                ),
            ));
        }
    }
}

fn check_recitals(protocol: &Protocol, findings: &mut Vec<Finding>) {
    if is_blank(&protocol.title.context) {
        findings.push(Finding::new(
            "title.context.missing",
            Step::Context,
            "title.context",
            "Vul het onderwerp van het protocol in (“in het kader van …”): waarvoor de gegevens \
             worden meegedeeld.",
        ));
    }
    let recitals = &protocol.recitals;
    for (field, text, message) in [
        (
            "context",
            &recitals.context,
            "Beschrijf in overweging C1 de context en waarom de ontvanger de gegevens nodig \
             heeft. Een lezer moet het protocol zonder andere stukken begrijpen.",
        ),
        (
            "planned_flow",
            &recitals.planned_flow,
            "Beschrijf in overweging C2 hoe de geplande gegevensstroom verloopt en wat er nieuw \
             is of verandert.",
        ),
        (
            "service_integrator",
            &recitals.service_integrator,
            "Vermeld in overweging C3 of de gegevensstroom via een dienstenintegrator (de \
             Vlaamse Dienstenintegrator, MAGDA) verloopt, en zo niet, waarom niet.",
        ),
    ] {
        if is_blank(text) {
            findings.push(Finding::new(
                "recital.missing",
                Step::Context,
                format!("recitals.{field}"),
                message,
            ));
        }
    }
    if is_blank(&recitals.intent) {
        findings.push(Finding::new(
            "recital.intent.missing",
            Step::Context,
            "recitals.intent",
            "Vul overweging D in: de wil van de partijen om dit protocol te sluiten en bekend te \
             maken.",
        ));
    }
}

fn check_channel(protocol: &Protocol, index: usize, name: &str, findings: &mut Vec<Finding>) {
    let Some(flow) = protocol.flows.get(index) else {
        return;
    };
    match flow.channel {
        ChannelKind::Unspecified => findings.push(Finding::new(
            "flow.missing_field",
            Step::Context,
            format!("flows[{index}].channel"),
            format!(
                "Kies het kanaal waarlangs {name} verloopt (SFTP-server, versleutelde e-mail, \
                 dienstenintegrator, webdienst). Artikel 6 moet zeggen hoe de gegevens veilig \
                 reizen."
            ),
        )),
        ChannelKind::Other if is_blank(&flow.channel_detail) => findings.push(Finding::new(
            "security.channel.missing",
            Step::Security,
            format!("flows[{index}].channel_detail"),
            format!(
                "Voor {name} is ‘ander kanaal’ gekozen zonder uitleg. Beschrijf welk beveiligd \
                 kanaal gebruikt wordt en hoe het de gegevens beschermt (versleuteling, \
                 authenticatie)."
            ),
        )),
        _ => {}
    }
    // A flow may travel by SFTP (or a web service) on the service integrator's platform: both
    // are true and nothing contradicts. Only e-mail through an integrator, or the integrator as
    // channel without the flow marked as going through it, do not add up.
    let integrator_channel = flow.channel == ChannelKind::ServiceIntegrator;
    let contradicts = if flow.via_service_integrator {
        matches!(flow.channel, ChannelKind::EncryptedEmail)
    } else {
        integrator_channel
    };
    if contradicts {
        findings.push(Finding::new(
            "flow.service_integrator.inconsistent",
            Step::Context,
            format!("flows[{index}].via_service_integrator"),
            if flow.via_service_integrator {
                format!(
                    "{} verloopt volgens het protocol via een dienstenintegrator, maar het \
                     gekozen kanaal is ‘{}’. Breng het kanaal en overweging C3 in \
                     overeenstemming.",
                    capitalise(name),
                    flow.channel.label()
                )
            } else {
                format!(
                    "Het kanaal van {name} is de dienstenintegrator, maar de stroom is niet \
                     aangeduid als ‘via een dienstenintegrator’. Duid dat aan, zodat overweging \
                     C3 klopt."
                )
            },
        ));
    }
    if flow.via_service_integrator && is_blank(&flow.service_integrator) {
        findings.push(Finding::new(
            "flow.service_integrator.missing",
            Step::Context,
            format!("flows[{index}].service_integrator"),
            format!(
                "Vermeld via welke dienstenintegrator {name} verloopt, bijvoorbeeld de Vlaamse \
                 Dienstenintegrator (MAGDA)."
            ),
        ));
    }
}

fn check_periodicity(protocol: &Protocol, index: usize, name: &str, findings: &mut Vec<Finding>) {
    let Some(flow) = protocol.flows.get(index) else {
        return;
    };
    let periodicity = &flow.periodicity;
    match periodicity.frequency {
        Frequency::Unspecified => findings.push(Finding::new(
            "flow.missing_field",
            Step::Periodicity,
            format!("flows[{index}].periodicity"),
            format!(
                "Kies hoe vaak {name} loopt (eenmalig, maandelijks, permanente raadpleging, …). \
                 De periodiciteit is een verplicht onderdeel van artikel 5."
            ),
        )),
        Frequency::Other if is_blank(&periodicity.detail) => findings.push(Finding::new(
            "flow.periodicity.detail.missing",
            Step::Periodicity,
            format!("flows[{index}].periodicity.detail"),
            format!(
                "Voor {name} is ‘andere periodiciteit’ gekozen zonder omschrijving. Beschrijf \
                 hoe vaak de gegevens worden meegedeeld."
            ),
        )),
        Frequency::Monthly if periodicity.day_of_month.is_none() => {
            findings.push(Finding::new(
                "flow.periodicity.day.missing",
                Step::Periodicity,
                format!("flows[{index}].periodicity.day_of_month"),
                format!(
                    "{} loopt maandelijks. Vermeld tegen welke dag van de maand de gegevens \
                     worden bezorgd (bijvoorbeeld uiterlijk de 5e), zodat de ontvanger weet \
                     wanneer hij ze mag verwachten.",
                    capitalise(name)
                ),
            ));
        }
        _ => {}
    }
    if let Some(day) = periodicity.day_of_month
        && !(1..=31).contains(&day)
    {
        findings.push(Finding::new(
            "flow.periodicity.day.invalid",
            Step::Periodicity,
            format!("flows[{index}].periodicity.day_of_month"),
            format!(
                "Dag {day} van de maand bestaat niet. Kies voor {name} een dag van 1 tot 31 \
                 (bij voorkeur 1 tot 28, zodat hij in elke maand bestaat)."
            ),
        ));
    }
    if periodicity.frequency != Frequency::Unspecified && is_blank(&flow.justification) {
        findings.push(Finding::new(
            "flow.periodicity.justification.missing",
            Step::Periodicity,
            format!("flows[{index}].justification"),
            format!(
                "Verantwoord waarom {name} {} moet lopen. De toezichthouder toetst de \
                 frequentie van de toegang aan wat voor het doel nodig is.",
                periodicity.frequency.label()
            ),
        ));
    }
}

/// Art. 5: the duration of the protocol.
pub(super) fn check_term(protocol: &Protocol, findings: &mut Vec<Finding>) {
    let term = &protocol.term;
    match term.kind {
        TermKind::Unspecified => findings.push(Finding::new(
            "duration.missing",
            Step::Periodicity,
            "term.kind",
            "Kies of het protocol voor een bepaalde of een onbepaalde duur geldt, en verantwoord \
             die keuze.",
        )),
        TermKind::Fixed if is_blank(&term.description) => findings.push(Finding::new(
            "duration.missing",
            Step::Periodicity,
            "term.description",
            "Vermeld hoe lang het protocol loopt, bijvoorbeeld “tot en met 31 december 2026” of \
             “voor de duur van de steunmaatregel”.",
        )),
        TermKind::Indefinite if is_blank(&term.justification) => findings.push(Finding::new(
            "duration.missing",
            Step::Periodicity,
            "term.justification",
            "Een protocol van onbepaalde duur moet verantwoord worden: leg uit waarom de \
             mededeling zonder einddatum nodig is.",
        )),
        TermKind::Fixed if is_blank(&term.justification) => findings.push(Finding::new(
            "duration.justification.missing",
            Step::Periodicity,
            "term.justification",
            "Verantwoord waarom het protocol deze duur heeft; de toezichthouder toetst de duur \
             aan het doel.",
        )),
        _ => {}
    }
}

/// What a flow's channel detail names that its channel is not: "SFTP" under encrypted e-mail,
/// "e-mail" under SFTP. `None` when the detail agrees or names both (an SFTP server whose
/// key goes by e-mail).
fn detail_contradicts_channel(flow: &crate::model::DataFlow) -> Option<&'static str> {
    let detail = flow.channel_detail.to_lowercase();
    let says_sftp = detail.contains("sftp");
    let says_mail =
        detail.contains("e-mail") || detail.contains("email") || detail.contains("mail ");
    match flow.channel {
        ChannelKind::Sftp if says_mail && !says_sftp => Some("e-mail"),
        ChannelKind::EncryptedEmail if says_sftp && !says_mail => Some("een SFTP-server"),
        _ => None,
    }
}

#[cfg(test)]
mod contradiction_tests {
    use super::*;
    use crate::model::DataFlow;

    #[test]
    fn a_detail_that_names_another_channel_contradicts_it() {
        let flow = |channel, detail: &str| DataFlow {
            channel,
            channel_detail: detail.into(),
            ..DataFlow::default()
        };
        assert_eq!(
            detail_contradicts_channel(&flow(ChannelKind::EncryptedEmail, "Via de SFTP-server.")),
            Some("een SFTP-server")
        );
        assert_eq!(
            detail_contradicts_channel(&flow(ChannelKind::Sftp, "Per versleutelde e-mail.")),
            Some("e-mail")
        );
        assert_eq!(
            detail_contradicts_channel(&flow(ChannelKind::Sftp, "SFTP; de sleutel per e-mail.")),
            None
        );
        assert_eq!(
            detail_contradicts_channel(&flow(ChannelKind::Sftp, "")),
            None
        );
    }
}
