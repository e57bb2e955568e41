#!/usr/bin/env python3
"""Benchmark ketennet against NetworkX, igraph and NetworKit on the same generated graphs.

Usage (see benchmarks/README.md)::

    python3 benchmarks/run.py --sizes 1000,10000             # everything, best of 3
    python3 benchmarks/run.py --sizes 100000 --skip-slow     # skip cases estimated > 60 s

Every size is timed for all four libraries in one process, on the same pandas DataFrames.
Each case's first timed run also provides the result that is checked against ketennet's
before any number is reported. Results are merged into ``benchmarks/results.json`` (one
entry per size, the latest run wins) and ``benchmarks/RESULTS.md`` is regenerated from it.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import math
import os
import platform
import shlex
import subprocess
import sys
import time
import types
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

import ketennet as kn
import networkx as nx
import igraph as ig
import networkit as nk

HERE = os.path.dirname(os.path.abspath(__file__))
LIBS = ("ketennet", "networkx", "igraph", "networkit")
SHORT = {"ketennet": "kn", "networkx": "nx", "igraph": "ig", "networkit": "nk"}
OPS = ("construction", "degree", "density", "betweenness", "betweenness_weighted",
       "articulation_points", "reciprocity", "edge_betweenness", "closeness",
       "closeness_weighted", "harmonic", "pagerank", "pagerank_weighted", "katz", "eigenvector",
       "hits", "information", "current_flow_closeness", "current_flow_betweenness",
       "core_number", "communities", "communities_leiden")
VARIANTS = ("directed", "undirected")
# current-flow centralities: undirected, connected graphs only; they run on the largest
# connected component (extracted untimed, the same for every library)
CURRENT_FLOW = ("information", "current_flow_closeness", "current_flow_betweenness")
# operations that only make sense on one variant
ONLY = {"articulation_points": "undirected", "reciprocity": "directed",
        **{op: "undirected" for op in CURRENT_FLOW}}
# community detection: undirected only (igraph's methods are), compared by modularity: each
# library's partition is scored with the same formula, ketennet's must be at least the peer's
# minus COMMUNITY_SLACK (different heuristics find different, equally good partitions)
COMMUNITIES = ("communities", "communities_leiden")
ONLY.update({op: "undirected" for op in COMMUNITIES})
COMMUNITY_SLACK = 0.01
# iterative methods: each library stops by its own rule (NetworkX: L1 change below n * tol)
ITERATIVE = ("pagerank", "pagerank_weighted", "katz", "eigenvector", "hits")
SECTORS = np.array(["politie", "om", "rechtspraak", "cjib", "dji", "reclassering", "nifp",
                    "rvdk", "halt", "gemeente"], dtype=object)
ARCS_PER_VERTEX = 5
EIGEN_MAX_ITER = 1000  # NetworkX's default 100 does not converge on the directed graphs
TOL_BETWEENNESS = 1e-9
TOL_SCALAR = 1e-12
TOL_EXACT = 1e-9        # closeness, harmonic, edge betweenness, current flow: absolute
TOL_SAME_ITERATION = 1e-9  # PageRank, Katz, eigenvector vs NetworkX (the same iteration)
TOL_HITS_NX = 1e-6      # HITS vs NetworkX (ARPACK, tol 1e-8): relative to the largest score
TOL_ITERATIVE = 1e-2    # iterative methods vs igraph / NetworKit: relative to the largest score


# ---------------------------------------------------------------------------- graphs

def generate(n: int, directed: bool, seed: int) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """Organisations (id, name, sector) and relations (source, target, layer, volume).

    Uniform random simple graph with ARCS_PER_VERTEX * n arcs: directed, 5n distinct ordered
    pairs; undirected, 2.5n distinct unordered pairs (= 5n arcs, mean degree 5). No
    self-loops. ``volume`` is uniform in [1, 100) (a positive float, used as distance)."""
    rng = np.random.default_rng([seed, n, int(directed)])
    m = ARCS_PER_VERTEX * n if directed else ARCS_PER_VERTEX * n // 2
    s = rng.integers(0, n, int(m * 1.2) + 100)
    t = rng.integers(0, n, int(m * 1.2) + 100)
    keep = s != t
    s, t = s[keep], t[keep]
    lo, hi = (s, t) if directed else (np.minimum(s, t), np.maximum(s, t))
    _, first = np.unique(lo.astype(np.int64) * n + hi, return_index=True)
    first = np.sort(first)
    if len(first) < m:
        raise RuntimeError("graph generator: too few distinct pairs")
    first = first[:m]
    s, t = s[first], t[first]
    ids = np.array([f"org{i:07d}" for i in range(n)], dtype=object)
    orgs = pd.DataFrame({"id": ids.tolist(),
                         "name": [f"Organisatie {i}" for i in range(n)],
                         "sector": rng.choice(SECTORS, n).tolist()})
    rels = pd.DataFrame({"source": ids[s].tolist(), "target": ids[t].tolist(),
                         "layer": ["info" if directed else "overleg"] * m,
                         "volume": rng.uniform(1.0, 100.0, m)})
    return orgs, rels


# ---------------------------------------------------------------------------- libraries
# Each adapter: build(orgs, rels, directed) -> graph; prepare(graph) -> extra untimed state;
# ops[name](graph) -> the library's natural result; normalise results for checks.

class Ketennet:
    name = "ketennet"

    def __init__(self, threads: int):
        self.threads = threads

    def build(self, orgs, rels, directed):
        return kn.from_pandas(orgs, rels, directed=directed)

    def ops(self, directed):
        T = self.threads
        return {
            "degree": lambda net: kn.centrality.degree(net, "out"),
            "density": lambda net: kn.cohesion.density(net),
            "betweenness": lambda net: kn.centrality.betweenness(net, threads=T, progress=False),
            "betweenness_weighted": lambda net: kn.centrality.betweenness(net, weight="volume",
                                                                          threads=T, progress=False),
            "articulation_points": lambda net: kn.resilience.articulation_points(net),
            "reciprocity": lambda net: kn.cohesion.reciprocity(net),
            "edge_betweenness": lambda net: kn.centrality.edge_betweenness(net, threads=T, progress=False),
            "closeness": lambda net: kn.centrality.closeness(net, threads=T, progress=False),
            "closeness_weighted": lambda net: kn.centrality.closeness(net, weight="volume",
                                                                      threads=T, progress=False),
            "harmonic": lambda net: kn.centrality.harmonic(net, threads=T, progress=False),
            "pagerank": lambda net: kn.centrality.pagerank(net),
            "pagerank_weighted": lambda net: kn.centrality.pagerank(net, weight="volume"),
            "katz": lambda net: kn.centrality.katz(net),
            "eigenvector": lambda net: kn.centrality.eigenvector(net, max_iter=EIGEN_MAX_ITER),
            "hits": lambda net: kn.centrality.hits(net),
            "information": ("lcc", lambda net: kn.centrality.information(net, threads=T, progress=False)),
            "current_flow_closeness": ("lcc", lambda net: kn.centrality.current_flow_closeness(
                net, threads=T, progress=False)),
            "current_flow_betweenness": ("lcc", lambda net: kn.centrality.current_flow_betweenness(
                net, threads=T, progress=False)),
            "core_number": lambda net: kn.cohesion.core_number(net),
            "communities": lambda net: kn.cohesion.communities(net, "louvain", seed=0),
            "communities_leiden": lambda net: kn.cohesion.communities(net, "leiden", seed=0),
        }

    def summary(self, net):
        v = net.view(weight="volume")
        return len(net), net.number_of_relations(), float(np.sum(v.edges()[2]))

    def to_array(self, op, res, ids, n, directed):
        if op in ("density", "reciprocity"):
            return float(res)
        if op in COMMUNITIES:
            return float(res.modularity)
        if op == "articulation_points":
            return sorted(res)
        if op == "edge_betweenness":
            return edge_array(zip(res.index, res.to_numpy()), self.ctx.edge_keys, directed)
        if op == "hits":
            return np.concatenate([x.to_numpy(dtype=float) for x in res])
        assert list(res.index[:3]) == ids[:3] and len(res) == len(ids)
        return res.to_numpy(dtype=float)


class NetworkX:
    name = "networkx"

    def build(self, orgs, rels, directed):
        G = nx.from_pandas_edgelist(rels, "source", "target", edge_attr=["layer", "volume"],
                                    create_using=nx.DiGraph if directed else nx.Graph)
        G.add_nodes_from(orgs.set_index("id")[["name", "sector"]].to_dict("index").items())
        return G

    def ops(self, directed):
        return {
            "degree": (lambda G: dict(G.out_degree())) if directed else (lambda G: dict(G.degree())),
            "density": nx.density,
            "betweenness": lambda G: nx.betweenness_centrality(G),
            "betweenness_weighted": lambda G: nx.betweenness_centrality(G, weight="volume"),
            "articulation_points": lambda G: list(nx.articulation_points(G)),
            "reciprocity": nx.overall_reciprocity,
            "edge_betweenness": lambda G: nx.edge_betweenness_centrality(G),
            "closeness": lambda G: nx.closeness_centrality(G),
            "closeness_weighted": lambda G: nx.closeness_centrality(G, distance="volume"),
            "harmonic": lambda G: nx.harmonic_centrality(G),
            "pagerank": lambda G: nx.pagerank(G, weight=None),
            "pagerank_weighted": lambda G: nx.pagerank(G, weight="volume"),
            "katz": lambda G: nx.katz_centrality(G),
            "eigenvector": lambda G: nx.eigenvector_centrality(G, max_iter=EIGEN_MAX_ITER),
            "hits": lambda G: nx.hits(G),  # no "weight" attribute: unweighted
            "information": ("lcc", lambda G: nx.information_centrality(G)),
            "current_flow_closeness": ("lcc", lambda G: nx.current_flow_closeness_centrality(G)),
            "current_flow_betweenness": ("lcc",
                                         lambda G: nx.current_flow_betweenness_centrality(G)),
            "core_number": nx.core_number,
            # no "weight" attribute on the generated graphs: unweighted, as ketennet's
            "communities": lambda G: nx.community.louvain_communities(G, seed=0),
        }

    def summary(self, G):
        return G.number_of_nodes(), G.number_of_edges(), float(G.size(weight="volume"))

    def to_array(self, op, res, ids, n, directed):
        if op in ("density", "reciprocity"):
            return float(res)
        if op in COMMUNITIES:  # scored untimed with NetworkX's modularity
            return float(nx.community.modularity(self.graph, res, weight=None))
        if op == "articulation_points":
            return sorted(res)
        if op == "edge_betweenness":
            return edge_array(res.items(), self.ctx.edge_keys, directed)
        if op == "hits":
            return np.concatenate([[d[i] for i in ids] for d in res]).astype(float)
        return np.array([res[i] for i in ids], dtype=float)


class IGraph:
    name = "igraph"

    def build(self, orgs, rels, directed):
        # igraph reserves vertex attribute "name" for the id: the display name goes to "label"
        return ig.Graph.DataFrame(rels, directed=directed,
                                  vertices=orgs.rename(columns={"name": "label"}), use_vids=False)

    def ops(self, directed):
        return {
            "degree": (lambda g: g.outdegree()) if directed else (lambda g: g.degree()),
            "density": lambda g: g.density(),
            "betweenness": lambda g: g.betweenness(),
            "betweenness_weighted": lambda g: g.betweenness(weights="volume"),
            "articulation_points": lambda g: g.articulation_points(),
            "reciprocity": lambda g: g.reciprocity(),
            "edge_betweenness": lambda g: g.edge_betweenness(),
            # incoming distances, as NetworkX and ketennet
            "closeness": lambda g: g.closeness(mode="in"),
            "closeness_weighted": lambda g: g.closeness(mode="in", weights="volume"),
            "harmonic": lambda g: g.harmonic_centrality(mode="in"),
            "pagerank": lambda g: g.pagerank(),
            "pagerank_weighted": lambda g: g.pagerank(weights="volume"),
            # no Katz centrality in igraph
            "eigenvector": lambda g: g.eigenvector_centrality(),
            "hits": lambda g: (g.hub_score(), g.authority_score()),
            # no current-flow centralities in igraph
            "core_number": lambda g: g.coreness(mode="all"),
            "communities": lambda g: g.community_multilevel(),
            "communities_leiden": lambda g: g.community_leiden(objective_function="modularity"),
        }

    def summary(self, g):
        return g.vcount(), g.ecount(), float(np.sum(g.es["volume"]))

    def to_array(self, op, res, ids, n, directed):
        if op in ("density", "reciprocity"):
            return float(res)
        if op in COMMUNITIES:  # unweighted modularity of igraph's partition
            return float(self.graph.modularity(res.membership))
        if op == "articulation_points":
            return sorted(ids[i] for i in res)
        if op == "hits":
            return np.concatenate([np.asarray(x, dtype=float) / np.sum(x) for x in res])
        a = np.asarray(res, dtype=float)
        if op.startswith("betweenness"):  # igraph: raw counts, unordered pairs when undirected
            a = a / ((n - 1) * (n - 2)) * (1.0 if directed else 2.0)
        if op == "edge_betweenness":  # raw counts in relation order; NetworkX: / n(n-1)
            a = a / (n * (n - 1)) * (1.0 if directed else 2.0)
        if op.startswith("closeness"):
            # igraph: (r - 1) / sum of distances over the r - 1 that reach v (NaN when none);
            # NetworkX's wf_improved scales by (r - 1) / (n - 1): r - 1 from the unnormalised
            # value (1 / sum), computed here, untimed
            w = "volume" if op == "closeness_weighted" else None
            raw = np.nan_to_num(np.asarray(self.graph.closeness(mode="in", weights=w,
                                                                normalized=False), dtype=float))
            a = np.nan_to_num(a)
            reach = np.divide(a, raw, out=np.zeros_like(a), where=raw > 0)
            a = a * reach / (n - 1)
        if op == "harmonic":  # igraph divides by n - 1
            a = a * (n - 1)
        if op == "eigenvector":  # igraph scales the maximum to 1; NetworkX the Euclidean norm
            a = a / np.linalg.norm(a)
        return a


class NetworKit:
    name = "networkit"

    def build(self, orgs, rels, directed):
        # ids -> 0..n-1 with a pandas Index (NetworKit nodes are integers), then addEdges
        # from numpy arrays (weights = volume). Only structure and one weight are stored.
        index = pd.Index(orgs["id"])
        s = index.get_indexer(rels["source"])
        t = index.get_indexer(rels["target"])
        G = nk.Graph(len(index), weighted=True, directed=directed)
        G.addEdges((rels["volume"].to_numpy(dtype=float), (s, t)))
        return G

    def prepare(self, G, directed):
        # NetworKit's Betweenness uses weights whenever the graph is weighted: unweighted
        # betweenness needs an unweighted copy (built here, untimed). Its closeness measures
        # outgoing distances: incoming ones (as NetworkX) run on the transposed graph (made
        # here, untimed). Edge scores are indexed by NetworKit's edge ids.
        Gu = nk.graphtools.toUnweighted(G)
        Gu.indexEdges()
        self.edge_ends = []
        Gu.forEdges(lambda u, v, w, eid: self.edge_ends.append((eid, u, v)))
        return {"unweighted": Gu,
                "transposed": nk.graphtools.transpose(Gu) if directed else Gu,
                "transposed_weighted": nk.graphtools.transpose(G) if directed else G}

    def ops(self, directed):
        def articulation(G):
            comps = nk.components.BiconnectedComponents(G).run().getComponents()
            if not comps:
                return np.empty(0, dtype=np.int64)
            counts = np.bincount(np.concatenate([np.asarray(c, dtype=np.int64) for c in comps]),
                                 minlength=G.numberOfNodes())
            return np.flatnonzero(counts > 1)

        return {
            "degree": lambda G: nk.centrality.DegreeCentrality(G, outDeg=True).run().scores(),
            "density": nk.graphtools.density,
            "betweenness": ("unweighted",
                            lambda Gu: nk.centrality.Betweenness(Gu, normalized=True).run().scores()),
            "betweenness_weighted": lambda G: nk.centrality.Betweenness(G, normalized=True).run().scores(),
            "articulation_points": articulation,
            # no reciprocity in NetworKit
            "edge_betweenness": ("unweighted", lambda Gu: nk.centrality.Betweenness(
                Gu, normalized=False, computeEdgeCentrality=True).run().edgeScores()),
            "closeness": ("transposed", lambda Gt: nk.centrality.Closeness(
                Gt, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores()),
            "closeness_weighted": ("transposed_weighted", lambda Gt: nk.centrality.Closeness(
                Gt, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores()),
            "harmonic": ("transposed", lambda Gt: nk.centrality.HarmonicCloseness(
                Gt, normalized=False).run().scores()),
            # walkers at sinks jump uniformly, as in NetworkX (NetworKit's default drops them)
            "pagerank": ("unweighted", lambda Gu: nk.centrality.PageRank(
                Gu, 0.85, 1e-6, False, nk.centrality.SinkHandling.DistributeSinks).run().scores()),
            "pagerank_weighted": lambda G: nk.centrality.PageRank(
                G, 0.85, 1e-6, False, nk.centrality.SinkHandling.DistributeSinks).run().scores(),
            # NetworKit's KatzCentrality stops when its ranking is certain (van der Grinten et
            # al. 2018), not at converged values: not comparable, left out
            "eigenvector": ("unweighted", lambda Gu: nk.centrality.EigenvectorCentrality(
                Gu).run().scores()),
            # no HITS; ApproxElectricalCloseness only approximates current-flow closeness
        }

    def summary(self, G):
        return G.numberOfNodes(), G.numberOfEdges(), float(G.totalEdgeWeight())

    def to_array(self, op, res, ids, n, directed):
        if op in ("density", "reciprocity"):
            return float(res)
        if op == "articulation_points":
            return sorted(ids[int(i)] for i in res)
        a = np.asarray(res, dtype=float)
        if op == "edge_betweenness":  # raw counts of ordered pairs, by edge id
            return edge_array([((ids[u], ids[v]), a[e] / (n * (n - 1)))
                               for e, u, v in self.edge_ends], self.ctx.edge_keys, directed)
        if op.startswith("pagerank"):
            a = a / a.sum()
        if op == "eigenvector":
            a = a / np.linalg.norm(a)
        return a


def edge_array(items, keys, directed) -> np.ndarray:
    """((source, target), value) pairs -> values in the order of ``keys`` (the relations'
    rows); an undirected tie's key is its ends in sorted order."""
    if directed:
        d = dict(items)
    else:
        d = {(min(s, t), max(s, t)): x for (s, t), x in items}
    return np.array([d[k] for k in keys], dtype=float)


