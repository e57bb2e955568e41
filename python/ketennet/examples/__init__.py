"""Built-in example networks (see README.md in this folder for sources).

* ``strafrechtketen``: the Dutch criminal justice chain, volumes from published figures;
* ``vreemdelingenketen``: the Dutch migration chain.

Each relation and organisation says in its attribute ``basis`` whether its numbers are
published, derived or illustrative, with a ``reference``.

Example event logs (``eventlogs/README.md``: sources and licences) for :mod:`ketennet.eventlog`:
:func:`eventlog_names`, :func:`eventlog_path`, :func:`eventlog`.

Synthetic survey and matrix files (``data/README.md``) for :func:`ketennet.read_survey` and
:func:`ketennet.read_matrix`: :func:`data_names`, :func:`data_path`, :func:`survey`,
:func:`matrix`.

A synthetic panel of regions and years derived from ``strafrechtketen``, with seeded random
variation and one region that changes structurally (not real data): :func:`synthetic_panel`.
"""
from __future__ import annotations

import os
from typing import List, Optional

import numpy as np

__all__ = ["names", "load", "path", "eventlog_names", "eventlog_path", "eventlog",
           "synthetic_panel", "data_names", "data_path", "survey", "matrix"]

_DIR = os.path.dirname(os.path.abspath(__file__))


def names() -> List[str]:
    """Names of the built-in examples.

    >>> import ketennet as kn
    >>> kn.examples.names()
    ['strafrechtketen', 'vreemdelingenketen']
    """
    return sorted(f[:-5] for f in os.listdir(_DIR) if f.endswith(".json"))


def path(name: str) -> str:
    """Path of an example's JSON file; ``KeyError`` for an unknown name."""
    if name not in names():
        raise KeyError(f"unknown example '{name}' (available: {', '.join(names())})")
    return os.path.join(_DIR, name + ".json")


def load(name: str):
    """Load a built-in example as a :class:`ketennet.Network`.

    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> net.chains
    ['strafrechtketen']
    """
    from ..io import read_json

    return read_json(path(name))


_LOGS = os.path.join(_DIR, "eventlogs")


def eventlog_names() -> List[str]:
    """Names of the shipped example event logs.

    >>> import ketennet as kn
    >>> kn.examples.eventlog_names()
    ['helpdesk', 'receipt', 'roadtraffic100traces', 'running-example']
    """
    out = set()
    for f in os.listdir(_LOGS):
        for ext in (".xes.gz", ".xes", ".csv.gz", ".csv"):
            if f.endswith(ext):
                out.add(f[: -len(ext)])
    return sorted(out)


def eventlog_path(name: str, kind: str = "") -> str:
    """Path of a shipped event log: the XES file if there is one (or ``kind="csv"``), else
    the CSV file. ``KeyError`` for an unknown name."""
    exts = {"": (".xes.gz", ".xes", ".csv.gz", ".csv"), "xes": (".xes.gz", ".xes"),
            "csv": (".csv.gz", ".csv")}
    if kind not in exts:
        raise ValueError(f"kind must be '', 'xes' or 'csv', not {kind!r}")
    for ext in exts[kind]:
        p = os.path.join(_LOGS, name + ext)
        if os.path.exists(p):
            return p
    raise KeyError(f"unknown example event log '{name}'{' of kind ' + kind if kind else ''} "
                   f"(available: {', '.join(eventlog_names())})")


def eventlog(name: str):
    """Load a shipped event log as a :class:`ketennet.eventlog.EventLog` (XES files with
    :func:`ketennet.eventlog.read_xes`, CSV files with :func:`ketennet.eventlog.read_csv`).

    >>> import ketennet as kn
    >>> kn.examples.eventlog("helpdesk").n_cases
    4580
    """
    from .. import eventlog as ev

    p = eventlog_path(name)
    return ev.read_xes(p) if ".xes" in p else ev.read_csv(p)


_DATA = os.path.join(_DIR, "data")


def data_names() -> List[str]:
    """The shipped synthetic data files (not real data; ``data/README.md``).

    >>> import ketennet as kn
    >>> kn.examples.data_names()  # doctest: +NORMALIZE_WHITESPACE
    ['synthetic_zvh_matrix.csv', 'synthetic_zvh_roster.csv', 'synthetic_zvh_survey.csv',
     'synthetic_zvh_survey.xlsx']
    """
    return sorted(f for f in os.listdir(_DATA) if f.endswith((".csv", ".xlsx")))


