//! The central panel: the current step's title, introduction and form. It owns what the form
//! needs between frames: which list items are open, which field to focus, the fields shown.

use std::collections::HashMap;

use egui::{Id, RichText, Ui};

use super::commands::Command;
use super::form::{Form, Selection};
use super::history::Edit;
use super::{steps, theme};
use crate::check::Finding;
use crate::model::Step;
use crate::model::{LockedPart, Protocol};

/// The form panel's state.
pub(super) struct FormPanel {
    /// Which item of each list is open.
    pub selection: Selection,
    /// A field path to focus and scroll to (from a clicked finding), for one frame.
    pub focus: Option<String>,
    /// Field path → widget id of the fields shown in the last frame.
    pub field_ids: HashMap<String, Id>,
    /// The form field that last had the keyboard focus, with its step (for a comment on it).
    pub last_field: Option<(Step, String)>,
    /// Scroll the form back to the top (after a step change).
    pub scroll_to_top: bool,
}

impl FormPanel {
    /// The panel for a protocol just opened or made.
    pub fn new(protocol: &Protocol) -> Self {
        Self {
            selection: Selection::for_protocol(protocol),
            focus: None,
            field_ids: HashMap::new(),
            last_field: None,
            scroll_to_top: true,
        }
    }

    /// The path of the field that has the keyboard focus, if it is a form field.
    pub fn focused_field(&self, ctx: &egui::Context) -> Option<String> {
        let focused = ctx.memory(|memory| memory.focused())?;
        self.field_ids
            .iter()
            .find(|(_, id)| **id == focused)
            .map(|(path, _)| path.clone())
    }

    /// Shows `path`'s field: opens the list items the path points into and focuses it.
    pub fn focus_on(&mut self, path: String) {
        let index = |prefix: &str| {
            path.strip_prefix(prefix)
                .and_then(|rest| rest.split(']').next())
                .and_then(|number| number.parse::<usize>().ok())
        };
        if let Some(party) = index("parties[") {
            self.selection.party = party;
        }
        if let Some(flow) = index("flows[") {
            self.selection.flow = flow;
        }
        if let Some(item) = index("data_items[") {
            self.selection.data_item = item;
        }
        self.focus = Some(path);
    }

    /// The form of `step`. Returns what changed when the model changed: the field, its
    /// label, the step, and whether a list changed shape (which starts a new undo step).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        step: Step,
        protocol: &mut Protocol,
        locks: &[LockedPart],
        findings: &[Finding],
        commands: &mut Vec<Command>,
    ) -> Option<Edit> {
        ui.add_space(theme::FORM_TOP_GAP);
        ui.label(RichText::new(format!("Stap {}. {}", step.number(), step.title())).heading());
        ui.label(RichText::new(steps::intro(step)).weak());
        ui.separator();
        let mut area = egui::ScrollArea::vertical()
            .id_salt(("formulier", step))
            .auto_shrink([false, false]);
        if std::mem::take(&mut self.scroll_to_top) {
            area = area.vertical_scroll_offset(0.0);
        }
        self.field_ids.clear();
        let mut form = Form {
            locks,
            selection: &mut self.selection,
            focus: &mut self.focus,
            field_ids: &mut self.field_ids,
            changed: false,
            structural: false,
            commands: Vec::new(),
            edited: None,
            list: None,
            findings,
            names: crate::model::labels::ItemNames::of(protocol),
        };
        area.show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(theme::FORM_MAX_WIDTH + 40.0));
            steps::step_ui(step, protocol, &mut form, findings, ui);
            ui.add_space(theme::FORM_BOTTOM_GAP);
        });
        let Form {
            changed,
            structural,
            commands: asked,
            edited,
            ..
        } = form;
        commands.extend(asked);
        if let Some(path) = self.focused_field(ui.ctx()) {
            self.last_field = Some((step, path));
        }
        // A focus request lives one frame: if its field is not on this step's form (e.g. an
        // empty list), it must not steal the focus later.
        self.focus = None;
        let (path, label) = edited.unwrap_or_else(|| {
            (
                String::new(),
                format!("wijziging in stap {}", step.number()),
            )
        });
        changed.then_some(Edit {
            path,
            label,
            step: Some(step),
            structural,
        })
    }
}
