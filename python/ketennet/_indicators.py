"""The scorecard's rows as a DataFrame: the indicators are computed by the compiled core
(``ketennet/report/scorecard.hpp``); this module names its goals and columns and turns its
rows into the tidy table.

Every network yields the same (goal, indicator, scope, subject) keys for a given set of
options: an indicator that cannot be computed is a row with ``value`` NaN and a ``note`` saying
why. Ranked indicators (brokers, vulnerable organisations) keep every organisation's value, so
a batch can report the union of the organisations ranked in any of its networks
(:func:`ketennet.scorecard`).
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import pandas as pd

from . import _core
from ._util import missing_dyads, missing_text
from .network import Network

_report = _core.report

#: The four goals, in the order the inspectorate lists them: (key, Dutch, English).
GOALS = [tuple(g) for g in _report.GOALS]

#: Columns of a scorecard, in order.
COLUMNS = list(_report.COLUMNS)

#: Columns that identify a row within one network's scorecard.
KEY = ["goal", "indicator", "scope", "subject"]

#: Efficiency vulnerability costs O(n^2 m): computed up to this many organisations.
VULNERABILITY_MAX = _report.VULNERABILITY_MAX
#: Robustness simulations: computed up to this many organisations.
SIMULATION_MAX = _report.SIMULATION_MAX
#: Targeted attacks recompute betweenness up to this many organisations, else degree.
BETWEENNESS_ATTACK_MAX = _report.BETWEENNESS_ATTACK_MAX


#: The note a scorecard row computed on a layer with missing dyads carries (the layer's
#: entry in :func:`ketennet._util.missing_text`'s words, then this).
MISSING_NOTE = "computed with missing dyads: {what}; missing ties count as absent"


def frame(rows: list, net: Optional[Network] = None) -> pd.DataFrame:
    """Rows of the compiled scorecard (dicts keyed by column) as the scorecard DataFrame.

    With ``net``, each row computed on a layer of ``net`` that has missing dyads (its
    ``layers`` column names the layer) says so in its ``note`` (:data:`MISSING_NOTE`)."""
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["value"] = out["value"].astype("float64")
    missing = missing_dyads(net) if net is not None else {}
    if missing:
        notes = {}
        for i, used in enumerate(out["layers"].tolist()):
            hit = [name for name in str(used).split(", ") if name in missing]
            if hit:
                if used not in notes:
                    notes[used] = MISSING_NOTE.format(
                        what="; ".join(missing_text(name, missing[name]) for name in hit))
                old = out.at[i, "note"]
                out.at[i, "note"] = f"{old}; {notes[used]}" if old else notes[used]
    return out


def label(net: Network, oid: str) -> str:
    """"Name (id)" of an organisation, or its id when it has no other name (or is absent)."""
    if oid not in net:
        return oid
    name = net.organisation(oid)["name"]
    return f"{name} ({oid})" if name and name != oid else oid


def compute(net: Network, *, layers: Optional[Sequence[str]] = None,
            chains: Optional[Sequence[str]] = None, top: int = 5, log=None):
    """One network's compiled scorecard (see :func:`ketennet.report.scorecard`); its
    ``rows()`` rank each network's own organisations, ``_core.report.batch_rows`` a batch's
    union."""
    core_log = None
    if log is not None:
        from .eventlog import _check_log

        _check_log(log)
        core_log = log._core
    return _report.scorecard(net._core, list(layers or []), None if chains is None else list(chains),
                             int(top), core_log)


def robustness_runs(n: int) -> List[Tuple[str, str, dict, str]]:
    """The removal simulations of the scorecard and the report's robustness figure, for a
    network of ``n`` organisations: (indicator, strategy, options of
    :func:`ketennet.resilience.simulate`, how organisations are removed)."""
    attack = "betweenness" if n <= BETWEENNESS_ATTACK_MAX else "degree"
    return [("robustness R (random removal)", "random", dict(runs=50, seed=0),
             "organisations removed at random (50 runs, seed 0)"),
            ("robustness R (targeted attack)", attack, dict(recompute=True),
             f"organisations removed by a targeted attack on the highest {attack}, recomputed "
             "after each removal")]
