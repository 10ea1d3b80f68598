//! The wizard driven headless like a user would: by labels and roles (egui_kittest), asserting
//! on the model and on what the check panel shows.
#![allow(clippy::unwrap_used)]

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use protocolwijzer::app::ProtocolApp;
use protocolwijzer::model::Protocol;
use protocolwijzer::model::Step;
use protocolwijzer::template;

fn harness_with(protocol: Protocol, dir: &std::path::Path) -> Harness<'static, ProtocolApp> {
    harness_sized(protocol, dir, egui::vec2(1400.0, 900.0))
}

fn harness_sized(
    protocol: Protocol,
    dir: &std::path::Path,
    size: egui::Vec2,
) -> Harness<'static, ProtocolApp> {
    let dir = dir.to_path_buf();
    // Focusing a field far down a long form scrolls over several frames.
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .build_eframe(move |_cc| {
            let mut app = ProtocolApp::new(protocol, None, dir);
            // The tests assert on findings right after an edit: check on the UI thread then.
            // The worker path has its own tests below.
            app.set_inline_checks(true);
            app
        });
    harness.run();
    harness
}

fn opgroeien() -> Protocol {
    template::new_protocol(template::DEFAULT_TEMPLATE).unwrap()
}

/// Replaces the whole text of the field labelled `label` with `text`.
fn retype(harness: &mut Harness<'_, ProtocolApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn has_finding(harness: &Harness<'_, ProtocolApp>, rule: &str, path: &str) -> bool {
    harness
        .state()
        .findings()
        .iter()
        .any(|finding| finding.rule == rule && finding.path == path)
}

#[test]
fn a_wrong_kbo_number_shows_in_controle_and_goes_away_when_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(opgroeien(), dir.path());
    // The municipality is the template's second party, still without a name.
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    harness.run();

    retype(&mut harness, "Naam", "Gemeente Zoersel");
    assert_eq!(
        harness.state().protocol().parties[1].legal_name,
        "Gemeente Zoersel"
    );

    retype(&mut harness, "KBO-nummer", "0207.451.228");
    assert_eq!(harness.state().protocol().parties[1].kbo, "0207.451.228");
    assert!(has_finding(
        &harness,
        "party.kbo.checksum",
        "parties[1].kbo"
    ));
    // Listed under Controle, and marked at the field itself (issue 15).
    assert_eq!(
        harness
            .query_all_by_label_contains("(‘0207.451.228’) klopt niet")
            .count(),
        2,
        "the finding is listed under Controle and under the KBO field"
    );

    retype(&mut harness, "KBO-nummer", "0207.451.227");
    assert!(!has_finding(
        &harness,
        "party.kbo.checksum",
        "parties[1].kbo"
    ));
    assert!(harness.query_by_label_contains("klopt niet").is_none());
}

#[test]
fn template_locked_fields_are_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(opgroeien(), dir.path());
    harness
        .get_by_role_and_label(Role::Button, "Opgroeien regie")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "KBO-nummer")
            .is_none()
    );
    // The municipality's own fields are editable.
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "KBO-nummer")
            .is_some()
    );
}

#[test]
fn a_data_item_is_added_with_its_justification() {
    let dir = tempfile::tempdir().unwrap();
    let blank = template::new_protocol("leeg-protocol").unwrap();
    let before = blank.data_items.len();
    let mut harness = harness_with(blank, dir.path());
    harness
        .get_by_label("4. Gegevens en proportionaliteit")
        .click();
    harness.run();
    assert_eq!(harness.state().step(), Step::Data);

    harness.get_by_label("➕ Gegeven toevoegen").click();
    harness.run();
    assert_eq!(harness.state().protocol().data_items.len(), before + 1);

    harness
        .get_by_label("Omschrijving van het gegeven")
        .type_text("De naam van de begunstigde");
    harness.run();
    harness
        .get_by_label("Verantwoording (waarom is dit gegeven nodig?)")
        .click();
    harness.run();
    harness
        .get_by_label("Verantwoording (waarom is dit gegeven nodig?)")
        .type_text("Nodig om de tegemoetkoming aan de juiste persoon te betalen.");
    harness.run();
    let item = harness
        .state()
        .protocol()
        .data_items
        .last()
        .unwrap()
        .clone();
    assert_eq!(item.description, "De naam van de begunstigde");
    assert_eq!(
        item.justification,
        "Nodig om de tegemoetkoming aan de juiste persoon te betalen."
    );
}

#[test]
fn volgende_goes_through_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(opgroeien(), dir.path());
    let mut seen = vec![harness.state().step()];
    for _ in 1..Step::ALL.len() {
        harness.get_by_label("Volgende ▶").click();
        harness.run();
        seen.push(harness.state().step());
    }
    assert_eq!(seen, Step::ALL.to_vec());
    // On the last step "Volgende" does nothing more.
    harness.get_by_label("Volgende ▶").click();
    harness.run();
    assert_eq!(harness.state().step(), Step::Export);
    harness.get_by_label("◀ Vorige").click();
    harness.run();
    assert_eq!(harness.state().step(), Step::Signing);
}

