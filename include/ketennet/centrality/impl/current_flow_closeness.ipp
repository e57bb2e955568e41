#pragma once
/// @file current_flow_closeness.ipp
/// @brief Definitions of centrality/current_flow_closeness.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "ketennet/centrality/current_flow_closeness.hpp"
#include "ketennet/linalg/laplacian.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

KETENNET_INLINE std::vector<double> current_flow_closeness(const View& g, const CurrentFlowOptions& opt,
                                                            const char* name) {
    linalg::require_electrical(g, name, 2);
    const vertex_t n = g.n();
    const linalg::GroundedLaplacian L(g, 0);
    // row sums of X: potentials for a unit current into every organisation
    Eigen::VectorXd ones = Eigen::VectorXd::Ones(n), rowsum;
    L.potentials(ones, rowsum);
    std::vector<double> diag(n, 0.0);
    const std::size_t blocks = block_count(n, 256);
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(n, blocks, b);
            Eigen::VectorXd y = Eigen::VectorXd::Zero(Eigen::Index(n) - 1);
            for (std::size_t v = lo; v < hi; ++v) diag[v] = L.diagonal(vertex_t(v), y);
        },
        opt.progress);
    double trace = 0.0;
    for (double x : diag) trace += x;
    std::vector<double> out(n);
    const double N = double(n);
    for (vertex_t v = 0; v < n; ++v) out[v] = 1.0 / (N * diag[v] + trace - 2.0 * rowsum[v]);
    return out;
}

}  // namespace ketennet::centrality
