"""Every binding of an alliance called while another thread edits it (docs/model.md, "Threads").

Run by tests/python/test_threads.py as a process of its own, so that a crash or a hang is a failed
test rather than a dead test run: ``python thread_stress.py SECONDS`` (``0``: only the repeatable
form, a finalizer that edits the alliance inside each read). Prints one line per failed call and
exits 1 when there was one.

The calls are generated from the classes themselves: every public method and property of
``Alliance``, ``Snapshot`` and ``TwoMode`` (and ``len``, ``in``, ``repr`` and the notebook
display) must be in READS, EDITS or the editor's own list, so a binding added later is stressed
(or the test says it is missing). The switch interval is tiny, collections are frequent, and the
garbage's finalizers give up the GIL, so another thread runs inside any allocation a binding makes.
"""

from __future__ import annotations

import gc
import random
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

import wijknet

BASE = 60  # stakeholders s0 .. s59 before the editor starts
LIMIT = 200  # at most this many themes, roles ... the editor adds (each listing stays short)


def name_of(sid: str) -> str:
    """The name of every stakeholder is made from its id, so a record with another's name is seen."""
    return f"name of {sid} " * 3  # long: heap-allocated, freed when the record goes


def check_record(sid: str, record: dict) -> None:
    if record["id"] != sid or record["name"] != name_of(sid) or record["attributes"].get("tag") != sid:
        raise AssertionError(f"stakeholder({sid!r}) returned {record['id']!r} named {record['name']!r} "
                             f"with tag {record['attributes'].get('tag')!r}")


def alliance() -> wijknet.Alliance:
    a = wijknet.Alliance()
    a.add_wave("T0", "T0", "2022-01-01")
    for i in range(BASE):
        add_stakeholder(a, f"s{i}")
    rng = random.Random(3)
    for i in range(BASE):
        j = (i + 1 + rng.randrange(BASE - 1)) % BASE
        if not a.has_tie(f"s{i}", f"s{j}", "collaboration", "T0"):
            a.add_tie(f"s{i}", f"s{j}", "collaboration", "T0")
        if i % 4 == 1:
            a.add_tie(f"s{i}", f"s{i + 1}", "referral", "T0")
    a.add_event("e0", "Aftrap", "2022-02-01", themes=["veiligheid"], organisers=["s0"])
    for i in range(0, BASE, 3):
        a.add_participation(f"s{i}", "e0")
    for k in range(6):
        add_incident(a, f"M{k}")
    return a


def add_stakeholder(a: wijknet.Alliance, sid: str) -> None:
    a.add_stakeholder(sid, name_of(sid), "person" if sid[-1] in "02468" else "organisation",
                      roles=["wijkagent" if sid.endswith("0") else "welzijnswerk"],
                      attributes={"tag": sid, "focus": sid[-1] in "13"}, sensitive=["focus"])


def add_incident(a: wijknet.Alliance, iid: str) -> None:
    a.add_incident(iid, "2022-03-01T10:00", "intimidatie", steps=[
        {"stakeholder": "s1", "action": "ontvangen", "time": "2022-03-01T10:00"},
        {"stakeholder": "s1", "action": "doorverwezen", "to": "s2", "time": "2022-03-01T11:00"},
        {"stakeholder": "s2", "action": "opgepakt", "time": "2022-03-01T12:00"}])


class Yielding:
    """Garbage whose finalizer gives up the GIL: a collection inside an allocation of a binding lets
    the editor run there."""

    def __init__(self) -> None:
        self.cycle = self

    def __del__(self) -> None:
        time.sleep(0)


def some_id(rng: random.Random, ids: list[str]) -> str:
    return ids[rng.randrange(len(ids))]