# ---------------------------------------------------------------------------- timing

RETRY_MAX_RUN = 120.0  # seconds: a longer disturbed run is kept (marked †), not repeated
MIN_RUN = 0.2  # seconds: shorter calls are looped (as timeit's autorange) and averaged


class Quiet:
    """Guards against other processes using the CPUs while we measure.

    Foreign load = busy CPU time of the whole machine (/proc/stat) minus this process's CPU
    time (all its threads), per second of wall time, in cores. Before each run we wait (up to
    ``max_wait`` s) until it stays below ``limit`` for 0.3 s; a run of at least 0.2 s during
    which it exceeded ``limit`` is repeated (up to 3 times), and the load of the kept run is
    recorded (marked † in the report when above the limit)."""

    limit = 0.25
    max_wait = 900.0
    waited = 0.0
    tick = float(os.sysconf("SC_CLK_TCK")) if hasattr(os, "sysconf") else 100.0

    @classmethod
    def snap(cls):
        try:
            with open("/proc/stat") as f:
                v = [int(x) for x in f.readline().split()[1:9]]
            busy = (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / cls.tick
        except (OSError, ValueError, IndexError):
            busy = float("nan")
        own = os.times()
        return busy, own.user + own.system, time.perf_counter()

    @staticmethod
    def load(a, b) -> float:
        wall = b[2] - a[2]
        if wall <= 0 or math.isnan(a[0]):
            return 0.0
        return max(0.0, ((b[0] - a[0]) - (b[1] - a[1])) / wall)

    @classmethod
    def disturbed(cls, a, b, load: float) -> bool:
        """Other processes competed for the CPUs: their load was above the limit and, with
        ours (own CPU time per wall second: 1 for single-threaded libraries), exceeded the
        cores of the machine."""
        wall = b[2] - a[2]
        own = (b[1] - a[1]) / wall if wall > 0 else 0.0
        return load >= cls.limit and load + own > (os.cpu_count() or 1) - cls.limit

    @classmethod
    def wait(cls, log=None) -> None:
        t0 = time.perf_counter()
        said = False
        while True:
            a = cls.snap()
            time.sleep(0.3)
            load = cls.load(a, cls.snap())
            if load < cls.limit or time.perf_counter() - t0 > cls.max_wait:
                cls.waited += time.perf_counter() - t0 - 0.3
                if said:
                    print(f"    (machine quiet again after {time.perf_counter() - t0:.0f} s)",
                          flush=True)
                return
            if not said:
                print(f"    (other processes use {load:.1f} cores: waiting)", flush=True)
                said = True


def _once(fn, args):
    Quiet.wait()
    for attempt in range(4):
        gc.collect()
        gc.disable()
        try:
            a = Quiet.snap()
            t0 = time.perf_counter()
            for x in args:
                res = fn(x)
            t1 = time.perf_counter()
            b = Quiet.snap()
        finally:
            gc.enable()
        load = Quiet.load(a, b)
        disturbed = Quiet.disturbed(a, b, load)
        if t1 - t0 < 0.2 or t1 - t0 > RETRY_MAX_RUN or not disturbed or attempt == 3:
            break  # (a disturbed run longer than RETRY_MAX_RUN is kept and marked †)
        print(f"    (run disturbed: other processes used {load:.1f} cores; again)", flush=True)
        del res
        Quiet.wait()
    return (t1 - t0) / len(args), res, (load if disturbed else 0.0)


def timed(fn: Callable[[Any], Any], arg_factory: Callable[[], Any], repeat: int,
          budget: float) -> Tuple[float, int, Any, float]:
    """Best of up to ``repeat`` runs (fewer once the runs so far took ``budget`` seconds).

    ``arg_factory`` makes the argument of each call, untimed (a fresh network copy for a
    cold ketennet call). The first call gives the result that is checked. A call shorter
    than MIN_RUN is repeated in a loop of ``number`` calls on ``number`` prepared arguments
    and a run's time is the mean per call, so that microsecond operations are not dominated
    by timer resolution and cache misses after the collector ran. The garbage collector is
    off during a run (as in timeit). Returns (best seconds per call, runs, first result,
    foreign CPU load during the best run)."""
    t, first, load = _once(fn, [arg_factory()])
    times: List[Tuple[float, float]] = [(t, load)]
    spent = t
    number = 1 if t >= MIN_RUN else min(10000, max(2, math.ceil(MIN_RUN / max(t, 1e-7))))
    if number > 1:
        times = []  # the single first call was only a calibration
    while len(times) < repeat and spent < budget:
        args = [arg_factory() for _ in range(number)]
        t, res, load = _once(fn, args)
        del res, args
        times.append((t, load))
        spent += t * number
    best = min(times)
    return best[0], len(times), first, best[1]


def work(op: str, n: int, m: int) -> float:
    """Relative cost model used to extrapolate a skipped case from a smaller size."""
    if any(op.startswith(c) for c in CURRENT_FLOW) or op.startswith("core_current_flow"):
        return float(n) ** 3  # conservative: NetworkX inverts the grounded Laplacian densely
    if op.endswith("closeness_weighted") or op.endswith("closeness_weighted_1t"):
        return n * (n + m) * math.log2(max(n, 2))  # one Dijkstra search per organisation
    if "edge_betweenness" in op or "closeness" in op or "harmonic" in op:
        return n * (n + m)  # one search per organisation
    if "betweenness_weighted" in op:
        return n * (n + m) * math.log2(max(n, 2))
    if "betweenness" in op:
        return n * (n + m)
    return n + m


class Store:
    """results.json: {"sizes": {"<variant>/<n>": {...run info..., "cases": [...]}}}"""

    def __init__(self, path: str, fresh: bool):
        self.path = path
        self.data = {"sizes": {}}
        if not fresh and os.path.exists(path):
            with open(path) as f:
                self.data = json.load(f)

    def save(self):
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.data, f, indent=1)
        os.replace(tmp, self.path)

    def previous(self, variant: str, n: int, lib: str, op: str, mode: str):
        """The case at the largest size below n (measured or estimated), or None."""
        best = None
        for key, entry in self.data["sizes"].items():
            v, size = key.split("/")
            size = int(size)
            if v != variant or size >= n:
                continue
            for c in entry["cases"]:
                if c["lib"] == lib and c["op"] == op and c["mode"] == mode and \
                        (c.get("best") is not None or c.get("estimate") is not None):
                    if best is None or size > best[0]:
                        best = (size, entry["m"], c)
        return best


