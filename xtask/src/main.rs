//! Builds Protocolwijzer's release artefacts into `dist/`:
//!
//! ```text
//! cargo xtask dist             the Windows .exe and the Linux .deb, with SHA256SUMS
//! cargo xtask dist --windows   only the Windows .exe
//! cargo xtask dist --linux     only the Linux .deb
//! ```
//!
//! The Windows build is a cross-build for `x86_64-pc-windows-gnu` with Debian's MinGW-w64
//! (`scripts/setup-debian.sh dist` installs it, `rustup target add x86_64-pc-windows-gnu` adds
//! the Rust target). The `.deb` is assembled here and packed by `dpkg-deb`; its library
//! dependencies come from `dpkg-shlibdeps`, plus the graphics libraries the window loads at run
//! time, which no linker sees.

mod manual;

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, Result, bail, ensure};
use sha2::{Digest, Sha256};

/// The Rust target of the Windows build.
const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";

/// The package and binary name.
const NAME: &str = "protocolwijzer";

/// The name of the Windows artefact in `dist/`: what officials put on their shared drive.
const WINDOWS_ARTEFACT: &str = "protocolwijzer.exe";

/// Icon sizes rendered by `scripts/make-icons.sh`, installed into the hicolor theme.
const ICON_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

/// Libraries the window opens at run time (winit and glutin load them with dlopen, so
/// `dpkg-shlibdeps` cannot see them): X11, keyboard maps, OpenGL/EGL and Mesa's drivers.
const RUNTIME_DEPENDS: &[&str] = &[
    "libx11-6",
    "libx11-xcb1",
    "libxcursor1",
    "libxrandr2",
    "libxi6",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libgl1",
    "libegl1",
    "libgl1-mesa-dri",
];

/// Wanted but not required: Wayland sessions (the app falls back to XWayland), the desktop's
/// file dialogs (xdg-desktop-portal) and message boxes (zenity).
const RECOMMENDS: &[&str] = &[
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "xdg-desktop-portal",
    "zenity",
];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let arguments: Vec<String> = env::args().skip(1).collect();
    let Some((command, options)) = arguments.split_first() else {
        bail!("usage: cargo xtask dist [--windows | --linux]");
    };
    ensure!(
        command == "dist",
        "unknown command `{command}`; usage: cargo xtask dist [--windows | --linux]"
    );
    let (windows, linux) = match options.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => (true, true),
        ["--windows"] => (true, false),
        ["--linux"] => (false, true),
        _ => bail!("usage: cargo xtask dist [--windows | --linux]"),
    };
    dist(windows, linux)
}

