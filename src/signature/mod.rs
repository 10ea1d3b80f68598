//! Verifying a signed PDF that comes back: for every signature field we exported, whether it
//! is signed; for each signature, who signed (name and issuer from the certificate), when,
//! whether it is cryptographically valid (the CMS signature over the signed attributes, the
//! message digest over the byte range), whether the certificate chains to a trusted root, and
//! whether the document changed after it other than by later signatures. And whether the
//! signed document is the one exported for this protocol: the export embeds the content
//! fingerprint (`export::INFO_FINGERPRINT_KEY`), read back from the first revision.
//!
//! Pure: bytes in, a [`Report`] out; no network, no clock. Revocation (CRL, OCSP) and
//! time-stamps are not checked, and the report says so ([`NOT_CHECKED`]).

mod cms;
mod crypto;
mod names;
mod pdf;
mod trust;

use chrono::NaiveDateTime;

use crate::export::{INFO_DOCUMENT_KEY, INFO_FINGERPRINT_KEY};
use crate::model::{Protocol, fingerprint};
use crate::review::SignedPdfEvidence;
pub use trust::{Roots, Trust};

/// What the verification does not check, said in every report.
pub const NOT_CHECKED: &str = "Niet nagegaan: of een certificaat intussen werd ingetrokken \
    (CRL/OCSP) en tijdstempels; daarvoor is een internetverbinding nodig.";

/// Why a file could not be verified at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// Not a PDF we can read.
    #[error("Het bestand is geen leesbaar PDF-bestand: {0}")]
    NotAPdf(String),
}

/// The verification of one signed PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The SHA-256 (64 hex digits) of the whole file as verified.
    pub sha256: String,
    /// How many revisions the file has: the export and one per incremental update.
    pub revisions: usize,
    /// The signature fields of the exported document (its first revision), in order.
    pub fields: Vec<FieldReport>,
    /// Signatures in fields the export did not have (a signer's tool added them).
    pub extra_signatures: Vec<FieldReport>,
    /// Which document the export says it is, and its content fingerprint.
    pub identity: Option<EmbeddedIdentity>,
    /// Changes to the document other than signing, after the export.
    pub changes: Vec<Change>,
    /// Whether the text is the one approved for the protocol compared with.
    pub text: TextMatch,
}

/// A signature field and its signature, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldReport {
    /// The field's name (`Handtekening_Opgroeien_1`).
    pub name: String,
    /// Its signature, `None` while empty.
    pub signature: Option<SignatureReport>,
}

/// One signature, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureReport {
    /// The signer's name (the certificate's common name).
    pub signer: String,
    /// Who issued the signer's certificate (its common name).
    pub issuer: String,
    /// The signing time the signature claims, UTC (not a trusted time-stamp).
    pub signing_time: Option<NaiveDateTime>,
    /// Whether the signature is cryptographically valid over the bytes it covers.
    pub validity: Validity,
    /// Whether the certificate chains to a trusted root.
    pub trust: Trust,
    /// The revision (0 = the export) whose end the signature covers.
    pub revision: Option<usize>,
}

/// Whether a signature holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validity {
    /// The message digest matches the covered bytes and the signature over the signed
    /// attributes verifies; `algorithm` says with what ("RSA 2048 bits, SHA-256").
    Valid {
        /// The key and digest.
        algorithm: String,
    },
    /// It does not; why, in Dutch.
    Invalid(String),
}

/// The document and fingerprint the export embedded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbeddedIdentity {
    /// "protocol", "addendum 1".
    pub kind: String,
    /// The full content fingerprint.
    pub fingerprint: String,
}

/// A change to the signed document that signing does not make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The revision that made it.
    pub revision: usize,
    /// The last signature before it (its field name), `None` when before the first.
    pub after_signature: Option<String>,
    /// What changed, in Dutch ("de inhoud van pagina 2 werd gewijzigd").
    pub description: String,
}