#[test]
fn every_step_renders_on_a_filled_in_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let mut harness = harness_with(protocol.clone(), dir.path());
    for step in Step::ALL {
        harness
            .get_by_label(&format!("{}. {}", step.number(), step.title()))
            .click();
        harness.run();
        assert_eq!(harness.state().step(), step);
    }
    assert_eq!(
        harness.state().protocol(),
        &protocol,
        "looking changes nothing"
    );
    assert!(!harness.state().is_dirty());
}

#[test]
fn undo_and_redo_restore_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let original = opgroeien();
    let mut harness = harness_with(original.clone(), dir.path());
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    harness.run();
    retype(&mut harness, "Naam", "Stad Mechelen");
    let edited = harness.state().protocol().clone();
    assert_ne!(edited, original);
    assert!(harness.state().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().protocol(), &original);

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().protocol(), &edited);
}

#[test]
fn removing_an_annex_is_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let annexes = protocol.annexes.len();
    assert!(annexes > 0, "the fixture has annexes");
    let mut harness = harness_with(protocol.clone(), dir.path());
    harness.get_by_label("11. Ondertekening").click();
    harness.run();
    harness
        .get_all_by_label("🗑 Verwijderen")
        .next()
        .unwrap()
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().protocol().annexes.len(), annexes - 1);
    harness.get_by_label("Ongedaan maken").click();
    harness.run();
    assert_eq!(harness.state().protocol(), &protocol);
}

#[test]
fn clicking_a_finding_lands_on_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(opgroeien(), dir.path());
    // Start on a step without findings of its own, so the findings list stays at the top
    // (on a step with findings it scrolls to them).
    assert!(
        harness
            .state()
            .findings()
            .iter()
            .all(|finding| finding.step != Step::Export)
    );
    harness.get_by_label("12. Controle en export").click();
    harness.run();
    assert_eq!(harness.state().step(), Step::Export);

    let message = harness
        .state()
        .findings()
        .iter()
        .find(|finding| finding.path == "parties[1].kbo")
        .map(|finding| finding.message.clone())
        .unwrap();
    harness.get_by_label_contains(&message).click();
    harness.run();
    assert_eq!(harness.state().step(), Step::Parties);
    let field = harness.get_by_role_and_label(Role::TextInput, "KBO-nummer");
    assert!(field.is_focused(), "the KBO field of party 2 has the focus");
    assert!(
        harness.state().field_id("parties[1].kbo").is_some(),
        "the field is known by its path"
    );
}

#[test]
fn autosave_then_restore_gives_back_the_exact_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = harness_with(opgroeien(), dir.path());
    first.get_by_label("Partij 2 (nog zonder naam)").click();
    first.run();
    retype(&mut first, "Naam", "Gemeente Zoersel");
    retype(&mut first, "KBO-nummer", "0207.451.227");
    first.state_mut().autosave_now().unwrap();
    let autosaved = first.state().protocol().clone();
    drop(first); // as if the app crashed: no clean close

    let mut second = harness_with(opgroeien(), dir.path());
    assert!(
        second.query_by_label("Herstellen").is_some(),
        "restore is offered"
    );
    second.get_by_label("Herstellen").click();
    second.run();
    assert_eq!(second.state().protocol(), &autosaved);
    assert!(
        second.state().is_dirty(),
        "restored work still has to be saved"
    );
}

/// Steps the harness until `label` shows up (work on a worker thread finishes).
fn wait_for(harness: &mut Harness<'_, ProtocolApp>, label: &str) {
    wait_for_any(harness, &[label]);
}

/// Steps the harness until one of `labels` shows up.
fn wait_for_any(harness: &mut Harness<'_, ProtocolApp>, labels: &[&str]) {
    let label = labels.join("’ or ‘");
    for _ in 0..1000 {
        harness.step();
        if labels
            .iter()
            .any(|label| harness.query_by_label_contains(label).is_some())
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let shown: Vec<String> = harness
        .query_all_by_role(Role::Label)
        .filter_map(|node| node.value())
        .collect();
    panic!("‘{label}’ did not appear; shown: {shown:?}");
}

#[test]
fn a_bad_file_is_reported_in_dutch_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("kapot.ron");
    std::fs::write(
        &bad,
        "(\n    format: 1,\n    title: (context: \"x\" short_title: \"\"),\n)\n",
    )
    .unwrap();
    let original = opgroeien();
    let mut harness = harness_with(original.clone(), dir.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, protocolwijzer::app::Command::OpenRecent(bad));
    wait_for(&mut harness, "regel 3, kolom");
    assert!(
        harness
            .query_by_label_contains("Het bestand kan niet geopend worden")
            .is_some()
    );
    assert_eq!(
        harness.state().protocol(),
        &original,
        "nothing was replaced"
    );
    harness.get_by_label("Sluiten").click();
    harness.run();
    assert!(harness.query_by_label_contains("regel 3, kolom").is_none());
}

