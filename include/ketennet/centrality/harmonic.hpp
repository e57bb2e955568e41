#pragma once
/// @file harmonic.hpp
/// @brief Harmonic centrality (Marchiori & Latora 2000; Boldi & Vigna 2014).
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of harmonic().
struct HarmonicOptions {
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
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
/// Runs in O(n m) (O(n (m + n log n)) weighted; see distance_sums.hpp: unweighted, 64
/// breadth-first searches at once), parallel over organisations in fixed blocks, so the
/// result is identical for every thread count.
[[nodiscard]] std::vector<double> harmonic(const View& g, const HarmonicOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/harmonic.ipp"
#endif
