//! The one XML text builder of the writers (the DOCX parts, the PDF's XMP metadata):
//! escaping, and dropping what XML 1.0 forbids.
//!
//! Markup is written as text in schema order by the writers; this module only guarantees that
//! whatever text the user typed ends up as well-formed XML, with the same rules in every file.

/// An XML document (or fragment) under construction.
#[derive(Default)]
pub(super) struct Xml {
    out: String,
}

impl Xml {
    /// A part, starting with the XML declaration.
    pub(super) fn part() -> Self {
        Self::with_capacity(4096)
    }

    /// A part with room for `capacity` bytes, starting with the XML declaration.
    pub(super) fn with_capacity(capacity: usize) -> Self {
        let mut out = String::with_capacity(capacity);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        Self { out }
    }

    /// Markup written by this program (element names, fixed attributes); never user text.
    pub(super) fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// User text as element content: escaped, forbidden characters dropped, tabs and line
    /// breaks turned into spaces (the tree never means them as layout).
    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        for character in text.chars() {
            match character {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '\t' | '\n' | '\r' => self.out.push(' '),
                other if allowed(other) => self.out.push(other),
                _ => {}
            }
        }
        self
    }

    /// A number.
    pub(super) fn number(&mut self, value: impl std::fmt::Display) -> &mut Self {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = write!(self.out, "{value}");
        self
    }

    /// The finished part.
    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }
}

/// Whether a character may appear in an XML 1.0 document and is worth keeping in a document.
/// Dropped: the C0 controls other than tab, line feed and carriage return (forbidden by
/// XML 1.0), the surrogates (cannot occur in a `char`), U+FFFE and U+FFFF (forbidden), DEL and
/// the C1 controls (allowed by XML but invisible garbage; Word refuses some of them), and the
/// other noncharacters (U+FDD0..U+FDEF and the last two code points of every plane).
fn allowed(character: char) -> bool {
    let code = u32::from(character);
    match code {
        0x09 | 0x0A | 0x0D => true,
        0x00..=0x1F => false,
        0x7F..=0x9F => false,
        0xFDD0..=0xFDEF => false,
        _ => code & 0xFFFE != 0xFFFE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(input: &str) -> String {
        let mut xml = Xml::default();
        xml.text(input);
        xml.out
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            text(
                "a<b>&c\u{0}\u{1}\u{b}\u{c}\u{1f}\u{7f}\u{85}\u{fffe}\u{ffff}\u{1fffe}\td\né\u{1F600}"
            ),
            "a&lt;b&gt;&amp;c d é\u{1F600}"
        );
    }

    #[test]
    fn keeps_what_xml_allows() {
        // Quotes need no escaping in element content; the BOM character, the private use
        // area and the supplementary planes are allowed.
        let kept = "\"'’ «» € § \u{FEFF}\u{E000}\u{FFFD}\u{10000}\u{10FFFD}";
        assert_eq!(text(kept), kept);
    }

    #[test]
    fn drops_every_noncharacter() {
        for code in (0xFDD0..=0xFDEF).chain((0..=0x10).flat_map(|plane| {
            let last = plane * 0x1_0000 + 0xFFFF;
            [last - 1, last]
        })) {
            let character = char::from_u32(code).unwrap_or('x');
            assert_eq!(text(&character.to_string()), "", "U+{code:04X}");
        }
    }

    #[test]
    fn line_breaks_and_tabs_become_spaces() {
        assert_eq!(text("a\r\nb\tc"), "a  b c");
    }

    #[test]
    fn the_output_parses_as_xml() {
        let mut xml = Xml::part();
        xml.raw("<t>")
            .text("R&D <nieuw> \u{0}\u{FFFE}\u{1B}[0m \"x\" a]]>b")
            .raw("</t>");
        let bytes = xml.into_bytes();
        let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
        let mut buffer = Vec::new();
        let mut elements = 0;
        loop {
            match reader.read_event_into(&mut buffer) {
                Ok(quick_xml::events::Event::Start(_)) => elements += 1,
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(error) => panic!("{error}"),
            }
            buffer.clear();
        }
        assert_eq!(elements, 1);
        let text = String::from_utf8(bytes).unwrap_or_default();
        assert!(
            text.ends_with("<t>R&amp;D &lt;nieuw&gt; [0m \"x\" a]]&gt;b</t>"),
            "{text}"
        );
    }
}
