#pragma once
/// @file degrees.hpp
/// @brief detail::degrees(): the degree ranking of simulate()'s degree attacks.
#include <cstddef>
#include <vector>

#include "ketennet/view/view.hpp"

namespace ketennet::resilience::detail {

/// Degrees as NetworkX's G.degree (in + out in a directed view; a self-loop counts twice).
[[nodiscard]] inline std::vector<double> degrees(const View& g) {
    std::vector<double> d(g.n(), 0.0);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e) {
        d[src[e]] += 1.0;
        d[tgt[e]] += 1.0;
    }
    return d;
}

}  // namespace ketennet::resilience::detail
