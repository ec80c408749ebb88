"""The plain-language sentences of the diagnostics, in English and Dutch.

Each function takes the structured result of one diagnostic and a :class:`Wording` (language,
labels, display names) and returns one or two sentences. The diagnostics' ``explanation`` and
``reason`` columns and the report are written with these, so a sentence reads the same wherever
it appears.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ._wording import TERMS, Wording


def _in_wave(w: Wording, wave: str) -> str:
    if not wave:
        return ""
    return f" in meting {w.wave(wave)}" if w.lang == "nl" else f" in wave {w.wave(wave)}"


def _level(w: Wording, level: str) -> str:
    if w.lang == "nl":
        return {"required": "vereiste", "recommended": "aanbevolen"}.get(level, level)
    return level


def chain_text(w: Wording, chain: Sequence[str]) -> str:
    """"bewonersinitiatief → lhbti+-organisatie → welzijnswerk → wijkagent"."""
    return " → ".join(w.role(r) for r in chain)


def coverage(w: Wording, row: Mapping[str, Any], wave: str) -> str:
    """The sentence of one role of :func:`wijknet.role_coverage`."""
    nl = w.lang == "nl"
    role = w.role(row["role"])
    level = _level(w, row["level"])
    where = _in_wave(w, wave)
    holders, isolated = list(row["holders"]), list(row["isolated_holders"])
    status = row["status"]
    if status == "absent":
        return (f"Geen enkele stakeholder{where} vervult de {level} rol {role}." if nl
                else f"No stakeholder{where} holds the {level} role {role}.")
    if status == "isolated":
        text = (f"De {level} rol {role} wordt vervuld door {w.names_of(holders)}, maar niemand van hen heeft"
                f"{where} een relatie met een ander." if nl else
                f"The {level} role {role} is held by {w.names_of(holders)}, but none of them has a tie with "
                f"anyone else{where}.")
        if len(holders) == 1:
            text += (" Het is bovendien de enige: een kwetsbaar punt." if nl
                     else " It is also the only holder: a single point of failure.")
        return text
    if status == "single":
        return (f"Alleen {w.name(holders[0])} vervult{where} de {level} rol {role}: een kwetsbaar punt; valt "
                f"deze weg, dan is de rol verdwenen." if nl else
                f"Only {w.name(holders[0])} holds the {level} role {role}{where}: a single point of failure; "
                f"if they leave, the role is gone.")
    text = (f"De {level} rol {role} wordt{where} vervuld door {len(holders)} stakeholders." if nl
            else f"The {level} role {role} is held by {len(holders)} stakeholders{where}.")
    if isolated:
        many = len(isolated) > 1
        text += ((f" Van hen {'hebben' if many else 'heeft'} {w.names_of(isolated)} met niemand een relatie.")
                 if nl else f" Of them, {w.names_of(isolated)} {'have' if many else 'has'} no tie with anyone.")
    return text


def chain(w: Wording, roles: Sequence[str], r: Mapping[str, Any], wave: str, relation_of_step: Sequence[str],
          next_holders: Sequence[str]) -> str:
    """The sentence of one wave of :func:`wijknet.chain_routes` (``r`` is the core's result).

    relation_of_step: the relation key of each step ("" for the scope's relations);
    next_holders: holders of the role after the step where the chain breaks.
    """
    nl = w.lang == "nl"
    text_chain = chain_text(w, roles)
    where = _in_wave(w, wave)
    if r["exists"]:
        route = " → ".join(w.name(i) for i in r["routes"][0]) if r["routes"] else ""
        length = r["length"]
        text = (f"De keten {text_chain} werkt{where}: de kortste route telt {w.plural(length, 'stap', 'stappen')} "
                f"({route})" if nl else
                f"The chain {text_chain} works{where}: the shortest route has {w.plural(length, 'tie', 'ties')} "
                f"({route})")
        n_short = int(r["shortest_routes"])
        if n_short > 1:
            text += f", een van {w.number(n_short, 0)} kortste routes" if nl else f", one of {w.number(n_short, 0)} shortest routes"
        disjoint = int(r["disjoint_routes"])
        if not r.get("disjoint_exact", True):
            # A stakeholder can take two places in a route: only the absence of a single breaking departure is
            # certain, not how many routes share no stakeholder.
            text += (". Geen enkel vertrek alleen breekt de keten." if nl else
                     ". No single departure breaks the chain.")
        elif disjoint <= 1:
            shares = dict(r["on_routes"])
            first = r["routes"][0] if r["routes"] else []
            needed = list(dict.fromkeys(i for i in first if shares.get(i, 0.0) >= 1.0 - 1e-12))
            if needed:
                text += (f". Er is maar één route zonder gedeelde stakeholders: de keten hangt af van "
                         f"{w.names_of(needed)} (op elke kortste route)." if nl else
                         f". Only one route shares no stakeholder with another: the chain depends on "
                         f"{w.names_of(needed)} (on every shortest route).")
            else:
                text += (". Er is maar één route zonder gedeelde stakeholders: één vertrek kan de keten breken."
                         if nl else ". Only one route shares no stakeholder with another: one departure can break "
                         "the chain.")
        else:
            text += (f". {disjoint} routes delen geen stakeholder: pas als {disjoint} stakeholders vertrekken, "
                     f"breekt de keten." if nl else
                     f". {disjoint} routes share no stakeholder: it takes {disjoint} departures to break the chain.")
        return text
    step = int(r["broken_step"])
    if not r["stranded"] and step == 1:
        return (f"De keten {text_chain} kan niet beginnen: geen stakeholder{where} vervult de rol "
                f"{w.role(roles[0])}." if nl else
                f"The chain {text_chain} cannot start: no stakeholder{where} holds the role {w.role(roles[0])}.")
    a, b = w.role(roles[step - 1]), w.role(roles[step])
    text = (f"De keten {text_chain} breekt{where} bij stap {step}, van {a} naar {b}: " if nl else
            f"The chain {text_chain} breaks{where} at step {step}, from {a} to {b}: ")
    if not next_holders:
        return text + (f"geen stakeholder vervult de rol {b}." if nl else f"no stakeholder holds the role {b}.")
    rel_key = relation_of_step[step - 1] if step - 1 < len(relation_of_step) else ""
    stranded = list(r["stranded"])
    many = len(stranded) > 1
    if nl:
        rel = f"{w.relation(rel_key)}srelatie" if rel_key else "relatie"
        rel = {"doorverwijzingsrelatie": "doorverwijzing", "samenwerkingsrelatie": "samenwerkingsrelatie",
               "vertrouwensrelatie": "vertrouwensrelatie"}.get(rel, rel)
        return text + (f"{w.names_of(stranded)} ({a}) {'hebben' if many else 'heeft'} geen {rel} naar iemand "
                       f"met de rol {b} ({w.names_of(next_holders)}).")
    rel = f"{w.relation(rel_key)} tie" if rel_key else "tie"
    return text + (f"{w.names_of(stranded)} ({a}) {'have' if many else 'has'} no {rel} to anyone holding {b} "
                   f"({w.names_of(next_holders)}).")


def chain_unmeasured(w: Wording, relation: str) -> str:
    """Why a chain follows every relation: the data hold no tie of the chain's own relation."""
    rel = w.relation(relation)
    return (f"De gegevens bevatten geen enkele relatie {rel}: die is niet gemeten, dus telt elke relatie als stap."
            if w.lang == "nl" else
            f"The data hold no {rel} tie at all: it was not measured, so every relation counts as a step.")


def suggestion(w: Wording, objective: str, source: str, target: str, source_role: str, target_role: str,
               before: float, after: float, chain_roles: Sequence[str] = (), closer: Sequence[str] = ()) -> str:
    """The reason of one suggested tie of :func:`wijknet.suggest_ties`."""
    nl = w.lang == "nl"

    def who(sid: str, role: str) -> str:
        return f"{w.name(sid)} ({w.role(role)})" if role else w.name(sid)

    s, t = who(source, source_role), who(target, target_role)
    if objective == "chain":
        if after > before:
            return (f"Verbindt {s} met {t}: daarna hebben {w.number(after, 0)} in plaats van {w.number(before, 0)} "
                    f"stakeholders met de rol {w.role(chain_roles[0])} een route door de keten." if nl else
                    f"Connects {s} to {t}: then {w.number(after, 0)} instead of {w.number(before, 0)} holders of "
                    f"{w.role(chain_roles[0])} have a route through the chain.")
        return (f"Verbindt {s} met {t}: een extra route door de keten die geen stakeholder deelt met de bestaande, "
                f"zodat één vertrek de keten niet meer breekt." if nl else
                f"Connects {s} to {t}: one more route through the chain that shares no stakeholder with the "
                f"existing ones, so one departure no longer breaks it.")
    if objective == "distance":
        a, b = (w.role(closer[0]), w.role(closer[1])) if len(closer) == 2 else ("", "")
        return (f"Verbindt {s} en {t}: {a} komt dichter bij {b} (gemiddelde 1/afstand van "
                f"{w.number(before, 3)} naar {w.number(after, 3)})." if nl else
                f"Connects {s} and {t}: brings {a} closer to {b} (mean 1/distance from {w.number(before, 3)} "
                f"to {w.number(after, 3)}).")
    return (f"Verbindt {s} en {t}: de fragmentatie daalt van {w.number(before, 3)} naar {w.number(after, 3)}, "
            f"dus meer stakeholders kunnen elkaar bereiken." if nl else
            f"Connects {s} and {t}: fragmentation falls from {w.number(before, 3)} to {w.number(after, 3)}, so "
            f"more stakeholders can reach each other.")


def guarded(w: Wording, removed: Sequence[str], wave: str) -> str:
    """Why :func:`wijknet.suggest_ties` without an objective plans for the key player's departure."""
    names = w.names_of(removed)
    return (f"De alliantie hangt{_in_wave(w, wave)} al samen: iedereen kan iedereen bereiken. Deze contacten houden "
            f"haar bijeen als {names}, de sleutelfiguur, vertrekt." if w.lang == "nl" else
            f"The alliance already holds together{_in_wave(w, wave)}: everyone can reach everyone. These contacts "
            f"keep it together if {names}, its key player, leaves.")


def no_suggestion(w: Wording, reason: str, wave: str = "", removed: Sequence[str] = (),
                  roles: Sequence[str] = ()) -> str:
    """Why :func:`wijknet.suggest_ties` suggests nothing. ``reason``: none_asked, connected,
    connected_without, robust, too_small, role_absent, chain_works, closest or constraints."""
    nl = w.lang == "nl"
    where = _in_wave(w, wave)
    names = w.names_of(removed)
    role_names = w.join(w.role(r) for r in roles)
    if reason == "none_asked":
        return "Er is om nul contacten gevraagd (k=0)." if nl else "No ties were asked for (k=0)."
    if reason == "connected":
        return (f"De alliantie hangt{where} al samen: iedereen kan iedereen bereiken, dus geen nieuw contact verlaagt "
                "de fragmentatie." if nl else
                f"The alliance already holds together{where}: everyone can reach everyone, so no new tie lowers "
                "the fragmentation.")
    if reason == "robust":
        return (f"De alliantie hangt{where} al samen, en geen enkel vertrek van één stakeholder verandert dat: er is "
                "geen nieuw contact nodig om haar bijeen te houden." if nl else
                f"The alliance already holds together{where}, and no single departure changes that: no new tie is "
                "needed to keep it together.")
    if reason == "connected_without":
        return (f"Ook zonder {names} hangt de alliantie{where} samen: iedereen kan iedereen bereiken, dus er is geen "
                "nieuw contact nodig." if nl else
                f"Even without {names} the alliance holds together{where}: everyone can reach everyone, so no new tie "
                "is needed.")
    if reason == "too_small":
        return (f"Er zijn{where} te weinig stakeholders om contacten voor te stellen." if nl else
                f"There are too few stakeholders{where} to suggest ties between.")
    if reason == "role_absent":
        return (f"Niemand vervult{where} de rol {role_names}, dus geen nieuw contact kan dit oplossen; zoek eerst "
                "iemand voor die rol." if nl else
                f"Nobody holds the role {role_names}{where}, so no new tie can help; find someone for that role first.")
    if reason == "chain_works":
        return (f"De keten werkt{where} al vanuit elke startende stakeholder, en geen nieuw contact voegt een route toe "
                "die met geen andere een stakeholder deelt." if nl else
                f"The chain already works{where} from every starting stakeholder, and no new tie adds a route that "
                "shares no stakeholder with the others.")
    if reason == "closest":
        return (f"Elke stakeholder met de rol {role_names} heeft{where} al een direct contact met de andere rol." if nl
                else f"Every holder of {role_names} is already tied directly to the other role{where}.")
    return ("Geen toegestaan nieuw contact verbetert dit; between=, exclude= of max_per_stakeholder= laten er geen "
            "over." if nl else
            "No allowed new tie improves this; between=, exclude= or max_per_stakeholder= leave none.")


def too_few_for_key_players(w: Wording, present: int, k: int) -> str:
    """Why no key players are named: a set of k needs more than k stakeholders."""
    return (f"Met {w.plural(present, 'stakeholder', 'stakeholders')} valt er geen groep van {k} sleutelfiguren te "
            f"kiezen: daarvoor zijn er meer dan {k} nodig." if w.lang == "nl" else
            f"With {w.plural(present, 'stakeholder', 'stakeholders')} there is no set of {k} key players to choose: "
            f"that takes more than {k}.")


def rises(before: float, after: float) -> bool:
    """Whether a fragmentation score really rises (beyond rounding in the last bits)."""
    return float(after) > float(before) + 1e-12


def key_players(w: Wording, players: Sequence[str], objective: str, score: float, before: float) -> str:
    """The sentence of :func:`wijknet.key_players`."""
    nl = w.lang == "nl"
    names = w.names_of(players)
    if objective == "reach":
        return (f"{names} bereiken samen {w.percent(score)} van de andere stakeholders." if nl
                else f"Together, {names} reach {w.percent(score)} of the other stakeholders.")
    measure = ("fragmentatie" if objective == "fragmentation" else "afstandsfragmentatie") if nl else \
        ("fragmentation" if objective == "fragmentation" else "distance fragmentation")
    many = len(players) > 1
    if not rises(before, score):
        # Nothing to lose: naming a "key player" here would state a risk that is not there.
        b = w.number(before, 3)
        if len(players) <= 1:  # every single departure is tried: exact
            return (f"Het vertrek van geen enkele stakeholder verhoogt de {measure}; die blijft {b}: niemand houdt "
                    "de alliantie in zijn eentje bijeen." if nl else
                    f"No single departure raises the {measure}; it stays {b}: no stakeholder holds the alliance "
                    "together on its own.")
        return (f"De zoektocht vond geen {len(players)} stakeholders wier vertrek samen de {measure} verhoogt; die "
                f"blijft {b}." if nl else
                f"The search found no {len(players)} stakeholders whose departure together raises the {measure}; "
                f"it stays {b}.")
    if nl:
        return (f"Zonder {names} stijgt de {measure} van {w.number(before, 3)} naar {w.number(score, 3)}: "
                f"{'zij houden' if many else 'deze stakeholder houdt'} de alliantie het meest bijeen.")
    return (f"Without {names} the {measure} rises from {w.number(before, 3)} to {w.number(score, 3)}: "
            f"{'they hold' if many else 'this stakeholder holds'} the alliance together most.")


def scenario(w: Wording, measure: str, before: Any, after: Any, change: Any, chain_roles: Sequence[str] = ()) -> str:
    """The sentence of one row of :meth:`wijknet.Scenario.compare`."""
    nl = w.lang == "nl"
    if measure.startswith("chain"):
        text = chain_text(w, chain_roles)
        if before and not after:
            return f"De keten {text} breekt." if nl else f"The chain {text} breaks."
        if after and not before:
            return f"De keten {text} wordt hersteld." if nl else f"The chain {text} is repaired."
        if after:
            return f"De keten {text} blijft werken." if nl else f"The chain {text} still works."
        return f"De keten {text} werkt ook dan niet." if nl else f"The chain {text} still does not work."
    if measure in ("roles_absent", "roles_single"):
        if not change:
            return ("Er gaat geen rol verloren." if measure == "roles_absent" else
                    "Geen rol komt op één vervuller te staan.") if nl else \
                   ("No role is lost." if measure == "roles_absent" else "No role comes to depend on one holder.")
        roles = w.join(w.role(r) for r in change)
        if measure == "roles_absent":
            return f"Niemand vervult dan nog: {roles}." if nl else f"Nobody would hold {roles} any more."
        return f"Alleen nog één stakeholder vervult: {roles}." if nl else f"Only one stakeholder would hold {roles}."
    digits = 0 if float(before).is_integer() and float(after).is_integer() else 3
    b, a = w.number(float(before), digits), w.number(float(after), digits)
    names = {k: (TERMS["nl"][k], TERMS["en"][k]) for k in (
        "stakeholders", "components", "largest_component", "fragmentation", "distance_fragmentation")}
    name = names.get(measure, (measure, measure))[0 if nl else 1]
    if after == before:
        return f"{name[:1].upper() + name[1:]}: blijft {b}." if nl else f"{name[:1].upper() + name[1:]}: stays {b}."
    if nl:
        return f"{name[:1].upper() + name[1:]}: van {b} naar {a}."
    return f"{name[:1].upper() + name[1:]}: from {b} to {a}."


def wave_change(w: Wording, before: str, after: str, ties: Any, joined: Sequence[str], left: Sequence[str],
                roles_gained: Sequence[str], roles_lost: Sequence[str], chains: Any, threshold: float,
                roles_compared: bool = True) -> list[str]:
    """The sentences of :func:`wijknet.compare_waves`: ties per relation, who joined and left, roles
    and chains. ``ties`` and ``chains`` are the frames of the comparison."""
    nl = w.lang == "nl"
    out = []
    for rel, row in ties.iterrows():
        name = w.relation(rel)
        g, lo, k = int(row["gained"]), int(row["lost"]), int(row["kept"])
        if nl:
            text = (f"Relaties van het soort {name}: {w.number(g, 0)} nieuw, {w.number(lo, 0)} verdwenen, "
                    f"{w.number(k, 0)} gebleven")
        else:
            text = f"{name[:1].upper() + name[1:]} ties: {w.number(g, 0)} gained, {w.number(lo, 0)} lost, {w.number(k, 0)} kept"
        jac = row["jaccard"]
        if jac == jac:  # not NaN
            text += f" (Jaccard {w.number(jac, 2)})"
            if jac < threshold:
                text += (": de twee metingen lijken zo weinig op elkaar dat een vergelijking weinig zegt" if nl else
                         ": the two waves share so few ties that comparing them says little")
        out.append(text + ".")
    if joined:
        out.append(f"Nieuw in de alliantie: {w.names_of(joined)}." if nl else f"Joined: {w.names_of(joined)}.")
    if left:
        out.append(f"Vertrokken: {w.names_of(left)}." if nl else f"Left: {w.names_of(left)}.")
    if roles_gained:
        out.append(f"Nieuw vervulde rollen: {w.join(w.role(r) for r in roles_gained)}." if nl else
                   f"Roles newly held: {w.join(w.role(r) for r in roles_gained)}.")
    if roles_lost:
        out.append(f"Rollen die niet meer vervuld zijn: {w.join(w.role(r) for r in roles_lost)}." if nl else
                   f"Roles no longer held: {w.join(w.role(r) for r in roles_lost)}.")
    if roles_compared and not roles_gained and not roles_lost:
        out.append("Dezelfde rollen zijn vervuld als bij de vorige meting." if nl else
                   "The same roles are held as at the earlier wave.")
    for _, row in chains.iterrows():
        text = chain_text(w, row["roles"])
        w0, w1 = bool(row["before"]), bool(row["after"])
        if w0 != w1:
            out.append((f"De keten {text} werkt nu wel, bij {w.wave(before)} niet." if w1 else
                        f"De keten {text} werkte bij {w.wave(before)} wel, nu niet.") if nl else
                       (f"The chain {text} works now; at {w.wave(before)} it did not." if w1 else
                        f"The chain {text} worked at {w.wave(before)}; now it does not."))
        else:
            out.append((f"De keten {text} werkt in beide metingen." if w1 else
                        f"De keten {text} werkt in geen van beide metingen.") if nl else
                       (f"The chain {text} works in both waves." if w1 else
                        f"The chain {text} works in neither wave."))
    return out
