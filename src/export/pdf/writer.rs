//! Serialises laid-out pages with lopdf: content streams, subset Type0/CIDFontType2 fonts with
//! `/ToUnicode` maps, one unsigned `/Sig` field per signatory (as `PDF-SIGNING.md` says),
//! metadata, and one clean revision with a classic cross-reference table. Deterministic: no
//! clock, no random ids; the document id is a SHA-256 of the content.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat, dictionary, xref::XrefType};
use sha2::{Digest, Sha256};

use super::fonts::Face;
use super::layout::{Draw, PAGE_HEIGHT, PAGE_WIDTH, Page, Rgb};
use super::text::{self, Alignment, Style, TextLine};
use crate::document::{Metadata, Span};
use crate::export::ExportError;

/// A number for a content stream: at most two decimals, no trailing zeros.
fn num(value: f32) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_string()
    } else {
        text.to_string()
    }
}

fn real(value: f32) -> Object {
    Object::Real((value * 100.0).round() / 100.0)
}

fn rgb(color: Rgb, operator: &str) -> String {
    format!(
        "{} {} {} {operator}",
        num(color[0]),
        num(color[1]),
        num(color[2])
    )
}

/// A PDF text string: PDFDocEncoding-compatible ASCII as is, anything else as UTF-16BE.
fn text_string(text: &str) -> Object {
    if text.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// The glyphs each face shows, with the text each glyph stands for.
#[derive(Default)]
struct Usage {
    glyphs: BTreeMap<Face, BTreeMap<u16, char>>,
}

impl Usage {
    fn add(&mut self, line: &TextLine) {
        for run in &line.runs {
            let glyphs = self.glyphs.entry(run.style.face).or_default();
            for glyph in &run.glyphs {
                glyphs.entry(glyph.gid).or_insert(glyph.c);
            }
        }
    }
}

fn font_resource(face: Face) -> String {
    format!("F{}", face.index() + 1)
}

/// Appends glyph id `gid` to a literal string: two bytes, big-endian, with the bytes a
/// literal string cannot hold as they are written as octal escapes. (Binary literal strings
/// are half the size of hexadecimal ones: less to compress, a smaller file.)
fn push_glyph(out: &mut Vec<u8>, gid: u16) {
    for byte in gid.to_be_bytes() {
        if matches!(byte, b'(' | b')' | b'\\' | b'\r' | b'\n') {
            let _ = write!(out, "\\{byte:03o}");
        } else {
            out.push(byte);
        }
    }
}

fn show_line(out: &mut Vec<u8>, line: &TextLine, x: f32, baseline: f32, color: Rgb) {
    for run in &line.runs {
        if run.glyphs.is_empty() {
            continue;
        }
        let size = run.style.size;
        let _ = write!(
            out,
            "BT /{} {} Tf {} {} {} Td [(",
            font_resource(run.style.face),
            num(size),
            rgb(color, "rg"),
            num(x + run.x),
            num(baseline)
        );
        for glyph in &run.glyphs {
            push_glyph(out, glyph.gid);
            if glyph.extra.abs() > 0.001 {
                let adjust = -glyph.extra * 1000.0 / size;
                let _ = write!(out, ") {} (", num(adjust));
            }
        }
        out.extend_from_slice(b")] TJ ET\n");
    }
}

/// The diagonal "ONTWERP" of a draft, drawn as glyph outlines rather than text, so that it
/// stays out of the text layer (copy-paste, `pdftotext`, screen readers).
fn watermark() -> String {
    let line = text::wrap(
        &[Span::bold("ONTWERP")],
        Style::new(Face::Bold, 100.0),
        2000.0,
        Alignment::Left,
    )
    .into_iter()
    .next()
    .unwrap_or_default();
    let width = line.runs.iter().map(|run| run.width).sum::<f32>();
    let mut out = format!(
        "q {} 0.8192 0.5736 -0.5736 0.8192 {} {} cm\n",
        rgb([0.95, 0.88, 0.88], "rg"),
        num(PAGE_WIDTH / 2.0),
        num(PAGE_HEIGHT / 2.0)
    );
    for run in &line.runs {
        let metrics = run.style.face.metrics();
        let scale = run.style.size / metrics.units_per_em;
        let mut x = run.x - width / 2.0;
        for glyph in &run.glyphs {
            let point = |(px, py): (f32, f32)| {
                format!("{} {}", num(x + px * scale), num(py * scale - 38.0))
            };
            for contour in metrics.outline(glyph.gid) {
                path(&mut out, &contour, &point);
            }
            x += metrics.points(f32::from(metrics.width(glyph.gid)), run.style.size);
        }
    }
    out.push_str("f Q\n");
    out
}

/// One TrueType contour (quadratic, with implied on-curve points) as a PDF path.
fn path(out: &mut String, contour: &[(f32, f32, bool)], point: &dyn Fn((f32, f32)) -> String) {
    let count = contour.len();
    if count < 2 {
        return;
    }
    let mid = |a: (f32, f32, bool), b: (f32, f32, bool)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    // Start at an on-curve point (or the midpoint of two off-curve points).
    let first = contour.iter().position(|p| p.2).unwrap_or(0);
    let start = if contour[first].2 {
        (contour[first].0, contour[first].1)
    } else {
        mid(contour[count - 1], contour[0])
    };
    let _ = writeln!(out, "{} m", point(start));
    let mut current = start;
    let mut control: Option<(f32, f32)> = if contour[first].2 {
        None
    } else {
        Some((contour[first].0, contour[first].1))
    };
    for step in 1..=count {
        let p = contour[(first + step) % count];
        let here = (p.0, p.1);
        match (p.2, control) {
            (true, None) => {
                let _ = writeln!(out, "{} l", point(here));
                current = here;
            }
            (true, Some(q)) => {
                quad(out, current, q, here, point);
                current = here;
                control = None;
            }
            (false, None) => control = Some(here),
            (false, Some(q)) => {
                let between = ((q.0 + here.0) / 2.0, (q.1 + here.1) / 2.0);
                quad(out, current, q, between, point);
                current = between;
                control = Some(here);
            }
        }
    }
    if let Some(q) = control {
        quad(out, current, q, start, point);
    }
    out.push_str("h\n");
}

fn quad(
    out: &mut String,
    from: (f32, f32),
    control: (f32, f32),
    to: (f32, f32),
    point: &dyn Fn((f32, f32)) -> String,
) {
    let c1 = (
        from.0 + 2.0 / 3.0 * (control.0 - from.0),
        from.1 + 2.0 / 3.0 * (control.1 - from.1),
    );
    let c2 = (
        to.0 + 2.0 / 3.0 * (control.0 - to.0),
        to.1 + 2.0 / 3.0 * (control.1 - to.1),
    );
    let _ = writeln!(out, "{} {} {} c", point(c1), point(c2), point(to));
}

/// A signature field to add to a page.
struct Field {
    name: String,
    rect: [f32; 4],
}

/// An outline entry: its title, level and height on its page (PDF coordinates).
struct Bookmark {
    title: String,
    level: u8,
    y: f32,
}

/// What a page holds besides its content stream.
#[derive(Default)]
struct PageExtras {
    fields: Vec<Field>,
    bookmarks: Vec<Bookmark>,
    /// Whether the page shows the draft watermark.
    watermark: bool,
}

/// The content stream of a page, its signature fields and its outline entries.
fn page_content(page: &Page, usage: &mut Usage) -> (Vec<u8>, PageExtras) {
    let mut out: Vec<u8> = Vec::new();
    let mut extras = PageExtras::default();
    let mut fields = Vec::new();
    for draw in &page.draws {
        match draw {
            Draw::Text { x, y, line, color } => {
                usage.add(line);
                show_line(&mut out, line, *x, PAGE_HEIGHT - y - line.baseline, *color);
            }
            Draw::Rect {
                x,
                y,
                width,
                height,
                fill,
                stroke,
            } => {
                let bottom = PAGE_HEIGHT - y - height;
                let rect = format!(
                    "{} {} {} {} re",
                    num(*x),
                    num(bottom),
                    num(*width),
                    num(*height)
                );
                if let Some(fill) = fill {
                    let _ = writeln!(out, "q {} {rect} f Q", rgb(*fill, "rg"));
                }
                if let Some((line_width, color)) = stroke {
                    let _ = writeln!(
                        out,
                        "q {} w {} {rect} S Q",
                        num(*line_width),
                        rgb(*color, "RG")
                    );
                }
            }
            Draw::Line {
                from,
                to,
                width,
                color,
            } => {
                let _ = writeln!(
                    out,
                    "q {} w {} {} {} m {} {} l S Q",
                    num(*width),
                    rgb(*color, "RG"),
                    num(from.0),
                    num(PAGE_HEIGHT - from.1),
                    num(to.0),
                    num(PAGE_HEIGHT - to.1)
                );
            }
            Draw::Watermark => {
                extras.watermark = true;
                out.extend_from_slice(b"q /Wm Do Q\n");
            }
            Draw::Field {
                name,
                x,
                y,
                width,
                height,
            } => fields.push(Field {
                name: name.clone(),
                rect: [*x, PAGE_HEIGHT - y - height, x + width, PAGE_HEIGHT - y],
            }),
            Draw::Bookmark { title, level, y } => extras.bookmarks.push(Bookmark {
                title: title.clone(),
                level: *level,
                y: PAGE_HEIGHT - y,
            }),
        }
    }
    extras.fields = fields;
    (out, extras)
}

/// The document outline: level-1 headings at the top, level-2 headings under the level-1
/// heading before them. Returns the outline root.
fn add_outline(doc: &mut lopdf::Document, entries: Vec<(ObjectId, Bookmark)>) -> Option<ObjectId> {
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    type Entry = (ObjectId, Dictionary);
    let mut tops: Vec<(ObjectId, Dictionary, Vec<Entry>)> = Vec::new();
    for (page, bookmark) in entries {
        let id = doc.new_object_id();
        let dict = dictionary! {
            "Title" => text_string(&bookmark.title),
            "Dest" => vec![
                Object::Reference(page),
                "XYZ".into(),
                Object::Null,
                real(bookmark.y),
                Object::Null,
            ],
        };
        match tops.last_mut() {
            Some((_, _, children)) if bookmark.level >= 2 => children.push((id, dict)),
            _ => tops.push((id, dict, Vec::new())),
        }
    }
    fn link(
        doc: &mut lopdf::Document,
        parent: ObjectId,
        mut siblings: Vec<(ObjectId, Dictionary)>,
    ) {
        let ids: Vec<ObjectId> = siblings.iter().map(|(id, _)| *id).collect();
        for (index, (id, dict)) in siblings.iter_mut().enumerate() {
            dict.set("Parent", parent);
            if index > 0 {
                dict.set("Prev", ids[index - 1]);
            }
            if let Some(&next) = ids.get(index + 1) {
                dict.set("Next", next);
            }
            doc.objects.insert(*id, Object::Dictionary(dict.clone()));
        }
    }
    let mut top_level = Vec::new();
    for (id, mut dict, children) in tops {
        if let (Some(first), Some(last)) = (children.first(), children.last()) {
            dict.set("First", first.0);
            dict.set("Last", last.0);
            // Negative: closed, so the outline opens on the articles.
            dict.set("Count", -(children.len() as i64));
        }
        link(doc, id, children);
        top_level.push((id, dict));
    }
    let first = top_level.first().map(|(id, _)| *id)?;
    let last = top_level.last().map(|(id, _)| *id)?;
    let count = top_level.len() as i64;
    link(doc, root, top_level);
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Outlines",
            "First" => first,
            "Last" => last,
            "Count" => count,
        }),
    );
    Some(root)
}

