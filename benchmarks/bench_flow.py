#!/usr/bin/env python3
"""Time ketennet.flow's throughput (max-flow), the minimum vertex cut and global and local
efficiency against NetworkX, igraph and NetworKit on the same generated graphs; the run is
added to benchmarks/results.json and benchmarks/RESULTS.md regenerated (report.py).

Usage::

    python3 benchmarks/bench_flow.py --quick       # a check, under a minute, nothing saved
    python3 benchmarks/bench_flow.py [--sizes 1000,10000,100000] [--efficiency-sizes 1000,10000]
                                     [--repeat 3] [--threads 2]

``--sizes`` are the max-flow, vertex-cut and local-efficiency sizes; global efficiency (all
pairs of shortest paths, n·m) runs at ``--efficiency-sizes``.

Graphs: ``harness.random_network``, 5 arcs per organisation (directed for max-flow, seed 1;
undirected with mean degree 5 for efficiency, seed 2); capacities uniform in [1, 100),
latencies uniform in [1, 30). Every result is checked against ketennet's before a time is
reported (max-flow values to 1e-9 relative, efficiencies to 1e-9 absolute). Times:
``harness.timed``, best of ``--repeat``; NetworkX runs once. Max-flow and vertex-cut times
are the mean over the same five (source, sink) pairs.

* ketennet throughput: ``kn.flow.throughput(net, s, t, bottlenecks=False)`` (Boost
  Boykov-Kolmogorov, plus the minimum cut as ties); *warm*: later calls on the network (the
  capacity view and its flow network are kept); *cold*: the first call on a fresh copy of
  the network (copy untimed, first pair only). Also timed with ``bottlenecks=True`` (a second
  max-flow, on the split network, for the vertex cut).
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
  NetworKit have none.
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
nk = harness.optional("networkit")

AREA = "flow"
PAIRS = 5
WEIGHTS = (("capacity", 1.0, 100.0), ("latency", 1.0, 30.0))


def network(n: int, directed: bool, seed: int) -> harness.RandomNetwork:
    return harness.random_network(n, directed, seed, layer="case" if directed else "overleg",
                                  weights=WEIGHTS, attributes=False)


class Flow:
    """The cases of one run: max-flow and vertex cut, global and local efficiency."""

    def __init__(self, args, run: Run):
        self.args, self.run = args, run

    def record(self, graph, n, m, op, lib, t, per=1, **kw):
        c = self.run.case(graph, n, m, op, lib, t.best / per, runs=t.runs, load=t.load, **kw)
        log(f"  {graph:<10} n={n:<7} {op:<36} {lib:<10} {kw.get('mode') or '':<22} "
            f"{harness.fmt_s(c['seconds']):>9} s")

    def maxflow(self, n: int) -> None:
        a = self.args
        net_ = network(n, True, seed=1)
        orgs, rels, s, t = net_.orgs, net_.rels, net_.s, net_.t
        m = net_.m
        net = kn.from_pandas(orgs, rels, directed=True)
        rng = np.random.default_rng(n)
        # pairs with out-arcs at the source and in-arcs at the sink, so the flow is not 0
        cand_s = np.nonzero(np.bincount(s, minlength=n) >= 3)[0]
        cand_t = np.nonzero(np.bincount(t, minlength=n) >= 3)[0]
        pairs = []
        while len(pairs) < PAIRS:
            x, y = int(rng.choice(cand_s)), int(rng.choice(cand_t))
            if x != y:
                pairs.append((x, y))
        ids = net_.ids
        peers = {}
        if nx is not None:
            G = nx.from_pandas_edgelist(rels, "source", "target", edge_attr=["capacity"],
                                        create_using=nx.DiGraph)
            G.add_nodes_from(ids)
            peers["networkx"] = (
                lambda: [nx.maximum_flow_value(G, ids[x], ids[y], capacity="capacity")
                         for x, y in pairs],
                lambda: [nx.minimum_node_cut(G, ids[x], ids[y]) for x, y in pairs],
                lambda c: len(c) if c else -1)
        if ig is not None:
            g = ig.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())), directed=True)
            g.es["capacity"] = rels["capacity"].tolist()
            peers["igraph"] = (
                lambda: [g.maxflow_value(x, y, capacity="capacity") for x, y in pairs],
                lambda: [g.vertex_connectivity(x, y, neighbors="negative") for x, y in pairs],
                int)
        if nk is not None:
            K = nk.Graph(n, weighted=True, directed=True)
            K.addEdges((rels["capacity"].to_numpy(dtype=float), (s, t)))
            K.indexEdges()

            def run_nk():
                out = []
                for x, y in pairs:
                    ek = nk.flow.EdmondsKarp(K, x, y)
                    ek.run()
                    out.append(ek.getMaxFlow())
                return out
            peers["networkit"] = (run_nk, None, None)

        def run_kn(bottlenecks=False):
            return [kn.flow.throughput(net, ids[x], ids[y], bottlenecks=bottlenecks).value
                    for x, y in pairs]

        cut_op, flow_op = "minimum vertex cut, mean of 5 pairs", "max-flow, mean of 5 pairs"
        tk = best(lambda: [kn.resilience.min_vertex_cut(net, ids[x], ids[y]) for x, y in pairs],
                  a.repeat)
        sizes = [-1 if c is None else len(c) for c in tk.first]
        self.record("directed", n, m, cut_op, "ketennet", tk, PAIRS, mode="warm")
        for lib, (_, cut, size_of) in peers.items():
            if cut is None:
                continue
            tp = best(cut, 1 if lib == "networkx" else a.repeat)
            got = [size_of(c) for c in tp.first]
            if lib == "networkx":  # NetworkX's empty set also stands for "no path"
                got = [0 if x == -1 and k == 0 else x for x, k in zip(got, sizes)]
            if got != sizes:
                raise SystemExit(f"vertex cut n={n}: {lib} sizes {got}, ketennet {sizes}")
            self.record("directed", n, m, cut_op, lib, tp, PAIRS,
                        note="size of the cut only" if lib == "igraph" else None)
        self.run.check("directed", n, cut_op, f"OK: cut sizes {sizes} agree", True)
        tk = best(run_kn, a.repeat)
        ref = tk.first
        self.record("directed", n, m, flow_op, "ketennet", tk, PAIRS, mode="warm")
        self.record("directed", n, m, flow_op, "ketennet", best(lambda: run_kn(True), a.repeat),
                    PAIRS, mode="warm, with bottlenecks")
        cold = harness.timed(lambda fresh: kn.flow.throughput(fresh, ids[pairs[0][0]],
                                                              ids[pairs[0][1]]).value,
                             net.copy, a.repeat, a.budget)
        self.record("directed", n, m, flow_op, "ketennet", cold, 1, mode="cold",
                    note="cold: first pair only")
        devs = []
        for lib, (fn, _, _) in peers.items():
            tp = best(fn, 1 if lib == "networkx" else a.repeat)
            dev = max(abs(x - y) / max(1.0, abs(y)) for x, y in zip(tp.first, ref))
            if dev > 1e-9:
                raise SystemExit(f"max-flow n={n}: {lib} differs from ketennet by {dev:.3g} (relative)")
            devs.append(f"{report.PEER_SHORT[lib]} max rel. |Δ|={dev:.1e}")
            self.record("directed", n, m, flow_op, lib, tp, PAIRS)
        self.run.check("directed", n, flow_op, "OK: " + "; ".join(devs), True)

    def efficiency(self, n: int, nx_est: dict) -> None:
        a = self.args
        net_ = network(n, False, seed=2)
        orgs, rels, s, t, m = net_.orgs, net_.rels, net_.s, net_.t, net_.m
        net = kn.from_pandas(orgs, rels, directed=False)
        for weight in (None, "latency"):
            op = "global efficiency, " + ("unweighted" if weight is None else "weight=latency")
            tk = best(lambda: kn.flow.global_efficiency(net, weight=weight, threads=a.threads,
                                                        progress=False), a.repeat)
            ref = tk.first
            self.record("undirected", n, m, op, "ketennet", tk, mode="warm")
            t1 = best(lambda: kn.flow.global_efficiency(net, weight=weight, threads=1,
                                                        progress=False), a.repeat)
            assert t1.first == ref
            self.record("undirected", n, m, op, "ketennet", t1, mode="warm, 1 thread")
            devs = []
            if weight is None and nx is not None:
                est = nx_est.get("t") and nx_est["t"] * (n / nx_est["n"]) ** 2
                if est and est > a.nx_budget:
                    self.run.case("undirected", n, m, op, "networkx", None, estimate=est,
                                  estimated_from=nx_est["n"])
                else:
                    G = nx.Graph()
                    G.add_nodes_from(orgs["id"])
                    G.add_edges_from(zip(rels["source"], rels["target"]))
                    tp = best(lambda: nx.global_efficiency(G), 1)
                    devs.append(self.agree(n, op, "networkx", tp.first, ref))
                    self.record("undirected", n, m, op, "networkx", tp)
                    nx_est.update(t=tp.best, n=n)
            if ig is not None:
                g = ig.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())), directed=False)
                g.es["latency"] = rels["latency"].tolist()
                tp = best(lambda: float(np.mean(g.harmonic_centrality(weights=weight,
                                                                      normalized=True))), a.repeat)
                devs.append(self.agree(n, op, "igraph", tp.first, ref))
                self.record("undirected", n, m, op, "igraph", tp)
            if nk is not None:
                nk.setNumberOfThreads(a.threads)
                K = nk.Graph(n, weighted=weight is not None, directed=False)
                K.addEdges(((np.ones(m) if weight is None else rels["latency"].to_numpy(dtype=float)),
                            (s, t)))

                def nk_eff():
                    h = nk.centrality.HarmonicCloseness(K, normalized=True)
                    h.run()
                    return float(np.mean(h.scores()))
                tp = best(nk_eff, a.repeat)
                devs.append(self.agree(n, op, "networkit", tp.first, ref))
                self.record("undirected", n, m, op, "networkit", tp)
            if devs:
                self.run.check("undirected", n, op, "OK: " + "; ".join(devs), True)

    def local_efficiency(self, n: int) -> None:
        a = self.args
        net_ = network(n, False, seed=2)
        net = kn.from_pandas(net_.orgs, net_.rels, directed=False)
        op = "local efficiency, unweighted"
        tk = best(lambda: kn.flow.local_efficiency(net, threads=a.threads), a.repeat)
        self.record("undirected", n, net_.m, op, "ketennet", tk, mode="warm")
        t1 = best(lambda: kn.flow.local_efficiency(net, threads=1), a.repeat)
        assert t1.first == tk.first
        self.record("undirected", n, net_.m, op, "ketennet", t1, mode="warm, 1 thread")
        if nx is not None:
            G = nx.Graph()
            G.add_nodes_from(net_.ids)
            G.add_edges_from(zip(net_.rels["source"], net_.rels["target"]))
            tp = best(lambda: nx.local_efficiency(G), 1)
            self.run.check("undirected", n, op,
                           "OK: " + self.agree(n, op, "networkx", tp.first, tk.first), True)
            self.record("undirected", n, net_.m, op, "networkx", tp)

    @staticmethod
    def agree(n, op, lib, got, ref) -> str:
        if abs(got - ref) > 1e-9:
            raise SystemExit(f"{op} n={n}: {lib} {got} vs ketennet {ref}")
        return f"{report.PEER_SHORT[lib]} |Δ|={abs(got - ref):.1e}"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=None,
                    help="max-flow, vertex-cut and local-efficiency sizes (default "
                         "1000,10000,100000; --quick: 1000)")
    ap.add_argument("--efficiency-sizes", default=None,
                    help="global-efficiency sizes (default 1000,10000; --quick: 500)")
    ap.add_argument("--nx-budget", type=float, default=300.0,
                    help="skip NetworkX global_efficiency when its estimated time exceeds this (s)")
    harness.add_common_arguments(ap)
    args = ap.parse_args(argv)
    harness.apply_common(args)
    sizes = [int(float(x)) for x in (args.sizes or ("1000" if args.quick else
                                                    "1000,10000,100000")).split(",") if x]
    eff_sizes = [int(float(x)) for x in (args.efficiency_sizes or ("500" if args.quick else
                                                                   "1000,10000")).split(",") if x]
    run = Run(AREA, "bench_flow.py", argv, ("networkx", "igraph", "networkit"),
              {"repeat": args.repeat, "threads": args.threads, "sizes": sizes,
               "efficiency_sizes": eff_sizes})
    bench = Flow(args, run)
    for n in sizes:
        bench.maxflow(n)
        bench.local_efficiency(n)
    nx_est: dict = {}
    for n in eff_sizes:
        bench.efficiency(n, nx_est)
    report.publish(run, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
