"""How information flows: efficiency, lead time, throughput, fidelity, first passage,
feedback, and chain scores.

Every function takes the network first; ``layers=`` and ``weight=`` select the analysis
view (:meth:`ketennet.Network.view`). Flow metrics read relation fields, and a relation
whose field is unknown is never filled in.

Chain indicators (lead time, expected lead time, throughput, fidelity, first passage with a
routing weight, attrition, :func:`score_chain`) describe how *cases* move, so when ``layers``
is omitted they read the **case layers** (``kind="case"``, see :class:`ketennet.Layer`) in
which every relation carries the fields they need: messages on an information layer are never
added to cases, and a lead time is never measured along a reporting line. A network without a
case layer raises ``ValueError`` saying how to declare one; case layers that lack a field raise
``ValueError`` naming the gaps per layer. Feedback reads the directed case and information
layers (a later stage reaching an earlier one); efficiency reads layers of any kind. Pass
``layers=`` to choose; relations that then lack the field are named in a ``ValueError``.

Lead times read ``latency`` as days (parallel relations of several layers: the fastest
counts), fidelity reads ``quality`` in [0, 1] (the best relation counts), throughput reads
``capacity`` in items per period (parallel relations add up), and routing reads ``volume``
(items per period; parallel relations add up).

Organisation ids that do not exist raise ``KeyError``; a source that is also a target raises
``ValueError``; when no path exists the result says so with a documented value (``inf`` lead
time, fidelity 0, an empty path), not an exception.
"""
from __future__ import annotations

import functools
import math
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._flow_results import ExpectedLeadTime, Feedback, Fidelity, LeadTime, Throughput
from ._util import Ids, check_network as _check_net, index_of as _index, indices_of as _indices
from ._util import Layers, Progress, check_view, id_array, layer_list, progress_handler, series
from ._util import check_missing, core_default, thread_count, view_of
from .network import Network, StagesLike, _stages

__all__ = ["global_efficiency", "local_efficiency", "lead_time", "expected_lead_time",
           "throughput", "fidelity", "first_passage", "feedback", "score_chain",
           "layers_carrying", "LeadTime", "ExpectedLeadTime", "Throughput", "Fidelity",
           "Feedback"]

ChainLike = Union[str, StagesLike]

_SRC_LM = "Latora & Marchiori (2001), Phys. Rev. Lett. 87, 198701"


def _names(ids: Ids) -> Tuple[str, ...]:
    return (ids,) if isinstance(ids, str) else tuple(str(i) for i in ids)


def _ids_of(net: Network, view, path) -> List[str]:
    """The organisation ids of a path of vertices of ``view``."""
    return id_array(net, view)[np.asarray(path, dtype=np.int64)].tolist() if len(path) else []


def _select(net: Network, layers: Layers, names: Sequence[str], fn: str, *,
            any_kind: bool = False) -> List[str]:
    """``layers`` (checked), or the default: the case layers in which every relation carries
    ``names`` (the layers of every chain indicator; ``ValueError`` saying how to declare a
    case layer when the network has none), or with ``any_kind`` the layers of any kind that
    do (efficiency, which is not a chain indicator). The default is kept with the network
    until it changes."""
    select = _core.flow.select_layers if any_kind else _core.flow.select_case_layers
    sel = layer_list(layers)
    if sel:
        return select(net._core, sel, list(names), fn)
    names = list(names)
    return net._default_layers(("any" if any_kind else "case",) + tuple(names),
                               lambda: select(net._core, [], names, fn))


def layers_carrying(net: Network, *names: str) -> List[str]:
    """The layers that hold relations and in which every relation carries all of ``names``
    (relation fields or numeric attributes): the default ``layers`` of the flow functions.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> kn.flow.layers_carrying(net, "latency"), kn.flow.layers_carrying(net, "volume")
    (['case', 'information'], ['case'])
    """
    _check_net(net)
    if not names:
        raise ValueError("layers_carrying: name at least one field")
    return _core.flow.layers_carrying(net._core, list(names))


def _unit(weight: Optional[str]) -> str:
    if weight is None:
        return "hand-offs"
    return "days" if weight == "latency" else weight


def _start(net: Network, source, fn: str) -> Tuple[list, Tuple[str, ...]]:
    """source: an id, a list of ids (weighted later by out-volume) or {id: weight}."""
    if isinstance(source, Mapping):
        start = [(_index(net, k, "source", fn), float(v)) for k, v in source.items()]
        if not start:
            raise ValueError(f"{fn}: no source organisation given")
        return start, tuple(source)
    idx = _indices(net, source, "source", fn)
    return [(i, None) for i in idx], _names(source)


def _weigh_by_outflow(view, start: list) -> list:
    """Sources without a given weight: one source weighs 1; several weigh their out-volume."""
    if all(w is not None for _, w in start):
        return start
    if len(start) == 1:
        return [(start[0][0], 1.0)]
    s, _, w = view.edges()
    out = np.zeros(view.n)
    np.add.at(out, s, w)
    if not view.directed:
        _, t, _ = view.edges()
        loops = s == t
        np.add.at(out, t[~loops], w[~loops])
    return [(i, float(out[i]) if wt is None else wt) for i, wt in start]


