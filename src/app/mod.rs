//! The egui app: the wizard an official fills the protocol in with. It edits the model and
//! asks for commands; it never formats a document or touches a file itself.
//!
//! Layout: a menu and status bar on top, the steps with their check badges on the left, the
//! current step's form in the centre, and on the right the check's findings ("Controle"),
//! the live document preview ("Voorbeeld") or the review of the protocol ("Beoordeling"). The check and the document are recomputed only
//! when the model changes (a generation counter), never every frame.

pub mod commands;
mod dates;
mod form;
mod history;
mod preview;
mod review_panel;
mod settings;
mod steps;
pub mod theme;
mod virtual_list;

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Id, RichText, Ui};

use crate::check::{self, Finding, Severity, StepSummary};
use crate::model::Step;
use crate::model::{LockedPart, Protocol};
use crate::template;

pub use commands::{Command, Format, Pending};
pub use form::{ListOp, Selection, apply_list_op};
pub use settings::Settings;

use form::Form;
use history::History;

/// How often the recovery file is written while there are unsaved changes (seconds).
const AUTOSAVE_SECONDS: f64 = 30.0;

/// The right panel's views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    /// The check's findings.
    Check,
    /// The live document preview.
    Preview,
    /// Who the user is, the status, verdicts and review comments.
    Review,
}

/// The application icon at the size window managers ask for (assets/icon, made from the SVG by
/// scripts/make-icons.sh).
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icon/protocolwijzer-64.png");

/// The licence of the embedded fonts, shown in "Over Protocolwijzer" (the OFL asks that it go
/// with every copy; the Windows build is a single file).
const FONT_LICENCE: &str = include_str!("../../assets/fonts/LICENSE-LiberationSans.txt");

/// A modal dialog waiting for the user.
#[derive(Clone, Debug)]
enum Dialog {
    /// Choose the template of a new protocol.
    ChooseTemplate,
    /// There are unsaved changes; save them before doing `Pending`?
    Unsaved(Pending),
    /// A recovery file from an earlier session exists.
    Restore(Box<settings::Recovery>),
    /// Exporting a draft that still has errors.
    ConfirmDraftExport {
        format: Format,
        errors: usize,
        path: Option<PathBuf>,
    },
    /// An export is done.
    Exported { path: PathBuf, format: Format },
    /// Something went wrong; the text says what and what to do.
    Error(String),
    /// The version, the commit it was built from, and the licences of what is shipped inside.
    About,
}

/// A message in the status bar.
#[derive(Clone, Debug)]
struct Notice {
    text: String,
    /// Offer "Ongedaan maken" next to it.
    undo: bool,
}

impl Notice {
    fn info(text: &str) -> Self {
        Self {
            text: text.to_string(),
            undo: false,
        }
    }

    fn undoable(text: String) -> Self {
        Self { text, undo: true }
    }
}

/// What is computed from the model: the findings, the badges, the preview.
#[derive(Default)]
struct Derived {
    generation: Option<u64>,
    findings: Vec<Finding>,
    summary: Vec<(Step, StepSummary)>,
    locks: Vec<LockedPart>,
    preview: preview::Preview,
    /// The generation the preview was built for; it is rebuilt only while it is shown.
    preview_generation: Option<u64>,
    /// The document's status as the export would print it ("Ontwerp", …).
    document_status: String,
    /// Whether the export would carry the ONTWERP mark.
    document_draft: bool,
}

