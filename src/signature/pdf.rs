//! The PDF side: the file's revisions (one per incremental update), the signature fields, each
//! signature's dictionary and byte range, and what changed from one revision to the next.
//!
//! A signer appends an incremental update to the bytes it signs; a later signer appends
//! another. So the first revision is the file we exported, and every later revision may only
//! add what signing adds: the signature's value in its field, an appearance, the document
//! security store, new signature fields. Anything else (a page content, a page added, a font)
//! is a change to the signed document.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Where each revision of the file ends: the offset after its `%%EOF` and end-of-line.
pub(super) fn revision_ends(bytes: &[u8]) -> Vec<usize> {
    const MARK: &[u8] = b"%%EOF";
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(found) = find(&bytes[from..], MARK) {
        let at = from + found;
        let mut end = at + MARK.len();
        // A real end of revision has `startxref` just before it (not "%%EOF" by chance in a
        // stream).
        let window = &bytes[at.saturating_sub(48)..at];
        if find(window, b"startxref").is_some() {
            if bytes.get(end) == Some(&b'\r') {
                end += 1;
            }
            if bytes.get(end) == Some(&b'\n') {
                end += 1;
            }
            ends.push(end);
        }
        from = at + MARK.len();
    }
    ends
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// A signature field of the document.
pub(super) struct Field {
    /// Its full name (`Handtekening_Opgroeien_1`).
    pub(super) name: String,
    /// Its value, the signature dictionary, when signed.
    pub(super) value: Option<Dictionary>,
}

/// The signature fields of `document`, in the order of its `/AcroForm /Fields`.
pub(super) fn signature_fields(document: &Document) -> Vec<Field> {
    let mut fields = Vec::new();
    let Some(acro_form) = acro_form(document) else {
        return fields;
    };
    let Ok(Object::Array(roots)) = acro_form
        .get(b"Fields")
        .and_then(|fields| document.dereference(fields).map(|(_, object)| object))
    else {
        return fields;
    };
    for root in roots {
        collect_fields(document, root, "", None, &mut fields, 0);
    }
    fields
}

fn collect_fields(
    document: &Document,
    object: &Object,
    parent_name: &str,
    inherited_type: Option<Vec<u8>>,
    fields: &mut Vec<Field>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    let Ok((_, Object::Dictionary(field))) = document.dereference(object) else {
        return;
    };
    let own = field
        .get(b"T")
        .ok()
        .and_then(|name| name.as_str().ok())
        .map(decode_text);
    let name = match (own, parent_name.is_empty()) {
        (Some(own), true) => own,
        (Some(own), false) => format!("{parent_name}.{own}"),
        (None, _) => parent_name.to_string(),
    };
    let field_type = field
        .get(b"FT")
        .ok()
        .and_then(|kind| kind.as_name().ok())
        .map(<[u8]>::to_vec)
        .or(inherited_type);
    if let Ok(Object::Array(kids)) = field
        .get(b"Kids")
        .and_then(|kids| document.dereference(kids).map(|(_, object)| object))
        && kids.iter().any(|kid| {
            matches!(document.dereference(kid), Ok((_, Object::Dictionary(kid))) if kid.has(b"T"))
        })
    {
        for kid in kids {
            collect_fields(document, kid, &name, field_type.clone(), fields, depth + 1);
        }
        return;
    }
    if field_type.as_deref() == Some(b"Sig") {
        let value = field
            .get(b"V")
            .ok()
            .and_then(|value| document.dereference(value).ok())
            .and_then(|(_, value)| value.as_dict().ok().cloned());
        fields.push(Field { name, value });
    }
}

/// The catalog's `/AcroForm`, direct or indirect.
fn acro_form(document: &Document) -> Option<&Dictionary> {
    let catalog = document.catalog().ok()?;
    let (_, form) = document.dereference(catalog.get(b"AcroForm").ok()?).ok()?;
    form.as_dict().ok()
}

/// A PDF text string as Rust text (UTF-16BE with its mark, else PDFDocEncoding ≈ Latin-1).
pub(super) fn decode_text(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|byte| char::from(*byte)).collect()
    }
}

