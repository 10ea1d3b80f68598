//! Import of an existing, signed protocol from Word (`.docx`), PDF or text: the source is read
//! into blocks ([`source`]), the art. 8 structure is looked for in them ([`parse`]), and the
//! result is a normal protocol whose review record keeps where every field came from and what
//! could not be placed.
//!
//! No network and no language model: the structure is found by the headings and set phrases
//! every art. 8 protocol uses (see `docs/IMPORT.md`).

pub mod dates;
pub mod docx;
pub mod parse;
pub mod pdf;
pub mod source;

use std::path::Path;

use crate::model::labels::path_label_in;
use crate::model::{ImportRecord, Protocol};

/// Why a file could not be imported; every message is Dutch and names the file's problem.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    /// The file could not be read.
    #[error("Het bestand kan niet gelezen worden: {0}")]
    Read(String),
    /// Not a Word, PDF or text file.
    #[error(
        "Dit is geen Word-document (.docx), PDF of tekstbestand; alleen die drie kunnen \
         geïmporteerd worden."
    )]
    UnknownFormat,
    /// A `.docx` that is not a valid Word package.
    #[error("Het Word-document is beschadigd: {0}")]
    BrokenWord(String),
    /// A PDF that cannot be parsed.
    #[error("De PDF is beschadigd: {0}")]
    BrokenPdf(String),
    /// An encrypted PDF.
    #[error("De PDF is versleuteld; maak een onversleutelde kopie en importeer die.")]
    EncryptedPdf,
    /// A PDF whose pages carry no text (a scan).
    #[error(
        "De PDF bevat geen tekst (waarschijnlijk een scan); herken de tekst eerst (OCR) of \
         importeer het Word-document."
    )]
    NoText,
    /// Text, but not an art. 8 protocol.
    #[error(
        "Dit document lijkt geen protocol voor de elektronische mededeling van \
         persoonsgegevens: {0}"
    )]
    NotAProtocol(String),
}

/// The source formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// A Word document.
    Word,
    /// A PDF.
    Pdf,
    /// Plain text (UTF-8).
    Text,
}

impl SourceFormat {
    /// Dutch name, for the report and the review record.
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Word => "Word",
            SourceFormat::Pdf => "PDF",
            SourceFormat::Text => "tekst",
        }
    }

    /// The format of `bytes`, by their first bytes (not by the file name).
    pub fn detect(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"PK\x03\x04") {
            Some(SourceFormat::Word)
        } else if bytes.starts_with(b"%PDF-") {
            Some(SourceFormat::Pdf)
        } else if std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0) {
            Some(SourceFormat::Text)
        } else {
            None
        }
    }
}

/// An imported protocol with its report.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The protocol; its `review.import` holds the placements and the unplaced text.
    pub protocol: Protocol,
    /// Standard wording recognised and not kept (generated again on export), for the report.
    pub standard_text: Vec<crate::model::ImportPlacement>,
}

/// Imports the file at `path`.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(path)
        .map_err(|error| ImportError::Read(format!("{}: {error}", path.display())))?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_bytes(&bytes, &name)
}

/// Imports a document given as bytes; `source_name` is recorded as its origin.
pub fn import_bytes(bytes: &[u8], source_name: &str) -> Result<Imported, ImportError> {
    let format = SourceFormat::detect(bytes).ok_or(ImportError::UnknownFormat)?;
    let blocks = match format {
        SourceFormat::Word => docx::read_docx(bytes)?,
        SourceFormat::Pdf => pdf::read_pdf(bytes)?,
        SourceFormat::Text => {
            source::read_text(std::str::from_utf8(bytes).map_err(|_| ImportError::UnknownFormat)?)
        }
    };
    if blocks.is_empty() {
        return Err(match format {
            SourceFormat::Pdf => ImportError::NoText,
            _ => ImportError::NotAProtocol("het document is leeg".to_string()),
        });
    }
    let parsed = parse::parse(&blocks);
    let protocol = &parsed.protocol;
    if protocol.parties.is_empty() && protocol.articles.is_empty() {
        return Err(ImportError::NotAProtocol(
            "er staan geen partijen (TUSSEN … EN …) en geen artikels in".to_string(),
        ));
    }
    let mut protocol = parsed.protocol;
    protocol.review.import = Some(ImportRecord {
        source: source_name.to_string(),
        format: format.label().to_string(),
        at: Some(chrono::Local::now().naive_local()),
        placements: parsed.placements,
        unplaced: parsed.unplaced,
    });
    Ok(Imported {
        protocol,
        standard_text: parsed.standard_text,
    })
}

/// The import report: counts, where each field came from, what was not placed.
pub fn report(imported: &Imported) -> String {
    let protocol = &imported.protocol;
    let Some(record) = &protocol.review.import else {
        return String::new();
    };
    let mut text = format!(
        "Importverslag: {}\nGelezen als: {}\n\nGeplaatst: {} stukken tekst in velden\n\
         Vaste tekst herkend (wordt bij export opnieuw gemaakt): {}\n\
         Niet geplaatst: {} (staan in het bestand onder ‘Niet geplaatst’; na te kijken)\n\n",
        record.source,
        record.format,
        record.placements.len(),
        imported.standard_text.len(),
        record.unplaced.len(),
    );
    text.push_str("Waar elk veld vandaan komt\n");
    for placement in &record.placements {
        text.push_str(&format!(
            "  {} ({}) ← {}\n",
            path_label_in(protocol, &placement.path),
            placement.path,
            placement.origin
        ));
    }
    text.push_str("\nVaste tekst\n");
    for placement in &imported.standard_text {
        text.push_str(&format!("  {} ← {}\n", placement.path, placement.origin));
    }
    text.push_str("\nNiet geplaatst\n");
    if record.unplaced.is_empty() {
        text.push_str("  (niets)\n");
    }
    for unplaced in &record.unplaced {
        text.push_str(&format!(
            "  [{}] {}: {}\n",
            unplaced.section, unplaced.origin, unplaced.text
        ));
    }
    text
}
