#!/usr/bin/env python3
"""Time ketennet.resilience.simulate against the same removal loops written with NetworkX and
igraph, and write a "Resilience" section into benchmarks/RESULTS.md.

Usage::

    python3 benchmarks/bench_resilience.py [--threads 2] [--nx-runs 2] [--ig-runs 20]

Cases (the issue's benchmark):

1. random failure, largest-component measure: 1,000 runs to complete removal on a
   1,000-organisation undirected G(n, m) network with 2,500 ties. Peers: each run removes
   the organisations one by one in a random order and recomputes the largest connected
   component after every removal (NetworkX ``connected_components``; igraph
   ``connected_components().giant()``).
2. recomputed-betweenness attack: 100 runs on a 300-organisation undirected G(n, m) network
   with 750 ties; after every removal the betweenness of the survivors is recomputed and the
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
Every peer run is checked: the curves of its first run must equal ketennet's curve for the
same removal order (random: replayed order; attack: the same deterministic order).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import platform
import re
import time

import igraph as ig
import networkx as nx
import numpy as np

import ketennet as kn

HERE = os.path.dirname(os.path.abspath(__file__))


NOTE = ("\n\nThe random-failure case meets the issue's targets (>= 100x NetworkX, >= 10x igraph): "
        "ketennet adds the organisations back in reverse order into a union-find (Newman & Ziff "
        "2000) instead of recomputing components after every removal. The 100-run attack row "
        "meets them because the attack is deterministic and ketennet computes its one run once "
        "(the peers' loops compute it 100 times). Per run (the one-run rows) ketennet does the "
        "same kind of work as igraph, Brandes' O(nm) search after every removal, cut down by "
        "recomputing only the component that lost an organisation, block by block (biconnected "
        "components: sparse networks shatter into small blocks), with a branch-free search, "
        "and on both cores: in the 2026-11-23 quiet runs 97-126x NetworkX and 3.4-3.7x igraph "
        "at n = 300, 6.9-10x igraph on the sparse n = 1,000 networks. 10x igraph on the dense "
        "300-organisation network per run would need dynamic betweenness updates (e.g. Green, "
        "McColl & Bader 2012), whose gains are small when the vertex deleted is the most "
        "central one (on most shortest paths).")


def make(n, m, seed):
    G = nx.gnm_random_graph(n, m, seed=seed)
    G = nx.relabel_nodes(G, {v: f"org{v:04d}" for v in G})
    net = kn.from_networkx(G)
    ids = net.ids
    index = {v: i for i, v in enumerate(ids)}
    g = ig.Graph(n=n, edges=[(index[u], index[v]) for u, v in G.edges()])
    return net, G, g, ids, index


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


def clock(fn):
    t0 = time.perf_counter()
    r = fn()
    return time.perf_counter() - t0, r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--nx-runs", type=int, default=2)
    ap.add_argument("--ig-runs", type=int, default=20)
    ap.add_argument("--output", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--note", default="", help="appended after the thread count, e.g. "
                    "'; the machine was shared with other jobs'")
    a = ap.parse_args()
    rows = []

    # 1. random failure
    n, m, runs = 1000, 2500, 1000
    net, G, g, ids, index = make(n, m, 1)
    t_kn, sim = clock(lambda: kn.resilience.simulate(net, "random", "largest_component", runs=runs,
                                                    seed=0, threads=a.threads, progress=False))
    orders = sim.orders
    curve = sim.curve()
    t, _ = clock(lambda: [nx_random_run(G, list(orders.loc[r]), n) for r in range(a.nx_runs)])
    ref = nx_random_run(G, list(orders.loc[0]), n)
    assert np.allclose(ref, curve[0].to_numpy(), atol=1e-12), "NetworkX curve differs"
    t_nx = t / a.nx_runs * runs
    t, _ = clock(lambda: [ig_random_run(g, [index[v] for v in orders.loc[r]], n)
                          for r in range(a.ig_runs)])
    ref = ig_random_run(g, [index[v] for v in orders.loc[0]], n)
    assert np.allclose(ref, curve[0].to_numpy(), atol=1e-12), "igraph curve differs"
    t_ig = t / a.ig_runs * runs
    rows.append(("random failure, largest component: 1,000 runs, n = 1,000, m = 2,500",
                 t_kn, t_nx, t_ig, f"{a.nx_runs} NetworkX and {a.ig_runs} igraph runs, scaled to 1,000"))

    # 2. recomputed betweenness attack
    n, m, runs = 300, 750, 100
    net, G, g, ids, index = make(n, m, 2)
    t_kn, sim = clock(lambda: kn.resilience.simulate(net, "betweenness", "largest_component",
                                                    recompute=True, runs=runs, threads=a.threads,
                                                    progress=False))
    t, res = clock(lambda: [nx_attack_run(G, n, index) for _ in range(max(1, a.nx_runs // 2))])
    order, ref = res[0]
    assert order == list(sim.orders.loc[0]), "NetworkX attack order differs"
    assert np.allclose(ref, sim.curve()[0].to_numpy(), atol=1e-12)
    t_nx = t / max(1, a.nx_runs // 2) * runs
    k = max(1, a.ig_runs // 4)
    t, res = clock(lambda: [ig_attack_run(g, n) for _ in range(k)])
    order, ref = res[0]
    assert [ids[v] for v in order] == list(sim.orders.loc[0]), "igraph attack order differs"
    t_ig = t / k * runs
    rows.append(("recomputed-betweenness attack: 100 runs, n = 300, m = 750", t_kn, t_nx, t_ig,
                 f"{max(1, a.nx_runs // 2)} NetworkX and {k} igraph runs, scaled to 100"))

    # 3. one attack run, per-run work
    for n, m in ((300, 750), (300, 450), (1000, 1500), (1000, 1200)):
        net, G, g, ids, index = make(n, m, 3)
        best = min(clock(lambda: kn.resilience.simulate(
            net, "betweenness", "largest_component", recompute=True, threads=a.threads,
            progress=False))[0] for _ in range(3))
        sim = kn.resilience.simulate(net, "betweenness", "largest_component", recompute=True,
                                     threads=a.threads, progress=False)
        t_ig, (order, ref) = clock(lambda: ig_attack_run(g, n))
        assert [ids[v] for v in order] == list(sim.orders.loc[0]), "igraph attack order differs"
        assert np.allclose(ref, sim.curve()[0].to_numpy(), atol=1e-12)
        if n <= 300:
            t_nx, (order, ref) = clock(lambda: nx_attack_run(G, n, index))
            assert order == list(sim.orders.loc[0]), "NetworkX attack order differs"
            nx_note = "1 NetworkX run"
        else:
            t_nx, nx_note = float("nan"), "NetworkX not run (minutes)"
        rows.append((f"recomputed-betweenness attack, one run: n = {n:,}, m = {m:,}", best, t_nx,
                     t_ig, f"{nx_note}, 1 igraph run; ketennet best of 3"))

    today = _dt.date.today().isoformat()
    lines = ["## Resilience (benchmarks/bench_resilience.py)", "",
             f"Run {today} on {platform.machine()}, {os.cpu_count()} cores, ketennet with "
             f"{a.threads} threads{a.note}. Peer loops are timed over a few runs and scaled to the full count (see "
             "the script); every peer's first run is checked to give ketennet's curve and order.",
             "", "| case | ketennet s | NetworkX s | igraph s | NetworkX / ketennet | igraph / ketennet | peer runs timed |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for name, k_, x_, i_, note in rows:
        nx_ratio = "–" if x_ != x_ else f"{x_ / k_:,.0f}"
        nx_time = "–" if x_ != x_ else f"{x_:.3g}"
        lines.append(f"| {name} | {k_:.3g} | {nx_time} | {i_:.3g} | {nx_ratio} | {i_ / k_:,.1f} | {note} |")
    section = "\n".join(lines) + NOTE + "\n"
    print(section)
    text = open(a.output).read() if os.path.exists(a.output) else ""
    text = re.sub(r"\n## Resilience \(benchmarks/bench_resilience\.py\).*?(?=\n## |\Z)", "", text,
                  flags=re.S)
    with open(a.output, "w") as f:
        f.write(text.rstrip("\n") + "\n\n" + section)


if __name__ == "__main__":
    main()
