//! How the app carries out commands and dialog answers: file dialogs, opening, saving,
//! exporting, comparing, the autosave and the recovery file all run on the worker
//! ([`super::worker`]); [`ProtocolApp::finish`] takes in their results.

use std::path::{Path, PathBuf};

use super::commands::{
    Command, Format, Pending, export_file_name, export_file_name_for, register_file_name,
};
use super::dialogs::{Answer, Dialog};
use super::file_picker::{FilePicker, PickFor, Picked};
use super::side_panel::SideTab;
use super::worker::Done;
use super::{Notice, ProtocolApp};
use crate::check;
use crate::pipeline::{self, PipelineError, Product};
use crate::{file, package, store, template};

/// What the app says when a file cannot be opened; `reason` names the file, line and column.
pub(super) fn opening_error_text(reason: &str) -> String {
    format!("Het bestand kan niet geopend worden.\n\n{reason}\n\nHet bestand is niet gewijzigd.")
}

/// A system dialog that answers "nothing chosen" faster than this did not show a window: a
/// person does not cancel in a quarter of a second.
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(250);

/// What a worker answers when the system dialog gave no path after `started`.
pub(super) fn nothing_chosen(started: std::time::Instant, purpose: PickFor) -> Done {
    if started.elapsed() < NO_DIALOG_WITHIN {
        Done::NoDialog(purpose)
    } else {
        Done::Cancelled
    }
}

/// Imports the document at `path` (on a worker thread).
fn imported(path: PathBuf) -> Done {
    Done::Imported {
        result: crate::import::import_file(&path)
            .map(|imported| Box::new(imported.protocol))
            .map_err(|error| error.to_string()),
        path,
    }
}

