//! Step 8, Adviezen: each party's DPO advice (date, outcome, remarks) and the VTC's advice.

use egui::Ui;

use egui::RichText;

use super::{item_frame, party_name};
use crate::app::commands::Command;
use crate::app::form::Form;
use crate::model::{AdviceOutcome, DpoAdvice, Protocol};

/// The advice step. The DPOs give their advice themselves, in the Beoordeling tab (on the
/// content as it is then); this step says so, shows what each DPO advised, and lets a user
/// take over an advice from a signed protocol, marked as such.
pub fn advice_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Advies van de DPO's",
        "De DPO van elke partij geeft advies over het ontwerp, vóór de ondertekening. Het protocol vermeldt per partij de datum van dat advies. Een advies na de datum van ondertekening is een fout.",
    );
    let contacts: Vec<String> = protocol
        .parties
        .iter()
        .enumerate()
        .map(|(index, party)| {
            let email = party.dpo.email.trim();
            if email.is_empty() {
                format!("de DPO van {}", party_name(party, index))
            } else {
                format!("de DPO van {} ({email})", party_name(party, index))
            }
        })
        .collect();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new("Wie geeft het advies?").strong());
        ui.label(format!(
            "Niet de opsteller, maar de DPO's zelf. Als het ontwerp klaar is: zet in stap 12 de status op ‘Ter advies bij DPO’ en bezorg het bestand aan {}. Elke DPO opent het bestand in Protocolwijzer en geeft het advies in het tabblad ‘Beoordeling’, onder ‘Advies geven’. Het advies geldt dan voor de inhoud zoals ze op dat moment is.",
            crate::dutch::join_names(&contacts)
        ));
        if ui.button("Beoordeling tonen").clicked() {
            form.commands.push(Command::ShowReview);
        }
    });
    ui.add_space(6.0);
    for (index, party) in protocol.parties.iter_mut().enumerate() {
        let name = party_name(party, index);
        ui.push_id(("advies", index), |ui| {
            item_frame(ui, &format!("Advies van de DPO van {name}"), |ui| {
                ui.label(advice_summary(&party.dpo_advice));
                let path = |field: &str| format!("parties[{index}].dpo_advice.{field}");
                // A finding about this advice opens the fields it names.
                let asked = form
                    .focus
                    .as_deref()
                    .is_some_and(|focus| focus.starts_with(&format!("parties[{index}].dpo_advice")));
                egui::CollapsingHeader::new("Overnemen uit een ondertekend protocol")
                    .id_salt(("overnemen", index))
                    .open(asked.then_some(true))
                    .show(ui, |ui| {
                        crate::app::form::help_text(
                            ui,
                            "Alleen voor een protocol dat al ondertekend is: neem de adviesdatum over zoals ze in de tekst staat. Zo'n advies staat in het bestand als ‘overgenomen uit een ondertekend protocol’, niet als advies van de DPO in Protocolwijzer.",
                        );
                        taken_over_fields(ui, form, &path, &name, &mut party.dpo_advice);
                    });
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

/// What the DPO advised, as a line: given in Protocolwijzer on a version of the content, or
/// taken over from a signed protocol, or not yet.
fn advice_summary(advice: &DpoAdvice) -> String {
    let outcome = match (advice.outcome, advice.outcome_not_stated) {
        (Some(outcome), _) => format!(": {}", outcome.label()),
        (None, true) => " (uitkomst niet vermeld)".to_string(),
        (None, false) => String::new(),
    };
    match advice.date {
        None => "Nog geen advies.".to_string(),
        Some(date) if advice.fingerprint.trim().is_empty() => format!(
            "Advies van {}{outcome}, overgenomen uit een ondertekend protocol.",
            crate::dutch::dutch_long(date)
        ),
        Some(date) => format!(
            "Advies van {}{outcome}, gegeven in Protocolwijzer (vingerafdruk {}).",
            crate::dutch::dutch_long(date),
            advice.fingerprint.chars().take(12).collect::<String>()
        ),
    }
}

/// The fields of an advice taken over from a signed protocol.
fn taken_over_fields(
    ui: &mut Ui,
    form: &mut Form,
    path: &dyn Fn(&str) -> String,
    name: &str,
    advice: &mut DpoAdvice,
) {
    form.date(
        ui,
        &path("date"),
        &format!("Datum van het advies ({name})"),
        "De datum waarop de DPO het advies gaf, zoals in het ondertekende protocol.",
        &mut advice.date,
    );
    outcome(ui, form, &path("outcome"), name, &mut advice.outcome);
    form.checkbox(
        ui,
        &path("outcome_not_stated"),
        &format!("De uitkomst staat niet in het protocol ({name})"),
        "Voor een ondertekend protocol dat alleen de datum van het advies noemt: het document vermeldt dan geen uitkomst (‘niet vermeld’).",
        &mut advice.outcome_not_stated,
    );
    form.multiline(
        ui,
        &path("remarks"),
        &format!("Opmerkingen of voorwaarden ({name})"),
        "Bij ‘gunstig onder voorwaarden’: welke voorwaarden, en hoe eraan voldaan is.",
        &mut advice.remarks,
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