/// The running app.
pub struct ProtocolApp {
    protocol: Protocol,
    path: Option<PathBuf>,
    settings: Settings,
    step: Step,
    selection: Selection,
    focus: Option<String>,
    field_ids: HashMap<String, Id>,
    /// The form field that last had the keyboard focus, with its step (for a comment on it).
    last_field: Option<(Step, String)>,
    /// Another protocol file the content is compared with ("Wijzigingen").
    comparison: Option<review_panel::Comparison>,
    history: History,
    /// Bumped at every change of the model.
    generation: u64,
    saved_generation: u64,
    autosaved_generation: u64,
    last_autosave: Option<f64>,
    derived: Derived,
    side_tab: SideTab,
    review_draft: review_panel::ReviewDraft,
    dialog: Option<Dialog>,
    /// A dialog that waits until the current one is closed (the restore offer behind an
    /// opening error at start-up).
    queued_dialog: Option<Dialog>,
    notice: Option<Notice>,
    worker: commands::Worker,
    allow_close: bool,
    applied_dark: Option<bool>,
    sent_title: String,
    scroll_form_to_top: bool,
    /// Frames during which the preview keeps scrolling to the current step (block heights
    /// are measured as they are shown, so the first jump may land a little off).
    preview_scroll_frames: u8,
    findings_heights: virtual_list::Heights,
    /// Show only the findings of the current step.
    findings_this_step: bool,
    findings_heights_step: Option<Step>,
    /// Scroll the findings list to the current step's findings (after a step change).
    findings_scroll: bool,
    /// Measurement mode (`PROTOCOLWIJZER_MEET=1`): report the first frame, close after 3 s.
    measure: Option<Measure>,
}

/// For the start-up and memory figures: when the first frame was drawn.
struct Measure {
    frames: u32,
}

impl ProtocolApp {
    /// Shows why a file given at start-up could not be opened, before any other dialog (the
    /// restore offer waits behind it).
    pub fn show_opening_error(&mut self, reason: &str) {
        self.queued_dialog = self.dialog.take();
        self.dialog = Some(Dialog::Error(commands::opening_error_text(reason)));
    }

    /// An app showing `protocol`, read from `path` (or new, when `None`), keeping recent
    /// files and the recovery file in `settings_dir`. If a recovery file from an earlier
    /// session is there, the app offers to restore it.
    pub fn new(protocol: Protocol, path: Option<PathBuf>, settings_dir: PathBuf) -> Self {
        let settings = Settings::load(settings_dir);
        let dialog = settings
            .read_recovery()
            .map(|recovery| Dialog::Restore(Box::new(recovery)));
        let mut app = Self {
            history: History::new(&protocol),
            protocol,
            path,
            settings,
            step: Step::Parties,
            selection: Selection::default(),
            focus: None,
            field_ids: HashMap::new(),
            last_field: None,
            comparison: None,
            generation: 0,
            saved_generation: 0,
            autosaved_generation: 0,
            last_autosave: None,
            derived: Derived::default(),
            side_tab: SideTab::Check,
            review_draft: review_panel::ReviewDraft::default(),
            dialog,
            queued_dialog: None,
            notice: None,
            worker: commands::Worker::default(),
            allow_close: false,
            applied_dark: None,
            sent_title: String::new(),
            scroll_form_to_top: false,
            preview_scroll_frames: 3,
            findings_heights: virtual_list::Heights::default(),
            findings_this_step: false,
            findings_heights_step: None,
            findings_scroll: false,
            measure: None,
        };
        if let Some(path) = app.path.clone() {
            app.settings.add_recent(&path);
        }
        app.selection = Selection::for_protocol(&app.protocol);
        app.refresh_derived();
        app
    }

    /// The protocol being edited.
    pub fn protocol(&self) -> &Protocol {
        &self.protocol
    }

    /// The protocol being edited, for changes from outside the UI (tests, benchmarks).
    /// Call [`Self::touch`] after changing it.
    pub fn protocol_mut(&mut self) -> &mut Protocol {
        &mut self.protocol
    }

    /// Records a change made through [`Self::protocol_mut`].
    pub fn touch(&mut self) {
        self.generation += 1;
        self.history.record(&self.protocol, f64::MAX / 2.0, true);
    }

    /// The file the protocol was read from or saved to.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The step shown.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The findings of the last check.
    pub fn findings(&self) -> &[Finding] {
        &self.derived.findings
    }

    /// Whether there are changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// Shows `step`.
    pub fn set_step(&mut self, step: Step) {
        self.go_to(step);
    }

