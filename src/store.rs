//! The per-user folder on disk: where the settings (recent files, the theme, who the user is)
//! and the recovery (autosave) file live, how they are written (atomically, the previous
//! version kept as `.bak`) and read (a Dutch error that names the file).
//!
//! Plain functions over a folder, no egui: the app calls them from its worker thread, never
//! while painting a frame. The folder is `$PROTOCOLWIJZER_CONFIG_DIR` when set (tests),
//! otherwise the platform's configuration folder (`$XDG_CONFIG_HOME/protocolwijzer`,
//! `~/.config/protocolwijzer`, `%APPDATA%\protocolwijzer`).

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::file::{self, SaveError};
use crate::model::{Person, Protocol};

/// How many recent files the menu lists.
pub const MAX_RECENT: usize = 8;

/// The file that lists the recent files, newest first, one path a line.
const RECENT_FILE: &str = "recent.txt";
/// The file that holds the theme ("donker" or "licht").
const THEME_FILE: &str = "thema.txt";
/// The file that holds who the user is (RON).
const USER_FILE: &str = "gebruiker.ron";
/// The autosaved protocol.
const RECOVERY_FILE: &str = "herstel.ron";
/// The file the autosaved protocol was being edited as (one path, or empty).
const RECOVERY_ORIGIN_FILE: &str = "herstel-bestand.txt";

/// The folder to use: the environment override or the platform's config folder.
pub fn default_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PROTOCOLWIJZER_CONFIG_DIR") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("protocolwijzer")
}

/// Why a file in the per-user folder could not be read or removed; the text is Dutch and names
/// the file.
#[derive(Debug)]
pub struct StoreError {
    /// The file.
    pub path: PathBuf,
    /// What was being done: "gelezen", "verwijderd".
    pub doing: &'static str,
    /// The underlying error.
    pub source: io::Error,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "‘{}’ kan niet {} worden ({}).",
            self.path.display(),
            self.doing,
            file::io_reason(&self.source)
        )
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The text of `path`, `None` when the file does not exist.
pub fn read_text(path: &Path) -> Result<Option<String>, StoreError> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError {
            path: path.to_path_buf(),
            doing: "gelezen",
            source,
        }),
    }
}

/// Writes `text` to `path` atomically (temporary file, sync, `.bak`, rename), creating the
/// folder first.
pub fn write_text(path: &Path, text: &str) -> Result<(), SaveError> {
    if let Some(folder) = path.parent()
        && !folder.as_os_str().is_empty()
    {
        fs::create_dir_all(folder).map_err(|source| SaveError {
            path: path.to_path_buf(),
            source,
        })?;
    }
    file::write_atomically(path, text.as_bytes())
}

/// Removes `path`; a file that is already gone is fine.
fn remove(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError {
            path: path.to_path_buf(),
            doing: "verwijderd",
            source,
        }),
    }
}

/// The per-user settings: which folder, the recent files, the theme, who the user is. Plain
/// data; [`Settings::read`] and [`Settings::write`] are the only I/O.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The folder.
    pub dir: PathBuf,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Dark theme chosen.
    pub dark: bool,
    /// Who the user is (name, role, organisation): every review action is recorded with it.
    /// Stored as RON; the fields default, so an older or partial file still reads.
    pub user: Person,
}

impl Settings {
    /// Empty settings kept in `dir`.
    pub fn empty(dir: PathBuf) -> Self {
        Self {
            dir,
            recent: Vec::new(),
            dark: false,
            user: Person::default(),
        }
    }

    /// Reads the settings in `dir`. Missing files are empty settings; a file that exists but
    /// cannot be read is an error.
    pub fn read(dir: PathBuf) -> Result<Self, StoreError> {
        let mut settings = Self::empty(dir);
        if let Some(text) = read_text(&settings.dir.join(RECENT_FILE))? {
            settings.recent = text
                .lines()
                .filter(|line| !line.trim().is_empty())
                .map(PathBuf::from)
                .take(MAX_RECENT)
                .collect();
        }
        if let Some(text) = read_text(&settings.dir.join(THEME_FILE))? {
            settings.dark = text.trim() == "donker";
        }
        if let Some(text) = read_text(&settings.dir.join(USER_FILE))? {
            // A damaged user file reads as an unknown user, who then says again who they are.
            settings.user = ron::from_str::<Person>(&text).unwrap_or_default();
        }
        Ok(settings)
    }

    /// Reads the settings in `dir`; anything unreadable is simply empty.
    pub fn load(dir: PathBuf) -> Self {
        Self::read(dir.clone()).unwrap_or_else(|_| Self::empty(dir))
    }

