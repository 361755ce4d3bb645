//! bitalign: a Business-IT alignment workbench that runs entirely in the browser.
//!
//! The module tree follows ARCHITECTURE.md: `model`, `io`, `route`, `samples` and the
//! texts of `i18n` are pure Rust and are tested natively; everything that touches the
//! browser (`browser`, `storage`, `state`, `ui`) is compiled for wasm32 only.

pub mod charts;
pub mod float_text;
pub mod forms;
pub mod i18n;
pub mod io;
pub mod model;
pub mod route;
pub mod samples;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
