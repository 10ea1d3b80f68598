//! The commands the menus, buttons and shortcuts ask for, as one table: label, tooltip,
//! shortcuts per platform and place in the menus, each one `match` over every command with no
//! catch-all, and [`Command::FIXED`], the one list the menus and the shortcut handling iterate
//! (the compiler checks it against the enum). Then their execution: file dialogs, loading,
//! saving, exporting, the settings and the autosave run on worker threads; their results come
//! back as [`Done`] messages, so no frame ever waits on a disk or a dialog.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::os::OperatingSystem;
use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialogs::{Answer, Dialog};
use super::side_panel::SideTab;
use super::{Notice, ProtocolApp};
use crate::check;
use crate::document::{self, Options};
use crate::model::Protocol;
use crate::step::Step;
use crate::{export, file, store, template};

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
    /// Close the app (asks to save first when needed).
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Switch between the light and the dark theme.
    ToggleDark,
    /// Show the check's findings on the right.
    ShowCheck,
    /// Show the live preview on the right.
    ShowPreview,
    /// Show the review on the right.
    ShowReview,
    /// Show the version and the licences.
    About,
    /// Show this step.
    GoTo(Step),
    /// Show the next step.
    Next,
    /// Show the previous step.
    Previous,
    /// Show the step of a finding and focus its field.
    Focus(Step, String),
    /// Compare the content with another protocol file (dialog).
    CompareWith,
    /// Stop comparing with the other file.
    StopComparing,
    /// Show a message in the status bar.
    Notice(String),
    /// Close the message in the status bar.
    DismissNotice,
}

/// The menus on top, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// "Bestand".
    File,
    /// "Bewerken".
    Edit,
    /// "Beeld".
    View,
}

impl Menu {
    /// The menus, left to right.
    pub const ALL: [Menu; 3] = [Menu::File, Menu::Edit, Menu::View];

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "Bestand",
            Menu::Edit => "Bewerken",
            Menu::View => "Beeld",
        }
    }
}

/// Lists the commands that carry no data as [`Command::FIXED`], and checks the list against
/// the enum: the `match` it writes names the same commands and those with data, with no
/// catch-all, so a new command missing from the list does not compile.
macro_rules! fixed_commands {
    ($($name:ident),* $(,)?) => {
        impl Command {
            /// Every command that carries no data, in menu order: what the menus and the
            /// shortcut handling go through.
            pub const FIXED: &'static [Command] = &[$(Command::$name),*];

            /// Whether this command is in [`Self::FIXED`].
            #[cfg_attr(not(test), allow(dead_code))]
            fn is_fixed(&self) -> bool {
                match self {
                    $(Command::$name)|* => true,
                    Command::NewFromTemplate(_)
                    | Command::OpenRecent(_)
                    | Command::GoTo(_)
                    | Command::Focus(_, _)
                    | Command::Notice(_) => false,
                }
            }
        }
    };
}

