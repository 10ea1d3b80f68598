//! The command line: clap subcommands over the same library calls the app uses.
//!
//! Exit codes: 0 all well, 1 findings or a refusal, 2 a file that could not be read or written
//! (or a usage error).

mod check;
mod diff;
mod dutch;
mod export;
mod package;
mod verify;

pub use dutch::{ParseStop, command, parse_from};

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::{file, template};

pub use crate::VERSION;

/// Exit code: all went well.
pub const EXIT_OK: u8 = 0;
/// Exit code: the check found errors, or the command refused (e.g. would overwrite a file).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: an input file could not be read, an output file could not be written, or the
/// arguments were wrong.
pub const EXIT_FILE_ERROR: u8 = 2;

/// Protocolwijzer: protocollen voor de elektronische mededeling van persoonsgegevens
/// (art. 8, §1, e-govdecreet) opstellen, controleren en exporteren.
#[derive(Parser, Debug)]
#[command(name = "protocolwijzer", version = VERSION, about, long_about = None)]
#[command(
    after_help = "Zonder opdracht opent de app met een nieuw protocol volgens het \
    standaardprotocol van Opgroeien; met alleen een bestandsnaam opent de app dat bestand \
    (zo opent een dubbelklik op een protocolbestand het in de app).\n\nAfsluitcodes: 0 in \
    orde, 1 bevindingen of geweigerd, 2 een bestand kon niet gelezen of geschreven worden \
    of de opdracht is verkeerd.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Een protocolbestand om in de app te openen (hetzelfde als `open BESTAND`).
    #[arg(value_name = "BESTAND")]
    pub file: Option<PathBuf>,
}

impl Cli {
    /// Whether this command line opens the app's window (no subcommand, `open`, or a bare
    /// file name) rather than running a command that prints its result.
    pub fn opens_window(&self) -> bool {
        matches!(
            self.command,
            None | Some(Command::Open { .. }) | Some(Command::Inzendingen { excel: None, .. })
        )
    }

    /// The folder the app should show in its Inzendingen view (`inzendingen MAP`).
    pub fn desk_to_open(&self) -> Option<&Path> {
        match &self.command {
            Some(Command::Inzendingen {
                folder,
                excel: None,
                ..
            }) => Some(folder),
            _ => None,
        }
    }

    /// A bare word that is neither a file nor a path (`protocolwijzer chek`): most likely a
    /// mistyped command, reported as such instead of opening the app on a missing file.
    pub fn mistyped_command(&self) -> Option<&str> {
        let file = self.file.as_deref()?;
        let bare_word = file.extension().is_none() && file.components().count() == 1;
        (self.command.is_none() && bare_word && !file.exists()).then(|| file.to_str())?
    }

