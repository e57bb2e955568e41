"""What happens when organisations fail: single points of failure, dominators, vertex cuts,
vulnerability, failure simulation with the robustness index R, and null models.

The resilience goal of the inspectorate ("veerkracht en weerbaarheid"): which organisations or
ties, if they fail, break the chain; how much throughput and speed is left after a failure;
how does the network compare with a random one of the same size?

Conventions shared by :func:`vulnerability` and :func:`simulate` (the C++ header
``resilience/failure_model.hpp``): a failed organisation loses all its ties but stays in the
denominators, so every measure is a share of the *original* network:

* ``"largest_component"``: organisations in the largest weakly connected component of the
  survivors, divided by the original number of organisations ``n`` (Schneider et al. 2011);
* ``"efficiency"``: global efficiency (Latora & Marchiori 2001), the sum of ``1 / d(i, j)``
  over ordered pairs of survivors (hops, directions followed, 0 when unreachable) divided by
  ``n (n - 1)``; on the intact network this is NetworkX's ``global_efficiency``;
* ``"reachability"``: share of the chain's (entry, exit) organisation pairs with a directed
  path through survivors (entry = the chain's first stage, exit = its last);
* ``"throughput"``: chain max-flow from the surviving entry to the surviving exit
  organisations (capacity, else volume, as :func:`ketennet.flow.score_chain`);
* ``"expected_lead_time"``: volume-routed expected lead time from entry to exit in days
  (``inf`` when no item can arrive any more).

Structural measures read the unweighted view of ``layers`` (all layers by default); the chain
measures need ``chain=`` (a chain of the network).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Set, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from ._deprecation import renamed_arguments
from ._util import result_html as _result_html
from ._util import Ids, check_network as _check_net, index_of as _index, indices_of as _indices
from ._util import Layers, NetworkChangedError, Progress, check_view, id_array, layer_list, make_index, progress_handler
from ._util import check_missing, core_default, thread_count, view_of
from .network import Network

__all__ = ["articulation_points", "bridges", "biconnected_components", "dominators",
           "min_vertex_cut", "vulnerability", "simulate", "null_model", "Simulation",
           "MEASURES", "STRATEGIES"]

#: Measures of :func:`simulate` (and, except the lead time, of :func:`vulnerability`).
MEASURES = ("largest_component", "efficiency", "reachability", "throughput", "expected_lead_time")
#: Strategies of :func:`simulate` (besides an explicit list of organisation ids).
STRATEGIES = ("random", "degree", "betweenness", "sector:<code>", "layer:<name>")
_CHAIN_MEASURES = ("reachability", "throughput", "expected_lead_time")












def _chain_name(net: Network, chain: Optional[str], fn: str) -> str:
    if chain is None:
        return ""
    if not isinstance(chain, str):
        raise TypeError(f"{fn}: chain must be the name of a chain of the network (str)")
    if not net._core.has_chain(chain):
        raise KeyError(f"{fn}: unknown chain {chain!r} (the network has "
                       f"{', '.join(map(repr, net.chains)) or 'none'})")
    return chain


# ----------------------------------------------------------------------------- single points

def articulation_points(net, *, layers: Layers = None) -> List[str]:
    """Organisations whose removal disconnects others: single points of failure.

    Computed on the undirected projection of the view (a tie in either direction connects;
    weights ignored), as NetworkX's ``articulation_points`` on ``G.to_undirected()``, with
    Boost.Graph's biconnected-components algorithm (Hopcroft & Tarjan 1973). Returned as a
    list of ids in network order.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "om", "rechtspraak"]: net.add_organisation(o)
    >>> net.add_relation("politie", "om", "case"); net.add_relation("om", "rechtspraak", "case")
    >>> kn.resilience.articulation_points(net)
    ['om']
    """
    view = view_of(net, layers)
    return id_array(net, view)[_core.resilience.articulation_points(view)].tolist()


def bridges(net: Network, *, layers: Layers = None) -> List[Tuple[str, str]]:
    """Ties whose loss splits the network: bridges.

    A tie is a bridge when removing it increases the number of connected components
    (Tarjan 1974); equivalently, it forms a biconnected component on its own (computed with
    Boost.Graph's ``biconnected_components``). On the undirected projection of the view
    (``u -> v`` and ``v -> u`` are one tie; self-loops are never bridges; weights ignored),
    as NetworkX's ``bridges`` on ``G.to_undirected()``.

    Returns
    -------
    list of (str, str)
        Each bridge once, its two ends in network order; sorted by network order.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "om", "zsm", "rechtbank"]: net.add_organisation(o)
    >>> for s, t in [("politie", "om"), ("politie", "zsm"), ("zsm", "om"), ("om", "rechtbank")]:
    ...     net.add_relation(s, t, "case")
    >>> kn.resilience.bridges(net)
    [('om', 'rechtbank')]
    """
    _check_net(net)
    view = view_of(net, layers)
    s, t = _core.resilience.bridges(view)
    ids = id_array(net, view)
    return list(zip(ids[s].tolist(), ids[t].tolist()))


def biconnected_components(net: Network, *, layers: Layers = None) -> List[Set[str]]:
    """Biconnected components: maximal groups of organisations that stay connected when any
    one of them fails.

    Hopcroft & Tarjan (1973), with Boost.Graph's ``biconnected_components``, on the
    undirected projection of the view (direction and weights ignored), as NetworkX's
    ``biconnected_components`` on ``G.to_undirected()``: each component is a set of ids (a
    bridge is a component of two; isolated organisations are in none; two components share at
    most an articulation point). Ordered by their first member in network order.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "om", "zsm", "rechtbank"]: net.add_organisation(o)
    >>> for s, t in [("politie", "om"), ("politie", "zsm"), ("zsm", "om"), ("om", "rechtbank")]:
    ...     net.add_relation(s, t, "case")
    >>> [sorted(c) for c in kn.resilience.biconnected_components(net)]
    [['om', 'politie', 'zsm'], ['om', 'rechtbank']]
    """
    _check_net(net)
    view = view_of(net, layers)
    ids = id_array(net, view)
    return [set(ids[c].tolist()) for c in _core.resilience.biconnected_components(view)]


@renamed_arguments(keywords={"entry": "source"})
def dominators(net: Network, source: str, *, layers: Layers = None) -> pd.Series:
    """Immediate dominators from ``source``: the organisation every item from ``source``
    must pass last before reaching each organisation.

    ``d`` dominates ``v`` when every path from ``source`` to ``v`` passes ``d``; the immediate
    dominator is the closest such ``d`` (the dominator tree of Lengauer & Tarjan 1979;
    computed with the iterative algorithm of Cooper, Harvey & Kennedy 2001, as NetworkX does:
    Boost.Graph 1.74's ``lengauer_tarjan_dominator_tree`` misses reachable organisations on
    some graphs, see the C++ header). Following ``idom`` from ``v`` back to ``source`` lists
    every organisation that items from ``source`` cannot avoid on their way to ``v``: single
    points of failure for that route. Directions are followed (an undirected layer counts in
    both directions); weights are ignored.

    Returns
    -------
    pandas.Series
        Indexed by the organisations reachable from ``source`` (``source`` itself excluded),
        in network order, holding the id of the immediate dominator: NetworkX's (>= 3.5)
        ``immediate_dominators(G, entry)`` as a Series.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "kmar", "om", "rechtbank"]: net.add_organisation(o)
    >>> for s, t in [("politie", "om"), ("politie", "kmar"), ("kmar", "om"), ("om", "rechtbank")]:
    ...     net.add_relation(s, t, "case")
    >>> kn.resilience.dominators(net, "politie").to_dict()
    {'kmar': 'politie', 'om': 'politie', 'rechtbank': 'om'}
    """
    _check_net(net)
    rev = net._core.revision
    e = _index(net, source, "source", "dominators")
    view = check_view(view_of(net, layers), rev, "dominators")
    idom = _core.resilience.immediate_dominators(view, e)
    ids = id_array(net, view)
    keep = idom >= 0
    return pd.Series(ids[idom[keep]], index=pd.Index(ids[keep], name="organisation"),
                     name="immediate_dominator", dtype=object)


@renamed_arguments(keywords={"sinks": "targets"})
def min_vertex_cut(net: Network, sources: Ids, targets: Ids, *,
                   layers: Layers = None) -> Optional[List[str]]:
    """The fewest organisations whose failure cuts every path from ``sources`` to
    ``targets`` (each one id or a list of ids).

    A minimum vertex cut (Menger 1927), computed as a unit-capacity maximum flow after
    splitting every organisation in two (Even 1975) with Boost.Graph's Boykov-Kolmogorov
    max-flow; directions followed, weights ignored; the cut closest to the sources. The
    sources and targets themselves are never in the cut. The size equals NetworkX's
    ``minimum_node_cut(G, s, t)``. ``ValueError`` when an organisation is both a source
    and a target (so always in a network of one).

    Returns
    -------
    list of str or None
        Ids in network order; empty when the targets are unreachable already; ``None`` when
        a source has a direct tie to a target (no set of other organisations separates them;
        NetworkX's ``minimum_node_cut`` returns an empty set then, as it does for
        unreachable targets).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case")
    >>> for o in ["politie", "kmar", "om", "zsm", "rechtbank"]: net.add_organisation(o)
    >>> for s, t in [("politie", "om"), ("kmar", "zsm"), ("om", "rechtbank"), ("zsm", "rechtbank")]:
    ...     net.add_relation(s, t, "case")
    >>> kn.resilience.min_vertex_cut(net, ["politie", "kmar"], "rechtbank")
    ['om', 'zsm']
    """
    _check_net(net)
    fn = "min_vertex_cut"
    rev = net._core.revision
    s = _indices(net, sources, "source", fn)
    t = _indices(net, targets, "target", fn)
    both = [net.ids[i] for i in sorted(set(s) & set(t))]
    if both:
        raise ValueError(f"{fn}: {both[0]!r} is both a source and a target; they must differ")
    view = check_view(view_of(net, layers), rev, fn)
    exists, members = _core.resilience.min_vertex_cut(view, s, t)
    return id_array(net, view)[members].tolist() if exists else None


# ----------------------------------------------------------------------------- vulnerability

def vulnerability(net: Network, measure: str = "efficiency", *, layers: Layers = None,
                  chain: Optional[str] = None,
                  capacity: str = core_default(_core.resilience.vulnerability, "capacity"),
                  fallback: Optional[str] = core_default(_core.resilience.vulnerability,
                                                         "fallback"),
                  threads: int = 0,
                  progress: Progress = None) -> pd.Series:
    """How much of a measure the network loses when one organisation fails.

    .. math:: V(v) = \\frac{P(G) - P(G \\setminus v)}{P(G)}

    (Latora & Marchiori 2005), where :math:`G \\setminus v` is the network in which ``v``
    has lost all its ties and :math:`P` is one of

    * ``"efficiency"`` (default; Latora & Marchiori's choice): global efficiency over the
      original ``n (n - 1)`` pairs, hops, directions followed;
    * ``"throughput"``: the max-flow from the chain's first stage to its last (needs
      ``chain=``; capacity, else ``fallback``);
    * ``"reachability"``: share of the chain's (entry, exit) pairs still connected (needs
      ``chain=``);
    * ``"largest_component"``: share of organisations in the largest weak component.

    See the module docstring for the conventions. A failing entry or exit organisation of
    the chain stops sending or receiving, so it counts too. NaN for every organisation when
    :math:`P(G) = 0`. Parallel over organisations (``threads``; identical results for every
    count); ``progress`` shows a bar once the call has run over a second (``True``: at once,
    ``False``: never, a callable: the fraction done), and Ctrl-C cancels.

    Returns
    -------
    pandas.Series
        Indexed by organisation id, name ``"vulnerability"``: 0 when the failure changes
        nothing, 1 when nothing is left; negative values are possible for efficiency in a
        directed network only in theory (removing a vertex never shortens a path), so in
        practice V is in [0, 1].

    References
    ----------
    Latora, V. & Marchiori, M. (2005). Vulnerability and protection of infrastructure
    networks. Physical Review E 71, 015103(R).

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case", directed=False)
    >>> for o in ["politie", "om", "rechtbank"]: net.add_organisation(o)
    >>> net.add_relation("politie", "om", "case"); net.add_relation("om", "rechtbank", "case")
    >>> kn.resilience.vulnerability(net).round(4).to_dict()
    {'politie': 0.6, 'om': 1.0, 'rechtbank': 0.6}
    """
    _check_net(net)
    fn = "vulnerability"
    if measure not in MEASURES or measure == "expected_lead_time":
        raise ValueError(f"{fn}: measure must be one of 'efficiency', 'throughput', "
                         f"'reachability', 'largest_component', not {measure!r}")
    name = _chain_name(net, chain, fn)
    if measure in _CHAIN_MEASURES and not name:
        raise ValueError(f"{fn}: measure {measure!r} needs a chain (chain=...; the network has "
                         f"{', '.join(map(repr, net.chains)) or 'none'})")
    check_missing(net, layers, fn)
    values, ids = _core.resilience.vulnerability(
        net._core, measure, layer_list(layers) or [], name, capacity, fallback or "",
        thread_count(threads, fn), progress_handler(progress, fn))
    return pd.Series(values, index=make_index(ids, "organisation"), name="vulnerability")


# ----------------------------------------------------------------------------- simulation

@dataclass
class Simulation:
    """Result of :func:`simulate`.

    Attributes
    ----------
    curves : pandas.DataFrame
        Tidy: ``run, step, removed, measure, value``; step 0 is the intact network (removed
        ``None``), step k follows k removals (``removed``: the organisation removed at step k,
        or the layer for a failing layer).
    robustness : pandas.Series
        The robustness index R per measure, averaged over the runs: the mean of the measure
        over steps 1..steps (Schneider et al. 2011).
    robustness_runs : pandas.DataFrame
        R per run (rows) and measure (columns).
    """

    _repr_html_ = _result_html

    strategy: str
    recompute: bool
    measures: List[str]
    runs: int
    steps: int
    seed: int
    curves: pd.DataFrame
    robustness: pd.Series
    robustness_runs: pd.DataFrame

    @property
    def orders(self) -> pd.DataFrame:
        """Removal order of every run: rows = runs, columns = steps 1..steps."""
        c = self.curves[(self.curves["step"] > 0) & (self.curves["measure"] == self.measures[0])]
        return c.pivot(index="run", columns="step", values="removed")

    def curve(self, measure: Optional[str] = None) -> pd.DataFrame:
        """One measure as a steps x runs table (index: step; columns: run)."""
        measure = measure or self.measures[0]
        if measure not in self.measures:
            raise KeyError(f"measure {measure!r} was not simulated ({', '.join(self.measures)})")
        c = self.curves[self.curves["measure"] == measure]
        return c.pivot(index="step", columns="run", values="value")

    def __repr__(self) -> str:
        r = ", ".join(f"{m}={v:.4g}" for m, v in self.robustness.items())
        rec = " (recomputed)" if self.recompute else ""
        return (f"<Simulation {self.strategy}{rec}: {self.runs} run(s) x {self.steps} step(s); "
                f"R: {r}>")


def _strategy(net: Network, strategy, fn: str):
    """-> (kind, target, order, label)"""
    if isinstance(strategy, str):
        if strategy in ("random", "degree", "betweenness"):
            return strategy, "", [], strategy
        for prefix in ("sector", "layer"):
            if strategy.startswith(prefix + ":"):
                target = strategy[len(prefix) + 1:]
                if not target:
                    raise ValueError(f"{fn}: strategy {strategy!r} names no {prefix}")
                if prefix == "layer" and not net.has_layer(target):
                    raise KeyError(f"{fn}: strategy {strategy!r}: unknown layer {target!r} (the "
                                   f"network has {', '.join(map(repr, net.layers)) or 'none'})")
                return prefix, target, [], strategy
        raise ValueError(f"{fn}: unknown strategy {strategy!r}; choose 'random', 'degree', "
                         "'betweenness', 'sector:<code>', 'layer:<name>' or a list of "
                         "organisation ids")
    if isinstance(strategy, (list, tuple, pd.Index, np.ndarray, pd.Series)):
        order = [_index(net, oid, "listed", fn) for oid in strategy]
        if not order:
            raise ValueError(f"{fn}: the strategy lists no organisation")
        return "list", "", order, "list"
    raise TypeError(f"{fn}: strategy must be a name or a list of organisation ids, not "
                    f"{type(strategy).__name__}")


@renamed_arguments(positional=("steps", "runs", "seed", "threads", "progress"))
def simulate(net: Network, strategy="random", measures="largest_component", *,
             steps: Optional[int] = None, runs: Optional[int] = None,
             seed: int = core_default(_core.resilience.simulate, "seed"),
             threads: int = 0, progress: Progress = None,
             recompute: bool = False, layers: Layers = None,
             chain: Optional[str] = None,
             capacity: str = core_default(_core.resilience.simulate, "capacity"),
             fallback: Optional[str] = core_default(_core.resilience.simulate, "fallback"),
             ) -> Simulation:
    """Remove organisations step by step (or fail a layer) and record the measures after each
    step, with the robustness index R.

    Parameters
    ----------
    net : Network
    strategy : str or list of str
        * ``"random"``: a uniformly random order, new in every run (Albert, Jeong & Barabasi
          2000);
        * ``"degree"``, ``"betweenness"``: targeted attacks, highest first (degree as
          NetworkX's ``G.degree``: in + out; betweenness: unweighted shortest paths, Brandes
          2001); ranked once on the intact network, or among the survivors after every
          removal with ``recompute=True`` (Holme et al. 2002); ties (within 1e-9 relative)
          go to the organisation first in network order;
        * ``"sector:<code>"``: the organisations of one sector fail, in random order;
        * ``"layer:<name>"``: one layer fails at once (all its relations; for example the
          relations that depend on one shared IT system): one step;
        * a list of organisation ids: removed in that order.
    measures : str or list of str
        Any of :data:`MEASURES` (see the module docstring). The chain measures need
        ``chain=``.
    steps : int, optional
        Removals per run; ``None``: until every organisation the strategy can remove is gone
        (all organisations; the sector's; the listed ones; one step for a layer).
    runs : int, optional
        Default 100 for ``"random"`` and ``"sector:..."``, 1 for the deterministic
        strategies (which repeat the same run: it is computed once and copied).
    seed : int
        Run r uses the random stream SplitMix64(seed, r): results are identical for every
        ``threads``.
    threads : int
        Threads (0: all cores; results are identical for every thread count): over runs for ``"random"`` and ``"sector:..."``; inside
        each betweenness recomputation of ``"betweenness"`` with ``recompute=True``.
    progress : None, bool or callable
        ``None`` (default): a tqdm bar once the simulation has run a second (quick ones print
        nothing); ``True``: a bar at once; ``False``: nothing; or a callable given the fraction
        done (return False to cancel). Ctrl-C (KeyboardInterrupt) stops the runs cleanly.
    recompute : bool
        For ``"degree"`` and ``"betweenness"``: re-rank after every removal.
    layers : str or list of str, optional
        Layers every measure reads (default: all layers for the structural measures, and the
        layers carrying capacity/volume or volume and latency for the chain measures).
    chain : str, optional
        A chain of the network: entry = its first stage, exit = its last.
    capacity, fallback : str
        Throughput's capacity field, and the field used where it is unknown.

    Returns
    -------
    Simulation
        ``curves`` (run, step, removed, measure, value), ``robustness`` (R per measure, the
        mean over runs), ``robustness_runs``, ``orders``.

    Notes
    -----
    R is the mean of the measure over steps 1..steps (Schneider et al. 2011:
    :math:`R = \\frac{1}{N} \\sum_{Q=1}^{N} s(Q/N)` with ``s`` the largest component share
    and all N organisations removed). The largest component is updated incrementally: the
    organisations are added back in reverse order into a union-find (Newman & Ziff 2000),
    O(m alpha(n)) per run. The other measures are recomputed after each step. Checked
    against a plain loop over NetworkX on the same removal order.

    A recomputed betweenness attack re-runs Brandes' algorithm only on the component that
    lost an organisation, split into its biconnected blocks (Puzis et al. 2012; Sariyuce et
    al. 2013): betweenness is the sum, over the blocks containing an organisation, of the
    block's shortest paths weighted by how many organisations each block member stands for,
    plus the pairs the organisation separates as a cut vertex. Once every survivor scores 0
    (every reachable pair adjacent) no removal can change that, and the rest go in network
    order without further searches.

    Errors: ``ValueError`` for an unknown strategy or measure, a sector no organisation has,
    more steps than the strategy can remove, a chain measure without a chain, zero runs;
    ``KeyError`` for unknown organisations, layers or chains.

    References
    ----------
    Schneider, C. M., Moreira, A. A., Andrade, J. S., Havlin, S. & Herrmann, H. J. (2011).
    Mitigation of malicious attacks on networks. PNAS 108(10), 3838-3841. Newman, M. E. J. &
    Ziff, R. M. (2000). Efficient Monte Carlo algorithm and high-precision results for
    percolation. Phys. Rev. Lett. 85, 4104. Holme, P., Kim, B. J., Yoon, C. N. & Han, S. K.
    (2002). Attack vulnerability of complex networks. Phys. Rev. E 65, 056109.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.Network()
    >>> net.add_layer("case", directed=False)
    >>> for o in ["politie", "om", "rechtbank", "cjib"]: net.add_organisation(o)
    >>> for s, t in [("politie", "om"), ("om", "rechtbank"), ("om", "cjib")]:
    ...     net.add_relation(s, t, "case")
    >>> sim = kn.resilience.simulate(net, "degree", progress=False)
    >>> sim.curves[["step", "removed", "value"]].values.tolist()
    [[0, None, 1.0], [1, 'om', 0.25], [2, 'politie', 0.25], [3, 'rechtbank', 0.25], [4, 'cjib', 0.0]]
    >>> round(float(sim.robustness["largest_component"]), 4)
    0.1875
    """
    _check_net(net)
    fn = "simulate"
    rev = net._core.revision
    kind, target, order, label = _strategy(net, strategy, fn)
    names = [measures] if isinstance(measures, str) else list(measures)
    if not names:
        raise ValueError(f"{fn}: no measure given; choose from {', '.join(MEASURES)}")
    for m in names:
        if m not in MEASURES:
            raise ValueError(f"{fn}: unknown measure {m!r}; choose from {', '.join(MEASURES)}")
    if len(set(names)) != len(names):
        raise ValueError(f"{fn}: a measure is listed twice: {names}")
    name = _chain_name(net, chain, fn)
    for m in names:
        if m in _CHAIN_MEASURES and not name:
            raise ValueError(f"{fn}: measure {m!r} needs a chain (chain=...; the network has "
                             f"{', '.join(map(repr, net.chains)) or 'none'})")
    if runs is None:
        runs = 100 if kind in ("random", "sector") else 1
    if isinstance(runs, bool) or not isinstance(runs, (int, np.integer)) or runs < 1:
        raise ValueError(f"{fn}: runs must be a positive integer, not {runs!r}")
    if steps is not None and (isinstance(steps, bool) or not isinstance(steps, (int, np.integer))
                              or steps < 1):
        raise ValueError(f"{fn}: steps must be a positive integer or None (remove everything), "
                         f"not {steps!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"{fn}: seed must be a non-negative integer, not {seed!r}")
    check_missing(net, layers, fn)
    r = _core.resilience.simulate(
        net._core, kind, target, order, bool(recompute), names, layer_list(layers) or [], name,
        capacity, fallback or "", int(steps or 0), int(runs), int(seed) & (2 ** 64 - 1),
        thread_count(threads, fn), progress_handler(progress, fn))
    values, removed, rob = r["values"], r["removed"], r["robustness"]
    if order and r["revision"] != rev:  # the listed ids were resolved at another state
        raise NetworkChangedError(f"{fn}: the network changed while the call was starting; "
                                  "run it again")
    R, S1, M = values.shape
    ids = r["ids"]  # of the network the simulation ran on
    rem = np.empty((R, S1), dtype=object)
    rem[:, 0] = None
    if kind == "layer":
        rem[:, 1:] = target
    elif S1 > 1:
        rem[:, 1:] = ids[removed]
    curves = pd.DataFrame({
        "run": np.repeat(np.arange(R), S1 * M),
        "step": np.tile(np.repeat(np.arange(S1), M), R),
        "removed": pd.Series(np.repeat(rem.reshape(-1), M), dtype=object),
        "measure": np.tile(np.asarray(names, dtype=object), R * S1),
        "value": values.reshape(-1),
    })
    runs_df = pd.DataFrame(rob, columns=pd.Index(names, name="measure"),
                           index=pd.RangeIndex(R, name="run"))
    return Simulation(label, bool(recompute), names, R, S1 - 1, int(seed), curves,
                      runs_df.mean(axis=0).rename("R"), runs_df)


# ----------------------------------------------------------------------------- null models

@renamed_arguments(positional=("seed",))
def null_model(net: Network, kind: str = "configuration", *,
               seed: int = core_default(_core.resilience.null_model, "seed")) -> Network:
    """A random network of the same size, to read a result against chance.

    * ``"configuration"``: degree-preserving rewiring (Maslov & Sneppen 2002): 10 double-edge
      swaps per relation (a-b, c-d -> a-d, c-b; at most 100 times as many attempts), within
      each layer, so every organisation keeps its degree (in- and out-degree in a directed
      layer) in every layer, as NetworkX's ``double_edge_swap``; swaps creating a self-loop
      or a duplicate are rejected; self-loops stay;
    * ``"erdos_renyi"``: G(n, m) (Erdos & Renyi 1959): each layer's relations on uniformly
      random distinct pairs of distinct organisations, as NetworkX's ``gnm_random_graph`` per
      layer.

    The organisations (with sectors and attributes), layers and chains are kept; every
    relation keeps its fields and attributes (volume, capacity, latency, quality) but
    connects new organisations. Deterministic for a seed.

    Examples
    --------
    >>> import ketennet as kn
    >>> net = kn.examples.load("strafrechtketen")
    >>> rnd = kn.resilience.null_model(net, "configuration", seed=1)
    >>> (len(rnd), rnd.number_of_relations()) == (len(net), net.number_of_relations())
    True
    >>> all(kn.centrality.degree(rnd, layers=l).equals(kn.centrality.degree(net, layers=l))
    ...     for l in net.layers)
    True
    """
    _check_net(net)
    if kind not in ("configuration", "erdos_renyi"):
        raise ValueError(f"null_model: kind must be 'configuration' or 'erdos_renyi', not {kind!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"null_model: seed must be a non-negative integer, not {seed!r}")
    return Network._wrap(_core.resilience.null_model(net._core, kind, int(seed) & (2 ** 64 - 1)))
