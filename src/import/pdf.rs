//! A PDF read into source blocks: the text runs of every page with their position and width
//! (lopdf's objects, the fonts' ToUnicode maps and widths), grouped into lines, lines into
//! paragraphs, and lines with a second column into table rows, so that the two-column data
//! table and the signature block come back as rows.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object};

use super::ImportError;
use super::source::{BlockKind, Origin, SourceBlock, list_marker, one_line};

/// Decompressed content of one page larger than this is refused (a compression bomb).
const PAGE_LIMIT: usize = 64 * 1024 * 1024;

/// One shown string: where it starts, how wide it is, its text and size.
#[derive(Debug, Clone)]
struct Run {
    x: f32,
    y: f32,
    width: f32,
    size: f32,
    text: String,
    /// Set in a bold face (headings and labels in our exports).
    bold: bool,
}

/// A line of a page: its runs in reading order, split into columns where they are far apart.
#[derive(Debug, Clone)]
struct PageLine {
    page: usize,
    number: usize,
    y: f32,
    size: f32,
    /// (start x, text) of each column segment.
    segments: Vec<(f32, String)>,
    /// Where the line's last run ends.
    end: f32,
    /// Every run of the line is bold.
    bold: bool,
}

/// The x positions where table columns start: where, on many lines, a run starts far to the
/// right of the run before it. A run that starts there begins a new cell even when the text
/// before it comes close (a long label in the first column).
fn column_starts(pages: &[(usize, Vec<Run>)]) -> Vec<f32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for (_, runs) in pages {
        let mut runs: Vec<&Run> = runs.iter().collect();
        runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
        for pair in runs.windows(2) {
            let (before, run) = (pair[0], pair[1]);
            let same_line = (before.y - run.y).abs() <= before.size.max(run.size) * 0.3;
            if same_line && run.x - (before.x + before.width) >= run.size * 2.5 {
                *counts.entry(run.x.round() as i32).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, count)| *count >= 3)
        .map(|(x, _)| x as f32)
        .collect()
}

struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    bold: bool,
    two_bytes: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

/// The PDF in `bytes` as blocks.
pub fn read_pdf(bytes: &[u8]) -> Result<Vec<SourceBlock>, ImportError> {
    let document = Document::load_mem(bytes).map_err(|error| {
        let text = error.to_string();
        if text.to_lowercase().contains("encrypt") || text.to_lowercase().contains("password") {
            ImportError::EncryptedPdf
        } else {
            ImportError::BrokenPdf(text)
        }
    })?;
    if document.is_encrypted() || document.was_encrypted() {
        return Err(ImportError::EncryptedPdf);
    }
    let mut pages = Vec::new();
    for (page_number, page_id) in document.get_pages() {
        pages.push((page_number as usize, page_runs(&document, page_id)?));
    }
    let columns = column_starts(&pages);
    let mut lines = Vec::new();
    for (page_number, runs) in pages {
        lines.extend(page_lines(page_number, runs, &columns));
    }
    if lines.is_empty() {
        return Err(ImportError::NoText);
    }
    drop_running_headers(&mut lines);
    Ok(blocks_from_lines(&lines))
}

