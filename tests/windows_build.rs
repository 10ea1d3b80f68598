//! The Windows build (`dist/protocolwijzer.exe`, made by `cargo xtask dist`) run under Wine:
//! its command line gives the same JSON and the same DOCX and PDF bytes as the Linux build,
//! it handles Windows paths with spaces and accents, CRLF files and a read-only share, and the
//! `.exe` carries its icon, version information and manifest.
//!
//! Without the `.exe` or Wine these tests are skipped with a note, unless
//! `PROTOCOLWIJZER_REQUIRE_DIST=1` (CI), which makes them fail. `PROTOCOLWIJZER_WINDOWS_EXE`
//! names another `.exe` to test.
//!
//! Debian 12's Wine 8 lacks `bcryptprimitives.dll` (Windows 10 and later have it), where Rust's
//! standard library takes its random numbers from; tests/wine/bcryptprimitives.c is a small
//! stand-in, compiled with MinGW into the test's Wine prefix only.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::{ReadOnlyFolder, fixture_path, skip_or_fail};

/// The date the checks are run "on", so both builds judge dates alike.
const TODAY: &str = "2026-11-23";

/// The Windows build and a ready Wine prefix.
struct Wine {
    exe: PathBuf,
    wine: PathBuf,
    prefix: PathBuf,
}

impl Wine {
    /// Runs the `.exe` with `args` in `folder` (a Unix path; Wine shows it as `Z:\…`).
    fn run(&self, folder: &Path, args: &[&str]) -> Output {
        Command::new(&self.wine)
            .arg(&self.exe)
            .args(args)
            .current_dir(folder)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap()
    }

    /// The Unix folder of `C:\`.
    fn drive_c(&self) -> PathBuf {
        self.prefix.join("drive_c")
    }
}

/// The Windows build under Wine, set up once per test run; `None` (after a note, or a failure
/// when required) when it cannot run here.
fn wine() -> Option<&'static Wine> {
    static WINE: OnceLock<Result<Wine, String>> = OnceLock::new();
    match WINE.get_or_init(set_up_wine) {
        Ok(wine) => Some(wine),
        Err(reason) => {
            skip_or_fail(reason);
            None
        }
    }
}

fn windows_exe() -> Result<PathBuf, String> {
    let exe = std::env::var_os("PROTOCOLWIJZER_WINDOWS_EXE").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/protocolwijzer.exe"),
        PathBuf::from,
    );
    if exe.is_file() {
        Ok(exe)
    } else {
        Err(format!(
            "no Windows build at {} (make it with `cargo xtask dist --windows`)",
            exe.display()
        ))
    }
}

