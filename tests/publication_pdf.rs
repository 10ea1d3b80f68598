//! Issue 18 §2 (the PDF part): the publication PDF, tagged for PDF/UA-1 and archival as
//! PDF/A-2u. Its structure tree is walked with pikepdf (`tests/python/structure_walk.py`):
//! every text-showing and painting operator lies in marked content that is an artefact or
//! has an MCID the structure tree reaches and the parent tree maps back; headings H1 and H2,
//! lists (L, LI, Lbl, LBody), tables with TH cells that have a /Scope, notes with an /ID;
//! `/MarkInfo /Marked true`, `/Lang nl-BE`, `DisplayDocTitle`, the sRGB output intent and the
//! XMP claims (`pdfaid:part` 2, `pdfuaid:part` 1). qpdf finds no error, pdftotext reads the
//! same words as in the signature-ready PDF, and the website publishes it. Without python3 and
//! pikepdf, qpdf or pdftotext these checks print a note and pass, unless
//! `PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1` (CI) makes a missing client a failure.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use protocolwijzer::check::{self, Context};
use protocolwijzer::document::{
    self, Block, Cell, Document, DocumentStatus, Heading, List, ListItem, ListMarker, Metadata,
    Paragraph, Row, SignatureBox, Span, Table,
};
use protocolwijzer::export;
use protocolwijzer::model::Protocol;
use protocolwijzer::pipeline::{self, Product};
use serde_json::Value;

fn context() -> Context {
    Context {
        today: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
    }
}

fn build(protocol: &Protocol) -> Document {
    let findings = check::check(protocol, &context());
    document::build(
        protocol,
        &protocolwijzer::pipeline::options(protocol, &findings),
    )
}

fn required() -> bool {
    std::env::var("PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS").as_deref() == Ok("1")
}

/// Whether python3 with pikepdf is there; a note when not, a failure when required.
fn pikepdf() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import pikepdf"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert!(
            !required(),
            "python3 with pikepdf is required (PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1) but missing"
        );
        eprintln!("note: python3 with pikepdf not found (pip install pikepdf); skipping");
    }
    found
}

/// Whether the command-line client `program` is there; a note when not, a failure when
/// required.
fn client(program: &str) -> bool {
    let found = Command::new(program).arg("--version").output().is_ok();
    if !found {
        assert!(
            !required(),
            "{program} is required (PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1) but missing"
        );
        eprintln!("note: {program} not found; skipping");
    }
    found
}

