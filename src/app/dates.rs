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

/// The date as the field shows it: "13-02-2025".
pub fn short(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// Reads a typed date: "13-02-2025", "13/2/2025", "13.02.2025" or "2025-02-13".
pub fn parse(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = crate::dutch::parse_iso(text) {
        return Some(date);
    }
    let parts: Vec<&str> = text
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let year: i32 = year.parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)
}

/// A date field: text, a calendar button and a clear button.
pub fn date_picker(ui: &mut Ui, value: &mut Option<NaiveDate>, label_id: Id) -> DateOutput {
    let mut changed = false;
    let buffer_id = ui.scope_id().with("tekst");
    let response = ui
        .horizontal(|ui| {
            let mut text = ui
                .data(|data| data.get_temp::<String>(buffer_id))
                .unwrap_or_else(|| value.map(short).unwrap_or_default());
            let response = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .hint_text("dd-mm-jjjj")
                        .desired_width(110.0),
                )
                .labelled_by(label_id);
            if response.changed() {
                let trimmed = text.trim();
                if trimmed.is_empty() {
                    changed |= value.is_some();
                    *value = None;
                } else if let Some(date) = parse(trimmed) {
                    changed |= *value != Some(date);
                    *value = Some(date);
                }
            }
            if response.has_focus() {
                ui.data_mut(|data| data.insert_temp(buffer_id, text.clone()));
            } else {
                ui.data_mut(|data| data.remove::<String>(buffer_id));
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
                ui.data_mut(|data| data.remove::<String>(buffer_id));
            }
            match *value {
                Some(date) => {
                    ui.label(crate::dutch::dutch_long(date));
                }
                None if !text.trim().is_empty() && parse(&text).is_none() => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        "Geen geldige datum; schrijf dd-mm-jjjj, bv. 13-02-2025.",
                    );
                }
                None => {}
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
        let date = NaiveDate::from_ymd_opt(2025, 2, 13);
        assert_eq!(parse("13-02-2025"), date);
        assert_eq!(parse("13/2/2025"), date);
        assert_eq!(parse("2025-02-13"), date);
        assert_eq!(parse("31-02-2025"), None);
        assert_eq!(parse("13-02"), None);
    }
}
