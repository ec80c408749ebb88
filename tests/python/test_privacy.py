"""The privacy audit as a test (issue 13): nothing sensitive leaves wijknet unless asked for by name.

An alliance whose sensitive attributes (of stakeholders, ties, events and participation) and
incident log hold marker strings ("qzx...") goes through every output: each writer, each
converter, every public function and class of ``wijknet.__all__`` (their results, ``repr``,
``_repr_html_``, explanations and sentences), the report, the CLI and error messages. No output
may contain a marker unless ``include_sensitive=True`` (or the function's documented opt-in: naming
the sensitive attribute where docs/alle_kleuren.md says so) was given; with it, the markers come
back. Sensitive attribute *names* (``lhbti_focus``) may appear: writers and reports say which
attributes they left out.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet import cli

MARK = "qzx"  # in every sensitive value, and nowhere else


def _text(obj, depth: int = 0) -> str:
    """Everything an object shows: str, repr, HTML, and the content of tables, graphs and containers."""
    if depth > 6:
        return ""
    parts = [str(obj), repr(obj)]
    html = getattr(obj, "_repr_html_", None)
    if callable(html) and not isinstance(obj, type):
        parts.append(html() or "")
    if isinstance(obj, (str, bytes)):
        return obj if isinstance(obj, str) else obj.decode("utf-8", "replace")
    if isinstance(obj, (pd.DataFrame, pd.Series)):
        parts += [obj.to_csv(), repr(obj.attrs), repr(list(obj.index.names))]
    elif isinstance(obj, np.ndarray):
        parts += [str(x) for x in obj.ravel().tolist()]
    elif isinstance(obj, dict):
        parts += [_text(k, depth + 1) + _text(v, depth + 1) for k, v in obj.items()]
    elif isinstance(obj, (list, tuple, set, frozenset)):
        parts += [_text(x, depth + 1) for x in obj]
    elif dataclasses.is_dataclass(obj):
        parts += [_text(getattr(obj, f.name), depth + 1) for f in dataclasses.fields(obj)]
    elif type(obj).__module__.startswith("networkx"):
        parts += [repr(list(obj.nodes(data=True))), repr(list(obj.edges(data=True))), repr(obj.graph)]
    elif type(obj).__module__.startswith("igraph"):
        parts += [repr([v.attributes() for v in obj.vs]), repr([e.attributes() for e in obj.es]),
                  repr({k: obj[k] for k in obj.attributes()})]
    elif isinstance(obj, wijknet.Alliance):
        parts += [_text(obj.stakeholders(), depth + 1), _text(obj.ties(), depth + 1),
                  _text(obj.events(), depth + 1), _text(obj.participation(), depth + 1),
                  _text([obj.stakeholder(i) for i in obj.stakeholders().index], depth + 1)]
    elif type(obj).__module__.startswith("wijknet"):
        for name in dir(obj):
            if name.startswith("_"):
                continue
            try:
                value = getattr(obj, name)
            except Exception:  # noqa: BLE001 - a property that needs more than the object
                continue
            if not callable(value):
                parts.append(_text(value, depth + 1))
    return "\n".join(parts)


def _clean(obj, what: str) -> None:
    text = _text(obj)
    assert MARK not in text.lower(), f"{what} shows a sensitive value: ...{text[max(0, text.lower().find(MARK) - 80):][:160]}..."


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The example data with marker values in sensitive columns of every table and in the incidents."""
    out = tmp_path_factory.mktemp("sensitive") / "alliance"
    shutil.copytree(wijknet.example_path(), out)
    tables = {name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
              for name in ("stakeholders", "ties", "events", "participation", "incidents", "incident_steps")}
    s = tables["stakeholders"]
    s["lhbti_focus:sensitive"] = [f"{MARK}focus{i % 2}" for i in range(len(s))]  # two groups
    s["orientation:sensitive"] = [f"{MARK}-s{i}" for i in range(len(s))]
    tables["ties"]["via_coc:sensitive"] = [f"{MARK}-t{i}" for i in range(len(tables["ties"]))]
    tables["events"]["audience:sensitive"] = [f"{MARK}-e{i}" for i in range(len(tables["events"]))]
    tables["participation"]["reason:sensitive"] = [f"{MARK}-p{i}" for i in range(len(tables["participation"]))]
    tables["incidents"]["description"] = [f"{MARK}-i{i}" for i in range(len(tables["incidents"]))]
    steps = tables["incident_steps"]
    if "note" in steps.columns:
        steps["note"] = [f"{MARK}-n{i}" for i in range(len(steps))]
    for name, frame in tables.items():
        frame.to_csv(out / f"{name}.csv", index=False)
    for other in ("alliance.json", "alliance.graphml"):
        (out / other).unlink()
    return out


