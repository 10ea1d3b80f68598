//! The egui app: the wizard an official fills the protocol in with. It edits the model and
//! asks for commands; it never formats a document itself, and no frame touches a file: opening,
//! saving, exporting, the settings and the recovery file go through the worker
//! (`worker.rs`, the store in [`crate::store`]). The settings and a recovery file are
//! read once at start-up, before the first frame.
//!
//! Layout: a menu and status bar on top (`top_bar.rs`), the steps with their check badges on
//! the left (`steps_panel.rs`), the current step's form in the centre (`form_panel.rs`), and on
//! the right (`side_panel.rs`) the check's findings ("Controle", `findings.rs`), the live
//! document preview ("Voorbeeld", `preview.rs`) or the review of the protocol ("Beoordeling",
//! `review_panel.rs`); modal dialogs in `dialogs.rs`. The command table is `commands.rs`,
//! carrying commands out `execute.rs`, the worker threads `worker.rs`. The check and the document are
//! recomputed on a worker thread when the model changes (a generation counter), never every
//! frame (`derived.rs`).

mod bottom_bar;
pub mod commands;
mod dates;
mod derived;
mod desk_view;
mod dialogs;
mod execute;
mod file_picker;
mod findings;
mod form;
mod form_panel;
mod history;
mod preview;
mod review_panel;
mod settings;
mod side_panel;
mod steps;
mod steps_panel;
pub mod theme;
mod top_bar;
mod virtual_list;
mod worker;

use std::path::PathBuf;
use std::time::Duration;

use egui::{Id, Ui};

use crate::check::Finding;
use crate::model::{Protocol, Step};
use crate::store;

pub use commands::{Command, Format, Pending};
pub use form::{ListOp, Selection, apply_list_op};
pub use settings::Settings;
pub use side_panel::SideTab;

use derived::{Derived, Engine};
use dialogs::{Dialog, Dialogs};
use form_panel::FormPanel;
use history::History;
use settings::SettingsState;
use side_panel::SidePanel;

/// How often the recovery file is written while there are unsaved changes (seconds).
const AUTOSAVE_SECONDS: f64 = 30.0;

/// The application icon at the size window managers ask for (assets/icon, made from the SVG by
/// scripts/make-icons.sh).
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icon/protocolwijzer-64.png");

/// A message in the status bar.
#[derive(Clone, Debug)]
struct Notice {
    text: String,
    /// Offer "Ongedaan maken" next to it.
    undo: bool,
    /// Goes at the next edit: it is about the state before it ("Opgeslagen.").
    until_edit: bool,
}

impl Notice {
    fn info(text: &str) -> Self {
        Self {
            text: text.to_string(),
            undo: false,
            until_edit: false,
        }
    }

    fn undoable(text: String) -> Self {
        Self {
            text,
            undo: true,
            until_edit: false,
        }
    }

    /// A notice that stops being true at the next edit.
    fn until_edit(text: &str) -> Self {
        Self {
            until_edit: true,
            ..Self::info(text)
        }
    }
}

/// When the recovery file was last written.
#[derive(Default)]
struct Autosave {
    generation: u64,
    last: Option<f64>,
}

/// The window: closing, theme, title, measurement mode.
#[derive(Default)]
struct Window {
    allow_close: bool,
    applied_dark: Option<bool>,
    sent_title: String,
    /// Measurement mode (`PROTOCOLWIJZER_MEET=1`): report the first frame, close after 3 s.
    measure: Option<Measure>,
}

/// The running app.
pub struct ProtocolApp {
    protocol: Protocol,
    path: Option<PathBuf>,
    history: History,
    /// Bumped at every change of the model.
    generation: u64,
    saved_generation: u64,
    settings: SettingsState,
    step: Step,
    form: FormPanel,
    side: SidePanel,
    derived: Derived,
    engine: Engine,
    dialogs: Dialogs,
    notice: Option<Notice>,
    worker: worker::Worker,
    autosave: Autosave,
    window: Window,
    /// Whether the system's file dialog can open; otherwise the built-in one is used.
    system_dialogs: bool,
    /// The built-in file dialog, while it is open.
    file_picker: Option<file_picker::FilePicker>,
    /// The Inzendingen table, once a folder of submissions is open; it stays while a
    /// submission is open in the wizard, to come back to.
    desk: Option<desk_view::DeskView>,
    /// Whether the Inzendingen table is shown instead of the wizard.
    showing_desk: bool,
}

/// For the start-up and memory figures: when the first frame was drawn.
#[derive(Default)]
struct Measure {
    frames: u32,
}

