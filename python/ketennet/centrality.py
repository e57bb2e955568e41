"""Who is central: degree, betweenness, closeness, spectral and current-flow centralities.

Every function takes the network first; the keyword-only ``layers=`` and ``weight=`` select
the analysis view (:meth:`ketennet.Network.view`; the argument order is that of docs/api.md).
Results are pandas Series indexed by organisation id (:func:`edge_betweenness`: by (source,
target); :func:`hits`: a pair of Series). Defaults follow NetworkX's functions of the same
meaning, and each docstring says how a weight is read:

* as a **distance** (latency; shortest paths): :func:`betweenness`, :func:`edge_betweenness`,
  :func:`closeness`, :func:`harmonic`;
* as a **strength** (volume; walks, eigenvectors, electrical conductance): :func:`degree`,
  :func:`pagerank`, :func:`katz`, :func:`eigenvector`, :func:`hits`, :func:`information`,
  :func:`current_flow_closeness`, :func:`current_flow_betweenness`.

Directed views: :func:`closeness`, :func:`harmonic`, :func:`katz` and :func:`eigenvector`
look at *incoming* ties (who reaches an organisation), as NetworkX. The current-flow
centralities (:func:`information`, :func:`current_flow_closeness`,
:func:`current_flow_betweenness`) need an undirected, connected view. Iterative methods
raise :class:`ketennet.ConvergenceError` (a ``ValueError``) when they do not converge.
"""
from __future__ import annotations

from typing import Mapping, Optional, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._util import (Layers, Progress, check_choice, core_default, labels, progress_handler, series,
                    thread_count, view_of)

__all__ = ["degree", "betweenness", "edge_betweenness", "closeness", "harmonic", "pagerank",
           "katz", "eigenvector", "hits", "information", "current_flow_closeness",
           "current_flow_betweenness"]

PerOrganisation = Optional[Union[Mapping[str, float], pd.Series]]