#[test]
fn a_good_file_opens_and_becomes_a_recent_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::fixture_path("opgroeien-gemeente-ingevuld.ron");
    let mut harness = harness_with(opgroeien(), dir.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, protocolwijzer::app::Command::OpenRecent(path.clone()));
    wait_for(&mut harness, "opgroeien-gemeente-ingevuld.ron");
    assert_eq!(
        harness.state().protocol(),
        &common::fixture("opgroeien-gemeente-ingevuld.ron")
    );
    assert_eq!(harness.state().path(), Some(path.as_path()));
    // The worker writes the settings a second after the change.
    let recent_file = dir.path().join("recent.txt");
    for _ in 0..400 {
        if std::fs::read_to_string(&recent_file)
            .is_ok_and(|recent| recent.contains("opgroeien-gemeente-ingevuld.ron"))
        {
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the recent files were not written");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(opgroeien(), dir.path());
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    harness.run();
    retype(&mut harness, "Naam", "Gemeente Zoersel");
    harness.get_by_label("Bestand").click();
    harness.run();
    harness.get_by_label("Afsluiten").click();
    harness.run();
    assert!(harness.query_by_label("Wijzigingen opslaan?").is_some());
    harness.get_by_label("Annuleren").click();
    harness.run();
    assert!(harness.query_by_label("Wijzigingen opslaan?").is_none());
    assert_eq!(
        harness.state().protocol().parties[1].legal_name,
        "Gemeente Zoersel"
    );
}

#[test]
fn a_new_protocol_starts_from_the_chosen_template() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(common::fixture("zeven-partijen.ron"), dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("Nieuw protocol").is_some());
    let blank = template::new_protocol("leeg-protocol").unwrap();
    harness
        .get_by_label(&template::find("leeg-protocol").unwrap().title())
        .click();
    harness.run();
    assert_eq!(harness.state().protocol(), &blank);
    assert!(harness.state().path().is_none());
}

/// Guards the jump from a finding to its field: every finding the check reports on these
/// protocols lands on its step with a field (or the list's add button) at or under its path
/// focused.
#[test]
fn every_finding_focuses_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut broken = common::fixture("zeven-partijen.ron");
    broken.parties[1].kbo = "0207.451.228".into();
    broken.parties[2].signatories.clear();
    broken.flows[0].name.clear();
    broken.data_items[0].justification.clear();
    for protocol in [
        opgroeien(),
        template::new_protocol("leeg-protocol").unwrap(),
        broken,
    ] {
        let mut harness = harness_with(protocol, dir.path());
        let findings = harness.state().findings().to_vec();
        assert!(!findings.is_empty());
        let mut missed = Vec::new();
        // The review (comments, verdicts, approval) has no screen in the wizard yet.
        for finding in findings
            .into_iter()
            .filter(|finding| !finding.path.starts_with("review"))
        {
            let ctx = harness.ctx.clone();
            harness.state_mut().run_command(
                &ctx,
                protocolwijzer::app::Command::Focus(finding.step, finding.path.clone()),
            );
            harness.run();
            assert_eq!(harness.state().step(), finding.step);
            let focused = harness.state().focused_field(&harness.ctx);
            let under = |field: &str| {
                field == finding.path
                    || field
                        .strip_prefix(finding.path.as_str())
                        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
            };
            if !focused.as_deref().is_some_and(under) {
                missed.push(format!(
                    "{} {} (focus: {focused:?})",
                    finding.rule, finding.path
                ));
            }
        }
        assert!(
            missed.is_empty(),
            "findings without a field:\n{}",
            missed.join("\n")
        );
    }
}

#[test]
fn exporting_a_draft_warns_about_ontwerp_then_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("Protocol ontwerp.docx");
    let mut harness = harness_with(opgroeien(), dir.path());
    let ctx = harness.ctx.clone();
    harness.state_mut().export(
        &ctx,
        protocolwijzer::app::Format::Docx,
        Some(out.clone()),
        false,
    );
    harness.run();
    assert!(harness.query_by_label("Ontwerp exporteren?").is_some());
    harness.get_by_label("Toch exporteren…").click_accesskit();
    harness.step(); // a worker writes the file; the spinner keeps repainting meanwhile
    wait_for_any(&mut harness, &["Export klaar", "Er ging iets mis"]);
    if harness.query_by_label("Er ging iets mis").is_some() {
        // Until the writers are merged they answer that they are not available yet; the app
        // must then say so in a dialog, in Dutch.
        assert!(
            harness
                .query_by_label_contains("nog niet beschikbaar")
                .is_some()
        );
        return;
    }
    assert!(harness.query_by_label("Map openen").is_some());
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a DOCX is a zip file");
}

#[test]
fn the_export_file_name_names_the_municipality_and_the_date() {
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let name = protocolwijzer::app::commands::export_file_name(
        &protocol,
        protocolwijzer::app::Format::Pdf,
        date,
    );
    // The legal name, never the short name the text uses.
    let municipality = protocol.drafting_party().unwrap().legal_name.clone();
    assert_eq!(municipality, "Gemeente Voorbeeldegem");
    assert_eq!(name, format!("Protocol {municipality} 2 maart 2026.pdf"));
    // Once saved, exports follow the file's own name.
    let saved = std::path::Path::new("/tmp/Voorbeeldegem sociale toeslag.ron");
    let product = protocolwijzer::pipeline::Product::Protocol;
    let follows = protocolwijzer::app::commands::export_file_name_for(
        &protocol,
        Some(saved),
        product,
        protocolwijzer::app::Format::Pdf,
        date,
    );
    assert_eq!(follows, "Voorbeeldegem sociale toeslag.pdf");
    let report = protocolwijzer::app::commands::export_file_name_for(
        &protocol,
        Some(saved),
        protocolwijzer::pipeline::Product::Adviesverslag,
        protocolwijzer::app::Format::Docx,
        date,
    );
    assert_eq!(report, "Adviesverslag Voorbeeldegem sociale toeslag.docx");
}

