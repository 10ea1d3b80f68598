//! The workflow: which status may follow which, who may make the step, and which steps need a
//! remark. Every transition is logged in the history.

use chrono::NaiveDateTime;

use super::{approval_outdated, keep_snapshot, log};
use crate::check::{self, Context};
use crate::model::fingerprint;
use crate::model::{Approval, Person, Protocol, Role, SignedPdf, Status};
use crate::signature::{Report, Trust};

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

/// Moves an approved protocol to "Ondertekend" on the strength of its signed PDF: only when
/// `report` (of the file `file_name`, verified against this protocol) finds every field
/// validly signed, the document unchanged but for signing, and the approved text. Records
/// the signers and the file's SHA-256 in the history and in `review.signed_pdf`.
pub fn sign_with_pdf(
    protocol: &mut Protocol,
    report: &Report,
    file_name: &str,
    who: &Person,
    when: NaiveDateTime,
) -> Result<(), TransitionError> {
    permitted(protocol, Status::Signed, who, "")?;
    approval_current(protocol)?;
    let mut reasons = report.problems();
    let approved = protocol
        .review
        .approval
        .as_ref()
        .map(|approval| approval.fingerprint.clone());
    let states = report
        .identity
        .as_ref()
        .map(|identity| identity.fingerprint.clone());
    if states.is_some() && states != approved {
        reasons.push(
            "Het ondertekende PDF-bestand is niet de goedgekeurde tekst van dit protocol (de \
             vingerafdruk verschilt)."
                .to_string(),
        );
    }
    if !reasons.is_empty() {
        return Err(TransitionError::Precondition(format!(
            "Het protocol kan niet op ‘Ondertekend’: {}",
            reasons.join(" ")
        )));
    }
    let from = protocol.review.status;
    let signers = report.signers();
    let certificates: Vec<String> = report
        .fields
        .iter()
        .chain(&report.extra_signatures)
        .filter_map(|field| field.signature.as_ref())
        .map(|signature| match &signature.trust {
            Trust::Chained { root } => format!("nagegaan tot {root}"),
            Trust::NotChecked => "niet nagegaan".to_string(),
            Trust::Untrusted(reason) => format!("niet vertrouwd: {reason}"),
        })
        .collect();
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
            report.sha256
        ),
    );
    protocol.review.signed_pdf = Some(SignedPdf {
        file_name: file_name.to_string(),
        sha256: report.sha256.clone(),
        fingerprint: states.unwrap_or_default(),
        signers,
        certificates,
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
