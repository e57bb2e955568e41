#pragma once
/// @file betweenness_kernel.hpp
/// @brief The fast kernel of centrality::betweenness(): Brandes' searches in parallel blocks
/// of sources, and one search for an organisation and the leaves hanging on it.
///
/// Why: betweenness is the most expensive of the centralities, O(nm) (O(nm + n^2 log n)
/// weighted), and the searches of different sources are independent. An organisation whose
/// ties all run to one other organisation (a leaf, common in chains: a small organisation tied
/// to one hub) needs no search of its own: its hub's search stands for it (HangingLeaves).
/// Measured in C++ alone (one thread, best of 15, a random graph of 10^3 organisations with
/// 31 leaves, unweighted, undirected): 27.6 ms searching from every organisation, 26.0 ms
/// folded. The sums are taken per block of sources and the blocks added in order: the same
/// values for any thread count; they may differ in the last bits from
/// centrality::reference::betweenness(), which adds every source's dependencies in one pass
/// (the same values bit for bit when there are no more than 64 organisations and no leaf is
/// folded, every block then holding one source).
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/paths/path_counting.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality::detail {

/// Sum of per-block partial vectors in block order (deterministic).
inline std::vector<double> sum_blocks(const std::vector<std::vector<double>>& parts,
                                      std::size_t size) {
    std::vector<double> out(size, 0.0);
    for (const auto& p : parts)
        for (std::size_t i = 0; i < size; ++i) out[i] += p[i];
    return out;
}

/// Number of source blocks for n vertices: fixed by n, capped so the per-block partial
/// vectors stay below 2^25 doubles (256 MiB).
inline std::size_t source_blocks(std::size_t n) {
    const std::size_t cap = std::max<std::size_t>(1, (std::size_t(1) << 25) / std::max<std::size_t>(n, 1));
    return std::max<std::size_t>(1, std::min({n, std::size_t(64), cap}));
}

/// Organisations that hang on one other (Baglioni, Geraci, Pellegrini & Lastres 2012;
/// Sariyuece, Saule, Kaya & Catalyuerek 2013): v hangs on u != v when every tie of v, out and
/// in, runs to u (self-loops aside) and there is an arc v -> u. Every shortest path from v
/// then starts v -> u, so v's dependencies are u's, delta_v(x) = delta_u(x) for x not in
/// {u, v}: no path from u to v runs through an x (v's only in-neighbour is u), and v has no
/// successor in u's search. One search from u, counted 1 + (number of organisations hanging
/// on u) times, stands for theirs; u's share from each v, delta_v(u) = R_u - 1 - [u -> v]
/// (R_u: organisations reached from u, u included), is added afterwards. Two organisations
/// tied to each other both ways and to nothing else (or in an undirected view) hang on
/// neither; a directed x -> y with nothing else: x hangs on y. With weights, folding needs
/// exact path sums (exact_path_sums()).
///
/// Baglioni, M., Geraci, F., Pellegrini, M. & Lastres, E. (2012). Fast exact computation of
/// betweenness centrality in social networks. ASONAM 2012, 450-456. Sariyuece, A. E., Saule,
/// E., Kaya, K. & Catalyuerek, U. V. (2013). Shattering and compressing networks for
/// betweenness centrality. SIAM SDM 2013, 686-694.
struct HangingLeaves {
    static constexpr vertex_t none = std::numeric_limits<vertex_t>::max();
    std::vector<vertex_t> hub;          ///< hub[v]: the organisation v hangs on, or none
    std::vector<std::uint32_t> count;   ///< count[u]: organisations hanging on u
    std::vector<char> reached;          ///< reached[v]: the arc u -> v exists (hub[v] = u)
    std::size_t total = 0;
};

/// True when every sum of weights along a path is exact in double precision: the view is
/// unweighted, or every weight (self-loops aside) is a multiple of one power of two 2^e and
/// their total is below 2^52 * 2^e (integers, halves, quarters, ... of modest size). Leaf
/// folding needs it: a leaf's own search adds (w(v, u) + a) + b where the hub's adds a + b,
/// and with decimal weights (0.1 + 0.2 != 0.3) the two can round differently and decide
/// ties between paths differently, as NetworkX's search from the leaf would.
inline bool exact_path_sums(const View& g) {
    if (!g.weighted()) return true;
    const auto w = g.edge_weights();
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    int low = std::numeric_limits<int>::max();  // exponent of the lowest set bit, over weights
    double total = 0.0;
    for (std::size_t e = 0; e < w.size(); ++e) {
        if (src[e] == tgt[e]) continue;
        const double x = w[e];
        if (!std::isfinite(x) || x <= 0.0) return false;
        int exp = 0;
        const double frac = std::frexp(x, &exp);  // x = frac * 2^exp, 0.5 <= frac < 1
        const auto mant = std::uint64_t(std::ldexp(frac, 53));  // x = mant * 2^(exp - 53)
        low = std::min(low, exp - 53 + int(std::countr_zero(mant)));
        total += x;
    }
    if (low == std::numeric_limits<int>::max()) return true;
    return total < std::ldexp(1.0, 52 + low);
}

/// The one organisation other than @p v among @p nb, or none when there are several or none.
inline vertex_t single_neighbour(std::span<const vertex_t> nb, vertex_t v) {
    vertex_t u = HangingLeaves::none;
    for (vertex_t w : nb) {
        if (w == v) continue;
        if (u != HangingLeaves::none && w != u) return HangingLeaves::none;
        u = w;
    }
    return u;
}

/// The organisations of @p g that hang on another (see HangingLeaves); O(n + m).
inline HangingLeaves hanging_leaves(const View& g) {
    constexpr vertex_t none = HangingLeaves::none;
    const vertex_t n = g.n();
    std::vector<vertex_t> candidate(n, none);
    std::vector<char> from_hub(n, 0);
    for (vertex_t v = 0; v < n; ++v) {
        const vertex_t u = single_neighbour(g.out_neighbours(v), v);
        if (u == none) continue;
        if (g.directed()) {
            // the in-ties run from u too (or there are none, self-loops aside)
            bool only_u = true, from_u = false;
            for (vertex_t w : g.in_neighbours(v)) {
                only_u = only_u && (w == v || w == u);
                from_u = from_u || w == u;
            }
            if (!only_u) continue;
            from_hub[v] = from_u;
        } else {
            from_hub[v] = 1;
        }
        candidate[v] = u;
    }
    HangingLeaves h;
    h.hub.assign(n, none);
    h.count.assign(n, 0);
    h.reached.assign(n, 0);
    for (vertex_t v = 0; v < n; ++v) {
        const vertex_t u = candidate[v];
        // u hangs on nothing (a u hanging on something can only hang on v: the pair is
        // tied only to each other, and both are searched)
        if (u == none || candidate[u] != none) continue;
        h.hub[v] = u;
        h.reached[v] = from_hub[v];
        ++h.count[u];
        ++h.total;
    }
    return h;
}

/// The betweenness sums of every organisation before rescaling (see
/// centrality::betweenness(); @p endpoints as its option): Brandes' searches from every
/// source, in parallel blocks of sources (source_blocks) summed in block order, with leaf
/// folding switched on or off (off only to check it: the results agree up to rounding).
/// Folding applies only when exact_path_sums(g). @p searches, when given, receives the
/// number of single-source searches run. The weights are checked by the caller.
inline std::vector<double> betweenness_sums(const View& g, bool endpoints, unsigned threads,
                                            const ProgressHandler& progress, bool fold_leaves,
                                            std::size_t* searches = nullptr) {
    const vertex_t n = g.n();
    const std::size_t blocks = source_blocks(n);
    std::vector<std::vector<double>> parts(blocks);
    const bool weighted = g.weighted();
    const HangingLeaves leaves =
        fold_leaves && exact_path_sums(g) ? hanging_leaves(g) : HangingLeaves{};
    const bool fold = leaves.total > 0;
    // organisations reached from each hub (its own search: no two blocks write one entry)
    std::vector<std::size_t> reach(fold ? n : 0, 0);
    const double ep = endpoints ? 1.0 : 0.0;
    std::vector<std::size_t> searched(blocks, 0);
    parallel_blocks(
        blocks, threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            std::vector<double> bc(n, 0.0);
            paths::BrandesScratch sc(n);
            for (std::size_t s = lo; s < hi; ++s) {
                if (fold && leaves.hub[s] != HangingLeaves::none) continue;  // hub's search
                ++searched[b];
                if (weighted) {
                    paths::sssp_dijkstra(g, vertex_t(s), sc);
                } else {
                    paths::sssp_bfs(g, vertex_t(s), sc);
                }
                if (endpoints) bc[s] += double(sc.order.size() - 1);
                if (fold && leaves.count[s] > 0) {
                    reach[s] = sc.order.size();
                    const double times = 1.0 + double(leaves.count[s]);
                    paths::accumulate(g, weighted, sc,
                                      [&](vertex_t v, double delta) { bc[v] += times * (delta + ep); });
                } else {
                    paths::accumulate(g, weighted, sc,
                                      [&](vertex_t v, double delta) { bc[v] += delta + ep; });
                }
                paths::reset(sc);
            }
            parts[b] = std::move(bc);
        },
        progress);
    if (searches) *searches = std::accumulate(searched.begin(), searched.end(), std::size_t(0));
    std::vector<double> bc = sum_blocks(parts, n);
    if (fold) {
        // what the searches from the hanging organisations add beyond their hub's: the hub's
        // share (every target but the hub and v runs through it; the hub is a target too) and,
        // with endpoints, v as a source and not as its own target
        for (vertex_t v = 0; v < n; ++v) {
            const vertex_t u = leaves.hub[v];
            if (u == HangingLeaves::none) continue;
            const double r = double(leaves.reached[v]);
            const double targets = double(reach[u]) - r;  // from v: R_u - [u -> v]
            bc[u] += (targets - 1.0) + ep;
            if (endpoints) bc[v] += targets - r;
        }
    }
    return bc;
}

