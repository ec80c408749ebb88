"""from_pandas in bulk (issue 9): whole columns to C++, the same checks as the CSV reader, errors
naming the DataFrame row and column, and nothing changed when any row is bad."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet._io import _from_pandas  # from_pandas into an existing alliance (from_networkx uses it)

ROOT = Path(__file__).resolve().parents[2]
EXPORT = ROOT / "tests" / "data" / "excel" / "export"

PEOPLE = pd.DataFrame({"id": ["a", "b", "c", "d"], "role": ["wijkagent", "welzijn", "bewoner", "gemeente"]})


def tie_rows(a: wijknet.Alliance) -> list[tuple]:
    return sorted(a.ties()[["source", "target", "relation", "wave", "weight"]].itertuples(index=False, name=None))


def random_listings(seed: int, n: int = 400) -> pd.DataFrame:
    """n listings among 12 stakeholders in two relations (referral directed, collaboration not)
    and two waves, many of them repeated (and, for collaboration, listed both ways)."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"p{i}" for i in range(12)])
    return pd.DataFrame({"source": ids[rng.integers(0, 12, n)], "target": ids[rng.integers(0, 12, n)],
                         "relation": np.array(["referral", "collaboration"])[rng.integers(0, 2, n)],
                         "wave": np.array(["T0", "T1"])[rng.integers(0, 2, n)],
                         "weight": rng.integers(1, 6, n).astype(float)})


@pytest.mark.parametrize("rule", ["sum", "max", "mean"])
def test_repeated_listings_combine_as_pandas_groupby_does(rule):
    listings = random_listings(7)
    people = pd.DataFrame({"id": sorted(set(listings["source"]) | set(listings["target"]))})
    a = wijknet.from_pandas(people, listings, duplicates=rule)
    # The peer: pandas groups the listings by tie; an undirected collaboration is one tie whichever
    # end comes first, so its ends are put in order before grouping.
    key = listings.copy()
    undirected = key["relation"] == "collaboration"
    lo, hi = key[["source", "target"]].min(axis=1), key[["source", "target"]].max(axis=1)
    key.loc[undirected, "source"], key.loc[undirected, "target"] = lo[undirected], hi[undirected]
    expected = key.groupby(["source", "target", "relation", "wave"])["weight"].agg(rule)
    got = a.ties()
    flip = (got["relation"] == "collaboration") & (got["source"] > got["target"])
    got.loc[flip, ["source", "target"]] = got.loc[flip, ["target", "source"]].to_numpy()
    got = got.set_index(["source", "target", "relation", "wave"])["weight"].sort_index()
    assert len(got) == len(expected) < len(listings)
    pd.testing.assert_series_equal(got, expected.sort_index(), check_names=False)


def test_the_same_alliance_as_the_csv_reader(tmp_path):
    listings = random_listings(11).drop_duplicates(["source", "target", "relation", "wave"])
    listings["note"] = np.where(np.arange(len(listings)) % 3 == 0, "vaak", None)
    people = pd.DataFrame({"id": [f"p{i}" for i in range(12)], "kind": ["person", "organisatie"] * 6,
                           "role": ["wijkagent|bewoner", "welzijn"] * 6, "years": np.arange(12.0)})
    people.loc[3, "years"] = np.nan
    (tmp_path / "f").mkdir()
    people.to_csv(tmp_path / "f" / "stakeholders.csv", index=False)
    listings.to_csv(tmp_path / "f" / "ties.csv", index=False)
    from_files = wijknet.read_csv_folder(tmp_path / "f", duplicates="sum")
    from_frames = wijknet.from_pandas(people, listings, duplicates="sum")
    pd.testing.assert_frame_equal(from_frames.stakeholders(), from_files.stakeholders())
    pd.testing.assert_frame_equal(from_frames.ties(), from_files.ties())


# ---------------------------------------------------------------- errors name the row and column

TIES = pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "c", "d"], "weight": [1.0, 2.0, 3.0]})