# How a reader calls each public member, by class. `a` is the alliance, `r` a random.Random, `ids`
# the ids that may exist (the editor adds and removes "n<k>"), `tmp` a folder of the reader's own.
READS = {
    wijknet.Alliance: {
        "stakeholder": lambda a, r, ids, tmp: (lambda sid: check_record(sid, a.stakeholder(sid, include_sensitive=True)))(
            some_id(r, ids)),
        "stakeholders": lambda a, r, ids, tmp: a.stakeholders(include_sensitive=True),
        "ties": lambda a, r, ids, tmp: a.ties(),
        "events": lambda a, r, ids, tmp: a.events(),
        "participation": lambda a, r, ids, tmp: a.participation(),
        "incidents": lambda a, r, ids, tmp: a.incidents(include_sensitive=True),
        "incident_steps": lambda a, r, ids, tmp: a.incident_steps(include_sensitive=True),
        "incident_categories": lambda a, r, ids, tmp: a.incident_categories,
        "incident_actions": lambda a, r, ids, tmp: a.incident_actions,
        "num_incidents": lambda a, r, ids, tmp: a.num_incidents,
        "num_incident_steps": lambda a, r, ids, tmp: a.num_incident_steps,
        "num_ties": lambda a, r, ids, tmp: a.num_ties,
        "roles": lambda a, r, ids, tmp: a.roles,
        "role": lambda a, r, ids, tmp: a.role("wijkagent"),
        "themes": lambda a, r, ids, tmp: a.themes,
        "relations": lambda a, r, ids, tmp: a.relations,
        "relation": lambda a, r, ids, tmp: a.relation("collaboration"),
        "waves": lambda a, r, ids, tmp: a.waves,
        "templates": lambda a, r, ids, tmp: a.templates,
        "about": lambda a, r, ids, tmp: a.about,
        "has_tie": lambda a, r, ids, tmp: a.has_tie("s0", some_id(r, ids), "collaboration", "T0"),
        "read_warnings": lambda a, r, ids, tmp: a.read_warnings,
        "copy": lambda a, r, ids, tmp: a.copy(),
        "snapshot": lambda a, r, ids, tmp: a.snapshot(),
        "summary": lambda a, r, ids, tmp: a.summary(),
        "__len__": lambda a, r, ids, tmp: len(a),
        "__contains__": lambda a, r, ids, tmp: some_id(r, ids) in a,
        "__repr__": lambda a, r, ids, tmp: repr(a),
        "_repr_html_": lambda a, r, ids, tmp: a._repr_html_(),
        # the functions that read an alliance whole: the report and the writers
        "report()": lambda a, r, ids, tmp: wijknet.report(a),
        "write(json)": lambda a, r, ids, tmp: wijknet.write(a, tmp / "a.json"),
        "write(graphml)": lambda a, r, ids, tmp: wijknet.write(a, tmp / "a.graphml"),
        "write(dl)": lambda a, r, ids, tmp: wijknet.write(a, tmp / "a.dl"),
        "write(dot)": lambda a, r, ids, tmp: wijknet.write(a, tmp / "a.dot"),
        "write(csv)": lambda a, r, ids, tmp: wijknet.write(a, tmp / "csv", include_sensitive=True),
        "to_pandas()": lambda a, r, ids, tmp: wijknet.to_pandas(a, include_sensitive=True, include_incidents=True),
        "incident_roles()": lambda a, r, ids, tmp: wijknet.incident_roles(a),
        "handoffs()": lambda a, r, ids, tmp: wijknet.handoffs(a),
        "paper_vs_practice()": lambda a, r, ids, tmp: wijknet.paper_vs_practice(a),
    },
    # Snapshot and TwoMode own their data once built (docs/model.md): built here from the alliance
    # being edited, then every member called.
    wijknet.Snapshot: {name: (lambda name: lambda a, r, ids, tmp: _member(wijknet.Snapshot(a), name))(name)
                       for name in ("density", "directed", "edges", "ids", "memory_bytes", "num_ties",
                                    "to_pandas", "weak_components", "weighted", "__len__", "__repr__")},
    wijknet.TwoMode: {name: (lambda name: lambda a, r, ids, tmp: _member(wijknet.two_mode(a), name))(name)
                      for name in ("bipartite", "density", "event_ids", "num_participations", "pairs",
                                   "stakeholder_ids", "__len__")} | {
        "project": lambda a, r, ids, tmp: wijknet.two_mode(a).project("stakeholders")},
}

