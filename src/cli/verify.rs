//! `verify`: checks a signed PDF and prints the report in Dutch.

use std::path::PathBuf;

use super::{EXIT_FILE_ERROR, EXIT_FINDINGS, EXIT_OK};
use crate::file;
use crate::signature::{self, Roots};

/// Arguments of `verify`.
#[derive(clap::Args, Debug)]
pub struct VerifyArgs {
    /// Het ondertekende PDF-bestand.
    #[arg(value_name = "ONDERTEKEND.pdf")]
    pub pdf: PathBuf,
    /// Het protocolbestand (.ron): ga ook na of het PDF de goedgekeurde tekst ervan is.
    #[arg(long, value_name = "BESTAND.ron")]
    pub protocol: Option<PathBuf>,
    /// Een map met nog andere vertrouwde rootcertificaten (.pem, .crt, .cer, .der), naast de
    /// Belgische eID-roots.
    #[arg(long, value_name = "MAP")]
    pub roots: Option<PathBuf>,
    /// Ga de certificaten niet na (geen vertrouwde roots).
    #[arg(long, conflicts_with = "roots")]
    pub zonder_roots: bool,
}

/// Runs `verify`: 0 when completely and validly signed (and, with `--protocol`, the approved
/// text), 1 when not, 2 when a file cannot be read.
pub fn run(args: &VerifyArgs) -> u8 {
    let roots = if args.zonder_roots {
        Roots::none()
    } else {
        match &args.roots {
            Some(folder) => match Roots::from_folder(folder) {
                Ok(extra) => Roots::belgian_eid().and(extra),
                Err(error) => {
                    eprintln!("Fout: {error}");
                    return EXIT_FILE_ERROR;
                }
            },
            None => Roots::belgian_eid(),
        }
    };
    let protocol = match &args.protocol {
        Some(path) => match file::load(path) {
            Ok(protocol) => Some(protocol),
            Err(error) => {
                eprintln!("Fout: {error}");
                return EXIT_FILE_ERROR;
            }
        },
        None => None,
    };
    let bytes = match std::fs::read(&args.pdf) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "Fout: ‘{}’ kan niet worden gelezen: {error}",
                args.pdf.display()
            );
            return EXIT_FILE_ERROR;
        }
    };
    let report = match signature::verify(&bytes, &roots, protocol.as_ref()) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("Fout: ‘{}’: {error}", args.pdf.display());
            return EXIT_FILE_ERROR;
        }
    };
    println!("Ondertekend PDF: {}", args.pdf.display());
    for line in report.lines() {
        println!("{line}");
    }
    let complete = if protocol.is_some() {
        report.reasons_not_signed().is_empty()
    } else {
        report.is_complete()
    };
    if complete { EXIT_OK } else { EXIT_FINDINGS }
}
