//! Signing our exported PDFs as a signer's tool does: pyHanko (from PyPI) with a self-made
//! test CA (tests/python/pdf_signing.py), for tests/signed_pdf.rs and the app's test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use protocolwijzer::model::Protocol;
use protocolwijzer::signature::{self, Report, Roots};

/// The approved fixture whose export is signed.
pub const FIXTURE: &str = "opgroeien-gemeente-ingevuld.ron";
/// The test CA's root.
pub const TEST_ROOT: &str = "Protocolwijzer Test Root CA";

/// Whether pyHanko can run here; a failure when CI requires the real clients.
pub fn pyhanko_available() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import pyhanko, cryptography"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert!(
            std::env::var("PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS").as_deref() != Ok("1"),
            "pyHanko (pip install pyhanko) is missing and PROTOCOLWIJZER_REQUIRE_REAL_CLIENTS=1"
        );
        eprintln!("note: pyHanko not found; skipping the signing checks");
    }
    found
}

pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/pdf_signing.py")
}

pub fn python(args: &[&str]) -> String {
    let output = Command::new("python3")
        .arg(script())
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "pdf_signing.py {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A test CA in `folder`; returns the folder of its root, to trust.
pub fn make_ca(folder: &Path) -> PathBuf {
    python(&["make-ca", &folder.join("ca").to_string_lossy()]);
    let roots = folder.join("roots");
    std::fs::create_dir_all(&roots).unwrap();
    std::fs::copy(folder.join("ca/root.pem"), roots.join("root.pem")).unwrap();
    roots
}

/// Signs `field` of `source` into `target`, with the RSA signer or the ECDSA one.
pub fn sign(folder: &Path, source: &Path, target: &Path, field: &str, ecdsa: bool) {
    let ca = folder.join("ca");
    let signer = if ecdsa { "ec-signer" } else { "rsa-signer" };
    python(&[
        "sign",
        &source.to_string_lossy(),
        &target.to_string_lossy(),
        field,
        &ca.join(format!("{signer}.key")).to_string_lossy(),
        &ca.join(format!("{signer}.pem")).to_string_lossy(),
        &ca.join("ca.pem").to_string_lossy(),
        &ca.join("root.pem").to_string_lossy(),
    ]);
}

/// Our signature-ready export of `protocol`, written to `path`.
pub fn export(protocol_file: &Path, path: &Path) {
    let output = super::protocolwijzer(&[
        "export",
        &protocol_file.to_string_lossy(),
        "--pdf",
        &path.to_string_lossy(),
    ]);
    assert!(output.status.success(), "{}", super::stderr(&output));
}

pub fn verify(path: &Path, roots: &Roots, protocol: Option<&Protocol>) -> Report {
    signature::verify(&std::fs::read(path).unwrap(), roots, protocol).unwrap()
}

/// The export of the fixture, signed in all its fields in turn (RSA, ECDSA, RSA …); returns
/// the file after each signature.
pub struct Signed {
    /// The folder of the files and the test CA.
    pub folder: tempfile::TempDir,
    /// The test CA's root, trusted.
    pub roots: Roots,
    /// The exported fields, in order.
    pub fields: Vec<String>,
    /// The export, then the file after each signature.
    pub versions: Vec<PathBuf>,
}

pub fn signed_in_turn(fields_to_sign: Option<usize>) -> Signed {
    let folder = tempfile::tempdir().unwrap();
    let roots_folder = make_ca(folder.path());
    let roots = Roots::from_folder(&roots_folder).unwrap();
    let exported = folder.path().join("protocol.pdf");
    export(&super::fixture_path(FIXTURE), &exported);
    let fields: Vec<String> = verify(&exported, &roots, None)
        .fields
        .into_iter()
        .map(|field| field.name)
        .collect();
    assert!(fields.len() >= 3, "{fields:?}");
    let mut versions = vec![exported];
    for (index, field) in fields
        .iter()
        .enumerate()
        .take(fields_to_sign.unwrap_or(usize::MAX))
    {
        let target = folder.path().join(format!("ondertekend-{}.pdf", index + 1));
        sign(
            folder.path(),
            versions.last().unwrap(),
            &target,
            field,
            index % 2 == 1,
        );
        versions.push(target);
    }
    Signed {
        folder,
        roots,
        fields,
        versions,
    }
}
