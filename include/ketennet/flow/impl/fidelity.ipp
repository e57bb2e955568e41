#pragma once
/// @file fidelity.ipp
/// @brief Definitions of flow/fidelity.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "ketennet/flow/fidelity.hpp"
#include "ketennet/flow/detail/path_search.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

KETENNET_INLINE PathResult most_reliable_path(const View& g, const std::vector<vertex_t>& sources,
                                     const std::vector<vertex_t>& targets) {
    detail::check_ends(g, sources, targets, "fidelity");
    if (g.weighted()) {
        const auto w = g.edge_weights();
        for (std::size_t e = 0; e < w.size(); ++e)
            if (!(w[e] >= 0.0 && w[e] <= 1.0))
                throw InputError("fidelity: quality '" + g.options().weight + "' of " +
                                 g.id(g.edge_sources()[e]) + (g.directed() ? " -> " : " - ") +
                                 g.id(g.edge_targets()[e]) + " is " + std::to_string(w[e]) +
                                 "; it must lie in [0, 1] (merge layers with Combine::max)");
    }
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<std::pair<vertex_t, double>> starts;
    for (vertex_t s : sources) starts.emplace_back(s, 0.0);
    const auto is_target = detail::mask(g.n(), targets);
    const bool weighted = g.weighted();
    PathResult r = detail::best_path(g, starts, is_target, [&](vertex_t u, std::size_t k) {
        if (!weighted) return 0.0;
        const double q = g.out_weights(u)[k];
        return q > 0.0 ? -std::log(q) : inf;
    });
    if (!r.path.empty()) {
        r.value = std::exp(-r.value);
        return r;
    }
    // no route of positive quality: is there a route at all?
    r = detail::best_path(g, starts, is_target, [](vertex_t, std::size_t) { return 1.0; });
    r.value = 0.0;
    return r;
}

KETENNET_INLINE PathResult most_reliable_path(const View& g, vertex_t source, vertex_t target) {
    return most_reliable_path(g, std::vector<vertex_t>{source}, std::vector<vertex_t>{target});
}

}  // namespace ketennet::flow