pub(super) fn file_dialog(folder: Option<&Path>) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new();
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
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
            Command::Import => self.after_unsaved(ctx, Pending::Import),
            Command::OpenDesk => self.choose_desk_folder(ctx),
            Command::ShowDesk => self.show_desk(),
            Command::Save => self.save(ctx, None),
            Command::SaveAs => self.save_as(ctx, None),
            Command::ExportDocx => self.export(ctx, Format::Docx, None, false),
            Command::ExportPdf => self.export(ctx, Format::Pdf, None, false),
            Command::ExportPublicationPdf => self.export(ctx, Format::PublicationPdf, None, false),
            Command::ExportReportDocx => self.export_report(ctx, Format::Docx, None),
            Command::ExportReportPdf => self.export_report(ctx, Format::Pdf, None),
            Command::ExportBesluitDocx => {
                self.export_product(ctx, Product::Besluit, Format::Docx, None)
            }
            Command::ExportBesluitPdf => {
                self.export_product(ctx, Product::Besluit, Format::Pdf, None)
            }
            Command::ExportAddendumDocx => {
                self.export_product(ctx, Product::Addendum, Format::Docx, None)
            }
            Command::ExportAddendumPdf => {
                self.export_product(ctx, Product::Addendum, Format::Pdf, None)
            }
            Command::ExportPackage => self.export_package(ctx, false, None),
            Command::ExportRegisterXlsx => self.export_register(ctx, None),
            Command::VerifySignedPdf => self.verify_signed_pdf(ctx, None),
            Command::Quit => {
                if self.is_dirty() {
                    self.dialogs.open(Dialog::Unsaved(Pending::Close));
                } else {
                    self.close_now(ctx);
                }
            }
            Command::Undo => match self.history.undo(&mut self.protocol) {
                Some(edit) => self.show_history_step("Ongedaan gemaakt", edit),
                None => self.notice = Some(Notice::info("Er is niets om ongedaan te maken.")),
            },
            Command::Redo => match self.history.redo(&mut self.protocol) {
                Some(edit) => self.show_history_step("Opnieuw uitgevoerd", edit),
                None => self.notice = Some(Notice::info("Er is niets om opnieuw uit te voeren.")),
            },
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
            Command::SetStatus(to) => {
                self.apply_review(super::review_panel::Action::Transition(to));
                let text = match &self.side.review.message {
                    Some(refused) => refused.clone(),
                    None => format!("De status is nu ‘{}’.", to.label()),
                };
                self.notice = Some(Notice::info(&text));
            }
            Command::Notice(text) => self.notice = Some(Notice::undoable(text)),
            Command::DismissNotice => self.notice = None,
        }
    }

    /// After an undo or redo: go to the step of the field it changed, put the cursor there,
    /// and say what changed ("Ongedaan gemaakt: Datum van ondertekening (stap 11)").
    fn show_history_step(&mut self, done: &str, edit: super::history::Edit) {
        self.model_replaced();
        let mut text = format!("{done}: {}", edit.label);
        if let Some(step) = edit.step {
            if step != self.step {
                self.go_to(step);
            }
            text.push_str(&format!(" (stap {}, {})", step.number(), step.title()));
            if !edit.path.is_empty() {
                self.form.focus_on(edit.path);
            }
        }
        text.push('.');
        self.notice = Some(Notice::info(&text));
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
            Answer::DraftPackage => self.export_package(ctx, true, None),
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
                if self.builtin_picker(PickFor::Open, "Protocol openen", false, None) {
                    return;
                }
                let folder = self.folder();
                self.worker.spawn(ctx, move || {
                    let started = std::time::Instant::now();
                    match file_dialog(folder.as_deref())
                        .set_title("Protocol openen")
                        .add_filter("Protocol (.ron)", &["ron"])
                        .pick_file()
                    {
                        Some(path) => Done::Opened {
                            result: file::load(&path).map(Box::new).map_err(|e| e.to_string()),
                            path,
                        },
                        None => nothing_chosen(started, PickFor::Open),
                    }
                });
            }
            Pending::OpenPath(path) => {
                self.worker.spawn(ctx, move || Done::Opened {
                    result: file::load(&path).map(Box::new).map_err(|e| e.to_string()),
                    path,
                });
            }
            Pending::Import => {
                if self.builtin_picker(PickFor::Import, "Importeren uit Word of PDF", false, None) {
                    return;
                }
                let folder = self.folder();
                self.worker.spawn(ctx, move || {
                    let started = std::time::Instant::now();
                    match file_dialog(folder.as_deref())
                        .set_title("Importeren uit Word of PDF")
                        .add_filter("Word, PDF of tekst", &["docx", "pdf", "txt"])
                        .pick_file()
                    {
                        Some(path) => imported(path),
                        None => nothing_chosen(started, PickFor::Import),
                    }
                });
            }
            Pending::ImportPath(path) => {
                self.notice = Some(Notice::info(&format!(
                    "‘{}’ wordt geïmporteerd…",
                    path.file_name().unwrap_or_default().to_string_lossy()
                )));
                self.worker.spawn(ctx, move || imported(path));
            }
            Pending::OpenSubmission(path) => self.open_submission(ctx, path),
            Pending::Close => self.close_now(ctx),
        }
    }

    /// Closes the window for good; the recovery file goes (the user chose).
    pub(super) fn close_now(&mut self, ctx: &egui::Context) {
        self.delete_recovery(ctx);
        self.window.allow_close = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    pub(super) fn folder(&self) -> Option<PathBuf> {
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
        self.save_to(ctx, path, then);
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
        if self.builtin_picker(
            PickFor::SaveAs(then.clone()),
            "Protocol opslaan als",
            true,
            Some(&name),
        ) {
            return;
        }
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
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
                None => nothing_chosen(started, PickFor::SaveAs(then)),
            }
        });
    }

    /// Saves to `path` on the worker, then goes on with `then`.
    fn save_to(&mut self, ctx: &egui::Context, path: PathBuf, then: Option<Pending>) {
        let protocol = self.protocol.clone();
        let generation = self.generation;
        self.worker.spawn(ctx, move || Done::Saved {
            result: file::save(&path, &protocol).map_err(|e| e.to_string()),
            path,
            generation,
            then,
        });
    }

    /// Opens the built-in file dialog for `purpose` when the system's cannot open; `false`
    /// when the system's dialog is to be used.
    pub(super) fn builtin_picker(
        &mut self,
        purpose: PickFor,
        title: &str,
        saving: bool,
        name: Option<&str>,
    ) -> bool {
        if self.system_dialogs {
            return false;
        }
        let kind = match &purpose {
            PickFor::Export(_, Format::Docx) => (&["docx"][..], "Word-documenten"),
            PickFor::Export(_, Format::Pdf | Format::PublicationPdf) => {
                (&["pdf"][..], "PDF-bestanden")
            }
            PickFor::Open | PickFor::SaveAs(_) | PickFor::Compare => {
                (&["ron"][..], "protocollen (.ron)")
            }
            PickFor::Import => (
                &["docx", "pdf", "txt"][..],
                "Word-documenten, PDF's of tekstbestanden",
            ),
            PickFor::DeskFolder => (
                &crate::desk::EXTENSIONS[..],
                "protocollen of indienpakketten",
            ),
            PickFor::DeskSheet => (&["xlsx"][..], "Excel-bestanden"),
            PickFor::Package { .. } => (&["zip"][..], "zip-bestanden"),
            PickFor::Register => (&["xlsx"][..], "Excel-werkmappen"),
            PickFor::SignedPdf => (&["pdf"][..], "PDF-bestanden"),
        };
        // The desk's dialogs start in the desk's folder.
        let folder = match (&purpose, &self.desk) {
            (PickFor::DeskFolder | PickFor::DeskSheet, Some(view)) => {
                Some(view.desk.folder.clone())
            }
            _ => self.folder(),
        };
        self.file_picker = Some(FilePicker::new(
            purpose,
            title,
            folder.as_deref(),
            saving,
            kind,
            name.unwrap_or_default(),
        ));
        true
    }

    /// The built-in file dialog, when open, and what follows from the path chosen in it.
    pub(super) fn file_picker_ui(&mut self, ctx: &egui::Context) {
        let Some(picker) = &mut self.file_picker else {
            return;
        };
        match picker.ui(ctx) {
            Picked::Open => {}
            Picked::Cancelled => self.file_picker = None,
            Picked::Chosen(path) => {
                let purpose = picker.purpose.clone();
                self.file_picker = None;
                match purpose {
                    PickFor::Open => self.run_pending(ctx, Pending::OpenPath(path)),
                    PickFor::SaveAs(then) => self.save_to(ctx, path, then),
                    PickFor::Export(Product::Protocol, format) => {
                        self.export(ctx, format, Some(path), true)
                    }
                    PickFor::Export(Product::Adviesverslag, format) => {
                        self.export_report(ctx, format, Some(path))
                    }
                    PickFor::Export(product @ (Product::Besluit | Product::Addendum), format) => {
                        self.export_product(ctx, product, format, Some(path))
                    }
                    PickFor::Compare => self.compare_with(ctx, Some(path)),
                    PickFor::Import => self.run_pending(ctx, Pending::ImportPath(path)),
                    PickFor::DeskFolder => self.open_desk(ctx, path),
                    PickFor::DeskSheet => self.write_desk_sheet(ctx, Some(path)),
                    PickFor::Package { draft } => self.export_package(ctx, draft, Some(path)),
                    PickFor::Register => self.export_register(ctx, Some(path)),
                    PickFor::SignedPdf => self.verify_signed_pdf(ctx, Some(path)),
                }
            }
        }
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
        let name = export_file_name_for(
            &self.protocol,
            self.path.as_deref(),
            Product::Protocol,
            format,
            chrono::Local::now().date_naive(),
        );
        let title = match format {
            Format::Docx => "Exporteren als DOCX",
            Format::Pdf => "Exporteren als PDF",
            Format::PublicationPdf => "Publicatieversie exporteren (PDF, toegankelijk)",
        };
        self.spawn_export(ctx, format, path, title, name, findings, Product::Protocol);
    }

    /// Exports the Adviesverslag to `path`, or to a file chosen in a save dialog when `None`.
    pub fn export_report(&mut self, ctx: &egui::Context, format: Format, path: Option<PathBuf>) {
        self.export_product(ctx, Product::Adviesverslag, format, path);
    }

    /// Exports a document other than the protocol (the Adviesverslag, the draft college
    /// decision) to `path`, or to a file chosen in a save dialog when `None`.
    pub fn export_product(
        &mut self,
        ctx: &egui::Context,
        product: Product,
        format: Format,
        path: Option<PathBuf>,
    ) {
        let findings = self.current_findings();
        let name = export_file_name_for(
            &self.protocol,
            self.path.as_deref(),
            product,
            format,
            chrono::Local::now().date_naive(),
        );
        let title = match (product, format) {
            (Product::Besluit, Format::Docx) => "Collegebesluit exporteren als DOCX",
            (Product::Besluit, Format::Pdf) => "Collegebesluit exporteren als PDF",
            (Product::Addendum, Format::Docx) => "Addendum exporteren als DOCX",
            (Product::Addendum, Format::Pdf) => "Addendum exporteren als PDF",
            (Product::Besluit, Format::PublicationPdf) => "Publicatieversie van het collegebesluit",
            (Product::Addendum, Format::PublicationPdf) => "Publicatieversie van het addendum",
            (Product::Protocol | Product::Adviesverslag, Format::PublicationPdf) => {
                "Publicatieversie van het adviesverslag"
            }
            (Product::Protocol | Product::Adviesverslag, Format::Docx) => {
                "Adviesverslag exporteren als DOCX"
            }
            (Product::Protocol | Product::Adviesverslag, Format::Pdf) => {
                "Adviesverslag exporteren als PDF"
            }
        };
        self.spawn_export(ctx, format, path, title, name, findings, product);
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
        product: Product,
    ) {
        if path.is_none()
            && self.builtin_picker(PickFor::Export(product, format), title, true, Some(&name))
        {
            return;
        }
        let protocol = self.protocol.clone();
        let folder = self.folder();
        let own_file = self.path.clone();
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
            let asked = path.is_none();
            let chosen = path.or_else(|| {
                file_dialog(folder.as_deref())
                    .set_title(title)
                    .add_filter(format.name(), &[format.extension()])
                    .set_file_name(name)
                    .save_file()
            });
            let Some(mut path) = chosen else {
                return if asked {
                    nothing_chosen(started, PickFor::Export(product, format))
                } else {
                    Done::Cancelled
                };
            };
            if path.extension().is_none() {
                path.set_extension(format.extension());
            }
            // An export never replaces the protocol file itself.
            if own_file
                .as_deref()
                .is_some_and(|own| file::same_file(own, &path))
            {
                return Done::Exported {
                    result: Err(format!(
                        "‘{}’ is het protocolbestand zelf; een export zou het vervangen. Kies \
                         een andere naam.",
                        path.display()
                    )),
                    path,
                    format,
                };
            }
            let result = pipeline::export_to(&protocol, &findings, product, format, &path)
                .map(|_| ())
                .map_err(|error| match error {
                    PipelineError::Export(error) => format!("Het exporteren is mislukt: {error}"),
                    PipelineError::Save(error) => error.to_string(),
                });
            Done::Exported {
                path,
                format,
                result,
            }
        });
    }

    /// Makes the submission package of the current protocol and writes it to `path`, or to a
    /// file chosen in a save dialog when `None` (the package's own name suggested). While the
    /// check finds errors a package is refused with a dialog listing them, which offers a
    /// draft package instead (`draft`): every document in it says ONTWERP, and so does its
    /// name.
    pub fn export_package(&mut self, ctx: &egui::Context, draft: bool, path: Option<PathBuf>) {
        let findings = self.current_findings();
        if !draft && check::has_errors(&findings) {
            let errors = findings
                .into_iter()
                .filter(|finding| finding.severity == check::Severity::Fout)
                .collect();
            self.dialogs.open(Dialog::PackageRefused { errors });
            return;
        }
        let today = chrono::Local::now().date_naive();
        let name = package::file_name(&self.protocol, today, draft);
        let title = if draft {
            "Ontwerppakket maken (ONTWERP)"
        } else {
            "Indienpakket maken"
        };
        let purpose = PickFor::Package { draft };
        if path.is_none() && self.builtin_picker(purpose.clone(), title, true, Some(&name)) {
            return;
        }
        let protocol = self.protocol.clone();
        let folder = self.folder();
        let own_file = self.path.clone();
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
            let asked = path.is_none();
            let chosen = path.or_else(|| {
                file_dialog(folder.as_deref())
                    .set_title(title)
                    .add_filter("Zip-bestand", &["zip"])
                    .set_file_name(name)
                    .save_file()
            });
            let Some(path) = chosen else {
                return if asked {
                    nothing_chosen(started, purpose)
                } else {
                    Done::Cancelled
                };
            };
            let path = package_path(path, draft);
            let what = if draft {
                "Indienpakket (ONTWERP)"
            } else {
                "Indienpakket"
            }
            .to_string();
            if let Some(refusal) = own_file_refusal(own_file.as_deref(), &path) {
                return Done::Written {
                    path,
                    what,
                    result: Err(refusal),
                };
            }
            let result = match package::build(&protocol, &findings, today, draft) {
                Ok(built) => {
                    file::write_atomically(&path, &built.bytes).map_err(|error| error.to_string())
                }
                Err(package::PackageError::HasErrors { errors }) => {
                    return Done::PackageRefused(errors);
                }
                Err(error) => Err(error.to_string()),
            };
            Done::Written { path, what, result }
        });
    }

    /// Writes the processing-register entry of the current protocol as an Excel sheet to
    /// `path`, or to a file chosen in a save dialog when `None`.
    pub fn export_register(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let name = register_file_name(&self.protocol, chrono::Local::now().date_naive());
        let title = "Verwerkingsregister exporteren (Excel)";
        if path.is_none() && self.builtin_picker(PickFor::Register, title, true, Some(&name)) {
            return;
        }
        let protocol = self.protocol.clone();
        let folder = self.folder();
        let own_file = self.path.clone();
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
            let asked = path.is_none();
            let chosen = path.or_else(|| {
                file_dialog(folder.as_deref())
                    .set_title(title)
                    .add_filter("Excel-werkmap", &["xlsx"])
                    .set_file_name(name)
                    .save_file()
            });
            let Some(mut path) = chosen else {
                return if asked {
                    nothing_chosen(started, PickFor::Register)
                } else {
                    Done::Cancelled
                };
            };
            if !has_extension(&path, "xlsx") {
                path = append_extension(path, "xlsx");
            }
            let what = "Verwerkingsregister".to_string();
            if let Some(refusal) = own_file_refusal(own_file.as_deref(), &path) {
                return Done::Written {
                    path,
                    what,
                    result: Err(refusal),
                };
            }
            let result = crate::register::xlsx(&protocol)
                .map_err(|error| error.to_string())
                .and_then(|bytes| {
                    file::write_atomically(&path, &bytes).map_err(|error| error.to_string())
                });
            Done::Written { path, what, result }
        });
    }

    /// Imports the signed protocol at `path` (Word, PDF or text) on a worker, as
    /// *Bestand › Importeren uit Word of PDF…* does once a file is chosen.
    pub fn import_from(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.run_pending(ctx, Pending::ImportPath(path));
    }

    /// Loads another protocol file to compare the current content with: `path`, or a file
    /// chosen in an open dialog when `None`. The differences show under "Wijzigingen".
    pub fn compare_with(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        if path.is_none()
            && self.builtin_picker(
                PickFor::Compare,
                "Vergelijken met een ander bestand",
                false,
                None,
            )
        {
            return;
        }
        let folder = self.folder();
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
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
                None => nothing_chosen(started, PickFor::Compare),
            }
        });
    }

    /// Verifies a signed PDF of this protocol on a worker: `path`, or a file chosen in an
    /// open dialog when `None`. The report shows in the Beoordeling tab. Trusted roots: the
    /// Belgian eID roots, and any certificates in the folder "vertrouwde certificaten" in
    /// the settings folder.
    pub fn verify_signed_pdf(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        if path.is_none() && self.builtin_picker(PickFor::SignedPdf, VERIFY_TITLE, false, None) {
            return;
        }
        let folder = self.folder();
        let protocol = self.protocol.clone();
        let extra_roots = self.settings.current.dir.join(TRUSTED_CERTIFICATES_FOLDER);
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
            let chosen = path.or_else(|| {
                file_dialog(folder.as_deref())
                    .set_title(VERIFY_TITLE)
                    .add_filter("PDF", &["pdf"])
                    .pick_file()
            });
            let Some(path) = chosen else {
                return nothing_chosen(started, PickFor::SignedPdf);
            };
            let result = verify_file(&path, &protocol, &extra_roots);
            Done::Verified { path, result }
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
                    self.notice = Some(Notice::until_edit("Opgeslagen."));
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
            Done::Written { path, what, result } => match result {
                Ok(()) => {
                    self.notice = Some(Notice::info(&format!(
                        "{what} opgeslagen: {}",
                        path.display()
                    )));
                }
                Err(message) => self.dialogs.open(Dialog::Error(message)),
            },
            Done::PackageRefused(errors) => self.dialogs.open(Dialog::PackageRefused { errors }),
            Done::Verified { path, result } => match result {
                Ok(report) => {
                    self.side.review.verification =
                        Some(super::review_panel::Verification { path, report });
                    self.side.review.scroll_to_verification = true;
                    self.set_side_tab(SideTab::Review);
                }
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
            Done::Imported { path, result } => match result {
                Ok(protocol) => {
                    let unplaced = protocol
                        .review
                        .import
                        .as_ref()
                        .map_or(0, |record| record.unplaced.len());
                    self.replace_document(ctx, *protocol, None);
                    // Not saved yet: the import lives only in the window (and the autosave)
                    // until the user saves it as a protocol file.
                    self.generation += 1;
                    let name = path
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    self.notice = Some(Notice::info(&if unplaced == 0 {
                        format!(
                            "‘{name}’ is geïmporteerd; alle tekst kreeg een plaats. Kijk het \
                             protocol na en sla het op als protocolbestand."
                        )
                    } else {
                        format!(
                            "‘{name}’ is geïmporteerd; {unplaced} stukken tekst kregen geen \
                             plaats. Ze staan onder ‘Beoordeling’ › ‘Niet geplaatst’. Sla het \
                             protocol op als protocolbestand."
                        )
                    }));
                    if unplaced > 0 {
                        self.set_side_tab(SideTab::Review);
                    }
                }
                Err(message) => self.dialogs.open(Dialog::Error(format!(
                    "Het bestand kan niet geïmporteerd worden.\n\n{message}\n\nEr is niets \
                     gewijzigd."
                ))),
            },
            done @ (Done::OpenedPackage { .. }
            | Done::DeskFolder(_)
            | Done::SheetWritten { .. }) => self.finish_desk(ctx, done),
            Done::Cancelled => {}
            Done::NoDialog(purpose) => {
                // From now on in this session, the built-in dialog.
                self.system_dialogs = false;
                let (title, saving) = match &purpose {
                    PickFor::Open => ("Protocol openen", false),
                    PickFor::SaveAs(_) => ("Protocol opslaan als", true),
                    PickFor::Export(Product::Protocol, _) => ("Exporteren", true),
                    PickFor::Export(Product::Adviesverslag, _) => {
                        ("Adviesverslag exporteren", true)
                    }
                    PickFor::Export(Product::Besluit, _) => ("Collegebesluit exporteren", true),
                    PickFor::Export(Product::Addendum, _) => ("Addendum exporteren", true),
                    PickFor::Compare => ("Vergelijken met een ander bestand", false),
                    PickFor::Import => ("Importeren uit Word of PDF", false),
                    PickFor::DeskFolder => ("Inzendingen openen", false),
                    PickFor::DeskSheet => ("Overzicht als Excel bewaren", true),
                    PickFor::Package { draft: false } => ("Indienpakket maken", true),
                    PickFor::Package { draft: true } => ("Ontwerppakket maken (ONTWERP)", true),
                    PickFor::Register => ("Verwerkingsregister exporteren (Excel)", true),
                    PickFor::SignedPdf => (VERIFY_TITLE, false),
                };
                let today = chrono::Local::now().date_naive();
                let name = match &purpose {
                    PickFor::Export(Product::Protocol, format) => Some(export_file_name_for(
                        &self.protocol,
                        self.path.as_deref(),
                        Product::Protocol,
                        *format,
                        today,
                    )),
                    PickFor::Export(
                        product @ (Product::Adviesverslag | Product::Besluit | Product::Addendum),
                        format,
                    ) => Some(export_file_name_for(
                        &self.protocol,
                        self.path.as_deref(),
                        *product,
                        *format,
                        today,
                    )),
                    PickFor::SaveAs(_) => self
                        .path
                        .as_ref()
                        .and_then(|path| path.file_name())
                        .map(|name| name.to_string_lossy().into_owned()),
                    PickFor::DeskSheet => Some(super::desk_view::sheet_file_name(today)),
                    PickFor::Package { draft } => {
                        Some(package::file_name(&self.protocol, today, *draft))
                    }
                    PickFor::Register => Some(register_file_name(&self.protocol, today)),
                    PickFor::Open
                    | PickFor::Compare
                    | PickFor::Import
                    | PickFor::DeskFolder
                    | PickFor::SignedPdf => None,
                };
                self.builtin_picker(purpose, title, saving, name.as_deref());
                self.notice = Some(Notice::info(
                    "Het bestandsvenster van het systeem kon niet openen (op Linux ontbreekt \
                     dan meestal de ‘xdg-desktop-portal’). Kies het bestand in dit venster.",
                ));
            }
        }
    }
}

