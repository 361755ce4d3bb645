//! Decoding a parsed JSON tree into model types, with the JSON path of every problem.
//!
//! Each type implements [`Decode`]; structs do so through [`decode_struct!`], which
//! lists their fields once with how a missing field is treated (`required`,
//! `optional` for `Option` fields that may be missing or null, `defaulted` for fields
//! that take their `Default` when missing, or `defaulted_with(function)`). Decoding is
//! table-driven: a struct starts as a [`Placeholder`] and a table of small per-field
//! functions fills it ([`decode_fields`]), so each field costs one tiny function
//! rather than an inlined copy of its reading and error handling, which was what made
//! serde's derive the largest part of the bundle.
//!
//! The accepted documents are exactly those the serde attributes on the types (and
//! so the committed JSON Schema) describe: unknown and duplicate fields are refused,
//! `null` is accepted only for `Option` fields. Native tests check the two agree.

use std::collections::BTreeMap;

use super::parse::JsonValue;
use crate::model::quoted_text::quoted_for_message;
use crate::model::{CalendarDate, Quarter, Timestamp};

/// One step of the way from the document root to a value.
#[derive(Clone, Copy)]
pub enum PathStep<'a> {
    Root(&'a str),
    Key(&'a str),
    Index(usize),
}

/// The way to the value being decoded, as a linked list on the stack: nothing is
/// allocated unless an error needs the path as text.
#[derive(Clone, Copy)]
pub struct Trail<'a> {
    pub parent: Option<&'a Trail<'a>>,
    pub step: PathStep<'a>,
}

impl<'a> Trail<'a> {
    pub fn root(name: &'a str) -> Trail<'a> {
        Trail {
            parent: None,
            step: PathStep::Root(name),
        }
    }

    pub fn key(&'a self, key: &'a str) -> Trail<'a> {
        Trail {
            parent: Some(self),
            step: PathStep::Key(key),
        }
    }