def _per_organisation(net, view, values: PerOrganisation, name: str, complete: bool = False):
    """A {organisation id: number} mapping (or Series) as an array in the order of the
    organisations of ``view``.

    ``None`` stays ``None``. Organisations left out get 0 (as NetworkX), unless ``complete``
    (then ``ValueError`` naming them). Unknown ids raise ``KeyError`` naming them."""
    if values is None:
        return None
    if isinstance(values, pd.Series):
        values = values.to_dict()
    if not isinstance(values, Mapping):
        raise TypeError(f"{name} must be a dict or Series keyed by organisation id, "
                        f"not {type(values).__name__}")
    index = labels(net, view)
    keys = list(values.keys())
    pos = index.get_indexer(keys)
    unknown = [k for k, p in zip(keys, pos) if p < 0]
    if unknown:
        shown = ", ".join(repr(k) for k in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        raise KeyError(f"{name}: unknown organisation{'s' if len(unknown) > 1 else ''} {shown}")
    out = np.zeros(len(index), dtype=float)
    try:
        out[pos] = np.asarray([float(values[k]) for k in keys], dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: values must be numbers") from None
    if complete and len(set(pos.tolist())) < len(index):
        given = np.zeros(len(index), dtype=bool)
        given[pos] = True
        missing = [index[i] for i in np.flatnonzero(~given)[:5]]
        raise ValueError(f"{name}: no value for organisation{'s' if len(missing) > 1 else ''} "
                         + ", ".join(repr(m) for m in missing)
                         + (" ..." if (~given).sum() > 5 else "")
                         + "; give one for every organisation, or a single number")
    return out


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
    s = series(net, view, values, "degree")
    return s if weight is not None else s.astype("int64")


@renamed_arguments(positional=("weight", "normalized"))
def betweenness(net, *, weight: Optional[str] = None,
                normalized: bool = core_default(_core.centrality.betweenness, "normalized"),
                endpoints: bool = core_default(_core.centrality.betweenness, "endpoints"),
                layers: Layers = None, threads: int = 0,
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
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.

    Returns
    -------
    Series indexed by organisation id.

    Notes
    -----
    Matches NetworkX's ``betweenness_centrality(G, weight=..., normalized=...,
    endpoints=...)`` (checked to 1e-9 in the tests). Pairs without a path contribute 0.
    One search per source (BFS, or Dijkstra when weighted), on ``threads`` cores. An
    organisation whose ties all run to one other, with a tie towards it (a leaf), is not
    searched from: its hub's search stands for it (Baglioni et al. 2012), with the same
    values up to rounding. With weights this applies only when path sums are exact in
    floating point (integers, halves, ...), so that ties between paths of decimal
    latencies are judged as NetworkX judges them.

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    Sociometry 40(1), 35-41. Brandes, U. (2001). A faster algorithm for betweenness
    centrality. Journal of Mathematical Sociology 25(2), 163-177. Baglioni, M., Geraci, F.,
    Pellegrini, M. & Lastres, E. (2012). Fast exact computation of betweenness centrality in
    social networks. ASONAM 2012, 450-456.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> b = kn.centrality.betweenness(net)
    >>> bool(b.between(0, 1).all())
    True
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.betweenness(view, bool(normalized), bool(endpoints), thread_count(threads, 'betweenness'),
                                          progress_handler(progress, "betweenness"))
    return series(net, view, values, "betweenness")


@renamed_arguments(positional=("weight", "normalized"))
def edge_betweenness(net, *, weight: Optional[str] = None,
                     normalized: bool = core_default(_core.centrality.edge_betweenness, "normalized"),
                     layers: Layers = None, threads: int = 0,
                     progress: Progress = None) -> pd.Series:
    """Shortest-path betweenness of every tie (Girvan & Newman 2002; Brandes 2008).

    .. math:: c_B(e) = \\sum_{s \\ne t} \\frac{\\sigma(s, t \\mid e)}{\\sigma(s, t)}

    with :math:`\\sigma(s, t)` the number of shortest paths from s to t and
    :math:`\\sigma(s, t \\mid e)` those using tie e. Ties with high values carry much of the
    traffic between parts of the network: the hand-offs a chain depends on.

    Parameters
    ----------
    net : Network
    weight : str, optional
        A relation field or attribute read as **distance** (e.g. ``"latency"``), which must
        be positive (``ValueError`` naming the tie otherwise). Hops when omitted.
    normalized : bool
        Divide by :math:`n(n-1)`, as NetworkX for directed and undirected graphs alike.
        Unnormalised undirected values count each unordered pair once.
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is). Relations of
        several layers between the same pair are one tie.
    threads : int
        Threads (0: all cores). Results are identical for every thread count.
    progress : bool or callable, optional
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.

    Returns
    -------
    Series
        Indexed by a (source, target) MultiIndex, one entry per tie of the view (in an
        undirected view each tie once, source before target in network order);
        self-loops get 0.

    Notes
    -----
    Matches NetworkX's ``edge_betweenness_centrality(G, normalized=, weight=)`` (checked to
    1e-9 in the tests). Pairs without a path contribute 0.

    References
    ----------
    Girvan, M. & Newman, M. E. J. (2002). Community structure in social and biological
    networks. PNAS 99(12), 7821-7826. Brandes, U. (2008). On variants of shortest-path
    betweenness centrality and their generic computation. Social Networks 30(2), 136-145.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> eb = kn.centrality.edge_betweenness(net, layers="case")
    >>> eb.index.names
    FrozenList(['source', 'target'])
    >>> bool(eb.loc[("politie", "om")] > 0)
    True
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.edge_betweenness(view, bool(normalized), thread_count(threads, 'edge_betweenness'),
                                               progress_handler(progress, "edge betweenness"))
    src, tgt, _ = view.edges()
    ids = labels(net, view)
    index = pd.MultiIndex.from_arrays([ids.take(src), ids.take(tgt)], names=["source", "target"])
    return pd.Series(values, index=index, name="edge_betweenness")


@renamed_arguments(positional=("weight", "wf_improved"))
def closeness(net, *, weight: Optional[str] = None,
              wf_improved: bool = core_default(_core.centrality.closeness, "wf_improved"),
              layers: Layers = None, threads: int = 0, progress: Progress = None) -> pd.Series:
    """Closeness centrality: how close the others are, in incoming distance.

    .. math:: C(v) = \\frac{r(v) - 1}{\\sum_{u} d(u, v)} \\cdot \\frac{r(v) - 1}{n - 1}

    summing over the organisations u that reach v; r(v) counts them (v included), and the
    second factor (``wf_improved``, Wasserman & Faust 1994) scales down organisations that
    only part of the network reaches. An organisation nobody reaches gets 0.

    Parameters
    ----------
    net : Network
    weight : str, optional
        A relation field or attribute read as **distance** (``"latency"``: days), >= 0
        (``ValueError`` naming the tie otherwise). Hops when omitted.
    wf_improved : bool
        Apply the Wasserman-Faust factor (NetworkX's default). Without it, closeness is
        computed within the part of the network that reaches v only.
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is).
    threads : int
        Threads (0: all cores). Results are identical for every thread count.
    progress : bool or callable, optional
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.

    Returns
    -------
    Series indexed by organisation id.

    Notes
    -----
    As NetworkX's ``closeness_centrality(G, distance=weight, wf_improved=)`` (checked to
    1e-9): in a directed view the distances are **incoming**, d(u, v) from the others to v
    (how fast information from everybody arrives); for outgoing distances, reverse the
    relations. Distances sum to 0 (zero latencies): 0.

    References
    ----------
    Bavelas, A. (1950). Communication patterns in task-oriented groups. JASA 22(6),
    725-730. Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge UP.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> c = kn.centrality.closeness(net, layers="case")
    >>> bool(c.between(0, 1).all()), c.idxmax() in net
    (True, True)
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.closeness(view, bool(wf_improved), thread_count(threads, 'closeness'),
                                        progress_handler(progress, "closeness"))
    return series(net, view, values, "closeness")


@renamed_arguments(positional=("weight",))
def harmonic(net, *, weight: Optional[str] = None, layers: Layers = None, threads: int = 0,
             progress: Progress = None) -> pd.Series:
    """Harmonic centrality: the sum of inverse incoming distances.

    .. math:: H(v) = \\sum_{u \\ne v} \\frac{1}{d(u, v)}

    with :math:`1/\\infty = 0`: organisations that cannot reach v add nothing, so unlike
    closeness it needs no correction on disconnected networks. Not normalised.

    Parameters
    ----------
    net : Network
    weight : str, optional
        A relation field or attribute read as **distance**, >= 0 (``ValueError`` naming the
        tie otherwise); pairs at distance 0 are skipped, as NetworkX does. Hops when omitted.
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is).
    threads : int
        Threads (0: all cores). Results are identical for every thread count.
    progress : bool or callable, optional
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.

    Returns
    -------
    Series indexed by organisation id.

    Notes
    -----
    As NetworkX's ``harmonic_centrality(G, distance=weight)`` (checked to 1e-9): incoming
    distances in a directed view.

    References
    ----------
    Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285, 539-546.
    Boldi, P. & Vigna, S. (2014). Axioms for centrality. Internet Mathematics 10, 222-262.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> h = kn.centrality.harmonic(net, layers="case")
    >>> bool((h >= 0).all()), bool(h["om"] > h["aangever"])
    (True, True)
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.harmonic(view, thread_count(threads, 'harmonic'), progress_handler(progress, "harmonic"))
    return series(net, view, values, "harmonic")


@renamed_arguments(positional=("weight", "dangling"))
def pagerank(net, alpha: float = core_default(_core.centrality.pagerank, "alpha"),
             personalization: PerOrganisation = None,
             max_iter: int = core_default(_core.centrality.pagerank, "max_iter"),
             tol: float = core_default(_core.centrality.pagerank, "tol"), nstart: PerOrganisation = None,
             *, weight: Optional[str] = None, dangling: PerOrganisation = None,
             layers: Layers = None, threads: int = 0) -> pd.Series:
    """PageRank: the share of time a random walker along the ties spends at each organisation.

    .. math:: x(v) = \\alpha \\Big( \\sum_{u \\to v} \\frac{w(u, v)}{s(u)} x(u)
              + d(v) \\sum_{u\\ \\mathrm{dangling}} x(u) \\Big) + (1 - \\alpha)\\, p(v)

    with s(u) the out-strength of u, p the personalization (where jumps land) and d the
    dangling distribution (where walkers at organisations without outgoing ties go). Think
    of a case that follows the case flow and now and then starts anew.

    Parameters
    ----------
    net : Network
    alpha : float
        Damping factor in [0, 1].
    personalization : dict or Series, optional
        {organisation id: weight}; organisations left out get 0; divided by the sum.
        Uniform when omitted.
    max_iter : int
        Most power iterations (``ConvergenceError`` after that).
    tol : float
        Stop when the L1 change of an iteration is below ``n * tol``.
    nstart : dict or Series, optional
        Start vector (divided by its sum); uniform when omitted.
    weight : str, optional
        A relation field or attribute read as **strength** (``"volume"``: more cases, more
        traffic), >= 0. Unweighted when omitted (NetworkX's default ``weight="weight"`` reads
        a ``weight`` attribute; ketennet never weighs implicitly).
    dangling : dict or Series, optional
        Where walkers at organisations without outgoing ties jump; as ``personalization``
        when omitted.
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is). Undirected ties
        are followed both ways.
    threads : int
        Threads for the power iteration (0: all cores). Only networks of at least 2^18
        ties plus organisations are split; the values are the same for any number of
        threads.

    Returns
    -------
    Series indexed by organisation id, summing to 1.

    Raises
    ------
    ketennet.ConvergenceError
        No convergence within ``max_iter`` iterations (NetworkX:
        ``PowerIterationFailedConvergence``); a ``ValueError``.

    Notes
    -----
    The same power iteration, start vector and stopping rule as NetworkX's ``pagerank``,
    so the values agree with NetworkX's to rounding (checked to 1e-9 in the tests). Sums
    over organisations are taken in fixed blocks of 2048 and the blocks added in order (what
    makes threads give identical values), so the last bits can differ from a plain sum.

    References
    ----------
    Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual web search engine.
    Computer Networks and ISDN Systems 30, 107-117.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> pr = kn.centrality.pagerank(net, layers="case", weight="volume")
    >>> round(float(pr.sum()), 9)
    1.0
    >>> pr = kn.centrality.pagerank(net, layers="case", personalization={"politie": 1})
    >>> bool(pr["om"] > pr["halt"])
    True
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.pagerank(
        view, float(alpha), _per_organisation(net, view, personalization, "personalization"),
        int(max_iter), float(tol), _per_organisation(net, view, nstart, "nstart"),
        _per_organisation(net, view, dangling, "dangling"), thread_count(threads, 'pagerank'))
    return series(net, view, values, "pagerank")


