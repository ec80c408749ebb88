"""The report across neighbourhoods: one self-contained HTML file for a programme that runs many
alliances (a :class:`wijknet.Study`).

Six sections: the study at a glance, the alliances and their key statistics per method and wave,
what changed between the waves per alliance, the methods compared (pooled permutation tests in
plain words), a small map per alliance, and method notes. The same rules as the report of one
alliance: persons appear under pseudonyms, and no attribute — sensitive or not — is shown.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any, Sequence

import pandas as pd

from ._layout import layout
from ._netmap import NetMap
from ._report import Report, _p, _section, _table, page
from ._study import Study, _method_label
from ._wording import Wording, check_lang

_CSS = """<style>
.small-maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: .8rem; }
.small-maps figure { margin: 0; border: 1px solid var(--line); border-radius: .3rem; padding: .3rem; break-inside: avoid; }
.small-maps svg.netmap { border: 0; } .small-maps svg.netmap text { display: none; }
.small-maps figcaption { font-size: .8rem; } tr.mean td { font-style: italic; border-bottom: 2px solid var(--line); }
.study-legend ul { columns: 4; } .study-legend li { break-inside: avoid; }
td.yes { color: #1a7f37; } td.no { color: #cf222e; }
</style>"""


def study_report(study: Study, lang: str = "en", waves: str | None = None, compare: str | None = None,
                 template: str | None = None, relation: str | None = None, chain: Sequence[str] | None = None,
                 show_names: bool = False, reps: int = 9999, seed: int = 1, client: Any = None) -> Report:
    """The report across the neighbourhoods of a study (called by :func:`wijknet.report` and
    :meth:`wijknet.Study.report`).

    ``waves``: the wave reported on (default the latest every alliance has); ``compare``: the
    earlier wave (default the one before). ``reps`` and ``seed``: the pooled tests; ``client``:
    the per-alliance work and the permutations as Dask tasks. ``template``, ``relation``, ``chain``
    and ``show_names`` as in :func:`wijknet.report`.

    Examples
    --------
    >>> import wijknet
    >>> st = wijknet.Study({"oost": (wijknet.load_example(), {"method": "samen_in_de_wijk"})})
    >>> r = study_report(st, lang="nl")
    >>> (r.wave, r.compare), "Kees Kwikstaart" in r.html
    (('T1', 'T0'), False)
    """
    from . import _core

    check_lang(lang)
    nl = lang == "nl"
    study = study._copied()  # one state of each alliance for the whole report
    common = study.waves()
    if waves is not None and waves not in common:
        raise _core.UnknownIdError(f"unknown wave '{waves}'; every alliance of the study has "
                                   f"{', '.join(common) or 'no common wave'}")
    wave = waves or (common[-1] if common else None)
    if compare is None and wave in common and common.index(wave) > 0:
        compare = common[common.index(wave) - 1]
    elif compare is not None and compare not in common:
        raise _core.UnknownIdError(f"unknown wave '{compare}'; every alliance of the study has "
                                   f"{', '.join(common) or 'no common wave'}")
    if wave is None:
        raise _core.InvalidValueError("the alliances of the study have no wave in common; give each the same waves "
                                      "(add_wave) to compare them")
    shown = [w for w in (compare, wave) if w]
    words = {name: Wording(a, lang, show_names) for name, a in study.alliances.items()}
    first = next(iter(words.values()))
    stats = study.statistics(waves=shown, template=template, chain=chain, relation=relation, client=client)
    change = (study.changes(compare, wave, template=template, chain=chain, relation=relation, client=client)
              if compare else None)

    sections = [_section(1, "Het onderzoek in één oogopslag" if nl else "The study at a glance",
                         _glance(study, stats, change, first, wave, compare), "glance"),
                _section(2, "Allianties en kerncijfers" if nl else "Alliances and key statistics",
                         _statistics(study, stats, first, shown), "statistics")]
    number = 3
    if change is not None:
        sections.append(_section(number, f"Wat veranderde tussen {first.wave(compare)} en {first.wave(wave)}" if nl else
                                 f"What changed between {first.wave(compare)} and {first.wave(wave)}",
                                 _changes(study, change, first), "changes"))
        number += 1
    sections.append(_section(number, "De methoden vergeleken" if nl else "The methods compared",
                             _methods(study, stats, change, first, wave, reps, seed, client), "methods"))
    sections.append(_section(number + 1, "Kaart per alliantie" if nl else "A map per alliance",
                             _maps(study, words, stats, wave, seed), "maps"))
    sections.append(_section(number + 2, "Toelichting" if nl else "Method notes",
                             _notes(study, first, show_names, reps, chain), "notes"))
    title = "Rapport over de wijken heen" if nl else "Report across neighbourhoods"
    subtitle = ((f"{len(study)} veiligheidsallianties · meting {first.wave(wave)}" if nl else
                 f"{len(study)} safety alliances · wave {first.wave(wave)}")
                + (f" ({'vergeleken met' if nl else 'compared with'} {first.wave(compare)})" if compare else ""))
    html = page(title, subtitle, sections, first).replace("</head>", _CSS + "</head>", 1)
    return Report(html, lang, wave, compare)


def _name(study: Study, name: str) -> str:
    """An alliance as a reader knows it: "Oost (Rivierstad)"."""
    municipality = study.labels.at[name, "municipality"]
    neighbourhood = study.labels.at[name, "neighbourhood"]
    label = neighbourhood if isinstance(neighbourhood, str) and neighbourhood else name
    return f"{label} ({municipality})" if isinstance(municipality, str) and municipality else label


def _method(study: Study, name: str, lang: str) -> str:
    m = study.labels.at[name, "method"]
    return _method_label(m, lang) if isinstance(m, str) and m else "–"


def _yes(value: Any, words: Wording) -> str:
    nl = words.lang == "nl"
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "<td>–</td>"
    return (f'<td class="yes">{"ja" if nl else "yes"}</td>' if value else
            f'<td class="no">{"nee" if nl else "no"}</td>')


def _order(study: Study) -> list[str]:
    """Alliances grouped by method (in sorted order), then by name."""
    labels = study.labels.assign(_m=study.labels["method"].fillna("~"))
    return list(labels.sort_values(["_m"], kind="stable").index)


def _glance(study: Study, stats: pd.DataFrame, change: pd.DataFrame | None, w: Wording, wave: str,
            compare: str | None) -> str:
    nl = w.lang == "nl"
    municipalities = study.labels["municipality"].dropna().nunique()
    methods = study.labels["method"].dropna().value_counts().sort_index()
    per_method = w.join(f"{w.number(int(n), 0)} {_method_label(m, w.lang)}" for m, n in methods.items())
    out = [(f"Het onderzoek omvat {w.plural(len(study), 'alliantie', 'allianties')}"
            + (f" in {w.plural(municipalities, 'gemeente', 'gemeenten')}" if municipalities else "")
            + (f": {per_method}." if per_method else ".")) if nl else
           (f"The study covers {w.plural(len(study), 'alliance', 'alliances')}"
            + (f" in {w.plural(municipalities, 'municipality', 'municipalities')}" if municipalities else "")
            + (f": {per_method}." if per_method else "."))]
    now = stats.xs(wave, level="wave")
    works = int(now["chain_works"].sum())
    full = int((now["required_held"] == now["required_roles"]).sum())
    out.append(f"In meting {w.wave(wave)} werkt de keten in {works} van de {len(now)} allianties; {full} hebben "
               "alle vereiste rollen vervuld." if nl else
               f"In wave {w.wave(wave)} the chain works in {works} of {len(now)} alliances; {full} hold every required "
               "role.")
    if change is not None:
        up, down = int((change["density_change"] > 0).sum()), int((change["density_change"] < 0).sum())
        out.append(f"Sinds {w.wave(compare)} werd het netwerk dichter in {up} en minder dicht in {down} allianties."
                   if nl else
                   f"Since {w.wave(compare)} the network grew denser in {up} and sparser in {down} alliances.")
    return _p(*out)


def _statistics(study: Study, stats: pd.DataFrame, w: Wording, shown: Sequence[str]) -> str:
    nl = w.lang == "nl"
    intro = _p("Per alliantie en meting: het aantal stakeholders en relaties (alle soorten samen), de dichtheid, "
               "het aantal vereiste rollen van de methode dat vervuld is, en of de keten werkt. Per methode volgt "
               "het gemiddelde." if nl else
               "Per alliance and wave: the number of stakeholders and ties (all relations together), density, how "
               "many of the method's required roles are held, and whether the chain works. Each method ends with its "
               "mean.")
    header = ["alliantie" if nl else "alliance", "methode" if nl else "method", "meting" if nl else "wave",
              "stakeholders", "relaties" if nl else "ties", "dichtheid" if nl else "density",
              "vereiste rollen" if nl else "required roles", "keten werkt" if nl else "chain works"]
    rows = []
    order = _order(study)
    methods = [study.labels.at[n, "method"] for n in order]
    for i, name in enumerate(order):
        for wave in shown:
            if (name, wave) not in stats.index:
                continue
            r = stats.loc[(name, wave)]
            held = f"{int(r['required_held'])}/{int(r['required_roles'])}" if r["required_roles"] else "–"
            cells = [escape(_name(study, name)), escape(_method(study, name, w.lang)), escape(w.wave(wave)),
                     w.number(r["stakeholders"], 0), w.number(r["ties"], 0), w.number(r["density"], 3), held]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + _yes(r["chain_works"], w) + "</tr>")
        last = i + 1 == len(order) or methods[i + 1] != methods[i]
        if last and isinstance(methods[i], str):
            group = stats[stats["method"] == methods[i]]
            for wave in shown:
                g = group.xs(wave, level="wave") if wave in group.index.get_level_values("wave") else None
                if g is None or g.empty:
                    continue
                cells = [("gemiddelde" if nl else "mean") + f" ({w.number(len(g), 0)})",
                         escape(_method_label(methods[i], w.lang)), escape(w.wave(wave)),
                         w.number(g["stakeholders"].mean(), 1), w.number(g["ties"].mean(), 1),
                         w.number(g["density"].mean(), 3),
                         w.percent(g["required_held"].sum() / g["required_roles"].sum())
                         if g["required_roles"].sum() else "–",
                         w.percent(g["chain_works"].mean())]
                rows.append('<tr class="mean">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    return intro + f'<table class="numbers"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _changes(study: Study, change: pd.DataFrame, w: Wording) -> str:
    nl = w.lang == "nl"
    intro = _p("Beschrijvend, per alliantie: relaties die erbij kwamen, verdwenen en bleven (alle soorten samen), de "
               "Jaccard-index (het deel van alle relaties dat in beide metingen voorkomt; onder 0,2 zijn de metingen "
               "nauwelijks vergelijkbaar), wie erbij kwam en vertrok, de verandering van de dichtheid, rollen die "
               "erbij kwamen of wegvielen, en de keten." if nl else
               "Descriptive, per alliance: ties gained, lost and kept (all relations together), the Jaccard index (the "
               "share of all ties present in both waves; below 0.2 the waves are hardly comparable), who joined and "
               "left, the change in density, roles newly held or lost, and the chain.")
    header = (["alliantie", "nieuw", "verdwenen", "gebleven", "Jaccard", "erbij", "vertrokken", "dichtheid ±",
               "rollen erbij", "rollen weg", "keten"] if nl else
              ["alliance", "gained", "lost", "kept", "Jaccard", "joined", "left", "density ±", "roles gained",
               "roles lost", "chain"])
    words = _chain_words(w)
    rows = []
    for name in _order(study):
        r = change.loc[name]
        rows.append([escape(_name(study, name)), w.number(r["gained"], 0), w.number(r["lost"], 0),
                     w.number(r["kept"], 0), w.number(r["jaccard"], 2),
                     w.number(r["joined"], 0), w.number(r["left"], 0),
                     ("+" if r["density_change"] > 0 else "") + w.number(r["density_change"], 3),
                     escape(w.join(w.role(x) for x in r["roles_newly_covered"]) or "–"),
                     escape(w.join(w.role(x) for x in r["roles_lost"]) or "–"),
                     escape(words[(bool(r["chain_before"]), bool(r["chain_after"]))])])
    low = [_name(study, n) for n in change.index if change.at[n, "jaccard"] < 0.2]
    note = (_p(f"Let op: in {w.join(low)} zijn de metingen nauwelijks vergelijkbaar (Jaccard onder 0,2)." if nl else
               f"Note: in {w.join(low)} the waves are hardly comparable (Jaccard below 0.2).") if low else "")
    return intro + _table(header, rows, "numbers") + note


def _chain_words(w: Wording) -> dict[tuple[bool, bool], str]:
    if w.lang == "nl":
        return {(True, True): "werkt", (False, False): "werkt niet", (False, True): "werkt nu", (True, False): "gestopt"}
    return {(True, True): "works", (False, False): "does not work", (False, True): "started", (True, False): "stopped"}


def _methods(study: Study, stats: pd.DataFrame, change: pd.DataFrame | None, w: Wording, wave: str, reps: int,
             seed: int, client: Any) -> str:
    nl = w.lang == "nl"
    groups = study.labels["method"].dropna().unique()
    if len(groups) != 2:
        return _p(f"Het onderzoek heeft {w.plural(len(groups), 'methode', 'methoden')}; een vergelijking van methoden "
                  "vraagt allianties van twee methoden." if nl else
                  f"The study has {w.plural(len(groups), 'method', 'methods')}; comparing methods needs alliances of "
                  "two methods.")
    tests = []
    now = stats.xs(wave, level="wave")
    density = now["density"].rename("dichtheid" if nl else "density")
    tests.append((f"{'Dichtheid in' if nl else 'Density in'} {w.wave(wave)}", density))
    share = (now["required_held"] / now["required_roles"].where(now["required_roles"] > 0)).rename(
        "aandeel vereiste rollen vervuld" if nl else "share of required roles held")
    if share.notna().sum() > 2:
        tests.append((f"{'Vereiste rollen in' if nl else 'Required roles in'} {w.wave(wave)}", share))
    if change is not None:
        tests.append(("Verandering van de dichtheid" if nl else "Change in density",
                      change["density_change"].rename("verandering van de dichtheid" if nl else "change in density")))
    rows, sentences = [], []
    method = study.labels["method"]
    for label, values in tests:
        known = values.dropna()
        if method.reindex(known.index).dropna().nunique() < 2:
            continue  # an alliance without this figure (no ties, not in the wave) is no unit of the test
        r = study.pooled_test(values, by="method", reps=reps, seed=seed, client=client, lang=w.lang)
        a, b = r.groups
        shown = (lambda v: w.percent(v)) if values is share else (lambda v: w.number(v, 3))  # noqa: E731
        rows.append([escape(label), shown(r.means[a]), shown(r.means[b]),
                     ("+" if r.difference > 0 else "") + shown(r.difference), f"{r.p_value:.3f}".replace(
                         ".", "," if nl else ".")])
        sentences.append(f"<li><strong>{escape(label)}.</strong> {escape(r.explanation)}</li>")
    if not rows:
        return _p("Te weinig allianties van beide methoden hebben deze cijfers om de methoden te vergelijken." if nl
                  else "Too few alliances of both methods have these figures to compare the methods.")
    a, b = sorted(groups)
    header = ["", _method_label(a, w.lang), _method_label(b, w.lang), "verschil" if nl else "difference", "p"]
    intro = _p("Verschillen de allianties van de twee methoden meer dan toeval? Elke toets verdeelt de "
               "methode-labels opnieuw over de allianties en telt hoe vaak het verschil tussen de gemiddelden even "
               "groot of groter is dan het echte verschil (een permutatietoets; de allianties zijn de eenheden)."
               if nl else
               "Do the alliances of the two methods differ by more than chance? Each test deals the method labels "
               "out over the alliances again and counts how often the difference between the means is as large as "
               "the real one or larger (a permutation test; the alliances are the units).")
    return intro + _table(header, rows, "numbers") + "<ul>" + "".join(sentences) + "</ul>"


def _maps(study: Study, words: dict[str, Wording], stats: pd.DataFrame, wave: str, seed: int) -> str:
    nl = next(iter(words.values())).lang == "nl"
    figures, legend = [], ""
    taxonomies = {tuple(r["key"] for r in a.roles) for a in study.alliances.values()}
    roles_present: list[str] = []
    kinds_present: set[str] = set()
    for name in _order(study):
        alliance = study.alliances[name]
        w = words[name]
        relations = [r["key"] for r in alliance.relations]
        netmap = NetMap(alliance, w, layout(alliance, seed=seed, waves=[wave]), relations)
        here = netmap.present(wave)
        frame = alliance.stakeholders()
        r = stats.loc[(name, wave)]
        caption = (f"{_name(study, name)} · {_method(study, name, w.lang)} · {w.number(r['stakeholders'], 0)} "
                   f"stakeholders, {w.number(r['ties'], 0)} {'relaties' if nl else 'ties'}")
        figures.append(f"<figure><figcaption>{escape(caption)}</figcaption>{netmap.svg(wave, caption=caption)}"
                       + ("" if len(taxonomies) == 1 else netmap.legend(
                           [r["key"] for r in alliance.roles if any(r["key"] in list(frame.at[s, "roles"]) for s in here)],
                           sorted({frame.at[s, "kind"] for s in here}), toggles=False))
                       + "</figure>")
        for r in alliance.roles:
            if r["key"] not in roles_present and any(r["key"] in list(frame.at[s, "roles"]) for s in here):
                roles_present.append(r["key"])
        kinds_present |= {frame.at[s, "kind"] for s in here}
        shared = netmap if len(taxonomies) == 1 else None  # one taxonomy: one legend serves every map
    if shared is not None:
        order = [r["key"] for r in next(iter(study.alliances.values())).roles]
        legend = shared.legend([k for k in order if k in roles_present], sorted(kinds_present), toggles=False)
    intro = _p(f"Elke alliantie in meting {next(iter(words.values())).wave(wave)}: de kleur is de rol, de vorm de "
               "soort stakeholder, lijnen zijn relaties. Ga met de muis over een stakeholder voor de naam en rol; "
               "personen staan onder een schuilnaam." if nl else
               f"Each alliance in wave {next(iter(words.values())).wave(wave)}: colour is the role, shape the kind of "
               "stakeholder, lines are ties. Hover over a stakeholder for its name and role; persons appear under a "
               "pseudonym.")
    return intro + f'<div class="small-maps">{"".join(figures)}</div><div class="study-legend">{legend}</div>'


def _notes(study: Study, w: Wording, show_names: bool, reps: int, chain: Sequence[str] | None) -> str:
    from ._report import DEFAULT_CHAIN
    from ._sentences import chain_text

    nl = w.lang == "nl"
    route = chain_text(w, list(chain or DEFAULT_CHAIN))
    terms = ([("Dichtheid", "het aandeel van alle mogelijke relaties dat bestaat, over de stakeholders die in de "
               "meting meedoen."),
              ("Vereiste rollen", "de rollen die het methodesjabloon vereist (Samen in de Wijk of Alle Kleuren, naar "
               "het label van de alliantie); een rol telt als vervuld als iemand haar vervult."),
              ("Keten", f"een route langs de rollen {route}, elke stap een relatie (doorverwijzing als de "
               "alliantie die heeft)."),
              ("Jaccard-index", "gebleven relaties gedeeld door alle relaties van beide metingen samen."),
              ("Permutatietoets", f"de methode-labels worden {w.number(reps, 0)} keer willekeurig over de allianties "
               "verdeeld (bij weinig allianties: alle verdelingen); p is het deel van de verdelingen met een even "
               "groot of groter verschil (Phipson & Smyth 2010). Een kleine p (onder 0,05) maakt toeval "
               "onwaarschijnlijk; een grote p bewijst niet dat de methoden gelijk zijn.")]
             if nl else
             [("Density", "the share of all possible ties that exist, among the stakeholders taking part in the wave."),
              ("Required roles", "the roles the method template requires (Samen in de Wijk or Alle Kleuren, after the "
               "alliance's label); a role counts as held when someone holds it."),
              ("Chain", f"a route along the roles {route}, each step a tie (a referral when the alliance has "
               "them)."),
              ("Jaccard index", "ties kept divided by all ties of both waves together."),
              ("Permutation test", f"the method labels are dealt out over the alliances {w.number(reps, 0)} times at "
               "random (with few alliances: every way); p is the share of deals with a difference as large or larger "
               "(Phipson & Smyth 2010). A small p (below 0.05) makes chance unlikely; a large p does not prove the "
               "methods equal.")])
    out = ["<dl>" + "".join(f"<dt>{escape(a)}</dt><dd>{escape(b)}</dd>" for a, b in terms) + "</dl>"]
    persons = sum(int((a.stakeholders()["kind"] == "person").sum()) for a in study.alliances.values())
    sensitive = sorted({s for a in study.alliances.values()
                        for s in a.stakeholders(include_sensitive=True).attrs.get("sensitive", [])})
    privacy = []
    if persons and not show_names:
        privacy.append(f"{persons} personen staan op de kaarten onder een schuilnaam (zoals ‘Wijkagent 1’, per "
                       "alliantie genummerd); hun namen staan niet in dit rapport." if nl else
                       f"{persons} persons appear on the maps under a pseudonym (such as ‘Community police officer 1’, "
                       "numbered per alliance); their names are not in this report.")
    privacy.append("Dit rapport toont geen kenmerken van stakeholders"
                   + (f"; {w.plural(len(sensitive), 'gevoelig kenmerk', 'gevoelige kenmerken')} (bijzondere "
                      "persoonsgegevens, AVG art. 9) blijven buiten beeld." if sensitive else ".") if nl else
                   "This report shows no attributes of stakeholders"
                   + (f"; {w.plural(len(sensitive), 'sensitive attribute', 'sensitive attributes')} (special-category "
                      "data, GDPR art. 9) stay out of sight." if sensitive else "."))
    out.append(f"<h3>Privacy</h3>{_p(*privacy)}")
    return "".join(out)
