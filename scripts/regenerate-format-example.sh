#!/usr/bin/env bash
# Rewrites the ```ron example in docs/FORMAT.md with a new protocol from the default template, as
# `protocolwijzer new` writes it (tests/roundtrip.rs keeps the two equal).
set -euo pipefail
cd "$(dirname "$0")/.."
example=$(mktemp --suffix=.ron)
trap 'rm -f "$example"' EXIT
cargo run -q -- new -o "$example" --force >/dev/null
python3 - "$example" <<'PY'
import sys
example = open(sys.argv[1], encoding="utf-8").read()
path = "docs/FORMAT.md"
text = open(path, encoding="utf-8").read()
before, rest = text.split("```ron\n", 1)
_, after = rest.split("```", 1)
open(path, "w", encoding="utf-8").write(before + "```ron\n" + example + "```" + after)
PY
