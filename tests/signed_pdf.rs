//! Issue 18 §1: a signed PDF that comes back is verified. Our exported PDF is signed in turn in
//! every field by a real signing tool (pyHanko from PyPI, with a self-made test CA: an RSA 2048
//! and an ECDSA P-384 signer, as Belgian eID cards have) and verified after each signature;
//! then tampered with: a byte of text changed after signing, a page added in an increment, a
//! signature copied from another file, a field left empty. Each gets the right verdict.
#![allow(clippy::unwrap_used)]

mod common;

use common::signing::{
    FIXTURE, TEST_ROOT, export, pyhanko_available, python, sign, signed_in_turn, verify,
};
use protocolwijzer::model::{Person, Role, Status};
use protocolwijzer::review;
use protocolwijzer::signature::{self, Roots, TextMatch, Trust, Validity};
use sha2::Digest;

#[test]
fn every_field_signed_in_turn_verifies_after_each_signature() {
    if !pyhanko_available() {
        return;
    }
    let protocol = common::fixture(FIXTURE);
    let signed = signed_in_turn(None);
    let count = signed.fields.len();
    for (signatures, version) in signed.versions.iter().enumerate() {
        let report = verify(version, &signed.roots, Some(&protocol));
        assert_eq!(report.revisions, signatures + 1, "{:#?}", report.lines());
        assert!(report.changes.is_empty(), "{:#?}", report.lines());
        assert_eq!(report.text, TextMatch::Approved);
        assert_eq!(
            report
                .identity
                .as_ref()
                .map(|identity| identity.kind.as_str()),
            Some("protocol")
        );
        for (index, field) in report.fields.iter().enumerate() {
            assert_eq!(field.name, signed.fields[index]);
            let Some(signature) = &field.signature else {
                assert!(
                    index >= signatures,
                    "field {index} empty after {signatures}"
                );
                continue;
            };
            assert!(index < signatures);
            let ecdsa = index % 2 == 1;
            assert_eq!(
                signature.signer,
                if ecdsa {
                    "An Janssens (Signature)"
                } else {
                    "Jan Peeters (Signature)"
                }
            );
            assert_eq!(signature.issuer, "Protocolwijzer Test Citizen CA");
            let Validity::Valid { algorithm } = &signature.validity else {
                panic!("{:#?}", report.lines());
            };
            assert!(
                algorithm.starts_with(if ecdsa { "ECDSA P-384" } else { "RSA 2048" }),
                "{algorithm}"
            );
            assert_eq!(
                signature.trust,
                Trust::Chained {
                    root: TEST_ROOT.to_string()
                }
            );
            assert_eq!(signature.revision, Some(index + 1));
            assert!(signature.signing_time.is_some());
        }
        assert_eq!(report.is_complete(), signatures == count);
        assert_eq!(report.reasons_not_signed().is_empty(), signatures == count);
    }

    let complete = signed.versions.last().unwrap();
    // pyHanko's own validator agrees: every signature intact and valid.
    let verdicts = python(&["validate", &complete.to_string_lossy()]);
    assert_eq!(
        verdicts.matches("intact=True valid=").count(),
        count,
        "{verdicts}"
    );
    // Without the test root the signatures are still valid, but the certificates are not
    // trusted (the Belgian eID roots do not issue them), or not checked at all.
    let eid_only = verify(complete, &Roots::belgian_eid(), None);
    assert!(eid_only.is_complete());
    let first = eid_only.fields[0].signature.as_ref().unwrap();
    assert!(
        matches!(&first.trust, Trust::Untrusted(reason) if reason.contains("Belgium Root CA4"))
    );
    let unchecked = verify(complete, &Roots::none(), None);
    assert_eq!(
        unchecked.fields[0].signature.as_ref().unwrap().trust,
        Trust::NotChecked
    );
    assert!(
        unchecked
            .lines()
            .iter()
            .any(|line| line.contains("handtekening geldig")
                && line.contains("certificaat niet nagegaan")),
        "{:#?}",
        unchecked.lines()
    );
    // The CLI says the same, with exit code 0.
    let output = common::protocolwijzer(&[
        "verify",
        &complete.to_string_lossy(),
        "--protocol",
        &common::fixture_path(FIXTURE).to_string_lossy(),
        "--roots",
        &signed.folder.path().join("roots").to_string_lossy(),
    ]);
    let stdout = common::stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("Besluit: volledig en geldig ondertekend."),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("certificaat nagegaan tot {TEST_ROOT}")),
        "{stdout}"
    );
    assert!(
        stdout.contains("Tekst: de goedgekeurde tekst van dit protocol"),
        "{stdout}"
    );

    // Only the complete, verified signed PDF moves the approved protocol to "Ondertekend",
    // with the signers and the file's SHA-256 in the history.
    let mut protocol = protocol;
    let drafter = Person {
        name: "An Opsteller".to_string(),
        role: Role::Drafter,
        organisation: "Gemeente Voorbeeldegem".to_string(),
    };
    let when = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
        .and_then(|date| date.and_hms_opt(10, 0, 0))
        .unwrap();
    let partial = verify(&signed.versions[count - 1], &signed.roots, Some(&protocol));
    let refused = review::sign_with_pdf(
        &mut protocol,
        &partial.evidence(),
        "deels.pdf",
        &drafter,
        when,
    );
    assert!(
        matches!(&refused, Err(review::TransitionError::Precondition(reason)) if reason.contains("niet ondertekend")),
        "{refused:?}"
    );
    assert_eq!(protocol.review.status, Status::Approved);
    let report = verify(complete, &signed.roots, Some(&protocol));
    review::sign_with_pdf(
        &mut protocol,
        &report.evidence(),
        "protocol ondertekend.pdf",
        &drafter,
        when,
    )
    .unwrap();
    assert_eq!(protocol.review.status, Status::Signed);
    let record = protocol.review.signed_pdf.as_ref().unwrap();
    let bytes = std::fs::read(complete).unwrap();
    let sha256: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    assert_eq!(record.sha256, sha256);
    assert_eq!(record.signers.len(), count);
    assert!(
        record.signers[1].starts_with("An Janssens (Signature) (Protocolwijzer Test Citizen CA, ")
    );
    assert_eq!(record.certificates[0], format!("nagegaan tot {TEST_ROOT}"));
    let entry = protocol.review.history.last().unwrap();
    assert!(entry.remark.contains(&sha256), "{}", entry.remark);
}