# The members that edit: the editor calls them (or, for the vocabularies, adds up to LIMIT).
EDITS = {
    wijknet.Alliance: {"add_stakeholder", "update_stakeholder", "remove_stakeholder", "add_tie", "remove_tie",
                       "add_event", "remove_event", "add_participation", "remove_participation", "add_incident",
                       "remove_incident", "add_role", "add_theme", "add_relation", "add_wave", "add_template",
                       "add_incident_category", "add_incident_action", "set_about"},
    wijknet.Snapshot: set(),
    wijknet.TwoMode: set(),
}


def _member(obj, name: str):
    if name == "__len__":
        return len(obj)
    if name == "__repr__":
        return repr(obj)
    value = getattr(obj, name)
    return value() if callable(value) else value


def missing() -> list[str]:
    """Public members (and the dunders a user calls) that are neither read nor edited here."""
    out = []
    for cls, reads in READS.items():
        names = {n for n in dir(cls) if not n.startswith("_")} | {"__len__"}
        known = {n for n in reads if not n.endswith("()") and "(" not in n} | EDITS[cls] | {"__len__"}
        out += [f"{cls.__name__}.{n}" for n in sorted(names - known)]
    return out


def editor(a: wijknet.Alliance, stop: float, failures: list[str], readers: list[threading.Thread]) -> None:
    rng = random.Random(5)
    k = 0
    try:
        while time.monotonic() < stop or any(t.is_alive() for t in readers):  # as long as anyone reads
            sid = f"n{k}"
            add_stakeholder(a, sid)
            a.add_tie(sid, f"s{rng.randrange(BASE)}", "collaboration", "T0")
            a.update_stakeholder(sid, name_of(sid), "person", roles=["bewoner"], attributes={"tag": sid})
            a.add_participation(sid, "e0")
            if k:
                a.remove_stakeholder(f"n{k - 1}")
            source = f"s{rng.randrange(BASE)}"
            target = f"s{(int(source[1:]) + 1) % BASE}"
            if a.has_tie(source, target, "collaboration", "T0"):
                a.remove_tie(source, target, "collaboration", "T0")
                a.add_tie(source, target, "collaboration", "T0")
            a.add_event(f"ev{k}", "Bijeenkomst", "2022-05-01", themes=["sport"], organisers=["s3"])
            a.remove_event(f"ev{k}")
            a.set_about("neighbourhood", f"Wijk {k}")
            add_incident(a, f"X{k}")
            a.remove_incident(f"X{k}")
            if k < LIMIT:  # vocabularies only grow: a few hundred entries at most
                a.add_role(f"rol{k}", f"Role {k} " * 3)
                a.add_theme(f"thema{k}", f"Theme {k} " * 3)
                a.add_incident_category(f"categorie{k}", f"Category {k}")
                a.add_incident_action(f"actie{k}", f"Action {k}")
            if k < 12:  # each wave, relation and method costs every summary, report and snapshot: a few
                a.add_relation(f"relatie{k}", f"Relation {k} " * 3)
                a.add_wave(f"W{k}", f"Wave {k}", "")
                a.add_template(f"methode{k}", f"Method {k}", required=["wijkagent"])
            k += 1
    except BaseException:  # noqa: BLE001 - reported by the main thread
        failures.append(f"editor: {traceback.format_exc()}")


