//! The submission package (*Indienpakket*): one zip with everything a municipality hands in —
//! the protocol as PDF, DOCX and its `.ron` file, the draft college decision (PDF, DOCX) when
//! there is a municipal case, the Adviesverslag, and `inhoud.txt` with each file's SHA-256 and
//! the protocol's content fingerprint. Refused while the check finds errors, unless the caller
//! asks for a draft package, in which every document and the package's name say ONTWERP.
//! [`read_protocol`] finds the `.ron` inside a package again (the Inzendingen desk).
//!
//! Pure: today's date and the check's findings come from the caller, the zip's entries carry
//! fixed metadata, so the same protocol, findings and date give the same bytes.

use std::fmt;
use std::io::{Cursor, Read, Write};

use chrono::{Datelike, NaiveDate};
use zip::write::SimpleFileOptions;

use crate::check::{self, Finding, Severity};
use crate::document::{Document, besluit};
use crate::dutch::{count_of, dutch_long};
use crate::export::ExportError;
use crate::file;
use crate::model::Protocol;
use crate::model::fingerprint::{fingerprint, sha256_hex};
use crate::pipeline::{self, Format, Product};

/// Why every document of a draft package is a draft, as its header says ("Ontwerp –
/// ontwerppakket").
pub const DRAFT_REASON: &str = "ontwerppakket";

/// The word that marks a draft package, in its name and on every page.
pub const DRAFT_MARK: &str = "ONTWERP";

/// The name of the table of contents inside the package.
pub const CONTENTS_NAME: &str = "inhoud.txt";

/// How many errors a refusal names; the rest are counted.
const ERRORS_SHOWN: usize = 5;

/// A finished package.
#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    /// The suggested file name: "Indienpakket <gemeente> <datum>.zip", with " ONTWERP" before
    /// the extension for a draft package.
    pub file_name: String,
    /// The zip file.
    pub bytes: Vec<u8>,
    /// The files in the zip, in order (`inhoud.txt` last), each with its SHA-256.
    pub entries: Vec<PackageEntry>,
    /// Whether this is a draft package (every document says ONTWERP).
    pub draft: bool,
}

/// One file in a package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageEntry {
    /// Its name in the zip.
    pub name: String,
    /// The SHA-256 of its bytes, 64 lower-case hex digits.
    pub sha256: String,
}

/// Why a package was not made.
#[derive(Debug)]
pub enum PackageError {
    /// The check finds errors and no draft package was asked for.
    HasErrors {
        /// The findings of severity `fout`, in the check's order.
        errors: Vec<Finding>,
    },
    /// A document could not be made.
    Export {
        /// The file in the package it was for.
        name: String,
        /// What the writer said.
        source: ExportError,
    },
    /// The zip could not be written (in memory; should not happen).
    Zip(String),
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::HasErrors { errors } => {
                write!(
                    f,
                    "Het indienpakket wordt niet gemaakt: de controle vindt nog {}. Los {} op, \
                     of maak bewust een ontwerppakket (elk document krijgt dan het opschrift \
                     ONTWERP).",
                    count_of(errors.len(), "fout", "fouten"),
                    if errors.len() == 1 { "die" } else { "ze" }
                )?;
                for finding in errors.iter().take(ERRORS_SHOWN) {
                    write!(f, "\n{}", finding_line(finding))?;
                }
                if errors.len() > ERRORS_SHOWN {
                    write!(
                        f,
                        "\n– en nog {}.",
                        count_of(errors.len() - ERRORS_SHOWN, "fout", "fouten")
                    )?;
                }
                Ok(())
            }
            PackageError::Export { name, source } => {
                write!(
                    f,
                    "‘{name}’ voor het indienpakket kon niet gemaakt worden: {source}"
                )
            }
            PackageError::Zip(reason) => write!(
                f,
                "het zip-bestand van het indienpakket kon niet gemaakt worden (technische \
                 melding: {reason})."
            ),
        }
    }
}

impl std::error::Error for PackageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PackageError::Export { source, .. } => Some(source),
            PackageError::HasErrors { .. } | PackageError::Zip(_) => None,
        }
    }
}

/// One finding as a refusal lists it: "– stap 2 (Gegevensstromen): … [rule]".
pub fn finding_line(finding: &Finding) -> String {
    format!(
        "– stap {} ({}): {} [{}]",
        finding.step.number(),
        finding.step.title(),
        finding.message,
        finding.rule
    )
}

