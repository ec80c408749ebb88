"""The documentation cannot drift: every Python block of README.md and docs/ runs, every JSON sample
reads, every ``output`` block equals what the Python block before it prints, and every
``wijknet ...`` command line in a shell block runs and exits 0.

Blocks of one page run in order in one namespace, in a scratch folder holding a copy of the bundled
example (``alliance.json``, ``alliance.graphml`` and the CSV files under ``examples/data``), so the
paths the docs use resolve. Shell lines that set up a machine (``bash scripts/...``, ``cmake``,
``pip``) are not run here; scripts/setup.sh and scripts/test.sh run them in CI.
"""

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wijknet

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```([\w+-]*)[^\n]*\n(.*?)^```", re.S | re.M)
RUNNABLE = ("python", "json", "sh", "bash", "console")


def blocks(page: Path):
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(page.read_text(encoding="utf-8"))]


ALL_PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
PAGES = [p for p in ALL_PAGES if any(lang in RUNNABLE for lang, _ in blocks(p))]  # prose-only pages have none


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    example = wijknet.example_path()
    for name in ("alliance.json", "alliance.graphml"):
        shutil.copy(example / name, tmp_path / name)
    shutil.copytree(example, tmp_path / "examples" / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_blocks_run(page, scratch):
    namespace: dict = {"__name__": "__docs__"}
    printed = ""
    ran = 0
    for lang, code in blocks(page):
        if lang == "python":
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(code, f"{page.name} block", "exec"), namespace)  # noqa: S102
            printed = out.getvalue()
            ran += 1
        elif lang == "output":
            assert _normal(printed) == _normal(code), f"{page.name}: the output block differs from what runs"
        elif lang == "json" and code.lstrip().startswith("{"):
            path = scratch / "sample.json"
            path.write_text(code, encoding="utf-8")
            wijknet.read(path)
            ran += 1
        elif lang in ("sh", "bash", "console"):
            for line in code.splitlines():
                line = line.split("  #")[0].strip()
                if line.startswith(("wijknet ", ".venv/bin/wijknet ")):
                    args = line.split(None, 1)[1]
                    result = subprocess.run([sys.executable, "-m", "wijknet.cli", *_split(args)],
                                            capture_output=True, text=True, cwd=scratch)
                    assert result.returncode == 0, f"{page.name}: `{line}` failed:\n{result.stderr}"
                    ran += 1
    assert ran, f"{page.name}: no block ran"


def _split(args: str) -> list[str]:
    import shlex

    return shlex.split(args)


def test_every_page_is_checked():
    # A page added later is picked up by the glob above; this keeps the list from silently emptying.
    assert len(ALL_PAGES) >= 10 and len(PAGES) >= 5
    assert sum(1 for p in PAGES for lang, _ in blocks(p) if lang == "python") >= 10