    /// The file the app should open, from `open FILE` or a bare file name.
    pub fn file_to_open(&self) -> Option<&Path> {
        match &self.command {
            Some(Command::Open { file }) => Some(file),
            _ => self.file.as_deref(),
        }
    }
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open een protocolbestand in de app.
    Open {
        /// Het .ron-bestand.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// Maak een nieuw protocolbestand vanuit een sjabloon.
    New {
        /// Naam van het sjabloon (zie `protocolwijzer templates`).
        #[arg(long, short, value_name = "SJABLOON", default_value = template::DEFAULT_TEMPLATE)]
        template: String,
        /// Het bestand dat gemaakt wordt.
        #[arg(long = "output", short = 'o', value_name = "BESTAND")]
        output: PathBuf,
        /// Overschrijf het bestand als het al bestaat (de vorige versie blijft als .bak).
        #[arg(long)]
        force: bool,
    },
    /// Toon de beschikbare sjablonen.
    Templates,
    /// Controleer een of meer protocollen (of alle .ron-bestanden in een map).
    Check(CheckArgs),
    /// Exporteer een protocol als DOCX en/of PDF.
    Export(ExportArgs),
    /// Toon welke velden verschillen tussen twee versies van een protocol (afsluitcode 0: geen
    /// verschil, 1: verschillen, 2: onleesbaar).
    Diff {
        /// De oude versie.
        #[arg(value_name = "OUD")]
        old: PathBuf,
        /// De nieuwe versie.
        #[arg(value_name = "NIEUW")]
        new: PathBuf,
    },
    /// Importeer een bestaand (ondertekend) protocol uit Word (.docx), PDF of tekst naar een
    /// protocolbestand; wat niet geplaatst kon worden, staat in het bestand en in het verslag.
    Import {
        /// Het Word-document, de PDF of het tekstbestand.
        #[arg(value_name = "BRON")]
        source: PathBuf,
        /// Het protocolbestand (.ron) dat gemaakt wordt.
        #[arg(long = "output", short = 'o', value_name = "BESTAND")]
        output: PathBuf,
        /// Schrijf het importverslag (waar elk veld vandaan komt, wat niet geplaatst is) naar
        /// dit tekstbestand.
        #[arg(long, value_name = "VERSLAG")]
        report: Option<PathBuf>,
        /// Overschrijf het protocolbestand als het al bestaat (de vorige versie blijft als .bak).
        #[arg(long)]
        force: bool,
    },
    /// Schrijf de regel voor het verwerkingsregister (art. 30 AVG) van een protocol als CSV
    /// (Excel en LibreOffice: UTF-8, puntkomma's) of als Excel-werkmap (.xlsx, met de datum
    /// als echte datum); de extensie van UITVOER kiest.
    Register {
        /// Het protocolbestand.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Het bestand dat gemaakt wordt: eindigend op .csv of op .xlsx.
        #[arg(long = "output", short = 'o', value_name = "UITVOER")]
        output: PathBuf,
    },
    /// Open de inzendingen van een map (protocollen en indienpakketten, ook in submappen) in
    /// één tabel in de app; met --excel wordt het overzicht een Excel-bestand, zonder venster.
    Inzendingen {
        /// De map met inzendingen.
        #[arg(value_name = "MAP")]
        folder: PathBuf,
        /// Schrijf het overzicht naar dit Excel-bestand (.xlsx) in plaats van de app te openen.
        #[arg(long, value_name = "XLSX")]
        excel: Option<PathBuf>,
        /// Overschrijf het Excel-bestand als het al bestaat (de vorige versie blijft als .bak).
        #[arg(long)]
        force: bool,
        /// De datum van vandaag (JJJJ-MM-DD), voor de controle.
        #[arg(long, value_name = "DATUM", value_parser = parse_date)]
        today: Option<chrono::NaiveDate>,
    },
    /// Maak het indienpakket: één zip met het protocol (PDF, DOCX en .ron), het ontwerp van
    /// collegebesluit (gemeentelijk scenario), het adviesverslag en inhoud.txt met de
    /// controlegetallen. Geweigerd zolang de controle fouten vindt, tenzij met --ontwerp.
    #[command(name = "pakket")]
    Package(PackageArgs),
    /// Maak de versie voor de website: van elk goedgekeurd protocol in MAP (en submappen) een
    /// toegankelijke webpagina en een toegankelijke PDF, en de ondertekende PDF als die naast
    /// het protocol staat en volledig en geldig ondertekend is, plus index.html met de lijst
    /// van alle protocollen.
    Website {
        /// De map met protocolbestanden (.ron).
        #[arg(value_name = "MAP")]
        folder: PathBuf,
        /// De map waarin de website geschreven wordt.
        #[arg(long = "output", short = 'o', value_name = "UITVOERMAP")]
        output: PathBuf,
        /// Publiceer ook ontwerpen (elke pagina draagt dan het opschrift ONTWERP).
        #[arg(long)]
        ook_ontwerpen: bool,
        /// De datum van vandaag (JJJJ-MM-DD), voor de controle.
        #[arg(long, value_name = "DATUM", value_parser = parse_date)]
        today: Option<chrono::NaiveDate>,
    },
    /// Controleer een ondertekend PDF-bestand: welke handtekeningvelden ondertekend zijn, door
    /// wie en wanneer, of elke handtekening geldig is, of het certificaat tot een Belgische
    /// eID-root leidt, of het document na het ondertekenen gewijzigd werd en (met --protocol)
    /// of het de goedgekeurde tekst van het protocol is. Afsluitcode 0: volledig en geldig
    /// ondertekend, 1: niet, 2: onleesbaar.
    Verify(verify::VerifyArgs),
    /// Toon de vingerafdruk (SHA-256) van de inhoud van een protocol.
    Fingerprint {
        /// Het .ron-bestand.
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
}

/// Arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Protocolbestanden of mappen.
    #[arg(required = true, value_name = "BESTANDEN")]
    pub files: Vec<PathBuf>,
    /// Uitvoer als tekst of als JSON.
    #[arg(long, value_enum, value_name = "VORM", default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// De datum van vandaag (JJJJ-MM-DD), om adviesdata mee te vergelijken.
    #[arg(long, value_name = "DATUM", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

/// Arguments of `export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Het protocolbestand.
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// Schrijf een DOCX naar dit bestand.
    #[arg(long, value_name = "BESTAND")]
    pub docx: Option<PathBuf>,
    /// Schrijf een PDF naar dit bestand.
    #[arg(long, value_name = "BESTAND")]
    pub pdf: Option<PathBuf>,
    /// Schrijf de publicatieversie als PDF: toegankelijk (PDF/UA-1) en archiefvast (PDF/A-2),
    /// zonder handtekeningvelden, voor de website.
    #[arg(long, value_name = "BESTAND")]
    pub publication_pdf: Option<PathBuf>,
    /// Schrijf het adviesverslag (opmerkingen, oordelen, adviezen, geschiedenis) als DOCX.
    #[arg(long, value_name = "BESTAND")]
    pub report_docx: Option<PathBuf>,
    /// Schrijf het adviesverslag als PDF.
    #[arg(long, value_name = "BESTAND")]
    pub report_pdf: Option<PathBuf>,
    /// Schrijf het ontwerp van collegebesluit (gemeentelijk scenario) als DOCX.
    #[arg(long, value_name = "BESTAND")]
    pub besluit_docx: Option<PathBuf>,
    /// Schrijf het ontwerp van collegebesluit als PDF.
    #[arg(long, value_name = "BESTAND")]
    pub besluit_pdf: Option<PathBuf>,
    /// Schrijf het addendum in opmaak (de wijzigingen van een ondertekend protocol) als DOCX;
    /// --docx/--pdf geven dan de geconsolideerde tekst.
    #[arg(long, value_name = "BESTAND")]
    pub addendum_docx: Option<PathBuf>,
    /// Schrijf het addendum in opmaak als PDF, met eigen handtekeningvelden.
    #[arg(long, value_name = "BESTAND")]
    pub addendum_pdf: Option<PathBuf>,
    /// Weiger te exporteren als de controle fouten vindt.
    #[arg(long)]
    pub require_complete: bool,
    /// De datum van vandaag (JJJJ-MM-DD), voor de controle.
    #[arg(long, value_name = "DATUM", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

/// Arguments of `pakket`.
#[derive(clap::Args, Debug)]
pub struct PackageArgs {
    /// Het protocolbestand.
    #[arg(value_name = "BESTAND")]
    pub file: PathBuf,
    /// De map waarin het pakket komt (standaard: de map van het protocolbestand); de naam is
    /// ‘Indienpakket <gemeente> <datum>.zip’.
    #[arg(long = "output", short = 'o', value_name = "MAP")]
    pub output: Option<PathBuf>,
    /// Maak een ontwerppakket, ook als de controle fouten vindt: elk document en de naam van
    /// het pakket krijgen het opschrift ONTWERP.
    #[arg(long)]
    pub ontwerp: bool,
    /// Overschrijf het pakket als het al bestaat (de vorige versie blijft als .bak).
    #[arg(long)]
    pub force: bool,
    /// De datum van vandaag (JJJJ-MM-DD), voor de controle en de naam van het pakket.
    #[arg(long, value_name = "DATUM", value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

/// Text or JSON output.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Leesbare tekst, gegroepeerd per stap.
    Text,
    /// Een JSON-lijst van bevindingen.
    Json,
}

/// A date on the command line: JJJJ-MM-DD with a four-digit year ("26-06-01" would otherwise
/// read as the year 26).
fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    let four_digit_year = text
        .trim()
        .split('-')
        .next()
        .is_some_and(|year| year.len() == 4 && year.bytes().all(|byte| byte.is_ascii_digit()));
    four_digit_year
        .then(|| crate::dutch::parse_iso(text))
        .flatten()
        .ok_or_else(|| format!("‘{text}’ is geen geldige datum; schrijf JJJJ-MM-DD"))
}

/// Runs a subcommand that does not open the app. `None` for the commands that do (the caller
/// starts the app).
pub fn run(command: &Command) -> Option<ExitCode> {
    let code = match command {
        Command::Open { .. } | Command::Inzendingen { excel: None, .. } => return None,
        Command::Inzendingen {
            folder,
            excel: Some(excel),
            force,
            today,
        } => desk_sheet(folder, excel, *force, *today),
        Command::New {
            template,
            output,
            force,
        } => new(template, output, *force),
        Command::Templates => templates(),
        Command::Check(args) => check::run(args),
        Command::Export(args) => export::run(args),
        Command::Diff { old, new } => diff::run(old, new),
        Command::Import {
            source,
            output,
            report,
            force,
        } => import(source, output, report.as_deref(), *force),
        Command::Register { file: path, output } => register(path, output),
        Command::Package(args) => package::run(args),
        Command::Website {
            folder,
            output,
            ook_ontwerpen,
            today,
        } => website(folder, output, *ook_ontwerpen, *today),
        Command::Verify(args) => verify::run(args),
        Command::Fingerprint { file: path } => match file::load(path) {
            Ok(protocol) => {
                println!("{}", crate::model::fingerprint::fingerprint(&protocol));
                EXIT_OK
            }
            Err(error) => {
                eprintln!("Fout: {error}");
                EXIT_FILE_ERROR
            }
        },
    };
    Some(ExitCode::from(code))
}

/// `import`: reads the source, refuses to overwrite it or an existing file, writes the
/// protocol atomically (nothing is written when the source cannot be read) and the report.
fn import(source: &Path, output: &Path, report: Option<&Path>, force: bool) -> u8 {
    for (what, path) in [
        ("het protocolbestand", Some(output)),
        ("het verslag", report),
    ] {
        if let Some(path) = path
            && (file::same_file(source, path) || path == source)
        {
            eprintln!(
                "Fout: {what} ‘{}’ is de bron zelf; kies een andere naam.",
                path.display()
            );
            return EXIT_FILE_ERROR;
        }
    }
    if let Some(report) = report
        && (file::same_file(output, report) || report == output)
    {
        eprintln!("Fout: het verslag en het protocolbestand hebben dezelfde naam.");
        return EXIT_FILE_ERROR;
    }
    if refuses_to_overwrite(output, force) {
        return EXIT_FILE_ERROR;
    }
    let imported = match crate::import::import_file(source) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!(
                "Fout bij het importeren van ‘{}’: {error}",
                source.display()
            );
            return EXIT_FILE_ERROR;
        }
    };
    if let Err(error) = file::save(output, &imported.protocol) {
        eprintln!("Fout: {error}");
        return EXIT_FILE_ERROR;
    }
    let text = crate::import::report(&imported);
    if let Some(report) = report
        && let Err(error) = crate::file::write_atomically(report, text.as_bytes())
    {
        eprintln!(
            "Fout: het verslag ‘{}’ kon niet geschreven worden: {error}",
            report.display()
        );
        return EXIT_FILE_ERROR;
    }
    let unplaced = imported
        .protocol
        .review
        .import
        .as_ref()
        .map_or(0, |record| record.unplaced.len());
    println!(
        "‘{}’ geïmporteerd naar ‘{}’: {} partijen, {} artikels, {} gegevens; {} stukken tekst \
         niet geplaatst{}.",
        source.display(),
        output.display(),
        imported.protocol.parties.len(),
        imported.protocol.articles.len(),
        imported.protocol.data_items.len(),
        unplaced,
        if unplaced > 0 {
            " (na te kijken in de app of in het verslag)"
        } else {
            ""
        }
    );
    EXIT_OK
}

