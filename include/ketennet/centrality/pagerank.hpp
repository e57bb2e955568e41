#pragma once
/// @file pagerank.hpp
/// @brief PageRank (Brin & Page 1998) by power iteration.
#include <cstddef>
#include <limits>
#include <vector>

#include <Eigen/Core>

#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
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
};

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
/// PowerIterationFailedConvergence), InputError on a bad alpha or vector. O(m) per iteration.
inline std::vector<double> pagerank(const View& g, const PageRankOptions& opt = {}) {
    const char* name = "pagerank";
    linalg::require_strengths(g, name);
    linalg::require_in_range(name, "alpha", opt.alpha, 0.0, 1.0);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, std::numeric_limits<double>::max());
    const vertex_t n = g.n();
    if (n == 0) return {};
    const double N = double(n);

    // out-strengths and their inverses (0 for dangling organisations), as NetworkX's Q
    std::vector<double> inv(n, 0.0);
    std::vector<vertex_t> dangling_nodes;
    for (vertex_t u = 0; u < n; ++u) {
        double s = 0.0;
        for (double w : g.out_weights(u)) s += w;
        if (s != 0.0)
            inv[u] = 1.0 / s;
        else
            dangling_nodes.push_back(u);
    }

    const Eigen::VectorXd p = opt.personalization.empty()
                                  ? Eigen::VectorXd::Constant(n, 1.0 / N)
                                  : linalg::distribution(g, opt.personalization, name, "personalization");
    const Eigen::VectorXd d =
        opt.dangling.empty() ? p : linalg::distribution(g, opt.dangling, name, "dangling");
    Eigen::VectorXd x = opt.nstart.empty() ? Eigen::VectorXd::Constant(n, 1.0 / N)
                                           : linalg::distribution(g, opt.nstart, name, "nstart");
    const Eigen::VectorXd teleport = (1.0 - opt.alpha) * p;
    // One step pulls along in-ties from y = x / s: next(v) = sum_{u -> v} w(u, v) y(u), straight
    // from the view's in-adjacency (no sparse matrix to assemble).
    Eigen::VectorXd next(n), y(n);
    const bool weighted = g.weighted();
    double err = 0.0;
    for (std::size_t it = 0; it < opt.max_iter; ++it) {
        double lost = 0.0;  // mass at dangling organisations
        for (vertex_t u : dangling_nodes) lost += x[u];
        for (vertex_t u = 0; u < n; ++u) y[u] = x[u] * inv[u];
        for (vertex_t v = 0; v < n; ++v) {
            const auto nb = g.in_neighbours(v);
            double acc = 0.0;
            if (weighted) {
                const auto wt = g.in_weights(v);
                for (std::size_t k = 0; k < nb.size(); ++k) acc += wt[k] * y[nb[k]];
            } else {
                for (vertex_t u : nb) acc += y[u];
            }
            next[v] = acc;
        }
        next = opt.alpha * (next + lost * d) + teleport;
        err = (next - x).cwiseAbs().sum();
        x.swap(next);
        if (err < N * opt.tol) return std::vector<double>(x.data(), x.data() + n);
    }
    linalg::not_converged(name, opt.max_iter, err, N * opt.tol,
                          "raise max_iter or tol (NetworkX would raise PowerIterationFailedConvergence)");
}

}  // namespace ketennet::centrality
