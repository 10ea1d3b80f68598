//! Issue 17 §1, the Inzendingen view driven headless like a behandelaar would (egui_kittest):
//! a folder of five submissions, one unreadable; sort by status, filter on errors, open one in
//! the wizard and come back to the list as it was; a file changed on disk updates its row.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use protocolwijzer::app::{Command, ProtocolApp};
use protocolwijzer::check::Context;
use protocolwijzer::desk::{self, Submission};
use protocolwijzer::model::Status;
use protocolwijzer::template;

fn folder_of_five() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("2026")).unwrap();
    for (name, to) in [
        ("opgroeien-gemeente-ingevuld.ron", "Voorbeeldegem.ron"),
        ("zeven-partijen.ron", "Vijfdorpen.ron"),
        ("uitbetalingsactoren.ron", "2026/Uitbetalingsactoren.ron"),
    ] {
        std::fs::copy(common::fixture_path(name), folder.path().join(to)).unwrap();
    }
    // A draft with an error: the drafting party's KBO number not filled in yet.
    let mut unfinished = common::fixture("agodi-kind-en-gezin.ron");
    unfinished.parties[0].kbo.clear();
    protocolwijzer::file::save(&folder.path().join("AgODi.ron"), &unfinished).unwrap();
    std::fs::write(
        folder.path().join("Kapot.ron"),
        "(format_version: 1, parties: [",
    )
    .unwrap();
    folder
}

fn harness(settings: &std::path::Path) -> Harness<'static, ProtocolApp> {
    let settings = settings.to_path_buf();
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 900.0))
        .with_max_steps(16)
        .build_eframe(move |_cc| {
            let mut app = ProtocolApp::new(protocol, None, settings);
            app.use_builtin_file_dialog();
            app
        });
    harness.run();
    harness
}