/// `bytes` written to a temporary file.
struct File {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn file(bytes: &[u8]) -> File {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("publicatie.pdf");
    std::fs::write(&path, bytes).unwrap();
    File { _dir: dir, path }
}

/// What the structure walk found in the PDF at `path`.
fn walk(path: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/structure_walk.py");
    let output = Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the structure walk failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn count(found: &Value, kind: &str) -> u64 {
    found["counts"][kind].as_u64().unwrap_or(0)
}

/// A document with every block kind, a footnote in a paragraph and one in a table cell, a
/// nested list, a table with a header row and shaded label cells, signature boxes, and the
/// draft watermark.
fn every_block() -> Document {
    let cell = |text: &str, shaded: bool| Cell {
        paragraphs: vec![vec![Span::plain(text)]],
        shaded,
    };
    Document {
        metadata: Metadata {
            title: "Protocol met voetnoten".to_string(),
            short_title: "Voetnoten".to_string(),
            fingerprint: "0123456789ab".to_string(),
            status: DocumentStatus::draft("concept"),
            ..Metadata::default()
        },
        blocks: vec![
            Block::Title(vec![Span::plain("Protocol met voetnoten")]),
            Block::Subtitle(vec![Span::plain("Versie van 4 december 2026")]),
            Block::Heading(Heading {
                level: 1,
                text: "Artikel 1. Voorwerp".to_string(),
                step: None,
            }),
            Block::Paragraph(Paragraph {
                spans: vec![
                    Span::plain("Dit protocol regelt een mededeling"),
                    Span::footnote(vec![Span::plain("Zie het e-govdecreet, artikel 8.")]),
                    Span::plain(" tussen de partijen."),
                ],
                ..Paragraph::default()
            }),
            Block::Heading(Heading {
                level: 2,
                text: "1.1 De partijen".to_string(),
                step: None,
            }),
            Block::List(List {
                marker: ListMarker::Number,
                items: vec![
                    ListItem {
                        spans: vec![Span::plain("De verstrekkende partij")],
                        children: vec![vec![Span::plain("met haar DPO")]],
                    },
                    ListItem {
                        spans: vec![Span::plain("De ontvangende partij "), Span::gap("naam")],
                        children: Vec::new(),
                    },
                ],
            }),
            Block::Table(Table {
                column_widths: vec![1.0, 2.0],
                header: vec![Row {
                    cells: vec![cell("Gegeven", false), cell("Verantwoording", false)],
                    keep_together: true,
                    keep_with_next: false,
                }],
                rows: vec![Row {
                    cells: vec![
                        cell("Naam", true),
                        Cell {
                            paragraphs: vec![vec![
                                Span::plain("Nodig voor de toekenning"),
                                Span::footnote(vec![Span::plain("Zie bijlage 1.")]),
                            ]],
                            shaded: false,
                        },
                    ],
                    keep_together: false,
                    keep_with_next: false,
                }],
            }),
            Block::Paragraph(Paragraph {
                spans: vec![Span::plain("Opgemaakt te Brussel.")],
                ..Paragraph::default()
            }),
            Block::Signatures(vec![
                SignatureBox {
                    party: vec![Span::plain("Voor de verstrekker")],
                    function: vec![Span::gap("functie")],
                    name: vec![Span::plain("An Peeters")],
                    field_name: "Handtekening_A".to_string(),
                },
                SignatureBox {
                    party: vec![Span::plain("Voor de ontvanger")],
                    function: vec![Span::plain("Algemeen directeur")],
                    name: vec![Span::plain("Bart Claes")],
                    field_name: "Handtekening_B".to_string(),
                },
            ]),
        ],
    }
}

/// The documents the checks run on: two fixtures with lists and the data-item table, the
/// stress protocol (a table over many pages, its header repeated), and [`every_block`].
fn documents() -> Vec<(&'static str, Document)> {
    vec![
        (
            "zeven-partijen",
            build(&common::fixture("zeven-partijen.ron")),
        ),
        (
            "opgroeien-gemeente-ingevuld",
            build(&common::fixture("opgroeien-gemeente-ingevuld.ron")),
        ),
        ("stress", build(&common::stress::stress_protocol())),
        ("every block", every_block()),
    ]
}

/// The structure walk of `document`'s publication PDF, with what holds for every document
/// asserted: no problem found, every text run tagged or an artefact, one Document and one
/// H1 first, the catalog and the XMP facts, no form.
fn walked(name: &str, document: &Document) -> Value {
    let pdf = file(&export::publication_pdf(document).unwrap());
    let found = walk(&pdf.path);
    assert_eq!(found["errors"], Value::Array(Vec::new()), "{name}: {found}");
    let text = found["text_operators"].as_u64().unwrap();
    let tagged = found["tagged_text"].as_u64().unwrap();
    let artefacts = found["artifact_text"].as_u64().unwrap();
    assert!(tagged > 0 && artefacts > 0, "{name}: {found}");
    assert_eq!(tagged + artefacts, text, "{name}");
    // The catalog and the XMP.
    assert_eq!(found["marked"], true, "{name}");
    assert_eq!(found["lang"], "nl-BE", "{name}");
    assert_eq!(found["display_doc_title"], true, "{name}");
    assert_eq!(found["pdfaid_part"], "2", "{name}");
    assert_eq!(found["pdfaid_conformance"], "U", "{name}");
    assert_eq!(found["pdfuaid_part"], "1", "{name}");
    assert_eq!(
        found["dc_title"],
        document.metadata.title.as_str(),
        "{name}"
    );
    assert_eq!(found["output_intent"][0], "/GTS_PDFA1", "{name}");
    // For reading: no form, no empty signature fields.
    assert_eq!(found["acroform"], false, "{name}");
    assert_eq!(found["annotations"], 0, "{name}");
    // One H1 (the title) first, headings below it.
    assert_eq!(count(&found, "Document"), 1, "{name}");
    assert_eq!(count(&found, "H1"), 1, "{name}: {found}");
    assert!(count(&found, "H2") > 0, "{name}: {found}");
    assert_eq!(
        found["headings"][0], "H1",
        "{name}: the first heading is not H1"
    );
    let scopes = found["th_scopes"].as_array().unwrap();
    assert!(
        scopes
            .iter()
            .all(|scope| scope == "Column" || scope == "Row"),
        "{name}: a TH without /Scope: {scopes:?}"
    );
    found
}

#[test]
fn every_text_run_is_tagged_or_an_artefact_and_the_structure_is_complete() {
    if !pikepdf() {
        return;
    }
    for (name, document) in documents() {
        let found = walked(name, &document);
        // Lists and tables with header cells.
        for kind in ["P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD"] {
            assert!(count(&found, kind) > 0, "{name}: no {kind}: {found}");
        }
        assert_eq!(count(&found, "LI"), count(&found, "Lbl"), "{name}");
        assert_eq!(count(&found, "LI"), count(&found, "LBody"), "{name}");
        let scopes = found["th_scopes"].as_array().unwrap();
        assert!(scopes.iter().any(|scope| scope == "Column"), "{name}");
        if name == "every block" {
            assert_eq!(count(&found, "Note"), 2, "{found}");
            // The signature boxes: a Div of one Div per box.
            assert_eq!(count(&found, "Div"), 3, "{found}");
        }
    }
}

#[test]
fn the_other_documents_are_tagged_too() {
    if !pikepdf() {
        return;
    }
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let findings = check::check(&protocol, &context());
    for product in [Product::Adviesverslag, Product::Besluit] {
        let document = pipeline::document(&protocol, &findings, product);
        walked(&format!("{product:?}"), &document);
    }
}

#[test]
fn qpdf_finds_no_error_and_pdftotext_reads_the_signature_ready_text() {
    if !client("qpdf") {
        return;
    }
    for (name, document) in documents() {
        let bytes = export::publication_pdf(&document).unwrap();
        let pdf = file(&bytes);
        let output = Command::new("qpdf")
            .arg("--check")
            .arg(&pdf.path)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && said.contains("No syntax or stream encoding errors"),
            "{name}: qpdf --check: {said}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let signature_ready = export::pdf(&document).unwrap();
        let (Some(published), Some(signed)) = (
            common::readback::pdf_words(&bytes),
            common::readback::pdf_words(&signature_ready),
        ) else {
            return;
        };
        assert!(published.len() > 200, "{name}: {published}");
        assert_eq!(published, signed, "{name}: the two PDFs read differently");
    }
}

#[test]
fn the_publication_pdf_is_the_same_twice_and_the_signature_ready_pdf_stays_as_it_was() {
    let document = build(&common::fixture("zeven-partijen.ron"));
    let publication = export::publication_pdf(&document).unwrap();
    assert_eq!(publication, export::publication_pdf(&document).unwrap());
    let signature_ready = export::pdf(&document).unwrap();
    let read = |bytes: &[u8]| lopdf::Document::load_mem(bytes).unwrap();
    let signing = read(&signature_ready);
    let catalog = signing.catalog().unwrap();
    assert!(catalog.get(b"AcroForm").is_ok());
    assert!(catalog.get(b"StructTreeRoot").is_err());
    assert!(catalog.get(b"OutputIntents").is_err());
    let published = read(&publication);
    let catalog = published.catalog().unwrap();
    assert!(catalog.get(b"AcroForm").is_err());
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    assert!(published.trailer.get(b"ID").is_ok());
    assert_eq!(published.get_pages().len(), signing.get_pages().len());
    // The ICC profile of the output intent: the sRGB display profile shipped in assets/icc.
    let profile = include_bytes!("../assets/icc/sRGB.icc");
    assert_eq!(&profile[36..40], b"acsp");
    assert_eq!(&profile[16..20], b"RGB ");
}

#[test]
fn the_cli_writes_the_publication_pdf_and_the_website_publishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::fixture_path("zeven-partijen.ron");
    let out = dir.path().join("publicatie.pdf");
    let output = common::protocolwijzer(&[
        "export",
        fixture.to_str().unwrap(),
        "--publication-pdf",
        out.to_str().unwrap(),
        "--today",
        "2026-12-04",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(
        common::stdout(&output).contains("Publicatieversie (PDF)"),
        "{}",
        common::stdout(&output)
    );
    let tagged = |path: &Path| {
        let pdf = lopdf::Document::load(path).unwrap();
        pdf.catalog().unwrap().get(b"StructTreeRoot").is_ok()
    };
    assert!(tagged(&out));

    // Without a signed PDF beside the protocol, the website carries the publication PDF.
    let source = tempfile::tempdir().unwrap();
    let site = tempfile::tempdir().unwrap();
    std::fs::copy(&fixture, source.path().join("Vijfdorpen.ron")).unwrap();
    let output = common::protocolwijzer(&[
        "website",
        source.path().to_str().unwrap(),
        "-o",
        site.path().to_str().unwrap(),
        "--today",
        "2026-12-04",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let published = site.path().join("Vijfdorpen.pdf");
    assert!(tagged(&published));
    assert_eq!(
        std::fs::read(&published).unwrap(),
        std::fs::read(&out).unwrap()
    );
}
