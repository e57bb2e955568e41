#pragma once
/// @file components.hpp
/// @brief Connected components: which organisations can reach each other at all.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>

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

namespace detail {

/// Renumbers raw component ids so that the largest component is 0 (ties: the one whose
/// first member comes first in network order).
[[nodiscard]] inline Components canonical_components(const std::vector<std::size_t>& raw, std::size_t k) {
    const std::size_t n = raw.size();
    std::vector<std::size_t> size(k, 0), first(k, n);
    for (std::size_t v = 0; v < n; ++v) {
        ++size[raw[v]];
        first[raw[v]] = std::min(first[raw[v]], v);
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<std::size_t> rank(k);
    Components out;
    out.size.resize(k);
    for (std::size_t i = 0; i < k; ++i) {
        rank[order[i]] = i;
        out.size[i] = size[order[i]];
    }
    out.label.resize(n);
    for (std::size_t v = 0; v < n; ++v) out.label[v] = rank[raw[v]];
    return out;
}

}  // namespace detail

/// Connected components of the view (Boost.Graph `connected_components` for weak,
/// `strong_components`, Tarjan 1972, for strong).
///
/// Weak: organisations joined by a path when direction is ignored (NetworkX
/// `weakly_connected_components`, or `connected_components` for an undirected view).
/// Strong: organisations that reach each other both ways along the ties' directions
/// (NetworkX `strongly_connected_components`); in an undirected view every tie runs both
/// ways, so strong components are the connected components. An isolated organisation is
/// its own component. Weights are ignored.
[[nodiscard]] inline Components components(const View& view, ComponentKind kind = ComponentKind::weak) {
    const vertex_t n = view.n();
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    std::vector<std::size_t> raw(n, 0);
    std::size_t k = 0;
    if (kind == ComponentKind::weak || !view.directed()) {
        using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
        G g(n);
        for (std::size_t e = 0; e < src.size(); ++e)
            if (src[e] != tgt[e]) boost::add_edge(src[e], tgt[e], g);
        k = boost::connected_components(g, raw.data());
    } else {
        using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
        G g(n);
        for (std::size_t e = 0; e < src.size(); ++e)
            if (src[e] != tgt[e]) boost::add_edge(src[e], tgt[e], g);
        k = boost::strong_components(
            g, boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, g)));
    }
    return detail::canonical_components(raw, k);
}

}  // namespace ketennet::cohesion
