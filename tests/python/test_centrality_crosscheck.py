"""Cross-checks of the centralities against NetworkX (and igraph), and their bad input.

Graphs (shared with test_crosscheck_networkx.py): NetworkX's bundled real graphs (karate
club, Florentine families, Davis southern women, Les Misérables), random orientations of
them, seeded G(n, p) graphs directed and undirected (some disconnected, some with
self-loops), each with a random positive float weight ``w`` and a small-integer
``latency``; the built-in examples with every layer selection.

Tolerances: 1e-9 absolute for the exact methods and for PageRank, Katz and eigenvector
centrality (ketennet runs NetworkX's own power iteration, so the results agree to rounding);
HITS, which NetworkX computes with ARPACK to tol = 1e-8, to 1e-6 relative to the largest
score.
"""
from __future__ import annotations

import functools
import warnings

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ketennet as kn
import test_crosscheck_networkx as base
from test_crosscheck_networkx import ATOL, CASES, compare, graph, network, weights_of

HITS_RTOL = 1e-6
DIRECTED = [c for c in CASES if graph(c).is_directed()]
UNDIRECTED = [c for c in CASES if not graph(c).is_directed()]
WEIGHTED_CASES = [(c, w) for c in CASES for w in weights_of(c)]
WEIGHTED_IDS = [f"{c}-{w or 'unweighted'}" for c, w in WEIGHTED_CASES]


def _ids(G):
    return [str(v) for v in G.nodes]


# ----------------------------------------------------------------------------- edge betweenness

def _edge_key(G, u, v):
    return (str(u), str(v)) if G.is_directed() else frozenset((str(u), str(v)))


@pytest.mark.parametrize("normalized", [True, False], ids=["normalized", "raw"])
@pytest.mark.parametrize("case,weight", WEIGHTED_CASES, ids=WEIGHTED_IDS)
def test_edge_betweenness(case, weight, normalized, deviation):
    G, net = graph(case), network(case)
    got = kn.centrality.edge_betweenness(net, weight=weight, normalized=normalized)
    exp = nx.edge_betweenness_centrality(G, weight=weight, normalized=normalized)
    assert got.name == "edge_betweenness"
    assert got.index.names == ["source", "target"]
    assert len(got) == G.number_of_edges()
    g = {_edge_key(G, s, t): x for (s, t), x in got.items()}
    e = {_edge_key(G, s, t): x for (s, t), x in exp.items()}
    assert g.keys() == e.keys()
    dev = max((abs(g[k] - e[k]) for k in e), default=0.0)
    deviation.record(f"edge_betweenness (weighted={weight is not None})", dev)
    assert dev <= ATOL
    if not G.is_directed():
        order = {oid: i for i, oid in enumerate(net.ids)}
        assert all(order[s] <= order[t] for s, t in got.index)  # each tie once, in network order


# ----------------------------------------------------------------------------- closeness, harmonic

@pytest.mark.parametrize("wf_improved", [True, False], ids=["wf", "plain"])
@pytest.mark.parametrize("case,weight", WEIGHTED_CASES, ids=WEIGHTED_IDS)
def test_closeness(case, weight, wf_improved, deviation):
    G, net = graph(case), network(case)
    got = kn.centrality.closeness(net, weight=weight, wf_improved=wf_improved)
    exp = nx.closeness_centrality(G, distance=weight, wf_improved=wf_improved)
    assert got.name == "closeness"
    compare(got, exp, G, f"closeness (weighted={weight is not None})", deviation)


@pytest.mark.parametrize("case,weight", WEIGHTED_CASES, ids=WEIGHTED_IDS)
def test_harmonic(case, weight, deviation):
    G, net = graph(case), network(case)
    got = kn.centrality.harmonic(net, weight=weight)
    exp = nx.harmonic_centrality(G, distance=weight)
    assert got.name == "harmonic"
    compare(got, exp, G, f"harmonic (weighted={weight is not None})", deviation)


