#!/usr/bin/env bash
# `pip install .` into a brand-new virtual environment (with build isolation, as a user would),
# then `import wijknet` and the `wijknet` command, outside the source tree.
# usage: fresh_venv.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$1
work=$2
rm -rf "$work"
/usr/bin/python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
# A separate build folder, so this install shares nothing with the development one.
"$work/venv/bin/python" -m pip install -q "$src" --config-settings=build-dir="$work/build"
cd "$work"
"$work/venv/bin/python" - <<'PY'
import wijknet
a = wijknet.load_example()
assert len(a) == 34, len(a)
assert wijknet.__version__
import importlib.resources as r
assert (r.files("wijknet") / "py.typed").is_file()
print("import wijknet", wijknet.__version__, "ok:", a)
# Drawing is an optional extra: without matplotlib, draw says which extra to install.
try:
    wijknet.draw(a)
except ImportError as err:
    assert "wijknet[plot]" in str(err), err
else:
    raise AssertionError("wijknet.draw worked without matplotlib?")
PY
summary=$("$work/venv/bin/wijknet")
grep -q "34 stakeholders" <<<"$summary"
echo "fresh venv: pip install, import and the wijknet command work"
