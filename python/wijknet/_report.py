"""The evaluation report: one self-contained HTML file for a programme lead or a municipality.

Nine sections, each a heading, a picture or table and a few plain sentences: at a glance, the
network map per wave, role coverage, the chain, who holds the alliance together, what if the key
player leaves, suggested new contacts, what changed since the earlier wave, and method notes.
Everything is inline (CSS, script, SVG): the file opens offline, makes no network request and
prints on A4. Persons appear under pseudonyms and sensitive attributes are left out unless asked
for by name; docs/report.md describes every rule.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import os
import warnings
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from . import _core, _sentences
from ._alliance import Alliance
from ._diagnostics import (Scenario, _holders, _one_wave, _present, chain_relation, chain_routes, key_players,
                           role_coverage, suggest_ties)
from ._keywords import checked
from ._layout import layout
from ._measures import articulation_points, brokerage
from ._missing import response_section
from ._netmap import NetMap
from ._report_events import events_section
from ._report_incidents import incidents_section
from ._wording import PROTECTING, SMALL_CELL, TERMS, Wording, check_lang, small_cells

__all__ = ["Report", "report"]

#: The chain of Samen in de Wijk (the handreiking's ketenaanpak): a signal from a resident
#: initiative reaches the wijkagent through an lhbti+ organisation and welfare work.
DEFAULT_CHAIN = ("bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent")

_T = {
    "en": {
        "title": "Alliance report", "subtitle": "Network analysis of the safety alliance",
        "made": "Made with wijknet {version} on {date}.",
        "s1": "At a glance", "s2": "The network map", "s3": "Role coverage", "s4": "The chain",
        "s5": "Who holds the alliance together", "s6": "What if the key player leaves",
        "s7": "Suggested new contacts", "s8": "What changed since {wave}", "s9": "Method notes",
        "wave": "Wave", "role": "Role", "level": "Level", "status": "Status", "holders": "Holders",
        "explanation": "What it means", "stakeholder": "Stakeholder", "required": "required",
        "recommended": "recommended", **{k: TERMS["en"][k] for k in ("absent", "isolated", "single", "covered")},
        "print_note": "All waves are printed one below the other.",
    },
    "nl": {
        "title": "Rapport van de alliantie", "subtitle": "Netwerkanalyse van de veiligheidsalliantie",
        "made": "Gemaakt met wijknet {version} op {date}.",
        "s1": "In één oogopslag", "s2": "De netwerkkaart", "s3": "Rollen in de alliantie", "s4": "De keten",
        "s5": "Wie houdt de alliantie bijeen", "s6": "Wat als de sleutelfiguur vertrekt",
        "s7": "Voorgestelde nieuwe contacten", "s8": "Wat is er veranderd sinds {wave}", "s9": "Toelichting",
        "wave": "Meting", "role": "Rol", "level": "Niveau", "status": "Stand", "holders": "Vervuld door",
        "explanation": "Wat dit betekent", "stakeholder": "Stakeholder", "required": "vereist",
        "recommended": "aanbevolen", **{k: TERMS["nl"][k] for k in ("absent", "isolated", "single", "covered")},
        "print_note": "Bij afdrukken staan alle metingen onder elkaar.",
    },
}


@dataclass
class Report:
    """A finished report; returned by :func:`report`.

    Attributes
    ----------
    html : str
        The whole self-contained HTML file (styles, maps and tables inline; no network access needed to show it).
    lang : {"en", "nl"}
        Its language.
    wave : str
        The wave reported on.
    compare : str or None
        The earlier wave it compares with, if any.

    Examples
    --------
    >>> import wijknet
    >>> r = wijknet.report(wijknet.load_example(), lang="nl")
    >>> r.lang, r.wave, r.compare
    ('nl', 'T1', 'T0')
    >>> "<h2" in r.html and "Wijkagent 1" in r.html and "Kwikstaart" not in r.html
    True
    """

    html: str
    lang: str
    wave: str
    compare: str | None

    def save(self, path: str | os.PathLike) -> str:
        """Write the report to a file, atomically.

        Parameters
        ----------
        path : str or os.PathLike
            The file, e.g. ``"rapport.html"``; its folder must exist.

        Returns
        -------
        str
            The path written.

        Raises
        ------
        WriteError
            When the file cannot be written (an ``OSError``), naming the path.
        IsADirectoryError
            When ``path`` is a folder.
        FileNotFoundError
            When its folder does not exist.

        Notes
        -----
        The report is written to a temporary file in the same folder and then renamed over ``path``: a failed write
        leaves no half-written file, and an older report stays intact, even when the process is killed. A symlink is
        followed; a replaced report keeps its permissions, a new one gets the mode any new file would get (0666 less
        the umask), so it can be shared (docs/io/README.md, "Saving"). A character device (``/dev/null``) or a named
        pipe is written through and never replaced by a file; a block device or a socket is a ``WriteError``.

        Examples
        --------
        >>> import wijknet
        >>> r = wijknet.report(wijknet.load_example(), lang="nl")
        >>> r.save("rapport.html")
        'rapport.html'
        """
        target = Path(path)
        if target.is_dir():
            raise IsADirectoryError(f"{target} is a folder; give a file name such as {target / 'rapport.html'}")
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            # filename: what is missing, for those who print err.filename (the command line).
            raise FileNotFoundError(errno.ENOENT, f"the folder {folder} does not exist (writing {target})", str(folder))
        _core._write_text_atomically(str(target), self.html)
        return str(target)

    def _repr_html_(self) -> str:
        # An iframe keeps the report's own styles and script apart from the notebook's.
        return (f'<iframe srcdoc="{escape(self.html)}" style="width:100%;height:720px;border:1px solid #ccc">'
                "</iframe>")

    def __repr__(self) -> str:
        return f"<wijknet.Report: {self.lang}, wave {self.wave or 'all'}, {len(self.html):,} characters>"


def _pick_template(alliance: _core.Alliance, template: str | None) -> str:
    keys = [t["key"] for t in alliance.templates]
    if template:
        if template not in keys:
            raise _core.UnknownIdError(f"unknown template '{template}'; the alliance has {', '.join(keys)}")
        return template
    own = [k for k in keys if k not in ("samen_in_de_wijk", "alle_kleuren")]
    if len(own) == 1:
        return own[0]  # the data names a method of its own
    return "samen_in_de_wijk" if "samen_in_de_wijk" in keys else (keys[0] if keys else "")


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], cls: str = "") -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _section(number: int, title: str, body: str, key: str) -> str:
    return f'<section id="{key}"><h2>{number}. {escape(title)}</h2>{body}</section>'


def _p(*sentences: str) -> str:
    return "<p>" + " ".join(escape(s) for s in sentences if s) + "</p>"


@checked
def report(data: Any, lang: str = "en", template: str | None = None, waves: str | Sequence[str] | None = None,
           compare: str | None = None, relation: str | None = None, chain: Sequence[str] | None = None,
           show_names: bool = False, show_sensitive: bool = False, seed: int = 1,
           about: Mapping[str, str] | None = None) -> Report:
    """The evaluation report of an alliance, as one self-contained HTML file.

    Parameters
    ----------
    data : Alliance, Study, str or path
        The alliance, or a CSV folder, ``.json`` or ``.graphml`` file to read it from. A
        :class:`wijknet.Study`, or a folder of alliances (see :meth:`wijknet.Study.from_folder`),
        gives the report across neighbourhoods instead (docs/report.md; ``show_sensitive`` does
        not apply, and :meth:`wijknet.Study.report` takes its further options).
    lang : {"en", "nl"}, default "en"
        Language of everything in the report: headings, labels, sentences, numbers and dates
        (``"nl"``: Dutch throughout, as the command's ``--lang nl``).
    template : str, optional
        Method template to check the roles against; default the method the data defines
        itself, else ``samen_in_de_wijk``.
    waves : str, optional
        The wave reported on (one; ``wave="T1"`` is the short form); default the latest.
    compare : str, optional
        The earlier wave to compare with; default the wave before ``wave`` (none when it is the first).
    relation : str, optional
        The relation the chain follows; default ``referral`` when the alliance has referral ties, else every
        relation (as :func:`wijknet.chain_routes` decides).
    chain : sequence of str, optional
        The roles of the chain, first to last; default bewonersinitiatief → lhbti_organisatie →
        welzijnswerk → wijkagent.
    show_names : bool, default False
        Name persons; by default they appear as "Wijkagent 1", "Bewoner 3".
    show_sensitive : bool, default False
        Show sensitive attributes (as group counts, with groups under 5 suppressed).
    seed : int, default 1
        Seed of the map's layout.
    about : mapping of str to str, optional
        Which alliance this is, over what the data say themselves (:attr:`Alliance.about`): ``neighbourhood`` and
        ``municipality`` go into the title ("Rapport van de alliantie Vogelwijk-Oost, Rivierstad"), ``source``,
        ``date``, ``author`` and ``organisation`` on the line under it, so a printed report says what it is about.

    Returns
    -------
    Report
        ``Report.html`` is the file; ``Report.save(path)`` writes it atomically.

    Examples
    --------
    >>> import wijknet
    >>> r = wijknet.report(wijknet.load_example(), lang="en", wave="T1")
    >>> r.wave, r.compare
    ('T1', 'T0')
    """
    from ._io import read  # the report reads any format the library reads

    from ._study import Study, is_study_folder

    lang = check_lang(lang)
    wave = _one_wave("report", waves) or None
    if isinstance(data, Study) or (not isinstance(data, _core.Alliance) and is_study_folder(data)):
        from ._report_study import study_report

        if show_sensitive:
            raise _core.InvalidValueError("the report across neighbourhoods shows no attributes, sensitive or not; "
                                          "show_sensitive applies to the report of one alliance")
        study = data if isinstance(data, Study) else Study.from_folder(data)
        return study_report(study, lang=lang, template=template, waves=wave, compare=compare, relation=relation,
                            chain=chain, show_names=show_names, seed=seed)
    # A copy: the report reads the alliance many times, and another thread may edit it meanwhile.
    alliance = Alliance.copy(data) if isinstance(data, _core.Alliance) else read(data)
    for key, value in (about or {}).items():
        alliance.set_about(str(key), "" if value is None else str(value))
    t = _T[lang]
    words = Wording(alliance, lang, show_names)
    nl = lang == "nl"

    waves = [w["key"] for w in alliance.waves]
    if wave is None:
        wave = waves[-1] if waves else ""
    elif wave not in waves:
        raise _core.UnknownIdError(f"unknown wave '{wave}'; the alliance has {', '.join(waves) or 'no waves'}")
    if compare is None:
        i = waves.index(wave) if wave in waves else -1
        compare = waves[i - 1] if i > 0 else None
    elif compare not in waves:
        raise _core.UnknownIdError(f"unknown wave '{compare}'; the alliance has {', '.join(waves)}")
    elif waves.index(compare) >= waves.index(wave):
        # "What changed since" runs from the earlier wave to the later one.
        raise _core.InvalidValueError(f"compare='{compare}' is not a wave before '{wave}'; compare with one of "
                                      f"{', '.join(waves[:waves.index(wave)]) or 'no wave (it is the first)'}")
    template = _pick_template(alliance, template)
    relation = chain_relation(alliance, relation)[0]
    chain = [alliance.role(r)["key"] for r in (chain or DEFAULT_CHAIN)]
    wave_list = [w for w in (compare, wave) if w is not None]
    scope = {"waves": [wave]} if wave else {}

    frame = alliance.stakeholders()
    present_now = _present(alliance, wave)
    ties_all = alliance.ties()
    ties_now = ties_all[ties_all["wave"] == wave] if wave else ties_all
    # The map and its legend show the relations with ties in the waves drawn, not every relation declared.
    drawn = ties_all[ties_all["wave"].isin(wave_list)] if wave_list and wave_list[0] else ties_all
    relation_keys = [r["key"] for r in alliance.relations if r["key"] in set(drawn["relation"])]

    # ------------------------------------------------------------------ the computations
    positions = layout(alliance, seed=seed, **({"waves": wave_list} if wave_list and wave_list[0] else {}))
    netmap = NetMap(alliance, words, positions, relation_keys)
    # wave "" (an alliance without waves) means every tie, one table: the diagnostics read it so.
    coverage = role_coverage(alliance, template, wave=wave, lang=lang, show_names=show_names) if template else None
    routes = chain_routes(alliance, chain, relation=relation, wave=wave, lang=lang, show_names=show_names)
    chain_row = routes.summary.iloc[-1]
    n_present = len(present_now)
    kp = None
    if n_present >= 3 and len(ties_now):
        kp = key_players(alliance, k=1, lang=lang, show_names=show_names, **scope)
    # Each stakeholder's first role; one without a role is a group of its own ("" sorts with no role).
    first_role = {sid: (list(roles)[0] if len(roles) else "") for sid, roles in frame["roles"].items()}
    brokers = brokerage(alliance, by=first_role, **scope) if len(ties_now) else pd.DataFrame()
    cuts = articulation_points(alliance, **scope) if len(ties_now) else []

    # ------------------------------------------------------------------ 1. at a glance
    per_relation = ties_now.groupby("relation").size() if len(ties_now) else pd.Series(dtype="int64")
    relation_text = words.join(f"{words.number(int(n), 0)} {words.relation(r)}" for r, n in per_relation.items())
    glance = []
    where = f" ({t['wave'].lower()} {words.wave(wave)})" if wave else ""
    glance.append(
        (f"De alliantie{where} telt {n_present} stakeholders en {len(ties_now)} relaties"
         + (f": {relation_text}." if relation_text else ".")) if nl else
        (f"The alliance{where} has {n_present} stakeholders and {len(ties_now)} ties"
         + (f": {relation_text}." if relation_text else ".")))
    if coverage is not None:
        held = coverage[coverage["status"] != "absent"]
        missing = coverage[(coverage["status"] == "absent")]
        glance.append((f"Van de {len(coverage)} rollen die de methode vraagt, zijn er {len(held)} vervuld"
                       + (f"; er ontbreekt: {words.join(words.role(r) for r in missing.index)}." if len(missing) else ".")) if nl else
                      (f"Of the {len(coverage)} roles the method asks for, {len(held)} are held"
                       + (f"; missing: {words.join(words.role(r) for r in missing.index)}." if len(missing) else ".")))
    chain_words = _sentences.chain_text(words, chain)
    glance.append(f"De keten {chain_words} werkt{'' if chain_row['exists'] else ' niet'}." if nl else
                  f"The chain {chain_words} {'works' if chain_row['exists'] else 'does not work'}.")
    # A departure is a risk only when it fragments the alliance; a dense alliance has no "main risk".
    at_risk = kp is not None and bool(kp.players) and _sentences.rises(kp.before, kp.score)
    if kp is not None and kp.players and not at_risk:
        glance.append("Geen enkel vertrek van één stakeholder maakt de alliantie minder samenhangend." if nl else
                      "No single departure makes the alliance less cohesive.")
    elif at_risk:
        glance.append((f"Grootste risico: het vertrek van {words.names_of(kp.players)} "
                       f"(fragmentatie van {words.number(kp.before, 2)} naar {words.number(kp.score, 2)})." if nl else
                       f"Main risk: the departure of {words.names_of(kp.players)} "
                       f"(fragmentation from {words.number(kp.before, 2)} to {words.number(kp.score, 2)})."))
    warnings = list(getattr(alliance, "read_warnings", []) or [])
    s1 = _p(*glance) + "".join(f'<p class="warning">{escape(words.named(m.text(lang), m.stakeholders))}</p>'
                               for m in warnings)  # stakeholders by display name, never by id

    # ------------------------------------------------------------------ 2. the map
    roles_present = [r["key"] for r in alliance.roles if any(r["key"] in list(frame.at[s, "roles"]) for s in netmap.ids)]
    kinds_present = sorted({frame.at[s, "kind"] for s in netmap.ids})
    panels, buttons = [], []
    for w in wave_list or [""]:
        label = words.wave(w) if w else ("alle metingen" if nl else "all waves")
        active = " active" if w == wave else ""
        buttons.append(f'<button type="button" class="wave-button{active}" data-wave="{escape(w)}">{escape(label)}</button>')
        panels.append(f'<figure class="wave-panel{active}" data-wave="{escape(w)}"><figcaption>{escape(t["wave"])} '
                      f'{escape(label)}: {len(_present(alliance, w))} stakeholders</figcaption>'
                      f'{netmap.svg(w, caption=label)}</figure>')
    s2 = (_p("Elke stip is een stakeholder: de kleur is de rol, de vorm de soort (persoon, organisatie, initiatief, "
             "groep). Lijnen zijn relaties; pijlen geven de richting. "
             + ("Wie in beide metingen meedoet, staat op dezelfde plek. " if len(wave_list) == 2 else "")
             + "Ga met de muis over een stakeholder om de relaties te zien; vink relaties aan of uit."
             if nl else
             "Each mark is a stakeholder: colour is the role, shape the kind (person, organisation, initiative, "
             "group). Lines are ties; arrows show direction. "
             + ("Whoever takes part in both waves stands in the same place. " if len(wave_list) == 2 else "")
             + "Hover over a stakeholder to see its ties; tick relations on or off.")
          + f'<div class="controls">{"".join(buttons)}<span class="print-note">{escape(t["print_note"])}</span></div>'
          + f'<div class="map-area"><div class="maps">{"".join(panels)}<div class="hover-box" aria-live="polite">'
          + "</div></div>" + netmap.legend(roles_present, kinds_present) + "</div>"
          + netmap.key_table({sid for w in wave_list or [""] for sid in netmap.present(w)}))

    # ------------------------------------------------------------------ 3. coverage
    if coverage is not None:
        rows = []
        for key, r in coverage.iterrows():
            rows.append([escape(words.role(key)), escape(t[r["level"]]),
                         f'<span class="badge {r["status"]}">{escape(t[r["status"]])}</span>',
                         escape(words.names_of(r["holder_ids"]) or "–"), escape(r["explanation"])])
        absent = coverage[coverage["status"] == "absent"]
        single = coverage[coverage["status"] == "single"]
        advice = []
        if len(absent):
            advice.append(f"Zoek een partner voor {words.join(words.role(r) for r in absent.index)}." if nl else
                          f"Look for a partner for {words.join(words.role(r) for r in absent.index)}.")
        if len(single):
            advice.append(f"Maak {words.join(words.role(r) for r in single.index)} minder kwetsbaar met een tweede "
                          "contactpersoon." if nl else
                          f"Make {words.join(words.role(r) for r in single.index)} less vulnerable with a second "
                          "contact.")
        tmpl = next(x for x in alliance.templates if x["key"] == template)
        s3 = (_p((f"De rollen van de methode {tmpl['label']} in {t['wave'].lower()} {words.wave(wave)}." if nl else
                  f"The roles of the method {tmpl['label']} in wave {words.wave(wave)}."), *advice)
              + _table([t["role"], t["level"], t["status"], t["holders"], t["explanation"]], rows))
    else:
        s3 = _p("De alliantie heeft geen methodesjabloon." if nl else "The alliance has no method template.")

    # ------------------------------------------------------------------ 4. the chain
    wave_routes = routes.routes[routes.routes["wave"] == (wave or "")]
    route_items = []
    for _, rr in wave_routes.head(8).iterrows():
        nodes = " ".join(netmap.node[s] for s in rr["stakeholders"] if s in netmap.node)
        text = " → ".join(words.name(s) for s in rr["stakeholders"])
        route_items.append(f'<li><button type="button" class="route-button" data-wave="{escape(wave)}" '
                           f'data-route="{nodes}">{escape(text)}</button></li>')
    chain_label = _sentences.chain_text(words, chain)
    s4 = (_p(chain_row["explanation"])
          + (f'<p class="hint">{"Klik op een route om die op de kaart te zien." if nl else "Click a route to see it on the map."}'
             f'</p><ol class="routes">{"".join(route_items)}</ol>' if route_items else "")
          + f'<figure class="chain-map"><figcaption>{escape(chain_label)}</figcaption>'
          + netmap.svg(wave, highlight=list(wave_routes["stakeholders"].head(8)), caption=chain_label) + "</figure>")
    if not chain_row["exists"]:
        s4 += _p("Hoofdstuk 7 stelt contacten voor die de keten herstellen." if nl else
                 "Section 7 suggests contacts that repair the chain.")

    # ------------------------------------------------------------------ 5. who holds it together
    parts5 = []
    if kp is not None:
        parts5.append(_p(kp.explanation))
    if len(brokers):
        top = brokers.sort_values("total", ascending=False).head(5)
        kinds = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
        names_nl = {"coordinator": "coördinator", "itinerant": "consulent", "representative": "vertegenwoordiger",
                    "gatekeeper": "poortwachter", "liaison": "verbinder"}
        header = [t["stakeholder"]] + [names_nl[k] if nl else k for k in kinds] + ["totaal" if nl else "total"]
        rows = [[escape(words.name(s))] + [words.number(float(top.at[s, k]), 0) for k in kinds + ["total"]]
                for s in top.index if top.at[s, "total"] > 0]
        if rows:
            parts5.append(_p("Makelaars tussen rollen (Gould & Fernandez): hoe vaak iemand twee anderen verbindt die "
                             "zelf geen relatie hebben, naar de rollen van de drie." if nl else
                             "Brokers between roles (Gould & Fernandez): how often someone connects two others who "
                             "have no tie themselves, by the roles of the three.")
                          + _table(header, rows, "numbers"))
    if len(cuts):
        # Each cut point breaks the network on its own: say so, not that they leave together.
        one = len(cuts) == 1
        parts5.append(_p((f"{words.names_of(cuts)} {'is een snijpunt' if one else 'zijn snijpunten'}: "
                          + ("valt deze stakeholder weg" if one else "valt één van hen weg")
                          + ", dan valt het netwerk uiteen, want " + ("deze is" if one else "elk is")
                          + " de enige verbinding tussen delen van de alliantie." if nl else
                          f"{words.names_of(cuts)} {'is a cut point' if one else 'are cut points'}: if "
                          + ("this stakeholder leaves" if one else "any one of them leaves")
                          + ", the network falls apart, as " + ("it is" if one else "each is")
                          + " the only link between parts of the alliance.")))
    if coverage is not None and len(coverage[coverage["status"] == "single"]):
        singles = coverage[coverage["status"] == "single"]
        parts5.append(_p(*[e for e in singles["explanation"]]))
    s5 = "".join(parts5) or _p("Er zijn in deze meting geen relaties." if nl else "There are no ties in this wave.")

    # ------------------------------------------------------------------ 6. what if
    if at_risk:
        cmp = Scenario(alliance, remove=kp.players).compare(template=template or None, chains=[chain],
                                                            relation=relation, wave=wave)
        labels = {k: (TERMS["nl"][k], TERMS["en"][k]) for k in (
            "stakeholders", "components", "largest_component", "fragmentation", "distance_fragmentation",
            "roles_absent", "roles_single")}
        rows = []
        for measure, r in cmp.iterrows():
            if measure.startswith("chain "):
                name = ("keten werkt" if nl else "chain works")
                fmt = lambda v: ("ja" if v else "nee") if nl else ("yes" if v else "no")  # noqa: E731
                change = {"broken": "verbroken" if nl else "broken", "repaired": "hersteld" if nl else "repaired"}.get(r["change"], "")
                rows.append([escape(name), fmt(r["before"]), fmt(r["after"]), escape(change)])
                continue
            name = labels.get(measure, (measure, measure))[0 if nl else 1]
            if isinstance(r["before"], list):
                rows.append([escape(name), escape(words.join(words.role(x) for x in r["before"]) or "–"),
                             escape(words.join(words.role(x) for x in r["after"]) or "–"),
                             escape(words.join(words.role(x) for x in r["change"]) or "–")])
            else:
                # Two decimals, as the summary of section 1 gives the same figures.
                digits = 0 if float(r["before"]).is_integer() and float(r["after"]).is_integer() else 2
                # The change of the figures as printed, so a reader's subtraction agrees (0,06 → 0,35: 0,29).
                before, after = round(float(r["before"]), digits), round(float(r["after"]), digits)
                rows.append([escape(name), words.number(before, digits), words.number(after, digits),
                             words.number(round(after - before, digits), digits)])
        s6 = (_p((f"Stel dat {words.names_of(kp.players)} vertrekt (bijvoorbeeld door een nieuwe functie of het einde "
                  "van de financiering). Zo ziet de alliantie er dan uit:" if nl else
                  f"Suppose {words.names_of(kp.players)} leaves (a new post, or funding ends). The alliance would "
                  "then look like this:"))
              + _table(["" , "nu" if nl else "now", "zonder" if nl else "without", "verschil" if nl else "change"], rows, "numbers"))
    elif kp is not None and kp.players:
        s6 = _p(kp.explanation)
    else:
        s6 = _p("Te weinig relaties om een vertrek door te rekenen." if nl else "Too few ties to work out a departure.")

    # ------------------------------------------------------------------ 7. suggestions
    if not chain_row["exists"]:
        sug = suggest_ties(alliance, k=3, chain=chain, relation=relation, wave=wave or None, lang=lang, show_names=show_names)
        why = ("Deze contacten herstellen de keten." if nl else "These contacts repair the chain.")
    elif at_risk:
        sug = suggest_ties(alliance, k=3, removed=kp.players, wave=wave or None, lang=lang, show_names=show_names)
        why = (f"Deze contacten houden de alliantie bijeen, ook als {words.names_of(kp.players)} vertrekt." if nl else
               f"These contacts keep the alliance together even if {words.names_of(kp.players)} leaves.")
    else:
        sug = pd.DataFrame()
        why = ""
    if len(sug):
        with_relation = any(sug["relation"])  # a chain step names its relation; cohesion needs any tie
        rows = [[str(i), escape(words.name(r["source"])), escape(words.name(r["target"]))]
                + ([escape(words.relation(r["relation"]) or "–")] if with_relation else []) + [escape(r["reason"])]
                for i, r in sug.iterrows()]
        header = ["", "van" if nl else "from", "naar" if nl else "to"] + (
            ["relatie" if nl else "relation"] if with_relation else []) + ["waarom" if nl else "why"]
        s7 = _p(why) + _table(header, rows)
    else:
        s7 = _p("Geen nieuw contact verbetert de keten of de samenhang merkbaar; de alliantie is op deze punten al "
                "robuust." if nl else "No new contact improves the chain or the cohesion noticeably; the alliance "
                "is already robust on these points.")

    # ------------------------------------------------------------------ 8. change
    if compare:
        s8 = _change_section(alliance, words, netmap, template, chain, relation, compare, wave, show_names)
    else:
        s8 = None

    # ------------------------------------------------------------------ 9. method notes
    s9 = _notes(alliance, words, frame, show_names, show_sensitive, template, relation, chain)

    sections = [
        _section(1, t["s1"], s1, "glance"), _section(2, t["s2"], s2, "map"), _section(3, t["s3"], s3, "coverage"),
        _section(4, t["s4"], s4, "chain"), _section(5, t["s5"], s5, "together"), _section(6, t["s6"], s6, "whatif"),
        _section(7, t["s7"], s7, "suggestions")]
    number = 8
    events = events_section(alliance, words, number, wave, compare)  # Alle Kleuren: only with events
    if events:
        sections.append(events)
        number += 1
    if s8 is not None:
        sections.append(_section(number, t["s8"].format(wave=words.wave(compare)), s8, "change"))
        number += 1
    incidents = incidents_section(alliance, words, number, chain=chain, wave=wave)  # "" without an incident log
    if incidents:
        sections.append(incidents)
        number += 1
    response = response_section(alliance, words, number, wave)  # "" for data not from a survey
    if response:
        sections.append(response)
        number += 1
    sections.append(_section(number, t["s9"], s9, "notes"))

    hover = {w or "": netmap.neighbours(w) for w in (wave_list or [""])}
    payload = _script_json({"info": netmap.info(), "ties": hover, "none": "geen relaties" if nl else "no ties"})
    subtitle = " · ".join([t["subtitle"], f"{t['wave']} {words.wave(wave) if wave else '–'}", *_about_line(alliance, words)])
    script = f'<script type="application/json" id="wijknet-data">{payload}</script><script>{_JS}</script>'
    return Report(page(_title(alliance, t["title"]), subtitle, sections, words, script), lang, wave, compare)


#: The entries of Alliance.about the report shows under its title, with their labels.
_ABOUT = {"source": ("bron", "source"), "date": ("datum", "date"), "author": ("opgesteld door", "prepared by"),
          "organisation": ("organisatie", "organisation")}


def _title(alliance: Any, title: str) -> str:
    """"Rapport van de alliantie Vogelwijk-Oost, Rivierstad": which alliance, from Alliance.about."""
    where = ", ".join(v for v in (alliance.about.get("neighbourhood"), alliance.about.get("municipality")) if v)
    return f"{title} {where}" if where else title


def _about_line(alliance: Any, words: Wording) -> list[str]:
    """"bron: Enquête najaar 2022", "datum: 15 november 2022", ... for the line under the title."""
    out = []
    for key, (nl, en) in _ABOUT.items():
        value = alliance.about.get(key)
        if value:
            out.append(f"{nl if words.lang == 'nl' else en}: {words.date(value) if key == 'date' else value}")
    return out


def _script_json(data: Any) -> str:
    """``data`` as JSON to embed in a ``<script>`` block: every ``<``, ``>`` and ``&`` written as a JSON escape
    (``\\u003c`` ...), so that no text of the data (a name such as ``<!--<script>``) can end the block or change how
    the HTML parser reads it; ``JSON.parse`` gives the text back unchanged."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page(title: str, subtitle: str, sections: Sequence[str], words: Wording, script: str = "") -> str:
    """The whole HTML file around the numbered sections: head with the inline style sheet, title,
    a table of contents, the sections, the footer (version and date) and ``script``."""
    made = _T[words.lang]["made"].format(version=_core.__version__, date=words.date(_dt.date.today()))
    return (f'<!DOCTYPE html><html lang="{words.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
            f'<header><h1>{escape(title)}</h1><p class="subtitle">{escape(subtitle)}</p>'
            f"<nav><ol>" + "".join(f'<li><a href="#{k}">{escape(h)}</a></li>' for k, h in _headings(sections)) +
            f"</ol></nav></header><main>{''.join(sections)}</main>"
            f"<footer>{escape(made)}</footer>{script}</body></html>")


def _headings(sections: Sequence[str]) -> list[tuple[str, str]]:
    out = []
    for s in sections:
        key = s.split('id="', 1)[1].split('"', 1)[0]
        heading = s.split("<h2>", 1)[1].split("</h2>", 1)[0]
        out.append((key, unescape(heading.split(". ", 1)[1])))  # the page escapes it again
    return out


def _change_section(alliance, words: Wording, netmap: NetMap, template: str, chain, relation, before: str,
                    after: str, show_names: bool) -> str:
    from ._change import LowJaccardWarning, compare_waves

    nl = words.lang == "nl"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LowJaccardWarning)  # the sentences say it in words
        c = compare_waves(alliance, before, after, template=template or None, chains=[chain], relation=relation,
                          lang=words.lang, show_names=show_names)
    test = c.test()
    rows = [[escape(words.relation(rel)), words.number(r["before"], 0), words.number(r["after"], 0),
             words.number(r["gained"], 0), words.number(r["lost"], 0), words.number(r["kept"], 0),
             words.number(r["jaccard"], 2) if r["jaccard"] == r["jaccard"] else "–",
             words.fixed(test.at[rel, "p_value"], 2)] for rel, r in c.ties.iterrows()]
    header = (["relatie", words.wave(before), words.wave(after), "nieuw", "verdwenen", "gebleven", "Jaccard", "p"]
              if nl else ["relation", words.wave(before), words.wave(after), "gained", "lost", "kept", "Jaccard", "p"])
    sentences = c.sentences[len(c.ties):]  # one sentence per relation first (the table shows those), then the rest
    intro = _p("Welke relaties erbij kwamen en verdwenen. De Jaccard-index is het deel van alle relaties dat in beide "
               "metingen voorkomt (1 = gelijk). De kolom p toetst of er meer relaties bijkwamen dan verdwenen (of "
               "omgekeerd) dan bij toeval te verwachten is, tussen stakeholders die beide keren meededen (McNemar). "
               "Onder 0,05 is dat verschil waarschijnlijk echt." if nl else
               "Which ties were gained and lost. The Jaccard index is the share of all ties present in both waves "
               "(1 = the same). Column p tests whether more ties were gained than lost (or the other way round) than "
               "chance would give, between stakeholders who took part both times (McNemar). Below 0.05 the "
               "difference is probably real.")
    return intro + _table(header, rows, "numbers") + _p(*sentences, *_change_test_sentences(words, test))


