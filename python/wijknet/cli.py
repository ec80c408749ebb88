"""The ``wijknet`` command: a summary of an alliance, by default of the bundled example."""

from __future__ import annotations

import argparse
import os
import sys

from . import WijknetError, __version__, example_path, read_csv_folder


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wijknet",
        description="Summarise a neighbourhood safety alliance read from a folder of CSV files "
        "(stakeholders.csv, ties.csv, ...). Without a folder, the bundled fictional example is used.",
    )
    p.add_argument("--version", action="version", version=f"wijknet {__version__}")
    sub = p.add_subparsers(dest="command")
    s = sub.add_parser("summary", help="stakeholders per role, ties per relation and wave, missing roles")
    s.add_argument("folder", nargs="?", help="folder with the CSV files (default: the bundled example)")
    s.add_argument("--template", action="append", dest="templates", metavar="KEY",
                   help="method template to check (repeatable; default: all, e.g. samen_in_de_wijk, alle_kleuren)")
    s.add_argument("--lang", choices=["en", "nl"], default="en", help="language of the report")
    s.add_argument("--separator", default="", help="CSV separator (default: detected)")
    s.add_argument("--decimal-comma", action="store_true", help="numbers are written as 3,5")
    c = sub.add_parser("check", help="list every problem of every file at once; exit status 1 on errors")
    c.add_argument("data", help="folder with the CSV files (or a .json, .graphml or .dl file)")
    c.add_argument("--lang", choices=["en", "nl"], default="en", help="language of the messages")
    c.add_argument("--encoding", default="auto", choices=["auto", "utf-8", "cp1252", "utf-16"],
                   help="text encoding of the files (default: detected per file)")
    c.add_argument("--separator", default="", help="CSV separator (default: detected)")
    c.add_argument("--decimal-comma", action="store_true", help="numbers are written as 3,5")
    c.add_argument("--duplicates", default="merge", choices=["merge", "error", "sum", "max", "mean"],
                   help="a tie listed twice: merge identical listings (default), refuse, or sum/max/mean the weights")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:  # bare `wijknet`: the summary of the bundled example
        args = _parser().parse_args(["summary", *(argv or [])])
    if args.command == "check":
        from ._validate import main_check

        try:
            return main_check(args)
        except (WijknetError, OSError) as err:
            print(f"wijknet: error: {err}", file=sys.stderr)
            return 2
    folder = args.folder or str(example_path())
    try:
        alliance = read_csv_folder(folder, separator=args.separator, decimal_comma=args.decimal_comma)
        report = alliance.summary(args.templates)
        print(f"# {folder}\n")
        print(report.to_text(args.lang))
    except WijknetError as err:
        print(f"wijknet: error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `wijknet | head`: the reader left early; not an error
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
