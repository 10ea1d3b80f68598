#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Protocolwijzer needs, and only those that are missing.
#   scripts/setup-debian.sh app    what the app needs to open a window (X11/Wayland, OpenGL)
#   scripts/setup-debian.sh test   what the tests need: LibreOffice, poppler (pdftotext), qpdf
#   scripts/setup-debian.sh all    both
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

what=${1:-all}
app_packages=(libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0 libgl1 libegl1 libgl1-mesa-dri)
test_packages=(libreoffice-writer-nogui poppler-utils qpdf fonts-dejavu-core fonts-crosextra-carlito)

case "$what" in
  app) wanted=("${app_packages[@]}") ;;
  test) wanted=("${test_packages[@]}") ;;
  all) wanted=("${app_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 app|test|all" >&2; exit 2 ;;
esac

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust (cargo) is not installed. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}" >&2
run_as_root=()
[ "$(id -u)" -eq 0 ] || run_as_root=(sudo)
"${run_as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
