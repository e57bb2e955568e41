#pragma once
/// @file structural_holes.hpp
/// @brief Burt's (1992) structural-hole measures: constraint, effective size, efficiency and
/// hierarchy, directed and weighted, with NetworkX's conventions.
///
/// Conventions (those of NetworkX's `constraint` and `effective_size`, networkx 3.x):
/// - The contacts N(i) of organisation i are its in- and out-neighbours (a self-loop makes i
///   its own contact, as in NetworkX).
/// - Mutual weight m_ij = a_ij + a_ji, with a the view's adjacency (weights, or 1 for an
///   unweighted view; an undirected tie counts in both directions, a self-loop gives
///   m_ii = 2 a_ii). Proportional tie strength p_ij = m_ij / sum_k m_ik; the tie relative to
///   j's strongest, m_ij / max_k m_jk.
/// - An organisation without ties to others (isolated, or with self-loops only) gets NaN.
/// - Weights must be positive and finite (InputError naming the relation otherwise).
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/model/errors.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

/// Burt's measures of one view, each per organisation in view order.
struct StructuralHoles {
    std::vector<double> constraint;      ///< aggregate constraint C_i
    std::vector<double> effective_size;  ///< effective size ES_i
    std::vector<double> efficiency;      ///< ES_i / |N(i) \ {i}|
    std::vector<double> hierarchy;       ///< Coleman-Theil concentration of constraint
};

/// Options of structural_holes().
struct StructuralHolesOptions {
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress;
};

namespace detail {

/// The symmetric "mutual" adjacency of a view: for each vertex its contacts (ascending) with
/// mutual weights m_ij = a_ij + a_ji, plus the row sums and maxima.
struct MutualAdjacency {
    std::vector<std::size_t> off;
    std::vector<vertex_t> adj;
    std::vector<double> m;
    std::vector<double> sum, max;
    std::vector<char> has_other;  ///< a contact other than the vertex itself

    explicit MutualAdjacency(const View& g) {
        const vertex_t n = g.n();
        const auto ws = g.edge_weights();
        const auto src = g.edge_sources();
        const auto tgt = g.edge_targets();
        for (std::size_t e = 0; e < ws.size(); ++e) {
            const double w = ws[e];
            if (!(w > 0.0) || !std::isfinite(w))
                throw InputError("structural holes need positive, finite tie weights; the tie " +
                                 g.id(src[e]) + (g.directed() ? " -> " : " - ") + g.id(tgt[e]) +
                                 " has weight " + std::to_string(w));
        }
        off.assign(std::size_t(n) + 1, 0);
        adj.reserve(2 * ws.size());
        m.reserve(2 * ws.size());
        // Merge out- and in-lists (both ascending) per vertex.
        for (vertex_t u = 0; u < n; ++u) {
            auto on = g.out_neighbours(u);
            auto ow = g.out_weights(u);
            if (!g.directed()) {
                for (std::size_t k = 0; k < on.size(); ++k) {
                    adj.push_back(on[k]);
                    m.push_back(2.0 * ow[k]);
                }
            } else {
                auto in = g.in_neighbours(u);
                auto iw = g.in_weights(u);
                std::size_t a = 0, b = 0;
                while (a < on.size() || b < in.size()) {
                    if (b == in.size() || (a < on.size() && on[a] < in[b])) {
                        adj.push_back(on[a]);
                        m.push_back(ow[a++]);
                    } else if (a == on.size() || in[b] < on[a]) {
                        adj.push_back(in[b]);
                        m.push_back(iw[b++]);
                    } else {  // both directions (a self-loop appears in both lists)
                        adj.push_back(on[a]);
                        m.push_back(ow[a++] + iw[b++]);
                    }
                }
            }
            off[u + 1] = adj.size();
        }
        sum.assign(n, 0.0);
        max.assign(n, 0.0);
        has_other.assign(n, 0);
        for (vertex_t u = 0; u < n; ++u) {
            for (std::size_t k = off[u]; k < off[u + 1]; ++k) {
                sum[u] += m[k];
                max[u] = std::max(max[u], m[k]);
                if (adj[k] != u) has_other[u] = 1;
            }
        }
    }
};

}  // namespace detail

