#pragma once
/// @file path_counting.ipp
/// @brief Definitions of paths/path_counting.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <cstdint>
#include <limits>

#include "ketennet/paths/path_counting.hpp"
#include "ketennet/paths/detail/path_counting_kernel.hpp"
#include "ketennet/support/branchless.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::paths {

KETENNET_INLINE BrandesScratch::BrandesScratch(vertex_t n)
    : dist(n, std::numeric_limits<double>::infinity()), sigma(n, 0.0), coeff(n, 0.0),
      level(n, -1), heap(n, dist) {
    order.reserve(n);
}

KETENNET_INLINE double select_if(bool keep, double x) noexcept {
    return ketennet::select_if(keep, x);
}

KETENNET_INLINE void reference::sssp_dijkstra(const View& g, vertex_t s, BrandesScratch& sc) {
    sc.order.clear();
    sc.dist[s] = 0.0;
    sc.sigma[s] = 1.0;
    sc.heap.push_or_decrease(s);
    while (!sc.heap.empty()) {
        const vertex_t v = sc.heap.pop();
        sc.level[v] = std::int32_t(sc.order.size());  // settled
        sc.order.push_back(v);
        const auto nb = g.out_neighbours(v);
        const auto wt = g.out_weights(v);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            const vertex_t w = nb[k];
            const double nd = sc.dist[v] + wt[k];
            if (nd < sc.dist[w]) {
                sc.dist[w] = nd;
                sc.sigma[w] = sc.sigma[v];
                sc.heap.push_or_decrease(w);
            } else if (nd == sc.dist[w] && sc.level[w] < 0) {
                sc.sigma[w] += sc.sigma[v];
            }
        }
    }
}

KETENNET_INLINE void sssp_dijkstra(const View& g, vertex_t s, BrandesScratch& sc) {
#if defined(KETENNET_REFERENCE_KERNELS)
    reference::sssp_dijkstra(g, s, sc);
#else
    detail::sssp_dijkstra(g, s, sc);
#endif
}

KETENNET_INLINE void reset(BrandesScratch& sc) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (vertex_t v : sc.order) {
        sc.dist[v] = inf;
        sc.sigma[v] = 0.0;
        sc.coeff[v] = 0.0;
        sc.level[v] = -1;
        sc.heap.reset(v);
    }
}

}  // namespace ketennet::paths
