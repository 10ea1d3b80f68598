//! Loading and saving protocol files (RON): format version, size and encoding checks, Dutch
//! error messages with line and column, and atomic saves that keep a backup.
//!
//! A failed load never touches the file; a save writes a temporary file in the same folder,
//! flushes and syncs it, copies the previous version to `<name>.bak`, then renames.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Protocol};

/// The largest file we read; protocols are a few hundred kilobytes at most.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The comment at the top of every saved file.
const FILE_HEADER: &str = "// Protocol voor de elektronische mededeling van persoonsgegevens (Protocolwijzer).\n// Open en bewerk dit bestand met Protocolwijzer.\n";

/// Why a protocol file could not be read, and where in the file.
#[derive(Debug)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line of the problem; 0 when the problem is not at a place in the file.
    pub line: usize,
    /// 1-based column of the problem; 0 when the problem is not at a place in the file.
    pub column: usize,
    /// What is wrong.
    pub kind: LoadErrorKind,
}

/// What is wrong with a protocol file.
#[derive(Debug)]
pub enum LoadErrorKind {
    /// The file could not be read at all.
    Unreadable(io::Error),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
    /// The file holds nothing (or only white space).
    Empty,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The RON text is malformed or does not fit the protocol structure; Dutch explanation.
    Invalid(String),
    /// The `format` field is missing.
    MissingFormat,
    /// The file was written by a newer Protocolwijzer.
    NewerFormat { found: u32 },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "‘{}’", self.path.display())?;
        if self.line > 0 {
            write!(f, ", regel {}, kolom {}", self.line, self.column)?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadErrorKind::Unreadable(error) => {
                write!(
                    f,
                    "het bestand kan niet gelezen worden ({}).",
                    io_reason(error)
                )
            }
            LoadErrorKind::TooLarge { bytes } => write!(
                f,
                "het bestand is {:.1} MB groot; een protocolbestand is hoogstens 10 MB. \
                 Kies het .ron-bestand van het protocol.",
                *bytes as f64 / (1024.0 * 1024.0)
            ),
            LoadErrorKind::Empty => f.write_str(
                "het bestand is leeg. Misschien is het opslaan onderbroken; \
                 kijk of er een reservekopie (.bak) naast staat.",
            ),
            LoadErrorKind::NotUtf8 => f.write_str(
                "dit is geen tekstbestand in UTF-8. Is het een Word- of PDF-bestand? \
                 Open het .ron-bestand van het protocol.",
            ),
            LoadErrorKind::Invalid(message) => f.write_str(message),
            LoadErrorKind::MissingFormat => f.write_str(
                "het veld ‘format’ (de versie van het bestandsformaat) ontbreekt. \
                 Dit lijkt geen protocolbestand van Protocolwijzer.",
            ),
            LoadErrorKind::NewerFormat { found } => write!(
                f,
                "dit bestand heeft formaatversie {found} en is gemaakt met een nieuwere versie \
                 van Protocolwijzer; deze versie leest tot formaatversie {FORMAT_VERSION}. \
                 Installeer de nieuwste versie van Protocolwijzer."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Why a protocol could not be saved.
#[derive(Debug)]
pub struct SaveError {
    /// The file we tried to write.
    pub path: PathBuf,
    /// The underlying error.
    pub source: io::Error,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "‘{}’ kan niet opgeslagen worden ({}). Het vorige bestand is niet gewijzigd; \
             kies een andere map of bestandsnaam.",
            self.path.display(),
            io_reason(&self.source)
        )
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Why an I/O operation failed, in Dutch (also for the store's errors).
pub(crate) fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "het bestand of de map bestaat niet".to_string(),
        io::ErrorKind::PermissionDenied => "geen toestemming; de map of het bestand is \
             misschien alleen-lezen"
            .to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen".to_string(),
        io::ErrorKind::StorageFull => "de schijf is vol".to_string(),
        io::ErrorKind::IsADirectory => "dit is een map, geen bestand".to_string(),
        _ => format!("systeemfout: {error}"),
    }
}

/// Reads a protocol file. Never modifies the file, never panics.
pub fn load(path: &Path) -> Result<Protocol, LoadError> {
    let at_file = |kind| LoadError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        kind,
    };
    let metadata = fs::metadata(path).map_err(|error| at_file(LoadErrorKind::Unreadable(error)))?;
    if metadata.is_dir() {
        return Err(at_file(LoadErrorKind::Unreadable(io::Error::from(
            io::ErrorKind::IsADirectory,
        ))));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(at_file(LoadErrorKind::TooLarge {
            bytes: metadata.len(),
        }));
    }
    let bytes = fs::read(path).map_err(|error| at_file(LoadErrorKind::Unreadable(error)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(at_file(LoadErrorKind::TooLarge {
            bytes: bytes.len() as u64,
        }));
    }
    from_bytes(&bytes, path)
}

/// Parses the bytes of a protocol file; `path` is only used in messages.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Protocol, LoadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let (line, column) = line_and_column(&String::from_utf8_lossy(valid));
            return Err(LoadError {
                path: path.to_path_buf(),
                line,
                column,
                kind: LoadErrorKind::NotUtf8,
            });
        }
    };
    from_str(text, path)
}

