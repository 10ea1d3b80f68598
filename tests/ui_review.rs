//! The "Beoordeling" tab driven headless like a user would (egui_kittest): a DPO adds a
//! comment and a verdict, the drafter resolves the comment, and the check follows.
#![allow(clippy::unwrap_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use protocolwijzer::app::{ProtocolApp, Settings};
use protocolwijzer::model::Step;
use protocolwijzer::model::{AdviceOutcome, Person, Protocol, Role, Status, VerdictKind};
use protocolwijzer::template;

fn harness_with(protocol: Protocol, dir: &std::path::Path) -> Harness<'static, ProtocolApp> {
    let dir = dir.to_path_buf();
    // The store's worker may ask for a repaint or two when a write lands; on a busy machine
    // that can fall in any frame, so a run may take a few more steps to settle.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_max_steps(16)
        .build_eframe(move |_cc| inline_checks(ProtocolApp::new(protocol, None, dir)));
    harness.run();
    harness
}

/// The tests assert on findings right after an edit: the app checks on the UI thread then
/// (the background path has its own tests in ui_wizard.rs).
fn inline_checks(mut app: ProtocolApp) -> ProtocolApp {
    app.set_inline_checks(true);
    app
}

/// Steps the harness (a quarter of a second of input time each) until `done` holds: the
/// settings are written a second after the last change, by the worker.
fn step_until(harness: &mut Harness<'_, ProtocolApp>, what: &str, done: impl Fn() -> bool) {
    for _ in 0..400 {
        if done() {
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("{what} did not happen");
}

/// Writes who the user is into the settings folder, as an earlier session would have.
fn remember_user(dir: &std::path::Path, user: Person) {
    let mut settings = Settings::load(dir.to_path_buf());
    settings.user = user;
    settings.write(None).unwrap();
}

fn has_rule(harness: &Harness<'_, ProtocolApp>, rule: &str) -> bool {
    harness
        .state()
        .findings()
        .iter()
        .any(|finding| finding.rule == rule)
}

fn type_into(harness: &mut Harness<'_, ProtocolApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn click(harness: &mut Harness<'_, ProtocolApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks a button whose label a heading shares.
fn click_button(harness: &mut Harness<'_, ProtocolApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, label)
        .click();
    harness.run();
}

#[test]
fn a_dpo_comments_and_asks_a_correction_and_the_drafter_resolves_the_comment() {
    let dir = tempfile::tempdir().unwrap();
    remember_user(
        dir.path(),
        Person {
            name: "An Peeters".into(),
            role: Role::Dpo,
            organisation: "Gemeente Zoersel".into(),
        },
    );
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = harness_with(protocol, dir.path());
    harness.state_mut().set_step(Step::Data);
    harness.run();
    click(&mut harness, "Beoordeling");
    assert!(!has_rule(&harness, "review.open_comment"));

    // The DPO: a comment on the step and the verdict "te corrigeren" with its reason.
    type_into(
        &mut harness,
        "Nieuwe opmerking",
        "Het rijksregisternummer is niet nodig.",
    );
    click(&mut harness, "Opmerking toevoegen");
    let comments = &harness.state().protocol().review.comments;
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].step, Some(Step::Data));
    assert_eq!(comments[0].path, "");
    assert_eq!(comments[0].text, "Het rijksregisternummer is niet nodig.");
    assert_eq!(comments[0].author.name, "An Peeters");
    assert_eq!(comments[0].author.role, Role::Dpo);
    assert!(comments[0].resolved.is_none());
    assert!(has_rule(&harness, "review.open_comment"));

    click(&mut harness, "Te corrigeren");
    // Without a reason the verdict is refused, in Dutch.
    click(&mut harness, "Oordeel bewaren");
    assert!(harness.state().protocol().review.verdicts.is_empty());
    assert!(
        harness
            .query_by_label_contains("hoort een toelichting")
            .is_some()
    );
    type_into(
        &mut harness,
        "Toelichting bij het oordeel",
        "Schrap het rijksregisternummer.",
    );
    click(&mut harness, "Oordeel bewaren");
    let verdicts = &harness.state().protocol().review.verdicts;
    assert_eq!(verdicts.len(), 1);
    assert_eq!(verdicts[0].step, Some(Step::Data));
    assert_eq!(verdicts[0].kind, VerdictKind::ToCorrect);
    assert_eq!(verdicts[0].comment, "Schrap het rijksregisternummer.");
    assert_eq!(verdicts[0].by.role, Role::Dpo);
    assert!(has_rule(&harness, "review.step_to_correct"));
    assert!(has_rule(&harness, "review.open_comment"));

    // The drafter: switches the role in the form (it is remembered) and resolves the comment.
    click(&mut harness, "Opsteller");
    assert_eq!(harness.state().settings().user.role, Role::Drafter);
    step_until(&mut harness, "the role is written", || {
        Settings::load(dir.path().to_path_buf()).user.role == Role::Drafter
    });
    click(&mut harness, "Afhandelen");
    let comment = &harness.state().protocol().review.comments[0];
    let resolution = comment.resolved.as_ref().unwrap();
    assert_eq!(resolution.by.role, Role::Drafter);
    assert_eq!(resolution.by.name, "An Peeters");
    assert!(!has_rule(&harness, "review.open_comment"));
    assert!(has_rule(&harness, "review.step_to_correct"));
    assert!(harness.query_by_label("Heropenen").is_some());
    assert!(harness.state().is_dirty());
}

#[test]
fn the_status_moves_only_as_the_role_allows_and_a_refusal_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = harness_with(protocol, dir.path());
    click(&mut harness, "Beoordeling");
    assert!(
        harness
            .query_by_label_contains("Vul eerst uw naam in")
            .is_some()
    );

    // The drafter says who they are once; the settings folder remembers it.
    type_into(&mut harness, "Uw naam", "Jan Janssens");
    type_into(&mut harness, "Uw organisatie", "Gemeente Zoersel");
    assert!(
        harness
            .query_by_label_contains("Vul eerst uw naam in")
            .is_none()
    );
    let settings_dir = dir.path().to_path_buf();
    step_until(&mut harness, "the settings are written", || {
        Settings::load(settings_dir.clone()).user.organisation == "Gemeente Zoersel"
    });
    let user = Settings::load(dir.path().to_path_buf()).user;
    assert_eq!(user.name, "Jan Janssens");
    assert_eq!(user.organisation, "Gemeente Zoersel");
    assert_eq!(user.role, Role::Drafter);

    click(&mut harness, "Naar ‘Ter advies bij DPO’");
    let review = &harness.state().protocol().review;
    assert_eq!(review.status, Status::WithDpo);
    let last = review.history.last().unwrap();
    assert_eq!(last.who.name, "Jan Janssens");
    assert_eq!(last.who.role, Role::Drafter);
    assert!(last.action.contains("Ter advies bij DPO"));
    // The drafter has nothing more to move now.
    assert!(harness.query_by_label_contains("Naar ‘").is_none());
    // "Geschiedenis" lists it: when, who (role): what.
    harness.get_by_label("Geschiedenis").click_accesskit();
    harness.run();
    let line = harness
        .get_by_label_contains("Jan Janssens (opsteller): Status gewijzigd")
        .value()
        .unwrap_or_default();
    assert!(line.contains("Ter advies bij DPO"), "{line}");
    let today = protocolwijzer::dutch::dutch_long(chrono::Local::now().date_naive());
    assert!(line.starts_with(&today), "{line}");

    // The DPO cannot give advice before recording it, nor send it back without a remark.
    click(&mut harness, "Functionaris voor gegevensbescherming");
    click(&mut harness, "Naar ‘Advies gegeven’");
    assert_eq!(harness.state().protocol().review.status, Status::WithDpo);
    assert!(
        harness
            .query_by_label_contains("Registreer eerst het advies")
            .is_some()
    );
    click(&mut harness, "Naar ‘Terug naar opsteller’");
    assert_eq!(harness.state().protocol().review.status, Status::WithDpo);
    assert!(
        harness
            .query_by_label_contains("Geef een toelichting")
            .is_some()
    );
    type_into(
        &mut harness,
        "Toelichting bij ‘Terug naar opsteller’",
        "Vul de bewaartermijn aan.",
    );
    click(&mut harness, "Naar ‘Terug naar opsteller’");
    let review = &harness.state().protocol().review;
    assert_eq!(review.status, Status::Returned);
    let last = review.history.last().unwrap();
    assert_eq!(last.who.role, Role::Dpo);
    assert_eq!(last.remark, "Vul de bewaartermijn aan.");
    // Newest first, with the remark.
    let lines: Vec<String> = harness
        .query_all_by_label_contains("): Status gewijzigd")
        .filter_map(|node| node.value())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].contains("(functionaris voor gegevensbescherming)")
            && lines[0].ends_with("— Vul de bewaartermijn aan."),
        "{lines:?}"
    );
    assert!(lines[1].contains("Jan Janssens (opsteller)"), "{lines:?}");
    assert!(
        harness
            .query_by_label_contains("Geef een toelichting")
            .is_none()
    );
}

