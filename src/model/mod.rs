//! The pure domain core of bitalign: the entities, the commands that change them,
//! validation, and the formulas the views share.
//!
//! Nothing here may use leptos, web-sys, gloo, js-sys or wasm-bindgen: the core is
//! tested natively and stays deterministic, because ids and times come in from the
//! edge instead of being made here.

#[cfg(test)]
pub mod arbitrary;
pub mod commands;
pub mod formulas;
pub mod id_lookup;
pub mod objects_only;
pub mod quarter;
pub mod quoted_text;
pub mod text_fold;
pub mod timestamp_text;
pub mod types;
pub mod validation;

#[cfg(test)]
pub(crate) mod tests;

pub use commands::{
    Command, CommandOutcome, CommandRefusal, Dependent, Entity, EntityChange, EntityLabel,
    TouchedEntity,
};
pub use quarter::Quarter;
pub use types::*;
pub use validation::{validate_model, ModelPath, ModelViolation, ViolationKind};