/// The package of `protocol` on `today`, given the check's `findings` (of the same protocol,
/// with the caller's context). Refused with [`PackageError::HasErrors`] while the findings
/// hold an error, unless `draft`: a draft package is always made, and every document in it is
/// marked ONTWERP, even when the protocol is approved.
pub fn build(
    protocol: &Protocol,
    findings: &[Finding],
    today: NaiveDate,
    draft: bool,
) -> Result<Package, PackageError> {
    if !draft && check::has_errors(findings) {
        return Err(PackageError::HasErrors {
            errors: findings
                .iter()
                .filter(|finding| finding.severity == Severity::Fout)
                .cloned()
                .collect(),
        });
    }
    let options = if draft {
        pipeline::draft_options(protocol, findings, DRAFT_REASON)
    } else {
        pipeline::options(protocol, findings)
    };
    let name = name_for_files(protocol);
    let render = |tree: &Document, format: Format, file_name: String| {
        pipeline::bytes(tree, format)
            .map(|bytes| (file_name.clone(), bytes))
            .map_err(|source| PackageError::Export {
                name: file_name,
                source,
            })
    };
    let protocol_tree = pipeline::build(protocol, &options, Product::Protocol);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for format in [Format::Pdf, Format::Docx] {
        let file_name = format!("Protocol {name}.{}", format.extension());
        files.push(render(&protocol_tree, format, file_name)?);
    }
    files.push((
        format!("Protocol {name}.ron"),
        file::to_ron_string(protocol).into_bytes(),
    ));
    let has_besluit = besluit::applies(protocol);
    if has_besluit {
        let tree = pipeline::build(protocol, &options, Product::Besluit);
        for format in [Format::Pdf, Format::Docx] {
            let file_name = format!("Besluit college {name}.{}", format.extension());
            files.push(render(&tree, format, file_name)?);
        }
    }
    let report = pipeline::build(protocol, &options, Product::Adviesverslag);
    files.push(render(
        &report,
        Format::Pdf,
        format!("Adviesverslag {name}.pdf"),
    )?);

    let mut entries: Vec<PackageEntry> = files
        .iter()
        .map(|(name, bytes)| PackageEntry {
            name: name.clone(),
            sha256: sha256_hex(bytes),
        })
        .collect();
    let contents = Contents {
        title: &protocol_tree.metadata.title,
        name: &name,
        today,
        fingerprint: &fingerprint(protocol),
        draft,
        status: &options.status.label(),
        creator: &options.creator,
        findings,
        entries: &entries,
        has_besluit,
    }
    .text();
    entries.push(PackageEntry {
        name: CONTENTS_NAME.to_string(),
        sha256: sha256_hex(contents.as_bytes()),
    });
    files.push((CONTENTS_NAME.to_string(), contents.into_bytes()));

    let bytes = zip(&files, today).map_err(|error| PackageError::Zip(error.to_string()))?;
    Ok(Package {
        file_name: file_name(protocol, today, draft),
        bytes,
        entries,
        draft,
    })
}

/// The name of the package of `protocol` on `today`: "Indienpakket <gemeente> <datum>.zip",
/// "Indienpakket <gemeente> <datum> ONTWERP.zip" for a draft package.
pub fn file_name(protocol: &Protocol, today: NaiveDate, draft: bool) -> String {
    let mark = if draft {
        format!(" {DRAFT_MARK}")
    } else {
        String::new()
    };
    format!(
        "Indienpakket {} {}{mark}.zip",
        name_for_files(protocol),
        dutch_long(today)
    )
}

/// The name the package and its files (and the app's exports) carry: the legal name of the
/// party that drafts the protocol — the municipality in a municipal case — with white space
/// folded (its short name when it has no legal name yet; "nieuw" when it has neither), made
/// safe for a file name on every platform.
pub fn name_for_files(protocol: &Protocol) -> String {
    let name = protocol
        .drafting_party()
        .map(|party| {
            let legal = one_line(&party.legal_name);
            if legal.is_empty() {
                one_line(party.display_name())
            } else {
                legal
            }
        })
        .unwrap_or_default();
    let safe: String = name
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    // Windows drops dots and spaces at the end of a name.
    let safe = safe.trim_end_matches(['.', ' ']).trim_start();
    if safe.is_empty() {
        "nieuw".to_string()
    } else {
        safe.to_string()
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Packs `files` in order, deflated, every entry with the same metadata: the package's date
/// at midnight (unzipped files show the day the package is of, and no clock is read), Unix,
/// mode 644. Names are UTF-8 (the zip crate sets the flag for non-ASCII names).
fn zip(files: &[(String, Vec<u8>)], today: NaiveDate) -> zip::result::ZipResult<Vec<u8>> {
    let time = u16::try_from(today.year())
        .ok()
        .and_then(|year| {
            zip::DateTime::from_date_and_time(year, today.month() as u8, today.day() as u8, 0, 0, 0)
                .ok()
        })
        .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time)
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let capacity = files.iter().map(|(_, bytes)| bytes.len()).sum();
    let mut archive = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(capacity)));
    for (name, bytes) in files {
        archive.start_file(name.as_str(), options)?;
        archive.write_all(bytes)?;
    }
    Ok(archive.finish()?.into_inner())
}

