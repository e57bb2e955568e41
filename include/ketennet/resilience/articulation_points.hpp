#pragma once
/// @file articulation_points.hpp
/// @brief Articulation points: organisations whose removal disconnects the network.
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

/// Articulation points (cut vertices) of the view, ascending by index.
///
/// Definition: v is an articulation point when removing it (and its ties) increases the
/// number of connected components. Computed on the undirected projection (ties in either
/// direction connect; direction and weights ignored), as NetworkX's `articulation_points`
/// for undirected graphs, with Boost.Graph's `articulation_points` (Hopcroft & Tarjan 1973)
/// run on the projection as a compressed sparse row graph (view/boost_undirected.hpp).
/// A resilience indicator (DOMAIN.md: veerkracht): single points of failure.
[[nodiscard]] std::vector<vertex_t> articulation_points(const View& view);

}  // namespace ketennet::resilience

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/resilience/impl/articulation_points.ipp"
#endif
