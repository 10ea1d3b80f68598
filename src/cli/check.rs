//! `protocolwijzer check`: the check over one file, several files, or a folder.

use super::CheckArgs;

pub(super) fn run(_args: &CheckArgs) -> u8 {
    eprintln!("De opdracht ‘check’ is in deze versie nog niet beschikbaar.");
    super::EXIT_UNREADABLE
}
