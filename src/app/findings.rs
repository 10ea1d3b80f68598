//! The "Controle" tab: the check's findings, grouped by step, each a link to its field. A
//! virtual list, so a protocol with hundreds of findings stays fast.

use egui::{RichText, Ui};

use super::commands::Command;
use super::{theme, virtual_list};
use crate::check::{Finding, Severity};
use crate::model::Step;

/// The findings list's state.
#[derive(Default)]
pub(super) struct FindingsPanel {
    heights: virtual_list::Heights,
    /// Show only the findings of the current step.
    this_step_only: bool,
    /// The step the heights were measured for while only its findings are shown.
    heights_step: Option<Step>,
    /// Scroll the list to the current step's findings (after a step change).
    scroll: bool,
}

impl FindingsPanel {
    /// The findings changed: the measured heights no longer apply.
    pub fn reset_heights(&mut self) {
        self.heights.reset();
    }

    /// Scrolls to the current step's findings in the next frame.
    pub fn scroll_to_step(&mut self) {
        self.scroll = true;
    }

    /// The list of `findings`; `current` is the step shown.
    pub fn ui(&mut self, ui: &mut Ui, all: &[Finding], current: Step, commands: &mut Vec<Command>) {
        if ui
            .checkbox(&mut self.this_step_only, "Alleen deze stap")
            .on_hover_text("Toon alleen wat de controle vindt in de huidige stap.")
            .changed()
        {
            self.heights.reset();
        }
        let this_step_only = self.this_step_only;
        // The list changes with the step: heights of other rows do not apply.
        if this_step_only && self.heights_step != Some(current) {
            self.heights.reset();
            self.heights_step = Some(current);
        }
        let findings: Vec<&Finding> = all
            .iter()
            .filter(|finding| !this_step_only || finding.step == current)
            .collect();
        if findings.is_empty() {
            if this_step_only && !all.is_empty() {
                ui.label("In deze stap vindt de controle niets meer.");
                return;
            }
            ui.label(
                RichText::new("✔ De controle vindt niets meer. Het protocol is volledig.")
                    .color(theme::ok_colour(ui.visuals())),
            );
            return;
        }
        let scroll_to = std::mem::take(&mut self.scroll)
            .then(|| findings.iter().position(|finding| finding.step == current))
            .flatten();
        virtual_list::show(
            ui,
            "bevindingen",
            &mut self.heights,
            findings.len(),
            theme::FINDING_HEIGHT_ESTIMATE,
            scroll_to,
            |ui, index| {
                let Some(finding) = findings.get(index).copied() else {
                    return;
                };
                let first_of_step = index == 0
                    || findings
                        .get(index - 1)
                        .is_some_and(|previous| previous.step != finding.step);
                finding_ui(ui, finding, first_of_step, current, commands);
            },
        );
    }
}

/// One finding, under its step's title when it is the step's first.
fn finding_ui(
    ui: &mut Ui,
    finding: &Finding,
    first_of_step: bool,
    current: Step,
    commands: &mut Vec<Command>,
) {
    let (icon, colour) = match finding.severity {
        Severity::Fout => ("⛔", ui.visuals().error_fg_color),
        Severity::Waarschuwing => ("⚠", ui.visuals().warn_fg_color),
        Severity::Info => ("ℹ", ui.visuals().text_color()),
    };
    if first_of_step {
        let mut title = RichText::new(format!(
            "{}. {}",
            finding.step.number(),
            finding.step.title()
        ))
        .strong();
        if finding.step == current {
            title = title.underline();
        }
        ui.label(title);
    }
    let text = RichText::new(format!("{icon} {}", finding.message)).color(colour);
    let response = ui
        .add(egui::Button::new(text).wrap().frame(false))
        .on_hover_text(format!(
            "{} · regel {} · klik om naar het veld te gaan",
            finding.severity.label(),
            finding.rule
        ));
    if response.clicked() {
        commands.push(Command::Focus(finding.step, finding.path.clone()));
    }
    // What the rule enforces, so the user sees why it matters (and a DPO can cite it).
    let ground = finding.ground();
    if !ground.is_empty() {
        ui.label(RichText::new(format!("Grond: {ground}")).small().weak());
    }
}
