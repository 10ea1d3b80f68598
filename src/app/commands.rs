//! The commands the menus, buttons and shortcuts ask for, with their label, tooltip and
//! shortcut in one place, and their execution. File dialogs, loading, saving, exporting and
//! autosaving run on worker threads; their results come back as [`Done`] messages, so no
//! frame ever waits on a disk or a dialog.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Key, KeyboardShortcut, Modifiers};

use super::settings::Settings;
use super::{Dialog, Notice, ProtocolApp};
use crate::check;
use crate::document::{self, Options};
use crate::model::Protocol;
use crate::model::Step;
use crate::{export, file, template};

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Choose a template for a new protocol.
    New,
    /// Start a new protocol from this built-in template.
    NewFromTemplate(&'static str),
    /// Open a protocol file (dialog).
    Open,
    /// Open this recent file.
    OpenRecent(PathBuf),
    /// Save to the current file (or ask for one).
    Save,
    /// Save to a new file (dialog).
    SaveAs,
    /// Export as DOCX (dialog).
    ExportDocx,
    /// Export as PDF (dialog).
    ExportPdf,
    /// Export the Adviesverslag as DOCX (dialog).
    ExportReportDocx,
    /// Export the Adviesverslag as PDF (dialog).
    ExportReportPdf,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Show this step.
    GoTo(Step),
    /// Show the next step.
    Next,
    /// Show the previous step.
    Previous,
    /// Show the step of a finding and focus its field.
    Focus(Step, String),
    /// Switch between the light and the dark theme.
    ToggleDark,
    /// Show a message in the status bar.
    Notice(String),
    /// Close the app (asks to save first when needed).
    Quit,
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Word document.
    Docx,
    /// PDF with signature fields.
    Pdf,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// The format's name for users.
    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "Word-document (DOCX)",
            Format::Pdf => "PDF-document",
        }
    }
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start a new protocol from this template.
    New(&'static str),
    /// Open a file (dialog).
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the app.
    Close,
}

impl Command {
    /// The menu and button text, in Dutch ("…" when a dialog follows).
    pub fn label(&self) -> String {
        match self {
            Command::New => "Nieuw protocol…".to_string(),
            Command::NewFromTemplate(name) => template::find(name)
                .map(|template| template.title())
                .unwrap_or_else(|_| name.to_string()),
            Command::Open => "Openen…".to_string(),
            Command::OpenRecent(path) => path.display().to_string(),
            Command::Save => "Opslaan".to_string(),
            Command::SaveAs => "Opslaan als…".to_string(),
            Command::ExportDocx => "Exporteren als DOCX…".to_string(),
            Command::ExportPdf => "Exporteren als PDF…".to_string(),
            Command::ExportReportDocx => "Adviesverslag exporteren als DOCX…".to_string(),
            Command::ExportReportPdf => "Adviesverslag exporteren als PDF…".to_string(),
            Command::Undo => "Ongedaan maken".to_string(),
            Command::Redo => "Opnieuw".to_string(),
            Command::GoTo(step) => format!("{}. {}", step.number(), step.title()),
            Command::Next => "Volgende ▶".to_string(),
            Command::Previous => "◀ Vorige".to_string(),
            Command::Focus(_, _) => "Naar het veld".to_string(),
            Command::ToggleDark => "Donker thema".to_string(),
            Command::Notice(text) => text.clone(),
            Command::Quit => "Afsluiten".to_string(),
        }
    }