# ---------------------------------------------------------------------------- run

def machine() -> Dict[str, Any]:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    osname = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"') + f" ({platform.release()})"
    except OSError:
        pass
    commit = None
    try:
        commit = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, timeout=10).stdout.strip() or None
    except Exception:
        pass
    return {
        "cpu": cpu, "logical_cpus": os.cpu_count(), "ram_gib": ram, "os": osname,
        "python": platform.python_version(),
        "versions": {"ketennet": kn.__version__, "networkx": nx.__version__,
                     "igraph": ig.__version__, "networkit": nk.__version__,
                     "pandas": pd.__version__, "numpy": np.__version__},
        "ketennet_path": os.path.dirname(kn.__file__), "repo_commit": commit,
    }


def fmt_s(t: Optional[float]) -> str:
    if t is None:
        return "–"
    return f"{t:.3g}" if t >= 1e-3 else f"{t:.2e}"


def compare(op: str, ref, other, lib: Optional[str] = None) -> Tuple[str, bool]:
    if op == "construction":
        ok = ref[0] == other[0] and ref[1] == other[1] and abs(ref[2] - other[2]) <= 1e-9 * abs(ref[2])
        return (f"n={other[0]} m={other[1]} Σvolume={other[2]:.6f}", ok)
    if op == "articulation_points":
        ok = ref == other
        return (f"{len(other)} points{'' if ok else ' (DIFFERENT SET)'}", ok)
    if op in COMMUNITIES:
        d = ref - other
        return (f"Q kn-peer={d:+.4f}", d >= -COMMUNITY_SLACK)
    if isinstance(ref, float):
        d = abs(ref - other)
        return (f"|Δ|={d:.1e}", d <= TOL_SCALAR)
    d = float(np.max(np.abs(ref - other))) if len(ref) else 0.0
    if op in ITERATIVE:
        scale = float(np.max(np.abs(ref))) if len(ref) else 1.0
        if lib == "networkx" and op != "hits":  # the same power iteration as ketennet
            return (f"max|Δ|={d:.1e}", d <= TOL_SAME_ITERATION)
        tol = TOL_HITS_NX if lib == "networkx" else TOL_ITERATIVE
        return (f"max|Δ|/max={d / scale:.1e}", d <= tol * scale)
    if op.startswith("betweenness"):
        tol = TOL_BETWEENNESS
    elif op == "edge_betweenness" or op.startswith("closeness") or op == "harmonic" or \
            op in CURRENT_FLOW:
        tol = TOL_EXACT
    else:
        tol = 0.0
    return (f"max|Δ|={d:.1e}", d <= tol)