/// Whether the signed text is the protocol's approved text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextMatch {
    /// No protocol was given to compare with.
    NotCompared,
    /// The file carries no fingerprint (exported by another program or an older version).
    NoFingerprint,
    /// The text is the approved one, and the protocol has not changed since.
    Approved,
    /// The text is the protocol's current content, but that content is not approved.
    NotApproved,
    /// The text is the approved one, but the protocol changed after the approval.
    ProtocolChangedSince,
    /// The signed document is another document of this protocol (an addendum for the
    /// protocol, or the other way round); which one it is.
    OtherDocument(String),
    /// The text is neither the approved nor the current content.
    Different,
}

impl Report {
    /// Whether every exported field is signed, every signature valid and the document
    /// unchanged but for signing.
    pub fn is_complete(&self) -> bool {
        self.problems().is_empty()
    }

    /// What stands in the way of a complete, valid signed document, in Dutch.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.fields.is_empty() {
            problems.push("Het document heeft geen handtekeningvelden van Protocolwijzer.".into());
        }
        for field in &self.fields {
            match &field.signature {
                None => problems.push(format!("Het veld ‘{}’ is niet ondertekend.", field.name)),
                Some(signature) => {
                    if let Validity::Invalid(reason) = &signature.validity {
                        problems.push(format!(
                            "De handtekening in ‘{}’ is ongeldig: {reason}.",
                            field.name
                        ));
                    }
                }
            }
        }
        for field in &self.extra_signatures {
            if let Some(SignatureReport {
                validity: Validity::Invalid(reason),
                ..
            }) = &field.signature
            {
                problems.push(format!(
                    "De handtekening in het toegevoegde veld ‘{}’ is ongeldig: {reason}.",
                    field.name
                ));
            }
        }
        for change in &self.changes {
            problems.push(format!("{}.", change_sentence(change)));
        }
        if self.identity.is_none() {
            problems.push(
                "Het document draagt geen vingerafdruk van Protocolwijzer: het is niet na te gaan \
                 welk protocol werd ondertekend."
                    .into(),
            );
        }
        problems
    }

    /// Why the protocol may not move to "Ondertekend" with this file, in Dutch; empty when
    /// it may: complete, valid, and the approved text.
    pub fn reasons_not_signed(&self) -> Vec<String> {
        let mut reasons = self.problems();
        match &self.text {
            TextMatch::Approved => {}
            other => reasons.push(format!("{}.", text_sentence(other))),
        }
        reasons
    }

    /// The report as lines of Dutch text, for the command line and the app.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!("SHA-256 van het bestand: {}", self.sha256)];
        lines.push(match &self.identity {
            Some(identity) => format!(
                "Document: {}, vingerafdruk {}",
                identity.kind,
                fingerprint::short_form(&identity.fingerprint)
            ),
            None => "Document: zonder vingerafdruk van Protocolwijzer".to_string(),
        });
        if self.text != TextMatch::NotCompared {
            lines.push(format!("Tekst: {}", text_sentence(&self.text)));
        }
        lines.push(format!(
            "Versies: {} (de export{})",
            self.revisions,
            match self.revisions.saturating_sub(1) {
                0 => String::new(),
                1 => " en 1 aanvulling".to_string(),
                more => format!(" en {more} aanvullingen"),
            }
        ));
        lines.push("Handtekeningvelden:".to_string());
        for field in self.fields.iter().chain(&self.extra_signatures) {
            lines.push(format!("  {}", field_sentence(field)));
        }
        if self.changes.is_empty() {
            lines.push(
                "Wijzigingen na de export: geen, buiten het toevoegen van handtekeningen."
                    .to_string(),
            );
        } else {
            lines.push("Wijzigingen na de export:".to_string());
            for change in &self.changes {
                lines.push(format!("  {}", change_sentence(change)));
            }
        }
        let problems = self.problems();
        if problems.is_empty() {
            lines.push("Besluit: volledig en geldig ondertekend.".to_string());
        } else {
            lines.push("Besluit: niet volledig of niet geldig ondertekend:".to_string());
            lines.extend(problems.iter().map(|problem| format!("  - {problem}")));
        }
        lines.push(NOT_CHECKED.to_string());
        lines
    }

    /// Every signature, in the exported fields and in fields a signer's tool added.
    fn signatures(&self) -> impl Iterator<Item = &SignatureReport> {
        self.fields
            .iter()
            .chain(&self.extra_signatures)
            .filter_map(|field| field.signature.as_ref())
    }

    /// What the workflow needs to move the protocol to "Ondertekend"
    /// (`review::sign_with_pdf`).
    pub fn evidence(&self) -> SignedPdfEvidence {
        SignedPdfEvidence {
            sha256: self.sha256.clone(),
            fingerprint: self
                .identity
                .as_ref()
                .map(|identity| identity.fingerprint.clone()),
            document: self.identity.as_ref().map(|identity| identity.kind.clone()),
            problems: self.problems(),
            signers: self.signers(),
            certificates: self
                .signatures()
                .map(|signature| signature.trust.describe())
                .collect(),
        }
    }

    /// The signatures, for the history: "Jan Peeters (Citizen CA, 04-12-2026 10:15 UTC)".
    pub fn signers(&self) -> Vec<String> {
        self.signatures()
            .map(|signature| {
                let time = signature
                    .signing_time
                    .map(|time| format!(", {} UTC", time.format("%d-%m-%Y %H:%M")))
                    .unwrap_or_default();
                format!("{} ({}{time})", signature.signer, signature.issuer)
            })
            .collect()
    }
}

