//! Step 8, Adviezen: each party's DPO advice (date, outcome, remarks) and the VTC's advice.

use egui::Ui;

use super::{item_frame, party_name};
use crate::app::form::Form;
use crate::model::{AdviceOutcome, Protocol};

/// The advice step.
pub fn advice_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Advies van de DPO's",
        "De DPO van elke partij geeft advies over het ontwerp, vóór de ondertekening. Het protocol vermeldt per partij de datum van dat advies. Een advies na de datum van ondertekening is een fout.",
    );
    for (index, party) in protocol.parties.iter_mut().enumerate() {
        let name = party_name(party, index);
        ui.push_id(("advies", index), |ui| {
            item_frame(ui, &format!("Advies van de DPO van {name}"), |ui| {
                let path = |field: &str| format!("parties[{index}].dpo_advice.{field}");
                form.date(
                    ui,
                    &path("date"),
                    &format!("Datum van het advies ({name})"),
                    "De datum waarop de DPO het advies gaf.",
                    &mut party.dpo_advice.date,
                );
                outcome(
                    ui,
                    form,
                    &path("outcome"),
                    &name,
                    &mut party.dpo_advice.outcome,
                );
                form.checkbox(
                    ui,
                    &path("outcome_not_stated"),
                    &format!("De uitkomst staat niet in het protocol ({name})"),
                    "Voor een ondertekend protocol dat alleen de datum van het advies noemt: het document vermeldt dan geen uitkomst (‘niet vermeld’).",
                    &mut party.dpo_advice.outcome_not_stated,
                );
                form.multiline(
                    ui,
                    &path("remarks"),
                    &format!("Opmerkingen of voorwaarden ({name})"),
                    "Bij ‘gunstig onder voorwaarden’: welke voorwaarden, en hoe eraan voldaan is.",
                    &mut party.dpo_advice.remarks,
                );
            });
        });
        ui.add_space(6.0);
    }

    form.section(ui, "Vlaamse Toezichtcommissie", "");
    form.date(
        ui,
        "vtc_advice_date",
        "Datum van het advies van de Vlaamse Toezichtcommissie",
        "Alleen invullen als de VTC advies gaf; voor het standaardprotocol is dat meestal niet nodig.",
        &mut protocol.vtc_advice_date,
    );
}

fn outcome(
    ui: &mut Ui,
    form: &mut Form,
    path: &str,
    name: &str,
    value: &mut Option<AdviceOutcome>,
) {
    ui.push_id(path, |ui| {
        let label = crate::app::form::field_label(ui, &format!("Uitkomst van het advies ({name})"));
        let before = *value;
        let response = ui
            .horizontal(|ui| {
                let first = ui.radio_value(value, None, "nog geen advies");
                for choice in AdviceOutcome::ALL {
                    ui.radio_value(value, Some(choice), choice.label());
                }
                first
            })
            .inner;
        let _ = label;
        form.changed |= before != *value;
        form.register(path, &response);
        crate::app::form::help_text(ui, "Gunstig, gunstig onder voorwaarden of ongunstig. Een ongunstig advies moet eerst opgelost worden.");
    });
    ui.add_space(crate::app::theme::FIELD_GAP);
}
