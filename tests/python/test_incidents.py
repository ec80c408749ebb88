"""The incident log in Python: tables, pandas/CSV/JSON round trips, the analyses and the report section.

The small log (the same as tests/cpp/test_incidents.cpp):

    referral ties on paper, wave T0 (2022-01-01):  bi -> coc -> wz -> agent,  and bi -> wz

    M1 intimidatie 2022-03-01 10:00
       10:00 bi ontvangen; 11:00 bi -> coc; 13:00 coc -> wz; 15:00 wz opgepakt; 16:00 wz -> agent;
       20:00 agent afgesloten          first action 5 h, closure 10 h, route = the whole chain
    M2 vernieling 2022-03-02 09:00
       09:00 bi -> agent (off paper); 12:00 agent opgepakt      first action 3 h, open
    M3 intimidatie 2022-03-03 08:00
       08:00 wz opgepakt                                        first action 0 h, open, wz alone

    handoffs 4, along a tie 3 (75%); tie bi -> wz unused; routes: fully 1, partly 0, not at all 2
    by category: intimidatie first action median (0 + 5) / 2 = 2.5 h, closure 10 h; vernieling 3 h
    waiting: bi->coc 2 h, coc->wz 2 h, wz->agent 4 h, bi->agent 3 h
    stalls: M2 after 'opgepakt' by the wijkagent, M3 after 'opgepakt' by welzijnswerk
"""

import math
import re

import pandas as pd
import pytest

import wijknet
from wijknet._report_incidents import incidents_section
from wijknet._wording import Wording


@pytest.fixture
def small():
    a = wijknet.Alliance()
    a.add_wave("T0", "T0", "2022-01-01")
    a.add_stakeholder("bi", "Bewoners", "initiative", roles=["bewonersinitiatief"])
    a.add_stakeholder("coc", "COC", roles=["lhbti_organisatie"])
    a.add_stakeholder("wz", "Welzijn", roles=["welzijnswerk"])
    a.add_stakeholder("agent", "Kees Kwikstaart", "person", roles=["wijkagent"])
    for s, t in (("bi", "coc"), ("coc", "wz"), ("wz", "agent"), ("bi", "wz")):
        a.add_tie(s, t, "referral", "T0")
    a.add_incident("M1", "2022-03-01T10:00", "intimidatie", "Vogelwijk", steps=[
        {"stakeholder": "bi", "action": "ontvangen", "time": "2022-03-01T10:00"},
        {"stakeholder": "bi", "action": "referred", "to": "coc", "time": "2022-03-01T11:00"},
        {"stakeholder": "coc", "action": "doorverwezen", "to": "wz", "time": "2022-03-01T13:00"},
        {"stakeholder": "wz", "action": "opgepakt", "time": "2022-03-01T15:00"},
        {"stakeholder": "wz", "action": "doorverwezen", "to": "agent", "time": "2022-03-01T16:00"},
        {"stakeholder": "agent", "action": "closed", "time": "2022-03-01T20:00"}],
        attributes={"bron": "telefoon"})
    a.add_incident("M2", "2022-03-02T09:00", "vandalism", steps=[
        {"stakeholder": "bi", "action": "doorverwezen", "to": "agent", "time": "2022-03-02T09:00"},
        {"stakeholder": "agent", "action": "opgepakt", "time": "2022-03-02T12:00"}])
    a.add_incident("M3", "2022-03-03T08:00", "intimidatie", steps=[
        {"stakeholder": "wz", "action": "opgepakt", "time": "2022-03-03T08:00"}])
    return a


def test_incident_tables_need_include_sensitive(small):
    assert small.num_incidents == 3 and small.num_incident_steps == 9
    with pytest.raises(wijknet.InvalidValueError, match="include_sensitive=True"):
        small.incidents()
    with pytest.raises(wijknet.InvalidValueError, match="include_sensitive=True"):
        small.incident_steps()
    frame = small.incidents(include_sensitive=True)
    assert list(frame.index) == ["M1", "M2", "M3"]
    assert frame.loc["M2", "category"] == "vernieling"
    assert frame.loc["M1", "bron"] == "telefoon"
    steps = small.incident_steps(include_sensitive=True)
    assert list(steps.loc[steps["incident"] == "M1", "action"])[1] == "doorverwezen"


