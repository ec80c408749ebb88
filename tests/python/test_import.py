"""Import that survives real exports (issue 9): Dutch names, encodings, duplicates, validate."""

import argparse
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import wijknet
from wijknet._validate import as_command_line, main_check, problems

ROOT = Path(__file__).resolve().parents[2]
TWINS = ROOT / "tests" / "data" / "excel"


def write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


PEOPLE = "id,name,kind,role\nagent,Kees,person,wijkagent\ncoc,COC,organisation,lhbti_organisatie\n"


# ---------------------------------------------------------------- vocabulary: Dutch labels and aliases

@pytest.mark.parametrize("name,key", [
    ("lhbti+ organisatie", "lhbti_organisatie"), ("LHBTI+-Organisatie", "lhbti_organisatie"),
    ("welzijn", "welzijnswerk"), ("Welzijnswerk", "welzijnswerk"), ("social welfare work", "welzijnswerk"),
    ("wijkagent", "wijkagent"), ("bewoners", "bewoner"), ("kerngroeplid", "kerngroep"), ("gemeente", "gemeente"),
])
def test_roles_by_dutch_label_and_alias(name, key):
    assert wijknet.Alliance().role(name)["key"] == key


@pytest.mark.parametrize("name,key", [
    ("samenwerking", "collaboration"), ("informatie", "information"), ("Informatie delen", "information"),
    ("doorverwijzing", "referral"), ("vertrouwen", "trust"), ("Trust", "trust"),
])
def test_relations_by_dutch_name(name, key):
    a = wijknet.Alliance()
    assert a.relation(name)["key"] == key
    a.add_wave("T0")
    a.add_stakeholder("x", roles=["wijkagent"])
    a.add_stakeholder("y", roles=["lhbti+ organisatie"])
    a.add_tie("x", "y", name, "T0")
    assert a.ties()["relation"].tolist() == [key]
    assert a.stakeholder("y")["roles"] == ["lhbti_organisatie"]


def test_vocabularies_show_label_nl_and_aliases():
    a = wijknet.Alliance()
    roles = {r["key"]: r for r in a.roles}
    assert roles["lhbti_organisatie"]["label_nl"] == "lhbti+-organisatie"
    assert "welzijn" in roles["welzijnswerk"]["aliases"]
    assert all(r["label_nl"] for r in a.roles)
    relations = {r["key"]: r for r in a.relations}
    assert {k: r["label_nl"] for k, r in relations.items()} == {
        "collaboration": "samenwerking", "information": "informatie delen", "referral": "doorverwijzing",
        "trust": "vertrouwen"}
    assert all("label_nl" in t and "aliases" in t for t in a.themes)


def test_user_roles_and_relations_with_aliases_round_trip_through_json(tmp_path):
    a = wijknet.Alliance()
    a.add_role("jongerenwerk", "youth work", label_nl="jongerenwerk", aliases=["jeugdwerk"])
    a.add_relation("advice", "advice", directed=True, label_nl="advies", aliases=["raad"])
    assert a.role("Jeugdwerk")["key"] == "jongerenwerk"
    assert a.relation("raad")["key"] == "advice"
    with pytest.raises(wijknet.DuplicateIdError, match="'welzijn' already exists \\(as 'welzijnswerk'\\)"):
        a.add_role("buurtvader", aliases=["welzijn"])
    assert "buurtvader" not in [r["key"] for r in a.roles]
    wijknet.write(a, tmp_path / "a.json")
    b = wijknet.read(tmp_path / "a.json")
    assert b.roles == a.roles and b.relations == a.relations
    assert b.role("jeugdwerk")["label_nl"] == "jongerenwerk"


# ---------------------------------------------------------------- headers

def test_dutch_headers_read(tmp_path):
    folder = write(tmp_path / "d", {
        "stakeholders.csv": "ID;Naam;Soort;Rol;Metingen\nagent;Kees;persoon;Wijkagent;\ncoc;COC;organisatie;lhbti+ organisatie;\n",
        "ties.csv": "Van;Naar;Relatie;Meting;Gewicht\nagent;coc;doorverwijzing;T0;2,5\n",
    })
    a = wijknet.read_csv_folder(folder, decimal_comma=True)
    assert a.stakeholder("agent")["roles"] == ["wijkagent"]
    assert a.stakeholder("agent")["kind"] == "person"
    assert a.ties()[["relation", "weight"]].values.tolist() == [["referral", 2.5]]
    assert a.read_warnings == []


