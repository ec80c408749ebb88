"""One Python vocabulary (issue 9): keyword checks, one selection scheme, errors, empty selections,
numeric groups, selections on the exports, suggest_ties without an objective. Table-driven: every
public function of wijknet.__all__ is in the tables, so a new one cannot slip through."""

import dataclasses
import inspect
import math
import os
import warnings

import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet import _keywords

CHAIN = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]

# Everything in __all__ that is not a function or a class whose constructor users call.
RESULTS = {"ChainRoutes", "EIIndex", "KeyPlayers", "Report", "Summary", "EmptySelectionWarning", "__version__",
           "JACCARD_WARNING", "DEFAULT_CHAIN"}


def public_callables():
    out = []
    for name in wijknet.__all__:
        obj = getattr(wijknet, name)
        if name in RESULTS or (isinstance(obj, type) and issubclass(obj, BaseException)):
            continue
        out.append(name)
    return out


def test_every_public_function_is_in_a_table():
    functions = [n for n in public_callables() if not isinstance(getattr(wijknet, n), type)]
    assert len(functions) >= 49  # the issue counted 49; more may come, none may be unchecked
    assert set(functions) <= set(MISSPELT) | set(SELECTION_CALLS) | NO_SELECTION, (
        set(functions) - set(MISSPELT) - set(SELECTION_CALLS) - NO_SELECTION)


# ------------------------------------------------------------------------- misspelled keywords

def misspelt(valid):
    """A keyword one typo away from a valid one, and that valid one."""
    for good, bad in (("waves", "wavs"), ("relations", "relation_s"), ("lang", "lnag"), ("include_sensitive", "include_sensitve")):
        if good in valid:
            return bad, good
    good = valid[-1]
    return good[:-1] + good[-1] * 2 + "x" if len(good) < 4 else good[:2] + good[3:], good


def valid_keywords(function):
    sig = inspect.signature(function)
    names = [n for n, p in sig.parameters.items()
             if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL) and n not in ("self", "g", "alliance") and not n.startswith("_")]
    if any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values()) and "waves" not in names and function.__name__ not in ("read", "write"):
        names += list(_keywords.SELECTION)
    return names


MISSPELT = {name: None for name in wijknet.__all__}  # filled below: every public function


@pytest.mark.parametrize("name", [n for n in public_callables() if not isinstance(getattr(wijknet, n), type)])
def test_a_misspelt_keyword_names_the_closest_valid_one(name):
    function = getattr(wijknet, name)
    assert getattr(function, "__wijknet_checked__", False), f"{name} is not wrapped by _keywords.checked"
    valid = valid_keywords(function)
    if not valid:
        with pytest.raises(TypeError, match=r"unexpected keyword argument 'colour'; it takes none"):
            function(colour=1)
        return
    bad, good = misspelt(valid)
    if name in ("read", "write"):  # free-form options, checked per format
        bad, good = ("fomat", "format") if name == "read" else ("include_sensitve", "include_sensitive")
        args = (wijknet.example_path(),) if name == "read" else (wijknet.Alliance(), "x.json")
        with pytest.raises(TypeError, match=rf"{name}\(\) got an unexpected keyword argument '{bad}' for a \w+ "
                                            rf"file; did you mean '{good}'\?"):
            function(*args, **{bad: 1})
        return
    with pytest.raises(TypeError, match=rf"{name}\(\) got an unexpected keyword argument '{bad}'; did you mean '{good}'\?"):
        function(None, **{bad: 1})


def test_every_public_method_is_checked():
    for cls in (wijknet.Alliance, wijknet.Scenario):
        for name in dir(cls):
            method = getattr(cls, name)
            if not name.startswith("_") and callable(method) and not isinstance(method, type):
                assert getattr(method, "__wijknet_checked__", False), f"{cls.__name__}.{name}"
    assert wijknet.Scenario.__init__.__wijknet_checked__


