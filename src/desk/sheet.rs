//! The Inzendingen overview as an Excel sheet: one row per submission with the desk's
//! columns, dates as real dates (so Excel and LibreOffice sort and filter them as dates), a
//! frozen header row with an autofilter, and an unreadable file's error in the last column.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use super::{Submission, sort};

/// The sheet's column headings, in order.
pub const HEADINGS: [&str; 12] = [
    "Gemeente",
    "Titel",
    "Status",
    "Fouten",
    "Waarschuwingen",
    "DPO-advies",
    "Goedkeuring",
    "Collegebesluit",
    "Laatste wijziging",
    "Door",
    "Bestand",
    "Melding",
];

/// Column widths in characters, by heading.
const WIDTHS: [f64; 12] = [
    28.0, 40.0, 22.0, 8.0, 15.0, 48.0, 30.0, 15.0, 18.0, 22.0, 36.0, 48.0,
];

/// The `.xlsx` bytes of the overview of `rows`, sorted by file name.
pub fn xlsx(rows: &[Submission]) -> Result<Vec<u8>, String> {
    build(rows).map_err(|error| format!("het Excel-bestand kon niet gemaakt worden: {error}"))
}

fn build(rows: &[Submission]) -> Result<Vec<u8>, XlsxError> {
    let mut ordered: Vec<&Submission> = rows.iter().collect();
    sort(&mut ordered, super::Column::File, false);

    let heading = Format::new().set_bold().set_text_wrap();
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top);
    let moment = Format::new()
        .set_num_format("dd/mm/yyyy hh:mm")
        .set_align(FormatAlign::Top);

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Inzendingen")?;
    for (column, (title, width)) in HEADINGS.iter().zip(WIDTHS).enumerate() {
        let column = column as u16;
        sheet.write_string_with_format(0, column, *title, &heading)?;
        sheet.set_column_width(column, width)?;
    }
    for (index, row) in ordered.iter().enumerate() {
        let line = index as u32 + 1;
        sheet.write_string_with_format(line, 10, &row.name, &text)?;
        let summary = match &row.content {
            Ok(summary) => summary,
            Err(message) => {
                sheet.write_string_with_format(line, 11, message, &text)?;
                continue;
            }
        };
        sheet.write_string_with_format(line, 0, &summary.municipality, &text)?;
        sheet.write_string_with_format(line, 1, &summary.title, &text)?;
        sheet.write_string_with_format(line, 2, summary.status.label(), &text)?;
        sheet.write_number_with_format(line, 3, summary.errors as f64, &number)?;
        sheet.write_number_with_format(line, 4, summary.warnings as f64, &number)?;
        sheet.write_string_with_format(line, 5, summary.advice_lines().join("\n"), &text)?;
        sheet.write_string_with_format(line, 6, summary.approval.label(), &text)?;
        if let Some(decided) = summary.college_decision {
            sheet.write_datetime_with_format(line, 7, decided, &date)?;
        }
        if let Some(when) = row.last_change_time() {
            sheet.write_datetime_with_format(line, 8, when, &moment)?;
        }
        let who = summary
            .last_change
            .as_ref()
            .map_or("", |change| change.who.as_str());
        sheet.write_string_with_format(line, 9, who, &text)?;
        if let Some(inner) = &summary.in_package {
            sheet.write_string_with_format(line, 11, format!("uit het pakket: {inner}"), &text)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, ordered.len() as u32, HEADINGS.len() as u16 - 1)?;
    workbook.save_to_buffer()
}
