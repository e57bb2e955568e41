"""The result types of :mod:`ketennet.flow` (documented and exported there)."""
from __future__ import annotations

import functools
import math
import warnings
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from ._util import result_html as _result_html

__all__ = ["LeadTime", "ExpectedLeadTime", "Throughput", "Fidelity", "Feedback"]


def _fmt(x: float) -> str:
    if isinstance(x, float) and math.isnan(x):
        return "n/a"
    if isinstance(x, float) and math.isinf(x):
        return "inf"
    return f"{x:.6g}"


@dataclass(repr=False)
class LeadTime:
    """Result of :func:`lead_time`: ``value`` (``inf`` when no path) and ``path`` (ids from a
    source to a target; empty when no path)."""

    _repr_html_ = _result_html
    source: Tuple[str, ...]
    target: Tuple[str, ...]
    value: float
    path: List[str]
    unit: str
    layers: List[str]

    def __repr__(self) -> str:
        ends = f"{','.join(self.source)} -> {','.join(self.target)}"
        if not self.path:
            return f"<LeadTime {ends}: no path (inf)>"
        return f"<LeadTime {ends}: {_fmt(self.value)} {self.unit} via {' > '.join(self.path)}>"


@dataclass(repr=False)
class ExpectedLeadTime:
    """Result of :func:`expected_lead_time`.

    ``value``: the mean lead time of the items that arrive (``inf`` when none do);
    ``arrival``: the share that reaches a target; ``ends``: {dead end: share stopping there};
    ``trapped``: the share circulating forever. ``arrival + sum(ends) + trapped == 1``."""

    _repr_html_ = _result_html
    source: Tuple[str, ...]
    targets: Tuple[str, ...]
    value: float
    arrival: float
    ends: Dict[str, float]
    trapped: float
    unit: str
    layers: List[str]

    @property
    def lost(self) -> float:
        """Share of items that never arrive (1 - arrival)."""
        return 1.0 - self.arrival

    def __repr__(self) -> str:
        ends = ", ".join(f"{k} {v:.3g}" for k, v in self.ends.items()) or "none"
        return (f"<ExpectedLeadTime {','.join(self.source)} -> {','.join(self.targets)}: "
                f"{_fmt(self.value)} {self.unit} for the {self.arrival:.3g} that arrive; "
                f"stop at {ends}; trapped {self.trapped:.3g}>")


@dataclass(repr=False)
class Throughput:
    """Result of :func:`throughput`: ``value`` (maximum flow), ``cut`` (a minimum cut as a
    DataFrame of ties ``source, target, capacity, layers``), ``bottlenecks`` (organisations of
    a minimum vertex cut; ``None`` when a source has a direct tie to a target, so no set of
    organisations separates them, or when not asked for), ``source_side`` (the organisations
    on the sources' side of the cut) and ``fallback`` (how many relations used the fallback
    value). ``cut`` and ``source_side`` are built on first access."""

    _repr_html_ = _result_html
    sources: Tuple[str, ...]
    targets: Tuple[str, ...]
    value: float
    bottlenecks: Optional[List[str]]
    capacity: Optional[str]
    fallback: int
    layers: List[str]
    _cut_raw: tuple = field(default=(), repr=False, compare=False)
    _side_raw: tuple = field(default=(), repr=False, compare=False)

    @property
    def sinks(self) -> Tuple[str, ...]:
        """Deprecated name of ``targets``, kept for one release."""
        warnings.warn("Throughput.sinks is deprecated; use Throughput.targets",
                      DeprecationWarning, stacklevel=2)
        return self.targets

    @functools.cached_property
    def cut(self) -> pd.DataFrame:
        ids, s, t, c, layers = self._cut_raw
        return pd.DataFrame({"source": pd.Series(ids[s], dtype=object),
                             "target": pd.Series(ids[t], dtype=object),
                             "capacity": np.asarray(c, dtype=float),
                             "layers": pd.Series(layers, dtype=object)})

    @functools.cached_property
    def source_side(self) -> List[str]:
        ids, side = self._side_raw
        return ids[side].tolist()

    def __repr__(self) -> str:
        ids, s, t, _, _ = self._cut_raw
        cut = ", ".join(f"{a} -> {b}" for a, b in zip(ids[s], ids[t]))
        b = "none possible" if self.bottlenecks is None else (", ".join(self.bottlenecks) or "none")
        return (f"<Throughput {','.join(self.sources)} -> {','.join(self.targets)}: "
                f"{_fmt(self.value)}; cut [{cut}]; bottlenecks [{b}]>")


@dataclass(repr=False)
class Fidelity:
    """Result of :func:`fidelity`: ``value`` and ``path`` of the most reliable path (value 0
    and an empty path when no path exists), ``expected`` (the volume-routed expected
    fidelity over the items that arrive; NaN when it cannot be computed, ``note`` says why),
    ``arrival`` (the share of routed items that arrive)."""

    _repr_html_ = _result_html
    source: Tuple[str, ...]
    target: Tuple[str, ...]
    value: float
    path: List[str]
    expected: float
    arrival: float
    note: str
    layers: List[str]

    def __repr__(self) -> str:
        ends = f"{','.join(self.source)} -> {','.join(self.target)}"
        path = " > ".join(self.path) if self.path else "no path"
        exp = _fmt(self.expected) if not math.isnan(self.expected) else f"n/a ({self.note})"
        return f"<Fidelity {ends}: {_fmt(self.value)} via {path}; expected {exp}>"


@dataclass(repr=False)
class Feedback:
    """Result of :func:`feedback`.

    ``pairs``: DataFrame with one row per pair of stages (``upstream`` before
    ``downstream``): ``ties`` (direct ties from the later stage back to the earlier),
    ``coverage`` (share of the earlier stage's organisations receiving one), ``reach`` (share
    reached along paths). ``coverage``: share of stage pairs with a direct feedback tie;
    ``reach_coverage``: with feedback along paths; ``components``: strongly connected
    components (two or more organisations); ``exit_reaches_entry`` and
    ``exit_to_entry_path``."""

    _repr_html_ = _result_html
    chain: str
    stages: List[str]
    pairs: pd.DataFrame
    coverage: float
    reach_coverage: float
    components: List[List[str]]
    exit_reaches_entry: bool
    exit_to_entry_path: List[str]
    layers: List[str]

    def __repr__(self) -> str:
        back = " > ".join(self.exit_to_entry_path) if self.exit_reaches_entry else "no"
        return (f"<Feedback {self.chain!r}: coverage {self.coverage:.3g}, reach "
                f"{self.reach_coverage:.3g}, {len(self.components)} strongly connected "
                f"component(s), exit reaches entry: {back}>")


for _cls in (LeadTime, ExpectedLeadTime, Throughput, Fidelity, Feedback):
    _cls.__module__ = "ketennet.flow"  # where users find them (and pickle looks)
del _cls
