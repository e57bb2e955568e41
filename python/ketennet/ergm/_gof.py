"""Goodness of fit of an ERGM: the degree, edgewise shared partner and geodesic distance
distributions of networks simulated from a fit against the observed ones (statnet's
``gof``)."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Dict, List

import numpy as np
import pandas as pd

from .. import _core
from .._util import core_default, progress_handler, thread_count
from ._model import Fit, _model, _whole

__all__ = ["gof", "Gof"]

_SIM = _core.ergm.simulate


@dataclass(repr=False)
class Gof:
    """Goodness of fit of an ERGM (:func:`gof`).

    Each table (``degree``, or ``idegree`` and ``odegree`` for a directed layer;
    ``espartners``; ``distance``; ``model``) has one row per value k (per statistic for
    ``model``) and the columns ``observed``, ``min``, ``mean``, ``max`` (over the simulated
    networks) and ``p_value``, statnet's Monte Carlo p-value
    min(1, 2 min(P(sim <= obs), P(sim >= obs))). ``simulated`` holds, per table, the
    simulated counts (networks x k) for plots.
    """

    tables: Dict[str, pd.DataFrame]
    nsim: int
    layer: str
    simulated: Dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        parts = [f"Goodness of fit of layer {self.layer!r} ({self.nsim} simulated networks)"]
        for name, t in self.tables.items():
            bad = t.index[t["p_value"] < 0.05].tolist()
            parts.append(f"  {name}: {len(t)} values, p < 0.05 at {bad if bad else 'none'}")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        body = "".join(f"<h4>{html.escape(n)}</h4>" + t.to_html(float_format=lambda x: f"{x:.4g}")
                       for n, t in self.tables.items())
        return f"<div><p>{html.escape(repr(self).splitlines()[0])}</p>{body}</div>"


def _adjacency(ties: np.ndarray, n: int, directed: bool) -> np.ndarray:
    """The dense 0/1 adjacency matrix (float32) of ``ties`` (rows i, j)."""
    ties = np.asarray(ties, dtype=np.int64).reshape(-1, 2)
    a = np.zeros((n, n), dtype=np.float32)
    a[ties[:, 0], ties[:, 1]] = 1.0
    if not directed:
        a[ties[:, 1], ties[:, 0]] = 1.0
    return a


def _distributions(a: np.ndarray, n: int, directed: bool) -> Dict[str, np.ndarray]:
    out: Dict[str, np.ndarray] = {}
    if directed:
        out["idegree"] = np.bincount(a.sum(axis=0).astype(np.int64), minlength=n)
        out["odegree"] = np.bincount(a.sum(axis=1).astype(np.int64), minlength=n)
    else:
        out["degree"] = np.bincount(a.sum(axis=1).astype(np.int64), minlength=n)
    two = a @ a  # two-paths i -> k -> j (undirected: shared partners)
    r, c = np.nonzero(a)
    keep = (r < c) if not directed else np.ones(len(r), bool)
    esp = np.rint(two[r[keep], c[keep]]).astype(np.int64)
    size = max(n - 1, 1)
    out["espartners"] = np.bincount(esp, minlength=size)[:size]
    # geodesic distances of all pairs at once: the frontier at distance k is the set of pairs
    # reached by one more tie from the frontier at k - 1 and not reached before
    reached = (a > 0) | np.eye(n, dtype=bool)
    frontier = a > 0
    counts = [int(frontier.sum())]
    while frontier.any() and len(counts) < n - 1:
        nxt = ((frontier.astype(np.float32) @ a) > 0) & ~reached
        reached |= nxt
        counts.append(int(nxt.sum()))
        frontier = nxt
    counts += [0] * (n - 1 - len(counts))
    counts = np.asarray(counts[:n - 1], dtype=np.int64)
    ordered = n * (n - 1)
    unreachable = ordered - int(counts.sum())
    if not directed:
        counts, unreachable = counts // 2, unreachable // 2
    out["distance"] = np.concatenate([counts, [unreachable]])
    return out


def _table(obs: np.ndarray, sims: np.ndarray, index) -> pd.DataFrame:
    with np.errstate(invalid="ignore"):
        lo = (sims <= obs).mean(axis=0)
        hi = (sims >= obs).mean(axis=0)
    return pd.DataFrame({"observed": obs.astype(float), "min": sims.min(axis=0).astype(float),
                         "mean": sims.mean(axis=0), "max": sims.max(axis=0).astype(float),
                         "p_value": np.minimum(1.0, 2.0 * np.minimum(lo, hi))}, index=index)


def gof(fit: Fit, *, nsim: int = 100, burnin: int = core_default(_SIM, "burnin"),
        interval: int = core_default(_SIM, "interval"), seed: int = 0, threads: int = 0,
        progress=None) -> Gof:
    """Goodness of fit of a :class:`Fit`, as statnet's ``gof``: simulate ``nsim`` networks
    from the estimates and compare their degree distribution (directed: in- and out-degree),
    edgewise shared partners (directed: two-paths i→k→j of each tie, statnet's OTP) and
    geodesic distances (pairs at distance 1, 2, ..., and ``inf`` for unreachable pairs;
    directed: ordered pairs) with the observed network's, and the model's statistics.

    A row with a small p-value is a feature of the network the model does not reproduce.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("collaboration", directed=False)
    >>> for k in range(8):
    ...     net.add_organisation(f"o{k}", sector="om" if k < 4 else "zorg")
    >>> for s, t in [(0, 1), (1, 2), (2, 3), (0, 3), (4, 5), (5, 6), (3, 4), (6, 7), (1, 3)]:
    ...     net.add_relation(f"o{s}", f"o{t}", "collaboration")
    >>> f = kn.ergm.fit(net, "edges + nodematch('sector')", method="mple")
    >>> g = kn.ergm.gof(f, nsim=50, burnin=1000, interval=100, seed=1, progress=False)
    >>> list(g.tables), list(g.degree.columns)
    (['degree', 'espartners', 'distance', 'model'], ['observed', 'min', 'mean', 'max', 'p_value'])
    >>> float(g.model.loc["edges", "observed"])
    9.0
    """
    fn = "ergm.gof"
    if not isinstance(fit, Fit):
        raise TypeError(f"{fn}: fit must be a kn.ergm.Fit, not {type(fit).__name__}")
    nsim = _whole(nsim, "nsim", fn, 1)
    burnin = _whole(burnin, "burnin", fn)
    interval = _whole(interval, "interval", fn, 1)
    seed = _whole(seed, "seed", fn)
    threads = thread_count(threads, fn)
    view, ts, resolved = _model(fit.network, fit._model, fit.layer, fn)
    names = list(_core.ergm.names(view, resolved))
    n, directed = view.n, view.directed
    r = _SIM(view, resolved, fit.coef.to_numpy().tolist(), nsim, burnin, interval,
             core_default(_SIM, "chains"), seed, True, threads, progress_handler(progress, fn))
    s, t, _ = view.edges()
    s, t = np.asarray(s, dtype=np.int64), np.asarray(t, dtype=np.int64)
    keep = s != t
    observed_ties = np.stack([s[keep], t[keep]], axis=1)
    obs = _distributions(_adjacency(observed_ties, n, directed), n, directed)
    sims = [_distributions(_adjacency(ties, n, directed), n, directed) for ties in r["networks"]]
    tables: Dict[str, pd.DataFrame] = {}
    simulated: Dict[str, pd.DataFrame] = {}
    for key in obs:
        o = obs[key]
        m = np.stack([x[key] for x in sims])
        if key == "distance":
            labels: List = list(range(1, n)) + ["inf"]
            shown = [k for k in range(len(o) - 1) if o[k] or m[:, k].any()]
            last = (max(shown) + 1) if shown else 1
            cols = list(range(last)) + [len(o) - 1]
        else:
            labels = list(range(len(o)))
            nonzero = [k for k in range(len(o)) if o[k] or m[:, k].any()]
            cols = list(range((max(nonzero) + 1) if nonzero else 1))
        index = pd.Index([labels[c] for c in cols], name=key)
        tables[key] = _table(o[cols], m[:, cols], index)
        simulated[key] = pd.DataFrame(m[:, cols], columns=index)
    stats = np.asarray(r["statistics"])
    model_obs = np.asarray(_core.ergm.summary(view, resolved), dtype=float)
    tables["model"] = _table(model_obs, stats, pd.Index(names, name="statistic"))
    simulated["model"] = pd.DataFrame(stats, columns=pd.Index(names, name="statistic"))
    return Gof(tables, nsim, fit.layer, simulated)