fixed_commands![
    New,
    Open,
    Save,
    SaveAs,
    ExportDocx,
    ExportPdf,
    ExportReportDocx,
    ExportReportPdf,
    Quit,
    Undo,
    Redo,
    ToggleDark,
    ShowCheck,
    ShowPreview,
    ShowReview,
    About,
    Next,
    Previous,
    CompareWith,
    StopComparing,
    DismissNotice,
];

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
            Command::Quit => "Afsluiten".to_string(),
            Command::Undo => "Ongedaan maken".to_string(),
            Command::Redo => "Opnieuw".to_string(),
            Command::ToggleDark => "Donker thema".to_string(),
            Command::ShowCheck => "Controle tonen".to_string(),
            Command::ShowPreview => "Voorbeeld tonen".to_string(),
            Command::ShowReview => "Beoordeling tonen".to_string(),
            Command::About => "Over Protocolwijzer…".to_string(),
            Command::GoTo(step) => format!("{}. {}", step.number(), step.title()),
            Command::Next => "Volgende ▶".to_string(),
            Command::Previous => "◀ Vorige".to_string(),
            Command::Focus(_, _) => "Naar het veld".to_string(),
            Command::CompareWith => "Vergelijken met een ander bestand…".to_string(),
            Command::StopComparing => "Vergelijking sluiten".to_string(),
            Command::Notice(text) => text.clone(),
            Command::DismissNotice => "Bericht sluiten".to_string(),
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
            Command::Quit => "Sluit Protocolwijzer.",
            Command::Undo => "Maak de laatste wijziging ongedaan.",
            Command::Redo => "Voer de ongedaan gemaakte wijziging opnieuw uit.",
            Command::ToggleDark => "Wissel tussen een licht en een donker uitzicht.",
            Command::ShowCheck => "Toon rechts wat de controle vindt.",
            Command::ShowPreview => "Toon rechts het document zoals het geëxporteerd wordt.",
            Command::ShowReview => "Toon rechts de status, de oordelen en de opmerkingen.",
            Command::About => "De versie van Protocolwijzer en de licenties.",
            Command::GoTo(_) => "Ga naar deze stap.",
            Command::Next => "Ga naar de volgende stap.",
            Command::Previous => "Ga naar de vorige stap.",
            Command::Focus(_, _) => "Ga naar het veld waar het probleem zit.",
            Command::CompareWith => {
                "Toon wat er verschilt tussen een ander protocolbestand (.ron) en de huidige inhoud."
            }
            Command::StopComparing => "Toon de verschillen met het andere bestand niet meer.",
            Command::Notice(_) => "",
            Command::DismissNotice => "Bericht sluiten",
        }
    }

    /// The keyboard shortcuts on `os`, the one the menu shows first. Redo is Ctrl+Shift+Z
    /// everywhere and also Ctrl+Y outside macOS (on Windows, where users expect it, it is the
    /// one shown).
    pub fn shortcuts(&self, os: OperatingSystem) -> Vec<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        match self {
            Command::New => vec![command(Key::N)],
            Command::Open => vec![command(Key::O)],
            Command::Save => vec![command(Key::S)],
            Command::SaveAs => vec![command_shift(Key::S)],
            Command::Undo => vec![command(Key::Z)],
            Command::Redo => match os {
                OperatingSystem::Mac | OperatingSystem::IOS => vec![command_shift(Key::Z)],
                OperatingSystem::Windows => vec![command(Key::Y), command_shift(Key::Z)],
                OperatingSystem::Nix | OperatingSystem::Android | OperatingSystem::Unknown => {
                    vec![command_shift(Key::Z), command(Key::Y)]
                }
            },
            Command::NewFromTemplate(_)
            | Command::OpenRecent(_)
            | Command::ExportDocx
            | Command::ExportPdf
            | Command::ExportReportDocx
            | Command::ExportReportPdf
            | Command::Quit
            | Command::ToggleDark
            | Command::ShowCheck
            | Command::ShowPreview
            | Command::ShowReview
            | Command::About
            | Command::GoTo(_)
            | Command::Next
            | Command::Previous
            | Command::Focus(_, _)
            | Command::CompareWith
            | Command::StopComparing
            | Command::Notice(_)
            | Command::DismissNotice => Vec::new(),
        }
    }

    /// The menu the command is in and its group there (a separator between groups); `None`
    /// for commands issued by buttons elsewhere.
    pub fn menu(&self) -> Option<(Menu, u8)> {
        match self {
            Command::New | Command::Open | Command::Save | Command::SaveAs => Some((Menu::File, 0)),
            Command::ExportDocx | Command::ExportPdf => Some((Menu::File, 1)),
            Command::ExportReportDocx | Command::ExportReportPdf => Some((Menu::File, 2)),
            Command::Quit => Some((Menu::File, 3)),
            Command::Undo | Command::Redo => Some((Menu::Edit, 0)),
            Command::ToggleDark => Some((Menu::View, 0)),
            Command::ShowCheck | Command::ShowPreview | Command::ShowReview => {
                Some((Menu::View, 1))
            }
            Command::About => Some((Menu::View, 2)),
            Command::NewFromTemplate(_)
            | Command::OpenRecent(_)
            | Command::GoTo(_)
            | Command::Next
            | Command::Previous
            | Command::Focus(_, _)
            | Command::CompareWith
            | Command::StopComparing
            | Command::Notice(_)
            | Command::DismissNotice => None,
        }
    }
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
    /// The settings were written.
    SettingsWritten(Result<(), String>),
    /// The recovery file was deleted.
    RecoveryDeleted(Result<(), String>),
    /// The user closed a file dialog without choosing.
    Cancelled,
}

