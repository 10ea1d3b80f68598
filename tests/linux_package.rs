//! The Linux package (`dist/protocolwijzer_*.deb`, made by `cargo xtask dist`): what it holds,
//! and that it installs with apt in a clean Debian chroot, where the program runs, exports the
//! same bytes as this build, opens its window with only the libraries the package pulls in,
//! and is registered for double-clicked protocol files.
//!
//! Without the package, root or debootstrap these tests are skipped with a note, unless
//! `PROTOCOLWIJZER_REQUIRE_DIST=1` (CI), which makes them fail. `PROTOCOLWIJZER_DEB` names
//! another package to test. The chroot's base system is kept in the test folder of `target/`
//! and unpacked afresh for each run.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{fixture_path, skip_or_fail};

fn package() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("PROTOCOLWIJZER_DEB") {
        return Ok(PathBuf::from(path));
    }
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    fs::read_dir(&dist)
        .ok()
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|extension| extension == "deb"))
        .ok_or_else(|| {
            format!(
                "no .deb in {} (make it with `cargo xtask dist --linux`)",
                dist.display()
            )
        })
}

fn run(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn field(package: &Path, name: &str) -> String {
    text(&run(Command::new("dpkg-deb")
        .arg("--field")
        .arg(package)
        .arg(name)))
    .trim()
    .to_string()
}

/// The package's files in a temporary folder (`dpkg-deb -x`).
fn unpack(package: &Path) -> tempfile::TempDir {
    let unpacked = tempfile::tempdir().unwrap();
    run(Command::new("dpkg-deb")
        .arg("-x")
        .arg(package)
        .arg(unpacked.path()));
    unpacked
}

/// `man protocolwijzer`: the page renders without a groff warning, in Dutch, with every command
/// and the exit codes, as the installed program's own help has them.
#[test]
fn the_manual_page_renders_in_dutch() {
    let package = match package() {
        Ok(package) => package,
        Err(reason) => return skip_or_fail(&reason),
    };
    let unpacked = unpack(&package);
    let compressed = unpacked
        .path()
        .join("usr/share/man/man1/protocolwijzer.1.gz");
    let source = text(&run(Command::new("gzip").arg("-dc").arg(&compressed)));
    let rendered = match Command::new("groff")
        // -P-cbu: plain text, no escape sequences or overstrikes for bold and underline.
        .args(["-man", "-Tutf8", "-ww", "-rLL=100n", "-P-cbu"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(mut groff) => {
            use std::io::Write as _;
            groff
                .stdin
                .take()
                .unwrap()
                .write_all(source.as_bytes())
                .unwrap();
            groff.wait_with_output().unwrap()
        }
        Err(error) => return skip_or_fail(&format!("groff is missing ({error})")),
    };
    assert!(rendered.status.success());
    let warnings = String::from_utf8_lossy(&rendered.stderr);
    assert!(warnings.is_empty(), "groff warns:\n{warnings}");
    let page = text(&rendered);
    // The words as a reader sees them, whatever the line breaks and justification gaps.
    let words = page.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "NAAM",
        "(art. 8 §1 e-govdecreet)",
        "volgens het standaardprotocol van Opgroeien;",
        "protocolwijzer - protocollen voor de elektronische mededeling",
        "OVERZICHT",
        "protocolwijzer [BESTAND]",
        "OPDRACHTEN",
        "protocolwijzer export [OPTIES] <BESTAND>",
        "--report-pdf <BESTAND>",
        "protocolwijzer check [OPTIES] <BESTANDEN>...",
        "(standaard: text; mogelijk: text, json)",
        "AFSLUITCODES",
        "een bestand kon niet gelezen of geschreven worden",
        &format!("protocolwijzer {}", env!("CARGO_PKG_VERSION")),
    ] {
        assert!(words.contains(expected), "{expected} in:\n{page}");
    }
    // No mojibake (UTF-8 read as Latin-1) and no word split by English hyphenation rules.
    for wrong in ["Â", "\u{2010}"] {
        assert!(!page.contains(wrong), "{wrong:?} in:\n{page}");
    }
    for english in ["Usage", "[OPTIONS]", "Print help", "Commands"] {
        assert!(!page.contains(english), "{english} in:\n{page}");
    }
}

#[test]
fn the_package_holds_the_program_its_desktop_entry_icons_and_file_type() {
    let package = match package() {
        Ok(package) => package,
        Err(reason) => return skip_or_fail(&reason),
    };
    assert_eq!(field(&package, "Package"), "protocolwijzer");
    assert_eq!(field(&package, "Version"), env!("CARGO_PKG_VERSION"));
    let depends = field(&package, "Depends");
    for library in [
        "libc6",
        "libgl1",
        "libegl1",
        "libxkbcommon-x11-0",
        "libgl1-mesa-dri",
    ] {
        assert!(depends.contains(library), "{library} in {depends}");
    }

    let unpacked = unpack(&package);
    let root = unpacked.path();
    for file in [
        "usr/bin/protocolwijzer",
        "usr/share/applications/protocolwijzer.desktop",
        "usr/share/mime/packages/protocolwijzer.xml",
        "usr/share/metainfo/protocolwijzer.metainfo.xml",
        "usr/share/icons/hicolor/scalable/apps/protocolwijzer.svg",
        "usr/share/icons/hicolor/48x48/apps/protocolwijzer.png",
        "usr/share/icons/hicolor/256x256/apps/protocolwijzer.png",
        "usr/share/doc/protocolwijzer/copyright",
        "usr/share/doc/protocolwijzer/changelog.gz",
        "usr/share/man/man1/protocolwijzer.1.gz",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    let desktop =
        fs::read_to_string(root.join("usr/share/applications/protocolwijzer.desktop")).unwrap();
    assert!(desktop.contains("\nExec=protocolwijzer %f\n"), "{desktop}");
    assert!(
        desktop.contains("\nMimeType=application/x-protocolwijzer;\n"),
        "{desktop}"
    );
    assert!(desktop.contains("\nIcon=protocolwijzer\n"), "{desktop}");
    let mime = fs::read_to_string(root.join("usr/share/mime/packages/protocolwijzer.xml")).unwrap();
    assert!(
        mime.contains("type=\"application/x-protocolwijzer\""),
        "{mime}"
    );
    assert!(mime.contains("<glob pattern=\"*.ron\"/>"), "{mime}");
    // The magic string is what every saved file starts with.
    let saved = protocolwijzer::file::to_ron_string(&common::fixture("zeven-partijen.ron"));
    assert!(saved[..256].contains("(Protocolwijzer)"));
    let copyright =
        fs::read_to_string(root.join("usr/share/doc/protocolwijzer/copyright")).unwrap();
    assert!(copyright.contains("EUPL-1.2") && copyright.contains("OFL-1.1"));

    match Command::new("desktop-file-validate")
        .arg(root.join("usr/share/applications/protocolwijzer.desktop"))
        .output()
    {
        Ok(output) => assert!(
            output.status.success() && output.stdout.is_empty(),
            "{}{}",
            text(&output),
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(error) => skip_or_fail(&format!("desktop-file-validate is missing ({error})")),
    }
}

/// A clean Debian system in a folder: the base system from debootstrap (made once and kept as
/// a tarball), unpacked afresh, with name resolution for apt.
fn clean_chroot() -> Result<tempfile::TempDir, String> {
    if !common::is_root() {
        return Err("chroot needs root".to_string());
    }
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("debian-base.tar");
    if !base.is_file() {
        let codename = fs::read_to_string("/etc/os-release")
            .unwrap_or_default()
            .lines()
            .find_map(|line| line.strip_prefix("VERSION_CODENAME=").map(str::to_string))
            .unwrap_or_else(|| "bookworm".to_string());
        let folder = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let output = Command::new("debootstrap")
            .args(["--variant=minbase", &codename])
            .arg(folder.path())
            .output()
            .map_err(|error| format!("debootstrap is missing ({error})"))?;
        if !output.status.success() {
            return Err(format!(
                "debootstrap failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let partial = base.with_extension("tar.partial");
        run(Command::new("tar")
            .arg("-C")
            .arg(folder.path())
            .arg("-cf")
            .arg(&partial)
            .arg("."));
        fs::rename(&partial, &base).unwrap();
    }
    let chroot = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    run(Command::new("tar")
        .arg("-C")
        .arg(chroot.path())
        .arg("-xf")
        .arg(&base));
    fs::copy("/etc/resolv.conf", chroot.path().join("etc/resolv.conf")).unwrap();
    Ok(chroot)
}

/// Runs `script` with sh inside the chroot.
fn in_chroot(chroot: &Path, script: &str) -> Output {
    Command::new("chroot")
        .arg(chroot)
        .args(["/bin/sh", "-c", script])
        .env_clear()
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .env("HOME", "/root")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn assert_ran(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        text(output),
        String::from_utf8_lossy(&output.stderr)
    );
    text(output)
}

#[test]
fn the_package_installs_in_a_clean_chroot_and_the_program_runs_there() {
    let package = match package() {
        Ok(package) => package,
        Err(reason) => return skip_or_fail(&reason),
    };
    let chroot = match clean_chroot() {
        Ok(chroot) => chroot,
        Err(reason) => return skip_or_fail(&format!("no clean chroot: {reason}")),
    };
    let root = chroot.path();
    fs::copy(&package, root.join("tmp/protocolwijzer.deb")).unwrap();
    // The desktop database and MIME tools are there on every desktop; with them installed
    // the package's triggers register the file type, as on a user's machine.
    assert_ran(
        &in_chroot(
            root,
            "apt-get update -qq && apt-get install -y -qq --no-install-recommends \
             /tmp/protocolwijzer.deb shared-mime-info desktop-file-utils",
        ),
        "apt-get install",
    );

    let version = assert_ran(&in_chroot(root, "protocolwijzer --version"), "--version");
    assert!(
        version.starts_with(&format!(
            "protocolwijzer {} (commit ",
            env!("CARGO_PKG_VERSION")
        )),
        "{version}"
    );
    assert!(
        assert_ran(&in_chroot(root, "protocolwijzer templates"), "templates")
            .contains("opgroeien-lokaal-bestuur")
    );

    // The installed release build exports the same bytes as this build.
    fs::copy(
        fixture_path("zeven-partijen.ron"),
        root.join("tmp/Protocol Zoë.ron"),
    )
    .unwrap();
    assert_ran(
        &in_chroot(
            root,
            "cd /tmp && protocolwijzer export 'Protocol Zoë.ron' --docx p.docx --pdf p.pdf",
        ),
        "export",
    );
    let here = tempfile::tempdir().unwrap();
    run(Command::new(env!("CARGO_BIN_EXE_protocolwijzer"))
        .arg("export")
        .arg(fixture_path("zeven-partijen.ron"))
        .arg("--docx")
        .arg(here.path().join("p.docx"))
        .arg("--pdf")
        .arg(here.path().join("p.pdf")));
    for name in ["p.docx", "p.pdf"] {
        assert!(
            fs::read(root.join("tmp").join(name)).unwrap()
                == fs::read(here.path().join(name)).unwrap(),
            "{name}"
        );
    }

    // A double-click on a protocol file opens it in Protocolwijzer.
    let globs = fs::read_to_string(root.join("usr/share/mime/globs2")).unwrap();
    assert!(
        globs.contains("application/x-protocolwijzer:*.ron"),
        "MIME type registered"
    );
    let handlers = fs::read_to_string(root.join("usr/share/applications/mimeinfo.cache")).unwrap();
    assert!(
        handlers.contains("application/x-protocolwijzer=protocolwijzer.desktop"),
        "{handlers}"
    );

    the_window_opens_with_the_libraries_the_package_pulls_in(root);
}

/// Starts the installed app against an X server of the host (its socket is reachable from the
/// chroot) with only what the package's dependencies installed; the app draws its first frame
/// and closes itself (`PROTOCOLWIJZER_MEET=1`).
fn the_window_opens_with_the_libraries_the_package_pulls_in(root: &Path) {
    let Some(xvfb) = ["/usr/bin/Xvfb"]
        .into_iter()
        .find(|path| Path::new(path).is_file())
    else {
        return skip_or_fail("Xvfb is missing (scripts/setup-debian.sh dist)");
    };
    let display = format!(":{}", 150 + std::process::id() % 100);
    let mut server = Command::new(xvfb)
        .args([&display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(2));
    let started = in_chroot(
        root,
        &format!(
            "DISPLAY={display} LIBGL_ALWAYS_SOFTWARE=1 PROTOCOLWIJZER_MEET=1 \
             PROTOCOLWIJZER_CONFIG_DIR=/tmp/instellingen timeout 60 protocolwijzer"
        ),
    );
    let _ = server.kill();
    let _ = server.wait();
    let printed = String::from_utf8_lossy(&started.stderr);
    assert!(
        started.status.success() && printed.contains("eerste frame"),
        "the window did not open: {printed}"
    );
}
