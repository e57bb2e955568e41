"""Cross-checks of ketennet's metrics against NetworkX (absolute tolerance 1e-9).

Graphs: NetworkX's bundled real graphs (karate club, Florentine families, Davis southern
women, Les Misérables), random orientations of them (directed, partly reciprocated), and
seeded G(n, p) graphs, directed and undirected, n = 60..300, some disconnected and some with
self-loops. Every graph carries a random positive float weight ``w`` (an attribute) and a
random small-integer ``latency`` (a relation field; integer distances make many equal-length
shortest paths, which exercises path counting). Karate and Les Misérables also have their own
integer ``weight``.
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
    "gnp-d-60": (True, 60, 0.06, 11, 0.0),
    "gnp-d-100": (True, 100, 0.05, 12, 0.05),
    "gnp-d-150-sparse": (True, 150, 0.008, 13, 0.05),   # disconnected
    "gnp-d-300": (True, 300, 0.015, 14, 0.03),
    "gnp-u-60": (False, 60, 0.1, 21, 0.0),
    "gnp-u-150-sparse": (False, 150, 0.009, 22, 0.05),  # disconnected
    "gnp-u-200": (False, 200, 0.03, 23, 0.05),
    "gnp-u-300": (False, 300, 0.012, 24, 0.0),
}

ORIENTED = {f"{name}-oriented": name for name in REAL}

CASES = list(REAL) + list(ORIENTED) + list(RANDOM)


def _add_weights(G: nx.Graph, seed: int) -> nx.Graph:
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G.edges[u, v]["w"] = float(rng.uniform(0.1, 10.0))
        G.edges[u, v]["latency"] = float(rng.integers(1, 4))
    return G


def _oriented(G: nx.Graph, seed: int) -> nx.DiGraph:
    """A directed version: each edge one way, the other way, or both (a third each)."""
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
    """The NetworkX graph of a case (cached; callers must not modify it)."""
    if case in REAL:
        G = REAL[case]()
        return _add_weights(G, seed=len(case))
    if case in ORIENTED:
        base = REAL[ORIENTED[case]]()
        return _add_weights(_oriented(base, seed=7 * len(case)), seed=len(case))
    directed, n, p, seed, loops = RANDOM[case]
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = np.random.default_rng(seed + 1000)
    for v in rng.choice(n, size=int(round(loops * n)), replace=False):
        G.add_edge(int(v), int(v))
    return _add_weights(G, seed=seed)


@functools.lru_cache(maxsize=None)
def network(case: str) -> kn.Network:
    return kn.from_networkx(graph(case))


def weights_of(case: str):
    out = [None, "w", "latency"]
    if case in ("karate", "lesmis"):
        out.append("weight")
    return out


def compare(got, expected: dict, G, metric: str, deviation, nan_for_none: bool = False):
    """Compare a ketennet Series with a NetworkX {node: value} dict, node by node."""
    ids = [str(v) for v in G.nodes]
    assert list(got.index) == ids
    exp = np.array([np.nan if (nan_for_none and expected[v] is None) else expected[v]
                    for v in G.nodes], dtype=float)
    arr = got.to_numpy(dtype=float)
    assert np.array_equal(np.isnan(arr), np.isnan(exp)), f"{metric}: NaN positions differ"
    mask = ~np.isnan(exp)
    dev = float(np.max(np.abs(arr[mask] - exp[mask]), initial=0.0))
    deviation.record(metric, dev)
    np.testing.assert_allclose(arr[mask], exp[mask], rtol=0, atol=ATOL, err_msg=metric)


# ----------------------------------------------------------------------------- the cases

def test_cases_cover_the_intended_shapes():
    """The suite must keep disconnected graphs, self-loops and both directednesses."""
    disconnected = [c for c in CASES if nx.number_connected_components(graph(c).to_undirected()) > 1]
    assert any(graph(c).is_directed() for c in disconnected)
    assert any(not graph(c).is_directed() for c in disconnected)
    loops = [c for c in CASES if nx.number_of_selfloops(graph(c)) > 0]
    assert any(graph(c).is_directed() for c in loops) and any(not graph(c).is_directed() for c in loops)
    assert {graph(c).number_of_nodes() for c in RANDOM} >= {60, 300}


@pytest.mark.parametrize("case", CASES)
def test_conversion_keeps_structure(case):
    G, net = graph(case), network(case)
    assert net.ids == [str(v) for v in G.nodes]
    assert net.number_of_relations() == G.number_of_edges()
    assert [l.directed for l in net.layers.values()] == [G.is_directed()]
    view = net.view()
    assert (view.n, view.m, view.directed) == (G.number_of_nodes(), G.number_of_edges(), G.is_directed())


# ----------------------------------------------------------------------------- betweenness

BETWEENNESS_CASES = [(c, w) for c in CASES for w in weights_of(c)]


@pytest.mark.parametrize("endpoints", [False, True], ids=["no-endpoints", "endpoints"])
@pytest.mark.parametrize("normalized", [True, False], ids=["normalized", "raw"])
@pytest.mark.parametrize("case,weight", BETWEENNESS_CASES,
                         ids=[f"{c}-{w or 'unweighted'}" for c, w in BETWEENNESS_CASES])
def test_betweenness(case, weight, normalized, endpoints, deviation):
    G, net = graph(case), network(case)
    got = kn.centrality.betweenness(net, weight=weight, normalized=normalized, endpoints=endpoints)
    expected = nx.betweenness_centrality(G, weight=weight, normalized=normalized,
                                         endpoints=endpoints)
    assert got.name == "betweenness"
    compare(got, expected, G, f"betweenness (weight={weight is not None})", deviation)


def _hanging_leaves(G) -> int:
    """Organisations whose every tie (out and in, self-loops aside) runs to one other, with
    an arc towards it: betweenness counts their hub's search for them instead of searching."""
    count = 0
    for v in G.nodes:
        succ = {w for w in (G.successors(v) if G.is_directed() else G.neighbors(v)) if w != v}
        pred = {w for w in G.predecessors(v) if w != v} if G.is_directed() else succ
        if len(succ) == 1 and pred <= succ:
            (u,) = succ
            u_succ = {w for w in (G.successors(u) if G.is_directed() else G.neighbors(u)) if w != u}
            u_pred = {w for w in G.predecessors(u) if w != u} if G.is_directed() else u_succ
            count += not (u_succ == {v} and u_pred <= {v})  # a pair tied only to each other
    return count