def _chain(net: Network, chain: ChainLike, fn: str) -> Tuple[str, list]:
    """A chain of the network by name, or stages given directly: (name, [(stage, ids)])."""
    if isinstance(chain, str):
        if not net._core.has_chain(chain):
            raise KeyError(f"{fn}: unknown chain {chain!r} (the network has "
                           f"{', '.join(map(repr, net.chains)) or 'none'})")
        return chain, [(s, list(o)) for s, o in net._core.chain(chain)]
    return "chain", _stages(chain)


# ----------------------------------------------------------------------------- efficiency

def _distance_view(net: Network, layers: Layers, weight: Optional[str], fn: str):
    if weight is None:
        return view_of(net, layers)
    return view_of(net, _select(net, layers, [weight], fn, any_kind=True), weight, "min")


def global_efficiency(net: Network, *, layers: Layers = None, weight: Optional[str] = None,
                      threads: int = 0, progress: Progress = None) -> float:
    """Global efficiency (Latora & Marchiori 2001): how easily information travels between
    any two organisations.

    .. math:: E_{glob} = \\frac{1}{n(n-1)} \\sum_{i \\ne j} \\frac{1}{d(i, j)}

    with :math:`d(i, j)` the shortest-path distance from i to j and :math:`1/d = 0` when j
    cannot be reached. 1 when everyone is tied to everyone, 0 without ties.

    Parameters
    ----------
    net : Network
    layers : str or list of str, optional
        Without ``weight``: all layers (as the other metrics). With ``weight``: the layers in
        which every relation carries it (:func:`layers_carrying`).
    weight : str, optional
        A distance, typically ``"latency"`` (days): then :math:`d` sums latencies along the
        fastest path (parallel relations of several layers: the fastest counts) and the
        efficiency is in 1/days. Unweighted (hops) when omitted. Distances must be positive
        (``ValueError`` naming the tie otherwise).
    threads : int
        Threads (0: all cores); the result is identical for every count.
    progress : bool or callable, optional
        ``None`` (default) shows a tqdm bar once the call has run over a second,
        ``True`` at once, ``False`` never; a callable receives the fraction done (``False`` cancels).

    Returns
    -------
    float

    Notes
    -----
    Undirected and unweighted, this is NetworkX's ``global_efficiency`` (checked to 1e-9).
    Directed views use directed distances (ordered pairs), as Latora & Marchiori define it;
    NetworkX has no directed or weighted variant.

    References
    ----------
    Latora, V. & Marchiori, M. (2001). Efficient behavior of small-world networks. Physical
    Review Letters 87(19), 198701.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "abc": net.add_organisation(o)
    >>> net.add_relation("a", "b", "info", latency=2); net.add_relation("b", "c", "info", latency=2)
    >>> kn.flow.global_efficiency(net)      # pairs at 1, 1, 2 hops: (1 + 1 + 1/2) * 2 / 6
    0.8333333333333334
    >>> kn.flow.global_efficiency(net, weight="latency")   # (1/2 + 1/2 + 1/4) * 2 / 6
    0.4166666666666667
    """
    _check_net(net)
    view = _distance_view(net, layers, weight, "global_efficiency")
    return _core.flow.global_efficiency(view, thread_count(threads, 'global_efficiency'),
                                        progress_handler(progress, "global efficiency"))


def local_efficiency(net: Network, *, layers: Layers = None, weight: Optional[str] = None,
                     per_organisation: bool = False, threads: int = 0,
                     progress: Progress = None):
    """Local efficiency (Latora & Marchiori 2001): how well the neighbours of an organisation
    still reach each other without it (fault tolerance).

    .. math:: E_{loc}(v) = E_{glob}(G[N(v)]), \\qquad
              E_{loc} = \\frac{1}{n} \\sum_v E_{loc}(v)

    with :math:`G[N(v)]` the subgraph induced by the neighbours of v (v excluded; in a
    directed view its in- and out-neighbours, directions kept), 0 when v has fewer than two.

    Parameters
    ----------
    net : Network
    layers, weight
        As :func:`global_efficiency`.
    per_organisation : bool
        Return the Series of :math:`E_{loc}(v)` instead of the mean.
    threads, progress
        As :func:`global_efficiency`.

    Returns
    -------
    float, or Series indexed by organisation id

    Notes
    -----
    The mean, undirected and unweighted, is NetworkX's ``local_efficiency`` (checked to
    1e-9); NetworkX counts a node with a self-loop as its own neighbour, ketennet never does.

    References
    ----------
    Latora, V. & Marchiori, M. (2001). Physical Review Letters 87(19), 198701.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("info", directed=False)
    >>> for o in "abcd": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")]:
    ...     net.add_relation(s, t, "info")
    >>> kn.flow.local_efficiency(net, per_organisation=True).round(4).tolist()
    [1.0, 1.0, 0.3333, 0.0]
    """
    _check_net(net)
    view = _distance_view(net, layers, weight, "local_efficiency")
    values = _core.flow.local_efficiency(view, thread_count(threads, 'local_efficiency'),
                                         progress_handler(progress, "local efficiency"))
    if per_organisation:
        return series(net, view, values, "local_efficiency")
    return float(np.mean(values)) if len(values) else 0.0


# ----------------------------------------------------------------------------- lead time

