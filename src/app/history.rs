//! Undo and redo over the protocol's content: snapshots of the protocol, one per group of
//! edits, each naming what it changed and where. Typing in one field without a pause of a
//! second is one group; another field, or any list change, starts a new one.
//!
//! Review records (the review record with its status, comments and verdicts; each DPO's
//! advice; the VTC's advice date) are not content and have their own history in the review
//! record: they are never on this stack. A change that only touches them is not an undo step,
//! and undoing content leaves them as they are, so an undo never removes an advice silently.

use crate::model::{Protocol, Step};

/// How long a pause (seconds) ends a group of edits.
const GROUP_PAUSE: f64 = 1.0;
/// How many undo steps are kept.
const MAX_STEPS: usize = 100;

/// What an edit changed: the field (its path, its label as the form shows it) and the step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edit {
    /// The field's path, e.g. `signing.date`; for a list change the list's path.
    pub path: String,
    /// What to call it in "Ongedaan maken: …", e.g. "Datum van ondertekening".
    pub label: String,
    /// The step that shows the field.
    pub step: Option<Step>,
    /// A list changed shape (add, remove, move): always its own undo step.
    pub structural: bool,
}

/// One undo (or redo) step: the protocol as it was, and what the step changes.
#[derive(Clone, Debug)]
struct Entry {
    protocol: Protocol,
    edit: Edit,
}

/// The undo and redo stacks.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// The model as it was after the last recorded change.
    last: Protocol,
    last_change: f64,
    /// The field the open group types in; `None` when no group is open.
    open_group: Option<String>,
}

impl History {
    /// A history that starts at `protocol`.
    pub fn new(protocol: &Protocol) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            last: protocol.clone(),
            last_change: f64::NEG_INFINITY,
            open_group: None,
        }
    }

    /// Records that the model changed at time `now` (seconds) by `edit`.
    pub fn record(&mut self, protocol: &Protocol, now: f64, edit: Edit) {
        if same_content(&self.last, protocol) {
            // Only review records changed: they keep their own history.
            self.last = protocol.clone();
            return;
        }
        let continues = !edit.structural
            && self.open_group.as_deref() == Some(edit.path.as_str())
            && now - self.last_change <= GROUP_PAUSE;
        if continues {
            self.last = protocol.clone();
        } else {
            let before = std::mem::replace(&mut self.last, protocol.clone());
            self.undo.push(Entry {
                protocol: before,
                edit: edit.clone(),
            });
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_change = now;
        self.open_group = (!edit.structural).then_some(edit.path);
    }

    /// Goes one step back, keeping the review records as they are now; returns what it undid,
    /// or `None` when there is nothing to undo.
    pub fn undo(&mut self, protocol: &mut Protocol) -> Option<Edit> {
        let entry = self.undo.pop()?;
        let edit = entry.edit.clone();
        let current = swap_content(protocol, entry.protocol);
        self.redo.push(Entry {
            protocol: current,
            edit: edit.clone(),
        });
        self.last = protocol.clone();
        self.open_group = None;
        Some(edit)
    }

    /// Goes one step forward again; returns what it redid, or `None`.
    pub fn redo(&mut self, protocol: &mut Protocol) -> Option<Edit> {
        let entry = self.redo.pop()?;
        let edit = entry.edit.clone();
        let current = swap_content(protocol, entry.protocol);
        self.undo.push(Entry {
            protocol: current,
            edit: edit.clone(),
        });
        self.last = protocol.clone();
        self.open_group = None;
        Some(edit)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What the next undo changes back, e.g. "Datum van ondertekening".
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|entry| entry.edit.label.as_str())
    }

    /// What the next redo changes again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|entry| entry.edit.label.as_str())
    }
}

/// Puts `content` in `protocol`'s place but keeps `protocol`'s review records; returns the
/// protocol as it was.
fn swap_content(protocol: &mut Protocol, mut content: Protocol) -> Protocol {
    content.review = protocol.review.clone();
    content.vtc_advice_date = protocol.vtc_advice_date;
    for party in &mut content.parties {
        if let Some(now) = protocol.parties.iter().find(|now| now.id == party.id) {
            party.dpo_advice = now.dpo_advice.clone();
        }
    }
    std::mem::replace(protocol, content)
}

/// Whether the two differ in review records only.
fn same_content(a: &Protocol, b: &Protocol) -> bool {
    let strip = |protocol: &Protocol| {
        let mut copy = protocol.clone();
        copy.review = Default::default();
        copy.vtc_advice_date = None;
        for party in &mut copy.parties {
            party.dpo_advice = Default::default();
        }
        copy
    };
    strip(a) == strip(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AdviceOutcome, Party};

    fn typed(path: &str, label: &str) -> Edit {
        Edit {
            path: path.into(),
            label: label.into(),
            step: Some(Step::Data),
            structural: false,
        }
    }

    #[test]
    fn typing_in_one_field_groups_another_field_and_list_changes_do_not() {
        let mut protocol = Protocol::default();
        let mut history = History::new(&protocol);
        protocol.identifier = "I".into();
        history.record(&protocol, 0.0, typed("identifier", "Identificator"));
        protocol.identifier = "IN".into();
        history.record(&protocol, 0.5, typed("identifier", "Identificator"));
        protocol.retention = "R".into();
        history.record(&protocol, 0.6, typed("retention", "Bewaartermijn"));
        protocol.annexes.push(Default::default());
        history.record(
            &protocol,
            0.7,
            Edit {
                path: "annexes".into(),
                label: "Bijlagen".into(),
                structural: true,
                ..Edit::default()
            },
        );
        assert_eq!(history.undo_label(), Some("Bijlagen"));
        assert_eq!(
            history.undo(&mut protocol).map(|edit| edit.label),
            Some("Bijlagen".into())
        );
        assert!(protocol.annexes.is_empty());
        assert_eq!(history.undo_label(), Some("Bewaartermijn"));
        assert!(history.undo(&mut protocol).is_some());
        assert_eq!(protocol.identifier, "IN");
        let edit = history.undo(&mut protocol).unwrap();
        assert_eq!(
            (edit.path.as_str(), edit.step),
            ("identifier", Some(Step::Data))
        );
        assert_eq!(protocol, Protocol::default());
        assert!(history.undo(&mut protocol).is_none());
        assert_eq!(history.redo_label(), Some("Identificator"));
        assert!(history.redo(&mut protocol).is_some());
        assert!(history.redo(&mut protocol).is_some());
        assert!(history.redo(&mut protocol).is_some());
        assert_eq!(protocol.annexes.len(), 1);
    }

    #[test]
    fn review_records_are_not_undone_with_the_content() {
        let mut protocol = Protocol {
            parties: vec![Party {
                id: "gemeente".into(),
                ..Party::default()
            }],
            ..Protocol::default()
        };
        let mut history = History::new(&protocol);
        protocol.signing.place = "Zoersel".into();
        history.record(&protocol, 0.0, typed("signing.place", "Plaats"));
        // The DPO records an advice: not an undo step.
        protocol.parties[0].dpo_advice.outcome = Some(AdviceOutcome::Favourable);
        history.record(
            &protocol,
            5.0,
            typed("parties[0].dpo_advice.outcome", "Uitkomst"),
        );
        assert_eq!(history.undo_label(), Some("Plaats"));
        assert!(history.undo(&mut protocol).is_some());
        assert!(protocol.signing.place.is_empty());
        assert_eq!(
            protocol.parties[0].dpo_advice.outcome,
            Some(AdviceOutcome::Favourable),
            "undoing content keeps the advice"
        );
        assert!(!history.can_undo());
    }
}
