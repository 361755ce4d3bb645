//! The JSON codec of the model: a small parser, decoding with JSON paths, and a
//! writer that reproduces serde_json's output byte for byte.
//!
//! serde's derive stays on the types for the JSON Schema and for the native tests
//! that check this codec against it; the app itself reads and writes through here,
//! because serde's generated code was the largest part of the WebAssembly bundle.

pub mod decode;
pub mod encode;
pub mod model_codec;
pub mod parse;

#[cfg(test)]
mod codec_tests;