/// NetworkX's _rescale of betweenness sums over @p N organisations (n, or n - 1 without
/// endpoints): normalised, 1 / (N (N - 1)); otherwise 0.5 in an undirected view (each pair
/// was counted from both ends), else 1. Nothing changes below N = 2.
inline void rescale(std::vector<double>& values, double N, bool normalized, bool directed) {
    if (N < 2.0) return;
    const double scale = normalized ? 1.0 / (N * (N - 1.0)) : directed ? 1.0 : 0.5;
    if (scale != 1.0)
        for (double& x : values) x *= scale;
}

/// betweenness() by the fast kernel, with leaf folding switched on or off (off only to check
/// it: the results agree up to rounding). @p searches, when given, receives the number of
/// single-source searches run.
[[nodiscard]] inline std::vector<double> betweenness(const View& g, const BetweennessOptions& opt,
                                       bool fold_leaves, std::size_t* searches = nullptr) {
    require_weights(g, WeightRule::counted_distance, "betweenness");
    std::vector<double> bc =
        betweenness_sums(g, opt.endpoints, opt.threads, opt.progress, fold_leaves, searches);
    const vertex_t n = g.n();
    rescale(bc, opt.endpoints ? double(n) : double(n) - 1.0, opt.normalized, g.directed());
    return bc;
}

}  // namespace ketennet::centrality::detail