@renamed_arguments(positional=("weight",))
def katz(net, alpha: float = core_default(_core.centrality.katz, "alpha"),
         beta: Union[float, Mapping[str, float], pd.Series] = core_default(_core.centrality.katz, "beta"),
         max_iter: int = core_default(_core.centrality.katz, "max_iter"), tol: float = core_default(_core.centrality.katz, "tol"),
         nstart: PerOrganisation = None, normalized: bool = core_default(_core.centrality.katz, "normalized"), *, weight: Optional[str] = None,
         layers: Layers = None) -> pd.Series:
    """Katz centrality: all walks that end at an organisation, longer ones counting less.

    .. math:: x(v) = \\alpha \\sum_{u \\to v} w(u, v)\\, x(u) + \\beta(v),
              \\qquad x = (I - \\alpha A^T)^{-1} \\beta

    so a walk of length k contributes :math:`\\alpha^k`. The series converges only for
    :math:`\\alpha < 1/\\lambda_{max}`, the inverse of the adjacency matrix's largest
    eigenvalue.

    Parameters
    ----------
    net : Network
    alpha : float
        Attenuation factor.
    beta : float or dict or Series
        What every organisation gets for itself: one number, or one per organisation
        (every organisation needs one: ``ValueError`` naming those without).
    max_iter : int
        Most power iterations (``ConvergenceError`` after that, or as soon as the values
        overflow because alpha is too large).
    tol : float
        Stop when the L1 change of an iteration is below ``n * tol``.
    nstart : dict or Series, optional
        Start vector, used as given (organisations left out: 0); zeros when omitted.
    normalized : bool
        Divide by the Euclidean norm.
    weight : str, optional
        A relation field or attribute read as **strength** (>= 0). Unweighted when omitted.
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is).

    Returns
    -------
    Series indexed by organisation id.

    Raises
    ------
    ketennet.ConvergenceError
        No convergence within ``max_iter`` iterations, or divergence (alpha too large).

    Notes
    -----
    The same iteration and stopping rule as NetworkX's ``katz_centrality`` (checked to
    1e-9): in a directed view the walks **end** at v (incoming ties), as NetworkX.

    References
    ----------
    Katz, L. (1953). A new status index derived from sociometric analysis.
    Psychometrika 18(1), 39-43.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> k = kn.centrality.katz(net, layers="case")
    >>> round(float((k ** 2).sum()), 9)
    1.0
    """
    view = view_of(net, layers, weight)
    per = None
    if isinstance(beta, (Mapping, pd.Series)):
        per = _per_organisation(net, view, beta, "beta", complete=True)
        beta = 1.0
    values = _core.centrality.katz(view, float(alpha), float(beta), per, int(max_iter),
                                   float(tol), _per_organisation(net, view, nstart, "nstart"),
                                   bool(normalized))
    return series(net, view, values, "katz")


