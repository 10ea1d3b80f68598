//! The HTML writer: one self-contained, accessible web page of a document, for the parties'
//! websites (art. 8 §1 e-govdecreet: the protocol is published on each party's website). It
//! renders the same tree as the DOCX and PDF writers, every [`Block`] with no catch-all arm:
//! the title as the one `<h1>`, parts and articles as `<h2>`/`<h3>`, lists with the markers the
//! other writers print, tables with `<th scope>` header cells, footnotes as a list of notes
//! linked both ways, `lang="nl-BE"`, and the draft mark as text, not as an image. No script,
//! no external file: the page works as it is, offline too. The markup is also well-formed XML
//! (void elements closed), so tests and validators can read it strictly.

use crate::document::{Block, Document, DocumentStatus, Line, ListMarker, Span, Table};

/// The page's style: readable line length, print-friendly, enough contrast (WCAG AA).
const STYLE: &str = "\
body{margin:0;background:#fff;color:#1a1a1a;font:1.05rem/1.55 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}\
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}\
h1{font-size:1.6rem;line-height:1.25;text-align:center;margin:1rem 0 .5rem}\
h2{font-size:1.25rem;margin:2rem 0 .5rem}h3{font-size:1.1rem;margin:1.5rem 0 .4rem}\
.ondertitel{text-align:center;margin:.2rem 0}.midden{text-align:center}\
.ontwerp{border:2px solid #a40000;color:#a40000;padding:.5rem .75rem;font-weight:bold}\
mark.leemte{background:#fff3b0;color:#1a1a1a;outline:1px dashed #8a6d00}\
ol.gemerkt,ul.gemerkt{list-style:none;padding-left:0}ol.gemerkt>li,ul.gemerkt>li{display:flex;gap:.6rem;margin:.3rem 0}\
.merkteken{flex:0 0 auto;min-width:1.8rem}ul.genest{margin:.2rem 0 .2rem 1.2rem}\
table{border-collapse:collapse;width:100%;margin:.75rem 0;font-size:.95rem}\
th,td{border:1px solid #767676;padding:.35rem .5rem;vertical-align:top;text-align:left}\
thead th,tbody th{background:#eef1f4}td p,th p{margin:.15rem 0}\
.handtekeningen{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}\
.handtekeningen li{flex:1 1 14rem;border:1px solid #767676;padding:.5rem .75rem}\
.handtekeningen p{margin:.15rem 0}\
.voetnoten{border-top:1px solid #767676;margin-top:2rem;font-size:.92rem}\
footer{border-top:1px solid #767676;margin-top:2.5rem;padding-top:.5rem;font-size:.9rem;color:#444}\
a{color:#0b4f8a}@media print{.ontwerp{border-width:1px}a{color:inherit}}";

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The start of a self-contained page: doctype, `lang="nl-BE"`, title, description, style.
pub fn page_head(title: &str, description: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl-BE\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>{}</title>\n<meta name=\"description\" content=\"{}\" />\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(title),
        escape(description)
    )
}

/// The end of a page.
pub const PAGE_END: &str = "</main>\n</body>\n</html>\n";

/// Renders a document as one HTML page. Deterministic: the same tree gives the same text.
pub fn write(document: &Document) -> String {
    let metadata = &document.metadata;
    let description = if metadata.subject.is_empty() {
        metadata.short_title.clone()
    } else {
        metadata.subject.clone()
    };
    let mut writer = Writer::default();
    writer
        .out
        .push_str(&page_head(&metadata.title, &description));
    if let DocumentStatus::Draft { .. } = &metadata.status {
        writer.out.push_str(&format!(
            "<p class=\"ontwerp\" role=\"note\">ONTWERP – {}. Dit is niet de ondertekende \
             tekst.</p>\n",
            escape(&metadata.status.label())
        ));
    }
    for block in &document.blocks {
        writer.block(block);
    }
    writer.footnotes();
    writer.out.push_str("<footer>\n");
    let mut facts = vec![escape(&metadata.short_title)];
    if let DocumentStatus::Final { approval } = &metadata.status
        && !approval.is_empty()
    {
        facts.push(escape(approval));
    }
    if !metadata.fingerprint.is_empty() {
        facts.push(format!(
            "Vingerafdruk inhoud: <code>{}</code>",
            escape(&metadata.fingerprint)
        ));
    }
    writer
        .out
        .push_str(&format!("<p>{}</p>\n", facts.join(" · ")));
    if !metadata.creator.is_empty() {
        writer.out.push_str(&format!(
            "<p>Gemaakt met {}.</p>\n",
            escape(&metadata.creator)
        ));
    }
    writer.out.push_str("</footer>\n");
    writer.out.push_str(PAGE_END);
    writer.out
}

