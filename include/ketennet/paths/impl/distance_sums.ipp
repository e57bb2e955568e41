#pragma once
/// @file distance_sums.ipp
/// @brief Definitions of paths/distance_sums.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/paths/dary_heap.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::paths {

namespace detail {

/// Unweighted: 64 breadth-first searches at once, from sources [first, first + count).
template <class Neighbours>
inline void bfs_batch(Neighbours&& nbrs, vertex_t first, unsigned count,
                      std::vector<std::uint64_t>& seen, std::vector<std::uint64_t>& visit,
                      std::vector<std::uint64_t>& next, std::vector<vertex_t>& frontier,
                      std::vector<vertex_t>& touched, std::vector<vertex_t>& all_seen, DistanceSums& out) {
    std::uint64_t found[64] = {};
    double reached[64] = {}, total[64] = {}, inverse[64] = {};
    frontier.clear();
    for (unsigned i = 0; i < count; ++i) {
        const vertex_t s = first + i;
        seen[s] |= std::uint64_t(1) << i;
        visit[s] |= std::uint64_t(1) << i;
        frontier.push_back(s);
    }
    all_seen.assign(frontier.begin(), frontier.end());  // vertices whose seen word to clear
    for (double level = 1.0; !frontier.empty(); level += 1.0) {
        touched.clear();
        for (vertex_t x : frontier) {
            const std::uint64_t bits = visit[x];
            visit[x] = 0;
            for (vertex_t w : nbrs(x)) {
                if (next[w] == 0 && (bits & ~seen[w]) != 0) touched.push_back(w);
                next[w] |= bits & ~seen[w];
            }
        }
        frontier.clear();
        for (vertex_t w : touched) {
            const std::uint64_t fresh = next[w] & ~seen[w];
            next[w] = 0;
            if (!fresh) continue;
            if (!seen[w]) all_seen.push_back(w);
            seen[w] |= fresh;
            visit[w] = fresh;
            frontier.push_back(w);
            for (std::uint64_t b = fresh; b; b &= b - 1) ++found[std::countr_zero(b)];
        }
        for (unsigned i = 0; i < count; ++i) {
            if (!found[i]) continue;
            const double c = double(found[i]);
            reached[i] += c;
            total[i] += c * level;
            inverse[i] += c / level;
            found[i] = 0;
        }
    }
    for (vertex_t v : all_seen) seen[v] = 0;
    for (unsigned i = 0; i < count; ++i) {
        out.reached[first + i] = reached[i];
        out.total[first + i] = total[i];
        out.inverse[first + i] = inverse[i];
    }
}

}  // namespace detail

KETENNET_INLINE DistanceSums distance_sums(const View& g, bool incoming, unsigned threads,
                                           const ProgressHandler& progress) {
    const vertex_t n = g.n();
    DistanceSums out;
    out.reached.assign(n, 0.0);
    out.total.assign(n, 0.0);
    out.inverse.assign(n, 0.0);
    if (n == 0) return out;
    // the search from v follows ties backwards for incoming distances
    auto nbrs = [&](vertex_t x) { return incoming ? g.in_neighbours(x) : g.out_neighbours(x); };
    auto wts = [&](vertex_t x) { return incoming ? g.in_weights(x) : g.out_weights(x); };
    if (!g.weighted()) {
        const std::size_t batches = (std::size_t(n) + 63) / 64;
        const std::size_t blocks = block_count(batches, 256);
        parallel_blocks(
            blocks, threads,
            [&](std::size_t b) {
                auto [lo, hi] = block_range(batches, blocks, b);
                std::vector<std::uint64_t> seen(n, 0), visit(n, 0), next(n, 0);
                std::vector<vertex_t> frontier, touched, all_seen;
                for (std::size_t k = lo; k < hi; ++k) {
                    const vertex_t first = vertex_t(64 * k);
                    const unsigned count = unsigned(std::min<std::size_t>(64, n - first));
                    detail::bfs_batch(nbrs, first, count, seen, visit, next, frontier, touched,
                                      all_seen, out);
                }
            },
            progress);
        return out;
    }
    const std::size_t blocks = block_count(n, 256);
    parallel_blocks(
        blocks, threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            constexpr double inf = std::numeric_limits<double>::infinity();
            std::vector<double> dist(n, inf);
            std::vector<vertex_t> settled;
            settled.reserve(n);
            DaryHeap heap(n, dist);
            for (std::size_t s = lo; s < hi; ++s) {
                settled.clear();
                dist[s] = 0.0;
                heap.push_or_decrease(vertex_t(s));
                double reached = 0.0, total = 0.0, inverse = 0.0;
                while (!heap.empty()) {
                    const vertex_t v = heap.pop();
                    const double d = dist[v];
                    settled.push_back(v);
                    if (v != s) {
                        reached += 1.0;
                        total += d;
                        if (d != 0.0) inverse += 1.0 / d;
                    }
                    const auto nb = nbrs(v);
                    const auto wt = wts(v);
                    for (std::size_t k = 0; k < nb.size(); ++k) {
                        const vertex_t w = nb[k];
                        if (heap.state(w) == DaryHeap::settled) continue;
                        const double nd = d + wt[k];
                        if (nd < dist[w]) {
                            dist[w] = nd;
                            heap.push_or_decrease(w);
                        }
                    }
                }
                for (vertex_t v : settled) {
                    dist[v] = inf;
                    heap.reset(v);
                }
                out.reached[s] = reached;
                out.total[s] = total;
                out.inverse[s] = inverse;
            }
        },
        progress);
    return out;
}

}  // namespace ketennet::paths
