#pragma once
/// @file pagerank.ipp
/// @brief Definitions of centrality/pagerank.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include "ketennet/centrality/pagerank.hpp"
#include "ketennet/centrality/detail/pagerank_kernel.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> reference::pagerank(const View& g, const PageRankOptions& opt) {
    const detail::PageRankProblem pr = detail::pagerank_problem(g, opt);
    const vertex_t n = g.n();
    if (n == 0) {
        report_progress(pr.progress, 1.0);
        return {};
    }
    const double N = double(n), alpha = pr.alpha;
    std::vector<double> inv(n, 0.0);  // 1 / out-strength, 0 for a dangling organisation
    for (vertex_t u = 0; u < n; ++u) {
        double s = 0.0;
        if (g.weighted())
            for (double w : g.out_weights(u)) s += w;
        else
            s = double(g.out_neighbours(u).size());
        if (s != 0.0) inv[u] = 1.0 / s;
    }
    std::vector<double> x = pr.start, next(n);
    double err = 0.0;
    for (std::size_t it = 0; it < pr.max_iter; ++it) {
        double lost = 0.0;
        for (vertex_t u = 0; u < n; ++u)
            if (inv[u] == 0.0) lost += x[u];
        err = 0.0;
        for (vertex_t v = 0; v < n; ++v) {
            const auto in = g.in_neighbours(v);
            const auto wt = g.in_weights(v);
            double sum = 0.0;
            for (std::size_t k = 0; k < in.size(); ++k) {
                const double y = x[in[k]] * inv[in[k]];
                sum += g.weighted() ? wt[k] * y : y;
            }
            const double d = pr.uniform ? 1.0 / N : pr.dangling[v];
            const double p = pr.uniform ? 1.0 / N : pr.personalization[v];
            next[v] = alpha * (sum + lost * d) + (1.0 - alpha) * p;
            err += std::abs(next[v] - x[v]);
        }
        std::swap(x, next);
        if (err < N * pr.tol) {
            report_progress(pr.progress, 1.0);
            return x;
        }
        report_progress(pr.progress, double(it + 1) / double(pr.max_iter));
    }
    linalg::not_converged("pagerank", pr.max_iter, err, N * pr.tol, detail::pagerank_not_converged_hint);
}

KETENNET_INLINE std::vector<double> pagerank(const View& g, const PageRankOptions& opt) {
#if defined(KETENNET_REFERENCE_KERNELS)
    return reference::pagerank(g, opt);
#else
    const detail::PageRankProblem pr = detail::pagerank_problem(g, opt);
    if (g.n() == 0) {
        report_progress(pr.progress, 1.0);
        return {};
    }
    return detail::pagerank_kernel(g, pr);
#endif
}

}  // namespace ketennet::centrality