def test_bad_input_names_incident_and_step_and_changes_nothing(small):
    before = small.incident_steps(include_sensitive=True).to_json()
    with pytest.raises(wijknet.UnknownIdError, match=r"incident 'M9', step 1: unknown stakeholder 'cocc'"):
        small.add_incident("M9", "2022-04-01", "geweld", steps=[{"stakeholder": "cocc", "action": "ontvangen",
                                                                  "time": "2022-04-01"}])
    with pytest.raises(wijknet.InvalidValueError, match="to nobody"):
        small.add_incident("M9", "2022-04-01", "geweld", steps=[{"stakeholder": "bi", "action": "referred",
                                                                  "time": "2022-04-01"}])
    with pytest.raises(wijknet.InvalidValueError, match="steps must be in time order"):
        small.add_incident("M9", "2022-04-01T10:00", "geweld", steps=[
            {"stakeholder": "bi", "action": "ontvangen", "time": "2022-04-01T12:00"},
            {"stakeholder": "wz", "action": "opgepakt", "time": "2022-04-01T11:00"}])
    assert small.incident_steps(include_sensitive=True).to_json() == before
    assert small.num_incidents == 3


def test_pandas_json_and_csv_round_trips(small, tmp_path):
    frames = wijknet.to_pandas(small, include_sensitive=True, include_incidents=True)
    assert "incidents" not in wijknet.to_pandas(small, include_sensitive=True)
    back = wijknet.from_pandas(frames["stakeholders"], frames["ties"], incidents=frames["incidents"],
                               incident_steps=frames["incident_steps"])
    pd.testing.assert_frame_equal(back.incidents(include_sensitive=True), small.incidents(include_sensitive=True))
    pd.testing.assert_frame_equal(back.incident_steps(include_sensitive=True),
                                  small.incident_steps(include_sensitive=True))
    wijknet.write(small, tmp_path / "a.json", include_sensitive=True)
    again = wijknet.read(tmp_path / "a.json")
    pd.testing.assert_frame_equal(again.incident_steps(include_sensitive=True),
                                  small.incident_steps(include_sensitive=True))
    wijknet.write(small, tmp_path / "plain.json")
    assert "M1" not in (tmp_path / "plain.json").read_text(encoding="utf-8")
    assert wijknet.read(tmp_path / "plain.json").num_incidents == 0
    wijknet.write(small, tmp_path / "folder", include_sensitive=True)
    assert (tmp_path / "folder" / "incident_steps.csv").is_file()
    csv_back = wijknet.read(tmp_path / "folder")
    pd.testing.assert_frame_equal(csv_back.incident_steps(include_sensitive=True),
                                  small.incident_steps(include_sensitive=True))
    wijknet.write(small, tmp_path / "safe")
    assert not (tmp_path / "safe" / "incidents.csv").exists()


def test_csv_error_names_file_line_and_column(small, tmp_path):
    wijknet.write(small, tmp_path / "f", include_sensitive=True)
    path = tmp_path / "f" / "incident_steps.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("M2,1,bi", "M2,1,bj").replace(",bi,doorverwezen,agent",
                                                                                          ",bj,doorverwezen,agent"),
                    encoding="utf-8")
    with pytest.raises(wijknet.ParseError, match="unknown stakeholder 'bj'") as err:
        wijknet.read(tmp_path / "f")
    assert err.value.file.endswith("incident_steps.csv")
    assert (err.value.line, err.value.column) == (8, 2)


def test_from_pandas_step_of_unknown_incident(small):
    with pytest.raises(wijknet.UnknownIdError, match="unknown incident 'X'"):
        wijknet.from_pandas(pd.DataFrame({"id": ["a"]}), incidents=pd.DataFrame({"id": ["M"], "reported": ["2022-01-01"],
                                                                                   "category": ["overig"]}),
                            incident_steps=pd.DataFrame({"incident": ["X"], "stakeholder": ["a"],
                                                         "action": ["ontvangen"], "time": ["2022-01-01"]}))


def test_handoffs_and_handoff_network(small):
    h = wijknet.handoffs(small)
    assert list(zip(h["source"], h["target"], h["along_tie"])) == [
        ("bi", "agent", False), ("bi", "coc", True), ("coc", "wz", True), ("wz", "agent", True)]
    assert list(h["median_waiting_hours"]) == [3.0, 2.0, 2.0, 4.0]
    net = wijknet.handoff_network(small)
    ties = net.ties()
    assert len(ties[ties["relation"] == "handoff"]) == 4
    # every measure accepts it
    scores = wijknet.betweenness(net, relations=["handoff"])
    assert scores["wz"] > 0


def test_paper_vs_practice(small):
    p = wijknet.paper_vs_practice(small)
    assert p.along_share == 0.75
    assert list(zip(p.unused_ties["source"], p.unused_ties["target"])) == [("bi", "wz")]
    assert dict(p.routes) == {"fully": 1, "partly": 0, "not at all": 2}
    nl = wijknet.paper_vs_practice(small, lang="nl")
    assert any("75%" in s and "doorverwijzingen" in s for s in nl.sentences)
    assert not any("Kees" in s for s in nl.sentences)  # persons under pseudonyms
    assert any("Wijkagent 1" in s for s in nl.sentences)