/// A signature dictionary's byte range and the signature bytes between its two parts.
pub(super) struct SignedRange {
    /// The two covered parts, as `(start, end)`.
    pub(super) parts: [(usize, usize); 2],
    /// The CMS bytes (the hexadecimal `/Contents` in the gap, decoded).
    pub(super) contents: Vec<u8>,
}

/// Reads and checks `/ByteRange` and `/Contents` of `signature` against the file's bytes:
/// the range starts at 0, its gap is exactly the `/Contents` hex string.
pub(super) fn signed_range(signature: &Dictionary, bytes: &[u8]) -> Result<SignedRange, String> {
    let numbers: Vec<i64> = match signature.get(b"ByteRange") {
        Ok(Object::Array(items)) => items.iter().filter_map(|n| n.as_i64().ok()).collect(),
        _ => Vec::new(),
    };
    let [start, first_length, second_start, second_length] = numbers[..] else {
        return Err("de handtekening heeft geen geldige /ByteRange".to_string());
    };
    let to_offset = |value: i64| usize::try_from(value).ok();
    let (Some(start), Some(first_length), Some(second_start), Some(second_length)) = (
        to_offset(start),
        to_offset(first_length),
        to_offset(second_start),
        to_offset(second_length),
    ) else {
        return Err("de /ByteRange van de handtekening heeft negatieve getallen".to_string());
    };
    let first_end = first_length;
    let second_end = second_start.saturating_add(second_length);
    if start != 0 || second_start <= first_end || second_end > bytes.len() {
        return Err("de /ByteRange van de handtekening dekt het document niet".to_string());
    }
    let gap = &bytes[first_end..second_start];
    let hex = gap
        .strip_prefix(b"<")
        .and_then(|gap| gap.strip_suffix(b">"))
        .ok_or("tussen de twee delen van de /ByteRange staat niet de handtekening")?;
    let contents =
        decode_hex(hex).ok_or("de /Contents van de handtekening is geen hexadecimale tekst")?;
    Ok(SignedRange {
        parts: [(0, first_end), (second_start, second_end)],
        contents,
    })
}

fn decode_hex(hex: &[u8]) -> Option<Vec<u8>> {
    let digits: Vec<u8> = hex
        .iter()
        .copied()
        .filter(|byte| !byte.is_ascii_whitespace())
        .collect();
    let value = |digit: u8| char::from(digit).to_digit(16).map(|v| v as u8);
    digits
        .chunks(2)
        .map(|pair| Some(value(pair[0])? << 4 | value(*pair.get(1).unwrap_or(&b'0'))?))
        .collect()
}

/// The signing time in the signature dictionary (`/M`, "D:20261204101500+01'00'"), as UTC.
pub(super) fn signature_time(signature: &Dictionary) -> Option<chrono::NaiveDateTime> {
    let text = decode_text(signature.get(b"M").ok()?.as_str().ok()?);
    let digits = text.strip_prefix("D:").unwrap_or(&text);
    let local = chrono::NaiveDateTime::parse_from_str(digits.get(..14)?, "%Y%m%d%H%M%S").ok()?;
    let zone = digits.get(14..).unwrap_or("");
    let offset_minutes = match zone.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let numbers: String = zone.chars().filter(char::is_ascii_digit).collect();
            let hours: i64 = numbers.get(..2)?.parse().ok()?;
            let minutes: i64 = numbers.get(2..4).unwrap_or("0").parse().ok()?;
            let total = hours * 60 + minutes;
            if sign == '-' { -total } else { total }
        }
        _ => 0,
    };
    Some(local - chrono::Duration::minutes(offset_minutes))
}

