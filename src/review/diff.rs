//! "What changed": a field-level comparison of two protocols' content, in Dutch labels.
//!
//! Both sides are compared in their canonical content form (see
//! [`fingerprint::canonical_content`](crate::model::fingerprint::canonical_content)), so review data,
//! template locks and advice records never show up as changes, and an absent field equals an
//! empty one.

use serde_json::Value;

use crate::model::Protocol;
use crate::model::fingerprint::canonical_content;
use crate::model::labels::{ItemNames, path_label_named};

/// One changed field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field path, in the check's notation (`parties[1].kbo`).
    pub path: String,
    /// The same path in Dutch words, parties and groups by name ("Zonnedorp › KBO-nummer").
    pub label: String,
    /// The old value as text; "(leeg)" when there was none.
    pub old: String,
    /// The new value as text; "(leeg)" when there is none.
    pub new: String,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} → {}", self.label, self.old, self.new)
    }
}

/// Every field whose content differs between `old` and `new`, in file order of the fields.
pub fn diff(old: &Protocol, new: &Protocol) -> Vec<Change> {
    let mut changes = Vec::new();
    walk(
        &canonical_content(old),
        &canonical_content(new),
        &mut Vec::new(),
        &mut changes,
    );
    let names = ItemNames::of_either(old, new);
    for change in &mut changes {
        change.label = path_label_named(&change.path, &names);
    }
    changes
}

/// A path segment: a field name or a list index.
#[derive(Clone)]
enum Segment {
    Field(String),
    Index(usize),
}

fn walk(old: &Value, new: &Value, path: &mut Vec<Segment>, changes: &mut Vec<Change>) {
    match (old, new) {
        (Value::Object(old_map), Value::Object(new_map)) => {
            let mut keys: Vec<&String> = old_map.keys().chain(new_map.keys()).collect();
            keys.sort_by_key(|key| field_order(key));
            keys.dedup();
            for key in keys {
                path.push(Segment::Field(key.clone()));
                walk(
                    old_map.get(key).unwrap_or(&Value::Null),
                    new_map.get(key).unwrap_or(&Value::Null),
                    path,
                    changes,
                );
                path.pop();
            }
        }
        (Value::Array(old_items), Value::Array(new_items)) => {
            for index in 0..old_items.len().max(new_items.len()) {
                path.push(Segment::Index(index));
                walk(
                    old_items.get(index).unwrap_or(&Value::Null),
                    new_items.get(index).unwrap_or(&Value::Null),
                    path,
                    changes,
                );
                path.pop();
            }
        }
        // A whole object or list appeared or disappeared: compare it against emptiness, so
        // every field in it is listed.
        (Value::Null, Value::Object(_)) => {
            walk(&Value::Object(Default::default()), new, path, changes)
        }
        (Value::Object(_), Value::Null) => {
            walk(old, &Value::Object(Default::default()), path, changes)
        }
        (Value::Null, Value::Array(_)) => walk(&Value::Array(Vec::new()), new, path, changes),
        (Value::Array(_), Value::Null) => walk(old, &Value::Array(Vec::new()), path, changes),
        _ if old == new => {}
        _ => {
            let field = match path.last() {
                Some(Segment::Field(name)) => name.as_str(),
                _ => "",
            };
            changes.push(Change {
                path: path_text(path),
                label: String::new(),
                old: value_text(field, old),
                new: value_text(field, new),
            })
        }
    }
}

/// Keys in the order the model declares them, so changes read top to bottom like the form.
fn field_order(key: &str) -> (usize, String) {
    const ORDER: &[&str] = &[
        "title",
        "parties",
        "recitals",
        "flows",
        "compatibility",
        "identifier",
        "data_items",
        "retention",
        "term",
        "security",
        "data_subject_rights",
        "clauses",
        "signing",
        "annexes",
        "municipal",
        "id",
        "legal_name",
        "kbo",
        "address",
        "short_name",
        "legal_status",
        "roles",
        "signatories",
        "dpo",
        "original_purposes",
        "processing_purposes",
        "services_with_access",
        "need_to_know",
        "onward_disclosure",
        "processors",
        "publication_url",
        "name",
        "description",
        "justification",
    ];
    (
        ORDER
            .iter()
            .position(|known| *known == key)
            .unwrap_or(ORDER.len()),
        key.to_string(),
    )
}

fn path_text(path: &[Segment]) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Field(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Segment::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// The Dutch label of a choice (`Sftp` → "beveiligde SFTP-server"), by the field it is in.
fn choice_label(field: &str, value: &Value) -> Option<String> {
    use crate::model::{
        AdviceOutcome, ChannelKind, ExchangeChannel, Frequency, MeasureKind, SpecialCategory,
        TermKind,
    };
    fn label_of<T: serde::de::DeserializeOwned>(
        value: &Value,
        label: fn(T) -> &'static str,
    ) -> Option<String> {
        serde_json::from_value::<T>(value.clone())
            .ok()
            .map(|choice| label(choice).to_string())
    }
    let label = match field {
        "channel" => label_of(value, ChannelKind::label),
        "frequency" => label_of(value, Frequency::label),
        "special_category" => label_of(value, SpecialCategory::label),
        "exchange_channel" => label_of(value, ExchangeChannel::label),
        "outcome" => label_of(value, AdviceOutcome::label),
        "kind" => label_of(value, TermKind::label).or_else(|| label_of(value, MeasureKind::label)),
        _ => None,
    }?;
    Some(if label.is_empty() {
        "(niet gekozen)".to_string()
    } else {
        label
    })
}

fn value_text(field: &str, value: &Value) -> String {
    if let Some(label) = choice_label(field, value) {
        return label;
    }
    if let Some(date) = value.as_str().and_then(crate::dutch::parse_iso) {
        return crate::dutch::dutch_long(date);
    }
    match value {
        Value::Null => "(leeg)".to_string(),
        Value::Bool(true) => "ja".to_string(),
        Value::Bool(false) => "nee".to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) if text.is_empty() => "(leeg)".to_string(),
        Value::String(text) => {
            let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if one_line.chars().count() > 120 {
                let cut: String = one_line.chars().take(117).collect();
                format!("‘{cut}…’")
            } else {
                format!("‘{one_line}’")
            }
        }
        Value::Array(_) | Value::Object(_) => "(samengesteld)".to_string(),
    }
}
