//! The document's properties, twice as PDF readers and archives expect them: the `/Info`
//! dictionary and the XMP packet (`/Metadata`, uncompressed so that it can be found without
//! parsing the PDF). Dates come from the document, never from the clock.

use lopdf::{Dictionary, Object, Stream, dictionary};

use super::text_string;
use crate::document::Metadata;
use crate::export::xml::Xml;
use crate::export::{INFO_DOCUMENT_KEY, INFO_FINGERPRINT_KEY, XMP_NAMESPACE};

/// The `Producer` of both.
pub(super) fn producer() -> String {
    format!("Protocolwijzer {} PDF-export", env!("CARGO_PKG_VERSION"))
}

fn pdf_date(metadata: &Metadata) -> Option<Object> {
    metadata
        .date
        .map(|date| Object::string_literal(format!("D:{}000000+00'00'", date.format("%Y%m%d"))))
}

/// The `/Info` dictionary.
pub(super) fn info(metadata: &Metadata, producer: &str) -> Dictionary {
    let mut info = dictionary! {
        "Title" => text_string(&metadata.title),
        "Subject" => text_string(&metadata.subject),
        "Author" => text_string(&metadata.author),
        "Creator" => text_string(&metadata.creator),
        "Producer" => text_string(producer),
    };
    if let Some(date) = pdf_date(metadata) {
        info.set("CreationDate", date.clone());
        info.set("ModDate", date);
    }
    if let Some(identity) = &metadata.identity {
        info.set(INFO_DOCUMENT_KEY, text_string(&identity.kind));
        info.set(INFO_FINGERPRINT_KEY, text_string(&identity.fingerprint));
    }
    info
}

/// The catalog's `/Metadata` stream; `archival` (the publication PDF) adds the PDF/A-2u and
/// PDF/UA-1 identification.
pub(super) fn xmp_stream(metadata: &Metadata, producer: &str, archival: bool) -> Stream {
    let mut stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(metadata, producer, archival),
    );
    stream.allows_compression = false;
    stream
}

