//! The workflow: which status may follow which, who may make the step, and which steps need a
//! remark. Every transition is logged in the history.

use chrono::NaiveDateTime;

use super::{approval_outdated, keep_snapshot, log};
use crate::check::{self, Context};
use crate::model::fingerprint;
use crate::model::{Approval, Person, Protocol, Role, SignedPdf, Status};

/// One allowed step of the workflow.
struct Rule {
    from: Status,
    to: Status,
    roles: &'static [Role],
    remark_required: bool,
}

const RULES: &[Rule] = &[
    Rule {
        from: Status::Draft,
        to: Status::WithDpo,
        roles: &[Role::Drafter],
        remark_required: false,
    },
    Rule {
        from: Status::WithDpo,
        to: Status::Advised,
        roles: &[Role::Dpo],
        remark_required: false,
    },
    Rule {
        from: Status::WithDpo,
        to: Status::Returned,
        roles: &[Role::Dpo],
        remark_required: true,
    },
    Rule {
        from: Status::Advised,
        to: Status::Submitted,
        roles: &[Role::Drafter],
        remark_required: false,
    },
    Rule {
        from: Status::Advised,
        to: Status::WithDpo,
        roles: &[Role::Drafter],
        remark_required: true,
    },
    Rule {
        from: Status::Submitted,
        to: Status::Approved,
        roles: &[Role::OpgroeienReviewer],
        remark_required: false,
    },
    Rule {
        from: Status::Submitted,
        to: Status::Returned,
        roles: &[Role::OpgroeienReviewer],
        remark_required: true,
    },
    Rule {
        from: Status::Returned,
        to: Status::Draft,
        roles: &[Role::Drafter],
        remark_required: false,
    },
    Rule {
        from: Status::Returned,
        to: Status::WithDpo,
        roles: &[Role::Drafter],
        remark_required: false,
    },
    Rule {
        from: Status::Returned,
        to: Status::Submitted,
        roles: &[Role::Drafter],
        remark_required: true,
    },
    Rule {
        from: Status::Approved,
        to: Status::Signed,
        roles: &[Role::Drafter, Role::OpgroeienReviewer],
        remark_required: false,
    },
    Rule {
        from: Status::Approved,
        to: Status::Returned,
        roles: &[Role::OpgroeienReviewer],
        remark_required: true,
    },
];

/// Why a transition was refused; the text is Dutch and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The workflow has no such step.
    #[error("Van ‘{}’ kan het protocol niet naar ‘{}’.", from.label(), to.label())]
    NotAllowed { from: Status, to: Status },
    /// The step exists, but not for this role.
    #[error("Als {} kunt u het protocol niet op ‘{}’ zetten.", role.label(), to.label())]
    WrongRole { to: Status, role: Role },
    /// This step needs a remark.
    #[error("Geef een toelichting bij ‘{}’: wat moet er gebeuren, en waarom?", to.label())]
    RemarkRequired { to: Status },
    /// Something must be in order first (advice recorded, no errors, approval current).
    #[error("{0}")]
    Precondition(String),
}

/// The statuses `role` may move the protocol to from `from`.
pub fn allowed_transitions(from: Status, role: Role) -> Vec<Status> {
    RULES
        .iter()
        .filter(|rule| rule.from == from && rule.roles.contains(&role))
        .map(|rule| rule.to)
        .collect()
}

/// Why the plain status button cannot make a protocol "Ondertekend".
const SIGNED_NEEDS_THE_PDF: &str = "Een protocol wordt ‘Ondertekend’ met het ondertekende \
    PDF-bestand zelf: kies ‘Ondertekend PDF controleren…’. Protocolwijzer gaat dan na of elk \
    handtekeningveld geldig ondertekend is en of het de goedgekeurde tekst is.";

/// Whether the workflow has the step to `to` from the current status, for `who`'s role,
/// with the remark it needs.
fn permitted(
    protocol: &Protocol,
    to: Status,
    who: &Person,
    remark: &str,
) -> Result<(), TransitionError> {
    let from = protocol.review.status;
    let rule = RULES
        .iter()
        .find(|rule| rule.from == from && rule.to == to)
        .ok_or(TransitionError::NotAllowed { from, to })?;
    if !rule.roles.contains(&who.role) {
        return Err(TransitionError::WrongRole { to, role: who.role });
    }
    if rule.remark_required && remark.trim().is_empty() {
        return Err(TransitionError::RemarkRequired { to });
    }
    Ok(())
}

/// Refuses when the content changed since the approval, or there is none.
fn approval_current(protocol: &Protocol) -> Result<(), TransitionError> {
    if approval_outdated(protocol) || protocol.review.approval.is_none() {
        return Err(TransitionError::Precondition(
            "De inhoud is gewijzigd sinds de goedkeuring. Laat het protocol opnieuw \
             goedkeuren voor het ondertekend wordt."
                .into(),
        ));
    }
    Ok(())
}

