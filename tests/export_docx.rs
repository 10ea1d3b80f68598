//! The DOCX export read back: unzipped and parsed (styles, every fact in document order,
//! header, footer, properties), converted by a real client (LibreOffice) and read again,
//! byte-identical on every export, and well-formed whatever text the user typed.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use common::readback::{available, convert_with_libreoffice};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use protocolwijzer::check::{self, Context};
use protocolwijzer::document::{self, Block, Document};
use protocolwijzer::dutch::dutch_long;
use protocolwijzer::export;
use protocolwijzer::model::Protocol;
use protocolwijzer::template;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

fn build(protocol: &Protocol) -> Document {
    let context = Context {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    };
    let findings = check::check(protocol, &context);
    document::build(
        protocol,
        &protocolwijzer::pipeline::options(protocol, &findings),
    )
}

fn template_protocol() -> Protocol {
    template::new_protocol(template::DEFAULT_TEMPLATE).unwrap()
}

/// Every part of the package, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        if entry.is_dir() {
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        parts.insert(entry.name().unwrap().into_owned(), content);
    }
    parts
}

fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no part {name}"))
            .clone(),
    )
    .unwrap()
}

/// One `w:p` of a part: its style and its text (runs and field instructions).
#[derive(Debug, Default)]
struct Para {
    style: Option<String>,
    text: String,
    instructions: String,
}

fn attribute(element: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    element.try_get_attribute(name).unwrap().map(|value| {
        value
            .normalized_value(XmlVersion::Implicit1_0)
            .unwrap()
            .into_owned()
    })
}

