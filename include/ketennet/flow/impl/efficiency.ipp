#pragma once
/// @file efficiency.ipp
/// @brief Definitions of flow/efficiency.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/flow/efficiency.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/paths/shortest_paths.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::flow {

KETENNET_INLINE double global_efficiency(const View& g, const EfficiencyOptions& opt) {
    require_weights(g, WeightRule::inverse_distance, "global_efficiency");
    const vertex_t n = g.n();
    if (n < 2) return 0.0;
    // outgoing sums of 1 / d(s, t) for every s (bit-parallel BFS, or Dijkstra), added in
    // organisation order
    const paths::DistanceSums sums = paths::distance_sums(g, false, opt.threads, opt.progress);
    double total = 0.0;
    for (double x : sums.inverse) total += x;
    return total / (double(n) * double(n - 1));
}

KETENNET_INLINE std::vector<double> local_efficiency(const View& g, const EfficiencyOptions& opt) {
    require_weights(g, WeightRule::inverse_distance, "local_efficiency");
    const vertex_t n = g.n();
    std::vector<double> out(n, 0.0);
    if (n == 0) return out;
    const std::size_t blocks = block_count(n);
    const bool weighted = g.weighted();
    constexpr double inf = std::numeric_limits<double>::infinity();
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            std::vector<std::int64_t> pos(n, -1);   // local index of a neighbour of v
            std::vector<vertex_t> nb;               // N(v)
            std::vector<double> dist;
            std::vector<char> done;
            std::vector<std::uint32_t> queue;
            std::vector<std::pair<double, std::uint32_t>> heap;
            for (std::size_t vi = lo; vi < hi; ++vi) {
                const vertex_t v = vertex_t(vi);
                nb.clear();
                auto take = [&](std::span<const vertex_t> xs) {
                    for (vertex_t u : xs)
                        if (u != v && pos[u] < 0) {
                            pos[u] = std::int64_t(nb.size());
                            nb.push_back(u);
                        }
                };
                take(g.out_neighbours(v));
                if (g.directed()) take(g.in_neighbours(v));
                const std::size_t k = nb.size();
                if (k >= 2) {
                    dist.assign(k, inf);
                    done.assign(k, 0);
                    double sum = 0.0;
                    for (std::uint32_t s = 0; s < k; ++s) {
                        std::fill(dist.begin(), dist.end(), inf);
                        std::fill(done.begin(), done.end(), 0);
                        dist[s] = 0.0;
                        if (!weighted) {
                            queue.clear();
                            queue.push_back(s);
                            done[s] = 1;
                            for (std::size_t h = 0; h < queue.size(); ++h) {
                                const std::uint32_t x = queue[h];
                                for (vertex_t y : g.out_neighbours(nb[x])) {
                                    const std::int64_t py = pos[y];
                                    if (py < 0 || done[py]) continue;
                                    done[py] = 1;
                                    dist[py] = dist[x] + 1.0;
                                    queue.push_back(std::uint32_t(py));
                                }
                            }
                        } else {
                            using Item = std::pair<double, std::uint32_t>;
                            const auto later = std::greater<Item>();
                            heap.clear();
                            heap.emplace_back(0.0, s);
                            while (!heap.empty()) {
                                std::pop_heap(heap.begin(), heap.end(), later);
                                const auto [d, x] = heap.back();
                                heap.pop_back();
                                if (done[x] || d > dist[x]) continue;
                                done[x] = 1;
                                const auto ys = g.out_neighbours(nb[x]);
                                const auto ws = g.out_weights(nb[x]);
                                for (std::size_t j = 0; j < ys.size(); ++j) {
                                    const std::int64_t py = pos[ys[j]];
                                    if (py < 0 || done[py]) continue;
                                    const double nd = d + ws[j];
                                    if (nd < dist[py]) {
                                        dist[py] = nd;
                                        heap.emplace_back(nd, std::uint32_t(py));
                                        std::push_heap(heap.begin(), heap.end(), later);
                                    }
                                }
                            }
                        }
                        for (std::uint32_t t = 0; t < k; ++t)
                            if (t != s && dist[t] < inf) sum += 1.0 / dist[t];
                    }
                    out[v] = sum / (double(k) * double(k - 1));
                }
                for (vertex_t u : nb) pos[u] = -1;
            }
        },
        opt.progress);
    return out;
}

KETENNET_INLINE double average_local_efficiency(const View& g, const EfficiencyOptions& opt) {
    const auto e = local_efficiency(g, opt);
    if (e.empty()) return 0.0;
    double s = 0.0;
    for (double x : e) s += x;
    return s / double(e.size());
}

}  // namespace ketennet::flow
