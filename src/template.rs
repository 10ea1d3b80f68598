//! The built-in templates (`templates/*.ron`, embedded in the binary) and the parts of a
//! protocol they fix.

use std::fmt;
use std::path::Path;

use crate::file::{self, LoadError};
use crate::model::{LockedPart, Protocol};

/// The template the app starts from when nothing else is asked.
pub const DEFAULT_TEMPLATE: &str = "opgroeien-lokaal-bestuur";

/// A built-in template: its name (file stem) and its RON text.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// Name used on the command line and in files, e.g. `opgroeien-lokaal-bestuur`.
    pub name: &'static str,
    /// The RON text, as shipped in `templates/`.
    pub source: &'static str,
}

/// Every built-in template, the default first.
pub const TEMPLATES: [Template; 2] = [
    Template {
        name: "opgroeien-lokaal-bestuur",
        source: include_str!("../templates/opgroeien-lokaal-bestuur.ron"),
    },
    Template {
        name: "leeg-protocol",
        source: include_str!("../templates/leeg-protocol.ron"),
    },
];

/// Why a template could not be given.
#[derive(Debug)]
pub enum TemplateError {
    /// No template has this name.
    Unknown(String),
    /// The embedded text does not parse (a build defect; the tests guard against it).
    Invalid(LoadError),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Unknown(name) => {
                let names: Vec<&str> = TEMPLATES.iter().map(|template| template.name).collect();
                write!(
                    f,
                    "er is geen sjabloon ‘{name}’. Beschikbare sjablonen: {}.",
                    names.join(", ")
                )
            }
            TemplateError::Invalid(error) => {
                write!(f, "het ingebouwde sjabloon is ongeldig: {error}")
            }
        }
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// The template as a protocol, ready to be filled in.
    pub fn protocol(&self) -> Result<Protocol, TemplateError> {
        let path = format!("templates/{}.ron", self.name);
        file::from_str(self.source, Path::new(&path)).map_err(TemplateError::Invalid)
    }

    /// The template's human title, e.g. "Standaardprotocol Opgroeien – lokale besturen".
    pub fn title(&self) -> String {
        self.protocol()
            .map(|protocol| protocol.template.title)
            .unwrap_or_else(|_| self.name.to_string())
    }
}

/// The built-in template with this name.
pub fn find(name: &str) -> Result<Template, TemplateError> {
    TEMPLATES
        .iter()
        .copied()
        .find(|template| template.name == name)
        .ok_or_else(|| TemplateError::Unknown(name.to_string()))
}

/// A new protocol from the built-in template with this name.
pub fn new_protocol(name: &str) -> Result<Protocol, TemplateError> {
    find(name)?.protocol()
}

/// The locked part that covers `path`, if the template fixes it. A lock on `parties[0]` covers
/// `parties[0]` and everything below it (`parties[0].kbo`, `parties[0].signatories[1]`), but
/// not `parties[01]` or `parties[0]x`.
pub fn locked_by<'a>(protocol: &'a Protocol, path: &str) -> Option<&'a LockedPart> {
    protocol
        .template
        .locked
        .iter()
        .find(|lock| covers(&lock.path, path))
}

/// Whether `path` is fixed by the template.
pub fn is_locked(protocol: &Protocol, path: &str) -> bool {
    locked_by(protocol, path).is_some()
}

fn covers(lock: &str, path: &str) -> bool {
    match path.strip_prefix(lock) {
        Some("") => true,
        Some(rest) => rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses_and_names_itself() {
        for template in TEMPLATES {
            let protocol = template
                .protocol()
                .unwrap_or_else(|error| panic!("{error}"));
            assert_eq!(protocol.template.name, template.name);
            assert!(!protocol.template.title.is_empty());
        }
    }

    #[test]
    fn the_default_template_exists() {
        assert!(find(DEFAULT_TEMPLATE).is_ok());
        assert!(matches!(
            find("bestaat-niet"),
            Err(TemplateError::Unknown(_))
        ));
    }

    #[test]
    fn a_lock_covers_its_subtree_only() {
        assert!(covers("parties[0]", "parties[0]"));
        assert!(covers("parties[0]", "parties[0].kbo"));
        assert!(covers("parties[0]", "parties[0].signatories[1].name"));
        assert!(!covers("parties[0]", "parties[01]"));
        assert!(!covers("parties[0]", "parties[1].kbo"));
        assert!(!covers("clauses.sanction", "clauses"));
    }

    #[test]
    fn the_opgroeien_template_locks_opgroeien_but_not_the_municipality() {
        let protocol = new_protocol(DEFAULT_TEMPLATE).unwrap();
        let municipality = protocol
            .municipal
            .as_ref()
            .map(|case| case.municipality_party.clone())
            .unwrap();
        let municipality_index = protocol
            .parties
            .iter()
            .position(|party| party.id == municipality)
            .unwrap();
        let opgroeien_index = protocol
            .parties
            .iter()
            .position(|party| party.id == "opgroeien")
            .unwrap();
        assert!(is_locked(
            &protocol,
            &format!("parties[{opgroeien_index}].kbo")
        ));
        assert!(!is_locked(
            &protocol,
            &format!("parties[{municipality_index}].kbo")
        ));
        assert!(is_locked(&protocol, "clauses.sanction"));
        assert!(!is_locked(&protocol, "municipal.financial_scenario"));
    }
}