/// What `inhoud.txt` says.
struct Contents<'a> {
    title: &'a str,
    name: &'a str,
    today: NaiveDate,
    fingerprint: &'a str,
    draft: bool,
    status: &'a str,
    creator: &'a str,
    findings: &'a [Finding],
    entries: &'a [PackageEntry],
    has_besluit: bool,
}

impl Contents<'_> {
    /// The text: a header, then one line per file in `sha256sum` form ("<hex>  <name>"), so
    /// `sha256sum -c inhoud.txt` checks an unzipped package. UTF-8, `\n` line ends.
    fn text(&self) -> String {
        let severity = |severity| {
            self.findings
                .iter()
                .filter(|finding| finding.severity == severity)
                .count()
        };
        let mut lines = vec![
            "Indienpakket van een protocol voor de elektronische mededeling van \
             persoonsgegevens (art. 8, §1, e-govdecreet)"
                .to_string(),
            String::new(),
            format!("Protocol: {}", one_line(self.title)),
            format!("Indiener: {}", self.name),
            format!("Datum van het pakket: {}", dutch_long(self.today)),
            format!(
                "Vingerafdruk van de inhoud van het protocol (SHA-256): {}",
                self.fingerprint
            ),
            if self.draft {
                format!(
                    "Soort pakket: {DRAFT_MARK}PAKKET. Elk document draagt het opschrift \
                     {DRAFT_MARK}; dit pakket is niet klaar om te ondertekenen."
                )
            } else {
                "Soort pakket: indienpakket (de controle vond geen fouten).".to_string()
            },
            format!("Status van de documenten: {}", self.status),
            format!(
                "Controle: {}, {}, {} ter info",
                count_of(severity(Severity::Fout), "fout", "fouten"),
                count_of(
                    severity(Severity::Waarschuwing),
                    "waarschuwing",
                    "waarschuwingen"
                ),
                severity(Severity::Info)
            ),
            format!("Gemaakt met: {}", self.creator),
            String::new(),
            "Bestanden, elk met zijn SHA-256-controlegetal (na het uitpakken na te rekenen, \
             bv. met ‘sha256sum -c inhoud.txt’ of ‘Get-FileHash’):"
                .to_string(),
            String::new(),
        ];
        lines.extend(
            self.entries
                .iter()
                .map(|entry| format!("{}  {}", entry.sha256, entry.name)),
        );
        if !self.has_besluit {
            lines.push(String::new());
            lines.push(
                "Geen ontwerp van collegebesluit: het protocol heeft geen gemeentelijk \
                 scenario. Een collegebesluit hoort alleen bij het standaardprotocol van \
                 Opgroeien voor een lokaal bestuur."
                    .to_string(),
            );
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}

/// Why the protocol could not be read from a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageReadError {
    /// The bytes are not a zip archive (or a damaged one).
    NotZip,
    /// No `.ron` file in the zip.
    NoProtocol,
    /// More than one `.ron` file in the zip; their names.
    SeveralProtocols(Vec<String>),
    /// The `.ron` file is not UTF-8 text.
    NotUtf8 {
        /// Its name in the zip.
        name: String,
    },
    /// The `.ron` file is larger than a protocol file may be ([`file::MAX_FILE_BYTES`]).
    TooLarge {
        /// Its name in the zip.
        name: String,
    },
    /// The `.ron` file could not be unpacked (damaged, encrypted, an unknown compression).
    Damaged {
        /// Its name in the zip.
        name: String,
        /// The zip reader's reason (technical, in English).
        reason: String,
    },
}

