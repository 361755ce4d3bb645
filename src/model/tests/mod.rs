//! Native tests of validation and commands, with a hand-written fixture model.

pub(crate) mod fixture;

mod command_properties;
mod command_tests;
mod validation_tests;
