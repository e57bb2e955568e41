#pragma once
/// @file eigenvector.hpp
/// @brief Eigenvector centrality (Bonacich 1972) by power iteration.
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <Eigen/Core>

#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

/// Options of eigenvector(); the defaults are NetworkX's.
struct EigenvectorOptions {
    /// Most power iterations before ConvergenceError.
    std::size_t max_iter = 100;
    /// Stop when the L1 change of an iteration is below n * tol.
    double tol = 1e-6;
    /// Start vector, one value per organisation (divided by its sum); empty: all equal.
    std::vector<double> nstart{};
};

/// Eigenvector centrality of every organisation: central are those tied to central ones.
///
/// Definition (Bonacich 1972): the Perron eigenvector of the adjacency matrix,
///
///   lambda x(v) = sum_{u -> v} w(u, v) x(u),   ||x||_2 = 1, x >= 0,
///
/// found by power iteration on A^T + I (the shift keeps the iteration from oscillating on
/// bipartite or periodic graphs and leaves the eigenvector unchanged). Conventions follow
/// NetworkX's `eigenvector_centrality` exactly (start nstart / sum(nstart), default all
/// equal; normalised to unit Euclidean norm each step; stop when the L1 change is below
/// n * tol), so values agree with NetworkX's to rounding. Directed views use **incoming**
/// ties (the left eigenvector: being pointed at by central organisations counts), as
/// NetworkX. Weights are **strengths** (>= 0); unweighted, every tie weighs 1. On a
/// disconnected network the result depends on the start vector (the eigenvector is not
/// unique); in a directed one, organisations outside the dominant strongly connected part
/// and what it reaches tend to 0.
///
/// Throws ConvergenceError after max_iter iterations without convergence (NetworkX:
/// PowerIterationFailedConvergence), InputError for a network without organisations (as
/// NetworkX's NetworkXPointlessConcept) or a bad start vector. O(m) per iteration.
[[nodiscard]] inline std::vector<double> eigenvector(const View& g, const EigenvectorOptions& opt = {}) {
    const char* name = "eigenvector";
    require_weights(g, WeightRule::strength, name);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, std::numeric_limits<double>::max());
    const vertex_t n = g.n();
    if (n == 0)
        throw InputError("eigenvector: the network has no organisations; eigenvector centrality "
                         "is undefined");
    const double N = double(n);
    Eigen::VectorXd x = opt.nstart.empty() ? Eigen::VectorXd::Constant(n, 1.0 / N)
                                           : linalg::distribution(g, opt.nstart, name, "nstart");
    const linalg::RowMatrix AT = linalg::transposed_adjacency(g);
    Eigen::VectorXd next(n);
    double err = 0.0;
    for (std::size_t it = 0; it < opt.max_iter; ++it) {
        next = x;  // (A^T + I) x: start from x, add the in-neighbours in increasing order
        for (Eigen::Index v = 0; v < AT.outerSize(); ++v) {
            double s = next[v];
            for (linalg::RowMatrix::InnerIterator e(AT, v); e; ++e) s += x[e.index()] * e.value();
            next[v] = s;
        }
        double norm = linalg::euclidean_norm(next);
        if (norm == 0.0) norm = 1.0;
        next /= norm;
        err = (next - x).cwiseAbs().sum();
        x.swap(next);
        if (err < N * opt.tol) return std::vector<double>(x.data(), x.data() + n);
    }
    linalg::not_converged(name, opt.max_iter, err, N * opt.tol,
                          "raise max_iter or tol (NetworkX would raise PowerIterationFailedConvergence)");
}

}  // namespace ketennet::centrality
