#pragma once
/// @file path_counting.hpp
/// @brief Single-source shortest paths with path counting and the dependency accumulation of
/// Brandes (2001): the kernels behind betweenness, edge betweenness and the block
/// decomposition of resilience/detail/component_betweenness.hpp.
///
/// Use: one BrandesScratch per thread; for each source s run sssp_bfs (unweighted: hops) or
/// sssp_dijkstra (weighted: distances, which must be positive, see WeightRule::counted_distance
/// in view/weights.hpp), then accumulate (or accumulate_hops) to receive every reached
/// vertex's dependency delta_s(v), then reset before the next source.
///
/// Each function has a plain reference implementation, paths::reference (the textbook loops,
/// callable directly), and a fast kernel of the same operations (detail/path_counting_kernel.hpp:
/// branch-free inner loops). The public functions run the fast kernel; built with
/// KETENNET_FAST_KERNELS=OFF (the compile definition KETENNET_REFERENCE_KERNELS), the reference.
/// Both give the same values bit for bit.
///
/// Source: U. Brandes, "A faster algorithm for betweenness centrality", Journal of
/// Mathematical Sociology 25(2), 2001, 163-177. Paths are counted in double precision, as
/// NetworkX does.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/types.hpp"
#include "ketennet/paths/dary_heap.hpp"
#include "ketennet/paths/detail/path_counting_kernel.hpp"
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
    std::vector<vertex_t> improved;  ///< Dijkstra's fast kernel: neighbours whose distance just dropped
    paths::DaryHeap heap;
    explicit BrandesScratch(vertex_t n);
};

/// Deprecated: ketennet::select_if (support/branchless.hpp).
[[deprecated("use ketennet::select_if (ketennet/support/branchless.hpp)")]] double select_if(bool keep,
                                                                                       double x) noexcept;

/// Every vertex counts once as a target (plain betweenness).
struct UnitTargets {
    constexpr double operator()(vertex_t) const noexcept { return 1.0; }
};

/// The reference implementations: Brandes' searches and accumulation as plain loops.
namespace reference {

/// Unweighted single source: breadth-first search from @p s; fills order (BFS order), level
/// (hops) and sigma: sigma(s) = 1 and sigma(w) = sum of sigma(v) over the v with
/// level(v) + 1 = level(w) and a tie v -> w, added in BFS order of v and adjacency order.
/// @p Graph is a View or any type with n() and out_neighbours(v) (a range of vertex ids);
/// resilience/detail/component_betweenness.hpp runs it on compact subgraphs.
template <class Graph>
inline void sssp_bfs(const Graph& g, vertex_t s, BrandesScratch& sc) {
    sc.order.clear();
    sc.level[s] = 0;
    sc.sigma[s] = 1.0;
    sc.order.push_back(s);
    for (std::size_t head = 0; head < sc.order.size(); ++head) {
        const vertex_t v = sc.order[head];
        for (vertex_t w : g.out_neighbours(v)) {
            if (sc.level[w] < 0) {
                sc.level[w] = sc.level[v] + 1;
                sc.order.push_back(w);
            }
            if (sc.level[w] == sc.level[v] + 1) sc.sigma[w] += sc.sigma[v];
        }
    }
}

/// Weighted single source: Dijkstra (indexed 8-ary heap) with path counting; fills order
/// (settling order), level (the position in order), dist and sigma. Distances are positive
/// (WeightRule::counted_distance), so a vertex's predecessors all settle before it and
/// sigma[v] is final when v settles: a relaxation v -> w with dist[v] + w(v, w) < dist[w]
/// sets sigma[w] = sigma[v], one with dist[v] + w(v, w) == dist[w] exactly (w unsettled) adds
/// sigma[v], as in NetworkX.
void sssp_dijkstra(const View& g, vertex_t s, BrandesScratch& sc);

/// Dependency accumulation after sssp_bfs (hop distances), in pull form: in reverse BFS
/// order,
///   delta(v) = sigma(v) * sum over successors w of (r(w) + delta(w)) / sigma(w),
/// where w is a successor of v when level(w) = level(v) + 1 and r(w) is the target weight
/// of w (1 for plain betweenness; the number of vertices a block vertex stands for in the
/// block decomposition of resilience/detail/component_betweenness.hpp); the successors are added
/// in adjacency order. Calls @p add(v, delta(v)) for every reached vertex but the source.
template <class Graph, class Add, class Targets = UnitTargets>
inline void accumulate_hops(const Graph& g, BrandesScratch& sc, Add&& add, Targets r = {}) {
    for (std::size_t k = sc.order.size(); k-- > 0;) {
        const vertex_t v = sc.order[k];
        double acc = 0.0;  // sum over successors w of coeff(w) = (r(w) + delta(w)) / sigma(w)
        for (vertex_t w : g.out_neighbours(v))
            if (sc.level[w] == sc.level[v] + 1) acc += sc.coeff[w];
        const double delta = sc.sigma[v] * acc;
        sc.coeff[v] = (r(v) + delta) / sc.sigma[v];
        if (k > 0) add(v, delta);
    }
}

/// Dependency accumulation of Brandes (2001) in pull form: in reverse settling order,
///   delta(v) = sigma(v) * sum over successors w of (1 + delta(w)) / sigma(w),
/// where w is a successor of v when an edge v -> w lies on a shortest path (weighted:
/// dist(v) + w(v, w) == dist(w), w != v), added in adjacency order. Calls
/// @p add(v, delta(v)) for every reached vertex but the source.
template <class Add>
inline void accumulate(const View& g, bool weighted, BrandesScratch& sc, Add&& add) {
    if (!weighted) {
        reference::accumulate_hops(g, sc, add);
        return;
    }
    for (std::size_t k = sc.order.size(); k-- > 0;) {
        const vertex_t v = sc.order[k];
        const auto nb = g.out_neighbours(v);
        const auto wt = g.out_weights(v);
        double acc = 0.0;
        for (std::size_t j = 0; j < nb.size(); ++j) {
            const vertex_t w = nb[j];
            // a zero-weight self-loop is no path; an unreached w has dist = inf
            if (w != v && sc.dist[v] + wt[j] == sc.dist[w]) acc += sc.coeff[w];
        }
        const double delta = sc.sigma[v] * acc;
        sc.coeff[v] = (1.0 + delta) / sc.sigma[v];
        if (k > 0) add(v, delta);
    }
}

}  // namespace reference

