"""Cross-checks of kn.cohesion (issue 4, part A) against NetworkX and igraph.

Peers: NetworkX ``transitivity``, ``clustering`` (unweighted, weighted, directed),
``average_clustering``, ``connected_components`` / ``weakly_`` / ``strongly_connected_components``,
``core_number``, ``node_connectivity``, ``edge_connectivity`` (global and local),
``community.modularity`` and ``community.louvain_communities``; igraph ``community_leiden``,
``community_multilevel``, ``compare_communities`` (NMI, ARI), ``diameter`` and
``average_path_length`` (unconn=True). Graphs: NetworkX's bundled real graphs, random
orientations of them and seeded G(n, p) graphs (the cases of test_crosscheck_networkx),
planted-partition graphs, and the two built-in examples. Metrics without a peer
(multiplexity, parts of complexity) have hand-computed cases here and in the C++ tests.
"""
from __future__ import annotations

import functools
import itertools
import math
import random

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ketennet as kn
import test_crosscheck_networkx as base

EXACT = 1e-12
EXAMPLES = ["strafrechtketen", "vreemdelingenketen"]


def view_graph(net, layers=None, weight=None):
    """The view of ``net`` as a simple NetworkX graph (layers merged), weight ``weight``."""
    view = net.view(layers=layers, weight=weight)
    G = nx.DiGraph() if view.directed else nx.Graph()
    G.add_nodes_from(net.ids)
    src, tgt, w = view.edges()
    ids = net.ids
    for s, t, x in zip(src, tgt, w):
        G.add_edge(ids[s], ids[t], weight=float(x))
    return G


@functools.lru_cache(maxsize=None)
def example(name):
    return kn.examples.load(name)


def compare(got: pd.Series, expected: dict, metric: str, deviation, atol=EXACT):
    exp = np.array([expected[k] for k in got.index], dtype=float)
    dev = float(np.max(np.abs(got.to_numpy(dtype=float) - exp), initial=0.0))
    deviation.record(metric, dev)
    assert dev <= atol, f"{metric}: max |difference| {dev}"


def by_node(G, values: dict) -> dict:
    return {str(k): v for k, v in values.items()}


# ----------------------------------------------------------------------------- clustering

CLUSTER_CASES = [(c, w) for c in base.CASES for w in base.weights_of(c)]


@pytest.mark.parametrize("case", base.CASES)
def test_transitivity(case, deviation):
    G, net = base.graph(case), base.network(case)
    got, exp = kn.cohesion.transitivity(net), nx.transitivity(G)
    deviation.record("transitivity", abs(got - exp))
    assert got == pytest.approx(exp, abs=EXACT)
    assert exp > 0 or case.startswith("davis") or "sparse" in case  # Davis: bipartite


@pytest.mark.parametrize("case,weight", CLUSTER_CASES, ids=[f"{c}-{w or 'unweighted'}" for c, w in CLUSTER_CASES])
def test_clustering(case, weight, deviation):
    G, net = base.graph(case), base.network(case)
    got = kn.cohesion.clustering(net, weight=weight)
    assert got.name == "clustering"
    compare(got, by_node(G, nx.clustering(G, weight=weight)),
            f"clustering (weighted={weight is not None}, directed={G.is_directed()})", deviation)
    avg = kn.cohesion.clustering(net, weight=weight, average=True)
    assert avg == pytest.approx(nx.average_clustering(G, weight=weight), abs=EXACT)


@pytest.mark.parametrize("name", EXAMPLES)
def test_clustering_examples(name, deviation):
    net = example(name)
    G = view_graph(net)
    compare(kn.cohesion.clustering(net), nx.clustering(G), "clustering (examples)", deviation)
    assert kn.cohesion.transitivity(net) == pytest.approx(nx.transitivity(G), abs=EXACT)


# ----------------------------------------------------------------------------- components

def _sets(components):
    return sorted(sorted(map(str, c)) for c in components)


