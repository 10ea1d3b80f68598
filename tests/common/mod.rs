//! Shared test helpers: protocol generators and the stress protocol.

#![allow(dead_code)]

pub mod generate;
pub mod readback;
pub mod signing;
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

/// Whether CI asked for every check that needs the release artefacts, Wine or a mount
/// (`PROTOCOLWIJZER_REQUIRE_DIST=1`): then a missing tool fails the test instead of skipping it.
pub fn distribution_checks_required() -> bool {
    std::env::var("PROTOCOLWIJZER_REQUIRE_DIST").as_deref() == Ok("1")
}

/// Skips a test that cannot run here, saying why, or fails it when CI requires it
/// ([`distribution_checks_required`]).
pub fn skip_or_fail(reason: &str) {
    assert!(
        !distribution_checks_required(),
        "{reason}, and PROTOCOLWIJZER_REQUIRE_DIST=1"
    );
    eprintln!("skipped: {reason}");
}

/// Whether the tests run as root (mounts and chroots need it).
pub fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}

/// A folder made read-only in place, as a read-only network share is: a read-only bind mount
/// of the folder onto itself when running as root (root ignores permission bits), the
/// permission bits otherwise. Writable again when dropped.
pub struct ReadOnlyFolder {
    path: PathBuf,
    mounted: bool,
}

impl ReadOnlyFolder {
    /// Makes `path` (an existing folder) read-only. `Err` says why that is not possible here.
    pub fn new(path: &std::path::Path) -> Result<Self, String> {
        use std::os::unix::fs::PermissionsExt as _;
        use std::process::Command;
        if !is_root() {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555))
                .map_err(|error| error.to_string())?;
            return Ok(Self {
                path: path.to_path_buf(),
                mounted: false,
            });
        }
        let mount = |options: &[&std::ffi::OsStr]| -> Result<(), String> {
            let output = Command::new("mount")
                .args(options)
                .output()
                .map_err(|error| format!("mount: {error}"))?;
            if output.status.success() {
                Ok(())
            } else {
                Err(format!(
                    "mount {options:?}: {}",
                    String::from_utf8_lossy(&output.stderr).trim()
                ))
            }
        };
        mount(&["--bind".as_ref(), path.as_os_str(), path.as_os_str()])?;
        let folder = Self {
            path: path.to_path_buf(),
            mounted: true,
        };
        mount(&["-o".as_ref(), "remount,ro,bind".as_ref(), path.as_os_str()])?;
        Ok(folder)
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        if self.mounted {
            let _ = std::process::Command::new("umount")
                .arg(&self.path)
                .status();
        } else {
            use std::os::unix::fs::PermissionsExt as _;
            let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o755));
        }
    }
}
