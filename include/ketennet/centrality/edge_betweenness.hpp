#pragma once
/// @file edge_betweenness.hpp
/// @brief Shortest-path betweenness of ties (Girvan & Newman 2002; Brandes 2008).
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of edge_betweenness().
struct EdgeBetweennessOptions {
    /// Divide by n(n-1), the number of ordered pairs, as NetworkX does. Otherwise an
    /// undirected view's values are halved so each unordered pair counts once.
    bool normalized = true;
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
};

/// Betweenness of every tie of the view, indexed like View::edge_sources() (edge ids).
///
/// Definition (Anthonisse 1971; Girvan & Newman 2002; algorithm Brandes 2008):
///   c_B(e) = sum over s != t of sigma(s, t | e) / sigma(s, t),
/// where sigma(s, t) counts the shortest s-t paths and sigma(s, t | e) those using tie e.
/// A tie that carries much of the shortest-path traffic is a bridge between parts of the
/// network. Pairs without a path contribute nothing; self-loops get 0.
///
/// Conventions follow NetworkX's `edge_betweenness_centrality(G, normalized=, weight=)`:
/// a weighted view reads the weight as a **distance** (positive; InputError naming the tie
/// otherwise, as betweenness()); normalized = true divides by n(n-1) for directed and
/// undirected views alike (no rescaling with fewer than two organisations); normalized =
/// false halves undirected values. An undirected tie collects the paths in both directions.
///
/// Runs in O(nm) (O(nm + n^2 log n) weighted), parallel over sources in fixed blocks, with
/// identical results for every thread count.
[[nodiscard]] std::vector<double> edge_betweenness(const View& g, const EdgeBetweennessOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/edge_betweenness.ipp"
#endif
