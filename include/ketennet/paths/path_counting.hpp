#pragma once
/// @file path_counting.hpp
/// @brief Single-source shortest paths with path counting and the dependency accumulation of
/// Brandes (2001): the kernels behind betweenness, edge betweenness and the block
/// decomposition of resilience/component_betweenness.hpp.
///
/// Use: one BrandesScratch per thread; for each source s run sssp_bfs (unweighted: hops) or
/// sssp_dijkstra (weighted: distances, which must be positive, see WeightRule::counted_distance
/// in view/weights.hpp), then accumulate (or accumulate_hops) to receive every reached
/// vertex's dependency delta_s(v), then reset before the next source.
///
/// Source: U. Brandes, "A faster algorithm for betweenness centrality", Journal of
/// Mathematical Sociology 25(2), 2001, 163-177. Paths are counted in double precision, as
/// NetworkX does.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "ketennet/core/types.hpp"
#include "ketennet/paths/dary_heap.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::paths {

/// Per-thread scratch space for single-source shortest paths with path counting. After a
/// search, `order` lists the reached vertices by non-decreasing distance (settling order),
/// `sigma[v]` counts the shortest paths to v and `level[v]` is v's hop distance (BFS) or its
/// position in `order` (Dijkstra), -1 when unreached.
struct BrandesScratch {
    std::vector<double> dist, sigma, coeff;
    std::vector<std::int32_t> level;
    std::vector<vertex_t> order;
    std::vector<vertex_t> improved;  ///< Dijkstra: neighbours whose distance just dropped
    paths::DaryHeap heap;
    explicit BrandesScratch(vertex_t n)
        : dist(n, std::numeric_limits<double>::infinity()), sigma(n, 0.0), coeff(n, 0.0),
          level(n, -1), heap(n, dist) {
        order.reserve(n);
    }
};

/// @p x if @p keep, else +0.0, without a branch (a bit mask): in the search loops whether a
/// neighbour is on a shortest path is unpredictable, and mispredictions dominated.
inline double select_if(bool keep, double x) noexcept {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    bits &= -std::uint64_t(keep);
    std::memcpy(&x, &bits, sizeof bits);
    return x;
}

/// Unweighted single source: BFS; fills order, level (hops) and sigma. Branch-free inner
/// loop (whether a neighbour is new is unpredictable, and mispredictions dominated).
/// @p Graph is a View or any type with n() and out_neighbours(v) (a range of vertex ids);
/// resilience/component_betweenness.hpp runs it on compact subgraphs.
template <class Graph>
inline void sssp_bfs(const Graph& g, vertex_t s, BrandesScratch& sc) {
    std::int32_t* level = sc.level.data();
    double* sigma = sc.sigma.data();
    auto& order = sc.order;
    order.resize(std::size_t(g.n()) + 1);  // one spare slot: the loop writes before it counts
    vertex_t* q = order.data();
    level[s] = 0;
    sigma[s] = 1.0;
    q[0] = s;
    std::size_t tail = 1;
    for (std::size_t head = 0; head < tail; ++head) {
        const vertex_t v = q[head];
        const std::int32_t next = level[v] + 1;
        const double sv = sigma[v];
        for (vertex_t w : g.out_neighbours(v)) {
            // integer masks, not ?: or * bool: GCC turns those back into (mispredicted)
            // branches
            const std::int32_t lw = level[w];
            const std::int32_t fresh = std::int32_t(std::uint32_t(lw) >> 31);  // lw < 0
            const std::int32_t nl = lw ^ ((lw ^ next) & -fresh);
            level[w] = nl;
            q[tail] = w;
            tail += std::size_t(fresh);
            sigma[w] += select_if(nl == next, sv);
        }
    }
    order.resize(tail);
}