def lead_time(net: Network, source: Ids, target: Ids, *, layers: Layers = None,
              weight: Optional[str] = "latency") -> LeadTime:
    """The fastest path and its lead time ("doorlooptijd") from ``source`` to ``target``.

    .. math:: T(s, t) = \\min_{p: s \\leadsto t} \\sum_{e \\in p} w(e)

    (Dijkstra 1959), with :math:`w` the latency in days of each tie; parallel relations of
    several layers merge to the fastest.

    Parameters
    ----------
    net : Network
    source, target : str or list of str
        Organisation ids; with lists, the fastest path from any source to any target.
    layers : str or list of str, optional
        Default: the case layers in which every relation carries ``weight`` (with
        ``weight=None``, the case layers holding relations).
    weight : str or None
        ``"latency"`` (default) or another field/attribute read as a duration (>= 0);
        ``None`` counts hand-offs.

    Returns
    -------
    LeadTime
        ``value`` and ``path`` (ids); ``value`` is ``inf`` and ``path`` empty when no path
        exists.

    Raises
    ------
    KeyError
        Unknown organisation or layer.
    ValueError
        A source that is also a target; selected relations lacking ``weight`` (named); no
        layer carrying ``weight``; a negative duration.

    References
    ----------
    Dijkstra, E. W. (1959). A note on two problems in connexion with graphs. Numerische
    Mathematik 1, 269-271. WODC Cahier 2012-1, Doorlooptijden in de strafrechtsketen.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> lt = kn.flow.lead_time(net, "politie", "rechtbank")
    >>> lt.value, lt.path
    (122.0, ['politie', 'zsm', 'om', 'rechtbank'])
    >>> kn.flow.lead_time(net, "gemeente", "aangever").value   # no path
    inf
    """
    _check_net(net)
    fn = "lead_time"
    rev = net._core.revision
    s = _indices(net, source, "source", fn)
    t = _indices(net, target, "target", fn)
    if weight is None:
        sel = _select(net, layers, [], fn)
        view = view_of(net, sel)
    else:
        sel = _select(net, layers, [weight], fn)
        view = view_of(net, sel, weight, "min")
    check_view(view, rev, fn)
    value, path = _core.flow.lead_time(view, s, t)
    return LeadTime(_names(source), _names(target), float(value), _ids_of(net, view, path),
                    _unit(weight), list(sel))


def expected_lead_time(net: Network, source, targets: Ids, *, layers: Layers = None,
                       weight: Optional[str] = "latency",
                       routing: str = "volume", ends: Optional[str] = "case_ends") -> ExpectedLeadTime:
    """Expected lead time of items entering at ``source`` until they reach any of
    ``targets``, when every organisation passes items on in proportion to the volumes of its
    relations (an absorbing Markov chain; Kemeny & Snell 1960).

    With :math:`P(u, v) = w(u, v) / \\sum_x w(u, x)` (``w`` = ``routing``), :math:`\\tau` the
    latency, :math:`A(u)` the probability of reaching a target and
    :math:`B(u) = E[T \\cdot 1_{arrive}]`:

    .. math:: A(u) = \\sum_v P(u, v) A(v), \\qquad
              B(u) = \\sum_v P(u, v) \\left(\\tau(u, v) A(v) + B(v)\\right)

    with :math:`A = 1, B = 0` on targets, solved over the transient organisations with Eigen
    (dense LU up to 300 organisations, sparse LU above). The value is :math:`B(s) / A(s)`,
    the mean lead time of the items that arrive.

    Items that never arrive are reported, not hidden: an organisation that is not a target
    and passes nothing on is a *dead end* (``ends``: share stopping at each), and items can
    circulate forever where neither a target nor a dead end is reachable (``trapped``).
    ``arrival + sum(ends.values()) + trapped == 1``.

    Where routes end. On a network built from an event log
    (:func:`ketennet.eventlog.handover_network`) every organisation records the cases that
    end there (attribute ``case_ends``, :math:`x(u)`). Items then also stop where cases end:

    .. math:: P(u, v) = \\frac{w(u, v)}{\\sum_x w(u, x) + x(u)}, \\qquad
              P(\\text{stop at } u) = \\frac{x(u)}{\\sum_x w(u, x) + x(u)}

    and ``ends`` lists the share stopping at each organisation. With ``w`` the handovers
    this reproduces the log's visit counts (see :func:`score_chain` for when the arrival
    share equals the share of cases in the log).

    Parameters
    ----------
    net : Network
    source : str, list of str, or dict
        Where items enter: one id; several (each weighted by its total out-volume: the items
        it sends); or ``{id: share}``.
    targets : str or list of str
    layers : str or list of str, optional
        Default: the case layers in which every relation carries both ``routing`` and
        ``weight``. Parallel relations merge into one tie: volumes add up, latencies average
        weighted by volume.
    weight : str or None
        Duration of a tie (``"latency"``, days); ``None`` counts hand-offs.
    routing : str
        The routing weight (``"volume"``: items per period, >= 0).
    ends : str or None
        The organisation attribute counting the items that end their route there
        (``"case_ends"``, recorded by :func:`ketennet.eventlog.handover_network`). Used when
        the network's organisations carry it (every organisation must then carry it, with
        ``case_starts``: ``ValueError`` otherwise); ``None``: routes end only at dead ends.

    Returns
    -------
    ExpectedLeadTime
        ``value`` (``inf`` when nothing arrives), ``arrival``, ``ends``, ``trapped``.

    References
    ----------
    Kemeny, J. G. & Snell, J. L. (1960). Finite Markov Chains, ch. 3 (absorbing chains).
    Van Nostrand.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "om", "rechtbank", "cjib"]: net.add_organisation(o)
    >>> net.add_relation("politie", "om", "case", volume=100, latency=30)
    >>> net.add_relation("om", "rechtbank", "case", volume=60, latency=35)
    >>> net.add_relation("om", "cjib", "case", volume=40, latency=14)
    >>> r = kn.flow.expected_lead_time(net, "politie", "rechtbank")
    >>> r.value, r.arrival, r.ends
    (65.0, 0.6, {'cjib': 0.4})
    >>> kn.flow.expected_lead_time(net, "politie", ["rechtbank", "cjib"]).value  # 30 + .6*35 + .4*14
    56.6
    """
    _check_net(net)
    fn = "expected_lead_time"
    rev = net._core.revision
    start, names = _start(net, source, fn)
    t = _indices(net, targets, "target", fn)
    if weight is None:
        sel = _select(net, layers, [routing], fn)
        view, values = view_of(net, sel, routing, "sum"), None
    else:
        sel = _select(net, layers, [routing, weight], fn)
        view, values = _core.flow.routed_view(net._core, sel, routing, weight)
    check_view(view, rev, fn)
    start = _weigh_by_outflow(view, start)
    r = _core.flow.expected_lead_time(view, values, start, t, _exits(net, ends, fn))
    ids = id_array(net, view)
    return ExpectedLeadTime(names, _names(targets), float(r["value"]), float(r["arrival"]),
                            {ids[v]: float(p) for v, p in r["ends"]}, float(r["trapped"]),
                            _unit(weight), list(sel))