def test_betweenness_cases_include_leaves():
    """The betweenness cross-checks cover leaves folded into their hub's search, in directed
    and undirected graphs."""
    leaves = {c: _hanging_leaves(graph(c)) for c in CASES}
    assert any(n > 0 for c, n in leaves.items() if graph(c).is_directed()), leaves
    assert any(n > 0 for c, n in leaves.items() if not graph(c).is_directed()), leaves
    assert leaves["lesmis"] >= 10, leaves


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("latencies", [(1.0, 0.1, 0.2, 0.3), (1.0, 0.25, 0.5, 0.75)],
                         ids=["decimal", "quarters"])
def test_betweenness_leaf_with_rounded_ties(latencies, directed, deviation):
    """v hangs on u. From v, (1.0 + 0.1) + 0.2 == 1.0 + 0.3 in floating point (a tie through
    a); from u, 0.1 + 0.2 != 0.3 (no tie). NetworkX searches from v, and so must ketennet:
    a leaf is folded into its hub's search only when path sums are exact (the quarters)."""
    G = nx.DiGraph() if directed else nx.Graph()
    for (s, t), w in zip([("v", "u"), ("u", "a"), ("a", "x"), ("u", "x")], latencies):
        G.add_edge(s, t, latency=w)
        if directed:
            G.add_edge(t, s, latency=w)
    net = kn.from_networkx(G)
    for normalized in (False, True):
        got = kn.centrality.betweenness(net, weight="latency", normalized=normalized)
        expected = nx.betweenness_centrality(G, weight="latency", normalized=normalized)
        compare(got, expected, G, "betweenness (leaf, rounded ties)", deviation)
    assert expected["a"] > 0


