//! Serialises laid-out pages with lopdf as one clean revision with a classic cross-reference
//! table. Deterministic: no clock, no random ids; the document id is a SHA-256 of the content.
//!
//! One module per concern: `content` (page content streams), `watermark` (the draft mark),
//! `outline` (bookmarks), `fonts` (embedding the subset faces), `fields` (the unsigned `/Sig`
//! fields and the `/AcroForm`), `metadata` (`/Info` and XMP), `tagged` (the structure tree and
//! output intent of the publication PDF). This file puts them together in a fixed order, so
//! the object numbers, and so the bytes, never change between runs.
//!
//! Two kinds of file come from the same pages ([`Kind`]): the signature-ready PDF (untagged,
//! an empty `/Sig` field per signatory) and the publication PDF (tagged PDF/UA-1 and
//! PDF/A-2u, no fields).

mod content;
mod fields;
mod fonts;
mod metadata;
mod outline;
mod tagged;
mod watermark;

use lopdf::{Dictionary, Object, Stream, StringFormat, dictionary, xref::XrefType};
use sha2::{Digest, Sha256};

use self::content::{PageExtras, Tagger, Usage};
use self::fields::Fields;
use super::layout::{Layout, PAGE_HEIGHT, PAGE_WIDTH};
use crate::document::Metadata;
use crate::export::ExportError;

/// A real number object, rounded to two decimals.
fn real(value: f32) -> Object {
    Object::Real((value * 100.0).round() / 100.0)
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

/// A Flate-compressed stream.
fn compressed(dict: Dictionary, content: Vec<u8>) -> Stream {
    let mut stream = Stream::new(dict, content);
    // Compression failing only costs size.
    let _ = stream.compress();
    stream
}

/// Which PDF to write from the pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// To be signed: an empty `/Sig` field per signatory; not tagged.
    SignatureReady,
    /// To be read and archived (a website): tagged for PDF/UA-1, PDF/A-2u (XMP
    /// identification, sRGB output intent), the signature boxes as text without fields.
    Publication,
}

/// The PDF file of the laid-out document.
pub(super) fn write(
    layout: &Layout,
    metadata: &Metadata,
    kind: Kind,
) -> Result<Vec<u8>, ExportError> {
    let tagged_pages;
    let pages = match kind {
        Kind::SignatureReady => &layout.pages,
        Kind::Publication => {
            tagged_pages = content::with_word_breaks(&layout.pages);
            &tagged_pages
        }
    };
    let mut doc = lopdf::Document::with_version("1.7");
    doc.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
    let usage = Usage::of(pages);
    let subsets = usage.subsets();
    let mut tagger = match kind {
        Kind::SignatureReady => None,
        Kind::Publication => Some(Tagger::new(&layout.structure)),
    };
    let contents: Vec<(Vec<u8>, PageExtras)> = pages
        .iter()
        .map(|page| content::page_content(page, &subsets, tagger.as_mut()))
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
    let fonts = fonts::add(&mut doc, &usage, subsets);
    let mut resources = dictionary! { "Font" => fonts };
    if contents.iter().any(|(_, extras)| extras.watermark) {
        let form = watermark::add(&mut doc);
        resources.set("XObject", dictionary! { "Wm" => form });
    }
    let resources = doc.add_object(resources);
    let mut kids = Vec::new();
    let mut fields = Fields::default();
    let mut bookmarks = Vec::new();
    for (content, extras) in contents {
        let PageExtras {
            fields: page_fields,
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
        for field in &page_fields {
            let (widget, name) = fields.add(&mut doc, page_id, field);
            hasher.update(name.as_bytes());
            annots.push(widget);
        }
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![real(0.0), real(0.0), real(PAGE_WIDTH), real(PAGE_HEIGHT)],
            "Resources" => resources,
            "Contents" => content_id,
        };
        if tagger.is_some() {
            page.set("StructParents", kids.len() as i64);
        }
        if !annots.is_empty() {
            page.set("Annots", annots);
        }
        doc.objects.insert(page_id, Object::Dictionary(page));
        kids.push(Object::Reference(page_id));
    }
    let page_ids: Vec<lopdf::ObjectId> = kids
        .iter()
        .filter_map(|kid| kid.as_reference().ok())
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );

    let producer = metadata::producer();
    let xmp_id = doc.add_object(metadata::xmp_stream(
        metadata,
        &producer,
        kind == Kind::Publication,
    ));
    let mut catalog = dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Lang" => Object::string_literal("nl-BE"),
        "Metadata" => xmp_id,
        "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
    };
    if let Some(outline) = outline::add(&mut doc, bookmarks) {
        catalog.set("Outlines", outline);
    }
    if let Some(acro_form) = fields.acro_form() {
        catalog.set("AcroForm", acro_form);
    }
    if let Some(tagger) = &tagger {
        let tree = tagged::add_structure(&mut doc, tagger, &page_ids);
        catalog.set("StructTreeRoot", tree);
        catalog.set("MarkInfo", dictionary! { "Marked" => true });
        catalog.set("OutputIntents", tagged::output_intents(&mut doc));
    }
    let catalog_id = doc.add_object(catalog);
    let info_id = doc.add_object(metadata::info(metadata, &producer));

    let digest = hasher.finalize();
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    doc.trailer.set("ID", vec![id.clone(), id]);

    let mut bytes = Vec::new();
    let saved = match kind {
        // One classic cross-reference table: what signing tools append their revisions to.
        Kind::SignatureReady => doc.save_to(&mut bytes),
        // The structure tree is thousands of small dictionaries: in compressed object streams
        // (PDF 1.5, allowed by PDF/A-2) the file is a third of its size with a plain table.
        Kind::Publication => doc.save_modern(&mut bytes),
    };
    saved.map_err(|error| {
        ExportError::Writer(format!(
            "het PDF-bestand kon niet worden geschreven: {error}"
        ))
    })?;
    Ok(bytes)
}
