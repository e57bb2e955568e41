#pragma once
/// @file density.hpp
/// @brief Density: the share of possible ties that exist.
#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

/// Density of the view.
///
/// Definition: d = m / (n (n - 1)) for a directed view, d = 2m / (n (n - 1)) for an
/// undirected one, with m the number of ties after merging layers (the view is a simple
/// graph) and n the number of organisations. Self-loops count in m, as in NetworkX's
/// `density`, so d can exceed 1 only with self-loops. Weights are ignored. 0 when n <= 1.
/// Used by Provan & Milward (1995) as a measure of network integration.
[[nodiscard]] double density(const View& view);

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/density.ipp"
#endif
