#!/usr/bin/env bash
# The first command of the README: install everything, then run the main job on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/wijknet summary examples/data
