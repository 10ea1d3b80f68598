//! The modal dialogs: choose a template, save unsaved changes first, restore unsaved work,
//! export a draft, an export is done, a submission package refused (with the offer of a draft
//! package), an error, "Over Protocolwijzer". A dialog only shows and
//! answers; the app carries out the [`Answer`].

use std::path::PathBuf;

use egui::{Id, Ui};

use super::commands::{Command, Format, Pending};
use super::{count, theme};
use crate::check::Finding;
use crate::store::Recovery;
use crate::template;

/// The licence of the embedded fonts, shown in "Over Protocolwijzer" (the OFL asks that it go
/// with every copy; the Windows build is a single file).
const FONT_LICENCE: &str = include_str!("../../assets/fonts/LICENSE-LiberationSans.txt");

/// A modal dialog waiting for the user.
#[derive(Clone, Debug)]
pub(super) enum Dialog {
    /// Choose the template of a new protocol.
    ChooseTemplate,
    /// There are unsaved changes; save them before doing `Pending`?
    Unsaved(Pending),
    /// A recovery file from an earlier session exists.
    Restore(Box<Recovery>),
    /// Exporting a draft that still has errors.
    ConfirmDraftExport {
        format: Format,
        errors: usize,
        path: Option<PathBuf>,
    },
    /// An export is done.
    Exported { path: PathBuf, format: Format },
    /// The submission package is refused while the check finds these errors; a draft package
    /// can be made instead.
    PackageRefused { errors: Vec<Finding> },
    /// Something went wrong; the text says what and what to do.
    Error(String),
    /// The version, the commit it was built from, and the licences of what is shipped inside.
    About,
}

/// What the user answered; the dialog is closed before the app carries it out, so the answer
/// may open another dialog.
#[derive(Clone, Debug)]
pub(super) enum Answer {
    /// Close the dialog, nothing more.
    Close,
    /// Run a command.
    Run(Command),
    /// Save the changes, then do what was waiting.
    SaveThen(Pending),
    /// Forget the changes and do what was waiting.
    DiscardThen(Pending),
    /// Put the autosaved work back.
    Restore(Box<Recovery>),
    /// Delete the recovery file.
    DeleteRecovery,
    /// Export the draft after all.
    ExportAnyway {
        format: Format,
        path: Option<PathBuf>,
    },
    /// Open the folder holding the exported file.
    OpenFolder(PathBuf),
    /// Make a draft submission package (ONTWERP) after all.
    DraftPackage,
}

/// The dialog shown, and one waiting behind it.
#[derive(Default)]
pub(super) struct Dialogs {
    current: Option<Dialog>,
    /// A dialog that waits until the current one is closed (the restore offer behind an
    /// opening error at start-up).
    queued: Option<Dialog>,
}

impl Dialogs {
    /// Shows `dialog` (instead of the current one).
    pub fn open(&mut self, dialog: Dialog) {
        self.current = Some(dialog);
    }

    /// Shows `dialog` first; the current one waits behind it.
    pub fn open_first(&mut self, dialog: Dialog) {
        self.queued = self.current.take();
        self.current = Some(dialog);
    }

    /// Whether a dialog is shown.
    pub fn is_open(&self) -> bool {
        self.current.is_some()
    }

    /// Shows the current dialog; returns the user's answer, after closing it.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Answer> {
        if self.current.is_none() {
            self.current = self.queued.take();
        }
        let dialog = self.current.as_ref()?;
        let mut answer = None;
        let modal = egui::Modal::new(Id::unique("dialoog")).show(ctx, |ui| {
            ui.set_max_width(theme::DIALOG_WIDTH);
            answer = dialog_ui(ui, dialog);
        });
        // Escape or a click outside closes every dialog but the restore offer, which must be
        // answered.
        if answer.is_none() && modal.should_close() && !matches!(dialog, Dialog::Restore(_)) {
            answer = Some(Answer::Close);
        }
        if answer.is_some() {
            self.current = None;
        }
        answer
    }
}

/// A row of buttons; the first clicked gives the answer.
fn buttons_ui(ui: &mut Ui, choices: Vec<(&str, &str, Answer)>) -> Option<Answer> {
    let mut answer = None;
    ui.add_space(theme::DIALOG_GAP);
    ui.horizontal(|ui| {
        for (label, tooltip, choice) in choices {
            let mut response = ui.button(label);
            if !tooltip.is_empty() {
                response = response.on_hover_text(tooltip);
            }
            if response.clicked() {
                answer = Some(choice);
            }
        }
    });
    answer
}

