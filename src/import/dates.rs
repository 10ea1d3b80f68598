//! Dutch dates as signed protocols write them: "13 februari 2025", "1 maart 2019",
//! "13.02.2025", "[13.02.2025]", "13/02/2025", "13-02-2025".

use chrono::NaiveDate;

use crate::dutch::MONTHS;

/// The first date in `text`, in any of the usual forms, with the byte range it takes.
pub fn find_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let words: Vec<(usize, &str)> = word_positions(text);
    for (position, (start, word)) in words.iter().enumerate() {
        if let Some(date) = numeric_date(word) {
            return Some((date, *start..start + word.len()));
        }
        let (Some((_, month)), Some((year_start, year))) =
            (words.get(position + 1), words.get(position + 2))
        else {
            continue;
        };
        let Ok(day) = word.trim_end_matches("ste").parse::<u32>() else {
            continue;
        };
        let Some(month) = MONTHS
            .iter()
            .position(|name| month.eq_ignore_ascii_case(name))
        else {
            continue;
        };
        let Ok(year_number) = year.parse::<i32>() else {
            continue;
        };
        if let Some(date) = NaiveDate::from_ymd_opt(year_number, month as u32 + 1, day) {
            return Some((date, *start..*year_start + year.len()));
        }
    }
    None
}

/// A text that is only a date (a title block's date line, "[13.02.2025]").
pub fn whole_date(text: &str) -> Option<NaiveDate> {
    let trimmed = text.trim().trim_matches(['[', ']', '(', ')', '.', ' ']);
    let (date, range) = find_date(trimmed)?;
    (range.start == 0 && range.end == trimmed.len()).then_some(date)
}

/// Words with their byte offsets; brackets and trailing punctuation are not part of a word.
fn word_positions(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (index, character) in text.char_indices() {
        let part_of_word = character.is_alphanumeric() || matches!(character, '.' | '/' | '-');
        match (part_of_word, start) {
            (true, None) => start = Some(index),
            (false, Some(begin)) => {
                words.push(trim_word(text, begin, index));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        words.push(trim_word(text, begin, text.len()));
    }
    words
}

fn trim_word(text: &str, start: usize, end: usize) -> (usize, &str) {
    let word = &text[start..end];
    let trimmed = word.trim_start_matches(['.', '-', '/']);
    let offset = start + (word.len() - trimmed.len());
    (offset, trimmed.trim_end_matches(['.', '-', '/']))
}

/// "13.02.2025", "13/02/2025", "13-02-2025", "2025-02-13".
fn numeric_date(word: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = word.split(['.', '/', '-']).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    if !parts
        .iter()
        .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let numbers: Vec<u32> = [first, second, third]
        .iter()
        .filter_map(|part| part.parse().ok())
        .collect();
    let [a, b, c] = numbers.as_slice() else {
        return None;
    };
    if first.len() == 4 {
        NaiveDate::from_ymd_opt(*a as i32, *b, *c)
    } else if third.len() == 4 {
        NaiveDate::from_ymd_opt(*c as i32, *b, *a)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    #[test]
    fn every_usual_form_is_read() {
        for text in [
            "13 februari 2025",
            "[13.02.2025]",
            "13.02.2025",
            "13/02/2025",
            "13-02-2025",
            "2025-02-13",
            "op 13 Februari 2025, in",
        ] {
            assert_eq!(
                find_date(text).map(|(d, _)| d),
                Some(date(2025, 2, 13)),
                "{text}"
            );
        }
        assert_eq!(whole_date("[13.02.2025]"), Some(date(2025, 2, 13)));
        assert_eq!(whole_date("13 februari 2025"), Some(date(2025, 2, 13)));
        assert_eq!(whole_date("op 13 februari 2025"), None);
    }

    #[test]
    fn impossible_and_partial_dates_are_not_dates() {
        assert_eq!(find_date("31.02.2025"), None);
        assert_eq!(find_date("31 februari 2025"), None);
        assert_eq!(find_date("artikel 2, 10° e-govdecreet"), None);
        assert_eq!(find_date("0692.793.497"), None);
        let text = "heeft op 12 februari 2025 advies";
        let (found, range) = find_date(text).unwrap_or_default();
        assert_eq!(found, date(2025, 2, 12));
        assert_eq!(&text[range], "12 februari 2025");
    }
}
