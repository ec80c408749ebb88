"""Survey-tool exports (issue 20): the mapping file, the answers, the ties and the response per wave.

The exports in tests/data/survey/ are one two-wave roster survey of twelve stakeholders as four survey tools export
it (make_exports.py says how each is made): T0 as Qualtrics (UTF-8 with byte order mark, commas, three header rows),
LimeSurvey (tabs, answers as words, respondents by token) and a long file (semicolons, names); T1 as Microsoft
Forms (Windows-1252, semicolons, question texts as headers, 4.0, "Weet niet"). The mappings beside them are what
`wijknet survey init` proposed, edited where it asked (lines "(edited: ...)").
"""

import csv
import os
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pandas as pd
import pytest

import wijknet

DATA = Path(__file__).resolve().parents[1] / "data" / "survey"
ROSTER = DATA / "roster"
T0_SHAPES = ["t0_qualtrics.csv", "t0_limesurvey.tsv", "t0_long.csv"]


def mapping_of(export):
    return DATA / (export.rsplit(".", 1)[0] + ".toml")


def mapping_dict(export):
    """The mapping file as a dict, its stakeholders path made absolute (a dict's paths are the working folder's)."""
    raw = tomllib.loads(mapping_of(export).read_text(encoding="utf-8"))
    raw["stakeholders"] = str(ROSTER)
    return raw


def imported(*exports, mappings=None):
    alliance = wijknet.read_csv_folder(ROSTER)
    for n, export in enumerate(exports):
        wijknet.add_survey(alliance, DATA / export, mappings[n] if mappings else mapping_of(export))
    return alliance


def ties(alliance):
    return sorted(map(tuple, alliance.ties()[["source", "target", "relation", "wave", "weight"]].values.tolist()))


# ------------------------------------------------------------------------------------------ the shapes agree

@pytest.mark.parametrize("export", T0_SHAPES[1:])
def test_every_shape_of_t0_reads_to_the_same_ties_and_response(export):
    qualtrics, other = imported(T0_SHAPES[0]), imported(export)
    assert ties(other) == ties(qualtrics)
    assert other.stakeholders()["respondent_T0"].to_dict() == qualtrics.stakeholders()["respondent_T0"].to_dict()
    assert len(ties(other)) == 42 + 68  # collaboration (undirected, maximum) and trust (directed, as reported)


def test_t0_response_per_respondent():
    response = imported("t0_qualtrics.csv").stakeholders()["respondent_T0"]
    # Woonstede opened the survey and answered nothing (a row without answers); OBS De Regenboog and the Meldpunt
    # have no row. Welzijn and the Gemeente answered everything; the others said "Weet niet" somewhere, and
    # Jongerenwerk left three trust answers blank.
    assert response[["woonstede", "regenboog", "meldpunt"]].tolist() == ["not"] * 3
    assert response[["welzijn", "gemeente"]].tolist() == ["responded"] * 2
    assert response["jongerenwerk"] == "partly"
    assert (response == "partly").sum() == 7


# ------------------------------------------------------------------------------------------ the silent cases

# T1, collaboration ("Hoe vaak werkt u samen met ...? (1 = nooit, 5 = wekelijks)"), rule maximum: a pair is tied
# when either side answered 2 or more. 12 stakeholders make 12 * 11 / 2 = 66 pairs (make_exports.py, T1_PAIRS):
# - 2 pairs have no number from either side: Stichting Al Amal did not respond and Woonstede said "Weet niet"
#   about it; OBS De Regenboog and the Meldpunt both said "Weet niet" about each other;
# - in 20 pairs every answer is 1 = nooit (or 1 and "Weet niet");
# - in 44 pairs one side or both answered 2 or more.
# With "nooit" as no tie the density is 44 / 66 = 0.667; reading "nooit" as a tie gave (44 + 20) / 66 = 0.970.
NEVER_IS_NO_TIE = 44 / 66
NEVER_IS_A_TIE = 64 / 66


def trust_ties_t1():
    """The trust ties of T1 counted from the file itself: every answer of 2 or more about someone else (trust is
    directed, each answer its own tie; 1 = helemaal niet is no tie in t1_forms.toml)."""
    rows = list(csv.reader((DATA / "t1_forms.csv").read_text(encoding="cp1252").splitlines(), delimiter=";"))
    header = rows[0]
    trust = [c for c, h in enumerate(header) if h.startswith("In hoeverre vertrouwt u")]
    count = 0
    for row in rows[1:]:
        for c in trust:
            partner = header[c][len("In hoeverre vertrouwt u "):-len("? (1-4)")]
            own = row[4] == partner or (row[4] == "Roze Lindehaven" and partner == "Stichting Roze Lindehaven")
            count += not own and row[c].replace(".0", "").isdigit() and int(row[c].replace(".0", "")) >= 2
    return count