def data_path(name: str) -> str:
    """Path of a shipped data file (:func:`data_names`); ``KeyError`` for an unknown name."""
    if name not in data_names():
        raise KeyError(f"unknown example data file '{name}' (available: "
                       f"{', '.join(data_names())})")
    return os.path.join(_DATA, name)


def survey(kind: str = "csv", symmetrize: str = "respondent"):
    """The SYNTHETIC roster survey of a Zorg- en Veiligheidshuis region (12 organisations, 9
    responded; not real data) read by :func:`ketennet.read_survey` into the undirected layer
    ``contact`` (the reported contact frequency, 1 = yearly .. 4 = weekly, as ``weight``).

    The roster (``synthetic_zvh_roster.csv``: ``id``, ``name``, ``responded``) gives the
    organisations and who responded (``rvdk`` responded but named no partner).
    ``kind="xlsx"`` reads the Excel version (sheet ``Antwoorden``, the roster from sheet
    ``Respondenten``); the two give the same network.

    >>> import ketennet as kn
    >>> net = kn.examples.survey()
    >>> entry = net.metadata["missing_dyads"]["contact"]
    >>> entry["response_rate"], entry["non_respondents"]
    (0.75, ['leger_des_heils', 'woningcorporatie', 'halt'])
    """
    from ..data import read_survey

    import pandas as pd

    if kind == "csv":
        path, sheet = data_path("synthetic_zvh_survey.csv"), None
        roster = pd.read_csv(data_path("synthetic_zvh_roster.csv"))
    elif kind == "xlsx":
        path, sheet = data_path("synthetic_zvh_survey.xlsx"), "Antwoorden"
        roster = pd.read_excel(path, sheet_name="Respondenten", engine="openpyxl")
    else:
        raise ValueError(f"kind must be 'csv' or 'xlsx', not {kind!r}")
    return read_survey(path, "respondent", "alter", "contact", sheet=sheet,
                       respondents=roster.loc[roster["responded"], "id"].tolist(),
                       organisations=roster[["id", "name"]], layer="contact",
                       symmetrize=symmetrize, name="synthetic zvh survey")


def matrix():
    """The SYNTHETIC directed 0/1 matrix of who sends case information to whom in a Zorg-
    en Veiligheidshuis region (not real data; four cells blank: missing dyads), read by
    :func:`ketennet.read_matrix` into the layer ``information``.

    >>> import ketennet as kn
    >>> kn.examples.matrix().metadata["missing_dyads"]["information"]["count"]
    4
    """
    from ..data import read_matrix

    return read_matrix(data_path("synthetic_zvh_matrix.csv"), layer="information",
                       directed=True, kind="information", name="synthetic zvh matrix")


