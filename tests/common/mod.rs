//! Shared test helpers: protocol generators and fixtures.

pub mod generate;
