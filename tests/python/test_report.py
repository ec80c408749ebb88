"""The evaluation report: content, privacy, languages, atomic saving (tests/python/test_report_browser.py
opens it in a real browser)."""

import os
import re

import pytest

import wijknet

SECTIONS_NL = ["In één oogopslag", "De netwerkkaart", "Rollen in de alliantie", "De keten",
               "Wie houdt de alliantie bijeen", "Wat als de sleutelfiguur vertrekt", "Voorgestelde nieuwe contacten",
               "Bijeenkomsten en thema’s", "Wat is er veranderd sinds T0 2021", "Toelichting"]


@pytest.fixture(scope="module")
def nl(example):
    return wijknet.report(example, lang="nl")


@pytest.fixture(scope="module")
def en(example):
    return wijknet.report(example, lang="en")


def test_defaults_latest_wave_against_the_one_before(nl, en):
    assert (nl.wave, nl.compare) == ("T1", "T0")
    assert en.lang == "en"


def test_every_section_in_order(nl):
    positions = [nl.html.index(f". {title}</h2>") for title in SECTIONS_NL]
    assert positions == sorted(positions)


def test_persons_are_pseudonymised_everywhere(example, nl, en):
    persons = example.stakeholders()
    persons = persons[persons["kind"] == "person"]
    assert len(persons) > 10
    for html in (nl.html, en.html):
        for sid, row in persons.iterrows():
            assert row["name"] not in html, row["name"]
            assert sid not in html, sid  # ids often carry the name
            assert row["name"].split()[-1] not in html  # not even a surname
    assert "Wijkagent 1" in nl.html and "Community police officer 1" in en.html
    named = wijknet.report(example, lang="nl", show_names=True)
    assert "Kees Kwikstaart" in named.html


def test_no_sensitive_value_or_name_unless_asked(example, nl, small):
    assert "lhbti_focus" not in nl.html
    assert "1 gevoelig kenmerk" in nl.html  # the report says what it left out
    shown = wijknet.report(example, lang="nl", show_sensitive=True)
    assert "lhbti_focus" in shown.html
    # The example: 17 without lhbti focus, 5 with, 12 unknown: every group is 5 or more, all shown.
    assert "<td>nee</td><td>17</td>" in shown.html and "<td>ja</td><td>5</td>" in shown.html
    assert "<td>onbekend</td><td>12</td>" in shown.html
    # The small alliance: one stakeholder with the attribute, three unknown: both groups suppressed.
    tiny = wijknet.report(small, lang="en", show_sensitive=True)
    assert "<td>yes</td><td>&lt; 5</td>" in tiny.html and "<td>unknown</td><td>&lt; 5</td>" in tiny.html


def test_small_cells_and_their_complement_are_suppressed():
    import pandas as pd
    from wijknet._wording import small_cells

    # 20 / 12 / 2: the 2 is hidden, and so is the 12, else 2 = total - 20 - 12 could be worked out; the 12 is
    # hidden only to protect (it is no count under 5, and is not printed as one).
    assert small_cells(pd.Series({"a": 20, "b": 12, "c": 2})) == ({"c"}, {"b"})
    assert small_cells(pd.Series({"a": 20, "b": 3, "c": 2})) == ({"b", "c"}, set())
    assert small_cells(pd.Series({"a": 20, "b": 7})) == (set(), set())
    # A zero protects nothing (hidden or not, the small count is the total less the rest): the next non-zero one.
    assert small_cells(pd.Series({"a": 20, "b": 0, "c": 2})) == ({"c"}, {"a"})


def test_one_map_node_per_stakeholder_present(example, nl):
    frame = example.stakeholders()
    for wave in ("T0", "T1"):
        present = sum(1 for w in frame["waves"] if not w or wave in w)
        panel = re.search(r'<figure class="wave-panel[^"]*" data-wave="%s">(.*?)</figure>' % wave, nl.html, re.S)
        assert panel, wave
        assert panel.group(1).count('class="node"') == present


def test_dutch_throughout(nl):
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", nl.html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    assert "doorverwijzing" in text and "samenwerking" in text
    for english in ("referral", "collaboration", "community police officer", " wave ", "social welfare work"):
        assert english not in text, english
    assert re.search(r"\d,\d\d", text)  # decimal comma
    assert not re.search(r"\b0\.\d\d\b", text)


def test_self_contained_no_network(nl):
    assert not re.search(r'(src|href)="(https?:)?//', nl.html)
    assert "@import" not in nl.html and "url(http" not in nl.html
    assert "@media print" in nl.html and "size: A4" in nl.html


def test_broken_chain_gets_repairs(example):
    gone = wijknet.without(example, ["coc_rivierstad", "regenboogjongeren_rivierstad"])
    r = wijknet.report(gone, lang="en")
    assert "does not work" in r.html
    assert "These contacts repair the chain" in r.html or "No new contact" in r.html


def test_options_are_checked(example):
    with pytest.raises(wijknet.UnknownIdError, match="unknown wave 'T9'"):
        wijknet.report(example, wave="T9")
    with pytest.raises(ValueError, match="lang must be"):
        wijknet.report(example, lang="de")
    first = wijknet.report(example, wave="T0")
    assert first.lang == "en"  # the default, as for every command and function
    assert first.compare is None and "What changed" not in first.html and "What changed" in wijknet.report(example).html


def test_reads_every_format(tmp_path):
    for path in (wijknet.example_path(), wijknet.example_path() / "alliance.json",
                 wijknet.example_path() / "alliance.graphml"):
        assert "Wijkagent 1" in wijknet.report(str(path), lang="nl").html


def test_saved_report_is_readable_by_others(nl, tmp_path):
    umask = os.umask(0o022)
    try:
        path = nl.save(tmp_path / "rapport.html")
    finally:
        os.umask(umask)
    assert os.stat(path).st_mode & 0o777 == 0o644


def test_a_save_to_a_folder_or_a_missing_folder_is_refused(nl, tmp_path):
    # A full disk, a read-only folder and a killed save: tests/python/test_saves.py (every format).
    with pytest.raises(IsADirectoryError):
        nl.save(tmp_path)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        nl.save(tmp_path / "missing" / "r.html")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_small_and_empty_alliances_still_report(lang):
    empty = wijknet.Alliance()
    no_waves = wijknet.Alliance()
    no_waves.add_stakeholder("x", "Buurthuis", roles=["bewonersinitiatief"])
    no_waves.add_stakeholder("y", "Kees", "person", roles=["wijkagent"])
    one_wave = no_waves.copy()
    one_wave.add_wave("T0", "T0", "2021-01-01")
    one_wave.add_tie("x", "y", "referral", "T0")
    for a in (empty, no_waves, one_wave):
        r = wijknet.report(a, lang=lang)
        assert r.compare is None
        assert r.html.count("<section") == 8  # no change section without an earlier wave
        assert "Kees" not in r.html
