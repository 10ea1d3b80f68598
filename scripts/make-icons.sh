#!/usr/bin/env bash
# Renders the application icon (assets/icon/protocolwijzer.svg) to the PNG sizes the Linux
# desktop and the app window use, and to the Windows .ico. The results are committed, so a
# build needs none of these tools; run this again after changing the SVG.
# Needs: rsvg-convert (librsvg2-bin) and icotool (icoutils).
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"

sizes=(16 24 32 48 64 128 256)
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" protocolwijzer.svg --output "protocolwijzer-$size.png"
done
# Windows shows 16–48 in lists and 256 in large views; the 256 entry is stored as PNG.
icotool --create --output protocolwijzer.ico \
  protocolwijzer-16.png protocolwijzer-24.png protocolwijzer-32.png protocolwijzer-48.png \
  protocolwijzer-64.png --raw=protocolwijzer-256.png
ls -l protocolwijzer-*.png protocolwijzer.ico
