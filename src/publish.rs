//! The published version for a website (art. 8 §1 e-govdecreet: every party publishes the
//! protocol on its website): each protocol of a folder as an accessible HTML page beside its
//! PDF, and one index page listing them all (title, parties, date, links), which a
//! municipality can put online as it is. The pages come from the same document tree as the
//! DOCX and the PDF (`export::html`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check::{self, Context};
use crate::document::DocumentStatus;
use crate::export::html::{PAGE_END, escape, page_head};
use crate::model::Protocol;
use crate::pipeline::{self, Format, Product};

/// One protocol on the index page.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The protocol's title.
    pub title: String,
    /// The parties' names.
    pub parties: Vec<String>,
    /// The protocol's date (signing date, else the date in its title).
    pub date: Option<NaiveDate>,
    /// The HTML page's file name, beside the index.
    pub html: String,
    /// The accessible publication PDF's file name (tagged, PDF/A), beside the index.
    pub pdf: String,
    /// The signed PDF's file name, when one lay beside the protocol file: published too, as
    /// the legal text (it is not tagged; the publication PDF is the accessible one).
    pub signed_pdf: Option<String>,
    /// A draft (only published when asked for).
    pub draft: bool,
}

/// What [`publish_folder`] did.
#[derive(Debug, Default)]
pub struct Report {
    /// The protocols published, in index order.
    pub entries: Vec<Entry>,
    /// Files left out, with the Dutch reason (unreadable, a draft).
    pub left_out: Vec<(PathBuf, String)>,
}

/// The HTML page of one protocol.
pub fn page(protocol: &Protocol, context: &Context) -> String {
    let findings = check::check(protocol, context);
    crate::export::html(&pipeline::document(protocol, &findings, Product::Protocol))
}

/// Publishes every protocol file (`.ron`) in `source` and its subfolders into `target`: per
/// protocol an HTML page, the publication PDF (tagged, PDF/A, no empty signature fields) and,
/// when one lies beside the protocol file as `<naam>.pdf` or `<naam> ondertekend.pdf`, the
/// signed PDF as `<naam> ondertekend.pdf`; then `index.html`.
/// Drafts are left out unless `drafts`. Files are written atomically; `target` is made.
pub fn publish_folder(
    source: &Path,
    target: &Path,
    context: &Context,
    drafts: bool,
) -> Result<Report, String> {
    std::fs::create_dir_all(target).map_err(|error| {
        format!(
            "de map ‘{}’ kan niet gemaakt worden: {error}",
            target.display()
        )
    })?;
    let mut report = Report::default();
    let scan = crate::desk::scan(source);
    report.left_out.extend(scan.unreadable);
    for path in scan.files {
        let is_ron = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("ron"));
        if !is_ron {
            continue;
        }
        let protocol = match crate::file::load(&path) {
            Ok(protocol) => protocol,
            Err(error) => {
                report.left_out.push((path, error.to_string()));
                continue;
            }
        };
        let findings = check::check(&protocol, context);
        let document = pipeline::document(&protocol, &findings, Product::Protocol);
        let draft = matches!(document.metadata.status, DocumentStatus::Draft { .. });
        if draft && !drafts {
            report.left_out.push((
                path,
                format!(
                    "het is een ontwerp ({}); alleen goedgekeurde protocollen worden \
                     gepubliceerd, ontwerpen enkel met --ook-ontwerpen",
                    document.metadata.status.label().to_lowercase()
                ),
            ));
            continue;
        }
        let stem = crate::desk::name_in(source, &path)
            .trim_end_matches(".ron")
            .trim_end_matches(".RON")
            .replace('/', " - ");
        let html_name = format!("{stem}.html");
        let pdf_name = format!("{stem}.pdf");
        let write = |name: &str, bytes: &[u8]| {
            crate::file::write_atomically(&target.join(name), bytes)
                .map_err(|error| error.to_string())
        };
        write(&html_name, crate::export::html(&document).as_bytes())?;
        // Not the signature-ready PDF: a website carries the accessible, archival one…
        let bytes = pipeline::bytes(&document, Format::PublicationPdf)
            .map_err(|error| error.to_string())?;
        write(&pdf_name, &bytes)?;
        // …and the signed one, as it is, beside it: only when it is completely and validly
        // signed and states this protocol's approved text.
        let signed_name = match signed_pdf_beside(&path) {
            Some(signed) => {
                let bytes = std::fs::read(&signed).map_err(|error| {
                    format!("‘{}’ kan niet gelezen worden: {error}", signed.display())
                })?;
                match signed_pdf_refused(&bytes, &protocol) {
                    None => {
                        let name = format!("{stem} ondertekend.pdf");
                        write(&name, &bytes)?;
                        Some(name)
                    }
                    Some(reason) => {
                        report.left_out.push((signed, reason));
                        None
                    }
                }
            }
            None => None,
        };
        report.entries.push(Entry {
            title: document.metadata.title.clone(),
            parties: protocol
                .parties
                .iter()
                .map(|party| {
                    let legal = party.legal_name.split_whitespace().collect::<Vec<_>>();
                    if legal.is_empty() {
                        party.display_name().trim().to_string()
                    } else {
                        legal.join(" ")
                    }
                })
                .collect(),
            date: protocol.signing.date.or(protocol.title.date),
            html: html_name,
            pdf: pdf_name,
            signed_pdf: signed_name,
            draft,
        });
    }
    // Newest first, then by title.
    report
        .entries
        .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    crate::file::write_atomically(
        &target.join("index.html"),
        index(&report.entries).as_bytes(),
    )
    .map_err(|error| error.to_string())?;
    Ok(report)
}