impl ProtocolApp {
    /// Shows why a file given at start-up could not be opened, before any other dialog (the
    /// restore offer waits behind it).
    pub fn show_opening_error(&mut self, reason: &str) {
        self.dialogs
            .open_first(Dialog::Error(execute::opening_error_text(reason)));
    }

    /// An app showing `protocol`, read from `path` (or new, when `None`), keeping recent
    /// files and the recovery file in `settings_dir`. If a recovery file from an earlier
    /// session is there, the app offers to restore it. The settings and the recovery file are
    /// read here, before the first frame; everything after goes through the worker.
    pub fn new(protocol: Protocol, path: Option<PathBuf>, settings_dir: PathBuf) -> Self {
        let (settings, notice) = match Settings::read(settings_dir.clone()) {
            Ok(settings) => (settings, None),
            Err(error) => (
                Settings::empty(settings_dir),
                Some(Notice::info(&format!(
                    "De instellingen konden niet gelezen worden: {error} Protocolwijzer begint \
                     met de standaardinstellingen."
                ))),
            ),
        };
        let mut dialogs = Dialogs::default();
        if let Some(recovery) = store::read_recovery(&settings.dir) {
            dialogs.open(Dialog::Restore(Box::new(recovery)));
        }
        let mut app = Self {
            history: History::new(&protocol),
            form: FormPanel::new(&protocol),
            protocol,
            path,
            settings: SettingsState::new(settings),
            step: Step::Parties,
            generation: 0,
            saved_generation: 0,
            derived: Derived::default(),
            engine: Engine::new(derived::Mode::Worker),
            side: SidePanel::default(),
            dialogs,
            notice,
            worker: worker::Worker::default(),
            autosave: Autosave::default(),
            window: Window::default(),
            system_dialogs: file_picker::system_dialog_available(),
            file_picker: None,
            desk: None,
            showing_desk: false,
        };
        if let Some(path) = app.path.clone() {
            app.settings
                .change(0.0, |settings| settings.add_recent(&path));
        }
        // For documentation screenshots and support: open at step N (1–12).
        if let Some(step) = std::env::var("PROTOCOLWIJZER_STAP")
            .ok()
            .and_then(|number| number.trim().parse::<usize>().ok())
            .and_then(|number| Step::ALL.get(number.wrapping_sub(1)).copied())
        {
            app.step = step;
        }
        // The first results are computed here, so the first frame shows them.
        app.take_results(derived::compute(app.derive_request(false, false)));
        app
    }

    /// Uses the file dialog drawn in egui instead of the system's (tests; desktops without
    /// the XDG portal choose it by themselves).
    pub fn use_builtin_file_dialog(&mut self) {
        self.system_dialogs = false;
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
        self.history.record(
            &self.protocol,
            f64::MAX / 2.0,
            history::Edit {
                label: "wijziging".to_string(),
                structural: true,
                ..history::Edit::default()
            },
        );
    }

    /// The user's settings as they are now (the store writes them shortly after a change).
    pub fn settings(&self) -> &Settings {
        &self.settings.current
    }

