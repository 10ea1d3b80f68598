//! The package parts around the body: styles, numbering, settings, fonts, header, footer,
//! document properties, content types and relationships. All in schema order.

use super::PAGE_WIDTH_TEXT;
use crate::document::{ListMarker, Metadata};
use crate::export::xml::Xml;

/// The namespaces of a WordprocessingML part root.
const ROOT_NS: &str = concat!(
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
);

/// Dark blue of headings and the title.
const ACCENT: &str = "1F3864";

/// styles.xml: the document defaults and the named styles the body uses. The built-in styles
/// keep Word's own style ids and names (Title, Heading1 "heading 1", …) so that Word's
/// navigation pane, its table of contents and its style gallery recognise them.
pub(super) fn styles() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w:styles").raw(ROOT_NS).raw(">");
    xml.raw(concat!(
        "<w:docDefaults><w:rPrDefault><w:rPr>",
        "<w:rFonts w:ascii=\"Calibri\" w:eastAsia=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>",
        "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>",
        "<w:lang w:val=\"nl-BE\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>",
        "</w:rPr></w:rPrDefault>",
        "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>",
        "</w:pPr></w:pPrDefault></w:docDefaults>",
    ));
    // Normal: justified running text, as in a signed protocol.
    xml.raw(concat!(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">",
        "<w:name w:val=\"Normal\"/><w:qFormat/>",
        "<w:pPr><w:widowControl/><w:jc w:val=\"both\"/></w:pPr></w:style>",
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">",
        "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>",
        "<w:unhideWhenUsed/></w:style>",
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">",
        "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>",
        "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>",
        "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>",
        "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>",
        "</w:tblCellMar></w:tblPr></w:style>",
        "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\">",
        "<w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>",
        "<w:unhideWhenUsed/></w:style>",
    ));
    // Title and subtitle lines.
    xml.raw(concat!(
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/>",
        "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>",
        "<w:spacing w:before=\"480\" w:after=\"360\" w:line=\"264\" w:lineRule=\"auto\"/>",
        "<w:jc w:val=\"center\"/></w:pPr>",
        "<w:rPr><w:b/><w:bCs/><w:color w:val=\"",
    ))
    .raw(ACCENT)
    .raw(concat!(
        "\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr></w:style>",
        "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/>",
        "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>",
        "</w:pPr><w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>",
    ));
    // Headings: outline levels 0 and 1, kept with what follows.
    for (level, size, before) in [(1, 28, 360), (2, 24, 240)] {
        xml.raw("<w:style w:type=\"paragraph\" w:styleId=\"Heading")
            .number(level)
            .raw("\"><w:name w:val=\"heading ")
            .number(level)
            .raw("\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>")
            .raw("<w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>")
            .raw("<w:spacing w:before=\"")
            .number(before)
            .raw("\" w:after=\"120\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"")
            .number(level - 1)
            .raw("\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"")
            .raw(ACCENT)
            .raw("\"/><w:sz w:val=\"")
            .number(size)
            .raw("\"/><w:szCs w:val=\"")
            .number(size)
            .raw("\"/></w:rPr></w:style>");
    }
    xml.raw(concat!(
        // Lists.
        "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\">",
        "<w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/>",
        "<w:qFormat/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/></w:pPr></w:style>",
        // Text in table cells: left-aligned, tighter.
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Tabeltekst\">",
        "<w:name w:val=\"Tabeltekst\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>",
        "<w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"252\" w:lineRule=\"auto\"/>",
        "<w:jc w:val=\"left\"/></w:pPr></w:style>",
        // The signature block.
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Ondertekening\">",
        "<w:name w:val=\"Ondertekening\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>",
        "<w:pPr><w:keepLines/><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr>",
        "</w:style>",
        // Header and footer.
        "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>",
        "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        "<w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"",
    ))
    .number(PAGE_WIDTH_TEXT)
    .raw(concat!(
        "\"/></w:tabs><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr>",
        "<w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
        "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>",
        "<w:basedOn w:val=\"Header\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        "<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr>",
        "<w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
        // A gap marker: what is still to be filled in.
        "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Invulveld\">",
        "<w:name w:val=\"Invulveld\"/><w:uiPriority w:val=\"1\"/><w:qFormat/>",
        "<w:rPr><w:b/><w:bCs/><w:color w:val=\"7F0000\"/><w:highlight w:val=\"yellow\"/></w:rPr>",
        "</w:style>",
        // Footnotes: their text small, the reference raised.
        "<w:style w:type=\"paragraph\" w:styleId=\"Voetnoottekst\"><w:name w:val=\"footnote text\"/>",
        "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr>",
        "<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>",
        "<w:style w:type=\"character\" w:styleId=\"Voetnootverwijzing\">",
        "<w:name w:val=\"footnote reference\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>",
        // The draft mark in the header.
        "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Ontwerpmarkering\">",
        "<w:name w:val=\"Ontwerpmarkering\"/><w:uiPriority w:val=\"1\"/>",
        "<w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val=\"C00000\"/><w:spacing w:val=\"20\"/>",
        "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>",
        // Tables: a grid with readable, light borders.
        "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>",
        "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>",
        "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>",
        "<w:tblPr><w:tblBorders>",
        "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>",
        "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>",
        "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>",
        "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>",
        "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>",
        "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>",
        "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>",
        "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/>",
        "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
        "</w:styles>",
    ));
    xml.into_bytes()
}

/// Abstract numbering ids.
pub(super) const BULLETS: u32 = 0;
const LETTERS: u32 = 1;
const NUMBERS: u32 = 2;

/// How one list instance is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ListKind {
    /// "–", sub-items "•" (the markers of [`ListMarker`]).
    Bullet,
    /// "A.", "B.", …
    Letter,
    /// "1°", "2°", …
    Number,
}

