"""The committed type stubs of wijknet._core match the built module (nanobind-style check)."""

import subprocess
import sys
from pathlib import Path

import wijknet

COMMITTED = Path(__file__).resolve().parents[2] / "python" / "wijknet" / "_core.pyi"


def test_stubs_are_installed_with_the_package():
    assert (Path(wijknet.__file__).parent / "_core.pyi").is_file()
    assert (Path(wijknet.__file__).parent / "py.typed").is_file()


def test_committed_stubs_match_the_module(tmp_path):
    subprocess.run([sys.executable, "-m", "pybind11_stubgen", "wijknet._core", "-o", str(tmp_path)],
                   check=True, capture_output=True, cwd=tmp_path)
    generated = (tmp_path / "wijknet" / "_core.pyi").read_text(encoding="utf-8")
    assert generated == COMMITTED.read_text(encoding="utf-8"), (
        "python/wijknet/_core.pyi is out of date; regenerate it with "
        "`python -m pybind11_stubgen wijknet._core -o /tmp/stubs` and copy /tmp/stubs/wijknet/_core.pyi")
