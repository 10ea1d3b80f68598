//! Step 12, Controle en export: what is still missing, and the export buttons.

use egui::{RichText, Ui};

use crate::app::bottom_bar::command_button_ui;
use crate::app::commands::Command;
use crate::app::count;
use crate::app::form::Form;
use crate::app::theme;
use crate::check::{self, Finding};
use crate::model::Protocol;

/// The check-and-export step.
pub fn export_ui(protocol: &mut Protocol, form: &mut Form, findings: &[Finding], ui: &mut Ui) {
    let _ = protocol;
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
        ui.label(format!(
            "De controle vindt nog {} en {}. Fouten moeten opgelost zijn vóór de ondertekening; waarschuwingen zijn punten waar een DPO of de toezichthouder waarschijnlijk naar vraagt. Klik op een stap om ernaartoe te gaan.",
            count(errors, "fout", "fouten"),
            count(warnings, "waarschuwing", "waarschuwingen")
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
}
