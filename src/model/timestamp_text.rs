//! Timestamps and calendar dates as text, read and written by hand.
//!
//! chrono's own serde support goes through its general format parser, which handles
//! every strftime item and costs about 16 KB of WebAssembly, while bitalign only ever
//! stores two shapes: RFC 3339 timestamps in UTC and `YYYY-MM-DD` dates. This module
//! reads exactly the grammar chrono's `FromStr` for `DateTime<FixedOffset>` and
//! `NaiveDate` accepts (so every file that loaded before still loads, with the same
//! value), and writes exactly what chrono's `Serialize` wrote (so exported files stay
//! byte-identical): `2026-11-01T09:00:00Z`, with a fraction of 3, 6 or 9 digits only
//! when the time has one, and `2026-11-01`.
//!
//! The types here are used as `#[serde(with = "...")]` paths on the stored fields.
//! They are types rather than modules so that on native builds they also implement
//! `schemars::JsonSchema` by delegating to the chrono type, which keeps the generated
//! JSON Schema (`format: date-time` and `format: date`) unchanged.

use std::fmt;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};
use serde::de::{Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serializer};

use super::types::{CalendarDate, Timestamp};

/// The `serde(with)` path of a [`Timestamp`] field.
pub struct TimestampText;

/// The `serde(with)` path of an `Option<Timestamp>` field.
pub struct OptionalTimestampText;

/// The `serde(with)` path of a [`CalendarDate`] field.
pub struct DateText;

/// The `serde(with)` path of an `Option<CalendarDate>` field.
pub struct OptionalDateText;

/// What a timestamp text is expected to be; the wording chrono's visitor used.
const TIMESTAMP_EXPECTED: &str = "an RFC 3339 formatted date and time string";

/// What a date text is expected to be.
const DATE_EXPECTED: &str = "a formatted date string";

impl TimestampText {
    pub fn serialize<S: Serializer>(
        timestamp: &Timestamp,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_timestamp(timestamp))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        deserializer.deserialize_str(TextVisitor {
            expected: TIMESTAMP_EXPECTED,
            parse: parse_timestamp,
        })
    }
}

impl OptionalTimestampText {
    pub fn serialize<S: Serializer>(
        timestamp: &Option<Timestamp>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match timestamp {
            Some(timestamp) => TimestampText::serialize(timestamp, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        /// A timestamp read through [`TimestampText`], for `Option`'s own handling of null.
        struct Wrapped(Timestamp);
        impl<'de> Deserialize<'de> for Wrapped {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Wrapped, D::Error> {
                TimestampText::deserialize(deserializer).map(Wrapped)
            }
        }
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(timestamp)| timestamp))
    }
}

impl DateText {
    pub fn serialize<S: Serializer>(date: &CalendarDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<CalendarDate, D::Error> {
        deserializer.deserialize_str(TextVisitor {
            expected: DATE_EXPECTED,
            parse: parse_date,
        })
    }
}

impl OptionalDateText {
    pub fn serialize<S: Serializer>(
        date: &Option<CalendarDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => DateText::serialize(date, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<CalendarDate>, D::Error> {
        /// A date read through [`DateText`], for `Option`'s own handling of null.
        struct Wrapped(CalendarDate);
        impl<'de> Deserialize<'de> for Wrapped {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Wrapped, D::Error> {
                DateText::deserialize(deserializer).map(Wrapped)
            }
        }
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(date)| date))
    }
}

/// Reads a string with a plain parse function. One visitor for both value types, so
/// that serde's visitor machinery exists once per value type only as a function
/// pointer, not as a second copy of the code.
struct TextVisitor<Value> {
    expected: &'static str,
    parse: fn(&str) -> Option<Value>,
}

impl<Value> Visitor<'_> for TextVisitor<Value> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(self.expected)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Value, E> {
        (self.parse)(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod json_schemas {
    //! The schemas of the text types are those of the chrono types they stand for.

    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator};

    use super::*;

    macro_rules! schema_as {
        ($text_type:ty, $value_type:ty) => {
            impl JsonSchema for $text_type {
                fn inline_schema() -> bool {
                    <$value_type>::inline_schema()
                }

                fn schema_name() -> Cow<'static, str> {
                    <$value_type>::schema_name()
                }

                fn schema_id() -> Cow<'static, str> {
                    <$value_type>::schema_id()
                }

                fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                    <$value_type>::json_schema(generator)
                }
            }
        };
    }

    schema_as!(TimestampText, Timestamp);
    schema_as!(OptionalTimestampText, Option<Timestamp>);
    schema_as!(DateText, CalendarDate);
    schema_as!(OptionalDateText, Option<CalendarDate>);
}

