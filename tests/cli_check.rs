//! `protocolwijzer check` end to end: text grouped by step, JSON that parses back, a batch over
//! a folder with a broken file, `--today`, and the exit codes 0 / 1 / 2.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use common::{protocolwijzer, stderr, stdout};

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

const COMPLETE: &str = "opgroeien-gemeente-ingevuld.ron";

fn fixture(name: &str) -> String {
    common::fixture_path(name).to_str().unwrap().to_string()
}

fn template_file() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/opgroeien-lokaal-bestuur.ron")
        .to_str()
        .unwrap()
        .to_string()
}

fn json(output: &Output) -> Vec<Value> {
    let value: Value = serde_json::from_str(&stdout(output))
        .unwrap_or_else(|error| panic!("{error}: {}", stdout(output)));
    value.as_array().unwrap().clone()
}

#[test]
fn a_complete_protocol_passes_with_exit_0() {
    let output = protocolwijzer(&["check", &fixture(COMPLETE), "--today", "2026-06-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Gemeente Voorbeeldegem"), "{text}");
    assert!(text.contains("Geen bevindingen"), "{text}");
    assert!(text.contains("0 fouten, 0 waarschuwingen"), "{text}");
}

#[test]
fn text_output_is_grouped_by_step_with_severity_path_and_message() {
    let output = protocolwijzer(&["check", &template_file(), "--today", "2026-06-01"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    let parties = text.find("Stap 1 · Partijen").expect(&text);
    let municipal = text
        .find("Stap 9 · Gemeentelijk scenario en besluit")
        .expect(&text);
    let signing = text.find("Stap 11 · Ondertekening").expect(&text);
    assert!(parties < municipal && municipal < signing, "{text}");
    // Each step heading appears once; its findings follow it.
    assert_eq!(text.matches("Stap 1 · Partijen").count(), 1);
    let kbo = text.find("parties[1].kbo").expect(&text);
    assert!(parties < kbo && kbo < municipal, "{text}");
    assert!(text.contains("fout"), "{text}");
    assert!(
        text.contains("Vul het KBO-nummer van het lokaal bestuur in."),
        "{text}"
    );
    assert!(text.contains("municipal.financial_scenario"), "{text}");
    assert!(
        text.contains("parties[1].kbo  [party.missing_field]"),
        "the rule id follows the path: {text}"
    );
    // Under each message, the ground the rule enforces.
    assert!(
        text.contains(
            "Vul het KBO-nummer van het lokaal bestuur in.\n                 Grond: art. 20 WVG \
             30 juli 2018 (identificatie van de partijen)\n"
        ),
        "{text}"
    );
    assert_eq!(
        text.matches("\n                 Grond: ").count(),
        text.matches("  [").count(),
        "one ground line per finding: {text}"
    );
}

#[test]
fn json_output_parses_back_with_the_documented_fields() {
    let output = protocolwijzer(&[
        "check",
        &template_file(),
        "--format",
        "json",
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let findings = json(&output);
    assert!(findings.len() > 10);
    for finding in &findings {
        let object = finding.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(
            {
                let mut sorted = keys.clone();
                sorted.sort_unstable();
                sorted
            },
            [
                "file", "ground", "message", "path", "rule", "severity", "step"
            ],
            "{finding}"
        );
        assert!(
            object["file"]
                .as_str()
                .unwrap()
                .ends_with("opgroeien-lokaal-bestuur.ron")
        );
        assert!(
            ["fout", "waarschuwing", "info"].contains(&object["severity"].as_str().unwrap()),
            "{finding}"
        );
        // Every finding names its ground, the catalogue's for its rule.
        let rule = protocolwijzer::check::find_rule(object["rule"].as_str().unwrap()).unwrap();
        assert_eq!(object["ground"], rule.ground, "{finding}");
        assert!(!rule.ground.is_empty(), "{finding}");
    }
    let scenario = findings
        .iter()
        .find(|f| f["rule"] == "municipal.financial_scenario.missing")
        .unwrap();
    assert_eq!(scenario["step"], "municipal");
    assert_eq!(scenario["path"], "municipal.financial_scenario");
    assert_eq!(scenario["severity"], "fout");
    assert_eq!(
        scenario["ground"],
        "standaardprotocol Opgroeien: voorwaarde voor de ondertekening"
    );
    let kbo = findings
        .iter()
        .find(|f| f["path"] == "parties[1].kbo")
        .unwrap();
    assert_eq!(kbo["step"], "parties");
    assert_eq!(kbo["rule"], "party.missing_field");
}

#[test]
fn today_decides_which_advice_dates_lie_in_the_future() {
    // The municipality's DPO advised on 2 March 2026.
    let before = protocolwijzer(&[
        "check",
        &fixture(COMPLETE),
        "--format",
        "json",
        "--today",
        "2026-03-01",
    ]);
    assert_eq!(before.status.code(), Some(1), "{}", stderr(&before));
    let findings = json(&before);
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "dpo_advice.in_future"
                && f["path"] == "parties[1].dpo_advice.date"),
        "{findings:?}"
    );
    let after = protocolwijzer(&[
        "check",
        &fixture(COMPLETE),
        "--format",
        "json",
        "--today",
        "2026-04-01",
    ]);
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));
    assert_eq!(json(&after), Vec::<Value>::new());
}

