"""ketennet.resilience against NetworkX: single points of failure, dominators, vertex cuts,
vulnerability, and failure simulations replayed as plain NetworkX loops on the same order.

Graphs: NetworkX's karate club, Florentine families, Davis southern women, Les Misérables
(undirected; and random orientations), seeded G(n, p) graphs (directed and undirected, some
disconnected), and the two built-in examples (all layers).
"""
from __future__ import annotations

import math

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
RANDOM = {  # name: (directed, n, p, seed)
    "gnp-d-60": (True, 60, 0.05, 11),
    "gnp-d-120-sparse": (True, 120, 0.012, 12),
    "gnp-u-60": (False, 60, 0.06, 21),
    "gnp-u-120-sparse": (False, 120, 0.012, 22),
}
EXAMPLES = ("strafrechtketen", "vreemdelingenketen")


def _strs(G):
    return nx.relabel_nodes(G, {v: str(v) for v in G}, copy=True)


def _oriented(G, seed):
    rng = np.random.default_rng(seed)
    D = nx.DiGraph()
    D.add_nodes_from(G)
    for u, v in G.edges():
        r = rng.uniform()
        if r < 0.4:
            D.add_edge(u, v)
        elif r < 0.8:
            D.add_edge(v, u)
        else:
            D.add_edge(u, v)
            D.add_edge(v, u)
    return D


def graph(name):
    """(ketennet network, NetworkX graph of the same view, node order)."""
    if name in REAL:
        G = _strs(REAL[name]())
    elif name.endswith("-oriented"):
        G = _strs(_oriented(REAL[name[:-9]](), 5))
    elif name in RANDOM:
        d, n, p, seed = RANDOM[name]
        G = _strs(nx.gnp_random_graph(n, p, seed=seed, directed=d))
    else:
        net = kn.examples.load(name)
        return net, _merged(net), net.ids
    for u, v in G.edges():
        G.edges[u, v].clear()
    for v in G.nodes:
        G.nodes[v].clear()
    net = kn.from_networkx(G)
    return net, G, net.ids


def _merged(net):
    """All layers of an example as one simple DiGraph (undirected relations both ways)."""
    G = nx.DiGraph()
    G.add_nodes_from(net.ids)
    for r in net.relations.itertuples():
        G.add_edge(r.source, r.target)
        if not net.layers[r.layer].directed:
            G.add_edge(r.target, r.source)
    return G


CASES = list(REAL) + [f"{n}-oriented" for n in REAL] + list(RANDOM) + list(EXAMPLES)


# ----------------------------------------------------------------------------- single points

@pytest.mark.parametrize("name", CASES)
def test_single_points_of_failure_match_networkx(name, deviation):
    net, G, ids = graph(name)
    U = G.to_undirected() if G.is_directed() else G
    U = nx.Graph(U)
    U.remove_edges_from(nx.selfloop_edges(U))
    order = {v: i for i, v in enumerate(ids)}
    assert kn.resilience.articulation_points(net) == sorted(nx.articulation_points(U), key=order.get)
    ours = kn.resilience.bridges(net)
    theirs = sorted((tuple(sorted(e, key=order.get)) for e in nx.bridges(U)),
                    key=lambda e: (order[e[0]], order[e[1]]))
    assert ours == theirs
    comps = kn.resilience.biconnected_components(net)
    assert sorted(map(sorted, comps)) == sorted(map(sorted, nx.biconnected_components(U)))
    deviation.record("bridges/biconnected (count mismatch)", abs(len(ours) - len(theirs)))