@pytest.mark.parametrize("header,column,means", [
    ("id,name,rolen", 3, "role"), ("id,name,roles ", 3, "role"), ("id,naam,Rollen,wavs", 4, "waves"),
])
def test_a_header_like_a_known_column_is_an_error(tmp_path, header, column, means):
    folder = write(tmp_path / "h", {"stakeholders.csv": header + "\n" + "agent,Kees,wijkagent" + (",T0" * (header.count(",") == 3)) + "\n"})
    with pytest.raises(wijknet.ParseError, match=f"stakeholders.csv:1:{column}: unknown column .* did you mean '{means}'"):
        wijknet.read_csv_folder(folder)


def test_ordinary_attribute_names_stay_attributes(tmp_path):
    folder = write(tmp_path / "o", {"stakeholders.csv": "id,role,sector,note,location,volunteer\nx,bewoner,zorg,n,l,ja\n"})
    assert set(wijknet.read_csv_folder(folder).stakeholders().columns) >= {"sector", "note", "location", "volunteer"}


def test_no_roles_read_warns_in_read_warnings_and_summary(tmp_path):
    folder = write(tmp_path / "w", {"stakeholders.csv": "id;naam;functie\nagent;Kees;wijkagent\n"})
    a = wijknet.read_csv_folder(folder)
    [warning] = a.read_warnings
    assert isinstance(warning, wijknet.Problem) and warning.severity == "warning"
    assert str(warning).endswith("stakeholders.csv:1: no roles were read: the table has no role column; is the column "
                                 "named 'role' or 'rol'? (the header has: id, naam, functie)")
    assert "no roles were read" in a.summary().to_text("en")
    assert "Waarschuwingen bij het inlezen" in a.summary().to_text("nl")
    assert "er zijn geen rollen gelezen" in a.summary().to_text("nl")
    assert a.copy().read_warnings == a.read_warnings
    assert wijknet.load_example().read_warnings == []


# ---------------------------------------------------------------- encodings, empty rows and columns

CAFE = "Café “De Hoek” €"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", ("id,name,role\nx," + CAFE + ",bewoner\n").encode("utf-8")),
    ("utf-8 with BOM", ("id,name,role\nx," + CAFE + ",bewoner\n").encode("utf-8-sig")),
    ("cp1252", ("id;name;role\r\nx;" + CAFE + ";bewoner\r\n").encode("cp1252")),
    ("utf-16", ("id\tname\trole\r\nx\t" + CAFE + "\tbewoner\r\n").encode("utf-16")),
    ("utf-16-be", b"\xfe\xff" + ("id\tname\trole\nx\t" + CAFE + "\tbewoner\n").encode("utf-16-be")),
])
def test_encodings_are_detected(tmp_path, encoding, data):
    folder = write(tmp_path / "e", {"stakeholders.csv": data})
    assert wijknet.read_csv_folder(folder).stakeholder("x")["name"] == CAFE


def test_encoding_option(tmp_path):
    folder = write(tmp_path / "e", {"stakeholders.csv": "id,name\nx,Café\n".encode("cp1252")})
    with pytest.raises(wijknet.ParseError, match="stakeholders.csv:2:6: the file is not UTF-8 text"):
        wijknet.read_csv_folder(folder, encoding="utf-8")
    assert wijknet.read_csv_folder(folder, encoding="cp1252").stakeholder("x")["name"] == "Café"
    with pytest.raises(wijknet.InvalidValueError, match="unknown encoding 'ebcdic'"):
        wijknet.read_csv_folder(folder, encoding="ebcdic")
    write(folder, {"stakeholders.csv": b"id,name\nx,ab\x81\n"})
    with pytest.raises(wijknet.ParseError, match="neither UTF-8, Windows-1252 nor UTF-16"):
        wijknet.read_csv_folder(folder)


def test_empty_rows_and_trailing_columns_are_skipped(tmp_path):
    folder = write(tmp_path / "r", {"stakeholders.csv": "id;name;role;;\nx;X;bewoner;;\n;;;;\n   ;  ;;;\ny;Y;bewoner;;\n;;;;\n"})
    frame = wijknet.read_csv_folder(folder).stakeholders()
    assert frame.index.tolist() == ["x", "y"]
    assert list(frame.columns) == ["name", "kind", "roles", "waves"]