fn to_unicode(glyphs: &BTreeMap<u16, char>) -> Vec<u8> {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = glyphs.iter().collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (gid, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|unit| format!("{unit:04X}"))
                .collect();
            let _ = writeln!(out, "<{gid:04X}> <{hex}>");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

fn compressed(dict: Dictionary, content: Vec<u8>) -> Stream {
    let mut stream = Stream::new(dict, content);
    // Compression failing only costs size.
    let _ = stream.compress();
    stream
}

/// The fonts used, as Type0 fonts; returns the font resource dictionary.
fn add_fonts(doc: &mut lopdf::Document, usage: &Usage) -> Dictionary {
    let mut resources = Dictionary::new();
    for (&face, glyphs) in &usage.glyphs {
        let metrics = face.metrics();
        let keep: BTreeSet<u16> = glyphs.keys().copied().collect();
        let program = metrics.subset(&keep);
        let digest = Sha256::digest(
            keep.iter()
                .flat_map(|gid| gid.to_be_bytes())
                .chain(face.postscript_name().bytes())
                .collect::<Vec<u8>>(),
        );
        let tag: String = digest
            .iter()
            .take(6)
            .map(|byte| char::from(b'A' + byte % 26))
            .collect();
        let name = format!("{tag}+{}", face.postscript_name());
        let length = program.len() as i64;
        let file = doc.add_object(compressed(dictionary! { "Length1" => length }, program));
        let italic = metrics.italic_angle != 0.0;
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => Object::Name(name.clone().into_bytes()),
            "Flags" => if italic { 32 + 64 } else { 32 },
            "FontBBox" => metrics.bbox.iter().map(|&v| Object::Integer(metrics.thousandths(f32::from(v)))).collect::<Vec<_>>(),
            "ItalicAngle" => real(metrics.italic_angle),
            "Ascent" => metrics.thousandths(f32::from(metrics.ascent)),
            "Descent" => metrics.thousandths(f32::from(metrics.descent)),
            "CapHeight" => metrics.thousandths(f32::from(metrics.cap_height)),
            "StemV" => if face == Face::Bold { 140 } else { 80 },
            "FontFile2" => file,
        });
        let mut widths = Vec::new();
        for &gid in &keep {
            widths.push(Object::Integer(i64::from(gid)));
            widths.push(Object::Array(vec![Object::Integer(
                metrics.thousandths(f32::from(metrics.width(gid))),
            )]));
        }
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => Object::Name(name.clone().into_bytes()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "DW" => 1000,
            "W" => widths,
            "CIDToGIDMap" => "Identity",
        });
        let cmap = doc.add_object(compressed(Dictionary::new(), to_unicode(glyphs)));
        let font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(name.into_bytes()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Reference(cid_font)],
            "ToUnicode" => cmap,
        });
        resources.set(font_resource(face), font);
    }
    resources
}

