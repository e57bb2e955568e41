#!/usr/bin/env python3
"""Time ketennet.resilience.simulate against the same removal loops written with NetworkX and
igraph; the run is added to benchmarks/results.json and benchmarks/RESULTS.md regenerated
(report.py).

Usage::

    python3 benchmarks/bench_resilience.py --quick    # a check, under a minute, nothing saved
    python3 benchmarks/bench_resilience.py [--threads 2] [--nx-runs 2] [--ig-runs 20]

Networks: ``harness.random_network``, undirected, with the stated number of ties (seeds 1,
2 and 3). Cases:

1. random failure, largest-component measure: 1,000 runs to complete removal on a
   1,000-organisation network with 2,500 ties. Peers: each run removes
   the organisations one by one in a random order and recomputes the largest connected
   component after every removal (NetworkX ``connected_components``; igraph
   ``connected_components().giant()``).
2. recomputed-betweenness attack: 100 runs on a 300-organisation network with 750 ties; after every removal the betweenness of the survivors is recomputed and the
   highest is removed next, the largest component recorded. Peers: NetworkX
   ``betweenness_centrality``, igraph ``betweenness``. The attack is deterministic, so the
   100 runs are one run repeated: ketennet computes it once and copies it (the peers' loops
   compute it every time), so this row measures what a user waits for, not the kernels.
3. the same attack, one run, on that network and on sparser ones (m = 1.5 n and 1.2 n, the
   density of the chain networks in the examples): this row compares the per-run work.
   ketennet re-runs Brandes only on the component that lost an organisation, block by block
   (biconnected components), with the sources of large blocks on both threads; igraph
   recomputes every organisation's betweenness.

The peer loops are slow, so each is timed over a few runs (``--nx-runs``, ``--ig-runs``) and
scaled to the full count (runs are independent and alike). ketennet runs the full count.
``--quick`` runs 100 random failures (1 NetworkX and 2 igraph runs) and the one-run attack on
the sparser 300-organisation network.
Every peer run is checked: the curves of its first run must equal ketennet's curve for the
same removal order (random: replayed order; attack: the same deterministic order).
"""
from __future__ import annotations

import argparse
import sys

import numpy as np

import ketennet as kn

import harness
import report
from harness import Run, best, log

nx = harness.optional("networkx")
ig = harness.optional("igraph")

AREA = "resilience"


def make(n, m, seed):
    net_ = harness.random_network(n, False, seed, layer="L", weights=(), attributes=False, m=m)
    net = kn.from_pandas(net_.orgs, net_.rels, directed=False)
    ids = net_.ids
    assert list(net.ids) == ids
    G = nx.Graph()
    G.add_nodes_from(ids)
    G.add_edges_from(zip(net_.rels["source"], net_.rels["target"]))
    g = ig.Graph(n=n, edges=list(zip(net_.s.tolist(), net_.t.tolist())))
    return net, G, g, ids, {v: i for i, v in enumerate(ids)}

def nx_random_run(G, order, n):
    H = G.copy()
    out = [max(len(c) for c in nx.connected_components(H)) / n]
    for v in order:
        H.remove_node(v)
        out.append(max((len(c) for c in nx.connected_components(H)), default=0) / n)
    return out


def ig_random_run(g, order_idx, n):
    h = g.copy()
    h.vs["k"] = list(range(n))
    out = [h.connected_components().giant().vcount() / n]
    for v in order_idx:
        h.delete_vertices(h.vs.find(k=v).index)
        out.append(h.connected_components().giant().vcount() / n if h.vcount() else 0.0)
    return out


def _pick(scores, keys):
    best = max(scores)
    thr = best - 1e-9 * max(1.0, abs(best))
    return min((k for s, k in zip(scores, keys) if s >= thr))


def nx_attack_run(G, n, index):
    H = G.copy()
    out = [max(len(c) for c in nx.connected_components(H)) / n]
    order = []
    while H.number_of_nodes():
        b = nx.betweenness_centrality(H, normalized=False)
        nodes = list(b)
        v = nodes[[index[x] for x in nodes].index(_pick([b[x] for x in nodes], [index[x] for x in nodes]))]
        order.append(v)
        H.remove_node(v)
        out.append(max((len(c) for c in nx.connected_components(H)), default=0) / n)
    return order, out


def ig_attack_run(g, n):
    h = g.copy()
    h.vs["k"] = list(range(n))
    out = [h.connected_components().giant().vcount() / n]
    order = []
    while h.vcount():
        b = h.betweenness()
        k = h.vs["k"]
        v = _pick(b, k)
        order.append(v)
        h.delete_vertices(k.index(v))
        out.append(h.connected_components().giant().vcount() / n if h.vcount() else 0.0)
    return order, out


