#!/usr/bin/env python3
"""Time kn.brokerage's constraint, effective size and Gould-Fernandez brokerage against
NetworkX, igraph and R's sna on the same generated graphs; the run is added to
benchmarks/results.json and benchmarks/RESULTS.md regenerated (report.py).

Usage::

    python3 benchmarks/bench_brokerage.py --quick      # a check, under a minute, nothing saved
    python3 benchmarks/bench_brokerage.py --sizes 1000,10000,100000 [--repeat 3] [--threads 0]

Graphs: ``harness.random_network`` (seed 1), 5 arcs per organisation, directed and
undirected (mean degree 5), 10 sectors assigned at random. Every result is checked against
ketennet's before a time is reported (1e-9 absolute). Times: ``harness.timed``, best of
``--repeat`` runs.

* constraint: ketennet ``kn.brokerage.constraint``, timed as repeated calls on one network
  (its view keeps the mutual adjacency it builds on the first call, see
  include/ketennet/view/derived.hpp) and, in the row "first call on a view", on fresh
  copies of the network (view and result index built untimed, adjacency built in the
  call); NetworkX ``constraint`` (its sparse-matrix
  path, all organisations, at every size); igraph ``Graph.constraint`` (undirected only: for
  directed graphs igraph's conventions differ from Burt's/NetworkX's mutual weights, so it is
  not comparable there).
* effective size: ketennet ``kn.brokerage.effective_size``; NetworkX ``effective_size`` (its
  default sparse-matrix path, timed as users call it; on directed graphs its result is wrong,
  see tests/python/test_brokerage.py, so ketennet is checked against the node-by-node path).
  From ``--sample-above`` organisations (default 50,000) that path cannot run: it builds a
  dense n x n array (80 GB at 10^5). NetworkX is then timed on a sample of organisations
  through ``effective_size(G, nodes=sample)`` (its node-by-node path, the only one it offers
  there; for undirected unweighted graphs Borgatti's formula via ``ego_graph``), scaled
  per organisation to n, and ketennet's values are checked on that sample. The table marks
  these rows "(sampled)". (igraph and NetworKit have no effective size.)
  ``structural_holes`` computes all four measures at once.
* Gould-Fernandez: ketennet ``kn.brokerage.gould_fernandez``; R ``sna::brokerage`` on an sna
  edge list (so that R needs no dense n x n matrix), timed inside R with ``system.time`` (R
  start-up and file reading excluded); no Python peer. Above ``--r-max`` organisations
  (default 10,000) R is not run: sna::brokerage grows its result with ``rbind`` one
  organisation at a time, quadratic in n.

From ``--sample-above`` organisations the peers run once (``--repeat`` applies to ketennet).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

import ketennet as kn

import harness
import report
from harness import Run, best, log, timed

nx = harness.optional("networkx")
ig = harness.optional("igraph")

AREA = "brokerage"


def r_brokerage(s, t, sectors, n, directed, repeat):
    """(seconds, raw brokerage counts) of R sna::brokerage, or (None, None) without R/sna."""
    rscript = shutil.which("Rscript")
    if rscript is None:
        return None, None
    with tempfile.TemporaryDirectory() as d:
        arcs = np.column_stack([s, t]) + 1
        if not directed:
            arcs = np.vstack([arcs, arcs[:, ::-1]])
        np.savetxt(os.path.join(d, "e"), arcs, fmt="%d")
        with open(os.path.join(d, "cl"), "w") as f:
            f.write("\n".join(sectors) + "\n")
        # an sna edge list (sender, receiver, value; attribute n), as sna's own
        # as.edgelist.sna makes from a matrix
        script = (f"suppressMessages(library(sna)); e <- as.matrix(read.table('{d}/e'));"
                  f"g <- cbind(e, 1); attr(g, 'n') <- {n}; cl <- readLines('{d}/cl');"
                  f"ts <- sapply(1:{repeat}, function(i) system.time(b <<- brokerage(g, cl))[['elapsed']]);"
                  f"cat(min(ts), '\\n'); write.table(b$raw.nli, '{d}/raw', row.names=FALSE, col.names=FALSE)")
        r = subprocess.run([rscript, "--vanilla", "-e", script], capture_output=True, text=True)
        if r.returncode != 0:
            if "there is no package called" in r.stderr:
                return None, None
            raise RuntimeError(r.stderr)
        raw = np.loadtxt(os.path.join(d, "raw"))
    return float(r.stdout.split()[0]), raw[:, [0, 1, 3, 2, 4, 5]]


class Size:
    """One generated network and every library's graph of it; one method per operation."""

    def __init__(self, args, run: Run, n: int, directed: bool):
        self.args, self.run, self.n, self.directed = args, run, n, directed
        self.net_ = harness.random_network(n, directed, seed=1, layer="L", weights=())
        self.net = kn.from_pandas(self.net_.orgs, self.net_.rels, directed=directed)
        self.net.view()  # build the view once (cached), as the other libraries' graphs are
        self.graph = "directed" if directed else "undirected"
        self.big = n > args.sample_above
        self.peer_repeat = 1 if self.big else args.repeat
        edges = list(zip(self.net_.s.tolist(), self.net_.t.tolist()))
        self.G = self.g = None
        if nx is not None:
            self.G = (nx.DiGraph if directed else nx.Graph)()
            self.G.add_nodes_from(range(n))
            self.G.add_edges_from(edges)
        if ig is not None:
            self.g = ig.Graph(n=n, edges=edges, directed=directed)

    def record(self, op, lib, tm, **kw):
        self.run.timing(self.graph, self.n, self.net_.m, op, lib, tm, **kw)

    def check(self, op, text):
        self.run.check(self.graph, self.n, op, text, True)

    def constraint(self) -> None:
        """Repeated calls on one network, the first call on a view, the peers."""
        a, net, T, n = self.args, self.net, self.args.threads, self.n
        tk = best(lambda: kn.brokerage.constraint(net, threads=T), a.repeat)
        c = tk.first.to_numpy()
        self.record("constraint", "ketennet", tk, mode="warm")

        def fresh_view():
            # the first call on a view also builds the mutual adjacency that the view then
            # keeps (View::derived): fresh copies of the network, view and result index
            # built untimed
            fresh = net.copy()
            fresh.view()
            fresh._id_index()
            return fresh
        self.record("constraint", "ketennet",
                    timed(lambda f: kn.brokerage.constraint(f, threads=T), fresh_view,
                          a.repeat, a.budget), mode="first call on a view")
        checked = []
        if self.G is not None:
            tp = best(lambda: nx.constraint(self.G), self.peer_repeat)
            assert np.allclose(c, [tp.first[i] for i in range(n)], atol=1e-9, equal_nan=True)
            self.record("constraint", "networkx", tp)
            checked.append("nx")
        if self.g is not None and not self.directed:
            tp = best(lambda: self.g.constraint(), self.peer_repeat)
            assert np.allclose(c, tp.first, atol=1e-9, equal_nan=True)
            self.record("constraint", "igraph", tp)
            checked.append("ig")
        if checked:
            self.check("constraint", f"OK: {', '.join(checked)} max|Δ| ≤ 1e-9")

    def effective_size(self) -> None:
        a, n, G, directed = self.args, self.n, self.G, self.directed
        tk = best(lambda: kn.brokerage.effective_size(self.net, threads=a.threads), a.repeat)
        e = tk.first.to_numpy()
        self.record("effective_size", "ketennet", tk, mode="warm")
        if G is None:
            return
        if self.big:
            # the sparse path needs a dense n x n array: time the node-by-node path on a
            # sample (evenly spread, until --sample-seconds) and scale per organisation
            sample = np.linspace(0, n - 1, a.sample).astype(int).tolist()
            ref, t0 = {}, time.perf_counter()
            for v in sample:
                ref.update(nx.effective_size(G, nodes=[v]))
                if time.perf_counter() - t0 > a.sample_seconds:
                    break
            scaled = (time.perf_counter() - t0) / len(ref) * n
            got, exp = e[list(ref)], np.array(list(ref.values()))
            # on a digraph NetworkX's node-by-node path gives NaN to an organisation without
            # successors (it tests G[v], the out-neighbours): compare the others
            ok = ~np.isnan(exp) if directed else np.ones(len(exp), bool)
            assert np.allclose(got[ok], exp[ok], atol=1e-9, equal_nan=True)
            self.run.case(self.graph, n, self.net_.m, "effective_size", "networkx", scaled,
                          runs=1, note=f"sampled: node-by-node path on {len(ref)} "
                                       "organisations, scaled per organisation to n")
            self.check("effective_size", f"OK: nx on the {len(ref)} sampled organisations")
            return
        tp = best(lambda: nx.effective_size(G), a.repeat)
        if directed:
            # NetworkX 3.6's default (sparse-matrix) path divides by the wrong row maximum
            # when mutual weights differ (directed graphs): check against its node-by-node
            # path, which follows the definition, on 100 organisations
            k = min(100, n)
            ref = nx.effective_size(G, nodes=list(range(k)))
            exp = np.array([ref[i] for i in range(k)])
            ok = ~np.isnan(exp)
            assert np.allclose(e[:k][ok], exp[ok], atol=1e-9)
            text = f"OK: nx node-by-node path on {k} organisations"
        else:
            assert np.allclose(e, [tp.first[i] for i in range(n)], atol=1e-9, equal_nan=True)
            text = "OK: nx max|Δ| ≤ 1e-9"
        self.record("effective_size", "networkx", tp)
        self.check("effective_size", text)

    def structural_holes(self) -> None:
        self.record("structural_holes (all four)", "ketennet",
                    best(lambda: kn.brokerage.structural_holes(self.net, threads=self.args.threads),
                         self.args.repeat), mode="warm")

    def gould_fernandez(self) -> None:
        """Against R sna (no Python peer)."""
        a, n = self.args, self.n
        tk = best(lambda: kn.brokerage.gould_fernandez(self.net, threads=a.threads), a.repeat)
        self.record("gould_fernandez", "ketennet", tk, mode="warm")
        if n > a.r_max:
            return
        tr, braw = r_brokerage(self.net_.s, self.net_.t, self.net_.orgs["sector"].tolist(), n,
                               self.directed, self.peer_repeat)
        if braw is None:
            return
        assert np.array_equal(tk.first.raw.to_numpy(), braw)
        self.run.case(self.graph, n, self.net_.m, "gould_fernandez", "R sna", tr,
                      runs=self.peer_repeat)
        self.check("gould_fernandez", "OK: sna raw counts equal")
        log(f"  {self.graph:<10} n={n:<7} gould_fernandez R sna {harness.fmt_s(tr)} s")

    def measure(self) -> None:
        self.constraint()
        self.effective_size()
        self.structural_holes()
        self.gould_fernandez()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=None, help="default 1000,10000,100000; --quick: 1000")
    ap.add_argument("--sample-above", type=int, default=50000)
    ap.add_argument("--sample", type=int, default=200,
                    help="organisations timed by NetworkX's node-by-node path (at most)")
    ap.add_argument("--sample-seconds", type=float, default=60.0,
                    help="stop the node-by-node sample after this long")
    ap.add_argument("--r-max", type=int, default=10000)
    harness.add_common_arguments(ap, threads=0)
    args = ap.parse_args(argv)
    harness.apply_common(args)
    sizes = [int(float(x)) for x in (args.sizes or ("1000" if args.quick else
                                                    "1000,10000,100000")).split(",") if x]
    run = Run(AREA, "bench_brokerage.py", argv, ("networkx", "igraph"),
              {"repeat": args.repeat, "threads": args.threads or "all", "sizes": sizes,
               "sample_above": args.sample_above, "r_max": args.r_max})
    for n in sizes:
        for directed in (True, False):
            Size(args, run, n, directed).measure()
    report.publish(run, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
