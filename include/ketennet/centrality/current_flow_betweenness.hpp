#pragma once
/// @file current_flow_betweenness.hpp
/// @brief Current-flow betweenness centrality (Newman 2005; Brandes & Fleischer 2005), via
/// the grounded Laplacian and a sparse Cholesky factorisation.
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "ketennet/centrality/current_flow_closeness.hpp"
#include "ketennet/linalg/laplacian.hpp"
#include "ketennet/support/parallel.hpp"
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
    ProgressHandler progress;
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
/// O(m (f + n log n)) time for a factor with f non-zeros and O(f + n) memory per thread: no
/// dense inverse. Parallel over ties in fixed blocks: identical results for every thread count.
inline std::vector<double> current_flow_betweenness(const View& g,
                                                    const CurrentFlowBetweennessOptions& opt = {}) {
    const char* name = "current_flow_betweenness";
    linalg::require_electrical(g, name, 1);
    const vertex_t n = g.n();
    std::vector<double> out(n, 0.0);
    if (n < 3) {
        if (opt.progress) report_progress(opt.progress, 1.0);
        return out;
    }
    const linalg::GroundedLaplacian L(g, 0);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    const std::size_t m = src.size();
    const std::size_t cap =
        std::max<std::size_t>(1, (std::size_t(1) << 25) / std::max<std::size_t>(n, 1));
    const std::size_t blocks = std::max<std::size_t>(1, std::min({m, std::size_t(256), cap}));
    std::vector<std::vector<double>> parts(blocks);
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(m, blocks, b);
            std::vector<double> acc(n, 0.0);
            Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n), p;
            std::vector<std::pair<double, vertex_t>> sorted(n);
            for (std::size_t e = lo; e < hi; ++e) {
                const vertex_t u = src[e], v = tgt[e];
                if (u == v) continue;
                rhs[u] = 1.0;
                rhs[v] = -1.0;
                L.potentials(rhs, p);  // p = X (e_u - e_v): row s of X(u, .) - X(v, .)
                rhs[u] = rhs[v] = 0.0;
                const double c = w[e];
                for (vertex_t s = 0; s < n; ++s) sorted[s] = {c * p[s], s};
                std::sort(sorted.begin(), sorted.end());
                // For a pair s < t the current I_e(s, t) = F(s) - F(t) flows u -> v when
                // positive. Crediting each end with the current that enters it: v gets
                // F(s) - F(t) for s < t with F(s) > F(t), u gets F(t) - F(s) for s < t with
                // F(s) < F(t). With r(s) the ascending rank of F(s):
                //   v += sum_s (r(s) - s) F(s),   u += sum_s (s + r(s) - (n - 1)) F(s)
                // (Brandes & Fleischer's Algorithm 1; ties between equal F cancel).
                double to_u = 0.0, to_v = 0.0;
                for (vertex_t r = 0; r < n; ++r) {
                    const double f = sorted[r].first;
                    const double s = double(sorted[r].second);
                    to_v += (double(r) - s) * f;
                    to_u += (s + double(r) - double(n - 1)) * f;
                }
                acc[u] += to_u;
                acc[v] += to_v;
            }
            parts[b] = std::move(acc);
        },
        opt.progress);
    for (const auto& part : parts)
        for (vertex_t v = 0; v < n; ++v) out[v] += part[v];
    // Each vertex x was credited the current entering it for every pair s < t: its
    // throughput when it is inside, 1 when it is the target t (x pairs), 0 as the source.
    const double N = double(n);
    const double scale = opt.normalized ? 2.0 / ((N - 1.0) * (N - 2.0)) : 1.0;
    for (vertex_t x = 0; x < n; ++x) out[x] = (out[x] - double(x)) * scale;
    return out;
}

}  // namespace ketennet::centrality
