//! `protocolwijzer diff OLD NEW`: the fields whose content differs, in Dutch labels.

use std::path::Path;

use super::{EXIT_FILE_ERROR, EXIT_FINDINGS, EXIT_OK};
use crate::{file, review};

pub(super) fn run(old: &Path, new: &Path) -> u8 {
    let (old_protocol, new_protocol) = match (file::load(old), file::load(new)) {
        (Ok(old_protocol), Ok(new_protocol)) => (old_protocol, new_protocol),
        (old_result, new_result) => {
            for error in [old_result.err(), new_result.err()].into_iter().flatten() {
                eprintln!("Fout: {error}");
            }
            return EXIT_FILE_ERROR;
        }
    };
    let changes = review::diff::diff(&old_protocol, &new_protocol);
    if changes.is_empty() {
        println!("Geen verschillen in de inhoud.");
        return EXIT_OK;
    }
    println!(
        "{} {} in de inhoud van ‘{}’ naar ‘{}’:",
        changes.len(),
        if changes.len() == 1 {
            "wijziging"
        } else {
            "wijzigingen"
        },
        old.display(),
        new.display()
    );
    for change in &changes {
        println!("- {change}");
        println!("  ({})", change.path);
    }
    EXIT_FINDINGS
}
