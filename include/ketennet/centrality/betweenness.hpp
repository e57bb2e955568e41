#pragma once
/// @file betweenness.hpp
/// @brief Shortest-path betweenness centrality (Brandes 2001).
#include <vector>

#include "ketennet/core/config.hpp"
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
    ProgressHandler progress{};
};

namespace reference {

/// betweenness() as Brandes (2001) wrote it: a search from every source in turn
/// (paths::reference::sssp_bfs, or sssp_dijkstra when weighted), each source's dependencies
/// delta_s(v) (paths::reference::accumulate) added to c_B(v) as they come (plus 1 per
/// reached target with endpoints), then NetworkX's rescaling. One thread (opt.threads is not
/// used); progress is reported after every source. Same checks, definition and conventions
/// as betweenness(); see there.
[[nodiscard]] std::vector<double> betweenness(const View& g, const BetweennessOptions& opt = {});

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
[[nodiscard]] std::vector<double> betweenness(const View& g, const BetweennessOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/betweenness.ipp"
#endif
