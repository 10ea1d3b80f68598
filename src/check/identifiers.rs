//! Belgian identifiers the check validates: the enterprise number (KBO) and the INSZ
//! (national register number), with their mod-97 check digits.

/// What is wrong with a KBO number, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KboProblem {
    /// Not ten digits (after removing dots, spaces and a `BE` prefix), or a first digit other
    /// than 0 or 1.
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
    let mut digits = String::new();
    for character in without_prefix.chars() {
        match character {
            '0'..='9' => digits.push(character),
            '.' | ' ' | '\u{a0}' => {}
            _ => return None,
        }
    }
    (digits.len() == 10).then_some(digits)
}

/// Checks a KBO number: format first, then the check digits (97 − first 8 mod 97 = last 2).
pub fn check_kbo(text: &str) -> Result<(), KboProblem> {
    let digits = kbo_digits(text).ok_or(KboProblem::Format)?;
    if !digits.starts_with('0') && !digits.starts_with('1') {
        return Err(KboProblem::Format);
    }
    let body: u64 = digits[..8].parse().map_err(|_| KboProblem::Format)?;
    let check: u64 = digits[8..].parse().map_err(|_| KboProblem::Format)?;
    if 97 - body % 97 == check {
        Ok(())
    } else {
        Err(KboProblem::Checksum)
    }
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
