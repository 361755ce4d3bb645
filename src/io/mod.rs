//! Getting models in and out of bitalign as text: pure text in, model out, and back.
//!
//! Everything here is plain Rust with no browser types, so it is tested natively. The
//! browser side (file pickers, downloads, localStorage) hands text to these functions
//! and shows the errors they return in the user's language.
//!
//! - [`json`]: the bitalign JSON file (pretty-printed, for people and email) and the
//!   compact stored form (for localStorage), both in one envelope with a schema
//!   version, read through one guarded path: size and shape checks, parsing,
//!   migration of older versions, and validation of the model.
//! - [`csv`]: CSV for spreadsheets (separator, numbers, formula neutralization) and
//!   the roadmap's schedule as CSV.
//! - [`codec`]: the JSON parser, decoder and writer the app reads and writes with.
//! - [`json_migrations`]: the chain of steps that lifts a file of an older schema
//!   version to the current one.
//! - [`json_schema`]: the JSON Schema (2020-12) of the file, generated from the Rust
//!   types on native builds and committed as `public/bitalign.schema.json`.

pub mod codec;
pub mod csv;
pub mod json;
pub mod json_migrations;
#[cfg(not(target_arch = "wasm32"))]
pub mod json_schema;

pub use json::{
    deserialize_stored_model, export_model_file, import_model_file, import_model_file_bytes,
    serialize_model_compact, ImportError, ImportedFile, ModelFile, NotTextReason,
    CURRENT_SCHEMA_VERSION, FILE_FORMAT_MARKER, MAXIMUM_FILE_BYTES, MAXIMUM_NESTING_DEPTH,
};
pub use json_migrations::migrate;