/// What the verification of a signed PDF found, as the workflow needs it (made by
/// `signature::Report::evidence`, which sits above the workflow).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignedPdfEvidence {
    /// The SHA-256 of the whole file.
    pub sha256: String,
    /// The content fingerprint the file states, if it states one.
    pub fingerprint: Option<String>,
    /// Which document the file says it is ("protocol", "addendum 1"), if it says.
    pub document: Option<String>,
    /// What stands in the way of a complete, valid signed document (empty: nothing), Dutch.
    pub problems: Vec<String>,
    /// Each signature: "Jan Peeters (Signature) (Citizen CA, 04-12-2026 10:15 UTC)".
    pub signers: Vec<String>,
    /// What the certificate check found for each signature, in the same order.
    pub certificates: Vec<String>,
}

/// Moves an approved protocol to "Ondertekend" on the strength of its signed PDF: only when
/// the verification of the file `file_name` found every field validly signed and the
/// document unchanged but for signing, and the file states the approved text. Records the
/// signers and the file's SHA-256 in the history and in `review.signed_pdf`.
pub fn sign_with_pdf(
    protocol: &mut Protocol,
    evidence: &SignedPdfEvidence,
    file_name: &str,
    who: &Person,
    when: NaiveDateTime,
) -> Result<(), TransitionError> {
    permitted(protocol, Status::Signed, who, "")?;
    approval_current(protocol)?;
    let mut reasons = evidence.problems.clone();
    let approved = protocol
        .review
        .approval
        .as_ref()
        .map(|approval| approval.fingerprint.clone());
    let states = evidence.fingerprint.clone();
    if states.is_some() && states != approved {
        reasons.push(
            "Het ondertekende PDF-bestand is niet de goedgekeurde tekst van dit protocol (de \
             vingerafdruk verschilt)."
                .to_string(),
        );
    }
    // While an addendum is in the making, the addendum is what the parties sign, not the
    // consolidated text (which states the same content).
    let expected = match &protocol.review.amendment {
        Some(amendment) => format!("addendum {}", amendment.number),
        None => "protocol".to_string(),
    };
    if let Some(document) = &evidence.document
        && *document != expected
    {
        reasons.push(format!(
            "Het ondertekende PDF-bestand is ‘{document}’; te ondertekenen is ‘{expected}’."
        ));
    }
    if !reasons.is_empty() {
        return Err(TransitionError::Precondition(format!(
            "Het protocol kan niet op ‘Ondertekend’: {}",
            reasons.join(" ")
        )));
    }
    let from = protocol.review.status;
    let signers = evidence.signers.clone();
    protocol.review.status = Status::Signed;
    log(
        protocol,
        who,
        when,
        format!(
            "Status gewijzigd van ‘{}’ naar ‘{}’ met het ondertekende PDF-bestand ‘{file_name}’",
            from.label(),
            Status::Signed.label()
        ),
        &format!(
            "Nagegaan: {}. SHA-256 van het bestand: {}.",
            signers.join("; "),
            evidence.sha256
        ),
    );
    protocol.review.signed_pdf = Some(SignedPdf {
        file_name: file_name.to_string(),
        sha256: evidence.sha256.clone(),
        fingerprint: states.unwrap_or_default(),
        signers,
        certificates: evidence.certificates.clone(),
        verified: Some(when),
    });
    super::record_signed_addendum(protocol, who, when);
    Ok(())
}

/// Moves the protocol to `to`, if the workflow allows it for `who`'s role, and logs it.
/// Approving records the approval on the current content fingerprint and keeps a snapshot.
pub fn transition(
    protocol: &mut Protocol,
    to: Status,
    who: &Person,
    when: NaiveDateTime,
    remark: &str,
) -> Result<(), TransitionError> {
    permitted(protocol, to, who, remark)?;
    let from = protocol.review.status;
    let current = fingerprint::fingerprint(protocol);
    match to {
        Status::Advised => {
            let advised = protocol
                .parties
                .iter()
                .any(|party| party.dpo_advice.fingerprint == current);
            if !advised {
                return Err(TransitionError::Precondition(
                    "Registreer eerst het advies (datum en uitkomst) bij de partij waarvoor u \
                     DPO bent."
                        .into(),
                ));
            }
        }
        Status::Approved => {
            let findings = check::check(protocol, &Context { today: when.date() });
            if check::has_errors(&findings) {
                return Err(TransitionError::Precondition(format!(
                    "De controle vindt nog {} fout(en). Stuur het protocol terug naar de \
                     opsteller of laat de fouten eerst verbeteren.",
                    findings
                        .iter()
                        .filter(|finding| finding.severity == check::Severity::Fout)
                        .count()
                )));
            }
            protocol.review.approval = Some(Approval {
                by: who.clone(),
                date: Some(when.date()),
                fingerprint: current.clone(),
                remark: remark.trim().to_string(),
            });
            keep_snapshot(protocol, &current);
        }
        Status::Signed => {
            approval_current(protocol)?;
            return Err(TransitionError::Precondition(SIGNED_NEEDS_THE_PDF.into()));
        }
        Status::Draft | Status::WithDpo | Status::Submitted | Status::Returned => {}
    }
    protocol.review.status = to;
    log(
        protocol,
        who,
        when,
        format!(
            "Status gewijzigd van ‘{}’ naar ‘{}’",
            from.label(),
            to.label()
        ),
        remark,
    );
    Ok(())
}
