"""wijknet: network analysis of neighbourhood safety alliances.

wijknet models the stakeholders of a neighbourhood safety alliance (wijkagent, welzijnswerk,
zelforganisaties, lhbti+ organisations, resident initiatives, the municipality, core groups) as a
graph of alliance roles, and answers the questions evaluators and municipalities ask of it.

>>> import wijknet
>>> alliance = wijknet.load_example()
>>> alliance
<wijknet.Alliance: 34 stakeholders, 164 ties, 2 waves, 4 relations>
>>> wijknet.betweenness(alliance, relations="referral", wave="T1").idxmax()
'coc_rivierstad'

Every function is documented with its definition, conventions and references (``help(wijknet.brokerage)``);
docs/ has the guides.
"""

try:
    from . import _core
except ImportError as err:  # pragma: no cover - only without a build
    raise ImportError(
        "wijknet's compiled core (wijknet._core) could not be imported. Install the package with "
        "`pip install .` from the source tree (it builds the C++ extension) rather than importing "
        f"the python/ folder directly. Original error: {err}"
    ) from err

from ._alliance import Alliance, Snapshot, example_path, load_example, read_csv_folder
from ._keywords import EmptySelectionWarning
from ._core import (
    ConvergenceError,
    DuplicateIdError,
    InvalidValueError,
    ParseError,
    UnknownIdError,
    WijknetError,
    WriteError,
)
from ._io import (
    adjacency_matrix,
    from_igraph,
    from_networkx,
    from_pandas,
    read,
    to_igraph,
    to_networkx,
    to_pandas,
    write,
    write_csv_folder,
)
from ._roster import add_roster_ties, partner_scores
from ._survey import SurveyWarning, add_survey, read_survey, survey_mapping, write_survey_mapping
from ._missing import missing_dyads, response_rates
from ._impute import imputed_figures
from ._layout import layout
from ._draw import draw
from ._report import Report, report
from ._summary import Summary, summary
from ._validate import Problem, validate
from . import _measures
from ._measures import *  # noqa: F401,F403  (the measure functions; see _measures.__all__)
from ._measures import EIIndex
from . import _diagnostics
from ._diagnostics import *  # noqa: F401,F403  (the diagnostics; see _diagnostics.__all__)
from . import _incidents
from ._incidents import *  # noqa: F401,F403  (the incident log analyses; see _incidents.__all__)
from . import _change, _tests
from ._study import PooledTest, Study
from ._change import *  # noqa: F401,F403  (change between waves; see _change.__all__)
from ._tests import *  # noqa: F401,F403  (permutation tests and dyadic predictors; see _tests.__all__)
from . import _twomode, _alle_kleuren
from ._twomode import *  # noqa: F401,F403  (the two-mode network; see _twomode.__all__)
from ._alle_kleuren import *  # noqa: F401,F403  (the Alle Kleuren analyses; see _alle_kleuren.__all__)

__version__: str = _core.__version__

__all__ = [*_measures.__all__, *_diagnostics.__all__, *_incidents.__all__, *_change.__all__, *_tests.__all__,
           *_twomode.__all__, *_alle_kleuren.__all__, "EIIndex",
    "Alliance",
    "ConvergenceError",
    "DuplicateIdError",
    "EmptySelectionWarning",
    "InvalidValueError",
    "ParseError",
    "Snapshot",
    "Summary",
    "UnknownIdError",
    "WijknetError",
    "__version__",
    "example_path",
    "load_example",
    "read_csv_folder",
    "summary",
    "Problem",
    "validate",
    "WriteError",
    "adjacency_matrix",
    "from_igraph",
    "from_networkx",
    "from_pandas",
    "read",
    "to_igraph",
    "to_networkx",
    "to_pandas",
    "write",
    "write_csv_folder",
    "add_roster_ties",
    "partner_scores",
    "SurveyWarning",
    "add_survey",
    "read_survey",
    "survey_mapping",
    "write_survey_mapping",
    "missing_dyads",
    "response_rates",
    "imputed_figures",
    "layout",
    "draw",
    "Report",
    "report",
    "Study",
    "PooledTest",
]
