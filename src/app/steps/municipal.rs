//! Step 9, Gemeentelijk scenario en besluit: the municipality's part of the Opgroeien
//! standard protocol. The exchange channel is shown here as chosen with the flows (step 2).

use egui::Ui;

use crate::app::form::Form;
use crate::model::{Confirmation, ExchangeChannel, Protocol};

/// The municipal step.
pub fn municipal_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    let parties = super::party_choices(protocol);
    // The channel is the flows' fact: read before the case is borrowed for editing.
    let channel_in_flows = protocol
        .municipal
        .as_ref()
        .map(|case| case.channel(&protocol.flows));
    let Some(case) = protocol.municipal.as_mut() else {
        ui.add_space(12.0);
        ui.label(
            "Deze stap hoort bij het standaardprotocol van Opgroeien voor lokale besturen \
             (sociale toeslag). Dit protocol is niet met dat sjabloon gemaakt, dus er is hier \
             niets in te vullen. Ga verder met ‘Volgende’.",
        );
        return;
    };

    form.section(ui, "Het lokaal bestuur", "");
    let path = "municipal.municipality_party";
    ui.push_id(path, |ui| {
        let label = crate::app::form::field_label(ui, "Welke partij is het lokaal bestuur");
        let current = parties
            .iter()
            .find(|(id, _)| *id == case.municipality_party)
            .map_or("(nog niet gekozen)".to_string(), |(_, name)| name.clone());
        if let Some(lock) = form.lock(path) {
            ui.label(format!("🔒 {current}"))
                .on_hover_text(crate::app::form::lock_tooltip(lock));
        } else {
            let before = case.municipality_party.clone();
            let response = egui::ComboBox::from_id_salt("gemeente")
                .selected_text(current)
                .width(360.0)
                .show_ui(ui, |ui| {
                    for (id, name) in &parties {
                        ui.selectable_value(&mut case.municipality_party, id.clone(), name);
                    }
                })
                .response
                .labelled_by(label.id);
            form.changed |= before != case.municipality_party;
            form.register(path, &response);
        }
        crate::app::form::help_text(ui, "De partij die het lokaal bestuur is (gemeente, stad, OCMW). Haar gegevens vult u in bij ‘Partijen’.");
    });
    ui.add_space(crate::app::theme::FIELD_GAP);

    form.section(ui, "Gebruik en scenario", "");
    form.multiline(
        ui,
        "municipal.data_use",
        "Hoe het lokaal bestuur de gegevens gebruikt",
        "Wat het lokaal bestuur met de lijst doet: filteren op het eigen grondgebied, aanvullen met eigen gegevens, de tegemoetkoming toekennen. Bv. ‘De sociale dienst filtert de lijst op de inwoners van de gemeente en kent de tegemoetkoming automatisch toe.’",
        &mut case.data_use,
    );
    form.multiline(
        ui,
        "municipal.financial_scenario",
        "Financieel scenario",
        "Welke steun, voor wie, hoeveel en hoe uitbetaald. Bv. ‘Elk gezin met een sociale toeslag krijgt een eenmalige tegemoetkoming van 50 euro per kind, gestort op de rekening van de begunstigde.’",
        &mut case.financial_scenario,
    );

    form.section(
        ui,
        "Besluit",
        "Het college van burgemeester en schepenen (en het vast bureau) regelt de steun en kiest de sociale toeslag als criterium. Het besluit gaat mee naar Opgroeien.",
    );
    form.date(
        ui,
        "municipal.college_decision.date",
        "Datum van het besluit",
        "De datum van de zitting.",
        &mut case.college_decision.date,
    );
    form.text(
        ui,
        "municipal.college_decision.reference",
        "Referentie van het besluit",
        "Agendapunt of dossiernummer, bv. ‘CBS 2025/134’.",
        &mut case.college_decision.reference,
    );
    form.text(
        ui,
        "municipal.college_decision.body",
        "Orgaan dat besliste",
        "Bv. ‘college van burgemeester en schepenen en vast bureau’.",
        &mut case.college_decision.body,
    );

    form.section(ui, "Uitwisseling", "");
    // One fact, one place: the channel is chosen with the flows (step 2) and shown here.
    let (channel, flow) = channel_in_flows.unwrap_or((ExchangeChannel::Unchosen, None));
    ui.push_id("municipal.exchange_channel", |ui| {
        crate::app::form::field_label(ui, "Kanaal voor de INSZ-lijst");
        ui.horizontal_wrapped(|ui| {
            ui.label(match channel {
                ExchangeChannel::Unchosen => "Nog niet gekozen.".to_string(),
                chosen => format!("{}.", crate::dutch::capitalise(chosen.label())),
            });
            let response = ui
                .button("Kiezen bij stap 2 ▶")
                .on_hover_text("Het kanaal kiest u bij de gegevensstroom van het lokaal bestuur, in stap 2 (Context en gegevensstroom); daar staat ook de toelichting over het kanaal.");
            form.register("municipal.exchange_channel", &response);
            if response.clicked() {
                let path = flow.map_or_else(|| "flows".to_string(), |index| format!("flows[{index}].channel"));
                form.commands.push(crate::app::commands::Command::Focus(
                    crate::model::Step::Context,
                    path,
                ));
            }
        });
        crate::app::form::help_text(
            ui,
            "De SFTP-server van Opgroeien regie of versleutelde e-mail, zoals gekozen bij de gegevensstroom in stap 2.",
        );
    });
    ui.add_space(crate::app::theme::FIELD_GAP);
    confirmation(
        ui,
        form,
        "municipal.key_exchange",
        "De sleutel wordt tussen de DPO's uitgewisseld",
        "Hoe de DPO's de sleutel van het versleutelde bestand uitwisselen, bv. ‘per telefoon, nooit in dezelfde e-mail als het bestand’.",
        &mut case.key_exchange,
    );
    confirmation(
        ui,
        form,
        "municipal.destruction",
        "Het bestand wordt vernietigd na gebruik",
        "Wanneer en hoe, bv. ‘na de uitbetaling en uiterlijk op 31 december 2025’.",
        &mut case.destruction,
    );

    form.section(
        ui,
        "Plichten onder de AVG",
        "Het lokaal bestuur bevestigt dat het aan zijn algemene plichten voldoet.",
    );
    confirmation(
        ui,
        form,
        "municipal.security_policy",
        "Er is een veiligheidsbeleid met een veiligheidsplan",
        "Waar het beleid te vinden is of wanneer het goedgekeurd werd.",
        &mut case.security_policy,
    );
    confirmation(
        ui,
        form,
        "municipal.processing_register",
        "De verwerking staat in het verwerkingsregister",
        "Onder welke naam of welk nummer de verwerking in het register staat. De regel voor het register maakt u met Bestand › Verwerkingsregister exporteren (Excel)… (of ‘protocolwijzer register’, ook als CSV).",
        &mut case.processing_register,
    );
    confirmation(
        ui,
        form,
        "municipal.information_duty",
        "De burgers worden geïnformeerd (informatieplicht)",
        "Hoe de betrokken gezinnen te weten komen dat hun gegevens gebruikt worden, bv. via de privacyverklaring op de website en in de brief bij de tegemoetkoming.",
        &mut case.information_duty,
    );
}

fn confirmation(
    ui: &mut Ui,
    form: &mut Form,
    path: &str,
    label: &str,
    help: &str,
    value: &mut Confirmation,
) {
    form.checkbox(
        ui,
        &format!("{path}.confirmed"),
        label,
        "",
        &mut value.confirmed,
    );
    form.multiline(
        ui,
        &format!("{path}.detail"),
        &format!("Toelichting — {label}"),
        help,
        &mut value.detail,
    );
}
