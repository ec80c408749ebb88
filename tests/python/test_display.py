"""Jupyter: wijknet.draw (matplotlib) and the rich displays (_repr_html_)."""

import doctest
import html
import re
import sys

import pytest

import wijknet
from wijknet import _display, _draw, _netmap

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

CHAIN = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def drawn(ax):
    """(x, y) -> fill colour of every stakeholder drawn, and the number of marker groups (kinds)."""
    points = {}
    for collection in ax.collections:
        colours = collection.get_facecolors()
        for (x, y), c in zip(collection.get_offsets(), colours):
            points[(round(float(x), 6), round(float(y), 6))] = matplotlib.colors.to_hex(c)
    return points, len(ax.collections)


def labels(ax):
    """The stakeholder labels (the ties are annotations without text)."""
    return [t.get_text() for t in ax.texts if t.get_text()]


def position(layout, sid):
    return (round(float(layout.loc[sid, "x"]), 6), round(float(layout.loc[sid, "y"]), 6))


def test_draw_shows_only_the_stakeholders_of_the_wave_in_stable_places(example):
    layout = wijknet.layout(example)
    for wave in ("T0", "T1"):
        ax = wijknet.draw(example, wave=wave)
        points, groups = drawn(ax)
        present = example.snapshot(waves=[wave]).ids
        assert len(points) == len(present) == {"T0": 31, "T1": 32}[wave]
        # every stakeholder stands where wijknet.layout of all waves puts it
        assert set(points) == {position(layout, sid) for sid in present}
        assert groups == example.stakeholders().loc[present, "kind"].nunique()   # one marker per kind
        assert ax.get_title() == {"T0": "T0 2021", "T1": "T1 2022"}[wave]
    # opbouwwerker_grutto is only in T0, eritrese_gemeenschap_selam only in T1
    assert position(layout, "opbouwwerker_grutto") in drawn(wijknet.draw(example, wave="T0"))[0]
    assert position(layout, "opbouwwerker_grutto") not in drawn(wijknet.draw(example, wave="T1"))[0]


def test_a_role_keeps_its_colour_and_roles_differ(example):
    layout = wijknet.layout(example)
    colours = [drawn(wijknet.draw(example, wave=w, layout=layout))[0] for w in ("T0", "T1")]
    agent = position(layout, "wijkagent_kwikstaart")
    # the colour the report's map gives the role
    same_as_report = _netmap.role_colours([r["key"] for r in example.roles])["wijkagent"].lower()
    assert colours[0][agent] == colours[1][agent] == same_as_report
    frame = example.stakeholders()
    by_role = {}
    for sid in example.snapshot(waves=["T1"]).ids:
        by_role.setdefault(frame.loc[sid, "roles"][0], set()).add(colours[1][position(layout, sid)])
    assert all(len(c) == 1 for c in by_role.values())                          # one colour per role
    assert len({c.pop() for c in by_role.values()}) == len(by_role)            # and different roles differ


def test_labels_are_pseudonyms_unless_names_are_asked_for(example):
    texts = [t.get_text() for t in wijknet.draw(example, wave="T0", lang="nl").texts]
    joined = " ".join(texts)
    assert "Wijkagent 1" in joined and "Kees" not in joined and "Kwikstaart" not in joined
    named = " ".join(t.get_text() for t in wijknet.draw(example, wave="T0", show_names=True).texts)
    assert "Kees Kwikstaart" in named
    assert not labels(wijknet.draw(example, wave="T0", labels=False))


def test_the_legend_stands_beside_the_drawing(example):
    ax = wijknet.draw(example, wave="T1", lang="nl")
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = ax.get_legend()
    assert legend.get_window_extent(renderer).x0 >= ax.get_window_extent(renderer).x1
    labels = [t.get_text() for t in legend.get_texts()]
    assert {"Relaties", "Rol", "Soort", "doorverwijzing →", "samenwerking", "wijkagent", "persoon"} <= set(labels)


