//! The bitalign JSON file and the stored form of a model, and the one guarded path
//! that reads both.
//!
//! A file looks like this (DESIGN.md section 4):
//!
//! ```json
//! {
//!   "format": "bitalign",
//!   "schema_version": 1,
//!   "exported_at": "2026-11-28T09:30:00Z",
//!   "export_id": "6f1c…",
//!   "based_on": null,
//!   "model": { … }
//! }
//! ```
//!
//! Files are pretty-printed with two spaces and a trailing newline, and keys come in
//! struct field order (maps are `BTreeMap`s), so two exports of the same model differ
//! only in `exported_at` and `export_id`, and a file diffs well in email or git.
//!
//! The stored form for localStorage ([`serialize_model_compact`]) is the same envelope
//! written compactly and without the export fields: a model in storage has not been
//! exported, and inventing an export time or id for it would make a later merge
//! believe in an export that never happened. [`deserialize_stored_model`] also accepts
//! the export fields, so a stored merge base that was kept as exported text loads
//! through the same function.
//!
//! Reading goes through these stages, each with its own [`ImportError`], so that the
//! UI can say precisely what is wrong and where:
//!
//! 1. Guards on the raw text: size ([`MAXIMUM_FILE_BYTES`]), binary content, emptiness.
//! 2. Syntax of the whole document and its nesting depth, checked without building a
//!    tree, so 20 MB of text costs one linear pass and no large allocation.
//! 3. The envelope: the `format` marker and the `schema_version` are read before
//!    anything else, so a file from a newer bitalign is refused before its model is
//!    interpreted by rules it was not written for.
//! 4. Migration of older schema versions ([`crate::io::json_migrations`]).
//! 5. The model itself, deserialized with `serde_path_to_error` so a wrong type is
//!    reported with its JSON path, such as `model.initiatives[2].scores.value`.
//! 6. [`validate_model`]: ranges, references, duplicate ids.

use serde::{Deserialize, Serialize};

use crate::io::codec::decode::{self, Decode, DecodeError, Trail};
use crate::io::codec::encode::{Encode, JsonLayout, JsonWriter};
use crate::io::codec::parse::{parse_json, JsonValue, SyntaxError, SyntaxProblem};
use crate::io::json_migrations::migrate;
use crate::model::quoted_text::quoted_for_message;
use crate::model::timestamp_text::TimestampText;
use crate::model::types::{Model, Timestamp};
use crate::model::validation::{validate_model, ModelViolation};

/// The schema version this build writes and the newest it reads. Every change to the
/// file format bumps it and adds a step to [`crate::io::json_migrations`].
pub const CURRENT_SCHEMA_VERSION: u32 = 1;

/// The value of the `format` field that marks a JSON document as a bitalign file.
pub const FILE_FORMAT_MARKER: &str = "bitalign";

/// The largest file read, in bytes (20 MiB). A real model with hundreds of entities is
/// well under one megabyte; anything much larger is surely the wrong file, and
/// refusing it at once keeps the browser responsive instead of parsing for seconds.
pub const MAXIMUM_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The deepest nesting of arrays and objects read. A real file nests about seven
/// levels (file, model, initiatives, an initiative, scores, criterion scores). The
/// limit sits well below serde_json's own recursion limit of 128, so that a hostile
/// or broken file is always reported by our own check, with its position, and never
/// reaches a recursive parser at all.
pub const MAXIMUM_NESTING_DEPTH: usize = crate::io::codec::parse::MAXIMUM_NESTING_DEPTH;

/// How many characters of an offending schema version an error keeps, so that an
/// error about a 10 MB string does not carry the string around.
const MAXIMUM_QUOTED_CHARACTERS: usize = 40;

/// How many characters of serde's message an error keeps as technical detail; serde
/// quotes offending values in full.
const MAXIMUM_DETAIL_CHARACTERS: usize = 300;

/// The byte order mark some editors (notably on Windows) put before UTF-8 text.
const UTF8_BYTE_ORDER_MARK: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Why bytes were taken for binary rather than text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotTextReason {
    /// A NUL byte, which no JSON text contains but almost every binary file does.
    NulByte,
    /// A byte sequence that is not valid UTF-8.
    InvalidUtf8,
}

