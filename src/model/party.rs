//! A party to the protocol: its identity, signatories, DPO and advice, and what it does with
//! the data (purposes, services with access, processors).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One party: a public body (instantie) that provides and/or receives data.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Party {
    /// Stable key that flows refer to, e.g. `opgroeien`, `gemeente`. Never shown in documents.
    pub id: String,
    /// Full legal name, e.g. "Agentschap Opgroeien regie".
    pub legal_name: String,
    /// Enterprise number (KBO), as written: `0886.886.638`.
    pub kbo: String,
    /// Establishment unit number (vestigingsnummer), as written: `2.146.484.492`; optional.
    /// Entities of the Flemish government without legal personality share the KBO number of
    /// the Vlaamse Gemeenschap / Vlaams Gewest, and this number tells them apart.
    pub establishment_number: String,
    /// Office address, one line.
    pub address: String,
    /// The name used in the text ("hierna: …").
    pub short_name: String,
    /// Recital on the legal status: what kind of instantie under art. 2, 10° e-govdecreet,
    /// and the decree that founded it.
    pub legal_status: String,
    /// Provider (verstrekker) and/or recipient (ontvanger).
    pub roles: Roles,
    /// Who signs for this party; a municipality often signs by two (mayor, general director).
    pub signatories: Vec<Signatory>,
    /// This party's data protection officer (functionaris voor gegevensbescherming).
    pub dpo: Dpo,
    /// The DPO's advice on the draft.
    pub dpo_advice: DpoAdvice,
    /// As provider: the purposes for which it originally collected the data, with legal bases.
    pub original_purposes: Vec<Purpose>,
    /// As recipient: the purposes for which it will process the data, with legal bases.
    pub processing_purposes: Vec<Purpose>,
    /// As recipient: the services or teams that get access (art. 4).
    pub services_with_access: Vec<String>,
    /// As recipient: how access is limited to those who need to know.
    pub need_to_know: String,
    /// As recipient: to whom, if anyone, it passes the data on, and on what basis.
    pub onward_disclosure: String,
    /// As recipient: processors (verwerkers) it uses for these data.
    pub processors: Vec<Processor>,
    /// Where this party publishes the signed protocol (art. 10).
    pub publication_url: String,
}

impl Party {
    /// The name to use in running text: the short name, else the legal name.
    pub fn display_name(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.legal_name
        } else {
            &self.short_name
        }
    }

    /// The name in running text, on one line, or "partij N" (`index` is 0-based) while the
    /// party has no name yet.
    pub fn name_or_number(&self, index: usize) -> String {
        let name = self
            .display_name()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            format!("partij {}", index + 1)
        } else {
            name
        }
    }
}

/// What a party does in the exchange; a party may do both.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Roles {
    /// Provides (verstrekt) data.
    pub provider: bool,
    /// Receives (ontvangt) data.
    pub recipient: bool,
}

impl Roles {
    /// The roles in Dutch, as the document names them.
    pub fn label(self) -> &'static str {
        match (self.provider, self.recipient) {
            (true, true) => "verstrekker en ontvanger",
            (true, false) => "verstrekker",
            (false, true) => "ontvanger",
            (false, false) => "geen rol",
        }
    }
}

/// A person who signs for a party.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Signatory {
    /// Full name.
    pub name: String,
    /// Function, e.g. "burgemeester", "algemeen directeur", "administrateur-generaal".
    pub function: String,
}

/// A data protection officer's contact details.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Dpo {
    /// Name, or the function mailbox's name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Telephone number, optional.
    pub phone: String,
}

/// A DPO's advice on the draft protocol.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct DpoAdvice {
    /// Date of the advice; it must come before signing.
    pub date: Option<NaiveDate>,
    /// Outcome, once given.
    pub outcome: Option<AdviceOutcome>,
    /// Remarks or the conditions attached to the advice.
    pub remarks: String,
    /// The content fingerprint (64 hex) the advice was given on; empty when recorded by hand.
    pub fingerprint: String,
}

/// The outcome of a DPO's advice.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AdviceOutcome {
    /// Gunstig.
    Favourable,
    /// Gunstig onder voorwaarden.
    FavourableWithConditions,
    /// Ongunstig.
    Unfavourable,
}

impl AdviceOutcome {
    /// Every outcome, in the order a form offers them.
    pub const ALL: [AdviceOutcome; 3] = [
        AdviceOutcome::Favourable,
        AdviceOutcome::FavourableWithConditions,
        AdviceOutcome::Unfavourable,
    ];

    /// The outcome in Dutch.
    pub fn label(self) -> &'static str {
        match self {
            AdviceOutcome::Favourable => "gunstig",
            AdviceOutcome::FavourableWithConditions => "gunstig onder voorwaarden",
            AdviceOutcome::Unfavourable => "ongunstig",
        }
    }
}

/// A purpose with its legal basis.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Purpose {
    /// The purpose, specific and explicit.
    pub description: String,
    /// The legal basis: decree, article, regulation.
    pub legal_basis: String,
}

/// A processor (verwerker, GDPR art. 28) a recipient uses.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Processor {
    /// Name of the processor.
    pub name: String,
    /// What it does with the data.
    pub task: String,
    /// Whether a processor agreement (art. 28 AVG) is concluded.
    pub agreement_concluded: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_name_falls_back_to_legal_name() {
        let mut party = Party {
            legal_name: "Gemeente Zoersel".into(),
            ..Party::default()
        };
        assert_eq!(party.display_name(), "Gemeente Zoersel");
        party.short_name = "Zoersel".into();
        assert_eq!(party.display_name(), "Zoersel");
    }

    #[test]
    fn role_labels_are_dutch() {
        let both = Roles {
            provider: true,
            recipient: true,
        };
        assert_eq!(both.label(), "verstrekker en ontvanger");
        assert_eq!(Roles::default().label(), "geen rol");
    }
}