#[test]
fn a_dpo_records_advice_through_the_form_and_the_tab_shows_a_later_change() {
    let dir = tempfile::tempdir().unwrap();
    remember_user(
        dir.path(),
        Person {
            name: "An Peeters".into(),
            role: Role::Dpo,
            organisation: "Gemeente Zoersel".into(),
        },
    );
    let mut protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    protocol.parties[1].legal_name = "Gemeente Zoersel".into();
    let mut harness = harness_with(protocol, dir.path());
    harness.set_size(egui::vec2(1400.0, 3000.0));
    harness.run();
    click(&mut harness, "Beoordeling");
    assert!(
        harness
            .query_by_label_contains("Gemeente Zoersel: nog geen advies")
            .is_some()
    );

    click(&mut harness, "Advies voor Gemeente Zoersel");
    // Without a date nothing is recorded.
    click_button(&mut harness, "Advies registreren");
    assert!(
        harness.state().protocol().parties[1]
            .dpo_advice
            .outcome
            .is_none()
    );
    assert!(
        harness
            .query_by_label_contains("Vul de datum van het advies in")
            .is_some()
    );
    type_into(&mut harness, "Datum van het advies", "02-03-2026");
    // Conditions are required with "gunstig onder voorwaarden"; the refusal is in Dutch.
    click(&mut harness, "Gunstig onder voorwaarden");
    click_button(&mut harness, "Advies registreren");
    assert!(
        harness.state().protocol().parties[1]
            .dpo_advice
            .outcome
            .is_none()
    );
    assert!(
        harness
            .query_by_label_contains("horen de voorwaarden")
            .is_some()
    );

    click(&mut harness, "Gunstig");
    click_button(&mut harness, "Advies registreren");
    let fingerprint = protocolwijzer::model::fingerprint::fingerprint(harness.state().protocol());
    let advice = &harness.state().protocol().parties[1].dpo_advice;
    assert_eq!(advice.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 2));
    assert_eq!(advice.outcome, Some(AdviceOutcome::Favourable));
    assert_eq!(advice.fingerprint, fingerprint);
    assert!(
        harness.state().protocol().parties[0]
            .dpo_advice
            .outcome
            .is_none()
    );
    assert!(
        harness
            .query_by_label_contains("horen de voorwaarden")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("Gemeente Zoersel: gunstig op 2 maart 2026")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(&protocolwijzer::model::fingerprint::short_form(
                &fingerprint
            ))
            .is_some()
    );

    click(&mut harness, "Wijzigingen");
    assert!(
        harness
            .query_by_label_contains("Geen wijzigingen sinds het advies voor Gemeente Zoersel")
            .is_some()
    );

    // The content changes afterwards: the tab says so.
    harness.state_mut().protocol_mut().parties[1].kbo = "0207.437.468".into();
    harness.state_mut().touch();
    harness.run();
    assert!(
        harness
            .query_by_label(
                "Gemeente Zoersel: gunstig op 2 maart 2026 — de inhoud is sindsdien gewijzigd"
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(
                "Gewijzigd sinds het advies voor Gemeente Zoersel op 2 maart 2026"
            )
            .is_some()
    );
    // The Wijzigingen list names the changed field in Dutch, with the old and the new value.
    assert!(
        harness
            .query_by_label("Gemeente Zoersel › KBO-nummer: (leeg) ➡ ‘0207.437.468’")
            .is_some()
    );
}