def test_unknown_keywords_of_classes_and_methods(small):
    with pytest.raises(TypeError, match=r"Snapshot\(\) got an unexpected keyword argument 'wavs'; did you mean 'waves'"):
        wijknet.Snapshot(small, wavs=["T0"])
    with pytest.raises(TypeError, match=r"did you mean 'waves'"):
        small.snapshot(wavs="T0")
    with pytest.raises(TypeError, match=r"Alliance.add_stakeholder\(\) got an unexpected keyword argument 'role'; "
                                        r"did you mean 'roles'\?"):
        small.add_stakeholder("x", role=["wijkagent"])
    assert "x" not in small
    with pytest.raises(TypeError, match=r"Alliance.add_tie\(\) .* 'wieght'; did you mean 'weight'"):
        small.add_tie("agent", "coc", "trust", "T0", wieght=2)
    with pytest.raises(TypeError, match=r"Alliance.stakeholders\(\) .* 'include_sensitve'; did you mean 'include_sensitive'"):
        small.stakeholders(include_sensitve=True)
    with pytest.raises(TypeError, match=r"Scenario\(\) .* 'removed'; did you mean 'remove'"):
        wijknet.Scenario(small, removed=["coc"])
    with pytest.raises(TypeError, match=r"compare\(\) .* 'chain'; did you mean 'chains'"):
        wijknet.Scenario(small, remove=["coc"]).compare(chain=[CHAIN])
    with pytest.raises(TypeError, match=r"read\(\) got an unexpected keyword argument 'separator' for a json file; "
                                        r"it takes path, format"):
        wijknet.read(wijknet.example_path() / "alliance.json", separator=";")
    with pytest.raises(TypeError, match=r"read\(\) got an unexpected keyword argument 'seperator' for a csv file; "
                                        r"did you mean 'separator'"):
        wijknet.read(wijknet.example_path(), seperator=";")
    with pytest.raises(TypeError, match=r"did you mean 'names'"):
        wijknet.write(small, "x.dot", name=False)


def test_snapshot_takes_its_selection_by_position_too(example):
    assert wijknet.Snapshot(example, "referral", "T1").ids == wijknet.Snapshot(example, relations="referral", wave="T1").ids


def test_a_str_where_the_compiled_methods_want_a_list(small):
    small.add_stakeholder("wijk", roles="bewonersinitiatief", waves="T1")
    assert small.stakeholder("wijk")["roles"] == ["bewonersinitiatief"]
    assert small.stakeholder("wijk")["waves"] == ["T1"]


def test_never_a_signature_dump(small):
    for call in (lambda: small.add_stakeholder("y", rols=1), lambda: wijknet.betweenness(small, wavs="T0"),
                 lambda: wijknet.Snapshot(small, relatoins="referral")):
        with pytest.raises(TypeError) as info:
            call()
        assert "incompatible function arguments" not in str(info.value)
        assert "did you mean" in str(info.value)


@pytest.mark.parametrize("call_, message", [
    (lambda a: a.add_tie("agent", "coc", "trust", "T0", weight="heavy"), r"Alliance.add_tie\(\): weight must be a number, got str 'heavy'"),
    (lambda a: a.add_stakeholder(3), r"Alliance.add_stakeholder\(\): id must be a str, got int 3"),
    (lambda a: a.add_stakeholder("q", roles=[1]), r"roles must be a str or a list of str, got list \[1\]"),
    (lambda a: wijknet.Snapshot(a, min_weight="x"), r"Snapshot\(\): min_weight must be a number or None"),
    (lambda a: wijknet.degree(a, symmetrize="yes"), r"Snapshot\(\): symmetrize must be True or False"),
])
def test_a_wrong_type_names_the_argument_not_every_signature(small, call_, message):
    with pytest.raises(TypeError, match=message) as info:
        call_(small)
    assert "incompatible" not in str(info.value)


