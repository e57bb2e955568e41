#pragma once
/// @file katz.hpp
/// @brief Katz centrality (Katz 1953) by power iteration.
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <vector>

#include <Eigen/Core>

#include "ketennet/linalg/adjacency.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::centrality {

/// Options of katz(); the defaults are NetworkX's.
struct KatzOptions {
    /// Attenuation factor: a walk of length k counts alpha^k. The iteration converges only
    /// for alpha < 1 / lambda_max (the largest eigenvalue of the adjacency matrix).
    double alpha = 0.1;
    /// Weight every organisation gets for itself (beta in the formula)...
    double beta = 1.0;
    /// ...or one value per organisation (used when not empty).
    std::vector<double> beta_per_organisation{};
    /// Most power iterations before ConvergenceError.
    std::size_t max_iter = 1000;
    /// Stop when the L1 change of an iteration is below n * tol.
    double tol = 1e-6;
    /// Start vector, one value per organisation (used as given); empty: zeros.
    std::vector<double> nstart{};
    /// Divide the result by its Euclidean norm.
    bool normalized = true;
};

/// Katz centrality of every organisation: how many walks end there, longer ones counting less.
///
/// Definition (Katz 1953):
///
///   x(v) = alpha * sum_{u -> v} w(u, v) x(u) + beta(v),   i.e.  x = (I - alpha A^T)^{-1} beta,
///
/// the sum over all walks that end at v, a walk of length k weighted alpha^k, plus beta(v).
/// Conventions follow NetworkX's `katz_centrality` exactly (power iteration from nstart,
/// default zeros; stop when the L1 change is below n * tol; normalised to unit Euclidean
/// norm), so the values agree with NetworkX's to rounding. Directed views count **incoming**
/// walks (ties pointing at v), as NetworkX. Weights are **strengths** (>= 0); unweighted,
/// every tie weighs 1.
///
/// Throws ConvergenceError after max_iter iterations without convergence, or as soon as the
/// iteration overflows (alpha >= 1 / lambda_max: the series diverges); InputError on a bad
/// parameter. O(m) per iteration.
[[nodiscard]] inline std::vector<double> katz(const View& g, const KatzOptions& opt = {}) {
    const char* name = "katz";
    require_weights(g, WeightRule::strength, name);
    const double big = std::numeric_limits<double>::max();
    linalg::require_in_range(name, "alpha", opt.alpha, -big, big);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, big);
    const vertex_t n = g.n();
    if (n == 0) return {};
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
            return std::vector<double>(x.data(), x.data() + n);
        }
    }
    std::ostringstream advice;
    advice << "raise max_iter, or lower alpha = " << opt.alpha
           << " (the iteration converges only for alpha < 1 / lambda_max)";
    linalg::not_converged(name, opt.max_iter, err, N * opt.tol, advice.str());
}

}  // namespace ketennet::centrality
