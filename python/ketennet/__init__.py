"""ketennet: chains and networks of justice and security organisations.

Model organisations (police, prosecution, courts, prisons, probation, youth care, migration,
municipalities, safety regions) and their relations in layers, and score how well information
flows and how effectively they collaborate.

>>> import ketennet as kn
>>> net = kn.examples.load("strafrechtketen")
>>> 15 <= len(net) <= 25
True

Modules by the question they answer: :mod:`ketennet.centrality` (who is central),
:mod:`ketennet.cohesion` (how integrated the network is), :mod:`ketennet.resilience`
(single points of failure, vulnerability, failure simulation with the robustness index R,
null models; what-if networks with :class:`Scenario` and :func:`compare`), :mod:`ketennet.flow` (how information flows: efficiency, lead
time, throughput, fidelity, feedback, chain scores), :mod:`ketennet.brokerage` (who brokers
between organisations and sectors), :mod:`ketennet.governance` (governance fit), :mod:`ketennet.eventlog` (case flows,
handover networks and citizen journeys from event logs), :mod:`ketennet.stats` (is a statistic
more than chance: conditional uniform graph and permutation tests, the vertex bootstrap;
regression on relations with QAP tests), :mod:`ketennet.ergm` (why organisations collaborate:
exponential random graph models). I/O:
:func:`read_json`, :func:`write_json`, :func:`read_graphml`, :func:`write_graphml`,
:func:`from_pandas`, :func:`from_networkx`, :func:`to_networkx`, :func:`from_igraph`,
:func:`to_igraph`; data as researchers have it (:mod:`ketennet.data`): :func:`read_matrix`,
:func:`read_survey`, :func:`read_excel`, :func:`write_excel`, ego networks (:func:`ego`), and
missing dyads (:class:`MissingDataWarning`, :class:`MissingDataError`). Safe to publish
(suppressed small counts, keyed pseudonyms): :mod:`ketennet.disclosure`. Studies of many
networks: :func:`scorecard` and :func:`signals`; networks
over time (one per unit and period, with tie changes and trajectories): :class:`Panel`;
pictures: :mod:`ketennet.plot`.
"""
from . import _core
from . import (brokerage, centrality, cohesion, data, disclosure, ergm, eventlog, examples,
               flow, governance, plot, report, resilience, stats, studies)
from .io import (JSON_SCHEMA_VERSION, from_igraph, from_networkx, from_pandas, read_graphml,
                 read_json, to_igraph, to_networkx, write_graphml, write_json)
from ._util import MissingDataError, MissingDataWarning, NetworkChangedError
from .data import ego, read_excel, read_matrix, read_survey, write_excel
from .network import LAYER_KINDS, Layer, Network
from .panel import Panel
from .scenario import Scenario, compare
from .signals import signals
from .studies import scorecard

ConvergenceError = _core.ConvergenceError
"""An iterative method (PageRank, Katz, eigenvector, HITS) did not converge: a ValueError."""

__version__ = _core.__version__

__all__ = ["Network", "Layer", "LAYER_KINDS", "read_json", "write_json", "read_graphml", "write_graphml", "from_pandas",
           "from_networkx", "to_networkx", "from_igraph", "to_igraph", "centrality", "cohesion",
           "resilience", "flow", "brokerage", "governance", "disclosure", "eventlog", "report", "examples", "plot",
           "stats", "ergm", "studies", "scorecard", "signals", "Panel", "Scenario", "compare", "JSON_SCHEMA_VERSION", "ConvergenceError",
           "NetworkChangedError", "read_matrix", "read_survey", "read_excel", "write_excel", "ego",
           "MissingDataWarning", "MissingDataError", "data",
           "__version__"]
