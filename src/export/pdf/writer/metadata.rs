//! The document's properties, twice as PDF readers and archives expect them: the `/Info`
//! dictionary and the XMP packet (`/Metadata`, uncompressed so that it can be found without
//! parsing the PDF). Dates come from the document, never from the clock.

use lopdf::{Dictionary, Object, Stream, dictionary};

use super::text_string;
use crate::document::Metadata;

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
    info
}

/// The catalog's `/Metadata` stream.
pub(super) fn xmp_stream(metadata: &Metadata, producer: &str) -> Stream {
    let mut stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(metadata, producer),
    );
    stream.allows_compression = false;
    stream
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
