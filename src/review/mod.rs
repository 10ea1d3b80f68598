//! Review and approval inside the file: comments, per-step verdicts, DPO advice tied to the
//! content fingerprint, the workflow status with its allowed transitions and history,
//! "what changed" diffs, and the sentences the app and the Adviesverslag say about them. The
//! review report itself is built in `crate::document::adviesverslag`, beside the protocol.
//!
//! Every action takes the acting [`Person`] and the moment (`when`) from the caller: nothing
//! here reads the clock, so tests and batch runs are repeatable.

pub mod diff;
pub mod sentences;
mod workflow;

pub use workflow::{
    SignedPdfEvidence, TransitionError, allowed_transitions, sign_with_pdf, transition,
};

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::Step;
use crate::model::fingerprint;
use crate::model::{
    AdviceOutcome, Comment, DpoAdvice, HistoryEntry, Person, Protocol, Resolution, Role, Snapshot,
    Status, Verdict, VerdictKind,
};

/// Why a review action was refused; the text is Dutch and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReviewError(pub String);

/// Adds a comment on a step (and optionally one field) and returns its id.
pub fn add_comment(
    protocol: &mut Protocol,
    author: &Person,
    when: NaiveDateTime,
    step: Step,
    path: &str,
    text: &str,
) -> Result<u32, ReviewError> {
    if text.trim().is_empty() {
        return Err(ReviewError(
            "Een opmerking zonder tekst wordt niet bewaard; schrijf wat er moet gebeuren.".into(),
        ));
    }
    let id = protocol
        .review
        .comments
        .iter()
        .map(|comment| comment.id)
        .max()
        .unwrap_or(0)
        + 1;
    protocol.review.comments.push(Comment {
        id,
        step: Some(step),
        path: path.to_string(),
        author: author.clone(),
        written: Some(when),
        text: text.trim().to_string(),
        resolved: None,
    });
    log(
        protocol,
        author,
        when,
        format!("Opmerking {id} toegevoegd bij stap ‘{}’", step.title()),
        "",
    );
    Ok(id)
}

/// The comment with this number, or a Dutch error naming it.
fn comment_mut(protocol: &mut Protocol, id: u32) -> Result<&mut Comment, ReviewError> {
    protocol
        .review
        .comments
        .iter_mut()
        .find(|comment| comment.id == id)
        .ok_or_else(|| ReviewError(format!("Er is geen opmerking met nummer {id}.")))
}

/// Marks a comment as resolved.
pub fn resolve_comment(
    protocol: &mut Protocol,
    id: u32,
    by: &Person,
    when: NaiveDateTime,
    remark: &str,
) -> Result<(), ReviewError> {
    let comment = comment_mut(protocol, id)?;
    if comment.resolved.is_some() {
        return Err(ReviewError(format!("Opmerking {id} is al afgehandeld.")));
    }
    comment.resolved = Some(Resolution {
        by: by.clone(),
        when: Some(when),
        remark: remark.trim().to_string(),
    });
    log(
        protocol,
        by,
        when,
        format!("Opmerking {id} afgehandeld"),
        remark,
    );
    Ok(())
}

/// Reopens a resolved comment.
pub fn reopen_comment(
    protocol: &mut Protocol,
    id: u32,
    by: &Person,
    when: NaiveDateTime,
) -> Result<(), ReviewError> {
    let comment = comment_mut(protocol, id)?;
    comment.resolved = None;
    log(protocol, by, when, format!("Opmerking {id} heropend"), "");
    Ok(())
}

/// Open comments, oldest first.
pub fn open_comments(protocol: &Protocol) -> impl Iterator<Item = &Comment> {
    protocol
        .review
        .comments
        .iter()
        .filter(|comment| comment.resolved.is_none())
}

/// Gives (or replaces) the verdict on a step. "Te verbeteren" and "te corrigeren" need a
/// comment saying what to change.
pub fn set_verdict(
    protocol: &mut Protocol,
    step: Step,
    kind: VerdictKind,
    comment: &str,
    by: &Person,
    when: NaiveDateTime,
) -> Result<(), ReviewError> {
    if kind != VerdictKind::Acceptable && comment.trim().is_empty() {
        return Err(ReviewError(format!(
            "Bij ‘{}’ hoort een toelichting: schrijf wat er in de stap ‘{}’ moet veranderen.",
            kind.label(),
            step.title()
        )));
    }
    protocol
        .review
        .verdicts
        .retain(|verdict| verdict.step != Some(step));
    protocol.review.verdicts.push(Verdict {
        step: Some(step),
        kind,
        comment: comment.trim().to_string(),
        by: by.clone(),
        when: Some(when),
    });
    log(
        protocol,
        by,
        when,
        format!("Stap ‘{}’ beoordeeld als {}", step.title(), kind.label()),
        comment,
    );
    Ok(())
}

