//! The processing-register entry (art. 30.1 AVG) of a protocol, for the party that keeps the
//! register (the municipality in the Opgroeien case, else the drafting party): one row whose
//! columns follow art. 30.1 a–g in order, with the protocol's date and publication address, as
//! CSV that Excel and LibreOffice open in a Belgian locale (UTF-8 with BOM, `;` between
//! fields, every field quoted), or as an Excel sheet with the date as a real date. Both are
//! written from the one [`entry`], so they cannot say different things.

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook};

use crate::dutch::dutch_long;
use crate::model::{Party, Protocol};

/// One register entry: (column, value) in register order.
#[derive(Debug, Clone, PartialEq)]
pub struct RegisterEntry {
    /// The columns and their values; the date column holds the date in words ("30 maart
    /// 2026"), as the CSV writes it.
    pub columns: Vec<(&'static str, String)>,
    /// The protocol's date (of signing, else of its title) as a value: the Excel sheet writes
    /// it in the [`DATE_COLUMN`] as a date, not as text.
    pub date: Option<NaiveDate>,
}

/// The column names, in order: art. 30.1 a (controller, DPO), b (purposes), c (data subjects,
/// data), d (recipients), e (transfers), f (retention), g (security), then the legal basis and
/// the protocol itself.
pub const COLUMNS: [&str; 14] = [
    "Naam van de verwerking",
    "Verwerkingsverantwoordelijke",
    "Functionaris voor gegevensbescherming",
    "Doeleinden",
    "Rechtsgrond",
    "Categorieën van betrokkenen",
    "Categorieën van persoonsgegevens",
    "Ontvangers",
    "Doorgifte buiten de EU",
    "Bewaartermijn",
    "Beveiligingsmaatregelen",
    "Gegevens van",
    "Protocol (datum)",
    "Bekendmaking",
];

/// The place in [`COLUMNS`] of the protocol's date.
pub const DATE_COLUMN: usize = 12;

/// The register entry of `protocol` for the party that keeps the register.
pub fn entry(protocol: &Protocol) -> RegisterEntry {
    let party = protocol.drafting_party();
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let join = |items: Vec<String>| {
        items
            .into_iter()
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let purposes = |party: Option<&Party>| {
        party.map_or_else(Vec::new, |party| {
            party
                .processing_purposes
                .iter()
                .map(|purpose| one_line(&purpose.description))
                .collect()
        })
    };
    let bases = |party: Option<&Party>| {
        party.map_or_else(Vec::new, |party| {
            party
                .processing_purposes
                .iter()
                .map(|purpose| one_line(&purpose.legal_basis))
                .collect()
        })
    };
    let controller = party.map_or_else(String::new, |party| {
        join(vec![
            one_line(&party.legal_name),
            one_line(&party.kbo).trim().to_string(),
            one_line(&party.address),
        ])
    });
    let dpo = party.map_or_else(String::new, |party| {
        join(vec![
            one_line(&party.dpo.name),
            one_line(&party.dpo.email),
            one_line(&party.dpo.phone),
        ])
    });
    let recipients = party.map_or_else(String::new, |party| {
        let mut items: Vec<String> = party
            .services_with_access
            .iter()
            .map(|service| one_line(service))
            .collect();
        items.extend(
            party
                .processors
                .iter()
                .map(|processor| format!("verwerker: {}", one_line(&processor.name))),
        );
        join(items)
    });
    let providers: Vec<String> = protocol
        .parties
        .iter()
        .filter(|other| other.roles.provider && party.is_none_or(|party| party.id != other.id))
        .map(|other| one_line(&other.legal_name))
        .collect();
    let retention = join(vec![one_line(&protocol.retention)]);
    let security = join(
        protocol
            .security
            .measures
            .iter()
            .map(|measure| one_line(&measure.text))
            .collect(),
    );
    let data = join(
        protocol
            .data_items
            .iter()
            .map(|item| one_line(&item.description))
            .collect(),
    );
    let date = protocol.signing.date.or(protocol.title.date);
    let title = if protocol.title.short_title.trim().is_empty() {
        one_line(&protocol.title.context)
    } else {
        one_line(&protocol.title.short_title)
    };
    let values = [
        title,
        controller,
        dpo,
        join(purposes(party)),
        join(bases(party)),
        // The model does not name the data subjects as a category; the identifier says whom
        // the data are about ("op basis van het INSZ-nummer van het kind").
        one_line(&protocol.identifier),
        data,
        recipients,
        "Geen doorgifte buiten de Europese Economische Ruimte.".to_string(),
        retention,
        security,
        crate::dutch::join_names(&providers),
        date.map(dutch_long).unwrap_or_default(),
        party.map_or_else(String::new, |party| one_line(&party.publication_url)),
    ];
    RegisterEntry {
        columns: COLUMNS.iter().copied().zip(values).collect(),
        date,
    }
}

/// The entry as CSV: a header row and one data row, UTF-8 with a byte-order mark, `;` between
/// fields (what Excel expects in Belgium), every field in double quotes, CRLF line ends.
pub fn csv(entry: &RegisterEntry) -> Vec<u8> {
    let row = |fields: Vec<&str>| {
        fields
            .into_iter()
            .map(|field| format!("\"{}\"", field.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(";")
    };
    let mut text = String::from("\u{feff}");
    text.push_str(&row(entry.columns.iter().map(|(name, _)| *name).collect()));
    text.push_str("\r\n");
    text.push_str(&row(entry
        .columns
        .iter()
        .map(|(_, value)| value.as_str())
        .collect()));
    text.push_str("\r\n");
    text.into_bytes()
}

/// Why the Excel sheet could not be made (should not happen: it is written in memory).
#[derive(Debug, thiserror::Error)]
#[error("de registerregel kon niet als Excel-bestand gemaakt worden (technische melding: {0}).")]
pub struct SheetError(String);

impl From<rust_xlsxwriter::XlsxError> for SheetError {
    fn from(error: rust_xlsxwriter::XlsxError) -> Self {
        SheetError(error.to_string())
    }
}

/// The name of the sheet.
pub const SHEET_NAME: &str = "Verwerkingsregister";

/// The widest a column gets (in characters); longer texts wrap.
const MAX_WIDTH: usize = 50;

/// The register entry of `protocol` ([`entry`]) as an Excel workbook (.xlsx): one sheet
/// "Verwerkingsregister" with a bold header row of [`COLUMNS`], frozen, with an autofilter,
/// and one data row with wrapped text; the protocol's date is a real date shown as
/// dd/mm/yyyy. Deterministic: the workbook's creation date is the protocol's date (the zip
/// entries' dates are fixed), never the clock.
pub fn xlsx(protocol: &Protocol) -> Result<Vec<u8>, SheetError> {
    let entry = entry(protocol);
    let mut workbook = Workbook::new();
    let created = entry
        .date
        .or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1))
        .unwrap_or_default();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(SHEET_NAME)
            .set_subject(
                entry
                    .columns
                    .first()
                    .map_or("", |(_, value)| value.as_str()),
            )
            .set_author(entry.columns.get(1).map_or("", |(_, value)| value.as_str()))
            .set_creation_datetime(&created),
    );
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left);
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let mut lines = 1;
    for (index, (name, value)) in entry.columns.iter().enumerate() {
        let column = u16::try_from(index).unwrap_or(u16::MAX);
        let width = name
            .chars()
            .count()
            .max(value.chars().count().min(MAX_WIDTH))
            .clamp(12, MAX_WIDTH);
        sheet.set_column_width(column, width as f64 + 2.0)?;
        sheet.write_string_with_format(0, column, *name, &header)?;
        match entry.date {
            Some(day) if index == DATE_COLUMN => {
                sheet.write_date_with_format(1, column, day, &date)?;
            }
            _ => {
                sheet.write_string_with_format(1, column, value, &text)?;
                // A tenth more for what word wrapping leaves at the ends of lines.
                lines = lines.max((value.chars().count() * 11 / 10).div_ceil(width));
            }
        }
    }
    // Excel does not fit a row to wrapped text when it opens a file: the data row is made as
    // tall as its longest text needs (15 points a line, at most Excel's 409).
    sheet.set_row_height(1, (lines as f64 * 15.0).min(409.0))?;
    sheet.set_freeze_panes(1, 0)?;
    let last = u16::try_from(entry.columns.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, 1, last)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_column_is_the_protocols_date() {
        assert_eq!(COLUMNS[DATE_COLUMN], "Protocol (datum)");
    }

    #[test]
    fn fields_are_quoted_and_quotes_doubled() {
        let entry = RegisterEntry {
            columns: vec![
                ("A", "een; twee".to_string()),
                ("B", "zei \"ja\"".to_string()),
            ],
            date: None,
        };
        let text = String::from_utf8(csv(&entry)).unwrap_or_default();
        assert_eq!(
            text,
            "\u{feff}\"A\";\"B\"\r\n\"een; twee\";\"zei \"\"ja\"\"\"\r\n"
        );
    }
}
