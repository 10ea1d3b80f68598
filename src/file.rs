//! Loading and saving protocol files (RON): format version, size and encoding checks, Dutch
//! error messages with line and column, and atomic saves that keep a backup.
//!
//! A failed load never touches the file; a save writes a temporary file in the same folder,
//! flushes and syncs it, makes the previous version `<name>.bak` (a hard link renamed into
//! place), then renames: [`write_atomically`].

use std::fmt;
use std::fs::{self, File};
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

/// The longest file name most file systems take (ext4, NTFS, APFS: 255 bytes or UTF-16 units).
const NAME_MAX: usize = 255;

/// Writes `bytes` to `path` atomically, keeping the previous file as [`backup_path`].
/// Used for protocols, exports and the per-user files alike (the one atomic write).
///
/// At every moment both `path` and its backup are whole, whatever fails or whenever the
/// process is killed:
/// - the new text goes to a temporary file with a short, unpredictable name (`.pw-….tmp`)
///   created with `O_EXCL` in the same folder, so a planted link or a long file name cannot
///   get in the way; it is flushed and synced before anything else changes;
/// - the previous version becomes the new backup by a hard link under another such name,
///   renamed over the backup (where hard links are not supported, a copy to a temporary file,
///   synced, then renamed): the old backup is replaced in one step, never truncated or
///   written through (a link planted at the backup's name is replaced, not followed);
/// - the temporary file is renamed over `path`, and the folder synced.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |source| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let folder = folder_of(path);
    if path.file_name().is_none() {
        return Err(fail(io::Error::from(io::ErrorKind::InvalidInput)));
    }

    let mut temporary = temporary_builder(".tmp")
        .tempfile_in(&folder)
        .map_err(fail)?;
    let written = (|| -> io::Result<()> {
        let file = temporary.as_file_mut();
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()
    })();
    // On an error `temporary` is dropped here, which removes it.
    written.map_err(fail)?;

    if path.is_file() {
        keep_backup(path, &folder).map_err(fail)?;
    }
    temporary.persist(path).map_err(|error| fail(error.error))?;
    // Make the renames durable where the platform allows syncing a folder.
    if let Ok(folder) = File::open(&folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Whether `a` and `b` name the same file, after resolving links and relative paths: both
/// existing and the same file (also through a hard link), or, for a file that does not exist
/// yet, the same canonical folder and the same name. Names compare without regard to case on
/// Windows and macOS, whose file systems do so. Used to refuse an export over its own input.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    if let (Ok(one), Ok(two)) = (fs::metadata(a), fs::metadata(b)) {
        use std::os::unix::fs::MetadataExt;
        return (one.dev(), one.ino()) == (two.dev(), two.ino());
    }
    let (one, two) = (resolved(a), resolved(b));
    if cfg!(any(windows, target_os = "macos")) {
        one.to_string_lossy().to_lowercase() == two.to_string_lossy().to_lowercase()
    } else {
        one == two
    }
}

/// `path` made canonical: the file itself if it exists, otherwise its folder and its name
/// (the folder made absolute when it does not exist either).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(canonical) = fs::canonicalize(path) {
        return canonical;
    }
    let folder = folder_of(path);
    let folder = fs::canonicalize(&folder)
        .or_else(|_| std::path::absolute(&folder))
        .unwrap_or(folder);
    match path.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}

/// The folder `path` is in ("." for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Temporary names in a protocol's folder: `.pw-` and ten random characters, then `suffix`
/// (at most 20 bytes in all, whatever the file is called). Created readable as a normal new
/// file would be (the umask decides), not owner-only: protocols live on shared drives.
fn temporary_builder(suffix: &str) -> tempfile::Builder<'static, '_> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pw-").suffix(suffix).rand_bytes(10);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Makes the current `path` the backup, replacing the previous backup in one rename.
fn keep_backup(path: &Path, folder: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    // A link at `path` is read through (its target is the previous version), but never linked
    // itself: the backup must hold the text, not point at a file that may change.
    let is_link = fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    if !is_link {
        match temporary_builder(".bak").make_in(folder, |name| fs::hard_link(path, name)) {
            Ok(linked) => return linked.persist(&backup).map(|_| ()).map_err(|e| e.error),
            // Gone since we looked (removed by someone else): nothing to keep.
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
            // A file system without hard links (FAT, some network shares), or one that
            // refuses them for this file (`protected_hardlinks`): copy instead.
            Err(_) => {}
        }
    }
    let mut previous = match File::open(path) {
        Ok(previous) => previous,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    let mut copy = temporary_builder(".bak").tempfile_in(folder)?;
    io::copy(&mut previous, copy.as_file_mut())?;
    copy.as_file_mut().sync_all()?;
    copy.persist(&backup)
        .map(|_| ())
        .map_err(|error| error.error)
}

/// Where [`save`] keeps the previous version of `path`: the same name with `.bak` appended,
/// `a/b.ron` → `a/b.ron.bak`.
///
/// A name so long that `.bak` would take it past 255 bytes (the file-system limit) is
/// shortened, the same way every time: its first bytes (whole characters), `~`, eight hex
/// digits of the FNV-1a hash of the whole name (so two long names that start alike keep
/// apart backups), then `.bak`; 255 bytes in all.
pub fn backup_path(path: &Path) -> PathBuf {
    let Some(name) = path.file_name() else {
        let mut name = path.as_os_str().to_owned();
        name.push(".bak");
        return PathBuf::from(name);
    };
    let mut backup = name.to_owned();
    backup.push(".bak");
    if name_length(&backup) > NAME_MAX {
        let tail = format!("~{:08x}.bak", name_hash(name));
        backup = name_prefix(name, NAME_MAX - tail.len());
        backup.push(tail);
    }
    path.with_file_name(backup)
}

/// The length of a file name as the file system counts it: bytes on Unix, UTF-16 units on
/// Windows.
fn name_length(name: &std::ffi::OsStr) -> usize {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        name.as_bytes().len()
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().encode_utf16().count()
    }
}

/// The start of `name`, at most `max` long ([`name_length`]), not cutting a character.
fn name_prefix(name: &std::ffi::OsStr, max: usize) -> std::ffi::OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::{OsStrExt, OsStringExt};
        let bytes = name.as_bytes();
        let mut end = max.min(bytes.len());
        // Back up to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
        while end > 0 && end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
            end -= 1;
        }
        std::ffi::OsString::from_vec(bytes[..end].to_vec())
    }
    #[cfg(not(unix))]
    {
        let mut units = 0;
        let prefix: String = name
            .to_string_lossy()
            .chars()
            .take_while(|character| {
                units += character.len_utf16();
                units <= max
            })
            .collect();
        prefix.into()
    }
}

/// FNV-1a (32 bits) of the name's bytes (UTF-8 on Windows): short, stable on every platform
/// and in every version.
fn name_hash(name: &std::ffi::OsStr) -> u32 {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        name.as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = name.to_string_lossy().into_owned().into_bytes();
    bytes.iter().fold(0x811c_9dc5_u32, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
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
