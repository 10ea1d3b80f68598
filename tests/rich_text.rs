//! Rich text in free-text fields (issue "Real protocols, exactly", point 6): bold, italic,
//! numbered and bulleted lists with a second level, and footnotes, rendered the same way in
//! DOCX (real Word footnotes and numbering) and PDF (footnotes at the foot of the page where
//! they are referenced), read back from the XML, pdftotext and LibreOffice.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::io::Read;

use common::readback::{available, convert_with_libreoffice, pdf_pages};
use protocolwijzer::check::{self, Context};
use protocolwijzer::export;
use protocolwijzer::model::Protocol;
use protocolwijzer::pipeline::{self, Product};

const NOTE_ONE: &str = "Zie O.D. 3.2.1 van de beleidsnota Welzijn.";
const NOTE_TWO: &str = "Het decreet van 27 april 2018.";

/// The fixture with markup in its context recital and its compatibility text.
fn marked_up() -> Protocol {
    let mut protocol = common::fixture("uitbetalingsactoren.ron");
    protocol.recitals.context = format!(
        "Het VAPH beslist **binnen drie maanden** over de *tenlasteneming*.^[{NOTE_ONE}]\n\n\
         De uitbetalingsactor:\n\
         1. ontvangt de beslissing;\n  \
         - via Opgroeien regie;\n  \
         - elke maandag;\n\
         2. kent de zorgtoeslag toe.^[{NOTE_TWO}]"
    );
    protocol
}

fn docx_parts(protocol: &Protocol) -> (String, String, String) {
    let findings = check::check(protocol, &Context::today());
    let document = pipeline::document(protocol, &findings, Product::Protocol);
    let bytes = export::docx(&document).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    (
        read("word/document.xml"),
        read("word/footnotes.xml"),
        read("word/numbering.xml"),
    )
}

#[test]
fn the_tree_carries_bold_italic_lists_and_footnotes() {
    let protocol = marked_up();
    let findings = check::check(&protocol, &Context::today());
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    let notes: Vec<String> = document
        .footnotes()
        .iter()
        .map(|note| note.iter().map(|span| span.text.as_str()).collect())
        .collect();
    assert_eq!(notes, [NOTE_ONE, NOTE_TWO]);
    let text = document.plain_text();
    assert!(text.contains("Het VAPH beslist binnen drie maanden over de tenlasteneming."));
    assert!(!text.contains("**") && !text.contains("^["));
}

#[test]
fn the_docx_has_real_footnotes_bold_runs_and_two_level_numbering() {
    let (document, footnotes, numbering) = docx_parts(&marked_up());
    // Each footnote is a Word footnote, referenced from the body in order.
    for (id, note) in [(1, NOTE_ONE), (2, NOTE_TWO)] {
        assert!(
            footnotes.contains(&format!("<w:footnote w:id=\"{id}\">")),
            "footnote {id} in footnotes.xml"
        );
        assert!(footnotes.contains(note));
        assert!(document.contains(&format!("<w:footnoteReference w:id=\"{id}\"/>")));
    }
    let first = document.find("w:footnoteReference w:id=\"1\"").unwrap();
    let second = document.find("w:footnoteReference w:id=\"2\"").unwrap();
    assert!(first < second);
    // Bold and italic are run properties.
    assert!(document.contains(
        "<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">binnen drie maanden</w:t>"
    ));
    assert!(
        document.contains(
            "<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">tenlasteneming</w:t>"
        )
    );
    // The numbered list and its sub-items use real numbering, on two levels.
    assert!(document.contains("<w:ilvl w:val=\"1\"/>"));
    assert!(numbering.contains("<w:lvl w:ilvl=\"1\""));
    assert!(numbering.contains("decimal"));
}

#[test]
fn in_the_pdf_a_footnote_stands_at_the_foot_of_the_page_of_its_number() {
    if !available("pdftotext") {
        return;
    }
    let protocol = marked_up();
    let findings = check::check(&protocol, &Context::today());
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("protocol.pdf");
    std::fs::write(&path, export::pdf(&document).unwrap()).unwrap();
    let mut found = 0;
    for (index, folded) in pdf_pages(&path).iter().enumerate() {
        let page = index + 1;
        for (mark, note, said) in [
            ("¹", NOTE_ONE, "tenlasteneming.¹"),
            ("²", NOTE_TWO, "zorgtoeslag toe.²"),
        ] {
            if let Some(reference) = folded.find(said) {
                let foot = folded
                    .find(&format!("{mark} {}", note))
                    .unwrap_or_else(|| panic!("page {page} has {said} but not its footnote"));
                assert!(foot > reference, "the footnote comes after the text");
                // Below the page's body: after the last body line before the footer.
                let last_body_line = folded.rfind("Vingerafdruk inhoud").unwrap_or(folded.len());
                assert!(foot < last_body_line);
                found += 1;
            }
        }
    }
    assert_eq!(found, 2, "both footnotes were found with their references");
}

#[test]
fn libreoffice_reads_the_footnotes_of_the_docx() {
    if !available("soffice") || !available("pdftotext") {
        return;
    }
    let (document_xml, ..) = docx_parts(&marked_up());
    assert!(document_xml.contains("footnoteReference"));
    let protocol = marked_up();
    let findings = check::check(&protocol, &Context::today());
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    let folder = tempfile::tempdir().unwrap();
    let docx = folder.path().join("protocol.docx");
    std::fs::write(&docx, export::docx(&document).unwrap()).unwrap();
    convert_with_libreoffice(folder.path(), &[&docx]);
    let text = pdf_pages(&folder.path().join("protocol.pdf")).join(" ");
    assert!(text.contains(NOTE_ONE), "LibreOffice shows footnote 1");
    assert!(text.contains(NOTE_TWO), "LibreOffice shows footnote 2");
    assert!(text.contains("binnen drie maanden"));
}

proptest::proptest! {
    /// Any text: the parser never panics, and every character that is not markup comes back.
    #[test]
    fn markup_never_loses_text(text in "[a-z *\\^\\[\\]\\-0-9.\n]{0,80}") {
        let mut protocol = common::fixture("uitbetalingsactoren.ron");
        protocol.recitals.context = text.clone();
        let findings = check::check(&protocol, &Context::today());
        let document = pipeline::document(&protocol, &findings, Product::Protocol);
        let mut said = document.plain_text();
        for note in document.footnotes() {
            said.extend(note.iter().flat_map(|span| span.text.chars()));
        }
        let letters = |text: &str| -> usize { text.chars().filter(char::is_ascii_alphanumeric).count() };
        proptest::prop_assert!(letters(&said) >= letters(&text));
    }
}
