"""How integrated the network is: density, reciprocity, centralization.

Network-level functions return a float; ``layers=`` selects the view (default: all layers).
"""
from __future__ import annotations

import pandas as pd

from . import _core
from ._util import Layers, check_choice, series, view_of

__all__ = ["density", "reciprocity", "centralization"]


def density(net, *, layers: Layers = None) -> float:
    """Share of possible ties that exist.

    .. math:: d = \\frac{m}{n(n-1)} \\text{ (directed)}, \\qquad d = \\frac{2m}{n(n-1)}
              \\text{ (undirected)}

    with m the ties of the view (relations of several layers between one pair count once)
    and n the organisations. As NetworkX's ``density``: self-loops count in m, weights are
    ignored, 0 for fewer than two organisations. Provan & Milward (1995) use it as a measure
    of integration.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info")
    >>> for o in "abc": net.add_organisation(o)
    >>> net.add_relation("a", "b", "info")
    >>> kn.cohesion.density(net)
    0.16666666666666666
    """
    return _core.cohesion.density(view_of(net, layers))


def reciprocity(net, *, layers: Layers = None, per_organisation: bool = False):
    """Share of ties that are returned.

    Overall (NetworkX ``overall_reciprocity``): the share of arcs u -> v whose reverse
    v -> u exists; a self-loop is not reciprocated. With ``per_organisation=True``
    (NetworkX ``reciprocity(G, nodes)``): for each organisation,
    2 |successors ∩ predecessors| / (in-degree + out-degree), NaN without ties.

    An undirected view (all selected layers undirected) gives 1, since every tie is mutual
    (a deliberate difference: NetworkX's formula gives 0 for undirected graphs, as it counts an
    undirected edge once). A view without ties raises ``ValueError``.
    A learning-capacity indicator: does information flow back?

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info")
    >>> for o in "abc": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "a"), ("b", "c")]: net.add_relation(s, t, "info")
    >>> round(kn.cohesion.reciprocity(net), 4)
    0.6667
    """
    view = view_of(net, layers)
    if per_organisation:
        return series(net, _core.cohesion.reciprocity_per_organisation(view), "reciprocity")
    return _core.cohesion.reciprocity(view)


def centralization(net, measure: str = "degree", *, direction: str = "all",
                   layers: Layers = None, threads: int = 0) -> float:
    """Freeman (1979) centralization: how much one organisation dominates, in [0, 1].

    .. math:: C = \\frac{\\sum_v (c_{max} - c_v)}{T}

    with :math:`c_v` the organisations' scores by ``measure`` and T the largest possible sum
    for n organisations (a star). Ties are counted, weights ignored (as R's sna). 1 for a
    star, 0 when all scores are equal; 0 when T = 0 (too few organisations).

    ``measure="degree"``: unweighted degree (``direction`` "all", "out" or "in" in a directed
    view); T undirected :math:`(n-1)(n-2)`, directed in or out :math:`(n-1)^2`, directed total
    :math:`2(n-1)(n-2)` (igraph's ``centralization_degree_tmax`` without loops).

    ``measure="betweenness"``: shortest-path betweenness; T on raw scores
    :math:`(n-1)^2(n-2)` directed (ordered pairs) and :math:`(n-1)^2(n-2)/2` undirected
    (unordered pairs), i.e. :math:`n - 1` on NetworkX-normalised betweenness. As
    ``sna::centralization(g, betweenness, mode="digraph")`` for a directed view and
    ``mode="graph"`` for an undirected one.

    ``measure="closeness"``: sna's closeness :math:`(n-1) / \\sum_u d(v, u)` over outgoing
    distances, 0 for an organisation that does not reach all others (so a disconnected
    network has C = 0); T undirected :math:`(n-1)(n-2)/(2n-3)` (the star), directed
    :math:`(n-1)(1 - 1/n)` (sna's bound, which a directed out-star exceeds: C = 1.25 for
    n = 5, as in sna). As ``sna::centralization(g, closeness)``.
    (Not NetworkX's closeness, which looks at incoming distances and rescales for
    disconnected networks.)

    ``direction`` applies to degree only. Provan & Milward (1995): effective networks are
    centrally integrated.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "habc": net.add_organisation(o)
    >>> for o in "abc": net.add_relation("h", o, "info")
    >>> [round(kn.cohesion.centralization(net, m), 12) for m in ("degree", "betweenness", "closeness")]
    [1.0, 1.0, 1.0]
    """
    check_choice(measure, "measure", ("degree", "betweenness", "closeness"))
    check_choice(direction, "direction", ("all", "out", "in"))
    view = view_of(net, layers)
    if measure == "betweenness":
        return _core.cohesion.betweenness_centralization(view, threads)
    if measure == "closeness":
        return _core.cohesion.closeness_centralization(view, threads)
    return _core.cohesion.degree_centralization(view, direction)


