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

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::io::json_migrations::migrate;
use crate::io::json_path;
use crate::model::objects_only;
use crate::model::timestamp_text::{OptionalTimestampText, TimestampText};
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
pub const MAXIMUM_NESTING_DEPTH: usize = 64;

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

/// [`ModelFile`] borrowing the model, so exporting a large model does not copy it.
#[derive(Serialize)]
struct ModelFileForExport<'model> {
    format: &'static str,
    schema_version: u32,
    #[serde(with = "TimestampText")]
    exported_at: Timestamp,
    export_id: &'model str,
    based_on: Option<&'model str>,
    model: &'model Model,
}

/// The stored form: the file envelope without the export fields (see the module docs).
#[derive(Serialize)]
struct StoredModelForSave<'model> {
    format: &'static str,
    schema_version: u32,
    model: &'model Model,
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
    let file = ModelFileForExport {
        format: FILE_FORMAT_MARKER,
        schema_version: CURRENT_SCHEMA_VERSION,
        exported_at,
        export_id: &export_id,
        based_on: based_on.as_deref(),
        model,
    };
    let mut text = write_json_text(&file, JsonLayout::Pretty);
    text.push('\n');
    text
}

/// Writes `model` in the compact stored form for localStorage:
/// `{"format":"bitalign","schema_version":1,"model":{…}}` with no whitespace.
pub fn serialize_model_compact(model: &Model) -> String {
    let stored = StoredModelForSave {
        format: FILE_FORMAT_MARKER,
        schema_version: CURRENT_SCHEMA_VERSION,
        model,
    };
    write_json_text(&stored, JsonLayout::Compact)
}

/// Why the `expect`s on serialization above never fire: serde_json fails only on map
/// keys that are not strings, on `Serialize` impls that return errors, and on I/O
/// errors. The model's map keys are strings and quarters (written as strings), no
/// stored type has a fallible `Serialize`, and writing goes to memory. Non-finite
/// floats do not fail either: serde_json writes them as `null`, which validation of
/// the model refuses long before anything is exported.
const SERIALIZATION_CANNOT_FAIL: &str =
    "serializing a model to JSON cannot fail: string keys, infallible Serialize impls, in-memory writer";

/// Whether JSON is written for people (files) or for storage.
#[derive(Clone, Copy, PartialEq, Eq)]
enum JsonLayout {
    Pretty,
    Compact,
}

/// A serde_json formatter that writes either layout. Using one formatter type for
/// both means the serialization code of every model type exists once in the
/// WebAssembly bundle instead of once per layout.
struct SwitchableFormatter {
    pretty: Option<serde_json::ser::PrettyFormatter<'static>>,
}

/// Forwards a formatter method to the pretty formatter or to the compact one.
macro_rules! forward_to_layout {
    ($($method:ident($($argument:ident: $type:ty),*);)*) => {
        $(
            fn $method<W: ?Sized + std::io::Write>(&mut self, writer: &mut W $(, $argument: $type)*) -> std::io::Result<()> {
                match &mut self.pretty {
                    Some(pretty) => pretty.$method(writer $(, $argument)*),
                    None => serde_json::ser::CompactFormatter.$method(writer $(, $argument)*),
                }
            }
        )*
    };
}

impl serde_json::ser::Formatter for SwitchableFormatter {
    forward_to_layout! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
    }
}

/// Writes `value` as JSON text in the given layout.
fn write_json_text<T: Serialize + ?Sized>(value: &T, layout: JsonLayout) -> String {
    let formatter = SwitchableFormatter {
        pretty: (layout == JsonLayout::Pretty)
            .then(|| serde_json::ser::PrettyFormatter::with_indent(b"  ")),
    };
    let mut buffer = Vec::with_capacity(16 * 1024);
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffer, formatter);
    value
        .serialize(&mut serializer)
        .expect(SERIALIZATION_CANNOT_FAIL);
    // serde_json writes only UTF-8; the lossy conversion never replaces anything.
    String::from_utf8(buffer)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Reads a bitalign file given as text: guards, parse, migrate, validate.
