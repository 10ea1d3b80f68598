//! The user's settings while the app runs. Changes go into memory at once; the store writes
//! them on the worker thread, at most once per [`DEBOUNCE_SECONDS`] after the last change (so
//! typing a name writes once, not once per keystroke), and on exit.

pub use crate::store::Settings;

/// How long after the last change the settings are written (seconds).
pub const DEBOUNCE_SECONDS: f64 = 1.0;

/// The settings in memory and what is known to be on disk.
pub struct SettingsState {
    /// The settings as the user has them now.
    pub current: Settings,
    /// What was last handed to the store (its files hold this, or will once the write lands).
    written: Settings,
    /// When the settings last changed (input time, seconds), while they are not written yet.
    changed_at: Option<f64>,
}

impl SettingsState {
    /// Settings as read at start-up.
    pub fn new(settings: Settings) -> Self {
        Self {
            written: settings.clone(),
            current: settings,
            changed_at: None,
        }
    }

    /// Changes the settings; the write follows after the debounce.
    pub fn change(&mut self, now: f64, change: impl FnOnce(&mut Settings)) {
        change(&mut self.current);
        if self.current != self.written {
            self.changed_at = Some(now);
        }
    }

    /// What to write now, if the last change is [`DEBOUNCE_SECONDS`] old (or `force`): the new
    /// settings and what the files hold. Marks them as written.
    pub fn due(&mut self, now: f64, force: bool) -> Option<(Settings, Settings)> {
        let changed_at = self.changed_at?;
        if !force && now - changed_at < DEBOUNCE_SECONDS {
            return None;
        }
        self.changed_at = None;
        if self.current == self.written {
            return None;
        }
        let before = std::mem::replace(&mut self.written, self.current.clone());
        Some((self.current.clone(), before))
    }

    /// How long until the pending write is due, if one is pending.
    pub fn wait(&self, now: f64) -> Option<f64> {
        self.changed_at
            .map(|changed_at| (changed_at + DEBOUNCE_SECONDS - now).max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_burst_of_changes_is_written_once_a_second_after_the_last() {
        let mut state = SettingsState::new(Settings::empty(PathBuf::from("x")));
        for (index, now) in [0.0, 0.3, 0.6, 0.9].into_iter().enumerate() {
            state.change(now, |settings| settings.user.name = "Jan".repeat(index + 1));
            assert!(state.due(now, false).is_none());
        }
        assert!(
            state.due(1.8, false).is_none(),
            "not yet a second after 0.9"
        );
        let (new, before) = state.due(1.95, false).unwrap();
        assert_eq!(new.user.name, "JanJanJanJan");
        assert_eq!(before.user.name, "");
        assert!(state.due(5.0, false).is_none(), "written once");
    }

    #[test]
    fn a_change_undone_before_the_write_writes_nothing_and_exit_forces_the_write() {
        let mut state = SettingsState::new(Settings::empty(PathBuf::from("x")));
        state.change(0.0, |settings| settings.dark = true);
        state.change(0.1, |settings| settings.dark = false);
        assert!(state.due(2.0, false).is_none());
        state.change(3.0, |settings| settings.dark = true);
        assert_eq!(state.wait(3.25), Some(0.75));
        assert!(
            state.due(3.0, true).is_some(),
            "on exit the write is not delayed"
        );
        assert_eq!(state.wait(3.0), None);
    }
}
