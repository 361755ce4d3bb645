//! The hand-written reader and writer must agree with chrono, which they replace in
//! the stored format, on every input: the tests compare both directly.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};
use proptest::prelude::*;

use super::*;

/// What chrono's serde support read from `text`, converted to UTC as it did.
fn chrono_timestamp(text: &str) -> Option<Timestamp> {
    text.parse::<DateTime<FixedOffset>>()
        .ok()
        .map(|timestamp| timestamp.with_timezone(&Utc))
}

fn chrono_date(text: &str) -> Option<CalendarDate> {
    text.parse::<NaiveDate>().ok()
}

const TIMESTAMP_SAMPLES: &[&str] = &[
    "2026-11-01T09:00:00Z",
    "2026-11-01t09:00:00z",
    "2026-11-01 09:00:00Z",
    "2026-11-01T09:00:00.123Z",
    "2026-11-01T09:00:00.123456Z",
    "2026-11-01T09:00:00.123456789Z",
    "2026-11-01T09:00:00.1234567891234Z",
    "2026-11-01T09:00:00.5+01:00",
    "2026-11-01T09:00:00+01:00",
    "2026-11-01T00:30:00-02:30",
    "2026-11-01T00:30:00\u{2212}02:30",
    "2026-11-01T09:00:00+0100",
    "2026-11-01T09:00:00+01 00",
    "2026-11-01T09:00:00+01",
    "2026-11-01T09:00:00+01:60",
    "2026-11-01T09:00:00+99:59",
    "2026-11-01T09:00:00+23:59",
    "2026-11-01T09:00:00UTC",
    "2026-11-01T09:00:00 utc",
    "2026-11-01T09:00:00 Z ",
    " 2026-11-01T09:00:00Z",
    "2026 - 11 - 01T 9 : 0 : 0Z",
    "2026-1-1T1:2:3Z",
    "26-11-01T09:00:00Z",
    "+2026-11-01T09:00:00Z",
    "+12026-11-01T09:00:00Z",
    "-0001-11-01T09:00:00Z",
    "99999999999999999999-01-01T00:00:00Z",
    "2026-11-01T09:00:00",
    "2026-11-01T09:00Z",
    "2026-11-01T24:00:00Z",
    "2026-11-01T23:60:00Z",
    "2026-11-01T23:59:60Z",
    "2026-11-01T12:34:60.5Z",
    "2026-11-01T23:59:61Z",
    "2026-12-31T23:59:60+01:00",
    "2026-02-29T00:00:00Z",
    "2028-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-01T00:00:00Z",
    "2026-11-00T00:00:00Z",
    "2026-11-01X09:00:00Z",
    "2026-11-01T09:00:00.Z",
    "2026-11-01T09:00:00Zjunk",
    "2026-11-01T09:00:00Z\u{a0}",
    "+262143-01-01T00:00:00Z",
    "+262142-12-31T23:59:59-01:00",
    "-262143-01-01T00:00:00Z",
    "-262143-01-01T00:00:00+01:00",
    "",
    "T",
    "2026",
    "2026-",
    "2026-11-01T",
    "2026-11-01T09:00:00+",
    "2026-11-01T09:00:00+1",
    "2026-11-01T09:00:00+01:",
    "2026-11-01T09:00:00+01:5",
    "2026-11-01T09:00:00+0a:00",
    "2026-11-01T09:00:00-00:00",
    "\u{1F600}",
    "2026-11-01T09:00:00\u{1F600}",
];

#[test]
fn timestamps_are_read_as_chrono_read_them() {
    for text in TIMESTAMP_SAMPLES {
        assert_eq!(
            parse_timestamp(text),
            chrono_timestamp(text),
            "reading {text:?}"
        );
    }
}

#[test]
fn typical_timestamps_are_read() {
    let expected = DateTime::<Utc>::from_timestamp(1_793_523_600, 0);
    assert_eq!(parse_timestamp("2026-11-01T09:00:00Z"), expected);
    assert_eq!(parse_timestamp("2026-11-01T10:00:00+01:00"), expected);
    assert_eq!(parse_timestamp("2026-11-01t09:00:00z"), expected);
    assert_eq!(parse_timestamp("2026-11-01T09:00:00"), None);
    assert_eq!(parse_timestamp("2026-02-30T09:00:00Z"), None);
}

