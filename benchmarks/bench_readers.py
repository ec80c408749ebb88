"""Rejecting hostile files: wijknet's readers against Python's own parsers on the same bytes.

    .venv/bin/python benchmarks/bench_readers.py [--entries 100000] [--repeat 3]

Each case is a file of N names with one repeat at the end (docs/import.md, "Limits"): a CSV header
of N columns, a JSON object of N members, an XML element of N attributes. wijknet must reject each
with its exact error, in time linear in N (before issue 13, pairwise checks took 17-24 s for
100,000). The peers read the same bytes: pandas.read_csv (which renames a repeated column instead
of refusing it), json.loads with an object_pairs_hook that refuses a repeated member, and
xml.etree.ElementTree (which refuses a repeated attribute). A last case is the 32-byte DL header
`DL N=20000 LABELS EMBEDDED DATA:`, which allocated 6.3 GB before the fix; it is timed alone.
Prints the best wall time of each and the ratio wijknet / peer.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

import wijknet


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def refused(f, *errors) -> None:
    try:
        f()
    except errors:
        return
    raise SystemExit(f"{f} did not refuse the file")


def unique_pairs(pairs):
    seen = set()
    for k, _ in pairs:
        if k in seen:
            raise ValueError(f"member {k!r} appears twice")
        seen.add(k)
    return dict(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.entries
    names = [f"c{i}" for i in range(n - 1)] + ["c7"]
    with tempfile.TemporaryDirectory(prefix="wijknet_bench_") as tmp:
        folder = Path(tmp)
        header = ",".join(names) + "\n"
        (folder / "stakeholders.csv").write_text(header, encoding="utf-8")
        (folder / "a.json").write_text("{" + ", ".join(f'"{c}": 0' for c in names) + "}", encoding="utf-8")
        (folder / "a.graphml").write_text("<graphml><graph " + " ".join(f'{c}=""' for c in names) + "/></graphml>",
                                          encoding="utf-8")
        (folder / "a.dl").write_text("DL N=20000 LABELS EMBEDDED DATA:", encoding="utf-8")
        text = {p: (folder / p).read_text(encoding="utf-8") for p in ("a.json", "a.graphml")}
        cases = [
            ("CSV header", lambda: refused(lambda: wijknet.read_csv_folder(folder), wijknet.ParseError),
             "pandas.read_csv", lambda: pd.read_csv(io.StringIO(header))),
            ("JSON members", lambda: refused(lambda: wijknet.read(folder / "a.json"), wijknet.ParseError),
             "json.loads", lambda: refused(lambda: json.loads(text["a.json"], object_pairs_hook=unique_pairs), ValueError)),
            ("XML attributes", lambda: refused(lambda: wijknet.read(folder / "a.graphml"), wijknet.ParseError),
             "ElementTree", lambda: refused(lambda: ET.fromstring(text["a.graphml"]), ET.ParseError)),
        ]
        print(f"{n:,} names with one repeat; best of {args.repeat}")
        print(f"{'case':<16}{'wijknet s':>11}{'peer':>18}{'peer s':>9}{'ratio':>8}")
        for name, ours, peer_name, peer in cases:
            a, b = best(ours, args.repeat), best(peer, args.repeat)
            print(f"{name:<16}{a:>11.3f}{peer_name:>18}{b:>9.3f}{a / b:>8.2f}")
        dl = best(lambda: refused(lambda: wijknet.read(folder / "a.dl"), wijknet.ParseError), args.repeat)
        print(f"{'DL N=20000':<16}{dl:>11.6f}{'(32 bytes)':>18}")


if __name__ == "__main__":
    main()