/// Why nothing may be written to `path`: it is the protocol file itself (`own`).
fn own_file_refusal(own: Option<&Path>, path: &Path) -> Option<String> {
    own.is_some_and(|own| file::same_file(own, path)).then(|| {
        format!(
            "‘{}’ is het protocolbestand zelf; het zou vervangen worden. Kies een andere naam.",
            path.display()
        )
    })
}

/// Whether `path` ends in `.extension` (in any case).
fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|found| found.eq_ignore_ascii_case(extension))
}

/// `path` with `.extension` added to its name ("pakket.v2" → "pakket.v2.zip").
fn append_extension(path: PathBuf, extension: &str) -> PathBuf {
    let mut name = path.into_os_string();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Where a package chosen as `path` is written: always a `.zip`, and a draft package always
/// has ONTWERP in its name, also when the user typed a name without it — a draft must not
/// pass for a package to sign ("Pakket.zip" → "Pakket ONTWERP.zip").
fn package_path(path: PathBuf, draft: bool) -> PathBuf {
    let path = if has_extension(&path, "zip") {
        path
    } else {
        append_extension(path, "zip")
    };
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    if draft && !stem.contains(package::DRAFT_MARK) {
        path.with_file_name(format!("{stem} {}.zip", package::DRAFT_MARK))
    } else {
        path
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

/// The title of the dialog that chooses a signed PDF.
const VERIFY_TITLE: &str = "Ondertekend PDF controleren";

/// The folder, in the settings folder, whose certificates are trusted besides the Belgian eID
/// roots (a new root, a test CA).
pub const TRUSTED_CERTIFICATES_FOLDER: &str = "vertrouwde certificaten";

/// Reads and verifies the signed PDF at `path` against `protocol`.
fn verify_file(
    path: &Path,
    protocol: &crate::model::Protocol,
    extra_roots: &Path,
) -> Result<Box<crate::signature::Report>, String> {
    use crate::signature::{self, Roots};
    let unreadable = |error: &dyn std::fmt::Display| {
        format!(
            "‘{}’ kan niet gecontroleerd worden.\n\n{error}",
            path.display()
        )
    };
    let bytes = std::fs::read(path).map_err(|error| unreadable(&error))?;
    let mut roots = Roots::belgian_eid();
    if extra_roots.is_dir() {
        roots = roots.and(Roots::from_folder(extra_roots).map_err(|error| unreadable(&error))?);
    }
    signature::verify(&bytes, &roots, Some(protocol))
        .map(Box::new)
        .map_err(|error| unreadable(&error))
}
