//! Issue 17 §3 and §4 in the app: *Bestand › Indienpakket maken…* refuses a protocol with
//! errors in a dialog that lists them and offers a draft package, which is then written with
//! ONTWERP in its name; a clean protocol's package and *Bestand › Verwerkingsregister
//! exporteren (Excel)…* are written through the built-in file dialog, on the worker, with a
//! notice.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use protocolwijzer::app::ProtocolApp;
use protocolwijzer::model::Protocol;
use protocolwijzer::{file, package, template};

/// The app on `protocol`, saved as `name` in `dir` (so the file dialog lists `dir`), with the
/// built-in file dialog.
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

/// Opens *Bestand* and clicks `item`.
fn menu(harness: &mut Harness<'_, ProtocolApp>, item: &str) {
    harness.get_by_label("Bestand").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
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

/// Types `name` into the built-in dialog's file name field and saves.
fn save_as(harness: &mut Harness<'_, ProtocolApp>, name: Option<&str>) {
    if let Some(name) = name {
        harness.get_by_label("Bestandsnaam:").click();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.get_by_label("Bestandsnaam:").type_text(name);
        harness.run();
    }
    harness.get_by_label("Opslaan").click_accesskit();
    // The worker writes the file; the spinner keeps repainting meanwhile.
    harness.step();
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn zips_in(dir: &Path) -> Vec<PathBuf> {
    let mut zips: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "zip"))
        .collect();
    zips.sort();
    zips
}

#[test]
fn a_protocol_with_errors_is_refused_with_the_errors_and_can_be_packaged_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = harness_on(&protocol, dir.path(), "nieuw.ron");
    let errors: Vec<_> = harness
        .state()
        .findings()
        .iter()
        .filter(|finding| finding.severity == protocolwijzer::check::Severity::Fout)
        .cloned()
        .collect();
    assert!(!errors.is_empty());

    menu(&mut harness, "Indienpakket maken…");
    assert!(
        harness
            .query_by_label("Indienpakket nog niet mogelijk")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(&format!("De controle vindt nog {} fouten", errors.len()))
            .is_some()
    );
    // Each error is listed with its step.
    let first = &errors[0];
    assert!(
        harness
            .query_by_label_contains(&format!(
                "Stap {} · {}: {}",
                first.step.number(),
                first.step.title(),
                first.message
            ))
            .is_some(),
        "the first error is listed"
    );
    assert!(zips_in(dir.path()).is_empty(), "nothing written yet");

    harness
        .get_by_label("Ontwerppakket maken (ONTWERP)")
        .click_accesskit();
    harness.run();
    // The file dialog suggests the draft package's own name; a name typed without ONTWERP
    // still gets it.
    let suggested = package::file_name(&protocol, today(), true);
    assert!(suggested.ends_with(" ONTWERP.zip"), "{suggested}");
    assert_eq!(
        harness.get_by_label("Bestandsnaam:").value().as_deref(),
        Some(suggested.as_str())
    );
    save_as(&mut harness, Some("voor de DPO"));
    wait_for(&mut harness, "Indienpakket (ONTWERP) opgeslagen");
    let written = dir.path().join("voor de DPO ONTWERP.zip");
    assert_eq!(zips_in(dir.path()), std::slice::from_ref(&written));
    let bytes = std::fs::read(&written).unwrap();
    let (name, text) = package::read_protocol(&bytes).unwrap();
    assert_eq!(name, "Protocol nieuw.ron");
    assert_eq!(file::from_str(&text, Path::new(&name)).unwrap(), protocol);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut contents = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("inhoud.txt").unwrap(), &mut contents)
        .unwrap();
    assert!(
        contents.contains("Soort pakket: ONTWERPPAKKET"),
        "{contents}"
    );
}

#[test]
fn a_clean_protocol_is_packaged_under_its_own_name_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let mut harness = harness_on(&protocol, dir.path(), "Voorbeeldegem.ron");
    menu(&mut harness, "Indienpakket maken…");
    assert!(
        harness
            .query_by_label("Indienpakket nog niet mogelijk")
            .is_none()
    );
    assert!(
        harness.query_by_label("Indienpakket maken").is_some(),
        "the file dialog"
    );
    save_as(&mut harness, None);
    wait_for(&mut harness, "Indienpakket opgeslagen: ");
    let expected = dir
        .path()
        .join(package::file_name(&protocol, today(), false));
    assert_eq!(zips_in(dir.path()), std::slice::from_ref(&expected));
    assert!(
        harness
            .query_by_label_contains(&expected.display().to_string())
            .is_some(),
        "the notice names the file"
    );
    let bytes = std::fs::read(&expected).unwrap();
    let findings = protocolwijzer::check::check(
        &protocol,
        &protocolwijzer::check::Context { today: today() },
    );
    let built = package::build(&protocol, &findings, today(), false).unwrap();
    assert_eq!(bytes, built.bytes, "the app writes what the library makes");
    assert_eq!(built.entries.len(), 7);
}

#[test]
fn the_register_is_exported_as_excel_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let mut harness = harness_on(&protocol, dir.path(), "Voorbeeldegem.ron");
    menu(&mut harness, "Verwerkingsregister exporteren (Excel)…");
    assert_eq!(
        harness.get_by_label("Bestandsnaam:").value().as_deref(),
        Some(protocolwijzer::app::commands::register_file_name(&protocol, today()).as_str())
    );
    save_as(&mut harness, Some("register"));
    wait_for(&mut harness, "Verwerkingsregister opgeslagen: ");
    let written = std::fs::read(dir.path().join("register.xlsx")).unwrap();
    assert_eq!(written, protocolwijzer::register::xlsx(&protocol).unwrap());
}