def test_wave_and_waves_together_is_a_type_error(example):
    with pytest.raises(TypeError, match="both waves= and wave="):
        wijknet.betweenness(example, wave="T0", waves=["T0"])
    with pytest.raises(TypeError, match="both waves= and wave="):
        wijknet.role_coverage(example, wave="T0", waves="T0")


# --------------------------------------------------------------- string or list, one scheme

def same(a, b):
    """Equal results of any kind wijknet returns."""
    if isinstance(a, dict):
        assert a.keys() == b.keys()
        for key in a:
            same(a[key], b[key])
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b)
    elif dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name))
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b)
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b)
    elif hasattr(a, "html"):
        assert a.html.split("Made with")[0] == b.html.split("Made with")[0]
    elif type(a).__name__ in ("MultiDiGraph",):
        assert sorted(a.nodes) == sorted(b.nodes) and sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    elif type(a).__name__ == "Graph":  # igraph
        assert a.vs["name"] == b.vs["name"] and a.get_edgelist() == b.get_edgelist()
    else:
        assert a == b


# name -> (positional arguments after the alliance, keyword arguments)
SELECTION_CALLS = {
    "node_connectivity": (("welzijn_rivierstad", "wijkagent_kwikstaart"), {}),
    "modularity": (([set(wijknet.load_example().stakeholders().index)],), {}),
    "chain_routes": ((CHAIN,), {}),
    "role_coverage": ((), {}),
    "role_distance_matrix": ((), {}),
    "role_tie_matrix": ((), {}),
    "suggest_ties": ((), {"k": 2}),
    "key_players": ((), {}),
    "fragmentation": ((), {}),
    "layout": ((), {}),
    "report": ((), {"lang": "en"}),
    "to_pandas": ((), {}),
    "to_networkx": ((), {}),
    "to_igraph": ((), {}),
    "adjacency_matrix": ((), {}),
}
for _name in wijknet._measures.__all__:
    SELECTION_CALLS.setdefault(_name, ((), {}))
# Functions without a selection: they read, write, build or convert a whole alliance.
NO_SELECTION = {"read", "write", "read_csv_folder", "write_csv_folder", "from_pandas", "from_networkx", "from_igraph",
                "load_example", "example_path", "summary", "without", "add_roster_ties", "partner_scores", "Problem",
                "validate", "draw",
                # two-mode and Alle Kleuren: they select by their own keywords (waves, dates, themes ...)
                "bipartite_betweenness", "bipartite_closeness", "bipartite_components", "bipartite_degree",
                "bipartite_density", "co_participation", "event_projection", "participation_matrix", "two_mode",
                "bridging_events", "core_group", "cumulative_reach", "event_role_coverage", "meeting_and_ties",
                "theme_reach", "uncovered_themes",
                # change between waves and the permutation tests: two named waves, or matrices
                "compare_waves", "attribute_difference", "cug_test", "gcor", "netlm", "netlogit", "qap_test",
                "relation_matrix", "same_attribute", "same_role",
                # the incident log: selected by waves, dates and categories of incidents
                "handoff_network", "handoffs", "incident_change", "incident_roles", "incident_times",
                "paper_vs_practice", "incident_table", "incident_step_table"}
ONE_WAVE = {"suggest_ties", "role_distance_matrix", "role_tie_matrix", "report"}  # one wave, or all together
NO_RELATIONS = {"report"}


def call(name, example, **selection):
    args, kwargs = SELECTION_CALLS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wijknet.EmptySelectionWarning)
        return getattr(wijknet, name)(example, *args, **kwargs, **selection)


@pytest.mark.parametrize("name", sorted(SELECTION_CALLS))
def test_a_string_selects_as_a_list_of_one(name, example):
    if name in ("to_igraph",):
        pytest.importorskip("igraph")
    one = call(name, example, waves="T1")
    same(one, call(name, example, waves=["T1"]))
    same(one, call(name, example, wave="T1"))
    if name not in NO_RELATIONS:
        same(call(name, example, relations="collaboration", waves="T0"),
             call(name, example, relations=["collaboration"], wave="T0"))


