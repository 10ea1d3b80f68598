//! A Word document (`.docx`) read into source blocks: the body's paragraphs and table rows in
//! order (unzip + quick-xml), with heading styles, list numbering and footnotes.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::ImportError;
use super::source::{BlockKind, Origin, SourceBlock};

/// The body of the DOCX in `bytes` as blocks; a broken zip or XML is an [`ImportError`].
pub fn read_docx(bytes: &[u8]) -> Result<Vec<SourceBlock>, ImportError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|error| ImportError::BrokenWord(format!("geen geldig zip-bestand ({error})")))?;
    let document = part(&mut archive, "word/document.xml")?.ok_or_else(|| {
        ImportError::BrokenWord("het bestand bevat geen word/document.xml".to_string())
    })?;
    let footnotes = match part(&mut archive, "word/footnotes.xml")? {
        Some(xml) => read_footnotes(&xml)?,
        None => HashMap::new(),
    };
    read_body(&document, &footnotes)
}

/// A part of the package as text; `None` when it is not there.
fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(ImportError::BrokenWord(format!("{name}: {error}"))),
    };
    // A part larger than this is not a protocol (and would only exhaust memory).
    const LIMIT: u64 = 256 * 1024 * 1024;
    let mut text = String::new();
    (&mut file)
        .take(LIMIT)
        .read_to_string(&mut text)
        .map_err(|error| ImportError::BrokenWord(format!("{name}: {error}")))?;
    Ok(Some(text))
}

/// What the body reader is inside of.
#[derive(Default)]
struct Paragraph {
    text: String,
    kind: BlockKind,
}

fn xml_error(
    part: &str,
    reader: &quick_xml::Reader<&[u8]>,
    error: impl std::fmt::Display,
) -> ImportError {
    ImportError::BrokenWord(format!(
        "{part}: onleesbare XML bij positie {} ({error})",
        reader.buffer_position()
    ))
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.as_ref() == name)
        .map(|attribute| attribute.value.to_string())
}

/// Text of an entity reference (`&amp;`, `&#233;`).
fn reference_text(reference: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(character)) = reference.resolve_char_ref() {
        return character.to_string();
    }
    match reference.xml10_content().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_string()
}