fn set_up_wine() -> Result<Wine, String> {
    let exe = windows_exe()?;
    let wine = [
        std::env::var_os("WINE").map(PathBuf::from),
        Some(PathBuf::from("/usr/lib/wine/wine64")),
        Some(PathBuf::from("/usr/bin/wine64")),
    ]
    .into_iter()
    .flatten()
    .find(|path| path.is_file())
    .ok_or("Wine is not installed (scripts/setup-debian.sh dist)")?;
    let prefix = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine-prefix");
    let system32 = prefix.join("drive_c/windows/system32");
    let stand_in = system32.join("bcryptprimitives.dll");
    let wine = Wine { exe, wine, prefix };

    // The first run creates the prefix (about ten seconds); then the stand-in DLL goes in.
    if !system32.is_dir() {
        let _ = wine.run(Path::new(env!("CARGO_TARGET_TMPDIR")), &["--version"]);
    }
    if !stand_in.is_file() {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wine");
        let output = Command::new("x86_64-w64-mingw32-gcc")
            .args(["-O2", "-shared", "-o"])
            .arg(&stand_in)
            .arg(source.join("bcryptprimitives.c"))
            .arg(source.join("bcryptprimitives.def"))
            .arg("-ladvapi32")
            .output()
            .map_err(|error| format!("MinGW is not installed ({error})"))?;
        if !output.status.success() {
            return Err(format!(
                "the bcryptprimitives stand-in does not compile: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    let version = wine.run(Path::new(env!("CARGO_TARGET_TMPDIR")), &["--version"]);
    if !version.status.success() {
        return Err(format!(
            "the Windows build does not start under Wine: {}",
            String::from_utf8_lossy(&version.stderr)
        ));
    }
    Ok(wine)
}

/// The Linux build (this test's binary) with `args` in `folder`.
fn linux(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_protocolwijzer"))
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder below Wine's `C:\` with `name`, and its Windows path.
fn windows_folder(wine: &Wine, name: &str) -> (PathBuf, String) {
    let folder = wine.drive_c().join(name);
    if folder.exists() {
        fs::remove_dir_all(&folder).unwrap();
    }
    fs::create_dir_all(&folder).unwrap();
    (folder, format!("C:\\{name}"))
}

#[test]
fn the_windows_build_prints_its_version_and_commit() {
    let Some(wine) = wine() else { return };
    let windows = wine.run(&wine.drive_c(), &["--version"]);
    assert!(windows.status.success());
    let printed = text(&windows.stdout);
    assert!(
        printed.starts_with(&format!(
            "protocolwijzer {} (commit ",
            env!("CARGO_PKG_VERSION")
        )),
        "{printed}"
    );
    let commit = printed
        .split("(commit ")
        .nth(1)
        .unwrap_or_default()
        .trim_end()
        .trim_end_matches(')');
    assert!(
        commit.len() >= 12 && commit[..12].chars().all(|c| c.is_ascii_hexdigit()),
        "{printed}"
    );
}

#[test]
fn the_windows_build_gives_the_same_json_docx_and_pdf_as_the_linux_build() {
    let Some(wine) = wine() else { return };
    let (folder, _) = windows_folder(wine, "vergelijking");

    // `templates` and `new`: the same list, the same new file.
    let listed = (
        linux(&folder, &["templates"]),
        wine.run(&folder, &["templates"]),
    );
    assert_eq!(text(&listed.1.stdout), text(&listed.0.stdout));
    assert_eq!(listed.1.status.code(), Some(0));
    assert_eq!(
        linux(&folder, &["new", "-o", "linux.ron"]).status.code(),
        Some(0)
    );
    let made = wine.run(&folder, &["new", "-o", "windows.ron"]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    assert_eq!(
        fs::read(folder.join("windows.ron")).unwrap(),
        fs::read(folder.join("linux.ron")).unwrap()
    );

    // The new template (with gaps) and two filled-in fixtures.
    fs::copy(folder.join("linux.ron"), folder.join("sjabloon.ron")).unwrap();
    for name in ["opgroeien-gemeente-ingevuld.ron", "zeven-partijen.ron"] {
        fs::copy(fixture_path(name), folder.join(name)).unwrap();
    }
    for name in [
        "sjabloon.ron",
        "opgroeien-gemeente-ingevuld.ron",
        "zeven-partijen.ron",
    ] {
        let check = ["check", "--format", "json", "--today", TODAY, name];
        let (on_linux, on_windows) = (linux(&folder, &check), wine.run(&folder, &check));
        assert_eq!(
            on_windows.status.code(),
            on_linux.status.code(),
            "{name}: exit code"
        );
        assert!(on_linux.stdout.starts_with(b"{") || on_linux.stdout.starts_with(b"["));
        assert_eq!(
            text(&on_windows.stdout),
            text(&on_linux.stdout),
            "{name}: JSON"
        );

        for who in ["linux", "windows"] {
            let stem = format!("{}-{who}", name.trim_end_matches(".ron"));
            let args = [
                "export",
                name,
                "--docx",
                &format!("{stem}.docx"),
                "--pdf",
                &format!("{stem}.pdf"),
                "--report-pdf",
                &format!("{stem}-verslag.pdf"),
            ];
            let exported = if who == "linux" {
                linux(&folder, &args)
            } else {
                wine.run(&folder, &args)
            };
            assert_eq!(
                exported.status.code(),
                Some(0),
                "{who} {name}: {}",
                text(&exported.stderr)
            );
        }
        for extension in ["docx", "pdf", "verslag.pdf"] {
            let stem = name.trim_end_matches(".ron");
            let separator = if extension.contains('.') { "-" } else { "." };
            let read = |who: &str| {
                fs::read(folder.join(format!("{stem}-{who}{separator}{extension}"))).unwrap()
            };
            let (on_linux, on_windows) = (read("linux"), read("windows"));
            assert!(on_linux.len() > 1000, "{name} {extension}");
            assert!(
                on_windows == on_linux,
                "{name}: the {extension} of the Windows build differs from the Linux build's"
            );
        }
    }
}

#[test]
fn windows_paths_with_spaces_and_accents_work() {
    let Some(wine) = wine() else { return };
    let (folder, windows_path) = windows_folder(wine, "Gedeelde map");
    let protocol = format!("{windows_path}\\Protocol Zoë.ron");

    let made = wine.run(&wine.drive_c(), &["new", "-o", &protocol]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));
    assert!(
        text(&made.stdout).contains("Protocol Zoë.ron"),
        "{}",
        text(&made.stdout)
    );
    assert!(folder.join("Protocol Zoë.ron").is_file());

    let checked = wine.run(&wine.drive_c(), &["check", &protocol, "--today", TODAY]);
    assert_eq!(checked.status.code(), Some(1), "the template has gaps");
    assert!(text(&checked.stdout).contains("Protocol Zoë.ron"));

    let docx = format!("{windows_path}\\Protocol Zoë.docx");
    let pdf = format!("{windows_path}\\Protocol Zoë.pdf");
    let exported = wine.run(
        &wine.drive_c(),
        &["export", &protocol, "--docx", &docx, "--pdf", &pdf],
    );
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        text(&exported.stderr)
    );
    assert!(
        text(&exported.stdout).contains("Protocol Zoë.pdf"),
        "{}",
        text(&exported.stdout)
    );

    // Byte for byte what the Linux build makes of the same file.
    let exported_on_linux = linux(
        &folder,
        &[
            "export",
            "Protocol Zoë.ron",
            "--docx",
            "linux.docx",
            "--pdf",
            "linux.pdf",
        ],
    );
    assert_eq!(exported_on_linux.status.code(), Some(0));
    for (windows_file, linux_file) in [
        ("Protocol Zoë.docx", "linux.docx"),
        ("Protocol Zoë.pdf", "linux.pdf"),
    ] {
        assert!(
            fs::read(folder.join(windows_file)).unwrap()
                == fs::read(folder.join(linux_file)).unwrap(),
            "{windows_file}"
        );
    }
}

#[test]
fn the_windows_build_reads_crlf_files_and_reports_their_mistakes_at_the_right_place() {
    let Some(wine) = wine() else { return };
    let (folder, windows_path) = windows_folder(wine, "Met de hand bewerkt");
    let lf = fs::read_to_string(fixture_path("zeven-partijen.ron"))
        .unwrap()
        .replace("\r\n", "\n");
    fs::write(folder.join("lf.ron"), &lf).unwrap();
    fs::write(folder.join("crlf.ron"), lf.replace('\n', "\r\n")).unwrap();
    let check = |name: &str| {
        let output = wine.run(
            &folder,
            &["check", "--format", "json", "--today", TODAY, name],
        );
        (
            output.status.code(),
            text(&output.stdout).replace(name, "PROTOCOL"),
        )
    };
    assert_eq!(check("crlf.ron"), check("lf.ron"));
    assert_eq!(check("crlf.ron").0, Some(0));

    let broken = "(\r\n    format: 1,\r\n    titel: \"x\",\r\n)\r\n";
    fs::write(folder.join("Fout.ron"), broken).unwrap();
    let output = wine.run(
        &wine.drive_c(),
        &["check", &format!("{windows_path}\\Fout.ron")],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr) + &text(&output.stdout);
    assert!(message.contains("regel 3, kolom 5"), "{message}");
    assert!(message.contains("Fout.ron"), "{message}");
    assert_eq!(fs::read_to_string(folder.join("Fout.ron")).unwrap(), broken);
}

#[test]
fn the_windows_build_reads_from_a_read_only_share_and_refuses_to_write_there_clearly() {
    let Some(wine) = wine() else { return };
    let (share, windows_path) = windows_folder(wine, "Alleen lezen");
    fs::copy(
        fixture_path("zeven-partijen.ron"),
        share.join("Protocol Zoë.ron"),
    )
    .unwrap();
    let original = fs::read(share.join("Protocol Zoë.ron")).unwrap();
    let read_only = match ReadOnlyFolder::new(&share) {
        Ok(folder) => folder,
        Err(reason) => return skip_or_fail(&format!("no read-only folder here: {reason}")),
    };
    let protocol = format!("{windows_path}\\Protocol Zoë.ron");

    let checked = wine.run(&wine.drive_c(), &["check", &protocol, "--today", TODAY]);
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked.stdout));
    let exported = wine.run(
        &wine.drive_c(),
        &["export", &protocol, "--pdf", "C:\\Protocol Zoë.pdf"],
    );
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        text(&exported.stderr)
    );

    let refused = wine.run(
        &wine.drive_c(),
        &[
            "export",
            &protocol,
            "--docx",
            &format!("{windows_path}\\Protocol Zoë.docx"),
        ],
    );
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stdout));
    let message = text(&refused.stderr);
    assert!(message.contains("Protocol Zoë.docx"), "{message}");
    assert!(
        message.contains("alleen-lezen") || message.contains("geen toestemming"),
        "{message}"
    );
    let not_created = wine.run(
        &wine.drive_c(),
        &["new", "-o", &format!("{windows_path}\\Nieuw.ron")],
    );
    assert_eq!(
        not_created.status.code(),
        Some(2),
        "{}",
        text(&not_created.stdout)
    );

    drop(read_only);
    assert_eq!(fs::read(share.join("Protocol Zoë.ron")).unwrap(), original);
    assert_eq!(
        fs::read_dir(&share).unwrap().count(),
        1,
        "nothing left on the share"
    );
}

