#pragma once
/// @file fidelity.hpp
/// @brief Fidelity: how much of the information survives the hand-offs, along the most
/// reliable path (the volume-routed expectation is expected_fidelity in markov.hpp).
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/flow/lead_time.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// The most reliable path from any of @p sources to any of @p targets.
///
/// Definition: max over paths p of prod over ties e in p of q(e), with q the view's weight
/// read as quality in [0, 1] (the share of the information passed on completely and
/// correctly; parallel relations of several layers best merged with Combine::max). The
/// product is the probability that an item arrives intact when each hand-off independently
/// keeps it intact with probability q. Computed as a shortest path on -log q (Dijkstra).
///
/// Conventions: the path runs from a source to a target. When every route to a target
/// passes a tie of quality 0, value is 0 and the path is the route with the fewest
/// hand-offs; when no target can be reached, value is 0 and the path empty. An unweighted
/// view gives every tie quality 1. Qualities outside [0, 1] raise InputError (a quality view
/// merged with Combine::sum can exceed 1). Sources and targets must be non-empty and
/// disjoint.
[[nodiscard]] inline PathResult most_reliable_path(const View& g, const std::vector<vertex_t>& sources,
                                     const std::vector<vertex_t>& targets) {
    detail::check_ends(g, sources, targets, "fidelity");
    if (g.weighted()) {
        const auto w = g.edge_weights();
        for (std::size_t e = 0; e < w.size(); ++e)
            if (!(w[e] >= 0.0 && w[e] <= 1.0))
                throw InputError("fidelity: quality '" + g.options().weight + "' of " +
                                 g.id(g.edge_sources()[e]) + (g.directed() ? " -> " : " - ") +
                                 g.id(g.edge_targets()[e]) + " is " + std::to_string(w[e]) +
                                 "; it must lie in [0, 1] (merge layers with combine='max')");
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

/// Most reliable path from one organisation to another (see the multi-source overload).
[[nodiscard]] inline PathResult most_reliable_path(const View& g, vertex_t source, vertex_t target) {
    return most_reliable_path(g, std::vector<vertex_t>{source}, std::vector<vertex_t>{target});
}

}  // namespace ketennet::flow
