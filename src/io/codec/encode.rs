//! Writing model types as JSON text, pretty (files) or compact (storage).
//!
//! The output is byte for byte what serde_json wrote before (two-space indentation,
//! `"key": value`, the same string escapes and float formatting), so files exported
//! by earlier builds diff cleanly against new ones; native tests compare the two.

use std::collections::BTreeMap;

use crate::model::{CalendarDate, Quarter, Timestamp};

/// Whether JSON is written for people (files) or for storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonLayout {
    Pretty,
    Compact,
}

/// Builds JSON text. Each `begin_*` is matched by an `end_*`; values inside objects
/// are preceded by [`JsonWriter::key`].
pub struct JsonWriter {
    output: String,
    layout: JsonLayout,
    depth: usize,
    /// Whether the innermost open array or object has a member yet.
    has_member: Vec<bool>,
}

impl JsonWriter {
    pub fn new(layout: JsonLayout) -> JsonWriter {
        JsonWriter {
            output: String::with_capacity(16 * 1024),
            layout,
            depth: 0,
            has_member: Vec::new(),
        }
    }

    pub fn finish(self) -> String {
        self.output
    }

    fn newline_and_indent(&mut self) {
        self.output.push('\n');
        for _ in 0..self.depth {
            self.output.push_str("  ");
        }
    }

    /// Separates a new member from the one before it.
    fn before_member(&mut self) {
        let had_member = self.has_member.last().copied().unwrap_or(false);
        if had_member {
            self.output.push(',');
        }
        if let Some(flag) = self.has_member.last_mut() {
            *flag = true;
        }
        if self.layout == JsonLayout::Pretty {
            self.newline_and_indent();
        }
    }

    fn open(&mut self, bracket: char) {
        self.output.push(bracket);
        self.depth += 1;
        self.has_member.push(false);
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        let had_member = self.has_member.pop().unwrap_or(false);
        if had_member && self.layout == JsonLayout::Pretty {
            self.newline_and_indent();
        }
        self.output.push(bracket);
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an array element.
    pub fn element(&mut self) {
        self.before_member();
    }

    /// Starts an object member with its key.
    pub fn key(&mut self, key: &str) {
        self.before_member();
        self.string(key);
        self.output.push(':');
        if self.layout == JsonLayout::Pretty {
            self.output.push(' ');
        }
    }

    pub fn null(&mut self) {
        self.output.push_str("null");
    }

    pub fn raw_number(&mut self, text: &str) {
        self.output.push_str(text);
    }

    /// A string with the escapes serde_json uses: `\"`, `\\`, the short forms of
    /// common control characters, and `\u00XX` for the others.
    pub fn string(&mut self, text: &str) {
        const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";
        self.output.push('"');
        let mut run_start = 0;
        for (index, byte) in text.bytes().enumerate() {
            let escape: Option<&str> = match byte {
                b'"' => Some("\\\""),
                b'\\' => Some("\\\\"),
                b'\n' => Some("\\n"),
                b'\r' => Some("\\r"),
                b'\t' => Some("\\t"),
                0x08 => Some("\\b"),
                0x0c => Some("\\f"),
                0x00..=0x1f => None,
                _ => continue,
            };
            self.output.push_str(&text[run_start..index]);
            match escape {
                Some(escape) => self.output.push_str(escape),
                None => {
                    self.output.push_str("\\u00");
                    self.output.push(HEX_DIGITS[usize::from(byte >> 4)] as char);
                    self.output
                        .push(HEX_DIGITS[usize::from(byte & 0xf)] as char);
                }
            }
            run_start = index + 1;
        }
        self.output.push_str(&text[run_start..]);
        self.output.push('"');
    }
}

/// A type that can be written as JSON.
pub trait Encode {
    fn encode(&self, writer: &mut JsonWriter);
}

/// Writes `value` as JSON text in the given layout.
pub fn encode_to_text<T: Encode + ?Sized>(value: &T, layout: JsonLayout) -> String {
    let mut writer = JsonWriter::new(layout);
    value.encode(&mut writer);
    writer.finish()
}

impl Encode for String {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.string(self);
    }
}

impl Encode for str {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.string(self);
    }
}

impl Encode for bool {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.raw_number(if *self { "true" } else { "false" });
    }
}

macro_rules! encode_integer_type {
    ($($type:ty),*) => {
        $(
            impl Encode for $type {
                fn encode(&self, writer: &mut JsonWriter) {
                    writer.raw_number(&self.to_string());
                }
            }
        )*
    };
}

encode_integer_type!(u8, u16, u32, u64, i64);

impl Encode for f64 {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.raw_number(&float_text(*self));
    }
}

