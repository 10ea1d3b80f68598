//! Issue 17 §1, the Inzendingen desk below its table: a folder of submissions read into rows
//! (subfolders too, an unreadable file a row with its error), each row holding the facts of its
//! protocol; the watcher following changes on disk; the overview as an Excel sheet, read back
//! from its XML and through LibreOffice Calc; the command line.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use protocolwijzer::check::{self, Context, Severity};
use protocolwijzer::desk::{self, AdviceState, Approval, Desk, Submission};
use protocolwijzer::model::{AdviceOutcome, Status, fingerprint};

const TODAY: &str = "2026-12-04";

fn context() -> Context {
    Context {
        today: NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap(),
    }
}

/// A folder like a behandelaar's: four fixtures (one in a subfolder), a broken file, and
/// files the desk leaves alone.
fn submissions_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    std::fs::create_dir(root.join("2026")).unwrap();
    for (name, to) in [
        ("opgroeien-gemeente-ingevuld.ron", "Voorbeeldegem.ron"),
        ("zeven-partijen.ron", "Vijfdorpen.ron"),
        ("uitbetalingsactoren.ron", "2026/Uitbetalingsactoren.ron"),
        ("vutg-opgroeien-2025.ron", "2026/VUTG.ron"),
    ] {
        std::fs::copy(common::fixture_path(name), root.join(to)).unwrap();
    }
    std::fs::write(
        root.join("Kapot.ron"),
        "(\n    format_version: 1,\n    parties: [ ( id: \"x\", \n",
    )
    .unwrap();
    std::fs::write(root.join("notities.txt"), "geen protocol").unwrap();
    std::fs::write(root.join("Voorbeeldegem.ron.bak"), "oud").unwrap();
    folder
}

fn by_name<'a>(rows: &'a [Submission], name: &str) -> &'a Submission {
    rows.iter()
        .find(|row| row.name == name)
        .unwrap_or_else(|| panic!("no row {name} in {:?}", names(rows)))
}

fn names(rows: &[Submission]) -> Vec<String> {
    rows.iter().map(|row| row.name.clone()).collect()
}

#[test]
fn every_submission_in_the_folder_and_its_subfolders_is_a_row_with_its_protocols_facts() {
    let folder = submissions_folder();
    let progress = std::sync::Mutex::new(Vec::new());
    let rows = desk::read_all(folder.path(), &context(), 2, &|done, total| {
        progress.lock().unwrap().push((done, total));
    });
    let mut listed = names(&rows);
    listed.sort();
    assert_eq!(
        listed,
        [
            "2026/Uitbetalingsactoren.ron",
            "2026/VUTG.ron",
            "Kapot.ron",
            "Vijfdorpen.ron",
            "Voorbeeldegem.ron"
        ]
    );
    let mut reported = progress.into_inner().unwrap();
    reported.sort();
    assert_eq!(
        reported.last(),
        Some(&(5, 5)),
        "progress up to the last file"
    );

    // The unreadable file: a row with file, line and column, in Dutch.
    let broken = by_name(&rows, "Kapot.ron");
    let message = broken.content.as_ref().unwrap_err();
    assert!(message.contains("Kapot.ron"), "{message}");
    assert!(message.contains("regel"), "{message}");
    assert!(message.contains("kolom"), "{message}");

    // Each readable row holds what its protocol says.
    for (name, fixture) in [
        ("Voorbeeldegem.ron", "opgroeien-gemeente-ingevuld.ron"),
        ("Vijfdorpen.ron", "zeven-partijen.ron"),
        ("2026/Uitbetalingsactoren.ron", "uitbetalingsactoren.ron"),
        ("2026/VUTG.ron", "vutg-opgroeien-2025.ron"),
    ] {
        let protocol = common::fixture(fixture);
        let summary = by_name(&rows, name).content.as_ref().unwrap();
        let findings = check::check(&protocol, &context());
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        assert_eq!(summary.errors, count(Severity::Fout), "{name}");
        assert_eq!(summary.warnings, count(Severity::Waarschuwing), "{name}");
        assert_eq!(summary.status, protocol.review.status, "{name}");
        let party = protocol.drafting_party().unwrap();
        assert_eq!(summary.municipality, party.legal_name.trim(), "{name}");
        assert_eq!(summary.advice.len(), protocol.parties.len(), "{name}");
        assert_eq!(
            summary.college_decision,
            protocol
                .municipal
                .as_ref()
                .and_then(|case| case.college_decision.date),
            "{name}"
        );
        assert!(!summary.title.is_empty(), "{name}");
    }

    let municipal = by_name(&rows, "Voorbeeldegem.ron")
        .content
        .as_ref()
        .unwrap();
    assert_eq!(municipal.status, Status::Approved);
    assert_eq!(municipal.municipality, "Gemeente Voorbeeldegem");
    assert_eq!(municipal.approval, Approval::Current);
    assert!(municipal.college_decision.is_some());
    assert!(
        municipal
            .advice
            .iter()
            .all(|advice| matches!(advice.state, AdviceState::Given(Some(_)))),
        "{:?}",
        municipal.advice
    );
    let last = municipal.last_change.as_ref().unwrap();
    assert!(!last.who.is_empty() && !last.what.is_empty());
    assert!(
        by_name(&rows, "Voorbeeldegem.ron")
            .last_change_text()
            .contains(&format!("door {}", last.who))
    );
    let draft = by_name(&rows, "2026/Uitbetalingsactoren.ron")
        .content
        .as_ref()
        .unwrap();
    assert_eq!(draft.status, Status::Draft);
    assert_eq!(draft.approval, Approval::None);
}