def _exits(net: Network, ends: Optional[str], fn: str) -> Optional[np.ndarray]:
    """The case ends per organisation when ``ends`` is the recorded attribute and the network
    records it; None otherwise."""
    if ends is None:
        return None
    if ends != "case_ends":
        raise ValueError(f"{fn}: ends must be 'case_ends' (the recorded case ends) or None, "
                         f"not {ends!r}")
    present, error, _, counts = _core.flow.case_records(net._core)
    if not present:
        return None
    if error:
        raise ValueError(f"{fn}: {error}")
    return counts


# ----------------------------------------------------------------------------- throughput

@renamed_arguments(positional=("capacity",), keywords={"sinks": "targets"})
def throughput(net: Network, sources: Ids, targets: Ids, *, capacity: Optional[str] = "capacity",
               layers: Layers = None, fallback: Optional[str] = None,
               bottlenecks: bool = True) -> Throughput:
    """Maximum flow from ``sources`` to ``targets``, a minimum cut, and the bottleneck
    organisations.

    The maximum flow (Ford & Fulkerson 1956) is the most items per period that can move
    from the sources to the targets with at most :math:`c(u, v)` on every tie and conservation
    elsewhere; it equals the capacity of a minimum cut (max-flow min-cut theorem). Computed
    with Boost.Graph's ``boykov_kolmogorov_max_flow`` (Boykov & Kolmogorov 2004), several
    sources and targets joined to a super source and sink. The *bottlenecks* are a minimum
    vertex cut: the fewest organisations (not sources or targets) whose loss cuts every path
    (Menger 1927; unit-capacity max-flow after splitting each organisation in two, Even
    1975).

    Parameters
    ----------
    net : Network
    sources, targets : str or list of str
        Disjoint sets of organisation ids: one id or a list of them each.
    capacity : str or None
        The capacity field or numeric attribute (items per period; parallel relations of
        several layers add up). ``None``: every tie carries 1 (the value counts tie-disjoint
        paths).
    layers : str or list of str, optional
        Default: the case layers in which every relation carries ``capacity`` (or
        ``fallback``); with ``capacity=None``, the case layers holding relations.
    fallback : str, optional
        Where a relation's capacity is unknown, use this field instead, e.g. ``"volume"``
        (what the relation demonstrably carries). Off by default: relations lacking
        ``capacity`` raise ``ValueError`` naming them. ``Throughput.fallback`` counts the
        relations that used it.
    bottlenecks : bool
        Also compute the minimum vertex cut (a second max-flow on a graph of twice the size);
        with ``False`` the result's ``bottlenecks`` is ``None``.

    Returns
    -------
    Throughput
        ``value``, ``cut`` (DataFrame ``source, target, capacity, layers``: the ties crossed
        from the sources' side, closest to the sources), ``bottlenecks`` (ids; ``None`` when
        a source has a direct tie to a target; empty when the targets are unreachable).

    Notes
    -----
    ``value`` matches NetworkX's ``maximum_flow_value`` and ``minimum_cut`` value, and the
    number of bottlenecks its ``minimum_node_cut`` (checked to 1e-9). An undirected tie
    carries up to its capacity in either direction, as in NetworkX.

    References
    ----------
    Ford, L. R. & Fulkerson, D. R. (1956). Maximal flow through a network. Canadian Journal of
    Mathematics 8, 399-404. Boykov, Y. & Kolmogorov, V. (2004). An experimental comparison of
    min-cut/max-flow algorithms for energy minimization in vision. IEEE TPAMI 26(9),
    1124-1137. Menger, K. (1927). Zur allgemeinen Kurventheorie. Fundamenta Mathematicae 10,
    96-115. Even, S. (1975). An algorithm for determining whether the connectivity of a graph
    is at least k. SIAM Journal on Computing 4(3), 393-396.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "om", "zsm", "rechtbank"]: net.add_organisation(o)
    >>> net.add_relation("politie", "om", "case", capacity=40)
    >>> net.add_relation("politie", "zsm", "case", capacity=100)
    >>> net.add_relation("zsm", "om", "case", capacity=50)
    >>> net.add_relation("om", "rechtbank", "case", capacity=70)
    >>> r = kn.flow.throughput(net, "politie", "rechtbank")
    >>> r.value, r.bottlenecks
    (70.0, ['om'])
    >>> r.cut[["source", "target", "capacity"]].values.tolist()
    [['om', 'rechtbank', 70.0]]
    """
    _check_net(net)
    fn = "throughput"
    rev = net._core.revision
    s = _indices(net, sources, "source", fn)
    t = _indices(net, targets, "target", fn)
    used = 0
    kept = True  # the network keeps the view, and the view its flow networks
    if capacity is None:
        sel = _select(net, layers, [], fn)
        view = view_of(net, sel)
    elif fallback is None:
        sel = _select(net, layers, [capacity], fn)
        view = view_of(net, sel, capacity, "sum")
    else:
        sel = _core.flow.select_capacity_layers(net._core, layer_list(layers) or [], capacity,
                                                fallback, fn)
        view, _, used = _core.flow.capacity_view(net._core, sel, capacity, fallback)
        kept = False  # a view built for this call
    check_view(view, rev, fn)
    r = _core.flow.max_flow(view, s, t, kept)
    exists, members = (_core.flow.min_vertex_cut(view, s, t, kept) if bottlenecks
                       else (False, []))
    ids = id_array(net, view)
    cs, ct, cc = r["cut"]
    layers_of = _core.flow.tie_layers(net._core, list(sel), cs.tolist(), ct.tolist())
    return Throughput(_names(sources), _names(targets), float(r["value"]),
                      ids[members].tolist() if exists else None, capacity, int(used), list(sel),
                      (ids, cs, ct, cc, layers_of), (ids, r["source_side"]))