def test_closeness_direction_is_incoming():
    """The documented direction: a directed view uses distances *to* the organisation."""
    G = graph("karate-oriented")
    net = network("karate-oriented")
    got = kn.centrality.closeness(net)
    reversed_net = kn.from_networkx(G.reverse(copy=True))
    outgoing = kn.centrality.closeness(reversed_net)
    assert not np.allclose(got.to_numpy(), outgoing.to_numpy())
    exp_in = nx.closeness_centrality(G)
    np.testing.assert_allclose(got.to_numpy(), [exp_in[v] for v in G], atol=ATOL, rtol=0)


@pytest.mark.parametrize("weight", [None, "latency", "w"])
@pytest.mark.parametrize("case", ["gnp-d-300", "gnp-u-200", "lesmis-oriented", "gnp-u-150-sparse"])
def test_distance_centralities_threads_bit_identical(case, weight):
    net = network(case)
    for fn in (kn.centrality.closeness, kn.centrality.harmonic):
        one = fn(net, weight=weight, threads=1).to_numpy()
        two = fn(net, weight=weight, threads=2).to_numpy()
        assert one.tobytes() == two.tobytes(), fn.__name__
        assert (one > 0).sum() > len(one) // 2
    one = kn.centrality.edge_betweenness(net, weight=weight, threads=1).to_numpy()
    two = kn.centrality.edge_betweenness(net, weight=weight, threads=2).to_numpy()
    assert one.tobytes() == two.tobytes()


def test_distance_centralities_progress_and_cancel():
    net = network("gnp-d-300")
    seen = []
    kn.centrality.closeness(net, progress=lambda f: seen.append(f) or True)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(RuntimeError, match="cancel"):
        kn.centrality.harmonic(net, threads=2, progress=lambda f: f < 0.2)

    class Stop(Exception):
        pass

    def raise_stop(_):
        raise Stop()

    with pytest.raises(Stop):  # the callback's own exception comes back
        kn.centrality.edge_betweenness(net, progress=raise_stop)


@pytest.mark.parametrize("n", [600, 2100])  # potentials kept (two phases) / one solve per tie
def test_current_flow_betweenness_progress_rises_from_the_start(n):
    net = kn.Network("o0")
    net.add_layer("overleg", directed=False)
    for i in range(n):
        net.add_organisation(f"o{i}")
    for i in range(n - 1):
        net.add_relation(f"o{i}", f"o{i + 1}", "overleg")
    seen = []
    kn.centrality.current_flow_betweenness(net, threads=1,
                                           progress=lambda f: seen.append(f) or True)
    assert len(seen) > 100 and seen[-1] == 1.0 and seen == sorted(seen)
    # every report after a block of work is a positive fraction, and none jumps ahead
    assert 0.0 < seen[0] < 0.01, seen[:5]
    assert max(np.diff(seen)) < 0.01


# ----------------------------------------------------------------------------- PageRank

@pytest.mark.parametrize("alpha", [0.85, 0.5])
@pytest.mark.parametrize("case,weight", WEIGHTED_CASES, ids=WEIGHTED_IDS)
def test_pagerank(case, weight, alpha, deviation):
    G, net = graph(case), network(case)
    got = kn.centrality.pagerank(net, alpha=alpha, weight=weight)
    exp = nx.pagerank(G, alpha=alpha, weight=weight)
    assert got.name == "pagerank"
    compare(got, exp, G, "pagerank", deviation)
    assert got.sum() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("case", ["karate-oriented", "gnp-d-150-sparse", "gnp-u-200", "florentine"])
def test_pagerank_personalization_dangling_nstart(case, deviation):
    G, net = graph(case), network(case)
    rng = np.random.default_rng(len(case))
    nodes = list(G.nodes)
    pers = {v: float(rng.uniform(0, 1)) for v in nodes[::3]}
    dang = {v: float(rng.uniform(0, 1)) for v in nodes[1::4]}
    start = {v: float(rng.uniform(0, 1)) for v in nodes}
    exp = nx.pagerank(G, personalization=pers, dangling=dang, nstart=start, weight="w")
    as_ids = lambda d: {str(k): v for k, v in d.items()}  # noqa: E731
    got = kn.centrality.pagerank(net, personalization=as_ids(pers), dangling=pd.Series(as_ids(dang)),
                                 nstart=as_ids(start), weight="w")
    compare(got, exp, G, "pagerank (personalized)", deviation)