def collaboration_density(alliance, wave="T1"):
    return wijknet.density(alliance, relations="collaboration", wave=wave)


def test_never_is_no_tie_density_067_not_097():
    alliance = imported("t1_forms.csv")
    assert collaboration_density(alliance) == pytest.approx(NEVER_IS_NO_TIE)
    assert round(NEVER_IS_NO_TIE, 2) == 0.67 and round(NEVER_IS_A_TIE, 2) == 0.97
    assert (alliance.ties()["relation"] == "trust").sum() == trust_ties_t1()


def test_a_scale_whose_lowest_answer_says_never_is_no_tie_even_when_the_mapping_does_not_say():
    mapping = mapping_dict("t1_forms.csv")
    del mapping["scales"]["samenwerking"]["no_tie"]
    alliance = wijknet.read_csv_folder(ROSTER)
    with pytest.warns(wijknet.SurveyWarning, match=r"t1_forms.csv:1:6: the scale 'samenwerking' does not say which "
                                                   r"answers mean no tie; 1 means 'nooit', so it is read as no tie; "
                                                   r"write no_tie = \[1\]"):
        wijknet.add_survey(alliance, DATA / "t1_forms.csv", mapping)
    assert collaboration_density(alliance) == pytest.approx(NEVER_IS_NO_TIE)


def test_never_becomes_a_tie_only_when_the_mapping_says_so():
    mapping = mapping_dict("t1_forms.csv")
    mapping["scales"]["samenwerking"]["no_tie"] = []  # "every answer is a tie": asked for, so no warning
    alliance = imported("t1_forms.csv", mappings=[mapping])
    assert collaboration_density(alliance) == pytest.approx(NEVER_IS_A_TIE)


def test_a_scale_that_does_not_say_and_names_no_never_answer_warns_that_every_answer_is_a_tie():
    # "In hoeverre vertrouwt u ...? (1-4)": nothing says what 1 means.
    mapping = mapping_dict("t1_forms.csv")
    del mapping["scales"]["vertrouwen"]["no_tie"]
    with pytest.warns(wijknet.SurveyWarning, match=r"t1_forms.csv:1:18: the scale 'vertrouwen' does not say which "
                                                   r"answers mean no tie: every answer is a tie, the lowest too"):
        answers = wijknet.read_survey(DATA / "t1_forms.csv", mapping)
    trust = answers[answers["item"] == "vertrouwen"]
    assert (trust.loc[trust["value"] == 1, "status"] == "tie").all()
    assert [p.column for p in answers.attrs["warnings"]] == [18]


def test_t1_keeps_the_response_of_t0(tmp_path):
    alliance = imported("t0_qualtrics.csv", "t1_forms.csv")
    frame = alliance.stakeholders()
    # The Meldpunt did not respond at T0 and did at T1; Stichting Al Amal the other way round.
    assert (frame.loc["meldpunt", "respondent_T0"], frame.loc["meldpunt", "respondent_T1"]) == ("not", "partly")
    assert (frame.loc["al_amal", "respondent_T0"], frame.loc["al_amal", "respondent_T1"]) == ("partly", "not")
    assert (frame["respondent_T0"] == "not").sum() == 3 and (frame["respondent_T1"] == "not").sum() == 1
    assert [w["key"] for w in alliance.waves] == ["T0", "T1"]
    # Written and read back, the waves' responses stay apart.
    wijknet.write(alliance, tmp_path / "both")
    again = wijknet.read(tmp_path / "both").stakeholders()
    assert again[["respondent_T0", "respondent_T1"]].equals(frame[["respondent_T0", "respondent_T1"]])


# ------------------------------------------------------------------------------------------ the answers