/// Weighted single source: Dijkstra (indexed 8-ary heap) with path counting; fills order
/// (settling order), dist and sigma. Distances are positive (WeightRule::counted_distance), so
/// a vertex's predecessors all settle before it and sigma[v] is final when v settles: a
/// relaxation v -> w with dist[v] + w(v, w) == dist[w] exactly adds sigma[v], as in NetworkX.
inline void sssp_dijkstra(const View& g, vertex_t s, BrandesScratch& sc) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    auto& dist = sc.dist;
    auto& sigma = sc.sigma;
    auto& heap = sc.heap;
    sc.order.clear();
    dist[s] = 0.0;
    sigma[s] = 1.0;
    heap.push_or_decrease(s);
    while (!heap.empty()) {
        const vertex_t v = heap.pop();
        const double d = dist[v];
        sc.level[v] = std::int32_t(sc.order.size());  // settled
        sc.order.push_back(v);
        const double sv = sigma[v];
        const auto nb = g.out_neighbours(v);
        const auto wt = g.out_weights(v);
        // Relax without a branch on the (unpredictable) comparison: dist and sigma are
        // written for every tie, and the improved neighbours are queued afterwards, in
        // adjacency order as before, so the heap sees the same operations. A settled w has
        // dist[w] <= d <= nd, so it keeps its values; only the rare tie nd == dist[w] needs
        // the settled test (d + w(v, w) can round to d when w(v, w) is tiny against d).
        // Measured 2-5% faster than branching at 10^3 organisations, the same at 10^4.
        if (sc.improved.size() < nb.size()) sc.improved.resize(nb.size());
        vertex_t* improved = sc.improved.data();
        std::size_t count = 0;
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const vertex_t w = nb[k];
            const double nd = d + wt[k];
            const double dw = dist[w];
            const bool shorter = nd < dw;
            const bool tie = (nd == dw) & (sc.level[w] < 0);
            dist[w] = std::min(dw, nd);
            const double sw = sigma[w];
            sigma[w] = select_if(shorter, sv) + select_if(!shorter, sw + select_if(tie, sv));
            improved[count] = w;
            count += std::size_t(shorter);
        }
        for (std::size_t i = 0; i < count; ++i) heap.push_or_decrease(improved[i]);
    }
    (void)inf;
}

/// Every vertex counts once as a target (plain betweenness).
struct UnitTargets {
    constexpr double operator()(vertex_t) const noexcept { return 1.0; }
};

/// Dependency accumulation after sssp_bfs (hop distances), in pull form: in reverse BFS
/// order,
///   delta(v) = sigma(v) * sum over successors w of (r(w) + delta(w)) / sigma(w),
/// where w is a successor of v when level(w) = level(v) + 1 and r(w) is the target weight
/// of w (1 for plain betweenness; the number of vertices a block vertex stands for in the
/// block decomposition of resilience/component_betweenness.hpp). Calls @p add(v, delta(v))
/// for every reached vertex but the source.
template <class Graph, class Add, class Targets = UnitTargets>
inline void accumulate_hops(const Graph& g, BrandesScratch& sc, Add&& add, Targets r = {}) {
    const auto& order = sc.order;
    for (std::size_t k = order.size(); k-- > 0;) {
        const vertex_t v = order[k];
        const std::int32_t next = sc.level[v] + 1;
        double acc = 0.0;
        for (vertex_t w : g.out_neighbours(v)) acc += select_if(sc.level[w] == next, sc.coeff[w]);
        const double delta = sc.sigma[v] * acc;
        sc.coeff[v] = (r(v) + delta) / sc.sigma[v];
        if (k > 0) add(v, delta);
    }
}

/// Dependency accumulation of Brandes (2001) in pull form: in reverse settling order,
///   delta(v) = sigma(v) * sum over successors w of (1 + delta(w)) / sigma(w),
/// where w is a successor of v when an edge v -> w lies on a shortest path. Calls
/// @p add(v, delta(v)) for every reached vertex but the source.
template <class Add>
inline void accumulate(const View& g, bool weighted, BrandesScratch& sc, Add&& add) {
    if (!weighted) {
        accumulate_hops(g, sc, add);
        return;
    }
    const auto& order = sc.order;
    for (std::size_t k = order.size(); k-- > 0;) {
        const vertex_t v = order[k];
        const auto nb = g.out_neighbours(v);
        double acc = 0.0;
        {
            const double dv = sc.dist[v];
            const auto wt = g.out_weights(v);
            for (std::size_t j = 0; j < nb.size(); ++j) {
                const vertex_t w = nb[j];
                // w != v: a zero-weight self-loop is no path
                // an unreached w has dist[w] = inf != dv + w(v, w)
                acc += select_if((w != v) & (dv + wt[j] == sc.dist[w]), sc.coeff[w]);
            }
        }
        const double delta = sc.sigma[v] * acc;
        sc.coeff[v] = (1.0 + delta) / sc.sigma[v];
        if (k > 0) add(v, delta);
    }
}

/// Clears what the last search wrote (the vertices in `order`), so @p sc serves the next
/// source.
inline void reset(BrandesScratch& sc) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (vertex_t v : sc.order) {
        sc.dist[v] = inf;
        sc.sigma[v] = 0.0;
        sc.coeff[v] = 0.0;
        sc.level[v] = -1;
        sc.heap.reset(v);
    }
}

}  // namespace ketennet::paths
