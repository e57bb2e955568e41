#pragma once
/// @file pagerank.hpp
/// @brief PageRank (Brin & Page 1998) by power iteration.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of pagerank(); the defaults are NetworkX's.
struct PageRankOptions {
    /// Damping factor: the probability of following a tie rather than jumping (in [0, 1]).
    double alpha = 0.85;
    /// Where jumps land, one value per organisation (divided by its sum); empty: uniform.
    std::vector<double> personalization;
    /// Most power iterations before ConvergenceError.
    std::size_t max_iter = 100;
    /// Stop when the L1 change of an iteration is below n * tol.
    double tol = 1e-6;
    /// Start vector, one value per organisation (divided by its sum); empty: uniform.
    std::vector<double> nstart;
    /// Where walkers at organisations without outgoing ties go (divided by its sum); empty:
    /// as personalization.
    std::vector<double> dangling;
    /// Threads for the power iteration (0 = all hardware threads). Used only on networks of
    /// at least pagerank_parallel_work in-ties plus organisations (below, one thread is
    /// faster); the values are bit-identical for any number of threads.
    unsigned threads = 0;
};

/// Networks with fewer in-ties plus organisations run pagerank() on one thread (measured:
/// at 6 * 10^4 two threads were no faster; waiting for each other every iteration costs
/// more than the sweep saves).
inline constexpr std::size_t pagerank_parallel_work = std::size_t(1) << 18;
/// Organisations per block of pagerank(): sums (dangling mass, change) are taken per block
/// and the blocks added in order, so the result does not depend on the thread count.
inline constexpr std::size_t pagerank_block = 2048;

namespace detail {

/// Sum of y[nb[k]] (times w[k] when Weighted) over k < d. Lists of at most 8 entries, the
/// common case in sparse networks, are summed with 8 loads whose surplus lanes are
/// selected away (nb + 8 must stay inside the adjacency array, which `end` bounds) and a
/// pairwise tree, instead of a loop whose exit a branch predictor misses at nearly every
/// organisation. GCC 12 still compiles the selects partly into compares and jumps; the
/// whole iteration measured 3-8% faster than with the plain loop (n = 10^3 and 10^4, 5
/// ties per organisation). Longer lists, and lists too close to the array's end, use the
/// plain loop.
template <bool Weighted>
inline double gather_sum(const vertex_t* nb, const double* w, std::size_t d, const vertex_t* end,
                         const double* y) noexcept {
    if (d <= 8 && nb + 8 <= end) {
        double a[8];
        for (std::size_t k = 0; k < 8; ++k) {
            const double t = Weighted ? w[k] * y[nb[k]] : y[nb[k]];
            a[k] = k < d ? t : 0.0;
        }
        return ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
    }
    double acc = 0.0;
    for (std::size_t k = 0; k < d; ++k) acc += Weighted ? w[k] * y[nb[k]] : y[nb[k]];
    return acc;
}

}  // namespace detail