#[test]
fn advice_and_approval_given_on_other_content_are_outdated() {
    let folder = tempfile::tempdir().unwrap();
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let before = fingerprint::fingerprint(&protocol);
    protocol.parties[0].dpo_advice.fingerprint = before.clone();
    protocol.parties[0].dpo_advice.outcome = Some(AdviceOutcome::Favourable);
    protocol.parties[1].dpo_advice.date = None;
    protocol.parties[1].dpo_advice.outcome = None;
    if let Some(approval) = protocol.review.approval.as_mut() {
        approval.fingerprint = before;
    }
    protocol.title.context.push_str(" (gewijzigd)");
    let path = folder.path().join("gewijzigd.ron");
    protocolwijzer::file::save(&path, &protocol).unwrap();
    let row = desk::read(folder.path(), &path, &context());
    let summary = row.content.unwrap();
    assert_eq!(summary.advice[0].state, AdviceState::Outdated);
    assert_eq!(summary.advice[1].state, AdviceState::Missing);
    assert_eq!(summary.approval, Approval::Outdated);
    assert!(summary.advice_counts().contains("1 verouderd"));
    assert!(summary.advice_counts().contains("1 ontbreekt"));
    assert!(
        summary.advice_lines()[0].ends_with("verouderd door latere wijzigingen"),
        "{:?}",
        summary.advice_lines()
    );
}

/// Polls `desk` until `done` holds or ten seconds pass.
fn poll_until(desk: &mut Desk, what: &str, done: impl Fn(&Desk) -> bool) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        desk.poll();
        if done(desk) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{what} did not happen; rows: {:?}", names(desk.rows()));
}

fn status_of(desk: &Desk, name: &str) -> Option<Status> {
    desk.rows()
        .iter()
        .find(|row| row.name == name)
        .and_then(|row| row.content.as_ref().ok())
        .map(|summary| summary.status)
}

