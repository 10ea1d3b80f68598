//! Step 5, Ontvangers (art. 4): per receiving party the services with access, need-to-know,
//! onward disclosure and processors.

use egui::Ui;

use super::{item_frame, party_picker};
use crate::app::form::Form;
use crate::model::{Processor, Protocol, SharedProcessor, Unit};

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
    let group = shown
        .and_then(|index| protocol.parties.get(index))
        .and_then(|party| protocol.group_of(party))
        .map(|(number, _)| number);
    let member = shown
        .and_then(|index| {
            protocol
                .parties
                .get(index)
                .map(|party| super::party_name(party, index))
        })
        .unwrap_or_default();
    match (group, shown) {
        (Some(number), _) => {
            if let Some(group) = protocol.groups.get_mut(number) {
                ui.label(format!(
                    "{member} hoort bij {}: wat hieronder staat, geldt voor alle leden van de groep.",
                    group.name_in_text(number)
                ));
                recipient_fields(
                    &format!("groups[{number}]"),
                    Recipient {
                        services_with_access: &mut group.services_with_access,
                        need_to_know: &mut group.need_to_know,
                        onward_disclosure: &mut group.onward_disclosure,
                        processors: &mut group.processors,
                    },
                    form,
                    ui,
                );
            }
        }
        (None, Some(index)) => {
            if let Some(party) = protocol.parties.get_mut(index) {
                recipient_fields(
                    &format!("parties[{index}]"),
                    Recipient {
                        services_with_access: &mut party.services_with_access,
                        need_to_know: &mut party.need_to_know,
                        onward_disclosure: &mut party.onward_disclosure,
                        processors: &mut party.processors,
                    },
                    form,
                    ui,
                );
            }
        }
        (None, None) => {
            ui.label(
                "Geen enkele partij is ontvanger. Duid bij ‘Partijen’ aan wie de gegevens ontvangt.",
            );
        }
    }

    shared_processors_ui(protocol, form, ui);

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
    form.checkbox(
        ui,
        "data_subject_rights_not_stated",
        "Het protocol vermeldt de rechten van de betrokkenen niet (niet vermeld)",
        "Voor een ondertekend protocol dat er niets over zegt: het document drukt dan geen titel en geen invulveld af, en de controle waarschuwt.",
        &mut protocol.data_subject_rights_not_stated,
    );
}

/// What a recipient (a party, or a group for all its members) says in art. 4.
struct Recipient<'a> {
    services_with_access: &'a mut Vec<String>,
    need_to_know: &'a mut String,
    onward_disclosure: &'a mut String,
    processors: &'a mut Vec<Processor>,
}

fn recipient_fields(base: &str, party: Recipient<'_>, form: &mut Form, ui: &mut Ui) {
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
        form.apply(party.services_with_access, op, &mut ignored);
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
        party.need_to_know,
    );
    form.multiline(
        ui,
        &format!("{base}.onward_disclosure"),
        "Verdere doorgifte",
        "Aan wie de ontvanger de gegevens eventueel verder doorgeeft, en op welke grond. Bv. ‘De gegevens worden niet verder doorgegeven.’",
        party.onward_disclosure,
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
                processor_fields(&format!("{list}[{number}]"), processor, form, ui);
                if let Some(asked) = form.item_buttons(ui, &list, number, len, "verwerker") {
                    op = Some(asked);
                }
            });
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(party.processors, op, &mut ignored);
    }
    if form.add_button(ui, &list, "➕ Verwerker toevoegen") {
        party.processors.push(Processor::default());
        form.added();
    }
}

/// A processor's name, task and agreement; `base` is its path (`parties[2].processors[0]`).
fn processor_fields(base: &str, processor: &mut Processor, form: &mut Form, ui: &mut Ui) {
    form.text(
        ui,
        &format!("{base}.name"),
        "Naam van de verwerker",
        "Bv. ‘Cipal Schaubroeck nv’.",
        &mut processor.name,
    );
    form.multiline(
        ui,
        &format!("{base}.task"),
        "Taak van de verwerker",
        "Wat de verwerker met de gegevens doet, bv. ‘hosting van de toepassing voor de tegemoetkoming’.",
        &mut processor.task,
    );
    form.checkbox(
        ui,
        &format!("{base}.agreement_concluded"),
        "Verwerkersovereenkomst gesloten",
        "Vink aan als de overeenkomst van artikel 28 AVG getekend is.",
        &mut processor.agreement_concluded,
    );
    form.checkbox(
        ui,
        &format!("{base}.agreement_not_stated"),
        "Het protocol vermeldt niet of er een overeenkomst is (niet vermeld)",
        "Voor een ondertekend protocol dat er niets over zegt: het document vermeldt dan niets over de overeenkomst, en de controle waarschuwt.",
        &mut processor.agreement_not_stated,
    );
}

/// Processors that work for several recipients at once, listed once in art. 4.
fn shared_processors_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Gemeenschappelijke verwerkers",
        "Een verwerker die voor meerdere partijen werkt (bv. één IT-leverancier voor alle ontvangers) vult u hier één keer in, met de partijen waarvoor hij werkt.",
    );
    let choices: Vec<(String, String)> = protocol
        .units()
        .iter()
        .filter(|unit| unit.roles().recipient)
        .map(|unit| match unit {
            // The name the party goes by on every screen (the pickers', the titles').
            Unit::Party { party, index } => (party.id.clone(), super::party_name(party, *index)),
            Unit::Group { group, .. } => (group.id.clone(), unit.name_in_text()),
        })
        .collect();
    let len = protocol.shared_processors.len();
    let mut op = None;
    for (number, shared) in protocol.shared_processors.iter_mut().enumerate() {
        let base = format!("shared_processors[{number}]");
        ui.push_id(&base, |ui| {
            item_frame(
                ui,
                &format!("Gemeenschappelijke verwerker {}", number + 1),
                |ui| {
                    let parties_path = format!("{base}.parties");
                    ui.push_id(&parties_path, |ui| {
                        crate::app::form::field_label(ui, "Werkt voor");
                        for (id, name) in &choices {
                            let mut on = shared.parties.contains(id);
                            let response = ui.checkbox(&mut on, name);
                            if response.changed() {
                                if on {
                                    shared.parties.push(id.clone());
                                } else {
                                    shared.parties.retain(|known| known != id);
                                }
                                form.changed = true;
                            }
                            form.register(&parties_path, &response);
                        }
                    });
                    processor_fields(
                        &format!("{base}.processor"),
                        &mut shared.processor,
                        form,
                        ui,
                    );
                    if let Some(asked) =
                        form.item_buttons(ui, "shared_processors", number, len, "verwerker")
                    {
                        op = Some(asked);
                    }
                },
            );
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(&mut protocol.shared_processors, op, &mut ignored);
    }
    if form.add_button(
        ui,
        "shared_processors",
        "➕ Gemeenschappelijke verwerker toevoegen",
    ) {
        protocol.shared_processors.push(SharedProcessor::default());
        form.added();
    }
}