def test_pagerank_does_not_converge_like_networkx():
    G, net = graph("gnp-d-300"), network("gnp-d-300")
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.pagerank(G, max_iter=3)
    with pytest.raises(kn.ConvergenceError, match="pagerank: did not converge in 3 iterations"):
        kn.centrality.pagerank(net, max_iter=3)
    with pytest.raises(ValueError):  # a ConvergenceError is a ValueError
        kn.centrality.pagerank(net, max_iter=3)


# ----------------------------------------------------------------------------- Katz

@functools.lru_cache(maxsize=None)
def _lambda_max(case, weight):
    A = nx.to_numpy_array(graph(case), weight=weight) if weight else \
        nx.to_numpy_array(graph(case), weight=None)
    return float(np.max(np.abs(np.linalg.eigvals(A))))


@pytest.mark.parametrize("normalized", [True, False], ids=["normalized", "raw"])
@pytest.mark.parametrize("case,weight", WEIGHTED_CASES, ids=WEIGHTED_IDS)
def test_katz(case, weight, normalized, deviation):
    G, net = graph(case), network(case)
    lam = _lambda_max(case, weight)
    alpha = 0.1 if 0.1 * lam < 0.8 else 0.8 / lam  # NetworkX's default where it converges
    exp = nx.katz_centrality(G, alpha=alpha, weight=weight, normalized=normalized)
    got = kn.centrality.katz(net, alpha=alpha, weight=weight, normalized=normalized)
    assert got.name == "katz"
    compare(got, exp, G, "katz", deviation)


def test_katz_beta_per_organisation(deviation):
    G, net = graph("karate-oriented"), network("karate-oriented")
    rng = np.random.default_rng(1)
    beta = {v: float(rng.uniform(0.5, 2)) for v in G}
    exp = nx.katz_centrality(G, alpha=0.05, beta=beta, weight="w")
    got = kn.centrality.katz(net, alpha=0.05, beta={str(k): b for k, b in beta.items()}, weight="w")
    compare(got, exp, G, "katz", deviation)


@pytest.mark.parametrize("case", ["karate", "lesmis-oriented"])
def test_katz_diverges_like_networkx(case):
    G, net = graph(case), network(case)
    alpha = 1.5 / _lambda_max(case, None)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.katz_centrality(G, alpha=alpha)
    with pytest.raises(kn.ConvergenceError, match="lambda_max"):
        kn.centrality.katz(net, alpha=alpha)


# ----------------------------------------------------------------------------- eigenvector

@pytest.mark.parametrize("case,weight", WEIGHTED_CASES, ids=WEIGHTED_IDS)
def test_eigenvector(case, weight, deviation):
    G, net = graph(case), network(case)
    try:
        exp = nx.eigenvector_centrality(G, weight=weight, max_iter=1000)
    except nx.PowerIterationFailedConvergence:
        with pytest.raises(kn.ConvergenceError):
            kn.centrality.eigenvector(net, weight=weight, max_iter=1000)
        return
    got = kn.centrality.eigenvector(net, weight=weight, max_iter=1000)
    assert got.name == "eigenvector"
    compare(got, exp, G, "eigenvector", deviation)


def test_eigenvector_defaults_and_nstart(deviation):
    for case in ("karate", "lesmis", "gnp-u-60", "florentine-oriented"):
        G, net = graph(case), network(case)
        compare(kn.centrality.eigenvector(net), nx.eigenvector_centrality(G), G, "eigenvector",
                deviation)
        start = {v: 1.0 + i % 3 for i, v in enumerate(G)}
        compare(kn.centrality.eigenvector(net, nstart={str(k): x for k, x in start.items()}),
                nx.eigenvector_centrality(G, nstart=start), G, "eigenvector", deviation)


def test_eigenvector_does_not_converge_like_networkx():
    G, net = graph("lesmis"), network("lesmis")
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(G, max_iter=2)
    with pytest.raises(kn.ConvergenceError, match="eigenvector: did not converge in 2 iterations"):
        kn.centrality.eigenvector(net, max_iter=2)


# ----------------------------------------------------------------------------- HITS