def test_draw_options(example):
    ax = wijknet.draw(example, wave="T0", relations="referral", color_by="sector")
    assert "sector" in [t.get_text() for t in ax.get_legend().get_texts()]
    with pytest.raises(ValueError, match="sensitive attributes cannot be drawn"):
        wijknet.draw(example, color_by="lhbti_focus")
    with pytest.raises(ValueError, match="no position for 1 of the"):
        wijknet.draw(example, wave="T0", layout=wijknet.layout(example, waves=["T0"]).drop("wijkagent_kwikstaart"))
    fig, ax = plt.subplots()
    assert wijknet.draw(example, wave="T0", ax=ax) is ax


def test_draw_a_snapshot(example):
    snap = example.snapshot(waves=["T0"], relations=["referral"])
    points, _ = drawn(wijknet.draw(snap))
    assert len(points) == len(snap)
    assert not labels(wijknet.draw(snap))                            # no names known: no labels
    assert "Wijkagent 1" in " ".join(t.get_text() for t in wijknet.draw(snap, alliance=example, lang="nl").texts)
    with pytest.raises(TypeError, match="need an Alliance"):
        wijknet.draw(snap, wave="T0")


def test_draw_names_the_extra_when_matplotlib_is_missing(example, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'wijknet[plot]'")):
        wijknet.draw(example)


def results(example):
    return {
        "Alliance": example,
        "Snapshot": example.snapshot(waves=["T0"]),
        "Summary": example.summary(),
        "Summary nl": wijknet.summary(example, lang="nl"),
        "ChainRoutes": wijknet.chain_routes(example, CHAIN, relation="referral", lang="nl", show_names=False),
        "KeyPlayers": wijknet.key_players(example, k=2, waves=["T0"], show_names=False),
        "Scenario": wijknet.Scenario(example, remove=["opbouwwerker_grutto"]),
    }


def test_rich_displays_are_compact_whole_and_plain(example):
    for name, obj in results(example).items():
        text = obj._repr_html_()
        assert text.startswith('<div class="wijknet-repr">'), name
        assert "object at 0x" not in text and "..." not in text and "…" not in text, name
        assert "Kwikstaart" not in text, name          # no person's name (ids contain names too)
        assert len(text) < 8000, name
    assert "object at 0x" not in repr(example.snapshot()) and "Snapshot: 34 stakeholders" in repr(example.snapshot())


def test_a_scenario_names_who_leaves_by_pseudonym(example):
    """Issue 25: the title showed the ids of those removed, and an id often holds a person's name."""
    shown = wijknet.Scenario(example, remove=["wijkagent_kwikstaart", "welzijn_rivierstad"])._repr_html_()
    assert "Scenario: without Community police officer 1, Welzijn Rivierstad</strong>" in shown
    assert "kwikstaart" not in shown.lower()


def test_explanations_are_shown_whole_and_escaped(example):
    chains = wijknet.chain_routes(example, CHAIN, relation="referral", lang="nl", show_names=False)
    text = chains._repr_html_()
    for explanation in chains.summary["explanation"]:
        assert html.escape(explanation) in text
    kp = wijknet.key_players(example, k=2, waves=["T0"])
    assert html.escape(kp.explanation) in kp._repr_html_()
    shown = wijknet.Scenario(example, remove=["opbouwwerker_grutto"])._repr_html_()
    assert "T0: Fragmentation: from 0.065 to 0.067." in shown
    a = wijknet.Alliance()
    a.add_wave("T0")
    a.add_stakeholder("x", "<b>Bold & Co</b>", roles=["welzijnswerk"])
    a.add_stakeholder("y", "Y", roles=["wijkagent"])
    a.add_tie("x", "y", "collaboration", "T0")
    kp = wijknet.key_players(a, k=1, objective="reach")
    shown = kp._repr_html_()
    assert "&lt;b&gt;Bold &amp; Co&lt;/b&gt;" in shown and "<b>Bold" not in shown


def test_alliance_display_counts_without_names_or_sensitive_values(example):
    text = example._repr_html_()
    assert "34 stakeholders (17 person, 10 organisation, 4 group, 3 initiative)" in text
    assert "<td>wijkagent</td><td>community police officer</td><td class=\"n\">1</td><td class=\"n\">1</td>" in text
    assert "lhbti_focus" in text and "Sensitive attributes, left out" in text    # says what is hidden


def test_docstring_examples_run():
    for module in (_display, _draw):
        assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0