fn page_runs(document: &Document, page_id: lopdf::ObjectId) -> Result<Vec<Run>, ImportError> {
    let broken = |error: lopdf::Error| ImportError::BrokenPdf(error.to_string());
    let fonts: HashMap<Vec<u8>, Font> = document
        .get_page_fonts(page_id)
        .map_err(broken)?
        .into_iter()
        .map(|(name, dictionary)| (name, font(document, dictionary)))
        .collect();
    let data = document
        .get_page_content_with_limit(page_id, PAGE_LIMIT)
        .map_err(broken)?;
    let content = Content::decode(&data).map_err(broken)?;
    let mut runs = Vec::new();
    let mut font: Option<&Font> = None;
    let mut size = 10.0_f32;
    // Text line matrix origin and current point (translation only, scaled by the CTM).
    let (mut line_x, mut line_y) = (0.0_f32, 0.0_f32);
    let (mut x, mut y) = (0.0_f32, 0.0_f32);
    let mut leading = 0.0_f32;
    let mut ctm = [1.0_f32, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut ctm_stack = Vec::new();
    let number = |object: &Object| -> f32 {
        match object {
            Object::Integer(value) => *value as f32,
            Object::Real(value) => *value,
            _ => 0.0,
        }
    };
    for operation in &content.operations {
        let operands = &operation.operands;
        match operation.operator.as_str() {
            "q" => ctm_stack.push(ctm),
            "Q" => ctm = ctm_stack.pop().unwrap_or(ctm),
            "cm" if operands.len() == 6 => {
                let m: Vec<f32> = operands.iter().map(number).collect();
                ctm = [
                    m[0] * ctm[0] + m[1] * ctm[2],
                    m[0] * ctm[1] + m[1] * ctm[3],
                    m[2] * ctm[0] + m[3] * ctm[2],
                    m[2] * ctm[1] + m[3] * ctm[3],
                    m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
                    m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
                ];
            }
            "BT" => {
                (line_x, line_y, x, y) = (0.0, 0.0, 0.0, 0.0);
            }
            "Tf" if operands.len() == 2 => {
                font = operands
                    .first()
                    .and_then(|name| name.as_name().ok())
                    .and_then(|name| fonts.get(name));
                size = number(&operands[1]);
            }
            "TL" if !operands.is_empty() => leading = number(&operands[0]),
            "Td" | "TD" if operands.len() == 2 => {
                let (tx, ty) = (number(&operands[0]), number(&operands[1]));
                if operation.operator == "TD" {
                    leading = -ty;
                }
                line_x += tx;
                line_y += ty;
                (x, y) = (line_x, line_y);
            }
            "Tm" if operands.len() == 6 => {
                line_x = number(&operands[4]);
                line_y = number(&operands[5]);
                (x, y) = (line_x, line_y);
            }
            "T*" => {
                line_y -= leading;
                (x, y) = (line_x, line_y);
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if matches!(operation.operator.as_str(), "'" | "\"") {
                    line_y -= leading;
                    (x, y) = (line_x, line_y);
                }
                let Some(font) = font else { continue };
                let items: Vec<&Object> = match operands.last() {
                    Some(Object::Array(items)) => items.iter().collect(),
                    Some(other) => vec![other],
                    None => continue,
                };
                let start = x;
                let mut text = String::new();
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            let (decoded, advance) = show(font, bytes, size);
                            text.push_str(&decoded);
                            x += advance;
                        }
                        other => x -= number(other) / 1000.0 * size,
                    }
                }
                if text.trim().is_empty() {
                    continue;
                }
                let scale = ctm[0].abs().max(0.0001);
                runs.push(Run {
                    bold: font.bold,
                    x: start * ctm[0] + y * ctm[2] + ctm[4],
                    y: start * ctm[1] + y * ctm[3] + ctm[5],
                    width: (x - start) * scale,
                    size: size * ctm[3].abs().max(scale),
                    text,
                });
            }
            _ => {}
        }
    }
    Ok(runs)
}

fn font<'a>(document: &'a Document, dictionary: &'a Dictionary) -> Font<'a> {
    let encoding = dictionary
        .get_font_encoding_with_limit(document, PAGE_LIMIT)
        .ok();
    let subtype = dictionary
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or_default();
    let mut widths = HashMap::new();
    let two_bytes = subtype == b"Type0";
    let mut default_width = if two_bytes { 1000.0 } else { 500.0 };
    let resolve = |object: &'a Object| -> &'a Object {
        document
            .dereference(object)
            .map(|(_, object)| object)
            .unwrap_or(object)
    };
    let value = |object: &'a Object| match resolve(object) {
        Object::Integer(value) => *value as f32,
        Object::Real(value) => *value,
        _ => 0.0,
    };
    if two_bytes {
        let descendant = dictionary
            .get(b"DescendantFonts")
            .map(resolve)
            .and_then(Object::as_array)
            .ok()
            .and_then(|array| array.first())
            .map(resolve)
            .and_then(|object| object.as_dict().ok());
        if let Some(descendant) = descendant {
            if let Ok(width) = descendant.get(b"DW") {
                default_width = value(width);
            }
            if let Ok(Object::Array(items)) = descendant.get(b"W").map(resolve) {
                let mut index = 0;
                while index + 1 < items.len() {
                    let first = value(&items[index]) as u32;
                    match resolve(&items[index + 1]) {
                        Object::Array(list) => {
                            for (offset, width) in list.iter().enumerate() {
                                widths.insert(first + offset as u32, value(width));
                            }
                            index += 2;
                        }
                        _ if index + 2 < items.len() => {
                            let last = value(&items[index + 1]) as u32;
                            let width = value(&items[index + 2]);
                            for code in first..=last.min(first + 65_535) {
                                widths.insert(code, width);
                            }
                            index += 3;
                        }
                        _ => break,
                    }
                }
            }
        }
    } else if let Ok(Object::Array(list)) = dictionary.get(b"Widths").map(resolve) {
        let first = dictionary.get(b"FirstChar").map(value).unwrap_or_default() as u32;
        for (offset, width) in list.iter().enumerate() {
            widths.insert(first + offset as u32, value(width));
        }
    }
    // "ABCDEF+NotoSans-Bold": the face's name says whether it is bold.
    let bold = dictionary
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .is_ok_and(|name| {
            String::from_utf8_lossy(name)
                .to_lowercase()
                .contains("bold")
        });
    Font {
        encoding,
        bold,
        two_bytes,
        widths,
        default_width,
    }
}

