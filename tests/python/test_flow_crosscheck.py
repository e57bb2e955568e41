"""Cross-checks of ketennet.flow against NetworkX (1e-9).

Peers: ``global_efficiency`` and ``local_efficiency`` (NetworkX: undirected, unweighted),
``maximum_flow_value``, ``minimum_cut`` (value, and that ketennet's cut separates) and
``minimum_node_cut`` (size; both are minimum, ketennet's separates), ``dijkstra_path_length``
for lead times. The directed and weighted efficiency variants, which NetworkX lacks, are
checked against the formula evaluated on NetworkX's shortest-path distances.

Graphs: NetworkX's bundled real graphs (karate club, Florentine families, Davis southern
women, Les Misérables), random orientations of them, seeded G(n, p) graphs (directed and
undirected, some disconnected, some with self-loops), and the two built-in examples. Every
graph gets seeded random float capacities and latencies.
"""
from __future__ import annotations

import functools
import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ketennet as kn

ATOL = 1e-9

REAL = {
    "karate": nx.karate_club_graph,
    "florentine": nx.florentine_families_graph,
    "davis": nx.davis_southern_women_graph,
    "lesmis": nx.les_miserables_graph,
}
# name: (directed, n, p, seed, self-loop share)
RANDOM = {
    "gnp-d-80": (True, 80, 0.06, 31, 0.0),
    "gnp-d-150-sparse": (True, 150, 0.012, 32, 0.05),   # disconnected
    "gnp-d-300": (True, 300, 0.02, 33, 0.02),
    "gnp-u-80": (False, 80, 0.08, 41, 0.0),
    "gnp-u-150-sparse": (False, 150, 0.01, 42, 0.05),   # disconnected
    "gnp-u-300": (False, 300, 0.015, 43, 0.0),
}
ORIENTED = {f"{name}-oriented": name for name in REAL}
CASES = list(REAL) + list(ORIENTED) + list(RANDOM)


def _decorate(G: nx.Graph, seed: int) -> nx.Graph:
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G.edges[u, v]["capacity"] = float(rng.uniform(1.0, 10.0))
        G.edges[u, v]["latency"] = float(rng.uniform(0.5, 20.0))
        G.edges[u, v]["volume"] = float(rng.uniform(1.0, 100.0))
        G.edges[u, v]["quality"] = float(rng.uniform(0.5, 1.0))
        G.edges[u, v].pop("weight", None)
    return G


def _oriented(G: nx.Graph, seed: int) -> nx.DiGraph:
    rng = np.random.default_rng(seed)
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        r = rng.integers(0, 3)
        if r in (0, 2):
            D.add_edge(u, v, **data)
        if r in (1, 2):
            D.add_edge(v, u, **data)
    return D


@functools.lru_cache(maxsize=None)
def graph(case: str) -> nx.Graph:
    if case in REAL:
        return _decorate(REAL[case](), seed=len(case))
    if case in ORIENTED:
        return _decorate(_oriented(REAL[ORIENTED[case]](), seed=5 * len(case)), seed=len(case))
    directed, n, p, seed, loops = RANDOM[case]
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = np.random.default_rng(seed + 1000)
    for v in rng.choice(n, size=int(round(loops * n)), replace=False):
        G.add_edge(int(v), int(v))
    return _decorate(G, seed=seed)


@functools.lru_cache(maxsize=None)
def network(case: str) -> kn.Network:
    return kn.from_networkx(graph(case), kinds={"default": "case"})


def pairs(case: str, k: int = 6):
    """k seeded (s, t) pairs of distinct nodes, as NetworkX nodes."""
    G = graph(case)
    nodes = list(G.nodes)
    rng = np.random.default_rng(len(case) * 7 + 1)
    out = []
    while len(out) < k:
        a, b = rng.choice(len(nodes), 2, replace=False)
        out.append((nodes[a], nodes[b]))
    return out


UNDIRECTED = [c for c in CASES if not graph(c).is_directed()]