def run_size(args, store: Store, variant: str, n: int, log) -> Dict[str, Any]:
    directed = variant == "directed"
    orgs, rels = generate(n, directed, args.seed)
    m = len(rels)
    ids = orgs["id"].tolist()
    log(f"\n=== {variant}, n={n}, m={m} ===")
    adapters = {"ketennet": Ketennet(args.threads), "networkx": NetworkX(), "igraph": IGraph(),
                "networkit": NetworKit()}
    adapters = {k: v for k, v in adapters.items() if k in args.libs}
    # shared context of the result conversions: the relations' ends in row order (edge
    # results are compared tie by tie; an undirected tie's ends sorted)
    src, tgt = rels["source"].tolist(), rels["target"].tolist()
    ctx = types.SimpleNamespace(edge_keys=list(zip(src, tgt)) if directed else
                                [(min(a, b), max(a, b)) for a, b in zip(src, tgt)])
    for ad in adapters.values():
        ad.ctx = ctx
    cases: List[Dict[str, Any]] = []
    checks: Dict[str, str] = {}
    failed = False

    def skip_or_none(lib: str, op: str, mode: str) -> Optional[Dict[str, Any]]:
        """With --skip-slow: a skip record when the extrapolated single run exceeds the limit."""
        if not args.skip_slow:
            return None
        prev = store.previous(variant, n, lib, op, mode)
        if prev is None:
            # also look at sizes measured earlier in this very run
            prev = current_previous.get((variant, lib, op, mode))
        if prev is None:
            return None
        pn, pm, pc = prev
        base = pc["best"] if pc.get("best") is not None else pc["estimate"]
        est = base * work(op, n, m) / work(op, pn, pm)
        if est <= args.slow_seconds:
            return None
        return {"lib": lib, "op": op, "mode": mode, "best": None, "runs": 0,
                "estimate": est, "estimated_from": pn}

    def record(lib, op, mode, best, runs, load):
        c = {"lib": lib, "op": op, "mode": mode, "best": best, "runs": runs,
             "estimate": None, "estimated_from": None, "load": round(load, 3)}
        cases.append(c)
        current_previous[(variant, lib, op, mode)] = (n, m, c)
        log(f"  {op:<22} {lib:<10} {mode or '':<5} {fmt_s(best):>9} s  (best of {runs})"
            + (f"  † other processes used {load:.2f} cores" if load >= Quiet.limit else ""))

    def skipped(rec):
        cases.append(rec)
        log(f"  {rec['op']:<22} {rec['lib']:<10} {rec['mode'] or '':<5}   skipped "
            f"(est. {fmt_s(rec['estimate'])} s from n={rec['estimated_from']})")

    # ---- construction
    graphs, extra, results = {}, {}, {}
    if True:  # the graphs are needed by every operation; timed only with "construction"
        for lib, ad in adapters.items():
            best, runs, g, load = timed(lambda _: ad.build(orgs, rels, directed), lambda: None,
                                        args.repeat, args.budget)
            graphs[lib] = g
            ad.graph = g
            extra[lib] = ad.prepare(g, directed) if hasattr(ad, "prepare") else {}
            if "construction" in args.ops:
                record(lib, "construction", None, best, runs, load)
            results[lib] = ad.summary(g)
        if "construction" in args.ops and "ketennet" in results:
            msg, ok = [], True
            for lib in adapters:
                if lib == "ketennet":
                    continue
                text, good = compare("construction", results["ketennet"], results[lib])
                msg.append(f"{SHORT[lib]} {text}{'' if good else ' MISMATCH'}")
                ok &= good
            checks["construction"] = ("OK" if ok else "FAILED") + ": " + "; ".join(msg)
            failed |= not ok
            log(f"  check construction: {checks['construction']}")

    # ---- the largest connected component, for the current-flow centralities (untimed)
    lcc_ids: List[str] = []
    lcc_m = 0
    if not directed and any(op in args.ops for op in CURRENT_FLOW):
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components
        index = pd.Index(orgs["id"])
        s_idx, t_idx = index.get_indexer(rels["source"]), index.get_indexer(rels["target"])
        _, label = connected_components(coo_matrix((np.ones(m), (s_idx, t_idx)), shape=(n, n)),
                                        directed=False)
        keep = label == np.bincount(label).argmax()
        lcc_orgs = orgs[keep].reset_index(drop=True)
        lcc_rels = rels[keep[s_idx]].reset_index(drop=True)
        lcc_ids, lcc_m = lcc_orgs["id"].tolist(), len(lcc_rels)
        for lib, ad in adapters.items():
            extra[lib]["lcc"] = ad.build(lcc_orgs, lcc_rels, directed)
        log(f"  current flow on the largest connected component: {len(lcc_ids)} organisations, "
            f"{lcc_m} relations")

    # ---- operations
    for op in OPS[1:]:
        if op not in args.ops or ONLY.get(op, variant) != variant:
            continue
        res: Dict[str, Any] = {}
        for lib, ad in adapters.items():
            fn = ad.ops(directed).get(op)
            if fn is None:
                continue  # not available in this library
            g = graphs[lib]
            if isinstance(fn, tuple):  # a prepared graph: NetworKit's unweighted one, the lcc
                g, fn = extra[lib][fn[0]], fn[1]
            if lib == "ketennet":
                for mode in ("cold", "warm"):
                    sk = skip_or_none(lib, op, mode)
                    if sk:
                        skipped(sk)
                        continue
                    if mode == "cold":
                        # a fresh copy per run has no cached view: the run builds it
                        best, runs, r, load = timed(fn, g.copy, args.repeat, args.budget)
                        res[lib] = r
                    else:
                        r0 = fn(g)  # builds and caches the view (untimed)
                        best, runs, r, load = timed(fn, lambda: g, args.repeat, args.budget)
                        if lib not in res:
                            res[lib] = r0
                    record(lib, op, mode, best, runs, load)
            else:
                sk = skip_or_none(lib, op, None)
                if sk:
                    skipped(sk)
                    continue
                best, runs, r, load = timed(fn, lambda: g, args.repeat, args.budget)
                res[lib] = r
                record(lib, op, None, best, runs, load)
        # ---- check against ketennet (or the first library that ran)
        op_ids, op_n = (lcc_ids, len(lcc_ids)) if op in CURRENT_FLOW else (ids, n)
        arrays = {lib: adapters[lib].to_array(op, r, op_ids, op_n, directed)
                  for lib, r in res.items()}
        if len(arrays) >= 2:
            ref_lib = "ketennet" if "ketennet" in arrays else next(iter(arrays))
            msg, ok = [], True
            converged = None
            if ref_lib == "ketennet" and op in ("pagerank", "pagerank_weighted"):
                # NetworkX's stopping rule (L1 change below n * 1e-6) loosens with n; igraph
                # (PRPACK) and NetworKit solve to a tighter tolerance, so they are compared with
                # ketennet's PageRank run to 1e-12 (untimed); NetworkX with the timed run.
                wt = "volume" if op == "pagerank_weighted" else None
                converged = adapters["ketennet"].to_array(
                    op, kn.centrality.pagerank(graphs["ketennet"], weight=wt, tol=1e-12,
                                               max_iter=10000), op_ids, op_n, directed)
            for lib, a in arrays.items():
                if lib == ref_lib:
                    continue
                ref = converged if (converged is not None and lib != "networkx") else arrays[ref_lib]
                text, good = compare(op, ref, a, lib)
                msg.append(f"{SHORT[lib]} {text}{'' if good else ' MISMATCH'}")
                ok &= good
            missing = [SHORT[lib] for lib in adapters if lib not in arrays]
            note = f" (vs {SHORT[ref_lib]}; not checked: {', '.join(missing)})" if missing else \
                (f" (vs {SHORT[ref_lib]})" if ref_lib != "ketennet" else "")
            checks[op] = ("OK" if ok else "FAILED") + note + ": " + "; ".join(msg)
            failed |= not ok
        else:
            checks[op] = "not checked (fewer than two libraries ran)"
        log(f"  check {op}: {checks[op]}")
        del res, arrays

    # ---- ketennet breakdown: view build, C++ kernel (internal _core call), 1 thread
    breakdown: List[Dict[str, Any]] = []
    if args.breakdown and "ketennet" in adapters:
        net = graphs["ketennet"]
        core = kn._core

        def bd(label, fn, factory, est_op):
            sk = skip_or_none("ketennet", est_op, "core")
            if sk:
                sk["label"] = label
                breakdown.append(sk)
                cases.append(sk)
                log(f"  breakdown {label:<40} skipped (est. {fmt_s(sk['estimate'])} s)")
                return
            best, runs, _, load = timed(fn, factory, args.repeat, args.budget)
            c = {"lib": "ketennet", "op": est_op, "mode": "core", "best": best, "runs": runs,
                 "estimate": None, "estimated_from": None, "label": label, "load": round(load, 3)}
            breakdown.append(c)
            cases.append(c)
            current_previous[(variant, "ketennet", est_op, "core")] = (n, m, c)
            log(f"  breakdown {label:<40} {fmt_s(best):>9} s  (best of {runs})")

        bd("view build, unweighted", lambda c: c.view(), net.copy, "core_view")
        bd("view build, weight=volume", lambda c: c.view(weight="volume"), net.copy,
           "core_view_weighted")
        vu, vw = net.view(), net.view(weight="volume")
        T = args.threads
        if "degree" in args.ops:
            bd("degree: _core kernel (warm view)", lambda v: core.centrality.degree(v, "out"),
               lambda: vu, "core_degree")
        if "density" in args.ops:
            bd("density: _core kernel (warm view)", lambda v: core.cohesion.density(v),
               lambda: vu, "core_density")
        if "reciprocity" in args.ops and directed:
            bd("reciprocity: _core kernel (warm view)", lambda v: core.cohesion.reciprocity(v),
               lambda: vu, "core_reciprocity")
        if "articulation_points" in args.ops and not directed:
            bd("articulation_points: _core kernel", lambda v: core.resilience.articulation_points(v),
               lambda: vu, "core_articulation_points")
        if "betweenness" in args.ops:
            bd(f"betweenness: _core kernel, {T} threads",
               lambda v: core.centrality.betweenness(v, True, False, T, None), lambda: vu,
               "core_betweenness")
            bd("betweenness: _core kernel, 1 thread",
               lambda v: core.centrality.betweenness(v, True, False, 1, None), lambda: vu,
               "core_betweenness_1t")
        if "betweenness_weighted" in args.ops:
            bd(f"betweenness weighted: _core kernel, {T} threads",
               lambda v: core.centrality.betweenness(v, True, False, T, None), lambda: vw,
               "core_betweenness_weighted")
            bd("betweenness weighted: _core kernel, 1 thread",
               lambda v: core.centrality.betweenness(v, True, False, 1, None), lambda: vw,
               "core_betweenness_weighted_1t")
        for op, view in (("closeness", vu), ("closeness_weighted", vw), ("harmonic", vu)):
            if op not in args.ops:
                continue
            kernel = core.centrality.harmonic if op == "harmonic" else \
                (lambda v, t: core.centrality.closeness(v, True, t, None))
            label = op.replace("_weighted", " weighted")
            for t in sorted({T, 1}, reverse=True):
                bd(f"{label}: _core kernel, {t} thread{'s' if t > 1 else ''}",
                   (lambda v, t=t, kernel=kernel: kernel(v, t)), (lambda view=view: view),
                   f"core_{op}" + ("" if t == T else "_1t"))
        if "pagerank" in args.ops:
            bd("pagerank: _core kernel (warm view)", lambda v: core.centrality.pagerank(v),
               lambda: vu, "core_pagerank")
        if lcc_ids and "current_flow_closeness" in args.ops:
            vl = extra["ketennet"]["lcc"].view()
            for t in sorted({T, 1}, reverse=True):
                bd(f"current-flow closeness: _core kernel, {t} thread{'s' if t > 1 else ''}",
                   (lambda v, t=t: core.centrality.current_flow_closeness(v, t, None)),
                   lambda: vl, "core_current_flow_closeness" + ("" if t == T else "_1t"))

    del graphs, extra
    gc.collect()
    return {"variant": variant, "n": n, "m": m, "cases": cases, "checks": checks,
            "breakdown": [b.get("label") for b in breakdown], "failed": failed,
            "lcc": [len(lcc_ids), lcc_m] if lcc_ids else None}


