#pragma once
/// @file pagerank.hpp
/// @brief PageRank (Brin & Page 1998) by power iteration.
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <Eigen/Core>

#include "ketennet/centrality/detail/pagerank_kernel.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

/// Options of pagerank(); the defaults are NetworkX's.
struct PageRankOptions {
    /// Damping factor: the probability of following a tie rather than jumping (in [0, 1]).
    double alpha = 0.85;
    /// Where jumps land, one value per organisation (divided by its sum); empty: uniform.
    std::vector<double> personalization{};
    /// Most power iterations before ConvergenceError.
    std::size_t max_iter = 100;
    /// Stop when the L1 change of an iteration is below n * tol.
    double tol = 1e-6;
    /// Start vector, one value per organisation (divided by its sum); empty: uniform.
    std::vector<double> nstart{};
    /// Where walkers at organisations without outgoing ties go (divided by its sum); empty:
    /// as personalization.
    std::vector<double> dangling{};
    /// Threads for the power iteration (0 = all hardware threads). Used only on networks of
    /// at least pagerank_parallel_work in-ties plus organisations (below, one thread is
    /// faster); the values are bit-identical for any number of threads.
    unsigned threads = 0;
};

namespace detail {

/// Checks the view, options and vectors of pagerank() (InputError naming the bad one) and
/// prepares them: the distributions divided by their sums, NetworkX's defaults filled in.
[[nodiscard]] inline PageRankProblem pagerank_problem(const View& g, const PageRankOptions& opt) {
    const char* name = "pagerank";
    require_weights(g, WeightRule::strength, name);
    linalg::require_in_range(name, "alpha", opt.alpha, 0.0, 1.0);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, std::numeric_limits<double>::max());
    PageRankProblem pr;
    pr.alpha = opt.alpha;
    pr.tol = opt.tol;
    pr.max_iter = opt.max_iter;
    pr.threads = opt.threads;
    const vertex_t n = g.n();
    if (n == 0) return pr;
    const double N = double(n);
    const auto as_vector = [](const Eigen::VectorXd& x) { return std::vector<double>(x.data(), x.data() + x.size()); };
    pr.uniform = opt.personalization.empty() && opt.dangling.empty();
    if (!pr.uniform) {
        pr.personalization = opt.personalization.empty()
                                 ? std::vector<double>(n, 1.0 / N)
                                 : as_vector(linalg::distribution(g, opt.personalization, name, "personalization"));
        pr.dangling = opt.dangling.empty() ? pr.personalization
                                           : as_vector(linalg::distribution(g, opt.dangling, name, "dangling"));
    }
    pr.start = opt.nstart.empty() ? std::vector<double>(n, 1.0 / N)
                                  : as_vector(linalg::distribution(g, opt.nstart, name, "nstart"));
    return pr;
}

}  // namespace detail

namespace reference {

/// pagerank() as the textbook power iteration (NetworkX's), one plain sweep over the CSR
/// in-lists per iteration: with y(u) = x(u) / s(u) (0 for a dangling u), L the dangling mass
/// sum_{u dangling} x(u) (added in ascending organisation id) and the in-ties of v added in
/// the view's order,
///   x'(v) = alpha * (sum_{u -> v} w(u, v) y(u) + L d(v)) + (1 - alpha) p(v),
/// until sum_v |x'(v) - x(v)| < n * tol. One thread (opt.threads is not used). Same checks,
/// definition and conventions as pagerank(); see there.
[[nodiscard]] inline std::vector<double> pagerank(const View& g, const PageRankOptions& opt = {}) {
    const detail::PageRankProblem pr = detail::pagerank_problem(g, opt);
    const vertex_t n = g.n();
    if (n == 0) return {};
    const double N = double(n), alpha = pr.alpha;
    std::vector<double> inv(n, 0.0);  // 1 / out-strength, 0 for a dangling organisation
    for (vertex_t u = 0; u < n; ++u) {
        double s = 0.0;
        if (g.weighted())
            for (double w : g.out_weights(u)) s += w;
        else
            s = double(g.out_neighbours(u).size());
        if (s != 0.0) inv[u] = 1.0 / s;
    }
    std::vector<double> x = pr.start, next(n);
    double err = 0.0;
    for (std::size_t it = 0; it < pr.max_iter; ++it) {
        double lost = 0.0;
        for (vertex_t u = 0; u < n; ++u)
            if (inv[u] == 0.0) lost += x[u];
        err = 0.0;
        for (vertex_t v = 0; v < n; ++v) {
            const auto in = g.in_neighbours(v);
            const auto wt = g.in_weights(v);
            double sum = 0.0;
            for (std::size_t k = 0; k < in.size(); ++k) {
                const double y = x[in[k]] * inv[in[k]];
                sum += g.weighted() ? wt[k] * y : y;
            }
            const double d = pr.uniform ? 1.0 / N : pr.dangling[v];
            const double p = pr.uniform ? 1.0 / N : pr.personalization[v];
            next[v] = alpha * (sum + lost * d) + (1.0 - alpha) * p;
            err += std::abs(next[v] - x[v]);
        }
        std::swap(x, next);
        if (err < N * pr.tol) return x;
    }
    linalg::not_converged("pagerank", pr.max_iter, err, N * pr.tol, detail::pagerank_not_converged_hint);
}

}  // namespace reference

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
/// PowerIterationFailedConvergence), InputError on a bad alpha or vector.
///
/// Runs the fast kernel (detail/pagerank_kernel.hpp), or reference::pagerank() when built
/// with KETENNET_FAST_KERNELS=OFF (KETENNET_REFERENCE_KERNELS). Cost: O(n + m) to regroup
/// the in-ties by in-degree (on the first call on a view only: detail::pagerank_layout keeps
/// them with it), then O(n + m) per iteration. One thread, 5 ties per organisation, later
/// calls on a view: about 1.7 us per iteration at 10^3 organisations and 25 us at 10^4. On
/// large networks the organisations are split among threads (sums in fixed blocks of
/// pagerank_block organisations, added in block order: the same values for any thread
/// count; on networks of more than pagerank_block organisations they may differ from the
/// reference's plain left-to-right sum, and from NetworkX, in the last bits).
[[nodiscard]] inline std::vector<double> pagerank(const View& g, const PageRankOptions& opt = {}) {
#if defined(KETENNET_REFERENCE_KERNELS)
    return reference::pagerank(g, opt);
#else
    const detail::PageRankProblem pr = detail::pagerank_problem(g, opt);
    if (g.n() == 0) return {};
    return detail::pagerank_kernel(g, pr);
#endif
}

}  // namespace ketennet::centrality