#[derive(Default)]
struct Writer {
    out: String,
    /// The footnotes' texts, in reading order (numbered from 1).
    notes: Vec<String>,
    /// Whether a title was written (the first is the page's `<h1>`).
    titled: bool,
}

impl Writer {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Title(line) => {
                let text = self.line(line);
                if self.titled {
                    self.out.push_str(&format!(
                        "<p class=\"midden\"><strong>{text}</strong></p>\n"
                    ));
                } else {
                    self.titled = true;
                    self.out.push_str(&format!("<h1>{text}</h1>\n"));
                }
            }
            Block::Subtitle(line) => {
                let text = self.line(line);
                self.out
                    .push_str(&format!("<p class=\"ondertitel\">{text}</p>\n"));
            }
            Block::Heading(heading) => {
                // The title is the one h1: parts and articles are h2, below them h3.
                let level = if heading.level <= 1 { 2 } else { 3 };
                self.out
                    .push_str(&format!("<h{level}>{}</h{level}>\n", escape(&heading.text)));
            }
            Block::Paragraph(paragraph) => {
                let text = self.line(&paragraph.spans);
                let class = match paragraph.align {
                    crate::document::Align::Center => " class=\"midden\"",
                    crate::document::Align::Justify | crate::document::Align::Left => "",
                };
                self.out.push_str(&format!("<p{class}>{text}</p>\n"));
            }
            Block::List(list) => {
                let (open, close) = match list.marker {
                    ListMarker::Bullet => ("<ul class=\"gemerkt\">", "</ul>"),
                    ListMarker::Letter | ListMarker::Number => ("<ol class=\"gemerkt\">", "</ol>"),
                };
                self.out.push_str(open);
                self.out.push('\n');
                for (index, item) in list.items.iter().enumerate() {
                    let text = self.line(&item.spans);
                    // The markers the DOCX and the PDF print ("A.", "1°", "–"); the list's own
                    // numbering is left off so it is not said twice.
                    let marker = list.marker.label(index);
                    let hidden = if list.marker == ListMarker::Bullet {
                        " aria-hidden=\"true\""
                    } else {
                        ""
                    };
                    self.out.push_str(&format!(
                        "<li><span class=\"merkteken\"{hidden}>{}</span><div>{text}",
                        escape(&marker)
                    ));
                    if !item.children.is_empty() {
                        self.out.push_str("<ul class=\"genest\">");
                        for child in &item.children {
                            let text = self.line(child);
                            self.out.push_str(&format!("<li>{text}</li>"));
                        }
                        self.out.push_str("</ul>");
                    }
                    self.out.push_str("</div></li>\n");
                }
                self.out.push_str(close);
                self.out.push('\n');
            }
            Block::Table(table) => self.table(table),
            Block::Signatures(boxes) => {
                self.out
                    .push_str("<ul class=\"handtekeningen\" aria-label=\"Ondertekenaars\">\n");
                for signature in boxes {
                    let party = self.line(&signature.party);
                    let function = self.line(&signature.function);
                    let name = self.line(&signature.name);
                    self.out.push_str(&format!(
                        "<li><p><strong>{party}</strong></p><p>{function}</p><p>{name}</p></li>\n"
                    ));
                }
                self.out.push_str("</ul>\n");
            }
            // A web page has no pages.
            Block::PageBreak => {}
        }
    }

    fn table(&mut self, table: &Table) {
        self.out.push_str("<table>\n");
        if !table.header.is_empty() {
            self.out.push_str("<thead>\n");
            for row in &table.header {
                self.out.push_str("<tr>");
                for cell in &row.cells {
                    let text = self.cell(&cell.paragraphs);
                    self.out.push_str(&format!("<th scope=\"col\">{text}</th>"));
                }
                self.out.push_str("</tr>\n");
            }
            self.out.push_str("</thead>\n");
        }
        self.out.push_str("<tbody>\n");
        for row in &table.rows {
            self.out.push_str("<tr>");
            for cell in &row.cells {
                let text = self.cell(&cell.paragraphs);
                // A shaded label cell ("Gegeven 3", "Doel") heads its row.
                if cell.shaded {
                    self.out.push_str(&format!("<th scope=\"row\">{text}</th>"));
                } else {
                    self.out.push_str(&format!("<td>{text}</td>"));
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
    }

    fn cell(&mut self, paragraphs: &[Line]) -> String {
        match paragraphs {
            [] => String::new(),
            [one] => self.line(one),
            many => many
                .iter()
                .map(|line| format!("<p>{}</p>", self.line(line)))
                .collect(),
        }
    }

    fn line(&mut self, spans: &[Span]) -> String {
        let mut out = String::new();
        for span in spans {
            if let Some(note) = &span.footnote {
                let text = self.line(note);
                self.notes.push(text);
                let number = self.notes.len();
                out.push_str(&format!(
                    "<sup><a href=\"#voetnoot-{number}\" id=\"verwijzing-{number}\" \
                     aria-label=\"voetnoot {number}\">{number}</a></sup>"
                ));
                continue;
            }
            let mut text = escape(&span.text);
            if span.italic {
                text = format!("<em>{text}</em>");
            }
            if span.bold {
                text = format!("<strong>{text}</strong>");
            }
            if span.gap {
                text = format!("<mark class=\"leemte\">{text}</mark>");
            }
            out.push_str(&text);
        }
        out
    }

    fn footnotes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        self.out.push_str(
            "<section class=\"voetnoten\" aria-labelledby=\"voetnoten\">\n\
             <h2 id=\"voetnoten\">Voetnoten</h2>\n<ol>\n",
        );
        for (index, note) in self.notes.iter().enumerate() {
            let number = index + 1;
            self.out.push_str(&format!(
                "<li id=\"voetnoot-{number}\">{note} <a href=\"#verwijzing-{number}\" \
                 aria-label=\"terug naar de tekst bij voetnoot {number}\">↩</a></li>\n"
            ));
        }
        self.out.push_str("</ol>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell, Heading, List, ListItem, Metadata, Paragraph, Row};

    #[test]
    fn text_is_escaped_and_the_structure_is_semantic() {
        let document = Document {
            metadata: Metadata {
                title: "Protocol <A & B>".to_string(),
                short_title: "Protocol".to_string(),
                fingerprint: "abc123".to_string(),
                ..Metadata::default()
            },
            blocks: vec![
                Block::Title(vec![Span::plain("Protocol <A & B>")]),
                Block::Heading(Heading {
                    level: 1,
                    text: "Artikel 1. Doel".to_string(),
                    step: None,
                }),
                Block::Paragraph(Paragraph {
                    spans: vec![
                        Span::bold("vet"),
                        Span::plain(" en "),
                        Span::gap("KBO-nummer"),
                        Span::footnote(vec![Span::plain("Een noot.")]),
                    ],
                    ..Paragraph::default()
                }),
                Block::List(List {
                    marker: ListMarker::Letter,
                    items: vec![ListItem {
                        spans: vec![Span::plain("eerste")],
                        children: vec![vec![Span::plain("onder")]],
                    }],
                }),
                Block::Table(Table {
                    column_widths: vec![1.0, 2.0],
                    header: vec![Row::unbroken(vec![
                        Cell::line(vec![Span::plain("Gegeven")], true),
                        Cell::line(vec![Span::plain("Verantwoording")], true),
                    ])],
                    rows: vec![Row::unbroken(vec![
                        Cell::line(vec![Span::plain("Naam")], true),
                        Cell::line(vec![Span::plain("nodig")], false),
                    ])],
                }),
                Block::PageBreak,
            ],
        };
        let html = write(&document);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl-BE\">"));
        assert!(html.contains("<title>Protocol &lt;A &amp; B&gt;</title>"));
        assert!(html.contains("<h1>Protocol &lt;A &amp; B&gt;</h1>"));
        assert!(html.contains("<h2>Artikel 1. Doel</h2>"));
        assert!(html.contains("<strong>vet</strong>"));
        assert!(html.contains("<mark class=\"leemte\">[in te vullen: KBO-nummer]</mark>"));
        assert!(html.contains("href=\"#voetnoot-1\""));
        assert!(html.contains("<li id=\"voetnoot-1\">Een noot."));
        assert!(html.contains("<span class=\"merkteken\">A.</span><div>eerste"));
        assert!(html.contains("<th scope=\"col\">Gegeven</th>"));
        assert!(html.contains("<th scope=\"row\">Naam</th><td>nodig</td>"));
        assert!(html.contains("ONTWERP"), "a default status is a draft");
        assert!(html.contains("<code>abc123</code>"));
        assert!(!html.contains("<script"));
    }
}
