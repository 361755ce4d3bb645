//! The pure domain core of bitalign: the entities, the commands that change them,
//! validation, and the formulas the views share.
//!
//! Nothing here may use leptos, web-sys, gloo, js-sys or wasm-bindgen: the core is
//! tested natively and stays deterministic, because ids and times come in from the
//! edge instead of being made here.

pub mod quarter;
pub mod types;
pub mod validation;

pub use quarter::Quarter;
pub use types::*;
