//! The review's sentences in Dutch, as the app shows them: who did what when, the state of a
//! party's advice, a verdict, a comment's byline, what changed since an approval or advice.
//! Pure functions over the model, no UI; the review tab (`app/review_panel.rs`) shows them.

use chrono::{NaiveDate, NaiveDateTime};

use super::diff::{self, Change};
use crate::dutch::dutch_long;
use crate::model::{
    Comment, DpoAdvice, HistoryEntry, Party, Person, Protocol, Resolution, Verdict,
};

/// "Te corrigeren" for "te corrigeren": labels start with a capital.
pub use crate::dutch::capitalise as capitalised;

/// "24 november 2026 om 14:05"; empty when the moment is unknown.
pub fn moment(when: Option<NaiveDateTime>) -> String {
    when.map(|when| format!("{} om {}", dutch_long(when.date()), when.format("%H:%M")))
        .unwrap_or_default()
}

/// " op 2 maart 2026"; empty when the date is unknown.
fn on(date: Option<NaiveDate>) -> String {
    date.map(|date| format!(" op {}", dutch_long(date)))
        .unwrap_or_default()
}

/// "An Peeters (functionaris voor gegevensbescherming, Gemeente Zoersel)"; "onbekend" for a
/// person without a name.
pub fn person(who: &Person) -> String {
    let name = who.name.trim();
    let name = if name.is_empty() { "onbekend" } else { name };
    let organisation = who.organisation.trim();
    if organisation.is_empty() {
        format!("{name} ({})", who.role.label())
    } else {
        format!("{name} ({}, {organisation})", who.role.label())
    }
}

/// " — An Peeters (functionaris voor gegevensbescherming), 2 april 2026 om 11:30": who did it
/// and when, after a text.
pub fn by_line(who: &Person, when: Option<NaiveDateTime>) -> String {
    let when = moment(when);
    if when.is_empty() {
        format!(" — {}", person(who))
    } else {
        format!(" — {}, {when}", person(who))
    }
}

/// A party's name, also before it has one: "Partij 2 (nog zonder naam)".
pub fn party_name(party: &Party, index: usize) -> String {
    let name = party.display_name().trim();
    if name.is_empty() {
        format!("Partij {} (nog zonder naam)", index + 1)
    } else {
        name.to_string()
    }
}

/// The state of a party's DPO advice: "nog geen advies", "gunstig op 2 maart 2026", "gegeven op
/// 2 maart 2026 (uitkomst niet vermeld)", with " — de inhoud is sindsdien gewijzigd" when it was
/// given on other content than `current` (the full fingerprint of the content now; the same
/// test as `review::advice_outdated`).
pub fn advice_state(advice: &DpoAdvice, current: &str) -> String {
    let state = match (advice.outcome, advice.date) {
        (Some(outcome), date) => format!("{}{}", outcome.label(), on(date)),
        (None, Some(date)) if advice.outcome_not_stated => {
            format!("gegeven{} (uitkomst niet vermeld)", on(Some(date)))
        }
        (None, Some(date)) => format!("gegeven{}", on(Some(date))),
        (None, None) => return "nog geen advies".to_string(),
    };
    if !advice.fingerprint.is_empty() && advice.fingerprint != current {
        format!("{state} — de inhoud is sindsdien gewijzigd")
    } else {
        state
    }
}

/// "Te verbeteren volgens An Peeters (functionaris voor gegevensbescherming) op 2 april 2026
/// om 11:30".
pub fn verdict_line(verdict: &Verdict) -> String {
    format!(
        "{} volgens {} op {}",
        capitalised(verdict.kind.label()),
        person(&verdict.by),
        moment(verdict.when)
    )
}

/// "3. An Peeters (functionaris voor gegevensbescherming) op 2 april 2026 om 11:30".
pub fn comment_byline(comment: &Comment) -> String {
    format!(
        "{}. {} op {}",
        comment.id,
        person(&comment.author),
        moment(comment.written)
    )
}

/// "Afgehandeld door Jan Janssens op 3 april 2026 om 09:15".
pub fn resolution_line(resolution: &Resolution) -> String {
    format!(
        "Afgehandeld door {} op {}",
        resolution.by.name,
        moment(resolution.when)
    )
}

/// "2 april 2026 11:30 — An Peeters (functionaris voor gegevensbescherming): Status gewijzigd
/// naar Terug naar opsteller — Vul de bewaartermijn aan."
pub fn history_line(entry: &HistoryEntry) -> String {
    let mut line = String::new();
    if let Some(when) = entry.when {
        line.push_str(&format!(
            "{} {} — ",
            dutch_long(when.date()),
            when.format("%H:%M")
        ));
    }
    let name = if entry.who.name.trim().is_empty() {
        "(onbekend)"
    } else {
        entry.who.name.trim()
    };
    line.push_str(&format!(
        "{name} ({}): {}",
        entry.who.role.label(),
        entry.action
    ));
    if !entry.remark.trim().is_empty() {
        line.push_str(&format!(" — {}", entry.remark.trim()));
    }
    line
}

/// What changed since the version an approval or advice was given on.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangesSince {
    /// "de goedkeuring op 2 maart 2026", "het advies voor Gemeente Zoersel op 1 maart 2026".
    pub since: String,
    /// The changes, in document order.
    pub changes: Vec<Change>,
}

