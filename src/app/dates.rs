//! A date field in Dutch: type the date (dd-mm-jjjj) or pick it in a small calendar, and
//! clear it with one click. (egui_extras' date picker has English labels and buttons, and
//! everything on screen here is Dutch, so the app has its own.)

use chrono::{Datelike, Duration, NaiveDate};
use egui::{Id, Popup, PopupCloseBehavior, TextEdit, Ui};

const WEEKDAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];

/// What the date field did this frame.
pub struct DateOutput {
    /// The text field (for focus and scrolling).
    pub response: egui::Response,
    /// Whether the date changed.
    pub changed: bool,
}

/// How long after the last keystroke a date that does not read is explained (seconds): not
/// from the first keystroke, when every date is still incomplete.
pub const EXPLAIN_AFTER: f64 = 1.0;

/// The date as the field shows it: "13-02-2025".
pub fn short(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// Why a typed text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in the form dd-mm-jjjj (also incomplete, or a year of fewer than four digits).
    Form,
    /// A month that does not exist (0 or above 12).
    NoSuchMonth { month: u32 },
    /// A day that the month does not have ("31-02-2025").
    NoSuchDay { day: u32, month: u32, year: i32 },
}

impl DateError {
    /// What is wrong, in Dutch, as shown beside the field.
    pub fn message(self) -> String {
        match self {
            DateError::Form => "Schrijf de datum als dd-mm-jjjj, bv. 13-02-2025.".to_string(),
            DateError::NoSuchMonth { month } => {
                format!("Maand {month} bestaat niet; schrijf de datum als dd-mm-jjjj.")
            }
            DateError::NoSuchDay { day, month, year } => {
                let name = crate::dutch::MONTHS
                    .get(month as usize - 1)
                    .copied()
                    .unwrap_or_default();
                format!("{day} {name} {year} bestaat niet.")
            }
        }
    }
}

/// Reads a typed date. Only the whole text counts: day, month and a four-digit year, separated
/// by "-", "." or "/" ("13-02-2025", "1-3-2025", "13.02.2025", "13/2/2025"), or the ISO form
/// of the file ("2025-02-13"). An incomplete text ("31-02-20") or a short year is not a date,
/// whatever a lenient parser would make of it (20 February 31).
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['-', '.', '/']).collect();
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    let (day, month, year) = match parts.as_slice() {
        [day, month, year] if digits(day, 1..=2) && digits(month, 1..=2) && digits(year, 4..=4) => {
            (day, month, year)
        }
        // The file's own form, as it may be pasted: 2025-02-13.
        [year, month, day]
            if text.contains('-')
                && digits(year, 4..=4)
                && digits(month, 1..=2)
                && digits(day, 1..=2) =>
        {
            (day, month, year)
        }
        _ => return Err(DateError::Form),
    };
    // Digits only, at most four: these cannot fail.
    let (day, month, year) = (
        day.parse::<u32>().map_err(|_| DateError::Form)?,
        month.parse::<u32>().map_err(|_| DateError::Form)?,
        year.parse::<i32>().map_err(|_| DateError::Form)?,
    );
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth { month });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay { day, month, year })
}

/// What the field holds while it differs from the stored date: the text typed, the date it
/// was typed over (a change from elsewhere, such as undo, discards it), and when it was last
/// edited.
#[derive(Clone)]
struct Typed {
    text: String,
    over: Option<NaiveDate>,
    edited_at: f64,
}

/// A date field: text, a calendar button and a clear button.
///
/// The date is taken only when the whole text is a date (or empty: no date); until then the
/// stored date stays. A text that is not a date is explained beside the field once the user
/// pauses ([`EXPLAIN_AFTER`]) or leaves the field, and stays in the field to be corrected.
pub fn date_picker(ui: &mut Ui, value: &mut Option<NaiveDate>, label_id: Id) -> DateOutput {
    let mut changed = false;
    let buffer_id = ui.scope_id().with("tekst");
    let now = ui.input(|input| input.time);
    let response = ui
        .horizontal(|ui| {
            let typed = ui
                .data(|data| data.get_temp::<Typed>(buffer_id))
                .filter(|typed| typed.over == *value);
            let mut text = typed
                .as_ref()
                .map_or_else(|| value.map(short).unwrap_or_default(), |t| t.text.clone());
            let mut edited_at = typed.as_ref().map_or(now, |typed| typed.edited_at);
            let response = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .hint_text("dd-mm-jjjj")
                        .desired_width(110.0),
                )
                .labelled_by(label_id);
            if response.changed() {
                edited_at = now;
                let trimmed = text.trim();
                if trimmed.is_empty() {
                    changed |= value.is_some();
                    *value = None;
                } else if let Ok(date) = parse(trimmed) {
                    changed |= *value != Some(date);
                    *value = Some(date);
                }
            }
            let problem = match text.trim() {
                "" => None,
                trimmed => parse(trimmed).err(),
            };
            // Keep the text while typing, and afterwards as long as it is not a date, so the
            // user sees what they typed beside the explanation.
            if response.has_focus() || problem.is_some() {
                let typed = Typed {
                    text: text.clone(),
                    over: *value,
                    edited_at,
                };
                ui.data_mut(|data| data.insert_temp(buffer_id, typed));
            } else {
                ui.data_mut(|data| data.remove::<Typed>(buffer_id));
            }
            let paused = now - edited_at >= EXPLAIN_AFTER;
            if problem.is_some() && response.has_focus() && !paused {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(
                        EXPLAIN_AFTER - (now - edited_at),
                    ));
            }

            let button = ui
                .button("📅")
                .on_hover_text("Kies de datum in een kalender.");
            let _ = ui.ctx().accesskit_node_builder(button.id, |node| {
                node.set_label("Kalender openen");
            });
            Popup::from_toggle_button_response(&button)
                .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
                .show(|ui| {
                    if calendar(ui, value) {
                        changed = true;
                        ui.data_mut(|data| data.remove::<Typed>(buffer_id));
                        Popup::close_all(ui.ctx());
                    }
                });
            if value.is_some()
                && ui
                    .button("Wissen")
                    .on_hover_text("Maak de datum leeg.")
                    .clicked()
            {
                *value = None;
                changed = true;
                ui.data_mut(|data| data.remove::<Typed>(buffer_id));
            }
            match (problem, *value) {
                (Some(problem), _) if paused || !response.has_focus() => {
                    let kept = match *value {
                        Some(date) => {
                            format!(" De datum blijft {}.", crate::dutch::dutch_long(date))
                        }
                        None => " Het veld blijft leeg.".to_string(),
                    };
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("{}{kept}", problem.message()),
                    );
                }
                // Still typing: no verdict yet, and no date beside a text that is not it.
                (Some(_), _) => {}
                (None, Some(date)) => {
                    ui.label(crate::dutch::dutch_long(date));
                }
                (None, None) => {}
            }
            response
        })
        .inner;
    DateOutput { response, changed }
}

