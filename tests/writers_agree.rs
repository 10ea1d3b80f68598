//! Both writers say the same thing. One hand-built tree that holds every block and span kind is
//! rendered as DOCX and as PDF (and the DOCX once more through LibreOffice); each rendering is
//! read back to words, and every block must come back with the same words in the same order,
//! the same list markers in the same places and the same words marked as gaps as the tree says.
//!
//! - Expected: from the tree alone ([`expected_lines`], a `match` on every [`Block`] variant with
//!   no catch-all, so a new kind of block breaks this test's build until it is covered here).
//! - DOCX: `word/document.xml` parsed with quick-xml; list markers resolved from
//!   `word/numbering.xml` the way Word resolves them (numId → abstractNum → level format and
//!   text, items counted per list), independently of `ListMarker::label`; a gap is a run with
//!   the "Invulveld" style and the yellow highlight.
//! - PDF: `pdftotext -raw -bbox` for the words in content order with their boxes; a gap is a
//!   word whose centre lies on one of the highlight rectangles that lopdf finds in the page's
//!   content stream (`re f` in the highlight colour). Header and footer are cut off by position.
//! - LibreOffice: the DOCX converted to PDF and read like ours (its highlight is a rectangle
//!   filled in pure yellow), so Word numbering and highlighting are checked as drawn.
//!
//! Words are matched to blocks by a longest-common-subsequence alignment of the whole word
//! stream, so a missing or extra word shows up in its own block and does not shift the rest.
//!
//! To look at the renderings: `WRITERS_AGREE_DUMP=1` prints every block as each side read it
//! (with its pages), `WRITERS_AGREE_KEEP=<folder>` writes the DOCX and the PDF there.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use common::readback::{available, convert_with_libreoffice};
use lopdf::Object;
use protocolwijzer::document::{
    Align, Block, Cell, Document, DocumentStatus, Heading, List, ListItem, ListMarker, Metadata,
    Paragraph, Row, SignatureBox, Span, Table,
};
use protocolwijzer::export;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

// ---------------------------------------------------------------------------------------------
// The tree.

const SHORT_TITLE: &str = "Testprotocol schrijvers";
const FINGERPRINT: &str = "0123456789ab";

/// Number of items of the lettered list: more than 26, so "AA." and "BB." appear.
const LETTERED_ITEMS: usize = 28;

fn paragraph(spans: Vec<Span>, align: Align, keep_with_next: bool) -> Block {
    Block::Paragraph(Paragraph {
        spans,
        align,
        keep_with_next,
    })
}

fn cell(paragraphs: Vec<Vec<Span>>, shaded: bool) -> Cell {
    Cell { paragraphs, shaded }
}