current_previous: Dict[Tuple[str, str, str, Optional[str]], Tuple[int, int, Dict[str, Any]]] = {}


# ---------------------------------------------------------------------------- report

OP_LABEL = {
    "construction": "construction from DataFrames",
    "degree": "degree (out; undirected: degree)",
    "density": "density",
    "betweenness": "betweenness, unweighted",
    "betweenness_weighted": "betweenness, weight=volume",
    "articulation_points": "articulation points",
    "reciprocity": "reciprocity (overall)",
    "edge_betweenness": "edge betweenness, unweighted",
    "closeness": "closeness (incoming), unweighted",
    "closeness_weighted": "closeness (incoming), weight=volume",
    "harmonic": "harmonic (incoming), unweighted",
    "pagerank": "PageRank, unweighted",
    "pagerank_weighted": "PageRank, weight=volume",
    "katz": "Katz (alpha 0.1)",
    "eigenvector": "eigenvector",
    "hits": "HITS (hubs and authorities)",
    "information": "information (largest component)",
    "current_flow_closeness": "current-flow closeness (largest component)",
    "current_flow_betweenness": "current-flow betweenness (largest component)",
    "core_number": "core number (k-cores; igraph coreness)",
    "communities": "communities: Louvain, seed 0 (igraph: multilevel); check: modularity",
    "communities_leiden": "communities: Leiden, seed 0 (igraph: community_leiden)",
}