/// A job for the store's line: settings and recovery file, one after the other.
type StoreJob = Box<dyn FnOnce() -> Done + Send>;

/// Where worker threads report. File dialogs, opening, saving and exporting each get a thread;
/// the store's writes and deletes (settings, recovery file) go down one line, in order, so a
/// late autosave cannot bring back a recovery file deleted after it.
pub struct Worker {
    sender: Sender<(bool, Done)>,
    receiver: Receiver<(bool, Done)>,
    /// How many dialog and file jobs are running (the status shows "Bezig…"); the store's
    /// quick writes are not counted.
    pub running: usize,
    store: Option<(Sender<StoreJob>, std::thread::JoinHandle<()>)>,
}

impl Default for Worker {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            running: 0,
            store: None,
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
                let _ = sender.send((true, job()));
                ctx.request_repaint();
            });
        if spawned.is_err() {
            self.running -= 1;
        }
    }

    /// Runs `job` on the store's line, after the store jobs before it.
    pub fn store(&mut self, ctx: &egui::Context, job: impl FnOnce() -> Done + Send + 'static) {
        if self.store.is_none() {
            let (jobs, inbox) = channel::<StoreJob>();
            let sender = self.sender.clone();
            let ctx = ctx.clone();
            let started = std::thread::Builder::new()
                .name("protocolwijzer-opslag".to_string())
                .spawn(move || {
                    while let Ok(job) = inbox.recv() {
                        let _ = sender.send((false, job()));
                        ctx.request_repaint();
                    }
                });
            match started {
                Ok(handle) => self.store = Some((jobs, handle)),
                // No thread to be had: the job runs here rather than not at all.
                Err(_) => {
                    let _ = self.sender.send((false, job()));
                    return;
                }
            }
        }
        if let Some((jobs, _)) = &self.store {
            let _ = jobs.send(Box::new(job));
        }
    }

    /// Waits until the store's line has done every job (on exit).
    pub fn finish_store(&mut self) {
        if let Some((jobs, handle)) = self.store.take() {
            drop(jobs);
            let _ = handle.join();
        }
    }

    /// The next finished result, if any.
    pub fn poll(&mut self) -> Option<Done> {
        let (counted, done) = self.receiver.try_recv().ok()?;
        if counted {
            self.running = self.running.saturating_sub(1);
        }
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
        crate::dates::dutch_long(today),
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
            Command::New => self.dialogs.open(Dialog::ChooseTemplate),
            Command::NewFromTemplate(name) => self.after_unsaved(ctx, Pending::New(name)),
            Command::Open => self.after_unsaved(ctx, Pending::Open),
            Command::OpenRecent(path) => self.after_unsaved(ctx, Pending::OpenPath(path)),
            Command::Save => self.save(ctx, None),
            Command::SaveAs => self.save_as(ctx, None),
            Command::ExportDocx => self.export(ctx, Format::Docx, None, false),
            Command::ExportPdf => self.export(ctx, Format::Pdf, None, false),
            Command::ExportReportDocx => self.export_report(ctx, Format::Docx, None),
            Command::ExportReportPdf => self.export_report(ctx, Format::Pdf, None),
            Command::Quit => {
                if self.is_dirty() {
                    self.dialogs.open(Dialog::Unsaved(Pending::Close));
                } else {
                    self.close_now(ctx);
                }
            }
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
            Command::ToggleDark => self.change_settings(ctx, |settings| {
                settings.dark = !settings.dark;
            }),
            Command::ShowCheck => self.set_side_tab(SideTab::Check),
            Command::ShowPreview => self.set_side_tab(SideTab::Preview),
            Command::ShowReview => self.set_side_tab(SideTab::Review),
            Command::About => self.dialogs.open(Dialog::About),
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
                self.form.focus_on(path);
            }
            Command::CompareWith => self.compare_with(ctx, None),
            Command::StopComparing => self.side.review.comparison = None,
            Command::Notice(text) => self.notice = Some(Notice::undoable(text)),
            Command::DismissNotice => self.notice = None,
        }
    }

    /// Carries out the answer to a dialog (already closed).
    pub(super) fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        match answer {
            Answer::Close => {}
            Answer::Run(command) => self.run_command(ctx, command),
            Answer::SaveThen(pending) => self.save(ctx, Some(pending)),
            Answer::DiscardThen(pending) => self.run_pending(ctx, pending),
            Answer::Restore(recovery) => {
                let recovery = *recovery;
                self.replace_document(ctx, recovery.protocol, recovery.path);
                // Restored work is not saved yet: mark it as changed, and keep the recovery
                // file until it is (the store writes it again after deleting the old one).
                self.generation += 1;
                self.start_autosave(ctx);
                self.notice = Some(Notice::info(
                    "Het werk is hersteld. Sla het op om het te bewaren.",
                ));
            }
            Answer::DeleteRecovery => self.delete_recovery(ctx),
            Answer::ExportAnyway { format, path } => self.export(ctx, format, path, true),
            Answer::OpenFolder(path) => open_folder(&path),
        }
    }

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    pub(super) fn after_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.is_dirty() {
            self.dialogs.open(Dialog::Unsaved(pending));
        } else {
            self.run_pending(ctx, pending);
        }
    }

    /// Runs what was waiting for unsaved changes to be dealt with.
    pub(super) fn run_pending(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New(name) => match template::new_protocol(name) {
                Ok(protocol) => {
                    self.replace_document(ctx, protocol, None);
                    self.notice = Some(Notice::info("Nieuw protocol gemaakt vanuit het sjabloon."));
                }
                Err(error) => self.dialogs.open(Dialog::Error(format!(
                    "Het sjabloon kan niet geladen worden: {error}"
                ))),
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
        self.delete_recovery(ctx);
        self.window.allow_close = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| {
                self.settings
                    .current
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
        let findings = self.current_findings();
        let errors = findings
            .iter()
            .filter(|finding| finding.severity == check::Severity::Fout)
            .count();
        if errors > 0 && !confirmed {
            self.dialogs.open(Dialog::ConfirmDraftExport {
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
        self.spawn_export(ctx, format, path, title, name, findings, document::build);
    }

    /// Exports the Adviesverslag to `path`, or to a file chosen in a save dialog when `None`.
    pub fn export_report(&mut self, ctx: &egui::Context, format: Format, path: Option<PathBuf>) {
        let findings = self.current_findings();
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
            findings,
            crate::review::report::build,
        );
    }

    /// Builds a document from the current protocol and writes it on the worker thread, to
    /// `path` or to a file chosen in a save dialog with this title and suggested name.
    #[allow(clippy::too_many_arguments)]
    fn spawn_export(
        &mut self,
        ctx: &egui::Context,
        format: Format,
        path: Option<PathBuf>,
        title: &'static str,
        name: String,
        findings: Vec<check::Finding>,
        build: fn(&crate::model::Protocol, &Options) -> crate::document::Document,
    ) {
        let protocol = self.protocol.clone();
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
            let options = Options::for_protocol(&protocol, &findings);
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

    /// Starts an autosave of the current model to the recovery file (on the store's line).
    pub(super) fn start_autosave(&mut self, ctx: &egui::Context) {
        let protocol = self.protocol.clone();
        let dir = self.settings.current.dir.clone();
        let origin = self.path.clone();
        self.autosave.generation = self.generation;
        self.worker.store(ctx, move || {
            Done::Autosaved(
                store::write_recovery(&dir, &protocol, origin.as_deref())
                    .map_err(|error| error.to_string()),
            )
        });
    }

    /// Deletes the recovery file (on the store's line, after any autosave before it).
    pub(super) fn delete_recovery(&mut self, ctx: &egui::Context) {
        let dir = self.settings.current.dir.clone();
        self.worker.store(ctx, move || {
            Done::RecoveryDeleted(store::delete_recovery(&dir).map_err(|error| error.to_string()))
        });
    }

    /// Writes the recovery file now, on this thread (tests; the app autosaves on the worker).
    pub fn autosave_now(&mut self) -> Result<(), String> {
        self.autosave.generation = self.generation;
        store::write_recovery(
            &self.settings.current.dir,
            &self.protocol,
            self.path.as_deref(),
        )
        .map_err(|error| error.to_string())
    }

    /// Handles a worker's result.
    pub(super) fn finish(&mut self, ctx: &egui::Context, done: Done) {
        match done {
            Done::Opened { path, result } => match result {
                Ok(protocol) => {
                    self.change_settings(ctx, |settings| settings.add_recent(&path));
                    self.replace_document(ctx, *protocol, Some(path));
                    self.notice = Some(Notice::info("Protocol geopend."));
                }
                Err(message) => self
                    .dialogs
                    .open(Dialog::Error(opening_error_text(&message))),
            },
            Done::Saved {
                path,
                generation,
                result,
                then,
            } => match result {
                Ok(()) => {
                    self.change_settings(ctx, |settings| settings.add_recent(&path));
                    self.path = Some(path);
                    self.saved_generation = generation;
                    if !self.is_dirty() {
                        self.delete_recovery(ctx);
                    }
                    self.notice = Some(Notice::info("Opgeslagen."));
                    if let Some(then) = then {
                        self.run_pending(ctx, then);
                    }
                }
                Err(message) => self.dialogs.open(Dialog::Error(message)),
            },
            Done::Exported {
                path,
                format,
                result,
            } => match result {
                Ok(()) => self.dialogs.open(Dialog::Exported { path, format }),
                Err(message) => self.dialogs.open(Dialog::Error(message)),
            },
            Done::Compared { path, result } => match result {
                Ok(other) => {
                    self.side.review.comparison =
                        Some(super::review_panel::Comparison::new(path, other));
                }
                Err(message) => self.dialogs.open(Dialog::Error(format!(
                    "Het bestand kan niet geopend worden om te vergelijken.\n\n{message}"
                ))),
            },
            Done::Autosaved(result) => {
                if let Err(message) = result {
                    self.notice = Some(Notice::info(&format!(
                        "De automatische reservekopie is mislukt: {message}"
                    )));
                }
            }
            Done::SettingsWritten(result) => {
                if let Err(message) = result {
                    self.notice = Some(Notice::info(&format!(
                        "De instellingen konden niet bewaard worden: {message}"
                    )));
                }
            }
            Done::RecoveryDeleted(result) => {
                if let Err(message) = result {
                    self.notice = Some(Notice::info(&format!(
                        "De automatische reservekopie kon niet gewist worden: {message}"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_list_has_every_command_without_data_once() {
        for (index, command) in Command::FIXED.iter().enumerate() {
            assert!(command.is_fixed(), "{command:?}");
            assert!(
                !Command::FIXED[..index].contains(command),
                "{command:?} twice"
            );
        }
        assert!(!Command::GoTo(Step::Data).is_fixed());
    }

    #[test]
    fn redo_is_ctrl_y_on_windows_and_ctrl_shift_z_everywhere() {
        let ctrl_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let ctrl_shift_z = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let windows = Command::Redo.shortcuts(OperatingSystem::Windows);
        assert_eq!(windows.first(), Some(&ctrl_y), "shown in the menu");
        assert!(windows.contains(&ctrl_shift_z));
        assert!(
            Command::Redo
                .shortcuts(OperatingSystem::Nix)
                .contains(&ctrl_y)
        );
        for os in [
            OperatingSystem::Windows,
            OperatingSystem::Nix,
            OperatingSystem::Mac,
        ] {
            assert!(
                Command::Redo.shortcuts(os).contains(&ctrl_shift_z),
                "{os:?}"
            );
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        for os in [
            OperatingSystem::Windows,
            OperatingSystem::Nix,
            OperatingSystem::Mac,
        ] {
            let all: Vec<KeyboardShortcut> = Command::FIXED
                .iter()
                .flat_map(|command| command.shortcuts(os))
                .collect();
            for (index, shortcut) in all.iter().enumerate() {
                assert!(!all[..index].contains(shortcut), "{shortcut:?} on {os:?}");
            }
        }
    }

    #[test]
    fn every_menu_has_commands_with_labels_and_tooltips() {
        for menu in Menu::ALL {
            let commands: Vec<&Command> = Command::FIXED
                .iter()
                .filter(|command| command.menu().is_some_and(|(of, _)| of == menu))
                .collect();
            assert!(!commands.is_empty(), "{menu:?}");
            for command in commands {
                assert!(!command.label().is_empty() && !command.tooltip().is_empty());
            }
        }
    }
}