@pytest.mark.parametrize("weight", [None, "w", "latency"])
@pytest.mark.parametrize("case", ["gnp-d-300", "gnp-u-200", "lesmis-oriented"])
def test_betweenness_threads_bit_identical(case, weight):
    net = network(case)
    one = kn.centrality.betweenness(net, weight=weight, threads=1).to_numpy()
    two = kn.centrality.betweenness(net, weight=weight, threads=2).to_numpy()
    assert one.tobytes() == two.tobytes()
    assert one.any()  # not trivially all zeros


def test_betweenness_small_graphs_match_networkx(deviation):
    """n = 0, 1, 2, 3: the rescaling edge cases."""
    for n in range(4):
        for directed in (False, True):
            G = nx.path_graph(n, create_using=nx.DiGraph if directed else nx.Graph)
            net = kn.from_networkx(G)
            for normalized in (True, False):
                for endpoints in (True, False):
                    got = kn.centrality.betweenness(net, normalized=normalized, endpoints=endpoints)
                    exp = nx.betweenness_centrality(G, normalized=normalized, endpoints=endpoints)
                    compare(got, exp, G, "betweenness (n < 4)", deviation)


# ----------------------------------------------------------------------------- degree

@pytest.mark.parametrize("weight", [None, "w", "latency"])
@pytest.mark.parametrize("direction", ["out", "in", "all"])
@pytest.mark.parametrize("case", CASES)
def test_degree(case, direction, weight, deviation):
    G, net = graph(case), network(case)
    got = kn.centrality.degree(net, direction, weight=weight)
    if G.is_directed():
        fn = {"out": G.out_degree, "in": G.in_degree, "all": G.degree}[direction]
    else:
        fn = G.degree  # direction is ignored for an undirected view
    expected = dict(fn(weight=weight))
    if weight is None:
        assert got.dtype == np.int64
    else:
        assert got.dtype == np.float64
    compare(got, expected, G, f"degree (weighted={weight is not None})", deviation)


def test_degree_weight_real(deviation):
    for case in ("karate", "lesmis"):
        G, net = graph(case), network(case)
        compare(kn.centrality.degree(net, weight="weight"), dict(G.degree(weight="weight")), G,
                "degree (weighted=True)", deviation)


# ----------------------------------------------------------------------------- cohesion

@pytest.mark.parametrize("case", CASES)
def test_density(case, deviation):
    G, net = graph(case), network(case)
    got = kn.cohesion.density(net)
    exp = nx.density(G)
    assert isinstance(got, float)
    deviation.record("density", abs(got - exp))
    assert got == pytest.approx(exp, abs=ATOL, rel=0)


DIRECTED_CASES = [c for c in CASES if graph(c).is_directed()]
UNDIRECTED_CASES = [c for c in CASES if not graph(c).is_directed()]


@pytest.mark.parametrize("case", DIRECTED_CASES)
def test_reciprocity_overall(case, deviation):
    G, net = graph(case), network(case)
    got = kn.cohesion.reciprocity(net)
    exp = nx.overall_reciprocity(G)
    assert nx.reciprocity(G) == exp  # nodes=None is the overall value
    deviation.record("reciprocity (overall)", abs(got - exp))
    assert got == pytest.approx(exp, abs=ATOL, rel=0)
    if case in ORIENTED:
        assert 0.0 < got < 1.0  # a third of the edges go both ways


@pytest.mark.parametrize("case", DIRECTED_CASES)
def test_reciprocity_per_organisation(case, deviation):
    G, net = graph(case), network(case)
    got = kn.cohesion.reciprocity(net, per_organisation=True)
    exp = nx.reciprocity(G, list(G.nodes))
    compare(got, exp, G, "reciprocity (per organisation)", deviation, nan_for_none=True)


def test_reciprocity_per_organisation_has_isolated_nodes():
    """The NaN <-> None mapping above is exercised: some directed case has isolated nodes."""
    assert any(any(d == 0 for _, d in graph(c).degree()) for c in DIRECTED_CASES)


