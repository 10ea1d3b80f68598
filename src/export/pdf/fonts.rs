//! The embedded faces (Liberation Sans, SIL OFL 1.1, `assets/fonts/`): their metrics for
//! layout and their outlines (for the watermark), read with skrifa, the font reader egui
//! already builds; and their subsets for embedding.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::DrawSettings;
use skrifa::outline::pen::PathElement;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

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

    /// Reads the metrics; a font that does not parse (it is compiled in, so only a broken
    /// build could cause that) gives zero widths and the usual Liberation Sans proportions.
    fn parse(self) -> FaceMetrics {
        let font = FontRef::new(self.bytes()).ok();
        let head = font.as_ref().and_then(|font| font.head().ok());
        let hhea = font.as_ref().and_then(|font| font.hhea().ok());
        let os2 = font.as_ref().and_then(|font| font.os2().ok());
        let post = font.as_ref().and_then(|font| font.post().ok());
        let units_per_em = head
            .as_ref()
            .map_or(2048, |head| head.units_per_em())
            .max(16);
        let bbox = head.as_ref().map_or([0; 4], |head| {
            [head.x_min(), head.y_min(), head.x_max(), head.y_max()]
        });
        let mut map = BTreeMap::new();
        let mut widths = Vec::new();
        if let Some(font) = &font {
            for (codepoint, gid) in font.charmap().mappings() {
                if let (Some(c), Ok(gid)) = (char::from_u32(codepoint), u16::try_from(gid.to_u32()))
                    && gid != 0
                {
                    map.insert(c, gid);
                }
            }
            let glyph_metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
            widths = (0..glyph_metrics.glyph_count())
                .map(|gid| {
                    let advance = glyph_metrics
                        .advance_width(GlyphId::new(gid))
                        .unwrap_or(0.0);
                    advance.round().clamp(0.0, f32::from(u16::MAX)) as u16
                })
                .collect();
        }
        let mut latin = [None; 256];
        for (index, slot) in latin.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(index as u32)
                && let Some(&gid) = map.get(&c)
            {
                *slot = Some((gid, widths.get(usize::from(gid)).copied().unwrap_or(0)));
            }
        }
        FaceMetrics {
            face: self,
            units_per_em: f32::from(units_per_em),
            ascent: hhea.as_ref().map_or(1854, |hhea| hhea.ascender().to_i16()),
            descent: hhea.as_ref().map_or(-434, |hhea| hhea.descender().to_i16()),
            cap_height: os2
                .as_ref()
                .and_then(|os2| os2.s_cap_height())
                .unwrap_or(1409),
            italic_angle: post
                .as_ref()
                .map_or(0.0, |post| post.italic_angle().to_f32()),
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
    /// Advance widths by glyph id, in font units.
    widths: Vec<u16>,
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
        self.widths.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// A font-unit distance in points at `size`.
    pub(super) fn points(&self, units: f32, size: f32) -> f32 {
        units * size / self.units_per_em
    }

    /// A font-unit distance in thousandths of an em, as PDF font dictionaries use them.
    pub(super) fn thousandths(&self, units: f32) -> i64 {
        (units * 1000.0 / self.units_per_em).round() as i64
    }

    /// The outline of glyph `gid` in font units, unhinted. Empty for a glyph that cannot be
    /// drawn.
    pub(super) fn outline(&self, gid: u16) -> Vec<PathElement> {
        let mut path = Vec::new();
        if let Ok(font) = FontRef::new(self.face.bytes())
            && let Some(glyph) = font.outline_glyphs().get(GlyphId::from(gid))
        {
            let settings = DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
            if glyph.draw(settings, &mut path).is_err() {
                path.clear();
            }
        }
        path
    }

    /// The face reduced to `glyphs` (plus `.notdef` and the parts of composite glyphs) by
    /// `subsetter`, with the glyphs renumbered in their original order; the whole face (ids
    /// unchanged) should the subsetter fail.
    pub(super) fn subset(&self, glyphs: &BTreeSet<u16>) -> Subset {
        let bytes = self.face.bytes();
        let gids: Vec<u16> = glyphs.iter().copied().collect();
        let remapper = subsetter::GlyphRemapper::new_from_glyphs_sorted(&gids);
        match subsetter::subset(bytes, 0, &remapper) {
            Ok(program) => Subset {
                program,
                cids: Some(
                    glyphs
                        .iter()
                        .filter_map(|&gid| Some((gid, remapper.get(gid)?)))
                        .collect(),
                ),
            },
            Err(_) => Subset {
                program: bytes.to_vec(),
                cids: None,
            },
        }
    }
}

/// A face reduced to the glyphs a document uses: the font program to embed, and the glyph ids
/// in it (the CIDs the PDF shows, with `/CIDToGIDMap /Identity`).
pub(super) struct Subset {
    pub(super) program: Vec<u8>,
    /// The new glyph id of each original one; `None`: the ids are unchanged (the whole face).
    cids: Option<BTreeMap<u16, u16>>,
}

impl Subset {
    /// The glyph id in the subset of glyph `gid` of the face.
    pub(super) fn cid(&self, gid: u16) -> u16 {
        match &self.cids {
            Some(cids) => cids.get(&gid).copied().unwrap_or(0),
            None => gid,
        }
    }
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
    fn metrics_are_those_of_liberation_sans() {
        let metrics = Face::Regular.metrics();
        assert_eq!(metrics.units_per_em, 2048.0);
        assert_eq!((metrics.ascent, metrics.descent), (1854, -434));
        // "a" is 1139 units wide, a space 569.
        assert_eq!(metrics.glyph('a').1, 1139);
        assert_eq!(metrics.glyph(' ').1, 569);
        assert!(Face::Italic.metrics().italic_angle < 0.0);
    }

    #[test]
    fn outlines_are_read() {
        let metrics = Face::Bold.metrics();
        let outline = metrics.outline(metrics.glyph('O').0);
        assert!(
            outline
                .iter()
                .filter(|element| matches!(element, PathElement::MoveTo { .. }))
                .count()
                == 2,
            "{outline:?}"
        );
    }

    #[test]
    fn subset_is_smaller_and_parses() {
        let metrics = Face::Regular.metrics();
        let glyphs: BTreeSet<u16> = "Protocol ëé".chars().map(|c| metrics.glyph(c).0).collect();
        let subset = metrics.subset(&glyphs);
        assert!(
            subset.program.len() < REGULAR.len() / 2,
            "{}",
            subset.program.len()
        );
        let font = FontRef::new(&subset.program).expect("the subset parses");
        let outlines = font.outline_glyphs();
        let glyph_metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        for c in "Protocol ëé".chars() {
            let (gid, width) = metrics.glyph(c);
            let cid = GlyphId::from(subset.cid(gid));
            assert_eq!(
                glyph_metrics.advance_width(cid),
                Some(f32::from(width)),
                "{c}"
            );
            if c != ' ' {
                assert!(outlines.get(cid).is_some(), "{c} has no outline");
            }
        }
    }
}
