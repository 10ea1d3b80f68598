//! Undo and redo over the whole model: snapshots of the protocol, one per group of edits.
//! Typing in one field within a second is one group; every list change is its own group.

use crate::model::Protocol;

/// How long a pause (seconds) ends a group of edits.
const GROUP_PAUSE: f64 = 1.0;
/// How many undo steps are kept.
const MAX_STEPS: usize = 100;

/// The undo and redo stacks.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Protocol>,
    redo: Vec<Protocol>,
    /// The model as it was after the last recorded change.
    last: Protocol,
    last_change: f64,
    group_open: bool,
}

impl History {
    /// A history that starts at `protocol`.
    pub fn new(protocol: &Protocol) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            last: protocol.clone(),
            last_change: f64::NEG_INFINITY,
            group_open: false,
        }
    }

    /// Records that the model changed at time `now` (seconds). `structural` changes (list
    /// operations) always start a new undo step.
    pub fn record(&mut self, protocol: &Protocol, now: f64, structural: bool) {
        let new_group = structural || !self.group_open || now - self.last_change > GROUP_PAUSE;
        if new_group {
            let before = std::mem::replace(&mut self.last, protocol.clone());
            self.undo.push(before);
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        } else {
            self.last = protocol.clone();
        }
        self.redo.clear();
        self.last_change = now;
        self.group_open = !structural;
    }

    /// Goes one step back; false when there is nothing to undo.
    pub fn undo(&mut self, protocol: &mut Protocol) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(protocol, previous));
        self.last = protocol.clone();
        self.group_open = false;
        true
    }

    /// Goes one step forward again; false when there is nothing to redo.
    pub fn redo(&mut self, protocol: &mut Protocol) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(protocol, next));
        self.last = protocol.clone();
        self.group_open = false;
        true
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_groups_and_list_changes_do_not() {
        let mut protocol = Protocol::default();
        let mut history = History::new(&protocol);
        protocol.identifier = "I".into();
        history.record(&protocol, 0.0, false);
        protocol.identifier = "IN".into();
        history.record(&protocol, 0.5, false);
        protocol.annexes.push(Default::default());
        history.record(&protocol, 0.6, true);
        assert!(history.undo(&mut protocol));
        assert_eq!(protocol.identifier, "IN");
        assert!(protocol.annexes.is_empty());
        assert!(history.undo(&mut protocol));
        assert_eq!(protocol, Protocol::default());
        assert!(!history.undo(&mut protocol));
        assert!(history.redo(&mut protocol));
        assert!(history.redo(&mut protocol));
        assert_eq!(protocol.annexes.len(), 1);
    }
}
