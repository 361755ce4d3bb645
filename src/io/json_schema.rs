//! The JSON Schema (draft 2020-12) of the bitalign file, generated from the Rust types
//! with schemars on native builds and committed as `public/bitalign.schema.json`,
//! which Trunk ships in dist/.
//!
//! The generated schema is post-processed so that strict validators accept it as it
//! is (an npm ajv test validates real exports against it):
//!
//! - schemars marks Rust integer and float widths with formats such as `uint8`,
//!   `int64` and `double`. These are not formats of JSON Schema, and ajv in strict mode
//!   refuses unknown formats, so they are dropped. The bounds that matter stay: schemars
//!   also writes `minimum`/`maximum` (0 and 255 for `u8`, 0 for unsigned types). The
//!   formats JSON Schema defines (`date-time`, `date`, `email`, …) are kept; a validator
//!   needs its format plugin (ajv-formats) to check them.
//! - A nullable value is written by schemars as a union type such as
//!   `"type": ["integer", "null"]`. ajv's strict mode refuses union types unless told
//!   otherwise, so each is rewritten as an equivalent
//!   `"anyOf": [{"type": "integer", …}, {"type": "null"}]`, with the keywords that
//!   apply to the non-null type moved inside its branch.
//!
//! The ranges the method gives scores (1 to 10 and so on) are checked by model
//! validation, not by the schema: the types do not carry them, and a schema that
//! knew them would be a second source of truth.
//!
//! The schema has `$schema` but no `$id`: it is identified by where it is served from
//! (it sits next to the app under any sub-path).

use schemars::generate::SchemaSettings;
use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use crate::io::json::{ModelFile, CURRENT_SCHEMA_VERSION, FILE_FORMAT_MARKER};

/// Where the committed schema lives, relative to the crate root.
pub const COMMITTED_SCHEMA_PATH: &str = "public/bitalign.schema.json";

/// The formats defined by JSON Schema 2020-12 (Validation, section 7.3). Any other
/// `format` value is a schemars annotation of a Rust type and is dropped.
const STANDARD_FORMATS: [&str; 19] = [
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// Keywords that are annotations for the whole value; when a nullable union type is
/// split into `anyOf` they stay outside, everything else moves into the non-null branch.
const ANNOTATION_KEYWORDS: [&str; 8] = [
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$comment",
];

/// The schema of a bitalign file of the current schema version, post-processed as the
/// module docs describe.
pub fn model_file_json_schema() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<ModelFile>().to_value();
    make_portable(&mut schema);
    schema
}

/// The schema as the committed file holds it: pretty-printed, ending in a newline.
pub fn model_file_json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&model_file_json_schema())
        .expect("a serde_json::Value always serializes");
    text.push('\n');
    text
}

/// The schema of the `format` field: exactly the marker string.
pub(crate) fn format_marker_schema(_generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "const": FILE_FORMAT_MARKER,
        "description": "Always \"bitalign\": marks the JSON as a bitalign file."
    })
}

/// The schema of the `schema_version` field: the schema describes the current version
/// only (older files are migrated on import, and they are valid against the schema of
/// their own version).
pub(crate) fn schema_version_schema(_generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "integer",
        "const": CURRENT_SCHEMA_VERSION,
        "description": "The version of the file format; older versions are migrated on import."
    })
}

/// Applies the post-processing of the module docs to a schema and all its subschemas.
fn make_portable(schema: &mut Value) {
    let Some(keywords) = schema.as_object_mut() else {
        // `true` and `false` are schemas too, with nothing to change.
        return;
    };
    drop_non_standard_format(keywords);
    split_nullable_union_type(keywords);
    for_each_subschema(keywords, make_portable);
}

fn drop_non_standard_format(keywords: &mut Map<String, Value>) {
    let is_standard = keywords
        .get("format")
        .and_then(Value::as_str)
        .is_none_or(|format| STANDARD_FORMATS.contains(&format));
    if !is_standard {
        keywords.remove("format");
    }
}

/// Rewrites `"type": [T, "null"]` as `"anyOf": [{"type": T, …}, {"type": "null"}]`.
fn split_nullable_union_type(keywords: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = keywords.get("type") else {
        return;
    };
    let non_null_types: Vec<Value> = types
        .iter()
        .filter(|type_name| type_name.as_str() != Some("null"))
        .cloned()
        .collect();
    let is_nullable_single_type = types.len() == 2 && non_null_types.len() == 1;
    if !is_nullable_single_type || keywords.contains_key("anyOf") {
        return;
    }
    let mut non_null_branch = Map::new();
    let all_keywords = std::mem::take(keywords);
    for (keyword, value) in all_keywords {
        if ANNOTATION_KEYWORDS.contains(&keyword.as_str()) {
            keywords.insert(keyword, value);
        } else if keyword != "type" {
            non_null_branch.insert(keyword, value);
        }
    }
    non_null_branch.insert("type".to_owned(), non_null_types[0].clone());
    keywords.insert(
        "anyOf".to_owned(),
        Value::Array(vec![
            Value::Object(non_null_branch),
            serde_json::json!({ "type": "null" }),
        ]),
    );
}

