"""The summary and the `wijknet` command, checked against networkx on the bundled example."""

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import wijknet

SOURCE_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data"


def test_bundled_example_ships_with_the_package():
    assert (wijknet.example_path() / "stakeholders.csv").is_file()
    assert (wijknet.example_path() / "README.md").is_file()


def test_example_has_its_deliberate_flaws(example):
    s = example.summary()
    assert s.missing["samen_in_de_wijk"]["recommended"] == ["antidiscriminatievoorziening"]
    assert s.missing["samen_in_de_wijk"]["required"] == []
    assert s.roles["wijkagent"] == 1  # one person holds the role alone
    ties = example.ties()
    tied = set(ties["source"]) | set(ties["target"])
    assert set(example.stakeholders().index) - tied == {"moestuin_de_vlinderhof"}  # the isolate


@pytest.mark.parametrize("relation", ["collaboration", "information", "referral", "trust"])
@pytest.mark.parametrize("wave", ["T0", "T1"])
def test_density_and_components_agree_with_networkx(example, relation, wave):
    row = example.summary().relations.loc[(relation, wave)]
    people = example.stakeholders()
    present = [i for i, waves in people["waves"].items() if not waves or wave in waves]
    ties = example.ties()
    ties = ties[(ties.relation == relation) & (ties.wave == wave)]
    directed = row["directed"]
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(present)
    g.add_edges_from(zip(ties.source, ties.target))
    assert row["stakeholders"] == g.number_of_nodes()
    assert row["ties"] == g.number_of_edges()
    assert row["density"] == pytest.approx(nx.density(g), abs=1e-12)
    comps = list(nx.weakly_connected_components(g) if directed else nx.connected_components(g))
    assert row["components"] == len(comps)
    assert row["largest_component"] == max(len(c) for c in comps)
    assert row["isolates"] == nx.number_of_isolates(g)


def test_snapshot_from_python(example):
    g = example.snapshot(relations=["referral"], waves=["T1"])
    assert g.directed and len(g) == 32
    sources, targets, weights = g.edges()
    assert len(sources) == g.num_ties == 17
    with pytest.raises(wijknet.UnknownIdError, match="did you mean 'referral'"):
        example.snapshot(relations=["refferal"])
    with pytest.raises(wijknet.InvalidValueError, match="combine must be"):
        example.snapshot(combine="avg")
    sub = example.snapshot(ids=["wijkagent_kwikstaart", "welzijn_rivierstad"], relations=["collaboration"])
    assert sub.ids == ["wijkagent_kwikstaart", "welzijn_rivierstad"] and sub.num_ties == 1


def test_text_report_in_english_and_dutch(example):
    s = example.summary()
    text = s.to_text()
    assert "samen_in_de_wijk: anti-discrimination service - recommended" in text
    assert "community police officer" in text
    # the label once, not the key beside it
    assert [line.strip().split("  ")[0] for line in text.splitlines() if "held by one stakeholder only" in line] == [
        "community police officer"]
    assert "Rollen die de methode vraagt" in s.to_text("nl")
    assert "<table" in s._repr_html_()
    with pytest.raises(ValueError, match="lang must be"):
        s.to_text("de")


def test_command_prints_the_summary_of_the_example():
    cmd = Path(sys.executable).parent / "wijknet"
    out = subprocess.run([str(cmd)], capture_output=True, text=True, check=True).stdout
    assert "34 stakeholders, 164 ties, 2 waves, 10 events" in out
    assert "samen_in_de_wijk: anti-discrimination service" in out
    out = subprocess.run([str(cmd), "summary", str(SOURCE_EXAMPLE), "--template", "alle_kleuren", "--lang", "nl"],
                         capture_output=True, text=True, check=True).stdout
    assert "alle_kleuren: compleet" in out and "samen_in_de_wijk" not in out


def test_command_reports_bad_input_with_file_line_and_column(tmp_path):
    (tmp_path / "stakeholders.csv").write_text("id,role\nagent,wijkagnt\n", encoding="utf-8")
    cmd = Path(sys.executable).parent / "wijknet"
    res = subprocess.run([str(cmd), "summary", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode == 1
    assert f"{tmp_path / 'stakeholders.csv'}:2:2: stakeholder 'agent': unknown role 'wijkagnt'" in res.stderr


def test_parse_error_carries_where(tmp_path):
    (tmp_path / "stakeholders.csv").write_text("id,role\nagent,wijkagent\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("source,target,weight\nagent,agent,veel\n", encoding="utf-8")
    with pytest.raises(wijknet.ParseError) as info:
        wijknet.read_csv_folder(tmp_path)
    assert (Path(info.value.file).name, info.value.line, info.value.column) == ("ties.csv", 2, 3)


def test_snapshot_where_filters_on_attributes(example):
    g = example.snapshot(where={"sector": "welzijn"})
    people = example.stakeholders()
    assert sorted(g.ids) == sorted(people.index[people["sector"] == "welzijn"])
    both = people[(people["sector"] == "welzijn") & (people["volunteer"] == True)]  # noqa: E712
    assert len(both) == 0  # no welzijn volunteers in the example: an empty selection, which warns
    with pytest.warns(wijknet.EmptySelectionWarning, match="together match no stakeholder"):
        assert sorted(example.snapshot(where={"volunteer": True, "sector": "welzijn"}).ids) == sorted(both.index)


def test_summary_in_dutch_uses_dutch_labels(example):
    text = example.summary(lang="nl").to_text()
    assert "doorverwijzing" in text and "referral" not in text
    assert "lhbti+-organisatie" in text and "geïsoleerd" in text and "door maar één stakeholder vervuld" in text
    assert "0,056" in text  # decimal comma
