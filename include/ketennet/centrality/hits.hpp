#pragma once
/// @file hits.hpp
/// @brief Hubs and authorities (HITS; Kleinberg 1999) by restarted Lanczos iteration.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

/// Options of hits(); the defaults are NetworkX's.
struct HitsOptions {
    /// Most Lanczos restarts (each builds a Krylov subspace of up to 20 vectors, as
    /// NetworkX's ARPACK call) before ConvergenceError.
    std::size_t max_iter = 100;
    /// Stop when the eigen-residual ||M a - theta a|| is at most tol * theta (ARPACK's rule).
    double tol = 1e-8;
    /// Start vector for the authorities, one value per organisation; empty: all equal.
    std::vector<double> nstart{};
    /// Divide hubs and authorities by their sums. Otherwise the authority vector has unit
    /// Euclidean norm and hubs = A authorities.
    bool normalized = true;
};

/// Hub and authority scores, each one value per organisation.
struct HitsResult {
    std::vector<double> hubs;
    std::vector<double> authorities;
};

/// Hubs and authorities of every organisation (HITS).
///
/// Definition (Kleinberg 1999): good hubs point at good authorities, good authorities are
/// pointed at by good hubs,
///
///   h(u) = sum_{u -> v} w(u, v) a(v),      a(v) = sum_{u -> v} w(u, v) h(u),
///
/// so a is the dominant eigenvector of A^T A (the top right singular vector of A) and
/// h = A a. In an information network, hubs are the organisations that send to the main
/// receivers, authorities the ones the main senders send to.
///
/// Conventions follow NetworkX's `hits` (which computes the top singular vector with ARPACK,
/// tol = 1e-8): authorities a = the dominant eigenvector of A^T A, hubs = A a, both divided by
/// their sums when normalized. The eigenvector is found by Lanczos iteration on A^T A with
/// full reorthogonalisation, restarted from the Ritz vector after 20 steps, starting from
/// nstart (default all equal); max_iter bounds the restarts. Where the dominant eigenvalue is
/// not simple (an undirected bipartite network; two equal components) the scores are not
/// unique; ketennet then returns the projection of the start vector on the dominant
/// eigenspace, which is what Kleinberg's iteration converges to (NetworkX returns whichever
/// vector ARPACK finds). An undirected view gives hubs = authorities. Weights are strengths
/// (>= 0; NetworkX reads a `weight` attribute when there is one); unweighted, every tie
/// weighs 1. A network without ties gives all hubs and authorities 1/n (normalised; 0 and
/// 1/sqrt(n) otherwise).
///
/// Throws ConvergenceError after max_iter restarts without convergence. O(m + 20 n) per
/// Lanczos step.
[[nodiscard]] inline HitsResult hits(const View& g, const HitsOptions& opt = {}) {
    const char* name = "hits";
    require_weights(g, WeightRule::strength, name);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, std::numeric_limits<double>::max());
    const vertex_t n = g.n();
    HitsResult out;
    if (n == 0) return out;
    const double N = double(n);
    const linalg::RowMatrix A = linalg::adjacency(g);
    const linalg::RowMatrix AT = linalg::transposed_adjacency(g);

    Eigen::VectorXd a = opt.nstart.empty() ? Eigen::VectorXd::Constant(n, 1.0)
                                           : linalg::distribution(g, opt.nstart, name, "nstart");
    a /= a.norm();
    Eigen::VectorXd tmp(n), w(n);
    auto apply = [&](const Eigen::VectorXd& v, Eigen::VectorXd& result) {  // A^T A v
        tmp.noalias() = A * v;
        result.noalias() = AT * tmp;
    };

    bool converged = A.nonZeros() == 0;  // no ties: every vector is an eigenvector
    if (!converged) {
        const Eigen::Index k_max = std::min<Eigen::Index>(20, n);
        Eigen::MatrixXd V(n, k_max);
        Eigen::VectorXd alpha(k_max), beta(k_max);
        double residual = std::numeric_limits<double>::infinity(), theta = 0.0;
        for (std::size_t restart = 0; restart < opt.max_iter && !converged; ++restart) {
            V.col(0) = a;
            Eigen::Index k = 0;
            double scale = 0.0;  // largest |alpha| so far: the size of A^T A seen
            for (Eigen::Index j = 0; j < k_max; ++j) {
                apply(V.col(j), w);
                alpha[j] = V.col(j).dot(w);
                scale = std::max(scale, std::abs(alpha[j]));
                k = j + 1;
                // full reorthogonalisation against the basis so far (twice is enough)
                for (int pass = 0; pass < 2; ++pass) {
                    const Eigen::VectorXd c = V.leftCols(k).transpose() * w;
                    w.noalias() -= V.leftCols(k) * c;
                }
                beta[j] = w.norm();
                if (j + 1 == k_max) break;
                if (beta[j] <= 1e-13 * scale) break;  // invariant subspace: T is exact
                V.col(j + 1) = w / beta[j];
            }
            Eigen::MatrixXd T = Eigen::MatrixXd::Zero(k, k);
            for (Eigen::Index j = 0; j < k; ++j) {
                T(j, j) = alpha[j];
                if (j + 1 < k) T(j, j + 1) = T(j + 1, j) = beta[j];
            }
            Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(T);
            theta = es.eigenvalues()[k - 1];
            a = V.leftCols(k) * es.eigenvectors().col(k - 1);
            a /= a.norm();
            if (a.sum() < 0.0) a = -a;
            apply(a, w);
            residual = (w - theta * a).norm();
            converged = residual <= opt.tol * std::abs(theta);
        }
        if (!converged)
            linalg::not_converged(name, opt.max_iter, residual, opt.tol * std::abs(theta),
                                  "raise max_iter or tol (NetworkX would raise "
                                  "PowerIterationFailedConvergence)");
        // the dominant eigenvector is non-negative: clear rounding noise below zero
        a = a.cwiseMax(0.0);
        a /= a.norm();
    } else {
        a = Eigen::VectorXd::Constant(n, 1.0 / std::sqrt(N));
    }
    Eigen::VectorXd h = A * a;
    if (opt.normalized) {
        const double hs = h.sum(), as = a.sum();
        if (hs > 0.0)
            h /= hs;
        else
            h.setConstant(1.0 / N);
        a /= as;
    }
    out.hubs.assign(h.data(), h.data() + n);
    out.authorities.assign(a.data(), a.data() + n);
    return out;
}

}  // namespace ketennet::centrality
