#pragma once
/// @file lead_time.ipp
/// @brief Definitions of flow/lead_time.hpp (compiled into the library; see core/config.hpp).
#include <utility>
#include <vector>

#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/detail/path_search.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::flow {

KETENNET_INLINE PathResult lead_time(const View& g, const std::vector<vertex_t>& sources,
                            const std::vector<vertex_t>& targets) {
    detail::check_ends(g, sources, targets, "lead_time");
    require_weights(g, WeightRule::distance, "lead_time");
    std::vector<std::pair<vertex_t, double>> starts;
    for (vertex_t s : sources) starts.emplace_back(s, 0.0);
    const bool weighted = g.weighted();
    return detail::best_path(g, starts, detail::mask(g.n(), targets),
                             [&](vertex_t u, std::size_t k) {
                                 return weighted ? g.out_weights(u)[k] : 1.0;
                             });
}

KETENNET_INLINE PathResult lead_time(const View& g, vertex_t source, vertex_t target) {
    return lead_time(g, std::vector<vertex_t>{source}, std::vector<vertex_t>{target});
}

}  // namespace ketennet::flow