/// `register`: the processing-register entry as CSV or Excel, by the output's extension;
/// never over the protocol file itself.
fn register(path: &Path, output: &Path) -> u8 {
    let extension = output
        .extension()
        .map(|extension| extension.to_string_lossy().to_lowercase());
    let excel = match extension.as_deref() {
        Some("csv") => false,
        Some("xlsx") => true,
        _ => {
            eprintln!(
                "Fout: ‘{}’ eindigt niet op .csv of .xlsx. Kies met de extensie wat er gemaakt \
                 wordt: .csv voor een CSV-bestand, .xlsx voor een Excel-werkmap.",
                output.display()
            );
            return EXIT_FILE_ERROR;
        }
    };
    if file::same_file(path, output) || path == output {
        eprintln!(
            "Fout: ‘{}’ is het protocolbestand zelf; kies een andere naam, bv. met .csv.",
            output.display()
        );
        return EXIT_FILE_ERROR;
    }
    let protocol = match file::load(path) {
        Ok(protocol) => protocol,
        Err(error) => {
            eprintln!("Fout: {error}");
            return EXIT_FILE_ERROR;
        }
    };
    let bytes = if excel {
        match crate::register::xlsx(&protocol) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("Fout: {error}");
                return EXIT_FILE_ERROR;
            }
        }
    } else {
        crate::register::csv(&crate::register::entry(&protocol))
    };
    match file::write_atomically(output, &bytes) {
        Ok(()) => {
            let what = if excel { " (Excel)" } else { "" };
            println!(
                "Registerregel{what} geschreven naar ‘{}’.",
                output.display()
            );
            EXIT_OK
        }
        Err(error) => {
            eprintln!("Fout: {error}");
            EXIT_FILE_ERROR
        }
    }
}