/// Why the signed PDF `bytes` is not published with `protocol`, if it is not: the
/// verification (`signature::verify`) finds it incomplete, invalid, changed or not the
/// approved text.
fn signed_pdf_refused(bytes: &[u8], protocol: &Protocol) -> Option<String> {
    let reasons = match crate::signature::verify(
        bytes,
        &crate::signature::Roots::belgian_eid(),
        Some(protocol),
    ) {
        Ok(report) => report.reasons_not_signed(),
        Err(error) => vec![error.to_string()],
    };
    (!reasons.is_empty()).then(|| {
        format!(
            "de ondertekende PDF wordt niet gepubliceerd (alleen de toegankelijke PDF): {}",
            reasons.join(" ")
        )
    })
}

/// The signed PDF beside a protocol file, if there is one: `<naam>.pdf` or
/// `<naam> ondertekend.pdf`.
fn signed_pdf_beside(protocol_file: &Path) -> Option<PathBuf> {
    let stem = protocol_file.file_stem()?.to_string_lossy().into_owned();
    let folder = protocol_file.parent()?;
    [format!("{stem} ondertekend.pdf"), format!("{stem}.pdf")]
        .into_iter()
        .map(|name| folder.join(name))
        .find(|path| path.is_file())
}

/// The index page: one table row per protocol, with links to its page and its PDF.
pub fn index(entries: &[Entry]) -> String {
    let title = "Protocollen voor de elektronische mededeling van persoonsgegevens";
    let mut out = page_head(
        title,
        "De protocollen die deze organisatie sloot voor de elektronische mededeling van \
         persoonsgegevens (artikel 8, §1, e-govdecreet).",
    );
    out.push_str(&format!("<h1>{title}</h1>\n"));
    out.push_str(
        "<p>Een instantie die persoonsgegevens elektronisch meedeelt aan een andere instantie, \
         legt de afspraken daarover vast in een protocol en maakt dat protocol bekend op haar \
         website (artikel 8, §1, van het decreet van 18 juli 2008 betreffende het \
         elektronische bestuurlijke gegevensverkeer). Hieronder staan de protocollen, met de \
         nieuwste eerst.</p>\n",
    );
    if entries.is_empty() {
        out.push_str("<p>Er zijn nog geen protocollen bekendgemaakt.</p>\n");
        out.push_str(PAGE_END);
        return out;
    }
    out.push_str(
        "<table>\n<caption>Bekendgemaakte protocollen</caption>\n<thead>\n<tr><th scope=\"col\">\
         Protocol</th><th scope=\"col\">Partijen</th><th scope=\"col\">Datum</th>\
         <th scope=\"col\">Documenten</th></tr>\n</thead>\n<tbody>\n",
    );
    for entry in entries {
        let date = entry
            .date
            .map(|date| {
                format!(
                    "<time datetime=\"{}\">{}</time>",
                    date.format("%Y-%m-%d"),
                    crate::dutch::dutch_long(date)
                )
            })
            .unwrap_or_else(|| "niet vermeld".to_string());
        let draft = if entry.draft { " (ontwerp)" } else { "" };
        let signed = entry
            .signed_pdf
            .as_ref()
            .map(|name| {
                format!(
                    " · <a href=\"{}\" type=\"application/pdf\">ondertekende PDF</a>",
                    escape(&href(name))
                )
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}{draft}</th><td>{}</td><td>{date}</td><td><a \
             href=\"{}\">webpagina</a> · <a href=\"{}\" type=\"application/pdf\">toegankelijke \
             PDF</a>{signed}</td></tr>\n",
            escape(&entry.title),
            escape(&crate::dutch::join_names(&entry.parties)),
            escape(&href(&entry.html)),
            escape(&href(&entry.pdf)),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(PAGE_END);
    out
}

/// A file name as a relative link: spaces and other unsafe characters percent-encoded.
fn href(name: &str) -> String {
    let mut out = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_encoded_and_the_index_lists_every_entry() {
        assert_eq!(
            href("Protocol Zoersel 1.html"),
            "Protocol%20Zoersel%201.html"
        );
        assert_eq!(href("één.pdf"), "%C3%A9%C3%A9n.pdf");
        let entries = vec![Entry {
            title: "Protocol A & B".to_string(),
            parties: vec!["Gemeente A".to_string(), "Opgroeien regie".to_string()],
            date: NaiveDate::from_ymd_opt(2026, 3, 30),
            html: "a b.html".to_string(),
            pdf: "a b.pdf".to_string(),
            signed_pdf: Some("a b ondertekend.pdf".to_string()),
            draft: false,
        }];
        let page = index(&entries);
        assert!(page.contains("<th scope=\"row\">Protocol A &amp; B</th>"));
        assert!(page.contains("Gemeente A en Opgroeien regie"));
        assert!(page.contains("<time datetime=\"2026-03-30\">30 maart 2026</time>"));
        assert!(page.contains("href=\"a%20b.pdf\" type=\"application/pdf\">toegankelijke PDF"));
        assert!(page.contains(
            "href=\"a%20b%20ondertekend.pdf\" type=\"application/pdf\">ondertekende PDF"
        ));
        assert!(index(&[]).contains("nog geen protocollen"));
    }
}