/// The first revision's `/Info` entry `key`, as text.
pub(super) fn info_text(document: &Document, key: &str) -> Option<String> {
    let info = document.trailer.get(b"Info").ok()?;
    let (_, info) = document.dereference(info).ok()?;
    let value = info.as_dict().ok()?.get(key.as_bytes()).ok()?;
    Some(decode_text(value.as_str().ok()?))
}

/// What changed from revision `before` to revision `after` that signing does not change, in
/// Dutch; empty when the update only signed.
pub(super) fn disallowed_changes(before: &Document, after: &Document) -> Vec<String> {
    let mut changes = Vec::new();
    let root = |document: &Document| document.trailer.get(b"Root").ok()?.as_reference().ok();
    let Some(catalog) = root(before) else {
        return vec!["de eerdere versie heeft geen catalogus".to_string()];
    };
    if root(after) != Some(catalog) {
        changes.push("de catalogus van het document werd vervangen".to_string());
        return changes;
    }
    if after.trailer.has(b"Encrypt") && !before.trailer.has(b"Encrypt") {
        changes.push("het document werd versleuteld".to_string());
    }
    let allowed = Allowed::of(before);
    let pages = before.get_pages();
    let page_of = |id: ObjectId| pages.iter().find(|(_, page)| **page == id).map(|(n, _)| *n);
    let content_page = |id: ObjectId| {
        pages.iter().find_map(|(number, page)| {
            let page = before.get_dictionary(*page).ok()?;
            let contents = page.get(b"Contents").ok()?;
            let refers = match contents {
                Object::Reference(reference) => *reference == id,
                Object::Array(items) => items
                    .iter()
                    .any(|item| item.as_reference().ok() == Some(id)),
                _ => false,
            };
            refers.then_some(*number)
        })
    };
    for (id, old) in &before.objects {
        let Some(new) = after.objects.get(id) else {
            changes.push(format!("object {} werd verwijderd", id.0));
            continue;
        };
        if old == new {
            continue;
        }
        let old_dict = old.as_dict().ok();
        let new_dict = new.as_dict().ok();
        let problem = if *id == catalog {
            compare_keys(old_dict, new_dict, CATALOG_KEYS_SIGNING_CHANGES)
                .map(|key| format!("de catalogus van het document (/{key})"))
        } else if Some(*id) == allowed.acro_form {
            compare_keys(old_dict, new_dict, ACRO_FORM_KEYS_SIGNING_CHANGES)
                .map(|key| format!("het formulier (/{key})"))
                .or_else(|| {
                    lost_entries(old_dict, new_dict, b"Fields")
                        .then(|| "het formulier: een handtekeningveld werd verwijderd".to_string())
                })
        } else if allowed.fields.contains(id) {
            compare_keys(old_dict, new_dict, FIELD_KEYS_SIGNING_CHANGES)
                .map(|key| format!("het handtekeningveld (object {}, /{key})", id.0))
        } else if let Some(number) = page_of(*id) {
            compare_keys(old_dict, new_dict, &[b"Annots"])
                .map(|key| format!("pagina {number} (/{key})"))
                .or_else(|| {
                    new_annotations_are_signature_fields(after, old_dict, new_dict)
                        .err()
                        .map(|what| format!("pagina {number}: {what}"))
                })
        } else if allowed.free.contains(id) {
            None
        } else if let Some(number) = content_page(*id) {
            Some(format!("de inhoud van pagina {number}"))
        } else if describe(old) == "/Pages" {
            Some("de lijst van pagina's (/Pages)".to_string())
        } else {
            Some(format!("object {} ({})", id.0, describe(old)))
        };
        if let Some(problem) = problem {
            changes.push(format!("{problem} werd gewijzigd"));
        }
    }
    let added_pages = after.get_pages().len().saturating_sub(pages.len());
    if added_pages > 0 {
        let verb = if added_pages == 1 { "werd" } else { "werden" };
        changes.push(format!(
            "er {verb} {} toegevoegd",
            crate::dutch::count_of(added_pages, "pagina", "pagina's")
        ));
    }
    changes
}

