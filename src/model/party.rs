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
    /// The article the short name takes in running text: "het VAPH", "de stad"; `None` for
    /// "Opgroeien regie".
    pub article: Option<Article>,
    /// The article before the legal name, in the party clause, the title and the signature
    /// block: "het Vlaams Agentschap …"; `None` for none.
    pub legal_name_article: Option<Article>,
    /// Recital on the legal status: what kind of instantie under art. 2, 10° e-govdecreet,
    /// and the decree that founded it.
    pub legal_status: String,
    /// Provider (verstrekker) and/or recipient (ontvanger).
    pub roles: Roles,
    /// The id of the group this party belongs to ("de private uitbetalingsactoren"); empty for
    /// none. A member keeps its own identity, representative, DPO and advice, but its legal
    /// status, purposes, services, need-to-know, onward disclosure and processors are the
    /// group's, written once.
    pub group: String,
    /// Who signs for this party; a municipality often signs by two (mayor, general director).
    pub signatories: Vec<Signatory>,
    /// Who represents the party in the party clause when that is not its signatories: a person
    /// ("Jan Peeters, administrateur-generaal") or a body ("het college van burgemeester en
    /// schepenen"). Empty: the signatories represent it.
    pub representative: String,
    /// The signatories sign on behalf of the representative ("…, voor wie tekenen: …"), as for a
    /// municipality represented by its college.
    pub signatories_sign_for_representative: bool,
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
    /// The signed protocol does not say where this party publishes it: the exports print
    /// nothing for it, and the check warns instead of asking for it.
    pub publication_url_not_stated: bool,
}

impl Party {
    /// Its purposes and recipient texts (for a group member the group's count instead).
    pub fn shared_texts(&self) -> super::SharedTexts<'_> {
        super::SharedTexts {
            original_purposes: &self.original_purposes,
            processing_purposes: &self.processing_purposes,
            services_with_access: &self.services_with_access,
            need_to_know: &self.need_to_know,
            onward_disclosure: &self.onward_disclosure,
            processors: &self.processors,
        }
    }

    /// The name to use in running text: the short name, else the legal name.
    pub fn display_name(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.legal_name
        } else {
            &self.short_name
        }
    }

    /// The short name with its article, as running text names the party: "het VAPH",
    /// "Opgroeien regie", or "partij N" while it has no name yet.
    pub fn name_in_text(&self, index: usize) -> String {
        let name = self.name_or_number(index);
        if self.display_name().trim().is_empty() {
            return name;
        }
        let article = if self.short_name.trim().is_empty() {
            self.legal_name_article
        } else {
            self.article
        };
        Article::put_before(article, &name)
    }

    /// The legal name with its article: "het Vlaams Agentschap …"; empty without a legal name.
    pub fn legal_name_in_text(&self) -> String {
        let name = one_line(&self.legal_name);
        if name.is_empty() {
            return name;
        }
        Article::put_before(self.legal_name_article, &name)
    }

    /// The name in running text, on one line, or "partij N" (`index` is 0-based) while the
    /// party has no name yet.
    pub fn name_or_number(&self, index: usize) -> String {
        let name = one_line(self.display_name());
        if name.is_empty() {
            format!("partij {}", index + 1)
        } else {
            name
        }
    }
}

/// A text on one line: line breaks and runs of white space become single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article a name takes in a Dutch sentence; a name without one has `None`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Article {
    /// "de": "de stad", "de VVSG".
    De,
    /// "het": "het VAPH", "het Agentschap Opgroeien regie".
    Het,
}

impl Article {
    /// The article as written.
    pub fn word(self) -> &'static str {
        match self {
            Article::De => "de",
            Article::Het => "het",
        }
    }

    /// `name` with `article` (if any) before it: "het VAPH".
    pub fn put_before(article: Option<Article>, name: &str) -> String {
        match article {
            Some(article) => format!("{} {name}", article.word()),
            None => name.to_string(),
        }
    }

    /// A likely article for `name`, to offer when the user has not chosen: "het" for an
    /// agency, department or institute and for an acronym (most Flemish agencies: het VAPH,
    /// het VUTG), "de" for a city, municipality, province or association, none otherwise.
    /// Only a suggestion: the user decides (de VDAB).
    pub fn suggest(name: &str) -> Option<Article> {
        let first = name.split_whitespace().next().unwrap_or_default();
        let lower = first.to_lowercase();
        let het = [
            "agentschap",
            "departement",
            "instituut",
            "fonds",
            "vlaams",
            "college",
        ];
        let de = [
            "stad",
            "gemeente",
            "provincie",
            "vlaamse",
            "vereniging",
            "dienst",
            "politiezone",
        ];
        if het.contains(&lower.as_str()) {
            Some(Article::Het)
        } else if de.contains(&lower.as_str()) {
            Some(Article::De)
        } else if first.chars().count() >= 2 && first.chars().all(char::is_uppercase) {
            Some(Article::Het)
        } else {
            None
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
    /// The signed protocol does not state the outcome: the exports print none, and the check
    /// warns instead of asking for it.
    pub outcome_not_stated: bool,
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
    /// The protocol does not say whether an agreement is concluded: the exports print nothing
    /// about it, and the check warns instead of asking for it.
    pub agreement_not_stated: bool,
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
    fn names_take_their_article() {
        let party = Party {
            legal_name: "Vlaams Agentschap voor Personen met een Handicap".into(),
            legal_name_article: Some(Article::Het),
            short_name: "VAPH".into(),
            article: Some(Article::Het),
            ..Party::default()
        };
        assert_eq!(party.name_in_text(0), "het VAPH");
        assert_eq!(
            party.legal_name_in_text(),
            "het Vlaams Agentschap voor Personen met een Handicap"
        );
        let unnamed = Party::default();
        assert_eq!(unnamed.name_in_text(2), "partij 3");
        assert_eq!(unnamed.legal_name_in_text(), "");
        let legal_only = Party {
            legal_name: "Agentschap Opgroeien regie".into(),
            legal_name_article: Some(Article::Het),
            ..Party::default()
        };
        assert_eq!(legal_only.name_in_text(0), "het Agentschap Opgroeien regie");
    }

    #[test]
    fn articles_are_suggested_not_imposed() {
        assert_eq!(Article::suggest("VUTG"), Some(Article::Het));
        assert_eq!(
            Article::suggest("Agentschap Opgroeien regie"),
            Some(Article::Het)
        );
        assert_eq!(Article::suggest("Stad Gent"), Some(Article::De));
        assert_eq!(Article::suggest("Opgroeien regie"), None);
        assert_eq!(Article::suggest(""), None);
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
