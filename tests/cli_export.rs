//! `protocolwijzer export`: writes the DOCX, refuses an incomplete protocol with
//! `--require-complete` (exit 1, findings printed), and exits 2 on unreadable input.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use common::protocolwijzer;

use std::fs;
use std::path::Path;
use std::process::Output;

fn output_text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn is_docx(path: &Path) -> bool {
    let bytes = fs::read(path).unwrap();
    bytes.starts_with(b"PK\x03\x04")
        && String::from_utf8_lossy(&bytes).contains("word/document.xml")
}

fn template_file(folder: &Path) -> std::path::PathBuf {
    let file = folder.join("gemeente.ron");
    let output = protocolwijzer(&["new", "-o", path(&file)]);
    assert_eq!(output.status.code(), Some(0), "{}", output_text(&output));
    file
}

#[test]
fn docx_writes_a_word_document() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("Protocol Zoë.docx");
    let fixture = common::fixture_path("zeven-partijen.ron");
    let output = protocolwijzer(&[
        "export",
        path(&fixture),
        "--docx",
        path(&out),
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", output_text(&output));
    assert!(is_docx(&out));
    assert!(
        output_text(&output).contains("geschreven naar"),
        "{}",
        output_text(&output)
    );
    // The same file exported again gives the same bytes.
    let first = fs::read(&out).unwrap();
    let output = protocolwijzer(&["export", path(&fixture), "--docx", path(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", output_text(&output));
    assert_eq!(fs::read(&out).unwrap(), first);
}

#[test]
fn a_draft_exports_without_require_complete() {
    let folder = tempfile::tempdir().unwrap();
    let file = template_file(folder.path());
    let out = folder.path().join("ontwerp.docx");
    let output = protocolwijzer(&["export", path(&file), "--docx", path(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", output_text(&output));
    assert!(is_docx(&out));
    assert!(output_text(&output).contains("ontwerp"));
}

#[test]
fn require_complete_refuses_the_template_and_prints_the_findings() {
    let folder = tempfile::tempdir().unwrap();
    let file = template_file(folder.path());
    let out = folder.path().join("geweigerd.docx");
    let output = protocolwijzer(&[
        "export",
        path(&file),
        "--docx",
        path(&out),
        "--require-complete",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", output_text(&output));
    let text = output_text(&output);
    assert!(text.contains("Geweigerd"), "{text}");
    assert!(text.contains("fout · stap"), "{text}");
    assert!(text.contains("parties["), "no field path: {text}");
    assert!(!out.exists(), "a refused export wrote a file");
}

#[test]
fn require_complete_accepts_a_complete_protocol() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("ingevuld.docx");
    let output = protocolwijzer(&[
        "export",
        path(&common::fixture_path("opgroeien-gemeente-ingevuld.ron")),
        "--docx",
        path(&out),
        "--require-complete",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", output_text(&output));
    assert!(is_docx(&out));
    assert!(!output_text(&output).contains("ontwerp"));
}

#[test]
fn unreadable_input_exits_with_2() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("uit.docx");
    let missing = folder.path().join("bestaat-niet.ron");
    let output = protocolwijzer(&["export", path(&missing), "--docx", path(&out)]);
    assert_eq!(output.status.code(), Some(2), "{}", output_text(&output));
    assert!(output_text(&output).contains("bestaat-niet.ron"));

    let garbage = folder.path().join("kapot.ron");
    fs::write(&garbage, "(format: 1, parties: [").unwrap();
    let output = protocolwijzer(&["export", path(&garbage), "--docx", path(&out)]);
    assert_eq!(output.status.code(), Some(2), "{}", output_text(&output));
    assert!(!out.exists());
}

#[test]
fn export_without_an_output_is_a_usage_error() {
    let fixture = common::fixture_path("zeven-partijen.ron");
    let output = protocolwijzer(&["export", path(&fixture)]);
    assert_eq!(output.status.code(), Some(2), "{}", output_text(&output));
    assert!(output_text(&output).contains("--docx"));
}

#[test]
fn docx_and_pdf_together_write_the_docx_whatever_the_pdf_writer_says() {
    let folder = tempfile::tempdir().unwrap();
    let docx = folder.path().join("p.docx");
    let pdf = folder.path().join("p.pdf");
    let output = protocolwijzer(&[
        "export",
        path(&common::fixture_path("zeven-partijen.ron")),
        "--docx",
        path(&docx),
        "--pdf",
        path(&pdf),
    ]);
    assert!(is_docx(&docx), "{}", output_text(&output));
    if pdf.exists() {
        assert_eq!(output.status.code(), Some(0), "{}", output_text(&output));
        assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    } else {
        // The PDF writer is not there yet: the failure is reported, with exit code 1.
        assert_eq!(output.status.code(), Some(1), "{}", output_text(&output));
        assert!(output_text(&output).contains("PDF"));
    }
}

/// The names in `folder`, sorted.
fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// Regression: `export p.ron --pdf p.ron` replaced the protocol with a PDF (exit 0). Every
// spelling of the protocol file as an output is refused, before anything is written.
#[test]
fn an_export_over_its_own_protocol_file_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let protocol = folder.path().join("p.ron");
    fs::copy(common::fixture_path("zeven-partijen.ron"), &protocol).unwrap();
    let before = fs::read(&protocol).unwrap();
    fs::create_dir(folder.path().join("sub")).unwrap();
    let mut spellings = vec![
        ("--pdf", protocol.clone()),
        ("--docx", folder.path().join("sub/../p.ron")),
        ("--report-pdf", folder.path().join("./p.ron")),
    ];
    #[cfg(unix)]
    {
        // A link to the protocol, and a second (hard) link: the same file under another name.
        std::os::unix::fs::symlink(&protocol, folder.path().join("link.pdf")).unwrap();
        fs::hard_link(&protocol, folder.path().join("hard.docx")).unwrap();
        spellings.push(("--report-docx", folder.path().join("link.pdf")));
        spellings.push(("--docx", folder.path().join("hard.docx")));
    }
    let names = names_in(folder.path());
    for (flag, output_path) in spellings {
        let output = protocolwijzer(&["export", path(&protocol), flag, path(&output_path)]);
        let text = output_text(&output);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{flag} {output_path:?}: {text}"
        );
        assert!(text.contains("is het protocolbestand zelf"), "{text}");
        assert!(
            text.contains(path(&output_path)) && text.contains(flag),
            "{text}"
        );
        assert!(text.contains(path(&protocol)), "{text}");
        assert_eq!(
            fs::read(&protocol).unwrap(),
            before,
            "{flag} {output_path:?}"
        );
        assert_eq!(names_in(folder.path()), names, "nothing is written");
    }
}

// Regression: `--docx X --pdf X` wrote one export over the other. Two outputs that are the same
// file (also one not written yet, through another spelling of its folder) are refused.
#[test]
fn two_exports_to_the_same_file_are_refused() {
    let folder = tempfile::tempdir().unwrap();
    let fixture = common::fixture_path("zeven-partijen.ron");
    let same = folder.path().join("uit");
    let mut pairs = vec![
        ("--docx", same.clone(), "--pdf", same.clone()),
        (
            "--report-docx",
            folder.path().join("verslag"),
            "--report-pdf",
            folder.path().join("./verslag"),
        ),
    ];
    #[cfg(unix)]
    {
        // The folder under a second name (a link): not-yet-existing outputs compare by their
        // resolved folder and their name.
        std::os::unix::fs::symlink(folder.path(), folder.path().join("alias")).unwrap();
        pairs.push((
            "--docx",
            folder.path().join("p.docx"),
            "--report-docx",
            folder.path().join("alias/p.docx"),
        ));
    }
    let names = names_in(folder.path());
    for (first_flag, first, second_flag, second) in pairs {
        let output = protocolwijzer(&[
            "export",
            path(&fixture),
            first_flag,
            path(&first),
            second_flag,
            path(&second),
        ]);
        let text = output_text(&output);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(text.contains("zijn hetzelfde bestand"), "{text}");
        for named in [first_flag, path(&first), second_flag, path(&second)] {
            assert!(text.contains(named), "{named} not in: {text}");
        }
        assert_eq!(names_in(folder.path()), names, "nothing is written");
    }
}

// A short year on the command line is no date: `--today 26-06-01` was read as the year 26.
#[test]
fn today_needs_a_four_digit_year() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("uit.docx");
    let fixture = common::fixture_path("zeven-partijen.ron");
    let output = protocolwijzer(&[
        "export",
        path(&fixture),
        "--docx",
        path(&out),
        "--today",
        "26-06-01",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", output_text(&output));
    assert!(output_text(&output).contains("JJJJ-MM-DD"));
    assert!(!out.exists());
}

/// `--besluit-docx` / `--besluit-pdf`: the draft college decision of a municipal case; a
/// protocol without one is refused (exit 1) and nothing is written.
#[test]
fn besluit_exports_for_a_municipal_case_only() {
    let folder = tempfile::tempdir().unwrap();
    let municipal = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/opgroeien-gemeente-ingevuld.ron"
    );
    let docx = folder.path().join("besluit.docx");
    let pdf = folder.path().join("besluit.pdf");
    let output = protocolwijzer(&[
        "export",
        municipal,
        "--besluit-docx",
        path(&docx),
        "--besluit-pdf",
        path(&pdf),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", output_text(&output));
    assert!(is_docx(&docx));
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert!(output_text(&output).contains("Ontwerp van collegebesluit (DOCX)"));

    let other = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/vutg-opgroeien-2025.ron"
    );
    let refused = folder.path().join("geen.docx");
    let output = protocolwijzer(&["export", other, "--besluit-docx", path(&refused)]);
    assert_eq!(output.status.code(), Some(1), "{}", output_text(&output));
    assert!(output_text(&output).contains("geen gemeentelijk scenario"));
    assert!(!refused.exists());
}
