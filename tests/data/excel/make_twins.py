"""Make the Excel-export test folders from the bundled example (examples/data), so they stay in step with it.

    python3 tests/data/excel/make_twins.py [OUT]      # default OUT: the folder of this script

Writes three folders of one alliance:

- ``clean/``: UTF-8, commas, English headers and keys, every undirected tie listed once (the layout wijknet
  writes);
- ``export/``: the same alliance as Dutch Excel's "CSV (;)" saves it after a survey: Windows-1252,
  semicolons, CRLF, decimal commas, WAAR/ONWAAR, Dutch headers, Dutch names of kinds, roles and relations,
  blank rows (``;;;;``), two empty columns at the end of every line, and every undirected tie listed from
  both sides;
- ``broken/``: ``export/`` with one mistake of each kind the checker finds (see ``broken/EXPECTED.txt``).

The example holds one character Windows-1252 lacks (ş); both twins spell it s. A few weights become x.5 and
one tie note gets curly quotes and a euro sign, in both twins, so the decimal comma and Windows-1252 matter.
Only the standard library is used.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[2] / "examples" / "data"

KINDS_NL = {"organisation": "Organisatie", "person": "persoon", "initiative": "Initiatief", "group": "groep"}
# Dutch names of the built-in roles and relations as people type them (labels and aliases, any case).
ROLES_NL = {
    "wijkagent": "Wijkagent", "welzijnswerk": "welzijn", "zelforganisatie": "Zelforganisatie",
    "lhbti_organisatie": "LHBTI+ organisatie", "bewonersinitiatief": "bewonersinitiatief",
    "sociale_partner": "Sociale partner", "gemeente": "gemeente", "antidiscriminatievoorziening": "ADV",
    "kerngroep": "kerngroeplid", "bewoner": "Bewoner",
}
RELATIONS_NL = {"collaboration": "samenwerking", "information": "Informatie delen", "referral": "doorverwijzing",
                "trust": "Vertrouwen"}
HEADERS_NL = {
    "waves.csv": {"key": "Meting", "label": "Label", "date": "Datum"},
    "relations.csv": {"key": "Sleutel", "label": "Naam", "directed": "Gericht"},
    "stakeholders.csv": {"id": "id", "name": "Naam", "kind": "Soort", "role": "Rol", "waves": "Metingen"},
    "ties.csv": {"source": "Van", "target": "Naar", "relation": "Relatie", "wave": "Meting", "weight": "Gewicht"},
    "events.csv": {"id": "id", "name": "naam", "date": "datum", "theme": "Thema's", "organisers": "Organisatoren"},
    "participation.csv": {"stakeholder": "Deelnemer", "event": "Activiteit"},
}
FILES = ["waves.csv", "relations.csv", "stakeholders.csv", "ties.csv", "events.csv", "participation.csv"]


def read_example() -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    tables = {}
    for name in FILES:
        with open(EXAMPLE / name, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            rows = [{k: v.replace("ş", "s") for k, v in row.items()} for row in reader]
            tables[name] = (list(reader.fieldnames or []), rows)
    # Decimal weights and Windows-1252 punctuation, in both twins.
    header, ties = tables["ties.csv"]
    for i, row in enumerate(ties):
        if i % 7 == 3:
            row["weight"] = str(float(row["weight"]) - 0.5)
    ties[0]["note"] = "“vaste” afspraak, € 50 budget"
    return tables


def write_clean(tables, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        header, rows = tables[name]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        (out / name).write_bytes(buffer.getvalue().encode("utf-8"))


def dutch_number(text: str) -> str:
    if text in ("", None):
        return ""
    value = float(text)
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")


def excel_tables(tables):
    """The rows as Dutch Excel writes them (still as lists of cells, header first)."""
    out = {}
    undirected = {r["key"] for r in tables["relations.csv"][1] if r["directed"] == "false"}
    for name in FILES:
        header, rows = tables[name]
        names = HEADERS_NL[name]
        lines = [[names.get(h, h) for h in header]]
        for row in rows:
            row = dict(row)
            if name == "relations.csv":
                row["directed"] = {"true": "WAAR", "false": "ONWAAR"}[row["directed"]]
            if name == "stakeholders.csv":
                row["kind"] = KINDS_NL[row["kind"]]
                row["role"] = "|".join(ROLES_NL[r] for r in row["role"].split("|") if r)
                for column in ("volunteer", "lhbti_focus:sensitive"):
                    row[column] = {"true": "WAAR", "false": "ONWAAR"}.get(row[column], row[column])
            if name == "ties.csv":
                row["weight"] = dutch_number(row["weight"])
                relation = row["relation"]
                row["relation"] = RELATIONS_NL[relation]
            lines.append([row[h] for h in header])
            if name == "ties.csv" and relation in undirected:  # the other side's answer
                other = dict(row, source=row["target"], target=row["source"])
                lines.append([other[h] for h in header])
        out[name] = lines
    return out


def excel_bytes(lines: list[list[str]], blank_every: int = 9) -> bytes:
    """Semicolons, CRLF, two empty columns at the end, a blank row every few rows, Windows-1252."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    width = len(lines[0]) + 2
    for i, cells in enumerate(lines):
        writer.writerow(cells + ["", ""])
        if i % blank_every == blank_every - 1:
            buffer.write(";" * (width - 1) + "\r\n")
    buffer.write(";" * (width - 1) + "\r\n")  # Excel's habit: an empty last row
    return buffer.getvalue().encode("cp1252")