/// The verdict on a step, if any.
pub fn verdict(protocol: &Protocol, step: Step) -> Option<&Verdict> {
    protocol
        .review
        .verdicts
        .iter()
        .find(|verdict| verdict.step == Some(step))
}

/// Records a DPO's advice for the party at `party_index`: fills the party's advice (and so its
/// recital line), ties it to the current content fingerprint and keeps a snapshot of that
/// content. Only a DPO may record advice; conditions are required with "gunstig onder
/// voorwaarden" and a motivation with "ongunstig".
pub fn record_dpo_advice(
    protocol: &mut Protocol,
    party_index: usize,
    by: &Person,
    date: NaiveDate,
    outcome: AdviceOutcome,
    remarks: &str,
    when: NaiveDateTime,
) -> Result<(), ReviewError> {
    if by.role != Role::Dpo {
        return Err(ReviewError(
            "Alleen een functionaris voor gegevensbescherming kan een advies registreren. \
             Kies bij ‘Wie bent u?’ de rol DPO."
                .into(),
        ));
    }
    if outcome != AdviceOutcome::Favourable && remarks.trim().is_empty() {
        return Err(ReviewError(format!(
            "Bij een advies ‘{}’ horen de voorwaarden of de motivering; vul ze in.",
            outcome.label()
        )));
    }
    let fingerprint = fingerprint::fingerprint(protocol);
    let party_name = {
        let party = protocol
            .parties
            .get_mut(party_index)
            .ok_or_else(|| ReviewError(format!("Er is geen partij {}.", party_index + 1)))?;
        party.dpo_advice = DpoAdvice {
            date: Some(date),
            outcome: Some(outcome),
            remarks: remarks.trim().to_string(),
            fingerprint: fingerprint.clone(),
            outcome_not_stated: false,
        };
        party.display_name().to_string()
    };
    keep_snapshot(protocol, &fingerprint);
    log(
        protocol,
        by,
        when,
        format!("Advies van de DPO van {party_name}: {}", outcome.label()),
        remarks,
    );
    Ok(())
}

/// Whether the DPO advice of this party was given on other content than the current one.
pub fn advice_outdated(protocol: &Protocol, party_index: usize) -> bool {
    protocol.parties.get(party_index).is_some_and(|party| {
        !party.dpo_advice.fingerprint.is_empty()
            && party.dpo_advice.fingerprint != fingerprint::fingerprint(protocol)
    })
}

/// Whether an approval exists and was given on other content than the current one.
pub fn approval_outdated(protocol: &Protocol) -> bool {
    protocol
        .review
        .approval
        .as_ref()
        .is_some_and(|approval| approval.fingerprint != fingerprint::fingerprint(protocol))
}

/// Whether the protocol is approved (or signed) on exactly its current content.
pub fn is_approved(protocol: &Protocol) -> bool {
    matches!(protocol.review.status, Status::Approved | Status::Signed)
        && protocol.review.approval.is_some()
        && !approval_outdated(protocol)
}

/// The content a fingerprint was recorded on, if the file kept it.
pub fn snapshot<'a>(protocol: &'a Protocol, fingerprint: &str) -> Option<&'a Protocol> {
    protocol
        .review
        .snapshots
        .iter()
        .find(|snapshot| snapshot.fingerprint == fingerprint)
        .map(|snapshot| snapshot.content.as_ref())
}

/// Keeps the current content as a snapshot under `fingerprint` (once).
fn keep_snapshot(protocol: &mut Protocol, fingerprint: &str) {
    if snapshot(protocol, fingerprint).is_some() {
        return;
    }
    let mut content = protocol.clone();
    content.review = Default::default();
    protocol.review.snapshots.push(Snapshot {
        fingerprint: fingerprint.to_string(),
        content: Box::new(content),
    });
}

/// Appends a line to the history.
/// Marks the `index`-th text an import could not place as dealt with (put in its field by
/// hand, or left out on purpose): it leaves the "niet geplaatst" list, and the history keeps
/// it whole, with who did it and when, so nothing of the signed text is lost.
pub fn settle_unplaced(
    protocol: &mut Protocol,
    index: usize,
    by: &Person,
    when: NaiveDateTime,
) -> Result<(), ReviewError> {
    let Some(record) = protocol.review.import.as_mut() else {
        return Err(ReviewError(
            "Dit protocol is niet geïmporteerd.".to_string(),
        ));
    };
    if index >= record.unplaced.len() {
        return Err(ReviewError(
            "Deze niet-geplaatste tekst bestaat niet (meer).".to_string(),
        ));
    }
    let unplaced = record.unplaced.remove(index);
    log(
        protocol,
        by,
        when,
        format!(
            "Niet-geplaatste tekst afgehandeld ({}, {})",
            unplaced.section, unplaced.origin
        ),
        &unplaced.text,
    );
    Ok(())
}

