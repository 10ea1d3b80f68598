//! The bar on top: the menus (built from the command table), the file's name and whether it
//! is saved, what the check finds, the document's status, and "Bezig…" while the worker works.

use egui::{RichText, Ui};

use super::commands::{Command, Menu};
use super::{ProtocolApp, findings_in_words, theme};

impl ProtocolApp {
    /// The menu and status bar.
    pub(super) fn top_bar_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(menu.title(), |ui| self.menu_ui(ui, menu, commands));
            }
            ui.separator();
            if self.is_showing_desk() {
                ui.label(RichText::new("Inzendingen").strong());
            } else {
                if self.desk.is_some()
                    && ui
                        .button("◀ Inzendingen")
                        .on_hover_text(Command::ShowDesk.tooltip())
                        .clicked()
                {
                    commands.push(Command::ShowDesk);
                }
                self.file_status_ui(ui);
                ui.separator();
                self.check_status_ui(ui);
            }
            if self.worker.running > 0 {
                ui.spinner();
                ui.label("Bezig…");
            }
        });
    }

    /// One menu: its commands in table order, a separator between groups, the recent files
    /// after the first group of "Bestand".
    fn menu_ui(&self, ui: &mut Ui, menu: Menu, commands: &mut Vec<Command>) {
        let mut last_group = None;
        for command in Command::FIXED {
            let Some((in_menu, group)) = command.menu() else {
                continue;
            };
            if in_menu != menu {
                continue;
            }
            if let Some(last) = last_group
                && last != group
            {
                if menu == Menu::File && last == 0 {
                    self.recent_files_ui(ui, commands);
                }
                ui.separator();
            }
            last_group = Some(group);
            if *command == Command::ToggleDark {
                let mut dark = self.settings.current.dark;
                if ui
                    .checkbox(&mut dark, command.label())
                    .on_hover_text(command.tooltip())
                    .changed()
                {
                    commands.push(Command::ToggleDark);
                }
                continue;
            }
            let label = match command {
                Command::Undo => self
                    .history
                    .undo_label()
                    .map(|what| format!("Ongedaan maken: {what}")),
                Command::Redo => self
                    .history
                    .redo_label()
                    .map(|what| format!("Opnieuw: {what}")),
                _ => None,
            };
            menu_item_ui(ui, command, label, self.enabled(command), commands);
        }
    }

    fn recent_files_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.menu_button("Recente bestanden", |ui| {
            let recent = &self.settings.current.recent;
            if recent.is_empty() {
                ui.label("(nog geen)");
            }
            for path in recent {
                menu_item_ui(ui, &Command::OpenRecent(path.clone()), None, true, commands);
            }
        });
    }

    /// Whether a command can run now (undo and redo need something to undo or redo).
    fn enabled(&self, command: &Command) -> bool {
        match command {
            Command::Undo => self.history.can_undo(),
            Command::Redo => self.history.can_redo(),
            Command::Next => self.step.next().is_some(),
            Command::ShowDesk => self.desk.is_some() && !self.is_showing_desk(),
            Command::Previous => self.step.previous().is_some(),
            // A college decision belongs to the Opgroeien case of a local government.
            Command::ExportBesluitDocx | Command::ExportBesluitPdf => {
                crate::document::besluit::applies(&self.protocol)
            }
            // An addendum is made from a signed protocol (Beoordeling).
            Command::ExportAddendumDocx | Command::ExportAddendumPdf => {
                crate::document::addendum::applies(&self.protocol)
            }
            _ => true,
        }
    }

    fn file_status_ui(&self, ui: &mut Ui) {
        let name = match &self.path {
            Some(path) => path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => "Nog zonder bestand".to_string(),
        };
        let file_label = if self.is_dirty() {
            format!("• {name}")
        } else {
            name
        };
        let response = ui.label(RichText::new(file_label).strong());
        if let Some(path) = &self.path {
            response.on_hover_text(path.display().to_string());
        }
        if self.is_dirty() {
            ui.label(RichText::new("niet opgeslagen").weak())
                .on_hover_text("Er zijn wijzigingen die nog niet opgeslagen zijn (Ctrl+S).");
        }
    }

    fn check_status_ui(&self, ui: &mut Ui) {
        let errors: usize = self.derived.summary.iter().map(|(_, s)| s.errors).sum();
        let warnings: usize = self.derived.summary.iter().map(|(_, s)| s.warnings).sum();
        let infos: usize = self.derived.summary.iter().map(|(_, s)| s.infos).sum();
        let visuals = ui.visuals();
        // The same count as "Controle (N)": every finding, info included.
        let found = findings_in_words(errors, warnings, infos);
        let status = if errors == 0 && warnings == 0 {
            let text = if infos == 0 {
                "✔ Geen problemen gevonden".to_string()
            } else {
                format!("✔ Geen problemen ({found})")
            };
            RichText::new(text).color(theme::ok_colour(visuals))
        } else if errors > 0 {
            RichText::new(format!("Controle: {found}")).color(visuals.error_fg_color)
        } else {
            RichText::new(format!("Geen fouten: {found}")).color(visuals.warn_fg_color)
        };
        ui.label(status);
        if !self.derived.document_status.is_empty() {
            ui.separator();
            let text = format!("Document: {}", self.derived.document_status);
            let label = if self.derived.document_draft {
                RichText::new(text).weak()
            } else {
                RichText::new(text).color(theme::ok_colour(ui.visuals()))
            };
            // On a narrow window the line ends in "…" instead of running past the edge; the
            // whole text is in the tooltip.
            let whole = format!("Document: {}", self.derived.document_status);
            ui.add(egui::Label::new(label).truncate()).on_hover_text(format!(
                "{whole}\n\nZo staat de status in de kop van het geëxporteerde document. Zolang \
                 er fouten zijn of de goedkeuring ontbreekt, draagt het het opschrift ONTWERP."
            ));
        }
    }
}

/// A menu entry: the command's label (or `label`, e.g. "Ongedaan maken: Plaats"), its
/// shortcut on this platform and its tooltip.
fn menu_item_ui(
    ui: &mut Ui,
    command: &Command,
    label: Option<String>,
    enabled: bool,
    commands: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(label.unwrap_or_else(|| command.label()));
    if let Some(shortcut) = command.shortcuts(ui.ctx().os()).first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let response = ui.add_enabled(enabled, button);
    let tooltip = command.tooltip();
    let response = if tooltip.is_empty() {
        response
    } else {
        response.on_hover_text(tooltip)
    };
    if response.clicked() {
        commands.push(command.clone());
        ui.close();
    }
}
