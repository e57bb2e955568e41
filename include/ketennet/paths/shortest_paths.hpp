#pragma once
/// @file shortest_paths.hpp
/// @brief Single-source shortest-path distances over a view (BFS or Dijkstra), the kernel
/// shared by closeness, harmonic centrality, efficiency and lead times.
#include <limits>
#include <utility>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::paths {

/// Reusable scratch space and result of one single-source search. After
/// shortest_distances(), `dist[v]` is the distance from the source (+infinity when not
/// reached) and `order` lists the reached vertices in non-decreasing distance (the source
/// first). Reuse one per thread: each search resets only what the previous one touched.
struct SingleSource {
    std::vector<double> dist;
    std::vector<vertex_t> order;
    std::vector<vertex_t> parent;  ///< predecessor on one shortest path (UINT32_MAX: none)
    std::vector<std::pair<double, vertex_t>> heap;
    std::vector<char> settled;

    explicit SingleSource(vertex_t n);
    static constexpr vertex_t none = std::numeric_limits<vertex_t>::max();

    /// The path source -> ... -> @p target recorded by the last search (empty if unreached).
    std::vector<vertex_t> path_to(vertex_t target) const;
};

/// Distances from @p s: breadth-first (hops) in an unweighted view, Dijkstra (sum of
/// weights as distances, which must be >= 0: see require_weights with WeightRule::distance) in a weighted one.
/// With @p reverse the search follows ties backwards, giving distances *to* s. Ties between
/// equally short paths keep the parent found first (lowest settling order), so results are
/// deterministic.
void shortest_distances(const View& g, vertex_t s, SingleSource& ss, bool reverse = false);

}  // namespace ketennet::paths

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/paths/impl/shortest_paths.ipp"
#endif