def _change_test_sentences(words: Wording, test: pd.DataFrame) -> list[str]:
    """One sentence per relation whose balance of gained and lost ties is more than chance (p < 0.05), or one
    saying none is: the permutation test of :meth:`wijknet.WaveComparison.test` in plain words."""
    nl = words.lang == "nl"
    out = []
    for rel, r in test[test["p_value"] < 0.05].iterrows():
        grew = r["gained"] > r["lost"]
        out.append(f"De relatie {words.relation(rel)} {'groeide' if grew else 'kromp'} meer dan toeval verklaart: "
                   f"{words.number(int(r['gained']), 0)} erbij en {words.number(int(r['lost']), 0)} weg tussen "
                   f"dezelfde stakeholders (p = {words.fixed(r['p_value'], 3)})." if nl else
                   f"The relation {words.relation(rel)} {'grew' if grew else 'shrank'} more than chance explains: "
                   f"{words.number(int(r['gained']), 0)} gained and {words.number(int(r['lost']), 0)} lost between the "
                   f"same stakeholders (p = {words.fixed(r['p_value'], 3)}).")
    if not out and len(test):
        out.append("Bij geen enkele relatie is het verschil tussen bijgekomen en verdwenen relaties groter dan toeval "
                   "kan verklaren (alle p ≥ 0,05)." if nl else
                   "For no relation is the difference between ties gained and lost larger than chance can explain "
                   "(every p ≥ 0.05).")
    return out