/// numbering.xml: three list definitions, and one numbering instance per list (`kinds[i]` is
/// numbering id `i + 1`) so that every lettered or numbered list starts at A or 1.
pub(super) fn numbering(kinds: &[ListKind]) -> Vec<u8> {
    let mut xml = Xml::with_capacity(4096 + kinds.len() * 160);
    xml.raw("<w:numbering").raw(ROOT_NS).raw(">");
    // Word draws the markers; these formats make it draw exactly what `ListMarker::label`
    // gives the PDF and the preview (a test below compares them).
    let bullet = ListMarker::Bullet.label(0);
    for (id, first) in [
        (BULLETS, ("bullet", bullet.as_str())),
        (LETTERS, ("upperLetter", "%1.")),
        (NUMBERS, ("decimal", "%1°")),
    ] {
        xml.raw("<w:abstractNum w:abstractNumId=\"")
            .number(id)
            .raw("\"><w:multiLevelType w:val=\"hybridMultilevel\"/>");
        level(&mut xml, 0, first.0, first.1, 357);
        level(&mut xml, 1, "bullet", ListMarker::NESTED, 714);
        xml.raw("</w:abstractNum>");
    }
    for (index, kind) in kinds.iter().enumerate() {
        let abstract_id = match kind {
            ListKind::Bullet => BULLETS,
            ListKind::Letter => LETTERS,
            ListKind::Number => NUMBERS,
        };
        xml.raw("<w:num w:numId=\"")
            .number(index + 1)
            .raw("\"><w:abstractNumId w:val=\"")
            .number(abstract_id)
            .raw("\"/>");
        if *kind != ListKind::Bullet {
            xml.raw("<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>");
        }
        xml.raw("</w:num>");
    }
    xml.raw("</w:numbering>");
    xml.into_bytes()
}

