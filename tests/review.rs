//! Review inside the file: the fingerprint, outdated approval, "what changed", the diff
//! command and the review report.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use protocolwijzer::check::{self, Context};
use protocolwijzer::document;
use protocolwijzer::model::Step;
use protocolwijzer::model::fingerprint::fingerprint;
use protocolwijzer::model::{Person, Role};
use protocolwijzer::review::{self, diff::diff};
use protocolwijzer::{file, template};

fn context() -> Context {
    Context {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

#[test]
fn fingerprint_survives_save_load_and_field_order() {
    let protocol = common::fixture("vutg-opgroeien-2025.ron");
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("p.ron");
    file::save(&path, &protocol).unwrap();
    assert_eq!(
        fingerprint(&file::load(&path).unwrap()),
        fingerprint(&protocol)
    );

    // Move the `retention` line to just after `format`: the same content in another order.
    let text = file::to_ron_string(&protocol);
    let retention_line = text
        .lines()
        .find(|line| line.starts_with("    retention:"))
        .unwrap();
    let reordered = text
        .replacen(&format!("{retention_line}\n"), "", 1)
        .replacen(
            "    format: 2,\n",
            &format!("    format: 2,\n{retention_line}\n"),
            1,
        );
    assert_ne!(reordered, text);
    let reloaded = file::from_str(&reordered, Path::new("herschikt.ron")).unwrap();
    assert_eq!(fingerprint(&reloaded), fingerprint(&protocol));
}

/// A change to a protocol, for tables of edits.
type Edit = Box<dyn Fn(&mut protocolwijzer::model::Protocol)>;

#[test]
fn fingerprint_changes_with_content_but_not_with_comments() {
    let protocol = common::fixture("zeven-partijen.ron");
    let before = fingerprint(&protocol);
    let edits: Vec<Edit> = vec![
        Box::new(|p| p.parties[3].kbo.push('1')),
        Box::new(|p| p.data_items[2].justification.push('.')),
        Box::new(|p| p.flows[1].periodicity.day_of_month = Some(6)),
        Box::new(|p| p.clauses.sanction = String::new()),
        Box::new(|p| p.signing.place = "Gent".into()),
        Box::new(|p| p.parties[0].signatories.push(Default::default())),
    ];
    for (index, edit) in edits.iter().enumerate() {
        let mut changed = protocol.clone();
        edit(&mut changed);
        assert_ne!(fingerprint(&changed), before, "edit {index}");
    }
    let mut commented = protocol.clone();
    let dpo = Person {
        name: "D".into(),
        role: Role::Dpo,
        organisation: String::new(),
    };
    let when = NaiveDate::from_ymd_opt(2026, 4, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    review::add_comment(&mut commented, &dpo, when, Step::Data, "", "Vraag").unwrap();
    review::set_verdict(
        &mut commented,
        Step::Data,
        protocolwijzer::model::VerdictKind::Acceptable,
        "",
        &dpo,
        when,
    )
    .unwrap();
    assert_eq!(fingerprint(&commented), before);
}

#[test]
fn a_change_after_approval_is_found_and_makes_the_document_a_draft_again() {
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    assert!(review::is_approved(&protocol));
    let findings = check::check(&protocol, &context());
    assert!(
        findings
            .iter()
            .all(|f| f.rule != "review.approval_outdated")
    );
    assert!(
        !protocolwijzer::pipeline::options(&protocol, &findings)
            .status
            .is_draft()
    );

    protocol
        .municipal
        .as_mut()
        .unwrap()
        .financial_scenario
        .push_str(" Ook € 50 voor elk kind.");
    let findings = check::check(&protocol, &context());
    let outdated = findings
        .iter()
        .find(|f| f.rule == "review.approval_outdated")
        .unwrap();
    assert_eq!(outdated.severity, check::Severity::Fout);
    let options = protocolwijzer::pipeline::options(&protocol, &findings);
    assert!(options.status.is_draft());
    assert_eq!(options.status.label(), "Ontwerp – gewijzigd na goedkeuring");
    // And "what changed since the approval" is exactly that field.
    let approved = review::snapshot(
        &protocol,
        &protocol.review.approval.as_ref().unwrap().fingerprint,
    )
    .cloned();
    let baseline = approved.unwrap_or_else(|| common::fixture("opgroeien-gemeente-ingevuld.ron"));
    let changes = diff(&baseline, &protocol);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].path, "municipal.financial_scenario");
    assert_eq!(
        changes[0].label,
        "Gemeentelijk scenario › Financieel scenario"
    );
}

#[test]
fn diff_of_two_fixtures_lists_exactly_the_changed_fields() {
    let old = common::fixture("vutg-opgroeien-2025.ron");
    let mut new = old.clone();
    new.parties[1].kbo = "0886.886.639".into();
    new.data_items[2].justification = "Een andere verantwoording.".into();
    new.signing.place = "Gent".into();
    new.flows[0].channel = protocolwijzer::model::ChannelKind::EncryptedEmail;
    new.review.comments.push(Default::default()); // not content
    let changes = diff(&old, &new);
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "parties[1].kbo",
            "flows[0].channel",
            "data_items[2].justification",
            "signing.place"
        ]
    );
    // The party is called by its name, as on every screen.
    assert_eq!(changes[0].label, "Opgroeien regie › KBO-nummer");
    assert_eq!(changes[0].old, "‘0886.886.638’");
    assert_eq!(changes[1].new, "versleutelde e-mail");
    assert!(diff(&old, &old.clone()).is_empty());
}

