//! The embedded faces (Liberation Sans, SIL OFL 1.1, `assets/fonts/`): their metrics for
//! layout, and a TrueType subsetter that keeps only the glyphs a document uses.
//!
//! printpdf parses the character map and advance widths (`ParsedFont`); without its
//! `text_layout` feature it cannot subset, so the subsetting is done here: glyph ids stay as
//! they are (the PDF uses `/CIDToGIDMap /Identity`), unused glyph outlines are dropped.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use printpdf::ParsedFont;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Italic.ttf");

/// Shown for a character the fonts lack: visible, never a crash.
const REPLACEMENT: [char; 2] = ['\u{25A1}', '?'];

/// One of the embedded faces. Bold italic text uses the bold face.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    pub(super) const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    pub(super) fn of(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (true, _) => Face::Bold,
            (false, true) => Face::Italic,
            (false, false) => Face::Regular,
        }
    }

    pub(super) fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
        }
    }

    /// The PostScript name in the PDF (after the subset tag).
    pub(super) fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSans",
            Face::Bold => "LiberationSans-Bold",
            Face::Italic => "LiberationSans-Italic",
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
        }
    }

    /// The face's metrics, parsed once per process.
    pub(super) fn metrics(self) -> &'static FaceMetrics {
        static FACES: OnceLock<Vec<FaceMetrics>> = OnceLock::new();
        let faces = FACES.get_or_init(|| Face::ALL.iter().map(|face| face.parse()).collect());
        // `ALL` and `index` agree, so the index is always in range.
        &faces[self.index()]
    }

    fn parse(self) -> FaceMetrics {
        let bytes = self.bytes();
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings);
        let sfnt = Sfnt::new(bytes);
        let head = sfnt.and_then(|sfnt| sfnt.table(b"head"));
        let hhea = sfnt.and_then(|sfnt| sfnt.table(b"hhea"));
        let os2 = sfnt.and_then(|sfnt| sfnt.table(b"OS/2"));
        let post = sfnt.and_then(|sfnt| sfnt.table(b"post"));
        let units_per_em = head.and_then(|t| read_u16(t, 18)).unwrap_or(2048).max(16);
        let bbox =
            [36, 38, 40, 42].map(|offset| head.and_then(|t| read_i16(t, offset)).unwrap_or(0));
        let mut map = BTreeMap::new();
        let mut widths = BTreeMap::new();
        if let Some(parsed) = &parsed {
            for (&codepoint, &gid) in &parsed.codepoint_to_glyph {
                if let Some(c) = char::from_u32(codepoint)
                    && gid != 0
                {
                    map.insert(c, gid);
                }
            }
            widths = parsed.glyph_widths.clone();
        }
        let mut latin = [None; 256];
        for (index, slot) in latin.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(index as u32)
                && let Some(&gid) = map.get(&c)
            {
                *slot = Some((gid, widths.get(&gid).copied().unwrap_or(0)));
            }
        }
        FaceMetrics {
            face: self,
            units_per_em: f32::from(units_per_em),
            ascent: hhea.and_then(|t| read_i16(t, 4)).unwrap_or(1854),
            descent: hhea.and_then(|t| read_i16(t, 6)).unwrap_or(-434),
            cap_height: os2.and_then(|t| read_i16(t, 88)).unwrap_or(1409),
            italic_angle: post
                .and_then(|t| read_i16(t, 4))
                .map(f32::from)
                .unwrap_or(0.0),
            bbox,
            latin,
            map,
            widths,
        }
    }
}

/// What layout needs to know about a face.
pub(super) struct FaceMetrics {
    pub(super) face: Face,
    pub(super) units_per_em: f32,
    pub(super) ascent: i16,
    pub(super) descent: i16,
    pub(super) cap_height: i16,
    pub(super) italic_angle: f32,
    pub(super) bbox: [i16; 4],
    latin: [Option<(u16, u16)>; 256],
    map: BTreeMap<char, u16>,
    widths: BTreeMap<u16, u16>,
}

impl FaceMetrics {
    /// The glyph for `c` and its advance in font units; a visible replacement glyph for a
    /// character the face lacks.
    pub(super) fn glyph(&self, c: char) -> (u16, u16) {
        if let Some(Some(found)) = self.latin.get(c as usize) {
            return *found;
        }
        if let Some(&gid) = self.map.get(&c) {
            return (gid, self.width(gid));
        }
        for replacement in REPLACEMENT {
            if let Some(&gid) = self.map.get(&replacement) {
                return (gid, self.width(gid));
            }
        }
        (0, self.width(0))
    }

    /// Whether the face has a glyph of its own for `c`.
    pub(super) fn has(&self, c: char) -> bool {
        self.map.contains_key(&c)
    }

    /// The advance of glyph `gid` in font units.
    pub(super) fn width(&self, gid: u16) -> u16 {
        self.widths.get(&gid).copied().unwrap_or(0)
    }