/// Keys of the catalog a signature may add or change.
const CATALOG_KEYS_SIGNING_CHANGES: &[&[u8]] = &[
    b"AcroForm",
    b"DSS",
    b"Extensions",
    b"Perms",
    b"Metadata",
    b"Version",
];
/// Keys of the `/AcroForm` a signature may add or change (`/Fields` only by adding).
const ACRO_FORM_KEYS_SIGNING_CHANGES: &[&[u8]] = &[b"Fields", b"SigFlags", b"DA", b"DR"];
/// Keys of a signature field (merged with its widget) that signing sets.
const FIELD_KEYS_SIGNING_CHANGES: &[&[u8]] = &[
    b"V", b"AP", b"AS", b"MK", b"DA", b"Ff", b"F", b"Lock", b"SV",
];

/// The first key, other than `allowed`, whose value differs between `old` and `new`.
fn compare_keys(
    old: Option<&Dictionary>,
    new: Option<&Dictionary>,
    allowed: &[&[u8]],
) -> Option<String> {
    let (Some(old), Some(new)) = (old, new) else {
        return Some("type".to_string());
    };
    let keys = old
        .iter()
        .map(|(key, _)| key)
        .chain(new.iter().map(|(key, _)| key));
    for key in keys {
        if allowed.contains(&key.as_slice()) {
            continue;
        }
        if old.get(key).ok() != new.get(key).ok() {
            return Some(String::from_utf8_lossy(key).into_owned());
        }
    }
    None
}