    /// Switches the right panel.
    pub fn set_side_tab(&mut self, tab: SideTab) {
        self.side_tab = tab;
        self.preview_scroll_frames = 3;
    }

    /// Which item of each list is open.
    pub fn selection_mut(&mut self) -> &mut Selection {
        &mut self.selection
    }

    /// The widget ids of the fields shown in the last frame, by field path.
    pub fn field_id(&self, path: &str) -> Option<Id> {
        self.field_ids.get(path).copied()
    }

    /// The path of the field that has the keyboard focus, if it is a form field.
    pub fn focused_field(&self, ctx: &egui::Context) -> Option<String> {
        let focused = ctx.memory(|memory| memory.focused())?;
        self.field_ids
            .iter()
            .find(|(_, id)| **id == focused)
            .map(|(path, _)| path.clone())
    }

    /// The title for the window: file name, unsaved mark, app name.
    pub fn window_title(&self) -> String {
        let name = match &self.path {
            Some(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            None => "Nieuw protocol".to_string(),
        };
        let mark = if self.is_dirty() { "• " } else { "" };
        format!("{mark}{name} – Protocolwijzer")
    }

    fn go_to(&mut self, step: Step) {
        if self.step != step {
            self.step = step;
            self.findings_scroll = true;
            self.scroll_form_to_top = true;
            self.preview_scroll_frames = 3;
        }
    }

    /// Opens the list items a field path points into, so the field is shown.
    fn select_for_path(&mut self, path: &str) {
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
    }

    /// After undo/redo: the model was replaced wholesale.
    fn model_replaced(&mut self) {
        self.generation += 1;
        self.notice = None;
    }

    /// Shows another protocol (new or opened): history, selection and state start afresh.
    fn replace_document(&mut self, protocol: Protocol, path: Option<PathBuf>) {
        self.history = History::new(&protocol);
        self.protocol = protocol;
        self.path = path;
        self.generation += 1;
        self.saved_generation = self.generation;
        self.autosaved_generation = self.generation;
        self.selection = Selection::for_protocol(&self.protocol);
        self.focus = None;
        self.last_field = None;
        self.step = Step::Parties;
        self.scroll_form_to_top = true;
        self.preview_scroll_frames = 3;
        self.settings.delete_recovery();
    }

    /// Recomputes the check, the badges and the preview if the model changed.
    fn refresh_derived(&mut self) {
        if self.derived.generation == Some(self.generation) {
            return;
        }
        let findings = check::check(&self.protocol, &check::Context::today());
        self.derived.summary = check::summary(&findings);
        let status = crate::pipeline::options(&self.protocol, &findings).status;
        self.derived.document_status = status.label();
        self.derived.document_draft = status.is_draft();
        self.derived.findings = findings;
        self.derived.locks = self.protocol.template.locked.clone();
        self.derived.generation = Some(self.generation);
        self.findings_heights.reset();
    }

    /// The whole UI for one frame. `App::ui` calls this; tests and benchmarks may too.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        while let Some(done) = self.worker.poll() {
            self.finish(&ctx, done);
        }
        self.shortcuts(&ctx);
        self.handle_close_request(&ctx);
        self.refresh_derived();
        self.autosave_tick(&ctx);
        if self.applied_dark != Some(self.settings.dark) {
            theme::apply(&ctx, self.settings.dark);
            self.applied_dark = Some(self.settings.dark);
        }

