"""A CSV folder in Dutch (issue 20, part 5): Dutch file names in any case, unknown CSV files named, decimal commas
of files separated by ';', columns read as text because of a few cells. Each was a silent wrong answer: the
folder read as 0 ties with "0 fouten, 0 waarschuwingen", or a numeric column quietly became text."""

import subprocess
import sys

import pytest

import wijknet

PEOPLE = "id;naam;rol\nagent;Kees;wijkagent\ncoc;COC;lhbti_organisatie\nwelzijn;Welzijn;welzijnswerk\n"


@pytest.fixture
def dutch(tmp_path):
    folder = tmp_path / "gegevens"
    folder.mkdir()
    (folder / "Stakeholders.CSV").write_text(PEOPLE, encoding="cp1252")
    (folder / "relaties.csv").write_text("van;naar;relatie;meting;gewicht\nagent;coc;samenwerking;T0;4,5\n"
                                         "coc;welzijn;doorverwijzing;T0;2\n", encoding="cp1252")
    (folder / "meldingen.csv").write_text("melding;gemeld;categorie\nm1;2022-02-01;discriminatie\n")
    (folder / "meldingstappen.csv").write_text("melding;wie;actie;tijdstip\nm1;coc;ontvangen;2022-02-01\n")
    return folder


def test_dutch_file_names_in_any_case_are_read_with_their_decimal_commas(dutch):
    alliance = wijknet.read_csv_folder(dutch)
    assert alliance.num_ties == 2 and alliance.read_warnings == []
    assert alliance.ties().set_index("source").loc["agent", "weight"] == 4.5  # 4,5 without being told
    assert alliance.incidents(include_sensitive=True).shape[0] == 1
    assert wijknet.validate(dutch).empty
    # The command line reads it as it is: no --decimal-comma.
    run = subprocess.run([sys.executable, "-m", "wijknet.cli", "summary", str(dutch), "--format", "csv"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = run.stdout.splitlines()
    assert any(r.startswith("collaboration,") and ",T0," in r and ",1," in r for r in rows), rows


def test_a_semicolon_file_with_decimal_points_says_what_to_do(dutch):
    (dutch / "relaties.csv").write_text("van;naar;gewicht\nagent;coc;4.5\n", encoding="cp1252")
    with pytest.raises(wijknet.ParseError, match=r"relaties.csv:2:3: expected a number in column 'gewicht', found "
                                                 r"'4.5' \(the file is separated by ';', so its numbers are read with a "
                                                 r"decimal comma"):
        wijknet.read_csv_folder(dutch)
    assert wijknet.read_csv_folder(dutch, decimal_comma=False).ties()["weight"].tolist() == [4.5]
    run = subprocess.run([sys.executable, "-m", "wijknet.cli", "check", str(dutch), "--lang", "nl"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert ("relaties.csv:2:3: fout: verwacht een getal in kolom 'gewicht', gevonden: '4.5' (het bestand is "
            "gescheiden door ';', dus worden de getallen gelezen met een decimale komma, zoals Nederlandse Excel ze "
            "schrijft: schrijf 4,5 voor vier en een half, of lees het bestand met --decimal-point)") in run.stdout
    ok = subprocess.run([sys.executable, "-m", "wijknet.cli", "check", str(dutch), "--decimal-point"],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout


def test_an_unknown_csv_file_is_a_warning_naming_what_it_may_be(dutch):
    (dutch / "relatie.csv").write_text("van;naar\nagent;welzijn\n")
    found = wijknet.validate(dutch, "nl")
    assert found[["severity", "message", "suggestion"]].values.tolist() == [[
        "warning", "'relatie.csv' wordt niet gelezen: het is geen van de bestanden van de indeling",
        "bedoelt u 'relaties.csv' (de relaties)? Geef het die naam om het te laten lezen"]]
    assert [p.message for p in wijknet.read_csv_folder(dutch).read_warnings] == [
        "'relatie.csv' is not read: it is none of the files of the layout"]


def test_one_file_under_two_names_is_an_error(dutch):
    (dutch / "ties.csv").write_text("source,target\nagent,welzijn\n")
    with pytest.raises(wijknet.ParseError, match=r"'relaties.csv' and 'ties.csv' are both the ties \(ties.csv\); "
                                                 r"keep one of them in the folder"):
        wijknet.read_csv_folder(dutch)


def test_a_column_read_as_text_because_of_a_few_cells_is_a_warning(dutch):
    (dutch / "Stakeholders.CSV").write_text("id;rol;jaren\nagent;wijkagent;6\ncoc;lhbti_organisatie;n.b.\n"
                                            "welzijn;welzijnswerk;15\n")
    alliance = wijknet.read_csv_folder(dutch)
    assert alliance.stakeholders()["jaren"].tolist() == ["6", "n.b.", "15"]  # text, as before, but said
    (warning,) = alliance.read_warnings
    assert (warning.line, warning.column, warning.severity) == (3, 3, "warning")
    assert warning.message == "column 'jaren' is read as text: 1 of its 3 values are not numbers (line 3: 'n.b.')"


def test_a_save_replaces_the_dutch_files_it_stands_for(dutch):
    alliance = wijknet.read_csv_folder(dutch)
    wijknet.write_csv_folder(alliance, dutch, include_sensitive=True)
    names = sorted(p.name for p in dutch.iterdir())
    assert "relaties.csv" not in names and "Stakeholders.CSV" not in names and "meldingen.csv" not in names
    assert wijknet.read_csv_folder(dutch).num_ties == 2  # one file per part, read once