/// A float as JSON text: the shortest digits that read back as exactly the same
/// value, in the style serde_json writes, `25.0`, `0.1`, `1e+21`, `1.5e-7`.
///
/// Built on the standard library's shortest round-trip formatting, which the bundle
/// contains anyway, instead of serde_json's float writer and its tables. Values JSON
/// cannot hold (NaN, infinities) are written as `null`, as serde_json did; validation
/// keeps them out of models in the first place.
pub fn float_text(value: f64) -> String {
    if !value.is_finite() {
        return "null".to_string();
    }
    // ryu's rule: plain decimal notation for exponents from -5 to 15 (in scientific
    // notation), exponent notation outside that range.
    let exponent = crate::float_text::shortest_digits(value).exponent;
    if (-5..16).contains(&exponent) {
        crate::float_text::plain_decimal(value, true)
    } else {
        crate::float_text::scientific(value)
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, writer: &mut JsonWriter) {
        match self {
            Some(value) => value.encode(writer),
            None => writer.null(),
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.begin_array();
        for element in self {
            writer.element();
            element.encode(writer);
        }
        writer.end_array();
    }
}

/// Keys of maps written as JSON objects.
pub trait EncodeKey {
    fn key_text(&self) -> String;
}

impl EncodeKey for String {
    fn key_text(&self) -> String {
        self.clone()
    }
}

impl EncodeKey for Quarter {
    fn key_text(&self) -> String {
        self.to_string()
    }
}

impl<K: EncodeKey, V: Encode> Encode for BTreeMap<K, V> {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.begin_object();
        for (key, value) in self {
            writer.key(&key.key_text());
            value.encode(writer);
        }
        writer.end_object();
    }
}

impl Encode for Quarter {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.string(&self.to_string());
    }
}

impl Encode for CalendarDate {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.string(&crate::model::timestamp_text::format_date(*self));
    }
}

impl Encode for Timestamp {
    fn encode(&self, writer: &mut JsonWriter) {
        writer.string(&crate::model::timestamp_text::format_timestamp(self));
    }
}

/// Implements [`Encode`] and [`crate::io::codec::decode::Decode`] for a struct from
/// one field list, in declaration order (which is the order written).
#[macro_export]
macro_rules! codec_struct {
    ($type:ident { $($field:ident : $how:ident $(($default:path))?),* $(,)? }) => {
        impl $crate::io::codec::encode::Encode for $type {
                        fn encode(&self, writer: &mut $crate::io::codec::encode::JsonWriter) {
                writer.begin_object();
                $(
                    writer.key(stringify!($field));
                    $crate::io::codec::encode::Encode::encode(&self.$field, writer);
                )*
                writer.end_object();
            }
        }
        $crate::decode_struct!($type { $($field : $how $(($default))?),* });
    };
}

/// Implements [`Encode`] and decoding for a unit-only enum from its stored names.
#[macro_export]
macro_rules! codec_enum {
    ($type:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $crate::io::codec::encode::Encode for $type {
            fn encode(&self, writer: &mut $crate::io::codec::encode::JsonWriter) {
                let name = match self {
                    $($type::$variant => $name,)*
                };
                writer.string(name);
            }
        }
        $crate::decode_enum!($type { $($variant = $name),* });
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_like_serde_json() {
        for text in [
            "plain",
            "quote \" backslash \\",
            "tab\tnew\nline\r",
            "\u{1}\u{1f}\u{7f}",
            "ä 😀 </script>",
            "",
        ] {
            let mut writer = JsonWriter::new(JsonLayout::Compact);
            writer.string(text);
            assert_eq!(writer.finish(), serde_json::to_string(text).unwrap());
        }
    }

    #[test]
    fn floats_are_written_in_serde_json_style() {
        for number in [
            0.0,
            -0.0,
            1.0,
            0.1,
            25.0,
            -3.5,
            1e21,
            1e15,
            1e16,
            9.999e15,
            1.5e-7,
            1e-5,
            1.2e-5,
            0.0001,
            123456.789,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            2.0f64.powi(60),
        ] {
            assert_eq!(
                encode_to_text(&number, JsonLayout::Compact),
                serde_json::to_string(&number).unwrap()
            );
        }
        assert_eq!(encode_to_text(&f64::NAN, JsonLayout::Compact), "null");
    }

    proptest::proptest! {
        /// Every float reads back as exactly itself, is valid JSON, and is as short as
        /// serde_json's text. (Where two shortest texts exist, the standard library
        /// and serde_json may pick different ones; both read back the same.)
        #[test]
        fn every_float_reads_back_exactly(bits in proptest::prelude::any::<u64>()) {
            let number = f64::from_bits(bits);
            if number.is_finite() {
                let text = float_text(number);
                proptest::prop_assert_eq!(text.parse::<f64>().unwrap().to_bits(), number.to_bits());
                proptest::prop_assert!(crate::io::codec::parse::parse_json(&text).is_ok());
                proptest::prop_assert!(text.len() <= serde_json::to_string(&number).unwrap().len());
            }
        }
    }

    #[test]
    fn layouts_match_serde_json() {
        let value: Vec<Option<Vec<u8>>> = vec![Some(vec![1, 2]), None, Some(vec![])];
        assert_eq!(
            encode_to_text(&value, JsonLayout::Compact),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(
            encode_to_text(&value, JsonLayout::Pretty),
            serde_json::to_string_pretty(&value).unwrap()
        );
        let mut map = BTreeMap::new();
        map.insert("a".to_string(), vec![1u8]);
        map.insert("b".to_string(), vec![]);
        assert_eq!(
            encode_to_text(&map, JsonLayout::Pretty),
            serde_json::to_string_pretty(&map).unwrap()
        );
        let empty: BTreeMap<String, u8> = BTreeMap::new();
        assert_eq!(encode_to_text(&empty, JsonLayout::Pretty), "{}");
    }
}
