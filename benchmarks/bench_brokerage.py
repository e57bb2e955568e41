#!/usr/bin/env python3
"""Time kn.brokerage's constraint, effective size and Gould-Fernandez brokerage against
NetworkX, igraph and R's sna on the same generated graphs, and write
benchmarks/RESULTS_BROKERAGE.md (a separate file, like RESULTS_FLOW.md, because run.py
regenerates RESULTS.md).

Usage::

    python3 benchmarks/bench_brokerage.py --sizes 1000 [--repeat 3] [--threads 2]

Graphs: uniform random simple graphs with 5 arcs per organisation, directed and undirected
(mean degree 5), no self-loops, 10 sectors assigned at random. Every result is checked
against ketennet's before a time is reported (1e-9 absolute). Times are seconds per call,
the best of ``--repeat`` runs.

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
import datetime as _dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

import ketennet as kn

HERE = os.path.dirname(os.path.abspath(__file__))
SECTORS = np.array(["politie", "om", "rechtspraak", "cjib", "dji", "reclassering", "nifp",
                    "rvdk", "halt", "gemeente"], dtype=object)


def generate(n: int, directed: bool, seed: int = 1):
    rng = np.random.default_rng([seed, n, int(directed)])
    m = 5 * n if directed else 5 * n // 2
    s = rng.integers(0, n, int(m * 1.3) + 100)
    t = rng.integers(0, n, int(m * 1.3) + 100)
    keep = s != t
    s, t = s[keep], t[keep]
    lo, hi = (s, t) if directed else (np.minimum(s, t), np.maximum(s, t))
    _, first = np.unique(lo.astype(np.int64) * n + hi, return_index=True)
    first = np.sort(first)[:m]
    return lo[first], hi[first], SECTORS[rng.integers(0, len(SECTORS), n)]


def best(fn, repeat, warm=0.2):
    """Best of ``repeat`` timed calls, after untimed calls for ``warm`` seconds (at least
    one, at most 50) when ``repeat`` > 1: every library is timed in its steady state (the
    first calls of a sub-millisecond kernel run up to 3x slower while caches, branch
    predictors and the clock warm up)."""
    times, out = [], None
    if repeat > 1:
        t0 = time.perf_counter()
        for _ in range(50):
            fn()
            if time.perf_counter() - t0 > warm:
                break
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def r_brokerage(s, t, sectors, n, directed, repeat):
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
            raise RuntimeError(r.stderr)
        raw = np.loadtxt(os.path.join(d, "raw"))
    return float(r.stdout.split()[0]), raw[:, [0, 1, 3, 2, 4, 5]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--sample-above", type=int, default=50000)
    ap.add_argument("--sample", type=int, default=200,
                    help="organisations timed by NetworkX's node-by-node path (at most)")
    ap.add_argument("--sample-seconds", type=float, default=60.0,
                    help="stop the node-by-node sample after this long")
    ap.add_argument("--r-max", type=int, default=10000)
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS_BROKERAGE.md"))
    args = ap.parse_args(argv)
    load_before = os.getloadavg()[0]
    rows = []
    for n in map(int, args.sizes.split(",")):
        for directed in (True, False):
            s, t, sectors = generate(n, directed)
            ids = [f"o{i}" for i in range(n)]
            orgs = pd.DataFrame({"id": ids, "sector": sectors})
            rels = pd.DataFrame({"source": [ids[i] for i in s], "target": [ids[i] for i in t],
                                 "layer": "L"})
            net = kn.from_pandas(orgs, rels, directed=directed)
            G = (nx.DiGraph if directed else nx.Graph)()
            G.add_nodes_from(range(n))
            G.add_edges_from(zip(s.tolist(), t.tolist()))
            g = ig.Graph(n=n, edges=list(zip(s.tolist(), t.tolist())), directed=directed)
            variant = "directed" if directed else "undirected"
            net.view()  # build the view once (cached), as the other libraries' graphs are
            big = n > args.sample_above
            prep = 1 if big else args.repeat
            tk, c = best(lambda: kn.brokerage.constraint(net, threads=args.threads), args.repeat)
            tn, cn = best(lambda: nx.constraint(G), prep)
            assert np.allclose(c.to_numpy(), [cn[i] for i in range(n)], atol=1e-9, equal_nan=True)
            row = {"n": n, "variant": variant, "op": "constraint", "ketennet": tk, "networkx": tn}
            if not directed:
                ti, ci = best(lambda: g.constraint(), prep)
                assert np.allclose(c.to_numpy(), ci, atol=1e-9, equal_nan=True)
                row["igraph"] = ti
            rows.append(row)
            # the first call on a view also builds the mutual adjacency that the view then
            # keeps (View::derived): timed on fresh copies of the network, view built untimed
            cold = []
            for _ in range(args.repeat):
                fresh = net.copy()
                fresh.view()
                fresh._id_index()  # the results' index, also built once per network
                t0 = time.perf_counter()
                kn.brokerage.constraint(fresh, threads=args.threads)
                cold.append(time.perf_counter() - t0)
            rows.append({**row, "op": "constraint, first call on a view", "ketennet": min(cold)})
            tk, e = best(lambda: kn.brokerage.effective_size(net, threads=args.threads), args.repeat)
            if big:
                # the sparse path needs a dense n x n array: time the node-by-node path on a
                # sample (evenly spread, until --sample-seconds) and scale per organisation
                sample = np.linspace(0, n - 1, args.sample).astype(int).tolist()
                ref, t0 = {}, time.perf_counter()
                for v in sample:
                    ref.update(nx.effective_size(G, nodes=[v]))
                    if time.perf_counter() - t0 > args.sample_seconds:
                        break
                tn = (time.perf_counter() - t0) / len(ref) * n
                got = e.to_numpy()[list(ref)]
                exp = np.array(list(ref.values()))
                # on a digraph NetworkX's node-by-node path gives NaN to an organisation
                # without successors (it tests G[v], the out-neighbours): compare the others
                ok = ~np.isnan(exp) if directed else np.ones(len(exp), bool)
                assert np.allclose(got[ok], exp[ok], atol=1e-9, equal_nan=True)
                rows.append({"n": n, "variant": variant, "op": "effective_size",
                             "ketennet": tk, "networkx": tn, "sample": len(ref)})
            else:
                tn, en = best(lambda: nx.effective_size(G), args.repeat)
                if directed:
                    # NetworkX 3.6's default (sparse-matrix) path divides by the wrong row
                    # maximum when mutual weights differ (directed graphs): check against its
                    # node-by-node path, which follows the definition, on 100 organisations
                    ref = nx.effective_size(G, nodes=list(range(100)))
                    got = e.to_numpy()[:100]
                    exp = np.array([ref[i] for i in range(100)])
                    ok = ~np.isnan(exp)
                    assert np.allclose(got[ok], exp[ok], atol=1e-9)
                else:
                    assert np.allclose(e.to_numpy(), [en[i] for i in range(n)], atol=1e-9,
                                       equal_nan=True)
                rows.append({"n": n, "variant": variant, "op": "effective_size", "ketennet": tk,
                             "networkx": tn})
            tk, _ = best(lambda: kn.brokerage.structural_holes(net, threads=args.threads), args.repeat)
            rows.append({"n": n, "variant": variant, "op": "structural_holes (all four)",
                         "ketennet": tk})
            tk, b = best(lambda: kn.brokerage.gould_fernandez(net, threads=args.threads), args.repeat)
            tr, braw = (r_brokerage(s, t, sectors, n, directed, prep) if n <= args.r_max
                        else (None, None))
            if braw is not None:
                assert np.array_equal(b.raw.to_numpy(), braw)
            rows.append({"n": n, "variant": variant, "op": "gould_fernandez", "ketennet": tk,
                         "R sna": tr})
            print(rows[-5:], flush=True)
            del G, g  # before the next (larger) graph
    df = pd.DataFrame(rows)
    load = max(load_before, os.getloadavg()[0])
    machine_note = (
        f"Load average {load:.2f} on {os.cpu_count()} CPUs around the run: a quiet machine."
        if load < 0.75 * (os.cpu_count() or 1) else
        f"**The machine was shared with other jobs (load average {load:.2f} on "
        f"{os.cpu_count()} CPUs), so times are noisy; read the ratios as orders of magnitude.**")
    # the notes under the table (sections "## ...") are kept from the previous file
    kept = ""
    if os.path.exists(args.out):
        old = open(args.out).read()
        if "\n## " in old:
            kept = old[old.index("\n## "):]
    lines = ["# Brokerage benchmarks", "",
             f"Run {_dt.date.today().isoformat()} on {platform.processor() or platform.machine()}, "
             f"{os.cpu_count()} logical CPUs, Python {platform.python_version()}, "
             f"ketennet {kn.__version__}, networkx {nx.__version__}, igraph {ig.__version__}; "
             f"threads={args.threads or 'all'}, best of {args.repeat}. " + machine_note, "",
             "Graphs: uniform random, 5 arcs per organisation, 10 random sectors. Every result "
             "was checked against ketennet's first (constraint and effective size to 1e-9; "
             "brokerage counts exactly against sna).", "",
             f"Above {args.sample_above:,} organisations NetworkX's sparse-matrix effective size "
             "cannot run (it builds a dense n x n array): rows marked (sampled) time its "
             "node-by-node path, `effective_size(G, nodes=...)`, on the stated number of "
             "organisations and scale it per organisation to n; ketennet's values were checked "
             "on that sample. NetworkX's constraint uses its sparse path on all organisations at "
             f"every size. Peers ran once there. R sna ran up to {args.r_max:,} organisations.",
             "",
             "| n | graph | operation | ketennet (s) | NetworkX (s) | igraph (s) | R sna (s) | "
             "NetworkX / ketennet | igraph / ketennet | sna / ketennet |",
             "|---|---|---|---|---|---|---|---|---|---|"]

    def f(x):
        return "" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.4g}"

    for r in df.to_dict("records"):
        k = r["ketennet"]
        get = lambda key: r.get(key) if r.get(key) is not None and not (  # noqa: E731
            isinstance(r.get(key), float) and np.isnan(r.get(key))) else None
        nxt, igt, rt = get("networkx"), get("igraph"), get("R sna")
        op = r["op"] + (f" (sampled: {int(r['sample'])} organisations)" if get("sample") else "")
        lines.append(f"| {r['n']} | {r['variant']} | {op} | {f(k)} | {f(nxt)} | {f(igt)} | "
                     f"{f(rt)} | {f(nxt / k) if nxt else ''} | {f(igt / k) if igt else ''} | "
                     f"{f(rt / k) if rt else ''} |")
    lines += ["", f"Above {args.r_max:,} organisations there is no R sna time: sna::brokerage grows "
              "its result with `rbind` one organisation at a time (quadratic; 33 s per call at "
              "10^4 with a dense matrix, 4 s with an edge list). NetworkX's undirected effective "
              "size above the sampling size is its Borgatti path, which calls "
              "`ego_graph(..., undirected=True)` and so copies the whole graph for every "
              "organisation (about 2 s each at 10^5): only a few organisations fit in the "
              "sample, hence the extreme ratio."]
    with open(args.out, "w") as fh:
        fh.write("\n".join(lines) + "\n" + kept)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
