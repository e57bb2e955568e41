#pragma once
/// @file degree.ipp
/// @brief Definitions of centrality/degree.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <vector>

#include "ketennet/centrality/degree.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> degree(const View& view, Direction direction) {
    std::vector<double> d(view.n(), 0.0);
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    const auto w = view.edge_weights();
    const bool out = !view.directed() || direction != Direction::in;
    const bool in = !view.directed() || direction != Direction::out;
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (out) d[src[e]] += w[e];
        if (in) d[tgt[e]] += w[e];
    }
    return d;
}

}  // namespace ketennet::centrality
