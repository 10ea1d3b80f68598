//! Records the commit the binary is built from, for `protocolwijzer --version`, and for a
//! Windows build embeds the icon, the version information and the manifest in the `.exe`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "onbekend".to_string());
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .is_some_and(|output| !output.stdout.is_empty());
    let suffix = if dirty { "+wijzigingen" } else { "" };
    println!("cargo:rustc-env=PROTOCOLWIJZER_COMMIT={commit}{suffix}");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        embed_windows_resources(&format!("{commit}{suffix}"));
    }
    for path in [".git/HEAD", ".git/index", ".git/refs"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// Compiles the Windows resources (icon, version information, manifest) with the MinGW
/// resource compiler and links them into the `protocolwijzer` binary.
fn embed_windows_resources(commit: &str) {
    if env::var("CARGO_CFG_TARGET_ENV").as_deref() != Ok("gnu") {
        println!("cargo:warning=Windows resources are only embedded for the -gnu target");
        return;
    }
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|part| part.parse().unwrap_or(0))
        .collect();
    let [major, minor, patch] = [0, 1, 2].map(|index| numbers.get(index).copied().unwrap_or(0));

    let icon = manifest_dir.join("assets/icon/protocolwijzer.ico");
    let manifest_source = manifest_dir.join("assets/windows/protocolwijzer.exe.manifest");
    println!("cargo:rerun-if-changed={}", icon.display());
    println!("cargo:rerun-if-changed={}", manifest_source.display());
    let manifest = fs::read_to_string(&manifest_source)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", manifest_source.display()))
        .replace("@VERSION@", &format!("{major}.{minor}.{patch}.0"));
    let manifest_path = out_dir.join("protocolwijzer.exe.manifest");
    write(&manifest_path, &manifest);

    let resources = format!(
        r#"#pragma code_page(65001)
LANGUAGE 0x13, 0x02
1 ICON "{icon}"
1 24 "{manifest}"
1 VERSIONINFO
FILEVERSION {major},{minor},{patch},0
PRODUCTVERSION {major},{minor},{patch},0
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "081304B0"
    BEGIN
      VALUE "CompanyName", "Protocolwijzer"
      VALUE "FileDescription", "Protocolwijzer - protocollen voor de mededeling van persoonsgegevens"
      VALUE "FileVersion", "{version} (commit {commit})"
      VALUE "InternalName", "protocolwijzer"
      VALUE "LegalCopyright", "EUPL-1.2"
      VALUE "OriginalFilename", "protocolwijzer.exe"
      VALUE "ProductName", "Protocolwijzer"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0813, 1200
  END
END
"#,
        icon = rc_path(&icon),
        manifest = rc_path(&manifest_path),
    );
    let script = out_dir.join("protocolwijzer.rc");
    write(&script, &resources);

    let compiled = out_dir.join("protocolwijzer-resources.o");
    let compiler = resource_compiler();
    let status = Command::new(&compiler)
        .arg("--codepage=65001")
        .arg("--input")
        .arg(&script)
        .arg("--output-format=coff")
        .arg("--output")
        .arg(&compiled)
        .status()
        .unwrap_or_else(|error| {
            panic!(
                "cannot run the resource compiler `{compiler}` ({error}); on Debian/Ubuntu: \
                 apt-get install binutils-mingw-w64-x86-64 (or set WINDRES)"
            )
        });
    assert!(
        status.success(),
        "`{compiler}` failed on {}",
        script.display()
    );
    println!(
        "cargo:rustc-link-arg-bin=protocolwijzer={}",
        compiled.display()
    );
}

/// The resource compiler: `$WINDRES`, the MinGW cross tool when cross-compiling, else `windres`.
fn resource_compiler() -> String {
    println!("cargo:rerun-if-env-changed=WINDRES");
    if let Ok(compiler) = env::var("WINDRES") {
        return compiler;
    }
    let host = env::var("HOST").unwrap_or_default();
    let target = env::var("TARGET").unwrap_or_default();
    if host != target && target.starts_with("x86_64-") {
        "x86_64-w64-mingw32-windres".to_string()
    } else {
        "windres".to_string()
    }
}

/// A path as a resource-script string (forward slashes need no escaping).
fn rc_path(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

fn write(path: &Path, text: &str) {
    fs::write(path, text)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
}
