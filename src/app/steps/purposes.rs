//! Step 3, Doeleinden en rechtsgrond (art. 2): original and further purposes with their legal
//! bases, per party, and why the further processing is compatible.

use egui::Ui;

use super::{item_frame, party_picker};
use crate::app::form::Form;
use crate::model::{Protocol, Purpose};

/// The purposes step.
pub fn purposes_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Doeleinden per partij",
        "Voor een verstrekker: waarvoor zij de gegevens oorspronkelijk verzamelde. Voor een ontvanger: waarvoor zij ze zal gebruiken. Elk doeleinde moet welbepaald en uitdrukkelijk zijn en een rechtsgrond hebben. Kies een partij.",
    );
    let mut selected = form.selection.party;
    let shown = party_picker(ui, &protocol.parties, &mut selected, |party| {
        party.roles.provider || party.roles.recipient
    });
    form.selection.party = selected;
    let Some(index) = shown else {
        ui.label("Geef eerst bij ‘Partijen’ aan welke partij verstrekt en welke ontvangt.");
        form_compatibility(protocol, form, ui);
        return;
    };
    let group = protocol
        .parties
        .get(index)
        .and_then(|party| protocol.group_of(party))
        .map(|(number, _)| number);
    if let Some(number) = group {
        let roles = protocol
            .parties
            .get(index)
            .map(|party| party.roles)
            .unwrap_or_default();
        let member = protocol
            .parties
            .get(index)
            .map(|party| super::party_name(party, index))
            .unwrap_or_default();
        if let Some(group) = protocol.groups.get_mut(number) {
            let name = group.name_in_text(number);
            ui.label(format!(
                "{member} hoort bij {name}: deze doeleinden gelden voor alle leden van de groep."
            ));
            if roles.provider {
                purpose_list(
                    ui,
                    form,
                    &format!("groups[{number}].original_purposes"),
                    &format!("Oorspronkelijke doeleinden van {name} (als verstrekkers)"),
                    "Waarvoor de leden de gegevens oorspronkelijk verzamelden, met de rechtsgrond.",
                    &mut group.original_purposes,
                );
            }
            if roles.recipient {
                purpose_list(
                    ui,
                    form,
                    &format!("groups[{number}].processing_purposes"),
                    &format!("Doeleinden van {name} (als ontvangers)"),
                    "Waarvoor de leden de gegevens zullen gebruiken, met de rechtsgrond.",
                    &mut group.processing_purposes,
                );
            }
        }
    } else if let Some(party) = protocol.parties.get_mut(index) {
        let name = super::party_name(party, index);
        if party.roles.provider {
            purpose_list(
                ui,
                form,
                &format!("parties[{index}].original_purposes"),
                &format!("Oorspronkelijke doeleinden van {name} (als verstrekker)"),
                "Bv. ‘het uitbetalen van de sociale toeslag in het Groeipakket’, met als rechtsgrond ‘decreet van 27 april 2018 tot regeling van de toelagen in het kader van het gezinsbeleid’.",
                &mut party.original_purposes,
            );
        }
        if party.roles.recipient {
            purpose_list(
                ui,
                form,
                &format!("parties[{index}].processing_purposes"),
                &format!("Doeleinden van {name} (als ontvanger)"),
                "Bv. ‘het toekennen van een lokale financiële tegemoetkoming aan gezinnen met een sociale toeslag’, met als rechtsgrond het gemeentelijk besluit en het decreet over het lokaal bestuur.",
                &mut party.processing_purposes,
            );
        }
    }
    form_compatibility(protocol, form, ui);
}

fn form_compatibility(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(ui, "Verenigbaarheid", "");
    form.multiline(
        ui,
        "compatibility",
        "Waarom de verdere verwerking verenigbaar is",
        "Leg uit waarom het nieuwe doel past bij het oorspronkelijke (artikel 6.4 AVG): het verband tussen beide, de redelijke verwachting van de betrokkenen, de waarborgen. De toezichthouder toetst hier de finaliteit.",
        &mut protocol.compatibility,
    );
}

fn purpose_list(
    ui: &mut Ui,
    form: &mut Form,
    list: &str,
    title: &str,
    help: &str,
    purposes: &mut Vec<Purpose>,
) {
    form.section(ui, title, help);
    let len = purposes.len();
    let mut op = None;
    for (number, purpose) in purposes.iter_mut().enumerate() {
        ui.push_id((list, number), |ui| {
            item_frame(ui, &format!("Doeleinde {}", number + 1), |ui| {
                form.multiline(
                    ui,
                    &format!("{list}[{number}].description"),
                    "Doeleinde",
                    "Welbepaald en uitdrukkelijk: wat wordt er met de gegevens gedaan?",
                    &mut purpose.description,
                );
                form.multiline(
                    ui,
                    &format!("{list}[{number}].legal_basis"),
                    "Rechtsgrond",
                    "Het decreet of de wet met het artikel, of de bepaling van artikel 6 AVG.",
                    &mut purpose.legal_basis,
                );
                if let Some(asked) = form.item_buttons(ui, list, number, len, "doeleinde") {
                    op = Some(asked);
                }
            });
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(purposes, op, &mut ignored);
    }
    if form.add_button(ui, list, "➕ Doeleinde toevoegen") {
        purposes.push(Purpose::default());
        form.added();
    }
}
