#pragma once
/// @file components.hpp
/// @brief Connected components: which organisations can reach each other at all.
#include <cstddef>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

/// Weak or strong connectivity.
enum class ComponentKind {
    weak,    ///< ties connect in either direction (the undirected projection)
    strong,  ///< every organisation reaches every other along the ties' directions
};

/// Result of components(): a label per organisation and the size of each component.
struct Components {
    /// label[v] = component of organisation v; components are numbered 0, 1, ... by size,
    /// largest first, equal sizes by their first organisation in network order.
    std::vector<std::size_t> label;
    /// size[c] = organisations in component c (descending).
    std::vector<std::size_t> size;
    std::size_t count() const noexcept { return size.size(); }
};

/// Connected components of the view (Boost.Graph `connected_components` for weak,
/// `strong_components`, Tarjan 1972, for strong).
///
/// Weak: organisations joined by a path when direction is ignored (NetworkX
/// `weakly_connected_components`, or `connected_components` for an undirected view).
/// Strong: organisations that reach each other both ways along the ties' directions
/// (NetworkX `strongly_connected_components`); in an undirected view every tie runs both
/// ways, so strong components are the connected components. An isolated organisation is
/// its own component. Weights are ignored.
[[nodiscard]] Components components(const View& view, ComponentKind kind = ComponentKind::weak);

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/components.ipp"
#endif
