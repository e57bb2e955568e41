#pragma once
/// @file closeness.ipp
/// @brief Definitions of centrality/closeness.hpp (compiled into the library; see core/config.hpp).
#include <vector>

#include "ketennet/centrality/closeness.hpp"
#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> closeness(const View& g, const ClosenessOptions& opt) {
    require_weights(g, WeightRule::distance, "closeness");
    const vertex_t n = g.n();
    const paths::DistanceSums sums = paths::distance_sums(g, /*incoming=*/true, opt.threads, opt.progress);
    std::vector<double> out(n, 0.0);
    for (vertex_t v = 0; v < n; ++v) {
        const double reached = sums.reached[v], total = sums.total[v];
        if (!(total > 0.0) || n < 2) continue;
        out[v] = reached / total;
        if (opt.wf_improved) out[v] *= reached / (double(n) - 1.0);
    }
    return out;
}

}  // namespace ketennet::centrality