/// Parses the text of a protocol file; `path` is only used in messages.
pub fn from_str(text: &str, path: &Path) -> Result<Protocol, LoadError> {
    let error_at = |line, column, kind| LoadError {
        path: path.to_path_buf(),
        line,
        column,
        kind,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(error_at(1, 1, LoadErrorKind::Empty));
    }

    // First read only the format version, so that a newer file is refused with the right
    // reason rather than with a complaint about a field this version does not know.
    let probe: FormatProbe = ron::from_str(text).map_err(|error| spanned(error, text, path))?;
    match probe.format {
        0 => return Err(error_at(1, 1, LoadErrorKind::MissingFormat)),
        found if found > FORMAT_VERSION => {
            let (line, column) = position_of_field(text, "format").unwrap_or((1, 1));
            return Err(error_at(line, column, LoadErrorKind::NewerFormat { found }));
        }
        _ => {}
    }
    let mut protocol: Protocol = ron::from_str(text).map_err(|error| spanned(error, text, path))?;
    migrate(&mut protocol);
    Ok(protocol)
}

/// Brings a protocol read from an older format up to [`FORMAT_VERSION`]. Format 1 is the
/// first; later versions add their steps here.
fn migrate(protocol: &mut Protocol) {
    protocol.format = FORMAT_VERSION;
}

/// Only the format version of a file; every other field is skipped.
#[derive(Deserialize)]
#[serde(rename = "Protocol")]
struct FormatProbe {
    #[serde(default)]
    format: u32,
}

/// The RON text of a protocol, as saved: a header comment, then the fields in model order.
pub fn to_ron_string(protocol: &Protocol) -> String {
    let mut protocol = protocol.clone();
    protocol.format = FORMAT_VERSION;
    // "\n" on every platform (ron would write "\r\n" on Windows): the same protocol gives the
    // same file wherever it is saved, and every editor on Windows reads it.
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .struct_names(false)
        .indentor("    ".to_string())
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    // Serializing plain structs of strings, numbers, options and vectors cannot fail.
    let body = ron::ser::to_string_pretty(&protocol, config).unwrap_or_default();
    format!("{FILE_HEADER}{body}\n")
}

/// Saves atomically: temporary file in the same folder, flush and sync, previous version kept
/// as `<name>.bak`, then a rename. On any failure the existing file is left as it was.
pub fn save(path: &Path, protocol: &Protocol) -> Result<(), SaveError> {
    write_atomically(path, to_ron_string(protocol).as_bytes())
}

