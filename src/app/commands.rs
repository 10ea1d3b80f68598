//! The commands the menus, buttons and shortcuts ask for, as one table: label, tooltip,
//! shortcuts per platform and place in the menus, each one `match` over every command with no
//! catch-all, and [`Command::FIXED`], the one list the menus and the shortcut handling iterate
//! (the compiler checks it against the enum). The app carries them out in `execute.rs`.

use std::path::PathBuf;

use egui::os::OperatingSystem;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::Protocol;
use crate::model::Status;
use crate::model::Step;
use crate::template;

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
    /// Import a signed protocol from Word, PDF or text (dialog).
    Import,
    /// Open a folder of submissions in the Inzendingen view (dialog).
    OpenDesk,
    /// Show the Inzendingen view again (after opening a submission from it).
    ShowDesk,
    /// Save to the current file (or ask for one).
    Save,
    /// Save to a new file (dialog).
    SaveAs,
    /// Export as DOCX (dialog).
    ExportDocx,
    /// Export as PDF (dialog).
    ExportPdf,
    /// Export the publication PDF: tagged, PDF/A, no signature fields (dialog).
    ExportPublicationPdf,
    /// Export the Adviesverslag as DOCX (dialog).
    ExportReportDocx,
    /// Export the Adviesverslag as PDF (dialog).
    ExportReportPdf,
    /// Export the draft college decision (besluit) as DOCX (dialog).
    ExportBesluitDocx,
    /// Export the draft college decision as PDF (dialog).
    ExportBesluitPdf,
    /// Export the addendum in the making as DOCX (dialog).
    ExportAddendumDocx,
    /// Export the addendum in the making as PDF, with its own signature fields (dialog).
    ExportAddendumPdf,
    /// Make the submission package, one zip (dialog); refused while the check finds errors,
    /// with the offer of a draft package.
    ExportPackage,
    /// Export the processing-register entry as an Excel sheet (dialog).
    ExportRegisterXlsx,
    /// Verify a signed PDF of this protocol (dialog): fields, signatures, certificates,
    /// changes, text; from a complete one the status may move to "Ondertekend".
    VerifySignedPdf,
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
    /// Move the protocol's review status (as the Beoordeling tab's buttons do), e.g. to
    /// "Ter advies bij DPO" from step 12.
    SetStatus(Status),
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
                    | Command::SetStatus(_)
                    | Command::Notice(_) => false,
                }
            }
        }
    };
}

