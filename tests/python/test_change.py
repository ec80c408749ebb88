"""compare_waves on a small alliance worked by hand, on the example, and the report's change
section built from it."""

from __future__ import annotations

import math

import pytest

import wijknet


@pytest.fixture
def waves(small):
    """small (conftest) plus T1 ties.  referral T0: coc -> welzijn, welzijn -> agent;
    referral T1: coc -> welzijn (kept), buurt -> coc (gained); welzijn -> agent lost.
    collaboration: agent -- welzijn in T0 only. buurt is listed for T1 only."""
    small.add_tie("coc", "welzijn", "referral", "T1")
    small.add_tie("buurt", "coc", "referral", "T1")
    return small


def test_ties_gained_lost_kept_by_hand(waves):
    with pytest.warns(wijknet.LowJaccardWarning, match="collaboration"):
        c = wijknet.compare_waves(waves, "T0", "T1")
    ref = c.ties.loc["referral"]
    # E0 = {coc>welzijn, welzijn>agent}, E1 = {coc>welzijn, buurt>coc}: 1 gained, 1 lost, 1 kept,
    # Jaccard = |E0 & E1| / |E0 | E1| = 1/3.
    assert (ref["before"], ref["after"], ref["gained"], ref["lost"], ref["kept"]) == (2, 2, 1, 1, 1)
    assert ref["jaccard"] == pytest.approx(1 / 3)
    col = c.ties.loc["collaboration"]
    assert (col["lost"], col["kept"], col["jaccard"]) == (1, 0, 0.0)
    assert set(map(tuple, c.tie_changes[["source", "target", "change"]].to_numpy())) == {
        ("buurt", "coc", "gained"), ("welzijn", "agent", "lost"), ("agent", "welzijn", "lost")}
    assert c.joined == ["buurt"] and c.left == []


def test_measures_shift_roles_and_chains_by_hand(waves):
    chain = ["lhbti_organisatie", "welzijnswerk", "wijkagent"]
    c = wijknet.compare_waves(waves, "T0", "T1", relations=["referral"], chains=[chain], relation="referral")
    # density T0: 2 arcs among the 3 present, 2/(3*2) = 1/3; T1: 2 arcs among 4, 2/12 = 1/6
    assert c.measures.loc["density", "before"] == pytest.approx(1 / 3)
    assert c.measures.loc["density", "after"] == pytest.approx(1 / 6)
    assert c.measures.loc["density", "change"] == pytest.approx(-1 / 6)
    assert c.measures.loc["stakeholders"].tolist() == [3, 4, 1]
    # degree (in + out) T0: coc 1, welzijn 2, agent 1; T1: coc 2, welzijn 1, agent 0, buurt 1
    shift = c.shift(wijknet.degree)
    assert shift.loc["coc"].tolist() == [1, 2, 1]
    assert shift.loc["welzijn", "change"] == -1 and shift.loc["agent", "change"] == -1
    assert math.isnan(shift.loc["buurt", "change"])
    assert c.roles.loc["bewonersinitiatief", "change"] == "newly covered"
    # coc -> welzijn -> agent works in T0; T1 lost welzijn -> agent
    assert c.chains.iloc[0][["before", "after", "change"]].tolist() == [True, False, "stopped"]
    text = str(c)
    assert "Joined: " in text and "worked at T0 2021; now it does not" in text


def test_dutch_sentences_and_pseudonyms(waves):
    c = wijknet.compare_waves(waves, "T0", "T1", relations=["referral"], lang="nl", show_names=False)
    text = "\n".join(c.sentences)
    assert "Nieuw in de alliantie" in text and "Nieuw vervulde rollen" in text
    assert "1 nieuw, 1 verdwenen, 1 gebleven (Jaccard 0,33)" in text
    assert "Kees" not in wijknet.compare_waves(waves, "T0", "T1", relations=["referral"], chains=[
        ["lhbti_organisatie", "welzijnswerk", "wijkagent"]], relation="referral", show_names=False).__str__()


def test_unknown_wave_or_relation(waves):
    with pytest.raises(wijknet.UnknownIdError, match="T9"):
        wijknet.compare_waves(waves, "T0", "T9")
    with pytest.raises(wijknet.UnknownIdError, match="friendship"):
        wijknet.compare_waves(waves, "T0", "T1", relations=["friendship"])


def test_example_and_report_use_the_same_comparison(example):
    c = wijknet.compare_waves(example, "T0", "T1", relations=["referral"])
    assert c.ties.loc["referral", "kept"] <= min(c.ties.loc["referral", ["before", "after"]])
    full = wijknet.compare_waves(example, "T0", "T1", chains=[["bewonersinitiatief", "lhbti_organisatie",
                                                               "welzijnswerk", "wijkagent"]], relation="referral", show_names=True)
    html = wijknet.report(example, lang="en", wave="T1", compare="T0", show_names=True).html
    for sentence in full.sentences[len(full.ties):]:
        assert sentence.replace("→", "&rarr;").split(" (")[0] in html or sentence in html, sentence
