#pragma once
/// @file betweenness.hpp
/// @brief Shortest-path betweenness centrality (Brandes 2001).
#include <cstddef>
#include <vector>

#include "ketennet/centrality/detail/betweenness_kernel.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/paths/path_counting.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

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
    ProgressHandler progress{};
};

namespace detail {

/// NetworkX's _rescale of betweenness sums over @p N organisations (n, or n - 1 without
/// endpoints): normalised, 1 / (N (N - 1)); otherwise 0.5 in an undirected view (each pair
/// was counted from both ends), else 1. Nothing changes below N = 2.
inline void rescale(std::vector<double>& values, double N, bool normalized, bool directed) {
    if (N < 2.0) return;
    const double scale = normalized ? 1.0 / (N * (N - 1.0)) : directed ? 1.0 : 0.5;
    if (scale != 1.0)
        for (double& x : values) x *= scale;
}

/// betweenness() by the fast kernel, with leaf folding switched on or off (off only to check
/// it: the results agree up to rounding). @p searches, when given, receives the number of
/// single-source searches run.
[[nodiscard]] inline std::vector<double> betweenness(const View& g, const BetweennessOptions& opt,
                                       bool fold_leaves, std::size_t* searches = nullptr) {
    require_weights(g, WeightRule::counted_distance, "betweenness");
    std::vector<double> bc =
        betweenness_sums(g, opt.endpoints, opt.threads, opt.progress, fold_leaves, searches);
    const vertex_t n = g.n();
    rescale(bc, opt.endpoints ? double(n) : double(n) - 1.0, opt.normalized, g.directed());
    return bc;
}

}  // namespace detail

namespace reference {

/// betweenness() as Brandes (2001) wrote it: a search from every source in turn
/// (paths::reference::sssp_bfs, or sssp_dijkstra when weighted), each source's dependencies
/// delta_s(v) (paths::reference::accumulate) added to c_B(v) as they come (plus 1 per
/// reached target with endpoints), then NetworkX's rescaling. One thread (opt.threads is not
/// used); progress is reported after every source. Same checks, definition and conventions
/// as betweenness(); see there.
[[nodiscard]] inline std::vector<double> betweenness(const View& g, const BetweennessOptions& opt = {}) {
    require_weights(g, WeightRule::counted_distance, "betweenness");
    const vertex_t n = g.n();
    const bool weighted = g.weighted();
    const double ep = opt.endpoints ? 1.0 : 0.0;
    std::vector<double> bc(n, 0.0);
    paths::BrandesScratch sc(n);
    for (vertex_t s = 0; s < n; ++s) {
        if (weighted)
            paths::reference::sssp_dijkstra(g, s, sc);
        else
            paths::reference::sssp_bfs(g, s, sc);
        if (opt.endpoints) bc[s] += double(sc.order.size() - 1);
        paths::reference::accumulate(g, weighted, sc, [&](vertex_t v, double delta) { bc[v] += delta + ep; });
        paths::reset(sc);
        report_progress(opt.progress, double(s + 1) / double(n));
    }
    detail::rescale(bc, opt.endpoints ? double(n) : double(n) - 1.0, opt.normalized, g.directed());
    return bc;
}

}  // namespace reference

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
/// for every thread count. An organisation whose ties all run to one other organisation,
/// with an arc towards it (a leaf), is not searched from: its hub's search is counted for it
/// (Baglioni et al. 2012; see detail::HangingLeaves), which saves a search per leaf. With
/// weights this applies only when path sums are exact (integers, halves, ...:
/// detail::exact_path_sums), so that ties between paths are judged as a search from the leaf
/// (and NetworkX's) judges them. This is the fast kernel (detail/betweenness_kernel.hpp);
/// built with KETENNET_FAST_KERNELS=OFF (KETENNET_REFERENCE_KERNELS), reference::betweenness()
/// runs instead (the same values to rounding).
[[nodiscard]] inline std::vector<double> betweenness(const View& g, const BetweennessOptions& opt = {}) {
#if defined(KETENNET_REFERENCE_KERNELS)
    return reference::betweenness(g, opt);
#else
    return detail::betweenness(g, opt, true);
#endif
}

}  // namespace ketennet::centrality
