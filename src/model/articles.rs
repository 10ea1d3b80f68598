//! The article structure of a protocol as data: which articles it has, in which order, under
//! which titles. Signed protocols differ here (some have art. 10 Transparantie, others put the
//! publication in the recitals and end with art. 10 Toepasselijk recht, 11 Inwerkingtreding,
//! 12 Opzegging), so the template and the user decide, and the numbers are computed.

use serde::{Deserialize, Serialize};

use super::Step;

/// One article in the protocol's list.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ArticleEntry {
    /// Stable key that texts refer to (`{artikel:gegevens}`), so renumbering keeps references
    /// right. A standard article's id is its kind's [`StandardArticle::id`].
    pub id: String,
    /// Which standard article this is; `None` for an article the template or user added.
    pub standard: Option<StandardArticle>,
    /// The title as the protocol words it; empty: the standard title. Required for an added
    /// article.
    pub title: String,
    /// An added article's text (free text with the rich-text markup); unused for a standard
    /// article, whose content comes from its own fields.
    pub text: String,
}

impl ArticleEntry {
    /// A standard article under its standard title.
    pub fn standard(kind: StandardArticle) -> Self {
        ArticleEntry {
            id: kind.id().to_string(),
            standard: Some(kind),
            title: String::new(),
            text: String::new(),
        }
    }

    /// The title to print: the protocol's own wording, else the standard title, else empty.
    pub fn title(&self) -> String {
        let own = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !own.is_empty() {
            return own;
        }
        self.standard
            .map(|kind| kind.title().to_string())
            .unwrap_or_default()
    }

    /// Whether this article may be left out of a protocol.
    pub fn is_optional(&self) -> bool {
        self.standard.is_none_or(StandardArticle::is_optional)
    }
}

/// The articles every protocol made with this program knows how to fill.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StandardArticle {
    /// Onderwerp.
    Subject,
    /// Doeleinden en rechtsgronden.
    Grounds,
    /// De meegedeelde persoonsgegevens (the data-item table).
    Data,
    /// Ontvangers en derden.
    Recipients,
    /// Periodiciteit en duur.
    Periodicity,
    /// Beveiligingsmaatregelen.
    Security,
    /// Kwaliteit van de gegevens.
    DataQuality,
    /// Sanctie bij niet-naleving.
    Sanction,
    /// Meldingsplichten (with the DPOs' contact details).
    Notification,
    /// Transparantie (publication per party, data subjects' rights).
    Transparency,
    /// Toepasselijk recht en geschillen.
    LawAndDisputes,
    /// Inwerkingtreding en beëindiging.
    EntryIntoForce,
}

impl StandardArticle {
    /// Every standard article, in the standard order.
    pub const ALL: [StandardArticle; 12] = [
        StandardArticle::Subject,
        StandardArticle::Grounds,
        StandardArticle::Data,
        StandardArticle::Recipients,
        StandardArticle::Periodicity,
        StandardArticle::Security,
        StandardArticle::DataQuality,
        StandardArticle::Sanction,
        StandardArticle::Notification,
        StandardArticle::Transparency,
        StandardArticle::LawAndDisputes,
        StandardArticle::EntryIntoForce,
    ];

