//! Reading stored structs from JSON objects only.
//!
//! A derived `Deserialize` for a struct accepts two forms: an object (`{"id": …}`)
//! and, through serde_json's `deserialize_struct`, an array of the field values in
//! declaration order (`["…", 1, …]`). bitalign never writes the array form, the JSON
//! Schema does not allow it, and no other tool writes it; but serde still compiles
//! a second, positional reader for every struct, which in WebAssembly costs tens of
//! kilobytes. The helpers here are used as `#[serde(deserialize_with = "...")]` on
//! the fields holding stored structs: they ask the deserializer for a map instead of
//! a struct, so only the object reader is ever compiled. For an object the result is
//! exactly the same, errors included (serde_json reads an object the same way for
//! both requests); an array where an object belongs is refused as a wrong type.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

/// Reads one struct from an object only.
pub fn object<'de, D, Value>(deserializer: D) -> Result<Value, D::Error>
where
    D: Deserializer<'de>,
    Value: Deserialize<'de>,
{
    Value::deserialize(ObjectsOnly(deserializer))
}

/// Reads an array of structs, each from an object only.
pub fn list_of_objects<'de, D, Value>(deserializer: D) -> Result<Vec<Value>, D::Error>
where
    D: Deserializer<'de>,
    Value: Deserialize<'de>,
{
    deserializer.deserialize_seq(ListVisitor(PhantomData))
}

/// Collects the elements of an array, reading each through [`ObjectsOnly`].
struct ListVisitor<Value>(PhantomData<Value>);

impl<'de, Value: Deserialize<'de>> Visitor<'de> for ListVisitor<Value> {
    type Value = Vec<Value>;

    /// The wording of serde's own `Vec` visitor, so errors read the same.
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<Elements: SeqAccess<'de>>(
        self,
        mut elements: Elements,
    ) -> Result<Vec<Value>, Elements::Error> {
        let mut values = Vec::new();
        while let Some(value) = elements.next_element_seed(ObjectSeed(PhantomData))? {
            values.push(value);
        }
        Ok(values)
    }
}

/// Reads one element through [`ObjectsOnly`].
struct ObjectSeed<Value>(PhantomData<Value>);

impl<'de, Value: Deserialize<'de>> DeserializeSeed<'de> for ObjectSeed<Value> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(ObjectsOnly(deserializer))
    }
}

/// A deserializer that answers a request for a struct with a request for a map and
/// passes everything else on unchanged. A derived struct only ever asks for a struct,
/// so the other methods are never used with it; they are forwarded for completeness.
struct ObjectsOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::model::types::{CostCategory, CostLine, GoalContribution};

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Holder {
        #[serde(default, deserialize_with = "list_of_objects")]
        lines: Vec<CostLine>,
        #[serde(deserialize_with = "object")]
        contribution: GoalContribution,
    }

    #[test]
    fn objects_read_as_the_derived_reader_reads_them() {
        let text = r#"{"lines":[{"id":"c1","category":"training","one_time_cents":5}],
            "contribution":{"goal_id":"g1","strength":2}}"#;
        let holder: Holder = serde_json::from_str(text).unwrap();
        assert_eq!(
            holder.lines,
            vec![CostLine {
                id: "c1".to_string(),
                category: CostCategory::Training,
                description: String::new(),
                one_time_cents: 5,
                running_cents_per_year: 0,
            }]
        );
        assert_eq!(
            holder.contribution,
            GoalContribution {
                goal_id: "g1".to_string(),
                strength: 2
            }
        );
        let empty: Holder =
            serde_json::from_str(r#"{"contribution":{"goal_id":"g","strength":1}}"#).unwrap();
        assert!(empty.lines.is_empty());
    }

    #[test]
    fn errors_read_as_the_derived_reader_reports_them() {
        for (text, expected) in [
            (
                r#"{"lines":5,"contribution":{"goal_id":"g","strength":1}}"#,
                "invalid type: integer `5`, expected a sequence",
            ),
            (
                r#"{"lines":["x"],"contribution":{"goal_id":"g","strength":1}}"#,
                "invalid type: string \"x\", expected struct CostLine",
            ),
            (
                r#"{"contribution":{"goal_id":"g"}}"#,
                "missing field `strength`",
            ),
            (
                r#"{"contribution":{"goal_id":"g","strength":1,"extra":1}}"#,
                "unknown field `extra`",
            ),
        ] {
            let error = serde_json::from_str::<Holder>(text)
                .unwrap_err()
                .to_string();
            assert!(error.starts_with(expected), "{error} for {text}");
        }
    }

    #[test]
    fn the_positional_array_form_is_refused() {
        let error = serde_json::from_str::<Holder>(r#"{"contribution":["g",1]}"#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("invalid type: sequence, expected struct GoalContribution"),
            "{error}"
        );
        // The derived reader alone would have taken it.
        assert!(serde_json::from_str::<GoalContribution>(r#"["g",1]"#).is_ok());
    }
}