/// The Windows build's file: a console program (so `cmd` and PowerShell wait for it and get
/// its exit code) whose manifest keeps a double-clicked start free of a console window, with
/// icon and version information, needing only DLLs that come with Windows, under 25 MB.
#[test]
fn the_exe_carries_its_manifest_icon_and_version_and_needs_no_extra_dlls() {
    let exe = match windows_exe() {
        Ok(exe) => exe,
        Err(reason) => return skip_or_fail(&reason),
    };
    let bytes = fs::read(&exe).unwrap();
    assert!(bytes.len() < 25_000_000, "{} bytes", bytes.len());

    // PE header: the subsystem field of the optional header (3 = console).
    assert_eq!(&bytes[..2], b"MZ");
    let header = u32::from_le_bytes(bytes[0x3c..0x40].try_into().unwrap()) as usize;
    assert_eq!(&bytes[header..header + 4], b"PE\0\0");
    let optional = header + 4 + 20;
    assert_eq!(
        u16::from_le_bytes([bytes[optional], bytes[optional + 1]]),
        0x20b,
        "PE32+"
    );
    let subsystem = u16::from_le_bytes([bytes[optional + 68], bytes[optional + 69]]);
    assert_eq!(subsystem, 3, "IMAGE_SUBSYSTEM_WINDOWS_CUI");

    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|window| window == needle);
    let utf16 =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    assert!(contains(b"<consoleAllocationPolicy"), "manifest embedded");
    assert!(contains(b">detached</consoleAllocationPolicy>"));
    assert!(contains(b"level=\"asInvoker\""));
    assert!(
        contains(&utf16("ProductVersion")),
        "version information embedded"
    );
    assert!(contains(&utf16(env!("CARGO_PKG_VERSION"))));
    assert!(contains(&utf16("Protocolwijzer")));
    let icon =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon/protocolwijzer-256.png"))
            .unwrap();
    assert!(contains(&icon), "the 256-pixel icon embedded");

    // Every imported DLL is part of Windows: no MinGW runtime DLL to ship beside the .exe.
    let output = match Command::new("x86_64-w64-mingw32-objdump")
        .arg("-p")
        .arg(&exe)
        .output()
    {
        Ok(output) => output,
        Err(error) => return skip_or_fail(&format!("no MinGW objdump ({error})")),
    };
    let listing = text(&output.stdout);
    let imports: Vec<String> = listing
        .lines()
        .filter_map(|line| line.trim().strip_prefix("DLL Name: "))
        .map(str::to_ascii_lowercase)
        .collect();
    assert!(imports.contains(&"kernel32.dll".to_string()), "{imports:?}");
    let windows_dlls = [
        "kernel32.dll",
        "user32.dll",
        "gdi32.dll",
        "ntdll.dll",
        "msvcrt.dll",
        "opengl32.dll",
        "dwmapi.dll",
        "imm32.dll",
        "uxtheme.dll",
        "bcryptprimitives.dll",
        "combase.dll",
        "ole32.dll",
        "oleaut32.dll",
        "uiautomationcore.dll",
        "shell32.dll",
        "advapi32.dll",
        "comctl32.dll",
        "comdlg32.dll",
        "shlwapi.dll",
        "ws2_32.dll",
        "userenv.dll",
        "api-ms-win-core-synch-l1-2-0.dll",
    ];
    for dll in &imports {
        assert!(
            windows_dlls.contains(&dll.as_str()),
            "{dll} is not part of Windows: {imports:?}"
        );
    }
}