# ----------------------------------------------------------------------------- fidelity

def fidelity(net: Network, source: Ids, target: Ids, *, layers: Layers = None,
             weight: str = "quality", routing: Optional[str] = "volume") -> Fidelity:
    """Fidelity: how much of the information survives the hand-offs from ``source`` to
    ``target``.

    *Most reliable path*: the path maximising the product of the qualities of its ties,

    .. math:: F(s, t) = \\max_{p: s \\leadsto t} \\prod_{e \\in p} q(e)

    the probability that information arrives intact when each hand-off keeps it complete
    and correct with probability :math:`q` (Dijkstra on :math:`-\\log q`). Parallel relations
    of several layers merge to the best.

    *Expected fidelity*: items routed in proportion to volumes (as :func:`expected_lead_time`)
    arrive with the product of the qualities of the ties they took; its mean over the items
    that arrive, :math:`F(s)/A(s)` with :math:`F(u) = \\sum_v P(u, v)\\, q(u, v) F(v)`,
    :math:`F = 1` on the target.

    Parameters
    ----------
    net : Network
    source, target : str or list of str
    layers : str or list of str, optional
        Default: the case layers in which every relation carries ``weight``. The expected
        fidelity uses the same
        layers; when their relations do not all carry ``routing`` it is NaN and ``note``
        names them (the path is still computed).
    weight : str
        The quality field (values in [0, 1]).
    routing : str or None
        Routing weight of the expected fidelity; ``None`` skips it.

    Returns
    -------
    Fidelity
        ``value`` and ``path``; value 0 with an empty path when no path exists, value 0 with
        the path of fewest hand-offs when every path passes a tie of quality 0. ``expected``,
        ``arrival``, ``note``.

    References
    ----------
    Dijkstra (1959) on :math:`-\\log q`, the classical most-reliable-path reduction;
    Kemeny & Snell (1960) for the routed expectation.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> f = kn.flow.fidelity(net, "politie", "rechtbank")
    >>> round(f.value, 4), f.path
    (0.6375, ['politie', 'om', 'rechtbank'])
    >>> round(f.expected, 4)   # over the routes cases take, routed by volume
    0.471
    """
    _check_net(net)
    fn = "fidelity"
    rev = net._core.revision
    s = _indices(net, source, "source", fn)
    t = _indices(net, target, "target", fn)
    sel = _select(net, layers, [weight], fn)
    view = check_view(view_of(net, sel, weight, "max"), rev, fn)
    value, path = _core.flow.most_reliable_path(view, s, t)
    expected, arrival, note = math.nan, math.nan, "not computed (routing=None)"
    if routing is not None:
        try:
            rview, q = _core.flow.routed_view(net._core, sel, routing, weight)
            check_view(rview, rev, fn)
            start = _weigh_by_outflow(rview, [(i, None) for i in s])
            r = _core.flow.expected_fidelity(rview, q, start, t)
            expected, arrival = float(r["value"]), float(r["arrival"])
            note = f"routed by {routing}; mean over the share {arrival:.4g} that arrives"
        except ValueError as e:
            note = str(e)
    return Fidelity(_names(source), _names(target), float(value), _ids_of(net, view, path),
                    expected, arrival, note, list(sel))


# ----------------------------------------------------------------------------- first passage