/// Not a test: writes the stress protocol to `$PROTOCOLWIJZER_STRESS_OUT`, for measuring the
/// start-up time and memory of the release build on it (`cargo test -- --ignored`).
#[test]
#[ignore]
fn write_the_stress_protocol_for_measurements() {
    let Some(out) = std::env::var_os("PROTOCOLWIJZER_STRESS_OUT") else {
        return;
    };
    protocolwijzer::file::save(
        std::path::Path::new(&out),
        &common::stress::stress_protocol(),
    )
    .unwrap();
}

/// Guards that the last step does not show "complete" while other steps still have errors.
#[test]
fn the_export_step_badge_counts_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let harness = harness_with(opgroeien(), dir.path());
    let errors = harness
        .state()
        .findings()
        .iter()
        .filter(|finding| finding.severity == protocolwijzer::check::Severity::Fout)
        .count();
    assert!(errors > 1);
    // No single step has them all, so only the export step's badge shows this count.
    assert!(
        harness
            .query_by_label(&format!("{errors} fouten"))
            .is_some(),
        "the export step's badge names all {errors} errors"
    );
}

/// A file that cannot be opened at start-up (double-clicked, or given on the command line)
/// is explained in a dialog first; unsaved work from a crash is still offered after it.
#[test]
fn a_file_that_cannot_be_opened_at_start_up_is_explained_before_the_restore_offer() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = harness_with(opgroeien(), dir.path());
    first.state_mut().autosave_now().unwrap();
    drop(first);

    let reason = "‘Protocol Zoë.ron’, regel 3, kolom 5: onbekend veld ‘titel’";
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .build_eframe({
            let dir = dir.path().to_path_buf();
            move |_cc| {
                let mut app = ProtocolApp::new(opgroeien(), None, dir);
                app.show_opening_error(reason);
                app
            }
        });
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Het bestand kan niet geopend worden")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains(reason).is_some(),
        "the reason, with line and column"
    );
    assert!(harness.query_by_label_contains("niet gewijzigd").is_some());
    assert!(
        harness.query_by_label("Herstellen").is_none(),
        "one dialog at a time"
    );

    harness.get_by_label("Sluiten").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("kan niet geopend")
            .is_none()
    );
    assert!(
        harness.query_by_label("Herstellen").is_some(),
        "then the restore offer"
    );
}

/// "Over Protocolwijzer" names the version and commit and carries the fonts' licence, which
/// must go with every copy of the single-file Windows build.
#[test]
fn about_shows_the_version_and_the_font_licence() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(opgroeien(), dir.path());
    harness.get_by_label("Beeld").click();
    harness.run();
    harness.get_by_label("Over Protocolwijzer…").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains(protocolwijzer::cli::VERSION)
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("SIL OPEN FONT LICENSE")
            .is_some()
    );
    harness.get_by_label("Sluiten").click();
    harness.run();
    assert!(harness.query_by_label("Over Protocolwijzer").is_none());
}

/// The app as it runs for users: the check and the preview are rebuilt on the worker, and
/// the frames show the last results until the new ones land.
fn harness_with_worker(protocol: Protocol, dir: &std::path::Path) -> Harness<'static, ProtocolApp> {
    let dir = dir.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .build_eframe(move |_cc| ProtocolApp::new(protocol, None, dir));
    harness.run();
    harness
}

/// Runs the harness until the worker's check of the current model is shown.
fn settle(harness: &mut Harness<'_, ProtocolApp>) {
    harness.run();
    assert!(
        harness
            .state_mut()
            .wait_for_checks(std::time::Duration::from_secs(20)),
        "the worker's results did not arrive"
    );
    harness.run();
    assert!(harness.state().is_derived_current());
}

#[test]
fn the_worker_checks_an_edit_and_the_findings_follow() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_worker(opgroeien(), dir.path());
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    settle(&mut harness);
    retype(&mut harness, "KBO-nummer", "0207.451.228");
    settle(&mut harness);
    assert!(has_finding(
        &harness,
        "party.kbo.checksum",
        "parties[1].kbo"
    ));
    // Listed under Controle, and marked at the field itself (issue 15).
    assert_eq!(
        harness
            .query_all_by_label_contains("(‘0207.451.228’) klopt niet")
            .count(),
        2,
        "the finding is listed under Controle and under the KBO field"
    );
    retype(&mut harness, "KBO-nummer", "0207.451.227");
    settle(&mut harness);
    assert!(!has_finding(
        &harness,
        "party.kbo.checksum",
        "parties[1].kbo"
    ));
    assert!(harness.query_by_label_contains("klopt niet").is_none());
}

