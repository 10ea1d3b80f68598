//! The building blocks of every step's form: labelled fields with a help text, read-only
//! rendering of parts the template locks, focusing a field named by a check finding, and
//! editable lists (add, duplicate, remove, move).
//!
//! Every field has a visible Dutch label that is also its accessible name (`labelled_by`),
//! so screen readers and the UI tests find it by that label.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{Id, RichText, TextEdit, Ui};

use super::commands::Command;
use super::dates;
use super::theme;
use crate::model::LockedPart;

/// Which item of each list is open in its editor, per step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The open party (Partijen, Ontvangers, …).
    pub party: usize,
    /// The open data flow.
    pub flow: usize,
    /// The open data item.
    pub data_item: usize,
}

impl Selection {
    /// The starting selection: the drafting party open (the municipality in the Opgroeien
    /// case: the party the user has to fill in), the first flow and data item.
    pub fn for_protocol(protocol: &crate::model::Protocol) -> Self {
        let party = protocol
            .drafting_party()
            .and_then(|drafting| {
                protocol
                    .parties
                    .iter()
                    .position(|party| party.id == drafting.id)
            })
            .unwrap_or(0);
        Self {
            party,
            ..Self::default()
        }
    }
}

/// What a step's form needs besides the protocol: the template's locks, what to focus,
/// and where to report changes and commands. Built by the app for every frame.
pub struct Form<'a> {
    /// The template's locked parts (a copy, so fields can be edited while locks are read).
    pub locks: &'a [LockedPart],
    /// The list items open in their editors.
    pub selection: &'a mut Selection,
    /// A field path to focus and scroll to (from a clicked finding), until it is shown.
    pub focus: &'a mut Option<String>,
    /// Field path → widget id of the fields shown this frame.
    pub field_ids: &'a mut HashMap<String, Id>,
    /// Set when any field changed the model this frame.
    pub changed: bool,
    /// Set when a list changed shape (add, remove, move): starts a new undo step.
    pub structural: bool,
    /// Commands the form asks the app to run (go to a step, status messages, …).
    pub commands: Vec<Command>,
    /// The field that changed this frame (path, label as shown), for "Ongedaan maken: …".
    pub edited: Option<(String, String)>,
    /// The list whose toolbar or add button was used this frame.
    pub list: Option<String>,
    /// The check's findings, so a field shows its own under it.
    pub findings: &'a [crate::check::Finding],
    /// The names parties and groups go by, so "Ongedaan maken: …" names the party edited.
    pub names: crate::model::labels::ItemNames,
}