def first_passage(net: Network, *, layers: Layers = None, weight: Optional[str] = "volume",
                  time: Optional[str] = None, threads: int = 0,
                  progress: Progress = None) -> pd.DataFrame:
    """Mean first-passage times of the volume-weighted random walk: how long until
    information that enters at A reaches B.

    The walk moves from u to v with probability :math:`P(u, v) = w(u, v) / \\sum_x w(u, x)`
    (``w`` = ``weight``). For every pair, with B absorbing,
    :math:`A(i) = P(\\text{reach } B \\text{ from } i)`, :math:`M(i) = E[T_B \\cdot 1_{reach}]`,

    .. math:: A(i) = \\sum_v P(i, v) A(v), \\qquad
              M(i) = \\sum_v P(i, v) (\\tau(i, v) A(v) + M(v)), \\qquad
              m(i, B) = M(i) / A(i)

    (Kemeny & Snell 1960, ch. 4), :math:`\\tau = 1` per step or the ``time`` field. When every
    organisation reaches every other (an irreducible walk) ``arrival`` is 1 and ``time`` is
    the classical mean first-passage time; otherwise ``time`` is the mean over the walks that
    arrive (``inf`` when none do) and ``arrival`` says how many do. An organisation that passes
    nothing on stops the walk. One sparse LU per target: meant for up to a few thousand
    organisations.

    Parameters
    ----------
    net : Network
    layers : str or list of str, optional
        Default: with a ``weight``, the case layers in which every relation carries it (and
        ``time``); without (a random walk on ties), all layers.
    weight : str or None
        Routing weight (``"volume"``); ``None``: every tie equally likely.
    time : str, optional
        Duration of a step (``"latency"``, days); steps (hand-offs) when omitted. Needs
        ``weight``.
    threads, progress
        As :func:`global_efficiency`.

    Returns
    -------
    DataFrame
        One row per ordered pair of different organisations: ``source``, ``target``,
        ``time``, ``arrival``. ``fp.pivot(index="source", columns="target", values="time")``
        gives the matrix.

    References
    ----------
    Kemeny, J. G. & Snell, J. L. (1960). Finite Markov Chains, ch. 4 (mean first passage
    times). Van Nostrand.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("cases", kind="case")
    >>> for o in "abc": net.add_organisation(o)
    >>> for s, t in [("a", "b"), ("b", "a"), ("b", "c"), ("c", "a")]:
    ...     net.add_relation(s, t, "cases", volume=1)
    >>> fp = kn.flow.first_passage(net)
    >>> fp.pivot(index="source", columns="target", values="time").round(3)
    target    a    b    c
    source
    a       NaN  1.0  4.0
    b       1.5  NaN  3.0
    c       1.0  2.0  NaN
    """
    _check_net(net)
    fn = "first_passage"
    if weight is None:
        if time is not None:
            raise ValueError("first_passage: time= needs a routing weight (weight=)")
        sel = layer_list(layers) or list(net.layers)
        view, values = view_of(net, sel), None
    elif time is None:
        sel = _select(net, layers, [weight], fn)
        view, values = view_of(net, sel, weight, "sum"), None
    else:
        sel = _select(net, layers, [weight, time], fn)
        view, values = _core.flow.routed_view(net._core, sel, weight, time)
    times, arrival = _core.flow.first_passage(view, values, thread_count(threads, 'first_passage'),
                                              progress_handler(progress, "first passage"))
    ids = id_array(net, view)
    n = len(ids)
    i, j = np.nonzero(~np.eye(n, dtype=bool))
    return pd.DataFrame({"source": ids[i], "target": ids[j], "time": times[i, j],
                         "arrival": arrival[i, j]})


# ----------------------------------------------------------------------------- feedback

def feedback(net: Network, chain: ChainLike, *, layers: Layers = None) -> Feedback:
    """Feedback along a chain: which later stages send information back to earlier ones, so
    that those who act first hear about outcomes (learning capacity, "lerend vermogen").

    For every pair of stages i < j: ``ties``, the relations from an organisation of stage j
    to a different organisation of stage i; ``coverage``, the share of stage i's
    organisations receiving one; ``reach``, the share reached from stage j along paths of
    one or more ties. The chain's ``coverage`` is the share of stage pairs with a direct
    feedback tie, ``reach_coverage`` with feedback along paths. Also the strongly connected
    components (Tarjan 1972; Boost.Graph ``strong_components``): groups in which information
    circulates; and whether the last stage reaches the first (``exit_reaches_entry``), with
    a path of fewest ties.

    Parameters
    ----------
    net : Network
    chain : str or stages
        The name of a chain of the network, or stages given directly (``{stage: [ids]}`` or
        a list of ``(stage, [ids])``); ``KeyError`` for unknown organisations.
    layers : str or list of str, optional
        Default: every directed case and information layer with relations (an undirected
        tie is mutual, so it would count as feedback both ways; a tie layer carries nothing
        back).

    Returns
    -------
    Feedback

    References
    ----------
    Tarjan, R. E. (1972). Depth-first search and linear graph algorithms. SIAM Journal on
    Computing 1(2), 146-160. Inspectie Justitie en Veiligheid (2021), Meerjarenperspectief
    2021-2024: lerend vermogen.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> fb = kn.flow.feedback(net, "strafrechtketen", layers="information")
    >>> fb.pairs.query("ties > 0")[["upstream", "downstream", "ties"]].head(3)
         upstream  downstream  ties
    1    aangifte  vervolging     1
    2   opsporing  vervolging     3
    5  vervolging  berechting     2
    >>> round(fb.coverage, 3), fb.exit_reaches_entry
    (0.267, False)
    """
    _check_net(net)
    fn = "feedback"
    rev = net._core.revision
    name, stages = _chain(net, chain, fn)
    resolved = _core.flow.resolve_chain(net._core, name, stages)
    if layer_list(layers) is None:
        sel = _core.flow.feedback_layers(net._core)
        if not sel:
            raise ValueError("feedback: the network has no directed case or information layer "
                             "with relations; pass layers=")
    else:
        sel = _core.flow.select_layers(net._core, layer_list(layers), [], fn)
    view = check_view(view_of(net, sel), rev, fn)
    r = _core.flow.feedback(view, resolved)
    ids = id_array(net, view)
    names = [s for s, _ in stages]
    pairs = pd.DataFrame(r["pairs"], columns=["upstream", "downstream", "ties", "coverage", "reach"])
    pairs["upstream"] = [names[i] for i in pairs["upstream"]]
    pairs["downstream"] = [names[i] for i in pairs["downstream"]]
    pairs["ties"] = pairs["ties"].astype("int64")
    return Feedback(name, names, pairs, float(r["coverage"]), float(r["reach_coverage"]),
                    [[ids[v] for v in c] for c in r["components"]], bool(r["exit_reaches_entry"]),
                    [ids[v] for v in r["exit_to_entry_path"]], list(sel))