    /// Puts `path` first in the recent files (in memory).
    pub fn add_recent(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    /// Writes the files whose content differs from `before` (what is on disk), each
    /// atomically; `None` writes them all.
    pub fn write(&self, before: Option<&Settings>) -> Result<(), SaveError> {
        if before.is_none_or(|before| before.recent != self.recent) {
            let lines: Vec<String> = self
                .recent
                .iter()
                .map(|path| path.display().to_string())
                .collect();
            write_text(&self.dir.join(RECENT_FILE), &(lines.join("\n") + "\n"))?;
        }
        if before.is_none_or(|before| before.dark != self.dark) {
            let theme = if self.dark { "donker\n" } else { "licht\n" };
            write_text(&self.dir.join(THEME_FILE), theme)?;
        }
        if before.is_none_or(|before| before.user != self.user) {
            // Serialising a plain struct cannot fail; if it did, the old file stays.
            if let Ok(text) =
                ron::ser::to_string_pretty(&self.user, ron::ser::PrettyConfig::default())
            {
                write_text(&self.dir.join(USER_FILE), &(text + "\n"))?;
            }
        }
        Ok(())
    }
}

/// A protocol found in the recovery file.
#[derive(Clone, Debug)]
pub struct Recovery {
    /// The protocol as autosaved.
    pub protocol: Protocol,
    /// The file it was being edited as, if it had one.
    pub path: Option<PathBuf>,
    /// When it was autosaved, for the message ("3 maart 2026 om 14:05").
    pub saved_at: String,
}

/// The recovery file in `dir`.
pub fn recovery_path(dir: &Path) -> PathBuf {
    dir.join(RECOVERY_FILE)
}

/// Writes the recovery file (the autosave) and the name of the file it belongs to.
pub fn write_recovery(
    dir: &Path,
    protocol: &Protocol,
    origin: Option<&Path>,
) -> Result<(), SaveError> {
    let origin = origin
        .map(|path| path.display().to_string())
        .unwrap_or_default();
    write_text(&dir.join(RECOVERY_ORIGIN_FILE), &origin)?;
    file::save(&recovery_path(dir), protocol)
}

/// The autosaved protocol, if a recovery file exists and reads.
pub fn read_recovery(dir: &Path) -> Option<Recovery> {
    let path = recovery_path(dir);
    let protocol = file::load(&path).ok()?;
    let origin = read_text(&dir.join(RECOVERY_ORIGIN_FILE))
        .ok()
        .flatten()
        .unwrap_or_default();
    let saved_at = fs::metadata(&path)
        .and_then(|meta| meta.modified())
        .map(|time| {
            let time: chrono::DateTime<chrono::Local> = time.into();
            format!(
                "{} om {}",
                crate::dutch::dutch_long(time.date_naive()),
                time.format("%H:%M")
            )
        })
        .unwrap_or_default();
    Some(Recovery {
        protocol,
        path: (!origin.trim().is_empty()).then(|| PathBuf::from(origin.trim())),
        saved_at,
    })
}

/// Deletes the recovery file, its origin and their backups (after a clean save or close).
pub fn delete_recovery(dir: &Path) -> Result<(), StoreError> {
    let recovery = recovery_path(dir);
    let origin = dir.join(RECOVERY_ORIGIN_FILE);
    for path in [
        file::backup_path(&recovery),
        recovery,
        file::backup_path(&origin),
        origin,
    ] {
        remove(&path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    #[test]
    fn settings_round_trip_and_missing_files_are_empty() {
        let dir = tempfile::tempdir().unwrap();
        let empty = Settings::read(dir.path().join("nog-niet")).unwrap();
        assert!(empty.recent.is_empty() && !empty.dark);
        assert_eq!(empty.user, Person::default());

        let mut settings = Settings::empty(dir.path().join("sub"));
        settings.add_recent(Path::new("/a.ron"));
        settings.add_recent(Path::new("/b.ron"));
        settings.add_recent(Path::new("/a.ron"));
        settings.dark = true;
        settings.user.name = "An Peeters".into();
        settings.user.role = Role::Dpo;
        settings.write(None).unwrap();
        let read = Settings::read(dir.path().join("sub")).unwrap();
        assert_eq!(read, settings);
        assert_eq!(
            read.recent,
            vec![PathBuf::from("/a.ron"), PathBuf::from("/b.ron")]
        );
    }

    #[test]
    fn recent_files_are_capped() {
        let mut settings = Settings::empty(PathBuf::from("x"));
        for index in 0..20 {
            settings.add_recent(&PathBuf::from(format!("/{index}.ron")));
        }
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], PathBuf::from("/19.ron"));
    }

    #[test]
    fn only_changed_files_are_written_and_the_previous_one_is_kept_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::empty(dir.path().to_path_buf());
        settings.write(None).unwrap();
        let before = settings.clone();
        settings.user.name = "Jan".into();
        settings.write(Some(&before)).unwrap();
        assert!(dir.path().join("gebruiker.ron.bak").is_file());
        assert!(
            !dir.path().join("thema.txt.bak").exists(),
            "the theme was not rewritten"
        );
        assert_eq!(Settings::load(dir.path().to_path_buf()).user.name, "Jan");
    }

    #[test]
    fn an_unreadable_settings_file_is_a_dutch_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where a file is expected cannot be read as text.
        fs::create_dir_all(dir.path().join("recent.txt")).unwrap();
        let error = Settings::read(dir.path().to_path_buf()).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("recent.txt"), "{message}");
        assert!(message.contains("kan niet gelezen worden"), "{message}");
        // `load` falls back to empty settings.
        assert!(Settings::load(dir.path().to_path_buf()).recent.is_empty());
    }

    #[test]
    fn recovery_is_written_read_and_deleted() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_recovery(dir.path()).is_none());
        let protocol = Protocol {
            identifier: "herstel-mij".into(),
            ..Protocol::default()
        };
        write_recovery(dir.path(), &protocol, Some(Path::new("/werk/p.ron"))).unwrap();
        // A second autosave keeps the first as `.bak`.
        write_recovery(dir.path(), &protocol, None).unwrap();
        assert!(file::backup_path(&recovery_path(dir.path())).is_file());
        let recovery = read_recovery(dir.path()).unwrap();
        assert_eq!(recovery.protocol, protocol);
        assert_eq!(recovery.path, None);
        assert!(recovery.saved_at.contains(" om "), "{}", recovery.saved_at);

        delete_recovery(dir.path()).unwrap();
        assert!(read_recovery(dir.path()).is_none());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing left");
        // Deleting again is fine.
        delete_recovery(dir.path()).unwrap();
    }
}