/// Steps the harness until `label` shows up (a worker thread is writing a file).
fn wait_for_any(harness: &mut Harness<'_, ProtocolApp>, labels: &[&str]) {
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
    panic!("none of {labels:?} showed up");
}

#[test]
fn the_adviesverslag_exports_as_a_docx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("Adviesverslag.docx");
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = harness_with(protocol, dir.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .export_report(&ctx, protocolwijzer::app::Format::Docx, Some(out.clone()));
    harness.step();
    wait_for_any(&mut harness, &["Export klaar", "Er ging iets mis"]);
    assert!(harness.query_by_label("Export klaar").is_some());
    let file = std::fs::File::open(&out).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Adviesverslag"));
}

#[test]
fn the_adviesverslag_file_name_names_the_municipality_and_the_date() {
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
    let name = protocolwijzer::app::commands::report_file_name(
        &protocol,
        protocolwijzer::app::Format::Docx,
        date,
    );
    assert!(name.starts_with("Adviesverslag "), "{name}");
    assert!(name.ends_with(" 2 april 2026.docx"), "{name}");
}

#[test]
fn a_comment_on_the_last_focused_field_names_the_field() {
    let dir = tempfile::tempdir().unwrap();
    remember_user(
        dir.path(),
        Person {
            name: "An Peeters".into(),
            role: Role::Dpo,
            organisation: "Gemeente Zoersel".into(),
        },
    );
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = harness_with(protocol, dir.path());
    click(&mut harness, "Beoordeling");
    // No field has had the focus yet: only the comment on the step is offered.
    assert!(
        harness
            .query_by_label_contains("Opmerking bij dit veld")
            .is_none()
    );

    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "KBO-nummer")
        .click();
    harness.run();
    let path = harness
        .state()
        .focused_field(&harness.ctx)
        .expect("the KBO field has the focus");
    assert!(path.ends_with(".kbo"), "{path}");
    // The field is named by its party's name, as every other screen names the party.
    let label = protocolwijzer::model::labels::path_label_in(harness.state().protocol(), &path);
    let button = format!("Opmerking bij dit veld ({label})");

    // Typing the comment moves the focus away; the button keeps the field.
    type_into(
        &mut harness,
        "Nieuwe opmerking",
        "Controleer het ondernemingsnummer.",
    );
    click(&mut harness, &button);
    let comments = &harness.state().protocol().review.comments;
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].path, path);
    assert_eq!(comments[0].step, Some(Step::Parties));
    assert_eq!(comments[0].text, "Controleer het ondernemingsnummer.");
    assert!(
        harness
            .query_by_label(&format!("Bij het veld: {label}"))
            .is_some()
    );

    // On another step the field is not there: only the step comment is offered.
    harness.state_mut().set_step(Step::Data);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Opmerking bij dit veld")
            .is_none()
    );
}