/// Why a file or a stored text could not be read as a bitalign model.
///
/// The variants are data, not sentences: the UI turns each into a message in the
/// user's language. The `Display` text is plain English for logs and tests only.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The text is empty or holds only whitespace.
    #[error("the file is empty")]
    Empty,

    /// The bytes are not text: a picture, an archive, or text in another encoding.
    #[error("the file is not UTF-8 text ({reason:?} at byte {byte_offset})")]
    NotText {
        reason: NotTextReason,
        /// Offset of the first offending byte, counted after a stripped byte order mark.
        byte_offset: usize,
    },

    /// The file is larger than [`MAXIMUM_FILE_BYTES`]; it was not parsed at all.
    #[error("the file has {bytes} bytes, more than the limit of {limit}")]
    TooLarge { bytes: usize, limit: usize },

    /// The text is not JSON. Line and column are 1-based; the column counts bytes, as
    /// serde_json does. `detail` is serde_json's message without its position, shown
    /// by the UI as technical detail.
    #[error("not JSON at line {line} column {column}: {detail}")]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },

    /// Arrays or objects are nested deeper than `limit`: no bitalign file does that,
    /// and reading on could exhaust the stack.
    #[error("nested deeper than {limit} levels at line {line} column {column}")]
    TooDeeplyNested {
        line: usize,
        column: usize,
        limit: usize,
    },

    /// Valid JSON, but not a bitalign file: it is not an object with
    /// `"format": "bitalign"` (for example a package.json).
    #[error("the JSON is not a bitalign file")]
    NotBitalignFormat,

    /// A newer bitalign wrote the file. Refused rather than read in part, so that an
    /// older app never silently drops fields it does not know.
    #[error(
        "schema version {found} was written by a newer bitalign (this one reads up to {supported})"
    )]
    NewerSchemaVersion { found: u64, supported: u32 },

    /// The `schema_version` is missing, null, zero, negative, fractional or not a
    /// number. `found` is the JSON text of the value (shortened), `None` when it is
    /// missing or null.
    #[error("unsupported schema version {found:?}")]
    UnsupportedSchemaVersion { found: Option<String> },

    /// A value has the wrong type or shape, or a required field is missing, or an
    /// unknown field is present. `path` is the JSON path of the place, such as
    /// `model.initiatives[2].scores.value` (empty for the top level); `detail` is
    /// serde's message, shown by the UI as technical detail.
    #[error("wrong type at `{path}`: {detail}")]
    WrongType { path: String, detail: String },

    /// The model is well-formed but breaks invariants: scores out of range, links to
    /// missing entities, duplicate ids. Each violation carries its own path.
    #[error("the model breaks {} rule(s), the first at `{}`", violations.len(), violations.first().map_or("", |violation| violation.path.as_str()))]
    InvalidModel { violations: Vec<ModelViolation> },
}

/// A file that was read, migrated and validated, with its envelope data.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedFile {
    pub model: Model,
    /// The schema version the file was written with, before migration.
    pub schema_version_read: u32,
    pub exported_at: Timestamp,
    /// The id of this export; a merge records it in the model's `merged_export_ids`.
    pub export_id: String,
    /// The export this file descends from, naming the base of a three-way merge.
    pub based_on: Option<String>,
}

/// The typed form of a bitalign file, in the field order files are written in.
///
/// Export writes a borrowing twin of this struct (so the model is not cloned), and the
/// JSON Schema in `public/bitalign.schema.json` is generated from this one; a test
/// checks that an exported file reads back into it unchanged, so the two cannot drift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "bitalign model file",
        description = "A Business-IT alignment model exported by bitalign."
    )
)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    /// Always "bitalign": marks the JSON as a bitalign file.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::io::json_schema::format_marker_schema")
    )]
    pub format: String,
    /// The version of this file format; older versions are migrated on import.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "crate::io::json_schema::schema_version_schema")
    )]
    pub schema_version: u32,
    /// When the file was exported, in UTC.
    #[serde(with = "TimestampText")]
    pub exported_at: Timestamp,
    /// A fresh id for every export, so that merging the same file twice is recognized.
    pub export_id: String,
    /// The `export_id` of the file this model was imported from, if any.
    #[serde(default)]
    pub based_on: Option<String>,
    pub model: Model,
}

/// Writes the envelope fields every stored or exported text starts with.
fn write_envelope_start(writer: &mut JsonWriter) {
    writer.begin_object();
    writer.key("format");
    writer.string(FILE_FORMAT_MARKER);
    writer.key("schema_version");
    CURRENT_SCHEMA_VERSION.encode(writer);
}

/// Writes `model` as a bitalign file: pretty-printed with two spaces, UTF-8, keys in a
/// stable order, ending in a newline.
///
/// `exported_at` and `export_id` come from the edge (clock and random id), which keeps
/// this function deterministic. `based_on` is the `export_id` of the file the model
/// was imported from.
pub fn export_model_file(
    model: &Model,
    exported_at: Timestamp,
    export_id: String,
    based_on: Option<String>,
) -> String {
    let mut writer = JsonWriter::new(JsonLayout::Pretty);
    write_envelope_start(&mut writer);
    writer.key("exported_at");
    exported_at.encode(&mut writer);
    writer.key("export_id");
    writer.string(&export_id);
    writer.key("based_on");
    based_on.encode(&mut writer);
    writer.key("model");
    model.encode(&mut writer);
    writer.end_object();
    let mut text = writer.finish();
    text.push('\n');
    text
}