@pytest.mark.parametrize("case", UNDIRECTED_CASES)
def test_reciprocity_undirected_is_one(case):
    """Documented difference: ketennet gives 1 for an undirected view (every tie mutual).

    (NetworkX 3.6 returns 0.0 for an undirected simple Graph, not an error as ketennet's
    docstring says; see the report.)"""
    G, net = graph(case), network(case)
    assert kn.cohesion.reciprocity(net) == 1.0
    per = kn.cohesion.reciprocity(net, per_organisation=True)
    isolated = np.array([G.degree(v) == 0 for v in G.nodes])
    assert np.isnan(per.to_numpy()[isolated]).all()
    assert (per.to_numpy()[~isolated] == 1.0).all()


# ----------------------------------------------------------------------------- resilience

@pytest.mark.parametrize("case", CASES)
def test_articulation_points(case):
    G, net = graph(case), network(case)
    got = kn.resilience.articulation_points(net)
    exp = {str(v) for v in nx.articulation_points(G.to_undirected())}
    assert set(got) == exp
    assert len(got) == len(exp)
    order = {oid: i for i, oid in enumerate(net.ids)}
    assert got == sorted(got, key=order.__getitem__)  # network order


def test_articulation_points_nonempty_somewhere():
    assert any(kn.resilience.articulation_points(network(c)) for c in CASES)


# ----------------------------------------------------------------------------- zero distances
#
# A distance of 0 (latency 0: same-day hand-over) is a valid field value, and betweenness
# accepts it (only negative weights raise). Brandes' algorithm with Dijkstra then needs care:
# vertices at equal distance joined by a 0-edge must be processed in path order. NetworkX gets
# this wrong too, so these cases are checked against brute force over shortest simple paths
# (Freeman's definition). A fix may compute them correctly or refuse zero distances with a
# ValueError naming the relation (igraph refuses them); both pass.

def brute_force_betweenness(G: nx.Graph, weight: str) -> dict:
    """Unnormalised betweenness from all shortest simple paths (ordered pairs; halved when
    undirected, as NetworkX and ketennet do)."""
    bc = dict.fromkeys(G, 0.0)
    for s, t in itertools.permutations(G, 2):
        if not nx.has_path(G, s, t):
            continue
        d = nx.dijkstra_path_length(G, s, t, weight=weight)
        paths = [p for p in nx.all_simple_paths(G, s, t)
                 if abs(nx.path_weight(G, p, weight) - d) < 1e-12]
        for p in paths:
            for v in p[1:-1]:
                bc[v] += 1.0 / len(paths)
    if not G.is_directed():
        bc = {v: x / 2 for v, x in bc.items()}
    return bc


def _zero_case(order, directed):
    """s -> v (1), s -> u (1), u -> v (0): s reaches v along s-v and along s-u-v."""
    net = kn.Network()
    net.add_layer("l", directed=directed)
    for o in order:
        net.add_organisation(o)
    net.add_relation("s", "v", "l", latency=1)
    net.add_relation("s", "u", "l", latency=1)
    net.add_relation("u", "v", "l", latency=0)
    return net


@pytest.mark.parametrize("directed,expected", [
    (True, {"s": 0.0, "u": 0.5, "v": 0.0}),
    (False, {"s": 0.0, "u": 0.5, "v": 0.5}),
])
@pytest.mark.parametrize("order", ["svu", "suv", "vus", "usv"])
def test_betweenness_zero_distance_minimal(order, directed, expected):
    net = _zero_case(order, directed)
    G = kn.to_networkx(net)
    assert brute_force_betweenness(G, "latency") == pytest.approx(expected)
    try:
        got = kn.centrality.betweenness(net, weight="latency", normalized=False)
    except ValueError as e:
        assert any(x in str(e) for x in ("u -> v", "v -> u", "u - v", "v - u")), str(e)
        assert "positive" in str(e), str(e)
        return
    assert got.to_dict() == pytest.approx(expected, abs=ATOL)


def _shuffled_dag(seed: int, n: int = 8) -> nx.DiGraph:
    rng = np.random.default_rng(seed)
    perm = rng.permutation(n)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < 0.4:
                G.add_edge(int(perm[i]), int(perm[j]), latency=float(rng.integers(0, 3)))
    return G