fn read_body(
    xml: &str,
    footnotes: &HashMap<String, String>,
) -> Result<Vec<SourceBlock>, ImportError> {
    let mut reader = quick_xml::Reader::from_reader(xml.as_bytes());
    let mut blocks = Vec::new();
    let mut paragraph: Option<Paragraph> = None;
    let mut in_text = false;
    // Tables may nest: a stack of (rows so far, current row's cells, current cell's paragraphs).
    let mut cell_paragraphs: Vec<Vec<String>> = Vec::new();
    let mut row_cells: Vec<Vec<String>> = Vec::new();
    let mut paragraph_number = 0;
    let mut row_origin = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|error| xml_error("word/document.xml", &reader, error))?;
        match event {
            Event::Start(ref element) | Event::Empty(ref element) => {
                let empty = matches!(event, Event::Empty(_));
                match element.name().as_ref() {
                    "w:p" if !empty => {
                        paragraph_number += 1;
                        paragraph = Some(Paragraph::default());
                    }
                    "w:tr" if !empty => {
                        row_cells.push(Vec::new());
                        row_origin.push(paragraph_number + 1);
                    }
                    "w:tc" if !empty => cell_paragraphs.push(Vec::new()),
                    "w:t" if !empty => in_text = true,
                    "w:tab" => {
                        if let Some(paragraph) = &mut paragraph {
                            paragraph.text.push('\t');
                        }
                    }
                    "w:br" | "w:cr" => {
                        if let Some(paragraph) = &mut paragraph {
                            paragraph.text.push(' ');
                        }
                    }
                    "w:pStyle" => {
                        let style = attribute(element, "w:val").unwrap_or_default();
                        let lower = style.to_lowercase();
                        if let Some(paragraph) = &mut paragraph
                            && (lower.starts_with("heading")
                                || lower.starts_with("kop")
                                || lower == "title"
                                || lower == "titel")
                        {
                            paragraph.kind = BlockKind::Heading;
                        }
                        if let Some(paragraph) = &mut paragraph
                            && lower.contains("list")
                        {
                            paragraph.kind = BlockKind::ListItem;
                        }
                    }
                    "w:numPr" => {
                        if let Some(paragraph) = &mut paragraph
                            && paragraph.kind == BlockKind::Paragraph
                        {
                            paragraph.kind = BlockKind::ListItem;
                        }
                    }
                    "w:footnoteReference" => {
                        if let Some(paragraph) = &mut paragraph
                            && let Some(id) = attribute(element, "w:id")
                            && let Some(text) = footnotes.get(&id)
                        {
                            // Where the reference stands, in the model's footnote markup.
                            paragraph.text.push_str(&format!("^[{text}]"));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(text) if in_text => {
                if let Some(paragraph) = &mut paragraph {
                    let content = text.xml10_content();
                    paragraph.text.push_str(&content);
                }
            }
            Event::GeneralRef(reference) if in_text => {
                if let Some(paragraph) = &mut paragraph {
                    paragraph.text.push_str(&reference_text(&reference));
                }
            }
            Event::End(element) => match element.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    let Some(mut done) = paragraph.take() else {
                        continue;
                    };
                    // Converters leave HTML-like tags as text in tables ("<p>Gegeven 1 <i>…").
                    if done.text.contains('<') {
                        done.text = super::source::strip_markup(&done.text);
                    }
                    if let Some(cell) = cell_paragraphs.last_mut() {
                        cell.push(done.text);
                    } else if super::source::attach_footnote(
                        &mut blocks,
                        super::source::one_line(&done.text).as_str(),
                    ) {
                        // A footnote typed as text ("¹ Zie …") joins the paragraph with its mark.
                    } else if let Some(cells) = tab_cells(&done.text) {
                        // A two-column layout made with tabs (a text file opened in Word).
                        blocks.push(SourceBlock::row(cells, Origin::Paragraph(paragraph_number)));
                    } else {
                        // A list typed with its markers ("- A. …") is a list too.
                        let (kind, text) = match super::source::list_marker(&done.text) {
                            Some(rest) if done.kind == BlockKind::Paragraph => {
                                (BlockKind::ListItem, rest.to_string())
                            }
                            _ => (done.kind, done.text.clone()),
                        };
                        let block = SourceBlock::paragraph(
                            &text,
                            kind,
                            Origin::Paragraph(paragraph_number),
                        );
                        if !block.text.is_empty() {
                            blocks.push(block);
                        }
                    }
                }
                "w:tc" => {
                    let paragraphs = cell_paragraphs.pop().unwrap_or_default();
                    let text = paragraphs
                        .iter()
                        .map(|paragraph| super::source::one_line(paragraph))
                        .filter(|paragraph| !paragraph.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n");
                    // A nested table's row, once complete, joins the outer cell (below).
                    if let Some(row) = row_cells.last_mut() {
                        row.push(text);
                    }
                }
                "w:tr" => {
                    let cells = row_cells.pop().unwrap_or_default();
                    let origin = Origin::Paragraph(row_origin.pop().unwrap_or(paragraph_number));
                    if let Some(outer) = cell_paragraphs.last_mut() {
                        outer.push(cells.join("\t"));
                    } else if cells.iter().any(|cell| !cell.is_empty()) {
                        blocks.push(row_block(cells, origin));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(blocks)
}

/// The cells of a paragraph laid out in columns with tabs ("Gegeven 1<tab>Het INSZ…"), if it
/// is one: two or more filled parts, or text after a leading tab.
fn tab_cells(text: &str) -> Option<Vec<String>> {
    if !text.contains('\t') {
        return None;
    }
    let cells: Vec<String> = text.split('\t').map(str::to_string).collect();
    let filled = cells.iter().filter(|cell| !cell.trim().is_empty()).count();
    let leading = cells.first().is_some_and(|cell| cell.trim().is_empty()) && filled > 0;
    (filled > 1 || leading).then_some(cells)
}

/// A table row: each cell keeps its paragraphs on separate lines.
fn row_block(cells: Vec<String>, origin: Origin) -> SourceBlock {
    let text = cells
        .iter()
        .map(|cell| super::source::one_line(cell))
        .collect::<Vec<_>>()
        .join("\t");
    SourceBlock {
        text,
        cells,
        kind: BlockKind::Paragraph,
        origin,
    }
}

/// Footnote id → its text, from `word/footnotes.xml` (separators left out).
fn read_footnotes(xml: &str) -> Result<HashMap<String, String>, ImportError> {
    let mut reader = quick_xml::Reader::from_reader(xml.as_bytes());
    let mut footnotes = HashMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| xml_error("word/footnotes.xml", &reader, error))?;
        match event {
            Event::Start(element) => match element.name().as_ref() {
                "w:footnote" => {
                    let id = attribute(&element, "w:id").unwrap_or_default();
                    let separator = attribute(&element, "w:type").is_some();
                    current = (!separator).then(|| (id, String::new()));
                }
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Text(text) if in_text => {
                if let Some((_, footnote)) = &mut current {
                    let content = text.xml10_content();
                    footnote.push_str(&content);
                }
            }
            Event::GeneralRef(reference) if in_text => {
                if let Some((_, footnote)) = &mut current {
                    footnote.push_str(&reference_text(&reference));
                }
            }
            Event::End(element) => match element.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    if let Some((_, footnote)) = &mut current {
                        footnote.push(' ');
                    }
                }
                "w:footnote" => {
                    if let Some((id, text)) = current.take() {
                        footnotes.insert(id, super::source::one_line(&text));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(footnotes)
}