class Cases:
    """The three groups of cases; ``record`` adds one library's time to the run."""

    def __init__(self, a, run: Run, nx_runs: int, ig_runs: int):
        self.a, self.run, self.nx_runs, self.ig_runs = a, run, nx_runs, ig_runs

    def record(self, n, m, op, lib, seconds, runs, note=None):
        self.run.case("undirected", n, m, op, lib, seconds, runs=runs, note=note)
        log(f"  n={n:<5} m={m:<5} {op:<48} {lib:<9} {harness.fmt_s(seconds):>9} s")

    def random_failure(self) -> None:
        a, nx_runs, ig_runs = self.a, self.nx_runs, self.ig_runs
        n, m, runs = 1000, 2500, (100 if a.quick else 1000)
        op = f"random failure, largest component, {runs:,} runs"
        net, G, g, ids, index = make(n, m, 1)
        tk = best(lambda: kn.resilience.simulate(net, "random", "largest_component", runs=runs,
                                                 seed=0, threads=a.threads, progress=False), 1)
        orders, curve = tk.first.orders, tk.first.curve()
        self.record(n, m, op, "ketennet", tk.best, tk.runs,
                    f"{nx_runs} NetworkX and {ig_runs} igraph runs, scaled to {runs:,}")
        tp = best(lambda: [nx_random_run(G, list(orders.loc[r]), n) for r in range(nx_runs)], 1)
        assert np.allclose(tp.first[0], curve[0].to_numpy(), atol=1e-12), "NetworkX curve differs"
        self.record(n, m, op, "networkx", tp.best / nx_runs * runs, 1)
        tp = best(lambda: [ig_random_run(g, [index[v] for v in orders.loc[r]], n)
                           for r in range(ig_runs)], 1)
        assert np.allclose(tp.first[0], curve[0].to_numpy(), atol=1e-12), "igraph curve differs"
        self.record(n, m, op, "igraph", tp.best / ig_runs * runs, 1)
        self.run.check("undirected", n, op,
                       "OK: the first run's curve of each peer equals ketennet's", True)

    def attack_runs(self) -> None:
        """100 runs of the recomputed betweenness attack (deterministic: ketennet computes
        one)."""
        a = self.a
        n, m, runs = 300, 750, 100
        op = "recomputed-betweenness attack, 100 runs"
        net, G, g, ids, index = make(n, m, 2)
        tk = best(lambda: kn.resilience.simulate(net, "betweenness", "largest_component",
                                                 recompute=True, runs=runs, threads=a.threads,
                                                 progress=False), 1)
        sim = tk.first
        k_nx, k_ig = max(1, self.nx_runs // 2), max(1, self.ig_runs // 4)
        self.record(n, m, op, "ketennet", tk.best, tk.runs,
                    f"{k_nx} NetworkX and {k_ig} igraph runs, scaled to {runs}")
        tp = best(lambda: [nx_attack_run(G, n, index) for _ in range(k_nx)], 1)
        order, ref = tp.first[0]
        assert order == list(sim.orders.loc[0]), "NetworkX attack order differs"
        assert np.allclose(ref, sim.curve()[0].to_numpy(), atol=1e-12)
        self.record(n, m, op, "networkx", tp.best / k_nx * runs, 1)
        tp = best(lambda: [ig_attack_run(g, n) for _ in range(k_ig)], 1)
        order, ref = tp.first[0]
        assert [ids[v] for v in order] == list(sim.orders.loc[0]), "igraph attack order differs"
        self.record(n, m, op, "igraph", tp.best / k_ig * runs, 1)
        self.run.check("undirected", n, op, "OK: each peer's order and curve equal ketennet's",
                       True)

    def attack_one_run(self, n: int, m: int) -> None:
        """One attack run: the per-run work."""
        a = self.a
        op = "recomputed-betweenness attack, one run"
        net, G, g, ids, index = make(n, m, 3)
        tk = best(lambda: kn.resilience.simulate(net, "betweenness", "largest_component",
                                                 recompute=True, threads=a.threads,
                                                 progress=False), a.repeat)
        sim = tk.first
        tp = best(lambda: ig_attack_run(g, n), 1)
        order, ref = tp.first
        assert [ids[v] for v in order] == list(sim.orders.loc[0]), "igraph attack order differs"
        assert np.allclose(ref, sim.curve()[0].to_numpy(), atol=1e-12)
        nx_note = "NetworkX not run (minutes)"
        if n <= 300:
            tn = best(lambda: nx_attack_run(G, n, index), 1)
            assert tn.first[0] == list(sim.orders.loc[0]), "NetworkX attack order differs"
            nx_note = "1 NetworkX run"
        self.record(n, m, op, "ketennet", tk.best, tk.runs,
                    f"{nx_note}, 1 igraph run; ketennet best of {a.repeat}")
        if n <= 300:
            self.record(n, m, op, "networkx", tn.best, 1)
        self.record(n, m, op, "igraph", tp.best, 1)
        self.run.check("undirected", n, op, "OK: each peer's order and curve equal ketennet's",
                       True)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nx-runs", type=int, default=None, help="default 2; --quick: 1")
    ap.add_argument("--ig-runs", type=int, default=None, help="default 20; --quick: 2")
    harness.add_common_arguments(ap)
    a = ap.parse_args(argv)
    harness.apply_common(a)
    if nx is None or ig is None:
        raise SystemExit("bench_resilience.py needs networkx and python-igraph")
    nx_runs = a.nx_runs or (1 if a.quick else 2)
    ig_runs = a.ig_runs or (2 if a.quick else 20)
    run = Run(AREA, "bench_resilience.py", argv, ("networkx", "igraph"),
              {"threads": a.threads, "nx_runs": nx_runs, "ig_runs": ig_runs})
    cases = Cases(a, run, nx_runs, ig_runs)
    cases.random_failure()
    if not a.quick:
        cases.attack_runs()
    sizes = ((300, 450),) if a.quick else ((300, 750), (300, 450), (1000, 1500), (1000, 1200))
    for n, m in sizes:
        cases.attack_one_run(n, m)
    report.publish(run, a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
