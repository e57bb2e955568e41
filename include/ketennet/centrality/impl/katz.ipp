#pragma once
/// @file katz.ipp
/// @brief Definitions of centrality/katz.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "ketennet/centrality/katz.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> katz(const View& g, const KatzOptions& opt) {
    const char* name = "katz";
    require_weights(g, WeightRule::strength, name);
    const double big = std::numeric_limits<double>::max();
    linalg::require_in_range(name, "alpha", opt.alpha, -big, big);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, big);
    const vertex_t n = g.n();
    if (n == 0) {
        report_progress(opt.progress, 1.0);
        return {};
    }
    const double N = double(n);
    Eigen::VectorXd b = Eigen::VectorXd::Constant(n, opt.beta);
    if (!opt.beta_per_organisation.empty()) {
        if (opt.beta_per_organisation.size() != n)
            throw InputError("katz: beta has " + std::to_string(opt.beta_per_organisation.size()) +
                             " values for " + std::to_string(n) + " organisations");
        for (vertex_t v = 0; v < n; ++v) b[v] = opt.beta_per_organisation[v];
    }
    for (vertex_t v = 0; v < n; ++v)
        if (!std::isfinite(b[v]))
            throw InputError("katz: beta of '" + g.id(v) + "' is not a finite number");
    Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
    if (!opt.nstart.empty()) {
        if (opt.nstart.size() != n)
            throw InputError("katz: nstart has " + std::to_string(opt.nstart.size()) +
                             " values for " + std::to_string(n) + " organisations");
        for (vertex_t v = 0; v < n; ++v) {
            if (!std::isfinite(opt.nstart[v]))
                throw InputError("katz: nstart of '" + g.id(v) + "' is not a finite number");
            x[v] = opt.nstart[v];
        }
    }
    const linalg::RowMatrix AT = linalg::transposed_adjacency(g);
    Eigen::VectorXd next(n);
    double err = 0.0;
    for (std::size_t it = 0; it < opt.max_iter; ++it) {
        next.noalias() = AT * x;
        next = opt.alpha * next + b;
        err = (next - x).cwiseAbs().sum();
        x.swap(next);
        if (!std::isfinite(err)) {
            std::ostringstream advice;
            advice << "the walk sums diverge: alpha = " << opt.alpha
                   << " must be below 1 / lambda_max, the inverse of the largest eigenvalue of "
                      "the adjacency matrix (try a smaller alpha)";
            linalg::not_converged(name, it + 1, err, N * opt.tol, advice.str());
        }
        if (err < N * opt.tol) {
            if (opt.normalized) {
                const double norm = linalg::euclidean_norm(x);
                if (norm != 0.0) x *= 1.0 / norm;  // as NetworkX: times the reciprocal
            }
            report_progress(opt.progress, 1.0);
            return std::vector<double>(x.data(), x.data() + n);
        }
        report_progress(opt.progress, double(it + 1) / double(opt.max_iter));
    }
    std::ostringstream advice;
    advice << "raise max_iter, or lower alpha = " << opt.alpha
           << " (the iteration converges only for alpha < 1 / lambda_max)";
    linalg::not_converged(name, opt.max_iter, err, N * opt.tol, advice.str());
}

}  // namespace ketennet::centrality
