//! Numbers as people type them and as pure exports write them.
//!
//! German users type `1.234,56`, English users `1,234.56`; both must be understood in
//! forms. Pure exports (CSV, Markdown) format through this module rather than ad-hoc
//! `format!` calls, so the conventions of DESIGN.md section 4 hold in one place.

use super::Language;

/// Why typed text is not a number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberParseError {
    #[error("empty")]
    Empty,
    #[error("not a number")]
    NotANumber,
}

/// Reads a decimal number typed in `language`'s convention, tolerating the other
/// convention where it is unambiguous, a currency sign, spaces and a leading sign.
///
/// In German `1.234,56` and `1234,56` are read as 1234.56, and `1.234` as 1234
/// (a dot before exactly three digits groups thousands). In English `1,234.56` and
/// `1234.56` are read as 1234.56.
pub fn parse_localized_decimal(text: &str, language: Language) -> Result<f64, NumberParseError> {
    let cleaned: String = text
        .chars()
        .filter(|character| {
            !character.is_whitespace()
                && !matches!(character, '€' | '$' | '£' | '\u{a0}' | '\u{202f}' | '\'')
        })
        .collect();
    if cleaned.is_empty() {
        return Err(NumberParseError::Empty);
    }
    let (decimal_separator, group_separator) = match language {
        Language::German => (',', '.'),
        Language::English => ('.', ','),
    };
    let has_decimal_separator = cleaned.contains(decimal_separator);
    let normalized: String = if has_decimal_separator {
        cleaned
            .chars()
            .filter(|character| *character != group_separator)
            .map(|character| {
                if character == decimal_separator {
                    '.'
                } else {
                    character
                }
            })
            .collect()
    } else if cleaned.contains(group_separator) {
        // Only the group separator appears. "1.234" in German is one thousand two
        // hundred thirty-four, but "2.5" typed by someone used to English is two and
        // a half: a separator followed by exactly three digits in every group is
        // grouping, anything else is taken as a decimal point.
        let groups: Vec<&str> = cleaned.split(group_separator).collect();
        let is_grouping = groups.len() > 1 && groups.iter().skip(1).all(|group| group.len() == 3);
        if is_grouping {
            groups.concat()
        } else if groups.len() == 2 {
            groups.join(".")
        } else {
            return Err(NumberParseError::NotANumber);
        }
    } else {
        cleaned
    };
    let valid_characters = normalized.chars().enumerate().all(|(index, character)| {
        character.is_ascii_digit()
            || character == '.'
            || (index == 0 && (character == '-' || character == '+'))
    });
    if !valid_characters || normalized.matches('.').count() > 1 {
        return Err(NumberParseError::NotANumber);
    }
    let value =
        crate::float_text::parse_decimal(&normalized).ok_or(NumberParseError::NotANumber)?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(NumberParseError::NotANumber)
    }
}

/// Reads an amount of money typed in `language`'s convention as whole cents.
pub fn parse_localized_money_cents(
    text: &str,
    language: Language,
) -> Result<i64, NumberParseError> {
    let value = parse_localized_decimal(text, language)?;
    let cents = (value * 100.0).round();
    if cents.abs() > 9.0e15 {
        return Err(NumberParseError::NotANumber);
    }
    Ok(cents as i64)
}

/// Writes a number for a spreadsheet cell: no grouping, no currency sign, the
/// language's decimal separator, so the cell stays numeric in Excel.
pub fn format_plain_decimal(value: f64, fraction_digits: usize, language: Language) -> String {
    let text =
        crate::float_text::fixed_decimal(value, u8::try_from(fraction_digits).unwrap_or(u8::MAX));
    match language {
        Language::German => text.replace('.', ","),
        Language::English => text,
    }
}

/// A date as `YYYY-MM-DD`, as file names use it. Written by hand because chrono's
/// format strings bring a formatting engine into the bundle for this one use.
pub fn iso_date_text(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_entries_are_understood() {
        let german = Language::German;
        assert_eq!(parse_localized_decimal("1.234,56", german), Ok(1234.56));
        assert_eq!(parse_localized_decimal("1234,56", german), Ok(1234.56));
        assert_eq!(parse_localized_decimal("1.234", german), Ok(1234.0));
        assert_eq!(
            parse_localized_decimal("1.234.567,5", german),
            Ok(1234567.5)
        );
        assert_eq!(parse_localized_decimal("2.5", german), Ok(2.5));
        assert_eq!(parse_localized_decimal(" 12 € ", german), Ok(12.0));
        assert_eq!(parse_localized_decimal("-3,5", german), Ok(-3.5));
    }

    #[test]
    fn english_entries_are_understood() {
        let english = Language::English;
        assert_eq!(parse_localized_decimal("1,234.56", english), Ok(1234.56));
        assert_eq!(parse_localized_decimal("1234.56", english), Ok(1234.56));
        assert_eq!(parse_localized_decimal("1,234", english), Ok(1234.0));
    }

    #[test]
    fn nonsense_is_refused() {
        for text in [
            "",
            "  ",
            "abc",
            "1,2,3",
            "1.2.3,4,5",
            "--1",
            "1e5",
            "NaN",
            "inf",
            "1-2",
        ] {
            assert!(
                parse_localized_decimal(text, Language::German).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn money_is_read_in_cents() {
        assert_eq!(
            parse_localized_money_cents("1.234,56 €", Language::German),
            Ok(123_456)
        );
        assert_eq!(parse_localized_money_cents("0,1", Language::German), Ok(10));
        assert!(parse_localized_money_cents("99999999999999999999", Language::German).is_err());
    }

    #[test]
    fn plain_decimals_follow_the_language() {
        assert_eq!(format_plain_decimal(1234.5, 2, Language::German), "1234,50");
        assert_eq!(
            format_plain_decimal(1234.5, 2, Language::English),
            "1234.50"
        );
    }

    #[test]
    fn iso_dates_are_zero_padded() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(iso_date_text(date), "2026-03-07");
    }
}
