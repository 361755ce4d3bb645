//! bitalign: a Business-IT alignment workbench that runs entirely in the browser.
//!
//! The module tree follows ARCHITECTURE.md: `model` and `io` are pure Rust and are
//! tested natively; everything that touches the browser is compiled for wasm32 only.

pub mod model;