/// "Handtekening_X: ondertekend door …, geldig (…); certificaat …".
pub fn field_sentence(field: &FieldReport) -> String {
    let Some(signature) = &field.signature else {
        return format!("{}: niet ondertekend", field.name);
    };
    let time = signature
        .signing_time
        .map(|time| format!(" op {} UTC", time.format("%d-%m-%Y %H:%M")))
        .unwrap_or_default();
    let validity = match &signature.validity {
        Validity::Valid { algorithm } => format!("handtekening geldig ({algorithm})"),
        Validity::Invalid(reason) => format!("handtekening ONGELDIG: {reason}"),
    };
    format!(
        "{}: ondertekend door {}, uitgegeven door {}{time}; {validity}; certificaat {}",
        field.name,
        signature.signer,
        signature.issuer,
        signature.trust.describe()
    )
}

fn change_sentence(change: &Change) -> String {
    let moment = match &change.after_signature {
        Some(field) => format!("Na de handtekening in ‘{field}’"),
        None => "Na de export, vóór de eerste handtekening".to_string(),
    };
    format!(
        "{moment} (versie {}): {}",
        change.revision + 1,
        change.description
    )
}

fn text_sentence(text: &TextMatch) -> String {
    match text {
        TextMatch::NotCompared => "niet vergeleken met een protocol".to_string(),
        TextMatch::NoFingerprint => {
            "het bestand draagt geen vingerafdruk: niet na te gaan of het de goedgekeurde tekst is"
                .to_string()
        }
        TextMatch::Approved => "de goedgekeurde tekst van dit protocol".to_string(),
        TextMatch::NotApproved => {
            "de huidige tekst van dit protocol, maar die is niet goedgekeurd".to_string()
        }
        TextMatch::ProtocolChangedSince => {
            "de goedgekeurde tekst, maar het protocol werd sindsdien gewijzigd".to_string()
        }
        TextMatch::OtherDocument(kind) => {
            format!("een ander document van dit protocol ({kind})")
        }
        TextMatch::Different => {
            "niet de tekst van dit protocol (de vingerafdruk verschilt)".to_string()
        }
    }
}