/// One document with every block variant, every span kind (plain, bold, italic, gap) in
/// running text, lists, table cells and signature boxes, every alignment and every list
/// marker, and a draft status.
fn tree() -> Document {
    let lettered = (0..LETTERED_ITEMS)
        .map(|index| ListItem {
            spans: vec![
                Span::plain(format!("Overweging nummer {}", index + 1)),
                Span::italic(" met nadruk"),
            ],
            children: if index == 26 {
                vec![vec![Span::plain(
                    "Een genest punt onder de zevenentwintigste",
                )]]
            } else {
                Vec::new()
            },
        })
        .collect();
    let blocks = vec![
        Block::Title(vec![
            Span::plain("Protocol voor de mededeling van "),
            Span::italic("persoonsgegevens"),
        ]),
        Block::Subtitle(vec![
            Span::plain("in het kader van "),
            Span::gap("opdracht van algemeen belang"),
            Span::plain(" ,"),
        ]),
        Block::Subtitle(vec![Span::plain("Versie van 23 november 2026")]),
        Block::Heading(Heading {
            level: 1,
            text: "Artikel 1. Partijen en voorwerp".to_string(),
            step: None,
        }),
        paragraph(
            vec![
                Span::plain("Dit protocol regelt de elektronische mededeling van gegevens tussen "),
                Span::bold("de verstrekkende partij"),
                Span::plain(" en "),
                Span::italic("de ontvangende partij"),
                Span::plain(" met KBO-nummer "),
                Span::gap("KBO-nummer van de ontvanger"),
                Span::plain(
                    " , zoals bedoeld in artikel 8 van het e-govdecreet. De partijen \
                     verbinden zich ertoe de gegevens enkel te gebruiken voor het doel dat in \
                     artikel 2 staat en nergens anders voor, en zij houden een register bij \
                     van elke mededeling die op grond van dit protocol gebeurt.",
                ),
            ],
            Align::Justify,
            false,
        ),
        paragraph(
            vec![
                Span::plain("Links uitgelijnd, met een veld "),
                Span::gap("datum"),
                Span::plain(" erin."),
            ],
            Align::Left,
            false,
        ),
        paragraph(vec![Span::bold("TUSSEN")], Align::Center, true),
        Block::Heading(Heading {
            level: 2,
            text: "1.1 De verstrekkende instantie".to_string(),
            step: None,
        }),
        Block::List(List {
            marker: ListMarker::Bullet,
            items: vec![
                ListItem {
                    spans: vec![Span::plain("Eerste opsomming, met "), Span::bold("vet")],
                    children: vec![
                        vec![Span::plain("Genest onder het eerste punt")],
                        vec![Span::plain("Nog een genest punt met "), Span::gap("naam")],
                    ],
                },
                ListItem {
                    spans: vec![
                        Span::plain("Tweede opsomming met een open veld "),
                        Span::gap("e-mailadres van de DPO"),
                    ],
                    children: Vec::new(),
                },
            ],
        }),
        Block::List(List {
            marker: ListMarker::Letter,
            items: lettered,
        }),
        Block::List(List {
            marker: ListMarker::Number,
            items: vec![
                ListItem {
                    spans: vec![Span::plain("Het rijksregisternummer")],
                    children: vec![vec![Span::italic("enkel voor de aanvrager")]],
                },
                ListItem {
                    spans: vec![Span::plain("De naam en de voornaam")],
                    children: Vec::new(),
                },
                ListItem {
                    spans: vec![Span::plain("Het adres "), Span::gap("bron")],
                    children: Vec::new(),
                },
            ],
        }),
        Block::PageBreak,
        Block::Heading(Heading {
            level: 1,
            text: "Artikel 2. De gegevens".to_string(),
            step: None,
        }),
        Block::Table(Table {
            column_widths: vec![3.0, 7.0],
            header: vec![
                Row {
                    cells: vec![
                        cell(vec![vec![Span::plain("Gegeven")]], false),
                        cell(
                            vec![vec![Span::plain("Omschrijving en verantwoording")]],
                            false,
                        ),
                    ],
                    keep_together: true,
                    keep_with_next: false,
                },
                Row {
                    cells: vec![
                        cell(vec![vec![Span::plain("(nr.)")]], false),
                        cell(vec![vec![Span::italic("(waarom nodig)")]], false),
                    ],
                    keep_together: true,
                    keep_with_next: false,
                },
            ],
            rows: vec![
                Row {
                    cells: vec![
                        cell(vec![vec![Span::bold("Gegeven 1")]], true),
                        cell(
                            vec![
                                vec![Span::plain("Het rijksregisternummer van de aanvrager.")],
                                vec![Span::plain("Verantwoording: "), Span::gap("verantwoording")],
                            ],
                            false,
                        ),
                    ],
                    keep_together: false,
                    keep_with_next: false,
                },
                Row {
                    cells: vec![
                        cell(vec![vec![Span::bold("Gegeven 2")]], true),
                        cell(
                            vec![vec![
                                Span::gap("omschrijving"),
                                Span::plain(" en verder "),
                                Span::italic("niets"),
                            ]],
                            false,
                        ),
                    ],
                    keep_together: true,
                    keep_with_next: false,
                },
                Row {
                    cells: vec![
                        cell(vec![vec![Span::plain("Gegeven 3")]], true),
                        Cell::default(),
                    ],
                    keep_together: false,
                    keep_with_next: false,
                },
            ],
        }),
        paragraph(
            vec![
                Span::plain("Opgemaakt te "),
                Span::gap("plaats"),
                Span::plain(" in drie exemplaren."),
            ],
            Align::Justify,
            true,
        ),
        Block::Signatures(vec![
            SignatureBox {
                party: vec![Span::plain("Voor Opgroeien regie")],
                function: vec![Span::gap("functie")],
                name: vec![Span::gap("naam")],
                field_name: "Handtekening_Opgroeien_1".to_string(),
            },
            SignatureBox {
                party: vec![Span::plain("Voor de gemeente Gent")],
                function: vec![Span::plain("Algemeen directeur")],
                name: vec![Span::plain("An Peeters")],
                field_name: "Handtekening_Gent_1".to_string(),
            },
            SignatureBox {
                party: vec![Span::plain("Voor het OCMW Gent")],
                function: vec![Span::plain("Voorzitter")],
                name: vec![Span::gap("naam voorzitter")],
                field_name: "Handtekening_OCMW_1".to_string(),
            },
        ]),
    ];
    Document {
        metadata: Metadata {
            title: "Protocol voor de mededeling van persoonsgegevens".to_string(),
            subject: "in het kader van een test".to_string(),
            author: "Gemeente Gent".to_string(),
            creator: "Protocolwijzer test".to_string(),
            date: NaiveDate::from_ymd_opt(2026, 11, 23),
            short_title: SHORT_TITLE.to_string(),
            status: DocumentStatus::draft("concept"),
            fingerprint: FINGERPRINT.to_string(),
            identity: None,
        },
        blocks,
    }
}

// ---------------------------------------------------------------------------------------------
// Words.

/// A word as read back (or expected): its text, whether it is marked as a gap, and the page
/// it is on (1-based; 0 in the tree, which has no pages). Words are equal when text and gap
/// mark are: pages are checked only around page breaks.
#[derive(Clone, Debug)]
struct Word {
    text: String,
    gap: bool,
    page: usize,
}

impl PartialEq for Word {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.gap == other.gap
    }
}

/// The words of a line made of segments (text, gap): split on white space; a word is a gap
/// when any of its characters is.
fn words(segments: &[(String, bool)], page: usize) -> Vec<Word> {
    let mut found = Vec::new();
    let mut current: Option<Word> = None;
    for (text, gap) in segments {
        for c in text.chars() {
            if c.is_whitespace() {
                found.extend(current.take());
            } else {
                let word = current.get_or_insert_with(|| Word {
                    text: String::new(),
                    gap: false,
                    page,
                });
                word.text.push(c);
                word.gap |= *gap;
            }
        }
    }
    found.extend(current);
    found
}

/// Words for display: gap runs in ⟦ ⟧.
fn show(words: &[Word]) -> String {
    let mut out = String::new();
    let mut in_gap = false;
    for word in words {
        if word.gap != in_gap {
            out.push_str(if word.gap { " ⟦" } else { "⟧ " });
            in_gap = word.gap;
        } else {
            out.push(' ');
        }
        out.push_str(&word.text);
    }
    if in_gap {
        out.push('⟧');
    }
    out.trim().to_string()
}

