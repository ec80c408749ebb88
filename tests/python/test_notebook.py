"""The example notebook runs from top to bottom (nbclient), so it never goes stale; it is committed
without outputs."""

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "evaluator_walkthrough.ipynb"


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """A kernel spec that runs this interpreter (the one wijknet is installed in), whatever other
    python3 kernels the machine has."""
    spec = tmp_path / "jupyter" / "kernels" / "wijknet-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "wijknet test", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return "wijknet-test"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_and_shows_what_an_evaluator_needs(kernel, tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=kernel, timeout=300,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()                   # raises CellExecutionError naming the cell on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    text = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "wijknet.Alliance" in html and "Samenvatting van de alliantie" in html
    assert "De keten bewonersinitiatief → lhbti+-organisatie → welzijnswerk → wijkagent werkt" in html
    assert "Sleutelfiguren (fragmentatie, k = 2)" in text                   # the command's table
    assert "zij houden de alliantie het meest bijeen" in html + text       # key players, in Dutch
    assert "Verbindt" in html                                               # suggestions with reasons
    assert "..." not in html                                                # sentences never cut off
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 4      # T0, T1, by sector, by degree
    assert "object at 0x" not in html + text
    for name in ("Kees Kwikstaart", "Gijs Grutto", "Ravi Roodborst"):      # persons under pseudonyms
        assert name not in html + text and html.count(name.split()[1]) == 0
    assert "Wijkagent 1" in html + text
    assert "respondent_T0" in text and "partly" in text                     # a survey export, response per wave
    assert "p_value" in text                                                # the change with its test
    assert "chain_works" in text                                            # a Study of three alliances
    assert "\\begin{table}" in text and (tmp_path / "alliances.xlsx").is_file()   # publication tables
    saved = tmp_path / "rapport.html"                                       # the report, written by the notebook
    assert saved.is_file() and "Kees Kwikstaart" not in saved.read_text(encoding="utf-8")
