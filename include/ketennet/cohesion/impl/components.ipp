#pragma once
/// @file components.ipp
/// @brief Definitions of cohesion/components.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>

#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/detail/canonical_components.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE Components components(const View& view, ComponentKind kind) {
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