impl Form<'_> {
    /// The lock that covers `path`, if any.
    pub fn lock(&self, path: &str) -> Option<&LockedPart> {
        self.locks.iter().find(|lock| covers(&lock.path, path))
    }

    /// Whether `path` is locked by the template.
    pub fn is_locked(&self, path: &str) -> bool {
        self.lock(path).is_some()
    }

    /// Whether an item at `index` or after it in the list at `list_path` is locked (so the
    /// list may not shift those items), or the list itself is.
    pub fn locked_from(&self, list_path: &str, index: usize) -> bool {
        if self.is_locked(list_path) {
            return true;
        }
        self.locks.iter().any(|lock| {
            lock.path
                .strip_prefix(list_path)
                .and_then(|rest| rest.strip_prefix('['))
                .and_then(|rest| rest.split(']').next())
                .and_then(|number| number.parse::<usize>().ok())
                .is_some_and(|locked| locked >= index)
        })
    }

    /// A section heading with an explanation under it.
    pub fn section(&mut self, ui: &mut Ui, title: &str, help: &str) {
        ui.add_space(theme::SECTION_GAP);
        ui.label(RichText::new(title).heading().size(18.0));
        if !help.is_empty() {
            help_text(ui, help);
        }
        ui.add_space(4.0);
    }

    /// A one-line text field.
    pub fn text(&mut self, ui: &mut Ui, path: &str, label: &str, help: &str, value: &mut String) {
        self.text_edit(ui, path, label, help, value, false);
    }

    /// A multi-line text field (justifications, descriptions).
    pub fn multiline(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        help: &str,
        value: &mut String,
    ) {
        self.text_edit(ui, path, label, help, value, true);
    }

    fn text_edit(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        help: &str,
        value: &mut String,
        multiline: bool,
    ) {
        ui.push_id(path, |ui| {
            let label_response = field_label(ui, label);
            if let Some(lock) = self.lock(path) {
                locked_value(ui, lock, value, label_response.id);
            } else {
                let edit = if multiline {
                    TextEdit::multiline(value).desired_rows(theme::MULTILINE_ROWS)
                } else {
                    TextEdit::singleline(value)
                };
                let response = ui
                    .add(edit.desired_width(ui.available_width().min(theme::FORM_MAX_WIDTH)))
                    .labelled_by(label_response.id);
                self.note_change(response.changed(), path, label);
                self.register(path, &response);
            }
            help_text(ui, help);
            self.findings_mark(ui, path);
        });
        ui.add_space(theme::FIELD_GAP);
    }

    /// Under a field: what the check finds about exactly this field, marked in the finding's
    /// colour, so a wrong KBO number is flagged at the number and not only in the list.
    pub fn findings_mark(&self, ui: &mut Ui, path: &str) {
        if let Some(finding) = self.findings.iter().find(|finding| finding.path == path) {
            let colour = match finding.severity {
                crate::check::Severity::Fout => ui.visuals().error_fg_color,
                crate::check::Severity::Waarschuwing => ui.visuals().warn_fg_color,
                crate::check::Severity::Info => ui.visuals().weak_text_color(),
            };
            ui.label(
                RichText::new(format!("⚠ {}", finding.message))
                    .small()
                    .color(colour),
            );
        }
    }

    /// Notes that the field at `path`, labelled `label`, changed (when `changed`).
    pub fn note_change(&mut self, changed: bool, path: &str, label: &str) {
        if changed {
            self.changed = true;
            self.edited = Some((path.to_string(), self.label_in_context(path, label)));
        }
    }

    /// `label` preceded by the party or group the field at `path` belongs to, if any:
    /// "Zonnedorp › Adres", so undoing an edit in one of seven parties says in which.
    fn label_in_context(&self, path: &str, label: &str) -> String {
        let first = path.split('.').next().unwrap_or_default();
        let Some((list, index)) = first.split_once('[') else {
            return label.to_string();
        };
        match index.trim_end_matches(']').parse::<usize>() {
            Ok(index) if path.contains('.') && matches!(list, "parties" | "groups") => {
                format!("{} › {label}", self.names.item(list, index))
            }
            _ => label.to_string(),
        }
    }

    /// A check box whose text is its label.
    pub fn checkbox(&mut self, ui: &mut Ui, path: &str, label: &str, help: &str, value: &mut bool) {
        ui.push_id(path, |ui| {
            if let Some(lock) = self.lock(path) {
                let text = format!("🔒 {label}: {}", if *value { "ja" } else { "nee" });
                ui.label(text).on_hover_text(lock_tooltip(lock));
            } else {
                let response = ui.checkbox(value, label);
                self.note_change(response.changed(), path, label);
                self.register(path, &response);
                // The help ("Vink aan …") is about the box: a locked value shows none.
                help_text(ui, help);
            }
        });
        ui.add_space(theme::FIELD_GAP);
    }

    /// A choice from a fixed list, shown as a drop-down.
    #[allow(clippy::too_many_arguments)]
    pub fn choice<T: Copy + PartialEq>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        help: &str,
        value: &mut T,
        all: &[T],
        name: impl Fn(T) -> &'static str,
    ) {
        let shown = |item: T| {
            let text = name(item);
            if text.is_empty() {
                "(nog niet gekozen)"
            } else {
                text
            }
        };
        ui.push_id(path, |ui| {
            let label_response = field_label(ui, label);
            if let Some(lock) = self.lock(path) {
                let text = shown(*value).to_string();
                locked_value(ui, lock, &text, label_response.id);
            } else {
                let before = *value;
                let response = egui::ComboBox::from_id_salt("keuze")
                    .selected_text(shown(*value))
                    .width(ui.available_width().min(360.0))
                    .show_ui(ui, |ui| {
                        for item in all {
                            ui.selectable_value(value, *item, shown(*item));
                        }
                    })
                    .response
                    .labelled_by(label_response.id);
                self.note_change(before != *value, path, label);
                self.register(path, &response);
            }
            help_text(ui, help);
            self.findings_mark(ui, path);
        });
        ui.add_space(theme::FIELD_GAP);
    }

    /// A reference to another part by its id (a group, a party), as a drop-down of
    /// `(id, name)` pairs; the empty id is offered as `none`.
    #[allow(clippy::too_many_arguments)]
    pub fn id_choice(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        help: &str,
        value: &mut String,
        choices: &[(String, String)],
        none: &str,
    ) {
        let shown = |id: &str| -> String {
            if id.trim().is_empty() {
                return none.to_string();
            }
            choices
                .iter()
                .find(|(known, _)| known == id)
                .map_or_else(|| format!("(onbekend: {id})"), |(_, name)| name.clone())
        };
        ui.push_id(path, |ui| {
            let label_response = field_label(ui, label);
            if let Some(lock) = self.lock(path) {
                let text = shown(value);
                locked_value(ui, lock, &text, label_response.id);
            } else {
                let before = value.clone();
                let response = egui::ComboBox::from_id_salt("verwijzing")
                    .selected_text(shown(value))
                    .width(ui.available_width().min(360.0))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(value, String::new(), none);
                        for (id, name) in choices {
                            ui.selectable_value(value, id.clone(), name);
                        }
                    })
                    .response
                    .labelled_by(label_response.id);
                self.note_change(before != *value, path, label);
                self.register(path, &response);
            }
            help_text(ui, help);
            self.findings_mark(ui, path);
        });
        ui.add_space(theme::FIELD_GAP);
    }

    /// A date, typed (dd-mm-jjjj) or picked in a calendar, with a button to clear it.
    pub fn date(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        help: &str,
        value: &mut Option<NaiveDate>,
    ) {
        ui.push_id(path, |ui| {
            let label_response = field_label(ui, label);
            if let Some(lock) = self.lock(path) {
                let text = value.map(crate::dutch::dutch_long).unwrap_or_default();
                locked_value(ui, lock, &text, label_response.id);
            } else {
                let output = dates::date_picker(ui, value, label_response.id);
                self.note_change(output.changed, path, label);
                self.register(path, &output.response);
            }
            help_text(ui, help);
            self.findings_mark(ui, path);
        });
        ui.add_space(theme::FIELD_GAP);
    }

    /// Remembers the field's widget and, if the app asked for it, focuses and shows it.
    pub fn register(&mut self, path: &str, response: &egui::Response) {
        self.field_ids.insert(path.to_string(), response.id);
        let wanted = self.focus.as_deref().is_some_and(|focus| {
            focus == path
                || path
                    .strip_prefix(focus)
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        });
        if wanted {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
            *self.focus = None;
        }
    }

    /// The list toolbar for one item: duplicate, remove, move up, move down. Returns the
    /// operation asked for, if any. Operations that would shift locked items are disabled.
    pub fn item_buttons(
        &mut self,
        ui: &mut Ui,
        list_path: &str,
        index: usize,
        len: usize,
        what: &str,
    ) -> Option<ListOp> {
        let mut op = None;
        ui.horizontal(|ui| {
            let fixed = self.locked_from(list_path, index);
            let after_fixed = self.locked_from(list_path, index + 1);
            let reason =
                "Dit deel ligt vast in het sjabloon en kan niet verplaatst of verwijderd worden.";
            if ui
                .add_enabled(!after_fixed, egui::Button::new("Dupliceren"))
                .on_hover_text(format!("Maak een kopie van dit {what}."))
                .on_disabled_hover_text(reason)
                .clicked()
            {
                op = Some(ListOp::Duplicate(index));
            }
            if ui
                .add_enabled(!fixed, egui::Button::new("🗑 Verwijderen"))
                .on_hover_text(format!("Verwijder dit {what}. Met Ctrl+Z zet u het terug."))
                .on_disabled_hover_text(reason)
                .clicked()
            {
                op = Some(ListOp::Remove(index));
            }
            if ui
                .add_enabled(
                    index > 0 && !self.locked_from(list_path, index - 1),
                    egui::Button::new("⬆ Omhoog"),
                )
                .on_hover_text("Eén plaats naar boven; de volgorde is die van het document.")
                .clicked()
            {
                op = Some(ListOp::MoveUp(index));
            }
            if ui
                .add_enabled(index + 1 < len && !fixed, egui::Button::new("⬇ Omlaag"))
                .on_hover_text("Eén plaats naar beneden; de volgorde is die van het document.")
                .clicked()
            {
                op = Some(ListOp::MoveDown(index));
            }
        });
        if let Some(op) = op {
            let verb = match op {
                ListOp::Duplicate(_) => "gedupliceerd",
                ListOp::Remove(_) => "verwijderd",
                ListOp::MoveUp(_) | ListOp::MoveDown(_) => "verplaatst",
            };
            self.note_list(
                list_path,
                &format!(
                    "{} {verb}",
                    crate::model::labels::path_label_named(
                        &format!("{list_path}[{index}]"),
                        &self.names
                    )
                ),
            );
        }
        op
    }

    /// Notes that the list at `list_path` changed shape, described by `label`.
    pub fn note_list(&mut self, list_path: &str, label: &str) {
        self.list = Some(list_path.to_string());
        self.edited = Some((list_path.to_string(), label.to_string()));
    }

    /// An "add" button for a list; `None` when the list is locked.
    pub fn add_button(&mut self, ui: &mut Ui, list_path: &str, text: &str) -> bool {
        if self.is_locked(list_path) {
            if let Some(lock) = self.lock(list_path) {
                ui.label(format!("🔒 {}", lock_tooltip(lock)));
            }
            return false;
        }
        let response = ui.button(text);
        // A finding about an empty list ("add at least one …") focuses this button.
        self.register(list_path, &response);
        if response.clicked() {
            let what = text.trim_start_matches(['➕', ' ']);
            self.note_list(list_path, what);
        }
        response.clicked()
    }

    /// Applies a list operation and marks the change as structural.
    pub fn apply<T: Clone>(&mut self, items: &mut Vec<T>, op: ListOp, selected: &mut usize) {
        apply_list_op(items, op, selected);
        self.changed = true;
        self.structural = true;
        if let ListOp::Remove(_) = op {
            self.commands.push(Command::Notice(
                "Verwijderd. Kies ‘Ongedaan maken’ (Ctrl+Z) om het terug te zetten.".to_string(),
            ));
        }
    }

    /// Marks that a list got a new item.
    pub fn added(&mut self) {
        self.changed = true;
        self.structural = true;
    }
}