/// `inzendingen MAP --excel OUT`: the overview of every submission in the folder as an Excel
/// sheet. Exit 0 when written (unreadable files are rows, and are counted in the message).
fn desk_sheet(folder: &Path, output: &Path, force: bool, today: Option<chrono::NaiveDate>) -> u8 {
    if !folder.is_dir() {
        eprintln!("Fout: ‘{}’ is geen map.", folder.display());
        return EXIT_FILE_ERROR;
    }
    if refuses_to_overwrite(output, force) {
        return EXIT_FILE_ERROR;
    }
    let context = match today {
        Some(today) => crate::check::Context { today },
        None => crate::check::Context::today(),
    };
    let threads = std::thread::available_parallelism().map_or(2, |count| count.get().min(4));
    let rows = crate::desk::read_all(folder, &context, threads, &|_, _| {});
    let written = crate::desk::sheet::xlsx(&rows)
        .and_then(|bytes| file::write_atomically(output, &bytes).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            let unreadable = rows.iter().filter(|row| row.content.is_err()).count();
            println!(
                "Overzicht van {} geschreven naar ‘{}’{}.",
                crate::dutch::count_of(rows.len(), "inzending", "inzendingen"),
                output.display(),
                if unreadable > 0 {
                    format!(" ({unreadable} onleesbaar: zie de kolom ‘Melding’)")
                } else {
                    String::new()
                }
            );
            EXIT_OK
        }
        Err(error) => {
            eprintln!("Fout: {error}");
            EXIT_FILE_ERROR
        }
    }
}