@pytest.mark.parametrize("change,error,message", [
    (lambda t: t.assign(target=["b", "x", "d"]), wijknet.UnknownIdError,
     "ties row 2, column 'target': unknown stakeholder 'x'"),
    (lambda t: t.assign(source=["a", None, "c"]), wijknet.InvalidValueError,
     "ties row 2, column 'source': the stakeholder id is missing"),
    (lambda t: t.assign(weight=["1", "veel", "3"]), wijknet.InvalidValueError,
     "ties row 2, column 'weight': weight must be a number, got 'veel'$"),
    (lambda t: t.assign(weight=["1", "2,5", "3"]), wijknet.InvalidValueError,
     r"ties row 2, column 'weight': weight must be a number, got '2,5'; a decimal comma\? read the file with "
     r"pandas.read_csv\(..., decimal=','\)"),
    (lambda t: t.assign(weight=[1.0, 2.0, np.inf]), wijknet.InvalidValueError,
     "ties row 3, column 'weight': collaboration tie 'c' -- 'd' in wave 'T0': weight must be a finite number"),
    (lambda t: t.assign(relation=["referral", "referral", "vriendschap"]), wijknet.UnknownIdError,
     "ties row 3, column 'relation': unknown relation 'vriendschap'"),
    (lambda t: t.assign(note=["x", {"nested": 1}, "y"]), wijknet.InvalidValueError,
     "ties row 2, column 'note': attribute 'note': expected None, a bool, a number or a str, got dict"),
    (lambda t: t.set_axis(["r1", "r2", "r3"]).assign(target=["b", "x", "d"]), wijknet.UnknownIdError,
     "ties row 2 \\(index 'r2'\\), column 'target': unknown stakeholder 'x'"),
    (lambda t: t.assign(source=["a", "b", "b"], target=["b", "a", "c"]), wijknet.DuplicateIdError,
     "ties row 2, column 'weight': the collaboration tie 'a' -- 'b' in wave 'T0' is listed twice, on rows 1 and 2, "
     "with weights 1 and 2"),
])
def test_a_bad_tie_row_is_named(change, error, message):
    with pytest.raises(error, match=message):
        wijknet.from_pandas(PEOPLE, change(TIES))


@pytest.mark.parametrize("change,error,message", [
    (lambda p: p.assign(role=["wijkagent", "slager", "bewoner", "gemeente"]), wijknet.UnknownIdError,
     "stakeholders row 2, column 'role': stakeholder 'b': unknown role 'slager'"),
    (lambda p: p.assign(kind=["person", "clubhuis", None, None]), wijknet.InvalidValueError,
     "stakeholders row 2, column 'kind': unknown stakeholder kind 'clubhuis'"),
    (lambda p: p.assign(id=["a", "b", "a", "d"]), wijknet.DuplicateIdError,
     "stakeholders row 3, column 'id': stakeholder 'a' already exists"),
    (lambda p: p.assign(id=["a", "b", np.nan, "d"]), wijknet.InvalidValueError,
     "stakeholders row 3, column 'id': the stakeholder id is missing"),
    (lambda p: p.drop(columns="id"), wijknet.InvalidValueError,
     r"stakeholders: no column 'id' \(columns: \['role'\]\); pass id='<column>'"),
])
def test_a_bad_stakeholder_row_is_named(change, error, message):
    with pytest.raises(error, match=message):
        wijknet.from_pandas(change(PEOPLE), TIES)


def test_renamed_columns_are_named_as_the_frame_has_them():
    people = PEOPLE.rename(columns={"id": "code", "role": "rol"})
    links = TIES.rename(columns={"source": "van", "target": "naar", "weight": "gewicht"}).assign(gewicht=[1, "x", 2])
    with pytest.raises(wijknet.InvalidValueError, match="ties row 2, column 'gewicht': weight must be a number"):
        wijknet.from_pandas(people, links, id="code", role="rol", source="van", target="naar", weight="gewicht")


# ---------------------------------------------------------------- strong guarantee

