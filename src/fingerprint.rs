//! The content fingerprint: SHA-256 over the canonical text of a protocol's content. The
//! exports print its first 12 hex digits; advice and approval record the full value, so that
//! anyone can tell whether the content changed since.

use sha2::{Digest, Sha256};

use crate::file;
use crate::model::{Protocol, TemplateInfo};

/// How many hex digits the documents print.
pub const SHORT_LENGTH: usize = 12;

/// The full fingerprint (64 lower-case hex digits) of the protocol's content.
///
/// The canonical form is the saved RON text of the protocol without the template information
/// (which parts are locked changes nothing in the document). It does not depend on how the
/// file was formatted or in which order fields stood in it, since it is computed from the model.
pub fn fingerprint(protocol: &Protocol) -> String {
    let content = Protocol {
        template: TemplateInfo::default(),
        ..protocol.clone()
    };
    let digest = Sha256::digest(file::to_ron_string(&content).as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The first [`SHORT_LENGTH`] hex digits of the fingerprint, as printed in the footer.
pub fn short(protocol: &Protocol) -> String {
    let mut full = fingerprint(protocol);
    full.truncate(SHORT_LENGTH);
    full
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_hex_and_stable() {
        let protocol = Protocol::default();
        let first = fingerprint(&protocol);
        assert_eq!(first.len(), 64);
        assert!(first.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(first, fingerprint(&protocol.clone()));
        assert_eq!(short(&protocol), first[..12]);
    }

    #[test]
    fn content_changes_change_it_template_locks_do_not() {
        let protocol = Protocol::default();
        let mut changed = protocol.clone();
        changed.retention = "één jaar".into();
        assert_ne!(fingerprint(&protocol), fingerprint(&changed));
        let mut relocked = protocol.clone();
        relocked
            .template
            .locked
            .push(crate::model::LockedPart::default());
        assert_eq!(fingerprint(&protocol), fingerprint(&relocked));
    }
}
