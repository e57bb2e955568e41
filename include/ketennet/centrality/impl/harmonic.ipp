#pragma once
/// @file harmonic.ipp
/// @brief Definitions of centrality/harmonic.hpp (compiled into the library; see core/config.hpp).
#include <vector>

#include "ketennet/centrality/harmonic.hpp"
#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> harmonic(const View& g, const HarmonicOptions& opt) {
    require_weights(g, WeightRule::distance, "harmonic");
    return paths::distance_sums(g, /*incoming=*/true, opt.threads, opt.progress).inverse;
}

}  // namespace ketennet::centrality
