#pragma once
/// @file betweenness.hpp
/// @brief Shortest-path betweenness centrality (Brandes 2001).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

#include "ketennet/model/errors.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of betweenness().
struct BetweennessOptions {
    /// Divide by the number of ordered pairs that could route through a vertex,
    /// 1 / ((n-1)(n-2)) (1 / (n(n-1)) with endpoints), as NetworkX does. Otherwise an
    /// undirected view's values are halved so each unordered pair counts once.
    bool normalized = true;
    /// Count the end points of each shortest path as on it (NetworkX `endpoints=`).
    bool endpoints = false;
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress;
};

namespace detail {

/// Per-thread scratch space for single-source shortest paths with path counting.
struct BrandesScratch {
    std::vector<double> dist, sigma, delta;
    std::vector<std::int64_t> hops;
    std::vector<vertex_t> order, queue;
    std::vector<std::pair<double, vertex_t>> heap;
    explicit BrandesScratch(vertex_t n)
        : dist(n, -1.0), sigma(n, 0.0), delta(n, 0.0), hops(n, -1) {
        order.reserve(n);
        queue.reserve(n);
    }
};

/// Unweighted single source: BFS; fills order (non-decreasing distance), hops and sigma.
inline void sssp_bfs(const View& g, vertex_t s, BrandesScratch& sc) {
    sc.order.clear();
    sc.hops[s] = 0;
    sc.sigma[s] = 1.0;
    sc.order.push_back(s);
    for (std::size_t head = 0; head < sc.order.size(); ++head) {
        const vertex_t v = sc.order[head];
        const std::int64_t dv = sc.hops[v];
        const double sv = sc.sigma[v];
        for (vertex_t w : g.out_neighbours(v)) {
            if (sc.hops[w] < 0) {
                sc.hops[w] = dv + 1;
                sc.order.push_back(w);
            }
            if (sc.hops[w] == dv + 1) sc.sigma[w] += sv;
        }
    }
}

/// Weighted single source: Dijkstra with path counting; fills order (settling order), dist,
/// sigma and hops (here the settling position). Distances are positive (require_distances),
/// so a vertex's predecessors all settle before it and sigma[v] is final when v settles: a
/// relaxation v -> w with dist[v] + w(v, w) == dist[w] exactly adds sigma[v], as in NetworkX.
inline void sssp_dijkstra(const View& g, vertex_t s, BrandesScratch& sc) {
    using Item = std::pair<double, vertex_t>;
    auto& heap = sc.heap;
    heap.clear();
    const auto later = std::greater<Item>();
    sc.order.clear();
    std::vector<double>& dist = sc.dist;
    dist[s] = 0.0;
    sc.sigma[s] = 1.0;
    heap.emplace_back(0.0, s);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const auto [d, v] = heap.back();
        heap.pop_back();
        if (sc.hops[v] >= 0 || d > dist[v]) continue;
        sc.hops[v] = std::int64_t(sc.order.size());
        sc.order.push_back(v);
        const double sv = sc.sigma[v];
        const auto nb = g.out_neighbours(v);
        const auto wt = g.out_weights(v);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const vertex_t w = nb[k];
            if (sc.hops[w] >= 0) continue;
            const double nd = d + wt[k];
            if (dist[w] < 0.0 || nd < dist[w]) {
                dist[w] = nd;
                sc.sigma[w] = sv;
                heap.emplace_back(nd, w);
                std::push_heap(heap.begin(), heap.end(), later);
            } else if (nd == dist[w]) {
                sc.sigma[w] += sv;
            }
        }
    }
}

inline bool is_pred(const BrandesScratch& sc, bool weighted, vertex_t u, vertex_t v, double w) {
    if (!weighted) return sc.hops[u] >= 0 && sc.hops[u] + 1 == sc.hops[v];
    return u != v && sc.hops[u] >= 0 && sc.dist[u] + w == sc.dist[v];  // a 0 self-loop is no path
}

inline void reset(BrandesScratch& sc) {
    for (vertex_t v : sc.order) {
        sc.dist[v] = -1.0;
        sc.sigma[v] = 0.0;
        sc.delta[v] = 0.0;
        sc.hops[v] = -1;
    }
}