def test_answers_of_t1():
    answers = wijknet.read_survey(DATA / "t1_forms.csv", DATA / "t1_forms.toml")
    assert list(answers.columns) == ["wave", "respondent", "partner", "item", "relation", "answer", "value", "status",
                                     "line", "column"]
    # 11 respondents x 11 partners x 2 questions, and the 22 answers of Al Amal, who did not respond: missing.
    assert len(answers) == 12 * 11 * 2
    absent = answers[answers["respondent"] == "al_amal"]
    assert len(absent) == 22 and (absent["status"] == "missing").all() and (absent["line"] == 0).all()
    # Cells as Excel left them: "4.0" is 4; "Weet niet" and an empty cell are missing; 1 = nooit is no tie.
    cell = answers.set_index(["respondent", "partner", "item"])
    assert cell.loc[("wijkagent_devries", "woonstede", "samenwerking"),
                    ["answer", "value", "status", "line", "column"]].tolist() == ["1.0", 1.0, "no_tie", 2, 15]
    assert cell.loc[("wijkagent_devries", "brug", "samenwerking"), ["answer", "status", "line", "column"]].tolist() == [
        "Weet niet", "missing", 2, 11]
    assert cell.loc[("welzijn", "aisha", "samenwerking"), ["answer", "value", "status"]].tolist() == [
        "2.0", 2.0, "tie"]
    # Windows-1252: the partner Vrouwencentrum Aïsha is found in the headers.
    assert "aisha" in set(answers["partner"])
    assert set(answers["relation"]) == {"collaboration", "trust"}
    assert answers.attrs["roster"][:3] == ["wijkagent_devries", "welzijn", "jongerenwerk"]


def test_an_error_leaves_the_alliance_as_it_was():
    alliance = imported("t0_qualtrics.csv")
    before = alliance._dump_json("", True)
    with pytest.raises(wijknet.ParseError, match=r"<mapping>: the mapping names the column 'Hoe vaak werkt u samen "
                                                 r"met Stichting Roze Lindehaven\? .*', which the export does not "
                                                 r"have; did you mean 'Hoe vaak werkt u samen met Stichting Roze "
                                                 r"Lindenhaven\? .*'\?"):
        wijknet.add_survey(alliance, DATA / "t1_forms_bad.csv", mapping_dict("t1_forms.csv"))
    assert alliance._dump_json("", True) == before
    # A rule against its relation's direction fails in the last step, after the collaboration ties were added to
    # the working copy: still nothing changes.
    mapping = mapping_dict("t1_forms.csv")
    mapping["items"]["vertrouwen"]["rule"] = "minimum"  # trust is directed
    with pytest.raises(wijknet.InvalidValueError, match="rule 'minimum' makes one tie per pair, but relation "
                                                        "'trust' is directed"):
        wijknet.add_survey(alliance, DATA / "t1_forms.csv", mapping)
    assert alliance._dump_json("", True) == before


# ------------------------------------------------------------------------------------------ wijknet check

def line_of(text, path):
    """The line of the [[columns]] entry of ``text`` (a mapping file) that names a column."""
    lines = (DATA / path).read_text(encoding="utf-8").splitlines()
    at = lines.index(f'column = "{text}"')
    return max(n for n in range(at) if lines[n] == "[[columns]]") + 1


EXPECTED = [  # tests/data/survey/t1_forms_bad.csv with t1_forms.toml: one mistake of each kind
    ("t1_forms.toml", line_of("Hoe vaak werkt u samen met Stichting Roze Lindehaven? (1 = nooit, 5 = wekelijks)",
                              "t1_forms.toml"), 0, "error", "the mapping names the column 'Hoe vaak werkt u samen met Stichting Roze "
     "Lindehaven? (1 = nooit, 5 = wekelijks)', which the export does not have"),
    ("t1_forms_bad.csv", 1, 9, "error", "column 'Hoe vaak werkt u samen met Stichting Roze Lindenhaven? (1 = nooit, "
     "5 = wekelijks)' is neither an answer column nor ignored"),
    ("t1_forms_bad.csv", 6, 8, "error", "answer 'Soms' is not on the scale 'samenwerking'"),
    ("t1_forms_bad.csv", 6, 11, "error", "answer '7' is outside the scale 'samenwerking' (1-5)"),
    ("t1_forms_bad.csv", 7, 5, "error", "respondent 'Buurthuis De Bron' is not on the roster"),
    ("t1_forms_bad.csv", 13, 5, "error", "respondent 'Welzijn Lindehaven' answers twice, on lines 3 and 13"),
]


