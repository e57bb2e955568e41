"""How integrated the network is: density, reciprocity, centralization, layers compared
(QAP), clustering, components, cores, connectivity, communities, multiplexity and chain
complexity.

Network-level functions return a float; ``layers=`` selects the view (default: all layers).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import FrozenSet, List, Mapping, NamedTuple, Optional

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._util import Layers, Progress, check_choice, check_view, id_array, progress_handler, series
from ._util import DEFAULT_COMBINE, check_missing, core_default, thread_count, view_of
from ._util import result_html as _result_html

__all__ = ["density", "reciprocity", "centralization", "qap", "QapResult", "transitivity",
           "clustering", "components", "core_number", "node_connectivity",
           "edge_connectivity", "communities", "Communities", "modularity",
           "partition_agreement", "Agreement", "multiplexity", "Multiplexity", "complexity"]


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
        return series(net, view, _core.cohesion.reciprocity_per_organisation(view), "reciprocity")
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
        return _core.cohesion.betweenness_centralization(view, thread_count(threads, "centralization"))
    if measure == "closeness":
        return _core.cohesion.closeness_centralization(view, thread_count(threads, "centralization"))
    return _core.cohesion.degree_centralization(view, direction)


@dataclass(frozen=True)
class QapResult:
    """Result of :func:`qap`: the observed graph correlation, the permutation p-values and
    the correlation of every permutation (``permutations``, an array in draw order)."""

    _repr_html_ = _result_html

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


@renamed_arguments(positional=("permutations", "seed"))
def qap(net, layer_a: str, layer_b: str, *,
        permutations: int = core_default(_core.cohesion.qap, "permutations"),
        seed: int = core_default(_core.cohesion.qap, "seed"),
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
    rev = net._core.revision
    a = check_view(view_of(net, layer_a, weight, complete=True), rev, "qap")
    b = check_view(view_of(net, layer_b, weight, complete=True), rev, "qap")
    r = _core.cohesion.qap(a, b, int(permutations), int(seed), thread_count(threads, "qap"),
                           progress_handler(progress, "qap"))
    return QapResult(float(r["correlation"]), float(r["p_greater"]), float(r["p_less"]),
                     float(r["p_abs"]), np.asarray(r["permutations"]), layer_a, layer_b)


def transitivity(net, *, layers: Layers = None) -> float:
    """Transitivity (global clustering coefficient): how often two partners of an
    organisation are partners of each other.

    .. math:: T = 3 \\frac{\\#\\text{triangles}}{\\#\\text{connected triples}}
              = \\frac{\\sum_v 2 T(v)}{\\sum_v d_v (d_v - 1)}

    As NetworkX's ``transitivity`` (exactly): self-loops and weights are ignored, 0 without
    triangles. For a directed view NetworkX's formula runs on the successor lists: T(v)
    counts pairs of successors u, w of v with u -> w and d_v is the out-degree (for a view
    whose ties are all mutual this is the undirected value). Wasserman & Faust (1994);
    Newman (2003). High transitivity: partners of partners work together directly.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]: net.add_relation(s, t, "overleg")
    >>> kn.cohesion.transitivity(net)  # 1 triangle, 5 connected triples
    0.6
    """
    return _core.cohesion.transitivity(view_of(net, layers))


def clustering(net, *, layers: Layers = None, weight: Optional[str] = None,
               combine: str = DEFAULT_COMBINE, average: bool = False):
    """Local clustering coefficient of every organisation (NetworkX ``clustering``).

    * Undirected, unweighted (Watts & Strogatz 1998): :math:`c_v = 2T(v) / (d_v(d_v-1))`.
    * Undirected, weighted (Onnela et al. 2005): each triangle counts with the geometric
      mean of its normalised weights, :math:`c_v = \\frac{1}{d_v(d_v-1)} \\sum_{u,w}
      (\\hat w_{vu} \\hat w_{uw} \\hat w_{wv})^{1/3}`, :math:`\\hat w = w / \\max w`.
    * Directed (Fagiolo 2007): :math:`c_v = T(v) / (2(d^{tot}_v(d^{tot}_v - 1) - 2 d^{\\leftrightarrow}_v))`
      with T(v) the directed triangles through v (weighted: geometric means as above).

    Self-loops are ignored; 0 for organisations with fewer than two partners. ``weight``:
    a relation field or attribute (default unweighted; NetworkX's default ``None`` too);
    weights must be finite and >= 0. ``average=True`` returns the mean over all
    organisations (NetworkX ``average_clustering``, zeros counted).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]: net.add_relation(s, t, "overleg")
    >>> kn.cohesion.clustering(net).round(4).to_dict()
    {'a': 1.0, 'b': 1.0, 'c': 0.3333, 'd': 0.0}
    """
    view = view_of(net, layers, weight, combine)
    values = _core.cohesion.clustering(view)
    if average:
        if len(values) == 0:
            raise ValueError("average clustering is not defined for a network without organisations")
        return float(np.mean(values))
    return series(net, view, values, "clustering")


def components(net, kind: str = "weak", *, layers: Layers = None, labels: bool = False):
    """Connected components: groups of organisations that can reach each other.

    ``kind="weak"``: joined by a path when direction is ignored (NetworkX
    ``connected_components`` / ``weakly_connected_components``); ``kind="strong"``: reach
    each other both ways along the ties' directions (NetworkX
    ``strongly_connected_components``; Tarjan 1972). In an undirected view both are the
    connected components. Computed with Boost.Graph; weights are ignored; an isolated
    organisation is its own component.

    Returns a list of frozensets of organisation ids, largest first (equal sizes: by their
    first organisation in network order); with ``labels=True`` a Series (organisation ->
    component number, 0 the largest) instead.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "a"), ("b", "c")]: net.add_relation(s, t, "case")
    >>> [sorted(c) for c in kn.cohesion.components(net)]
    [['a', 'b', 'c'], ['d']]
    >>> [sorted(c) for c in kn.cohesion.components(net, "strong")]
    [['a', 'b'], ['c'], ['d']]
    >>> kn.cohesion.components(net, labels=True).to_dict()
    {'a': 0, 'b': 0, 'c': 0, 'd': 1}
    """
    check_choice(kind, "kind", ("weak", "strong"))
    view = view_of(net, layers)
    label, size = _core.cohesion.components(view, kind)
    if labels:
        return series(net, view, label, "component")
    ids = id_array(net, view)
    order = np.argsort(label, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(size)])
    return [frozenset(ids[order[bounds[c]:bounds[c + 1]]]) for c in range(len(size))]


def core_number(net, *, layers: Layers = None) -> pd.Series:
    """Core number of every organisation: the largest k such that it belongs to the k-core,
    the largest subnetwork in which everyone has degree >= k (Seidman 1983).

    Batagelj & Zaversnik's O(m) algorithm (2003), with NetworkX's ``core_number``
    conventions: the degree of a directed view is in-degree + out-degree (a reciprocated
    pair counts twice); weights are ignored. Self-loops are not allowed (``ValueError``
    naming the organisation), as in NetworkX.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]: net.add_relation(s, t, "overleg")
    >>> kn.cohesion.core_number(net).to_dict()
    {'a': 2, 'b': 2, 'c': 2, 'd': 1}
    """
    view = view_of(net, layers)
    return series(net, view, _core.cohesion.core_number(view), "core number")


def _pair(net, source, target, what):
    if (source is None) != (target is None):
        raise ValueError(f"{what}: give both source and target, or neither")
    if source is None:
        return None, None
    for name, x in (("source", source), ("target", target)):
        if not isinstance(x, str):
            raise TypeError(f"{what}: {name} must be an organisation id (str), not {type(x).__name__}")
        if not net.has_organisation(x):
            raise KeyError(f"{what}: unknown organisation '{x}' ({name})")
    return net._core.index_of(source), net._core.index_of(target)


@renamed_arguments(keywords={"s": "source", "t": "target"})
def node_connectivity(net, source: Optional[str] = None, target: Optional[str] = None, *,
                      layers: Layers = None) -> int:
    """Node connectivity: the fewest organisations whose failure disconnects the network
    (or, given ``source`` and ``target``, cuts every path from one to the other).

    Local (``source`` s, ``target`` t): the largest number of paths from s to t sharing no
    organisation but s and t (Menger 1927), direction respected; a direct tie s -> t counts
    as one path, as in NetworkX (whose arguments are named ``s`` and ``t``). Global: 0 when
    the network is not (weakly) connected; a complete network of n organisations gives
    n - 1; otherwise Even's algorithm (Even 1975): the
    minimum local connectivity from each of the first organisations to every later
    non-adjacent one (and back, when directed). Unit-capacity maximum flows on the split
    network (Boost's Boykov-Kolmogorov). Equals NetworkX's ``node_connectivity`` on
    undirected views; on directed views it is the minimum over all ordered non-adjacent
    pairs (the definition), where NetworkX's algorithm can return more (1 for a -> b -> c,
    which is not strongly connected: 0). Weights are ignored. One organisation gives 0
    (NetworkX: 0 without ties; 2 with a self-loop, which its minimum degree counts twice);
    ``ValueError`` for a network without organisations (NetworkX raises too) or
    ``source == target``.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c")]: net.add_relation(s, t, "overleg")
    >>> kn.cohesion.node_connectivity(net), kn.cohesion.node_connectivity(net, "b", "d")
    (2, 2)
    """
    rev = net._core.revision
    a, b = _pair(net, source, target, "node_connectivity")
    view = check_view(view_of(net, layers), rev, "node_connectivity")
    return int(_core.cohesion.node_connectivity(view, a, b))


@renamed_arguments(keywords={"s": "source", "t": "target"})
def edge_connectivity(net, source: Optional[str] = None, target: Optional[str] = None, *,
                      layers: Layers = None) -> int:
    """Edge connectivity: the fewest ties whose loss disconnects the network (or, given
    ``s`` and ``t``, cuts every path from s to t).

    Local (``source`` s, ``target`` t): the largest number of tie-disjoint paths from s to t (Menger 1927; unit-capacity
    max-flow), direction respected. Global: 0 when not (weakly) connected; otherwise as
    NetworkX's ``edge_connectivity`` (Esfahanian & Hakimi 1984 for undirected views, Even
    1979 for directed ones). Ties of several layers between one pair count once; weights
    are ignored. One organisation gives 0 (NetworkX: 0 for one undirected node without
    ties; 2 with a self-loop, which its minimum degree counts twice; an error for one
    directed node); ``ValueError`` for a network without organisations (NetworkX raises too)
    or ``source == target``.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c")]: net.add_relation(s, t, "overleg")
    >>> kn.cohesion.edge_connectivity(net), kn.cohesion.edge_connectivity(net, "a", "c")
    (2, 3)
    """
    rev = net._core.revision
    a, b = _pair(net, source, target, "edge_connectivity")
    view = check_view(view_of(net, layers), rev, "edge_connectivity")
    return int(_core.cohesion.edge_connectivity(view, a, b))


@dataclass(frozen=True)
class Communities:
    """Result of :func:`communities`.

    Attributes
    ----------
    partition : pandas.Series
        Organisation -> community number (0 the largest).
    communities : list of frozenset
        The communities as sets of organisation ids, largest first.
    modularity : float
        Modularity of the partition (NaN for a network without ties).
    method, seed, resolution :
        How it was computed.
    """

    _repr_html_ = _result_html
    #: shown in the HTML display besides the fields
    _html_extra = ("communities",)

    partition: pd.Series
    modularity: float
    method: str
    seed: int
    resolution: float

    @functools.cached_property
    def communities(self) -> List[FrozenSet[str]]:
        """The communities as sets of organisation ids, largest first (built from
        ``partition`` on first use)."""
        return _groups(self.partition, canonical=True)

    def __len__(self) -> int:
        return int(self.partition.max()) + 1 if len(self.partition) else 0


def communities(net, method: str = core_default(_core.cohesion.communities, "method"), *,
                seed: int = core_default(_core.cohesion.communities, "seed"),
                resolution: float = core_default(_core.cohesion.communities, "resolution"),
                weight: Optional[str] = None, layers: Layers = None, combine: str = DEFAULT_COMBINE,
                threshold: float = core_default(_core.cohesion.communities, "threshold"),
                iterations: int = core_default(_core.cohesion.communities, "iterations")) -> Communities:
    """Communities: groups of organisations tied more densely among themselves than to the
    rest, found by maximising modularity.

    Modularity (Newman & Girvan 2004; directed: Leicht & Newman 2008), as NetworkX's
    ``community.modularity``:

    .. math:: Q = \\sum_c \\Big[\\frac{L_c}{m} - \\gamma\\Big(\\frac{d_c}{2m}\\Big)^2\\Big]
              \\quad\\text{(undirected)},\\qquad
              Q = \\sum_c \\Big[\\frac{L_c}{m} - \\gamma\\frac{d^{out}_c d^{in}_c}{m^2}\\Big]
              \\quad\\text{(directed)}

    with :math:`L_c` the weight of ties inside c, :math:`d_c` its summed degrees and m the
    total weight.

    * ``method="louvain"`` (Blondel et al. 2008), as NetworkX's ``louvain_communities``:
      local moving in a random order, aggregation, until a level gains at most
      ``threshold``; directed views use the directed gain, as NetworkX.
    * ``method="leiden"`` (Traag, Waltman & van Eck 2019): fast local moving, refinement into
      well-connected sub-communities (randomness θ = 0.01), aggregation; ``iterations`` runs
      each from the previous result (igraph's default 2; negative: until stable).
      Communities are guaranteed connected.

    Deterministic for a ``seed`` (default 0; NetworkX's default ``None`` draws a random
    seed). ``resolution`` γ (default 1, as NetworkX): above 1 favours smaller communities.
    ``weight``: unweighted by default (NetworkX reads an edge attribute ``"weight"`` when
    present); weights must be finite and >= 0.

    Compare the result with sectors through :func:`partition_agreement`: communities that
    follow sector lines suggest silos.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcdef": net.add_organisation(o)
    >>> ties = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d")]
    >>> for s, t in ties: net.add_relation(s, t, "overleg")
    >>> result = kn.cohesion.communities(net, seed=1)
    >>> sorted(sorted(c) for c in result.communities)
    [['a', 'b', 'c'], ['d', 'e', 'f']]
    >>> round(result.modularity, 4)
    0.3571
    """
    check_choice(method, "method", ("louvain", "leiden"))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    view = view_of(net, layers, weight, combine)
    membership, q, _levels = _core.cohesion.communities(
        view, method, float(resolution), int(seed), float(threshold), int(iterations))
    part = series(net, view, membership, "community")
    return Communities(partition=part, modularity=float(q), method=method, seed=int(seed),
                       resolution=float(resolution))


def _groups(part: pd.Series, canonical: bool = False) -> List[FrozenSet[str]]:
    """The organisations of each label, largest group first (equal sizes: in order of
    first appearance).

    ``canonical``: the labels are already 0, 1, ... in that order (as :func:`communities`
    numbers them), so they serve as group numbers as they are."""
    if len(part) == 0:
        return []
    if canonical:
        codes = part.to_numpy()
    else:
        codes, _ = pd.factorize(part.to_numpy(), use_na_sentinel=False)
    ids = part.index.to_numpy(dtype=object)[np.argsort(codes, kind="stable")].tolist()
    groups, start = [], 0
    for size in np.bincount(codes).tolist():
        groups.append(frozenset(ids[start:start + size]))
        start += size
    return groups if canonical else sorted(groups, key=len, reverse=True)


def _labels(obj, what: str, net=None) -> pd.Series:
    """A partition given as a Series, dict, Communities, list of sets or an organisation
    column name (with ``net``) -> Series organisation -> label."""
    if isinstance(obj, Communities):
        return obj.partition
    if isinstance(obj, str):
        if net is None:
            raise ValueError(f"{what}: the attribute name {obj!r} needs net=")
        table = net.organisations
        if obj not in table.columns:
            raise KeyError(f"{what}: organisations have no attribute {obj!r}")
        col = pd.Series(table[obj].to_numpy(), index=table["id"].to_numpy())
        missing = [i for i, x in col.items() if x is None or x == "" or (isinstance(x, float) and np.isnan(x))]
        if missing:
            raise ValueError(f"{what}: organisations without {obj!r}: {', '.join(map(str, missing[:10]))}"
                             + (" ..." if len(missing) > 10 else ""))
        return col
    if isinstance(obj, pd.Series):
        if obj.index.has_duplicates:
            raise ValueError(f"{what}: duplicate organisation ids in the index")
        if obj.isna().any():
            raise ValueError(f"{what}: no label for {', '.join(map(str, obj.index[obj.isna()][:10]))}")
        return obj
    if isinstance(obj, Mapping):
        return pd.Series(dict(obj))
    if isinstance(obj, (list, tuple)) and all(isinstance(s, (set, frozenset, list, tuple)) for s in obj):
        out = {}
        for c, members in enumerate(obj):
            for oid in members:
                if oid in out:
                    raise ValueError(f"{what}: organisation {oid!r} is in two communities")
                out[oid] = c
        return pd.Series(out)
    raise TypeError(f"{what}: expected a Series, dict, Communities, list of sets or attribute name, "
                    f"not {type(obj).__name__}")


def _codes(labels: pd.Series, order) -> np.ndarray:
    return pd.factorize(labels.reindex(order).to_numpy(dtype=object))[0].astype(np.int64)


def modularity(net, partition, *,
               resolution: float = core_default(_core.cohesion.modularity, "resolution"), weight: Optional[str] = None,
               layers: Layers = None, combine: str = DEFAULT_COMBINE) -> float:
    """Modularity of a partition of the organisations (NetworkX ``community.modularity``,
    formula in :func:`communities`).

    ``partition``: a Series or dict organisation -> label, a :class:`Communities` result, a
    list of sets of ids, or an organisation column such as ``"sector"``; every organisation
    must be labelled (``ValueError`` naming those that are not). ``ValueError`` for a view
    without ties.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("overleg", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("c", "d")]: net.add_relation(s, t, "overleg")
    >>> kn.cohesion.modularity(net, [{"a", "b"}, {"c", "d"}])
    0.5
    """
    rev = net._core.revision
    labels = _labels(partition, "modularity", net)
    ids = net.ids
    _check_keys(set(labels.index), set(ids), "partition", "the network")
    view = check_view(view_of(net, layers, weight, combine), rev, "modularity")
    return _core.cohesion.modularity(view, _codes(labels, ids).tolist(), float(resolution))


def _check_keys(a: set, b: set, name_a: str, name_b: str) -> None:
    only_a, only_b = sorted(map(str, a - b)), sorted(map(str, b - a))
    if only_a or only_b:
        parts = []
        if only_a:
            parts.append(f"in {name_a} but not in {name_b}: {', '.join(only_a[:10])}"
                         + (" ..." if len(only_a) > 10 else ""))
        if only_b:
            parts.append(f"in {name_b} but not in {name_a}: {', '.join(only_b[:10])}"
                         + (" ..." if len(only_b) > 10 else ""))
        raise ValueError("the organisations do not match; " + "; ".join(parts))


class Agreement(NamedTuple):
    """Result of :func:`partition_agreement`."""

    nmi: float
    ari: float


def partition_agreement(a, b, *, net=None) -> Agreement:
    """How far two partitions of the same organisations agree: normalised mutual information
    (NMI) and adjusted Rand index (ARI).

    .. math:: NMI = \\frac{I(a; b)}{(H(a) + H(b))/2}, \\qquad
              ARI = \\frac{\\sum_{ij}\\binom{n_{ij}}{2} - E}
                         {\\frac12[\\sum_i\\binom{a_i}{2} + \\sum_j\\binom{b_j}{2}] - E},\\;
              E = \\frac{\\sum_i\\binom{a_i}{2}\\sum_j\\binom{b_j}{2}}{\\binom{n}{2}}

    NMI with the arithmetic-mean normalisation (Danon et al. 2005; scikit-learn's default,
    igraph's ``compare_communities(method="nmi")``), ARI by Hubert & Arabie (1985); both 1
    for identical partitions; 1 when both put everyone in one group (as scikit-learn).

    ``a`` and ``b``: a Series or dict organisation -> label, a :class:`Communities` result,
    a list of sets of ids, or an organisation column such as ``"sector"`` (then ``net=`` is
    needed). Both must cover the same organisations (``ValueError`` naming those that
    differ). Comparing communities with sectors: high agreement means collaboration follows
    sector lines (silos); low agreement means it crosses them.

    Examples
    --------
    >>> import ketennet as kn
    >>> kn.cohesion.partition_agreement({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"})
    Agreement(nmi=1.0, ari=1.0)
    """
    la, lb = _labels(a, "partition_agreement (a)", net), _labels(b, "partition_agreement (b)", net)
    _check_keys(set(la.index), set(lb.index), "a", "b")
    order = list(la.index)
    nmi, ari = _core.cohesion.partition_agreement(_codes(la, order).tolist(), _codes(lb, order).tolist())
    return Agreement(float(nmi), float(ari))


@dataclass(frozen=True)
class Multiplexity:
    """Result of :func:`multiplexity`.

    Attributes
    ----------
    pairs : pandas.DataFrame
        One row per tied pair: ``source``, ``target`` (the end first in network order),
        ``n_layers`` and ``layers`` (tuple of layer names).
    multiplex_share : float
        Share of tied pairs tied in two or more layers (NaN without ties).
    jaccard : pandas.DataFrame
        Layer x layer Jaccard overlap of the tied pairs (NaN when both layers are empty).
    pairs_per_layer : pandas.Series
        Tied pairs per layer.
    """

    _repr_html_ = _result_html

    pairs: pd.DataFrame
    multiplex_share: float
    jaccard: pd.DataFrame
    pairs_per_layer: pd.Series


def multiplexity(net, *, layers: Layers = None) -> Multiplexity:
    """Multiplexity: how many layers (kinds of relation) tie each pair of organisations, the
    share of multiplex ties, and how much every pair of layers overlaps.

    A pair {u, v} (u != v) is tied in a layer when the layer has a relation between them in
    either direction (direction, weights and self-loops ignored). ``n_layers`` counts the
    layers tying the pair; a tie is multiplex when ``n_layers >= 2`` (Verbrugge 1979;
    Wasserman & Faust 1994). The Jaccard overlap of layers A and B is
    :math:`|P_A \\cap P_B| / |P_A \\cup P_B|` over their tied pairs (Jaccard 1912).
    No peer library has this; the tests check hand-computed cases.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case"); net.add_layer("overleg", directed=False)
    >>> for o in "abc": net.add_organisation(o)
    >>> net.add_relation("a", "b", "case"); net.add_relation("b", "c", "case")
    >>> net.add_relation("b", "a", "overleg")
    >>> m = kn.cohesion.multiplexity(net)
    >>> m.pairs[["source", "target", "n_layers"]].values.tolist()
    [['a', 'b', 2], ['b', 'c', 1]]
    >>> m.multiplex_share, float(m.jaccard.loc["case", "overleg"])
    (0.5, 0.5)
    """
    from ._util import layer_list

    names = layer_list(layers) or []
    r = _core.cohesion.multiplexity(net._core, names)
    check_missing(net, layers, "multiplexity")
    ids = np.asarray(net.ids, dtype=object)
    pairs = pd.DataFrame({"source": ids[r["source"]] if len(r["source"]) else np.array([], dtype=object),
                          "target": ids[r["target"]] if len(r["target"]) else np.array([], dtype=object),
                          "n_layers": np.asarray(r["n_layers"], dtype=np.int64),
                          "layers": [tuple(x) for x in r["pair_layers"]]})
    L = r["layers"]
    jac = pd.DataFrame(np.asarray(r["jaccard"]).reshape(len(L), len(L)),
                       index=pd.Index(L, name="layer"), columns=pd.Index(L, name="layer"))
    per = pd.Series(np.asarray(r["pairs_per_layer"], dtype=np.int64), index=pd.Index(L, name="layer"),
                    name="pairs")
    return Multiplexity(pairs=pairs, multiplex_share=float(r["multiplex_share"]), jaccard=jac,
                        pairs_per_layer=per)


def complexity(net, chain: Optional[str] = None) -> pd.DataFrame:
    """Chain-complexity profile, one tidy row per indicator (columns ``indicator, value,
    unit, meaning, source``), for the whole network or restricted to one chain (the
    organisations of its stages and the relations among them), so networks, chains and
    regions can be compared (WODC-style studies of growing chain complexity).

    Indicators (structural ones on the unweighted view of all layers):

    * organisations; sectors; sector heterogeneity: Blau index :math:`1 - \\sum_k p_k^2`
      (Blau 1977) and Shannon entropy :math:`-\\sum_k p_k \\ln p_k` over the sector shares of
      organisations with a sector code (NaN when none has one);
    * layers (in use), relations (all layers), ties (pairs tied, layers merged), density;
    * for a chain: stages, and hand-offs between stages: ties from an organisation of a
      stage to one of the next stage (direction respected; undirected ties either way);
    * interdependence: the share of organisations whose removal disconnects others
      (articulation points), and the share of connected pairs that depend on a single
      intermediary: pairs {u, v} joined by a path (undirected projection) for which one
      other organisation lies on every path between them, i.e. pairs in no common
      biconnected block: :math:`1 - \\sum_B \\binom{|B|}{2} / \\sum_C \\binom{|C|}{2}`;
    * cyclomatic number :math:`m - n + c` (independent loops of the undirected projection);
    * multiplex share (:func:`multiplexity`);
    * diameter and average path length in hops over the connected (ordered) pairs,
      direction respected (igraph's ``diameter``/``average_path_length`` with
      ``unconn=True``; NaN when no pair is connected);
    * degree centralization (Freeman 1979; NaN below three organisations).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o, s in [("politie", "politie"), ("om", "om"), ("rechter", "rechtspraak")]:
    ...     net.add_organisation(o, sector=s)
    >>> net.add_relation("politie", "om", "case"); net.add_relation("om", "rechter", "case")
    >>> net.add_chain("straf", {"opsporing": ["politie"], "vervolging": ["om"], "berechting": ["rechter"]})
    >>> card = kn.cohesion.complexity(net, chain="straf").set_index("indicator")
    >>> rows = ["organisations", "hand-offs between stages", "single-intermediary pairs"]
    >>> [round(x, 4) for x in card.loc[rows, "value"]]
    [3.0, 2.0, 0.3333]
    """
    if chain is not None and not isinstance(chain, str):
        raise TypeError(f"chain must be a chain name (str) or None, not {type(chain).__name__}")
    rows = _core.cohesion.complexity(net._core, chain or "")
    df = pd.DataFrame(rows, columns=["indicator", "value", "unit", "meaning", "source"])
    df["value"] = df["value"].astype(float)
    df.attrs["scope"] = "chain" if chain else "network"
    df.attrs["subject"] = chain if chain else net.name
    return df
