#pragma once
/// @file harmonic.hpp
/// @brief Harmonic centrality (Marchiori & Latora 2000; Boldi & Vigna 2014).
#include <cstddef>
#include <vector>

#include "ketennet/paths/shortest_paths.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of harmonic().
struct HarmonicOptions {
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress;
};

/// Harmonic centrality of every organisation.
///
/// Definition (Marchiori & Latora 2000; Boldi & Vigna 2014):
///
///   H(v) = sum_{u != v} 1 / d(u, v),
///
/// with 1 / infinity = 0, so organisations that cannot reach v simply add nothing: unlike
/// closeness it needs no correction for unreachable pairs. Not normalised.
///
/// Conventions follow NetworkX's `harmonic_centrality(G, distance=)`:
/// - directed views use **incoming** distances d(u, v) (as closeness);
/// - a weighted view reads the weight as a **distance**: Dijkstra over the sum of weights,
///   which must be >= 0 (InputError naming the tie otherwise); pairs at distance 0 (joined by
///   zero-latency ties) are skipped, as NetworkX skips them.
///
/// Runs in O(n m) (O(n (m + n log n)) weighted), parallel over organisations in fixed blocks,
/// so the result is identical for every thread count.
inline std::vector<double> harmonic(const View& g, const HarmonicOptions& opt = {}) {
    paths::require_nonnegative(g, "harmonic");
    const vertex_t n = g.n();
    std::vector<double> out(n, 0.0);
    if (n == 0) return out;
    // blocks fixed by n (at most 256: frequent progress, balanced threads)
    const std::size_t blocks = block_count(n, 256);
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            paths::SingleSource ss(n);
            for (std::size_t v = lo; v < hi; ++v) {
                paths::shortest_distances(g, vertex_t(v), ss, /*reverse=*/true);
                double h = 0.0;
                for (vertex_t u : ss.order) {
                    const double d = ss.dist[u];
                    if (d != 0.0) h += 1.0 / d;
                }
                out[v] = h;
            }
        },
        opt.progress);
    return out;
}

}  // namespace ketennet::centrality
