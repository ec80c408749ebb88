"""Inputs that used to give a wrong answer without a word (found by trying wijknet as a programme
lead with a real Excel export): Dutch dates, unrecognised wave and weight columns, thousands
separators, comparisons against a later wave, permutation tests without permutations."""

import argparse
import shutil
from pathlib import Path

import numpy as np
import pytest

import wijknet
from wijknet import cli
from wijknet._validate import problems

EXAMPLE = wijknet.example_path()
PEOPLE = "id,name,kind,role\nagent,Kees,person,wijkagent\ncoc,COC,organisation,lhbti_organisatie\nbuurt,Buurt,group,bewoner\n"


def write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def example_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "example"))


# ---------------------------------------------------------------- dates

def test_dutch_dates_read_as_the_same_day(tmp_path):
    """23-10-2021 is 23 October 2021: the day-first form of Dutch Excel, stored as ISO, so events
    sort in time order and fall in the right wave (before, they sorted as text)."""
    folder = example_copy(tmp_path)
    iso = wijknet.read_csv_folder(EXAMPLE)
    for name in ("events.csv", "waves.csv"):
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        out = [lines[0]]
        for line in lines[1:]:
            cells = line.split(",")
            column = 2  # the date column of both files
            y, m, d = cells[column].split("-")
            cells[column] = f"{int(d)}-{int(m)}-{y}" if name == "events.csv" else f"{d}/{m}/{y}"
            out.append(",".join(cells))
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    dutch = wijknet.read_csv_folder(folder)
    assert dutch.events()["date"].tolist() == iso.events()["date"].tolist()
    assert [w["date"] for w in dutch.waves] == [w["date"] for w in iso.waves] == ["2021-10-01", "2022-11-15"]
    assert wijknet.meeting_and_ties(dutch, seed=1).p_value == wijknet.meeting_and_ties(iso, seed=1).p_value


@pytest.mark.parametrize("date", ["23-10-21", "2021/23/10", "oktober 2021", "31-11-2021", "10/23/2021"])
def test_a_date_that_is_not_one_is_an_error_at_its_cell(tmp_path, date):
    folder = write(tmp_path / "d", {"stakeholders.csv": PEOPLE, "events.csv": f"id,name,date\nE1,Aftrap,{date}\n"})
    with pytest.raises(wijknet.ParseError, match=rf"events.csv:2:3: event 'E1': date '{date}' is not a date; write it "
                                                 r"as year-month-day \(2021-10-23\) or day-month-year \(23-10-2021\)"):
        wijknet.read_csv_folder(folder)
    [problem] = wijknet.validate(folder, lang="nl").itertuples()
    assert "is geen datum; schrijf jaar-maand-dag (2021-10-23) of dag-maand-jaar (23-10-2021)" in problem.message


def test_waves_out_of_time_order_are_an_error(tmp_path):
    folder = write(tmp_path / "w", {"stakeholders.csv": PEOPLE,
                                    "waves.csv": "key,label,date\nT0,Nulmeting,2022-11-15\nT1,Eindmeting,2021-10-01\n"})
    with pytest.raises(wijknet.ParseError, match=r"waves.csv:3:1: wave 'T1' is dated 2021-10-01, before wave 'T0' "
                                                 r"\(2022-11-15\); expected the waves in time order"):
        wijknet.read_csv_folder(folder)
    a = wijknet.Alliance()
    a.add_wave("T0", date="3-4-2025")
    assert a.waves[0]["date"] == "2025-04-03"
    with pytest.raises(wijknet.InvalidValueError, match="before wave 'T0'"):
        a.add_wave("T1", date="2025-01-01")
    assert [w["key"] for w in a.waves] == ["T0"]  # as it was


# ---------------------------------------------------------------- columns that are not recognised

@pytest.mark.parametrize("header,column", [("gewicht (1-5)", 4), ("gewigt", 4), ("Weight score", 4)])
def test_a_weight_column_under_another_name_is_a_warning(tmp_path, header, column):
    """Before, every weight silently became 1 and the column an attribute."""
    folder = write(tmp_path / "w", {"stakeholders.csv": PEOPLE,
                                    "ties.csv": f"source,target,relation,{header}\nagent,coc,referral,3\n"})
    a = wijknet.read_csv_folder(folder)
    [warning] = a.read_warnings
    assert warning.severity == "warning" and (warning.line, warning.column) == (1, column)
    assert warning.message == (f"the file has no column 'weight', and column '{header}' is read as an attribute; "
                               "every row gets the default weight")
    assert warning.suggestion == f"if '{header}' is the weight, name it 'weight' or 'gewicht'"
    assert warning.message_nl.startswith("het bestand heeft geen kolom 'weight'")
    assert [p.severity for p in problems(folder)] == ["warning"]
    # The same frame through pandas: the same warning, in read_warnings.
    frames = wijknet.to_pandas(wijknet.read_csv_folder(folder))
    ties = frames["ties"].rename(columns={"weight": "w"}).assign(**{header: 3})[["source", "target", "relation", header]]
    b = wijknet.from_pandas(frames["stakeholders"], ties)
    assert [w.message for w in b.read_warnings] == [warning.message]