# --- layers compared: QAP (kept in one block at the end of the module) -------------------
from dataclasses import dataclass  # noqa: E402
from typing import Optional  # noqa: E402

import numpy as np  # noqa: E402

from ._util import Progress, progress_handler  # noqa: E402

__all__ += ["qap", "QapResult"]


@dataclass(frozen=True)
class QapResult:
    """Result of :func:`qap`: the observed graph correlation, the permutation p-values and
    the correlation of every permutation (``permutations``, an array in draw order)."""

    correlation: float
    p_greater: float
    p_less: float
    p_abs: float
    permutations: np.ndarray
    layer_a: str
    layer_b: str

    def __repr__(self) -> str:
        return (f"QapResult({self.layer_a!r} ~ {self.layer_b!r}: r = {self.correlation:.4f}, "
                f"p(>=) = {self.p_greater:.4f}, p(<=) = {self.p_less:.4f}, "
                f"p(|r|) = {self.p_abs:.4f}, {len(self.permutations)} permutations)")


def qap(net, layer_a: str, layer_b: str, permutations: int = 1000, seed: int = 0, *,
        weight: Optional[str] = None, threads: int = 0, progress: Progress = None) -> QapResult:
    """QAP correlation of two layers with a permutation test (Krackhardt 1987).

    Does one kind of tie follow another, say information exchange and formal agreements?
    The correlation is Pearson's r between the off-diagonal cells of the two layers'
    adjacency matrices (1 for a tie, 0 for none; with ``weight=`` the field's value; self-loops
    left out), R's ``sna::gcor``:

    .. math:: r = \\frac{N S_{ab} - S_a S_b}{\\sqrt{(N S_{aa} - S_a^2)(N S_{bb} - S_b^2)}},
              \\qquad N = n(n-1)

    The null distribution permutes the rows and columns of ``layer_b`` together (relabelling
    its organisations at random) ``permutations`` times, as ``sna::qaptest(..., gcor)``:
    ``p_greater`` is the share of permuted r at least the observed one, ``p_less`` the share
    at most it, ``p_abs`` the share with \\|r\\| at least \\|r_obs\\| (two-sided). The k-th
    permutation is drawn from a generator seeded by (``seed``, k): results depend on the seed
    only, not on ``threads``. p-values agree with sna's within Monte Carlo error (sna uses R's
    generator).

    ``ValueError`` when the layers differ in directedness, a layer has no ties (or every tie
    and all equal: no variance), or there are fewer than three organisations; ``KeyError``
    for an unknown layer.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("agreement", directed=False); net.add_layer("info", directed=False)
    >>> for o in "abcdef": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]:
    ...     net.add_relation(s, t, "agreement"); net.add_relation(s, t, "info")
    >>> r = kn.cohesion.qap(net, "agreement", "info", permutations=200, seed=1)
    >>> round(r.correlation, 12), r.p_greater < 0.05
    (1.0, True)
    """
    for name, layer in (("layer_a", layer_a), ("layer_b", layer_b)):
        if not isinstance(layer, str):
            raise TypeError(f"{name} must be a layer name, not {type(layer).__name__}")
    if not isinstance(permutations, (int, np.integer)) or isinstance(permutations, bool) \
            or permutations < 1:
        raise ValueError(f"permutations must be a positive integer, not {permutations!r}")
    if not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    a = view_of(net, layer_a, weight)
    b = view_of(net, layer_b, weight)
    r = _core.cohesion.qap(a, b, int(permutations), int(seed), threads,
                           progress_handler(progress, "qap"))
    return QapResult(float(r["correlation"]), float(r["p_greater"]), float(r["p_less"]),
                     float(r["p_abs"]), np.asarray(r["permutations"]), layer_a, layer_b)
