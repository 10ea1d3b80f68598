//! Unit tests of the review workflow.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::model::{Party, Signatory};
use crate::template;

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|date| date.and_hms_opt(10, 0, 0))
        .unwrap()
}

fn person(name: &str, role: Role) -> Person {
    Person {
        name: name.into(),
        role,
        organisation: "Gemeente Voorbeeldegem".into(),
    }
}

fn drafter() -> Person {
    person("An Opsteller", Role::Drafter)
}
fn dpo() -> Person {
    person("Dirk DPO", Role::Dpo)
}
fn reviewer() -> Person {
    person("Bea Behandelaar", Role::OpgroeienReviewer)
}

/// A protocol without check errors (the complete fixture shape is tested in tests/review.rs);
/// here any protocol will do, since only approval runs the check.
fn protocol() -> Protocol {
    let mut protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    protocol.parties[1].legal_name = "Gemeente Voorbeeldegem".into();
    protocol
}

#[test]
fn the_happy_path_is_allowed_and_logged() {
    let mut protocol = protocol();
    transition(&mut protocol, Status::WithDpo, &drafter(), at(1), "").unwrap();
    record_dpo_advice(
        &mut protocol,
        1,
        &dpo(),
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        AdviceOutcome::Favourable,
        "",
        at(2),
    )
    .unwrap();
    transition(&mut protocol, Status::Advised, &dpo(), at(2), "").unwrap();
    transition(&mut protocol, Status::Submitted, &drafter(), at(3), "").unwrap();
    assert_eq!(protocol.review.status, Status::Submitted);
    let actions: Vec<&str> = protocol
        .review
        .history
        .iter()
        .map(|h| h.action.as_str())
        .collect();
    assert_eq!(actions.len(), 4, "{actions:?}");
    assert!(actions[0].contains("Ter advies bij DPO"));
    assert!(
        protocol
            .review
            .history
            .iter()
            .all(|h| h.fingerprint.len() == 64)
    );
}

#[test]
fn transitions_outside_the_workflow_are_refused() {
    let mut protocol = protocol();
    assert_eq!(
        transition(&mut protocol, Status::Approved, &reviewer(), at(1), ""),
        Err(TransitionError::NotAllowed {
            from: Status::Draft,
            to: Status::Approved
        })
    );
    assert_eq!(
        transition(&mut protocol, Status::WithDpo, &dpo(), at(1), ""),
        Err(TransitionError::WrongRole {
            to: Status::WithDpo,
            role: Role::Dpo
        })
    );
    transition(&mut protocol, Status::WithDpo, &drafter(), at(1), "").unwrap();
    assert_eq!(
        transition(&mut protocol, Status::Returned, &dpo(), at(2), "  "),
        Err(TransitionError::RemarkRequired {
            to: Status::Returned
        })
    );
    // "Advies gegeven" needs a recorded advice on the current content.
    assert!(matches!(
        transition(&mut protocol, Status::Advised, &dpo(), at(2), ""),
        Err(TransitionError::Precondition(_))
    ));
    transition(
        &mut protocol,
        Status::Returned,
        &dpo(),
        at(2),
        "Artikel 3 is onvolledig.",
    )
    .unwrap();
    assert_eq!(protocol.review.status, Status::Returned);
    assert_eq!(protocol.review.history.len(), 2);
}

#[test]
fn allowed_transitions_depend_on_role() {
    assert_eq!(
        allowed_transitions(Status::Draft, Role::Drafter),
        vec![Status::WithDpo]
    );
    assert!(allowed_transitions(Status::Draft, Role::Dpo).is_empty());
    assert_eq!(
        allowed_transitions(Status::Submitted, Role::OpgroeienReviewer),
        vec![Status::Approved, Status::Returned]
    );
}

#[test]
fn approval_is_refused_while_the_check_finds_errors() {
    let mut protocol = protocol();
    protocol.review.status = Status::Submitted;
    let refused = transition(&mut protocol, Status::Approved, &reviewer(), at(5), "");
    assert!(
        matches!(refused, Err(TransitionError::Precondition(message)) if message.contains("fout"))
    );
    assert!(protocol.review.approval.is_none());
}