// ---------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------

/// Writes `timestamp` as chrono's `to_rfc3339_opts(SecondsFormat::AutoSi, true)` does:
/// a fraction only when there is one, in 3, 6 or 9 digits, a leap second as `:60`,
/// and `Z` for UTC.
pub fn format_timestamp(timestamp: &Timestamp) -> String {
    let naive = timestamp.naive_utc();
    let mut text = format_date(naive.date());
    text.push('T');
    let time = naive.time();
    let mut second = time.second();
    let mut nanosecond = time.nanosecond();
    // chrono keeps a leap second as a nanosecond count of one second or more.
    if nanosecond >= 1_000_000_000 {
        second += 1;
        nanosecond -= 1_000_000_000;
    }
    push_two_digits(&mut text, time.hour());
    text.push(':');
    push_two_digits(&mut text, time.minute());
    text.push(':');
    push_two_digits(&mut text, second);
    let (fraction, digits) = if nanosecond == 0 {
        (0, 0)
    } else if nanosecond % 1_000_000 == 0 {
        (nanosecond / 1_000_000, 3)
    } else if nanosecond % 1_000 == 0 {
        (nanosecond / 1_000, 6)
    } else {
        (nanosecond, 9)
    };
    if digits > 0 {
        text.push('.');
        let fraction_text = fraction.to_string();
        for _ in fraction_text.len()..digits {
            text.push('0');
        }
        text.push_str(&fraction_text);
    }
    text.push('Z');
    text
}

/// Writes `date` as `YYYY-MM-DD`, as chrono does; a year outside 0 to 9999 gets an
/// explicit sign and at least four digits (`+10000`, `-0001`).
pub fn format_date(date: NaiveDate) -> String {
    let year = date.year();
    let mut text = if (0..=9999).contains(&year) {
        let digits = year.to_string();
        let mut text = "0".repeat(4 - digits.len());
        text.push_str(&digits);
        text
    } else {
        format!("{year:+05}")
    };
    text.push('-');
    push_two_digits(&mut text, date.month());
    text.push('-');
    push_two_digits(&mut text, date.day());
    text
}

/// Appends a number below 100 with two digits.
fn push_two_digits(text: &mut String, number: u32) {
    for digit in [number / 10 % 10, number % 10] {
        text.push(char::from_digit(digit, 10).unwrap_or('0'));
    }
}

// ---------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------

/// Reads an RFC 3339 timestamp the way chrono's `FromStr` for `DateTime<FixedOffset>`
/// does, and converts it to UTC. That grammar is relaxed: whitespace may come before
/// numbers and separators, the date and time are separated by `T`, `t` or a space,
/// months, days, hours, minutes and seconds may have one digit, the fraction any
/// number of digits (beyond nine they are ignored), second 60 is a leap second, and
/// the offset is `Z`, `z`, `UTC` (any case) or `+HH:MM`, `+HHMM`, `+HH MM` (with `-`
/// or U+2212 for west). `None` for anything else or for a value out of range.
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let mut scanner = Scanner { rest: text };
    let date = scanner.date()?;
    scanner.rest = scanner.rest.strip_prefix(['T', 't', ' '])?;
    let hour = scanner.number(2)?;
    scanner.literal(':')?;
    let minute = scanner.number(2)?;
    scanner.literal(':')?;
    let second = scanner.number(2)?;
    let mut nanosecond = 0;
    if let Some(after_point) = scanner.rest.strip_prefix('.') {
        scanner.rest = after_point;
        nanosecond = scanner.fraction()?;
    }
    scanner.rest = scanner.rest.trim_start();
    let offset_seconds = scanner.offset()?;
    if !scanner.rest.trim_start().is_empty() {
        return None;
    }
    // A leap second is kept by chrono as second 59 with one more second of nanoseconds.
    let (second, nanosecond) = match second {
        60 => (59, nanosecond + 1_000_000_000),
        _ => (second, nanosecond),
    };
    let time = NaiveTime::from_hms_nano_opt(
        u32::try_from(hour).ok()?,
        u32::try_from(minute).ok()?,
        u32::try_from(second).ok()?,
        nanosecond,
    )?;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let utc = date.and_time(time).checked_sub_offset(offset)?;
    Some(Timestamp::from_naive_utc_and_offset(utc, chrono::Utc))
}

