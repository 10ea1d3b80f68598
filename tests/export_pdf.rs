//! The PDF export read back by real clients (pdftotext, qpdf, pdffonts) and by lopdf: every
//! fact in order, valid structure, embedded subset fonts, one empty `/Sig` field per
//! signatory, tables that repeat their header, long texts without loss, same bytes twice, and
//! no panic on arbitrary input. Without the clients these tests print a note and pass, unless
//! `PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1` (CI) makes a missing client a failure.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use lopdf::Object;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use protocolwijzer::check::{self, Context};
use protocolwijzer::document::{self, Block, Document};
use protocolwijzer::dutch::dutch_long;
use protocolwijzer::export;
use protocolwijzer::model::Protocol;
use protocolwijzer::template;

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

/// Whether the command-line client `name` is available; prints a note when it is not, and
/// fails when `PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1`.
fn client(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        if std::env::var("PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS").as_deref() == Ok("1") {
            panic!("{name} is required (PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1) but missing");
        }
        eprintln!("note: {name} not found, skipping this check (install poppler-utils and qpdf)");
    }
    found
}

struct Pdf {
    _dir: tempfile::TempDir,
    path: PathBuf,
    bytes: Vec<u8>,
}

fn export(document: &Document) -> Pdf {
    let bytes = export::pdf(document).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("protocol.pdf");
    std::fs::write(&path, &bytes).unwrap();
    Pdf {
        _dir: dir,
        path,
        bytes,
    }
}