def _notes(alliance, words: Wording, frame: pd.DataFrame, show_names: bool, show_sensitive: bool, template: str,
           relation, chain) -> str:
    nl = words.lang == "nl"
    terms = ([("Fragmentatie", "het deel van alle paren stakeholders dat elkaar via relaties niet kan bereiken "
               "(0 = iedereen bereikt iedereen, 1 = niemand is verbonden; Borgatti 2006)."),
              ("Sleutelfiguur", "de stakeholder wiens vertrek de fragmentatie het meest laat stijgen."),
              ("Keten", f"een route langs de rollen {_sentences.chain_text(words, chain)}, elke stap een relatie"
               + (f" ({words.relation(relation)})" if relation else "") + " in de richting van de relatie."),
              ("Afstandsfragmentatie", "als fragmentatie, maar ook ver uit elkaar staan telt mee: het gemiddelde "
               "van 1 − 1/afstand over alle paren (0 = iedereen kent iedereen direct; Borgatti 2006)."),
              ("Makelaar", "iemand die twee anderen verbindt die zelf geen relatie hebben (Gould & Fernandez 1989). "
               "Naar de rollen van de drie: coördinator (alle drie dezelfde rol), consulent (de twee anderen delen "
               "een rol, de makelaar niet), vertegenwoordiger (de makelaar deelt de rol van wie iets doorgeeft), "
               "poortwachter (de makelaar deelt de rol van wie het ontvangt), verbinder (drie verschillende rollen)."),
              ("Snijpunt", "een stakeholder zonder wie het netwerk in meer delen uiteenvalt."),
              ("Dichtheid", "het aandeel van alle mogelijke relaties dat bestaat.")]
             if nl else
             [("Fragmentation", "the share of all pairs of stakeholders who cannot reach each other through ties "
               "(0 = everyone reaches everyone, 1 = nobody is tied; Borgatti 2006)."),
              ("Key player", "the stakeholder whose departure raises fragmentation most."),
              ("Chain", f"a route along the roles {_sentences.chain_text(words, chain)}, each step one tie"
               + (f" ({words.relation(relation)})" if relation else "") + " in the tie's direction."),
              ("Distance fragmentation", "like fragmentation, but being far apart counts too: the mean of "
               "1 − 1/distance over all pairs (0 = everyone knows everyone directly; Borgatti 2006)."),
              ("Broker", "someone who connects two others who have no tie themselves (Gould & Fernandez 1989). By the "
               "roles of the three: coordinator (all three share a role), itinerant (the two others share a role, the "
               "broker does not), representative (the broker shares the role of the one passing on), gatekeeper (the "
               "broker shares the role of the one receiving), liaison (three different roles)."),
              ("Cut point", "a stakeholder without whom the network falls into more parts."),
              ("Density", "the share of all possible ties that exist.")])
    out = ["<dl>" + "".join(f"<dt>{escape(a)}</dt><dd>{escape(b)}</dd>" for a, b in terms) + "</dl>"]

    # Data quality: missing values per attribute, stakeholders without any tie or role.
    full = alliance.stakeholders(include_sensitive=True)
    sensitive = list(full.attrs.get("sensitive", []))
    shown = [c for c in frame.columns if c not in ("name", "kind", "roles", "waves")]
    quality = []
    for col in shown:
        missing = int(frame[col].isna().sum())
        if missing:
            quality.append(f"{col}: {missing} {'ontbrekend' if nl else 'missing'}")
    no_role = int(sum(1 for r in frame["roles"] if not list(r)))
    tied = set(alliance.ties()["source"]) | set(alliance.ties()["target"])
    untied = int(sum(1 for s in frame.index if s not in tied))
    lines = []
    if untied:
        lines.append((f"{words.plural(untied, 'stakeholder heeft', 'stakeholders hebben')} in geen enkele meting een "
                      "relatie (mogelijk niet-respondenten)." if nl else
                      f"{words.plural(untied, 'stakeholder has', 'stakeholders have')} no tie in any wave (possibly "
                      "non-respondents)."))
    if no_role:
        lines.append(f"{words.plural(no_role, 'stakeholder heeft', 'stakeholders hebben')} geen rol." if nl else
                     f"{words.plural(no_role, 'stakeholder holds', 'stakeholders hold')} no role.")
    if not lines:
        lines.append("Elke stakeholder heeft een rol en minstens één relatie." if nl else
                     "Every stakeholder holds a role and has at least one tie.")
    if quality:
        lines.append(("Ontbrekende waarden: " if nl else "Missing values: ") + "; ".join(quality) + ".")
    out.append(f"<h3>{'Kwaliteit van de gegevens' if nl else 'Data quality'}</h3>" + _p(*lines))

    # Privacy: what was left out and why.
    persons = int((frame["kind"] == "person").sum())
    privacy = []
    if not show_names and persons:
        privacy.append(f"{persons} personen staan onder een vaste schuilnaam (zoals ‘Wijkagent 1’); hun namen "
                       "staan niet in dit rapport." if nl else
                       f"{persons} persons appear under a fixed pseudonym (such as ‘Community police officer 1’); "
                       "their names are not in this report.")
    if sensitive and not show_sensitive:
        privacy.append(f"{len(sensitive)} gevoelig kenmerk (bijzondere persoonsgegevens, AVG art. 9) is weggelaten."
                       if nl and len(sensitive) == 1 else
                       f"{len(sensitive)} gevoelige kenmerken (bijzondere persoonsgegevens, AVG art. 9) zijn weggelaten."
                       if nl else f"{len(sensitive)} sensitive attribute(s) (special-category data, GDPR art. 9) "
                       "left out.")
    out.append(f"<h3>{'Privacy' if not nl else 'Privacy'}</h3>" + _p(*privacy, (
        f"Groepen van minder dan {SMALL_CELL} stakeholders worden niet getoond als ze een gevoelig kenmerk zouden "
        "onthullen." if nl else
        f"Groups of fewer than {SMALL_CELL} stakeholders are not shown where they would reveal a sensitive attribute.")))
    if sensitive and show_sensitive:
        protected = False
        for attr in sensitive:
            counts = full[attr].value_counts(dropna=False)
            small, protecting = small_cells(counts)
            protected = protected or bool(protecting)
            rows = [[escape(_value_label(words, value)), f"&lt; {SMALL_CELL}" if value in small else
                     PROTECTING if value in protecting else words.number(int(n), 0)] for value, n in counts.items()]
            out.append(_table([escape(attr), "stakeholders"], rows, "numbers"))
        if protected:
            out.append(_p(words.protecting_note()))
    return "".join(out)