/// `website MAP -o UIT`: the pages, the PDFs and the index; what was left out, and why.
fn website(folder: &Path, output: &Path, drafts: bool, today: Option<chrono::NaiveDate>) -> u8 {
    if !folder.is_dir() {
        eprintln!("Fout: ‘{}’ is geen map.", folder.display());
        return EXIT_FILE_ERROR;
    }
    if file::same_file(folder, output) || folder == output {
        eprintln!("Fout: schrijf de website in een andere map dan die met de protocolbestanden.");
        return EXIT_FILE_ERROR;
    }
    let context = today.map_or_else(crate::check::Context::today, |today| {
        crate::check::Context { today }
    });
    match crate::publish::publish_folder(folder, output, &context, drafts) {
        Ok(report) => {
            for (path, reason) in &report.left_out {
                eprintln!("Let op: ‘{}’ niet opgenomen: {reason}", path.display());
            }
            println!(
                "Website geschreven naar ‘{}’: {} en index.html{}.",
                output.display(),
                crate::dutch::count_of(report.entries.len(), "protocol", "protocollen"),
                if report.left_out.is_empty() {
                    String::new()
                } else {
                    format!(", {} niet opgenomen", report.left_out.len())
                }
            );
            EXIT_OK
        }
        Err(error) => {
            eprintln!("Fout: {error}");
            EXIT_FILE_ERROR
        }
    }
}

/// Whether `output` exists and may not be overwritten (no `--force`); says so in Dutch.
fn refuses_to_overwrite(output: &Path, force: bool) -> bool {
    let refused = output.exists() && !force;
    if refused {
        eprintln!(
            "Fout: ‘{}’ bestaat al. Kies een andere naam, of gebruik --force om het te \
             overschrijven (de vorige versie blijft bewaard als .bak).",
            output.display()
        );
    }
    refused
}

fn new(template_name: &str, output: &Path, force: bool) -> u8 {
    let protocol = match template::new_protocol(template_name) {
        Ok(protocol) => protocol,
        Err(error) => {
            eprintln!("Fout: {error}");
            return EXIT_FILE_ERROR;
        }
    };
    if refuses_to_overwrite(output, force) {
        return EXIT_FINDINGS;
    }
    match file::save(output, &protocol) {
        Ok(()) => {
            println!(
                "Nieuw protocol ‘{}’ gemaakt volgens het sjabloon ‘{}’.",
                output.display(),
                protocol.template.title
            );
            EXIT_OK
        }
        Err(error) => {
            eprintln!("Fout: {error}");
            EXIT_FILE_ERROR
        }
    }
}

fn templates() -> u8 {
    for entry in template::TEMPLATES {
        println!("{:<28} {}", entry.name, entry.title());
    }
    EXIT_OK
}