/// Builds the chosen artefacts into a fresh `dist/` and writes `dist/SHA256SUMS`.
fn dist(windows: bool, linux: bool) -> Result<()> {
    let root = workspace_root();
    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("cannot empty {}", dist.display()))?;
    }
    fs::create_dir_all(&dist)?;
    let version = package_version(&root)?;

    let mut artefacts = Vec::new();
    if windows {
        let started = Instant::now();
        artefacts.push(build_windows(&root, &dist)?);
        println!(
            "Windows cross-build: {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    if linux {
        let started = Instant::now();
        artefacts.push(build_deb(&root, &dist, &version)?);
        println!(
            "Linux build and package: {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }

    let mut sums = String::new();
    for artefact in &artefacts {
        let bytes = fs::read(artefact)?;
        let name = file_name(artefact);
        writeln!(sums, "{}  {name}", hex(&Sha256::digest(&bytes)))?;
        println!(
            "{name}: {:.1} MB ({} bytes)",
            bytes.len() as f64 / 1_000_000.0,
            bytes.len()
        );
    }
    fs::write(dist.join("SHA256SUMS"), &sums)?;
    print!("{}", sums);
    println!("Written to {}", dist.display());
    Ok(())
}

/// Cross-builds the Windows `.exe` and copies it to `dist/`.
fn build_windows(root: &Path, dist: &Path) -> Result<PathBuf> {
    let library_folder = output(Command::new("rustc").args([
        "--print",
        "target-libdir",
        "--target",
        WINDOWS_TARGET,
    ]))?;
    ensure!(
        Path::new(library_folder.trim()).exists(),
        "the Rust target {WINDOWS_TARGET} is not installed: rustup target add {WINDOWS_TARGET}"
    );
    ensure!(
        command_exists("x86_64-w64-mingw32-gcc"),
        "the MinGW-w64 cross compiler is missing: scripts/setup-debian.sh dist"
    );
    cargo_build(root, Some(WINDOWS_TARGET))?;
    let built = target_folder(root)
        .join(WINDOWS_TARGET)
        .join("release")
        .join(format!("{NAME}.exe"));
    let artefact = dist.join(WINDOWS_ARTEFACT);
    fs::copy(&built, &artefact)
        .with_context(|| format!("cannot copy {} to dist/", built.display()))?;
    Ok(artefact)
}

/// Builds the Linux binary and packs it with its desktop entry, icons and MIME type as a
/// `.deb` in `dist/`.
fn build_deb(root: &Path, dist: &Path, version: &str) -> Result<PathBuf> {
    ensure!(
        command_exists("dpkg-deb") && command_exists("dpkg-shlibdeps"),
        "dpkg-deb and dpkg-shlibdeps are needed: scripts/setup-debian.sh dist"
    );
    cargo_build(root, None)?;
    let architecture = output(Command::new("dpkg").arg("--print-architecture"))?
        .trim()
        .to_string();
    let staging = target_folder(root).join("dist").join("deb");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }

    let binary = staging.join("usr/bin").join(NAME);
    copy(&target_folder(root).join("release").join(NAME), &binary)?;
    execute(
        Command::new("strip")
            .args([
                "--strip-unneeded",
                "--remove-section=.comment",
                "--remove-section=.note",
            ])
            .arg(&binary),
    )?;

    let packaging = root.join("packaging/linux");
    copy(
        &packaging.join("protocolwijzer.desktop"),
        &staging.join("usr/share/applications/protocolwijzer.desktop"),
    )?;
    copy(
        &packaging.join("protocolwijzer-mime.xml"),
        &staging.join("usr/share/mime/packages/protocolwijzer.xml"),
    )?;
    copy(
        &packaging.join("protocolwijzer.metainfo.xml"),
        &staging.join("usr/share/metainfo/protocolwijzer.metainfo.xml"),
    )?;
    let icons = root.join("assets/icon");
    for size in ICON_SIZES {
        copy(
            &icons.join(format!("{NAME}-{size}.png")),
            &staging.join(format!(
                "usr/share/icons/hicolor/{size}x{size}/apps/{NAME}.png"
            )),
        )?;
    }
    copy(
        &icons.join(format!("{NAME}.svg")),
        &staging.join(format!("usr/share/icons/hicolor/scalable/apps/{NAME}.svg")),
    )?;

    let manual = staging.join(format!("usr/share/man/man1/{NAME}.1"));
    fs::create_dir_all(manual.parent().context("man1 folder")?)?;
    fs::write(&manual, manual::manual_page(version))?;
    execute(Command::new("gzip").args(["-9", "-n", "-f"]).arg(&manual))?;

    let documentation = staging.join("usr/share/doc").join(NAME);
    fs::create_dir_all(&documentation)?;
    fs::write(documentation.join("copyright"), copyright(root)?)?;
    let changelog = format!(
        "{NAME} ({version}) stable; urgency=medium\n\n  * Release {version}.\n\n -- \
         Protocolwijzer <protocolwijzer@localhost>  {}\n",
        output(Command::new("date").args(["-R", "-u"]))?.trim()
    );
    fs::write(documentation.join("changelog"), changelog)?;
    execute(
        Command::new("gzip")
            .args(["-9", "-n", "-f"])
            .arg(documentation.join("changelog")),
    )?;

    let depends = library_depends(root, &binary)?;
    let installed_kib = folder_size(&staging)?.div_ceil(1024);
    let control = format!(
        "Package: {NAME}\n\
         Version: {version}\n\
         Architecture: {architecture}\n\
         Maintainer: Protocolwijzer <protocolwijzer@localhost>\n\
         Installed-Size: {installed_kib}\n\
         Depends: {depends}\n\
         Recommends: {recommends}\n\
         Section: misc\n\
         Priority: optional\n\
         Description: protocollen voor de mededeling van persoonsgegevens\n \
         Protocolwijzer begeleidt een lokaal bestuur stap voor stap door het\n \
         standaardprotocol van Opgroeien voor de elektronische mededeling van\n \
         persoonsgegevens (art. 8, par. 1, e-govdecreet), controleert het ontwerp\n \
         zoals een DPO en de toezichthouder dat doen, houdt beoordeling, advies en\n \
         goedkeuring bij en exporteert ondertekeningsklare DOCX en PDF.\n",
        recommends = RECOMMENDS.join(", "),
    );
    let control_folder = staging.join("DEBIAN");
    fs::create_dir_all(&control_folder)?;
    fs::write(control_folder.join("control"), control)?;
    fs::write(control_folder.join("md5sums"), md5sums(&staging)?)?;
    set_permissions(&staging)?;

    let artefact = dist.join(format!("{NAME}_{version}_{architecture}.deb"));
    execute(
        Command::new("dpkg-deb")
            .args(["--build", "--root-owner-group", "-Zxz"])
            .arg(&staging)
            .arg(&artefact),
    )?;
    Ok(artefact)
}

/// `Depends:` of the package: what `dpkg-shlibdeps` finds the binary linked against, plus
/// [`RUNTIME_DEPENDS`].
fn library_depends(root: &Path, binary: &Path) -> Result<String> {
    // dpkg-shlibdeps wants to run in a source tree with debian/control.
    let tree = target_folder(root).join("dist/shlibdeps");
    fs::create_dir_all(tree.join("debian"))?;
    fs::write(
        tree.join("debian/control"),
        format!("Source: {NAME}\n\nPackage: {NAME}\nArchitecture: any\n"),
    )?;
    let found = output(
        Command::new("dpkg-shlibdeps")
            .arg("-O")
            .arg(format!("-e{}", binary.display()))
            .current_dir(&tree),
    )?;
    let linked = found
        .lines()
        .find_map(|line| line.strip_prefix("shlibs:Depends="))
        .context("dpkg-shlibdeps printed no shlibs:Depends")?;
    let mut depends: Vec<String> = linked.split(", ").map(str::to_string).collect();
    depends.extend(RUNTIME_DEPENDS.iter().map(|name| name.to_string()));
    Ok(depends.join(", "))
}

/// The machine-readable copyright file: the program's licence and the embedded fonts'.
fn copyright(root: &Path) -> Result<String> {
    let font_licence = fs::read_to_string(root.join("assets/fonts/LICENSE-LiberationSans.txt"))?;
    let indented: String = font_licence
        .lines()
        .map(|line| {
            if line.trim().is_empty() {
                " .\n".to_string()
            } else {
                format!(" {line}\n")
            }
        })
        .collect();
    Ok(format!(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\
         Upstream-Name: Protocolwijzer\n\n\
         Files: *\n\
         Copyright: the Protocolwijzer developers\n\
         License: EUPL-1.2\n \
         European Union Public Licence v. 1.2; the text in all EU languages is published by\n \
         the European Commission (https://joinup.ec.europa.eu/collection/eupl).\n\n\
         Files: assets/fonts/*\n\
         Copyright: Liberation Sans, embedded in the binary for the PDF export\n\
         License: OFL-1.1\n{indented}"
    ))
}

/// `DEBIAN/md5sums`: one line per regular file below `staging`, outside `DEBIAN/`.
fn md5sums(staging: &Path) -> Result<String> {
    let mut files = Vec::new();
    collect_files(staging, &mut files)?;
    files.sort();
    let mut sums = String::new();
    for file in files {
        let relative = file.strip_prefix(staging)?;
        if relative.starts_with("DEBIAN") {
            continue;
        }
        let digest = output(Command::new("md5sum").arg(&file))?;
        let hash = digest.split_whitespace().next().unwrap_or_default();
        writeln!(sums, "{hash}  {}", relative.display())?;
    }
    Ok(sums)
}

/// Folders 0755, the binary 0755, every other file 0644.
fn set_permissions(staging: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let mut files = Vec::new();
    collect_files(staging, &mut files)?;
    for file in files {
        let mode = if file
            .parent()
            .is_some_and(|folder| folder.ends_with("usr/bin"))
        {
            0o755
        } else {
            0o644
        };
        fs::set_permissions(&file, fs::Permissions::from_mode(mode))?;
    }
    let mut folders = vec![staging.to_path_buf()];
    while let Some(folder) = folders.pop() {
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755))?;
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            }
        }
    }
    Ok(())
}

fn collect_files(folder: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn folder_size(folder: &Path) -> Result<u64> {
    let mut files = Vec::new();
    collect_files(folder, &mut files)?;
    files.iter().map(|file| Ok(fs::metadata(file)?.len())).sum()
}

/// `cargo build --release --locked` of the app's binary, for `target` or the host.
fn cargo_build(root: &Path, target: Option<&str>) -> Result<()> {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root).args([
        "build",
        "--release",
        "--locked",
        "--package",
        NAME,
        "--bin",
        NAME,
    ]);
    if let Some(target) = target {
        command.args(["--target", target]);
    }
    execute(&mut command)
}

/// The `version` of the root package, read from its Cargo.toml.
fn package_version(root: &Path) -> Result<String> {
    let manifest = fs::read_to_string(root.join("Cargo.toml"))?;
    let package = manifest
        .split("\n[")
        .find(|section| section.starts_with("[package]") || section.starts_with("package]"))
        .context("Cargo.toml has no [package]")?;
    package
        .lines()
        .find_map(|line| line.trim().strip_prefix("version = "))
        .map(|value| value.trim_matches('"').to_string())
        .context("[package] has no version")
}

/// Cargo's build folder: `$CARGO_TARGET_DIR` when set, else `target/` in the workspace.
fn target_folder(root: &Path) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |folder| root.join(folder))
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    if let Some(folder) = to.parent() {
        fs::create_dir_all(folder)?;
    }
    fs::copy(from, to).with_context(|| format!("cannot copy {}", from.display()))?;
    Ok(())
}

fn command_exists(name: &str) -> bool {
    env::var_os("PATH")
        .is_some_and(|paths| env::split_paths(&paths).any(|folder| folder.join(name).is_file()))
}

/// Runs `command`, failing with its name when it does not succeed.
fn execute(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("cannot start {command:?}"))?;
    ensure!(status.success(), "{command:?} failed ({status})");
    Ok(())
}

/// Runs `command` and returns what it printed.
fn output(command: &mut Command) -> Result<String> {
    let result = command
        .output()
        .with_context(|| format!("cannot start {command:?}"))?;
    std::io::stderr().write_all(&result.stderr)?;
    ensure!(
        result.status.success(),
        "{command:?} failed ({})",
        result.status
    );
    Ok(String::from_utf8_lossy(&result.stdout).into_owned())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut text, byte| {
        let _ = write!(text, "{byte:02x}");
        text
    })
}