fn level(xml: &mut Xml, ilvl: u32, format: &str, text: &str, indent: u32) {
    xml.raw("<w:lvl w:ilvl=\"")
        .number(ilvl)
        .raw("\"><w:start w:val=\"1\"/><w:numFmt w:val=\"")
        .raw(format)
        .raw("\"/><w:lvlText w:val=\"")
        .raw(text)
        .raw("\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"")
        .number(indent)
        .raw("\" w:hanging=\"357\"/></w:pPr>");
    if format == "bullet" {
        xml.raw(
            "<w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/></w:rPr>",
        );
    }
    xml.raw("</w:lvl>");
}

/// settings.xml.
pub(super) fn settings() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w:settings").raw(ROOT_NS).raw(">").raw(concat!(
        "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"709\"/>",
        "<w:characterSpacingControl w:val=\"doNotCompress\"/>",
        "<w:compat><w:compatSetting w:name=\"compatibilityMode\" ",
        "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>",
        "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>",
        "<w:themeFontLang w:val=\"nl-BE\"/>",
        "<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>",
        "</w:settings>",
    ));
    xml.into_bytes()
}

/// fontTable.xml.
pub(super) fn font_table() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w:fonts").raw(ROOT_NS).raw(">").raw(concat!(
        "<w:font w:name=\"Calibri\"><w:panose1 w:val=\"020F0502020204030204\"/>",
        "<w:charset w:val=\"00\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>",
        "</w:fonts>",
    ));
    xml.into_bytes()
}

/// comments.xml, empty: ready for the DPO's comments in Word.
pub(super) fn comments() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w:comments").raw(ROOT_NS).raw("/>");
    xml.into_bytes()
}

/// commentsExtended.xml, empty.
pub(super) fn comments_extended() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w15:commentsEx xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\"/>");
    xml.into_bytes()
}

/// footnotes.xml: the separators Word expects, then the document's footnotes (`notes`: the
/// `w:footnote` elements the body writer made, ids from 1).
pub(super) fn footnotes(notes: &str) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w:footnotes").raw(ROOT_NS).raw(">").raw(concat!(
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>",
        "<w:r><w:separator/></w:r></w:p></w:footnote>",
        "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr>",
        "<w:spacing w:after=\"0\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
    ));
    xml.raw(notes).raw("</w:footnotes>");
    xml.into_bytes()
}

/// header1.xml, as the PDF's header: the short title left; right the "ONTWERP" mark of a draft
/// and "Status: …".
pub(super) fn header(metadata: &Metadata) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w:hdr").raw(ROOT_NS).raw(">");
    xml.raw("<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>")
        .raw("<w:r><w:t xml:space=\"preserve\">")
        .text(metadata.short_title.trim())
        .raw("</w:t></w:r><w:r><w:tab/></w:r>");
    if metadata.status.is_draft() {
        xml.raw(
            "<w:r><w:rPr><w:rStyle w:val=\"Ontwerpmarkering\"/></w:rPr><w:t>ONTWERP</w:t></w:r>",
        )
        .raw("<w:r><w:t xml:space=\"preserve\">   </w:t></w:r>");
    }
    let status = metadata.status.label();
    if !status.is_empty() {
        xml.raw("<w:r><w:t xml:space=\"preserve\">Status: ")
            .text(&status)
            .raw("</w:t></w:r>");
    }
    xml.raw("</w:p></w:hdr>");
    xml.into_bytes()
}

