"""Built-in example networks (see README.md in this folder for sources).

* ``strafrechtketen``: the Dutch criminal justice chain, volumes from published figures;
* ``vreemdelingenketen``: the Dutch migration chain.

Each relation and organisation says in its attribute ``basis`` whether its numbers are
published, derived or illustrative, with a ``reference``.

Example event logs (``eventlogs/README.md``: sources and licences) for :mod:`ketennet.eventlog`:
:func:`eventlog_names`, :func:`eventlog_path`, :func:`eventlog`.
"""
from __future__ import annotations

import os
from typing import List

__all__ = ["names", "load", "path", "eventlog_names", "eventlog_path", "eventlog"]

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