    pub fn index(&'a self, index: usize) -> Trail<'a> {
        Trail {
            parent: Some(self),
            step: PathStep::Index(index),
        }
    }

    /// The path as text, such as `model.initiatives[2].scores.value`.
    pub fn render(&self) -> String {
        let mut steps = Vec::new();
        let mut current = Some(self);
        while let Some(trail) = current {
            steps.push(trail.step);
            current = trail.parent;
        }
        let mut path = String::new();
        for step in steps.into_iter().rev() {
            match step {
                PathStep::Root(name) => path.push_str(name),
                PathStep::Key(key) => {
                    let is_identifier = !key.is_empty()
                        && key
                            .bytes()
                            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
                    if is_identifier {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(key);
                    } else {
                        path.push_str("[\"");
                        path.push_str(&key.replace('"', "\\\""));
                        path.push_str("\"]");
                    }
                }
                PathStep::Index(index) => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        path
    }

    /// An error at this place.
    #[inline(never)]
    pub fn error(&self, detail: String) -> DecodeError {
        DecodeError {
            path: self.render(),
            detail,
        }
    }

    /// An error saying what was expected and what was found instead.
    #[inline(never)]
    pub fn expected(&self, expected: &str, found: &JsonValue) -> DecodeError {
        self.error(format!(
            "invalid type: {}, expected {expected}",
            found.kind_description()
        ))
    }
}

/// A value of the wrong type or shape, a missing or unknown field, at `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub path: String,
    /// Plain English for the technical detail, like serde's messages.
    pub detail: String,
}

/// A type that can be read from a parsed JSON value.
pub trait Decode: Sized {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError>;
}

/// The members of an object, or an error.
pub fn object_members<'value, 'text>(
    value: &'value JsonValue<'text>,
    trail: &Trail,
    expected: &str,
) -> Result<&'value [(std::borrow::Cow<'text, str>, JsonValue<'text>)], DecodeError> {
    match value {
        JsonValue::Object(members) => Ok(members),
        other => Err(trail.expected(expected, other)),
    }
}

/// Refuses members that the type does not have, and members given twice.
pub fn check_member_names(
    members: &[(std::borrow::Cow<'_, str>, JsonValue<'_>)],
    field_names: &[&str],
    trail: &Trail,
) -> Result<(), DecodeError> {
    for (index, (key, _)) in members.iter().enumerate() {
        if !field_names.contains(&key.as_ref()) {
            return Err(trail.key(key).error(format!(
                "unknown field `{key}`, expected one of {}",
                field_names
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if members[..index]
            .iter()
            .any(|(earlier_key, _)| earlier_key == key)
        {
            return Err(trail.key(key).error(format!("duplicate field `{key}`")));
        }
    }
    Ok(())
}

/// The member named `name`. Not generic and never inlined: it is the bulk of every
/// field's reading, and one shared copy keeps the per-field code to a call.
#[inline(never)]
fn member<'value, 'text>(
    members: &'value [(std::borrow::Cow<'text, str>, JsonValue<'text>)],
    name: &str,
) -> Option<&'value JsonValue<'text>> {
    members
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// An `Option` field: missing or `null` is `None`. Used for the file envelope, whose
/// members are read one by one rather than into a struct.
pub fn optional_field<T: Decode>(
    members: &[(std::borrow::Cow<'_, str>, JsonValue<'_>)],
    name: &str,
    trail: &Trail,
) -> Result<Option<T>, DecodeError> {
    match member(members, name) {
        None | Some(JsonValue::Null) => Ok(None),
        Some(value) => T::decode(value, &trail.key(name)).map(Some),
    }
}

/// A value that stands in a struct until its decoded fields overwrite it. Decoding
/// fills a placeholder field by field through a table (see [`decode_fields`]), so
/// each field costs one small function instead of an inlined copy of its whole
/// reading and error handling, which keeps the bundle small.
pub trait Placeholder {
    fn placeholder() -> Self;
}

macro_rules! placeholder_by_default {
    ($($type:ty),*) => {
        $(impl Placeholder for $type {
            fn placeholder() -> Self {
                Default::default()
            }
        })*
    };
}

placeholder_by_default!(
    String,
    bool,
    u8,
    u16,
    u32,
    u64,
    i64,
    f64,
    CalendarDate,
    Timestamp
);

impl<T> Placeholder for Option<T> {
    fn placeholder() -> Self {
        None
    }
}

impl<T> Placeholder for Vec<T> {
    fn placeholder() -> Self {
        Vec::new()
    }
}

impl<K, V> Placeholder for BTreeMap<K, V> {
    fn placeholder() -> Self {
        BTreeMap::new()
    }
}

impl Placeholder for Quarter {
    fn placeholder() -> Self {
        Quarter::containing(CalendarDate::default())
    }
}

/// What happens when a field is missing from the object.
pub enum WhenMissing<Target> {
    /// The field is required: a missing one is an error.
    Refuse,
    /// The placeholder is the right value (an `Option` field stays `None`).
    KeepPlaceholder,
    /// The field takes its serde default.
    SetDefault(fn(&mut Target)),
}

/// How one field of a struct is read.
pub struct FieldReader<Target> {
    pub name: &'static str,
    pub read: fn(&mut Target, &JsonValue, &Trail) -> Result<(), DecodeError>,
    pub when_missing: WhenMissing<Target>,
}

/// Reads the fields of `target` from `members` through the table of `readers`.
pub fn decode_fields<Target>(
    target: &mut Target,
    members: &[(std::borrow::Cow<'_, str>, JsonValue<'_>)],
    trail: &Trail,
    readers: &[FieldReader<Target>],
) -> Result<(), DecodeError> {
    for reader in readers {
        match member(members, reader.name) {
            Some(value) => (reader.read)(target, value, &trail.key(reader.name))?,
            None => match reader.when_missing {
                WhenMissing::Refuse => {
                    return Err(trail.error(format!("missing field `{}`", reader.name)))
                }
                WhenMissing::KeepPlaceholder => {}
                WhenMissing::SetDefault(set_default) => set_default(target),
            },
        }
    }
    Ok(())
}

/// Implements [`Decode`] and [`Placeholder`] for a struct from its field list (see
/// the module docs).
#[macro_export]
macro_rules! decode_struct {
    ($type:ident { $($field:ident : $how:ident $(($default:path))?),* $(,)? }) => {
        impl $crate::io::codec::decode::Placeholder for $type {
            fn placeholder() -> Self {
                $type {
                    $($field: $crate::io::codec::decode::Placeholder::placeholder(),)*
                }
            }
        }

        impl $crate::io::codec::decode::Decode for $type {
            fn decode(
                value: &$crate::io::codec::parse::JsonValue,
                trail: &$crate::io::codec::decode::Trail,
            ) -> Result<Self, $crate::io::codec::decode::DecodeError> {
                use $crate::io::codec::decode as decode;
                const FIELD_NAMES: &[&str] = &[$(stringify!($field)),*];
                let readers: &[decode::FieldReader<$type>] = &[
                    $(decode::FieldReader {
                        name: stringify!($field),
                        read: |target: &mut $type, value, trail| {
                            target.$field = decode::Decode::decode(value, trail)?;
                            Ok(())
                        },
                        when_missing: $crate::decode_struct!(@when_missing $type, $field, $how $(($default))?),
                    },)*
                ];
                let members = decode::object_members(value, trail, concat!("struct ", stringify!($type)))?;
                decode::check_member_names(members, FIELD_NAMES, trail)?;
                let mut decoded = <$type as decode::Placeholder>::placeholder();
                decode::decode_fields(&mut decoded, members, trail, readers)?;
                Ok(decoded)
            }
        }
    };
    (@when_missing $type:ident, $field:ident, required) => {
        decode::WhenMissing::Refuse
    };
    (@when_missing $type:ident, $field:ident, optional) => {
        decode::WhenMissing::KeepPlaceholder
    };
    (@when_missing $type:ident, $field:ident, defaulted) => {
        decode::WhenMissing::SetDefault(|target: &mut $type| target.$field = Default::default())
    };
    (@when_missing $type:ident, $field:ident, defaulted_with($default:path)) => {
        decode::WhenMissing::SetDefault(|target: &mut $type| target.$field = $default())
    };
}

/// Implements [`Decode`] for a unit-only enum from its stored names.
#[macro_export]
macro_rules! decode_enum {
    ($type:ident { $first_variant:ident = $first_name:literal $(, $variant:ident = $name:literal)* $(,)? }) => {
        impl $crate::io::codec::decode::Placeholder for $type {
            fn placeholder() -> Self {
                $type::$first_variant
            }
        }

        impl $crate::io::codec::decode::Decode for $type {
            fn decode(
                value: &$crate::io::codec::parse::JsonValue,
                trail: &$crate::io::codec::decode::Trail,
            ) -> Result<Self, $crate::io::codec::decode::DecodeError> {
                const NAMES: &[&str] = &[$first_name $(, $name)*];
                const VARIANTS: &[$type] = &[$type::$first_variant $(, $type::$variant)*];
                $crate::io::codec::decode::decode_enum_name(value, trail, NAMES)
                    .map(|index| VARIANTS[index])
            }
        }
    };
}

/// The index of the enum name `value` holds, or an error listing the names.
pub fn decode_enum_name(
    value: &JsonValue,
    trail: &Trail,
    names: &[&str],
) -> Result<usize, DecodeError> {
    let JsonValue::String(text) = value else {
        return Err(trail.expected("a string naming a variant", value));
    };
    names.iter().position(|name| name == text).ok_or_else(|| {
        trail.error(format!(
            "unknown variant `{}`, expected one of {}",
            text.chars().take(40).collect::<String>(),
            names
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

impl Decode for String {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        match value {
            JsonValue::String(text) => Ok(text.to_string()),
            other => Err(trail.expected("a string", other)),
        }
    }
}

impl Decode for bool {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        match value {
            JsonValue::Bool(flag) => Ok(*flag),
            other => Err(trail.expected("a boolean", other)),
        }
    }
}

/// Reads a whole number in `minimum..=maximum` (as i128 so every integer type fits).
fn decode_integer(
    value: &JsonValue,
    trail: &Trail,
    minimum: i128,
    maximum: i128,
) -> Result<i128, DecodeError> {
    let JsonValue::Number(text) = value else {
        return Err(trail.expected("an integer", value));
    };
    let is_integer_text = !text.contains(['.', 'e', 'E']);
    let parsed = if is_integer_text {
        text.parse::<i128>().ok()
    } else {
        None
    };
    match parsed {
        Some(number) if (minimum..=maximum).contains(&number) => Ok(number),
        Some(number) => Err(trail.error(format!(
            "invalid value: integer `{number}`, expected an integer from {minimum} to {maximum}"
        ))),
        None => Err(trail.error(format!(
            "invalid type: floating point `{}`, expected an integer",
            text.chars().take(40).collect::<String>()
        ))),
    }
}

macro_rules! decode_integer_type {
    ($($type:ty),*) => {
        $(
            impl Decode for $type {
                fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
                    decode_integer(value, trail, <$type>::MIN as i128, <$type>::MAX as i128)
                        .map(|number| number as $type)
                }
            }
        )*
    };
}

decode_integer_type!(u8, u16, u32, u64, i64);

impl Decode for f64 {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        let JsonValue::Number(text) = value else {
            return Err(trail.expected("a number", value));
        };
        // The standard library's parser rounds correctly, so every number bitalign
        // writes reads back as the same f64.
        match crate::float_text::parse_decimal(text) {
            Some(number) if number.is_finite() => Ok(number),
            _ => Err(trail.error("number out of range".to_string())),
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        match value {
            JsonValue::Null => Ok(None),
            other => T::decode(other, trail).map(Some),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        let JsonValue::Array(elements) = value else {
            return Err(trail.expected("a sequence", value));
        };
        let mut decoded = Vec::with_capacity(elements.len());
        for (index, element) in elements.iter().enumerate() {
            decoded.push(T::decode(element, &trail.index(index))?);
        }
        Ok(decoded)
    }
}

/// Keys of maps stored as JSON objects.
pub trait DecodeKey: Sized + Ord {
    fn decode_key(key: &str, trail: &Trail) -> Result<Self, DecodeError>;
}

impl DecodeKey for String {
    fn decode_key(key: &str, _trail: &Trail) -> Result<Self, DecodeError> {
        Ok(key.to_string())
    }
}

impl DecodeKey for Quarter {
    fn decode_key(key: &str, trail: &Trail) -> Result<Self, DecodeError> {
        key.parse()
            .map_err(|error: crate::model::quarter::QuarterParseError| {
                trail.error(error.to_string())
            })
    }
}

impl<K: DecodeKey, V: Decode> Decode for BTreeMap<K, V> {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        let members = object_members(value, trail, "a map")?;
        let mut map = BTreeMap::new();
        for (key, member_value) in members {
            let member_trail = trail.key(key);
            let decoded_key = K::decode_key(key, &member_trail)?;
            if map.contains_key(&decoded_key) {
                return Err(member_trail.error(format!("duplicate key `{key}`")));
            }
            map.insert(decoded_key, V::decode(member_value, &member_trail)?);
        }
        Ok(map)
    }
}

impl Decode for Quarter {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        let JsonValue::String(text) = value else {
            return Err(trail.expected("a quarter such as 2026-Q4", value));
        };
        text.parse()
            .map_err(|error: crate::model::quarter::QuarterParseError| {
                trail.error(error.to_string())
            })
    }
}

impl Decode for CalendarDate {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        let JsonValue::String(text) = value else {
            return Err(trail.expected("a formatted date string", value));
        };
        crate::model::timestamp_text::parse_date(text).ok_or_else(|| {
            trail.error(format!(
                "invalid value: string {}, expected a formatted date string",
                quoted_for_message(&text.chars().take(40).collect::<String>())
            ))
        })
    }
}

impl Decode for Timestamp {
    fn decode(value: &JsonValue, trail: &Trail) -> Result<Self, DecodeError> {
        let JsonValue::String(text) = value else {
            return Err(trail.expected("an RFC 3339 formatted date and time string", value));
        };
        crate::model::timestamp_text::parse_timestamp(text).ok_or_else(|| {
            trail.error(format!(
                "invalid value: string {}, expected an RFC 3339 formatted date and time string",
                quoted_for_message(&text.chars().take(40).collect::<String>())
            ))
        })
    }
}