    /// The id texts refer to it by, e.g. `{artikel:gegevens}`.
    pub fn id(self) -> &'static str {
        match self {
            StandardArticle::Subject => "onderwerp",
            StandardArticle::Grounds => "doeleinden",
            StandardArticle::Data => "gegevens",
            StandardArticle::Recipients => "ontvangers",
            StandardArticle::Periodicity => "periodiciteit",
            StandardArticle::Security => "beveiliging",
            StandardArticle::DataQuality => "kwaliteit",
            StandardArticle::Sanction => "sanctie",
            StandardArticle::Notification => "meldingsplichten",
            StandardArticle::Transparency => "transparantie",
            StandardArticle::LawAndDisputes => "toepasselijk-recht",
            StandardArticle::EntryIntoForce => "inwerkingtreding",
        }
    }

    /// The standard title, without its number.
    pub fn title(self) -> &'static str {
        match self {
            StandardArticle::Subject => "Onderwerp",
            StandardArticle::Grounds => "Doeleinden en rechtsgronden van de mededeling",
            StandardArticle::Data => "De meegedeelde persoonsgegevens en hun evenredigheid",
            StandardArticle::Recipients => "Ontvangers en derden die de gegevens kunnen verkrijgen",
            StandardArticle::Periodicity => "Periodiciteit en duur van de mededeling",
            StandardArticle::Security => "Beveiligingsmaatregelen",
            StandardArticle::DataQuality => "Kwaliteit van de gegevens",
            StandardArticle::Sanction => "Sanctie bij niet-naleving",
            StandardArticle::Notification => "Meldingsplichten",
            StandardArticle::Transparency => "Transparantie en rechten van de betrokkenen",
            StandardArticle::LawAndDisputes => "Toepasselijk recht en geschillen",
            StandardArticle::EntryIntoForce => "Inwerkingtreding en beëindiging",
        }
    }

    /// Whether a protocol may leave the article out. What art. 8 §1 e-govdecreet and the
    /// federal minimum content (art. 20 WVG 30 juli 2018) ask for is not optional: subject,
    /// purposes and legal bases, the data, the recipients, periodicity and duration, the
    /// security measures, the sanctions, the notification duties with the DPOs' contacts, and
    /// the entry into force. Data quality, transparency (publication may stand in the
    /// recitals; the rights then follow art. 4) and the applicable law are standard clauses a
    /// signed protocol may do without.
    pub fn is_optional(self) -> bool {
        matches!(
            self,
            StandardArticle::DataQuality
                | StandardArticle::Transparency
                | StandardArticle::LawAndDisputes
        )
    }
    /// Which standard article a title names, by its key words ("Beveiligingsmaatregelen",
    /// "Artikel 6: Beveiliging …"): how an imported protocol's articles, whatever their number
    /// and wording, find their place.
    pub fn from_title(title: &str) -> Option<StandardArticle> {
        let lower = title.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|word| lower.contains(word));
        Some(if has(&["onderwerp", "voorwerp"]) {
            StandardArticle::Subject
        } else if has(&["rechtvaardig", "doeleinde", "doelen", "rechtsgrond"]) {
            StandardArticle::Grounds
        } else if has(&[
            "proportionaliteit",
            "gevraagde persoonsgegevens",
            "meegedeelde persoonsgegevens",
            "categorieën van persoonsgegevens",
        ]) {
            StandardArticle::Data
        } else if has(&["ontvanger", "derden"]) {
            StandardArticle::Recipients
        } else if has(&["periodiciteit", "duur van de mededeling", "frequentie"]) {
            StandardArticle::Periodicity
        } else if has(&["beveiliging", "veiligheidsmaatregel"]) {
            StandardArticle::Security
        } else if has(&["kwaliteit"]) {
            StandardArticle::DataQuality
        } else if has(&["sanctie", "niet-naleving"]) {
            StandardArticle::Sanction
        } else if has(&["melding"]) {
            StandardArticle::Notification
        } else if has(&["transparantie", "bekendmaking", "publicatie"]) {
            StandardArticle::Transparency
        } else if has(&["toepasselijk recht", "geschil"]) {
            StandardArticle::LawAndDisputes
        } else if has(&["inwerkingtreding", "opzegging", "beëindiging"]) {
            StandardArticle::EntryIntoForce
        } else {
            return None;
        })
    }

    /// The wizard step where the article's content is filled in.
    pub fn step(self) -> Step {
        match self {
            StandardArticle::Subject => Step::Context,
            StandardArticle::Grounds => Step::Purposes,
            StandardArticle::Data => Step::Data,
            StandardArticle::Recipients => Step::Recipients,
            StandardArticle::Periodicity => Step::Periodicity,
            StandardArticle::Security => Step::Security,
            StandardArticle::DataQuality
            | StandardArticle::Sanction
            | StandardArticle::Notification
            | StandardArticle::Transparency
            | StandardArticle::LawAndDisputes
            | StandardArticle::EntryIntoForce => Step::Clauses,
        }
    }

    /// The article in Dutch for lists and messages: "Kwaliteit van de gegevens".
    pub fn label(self) -> &'static str {
        self.title()
    }
}