    /// What the command does, for its tooltip.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Command::New => "Begin een nieuw protocol vanuit een sjabloon.",
            Command::NewFromTemplate(_) => "Begin een nieuw protocol vanuit dit sjabloon.",
            Command::Open => "Open een protocolbestand (.ron).",
            Command::OpenRecent(_) => "Open dit recent gebruikte bestand.",
            Command::Save => "Sla het protocol op in het huidige bestand.",
            Command::SaveAs => "Sla het protocol op in een nieuw bestand.",
            Command::ExportDocx => {
                "Maak een Word-document om te delen of na te lezen. Een ontwerp met fouten krijgt het opschrift ONTWERP."
            }
            Command::ExportPdf => {
                "Maak het PDF-bestand met lege handtekeningvelden dat de partijen ondertekenen."
            }
            Command::ExportReportDocx => {
                "Maak een Word-document met de adviezen, de goedkeuring, de beoordelingen, de opmerkingen en de geschiedenis."
            }
            Command::ExportReportPdf => {
                "Maak een PDF-bestand met de adviezen, de goedkeuring, de beoordelingen, de opmerkingen en de geschiedenis."
            }
            Command::Undo => "Maak de laatste wijziging ongedaan.",
            Command::Redo => "Voer de ongedaan gemaakte wijziging opnieuw uit.",
            Command::GoTo(_) => "Ga naar deze stap.",
            Command::Next => "Ga naar de volgende stap.",
            Command::Previous => "Ga naar de vorige stap.",
            Command::Focus(_, _) => "Ga naar het veld waar het probleem zit.",
            Command::ToggleDark => "Wissel tussen een licht en een donker uitzicht.",
            Command::Notice(_) => "",
            Command::Quit => "Sluit Protocolwijzer.",
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = Modifiers::COMMAND;
        let command_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        match self {
            Command::New => Some(KeyboardShortcut::new(command, Key::N)),
            Command::Open => Some(KeyboardShortcut::new(command, Key::O)),
            Command::Save => Some(KeyboardShortcut::new(command, Key::S)),
            Command::SaveAs => Some(KeyboardShortcut::new(command_shift, Key::S)),
            Command::Undo => Some(KeyboardShortcut::new(command, Key::Z)),
            Command::Redo => Some(KeyboardShortcut::new(command_shift, Key::Z)),
            _ => None,
        }
    }

    /// The commands with a shortcut, longest modifier set first (so Ctrl+Shift+S is not
    /// taken for Ctrl+S).
    pub const WITH_SHORTCUTS: [Command; 6] = [
        Command::SaveAs,
        Command::Redo,
        Command::New,
        Command::Open,
        Command::Save,
        Command::Undo,
    ];
}

/// A result from a worker thread.
#[derive(Debug)]
pub enum Done {
    /// A file was opened (or failed to).
    Opened {
        /// The file.
        path: PathBuf,
        /// The protocol, or the Dutch error with line and column.
        result: Result<Box<Protocol>, String>,
    },
    /// A save finished.
    Saved {
        /// The file.
        path: PathBuf,
        /// The model generation that was saved.
        generation: u64,
        /// Ok, or the Dutch error.
        result: Result<(), String>,
        /// What to do after a successful save.
        then: Option<Pending>,
    },
    /// An export finished.
    Exported {
        /// The file.
        path: PathBuf,
        /// The format.
        format: Format,
        /// Ok, or the Dutch error.
        result: Result<(), String>,
    },
    /// Another protocol file to compare with was loaded (or failed to).
    Compared {
        /// The file.
        path: PathBuf,
        /// The protocol, or the Dutch error with line and column.
        result: Result<Box<Protocol>, String>,
    },
    /// The autosave finished.
    Autosaved(Result<(), String>),
    /// The user closed a file dialog without choosing.
    Cancelled,
}

/// The channel worker threads report on.
pub struct Worker {
    sender: Sender<Done>,
    receiver: Receiver<Done>,
    /// How many workers are running (the status shows "Bezig…").
    pub running: usize,
}

impl Default for Worker {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            running: 0,
        }
    }
}

impl Worker {
    /// Runs `job` on a new thread; its result arrives through [`Worker::poll`].
    pub fn spawn(&mut self, ctx: &egui::Context, job: impl FnOnce() -> Done + Send + 'static) {
        self.running += 1;
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("protocolwijzer-werk".to_string())
            .spawn(move || {
                let _ = sender.send(job());
                ctx.request_repaint();
            });
        if spawned.is_err() {
            self.running -= 1;
        }
    }

    /// The next finished result, if any.
    pub fn poll(&mut self) -> Option<Done> {
        let done = self.receiver.try_recv().ok()?;
        self.running = self.running.saturating_sub(1);
        Some(done)
    }
}