def synthetic_panel(units: int = 25, periods: int = 5, seed: int = 0, *, start: int = 2020,
                    changed_unit: Optional[str] = "regio 01", change_period: Optional[int] = None,
                    example: str = "strafrechtketen"):
    """A SYNTHETIC panel of regions x years, derived from a shipped example with seeded random
    variation, in which one region changes structurally: for trying out
    :class:`ketennet.Panel`, signals, tie changes and tests. Not real data.

    Every network is the example ``example`` (organisations, layers, chains) with:

    * volumes (and capacities) scaled by a region's size (log-normal, sd 0.3 on the log
      scale), a yearly trend (2 % a year on average, sd 2 %) and noise per relation
      (log-normal, sd 0.08);
    * latencies scaled by a region's speed (log-normal, sd 0.1) and noise per relation
      (log-normal, sd 0.08);
    * each relation of a non-case layer (information, ties) left out with probability 0.03;
    * in ``changed_unit``, from ``change_period`` on, a structural change: latencies of the
      case layers tripled (a backlog), case volumes halved, and half of the ties of the tie
      layers (the same half every year) gone.

    Networks are named ``"synthetic <unit> <year>"``; their metadata says ``synthetic: True``,
    the example, the seed, the unit, the period and whether the change applies; every
    organisation's and relation's attribute ``basis`` is ``"synthetic"`` (the example's
    sources and notes are left out). The same arguments give the same panel.

    Parameters
    ----------
    units : int
        Regions, named ``"regio 01"``, ``"regio 02"``, ... (at least 1).
    periods : int
        Years ``start``, ``start + 1``, ... (at least 1).
    seed : int
        Seed of the variation (NumPy's PCG64 generator).
    start : int
        The first year.
    changed_unit : str or None
        The region that changes (default the first); ``None``: no change.
    change_period : int, optional
        The year the change starts (default the third year, or the last when there are
        fewer).
    example : str
        The example network the panel is derived from (:func:`names`).

    Returns
    -------
    ketennet.Panel

    Examples
    --------
    >>> import ketennet as kn
    >>> panel = kn.examples.synthetic_panel(units=4, periods=3)
    >>> panel
    Panel(4 units x 3 periods: 12 networks)
    >>> net = panel["regio 01", 2022]
    >>> net.name, net.metadata["synthetic"], net.metadata["changed"]
    ('synthetic regio 01 2022', True, True)
    """
    from ..io import from_pandas
    from ..panel import Panel

    for name, value in (("units", units), ("periods", periods), ("seed", seed), ("start", start)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"synthetic_panel: {name} must be a whole number, not "
                            f"{type(value).__name__}")
    if units < 1 or periods < 1:
        raise ValueError(f"synthetic_panel: units and periods must be at least 1, not "
                         f"{units} and {periods}")
    names_ = [f"regio {i + 1:02d}" for i in range(units)]
    years = [int(start) + k for k in range(periods)]
    if changed_unit is not None and changed_unit not in names_:
        raise KeyError(f"synthetic_panel: changed_unit {changed_unit!r} is not a unit "
                       f"({names_[0]!r} .. {names_[-1]!r})")
    if change_period is None:
        change_period = years[min(2, periods - 1)]
    elif change_period not in years:
        raise KeyError(f"synthetic_panel: change_period {change_period!r} is not a year of the "
                       f"panel ({years[0]} .. {years[-1]})")
    base = load(example)
    layers = base.layers
    # the structure and the numbers, without the example's sources and notes (not true of
    # synthetic networks)
    orgs = base.organisations[["id", "name", "sector"]].assign(basis="synthetic")
    rels = base.relations[["source", "target", "layer", "volume", "latency", "quality",
                           "capacity"]].assign(basis="synthetic")
    case = rels["layer"].isin(base.layers_of_kind("case")).to_numpy()
    tie = rels["layer"].isin(base.layers_of_kind("tie")).to_numpy()
    rng = np.random.default_rng(seed)
    gone = rng.random(len(rels)) < 0.5  # the ties the changed region loses
    trend = np.cumsum(rng.normal(0.02, 0.02, periods))
    networks = {}
    for unit in names_:
        size, speed = np.exp(rng.normal(0.0, 0.3)), np.exp(rng.normal(0.0, 0.1))
        for k, year in enumerate(years):
            r = rels.copy()
            scale = size * np.exp(trend[k] + rng.normal(0.0, 0.05, len(r)))
            r["volume"] = r["volume"] * scale
            r["capacity"] = r["capacity"] * scale
            r["latency"] = r["latency"] * speed * np.exp(rng.normal(0.0, 0.05, len(r)))
            keep = case | (rng.random(len(r)) >= 0.02)
            changed = unit == changed_unit and year >= change_period
            if changed:
                r.loc[case, "latency"] *= 3.0
                r.loc[case, "volume"] *= 0.5
                keep &= ~(tie & gone)
            net = from_pandas(orgs, r[keep].reset_index(drop=True),
                              directed={n: l.directed for n, l in layers.items()},
                              kinds={n: l.kind for n, l in layers.items()},
                              name=f"synthetic {unit} {year}")
            for c in base.chains:
                net.add_chain(c, base.chain(c))
            net.metadata = {
                "title": f"Synthetic network {unit} {year} (not real data)", "synthetic": True,
                "description": f"Derived from the example {example!r} with seeded random "
                               "variation by kn.examples.synthetic_panel; not real data.",
                "example": example, "seed": int(seed), "unit": unit, "period": str(year),
                "per": "year", "changed": bool(changed)}
            networks[unit, year] = net
    return Panel(networks)