fixed_commands![
    New,
    Open,
    Import,
    OpenDesk,
    Save,
    SaveAs,
    ExportDocx,
    ExportPdf,
    ExportPublicationPdf,
    ExportReportDocx,
    ExportReportPdf,
    ExportBesluitDocx,
    ExportBesluitPdf,
    ExportAddendumDocx,
    ExportAddendumPdf,
    ExportPackage,
    ExportRegisterXlsx,
    VerifySignedPdf,
    Quit,
    Undo,
    Redo,
    ToggleDark,
    ShowCheck,
    ShowPreview,
    ShowReview,
    ShowDesk,
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
            Command::Import => "Importeren uit Word of PDF…".to_string(),
            Command::OpenDesk => "Inzendingen openen…".to_string(),
            Command::ShowDesk => "Inzendingen tonen".to_string(),
            Command::OpenRecent(path) => path.display().to_string(),
            Command::Save => "Opslaan".to_string(),
            Command::SaveAs => "Opslaan als…".to_string(),
            Command::ExportDocx => "Exporteren als DOCX…".to_string(),
            Command::ExportPdf => "Exporteren als PDF…".to_string(),
            Command::ExportPublicationPdf => {
                "Publicatieversie exporteren (PDF, toegankelijk)…".to_string()
            }
            Command::ExportReportDocx => "Adviesverslag exporteren als DOCX…".to_string(),
            Command::ExportReportPdf => "Adviesverslag exporteren als PDF…".to_string(),
            Command::ExportBesluitDocx => "Ontwerp van collegebesluit als DOCX…".to_string(),
            Command::ExportBesluitPdf => "Ontwerp van collegebesluit als PDF…".to_string(),
            Command::ExportAddendumDocx => "Addendum exporteren als DOCX…".to_string(),
            Command::ExportAddendumPdf => "Addendum exporteren als PDF…".to_string(),
            Command::ExportPackage => "Indienpakket maken…".to_string(),
            Command::ExportRegisterXlsx => "Verwerkingsregister exporteren (Excel)…".to_string(),
            Command::VerifySignedPdf => "Ondertekend PDF controleren…".to_string(),
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
            Command::SetStatus(status) => format!("Status: {}", status.label()),
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
            Command::Import => {
                "Lees een bestaand, ondertekend protocol in uit Word (.docx), PDF of tekst."
            }
            Command::OpenRecent(_) => "Open dit recent gebruikte bestand.",
            Command::OpenDesk => {
                "Toon alle protocollen en indienpakketten van een map (en haar submappen) in één tabel: status, controle, adviezen, goedkeuring."
            }
            Command::ShowDesk => "Ga terug naar de tabel met inzendingen.",
            Command::Save => "Sla het protocol op in het huidige bestand.",
            Command::SaveAs => "Sla het protocol op in een nieuw bestand.",
            Command::ExportDocx => {
                "Maak een Word-document om te delen of na te lezen. Een ontwerp met fouten krijgt het opschrift ONTWERP."
            }
            Command::ExportPdf => {
                "Maak het PDF-bestand met lege handtekeningvelden dat de partijen ondertekenen."
            }
            Command::ExportPublicationPdf => {
                "Maak de PDF voor de website: toegankelijk (PDF/UA, met koppen, lijsten en tabellen voor schermlezers) en archiefvast (PDF/A), zonder handtekeningvelden."
            }
            Command::ExportReportDocx => {
                "Maak een Word-document met de adviezen, de goedkeuring, de beoordelingen, de opmerkingen en de geschiedenis."
            }
            Command::ExportReportPdf => {
                "Maak een PDF-bestand met de adviezen, de goedkeuring, de beoordelingen, de opmerkingen en de geschiedenis."
            }
            Command::ExportBesluitDocx | Command::ExportBesluitPdf => {
                "Maak het ontwerp van besluit van het college (en vast bureau) dat de steun regelt, de sociale toeslag als criterium kiest, het protocol goedkeurt en de ondertekenaars aanwijst."
            }
            Command::ExportPackage => {
                "Maak één zip-bestand om in te dienen: het protocol (PDF, DOCX en het protocolbestand), het ontwerp van collegebesluit, het adviesverslag en een inhoudsopgave met controlegetallen. Kan pas als de controle geen fouten meer vindt; anders als ontwerppakket (ONTWERP)."
            }
            Command::ExportRegisterXlsx => {
                "Maak een Excel-werkmap met de regel voor het verwerkingsregister (art. 30 AVG) van dit protocol."
            }
            Command::VerifySignedPdf => {
                "Kies het ondertekende PDF-bestand: Protocolwijzer gaat na of elk handtekeningveld geldig ondertekend is, door wie, of het certificaat tot een Belgische eID-root leidt, of het document na het ondertekenen gewijzigd werd en of het de goedgekeurde tekst is."
            }
            Command::ExportAddendumDocx | Command::ExportAddendumPdf => {
                "Maak het addendum bij het ondertekende protocol: wat er verandert, met eigen advies en handtekeningvelden. De gewone export geeft de geconsolideerde tekst."
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
            Command::Next => "Ga naar de volgende stap (Ctrl+PgDn).",
            Command::Previous => "Ga naar de vorige stap (Ctrl+PgUp).",
            Command::Focus(_, _) => "Ga naar het veld waar het probleem zit.",
            Command::CompareWith => {
                "Toon wat er verschilt tussen een ander protocolbestand (.ron) en de huidige inhoud."
            }
            Command::StopComparing => "Toon de verschillen met het andere bestand niet meer.",
            Command::SetStatus(_) => {
                "Zet de status van het protocol; de geschiedenis onthoudt wie dat deed en wanneer."
            }
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
            // As browsers and editors switch tabs; Alt+arrows would take word moves from text
            // fields on macOS.
            Command::Next => vec![command(Key::PageDown)],
            Command::Previous => vec![command(Key::PageUp)],
            Command::NewFromTemplate(_)
            | Command::OpenRecent(_)
            | Command::Import
            | Command::OpenDesk
            | Command::ShowDesk
            | Command::ExportDocx
            | Command::ExportPdf
            | Command::ExportPublicationPdf
            | Command::ExportReportDocx
            | Command::ExportReportPdf
            | Command::ExportBesluitDocx
            | Command::ExportBesluitPdf
            | Command::ExportAddendumDocx
            | Command::ExportAddendumPdf
            | Command::ExportPackage
            | Command::ExportRegisterXlsx
            | Command::VerifySignedPdf
            | Command::Quit
            | Command::ToggleDark
            | Command::ShowCheck
            | Command::ShowPreview
            | Command::ShowReview
            | Command::About
            | Command::GoTo(_)
            | Command::Focus(_, _)
            | Command::CompareWith
            | Command::StopComparing
            | Command::SetStatus(_)
            | Command::Notice(_)
            | Command::DismissNotice => Vec::new(),
        }
    }

    /// The menu the command is in and its group there (a separator between groups); `None`
    /// for commands issued by buttons elsewhere.
    pub fn menu(&self) -> Option<(Menu, u8)> {
        match self {
            Command::New
            | Command::Open
            | Command::Import
            | Command::OpenDesk
            | Command::Save
            | Command::SaveAs => Some((Menu::File, 0)),
            Command::ExportDocx | Command::ExportPdf | Command::ExportPublicationPdf => {
                Some((Menu::File, 1))
            }
            Command::ExportReportDocx
            | Command::ExportReportPdf
            | Command::ExportBesluitDocx
            | Command::ExportBesluitPdf
            | Command::ExportAddendumDocx
            | Command::ExportAddendumPdf => Some((Menu::File, 2)),
            Command::ExportPackage | Command::ExportRegisterXlsx | Command::VerifySignedPdf => {
                Some((Menu::File, 3))
            }
            Command::Quit => Some((Menu::File, 4)),
            Command::Undo | Command::Redo => Some((Menu::Edit, 0)),
            Command::ToggleDark => Some((Menu::View, 0)),
            Command::ShowCheck | Command::ShowPreview | Command::ShowReview | Command::ShowDesk => {
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
            | Command::SetStatus(_)
            | Command::Notice(_)
            | Command::DismissNotice => None,
        }
    }
}