def write_export(lines_by_file, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, lines in lines_by_file.items():
        (out / name).write_bytes(excel_bytes(lines))


def find(lines, column: str, value: str) -> int:
    index = lines[0].index(column)
    return next(i for i, row in enumerate(lines) if i > 0 and row[index] == value)


def write_broken(lines_by_file, out: Path) -> None:
    """One mistake of each kind; EXPECTED.txt lists them for people (the tests spell out the exact problems)."""
    lines = {name: [list(row) for row in rows] for name, rows in lines_by_file.items()}
    notes = []
    # relations.csv: a direction that is not true or false.
    rel = lines["relations.csv"]
    rel[1][rel[0].index("Gericht")] = "misschien"
    notes.append("relations.csv: 'misschien' in column Gericht")
    # stakeholders.csv: a misspelled header (so no role is read: a warning too) and an unknown kind.
    st = lines["stakeholders.csv"]
    st[0][st[0].index("Rol")] = "Rolen"
    st[3][st[0].index("Soort")] = "clubhuis"
    notes.append("stakeholders.csv: header 'Rolen' (did you mean 'role'?); no roles read; kind 'clubhuis'")
    # ties.csv: an unknown stakeholder, a weight that is no number, the two sides of a collaboration
    # disagreeing on its weight, and a row with a stray extra field.
    ties = lines["ties.csv"]
    h = ties[0]
    ties[5][h.index("Naar")] = ties[5][h.index("Naar")] + "x"
    ties[8][h.index("Gewicht")] = "veel"
    first = next(i for i in range(1, len(ties)) if ties[i][h.index("Relatie")] == "samenwerking" and i > 20)
    ties[first + 1][h.index("Gewicht")] = "1"  # its mirror row
    ties[12] = ties[12] + ["", "", "stray"]
    notes.append("ties.csv: unknown stakeholder, 'veel' as weight, both sides of a tie with different weights, "
                 "a stray field")
    # events.csv: an unknown theme.
    ev = lines["events.csv"]
    ev[2][ev[0].index("Thema's")] = "veilighied"
    notes.append("events.csv: theme 'veilighied'")
    # participation.csv: an unknown event.
    pa = lines["participation.csv"]
    pa[4][pa[0].index("Activiteit")] = "ev99_onbekend"
    notes.append("participation.csv: event 'ev99_onbekend'")
    write_export(lines, out)
    (out / "EXPECTED.txt").write_text("Mistakes in this folder (made by make_twins.py):\n" +
                                      "".join(f"- {n}\n" for n in notes), encoding="utf-8")


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    tables = read_example()
    write_clean(tables, out / "clean")
    excel = excel_tables(tables)
    write_export(excel, out / "export")
    write_broken(excel, out / "broken")


if __name__ == "__main__":
    main(sys.argv)
