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

/// Runs a property over values of `strategy` on a thread with a large stack: generated
/// protocols are deep value trees, and debug builds use a lot of stack per level. Panics with
/// proptest's minimal failing case when the property fails.
pub fn check_property<S>(
    cases: u32,
    strategy: S,
    property: impl Fn(S::Value) -> Result<(), proptest::test_runner::TestCaseError> + Send + 'static,
) where
    S: proptest::strategy::Strategy + Send + 'static,
{
    use proptest::test_runner::{Config, TestRunner};
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let mut runner = TestRunner::new(Config::with_cases(cases));
            if let Err(error) = runner.run(&strategy, property) {
                panic!("{error}");
            }
        })
        .expect("the test thread starts")
        .join()
        .expect("the property holds");
}

/// [`check_property`] over whole generated protocols.
pub fn for_generated_protocols(
    cases: u32,
    property: impl Fn(
        protocolwijzer::model::Protocol,
    ) -> Result<(), proptest::test_runner::TestCaseError>
    + Send
    + 'static,
) {
    check_property(cases, generate::protocol(), property);
}

/// Runs the `protocolwijzer` binary with `args` and returns what it did.
pub fn protocolwijzer(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_protocolwijzer"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A program's standard output as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A program's standard error as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