def _value_label(words: Wording, value: Any) -> str:
    nl = words.lang == "nl"
    if value is None or (isinstance(value, float) and value != value):
        return "onbekend" if nl else "unknown"
    if isinstance(value, bool):
        return ("ja" if value else "nee") if nl else ("yes" if value else "no")
    return str(value)


_CSS = """
:root { --ink:#1f2328; --muted:#57606a; --line:#d0d7de; --accent:#E66100; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; line-height: 1.45; font-size: 15px; }
h1 { margin: 0 0 .2rem; font-size: 1.8rem; } h2 { border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { margin-bottom: .3rem; } .subtitle { color: var(--muted); margin-top: 0; }
nav ol { columns: 2; color: var(--muted); } nav a { color: inherit; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } table.numbers td:not(:first-child), table.numbers th:not(:first-child) { text-align: right; }
.badge { padding: .05rem .4rem; border-radius: .6rem; font-size: .8rem; white-space: nowrap; border: 1px solid; }
.badge.absent { background: #fde2e1; border-color: #cf222e; } .badge.isolated { background: #fff1d6; border-color: #bf8700; }
.badge.single { background: #fff8c5; border-color: #9a6700; } .badge.covered { background: #dafbe1; border-color: #1a7f37; }
.warning { background: #fff8c5; border-left: 4px solid #9a6700; padding: .4rem .6rem; }
.controls { margin: .4rem 0; display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }
.controls button, .route-button { font: inherit; border: 1px solid var(--line); background: #fff; border-radius: .3rem;
       padding: .2rem .6rem; cursor: pointer; text-align: left; }
.controls button.active { background: var(--ink); color: #fff; }
.print-note { display: none; }
.map-area { display: flex; gap: 1rem; align-items: flex-start; }
.maps { flex: 1 1 auto; min-width: 0; position: relative; }
.legend { flex: 0 0 235px; font-size: .85rem; border: 1px solid var(--line); border-radius: .3rem; padding: .4rem .6rem; }
.legend h4 { margin: .3rem 0 .2rem; } .legend ul { list-style: none; padding: 0; margin: 0; }
.legend li { display: flex; align-items: center; gap: .35rem; margin: .15rem 0; } .legend svg { flex: none; }
.wave-panel { display: none; margin: 0; } .wave-panel.active { display: block; }
figcaption { color: var(--muted); font-size: .85rem; }
svg.netmap { width: 100%; height: auto; border: 1px solid var(--line); border-radius: .3rem; background: #fff; }
svg.netmap text { font-size: 11px; fill: #1f2328; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.netmap .node { cursor: pointer; }
svg.netmap.dim .node:not(.hl) { opacity: .25; } svg.netmap.dim .tie:not(.hl) { opacity: .1; }
svg.netmap .tie.hl { stroke: var(--accent); stroke-width: 3; }
svg.netmap .node.route > :first-child { stroke: var(--accent); stroke-width: 4; }
.hover-box { min-height: 2.6rem; font-size: .85rem; color: var(--muted); margin-top: .3rem;
             position: sticky; bottom: 0; background: #fff; }  /* stays in view below a tall map */
svg.netmap text.num { display: none; } table.key { display: none; }
.routes { padding-left: 1.2rem; } .chain-map { margin: .5rem 0; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .5rem; }
/* A phone: the map full width above its legend; a wide table scrolls on its own instead of the page. */
@media screen and (max-width: 640px) {
  body { padding: .8rem; }
  nav ol { columns: 1; }
  .map-area { flex-direction: column; align-items: stretch; } .legend { flex: none; }
  table { display: block; overflow-x: auto; }
}
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, .controls button, .hover-box, .hint, .rel-toggle { display: none; }
  .print-note { display: inline; color: var(--muted); }
  section { break-before: page; } section:first-of-type { break-before: auto; }
  .wave-panel { display: block !important; break-inside: avoid; }
  /* The legend above its maps, so it never sits alone on a page after them; on paper the main map's marks carry
     numbers and the key table names them in full (long names would cross the ties). */
  .map-area { display: flex; flex-direction: column; align-items: stretch; }
  .legend { order: -1; columns: 3; break-inside: avoid; }
  .legend h4 { break-after: avoid; }
  .map-area svg.netmap { max-height: 18cm; }  /* with the legend above it, the first map fits on the page */
  .map-area svg.netmap text.name { display: none; }
  .map-area svg.netmap text.num { display: inline; font-size: 9px; font-weight: 700; fill: #000; stroke: #fff;
                                  stroke-width: 2.5px; }
  table.key { display: table; font-size: 8.5pt; break-inside: auto; } table.key tr { break-inside: avoid; }
  table, figure { break-inside: avoid; } tr { break-inside: avoid; }
}
"""