/// footer1.xml, as the PDF's footer: left the fingerprint that identifies this exact text,
/// right "Pagina X van Y" (PAGE and NUMPAGES fields).
pub(super) fn footer(metadata: &Metadata) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw("<w:ftr").raw(ROOT_NS).raw(">");
    xml.raw("<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
    let fingerprint = metadata.fingerprint.trim();
    if !fingerprint.is_empty() {
        xml.raw("<w:r><w:t xml:space=\"preserve\">Vingerafdruk inhoud: ")
            .text(fingerprint)
            .raw("</w:t></w:r>");
    }
    xml.raw("<w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">Pagina </w:t></w:r>");
    field(&mut xml, "PAGE");
    xml.raw("<w:r><w:t xml:space=\"preserve\"> van </w:t></w:r>");
    field(&mut xml, "NUMPAGES");
    xml.raw("</w:p></w:ftr>");
    xml.into_bytes()
}

/// A complex field (`PAGE`, `NUMPAGES`) with "1" as its cached result.
fn field(xml: &mut Xml, instruction: &str) {
    xml.raw("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>")
        .raw("<w:r><w:instrText xml:space=\"preserve\"> ")
        .raw(instruction)
        .raw(" </w:instrText></w:r>")
        .raw("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>")
        .raw("<w:r><w:t>1</w:t></w:r>")
        .raw("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}

/// docProps/core.xml: title, subject, author (the drafting party), the protocol's date as
/// creation and modification date (never the clock), language and status.
pub(super) fn core(metadata: &Metadata) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw(concat!(
        "<cp:coreProperties ",
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
        "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    ));
    xml.raw("<dc:title>")
        .text(&metadata.title)
        .raw("</dc:title><dc:subject>")
        .text(&metadata.subject)
        .raw("</dc:subject><dc:creator>")
        .text(&metadata.author)
        .raw("</dc:creator><cp:lastModifiedBy>")
        .text(&metadata.author)
        .raw("</cp:lastModifiedBy><cp:revision>1</cp:revision>");
    if let Some(date) = metadata.date {
        let stamp = date.format("%Y-%m-%dT00:00:00Z").to_string();
        xml.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
            .text(&stamp)
            .raw("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
            .text(&stamp)
            .raw("</dcterms:modified>");
    }
    xml.raw("<dc:language>nl-BE</dc:language><cp:contentStatus>")
        .text(&metadata.status.label())
        .raw("</cp:contentStatus></cp:coreProperties>");
    xml.into_bytes()
}

/// docProps/app.xml: the creating program.
pub(super) fn app(metadata: &Metadata) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw(concat!(
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" ",
        "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">",
        "<Application>",
    ))
    .text(&metadata.creator)
    .raw("</Application><DocSecurity>0</DocSecurity></Properties>");
    xml.into_bytes()
}

/// docProps/custom.xml: the fingerprint and the status, for tools that sort submissions.
pub(super) fn custom(metadata: &Metadata) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw(concat!(
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" ",
        "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">",
    ));
    let status = metadata.status.label();
    for (pid, name, value) in [
        (2, "Vingerafdruk", &metadata.fingerprint),
        (3, "Status", &status),
    ] {
        xml.raw("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"")
            .number(pid)
            .raw("\" name=\"")
            .raw(name)
            .raw("\"><vt:lpwstr>")
            .text(value)
            .raw("</vt:lpwstr></property>");
    }
    xml.raw("</Properties>");
    xml.into_bytes()
}

const WML_CT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// [Content_Types].xml for exactly the parts [`super::write`] packs.
pub(super) fn content_types() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw(concat!(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    ));
    for (part, kind) in [
        ("/word/document.xml", ".document.main+xml"),
        ("/word/styles.xml", ".styles+xml"),
        ("/word/settings.xml", ".settings+xml"),
        ("/word/fontTable.xml", ".fontTable+xml"),
        ("/word/numbering.xml", ".numbering+xml"),
        ("/word/comments.xml", ".comments+xml"),
        ("/word/commentsExtended.xml", ".commentsExtended+xml"),
        ("/word/footnotes.xml", ".footnotes+xml"),
        ("/word/header1.xml", ".header+xml"),
        ("/word/footer1.xml", ".footer+xml"),
    ] {
        xml.raw("<Override PartName=\"")
            .raw(part)
            .raw("\" ContentType=\"")
            .raw(WML_CT)
            .raw(kind)
            .raw("\"/>");
    }
    xml.raw(concat!(
        "<Override PartName=\"/docProps/core.xml\" ",
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
        "<Override PartName=\"/docProps/app.xml\" ",
        "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
        "<Override PartName=\"/docProps/custom.xml\" ",
        "ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>",
        "</Types>",
    ));
    xml.into_bytes()
}

const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// _rels/.rels.
pub(super) fn package_rels() -> Vec<u8> {
    relationships(&[
        ("rId1", "/officeDocument", "word/document.xml"),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        ("rId3", "/extended-properties", "docProps/app.xml"),
        ("rId4", "/custom-properties", "docProps/custom.xml"),
    ])
}

/// Relationship id of the header, used in the section properties.
pub(super) const HEADER_RID: &str = "rIdHeader1";
/// Relationship id of the footer.
pub(super) const FOOTER_RID: &str = "rIdFooter1";

/// word/_rels/document.xml.rels.
pub(super) fn document_rels() -> Vec<u8> {
    relationships(&[
        ("rId1", "/styles", "styles.xml"),
        ("rId2", "/settings", "settings.xml"),
        ("rId3", "/fontTable", "fontTable.xml"),
        ("rId4", "/numbering", "numbering.xml"),
        ("rId5", "/comments", "comments.xml"),
        (
            "rId6",
            "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
            "commentsExtended.xml",
        ),
        ("rId7", "/footnotes", "footnotes.xml"),
        (HEADER_RID, "/header", "header1.xml"),
        (FOOTER_RID, "/footer", "footer1.xml"),
    ])
}

/// A relationships part; a type starting with "/" is relative to the office-document
/// relationship namespace.
fn relationships(entries: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.raw(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, kind, target) in entries {
        xml.raw("<Relationship Id=\"").raw(id).raw("\" Type=\"");
        if kind.starts_with('/') {
            xml.raw(REL_NS);
        }
        xml.raw(kind).raw("\" Target=\"").raw(target).raw("\"/>");
    }
    xml.raw("</Relationships>");
    xml.into_bytes()
}

/// The opening tag of word/document.xml.
pub(super) fn document_root() -> String {
    format!("<w:document{ROOT_NS}><w:body>")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marker Word draws for item `index` of a list whose level is `format` + `text`.
    fn word_marker(format: &str, text: &str, index: usize) -> String {
        let number = match format {
            "bullet" => return text.to_string(),
            // Word's upper letters: A … Z, then AA, BB, …
            "upperLetter" => {
                let letter = char::from(b'A' + (index % 26) as u8);
                std::iter::repeat_n(letter, index / 26 + 1).collect()
            }
            _ => (index + 1).to_string(),
        };
        text.replace("%1", &number)
    }

    /// Regression guard: DOCX, PDF and preview once drew different bullets ("–/◦", "•/–",
    /// "–/•") and letters after Z. The numbering Word reads must give `ListMarker`'s markers.
    #[test]
    fn word_numbering_draws_the_shared_markers() {
        let xml = String::from_utf8(numbering(&[ListKind::Bullet])).expect("UTF-8");
        let level = |abstract_id: u32, ilvl: u32| -> (String, String) {
            let start = xml
                .find(&format!(
                    "<w:abstractNum w:abstractNumId=\"{abstract_id}\">"
                ))
                .expect("the definition is there");
            let level = &xml[start..][xml[start..]
                .find(&format!("<w:lvl w:ilvl=\"{ilvl}\">"))
                .expect("the level")..];
            let value = |name: &str| {
                let opening = format!("<w:{name} w:val=\"");
                let at = level.find(&opening).expect(name) + opening.len();
                level[at..at + level[at..].find('"').expect("a closing quote")].to_string()
            };
            (value("numFmt"), value("lvlText"))
        };
        for (abstract_id, marker) in [
            (BULLETS, ListMarker::Bullet),
            (LETTERS, ListMarker::Letter),
            (NUMBERS, ListMarker::Number),
        ] {
            let (format, text) = level(abstract_id, 0);
            for index in [0, 1, 25, 26, 27, 60] {
                assert_eq!(
                    word_marker(&format, &text, index),
                    marker.label(index),
                    "{marker:?} item {index}"
                );
            }
            let (format, text) = level(abstract_id, 1);
            assert_eq!(word_marker(&format, &text, 0), ListMarker::NESTED);
        }
    }
}