/// Verifies `bytes`, a signed PDF, against `roots`; compares its text with `protocol` when
/// given.
pub fn verify(
    bytes: &[u8],
    roots: &Roots,
    protocol: Option<&Protocol>,
) -> Result<Report, VerifyError> {
    let sha256 = fingerprint::sha256_hex(bytes);
    let ends = pdf::revision_ends(bytes);
    let Some(&last_end) = ends.last() else {
        return Err(VerifyError::NotAPdf(
            "het einde van het bestand (%%EOF) ontbreekt".into(),
        ));
    };
    // Every revision read once: the first is the export, the last the whole file.
    let revisions: Vec<Result<lopdf::Document, lopdf::Error>> = ends
        .iter()
        .map(|end| lopdf::Document::load_mem(&bytes[..*end]))
        .collect();
    let first = readable(revisions.first())?;
    let whole = readable(revisions.last())?;

    let identity = match (
        pdf::info_text(first, INFO_DOCUMENT_KEY),
        pdf::info_text(first, INFO_FINGERPRINT_KEY),
    ) {
        (Some(kind), Some(fingerprint)) => Some(EmbeddedIdentity { kind, fingerprint }),
        _ => None,
    };
    let exported: Vec<String> = pdf::signature_fields(first)
        .into_iter()
        .map(|field| field.name)
        .collect();
    let mut fields: Vec<FieldReport> = exported
        .iter()
        .map(|name| FieldReport {
            name: name.clone(),
            signature: None,
        })
        .collect();
    let mut extra_signatures = Vec::new();
    for field in pdf::signature_fields(whole) {
        let signature = field
            .value
            .as_ref()
            .map(|value| check_signature(value, bytes, &ends, roots));
        match fields.iter_mut().find(|report| report.name == field.name) {
            Some(report) => report.signature = signature,
            None if signature.is_some() => extra_signatures.push(FieldReport {
                name: field.name,
                signature,
            }),
            None => {}
        }
    }

    let mut changes = Vec::new();
    let signature_revisions: Vec<(usize, String)> = fields
        .iter()
        .chain(&extra_signatures)
        .filter_map(|field| {
            let revision = field.signature.as_ref()?.revision?;
            Some((revision, field.name.clone()))
        })
        .collect();
    let mut before = first;
    for (revision, read) in revisions.iter().enumerate().skip(1) {
        let after_signature = signature_revisions
            .iter()
            .filter(|(signed, _)| *signed < revision)
            .max_by_key(|(signed, _)| *signed)
            .map(|(_, name)| name.clone());
        match read {
            Ok(after) => {
                for description in pdf::disallowed_changes(before, after) {
                    changes.push(Change {
                        revision,
                        after_signature: after_signature.clone(),
                        description,
                    });
                }
                before = after;
            }
            Err(error) => changes.push(Change {
                revision,
                after_signature,
                description: format!("deze versie is onleesbaar ({error})"),
            }),
        }
    }
    if bytes[last_end..]
        .iter()
        .any(|byte| !byte.is_ascii_whitespace())
    {
        changes.push(Change {
            revision: ends.len(),
            after_signature: signature_revisions
                .iter()
                .max_by_key(|(signed, _)| *signed)
                .map(|(_, name)| name.clone()),
            description: "na het einde van de laatste versie staan nog gegevens".to_string(),
        });
    }

    let text = protocol.map_or(TextMatch::NotCompared, |protocol| {
        compare_text(identity.as_ref(), protocol)
    });
    Ok(Report {
        sha256,
        revisions: ends.len(),
        fields,
        extra_signatures,
        identity,
        changes,
        text,
    })
}

/// A revision that must be readable (the first, the last).
fn readable(
    revision: Option<&Result<lopdf::Document, lopdf::Error>>,
) -> Result<&lopdf::Document, VerifyError> {
    match revision {
        Some(Ok(document)) => Ok(document),
        Some(Err(error)) => Err(VerifyError::NotAPdf(error.to_string())),
        None => Err(VerifyError::NotAPdf(
            "het bestand heeft geen versies".into(),
        )),
    }
}