/// Begins an addendum to a signed protocol: the signed content is kept as the baseline (and as
/// a snapshot), the protocol goes back to Concept so the change can be drafted, advised,
/// approved and signed like a protocol, and the signing date is cleared for the addendum's
/// own. The history says who began it and when. Returns the addendum's number.
pub fn start_amendment(
    protocol: &mut Protocol,
    by: &Person,
    when: NaiveDateTime,
) -> Result<u32, ReviewError> {
    if let Some(amendment) = &protocol.review.amendment {
        return Err(ReviewError(format!(
            "Addendum {} is al in opmaak.",
            amendment.number
        )));
    }
    if protocol.review.status != Status::Signed {
        return Err(ReviewError(format!(
            "Een addendum wijzigt een ondertekend protocol; dit protocol staat op ‘{}’. Wijzig \
             het gewoon en laat het opnieuw adviseren en goedkeuren.",
            protocol.review.status.label()
        )));
    }
    let number = u32::try_from(protocol.review.addenda.len()).unwrap_or(u32::MAX - 1) + 1;
    let current = fingerprint::fingerprint(protocol);
    keep_snapshot(protocol, &current);
    let mut baseline = protocol.clone();
    baseline.review = Default::default();
    let signed_on = protocol.signing.date;
    protocol.review.amendment = Some(crate::model::Amendment {
        number,
        baseline: Box::new(baseline),
        baseline_fingerprint: current,
        signed_on,
        started: Some(when),
    });
    protocol.review.status = Status::Draft;
    protocol.review.approval = None;
    protocol.signing.date = None;
    let date = signed_on
        .map(crate::dutch::dutch_long)
        .unwrap_or_else(|| "(datum niet vermeld)".to_string());
    log(
        protocol,
        by,
        when,
        format!("Addendum {number} begonnen bij het protocol ondertekend op {date}"),
        "",
    );
    Ok(number)
}

/// After the addendum in the making is signed: its record goes into the list of addenda (with
/// what it changed, field by field) and the current content is the new baseline for the next.
fn record_signed_addendum(protocol: &mut Protocol, by: &Person, when: NaiveDateTime) {
    let Some(amendment) = protocol.review.amendment.take() else {
        return;
    };
    let mut changes: Vec<String> = Vec::new();
    for change in diff::diff(&amendment.baseline, protocol) {
        if !changes.contains(&change.label) {
            changes.push(change.label);
        }
    }
    let number = amendment.number;
    protocol.review.addenda.push(crate::model::AddendumRecord {
        number,
        baseline_fingerprint: amendment.baseline_fingerprint,
        fingerprint: fingerprint::fingerprint(protocol),
        signed_on: protocol.signing.date,
        changes,
    });
    log(
        protocol,
        by,
        when,
        format!("Addendum {number} ondertekend"),
        "",
    );
}

fn log(protocol: &mut Protocol, who: &Person, when: NaiveDateTime, action: String, remark: &str) {
    let fingerprint = fingerprint::fingerprint(protocol);
    protocol.review.history.push(HistoryEntry {
        when: Some(when),
        who: who.clone(),
        action,
        remark: remark.trim().to_string(),
        fingerprint,
    });
}

/// Why the protocol is a draft, in lower-case words ("gewijzigd na goedkeuring", "ter advies
/// bij DPO", …; empty for a concept, which "Ontwerp" says by itself); `None` when it is approved (or signed) on exactly its current content.
pub fn draft_reason(protocol: &Protocol) -> Option<String> {
    if approval_outdated(protocol) {
        return Some("gewijzigd na goedkeuring".to_string());
    }
    match (&protocol.review.approval, protocol.review.status) {
        (Some(_), Status::Approved | Status::Signed) => None,
        // Never "Ontwerp – ondertekend": a status past approval without an approval on record
        // (a file edited by hand, an import) says what is missing.
        (None, Status::Approved | Status::Signed) => Some("zonder goedkeuring".to_string()),
        // A concept is what "Ontwerp" already says: one word for one state.
        (_, Status::Draft) => Some(String::new()),
        (_, status) => Some(lower_first(status.label())),
    }
}

/// "ter advies bij DPO" for "Ter advies bij DPO": the first letter only, acronyms stay.
fn lower_first(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_lowercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// The approval in words, "Goedgekeurd door <naam> (<organisatie>) op <datum>", if there is one.
pub fn approval_text(protocol: &Protocol) -> Option<String> {
    protocol.review.approval.as_ref().map(|approval| {
        let date = approval
            .date
            .map(|date| format!(" op {}", crate::dutch::dutch_long(date)))
            .unwrap_or_default();
        let organisation = if approval.by.organisation.trim().is_empty() {
            String::new()
        } else {
            format!(" ({})", approval.by.organisation.trim())
        };
        format!(
            "Goedgekeurd door {}{organisation}{date}",
            approval.by.name.trim()
        )
    })
}

/// The document status in words, for headers and the app: approval, or why it is a draft.
pub fn status_text(protocol: &Protocol) -> String {
    match draft_reason(protocol) {
        Some(reason) => format!("Ontwerp – {reason}"),
        None => approval_text(protocol).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
