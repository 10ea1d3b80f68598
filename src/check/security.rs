//! Rules about security (art. 6): that there are measures, that each says something, and that
//! the measures a reviewer looks for are present.

use super::{Context, Finding, is_blank};
use crate::model::Step;
use crate::model::{ChannelKind, MeasureKind, Protocol};

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    let security = &protocol.security;
    for (index, measure) in security.measures.iter().enumerate() {
        if is_blank(&measure.text) {
            findings.push(Finding::new(
                "security.measure.empty",
                Step::Security,
                format!("security.measures[{index}].text"),
                format!(
                    "De maatregel ‘{}’ heeft geen tekst. Beschrijf hoe de maatregel concreet \
                     wordt toegepast, of verwijder hem.",
                    measure.kind.label()
                ),
            ));
        }
    }
    if !security
        .measures
        .iter()
        .any(|measure| !is_blank(&measure.text))
    {
        findings.push(Finding::new(
            "security.none",
            Step::Security,
            "security.measures",
            "Het protocol vermeldt geen beveiligingsmaatregelen. Beschrijf minstens het \
             beveiligde kanaal, de versleuteling, wie toegang heeft en wanneer de gegevens \
             verwijderd worden.",
        ));
        return;
    }
    let file_based = protocol.flows.iter().any(|flow| {
        matches!(
            flow.channel,
            ChannelKind::Sftp | ChannelKind::EncryptedEmail
        )
    }) || protocol.municipal.is_some();
    for (kind, rule, message) in expected_measures() {
        if kind == MeasureKind::Encryption && !file_based {
            continue;
        }
        if security.has(kind) {
            continue;
        }
        findings.push(Finding::new(
            rule,
            Step::Security,
            "security.measures",
            message,
        ));
    }
}

/// The measures a reviewer looks for: kind, rule id, message (the severity is the catalogue's).
fn expected_measures() -> [(MeasureKind, &'static str, &'static str); 6] {
    [
        (
            MeasureKind::Encryption,
            "security.measure.encryption.missing",
            "De gegevens reizen als bestand, maar het protocol vermeldt geen versleuteling. \
             Voeg een maatregel toe die zegt hoe het bestand versleuteld wordt en hoe de sleutel \
             apart wordt uitgewisseld.",
        ),
        (
            MeasureKind::AccessControl,
            "security.measure.access_control.missing",
            "Voeg een maatregel over toegangsbeheer toe: wie toegang heeft tot de gegevens en \
             hoe die toegang beveiligd is (persoonlijke aanmelding, tweefactorauthenticatie).",
        ),
        (
            MeasureKind::ConfidentialityDeclaration,
            "security.measure.confidentiality.missing",
            "Overweeg een maatregel over vertrouwelijkheid: de medewerkers die de gegevens \
             verwerken, ondertekenen een vertrouwelijkheidsverklaring.",
        ),
        (
            MeasureKind::Logging,
            "security.measure.logging.missing",
            "Overweeg een maatregel over logging: wie de gegevens wanneer raadpleegt, wordt \
             bijgehouden, zodat misbruik achteraf opgespoord kan worden.",
        ),
        (
            MeasureKind::DeletionAfterUse,
            "security.measure.deletion.missing",
            "Voeg een maatregel toe die zegt wanneer en hoe de gegevens verwijderd worden zodra \
             ze niet meer nodig zijn.",
        ),
        (
            MeasureKind::SecurityPolicy,
            "security.measure.policy.missing",
            "Vermeld dat elke partij een informatieveiligheidsbeleid met een veiligheidsplan \
             heeft en over een functionaris voor gegevensbescherming beschikt.",
        ),
    ]
}
