//! Files where officials keep them: folders and names with spaces and accents, files edited by
//! hand on Windows (CRLF line endings), and files on a read-only share. The same cases run
//! against the Windows build under Wine in tests/windows_build.rs.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;

use common::{ReadOnlyFolder, fixture_path, protocolwijzer, skip_or_fail, stderr, stdout};
use protocolwijzer::file;

/// A fixture with every line ending turned into CRLF, as Notepad on an older Windows saves it.
fn with_crlf(name: &str) -> String {
    fs::read_to_string(fixture_path(name))
        .unwrap()
        .replace("\r\n", "\n")
        .replace('\n', "\r\n")
}

fn path_text(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn spaces_and_accents_in_folder_and_file_names() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("Gedeelde map");
    fs::create_dir(&folder).unwrap();
    let protocol = folder.join("Protocol Zoë.ron");

    let created = protocolwijzer(&["new", "-o", path_text(&protocol)]);
    assert_eq!(created.status.code(), Some(0), "{}", stderr(&created));
    assert!(
        stdout(&created).contains("Protocol Zoë.ron"),
        "{}",
        stdout(&created)
    );

    // The app's own save and load on such a path, twice, so the backup is made too.
    let loaded = file::load(&protocol).unwrap();
    file::save(&protocol, &loaded).unwrap();
    file::save(&protocol, &loaded).unwrap();
    assert!(folder.join("Protocol Zoë.ron.bak").exists());
    assert_eq!(file::load(&protocol).unwrap(), loaded);

    let checked = protocolwijzer(&["check", path_text(&protocol), "--today", "2026-11-23"]);
    assert_eq!(checked.status.code(), Some(1), "the new protocol has gaps");
    assert!(
        stdout(&checked).contains("Protocol Zoë.ron"),
        "{}",
        stdout(&checked)
    );

    let docx = folder.join("Protocol Zoë.docx");
    let pdf = folder.join("Protocol Zoë.pdf");
    let exported = protocolwijzer(&[
        "export",
        path_text(&protocol),
        "--docx",
        path_text(&docx),
        "--pdf",
        path_text(&pdf),
    ]);
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));
    assert!(fs::read(&docx).unwrap().starts_with(b"PK"));
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn a_file_with_crlf_line_endings_reads_as_the_same_protocol() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["zeven-partijen.ron", "opgroeien-gemeente-ingevuld.ron"] {
        let crlf = folder.path().join(name);
        fs::write(&crlf, with_crlf(name)).unwrap();
        assert!(
            fs::read(&crlf)
                .unwrap()
                .windows(2)
                .any(|pair| pair == b"\r\n")
        );
        assert_eq!(
            file::load(&crlf).unwrap(),
            file::load(&fixture_path(name)).unwrap(),
            "{name}"
        );

        // The check reports the same, and the exports are the same bytes.
        let lf = fixture_path(name);
        let json = |path: &Path| {
            let output = protocolwijzer(&[
                "check",
                "--format",
                "json",
                "--today",
                "2026-11-23",
                path_text(path),
            ]);
            stdout(&output).replace(path_text(path), "PROTOCOL")
        };
        assert_eq!(json(&crlf), json(&lf), "{name}");
        let export = |path: &Path, stem: &str| {
            let docx = folder.path().join(format!("{stem}.docx"));
            let pdf = folder.path().join(format!("{stem}.pdf"));
            let output = protocolwijzer(&[
                "export",
                path_text(path),
                "--docx",
                path_text(&docx),
                "--pdf",
                path_text(&pdf),
            ]);
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            (fs::read(docx).unwrap(), fs::read(pdf).unwrap())
        };
        assert!(export(&crlf, "crlf") == export(&lf, "lf"), "{name}");
    }
}

#[test]
fn a_mistake_in_a_crlf_file_is_reported_at_its_line_and_column() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("Met de hand bewerkt.ron");
    let text = "(\r\n    format: 1,\r\n    titel: \"x\",\r\n)\r\n";
    fs::write(&path, text).unwrap();
    let output = protocolwijzer(&["check", path_text(&path)]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output) + &stdout(&output);
    assert!(message.contains("regel 3, kolom 5"), "{message}");
    assert!(message.contains("titel"), "{message}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "never rewritten");
}

#[test]
fn a_file_on_a_read_only_share_opens_and_exports_elsewhere_but_is_never_written() {
    let root = tempfile::tempdir().unwrap();
    let share = root.path().join("Gedeelde schijf (alleen lezen)");
    fs::create_dir(&share).unwrap();
    let protocol = share.join("Protocol Zoë.ron");
    fs::copy(fixture_path("zeven-partijen.ron"), &protocol).unwrap();
    let original = fs::read(&protocol).unwrap();
    let read_only = match ReadOnlyFolder::new(&share) {
        Ok(folder) => folder,
        Err(reason) => return skip_or_fail(&format!("no read-only folder here: {reason}")),
    };

    // Reading works: load, check, export to a writable folder.
    let loaded = file::load(&protocol).unwrap();
    let checked = protocolwijzer(&["check", path_text(&protocol), "--today", "2026-11-23"]);
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
    let elsewhere = root.path().join("Protocol Zoë.pdf");
    let exported = protocolwijzer(&[
        "export",
        path_text(&protocol),
        "--pdf",
        path_text(&elsewhere),
    ]);
    assert_eq!(exported.status.code(), Some(0), "{}", stderr(&exported));

    // Writing to the share fails with a Dutch message naming the file; nothing changes.
    let error = file::save(&protocol, &loaded).unwrap_err().to_string();
    assert!(error.contains("Protocol Zoë.ron"), "{error}");
    assert!(
        error.contains("alleen-lezen") || error.contains("geen toestemming"),
        "{error}"
    );
    let on_share = share.join("Protocol Zoë.docx");
    let refused = protocolwijzer(&[
        "export",
        path_text(&protocol),
        "--docx",
        path_text(&on_share),
    ]);
    assert_eq!(refused.status.code(), Some(2), "{}", stdout(&refused));
    let message = stderr(&refused);
    assert!(message.contains("Protocol Zoë.docx"), "{message}");
    assert!(
        message.contains("alleen-lezen") || message.contains("geen toestemming"),
        "{message}"
    );
    let created = protocolwijzer(&["new", "-o", path_text(&share.join("Nieuw.ron"))]);
    assert_eq!(created.status.code(), Some(2), "{}", stdout(&created));
    assert!(
        stderr(&created).contains("alleen-lezen") || stderr(&created).contains("geen toestemming"),
        "{}",
        stderr(&created)
    );

    drop(read_only);
    assert_eq!(fs::read(&protocol).unwrap(), original);
    let mut names: Vec<String> = fs::read_dir(&share)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["Protocol Zoë.ron"],
        "no backup, temporary or partial file"
    );
}
