#pragma once
/// @file information.ipp
/// @brief Definitions of centrality/information.hpp (compiled into the library; see core/config.hpp).
#include <vector>

#include "ketennet/centrality/information.hpp"
#include "ketennet/centrality/current_flow_closeness.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> information(const View& g, const CurrentFlowOptions& opt) {
    return current_flow_closeness(g, opt, "information");
}

}  // namespace ketennet::centrality
