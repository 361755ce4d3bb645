//! The codec must read and write exactly what serde (whose attributes the JSON
//! Schema is generated from) reads and writes. These tests compare the two on
//! generated models and on systematically damaged files.

use proptest::prelude::*;
use serde_json::Value;

use super::decode::{Decode, Trail};
use super::encode::{encode_to_text, JsonLayout};
use super::parse::parse_json;
use crate::model::arbitrary::{arbitrary_valid_model, proptest_config_with_default_cases};
use crate::model::Model;

fn decode_model(text: &str) -> Result<Model, String> {
    let tree = parse_json(text).map_err(|error| format!("{error:?}"))?;
    Model::decode(&tree, &Trail::root("model"))
        .map_err(|error| format!("{}: {}", error.path, error.detail))
}

fn sample_model() -> Model {
    crate::io::json::import_model_file(crate::samples::TRADES_SERVICE_GERMAN_TEXT)
        .expect("the sample imports")
        .model
}

proptest! {
    #![proptest_config(proptest_config_with_default_cases(64))]

    #[test]
    fn writes_byte_identical_text_and_reads_it_back(model in arbitrary_valid_model()) {
        let pretty = encode_to_text(&model, JsonLayout::Pretty);
        prop_assert_eq!(
            numbers_canonical(&pretty),
            numbers_canonical(&serde_json::to_string_pretty(&model).unwrap())
        );
        let compact = encode_to_text(&model, JsonLayout::Compact);
        prop_assert_eq!(
            numbers_canonical(&compact),
            numbers_canonical(&serde_json::to_string(&model).unwrap())
        );
        prop_assert_eq!(decode_model(&pretty).unwrap(), model.clone());
        prop_assert_eq!(decode_model(&compact).unwrap(), model);
    }
}

/// The text with every number outside strings replaced by the exact value it stands
/// for, so two writers that pick different but equivalent shortest digits for a
/// float compare equal, while everything else must match byte for byte.
fn numbers_canonical(text: &str) -> String {
    let mut canonical = String::with_capacity(text.len());
    let mut characters = text.char_indices().peekable();
    let mut inside_string = false;
    while let Some((index, character)) = characters.next() {
        if inside_string {
            canonical.push(character);
            if character == '\\' {
                if let Some((_, escaped)) = characters.next() {
                    canonical.push(escaped);
                }
            } else if character == '"' {
                inside_string = false;
            }
        } else if character == '"' {
            inside_string = true;
            canonical.push(character);
        } else if character == '-' || character.is_ascii_digit() {
            let mut end = index + character.len_utf8();
            while let Some(&(next_index, next)) = characters.peek() {
                if next.is_ascii_digit() || matches!(next, '.' | 'e' | 'E' | '+' | '-') {
                    end = next_index + next.len_utf8();
                    characters.next();
                } else {
                    break;
                }
            }
            let number: f64 = text[index..end].parse().unwrap();
            canonical.push_str(&format!("{:?}", number.to_bits()));
        } else {
            canonical.push(character);
        }
    }
    canonical
}

/// Every place in the tree where a member can be damaged, as a path of keys and
/// indices from the root.
fn object_paths(value: &Value, path: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(members) => {
            found.push(path.clone());
            for (key, member) in members {
                path.push(key.clone());
                object_paths(member, path, found);
                path.pop();
            }
        }
        Value::Array(elements) => {
            // The first element stands for all: the rules are per type, not per index.
            if let Some(first) = elements.first() {
                path.push("0".to_string());
                object_paths(first, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

fn object_at<'value>(
    value: &'value mut Value,
    path: &[String],
) -> &'value mut serde_json::Map<String, Value> {
    let mut current = value;
    for step in path {
        current = match current {
            Value::Object(members) => members.get_mut(step).unwrap(),
            Value::Array(elements) => &mut elements[step.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    current.as_object_mut().unwrap()
}

#[test]
fn accepts_and_refuses_the_same_damaged_files_as_serde() {
    let model = sample_model();
    let original = serde_json::to_value(&model).unwrap();
    let mut paths = Vec::new();
    object_paths(&original, &mut Vec::new(), &mut paths);
    let replacements = [
        Value::Null,
        Value::String("x".into()),
        Value::from(1.5),
        Value::from(-1),
        Value::from(300),
        Value::Bool(true),
        Value::Array(vec![]),
        Value::Object(Default::default()),
    ];
    let mut compared = 0;
    for path in &paths {
        let keys: Vec<String> = object_at(&mut original.clone(), path)
            .keys()
            .cloned()
            .collect();
        let mut variants: Vec<Value> = Vec::new();
        for key in &keys {
            let mut removed = original.clone();
            object_at(&mut removed, path).remove(key);
            variants.push(removed);
            for replacement in &replacements {
                let mut replaced = original.clone();
                object_at(&mut replaced, path).insert(key.clone(), replacement.clone());
                variants.push(replaced);
            }
        }
        let mut with_unknown = original.clone();
        object_at(&mut with_unknown, path).insert("unknown_member".into(), Value::Null);
        variants.push(with_unknown);
        for variant in variants {
            let text = variant.to_string();
            let by_serde = serde_json::from_str::<Model>(&text);
            let by_codec = decode_model(&text);
            assert_eq!(
                by_serde.is_ok(),
                by_codec.is_ok(),
                "serde: {by_serde:?}\ncodec: {by_codec:?}\nat {path:?}"
            );
            if let (Ok(from_serde), Ok(from_codec)) = (by_serde, by_codec) {
                assert_eq!(from_serde, from_codec);
            }
            compared += 1;
        }
    }
    assert!(compared > 1000, "only {compared} variants compared");
}

#[test]
fn errors_name_the_json_path() {
    let mut value = serde_json::to_value(sample_model()).unwrap();
    value["initiatives"][1]["scores"]["value"] = Value::String("hoch".into());
    let error = decode_model(&value.to_string()).unwrap_err();
    assert!(
        error.starts_with("model.initiatives[1].scores.value: invalid type: a string"),
        "{error}"
    );

    let mut value = serde_json::to_value(sample_model()).unwrap();
    value["goals"][0].as_object_mut().unwrap().remove("title");
    let error = decode_model(&value.to_string()).unwrap_err();
    assert_eq!(error, "model.goals[0]: missing field `title`");

    let mut value = serde_json::to_value(sample_model()).unwrap();
    value["settings"]["it_budget_cents_per_quarter"] = serde_json::json!({"2026-Q5": 1});
    let error = decode_model(&value.to_string()).unwrap_err();
    assert!(
        error.starts_with("model.settings.it_budget_cents_per_quarter[\"2026-Q5\"]"),
        "{error}"
    );
}