fn dialog_ui(ui: &mut Ui, dialog: &Dialog) -> Option<Answer> {
    match dialog {
        Dialog::ChooseTemplate => {
            ui.heading("Nieuw protocol");
            ui.label("Kies het sjabloon waarmee u begint.");
            ui.add_space(theme::DIALOG_GAP);
            let mut answer = None;
            for template in template::TEMPLATES {
                let command = Command::NewFromTemplate(template.name);
                if ui
                    .button(command.label())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    answer = Some(Answer::Run(command));
                }
            }
            buttons_ui(ui, vec![("Annuleren", "", Answer::Close)]).or(answer)
        }
        Dialog::Unsaved(pending) => {
            ui.heading("Wijzigingen opslaan?");
            ui.label(
                "Het protocol heeft wijzigingen die nog niet opgeslagen zijn. Wilt u ze opslaan?",
            );
            buttons_ui(
                ui,
                vec![
                    ("Opslaan", "", Answer::SaveThen(pending.clone())),
                    (
                        "Niet opslaan",
                        "De wijzigingen gaan verloren.",
                        Answer::DiscardThen(pending.clone()),
                    ),
                    ("Annuleren", "", Answer::Close),
                ],
            )
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
            buttons_ui(
                ui,
                vec![
                    ("Herstellen", "", Answer::Restore(recovery.clone())),
                    (
                        "Verwijderen",
                        "De reservekopie wordt gewist.",
                        Answer::DeleteRecovery,
                    ),
                ],
            )
        }
        Dialog::ConfirmDraftExport {
            format,
            errors,
            path,
        } => {
            ui.heading("Ontwerp exporteren?");
            ui.label(format!(
                "De controle vindt nog {}. U kunt exporteren om na te lezen of te delen, maar \
                 het document krijgt dan het opschrift ONTWERP en is niet klaar om te \
                 ondertekenen.",
                count(*errors, "fout", "fouten")
            ));
            buttons_ui(
                ui,
                vec![
                    (
                        "Toch exporteren…",
                        "",
                        Answer::ExportAnyway {
                            format: *format,
                            path: path.clone(),
                        },
                    ),
                    ("Annuleren", "", Answer::Close),
                ],
            )
        }
        Dialog::Exported { path, format } => {
            ui.heading("Export klaar");
            ui.label(format!(
                "Het {} is opgeslagen als\n{}",
                format.name(),
                path.display()
            ));
            buttons_ui(
                ui,
                vec![
                    ("Map openen", "", Answer::OpenFolder(path.clone())),
                    ("Sluiten", "", Answer::Close),
                ],
            )
        }
        Dialog::PackageRefused { errors } => {
            ui.heading("Indienpakket nog niet mogelijk");
            ui.label(format!(
                "De controle vindt nog {}. Een indienpakket kan pas gemaakt worden als ze \
                 opgelost zijn. U kunt wel een ontwerppakket maken om te laten nalezen: elk \
                 document en de naam van het pakket krijgen dan het opschrift ONTWERP.",
                count(errors.len(), "fout", "fouten")
            ));
            ui.add_space(theme::SMALL_GAP);
            let mut answer = None;
            egui::ScrollArea::vertical()
                .max_height(theme::LIST_HEIGHT)
                .show(ui, |ui| {
                    for finding in errors {
                        let text = format!(
                            "Stap {} · {}: {}",
                            finding.step.number(),
                            finding.step.title(),
                            finding.message
                        );
                        if ui
                            .link(text)
                            .on_hover_text("Ga naar het veld waar het probleem zit.")
                            .clicked()
                        {
                            answer = Some(Answer::Run(Command::Focus(
                                finding.step,
                                finding.path.clone(),
                            )));
                        }
                    }
                });
            buttons_ui(
                ui,
                vec![
                    (
                        "Ontwerppakket maken (ONTWERP)",
                        "Maak het pakket toch, als ontwerp: niet om te ondertekenen.",
                        Answer::DraftPackage,
                    ),
                    ("Annuleren", "", Answer::Close),
                ],
            )
            .or(answer)
        }
        Dialog::About => {
            ui.heading("Over Protocolwijzer");
            ui.label(format!("Versie {}", crate::VERSION));
            ui.label(
                "Protocollen voor de elektronische mededeling van persoonsgegevens (art. 8, §1, \
                 e-govdecreet) opstellen, controleren en exporteren.",
            );
            ui.label("Licentie: European Union Public Licence (EUPL) 1.2.");
            ui.add_space(theme::SMALL_GAP);
            ui.label(
                "De PDF-export bevat het lettertype Liberation Sans, onder de SIL Open Font \
                 License 1.1:",
            );
            egui::ScrollArea::vertical()
                .max_height(theme::LICENCE_HEIGHT)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(FONT_LICENCE).small().monospace());
                });
            buttons_ui(ui, vec![("Sluiten", "", Answer::Close)])
        }
        Dialog::Error(message) => {
            ui.heading("Er ging iets mis");
            ui.label(message);
            buttons_ui(ui, vec![("Sluiten", "", Answer::Close)])
        }
    }
}