def _hits_unique(case):
    """HITS is unique where the top eigenvalue of A^T A is simple; Davis' graph (undirected,
    bipartite) is not: there the scores are checked as eigenvectors instead."""
    return case != "davis"


def _nx_hits(G, weight):
    H = G.copy()
    for _, _, d in H.edges(data=True):
        if weight is None:
            d.pop("weight", None)  # NetworkX's hits reads "weight" when present
        else:
            d["weight"] = d[weight]
    return nx.hits(H)


def _compare_hits(got, exp, G, label, deviation):
    ids = _ids(G)
    for s, e in zip(got, exp):
        assert list(s.index) == ids
        ev = np.array([e[v] for v in G.nodes])
        dev = float(np.max(np.abs(s.to_numpy() - ev)))
        deviation.record(label, dev / max(np.max(np.abs(ev)), 1e-300))
        np.testing.assert_allclose(s.to_numpy(), ev, atol=HITS_RTOL * np.max(np.abs(ev)), rtol=0)


@pytest.mark.parametrize("case,weight", WEIGHTED_CASES, ids=WEIGHTED_IDS)
def test_hits(case, weight, deviation):
    G, net = graph(case), network(case)
    hubs, auth = kn.centrality.hits(net, weight=weight)
    assert (hubs.name, auth.name) == ("hubs", "authorities")
    assert hubs.sum() == pytest.approx(1) and auth.sum() == pytest.approx(1)
    if _hits_unique(case):
        _compare_hits((hubs, auth), _nx_hits(G, weight), G, "hits (relative to max)", deviation)
    else:
        A = nx.to_numpy_array(G, weight=weight)
        a = auth.to_numpy()
        M = A.T @ A
        theta = a @ M @ a / (a @ a)
        assert theta == pytest.approx(np.max(np.linalg.eigvalsh(M)), rel=1e-9)
        np.testing.assert_allclose(M @ a, theta * a, atol=1e-7 * theta * np.max(a))
        np.testing.assert_allclose(hubs.to_numpy(), A @ a / np.sum(A @ a), atol=1e-12)


@pytest.mark.parametrize("case", ["karate-oriented", "gnp-d-300", "florentine", "lesmis-oriented"])
def test_hits_weighted_against_igraph(case, deviation):
    """igraph's hub and authority scores with weights (scaled to sum 1 as NetworkX)."""
    G, net = graph(case), network(case)
    g = ig.Graph.from_networkx(G)
    with warnings.catch_warnings():  # igraph warns about zero scores and undirected graphs
        warnings.simplefilter("ignore", RuntimeWarning)
        hub = np.array(g.hub_score(weights="w", scale=False))
        aut = np.array(g.authority_score(weights="w", scale=False))
    exp = ({v: x for v, x in zip(G.nodes, hub / hub.sum())},
           {v: x for v, x in zip(G.nodes, aut / aut.sum())})
    _compare_hits(kn.centrality.hits(net, weight="w"), exp, G, "hits vs igraph (relative to max)",
                  deviation)


def test_hits_unnormalized_and_no_ties():
    G, net = graph("karate-oriented"), network("karate-oriented")
    hubs, auth = kn.centrality.hits(net, normalized=False)
    A = nx.to_numpy_array(G, weight=None)
    assert np.linalg.norm(auth) == pytest.approx(1.0)
    np.testing.assert_allclose(hubs.to_numpy(), A @ auth.to_numpy(), atol=1e-12)
    empty = kn.Network()
    empty.add_layer("l")
    for o in "abc":
        empty.add_organisation(o)
    h, a = kn.centrality.hits(empty)
    assert h.tolist() == pytest.approx([1 / 3] * 3) and a.tolist() == pytest.approx([1 / 3] * 3)


# ----------------------------------------------------------------------------- current flow

def _connected_undirected():
    """Undirected cases that are connected (the others are refused)."""
    return [c for c in UNDIRECTED if nx.is_connected(graph(c))]


def _largest_component(case):
    G = graph(case)
    comp = max(nx.connected_components(G), key=len)
    return G.subgraph(comp).copy()


CF_CASES = _connected_undirected() + ["gnp-u-150-sparse-lcc"]


