"""The libraries that run.py compares, one adapter each: how each builds its graph from the
generated DataFrames, which call computes each operation, and how its natural result is
turned into an array in ketennet's conventions for the checks (untimed).

Each adapter: ``build(orgs, rels, directed)`` -> graph; ``prepare(graph, directed)`` -> extra
untimed state (optional); ``ops(directed)[name]`` -> a function of the graph, or
``(state key, function)`` when it runs on a prepared graph (NetworKit's unweighted or
transposed copy, the largest connected component ``"lcc"``); ``summary(graph)`` -> (n, m,
total volume); ``to_array(op, result, ids, n, directed)``. A library that is not installed
has no adapter (``available()``).
"""
from __future__ import annotations

from typing import Dict

import numpy as np
import pandas as pd

import ketennet as kn
from harness import optional

nx = optional("networkx")
ig = optional("igraph")
nk = optional("networkit")

EIGEN_MAX_ITER = 1000  # NetworkX's default 100 does not converge on the directed graphs
# community detection: compared by the modularity of each library's partition
COMMUNITIES = ("communities", "communities_leiden")

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



def available(threads: int) -> Dict[str, object]:
    """The adapters of the installed libraries, ketennet first."""
    out = {"ketennet": Ketennet(threads)}
    for name, module, cls in (("networkx", nx, NetworkX), ("igraph", ig, IGraph),
                              ("networkit", nk, NetworKit)):
        if module is not None:
            out[name] = cls()
    return out
