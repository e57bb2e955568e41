#pragma once
/// @file eigenvector.hpp
/// @brief Eigenvector centrality (Bonacich 1972) by power iteration.
#include <cstddef>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of eigenvector(); the defaults are NetworkX's.
struct EigenvectorOptions {
    /// Most power iterations before ConvergenceError.
    std::size_t max_iter = 100;
    /// Stop when the L1 change of an iteration is below n * tol.
    double tol = 1e-6;
    /// Start vector, one value per organisation (divided by its sum); empty: all equal.
    std::vector<double> nstart{};
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
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
[[nodiscard]] std::vector<double> eigenvector(const View& g, const EigenvectorOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/eigenvector.ipp"
#endif