/// Throws InputError when a weighted view has a weight that is not a positive distance
/// (self-loops excepted: they never lie on a shortest path). Counting shortest paths needs
/// positive distances: with a zero distance, vertices at equal distance have no order along
/// which paths can be counted, and a zero-distance cycle makes their number infinite. igraph
/// refuses such weights too; NetworkX accepts them and then miscounts.
inline void require_distances(const View& g, const char* algorithm) {
    if (!g.weighted()) return;
    const auto w = g.edge_weights();
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    for (std::size_t e = 0; e < w.size(); ++e) {
        if (w[e] > 0.0 || src[e] == tgt[e]) continue;
        throw InputError(std::string(algorithm) + ": weight '" + g.options().weight + "' of " +
                         (g.directed() ? "arc " : "edge ") + g.id(src[e]) +
                         (g.directed() ? " -> " : " - ") + g.id(tgt[e]) + " is " +
                         (w[e] == 0.0 ? "0" : "negative") +
                         "; counting shortest paths needs positive distances (use a small "
                         "positive value for same-day hand-offs, or no weight)");
    }
}

/// Sum of per-block partial vectors in block order (deterministic).
inline std::vector<double> sum_blocks(const std::vector<std::vector<double>>& parts,
                                      std::size_t size) {
    std::vector<double> out(size, 0.0);
    for (const auto& p : parts)
        for (std::size_t i = 0; i < size; ++i) out[i] += p[i];
    return out;
}

/// Number of source blocks for n vertices: fixed by n, capped so the per-block partial
/// vectors stay below 2^25 doubles (256 MiB).
inline std::size_t source_blocks(std::size_t n) {
    const std::size_t cap = std::max<std::size_t>(1, (std::size_t(1) << 25) / std::max<std::size_t>(n, 1));
    return std::max<std::size_t>(1, std::min({n, std::size_t(64), cap}));
}

}  // namespace detail

/// Betweenness centrality of every organisation.
///
/// Definition (Freeman 1977; algorithm Brandes 2001):
///   c_B(v) = sum over s != v != t of sigma(s, t | v) / sigma(s, t),
/// where sigma(s, t) counts the shortest s-t paths and sigma(s, t | v) those through v.
/// Pairs without a path contribute nothing. In a weighted view weights are distances (a
/// latency, say): shortest paths minimise the sum of weights; weights must be positive
/// (InputError otherwise, as igraph; self-loops are ignored).
///
/// Normalisation follows NetworkX's `betweenness_centrality`: normalized = true divides by
/// (n-1)(n-2) (by n(n-1) with endpoints), for directed and undirected views alike;
/// normalized = false halves undirected values so each unordered pair counts once.
/// Runs in O(nm) (O(nm + n^2 log n) weighted), parallel over sources, with identical results
/// for every thread count.
inline std::vector<double> betweenness(const View& g, const BetweennessOptions& opt = {}) {
    detail::require_distances(g, "betweenness");
    const vertex_t n = g.n();
    const std::size_t blocks = detail::source_blocks(n);
    std::vector<std::vector<double>> parts(blocks);
    const bool weighted = g.weighted();
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            std::vector<double> bc(n, 0.0);
            detail::BrandesScratch sc(n);
            for (std::size_t s = lo; s < hi; ++s) {
                if (weighted) {
                    detail::sssp_dijkstra(g, vertex_t(s), sc);
                } else {
                    detail::sssp_bfs(g, vertex_t(s), sc);
                }
                if (opt.endpoints) bc[s] += double(sc.order.size() - 1);
                for (std::size_t k = sc.order.size(); k-- > 1;) {
                    const vertex_t w = sc.order[k];
                    const double coeff = (1.0 + sc.delta[w]) / sc.sigma[w];
                    const auto nb = g.in_neighbours(w);
                    const auto wt = g.in_weights(w);
                    for (std::size_t j = 0; j < nb.size(); ++j) {
                        const vertex_t u = nb[j];
                        if (detail::is_pred(sc, weighted, u, w, wt[j]))
                            sc.delta[u] += sc.sigma[u] * coeff;
                    }
                    bc[w] += sc.delta[w] + (opt.endpoints ? 1.0 : 0.0);
                }
                detail::reset(sc);
            }
            parts[b] = std::move(bc);
        },
        opt.progress);
    std::vector<double> bc = detail::sum_blocks(parts, n);
    // rescale as NetworkX's _rescale
    const double N = opt.endpoints ? double(n) : double(n) - 1.0;
    if (N < 2.0) return bc;
    double scale = 1.0;
    if (opt.normalized)
        scale = 1.0 / (N * (N - 1.0));
    else if (!g.directed())
        scale = 0.5;
    if (scale != 1.0)
        for (double& x : bc) x *= scale;
    return bc;
}

}  // namespace ketennet::centrality