def test_cases_cover_the_intended_shapes():
    assert any(nx.number_of_selfloops(graph(c)) for c in CASES)
    assert any(not nx.is_connected(graph(c)) for c in UNDIRECTED)
    assert any(graph(c).is_directed() and not nx.is_weakly_connected(graph(c)) for c in CASES)


# ----------------------------------------------------------------------------- efficiency

@pytest.mark.parametrize("case", UNDIRECTED)
def test_global_efficiency(case, deviation):
    G, net = graph(case), network(case)
    got = kn.flow.global_efficiency(net)
    exp = nx.global_efficiency(G)
    deviation.record("global_efficiency", abs(got - exp))
    assert got == pytest.approx(exp, abs=ATOL, rel=0)
    assert 0 < got < 1


@pytest.mark.parametrize("case", UNDIRECTED)
def test_local_efficiency(case, deviation):
    G, net = graph(case), network(case)
    got = kn.flow.local_efficiency(net)
    # NetworkX counts a node with a self-loop as its own neighbour; ketennet never does
    H = nx.Graph(G)
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    exp = nx.local_efficiency(H)
    deviation.record("local_efficiency", abs(got - exp))
    assert got == pytest.approx(exp, abs=ATOL, rel=0)
    per = kn.flow.local_efficiency(net, per_organisation=True)
    assert per.mean() == pytest.approx(got, abs=1e-15)
    # per organisation: the global efficiency of the neighbourhood subgraph
    for v in list(H.nodes)[:25]:
        sub = H.subgraph(H[v])
        assert per[str(v)] == pytest.approx(nx.global_efficiency(sub), abs=ATOL)


def _efficiency_formula(G: nx.Graph, weight) -> float:
    """Latora & Marchiori's formula on NetworkX distances (ordered pairs)."""
    n = G.number_of_nodes()
    if n < 2:
        return 0.0
    total = 0.0
    if weight is None:
        lengths = nx.all_pairs_shortest_path_length(G)
    else:
        lengths = nx.all_pairs_dijkstra_path_length(G, weight=weight)
    for s, dist in lengths:
        total += sum(1.0 / d for t, d in dist.items() if t != s)
    return total / (n * (n - 1))


# undirected unweighted has the NetworkX peer above
FORMULA_CASES = [(c, w) for c in CASES for w in (None, "latency") if w or graph(c).is_directed()]


@pytest.mark.parametrize("case,weight", FORMULA_CASES)
def test_global_efficiency_directed_and_weighted_by_formula(case, weight, deviation):
    G, net = graph(case), network(case)
    got = kn.flow.global_efficiency(net, weight=weight)
    exp = _efficiency_formula(G, weight)
    deviation.record("global_efficiency (directed/weighted, formula)", abs(got - exp))
    assert got == pytest.approx(exp, abs=ATOL, rel=0)


def _local_formula(G: nx.Graph, v, weight) -> float:
    nbrs = set(G.predecessors(v)) | set(G.successors(v)) if G.is_directed() else set(G[v])
    nbrs.discard(v)
    return _efficiency_formula(G.subgraph(nbrs), weight)


@pytest.mark.parametrize("weight", [None, "latency"])
@pytest.mark.parametrize("case", ["karate-oriented", "florentine-oriented", "gnp-d-80", "karate", "gnp-u-80"])
def test_local_efficiency_directed_and_weighted_by_formula(case, weight, deviation):
    G, net = graph(case), network(case)
    got = kn.flow.local_efficiency(net, weight=weight, per_organisation=True)
    exp = {str(v): _local_formula(G, v, weight) for v in G.nodes}
    dev = max(abs(got[k] - e) for k, e in exp.items())
    deviation.record("local_efficiency (directed/weighted, formula)", dev)
    assert dev <= ATOL