def test_check_lists_every_problem_of_a_bad_export_with_file_line_and_column():
    found = wijknet.validate(DATA / "t1_forms_bad.csv", mapping=DATA / "t1_forms.toml")
    got = [(Path(f).name, line, column, severity, message) for f, line, column, severity, message in
           found[["file", "line", "column", "severity", "message"]].itertuples(index=False)]
    assert got == EXPECTED
    assert found.attrs["errors"] == 6
    suggestions = found["suggestion"].tolist()
    assert suggestions[0] == ("did you mean 'Hoe vaak werkt u samen met Stichting Roze Lindenhaven? (1 = nooit, 5 = "
                              "wekelijks)'?")
    assert suggestions[4] == "did you mean 'Buurthuis De Brug (brug)'?"
    nl = wijknet.validate(DATA / "t1_forms_bad.csv", "nl", mapping=DATA / "t1_forms.toml")
    assert nl["message"].tolist()[4] == "respondent 'Buurthuis De Bron' staat niet op de lijst van stakeholders"
    assert nl["suggestion"].tolist()[4] == "bedoelt u 'Buurthuis De Brug (brug)'?"


def test_check_of_a_clean_export_is_clean():
    for export in T0_SHAPES + ["t1_forms.csv"]:
        assert wijknet.validate(DATA / export, mapping=mapping_of(export)).empty, export


def test_mapping_mistakes_are_named_with_their_line(tmp_path):
    text = mapping_of("t1_forms.csv").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('stakeholders = "roster"', f'stakeholders = "{ROSTER.as_posix()}"')
                   .replace("no_tie = [1]\n", "no_ties = [1]\n", 1)
                   .replace('relation = "trust"', 'relation = "vertrouwn"'), encoding="utf-8")
    found = wijknet.validate(DATA / "t1_forms.csv", mapping=bad)
    rows = found[["line", "message", "suggestion"]].values.tolist()
    assert rows[0] == [text.splitlines().index("no_tie = [1]") + 1, "unknown field 'no_ties' in [scales.samenwerking]",
                       "did you mean 'no_tie'?"]
    assert rows[1][1:] == ["relation 'vertrouwn' of item 'vertrouwen' is not a relation of the alliance",
                           "did you mean 'vertrouwen'?"]
    assert rows[1][0] == text.splitlines().index("[items.vertrouwen]") + 1
    bad.write_text("wave = T1\n", encoding="utf-8")
    found = wijknet.validate(DATA / "t1_forms.csv", mapping=bad)
    assert found[["line", "column"]].values.tolist() == [[1, 8]]
    assert found["message"][0].startswith("the mapping is not TOML: Invalid value")


def test_rows_without_a_respondent(tmp_path):
    export = tmp_path / "export.csv"
    header = (DATA / "t1_forms.csv").read_bytes().decode("cp1252").splitlines()
    width = header[0].count(";")
    empty = ";" * 4 + ";" * (width - 4)                  # no respondent, no answers: skipped with a warning
    answered = ";;;;" + ";4" + ";" * (width - 5)         # no respondent, one answer: an error
    export.write_text("\n".join([header[0], header[1], "9" + empty, "10" + answered]) + "\n", encoding="cp1252")
    found = wijknet.validate(export, mapping=mapping_dict("t1_forms.csv"))
    assert found[["line", "column", "severity"]].values.tolist()[-2:] == [[3, 5, "warning"], [4, 5, "error"]]
    assert found["message"].tolist()[-1] == "row without respondent: the column 'Uw organisatie' is empty"


# ------------------------------------------------------------------------------------------ the proposal

def test_init_of_microsoft_forms():
    m = wijknet.survey_mapping(DATA / "t1_forms.csv", ROSTER, wave="T1")
    assert (m["wave"], m["form"], m["header_rows"], m["separator"], m["encoding"]) == ("T1", "wide", 1, ";", "cp1252")
    assert m["respondent_column"] == "Uw organisatie"
    assert m["ignore"] == ["Respondent ID", "Startdatum", "Einddatum", "E-mail", "Opmerkingen"]
    assert m["names"] == {}  # every respondent named as the stakeholders are ("Roze Lindehaven" by its id)
    assert m["scales"]["samenwerking"] == {"range": [1, 5], "no_tie": [1], "missing": ["Weet niet"]}
    assert m["scales"]["vertrouwen"] == {"range": [1, 4], "missing": ["Weet niet"]}  # (1-4) says nothing of 1
    assert "is it 1?" in m["checks"]["scales.vertrouwen.no_tie"]
    assert m["items"]["samenwerking"] == {"question": "Hoe vaak werkt u samen met {partner}? (1 = nooit, 5 = wekelijks)",
                                          "relation": "collaboration", "rule": "maximum", "scale": "samenwerking"}
    assert (m["items"]["vertrouwen"]["relation"], m["items"]["vertrouwen"]["rule"]) == ("trust", "as_reported")
    assert [c["partner"] for c in m["columns"][:12]] == [sid for sid in wijknet.read_csv_folder(ROSTER).stakeholders().index]
    assert m["columns"][5] == {"column": "Hoe vaak werkt u samen met Buurthuis de Brug? (1 = nooit, 5 = wekelijks)",
                               "partner": "brug", "item": "samenwerking"}


