"""Degenerate input: networks of 0 or 1 organisations, a self-loop alone, isolated
organisations and empty layers give NetworkX's values (NaN, 0, empty), never an error.

Every public metric of kn.centrality, kn.cohesion, kn.brokerage, kn.resilience and
kn.governance (kn.flow where NetworkX has the function) runs on the shared cases of
``degenerate_networks`` and is compared with NetworkX's function on the same graph. Where
NetworkX raises or has no such function, ketennet either raises a ValueError naming the
function and the reason (the ``raises`` entries of :data:`METRICS`) or gives the value its
documentation states, computed here from the definition (``ref``) or written out
(``expect``).

Where NetworkX raises and ketennet raises too (a ValueError naming the function):
eigenvector centrality of no organisations and of the directed path a -> b -> c beside an
empty layer (no convergence); information and current-flow centralities of networks that
are not connected (and of 0 or 1 organisations); average clustering and connectivity of no
organisations; core numbers with a self-loop; overall reciprocity and modularity without
ties. Where NetworkX raises and ketennet gives a value: HITS without ties (1/n each),
current-flow betweenness of one organisation (0), edge connectivity of one directed
organisation (0), local efficiency of no organisations (0). Where NetworkX gives a value and
ketennet another, on purpose (documented with the function): node and edge connectivity of
one organisation with a self-loop (NetworkX 2, ketennet 0), node connectivity of the
directed path (NetworkX 1, ketennet 0: not strongly connected), undirected overall
reciprocity (ketennet 1). Gould-Fernandez brokerage (no NetworkX function) needs three
organisations, and a governance diagnosis two (ValueErrors naming them); a scorecard never
fails.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ketennet as kn
from degenerate_networks import all_cases, build

CASES = all_cases()


def _plain(x):
    """A result as plain Python: Series -> {id: value}, DataFrame -> {column: {...}},
    lists of sets -> set of frozensets, NumPy scalars -> Python."""
    if isinstance(x, pd.DataFrame):
        return {c: _plain(x[c]) for c in x.columns}
    if isinstance(x, pd.Series):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)) and x and all(isinstance(s, (set, frozenset)) for s in x):
        return {frozenset(s) for s in x}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, np.generic):
        return x.item()
    return x


def _same(a, b, tol: float) -> bool:
    a, b = _plain(a), _plain(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k], tol) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y, tol) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return abs(a - b) <= tol * max(1.0, abs(b))
    return a == b


@dataclass(frozen=True)
class Metric:
    """A ketennet metric and what it must give.

    ``kn(net, layers)`` calls ketennet. ``nx(G)`` is NetworkX's function on the same graph
    (None: NetworkX has none), for undirected graphs only when ``undirected_only``, for
    directed ones only when ``directed_only``. ``ref(G)`` computes the documented value from
    the definition where NetworkX has no function for the case. ``raises`` maps case keys
    (``name``, ``name-directed`` / ``name-undirected`` or the full case id) to
    ``(exception type, regex of the message)``; ``expect`` maps them to ketennet's documented
    value, or to a check ``f(result, G) -> bool``."""

    kn: Callable
    nx: Optional[Callable] = None
    ref: Optional[Callable] = None
    tol: float = 1e-12
    undirected_only: bool = False
    directed_only: bool = False
    raises: Dict[str, tuple] = field(default_factory=dict)
    expect: Dict[str, object] = field(default_factory=dict)


_NAN = float("nan")
# cases without any tie (but a self-loop) and with fewer than two organisations
_EDGELESS = ("one", "two_isolated", "three_isolated", "empty_layer-undirected-leeg",
             "empty_layer-directed-leeg")


def _efficiency(G) -> float:
    """Global efficiency from the definition: the mean of 1 / d(u, v) over ordered pairs
    u != v (0 for unreachable pairs; 0 for fewer than two organisations); NetworkX's
    ``global_efficiency`` for undirected graphs, directions followed for directed ones."""
    n = len(G)
    if n < 2:
        return 0.0
    total = sum(1.0 / d for u, dist in nx.all_pairs_shortest_path_length(G)
                for v, d in dist.items() if v != u)
    return total / (n * (n - 1))


def _local_efficiency(G) -> float:
    """The mean over organisations of the efficiency among their in- and out-neighbours
    (NetworkX's ``local_efficiency`` for undirected graphs); 0 without organisations."""
    if len(G) == 0:
        return 0.0
    nbrs = (lambda v: set(G.predecessors(v)) | set(G.successors(v))) if G.is_directed() else G.neighbors
    return sum(_efficiency(G.subgraph(set(nbrs(v)) - {v})) for v in G) / len(G)


def _freeman(G) -> float:
    """Freeman's degree centralization: sum(max d - d_i) / ((n - 1)(n - 2)), the total
    degree of a directed graph over 2 (n - 1)(n - 2); 0 for fewer than three organisations."""
    n = len(G)
    if n < 3:
        return 0.0
    d = [x for _, x in G.degree()]
    return sum(max(d) - x for x in d) / ((n - 1) * (n - 2) * (2 if G.is_directed() else 1))


def _betweenness_centralization(G) -> float:
    """Freeman's betweenness centralization on NetworkX's raw betweenness: sum(max b - b_i)
    over (n - 1)^2 (n - 2), halved undirected; 0 for fewer than three organisations."""
    n = len(G)
    if n < 3:
        return 0.0
    b = list(nx.betweenness_centrality(G, normalized=False).values())
    return sum(max(b) - x for x in b) / ((n - 1) ** 2 * (n - 2) / (1 if G.is_directed() else 2))


def _hierarchy(G) -> dict:
    """Burt's hierarchy from NetworkX's local constraints: sum r ln r / (N ln N),
    r_j = N c_ij / C_i over the N contacts j (NaN for fewer than two contacts)."""
    out = {}
    for v in G:
        contacts = set(nx.all_neighbors(G, v)) - {v}
        N = len(contacts)
        if N < 2:
            out[v] = _NAN
            continue
        c = [nx.local_constraint(G, v, j) for j in contacts]
        r = [N * x / sum(c) for x in c]
        out[v] = sum(x * math.log(x) for x in r if x > 0) / (N * math.log(N))
    return out


def _liaisons(G) -> dict:
    """Gould-Fernandez roles when every organisation has its own sector: every brokered
    two-path a -> v -> c (a != c, no tie a -> c) is a liaison of v."""
    D = G if G.is_directed() else G.to_directed()
    liaison = {v: float(sum(1 for a in D.predecessors(v) for c in D.successors(v)
                            if len({a, v, c}) == 3 and not D.has_edge(a, c))) for v in D}
    zero = {v: 0.0 for v in D}
    return {"coordinator": zero, "itinerant": zero, "gatekeeper": zero, "representative": zero,
            "liaison": liaison, "total": liaison}


def _mixing(G):
    """NetworkX's normalised sector mixing matrix over every sector (NaN without ties)."""
    sectors = sorted({s for _, s in G.nodes(data="sector")})
    mapping = {s: i for i, s in enumerate(sectors)}
    with np.errstate(invalid="ignore", divide="ignore"):
        M = nx.attribute_mixing_matrix(G, "sector", mapping=mapping, normalized=False)
        M = M / M.sum()
    return {b: {a: M[mapping[a], mapping[b]] for a in sectors} for b in sectors}


def _hits_by_definition(got, G) -> bool:
    """HITS where the dominant eigenvalue of A^T A is repeated: the authorities are the
    projection of the uniform start on its dominant eigenspace, the hubs A times them, both
    divided by their sums (the documented limit of Kleinberg's iteration)."""
    A = nx.to_numpy_array(G, nodelist=sorted(G))
    vals, vecs = np.linalg.eigh(A.T @ A)
    top = vecs[:, np.isclose(vals, vals.max())]
    a = top @ (top.T @ np.ones(len(G)))
    h = A @ a
    want = ({v: x for v, x in zip(sorted(G), h / h.sum())},
            {v: x for v, x in zip(sorted(G), a / a.sum())})
    return _same(got, want, 1e-6)


def _same_modularity(got, G) -> bool:
    """Louvain ties: another partition of NetworkX's modularity."""
    mine = nx.community.modularity(G, got)
    theirs = nx.community.modularity(G, nx.community.louvain_communities(G, seed=0))
    return abs(mine - theirs) < 1e-12 and set().union(*got) == set(G)


def _undirected(f):
    return lambda G: f(G.to_undirected() if G.is_directed() else G)


def _pairs(G, loops: bool = False):
    return {frozenset((u, v)) for u, v in G.edges() if loops or u != v}


def _nx_holes(f, G, weight=None):
    """NetworkX's constraint or effective size of every node: its matrix path
    (``nodes=None``; its per-node path gives NaN to a directed sink), and on the null graph,
    where that path raises, its per-node path's ``{}``."""
    return f(G, weight=weight) if len(G) else f(G, nodes=G, weight=weight)


def _cut(G):
    ids = sorted(G)
    s, t = ids[0], ids[-1]
    return None if G.has_edge(s, t) else nx.minimum_node_cut(G, s, t)


def _as_set(cut):
    return None if cut is None else set(cut)


def _vulnerability(G) -> dict:
    """The relative drop of global efficiency when an organisation fails (its ties gone);
    NaN where the network has no efficiency to lose."""
    e = _efficiency(G)
    out = {}
    for v in sorted(G):
        H = G.copy()
        H.remove_edges_from(list(H.in_edges(v) if H.is_directed() else []) + list(H.edges(v)))
        out[v] = (e - _efficiency(H)) / e if e > 0 else _NAN
    return out


def _robustness(G) -> float:
    """Schneider et al.'s R under a degree attack ranked once (ties in network order): the
    mean over the N removals of the share of the N organisations left in the largest
    (weak) component."""
    order = sorted(G, key=lambda v: -G.degree(v))
    parts = nx.weakly_connected_components if G.is_directed() else nx.connected_components
    return sum(max((len(c) for c in parts(G.subgraph(order[k:]))), default=0) / len(G)
               for k in range(1, len(G) + 1)) / len(G)


_NO_ORGS = (ValueError, "undefined for a network without organisations")
_NOT_CONNECTED = (ValueError, r"is not connected|at least 2 are needed|has 0 organisations")

METRICS: Dict[str, Metric] = {
    # --- centrality
    "centrality.degree": Metric(lambda n, l: kn.centrality.degree(n, layers=l),
                                lambda G: dict(G.degree())),
    "centrality.degree(weight)": Metric(
        lambda n, l: kn.centrality.degree(n, layers=l, weight="volume"),
        lambda G: {v: float(d) for v, d in G.degree(weight="volume")}),
    "centrality.betweenness": Metric(lambda n, l: kn.centrality.betweenness(n, layers=l),
                                     nx.betweenness_centrality),
    "centrality.edge_betweenness": Metric(
        lambda n, l: {frozenset(k): v for k, v in kn.centrality.edge_betweenness(n, layers=l).items()},
        lambda G: {frozenset(k): v for k, v in nx.edge_betweenness_centrality(G).items()}),
    "centrality.closeness": Metric(lambda n, l: kn.centrality.closeness(n, layers=l),
                                   nx.closeness_centrality),
    "centrality.harmonic": Metric(lambda n, l: kn.centrality.harmonic(n, layers=l),
                                  nx.harmonic_centrality),
    "centrality.pagerank": Metric(lambda n, l: kn.centrality.pagerank(n, layers=l),
                                  nx.pagerank, tol=1e-6),
    "centrality.katz": Metric(lambda n, l: kn.centrality.katz(n, layers=l),
                              nx.katz_centrality, tol=1e-6),
    "centrality.eigenvector": Metric(
        lambda n, l: kn.centrality.eigenvector(n, layers=l), nx.eigenvector_centrality, tol=1e-5,
        raises={"none": (ValueError, "eigenvector: the network has no organisations"),
                "empty_layer-directed": (kn.ConvergenceError, "eigenvector: did not converge")}),
    "centrality.hits": Metric(
        lambda n, l: list(kn.centrality.hits(n, layers=l)), lambda G: list(nx.hits(G)), tol=1e-6,
        expect={**{k: lambda got, G: _same(got, [{v: 1 / len(G) for v in G}] * 2, 1e-12)
                   for k in _EDGELESS + ("one_self_loop",)},
                "empty_layer-undirected": _hits_by_definition,
                "empty_layer-directed": _hits_by_definition,
                "triangle_and_isolated-directed": _hits_by_definition}),
    "centrality.information": Metric(
        lambda n, l: kn.centrality.information(n, layers=l), nx.information_centrality,
        undirected_only=True,
        raises={**{f"{k}-undirected": _NOT_CONNECTED for k in (
            "none", "one", "one_self_loop", "two_isolated", "three_isolated",
            "triangle_and_isolated")},
            "empty_layer-undirected-leeg": _NOT_CONNECTED,
            "directed": (ValueError, "is directed; current-flow centralities are defined for undirected")}),
    "centrality.current_flow_closeness": Metric(
        lambda n, l: kn.centrality.current_flow_closeness(n, layers=l),
        nx.current_flow_closeness_centrality, undirected_only=True,
        raises={**{f"{k}-undirected": _NOT_CONNECTED for k in (
            "none", "one", "one_self_loop", "two_isolated", "three_isolated",
            "triangle_and_isolated")},
            "empty_layer-undirected-leeg": _NOT_CONNECTED,
            "directed": (ValueError, "is directed; current-flow centralities are defined for undirected")}),
    "centrality.current_flow_betweenness": Metric(
        lambda n, l: kn.centrality.current_flow_betweenness(n, layers=l),
        nx.current_flow_betweenness_centrality, undirected_only=True,
        raises={**{f"{k}-undirected": _NOT_CONNECTED for k in (
            "none", "two_isolated", "three_isolated", "triangle_and_isolated")},
            "empty_layer-undirected-leeg": _NOT_CONNECTED,
            "directed": (ValueError, "is directed; current-flow centralities are defined for undirected")},
        expect={"one-undirected": {"a": 0.0}, "one_self_loop-undirected": {"a": 0.0}}),
    # --- cohesion
    "cohesion.density": Metric(lambda n, l: kn.cohesion.density(n, layers=l), nx.density),
    "cohesion.reciprocity": Metric(
        lambda n, l: kn.cohesion.reciprocity(n, layers=l), nx.overall_reciprocity,
        directed_only=True, ref=lambda G: 1.0,  # undirected: every tie is mutual
        raises={k: (ValueError, "reciprocity is not defined for a view without relations")
                for k in ("none",) + _EDGELESS}),
    "cohesion.reciprocity(per_organisation)": Metric(
        lambda n, l: kn.cohesion.reciprocity(n, layers=l, per_organisation=True),
        lambda G: {v: _NAN if r is None else r for v, r in nx.reciprocity(G, list(G)).items()},
        directed_only=True, ref=lambda G: {v: 1.0 if G.degree(v) else _NAN for v in G}),
    "cohesion.centralization": Metric(lambda n, l: kn.cohesion.centralization(n, layers=l),
                                      ref=_freeman),
    "cohesion.centralization(betweenness)": Metric(
        lambda n, l: kn.cohesion.centralization(n, "betweenness", layers=l),
        ref=_betweenness_centralization),
    "cohesion.transitivity": Metric(lambda n, l: kn.cohesion.transitivity(n, layers=l),
                                    nx.transitivity),
    "cohesion.clustering": Metric(lambda n, l: kn.cohesion.clustering(n, layers=l),
                                  nx.clustering),
    "cohesion.clustering(average)": Metric(
        lambda n, l: kn.cohesion.clustering(n, layers=l, average=True), nx.average_clustering,
        raises={"none": (ValueError, "average clustering is not defined for a network without organisations")}),
    "cohesion.components": Metric(lambda n, l: kn.cohesion.components(n, layers=l),
                                  lambda G: list(nx.weakly_connected_components(G)
                                                 if G.is_directed() else nx.connected_components(G))),
    "cohesion.components(strong)": Metric(
        lambda n, l: kn.cohesion.components(n, "strong", layers=l),
        lambda G: list(nx.strongly_connected_components(G) if G.is_directed()
                       else nx.connected_components(G))),
    "cohesion.core_number": Metric(
        lambda n, l: kn.cohesion.core_number(n, layers=l), nx.core_number,
        raises={"one_self_loop": (ValueError, "core_number: organisation 'a' has a self-loop")}),
    "cohesion.node_connectivity": Metric(
        lambda n, l: kn.cohesion.node_connectivity(n, layers=l), nx.node_connectivity,
        raises={"none": _NO_ORGS}, expect={"one_self_loop": 0, "empty_layer-directed": 0}),
    "cohesion.edge_connectivity": Metric(
        lambda n, l: kn.cohesion.edge_connectivity(n, layers=l), nx.edge_connectivity,
        raises={"none": _NO_ORGS}, expect={"one_self_loop": 0, "one-directed": 0}),
    "cohesion.communities": Metric(
        lambda n, l: list(kn.cohesion.communities(n, layers=l).communities),
        lambda G: nx.community.louvain_communities(G, seed=0),
        expect={"empty_layer-directed": _same_modularity}),
    "cohesion.modularity": Metric(
        lambda n, l: kn.cohesion.modularity(n, {o: 0 for o in n.ids}, layers=l),
        lambda G: nx.community.modularity(G, [set(G)]),
        raises={k: (ValueError, "modularity is not defined for a view without relations")
                for k in ("none",) + _EDGELESS}),
    "cohesion.multiplexity": Metric(
        lambda n, l: kn.cohesion.multiplexity(n, layers=l),
        expect={"": lambda got, G: ({frozenset((s, t)) for s, t in zip(got.pairs["source"], got.pairs["target"])}
                                    == _pairs(G)
                                    and _same(got.multiplex_share, 0.0 if _pairs(G) else _NAN, 0))}),
    "cohesion.complexity": Metric(
        lambda n, l: kn.cohesion.complexity(n).set_index("indicator")["value"],
        # the whole network (complexity has no layer selection): the path's two relations
        expect={"": lambda got, G: (got["organisations"] == len(G)
                                    and got["relations"] == G.number_of_edges()
                                    and got["ties"] == len(_pairs(G, loops=True))),
                **{f"empty_layer-{d}-leeg": lambda got, G: got["relations"] == got["ties"] == 2
                   for d in ("undirected", "directed")}}),
    # --- brokerage
    "brokerage.structural_holes": Metric(
        lambda n, l: kn.brokerage.structural_holes(n, layers=l)[["constraint", "effective_size"]],
        lambda G: {"constraint": _nx_holes(nx.constraint, G), "effective_size": _nx_holes(nx.effective_size, G)}),
    "brokerage.constraint": Metric(lambda n, l: kn.brokerage.constraint(n, layers=l),
                                   lambda G: _nx_holes(nx.constraint, G)),
    "brokerage.constraint(weight)": Metric(
        lambda n, l: kn.brokerage.constraint(n, weight="volume", layers=l),
        lambda G: _nx_holes(nx.constraint, G, weight="volume"),
        # NetworkX's matrix path gives 4 for a weighted self-loop alone (it subtracts the
        # normalised loop weight from the raw row sum), NaN unweighted: ketennet NaN both ways
        expect={"one_self_loop": {"a": _NAN}}),
    "brokerage.effective_size": Metric(lambda n, l: kn.brokerage.effective_size(n, layers=l),
                                       lambda G: _nx_holes(nx.effective_size, G)),
    "brokerage.effective_size(weight)": Metric(
        lambda n, l: kn.brokerage.effective_size(n, weight="volume", layers=l),
        lambda G: _nx_holes(nx.effective_size, G, weight="volume")),
    "brokerage.efficiency": Metric(
        lambda n, l: kn.brokerage.efficiency(n, layers=l),
        lambda G: {v: e / len(set(nx.all_neighbors(G, v)) - {v}) if e == e else e
                   for v, e in _nx_holes(nx.effective_size, G).items()}),
    "brokerage.hierarchy": Metric(lambda n, l: kn.brokerage.hierarchy(n, layers=l), ref=_hierarchy),
    "brokerage.gould_fernandez": Metric(
        lambda n, l: kn.brokerage.gould_fernandez(n, layers=l).raw, ref=_liaisons,
        raises={k: (ValueError, "gould_fernandez: brokerage roles need at least three organisations")
                for k in ("none", "one", "one_self_loop", "two_isolated")}),
    "brokerage.ei_index": Metric(lambda n, l: kn.brokerage.ei_index(n, layers=l),
                                 ref=lambda G: 1.0 if _pairs(G) else _NAN),
    "brokerage.mixing_matrix": Metric(lambda n, l: kn.brokerage.mixing_matrix(n, layers=l),
                                      ref=_mixing),
    "brokerage.assortativity": Metric(
        lambda n, l: kn.brokerage.assortativity(n, layers=l),
        lambda G: nx.attribute_assortativity_coefficient(G, "sector")),
    # --- resilience: articulation points, bridges and blocks ignore directions
    "resilience.articulation_points": Metric(
        lambda n, l: set(kn.resilience.articulation_points(n, layers=l)),
        _undirected(lambda G: set(nx.articulation_points(G)))),
    "resilience.bridges": Metric(
        lambda n, l: {frozenset(b) for b in kn.resilience.bridges(n, layers=l)},
        _undirected(lambda G: {frozenset(b) for b in nx.bridges(G)})),
    "resilience.biconnected_components": Metric(
        lambda n, l: kn.resilience.biconnected_components(n, layers=l),
        _undirected(lambda G: list(nx.biconnected_components(G)))),
    "resilience.dominators": Metric(  # an undirected tie counts in both directions
        lambda n, l: kn.resilience.dominators(n, "a", layers=l),
        lambda G: nx.immediate_dominators(G if G.is_directed() else G.to_directed(), "a"),
        raises={"none": (KeyError, "dominators: unknown source organisation 'a'")}),
    "resilience.min_vertex_cut": Metric(
        lambda n, l: _as_set(kn.resilience.min_vertex_cut(
            n, n.ids[0] if len(n) else "a", n.ids[-1] if len(n) else "b", layers=l)),
        lambda G: _cut(G),
        raises={"none": (KeyError, "min_vertex_cut: unknown source organisation 'a'"),
                "one": (ValueError, "min_vertex_cut: 'a' is both a source and a target"),
                "one_self_loop": (ValueError, "min_vertex_cut: 'a' is both a source and a target")}),
    "resilience.vulnerability": Metric(
        lambda n, l: kn.resilience.vulnerability(n, layers=l, progress=False), ref=_vulnerability),
    "resilience.simulate": Metric(
        lambda n, l: kn.resilience.simulate(n, "degree", layers=l, progress=False).robustness["largest_component"],
        raises={"none": (ValueError, "simulate: there is nothing to remove")},
        ref=lambda G: _robustness(G)),
    "resilience.null_model": Metric(
        lambda n, l: kn.resilience.null_model(n),
        # the whole network (null_model has no layer selection): the path's two relations
        expect={"": lambda got, G: (sorted(got.ids) == sorted(G)
                                    and got.number_of_relations() == G.number_of_edges()),
                **{f"empty_layer-{d}-leeg": lambda got, G: got.number_of_relations() == 2
                   for d in ("undirected", "directed")}}),
    # --- governance
    "governance.diagnose": Metric(
        lambda n, l: kn.governance.diagnose(n, layers=l).observed_mode,
        raises={k: (ValueError, "diagnose: governance needs a network of at least two organisations")
                for k in ("none", "one", "one_self_loop")},
        expect={"two_isolated": "shared", "three_isolated": "shared", "empty_layer": "lead organisation",
                "empty_layer-undirected-leeg": "shared", "empty_layer-directed-leeg": "shared",
                "triangle_and_isolated": "shared"}),
    # --- flow, where NetworkX has the function
    "flow.global_efficiency": Metric(lambda n, l: kn.flow.global_efficiency(n, layers=l),
                                     nx.global_efficiency, undirected_only=True, ref=_efficiency),
    "flow.local_efficiency": Metric(lambda n, l: kn.flow.local_efficiency(n, layers=l),
                                    nx.local_efficiency, undirected_only=True, ref=_local_efficiency,
                                    expect={"none-undirected": 0.0}),
}


def _lookup(table: dict, case):
    """The entry for ``case``: by its id, its name (not for a layer selection), its
    direction, or ``""`` (every case)."""
    direction = "directed" if case.directed else "undirected"
    keys = (case.id, direction, "") if case.layers else (case.id, case.name, direction, "")
    for key in keys:
        if key in table:
            return True, table[key]
    return False, None


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")  # NetworkX's 0 / 0
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@pytest.mark.parametrize("metric", list(METRICS))
def test_degenerate_input(metric, case):
    m = METRICS[metric]
    has_raise, raised = _lookup(m.raises, case)
    if has_raise:
        kind, pattern = raised
        with pytest.raises(kind, match=pattern):
            m.kn(case.net, case.layers)
        return
    got = m.kn(case.net, case.layers)
    has_expect, expected = _lookup(m.expect, case)
    if has_expect:
        if callable(expected):
            assert expected(got, case.graph), f"{metric} on {case.id}: {_plain(got)!r}"
        else:
            assert _same(got, expected, m.tol), f"{metric} on {case.id}: {_plain(got)!r} != {expected!r}"
        return
    applies = m.nx is not None and not (m.undirected_only and case.directed) \
        and not (m.directed_only and not case.directed)
    want = m.nx(case.graph) if applies else m.ref(case.graph) if m.ref else None
    assert want is not None or m.nx is not None or m.ref is not None, f"{metric}: nothing to compare"
    assert _same(got, want, m.tol), \
        f"{metric} on {case.id}: ketennet {_plain(got)!r}, {'NetworkX' if applies else 'definition'} {want!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_scorecard_of_a_degenerate_network(case):
    card = kn.scorecard({case.id: case.net})
    assert set(card["network"]) == {case.id}
    organisations = card[card["indicator"] == "organisations"]["value"]
    assert list(organisations) == [len(case.net)]


def test_every_public_metric_is_covered():
    modules = (kn.centrality, kn.cohesion, kn.brokerage, kn.resilience, kn.governance)
    covered = {name.split("(")[0] for name in METRICS}
    not_metrics = {"cohesion.qap", "cohesion.partition_agreement", "cohesion.QapResult",
                   "brokerage.BrokerageRoles", "brokerage.ROLES", "governance.GovernanceDiagnosis",
                   "governance.MODES", "cohesion.Communities", "cohesion.Agreement",
                   "cohesion.Multiplexity", "resilience.Simulation"}
    missing = []
    for mod in modules:
        short = mod.__name__.split(".")[-1]
        for name in mod.__all__:
            key = f"{short}.{name}"
            if key not in covered and key not in not_metrics and callable(getattr(mod, name)):
                missing.append(key)
    assert not missing, f"public metrics without a degenerate-input check: {missing}"
