//! Issue 18 §3 in the app (egui_kittest): on a signed protocol the Beoordeling tab offers
//! "Wijziging (addendum) opstellen"; after it the protocol is a concept again, the tab says
//! which addendum is in the making, and Bestand offers the addendum's export.
#![allow(clippy::unwrap_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use protocolwijzer::app::{ProtocolApp, Settings};
use protocolwijzer::model::{Person, Role, Status};

fn disabled(harness: &Harness<'_, ProtocolApp>, label: &str) -> bool {
    let entry = harness.get_by_label(label);
    egui_kittest::kittest::NodeT::accesskit_node(&entry).is_disabled()
}

#[test]
fn a_signed_protocol_is_amended_from_the_review_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(dir.path().to_path_buf());
    settings.user = Person {
        name: "An Opsteller".into(),
        role: Role::Drafter,
        organisation: "Gemeente Voorbeeldegem".into(),
    };
    settings.write(None).unwrap();
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    protocol.review.status = Status::Signed;
    let settings_dir = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .with_max_steps(16)
        .build_eframe(move |_cc| {
            let mut app = ProtocolApp::new(protocol, None, settings_dir);
            app.set_inline_checks(true);
            app
        });
    harness.run();
    harness.get_by_label("Beoordeling").click();
    harness.run();
    // Nothing to export as an addendum yet.
    harness.get_by_label("Bestand").click();
    harness.run();
    assert!(disabled(&harness, "Addendum exporteren als PDF…"));
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness
        .get_by_label("Wijziging (addendum) opstellen")
        .click();
    harness.run();
    let review = &harness.state().protocol().review;
    assert_eq!(review.status, Status::Draft);
    let amendment = review.amendment.as_ref().unwrap();
    assert_eq!(amendment.number, 1);
    assert!(harness.state().is_dirty(), "a change to save");
    harness.get_by_label("Addendum 1 in opmaak");
    assert!(
        harness
            .query_by_label("Wijziging (addendum) opstellen")
            .is_none()
    );
    harness.get_by_label("Bestand").click();
    harness.run();
    assert!(!disabled(&harness, "Addendum exporteren als PDF…"));
}
