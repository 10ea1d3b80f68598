//! Step 2, Context en gegevensstroom: the subject, recitals C1–D and the data flows.

use egui::Ui;

use super::{flow_picker, item_frame};
use crate::app::ListOp;
use crate::app::form::Form;
use crate::model::{ChannelKind, DataFlow, Protocol};

/// The context step.
pub fn context_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(ui, "Onderwerp", "");
    form.text(
        ui,
        "title.context",
        "Onderwerp (in het kader van …)",
        "Vult de titel aan: “Protocol … in het kader van …”. Bv. ‘de toekenning van een financiële tegemoetkoming aan gezinnen met een sociale toeslag’.",
        &mut protocol.title.context,
    );
    form.multiline(
        ui,
        "title.text",
        "Titel zoals ondertekend (als die anders is)",
        "Laat leeg: het programma maakt de titel uit de partijen (“Protocol voor de elektronische mededeling van persoonsgegevens van … naar …”). Vul hier de titel in als het protocol een andere titel draagt, bv. bij een bestaand, ondertekend protocol.",
        &mut protocol.title.text,
    );
    form.text(
        ui,
        "title.short_title",
        "Korte titel",
        "Voor de kop- en voettekst van elke pagina, bv. ‘Protocol sociale toeslag – Gemeente Zoersel’.",
        &mut protocol.title.short_title,
    );

    form.section(
        ui,
        "Overwegingen",
        "De overwegingen (NA TE HEBBEN UITEENGEZET) leggen uit waarom het protocol er komt. Een buitenstaander moet ze begrijpen zonder andere documenten.",
    );
    form.multiline(
        ui,
        "recitals.context",
        "C1. Context en nood aan de gegevens",
        "De algemene context en waarom de ontvanger de gegevens nodig heeft. Bv. ‘De gemeente wil gezinnen met een laag inkomen een tegemoetkoming geven en gebruikt de sociale toeslag als objectief criterium voor kinderarmoede.’",
        &mut protocol.recitals.context,
    );
    form.multiline(
        ui,
        "recitals.planned_flow",
        "C2. Geplande gegevensstroom",
        "Hoe de gegevensstroom verloopt en wat er nieuw is of verandert. De toezichthouder leest hier of de stroom beperkt blijft tot wat nodig is.",
        &mut protocol.recitals.planned_flow,
    );
    form.multiline(
        ui,
        "recitals.service_integrator",
        "C3. Dienstenintegrator",
        "Of de stroom via een dienstenintegrator loopt (de Vlaamse Dienstenintegrator / MAGDA) of niet, en waarom.",
        &mut protocol.recitals.service_integrator,
    );
    form.multiline(
        ui,
        "recitals.intent",
        "D. Wil om het protocol te sluiten",
        "Dat de partijen het protocol willen sluiten en bekendmaken. Meestal standaardtekst.",
        &mut protocol.recitals.intent,
    );

    form.section(
        ui,
        "Gegevensstromen",
        "Een protocol heeft één of meer gegevensstromen, elk met een eigen richting en kanaal. In het standaardprotocol zijn er twee: de INSZ-lijst van het lokaal bestuur naar Opgroeien, en het antwoord van Opgroeien terug. Hoe vaak een stroom loopt, vult u in bij ‘Periodiciteit en duur’.",
    );
    let mut selected = form.selection.flow;
    flow_picker(ui, protocol, &mut selected);
    if form.add_button(ui, "flows", "➕ Gegevensstroom toevoegen") {
        let id = protocol.fresh_flow_id("stroom");
        protocol.flows.push(DataFlow {
            id,
            ..DataFlow::default()
        });
        selected = protocol.flows.len() - 1;
        form.added();
    }
    form.selection.flow = selected;
    ui.add_space(8.0);
    let len = protocol.flows.len();
    if selected >= len {
        ui.label("Er zijn nog geen gegevensstromen. Voeg er een toe.");
        return;
    }
    let parties = super::party_choices(protocol);
    let title = protocol.flows[selected].name_or_number(selected);
    let mut op = None;
    item_frame(ui, &title, |ui| {
        op = form.item_buttons(ui, "flows", selected, len, "gegevensstroom");
        if let Some(flow) = protocol.flows.get_mut(selected) {
            flow_fields(flow, selected, &parties, form, ui);
        }
    });
    if let Some(op) = op {
        let mut selected = form.selection.flow;
        if let ListOp::Duplicate(source) = op
            && let Some(flow) = protocol.flows.get(source)
        {
            let id = protocol.fresh_flow_id(&flow.id);
            form.apply(&mut protocol.flows, op, &mut selected);
            if let Some(copy) = protocol.flows.get_mut(source + 1) {
                copy.id = id;
            }
        } else {
            form.apply(&mut protocol.flows, op, &mut selected);
        }
        form.selection.flow = selected;
    }
}