@pytest.mark.parametrize("case", base.CASES + EXAMPLES)
def test_components(case):
    if case in EXAMPLES:
        net = example(case)
        G = view_graph(net)
    else:
        G, net = base.graph(case), base.network(case)
    weak = kn.cohesion.components(net)
    strong = kn.cohesion.components(net, "strong")
    if G.is_directed():
        assert _sets(weak) == _sets(nx.weakly_connected_components(G))
        assert _sets(strong) == _sets(nx.strongly_connected_components(G))
    else:
        assert _sets(weak) == _sets(nx.connected_components(G))
        assert _sets(strong) == _sets(weak)
    sizes = [len(c) for c in weak]
    assert sizes == sorted(sizes, reverse=True)
    labels = kn.cohesion.components(net, labels=True)
    for k, comp in enumerate(weak):
        assert set(labels[labels == k].index) == set(comp)


# ----------------------------------------------------------------------------- cores

@pytest.mark.parametrize("case", base.CASES + EXAMPLES)
def test_core_number(case, deviation):
    if case in EXAMPLES:
        net = example(case)
        G = view_graph(net)
    else:
        G, net = base.graph(case), base.network(case)
    if nx.number_of_selfloops(G):
        with pytest.raises(nx.NetworkXNotImplemented):
            nx.core_number(G)
        loop = str(next(iter(nx.selfloop_edges(G)))[0])
        with pytest.raises(ValueError, match=f"'{loop}' has a self-loop"):
            kn.cohesion.core_number(net)
        return
    got = kn.cohesion.core_number(net)
    assert got.dtype == np.int64
    compare(got, by_node(G, nx.core_number(G)), "core_number", deviation, atol=0)


# ----------------------------------------------------------------------------- connectivity

CONN_CASES = list(base.REAL) + list(base.ORIENTED) + ["gnp-d-60", "gnp-u-60", "gnp-d-150-sparse"]


def _strongly_connected_digraph(seed: int, n: int = 40) -> nx.DiGraph:
    rng = np.random.default_rng(seed)
    for _ in range(100):
        D = nx.gnp_random_graph(n, 0.12, seed=int(rng.integers(1 << 30)), directed=True)
        if nx.is_strongly_connected(D):
            return D
    raise AssertionError("no strongly connected sample")


def _node_connectivity_by_definition(G) -> int:
    """min over ordered non-adjacent pairs of NetworkX's local node connectivity (n - 1 for a
    complete graph): the definition, for directed graphs."""
    values = [nx.node_connectivity(G, u, v) for u in G for v in G if u != v and not G.has_edge(u, v)]
    return min(values, default=len(G) - 1)


@pytest.mark.parametrize("case", CONN_CASES + ["karate-symmetric", "strong-40-a", "strong-40-b"])
def test_connectivity_global(case):
    if case == "karate-symmetric":
        G = nx.DiGraph(nx.karate_club_graph())
    elif case.startswith("strong-40"):
        G = _strongly_connected_digraph(seed=ord(case[-1]))
    else:
        G = base.graph(case)
    net = kn.from_networkx(G)
    assert kn.cohesion.edge_connectivity(net) == nx.edge_connectivity(G)
    got = kn.cohesion.node_connectivity(net)
    if not G.is_directed():
        assert got == nx.node_connectivity(G)
    elif not nx.is_weakly_connected(G):
        assert got == 0 == nx.node_connectivity(G)
    else:
        # NetworkX's global algorithm only checks pairs around one node of minimum in + out
        # degree, exact for undirected graphs only (docs/cohesion.md): compare with the
        # definition, evaluated with NetworkX's local connectivity
        assert got == _node_connectivity_by_definition(G)


def test_connectivity_directed_networkx_differs():
    """The documented difference: NetworkX's global value is not the minimum over pairs."""
    path = nx.DiGraph([("a", "b"), ("b", "c")])
    assert kn.cohesion.node_connectivity(kn.from_networkx(path)) == 0 == _node_connectivity_by_definition(path)
    assert nx.node_connectivity(path) == 1
    G = _strongly_connected_digraph(seed=ord("a"))  # min out-degree 1: at most 1
    assert min(d for _, d in G.out_degree()) == 1
    assert kn.cohesion.node_connectivity(kn.from_networkx(G)) == 1
    assert nx.node_connectivity(G) == 2