    /// The file the protocol was read from or saved to.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The step shown.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The findings of the last check that arrived (see [`Self::is_derived_current`]).
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
        self.side.set_tab(tab);
    }

    /// Which item of each list is open.
    pub fn selection_mut(&mut self) -> &mut Selection {
        &mut self.form.selection
    }

    /// The widget ids of the fields shown in the last frame, by field path.
    pub fn field_id(&self, path: &str) -> Option<Id> {
        self.form.field_ids.get(path).copied()
    }

    /// The path of the field that has the keyboard focus, if it is a form field.
    pub fn focused_field(&self, ctx: &egui::Context) -> Option<String> {
        self.form.focused_field(ctx)
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
            self.side.findings.scroll_to_step();
            // Each step's form keeps its own scroll position (egui remembers it per step).
            self.side.scroll_preview();
        }
    }

    /// After undo/redo: the model was replaced wholesale.
    fn model_replaced(&mut self) {
        self.generation += 1;
        self.notice = None;
    }

    /// Shows another protocol (new or opened): history, selection and state start afresh.
    fn replace_document(&mut self, ctx: &egui::Context, protocol: Protocol, path: Option<PathBuf>) {
        self.history = History::new(&protocol);
        self.form = FormPanel::new(&protocol);
        self.protocol = protocol;
        self.path = path;
        self.generation += 1;
        self.saved_generation = self.generation;
        self.autosave.generation = self.generation;
        self.step = Step::Parties;
        self.side.scroll_preview();
        self.delete_recovery(ctx);
        // A protocol opened or made is shown; the Inzendingen table waits behind it.
        self.showing_desk = false;
    }

    /// The whole UI for one frame. `App::ui` calls this; tests and benchmarks may too.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        while let Some(done) = self.worker.poll() {
            self.finish(&ctx, done);
        }
        self.shortcuts(&ctx);
        self.handle_close_request(&ctx);
        self.refresh_derived(&ctx);
        self.autosave_tick(&ctx);
        self.settings_tick(&ctx, false);
        let dark = self.settings.current.dark;
        if self.window.applied_dark != Some(dark) {
            theme::apply(&ctx, dark);
            self.window.applied_dark = Some(dark);
        }

        let mut commands = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| self.top_bar_ui(ui, &mut commands));
        if self.poll_desk() {
            self.desk_ui(ui, &mut commands);
        } else {
            self.wizard_ui(ui, &mut commands);
        }
        self.file_picker_ui(&ctx);
        if let Some(answer) = self.dialogs.ui(&ctx) {
            self.answer(&ctx, answer);
        }

        for command in commands {
            self.run_command(&ctx, command);
        }
        self.measure_tick(&ctx);
        let title = self.window_title();
        if title != self.window.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.sent_title = title;
        }
    }

    /// The wizard: steps on the left, the step's form, the side panel, the bottom bar.
    fn wizard_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        egui::Panel::bottom("navigatie").show(ui, |ui| self.bottom_bar_ui(ui, commands));
        egui::Panel::left("stappen")
            .resizable(false)
            .exact_size(theme::STEPS_PANEL_WIDTH)
            .show(ui, |ui| self.steps_panel_ui(ui, commands));
        // The form keeps a readable width: the side panel is bounded by what is left, and
        // folds into a strip of tabs (opening over the form) when too little is left.
        // (The steps panel is placed already: what is available is beside it.)
        let window = ctx.content_rect().width();
        let room = ui.available_width() - theme::FORM_MIN_WIDTH;
        let side_max = room.min(window * theme::SIDE_PANEL_MAX_SHARE);
        if side_max >= theme::SIDE_PANEL_MIN_WIDTH {
            self.side.folded = false;
            egui::Panel::right("controle")
                .resizable(true)
                .default_size(theme::SIDE_PANEL_WIDTH.min(side_max))
                .min_size(theme::SIDE_PANEL_MIN_WIDTH)
                .max_size(side_max)
                .show(ui, |ui| self.side_panel_ui(ui, commands));
        } else {
            self.side.folded = true;
            egui::Panel::right("controle-tabs")
                .resizable(false)
                .exact_size(theme::SIDE_TABS_WIDTH)
                .show(ui, |ui| self.side_tabs_ui(ui));
            self.side_overlay_ui(&ctx, commands);
        }
        egui::CentralPanel::default().show(ui, |ui| self.form_panel_ui(ui, commands));
    }

    /// The central panel: the current step's form.
    fn form_panel_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let now = ui.input(|input| input.time);
        let edit = self.form.ui(
            ui,
            self.step,
            &mut self.protocol,
            &self.derived.locks,
            &self.derived.findings,
            commands,
        );
        if let Some(edit) = edit {
            if self.notice.as_ref().is_some_and(|notice| notice.until_edit) {
                self.notice = None;
            }
            self.generation += 1;
            self.history.record(&self.protocol, now, edit);
        }
    }

    fn measure_tick(&mut self, ctx: &egui::Context) {
        let Some(measure) = &mut self.window.measure else {
            return;
        };
        measure.frames += 1;
        if measure.frames == 1 {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |since| since.as_secs_f64());
            eprintln!("eerste frame: {now:.3}");
        }
        let elapsed = ctx.input(|input| input.time);
        if elapsed > 3.0 {
            self.window.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialogs.is_open() {
            return;
        }
        let os = ctx.os();
        // Longest modifier set first, so Ctrl+Shift+S is not taken for Ctrl+S.
        let mut shortcuts: Vec<(egui::KeyboardShortcut, &Command)> = Command::FIXED
            .iter()
            .flat_map(|command| {
                command
                    .shortcuts(os)
                    .into_iter()
                    .map(move |shortcut| (shortcut, command))
            })
            .collect();
        shortcuts.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut)));
        let asked = ctx.input_mut(|input| {
            shortcuts
                .into_iter()
                .find(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|(_, command)| command.clone())
        });
        if let Some(command) = asked {
            self.run_command(ctx, command);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|input| input.viewport().close_requested()) {
            return;
        }
        if self.window.allow_close {
            return;
        }
        if self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.open(Dialog::Unsaved(Pending::Close));
        } else {
            self.delete_recovery(ctx);
        }
    }

    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        let last = *self.autosave.last.get_or_insert(now);
        if now - last >= AUTOSAVE_SECONDS {
            self.autosave.last = Some(now);
            if self.is_dirty() && self.autosave.generation != self.generation {
                self.start_autosave(ctx);
            }
        }
        if self.is_dirty() {
            ctx.request_repaint_after(Duration::from_secs_f64(AUTOSAVE_SECONDS));
        }
    }

    /// Hands changed settings to the store once they have rested for the debounce time (or at
    /// once when `force`, on exit).
    fn settings_tick(&mut self, ctx: &egui::Context, force: bool) {
        let now = ctx.input(|input| input.time);
        if let Some((settings, before)) = self.settings.due(now, force) {
            self.worker.store(ctx, move || {
                worker::Done::SettingsWritten(
                    settings
                        .write(Some(&before))
                        .map_err(|error| error.to_string()),
                )
            });
        }
        if let Some(wait) = self.settings.wait(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(wait));
        }
    }

    /// Changes the settings now; the store writes them after the debounce.
    fn change_settings(&mut self, ctx: &egui::Context, change: impl FnOnce(&mut Settings)) {
        let now = ctx.input(|input| input.time);
        self.settings.change(now, change);
    }
}