///
/// A leading byte order mark is ignored. The export fields `exported_at` and
/// `export_id` are required in a file (a text without them is the stored form, read by
/// [`deserialize_stored_model`]).
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

/// Reads a bitalign file given as the raw bytes of a dropped or picked file.
///
/// Checks the size before anything else, strips a UTF-8 byte order mark, and refuses
/// binary content (a NUL byte or invalid UTF-8) with [`ImportError::NotText`] pointing
/// at the first offending byte, whichever of the two comes first.
pub fn import_model_file_bytes(bytes: &[u8]) -> Result<ImportedFile, ImportError> {
    if bytes.len() > MAXIMUM_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAXIMUM_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(UTF8_BYTE_ORDER_MARK).unwrap_or(bytes);
    let utf8_check = std::str::from_utf8(bytes);
    let first_invalid_utf8 = utf8_check
        .as_ref()
        .err()
        .map(std::str::Utf8Error::valid_up_to);
    let first_nul_byte = bytes.iter().position(|&byte| byte == 0);
    // A NUL byte anywhere marks a binary file (pictures, archives, office documents
    // all have them early), which deserves the plainer message "not a text file" even
    // when an invalid UTF-8 sequence comes first, as in a PNG header.
    let first_sign_of_binary = match (first_nul_byte, first_invalid_utf8) {
        (Some(nul_offset), _) => Some((NotTextReason::NulByte, nul_offset)),
        (None, Some(invalid_offset)) => Some((NotTextReason::InvalidUtf8, invalid_offset)),
        (None, None) => None,
    };
    if let Some((reason, byte_offset)) = first_sign_of_binary {
        return Err(ImportError::NotText {
            reason,
            byte_offset,
        });
    }
    match utf8_check {
        Ok(text) => import_model_file(text),
        Err(utf8_error) => Err(ImportError::NotText {
            reason: NotTextReason::InvalidUtf8,
            byte_offset: utf8_error.valid_up_to(),
        }),
    }
}

/// Reads a model from its stored text (see [`serialize_model_compact`]) through the
/// same guards, migrations and validation as a file. The export fields may be present
/// (a stored merge base kept as exported text) and are then ignored.
pub fn deserialize_stored_model(text: &str) -> Result<Model, ImportError> {
    let envelope = read_envelope(text)?;
    validated(envelope.model)
}

/// What the envelope stages produce: the model, well-typed but not yet validated.
struct EnvelopeRead {
    schema_version_read: u32,
    exported_at: Option<Timestamp>,
    export_id: Option<String>,
    based_on: Option<String>,
    model: Model,
}

/// The two fields read first, before anything else of the file is interpreted. Both
/// are kept as raw JSON so that any value (a string version, a number format) is
/// reported as an unsupported version or a foreign file instead of a type error, and
/// other fields are skipped without being parsed into a tree.
#[derive(Deserialize)]
struct EnvelopeIdentity<'text> {
    #[serde(borrow, default)]
    format: Option<&'text RawValue>,
    #[serde(borrow, default)]
    schema_version: Option<&'text RawValue>,
}

/// The envelope of the current schema version. The model stays raw here so that its
/// errors can be reported with paths under `model`, and unknown envelope fields are
/// refused like unknown model fields, so nothing in a file is silently dropped.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrentVersionEnvelope<'text> {
    #[serde(rename = "format")]
    _format: IgnoredAny,
    #[serde(rename = "schema_version")]
    _schema_version: IgnoredAny,
    #[serde(default, with = "OptionalTimestampText")]
    exported_at: Option<Timestamp>,
    #[serde(default)]
    export_id: Option<String>,
    #[serde(default)]
    based_on: Option<String>,
    #[serde(borrow, default)]
    model: Option<&'text RawValue>,
}

