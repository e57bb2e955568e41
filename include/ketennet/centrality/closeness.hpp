#pragma once
/// @file closeness.hpp
/// @brief Closeness centrality (Bavelas 1950; Wasserman & Faust 1994 for unreachable pairs).
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of closeness().
struct ClosenessOptions {
    /// Scale by the share of the other organisations that can reach the organisation,
    /// (r - 1) / (n - 1) (Wasserman & Faust 1994), as NetworkX's `wf_improved=True`.
    bool wf_improved = true;
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
};

/// Closeness centrality of every organisation.
///
/// Definition (Bavelas 1950; Sabidussi 1966), with the Wasserman & Faust (1994) correction
/// for organisations that not everybody reaches:
///
///   C(v) = (r(v) - 1) / sum_{u reaches v} d(u, v)  *  (r(v) - 1) / (n - 1)   (wf_improved)
///   C(v) = (r(v) - 1) / sum_{u reaches v} d(u, v)                          (otherwise)
///
/// where r(v) counts the organisations that reach v (v included) and d(u, v) is the
/// shortest-path distance from u to v. An organisation that nobody reaches, or whose
/// distances sum to 0, gets 0; so does every organisation of a network with one organisation.
///
/// Conventions follow NetworkX's `closeness_centrality(G, distance=, wf_improved=)`:
/// - directed views use **incoming** distances d(u, v) (how quickly information from the others
///   arrives at v); for outgoing distances reverse the relations;
/// - a weighted view reads the weight as a **distance** (latency): Dijkstra over the sum of
///   weights, which must be >= 0 (InputError naming the tie otherwise); unweighted, hops.
///
/// Runs in O(n m) (O(n (m + n log n)) weighted; see distance_sums.hpp: unweighted, 64
/// breadth-first searches at once), parallel over organisations in fixed blocks, so the result
/// is identical for every thread count.
[[nodiscard]] std::vector<double> closeness(const View& g, const ClosenessOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/closeness.ipp"
#endif
