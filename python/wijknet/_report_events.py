"""The report's events-and-themes section (Alle Kleuren): who the events reached, per theme and
over time, which events bridged groups, how the core group carries them, and whether meeting
went together with new ties. Called by :func:`wijknet.report` when the alliance has events.
"""

from __future__ import annotations

from html import escape
from typing import Any

from . import _alle_kleuren as ak
from ._wording import Wording


def _p(*sentences: str) -> str:
    return "<p>" + " ".join(escape(s) for s in sentences if s) + "</p>"


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="numbers"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def events_section(alliance: Any, words: Wording, number: int, wave: str | None = None,
                   compare: str | None = None, template: str = "alle_kleuren", seed: int = 1) -> str:
    """The events-and-themes section as HTML (``<section id="events">``, heading numbered
    ``number``), in the language of ``words`` and with its pseudonyms; the empty string when the
    alliance has no events.

    Events are those dated up to the reported ``wave``'s date (all when it has none).
    ``compare``, the earlier wave, enables the meeting-and-new-ties test (999 permutations,
    ``seed``). Everything in it is escaped.

    Examples
    --------
    >>> import wijknet
    >>> from wijknet._wording import Wording
    >>> a = wijknet.load_example()
    >>> html = events_section(a, Wording(a, "nl"), 8, wave="T1", compare="T0")
    >>> html.startswith('<section id="events"><h2>8. Bijeenkomsten en thema’s')
    True
    >>> "Ayşe" in html
    False
    """
    events = ak._all_events(alliance)
    if not events:
        return ""
    nl = words.lang == "nl"
    selection: dict = {}
    dates = {w["key"]: w["date"] for w in alliance.waves}
    if wave and dates.get(wave):
        selection["end"] = dates[wave]
    reach = ak.cumulative_reach(alliance, **selection)
    if reach.empty:
        return ""
    themes = ak.theme_reach(alliance, **selection)
    labels = {t["key"]: ((nl and t.get("label_nl")) or t.get("label") or t["key"]) for t in alliance.themes}
    first, last = reach["date"].iloc[0], reach["date"][reach["date"] != ""].iloc[-1] if (reach["date"] != "").any() else ""
    total = int(reach["cumulative"].iloc[-1])
    body = [_p(
        f"Er waren {words.plural(len(reach), 'bijeenkomst', 'bijeenkomsten')}"
        + (f" tussen {words.date(first)} en {words.date(last)}" if first and last else "")
        + f"; samen bereikten ze {words.plural(total, 'deelnemer', 'verschillende deelnemers')}." if nl else
        f"There were {words.plural(len(reach), 'event', 'events')}"
        + (f" between {words.date(first)} and {words.date(last)}" if first and last else "")
        + f"; together they reached {words.plural(total, 'participant', 'different participants')}.")]
    rows = [[escape(labels.get(k, k)), words.number(int(r["events"]), 0), words.number(int(r["stakeholders"]), 0)]
            for k, r in themes.iterrows()]
    body.append(_table(["thema" if nl else "theme", "bijeenkomsten" if nl else "events",
                        "bereikt" if nl else "reached"], rows))
    missing = [labels.get(k, k) for k in themes.index if themes.loc[k, "events"] == 0]
    if missing:
        body.append(_p(f"Nog geen bijeenkomst over: {words.join(missing)}." if nl else
                       f"No event yet on: {words.join(missing)}."))
    rows = [[escape(words.date(r["date"]) or "–"), escape(_event_name(events, i)), words.number(int(r["participants"]), 0),
             words.number(int(r["new"]), 0), words.number(int(r["returning"]), 0), words.number(int(r["cumulative"]), 0)]
            for i, r in reach.iterrows()]
    body.append(_table(["datum" if nl else "date", "bijeenkomst" if nl else "event",
                        "deelnemers" if nl else "participants", "nieuw" if nl else "new",
                        "terug" if nl else "returning", "totaal bereikt" if nl else "reached so far"], rows))

    bridging = ak.bridging_events(alliance, lang=words.lang, show_names=words.show_names, **selection)
    sentences = [s for s in bridging["explanation"].head(3) if s]
    if sentences:
        body.append("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in sentences) + "</ul>")
    core = ak.core_group(alliance, lang=words.lang, show_names=words.show_names, **selection)
    if len(core.members):
        body.append(_p(core.explanation))
    coverage = ak.event_role_coverage(alliance, template, wave, lang=words.lang, show_names=words.show_names,
                                      **selection) if wave else None
    if coverage is not None:
        extra = [s for s in coverage["event_explanation"] if s]
        if extra:
            body.append(_p(*extra))
    if compare and wave and compare != wave:
        m = ak.meeting_and_ties(alliance, compare, wave, seed=seed, lang=words.lang)
        if m.met_pairs:
            body.append(_p(m.explanation))
    title = "Bijeenkomsten en thema’s" if nl else "Events and themes"
    return f'<section id="events"><h2>{number}. {escape(title)}</h2>{"".join(body)}</section>'


def _event_name(events: dict, event_id: str) -> str:
    return events[event_id]["name"] or event_id
