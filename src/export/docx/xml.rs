//! A minimal XML text builder: escaping, and dropping what XML 1.0 forbids.
//!
//! Every part is written as text in schema order by the functions in this module's siblings;
//! this module only guarantees that whatever text the user typed ends up as well-formed XML.

/// An XML document under construction.
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

/// Whether a character may appear in an XML 1.0 document and is worth keeping in a Word
/// document. Dropped: the C0 controls other than tab, line feed and carriage return (forbidden
/// by XML 1.0), U+FFFE and U+FFFF (forbidden), DEL and the C1 controls (allowed by XML but
/// invisible garbage in Word, which also refuses some of them), and the other noncharacters.
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

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        let mut xml = Xml::default();
        xml.text(
            "a<b>&c\u{0}\u{1}\u{b}\u{c}\u{1f}\u{7f}\u{85}\u{fffe}\u{ffff}\u{1fffe}\td\né\u{1F600}",
        );
        assert_eq!(xml.out, "a&lt;b&gt;&amp;c d é\u{1F600}");
    }
}