def merge_entry(old: Optional[Dict[str, Any]], new: Dict[str, Any], ops: List[str]) -> Dict[str, Any]:
    """The stored entry of a size after a run of ``ops``: the new cases and checks replace the
    old ones of the same operations; the old ones of other operations stay (so that
    ``--ops a,b`` adds to a report instead of replacing it). ``runs`` lists every run merged."""
    info = {k: new[k] for k in ("date", "command", "repeat")}
    info["cpu"] = new["machine"]["cpu"]
    info["ops"] = sorted(set(c["op"] for c in new["cases"] if c["mode"] != "core") |
                         set(new["checks"]))
    if old is None:
        new["runs"] = [info]
        return new
    measured = {c["op"] for c in new["cases"]} | set(new["checks"])
    kept = [c for c in old["cases"] if c["op"] not in measured]
    new["cases"] = kept + new["cases"]
    new["checks"] = {**{k: v for k, v in old["checks"].items() if k not in measured},
                     **new["checks"]}
    new["failed"] = any(v.startswith("FAILED") for v in new["checks"].values())
    history = old.get("runs") or [{k: old[k] for k in ("date", "command", "repeat")}]
    new["runs"] = history + [info]
    if new.get("lcc") is None and old.get("lcc") is not None:
        new["lcc"] = old["lcc"]
    return new