@renamed_arguments(positional=("weight",))
def eigenvector(net, max_iter: int = core_default(_core.centrality.eigenvector, "max_iter"),
                tol: float = core_default(_core.centrality.eigenvector, "tol"), nstart: PerOrganisation = None,
                *, weight: Optional[str] = None, layers: Layers = None) -> pd.Series:
    """Eigenvector centrality: central are the organisations tied to central ones.

    .. math:: \\lambda\\, x(v) = \\sum_{u \\to v} w(u, v)\\, x(u), \\qquad \\|x\\|_2 = 1

    the Perron eigenvector of the adjacency matrix, found by power iteration on
    :math:`A^T + I`.

    Parameters
    ----------
    net : Network
    max_iter : int
        Most power iterations (``ConvergenceError`` after that).
    tol : float
        Stop when the L1 change of an iteration is below ``n * tol``.
    nstart : dict or Series, optional
        Start vector (>= 0, divided by its sum); all equal when omitted.
    weight : str, optional
        A relation field or attribute read as **strength** (>= 0). Unweighted when omitted.
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is).

    Returns
    -------
    Series indexed by organisation id, with unit Euclidean norm.

    Raises
    ------
    ketennet.ConvergenceError
        No convergence within ``max_iter`` iterations (NetworkX:
        ``PowerIterationFailedConvergence``).

    Notes
    -----
    The same iteration and stopping rule as NetworkX's ``eigenvector_centrality`` (checked
    to 1e-9). In a directed view **incoming** ties count (the left eigenvector: being
    pointed at by central organisations), as NetworkX; organisations that no strongly
    connected core reaches tend to 0. On a disconnected network the vector depends on the
    start vector.

    References
    ----------
    Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique
    identification. Journal of Mathematical Sociology 2(1), 113-120.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> e = kn.centrality.eigenvector(net, layers="case", max_iter=1000)
    >>> round(float((e ** 2).sum()), 9)
    1.0
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.eigenvector(view, int(max_iter), float(tol),
                                          _per_organisation(net, view, nstart, "nstart"))
    return series(net, view, values, "eigenvector")


def hits(net, max_iter: int = core_default(_core.centrality.hits, "max_iter"), tol: float = core_default(_core.centrality.hits, "tol"),
         nstart: PerOrganisation = None, normalized: bool = core_default(_core.centrality.hits, "normalized"), *, weight: Optional[str] = None,
         layers: Layers = None) -> Tuple[pd.Series, pd.Series]:
    """Hubs and authorities (HITS): good hubs send to good authorities, good authorities
    receive from good hubs.

    .. math:: h(u) = \\sum_{u \\to v} w(u, v)\\, a(v), \\qquad
              a(v) = \\sum_{u \\to v} w(u, v)\\, h(u)

    so the authorities are the dominant eigenvector of :math:`A^T A` and the hubs
    :math:`h = A a`. In an information network hubs are the organisations that inform the
    main receivers; authorities those the main senders inform.

    Parameters
    ----------
    net : Network
    max_iter : int
        Most Lanczos restarts (20 steps each, like NetworkX's ARPACK call);
        ``ConvergenceError`` after that.
    tol : float
        Stop when the eigen-residual is at most ``tol`` times the eigenvalue (ARPACK's rule).
    nstart : dict or Series, optional
        Start vector for the authorities (>= 0); all equal when omitted.
    normalized : bool
        Divide hubs and authorities by their sums. Otherwise the authorities have unit
        Euclidean norm and the hubs are A times them.
    weight : str, optional
        A relation field or attribute read as **strength** (>= 0). Unweighted when omitted
        (NetworkX's ``hits`` reads a ``weight`` attribute when edges have one).
    layers : str or list of str, optional
        Layers of the view (default all; directed if any selected layer is). An undirected
        view gives hubs equal to authorities.

    Returns
    -------
    (hubs, authorities) : tuple of Series
        Each indexed by organisation id (names ``"hubs"`` and ``"authorities"``).

    Raises
    ------
    ketennet.ConvergenceError
        No convergence within ``max_iter`` restarts.

    Notes
    -----
    As NetworkX's ``hits`` (checked to 1e-6 relative), which takes the top singular vector
    from ARPACK. When the dominant eigenvalue of :math:`A^T A` is not simple (an
    undirected bipartite network, two equal components) the scores are not unique: ketennet
    returns the projection of the start vector on the dominant eigenspace, the limit of
    Kleinberg's iteration, where NetworkX returns whatever ARPACK finds. Without ties every
    score is 1/n.

    References
    ----------
    Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked environment. Journal
    of the ACM 46(5), 604-632.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> hubs, authorities = kn.centrality.hits(net, layers="information")
    >>> round(float(hubs.sum()), 9), round(float(authorities.sum()), 9)
    (1.0, 1.0)
    """
    view = view_of(net, layers, weight)
    h, a = _core.centrality.hits(view, int(max_iter), float(tol),
                                 _per_organisation(net, view, nstart, "nstart"), bool(normalized))
    return series(net, view, h, "hubs"), series(net, view, a, "authorities")


@renamed_arguments(positional=("weight",))
def current_flow_closeness(net, *, weight: Optional[str] = None, layers: Layers = None,
                           threads: int = 0, progress: Progress = None) -> pd.Series:
    """Current-flow closeness (Brandes & Fleischer 2005), also known as information
    centrality (Stephenson & Zelen 1989): closeness along all routes at once, the ties read
    as resistors.

    .. math:: C_{CF}(v) = \\frac{1}{\\sum_{t \\ne v} R(v, t)}, \\qquad
              R(v, t) = C_{vv} + C_{tt} - 2 C_{vt},\\ C = (L + J)^{-1}

    with R(v, t) the effective resistance between v and t when every tie is a resistor of
    conductance w (its weight), L the Laplacian and J the all-ones matrix: many short,
    strong parallel channels make v close. Stephenson & Zelen's reading is the same:
    information travels along all paths, each carrying in inverse proportion to its length,
    combined like resistors.

    Parameters
    ----------
    net : Network
    weight : str, optional
        A relation field or attribute read as **strength** (conductance; ``"volume"``),
        > 0 (``ValueError`` naming the tie otherwise). Every tie 1 when omitted.
    layers : str or list of str, optional
        Layers of the view: together undirected and connecting every organisation.
    threads : int
        Threads (0: all cores). Results are identical for every thread count.
    progress : bool or callable, optional
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.

    Returns
    -------
    Series indexed by organisation id.

    Raises
    ------
    ValueError
        The view is directed, not connected (the message names an organisation that cannot
        be reached), has fewer than two organisations, or a weight is not positive.

    See Also
    --------
    information : the same function under Stephenson & Zelen's name.

    Notes
    -----
    As NetworkX's ``current_flow_closeness_centrality(G, weight=)`` and
    ``information_centrality(G, weight=)``, one function under two names (checked to 1e-9;
    Brandes & Fleischer 2005 proved the notions equal up to a constant). Not normalised:
    Brandes & Fleischer's value is :math:`(n - 1)` times this one, and Stephenson & Zelen's
    own value, the harmonic mean :math:`n / \\sum_t R(v, t)`, is n times this one. Computed
    with one sparse Cholesky (LDL^T) factorisation of the grounded Laplacian and a sparse
    forward substitution per organisation, never a dense inverse. Self-loops are ignored.

    References
    ----------
    Brandes, U. & Fleischer, D. (2005). Centrality measures based on current flow. STACS
    2005, LNCS 3404, 533-544. Stephenson, K. & Zelen, M. (1989). Rethinking centrality:
    methods and examples. Social Networks 11(1), 1-37.

    Examples
    --------
    A Zorg- en Veiligheidshuis and its partners (an undirected consultation layer):

    >>> import ketennet as kn
    >>> net = kn.Network("zvh")
    >>> net.add_layer("overleg", directed=False)
    >>> for org in ["zvh", "politie", "om", "gemeente"]:
    ...     net.add_organisation(org)
    >>> for a, b in [("zvh", "politie"), ("zvh", "om"), ("zvh", "gemeente"), ("politie", "om")]:
    ...     net.add_relation(a, b, "overleg", volume=2.0)
    >>> kn.centrality.current_flow_closeness(net, weight="volume").round(4).to_dict()
    {'zvh': 0.8571, 'politie': 0.6667, 'om': 0.6667, 'gemeente': 0.4615}
    >>> net.add_organisation("reclassering")
    >>> net.add_relation("zvh", "reclassering", "overleg")
    >>> kn.centrality.information(net).round(4).to_dict()
    {'zvh': 0.3, 'politie': 0.2143, 'om': 0.2143, 'gemeente': 0.1579, 'reclassering': 0.1579}

    A layer that leaves organisations out is refused:

    >>> kn.centrality.current_flow_closeness(kn.examples.load("strafrechtketen"),
    ...                                      layers="collaboration")
    Traceback (most recent call last):
    ...
    ValueError: current_flow_closeness: the view (layer 'collaboration') is not connected: ...
    """
    return _current_flow_closeness(net, weight, layers, threads, progress,
                                   "current_flow_closeness")


@renamed_arguments(positional=("weight",))
def information(net, *, weight: Optional[str] = None, layers: Layers = None, threads: int = 0,
                progress: Progress = None) -> pd.Series:
    """Information centrality (Stephenson & Zelen 1989): the same function as
    :func:`current_flow_closeness`, which documents it, under the name NetworkX's
    ``information_centrality`` uses; the result and its messages are named
    ``"information"``."""
    return _current_flow_closeness(net, weight, layers, threads, progress, "information")


def _current_flow_closeness(net, weight, layers, threads, progress, name: str) -> pd.Series:
    """Current-flow closeness under ``name`` (the name of the result and of its messages)."""
    view = view_of(net, layers, weight)
    compute = getattr(_core.centrality, name)
    label = "information" if name == "information" else "current-flow closeness"
    values = compute(view, thread_count(threads, name), progress_handler(progress, label))
    return series(net, view, values, name)


@renamed_arguments(positional=("normalized", "weight"))
def current_flow_betweenness(net, *, weight: Optional[str] = None,
                             normalized: bool = core_default(_core.centrality.current_flow_betweenness, "normalized"),
                             layers: Layers = None, threads: int = 0,
                             progress: Progress = None) -> pd.Series:
    """Current-flow ("random-walk") betweenness (Newman 2005; Brandes & Fleischer 2005): the
    current through an organisation when a unit current flows between every other pair.

    .. math:: c_{CB}(v) = \\frac{1}{(n-1)(n-2)/2} \\sum_{s < t;\\ v \\notin \\{s, t\\}}
              \\frac{1}{2} \\sum_{e \\ni v} |I_e(s, t)|

    with :math:`I_e(s, t)` the current on tie e when a unit current enters at s and leaves
    at t, every tie a resistor of conductance w (its weight). Unlike shortest-path
    betweenness, organisations on alternative routes share the flow, as information that
    spreads along every channel does.

    Parameters
    ----------
    net : Network
    weight : str, optional
        A relation field or attribute read as **strength** (conductance; ``"volume"``),
        > 0 (``ValueError`` naming the tie otherwise). Every tie 1 when omitted.
    normalized : bool
        Divide by :math:`(n-1)(n-2)/2`, the number of pairs of other organisations.
    layers : str or list of str, optional
        Layers of the view: together undirected and connecting every organisation.
    threads : int
        Threads (0: all cores). Results are identical for every thread count.
    progress : bool or callable, optional
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done and may return
        ``False`` to cancel (``RuntimeError``). Ctrl-C interrupts.

    Returns
    -------
    Series indexed by organisation id.

    Raises
    ------
    ValueError
        The view is directed, not connected, empty, or a weight is not positive.

    Notes
    -----
    As NetworkX's ``current_flow_betweenness_centrality(G, normalized=, weight=)`` (checked
    to 1e-9). With fewer than three organisations every value is 0 (NetworkX divides by
    zero). Self-loops carry no current and are ignored (NetworkX mishandles them). The
    grounded Laplacian is factorised once (sparse Cholesky, LDL^T); up to 2048 organisations
    the potentials of all n unit currents are kept (one solve each, n² doubles), above that
    one sparse solve per tie; then a sort of n potentials per tie: O(m (f + n log n)) for a
    factor with f non-zeros, never a dense factorisation or inverse.

    References
    ----------
    Newman, M. E. J. (2005). A measure of betweenness centrality based on random walks.
    Social Networks 27(1), 39-54. Brandes, U. & Fleischer, D. (2005). Centrality measures
    based on current flow. STACS 2005, LNCS 3404, 533-544.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network("zvh")
    >>> net.add_layer("overleg", directed=False)
    >>> for org in ["zvh", "politie", "om", "gemeente"]:
    ...     net.add_organisation(org)
    >>> for a, b in [("zvh", "politie"), ("zvh", "om"), ("zvh", "gemeente"), ("politie", "om")]:
    ...     net.add_relation(a, b, "overleg")
    >>> kn.centrality.current_flow_betweenness(net).round(4).to_dict()
    {'zvh': 0.7778, 'politie': 0.2222, 'om': 0.2222, 'gemeente': 0.0}
    """
    view = view_of(net, layers, weight)
    values = _core.centrality.current_flow_betweenness(
        view, bool(normalized), thread_count(threads, 'current_flow_betweenness'),
        progress_handler(progress, "current-flow betweenness"))
    return series(net, view, values, "current_flow_betweenness")