#[test]
fn tampering_gets_the_right_verdict() {
    if !pyhanko_available() {
        return;
    }
    let protocol = common::fixture(FIXTURE);
    let signed = signed_in_turn(None);
    let complete = std::fs::read(signed.versions.last().unwrap()).unwrap();
    let folder = signed.folder.path();

    // 1. A byte of text changed after signing: the document title in the export's XMP.
    let mut changed = complete.clone();
    let marker = b"<rdf:li xml:lang=\"x-default\">Protocol";
    let at = changed
        .windows(marker.len())
        .position(|window| window == marker)
        .expect("the title in the XMP")
        + marker.len()
        - 1;
    changed[at] = b'p';
    let report = signature::verify(&changed, &signed.roots, Some(&protocol)).unwrap();
    for field in &report.fields {
        let signature = field.signature.as_ref().unwrap();
        assert!(
            matches!(&signature.validity, Validity::Invalid(reason) if reason.contains("gewijzigd")),
            "{:#?}",
            report.lines()
        );
    }
    assert!(!report.is_complete());

    // 2. A page added in an increment after the last signature.
    let added = folder.join("pagina-toegevoegd.pdf");
    python(&[
        "add-page",
        &signed.versions.last().unwrap().to_string_lossy(),
        &added.to_string_lossy(),
    ]);
    let report = verify(&added, &signed.roots, Some(&protocol));
    assert!(
        report.fields.iter().all(|field| matches!(
            field
                .signature
                .as_ref()
                .map(|signature| &signature.validity),
            Some(Validity::Valid { .. })
        )),
        "the signatures themselves still hold: {:#?}",
        report.lines()
    );
    assert!(
        report
            .changes
            .iter()
            .any(|change| change.description == "er werd 1 pagina toegevoegd"
                && change.after_signature.as_deref() == signed.fields.last().map(String::as_str)),
        "{:#?}",
        report.lines()
    );
    assert!(!report.is_complete());
    assert!(!report.reasons_not_signed().is_empty());

    // 3. A signature copied from another file: the first signature of another export (the
    // same protocol with a changed title) put in this file's first signature.
    let mut other_protocol = protocol.clone();
    other_protocol.title.short_title = "Een ander protocol".to_string();
    let other_file = folder.join("ander.ron");
    protocolwijzer::file::save(&other_file, &other_protocol).unwrap();
    let other_pdf = folder.join("ander.pdf");
    export(&other_file, &other_pdf);
    let other_signed = folder.join("ander-ondertekend.pdf");
    sign(folder, &other_pdf, &other_signed, &signed.fields[0], false);
    let other_bytes = std::fs::read(&other_signed).unwrap();
    let first_signed = std::fs::read(&signed.versions[1]).unwrap();
    let mut copied = first_signed.clone();
    let (own_gap, other_gap) = (contents_gap(&first_signed), contents_gap(&other_bytes));
    let other_hex = other_bytes[other_gap.0 + 1..other_gap.1 - 1].to_vec();
    let slot = own_gap.1 - own_gap.0 - 2;
    let trimmed: Vec<u8> = other_hex
        .iter()
        .copied()
        .take(slot)
        .chain(std::iter::repeat(b'0'))
        .take(slot)
        .collect();
    copied[own_gap.0 + 1..own_gap.1 - 1].copy_from_slice(&trimmed);
    let report = signature::verify(&copied, &signed.roots, Some(&protocol)).unwrap();
    let first = report.fields[0].signature.as_ref().unwrap();
    assert!(
        matches!(&first.validity, Validity::Invalid(reason) if reason.contains("ander bestand")),
        "{:#?}",
        report.lines()
    );

    // 4. A field left empty.
    let partly = signed_in_turn(Some(signed.fields.len() - 1));
    let report = verify(
        partly.versions.last().unwrap(),
        &partly.roots,
        Some(&protocol),
    );
    let last = signed.fields.last().unwrap();
    assert!(report.fields.last().unwrap().signature.is_none());
    assert_eq!(
        report.problems(),
        vec![format!("Het veld ‘{last}’ is niet ondertekend.")]
    );
    let output =
        common::protocolwijzer(&["verify", &partly.versions.last().unwrap().to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(common::stdout(&output).contains(&format!("{last}: niet ondertekend")));
}

#[test]
fn the_signed_text_is_compared_with_the_protocol() {
    if !pyhanko_available() {
        return;
    }
    let signed = signed_in_turn(None);
    let complete = signed.versions.last().unwrap();
    let protocol = common::fixture(FIXTURE);
    // Changed after the approval.
    let mut changed = protocol.clone();
    changed.title.short_title = "Gewijzigd na de goedkeuring".to_string();
    assert_eq!(
        verify(complete, &signed.roots, Some(&changed)).text,
        TextMatch::ProtocolChangedSince
    );
    // Another protocol altogether.
    let other = common::fixture("vutg-opgroeien-2025.ron");
    let report = verify(complete, &signed.roots, Some(&other));
    assert_eq!(report.text, TextMatch::Different);
    assert!(
        report.is_complete(),
        "the signatures are fine in themselves"
    );
    assert!(
        report
            .reasons_not_signed()
            .iter()
            .any(|reason| reason.contains("vingerafdruk verschilt"))
    );
}

/// The `<…>` of the last signature's `/Contents` in `bytes`: (start of `<`, after `>`).
fn contents_gap(bytes: &[u8]) -> (usize, usize) {
    let key = b"/ByteRange";
    let at = bytes
        .windows(key.len())
        .rposition(|window| window == key)
        .expect("a signature");
    let open = at + bytes[at..].iter().position(|byte| *byte == b'[').unwrap();
    let close = open + bytes[open..].iter().position(|byte| *byte == b']').unwrap();
    let numbers: Vec<usize> = String::from_utf8_lossy(&bytes[open + 1..close])
        .split_whitespace()
        .map(|number| number.parse().unwrap())
        .collect();
    (numbers[1], numbers[2])
}

#[test]
fn the_website_publishes_only_a_validly_signed_pdf_beside_the_accessible_one() {
    if !pyhanko_available() {
        return;
    }
    let signed = signed_in_turn(None);
    let count = signed.fields.len();
    let source = tempfile::tempdir().unwrap();
    let site = tempfile::tempdir().unwrap();
    for name in ["Voorbeeldegem", "Half"] {
        std::fs::copy(
            common::fixture_path(FIXTURE),
            source.path().join(format!("{name}.ron")),
        )
        .unwrap();
    }
    std::fs::copy(
        &signed.versions[count],
        source.path().join("Voorbeeldegem ondertekend.pdf"),
    )
    .unwrap();
    std::fs::copy(
        &signed.versions[count - 1],
        source.path().join("Half ondertekend.pdf"),
    )
    .unwrap();
    let output = common::protocolwijzer(&[
        "website",
        &source.path().to_string_lossy(),
        "-o",
        &site.path().to_string_lossy(),
        "--today",
        "2026-12-04",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    // The complete one is published as it is, beside the accessible PDF.
    assert_eq!(
        std::fs::read(site.path().join("Voorbeeldegem ondertekend.pdf")).unwrap(),
        std::fs::read(&signed.versions[count]).unwrap()
    );
    assert!(site.path().join("Voorbeeldegem.pdf").is_file());
    let index = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    assert!(
        index.contains(
            "href=\"Voorbeeldegem%20ondertekend.pdf\" type=\"application/pdf\">ondertekende PDF"
        ),
        "{index}"
    );
    // The one with a field still empty is not, and the user is told why.
    assert!(!site.path().join("Half ondertekend.pdf").exists());
    assert!(site.path().join("Half.pdf").is_file());
    let warned = common::stderr(&output);
    assert!(
        warned.contains("Half ondertekend.pdf") && warned.contains("is niet ondertekend"),
        "{warned}"
    );
}
