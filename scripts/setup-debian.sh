#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Protocolwijzer needs, and only those that are missing.
#   scripts/setup-debian.sh app    what the app needs to open a window (X11/Wayland, OpenGL)
#   scripts/setup-debian.sh test   what the tests need: LibreOffice, poppler (pdftotext), qpdf,
#                                  and from PyPI pyHanko (signing) and pikepdf (PDF structure)
#   scripts/setup-debian.sh dist   what `cargo xtask dist` and its tests need: the MinGW-w64
#                                  cross compiler and the Rust target x86_64-pc-windows-gnu, Wine,
#                                  dpkg-dev, debootstrap, desktop-file-utils, Xvfb
#   scripts/setup-debian.sh all    all of these
# Several groups may be named at once (`test dist`). Runs apt-get as root, or through sudo.
set -euo pipefail

app_packages=(libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0 libgl1 libegl1 libgl1-mesa-dri)
test_packages=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils qpdf fonts-dejavu-core fonts-crosextra-carlito)
dist_packages=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 wine64 dpkg-dev debootstrap
  desktop-file-utils xvfb groff-base)

wanted=()
windows_target=false
python_packages=false
for what in "${@:-all}"; do
  case "$what" in
    app) wanted+=("${app_packages[@]}") ;;
    test) wanted+=("${test_packages[@]}"); python_packages=true ;;
    dist) wanted+=("${dist_packages[@]}" "${app_packages[@]}"); windows_target=true ;;
    all) wanted+=("${app_packages[@]}" "${test_packages[@]}" "${dist_packages[@]}"); windows_target=true; python_packages=true ;;
    *) echo "usage: $0 app|test|dist|all ..." >&2; exit 2 ;;
  esac
done

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust (cargo) is not installed. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  run_as_root=()
  [ "$(id -u)" -eq 0 ] || run_as_root=(sudo)
  "${run_as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The signing and PDF-structure tests use two real clients from PyPI: pyHanko signs our PDFs
# with a test CA (tests/signed_pdf.rs), pikepdf walks the publication PDF's structure tree.
if $python_packages; then
  if ! python3 -c "import pyhanko, pikepdf" >/dev/null 2>&1; then
    echo "Installing from PyPI: pyhanko pikepdf" >&2
    python3 -m pip install --quiet --disable-pip-version-check pyhanko pikepdf
  fi
fi

# The Windows cross-build needs Rust's standard library for the target, from rustup.
if $windows_target && [ ! -d "$(rustc --print target-libdir --target x86_64-pc-windows-gnu 2>/dev/null)" ]; then
  echo "Adding the Rust target x86_64-pc-windows-gnu" >&2
  rustup target add x86_64-pc-windows-gnu
fi
