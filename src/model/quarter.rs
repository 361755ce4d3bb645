//! Calendar quarters such as `2026-Q4`, the unit of the roadmap, of reviews and of
//! cost over time.
//!
//! Quarters are stored in files as the string `YYYY-Qn` so that a person reading the
//! JSON understands them, and they order and subtract like numbers so that the
//! roadmap and the scheduler can do arithmetic on them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar quarter: `year` and `quarter_of_year` 1 to 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    quarter_of_year: u8,
}

/// Why a text is not a quarter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a quarter like 2026-Q4")]
pub struct QuarterParseError {
    /// The text that was offered (shortened when very long).
    pub text: String,
}

/// The years a quarter may lie in. Planning outside this range is surely a typing
/// mistake, and the bound keeps quarter arithmetic far away from overflow.
pub const EARLIEST_QUARTER_YEAR: i32 = 1900;
/// See [`EARLIEST_QUARTER_YEAR`].
pub const LATEST_QUARTER_YEAR: i32 = 2999;

impl Quarter {
    /// The quarter `quarter_of_year` (1 to 4) of `year`, or `None` when out of range.
    pub fn new(year: i32, quarter_of_year: u8) -> Option<Quarter> {
        let year_in_range = (EARLIEST_QUARTER_YEAR..=LATEST_QUARTER_YEAR).contains(&year);
        let quarter_in_range = (1..=4).contains(&quarter_of_year);
        (year_in_range && quarter_in_range).then_some(Quarter {
            year,
            quarter_of_year,
        })
    }

    /// The quarter a calendar date falls in.
    pub fn containing(date: chrono::NaiveDate) -> Quarter {
        use chrono::Datelike;
        let quarter_of_year = ((date.month0() / 3) + 1) as u8;
        let year = date
            .year()
            .clamp(EARLIEST_QUARTER_YEAR, LATEST_QUARTER_YEAR);
        Quarter {
            year,
            quarter_of_year,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn quarter_of_year(self) -> u8 {
        self.quarter_of_year
    }

    /// A running number of quarters, so that differences count quarters.
    pub fn ordinal(self) -> i64 {
        i64::from(self.year) * 4 + i64::from(self.quarter_of_year) - 1
    }

    /// The quarter with the given [`Quarter::ordinal`], or `None` outside the year range.
    pub fn from_ordinal(ordinal: i64) -> Option<Quarter> {
        let year = ordinal.div_euclid(4);
        let quarter_of_year = ordinal.rem_euclid(4) as u8 + 1;
        let year = i32::try_from(year).ok()?;
        Quarter::new(year, quarter_of_year)
    }

    /// This quarter moved by `quarters` (negative moves back). Saturates at the ends
    /// of the supported year range instead of failing, because callers use it for
    /// display ranges where a clamped end is the right answer.
    pub fn offset(self, quarters: i64) -> Quarter {
        let lowest = Quarter::new(EARLIEST_QUARTER_YEAR, 1).map_or(0, Quarter::ordinal);
        let highest = Quarter::new(LATEST_QUARTER_YEAR, 4).map_or(0, Quarter::ordinal);
        let target = self
            .ordinal()
            .saturating_add(quarters)
            .clamp(lowest, highest);
        Quarter::from_ordinal(target).unwrap_or(self)
    }

    /// The next quarter.
    pub fn next(self) -> Quarter {
        self.offset(1)
    }

    /// Quarters from `self` to `later` (negative when `later` is earlier).
    pub fn quarters_until(self, later: Quarter) -> i64 {
        later.ordinal() - self.ordinal()
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:04}-Q{}", self.year, self.quarter_of_year)
    }
}

impl FromStr for Quarter {
    type Err = QuarterParseError;

    /// Reads `2026-Q4` (the stored form). Other spellings people type, such as
    /// `Q4 2026`, are read by the CSV importer, not here, so that the file format
    /// stays strict.
    fn from_str(text: &str) -> Result<Quarter, QuarterParseError> {
        let error = || QuarterParseError {
            text: text.chars().take(40).collect(),
        };
        let (year_text, quarter_text) = text.split_once("-Q").ok_or_else(error)?;
        let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if year_text.len() != 4 || quarter_text.len() != 1 {
            return Err(error());
        }
        if !all_digits(year_text) || !all_digits(quarter_text) {
            return Err(error());
        }
        let year: i32 = year_text.parse().map_err(|_| error())?;
        let quarter_of_year: u8 = quarter_text.parse().map_err(|_| error())?;
        Quarter::new(year, quarter_of_year).ok_or_else(error)
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Quarter, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Quarter {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Quarter".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-Q[1-4]$",
            "description": "A calendar quarter such as 2026-Q4."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_stored_form() {
        let quarter: Quarter = "2026-Q4".parse().unwrap();
        assert_eq!(quarter.year(), 2026);
        assert_eq!(quarter.quarter_of_year(), 4);
        assert_eq!(quarter.to_string(), "2026-Q4");
    }

    #[test]
    fn refuses_malformed_text() {
        for text in [
            "", "2026", "2026-Q0", "2026-Q5", "26-Q1", "2026-q1", "Q4 2026", "2026-Q10", "+026-Q1",
            "0000-Q1", "2026-Q",
        ] {
            assert!(text.parse::<Quarter>().is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn arithmetic_crosses_years() {
        let quarter: Quarter = "2026-Q4".parse().unwrap();
        assert_eq!(quarter.next().to_string(), "2027-Q1");
        assert_eq!(quarter.offset(-4).to_string(), "2025-Q4");
        assert_eq!(quarter.quarters_until("2028-Q1".parse().unwrap()), 5);
        assert_eq!(Quarter::from_ordinal(quarter.ordinal()), Some(quarter));
    }

    #[test]
    fn offset_saturates_at_the_supported_range() {
        let last = Quarter::new(LATEST_QUARTER_YEAR, 4).unwrap();
        assert_eq!(last.offset(10), last);
        assert_eq!(last.offset(i64::MAX), last);
        let first = Quarter::new(EARLIEST_QUARTER_YEAR, 1).unwrap();
        assert_eq!(first.offset(i64::MIN), first);
    }

    #[test]
    fn a_date_falls_in_its_quarter() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(Quarter::containing(date).to_string(), "2026-Q4");
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(Quarter::containing(date).to_string(), "2026-Q1");
    }

    #[test]
    fn serde_uses_the_string_form() {
        let quarter: Quarter = "2027-Q2".parse().unwrap();
        assert_eq!(serde_json::to_string(&quarter).unwrap(), "\"2027-Q2\"");
        let back: Quarter = serde_json::from_str("\"2027-Q2\"").unwrap();
        assert_eq!(back, quarter);
        assert!(serde_json::from_str::<Quarter>("\"2027-Q9\"").is_err());
        assert!(serde_json::from_str::<Quarter>("2027").is_err());
    }
}
