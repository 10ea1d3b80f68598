//! What travels with the protocol besides its content: review comments, per-step verdicts,
//! the workflow status and its history, Opgroeien's approval, and content snapshots that advice
//! and approval were given on. None of this is part of the content fingerprint.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::Protocol;
use crate::model::Step;

/// The review record of a protocol.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Review {
    /// Where the protocol is in its workflow.
    pub status: Status,
    /// Review comments, oldest first.
    pub comments: Vec<Comment>,
    /// One verdict per step at most (the latest counts).
    pub verdicts: Vec<Verdict>,
    /// Opgroeien's (or the reviewing party's) approval, if given.
    pub approval: Option<Approval>,
    /// Every status change and review action, oldest first.
    pub history: Vec<HistoryEntry>,
    /// The content as it was when advice or approval was given, keyed by fingerprint, so that
    /// "what changed since" can be shown.
    pub snapshots: Vec<Snapshot>,
    /// Where the protocol came from when it was imported from a signed Word, PDF or text file:
    /// what was placed where, and what could not be placed ("niet geplaatst").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportRecord>,
    /// A change of a signed protocol being drafted as an addendum: the signed content it
    /// starts from. The content being edited is the protocol as it will read after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amendment: Option<Amendment>,
    /// Every addendum signed so far, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addenda: Vec<AddendumRecord>,
    /// The verified signed PDF that moved the protocol (or its latest addendum) to
    /// "Ondertekend" (see `crate::review::sign_with_pdf`); every earlier one stays in the
    /// history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_pdf: Option<SignedPdf>,
}

/// A signed PDF as verified when the protocol moved to "Ondertekend".
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct SignedPdf {
    /// The file's name when it was verified.
    pub file_name: String,
    /// The SHA-256 of the whole file (64 hex digits).
    pub sha256: String,
    /// The content fingerprint the file states (the approved one).
    pub fingerprint: String,
    /// Each signature: "Jan Peeters (Citizen CA, 04-12-2026 10:15 UTC)".
    pub signers: Vec<String>,
    /// What the certificate check found, per signature in the same order ("nagegaan tot
    /// Belgium Root CA4", "niet nagegaan", …).
    pub certificates: Vec<String>,
    /// When it was verified.
    pub verified: Option<NaiveDateTime>,
}

/// An addendum in the making (see `crate::review::start_amendment`).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Amendment {
    /// Its number: 1 for the first addendum to the protocol.
    pub number: u32,
    /// The content as signed (its review record left empty): what the addendum changes.
    pub baseline: Box<Protocol>,
    /// The signed content's fingerprint.
    pub baseline_fingerprint: String,
    /// When the signed protocol (or the last addendum) was signed.
    pub signed_on: Option<NaiveDate>,
    /// When the addendum was begun.
    pub started: Option<NaiveDateTime>,
}

/// A signed addendum, as the history keeps it.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct AddendumRecord {
    /// Its number.
    pub number: u32,
    /// The fingerprint of the content it changed.
    pub baseline_fingerprint: String,
    /// The fingerprint of the content after it (what was signed).
    pub fingerprint: String,
    /// Its signing date.
    pub signed_on: Option<NaiveDate>,
    /// What it changed, in Dutch ("Artikel 3 (De gegevens) vervangen", …).
    pub changes: Vec<String>,
}

/// The trace of an import (`protocolwijzer import`): the source, every field's origin, and
/// the source text that found no field, so nothing of the original is lost silently.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ImportRecord {
    /// The source file's name.
    pub source: String,
    /// "Word", "PDF" or "tekst".
    pub format: String,
    /// When it was imported.
    pub at: Option<NaiveDateTime>,
    /// Where each field's text came from, in document order.
    pub placements: Vec<ImportPlacement>,
    /// Source text that found no field, with where it stood; reviewed by hand.
    pub unplaced: Vec<UnplacedText>,
}

/// One field filled from the source: its path and where in the source its text stood.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ImportPlacement {
    /// The field path (`parties[0].kbo`), or a description for recognised standard text.
    pub path: String,
    /// "alinea 12" or "pagina 3, regel 14".
    pub origin: String,
}

/// A paragraph of the source that no field took ("niet geplaatst").
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct UnplacedText {
    /// The part of the document it stood in ("Artikel 4: …", "Overwegingen").
    pub section: String,
    /// "alinea 12" or "pagina 3, regel 14".
    pub origin: String,
    /// The original text.
    pub text: String,
}