/// Calls `visit` on every subschema of a schema object, and only on subschemas: the
/// values of `properties` are schemas but its keys are names, and `default`, `const`
/// or `enum` hold data that must not be rewritten even when it looks like a schema.
fn for_each_subschema(keywords: &mut Map<String, Value>, visit: fn(&mut Value)) {
    for (keyword, value) in keywords.iter_mut() {
        match keyword.as_str() {
            "$defs" | "definitions" | "properties" | "patternProperties" | "dependentSchemas" => {
                if let Some(named_schemas) = value.as_object_mut() {
                    named_schemas.values_mut().for_each(visit);
                }
            }
            "allOf" | "anyOf" | "oneOf" | "prefixItems" => {
                if let Some(schema_list) = value.as_array_mut() {
                    schema_list.iter_mut().for_each(visit);
                }
            }
            "items"
            | "additionalProperties"
            | "unevaluatedProperties"
            | "unevaluatedItems"
            | "propertyNames"
            | "contains"
            | "not"
            | "if"
            | "then"
            | "else" => visit(value),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when the committed schema differs from the one the types give, so a
    /// change to the types cannot ship with a stale schema.
    #[test]
    fn the_committed_schema_is_up_to_date() {
        let generated = model_file_json_schema_text();
        let committed_path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(COMMITTED_SCHEMA_PATH);
        if std::env::var_os("BITALIGN_WRITE_SCHEMA").is_some_and(|value| value == "1") {
            std::fs::write(&committed_path, &generated).expect("write the schema file");
            return;
        }
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        assert!(
            committed == generated,
            "{COMMITTED_SCHEMA_PATH} is stale (or missing): the Rust types changed. \
             Regenerate it with `BITALIGN_WRITE_SCHEMA=1 cargo test --lib io::json_schema`, \
             review the diff and commit it."
        );
    }

    #[test]
    fn the_schema_is_draft_2020_12_without_an_absolute_identity() {
        let schema = model_file_json_schema();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(schema.get("$id").is_none());
        assert_eq!(schema["properties"]["format"]["const"], "bitalign");
        assert_eq!(
            schema["properties"]["schema_version"]["const"],
            CURRENT_SCHEMA_VERSION
        );
    }

    /// Walks every object in the schema text, data included, and collects formats and
    /// types, so the checks below cannot miss a place the visitor skipped.
    fn collect_keyword_values(value: &Value, keyword: &str, found: &mut Vec<Value>) {
        match value {
            Value::Object(object) => {
                if let Some(keyword_value) = object.get(keyword) {
                    found.push(keyword_value.clone());
                }
                object
                    .values()
                    .for_each(|child| collect_keyword_values(child, keyword, found));
            }
            Value::Array(items) => items
                .iter()
                .for_each(|child| collect_keyword_values(child, keyword, found)),
            _ => {}
        }
    }

    #[test]
    fn only_standard_formats_and_no_union_types_remain() {
        let schema = model_file_json_schema();
        let mut formats = Vec::new();
        collect_keyword_values(&schema["$defs"], "format", &mut formats);
        let format_names: Vec<&str> = formats.iter().filter_map(Value::as_str).collect();
        assert!(format_names.contains(&"date-time"));
        assert!(format_names.contains(&"date"));
        for format in &format_names {
            assert!(
                STANDARD_FORMATS.contains(format),
                "non-standard format {format} left in the schema"
            );
        }
        let mut types = Vec::new();
        collect_keyword_values(&schema, "type", &mut types);
        // `type` may also be a property name (of tombstones, say); property schemas are
        // objects, type keywords are strings or arrays.
        assert!(
            types.iter().all(|type_value| !type_value.is_array()),
            "union type left in the schema"
        );
    }

    #[test]
    fn domain_ranges_survive_the_format_removal() {
        let schema = model_file_json_schema();
        let goal_weight = &schema["$defs"]["Goal"]["properties"]["weight"];
        assert_eq!(goal_weight["type"], "integer");
        assert_eq!(goal_weight["minimum"], 1);
        assert_eq!(goal_weight["maximum"], 5);
        assert!(goal_weight.get("format").is_none());
    }

    #[test]
    fn nullable_values_become_any_of_with_the_bounds_inside() {
        let schema = model_file_json_schema();
        let quality_rating = &schema["$defs"]["DataObject"]["properties"]["quality_rating"];
        let branches = quality_rating["anyOf"].as_array().expect("anyOf");
        assert_eq!(branches.len(), 2);
        assert_eq!(branches[0]["type"], "integer");
        assert_eq!(branches[0]["minimum"], 1);
        assert_eq!(branches[0]["maximum"], 5);
        assert_eq!(branches[1]["type"], "null");
    }

    #[test]
    fn data_that_looks_like_a_schema_is_left_alone() {
        let mut schema = serde_json::json!({
            "type": "object",
            "properties": { "format": { "type": ["string", "null"], "format": "uint8" } },
            "default": { "format": "uint8", "type": ["integer", "null"] }
        });
        make_portable(&mut schema);
        assert_eq!(
            schema["default"],
            serde_json::json!({ "format": "uint8", "type": ["integer", "null"] })
        );
        assert_eq!(
            schema["properties"]["format"],
            serde_json::json!({ "anyOf": [{ "type": "string" }, { "type": "null" }] })
        );
    }
}