    /// A font-unit distance in points at `size`.
    pub(super) fn points(&self, units: f32, size: f32) -> f32 {
        units * size / self.units_per_em
    }

    /// A font-unit distance in thousandths of an em, as PDF font dictionaries use them.
    pub(super) fn thousandths(&self, units: f32) -> i64 {
        (units * 1000.0 / self.units_per_em).round() as i64
    }

    /// The outline of glyph `gid` in font units: contours of points (x, y, on-curve). Empty
    /// for composite or unreadable glyphs.
    pub(super) fn outline(&self, gid: u16) -> Vec<Vec<(f32, f32, bool)>> {
        let bytes = self.face.bytes();
        Sfnt::new(bytes)
            .and_then(|sfnt| {
                let glyf = sfnt.table(b"glyf")?;
                let &(start, end) = glyph_ranges(&sfnt)?.get(gid as usize)?;
                simple_outline(glyf.get(start..end)?)
            })
            .unwrap_or_default()
    }

    /// The face reduced to `glyphs` (plus `.notdef` and the parts of composite glyphs).
    pub(super) fn subset(&self, glyphs: &BTreeSet<u16>) -> Vec<u8> {
        subset(self.face.bytes(), glyphs).unwrap_or_else(|| self.face.bytes().to_vec())
    }
}

fn read_u16(data: &[u8], offset: usize) -> Option<u16> {
    let bytes = data.get(offset..offset + 2)?;
    Some(u16::from_be_bytes([bytes[0], bytes[1]]))
}

fn read_i16(data: &[u8], offset: usize) -> Option<i16> {
    read_u16(data, offset).map(|value| value as i16)
}