/// The XMP packet: Dublin Core title, description, creator and language, the creating tool,
/// dates and producer; `archival`, also which parts of PDF/A and PDF/UA the file claims,
/// with the extension schemas PDF/A asks for the properties it does not predefine. User text
/// goes through the writers' one XML escaper.
fn xmp(metadata: &Metadata, producer: &str, archival: bool) -> Vec<u8> {
    let mut xml = Xml::default();
    xml.raw("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        .raw("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">")
        .raw("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">")
        .raw("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ")
        .raw("xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" ")
        .raw("xmlns:pw=\"")
        .raw(XMP_NAMESPACE)
        .raw("\">")
        .raw("<dc:format>application/pdf</dc:format>")
        .raw("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        .text(&metadata.title)
        .raw("</rdf:li></rdf:Alt></dc:title>")
        .raw("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        .text(&metadata.subject)
        .raw("</rdf:li></rdf:Alt></dc:description>")
        .raw("<dc:creator><rdf:Seq><rdf:li>")
        .text(&metadata.author)
        .raw("</rdf:li></rdf:Seq></dc:creator>")
        .raw("<dc:language><rdf:Bag><rdf:li>nl-BE</rdf:li></rdf:Bag></dc:language>")
        .raw("<xmp:CreatorTool>")
        .text(&metadata.creator)
        .raw("</xmp:CreatorTool>");
    if let Some(date) = metadata.date {
        let date = date.format("%Y-%m-%dT00:00:00Z").to_string();
        xml.raw("<xmp:CreateDate>")
            .raw(&date)
            .raw("</xmp:CreateDate><xmp:ModifyDate>")
            .raw(&date)
            .raw("</xmp:ModifyDate>");
    }
    if let Some(identity) = &metadata.identity {
        xml.raw("<pw:Document>")
            .text(&identity.kind)
            .raw("</pw:Document><pw:ContentFingerprint>")
            .text(&identity.fingerprint)
            .raw("</pw:ContentFingerprint>");
    }
    xml.raw("<pdf:Producer>")
        .text(producer)
        .raw("</pdf:Producer>")
        .raw("</rdf:Description>");
    if archival {
        xml.raw(ARCHIVAL);
    }
    xml.raw("</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>");
    xml.into_bytes()
}

/// The publication PDF's claims, PDF/A-2u and PDF/UA-1, and the PDF/A extension schemas of
/// the properties PDF/A-2 does not predefine: `pdfuaid:part` and our `pw:` identity.
const ARCHIVAL: &str = concat!(
    "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">",
    "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>",
    "</rdf:Description>",
    "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">",
    "<pdfuaid:part>1</pdfuaid:part>",
    "</rdf:Description>",
    "<rdf:Description rdf:about=\"\" ",
    "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" ",
    "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" ",
    "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">",
    "<pdfaExtension:schemas><rdf:Bag>",
    "<rdf:li rdf:parseType=\"Resource\">",
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>",
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">",
    "<pdfaProperty:name>part</pdfaProperty:name>",
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>",
    "<pdfaProperty:category>internal</pdfaProperty:category>",
    "<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed",
    "</pdfaProperty:description>",
    "</rdf:li></rdf:Seq></pdfaSchema:property>",
    "</rdf:li>",
    "<rdf:li rdf:parseType=\"Resource\">",
    "<pdfaSchema:schema>Protocolwijzer document identity</pdfaSchema:schema>",
    "<pdfaSchema:namespaceURI>https://protocolwijzer.be/ns/pdf/1.0/</pdfaSchema:namespaceURI>",
    "<pdfaSchema:prefix>pw</pdfaSchema:prefix>",
    "<pdfaSchema:property><rdf:Seq>",
    "<rdf:li rdf:parseType=\"Resource\">",
    "<pdfaProperty:name>Document</pdfaProperty:name>",
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType>",
    "<pdfaProperty:category>external</pdfaProperty:category>",
    "<pdfaProperty:description>Which document this is (protocol, addendum)",
    "</pdfaProperty:description>",
    "</rdf:li>",
    "<rdf:li rdf:parseType=\"Resource\">",
    "<pdfaProperty:name>ContentFingerprint</pdfaProperty:name>",
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType>",
    "<pdfaProperty:category>external</pdfaProperty:category>",
    "<pdfaProperty:description>The full content fingerprint of the protocol",
    "</pdfaProperty:description>",
    "</rdf:li>",
    "</rdf:Seq></pdfaSchema:property>",
    "</rdf:li>",
    "</rdf:Bag></pdfaExtension:schemas>",
    "</rdf:Description>",
);

#[cfg(test)]
mod tests {
    use super::*;

    // Regression: the XMP had an escaper of its own that let U+FFFE (and the other
    // characters XML 1.0 forbids) through into the packet.
    #[test]
    fn the_xmp_drops_what_xml_forbids() {
        let metadata = Metadata {
            title: "Protocol \u{FFFE}A & B <C>\u{1}".to_string(),
            author: "Gemeente \u{FFFF}Zele".to_string(),
            ..Metadata::default()
        };
        let xmp = String::from_utf8(xmp(&metadata, "P", false)).unwrap_or_default();
        assert!(
            xmp.contains(">Protocol A &amp; B &lt;C&gt;</rdf:li>"),
            "{xmp}"
        );
        assert!(xmp.contains("<rdf:li>Gemeente Zele</rdf:li>"), "{xmp}");
        assert!(!xmp.contains('\u{FFFE}') && !xmp.contains('\u{FFFF}'));
    }

    #[test]
    fn the_publication_xmp_claims_pdf_a_2u_and_pdf_ua_1_with_their_schemas() {
        let metadata = Metadata {
            title: "Protocol".to_string(),
            ..Metadata::default()
        };
        let plain = String::from_utf8(xmp(&metadata, "P", false)).unwrap_or_default();
        assert!(!plain.contains("pdfaid"), "{plain}");
        let xmp = String::from_utf8(xmp(&metadata, "P", true)).unwrap_or_default();
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
        assert!(xmp.contains("<pdfaid:conformance>U</pdfaid:conformance>"));
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xmp.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
        // The extension schema names our namespace exactly as the identity lines use it.
        assert!(xmp.contains(&format!(
            "<pdfaSchema:namespaceURI>{XMP_NAMESPACE}</pdfaSchema:namespaceURI>"
        )));
        assert!(xmp.ends_with("</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"));
    }
}
