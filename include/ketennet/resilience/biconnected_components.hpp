#pragma once
/// @file biconnected_components.hpp
/// @brief Biconnected components and bridges: the parts of a network that survive the loss of
/// any one organisation, and the ties whose loss splits it.
#include <utility>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

/// An undirected tie (u < v) between two organisations.
using Tie = std::pair<vertex_t, vertex_t>;

/// Biconnected components of the view: maximal sets of organisations that stay connected
/// when any one of them fails (Hopcroft & Tarjan 1973, with Boost.Graph's
/// `biconnected_components`).
///
/// Computed on the undirected projection (a tie in either direction connects; direction
/// and weights ignored), as NetworkX's `biconnected_components` on `G.to_undirected()`.
/// Each component is the set of organisations touched by its ties, ascending; a bridge is a
/// component of two organisations; isolated organisations belong to none. Two components
/// share at most one organisation, an articulation point. Components are ordered by their
/// smallest member (then lexicographically).
[[nodiscard]] std::vector<std::vector<vertex_t>> biconnected_components(const View& view);

/// Bridges of the view: ties whose removal increases the number of connected components
/// (Tarjan 1974). A tie is a bridge exactly when it forms a biconnected component on its own
/// (Boost.Graph's `biconnected_components`). Computed on the undirected projection (u -> v
/// and v -> u are one tie; self-loops are never bridges), as NetworkX's `bridges` on
/// `G.to_undirected()`. Returned as (u, v) with u < v, ascending.
[[nodiscard]] std::vector<Tie> bridges(const View& view);

}  // namespace ketennet::resilience

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/resilience/impl/biconnected_components.ipp"
#endif
