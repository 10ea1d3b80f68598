//! Issue 18 §2 (the HTML part): the protocol as an accessible web page and a folder as a
//! website with an index. The pages are read back strictly (as XML, with quick-xml): the
//! language, one title heading, the document's headings in order, header cells with a scope in
//! every table, every word of the document tree, links that lead to files that exist.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use protocolwijzer::check::{self, Context};
use protocolwijzer::document::Block;
use protocolwijzer::pipeline::{self, Product};
use quick_xml::events::Event;

/// What the page says, as read back.
#[derive(Debug, Default)]
struct Page {
    lang: String,
    title: String,
    /// (level, text) of every h1–h6, in order.
    headings: Vec<(u8, String)>,
    /// Per table: header cells with their scope, and data cells.
    tables: Vec<(Vec<String>, usize)>,
    /// Every href.
    links: Vec<String>,
    /// All text of the body, words separated by single spaces.
    text: String,
    scripts: usize,
}

fn read_page(html: &str) -> Page {
    let mut reader = quick_xml::Reader::from_str(html);
    let mut page = Page::default();
    let mut stack: Vec<String> = Vec::new();
    let mut heading: Option<(u8, String)> = None;
    let mut in_title = false;
    let mut body_text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(start) => {
                let name = start.name().as_ref().to_string();
                let attributes: BTreeMap<String, String> = start
                    .attributes()
                    .map(|attribute| {
                        let attribute = attribute.unwrap();
                        (
                            attribute.key.as_ref().to_string(),
                            attribute
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                match name.as_str() {
                    "html" => page.lang = attributes.get("lang").cloned().unwrap_or_default(),
                    "title" => in_title = true,
                    "script" => page.scripts += 1,
                    "table" => page.tables.push((Vec::new(), 0)),
                    "th" => {
                        if let Some(table) = page.tables.last_mut() {
                            table
                                .0
                                .push(attributes.get("scope").cloned().unwrap_or_default());
                        }
                    }
                    "td" => {
                        if let Some(table) = page.tables.last_mut() {
                            table.1 += 1;
                        }
                    }
                    "a" => page.links.extend(attributes.get("href").cloned()),
                    tag if tag.len() == 2 && tag.starts_with('h') => {
                        if let Ok(level) = tag[1..].parse::<u8>() {
                            heading = Some((level, String::new()));
                        }
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::End(end) => {
                let name = end.name().as_ref().to_string();
                if name == "title" {
                    in_title = false;
                }
                if name.len() == 2
                    && name.starts_with('h')
                    && let Some((level, text)) = heading.take()
                {
                    page.headings.push((level, text.trim().to_string()));
                }
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "well nested");
                // Inline elements run on with their text; blocks end a word.
                if !["strong", "em", "mark", "a", "sup", "code", "time", "span"]
                    .contains(&name.as_str())
                {
                    body_text.push(' ');
                }
            }
            Event::Text(text) => {
                let text = text.xml10_content().into_owned();
                if in_title {
                    page.title.push_str(&text);
                }
                if let Some((_, heading)) = heading.as_mut() {
                    heading.push_str(&text);
                }
                if stack.iter().any(|tag| tag == "body") && !stack.iter().any(|t| t == "style") {
                    body_text.push_str(&text);
                }
            }
            Event::GeneralRef(reference) => {
                let character = match reference.resolve_char_ref().unwrap() {
                    Some(character) => character.to_string(),
                    None => match reference.xml10_content().as_ref() {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "quot" => "\"".to_string(),
                        other => panic!("unexpected entity {other}"),
                    },
                };
                if in_title {
                    page.title.push_str(&character);
                }
                if let Some((_, heading)) = heading.as_mut() {
                    heading.push_str(&character);
                }
                body_text.push_str(&character);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "every element closed");
    page.text = body_text.split_whitespace().collect::<Vec<_>>().join(" ");
    page
}

fn context() -> Context {
    Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
    }
}

#[test]
fn each_fixture_is_an_accessible_page_with_every_word_of_its_document() {
    for name in [
        "opgroeien-gemeente-ingevuld.ron",
        "zeven-partijen.ron",
        "uitbetalingsactoren.ron",
        "vutg-opgroeien-2025.ron",
        "agodi-kind-en-gezin.ron",
    ] {
        let protocol = common::fixture(name);
        let findings = check::check(&protocol, &context());
        let document = pipeline::document(&protocol, &findings, Product::Protocol);
        let html = protocolwijzer::export::html(&document);
        let page = read_page(&html);
        assert_eq!(page.lang, "nl-BE", "{name}");
        assert_eq!(page.title, document.metadata.title, "{name}");
        assert_eq!(page.scripts, 0, "{name}");
        // One h1 (the title), then the tree's headings in order, one level down.
        assert_eq!(
            page.headings
                .iter()
                .filter(|(level, _)| *level == 1)
                .count(),
            1
        );
        let expected: Vec<(u8, String)> = document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading(heading) => Some((heading.level.max(1) + 1, heading.text.clone())),
                _ => None,
            })
            .collect();
        let found: Vec<(u8, String)> = page
            .headings
            .iter()
            .filter(|(level, text)| *level > 1 && text != "Voetnoten")
            .cloned()
            .collect();
        assert_eq!(found, expected, "{name}");
        // Every table has header cells, each with a scope.
        assert!(!page.tables.is_empty(), "{name}: the data table");
        for (headers, _) in &page.tables {
            assert!(!headers.is_empty(), "{name}");
            assert!(
                headers.iter().all(|scope| scope == "col" || scope == "row"),
                "{name}: {headers:?}"
            );
        }
        // Every word of the tree is on the page, in order.
        let words: Vec<String> = document
            .plain_text()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut rest = page.text.as_str();
        for word in &words {
            match rest.find(word.as_str()) {
                Some(at) => rest = &rest[at + word.len()..],
                None => panic!("{name}: ‘{word}’ is missing or out of order"),
            }
        }
        if document.metadata.status.is_draft() {
            assert!(page.text.contains("ONTWERP"), "{name}");
        } else {
            assert!(!page.text.contains("ONTWERP"), "{name}");
        }
    }
}

#[test]
fn a_folder_becomes_a_website_with_an_index_of_the_approved_protocols() {
    let source = tempfile::tempdir().unwrap();
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(source.path().join("2026")).unwrap();
    std::fs::copy(
        common::fixture_path("opgroeien-gemeente-ingevuld.ron"),
        source.path().join("Voorbeeldegem.ron"),
    )
    .unwrap();
    std::fs::copy(
        common::fixture_path("zeven-partijen.ron"),
        source.path().join("2026/Vijfdorpen.ron"),
    )
    .unwrap();
    // A file beside the protocol that is not its validly signed PDF is not published (a real
    // signed one is, tests/signed_pdf.rs); the accessible PDF still is.
    std::fs::write(
        source.path().join("2026/Vijfdorpen ondertekend.pdf"),
        b"%PDF-1.7 ondertekend",
    )
    .unwrap();
    std::fs::copy(
        common::fixture_path("uitbetalingsactoren.ron"),
        source.path().join("Ontwerp.ron"),
    )
    .unwrap();
    std::fs::write(source.path().join("Kapot.ron"), "(").unwrap();

    let output = common::protocolwijzer(&[
        "website",
        source.path().to_str().unwrap(),
        "-o",
        site.path().to_str().unwrap(),
        "--today",
        "2026-12-04",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let said = common::stdout(&output);
    assert!(said.contains("2 protocollen"), "{said}");
    let warned = common::stderr(&output);
    assert!(
        warned.contains("Ontwerp.ron") && warned.contains("ontwerp"),
        "{warned}"
    );
    assert!(warned.contains("Kapot.ron"), "{warned}");
    assert!(
        warned.contains("Vijfdorpen ondertekend.pdf")
            && warned.contains("de ondertekende PDF wordt niet gepubliceerd"),
        "{warned}"
    );

    let index = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    let page = read_page(&index);
    assert_eq!(page.lang, "nl-BE");
    assert_eq!(page.headings.len(), 1);
    let (headers, cells) = &page.tables[0];
    assert_eq!(headers, &["col", "col", "col", "col", "row", "row"]);
    assert_eq!(*cells, 6);
    for fixture in ["opgroeien-gemeente-ingevuld.ron", "zeven-partijen.ron"] {
        let protocol = common::fixture(fixture);
        let document = pipeline::document(
            &protocol,
            &check::check(&protocol, &context()),
            Product::Protocol,
        );
        assert!(page.text.contains(&document.metadata.title), "{fixture}");
        for party in &protocol.parties {
            assert!(page.text.contains(party.legal_name.trim()), "{fixture}");
        }
        let date = protocol.signing.date.or(protocol.title.date).unwrap();
        assert!(
            page.text.contains(&protocolwijzer::dutch::dutch_long(date)),
            "{fixture}"
        );
    }
    assert!(!page.text.contains("Uitbetalingsactoren"));
    // Every link leads to a file of the site.
    // Per protocol its page and its accessible PDF.
    assert_eq!(page.links.len(), 4);
    for link in &page.links {
        let name = percent_decode(link);
        assert!(site.path().join(&name).is_file(), "{link} → {name}");
    }
    assert!(
        !site
            .path()
            .join("2026 - Vijfdorpen ondertekend.pdf")
            .exists()
    );
    let accessible = std::fs::read(site.path().join("2026 - Vijfdorpen.pdf")).unwrap();
    let accessible = lopdf::Document::load_mem(&accessible).unwrap();
    assert!(
        accessible.catalog().unwrap().has(b"StructTreeRoot"),
        "the accessible PDF is the tagged publication PDF"
    );
    assert!(!page.text.contains("ondertekende PDF"));
    let exported = std::fs::read(site.path().join("Voorbeeldegem.pdf")).unwrap();
    assert!(exported.starts_with(b"%PDF"));
    assert!(
        read_page(&std::fs::read_to_string(site.path().join("Voorbeeldegem.html")).unwrap())
            .text
            .contains("Gemeente Voorbeeldegem")
    );
    assert!(!Path::new(&site.path().join("Ontwerp.html")).exists());

    // With --ook-ontwerpen the draft is published too, marked as such.
    let output = common::protocolwijzer(&[
        "website",
        source.path().to_str().unwrap(),
        "-o",
        site.path().to_str().unwrap(),
        "--ook-ontwerpen",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let draft = std::fs::read_to_string(site.path().join("Ontwerp.html")).unwrap();
    assert!(read_page(&draft).text.contains("ONTWERP"));
    let index = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    assert!(read_page(&index).text.contains("(ontwerp)"));
}

fn percent_decode(link: &str) -> String {
    let bytes = link.as_bytes();
    let mut out = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
