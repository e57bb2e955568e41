#pragma once
/// @file hits.hpp
/// @brief Hubs and authorities (HITS; Kleinberg 1999) by restarted Lanczos iteration.
#include <cstddef>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

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
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
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
[[nodiscard]] HitsResult hits(const View& g, const HitsOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/hits.ipp"
#endif
