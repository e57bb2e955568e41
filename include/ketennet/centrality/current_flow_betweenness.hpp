#pragma once
/// @file current_flow_betweenness.hpp
/// @brief Current-flow betweenness centrality (Newman 2005; Brandes & Fleischer 2005), via
/// the grounded Laplacian and a sparse Cholesky factorisation.
#include <vector>

#include "ketennet/centrality/current_flow_closeness.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Options of current_flow_betweenness().
struct CurrentFlowBetweennessOptions {
    /// Divide by (n-1)(n-2)/2, the number of pairs of other organisations, as NetworkX.
    bool normalized = true;
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
    /// Up to this many organisations keep the potentials of all n unit currents (n^2 doubles:
    /// 32 MiB at 2048) so that a tie needs no solve of its own; above it, one sparse solve
    /// per tie. A speed-memory trade-off only: the results agree to rounding.
    vertex_t keep_potentials_up_to = 2048;
};

/// Current-flow betweenness ("random-walk betweenness") of every organisation.
///
/// Definition (Newman 2005; Brandes & Fleischer 2005): read every tie as a resistor with
/// conductance w (its weight, a **strength**; 1 unweighted); for a pair s, t let a unit
/// current enter at s and leave at t. The throughput of v is the current through it,
/// tau_st(v) = 1/2 sum_{e incident to v} |I_e(s, t)|, and
///
///   c_CB(v) = sum_{s < t, v not in {s, t}} tau_st(v)   [ / ((n-1)(n-2)/2) when normalized ].
///
/// Unlike shortest-path betweenness, organisations on alternative routes share the flow, as
/// information that spreads along every channel (a random walker's expected net passages).
///
/// Conventions follow NetworkX's `current_flow_betweenness_centrality(G, normalized=,
/// weight=)`: normalised by (n-1)(n-2)/2 (unnormalised: the plain sum over unordered pairs);
/// undirected, connected networks with positive weights only (InputError naming the problem
/// otherwise); with fewer than three organisations every value is 0 (NetworkX divides by zero
/// there). Self-loops carry no current and are ignored (NetworkX mishandles them).
///
/// Computation (Brandes & Fleischer 2005, section 4): for every tie e = {u, v} one solve with
/// the sparse LDL^T factor of the grounded Laplacian gives the potential differences
/// F_e(s) = w_e (X(u, s) - X(v, s)) for every s, so that I_e(s, t) = F_e(s) - F_e(t); sorting
/// F_e credits the current through e to u and v for all pairs in O(n log n). Total
/// O(m (f + n log n)) time for a factor with f non-zeros and O(f + n) memory per thread, never
/// a dense factorisation or inverse. Up to 2048 organisations the n potential vectors of unit
/// currents (one solve each) are kept instead (n^2 doubles, at most 32 MiB), and a tie costs a
/// difference of two of them instead of a solve. Parallel over organisations and ties in
/// fixed blocks: identical results for every thread count.
[[nodiscard]] std::vector<double> current_flow_betweenness(const View& g,
                                                    const CurrentFlowBetweennessOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/current_flow_betweenness.ipp"
#endif
