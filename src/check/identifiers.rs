//! Belgian identifiers the check validates: the enterprise number (KBO), the establishment
//! unit number (vestigingsnummer) and the INSZ (national register number), with their mod-97
//! check digits.

/// What is wrong with a KBO number or an establishment unit number, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KboProblem {
    /// Not ten digits (after removing dots, spaces and, for a KBO number, a `BE` prefix), or a
    /// first digit outside the range (0–1 for a KBO number, 2–8 for an establishment number).
    Format,
    /// Ten digits, but the check digits do not match.
    Checksum,
}

/// The ten digits of a KBO number written as `0886.886.638`, `0886 886 638` or `BE0886886638`.
/// `None` when it is not ten digits with only dots and spaces between.
pub fn kbo_digits(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let without_prefix = trimmed
        .strip_prefix("BE")
        .or_else(|| trimmed.strip_prefix("be"))
        .or_else(|| trimmed.strip_prefix("Be"))
        .unwrap_or(trimmed)
        .trim_start();
    ten_digits(without_prefix)
}

/// The ten digits of a number written with dots and spaces between them; `None` otherwise.
fn ten_digits(text: &str) -> Option<String> {
    let mut digits = String::new();
    for character in text.trim().chars() {
        match character {
            '0'..='9' => digits.push(character),
            '.' | ' ' | '\u{a0}' => {}
            _ => return None,
        }
    }
    (digits.len() == 10).then_some(digits)
}

/// The ten digits of an establishment unit number written as `2.146.484.492` or
/// `2146484492`. `None` when it is not ten digits with only dots and spaces between.
pub fn establishment_digits(text: &str) -> Option<String> {
    ten_digits(text)
}

/// The check digits that belong to the first eight of ten digits: 97 − (first 8 mod 97), so
/// from 1 to 97. `None` when `digits` is not ten ASCII digits.
pub fn expected_check_digits(digits: &str) -> Option<u64> {
    if digits.len() != 10 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let body: u64 = digits[..8].parse().ok()?;
    Some(97 - body % 97)
}

/// The mod-97 check shared by KBO and establishment unit numbers.
fn check_digits_match(digits: &str) -> Result<(), KboProblem> {
    let expected = expected_check_digits(digits).ok_or(KboProblem::Format)?;
    let check: u64 = digits[8..].parse().map_err(|_| KboProblem::Format)?;
    if expected == check {
        Ok(())
    } else {
        Err(KboProblem::Checksum)
    }
}

/// Checks a KBO number: format first, then the check digits (97 − first 8 mod 97 = last 2).
pub fn check_kbo(text: &str) -> Result<(), KboProblem> {
    let digits = kbo_digits(text).ok_or(KboProblem::Format)?;
    if !digits.starts_with('0') && !digits.starts_with('1') {
        return Err(KboProblem::Format);
    }
    check_digits_match(&digits)
}

/// Checks an establishment unit number: ten digits, the first from 2 to 8 (KBO numbers start
/// with 0 or 1), then the same check digits as a KBO number (97 − first 8 mod 97 = last 2).
pub fn check_establishment_number(text: &str) -> Result<(), KboProblem> {
    let digits = establishment_digits(text).ok_or(KboProblem::Format)?;
    if !matches!(digits.as_bytes().first(), Some(b'2'..=b'8')) {
        return Err(KboProblem::Format);
    }
    check_digits_match(&digits)
}

/// Writes a valid KBO number the usual way: `0886.886.638`.
pub fn format_kbo(text: &str) -> Option<String> {
    let digits = kbo_digits(text)?;
    Some(format!(
        "{}.{}.{}",
        &digits[..4],
        &digits[4..7],
        &digits[7..]
    ))
}

/// Whether eleven digits form a valid INSZ: `cc = 97 − (first 9 mod 97)`, or for people born
/// from 2000 on, `97 − ((2 000 000 000 + first 9) mod 97)`.
pub fn is_valid_insz(digits: &str) -> bool {
    if digits.len() != 11 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return false;
    }
    let (Ok(body), Ok(check)) = (digits[..9].parse::<u64>(), digits[9..].parse::<u64>()) else {
        return false;
    };
    97 - body % 97 == check || 97 - (2_000_000_000 + body) % 97 == check
}