# ----------------------------------------------------------------------------- chain score

#: The indicators of :func:`score_chain` at chain level: (key, indicator, unit, direction).
#: Placeholder unit of the volume rows below; score_chain names it from the layers' kind and
#: the network's ``per`` ("cases per year").
VOLUME_UNIT = "items per period"

CHAIN_INDICATORS = [
    ("lead_time", "lead time (fastest)", "days", "lower"),
    ("expected_lead_time", "lead time (expected)", "days", "lower"),
    ("arrival", "arrival share", "share", "higher"),
    ("throughput", "throughput", "items per period", "higher"),
    ("bottlenecks", "bottleneck organisations", "organisations", "higher"),
    ("fidelity", "fidelity (most reliable path)", "share", "higher"),
    ("expected_fidelity", "fidelity (expected)", "share", "higher"),
    ("handoffs", "hand-offs on the typical path", "hand-offs", "lower"),
    ("feedback_coverage", "feedback coverage", "share", "higher"),
    ("feedback_reach", "feedback reach", "share", "higher"),
    ("exit_reaches_entry", "exit reaches entry", "yes/no", "higher"),
]

#: The per-stage rows of :func:`score_chain`: (key, indicator, unit, direction).
STAGE_INDICATORS = [
    ("inflow", "stage inflow", "items per period", "context"),
    ("onward", "flows on", "items per period", "context"),
    ("back", "sent back", "items per period", "context"),
    ("out_of_chain", "leaves the chain", "items per period", "context"),
    ("ends_here", "ends in stage", "items per period", "context"),
    ("attrition", "attrition", "share", "context"),
]