/// The text of a shown string and how far it moves the pen.
fn show(font: &Font, bytes: &[u8], size: f32) -> (String, f32) {
    let codes: Vec<u32> = if font.two_bytes {
        bytes
            .chunks(2)
            .map(|pair| u32::from(pair[0]) << 8 | u32::from(*pair.get(1).unwrap_or(&0)))
            .collect()
    } else {
        bytes.iter().map(|byte| u32::from(*byte)).collect()
    };
    let advance: f32 = codes
        .iter()
        .map(|code| font.widths.get(code).copied().unwrap_or(font.default_width))
        .sum::<f32>()
        / 1000.0
        * size;
    let text = match &font.encoding {
        Some(encoding) => Document::decode_text(encoding, bytes).unwrap_or_default(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    };
    (text, advance)
}

/// The runs of a page as lines, top to bottom, each split into column segments.
fn page_lines(page: usize, mut runs: Vec<Run>, columns: &[f32]) -> Vec<PageLine> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut grouped: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match grouped.last_mut() {
            Some(line) if (line[0].y - run.y).abs() <= line[0].size.max(run.size) * 0.3 => {
                line.push(run)
            }
            _ => grouped.push(vec![run]),
        }
    }
    grouped
        .into_iter()
        .enumerate()
        .map(|(index, mut runs)| {
            runs.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = runs.iter().map(|run| run.size).fold(0.0, f32::max);
            let y = runs[0].y;
            let end = runs.iter().map(|run| run.x + run.width).fold(0.0, f32::max);
            let bold = runs.iter().all(|run| run.bold);
            let mut segments: Vec<(f32, String, f32)> = Vec::new();
            for run in runs {
                // A run at a known column start begins a cell only after more than a space.
                let at_column = columns.iter().any(|column| (column - run.x).abs() < 1.5)
                    && segments
                        .last()
                        .is_some_and(|(_, _, end)| run.x - end > run.size * 0.6);
                match segments.last_mut() {
                    // A gap of two and a half em, or a known column start, is a column break.
                    Some((_, text, end)) if run.x - *end < run.size * 2.5 && !at_column => {
                        if run.x - *end > run.size * 0.15 && !text.ends_with(' ') {
                            text.push(' ');
                        }
                        text.push_str(&run.text);
                        *end = run.x + run.width;
                    }
                    _ => segments.push((run.x, run.text.clone(), run.x + run.width)),
                }
            }
            PageLine {
                page,
                number: index + 1,
                y,
                size,
                segments: segments
                    .into_iter()
                    .map(|(x, text, _)| (x, one_line(&text)))
                    .collect(),
                end,
                bold,
            }
        })
        .collect()
}

