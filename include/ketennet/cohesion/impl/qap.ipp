#pragma once
/// @file qap.ipp
/// @brief Definitions of cohesion/qap.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ketennet/cohesion/qap.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/support/random.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

namespace detail {

/// Sums over the off-diagonal cells of a view's adjacency matrix (weights, 0 for no tie).
struct CellSums {
    double sum = 0.0, sum_sq = 0.0;
};

/// "layer 'x'" / "layers 'x', 'y'" / "the view" for messages.
[[nodiscard]] inline std::string view_name(const View& g) {
    const auto& ls = g.options().layers;
    if (ls.empty()) return "the view of all layers";
    std::string s = ls.size() == 1 ? "layer " : "layers ";
    for (std::size_t i = 0; i < ls.size(); ++i) s += (i ? ", '" : "'") + ls[i] + "'";
    return s;
}

[[nodiscard]] inline CellSums cell_sums(const View& g) {
    CellSums s;
    for (vertex_t u = 0; u < g.n(); ++u) {
        auto nb = g.out_neighbours(u);
        auto w = g.out_weights(u);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (nb[k] == u) continue;
            s.sum += w[k];
            s.sum_sq += w[k] * w[k];
        }
    }
    return s;
}

/// sum_{i != j} a_ij b_{pi(i) pi(j)}.
[[nodiscard]] inline double cross_sum(const View& a, const View& b, const std::vector<vertex_t>& pi) {
    double s = 0.0;
    for (vertex_t u = 0; u < a.n(); ++u) {
        auto nb = a.out_neighbours(u);
        auto w = a.out_weights(u);
        const vertex_t pu = pi[u];
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (nb[k] == u) continue;
            if (const double* x = b.find_weight(pu, pi[nb[k]])) s += w[k] * *x;
        }
    }
    return s;
}

}  // namespace detail

KETENNET_INLINE QapResult qap(const View& a, const View& b, const QapOptions& options) {
    if (a.n() != b.n())
        throw InputError("qap: the two views have " + std::to_string(a.n()) + " and " +
                         std::to_string(b.n()) + " organisations");
    if (a.directed() != b.directed())
        throw InputError("qap: " + detail::view_name(a) + " is " +
                         (a.directed() ? "directed" : "undirected") + " but " + detail::view_name(b) +
                         " is " + (b.directed() ? "directed" : "undirected") +
                         "; compare layers of the same directedness");
    const vertex_t n = a.n();
    if (n < 3) throw InputError("qap needs at least three organisations, there are " + std::to_string(n));
    if (options.permutations == 0) throw InputError("qap: permutations must be at least 1");
    const double N = double(n) * double(n - 1);
    const detail::CellSums sa = detail::cell_sums(a), sb = detail::cell_sums(b);
    const double va = N * sa.sum_sq - sa.sum * sa.sum, vb = N * sb.sum_sq - sb.sum * sb.sum;
    const auto flat = [&](const detail::CellSums& s, double v) {
        return v <= 1e-12 * N * std::max(1.0, s.sum_sq) ;
    };
    if (flat(sa, va) || flat(sb, vb))
        throw InputError("qap: " + detail::view_name(flat(sa, va) ? a : b) +
                         " has no variance (" +
                         ((flat(sa, va) ? sa.sum : sb.sum) == 0.0 ? "no ties" : "every tie present, all equal") +
                         "); a correlation needs ties that vary");
    const double denom = std::sqrt(va) * std::sqrt(vb);
    const auto corr = [&](double cross) { return (N * cross - sa.sum * sb.sum) / denom; };
    std::vector<vertex_t> id(n);
    for (vertex_t v = 0; v < n; ++v) id[v] = v;
    QapResult r;
    r.correlation = corr(detail::cross_sum(a, b, id));
    const std::size_t P = options.permutations;
    r.permutations.assign(P, 0.0);
    const std::size_t blocks = block_count(P, 256);
    parallel_blocks(blocks, options.threads, [&](std::size_t blk) {
        const auto [lo, hi] = block_range(P, blocks, blk);
        std::vector<vertex_t> pi(n);
        for (std::size_t k = lo; k < hi; ++k) {
            SplitMix64 rng(options.seed, k);  // permutation k: its own stream
            rng.next();
            for (vertex_t v = 0; v < n; ++v) pi[v] = v;
            for (vertex_t v = n - 1; v > 0; --v) std::swap(pi[v], pi[rng.below(std::uint64_t(v) + 1)]);
            r.permutations[k] = corr(detail::cross_sum(a, b, pi));
        }
    }, options.progress);
    // Compare with a relative tolerance so that permutations giving the observed matrix
    // again (the identity, automorphisms) count on both sides despite rounding.
    const double tol = 1e-12 * std::max(1.0, std::abs(r.correlation));
    std::size_t ge = 0, le = 0, ab = 0;
    for (double x : r.permutations) {
        if (x >= r.correlation - tol) ++ge;
        if (x <= r.correlation + tol) ++le;
        if (std::abs(x) >= std::abs(r.correlation) - tol) ++ab;
    }
    r.p_greater = double(ge) / double(P);
    r.p_less = double(le) / double(P);
    r.p_abs = double(ab) / double(P);
    return r;
}

}  // namespace ketennet::cohesion