/// The changes against the approval's snapshot if the file kept it, else against the newest
/// advice snapshot; `None` when there is nothing to compare with.
pub fn changes_since(protocol: &Protocol) -> Option<ChangesSince> {
    if let Some(approval) = &protocol.review.approval
        && let Some(old) = super::snapshot(protocol, &approval.fingerprint)
    {
        return Some(ChangesSince {
            since: format!("de goedkeuring{}", on(approval.date)),
            changes: diff::diff(old, protocol),
        });
    }
    protocol.review.snapshots.iter().rev().find_map(|snapshot| {
        let (index, party) = protocol.parties.iter().enumerate().find(|(_, party)| {
            party.dpo_advice.outcome.is_some()
                && party.dpo_advice.fingerprint == snapshot.fingerprint
        })?;
        Some(ChangesSince {
            since: format!(
                "het advies voor {}{}",
                party_name(party, index),
                on(party.dpo_advice.date)
            ),
            changes: diff::diff(&snapshot.content, protocol),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AdviceOutcome, Role, VerdictKind};

    fn at(day: u32, hour: u32, minute: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(2026, 4, day)?.and_hms_opt(hour, minute, 0)
    }

    fn an() -> Person {
        Person {
            name: "An Peeters".into(),
            role: Role::Dpo,
            organisation: String::new(),
        }
    }

    #[test]
    fn capitalised_handles_empty_and_non_ascii_text() {
        assert_eq!(capitalised("te corrigeren"), "Te corrigeren");
        assert_eq!(capitalised("één"), "Één");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn people_and_moments() {
        assert_eq!(moment(at(2, 11, 30)), "2 april 2026 om 11:30");
        assert_eq!(moment(None), "");
        assert_eq!(
            person(&an()),
            "An Peeters (functionaris voor gegevensbescherming)"
        );
        let with_organisation = Person {
            organisation: "Gemeente Zoersel".into(),
            ..an()
        };
        assert_eq!(
            person(&with_organisation),
            "An Peeters (functionaris voor gegevensbescherming, Gemeente Zoersel)"
        );
    }

    #[test]
    fn a_party_without_a_name_is_numbered() {
        let party = Party::default();
        assert_eq!(party_name(&party, 1), "Partij 2 (nog zonder naam)");
        let named = Party {
            legal_name: "Gemeente Zoersel".into(),
            ..Party::default()
        };
        assert_eq!(party_name(&named, 1), "Gemeente Zoersel");
    }

    #[test]
    fn advice_state_says_when_the_content_changed_since() {
        let mut advice = DpoAdvice::default();
        assert_eq!(advice_state(&advice, "abc"), "nog geen advies");
        advice.outcome = Some(AdviceOutcome::Favourable);
        advice.date = NaiveDate::from_ymd_opt(2026, 3, 2);
        advice.fingerprint = "abc".into();
        let given = advice_state(&advice, "abc");
        assert!(given.ends_with(" op 2 maart 2026"), "{given}");
        assert!(!given.contains("gewijzigd"), "{given}");
        let later = advice_state(&advice, "def");
        assert!(
            later.ends_with(" op 2 maart 2026 — de inhoud is sindsdien gewijzigd"),
            "{later}"
        );
        // Advice typed in by hand has no fingerprint: it is never called outdated.
        advice.fingerprint.clear();
        assert!(!advice_state(&advice, "def").contains("gewijzigd"));
    }

    #[test]
    fn verdicts_comments_and_resolutions_name_who_and_when() {
        let verdict = Verdict {
            kind: VerdictKind::ALL[1],
            by: an(),
            when: at(2, 11, 30),
            ..Verdict::default()
        };
        let line = verdict_line(&verdict);
        assert!(
            line.ends_with(" volgens An Peeters (functionaris voor gegevensbescherming) op 2 april 2026 om 11:30"),
            "{line}"
        );
        assert!(line.starts_with(char::is_uppercase), "{line}");
        let comment = Comment {
            id: 3,
            author: an(),
            written: at(2, 11, 30),
            ..Comment::default()
        };
        assert_eq!(
            comment_byline(&comment),
            "3. An Peeters (functionaris voor gegevensbescherming) op 2 april 2026 om 11:30"
        );
        let resolution = Resolution {
            by: an(),
            when: at(3, 9, 15),
            remark: String::new(),
        };
        assert_eq!(
            resolution_line(&resolution),
            "Afgehandeld door An Peeters op 3 april 2026 om 09:15"
        );
    }

    #[test]
    fn history_lines_have_when_who_what_and_the_remark() {
        let entry = HistoryEntry {
            when: at(2, 11, 30),
            who: an(),
            action: "Status gewijzigd".into(),
            remark: " Vul de bewaartermijn aan. ".into(),
            fingerprint: String::new(),
        };
        assert_eq!(
            history_line(&entry),
            "2 april 2026 11:30 — An Peeters (functionaris voor gegevensbescherming): Status \
             gewijzigd — Vul de bewaartermijn aan."
        );
        let anonymous = HistoryEntry {
            when: None,
            who: Person::default(),
            action: "Iets".into(),
            ..entry
        };
        assert_eq!(
            history_line(&anonymous),
            "(onbekend) (opsteller): Iets — Vul de bewaartermijn aan."
        );
    }

    #[test]
    fn nothing_to_compare_with_without_approval_or_advice_snapshots() {
        assert_eq!(changes_since(&Protocol::default()), None);
    }
}