#[test]
fn a_bad_today_is_a_usage_error() {
    let output = protocolwijzer(&["check", &fixture(COMPLETE), "--today", "1 maart 2026"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("JJJJ-MM-DD"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_file_gives_exit_2() {
    let folder = tempfile::tempdir().unwrap();
    let missing = folder.path().join("bestaat-niet.ron");
    let output = protocolwijzer(&["check", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("bestaat-niet.ron"),
        "{}",
        stderr(&output)
    );
}

/// A folder as Opgroeien staff receive it: three submissions, one of them broken.
fn batch_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    fs::copy(
        common::fixture_path(COMPLETE),
        folder.path().join("a-voorbeeldegem.ron"),
    )
    .unwrap();
    fs::copy(template_file(), folder.path().join("b-sjabloon.ron")).unwrap();
    fs::write(
        folder.path().join("c-kapot.ron"),
        "(\n    format: 1,\n    parties: [\n",
    )
    .unwrap();
    fs::write(folder.path().join("notities.txt"), "geen protocol").unwrap();
    folder
}

#[test]
fn a_folder_is_checked_as_a_batch_and_a_broken_file_gives_exit_2() {
    let folder = batch_folder();
    let output = protocolwijzer(&[
        "check",
        folder.path().to_str().unwrap(),
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let text = stdout(&output);
    let errors = stderr(&output);
    // The broken file is reported with the loader's Dutch message, naming line and column.
    assert!(errors.contains("c-kapot.ron"), "{errors}");
    assert!(
        errors.contains("regel") && errors.contains("kolom"),
        "{errors}"
    );
    // The others are still checked, in name order, with a summary line each and a total.
    let overview = &text[text.find("Overzicht").expect(&text)..];
    let a = overview
        .find("a-voorbeeldegem.ron · Gemeente Voorbeeldegem · 0 fouten")
        .expect(overview);
    let b = overview.find("b-sjabloon.ron").expect(overview);
    let c = overview.find("c-kapot.ron · onleesbaar").expect(overview);
    assert!(a < b && b < c, "{overview}");
    assert!(!text.contains("notities.txt"), "{text}");
    let total = overview
        .lines()
        .find(|line| line.starts_with("Totaal: 3 bestanden"))
        .expect(overview);
    assert!(total.contains("1 onleesbaar"), "{total}");
    assert!(!total.contains(" 0 fouten"), "{total}");
}

#[test]
fn json_batch_reports_unreadable_files_as_entries() {
    let folder = batch_folder();
    let output = protocolwijzer(&[
        "check",
        folder.path().to_str().unwrap(),
        "--format",
        "json",
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let findings = json(&output);
    let broken: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "file.unreadable")
        .collect();
    assert_eq!(broken.len(), 1, "{findings:?}");
    assert!(broken[0]["file"].as_str().unwrap().ends_with("c-kapot.ron"));
    assert!(broken[0]["step"].is_null());
    assert!(broken[0]["ground"].is_null());
    assert!(broken[0]["message"].as_str().unwrap().contains("regel"));
    assert!(
        findings
            .iter()
            .any(|f| f["file"].as_str().unwrap().ends_with("b-sjabloon.ron"))
    );
    assert!(
        !findings
            .iter()
            .any(|f| f["file"].as_str().unwrap().ends_with("a-voorbeeldegem.ron"))
    );
}

#[test]
fn several_files_exit_1_when_any_has_an_error() {
    let output = protocolwijzer(&[
        "check",
        &fixture(COMPLETE),
        &template_file(),
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Totaal: 2 bestanden"), "{text}");
    let complete = text.find(COMPLETE).unwrap();
    let template = text.find("opgroeien-lokaal-bestuur.ron").unwrap();
    assert!(complete < template, "files keep the order given: {text}");
}