fn run(program: &str, args: &[&str], path: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(path)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap();
    assert!(
        output.status.success() || program == "qpdf",
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body text (header and footer cropped off) of the pages `first..=last` (all pages when
/// `None`), in content order, white space folded.
fn body_text(pdf: &Pdf, pages: Option<(usize, usize)>) -> String {
    let mut args = vec![
        "-raw", "-x", "0", "-y", "62", "-W", "596", "-H", "712", "-enc", "UTF-8",
    ];
    let range;
    if let Some((first, last)) = pages {
        range = [first.to_string(), last.to_string()];
        args.extend(["-f", range[0].as_str(), "-l", range[1].as_str()]);
    }
    fold(&run("pdftotext", &args, &pdf.path))
}

fn page_count(pdf: &Pdf) -> usize {
    lopdf::Document::load_mem(&pdf.bytes)
        .unwrap()
        .get_pages()
        .len()
}

/// The header row of the data item table, repeated on every page the table crosses.
const DATA_TABLE_HEADER: &str = "Gegeven Omschrijving en verantwoording";

/// `text` without the repeated header rows of the data item table, which interrupt a row
/// that continues on the next page.
fn without_header(text: &str) -> String {
    text.replace(&format!("{DATA_TABLE_HEADER} "), "")
}

/// Asserts that `needles` occur in `text` in this order.
fn assert_in_order(text: &str, needles: &[String]) {
    let mut from = 0;
    for needle in needles {
        let needle = fold(needle);
        match text[from..].find(needle.as_str()) {
            Some(position) => from += position + needle.len(),
            None => panic!(
                "‘{needle}’ missing or out of order after: …{}",
                &text[text.floor_char_boundary(from.saturating_sub(200))..from]
            ),
        }
    }
}

/// Every party, KBO number, data item, justification, DPO advice date and signatory of
/// `protocol`, in order, in the PDF's text.
fn assert_facts_in_order(protocol: &Protocol, text: &str) {
    let mut parties = Vec::new();
    for party in &protocol.parties {
        parties.push(party.legal_name.clone());
        parties.push(party.kbo.clone());
    }
    assert_in_order(text, &parties);
    let mut items = Vec::new();
    for item in &protocol.data_items {
        items.push(item.description.clone());
        items.push(item.justification.clone());
    }
    assert_in_order(text, &items);
    let advice: Vec<String> = protocol
        .parties
        .iter()
        .filter_map(|party| party.dpo_advice.date.map(dutch_long))
        .collect();
    assert_in_order(text, &advice);
    let signing = text.rfind("Opgemaakt te").unwrap();
    let signatories: Vec<String> = protocol
        .parties
        .iter()
        .flat_map(|party| {
            party
                .signatories
                .iter()
                .flat_map(|signatory| [signatory.function.clone(), signatory.name.clone()])
        })
        .filter(|text| !text.trim().is_empty())
        .collect();
    assert_in_order(&text[signing..], &signatories);
}

#[test]
fn the_seven_party_protocol_reads_back_complete_and_in_order() {
    if !client("pdftotext") {
        return;
    }
    let protocol = common::fixture("zeven-partijen.ron");
    let pdf = export(&build(&protocol));
    assert_facts_in_order(&protocol, &without_header(&body_text(&pdf, None)));
    let full = fold(&run("pdftotext", &["-enc", "UTF-8"], &pdf.path));
    let pages = page_count(&pdf);
    assert!(full.contains(&format!("Pagina 1 van {pages}")), "{full}");
    assert!(full.contains(&format!("Pagina {pages} van {pages}")));
    assert!(full.contains("Vingerafdruk inhoud: "));
    for word in [
        "beëindigde",
        "Artikel 12. Inwerkingtreding en beëindiging",
        "“Opgroeien regie”",
        "één kind",
    ] {
        assert!(full.contains(word), "‘{word}’ not intact");
    }
}

#[test]
fn the_template_reads_back_with_its_gaps_and_draft_mark() {
    if !client("pdftotext") {
        return;
    }
    let protocol = template_protocol();
    let document = build(&protocol);
    assert!(document.metadata.status.is_draft());
    let pdf = export(&document);
    let body = body_text(&pdf, None);
    assert_facts_in_order(&protocol, &body);
    assert!(body.contains("[in te vullen: "));
    assert!(body.contains("financiële"), "accented word broken");
    // The diagonal watermark is drawn, not written: it stays out of the text.
    assert!(!body.contains("ONTWERP"));
    let full = fold(&run("pdftotext", &["-enc", "UTF-8"], &pdf.path));
    let pages = page_count(&pdf);
    assert!(full.contains(&format!("Pagina 1 van {pages}")));
    assert_eq!(
        full.matches("ONTWERP").count(),
        pages,
        "one mark per header"
    );
    assert!(
        pdf.bytes.len() < 300 * 1024,
        "template PDF is {} bytes",
        pdf.bytes.len()
    );
}

#[test]
fn qpdf_finds_no_errors_and_every_font_is_embedded_and_subset() {
    if !client("qpdf") || !client("pdffonts") {
        return;
    }
    for protocol in [
        template_protocol(),
        common::fixture("zeven-partijen.ron"),
        common::fixture("opgroeien-gemeente-ingevuld.ron"),
    ] {
        let pdf = export(&build(&protocol));
        let output = Command::new("qpdf")
            .arg("--check")
            .arg(&pdf.path)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{report}");
        assert!(
            report.contains("No syntax or stream encoding errors"),
            "{report}"
        );
        assert!(!report.contains("WARNING"), "{report}");
        let fonts = run("pdffonts", &[], &pdf.path);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name type… encoding emb sub uni object generation
            let n = columns.len();
            assert!(n >= 7, "{row}");
            assert_eq!(columns[n - 5], "yes", "not embedded: {row}");
            assert_eq!(columns[n - 4], "yes", "not subset: {row}");
            assert_eq!(columns[n - 3], "yes", "no ToUnicode: {row}");
            assert!(columns[0].contains('+'), "no subset tag: {row}");
        }
    }
}

#[test]
fn one_empty_signature_field_per_signatory() {
    for protocol in [common::fixture("zeven-partijen.ron"), template_protocol()] {
        let document = build(&protocol);
        let boxes: Vec<_> = document
            .blocks
            .iter()
            .flat_map(|block| match block {
                Block::Signatures(boxes) => boxes.clone(),
                _ => Vec::new(),
            })
            .collect();
        assert!(!boxes.is_empty());
        let bytes = export::pdf(&document).unwrap();
        // One revision, a classic cross-reference table, no object streams, no encryption.
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(text.matches("%%EOF").count(), 1);
        assert!(text.contains("\nxref\n"));
        assert!(!text.contains("/ObjStm") && !text.contains("/Encrypt"));
        assert!(!text.contains("NeedAppearances"));

        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let catalog = pdf.catalog().unwrap();
        let form = pdf
            .dereference(catalog.get(b"AcroForm").unwrap())
            .unwrap()
            .1
            .as_dict()
            .unwrap()
            .clone();
        assert_eq!(form.get(b"SigFlags").unwrap().as_i64().unwrap(), 1);
        let fields = form.get(b"Fields").unwrap().as_array().unwrap();
        assert_eq!(fields.len(), boxes.len());
        let pages = pdf.get_pages();
        for (field, signature) in fields.iter().zip(&boxes) {
            let id = field.as_reference().unwrap();
            let dict = pdf.get_dictionary(id).unwrap();
            assert_eq!(dict.get(b"FT").unwrap().as_name().unwrap(), b"Sig");
            assert_eq!(dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Widget");
            assert!(dict.get(b"V").is_err(), "a field is already signed");
            let name = lopdf::decode_text_string(dict.get(b"T").unwrap()).unwrap();
            assert_eq!(name, signature.field_name);
            assert_eq!(dict.get(b"F").unwrap().as_i64().unwrap(), 4);
            assert!(dict.get(b"AP").unwrap().as_dict().unwrap().has(b"N"));
            let page = dict.get(b"P").unwrap().as_reference().unwrap();
            assert!(pages.values().any(|&id| id == page));
            let page_dict = pdf.get_dictionary(page).unwrap();
            let annots = page_dict.get(b"Annots").unwrap().as_array().unwrap();
            assert!(annots.contains(&Object::Reference(id)));
            let media: Vec<f32> = page_dict
                .get(b"MediaBox")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|value| value.as_float().unwrap())
                .collect();
            let rect: Vec<f32> = dict
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|value| value.as_float().unwrap())
                .collect();
            assert!(rect[0] >= media[0] && rect[2] <= media[2] && rect[0] < rect[2]);
            assert!(rect[1] >= media[1] && rect[3] <= media[3] && rect[1] < rect[3]);
        }
        let names: std::collections::BTreeSet<_> = boxes
            .iter()
            .map(|signature| &signature.field_name)
            .collect();
        assert_eq!(names.len(), boxes.len(), "field names must be unique");
    }
}

#[test]
fn metadata_comes_from_the_document_not_the_clock() {
    let document = build(&common::fixture("opgroeien-gemeente-ingevuld.ron"));
    let pdf = lopdf::Document::load_mem(&export::pdf(&document).unwrap()).unwrap();
    let info = pdf
        .get_dictionary(pdf.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    let text = |key: &[u8]| lopdf::decode_text_string(info.get(key).unwrap()).unwrap();
    assert_eq!(text(b"Title"), document.metadata.title);
    assert_eq!(text(b"Subject"), document.metadata.subject);
    assert_eq!(text(b"Author"), "Gemeente Voorbeeldegem");
    assert_eq!(text(b"Creator"), document.metadata.creator);
    assert!(text(b"Producer").starts_with("Protocolwijzer"));
    assert!(text(b"CreationDate").starts_with("D:20260330"));
    // The articles are bookmarks.
    let catalog = pdf.catalog().unwrap();
    let outlines = pdf
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let first = pdf
        .get_dictionary(outlines.get(b"First").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(
        lopdf::decode_text_string(first.get(b"Title").unwrap()).unwrap(),
        "Partijen"
    );
}

/// The seven-party protocol with 60 data items, the 7th with a justification of 2 000 words.
fn long_protocol() -> (Protocol, Vec<String>) {
    let mut protocol = common::fixture("zeven-partijen.ron");
    let model = protocol.data_items[0].clone();
    protocol.data_items = (1..=60)
        .map(|n| {
            let mut item = model.clone();
            item.description = format!("Testgegeven nummer {n}: een omschrijving van het gegeven.");
            item.justification =
                format!("Verantwoording voor testgegeven {n}, waarom het nodig is.");
            item
        })
        .collect();
    let words: Vec<String> = (1..=2000)
        .map(|n| match n % 5 {
            0 => format!("beëindiging{n}"),
            1 => format!("gegevens{n}"),
            2 => "de".to_string(),
            3 => format!("noodzakelijk{n},"),
            _ => format!("“proportioneel”{n}"),
        })
        .collect();
    protocol.data_items[6].justification = words.join(" ");
    (protocol, words)
}

fn page_of(pdf: &Pdf, needle: &str) -> usize {
    (1..=page_count(pdf))
        .find(|&page| body_text(pdf, Some((page, page))).contains(needle))
        .unwrap_or_else(|| panic!("‘{needle}’ on no page"))
}

#[test]
fn a_table_of_sixty_items_repeats_its_header_and_a_long_justification_loses_nothing() {
    if !client("pdftotext") {
        return;
    }
    let (protocol, words) = long_protocol();
    let pdf = export(&build(&protocol));
    let header = DATA_TABLE_HEADER;
    let first = page_of(&pdf, "Testgegeven nummer 1:");
    let last = page_of(&pdf, "Testgegeven nummer 60:");
    assert!(last >= first + 3, "60 items on pages {first}..{last}");
    for page in first + 1..=last {
        let text = body_text(&pdf, Some((page, page)));
        assert!(
            text.starts_with(header),
            "page {page} does not start with the header row: {}",
            &text[..text.floor_char_boundary(120)]
        );
    }
    // The 2 000 words, in order, with the repeated header rows taken out.
    let text = without_header(&body_text(&pdf, None));
    let start = text.find("gegevens1 de").unwrap();
    let found: Vec<&str> = text[start..].split(' ').take(words.len()).collect();
    assert_eq!(found, words);
    assert_facts_in_order(
        &protocol,
        &body_text(&pdf, None).replace(&format!("{header} "), ""),
    );
}

#[test]
fn two_exports_are_byte_identical() {
    let document = build(&common::fixture("zeven-partijen.ron"));
    assert_eq!(
        export::pdf(&document).unwrap(),
        export::pdf(&document).unwrap()
    );
    let template = build(&template_protocol());
    assert_eq!(
        export::pdf(&template).unwrap(),
        export::pdf(&template).unwrap()
    );
}

#[test]
fn the_stress_protocol_exports() {
    let document = build(&common::stress::stress_protocol());
    let bytes = export::pdf(&document).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    assert!(pdf.get_pages().len() > 20);
}

#[test]
fn exporting_never_panics_on_arbitrary_protocols() {
    common::for_generated_protocols(32, |protocol| {
        let bytes = export::pdf(&build(&protocol))
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert!(bytes.starts_with(b"%PDF-1.7"));
        prop_assert!(lopdf::Document::load_mem(&bytes).is_ok());
        Ok(())
    });
}

#[test]
fn characters_the_fonts_lack_become_a_visible_replacement() {
    let mut protocol = common::fixture("zeven-partijen.ron");
    protocol.parties[0].legal_name = "Agentschap 😀 \u{0007} 漢字 Opgroeien".to_string();
    let pdf = export(&build(&protocol));
    if !client("pdftotext") {
        return;
    }
    let text = body_text(&pdf, None);
    assert!(
        text.contains("Agentschap □ □ □□ Opgroeien"),
        "{}",
        &text[..600]
    );
}

/// Not a check: writes the PDFs to look at into `$TMPDIR/protocolwijzer-pdf/`
/// (`cargo test --test export_pdf -- --ignored`), for `render-pdf.sh`.
#[test]
#[ignore]
fn write_pdfs_for_inspection() {
    let dir = std::env::temp_dir().join("protocolwijzer-pdf");
    std::fs::create_dir_all(&dir).unwrap();
    let documents = [
        ("template", build(&template_protocol())),
        (
            "zeven-partijen",
            build(&common::fixture("zeven-partijen.ron")),
        ),
        (
            "opgroeien-gemeente-ingevuld",
            build(&common::fixture("opgroeien-gemeente-ingevuld.ron")),
        ),
        ("zestig-gegevens", build(&long_protocol().0)),
        ("stress", build(&common::stress::stress_protocol())),
    ];
    for (name, document) in documents {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, export::pdf(&document).unwrap()).unwrap();
        eprintln!("{}", path.display());
    }
}