        let mut commands = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| self.top_bar(ui, &mut commands));
        egui::Panel::bottom("navigatie").show(ui, |ui| self.bottom_bar(ui, &mut commands));
        egui::Panel::left("stappen")
            .resizable(false)
            .exact_size(theme::STEPS_PANEL_WIDTH)
            .show(ui, |ui| self.steps_panel(ui, &mut commands));
        egui::Panel::right("controle")
            .resizable(true)
            .default_size(theme::SIDE_PANEL_WIDTH)
            .min_size(260.0)
            .show(ui, |ui| self.side_panel(ui, &mut commands));
        egui::CentralPanel::default().show(ui, |ui| self.form_panel(ui, &mut commands));
        self.dialogs(&ctx, &mut commands);

        for command in commands {
            self.run_command(&ctx, command);
        }
        if let Some(measure) = &mut self.measure {
            measure.frames += 1;
            if measure.frames == 1 {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0.0, |since| since.as_secs_f64());
                eprintln!("eerste frame: {now:.3}");
            }
            let elapsed = ctx.input(|input| input.time);
            if elapsed > 3.0 {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            ctx.request_repaint();
        }
        let title = self.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let mut asked = None;
        ctx.input_mut(|input| {
            for command in Command::WITH_SHORTCUTS {
                if let Some(shortcut) = command.shortcut()
                    && input.consume_shortcut(&shortcut)
                {
                    asked = Some(command);
                    break;
                }
            }
        });
        if let Some(command) = asked {
            self.run_command(ctx, command);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|input| input.viewport().close_requested()) {
            return;
        }
        if self.allow_close {
            return;
        }
        if self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Pending::Close));
        } else {
            self.settings.delete_recovery();
        }
    }

    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        let last = *self.last_autosave.get_or_insert(now);
        if now - last >= AUTOSAVE_SECONDS {
            self.last_autosave = Some(now);
            if self.is_dirty() && self.autosaved_generation != self.generation {
                self.autosave(ctx);
            }
        }
        if self.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS));
        }
    }

    fn top_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Bestand", |ui| {
                for command in [Command::New, Command::Open, Command::Save, Command::SaveAs] {
                    menu_item(ui, &command, true, commands);
                }
                ui.menu_button("Recente bestanden", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("(nog geen)");
                    }
                    for path in &self.settings.recent {
                        menu_item(ui, &Command::OpenRecent(path.clone()), true, commands);
                    }
                });
                ui.separator();
                menu_item(ui, &Command::ExportDocx, true, commands);
                menu_item(ui, &Command::ExportPdf, true, commands);
                ui.separator();
                menu_item(ui, &Command::ExportReportDocx, true, commands);
                menu_item(ui, &Command::ExportReportPdf, true, commands);
                ui.separator();
                menu_item(ui, &Command::Quit, true, commands);
            });
            ui.menu_button("Bewerken", |ui| {
                menu_item(ui, &Command::Undo, self.history.can_undo(), commands);
                menu_item(ui, &Command::Redo, self.history.can_redo(), commands);
            });
            ui.menu_button("Beeld", |ui| {
                let mut dark = self.settings.dark;
                if ui
                    .checkbox(&mut dark, "Donker thema")
                    .on_hover_text(Command::ToggleDark.tooltip())
                    .changed()
                {
                    commands.push(Command::ToggleDark);
                }
                ui.separator();
                if ui.button("Controle tonen").clicked() {
                    self.set_side_tab(SideTab::Check);
                    ui.close();
                }
                if ui.button("Voorbeeld tonen").clicked() {
                    self.set_side_tab(SideTab::Preview);
                    ui.close();
                }
                ui.separator();
                if ui.button("Over Protocolwijzer…").clicked() {
                    self.dialog = Some(Dialog::About);
                    ui.close();
                }
            });
            ui.separator();
            let name = match &self.path {
                Some(path) => path
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                None => "Nieuw protocol (nog niet opgeslagen)".to_string(),
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
            ui.separator();
            let errors: usize = self.derived.summary.iter().map(|(_, s)| s.errors).sum();
            let warnings: usize = self.derived.summary.iter().map(|(_, s)| s.warnings).sum();
            let dark = self.settings.dark;
            let status = if errors == 0 && warnings == 0 {
                RichText::new("✔ Geen problemen gevonden").color(theme::ok_colour(dark))
            } else if errors > 0 {
                RichText::new(format!(
                    "Ontwerp: {} en {}",
                    count(errors, "fout", "fouten"),
                    count(warnings, "waarschuwing", "waarschuwingen")
                ))
                .color(theme::error_colour(dark))
            } else {
                RichText::new(format!(
                    "Geen fouten, {}",
                    count(warnings, "waarschuwing", "waarschuwingen")
                ))
                .color(theme::warning_colour(dark))
            };
            ui.label(status);
            if !self.derived.document_status.is_empty() {
                ui.separator();
                let text = format!("Document: {}", self.derived.document_status);
                let label = if self.derived.document_draft {
                    RichText::new(text).weak()
                } else {
                    RichText::new(text).color(theme::ok_colour(dark))
                };
                ui.label(label).on_hover_text(
                    "Zo staat de status in de kop van het geëxporteerde document. Zolang er \
                     fouten zijn of de goedkeuring ontbreekt, draagt het het opschrift ONTWERP.",
                );
            }
            if self.worker.running > 0 {
                ui.spinner();
                ui.label("Bezig…");
            }
        });
    }

    fn bottom_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let previous = self.step.previous();
            if ui
                .add_enabled(previous.is_some(), egui::Button::new("◀ Vorige"))
                .on_hover_text(Command::Previous.tooltip())
                .clicked()
            {
                commands.push(Command::Previous);
            }
            let next = self.step.next();
            if ui
                .add_enabled(next.is_some(), egui::Button::new("Volgende ▶"))
                .on_hover_text(Command::Next.tooltip())
                .clicked()
            {
                commands.push(Command::Next);
            }
            ui.label(
                RichText::new(format!(
                    "Stap {} van {}",
                    self.step.number(),
                    Step::ALL.len()
                ))
                .weak(),
            );
            if let Some(notice) = self.notice.clone() {
                ui.separator();
                ui.label(&notice.text);
                if notice.undo && ui.button("Ongedaan maken").clicked() {
                    commands.push(Command::Undo);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text("Bericht sluiten")
                    .clicked()
                {
                    self.notice = None;
                }
            }
        });
        ui.add_space(4.0);
    }

    fn steps_panel(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.add_space(8.0);
        ui.label(RichText::new("Stappen").heading());
        ui.add_space(6.0);
        let dark = self.settings.dark;
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
            let (badge, colour) = badge(*step, shown, dark, &self.protocol);
            ui.horizontal(|ui| {
                let selected = *step == self.step;
                let response = ui
                    .selectable_label(selected, format!("{}. {}", step.number(), step.title()))
                    .on_hover_text(format!("{} — {badge}", step.title()));
                if response.clicked() {
                    commands.push(Command::GoTo(*step));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(badge).color(colour).small());
                });
            });
        }
    }

    fn side_panel(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let errors: usize = self.derived.summary.iter().map(|(_, s)| s.errors).sum();
            if ui
                .selectable_label(
                    self.side_tab == SideTab::Check,
                    format!("Controle ({})", self.derived.findings.len()),
                )
                .on_hover_text(format!(
                    "Wat de controle vindt: {}. Klik op een bevinding om naar het veld te gaan.",
                    count(errors, "fout", "fouten")
                ))
                .clicked()
            {
                self.set_side_tab(SideTab::Check);
            }
            if ui
                .selectable_label(self.side_tab == SideTab::Preview, "Voorbeeld")
                .on_hover_text("Het document zoals het geëxporteerd wordt, bij de huidige stap.")
                .clicked()
            {
                self.set_side_tab(SideTab::Preview);
            }
            let open = crate::review::open_comments(&self.protocol).count();
            if ui
                .selectable_label(self.side_tab == SideTab::Review, "Beoordeling")
                .on_hover_text(format!(
                    "Status, oordeel en opmerkingen; {} open.",
                    count(open, "opmerking", "opmerkingen")
                ))
                .clicked()
            {
                self.set_side_tab(SideTab::Review);
            }
        });
        ui.separator();
        match self.side_tab {
            SideTab::Check => self.findings_ui(ui, commands),
            SideTab::Review => self.review_ui(ui),
            SideTab::Preview => {
                let scroll = self.preview_scroll_frames > 0;
                self.preview_scroll_frames = self.preview_scroll_frames.saturating_sub(1);
                let dark = self.settings.dark;
                if self.derived.preview_generation != Some(self.generation) {
                    self.derived
                        .preview
                        .rebuild(&self.protocol, &self.derived.findings);
                    self.derived.preview_generation = Some(self.generation);
                }
                self.derived
                    .preview
                    .ui(ui, scroll.then_some(self.step), dark);
            }
        }
    }

    fn findings_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if ui
            .checkbox(&mut self.findings_this_step, "Alleen deze stap")
            .on_hover_text("Toon alleen wat de controle vindt in de huidige stap.")
            .changed()
        {
            self.findings_heights.reset();
        }
        let current = self.step;
        let this_step_only = self.findings_this_step;
        if this_step_only && self.derived.generation.is_some() {
            // The list changes with the step: heights of other rows do not apply.
            if self.findings_heights_step != Some(current) {
                self.findings_heights.reset();
                self.findings_heights_step = Some(current);
            }
        }
        let findings: Vec<&Finding> = self
            .derived
            .findings
            .iter()
            .filter(|finding| !this_step_only || finding.step == current)
            .collect();
        if findings.is_empty() {
            if this_step_only && !self.derived.findings.is_empty() {
                ui.label("In deze stap vindt de controle niets meer.");
                return;
            }
            ui.label(
                RichText::new("✔ De controle vindt niets meer. Het protocol is volledig.")
                    .color(theme::ok_colour(self.settings.dark)),
            );
            return;
        }
        let dark = self.settings.dark;
        let scroll_to = std::mem::take(&mut self.findings_scroll)
            .then(|| findings.iter().position(|finding| finding.step == current))
            .flatten();
        virtual_list::show(
            ui,
            "bevindingen",
            &mut self.findings_heights,
            findings.len(),
            60.0,
            scroll_to,
            |ui, index| {
                let Some(finding) = findings.get(index).copied() else {
                    return;
                };
                let (icon, colour) = match finding.severity {
                    Severity::Fout => ("⛔", theme::error_colour(dark)),
                    Severity::Waarschuwing => ("⚠", theme::warning_colour(dark)),
                    Severity::Info => ("ℹ", ui.visuals().text_color()),
                };
                let first_of_step = index == 0
                    || findings
                        .get(index - 1)
                        .is_some_and(|previous| previous.step != finding.step);
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
            },
        );
    }

    fn form_panel(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!(
                "Stap {}. {}",
                self.step.number(),
                self.step.title()
            ))
            .heading(),
        );
        ui.label(RichText::new(steps::intro(self.step)).weak());
        ui.separator();
        let mut area = egui::ScrollArea::vertical()
            .id_salt(("formulier", self.step))
            .auto_shrink([false, false]);
        if std::mem::take(&mut self.scroll_form_to_top) {
            area = area.vertical_scroll_offset(0.0);
        }
        let now = ui.input(|input| input.time);
        self.field_ids.clear();
        let mut form = Form {
            locks: &self.derived.locks,
            selection: &mut self.selection,
            focus: &mut self.focus,
            field_ids: &mut self.field_ids,
            changed: false,
            structural: false,
            commands: Vec::new(),
            dark: self.settings.dark,
        };
        let protocol = &mut self.protocol;
        let step = self.step;
        let findings = &self.derived.findings;
        area.show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(theme::FORM_MAX_WIDTH + 40.0));
            steps::step_ui(step, protocol, &mut form, findings, ui);
            ui.add_space(40.0);
        });
        let Form {
            changed,
            structural,
            commands: asked,
            ..
        } = form;
        commands.extend(asked);
        if let Some(path) = self.focused_field(ui.ctx()) {
            self.last_field = Some((step, path));
        }
        // A focus request lives one frame: if its field is not on this step's form (e.g. an
        // empty list), it must not steal the focus later.
        self.focus = None;
        if changed {
            self.generation += 1;
            self.history.record(&self.protocol, now, structural);
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.dialog.is_none() {
            self.dialog = self.queued_dialog.take();
        }
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(Id::unique("dialoog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &dialog {
                Dialog::ChooseTemplate => {
                    ui.heading("Nieuw protocol");
                    ui.label("Kies het sjabloon waarmee u begint.");
                    ui.add_space(8.0);
                    for template in template::TEMPLATES {
                        let command = Command::NewFromTemplate(template.name);
                        if ui
                            .button(command.label())
                            .on_hover_text(command.tooltip())
                            .clicked()
                        {
                            commands.push(command);
                            close = true;
                        }
                    }
                    ui.add_space(8.0);
                    if ui.button("Annuleren").clicked() {
                        close = true;
                    }
                }
                Dialog::Unsaved(pending) => {
                    ui.heading("Wijzigingen opslaan?");
                    ui.label(
                        "Het protocol heeft wijzigingen die nog niet opgeslagen zijn. \
                         Wilt u ze opslaan?",
                    );
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Opslaan").clicked() {
                            self.save(ctx, Some(pending.clone()));
                            close = true;
                        }
                        if ui
                            .button("Niet opslaan")
                            .on_hover_text("De wijzigingen gaan verloren.")
                            .clicked()
                        {
                            self.dialog = None;
                            self.run_pending(ctx, pending.clone());
                            close = self.dialog.is_none();
                        }
                        if ui.button("Annuleren").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::Restore(recovery) => {
                    ui.heading("Niet-opgeslagen werk gevonden");
                    let origin = recovery
                        .path
                        .as_ref()
                        .map(|path| format!("van ‘{}’ ", path.display()))
                        .unwrap_or_default();
                    ui.label(format!(
                        "Protocolwijzer werd de vorige keer niet normaal afgesloten. Er is een \
                         automatische reservekopie {origin}van {}. Wilt u die terugzetten?",
                        recovery.saved_at
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Herstellen").clicked() {
                            let recovery = recovery.clone();
                            self.replace_document(recovery.protocol, recovery.path);
                            // Restored work is not saved yet: mark it as changed, and keep
                            // the recovery file until it is.
                            self.generation += 1;
                            self.autosave_now().ok();
                            self.notice = Some(Notice::info(
                                "Het werk is hersteld. Sla het op om het te bewaren.",
                            ));
                            close = true;
                        }
                        if ui
                            .button("Verwijderen")
                            .on_hover_text("De reservekopie wordt gewist.")
                            .clicked()
                        {
                            self.settings.delete_recovery();
                            close = true;
                        }
                    });
                }
                Dialog::ConfirmDraftExport {
                    format,
                    errors,
                    path,
                } => {
                    ui.heading("Ontwerp exporteren?");
                    ui.label(format!(
                        "De controle vindt nog {}. U kunt exporteren om na te lezen of te \
                         delen, maar het document krijgt dan het opschrift ONTWERP en is niet \
                         klaar om te ondertekenen.",
                        count(*errors, "fout", "fouten")
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Toch exporteren…").clicked() {
                            self.dialog = None;
                            self.export(ctx, *format, path.clone(), true);
                            close = self.dialog.is_none();
                        }
                        if ui.button("Annuleren").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::Exported { path, format } => {
                    ui.heading("Export klaar");
                    ui.label(format!(
                        "Het {} is opgeslagen als\n{}",
                        format.name(),
                        path.display()
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Map openen").clicked() {
                            commands::open_folder(path);
                            close = true;
                        }
                        if ui.button("Sluiten").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::About => {
                    ui.heading("Over Protocolwijzer");
                    ui.label(format!("Versie {}", crate::VERSION));
                    ui.label(
                        "Protocollen voor de elektronische mededeling van persoonsgegevens \
                         (art. 8, §1, e-govdecreet) opstellen, controleren en exporteren.",
                    );
                    ui.label("Licentie: European Union Public Licence (EUPL) 1.2.");
                    ui.add_space(6.0);
                    ui.label(
                        "De PDF-export bevat het lettertype Liberation Sans, onder de SIL Open \
                         Font License 1.1:",
                    );
                    egui::ScrollArea::vertical()
                        .max_height(220.0)
                        .show(ui, |ui| {
                            ui.label(egui::RichText::new(FONT_LICENCE).small().monospace());
                        });
                    ui.add_space(8.0);
                    if ui.button("Sluiten").clicked() {
                        close = true;
                    }
                }
                Dialog::Error(message) => {
                    ui.heading("Er ging iets mis");
                    ui.label(message);
                    ui.add_space(8.0);
                    if ui.button("Sluiten").clicked() {
                        close = true;
                    }
                }
            }
        });
        if modal.should_close() && !matches!(dialog, Dialog::Restore(_)) {
            close = true;
        }
        if close {
            self.dialog = None;
        }
    }
}

impl eframe::App for ProtocolApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.is_dirty() {
            self.settings.delete_recovery();
        }
    }
}

