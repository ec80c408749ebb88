"""
        The compiled core of wijknet. Use the package ``wijknet``, which wraps it.
    
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import typing
__all__: list[str] = ['Alliance', 'ConvergenceError', 'DuplicateIdError', 'InvalidValueError', 'ParseError', 'Snapshot', 'TwoMode', 'UnknownIdError', 'WijknetError', 'WriteError']
class WijknetError(ValueError):
    """
    The root of wijknet's errors: bad input, with what was wrong, where, and what would be right.
    
            A ValueError; the specific errors (UnknownIdError, DuplicateIdError, InvalidValueError,
            ParseError, WriteError) derive from it. A file that does not exist is a FileNotFoundError
            instead. The object an edit failed on is left as it was.
    
            Examples
            --------
            >>> import wijknet
            >>> try:
            ...     wijknet.load_example().stakeholder("nobody")
            ... except wijknet.WijknetError as err:
            ...     print(type(err).__name__, err)
            UnknownIdError unknown stakeholder 'nobody'
        
    """
class UnknownIdError(WijknetError):
    """
    A stakeholder, role, relation, wave, event or other name that the alliance does not have.
    
            Examples
            --------
            >>> import wijknet
            >>> try:
            ...     wijknet.load_example().role("bakker")
            ... except wijknet.UnknownIdError as err:
            ...     print(err)
            unknown role 'bakker' (add it first if it is new)
        
    """
class DuplicateIdError(WijknetError):
    """
    An id or name that is taken already.
    
            Examples
            --------
            >>> import wijknet
            >>> a = wijknet.Alliance()
            >>> a.add_stakeholder("coc")
            >>> try:
            ...     a.add_stakeholder("coc")
            ... except wijknet.DuplicateIdError as err:
            ...     print(err)
            stakeholder 'coc' already exists
        
    """
class InvalidValueError(WijknetError):
    """
    A value that is not allowed: an empty id, a weight that is not a finite number, an unknown option.
    
            Examples
            --------
            >>> import wijknet
            >>> a = wijknet.Alliance()
            >>> a.add_wave("T0")
            >>> a.add_stakeholder("coc")
            >>> a.add_stakeholder("agent")
            >>> try:
            ...     a.add_tie("coc", "agent", "referral", "T0", float("nan"))
            ... except wijknet.InvalidValueError as err:
            ...     print(err)
            referral tie 'coc' -> 'agent' in wave 'T0': weight must be a finite number, got nan
        
    """
class ParseError(WijknetError):
    """
    A file that cannot be read as it is: the message names file, line and column.
    
            ``wijknet.validate`` lists every problem of a folder at once.
    
            Examples
            --------
            >>> from pathlib import Path
            >>> import wijknet
            >>> Path("broken").mkdir()
            >>> _ = Path("broken/stakeholders.csv").write_text("id,name,kind\\ncoc,COC,bakkerij\\n")
            >>> try:
            ...     wijknet.read_csv_folder("broken")
            ... except wijknet.ParseError as err:
            ...     print(err)
            broken/stakeholders.csv:2:3: unknown stakeholder kind 'bakkerij'; expected organisation, person, initiative or group
        
    """
class ConvergenceError(WijknetError):
    """
    An iterative measure (eigenvector, PageRank) that did not converge within its iterations.
    
            Raise ``max_iter`` or loosen ``tol``; on a disconnected or periodic network eigenvector
            centrality may not converge at all (use PageRank or Katz there).
    
            Examples
            --------
            >>> import wijknet
            >>> try:
            ...     wijknet.eigenvector(wijknet.load_example(), relations="collaboration", max_iter=1)
            ... except wijknet.ConvergenceError as err:
            ...     print(type(err).__name__)
            ConvergenceError
        
    """
class WriteError(WijknetError, OSError):
    """
    A file could not be written (folder missing, no permission, disk full ...).
    
            A WijknetError and an OSError. Every file is written atomically: a failed write leaves the
            previous file as it was.
    
            Examples
            --------
            >>> import wijknet
            >>> try:
            ...     wijknet.write(wijknet.Alliance(), "no/such/folder/a.json")
            ... except wijknet.WriteError as err:
            ...     print(isinstance(err, OSError), err)
            True no/such/folder/a.json: cannot create a file in folder 'no/such/folder' (the folder does not exist)
        
    """
class Alliance:
    """
            The model of one alliance: stakeholders with roles, typed ties per wave, events and
            participation, with the role and theme taxonomies, relations, waves and method templates.
    
            Every edit either succeeds or raises and leaves the alliance exactly as it was.
        
    """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __init__(self, builtins: bool = True) -> None:
        """
        A new alliance; with the built-in roles, themes, relations and method templates unless builtins=False.
        """
    def __len__(self) -> int:
        """
        Number of stakeholders.
        """
    def _add_roster_ties(self, respondents: collections.abc.Sequence[str], partners: collections.abc.Sequence[str], items: collections.abc.Sequence[str], values: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], roster: collections.abc.Sequence[str], item: str, relation: str, wave: str, rule: str, declare_wave: bool = False) -> dict:
        ...
    def _assign(self, other: Alliance) -> None:
        """
        Makes this alliance a copy of other.
        """
    def _dump_dl(self, path: str = '', format: str = 'fullmatrix') -> typing.Any:
        ...
    def _dump_dot(self, path: str = '', relations: collections.abc.Sequence[str] | None = None, waves: collections.abc.Sequence[str] | None = None, min_weight: typing.SupportsFloat | typing.SupportsIndex | None = None, roles: collections.abc.Sequence[str] | None = None, ids: collections.abc.Sequence[str] | None = None, where: typing.Any = None, names: bool = True) -> typing.Any:
        ...
    def _dump_graphml(self, path: str = '', include_sensitive: bool = False) -> typing.Any:
        ...
    def _dump_json(self, path: str = '', include_sensitive: bool = False) -> typing.Any:
        ...
    def _event_columns(self) -> dict:
        ...
    def _incident_columns(self) -> dict:
        ...
    def _incident_step_columns(self) -> dict:
        ...
    def _load_dl(self, source: str, is_text: bool = False, default_relation: str = 'tie', default_wave: str = 'T0') -> None:
        ...
    def _load_graphml(self, source: str, is_text: bool = False, default_relation: str = 'tie', default_wave: str = 'T0', declare_unknown_roles: bool = False) -> None:
        ...
    def _load_json(self, source: str, is_text: bool = False) -> None:
        ...
    def _participation_columns(self) -> dict:
        ...
    def _read_csv_folder(self, folder: str, separator: str = '', decimal_comma: bool | None = None, encoding: str = 'auto', duplicates: str = 'merge') -> list:
        """
        Reads a CSV folder into this alliance; returns the warnings as dicts.
        """
    def _read_incidents_csv(self, folder: str) -> None:
        ...
    def _stakeholder_columns(self) -> dict:
        ...
    def _tie_columns(self) -> dict:
        ...
    def add_event(self, id: str, name: str = '', date: str = '', themes: collections.abc.Sequence[str] = [], organisers: collections.abc.Sequence[str] = [], attributes: typing.Any = None, sensitive: collections.abc.Sequence[str] = []) -> None:
        """
        Adds an event (themes by key or label; organisers are stakeholder ids).
        """
    def add_incident(self, id: str, reported: str, category: str, neighbourhood: str = '', description: str = '', steps: typing.Any = None, attributes: typing.Any = None) -> None:
        """
        Adds an incident with its handling steps (dicts with stakeholder, action, to, time, note); see Alliance.add_incident.
        """
    def add_incident_action(self, key: str, label: str = '', kind: str = 'act', description: str = '') -> None:
        """
        Adds a handling action: a Dutch key, an English label and what it means (receive, refer, act, inform or close).
        """
    def add_incident_category(self, key: str, label: str = '', description: str = '') -> None:
        """
        Adds an incident category: a Dutch key and an English label, both unique (case-insensitive).
        """
    def add_participation(self, stakeholder: str, event: str, attributes: typing.Any = None, sensitive: collections.abc.Sequence[str] = []) -> None:
        """
        Records that a stakeholder took part in an event.
        """
    def add_relation(self, key: str, label: str = '', directed: bool = True, label_nl: str = '', aliases: collections.abc.Sequence[str] = []) -> None:
        """
        Declares a tie type; label_nl and aliases as for add_role (relations are then found by any of them).
        """
    def add_role(self, key: str, label: str = '', description: str = '', label_nl: str = '', aliases: collections.abc.Sequence[str] = []) -> None:
        """
                        Adds a role to the taxonomy: a Dutch key, an English label, a Dutch label (label_nl, for
                        Dutch reports) and other names it is known by (aliases). Every name must be unique
                        among all roles; look-ups ignore case, accents, '_', '-' and spaces.
        """
    def add_stakeholder(self, id: str, name: str = '', kind: str = 'organisation', roles: collections.abc.Sequence[str] = [], waves: collections.abc.Sequence[str] = [], attributes: typing.Any = None, sensitive: collections.abc.Sequence[str] = []) -> None:
        """
                        Adds a stakeholder.
        
                        roles: role keys or English labels; waves: the waves it takes part in (empty: all);
                        attributes: a dict of None/bool/number/str; sensitive: attribute names never written
                        out unless asked for explicitly.
        """
    def add_template(self, key: str, label: str = '', required: collections.abc.Sequence[str] = [], recommended: collections.abc.Sequence[str] = [], description: str = '', source: str = '') -> None:
        """
        Adds a method template: the roles it requires and recommends (by key or label).
        """
    def add_theme(self, key: str, label: str = '', description: str = '', label_nl: str = '', aliases: collections.abc.Sequence[str] = []) -> None:
        """
        Adds an event theme (names as for add_role).
        """
    def add_tie(self, source: str, target: str, relation: str, wave: str, weight: typing.SupportsFloat | typing.SupportsIndex = 1.0, attributes: typing.Any = None, sensitive: collections.abc.Sequence[str] = []) -> None:
        """
        Adds a tie of a relation in a wave (for an undirected relation the order of the ends does not matter).
        """
    def add_wave(self, key: str, label: str = '', date: str = '') -> None:
        """
        Declares a wave after the existing ones (declaration order is time order).
        """
    def has_tie(self, source: str, target: str, relation: str, wave: str) -> bool:
        ...
    def relation(self, name: str) -> dict:
        """
        The relation with this key, label, Dutch label or alias (ignoring case and accents).
        """
    def remove_event(self, id: str) -> None:
        """
        Removes an event and its participations.
        """
    def remove_incident(self, id: str) -> None:
        """
        Removes an incident.
        """
    def remove_participation(self, stakeholder: str, event: str) -> None:
        ...
    def remove_stakeholder(self, id: str) -> None:
        """
        Removes a stakeholder with its ties and participations.
        """
    def remove_tie(self, source: str, target: str, relation: str, wave: str) -> None:
        """
        Removes a tie.
        """
    def role(self, name: str) -> dict:
        """
        The role with this key, label, Dutch label or alias (ignoring case and accents).
        """
    def set_about(self, key: str, value: str) -> None:
        """
        Set one entry of about (an empty value removes it). The keys reports know: neighbourhood, municipality, source, date, author, organisation. One line of text; never sensitive data.
        """
    def stakeholder(self, id: str, include_sensitive: bool = False) -> dict:
        """
        One stakeholder as a dict: id, name, kind, roles, waves, attributes, sensitive (the names of its sensitive attributes). Their values are in attributes only with include_sensitive=True.
        """
    def update_stakeholder(self, id: str, name: str = '', kind: str = 'organisation', roles: collections.abc.Sequence[str] = [], waves: collections.abc.Sequence[str] = [], attributes: typing.Any = None, sensitive: collections.abc.Sequence[str] = []) -> None:
        """
        Replaces the record of an existing stakeholder (same arguments as add_stakeholder).
        """
    @property
    def about(self) -> dict:
        """
        What the data describe, for the title of a report: a dict such as {'neighbourhood': 'Vogelwijk-Oost', 'municipality': 'Rivierstad', 'source': 'Enquête najaar 2022', 'author': '...'}. Set entries with set_about(); written and read with the alliance in every format.
        """
    @property
    def incident_actions(self) -> list:
        """
        The handling actions: list of dicts with key, label (English), description and kind.
        """
    @property
    def incident_categories(self) -> list:
        """
        The incident categories: list of dicts with key, label (English) and description.
        """
    @property
    def num_incident_steps(self) -> int:
        ...
    @property
    def num_incidents(self) -> int:
        """
        How many incidents the log holds (a count is not sensitive).
        """
    @property
    def num_ties(self) -> int:
        ...
    @property
    def relations(self) -> list:
        """
        The relations: a list of dicts with key, label, directed, label_nl (the Dutch name; the key when none was given) and aliases.
        """
    @property
    def roles(self) -> list:
        """
        The role taxonomy: a list of dicts with key, label, description, label_nl (the Dutch label; the key when none was given) and aliases.
        """
    @property
    def templates(self) -> list:
        """
        The method templates: dicts with key, label, description, required, recommended, sources.
        """
    @property
    def themes(self) -> list:
        """
        The event themes: a list of dicts with key, label, description, label_nl, aliases.
        """
    @property
    def waves(self) -> list:
        """
        The waves in time order: a list of dicts with key, label, date.
        """
class Snapshot:
    """
            A compact, immutable graph of part of an alliance, for analysis.
    
            relations, waves: keys (None: all); min_weight: leave out lighter ties; roles: keep
            stakeholders holding one of these roles; ids: keep only these stakeholders; where: keep
            only stakeholders whose attributes equal these values (a dict, e.g. {"sector": "welzijn"});
            symmetrize: read every tie as undirected; combine: how ties joining the same pair merge
            ('sum', 'max', 'min', 'count' or 'keep'); self_ties: keep ties of a stakeholder to itself.
        
    """
    @staticmethod
    def __reduce__(snapshot: _core.Snapshot):
        """
        A snapshot pickles as its graph: stakeholder ids in vertex order, ties, weights, direction.
        """
    def __init__(self, alliance: Alliance, relations: collections.abc.Sequence[str] | None = None, waves: collections.abc.Sequence[str] | None = None, min_weight: typing.SupportsFloat | typing.SupportsIndex | None = None, roles: collections.abc.Sequence[str] | None = None, ids: collections.abc.Sequence[str] | None = None, where: typing.Any = None, symmetrize: bool = False, combine: str = 'sum', self_ties: bool = False) -> None:
        ...
    def __len__(self) -> int:
        ...
    def _assortativity(self, arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> float:
        ...
    def _betweenness(self, arg0: str, arg1: bool, arg2: bool, arg3: typing.SupportsInt | typing.SupportsIndex) -> tuple[list[float], list[float]]:
        ...
    def _biconnected(self) -> tuple[list[int], list[tuple[int, int]], list[list[int]]]:
        ...
    def _brokerage(self, arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> tuple[list[typing.Annotated[list[float], "FixedSize(6)"]], list[typing.Annotated[list[float], "FixedSize(6)"]], list[typing.Annotated[list[float], "FixedSize(6)"]], list[typing.Annotated[list[float], "FixedSize(6)"]], float]:
        ...
    def _centralization(self, arg0: str, arg1: typing.SupportsInt | typing.SupportsIndex) -> float:
        ...
    def _cliques(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> list[list[int]]:
        ...
    def _closeness(self, arg0: str, arg1: str, arg2: str, arg3: bool, arg4: bool, arg5: typing.SupportsInt | typing.SupportsIndex) -> list[float]:
        ...
    def _clustering(self, arg0: str) -> list[float]:
        ...
    def _communities(self, arg0: str, arg1: typing.SupportsFloat | typing.SupportsIndex, arg2: str, arg3: typing.SupportsInt | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex) -> list[int]:
        ...
    def _core_number(self) -> numpy.typing.NDArray[numpy.float64]:
        ...
    def _degree(self, arg0: str, arg1: str) -> numpy.typing.NDArray[numpy.float64]:
        ...
    def _distances(self, arg0: str, arg1: str, arg2: typing.SupportsInt | typing.SupportsIndex) -> tuple[list[float], float, float, float, float]:
        ...
    def _dyad_census(self) -> tuple[float, float, float]:
        ...
    def _edge_ends(self) -> tuple[list[int], list[int]]:
        ...
    def _ei_index(self, arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> tuple[float, list[float], list[float], float, float, float, float]:
        ...
    def _eigenvector(self, arg0: str, arg1: typing.SupportsFloat | typing.SupportsIndex, arg2: typing.SupportsInt | typing.SupportsIndex) -> list[float]:
        ...
    def _katz(self, arg0: typing.SupportsFloat | typing.SupportsIndex, arg1: typing.SupportsFloat | typing.SupportsIndex, arg2: str, arg3: typing.SupportsFloat | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex) -> list[float]:
        ...
    def _mixing(self, arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: str) -> tuple[list[list[float]], list[list[float]], list[float]]:
        ...
    def _modularity(self, arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], arg1: typing.SupportsFloat | typing.SupportsIndex, arg2: str) -> float:
        ...
    def _node_connectivity(self, arg0: typing.SupportsInt | typing.SupportsIndex, arg1: typing.SupportsInt | typing.SupportsIndex, arg2: str) -> int:
        ...
    def _numeric_assortativity(self, arg0: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], arg1: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> float:
        ...
    def _pagerank(self, arg0: typing.SupportsFloat | typing.SupportsIndex, arg1: str, arg2: typing.SupportsFloat | typing.SupportsIndex, arg3: typing.SupportsInt | typing.SupportsIndex) -> list[float]:
        ...
    def _reciprocity(self, arg0: str) -> float:
        ...
    def _strong_components(self) -> list[int]:
        ...
    def _structural_holes(self, arg0: str, arg1: str) -> tuple[list[float], list[float], list[float], list[float]]:
        ...
    def _transitivity(self) -> float:
        ...
    def _triad_census(self) -> list[float]:
        ...
    def density(self) -> float:
        """
        Ties / possible ties: m / (n (n - 1)) directed, 2 m / (n (n - 1)) undirected.
        """
    def edges(self) -> tuple[list, list, list]:
        """
        (sources, targets, weights) as lists of stakeholder ids and numbers, each tie once.
        """
    def weak_components(self) -> list[int]:
        """
        Component label per vertex (ties followed both ways), numbered from the lowest vertex.
        """
    @property
    def directed(self) -> bool:
        ...
    @property
    def ids(self) -> list[str]:
        """
        Stakeholder ids, by vertex.
        """
    @property
    def memory_bytes(self) -> int:
        ...
    @property
    def num_ties(self) -> int:
        """
        Edges after merging; undirected ones counted once.
        """
    @property
    def weighted(self) -> bool:
        ...
class TwoMode:
    """
    The stakeholder x event participation network of the Alle Kleuren method.
    
            Made by ``wijknet.two_mode(alliance, **selection)``; every two-mode function takes it in
            place of an alliance. ``stakeholder_ids`` and ``event_ids`` name the two sides (the
            stakeholders with at least one selected participation; every selected event),
            ``num_participations`` counts the pairs, ``pairs()`` gives them as vertex numbers,
            ``bipartite()`` the graph as a Snapshot (stakeholders first) and ``project(side, weight)``
            a one-mode projection.
    
            Parameters
            ----------
            alliance : Alliance
            waves, start, end, themes, events, roles, kinds, participation_roles
                The two-mode selection keywords of ``wijknet.two_mode``.
    
            Examples
            --------
            >>> import wijknet
            >>> t = wijknet.two_mode(wijknet.load_example(), themes="racisme")
            >>> len(t.stakeholder_ids), t.event_ids, t.num_participations
            (28, ['ev04_racisme_bespreekbaar', 'ev06_jongerendialoog', 'ev07_keti_koti'], 38)
        
    """
    @typing.overload
    def __init__(self, alliance: Alliance, waves: collections.abc.Sequence[str] = [], start: str = '', end: str = '', themes: collections.abc.Sequence[str] = [], events: collections.abc.Sequence[str] = [], roles: collections.abc.Sequence[str] = [], kinds: collections.abc.Sequence[str] = [], participation_roles: collections.abc.Sequence[str] = []) -> None:
        ...
    @typing.overload
    def __init__(self, stakeholder_ids: collections.abc.Sequence[str], event_ids: collections.abc.Sequence[str], stakeholder_positions: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], event_positions: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    def __len__(self) -> int:
        ...
    def _betweenness(self, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> list[float]:
        ...
    def _closeness(self, normalized: bool = True, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> list[float]:
        ...
    def _components(self) -> list[int]:
        ...
    def _degree(self) -> list[float]:
        ...
    def bipartite(self) -> Snapshot:
        """
        The bipartite graph as a Snapshot: stakeholders first, then events.
        """
    def density(self) -> float:
        ...
    def pairs(self) -> tuple[list[int], list[int]]:
        """
        (stakeholder positions, event positions) of every participation.
        """
    def project(self, side: str, weight: str = 'count') -> Snapshot:
        ...
    @property
    def event_ids(self) -> list[str]:
        ...
    @property
    def num_participations(self) -> int:
        ...
    @property
    def stakeholder_ids(self) -> list[str]:
        ...
def _add_incident_log(arg0: Alliance, arg1: collections.abc.Sequence[str], arg2: collections.abc.Sequence[str], arg3: collections.abc.Sequence[str], arg4: collections.abc.Sequence[str], arg5: collections.abc.Sequence[str], arg6: dict, arg7: collections.abc.Sequence[str], arg8: collections.abc.Sequence[str], arg9: collections.abc.Sequence[str], arg10: collections.abc.Sequence[str], arg11: collections.abc.Sequence[str], arg12: collections.abc.Sequence[str]) -> None:
    ...
def _add_stakeholder_columns(alliance: Alliance, ids: typing.Any, names: typing.Any, kinds: typing.Any, roles: typing.Any, waves: typing.Any, attributes: list, declare_unknown_roles: bool, positions: typing.Any, place: collections.abc.Callable) -> None:
    """
                Adds the stakeholders of a table given as columns (object arrays; all but ids may be
                None); waves are declared as met. Changed in place, like _add_tie_columns.
    """
def _add_tie_columns(alliance: Alliance, sources: typing.Any, targets: typing.Any, relations: typing.Any, waves: typing.Any, weights: typing.Any, attributes: list, duplicates: str, default_relation: str, default_wave: str, create_stakeholders: bool, declare_relations: bool, positions: typing.Any, place: collections.abc.Callable) -> None:
    """
                Adds the ties of a table given as columns (object arrays; relations, waves, weights may
                be None), combining repeated listings by the duplicates rule. positions (None or an int
                array) numbers the rows as the caller's frame does; place(position, field) names a row
                and column in messages. The alliance is changed in place: the caller works on a copy
                it can drop (from_pandas does).
    """
def _assess(alliance: Alliance, wave: str, relations: collections.abc.Sequence[str], template: str, chains: collections.abc.Sequence[tuple[collections.abc.Sequence[str], collections.abc.Sequence[str], bool]], threads: typing.SupportsInt | typing.SupportsIndex) -> dict:
    ...
def _chain_routes(alliance: Alliance, roles: collections.abc.Sequence[str], steps: collections.abc.Sequence[str], intermediaries: bool, wave: str, relations: collections.abc.Sequence[str], max_routes: typing.SupportsInt | typing.SupportsIndex) -> dict:
    ...
def _check_csv_folder(folder: str, separator: str = '', decimal_comma: bool | None = None, encoding: str = 'auto', duplicates: str = 'merge') -> list:
    """
    Every problem of a CSV folder, as dicts (wijknet.validate).
    """
def _csv_folder_file_names() -> list[tuple[str, list[str]]]:
    """
    The files of the CSV folder layout: (the name wijknet writes, the other names it reads).
    """
def _cug_graphs(arg0: typing.SupportsInt | typing.SupportsIndex, arg1: str, arg2: str, arg3: typing.SupportsInt | typing.SupportsIndex, arg4: typing.SupportsInt | typing.SupportsIndex, arg5: typing.SupportsInt | typing.SupportsIndex, arg6: typing.SupportsInt | typing.SupportsIndex, arg7: typing.SupportsInt | typing.SupportsIndex, arg8: typing.SupportsInt | typing.SupportsIndex, arg9: typing.SupportsInt | typing.SupportsIndex) -> numpy.typing.NDArray[numpy.uint8]:
    ...
def _dutch(english: str) -> str:
    """
    The Dutch of a message of wijknet's readers and model, phrase by phrase (quoted text kept); phrases it does not know stay English.
    """
def _fragmentation(snapshot: Snapshot, removed: collections.abc.Sequence[str], direction: str, threads: typing.SupportsInt | typing.SupportsIndex) -> dict:
    ...
def _gcor(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.SupportsInt | typing.SupportsIndex, arg3: str) -> float:
    ...
def _gcor_permutations(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg2: typing.SupportsInt | typing.SupportsIndex, arg3: str, arg4: typing.SupportsInt | typing.SupportsIndex, arg5: typing.SupportsInt | typing.SupportsIndex, arg6: typing.SupportsInt | typing.SupportsIndex, arg7: typing.SupportsInt | typing.SupportsIndex) -> numpy.typing.NDArray[numpy.float64]:
    ...
def _handoff_alliance(arg0: Alliance, arg1: Alliance, arg2: collections.abc.Sequence[str], arg3: str, arg4: str, arg5: collections.abc.Sequence[str], arg6: str) -> None:
    ...
def _incident_activities(arg0: Alliance, arg1: collections.abc.Sequence[str], arg2: str, arg3: str, arg4: collections.abc.Sequence[str]) -> dict:
    ...
def _incident_handoffs(arg0: Alliance, arg1: collections.abc.Sequence[str], arg2: str, arg3: str, arg4: collections.abc.Sequence[str], arg5: collections.abc.Sequence[str]) -> dict:
    ...
def _incident_routes(arg0: Alliance, arg1: collections.abc.Sequence[str], arg2: str, arg3: str, arg4: collections.abc.Sequence[str], arg5: collections.abc.Sequence[str]) -> dict:
    ...
def _incident_waves(arg0: Alliance) -> list:
    ...
def _key_players(snapshot: Snapshot, k: typing.SupportsInt | typing.SupportsIndex, objective: str, max_distance: typing.SupportsInt | typing.SupportsIndex, direction: str, seed: typing.SupportsInt | typing.SupportsIndex, max_rounds: typing.SupportsInt | typing.SupportsIndex, restarts: typing.SupportsInt | typing.SupportsIndex, candidates: typing.SupportsInt | typing.SupportsIndex, threads: typing.SupportsInt | typing.SupportsIndex) -> tuple[list[str], float, float]:
    ...
def _layout(snapshot: Snapshot, method: str = 'auto', seed: typing.SupportsInt | typing.SupportsIndex = 1, iterations: typing.SupportsInt | typing.SupportsIndex = 0, min_distance: typing.SupportsFloat | typing.SupportsIndex = 0.8) -> tuple[list[float], list[float]]:
    ...
def _match_header(file: str, header: collections.abc.Sequence[str], named: collections.abc.Mapping[str, str]) -> tuple[dict, list]:
    """
    Where the known columns of `file` ("stakeholders.csv" ...) sit in `header`, by field, and the header's problems as dicts: the folder reader's rules, for from_pandas.
    """
def _netlm_permutations(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64]], arg2: typing.SupportsInt | typing.SupportsIndex, arg3: str, arg4: bool, arg5: str, arg6: str, arg7: typing.SupportsInt | typing.SupportsIndex, arg8: typing.SupportsInt | typing.SupportsIndex, arg9: typing.SupportsInt | typing.SupportsIndex, arg10: typing.SupportsInt | typing.SupportsIndex, arg11: typing.SupportsFloat | typing.SupportsIndex) -> numpy.typing.NDArray[numpy.float64]:
    ...
def _netlogit(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64]], arg2: typing.SupportsInt | typing.SupportsIndex, arg3: str, arg4: bool) -> dict:
    ...
def _netlogit_permutations(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64]], arg2: typing.SupportsInt | typing.SupportsIndex, arg3: str, arg4: bool, arg5: str, arg6: str, arg7: typing.SupportsInt | typing.SupportsIndex, arg8: typing.SupportsInt | typing.SupportsIndex, arg9: typing.SupportsInt | typing.SupportsIndex, arg10: typing.SupportsInt | typing.SupportsIndex, arg11: typing.SupportsFloat | typing.SupportsIndex) -> numpy.typing.NDArray[numpy.float64]:
    ...
def _ols(arg0: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], arg1: collections.abc.Sequence[typing.Annotated[numpy.typing.ArrayLike, numpy.float64]], arg2: typing.SupportsInt | typing.SupportsIndex, arg3: str, arg4: bool, arg5: typing.SupportsFloat | typing.SupportsIndex) -> dict:
    ...
def _partner_scores(respondents: collections.abc.Sequence[str], partners: collections.abc.Sequence[str], items: collections.abc.Sequence[str], values: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], trust_items: collections.abc.Sequence[str], value_items: collections.abc.Sequence[str]) -> dict:
    ...
def _random_permutation(n: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex, sub: typing.SupportsInt | typing.SupportsIndex = 0) -> list[int]:
    ...
def _read_csv_cells(path: str, separator: str = '', encoding: str = 'auto', collect: bool = False) -> dict:
    ...
def _role_coverage(alliance: Alliance, template: str, wave: str, relations: collections.abc.Sequence[str]) -> list:
    ...
def _role_matrices(alliance: Alliance, roles: collections.abc.Sequence[str], wave: str, relations: collections.abc.Sequence[str], direction: str) -> tuple[list[str], list[float], list[float]]:
    ...
def _selected(alliance: Alliance, relations: collections.abc.Sequence[str] | None = None, waves: collections.abc.Sequence[str] | None = None, min_weight: typing.SupportsFloat | typing.SupportsIndex | None = None, roles: collections.abc.Sequence[str] | None = None, ids: collections.abc.Sequence[str] | None = None, where: typing.Any = None) -> tuple[list[bool], list[bool]]:
    ...
def _student_t_cdf(arg0: typing.SupportsFloat | typing.SupportsIndex, arg1: typing.SupportsFloat | typing.SupportsIndex) -> float:
    ...
def _suggest_ties(alliance: Alliance, objective: str, k: typing.SupportsInt | typing.SupportsIndex, wave: str, relations: collections.abc.Sequence[str], chain_roles: collections.abc.Sequence[str], chain_steps: collections.abc.Sequence[str], intermediaries: bool, removed: collections.abc.Sequence[str], role_a: str, role_b: str, from_roles: collections.abc.Sequence[str], to_roles: collections.abc.Sequence[str], excluded: collections.abc.Sequence[tuple[str, str]], max_per_stakeholder: typing.SupportsInt | typing.SupportsIndex) -> list:
    ...
def _summarize(alliance: Alliance, templates: collections.abc.Sequence[str] = []) -> dict:
    ...
def _write_folder_atomically(folder: str, files: collections.abc.Sequence[tuple[str, str]], owned: collections.abc.Sequence[str]) -> None:
    """
    Writes (name, UTF-8 text) files as one folder atomically (a new folder, then swapped in); files of the previous folder not named in files or owned are carried over.
    """
def _write_text_atomically(path: str, text: str) -> None:
    """
    Writes UTF-8 text to a file atomically (temporary file, then rename).
    """
__version__: str = '0.1.0'
