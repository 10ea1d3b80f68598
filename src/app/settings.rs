//! The per-user folder: recent files, the theme, who the user is, and the autosave recovery
//! file.
//!
//! The folder is `$PROTOCOLWIJZER_CONFIG_DIR` when set (tests), otherwise the platform's
//! configuration folder (`$XDG_CONFIG_HOME/protocolwijzer`, `~/.config/protocolwijzer`,
//! `%APPDATA%\protocolwijzer`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::file;
use crate::model::{Person, Protocol};

/// How many recent files the menu lists.
const MAX_RECENT: usize = 8;

/// The file that holds who the user is.
const USER_FILE: &str = "gebruiker.ron";

/// The per-user folder and what it holds.
#[derive(Clone, Debug)]
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

/// A protocol found in the recovery file.
#[derive(Clone, Debug)]
pub struct Recovery {
    /// The protocol as autosaved.
    pub protocol: Protocol,
    /// The file it was being edited as, if it had one.
    pub path: Option<PathBuf>,
    /// When it was autosaved, for the message.
    pub saved_at: String,
}

impl Settings {
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

    /// Reads the settings in `dir`; anything unreadable is simply empty.
    pub fn load(dir: PathBuf) -> Self {
        let recent = fs::read_to_string(dir.join("recent.txt"))
            .map(|text| {
                text.lines()
                    .filter(|line| !line.trim().is_empty())
                    .map(PathBuf::from)
                    .take(MAX_RECENT)
                    .collect()
            })
            .unwrap_or_default();
        let dark =
            fs::read_to_string(dir.join("thema.txt")).is_ok_and(|text| text.trim() == "donker");
        let user = fs::read_to_string(dir.join(USER_FILE))
            .ok()
            .and_then(|text| ron::from_str::<Person>(&text).ok())
            .unwrap_or_default();
        Self {
            dir,
            recent,
            dark,
            user,
        }
    }

    /// Saves who the user is.
    pub fn set_user(&mut self, user: Person) {
        self.user = user;
        if let Ok(text) = ron::ser::to_string_pretty(&self.user, ron::ser::PrettyConfig::default())
        {
            self.write(USER_FILE, &(text + "\n"));
        }
    }

    /// Puts `path` first in the recent files and saves the list.
    pub fn add_recent(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
        let text: Vec<String> = self
            .recent
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        self.write("recent.txt", &(text.join("\n") + "\n"));
    }

    /// Saves the theme choice.
    pub fn set_dark(&mut self, dark: bool) {
        self.dark = dark;
        self.write("thema.txt", if dark { "donker\n" } else { "licht\n" });
    }

    fn write(&self, name: &str, text: &str) {
        if fs::create_dir_all(&self.dir).is_ok() {
            let _ = file::write_atomically(&self.dir.join(name), text.as_bytes());
        }
    }

    /// The recovery file.
    pub fn recovery_path(&self) -> PathBuf {
        self.dir.join("herstel.ron")
    }

    fn recovery_origin_path(&self) -> PathBuf {
        self.dir.join("herstel-bestand.txt")
    }

    /// Writes the recovery file (the autosave). Runs on a worker thread.
    pub fn write_recovery(
        dir: &Path,
        protocol: &Protocol,
        origin: Option<&Path>,
    ) -> Result<(), String> {
        fs::create_dir_all(dir).map_err(|error| error.to_string())?;
        let settings = Settings {
            dir: dir.to_path_buf(),
            recent: Vec::new(),
            dark: false,
            user: Person::default(),
        };
        let origin = origin
            .map(|path| path.display().to_string())
            .unwrap_or_default();
        file::write_atomically(&settings.recovery_origin_path(), origin.as_bytes())
            .map_err(|error| error.to_string())?;
        file::save(&settings.recovery_path(), protocol).map_err(|error| error.to_string())
    }

    /// The autosaved protocol, if a recovery file exists and reads.
    pub fn read_recovery(&self) -> Option<Recovery> {
        let path = self.recovery_path();
        let protocol = file::load(&path).ok()?;
        let origin = fs::read_to_string(self.recovery_origin_path()).unwrap_or_default();
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

    /// Deletes the recovery file (after a clean save or close).
    pub fn delete_recovery(&self) {
        for path in [
            self.recovery_path(),
            file::backup_path(&self.recovery_path()),
            self.recovery_origin_path(),
            file::backup_path(&self.recovery_origin_path()),
        ] {
            let _ = fs::remove_file(path);
        }
    }
}
