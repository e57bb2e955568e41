#!/usr/bin/env python3
"""Time ketennet.flow's throughput (max-flow) and global efficiency against NetworkX, igraph
and NetworKit on the same generated graphs, and append a "Flow" section to
benchmarks/RESULTS_FLOW.md.

Usage::

    python3 benchmarks/bench_flow.py [--sizes 1000,10000,100000] [--efficiency-sizes 1000,10000]
                                     [--repeat 3] [--threads 2]

``--sizes`` are the max-flow and vertex-cut sizes; global efficiency (all pairs of shortest
paths, n·m) runs at ``--efficiency-sizes``.

Graphs: uniform random simple graphs with 5 arcs per organisation (directed for max-flow,
undirected with mean degree 5 for efficiency), no self-loops; capacities uniform in [1, 100),
latencies uniform in [1, 30). Every result is checked against ketennet's before a time is
reported (max-flow values to 1e-9 relative, efficiencies to 1e-9 absolute). Times are
seconds per call, the best of ``--repeat`` runs; calls shorter than 0.2 s are looped within a
run. Max-flow times are the mean over the same five (source, sink) pairs.

* ketennet throughput: ``kn.flow.throughput(net, s, t, bottlenecks=False)`` (Boost
  Boykov-Kolmogorov, plus the minimum cut as ties); *warm*: later calls on the network (the
  capacity view and its flow network are kept); *cold*: the first call on a fresh copy of
  the network (copy untimed). Also timed with ``bottlenecks=True`` (a second max-flow, on
  the split network, for the vertex cut).
* NetworkX ``maximum_flow_value`` (preflow-push); igraph ``Graph.maxflow_value``;
  NetworKit ``flow.EdmondsKarp``.
* bottlenecks (minimum vertex cut between s and t, direction respected):
  ``kn.resilience.min_vertex_cut`` (the organisations); NetworkX ``minimum_node_cut`` (the
  organisations); igraph ``Graph.vertex_connectivity(s, t)`` (their number only). Pairs
  joined by a direct tie have no vertex cut: ketennet returns None, NetworkX an empty set,
  igraph -1 (``neighbors="negative"``); the sizes are checked to agree.
* global efficiency: NetworkX ``global_efficiency`` (undirected, unweighted only); igraph and
  NetworKit as the mean of normalised harmonic centrality (the same sum of 1/d over ordered
  pairs divided by n(n-1)), unweighted and weighted by latency.
* local efficiency: NetworkX ``local_efficiency`` (undirected, unweighted); igraph and
  NetworKit have none. Run at ``--sizes`` (it is cheap: one small subgraph per
  organisation).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gc
import os
import platform
import subprocess
import sys
import time

import numpy as np
import pandas as pd

import igraph as ig
import ketennet as kn
import networkit as nk
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ARCS_PER_VERTEX = 5
PAIRS = 5


def generate(n: int, directed: bool, seed: int):
    rng = np.random.default_rng([seed, n, int(directed)])
    m = ARCS_PER_VERTEX * n if directed else ARCS_PER_VERTEX * n // 2
    s = rng.integers(0, n, int(m * 1.3) + 100)
    t = rng.integers(0, n, int(m * 1.3) + 100)
    keep = s != t
    s, t = s[keep], t[keep]
    lo, hi = (s, t) if directed else (np.minimum(s, t), np.maximum(s, t))
    _, first = np.unique(lo.astype(np.int64) * n + hi, return_index=True)
    first = np.sort(first)[:m]
    s, t = s[first], t[first]
    ids = np.array([f"org{i:07d}" for i in range(n)], dtype=object)
    orgs = pd.DataFrame({"id": ids.tolist()})
    rels = pd.DataFrame({"source": ids[s].tolist(), "target": ids[t].tolist(),
                         "layer": "case" if directed else "overleg",
                         "capacity": rng.uniform(1.0, 100.0, m),
                         "latency": rng.uniform(1.0, 30.0, m)})
    return orgs, rels, s, t


def timed(fn, repeat: int):
    """(best seconds per call, result of the first call)."""
    result = fn()
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        loops, t0 = 0, time.perf_counter()
        while True:
            fn()
            loops += 1
            el = time.perf_counter() - t0
            if el >= 0.2 or loops >= 1000:
                break
        best = min(best, el / loops)
    return best, result


def bench_maxflow(n: int, repeat: int):
    orgs, rels, s, t = generate(n, True, seed=1)
    net = kn.from_pandas(orgs, rels, directed=True)
    rng = np.random.default_rng(n)
    # pairs with out-arcs at the source and in-arcs at the sink, so the flow is not trivially 0
    out_deg = np.bincount(s, minlength=n)
    in_deg = np.bincount(t, minlength=n)
    cand_s = np.nonzero(out_deg >= 3)[0]
    cand_t = np.nonzero(in_deg >= 3)[0]
    pairs = []
    while len(pairs) < PAIRS:
        a, b = int(rng.choice(cand_s)), int(rng.choice(cand_t))
        if a != b:
            pairs.append((a, b))
    ids = orgs["id"].tolist()
    G = nx.from_pandas_edgelist(rels, "source", "target", edge_attr=["capacity"],
                                create_using=nx.DiGraph)
    G.add_nodes_from(ids)
    g = ig.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())), directed=True)
    g.es["capacity"] = rels["capacity"].tolist()
    K = nk.Graph(n, weighted=True, directed=True)
    K.addEdges((rels["capacity"].to_numpy(dtype=float), (s, t)))
    K.indexEdges()

    def run_kn(bottlenecks=False):
        return [kn.flow.throughput(net, ids[a], ids[b], bottlenecks=bottlenecks).value
                for a, b in pairs]

    def run_kn_cold():
        fresh = net.copy()
        return [kn.flow.throughput(fresh, ids[a], ids[b], bottlenecks=False).value
                for a, b in pairs[:1]]

    def run_nx():
        return [nx.maximum_flow_value(G, ids[a], ids[b], capacity="capacity") for a, b in pairs]

    def run_ig():
        return [g.maxflow_value(a, b, capacity="capacity") for a, b in pairs]

    def run_nk():
        out = []
        for a, b in pairs:
            ek = nk.flow.EdmondsKarp(K, a, b)
            ek.run()
            out.append(ek.getMaxFlow())
        return out

    def run_kn_cut():
        return [kn.resilience.min_vertex_cut(net, ids[a], ids[b]) for a, b in pairs]

    def run_nx_cut():
        return [nx.minimum_node_cut(G, ids[a], ids[b]) for a, b in pairs]

    def run_ig_cut():
        return [g.vertex_connectivity(a, b, neighbors="negative") for a, b in pairs]

    res = {}
    res["vertex cut: ketennet"], cut_ref = timed(run_kn_cut, repeat)
    sizes = [-1 if c is None else len(c) for c in cut_ref]
    for name, fn, size_of in (("networkx", run_nx_cut, lambda c: len(c) if c else -1),
                              ("igraph", run_ig_cut, int)):
        sec, got = timed(fn, 1 if name == "networkx" else repeat)
        got_sizes = [size_of(c) for c in got]
        # NetworkX's empty set also stands for "no path": ketennet's empty cut
        if name == "networkx":
            got_sizes = [0 if x == -1 and k == 0 else x for x, k in zip(got_sizes, sizes)]
        if got_sizes != sizes:
            raise SystemExit(f"vertex cut n={n}: {name} sizes {got_sizes}, ketennet {sizes}")
        res[f"vertex cut: {name}"] = sec
    res["ketennet warm"], ref = timed(run_kn, repeat)
    res["ketennet + bottlenecks"], _ = timed(lambda: run_kn(True), repeat)
    cold, _ = timed(run_kn_cold, repeat)
    res["ketennet cold (first pair)"] = cold
    for name, fn in (("networkx", run_nx), ("igraph", run_ig), ("networkit", run_nk)):
        sec, got = timed(fn, 1 if name == "networkx" else repeat)
        dev = max(abs(x - y) / max(1.0, abs(y)) for x, y in zip(got, ref))
        if dev > 1e-9:
            raise SystemExit(f"max-flow n={n}: {name} differs from ketennet by {dev:.3g} (relative)")
        res[name] = sec
    per = {k: v / (1 if k.startswith("ketennet cold") else PAIRS) for k, v in res.items()}
    return per, ref, len(rels)


def bench_efficiency(n: int, repeat: int, threads: int, nx_budget: float, nx_est: dict):
    orgs, rels, s, t = generate(n, False, seed=2)
    net = kn.from_pandas(orgs, rels, directed=False)
    G = nx.Graph()
    G.add_nodes_from(orgs["id"])
    G.add_edges_from(zip(rels["source"], rels["target"]))
    g = ig.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())), directed=False)
    g.es["latency"] = rels["latency"].tolist()
    K = nk.Graph(n, weighted=False, directed=False)
    K.addEdges((np.ones(len(s)), (s, t)))
    KW = nk.Graph(n, weighted=True, directed=False)
    KW.addEdges((rels["latency"].to_numpy(dtype=float), (s, t)))
    nk.setNumberOfThreads(threads)

    def nk_eff(graph):
        h = nk.centrality.HarmonicCloseness(graph, normalized=True)
        h.run()
        return float(np.mean(h.scores()))

    out = {}
    for weight in (None, "latency"):
        key = "unweighted" if weight is None else "weight=latency"
        r = {}
        r["ketennet"], ref = timed(lambda: kn.flow.global_efficiency(net, weight=weight, threads=threads, progress=False), repeat)
        r["ketennet 1 thread"], ref1 = timed(lambda: kn.flow.global_efficiency(net, weight=weight, threads=1, progress=False), repeat)
        assert ref1 == ref
        if weight is None:
            est = nx_est.get("t") and nx_est["t"] * (n / nx_est["n"]) ** 2
            if est and est > nx_budget:
                r["networkx"] = f"skipped (est. {est:.0f} s)"
            else:
                sec, got = timed(lambda: nx.global_efficiency(G), 1)
                if abs(got - ref) > 1e-9:
                    raise SystemExit(f"efficiency n={n}: networkx {got} vs ketennet {ref}")
                r["networkx"] = sec
                nx_est.update(t=sec, n=n)
        else:
            r["networkx"] = "n/a"
        sec, got = timed(lambda: float(np.mean(g.harmonic_centrality(weights=weight, normalized=True))), repeat)
        if abs(got - ref) > 1e-9:
            raise SystemExit(f"efficiency n={n} {key}: igraph {got} vs ketennet {ref}")
        r["igraph"] = sec
        sec, got = timed(lambda: nk_eff(K if weight is None else KW), repeat)
        if abs(got - ref) > 1e-9:
            raise SystemExit(f"efficiency n={n} {key}: networkit {got} vs ketennet {ref}")
        r["networkit"] = sec
        out[key] = (r, ref)
    return out, len(rels)


def bench_local_efficiency(n: int, repeat: int, threads: int):
    orgs, rels, s, t = generate(n, False, seed=2)
    net = kn.from_pandas(orgs, rels, directed=False)
    G = nx.Graph()
    G.add_nodes_from(orgs["id"])
    G.add_edges_from(zip(rels["source"], rels["target"]))
    r = {}
    r["ketennet"], ref = timed(lambda: kn.flow.local_efficiency(net, threads=threads), repeat)
    r["ketennet 1 thread"], ref1 = timed(lambda: kn.flow.local_efficiency(net, threads=1), repeat)
    assert ref1 == ref
    sec, got = timed(lambda: nx.local_efficiency(G), 1)
    if abs(got - ref) > 1e-9:
        raise SystemExit(f"local efficiency n={n}: networkx {got} vs ketennet {ref}")
    r["networkx"] = sec
    return r, len(rels)


def fmt(x) -> str:
    if isinstance(x, str):
        return x
    return f"{x:.3g}" if x >= 1e-3 else f"{x:.2e}"


def ratio(peer, kn_time) -> str:
    if isinstance(peer, str):
        return "–"
    return f"{peer / kn_time:.3g}×"


def machine() -> list:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        head = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
    except OSError:
        head = "?"
    return [f"- CPU: {cpu}, {os.cpu_count()} logical CPUs",
            f"- Python {platform.python_version()}; ketennet {kn.__version__} (HEAD {head}), "
            f"NetworkX {nx.__version__}, python-igraph {ig.__version__}, NetworKit {nk.__version__}"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="max-flow and vertex-cut sizes")
    ap.add_argument("--efficiency-sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--nx-budget", type=float, default=300.0,
                    help="skip NetworkX global_efficiency when its estimated time exceeds this (s)")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS_FLOW.md"))
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    eff_sizes = [int(x) for x in args.efficiency_sizes.split(",") if x]
    lines = ["", f"## Flow ({_dt.datetime.now():%Y-%m-%d %H:%M})", "",
             f"`python3 benchmarks/bench_flow.py --sizes {args.sizes} --efficiency-sizes "
             f"{args.efficiency_sizes} --repeat {args.repeat} --threads {args.threads}`; method in the script's docstring. Seconds per call; "
             "ratios are peer time / ketennet time (above 1: ketennet is faster). All results "
             "checked against ketennet's before timing.", ""] + machine()
    flow_rows, eff_rows, local_rows = [], [], []
    nx_est: dict = {}
    for n in sizes:
        per, ref, m = bench_maxflow(n, args.repeat)
        print(f"max-flow n={n} m={m}: " + ", ".join(f"{k} {fmt(v)}" for k, v in per.items()), flush=True)
        flow_rows.append((n, m, per, ref))
        loc, m2 = bench_local_efficiency(n, args.repeat, args.threads)
        print(f"local efficiency n={n} m={m2}: " + ", ".join(f"{k} {fmt(v)}" for k, v in loc.items()),
              flush=True)
        local_rows.append((n, m2, loc))
    for n in eff_sizes:
        eff, m2 = bench_efficiency(n, args.repeat, args.threads, args.nx_budget, nx_est)
        for key, (r, value) in eff.items():
            print(f"efficiency {key} n={n} m={m2}: " + ", ".join(f"{k} {fmt(v)}" for k, v in r.items()),
                  flush=True)
            eff_rows.append((n, m2, key, r, value))
    lines += ["", "### Throughput (max-flow), directed, 5 arcs per organisation, mean of 5 (source, sink) pairs", "",
              "| n | m | ketennet warm | ketennet + bottlenecks | ketennet cold | networkx | igraph | networkit "
              "| nx / kn | ig / kn | nk / kn |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, m, per, _ in flow_rows:
        k = per["ketennet warm"]
        lines.append(f"| {n:,} | {m:,} | {fmt(k)} | {fmt(per['ketennet + bottlenecks'])} | "
                     f"{fmt(per['ketennet cold (first pair)'])} | {fmt(per['networkx'])} | "
                     f"{fmt(per['igraph'])} | {fmt(per['networkit'])} | {ratio(per['networkx'], k)} | "
                     f"{ratio(per['igraph'], k)} | {ratio(per['networkit'], k)} |")
    lines += ["", "### Bottlenecks (minimum vertex cut), directed, the same graphs and pairs", "",
              "| n | m | ketennet | networkx | igraph (size only) | nx / kn | ig / kn |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for n, m, per, _ in flow_rows:
        k = per["vertex cut: ketennet"]
        lines.append(f"| {n:,} | {m:,} | {fmt(k)} | {fmt(per['vertex cut: networkx'])} | "
                     f"{fmt(per['vertex cut: igraph'])} | {ratio(per['vertex cut: networkx'], k)} | "
                     f"{ratio(per['vertex cut: igraph'], k)} |")
    lines += ["", f"### Global efficiency, undirected, mean degree 5 (ketennet and NetworKit on {args.threads} threads)", "",
              "| n | m | weight | ketennet | ketennet 1 thread | networkx | igraph | networkit | nx / kn | ig / kn | nk / kn |",
              "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, m, key, r, _ in eff_rows:
        k = r["ketennet"]
        lines.append(f"| {n:,} | {m:,} | {key} | {fmt(k)} | {fmt(r['ketennet 1 thread'])} | "
                     f"{fmt(r['networkx'])} | {fmt(r['igraph'])} | {fmt(r['networkit'])} | "
                     f"{ratio(r['networkx'], k)} | {ratio(r['igraph'], k)} | {ratio(r['networkit'], k)} |")
    lines += ["", f"### Local efficiency, undirected, unweighted, mean degree 5 (ketennet on {args.threads} threads)", "",
              "| n | m | ketennet | ketennet 1 thread | networkx | nx / kn |",
              "|---:|---:|---:|---:|---:|---:|"]
    for n, m, r in local_rows:
        k = r["ketennet"]
        lines.append(f"| {n:,} | {m:,} | {fmt(k)} | {fmt(r['ketennet 1 thread'])} | "
                     f"{fmt(r['networkx'])} | {ratio(r['networkx'], k)} |")
    text = "\n".join(lines) + "\n"
    new = not os.path.exists(args.out)
    with open(args.out, "a", encoding="utf-8") as f:
        if new:
            f.write("# ketennet flow benchmark results\n\nAppended by `benchmarks/bench_flow.py`, "
                    "newest last.\n")
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