/// The standard list: every standard article, in the standard order, under its own title.
pub fn standard_articles() -> Vec<ArticleEntry> {
    StandardArticle::ALL
        .into_iter()
        .map(ArticleEntry::standard)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_ids_are_unique_and_titles_present() {
        let mut ids: Vec<&str> = StandardArticle::ALL.iter().map(|kind| kind.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), StandardArticle::ALL.len());
        assert!(
            StandardArticle::ALL
                .iter()
                .all(|kind| !kind.title().is_empty())
        );
    }

    #[test]
    fn own_title_wins_and_added_articles_are_optional() {
        let mut entry = ArticleEntry::standard(StandardArticle::DataQuality);
        assert_eq!(entry.title(), "Kwaliteit van de gegevens");
        entry.title = "Kwaliteit van de  persoonsgegevens".into();
        assert_eq!(entry.title(), "Kwaliteit van de persoonsgegevens");
        assert!(entry.is_optional());
        assert!(!ArticleEntry::standard(StandardArticle::Data).is_optional());
        let added = ArticleEntry {
            id: "opzegging".into(),
            title: "Opzegging".into(),
            ..ArticleEntry::default()
        };
        assert!(added.is_optional());
        assert_eq!(added.title(), "Opzegging");
    }
}

/// The marker that opens a reference to an article in a free text: `{artikel:gegevens}`.
pub const ARTICLE_REFERENCE: &str = "{artikel:";

/// The ids `text` refers to with `{artikel:id}`, in order.
pub fn article_references(text: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(ARTICLE_REFERENCE) {
        let after = &rest[start + ARTICLE_REFERENCE.len()..];
        match after.find('}') {
            Some(end) => {
                ids.push(after[..end].trim());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    ids
}

/// `text` with each `{artikel:id}` replaced by "artikel N" (`numbers` maps ids to numbers);
/// an unknown id becomes "artikel [onbekend: id]", an unclosed reference stays as it is.
pub fn resolve_article_references(text: &str, numbers: &[(String, usize)]) -> String {
    if !text.contains(ARTICLE_REFERENCE) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(ARTICLE_REFERENCE) {
        out.push_str(&rest[..start]);
        let after = &rest[start + ARTICLE_REFERENCE.len()..];
        let Some(end) = after.find('}') else {
            // An unclosed reference is text like any other.
            out.push_str(&rest[start..]);
            return out;
        };
        let id = after[..end].trim();
        match numbers.iter().find(|(known, _)| known == id) {
            Some((_, number)) => out.push_str(&format!("artikel {number}")),
            None => out.push_str(&format!("artikel [onbekend: {id}]")),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    #[test]
    fn references_follow_the_numbering() {
        let numbers = vec![("gegevens".to_string(), 3), ("opzegging".to_string(), 12)];
        assert_eq!(
            resolve_article_references("zie {artikel:gegevens} en {artikel: opzegging}.", &numbers),
            "zie artikel 3 en artikel 12."
        );
        assert_eq!(
            resolve_article_references("zie {artikel:x}", &numbers),
            "zie artikel [onbekend: x]"
        );
        assert_eq!(
            resolve_article_references("open {artikel:", &numbers),
            "open {artikel:"
        );
        assert_eq!(
            article_references("a {artikel:b} c {artikel:d}"),
            vec!["b", "d"]
        );
    }
}