// ---------------------------------------------------------------------------------------------
// Expected: from the tree.

/// What a block must read back as: one line per paragraph, list item (its marker first) or
/// cell paragraph, in reading order. No catch-all arm: a new block kind breaks the build here.
fn expected_lines(block: &Block) -> Vec<Vec<Word>> {
    fn line(marker: Option<&str>, spans: &[Span]) -> Vec<Word> {
        let mut segments: Vec<(String, bool)> = Vec::new();
        if let Some(marker) = marker {
            segments.push((format!("{marker} "), false));
        }
        segments.extend(spans.iter().map(|span| (span.text.clone(), span.gap)));
        words(&segments, 0)
    }
    match block {
        Block::Title(spans) | Block::Subtitle(spans) => vec![line(None, spans)],
        Block::Heading(heading) => vec![line(None, &[Span::plain(heading.text.as_str())])],
        Block::Paragraph(paragraph) => vec![line(None, &paragraph.spans)],
        Block::List(list) => list
            .items
            .iter()
            .enumerate()
            .flat_map(|(index, item)| {
                std::iter::once(line(Some(&list.marker.label(index)), &item.spans)).chain(
                    item.children
                        .iter()
                        .map(|child| line(Some(ListMarker::NESTED), child)),
                )
            })
            .collect(),
        Block::Table(table) => table
            .header
            .iter()
            .chain(&table.rows)
            .flat_map(|row| &row.cells)
            .flat_map(|cell| &cell.paragraphs)
            .map(|spans| line(None, spans))
            .collect(),
        Block::Signatures(boxes) => boxes
            .iter()
            .flat_map(|signature| [&signature.party, &signature.function, &signature.name])
            .map(|spans| line(None, spans))
            .collect(),
        Block::PageBreak => Vec::new(),
    }
}

