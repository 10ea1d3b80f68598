//! Issue 18 §2 in the app: *Bestand › Publicatieversie exporteren (PDF, toegankelijk)…*
//! suggests "<naam> publicatie.pdf" in the built-in file dialog and writes the tagged
//! publication PDF (no signature fields) on the worker; the export dialog names it.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use protocolwijzer::app::ProtocolApp;
use protocolwijzer::file;
use protocolwijzer::model::Protocol;

/// The app on `protocol`, saved as `name` in `dir`, with the built-in file dialog.
fn harness_on(protocol: &Protocol, dir: &Path, name: &str) -> Harness<'static, ProtocolApp> {
    let path = dir.join(name);
    file::save(&path, protocol).unwrap();
    let settings = dir.join("instellingen");
    let protocol = protocol.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .build_eframe(move |_cc| {
            let mut app = ProtocolApp::new(protocol, Some(path), settings);
            app.set_inline_checks(true);
            app.use_builtin_file_dialog();
            app
        });
    harness.run();
    harness
}

/// Steps the harness until a label containing `text` shows (the worker is done).
fn wait_for(harness: &mut Harness<'_, ProtocolApp>, text: &str) {
    for _ in 0..1000 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let shown: Vec<String> = harness
        .query_all_by_role(Role::Label)
        .filter_map(|node| node.value())
        .collect();
    panic!("‘{text}’ did not appear; shown: {shown:?}");
}

#[test]
fn the_file_menu_exports_the_publication_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = common::fixture("zeven-partijen.ron");
    let mut harness = harness_on(&protocol, dir.path(), "Vijfdorpen.ron");
    harness.get_by_label("Bestand").click();
    harness.run();
    harness
        .get_by_label("Publicatieversie exporteren (PDF, toegankelijk)…")
        .click();
    harness.run();
    // A protocol the check finds errors in is exported as ONTWERP after a question.
    if harness.query_by_label("Ontwerp exporteren?").is_some() {
        harness.get_by_label("Toch exporteren…").click_accesskit();
        harness.run();
    }
    assert_eq!(
        harness.get_by_label("Bestandsnaam:").value().as_deref(),
        Some("Vijfdorpen publicatie.pdf")
    );
    harness.get_by_label("Opslaan").click_accesskit();
    harness.step();
    wait_for(
        &mut harness,
        "PDF-document (toegankelijk, PDF/A) is opgeslagen",
    );
    let written = dir.path().join("Vijfdorpen publicatie.pdf");
    let pdf = lopdf::Document::load(&written).unwrap();
    let catalog = pdf.catalog().unwrap();
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    assert!(catalog.get(b"AcroForm").is_err());
}