@pytest.mark.parametrize("seed", range(20))
def test_betweenness_zero_distances_brute_force(seed, deviation):
    """DAGs (no zero-weight cycles, so shortest paths are unambiguous) with weights 0, 1, 2."""
    G = _shuffled_dag(seed)
    net = kn.from_networkx(G)
    try:
        got = kn.centrality.betweenness(net, weight="latency", normalized=False)
    except ValueError as e:
        assert "latency" in str(e)
        return
    compare(got, brute_force_betweenness(G, "latency"), G, "betweenness (zero distances, brute force)",
            deviation)


@pytest.mark.parametrize("weight", [None, "latency", "w"])
@pytest.mark.parametrize("case", ["karate-oriented", "gnp-u-60", "gnp-d-100"])
def test_betweenness_independent_of_organisation_order(case, weight):
    """Relabelling (reordering the organisations) must not change anyone's betweenness."""
    G = graph(case)
    rng = np.random.default_rng(3)
    nodes = list(G.nodes)
    shuffled = [nodes[i] for i in rng.permutation(len(nodes))]
    H = G.__class__()
    H.add_nodes_from((v, G.nodes[v]) for v in shuffled)
    H.add_edges_from(G.edges(data=True))
    a = kn.centrality.betweenness(network(case), weight=weight)
    b = kn.centrality.betweenness(kn.from_networkx(H), weight=weight).reindex(a.index)
    np.testing.assert_allclose(b.to_numpy(), a.to_numpy(), rtol=0, atol=ATOL)


# ----------------------------------------------------------------------------- multi-layer views
#
# A view merges the chosen layers into one simple graph (an undirected relation becomes two arcs
# when any chosen layer is directed; parallel ties combine their weights with sum, min or max).
# The merged graph is rebuilt here independently with pandas and handed to NetworkX.

def _multilayer(seed: int, n: int = 80) -> kn.Network:
    rng = np.random.default_rng(seed)
    net = kn.Network(f"multilayer-{seed}")
    layers = {"case": True, "information": True, "collaboration": False}
    for name, d in layers.items():
        net.add_layer(name, directed=d)
    for i in range(n):
        net.add_organisation(f"o{i}")
    for name in layers:
        G = nx.gnp_random_graph(n, 0.03, seed=int(rng.integers(1 << 30)), directed=layers[name])
        for u, v in G.edges:
            net.add_relation(f"o{u}", f"o{v}", name, latency=float(rng.uniform(0.5, 5)))
        if name == "case":  # a few self-loops
            for u in rng.choice(n, 3, replace=False):
                net.add_relation(f"o{u}", f"o{u}", name, latency=1.0)
    return net


def _merged(net: kn.Network, layers, combine: str) -> nx.Graph:
    rel = net.relations
    rel = rel[rel["layer"].isin(layers)]
    directed = any(net.layers[l].directed for l in layers)
    frames = [rel[["source", "target", "latency"]]]
    if directed:
        und = rel[~rel["layer"].map({n: l.directed for n, l in net.layers.items()}) & (rel["source"] != rel["target"])]
        frames.append(und.rename(columns={"source": "target", "target": "source"})[
            ["source", "target", "latency"]])
    arcs = pd.concat(frames, ignore_index=True)
    if not directed:  # one edge per unordered pair
        a = arcs[["source", "target"]].to_numpy()
        lo, hi = np.minimum(a[:, 0], a[:, 1]), np.maximum(a[:, 0], a[:, 1])
        arcs = arcs.assign(source=lo, target=hi)
    merged = arcs.groupby(["source", "target"], sort=False)["latency"].agg(combine).reset_index()
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(net.ids)
    G.add_weighted_edges_from(merged.itertuples(index=False, name=None), weight="latency")
    return G


MULTILAYER_SELECTIONS = [["case", "information", "collaboration"], ["case", "collaboration"],
                         ["case", "information"], ["collaboration"]]


