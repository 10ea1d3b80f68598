//! Step 5, Ontvangers (art. 4): per receiving party the services with access, need-to-know,
//! onward disclosure and processors.

use egui::Ui;

use super::{item_frame, party_picker};
use crate::app::form::Form;
use crate::model::{Processor, Protocol};

/// The recipients step.
pub fn recipients_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Ontvangers",
        "Per ontvangende partij: wie binnen de organisatie toegang krijgt en waarom. De toezichthouder kijkt of alleen wie het nodig heeft de gegevens ziet (need-to-know). Kies een ontvanger.",
    );
    let mut selected = form.selection.party;
    let shown = party_picker(ui, &protocol.parties, &mut selected, |party| {
        party.roles.recipient
    });
    form.selection.party = selected;
    match shown.and_then(|index| protocol.parties.get_mut(index).map(|party| (index, party))) {
        Some((index, party)) => party_ui(party, index, form, ui),
        None => {
            ui.label(
                "Geen enkele partij is ontvanger. Duid bij ‘Partijen’ aan wie de gegevens ontvangt.",
            );
        }
    }

    form.section(
        ui,
        "Rechten van de betrokkenen",
        "Dit geldt voor het hele protocol, niet per ontvanger.",
    );
    form.multiline(
        ui,
        "data_subject_rights",
        "Rechten van de betrokkenen",
        "Hoe de betrokkenen hun rechten (inzage, verbetering, bezwaar, …) uitoefenen bij de ontvanger, en welke wettelijke beperkingen er eventueel op gelden. De wet van 30 juli 2018 vraagt dit uitdrukkelijk.",
        &mut protocol.data_subject_rights,
    );
}

fn party_ui(party: &mut crate::model::Party, index: usize, form: &mut Form, ui: &mut Ui) {
    let base = format!("parties[{index}]");

    form.section(
        ui,
        "Diensten met toegang",
        "De diensten of teams die de gegevens te zien krijgen, bv. ‘Sociale dienst’, ‘Financiële dienst’. Geen namen van personen.",
    );
    let list = format!("{base}.services_with_access");
    let len = party.services_with_access.len();
    let mut op = None;
    for (number, service) in party.services_with_access.iter_mut().enumerate() {
        ui.push_id((&list, number), |ui| {
            form.text(
                ui,
                &format!("{list}[{number}]"),
                &format!("Dienst {}", number + 1),
                "",
                service,
            );
            if let Some(asked) = form.item_buttons(ui, &list, number, len, "dienst") {
                op = Some(asked);
            }
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(&mut party.services_with_access, op, &mut ignored);
    }
    if form.add_button(ui, &list, "➕ Dienst toevoegen") {
        party.services_with_access.push(String::new());
        form.added();
    }

    form.section(ui, "Toegang en doorgifte", "");
    form.multiline(
        ui,
        &format!("{base}.need_to_know"),
        "Beperking van de toegang (need-to-know)",
        "Hoe de toegang beperkt blijft tot wie de gegevens nodig heeft: een lijst van personen, rollen, toegangsrechten, een vertrouwelijkheidsverklaring. Houdt de ontvanger een lijst bij van wie het rijksregisternummer gebruikt?",
        &mut party.need_to_know,
    );
    form.multiline(
        ui,
        &format!("{base}.onward_disclosure"),
        "Verdere doorgifte",
        "Aan wie de ontvanger de gegevens eventueel verder doorgeeft, en op welke grond. Bv. ‘De gegevens worden niet verder doorgegeven.’",
        &mut party.onward_disclosure,
    );

    form.section(
        ui,
        "Verwerkers",
        "Externe partijen die de gegevens voor de ontvanger verwerken (artikel 28 AVG), bv. een IT-leverancier. Met elke verwerker is een verwerkersovereenkomst nodig.",
    );
    let list = format!("{base}.processors");
    let len = party.processors.len();
    let mut op = None;
    for (number, processor) in party.processors.iter_mut().enumerate() {
        ui.push_id((&list, number), |ui| {
            item_frame(ui, &format!("Verwerker {}", number + 1), |ui| {
                form.text(
                    ui,
                    &format!("{list}[{number}].name"),
                    "Naam van de verwerker",
                    "Bv. ‘Cipal Schaubroeck nv’.",
                    &mut processor.name,
                );
                form.multiline(
                    ui,
                    &format!("{list}[{number}].task"),
                    "Taak van de verwerker",
                    "Wat de verwerker met de gegevens doet, bv. ‘hosting van de toepassing voor de tegemoetkoming’.",
                    &mut processor.task,
                );
                form.checkbox(
                    ui,
                    &format!("{list}[{number}].agreement_concluded"),
                    "Verwerkersovereenkomst gesloten",
                    "Vink aan als de overeenkomst van artikel 28 AVG getekend is.",
                    &mut processor.agreement_concluded,
                );
                form.checkbox(
                    ui,
                    &format!("{list}[{number}].agreement_not_stated"),
                    "Het protocol vermeldt niet of er een overeenkomst is (niet vermeld)",
                    "Voor een ondertekend protocol dat er niets over zegt: het document vermeldt dan niets over de overeenkomst, en de controle waarschuwt.",
                    &mut processor.agreement_not_stated,
                );
                if let Some(asked) = form.item_buttons(ui, &list, number, len, "verwerker") {
                    op = Some(asked);
                }
            });
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(&mut party.processors, op, &mut ignored);
    }
    if form.add_button(ui, &list, "➕ Verwerker toevoegen") {
        party.processors.push(Processor::default());
        form.added();
    }
}