/// Stages 1 to 5 of the module docs: everything but validation.
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

    let document = parse_document_without_tree(text)?;
    if !document.get().starts_with('{') {
        return Err(ImportError::NotBitalignFormat);
    }
    let identity: EnvelopeIdentity = deserialize_with_path(document.get(), "")?;
    let is_bitalign = identity.format.is_some_and(|format| {
        serde_json::from_str::<String>(format.get())
            .is_ok_and(|marker| marker == FILE_FORMAT_MARKER)
    });
    if !is_bitalign {
        return Err(ImportError::NotBitalignFormat);
    }
    let schema_version_read = read_schema_version(identity.schema_version)?;

    if schema_version_read == CURRENT_SCHEMA_VERSION {
        return read_current_version_envelope(document.get(), schema_version_read);
    }
    // Older versions go through the migration chain on a JSON tree. Building the tree
    // is safe here: the nesting depth was checked, and old files are rare enough that
    // the extra memory does not matter.
    let file_tree: serde_json::Value =
        serde_json::from_str(document.get()).map_err(|error| syntax_error(&error))?;
    let migrated_tree = migrate(schema_version_read, file_tree)?;
    let migrated_text = write_json_text(&migrated_tree, JsonLayout::Compact);
    read_current_version_envelope(&migrated_text, schema_version_read)
}

/// Checks the syntax of the whole document (including that nothing but whitespace
/// follows it) and its nesting depth, and returns it as raw JSON without building a
/// tree. serde_json skips raw values with a loop, not recursion, so even a deeply
/// nested document cannot overflow the stack here.
fn parse_document_without_tree(text: &str) -> Result<&RawValue, ImportError> {
    let Some(excessive_offset) = find_first_excessive_nesting(text, MAXIMUM_NESTING_DEPTH) else {
        return serde_json::from_str(text).map_err(|error| syntax_error(&error));
    };
    let too_deeply_nested = || {
        let (line, column) = line_and_column_of(text, excessive_offset);
        ImportError::TooDeeplyNested {
            line,
            column,
            limit: MAXIMUM_NESTING_DEPTH,
        }
    };
    // Report whichever problem comes first in the text, as a parser reading from the
    // start would. The text before the excessive bracket is parsed on its own: when
    // it is fine so far, that parse can only end in "unexpected end of input", and
    // nothing after the bracket needs reading (20 MB of `[` stop here at once).
    // The offset is that of an ASCII bracket, so slicing there is on a char boundary.
    let text_before_excessive_nesting = text.get(..excessive_offset).unwrap_or(text);
    match serde_json::from_str::<&RawValue>(text_before_excessive_nesting) {
        Err(error) if error.is_eof() => Err(too_deeply_nested()),
        Err(error) => Err(syntax_error(&error)),
        // A complete value before a bracket that is still nested deeply cannot be
        // valid JSON; the whole text then says what is wrong.
        Ok(_) => match serde_json::from_str::<&RawValue>(text) {
            Err(error) => Err(syntax_error(&error)),
            Ok(_) => Err(too_deeply_nested()),
        },
    }
}

