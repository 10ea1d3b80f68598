//! Embedding the faces a document uses: one Type0 font per face over a CIDFontType2
//! (`Identity-H`, `/CIDToGIDMap /Identity`) with the subset font program, its widths, a
//! `/ToUnicode` map (so text can be copied and searched) and a subset tag derived from the
//! glyphs, not from chance.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use lopdf::{Dictionary, Object, dictionary};
use sha2::{Digest, Sha256};

use super::content::{Subsets, Usage, font_resource};
use super::{compressed, real};
use crate::export::pdf::fonts::Face;

/// The `/ToUnicode` map: the text each CID stands for.
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

/// The fonts used, as Type0 fonts over the `subsets`; returns the font resource dictionary.
pub(super) fn add(doc: &mut lopdf::Document, usage: &Usage, mut subsets: Subsets) -> Dictionary {
    let mut resources = Dictionary::new();
    for (&face, glyphs) in &usage.glyphs {
        let metrics = face.metrics();
        let Some(subset) = subsets.remove(&face) else {
            continue;
        };
        let keep: BTreeSet<u16> = glyphs.keys().copied().collect();
        // The glyphs by their id in the subset.
        let cids: BTreeMap<u16, (u16, char)> = glyphs
            .iter()
            .map(|(&gid, &c)| (subset.cid(gid), (gid, c)))
            .collect();
        let program = subset.program;
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
        for (&cid, &(gid, _)) in &cids {
            widths.push(Object::Integer(i64::from(cid)));
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
        let cmap = doc.add_object(compressed(
            Dictionary::new(),
            to_unicode(&cids.iter().map(|(&cid, &(_, c))| (cid, c)).collect()),
        ));
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
