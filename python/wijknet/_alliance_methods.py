"""The numpydoc docstrings of the Alliance methods compiled in C++ (src/register_model.cpp).

The compiled methods reach users through :class:`wijknet.Alliance`, which wraps each of them with
:func:`wijknet._keywords.checked`; the wrapper carries the docstring below after the compiled
signature line. The C++ side keeps a one-line docstring for ``wijknet._core``.
"""

from __future__ import annotations

_EMPTY = """>>> import wijknet
>>> a = wijknet.Alliance()"""
_TWO = """>>> import wijknet
>>> a = wijknet.Alliance()
>>> a.add_wave("T0")
>>> a.add_stakeholder("agent", "Kees", "person", roles="wijkagent")
>>> a.add_stakeholder("coc", roles="lhbti_organisatie")"""
_EXAMPLE = """>>> import wijknet
>>> alliance = wijknet.load_example()"""


def _removal(summary: str, what: str, example: str) -> str:
    """The docstring of a method removing one record by id (one text serves them all)."""
    return f"""{summary}

Parameters
----------
id : str

Raises
------
UnknownIdError
    When there is no such {what}.

Examples
--------
{_EXAMPLE}
{example}
"""


METHODS = {
    "add_wave": f"""Declare a wave (a round of measurement) after the existing ones.

Parameters
----------
key : str
    The wave's key, e.g. ``"T0"``; unique.
label : str, default ""
    A label for reports, e.g. ``"autumn 2021"``.
date : str, default ""
    Its date (ISO, ``YYYY-MM-DD``); events and incidents are assigned to waves by date.

Raises
------
DuplicateIdError
    When the key exists.

Notes
-----
Declaration order is time order: compare_waves, the report and the incident analyses take the waves in it.

Examples
--------
{_EMPTY}
>>> a.add_wave("T0", "autumn 2021", "2021-10-01")
>>> a.add_wave("T1", "autumn 2022", "2022-11-15")
>>> [w["key"] for w in a.waves]
['T0', 'T1']
""",
    "set_about": f"""Set one entry of what the data describe (:attr:`about`), for the title of a report.

Parameters
----------
key : str
    The entry. Reports know ``neighbourhood``, ``municipality``, ``source``, ``date``, ``author`` and
    ``organisation``; any other key is kept (and written) too.
value : str
    One line of text; an empty value removes the entry.

Raises
------
InvalidValueError
    For an empty key or a line break in the value.

Notes
-----
Written and read with the alliance in every format: JSON (``"about"``), GraphML (graph data ``about:KEY``) and the
CSV folder (``about.csv``, columns ``key`` and ``value``; Dutch ``over.csv`` with ``sleutel``, ``waarde``). A report
prints it: it holds no sensitive data, and a person's name only by that person's choice (the author).

Examples
--------
{_EMPTY}
>>> a.set_about("neighbourhood", "Vogelwijk-Oost")
>>> a.set_about("municipality", "Rivierstad")
>>> a.about
{{'neighbourhood': 'Vogelwijk-Oost', 'municipality': 'Rivierstad'}}
""",
    "add_stakeholder": f"""Add a stakeholder: an organisation, person, initiative or group.

Parameters
----------
id : str
    A unique, non-empty id.
name : str, default ""
    The display name (persons are shown under a pseudonym in reports unless asked otherwise).
kind : {{"organisation", "person", "initiative", "group"}}, default "organisation"
roles : str or list of str, default []
    Roles of the taxonomy, by key, label, Dutch label or alias.
waves : str or list of str, default []
    The waves the stakeholder takes part in; empty: every wave.
attributes : dict, optional
    Free attributes: None, bool, number or str values.
sensitive : list of str, default []
    Names of attributes that are sensitive (GDPR art. 9): never written out or shown unless asked for by name.

Raises
------
DuplicateIdError
    When the id exists.
UnknownIdError
    For an unknown role or wave.
InvalidValueError
    For an empty id or an unknown kind.

Examples
--------
{_EMPTY}
>>> a.add_stakeholder("coc", "COC afdeling", roles=["lhbti+ organisatie", "kerngroep"],
...                   attributes={{"members": 120, "lhbti_focus": True}}, sensitive=["lhbti_focus"])
>>> a.stakeholders()[["name", "kind", "roles", "members"]]
             name          kind                           roles  members
id                                                                      
coc  COC afdeling  organisation  [lhbti_organisatie, kerngroep]    120.0
""",
    "update_stakeholder": f"""Replace the record of an existing stakeholder.

Parameters
----------
id : str
    The stakeholder to update.
name, kind, roles, waves, attributes, sensitive
    As for :meth:`add_stakeholder`; the whole record is replaced, so give every field.

Raises
------
UnknownIdError
    When there is no such stakeholder, or for an unknown role or wave.
InvalidValueError
    When the stakeholder has ties in a wave it would no longer take part in.

Examples
--------
{_TWO}
>>> a.update_stakeholder("coc", "COC Rivierstad", roles=["lhbti_organisatie", "kerngroep"])
>>> a.stakeholder("coc")["roles"]
['lhbti_organisatie', 'kerngroep']
""",
    "remove_stakeholder": _removal("Remove a stakeholder with its ties and participations.", "stakeholder", """\
>>> alliance.remove_stakeholder("wijkagent_kwikstaart")
>>> len(alliance), alliance.num_ties
(33, 124)"""),
    "stakeholder": f"""One stakeholder's record.

Parameters
----------
id : str
include_sensitive : bool, default False
    Also give the values of the attributes marked sensitive; without it they are left out of ``attributes``.

Returns
-------
dict
    ``id``, ``name``, ``kind``, ``roles``, ``waves``, ``attributes`` and ``sensitive`` (the names of the
    sensitive attributes, whose values are in ``attributes`` only with ``include_sensitive=True``).

Raises
------
UnknownIdError
    When there is no such stakeholder.

Examples
--------
{_EXAMPLE}
>>> record = alliance.stakeholder("wijkagent_kwikstaart")
>>> record["name"], record["kind"], record["roles"]
('Kees Kwikstaart', 'person', ['wijkagent'])
""",
    "add_tie": f"""Add a tie of a relation in a wave.

Parameters
----------
source, target : str
    Stakeholder ids; for an undirected relation the order does not matter.
relation : str
    A relation's key, label, Dutch label or alias.
wave : str
    The wave; both ends must take part in it.
weight : float, default 1.0
    A finite number, e.g. the frequency of contact.
attributes : dict, optional
    Free attributes of the tie.
sensitive : list of str, default []
    Names of the tie's sensitive attributes.

Raises
------
UnknownIdError
    For an unknown stakeholder, relation or wave.
DuplicateIdError
    When the tie (source, target, relation, wave) exists.
InvalidValueError
    For a non-finite weight, or an end that does not take part in the wave.

Examples
--------
{_TWO}
>>> a.add_tie("coc", "agent", "doorverwijzing", "T0", 2)
>>> a.ties()[["source", "target", "relation", "weight"]]
  source target  relation  weight
0    coc  agent  referral     2.0
""",
    "has_tie": f"""Whether the alliance has this tie.

Parameters
----------
source, target : str
relation : str
wave : str

Returns
-------
bool
    For an undirected relation either order of the ends finds the tie.

Examples
--------
{_EXAMPLE}
>>> alliance.has_tie("welzijn_rivierstad", "wijkagent_kwikstaart", "collaboration", "T0")
True
>>> alliance.has_tie("welzijn_rivierstad", "wijkagent_kwikstaart", "referral", "T0")
True
""",
    "remove_tie": f"""Remove a tie.

Parameters
----------
source, target : str
relation : str
wave : str

Raises
------
UnknownIdError
    When there is no such tie.

Examples
--------
{_EXAMPLE}
>>> alliance.remove_tie("wijkagent_kwikstaart", "welzijn_rivierstad", "collaboration", "T0")
>>> alliance.has_tie("wijkagent_kwikstaart", "welzijn_rivierstad", "collaboration", "T0")
False
""",
    "add_role": f"""Add a role to the taxonomy.

Parameters
----------
key : str
    The Dutch key, e.g. ``"buurtsportcoach"``.
label : str, default ""
    The English label.
description : str, default ""
label_nl : str, default ""
    The Dutch label, for Dutch reports.
aliases : list of str, default []
    Other names the role is known by.

Raises
------
DuplicateIdError
    When a name is taken by another role.

Notes
-----
Every name (key, labels, aliases) must be unique among all roles; look-ups ignore case, accents, ``_``, ``-``
and spaces.

Examples
--------
{_EMPTY}
>>> a.add_role("buurtsportcoach", "neighbourhood sports coach", aliases=["sportcoach"])
>>> a.role("Sportcoach")["key"]
'buurtsportcoach'
""",
    "role": f"""The role with this key, label, Dutch label or alias.

Parameters
----------
name : str
    Any of the role's names; case, accents, ``_``, ``-`` and spaces are ignored.

Returns
-------
dict
    ``key``, ``label``, ``description``, ``label_nl`` and ``aliases``.

Raises
------
UnknownIdError
    When no role has this name.

Examples
--------
{_EXAMPLE}
>>> alliance.role("LHBTI+ organisatie")["key"]
'lhbti_organisatie'
""",
    "add_relation": f"""Declare a relation (a type of tie).

Parameters
----------
key : str
label : str, default ""
    The English label.
directed : bool, default True
    Whether a tie has a direction (a referral does; collaboration does not).
label_nl : str, default ""
    The Dutch label.
aliases : list of str, default []
    Other names; relations are found by any of their names, as roles are.

Raises
------
DuplicateIdError
    When a name is taken by another relation.

Examples
--------
{_EMPTY}
>>> a.add_relation("advice", "asks advice of", label_nl="advies", aliases=["advies vragen"])
>>> a.relation("Advies")["directed"]
True
""",
    "relation": f"""The relation with this key, label, Dutch label or alias.

Parameters
----------
name : str
    Any of the relation's names; case and accents are ignored.

Returns
-------
dict
    ``key``, ``label``, ``directed``, ``label_nl`` and ``aliases``.

Raises
------
UnknownIdError
    When no relation has this name.

Examples
--------
{_EXAMPLE}
>>> alliance.relation("samenwerking")["key"], alliance.relation("samenwerking")["directed"]
('collaboration', False)
""",
    "add_template": f"""Add a method template: the roles a method asks for.

Parameters
----------
key : str
label : str, default ""
required : list of str, default []
    Roles (key or label) the method requires.
recommended : list of str, default []
    Roles it recommends.
description : str, default ""
source : str, default ""
    Where the roles come from, e.g. the handbook of the method.

Raises
------
DuplicateIdError
    When the key exists.
UnknownIdError
    For an unknown role.

Examples
--------
{_EXAMPLE}
>>> alliance.add_template("kern", "core of the chain", required=["wijkagent", "welzijnswerk"])
>>> wijknet.role_coverage(alliance, template="kern", wave="T1")["status"].tolist()
['single', 'covered']
""",
    "add_theme": f"""Add an event theme to the taxonomy.

Parameters
----------
key : str
    The Dutch key.
label : str, default ""
    The English label.
description : str, default ""
label_nl : str, default ""
aliases : list of str, default []
    Names as for :meth:`add_role`.

Raises
------
DuplicateIdError
    When a name is taken by another theme.

Examples
--------
{_EMPTY}
>>> a.add_theme("ouderen", "older residents")
>>> [t["key"] for t in a.themes][-1]
'ouderen'
""",
    "add_event": f"""Add an event (an Alle Kleuren meeting).

Parameters
----------
id : str
    A unique id.
name : str, default ""
date : str, default ""
    ISO date; it places the event in a wave's period.
themes : list of str, default []
    Themes by key or label.
organisers : list of str, default []
    Stakeholder ids.
attributes : dict, optional
sensitive : list of str, default []
    Names of the sensitive attributes.

Raises
------
DuplicateIdError
    When the id exists.
UnknownIdError
    For an unknown theme or organiser.

Examples
--------
{_TWO}
>>> a.add_event("ev1", "Buurtontbijt", "2021-11-02", themes=["veiligheid"], organisers=["coc"])
>>> a.events()[["name", "date", "themes", "organisers"]]
             name        date        themes organisers
id                                                    
ev1  Buurtontbijt  2021-11-02  [veiligheid]      [coc]
""",
    "remove_event": _removal("Remove an event and its participations.", "event", """\
>>> alliance.remove_event("ev01_aftrap")
>>> len(alliance.events()), len(alliance.participation())
(9, 120)"""),
    "add_participation": f"""Record that a stakeholder took part in an event.

Parameters
----------
stakeholder : str
event : str
attributes : dict, optional
    E.g. ``{{"role": "organiser"}}``.
sensitive : list of str, default []

Raises
------
UnknownIdError
    For an unknown stakeholder or event.
DuplicateIdError
    When the participation is recorded already.

Examples
--------
{_TWO}
>>> a.add_event("ev1", "Buurtontbijt", "2021-11-02")
>>> a.add_participation("agent", "ev1", {{"role": "participant"}})
>>> a.participation()
  stakeholder event         role
0       agent   ev1  participant
""",
    "remove_participation": f"""Remove a stakeholder's participation in an event.

Parameters
----------
stakeholder : str
event : str

Raises
------
UnknownIdError
    When there is no such participation.

Examples
--------
{_EXAMPLE}
>>> alliance.remove_participation("coc_rivierstad", "ev01_aftrap")
>>> len(alliance.participation())
135
""",
    "add_incident_category": f"""Add an incident category.

Parameters
----------
key : str
    The Dutch key, e.g. ``"discriminatie"``.
label : str, default ""
    The English label.
description : str, default ""

Raises
------
DuplicateIdError
    When the key or label is taken (case-insensitive).

Examples
--------
{_EXAMPLE}
>>> alliance.add_incident_category("online", "online harassment")
>>> alliance.incident_categories[-1]["label"]
'online harassment'
""",
    "add_incident_action": f"""Add a handling action of the incident log.

Parameters
----------
key : str
    The Dutch key, e.g. ``"doorverwezen"``.
label : str, default ""
    The English label.
kind : {{"receive", "refer", "act", "inform", "close"}}, default "act"
    What the action means to the analyses: a ``refer`` step passes the incident on (to the step's ``to``).
description : str, default ""

Raises
------
DuplicateIdError
    When the key or label is taken.
InvalidValueError
    For an unknown kind.

Examples
--------
{_EXAMPLE}
>>> alliance.add_incident_action("bemiddeld", "mediated", kind="act")
>>> alliance.incident_actions[-1]["kind"]
'act'
""",
    "add_incident": f"""Add an incident to the log, with its handling steps.

Parameters
----------
id : str
    A unique id.
reported : str
    When it was reported (ISO date and time); this places it in a wave.
category : str
    A category's key or label.
neighbourhood : str, default ""
description : str, default ""
steps : list of dict, optional
    The handling, in order: dicts with ``stakeholder``, ``action`` (key or label), ``to`` (for a referral),
    ``time`` and ``note``.
attributes : dict, optional
    Free fields.

Raises
------
DuplicateIdError
    When the id exists.
UnknownIdError
    For an unknown category, action or stakeholder.

Notes
-----
Every incident field is sensitive: the log leaves the library only when asked for by name
(``include_sensitive=True``); the analyses report counts and stakeholder ids.

Examples
--------
{_TWO}
>>> a.add_incident("M1", "2021-10-05T19:00", "intimidatie", steps=[
...     {{"stakeholder": "coc", "action": "ontvangen", "time": "2021-10-05T19:00"}},
...     {{"stakeholder": "coc", "action": "doorverwezen", "to": "agent", "time": "2021-10-06T09:00"}}])
>>> a.num_incidents, a.num_incident_steps
(1, 2)
""",
    "remove_incident": _removal("Remove an incident and its steps.", "incident", """\
>>> alliance.remove_incident("M2021-001")
>>> alliance.num_incidents
37"""),
}