@pytest.mark.parametrize("bad", [
    {"ties": TIES.assign(target=["b", "c", "x"])},                              # the last row
    {"ties": TIES.assign(weight=[1.0, "veel", 3.0])},                           # checked before any tie
    {"stakeholders": pd.DataFrame({"id": ["e", "f", "e"]})},                     # a stakeholder row
    {"stakeholders": pd.DataFrame({"id": ["e"], "waves": ["T9"]}),
     "ties": pd.DataFrame({"source": ["e"], "target": ["nobody"]})},            # after a wave was declared
    {"ties": TIES.assign(relation="nieuw", target=["b", "c", "x"]), "declare_relations": True},
    {"ties": TIES.assign(target=["b", "c", "x"]), "create_stakeholders": False, "duplicates": "sum"},
    {"events": pd.DataFrame({"id": ["ev1", "ev1"]})},
])
def test_a_bad_row_leaves_an_existing_alliance_as_it_was(example, bad):
    a = example.copy()
    before = a._dump_json("", True)
    with pytest.raises(wijknet.WijknetError):
        _from_pandas(a, **{"stakeholders": PEOPLE, "ties": TIES, **bad})
    assert a._dump_json("", True) == before


def test_into_an_existing_alliance_adds_everything_when_all_rows_are_good(example):
    a = example.copy()
    assert _from_pandas(a, pd.DataFrame({"id": ["new1", "new2"]}),
                        pd.DataFrame({"source": ["new1"], "target": ["new2"], "wave": ["T1"]})) is a
    assert (len(a), a.num_ties) == (len(example) + 2, example.num_ties + 1)


# ---------------------------------------------------------------- as a user would: an Excel export read by pandas

def read_export(name: str) -> pd.DataFrame:
    return pd.read_csv(EXPORT / name, sep=";", encoding="cp1252", decimal=",")


def test_an_excel_export_read_by_pandas_builds_as_the_folder_reader_reads_it():
    people, links = read_export("stakeholders.csv"), read_export("ties.csv")
    # Excel leaves rows of ';;;;' (all missing in pandas) and trailing empty columns ('Unnamed: 6').
    assert links.isna().all(axis=1).any() and any(str(c).startswith("Unnamed") for c in links.columns)
    columns = {"id": "id", "name": "Naam", "kind": "Soort", "role": "Rol", "waves": "Metingen", "source": "Van",
               "target": "Naar", "relation": "Relatie", "wave": "Meting", "weight": "Gewicht"}
    a = wijknet.from_pandas(people, links, **columns)
    folder = wijknet.read_csv_folder(EXPORT, decimal_comma=True)
    assert tie_rows(a) == tie_rows(folder)
    pd.testing.assert_frame_equal(a.stakeholders()[["name", "kind", "roles", "waves"]],
                                  folder.stakeholders()[["name", "kind", "roles", "waves"]])
    assert list(a.ties().columns) == list(folder.ties().columns)  # no 'Unnamed: 6'
    assert a.ties()["note"].tolist() == folder.ties()["note"].tolist()


def test_a_bad_row_in_the_middle_of_an_excel_export_is_named_by_its_place():
    people, links = read_export("stakeholders.csv"), read_export("ties.csv")
    middle = len(links) // 2
    links.loc[middle, "Naar"] = "wijkagent_kwikstaartt"
    columns = {"name": "Naam", "kind": "Soort", "role": "Rol", "waves": "Metingen", "source": "Van", "target": "Naar",
               "relation": "Relatie", "wave": "Meting", "weight": "Gewicht"}
    with pytest.raises(wijknet.UnknownIdError,
                       match=rf"ties row {middle + 1}, column 'Naar': unknown stakeholder 'wijkagent_kwikstaartt'; "
                             "did you mean 'wijkagent_kwikstaart'"):
        wijknet.from_pandas(people, links, **columns)
    a = wijknet.from_pandas(pd.DataFrame({"id": ["x1", "x2"]}), pd.DataFrame({"source": ["x1"], "target": ["x2"]}))
    before = a._dump_json("", True)
    with pytest.raises(wijknet.UnknownIdError):  # after every stakeholder and half the ties went in
        _from_pandas(a, people, links, **columns)
    assert a._dump_json("", True) == before


# ---------------------------------------------------------------- the docstring examples run

@pytest.mark.parametrize("obj", ["wijknet._io.from_pandas", "wijknet._validate.validate", "wijknet._validate.Problem",
                                 "wijknet._validate.Problem.text"])
