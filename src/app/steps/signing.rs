//! Step 11, Ondertekening: place and date, the signatories (edited under Partijen) and annexes.

use egui::{RichText, Ui};

use super::{item_frame, party_name};
use crate::app::commands::Command;
use crate::app::form::Form;
use crate::model::Step;
use crate::model::{Annex, Protocol};

/// The signing step.
pub fn signing_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(ui, "Plaats en datum", "");
    form.text(
        ui,
        "signing.place",
        "Plaats van ondertekening",
        "“Opgemaakt te …”, bv. ‘Brussel’ of ‘Zoersel’. Bij een elektronische handtekening: de plaats van de laatste ondertekenaar, of ‘Brussel’.",
        &mut protocol.signing.place,
    );
    form.date(
        ui,
        "signing.date",
        "Datum van ondertekening",
        "Alle DPO-adviezen moeten vóór deze datum liggen.",
        &mut protocol.signing.date,
    );
    form.date(
        ui,
        "title.date",
        "Datum onder de titel",
        "Meestal dezelfde als de datum van ondertekening. Leeg laten kan: dan wordt de datum van ondertekening gebruikt.",
        &mut protocol.title.date,
    );

    form.section(
        ui,
        "Wie tekent",
        "Per partij een handtekeningvak per ondertekenaar. U wijzigt de ondertekenaars bij ‘Partijen’.",
    );
    for (index, party) in protocol.parties.iter().enumerate() {
        ui.label(RichText::new(format!("Voor {}", party_name(party, index))).strong());
        if party.signatories.iter().all(|s| s.name.trim().is_empty()) {
            ui.label(RichText::new("  nog geen ondertekenaar").weak());
        }
        for signatory in &party.signatories {
            ui.label(format!("  {} — {}", signatory.name, signatory.function));
        }
    }
    if ui
        .button("Ondertekenaars wijzigen bij ‘Partijen’")
        .clicked()
    {
        form.commands.push(Command::GoTo(Step::Parties));
    }

    form.section(
        ui,
        "Bijlagen",
        "Documenten die bij het protocol horen, bv. ‘Besluit van het college van burgemeester en schepenen’ of ‘Schema van de gegevensstroom’.",
    );
    let len = protocol.annexes.len();
    let mut op = None;
    for (number, annex) in protocol.annexes.iter_mut().enumerate() {
        ui.push_id(("bijlage", number), |ui| {
            item_frame(ui, &format!("Bijlage {}", number + 1), |ui| {
                form.text(
                    ui,
                    &format!("annexes[{number}].title"),
                    "Titel van de bijlage",
                    "Bv. ‘Besluit van het college van burgemeester en schepenen van 3 maart 2025’.",
                    &mut annex.title,
                );
                form.multiline(
                    ui,
                    &format!("annexes[{number}].description"),
                    "Wat de bijlage bevat",
                    "Niet verplicht: een regel uitleg.",
                    &mut annex.description,
                );
                if let Some(asked) = form.item_buttons(ui, "annexes", number, len, "bijlage") {
                    op = Some(asked);
                }
            });
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(&mut protocol.annexes, op, &mut ignored);
    }
    if form.add_button(ui, "annexes", "➕ Bijlage toevoegen") {
        protocol.annexes.push(Annex::default());
        form.added();
    }
}