/// Checks one signature dictionary against the file's bytes.
fn check_signature(
    value: &lopdf::Dictionary,
    bytes: &[u8],
    ends: &[usize],
    roots: &Roots,
) -> SignatureReport {
    let mut report = SignatureReport {
        signer: "(onbekend)".to_string(),
        issuer: "(onbekend)".to_string(),
        signing_time: pdf::signature_time(value),
        validity: Validity::Invalid(String::new()),
        trust: Trust::NotChecked,
        revision: None,
    };
    let sub_filter = value
        .get(b"SubFilter")
        .ok()
        .and_then(|name| name.as_name().ok())
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .unwrap_or_default();
    if !["adbe.pkcs7.detached", "ETSI.CAdES.detached"].contains(&sub_filter.as_str()) {
        report.validity = Validity::Invalid(format!(
            "het handtekeningformaat ‘{sub_filter}’ wordt niet ondersteund (wel \
             adbe.pkcs7.detached en ETSI.CAdES.detached)"
        ));
        return report;
    }
    let range = match pdf::signed_range(value, bytes) {
        Ok(range) => range,
        Err(reason) => {
            report.validity = Validity::Invalid(reason);
            return report;
        }
    };
    let covered_end = range.parts[1].1;
    report.revision = ends.iter().position(|end| {
        // The range ends at a revision's end, with or without its end-of-line.
        covered_end <= *end && *end - covered_end <= 2 && covered_end > 0
    });
    let signature = match cms::read(&range.contents) {
        Ok(signature) => signature,
        Err(reason) => {
            report.validity = Validity::Invalid(reason);
            return report;
        }
    };
    report.signer = names::common_name(&signature.signer);
    report.issuer = names::issuer_name(&signature.signer);
    report.signing_time = signature.signing_time.or(report.signing_time);
    let [(first_start, first_end), (second_start, second_end)] = range.parts;
    let digest = signature.digest_algorithm.digest(&[
        &bytes[first_start..first_end],
        &bytes[second_start..second_end],
    ]);
    report.validity = if report.revision.is_none() {
        Validity::Invalid("de handtekening dekt geen volledige versie van het document".to_string())
    } else if digest != signature.message_digest {
        Validity::Invalid(
            "de ondertekende bytes verschillen van die in het bestand: het document werd na het \
             ondertekenen gewijzigd, of de handtekening hoort bij een ander bestand"
                .to_string(),
        )
    } else {
        match &signature.signature {
            Ok(key) => Validity::Valid {
                algorithm: format!("{key}, {}", signature.digest_algorithm.label()),
            },
            Err(reason) => Validity::Invalid(reason.clone()),
        }
    };
    report.trust = trust::chain(
        &signature.signer,
        &signature.certificates,
        roots,
        report.signing_time,
    );
    report
}

/// Compares the embedded identity with the protocol.
fn compare_text(identity: Option<&EmbeddedIdentity>, protocol: &Protocol) -> TextMatch {
    let Some(identity) = identity else {
        return TextMatch::NoFingerprint;
    };
    let expected_kind = match &protocol.review.amendment {
        Some(amendment) => format!("addendum {}", amendment.number),
        None => "protocol".to_string(),
    };
    let current = fingerprint::fingerprint(protocol);
    let approved = protocol
        .review
        .approval
        .as_ref()
        .map(|approval| approval.fingerprint.as_str());
    if identity.fingerprint != current && Some(identity.fingerprint.as_str()) != approved {
        return TextMatch::Different;
    }
    if identity.kind != expected_kind {
        return TextMatch::OtherDocument(identity.kind.clone());
    }
    match (
        approved == Some(identity.fingerprint.as_str()),
        identity.fingerprint == current,
    ) {
        (true, true) => TextMatch::Approved,
        (true, false) => TextMatch::ProtocolChangedSince,
        (false, _) => TextMatch::NotApproved,
    }
}