#[test]
fn diff_lists_added_items_field_by_field() {
    let old = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let mut new = old.clone();
    new.annexes.push(protocolwijzer::model::Annex {
        title: "Analyse".into(),
        description: String::new(),
    });
    let changes = diff(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].path, "annexes[1].title");
    assert_eq!(changes[0].label, "Bijlage 2 › Titel");
    assert_eq!(changes[0].old, "(leeg)");
}

#[test]
fn the_diff_command_has_exit_codes_0_1_2() {
    let run = |old: &Path, new: &Path| {
        Command::new(env!("CARGO_BIN_EXE_protocolwijzer"))
            .arg("diff")
            .args([old, new])
            .output()
            .unwrap()
    };
    let fixture = common::fixture_path("vutg-opgroeien-2025.ron");
    let same = run(&fixture, &fixture);
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&same.stdout).contains("Geen verschillen"));

    let folder = tempfile::tempdir().unwrap();
    let changed_path = folder.path().join("gewijzigd.ron");
    let mut changed = common::fixture("vutg-opgroeien-2025.ron");
    changed.signing.place = "Gent".into();
    file::save(&changed_path, &changed).unwrap();
    let different = run(&fixture, &changed_path);
    assert_eq!(different.status.code(), Some(1));
    let text = String::from_utf8_lossy(&different.stdout);
    assert!(text.contains("1 wijziging"), "{text}");
    assert!(
        text.contains("Ondertekening › Plaats: ‘Brussel’ → ‘Gent’") || text.contains("→ ‘Gent’"),
        "{text}"
    );

    let broken = folder.path().join("kapot.ron");
    std::fs::write(&broken, "(format: 1, retention: 3)").unwrap();
    let unreadable = run(&fixture, &broken);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unreadable.stderr).contains("kolom"));
}

#[test]
fn the_review_report_lists_advice_verdicts_comments_and_history() {
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let dpo = Person {
        name: "Sofie Claeys".into(),
        role: Role::Dpo,
        organisation: "Gemeente Voorbeeldegem".into(),
    };
    let when = NaiveDate::from_ymd_opt(2026, 4, 2)
        .unwrap()
        .and_hms_opt(11, 30, 0)
        .unwrap();
    review::add_comment(
        &mut protocol,
        &dpo,
        when,
        Step::Data,
        "data_items[1].justification",
        "Periode verduidelijken",
    )
    .unwrap();
    review::set_verdict(
        &mut protocol,
        Step::Security,
        protocolwijzer::model::VerdictKind::Improvable,
        "Logging vermelden",
        &dpo,
        when,
    )
    .unwrap();
    let findings = check::check(&protocol, &context());
    let report = document::adviesverslag::build(
        &protocol,
        &protocolwijzer::pipeline::options(&protocol, &findings),
    );
    let text = report.plain_text();
    for expected in [
        "Adviesverslag",
        "Goedgekeurd door Bea Verhoeven",
        "gunstig op 2 maart 2026",
        "te verbeteren",
        "Logging vermelden",
        "Periode verduidelijken",
        "Gegeven 2 › Verantwoording",
        "2 april 2026 om 11:30",
        "Sofie Claeys (functionaris voor gegevensbescherming, Gemeente Voorbeeldegem)",
    ] {
        assert!(text.contains(expected), "missing {expected}:\n{text}");
    }
    assert!(report.metadata.title.starts_with("Adviesverslag"));
    // The protocol document itself is unchanged by review data.
    let plain = document::build(
        &protocol,
        &protocolwijzer::pipeline::options(&protocol, &findings),
    )
    .plain_text();
    assert!(!plain.contains("Periode verduidelijken"));
}

#[test]
fn the_review_report_exports_as_docx_from_the_command_line() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("Adviesverslag.docx");
    let output = Command::new(env!("CARGO_BIN_EXE_protocolwijzer"))
        .arg("export")
        .arg(common::fixture_path("opgroeien-gemeente-ingevuld.ron"))
        .arg("--report-docx")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Adviesverslag"));
    assert!(xml.contains("Goedgekeurd door Bea Verhoeven"));
}