/// The export formats: the pipeline's, which the command line uses too.
pub use crate::pipeline::Format;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start a new protocol from this template.
    New(&'static str),
    /// Open a file (dialog).
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Import a document (dialog).
    Import,
    /// Import this document.
    ImportPath(PathBuf),
    /// Open this submission from the Inzendingen view: a protocol file, or the protocol
    /// inside a submission package (which is never written to).
    OpenSubmission(PathBuf),
    /// Close the app.
    Close,
}

/// The suggested export file name: `Protocol <gemeente> <datum>.<ext>`.
/// The party is named by its legal name ("Gemeente Zoersel"), never by the short name the
/// text uses ("de gemeente").
pub fn export_file_name(protocol: &Protocol, format: Format, today: chrono::NaiveDate) -> String {
    if format == Format::PublicationPdf {
        return publication_name(export_file_name(protocol, Format::Pdf, today));
    }
    format!(
        "Protocol {} {}.{}",
        crate::package::name_for_files(protocol),
        crate::dutch::dutch_long(today),
        format.extension()
    )
}

/// The name of the publication PDF beside the signature-ready `pdf_name`: "X.pdf" →
/// "X publicatie.pdf", so the two never take each other's place.
fn publication_name(pdf_name: String) -> String {
    match pdf_name.strip_suffix(".pdf") {
        Some(stem) => format!("{stem} publicatie.pdf"),
        None => pdf_name,
    }
}

