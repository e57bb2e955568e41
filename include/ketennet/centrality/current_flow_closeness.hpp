#pragma once
/// @file current_flow_closeness.hpp
/// @brief Current-flow closeness centrality (Brandes & Fleischer 2005), via the grounded
/// Laplacian and a sparse Cholesky factorisation.
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of current_flow_closeness() and information().
struct CurrentFlowOptions {
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
};

/// Current-flow closeness of every organisation.
///
/// Definition (Brandes & Fleischer 2005, "closeness" of electrical current; equal to
/// Stephenson & Zelen's 1989 information centrality up to a constant): read every tie as a
/// resistor with conductance w (its weight, a **strength**; 1 unweighted) and let R(v, t) be
/// the effective resistance between v and t (the potential difference when a unit current
/// enters at v and leaves at t). Then
///
///   C_CF(v) = 1 / sum_{t != v} R(v, t).
///
/// Short, many and strong parallel connections give a small resistance: information reaches v
/// along all routes, not only the shortest.
///
/// Conventions follow NetworkX's `current_flow_closeness_centrality(G, weight=)` (and its
/// alias `information_centrality`): no normalisation, so Brandes & Fleischer's value is
/// (n - 1) C_CF(v) and Stephenson & Zelen's is n C_CF(v). Defined for undirected, connected
/// networks with at least two organisations and positive weights: InputError naming the
/// problem otherwise (NetworkX raises NetworkXNotImplemented / NetworkXError). Self-loops are
/// ignored.
///
/// Computation: with X = L_g^{-1} (grounded Laplacian; see laplacian.hpp),
/// sum_t R(v, t) = n X(v, v) + trace(X) - 2 (X 1)(v): one sparse LDL^T factorisation, one
/// solve for X 1 and, for the diagonal, one sparse forward substitution per organisation,
/// parallel over organisations in fixed blocks (identical results for every thread count).
/// No dense inverse is formed: memory is that of the factor.
[[nodiscard]] std::vector<double> current_flow_closeness(const View& g, const CurrentFlowOptions& opt = {},
                                                  const char* name = "current_flow_closeness");

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/current_flow_closeness.ipp"
#endif
