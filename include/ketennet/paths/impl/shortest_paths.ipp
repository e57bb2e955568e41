#pragma once
/// @file shortest_paths.ipp
/// @brief Definitions of paths/shortest_paths.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include "ketennet/paths/shortest_paths.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::paths {

KETENNET_INLINE SingleSource::SingleSource(vertex_t n)
    : dist(n, std::numeric_limits<double>::infinity()),
      parent(n, std::numeric_limits<vertex_t>::max()),
      settled(n, 0) {
    order.reserve(n);
}

KETENNET_INLINE std::vector<vertex_t> SingleSource::path_to(vertex_t target) const {
    std::vector<vertex_t> p;
    if (dist[target] == std::numeric_limits<double>::infinity()) return p;
    for (vertex_t v = target; v != none; v = parent[v]) p.push_back(v);
    std::reverse(p.begin(), p.end());
    return p;
}

KETENNET_INLINE void shortest_distances(const View& g, vertex_t s, SingleSource& ss, bool reverse) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (vertex_t v : ss.order) {
        ss.dist[v] = inf;
        ss.parent[v] = SingleSource::none;
        ss.settled[v] = 0;
    }
    ss.order.clear();
    auto nbrs = [&](vertex_t v) { return reverse ? g.in_neighbours(v) : g.out_neighbours(v); };
    auto wts = [&](vertex_t v) { return reverse ? g.in_weights(v) : g.out_weights(v); };
    ss.dist[s] = 0.0;
    if (!g.weighted()) {
        ss.order.push_back(s);
        ss.settled[s] = 1;
        for (std::size_t head = 0; head < ss.order.size(); ++head) {
            const vertex_t v = ss.order[head];
            const double d = ss.dist[v] + 1.0;
            for (vertex_t w : nbrs(v)) {
                if (ss.settled[w]) continue;
                ss.settled[w] = 1;
                ss.dist[w] = d;
                ss.parent[w] = v;
                ss.order.push_back(w);
            }
        }
        return;
    }
    using Item = std::pair<double, vertex_t>;
    const auto later = std::greater<Item>();
    auto& heap = ss.heap;
    heap.clear();
    heap.emplace_back(0.0, s);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const auto [d, v] = heap.back();
        heap.pop_back();
        if (ss.settled[v] || d > ss.dist[v]) continue;
        ss.settled[v] = 1;
        ss.order.push_back(v);
        const auto nb = nbrs(v);
        const auto wt = wts(v);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const vertex_t w = nb[k];
            if (ss.settled[w]) continue;
            const double nd = d + wt[k];
            if (nd < ss.dist[w]) {
                ss.dist[w] = nd;
                ss.parent[w] = v;
                heap.emplace_back(nd, w);
                std::push_heap(heap.begin(), heap.end(), later);
            }
        }
    }
    // vertices reached but never settled cannot exist (the heap is drained), so order holds
    // every vertex whose dist is finite and the next reset is complete.
}

}  // namespace ketennet::paths