/// Who did something.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Role in the process.
    pub role: Role,
    /// Organisation, e.g. "Gemeente Voorbeeldegem" or "Opgroeien regie".
    pub organisation: String,
}

/// The roles in the process.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// The official who drafts the protocol (opsteller).
    #[default]
    Drafter,
    /// A party's data protection officer.
    Dpo,
    /// An Opgroeien staff member who handles submissions (behandelaar).
    OpgroeienReviewer,
}

impl Role {
    /// Every role, in the order a form offers them.
    pub const ALL: [Role; 3] = [Role::Drafter, Role::Dpo, Role::OpgroeienReviewer];

    /// The role in Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Role::Drafter => "opsteller",
            Role::Dpo => "functionaris voor gegevensbescherming",
            Role::OpgroeienReviewer => "behandelaar Opgroeien",
        }
    }
}

/// A review comment on a step or a field.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Comment {
    /// Stable number within the file (1, 2, …), to refer to it.
    pub id: u32,
    /// The step it is about.
    pub step: Option<Step>,
    /// The field it is about, in the check's path notation; empty for the step as a whole.
    pub path: String,
    /// Who wrote it.
    pub author: Person,
    /// When.
    pub written: Option<NaiveDateTime>,
    /// The comment.
    pub text: String,
    /// Who resolved it and when; `None` while open.
    pub resolved: Option<Resolution>,
}

/// How a comment was resolved.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Resolution {
    /// Who resolved it.
    pub by: Person,
    /// When.
    pub when: Option<NaiveDateTime>,
    /// An optional answer ("aangepast in artikel 3").
    pub remark: String,
}

/// A reviewer's verdict on one step, as in the CNIL PIA tool.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Verdict {
    /// The step.
    pub step: Option<Step>,
    /// The verdict.
    pub kind: VerdictKind,
    /// Why; required for "te verbeteren" and "te corrigeren".
    pub comment: String,
    /// Who gave it.
    pub by: Person,
    /// When.
    pub when: Option<NaiveDateTime>,
}

/// The three verdicts.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum VerdictKind {
    /// Aanvaardbaar.
    #[default]
    Acceptable,
    /// Te verbeteren.
    Improvable,
    /// Te corrigeren.
    ToCorrect,
}

impl VerdictKind {
    /// Every verdict, in the order a form offers them.
    pub const ALL: [VerdictKind; 3] = [
        VerdictKind::Acceptable,
        VerdictKind::Improvable,
        VerdictKind::ToCorrect,
    ];

    /// The verdict in Dutch.
    pub fn label(self) -> &'static str {
        match self {
            VerdictKind::Acceptable => "aanvaardbaar",
            VerdictKind::Improvable => "te verbeteren",
            VerdictKind::ToCorrect => "te corrigeren",
        }
    }
}

/// Where a protocol is in its workflow.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    /// Concept: the drafter is working on it.
    #[default]
    Draft,
    /// Ter advies bij DPO.
    WithDpo,
    /// Advies gegeven.
    Advised,
    /// Ingediend bij Opgroeien.
    Submitted,
    /// Terug naar opsteller.
    Returned,
    /// Goedgekeurd.
    Approved,
    /// Ondertekend.
    Signed,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::WithDpo,
        Status::Advised,
        Status::Submitted,
        Status::Returned,
        Status::Approved,
        Status::Signed,
    ];

    /// The status in Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Concept",
            Status::WithDpo => "Ter advies bij DPO",
            Status::Advised => "Advies gegeven",
            Status::Submitted => "Ingediend bij Opgroeien",
            Status::Returned => "Terug naar opsteller",
            Status::Approved => "Goedgekeurd",
            Status::Signed => "Ondertekend",
        }
    }
}

/// An approval, tied to the content it was given on.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Approval {
    /// Who approved.
    pub by: Person,
    /// The date of approval.
    pub date: Option<NaiveDate>,
    /// The content fingerprint (64 hex) approved.
    pub fingerprint: String,
    /// An optional remark.
    pub remark: String,
}

/// One line of the history.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct HistoryEntry {
    /// When.
    pub when: Option<NaiveDateTime>,
    /// Who.
    pub who: Person,
    /// What happened, in Dutch ("Status gewijzigd naar Ingediend bij Opgroeien").
    pub action: String,
    /// A remark given with it.
    pub remark: String,
    /// The content fingerprint at that moment.
    pub fingerprint: String,
}

/// The content of the protocol at a moment advice or approval was given.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Snapshot {
    /// The content fingerprint of `content`.
    pub fingerprint: String,
    /// The protocol's content then (its own review is empty).
    pub content: Box<Protocol>,
}