@pytest.fixture(scope="module")
def alliance(folder) -> wijknet.Alliance:
    a = wijknet.read_csv_folder(folder)
    # The mark is per record: here one stakeholder's `sector` is sensitive, everyone else's is not.
    a.add_stakeholder("hidden_ngo", "Hidden", roles=["lhbti_organisatie"], attributes={"sector": f"{MARK}-sector", "lhbti_focus": f"{MARK}focus1",
                                                                         "orientation": f"{MARK}-s"},
                      sensitive=["sector", "lhbti_focus", "orientation"])
    a.add_tie("hidden_ngo", a.stakeholders().index[0], "collaboration", a.waves[0]["key"])
    assert MARK in _text(a.stakeholders(include_sensitive=True)) and a.num_incidents > 0
    return a


def _quiet(call, *args, **kwargs):
    """Runs call; warnings it gives are part of its output."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call(*args, **kwargs)
    return [result, [str(w.message) for w in caught]]


# Every name of wijknet.__all__: how to get its output from the sensitive alliance `a`, or why it
# has none of its own (then what covers it).
def _outputs(a: wijknet.Alliance, tmp: Path) -> dict:
    w = wijknet
    ids = list(a.stakeholders().index)
    by_role = a.stakeholders()["roles"].map(lambda r: r[0] if r else "")
    waves = [x["key"] for x in a.waves]
    before, after = waves[0], waves[-1]
    snap = a.snapshot(wave=after)
    g = w.two_mode(a)

    def report_html():
        r = w.report(a)
        path = r.save(tmp / "rapport.html")
        return [r, Path(path).read_text(encoding="utf-8"), w.report(a, lang="nl")]

    return {
        # classes: their objects' repr, _repr_html_, tables and properties
        "Alliance": lambda: [a, a.copy(), a.summary(), a.read_warnings, a.snapshot()],
        "Snapshot": lambda: [snap, snap.ids],
        "Summary": lambda: [w.summary(a), w.summary(a, lang="nl")],
        "Report": report_html,
        "Study": lambda: (lambda st: [st, st.table(w.density)])(w.Study({"one": a, "two": a.copy()})),
        "TwoMode": lambda: g,
        "Scenario": lambda: w.Scenario(a, remove=[ids[0]]),
        "Problem": lambda: w.validate(str(tmp / "csv_folder")),
        "EIIndex": "the result of ei_index",
        "CUGResult": "the result of cug_test",
        "ChainRoutes": "the result of chain_routes",
        "IncidentRoles": "the result of incident_roles",
        "IncidentTimes": "the result of incident_times",
        "KeyPlayers": "the result of key_players",
        "NetlmResult": "the result of netlm",
        "NetlogitResult": "the result of netlogit",
        "PaperPractice": "the result of paper_vs_practice",
        "QAPResult": "the result of qap_test",
        "PooledTest": "the result of Study.pooled_test (group means of network statistics, no attributes)",
        "WaveComparison": "the result of compare_waves",
        # exceptions, warnings, constants: no data of their own (error messages: test_errors_...)
        **{name: "an exception type" for name in ("ConvergenceError", "DuplicateIdError", "InvalidValueError",
                                                  "ParseError", "UnknownIdError", "WijknetError", "WriteError")},
        "EmptySelectionWarning": "a warning type (warnings given are checked with each call)",
        "LowJaccardWarning": "a warning type (warnings given are checked with each call)",
        "DEFAULT_CHAIN": "a constant (role keys)",
        "JACCARD_WARNING": "a constant (a threshold)",
        "__version__": "a constant",
        "example_path": "a path, no data",
        "load_example": "the bundled example, not the caller's data",
        # readers: an alliance (checked as one) from the caller's own data
        "read": lambda: w.read(tmp / "out.json"),
        "read_csv_folder": lambda: w.read_csv_folder(tmp / "csv_folder"),
        "validate": lambda: [w.validate(str(tmp / "csv_folder")), w.validate(str(tmp / "csv_folder"), lang="nl")],
        # writers: the files they write
        "write": lambda: [(_write(a, tmp / f"out.{ext}"), (tmp / f"out.{ext}").read_text(encoding="utf-8"))
                          for ext in ("json", "graphml", "dl", "dot")],
        "write_csv_folder": lambda: (w.write_csv_folder(a, tmp / "csv_folder"),
                                     {p.name: p.read_text(encoding="utf-8") for p in (tmp / "csv_folder").iterdir()}),
        # converters
        "to_pandas": lambda: w.to_pandas(a),
        "to_networkx": lambda: [w.to_networkx(a), w.to_networkx(a, events=True)],
        "to_igraph": lambda: w.to_igraph(a),
        "adjacency_matrix": lambda: [w.adjacency_matrix(a), w.adjacency_matrix(a, sparse=True).toarray()],
        "from_pandas": lambda: w.from_pandas(**w.to_pandas(a)),
        "from_networkx": lambda: w.from_networkx(w.to_networkx(a)),
        "from_igraph": lambda: w.from_igraph(w.to_igraph(a)),
        "relation_matrix": lambda: w.relation_matrix(a, "collaboration"),
        "same_role": lambda: w.same_role(a),
        "same_attribute": lambda: w.same_attribute(a, "sector"),
        "attribute_difference": lambda: w.attribute_difference(a, "neighbourhood_years", missing="mean"),
        "role_tie_matrix": lambda: w.role_tie_matrix(a),
        "role_distance_matrix": lambda: w.role_distance_matrix(a),
        "without": lambda: w.without(a, ids[:2]),
        "add_roster_ties": "takes survey responses, not an alliance's attributes (tested in test_io)",
        "partner_scores": "takes survey responses, not an alliance's attributes (tested in test_io)",
        # survey exports: they read an export and give answers, ids and names, never a stakeholder's attributes
        "read_survey": "takes a survey export; gives its answers by stakeholder id (tested in test_survey)",
        "add_survey": "takes a survey export; gives ids and counts (tested in test_survey)",
        "survey_mapping": "takes a survey export; gives column names, ids and answer labels (tested in test_survey)",
        "write_survey_mapping": "writes the mapping it is given, nothing of an alliance",
        "SurveyWarning": "a warning type (warnings given are checked with each call)",
        "gcor": lambda: w.gcor(w.same_role(a), w.relation_matrix(a, "collaboration")),
        "qap_test": lambda: w.qap_test(w.same_role(a), w.relation_matrix(a, "collaboration"), reps=20, seed=1),
        "netlm": lambda: w.netlm(w.relation_matrix(a, "collaboration"), [w.same_role(a)], reps=20, seed=1),
        "netlogit": lambda: w.netlogit(w.relation_matrix(a, "collaboration"), [w.same_role(a)], reps=20, seed=1),
        "cug_test": lambda: w.cug_test(w.relation_matrix(a, "collaboration"), "density", reps=20, seed=1),
        # measures and diagnostics
        **{name: (lambda f=getattr(w, name): f(a)) for name in (
            "articulation_points", "average_path_length", "betweenness", "biconnected_components", "bridges",
            "centralization", "cliques", "closeness", "clustering", "components", "constraint", "core_number",
            "degree", "density", "diameter", "dyad_census", "eccentricity", "edge_betweenness", "effective_size",
            "efficiency", "eigenvector", "fragmentation", "harmonic", "hierarchy", "katz", "label_propagation",
            "layout", "leiden", "louvain", "pagerank", "reciprocity", "structural_holes", "transitivity",
            "triad_census", "key_players", "suggest_ties", "role_coverage", "handoffs", "handoff_network",
            "incident_roles", "incident_times", "paper_vs_practice", "core_group", "event_role_coverage",
            "bridging_events", "cumulative_reach", "theme_reach", "uncovered_themes", "participation_matrix",
            "bipartite_betweenness", "bipartite_closeness", "bipartite_components", "bipartite_degree",
            "bipartite_density", "co_participation", "event_projection", "two_mode")},
        "brokerage": lambda: w.brokerage(a),
        "mixing_matrix": lambda: w.mixing_matrix(a),
        "missing_dyads": lambda: w.missing_dyads(a),
        "response_rates": lambda: w.response_rates(a),
        "imputed_figures": lambda: w.imputed_figures(a, imputations=3),
        "ei_index": lambda: w.ei_index(a),
        "assortativity": lambda: w.assortativity(a),
        "modularity": lambda: w.modularity(a, w.louvain(a)),
        "node_connectivity": lambda: w.node_connectivity(a, ids[0], ids[1]),
        "chain_routes": lambda: w.chain_routes(a, w.DEFAULT_CHAIN),
        "compare_waves": lambda: w.compare_waves(a, before, after),
        "incident_change": lambda: w.incident_change(a, before, after),
        "meeting_and_ties": lambda: w.meeting_and_ties(a, before, after, permutations=19, seed=1),
        "draw": lambda: _draw(a),
        "summary": lambda: [w.summary(a), w.summary(a, lang="nl")],
        "report": report_html,
    }


def _write(a, path):
    wijknet.write(a, path)


def _draw(a):
    import matplotlib

    matplotlib.use("Agg")
    ax = wijknet.draw(a)
    texts = [t.get_text() for t in ax.figure.findobj(matplotlib.text.Text)]
    matplotlib.pyplot.close(ax.figure)
    return texts


def test_every_output_without_include_sensitive_is_free_of_sensitive_values(alliance, tmp_path):
    (tmp_path / "csv_folder").mkdir()
    outputs = _outputs(alliance, tmp_path)
    assert sorted(outputs) == sorted(wijknet.__all__), "a public name is not in the audit: add how it gives output"
    order = ["write", "write_csv_folder"]  # the readers read what these wrote
    for name in order + sorted(set(outputs) - set(order)):
        how = outputs[name]
        if isinstance(how, str):
            continue
        _clean(_quiet(how), name)
        # and every output object's own explanation, sentences, notes
    _clean(alliance.stakeholders().attrs, "stakeholders().attrs")


def test_the_cli_shows_no_sensitive_value(folder, capsys, tmp_path):
    for command in ("summary", "coverage", "chains", "key-players", "scenario", "suggest"):
        for fmt in ("table", "csv", "json"):
            cli.main(["--format", fmt, command, str(folder)])
            out = capsys.readouterr()
            _clean([out.out, out.err], f"wijknet --format {fmt} {command}")
    for lang in ("en", "nl"):
        cli.main(["--lang", lang, "check", str(folder)])
        _clean(capsys.readouterr(), f"wijknet --lang {lang} check")
    cli.main(["report", str(folder), "-o", str(tmp_path / "r.html")])
    _clean([(tmp_path / "r.html").read_text(encoding="utf-8"), capsys.readouterr()], "wijknet report")
    cli.main(["--show-sensitive", "summary", str(folder)])
    shown = capsys.readouterr().out  # the opt-in: counts per value, groups under 5 suppressed
    assert "lhbti_focus" in shown and f"{MARK}focus0" in shown


def test_error_messages_do_not_quote_sensitive_values(alliance, tmp_path):
    graphml = ('<graphml><key id="o" for="node" attr.name="orientation" attr.type="double" '
               'wijknet:sensitive="true"/><graph><node id="a"><data key="o">qzx-private</data></node></graph></graphml>')
    with pytest.raises(wijknet.ParseError) as err:
        wijknet.read(tmp_path / "x.graphml") if (tmp_path / "x.graphml").write_text(graphml) else None
    _clean(str(err.value), "a GraphML read error")
    assert "not shown: the attribute is sensitive" in str(err.value)
    # a tie listed twice with different sensitive values: the error names the column, not the values
    folder = tmp_path / "dup"
    wijknet.write_csv_folder(alliance, folder, include_sensitive=True)
    ties = pd.read_csv(folder / "ties.csv", dtype=str, keep_default_na=False)
    twice = pd.concat([ties, ties.iloc[[0]].assign(**{"via_coc:sensitive": "qzx-other"})])
    twice.to_csv(folder / "ties.csv", index=False)
    with pytest.raises(wijknet.ParseError) as err:
        wijknet.read_csv_folder(folder)
    _clean(str(err.value), "a duplicate tie error")
    _clean(_quiet(wijknet.validate, str(folder)), "validate on a duplicate tie")
    for call in (wijknet.mixing_matrix, wijknet.ei_index, wijknet.brokerage, wijknet.assortativity):
        with pytest.raises(wijknet.InvalidValueError, match="sensitive attribute") as err:
            call(alliance, by="orientation")
        _clean(str(err.value), f"{call.__name__}(by=<sensitive>)")
    with pytest.warns(wijknet.EmptySelectionWarning, match="its values are not listed") as caught:
        wijknet.degree(alliance, where={"orientation": "no such value"})
    _clean([str(w.message) for w in caught], "an empty where= on a sensitive attribute")
    with pytest.raises(ValueError, match="sensitive attributes cannot be drawn") as err:
        wijknet.draw(alliance, color_by="orientation")
    _clean(str(err.value), "draw(color_by=<sensitive>)")


def test_asking_by_name_gives_the_sensitive_values_back(alliance, tmp_path):
    a = alliance
    assert MARK in _text(a.stakeholders(include_sensitive=True))
    assert MARK in _text(a.ties(include_sensitive=True)) and MARK in _text(a.events(include_sensitive=True))
    assert MARK in _text(a.participation(include_sensitive=True))
    assert MARK in _text(a.incidents(include_sensitive=True)) and MARK in _text(a.stakeholder(a.stakeholders().index[0],
                                                                                            include_sensitive=True))
    for ext in ("json", "graphml"):
        wijknet.write(a, tmp_path / f"all.{ext}", include_sensitive=True)
        assert MARK in (tmp_path / f"all.{ext}").read_text(encoding="utf-8")
        assert MARK in _text(wijknet.read(tmp_path / f"all.{ext}").stakeholders(include_sensitive=True))
    wijknet.write_csv_folder(a, tmp_path / "all", include_sensitive=True)
    assert all(MARK in (tmp_path / "all" / f).read_text(encoding="utf-8")
               for f in ("stakeholders.csv", "ties.csv", "events.csv", "participation.csv", "incidents.csv"))
    frames = wijknet.to_pandas(a, include_sensitive=True, include_incidents=True)
    assert all(MARK in _text(frames[k]) for k in ("stakeholders", "ties", "events", "participation", "incidents"))
    assert MARK in _text(wijknet.to_networkx(a, include_sensitive=True, events=True))
    assert MARK in _text(wijknet.to_igraph(a, include_sensitive=True))
    m = wijknet.mixing_matrix(a, by="lhbti_focus", include_sensitive=True)
    assert sorted(m.index) == [f"{MARK}focus0", f"{MARK}focus1"]
    assert MARK in _text(wijknet.ei_index(a, by="lhbti_focus", include_sensitive=True).groups)
    assert f"{MARK}focus0" in wijknet.report(a, show_sensitive=True).html  # counts per value, small cells suppressed
    # documented opt-in by name (docs/alle_kleuren.md): small cells suppressed, the values label columns
    assert MARK in _text(wijknet.theme_reach(a, by="lhbti_focus").columns)


# ----------------------------------------------------------------- persons in report text (issue 25)

PERSON = "pzq"  # in every person's id and name, and nowhere else


def _persons_marked(out: Path, variant: str) -> Path:
    """The example with PERSON in every person's id and name, changed so that the reader warns: two ids that differ
    only in capitals and a weight column it does not recognise ("twins"), ties without a wave column while waves.csv
    declares two ("no_wave"). (The third warning, no role read at all, makes no report: grouping by role refuses a
    stakeholder without one.)"""
    shutil.copytree(wijknet.example_path(), out)
    for other in ("alliance.json", "alliance.graphml"):
        (out / other).unlink()
    people = pd.read_csv(out / "stakeholders.csv", dtype=str, keep_default_na=False)
    persons = set(people.loc[people["kind"] == "person", "id"])
    for file in out.glob("*.csv"):  # every mention of a person's id, in every file
        text = file.read_text(encoding="utf-8")
        file.write_text(re.sub(r"[A-Za-z0-9_]+", lambda m: PERSON + m[0] if m[0] in persons else m[0], text),
                        encoding="utf-8")
    s = pd.read_csv(out / "stakeholders.csv", dtype=str, keep_default_na=False)
    s.loc[s["kind"] == "person", "name"] = "Pzq " + s.loc[s["kind"] == "person", "name"]
    ties = pd.read_csv(out / "ties.csv", dtype=str, keep_default_na=False)
    if variant == "twins":
        twin = s[s["id"] == f"{PERSON}wijkagent_kwikstaart"].assign(id=f"{PERSON.upper()}Wijkagent_Kwikstaart")
        s = pd.concat([s, twin])
        ties = ties.rename(columns={"weight": "gewicht (1-5)"})
    elif variant == "no_wave":
        ties = ties[ties["wave"] == "T0"].drop(columns=["wave"])  # read as ties of the first wave
    s.to_csv(out / "stakeholders.csv", index=False)
    ties.to_csv(out / "ties.csv", index=False)
    return out


def _no_person(text: str, what: str) -> None:
    at = text.lower().find(PERSON)
    assert at < 0, f"{what} names a person by id or name: ...{text[max(0, at - 100):at + 60]}..."


@pytest.mark.parametrize("variant", ["twins", "no_wave"])
def test_no_report_sentence_names_a_person_warnings_included(variant, tmp_path, capsys):
    folder = _persons_marked(tmp_path / "alliance", variant)
    a = wijknet.read_csv_folder(folder)
    assert a.read_warnings and any(PERSON in sid.lower() for sid in a.stakeholders().index)
    waves = [w["key"] for w in a.waves]
    options = [{}, {"show_sensitive": True}, {"waves": waves[0]}, {"compare": waves[0], "waves": waves[-1]},
               {"template": "alle_kleuren"}, {"relation": "referral"},
               {"chain": ["bewoner", "zelforganisatie", "welzijnswerk", "wijkagent"]}]
    for lang in ("en", "nl"):
        for option in options:
            html = wijknet.report(a, lang=lang, **option).html
            _no_person(html, f"report(lang={lang!r}, {option})")
        text = wijknet.summary(a, lang=lang).to_text()
        _no_person(text + repr(wijknet.summary(a)), "summary")
    warned = wijknet.report(a).html
    if variant == "twins":  # the warning is there, the persons under the map's pseudonyms
        assert "the id of stakeholder &#x27;Community police officer 1&#x27; differs from that of " \
               "&#x27;Community police officer 2&#x27;" in warned
    study = tmp_path / "study"
    study.mkdir()
    shutil.copytree(folder, study / "vogelwijk")
    shutil.copytree(folder, study / "merelbuurt")
    _no_person(wijknet.report(str(study)).html, "the report across neighbourhoods")
    for command in ("summary", "coverage", "chains", "key-players", "scenario", "suggest"):
        for lang in ("en", "nl"):
            cli.main(["--lang", lang, command, str(folder)])
            out = capsys.readouterr()
            _no_person(out.out + out.err, f"wijknet --lang {lang} {command}")
    cli.main(["report", str(folder), "-o", str(tmp_path / "r.html")])
    capsys.readouterr()
    _no_person((tmp_path / "r.html").read_text(encoding="utf-8"), "wijknet report")