def test_incident_times(small):
    t = wijknet.incident_times(small)
    assert t.by_category.loc["intimidatie", "first_action_median"] == 2.5
    assert t.by_category.loc["intimidatie", "closure_median"] == 10
    assert t.by_category.loc["vernieling", "first_action_median"] == 3
    assert math.isnan(t.by_category.loc["vernieling", "closure_median"])
    assert t.by_category.loc["intimidatie", "open"] == 1
    assert t.by_role.loc["wijkagent", "incidents"] == 2
    waiting = t.waiting.set_index(["source", "target"])["median_hours"]
    assert waiting[("wz", "agent")] == 4
    assert set(zip(t.stalls["last_action"], t.stalls["role"])) == {("opgepakt", "wijkagent"), ("opgepakt", "welzijnswerk")}
    assert wijknet.incident_times(small, lang="nl").sentences[0].startswith("Na een melding")


def test_incident_roles(small):
    r = wijknet.incident_roles(small, alone_share=0.3)
    assert r.stakeholders.loc["bi", "referred"] == 2
    assert r.stakeholders.loc["agent", "closed"] == 1
    assert r.stakeholders.loc["wz", "alone"] == 1
    assert r.alone == ["wz"]  # 1 of 3 incidents alone
    assert r.roles.loc["wijkagent", "passed_to"] == 2
    assert "gemeente" in r.absent_roles


def test_example_finding_and_change(example):
    assert example.num_incidents >= 30
    p = wijknet.paper_vs_practice(example, waves=["T0"])
    off = p.pairs[~p.pairs["along_tie"]]
    # T0: the youth worker passes discrimination reports to the COC without a tie on paper
    assert ("jongerenwerker_roodborst", "coc_rivierstad") in set(zip(off["source"], off["target"]))
    change = wijknet.incident_change(example, "T0", "T1")
    assert change.loc["share_chain_fully", "after"] > change.loc["share_chain_fully", "before"]


def test_report_section_counts_only(example):
    html = incidents_section(example, Wording(example, "nl"), 9)
    assert "Meldingen in de praktijk" in html
    ids = example.incidents(include_sensitive=True)
    for incident_id in ids.index:
        assert incident_id not in html
    for text in set(ids["description"]):
        assert text not in html
    assert "Kees Kwikstaart" not in html
    report = wijknet.report(example, lang="en")
    assert "Incidents in practice" in report.html


def test_report_section_suppresses_a_small_log(small):
    html = incidents_section(small, Wording(small, "en"), 9)
    assert "Fewer than 5 incidents" in html
    assert "M1" not in html


def test_a_count_hidden_in_the_report_cannot_be_worked_out_from_the_total():
    """20 incidents: welfare work handles 17 alone, the police 3 (issue 25). The police's 3 is "< 5"; the 17 next to
    it would give it away (20 - 17), so it is hidden too, printed as hidden (not as "< 5": it is 17), with a note;
    and "85 % alone" would give it away as well, so that sentence goes."""
    a = wijknet.Alliance()
    a.add_wave("T0", "T0", "2022-01-01")
    a.add_stakeholder("wz", "Welzijn", roles=["welzijnswerk"])
    a.add_stakeholder("agent", "Kees Kwikstaart", "person", roles=["wijkagent"])
    a.add_tie("wz", "agent", "referral", "T0")
    for i in range(20):
        who = "wz" if i < 17 else "agent"
        a.add_incident(f"M{i}", f"2022-03-{i + 1:02d}T10:00", "intimidatie" if i < 16 else "vandalism", steps=[
            {"stakeholder": who, "action": "ontvangen", "time": f"2022-03-{i + 1:02d}T10:00"},
            {"stakeholder": who, "action": "opgepakt", "time": f"2022-03-{i + 1:02d}T12:00"}])
    for lang, note in (("en", "• hidden so that a count under 5 cannot be worked out from the total."),
                       ("nl", "• verborgen, zodat een aantal onder de 5 niet uit het totaal is af te leiden.")):
        html = incidents_section(a, Wording(a, lang), 9)
        rows = {m[0]: m[1:] for m in re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td>", html)}
        welfare = "social welfare work" if lang == "en" else "welzijnswerk"
        police = "community police officer" if lang == "en" else "wijkagent"
        assert rows[police][:2] == ("&lt; 5", "&lt; 5") and rows[welfare][:2] == ("•", "•")
        # The categories: 16 and 4; the 16 is hidden to protect the 4 (not "< 5").
        category = {"en": ("intimidation", "vandalism"), "nl": ("intimidatie", "vernieling")}[lang]
        assert rows[category[0]][0] == "•" and rows[category[1]][0] == "&lt; 5"
        assert "85" not in html and "17" not in html and "16" not in html
        assert html.count(note) == 1