@pytest.mark.parametrize("case", CONN_CASES)
def test_connectivity_local(case):
    G, net = base.graph(case), base.network(case)
    rng = random.Random(len(case))
    nodes = list(G)
    for _ in range(12):
        s, t = rng.sample(nodes, 2)
        assert kn.cohesion.node_connectivity(net, str(s), str(t)) == nx.node_connectivity(G, s, t), (s, t)
        assert kn.cohesion.edge_connectivity(net, str(s), str(t)) == nx.edge_connectivity(G, s, t), (s, t)


# ----------------------------------------------------------------------------- communities

SEEDS = range(5)


def planted(seed: int, directed: bool = False):
    G = nx.planted_partition_graph(4, 25, 0.3, 0.03, seed=seed, directed=directed)
    return nx.relabel_nodes(G, {v: f"v{v}" for v in G})


COMMUNITY_GRAPHS = {
    "karate": lambda: nx.karate_club_graph(),
    "lesmis": lambda: nx.les_miserables_graph(),
    "florentine": lambda: nx.florentine_families_graph(),
    "planted-1": lambda: planted(1),
    "planted-2": lambda: planted(2),
    "gnp-u-200": lambda: base.graph("gnp-u-200"),
    "gnp-u-300": lambda: base.graph("gnp-u-300"),
}


@functools.lru_cache(maxsize=None)
def community_case(name):
    G = COMMUNITY_GRAPHS[name]()
    G = nx.Graph(G)  # a plain copy; edge attributes kept
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    return G, kn.from_networkx(G)


def _nx_best(G, weight, seeds=SEEDS, resolution=1.0):
    return max(nx.community.modularity(G, nx.community.louvain_communities(
        G, weight=weight, seed=s, resolution=resolution), weight=weight, resolution=resolution)
        for s in seeds)


def _ig_best(G, method, weight=None, seeds=SEEDS):
    g = ig.Graph.from_networkx(G)
    w = g.es[weight] if weight else None
    best = -1.0
    for s in seeds:
        random.seed(s)
        if method == "leiden":
            part = g.community_leiden(objective_function="modularity", weights=w)
        else:
            part = g.community_multilevel(weights=w)
        best = max(best, g.modularity(part.membership, weights=w))
    return best


def _ours(net, method, weight=None, seeds=SEEDS, resolution=1.0, G=None, deviation=None):
    best = -1.0
    for s in seeds:
        r = kn.cohesion.communities(net, method, seed=s, weight=weight, resolution=resolution)
        if G is not None:
            # the reported modularity is NetworkX's modularity of the partition
            exp = nx.community.modularity(G, [set(map(_node_of(G), c)) for c in r.communities],
                                          weight=weight or None, resolution=resolution)
            if deviation is not None:
                deviation.record("modularity (of our partition)", abs(r.modularity - exp))
            assert r.modularity == pytest.approx(exp, abs=EXACT)
        best = max(best, r.modularity)
    return best


def _node_of(G):
    lookup = {str(v): v for v in G}
    return lookup.__getitem__


@pytest.mark.parametrize("name", list(COMMUNITY_GRAPHS))
def test_louvain_quality_vs_networkx(name, deviation):
    G, net = community_case(name)
    ours = _ours(net, "louvain", G=G, deviation=deviation)
    theirs = _nx_best(G, weight=None)
    deviation.record("louvain shortfall vs NetworkX best (5 seeds)", max(0.0, theirs - ours))
    assert ours >= theirs - 0.01


@pytest.mark.parametrize("name", list(COMMUNITY_GRAPHS))
def test_leiden_quality_vs_igraph(name, deviation):
    G, net = community_case(name)
    ours = _ours(net, "leiden", G=G, deviation=deviation)
    theirs = max(_ig_best(G, "leiden"), _ig_best(G, "multilevel"))
    deviation.record("leiden shortfall vs igraph best (5 seeds)", max(0.0, theirs - ours))
    assert ours >= theirs - 0.01


@pytest.mark.parametrize("name", ["karate", "lesmis"])
def test_communities_weighted(name, deviation):
    G, net = community_case(name)
    for method in ("louvain", "leiden"):
        ours = _ours(net, method, weight="weight", G=G, deviation=deviation)
        assert ours >= _nx_best(G, weight="weight") - 0.01