fn menu_item(ui: &mut Ui, command: &Command, enabled: bool, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
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

/// "1 fout" / "3 fouten".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A step's badge text and colour.
fn badge(
    step: Step,
    summary: &StepSummary,
    dark: bool,
    protocol: &Protocol,
) -> (String, egui::Color32) {
    if step == Step::Municipal && protocol.municipal.is_none() {
        return (
            "n.v.t.".to_string(),
            theme::ok_colour(dark).gamma_multiply(0.7),
        );
    }
    if summary.errors > 0 {
        (
            count(summary.errors, "fout", "fouten"),
            theme::error_colour(dark),
        )
    } else if summary.warnings > 0 {
        (
            count(summary.warnings, "waarschuwing", "waarschuwingen"),
            theme::warning_colour(dark),
        )
    } else {
        ("✔".to_string(), theme::ok_colour(dark))
    }
}

/// Opens the app window on `protocol` and runs until it is closed.
/// Tells the user, in a native message box, that the app could not start (no terminal may be
/// there to read the printed error, e.g. after a double-click). Does nothing where no message
/// box can be shown.
pub fn show_start_failure(message: &str) {
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Protocolwijzer")
        .set_description(format!(
            "{message}\n\nVraag uw IT-dienst om hulp en geef deze melding door."
        ))
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

/// Runs the app on `protocol` (read from `path`, or new). `opening_error` is the reason a file
/// given on the command line could not be opened; the app shows it first.
pub fn run(
    protocol: Protocol,
    path: Option<PathBuf>,
    opening_error: Option<String>,
) -> eframe::Result {
    let mut app = ProtocolApp::new(protocol, path, Settings::default_dir());
    if let Some(message) = opening_error {
        app.show_opening_error(&message);
    }
    // For screenshots and demos: start on a given step (1–12) and side view.
    if let Some(step) = std::env::var("PROTOCOLWIJZER_STAP")
        .ok()
        .and_then(|text| text.trim().parse::<usize>().ok())
        .and_then(|number| Step::ALL.get(number.wrapping_sub(1)).copied())
    {
        app.go_to(step);
    }
    if std::env::var("PROTOCOLWIJZER_VOORBEELD").is_ok_and(|value| value == "1") {
        app.set_side_tab(SideTab::Preview);
    }
    if std::env::var("PROTOCOLWIJZER_MEET").is_ok_and(|value| value == "1") {
        app.measure = Some(Measure { frames: 0 });
    }
    let mut viewport = egui::ViewportBuilder::default();
    // The icon the desktop shows for the window; the committed PNG always decodes.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title(app.window_title())
            .with_app_id("protocolwijzer")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([960.0, 600.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Protocolwijzer",
        options,
        Box::new(|_creation| Ok(Box::new(app))),
    )
}