def test_init_of_qualtrics_reads_three_header_rows_and_asks_about_a_near_name():
    m = wijknet.survey_mapping(DATA / "t0_qualtrics.csv", ROSTER)
    assert m["header_rows"] == 3 and m["respondent_column"] == "ExternalReference"
    assert "Q1" in m["ignore"] and "Progress" in m["ignore"]
    assert m["columns"][0] == {"column": "Q2_1", "partner": "wijkagent_devries", "item": "samenwerking"}
    assert m["checks"]["columns.0.partner"] == ("the question names 'wijkagent de vries': did you mean Wijkagent S. de "
                                                "Vries (wijkagent_devries)?")
    assert m["scales"]["vertrouwen"]["no_tie"] == [1]  # (1 = helemaal niet, 4 = volledig)
    assert m["items"]["samenwerking"]["question"].endswith("- {partner}")


def test_init_of_limesurvey_asks_for_what_it_cannot_know():
    m = wijknet.survey_mapping(DATA / "t0_limesurvey.tsv", ROSTER, lang="nl")
    assert m["respondent_column"] == "token" and set(m["names"].values()) == {""}
    assert m["scales"]["samenwerking"]["no_tie"] == ["Nooit"]
    assert m["checks"]["scales.samenwerking.labels.Maandelijks"] == ("voor welk getal staat 'Maandelijks'? Schrijf "
                                                                     "het op, en haal de # weg")
    # Unchanged, the proposal does not read: the tokens are not stakeholders yet.
    found = wijknet.validate(DATA / "t0_limesurvey.tsv", mapping=m, stakeholders=ROSTER)
    assert found["message"][0] == "respondent 'tok7301' has no stakeholder id in [names] yet"


def test_init_of_a_long_export():
    m = wijknet.survey_mapping(DATA / "t0_long.csv", ROSTER)
    assert (m["form"], m["respondent_column"], m["partner_column"]) == ("long", "Respondent", "Partner")
    assert m["columns"] == [{"column": "Samenwerking", "item": "samenwerking"},
                            {"column": "Vertrouwen", "item": "vertrouwen"}]
    assert "no_tie" not in m["scales"]["samenwerking"]


def test_the_written_mapping_reads_back_as_the_proposal(tmp_path, monkeypatch):
    monkeypatch.chdir(DATA.parent)
    m = wijknet.survey_mapping("survey/t0_qualtrics.csv", "survey/roster")
    (tmp_path / "sub").mkdir()
    wijknet.write_survey_mapping(m, tmp_path / "sub" / "survey.toml", export="t0_qualtrics.csv")
    text = (tmp_path / "sub" / "survey.toml").read_text(encoding="utf-8")
    back = tomllib.loads(text)
    expected = {k: v for k, v in m.items() if k != "checks"}
    # The dict's path is the working folder's; the file's is its own folder's.
    expected["stakeholders"] = Path(os.path.relpath(ROSTER, tmp_path / "sub")).as_posix()
    assert back == expected
    assert "# CHECK: the question names 'wijkagent de vries'" in text
    assert text.count("# CHECK:") == len([k for k in m["checks"] if not k.endswith(".text")])
    # and it reads the export as it stands
    assert wijknet.validate(DATA / "t0_qualtrics.csv", mapping=tmp_path / "sub" / "survey.toml").empty


# ------------------------------------------------------------------------------------------ the command line