/// The suggested name of an export of a protocol saved as `saved`: the saved file's own name
/// with the export's extension ("Zoersel sociale toeslag.ron" → "Zoersel sociale
/// toeslag.pdf"; the Adviesverslag "Adviesverslag Zoersel sociale toeslag.pdf"), else the
/// name made from the protocol.
pub fn export_file_name_for(
    protocol: &Protocol,
    saved: Option<&std::path::Path>,
    product: crate::pipeline::Product,
    format: Format,
    today: chrono::NaiveDate,
) -> String {
    use crate::pipeline::Product;
    if format == Format::PublicationPdf {
        return publication_name(export_file_name_for(
            protocol,
            saved,
            product,
            Format::Pdf,
            today,
        ));
    }
    let stem = saved
        .and_then(|path| path.file_stem())
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.trim().is_empty());
    match (stem, product) {
        (Some(stem), Product::Protocol) => format!("{stem}.{}", format.extension()),
        (Some(stem), Product::Adviesverslag) => {
            format!("Adviesverslag {stem}.{}", format.extension())
        }
        (Some(stem), Product::Besluit) => format!("Collegebesluit {stem}.{}", format.extension()),
        (Some(stem), Product::Addendum) => {
            let number = protocol
                .review
                .amendment
                .as_ref()
                .map_or(1, |amendment| amendment.number);
            format!("Addendum {number} {stem}.{}", format.extension())
        }
        (None, Product::Protocol) => export_file_name(protocol, format, today),
        (None, Product::Adviesverslag) => report_file_name(protocol, format, today),
        (None, Product::Besluit) => {
            let name = export_file_name(protocol, format, today);
            match name.strip_prefix("Protocol ") {
                Some(rest) => format!("Collegebesluit {rest}"),
                None => name,
            }
        }
        (None, Product::Addendum) => {
            let number = protocol
                .review
                .amendment
                .as_ref()
                .map_or(1, |amendment| amendment.number);
            let name = export_file_name(protocol, format, today);
            match name.strip_prefix("Protocol ") {
                Some(rest) => format!("Addendum {number} {rest}"),
                None => name,
            }
        }
    }
}

/// The suggested name of the processing-register sheet:
/// `Verwerkingsregister <gemeente> <datum>.xlsx`.
pub fn register_file_name(protocol: &Protocol, today: chrono::NaiveDate) -> String {
    format!(
        "Verwerkingsregister {} {}.xlsx",
        crate::package::name_for_files(protocol),
        crate::dutch::dutch_long(today)
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

    #[test]
    fn the_publication_pdf_is_in_the_file_menu_beside_the_pdf_and_keeps_its_own_name() {
        let command = Command::ExportPublicationPdf;
        assert_eq!(
            command.label(),
            "Publicatieversie exporteren (PDF, toegankelijk)…"
        );
        assert_eq!(command.menu(), Command::ExportPdf.menu());
        assert!(Command::FIXED.contains(&command));
        let protocol = Protocol::default();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();
        let saved = std::path::Path::new("Zoersel sociale toeslag.ron");
        let name = |format| {
            export_file_name_for(
                &protocol,
                Some(saved),
                crate::pipeline::Product::Protocol,
                format,
                today,
            )
        };
        assert_eq!(name(Format::Pdf), "Zoersel sociale toeslag.pdf");
        assert_eq!(
            name(Format::PublicationPdf),
            "Zoersel sociale toeslag publicatie.pdf"
        );
        assert!(
            export_file_name(&protocol, Format::PublicationPdf, today).ends_with(" publicatie.pdf")
        );
    }
}
