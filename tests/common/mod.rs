//! Shared test helpers: protocol generators and the stress protocol.

#![allow(dead_code)]

pub mod generate;
pub mod stress;

use std::path::PathBuf;

/// The path of a fixture in `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fixture, loaded.
pub fn fixture(name: &str) -> protocolwijzer::model::Protocol {
    protocolwijzer::file::load(&fixture_path(name)).unwrap_or_else(|error| panic!("{error}"))
}