/// PageRank of every organisation: the share of time a random walker spends there.
///
/// Definition (Brin & Page 1998): the stationary distribution of the walk that follows a
/// tie u -> v with probability alpha * w(u, v) / s(u) (s(u) the out-strength of u) and jumps
/// with probability 1 - alpha to an organisation drawn from the personalization p; a walker
/// at an organisation without outgoing ties (dangling) jumps as the dangling distribution d:
///
///   x(v) = alpha * ( sum_{u -> v} x(u) w(u, v) / s(u) + sum_{u dangling} x(u) d(v) ) + (1 - alpha) p(v).
///
/// Conventions follow NetworkX's `pagerank` exactly (same power iteration, start vector,
/// stopping rule: L1 change below n * tol, at most max_iter iterations), so the values agree
/// with NetworkX's to rounding. Weights are **strengths** (volume: more cases, more traffic)
/// and must be >= 0; unweighted, every tie weighs 1 (NetworkX's default `weight="weight"`
/// reads a `weight` attribute; ketennet's views have no implicit weight). An undirected tie
/// is followed both ways. The values sum to 1.
///
/// Throws ConvergenceError after max_iter iterations without convergence (NetworkX:
/// PowerIterationFailedConvergence), InputError on a bad alpha or vector. O(m) per iteration,
/// one pass over the in-ties; on large networks the organisations are split among threads
/// (sums in fixed blocks of pagerank_block organisations, added in block order: the same
/// values for any thread count; they may differ from a plain left-to-right sum, and from
/// NetworkX, in the last bits).
inline std::vector<double> pagerank(const View& g, const PageRankOptions& opt = {}) {
    const char* name = "pagerank";
    linalg::require_strengths(g, name);
    linalg::require_in_range(name, "alpha", opt.alpha, 0.0, 1.0);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, std::numeric_limits<double>::max());
    const vertex_t n = g.n();
    if (n == 0) return {};
    const double N = double(n);
    const double alpha = opt.alpha;

    // inverse out-strengths (0 for dangling organisations), as NetworkX's Q
    std::vector<double> inv(n, 0.0);
    std::vector<char> dangling(n, 0);
    const bool weighted = g.weighted();
    for (vertex_t u = 0; u < n; ++u) {
        double s = 0.0;  // unweighted: the out-degree (a sum of ones, exactly)
        if (weighted)
            for (double w : g.out_weights(u)) s += w;
        else
            s = double(g.out_neighbours(u).size());
        if (s != 0.0)
            inv[u] = 1.0 / s;
        else
            dangling[u] = 1;
    }

    const Eigen::VectorXd p = opt.personalization.empty()
                                  ? Eigen::VectorXd::Constant(n, 1.0 / N)
                                  : linalg::distribution(g, opt.personalization, name, "personalization");
    const Eigen::VectorXd d =
        opt.dangling.empty() ? p : linalg::distribution(g, opt.dangling, name, "dangling");
    const Eigen::VectorXd x0 = opt.nstart.empty() ? Eigen::VectorXd::Constant(n, 1.0 / N)
                                                  : linalg::distribution(g, opt.nstart, name, "nstart");
    const Eigen::VectorXd teleport = (1.0 - alpha) * p;

    // x: the values, y = x / s (what flows along each out-tie); two of each, swapped after
    // every iteration. Per block: the dangling mass of the values it wrote and their L1
    // change, each in two slots by iteration parity (one barrier per iteration suffices).
    std::vector<double> xa(x0.data(), x0.data() + n), xb(n), ya(n), yb(n);
    const std::size_t blocks = (std::size_t(n) + pagerank_block - 1) / pagerank_block;
    std::vector<double> lost_part(2 * blocks, 0.0), err_part(2 * blocks, 0.0);
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t lo = b * pagerank_block, hi = std::min<std::size_t>(n, lo + pagerank_block);
        double l = 0.0;
        for (std::size_t u = lo; u < hi; ++u) {
            ya[u] = xa[u] * inv[u];
            if (dangling[u]) l += xa[u];
        }
        lost_part[b] = l;
    }

    // threads get contiguous runs of blocks of about equal work (in-ties + organisations)
    const std::size_t arcs = g.directed() ? g.m() : g.out_adjacency().size();  // in-ties
    const unsigned threads =
        arcs + n < pagerank_parallel_work ? 1u : resolve_threads(opt.threads, blocks);
    std::vector<std::size_t> first_block(threads + 1, blocks);
    {
        first_block[0] = 0;
        std::size_t acc = 0;
        unsigned t = 1;
        for (std::size_t b = 0; b < blocks && t < threads; ++b) {
            const std::size_t lo = b * pagerank_block, hi = std::min<std::size_t>(n, lo + pagerank_block);
            for (std::size_t v = lo; v < hi; ++v) acc += g.in_neighbours(vertex_t(v)).size() + 1;
            while (t < threads && acc * threads >= t * (arcs + n)) first_block[t++] = b + 1;
        }
    }

    const double limit = N * opt.tol;
    const vertex_t* const adj_end = g.in_neighbours(n - 1).data() + g.in_neighbours(n - 1).size();
    std::size_t converged_at = opt.max_iter;  // iteration that converged (written by thread 0)
    double err = 0.0;
    parallel_team(threads, [&](unsigned t, auto&& sync) {
        double* x = xa.data();
        double* y = ya.data();
        double* xn = xb.data();
        double* yn = yb.data();
        for (std::size_t it = 0; it < opt.max_iter; ++it) {
            const std::size_t par = it & 1;
            double lost = 0.0;  // mass at dangling organisations
            for (std::size_t b = 0; b < blocks; ++b) lost += lost_part[par * blocks + b];
            for (std::size_t b = first_block[t]; b < first_block[t + 1]; ++b) {
                const std::size_t lo = b * pagerank_block;
                const std::size_t hi = std::min<std::size_t>(n, lo + pagerank_block);
                double e = 0.0, l = 0.0;
                for (std::size_t v = lo; v < hi; ++v) {
                    const auto nb = g.in_neighbours(vertex_t(v));
                    const double acc =
                        weighted ? detail::gather_sum<true>(nb.data(), g.in_weights(vertex_t(v)).data(),
                                                            nb.size(), adj_end, y)
                                 : detail::gather_sum<false>(nb.data(), nullptr, nb.size(), adj_end, y);
                    const double xv = alpha * (acc + lost * d[Eigen::Index(v)]) + teleport[Eigen::Index(v)];
                    e += std::abs(xv - x[v]);
                    xn[v] = xv;
                    yn[v] = xv * inv[v];
                    if (dangling[v]) l += xv;
                }
                err_part[par * blocks + b] = e;
                lost_part[(par ^ 1) * blocks + b] = l;
            }
            sync();
            double change = 0.0;
            for (std::size_t b = 0; b < blocks; ++b) change += err_part[par * blocks + b];
            if (t == 0) err = change;
            if (change < limit) {
                if (t == 0) converged_at = it;
                return;
            }
            std::swap(x, xn);
            std::swap(y, yn);
        }
    });
    if (converged_at < opt.max_iter) return (converged_at & 1) ? std::move(xa) : std::move(xb);
    linalg::not_converged(name, opt.max_iter, err, limit,
                          "raise max_iter or tol (NetworkX would raise PowerIterationFailedConvergence)");
}

}  // namespace ketennet::centrality
