#pragma once
/// @file current_flow_betweenness.ipp
/// @brief Definitions of centrality/current_flow_betweenness.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "ketennet/centrality/current_flow_betweenness.hpp"
#include "ketennet/linalg/laplacian.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

namespace detail {

/// Stable ascending argsort of @p f (no NaN) by least-significant-digit radix sort on the
/// doubles' bit patterns (mapped so that unsigned order is numeric order), 8 bits per pass;
/// passes in which every key has the same digit are skipped. Equal values keep index order.
inline void argsort(const Eigen::VectorXd& f, std::vector<std::uint64_t>& key,
                    std::vector<std::uint64_t>& key2, std::vector<vertex_t>& order,
                    std::vector<vertex_t>& order2) {
    const std::size_t n = std::size_t(f.size());
    key.resize(n);
    key2.resize(n);
    order.resize(n);
    order2.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t b;
        std::memcpy(&b, &f[Eigen::Index(i)], sizeof b);
        key[i] = (b >> 63) ? ~b : (b | (std::uint64_t(1) << 63));
        order[i] = vertex_t(i);
    }
    std::size_t count[256];
    for (unsigned shift = 0; shift < 64; shift += 8) {
        std::fill(std::begin(count), std::end(count), std::size_t(0));
        for (std::size_t i = 0; i < n; ++i) ++count[(key[i] >> shift) & 0xFF];
        if (count[(key[0] >> shift) & 0xFF] == n) continue;  // one digit: nothing to move
        std::size_t sum = 0;
        for (std::size_t& c : count) {
            const std::size_t x = c;
            c = sum;
            sum += x;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t p = count[(key[i] >> shift) & 0xFF]++;
            key2[p] = key[i];
            order2[p] = order[i];
        }
        key.swap(key2);
        order.swap(order2);
    }
}

}  // namespace detail

KETENNET_INLINE std::vector<double> current_flow_betweenness(const View& g, const CurrentFlowBetweennessOptions& opt) {
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
    // Small networks: keep the potentials of every unit current (the columns of X, by one
    // solve per organisation), so that a tie needs a difference of two columns instead of a
    // solve: n instead of m solves, at n^2 doubles of memory (32 MiB at the limit).
    const bool keep_columns = n <= opt.keep_potentials_up_to;
    Eigen::MatrixXd X;
    ProgressHandler phase1, phase2;
    if (opt.progress) {
        const double share = keep_columns ? 0.3 : 0.0;
        phase1 = [&, share](double f) { return opt.progress(share * f); };
        phase2 = [&, share](double f) { return opt.progress(share + (1.0 - share) * f); };
    }
    if (keep_columns) {
        X.resize(n, n);
        const std::size_t column_blocks = block_count(n, 256);
        parallel_blocks(
            column_blocks, opt.threads,
            [&](std::size_t b) {
                auto [lo, hi] = block_range(n, column_blocks, b);
                Eigen::VectorXd unit = Eigen::VectorXd::Zero(n), p;
                for (std::size_t v = lo; v < hi; ++v) {
                    unit[v] = 1.0;
                    L.potentials(unit, p);
                    unit[v] = 0.0;
                    X.col(Eigen::Index(v)) = p;
                }
            },
            phase1);
    }
    parallel_blocks(
        blocks, opt.threads,
        [&](std::size_t b) {
            auto [lo, hi] = block_range(m, blocks, b);
            std::vector<double> acc(n, 0.0);
            Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n), p, F(n);
            std::vector<std::uint64_t> key, key2;
            std::vector<vertex_t> order, order2;
            for (std::size_t e = lo; e < hi; ++e) {
                const vertex_t u = src[e], v = tgt[e];
                if (u == v) continue;
                if (keep_columns) {
                    p = X.col(u) - X.col(v);  // X is symmetric: X(u, .) - X(v, .)
                } else {
                    rhs[u] = 1.0;
                    rhs[v] = -1.0;
                    L.potentials(rhs, p);  // p = X (e_u - e_v): row s of X(u, .) - X(v, .)
                    rhs[u] = rhs[v] = 0.0;
                }
                F = w[e] * p;
                detail::argsort(F, key, key2, order, order2);
                // For a pair s < t the current I_e(s, t) = F(s) - F(t) flows u -> v when
                // positive. Crediting each end with the current that enters it: v gets
                // F(s) - F(t) for s < t with F(s) > F(t), u gets F(t) - F(s) for s < t with
                // F(s) < F(t). With r(s) the ascending rank of F(s):
                //   v += sum_s (r(s) - s) F(s),   u += sum_s (s + r(s) - (n - 1)) F(s)
                // (Brandes & Fleischer's Algorithm 1; ties between equal F cancel).
                double to_u = 0.0, to_v = 0.0;
                for (vertex_t r = 0; r < n; ++r) {
                    const double f = F[order[r]];
                    const double s = double(order[r]);
                    to_v += (double(r) - s) * f;
                    to_u += (s + double(r) - double(n - 1)) * f;
                }
                acc[u] += to_u;
                acc[v] += to_v;
            }
            parts[b] = std::move(acc);
        },
        phase2);
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