@pytest.mark.parametrize("case", ["gnp-d-300", "lesmis", "gnp-u-300"])
def test_efficiency_threads_bit_identical(case):
    net = network(case)
    for weight in (None, "latency"):
        one = kn.flow.global_efficiency(net, weight=weight, threads=1)
        two = kn.flow.global_efficiency(net, weight=weight, threads=2)
        assert one == two
        a = kn.flow.local_efficiency(net, weight=weight, per_organisation=True, threads=1)
        b = kn.flow.local_efficiency(net, weight=weight, per_organisation=True, threads=2)
        assert a.to_numpy().tobytes() == b.to_numpy().tobytes()


# ----------------------------------------------------------------------------- max-flow

def _separates(G: nx.Graph, sources, sinks, ties=(), nodes=()) -> bool:
    H = G.copy() if G.is_directed() else G.to_directed()
    H.remove_edges_from([(u, v) for u, v in ties])  # crossing direction only
    H.remove_nodes_from(nodes)
    return not any(nx.has_path(H, s, t) for s in sources for t in sinks if s in H and t in H)


def _node(G, oid: str):
    """The NetworkX node of an organisation id (from_networkx turned nodes into str)."""
    for v in G.nodes:
        if str(v) == oid:
            return v
    raise KeyError(oid)


@pytest.mark.parametrize("case", CASES)
def test_maximum_flow_and_minimum_cut(case, deviation):
    G, net = graph(case), network(case)
    for s, t in pairs(case):
        got = kn.flow.throughput(net, str(s), str(t))
        exp = nx.maximum_flow_value(G, s, t, capacity="capacity")
        cut_value, (S, T) = nx.minimum_cut(G, s, t, capacity="capacity")
        dev = abs(got.value - exp)
        deviation.record("maximum_flow_value", dev)
        assert dev <= ATOL * max(1.0, exp)
        assert abs(cut_value - got.value) <= ATOL * max(1.0, exp)
        # ketennet's cut: its capacities sum to the flow, and removing it separates s from t
        assert got.cut["capacity"].sum() == pytest.approx(got.value, abs=ATOL * max(1.0, exp))
        ties = [(_node(G, a), _node(G, b)) for a, b in zip(got.cut["source"], got.cut["target"])]
        assert _separates(G, [s], [t], ties=ties)
        # the source side holds s and not t; every cut tie crosses it
        side = set(got.source_side)
        assert str(s) in side and str(t) not in side
        assert all(a in side and b not in side for a, b in zip(got.cut["source"], got.cut["target"]))


@pytest.mark.parametrize("case", CASES)
def test_minimum_node_cut(case, deviation):
    G, net = graph(case), network(case)
    for s, t in pairs(case):
        got = kn.flow.throughput(net, str(s), str(t), capacity=None)
        if G.has_edge(s, t):
            # a direct tie: no set of other organisations separates them. ketennet says None;
            # NetworkX returns an empty set, which separates nothing.
            assert got.bottlenecks is None
            assert nx.minimum_node_cut(G, s, t) == set()
            continue
        if G.is_directed() and G.has_edge(t, s):
            # NetworkX returns an empty set whenever t -> s exists too (it checks both
            # directions), although s -> t paths can then still be cut: compare with the
            # node-split max-flow instead
            assert nx.minimum_node_cut(G, s, t) == set()
            size = _node_cut_size(G, [s], [t])
            assert len(got.bottlenecks) == size
            assert _separates(G, [s], [t], nodes=[_node(G, b) for b in got.bottlenecks])
            continue
        exp = nx.minimum_node_cut(G, s, t)
        deviation.record("minimum_node_cut (size)", abs(len(got.bottlenecks) - len(exp)))
        assert len(got.bottlenecks) == len(exp)
        assert _separates(G, [s], [t], nodes=[_node(G, b) for b in got.bottlenecks])
        assert _separates(G, [s], [t], nodes=exp)
        # unit capacities: the flow counts tie-disjoint paths (NetworkX with capacity 1)
        H = G.copy()
        nx.set_edge_attributes(H, 1.0, "unit")
        assert got.value == pytest.approx(nx.maximum_flow_value(H, s, t, capacity="unit"), abs=0)