/// What to do with an item of an editable list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListOp {
    /// Insert a copy right after the item.
    Duplicate(usize),
    /// Remove the item.
    Remove(usize),
    /// Swap with the item before.
    MoveUp(usize),
    /// Swap with the item after.
    MoveDown(usize),
}

/// Applies `op` to `items` and keeps `selected` on the same (or the new) item.
pub fn apply_list_op<T: Clone>(items: &mut Vec<T>, op: ListOp, selected: &mut usize) {
    match op {
        ListOp::Duplicate(index) => {
            if let Some(item) = items.get(index).cloned() {
                items.insert(index + 1, item);
                *selected = index + 1;
            }
        }
        ListOp::Remove(index) => {
            if index < items.len() {
                items.remove(index);
                *selected = index.min(items.len().saturating_sub(1));
            }
        }
        ListOp::MoveUp(index) => {
            if index > 0 && index < items.len() {
                items.swap(index, index - 1);
                *selected = index - 1;
            }
        }
        ListOp::MoveDown(index) => {
            if index + 1 < items.len() {
                items.swap(index, index + 1);
                *selected = index + 1;
            }
        }
    }
}

/// Whether a lock on `lock` covers `path` (the same rule as `template::is_locked`).
fn covers(lock: &str, path: &str) -> bool {
    match path.strip_prefix(lock) {
        Some("") => true,
        Some(rest) => rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// The tooltip of a locked part: who fixed it and why.
pub fn lock_tooltip(lock: &LockedPart) -> String {
    format!("Vastgelegd door {}: {}", lock.by, lock.reason)
}

/// A field's label, bold.
pub fn field_label(ui: &mut Ui, label: &str) -> egui::Response {
    ui.label(RichText::new(label).strong())
}

/// The help text under a field: what it is for, an example, what the reviewer looks for.
pub fn help_text(ui: &mut Ui, help: &str) {
    if !help.is_empty() {
        ui.label(RichText::new(help).small().weak());
    }
}

/// A locked value: the text, read-only, with a lock and the reason in a tooltip.
fn locked_value(ui: &mut Ui, lock: &LockedPart, value: &str, label_id: Id) {
    ui.horizontal_top(|ui| {
        ui.label("🔒").on_hover_text(lock_tooltip(lock));
        let shown = if value.trim().is_empty() {
            "(leeg)".to_string()
        } else {
            value.to_string()
        };
        let width = ui.available_width().min(theme::FORM_MAX_WIDTH - 30.0);
        let response = ui
            .vertical(|ui| {
                ui.set_max_width(width);
                ui.add(egui::Label::new(shown).wrap())
                    .on_hover_text(lock_tooltip(lock))
            })
            .inner;
        let _ = response.labelled_by(label_id);
    });
}