@pytest.mark.parametrize("name", sorted(ONE_WAVE))
def test_functions_of_one_wave_refuse_two(name, example):
    with pytest.raises(wijknet.InvalidValueError, match=r"looks at one wave, or at every wave together"):
        call(name, example, waves=["T0", "T1"])


def test_per_wave_tables_report_each_wave_named(example):
    both = wijknet.role_coverage(example, waves=["T0", "T1"])
    assert list(both.index.names) == ["wave", "role"]
    same(both.loc["T1"], wijknet.role_coverage(example, wave="T1"))
    assert list(wijknet.chain_routes(example, CHAIN, waves=["T1", "T0"]).summary.index) == ["T1", "T0"]
    compared = wijknet.Scenario(example, remove=["opbouwwerker_grutto"]).compare(waves="T0")
    assert compared.index.name == "measure"


# ----------------------------------------------------------------------------------- errors

def test_a_missing_file_is_a_file_not_found_error_with_its_path(tmp_path):
    for path, kwargs in ((tmp_path / "nowhere.json", {}), (tmp_path / "nowhere.graphml", {}),
                         (tmp_path / "nowhere.dl", {}), (tmp_path / "nowhere", {}),
                         (tmp_path / "nowhere.txt", {"format": "json"})):
        with pytest.raises(FileNotFoundError) as info:
            wijknet.read(path, **kwargs)
        assert info.value.filename == str(path)
    with pytest.raises(FileNotFoundError, match="nowhere"):
        wijknet.read_csv_folder(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="nowhere"):
        wijknet.report(tmp_path / "nowhere")
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        wijknet.read_csv_folder(tmp_path / "file")


def test_a_folder_where_a_file_should_be_is_an_os_error_not_a_cpp_message(tmp_path):
    # Seen once: basic_string::_M_replace_aux, from reading a folder's "size".
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "stakeholders.csv").mkdir()
    with pytest.raises(IsADirectoryError) as info:
        wijknet.read_csv_folder(tmp_path / "data")
    assert info.value.filename.endswith("stakeholders.csv")
    assert "_M_" not in str(info.value)
    (tmp_path / "x.json").mkdir()
    with pytest.raises(IsADirectoryError):
        wijknet.read(tmp_path / "x.json", format="json")


def test_a_failed_write_is_an_os_error(small, tmp_path):
    for name in ("a.json", "a.graphml", "a.dl", "a.dot"):
        with pytest.raises(OSError) as info:
            wijknet.write(small, tmp_path / "missing" / name)
        assert isinstance(info.value, wijknet.WriteError) and isinstance(info.value, wijknet.WijknetError)
        assert "missing" in str(info.value)
    (tmp_path / "taken.json").mkdir()  # a folder is a CSV folder, unless the format says otherwise
    with pytest.raises(wijknet.WriteError):
        wijknet.write(small, tmp_path / "taken.json", format="json")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError):
        wijknet.write(small, tmp_path / "file" / "a.json")


def test_messages_use_python_names(small):
    small.add_tie("coc", "agent", "trust", "T0", 0)
    with pytest.raises(wijknet.InvalidValueError) as info:
        wijknet.betweenness(small, weight="distance", relations="trust")
    assert "weight=None" in str(info.value) and "weight_mode" not in str(info.value)


def test_every_python_error_is_a_wijknet_error(example, tmp_path):
    for call_ in (lambda: wijknet.write(example, tmp_path / "a.dl", layout="list"),lambda: wijknet.betweenness(example, weight="heavy"), lambda: wijknet.components(example, "strange"),
                  lambda: wijknet.brokerage(example, scores="t"), lambda: wijknet.role_coverage(example, lang="de"),
                  lambda: wijknet.suggest_ties(example, objective="chain")):
        with pytest.raises(wijknet.WijknetError):
            call_()


