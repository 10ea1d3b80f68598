//! The document model: plain serde data of one protocol, with no UI types and no I/O.
//!
//! Drafts are permissive: every field may be empty so that saving always works; the check
//! (`crate::check`) reports what is missing. Field order here is the field order in the file,
//! so keep it stable: two versions of a protocol then diff line by line.
//!
//! Parties and flows carry a stable `id` that other parts refer to (a flow names its parties,
//! a data item names its flows), so reordering a list never breaks a reference.

mod content;
pub mod fingerprint;
mod flow;
pub mod labels;
mod municipal;
mod party;
mod review;
pub mod step;

pub use content::{
    Annex, ChannelKind, Frequency, MeasureKind, Recitals, Security, SecurityMeasure,
    SpecialCategory, StandardClauses, Term, TermKind,
};
pub use flow::{DataFlow, DataItem, Periodicity};
pub use municipal::{CollegeDecision, Confirmation, ExchangeChannel, MunicipalCase};
pub use party::{
    AdviceOutcome, Article, Dpo, DpoAdvice, Party, Processor, Purpose, Roles, Signatory,
};
pub use review::{
    Approval, Comment, HistoryEntry, Person, Resolution, Review, Role, Snapshot, Status, Verdict,
    VerdictKind,
};
pub use step::Step;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The file format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 2;

/// One protocol for the electronic disclosure of personal data (art. 8 §1 e-govdecreet).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Protocol {
    /// File format version; always first in the file. 0 means "absent" and is refused on load.
    pub format: u32,
    /// Which template this protocol was made from and which parts it fixes.
    pub template: TemplateInfo,
    /// Title block and document date.
    pub title: Title,
    /// The parties, in the order they appear in the document (TUSSEN … EN …).
    pub parties: Vec<Party>,
    /// Recitals C1, C2, C3 and D (NA TE HEBBEN UITEENGEZET).
    pub recitals: Recitals,
    /// The data flows (gegevensstromen): direction, channel, periodicity.
    pub flows: Vec<DataFlow>,
    /// Art. 2: why the further processing is compatible with the original purposes.
    pub compatibility: String,
    /// Art. 3: the identifier the data are requested with (usually the INSZ).
    pub identifier: String,
    /// Art. 3: the data items, each with its proportionality justification.
    pub data_items: Vec<DataItem>,
    /// Art. 3: the retention period for all data (items may set their own).
    pub retention: String,
    /// Art. 5: fixed or indefinite duration, with justification.
    pub term: Term,
    /// Art. 6: security measures.
    pub security: Security,
    /// The data subjects' rights, any legal limits on them, and how they are exercised.
    pub data_subject_rights: String,
    /// Arts. 7–12: the standard clauses, as editable text.
    pub clauses: StandardClauses,
    /// Date of the advice of the Vlaamse Toezichtcommissie, where one was asked.
    pub vtc_advice_date: Option<NaiveDate>,
    /// Closing: place and date of signing.
    pub signing: Signing,
    /// Annexes (bijlagen) listed after the signatures.
    pub annexes: Vec<Annex>,
    /// The municipality's part of the Opgroeien case; `None` for any other protocol.
    pub municipal: Option<MunicipalCase>,
    /// Review comments, verdicts, status, history and approval: not part of the content.
    pub review: Review,
}

impl Default for Protocol {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            template: TemplateInfo::default(),
            title: Title::default(),
            parties: Vec::new(),
            recitals: Recitals::default(),
            flows: Vec::new(),
            compatibility: String::new(),
            identifier: String::new(),
            data_items: Vec::new(),
            retention: String::new(),
            term: Term::default(),
            security: Security::default(),
            data_subject_rights: String::new(),
            clauses: StandardClauses::default(),
            vtc_advice_date: None,
            signing: Signing::default(),
            annexes: Vec::new(),
            municipal: None,
            review: Review::default(),
        }
    }
}

