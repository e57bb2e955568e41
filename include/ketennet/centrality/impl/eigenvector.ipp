#pragma once
/// @file eigenvector.ipp
/// @brief Definitions of centrality/eigenvector.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <Eigen/Core>

#include "ketennet/centrality/eigenvector.hpp"
#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> eigenvector(const View& g, const EigenvectorOptions& opt) {
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
        if (err < N * opt.tol) {
            report_progress(opt.progress, 1.0);
            return std::vector<double>(x.data(), x.data() + n);
        }
        report_progress(opt.progress, double(it + 1) / double(opt.max_iter));
    }
    linalg::not_converged(name, opt.max_iter, err, N * opt.tol,
                          "raise max_iter or tol (NetworkX would raise PowerIterationFailedConvergence)");
}

}  // namespace ketennet::centrality