fn modifier_count(shortcut: &egui::KeyboardShortcut) -> usize {
    let modifiers = shortcut.modifiers;
    [
        modifiers.alt,
        modifiers.ctrl,
        modifiers.shift,
        modifiers.mac_cmd,
        modifiers.command,
    ]
    .into_iter()
    .filter(|on| *on)
    .count()
}

impl eframe::App for ProtocolApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// The window is closing: the pending settings and, after a clean close, the removal of the
    /// recovery file go to the store, and the app waits for the store to finish (the process
    /// ends right after this).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        let ctx = egui::Context::default();
        self.settings_tick(&ctx, true);
        if !self.is_dirty() {
            self.delete_recovery(&ctx);
        }
        self.worker.finish_store();
    }
}

/// "1 fout" / "3 fouten".
/// What the check found, in words, leaving out what it did not find: "14 fouten",
/// "2 fouten, 1 waarschuwing en 3 ter info"; "geen bevindingen" for none.
pub(crate) fn findings_in_words(errors: usize, warnings: usize, infos: usize) -> String {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(count(errors, "fout", "fouten"));
    }
    if warnings > 0 {
        parts.push(count(warnings, "waarschuwing", "waarschuwingen"));
    }
    if infos > 0 {
        parts.push(format!("{infos} ter info"));
    }
    if parts.is_empty() {
        "geen bevindingen".to_string()
    } else {
        crate::dutch::join_names(&parts)
    }
}

pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    crate::dutch::count_of(n, one, many)
}

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
/// given on the command line could not be opened; the app shows it first. With `desk`, the
/// app starts on the Inzendingen view of that folder.
pub fn run(
    protocol: Protocol,
    path: Option<PathBuf>,
    opening_error: Option<String>,
    desk: Option<PathBuf>,
) -> eframe::Result {
    let mut app = ProtocolApp::new(protocol, path, store::default_dir());
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
    // …and scroll to a field there, by its path ("municipal.exchange_channel").
    if let Ok(path) = std::env::var("PROTOCOLWIJZER_VELD") {
        app.form.focus_on(path.trim().to_string());
    }
    if std::env::var("PROTOCOLWIJZER_VOORBEELD").is_ok_and(|value| value == "1") {
        app.set_side_tab(SideTab::Preview);
    }
    if std::env::var("PROTOCOLWIJZER_MEET").is_ok_and(|value| value == "1") {
        app.window.measure = Some(Measure::default());
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
        Box::new(move |creation| {
            let mut app = app;
            if let Some(folder) = desk {
                app.open_desk(&creation.egui_ctx, folder);
            }
            // For screenshots and demos: verify this signed PDF at the start.
            if let Ok(path) = std::env::var("PROTOCOLWIJZER_CONTROLEER") {
                app.verify_signed_pdf(&creation.egui_ctx, Some(PathBuf::from(path)));
            }
            Ok(Box::new(app))
        }),
    )
}