/// A field name PDF readers accept: letters, digits and underscores (a period would make it
/// a hierarchy), unique in the document.
fn field_name(name: &str, number: usize, taken: &mut BTreeSet<String>) -> String {
    let mut clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.trim_matches('_').is_empty() {
        clean = format!("Handtekening_{number}");
    }
    let mut unique = clean.clone();
    let mut suffix = 2;
    while !taken.insert(unique.clone()) {
        unique = format!("{clean}_{suffix}");
        suffix += 1;
    }
    unique
}

fn pdf_date(metadata: &Metadata) -> Option<Object> {
    metadata
        .date
        .map(|date| Object::string_literal(format!("D:{}000000+00'00'", date.format("%Y%m%d"))))
}

fn xml_escape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            other => other.to_string(),
        })
        .collect()
}

fn xmp(metadata: &Metadata, producer: &str) -> Vec<u8> {
    let date = metadata
        .date
        .map(|date| date.format("%Y-%m-%dT00:00:00Z").to_string());
    let dates = date
        .map(|date| {
            format!(
                "<xmp:CreateDate>{date}</xmp:CreateDate><xmp:ModifyDate>{date}</xmp:ModifyDate>"
            )
        })
        .unwrap_or_default();
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\
         <dc:format>application/pdf</dc:format>\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\
         <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\
         <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\
         <dc:language><rdf:Bag><rdf:li>nl-BE</rdf:li></rdf:Bag></dc:language>\
         <xmp:CreatorTool>{}</xmp:CreatorTool>{dates}<pdf:Producer>{}</pdf:Producer>\
         </rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>",
        xml_escape(&metadata.title),
        xml_escape(&metadata.subject),
        xml_escape(&metadata.author),
        xml_escape(&metadata.creator),
        xml_escape(producer),
    )
    .into_bytes()
}