impl Protocol {
    /// The party with this id, if any.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|party| party.id == id)
    }

    /// The flow with this id, if any.
    pub fn flow(&self, id: &str) -> Option<&DataFlow> {
        self.flows.iter().find(|flow| flow.id == id)
    }

    /// Parties that provide data, in document order.
    pub fn providers(&self) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(|party| party.roles.provider)
    }

    /// Parties that receive data, in document order.
    pub fn recipients(&self) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(|party| party.roles.recipient)
    }

    /// The party that drafts the protocol and is named as the documents' author: the
    /// municipality in the Opgroeien case, otherwise the (first) provider, otherwise the first
    /// party. Never just "the first recipient".
    pub fn drafting_party(&self) -> Option<&Party> {
        self.municipal
            .as_ref()
            .and_then(|case| self.party(&case.municipality_party))
            .or_else(|| self.providers().next())
            .or_else(|| self.parties.first())
    }

    /// A party id that no party uses yet, derived from `base` ("partij", "partij-2", …).
    pub fn fresh_party_id(&self, base: &str) -> String {
        fresh_id(base, |candidate| self.party(candidate).is_some())
    }

    /// A flow id that no flow uses yet, derived from `base`.
    pub fn fresh_flow_id(&self, base: &str) -> String {
        fresh_id(base, |candidate| self.flow(candidate).is_some())
    }
}

fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.trim().is_empty() {
        "id"
    } else {
        base.trim()
    };
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_string())
}

/// Where a protocol comes from and which of its parts the template fixes.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct TemplateInfo {
    /// The template's name (file stem), e.g. `opgroeien-lokaal-bestuur`; empty for none.
    pub name: String,
    /// The template's title as offered in "Nieuw protocol", e.g.
    /// "Standaardprotocol Opgroeien – lokale besturen (sociale toeslag)".
    pub title: String,
    /// The template's version, so a reviewer sees which edition the draft started from.
    pub version: String,
    /// Parts of the protocol the template fixes; the app shows them read-only.
    pub locked: Vec<LockedPart>,
}

/// One part of the protocol that the template fixes.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LockedPart {
    /// The field path, in the check's notation: `parties[0]`, `clauses`, `flows[1].channel`.
    /// It locks the field and everything below it.
    pub path: String,
    /// Who fixed it, e.g. "Opgroeien regie (standaardprotocol VVSG)".
    pub by: String,
    /// Why, in a sentence the user understands.
    pub reason: String,
}

/// The title block.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Title {
    /// The title as the signed text has it, when it differs from the one the program makes from
    /// the parties; empty: the generated title.
    pub text: String,
    /// What the disclosure is for, completing "in het kader van …".
    pub context: String,
    /// A short title for headers and footers, e.g. "Protocol sociale toeslag – Gemeente X".
    pub short_title: String,
    /// The document date printed under the title; usually the signing date.
    pub date: Option<NaiveDate>,
}

/// Closing: where and when the protocol is signed.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Signing {
    /// Place of signing ("Opgemaakt te …").
    pub place: String,
    /// Date of signing ("op …").
    pub date: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_skip_taken_ones() {
        let mut protocol = Protocol::default();
        assert_eq!(protocol.fresh_party_id("gemeente"), "gemeente");
        protocol.parties.push(Party {
            id: "gemeente".into(),
            ..Party::default()
        });
        assert_eq!(protocol.fresh_party_id("gemeente"), "gemeente-2");
        assert_eq!(protocol.fresh_party_id("  "), "id");
    }

    #[test]
    fn drafting_party_prefers_the_municipality() {
        let mut protocol = Protocol::default();
        assert!(protocol.drafting_party().is_none());
        protocol.parties = vec![
            Party {
                id: "opgroeien".into(),
                roles: Roles {
                    provider: true,
                    recipient: false,
                },
                ..Party::default()
            },
            Party {
                id: "gemeente".into(),
                roles: Roles {
                    provider: true,
                    recipient: true,
                },
                ..Party::default()
            },
        ];
        // Without a municipal case: the first provider, never just the first recipient.
        assert_eq!(
            protocol.drafting_party().map(|p| p.id.as_str()),
            Some("opgroeien")
        );
        protocol.municipal = Some(MunicipalCase {
            municipality_party: "gemeente".into(),
            ..MunicipalCase::default()
        });
        assert_eq!(
            protocol.drafting_party().map(|p| p.id.as_str()),
            Some("gemeente")
        );
    }
}