def test_a_relation_column_under_another_name_is_a_warning_before_the_repeats(tmp_path):
    folder = write(tmp_path / "r", {"stakeholders.csv": PEOPLE,
                                    "ties.csv": "source,target,soort relatie\nagent,coc,referral\nagent,coc,trust\n"})
    found = problems(folder)
    assert found[0].severity == "warning" and "no column 'relation', and column 'soort relatie'" in found[0].message


def test_ties_without_a_wave_column_when_there_are_waves_warn(tmp_path):
    """Before, every tie silently went into the first wave, and T0 to T1 looked like a collapse."""
    folder = write(tmp_path / "v", {"stakeholders.csv": PEOPLE, "waves.csv": "key,date\nT0,2021-10-01\nT1,2022-11-15\n",
                                    "ties.csv": "source,target,relation,meetmoment\nagent,coc,referral,T1\n"})
    a = wijknet.read_csv_folder(folder)
    [warning] = a.read_warnings
    assert warning.message == "ties.csv has no wave column, and waves.csv declares 2 waves: every tie is put in wave 'T0'"
    assert "meetmoment" in warning.suggestion
    # One wave only, or a wave column: no warning.
    write(folder, {"waves.csv": "key,date\nT0,2021-10-01\n"})
    assert wijknet.read_csv_folder(folder).read_warnings == []
    assert wijknet.load_example().read_warnings == []


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("weight", ["1.500", "1.000", "2.5", "1.500,5"])
def test_a_full_stop_with_decimal_comma_is_an_error(tmp_path, weight):
    """In a Dutch file 1.500 is fifteen hundred; it was read as 1.5."""
    folder = write(tmp_path / "n", {"stakeholders.csv": PEOPLE.replace(",", ";"),
                                    "ties.csv": f'source;target;relation;weight\nagent;coc;referral;"{weight}"\n'})
    with pytest.raises(wijknet.ParseError, match=rf"ties.csv:2:4: expected a number in column 'weight', found "
                                                 rf"'{weight}' \(with decimal_comma a full stop may be a thousands"):
        wijknet.read_csv_folder(folder, decimal_comma=True)
    write(folder, {"ties.csv": 'source;target;relation;weight\nagent;coc;referral;"1500,5"\n'})
    assert wijknet.read_csv_folder(folder, decimal_comma=True).ties()["weight"].tolist() == [1500.5]


# ---------------------------------------------------------------- comparisons and tests

def test_comparing_with_a_wave_that_is_not_earlier_is_an_error():
    ex = wijknet.load_example()
    with pytest.raises(wijknet.InvalidValueError, match="before='T1' is not a wave before after='T1'"):
        wijknet.compare_waves(ex, "T1", "T1")
    with pytest.raises(wijknet.InvalidValueError, match="before='T1' is not a wave before after='T0'"):
        wijknet.compare_waves(ex, "T1", "T0")
    with pytest.raises(wijknet.InvalidValueError, match="compare='T1' is not a wave before 'T0'"):
        wijknet.report(ex, wave="T0", compare="T1")


@pytest.mark.parametrize("reps", [0, -5, 2.5, True])
def test_a_permutation_test_without_permutations_is_an_error(reps):
    a = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], float)
    with pytest.raises(wijknet.InvalidValueError, match="qap_test: reps must be a whole number of permutations"):
        wijknet.qap_test(a, a, reps=reps)
    with pytest.raises(wijknet.InvalidValueError, match="netlm: reps must be"):
        wijknet.netlm(a, [a], reps=reps)


# ---------------------------------------------------------------- the command line

def run(argv, capsys):
    status = cli.main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.mark.parametrize("options,nl", [
    (["--wave", "T5"], "wijknet: fout: geen meting 'T5' in de gegevens; de metingen zijn T0, T1"),
    (["--wave", "T0", "--compare", "T1"], "wijknet: fout: --compare T1 is geen meting vóór T0; T0 is de eerste meting"),
    (["--template", "samen_in_de_wyk"], "wijknet: fout: geen methode 'samen_in_de_wyk'; de methodes zijn "
                                        "samen_in_de_wijk, alle_kleuren"),
    (["--chain", "bewoner,lhbti,wijkagent"], "wijknet: fout: --chain: onbekende rol 'lhbti'"),
])
def test_report_options_are_usage_errors_in_dutch(tmp_path, capsys, options, nl):
    status, out, err = run(["--lang", "nl", "report", str(EXAMPLE), "-o", str(tmp_path / "r.html"), *options], capsys)
    assert status == 2 and err.startswith(nl), err
    assert not (tmp_path / "r.html").exists()


def test_a_report_into_a_missing_folder_names_the_folder(tmp_path, capsys):
    target = tmp_path / "nergens" / "r.html"
    status, out, err = run(["--lang", "nl", "report", str(EXAMPLE), "-o", str(target)], capsys)
    assert status != 0 and err.strip() == f"wijknet: fout: {target.parent}: dit bestand of deze map bestaat niet"


def test_grouping_by_an_attribute_nobody_has_suggests_the_name():
    ex = wijknet.load_example()
    with pytest.raises(wijknet.UnknownIdError, match=r"brokerage\(by='rol'\): no stakeholder has an attribute 'rol'; "
                                                     r"did you mean 'role'\? \(group by 'role', 'kind' or an attribute:"):
        wijknet.brokerage(ex, by="rol")