/// Every run of text that looks like an INSZ and passes its check: eleven digits, written
/// together or as `YY.MM.DD-XXX.CC` / `YYMMDD XXX CC` and similar. Returns byte ranges.
pub fn find_insz(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        if !bytes[start].is_ascii_digit() || (start > 0 && bytes[start - 1].is_ascii_digit()) {
            start += 1;
            continue;
        }
        // Collect up to 11 digits, allowing single separators between them. A fixed buffer:
        // the check runs over every text field on every edit, so this loop allocates nothing.
        let mut digits = [0_u8; 11];
        let mut count = 0;
        let mut end = start;
        let mut index = start;
        while index < bytes.len() && count < digits.len() {
            let byte = bytes[index];
            if byte.is_ascii_digit() {
                digits[count] = byte;
                count += 1;
                index += 1;
                end = index;
            } else if matches!(byte, b'.' | b'-' | b' ' | b'/')
                && index + 1 < bytes.len()
                && bytes[index + 1].is_ascii_digit()
                && count > 0
            {
                index += 1;
            } else {
                break;
            }
        }
        let followed_by_digit = end < bytes.len() && bytes[end].is_ascii_digit();
        if count == digits.len()
            && !followed_by_digit
            && std::str::from_utf8(&digits).is_ok_and(is_valid_insz)
        {
            found.push(start..end);
            start = end;
        } else {
            start += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_kbo_numbers_are_valid() {
        // Opgroeien regie and VUTG, from a signed protocol (reference/002).
        assert_eq!(check_kbo("0886.886.638"), Ok(()));
        // 6927934 mod 97 = 0, so the check digits are 97.
        assert_eq!(check_kbo("0692.793.497"), Ok(()));
        assert_eq!(check_kbo("BE 0692 793 497"), Ok(()));
        assert_eq!(check_kbo("be0886886638"), Ok(()));
    }

    #[test]
    fn typos_in_kbo_numbers_are_caught() {
        assert_eq!(check_kbo("0886.886.639"), Err(KboProblem::Checksum));
        assert_eq!(check_kbo("0886.868.638"), Err(KboProblem::Checksum));
        assert_eq!(check_kbo("0886.886.63"), Err(KboProblem::Format));
        assert_eq!(check_kbo("2886.886.638"), Err(KboProblem::Format));
        assert_eq!(check_kbo("0886-886-638"), Err(KboProblem::Format));
        assert_eq!(check_kbo(""), Err(KboProblem::Format));
    }

    #[test]
    fn establishment_numbers_have_the_kbo_check_digits_and_start_with_2_to_8() {
        // 21464844 mod 97 = 5, so the check digits are 92.
        assert_eq!(check_establishment_number("2.146.484.492"), Ok(()));
        assert_eq!(check_establishment_number("2146484492"), Ok(()));
        assert_eq!(check_establishment_number(" 2 146 484 492 "), Ok(()));
        assert_eq!(
            check_establishment_number("2.146.484.429"),
            Err(KboProblem::Checksum)
        );
        // A KBO number is not an establishment number, however valid.
        assert_eq!(
            check_establishment_number("0886.886.638"),
            Err(KboProblem::Format)
        );
        assert_eq!(
            check_establishment_number("9.146.484.492"),
            Err(KboProblem::Format)
        );
        assert_eq!(
            check_establishment_number("2.146.484.49"),
            Err(KboProblem::Format)
        );
        assert_eq!(
            check_establishment_number("BE2146484492"),
            Err(KboProblem::Format)
        );
    }

    #[test]
    fn expected_check_digits_run_from_1_to_97() {
        assert_eq!(expected_check_digits("0692793479"), Some(97));
        assert_eq!(expected_check_digits("0886886600"), Some(38));
        assert_eq!(expected_check_digits("08868866"), None);
    }

    #[test]
    fn kbo_is_formatted_with_dots() {
        assert_eq!(format_kbo("BE0886886638").as_deref(), Some("0886.886.638"));
        assert_eq!(format_kbo("886886638"), None);
    }

    #[test]
    fn insz_checks_both_centuries() {
        // Born 1985: 97 - (850101123 mod 97).
        let body_1900 = 850_101_123_u64;
        let check_1900 = 97 - body_1900 % 97;
        assert!(is_valid_insz(&format!("{body_1900}{check_1900:02}")));
        // Born 2010: 97 - ((2000000000 + 100101123) mod 97).
        let body_2000 = 100_101_123_u64;
        let check_2000 = 97 - (2_000_000_000 + body_2000) % 97;
        assert!(is_valid_insz(&format!("{body_2000:09}{check_2000:02}")));
        assert!(!is_valid_insz("12345678901"));
    }

    #[test]
    fn insz_is_found_in_running_text_in_several_notations() {
        let body = 850_101_123_u64;
        let check = 97 - body % 97;
        let plain = format!("{body}{check:02}");
        let dotted = format!("85.01.01-123.{check:02}");
        let text = format!("zoals {plain} of {dotted}, maar niet 0886.886.638");
        let found = find_insz(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].clone()], plain);
        assert_eq!(&text[found[1].clone()], dotted);
        assert!(find_insz("telefoon 0471 23 45 67").is_empty());
    }
}