def test_docstring_examples_run(obj, tmp_path, monkeypatch):
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)  # the validate example writes a folder
    module, _, attribute = obj.removeprefix("wijknet.").partition(".")
    target = importlib.import_module(f"wijknet.{module}")
    for part in attribute.split("."):
        target = getattr(target, part)
    [test] = doctest.DocTestFinder(recurse=False).find(target, obj, globs={})
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report = []
    assert runner.run(test, out=report.append).failed == 0, "".join(report)


# ---------------------------------------------------------------------------------- column names

def test_dutch_column_names_need_no_keywords_and_read_as_the_english_ones():
    # Before, a frame with 'soort' and 'rol' loaded every stakeholder as an organisation without a
    # role, the Dutch columns kept as attributes: a silently wrong alliance. The frames now follow the
    # CSV folder's header table (docs/csv.md).
    english = wijknet.from_pandas(
        pd.DataFrame({"id": ["a", "b"], "name": ["Kees", "COC"], "kind": ["person", "organisation"],
                      "role": ["wijkagent", "lhbti_organisatie"]}),
        pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["trust"], "wave": ["T1"], "weight": [3.0]}),
        events=pd.DataFrame({"id": ["e1"], "name": ["Buurtfeest"], "date": ["2022-05-01"], "theme": ["veiligheid"]}),
        participation=pd.DataFrame({"stakeholder": ["a"], "event": ["e1"]}))
    dutch = wijknet.from_pandas(
        pd.DataFrame({"ID": ["a", "b"], "Naam": ["Kees", "COC"], "Soort": ["persoon", "organisatie"],
                      "Rol": ["wijkagent", "lhbti+ organisatie"]}).rename(columns={"ID": "id"}),
        pd.DataFrame({"Van": ["a"], "Naar": ["b"], "Relatie": ["vertrouwen"], "Meting": ["T1"], "Gewicht": [3.0]}),
        events=pd.DataFrame({"id": ["e1"], "naam": ["Buurtfeest"], "datum": ["2022-05-01"], "thema": ["veiligheid"]}),
        participation=pd.DataFrame({"deelnemer": ["a"], "activiteit": ["e1"]}))
    pd.testing.assert_frame_equal(dutch.stakeholders(), english.stakeholders())
    assert tie_rows(dutch) == tie_rows(english) == [("a", "b", "trust", "T1", 3.0)]
    pd.testing.assert_frame_equal(dutch.events(), english.events())
    pd.testing.assert_frame_equal(dutch.participation(), english.participation())
    assert dutch.stakeholders().loc["a", "kind"] == "person" and dutch.stakeholders().loc["a", "roles"] == ["wijkagent"]


@pytest.mark.parametrize("table, frame, message", [
    ("stakeholders", pd.DataFrame({"id": ["a"], "rolen": ["wijkagent"]}),
     "stakeholders: unknown column 'rolen' looks like the column 'role'; did you mean 'role'? Rename the column "
     "('rol' or 'rollen' will do too), or give it a name less like 'role' to keep it as an attribute"),
    ("stakeholders", pd.DataFrame({"id": ["a"], "naam": ["A"], "name": ["B"]}),
     "stakeholders: columns 'naam' and 'name' are both the column 'name'; keep one of them"),
    ("ties", pd.DataFrame({"source": ["a"], "target": ["a"], "weigth": [2]}),
     "ties: unknown column 'weigth' looks like the column 'weight'; did you mean 'weight'?"),
])
def test_a_column_like_a_known_one_is_an_error_as_in_a_csv_file(table, frame, message):
    frames = {"stakeholders": frame} if table == "stakeholders" else {"stakeholders": PEOPLE, "ties": frame}
    with pytest.raises(wijknet.InvalidValueError) as caught:
        wijknet.from_pandas(**frames)
    assert str(caught.value).startswith(message)


def test_a_keyword_still_names_a_column_the_table_does_not_know():
    a = wijknet.from_pandas(pd.DataFrame({"code": ["a", "b"], "functie": ["wijkagent", "welzijn"]}),
                            pd.DataFrame({"wie": ["a"], "met": ["b"]}), id="code", role="functie", source="wie",
                            target="met")
    assert a.stakeholders()["roles"].tolist() == [["wijkagent"], ["welzijnswerk"]]
    assert tie_rows(a) == [("a", "b", "collaboration", "T0", 1.0)]