def cell(c: Optional[Dict[str, Any]]) -> str:
    if c is None:
        return "n/a"
    if c.get("best") is None:
        return f"skipped (est. {fmt_s(c['estimate'])} s)"
    return (fmt_s(c["best"]) + ("" if c["runs"] > 1 else "¹")
            + ("†" if c.get("load", 0) >= Quiet.limit else ""))


def ratio(peer: Optional[Dict[str, Any]], ref: Optional[Dict[str, Any]]) -> str:
    if not peer or not ref or peer.get("best") is None or ref.get("best") is None:
        return "–"
    r = peer["best"] / ref["best"]
    return f"{r:.3g}×" if r < 100 else f"{r:.0f}×"


def entries(store: Store) -> List[Dict[str, Any]]:
    out = list(store.data["sizes"].values())
    out.sort(key=lambda e: (VARIANTS.index(e["variant"]), e["n"]))
    return out


def find(entry, lib, op, mode):
    for c in entry["cases"]:
        if c["lib"] == lib and c["op"] == op and c["mode"] == mode:
            return c
    return None


def tables(store: Store, markdown: bool) -> str:
    lines: List[str] = []
    for variant in VARIANTS:
        ents = [e for e in entries(store) if e["variant"] == variant]
        if not ents:
            continue
        head_s = ["n", "m", "operation", "ketennet cold", "ketennet warm", "networkx", "igraph",
                  "networkit"]
        head_r = ["n", "operation", "nx / kn cold", "nx / kn warm", "ig / kn cold",
                  "ig / kn warm", "nk / kn cold", "nk / kn warm"]
        rows_s, rows_r = [], []
        for e in ents:
            for op in OPS:
                if ONLY.get(op, variant) != variant or not any(c["op"] == op for c in e["cases"]):
                    continue
                if op == "construction":
                    kc, kw = find(e, "ketennet", op, None), None
                else:
                    kc, kw = find(e, "ketennet", op, "cold"), find(e, "ketennet", op, "warm")
                peers = [find(e, lib, op, None) for lib in LIBS[1:]]
                rows_s.append([f"{e['n']:,}", f"{e['m']:,}", OP_LABEL[op], cell(kc),
                               "–" if op == "construction" else cell(kw)] + [cell(p) for p in peers])
                rr = [f"{e['n']:,}", OP_LABEL[op]]
                for p in peers:
                    rr += [ratio(p, kc), "–" if op == "construction" else ratio(p, kw)]
                rows_r.append(rr)
        title = f"{variant} graphs ({ARCS_PER_VERTEX} arcs per organisation)"
        lines += render(f"Seconds, {title}", head_s, rows_s, markdown)
        lines += render(f"Ratios peer time / ketennet time (> 1: ketennet faster), {title}",
                        head_r, rows_r, markdown)
    return "\n".join(lines)