/// Writes `bytes` to `path` atomically, keeping the previous file as `<name>.bak`.
/// Used for protocols and for exports alike.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |source| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| fail(io::Error::from(io::ErrorKind::InvalidInput)))?;
    let temporary = folder.join(format!(
        ".{}.tmp-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));

    let written = (|| -> io::Result<()> {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        Ok(())
    })();
    if let Err(error) = written {
        let _ = fs::remove_file(&temporary);
        return Err(fail(error));
    }

    if path.is_file() {
        let backup = backup_path(path);
        if let Err(error) = fs::copy(path, &backup) {
            let _ = fs::remove_file(&temporary);
            return Err(fail(error));
        }
    }
    if let Err(error) = fs::rename(&temporary, path) {
        let _ = fs::remove_file(&temporary);
        return Err(fail(error));
    }
    // Make the rename itself durable where the platform allows syncing a folder.
    if let Ok(folder) = File::open(&folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Where [`save`] keeps the previous version of `path`: the same name with `.bak` appended.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

fn spanned(error: ron::error::SpannedError, text: &str, path: &Path) -> LoadError {
    let line = error.span.start.line.max(1);
    let column = error.span.start.col.max(1);
    // An error at the very end of the text means the file stops too early (e.g. it was cut off
    // while copying), whatever token the parser was waiting for.
    let (end_line, end_column) = line_and_column(text.trim_end());
    let at_end = (error.span.end.line, error.span.end.col) >= (end_line, end_column);
    let code = if at_end {
        &ron::Error::Eof
    } else {
        &error.code
    };
    LoadError {
        path: path.to_path_buf(),
        line,
        column,
        kind: LoadErrorKind::Invalid(dutch_ron_message(code)),
    }
}

/// 1-based line and column just after `text`.
fn line_and_column(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let column = text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// Where a top-level field name first appears, outside comments (best effort, for messages).
fn position_of_field(text: &str, field: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(index, line)| {
        let code = line.split("//").next().unwrap_or("");
        let column = code.find(field)?;
        let rest = code[column + field.len()..].trim_start();
        rest.starts_with(':')
            .then(|| (index + 1, code[..column].chars().count() + 1))
    })
}

fn field_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("‘{name}’"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn in_outer(outer: &Option<String>) -> String {
    outer
        .as_deref()
        .map(|outer| format!(" in ‘{outer}’"))
        .unwrap_or_default()
}

/// Says in Dutch what a RON error means and what to do about it.
fn dutch_ron_message(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::Eof => "het bestand houdt onverwacht op; misschien ontbreekt er een sluitend haakje \
                   of aanhalingsteken, of is het bestand afgekapt."
            .to_string(),
        E::ExpectedComma => "hier ontbreekt een komma tussen twee velden of waarden.".to_string(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "hier wordt tekst tussen aanhalingstekens (\"…\") verwacht.".to_string()
        }
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            "hier wordt een (geldig) geheel getal verwacht.".to_string()
        }
        E::ExpectedBoolean => "hier wordt true of false verwacht.".to_string(),
        E::ExpectedArray => "hier wordt een lijst tussen [ en ] verwacht.".to_string(),
        E::ExpectedArrayEnd => "hier wordt het einde van een lijst (]) verwacht.".to_string(),
        E::ExpectedOption => "hier wordt Some(…) of None verwacht.".to_string(),
        E::ExpectedOptionEnd => "hier ontbreekt het sluitende haakje van Some(…).".to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier wordt een groep velden tussen ( en ) verwacht.".to_string()
        }
        E::ExpectedStructLikeEnd => {
            "hier wordt het sluitende haakje ) van een groep velden verwacht.".to_string()
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("hier wordt ‘{expected}’ verwacht, niet ‘{found}’.")
        }
        E::ExpectedIdentifier => "hier wordt een veldnaam verwacht.".to_string(),
        E::ExpectedMapColon => "na een veldnaam hoort een dubbelpunt (:).".to_string(),
        E::InvalidEscape(what) => format!("ongeldige escape in tekst ({what})."),
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "een commentaar wordt niet afgesloten.".to_string()
        }
        E::UnexpectedChar(character) => format!("onverwacht teken ‘{character}’."),
        E::TrailingCharacters => "na het einde van het protocol staat nog tekst; \
                                  verwijder wat na het laatste sluitende haakje staat."
            .to_string(),
        E::Utf8Error(_) => "dit is geen geldige UTF-8-tekst.".to_string(),
        E::InvalidValueForType { expected, found } => {
            format!("verkeerd soort waarde: verwacht {expected}, gevonden {found}.")
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("verkeerd aantal elementen: verwacht {expected}, gevonden {found}.")
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "onbekende keuze ‘{found}’{}; toegelaten zijn {}.",
            in_outer(outer),
            field_list(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "onbekend veld ‘{found}’{}. Bestaande velden: {}. \
             Is het bestand met een nieuwere versie gemaakt of met de hand gewijzigd?",
            in_outer(outer),
            field_list(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("het veld ‘{field}’{} ontbreekt.", in_outer(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("het veld ‘{field}’{} staat er twee keer.", in_outer(outer))
        }
        E::ExceededRecursionLimit => "het bestand is te diep genest.".to_string(),
        E::Message(message) => dutch_serde_message(message),
        other => format!("dit is geen geldig protocolbestand ({other})."),
    }
}

/// Messages that come from serde or chrono rather than from the RON parser.
fn dutch_serde_message(message: &str) -> String {
    if message.contains("input is out of range")
        || message.contains("input contains invalid characters")
        || message.contains("premature end of input")
        || message.contains("trailing input")
        || message.contains("input is not enough")
        || message.contains("no possible date")
    {
        return "ongeldige datum; schrijf een bestaande datum als JJJJ-MM-DD, \
                bijvoorbeeld \"2025-02-13\"."
            .to_string();
    }
    format!("ongeldige waarde ({message}).")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_and_column(""), (1, 1));
        assert_eq!(line_and_column("ab\ncë"), (2, 3));
    }

    #[test]
    fn field_position_skips_comments() {
        let text = "// format: in a comment\n(\n    format: 9,\n)";
        assert_eq!(position_of_field(text, "format"), Some((3, 5)));
    }

    #[test]
    fn backup_path_appends_bak() {
        assert_eq!(
            backup_path(Path::new("a/b.ron")),
            PathBuf::from("a/b.ron.bak")
        );
    }
}
