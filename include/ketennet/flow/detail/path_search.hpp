#pragma once
/// @file path_search.hpp
/// @brief The best-path search behind lead_time(), most_reliable_path() and
/// most_probable_path(), and the checks of their sources and targets.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

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
/// Messages about one list name it by @p sources_name and @p targets_name, the parameters of
/// the function checked ("what (sinks): ...").
inline void check_ends(const View& g, const std::vector<vertex_t>& sources,
                       const std::vector<vertex_t>& targets, const std::string& what,
                       const char* sources_name = "sources", const char* targets_name = "targets") {
    if (sources.empty()) throw InputError(what + ": no source organisation given");
    if (targets.empty()) throw InputError(what + ": no target organisation given");
    check_vertices(g, sources, (what + " (" + sources_name + ")").c_str());
    check_vertices(g, targets, (what + " (" + targets_name + ")").c_str());
    check_disjoint(g, sources, targets, what, "source", "target");
}

[[nodiscard]] inline std::vector<char> mask(vertex_t n, const std::vector<vertex_t>& vs) {
    std::vector<char> m(n, 0);
    for (vertex_t v : vs) m[v] = 1;
    return m;
}

}  // namespace detail

}  // namespace ketennet::flow