/// A short name for a block in failure messages.
fn describe(block: &Block) -> String {
    let first = |lines: Vec<Vec<Word>>| {
        lines
            .first()
            .map(|line| {
                line.iter()
                    .take(5)
                    .map(|word| word.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    };
    let kind = match block {
        Block::Title(_) => "Title".to_string(),
        Block::Subtitle(_) => "Subtitle".to_string(),
        Block::Heading(heading) => format!("Heading {}", heading.level),
        Block::Paragraph(paragraph) => format!("Paragraph ({:?})", paragraph.align),
        Block::List(list) => format!("List ({:?}, {} items)", list.marker, list.items.len()),
        Block::Table(table) => format!(
            "Table ({} header rows, {} rows)",
            table.header.len(),
            table.rows.len()
        ),
        Block::Signatures(boxes) => format!("Signatures ({} boxes)", boxes.len()),
        Block::PageBreak => "PageBreak".to_string(),
    };
    format!("{kind} “{}…”", first(expected_lines(block)))
}

// ---------------------------------------------------------------------------------------------
// DOCX read-back.

fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let mut content = String::new();
        entry.read_to_string(&mut content).unwrap();
        parts.insert(entry.name().unwrap().into_owned(), content);
    }
    parts
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element.try_get_attribute(name).unwrap().map(|value| {
        value
            .normalized_value(XmlVersion::Implicit1_0)
            .unwrap()
            .into_owned()
    })
}

fn entity(reference: &quick_xml::events::BytesRef<'_>) -> String {
    match reference.resolve_char_ref().unwrap() {
        Some(character) => character.to_string(),
        None => match reference.xml10_content().as_ref() {
            "amp" => "&".to_string(),
            "lt" => "<".to_string(),
            "gt" => ">".to_string(),
            "quot" => "\"".to_string(),
            "apos" => "'".to_string(),
            other => panic!("unknown entity {other}"),
        },
    }
}

/// One run of a `w:p`: its text and how it is marked.
#[derive(Debug, Default)]
struct DocxRun {
    text: String,
    invulveld: bool,
    highlight: Option<String>,
    /// Holds a `w:br w:type="page"`.
    page_break: bool,
}

/// One `w:p`: its numbering (level, numId) and runs.
#[derive(Debug, Default)]
struct DocxParagraph {
    numbering: (Option<usize>, Option<u32>),
    runs: Vec<DocxRun>,
}

/// The paragraphs of a WordprocessingML part, in order (table cells included).
fn docx_paragraphs(xml: &str) -> Vec<DocxParagraph> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    let mut paragraph: Option<DocxParagraph> = None;
    let mut run: Option<DocxRun> = None;
    let mut in_text = false;
    loop {
        let event = reader.read_event().unwrap();
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(element) | Event::Empty(element) => match element.name().as_ref() {
                "w:p" if empty => found.push(DocxParagraph::default()),
                "w:p" => paragraph = Some(DocxParagraph::default()),
                "w:r" if !empty => run = Some(DocxRun::default()),
                "w:t" if !empty => in_text = true,
                "w:br" => {
                    if let Some(run) = run.as_mut() {
                        run.page_break |= attribute(&element, "w:type").as_deref() == Some("page");
                    }
                }
                "w:tab" => {
                    if let Some(run) = run.as_mut() {
                        run.text.push('\t');
                    }
                }
                "w:rStyle" => {
                    if let Some(run) = run.as_mut() {
                        run.invulveld |=
                            attribute(&element, "w:val").as_deref() == Some("Invulveld");
                    }
                }
                "w:highlight" => {
                    if let Some(run) = run.as_mut() {
                        run.highlight = attribute(&element, "w:val");
                    }
                }
                "w:ilvl" => {
                    if let Some(paragraph) = paragraph.as_mut() {
                        paragraph.numbering.0 =
                            attribute(&element, "w:val").map(|value| value.parse().unwrap());
                    }
                }
                "w:numId" => {
                    if let Some(paragraph) = paragraph.as_mut() {
                        paragraph.numbering.1 =
                            attribute(&element, "w:val").map(|value| value.parse().unwrap());
                    }
                }
                _ => {}
            },
            Event::End(element) => match element.name().as_ref() {
                "w:p" => found.extend(paragraph.take()),
                "w:r" => {
                    if let (Some(paragraph), Some(run)) = (paragraph.as_mut(), run.take()) {
                        paragraph.runs.push(run);
                    }
                }
                "w:t" => in_text = false,
                _ => {}
            },
            Event::Text(text) => {
                if in_text && let Some(run) = run.as_mut() {
                    run.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if in_text && let Some(run) = run.as_mut() {
                    run.text.push_str(&entity(&reference));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// One level of a numbering definition.
#[derive(Clone, Debug, Default)]
struct Level {
    start: usize,
    format: String,
    text: String,
}

/// numbering.xml: the abstract definitions' levels, and per numId its abstract id and start
/// overrides.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: BTreeMap<u32, BTreeMap<usize, Level>>,
    nums: BTreeMap<u32, (u32, BTreeMap<usize, usize>)>,
}

fn numbering(xml: &str) -> Numbering {
    let mut reader = Reader::from_str(xml);
    let mut numbering = Numbering::default();
    let mut abstract_id: Option<u32> = None;
    let mut level: Option<usize> = None;
    let mut num_id: Option<u32> = None;
    let mut override_level: Option<usize> = None;
    let number = |element: &BytesStart<'_>, name: &str| -> usize {
        attribute(element, name).unwrap().parse().unwrap()
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(element) | Event::Empty(element) => {
                let val = || attribute(&element, "w:val").unwrap_or_default();
                match element.name().as_ref() {
                    "w:abstractNum" => {
                        abstract_id = Some(number(&element, "w:abstractNumId") as u32);
                    }
                    "w:lvl" => {
                        let ilvl = number(&element, "w:ilvl");
                        level = Some(ilvl);
                        if let Some(id) = abstract_id {
                            numbering
                                .abstracts
                                .entry(id)
                                .or_default()
                                .insert(ilvl, Level::default());
                        }
                    }
                    "w:start" | "w:numFmt" | "w:lvlText" => {
                        if let (Some(id), Some(ilvl)) = (abstract_id, level) {
                            let entry = numbering
                                .abstracts
                                .get_mut(&id)
                                .and_then(|levels| levels.get_mut(&ilvl))
                                .unwrap();
                            match element.name().as_ref() {
                                "w:start" => entry.start = val().parse().unwrap(),
                                "w:numFmt" => entry.format = val(),
                                _ => entry.text = val(),
                            }
                        }
                    }
                    "w:num" => num_id = Some(number(&element, "w:numId") as u32),
                    "w:abstractNumId" => {
                        if let Some(id) = num_id {
                            numbering.nums.entry(id).or_default().0 = val().parse().unwrap();
                        }
                    }
                    "w:lvlOverride" => override_level = Some(number(&element, "w:ilvl")),
                    "w:startOverride" => {
                        if let (Some(id), Some(ilvl)) = (num_id, override_level) {
                            numbering
                                .nums
                                .entry(id)
                                .or_default()
                                .1
                                .insert(ilvl, val().parse().unwrap());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(element) => match element.name().as_ref() {
                "w:abstractNum" => abstract_id = None,
                "w:lvl" => level = None,
                "w:num" => num_id = None,
                "w:lvlOverride" => override_level = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    numbering
}

/// A counter value in a Word number format (ECMA-376 §17.18.59, ST_NumberFormat): written
/// here from the format's definition, not from the writer's code.
fn format_number(value: usize, format: &str) -> String {
    match format {
        "decimal" => value.to_string(),
        // A … Z, then AA … ZZ, then AAA …: the letter repeats, it does not carry.
        "upperLetter" | "lowerLetter" => {
            let letter = char::from(b'A' + ((value - 1) % 26) as u8);
            let text: String = std::iter::repeat_n(letter, (value - 1) / 26 + 1).collect();
            if format == "lowerLetter" {
                text.to_lowercase()
            } else {
                text
            }
        }
        other => panic!("numbering.xml uses number format {other}, which this test cannot draw"),
    }
}

/// Resolves the markers Word draws: per list instance (or per abstract definition, for
/// instances without a start override, which Word numbers on) a counter per level; a level's
/// counter restarts below a higher-level item. Returns the marker text of each paragraph.
struct Marker<'a> {
    numbering: &'a Numbering,
    counters: BTreeMap<String, BTreeMap<usize, usize>>,
}

impl Marker<'_> {
    fn next(&mut self, ilvl: usize, num_id: u32) -> String {
        let (abstract_id, overrides) = self
            .numbering
            .nums
            .get(&num_id)
            .unwrap_or_else(|| panic!("numId {num_id} is not in numbering.xml"));
        let levels = self
            .numbering
            .abstracts
            .get(abstract_id)
            .unwrap_or_else(|| panic!("abstractNum {abstract_id} is not in numbering.xml"));
        let key = if overrides.is_empty() {
            format!("abstract {abstract_id}")
        } else {
            format!("num {num_id}")
        };
        let counters = self.counters.entry(key).or_default();
        let start = |level: usize| {
            overrides
                .get(&level)
                .copied()
                .unwrap_or_else(|| levels.get(&level).map(|l| l.start).unwrap_or(1))
        };
        let value = counters
            .get(&ilvl)
            .map(|value| value + 1)
            .unwrap_or(start(ilvl));
        counters.insert(ilvl, value);
        counters.retain(|level, _| *level <= ilvl);
        let level = levels
            .get(&ilvl)
            .unwrap_or_else(|| panic!("abstractNum {abstract_id} has no level {ilvl}"));
        if level.format == "bullet" {
            return level.text.clone();
        }
        let mut text = level.text.clone();
        for shown in 0..=ilvl {
            let value = counters.get(&shown).copied().unwrap_or(start(shown));
            let format = &levels
                .get(&shown)
                .map(|l| l.format.clone())
                .unwrap_or_default();
            text = text.replace(&format!("%{}", shown + 1), &format_number(value, format));
        }
        text
    }
}

/// Words both writers add that are not in the tree: the "Handtekening" label in every
/// signature box's signing area (once a DOCX box had "Datum:" and the PDF's not).
const DOCX_DECORATION: &[&str] = &["Handtekening"];
/// The same for the PDF: the label of the signature field.
const PDF_DECORATION: &[&str] = &["Handtekening"];

/// What the DOCX read-back found.
struct DocxReadBack {
    words: Vec<Word>,
    /// Runs with only one of the two gap marks (style, highlight): each is a finding.
    half_marked: Vec<String>,
    header: String,
    content_status: String,
}

fn read_docx(bytes: &[u8]) -> DocxReadBack {
    let parts = unzip(bytes);
    let part = |name: &str| {
        parts
            .get(name)
            .unwrap_or_else(|| panic!("the DOCX has no {name}"))
            .as_str()
    };
    let numbering = numbering(part("word/numbering.xml"));
    let mut markers = Marker {
        numbering: &numbering,
        counters: BTreeMap::new(),
    };
    let mut words_found = Vec::new();
    let mut half_marked = Vec::new();
    let mut page = 1;
    for paragraph in docx_paragraphs(part("word/document.xml")) {
        let mut segments = Vec::new();
        if let (ilvl, Some(num_id)) = paragraph.numbering {
            segments.push((
                format!("{} ", markers.next(ilvl.unwrap_or(0), num_id)),
                false,
            ));
        }
        for run in &paragraph.runs {
            page += usize::from(run.page_break);
            let highlighted = run.highlight.as_deref() == Some("yellow");
            if run.invulveld != highlighted {
                half_marked.push(format!(
                    "“{}”: Invulveld style {}, highlight {:?}",
                    run.text, run.invulveld, run.highlight
                ));
            }
            segments.push((run.text.clone(), run.invulveld && highlighted));
        }
        words_found.extend(words(&segments, page));
    }
    let header = docx_paragraphs(part("word/header1.xml"))
        .iter()
        .flat_map(|paragraph| paragraph.runs.iter().map(|run| run.text.as_str()))
        .collect::<String>();
    let core = part("docProps/core.xml");
    let content_status = core
        .split("<cp:contentStatus>")
        .nth(1)
        .and_then(|rest| rest.split("</cp:contentStatus>").next())
        .unwrap_or_default()
        .to_string();
    DocxReadBack {
        words: words_found,
        half_marked,
        header,
        content_status,
    }
}

// ---------------------------------------------------------------------------------------------
// PDF read-back.

/// A word on a page with its box (points, from the top-left corner).
#[derive(Debug)]
struct Placed {
    page: usize,
    text: String,
    x: (f32, f32),
    y: (f32, f32),
}

/// The words of a PDF in content-stream order, with their boxes (`pdftotext -raw -bbox`).
fn placed_words(pdf: &Path) -> (Vec<Placed>, f32) {
    let output = Command::new("pdftotext")
        .args(["-raw", "-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "pdftotext failed on {pdf:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = String::from_utf8(output.stdout).unwrap();
    let mut reader = Reader::from_str(&html);
    let mut found = Vec::new();
    let mut page = 0;
    let mut height = 0.0;
    let mut current: Option<Placed> = None;
    let number = |element: &BytesStart<'_>, name: &str| -> f32 {
        attribute(element, name).unwrap().parse().unwrap()
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(element) => match element.name().as_ref() {
                "page" => {
                    page += 1;
                    height = number(&element, "height");
                }
                "word" => {
                    current = Some(Placed {
                        page,
                        text: String::new(),
                        x: (number(&element, "xMin"), number(&element, "xMax")),
                        y: (number(&element, "yMin"), number(&element, "yMax")),
                    })
                }
                _ => {}
            },
            Event::Text(text) => {
                if let Some(word) = current.as_mut() {
                    word.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(word) = current.as_mut() {
                    word.text.push_str(&entity(&reference));
                }
            }
            Event::End(element) if element.name().as_ref() == "word" => {
                found.extend(current.take());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (found, height)
}

/// A rectangle in PDF coordinates (from the bottom-left corner): x, y, width, height.
type Rect = [f32; 4];

fn number(object: &Object) -> f32 {
    match object {
        Object::Integer(value) => *value as f32,
        Object::Real(value) => *value,
        other => panic!("not a number in a content stream: {other:?}"),
    }
}

/// The rectangles filled in `colour` (an `rg` colour, within 0.01) on each page (1-based):
/// `x y w h re` followed by `f`, with the fill colour tracked through `q`/`Q`.
fn filled_rects(pdf: &[u8], colour: [f32; 3]) -> BTreeMap<usize, Vec<Rect>> {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let mut found = BTreeMap::new();
    for (number_of_page, page_id) in document.get_pages() {
        let content = document.get_and_decode_page_content(page_id).unwrap();
        let mut fill = vec![[0.0f32; 3]];
        let mut path: Vec<Rect> = Vec::new();
        let rects: &mut Vec<Rect> = found.entry(number_of_page as usize).or_default();
        for operation in &content.operations {
            let operands: Vec<f32> = operation
                .operands
                .iter()
                .filter(|object| matches!(object, Object::Integer(_) | Object::Real(_)))
                .map(number)
                .collect();
            match operation.operator.as_str() {
                "q" => {
                    let top = *fill.last().unwrap();
                    fill.push(top);
                }
                "Q" if fill.len() > 1 => {
                    fill.pop();
                }
                "rg" if operands.len() == 3 => {
                    *fill.last_mut().unwrap() = [operands[0], operands[1], operands[2]];
                }
                "g" if operands.len() == 1 => {
                    *fill.last_mut().unwrap() = [operands[0]; 3];
                }
                "re" if operands.len() == 4 => {
                    path.push([operands[0], operands[1], operands[2], operands[3]]);
                }
                "f" | "f*" | "F" | "B" | "B*" => {
                    let current = *fill.last().unwrap();
                    if current
                        .iter()
                        .zip(colour)
                        .all(|(a, b)| (a - b).abs() < 0.01)
                    {
                        rects.append(&mut path);
                    }
                    path.clear();
                }
                "S" | "s" | "n" | "b" | "b*" => path.clear(),
                _ => {}
            }
        }
    }
    found
}

/// The highlight behind our PDF's gap markers (`GAP_HIGHLIGHT` in `export/pdf/layout.rs`).
const PDF_GAP_HIGHLIGHT: [f32; 3] = [1.0, 0.9, 0.35];
/// The colour LibreOffice fills a yellow character highlight with.
const LIBREOFFICE_YELLOW: [f32; 3] = [1.0, 1.0, 0.0];

/// The body words of a PDF with their gap marks: header and footer cut off by position (above
/// `top` or below `bottom` points from the top of the page), gap = the word's centre on a
/// rectangle filled in `highlight`.
struct PdfReadBack {
    body: Vec<Word>,
    /// The whole text of each page, header and footer included.
    pages: Vec<String>,
}

fn read_pdf(path: &Path, highlight: [f32; 3], top: f32, bottom: f32) -> PdfReadBack {
    let bytes = std::fs::read(path).unwrap();
    let rects = filled_rects(&bytes, highlight);
    let (placed, height) = placed_words(path);
    let mut pages: Vec<String> = Vec::new();
    let mut body = Vec::new();
    for word in &placed {
        if pages.len() < word.page {
            pages.resize(word.page, String::new());
        }
        let page_text = &mut pages[word.page - 1];
        page_text.push_str(&word.text);
        page_text.push(' ');
        if word.y.0 < top || word.y.1 > bottom {
            continue;
        }
        let cx = (word.x.0 + word.x.1) / 2.0;
        let cy = height - (word.y.0 + word.y.1) / 2.0;
        let gap = rects.get(&word.page).is_some_and(|rects| {
            rects
                .iter()
                .any(|r| cx >= r[0] && cx <= r[0] + r[2] && cy >= r[1] && cy <= r[1] + r[3])
        });
        body.push(Word {
            text: word.text.clone(),
            gap,
            page: word.page,
        });
    }
    PdfReadBack { body, pages }
}

// ---------------------------------------------------------------------------------------------
// Comparing.

/// The read-back words of each block: the whole read-back stream aligned with the expected
/// stream (longest common subsequence of the texts), every read-back word given to the block
/// of the expected word it matches, or, when it matches none, to the block of the last matched
/// word before it.
fn per_block(expected: &[Vec<Word>], actual: &[Word]) -> Vec<Vec<Word>> {
    let flat: Vec<(usize, &Word)> = expected
        .iter()
        .enumerate()
        .flat_map(|(block, words)| words.iter().map(move |word| (block, word)))
        .collect();
    let (n, m) = (flat.len(), actual.len());
    // lcs[i][j]: the LCS length of flat[i..] and actual[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if flat[i].1.text == actual[j].text {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut owner: Vec<Option<usize>> = vec![None; m];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if flat[i].1.text == actual[j].text {
            owner[j] = Some(flat[i].0);
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let mut blocks = vec![Vec::new(); expected.len()];
    let mut last = 0;
    for (word, owner) in actual.iter().zip(owner) {
        if let Some(block) = owner {
            last = block;
        }
        if let Some(words) = blocks.get_mut(last) {
            words.push(word.clone());
        }
    }
    blocks
}

/// A rendering to compare with the tree.
struct Rendering<'a> {
    name: &'a str,
    /// What this rendering must show per block: the tree's words, with what the rendering's
    /// styles change about them (capitals).
    expected: Vec<Vec<Word>>,
    blocks: Vec<Vec<Word>>,
}

/// A known disagreement between the writers: asserted as what it is today, reported, and to be
/// removed from [`KNOWN`] when the writer is fixed (the test then fails on the stale entry).
struct Known {
    rendering: &'static str,
    block: usize,
    why: &'static str,
}

/// Disagreements found and left for the writers' owner to fix.
const KNOWN: &[Known] = &[];

/// Compares every rendering with the expected words block by block; one failure message that
/// names each differing block and shows the tree and every rendering side by side.
fn compare(document: &Document, expected: &[Vec<Word>], renderings: &[Rendering<'_>]) {
    let mut report = String::new();
    let mut known_seen = vec![false; KNOWN.len()];
    for (index, (block, words)) in document.blocks.iter().zip(expected).enumerate() {
        let differs: Vec<&str> = renderings
            .iter()
            .filter(|rendering| rendering.blocks[index] != rendering.expected[index])
            .map(|rendering| rendering.name)
            .collect();
        let unexplained: Vec<&str> = differs
            .iter()
            .copied()
            .filter(|name| {
                match KNOWN
                    .iter()
                    .position(|known| known.block == index && known.rendering == *name)
                {
                    Some(position) => {
                        known_seen[position] = true;
                        eprintln!(
                            "known disagreement, block {index} ({}), {name}: {}",
                            describe(block),
                            KNOWN[position].why
                        );
                        false
                    }
                    None => true,
                }
            })
            .collect();
        if unexplained.is_empty() {
            continue;
        }
        let _ = writeln!(
            report,
            "block {index}: {} differs in {}",
            describe(block),
            unexplained.join(", ")
        );
        let _ = writeln!(report, "  tree:  {}", show(words));
        for rendering in renderings {
            let _ = writeln!(
                report,
                "  {:<6}{}",
                format!("{}:", rendering.name),
                show(&rendering.blocks[index])
            );
        }
        for rendering in renderings {
            if let Some(difference) =
                first_difference(&rendering.expected[index], &rendering.blocks[index])
            {
                let _ = writeln!(
                    report,
                    "  {}, first difference: {difference}",
                    rendering.name
                );
            }
        }
    }
    for (index, block) in document.blocks.iter().enumerate() {
        if *block != Block::PageBreak {
            continue;
        }
        for rendering in renderings {
            let before = rendering.blocks[..index].iter().flatten().last();
            let after = rendering.blocks[index + 1..].iter().flatten().next();
            if let (Some(before), Some(after)) = (before, after)
                && after.page <= before.page
            {
                let _ = writeln!(
                    report,
                    "block {index}: PageBreak: in {} “{}” (page {}) follows “{}” (page {}) on \
                     the same page",
                    rendering.name, after.text, after.page, before.text, before.page
                );
            }
        }
    }
    for (known, seen) in KNOWN.iter().zip(known_seen) {
        if !seen
            && renderings
                .iter()
                .any(|rendering| rendering.name == known.rendering)
        {
            let _ = writeln!(
                report,
                "block {} now agrees in {} (“{}”): remove it from KNOWN",
                known.block, known.rendering, known.why
            );
        }
    }
    assert!(
        report.is_empty(),
        "the renderings do not say what the tree says (gaps in ⟦ ⟧):\n{report}"
    );
}

/// Where `actual` first departs from `expected`, in words.
fn first_difference(expected: &[Word], actual: &[Word]) -> Option<String> {
    let at = expected
        .iter()
        .zip(actual)
        .position(|(wanted, got)| wanted != got)
        .or_else(|| (expected.len() != actual.len()).then(|| expected.len().min(actual.len())))?;
    let around = |words: &[Word]| show(&words[at.min(words.len())..(at + 4).min(words.len())]);
    Some(format!(
        "word {} is “{}” in the tree, “{}” here",
        at + 1,
        around(expected),
        around(actual)
    ))
}

/// `words` without the decoration words a writer adds; asserts it adds each exactly once per
/// signature box.
fn without_decoration(
    mut words: Vec<Word>,
    decoration: &[&str],
    boxes: usize,
    name: &str,
) -> Vec<Word> {
    for extra in decoration {
        let count = words.iter().filter(|word| word.text == *extra).count();
        assert_eq!(
            count, boxes,
            "{name}: “{extra}” should appear once per signature box"
        );
    }
    words.retain(|word| !decoration.contains(&word.text.as_str()));
    words
}

/// The number of signature boxes of a document.
fn signature_boxes(document: &Document) -> usize {
    document
        .blocks
        .iter()
        .filter_map(|block| {
            if let Block::Signatures(boxes) = block {
                Some(boxes.len())
            } else {
                None
            }
        })
        .sum()
}

/// Body area for the position filter, in points from the top of an A4 page: our PDF's header
/// sits at 40 pt and the body starts at 78 pt; its footer at 790 pt, the body ends at 772 pt.
/// LibreOffice puts the DOCX header at 35 pt and the body at 71 pt, the footer below 771 pt.
const BODY_TOP: f32 = 62.0;
const BODY_BOTTOM: f32 = 779.0;

#[test]
fn docx_pdf_and_libreoffice_say_what_the_tree_says_block_by_block() {
    let document = tree();
    let expected: Vec<Vec<Word>> = document
        .blocks
        .iter()
        .map(|block| expected_lines(block).concat())
        .collect();
    let boxes = signature_boxes(&document);
    let status = document.metadata.status.label();
    assert!(document.metadata.status.is_draft());
    let folder = tempfile::tempdir().unwrap();

    // DOCX.
    let docx_bytes = export::docx(&document).unwrap();
    let docx = read_docx(&docx_bytes);
    assert!(
        docx.half_marked.is_empty(),
        "DOCX runs with only one of the two gap marks: {:#?}",
        docx.half_marked
    );
    assert_eq!(docx.content_status, status, "DOCX docProps/core.xml status");
    assert!(
        docx.header.to_lowercase().contains(&status.to_lowercase()),
        "the DOCX header does not show the status “{status}”: “{}”",
        docx.header
    );
    assert!(
        docx.header.contains("ONTWERP"),
        "no ONTWERP mark in the DOCX header: “{}”",
        docx.header
    );
    let docx_words = without_decoration(docx.words, DOCX_DECORATION, boxes, "DOCX");
    let mut renderings = vec![Rendering {
        name: "DOCX",
        blocks: per_block(&expected, &docx_words),
        expected: expected.clone(),
    }];

    // PDF and LibreOffice need the real clients.
    if available("pdftotext") {
        let pdf_path = folder.path().join("writers.pdf");
        std::fs::write(&pdf_path, export::pdf(&document).unwrap()).unwrap();
        let pdf = read_pdf(&pdf_path, PDF_GAP_HIGHLIGHT, BODY_TOP, BODY_BOTTOM);
        for (number, text) in pdf.pages.iter().enumerate() {
            assert!(
                text.contains(&format!("Status: {status}")),
                "PDF page {} has no “Status: {status}” in its header: {text}",
                number + 1
            );
            assert!(
                text.contains("ONTWERP"),
                "PDF page {} has no ONTWERP mark",
                number + 1
            );
        }
        let pdf_words = without_decoration(pdf.body, PDF_DECORATION, boxes, "PDF");
        renderings.push(Rendering {
            name: "PDF",
            blocks: per_block(&expected, &pdf_words),
            expected: expected.clone(),
        });

        if available("soffice") {
            let docx_path = folder.path().join("writers-lo.docx");
            std::fs::write(&docx_path, &docx_bytes).unwrap();
            convert_with_libreoffice(folder.path(), &[&docx_path]);
            let lo = read_pdf(
                &folder.path().join("writers-lo.pdf"),
                LIBREOFFICE_YELLOW,
                BODY_TOP,
                BODY_BOTTOM,
            );
            let first = lo.pages.first().cloned().unwrap_or_default();
            assert!(
                first.to_lowercase().contains(&status.to_lowercase()),
                "LibreOffice's rendering shows no “{status}” in the header: {first}"
            );
            let lo_words = without_decoration(lo.body, DOCX_DECORATION, boxes, "LibreOffice");
            // Regression guard: the DOCX title was once drawn in capitals (w:caps) and the PDF's
            // not; the title reads as written in both.
            renderings.push(Rendering {
                name: "LO",
                blocks: per_block(&expected, &lo_words),
                expected: expected.clone(),
            });
        }
    }
    if let Some(folder) = std::env::var_os("WRITERS_AGREE_KEEP") {
        let folder = Path::new(&folder);
        std::fs::write(folder.join("writers.docx"), &docx_bytes).unwrap();
        std::fs::write(folder.join("writers.pdf"), export::pdf(&document).unwrap()).unwrap();
    }
    if std::env::var_os("WRITERS_AGREE_DUMP").is_some() {
        for (index, words) in expected.iter().enumerate() {
            eprintln!("block {index} tree: {}", show(words));
            for rendering in &renderings {
                let words = &rendering.blocks[index];
                let pages = (words.first().map(|w| w.page), words.last().map(|w| w.page));
                eprintln!("  {} {pages:?}: {}", rendering.name, show(words));
            }
        }
    }
    compare(&document, &expected, &renderings);
}

// ---------------------------------------------------------------------------------------------
// The read-back helpers themselves.

fn plain_words(text: &str) -> Vec<Word> {
    words(&[(text.to_string(), false)], 0)
}

#[test]
fn word_letters_repeat_after_z() {
    let letters: Vec<String> = [1, 2, 26, 27, 28, 52, 53]
        .iter()
        .map(|value| format_number(*value, "upperLetter"))
        .collect();
    assert_eq!(letters, ["A", "B", "Z", "AA", "BB", "ZZ", "AAA"]);
    assert_eq!(format_number(12, "decimal"), "12");
}

#[test]
fn markers_count_per_list_restart_below_a_higher_level_and_continue_without_override() {
    let xml = concat!(
        "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
        "<w:abstractNum w:abstractNumId=\"7\">",
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperLetter\"/>",
        "<w:lvlText w:val=\"%1.\"/></w:lvl>",
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>",
        "<w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>",
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>",
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"7\"/></w:num>",
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/>",
        "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
        "</w:numbering>",
    );
    let numbering = numbering(xml);
    let mut markers = Marker {
        numbering: &numbering,
        counters: BTreeMap::new(),
    };
    let drawn: Vec<String> = [(0, 1), (1, 1), (1, 1), (0, 1), (1, 1), (0, 2), (0, 3)]
        .iter()
        .map(|(ilvl, num)| markers.next(*ilvl, *num))
        .collect();
    // numId 2 shares the abstract definition without an override: Word numbers on (C.);
    // numId 3 restarts at A.
    assert_eq!(drawn, ["A.", "A.1", "A.2", "B.", "B.1", "C.", "A."]);
}

#[test]
fn alignment_keeps_a_missing_or_extra_word_in_its_own_block() {
    let expected = vec![
        plain_words("een twee drie"),
        plain_words("vier vijf"),
        plain_words("zes zeven"),
    ];
    let actual = plain_words("een drie vier vijf extra zes zeven");
    let blocks = per_block(&expected, &actual);
    assert_eq!(blocks[0], plain_words("een drie"));
    assert_eq!(blocks[1], plain_words("vier vijf extra"));
    assert_eq!(blocks[2], plain_words("zes zeven"));
    assert_eq!(
        first_difference(&expected[0], &blocks[0]).unwrap(),
        "word 2 is “twee drie” in the tree, “drie” here"
    );
}
