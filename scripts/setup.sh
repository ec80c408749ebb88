#!/usr/bin/env bash
# The first command of the README: install everything, then run the main job on the bundled example:
# the HTML report (Dutch), written to rapport.html in this folder. The command prints where it is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/wijknet report examples/data -o rapport.html --lang nl
echo "Open it in a browser (it works offline and prints on A4). The text summary: .venv/bin/wijknet summary examples/data"
