//! Rules for the Opgroeien standard protocol for local authorities: what the municipality has
//! to add (use of the data, financial scenario, college decision, exchange channel) and the
//! commitments and GDPR duties it confirms. Run only when `protocol.municipal` is set.

use super::dates::EarlierDate;
use super::{Context, Finding, is_blank};
use crate::model::Step;
use crate::model::{ChannelKind, Confirmation, ExchangeChannel, MunicipalCase, Protocol};

pub(super) fn check(protocol: &Protocol, context: &Context, findings: &mut Vec<Finding>) {
    let Some(case) = &protocol.municipal else {
        return;
    };
    if protocol.party(&case.municipality_party).is_none() {
        findings.push(Finding::new(
            "municipal.party.unknown",
            Step::Municipal,
            "municipal.municipality_party",
            "Het protocol weet niet welke partij het lokaal bestuur is. Kies het lokaal bestuur \
             bij de partijen.",
        ));
    }
    if is_blank(&case.data_use) {
        findings.push(Finding::new(
            "municipal.data_use.missing",
            Step::Municipal,
            "municipal.data_use",
            "Beschrijf hoe het lokaal bestuur de ontvangen gegevens gebruikt: hoe het de lijst \
             filtert op zijn grondgebied, met welke eigen gegevens het ze aanvult en hoe het de \
             tegemoetkoming toekent. Vermeld ook waarvoor de gegevens niet gebruikt worden.",
        ));
    }
    if is_blank(&case.financial_scenario) {
        findings.push(Finding::new(
            "municipal.financial_scenario.missing",
            Step::Municipal,
            "municipal.financial_scenario",
            "Beschrijf het financiële scenario: welke tegemoetkoming het lokaal bestuur geeft, \
             aan wie, welk bedrag, wanneer en hoe het betaald wordt.",
        ));
    }
    let decision = &case.college_decision;
    match decision.date {
        None => findings.push(Finding::new(
            "municipal.college_decision.missing",
            Step::Municipal,
            "municipal.college_decision.date",
            "Vul de datum in van het besluit van het college van burgemeester en schepenen (en \
             het vast bureau) dat de tegemoetkoming regelt. Het besluit gaat samen met het \
             protocol naar Opgroeien regie.",
        )),
        Some(date) => EarlierDate {
            date,
            what: "het collegebesluit".to_string(),
            step: Step::Municipal,
            path: "municipal.college_decision.date",
            after_signing_rule: "municipal.college_decision.after_signing",
            after_signing_advice: "Het besluit regelt de tegemoetkoming en gaat aan het \
                                   protocol vooraf: controleer beide data.",
            in_future_rule: "municipal.college_decision.in_future",
            in_future_advice: "Vul de datum in waarop het college werkelijk beslist heeft.",
        }
        .check(protocol.signing.date, context, findings),
    }
    if is_blank(&decision.reference) {
        findings.push(Finding::new(
            "municipal.college_decision.missing",
            Step::Municipal,
            "municipal.college_decision.reference",
            "Vul de referentie van het collegebesluit in (agendapunt of dossiernummer), zodat \
             Opgroeien regie het besluit kan terugvinden.",
        ));
    }
    check_channel(protocol, case, findings);
    for (field, confirmation, rule, message) in [
        (
            "key_exchange",
            &case.key_exchange,
            "municipal.key_exchange.missing",
            "Bevestig dat de functionarissen voor gegevensbescherming de sleutel van het \
             versleutelde bestand langs een ander kanaal dan het bestand uitwisselen.",
        ),
        (
            "destruction",
            &case.destruction,
            "municipal.destruction.missing",
            "Bevestig dat het lokaal bestuur het bestand vernietigt zodra het niet meer nodig is \
             voor de toekenning en de controle van de tegemoetkoming.",
        ),
        (
            "security_policy",
            &case.security_policy,
            "gdpr.security_policy.missing",
            "Bevestig dat het lokaal bestuur een informatieveiligheidsbeleid met een \
             veiligheidsplan heeft, en vermeld wanneer het is goedgekeurd.",
        ),
        (
            "processing_register",
            &case.processing_register,
            "gdpr.processing_register.missing",
            "Bevestig dat de verwerking in het verwerkingsregister van het lokaal bestuur staat, \
             en vermeld onder welke naam.",
        ),
        (
            "information_duty",
            &case.information_duty,
            "gdpr.information_duty.missing",
            "Bevestig dat het lokaal bestuur de betrokken gezinnen informeert over deze \
             verwerking (informatieplicht), en vermeld hoe: privacyverklaring, brief, website.",
        ),
    ] {
        check_confirmation(field, confirmation, rule, message, findings);
    }
}

fn check_confirmation(
    field: &str,
    confirmation: &Confirmation,
    rule: &'static str,
    message: &str,
    findings: &mut Vec<Finding>,
) {
    if !confirmation.confirmed {
        findings.push(Finding::new(
            rule,
            Step::Municipal,
            format!("municipal.{field}.confirmed"),
            message,
        ));
    } else if is_blank(&confirmation.detail) {
        findings.push(Finding::new(
            "municipal.confirmation.detail.missing",
            Step::Municipal,
            format!("municipal.{field}.detail"),
            "Dit is bevestigd, maar zonder uitleg. Vermeld in een zin hoe het lokaal bestuur dit \
             doet; Opgroeien regie en de DPO zullen ernaar vragen.",
        ));
    }
}

/// The exchange channel is one fact: the channel of the municipality's flow (step 2). It must
/// be chosen, and a flow that travels differently contradicts it.
fn check_channel(protocol: &Protocol, case: &MunicipalCase, findings: &mut Vec<Finding>) {
    let (chosen, flow) = case.channel(&protocol.flows);
    let expected = match chosen {
        ExchangeChannel::Unchosen => {
            let (step, path) = match flow {
                Some(index) => (Step::Context, format!("flows[{index}].channel")),
                None => (Step::Municipal, "municipal.exchange_channel".to_string()),
            };
            findings.push(Finding::new(
                "municipal.channel.missing",
                step,
                path,
                "Kies bij de gegevensstroom van het lokaal bestuur hoe de versleutelde lijst \
                 wordt uitgewisseld: via de SFTP-server van Opgroeien regie of via versleutelde \
                 e-mail.",
            ));
            return;
        }
        ExchangeChannel::Sftp => ChannelKind::Sftp,
        ExchangeChannel::EncryptedEmail => ChannelKind::EncryptedEmail,
    };
    for (index, other) in protocol.flows.iter().enumerate() {
        if other.channel != ChannelKind::Unspecified && other.channel != expected {
            findings.push(Finding::new(
                "municipal.channel.mismatch",
                Step::Context,
                format!("flows[{index}].channel"),
                format!(
                    "De lijst van het lokaal bestuur gaat via ‘{}’, maar deze gegevensstroom \
                     verloopt via ‘{}’. In het standaardprotocol lopen beide stromen langs \
                     hetzelfde kanaal: kies voor de gegevensstroom hetzelfde kanaal.",
                    chosen.label(),
                    other.channel.label()
                ),
            ));
        }
    }
}
