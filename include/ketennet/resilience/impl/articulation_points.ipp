#pragma once
/// @file articulation_points.ipp
/// @brief Definitions of resilience/articulation_points.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <iterator>
#include <vector>

#include <boost/graph/biconnected_components.hpp>

#include "ketennet/resilience/articulation_points.hpp"
#include "ketennet/view/boost_undirected.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

KETENNET_INLINE std::vector<vertex_t> articulation_points(const View& view) {
    const SymmetricCsr g = undirected_csr(view);
    std::vector<vertex_t> out;
    boost::articulation_points(g, std::back_inserter(out));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace ketennet::resilience