impl fmt::Display for PackageReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const AGAIN: &str = "Vraag de indiener het pakket opnieuw te maken met Protocolwijzer \
                             (Bestand › Indienpakket maken…).";
        match self {
            PackageReadError::NotZip => write!(
                f,
                "dit is geen zip-bestand, of het is beschadigd. Een indienpakket is het \
                 .zip-bestand dat Protocolwijzer maakt. {AGAIN}"
            ),
            PackageReadError::NoProtocol => write!(
                f,
                "het zip-bestand bevat geen protocolbestand (.ron); een indienpakket bevat er \
                 precies één (‘Protocol <gemeente>.ron’). {AGAIN}"
            ),
            PackageReadError::SeveralProtocols(names) => write!(
                f,
                "het zip-bestand bevat {} protocolbestanden ({}); een indienpakket bevat er \
                 precies één, zodat vaststaat welk protocol ingediend is. {AGAIN}",
                names.len(),
                names
                    .iter()
                    .map(|name| format!("‘{name}’"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            PackageReadError::NotUtf8 { name } => write!(
                f,
                "‘{name}’ in het zip-bestand is geen tekstbestand in UTF-8, dus geen \
                 protocolbestand van Protocolwijzer. {AGAIN}"
            ),
            PackageReadError::TooLarge { name } => write!(
                f,
                "‘{name}’ in het zip-bestand is groter dan 10 MB; een protocolbestand is \
                 hoogstens 10 MB. {AGAIN}"
            ),
            PackageReadError::Damaged { name, reason } => write!(
                f,
                "‘{name}’ kan niet uit het zip-bestand gelezen worden (technische melding: \
                 {reason}). {AGAIN}"
            ),
        }
    }
}

impl std::error::Error for PackageReadError {}

/// The protocol file inside a package: the name of its one `.ron` entry and its text, read in
/// place (nothing is unpacked to disk). Parse the text with [`file::from_str`], which names
/// line and column. Entries in a folder count too (a package unpacked and zipped again);
/// macOS's resource forks (`__MACOSX/`, `._…`) do not.
pub fn read_protocol(bytes: &[u8]) -> Result<(String, String), PackageReadError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| PackageReadError::NotZip)?;
    let mut candidates = Vec::new();
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            return Err(PackageReadError::NotZip);
        };
        let Ok(name) = entry.name().map(|name| name.into_owned()) else {
            continue;
        };
        let base = name.rsplit('/').next().unwrap_or(&name);
        let is_protocol = entry.is_file()
            && base.to_lowercase().ends_with(".ron")
            && !base.starts_with("._")
            && !name.starts_with("__MACOSX/");
        if is_protocol {
            candidates.push((index, name));
        }
    }
    let (index, name) = match candidates.len() {
        0 => return Err(PackageReadError::NoProtocol),
        1 => candidates.remove(0),
        _ => {
            return Err(PackageReadError::SeveralProtocols(
                candidates.into_iter().map(|(_, name)| name).collect(),
            ));
        }
    };
    let damaged = |reason: String| PackageReadError::Damaged {
        name: name.clone(),
        reason,
    };
    let entry = archive
        .by_index(index)
        .map_err(|error| damaged(error.to_string()))?;
    let mut bytes = Vec::new();
    // Read at most one byte more than a protocol may have: a zip bomb stops there.
    entry
        .take(file::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| damaged(error.to_string()))?;
    if bytes.len() as u64 > file::MAX_FILE_BYTES {
        return Err(PackageReadError::TooLarge { name });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(_) => Err(PackageReadError::NotUtf8 { name }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Party;

    #[test]
    fn names_are_safe_for_files() {
        let mut protocol = Protocol::default();
        assert_eq!(name_for_files(&protocol), "nieuw");
        protocol.parties.push(Party {
            legal_name: "  Stad  A/B: \"C\"\t. ".to_string(),
            ..Party::default()
        });
        assert_eq!(name_for_files(&protocol), "Stad A-B- -C-");
    }

    #[test]
    fn a_refusal_names_the_first_errors_and_counts_the_rest() {
        let error = |number: usize| Finding {
            rule: "party.kbo",
            severity: Severity::Fout,
            step: crate::model::Step::Parties,
            path: format!("parties[{number}].kbo"),
            message: format!("Fout {number}."),
        };
        let refusal = PackageError::HasErrors {
            errors: (0..7).map(error).collect(),
        }
        .to_string();
        assert!(
            refusal.contains("de controle vindt nog 7 fouten"),
            "{refusal}"
        );
        assert!(refusal.contains("– stap 1 (Partijen): Fout 4. [party.kbo]"));
        assert!(!refusal.contains("Fout 5."), "{refusal}");
        assert!(refusal.ends_with("– en nog 2 fouten."), "{refusal}");
    }
}