#[test]
fn the_worker_rebuilds_the_preview_after_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_worker(opgroeien(), dir.path());
    harness.get_by_label("Voorbeeld").click();
    settle(&mut harness);
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    settle(&mut harness);
    retype(&mut harness, "Naam", "Gemeente Zoersel-Voorbeeld");
    settle(&mut harness);
    let count = |harness: &Harness<'_, ProtocolApp>| {
        harness
            .query_all_by_label_contains("Gemeente Zoersel-Voorbeeld")
            .count()
    };
    let with_preview = count(&harness);
    harness
        .state_mut()
        .set_side_tab(protocolwijzer::app::SideTab::Review);
    settle(&mut harness);
    // The review tab names the party too (its advice), but not in a whole document.
    let without_preview = count(&harness);
    assert!(
        with_preview > without_preview,
        "the preview shows the new name ({with_preview} against {without_preview})"
    );
}

/// The shapes of signed protocols are entered in the wizard: a representative who is not the
/// signatory, the vestigingsnummer, "niet vermeld" for the publication address; and every
/// finding names its ground under the message.
#[test]
fn a_signed_protocols_shapes_are_entered_in_the_parties_step() {
    let dir = tempfile::tempdir().unwrap();
    // Tall enough that the whole party form is on screen.
    let mut harness = harness_sized(opgroeien(), dir.path(), egui::vec2(1400.0, 3000.0));
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    harness.run();
    retype(&mut harness, "Naam", "Stad Voorbeeldegem");
    retype(&mut harness, "Vestigingsnummer", "2.146.484.492");
    retype(
        &mut harness,
        "Vertegenwoordigd door (als dat niet de ondertekenaars zijn)",
        "het college van burgemeester en schepenen",
    );
    harness
        .get_by_label("De ondertekenaars tekenen voor deze vertegenwoordiger")
        .click();
    harness.run();
    harness
        .get_by_label("Het protocol vermeldt geen publicatieadres (niet vermeld)")
        .click();
    harness.run();
    let party = &harness.state().protocol().parties[1];
    assert_eq!(party.establishment_number, "2.146.484.492");
    assert_eq!(
        party.representative,
        "het college van burgemeester en schepenen"
    );
    assert!(party.signatories_sign_for_representative);
    assert!(party.publication_url_not_stated);
    // The help for the article suggests "de" for a city.
    assert!(
        harness
            .query_by_label_contains("Voor ‘Stad Voorbeeldegem’ ligt ‘de’ voor de hand.")
            .is_some()
    );
    // Under Controle each finding says its ground.
    assert!(
        harness
            .query_all_by_label_contains("Grond: ")
            .next()
            .is_some()
    );
}

/// The fixture with a group of four recipients, a shared processor and its own article list.
fn payment_actors() -> Protocol {
    common::fixture("uitbetalingsactoren.ron")
}

#[test]
fn a_member_of_a_group_edits_the_groups_texts_and_a_group_can_be_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(payment_actors(), dir.path());
    harness.get_by_label("Uitbetaler Zuid vzw").click();
    harness.run();
    // The member chooses its group; its legal status is the group's.
    assert!(harness.query_by_label("Hoort bij de groep").is_some());
    assert!(
        harness
            .query_by_label_contains("Het juridisch statuut staat bij de groep")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Leden: Uitbetaler Noord vzw, Uitbetaler Zuid vzw")
            .is_some()
    );
    harness.get_by_label("➕ Groep toevoegen").click_accesskit();
    harness.run();
    let groups = &harness.state().protocol().groups;
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[1].id, "groep");

    // At Ontvangers, the member shows the group's need-to-know, and editing it edits the group.
    harness.state_mut().set_step(Step::Recipients);
    harness.state_mut().selection_mut().party = 4;
    harness.run();
    assert!(
        harness
            .query_by_label_contains("hoort bij de private uitbetalingsactoren")
            .is_some()
    );
    retype(
        &mut harness,
        "Beperking van de toegang (need-to-know)",
        "Alleen de dossierbeheerders.",
    );
    let protocol = harness.state().protocol();
    assert_eq!(
        protocol.groups[0].need_to_know,
        "Alleen de dossierbeheerders."
    );
    assert!(protocol.parties[4].need_to_know.is_empty());
}

#[test]
fn an_optional_article_is_left_out_and_a_required_one_cannot_be() {
    let dir = tempfile::tempdir().unwrap();
    let mut protocol = payment_actors();
    protocol.articles.clear();
    let mut harness = harness_with(protocol, dir.path());
    harness.state_mut().set_step(Step::Clauses);
    harness.run();
    // The standard list: twelve articles, numbered.
    assert!(
        harness
            .query_by_label("Artikel 7. Kwaliteit van de gegevens")
            .is_some()
    );
    let buttons = harness.get_all_by_label("🗑 Weglaten").count();
    assert_eq!(buttons, 12);
    // The seventh article (data quality) is optional: leave it out.
    harness
        .get_all_by_label("🗑 Weglaten")
        .nth(6)
        .unwrap()
        .click_accesskit();
    harness.run();
    let articles = &harness.state().protocol().articles;
    assert_eq!(articles.len(), 11);
    assert!(
        !articles.iter().any(
            |entry| entry.standard == Some(protocolwijzer::model::StandardArticle::DataQuality)
        )
    );
    assert!(
        harness
            .query_by_label("Artikel 7. Sanctie bij niet-naleving")
            .is_some()
    );
    // It can be put back; an added article gets an id and is numbered at the end.
    harness
        .get_by_label("➕ Kwaliteit van de gegevens terugzetten")
        .click_accesskit();
    harness.run();
    harness
        .get_by_label("➕ Artikel toevoegen")
        .click_accesskit();
    harness.run();
    let articles = &harness.state().protocol().articles;
    assert_eq!(articles.len(), 13);
    assert!(articles[12].standard.is_none());
    assert!(!articles[12].id.is_empty());
    assert!(has_finding(
        &harness,
        "articles.added.incomplete",
        "articles[12].title"
    ));
    // A required article's button is disabled: clicking it changes nothing.
    harness
        .get_all_by_label("🗑 Weglaten")
        .next()
        .unwrap()
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().protocol().articles.len(), 13);
}