/// Page headers and footers: a line whose text (digits aside) comes back at the same height on
/// most pages, and page numbers ("pagina 3 van 12").
fn drop_running_headers(lines: &mut Vec<PageLine>) {
    let pages = lines.iter().map(|line| line.page).max().unwrap_or(0);
    let key = |line: &PageLine| -> (i32, String) {
        let text: String = line
            .segments
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .filter(|character| !character.is_ascii_digit())
            .collect();
        ((line.y / 4.0).round() as i32, text)
    };
    let mut counts: HashMap<(i32, String), usize> = HashMap::new();
    for line in lines.iter() {
        *counts.entry(key(line)).or_default() += 1;
    }
    // Only the first and last lines of a page can be a running header or footer: a body
    // that repeats page after page (a long table of similar rows) stays.
    let mut last_line: HashMap<usize, usize> = HashMap::new();
    for line in lines.iter() {
        let last = last_line.entry(line.page).or_default();
        *last = (*last).max(line.number);
    }
    lines.retain(|line| {
        let at_edge = line.number <= 2
            || last_line
                .get(&line.page)
                .is_some_and(|last| line.number + 2 > *last);
        let text = line
            .segments
            .iter()
            .map(|(_, text)| text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let page_number = text.contains("pagina ")
            && text.contains(" van ")
            && text.ends_with(|character: char| character.is_ascii_digit());
        let repeated =
            at_edge && pages >= 3 && counts.get(&key(line)).copied().unwrap_or(0) * 2 > pages;
        !(page_number || repeated)
    });
}

/// Lines into paragraphs and table rows.
fn blocks_from_lines(lines: &[PageLine]) -> Vec<SourceBlock> {
    let body_size = {
        let mut sizes: HashMap<i32, usize> = HashMap::new();
        for line in lines {
            *sizes.entry((line.size * 10.0) as i32).or_default() += 1;
        }
        sizes
            .into_iter()
            .max_by_key(|(_, count)| *count)
            .map_or(10.0, |(size, _)| size as f32 / 10.0)
    };
    let left_margin = lines
        .iter()
        .filter_map(|line| line.segments.first().map(|(x, _)| *x))
        .fold(f32::MAX, f32::min);
    let right_margin = lines.iter().map(|line| line.end).fold(0.0, f32::max);
    let text_width = (right_margin - left_margin).max(1.0);
    let mut blocks: Vec<SourceBlock> = Vec::new();
    // The block being built and the last line added to it.
    let mut open: Option<(SourceBlock, PageLine)> = None;
    let close = |open: &mut Option<(SourceBlock, PageLine)>, blocks: &mut Vec<SourceBlock>| {
        if let Some((mut block, _)) = open.take() {
            if block.cells.is_empty() {
                block.text = one_line(&block.text);
            } else {
                block.text = block
                    .cells
                    .iter()
                    .map(|cell| one_line(cell))
                    .collect::<Vec<_>>()
                    .join("\t");
            }
            blocks.push(block);
        }
    };
    let debug = std::env::var_os("PROTOCOLWIJZER_IMPORT_DEBUG").is_some();
    for line in lines {
        if debug {
            eprintln!(
                "{} {} y={:.1} size={:.1} bold={} end={:.1} {:?}",
                line.page,
                line.number,
                line.y,
                line.size,
                line.bold,
                line.end,
                line.segments
                    .iter()
                    .map(|(x, t)| (x.round(), t.chars().take(30).collect::<String>()))
                    .collect::<Vec<_>>()
            );
        }
        let origin = Origin::Page {
            page: line.page,
            line: line.number,
        };
        let text = line
            .segments
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let is_row = line.segments.len() > 1;
        // A larger size, or a line set wholly in bold that is not a list item or a row: a
        // heading (our exports' second-level headings are bold in the body size).
        let heading = line.size > body_size * 1.15
            || (line.bold && !is_row && list_marker(&text).is_none() && !text.ends_with(':'));
        let first_x = line.segments.first().map_or(0.0, |(x, _)| *x);
        let marker = list_marker(&text).is_some() || text.starts_with('–') || text.starts_with('•');
        if let Some((block, last)) = &mut open {
            let same_page = last.page == line.page;
            let gap = last.y - line.y;
            let tight = same_page && gap > 0.0 && gap < last.size.max(line.size) * 1.6;
            // A row goes on with lines that leave its first column empty (a cell's further
            // paragraphs and lists, also on the next page) and with lines set tight under it.
            let near = !same_page || (gap > 0.0 && gap < line.size * 4.0);
            // A line with text in the first column starts the next row, unless it goes on
            // with the label above it ("Verantwoording" / "proportionaliteit": lower case).
            let left_text = line
                .segments
                .first()
                .filter(|(x, _)| *x <= left_margin + 20.0)
                .map(|(_, text)| text.as_str());
            // A signature box ("Voor …", function, name) keeps all its lines.
            let signature_box = block
                .cells
                .first()
                .is_some_and(|cell| cell.starts_with("Voor "));
            let label_goes_on = signature_box
                || left_text
                    .is_some_and(|text| text.chars().next().is_some_and(char::is_lowercase));
            let row_continues = !block.cells.is_empty()
                && ((tight && (left_text.is_none() || label_goes_on))
                    || (left_text.is_none() && near));
            // A line that stops well before the right margin ends its paragraph.
            let previous_full = last.end > left_margin + text_width * 0.8;
            // A heading goes on only after a wide line (a title wrapped over lines), not
            // after a short one ("Partijen" above "TUSSEN").
            let last_width = last.end - last.segments.first().map_or(0.0, |(x, _)| *x);
            let both_headings =
                heading && block.kind == BlockKind::Heading && last_width > text_width * 0.6;
            // A paragraph goes on at the top of the next page when its last line was full.
            let top_of_page = !same_page && line.number <= 2;
            let paragraph_continues = block.cells.is_empty()
                && !is_row
                && (tight || (top_of_page && previous_full && !heading))
                && !marker
                && (both_headings || (!heading && block.kind != BlockKind::Heading))
                && (previous_full || both_headings)
                && !ends_paragraph(&block.text, &text);
            if row_continues {
                // A row's lines: each segment goes to the cell whose column it starts in; a
                // row that goes on over a page starts with an empty first cell.
                let columns = last.segments.iter().map(|(x, _)| *x).collect::<Vec<_>>();
                for (x, segment) in &line.segments {
                    let column = nearest_column(&columns, *x, block.cells.len());
                    if let Some(cell) = block.cells.get_mut(column) {
                        join_line(cell, segment);
                    }
                }
                // The row keeps its first line's column starts.
                *last = PageLine {
                    segments: last.segments.clone(),
                    ..line.clone()
                };
                continue;
            }
            if paragraph_continues {
                join_line(&mut block.text, &text);
                *last = line.clone();
                continue;
            }
        }
        close(&mut open, &mut blocks);
        let block = if is_row {
            let mut cells: Vec<String> =
                line.segments.iter().map(|(_, text)| text.clone()).collect();
            // A row whose first column is empty (continued from the previous page).
            if first_x > left_margin + 20.0 {
                cells.insert(0, String::new());
            }
            SourceBlock {
                text: String::new(),
                cells,
                kind: BlockKind::Paragraph,
                origin,
            }
        } else if first_x > left_margin + 150.0
            && !heading
            && blocks.last().is_some_and(|last| !last.cells.is_empty())
        {
            // Text in the right column only: the rest of the previous row's second cell.
            SourceBlock {
                text: String::new(),
                cells: vec![String::new(), text.clone()],
                kind: BlockKind::Paragraph,
                origin,
            }
        } else {
            let (kind, text) = match list_marker(&text) {
                Some(rest) => (BlockKind::ListItem, rest.to_string()),
                None if heading => (BlockKind::Heading, text.clone()),
                None => (BlockKind::Paragraph, text.clone()),
            };
            SourceBlock {
                text,
                cells: Vec::new(),
                kind,
                origin,
            }
        };
        open = Some((block, line.clone()));
    }
    close(&mut open, &mut blocks);
    // Footnotes at the foot of the page ("¹ Zie …") go where their mark stands in the text.
    let mut kept: Vec<SourceBlock> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if block.cells.is_empty() && super::source::attach_footnote(&mut kept, &block.text) {
            continue;
        }
        kept.push(block);
    }
    kept
}

/// Adds the next line of a paragraph: after a line that breaks inside a web address
/// ("…/privacy/" + "protocollen") or a hyphenated word ("INSZ-" + "nummer") without a space,
/// as our writer breaks lines there.
fn join_line(text: &mut String, next: &str) {
    let glued = text.ends_with('/')
        || (text.ends_with('-') && text.chars().rev().nth(1).is_some_and(char::is_alphanumeric));
    if !glued && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(next);
}

/// Where a paragraph obviously ends before `next`: a heading-like next line ("Artikel 3: …").
fn ends_paragraph(text: &str, next: &str) -> bool {
    let next = next.trim_start();
    (text.ends_with('.') || text.ends_with(':') || text.ends_with(';'))
        && (next.starts_with("Artikel ") || next.starts_with("Gegeven "))
}

fn nearest_column(columns: &[f32], x: f32, count: usize) -> usize {
    columns
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
        .map_or(0, |(index, _)| index)
        .min(count.saturating_sub(1))
}