/// Burt's (1992) structural-hole measures of every organisation, in one pass.
///
/// With p_ij = m_ij / sum_k m_ik and N(i) the contacts of i (see the file comment):
/// - constraint (Burt 1992, eq. 2.4; NetworkX `constraint`):
///     C_i = sum_{j in N(i)} c_ij,  c_ij = (p_ij + sum_{q in N(i)} p_iq p_qj)^2;
/// - effective size (Burt 1992; NetworkX `effective_size`):
///     ES_i = sum_{j in N(i)} (1 - sum_{q in N(i)} p_iq m_jq / max_k m_jk);
///   unweighted and undirected without self-loops this is Borgatti's (1997) n - 2t/n;
/// - efficiency (Burt 1992): ES_i / |N(i) \ {i}|;
/// - hierarchy (Burt 1992, p. 71; UCINET's Coleman-Theil disorder index):
///     H_i = sum_{j in N(i)} r_j ln r_j / (N ln N),  r_j = c_ij / (C_i / N),  N = |N(i)|,
///   0 when the constraint is spread evenly over the contacts, 1 when one contact holds it
///   all; NaN for fewer than two contacts (N ln N = 0), 0 ln 0 = 0.
/// Organisations without ties to others get NaN in all four. InputError for a view of fewer
/// than two organisations.
/// Cost: O(sum_i sum_{q in N(i)} |N(q)|) time, O(n + m) memory per thread.
inline StructuralHoles structural_holes(const View& g, const StructuralHolesOptions& options = {}) {
    const vertex_t n = g.n();
    if (n < 2)
        throw InputError("structural holes need at least two organisations, the view has " +
                         std::to_string(n));
    const detail::MutualAdjacency M(g);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    StructuralHoles out;
    out.constraint.assign(n, nan);
    out.effective_size.assign(n, nan);
    out.efficiency.assign(n, nan);
    out.hierarchy.assign(n, nan);
    // Each block allocates O(n) scratch, so blocks hold at least 256 organisations (every
    // organisation's values are computed alone, so results do not depend on the blocks).
    const std::size_t blocks = std::clamp<std::size_t>(std::size_t(n) / 256, 1, 64);
    parallel_blocks(blocks, options.threads, [&](std::size_t b) {
        const auto [lo, hi] = block_range(n, blocks, b);
        std::vector<double> p(n, 0.0), ind(n, 0.0), red(n, 0.0);
        std::vector<char> mark(n, 0);
        std::vector<double> local;
        for (vertex_t i = vertex_t(lo); i < vertex_t(hi); ++i) {
            if (!M.has_other[i]) continue;
            const std::size_t b0 = M.off[i], b1 = M.off[i + 1];
            for (std::size_t k = b0; k < b1; ++k) {
                p[M.adj[k]] = M.m[k] / M.sum[i];
                mark[M.adj[k]] = 1;
            }
            // indirect[j] = sum_q p_iq p_qj; red[j] = sum_q p_iq m_qj / max_j (m symmetric)
            for (std::size_t k = b0; k < b1; ++k) {
                const vertex_t q = M.adj[k];
                const double piq = p[q];
                const double sq = M.sum[q];
                for (std::size_t l = M.off[q]; l < M.off[q + 1]; ++l) {
                    const vertex_t j = M.adj[l];
                    if (!mark[j]) continue;
                    ind[j] += piq * (M.m[l] / sq);
                    red[j] += piq * (M.m[l] / M.max[j]);
                }
            }
            double c = 0.0, es = 0.0;
            std::size_t others = 0;
            local.clear();
            for (std::size_t k = b0; k < b1; ++k) {
                const vertex_t j = M.adj[k];
                const double x = p[j] + ind[j];
                local.push_back(x * x);
                c += x * x;
                es += 1.0 - red[j];
                if (j != i) ++others;
            }
            out.constraint[i] = c;
            out.effective_size[i] = es;
            out.efficiency[i] = es / double(others);
            const double N = double(local.size());
            if (local.size() >= 2 && c > 0.0) {
                double h = 0.0;
                for (double cij : local) {
                    const double r = cij * N / c;
                    if (r > 0.0) h += r * std::log(r);
                }
                out.hierarchy[i] = h / (N * std::log(N));
            }
            for (std::size_t k = b0; k < b1; ++k) {
                const vertex_t j = M.adj[k];
                p[j] = ind[j] = red[j] = 0.0;
                mark[j] = 0;
            }
        }
    }, options.progress);
    return out;
}

}  // namespace ketennet::brokerage
