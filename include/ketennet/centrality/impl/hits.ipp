#pragma once
/// @file hits.ipp
/// @brief Definitions of centrality/hits.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include "ketennet/centrality/hits.hpp"
#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

KETENNET_INLINE HitsResult hits(const View& g, const HitsOptions& opt) {
    const char* name = "hits";
    require_weights(g, WeightRule::strength, name);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, std::numeric_limits<double>::max());
    const vertex_t n = g.n();
    HitsResult out;
    if (n == 0) {
        report_progress(opt.progress, 1.0);
        return out;
    }
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
            if (!converged) report_progress(opt.progress, double(restart + 1) / double(opt.max_iter));
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
    report_progress(opt.progress, 1.0);
    return out;
}

}  // namespace ketennet::centrality
