//! The document model: plain serde data of one protocol, with no UI types and no I/O.
//!
//! Drafts are permissive: every field may be empty so that saving always works; the check
//! (`crate::check`) reports what is missing. Field order here is the field order in the file,
//! so keep it stable: two versions of a protocol then diff line by line.
//!
//! Parties and flows carry a stable `id` that other parts refer to (a flow names its parties,
//! a data item names its flows), so reordering a list never breaks a reference.

mod articles;
mod content;
pub mod fingerprint;
mod flow;
mod group;
pub mod labels;
mod municipal;
mod party;
mod review;
pub mod step;

pub use articles::{
    ARTICLE_REFERENCE, ArticleEntry, StandardArticle, article_references,
    resolve_article_references, standard_articles,
};
pub use content::{
    Annex, ChannelKind, Frequency, MeasureKind, Recitals, Security, SecurityMeasure,
    SpecialCategory, StandardClauses, Term, TermKind,
};
pub use flow::{DataFlow, DataItem, Periodicity};
pub use group::{PartyGroup, SharedProcessor, SharedTexts};
pub use municipal::{CollegeDecision, Confirmation, ExchangeChannel, MunicipalCase};
pub use party::{
    AdviceOutcome, Article, Dpo, DpoAdvice, Party, Processor, Purpose, Roles, Signatory,
};
pub use review::{
    AddendumRecord, Amendment, Approval, Comment, HistoryEntry, ImportPlacement, ImportRecord,
    Person, Resolution, Review, Role, SignedPdf, Snapshot, Status, UnplacedText, Verdict,
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
    /// Groups of parties the text names once ("hierna samen: …"); members name their group.
    pub groups: Vec<PartyGroup>,
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
    /// Processors that work for several parties, listed once in art. 4.
    pub shared_processors: Vec<SharedProcessor>,
    /// The data subjects' rights, any legal limits on them, and how they are exercised.
    pub data_subject_rights: String,
    /// The signed protocol says nothing about the data subjects' rights: the exports print
    /// nothing for them (no heading, no gap), and the check warns instead of asking for them.
    pub data_subject_rights_not_stated: bool,
    /// Arts. 7–12: the standard clauses, as editable text.
    pub clauses: StandardClauses,
    /// The articles in their order, with their titles and any added article; empty: the
    /// standard twelve in the standard order ([`standard_articles`]).
    pub articles: Vec<ArticleEntry>,
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
            groups: Vec::new(),
            recitals: Recitals::default(),
            flows: Vec::new(),
            compatibility: String::new(),
            identifier: String::new(),
            data_items: Vec::new(),
            retention: String::new(),
            term: Term::default(),
            security: Security::default(),
            shared_processors: Vec::new(),
            data_subject_rights: String::new(),
            data_subject_rights_not_stated: false,
            clauses: StandardClauses::default(),
            articles: Vec::new(),
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

    /// The group with this id, if any.
    pub fn group(&self, id: &str) -> Option<&PartyGroup> {
        self.groups.iter().find(|group| group.id == id)
    }

    /// The group `party` belongs to, with its index, if it names one that exists.
    pub fn group_of(&self, party: &Party) -> Option<(usize, &PartyGroup)> {
        if party.group.trim().is_empty() {
            return None;
        }
        self.groups
            .iter()
            .enumerate()
            .find(|(_, group)| group.id == party.group)
    }

    /// The members of the group with this id, with their indices, in document order.
    pub fn members(&self, group_id: &str) -> impl Iterator<Item = (usize, &Party)> {
        self.parties
            .iter()
            .enumerate()
            .filter(move |(_, party)| !group_id.is_empty() && party.group == group_id)
    }

    /// The parties as the text names them: a party on its own, or a group (at the place of
    /// its first member) standing for all its members. A group without members is left out.
    pub fn units(&self) -> Vec<Unit<'_>> {
        let mut units = Vec::new();
        let mut groups_seen: Vec<&str> = Vec::new();
        for (index, party) in self.parties.iter().enumerate() {
            match self.group_of(party) {
                Some((group_index, group)) => {
                    if groups_seen.contains(&group.id.as_str()) {
                        continue;
                    }
                    groups_seen.push(&group.id);
                    units.push(Unit::Group {
                        index: group_index,
                        group,
                        members: self.members(&group.id).collect(),
                    });
                }
                None => units.push(Unit::Party { index, party }),
            }
        }
        units
    }

    /// The article list in force: the protocol's own, else the standard one.
    pub fn article_list(&self) -> Vec<ArticleEntry> {
        if self.articles.is_empty() {
            standard_articles()
        } else {
            self.articles.clone()
        }
    }

    /// Whether the protocol has this standard article.
    pub fn has_article(&self, kind: StandardArticle) -> bool {
        self.articles.is_empty()
            || self
                .articles
                .iter()
                .any(|entry| entry.standard == Some(kind))
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

/// A party as the text names it: on its own, or a group of parties named once.
#[derive(Clone, Debug)]
pub enum Unit<'a> {
    /// A party that is not in a group; `index` is its place in `Protocol::parties`.
    Party {
        /// Its index among the parties.
        index: usize,
        /// The party.
        party: &'a Party,
    },
    /// A group with its members (index among the parties, party), in document order.
    Group {
        /// Its index among the groups.
        index: usize,
        /// The group.
        group: &'a PartyGroup,
        /// Its members.
        members: Vec<(usize, &'a Party)>,
    },
}

impl Unit<'_> {
    /// The name running text uses: "het VAPH", "de private uitbetalingsactoren".
    pub fn name_in_text(&self) -> String {
        match self {
            Unit::Party { index, party } => party.name_in_text(*index),
            Unit::Group { index, group, .. } => group.name_in_text(*index),
        }
    }

    /// Whether the text still has a name for it (a party without any name has none).
    pub fn is_named(&self) -> bool {
        match self {
            Unit::Party { party, .. } => !party.display_name().trim().is_empty(),
            Unit::Group { group, .. } => !group.name.trim().is_empty(),
        }
    }

    /// The roles, for a group those of any member (the check warns when members differ).
    pub fn roles(&self) -> Roles {
        match self {
            Unit::Party { party, .. } => party.roles,
            Unit::Group { members, .. } => Roles {
                provider: members.iter().any(|(_, party)| party.roles.provider),
                recipient: members.iter().any(|(_, party)| party.roles.recipient),
            },
        }
    }

    /// The parties it stands for (index among the parties, party).
    pub fn parties(&self) -> Vec<(usize, &Party)> {
        match self {
            Unit::Party { index, party } => vec![(*index, *party)],
            Unit::Group { members, .. } => members.clone(),
        }
    }

    /// Its purposes and recipient texts: the party's own, or the group's for all members.
    pub fn shared_texts(&self) -> SharedTexts<'_> {
        match self {
            Unit::Party { party, .. } => party.shared_texts(),
            Unit::Group { group, .. } => group.shared_texts(),
        }
    }

    /// Whether it stands for the party with this id, or is the group with this id.
    pub fn stands_for(&self, id: &str) -> bool {
        match self {
            Unit::Party { party, .. } => party.id == id,
            Unit::Group { group, members, .. } => {
                group.id == id || members.iter().any(|(_, party)| party.id == id)
            }
        }
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