#[test]
fn the_desk_follows_the_folder_a_changed_file_updates_its_row_a_new_one_appears_a_removed_one_goes()
{
    let folder = submissions_folder();
    let woken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&woken);
    let mut desk = Desk::open(
        folder.path().to_path_buf(),
        context(),
        std::sync::Arc::new(move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }),
    );
    poll_until(&mut desk, "the first reading", |desk| {
        !desk.is_loading() && desk.rows().len() == 5
    });
    assert_eq!(desk.total, Some(5));
    assert!(woken.load(std::sync::atomic::Ordering::Relaxed) > 0);
    assert!(desk.not_watched.is_none(), "{:?}", desk.not_watched);

    // The drafter submits: the file is saved (atomically, as the app saves) with a new status.
    let path = folder.path().join("2026/Uitbetalingsactoren.ron");
    let mut protocol = protocolwijzer::file::load(&path).unwrap();
    protocol.review.status = Status::Submitted;
    protocolwijzer::file::save(&path, &protocol).unwrap();
    poll_until(&mut desk, "the changed row", |desk| {
        status_of(desk, "2026/Uitbetalingsactoren.ron") == Some(Status::Submitted)
    });

    // The broken file is repaired by a plain write.
    std::fs::copy(
        common::fixture_path("agodi-kind-en-gezin.ron"),
        folder.path().join("Kapot.ron"),
    )
    .unwrap();
    poll_until(&mut desk, "the repaired row", |desk| {
        desk.rows()
            .iter()
            .any(|row| row.name == "Kapot.ron" && row.content.is_ok())
    });

    // A new submission arrives in a new subfolder; one is taken away.
    std::fs::create_dir(folder.path().join("nieuw")).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    std::fs::copy(
        common::fixture_path("zeven-partijen.ron"),
        folder.path().join("nieuw/Tweede.ron"),
    )
    .unwrap();
    std::fs::remove_file(folder.path().join("Vijfdorpen.ron")).unwrap();
    poll_until(&mut desk, "the new and the removed row", |desk| {
        let listed = names(desk.rows());
        listed.contains(&"nieuw/Tweede.ron".to_string())
            && !listed.contains(&"Vijfdorpen.ron".to_string())
    });
    assert_eq!(desk.rows().len(), 5);
}

