//! Step 4, Gegevens en proportionaliteit (art. 3): the identifier, the data items with their
//! justification and flows, retention, and the data subjects' rights.
//!
//! A protocol may list hundreds of data items: the list shows one line per item and lays out
//! only the visible lines; only the open item gets its full editor.

use egui::{RichText, Ui};

use super::item_frame;
use crate::app::form::Form;
use crate::app::theme;
use crate::model::{DataItem, Protocol, SpecialCategory};

/// The data step.
pub fn data_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(ui, "Identificatie en bewaring", "");
    form.text(
        ui,
        "identifier",
        "Identificatiesleutel",
        "Waarmee de personen geïdentificeerd worden, meestal het INSZ-nummer (rijksregisternummer). Vul nooit het nummer van een echte persoon in.",
        &mut protocol.identifier,
    );
    form.multiline(
        ui,
        "retention",
        "Bewaartermijn",
        "Hoelang de ontvanger de gegevens bewaart en wat daarna gebeurt, bv. ‘tot de tegemoetkoming is uitbetaald en uiterlijk zes maanden na ontvangst; daarna wordt het bestand vernietigd’. Niet langer dan nodig voor het doel.",
        &mut protocol.retention,
    );

    form.section(
        ui,
        "De gegevens",
        "Elk gegeven dat wordt meegedeeld, met waarom het nodig is (proportionaliteit: toereikend, ter zake dienend en niet overmatig) en in welke gegevensstromen het reist. Kies een gegeven om het te bewerken.",
    );
    let len = protocol.data_items.len();
    if form.selection.data_item >= len && len > 0 {
        form.selection.data_item = len - 1;
    }
    let mut selected = form.selection.data_item;
    if len > 0 {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("gegevenslijst")
                .max_height(theme::LIST_HEIGHT)
                .auto_shrink([false, true])
                .show_rows(ui, theme::LIST_ROW_HEIGHT, len, |ui, rows| {
                    for number in rows {
                        let Some(item) = protocol.data_items.get(number) else {
                            continue;
                        };
                        let mut text =
                            format!("{}. {}", number + 1, one_line(&item.description, 90));
                        if item.justification.trim().is_empty() {
                            text.push_str("  — verantwoording ontbreekt");
                        }
                        let mut rich = RichText::new(text);
                        if item.justification.trim().is_empty()
                            || item.description.trim().is_empty()
                        {
                            rich = rich.color(ui.visuals().warn_fg_color);
                        }
                        let response = ui.add_sized(
                            [ui.available_width(), theme::LIST_ROW_HEIGHT],
                            egui::Button::selectable(selected == number, rich)
                                .right_text("")
                                .truncate(),
                        );
                        if response.clicked() {
                            selected = number;
                        }
                    }
                });
        });
    }
    if form.add_button(ui, "data_items", "➕ Gegeven toevoegen") {
        protocol.data_items.push(DataItem::default());
        selected = protocol.data_items.len() - 1;
        form.added();
        *form.focus = Some(format!("data_items[{selected}].description"));
    }
    form.selection.data_item = selected;
    ui.add_space(8.0);

    let len = protocol.data_items.len();
    if selected < len {
        let flows: Vec<(String, String)> = protocol
            .flows
            .iter()
            .enumerate()
            .map(|(index, flow)| (flow.id.clone(), flow.name_or_number(index)))
            .collect();
        let mut op = None;
        item_frame(ui, &format!("Gegeven {}", selected + 1), |ui| {
            op = form.item_buttons(ui, "data_items", selected, len, "gegeven");
            if let Some(item) = protocol.data_items.get_mut(selected) {
                item_fields(item, selected, &flows, form, ui);
            }
        });
        if let Some(op) = op {
            let mut selected = form.selection.data_item;
            form.apply(&mut protocol.data_items, op, &mut selected);
            form.selection.data_item = selected;
        }
    } else {
        ui.label("Er zijn nog geen gegevens. Voeg er een toe.");
    }
}

fn one_line(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return "(nog geen omschrijving)".to_string();
    }
    let mut shown: String = line.chars().take(max).collect();
    if line.chars().count() > max {
        shown.push('…');
    }
    shown
}

fn item_fields(
    item: &mut DataItem,
    index: usize,
    flows: &[(String, String)],
    form: &mut Form,
    ui: &mut Ui,
) {
    let path = |field: &str| format!("data_items[{index}].{field}");
    form.multiline(
        ui,
        &path("description"),
        "Omschrijving van het gegeven",
        "Wat het gegeven is, zo precies mogelijk, bv. ‘het INSZ-nummer van het rechtgevend kind’ of ‘de naam en voornaam van de begunstigde’.",
        &mut item.description,
    );
    form.multiline(
        ui,
        &path("justification"),
        "Verantwoording (waarom is dit gegeven nodig?)",
        "Waarom de ontvanger precies dit gegeven nodig heeft en voor welk doel; waarom minder niet volstaat. Bv. ‘De naam van de begunstigde is nodig om de tegemoetkoming aan de juiste persoon uit te betalen.’ De toezichthouder beoordeelt elk gegeven afzonderlijk.",
        &mut item.justification,
    );
    form.text(
        ui,
        &path("purpose"),
        "Voor welk doeleinde",
        "Als er meer doeleinden zijn: voor welk doeleinde van artikel 2 dit gegeven dient.",
        &mut item.purpose,
    );

    let flows_path = path("flows");
    ui.push_id(&flows_path, |ui| {
        crate::app::form::field_label(ui, "Reist in de gegevensstromen");
        let locked = form.lock(&flows_path).cloned();
        if flows.is_empty() {
            ui.label("Er zijn nog geen gegevensstromen (stap ‘Context en gegevensstroom’).");
        }
        for (id, name) in flows {
            let mut on = item.flows.contains(id);
            if let Some(lock) = &locked {
                ui.label(format!("🔒 {} {name}", if on { "✔" } else { "✖" }))
                    .on_hover_text(crate::app::form::lock_tooltip(lock));
                continue;
            }
            let response = ui.checkbox(&mut on, name);
            if response.changed() {
                if on {
                    item.flows.push(id.clone());
                } else {
                    item.flows.retain(|known| known != id);
                }
                form.changed = true;
            }
            form.register(&flows_path, &response);
        }
        crate::app::form::help_text(
            ui,
            "Vink elke gegevensstroom aan waarin dit gegeven wordt meegedeeld.",
        );
    });
    ui.add_space(theme::FIELD_GAP);

    form.text(
        ui,
        &path("retention"),
        "Eigen bewaartermijn",
        "Alleen invullen als dit gegeven korter of langer bewaard wordt dan de algemene bewaartermijn hierboven.",
        &mut item.retention,
    );
    form.choice(
        ui,
        &path("special_category"),
        "Bijzondere categorie",
        "Gaat het om gezondheid, etnische afkomst, overtuiging, … (artikel 9 AVG) of om strafrechtelijke gegevens (artikel 10 AVG)? Dan gelden strengere voorwaarden.",
        &mut item.special_category,
        &SpecialCategory::ALL,
        SpecialCategory::label,
    );
    if item.special_category.is_special() {
        form.multiline(
            ui,
            &path("special_category_justification"),
            "Waarom deze bijzondere categorie mag en nodig is",
            "De uitzondering van artikel 9.2 of 10 AVG waarop de verwerking steunt, en de bijkomende waarborgen.",
            &mut item.special_category_justification,
        );
    }
}