@pytest.mark.parametrize("resolution", [0.5, 2.0])
def test_communities_resolution(resolution, deviation):
    G, net = community_case("lesmis")
    ours = _ours(net, "louvain", resolution=resolution, G=G, deviation=deviation)
    assert ours >= _nx_best(G, weight=None, resolution=resolution) - 0.01


@pytest.mark.parametrize("case", ["karate-oriented", "lesmis-oriented", "gnp-d-100", "planted-directed"])
def test_communities_directed(case, deviation):
    if case == "planted-directed":
        G = planted(3, directed=True)
    else:
        G = nx.DiGraph(base.graph(case))
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    net = kn.from_networkx(G)
    for method in ("louvain", "leiden"):
        ours = _ours(net, method, G=G, deviation=deviation)
        theirs = _nx_best(G, weight=None)
        deviation.record(f"{method} directed shortfall vs NetworkX", max(0.0, theirs - ours))
        assert ours >= theirs - 0.01


def test_communities_planted_recovered():
    G, net = community_case("planted-1")
    truth = {f"v{v}": v // 25 for v in range(100)}
    for method in ("louvain", "leiden"):
        r = kn.cohesion.communities(net, method, seed=0)
        assert kn.cohesion.partition_agreement(r, truth).ari > 0.9


def test_communities_deterministic_and_shape():
    G, net = community_case("lesmis")
    for method in ("louvain", "leiden"):
        a = kn.cohesion.communities(net, method, seed=7)
        b = kn.cohesion.communities(net, method, seed=7)
        assert a.partition.equals(b.partition)
        assert a.modularity == b.modularity
        assert list(a.partition.index) == net.ids
        assert a.partition.name == "community"
        sizes = [len(c) for c in a.communities]
        assert sizes == sorted(sizes, reverse=True)
        assert set().union(*a.communities) == set(net.ids)
        assert (a.method, a.seed, len(a)) == (method, 7, len(sizes))
    # different seeds can give different partitions, but every one is a valid partition
    parts = {tuple(kn.cohesion.communities(net, seed=s).partition) for s in range(6)}
    assert len(parts) >= 1


def test_leiden_communities_are_connected():
    for name in COMMUNITY_GRAPHS:
        G, net = community_case(name)
        for s in range(3):
            r = kn.cohesion.communities(net, "leiden", seed=s)
            for c in r.communities:
                assert nx.is_connected(G.subgraph(_node_of(G)(x) for x in c)), (name, s)


@pytest.mark.parametrize("name", EXAMPLES)
def test_modularity_matches_networkx(name, deviation):
    net = example(name)
    G = view_graph(net)
    sectors = net.organisations.set_index("id")["sector"]
    sectors = sectors.where(sectors != "", "unknown")
    parts = {}
    for sector, members in sectors.groupby(sectors):
        parts[sector] = set(members.index)
    exp = nx.community.modularity(G, list(parts.values()), weight=None)
    got = kn.cohesion.modularity(net, sectors.to_dict())
    deviation.record("modularity (sector partitions)", abs(got - exp))
    assert got == pytest.approx(exp, abs=EXACT)
    for resolution in (0.5, 1.7):
        assert kn.cohesion.modularity(net, list(parts.values()), resolution=resolution) == pytest.approx(
            nx.community.modularity(G, list(parts.values()), weight=None, resolution=resolution), abs=EXACT)
    r = kn.cohesion.communities(net, seed=0)
    assert r.modularity == pytest.approx(
        nx.community.modularity(G, r.communities, weight=None), abs=EXACT)


def test_modularity_random_partitions(deviation):
    rng = np.random.default_rng(5)
    for case in ["gnp-d-100", "gnp-u-150-sparse", "lesmis", "karate-oriented"]:
        G, net = base.graph(case), base.network(case)
        for k in (2, 5, 13):
            labels = {str(v): int(rng.integers(k)) for v in G}
            groups = {}
            for v in G:
                groups.setdefault(labels[str(v)], set()).add(v)
            for weight in (None, "w"):
                exp = nx.community.modularity(G, list(groups.values()), weight=weight)
                got = kn.cohesion.modularity(net, labels, weight=weight)
                deviation.record("modularity (random partitions)", abs(got - exp))
                assert got == pytest.approx(exp, abs=EXACT)


# ----------------------------------------------------------------------------- agreement

def test_partition_agreement_vs_igraph(deviation):
    rng = np.random.default_rng(11)
    for n, ka, kb in [(10, 2, 3), (50, 5, 5), (200, 8, 3), (30, 1, 4), (40, 40, 3)]:
        a = rng.integers(ka, size=n)
        b = rng.integers(kb, size=n)
        ids = [f"o{i}" for i in range(n)]
        got = kn.cohesion.partition_agreement(dict(zip(ids, a)), pd.Series(b, index=ids))
        nmi = ig.compare_communities(list(a), list(b), method="nmi")
        ari = ig.compare_communities(list(a), list(b), method="adjusted_rand")
        deviation.record("partition_agreement NMI vs igraph", abs(got.nmi - nmi))
        deviation.record("partition_agreement ARI vs igraph", abs(got.ari - ari))
        assert got.nmi == pytest.approx(nmi, abs=EXACT)
        assert got.ari == pytest.approx(ari, abs=EXACT)


@pytest.mark.parametrize("name", EXAMPLES)
def test_partition_agreement_with_sectors(name):
    net = example(name)
    r = kn.cohesion.communities(net, seed=0)
    got = kn.cohesion.partition_agreement(r, "sector", net=net)
    sectors = net.organisations.set_index("id")["sector"].reindex(r.partition.index)
    codes = pd.factorize(sectors)[0]
    assert got.nmi == pytest.approx(ig.compare_communities(list(r.partition), list(codes), method="nmi"), abs=EXACT)
    assert got.ari == pytest.approx(ig.compare_communities(list(r.partition), list(codes), method="adjusted_rand"), abs=EXACT)


def test_partition_agreement_inputs_and_errors():
    a = {"x": 1, "y": 1, "z": 2}
    assert kn.cohesion.partition_agreement(a, [{"x", "y"}, {"z"}]) == (1.0, 1.0)
    with pytest.raises(ValueError, match="in a but not in b: z"):
        kn.cohesion.partition_agreement(a, {"x": 1, "y": 2})
    with pytest.raises(ValueError, match="needs net="):
        kn.cohesion.partition_agreement(a, "sector")
    with pytest.raises(TypeError, match="expected a Series"):
        kn.cohesion.partition_agreement(a, 3)
    with pytest.raises(ValueError, match="'x' is in two communities"):
        kn.cohesion.partition_agreement(a, [{"x", "y"}, {"x", "z"}])
    net = kn.Network()
    for o, s in [("p", "politie"), ("q", "")]:
        net.add_organisation(o, sector=s)
    with pytest.raises(ValueError, match="without 'sector': q"):
        kn.cohesion.partition_agreement({"p": 1, "q": 2}, "sector", net=net)


# ----------------------------------------------------------------------------- multiplexity

def test_multiplexity_by_hand():
    #   case (directed): a -> b, b -> a, b -> c; overleg (undirected): a - b, c - d;
    #   info: a -> b and a self-loop a -> a (ignored); empty: no relations
    net = kn.Network()
    for layer, directed in [("case", True), ("overleg", False), ("info", True), ("empty", True)]:
        net.add_layer(layer, directed)
    for o in "abcd":
        net.add_organisation(o)
    for s, t, layer in [("a", "b", "case"), ("b", "a", "case"), ("b", "c", "case"), ("a", "b", "overleg"),
                        ("c", "d", "overleg"), ("a", "b", "info"), ("a", "a", "info")]:
        net.add_relation(s, t, layer)
    m = kn.cohesion.multiplexity(net)
    assert m.pairs.to_dict("list") == {
        "source": ["a", "b", "c"], "target": ["b", "c", "d"], "n_layers": [3, 1, 1],
        "layers": [("case", "overleg", "info"), ("case",), ("overleg",)]}
    assert m.multiplex_share == pytest.approx(1 / 3)
    assert m.pairs_per_layer.to_dict() == {"case": 2, "overleg": 2, "info": 1, "empty": 0}
    J = m.jaccard
    assert J.loc["case", "overleg"] == pytest.approx(1 / 3)
    assert J.loc["case", "info"] == pytest.approx(0.5)
    assert J.loc["info", "overleg"] == pytest.approx(0.5)
    assert J.loc["case", "empty"] == 0.0 and math.isnan(J.loc["empty", "empty"])
    assert (np.diag(J.to_numpy())[:3] == 1.0).all()
    sub = kn.cohesion.multiplexity(net, layers=["case", "info"])
    assert sub.multiplex_share == pytest.approx(0.5)
    with pytest.raises(KeyError, match="unknown layer 'nope'"):
        kn.cohesion.multiplexity(net, layers=["nope"])
    empty = kn.cohesion.multiplexity(net, layers="empty")
    assert empty.pairs.empty and math.isnan(empty.multiplex_share)


@pytest.mark.parametrize("name", EXAMPLES)
def test_multiplexity_examples_consistent(name):
    net = example(name)
    m = kn.cohesion.multiplexity(net)
    rel = net.relations
    rel = rel[rel["source"] != rel["target"]]
    pairs = {}
    for r in rel.itertuples(index=False):
        key = frozenset((r.source, r.target))
        pairs.setdefault(key, set()).add(r.layer)
    assert len(m.pairs) == len(pairs)
    for r in m.pairs.itertuples(index=False):
        assert set(r.layers) == pairs[frozenset((r.source, r.target))]
    assert m.multiplex_share == pytest.approx(sum(len(v) >= 2 for v in pairs.values()) / len(pairs))


# ----------------------------------------------------------------------------- complexity

def _brute_single_intermediary(G: nx.Graph) -> float:
    connected = dependent = 0
    for u, v in itertools.combinations(G, 2):
        if not nx.has_path(G, u, v):
            continue
        connected += 1
        for w in G:
            if w in (u, v):
                continue
            H = G.subgraph(x for x in G if x != w)
            if not nx.has_path(H, u, v):
                dependent += 1
                break
    return dependent / connected


@pytest.mark.parametrize("name", EXAMPLES)
def test_complexity_examples(name):
    net = example(name)
    card = kn.cohesion.complexity(net)
    assert list(card.columns) == ["indicator", "value", "unit", "meaning", "source"]
    v = card.set_index("indicator")["value"]
    G = view_graph(net)
    U = nx.Graph(G.to_undirected())
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    assert v["organisations"] == len(net)
    assert v["relations"] == net.number_of_relations()
    assert v["ties"] == G.number_of_edges()
    assert v["density"] == pytest.approx(nx.density(G), abs=EXACT)
    sectors = net.organisations["sector"]
    p = sectors[sectors != ""].value_counts(normalize=True)
    assert v["sectors"] == len(p)
    assert v["sector heterogeneity (Blau)"] == pytest.approx(1 - (p ** 2).sum(), abs=EXACT)
    assert v["sector entropy (Shannon)"] == pytest.approx(-(p * np.log(p)).sum(), abs=EXACT)
    assert v["cyclomatic number"] == U.number_of_edges() - len(U) + nx.number_connected_components(U)
    assert v["articulation share"] == pytest.approx(len(list(nx.articulation_points(U))) / len(U))
    assert v["single-intermediary pairs"] == pytest.approx(_brute_single_intermediary(U), abs=EXACT)
    g = ig.Graph.from_networkx(G)
    assert v["diameter"] == g.diameter(directed=True, unconn=True)
    assert v["average path length"] == pytest.approx(g.average_path_length(directed=True, unconn=True), abs=EXACT)
    assert v["degree centralization"] == pytest.approx(kn.cohesion.centralization(net), abs=EXACT)
    assert v["multiplex share"] == pytest.approx(kn.cohesion.multiplexity(net).multiplex_share)
    for chain in net.chains:
        sub = kn.cohesion.complexity(net, chain=chain).set_index("indicator")["value"]
        members = {o for orgs in net.chain(chain).values() for o in orgs}
        assert sub["organisations"] == len(members)
        assert sub["stages"] == len(net.chain(chain))
        assert sub["hand-offs between stages"] >= 1
        assert card.attrs["scope"] == "network"


def test_complexity_random_graphs_vs_peers():
    for case in ["gnp-u-150-sparse", "gnp-d-60", "florentine", "karate-oriented"]:
        G, net = base.graph(case), base.network(case)
        v = kn.cohesion.complexity(net).set_index("indicator")["value"]
        U = nx.Graph(G.to_undirected())
        U.remove_edges_from(list(nx.selfloop_edges(U)))
        g = ig.Graph.from_networkx(nx.DiGraph(G) if G.is_directed() else nx.Graph(G))
        assert v["diameter"] == g.diameter(directed=True, unconn=True)
        assert v["average path length"] == pytest.approx(g.average_path_length(directed=True, unconn=True), abs=EXACT)
        assert v["cyclomatic number"] == U.number_of_edges() - len(U) + nx.number_connected_components(U)
        if len(U) <= 40:
            assert v["single-intermediary pairs"] == pytest.approx(_brute_single_intermediary(U), abs=EXACT)


def test_complexity_hand_chain():
    # politie -> om -> rechter: om is the one intermediary of the pair (politie, rechter):
    # 1 of 3 connected pairs; 2 hand-offs; no loop; diameter 2
    net = kn.Network()
    net.add_layer("case")
    for o, s in [("politie", "politie"), ("om", "om"), ("rechter", "rechtspraak")]:
        net.add_organisation(o, sector=s)
    net.add_relation("politie", "om", "case")
    net.add_relation("om", "rechter", "case")
    net.add_chain("straf", {"opsporing": ["politie"], "vervolging": ["om"], "berechting": ["rechter"]})
    v = kn.cohesion.complexity(net, chain="straf").set_index("indicator")["value"]
    assert v["single-intermediary pairs"] == pytest.approx(1 / 3)
    assert v["hand-offs between stages"] == 2
    assert v["cyclomatic number"] == 0
    assert v["diameter"] == 2 and v["average path length"] == pytest.approx(4 / 3)
    assert v["sector heterogeneity (Blau)"] == pytest.approx(2 / 3)
    assert v["articulation share"] == pytest.approx(1 / 3)
    with pytest.raises(KeyError, match="unknown chain 'nope'"):
        kn.cohesion.complexity(net, chain="nope")


# ----------------------------------------------------------------------------- bad input

def _single():
    net = kn.Network("one")
    net.add_layer("case")
    net.add_organisation("politie")
    return net


def test_single_organisation_network():
    net = _single()
    assert kn.cohesion.transitivity(net) == 0.0
    assert kn.cohesion.clustering(net).to_dict() == {"politie": 0.0}
    assert kn.cohesion.core_number(net).to_dict() == {"politie": 0}
    assert kn.cohesion.components(net) == [frozenset({"politie"})]
    assert kn.cohesion.node_connectivity(net) == 0  # as NetworkX
    assert kn.cohesion.edge_connectivity(net) == 0
    r = kn.cohesion.communities(net)
    assert r.partition.to_dict() == {"politie": 0} and math.isnan(r.modularity)
    with pytest.raises(ValueError, match="without relations"):
        kn.cohesion.modularity(net, {"politie": 0})
    v = kn.cohesion.complexity(net).set_index("indicator")["value"]
    assert v["organisations"] == 1 and math.isnan(v["diameter"])


def test_empty_layers():
    net = kn.Network()
    net.add_layer("case")
    net.add_layer("leeg", directed=False)
    for o in "abc":
        net.add_organisation(o)
    net.add_relation("a", "b", "case")
    assert kn.cohesion.transitivity(net, layers="leeg") == 0.0
    assert kn.cohesion.core_number(net, layers="leeg").tolist() == [0, 0, 0]
    assert len(kn.cohesion.components(net, layers="leeg")) == 3
    assert kn.cohesion.node_connectivity(net, layers="leeg") == 0
    r = kn.cohesion.communities(net, layers="leeg")
    assert len(r) == 3 and math.isnan(r.modularity)
    with pytest.raises(ValueError, match="empty selection"):
        kn.cohesion.transitivity(net, layers=[])
    v = kn.cohesion.complexity(net).set_index("indicator")["value"]
    assert v["layers"] == 1  # the empty layer is not counted as in use


def test_bad_arguments_name_the_culprit():
    net = base.network("karate")
    with pytest.raises(ValueError, match="kind must be one of 'weak', 'strong', not 'medium'"):
        kn.cohesion.components(net, "medium")
    with pytest.raises(ValueError, match="method must be one of 'louvain', 'leiden'"):
        kn.cohesion.communities(net, "girvan")
    with pytest.raises(ValueError, match="seed must be a non-negative integer"):
        kn.cohesion.communities(net, seed=-1)
    with pytest.raises(ValueError, match="resolution must be a finite number > 0"):
        kn.cohesion.communities(net, resolution=0)
    with pytest.raises(KeyError, match="unknown organisation 'nobody' \\(target\\)"):
        kn.cohesion.node_connectivity(net, "0", "nobody")
    with pytest.raises(ValueError, match="give both source and target"):
        kn.cohesion.edge_connectivity(net, "0")
    with pytest.raises(ValueError, match="same organisation '0'"):
        kn.cohesion.edge_connectivity(net, "0", "0")
    with pytest.raises(ValueError, match="the organisations do not match; in the network but not in partition: 33"):
        kn.cohesion.modularity(net, {str(i): 0 for i in range(33)})
    bad = kn.Network()
    bad.add_layer("L", directed=False)
    for o in "ab":
        bad.add_organisation(o)
    bad.add_relation("a", "b", "L", w=-2.0)
    with pytest.raises(ValueError, match="weight 'w' of a - b must be finite and >= 0"):
        kn.cohesion.communities(bad, weight="w")
    with pytest.raises(ValueError, match="weight 'w' of a - b must be finite and >= 0"):
        kn.cohesion.clustering(bad, weight="w")


# ----------------------------------------------------------------------------- report

@pytest.mark.parametrize("name", EXAMPLES)
def test_scorecard_collaboration_rows(name):
    net = example(name)
    card = kn.report.scorecard(net)
    eff = card[(card["goal"] == "effectiveness") & (card["scope"] == "network")].set_index("indicator")
    for indicator in ["transitivity", "weak components", "share in largest component",
                      "communities (Louvain)", "modularity (Louvain)", "single-intermediary pairs",
                      "cyclomatic number", "average path length", "sector heterogeneity (Blau)"]:
        assert indicator in eff.index, indicator
    assert eff.loc["transitivity", "value"] == pytest.approx(kn.cohesion.transitivity(net))
    found = kn.cohesion.communities(net, seed=0)
    assert eff.loc["modularity (Louvain)", "value"] == pytest.approx(found.modularity)
    assert eff.loc["communities (Louvain)", "value"] == len(found)
    assert eff.loc["weak components", "value"] == len(kn.cohesion.components(net))
    sectors = net.organisations["sector"]
    if (sectors != "").all():
        agree = kn.cohesion.partition_agreement(found, "sector", net=net)
        assert eff.loc["communities follow sectors (NMI)", "value"] == pytest.approx(agree.nmi)
    else:
        assert "communities follow sectors (NMI)" not in eff.index
    assert "modularity (Louvain)" in kn.report.to_html(net, card)
    assert "single-intermediary pairs" in kn.report.to_text(net, card)


def test_scorecard_tiny_networks():
    net = _single()
    card = kn.report.scorecard(net).set_index("indicator")
    row = card.loc["modularity (Louvain)"]
    assert math.isnan(row["value"]) and row["note"] == "the layers hold no ties"
    two = kn.Network()
    two.add_layer("L")
    two.add_organisation("a")
    two.add_organisation("b")
    card = kn.report.scorecard(two).set_index("indicator")  # no ties: no communities, no paths
    assert card.loc["weak components", "value"] == 2.0
    assert math.isnan(card.loc["modularity (Louvain)", "value"])
    assert math.isnan(card.loc["average path length", "value"])
    assert card.loc["average path length", "note"] != ""