#[test]
fn comments_are_added_resolved_and_reopened() {
    let mut protocol = protocol();
    assert!(
        add_comment(
            &mut protocol,
            &dpo(),
            at(1),
            Step::Data,
            "data_items[0].justification",
            " "
        )
        .is_err()
    );
    let first = add_comment(
        &mut protocol,
        &dpo(),
        at(1),
        Step::Data,
        "data_items[0].justification",
        "Te vaag.",
    )
    .unwrap();
    let second = add_comment(
        &mut protocol,
        &dpo(),
        at(1),
        Step::Parties,
        "",
        "KBO nakijken.",
    )
    .unwrap();
    assert_eq!((first, second), (1, 2));
    assert_eq!(open_comments(&protocol).count(), 2);
    resolve_comment(&mut protocol, first, &drafter(), at(2), "Aangevuld.").unwrap();
    assert!(resolve_comment(&mut protocol, first, &drafter(), at(2), "").is_err());
    assert!(resolve_comment(&mut protocol, 9, &drafter(), at(2), "").is_err());
    assert_eq!(
        open_comments(&protocol).map(|c| c.id).collect::<Vec<_>>(),
        vec![2]
    );
    reopen_comment(&mut protocol, first, &dpo(), at(3)).unwrap();
    assert_eq!(open_comments(&protocol).count(), 2);
}

#[test]
fn verdicts_need_a_comment_unless_acceptable_and_replace_earlier_ones() {
    let mut protocol = protocol();
    assert!(
        set_verdict(
            &mut protocol,
            Step::Data,
            VerdictKind::ToCorrect,
            "",
            &dpo(),
            at(1)
        )
        .is_err()
    );
    set_verdict(
        &mut protocol,
        Step::Data,
        VerdictKind::ToCorrect,
        "Gegeven 2 is niet nodig.",
        &dpo(),
        at(1),
    )
    .unwrap();
    set_verdict(
        &mut protocol,
        Step::Data,
        VerdictKind::Acceptable,
        "",
        &dpo(),
        at(2),
    )
    .unwrap();
    assert_eq!(protocol.review.verdicts.len(), 1);
    assert_eq!(
        verdict(&protocol, Step::Data).map(|v| v.kind),
        Some(VerdictKind::Acceptable)
    );
}

#[test]
fn advice_is_tied_to_the_content_and_outdated_by_a_change() {
    let mut protocol = protocol();
    assert!(
        record_dpo_advice(
            &mut protocol,
            1,
            &drafter(),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            AdviceOutcome::Favourable,
            "",
            at(2)
        )
        .is_err()
    );
    assert!(
        record_dpo_advice(
            &mut protocol,
            1,
            &dpo(),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            AdviceOutcome::FavourableWithConditions,
            "",
            at(2)
        )
        .is_err()
    );
    record_dpo_advice(
        &mut protocol,
        1,
        &dpo(),
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        AdviceOutcome::FavourableWithConditions,
        "Informeer de gezinnen per brief.",
        at(2),
    )
    .unwrap();
    let advice = &protocol.parties[1].dpo_advice;
    assert_eq!(
        advice.outcome,
        Some(AdviceOutcome::FavourableWithConditions)
    );
    assert_eq!(advice.fingerprint, fingerprint::fingerprint(&protocol));
    assert!(snapshot(&protocol, &advice.fingerprint).is_some());
    assert!(!advice_outdated(&protocol, 1));
    // A comment is not content.
    add_comment(
        &mut protocol,
        &dpo(),
        at(3),
        Step::Data,
        "",
        "Nog een vraag.",
    )
    .unwrap();
    assert!(!advice_outdated(&protocol, 1));
    // A content change is.
    protocol.retention = "Drie maanden.".into();
    assert!(advice_outdated(&protocol, 1));
    assert!(
        !advice_outdated(&protocol, 0),
        "no advice recorded for party 1"
    );
}

#[test]
fn an_approval_is_outdated_by_a_content_change() {
    let mut protocol = protocol();
    protocol.review.status = Status::Approved;
    protocol.review.approval = Some(crate::model::Approval {
        by: reviewer(),
        date: NaiveDate::from_ymd_opt(2026, 3, 20),
        fingerprint: fingerprint::fingerprint(&protocol),
        remark: String::new(),
    });
    assert!(is_approved(&protocol));
    assert!(status_text(&protocol).starts_with("Goedgekeurd door Bea Behandelaar"));
    protocol.parties.push(Party {
        signatories: vec![Signatory::default()],
        ..Party::default()
    });
    assert!(approval_outdated(&protocol));
    assert!(!is_approved(&protocol));
    assert_eq!(status_text(&protocol), "Ontwerp – gewijzigd na goedkeuring");
    assert!(matches!(
        transition(&mut protocol, Status::Signed, &reviewer(), at(21), ""),
        Err(TransitionError::Precondition(_))
    ));
}