#[test]
fn timestamps_are_written_as_chrono_wrote_them() {
    let mut timestamps: Vec<Timestamp> = TIMESTAMP_SAMPLES
        .iter()
        .filter_map(|text| chrono_timestamp(text))
        .collect();
    timestamps.extend([
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
        DateTime::<Utc>::UNIX_EPOCH,
    ]);
    for (seconds, nanoseconds) in [
        (1_793_523_600, 0),
        (1_793_523_600, 1),
        (1_793_523_600, 10),
        (1_793_523_600, 1_000),
        (1_793_523_600, 120_000),
        (1_793_523_600, 100_000_000),
        (1_793_523_600, 999_999_999),
        (-62_167_219_200, 0),
        (-62_167_219_201, 0),
        (253_402_300_800, 0),
    ] {
        timestamps.extend(DateTime::<Utc>::from_timestamp(seconds, nanoseconds));
    }
    for timestamp in timestamps {
        let expected = timestamp.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        assert_eq!(format_timestamp(&timestamp), expected);
        assert_eq!(parse_timestamp(&expected), Some(timestamp), "{expected}");
    }
}

#[test]
fn dates_are_read_and_written_as_chrono_did() {
    for text in [
        "2026-11-01",
        " 2026-11-01 ",
        "2026 -1- 5",
        "2026-02-29",
        "2028-02-29",
        "0000-01-01",
        "+10000-01-01",
        "-0001-12-31",
        "2026-11-01T",
        "2026-11",
        "2026/11/01",
        "",
        "20261-01-01",
        "2026-011-01",
    ] {
        assert_eq!(parse_date(text), chrono_date(text), "reading {text:?}");
    }
    for date in [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        NaiveDate::from_ymd_opt(7, 1, 9).unwrap(),
        NaiveDate::from_ymd_opt(-1, 1, 9).unwrap(),
        NaiveDate::from_ymd_opt(10_000, 1, 9).unwrap(),
    ] {
        let expected = format!("{date:?}");
        assert_eq!(format_date(date), expected);
        assert_eq!(parse_date(&expected), Some(date));
    }
}

#[test]
fn serde_round_trip_keeps_the_text() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Stamped {
        #[serde(with = "TimestampText")]
        at: Timestamp,
        #[serde(default, with = "OptionalTimestampText")]
        maybe_at: Option<Timestamp>,
        #[serde(with = "DateText")]
        on: CalendarDate,
        #[serde(default, with = "OptionalDateText")]
        maybe_on: Option<CalendarDate>,
    }
    let text = r#"{"at":"2026-11-01T09:00:00.120Z","maybe_at":null,"on":"2026-11-01","maybe_on":"2027-01-02"}"#;
    let stamped: Stamped = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&stamped).unwrap(), text);
    let missing: Stamped =
        serde_json::from_str(r#"{"at":"2026-11-01T09:00:00Z","on":"2026-11-01"}"#).unwrap();
    assert_eq!(missing.maybe_at, None);
    assert_eq!(missing.maybe_on, None);
    let error = serde_json::from_str::<Stamped>(r#"{"at":"yesterday","on":"2026-11-01"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("RFC 3339"), "{error}");
    assert!(serde_json::from_str::<Stamped>(r#"{"at":5,"on":"2026-11-01"}"#).is_err());
}

proptest! {
    #[test]
    fn arbitrary_text_is_read_as_chrono_reads_it(text in "[-+0-9:.TtZz U\u{2212}\u{a0}]{0,40}") {
        prop_assert_eq!(parse_timestamp(&text), chrono_timestamp(&text));
        prop_assert_eq!(parse_date(&text), chrono_date(&text));
    }

    #[test]
    fn timestamp_like_text_is_read_as_chrono_reads_it(
        year in "[-+]?[0-9]{1,6}",
        month in "[0-9]{1,3}",
        day in "[0-9]{1,3}",
        separator in "[Tt ]",
        hour in "[0-9]{1,3}",
        minute in "[0-9]{1,3}",
        second in "[0-9]{1,3}",
        fraction in "(\\.[0-9]{0,12})?",
        offset in "([Zz]|[-+][0-9]{2}:?[0-9]{2}|UTC)",
    ) {
        let text = format!("{year}-{month}-{day}{separator}{hour}:{minute}:{second}{fraction}{offset}");
        prop_assert_eq!(parse_timestamp(&text), chrono_timestamp(&text), "{}", text);
    }

    #[test]
    fn every_timestamp_is_written_as_chrono_writes_it(
        seconds in -8_000_000_000_000_i64..8_000_000_000_000,
        nanoseconds in prop_oneof![Just(0_u32), 0_u32..1_000, 0_u32..2_000_000_000],
    ) {
        if let Some(timestamp) = DateTime::<Utc>::from_timestamp(seconds, nanoseconds) {
            let expected = timestamp.to_rfc3339_opts(SecondsFormat::AutoSi, true);
            prop_assert_eq!(format_timestamp(&timestamp), expected.clone());
            prop_assert_eq!(parse_timestamp(&expected), Some(timestamp));
        }
    }
}
