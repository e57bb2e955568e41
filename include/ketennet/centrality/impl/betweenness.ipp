#pragma once
/// @file betweenness.ipp
/// @brief Definitions of centrality/betweenness.hpp (compiled into the library; see core/config.hpp).
#include <vector>

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/detail/betweenness_kernel.hpp"
#include "ketennet/paths/path_counting.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> reference::betweenness(const View& g, const BetweennessOptions& opt) {
    require_weights(g, WeightRule::counted_distance, "betweenness");
    const vertex_t n = g.n();
    const bool weighted = g.weighted();
    const double ep = opt.endpoints ? 1.0 : 0.0;
    std::vector<double> bc(n, 0.0);
    paths::BrandesScratch sc(n);
    for (vertex_t s = 0; s < n; ++s) {
        if (weighted)
            paths::reference::sssp_dijkstra(g, s, sc);
        else
            paths::reference::sssp_bfs(g, s, sc);
        if (opt.endpoints) bc[s] += double(sc.order.size() - 1);
        paths::reference::accumulate(g, weighted, sc, [&](vertex_t v, double delta) { bc[v] += delta + ep; });
        paths::reset(sc);
        report_progress(opt.progress, double(s + 1) / double(n));
    }
    detail::rescale(bc, opt.endpoints ? double(n) : double(n) - 1.0, opt.normalized, g.directed());
    return bc;
}

KETENNET_INLINE std::vector<double> betweenness(const View& g, const BetweennessOptions& opt) {
#if defined(KETENNET_REFERENCE_KERNELS)
    return reference::betweenness(g, opt);
#else
    return detail::betweenness(g, opt, true);
#endif
}

}  // namespace ketennet::centrality