@pytest.mark.parametrize("combine", ["sum", "min", "max"])
@pytest.mark.parametrize("layers", MULTILAYER_SELECTIONS, ids="+".join)
def test_multilayer_view_edges(layers, combine):
    net = _multilayer(5)
    G = _merged(net, layers, combine)
    view = net.view(layers, weight="latency", combine=combine)
    assert (view.n, view.m, view.directed) == (len(net), G.number_of_edges(), G.is_directed())
    src, tgt, w = view.edges()
    ids = net.ids
    got = {(ids[a], ids[b]): x for a, b, x in zip(src.tolist(), tgt.tolist(), w.tolist())}
    if not G.is_directed():
        assert all(a <= b for a, b in zip(src.tolist(), tgt.tolist()))  # stored once, source <= target
        got = {tuple(sorted(k)): x for k, x in got.items()}
        exp = {tuple(sorted((u, v))): d["latency"] for u, v, d in G.edges(data=True)}
    else:
        exp = {(u, v): d["latency"] for u, v, d in G.edges(data=True)}
    assert got.keys() == exp.keys()
    assert max(abs(got[k] - exp[k]) for k in exp) <= ATOL


@pytest.mark.parametrize("layers", MULTILAYER_SELECTIONS, ids="+".join)
def test_multilayer_metrics_against_merged_graph(layers, deviation):
    """Metrics take the view with combine="sum" (their documented merge of parallel ties)."""
    net = _multilayer(5)
    G = _merged(net, layers, "sum")
    compare(kn.centrality.betweenness(net, weight="latency", layers=layers),
            nx.betweenness_centrality(G, weight="latency"), G, "betweenness (multi-layer)", deviation)
    compare(kn.centrality.betweenness(net, layers=layers), nx.betweenness_centrality(G), G,
            "betweenness (multi-layer)", deviation)
    for direction in ("out", "in", "all"):
        if G.is_directed():
            fn = {"out": G.out_degree, "in": G.in_degree, "all": G.degree}[direction]
        else:
            fn = G.degree
        compare(kn.centrality.degree(net, direction, layers=layers, weight="latency"),
                dict(fn(weight="latency")), G, "degree (multi-layer)", deviation)
        compare(kn.centrality.degree(net, direction, layers=layers), dict(fn()), G,
                "degree (multi-layer)", deviation)
    assert kn.cohesion.density(net, layers=layers) == pytest.approx(nx.density(G), abs=ATOL)
    if G.is_directed():
        assert kn.cohesion.reciprocity(net, layers=layers) == pytest.approx(
            nx.overall_reciprocity(G), abs=ATOL)
        compare(kn.cohesion.reciprocity(net, layers=layers, per_organisation=True),
                nx.reciprocity(G, list(G)), G, "reciprocity (multi-layer)", deviation,
                nan_for_none=True)
    assert set(kn.resilience.articulation_points(net, layers=layers)) == set(
        nx.articulation_points(G.to_undirected()))


@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_examples_against_networkx(example, deviation):
    """The built-in examples (mixed directed and undirected layers), unweighted."""
    net = kn.examples.load(example)
    for layers in [None] + [[l] for l in net.layers]:
        sel = list(net.layers) if layers is None else layers
        G = nx.DiGraph() if any(net.layers[l].directed for l in sel) else nx.Graph()
        G.add_nodes_from(net.ids)
        rel = net.relations[net.relations["layer"].isin(sel)]
        for s, t, l in zip(rel["source"], rel["target"], rel["layer"]):
            G.add_edge(s, t)
            if G.is_directed() and not net.layers[l].directed:
                G.add_edge(t, s)
        compare(kn.centrality.betweenness(net, layers=layers), nx.betweenness_centrality(G), G,
                "betweenness (examples)", deviation)
        compare(kn.centrality.degree(net, "in", layers=layers),
                dict(G.in_degree() if G.is_directed() else G.degree()), G, "degree (examples)",
                deviation)
        assert kn.cohesion.density(net, layers=layers) == pytest.approx(nx.density(G), abs=ATOL)
        assert set(kn.resilience.articulation_points(net, layers=layers)) == set(
            nx.articulation_points(G.to_undirected()))