/// Regression (issue 15): on step 1, Ctrl+Z silently cleared a field on step 11, and the next
/// Ctrl+Z removed the DPO's recorded advice.
#[test]
fn undo_names_what_it_undoes_goes_there_and_leaves_review_records_alone() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let advice = protocol.parties[1].dpo_advice.clone();
    let mut harness = harness_with(protocol, dir.path());
    harness.state_mut().set_step(Step::Signing);
    harness.run();
    retype(&mut harness, "Plaats van ondertekening", "Zoersel");
    assert_eq!(harness.state().protocol().signing.place, "Zoersel");
    // A DPO's advice is recorded (as the advice form does): a review record, not content.
    harness.state_mut().protocol_mut().parties[1]
        .dpo_advice
        .remarks = "Akkoord.".to_string();
    harness.state_mut().touch();
    harness.state_mut().set_step(Step::Parties);
    harness.run();

    // The menu says what an undo would change.
    harness.get_by_label("Bewerken").click();
    harness.run();
    // (The menu entry's accessible name ends in its shortcut.)
    assert!(
        harness
            .query_by_label_contains("Ongedaan maken: Plaats van ondertekening")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let state = harness.state();
    assert_ne!(state.protocol().signing.place, "Zoersel");
    // It went to the field's step and said what it undid.
    assert_eq!(state.step(), Step::Signing);
    assert!(
        harness
            .query_by_label_contains("Ongedaan gemaakt: Plaats van ondertekening (stap 11")
            .is_some()
    );
    // The advice is still there; the typing in the next field is its own step, so a second
    // Ctrl+Z has the field typed before it to undo, never the advice.
    let after = &harness.state().protocol().parties[1].dpo_advice;
    assert_eq!(after.remarks, "Akkoord.");
    assert_eq!(after.date, advice.date);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().protocol().parties[1].dpo_advice.remarks,
        "Akkoord."
    );
}

/// Regression (issue 15): step 9 asked the channel again, ignored step 2 ("(nog niet
/// gekozen)" and an error), and choosing there overwrote both flows.
#[test]
fn the_exchange_channel_is_one_fact_chosen_with_the_flows_and_shown_at_step_9() {
    let dir = tempfile::tempdir().unwrap();
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    // As a file made in step 2 only: the flows say SFTP, the old step-9 field says nothing.
    protocol.municipal.as_mut().unwrap().exchange_channel =
        protocolwijzer::model::ExchangeChannel::Unchosen;
    let mut harness = harness_with(protocol.clone(), dir.path());
    harness.state_mut().set_step(Step::Municipal);
    harness.run();
    assert!(
        harness
            .query_by_label("SFTP-server van Opgroeien regie.")
            .is_some()
    );
    assert!(!has_finding(
        &harness,
        "municipal.channel.missing",
        "municipal.exchange_channel"
    ));
    assert!(
        harness
            .query_by_label_contains("nog niet gekozen")
            .is_none()
    );
    // There is nothing to choose here that could overwrite the flows; the button leads to
    // step 2, where the channel is chosen.
    assert!(
        harness
            .query_by_role_and_label(Role::ComboBox, "Kanaal voor de INSZ-lijst")
            .is_none()
    );
    harness
        .get_by_label("Kiezen bij stap 2 ▶")
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().step(), Step::Context);
    assert_eq!(harness.state().protocol().flows, protocol.flows);
}

/// Regression (issue 15): step 8 let anyone type advice into another party's fields, and
/// nothing said how the draft reaches the DPOs.
#[test]
fn the_hand_over_to_the_dpos_is_explained_and_offered_from_step_12() {
    let dir = tempfile::tempdir().unwrap();
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    protocol.review = Default::default();
    for party in &mut protocol.parties {
        party.dpo_advice = Default::default();
    }
    let mut harness = harness_with(protocol, dir.path());
    harness.state_mut().set_step(Step::Advice);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Niet de opsteller, maar de DPO's zelf")
            .is_some()
    );
    // The advice fields are not open for typing: only under "Overnemen uit een ondertekend
    // protocol", marked as such.
    assert!(
        harness
            .query_by_label_contains("Datum van het advies (")
            .is_none()
    );
    assert!(
        harness
            .query_all_by_label("Overnemen uit een ondertekend protocol")
            .next()
            .is_some()
    );
    harness.state_mut().set_step(Step::Export);
    harness.run();
    harness
        .get_by_label("Status op ‘Ter advies bij DPO’ zetten")
        .click_accesskit();
    harness.run();
    assert_eq!(
        harness.state().protocol().review.status,
        protocolwijzer::model::Status::WithDpo
    );
    assert!(
        harness
            .query_by_label_contains("ligt ter advies bij")
            .is_some()
    );
}