# ---------------------------------------------------------------- duplicates

TIES = pd.DataFrame({"source": ["agent", "coc", "agent", "agent"], "target": ["coc", "agent", "coc", "coc"],
                     "relation": ["collaboration", "samenwerking", "referral", "referral"],
                     "weight": [4.0, 2.0, 1.0, 1.0], "note": [None, "vaak", None, None]})
STAKEHOLDERS = pd.DataFrame({"id": ["agent", "coc"], "role": ["wijkagent", "lhbti_organisatie"]})


@pytest.mark.parametrize("rule,weight", [("sum", 6.0), ("max", 4.0), ("mean", 3.0)])
def test_from_pandas_combines_listings(rule, weight):
    a = wijknet.from_pandas(STAKEHOLDERS, TIES, duplicates=rule)
    ties = a.ties().set_index("relation")
    assert ties.loc["collaboration", "weight"] == weight
    assert ties.loc["collaboration", "note"] == "vaak"  # taken from the later listing
    assert ties.loc["referral", "weight"] == {"sum": 2.0, "max": 1.0, "mean": 1.0}[rule]


def test_from_pandas_merge_and_error_name_both_rows():
    with pytest.raises(wijknet.DuplicateIdError,
                       match=r"ties row 2, column 'weight': the collaboration tie 'agent' -- 'coc' in wave 'T0' is listed twice, on rows "
                             r"1 and 2, with weights 4 and 2; say how to combine them with duplicates='sum'"):
        wijknet.from_pandas(STAKEHOLDERS, TIES)
    same = TIES.assign(weight=[4.0, 4.0, 1.0, 1.0])
    assert wijknet.from_pandas(STAKEHOLDERS, same).num_ties == 2
    with pytest.raises(wijknet.DuplicateIdError, match="ties row 2: .* listed twice, on rows 1 and 2; remove one"):
        wijknet.from_pandas(STAKEHOLDERS, same, duplicates="error")
    with pytest.raises(wijknet.InvalidValueError, match="duplicates must be 'merge', 'error', 'sum', 'max' or 'mean'"):
        wijknet.from_pandas(STAKEHOLDERS, same, duplicates="average")


@pytest.mark.parametrize("rule,weight", [("sum", 6.0), ("max", 4.0), ("mean", 3.0)])
def test_csv_folder_combines_listings(tmp_path, rule, weight):
    folder = write(tmp_path / "t", {"stakeholders.csv": PEOPLE,
                                    "ties.csv": "source,target,weight\nagent,coc,4\ncoc,agent,2\n"})
    assert wijknet.read_csv_folder(folder, duplicates=rule).ties()["weight"].tolist() == [weight]
    with pytest.raises(wijknet.ParseError, match="ties.csv:3:3: .* on lines 2 and 3, with weights 4 and 2"):
        wijknet.read_csv_folder(folder)


def test_sensitive_values_are_never_quoted(tmp_path):
    folder = write(tmp_path / "s", {"stakeholders.csv": PEOPLE,
                                    "ties.csv": "source,target,why:sensitive\nagent,coc,geheim1\ncoc,agent,geheim2\n"})
    with pytest.raises(wijknet.ParseError) as err:
        wijknet.read_csv_folder(folder)
    assert "why" in str(err.value) and "geheim" not in str(err.value)
    assert not wijknet.validate(folder)["message"].str.contains("geheim").any()


# ---------------------------------------------------------------- the Excel twins

def test_twins_are_in_step_with_the_example(tmp_path):
    subprocess.run([sys.executable, str(TWINS / "make_twins.py"), str(tmp_path)], check=True)
    for made in sorted(tmp_path.rglob("*.*")):
        committed = TWINS / made.relative_to(tmp_path)
        assert made.read_bytes() == committed.read_bytes(), (
            f"{committed} is out of date; run python3 tests/data/excel/make_twins.py")


def test_the_excel_export_reads_as_its_clean_twin():
    clean = wijknet.read_csv_folder(TWINS / "clean")
    excel = wijknet.read_csv_folder(TWINS / "export", decimal_comma=True)
    pd.testing.assert_frame_equal(excel.stakeholders(include_sensitive=True), clean.stakeholders(include_sensitive=True))
    pd.testing.assert_frame_equal(excel.ties(include_sensitive=True), clean.ties(include_sensitive=True))
    assert excel._dump_json(include_sensitive=True) == clean._dump_json(include_sensitive=True)
    assert excel.read_warnings == []
    assert (TWINS / "export" / "ties.csv").read_bytes().count(b"\x93") > 0  # really Windows-1252