@pytest.mark.parametrize("name", CASES)
def test_dominators_match_networkx(name):
    net, G, ids = graph(name)
    D = G if G.is_directed() else G.to_directed()
    for entry in [ids[0], ids[len(ids) // 2], max(ids, key=lambda v: D.out_degree(v))]:
        ours = kn.resilience.dominators(net, entry).to_dict()
        theirs = nx.immediate_dominators(D, entry)
        theirs.pop(entry, None)  # NetworkX < 3.5 maps the entry to itself
        assert ours == theirs, entry


@pytest.mark.parametrize("name", CASES)
def test_min_vertex_cut_matches_networkx(name, deviation):
    net, G, ids = graph(name)
    rng = np.random.default_rng(3)
    checked = 0
    for _ in range(40):
        s, t = rng.choice(len(ids), 2, replace=False)
        s, t = ids[s], ids[t]
        if G.has_edge(s, t) or (not G.is_directed() and G.has_edge(t, s)):
            assert kn.resilience.min_vertex_cut(net, s, t) is None
            continue
        ours = kn.resilience.min_vertex_cut(net, s, t)
        H = G.copy()
        H.remove_nodes_from(ours)
        assert not nx.has_path(H, s, t)
        if G.has_edge(t, s):
            # NetworkX 3.6 returns an empty set for a directed s, t with a tie t -> s (which
            # separates nothing); ours separates (checked above)
            continue
        theirs = nx.minimum_node_cut(G, s, t) if nx.has_path(G, s, t) else set()
        assert len(ours) == len(theirs)
        H = G.copy()
        H.remove_nodes_from(ours)
        assert not nx.has_path(H, s, t)
        checked += 1
    assert checked > 0
    deviation.record("min_vertex_cut (size)", 0.0)


def test_dominators_and_cuts_bad_input():
    net = kn.examples.load("strafrechtketen")
    with pytest.raises(KeyError, match="unknown source organisation 'nope'"):
        kn.resilience.dominators(net, "nope")
    with pytest.raises(KeyError, match="unknown target organisation 'x'"):
        kn.resilience.min_vertex_cut(net, "politie", "x")
    with pytest.raises(ValueError, match="share an organisation|both"):
        kn.resilience.min_vertex_cut(net, "politie", "politie")


# ----------------------------------------------------------------------------- NetworkX loops

def _lcc_share(H, n):
    if H.number_of_nodes() == 0:
        return 0.0
    comps = nx.weakly_connected_components(H) if H.is_directed() else nx.connected_components(H)
    return max(len(c) for c in comps) / n


def _efficiency(H, n):
    """Sum of 1/d over ordered pairs of H, over n (n - 1) of the original graph."""
    total = 0.0
    for s, dist in nx.all_pairs_shortest_path_length(H):
        total += sum(1.0 / d for t, d in dist.items() if t != s)
    return total / (n * (n - 1))


def _replay(G, order, n, measures):
    H = G.copy()
    rows = [[_measure(H, n, m) for m in measures]]
    for v in order:
        H.remove_node(v)
        rows.append([_measure(H, n, m) for m in measures])
    return np.array(rows)


def _measure(H, n, m):
    return _lcc_share(H, n) if m == "largest_component" else _efficiency(H, n)


@pytest.mark.parametrize("name", ["karate", "florentine", "karate-oriented", "gnp-d-60",
                                  "gnp-u-120-sparse", "strafrechtketen"])
def test_random_removal_matches_networkx_loop(name, deviation):
    net, G, ids = graph(name)
    n = len(ids)
    measures = ["largest_component", "efficiency"]
    sim = kn.resilience.simulate(net, "random", measures, runs=4, seed=11, progress=False)
    assert sim.steps == n and sim.runs == 4
    orders = sim.orders
    assert sorted(orders.loc[0]) == sorted(ids)
    assert not orders.loc[0].equals(orders.loc[1])
    worst = 0.0
    for run in range(4):
        ref = _replay(G, list(orders.loc[run]), n, measures)
        for j, m in enumerate(measures):
            ours = sim.curve(m)[run].to_numpy()
            worst = max(worst, float(np.max(np.abs(ours - ref[:, j]))))
            assert np.allclose(ours, ref[:, j], atol=ATOL, rtol=0)
            R = sim.robustness_runs.loc[run, m]
            assert R == pytest.approx(ref[1:, j].mean(), abs=ATOL)
    deviation.record("simulate random (curves vs NetworkX loop)", worst)
    mean_R = sim.robustness_runs.mean()
    assert np.allclose(sim.robustness.to_numpy(), mean_R.to_numpy())


def _pick(scores, alive, order):
    best = max(scores[v] for v in alive)
    thr = best - 1e-9 * max(1.0, abs(best))
    return min((v for v in alive if scores[v] >= thr), key=order.get)


@pytest.mark.parametrize("name", ["karate", "florentine-oriented", "gnp-u-60", "strafrechtketen",
                                  "lesmis", "gnp-u-120-sparse", "gnp-d-120-sparse",
                                  "vreemdelingenketen"])
@pytest.mark.parametrize("strategy", ["degree", "betweenness"])
def test_targeted_attack_recomputed_matches_networkx_loop(name, strategy, deviation):
    net, G, ids = graph(name)
    n = len(ids)
    order = {v: i for i, v in enumerate(ids)}
    sim = kn.resilience.simulate(net, strategy, "largest_component", recompute=True, progress=False)
    H = G.copy()
    ref_order, ref_vals = [], [_lcc_share(H, n)]
    while H.number_of_nodes():
        scores = (dict(H.degree()) if strategy == "degree"
                  else nx.betweenness_centrality(H, normalized=False))
        v = _pick(scores, list(H.nodes), order)
        ref_order.append(v)
        H.remove_node(v)
        ref_vals.append(_lcc_share(H, n))
    assert list(sim.orders.loc[0]) == ref_order
    ours = sim.curve()[0].to_numpy()
    assert np.allclose(ours, ref_vals, atol=ATOL, rtol=0)
    assert sim.robustness["largest_component"] == pytest.approx(np.mean(ref_vals[1:]), abs=ATOL)
    deviation.record(f"simulate {strategy} recomputed (curve)", float(np.max(np.abs(ours - ref_vals))))


@pytest.mark.parametrize("directed", [False, True])
def test_large_betweenness_attack_matches_igraph_loop(directed):
    """300 organisations, 750 ties: the first recomputations take the parallel path of the
    block decomposition (threads=2); the order must be igraph's, recomputing everything."""
    ig = pytest.importorskip("igraph")
    G = nx.gnm_random_graph(300, 750, seed=2, directed=directed)
    G = nx.relabel_nodes(G, {v: f"org{v:04d}" for v in G})
    net = kn.from_networkx(G)
    ids = list(net.ids)
    index = {v: i for i, v in enumerate(ids)}
    g = ig.Graph(n=300, edges=[(index[u], index[v]) for u, v in G.edges()], directed=directed)
    sim = kn.resilience.simulate(net, "betweenness", recompute=True, runs=2, threads=2,
                                 progress=False)
    g.vs["k"] = list(range(300))
    order, shares = [], [1.0 * g.connected_components(mode="weak").giant().vcount() / 300]
    while g.vcount():
        b, k = g.betweenness(), g.vs["k"]
        best = max(b)
        thr = best - 1e-9 * max(1.0, abs(best))
        v = min(kk for bb, kk in zip(b, k) if bb >= thr)
        order.append(ids[v])
        g.delete_vertices(k.index(v))
        shares.append(g.connected_components(mode="weak").giant().vcount() / 300 if g.vcount() else 0.0)
    assert list(sim.orders.loc[0]) == order
    assert list(sim.orders.loc[1]) == order
    assert np.allclose(sim.curve()[0].to_numpy(), shares, atol=ATOL, rtol=0)
    one = kn.resilience.simulate(net, "betweenness", recompute=True, threads=1, progress=False)
    assert list(one.orders.loc[0]) == order


@pytest.mark.parametrize("name", ["karate", "lesmis", "gnp-d-60"])
@pytest.mark.parametrize("strategy", ["degree", "betweenness"])
def test_targeted_attack_initial_ranks_by_networkx_scores(name, strategy):
    net, G, ids = graph(name)
    sim = kn.resilience.simulate(net, strategy, progress=False)
    scores = (dict(G.degree()) if strategy == "degree"
              else nx.betweenness_centrality(G, normalized=False))
    ranked = [scores[v] for v in sim.orders.loc[0]]
    top = max(ranked)
    assert all(a >= b - 1e-9 * top for a, b in zip(ranked, ranked[1:]))
    ref = _replay(G, list(sim.orders.loc[0]), len(ids), ["largest_component"])
    assert np.allclose(sim.curve()[0].to_numpy(), ref[:, 0], atol=ATOL)


def test_simulation_is_deterministic_for_any_thread_count():
    net, _, _ = graph("lesmis")
    kw = dict(measures=["largest_component", "efficiency"], runs=9, seed=5, progress=False)
    one = kn.resilience.simulate(net, "random", threads=1, **kw)
    two = kn.resilience.simulate(net, "random", threads=2, **kw)
    pd.testing.assert_frame_equal(one.curves, two.curves)
    pd.testing.assert_series_equal(one.robustness, two.robustness)
    other = kn.resilience.simulate(net, "random", threads=2, **{**kw, "seed": 6})
    assert not other.curves.equals(one.curves)


def test_simulation_cancels_cleanly():
    net, _, _ = graph("lesmis")
    calls = []

    def stop(fraction):
        calls.append(fraction)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        kn.resilience.simulate(net, "random", runs=200, progress=stop)
    with pytest.raises(RuntimeError, match="cancelled"):
        kn.resilience.simulate(net, "random", runs=200, progress=lambda f: False)
    # still usable afterwards
    assert kn.resilience.simulate(net, "random", runs=2, progress=False).runs == 2


# ----------------------------------------------------------------------------- chain measures

def test_chain_measures_on_the_example():
    net = kn.examples.load("strafrechtketen")
    card = kn.flow.score_chain(net, "strafrechtketen")
    card = card[card["stage"].isna()]
    value = dict(zip(card["indicator"], card["value"]))
    sim = kn.resilience.simulate(net, ["om"], ["throughput", "reachability"],
                                 chain="strafrechtketen", progress=False)
    c = sim.curves.pivot(index="step", columns="measure", values="value")
    assert c.loc[0, "throughput"] == pytest.approx(value["throughput"], rel=1e-12)
    # reachability: entry-exit pairs with a path in all layers, before and after om fails
    G = _merged(net)
    entry, exit_ = net.chain("strafrechtketen")["aangifte"], net.chain("strafrechtketen")["nazorg"]
    for step, H in [(0, G), (1, G.subgraph([v for v in G if v != "om"]))]:
        share = np.mean([nx.has_path(H, s, t) for s in entry for t in exit_])
        assert c.loc[step, "reachability"] == pytest.approx(share, abs=ATOL)
    elt = kn.resilience.simulate(net, ["om"], "expected_lead_time", chain="strafrechtketen",
                                 progress=False)
    assert elt.curves["value"].iloc[0] == pytest.approx(value["lead time (expected)"], rel=1e-12)
    no_case = net.copy()
    no_case.set_layer_kind("case", "information")
    with pytest.raises(ValueError, match="expected lead time: the network has no case layer"):
        kn.resilience.simulate(no_case, "random", "expected_lead_time", chain="strafrechtketen",
                               runs=1, progress=False)
    # throughput after om fails: NetworkX max-flow on the same capacities without om
    cap = kn.flow.throughput(net, net.chain("strafrechtketen")["aangifte"],
                             net.chain("strafrechtketen")["nazorg"], fallback="volume",
                             bottlenecks=False)
    assert c.loc[0, "throughput"] == pytest.approx(cap.value, rel=1e-12)
    G = nx.DiGraph()
    for r in net.relations.itertuples():
        if r.layer not in cap.layers or "om" in (r.source, r.target):
            continue
        w = r.capacity if not math.isnan(r.capacity) else r.volume
        for a, b in [(r.source, r.target)] + ([] if net.layers[r.layer].directed else [(r.target, r.source)]):
            G.add_edge(a, b, capacity=G.edges[a, b]["capacity"] + w if G.has_edge(a, b) else w)
    for s in net.chain("strafrechtketen")["aangifte"]:
        G.add_edge("S*", s, capacity=1e18)
    for t in net.chain("strafrechtketen")["nazorg"]:
        G.add_edge(t, "T*", capacity=1e18)
    assert c.loc[1, "throughput"] == pytest.approx(nx.maximum_flow_value(G, "S*", "T*"), rel=1e-9)


def test_expected_lead_time_matches_kn_flow_after_each_removal(deviation):
    G = nx.gnp_random_graph(40, 0.12, seed=4, directed=True)
    rng = np.random.default_rng(4)
    net = kn.Network("routed")
    net.add_layer("case")
    for v in G:
        net.add_organisation(f"o{v}")
    for u, v in G.edges():
        net.add_relation(f"o{u}", f"o{v}", "case", volume=float(rng.uniform(1, 50)),
                         latency=float(rng.uniform(1, 30)), capacity=float(rng.uniform(1, 9)))
    net.add_chain("k", {"in": ["o0", "o1"], "mid": ["o5"], "out": ["o38", "o39"]})
    sim = kn.resilience.simulate(net, "random", ["expected_lead_time", "throughput"], chain="k",
                                 steps=6, runs=2, seed=2, progress=False)
    worst = 0.0
    for run in range(2):
        order = list(sim.orders.loc[run])
        for step in range(7):
            after = kn.Scenario(net).remove_organisations(*order[:step]).apply() if step else net
            row = sim.curves[(sim.curves.run == run) & (sim.curves.step == step)].set_index("measure")["value"]
            src = [s for s in ("o0", "o1") if s in after]
            dst = [t for t in ("o38", "o39") if t in after]
            if not src or not dst:
                assert row["throughput"] == 0
                continue
            tp = kn.flow.throughput(after, src, dst, bottlenecks=False).value
            assert row["throughput"] == pytest.approx(tp, rel=1e-12)
            view = after.view("case", weight="volume")
            s_, _, w = view.edges()
            out = {s: 0.0 for s in src}
            for a, b in zip(s_, w):
                if after.ids[a] in out:
                    out[after.ids[a]] += b
            if sum(out.values()) == 0:
                assert math.isinf(row["expected_lead_time"])
                continue
            elt = kn.flow.expected_lead_time(after, out, dst).value
            if math.isinf(elt):
                assert math.isinf(row["expected_lead_time"])
            else:
                assert row["expected_lead_time"] == pytest.approx(elt, rel=1e-9)
                worst = max(worst, abs(row["expected_lead_time"] - elt))
    deviation.record("simulate expected_lead_time vs kn.flow", worst)


def test_vulnerability_matches_networkx(deviation):
    for name in ["karate", "florentine", "gnp-d-60"]:
        net, G, ids = graph(name)
        n = len(ids)
        ours = kn.resilience.vulnerability(net)
        E = _efficiency(G, n)
        worst = 0.0
        for v in ids:
            H = G.copy()
            H.remove_node(v)
            ref = (E - _efficiency(H, n)) / E
            worst = max(worst, abs(ours[v] - ref))
        assert worst < ATOL
        deviation.record("vulnerability (efficiency)", worst)
    net, G, ids = graph("karate")
    E0 = nx.global_efficiency(G)
    assert kn.flow.global_efficiency(net) == pytest.approx(E0)


def test_vulnerability_by_hand_and_throughput():
    net = kn.Network()
    net.add_layer("case")
    for o in "abcd":
        net.add_organisation(o)
    for s, t, c in [("a", "b", 5), ("b", "d", 5), ("a", "c", 3), ("c", "d", 3)]:
        net.add_relation(s, t, "case", capacity=c)
    net.add_chain("k", {"in": ["a"], "mid": ["b", "c"], "out": ["d"]})
    v = kn.resilience.vulnerability(net, "throughput", chain="k")
    assert v.to_dict() == {"a": 1.0, "b": 0.625, "c": 0.375, "d": 1.0}
    r = kn.resilience.vulnerability(net, "reachability", chain="k")
    assert r.to_dict() == {"a": 1.0, "b": 0.0, "c": 0.0, "d": 1.0}


# ----------------------------------------------------------------------------- strategies

def test_sector_layer_and_list_strategies():
    net = kn.examples.load("strafrechtketen")
    sim = kn.resilience.simulate(net, "sector:reclassering", runs=5, seed=1, progress=False)
    assert sim.steps == 3 and sim.runs == 5
    sectors = net.organisations.set_index("id")["sector"]
    assert set(sim.orders.stack()) == set(sectors[sectors == "reclassering"].index)
    lay = kn.resilience.simulate(net, "layer:it", ["largest_component", "efficiency"], progress=False)
    assert lay.steps == 1 and lay.curves["removed"].tolist() == [None, None, "it", "it"]
    without = kn.Scenario(net).remove_layer("it").apply()
    after = lay.curves[lay.curves.step == 1].set_index("measure")["value"]
    assert after["efficiency"] == pytest.approx(kn.flow.global_efficiency(without), abs=ATOL)
    lst = kn.resilience.simulate(net, ["om", "zsm"], progress=False)
    assert list(lst.orders.loc[0]) == ["om", "zsm"]


@pytest.mark.parametrize("call, error, message", [
    (dict(strategy="nonsense"), ValueError, "unknown strategy 'nonsense'"),
    (dict(strategy="sector:brandweer"), ValueError, "no organisation has sector 'brandweer'"),
    (dict(strategy="layer:water"), KeyError, "unknown layer 'water'"),
    (dict(strategy=["om", "nope"]), KeyError, "unknown listed organisation 'nope'"),
    (dict(steps=22), ValueError, "steps=22 is more than the network's 21 organisations"),
    (dict(strategy="sector:reclassering", steps=4), ValueError, "organisations of sector 'reclassering'"),
    (dict(measures="throughput"), ValueError, "measure 'throughput' needs a chain"),
    (dict(measures="speed"), ValueError, "unknown measure 'speed'"),
    (dict(runs=0), ValueError, "runs must be a positive integer"),
    (dict(chain="bestuursrecht", measures="reachability"), KeyError, "unknown chain 'bestuursrecht'"),
    (dict(strategy="layer:it", steps=2), ValueError, "a failing layer is one step"),
])
def test_simulate_bad_input(call, error, message):
    net = kn.examples.load("strafrechtketen")
    kw = dict(progress=False)
    kw.update(call)
    with pytest.raises(error, match=message):
        kn.resilience.simulate(net, **kw)


def test_vulnerability_bad_input():
    net = kn.examples.load("strafrechtketen")
    with pytest.raises(ValueError, match="needs a chain"):
        kn.resilience.vulnerability(net, "throughput")
    with pytest.raises(ValueError, match="measure must be one of"):
        kn.resilience.vulnerability(net, "expected_lead_time", chain="strafrechtketen")


# ----------------------------------------------------------------------------- null models

@pytest.mark.parametrize("name", ["karate", "florentine-oriented", "strafrechtketen"])
def test_null_models(name):
    net, _, _ = graph(name)
    conf = kn.resilience.null_model(net, "configuration", seed=3)
    assert conf.number_of_relations() == net.number_of_relations()
    for layer, directed in ((name, l.directed) for name, l in net.layers.items()):
        def deg(x, cols):
            r = x.relations[x.relations.layer == layer]
            return pd.concat([r[c] for c in cols]).value_counts().sort_index()
        ends = [["source"], ["target"]] if directed else [["source", "target"]]
        for cols in ends:
            pd.testing.assert_series_equal(deg(conf, cols), deg(net, cols))
    assert not conf.relations[["source", "target"]].equals(net.relations[["source", "target"]])
    assert kn.resilience.null_model(net, "configuration", seed=3) == conf
    er = kn.resilience.null_model(net, "erdos_renyi", seed=3)
    rel = er.relations
    assert len(rel) == net.number_of_relations()
    assert (rel.source != rel.target).all()
    assert not rel.duplicated(["source", "target", "layer"]).any()
    assert er.chains == net.chains
    with pytest.raises(ValueError, match="kind must be"):
        kn.resilience.null_model(net, "barabasi")


def test_read_against_chance():
    net = kn.examples.load("strafrechtketen")
    real = kn.resilience.simulate(net, "betweenness", recompute=True, progress=False)
    rnd = [kn.resilience.simulate(kn.resilience.null_model(net, "configuration", seed=s),
                                  "betweenness", recompute=True, progress=False)
           for s in range(3)]
    for r in rnd:
        assert 0 < r.robustness["largest_component"] < 0.5
    assert 0 < real.robustness["largest_component"] < 0.5