/// Unweighted single source (see reference::sssp_bfs): the fast kernel, or the reference
/// under KETENNET_REFERENCE_KERNELS; the same values.
template <class Graph>
inline void sssp_bfs(const Graph& g, vertex_t s, BrandesScratch& sc) {
#if defined(KETENNET_REFERENCE_KERNELS)
    reference::sssp_bfs(g, s, sc);
#else
    detail::sssp_bfs(g, s, sc);
#endif
}

/// Weighted single source (see reference::sssp_dijkstra): the fast kernel, or the reference
/// under KETENNET_REFERENCE_KERNELS; the same values.
void sssp_dijkstra(const View& g, vertex_t s, BrandesScratch& sc);

/// Dependency accumulation after sssp_bfs (see reference::accumulate_hops): the fast kernel,
/// or the reference under KETENNET_REFERENCE_KERNELS; the same values.
template <class Graph, class Add, class Targets = UnitTargets>
inline void accumulate_hops(const Graph& g, BrandesScratch& sc, Add&& add, Targets r = {}) {
#if defined(KETENNET_REFERENCE_KERNELS)
    reference::accumulate_hops(g, sc, add, r);
#else
    detail::accumulate_hops(g, sc, add, r);
#endif
}

/// Dependency accumulation after sssp_bfs or sssp_dijkstra (see reference::accumulate): the
/// fast kernel, or the reference under KETENNET_REFERENCE_KERNELS; the same values.
template <class Add>
inline void accumulate(const View& g, bool weighted, BrandesScratch& sc, Add&& add) {
#if defined(KETENNET_REFERENCE_KERNELS)
    reference::accumulate(g, weighted, sc, add);
#else
    if (weighted)
        detail::accumulate_weighted(g, sc, add);
    else
        detail::accumulate_hops(g, sc, add, UnitTargets{});
#endif
}

/// Clears what the last search wrote (the vertices in `order`), so @p sc serves the next
/// source.
void reset(BrandesScratch& sc);

}  // namespace ketennet::paths

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/paths/impl/path_counting.ipp"
#endif
