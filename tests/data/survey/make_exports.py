"""Make the survey-export test files: one roster survey of the fictional alliance of Lindehaven, two waves,
as four survey tools export it.

    python3 tests/data/survey/make_exports.py [OUT]      # default OUT: the folder of this script

The answers are drawn once (seeded) and written in every shape, so every shape of a wave must read to the same
ties. Twelve stakeholders (``roster/stakeholders.csv``) answer two questions about each other: how often they
work together (1 = nooit ... 5 = wekelijks, undirected collaboration) and how far they trust each other (1-4,
directed trust).

- ``t0_qualtrics.csv`` (T0): Qualtrics-like. UTF-8 with a byte order mark, commas, three header rows (codes,
  question texts "... - Partner", ImportId JSON), metadata columns (StartDate, Progress, Finished ...), the
  respondent's stakeholder id in ``ExternalReference``, a free-text ``Q1`` "Uw organisatie"; the text row
  names the community police officer "Wijkagent de Vries" (no initial). Woonstede, OBS De Regenboog and the
  Meldpunt did not respond; Woonstede opened the survey and left it (a row with no answers).
- ``t0_limesurvey.tsv`` (T0): LimeSurvey-like. UTF-8 without byte order mark, tabs, one header row of code and
  question text (``SAMEN[SQ001]. Hoe vaak werkt u samen met: [Partner]``), answers as full text ("Nooit",
  "Maandelijks" ...), respondents by their token (``tok...``), the same answers as the Qualtrics file.
- ``t0_long.csv`` (T0): long form, one row per respondent and partner, names instead of ids, semicolons.
- ``t1_forms.csv`` (T1): Microsoft-Forms-like, as the issue describes it. Windows-1252, semicolons, CRLF, one
  header row of full question texts (``Hoe vaak werkt u samen met Wijkagent S. de Vries? (1 = nooit, 5 =
  wekelijks)``, ``In hoeverre vertrouwt u Stichting Roze Lindehaven? (1-4)``), metadata ``Respondent ID``,
  ``Startdatum``, ``Einddatum``, ``E-mail``, ``Opmerkingen``, the respondent named in ``Uw organisatie``
  (one writes "Roze Lindehaven"), answers ``1``-``5``, ``4.0``, ``Weet niet`` and blanks. Only Stichting Al
  Amal did not respond. The collaboration answers are chosen so that the density is known by hand (see
  ``T1_PAIRS``).
- ``t1_forms_bad.csv``: ``t1_forms.csv`` with one mistake of each kind ``wijknet check`` finds.

Only the standard library is used.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent

# id, name, kind, role; the order is the roster's (the order of the question columns).
ROSTER = [
    ("wijkagent_devries", "Wijkagent S. de Vries", "persoon", "wijkagent"),
    ("welzijn", "Welzijn Lindehaven", "organisatie", "welzijnswerk"),
    ("jongerenwerk", "Jongerenwerk Oost", "organisatie", "welzijnswerk"),
    ("roze_lindehaven", "Stichting Roze Lindehaven", "organisatie", "lhbti_organisatie"),
    ("gemeente", "Gemeente Lindehaven", "organisatie", "gemeente"),
    ("brug", "Buurthuis De Brug", "initiatief", "bewonersinitiatief"),
    ("buurtpreventie", "Buurtpreventie Oost", "initiatief", "bewonersinitiatief"),
    ("al_amal", "Stichting Al Amal", "organisatie", "zelforganisatie"),
    ("aisha", "Vrouwencentrum Aïsha", "organisatie", "zelforganisatie"),
    ("woonstede", "Woonstede", "organisatie", "sociale_partner"),
    ("regenboog", "OBS De Regenboog", "organisatie", "sociale_partner"),
    ("meldpunt", "Meldpunt Discriminatie Lindehaven", "organisatie", "antidiscriminatievoorziening"),
]
IDS = [r[0] for r in ROSTER]
NAME = {r[0]: r[1] for r in ROSTER}
DONT_KNOW = "Weet niet"
FREQUENCY = {1: "Nooit", 2: "Een paar keer per jaar", 3: "Maandelijks", 4: "Een paar keer per maand", 5: "Wekelijks"}
TRUST = {1: "Helemaal niet", 2: "Een beetje", 3: "Redelijk", 4: "Volledig"}
TOKENS = {sid: f"tok{7301 + 37 * i}" for i, sid in enumerate(IDS)}

T0_NOT = {"woonstede", "regenboog", "meldpunt"}  # no answers at T0 (woonstede has a row without any)
T1_NOT = {"al_amal"}                              # no row at T1

# T1 collaboration, the pairs by what their answers make of them (docs/survey.md; tests/python/test_survey.py
# computes the density from these counts). 66 pairs of 12 stakeholders:
# - 2 pairs with no number from either side: (al_amal, woonstede) - Al Amal did not respond, Woonstede said
#   "Weet niet" - and (regenboog, meldpunt), both "Weet niet";
# - 20 pairs whose every answer is 1 = nooit (or 1 and "Weet niet");
# - 44 pairs where at least one side answered 2 or more.
T1_UNKNOWN = {("al_amal", "woonstede"), ("regenboog", "meldpunt")}
T1_PAIRS = {"unknown": 2, "never": 20, "tie": 44}


def pairs():
    return list(combinations(IDS, 2))


def draw_collaboration(rng: random.Random, absent: set[str], unknown: set[tuple[str, str]], never: int) -> dict:
    """answers[(i, j)] = what i answered about j: 1-5 or DONT_KNOW; nothing for non-respondents."""
    answers: dict[tuple[str, str], object] = {}
    rest = [p for p in pairs() if p not in unknown]
    rng.shuffle(rest)
    kinds = {p: "never" for p in rest[:never]} | {p: "tie" for p in rest[never:]} | {p: "unknown" for p in unknown}
    for (i, j), kind in sorted(kinds.items()):
        sides = [s for s in ((i, j), (j, i)) if s[0] not in absent]
        if kind == "unknown":
            for s in sides:
                answers[s] = DONT_KNOW
        elif kind == "never":
            for n, s in enumerate(sides):
                answers[s] = DONT_KNOW if n == 1 and rng.random() < 0.15 else 1
        else:
            first = True
            for s in sides:
                roll = rng.random()
                if first or roll > 0.3:
                    answers[s] = rng.randint(2, 5)
                else:
                    answers[s] = 1 if roll < 0.2 else DONT_KNOW
                first = False
            if len(sides) == 2 and rng.random() < 0.5:  # the answer of 2+ may be on either side
                a, b = sides
                answers[a], answers[b] = answers[b], answers[a]
    return answers


def draw_trust(rng: random.Random, absent: set[str], blank: dict[str, int]) -> dict:
    """answers[(i, j)] = how far i trusts j: 1-4, DONT_KNOW, or "" (left blank: the first blank[i] partners)."""
    answers: dict[tuple[str, str], object] = {}
    for i in IDS:
        if i in absent:
            continue
        left = blank.get(i, 0)
        for j in IDS:
            if i == j:
                continue
            if left:
                answers[(i, j)], left = "", left - 1
            else:
                answers[(i, j)] = DONT_KNOW if rng.random() < 0.08 else rng.randint(1, 4)
    return answers


def check_t1(collaboration: dict) -> None:
    """The T1 pair counts the docs and tests rely on."""
    counts = {"unknown": 0, "never": 0, "tie": 0}
    for i, j in pairs():
        numbers = [v for v in (collaboration.get((i, j)), collaboration.get((j, i))) if isinstance(v, int)]
        counts["unknown" if not numbers else "tie" if max(numbers) >= 2 else "never"] += 1
    assert counts == T1_PAIRS, counts


def write(path: Path, rows: list[list[str]], delimiter: str, encoding: str, newline: str = "\n",
          bom: bool = False) -> None:
    text = io.StringIO()
    w = csv.writer(text, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    data = text.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def cell(value: object) -> str:
    return "" if value is None else str(value)


def qualtrics(collaboration: dict, trust: dict) -> list[list[str]]:
    """T0 as Qualtrics exports it: codes, question texts, ImportIds; then one row per response."""
    meta = ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished", "ResponseId",
            "ExternalReference", "Q1"]
    meta_text = ["Start Date", "End Date", "Response Type", "Progress", "Duration (in seconds)", "Finished",
                 "Response ID", "External Data Reference", "Uw organisatie"]
    meta_ids = ['{"ImportId":"startDate","timeZone":"Europe/Amsterdam"}',
                '{"ImportId":"endDate","timeZone":"Europe/Amsterdam"}', '{"ImportId":"status"}',
                '{"ImportId":"progress"}', '{"ImportId":"duration"}', '{"ImportId":"finished"}',
                '{"ImportId":"_recordId"}', '{"ImportId":"externalDataReference"}', '{"ImportId":"QID1_TEXT"}']
    text_name = dict(NAME, wijkagent_devries="Wijkagent de Vries")
    codes, texts, import_ids = list(meta), list(meta_text), list(meta_ids)
    for q, question in ((2, "Hoe vaak werkt u samen met de volgende partners? (1 = nooit, 5 = wekelijks)"),
                        (3, "In hoeverre vertrouwt u de volgende partners? (1 = helemaal niet, 4 = volledig)")):
        for n, j in enumerate(IDS, start=1):
            codes.append(f"Q{q}_{n}")
            texts.append(f"{question} - {text_name[j]}")
            import_ids.append(json.dumps({"ImportId": f"QID{q}_{n}"}, separators=(",", ":")))
    rows = [codes, texts, import_ids]
    for k, i in enumerate(IDS):
        if i in T0_NOT and i != "woonstede":
            continue
        started, ended = f"2021-10-{4 + k:02d} 09:{10 + k:02d}:00", f"2021-10-{4 + k:02d} 09:{30 + k:02d}:00"
        answered = i not in T0_NOT
        row = [started, ended, "IP Address",
               "100" if answered else "12", str(600 + 17 * k), "True" if answered else "False", f"R_3xK{k}aPq9",
               i, NAME[i] if answered else ""]
        for table in (collaboration, trust):
            row += [cell(table.get((i, j))) if answered and i != j else "" for j in IDS]
        rows.append(row)
    return rows


def limesurvey(collaboration: dict, trust: dict) -> list[list[str]]:
    """T0 as LimeSurvey exports it ("question code & question text" headings, full answer texts)."""
    header = ["id", "submitdate", "lastpage", "startlanguage", "token"]
    for code, question in (("SAMEN", "Hoe vaak werkt u samen met:"), ("VERTR", "In hoeverre vertrouwt u:")):
        header += [f"{code}[SQ{n:03d}]. {question} [{NAME[j]}]" for n, j in enumerate(IDS, start=1)]
    rows = [header]
    for k, i in enumerate(IDS):
        if i in T0_NOT:
            continue
        row = [str(k + 1), f"2021-10-{4 + k:02d} 10:{10 + k:02d}:00", "3", "nl", TOKENS[i]]
        for table, labels in ((collaboration, FREQUENCY), (trust, TRUST)):
            for j in IDS:
                v = table.get((i, j)) if i != j else ""
                row.append(labels[v] if isinstance(v, int) else cell(v))
        rows.append(row)
    return rows


def long_form(collaboration: dict, trust: dict) -> list[list[str]]:
    rows = [["Respondent", "Partner", "Samenwerking", "Vertrouwen"]]
    for i in IDS:
        if i in T0_NOT:
            continue
        for j in IDS:
            if i != j:
                rows.append([NAME[i], NAME[j], cell(collaboration.get((i, j))), cell(trust.get((i, j)))])
    return rows


def forms(collaboration: dict, trust: dict) -> list[list[str]]:
    """T1 as Microsoft Forms exports it, as the issue describes it."""
    header = ["Respondent ID", "Startdatum", "Einddatum", "E-mail", "Uw organisatie"]
    header += [f"Hoe vaak werkt u samen met {'Buurthuis de Brug' if j == 'brug' else NAME[j]}? "
               "(1 = nooit, 5 = wekelijks)" for j in IDS]
    header += [f"In hoeverre vertrouwt u {NAME[j]}? (1-4)" for j in IDS]
    header.append("Opmerkingen")
    rows = [header]
    number = 0
    for k, i in enumerate(IDS):
        if i in T1_NOT:
            continue
        number += 1
        who = "Roze Lindehaven" if i == "roze_lindehaven" else NAME[i]
        row = [str(number), f"3-10-2022 {9 + k // 4}:{(k * 7) % 60:02d}", f"3-10-2022 {10 + k // 4}:{(k * 7) % 60:02d}",
               f"{i}@lindehaven.example", who]
        for table in (collaboration, trust):
            for j in IDS:
                v = table.get((i, j)) if i != j else ""
                # Excel re-saved some numbers as 4.0; nobody fixed it.
                row.append(f"{v}.0" if isinstance(v, int) and (k + IDS.index(j)) % 9 == 0 else cell(v))
        row.append("Fijn dat we dit doen – tot de volgende bijeenkomst!" if i == "gemeente" else "")
        rows.append(row)
    return rows


def forms_bad(rows: list[list[str]]) -> list[list[str]]:
    """t1_forms.csv with one mistake of each kind: see EXPECTED in tests/python/test_survey.py."""
    rows = [list(r) for r in rows]
    header = rows[0]
    roze = header.index("Hoe vaak werkt u samen met Stichting Roze Lindehaven? (1 = nooit, 5 = wekelijks)")
    header[roze] = "Hoe vaak werkt u samen met Stichting Roze Lindenhaven? (1 = nooit, 5 = wekelijks)"  # renamed
    who = header.index("Uw organisatie")
    brug = next(r for r in rows[1:] if r[who] == "Buurthuis De Brug")
    brug[who] = "Buurthuis De Bron"                                  # not on the roster
    gemeente = next(r for r in rows[1:] if r[who] == "Gemeente Lindehaven")
    gemeente[roze - 1] = "Soms"                                       # not on the scale
    gemeente[roze + 2] = "7"                                          # outside 1-5
    welzijn = next(r for r in rows[1:] if r[who] == "Welzijn Lindehaven")
    rows.append(list(welzijn))                                        # a respondent twice
    rows[-1][0] = str(len(rows) - 1)
    return rows


def main(out: Path) -> None:
    rng = random.Random(20)
    t0_collaboration = draw_collaboration(rng, T0_NOT, set(), 22)
    t0_trust = draw_trust(rng, T0_NOT, {"jongerenwerk": 3})
    t1_collaboration = draw_collaboration(rng, T1_NOT, T1_UNKNOWN, T1_PAIRS["never"])
    check_t1(t1_collaboration)
    t1_trust = draw_trust(rng, T1_NOT, {})
    (out / "roster").mkdir(parents=True, exist_ok=True)
    write(out / "roster" / "stakeholders.csv", [["id", "naam", "soort", "rol"], *map(list, ROSTER)], ",", "utf-8")
    write(out / "t0_qualtrics.csv", qualtrics(t0_collaboration, t0_trust), ",", "utf-8", bom=True)
    write(out / "t0_limesurvey.tsv", limesurvey(t0_collaboration, t0_trust), "\t", "utf-8")
    write(out / "t0_long.csv", long_form(t0_collaboration, t0_trust), ";", "utf-8")
    t1 = forms(t1_collaboration, t1_trust)
    write(out / "t1_forms.csv", t1, ";", "cp1252", newline="\r\n")
    write(out / "t1_forms_bad.csv", forms_bad(t1), ";", "cp1252", newline="\r\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