/// Issue 18: "Ondertekend" is no button anyone can press: the plain transition is refused
/// with the way to do it, and only a verified, complete signed PDF of the approved text
/// makes the move, recording the signers and the file's SHA-256.
#[test]
fn only_a_verified_signed_pdf_of_the_approved_text_makes_the_protocol_signed() {
    let mut protocol = protocol();
    protocol.review.status = Status::Approved;
    let approved = fingerprint::fingerprint(&protocol);
    protocol.review.approval = Some(crate::model::Approval {
        by: reviewer(),
        date: NaiveDate::from_ymd_opt(2026, 3, 20),
        fingerprint: approved.clone(),
        remark: String::new(),
    });
    let refused = transition(&mut protocol, Status::Signed, &drafter(), at(21), "");
    assert!(
        matches!(&refused, Err(TransitionError::Precondition(reason)) if reason.contains("Ondertekend PDF controleren")),
        "{refused:?}"
    );
    let complete = SignedPdfEvidence {
        sha256: "cd".repeat(32),
        fingerprint: Some(approved.clone()),
        document: Some("protocol".to_string()),
        problems: Vec::new(),
        signers: vec![
            "A (Signature) (Citizen CA, 21-03-2026 00:00 UTC)".to_string(),
            "B (Signature) (Citizen CA, 21-03-2026 00:00 UTC)".to_string(),
        ],
        certificates: vec!["nagegaan tot Belgium Root CA6".to_string(); 2],
    };
    // One field empty: refused, naming it; nothing recorded.
    let mut incomplete = complete.clone();
    incomplete.problems = vec!["Het veld ‘B’ is niet ondertekend.".to_string()];
    let refused = sign_with_pdf(&mut protocol, &incomplete, "p.pdf", &drafter(), at(21));
    assert!(
        matches!(&refused, Err(TransitionError::Precondition(reason)) if reason.contains("‘B’ is niet ondertekend")),
        "{refused:?}"
    );
    // Another text: refused.
    let mut other = complete.clone();
    other.fingerprint = Some("0".repeat(64));
    assert!(sign_with_pdf(&mut protocol, &other, "p.pdf", &drafter(), at(21)).is_err());
    // Another document of the same content (an addendum's PDF for the protocol): refused.
    let mut addendum = complete.clone();
    addendum.document = Some("addendum 1".to_string());
    let refused = sign_with_pdf(&mut protocol, &addendum, "p.pdf", &drafter(), at(21));
    assert!(
        matches!(&refused, Err(TransitionError::Precondition(reason)) if reason.contains("te ondertekenen is ‘protocol’")),
        "{refused:?}"
    );
    // A DPO may not make the step.
    assert!(matches!(
        sign_with_pdf(&mut protocol, &complete, "p.pdf", &dpo(), at(21)),
        Err(TransitionError::WrongRole { .. })
    ));
    assert_eq!(protocol.review.status, Status::Approved);
    assert!(protocol.review.signed_pdf.is_none());

    sign_with_pdf(
        &mut protocol,
        &complete,
        "protocol ondertekend.pdf",
        &drafter(),
        at(22),
    )
    .unwrap();
    assert_eq!(protocol.review.status, Status::Signed);
    let record = protocol.review.signed_pdf.as_ref().unwrap();
    assert_eq!(record.sha256, "cd".repeat(32));
    assert_eq!(record.fingerprint, approved);
    assert_eq!(record.signers.len(), 2);
    assert_eq!(record.certificates[0], "nagegaan tot Belgium Root CA6");
    let entry = protocol.review.history.last().unwrap();
    assert!(
        entry.action.contains("‘protocol ondertekend.pdf’"),
        "{}",
        entry.action
    );
    assert!(entry.remark.contains(&"cd".repeat(32)), "{}", entry.remark);
    assert!(
        entry.remark.contains("A (Signature) (Citizen CA"),
        "{}",
        entry.remark
    );
}

/// Regression guard: a file whose status is "Ondertekend" without an approval on record once
/// showed "Ontwerp – ondertekend", a status that contradicts itself.
#[test]
fn the_status_line_never_contradicts_itself() {
    let mut protocol = Protocol::default();
    for status in [Status::Approved, Status::Signed] {
        protocol.review.status = status;
        assert_eq!(status_text(&protocol), "Ontwerp – zonder goedkeuring");
    }
    protocol.review.status = Status::WithDpo;
    assert_eq!(status_text(&protocol), "Ontwerp – ter advies bij DPO");
}
