//! `protocolwijzer export`: DOCX and PDF from a protocol file.

use super::ExportArgs;

pub(super) fn run(_args: &ExportArgs) -> u8 {
    eprintln!("De opdracht ‘export’ is in deze versie nog niet beschikbaar.");
    super::EXIT_UNREADABLE
}
