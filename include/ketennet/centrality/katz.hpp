#pragma once
/// @file katz.hpp
/// @brief Katz centrality (Katz 1953) by power iteration.
#include <cstddef>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

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
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
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
[[nodiscard]] std::vector<double> katz(const View& g, const KatzOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/katz.ipp"
#endif