def wijknet_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "wijknet.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def test_command_line_init_check_import_two_waves(tmp_path):
    init = wijknet_cli("survey", "init", DATA / "t1_forms.csv", "--stakeholders", ROSTER, "-o", "t1.toml",
                       "--wave", "T1", "--lang", "nl", cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    assert init.stdout.startswith("Koppeling geschreven naar t1.toml: 24 antwoordkolommen (12 samenwerking, "
                                  "12 vertrouwen), respondenten in kolom 'Uw organisatie', 5 kolommen genegeerd.")
    assert "# De meting waar deze antwoorden bij horen" in (tmp_path / "t1.toml").read_text(encoding="utf-8")
    again = wijknet_cli("survey", "init", DATA / "t1_forms.csv", "--stakeholders", ROSTER, "-o", "t1.toml",
                        cwd=tmp_path)
    assert again.returncode == 2 and "t1.toml exists already" in again.stderr  # a mapping may hold edits
    check = wijknet_cli("check", DATA / "t1_forms.csv", "--mapping", "t1.toml", cwd=tmp_path)
    assert check.returncode == 0
    assert "1:18: warning: the scale 'vertrouwen' does not say which answers mean no tie" in check.stdout
    bad = wijknet_cli("check", DATA / "t1_forms_bad.csv", "--mapping", DATA / "t1_forms.toml", "--lang", "nl",
                      cwd=tmp_path)
    assert bad.returncode == 1 and bad.stderr.strip() == "6 fouten, 0 waarschuwingen"
    assert "t1_forms_bad.csv:7:5: fout: respondent 'Buurthuis De Bron' staat niet op de lijst" in bad.stdout
    t0 = wijknet_cli("survey", "import", DATA / "t0_qualtrics.csv", "--mapping", DATA / "t0_qualtrics.toml", "-o",
                     "gegevens_t0", cwd=tmp_path)
    assert t0.returncode == 0, t0.stderr
    assert t0.stdout.splitlines()[0] == ("Wave T0: 9 of 12 on the roster responded (7 of them partly); did not "
                                         "respond: Woonstede, OBS De Regenboog and Meldpunt Discriminatie "
                                         "Lindehaven.")
    t1 = wijknet_cli("survey", "import", DATA / "t1_forms.csv", "--mapping", DATA / "t1_forms.toml",
                     "--stakeholders", "gegevens_t0", "-o", "gegevens_t1", "--lang", "nl", cwd=tmp_path)
    assert t1.returncode == 0, t1.stderr
    assert t1.stdout.splitlines()[1] == f"Relaties toegevoegd: samenwerking 44, vertrouwen {trust_ties_t1()}."
    both = wijknet.read(tmp_path / "gegevens_t1").stakeholders()
    assert both.loc["meldpunt", ["respondent_T0", "respondent_T1"]].tolist() == ["not", "partly"]
    failed = wijknet_cli("survey", "import", DATA / "t1_forms_bad.csv", "--mapping", DATA / "t1_forms.toml", "-o",
                         "nothing", "--lang", "nl", cwd=tmp_path)
    assert failed.returncode == 1 and not (tmp_path / "nothing").exists()
    assert failed.stderr.splitlines()[-1] == ("wijknet: en nog 5 fouten; 'wijknet check "
                                              f"{DATA / 't1_forms_bad.csv'} --mapping {DATA / 't1_forms.toml'} "
                                              "--lang nl' noemt ze allemaal")


def test_a_workbook_or_a_folder_is_not_an_export(tmp_path):
    (tmp_path / "export.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(wijknet.InvalidValueError, match=r"export.xlsx: a workbook is not read directly; export the "
                                                        r"answers as CSV"):
        wijknet.read_survey(tmp_path / "export.xlsx", DATA / "t1_forms.toml")
    with pytest.raises(IsADirectoryError):
        wijknet.read_survey(tmp_path, DATA / "t1_forms.toml")
    with pytest.raises(FileNotFoundError):
        wijknet.read_survey(tmp_path / "nothing.csv", DATA / "t1_forms.toml")


def test_a_pair_listed_twice_in_a_long_export_and_a_survey_without_ties(tmp_path):
    rows = (DATA / "t0_long.csv").read_text(encoding="utf-8").splitlines()
    export = tmp_path / "long.csv"
    export.write_text("\n".join(rows + [rows[3]]) + "\n", encoding="utf-8")  # line 4 again, at the end
    found = wijknet.validate(export, mapping=mapping_dict("t0_long.csv"))
    assert found[["line", "column", "message"]].values.tolist() == [
        [len(rows) + 1, 2, "respondent 'Wijkagent S. de Vries -> Stichting Roze Lindehaven' answers twice, on lines 4 and "
                           f"{len(rows) + 1}"]]
    mapping = mapping_dict("t0_long.csv")
    for item in mapping["items"].values():
        item["relation"] = ""  # ratings only
    found = wijknet.validate(DATA / "t0_long.csv", "nl", mapping=mapping)
    assert found["message"].tolist() == ["geen enkele vraag heeft een relatie, dus de vragenlijst levert geen relaties op"]
    answers = wijknet.read_survey(DATA / "t0_long.csv", mapping)  # the answers themselves read
    assert set(answers["relation"]) == {""} and len(answers) == 12 * 11 * 2