/// Parses a WordprocessingML part completely (failing on malformed XML) and returns its
/// paragraphs in order.
fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    let mut current: Option<Para> = None;
    let mut in_text = false;
    let mut in_instruction = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(element) => match element.name().as_ref() {
                "w:p" => current = Some(Para::default()),
                "w:t" => in_text = true,
                "w:instrText" => in_instruction = true,
                _ => {}
            },
            Event::Empty(element) => match element.name().as_ref() {
                "w:pStyle" => {
                    if let Some(paragraph) = current.as_mut() {
                        paragraph.style = attribute(&element, "w:val");
                    }
                }
                "w:p" => found.push(Para::default()),
                _ => {}
            },
            Event::End(element) => match element.name().as_ref() {
                "w:p" => found.extend(current.take()),
                "w:t" => in_text = false,
                "w:instrText" => in_instruction = false,
                _ => {}
            },
            Event::Text(text) => {
                let text = text.xml10_content();
                if let Some(paragraph) = current.as_mut() {
                    if in_text {
                        paragraph.text.push_str(&text);
                    } else if in_instruction {
                        paragraph.instructions.push_str(&text);
                    }
                }
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().unwrap() {
                    Some(character) => character.to_string(),
                    None => match reference.xml10_content().as_ref() {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "quot" => "\"".to_string(),
                        "apos" => "'".to_string(),
                        other => panic!("unknown entity {other}"),
                    },
                };
                if let Some(paragraph) = current.as_mut()
                    && in_text
                {
                    paragraph.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// Every element of a part parses (quick-xml checks that end tags match).
fn assert_well_formed(name: &str, xml: &[u8]) {
    let text = std::str::from_utf8(xml).unwrap_or_else(|error| panic!("{name}: {error}"));
    let mut reader = Reader::from_str(text);
    let mut depth: i64 = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("{name} is not well-formed XML: {error}"),
        }
    }
    assert_eq!(depth, 0, "{name}: unbalanced elements");
    for character in text.chars() {
        let code = u32::from(character);
        assert!(
            (code >= 0x20 || [0x09, 0x0A, 0x0D].contains(&code))
                && character != '\u{FFFE}'
                && character != '\u{FFFF}',
            "{name} contains U+{code:04X}, which XML 1.0 forbids"
        );
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_words(text: &str, count: usize) -> String {
    text.split_whitespace()
        .take(count)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts that `needles` occur in `text` in this order.
fn assert_in_order(what: &str, text: &str, needles: &[String]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle.as_str()) {
            Some(position) => from += position + needle.len(),
            None => panic!("{what}: ‘{needle}’ missing or out of order after byte {from}"),
        }
    }
}

/// The facts that must be in the document, in document order, in groups that are each in
/// order: parties with KBO, data items with justification, DPO advice dates, signatories.
fn facts(protocol: &Protocol, words: usize) -> Vec<(&'static str, Vec<String>)> {
    let parties = protocol
        .parties
        .iter()
        .flat_map(|party| [fold(&party.legal_name), fold(&party.kbo)])
        .collect();
    let items = protocol
        .data_items
        .iter()
        .flat_map(|item| {
            [
                first_words(&item.description, words),
                first_words(&item.justification, words),
            ]
        })
        .collect();
    let advice = protocol
        .parties
        .iter()
        .filter_map(|party| party.dpo_advice.date.map(dutch_long))
        .collect();
    let signatories = protocol
        .parties
        .iter()
        .flat_map(|party| party.signatories.iter().map(|s| fold(&s.name)))
        .collect();
    vec![
        ("partijen en KBO-nummers", parties),
        ("gegevens en verantwoording", items),
        ("adviezen", advice),
        ("ondertekenaars", signatories),
    ]
}

fn assert_facts(what: &str, protocol: &Protocol, text: &str, words: usize) {
    for (group, needles) in facts(protocol, words) {
        assert!(
            !needles.is_empty() || group == "adviezen",
            "{what}: no {group}"
        );
        let from = if group == "ondertekenaars" {
            text.rfind("Opgemaakt te").unwrap()
        } else {
            0
        };
        assert_in_order(&format!("{what}, {group}"), &text[from..], &needles);
    }
}

#[test]
fn headings_use_word_styles_and_every_fact_is_there_in_order() {
    for name in [
        "zeven-partijen.ron",
        "vutg-opgroeien-2025.ron",
        "opgroeien-gemeente-ingevuld.ron",
        "agodi-kind-en-gezin.ron",
    ] {
        let protocol = common::fixture(name);
        let document = build(&protocol);
        let parts = unzip(&export::docx(&document).unwrap());
        let paragraphs = paragraphs(&part(&parts, "word/document.xml"));

        let styled = |style: &str| -> Vec<String> {
            paragraphs
                .iter()
                .filter(|p| p.style.as_deref() == Some(style))
                .map(|p| p.text.clone())
                .collect()
        };
        assert_eq!(styled("Title").len(), 1, "{name}: one title");
        let expected: Vec<String> = document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading(heading) if heading.level == 1 => Some(heading.text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(styled("Heading1"), expected, "{name}: Heading1 paragraphs");
        assert!(
            styled("Heading1")
                .iter()
                .any(|h| h.starts_with("Artikel 12"))
        );
        assert!(
            !styled("Heading2").is_empty(),
            "{name}: Heading2 paragraphs"
        );

        let text = fold(
            &paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        assert_facts(name, &protocol, &text, 12);
    }
}

#[test]
fn styles_define_outline_levels_lists_and_table_headers() {
    let document = build(&common::fixture("zeven-partijen.ron"));
    let parts = unzip(&export::docx(&document).unwrap());
    let styles = part(&parts, "word/styles.xml");
    for needle in [
        "w:styleId=\"Title\"",
        "<w:name w:val=\"heading 1\"/>",
        "<w:name w:val=\"heading 2\"/>",
        "<w:outlineLvl w:val=\"0\"/>",
        "<w:outlineLvl w:val=\"1\"/>",
        "w:default=\"1\" w:styleId=\"Normal\"",
        "<w:jc w:val=\"both\"/>",
    ] {
        assert!(styles.contains(needle), "styles.xml lacks {needle}");
    }
    let body = part(&parts, "word/document.xml");
    // The data-item table repeats its shaded header row and keeps rows whole.
    assert!(body.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"));
    assert!(body.contains("w:fill=\"D9E2F3\""));
    assert!(body.contains("<w:numPr>"));
    assert!(part(&parts, "word/numbering.xml").contains("upperLetter"));
    // A4, portrait.
    assert!(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
}

#[test]
fn gaps_are_highlighted() {
    let document = build(&template_protocol());
    let body = part(
        &unzip(&export::docx(&document).unwrap()),
        "word/document.xml",
    );
    let gap_run = "<w:rStyle w:val=\"Invulveld\"/><w:b/><w:bCs/><w:highlight w:val=\"yellow\"/></w:rPr><w:t xml:space=\"preserve\">[in te vullen: ";
    assert!(body.contains(gap_run), "no highlighted gap");
    assert_eq!(
        body.matches("[in te vullen:").count(),
        body.matches(gap_run).count(),
        "every gap marker is highlighted"
    );
}

#[test]
fn the_signature_block_is_a_table_of_boxes_that_never_split() {
    let protocol = common::fixture("zeven-partijen.ron");
    let body = part(
        &unzip(&export::docx(&build(&protocol)).unwrap()),
        "word/document.xml",
    );
    let start = body.rfind("Opgemaakt te").unwrap();
    let signatures = &body[start..];
    let table = &signatures[signatures.find("<w:tbl>").unwrap()..];
    let table = &table[..table.find("</w:tbl>").unwrap()];
    let signatories: usize = protocol.parties.iter().map(|p| p.signatories.len()).sum();
    assert_eq!(signatories, 13);
    // Two boxes per pair of rows: the names, then the room to sign, every row kept whole,
    // so the signature lines of a pair stand at one height whatever the names' length.
    let pairs = signatories.div_ceil(2);
    assert_eq!(table.matches("<w:tr>").count(), 2 * pairs);
    assert_eq!(
        table.matches("<w:trPr><w:cantSplit/></w:trPr>").count(),
        2 * pairs
    );
    let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
    for (index, row) in rows.iter().enumerate() {
        if index % 2 == 0 {
            assert!(row.contains(">Voor "), "row {index} holds the names");
            assert!(!row.contains(">Handtekening<"));
            // The names stay with the room to sign below them.
            assert!(row.matches("<w:keepNext/>").count() >= 3);
        } else {
            assert!(
                row.contains(">Handtekening<"),
                "row {index} holds the room to sign"
            );
            assert!(!row.contains(">Voor "));
            assert!(row.contains("<w:pBdr>"), "with the signature line");
            assert!(!row.contains("<w:keepNext/>"), "no chain beyond the pair");
        }
    }
    assert_eq!(table.matches("<w:gridCol ").count(), 2);
    assert_eq!(table.matches(">Handtekening<").count(), signatories);
    for party in &protocol.parties {
        assert!(table.contains(&format!(">Voor {}<", party.legal_name.trim())));
    }
}

#[test]
fn header_and_footer_carry_page_numbers_title_fingerprint_and_the_draft_mark() {
    for (protocol, draft) in [
        (template_protocol(), true),
        (common::fixture("opgroeien-gemeente-ingevuld.ron"), false),
    ] {
        let document = build(&protocol);
        assert_eq!(document.metadata.status.is_draft(), draft);
        let parts = unzip(&export::docx(&document).unwrap());
        let header = paragraphs(&part(&parts, "word/header1.xml"));
        let header_text: String = header.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(header_text.contains("ONTWERP"), draft, "{header_text}");
        assert!(header_text.contains(document.metadata.short_title.trim()));

        let footer = paragraphs(&part(&parts, "word/footer1.xml"));
        let instructions: String = footer.iter().map(|p| p.instructions.as_str()).collect();
        assert!(instructions.contains(" PAGE "), "{instructions}");
        assert!(instructions.contains(" NUMPAGES "), "{instructions}");
        let footer_text: String = footer
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(footer_text.ends_with("Pagina 1 van 1"), "{footer_text}");
        assert!(
            footer_text.starts_with("Vingerafdruk inhoud: "),
            "{footer_text}"
        );
        assert!(footer_text.contains(&document.metadata.fingerprint));
        assert!(!document.metadata.fingerprint.is_empty());
        // No ONTWERP anywhere in a complete protocol.
        if !draft {
            for (name, content) in &parts {
                assert!(
                    !String::from_utf8_lossy(content).contains("ONTWERP"),
                    "{name} says ONTWERP"
                );
            }
        }
    }
}

#[test]
fn core_properties_hold_title_author_and_the_protocol_date() {
    let document = build(&common::fixture("opgroeien-gemeente-ingevuld.ron"));
    let core = part(
        &unzip(&export::docx(&document).unwrap()),
        "docProps/core.xml",
    );
    let mut reader = Reader::from_str(&core);
    let mut values = BTreeMap::new();
    let mut open = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(element) => open = Some(element.name().as_ref().to_string()),
            Event::Text(text) => {
                if let Some(name) = &open {
                    values.insert(name.clone(), text.xml10_content().into_owned());
                }
            }
            Event::End(_) => open = None,
            Event::Eof => break,
            _ => {}
        }
    }
    let metadata = &document.metadata;
    assert_eq!(values["dc:title"], metadata.title);
    assert_eq!(values["dc:subject"], metadata.subject);
    assert_eq!(values["dc:creator"], "Gemeente Voorbeeldegem");
    assert_eq!(values["dcterms:created"], "2026-03-30T00:00:00Z");
    assert_eq!(values["dcterms:modified"], "2026-03-30T00:00:00Z");
    let app = part(
        &unzip(&export::docx(&document).unwrap()),
        "docProps/app.xml",
    );
    assert!(app.contains(&format!("<Application>{}</Application>", metadata.creator)));
}

#[test]
fn two_exports_are_byte_identical_and_the_zip_has_no_clock() {
    // Regression guard: docx-rs's zip stamps entries with the current time when its `time`
    // feature is on; every entry must carry the fixed 1980-01-01 stamp instead.
    for protocol in [
        common::fixture("zeven-partijen.ron"),
        common::stress::stress_protocol(),
    ] {
        let first = export::docx(&build(&protocol)).unwrap();
        let second = export::docx(&build(&protocol)).unwrap();
        assert!(first == second, "two exports differ");
        let third = std::thread::spawn(move || export::docx(&build(&protocol)).unwrap())
            .join()
            .unwrap();
        assert!(first == third, "an export on another thread differs");
        let mut archive = zip::ZipArchive::new(Cursor::new(&first)).unwrap();
        for index in 0..archive.len() {
            let entry = archive.by_index(index).unwrap();
            let stamp = entry.last_modified().unwrap();
            assert_eq!(
                (stamp.year(), stamp.month(), stamp.day(), stamp.hour()),
                (1980, 1, 1, 0),
                "{} carries a clock time",
                entry.name().unwrap()
            );
        }
    }
}

#[test]
fn the_stress_protocol_exports_completely() {
    let protocol = common::stress::stress_protocol();
    let bytes = export::docx(&build(&protocol)).unwrap();
    // For timing LibreOffice on the same file as the benchmark.
    if let Some(path) = std::env::var_os("PROTOCOLWIJZER_SAVE_STRESS_DOCX") {
        std::fs::write(path, &bytes).unwrap();
    }
    let parts = unzip(&bytes);
    for (name, content) in &parts {
        assert_well_formed(name, content);
    }
    let text = fold(
        &paragraphs(&part(&parts, "word/document.xml"))
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert_facts("stress", &protocol, &text, 12);
}

#[test]
fn arbitrary_text_never_panics_and_always_gives_a_well_formed_docx() {
    let strategy = (
        common::generate::protocol(),
        vec(common::generate::text(), 6),
        any::<bool>(),
    );
    common::check_property(64, strategy, |(protocol, texts, draft)| {
        let mut document = build(&protocol);
        // The metadata too: header, footer and properties.
        let metadata = &mut document.metadata;
        metadata.short_title.push_str(&texts[0]);
        metadata.status = if draft {
            protocolwijzer::document::DocumentStatus::draft(texts[1].clone())
        } else {
            protocolwijzer::document::DocumentStatus::Final {
                approval: texts[1].clone(),
            }
        };
        metadata.fingerprint = texts[2].clone();
        metadata.author = texts[3].clone();
        metadata.creator = texts[4].clone();
        metadata.subject = texts[5].clone();
        let bytes =
            export::docx(&document).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let parts = unzip(&bytes);
        prop_assert!(parts.contains_key("word/document.xml"));
        for (name, content) in &parts {
            assert_well_formed(name, content);
        }
        paragraphs(&part(&parts, "word/document.xml"));
        Ok(())
    });
}

fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success(), "pdftotext failed on {pdf:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn libreoffice_opens_the_docx_and_prints_the_same_facts() {
    if !available("soffice") || !available("pdftotext") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let cases = [
        ("zeven", common::fixture("zeven-partijen.ron"), false),
        (
            "ingevuld",
            common::fixture("opgroeien-gemeente-ingevuld.ron"),
            false,
        ),
        ("sjabloon", template_protocol(), true),
    ];
    let mut paths = Vec::new();
    for (name, protocol, _) in &cases {
        let path = folder.path().join(format!("{name}.docx"));
        std::fs::write(&path, export::docx(&build(protocol)).unwrap()).unwrap();
        paths.push(path);
    }
    convert_with_libreoffice(
        folder.path(),
        &paths.iter().map(|path| path.as_path()).collect::<Vec<_>>(),
    );
    for (name, protocol, draft) in &cases {
        let raw = pdf_text(&folder.path().join(format!("{name}.pdf")));
        let text = fold(&raw);
        let document = build(protocol);
        assert!(
            text.contains(&fold(&document.metadata.short_title)),
            "{name}: no short title"
        );
        assert_eq!(text.contains("ONTWERP"), *draft, "{name}: draft mark");
        let pages = raw.matches('\u{c}').count();
        assert!(
            text.contains(&format!("Pagina 1 van {pages}")),
            "{name}: no ‘Pagina 1 van {pages}’"
        );
        if !*draft {
            assert_facts(name, protocol, &text, 4);
        }
    }
}