#[test]
fn wijzigingen_compares_with_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut other = protocol.clone();
    other.parties[1].kbo = "0207.437.468".into();
    let other_path = dir.path().join("Ander protocol.ron");
    protocolwijzer::file::save(&other_path, &other).unwrap();
    let mut harness = harness_with(protocol, dir.path());
    click(&mut harness, "Beoordeling");
    harness.get_by_label("Wijzigingen").click_accesskit();
    harness.run();
    assert!(
        harness
            .query_by_label("Vergelijken met een ander bestand…")
            .is_some()
    );

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .compare_with(&ctx, Some(other_path.clone()));
    harness.step();
    wait_for_any(
        &mut harness,
        &["Verschillen met ‘Ander protocol.ron’", "Er ging iets mis"],
    );
    assert!(
        harness
            .query_by_label("Partij 2 › KBO-nummer: ‘0207.437.468’ ➡ (leeg)")
            .is_some()
    );

    // The same content: no differences; closing the comparison removes it.
    harness.state_mut().protocol_mut().parties[1].kbo = "0207.437.468".into();
    harness.state_mut().touch();
    harness.run();
    assert!(
        harness
            .query_by_label("Geen verschillen met ‘Ander protocol.ron’.")
            .is_some()
    );
    harness
        .get_by_label("Vergelijking sluiten")
        .click_accesskit();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Ander protocol.ron")
            .is_none()
    );
    assert!(harness.query_by_label("Vergelijking sluiten").is_none());
}

/// Regression test: typing the reviewer's name wrote the settings file (temporary file, sync,
/// `.bak`, rename) on the UI thread at every keystroke. Now nothing is written while the user
/// types; the worker writes the file once, a second after the last keystroke.
#[test]
fn typing_a_name_writes_the_settings_once_after_a_pause() {
    let dir = tempfile::tempdir().unwrap();
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = harness_with(protocol, dir.path());
    click(&mut harness, "Beoordeling");
    harness.get_by_label("Uw naam").click();
    harness.run();
    let user_file = dir.path().join("gebruiker.ron");
    for letter in ["J", "a", "n"] {
        harness.get_by_label("Uw naam").type_text(letter);
        // One frame: a quarter of a second of input time, less than the pause that writes.
        harness.step();
        assert!(!user_file.exists(), "written while typing");
    }
    assert_eq!(harness.state().settings().user.name, "Jan");
    step_until(&mut harness, "the settings are written", || {
        Settings::load(dir.path().to_path_buf()).user.name == "Jan"
    });
    assert!(
        !dir.path().join("gebruiker.ron.bak").exists(),
        "written once, not once per keystroke"
    );
}