# ------------------------------------------------------------------------- empty selections

@pytest.mark.parametrize("selection, message", [
    ({"where": {"sector": "bakkerij"}}, r"where=\{'sector': 'bakkerij'\} matches no stakeholder; 'sector' has the values "
                                        r".*'welzijn'"),
    ({"where": {"sectr": "welzijn"}}, r"no stakeholder has the attribute 'sectr' \(did you mean 'sector'\?\)"),
    ({"roles": "antidiscriminatievoorziening"},
     r"roles=\['antidiscriminatievoorziening'\] matches no stakeholder; the roles held are .*wijkagent"),
    ({"ids": []}, r"ids=\[\] names no stakeholder"),
    ({"roles": "wijkagent", "where": {"sector": "welzijn"}}, r"together match no stakeholder"),
])
def test_an_empty_selection_warns_naming_the_filter_and_the_values(example, selection, message):
    for function in (wijknet.degree, wijknet.density, wijknet.to_networkx, wijknet.Snapshot, wijknet.layout):
        with pytest.warns(wijknet.EmptySelectionWarning, match=message) as record:
            function(example, **selection)
        assert record[0].filename == __file__  # points at the caller, not inside wijknet


def test_a_selection_that_keeps_someone_does_not_warn(example):
    wijknet.degree(example, where={"sector": "welzijn"}, roles="welzijnswerk")  # filterwarnings = error


# --------------------------------------------------------------------------- numeric groups

@pytest.mark.parametrize("function", [wijknet.brokerage, wijknet.ei_index, wijknet.mixing_matrix])
def test_grouping_by_a_number_is_an_error_with_a_hint(example, function):
    with pytest.raises(wijknet.InvalidValueError, match=r"'neighbourhood_years' is a number .*by=pandas\.cut"):
        function(example, by="neighbourhood_years")
    years = example.stakeholders()["neighbourhood_years"]
    binned = pd.cut(years, bins=[0, 5, 10, 100]).astype(str)
    function(example, by=binned)  # binned, it works


def test_assortativity_by_a_number_is_numeric_as_networkx(example):
    nx = pytest.importorskip("networkx")
    g = nx.Graph()
    frame = example.stakeholders()
    for sid, years in frame["neighbourhood_years"].items():
        g.add_node(sid, years=years)
    ties = example.ties()
    for t in ties[ties["relation"] == "collaboration"].itertuples():
        g.add_edge(t.source, t.target)
    known = [sid for sid, years in frame["neighbourhood_years"].items() if years is not None and years == years]
    expected = nx.numeric_assortativity_coefficient(g.subgraph(known), "years")
    assert wijknet.assortativity(example, by="neighbourhood_years", relations="collaboration",
                                 ids=known) == pytest.approx(expected)
    with pytest.raises(wijknet.InvalidValueError, match="have no value of 'neighbourhood_years'"):
        wijknet.assortativity(example, by="neighbourhood_years")


# ------------------------------------------------------------------- selections on the exports