_JS = r"""
(function () {
  var data = JSON.parse(document.getElementById('wijknet-data').textContent);
  var box = document.querySelector('.hover-box');
  // Elements are found by comparing their data attributes here, never by a selector built from
  // them: a relation or wave key may hold any character (a quote would break the selector).
  function having(root, selector, test) {
    return Array.prototype.filter.call(root.querySelectorAll(selector), test);
  }
  function show(wave) {
    document.querySelectorAll('.wave-panel').forEach(function (p) { p.classList.toggle('active', p.dataset.wave === wave); });
    document.querySelectorAll('.wave-button').forEach(function (b) { b.classList.toggle('active', b.dataset.wave === wave); });
  }
  document.querySelectorAll('.wave-button').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.wave); }); });
  document.querySelectorAll('.rel-toggle').forEach(function (c) {
    c.addEventListener('change', function () {
      having(document, '.maps g.rel', function (g) { return g.dataset.relation === c.dataset.relation; }).forEach(function (g) {
        g.style.display = c.checked ? '' : 'none';
      });
    });
  });
  function clear(svg) {
    svg.classList.remove('dim');
    svg.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
  }
  function node(svg, id) {
    return having(svg, '.node', function (n) { return n.dataset.node === id; })[0];
  }
  document.querySelectorAll('.maps svg.netmap').forEach(function (svg) {
    var wave = svg.closest('.wave-panel').dataset.wave;
    svg.querySelectorAll('.node').forEach(function (dot) {
      var id = dot.dataset.node;
      function on() {
        clear(svg);
        svg.classList.add('dim');
        dot.classList.add('hl');
        having(svg, '.tie', function (t) { return t.dataset.s === id || t.dataset.t === id; }).forEach(function (t) {
          t.classList.add('hl');
          var n = node(svg, t.dataset.s === id ? t.dataset.t : t.dataset.s);
          if (n) n.classList.add('hl');
        });
        var lines = (data.ties[wave] || {})[id] || [data.none];
        box.textContent = data.info[id] + ': ' + lines.join('; ');
      }
      dot.addEventListener('mouseenter', on);
      dot.addEventListener('focus', on);
      dot.addEventListener('mouseleave', function () { clear(svg); box.textContent = ''; });
    });
  });
  document.querySelectorAll('.route-button').forEach(function (b) {
    b.addEventListener('click', function () {
      show(b.dataset.wave);
      var panel = having(document, '.wave-panel', function (p) { return p.dataset.wave === b.dataset.wave; })[0];
      if (!panel) return;
      var svg = panel.querySelector('svg');
      clear(svg);
      svg.querySelectorAll('.node.route').forEach(function (n) { n.classList.remove('route'); });
      var ids = b.dataset.route.split(' ');
      svg.classList.add('dim');
      ids.forEach(function (id, i) {
        var n = node(svg, id);
        if (n) { n.classList.add('hl'); n.classList.add('route'); }
        if (i + 1 < ids.length) {
          having(svg, '.tie', function (t) {
            return (t.dataset.s === id && t.dataset.t === ids[i + 1]) || (t.dataset.s === ids[i + 1] && t.dataset.t === id);
          }).forEach(function (t) { t.classList.add('hl'); });
        }
      });
      panel.scrollIntoView({behavior: 'smooth', block: 'center'});
    });
  });
})();
"""
