//! The left panel: the wizard's steps, each with its check badge ("2 fouten", "✔").

use egui::{Color32, RichText, Ui, Visuals};

use super::commands::Command;
use super::{ProtocolApp, count, theme};
use crate::check::StepSummary;
use crate::model::Protocol;
use crate::model::Step;

impl ProtocolApp {
    /// The steps and their badges.
    pub(super) fn steps_panel_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.add_space(theme::STEPS_TOP_GAP);
        ui.label(RichText::new("Stappen").heading());
        ui.add_space(theme::SMALL_GAP);
        // The last step, "Controle en export", shows the state of the whole protocol: it is not
        // complete while any other step still has errors.
        let total =
            self.derived
                .summary
                .iter()
                .fold(StepSummary::default(), |mut total, (_, summary)| {
                    total.errors += summary.errors;
                    total.warnings += summary.warnings;
                    total.infos += summary.infos;
                    total
                });
        for (step, summary) in &self.derived.summary {
            let shown = if *step == Step::Export {
                &total
            } else {
                summary
            };
            let (badge, colour) = badge(*step, shown, ui.visuals(), &self.protocol);
            ui.horizontal(|ui| {
                let go_to = Command::GoTo(*step);
                let response = ui
                    .selectable_label(*step == self.step, go_to.label())
                    .on_hover_text(format!("{} — {badge}", step.title()));
                if response.clicked() {
                    commands.push(go_to);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(badge).color(colour).small());
                });
            });
        }
    }
}

/// A step's badge text and colour.
fn badge(
    step: Step,
    summary: &StepSummary,
    visuals: &Visuals,
    protocol: &Protocol,
) -> (String, Color32) {
    if step == Step::Municipal && protocol.municipal.is_none() {
        return (
            "n.v.t.".to_string(),
            theme::ok_colour(visuals).gamma_multiply(0.7),
        );
    }
    if summary.errors > 0 {
        (
            count(summary.errors, "fout", "fouten"),
            visuals.error_fg_color,
        )
    } else if summary.warnings > 0 {
        (
            count(summary.warnings, "waarschuwing", "waarschuwingen"),
            visuals.warn_fg_color,
        )
    } else {
        ("✔".to_string(), theme::ok_colour(visuals))
    }
}