/// Regression (issue 15): the side panel widened by itself and cut off the form; at 1100×560
/// the form was ~230 px wide with its buttons and drop-downs cut.
#[test]
fn the_form_keeps_a_readable_width_and_a_narrow_window_folds_the_side_panel() {
    let dir = tempfile::tempdir().unwrap();
    let form_width = |harness: &Harness<'_, ProtocolApp>| {
        harness
            .get_by_role_and_label(Role::TextInput, "KBO-nummer")
            .rect()
            .width()
    };
    for (size, folded) in [
        (egui::vec2(1100.0, 560.0), true),
        (egui::vec2(1250.0, 700.0), false),
        (egui::vec2(1360.0, 860.0), false),
        (egui::vec2(960.0, 560.0), true),
    ] {
        let mut harness = harness_sized(opgroeien(), dir.path(), size);
        harness.get_by_label("Partij 2 (nog zonder naam)").click();
        harness.run();
        // Typing a long remark in the review tab must not widen the panel over the form.
        harness
            .state_mut()
            .set_side_tab(protocolwijzer::app::SideTab::Review);
        harness.run();
        let width = form_width(&harness);
        assert!(
            width >= 420.0,
            "at {size:?} the form's fields are {width} px wide"
        );
        let strip = harness.query_all_by_label("Beoordeling").next().is_some();
        assert!(strip, "the tabs are always there at {size:?}");
        assert_eq!(
            harness.query_by_label("✖ Sluiten").is_some(),
            folded,
            "folded at {size:?}"
        );
        if folded {
            // The panel opens over the form, and closes again.
            assert!(harness.query_by_label("✖ Sluiten").is_some());
            harness.get_by_label("✖ Sluiten").click();
            harness.run();
            assert!(harness.query_by_label("✖ Sluiten").is_none());
        }
    }
    // Very wide: the form uses the room (wider than the old 760 px cap).
    let mut harness = harness_sized(opgroeien(), dir.path(), egui::vec2(2560.0, 1440.0));
    harness.get_by_label("Partij 2 (nog zonder naam)").click();
    harness.run();
    assert!(form_width(&harness) > 800.0);
}

/// Regression (issue 15): on a Linux desktop without the XDG portal, Ctrl+S and "Opslaan
/// als…" did nothing. The built-in file dialog takes over.
#[test]
fn without_a_system_file_dialog_the_built_in_one_saves_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("bestaand.ron");
    protocolwijzer::file::save(&existing, &opgroeien()).unwrap();
    let settings = dir.path().join("instellingen");
    let start = existing.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .build_eframe(move |_cc| {
            let mut app = ProtocolApp::new(opgroeien(), Some(start.clone()), settings.clone());
            app.set_inline_checks(true);
            app.use_builtin_file_dialog();
            app
        });
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, protocolwijzer::app::Command::SaveAs);
    harness.run();
    // The dialog lists the folder of the open file, with its protocol.
    assert!(harness.query_by_label("Protocol opslaan als").is_some());
    assert!(harness.query_by_label("📄 bestaand.ron").is_some());
    harness.get_by_label("Bestandsnaam:").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Bestandsnaam:")
        .type_text("nieuw protocol");
    harness.run();
    harness.get_by_label("Opslaan").click_accesskit();
    // The save runs on a worker with a spinner, so the UI keeps repainting: step frames
    // instead of `run()`, which fails when the frames do not settle.
    harness.step();
    let saved = dir.path().join("nieuw protocol.ron");
    for _ in 0..500 {
        if harness.state().path() == Some(saved.as_path()) {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(harness.state().path(), Some(saved.as_path()));
    assert_eq!(protocolwijzer::file::load(&saved).unwrap(), opgroeien());
    assert!(harness.query_by_label("Protocol opslaan als").is_none());
}

/// A harness whose frames are 20 ms apart, so a test can tell "while typing" from "after a
/// pause" (the date field explains a text that is not a date after a second without typing).
fn harness_fine_grained(
    protocol: Protocol,
    dir: &std::path::Path,
) -> Harness<'static, ProtocolApp> {
    let dir = dir.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .with_step_dt(0.02)
        .build_eframe(move |_cc| {
            let mut app = ProtocolApp::new(protocol, None, dir);
            app.set_inline_checks(true);
            app
        });
    harness.run();
    harness
}

fn signed_on_30_march_2026() -> Protocol {
    let mut protocol = opgroeien();
    protocol.signing.date = chrono::NaiveDate::from_ymd_opt(2026, 3, 30);
    protocol
}

