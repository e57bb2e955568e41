#!/usr/bin/env python3
"""Benchmark ketennet against NetworkX, igraph and NetworKit on the same generated graphs.

Usage (see benchmarks/README.md)::

    python3 benchmarks/run.py --quick                         # a check, under a minute
    python3 benchmarks/run.py --sizes 1000,10000              # everything, best of 3
    python3 benchmarks/run.py --sizes 100000 --skip-slow      # skip cases estimated > 60 s

Every size is timed for all installed libraries in one process, on the same pandas
DataFrames. Each case's first timed run also provides the result that is checked against
ketennet's before any number is reported. The run is added to ``benchmarks/results.json``
and ``benchmarks/RESULTS.md`` is regenerated from it (``report.py``).
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import math
import sys
import time
import types
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

import ketennet as kn

import harness
import report
from centrality_libs import available, nk
from harness import Quiet, Run, Store, Timing, log, timed

AREA = "centrality"
LIBS = ("ketennet", "networkx", "igraph", "networkit")
SHORT = {"ketennet": "kn", "networkx": "nx", "igraph": "ig", "networkit": "nk"}
VARIANTS = ("directed", "undirected")
SEED = 20240601

# ---------------------------------------------------------------------------- operations


@dataclasses.dataclass(frozen=True)
class Operation:
    """One row of the table: the variant it runs on (None: both), how results are compared
    (``check``) and the cost model that extrapolates a skipped case (``cost``)."""

    only: Optional[str]
    check: str
    cost: str


#: check kinds: summary (n, m, total volume), exact, scalar (|Δ| ≤ TOL_SCALAR), points (sets
#: of ids), modularity, betweenness, paths (|Δ| ≤ TOL_EXACT), iterative.
#: cost models: linear n+m; search n·(n+m) (one BFS per organisation); dijkstra
#: n·(n+m)·log n; cubic n³ (NetworkX's dense inverse for the current-flow centralities).
OPERATIONS: Dict[str, Operation] = {
    "construction": Operation(None, "summary", "linear"),
    "degree": Operation(None, "exact", "linear"),
    "density": Operation(None, "scalar", "linear"),
    "betweenness": Operation(None, "betweenness", "search"),
    "betweenness_weighted": Operation(None, "betweenness", "dijkstra"),
    "articulation_points": Operation("undirected", "points", "linear"),
    "reciprocity": Operation("directed", "scalar", "linear"),
    "edge_betweenness": Operation(None, "paths", "search"),
    "closeness": Operation(None, "paths", "search"),
    "closeness_weighted": Operation(None, "paths", "dijkstra"),
    "harmonic": Operation(None, "paths", "search"),
    "pagerank": Operation(None, "iterative", "linear"),
    "pagerank_weighted": Operation(None, "iterative", "linear"),
    "katz": Operation(None, "iterative", "linear"),
    "eigenvector": Operation(None, "iterative", "linear"),
    "hits": Operation(None, "iterative", "linear"),
    # current-flow centralities: undirected, connected graphs only; they run on the largest
    # connected component (extracted untimed, the same for every library)
    "information": Operation("undirected", "paths", "cubic"),
    "current_flow_closeness": Operation("undirected", "paths", "cubic"),
    "current_flow_betweenness": Operation("undirected", "paths", "cubic"),
    "core_number": Operation(None, "exact", "linear"),
    # community detection: undirected only (igraph's methods are), compared by modularity
    "communities": Operation("undirected", "modularity", "linear"),
    "communities_leiden": Operation("undirected", "modularity", "linear"),
}
OPS = tuple(OPERATIONS)
CURRENT_FLOW = ("information", "current_flow_closeness", "current_flow_betweenness")
COMMUNITY_SLACK = 0.01  # ketennet's modularity must be at least the peer's minus this
TOL_BETWEENNESS = 1e-9
TOL_SCALAR = 1e-12
TOL_EXACT = 1e-9        # closeness, harmonic, edge betweenness, current flow: absolute
TOL_SAME_ITERATION = 1e-9  # PageRank, Katz, eigenvector vs NetworkX (the same iteration)
TOL_HITS_NX = 1e-6      # HITS vs NetworkX (ARPACK, tol 1e-8): relative to the largest score
TOL_ITERATIVE = 1e-2    # iterative methods vs igraph / NetworKit: relative to the largest score


def work(cost: str, n: int, m: int) -> float:
    """Relative cost of a case under a cost model (``Operation.cost``)."""
    if cost == "cubic":
        return float(n) ** 3
    if cost == "dijkstra":
        return n * (n + m) * math.log2(max(n, 2))
    if cost == "search":
        return n * (n + m)
    return n + m


def compare(op: str, ref, other, lib: Optional[str] = None) -> Tuple[str, bool]:
    """(text, agrees) for a peer's result against ketennet's, by ``OPERATIONS[op].check``."""
    kind = OPERATIONS[op].check
    if kind == "summary":
        ok = ref[0] == other[0] and ref[1] == other[1] and abs(ref[2] - other[2]) <= 1e-9 * abs(ref[2])
        return (f"n={other[0]} m={other[1]} Σvolume={other[2]:.6f}", ok)
    if kind == "points":
        ok = ref == other
        return (f"{len(other)} points{'' if ok else ' (DIFFERENT SET)'}", ok)
    if kind == "modularity":
        d = ref - other
        return (f"Q kn-peer={d:+.4f}", d >= -COMMUNITY_SLACK)
    if kind == "scalar":
        d = abs(ref - other)
        return (f"|Δ|={d:.1e}", d <= TOL_SCALAR)
    d = float(np.max(np.abs(ref - other))) if len(ref) else 0.0
    if kind == "iterative":
        scale = float(np.max(np.abs(ref))) if len(ref) else 1.0
        if lib == "networkx" and op != "hits":  # the same power iteration as ketennet
            return (f"max|Δ|={d:.1e}", d <= TOL_SAME_ITERATION)
        tol = TOL_HITS_NX if lib == "networkx" else TOL_ITERATIVE
        return (f"max|Δ|/max={d / scale:.1e}", d <= tol * scale)
    tol = {"betweenness": TOL_BETWEENNESS, "paths": TOL_EXACT}.get(kind, 0.0)
    return (f"max|Δ|={d:.1e}", d <= tol)


# ---------------------------------------------------------------------------- one size

class Size:
    """One (variant, n): the generated network, every library's graph, and the groups of
    cases: construction, the operations, the ketennet breakdown."""

    def __init__(self, args, store: Store, run: Run, variant: str, n: int,
                 measured: Dict[Tuple, Tuple[int, int, Dict[str, Any]]]):
        self.args, self.store, self.run, self.variant, self.n = args, store, run, variant, n
        self.directed = variant == "directed"
        net = harness.random_network(n, self.directed, args.seed,
                                     layer="info" if self.directed else "overleg")
        self.orgs, self.rels, self.m = net.orgs, net.rels, net.m
        self.ids = net.ids
        self.measured = measured  # (variant, lib, op, mode) -> (n, m, case): this run's sizes
        self.failed = False
        self.adapters = {k: v for k, v in available(args.threads).items() if k in args.libs}
        src, tgt = self.rels["source"].tolist(), self.rels["target"].tolist()
        # shared context of the result conversions: the relations' ends in row order (edge
        # results are compared tie by tie; an undirected tie's ends sorted)
        ctx = types.SimpleNamespace(edge_keys=list(zip(src, tgt)) if self.directed else
                                    [(min(a, b), max(a, b)) for a, b in zip(src, tgt)])
        for ad in self.adapters.values():
            ad.ctx = ctx
        self.graphs: Dict[str, Any] = {}
        self.extra: Dict[str, Dict[str, Any]] = {}
        self.lcc_ids: List[str] = []
        self.lcc_m = 0

    # -- recording

    def skip(self, lib: str, op: str, mode: Optional[str], cost: str,
             section: Optional[str] = None, note: Optional[str] = None) -> bool:
        """With --skip-slow: record a skipped case when the single run extrapolated from the
        largest smaller size (stored, or measured earlier in this run) exceeds the limit."""
        if not self.args.skip_slow:
            return False
        prev = self.store.previous(AREA, self.variant, self.n, lib, op, mode)
        if prev is None:
            prev = self.measured.get((self.variant, lib, op, mode))
        if prev is None:
            return False
        pn, pm, pc = prev
        base = pc["seconds"] if pc.get("seconds") is not None else pc["estimate"]
        est = base * work(cost, self.n, self.m) / work(cost, pn, pm)
        if est <= self.args.slow_seconds:
            return False
        self.run.case(self.variant, self.n, self.m, op, lib, None, mode=mode, estimate=est,
                      estimated_from=pn, section=section, note=note)
        log(f"  {op:<22} {lib:<10} {mode or '':<5}   skipped (est. {harness.fmt_s(est)} s "
            f"from n={pn})")
        return True

    def record(self, lib: str, op: str, mode: Optional[str], t: Timing, **kw) -> None:
        c = self.run.timing(self.variant, self.n, self.m, op, lib, t, mode=mode, **kw)
        self.measured[(self.variant, lib, op, mode)] = (self.n, self.m, c)

    def check(self, op: str, text: str, ok: Optional[bool]) -> None:
        self.run.check(self.variant, self.n, op, text, ok)
        self.failed |= ok is False

    # -- construction (the graphs are needed by every operation; timed only with "construction")

    def construction(self) -> None:
        a = self.args
        summaries = {}
        for lib, ad in self.adapters.items():
            t = timed(lambda _: ad.build(self.orgs, self.rels, self.directed), repeat=a.repeat,
                      budget=a.budget)
            self.graphs[lib] = ad.graph = t.first
            self.extra[lib] = ad.prepare(t.first, self.directed) if hasattr(ad, "prepare") else {}
            if "construction" in a.ops:
                self.record(lib, "construction", "cold" if lib == "ketennet" else None, t)
            summaries[lib] = ad.summary(t.first)
        if "construction" in a.ops and "ketennet" in summaries:
            msg, ok = [], True
            for lib in self.adapters:
                if lib == "ketennet":
                    continue
                text, good = compare("construction", summaries["ketennet"], summaries[lib])
                msg.append(f"{SHORT[lib]} {text}{'' if good else ' MISMATCH'}")
                ok &= good
            self.check("construction", ("OK" if ok else "FAILED") + ": " + "; ".join(msg), ok)

    # -- the largest connected component, for the current-flow centralities (untimed)

    def largest_component(self) -> None:
        if self.directed or not any(op in self.args.ops for op in CURRENT_FLOW):
            return
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components
        n, m = self.n, self.m
        index = pd.Index(self.orgs["id"])
        s_idx, t_idx = index.get_indexer(self.rels["source"]), index.get_indexer(self.rels["target"])
        _, label = connected_components(coo_matrix((np.ones(m), (s_idx, t_idx)), shape=(n, n)),
                                        directed=False)
        keep = label == np.bincount(label).argmax()
        lcc_orgs = self.orgs[keep].reset_index(drop=True)
        lcc_rels = self.rels[keep[s_idx]].reset_index(drop=True)
        self.lcc_ids, self.lcc_m = lcc_orgs["id"].tolist(), len(lcc_rels)
        for lib, ad in self.adapters.items():
            self.extra[lib]["lcc"] = ad.build(lcc_orgs, lcc_rels, self.directed)
        log(f"  current flow on the largest connected component: {len(self.lcc_ids)} "
            f"organisations, {self.lcc_m} relations")

    # -- one operation: every library, then the check

    def operation(self, op: str) -> None:
        a = self.args
        cost = OPERATIONS[op].cost
        note = (f"largest connected component: {len(self.lcc_ids):,} organisations, "
                f"{self.lcc_m:,} relations") if op in CURRENT_FLOW else None
        res: Dict[str, Any] = {}
        for lib, ad in self.adapters.items():
            fn = ad.ops(self.directed).get(op)
            if fn is None:
                continue  # not available in this library
            g = self.graphs[lib]
            if isinstance(fn, tuple):  # a prepared graph: NetworKit's unweighted one, the lcc
                g, fn = self.extra[lib][fn[0]], fn[1]
            if lib != "ketennet":
                if not self.skip(lib, op, None, cost, note=note):
                    t = timed(fn, lambda: g, a.repeat, a.budget)
                    res[lib] = t.first
                    self.record(lib, op, None, t, note=note)
                continue
            for mode in ("cold", "warm"):
                if self.skip(lib, op, mode, cost, note=note):
                    continue
                if mode == "cold":
                    # a fresh copy per run has no cached view: the run builds it
                    t = timed(fn, g.copy, a.repeat, a.budget)
                    res[lib] = t.first
                else:
                    r0 = fn(g)  # builds and caches the view (untimed)
                    t = timed(fn, lambda: g, a.repeat, a.budget)
                    res.setdefault(lib, r0)
                self.record(lib, op, mode, t, note=note)
        self.check_operation(op, res)

    def check_operation(self, op: str, res: Dict[str, Any]) -> None:
        """Each library's first result against ketennet's (or the first library's)."""
        op_ids, op_n = (self.lcc_ids, len(self.lcc_ids)) if op in CURRENT_FLOW else (self.ids, self.n)
        arrays = {lib: self.adapters[lib].to_array(op, r, op_ids, op_n, self.directed)
                  for lib, r in res.items()}
        if len(arrays) < 2:
            self.check(op, "not checked (fewer than two libraries ran)", None)
            return
        ref_lib = "ketennet" if "ketennet" in arrays else next(iter(arrays))
        converged = None
        if ref_lib == "ketennet" and op in ("pagerank", "pagerank_weighted"):
            # NetworkX's stopping rule (L1 change below n * 1e-6) loosens with n; igraph
            # (PRPACK) and NetworKit solve to a tighter tolerance, so they are compared with
            # ketennet's PageRank run to 1e-12 (untimed); NetworkX with the timed run.
            wt = "volume" if op == "pagerank_weighted" else None
            converged = self.adapters["ketennet"].to_array(
                op, kn.centrality.pagerank(self.graphs["ketennet"], weight=wt, tol=1e-12,
                                           max_iter=10000), op_ids, op_n, self.directed)
        msg, ok = [], True
        for lib, arr in arrays.items():
            if lib == ref_lib:
                continue
            ref = converged if (converged is not None and lib != "networkx") else arrays[ref_lib]
            text, good = compare(op, ref, arr, lib)
            msg.append(f"{SHORT[lib]} {text}{'' if good else ' MISMATCH'}")
            ok &= good
        missing = [SHORT[lib] for lib in self.adapters if lib not in arrays]
        note = f" (vs {SHORT[ref_lib]}; not checked: {', '.join(missing)})" if missing else \
            (f" (vs {SHORT[ref_lib]})" if ref_lib != "ketennet" else "")
        self.check(op, ("OK" if ok else "FAILED") + note + ": " + "; ".join(msg), ok)

    # -- ketennet breakdown: view build, C++ kernel (internal _core call), 1 thread

    def breakdown(self) -> None:
        if not self.args.breakdown or "ketennet" not in self.adapters:
            return
        a, core, net = self.args, kn._core, self.graphs["ketennet"]

        def bd(label: str, fn: Callable, factory: Callable, op: str, cost: str) -> None:
            if self.skip("ketennet", op, "core", cost, section="breakdown", note=label):
                return
            self.record("ketennet", op, "core", timed(fn, factory, a.repeat, a.budget),
                        section="breakdown", note=label)

        bd("view build, unweighted", lambda c: c.view(), net.copy, "core_view", "linear")
        bd("view build, weight=volume", lambda c: c.view(weight="volume"), net.copy,
           "core_view_weighted", "linear")
        vu, vw = net.view(), net.view(weight="volume")
        T = a.threads
        if "degree" in a.ops:
            bd("degree: _core kernel (warm view)", lambda v: core.centrality.degree(v, "out"),
               lambda: vu, "core_degree", "linear")
        if "density" in a.ops:
            bd("density: _core kernel (warm view)", lambda v: core.cohesion.density(v),
               lambda: vu, "core_density", "linear")
        if "reciprocity" in a.ops and self.directed:
            bd("reciprocity: _core kernel (warm view)", lambda v: core.cohesion.reciprocity(v),
               lambda: vu, "core_reciprocity", "linear")
        if "articulation_points" in a.ops and not self.directed:
            bd("articulation_points: _core kernel", lambda v: core.resilience.articulation_points(v),
               lambda: vu, "core_articulation_points", "linear")
        for op, view, label in (("betweenness", vu, "betweenness"),
                                ("betweenness_weighted", vw, "betweenness weighted")):
            if op not in a.ops:
                continue
            for t in sorted({T, 1}, reverse=True):
                bd(f"{label}: _core kernel, {t} thread{'s' if t > 1 else ''}",
                   (lambda v, t=t: core.centrality.betweenness(v, True, False, t, None)),
                   (lambda view=view: view), f"core_{op}" + ("" if t == T else "_1t"),
                   OPERATIONS[op].cost)
        for op, view in (("closeness", vu), ("closeness_weighted", vw), ("harmonic", vu)):
            if op not in a.ops:
                continue
            kernel = core.centrality.harmonic if op == "harmonic" else \
                (lambda v, t: core.centrality.closeness(v, True, t, None))
            label = op.replace("_weighted", " weighted")
            for t in sorted({T, 1}, reverse=True):
                bd(f"{label}: _core kernel, {t} thread{'s' if t > 1 else ''}",
                   (lambda v, t=t, kernel=kernel: kernel(v, t)), (lambda view=view: view),
                   f"core_{op}" + ("" if t == T else "_1t"), OPERATIONS[op].cost)
        if "pagerank" in a.ops:
            bd("pagerank: _core kernel (warm view)", lambda v: core.centrality.pagerank(v),
               lambda: vu, "core_pagerank", "linear")
        if self.lcc_ids and "current_flow_closeness" in a.ops:
            vl = self.extra["ketennet"]["lcc"].view()
            for t in sorted({T, 1}, reverse=True):
                bd(f"current-flow closeness: _core kernel, {t} thread{'s' if t > 1 else ''}",
                   (lambda v, t=t: core.centrality.current_flow_closeness(v, t, None)),
                   lambda: vl, "core_current_flow_closeness" + ("" if t == T else "_1t"), "cubic")

    def measure(self) -> bool:
        """Every group of cases of this size; True when a check failed."""
        log(f"\n=== {self.variant}, n={self.n}, m={self.m} ===")
        self.construction()
        self.largest_component()
        for op in OPS[1:]:
            if op in self.args.ops and OPERATIONS[op].only in (None, self.variant):
                self.operation(op)
        self.breakdown()
        self.graphs.clear()
        self.extra.clear()
        gc.collect()
        return self.failed


# ---------------------------------------------------------------------------- main

def parse_sizes(text: str) -> List[int]:
    return [int(float(x)) for x in text.split(",") if x.strip()]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default=None,
                   help="comma-separated numbers of organisations (default 1000,10000; 1e5 ok; "
                        "--quick: 300)")
    p.add_argument("--skip-slow", action="store_true",
                   help="skip cases whose single run is estimated (from a smaller size, this run "
                        "or results.json) to exceed --slow-seconds; reported as 'skipped (est. X s)'")
    p.add_argument("--slow-seconds", type=float, default=60.0,
                   help="limit for --skip-slow (default 60)")
    p.add_argument("--variants", default=",".join(VARIANTS), help="directed,undirected")
    p.add_argument("--ops", default=",".join(OPS), help=f"subset of {','.join(OPS)}")
    p.add_argument("--libs", default=",".join(LIBS), help=f"subset of {','.join(LIBS)}")
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--no-breakdown", dest="breakdown", action="store_false",
                   help="skip the ketennet breakdown (view build, bare C++ kernel, 1 thread)")
    p.add_argument("--output", default=harness.RESULTS_MD,
                   help="the page regenerated after the run (default benchmarks/RESULTS.md)")
    harness.add_common_arguments(p)
    args = p.parse_args(argv)
    if args.sizes is None:
        args.sizes = "300" if args.quick else "1000,10000"
    harness.apply_common(args)
    args.sizes = parse_sizes(args.sizes)
    args.ops = [o for o in args.ops.split(",") if o]
    args.libs = [x for x in args.libs.split(",") if x]
    args.variants = [x for x in args.variants.split(",") if x]
    for o in args.ops:
        if o not in OPS:
            p.error(f"unknown operation {o}")
    for x in args.libs:
        if x not in LIBS:
            p.error(f"unknown library {x}")
    for x in args.variants:
        if x not in VARIANTS:
            p.error(f"unknown variant {x}")

    if nk is not None:
        nk.setNumberOfThreads(args.threads)
        nk.engineering.setLogLevel("ERROR") if hasattr(nk, "engineering") else None
    store = Store(args.results)
    run = Run(AREA, "run.py", argv, ("networkx", "igraph", "networkit"),
              {"repeat": args.repeat, "budget": args.budget, "threads": args.threads,
               "seed": args.seed, "skip_slow": args.slow_seconds if args.skip_slow else None})
    v = run.data["machine"]["versions"]
    log(" | ".join(f"{k} {x}" for k, x in v.items()) + f" | {run.data['machine']['cpu']} "
        f"x{run.data['machine']['logical_cpus']} | threads={args.threads}")
    measured: Dict[Tuple, Tuple[int, int, Dict[str, Any]]] = {}
    any_failed = False
    for n in sorted(args.sizes):
        for variant in args.variants:
            t0 = time.perf_counter()
            any_failed |= Size(args, store, run, variant, n, measured).measure()
            log(f"  ({variant}, n={n}: {time.perf_counter() - t0:.1f} s wall)")
            report.publish(run, args)  # after every size: an interrupted run keeps its sizes
    log(f"\nwaited {Quiet.waited:.0f} s in total for other processes to leave the CPUs")
    if any_failed:
        print("SOME RESULT CHECKS FAILED (see above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