def score_chain(net: Network, chain: ChainLike, *, layers: Layers = None,
                capacity: str = core_default(_core.flow.score_chain, "capacity"),
                fallback: Optional[str] = core_default(_core.flow.score_chain, "fallback")) -> pd.DataFrame:
    """One tidy table scoring how information and cases flow through a chain.

    The chain enters at the organisations of its first stage and ends at those of its last.
    Rows at chain level (``stage`` empty):

    * ``lead time (fastest)``: :func:`lead_time` from the first stage to the last (days);
    * ``lead time (expected)`` and ``arrival share``: :func:`expected_lead_time` of items
      entering in proportion to the entry organisations' out-volume, routed by volume;
    * ``throughput``: :func:`throughput` first -> last stage on ``capacity``, where unknown
      the ``fallback`` (``volume``: what a relation demonstrably carries; the note counts
      them); ``bottleneck organisations``: the size of a minimum vertex cut (higher is more
      redundant), its members in ``path``;
    * ``fidelity (most reliable path)`` and ``fidelity (expected)``: :func:`fidelity`;
    * ``hand-offs on the typical path``: ties of the most probable path under volume
      routing (maximising :math:`\\prod P(u, v)`), the share of items following it in the
      note;
    * ``feedback coverage``, ``feedback reach``, ``exit reaches entry``: :func:`feedback`.

    Networks built from an event log (:func:`ketennet.eventlog.handover_network`) record per
    organisation the cases that start there (attribute ``case_starts``: their first event
    with an organisation is there) and that end there (``case_ends``). When the
    organisations carry them:

    * cases enter at the first stage in proportion to ``case_starts`` and stop where cases
      end, :math:`P(u, v) = vol(u, v) / (out(u) + ends(u))` (also for the expected fidelity
      and the typical path);
    * ``throughput`` is the number of cases, of those starting at the first stage, that reach
      the last stage (arrival share times their ``case_starts``; unit ``cases``: over the
      period the log covers);
      the max-flow over the handover counts, which is not a count of cases, is in the note.

    On a handover network (``beta=0``, no self loops) these equal what the log shows
    (:func:`ketennet.eventlog.journeys`, :func:`ketennet.eventlog.variants`) exactly when
    every visit to an organisation outside the last stage is made by a case that started
    at the first stage and has not reached the last stage yet: (a) every case starts at the
    first or the last stage, and (b) no case visits an organisation outside the last stage
    after reaching it (no handover leaves the last stage). The expected visits of the routed
    cases are then the observed visits, because every visit begins with a start or an
    arriving handover and ends with a handover or the case's end. When a case leaves the
    last stage and comes back, or cases start elsewhere, the routing pools cases that
    differ and the figures are those of the Markov model, not counts. Without the
    attributes nothing changes: entry by out-volume, max-flow throughput.

    Rows per stage (attrition, on the layers carrying volume): ``stage inflow`` (for the first
    stage its outflow: what enters the chain there), ``flows on`` (to later stages), ``sent
    back`` (to earlier stages only), ``leaves the chain`` (to organisations in no stage),
    ``ends in stage`` (inflow minus all outflow: items whose route ends there when flows
    balance; negative when a stage sends on more than it receives, as happens with figures
    from different years) and ``attrition`` (1 - flows on / inflow; empty for the last stage).

    Each row names the layers it used. A value the data cannot support is NaN, and ``note``
    says why (a field missing on the layers, no path): never a filled-in number.

    Parameters
    ----------
    net : Network
    chain : str or stages
        The name of a chain of the network, or stages given directly.
    layers : str or list of str, optional
        Layers for every indicator. Default: each indicator on the layers in which every
        relation carries what it needs (feedback: the directed case and information layers).
    capacity : str
        The capacity field.
    fallback : str or None
        Used where ``capacity`` is unknown (``None``: require capacities).

    Returns
    -------
    DataFrame
        Columns ``chain, indicator, stage, value, unit, direction, layers, path, note``.

    Raises
    ------
    KeyError
        Unknown chain, organisation or layer.
    ValueError
        Fewer than two stages; an empty first or last stage; an organisation in both.

    References
    ----------
    See :func:`lead_time`, :func:`expected_lead_time`, :func:`throughput`, :func:`fidelity`,
    :func:`feedback`; hand-offs as in van der Aalst, Reijers & Song (2005), Discovering social
    networks from event logs, CSCW 14(6), 549-593.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> card = kn.flow.score_chain(net, "strafrechtketen")
    >>> card.set_index("indicator").loc["lead time (fastest)", ["value", "unit", "layers"]].tolist()
    [145.0, 'days', 'case']
    >>> card.set_index("indicator").loc["bottleneck organisations", "path"]
    'politie'

    On a handover network of the road-traffic fines (100 cases, activities as stages):

    >>> log = kn.examples.eventlog("roadtraffic100traces")
    >>> fines = kn.eventlog.handover_network(log, organisation="activity")
    >>> card = kn.flow.score_chain(fines, {"fine": ["Create Fine"],
    ...                                 "collection": ["Send for Credit Collection"]})
    >>> card.set_index("indicator").loc[["arrival share", "throughput"], "value"].round(6).tolist()
    [0.36, 36.0]
    """
    _check_net(net)
    name, stages = _chain(net, chain, "score_chain")
    sel = layer_list(layers) or []
    r = _core.flow.score_chain(net._core, name, stages, sel, capacity, fallback or "")
    used = sorted({n for key, _, _, _ in CHAIN_INDICATORS for n in r[key]["layers"]}
                  | set(r["attrition_basis"]["layers"]))
    if used:
        check_missing(net, used, "score_chain")
    ids = net.ids
    rows = []
    cases = _core.flow.case_records(net._core)[0]  # throughput counts cases
    volume_unit = functools.lru_cache(maxsize=None)(lambda layers: net.volume_unit(layers))
    for key, indicator, unit, direction in CHAIN_INDICATORS:
        m = r[key]
        if key == "throughput" and cases:
            unit = "cases"  # cases of the log that reach the last stage
        elif unit == VOLUME_UNIT:
            unit = volume_unit(tuple(m["layers"]))
        sep = ", " if key == "bottlenecks" else " > "
        value = m["value"]
        if key == "exit_reaches_entry" and not math.isnan(value):
            value = bool(value)
        rows.append(dict(chain=name, indicator=indicator, stage=None, value=value, unit=unit,
                         direction=direction, layers=", ".join(m["layers"]),
                         path=sep.join(ids[v] for v in m["path"]), note=m["note"]))
    basis = r["attrition_basis"]
    if r["attrition"]:
        last = len(r["attrition"]) - 1
        for k, a in enumerate(r["attrition"]):
            notes = _stage_notes(a, k, last, basis["note"])
            for key, indicator, unit, direction in STAGE_INDICATORS:
                if unit == VOLUME_UNIT:
                    unit = volume_unit(tuple(basis["layers"]))
                rows.append(dict(chain=name, indicator=indicator, stage=a["stage"], value=a[key],
                                 unit=unit, direction=direction, layers=", ".join(basis["layers"]),
                                 path="", note=notes.get(key, "")))
    else:
        rows.append(dict(chain=name, indicator="attrition", stage=None, value=math.nan,
                         unit="share", direction="context", layers=", ".join(basis["layers"]),
                         path="", note=basis["note"]))
    return pd.DataFrame(rows, columns=["chain", "indicator", "stage", "value", "unit",
                                       "direction", "layers", "path", "note"])


def _stage_notes(a: dict, k: int, last: int, basis: str) -> Dict[str, str]:
    """Per-row notes of a stage's attrition rows: where the inflow comes from, and why a
    value is empty or negative."""
    notes = {}
    if k == 0:
        notes["inflow"] = f"{basis}"
    else:
        notes["inflow"] = (f"from earlier stages {a['from_earlier']:,.0f}, returned from later "
                           f"stages {a['from_later']:,.0f}, from outside the chain "
                           f"{a['from_outside']:,.0f}")
    if a["ends_here"] < 0:
        notes["ends_here"] = ("negative: the stage sends on more than it receives (figures from "
                              "different years, or items that arise in the stage)")
    if k == last:
        notes["attrition"] = "last stage: the chain ends here"
    elif a["inflow"] == 0:
        notes["attrition"] = "no inflow"
    return notes