/// What the app says when a file cannot be opened; `reason` names the file, line and column.
pub(super) fn opening_error_text(reason: &str) -> String {
    format!("Het bestand kan niet geopend worden.\n\n{reason}\n\nHet bestand is niet gewijzigd.")
}

fn file_dialog(folder: Option<&Path>) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new();
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// The suggested export file name: `Protocol <gemeente> <datum>.<ext>`.
pub fn export_file_name(protocol: &Protocol, format: Format, today: chrono::NaiveDate) -> String {
    let name = protocol
        .drafting_party()
        .map(|party| party.display_name().trim().to_string())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "nieuw".to_string());
    let name: String = name
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    format!(
        "Protocol {name} {}.{}",
        crate::dutch::dutch_long(today),
        format.extension()
    )
}

/// The suggested Adviesverslag file name: `Adviesverslag <gemeente> <datum>.<ext>`.
pub fn report_file_name(protocol: &Protocol, format: Format, today: chrono::NaiveDate) -> String {
    let name = export_file_name(protocol, format, today);
    match name.strip_prefix("Protocol ") {
        Some(rest) => format!("Adviesverslag {rest}"),
        None => name,
    }
}

impl ProtocolApp {
    /// Runs a command. Dialogs and file work go to worker threads.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.dialog = Some(Dialog::ChooseTemplate),
            Command::NewFromTemplate(name) => self.after_unsaved(ctx, Pending::New(name)),
            Command::Open => self.after_unsaved(ctx, Pending::Open),
            Command::OpenRecent(path) => self.after_unsaved(ctx, Pending::OpenPath(path)),
            Command::Save => self.save(ctx, None),
            Command::SaveAs => self.save_as(ctx, None),
            Command::ExportDocx => self.export(ctx, Format::Docx, None, false),
            Command::ExportPdf => self.export(ctx, Format::Pdf, None, false),
            Command::ExportReportDocx => self.export_report(ctx, Format::Docx, None),
            Command::ExportReportPdf => self.export_report(ctx, Format::Pdf, None),
            Command::Undo => {
                if self.history.undo(&mut self.protocol) {
                    self.model_replaced();
                } else {
                    self.notice = Some(Notice::info("Er is niets om ongedaan te maken."));
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.protocol) {
                    self.model_replaced();
                } else {
                    self.notice = Some(Notice::info("Er is niets om opnieuw uit te voeren."));
                }
            }
            Command::GoTo(step) => self.go_to(step),
            Command::Next => {
                if let Some(step) = self.step.next() {
                    self.go_to(step);
                }
            }
            Command::Previous => {
                if let Some(step) = self.step.previous() {
                    self.go_to(step);
                }
            }
            Command::Focus(step, path) => {
                self.go_to(step);
                self.select_for_path(&path);
                self.focus = Some(path);
            }
            Command::ToggleDark => {
                let dark = !self.settings.dark;
                self.settings.set_dark(dark);
            }
            Command::Notice(text) => self.notice = Some(Notice::undoable(text)),
            Command::Quit => {
                if self.is_dirty() {
                    self.dialog = Some(Dialog::Unsaved(Pending::Close));
                } else {
                    self.close_now(ctx);
                }
            }
        }
    }

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    pub(super) fn after_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.run_pending(ctx, pending);
        }
    }

    /// Runs what was waiting for unsaved changes to be dealt with.
    pub(super) fn run_pending(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New(name) => match template::new_protocol(name) {
                Ok(protocol) => {
                    self.replace_document(protocol, None);
                    self.notice = Some(Notice::info("Nieuw protocol gemaakt vanuit het sjabloon."));
                }
                Err(error) => {
                    self.dialog = Some(Dialog::Error(format!(
                        "Het sjabloon kan niet geladen worden: {error}"
                    )))
                }
            },
            Pending::Open => {
                let folder = self.folder();
                self.worker.spawn(ctx, move || {
                    match file_dialog(folder.as_deref())
                        .set_title("Protocol openen")
                        .add_filter("Protocol (.ron)", &["ron"])
                        .pick_file()
                    {
                        Some(path) => Done::Opened {
                            result: file::load(&path).map(Box::new).map_err(|e| e.to_string()),
                            path,
                        },
                        None => Done::Cancelled,
                    }
                });
            }
            Pending::OpenPath(path) => {
                self.worker.spawn(ctx, move || Done::Opened {
                    result: file::load(&path).map(Box::new).map_err(|e| e.to_string()),
                    path,
                });
            }
            Pending::Close => self.close_now(ctx),
        }
    }

    /// Closes the window for good; the recovery file goes (the user chose).
    pub(super) fn close_now(&mut self, ctx: &egui::Context) {
        self.settings.delete_recovery();
        self.allow_close = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| {
                self.settings
                    .recent
                    .first()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
            })
    }

    /// Saves to the current file, or asks for one.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        let Some(path) = self.path.clone() else {
            self.save_as(ctx, then);
            return;
        };
        let protocol = self.protocol.clone();
        let generation = self.generation;
        self.worker.spawn(ctx, move || Done::Saved {
            result: file::save(&path, &protocol).map_err(|e| e.to_string()),
            path,
            generation,
            then,
        });
    }

    /// Asks for a file name, then saves.
    pub(super) fn save_as(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        let protocol = self.protocol.clone();
        let generation = self.generation;
        let folder = self.folder();
        let name = self
            .path
            .as_ref()
            .and_then(|path| path.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| {
                export_file_name(&protocol, Format::Docx, chrono::Local::now().date_naive())
                    .replace(".docx", ".ron")
            });
        self.worker.spawn(ctx, move || {
            match file_dialog(folder.as_deref())
                .set_title("Protocol opslaan als")
                .add_filter("Protocol (.ron)", &["ron"])
                .set_file_name(name)
                .save_file()
            {
                Some(mut path) => {
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    Done::Saved {
                        result: file::save(&path, &protocol).map_err(|e| e.to_string()),
                        path,
                        generation,
                        then,
                    }
                }
                None => Done::Cancelled,
            }
        });
    }

    /// Exports to `path`, or to a file chosen in a save dialog when `None`. A draft with
    /// errors first gets a warning that it will say ONTWERP (unless `confirmed`).
    pub fn export(
        &mut self,
        ctx: &egui::Context,
        format: Format,
        path: Option<PathBuf>,
        confirmed: bool,
    ) {
        self.refresh_derived();
        let errors = self
            .derived
            .findings
            .iter()
            .filter(|finding| finding.severity == check::Severity::Fout)
            .count();
        if errors > 0 && !confirmed {
            self.dialog = Some(Dialog::ConfirmDraftExport {
                format,
                errors,
                path,
            });
            return;
        }
        let name = export_file_name(&self.protocol, format, chrono::Local::now().date_naive());
        let title = match format {
            Format::Docx => "Exporteren als DOCX",
            Format::Pdf => "Exporteren als PDF",
        };
        self.spawn_export(ctx, format, path, title, name, document::build);
    }

    /// Exports the Adviesverslag to `path`, or to a file chosen in a save dialog when `None`.
    pub fn export_report(&mut self, ctx: &egui::Context, format: Format, path: Option<PathBuf>) {
        self.refresh_derived();
        let name = report_file_name(&self.protocol, format, chrono::Local::now().date_naive());
        let title = match format {
            Format::Docx => "Adviesverslag exporteren als DOCX",
            Format::Pdf => "Adviesverslag exporteren als PDF",
        };
        self.spawn_export(
            ctx,
            format,
            path,
            title,
            name,
            crate::document::adviesverslag::build,
        );
    }

    /// Builds a document from the current protocol and writes it on the worker thread, to
    /// `path` or to a file chosen in a save dialog with this title and suggested name.
    fn spawn_export(
        &mut self,
        ctx: &egui::Context,
        format: Format,
        path: Option<PathBuf>,
        title: &'static str,
        name: String,
        build: fn(&crate::model::Protocol, &Options) -> crate::document::Document,
    ) {
        let protocol = self.protocol.clone();
        let findings = self.derived.findings.clone();
        let folder = self.folder();
        self.worker.spawn(ctx, move || {
            let chosen = path.or_else(|| {
                file_dialog(folder.as_deref())
                    .set_title(title)
                    .add_filter(format.name(), &[format.extension()])
                    .set_file_name(name)
                    .save_file()
            });
            let Some(mut path) = chosen else {
                return Done::Cancelled;
            };
            if path.extension().is_none() {
                path.set_extension(format.extension());
            }
            let options = crate::pipeline::options(&protocol, &findings);
            let document = build(&protocol, &options);
            let bytes = match format {
                Format::Docx => export::docx(&document),
                Format::Pdf => export::pdf(&document),
            };
            let result = bytes
                .map_err(|error| format!("Het exporteren is mislukt: {error}"))
                .and_then(|bytes| {
                    file::write_atomically(&path, &bytes).map_err(|error| error.to_string())
                });
            Done::Exported {
                path,
                format,
                result,
            }
        });
    }

    /// Loads another protocol file to compare the current content with: `path`, or a file
    /// chosen in an open dialog when `None`. The differences show under "Wijzigingen".
    pub fn compare_with(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let folder = self.folder();
        self.worker.spawn(ctx, move || {
            let chosen = path.or_else(|| {
                file_dialog(folder.as_deref())
                    .set_title("Vergelijken met een ander bestand")
                    .add_filter("Protocol (.ron)", &["ron"])
                    .pick_file()
            });
            match chosen {
                Some(path) => Done::Compared {
                    result: file::load(&path).map(Box::new).map_err(|e| e.to_string()),
                    path,
                },
                None => Done::Cancelled,
            }
        });
    }

    /// Starts an autosave of the current model to the recovery file.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let protocol = self.protocol.clone();
        let dir = self.settings.dir.clone();
        let origin = self.path.clone();
        self.autosaved_generation = self.generation;
        self.worker.spawn(ctx, move || {
            Done::Autosaved(Settings::write_recovery(&dir, &protocol, origin.as_deref()))
        });
    }

    /// Writes the recovery file now, on this thread (tests; the app uses [`Self::autosave`]).
    pub fn autosave_now(&mut self) -> Result<(), String> {
        self.autosaved_generation = self.generation;
        Settings::write_recovery(&self.settings.dir, &self.protocol, self.path.as_deref())
    }

    /// Handles a worker's result.
    pub(super) fn finish(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::Opened { path, result } => match result {
                Ok(protocol) => {
                    self.settings.add_recent(&path);
                    self.replace_document(*protocol, Some(path));
                    self.notice = Some(Notice::info("Protocol geopend."));
                }
                Err(message) => self.dialog = Some(Dialog::Error(opening_error_text(&message))),
            },
            Done::Saved {
                path,
                generation,
                result,
                then,
            } => match result {
                Ok(()) => {
                    self.settings.add_recent(&path);
                    self.path = Some(path);
                    self.saved_generation = generation;
                    if !self.is_dirty() {
                        self.settings.delete_recovery();
                    }
                    self.notice = Some(Notice::info("Opgeslagen."));
                    if let Some(then) = then {
                        self.run_pending(ctx, then);
                    }
                }
                Err(message) => self.dialog = Some(Dialog::Error(message)),
            },
            Done::Exported {
                path,
                format,
                result,
            } => match result {
                Ok(()) => self.dialog = Some(Dialog::Exported { path, format }),
                Err(message) => self.dialog = Some(Dialog::Error(message)),
            },
            Done::Compared { path, result } => match result {
                Ok(other) => {
                    self.comparison = Some(super::review_panel::Comparison::new(path, other));
                }
                Err(message) => {
                    self.dialog = Some(Dialog::Error(format!(
                        "Het bestand kan niet geopend worden om te vergelijken.\n\n{message}"
                    )));
                }
            },
            Done::Autosaved(result) => {
                if let Err(message) = result {
                    self.notice = Some(Notice::info(&format!(
                        "De automatische reservekopie is mislukt: {message}"
                    )));
                }
            }
            Done::Cancelled => {}
        }
    }
}

/// Opens the folder holding `path` in the system's file manager.
pub fn open_folder(path: &Path) {
    let Some(folder) = path.parent() else {
        return;
    };
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program).arg(folder).spawn();
}