/// Reads a date the way chrono's `FromStr` for `NaiveDate` does: `YYYY-MM-DD`, with
/// the relaxations of [`parse_timestamp`] and whitespace around it. `None` for
/// anything else or for a day that does not exist.
pub fn parse_date(text: &str) -> Option<CalendarDate> {
    let mut scanner = Scanner { rest: text };
    let date = scanner.date()?;
    scanner.rest.trim_start().is_empty().then_some(date)
}

/// The unread rest of a text being parsed.
struct Scanner<'text> {
    rest: &'text str,
}

impl Scanner<'_> {
    /// `year-month-day`; the year has up to four digits, or any number after a sign.
    fn date(&mut self) -> Option<NaiveDate> {
        self.rest = self.rest.trim_start();
        let year = if let Some(after_sign) = self.rest.strip_prefix('-') {
            self.rest = after_sign;
            self.digits(usize::MAX)?.checked_neg()?
        } else if let Some(after_sign) = self.rest.strip_prefix('+') {
            self.rest = after_sign;
            self.digits(usize::MAX)?
        } else {
            self.digits(4)?
        };
        self.literal('-')?;
        let month = self.number(2)?;
        self.literal('-')?;
        let day = self.number(2)?;
        NaiveDate::from_ymd_opt(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// A number of one to `maximum_digits` digits, after optional whitespace.
    fn number(&mut self, maximum_digits: usize) -> Option<i64> {
        self.rest = self.rest.trim_start();
        self.digits(maximum_digits)
    }

    /// One to `maximum_digits` ASCII digits; more digits are left unread.
    fn digits(&mut self, maximum_digits: usize) -> Option<i64> {
        let count = self
            .rest
            .bytes()
            .take(maximum_digits)
            .take_while(u8::is_ascii_digit)
            .count();
        if count == 0 {
            return None;
        }
        let (digits, rest) = self.rest.split_at_checked(count)?;
        self.rest = rest;
        digits.bytes().try_fold(0_i64, |number, digit| {
            number.checked_mul(10)?.checked_add(i64::from(digit - b'0'))
        })
    }

    /// `separator` after optional whitespace.
    fn literal(&mut self, separator: char) -> Option<()> {
        self.rest = self.rest.trim_start().strip_prefix(separator)?;
        Some(())
    }

    /// The digits after the decimal point as nanoseconds: up to nine count, further
    /// digits are read and ignored.
    fn fraction(&mut self) -> Option<u32> {
        let before = self.rest.len();
        let significant = self.digits(9)?;
        let digit_count = before - self.rest.len();
        self.rest = self
            .rest
            .trim_start_matches(|character: char| character.is_ascii_digit());
        let scale = 10_i64.pow(u32::try_from(9 - digit_count).ok()?);
        u32::try_from(significant.checked_mul(scale)?).ok()
    }

    /// The offset from UTC in seconds.
    fn offset(&mut self) -> Option<i32> {
        if let Some(prefix) = self.rest.get(..3) {
            if prefix.eq_ignore_ascii_case("UTC") {
                self.rest = self.rest.get(3..)?;
                return Some(0);
            }
        }
        let mut characters = self.rest.chars();
        let west = match characters.next()? {
            'Z' | 'z' => {
                self.rest = characters.as_str();
                return Some(0);
            }
            '+' => false,
            '-' | '\u{2212}' => true,
            _ => return None,
        };
        self.rest = characters.as_str();
        let hours = self.two_digits()?;
        self.rest = self
            .rest
            .trim_start_matches(|character: char| character == ':' || character.is_whitespace());
        let minutes = self.two_digits()?;
        if minutes >= 60 {
            return None;
        }
        let seconds = hours * 3600 + minutes * 60;
        Some(if west { -seconds } else { seconds })
    }

    /// Exactly two ASCII digits.
    fn two_digits(&mut self) -> Option<i32> {
        let (digits, rest) = self.rest.split_at_checked(2)?;
        let [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] = digits.as_bytes() else {
            return None;
        };
        self.rest = rest;
        Some(i32::from(tens - b'0') * 10 + i32::from(ones - b'0'))
    }
}

#[cfg(test)]
#[path = "timestamp_text_tests.rs"]
mod tests;