def _cf_graph(case):
    if case.endswith("-lcc"):
        G = _largest_component(case[: -len("-lcc")])
        return G, kn.from_networkx(G)
    return graph(case), network(case)


def _cf_weights(case):
    return weights_of(case.replace("-lcc", ""))


CF_WEIGHTED = [(c, w) for c in CF_CASES for w in _cf_weights(c)]
CF_IDS = [f"{c}-{w or 'unweighted'}" for c, w in CF_WEIGHTED]


def test_current_flow_cases_cover_self_loops_and_sizes():
    assert any(nx.number_of_selfloops(_cf_graph(c)[0]) > 0 for c in CF_CASES)
    assert max(_cf_graph(c)[0].number_of_nodes() for c in CF_CASES) >= 200


@pytest.mark.parametrize("case,weight", CF_WEIGHTED, ids=CF_IDS)
def test_information_and_current_flow_closeness(case, weight, deviation):
    G, net = _cf_graph(case)
    exp = nx.current_flow_closeness_centrality(G, weight=weight)
    assert nx.information_centrality(G, weight=weight) == exp
    got = kn.centrality.current_flow_closeness(net, weight=weight)
    info = kn.centrality.information(net, weight=weight)
    assert (got.name, info.name) == ("current_flow_closeness", "information")
    compare(got, exp, G, f"current_flow_closeness (weighted={weight is not None})", deviation)
    compare(info, exp, G, f"information (weighted={weight is not None})", deviation)


@pytest.mark.parametrize("normalized", [True, False], ids=["normalized", "raw"])
@pytest.mark.parametrize("case,weight", CF_WEIGHTED, ids=CF_IDS)
def test_current_flow_betweenness(case, weight, normalized, deviation):
    G, net = _cf_graph(case)
    # NetworkX mishandles self-loops here (it treats one as a tie from a vertex to itself
    # with current -w): compare on the graph without them; ketennet ignores them.
    H = G.copy()
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    exp = nx.current_flow_betweenness_centrality(H, normalized=normalized, weight=weight)
    got = kn.centrality.current_flow_betweenness(net, normalized=normalized, weight=weight)
    assert got.name == "current_flow_betweenness"
    compare(got, exp, G, f"current_flow_betweenness (weighted={weight is not None})", deviation)


def test_current_flow_threads_bit_identical():
    net = network("gnp-u-200")
    for fn in (kn.centrality.current_flow_closeness, kn.centrality.current_flow_betweenness):
        one = fn(net, weight="w", threads=1).to_numpy()
        two = fn(net, weight="w", threads=2).to_numpy()
        assert one.tobytes() == two.tobytes(), fn.__name__


# ----------------------------------------------------------------------------- the examples

def _example_graph(net, layers):
    sel = list(net.layers) if layers is None else list(layers)
    G = nx.DiGraph() if any(net.layers[l].directed for l in sel) else nx.Graph()
    G.add_nodes_from(net.ids)
    rel = net.relations[net.relations["layer"].isin(sel)]
    for s, t, l, vol in zip(rel["source"], rel["target"], rel["layer"], rel["volume"]):
        if G.has_edge(s, t):
            G.edges[s, t]["volume"] += vol  # parallel relations of several layers: summed
        else:
            G.add_edge(s, t, volume=vol)
        if G.is_directed() and not net.layers[l].directed and s != t:
            if G.has_edge(t, s) and (t, s) != (s, t):
                G.edges[t, s]["volume"] += vol
            else:
                G.add_edge(t, s, volume=vol)
    return G


def _example_selections(net):
    return [None] + [[l] for l in net.layers] + [["case", "collaboration"]]


