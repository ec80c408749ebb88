"""Which alliance is this (issue 21): Alliance.about, kept in every format, in the report's title."""

import re

import pytest

import wijknet
from wijknet import cli

ABOUT = {"neighbourhood": "Vogelwijk-Oost", "municipality": "Rivierstad", "source": "Enquête najaar 2022",
         "date": "2022-11-20", "author": "Team Evaluatie"}


@pytest.fixture
def described(example):
    a = wijknet.Alliance.copy(example)
    for key, value in ABOUT.items():
        a.set_about(key, value)
    return a


def test_set_about_keeps_order_replaces_and_removes():
    a = wijknet.Alliance()
    a.set_about("neighbourhood", "Oost")
    a.set_about("municipality", "Rivierstad")
    a.set_about("neighbourhood", "West")
    assert list(a.about.items()) == [("neighbourhood", "West"), ("municipality", "Rivierstad")]
    a.set_about("neighbourhood", "")
    assert a.about == {"municipality": "Rivierstad"}
    with pytest.raises(wijknet.InvalidValueError, match="line break"):
        a.set_about("source", "twee\nregels")
    with pytest.raises(wijknet.InvalidValueError):
        a.set_about("", "x")
    assert a.about == {"municipality": "Rivierstad"}  # a refused entry changes nothing


@pytest.mark.parametrize("name, fmt", [("a.json", None), ("a.graphml", None), ("folder", "csv")])
def test_about_is_kept_in_every_format(described, tmp_path, name, fmt):
    path = tmp_path / name
    wijknet.write(described, path, **({"format": fmt} if fmt else {}))
    assert wijknet.read(path).about == ABOUT


def test_json_keeps_the_order_and_pickles_keep_it(described, tmp_path):
    import pickle

    path = tmp_path / "a.json"
    wijknet.write(described, path)
    assert list(wijknet.read(path).about) == list(ABOUT)
    assert pickle.loads(pickle.dumps(described)).about == ABOUT


def test_a_dutch_about_file_is_read(tmp_path, example):
    folder = tmp_path / "wijk"
    wijknet.write(example, folder, format="csv")
    (folder / "Over.csv").write_text("sleutel;waarde\nwijk_naam;x\nneighbourhood;Vogelwijk-Oost\n",
                                     encoding="utf-8")
    a = wijknet.read(folder)
    assert a.about == {"wijk_naam": "x", "neighbourhood": "Vogelwijk-Oost"}


def test_an_alliance_without_about_writes_no_about(example, tmp_path):
    wijknet.write(example, tmp_path / "f", format="csv")
    assert not (tmp_path / "f" / "about.csv").exists()
    assert '"about"' not in (wijknet.write(example, tmp_path / "a.json") or (tmp_path / "a.json").read_text())


def test_the_report_says_which_alliance(described):
    page = wijknet.report(described, lang="nl").html
    assert "<h1>Rapport van de alliantie Vogelwijk-Oost, Rivierstad</h1>" in page
    header = re.search(r'<p class="subtitle">(.*?)</p>', page).group(1)
    assert "bron: Enquête najaar 2022" in header and "datum: 20 november 2022" in header
    assert "opgesteld door: Team Evaluatie" in header
    # options override and add, without changing the alliance
    page = wijknet.report(described, lang="en", about={"neighbourhood": "Noord", "organisation": "Movisie"}).html
    assert "<h1>Alliance report Noord, Rivierstad</h1>" in page and "organisation: Movisie" in page
    assert described.about["neighbourhood"] == "Vogelwijk-Oost"


def test_the_command_takes_the_title_as_options(tmp_path, capsys):
    out = tmp_path / "r.html"
    status = cli.main(["--lang", "nl", "report", "--neighbourhood", "Vogelwijk-Oost", "--municipality", "Rivierstad",
                       "--author", "Team Evaluatie", "-o", str(out)])
    assert status == 0
    page = out.read_text(encoding="utf-8")
    assert "<h1>Rapport van de alliantie Vogelwijk-Oost, Rivierstad</h1>" in page
    assert "opgesteld door: Team Evaluatie" in page