def render(title: str, head: List[str], rows: List[List[str]], markdown: bool) -> List[str]:
    out = []
    if markdown:
        out += [f"### {title}", "", "| " + " | ".join(head) + " |",
                "|" + "|".join("---" if h == "operation" else "---:" for h in head) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        out.append("")
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)] if rows \
            else [len(h) for h in head]
        out += ["", title, "  ".join(h.ljust(w) for h, w in zip(head, widths)),
                "  ".join("-" * w for w in widths)]
        left = head.index("operation")
        out += ["  ".join(c.ljust(w) if i == left else c.rjust(w)
                          for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    return out


def breakdown_md(store: Store) -> List[str]:
    out = ["| graph | n | step | seconds |", "|---|---:|---|---:|"]
    any_rows = False
    for e in entries(store):
        for c in e["cases"]:
            if c["mode"] == "core":
                any_rows = True
                out.append(f"| {e['variant']} | {e['n']:,} | {c.get('label', c['op'])} | {cell(c)} |")
    return out if any_rows else []


def write_markdown(store: Store, path: str, args) -> None:
    ents = entries(store)
    if not ents:
        return
    latest = max(ents, key=lambda e: max(r["date"] for r in (e.get("runs") or [e])))
    mach = latest["machine"]
    v = mach["versions"]
    cpus: List[str] = []
    for e in ents:
        for r in e.get("runs") or [e]:
            c = r.get("cpu", "unknown")
            if c not in cpus:
                cpus.append(c)
    lines = [
        "# ketennet benchmark results",
        "",
        "Generated by `benchmarks/run.py` (method: `benchmarks/README.md`). Times are seconds "
        "per call, the best of up to `--repeat` runs (¹: a single run, because the case took "
        "longer than `--budget`); calls shorter than 0.2 s are looped and averaged within a "
        "run, as `timeit` does. *ketennet cold*: the first call on a network whose analysis view is not "
        "built yet (a fresh `net.copy()` per run, copy untimed), so it includes building the "
        "CSR view; *warm*: the view is cached. Ratios are peer time / ketennet time: above 1 "
        "ketennet is faster. `skipped (est. X s)`: not run with `--skip-slow`, X extrapolated "
        "from the largest smaller size (cost model n·(n+m) for betweenness, edge betweenness, "
        "closeness and harmonic, ×log n weighted; n³ for the current-flow centralities; n+m "
        "otherwise). `n/a`: the library has no such function (or, NetworKit's Katz, none "
        "computing the same values: README). †: other processes "
        "competed for the CPUs during the kept run even after 3 retries (the harness waits "
        "for a quiet machine before every run and repeats disturbed runs; README).",
        "",
        "## Machine",
        "",
        f"- CPU: {mach['cpu']}, {mach['logical_cpus']} logical CPUs (cores available to the "
        f"latest run)" + ("" if len(cpus) < 2 else
                          f"; earlier runs: {', '.join(c for c in cpus if c != mach['cpu'])} "
                          "(the CPU column of Runs). The libraries of one operation and size "
                          "are always timed in the same run, so each row's ratios come from "
                          "one machine."),
        f"- RAM: {mach['ram_gib']} GiB",
        f"- OS: {mach['os']}",
        f"- Python {mach['python']}; ketennet {v['ketennet']}, NetworkX {v['networkx']}, "
        f"python-igraph {v['igraph']}, NetworKit {v['networkit']}, pandas {v['pandas']}, "
        f"numpy {v['numpy']}",
        f"- ketennet: the installed build in `{mach['ketennet_path']}` (repository HEAD "
        f"{mach['repo_commit']} at the time of the run; the working tree may differ)",
        f"- Threads: ketennet `threads={latest['threads']}`, NetworKit "
        f"`setNumberOfThreads({latest['threads']})`; igraph and NetworkX run on one thread.",
        "",
        "## Runs",
        "",
        "| graph | n | m | date | CPU | command | repeat | checks |",
        "|---|---:|---:|---|---|---|---:|---|",
    ]
    for e in ents:
        for r in e.get("runs") or [e]:
            lines.append(f"| {e['variant']} | {e['n']:,} | {e['m']:,} | {r['date']} | "
                         f"{r.get('cpu', 'unknown')} | `{r['command']}` | {r['repeat']} | "
                         f"{'FAILED' if e['failed'] else 'all OK'} |")
    lcc = [e for e in ents if e.get("lcc")]
    if lcc:
        lines += ["", "Current-flow centralities run on the largest connected component of the "
                  "undirected graph (the same for every library): "
                  + "; ".join(f"n = {e['n']:,}: {e['lcc'][0]:,} organisations, "
                              f"{e['lcc'][1]:,} relations" for e in lcc) + "."]
    lines += ["", "## Results", "", tables(store, True), "## Result checks", "",
              "Each library's result (its first timed run) compared with ketennet's before "
              f"reporting: degree exactly, betweenness max |Δ| ≤ {TOL_BETWEENNESS:g} after "
              f"normalising as NetworkX, density and reciprocity |Δ| ≤ {TOL_SCALAR:g}, "
              "articulation points as sets of ids, construction by n, m and total volume; "
              f"edge betweenness, closeness, harmonic and current-flow centralities max |Δ| ≤ "
              f"{TOL_EXACT:g} (NetworkX's conventions); PageRank, Katz and eigenvector "
              f"max |Δ| ≤ {TOL_SAME_ITERATION:g} against NetworkX (the same power iteration), "
              f"HITS ≤ {TOL_HITS_NX:g} × the largest score against NetworkX (ARPACK), and "
              f"iterative methods ≤ {TOL_ITERATIVE:g} × the largest score against igraph and "
              "NetworKit, whose stopping rules differ (README; PageRank against ketennet's run "
              "to tol 1e-12, since NetworkX's rule, L1 change < n · 1e-6, loosens with n). Core "
              "numbers exactly; "
              "communities by the modularity of each library's partition (NetworkX's formula, "
              f"igraph's own; unweighted): ketennet's ≥ the peer's − {COMMUNITY_SLACK:g}.", "",
              "| graph | n | operation | check |", "|---|---:|---|---|"]
    for e in ents:
        for op, text in e["checks"].items():
            text = text.replace("|", "\\|")
            lines.append(f"| {e['variant']} | {e['n']:,} | {op} | {text} |")
    bd = breakdown_md(store)
    if bd:
        lines += ["", "## ketennet breakdown", "",
                  "Where ketennet's time goes: building the view (`net.view(...)` on a fresh "
                  "copy) and the C++ kernel called directly through the internal `ketennet._core` "
                  "on a cached view, without the Python wrapper (Series construction, argument "
                  "checks); the single-thread kernel compares per core with igraph.", ""] + bd
    lines.append("")
    text = "\n".join(lines) + _foreign_sections(path)
    with open(path, "w") as f:
        f.write(text)


#: Sections of RESULTS.md that write_markdown regenerates; any other "## " section (written by
#: bench_resilience.py and the other scripts) is kept as it is.
_OWN_SECTIONS = {"Machine", "Runs", "Results", "Result checks", "ketennet breakdown"}


def _foreign_sections(path: str) -> str:
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        old = f.read()
    kept = []
    for chunk in old.split("\n## ")[1:]:
        title = chunk.split("\n", 1)[0].strip()
        if title not in _OWN_SECTIONS:
            kept.append("\n## " + chunk.rstrip("\n") + "\n")
    return "".join(kept)


# ---------------------------------------------------------------------------- main

def parse_sizes(text: str) -> List[int]:
    return [int(float(x)) for x in text.split(",") if x.strip()]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,10000",
                   help="comma-separated numbers of organisations (default 1000,10000; 1e5 ok)")
    p.add_argument("--repeat", type=int, default=3, help="runs per case, best taken (default 3)")
    p.add_argument("--budget", type=float, default=60.0,
                   help="stop repeating a case once its runs took this many seconds (default 60)")
    p.add_argument("--skip-slow", action="store_true",
                   help="skip cases whose single run is estimated (from a smaller size, this run "
                        "or results.json) to exceed --slow-seconds; reported as 'skipped (est. X s)'")
    p.add_argument("--slow-seconds", type=float, default=60.0,
                   help="limit for --skip-slow (default 60)")
    p.add_argument("--threads", type=int, default=2,
                   help="threads for ketennet and NetworKit (default 2)")
    p.add_argument("--variants", default=",".join(VARIANTS), help="directed,undirected")
    p.add_argument("--ops", default=",".join(OPS), help=f"subset of {','.join(OPS)}")
    p.add_argument("--libs", default=",".join(LIBS), help=f"subset of {','.join(LIBS)}")
    p.add_argument("--seed", type=int, default=20240601)
    p.add_argument("--quiet-limit", type=float, default=Quiet.limit,
                   help="foreign CPU load (cores) above which we wait / repeat a run (default 0.25)")
    p.add_argument("--max-wait", type=float, default=Quiet.max_wait,
                   help="longest wait for a quiet machine before a run, seconds (default 900)")
    p.add_argument("--no-breakdown", dest="breakdown", action="store_false",
                   help="skip the ketennet breakdown (view build, bare C++ kernel, 1 thread)")
    p.add_argument("--results", default=os.path.join(HERE, "results.json"),
                   help="JSON store merged across runs (default benchmarks/results.json)")
    p.add_argument("--fresh", action="store_true", help="discard the stored results first")
    p.add_argument("--output", default=os.path.join(HERE, "RESULTS.md"),
                   help="Markdown report (default benchmarks/RESULTS.md)")
    p.add_argument("--report-only", action="store_true",
                   help="only regenerate the report from the stored results")
    args = p.parse_args(argv)
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

    Quiet.limit, Quiet.max_wait = args.quiet_limit, args.max_wait
    nk.setNumberOfThreads(args.threads)
    nk.engineering.setLogLevel("ERROR") if hasattr(nk, "engineering") else None
    store = Store(args.results, args.fresh)
    mach = machine()
    command = "python3 benchmarks/run.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))

    def log(msg: str) -> None:
        print(msg, flush=True)

    if args.report_only:
        write_markdown(store, args.output, args)
        print(tables(store, False))
        print(f"\nwrote {args.output}")
        return 0
    log(f"ketennet {kn.__version__} | NetworkX {nx.__version__} | igraph {ig.__version__} | "
        f"NetworKit {nk.__version__} | {mach['cpu']} x{mach['logical_cpus']} | threads={args.threads}")
    any_failed = False
    for n in sorted(args.sizes):
        for variant in args.variants:
            t0 = time.perf_counter()
            res = run_size(args, store, variant, n, log)
            res.update({"date": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                        "command": command, "repeat": args.repeat, "threads": args.threads,
                        "machine": mach, "wall_seconds": round(time.perf_counter() - t0, 1)})
            key = f"{variant}/{n}"
            store.data["sizes"][key] = merge_entry(store.data["sizes"].get(key), res, args.ops)
            store.save()
            write_markdown(store, args.output, args)
            any_failed |= res["failed"]
            log(f"  ({variant}, n={n}: {res['wall_seconds']} s wall)")
    print(tables(store, False))
    print(f"\nwaited {Quiet.waited:.0f} s in total for other processes to leave the CPUs")
    print(f"\nwrote {args.output} and {args.results}")
    if any_failed:
        print("SOME RESULT CHECKS FAILED (see above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