fn read_u32(data: &[u8], offset: usize) -> Option<u32> {
    let bytes = data.get(offset..offset + 4)?;
    Some(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// A TrueType font file: its table directory.
#[derive(Clone, Copy)]
struct Sfnt<'a> {
    data: &'a [u8],
}

impl<'a> Sfnt<'a> {
    fn new(data: &'a [u8]) -> Option<Self> {
        read_u16(data, 4).map(|_| Self { data })
    }

    fn tables(&self) -> Vec<([u8; 4], &'a [u8])> {
        let count = read_u16(self.data, 4).unwrap_or(0) as usize;
        (0..count)
            .filter_map(|index| {
                let record = 12 + 16 * index;
                let tag = self.data.get(record..record + 4)?;
                let offset = read_u32(self.data, record + 8)? as usize;
                let length = read_u32(self.data, record + 12)? as usize;
                let body = self.data.get(offset..offset.checked_add(length)?)?;
                Some(([tag[0], tag[1], tag[2], tag[3]], body))
            })
            .collect()
    }

    fn table(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        self.tables()
            .into_iter()
            .find(|(found, _)| found == tag)
            .map(|(_, body)| body)
    }
}

/// The glyph outlines by glyph id, from `loca` and `glyf`.
fn glyph_ranges(sfnt: &Sfnt<'_>) -> Option<Vec<(usize, usize)>> {
    let head = sfnt.table(b"head")?;
    let maxp = sfnt.table(b"maxp")?;
    let loca = sfnt.table(b"loca")?;
    let count = read_u16(maxp, 4)? as usize;
    let long = read_i16(head, 50)? == 1;
    let offset = |index: usize| -> Option<usize> {
        if long {
            read_u32(loca, index * 4).map(|value| value as usize)
        } else {
            read_u16(loca, index * 2).map(|value| value as usize * 2)
        }
    };
    (0..count)
        .map(|gid| Some((offset(gid)?, offset(gid + 1)?)))
        .collect()
}

/// The contours of a simple glyph.
fn simple_outline(glyph: &[u8]) -> Option<Vec<Vec<(f32, f32, bool)>>> {
    let contours = read_i16(glyph, 0)?;
    if contours <= 0 {
        return None;
    }
    let contours = contours as usize;
    let ends: Vec<usize> = (0..contours)
        .map(|index| read_u16(glyph, 10 + 2 * index).map(usize::from))
        .collect::<Option<_>>()?;
    let points = ends.last()? + 1;
    let instructions = read_u16(glyph, 10 + 2 * contours)? as usize;
    let mut at = 12 + 2 * contours + instructions;
    let mut flags = Vec::with_capacity(points);
    while flags.len() < points {
        let flag = *glyph.get(at)?;
        at += 1;
        flags.push(flag);
        if flag & 8 != 0 {
            let repeat = *glyph.get(at)?;
            at += 1;
            for _ in 0..repeat {
                flags.push(flag);
            }
        }
    }
    flags.truncate(points);
    let mut coordinates = |short: u8, same: u8| -> Option<Vec<f32>> {
        let mut value = 0i32;
        let mut out = Vec::with_capacity(points);
        for &flag in &flags {
            if flag & short != 0 {
                let delta = i32::from(*glyph.get(at)?);
                at += 1;
                value += if flag & same != 0 { delta } else { -delta };
            } else if flag & same == 0 {
                value += i32::from(read_i16(glyph, at)?);
                at += 2;
            }
            out.push(value as f32);
        }
        Some(out)
    };
    let xs = coordinates(2, 16)?;
    let ys = coordinates(4, 32)?;
    let mut out = Vec::with_capacity(contours);
    let mut start = 0;
    for end in ends {
        out.push(
            (start..=end.min(points - 1))
                .map(|index| (xs[index], ys[index], flags[index] & 1 != 0))
                .collect(),
        );
        start = end + 1;
    }
    Some(out)
}

/// The glyphs a composite glyph is made of.
fn components(glyph: &[u8]) -> Vec<u16> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const X_AND_Y_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let mut found = Vec::new();
    if read_i16(glyph, 0).unwrap_or(0) >= 0 {
        return found;
    }
    let mut at = 10;
    while let (Some(flags), Some(gid)) = (read_u16(glyph, at), read_u16(glyph, at + 2)) {
        found.push(gid);
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAVE_SCALE != 0 {
            2
        } else if flags & X_AND_Y_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    found
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// `font` with the outlines of every glyph not in `keep` emptied; glyph ids are unchanged.
fn subset(font: &[u8], keep: &BTreeSet<u16>) -> Option<Vec<u8>> {
    let sfnt = Sfnt::new(font)?;
    let glyf = sfnt.table(b"glyf")?;
    let ranges = glyph_ranges(&sfnt)?;
    let mut wanted: BTreeSet<u16> = keep.clone();
    wanted.insert(0);
    let mut queue: Vec<u16> = wanted.iter().copied().collect();
    while let Some(gid) = queue.pop() {
        let Some(&(start, end)) = ranges.get(gid as usize) else {
            continue;
        };
        for part in components(glyf.get(start..end).unwrap_or_default()) {
            if wanted.insert(part) {
                queue.push(part);
            }
        }
    }
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((ranges.len() + 1) * 4);
    for (gid, &(start, end)) in ranges.iter().enumerate() {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if wanted.contains(&(gid as u16)) {
            new_glyf.extend_from_slice(glyf.get(start..end).unwrap_or_default());
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, body) in sfnt.tables() {
        match &tag {
            b"glyf" => tables.push((tag, new_glyf.clone())),
            b"loca" => tables.push((tag, new_loca.clone())),
            b"head" => {
                let mut head = body.to_vec();
                if head.len() >= 54 {
                    head[8..12].copy_from_slice(&[0; 4]);
                    head[50..52].copy_from_slice(&1i16.to_be_bytes());
                }
                tables.push((tag, head));
            }
            b"post" => {
                // Format 3: no glyph names, which the PDF does not need.
                let mut post = body.get(..32)?.to_vec();
                post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
                tables.push((tag, post));
            }
            b"OS/2" | b"cmap" | b"cvt " | b"fpgm" | b"prep" | b"hhea" | b"hmtx" | b"maxp" => {
                tables.push((tag, body.to_vec()))
            }
            _ => {}
        }
    }
    tables.sort_by_key(|table| table.0);

    let count = tables.len() as u16;
    let mut power = 1u16;
    let mut log = 0u16;
    while power * 2 <= count {
        power *= 2;
        log += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&(power * 16).to_be_bytes());
    out.extend_from_slice(&log.to_be_bytes());
    out.extend_from_slice(&(count * 16 - power * 16).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut bodies = Vec::new();
    let mut head_at = None;
    for (tag, body) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        let mut padded = body.clone();
        while padded.len() % 4 != 0 {
            padded.push(0);
        }
        offset += padded.len();
        bodies.push(padded);
    }
    for body in bodies {
        out.extend_from_slice(&body);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out.get_mut(at + 8..at + 12)?
            .copy_from_slice(&adjustment.to_be_bytes());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_typographic_characters_have_glyphs() {
        for face in Face::ALL {
            for c in "ëéïèçàöü‘’“”–—€…§°".chars() {
                assert!(face.metrics().has(c), "{face:?} lacks {c}");
            }
        }
    }

    #[test]
    fn missing_characters_get_a_visible_replacement() {
        let metrics = Face::Regular.metrics();
        let (gid, width) = metrics.glyph('\u{1F600}');
        assert_ne!(gid, 0);
        assert!(width > 0);
    }

    #[test]
    fn subset_is_smaller_and_parses() {
        let metrics = Face::Regular.metrics();
        let glyphs: BTreeSet<u16> = "Protocol ëé".chars().map(|c| metrics.glyph(c).0).collect();
        let subset = metrics.subset(&glyphs);
        assert!(subset.len() < REGULAR.len() / 2, "{}", subset.len());
        let mut warnings = Vec::new();
        assert!(ParsedFont::from_bytes(&subset, 0, &mut warnings).is_some());
    }
}