def test_the_broken_twin_shows_every_problem_in_one_run():
    found = wijknet.validate(TWINS / "broken", decimal_comma=True)
    found["file"] = found["file"].map(lambda f: Path(f).name)
    assert found[["file", "line", "column", "severity"]].values.tolist() == [
        ["relations.csv", 2, 3, "error"],
        ["stakeholders.csv", 1, 4, "error"],
        ["stakeholders.csv", 4, 3, "error"],
        ["stakeholders.csv", 1, 0, "warning"],
        ["ties.csv", 14, 66, "error"],
        ["ties.csv", 6, 2, "error"],
        ["ties.csv", 9, 5, "error"],
        ["ties.csv", 25, 5, "error"],
        ["events.csv", 3, 4, "error"],
        ["participation.csv", 5, 2, "error"],
    ]
    assert found.attrs["errors"] == 9
    assert found.loc[1, "suggestion"].startswith("did you mean 'role'?")
    dutch = wijknet.validate(TWINS / "broken", lang="nl", decimal_comma=True)
    assert dutch.loc[5, "message"] == "onbekende stakeholder 'buurtpreventie_vogelwijkx'"
    assert dutch.loc[5, "suggestion"] == "bedoelt u 'buurtpreventie_vogelwijk'?"
    assert dutch.loc[7, "message"].startswith("de relatie 'samenwerking' tussen 'welzijn_rivierstad' en ")


# ---------------------------------------------------------------- validate and `wijknet check`

def test_validate_clean_missing_and_other_formats(tmp_path):
    assert wijknet.validate(wijknet.example_path()).empty
    with pytest.raises(FileNotFoundError):
        wijknet.validate(tmp_path / "nowhere")
    broken = tmp_path / "a.json"
    broken.write_text('{"format": "wijknet", "version": 1,', encoding="utf-8")
    [row] = wijknet.validate(broken).to_dict("records")
    assert row["line"] == 1 and row["severity"] == "error" and "ends too early" in row["message"]
    with pytest.raises(wijknet.InvalidValueError, match="lang must be 'en' or 'nl'"):
        wijknet.validate(tmp_path, lang="fr")


def check_args(data, **kw):
    return argparse.Namespace(data=str(data), lang=kw.get("lang", "en"), encoding="auto", separator="",
                              decimal_comma=kw.get("decimal_comma", False), duplicates=kw.get("duplicates", "merge"))


def test_main_check_names_flags_and_exits_non_zero(tmp_path, capsys):
    folder = write(tmp_path / "c", {"stakeholders.csv": PEOPLE,
                                    "ties.csv": "source,target,weight\nagent,coc,4\ncoc,agent,2\n"})
    assert main_check(check_args(folder)) == 1
    out, err = capsys.readouterr()
    assert "ties.csv:3:3: error: the collaboration tie 'agent' -- 'coc' in wave 'T0' is listed twice" in out
    assert "--duplicates sum, 'max' or 'mean'" in out and "duplicates='" not in out
    assert err.strip() == "1 error, 0 warnings"
    assert main_check(check_args(folder, lang="nl")) == 1
    out, err = capsys.readouterr()
    assert "ties.csv:3:3: fout: de relatie 'samenwerking' tussen 'agent' en 'coc'" in out
    assert err.strip() == "één fout, 0 waarschuwingen"
    assert main_check(check_args(folder, duplicates="sum")) == 0
    assert capsys.readouterr().out.strip() == "0 errors, 0 warnings"
    assert as_command_line("read it with encoding='utf-16', or decimal_comma=True") == (
        "read it with --encoding utf-16, or --decimal-comma")


