//! Reading exports back as a reader meets them: the paragraphs of a DOCX (unzip + quick-xml)
//! and the text of a PDF (pdftotext), with one space between words so that a sentence can be
//! looked for whole, whatever the line breaks.

use std::io::Read;
use std::path::Path;
use std::process::Command;

/// The text of every paragraph of the DOCX body (`word/document.xml`), in order, white space
/// folded. Table cells are paragraphs too.
pub fn docx_paragraphs(docx: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(element) if element.name().as_ref() == "w:t" => {
                in_text = true;
            }
            quick_xml::events::Event::End(element) => match element.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => paragraphs.push(fold(&std::mem::take(&mut current))),
                _ => {}
            },
            quick_xml::events::Event::Empty(element) if element.name().as_ref() == "w:tab" => {
                current.push(' ');
            }
            quick_xml::events::Event::Text(text) if in_text => {
                current.push_str(&text.xml10_content());
            }
            quick_xml::events::Event::GeneralRef(reference) if in_text => {
                match reference.resolve_char_ref().expect("a character reference") {
                    Some(character) => current.push(character),
                    None => current.push_str(match reference.xml10_content().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unknown entity {other}"),
                    }),
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    paragraphs
}

/// The whole text of a PDF, words separated by single spaces; `None` (with a note) when
/// pdftotext is missing, a failure when `PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1`.
pub fn pdf_words(pdf: &[u8]) -> Option<String> {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("document.pdf");
    std::fs::write(&path, pdf).expect("the PDF is written");
    // -raw: the words in the order the content streams draw them, which is reading order in our
    // PDFs (the default mode reorders a justified line's words into columns).
    match std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(output) if output.status.success() => {
            Some(fold(&String::from_utf8_lossy(&output.stdout)))
        }
        _ => {
            assert!(
                std::env::var("PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS").as_deref() != Ok("1"),
                "pdftotext is required (PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1) but missing"
            );
            eprintln!("note: pdftotext not found, the PDF read-back is skipped");
            None
        }
    }
}

/// The text of each page of the PDF at `pdf`, as pdftotext lays it out (`-layout`), folded to
/// one line per page; the list ends at the first page pdftotext cannot read or finds empty.
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let mut pages = Vec::new();
    for page in 1..=200 {
        let output = Command::new("pdftotext")
            .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let text = fold(&String::from_utf8_lossy(&output.stdout));
        if !output.status.success() || text.is_empty() {
            break;
        }
        pages.push(text);
    }
    pages
}

/// White space folded to single spaces.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a real client (`soffice`, `pdftotext`) is on the PATH; a missing one is a skip with
/// a note, except when `PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1` (CI), where it is a failure.
pub fn available(program: &str) -> bool {
    let found = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| folder.join(program).is_file())
    });
    if !found {
        let required = std::env::var("PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS").as_deref() == Ok("1");
        assert!(
            !required,
            "{program} is missing and PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1"
        );
        eprintln!("note: {program} not found; skipping the real-client check");
    }
    found
}

/// Converts `documents` to PDF with LibreOffice into `folder` (with a profile of its own
/// there, so parallel tests do not share one).
pub fn convert_with_libreoffice(folder: &Path, documents: &[&Path]) {
    let profile = format!("file://{}", folder.join("lo-profile").display());
    let output = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            &format!("-env:UserInstallation={profile}"),
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(folder)
        .args(documents)
        .output()
        .expect("soffice runs");
    assert!(
        output.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
