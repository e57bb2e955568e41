#pragma once
/// @file edge_betweenness.ipp
/// @brief Definitions of centrality/edge_betweenness.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "ketennet/centrality/edge_betweenness.hpp"
#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/detail/betweenness_kernel.hpp"
#include "ketennet/paths/path_counting.hpp"
#include "ketennet/support/branchless.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> edge_betweenness(const View& g, const EdgeBetweennessOptions& opt) {
    require_weights(g, WeightRule::counted_distance, "edge_betweenness");
    const vertex_t n = g.n();
    const std::size_t m = g.m();
    // blocks fixed by the size; per-block partial vectors of m doubles, at most 2^25 in all
    const std::size_t cap =
        std::max<std::size_t>(1, (std::size_t(1) << 25) / std::max<std::size_t>(m, 1));
    const std::size_t blocks = std::max<std::size_t>(1, std::min({std::size_t(n), std::size_t(64), cap}));
    std::vector<std::vector<double>> parts(blocks);
    const bool weighted = g.weighted();
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            std::vector<double> eb(m, 0.0);
            paths::BrandesScratch sc(n);
            for (std::size_t s = lo; s < hi; ++s) {
                if (weighted)
                    paths::sssp_dijkstra(g, vertex_t(s), sc);
                else
                    paths::sssp_bfs(g, vertex_t(s), sc);
                // pull form (see paths::accumulate): the edge v -> w on a shortest path
                // carries sigma(v) / sigma(w) * (1 + delta(w)) = sigma(v) * coeff(w)
                for (std::size_t k = sc.order.size(); k-- > 0;) {
                    const vertex_t v = sc.order[k];
                    const auto nb = g.out_neighbours(v);
                    const auto wt = g.out_weights(v);
                    const auto ed = g.out_edges(v);
                    const double sv = sc.sigma[v];
                    const double dv = sc.dist[v];
                    const std::int32_t next = sc.level[v] + 1;
                    double acc = 0.0;
                    for (std::size_t j = 0; j < nb.size(); ++j) {
                        const vertex_t w = nb[j];
                        const bool succ = weighted ? (w != v) & (sc.level[w] >= 0) &
                                                         (dv + wt[j] == sc.dist[w])
                                                   : sc.level[w] == next;
                        // branch-free: a non-successor adds +0.0 (see select_if)
                        const double c = select_if(succ, sc.coeff[w]);
                        eb[ed[j]] += sv * c;
                        acc += c;
                    }
                    sc.coeff[v] = (1.0 + sv * acc) / sv;
                }
                paths::reset(sc);
            }
            parts[b] = std::move(eb);
        },
        opt.progress);
    std::vector<double> eb = detail::sum_blocks(parts, m);
    detail::rescale(eb, double(n), opt.normalized, g.directed());  // NetworkX: N = n for edges
    return eb;
}

}  // namespace ketennet::centrality
