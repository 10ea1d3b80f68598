//! The bar at the bottom: previous and next step, where the user is, and the last message
//! (with "Ongedaan maken" after a removal); under the Inzendingen table, only the message.

use egui::{RichText, Ui};

use super::ProtocolApp;
use super::commands::Command;
use super::theme;
use crate::model::Step;

impl ProtocolApp {
    /// The navigation and message bar.
    pub(super) fn bottom_bar_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.add_space(theme::BAR_GAP);
        ui.horizontal(|ui| {
            // The Inzendingen table has no steps: only the message.
            if !self.is_showing_desk() {
                for (command, enabled) in [
                    (Command::Previous, self.step.previous().is_some()),
                    (Command::Next, self.step.next().is_some()),
                ] {
                    command_button_ui(ui, command, enabled, commands);
                }
                ui.label(
                    RichText::new(format!(
                        "Stap {} van {}",
                        self.step.number(),
                        Step::ALL.len()
                    ))
                    .weak(),
                );
            }
            if let Some(notice) = &self.notice {
                if !self.is_showing_desk() {
                    ui.separator();
                }
                ui.label(&notice.text);
                if notice.undo {
                    command_button_ui(ui, Command::Undo, true, commands);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text(Command::DismissNotice.tooltip())
                    .clicked()
                {
                    commands.push(Command::DismissNotice);
                }
            }
        });
        ui.add_space(theme::BAR_GAP);
    }
}

/// A button that issues `command`, with its label and tooltip.
pub(super) fn command_button_ui(
    ui: &mut Ui,
    command: Command,
    enabled: bool,
    commands: &mut Vec<Command>,
) {
    if ui
        .add_enabled(enabled, egui::Button::new(command.label()))
        .on_hover_text(command.tooltip())
        .clicked()
    {
        commands.push(command);
    }
}
