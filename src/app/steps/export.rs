//! Step 12, Controle en export: what is still missing, and the export buttons.

use egui::{RichText, Ui};

use crate::app::bottom_bar::command_button_ui;
use crate::app::commands::Command;
use crate::app::count;
use crate::app::form::Form;
use crate::app::theme;
use crate::check::{self, Finding};
use crate::model::{Protocol, Status};

/// The check-and-export step.
pub fn export_ui(protocol: &mut Protocol, form: &mut Form, findings: &[Finding], ui: &mut Ui) {
    let summary = check::summary(findings);
    let errors: usize = summary.iter().map(|(_, s)| s.errors).sum();
    let warnings: usize = summary.iter().map(|(_, s)| s.warnings).sum();
    form.section(ui, "Stand van zaken", "");
    if errors == 0 && warnings == 0 {
        ui.label(
            RichText::new("✔ De controle vindt geen problemen meer.")
                .color(theme::ok_colour(ui.visuals())),
        );
    } else {
        let infos: usize = summary.iter().map(|(_, s)| s.infos).sum();
        ui.label(format!(
            "De controle vindt nog {}. Fouten moeten opgelost zijn vóór de ondertekening; waarschuwingen zijn punten waar een DPO of de toezichthouder waarschijnlijk naar vraagt. Klik op een stap om ernaartoe te gaan.",
            crate::app::findings_in_words(errors, warnings, infos)
        ));
        ui.add_space(6.0);
        for (step, counts) in summary.iter().filter(|(_, counts)| !counts.is_complete()) {
            ui.horizontal(|ui| {
                if ui
                    .button(format!("{}. {}", step.number(), step.title()))
                    .clicked()
                {
                    form.commands.push(Command::GoTo(*step));
                }
                if counts.errors > 0 {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        count(counts.errors, "fout", "fouten"),
                    );
                }
                if counts.warnings > 0 {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        count(counts.warnings, "waarschuwing", "waarschuwingen"),
                    );
                }
            });
        }
    }

    form.section(
        ui,
        "Exporteren",
        "Het Word-document is handig om na te lezen en te delen met de DPO's en Opgroeien. Het PDF-bestand is wat de partijen ondertekenen (met de eID): na de eerste handtekening mag er niets meer aan veranderen. Zolang er fouten zijn, staat ONTWERP op het document.",
    );
    ui.horizontal(|ui| {
        for command in [Command::ExportDocx, Command::ExportPdf, Command::Save] {
            command_button_ui(ui, command, true, &mut form.commands);
        }
    });
    next_step_ui(protocol, form, errors, ui);
}

/// What comes next in the process, by status, with the move to the next status where the
/// drafter makes it: the hand-over from the official to the DPOs.
fn next_step_ui(protocol: &Protocol, form: &mut Form, errors: usize, ui: &mut Ui) {
    form.section(ui, "Wat nu?", "");
    let dpos: Vec<String> = protocol
        .parties
        .iter()
        .enumerate()
        .map(|(index, party)| {
            let email = party.dpo.email.trim();
            let name = super::party_name(party, index);
            if email.is_empty() {
                format!("de DPO van {name}")
            } else {
                format!("de DPO van {name} ({email})")
            }
        })
        .collect();
    let dpos = crate::dutch::join_names(&dpos);
    if crate::review::approval_outdated(protocol) {
        ui.label("De inhoud is gewijzigd sinds de goedkeuring: die geldt niet meer. Laat de DPO's de wijziging nakijken en dien het protocol opnieuw in bij Opgroeien (tabblad ‘Beoordeling’).");
        return;
    }
    match protocol.review.status {
        Status::Draft | Status::Returned => {
            ui.label(format!(
                "Is het ontwerp klaar{}? Zet dan de status op ‘Ter advies bij DPO’, sla het bestand op en bezorg het aan {dpos}. Elke DPO opent het in Protocolwijzer en geeft het advies in het tabblad ‘Beoordeling’.",
                if errors > 0 {
                    " (de fouten over het advies zelf lossen de DPO's op)"
                } else {
                    ""
                }
            ));
            if ui
                .button("Status op ‘Ter advies bij DPO’ zetten")
                .on_hover_text("Zoals in het tabblad ‘Beoordeling’; de geschiedenis onthoudt wie dat deed en wanneer.")
                .clicked()
            {
                form.commands.push(Command::SetStatus(Status::WithDpo));
            }
        }
        Status::WithDpo => {
            ui.label(format!(
                "Het ontwerp ligt ter advies bij {dpos}. Wacht op hun advies; ze geven het in het tabblad ‘Beoordeling’ van dit bestand."
            ));
        }
        Status::Advised => {
            ui.label("De DPO's hebben advies gegeven. Los op wat ze vroegen, en dien het protocol dan in bij Opgroeien (tabblad ‘Beoordeling’).");
        }
        Status::Submitted => {
            ui.label("Het protocol is ingediend; Opgroeien keurt het goed of stuurt het terug.");
        }
        Status::Approved => {
            ui.label("Goedgekeurd. Exporteer de PDF en laat ze door alle partijen ondertekenen, de een na de ander. Controleer het ondertekende PDF-bestand daarna met ‘Ondertekend PDF controleren…’: is het volledig en geldig ondertekend, dan wordt het protocol ‘Ondertekend’. Publiceer het daarna op de website van elke partij.");
        }
        Status::Signed => {
            ui.label("Ondertekend. Elke partij publiceert het protocol op haar website.");
        }
    }
}
