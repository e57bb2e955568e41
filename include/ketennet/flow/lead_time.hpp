#pragma once
/// @file lead_time.hpp
/// @brief Fastest paths: the lead time ("doorlooptijd") along the quickest route from one
/// or more organisations to one or more others, with the route.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/flow/selection.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/paths/shortest_paths.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::flow {

/// A best path and its value. `path` runs from a source to a target (both included) and is
/// empty when no target can be reached; `value` is then the documented "no path" value of
/// the function that returned it.
struct PathResult {
    double value = std::numeric_limits<double>::infinity();
    std::vector<vertex_t> path;
};

namespace detail {

/// Multi-source Dijkstra that stops when the first target settles. @p starts gives each
/// source with its initial cost (>= 0); @p cost(u, k) the cost (>= 0, +inf = unusable) of
/// the k-th out-tie of u. Ties between equal costs settle the lower vertex index first, so
/// the result is deterministic. Returns the total cost (+inf if no target is reachable) and
/// the path.
template <class Cost>
PathResult best_path(const View& g, const std::vector<std::pair<vertex_t, double>>& starts,
                     const std::vector<char>& is_target, Cost cost) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr vertex_t none = std::numeric_limits<vertex_t>::max();
    const vertex_t n = g.n();
    std::vector<double> dist(n, inf);
    std::vector<vertex_t> parent(n, none);
    std::vector<char> done(n, 0);
    using Item = std::pair<double, vertex_t>;
    std::vector<Item> heap;
    const auto later = std::greater<Item>();
    for (auto [s, c] : starts) {
        if (!(c < dist[s])) continue;
        dist[s] = c;
        heap.emplace_back(c, s);
    }
    std::make_heap(heap.begin(), heap.end(), later);
    PathResult out;
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const auto [d, v] = heap.back();
        heap.pop_back();
        if (done[v] || d > dist[v]) continue;
        done[v] = 1;
        if (is_target[v]) {
            out.value = d;
            for (vertex_t x = v; x != none; x = parent[x]) out.path.push_back(x);
            std::reverse(out.path.begin(), out.path.end());
            return out;
        }
        const auto nb = g.out_neighbours(v);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const vertex_t w = nb[k];
            if (done[w]) continue;
            const double c = cost(v, k);
            if (!(c < inf)) continue;
            const double nd = d + c;
            if (nd < dist[w]) {
                dist[w] = nd;
                parent[w] = v;
                heap.emplace_back(nd, w);
                std::push_heap(heap.begin(), heap.end(), later);
            }
        }
    }
    return out;  // value inf, empty path
}

/// Checks sources and targets of a path query: non-empty, in range, no repeats, disjoint.
inline void check_ends(const View& g, const std::vector<vertex_t>& sources,
                       const std::vector<vertex_t>& targets, const std::string& what) {
    if (sources.empty()) throw InputError(what + ": no source organisation given");
    if (targets.empty()) throw InputError(what + ": no target organisation given");
    check_vertices(g, sources, (what + " (sources)").c_str());
    check_vertices(g, targets, (what + " (targets)").c_str());
    check_disjoint(g, sources, targets, what, "source", "target");
}

[[nodiscard]] inline std::vector<char> mask(vertex_t n, const std::vector<vertex_t>& vs) {
    std::vector<char> m(n, 0);
    for (vertex_t v : vs) m[v] = 1;
    return m;
}

}  // namespace detail

/// Lead time: the shortest time from any of @p sources to any of @p targets.
///
/// Definition: min over paths p from a source to a target of sum over ties e in p of w(e),
/// with w the view's weight read as a duration (latency in days; parallel relations of
/// several layers best merged with Combine::min: the fastest relation counts). In an
/// unweighted view every tie takes 1 (the value counts hand-offs). Dijkstra (1959).
/// Weights must be >= 0 (InputError naming the tie otherwise).
///
/// Returns the value and the path (sources first). When no target can be reached the value
/// is +infinity and the path empty. Sources and targets must be non-empty and disjoint
/// (InputError: a lead time from an organisation to itself is not a hand-off).
[[nodiscard]] inline PathResult lead_time(const View& g, const std::vector<vertex_t>& sources,
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

/// Lead time from one organisation to another (see the multi-source overload).
[[nodiscard]] inline PathResult lead_time(const View& g, vertex_t source, vertex_t target) {
    return lead_time(g, std::vector<vertex_t>{source}, std::vector<vertex_t>{target});
}

}  // namespace ketennet::flow