/// The PDF file of `pages`.
pub(super) fn write(pages: &[Page], metadata: &Metadata) -> Result<Vec<u8>, ExportError> {
    let mut doc = lopdf::Document::with_version("1.7");
    doc.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
    let mut usage = Usage::default();
    let contents: Vec<(Vec<u8>, PageExtras)> = pages
        .iter()
        .map(|page| page_content(page, &mut usage))
        .collect();

    let mut hasher = Sha256::new();
    for (content, _) in &contents {
        hasher.update(content);
    }
    let status = metadata.status.label();
    for text in [
        &metadata.title,
        &metadata.subject,
        &metadata.author,
        &metadata.creator,
        &status,
        &metadata.fingerprint,
    ] {
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }

    let pages_id = doc.new_object_id();
    let fonts = add_fonts(&mut doc, &usage);
    let mut resources = dictionary! { "Font" => fonts };
    if contents.iter().any(|(_, extras)| extras.watermark) {
        // One form for the draft mark, shared by every page.
        let form = doc.add_object(compressed(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![real(0.0), real(0.0), real(PAGE_WIDTH), real(PAGE_HEIGHT)],
            },
            watermark().into_bytes(),
        ));
        resources.set("XObject", dictionary! { "Wm" => form });
    }
    let resources = doc.add_object(resources);
    let mut kids = Vec::new();
    let mut all_fields = Vec::new();
    let mut taken = BTreeSet::new();
    let mut bookmarks = Vec::new();
    for (content, extras) in contents {
        let PageExtras {
            fields,
            bookmarks: page_bookmarks,
            ..
        } = extras;
        let content_id = doc.add_object(compressed(Dictionary::new(), content));
        let page_id = doc.new_object_id();
        bookmarks.extend(
            page_bookmarks
                .into_iter()
                .map(|bookmark| (page_id, bookmark)),
        );
        let mut annots = Vec::new();
        for field in fields {
            let number = all_fields.len() + 1;
            let name = field_name(&field.name, number, &mut taken);
            hasher.update(name.as_bytes());
            let [x1, y1, x2, y2] = field.rect;
            let appearance = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => vec![real(0.0), real(0.0), real(x2 - x1), real(y2 - y1)],
                    "Resources" => Dictionary::new(),
                },
                Vec::new(),
            ));
            let widget = doc.add_object(dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "FT" => "Sig",
                "T" => text_string(&name),
                "TU" => text_string(&format!("Handtekening ({})", field.name)),
                "Rect" => vec![real(x1), real(y1), real(x2), real(y2)],
                "P" => page_id,
                "F" => 4,
                "AP" => dictionary! { "N" => appearance },
            });
            annots.push(Object::Reference(widget));
            all_fields.push(Object::Reference(widget));
        }
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![real(0.0), real(0.0), real(PAGE_WIDTH), real(PAGE_HEIGHT)],
            "Resources" => resources,
            "Contents" => content_id,
        };
        if !annots.is_empty() {
            page.set("Annots", annots);
        }
        doc.objects.insert(page_id, Object::Dictionary(page));
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );

    let producer = format!("Protocolwijzer {} PDF-export", env!("CARGO_PKG_VERSION"));
    let mut metadata_stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(metadata, &producer),
    );
    metadata_stream.allows_compression = false;
    let xmp_id = doc.add_object(metadata_stream);
    let mut catalog = dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Lang" => Object::string_literal("nl-BE"),
        "Metadata" => xmp_id,
        "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
    };
    if let Some(outline) = add_outline(&mut doc, bookmarks) {
        catalog.set("Outlines", outline);
    }
    if !all_fields.is_empty() {
        catalog.set(
            "AcroForm",
            dictionary! { "Fields" => all_fields, "SigFlags" => 1 },
        );
    }
    let catalog_id = doc.add_object(catalog);

    let mut info = dictionary! {
        "Title" => text_string(&metadata.title),
        "Subject" => text_string(&metadata.subject),
        "Author" => text_string(&metadata.author),
        "Creator" => text_string(&metadata.creator),
        "Producer" => text_string(&producer),
    };
    if let Some(date) = pdf_date(metadata) {
        info.set("CreationDate", date.clone());
        info.set("ModDate", date);
    }
    let info_id = doc.add_object(info);

    let digest = hasher.finalize();
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    doc.trailer.set("ID", vec![id.clone(), id]);

    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|error| {
        ExportError::Writer(format!(
            "het PDF-bestand kon niet worden geschreven: {error}"
        ))
    })?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_bytes_that_a_literal_string_cannot_hold_are_escaped() {
        let mut out = Vec::new();
        for gid in [0x0041, 0x0028, 0x2900, 0x5C0D, 0x000A] {
            push_glyph(&mut out, gid);
        }
        assert_eq!(out, b"\0A\0\\050\\051\0\\134\\015\0\\012".to_vec());
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }
}