/// The byte offset of the first `[` or `{` that opens a level deeper than
/// `maximum_depth`, outside strings. Exact for valid JSON; on broken JSON it may be
/// off, which does not matter because the syntax error is then reported when it
/// comes first. A plain byte loop: one linear pass, no allocation, no recursion.
fn find_first_excessive_nesting(text: &str, maximum_depth: usize) -> Option<usize> {
    let mut depth: usize = 0;
    let mut inside_string = false;
    let mut after_backslash = false;
    for (byte_offset, &byte) in text.as_bytes().iter().enumerate() {
        if inside_string {
            if after_backslash {
                after_backslash = false;
            } else if byte == b'\\' {
                after_backslash = true;
            } else if byte == b'"' {
                inside_string = false;
            }
            continue;
        }
        match byte {
            b'"' => inside_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > maximum_depth {
                    return Some(byte_offset);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The 1-based line and 1-based byte column of `byte_offset`, counted the way
/// serde_json counts them in its errors, so both kinds of position compare.
fn line_and_column_of(text: &str, byte_offset: usize) -> (usize, usize) {
    let byte_offset = byte_offset.min(text.len());
    let before = &text.as_bytes()[..byte_offset];
    let start_of_line = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline_offset| newline_offset + 1);
    let line = 1 + before[..start_of_line]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count();
    (line, byte_offset - start_of_line + 1)
}

/// Turns a serde_json syntax error into [`ImportError::NotJson`], or into
/// [`ImportError::TooDeeplyNested`] should serde_json's own recursion limit ever fire
/// first (our depth check runs before it, so this is only a second line of defence).
fn syntax_error(error: &serde_json::Error) -> ImportError {
    let detail = message_without_position(error);
    if detail.starts_with("recursion limit exceeded") {
        return ImportError::TooDeeplyNested {
            line: error.line(),
            column: error.column(),
            limit: MAXIMUM_NESTING_DEPTH,
        };
    }
    ImportError::NotJson {
        line: error.line(),
        column: error.column(),
        detail,
    }
}

/// serde_json's message without its " at line L column C" ending (the position is
/// reported separately, and for a part of the file it would count from that part),
/// and cut to [`MAXIMUM_DETAIL_CHARACTERS`]: serde quotes the offending value, which
/// may be a string of many megabytes.
fn message_without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position_suffix = format!(" at line {} column {}", error.line(), error.column());
    let message_alone = message.strip_suffix(&position_suffix).unwrap_or(&message);
    shortened(message_alone, MAXIMUM_DETAIL_CHARACTERS)
}

/// Reads `schema_version`: a positive integer no greater than the current version.
fn read_schema_version(raw_version: Option<&RawValue>) -> Result<u32, ImportError> {
    let Some(raw_version) = raw_version else {
        return Err(ImportError::UnsupportedSchemaVersion { found: None });
    };
    let unsupported = || ImportError::UnsupportedSchemaVersion {
        found: Some(shortened(raw_version.get(), MAXIMUM_QUOTED_CHARACTERS)),
    };
    let number: serde_json::Number =
        serde_json::from_str(raw_version.get()).map_err(|_| unsupported())?;
    let version = number.as_u64().ok_or_else(unsupported)?;
    if version == 0 {
        return Err(unsupported());
    }
    if version > u64::from(CURRENT_SCHEMA_VERSION) {
        return Err(ImportError::NewerSchemaVersion {
            found: version,
            supported: CURRENT_SCHEMA_VERSION,
        });
    }
    u32::try_from(version).map_err(|_| unsupported())
}

/// Reads the envelope of the current version and then the model inside it.
fn read_current_version_envelope(
    document: &str,
    schema_version_read: u32,
) -> Result<EnvelopeRead, ImportError> {
    let envelope: CurrentVersionEnvelope = deserialize_with_path(document, "")?;
    let raw_model = envelope.model.ok_or_else(|| missing_field_error("model"))?;
    let ModelObject(model) = deserialize_with_path(raw_model.get(), "model")?;
    Ok(EnvelopeRead {
        schema_version_read,
        exported_at: envelope.exported_at,
        export_id: envelope.export_id,
        based_on: envelope.based_on,
        model,
    })
}

/// A model read from a JSON object only, like every struct inside it (see
/// [`crate::model::objects_only`]), so that no positional array reader of the model
/// is compiled.
struct ModelObject(Model);

impl<'de> Deserialize<'de> for ModelObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ModelObject, D::Error> {
        objects_only::object(deserializer).map(ModelObject)
    }
}

/// Deserializes `text`, reporting a failure as [`ImportError::WrongType`] with the
/// JSON path of the failing value below `path_prefix`. The path is recovered from the
/// error's position afterwards (see [`crate::io::json_path`]) so that every model type
/// has one deserializer in the bundle, not a second, path-tracking one.
fn deserialize_with_path<'text, T: Deserialize<'text>>(
    text: &'text str,
    path_prefix: &str,
) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|error| {
        let offset = json_path::byte_offset_of_line_and_column(text, error.line(), error.column());
        ImportError::WrongType {
            path: json_path::json_path_at(text, offset, path_prefix),
            detail: message_without_position(&error),
        }
    })
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
                shortened(&format!("{export_id:?}"), MAXIMUM_QUOTED_CHARACTERS)
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