fn flow_fields(
    flow: &mut DataFlow,
    index: usize,
    parties: &[(String, String)],
    form: &mut Form,
    ui: &mut Ui,
) {
    let path = |field: &str| format!("flows[{index}].{field}");
    form.text(
        ui,
        &path("name"),
        "Naam van de gegevensstroom",
        "Zoals in het document, bv. ‘Lijst met INSZ-nummers van de gemeente’.",
        &mut flow.name,
    );

    // From: a party, picked by name (the flow keeps the party's stable id).
    let from_path = path("from_party");
    ui.push_id(&from_path, |ui| {
        let label = crate::app::form::field_label(ui, "Van (verstrekker)");
        if let Some(lock) = form.lock(&from_path) {
            let name = parties
                .iter()
                .find(|(id, _)| *id == flow.from_party)
                .map_or("(nog niet gekozen)", |(_, name)| name.as_str());
            ui.label(format!("🔒 {name}"))
                .on_hover_text(crate::app::form::lock_tooltip(lock));
        } else {
            let current = parties
                .iter()
                .find(|(id, _)| *id == flow.from_party)
                .map_or("(nog niet gekozen)".to_string(), |(_, name)| name.clone());
            let before = flow.from_party.clone();
            let response = egui::ComboBox::from_id_salt("van")
                .selected_text(current)
                .width(360.0)
                .show_ui(ui, |ui| {
                    for (id, name) in parties {
                        ui.selectable_value(&mut flow.from_party, id.clone(), name);
                    }
                })
                .response
                .labelled_by(label.id);
            form.changed |= before != flow.from_party;
            form.register(&from_path, &response);
        }
        crate::app::form::help_text(ui, "De partij die de gegevens verstuurt.");
    });
    ui.add_space(crate::app::theme::FIELD_GAP);

    let to_path = path("to_parties");
    ui.push_id(&to_path, |ui| {
        crate::app::form::field_label(ui, "Naar (ontvangers)");
        let locked = form.lock(&to_path).cloned();
        for (id, name) in parties {
            let mut on = flow.to_parties.contains(id);
            if let Some(lock) = &locked {
                if on {
                    ui.label(format!("🔒 {name}"))
                        .on_hover_text(crate::app::form::lock_tooltip(lock));
                }
                continue;
            }
            let response = ui.checkbox(&mut on, name);
            if response.changed() {
                if on {
                    flow.to_parties.push(id.clone());
                } else {
                    flow.to_parties.retain(|known| known != id);
                }
                form.changed = true;
            }
            form.register(&to_path, &response);
        }
        crate::app::form::help_text(
            ui,
            "Vink elke partij aan die de gegevens van deze stroom ontvangt.",
        );
    });
    ui.add_space(crate::app::theme::FIELD_GAP);

    // Via: a party the data pass through on their way, or none.
    let via_path = path("via_party");
    ui.push_id(&via_path, |ui| {
        let label = crate::app::form::field_label(ui, "Via (tussenpartij)");
        let direct = "(rechtstreeks, via geen andere partij)";
        let name_of = |id: &str| {
            parties
                .iter()
                .find(|(known, _)| known == id)
                .map_or(direct.to_string(), |(_, name)| name.clone())
        };
        if let Some(lock) = form.lock(&via_path) {
            ui.label(format!("🔒 {}", name_of(&flow.via_party)))
                .on_hover_text(crate::app::form::lock_tooltip(lock));
        } else {
            let before = flow.via_party.clone();
            let response = egui::ComboBox::from_id_salt("via")
                .selected_text(name_of(&flow.via_party))
                .width(360.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut flow.via_party, String::new(), direct);
                    for (id, name) in parties {
                        ui.selectable_value(&mut flow.via_party, id.clone(), name);
                    }
                })
                .response
                .labelled_by(label.id);
            form.changed |= before != flow.via_party;
            form.register(&via_path, &response);
        }
        crate::app::form::help_text(
            ui,
            "Gaan de gegevens langs een andere partij die ze doorstuurt (bv. van het VAPH via Opgroeien regie naar de bevoegde uitbetalingsactor)? Kies die partij; het protocol vermeldt dan ‘van … via … aan …’.",
        );
    });
    ui.add_space(crate::app::theme::FIELD_GAP);

    form.multiline(
        ui,
        &path("description"),
        "Verloop",
        "Wat er in deze stroom gebeurt, stap voor stap: wie wat klaarzet, wie het ophaalt, wat de ontvanger ermee doet en wanneer het bestand verwijderd wordt.",
        &mut flow.description,
    );
    form.choice(
        ui,
        &path("channel"),
        "Kanaal",
        "Hoe de gegevens reizen. In het standaardprotocol kiest het lokaal bestuur tussen de SFTP-server van Opgroeien en versleutelde e-mail (stap ‘Gemeentelijk scenario en besluit’).",
        &mut flow.channel,
        &ChannelKind::ALL,
        ChannelKind::label,
    );
    form.multiline(
        ui,
        &path("channel_detail"),
        "Details van het kanaal",
        "Welke server, wie hem beheert, hoe de sleutel van een versleuteld bestand wordt uitgewisseld (bv. ‘tussen de DPO’s, via een ander kanaal’).",
        &mut flow.channel_detail,
    );
    form.checkbox(
        ui,
        &path("via_service_integrator"),
        "Loopt via een dienstenintegrator",
        "Vink aan als de stroom via de Vlaamse Dienstenintegrator (MAGDA) of een andere dienstenintegrator loopt.",
        &mut flow.via_service_integrator,
    );
    if flow.via_service_integrator {
        form.text(
            ui,
            &path("service_integrator"),
            "Welke dienstenintegrator",
            "Bv. ‘Vlaamse Dienstenintegrator (MAGDA)’.",
            &mut flow.service_integrator,
        );
    }
}