def test_max_flow_several_sources_and_sinks(deviation):
    for case in ["gnp-d-300", "lesmis", "karate-oriented"]:
        G, net = graph(case), network(case)
        nodes = list(G.nodes)
        rng = np.random.default_rng(99)
        pick = rng.choice(len(nodes), 6, replace=False)
        sources, sinks = [nodes[i] for i in pick[:3]], [nodes[i] for i in pick[3:]]
        H = G.copy() if G.is_directed() else G.to_directed()
        for s in sources:
            H.add_edge("SUPER_S", s)  # no capacity attribute: infinite in NetworkX
        for t in sinks:
            H.add_edge(t, "SUPER_T")
        exp = nx.maximum_flow_value(H, "SUPER_S", "SUPER_T", capacity="capacity")
        got = kn.flow.throughput(net, [str(s) for s in sources], [str(t) for t in sinks])
        deviation.record("maximum_flow_value (several sources)", abs(got.value - exp))
        assert got.value == pytest.approx(exp, abs=ATOL * max(1.0, exp), rel=0)
        unit = kn.flow.throughput(net, [str(s) for s in sources], [str(t) for t in sinks],
                                  capacity=None)
        if unit.bottlenecks is not None:
            size = _node_cut_size(G, sources, sinks)
            deviation.record("minimum node cut (several sources)", abs(len(unit.bottlenecks) - size))
            assert len(unit.bottlenecks) == size
            assert _separates(G, sources, sinks, nodes=[_node(G, b) for b in unit.bottlenecks])


def _node_cut_size(G: nx.Graph, sources, sinks) -> int:
    """Size of a minimum vertex cut that spares the sources and sinks: NetworkX's
    maximum_flow_value on the node-split graph (v_in -> v_out capacity 1, uncapacitated for
    sources and sinks and for the ties)."""
    D = G if G.is_directed() else G.to_directed()
    terminals = set(sources) | set(sinks)
    H = nx.DiGraph()
    for v in D.nodes:
        if v in terminals:
            H.add_edge(("in", v), ("out", v))
        else:
            H.add_edge(("in", v), ("out", v), capacity=1.0)
    for u, v in D.edges:
        if u != v:
            H.add_edge(("out", u), ("in", v))
    for s in sources:
        H.add_edge("S", ("in", s))
    for t in sinks:
        H.add_edge(("out", t), "T")
    return int(round(nx.maximum_flow_value(H, "S", "T")))


# ----------------------------------------------------------------------------- examples

def _merged_capacity(net: kn.Network, layers, capacity="capacity", fallback=None) -> nx.DiGraph:
    """The capacity graph rebuilt independently with pandas: parallel relations summed, an
    undirected relation as two arcs."""
    rel = net.relations
    rel = rel[rel["layer"].isin(layers)].copy()
    c = rel[capacity]
    if fallback is not None:
        c = c.fillna(rel[fallback])
    rel["c"] = c
    assert rel["c"].notna().all()
    directed = {name: layer.directed for name, layer in net.layers.items()}
    rows = []
    for r in rel.itertuples(index=False):
        rows.append((r.source, r.target, r.c))
        if not directed[r.layer] and r.source != r.target:
            rows.append((r.target, r.source, r.c))
    df = pd.DataFrame(rows, columns=["s", "t", "c"]).groupby(["s", "t"], as_index=False)["c"].sum()
    G = nx.DiGraph()
    G.add_nodes_from(net.ids)
    for r in df.itertuples(index=False):
        if r.s != r.t:
            G.add_edge(r.s, r.t, capacity=float(r.c))
    return G