def test_exports_keep_what_a_snapshot_keeps(example, tmp_path):
    nx = pytest.importorskip("networkx")
    ids = wijknet.Snapshot(example, waves="T1").ids
    assert "opbouwwerker_grutto" not in ids  # took part in T0 only
    g = wijknet.to_networkx(example, wave="T1")
    assert sorted(g.nodes) == sorted(ids)
    assert {d["wave"] for _, _, d in g.edges(data=True)} == {"T1"}
    m = wijknet.adjacency_matrix(example, waves="T1", relations="referral", weighted=True)
    assert m.shape == (len(ids), len(ids))
    ties = example.ties()
    assert m.sum() == ties[(ties["wave"] == "T1") & (ties["relation"] == "referral")]["weight"].sum()
    agents = wijknet.to_pandas(example, roles="wijkagent")
    assert list(agents["stakeholders"]["id"]) == ["wijkagent_kwikstaart"]
    assert set(agents["ties"]["source"]) <= {"wijkagent_kwikstaart"}
    path = tmp_path / "t1.dot"
    wijknet.write(example, path, wave="T1")
    text = path.read_text(encoding="utf-8")
    assert '"opbouwwerker_grutto"' not in text and '"huisartsen_merelplein"' in text
    wijknet.write(example, path, waves=["T0"], relations="referral")
    text = path.read_text(encoding="utf-8")
    assert '"opbouwwerker_grutto"' in text and '"huisartsen_merelplein"' not in text
    assert 'label="collaboration' not in text
    with pytest.raises(TypeError, match=r"did you mean 'relations'"):
        wijknet.write(example, path, relation="referral")
    with pytest.raises(TypeError, match="symmetrize"):
        wijknet.to_networkx(example, symmetrize=True)


# ------------------------------------------------------------------------------ suggest_ties

def test_suggest_ties_without_an_objective_guards_against_losing_the_key_player(small):
    # T0: agent -- welzijn (collaboration), coc -> welzijn -> agent (referral): connected, and
    # welzijn holds it together. Without an objective the suggestions plan for welzijn leaving.
    assert wijknet.fragmentation(small, wave="T0")["fragmentation"] == 0
    assert wijknet.key_players(small, k=1, wave="T0").players == ["welzijn"]
    frame = wijknet.suggest_ties(small, k=2, wave="T0")
    assert frame.attrs["removed"] == ["welzijn"] and frame.attrs["objective"] == "fragmentation"
    assert sorted(frame.iloc[0][["source", "target"]]) == ["agent", "coc"]
    assert "if welzijn, its key player, leaves" in frame.attrs["note"]
    same(frame.drop(columns="reason"), wijknet.suggest_ties(small, k=2, wave="T0", removed="welzijn").drop(columns="reason"))


def test_an_empty_suggestion_says_why(small, example):
    frame = wijknet.suggest_ties(small, k=2, wave="T0", objective="fragmentation", lang="nl")
    assert len(frame) == 0 and "hangt in meting" in frame.attrs["why_empty"]
    frame = wijknet.suggest_ties(small, k=2, wave="T0", removed=["coc"])
    assert len(frame) == 0 and frame.attrs["why_empty"].startswith("Even without")
    frame = wijknet.suggest_ties(small, k=0, wave="T0")
    assert frame.attrs["why_empty"] == "No ties were asked for (k=0)."
    frame = wijknet.suggest_ties(small, chain=["wijkagent", "gemeente"], wave="T0")  # nobody is the gemeente
    assert len(frame) == 0 and "Nobody holds the role" in frame.attrs["why_empty"]
    for objective, kwargs in (("chain", {"chain": CHAIN, "relation": "referral"}), ("fragmentation", {}),
                              ("distance", {"closer": ("wijkagent", "lhbti_organisatie")})):
        nobody = ["antidiscriminatievoorziening"]  # between holders of a role nobody holds: no candidate
        frame = wijknet.suggest_ties(example, k=1, wave="T1", between=(nobody, nobody), objective=objective, **kwargs)
        assert len(frame) == 0 and frame.attrs["why_empty"], objective


def test_the_command_says_why_and_what_it_planned_for(small, tmp_path, capsys):
    from wijknet import cli

    wijknet.write(small, tmp_path / "data")
    assert cli.main(["suggest", str(tmp_path / "data"), "--wave", "T0", "--show-names"]) == 0
    assert "if welzijn, its key player, leaves" in capsys.readouterr().out
    assert cli.main(["suggest", str(tmp_path / "data"), "--wave", "T0", "--objective", "fragmentation"]) == 0
    assert "already holds together in wave T0" in capsys.readouterr().out