/// A CSV text as records of fields (quoted fields may hold the separator and line breaks).
fn csv_records(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut characters = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '"' if quoted && characters.peek() == Some(&'"') => {
                field.push('"');
                characters.next();
            }
            '"' => quoted = !quoted,
            c if c == separator && !quoted => record.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[test]
fn the_overview_is_an_excel_sheet_with_real_dates_a_filter_and_a_frozen_header() {
    let folder = submissions_folder();
    let rows = desk::read_all(folder.path(), &context(), 2, &|_, _| {});
    let bytes = desk::sheet::xlsx(&rows).unwrap();

    // The sheet's XML: the frozen first row, the autofilter over every column, dates as
    // numbers with a date format (not text).
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains(r#"state="frozen""#), "{sheet}");
    assert!(sheet.contains(r#"ySplit="1""#), "{sheet}");
    assert!(sheet.contains(r#"<autoFilter ref="A1:L6""#), "{sheet}");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/styles.xml").unwrap(), &mut styles)
        .unwrap();
    assert!(styles.contains("dd/mm/yyyy"), "{styles}");

    // Through LibreOffice Calc, as a user opens it: every row back with the facts.
    if !common::readback::available("soffice") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let xlsx = out.path().join("Inzendingen.xlsx");
    std::fs::write(&xlsx, &bytes).unwrap();
    let profile = format!("file://{}", out.path().join("lo-profile").display());
    let result = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            &format!("-env:UserInstallation={profile}"),
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1",
            "--outdir",
        ])
        .arg(out.path())
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let text = std::fs::read_to_string(out.path().join("Inzendingen.csv")).unwrap();
    let records = csv_records(&text, ';');
    assert_eq!(records[0], desk::sheet::HEADINGS, "{text}");
    assert_eq!(records.len(), 1 + rows.len(), "{text}");
    for record in &records[1..] {
        assert_eq!(record.len(), desk::sheet::HEADINGS.len(), "{record:?}");
        let row = by_name(&rows, &record[10]);
        match &row.content {
            Err(message) => {
                assert_eq!(&record[11], message);
                assert!(record[..10].iter().all(String::is_empty), "{record:?}");
            }
            Ok(summary) => {
                assert_eq!(record[0], summary.municipality);
                assert_eq!(record[1], summary.title);
                assert_eq!(record[2], summary.status.label());
                assert_eq!(record[3], summary.errors.to_string());
                assert_eq!(record[4], summary.warnings.to_string());
                assert_eq!(record[5], summary.advice_lines().join("\n"));
                assert_eq!(record[6], summary.approval.label());
                assert_eq!(
                    record[7],
                    summary
                        .college_decision
                        .map(|date| date.format("%d/%m/%Y").to_string())
                        .unwrap_or_default()
                );
                let when = row.last_change_time().unwrap();
                assert_eq!(record[8], when.format("%d/%m/%Y %H:%M").to_string());
            }
        }
    }
    // The rows are in file-name order, the unreadable file first (as in the app).
    let files: Vec<&str> = records[1..]
        .iter()
        .map(|record| record[10].as_str())
        .collect();
    assert_eq!(
        files,
        [
            "Kapot.ron",
            "2026/Uitbetalingsactoren.ron",
            "2026/VUTG.ron",
            "Vijfdorpen.ron",
            "Voorbeeldegem.ron"
        ]
    );
}

#[test]
fn the_command_line_writes_the_overview_without_a_window() {
    let folder = submissions_folder();
    let out = tempfile::tempdir().unwrap();
    let xlsx: PathBuf = out.path().join("overzicht.xlsx");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "inzendingen",
            folder.path().to_str().unwrap(),
            "--excel",
            xlsx.to_str().unwrap(),
            "--today",
            TODAY,
        ];
        args.extend_from_slice(extra);
        common::protocolwijzer(&args)
    };
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let said = common::stdout(&output);
    assert!(said.contains("5 inzendingen"), "{said}");
    assert!(said.contains("1 onleesbaar"), "{said}");
    assert!(Path::new(&xlsx).is_file());

    // Not over an existing file without --force; with it, the old one is kept as .bak.
    let again = run(&[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(common::stderr(&again).contains("bestaat al"));
    let forced = run(&["--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", common::stderr(&forced));

    let missing = common::protocolwijzer(&[
        "inzendingen",
        out.path().join("weg").to_str().unwrap(),
        "--excel",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(common::stderr(&missing).contains("geen map"));
}

/// Issue 17 §3: a submission package is a row too, its protocol read in place from the zip;
/// a zip that is no package, or holds a broken protocol, is a row with the reason.
#[test]
fn a_submission_package_is_read_in_place_and_a_foreign_zip_says_why_not() {
    let folder = tempfile::tempdir().unwrap();
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let findings = check::check(&protocol, &context());
    let package =
        protocolwijzer::package::build(&protocol, &findings, context().today, false).unwrap();
    let zip_path = folder.path().join(&package.file_name);
    std::fs::write(&zip_path, &package.bytes).unwrap();
    std::fs::write(
        folder.path().join("foto's.zip"),
        b"PK\x03\x04 geen echt pakket",
    )
    .unwrap();

    let rows = desk::read_all(folder.path(), &context(), 2, &|_, _| {});
    assert_eq!(rows.len(), 2);
    let row = by_name(&rows, &package.file_name);
    let summary = row.content.as_ref().unwrap();
    let inner = summary.in_package.as_deref().unwrap();
    assert!(inner.ends_with(".ron"), "{inner}");
    assert_eq!(summary.status, Status::Approved);
    assert_eq!(summary.approval, Approval::Current);
    assert_eq!(summary.municipality, "Gemeente Voorbeeldegem");
    let (read, from) = desk::read_protocol(&zip_path).unwrap();
    assert_eq!(
        read, protocol,
        "the package's .ron is the protocol, unchanged"
    );
    assert_eq!(from.as_deref(), Some(inner));

    let foreign = by_name(&rows, "foto's.zip");
    let message = foreign.content.as_ref().unwrap_err();
    assert!(message.contains("foto's.zip"), "{message}");

    // A package whose protocol is damaged: the error names the file inside the zip.
    let mut broken = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut broken));
        writer
            .start_file(
                "Protocol Kapot.ron",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        std::io::Write::write_all(&mut writer, b"(format_version: 1, parties: [").unwrap();
        writer.finish().unwrap();
    }
    let broken_path = folder.path().join("Indienpakket Kapot.zip");
    std::fs::write(&broken_path, broken).unwrap();
    let row = desk::read(folder.path(), &broken_path, &context());
    let message = row.content.unwrap_err();
    assert!(
        message.contains("Indienpakket Kapot.zip/Protocol Kapot.ron"),
        "{message}"
    );
    assert!(message.contains("regel 1"), "{message}");
}