@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_examples_against_networkx(example, deviation):
    """The built-in examples, every layer and a mixed selection, unweighted and by volume."""
    net = kn.examples.load(example)
    for layers in _example_selections(net):
        G = _example_graph(net, layers)
        for weight in (None, "volume"):
            try:
                net.view(layers=layers, weight=weight)
            except ValueError:
                assert weight is not None  # some layers lack volumes: named in the error
                continue
            tag = f"{example} {layers} {weight}"
            if weight is None:
                compare(kn.centrality.closeness(net, layers=layers), nx.closeness_centrality(G),
                        G, "closeness (examples)", deviation)
                compare(kn.centrality.harmonic(net, layers=layers), nx.harmonic_centrality(G),
                        G, "harmonic (examples)", deviation)
                eb = kn.centrality.edge_betweenness(net, layers=layers)
                exp = nx.edge_betweenness_centrality(G)
                dev = max(abs(eb[(str(s), str(t))] - x) if (str(s), str(t)) in eb.index
                          else abs(eb[(str(t), str(s))] - x) for (s, t), x in exp.items())
                deviation.record("edge_betweenness (examples)", dev)
                assert dev <= ATOL, tag
            compare(kn.centrality.pagerank(net, layers=layers, weight=weight),
                    nx.pagerank(G, weight=weight), G, "pagerank (examples)", deviation)
            lam = float(np.max(np.abs(np.linalg.eigvals(nx.to_numpy_array(G, weight=weight)))))
            alpha = 0.5 / lam if lam > 0 else 0.1
            compare(kn.centrality.katz(net, layers=layers, weight=weight, alpha=alpha),
                    nx.katz_centrality(G, alpha=alpha, weight=weight), G, "katz (examples)",
                    deviation)
            try:
                exp = nx.eigenvector_centrality(G, weight=weight, max_iter=500)
            except nx.PowerIterationFailedConvergence:
                with pytest.raises(kn.ConvergenceError):
                    kn.centrality.eigenvector(net, layers=layers, weight=weight, max_iter=500)
            else:
                compare(kn.centrality.eigenvector(net, layers=layers, weight=weight, max_iter=500),
                        exp, G, "eigenvector (examples)", deviation)


@pytest.mark.parametrize("example", ["strafrechtketen", "vreemdelingenketen"])
def test_examples_current_flow_on_the_connected_part(example, deviation):
    """The collaboration layer leaves organisations out: refused as a whole, checked on its
    largest connected part."""
    net = kn.examples.load(example)
    with pytest.raises(ValueError, match="not connected"):
        kn.centrality.current_flow_betweenness(net, layers="collaboration")
    with pytest.raises(ValueError, match="directed"):
        kn.centrality.information(net, layers="case")
    G = _example_graph(net, ["collaboration"])
    part = max(nx.connected_components(G), key=len)
    assert len(part) >= 4
    sub = net.induced([o for o in net.ids if o in part])
    H = G.subgraph(part).copy()
    compare(kn.centrality.current_flow_betweenness(sub, layers="collaboration"),
            nx.current_flow_betweenness_centrality(H), H, "current_flow_betweenness (examples)",
            deviation)
    compare(kn.centrality.information(sub, layers="collaboration"),
            nx.information_centrality(H), H, "information (examples)", deviation)


# ----------------------------------------------------------------------------- bad input

ALL = ["edge_betweenness", "closeness", "harmonic", "pagerank", "katz", "eigenvector", "hits",
       "information", "current_flow_closeness", "current_flow_betweenness"]


def _call(name, net, **kw):
    return getattr(kn.centrality, name)(net, **kw)


def _chain():
    net = kn.Network("keten")
    net.add_layer("overleg", directed=False)
    net.add_layer("case", directed=True)
    for o in ("politie", "om", "rechtspraak", "cjib"):
        net.add_organisation(o)
    net.add_relation("politie", "om", "overleg", volume=10.0, latency=2.0, cost=1.0)
    net.add_relation("om", "rechtspraak", "overleg", volume=5.0, cost=-3.0)
    net.add_relation("rechtspraak", "cjib", "overleg", volume=2.0, latency=1.0, cost=1.0)
    net.add_relation("politie", "om", "case", volume=10.0, latency=2.0, cost=1.0)
    return net


@pytest.mark.parametrize("name", ALL)
def test_unknown_layer(name):
    with pytest.raises(KeyError, match="nolayer"):
        _call(name, _chain(), layers="nolayer")


@pytest.mark.parametrize("name", ALL)
def test_missing_weight(name):
    with pytest.raises(ValueError, match="latency") as info:
        _call(name, _chain(), layers="overleg", weight="latency")
    assert "om" in str(info.value) and "rechtspraak" in str(info.value)