/// Bestand › Importeren: a signed protocol's DOCX opens as a protocol, not saved yet, and the
/// Beoordeling tab and the check list what the import could not place.
#[test]
fn an_imported_protocol_lists_what_was_not_placed() {
    let dir = tempfile::tempdir().unwrap();
    let signed = protocolwijzer::file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/uitbetalingsactoren.ron"
    )))
    .unwrap();
    let findings = protocolwijzer::check::check(&signed, &protocolwijzer::check::Context::today());
    let document = protocolwijzer::pipeline::document(
        &signed,
        &findings,
        protocolwijzer::pipeline::Product::Protocol,
    );
    let source = dir.path().join("Protocol uitbetalingsactoren.docx");
    std::fs::write(&source, protocolwijzer::export::docx(&document).unwrap()).unwrap();

    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut harness = harness_with(protocol, dir.path());
    let ctx = harness.ctx.clone();
    harness.state_mut().import_from(&ctx, source.clone());
    wait_for_any(
        &mut harness,
        &["Niet geplaatst bij het importeren", "kan niet geïmporteerd"],
    );
    let imported = harness.state().protocol();
    assert_eq!(imported.parties.len(), signed.parties.len());
    let unplaced = imported.review.import.as_ref().unwrap().unplaced.len();
    assert!(unplaced > 0);
    assert!(
        harness
            .query_by_label(&format!("Niet geplaatst bij het importeren ({unplaced})"))
            .is_some()
    );
    assert!(
        harness.query_by_label_contains("is geïmporteerd").is_some(),
        "the notice says so"
    );
    assert!(harness.query_all_by_label("Kopiëren").count() >= 1);
    // Not saved: the window says so until it is saved as a protocol file.
    assert!(harness.state().is_dirty());
    assert!(harness.query_by_label_contains("niet opgeslagen").is_some());
    // The check lists the unplaced text as warnings too, one per piece.
    let warnings = protocolwijzer::check::check(
        harness.state().protocol(),
        &protocolwijzer::check::Context::today(),
    )
    .iter()
    .filter(|finding| finding.rule == "import.unplaced")
    .count();
    assert_eq!(warnings, unplaced);
    // Shown in the Controle list: at its step, with only that step's findings.
    let step = protocolwijzer::check::check(
        harness.state().protocol(),
        &protocolwijzer::check::Context::today(),
    )
    .into_iter()
    .find(|finding| finding.rule == "import.unplaced")
    .unwrap()
    .step;
    click(
        &mut harness,
        &format!("{}. {}", step.number(), step.title()),
    );
    harness.get_by_label_contains("Controle (").click();
    harness.run();
    click(&mut harness, "Alleen deze stap");
    assert!(
        harness
            .query_all_by_label_contains("Bij het importeren kreeg tekst uit")
            .count()
            >= 1
    );

    // Dealt with: the piece leaves the list and the check, the history keeps it whole.
    click(&mut harness, "Beoordeling");
    type_into(&mut harness, "Uw naam", "An Peeters");
    let first = harness
        .state()
        .protocol()
        .review
        .import
        .as_ref()
        .unwrap()
        .unplaced[0]
        .clone();
    harness
        .get_all_by_role_and_label(egui::accesskit::Role::Button, "Afgehandeld")
        .next()
        .unwrap()
        .click();
    harness.run();
    let protocol = harness.state().protocol();
    assert_eq!(
        protocol.review.import.as_ref().unwrap().unplaced.len(),
        unplaced - 1
    );
    let last = protocol.review.history.last().unwrap();
    assert!(
        last.action.starts_with("Niet-geplaatste tekst afgehandeld"),
        "{}",
        last.action
    );
    assert_eq!(last.remark, first.text.trim());
    assert_eq!(last.who.name, "An Peeters");
}

/// A file that is no protocol gives a Dutch error, and the open protocol stays.
#[test]
fn importing_a_foreign_file_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("boodschappen.txt");
    std::fs::write(&source, "Brood\nMelk\n").unwrap();
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let before = protocol.clone();
    let mut harness = harness_with(protocol, dir.path());
    let ctx = harness.ctx.clone();
    harness.state_mut().import_from(&ctx, source);
    wait_for_any(&mut harness, &["kan niet geïmporteerd"]);
    assert!(
        harness
            .query_by_label_contains("lijkt geen protocol")
            .is_some()
    );
    assert_eq!(harness.state().protocol(), &before);
}
