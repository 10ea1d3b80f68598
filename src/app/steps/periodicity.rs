//! Step 6, Periodiciteit en duur (art. 5): how often each flow runs, and the protocol's term.

use egui::Ui;

use super::{flow_picker, item_frame};
use crate::app::form::Form;
use crate::model::{Frequency, Protocol, TermKind};

/// The periodicity step.
pub fn periodicity_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Periodiciteit per gegevensstroom",
        "Hoe vaak elke gegevensstroom loopt, en waarom die frequentie nodig is. Een permanente raadpleging vraagt meer verantwoording dan een eenmalige lijst.",
    );
    let mut selected = form.selection.flow;
    let shown = flow_picker(ui, protocol, &mut selected);
    form.selection.flow = selected;
    match shown.and_then(|index| protocol.flows.get_mut(index).map(|flow| (index, flow))) {
        Some((index, flow)) => {
            let path = |field: &str| format!("flows[{index}].{field}");
            let title = flow.name_or_number(index);
            item_frame(ui, &title, |ui| {
                form.choice(
                    ui,
                    &path("periodicity.frequency"),
                    "Frequentie",
                    "Eenmalig, maandelijks, permanente raadpleging, …",
                    &mut flow.periodicity.frequency,
                    &Frequency::ALL,
                    Frequency::label,
                );
                if flow.periodicity.frequency == Frequency::Monthly {
                    day_of_month(
                        ui,
                        form,
                        &path("periodicity.day_of_month"),
                        &mut flow.periodicity.day_of_month,
                    );
                }
                form.multiline(
                    ui,
                    &path("periodicity.detail"),
                    "Toelichting bij de frequentie",
                    "Bv. ‘in de loop van 2025’ of ‘na elke aanvraag van de gemeente’.",
                    &mut flow.periodicity.detail,
                );
                form.multiline(
                    ui,
                    &path("justification"),
                    "Waarom deze frequentie",
                    "Waarom de gegevens zo vaak nodig zijn, en niet minder vaak. Bv. ‘De tegemoetkoming wordt één keer per jaar toegekend; één lijst per jaar volstaat.’",
                    &mut flow.justification,
                );
            });
        }
        None => {
            ui.label("Er zijn nog geen gegevensstromen (stap ‘Context en gegevensstroom’).");
        }
    }

    form.section(ui, "Duur van het protocol", "");
    form.choice(
        ui,
        "term.kind",
        "Soort duur",
        "Bepaalde duur (met een einddatum) of onbepaalde duur. Onbepaalde duur moet u verantwoorden.",
        &mut protocol.term.kind,
        &TermKind::ALL,
        TermKind::label,
    );
    form.multiline(
        ui,
        "term.description",
        "Duur",
        "In woorden, bv. ‘tot en met 31 december 2026’ of ‘tot de gegevens vernietigd zijn’.",
        &mut protocol.term.description,
    );
    form.multiline(
        ui,
        "term.justification",
        "Waarom deze duur",
        "Waarom het protocol zo lang moet lopen. De toezichthouder vraagt dit zeker bij een onbepaalde duur.",
        &mut protocol.term.justification,
    );
}

fn day_of_month(ui: &mut Ui, form: &mut Form, path: &str, value: &mut Option<u8>) {
    ui.push_id(path, |ui| {
        let label = crate::app::form::field_label(ui, "Uiterlijk op dag van de maand");
        if let Some(lock) = form.lock(path) {
            ui.label(format!(
                "🔒 {}",
                value.map_or("(geen)".to_string(), |day| format!("de {day}e"))
            ))
            .on_hover_text(crate::app::form::lock_tooltip(lock));
        } else {
            let before = *value;
            let shown = value.map_or("(geen vaste dag)".to_string(), |day| format!("de {day}e"));
            let response = egui::ComboBox::from_id_salt("dag")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(value, None, "(geen vaste dag)");
                    for day in 1..=28u8 {
                        ui.selectable_value(value, Some(day), format!("de {day}e"));
                    }
                })
                .response
                .labelled_by(label.id);
            form.changed |= before != *value;
            form.register(path, &response);
        }
        crate::app::form::help_text(
            ui,
            "Voor een maandelijkse stroom: tegen welke dag de gegevens er zijn, bv. de 5e.",
        );
    });
    ui.add_space(crate::app::theme::FIELD_GAP);
}
