//! Dutch as our documents and messages write it: long-form dates ("13 februari 2025"), a capital
//! at the start of a sentence, lists of names ("A, B en C").

use chrono::{Datelike, NaiveDate};

/// The months in Dutch, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The Dutch long form of a date, e.g. "1 maart 2020" (no leading zero, month in lower case).
pub fn dutch_long(date: NaiveDate) -> String {
    let month = MONTHS
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {} {}", date.day(), month, date.year())
}

/// Parses an ISO date (`2025-02-13`), as the file format and the CLI write them.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The text with its first letter in upper case, for a name at the start of a sentence.
pub fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// A count with its noun: "1 fout", "3 fouten", "0 inzendingen".
pub fn count_of(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A count as a Dutch word, as a text says "de vier private uitbetalingsactoren"; digits
/// from 13 on.
pub fn count_word(count: usize) -> String {
    const WORDS: [&str; 13] = [
        "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
        "elf", "twaalf",
    ];
    WORDS
        .get(count)
        .map(|word| word.to_string())
        .unwrap_or_else(|| count.to_string())
}

/// A quotation that ends a sentence: “text”. — without the full stop when the quoted text
/// already ends in one (or in ?, ! or …), so a comment "… bus 2." does not read “… bus 2.”.
pub fn quoted_sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!', '…']) {
        format!("“{text}”")
    } else {
        format!("“{text}”.")
    }
}

/// Names joined the Dutch way: "A", "A en B", "A, B en C".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [only] => only.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} en {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_quoted_sentence_has_one_full_stop() {
        assert_eq!(
            super::quoted_sentence("Vul het adres aan met bus 2."),
            "“Vul het adres aan met bus 2.”"
        );
        assert_eq!(super::quoted_sentence("Klopt dit?"), "“Klopt dit?”");
        assert_eq!(super::quoted_sentence(" bus 2 "), "“bus 2”.");
    }

    use super::*;

    #[test]
    fn long_form_has_no_leading_zero() {
        let date = NaiveDate::from_ymd_opt(2025, 2, 3).unwrap();
        assert_eq!(dutch_long(date), "3 februari 2025");
    }

    #[test]
    fn every_month_is_named() {
        for month in 1..=12 {
            let date = NaiveDate::from_ymd_opt(2024, month, 28).unwrap();
            assert_eq!(
                dutch_long(date),
                format!("28 {} 2024", MONTHS[month as usize - 1])
            );
        }
    }

    #[test]
    fn iso_parsing_rejects_impossible_dates() {
        assert_eq!(
            parse_iso("2025-02-13"),
            NaiveDate::from_ymd_opt(2025, 2, 13)
        );
        assert_eq!(parse_iso("2025-02-30"), None);
        assert_eq!(parse_iso("13/02/2025"), None);
    }

    #[test]
    fn names_are_joined_the_dutch_way() {
        assert_eq!(join_names::<&str>(&[]), "");
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B"]), "A en B");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B en C");
    }

    #[test]
    fn counts_are_words_up_to_twelve() {
        assert_eq!(count_word(4), "vier");
        assert_eq!(count_word(12), "twaalf");
        assert_eq!(count_word(13), "13");
    }

    #[test]
    fn capitals_at_the_start() {
        assert_eq!(capitalise("het VAPH"), "Het VAPH");
        assert_eq!(capitalise("één"), "Één");
        assert_eq!(capitalise(""), "");
    }
}