def test_wijknet_check_command(tmp_path, capsys):
    from wijknet.cli import main

    assert main(["check", str(TWINS / "export"), "--decimal-comma"]) == 0
    assert capsys.readouterr().out.strip() == "0 errors, 0 warnings"
    assert main(["check", str(TWINS / "broken"), "--decimal-comma", "--lang", "nl"]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 10
    assert "stakeholders.csv:1:4: fout: onbekende kolom 'Rolen' lijkt op de kolom 'role'" in out
    assert "stakeholders.csv:1: waarschuwing: er zijn geen rollen gelezen" in out
    assert "--duplicates sum" in out
    assert err.strip() == "9 fouten, één waarschuwing"
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_validate_checks_the_incident_files(tmp_path):
    folder = write(tmp_path / "i", {
        "stakeholders.csv": PEOPLE,
        "incidents.csv": "id,reported,category\nM1,2022-03-01,intimidatie\nM1,2022-03-02,intimidatie\n",
        "incident_steps.csv": "incident,stakeholder,action,time\nM9,agent,ontvangen,2022-03-01T10:00\n"
                              "M1,agnet,ontvangen,2022-03-01T10:00\n"})
    found = wijknet.validate(folder)
    assert [(Path(f).name, line, column) for f, line, column in found[["file", "line", "column"]].itertuples(index=False)] == [
        ("incidents.csv", 3, 1), ("incident_steps.csv", 2, 1), ("incident_steps.csv", 3, 2)]
    assert found["message"].tolist()[:2] == ["incident 'M1' is listed twice (first on line 2)",
                                             "step of unknown incident 'M9' (not in incidents.csv)"]
    assert "unknown stakeholder 'agnet'" in found["message"][2] and found["suggestion"][2] == "did you mean 'agent'?"
    assert found.attrs["errors"] == 3


def test_a_misspelled_incident_column_is_an_error_not_a_dropped_column(tmp_path, capsys):
    # The incident files follow the header rules of every other file of the folder: 'prioriteit' is
    # like no known column (an attribute), 'neigbourhood' is one typo from 'neighbourhood' (an error:
    # the neighbourhood would silently be missing from the report), and the steps' 'notte' one from
    # 'note' (a file that reads no other columns says so).
    folder = write(tmp_path / "i", {
        "stakeholders.csv": PEOPLE,
        "incidents.csv": "id,reported,category,neigbourhood,prioriteit\nM1,2022-03-01,intimidatie,Merelplein,x\n",
        "incident_steps.csv": "incident,stakeholder,action,time,notte\nM1,agent,ontvangen,2022-03-01T10:00,n\n"})
    with pytest.raises(wijknet.ParseError, match=r"incidents.csv:1:4: unknown column 'neigbourhood' looks like the "
                                                 r"column 'neighbourhood'; did you mean 'neighbourhood'\?"):
        wijknet.read(folder)
    found = wijknet.validate(folder)
    assert [(Path(f).name, line, column) for f, line, column in found[["file", "line", "column"]].itertuples(index=False)] == [
        ("incidents.csv", 1, 4), ("incident_steps.csv", 1, 5)]
    assert found["suggestion"][1].endswith("or give it a name less like 'note' (this file does not read other columns)")
    assert main_check(check_args(folder, lang="nl")) == 1
    out = capsys.readouterr().out
    assert "incidents.csv:1:4: fout: onbekende kolom 'neigbourhood' lijkt op de kolom 'neighbourhood'" in out
    assert "incident_steps.csv:1:5: fout: onbekende kolom 'notte' lijkt op de kolom 'note'" in out


def test_the_more_rows_line_is_a_note_not_an_error(tmp_path, capsys):
    # Six rows alike (a decimal comma without decimal_comma=True) and one more error: three of the six
    # are shown, then a note for the other three, then the last error. The note is no error of its own
    # (not 8), and the three rows it stands for are (7, not 4: "4 errors" understated a long file).
    ties = "source,target,relation,weight\n" + "".join(f"agent,coc,trust,{i},5\n" for i in range(6))
    folder = write(tmp_path / "n", {"stakeholders.csv": PEOPLE, "ties.csv": ties + "agent,welzijn,trust,x\n"})
    found = wijknet.validate(folder)
    assert found["severity"].tolist() == ["error", "error", "error", "note", "error"]
    assert found["message"][3] == "and 3 more rows like the one above"
    assert found.attrs["errors"] == 7
    assert [p.more for p in problems(folder)] == [0, 0, 0, 3, 0]
    assert main_check(check_args(folder)) == 1
    out, err = capsys.readouterr()
    assert "ties.csv:4:19: note: and 3 more rows like the one above" in out and err.strip() == "7 errors, 0 warnings"
    main_check(check_args(folder, lang="nl"))
    out, err = capsys.readouterr()
    assert "ties.csv:4:19: opmerking: en nog 3 rijen zoals hierboven" in out and err.strip() == "7 fouten, 0 waarschuwingen"
