//! The content fingerprint: SHA-256 over a canonical form of the protocol's content. The
//! exports print its first 12 hex digits; DPO advice and approval record the full value, so
//! that anyone can tell whether the content changed since.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::model::{DpoAdvice, Protocol, Review, TemplateInfo};

/// How many hex digits the documents print.
pub const SHORT_LENGTH: usize = 12;

/// The content of a protocol in canonical form: what the protocol *says*, without what is
/// said *about* it.
///
/// Left out: the review record (comments, verdicts, status, history, approval), the template
/// information (which parts are locked), and the advice given on the content (each DPO's
/// advice and the VTC's advice date) — recording an advice must not change what it was
/// given on. Keys are sorted and empty values (`""`, `false`, `null`, `[]`, `{}`) are dropped,
/// so the form depends neither on field order in a file nor on fields a later version adds
/// with an empty default.
pub fn canonical_content(protocol: &Protocol) -> Value {
    let mut content = Protocol {
        template: TemplateInfo::default(),
        review: Review::default(),
        vtc_advice_date: None,
        ..protocol.clone()
    };
    for party in &mut content.parties {
        party.dpo_advice = DpoAdvice::default();
    }
    content.format = 0;
    // Serializing plain structs to a JSON value cannot fail.
    let mut value = serde_json::to_value(&content).unwrap_or(Value::Null);
    prune_empty(&mut value);
    value
}

fn prune_empty(value: &mut Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(flag) => !*flag,
        Value::String(text) => text.is_empty(),
        Value::Number(_) => false,
        Value::Array(items) => {
            // Keep positions: an empty item inside a list still counts as an item.
            for item in items.iter_mut() {
                prune_empty(item);
            }
            items.is_empty()
        }
        Value::Object(map) => {
            map.retain(|_, field| !prune_empty(field));
            map.is_empty()
        }
    }
}

/// The full fingerprint (64 lower-case hex digits) of the protocol's content.
pub fn fingerprint(protocol: &Protocol) -> String {
    sha256_hex(canonical_content(protocol).to_string().as_bytes())
}

/// The SHA-256 of `bytes` in 64 lower-case hex digits: the fingerprint's form, also used for
/// the files of a package and a signed PDF.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The first [`SHORT_LENGTH`] hex digits of a fingerprint, as printed in footers.
pub fn short_form(full: &str) -> String {
    full.chars().take(SHORT_LENGTH).collect()
}

/// The short fingerprint of the protocol's content.
pub fn short(protocol: &Protocol) -> String {
    short_form(&fingerprint(protocol))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AdviceOutcome, Comment, LockedPart, Party};

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
    fn content_changes_change_it() {
        let protocol = Protocol::default();
        let mut changed = protocol.clone();
        changed.retention = "één jaar".into();
        assert_ne!(fingerprint(&protocol), fingerprint(&changed));
    }

    #[test]
    fn review_template_and_advice_do_not_change_it() {
        let mut protocol = Protocol::default();
        protocol.parties.push(Party::default());
        let before = fingerprint(&protocol);
        protocol.template.locked.push(LockedPart::default());
        protocol.review.comments.push(Comment {
            text: "Graag verduidelijken.".into(),
            ..Comment::default()
        });
        protocol.parties[0].dpo_advice.outcome = Some(AdviceOutcome::Favourable);
        protocol.parties[0].dpo_advice.fingerprint = before.clone();
        protocol.vtc_advice_date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1);
        assert_eq!(fingerprint(&protocol), before);
    }

    #[test]
    fn empty_values_do_not_count() {
        let value = serde_json::json!({"a": "", "b": [], "c": {"d": null, "e": false}, "f": 0, "g": ["", "x"]});
        let mut pruned = value.clone();
        prune_empty(&mut pruned);
        assert_eq!(pruned, serde_json::json!({"f": 0, "g": ["", "x"]}));
    }
}