def reader(a: wijknet.Alliance, calls: list, stop: float, seed: int, failures: list[str], counts: dict) -> None:
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="wijknet_stress_"))
    ids = [f"s{i}" for i in range(BASE)]
    turn = seed
    while time.monotonic() < stop or turn < seed + len(calls):  # each in turn, every one at least once
        name, call = calls[turn % len(calls)]
        turn += 1
        try:
            call(a, rng, ids + [f"n{rng.randrange(1000)}"], tmp)
            counts[name] = counts.get(name, 0) + 1
        except wijknet.UnknownIdError:  # the stakeholder asked for was removed meanwhile: a clear answer
            pass
        except BaseException:  # noqa: BLE001 - MemoryError, wrong reads, anything else
            failures.append(f"{name}: {traceback.format_exc()}")
        Yielding()


def finalizer_edits(rounds: int) -> list[str]:  # noqa: C901 - one test, read top to bottom
    """Every read, with a collection made to run inside it whose finalizer edits the alliance: the
    single-threaded, repeatable form of another thread editing while a binding builds its result.
    Python's free lists of lists and dicts are emptied first, so the binding's own lists and dicts
    are new objects, counted by the collector, and the collection starts inside the binding."""
    a = alliance()
    failures: list[str] = []

    class Editing:
        turn = 0

        def __init__(self) -> None:
            self.cycle = self

        def __del__(self) -> None:
            j = 5 + Editing.turn % 50  # an early stakeholder leaves and comes back: every later record moves
            Editing.turn += 1
            a.remove_stakeholder(f"s{j}")
            add_stakeholder(a, f"s{j}")
            if Editing.turn < LIMIT:  # the vocabularies grow (and move) too
                a.add_theme(f"thema{Editing.turn}", f"Theme {Editing.turn} " * 3)
                a.add_role(f"rol{Editing.turn}", f"Role {Editing.turn} " * 3)
            if Editing.turn < 12:
                a.add_wave(f"W{Editing.turn}", f"Wave {Editing.turn}", "")
            keep.append(a.copy())  # new records where the freed ones were
            del keep[:-3]

    keep: list = []
    rng = random.Random(1)
    tmp = Path(tempfile.mkdtemp(prefix="wijknet_finalizer_"))
    thresholds = gc.get_threshold()
    try:
        for name, call in sorted(READS[wijknet.Alliance].items()):
            # The collection starts at the t-th new list or dict the call makes: for some t inside the
            # binding, past the Python wrapper around it. The whole functions (report() ...) only twice.
            for t in range(1, rounds + 1) if "(" not in name else (1, 5):
                hold = [[] for _ in range(100)] + [{} for _ in range(100)]  # noqa: F841 - empties the free lists
                gc.collect()
                gc.set_threshold(t)
                Editing()
                try:
                    call(a, rng, [f"s{55 + t % 5}"], tmp)
                except BaseException:  # noqa: BLE001
                    failures.append(f"{name}: {traceback.format_exc()}")
                    break
                finally:
                    gc.set_threshold(*thresholds)
    finally:
        gc.set_threshold(*thresholds)
    if Editing.turn == 0:
        failures.append("no finalizer ran: the test tested nothing")
    return failures


def main(seconds: float) -> int:
    gaps = missing()
    if gaps:
        print("not stressed (add them to READS or EDITS):", ", ".join(gaps))
        return 1
    if seconds == 0:  # the finalizer form alone
        failures = finalizer_edits(12)
        for line in failures[:20]:
            print(line)
        print(f"{len(failures)} failures")
        return 1 if failures else 0
    sys.setswitchinterval(1e-5)
    gc.set_threshold(20)
    failures: list[str] = []
    for cls, reads in READS.items():
        a = alliance()
        calls = sorted(reads.items())
        counts: dict[str, int] = {}
        stop = time.monotonic() + seconds * (0.7 if cls is wijknet.Alliance else 0.15)
        threads = [threading.Thread(target=reader, args=(a, calls, stop, seed, failures, counts)) for seed in range(3)]
        threads.append(threading.Thread(target=editor, args=(a, stop, failures, list(threads))))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        never = sorted(set(reads) - set(counts))
        if never:
            failures.append(f"{cls.__name__}: never completed a call of {', '.join(never)}")
    for line in failures[:20]:
        print(line)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0))
