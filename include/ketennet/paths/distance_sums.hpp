#pragma once
/// @file distance_sums.hpp
/// @brief For every organisation: how many others reach it, the sum of their distances and
/// the sum of their inverse distances. The kernel of closeness and harmonic centrality.
///
/// Unweighted views use a multi-source breadth-first search (Then et al. 2014, "The more the
/// merrier: efficient multi-source graph traversal", PVLDB 8(4)): 64 searches run at once, one
/// bit each in a machine word per vertex, so a tie is looked at once per level for up to 64
/// searches instead of once per search. Weighted views run one Dijkstra search per
/// organisation with an indexed 8-ary heap (paths/dary_heap.hpp: decrease-key, at most n
/// entries). Both are
/// parallel over fixed blocks of organisations; every organisation's sums are computed by one
/// thread in a fixed order, so results are identical for every thread count.
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::paths {

/// Distance sums of one organisation v over the organisations u != v that reach it (or that
/// it reaches, for outgoing sums).
struct DistanceSums {
    std::vector<double> reached;  ///< number of u with a path (v itself not counted)
    std::vector<double> total;    ///< sum of d(u, v)
    std::vector<double> inverse;  ///< sum of 1 / d(u, v) over d(u, v) > 0
};

/// Distance sums of every organisation over incoming distances d(u, v) (@p incoming) or
/// outgoing ones d(v, u). Unweighted: hops; weighted: sums of weights, which must be >= 0
/// (the caller checks: require_weights with WeightRule::distance). Pairs at distance 0 count
/// as reached and add 0 to `total` and nothing to `inverse`.
[[nodiscard]] DistanceSums distance_sums(const View& g, bool incoming, unsigned threads,
                                  const ProgressHandler& progress);

}  // namespace ketennet::paths

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/paths/impl/distance_sums.ipp"
#endif