/// Whether an entry of `old`'s array `key` is missing from `new`'s.
fn lost_entries(old: Option<&Dictionary>, new: Option<&Dictionary>, key: &[u8]) -> bool {
    let entries = |dict: Option<&Dictionary>| match dict.and_then(|dict| dict.get(key).ok()) {
        Some(Object::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let new_entries = entries(new);
    entries(old)
        .iter()
        .any(|entry| !new_entries.contains(entry))
}

/// Checks that a page's `/Annots` kept its entries and only gained signature widgets.
fn new_annotations_are_signature_fields(
    after: &Document,
    old: Option<&Dictionary>,
    new: Option<&Dictionary>,
) -> Result<(), String> {
    let entries = |dict: Option<&Dictionary>| match dict.and_then(|dict| dict.get(b"Annots").ok()) {
        Some(Object::Array(items)) => items.clone(),
        Some(reference @ Object::Reference(_)) => match after.dereference(reference) {
            Ok((_, Object::Array(items))) => items.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let old_entries = entries(old);
    let new_entries = entries(new);
    if old_entries.iter().any(|entry| !new_entries.contains(entry)) {
        return Err("een annotatie werd verwijderd".to_string());
    }
    for entry in new_entries
        .iter()
        .filter(|entry| !old_entries.contains(entry))
    {
        let is_signature_widget = after
            .dereference(entry)
            .ok()
            .and_then(|(_, annotation)| annotation.as_dict().ok())
            .is_some_and(|annotation| {
                let own = annotation
                    .get(b"FT")
                    .ok()
                    .and_then(|kind| kind.as_name().ok());
                let parent = annotation
                    .get(b"Parent")
                    .ok()
                    .and_then(|parent| after.dereference(parent).ok())
                    .and_then(|(_, parent)| parent.as_dict().ok())
                    .and_then(|parent| parent.get(b"FT").ok())
                    .and_then(|kind| kind.as_name().ok());
                own.or(parent) == Some(b"Sig".as_slice())
            });
        if !is_signature_widget {
            return Err(
                "er werd een annotatie toegevoegd die geen handtekeningveld is".to_string(),
            );
        }
    }
    Ok(())
}

/// What an object is, for a message.
fn describe(object: &Object) -> String {
    let dict = match object {
        Object::Dictionary(dict) => Some(dict),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    };
    dict.and_then(|dict| dict.get(b"Type").ok())
        .and_then(|kind| kind.as_name().ok())
        .map(|kind| format!("/{}", String::from_utf8_lossy(kind)))
        .unwrap_or_else(|| object.enum_variant().to_lowercase())
}

/// The objects of a revision that a later signature may change.
struct Allowed {
    acro_form: Option<ObjectId>,
    /// Signature fields and their widgets.
    fields: Vec<ObjectId>,
    /// Objects a signature may change freely: `/Info`, the XMP metadata, the appearance
    /// streams of the signature widgets, the document security store.
    free: Vec<ObjectId>,
}

impl Allowed {
    fn of(document: &Document) -> Self {
        let reference = |object: Option<&Object>| object.and_then(|o| o.as_reference().ok());
        let catalog = document.catalog().ok();
        let acro_form = reference(catalog.and_then(|catalog| catalog.get(b"AcroForm").ok()));
        let mut free: Vec<ObjectId> = [
            reference(document.trailer.get(b"Info").ok()),
            reference(catalog.and_then(|catalog| catalog.get(b"Metadata").ok())),
            reference(catalog.and_then(|catalog| catalog.get(b"DSS").ok())),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut fields = Vec::new();
        for (id, object) in &document.objects {
            let Ok(dict) = object.as_dict() else {
                continue;
            };
            let is_signature_field = dict.get(b"FT").ok().and_then(|kind| kind.as_name().ok())
                == Some(b"Sig".as_slice());
            if !is_signature_field {
                continue;
            }
            fields.push(*id);
            if let Ok(Object::Dictionary(appearance)) = dict.get(b"AP") {
                free.extend(
                    appearance
                        .iter()
                        .filter_map(|(_, stream)| stream.as_reference().ok()),
                );
            }
            if let Ok(Object::Array(kids)) = dict.get(b"Kids") {
                fields.extend(kids.iter().filter_map(|kid| kid.as_reference().ok()));
            }
        }
        Self {
            acro_form,
            fields,
            free,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn revisions_end_after_each_eof_with_its_end_of_line() {
        let bytes = b"%PDF-1.7\nstartxref\n9\n%%EOF\nupdate startxref\n99\n%%EOF\r\n";
        let ends = revision_ends(bytes);
        assert_eq!(ends.len(), 2);
        assert_eq!(&bytes[..ends[0]], b"%PDF-1.7\nstartxref\n9\n%%EOF\n");
        assert_eq!(ends[1], bytes.len());
        // "%%EOF" inside data, without startxref before it, is not an end.
        assert!(revision_ends(b"stream %%EOF endstream").is_empty());
    }

    #[test]
    fn the_signing_time_is_read_as_utc() {
        let signature = dictionary! {
            "M" => Object::string_literal("D:20261204101500+01'00'"),
        };
        assert_eq!(
            signature_time(&signature).map(|time| time.to_string()),
            Some("2026-12-04 09:15:00".to_string())
        );
    }

    #[test]
    fn a_byte_range_must_leave_out_exactly_the_contents() {
        let bytes = b"0123<0a0b>6789";
        let good = dictionary! { "ByteRange" => vec![0.into(), 4.into(), 10.into(), 4.into()] };
        let range = signed_range(&good, bytes).ok();
        assert_eq!(range.map(|range| range.contents), Some(vec![0x0a, 0x0b]));
        let shifted = dictionary! { "ByteRange" => vec![0.into(), 5.into(), 10.into(), 4.into()] };
        assert!(signed_range(&shifted, bytes).is_err());
        let beyond = dictionary! { "ByteRange" => vec![0.into(), 4.into(), 10.into(), 9.into()] };
        assert!(signed_range(&beyond, bytes).is_err());
    }
}