/// A month calendar; returns true when a day was picked.
fn calendar(ui: &mut Ui, value: &mut Option<NaiveDate>) -> bool {
    let today = chrono::Local::now().date_naive();
    let month_id = ui.scope_id().with("maand");
    let shown = ui
        .data(|data| data.get_temp::<NaiveDate>(month_id))
        .or(*value)
        .unwrap_or(today);
    let first = NaiveDate::from_ymd_opt(shown.year(), shown.month(), 1).unwrap_or(today);
    let mut picked = false;
    let mut new_month = None;
    ui.horizontal(|ui| {
        if ui.button("◀").on_hover_text("Vorige maand").clicked() {
            new_month = first.pred_opt().map(|d| d.with_day(1).unwrap_or(d));
        }
        ui.label(format!(
            "{} {}",
            crate::dutch::MONTHS
                .get(first.month0() as usize)
                .copied()
                .unwrap_or_default(),
            first.year()
        ));
        if ui.button("▶").on_hover_text("Volgende maand").clicked() {
            new_month = Some(first + Duration::days(32)).map(|d| d.with_day(1).unwrap_or(d));
        }
        if ui.button("Vandaag").clicked() {
            *value = Some(today);
            picked = true;
        }
    });
    egui::Grid::new("kalender").show(ui, |ui| {
        for name in WEEKDAYS {
            ui.label(name);
        }
        ui.end_row();
        let offset = first.weekday().num_days_from_monday() as i64;
        let mut day = first - Duration::days(offset);
        for _week in 0..6 {
            for _ in 0..7 {
                let in_month = day.month() == first.month();
                let text = if in_month {
                    egui::RichText::new(day.day().to_string())
                } else {
                    egui::RichText::new(day.day().to_string()).weak()
                };
                let response = ui
                    .selectable_label(*value == Some(day), text)
                    .on_hover_text(crate::dutch::dutch_long(day));
                if response.clicked() {
                    *value = Some(day);
                    picked = true;
                }
                day += Duration::days(1);
            }
            ui.end_row();
        }
    });
    if let Some(month) = new_month {
        ui.data_mut(|data| data.insert_temp(month_id, month));
    }
    if picked {
        ui.data_mut(|data| data.remove::<NaiveDate>(month_id));
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_in_dutch_and_iso_order() {
        let date = NaiveDate::from_ymd_opt(2025, 2, 13).unwrap();
        assert_eq!(parse("13-02-2025"), Ok(date));
        assert_eq!(parse("13/2/2025"), Ok(date));
        assert_eq!(parse("13.02.2025"), Ok(date));
        assert_eq!(parse(" 13-02-2025 "), Ok(date));
        assert_eq!(parse("2025-02-13"), Ok(date));
        assert_eq!(parse("13-02"), Err(DateError::Form));
    }

    // Regression: "31-02-20", typed on the way to "31-02-2025", was read as 20 February 31
    // (the ISO reader takes any number of year digits), stored, and printed.
    #[test]
    fn only_a_whole_date_with_a_four_digit_year_is_a_date() {
        assert_eq!(parse("31-02-20"), Err(DateError::Form));
        assert_eq!(parse("01-03-25"), Err(DateError::Form));
        assert_eq!(parse("1-3-202"), Err(DateError::Form));
        assert_eq!(parse("31-02-2"), Err(DateError::Form));
        assert_eq!(parse("20-02-31"), Err(DateError::Form));
        assert_eq!(parse("31-2-2025-"), Err(DateError::Form));
        assert_eq!(parse("+1-3-2025"), Err(DateError::Form));
        assert_eq!(parse("1 3 2025"), Err(DateError::Form));
        assert_eq!(
            parse("1-3-2025"),
            NaiveDate::from_ymd_opt(2025, 3, 1).ok_or(DateError::Form)
        );
        assert_eq!(
            parse("31-02-2025"),
            Err(DateError::NoSuchDay {
                day: 31,
                month: 2,
                year: 2025
            })
        );
        assert_eq!(
            parse("12-13-2025"),
            Err(DateError::NoSuchMonth { month: 13 })
        );
        assert_eq!(
            parse("0-1-2025").map_err(DateError::message),
            Err("0 januari 2025 bestaat niet.".to_string())
        );
    }

    #[test]
    fn the_reasons_are_dutch() {
        assert_eq!(
            parse("31-02-2025").unwrap_err().message(),
            "31 februari 2025 bestaat niet."
        );
        assert!(
            parse("31-02-20")
                .unwrap_err()
                .message()
                .starts_with("Schrijf de datum als dd-mm-jjjj")
        );
    }
}
