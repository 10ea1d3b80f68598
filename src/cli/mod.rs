//! The command line: clap subcommands over the same library calls the app uses.
//!
//! Exit codes: 0 all well, 1 findings or a refusal, 2 unreadable input (or a usage error).

mod check;
mod diff;
mod export;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::{file, template};

/// The version and the commit it was built from, e.g. "0.1.0 (commit 5983b7f1c2ab)".
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("PROTOCOLWIJZER_COMMIT"),
    ")"
);

/// Exit code: all went well.
pub const EXIT_OK: u8 = 0;
/// Exit code: the check found errors, or the command refused (e.g. would overwrite a file).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: an input file could not be read, or the arguments were wrong.
pub const EXIT_UNREADABLE: u8 = 2;

/// Protocolwijzer: protocollen voor de elektronische mededeling van persoonsgegevens
/// (art. 8, §1, e-govdecreet) opstellen, controleren en exporteren.
#[derive(Parser, Debug)]
#[command(name = "protocolwijzer", version = VERSION, about, long_about = None)]
#[command(
    after_help = "Zonder opdracht opent de app met een nieuw protocol volgens het \
    standaardprotocol van Opgroeien.\n\nAfsluitcodes: 0 in orde, 1 bevindingen of geweigerd, \
    2 bestand onleesbaar of verkeerde opdracht."
)]
pub struct Cli {
    /// What to do; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open een protocolbestand in de app.
    Open {
        /// Het .ron-bestand.
        file: PathBuf,
    },
    /// Maak een nieuw protocolbestand vanuit een sjabloon.
    New {
        /// Naam van het sjabloon (zie `protocolwijzer templates`).
        #[arg(long, short, default_value = template::DEFAULT_TEMPLATE)]
        template: String,
        /// Het bestand dat gemaakt wordt.
        #[arg(long = "output", short = 'o')]
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
        old: PathBuf,
        /// De nieuwe versie.
        new: PathBuf,
    },
    /// Toon de vingerafdruk (SHA-256) van de inhoud van een protocol.
    Fingerprint {
        /// Het .ron-bestand.
        file: PathBuf,
    },
}

/// Arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Protocolbestanden of mappen.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Uitvoer als tekst of als JSON.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// De datum van vandaag (JJJJ-MM-DD), om adviesdata mee te vergelijken.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

/// Arguments of `export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Het protocolbestand.
    pub file: PathBuf,
    /// Schrijf een DOCX naar dit bestand.
    #[arg(long)]
    pub docx: Option<PathBuf>,
    /// Schrijf een PDF naar dit bestand.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    /// Schrijf het adviesverslag (opmerkingen, oordelen, adviezen, geschiedenis) als DOCX.
    #[arg(long)]
    pub report_docx: Option<PathBuf>,
    /// Schrijf het adviesverslag als PDF.
    #[arg(long)]
    pub report_pdf: Option<PathBuf>,
    /// Weiger te exporteren als de controle fouten vindt.
    #[arg(long)]
    pub require_complete: bool,
    /// De datum van vandaag (JJJJ-MM-DD), voor de controle.
    #[arg(long, value_parser = parse_date)]
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

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    crate::dates::parse_iso(text)
        .ok_or_else(|| format!("‘{text}’ is geen geldige datum; schrijf JJJJ-MM-DD"))
}

/// Runs a subcommand that does not open the app. `None` for the commands that do (the caller
/// starts the app).
pub fn run(command: &Command) -> Option<ExitCode> {
    let code = match command {
        Command::Open { .. } => return None,
        Command::New {
            template,
            output,
            force,
        } => new(template, output, *force),
        Command::Templates => templates(),
        Command::Check(args) => check::run(args),
        Command::Export(args) => export::run(args),
        Command::Diff { old, new } => diff::run(old, new),
        Command::Fingerprint { file: path } => match file::load(path) {
            Ok(protocol) => {
                println!("{}", crate::fingerprint::fingerprint(&protocol));
                EXIT_OK
            }
            Err(error) => {
                eprintln!("Fout: {error}");
                EXIT_UNREADABLE
            }
        },
    };
    Some(ExitCode::from(code))
}

fn new(template_name: &str, output: &Path, force: bool) -> u8 {
    let protocol = match template::new_protocol(template_name) {
        Ok(protocol) => protocol,
        Err(error) => {
            eprintln!("Fout: {error}");
            return EXIT_UNREADABLE;
        }
    };
    if output.exists() && !force {
        eprintln!(
            "Fout: ‘{}’ bestaat al. Kies een andere naam, of gebruik --force om het te \
             overschrijven (de vorige versie blijft bewaard als .bak).",
            output.display()
        );
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
            EXIT_FINDINGS
        }
    }
}

fn templates() -> u8 {
    for entry in template::TEMPLATES {
        println!("{:<28} {}", entry.name, entry.title());
    }
    EXIT_OK
}
