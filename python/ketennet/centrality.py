"""Who is central: degree and betweenness (more centralities follow).

Every function takes the network first; ``layers=`` and ``weight=`` select the analysis
view (:meth:`ketennet.Network.view`). Results are pandas Series indexed by organisation id.
Defaults follow NetworkX's functions of the same meaning.
"""
from __future__ import annotations

from typing import Optional

import pandas as pd

from . import _core
from ._util import Layers, Progress, check_choice, progress_handler, series, view_of

__all__ = ["degree", "betweenness"]


def degree(net, direction: str = "all", *, layers: Layers = None,
           weight: Optional[str] = None) -> pd.Series:
    """Degree of every organisation: the number of its ties, or with ``weight=`` the sum of
    their weights (strength).

    Parameters
    ----------
    net : Network
    direction : {"all", "out", "in"}
        In a directed view: total (in + out), outgoing or incoming ties. Ignored when every
        selected layer is undirected.
    layers : str or list of str, optional
        Layers to count (default all). Relations of several layers between the same pair
        count as one tie (weights summed).
    weight : str, optional
        ``"volume"``, ``"capacity"``, ... to sum weights instead of counting ties.

    Returns
    -------
    Series
        Indexed by organisation id; integers without ``weight``, floats with it.

    Notes
    -----
    As NetworkX's ``G.degree`` / ``G.in_degree`` / ``G.out_degree`` (with ``weight=``): not
    normalised; an undirected self-loop counts twice.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> d = kn.centrality.degree(net, "out", layers="case")
    >>> int(d["politie"]) >= 1
    True
    """
    check_choice(direction, "direction", ("all", "out", "in"))
    view = view_of(net, layers, weight)
    values = _core.centrality.degree(view, direction)
    s = series(net, values, "degree")
    return s if weight is not None else s.astype("int64")


def betweenness(net, weight: Optional[str] = None, normalized: bool = True, *,
                endpoints: bool = False, layers: Layers = None, threads: int = 0,
                progress: Progress = None) -> pd.Series:
    """Shortest-path betweenness centrality (Freeman 1977; Brandes 2001).

    .. math:: c_B(v) = \\sum_{s \\ne v \\ne t} \\frac{\\sigma(s, t \\mid v)}{\\sigma(s, t)}

    with :math:`\\sigma(s, t)` the number of shortest paths from s to t and
    :math:`\\sigma(s, t \\mid v)` those passing through v. Organisations that broker between
    others score high: in a chain, the ones information must pass through.

    Parameters
    ----------
    net : Network
    weight : str, optional
        A relation field or attribute used as **distance** (e.g. ``"latency"``): shortest
        paths minimise its sum. Unweighted (hop count) when omitted. Weights must be
        positive (``ValueError`` naming the relation otherwise, as igraph; NetworkX accepts
        zero distances but then miscounts shortest paths).
    normalized : bool
        Divide by :math:`(n-1)(n-2)` (:math:`n(n-1)` with ``endpoints``), as NetworkX does
        for directed and undirected graphs alike. Unnormalised undirected values count each
        unordered pair once.
    endpoints : bool
        Count the end points of paths too.
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is).
    threads : int
        Threads (0: all cores). Results are identical for every thread count.
    progress : bool or callable, optional
        ``True`` shows a tqdm bar; a callable receives the fraction done and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.

    Returns
    -------
    Series indexed by organisation id.

    Notes
    -----
    Matches NetworkX's ``betweenness_centrality(G, weight=..., normalized=...,
    endpoints=...)`` (checked to 1e-9 in the tests). Pairs without a path contribute 0.

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    Sociometry 40(1), 35-41. Brandes, U. (2001). A faster algorithm for betweenness
    centrality. Journal of Mathematical Sociology 25(2), 163-177.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> b = kn.centrality.betweenness(net)
    >>> bool(b.between(0, 1).all())
    True
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.betweenness(view, bool(normalized), bool(endpoints), int(threads),
                                          progress_handler(progress, "betweenness"))
    return series(net, values, "betweenness")