/// Writes `model` in the compact stored form for localStorage:
/// `{"format":"bitalign","schema_version":1,"model":{…}}` with no whitespace.
pub fn serialize_model_compact(model: &Model) -> String {
    let mut writer = JsonWriter::new(JsonLayout::Compact);
    write_envelope_start(&mut writer);
    writer.key("model");
    model.encode(&mut writer);
    writer.end_object();
    writer.finish()
}

/// Reads a bitalign file: guards, parse, envelope, migration, model, validation.
pub fn import_model_file(text: &str) -> Result<ImportedFile, ImportError> {
    let envelope = read_envelope(text)?;
    let exported_at = envelope
        .exported_at
        .ok_or_else(|| missing_field_error("exported_at"))?;
    let export_id = envelope
        .export_id
        .ok_or_else(|| missing_field_error("export_id"))?;
    check_export_id(&export_id, "export_id")?;
    if let Some(based_on) = &envelope.based_on {
        check_export_id(based_on, "based_on")?;
    }
    let model = validated(envelope.model)?;
    Ok(ImportedFile {
        model,
        schema_version_read: envelope.schema_version_read,
        exported_at,
        export_id,
        based_on: envelope.based_on,
    })
}

/// Reads a file given as bytes: refuses binary content and text that is not UTF-8
/// before anything else, and strips a UTF-8 byte order mark.
pub fn import_model_file_bytes(bytes: &[u8]) -> Result<ImportedFile, ImportError> {
    if bytes.len() > MAXIMUM_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAXIMUM_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(UTF8_BYTE_ORDER_MARK).unwrap_or(bytes);
    let first_nul_byte = bytes.iter().position(|&byte| byte == 0);
    // A NUL byte anywhere marks a binary file (pictures, archives, office documents
    // all have them early), which deserves the plainer message "not a text file" even
    // when an invalid UTF-8 sequence comes first, as in a PNG header.
    if let Some(byte_offset) = first_nul_byte {
        return Err(ImportError::NotText {
            reason: NotTextReason::NulByte,
            byte_offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => import_model_file(text),
        Err(utf8_error) => Err(ImportError::NotText {
            reason: NotTextReason::InvalidUtf8,
            byte_offset: utf8_error.valid_up_to(),
        }),
    }
}

/// Reads the stored form (or a whole exported file) from localStorage.
pub fn deserialize_stored_model(text: &str) -> Result<Model, ImportError> {
    let envelope = read_envelope(text)?;
    validated(envelope.model)
}

/// What the envelope held, with the model decoded but not yet validated.
struct EnvelopeRead {
    schema_version_read: u32,
    exported_at: Option<Timestamp>,
    export_id: Option<String>,
    based_on: Option<String>,
    model: Model,
}

/// The members an envelope may have.
const ENVELOPE_FIELDS: &[&str] = &[
    "format",
    "schema_version",
    "exported_at",
    "export_id",
    "based_on",
    "model",
];

fn syntax_error(error: SyntaxError) -> ImportError {
    match error.problem {
        SyntaxProblem::TooDeeplyNested => ImportError::TooDeeplyNested {
            line: error.line,
            column: error.column,
            limit: MAXIMUM_NESTING_DEPTH,
        },
        problem => ImportError::NotJson {
            line: error.line,
            column: error.column,
            detail: problem.describe().to_string(),
        },
    }
}

fn wrong_type(error: DecodeError) -> ImportError {
    ImportError::WrongType {
        path: error.path,
        detail: shortened(&error.detail, MAXIMUM_DETAIL_CHARACTERS),
    }
}

/// Stages 1 to 5 of the module docs.
fn read_envelope(text: &str) -> Result<EnvelopeRead, ImportError> {
    if text.len() > MAXIMUM_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAXIMUM_FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(byte_offset) = text.bytes().position(|byte| byte == 0) {
        return Err(ImportError::NotText {
            reason: NotTextReason::NulByte,
            byte_offset,
        });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let document = parse_json(text).map_err(syntax_error)?;
    let JsonValue::Object(_) = &document else {
        return Err(ImportError::NotBitalignFormat);
    };
    let is_bitalign = matches!(
        document.member("format"),
        Some(JsonValue::String(marker)) if marker == FILE_FORMAT_MARKER
    );
    if !is_bitalign {
        return Err(ImportError::NotBitalignFormat);
    }
    let schema_version_read = read_schema_version(document.member("schema_version"))?;
    let document = if schema_version_read < CURRENT_SCHEMA_VERSION {
        migrate(schema_version_read, document)?
    } else {
        document
    };
    let root = Trail::root("");
    let members =
        decode::object_members(&document, &root, "a bitalign file").map_err(wrong_type)?;
    decode::check_member_names(members, ENVELOPE_FIELDS, &root).map_err(wrong_type)?;
    let exported_at = decode::optional_field(members, "exported_at", &root).map_err(wrong_type)?;
    let export_id = decode::optional_field(members, "export_id", &root).map_err(wrong_type)?;
    let based_on = decode::optional_field(members, "based_on", &root).map_err(wrong_type)?;
    let model_value = document
        .member("model")
        .ok_or_else(|| missing_field_error("model"))?;
    let model = Model::decode(model_value, &Trail::root("model")).map_err(wrong_type)?;
    Ok(EnvelopeRead {
        schema_version_read,
        exported_at,
        export_id,
        based_on,
        model,
    })
}

fn read_schema_version(version: Option<&JsonValue>) -> Result<u32, ImportError> {
    let Some(version) = version.filter(|version| **version != JsonValue::Null) else {
        return Err(ImportError::UnsupportedSchemaVersion { found: None });
    };
    let unsupported = |text: &str| ImportError::UnsupportedSchemaVersion {
        found: Some(shortened(text, MAXIMUM_QUOTED_CHARACTERS)),
    };
    let JsonValue::Number(number_text) = version else {
        let shown = match version {
            JsonValue::String(text) => quoted_for_message(text.as_ref()),
            JsonValue::Bool(flag) => flag.to_string(),
            JsonValue::Array(_) => "[…]".to_string(),
            _ => "{…}".to_string(),
        };
        return Err(unsupported(&shown));
    };
    let whole_number = number_text
        .bytes()
        .all(|byte| byte.is_ascii_digit())
        .then(|| number_text.parse::<u64>().ok())
        .flatten();
    let Some(version_number) = whole_number else {
        // Digits beyond u64 are still a whole number, and surely a newer version.
        if number_text.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(ImportError::NewerSchemaVersion {
                found: u64::MAX,
                supported: CURRENT_SCHEMA_VERSION,
            });
        }
        return Err(unsupported(number_text));
    };
    if version_number == 0 {
        return Err(unsupported(number_text));
    }
    if version_number > u64::from(CURRENT_SCHEMA_VERSION) {
        return Err(ImportError::NewerSchemaVersion {
            found: version_number,
            supported: CURRENT_SCHEMA_VERSION,
        });
    }
    u32::try_from(version_number).map_err(|_| unsupported(number_text))
}

/// The error for an envelope field that is required but missing or null, worded like
/// serde's own message for a missing field.
fn missing_field_error(field: &str) -> ImportError {
    ImportError::WrongType {
        path: field.to_owned(),
        detail: format!("missing field `{field}`"),
    }
}

/// The longest export id accepted, in characters. Ids made by bitalign are UUIDs (36
/// characters); the bound matches the one model validation puts on ids.
const MAXIMUM_EXPORT_ID_CHARACTERS: usize = 200;

/// Refuses an `export_id` or `based_on` that could not later stand in the model: a
/// merge records the file's `export_id` in `merged_export_ids`, where validation
/// requires a proper id, so a blank or malformed one must be refused now rather than
/// make the merged model unsavable.
fn check_export_id(export_id: &str, field: &str) -> Result<(), ImportError> {
    let is_proper_id = !export_id.trim().is_empty()
        && export_id.trim().len() == export_id.len()
        && !export_id.chars().any(char::is_control)
        && export_id.chars().count() <= MAXIMUM_EXPORT_ID_CHARACTERS;
    if is_proper_id {
        Ok(())
    } else {
        Err(ImportError::WrongType {
            path: field.to_owned(),
            detail: format!(
                "invalid value: {}, expected a non-empty id without surrounding whitespace or \
                 control characters, at most {MAXIMUM_EXPORT_ID_CHARACTERS} characters",
                shortened(&quoted_for_message(export_id), MAXIMUM_QUOTED_CHARACTERS)
            ),
        })
    }
}

/// At most `maximum_characters` characters of `text`, marked with `…` when cut.
fn shortened(text: &str, maximum_characters: usize) -> String {
    let mut characters = text.chars();
    let mut kept: String = characters.by_ref().take(maximum_characters).collect();
    if characters.next().is_some() {
        kept.push('…');
    }
    kept
}

/// Stage 6: the invariants of the model.
fn validated(model: Model) -> Result<Model, ImportError> {
    let violations = validate_model(&model);
    if violations.is_empty() {
        Ok(model)
    } else {
        Err(ImportError::InvalidModel { violations })
    }
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
