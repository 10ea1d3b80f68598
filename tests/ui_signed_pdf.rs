//! Issue 18 §1 in the app (egui_kittest): the Beoordeling tab has no plain "Naar
//! ‘Ondertekend’" button; *Ondertekend PDF controleren…* verifies the signed PDF, shows each
//! field's signature, and only for a complete, valid signed PDF of the approved text offers
//! the step to "Ondertekend", which records the file in the history.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::signing::{FIXTURE, TEST_ROOT, pyhanko_available, signed_in_turn};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use protocolwijzer::app::{ProtocolApp, Settings};
use protocolwijzer::model::{Person, Role, Status};

/// Steps frames until a label containing `text` shows (the verification runs on a worker).
fn wait_for(harness: &mut Harness<'_, ProtocolApp>, text: &str) {
    for _ in 0..500 {
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no label containing ‘{text}’");
}

fn verify(harness: &mut Harness<'_, ProtocolApp>, path: &Path) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .verify_signed_pdf(&ctx, Some(path.to_path_buf()));
}

#[test]
fn the_signed_pdf_is_verified_and_only_a_complete_one_makes_the_protocol_signed() {
    if !pyhanko_available() {
        return;
    }
    let signed = signed_in_turn(None);
    let fields = signed.fields.len();
    let partial = signed.versions[fields - 1].clone();
    let complete = signed.versions[fields].clone();

    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(dir.path().to_path_buf());
    settings.user = Person {
        name: "An Opsteller".into(),
        role: Role::Drafter,
        organisation: "Gemeente Voorbeeldegem".into(),
    };
    settings.write(None).unwrap();
    // The test CA is trusted through the settings folder's "vertrouwde certificaten".
    let trusted = dir.path().join("vertrouwde certificaten");
    std::fs::create_dir_all(&trusted).unwrap();
    std::fs::copy(
        signed.folder.path().join("ca/root.pem"),
        trusted.join("test-root.pem"),
    )
    .unwrap();

    let protocol = common::fixture(FIXTURE);
    assert_eq!(protocol.review.status, Status::Approved);
    let settings_dir = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1100.0))
        .with_max_steps(16)
        .build_eframe(move |_cc| {
            let mut app = ProtocolApp::new(protocol, None, settings_dir);
            app.set_inline_checks(true);
            app
        });
    harness.run();
    harness.get_by_label("Beoordeling").click();
    harness.run();
    assert!(harness.query_by_label("Naar ‘Ondertekend’").is_none());
    harness.get_by_label("Ondertekend PDF controleren…");

    // One field still empty: the report says which, and there is no step to "Ondertekend".
    verify(&mut harness, &partial);
    wait_for(&mut harness, "Niet volledig of niet geldig ondertekend");
    harness.run();
    let last = signed.fields.last().unwrap();
    harness.get_by_label(&format!("⛔ {last}: niet ondertekend"));
    assert_eq!(
        harness
            .get_all_by_label_contains(&format!("certificaat nagegaan tot {TEST_ROOT}"))
            .count(),
        fields - 1
    );
    assert!(
        harness
            .query_by_label("Status op ‘Ondertekend’ zetten")
            .is_none()
    );
    assert_eq!(harness.state().protocol().review.status, Status::Approved);

    // Complete: the step is offered, and taken.
    verify(&mut harness, &complete);
    wait_for(
        &mut harness,
        "Volledig en geldig ondertekend; het is de goedgekeurde tekst.",
    );
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("ondertekend door An Janssens (Signature)")
            .next()
            .is_some()
    );
    harness
        .get_by_label("Status op ‘Ondertekend’ zetten")
        .click();
    harness.run();
    let review = &harness.state().protocol().review;
    assert_eq!(review.status, Status::Signed);
    let record = review.signed_pdf.as_ref().unwrap();
    assert_eq!(
        record.file_name,
        complete.file_name().unwrap().to_string_lossy()
    );
    assert_eq!(record.signers.len(), fields);
    assert!(
        review
            .history
            .last()
            .unwrap()
            .action
            .contains("met het ondertekende PDF-bestand")
    );
    assert!(harness.state().is_dirty(), "a change to save");
    harness.get_by_label_contains("Ondertekend met ‘");
}