@pytest.mark.parametrize("name", ALL)
def test_negative_weight(name):
    with pytest.raises(ValueError, match="cost") as info:
        _call(name, _chain(), layers="overleg", weight="cost")
    msg = str(info.value)
    assert name in msg and ("om - rechtspraak" in msg or "rechtspraak - om" in msg), msg


@pytest.mark.parametrize("name", ["information", "current_flow_closeness", "current_flow_betweenness"])
def test_current_flow_refuses_directed_and_disconnected(name):
    net = _chain()
    with pytest.raises(ValueError, match=f"^{name}: the view .* is directed"):
        _call(name, net)
    net.add_organisation("halt")
    with pytest.raises(ValueError, match="not connected: it has 2 components, and 'halt' cannot be"):
        _call(name, net, layers="overleg")
    H = kn.to_networkx(net, layers="overleg")
    with pytest.raises(nx.NetworkXError, match="not connected"):
        getattr(nx, name + "_centrality")(H)


def test_bad_per_organisation_arguments():
    net = _chain()
    with pytest.raises(KeyError, match="personalization: unknown organisation 'nobody'"):
        kn.centrality.pagerank(net, personalization={"politie": 1, "nobody": 2})
    with pytest.raises(ValueError, match="personalization of 'om' is -1"):
        kn.centrality.pagerank(net, personalization={"politie": 1, "om": -1})
    with pytest.raises(ValueError, match="personalization is zero for every organisation"):
        kn.centrality.pagerank(net, personalization={"politie": 0})
    with pytest.raises(ValueError, match="alpha = 2 must be a number in"):
        kn.centrality.pagerank(net, alpha=2)
    with pytest.raises(ValueError, match="beta: no value for organisations 'rechtspraak', 'cjib'"):
        kn.centrality.katz(net, beta={"politie": 1, "om": 1})
    with pytest.raises(KeyError, match="nstart: unknown organisation"):
        kn.centrality.eigenvector(net, nstart={"x": 1})
    with pytest.raises(TypeError, match="dict or Series"):
        kn.centrality.hits(net, nstart=[1, 2, 3, 4])
    with pytest.raises(ValueError, match="no organisations"):
        kn.centrality.eigenvector(kn.Network())
    with pytest.raises(TypeError, match="ketennet.Network"):
        kn.centrality.closeness(nx.path_graph(3))


def test_empty_network():
    net = kn.Network()
    net.add_layer("l")
    for name in ("edge_betweenness", "closeness", "harmonic", "pagerank", "katz"):
        assert len(_call(name, net)) == 0
    h, a = kn.centrality.hits(net)
    assert len(h) == len(a) == 0


def test_pagerank_threads_give_identical_values():
    """Above 2^18 ties plus organisations the power iteration is split among threads; the
    sums are taken in fixed blocks, so 1 and 2 threads give the same bits (and NetworkX's
    values to rounding)."""
    rng = np.random.default_rng(7)
    n = 40000
    for directed in (True, False):
        s, t = rng.integers(0, n, 6 * n), rng.integers(0, n, 6 * n)
        keep = s != t
        pairs = {(int(a), int(b)) if directed else (min(int(a), int(b)), max(int(a), int(b)))
                 for a, b in zip(s[keep], t[keep])}
        rel = pd.DataFrame(sorted(pairs), columns=["source", "target"]).astype(str)
        rel["layer"] = "l"
        rel["volume"] = rng.uniform(1, 100, len(rel))
        orgs = pd.DataFrame({"id": [str(i) for i in range(n)]})
        net = kn.from_pandas(orgs, rel, directed=directed)
        for weight in (None, "volume"):
            one = kn.centrality.pagerank(net, weight=weight, threads=1)
            two = kn.centrality.pagerank(net, weight=weight, threads=2)
            assert np.array_equal(one.to_numpy(), two.to_numpy())
            assert one.index.equals(two.index)
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(orgs["id"])
        G.add_edges_from(zip(rel["source"], rel["target"]))
        exp = nx.pagerank(G, weight=None)
        got = kn.centrality.pagerank(net, threads=2)
        assert max(abs(got[k] - v) for k, v in exp.items()) < ATOL