/// Steps the harness until `done` holds (the desk reads on worker threads, the watcher
/// reports in its own time).
fn step_until(
    harness: &mut Harness<'_, ProtocolApp>,
    what: &str,
    done: impl Fn(&Harness<'_, ProtocolApp>) -> bool,
) {
    for _ in 0..600 {
        if done(harness) {
            return;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{what} did not happen");
}

/// The label of a row's first cell: "<gemeente> · <titel>".
fn row_label(row: &Submission) -> String {
    let summary = row.content.as_ref().unwrap();
    format!("{} · {}", summary.municipality, summary.title)
}

fn top_of(harness: &Harness<'_, ProtocolApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().top()
}

#[test]
fn a_behandelaar_sorts_filters_opens_a_submission_and_comes_back() {
    let folder = folder_of_five();
    let settings = tempfile::tempdir().unwrap();
    let rows = desk::read_all(folder.path(), &Context::today(), 2, &|_, _| {});
    let row = |name: &str| rows.iter().find(|row| row.name == name).unwrap();
    let municipal = row("Voorbeeldegem.ron");
    let signed = row("Vijfdorpen.ron");
    let draft = row("2026/Uitbetalingsactoren.ron");

    let mut harness = harness(settings.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .open_desk(&ctx, folder.path().to_path_buf());
    step_until(&mut harness, "the first reading", |harness| {
        !harness.state().desk_is_loading()
    });
    harness.run();
    assert!(harness.state().is_showing_desk());
    // Five rows: the unreadable one with its error, the others by gemeente and title.
    harness.get_by_label("⚠ Onleesbaar: Kapot.ron");
    harness.get_by_label_contains("regel 1");
    for each in [municipal, signed, draft, row("AgODi.ron")] {
        harness.get_by_label(&row_label(each));
    }
    harness.get_by_label_contains("5 inzendingen, waarvan 1 onleesbaar");

    // Sort by status: the unreadable file first, then the workflow's order.
    harness.get_by_label("Status").click();
    harness.run();
    harness.get_by_label("⬆");
    let unreadable = top_of(&harness, "⚠ Onleesbaar: Kapot.ron");
    let (draft_top, approved_top, signed_top) = (
        top_of(&harness, &row_label(draft)),
        top_of(&harness, &row_label(municipal)),
        top_of(&harness, &row_label(signed)),
    );
    assert!(unreadable < draft_top, "{unreadable} < {draft_top}");
    assert!(draft_top < approved_top && approved_top < signed_top);
    // Again: high to low, the unreadable file still first.
    harness.get_by_label("Status").click();
    harness.run();
    harness.get_by_label("⬇");
    assert!(top_of(&harness, &row_label(signed)) < top_of(&harness, &row_label(draft)));
    assert!(top_of(&harness, "⚠ Onleesbaar: Kapot.ron") < top_of(&harness, &row_label(signed)));

    // Filter on errors: who has none goes, the unreadable file stays.
    let with_errors: Vec<&Submission> = rows
        .iter()
        .filter(|row| row.content.as_ref().is_ok_and(|summary| summary.errors > 0))
        .collect();
    let without: Vec<&Submission> = rows
        .iter()
        .filter(|row| {
            row.content
                .as_ref()
                .is_ok_and(|summary| summary.errors == 0)
        })
        .collect();
    assert!(
        !with_errors.is_empty() && !without.is_empty(),
        "the fixtures have both"
    );
    harness.get_by_label("Alleen met fouten").click();
    harness.run();
    for each in &with_errors {
        harness.get_by_label(&row_label(each));
    }
    for each in &without {
        assert!(harness.query_by_label(&row_label(each)).is_none());
    }
    harness.get_by_label("⚠ Onleesbaar: Kapot.ron");
    harness.get_by_label("Filter wissen").click();
    harness.run();

    // Open the municipality's submission in the wizard…
    harness.get_by_label(&row_label(municipal)).click();
    harness.run();
    harness.get_by_label("Openen").click();
    step_until(&mut harness, "the submission opened", |harness| {
        harness.state().path() == Some(municipal.path.as_path())
    });
    harness.run();
    assert!(!harness.state().is_showing_desk());
    assert_eq!(harness.state().protocol().review.status, Status::Approved);
    // …and come back to the list as it was left: sorted by status, high to low.
    harness.get_by_label("◀ Inzendingen").click();
    harness.run();
    assert!(harness.state().is_showing_desk());
    harness.get_by_label("⬇");
    assert!(top_of(&harness, &row_label(signed)) < top_of(&harness, &row_label(draft)));
    // The selection is kept: "Openen" acts on it at once.
    harness.get_by_label("Openen").click();
    step_until(
        &mut harness,
        "the selected submission opened again",
        |harness| !harness.state().is_showing_desk(),
    );
    harness.state_mut().run_command(&ctx, Command::ShowDesk);
    harness.run();

    // A file changed on disk updates its row, without losing the selection or the order.
    assert!(harness.query_by_label("Ingediend bij Opgroeien").is_none());
    let mut protocol = protocolwijzer::file::load(&draft.path).unwrap();
    protocol.review.status = Status::Submitted;
    protocolwijzer::file::save(&draft.path, &protocol).unwrap();
    step_until(&mut harness, "the changed row", |harness| {
        harness.query_by_label("Ingediend bij Opgroeien").is_some()
    });
    harness.get_by_label("⬇");
}

/// The folder is chosen in the built-in dialog (desktops without the system's), and the table
/// is saved as an Excel sheet from its button; the message says where.
#[test]
fn the_folder_is_chosen_in_a_dialog_and_the_overview_is_saved_as_excel() {
    let folder = folder_of_five();
    let settings = tempfile::tempdir().unwrap();
    let mut harness = harness(settings.path());
    let ctx = harness.ctx.clone();
    harness.state_mut().run_command(&ctx, Command::OpenDesk);
    harness.run();
    assert!(harness.query_by_label("Inzendingen openen").is_some());
    harness.get_by_label("Map:").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Map:")
        .type_text(folder.path().to_str().unwrap());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    // The folder's submissions are listed in the dialog; the folder itself is what is chosen.
    harness.get_by_label("📄 Voorbeeldegem.ron");
    harness.get_by_label("Deze map openen").click_accesskit();
    // The spinner turns while the folder is read: steps, not a settled run.
    harness.step();
    step_until(&mut harness, "the folder read", |harness| {
        harness.state().is_showing_desk() && !harness.state().desk_is_loading()
    });
    harness.run();
    harness.get_by_label_contains("5 inzendingen");

    harness.get_by_label("Overzicht als Excel…").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Overzicht als Excel bewaren")
            .is_some()
    );
    harness.get_by_label("Opslaan").click_accesskit();
    // The worker writes the sheet with a spinner turning: steps, not a settled run.
    harness.step();
    let today = chrono::Local::now().date_naive();
    let sheet = folder.path().join(format!(
        "Inzendingen {}.xlsx",
        protocolwijzer::dutch::dutch_long(today)
    ));
    step_until(&mut harness, "the sheet written", |_| sheet.is_file());
    step_until(&mut harness, "the message", |harness| {
        harness
            .query_by_label_contains("Het overzicht is bewaard als")
            .is_some()
    });
    let bytes = std::fs::read(&sheet).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains(r#"<autoFilter ref="A1:L6""#), "{xml}");
    // A sheet in the folder is no submission: still five rows.
    harness.get_by_label_contains("5 inzendingen");
}

/// A submission package opens in the wizard from the table: the protocol inside it, without a
/// file of its own (saving asks for a place; the package is never written to).
#[test]
fn a_package_opens_in_place_and_stays_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let settings = tempfile::tempdir().unwrap();
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let findings = protocolwijzer::check::check(&protocol, &Context::today());
    let package =
        protocolwijzer::package::build(&protocol, &findings, Context::today().today, false)
            .unwrap();
    let zip_path = folder.path().join(&package.file_name);
    std::fs::write(&zip_path, &package.bytes).unwrap();
    let rows = desk::read_all(folder.path(), &Context::today(), 1, &|_, _| {});

    let mut harness = harness(settings.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .open_desk(&ctx, folder.path().to_path_buf());
    step_until(&mut harness, "the first reading", |harness| {
        !harness.state().desk_is_loading()
    });
    harness.run();
    harness.get_by_label_contains(&format!("{} ›", package.file_name));
    harness.get_by_label(&row_label(&rows[0])).click();
    harness.run();
    harness.get_by_label("Openen").click();
    step_until(&mut harness, "the package opened", |harness| {
        !harness.state().is_showing_desk()
    });
    harness.run();
    assert_eq!(harness.state().protocol(), &protocol);
    assert_eq!(harness.state().path(), None);
    harness.get_by_label_contains("geopend uit het indienpakket");
    assert_eq!(std::fs::read(&zip_path).unwrap(), package.bytes);
}