// Regression (issue 15, point 1): "31-02-2025" typed in a date field was read while typing
// ("31-02-20" as 20 February 31) and stored. An impossible date keeps the old one, and on
// leaving the field the reason is shown beside it, in Dutch.
#[test]
fn an_impossible_date_keeps_the_old_one_and_says_why_on_leaving_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(signed_on_30_march_2026(), dir.path());
    harness.state_mut().set_step(Step::Signing);
    harness.run();
    let old = chrono::NaiveDate::from_ymd_opt(2026, 3, 30);

    // Typed key by key, as a user does: "31-02-20" is on the way.
    retype(&mut harness, "Datum van ondertekening", "3");
    for key in "1-02-2025".chars() {
        harness
            .get_by_label("Datum van ondertekening")
            .type_text(&key.to_string());
        harness.run();
        assert_eq!(harness.state().protocol().signing.date, old, "after {key}");
    }
    // Leave the field.
    harness.key_press(Key::Tab);
    harness.run();
    assert!(!harness.get_by_label("Datum van ondertekening").is_focused());
    assert_eq!(harness.state().protocol().signing.date, old);
    assert!(
        harness
            .get_by_label("Datum van ondertekening")
            .value()
            .is_some_and(|text| text == "31-02-2025"),
        "the typed text stays to be corrected"
    );
    assert!(
        harness
            .query_by_label_contains(
                "31 februari 2025 bestaat niet. De datum blijft 30 maart 2026."
            )
            .is_some(),
        "the reason is shown beside the field"
    );
    // The typed text stays to be corrected; a whole date is then taken.
    retype(&mut harness, "Datum van ondertekening", "28-02-2025");
    assert_eq!(
        harness.state().protocol().signing.date,
        chrono::NaiveDate::from_ymd_opt(2025, 2, 28)
    );
    assert!(harness.query_by_label_contains("bestaat niet").is_none());
}

// Regression (issue 15, point 1): while "31-02-2025" is being typed, "31-02-20" is no date:
// the model keeps the old one and nothing is said yet; after a pause the field explains.
#[test]
fn a_date_being_typed_changes_nothing_and_is_explained_after_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_fine_grained(signed_on_30_march_2026(), dir.path());
    harness.state_mut().set_step(Step::Signing);
    harness.run();
    let old = chrono::NaiveDate::from_ymd_opt(2026, 3, 30);

    retype(&mut harness, "Datum van ondertekening", "31-02-20");
    assert_eq!(harness.state().protocol().signing.date, old);
    assert!(
        !harness
            .state()
            .findings()
            .iter()
            .any(|f| f.rule == "date.before_decree")
    );
    assert!(
        harness.query_by_label_contains("dd-mm-jjjj, bv.").is_none(),
        "not from the first keystroke"
    );
    // A second without typing, the field still focused.
    harness.run_steps(60);
    assert!(harness.get_by_label("Datum van ondertekening").is_focused());
    assert!(
        harness
            .query_by_label_contains("Schrijf de datum als dd-mm-jjjj")
            .is_some()
    );
    assert_eq!(harness.state().protocol().signing.date, old);

    // The rest of the year makes it a whole, valid date, taken at once.
    harness
        .get_by_label("Datum van ondertekening")
        .type_text("25");
    harness.run();
    assert_eq!(
        harness.state().protocol().signing.date,
        old,
        "31-02-2025 does not exist"
    );
    retype(&mut harness, "Datum van ondertekening", "1-3-2025");
    assert_eq!(
        harness.state().protocol().signing.date,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 1)
    );
}

/// Issue 15: text under the scroll bar (steps 2 and 5, Wijzigingen). Scroll bars take their
/// own room beside the content (a solid bar, not one floating over the content's right edge),
/// so the end of a field or a line is never under the bar.
#[test]
fn scroll_bars_do_not_cover_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = protocolwijzer::file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/zeven-partijen.ron"
    )))
    .unwrap();
    let mut harness = harness_sized(protocol, dir.path(), egui::vec2(1360.0, 860.0));
    harness.get_by_label("2. Context en gegevensstroom").click();
    harness.run();
    let scroll = harness.ctx.global_style().spacing.scroll;
    assert!(!scroll.floating, "a solid scroll bar beside the content");
    assert!(scroll.bar_width > 0.0);
}

/// Issue 17 §2: Bestand offers the draft college decision for a municipal case, and exporting
/// it writes a document with the municipality's decision in it; for a protocol without a
/// municipal case the entries are there but disabled.
#[test]
fn bestand_offers_the_college_decision_for_a_municipal_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(
        common::fixture("opgroeien-gemeente-ingevuld.ron"),
        dir.path(),
    );
    harness.get_by_label("Bestand").click();
    harness.run();
    let entry = harness.get_by_label("Ontwerp van collegebesluit als DOCX…");
    assert!(!egui_kittest::kittest::NodeT::accesskit_node(&entry).is_disabled());
    let path = dir.path().join("Collegebesluit.docx");
    let ctx = harness.ctx.clone();
    harness.state_mut().export_product(
        &ctx,
        protocolwijzer::pipeline::Product::Besluit,
        protocolwijzer::pipeline::Format::Docx,
        Some(path.clone()),
    );
    for _ in 0..500 {
        harness.step();
        if path.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let text = common::readback::docx_paragraphs(&std::fs::read(&path).unwrap()).join(" ");
    assert!(text.contains("Ontwerp van besluit van het college van burgemeester en schepenen"));
    assert!(text.contains("Gemeente Voorbeeldegem"), "{text}");

    let mut other = harness_with(common::fixture("zeven-partijen.ron"), dir.path());
    other.get_by_label("Bestand").click();
    other.run();
    let entry = other.get_by_label("Ontwerp van collegebesluit als PDF…");
    assert!(egui_kittest::kittest::NodeT::accesskit_node(&entry).is_disabled());
}
