"""The report across neighbourhoods (a Study): content, privacy, both languages, the command
(tests/python/test_report_browser.py opens it in a real browser)."""

import re
import sys
import threading

import pytest

import wijknet
from wijknet import cli

SECTIONS = {"nl": ["Het onderzoek in één oogopslag", "Allianties en kerncijfers",
                   "Wat veranderde tussen T0 2021 en T1 2022", "De methoden vergeleken", "Kaart per alliantie",
                   "Toelichting"],
            "en": ["The study at a glance", "Alliances and key statistics", "What changed between T0 2021 and T1 2022",
                   "The methods compared", "A map per alliance", "Method notes"]}


@pytest.fixture(scope="module")
def study():
    base = wijknet.load_example()
    return wijknet.Study({
        "oost": (base, {"municipality": "Rivierstad", "neighbourhood": "Oost", "method": "samen_in_de_wijk"}),
        "west": (wijknet.without(base, ["opbouwwerker_grutto"]),
                 {"municipality": "Rivierstad", "neighbourhood": "West", "method": "alle_kleuren"}),
        "noord": (wijknet.without(base, ["coc_rivierstad"]),
                  {"municipality": "Beekdorp", "neighbourhood": "Noord", "method": "alle_kleuren"}),
    })


@pytest.fixture(scope="module")
def reports(study):
    return {lang: wijknet.report(study, lang=lang) for lang in ("nl", "en")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sections_in_order(reports, lang):
    html = reports[lang].html
    positions = [html.index(f". {title}</h2>") for title in SECTIONS[lang]]
    assert positions == sorted(positions)
    assert (reports[lang].wave, reports[lang].compare) == ("T1", "T0")


def test_statistics_table_carries_the_study_figures(study, reports):
    html = reports["en"].html
    s = study.statistics()
    # One row per alliance and wave plus a mean row per method and wave: 3 x 2 + 2 x 2.
    table = html.split('id="statistics"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr") == 1 + 6 + 4
    row = s.loc[("noord", "T1")]
    assert (f"<td>Noord (Beekdorp)</td><td>Alle Kleuren</td><td>T1 2022</td><td>{int(row['stakeholders'])}</td>"
            f"<td>{int(row['ties'])}</td><td>{row['density']:.3f}</td>") in table
    # Mean of the Alle Kleuren alliances at T1, by hand from the two rows.
    mean = (s.loc[("west", "T1"), "density"] + s.loc[("noord", "T1"), "density"]) / 2
    assert f"<td>mean (2)</td><td>Alle Kleuren</td><td>T1 2022</td>" in table and f"<td>{mean:.3f}</td>" in table


def test_change_and_pooled_tests_in_plain_words(study, reports):
    c = study.changes()
    html = reports["en"].html
    r = c.loc["west"]
    assert f"<td>West (Rivierstad)</td><td>{r['gained']}</td><td>{r['lost']}</td><td>{r['kept']}</td>" in html
    methods = html.split('id="methods"', 1)[1].split("</section>", 1)[0]
    # 3 alliances split 2 + 1: C(3, 1) = 3 splits, every one enumerated; the smallest p is 1/3.
    assert methods.count("<li>") == 3 and "all 3 possible splits" in methods
    assert "With so few alliances this test cannot show a difference." in methods
    expected = study.pooled_test(study.statistics().xs("T1", level="wave")["density"], lang="nl")
    assert re.search(r"Gemiddelde dichtheid: [0-9,]+ bij Alle Kleuren \(2 allianties\)", wijknet.report(study, lang="nl").html)
    assert f"p = {expected.p_value:.3f}".replace(".", ",") in wijknet.report(study, lang="nl").html


def test_persons_pseudonymised_and_nothing_sensitive(study, reports):
    frame = wijknet.load_example().stakeholders(include_sensitive=True)
    persons = frame[frame["kind"] == "person"]
    for html in (r.html for r in reports.values()):
        for sid, row in persons.iterrows():
            assert row["name"] not in html and sid not in html
        assert "lhbti_focus" not in html
        assert html.count('<svg class="netmap"') == len(study)
    assert "Wijkagent 1" in reports["nl"].html and "1 gevoelig kenmerk" in reports["nl"].html
    named = study.report(lang="en", show_names=True)
    assert "Kees Kwikstaart" in named.html
    with pytest.raises(wijknet.InvalidValueError, match="shows no attributes"):
        wijknet.report(study, show_sensitive=True)


def test_dutch_throughout(reports):
    text = re.sub(r"<[^>]+>", " ", reports["nl"].html.split("<main>", 1)[1].split("<script", 1)[0])
    for english in ("alliance", "wave", "mean", "density", "Method", "random splits", "persons"):
        assert english not in text, english


def test_one_method_and_no_common_wave(study):
    one = wijknet.Study({"oost": (study.alliances["oost"], {"method": "samen_in_de_wijk"})})
    assert "comparing methods needs alliances of two methods" in one.report().html
    other = wijknet.Alliance()
    other.add_wave("W1")
    other.add_stakeholder("x")
    lonely = wijknet.Study({"oost": study.alliances["oost"], "elders": other})
    with pytest.raises(wijknet.InvalidValueError, match="no wave in common"):
        lonely.report()
    with pytest.raises(wijknet.UnknownIdError, match="unknown wave 'T9'; every alliance of the study has T0, T1"):
        study.report(waves="T9")


def test_the_command_reports_a_study_folder(study, tmp_path, capsys):
    folder = tmp_path / "allianties"
    folder.mkdir()
    for name, alliance in study.alliances.items():
        wijknet.write(alliance, str(folder / f"{name}.json"))
    study.labels.reset_index().to_csv(folder / "labels.csv", index=False)
    out = tmp_path / "rapport.html"
    assert cli.main(["report", str(folder), "--lang", "nl", "-o", str(out)]) == 0
    assert "Rapport geschreven" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "Rapport over de wijken heen" in html and "Noord (Beekdorp)" in html
    assert cli.main(["report", str(folder), "--show-sensitive"]) == 2
    assert "shows no attributes" in capsys.readouterr().err
    (folder / "labels.csv").write_text("alliance,method\noost,samen_in_de_wijk\nzuid,alle_kleuren\n")
    assert cli.main(["report", str(folder)]) == 1
    assert "labels.csv: line 3: alliance 'zuid' is not in the folder" in capsys.readouterr().err


def test_an_alliance_edited_meanwhile_does_not_break_the_report():
    """The report reads each alliance many times; a stakeholder another thread removed between two reads was a raw
    KeyError. It works on copies now: one state of each alliance for the whole report."""
    a, b = wijknet.load_example(), wijknet.load_example()
    st = wijknet.Study({"oost": a, "west": b})
    stop = threading.Event()

    def edit():
        i = 0
        while not stop.is_set():
            for x in (a, b):
                x.add_stakeholder(f"x{i}", f"Persoon {i}", "person", roles=["wijkagent"])
                x.add_tie(f"x{i}", "welzijn_rivierstad", "collaboration", "T1")
                if i:
                    x.remove_stakeholder(f"x{i - 1}")
            i += 1

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    editor = threading.Thread(target=edit)
    editor.start()
    try:
        for _ in range(3):
            r = st.report(reps=19)
            assert r.html.count("<section") == 6
    finally:
        stop.set()
        editor.join()
        sys.setswitchinterval(interval)
