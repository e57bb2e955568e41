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
                   layers: Layers = None) -> float:
    """Freeman (1979) centralization: how much one organisation dominates, in [0, 1].

    .. math:: C = \\frac{\\sum_v (c_{max} - c_v)}{T}

    with :math:`c_v` the (unweighted) degree and T the largest possible sum for n
    organisations, reached by a star: undirected :math:`(n-1)(n-2)`; directed in or out
    :math:`(n-1)^2`; directed total :math:`2(n-1)(n-2)` (igraph's
    ``centralization_degree_tmax`` without loops). 1 for a star, 0 when all degrees are equal.
    Provan & Milward (1995): effective networks are centrally integrated.

    Only ``measure="degree"`` for now.
    """
    check_choice(measure, "measure", ("degree",))
    check_choice(direction, "direction", ("all", "out", "in"))
    return _core.cohesion.degree_centralization(view_of(net, layers), direction)