@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_examples_throughput_against_networkx(example, deviation):
    net = kn.examples.load(example)
    stages = net.chain(example)
    entry, exit_ = list(stages.values())[0], list(stages.values())[-1]
    # the information layer lacks both capacity and volume on some relations: named
    with pytest.raises(ValueError, match="lack both the capacity 'capacity' and the fallback"):
        kn.flow.throughput(net, entry, exit_, layers=["case", "information"], fallback="volume")
    for layers in (["case"],):
        got = kn.flow.throughput(net, entry, exit_, layers=layers, fallback="volume")
        G = _merged_capacity(net, layers, fallback="volume")
        for s in entry:
            G.add_edge("SUPER_S", s)
        for t in exit_:
            G.add_edge(t, "SUPER_T")
        exp = nx.maximum_flow_value(G, "SUPER_S", "SUPER_T")
        deviation.record("maximum_flow_value (examples)", abs(got.value - exp))
        assert got.value == pytest.approx(exp, abs=ATOL * max(1.0, exp), rel=0)
        assert got.value > 0
        assert got.fallback > 0
        assert got.cut["capacity"].sum() == pytest.approx(got.value, rel=1e-12)
        H = G.copy()
        H.remove_edges_from(zip(got.cut["source"], got.cut["target"]))
        assert not nx.has_path(H, "SUPER_S", "SUPER_T")
        # bottlenecks: minimum node cut between the super nodes
        unit = kn.flow.throughput(net, entry, exit_, layers=layers, capacity=None)
        G.remove_nodes_from(["SUPER_S", "SUPER_T"])
        size = _node_cut_size(G, entry, exit_)
        deviation.record("minimum node cut (examples)", abs(len(unit.bottlenecks) - size))
        assert len(unit.bottlenecks) == size > 0
        assert _separates(G, entry, exit_, nodes=unit.bottlenecks)


@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_examples_efficiency_and_lead_time_against_networkx(example, deviation):
    net = kn.examples.load(example)
    U = kn.to_networkx(net, layers="collaboration")
    got = kn.flow.global_efficiency(net, layers="collaboration")
    assert got == pytest.approx(nx.global_efficiency(nx.Graph(U)), abs=ATOL)
    assert kn.flow.local_efficiency(net, layers="collaboration") == pytest.approx(
        nx.local_efficiency(nx.Graph(U)), abs=ATOL)
    # lead times on the case layer (the default of chain indicators): NetworkX Dijkstra
    D = nx.DiGraph(kn.to_networkx(net, layers="case"))
    for s, t in itertools.permutations(net.ids, 2):
        lt = kn.flow.lead_time(net, s, t)
        try:
            exp = nx.dijkstra_path_length(D, s, t, weight="latency")
        except nx.NetworkXNoPath:
            assert lt.value == np.inf and lt.path == []
            continue
        deviation.record("lead_time (dijkstra_path_length)", abs(lt.value - exp))
        assert lt.value == pytest.approx(exp, abs=ATOL)
        assert nx.path_weight(D, lt.path, "latency") == pytest.approx(exp, abs=ATOL)


@pytest.mark.parametrize("case", ["gnp-d-300", "lesmis-oriented", "gnp-u-300"])
def test_lead_time_and_fidelity_against_networkx(case, deviation):
    G, net = graph(case), network(case)
    D = G.copy() if G.is_directed() else G.to_directed()
    for u, v, d in D.edges(data=True):
        d["neglog"] = -np.log(d["quality"])
    for s, t in pairs(case, 20):
        lt = kn.flow.lead_time(net, str(s), str(t))
        fid = kn.flow.fidelity(net, str(s), str(t), routing=None)
        if not nx.has_path(D, s, t):
            assert lt.value == np.inf and lt.path == [] and fid.value == 0 and fid.path == []
            continue
        exp = nx.dijkstra_path_length(D, s, t, weight="latency")
        deviation.record("lead_time (dijkstra_path_length)", abs(lt.value - exp))
        assert lt.value == pytest.approx(exp, abs=ATOL)
        best = np.exp(-nx.dijkstra_path_length(D, s, t, weight="neglog"))
        deviation.record("fidelity (most reliable path)", abs(fid.value - best))
        assert fid.value == pytest.approx(best, abs=ATOL)
        path = [_node(G, x) for x in fid.path]
        assert np.prod([D.edges[a, b]["quality"] for a, b in zip(path, path[1:])]) == pytest.approx(
            fid.value, abs=1e-12)
