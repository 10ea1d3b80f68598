//! Protocolwijzer: draft, check and export protocols for the electronic disclosure of personal
//! data under article 8, §1 of the Flemish e-government decree.
//!
//! Data flows one way: file → model → check / document → writers. The app only edits the model.

pub mod app; //      the egui wizard; edits the model, runs commands
pub mod check; //    pure completeness and consistency check, findings in Dutch
pub mod cli; //      clap subcommands over the library
pub mod desk; //     Inzendingen: a folder of submissions in one table, watched, as Excel
pub mod document; // the neutral document tree both writers render
pub mod dutch; //    Dutch language: long-form dates, capitals, lists of names
pub mod export; //   DOCX and PDF writers over the document tree
pub mod file; //     RON load/save: format version, atomic writes, Dutch errors
pub mod import; //   signed protocols from Word, PDF or text back into the model
pub mod model; //    plain serde data of a protocol, its steps, field labels and fingerprint
pub mod package; //  the submission package (Indienpakket): documents, .ron, checksums in one zip
pub mod pipeline; // check → document → DOCX/PDF → file, shared by app and CLI
pub mod publish; //  the website version: accessible HTML pages and an index of a folder
pub mod register; // the processing-register entry (art. 30 AVG) as CSV or Excel
pub mod review; //   comments, verdicts, advice, status, approval, diff, report
pub mod signature; // a signed PDF checked: fields, signatures, certificates, changes, text
pub mod store; //    the per-user folder: settings and recovery file, atomic writes
pub mod template; // built-in templates and the parts they lock

/// The version and the commit it was built from, e.g. "0.1.0 (commit 5983b7f1c2ab)": for
/// `--version`, the app's "Over Protocolwijzer" and the documents' creator property.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("PROTOCOLWIJZER_COMMIT"),
    ")"
);
