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
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "ketennet/brokerage/work_blocks.hpp"
#include "ketennet/model/errors.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

/// Burt's measures of one view, each per organisation in view order. A measure left out by
/// StructuralHolesOptions is an empty vector.
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
    /// The measures to compute. Constraint and hierarchy share the indirect sums
    /// sum_q p_iq p_qj, effective size and efficiency the redundancies; asking for one
    /// family only skips the other's work (about half).
    bool constraint = true, effective_size = true, efficiency = true, hierarchy = true;
};

namespace detail {

/// The symmetric "mutual" adjacency of a view for Burt's measures: the contacts N(u) of
/// every vertex u (in- and out-neighbours, ascending, u itself after a self-loop) in slots
/// [start[u], vertex[u].stop) of adj, the mutual weight m_uj = a_uj + a_ju (= m_ju) of each slot,
/// and per vertex sum_j m_uj and max_j m_uj. What the ego loop reads of a contact q sits in
/// one record (vertex[q]): one cache line instead of four scattered ones.
/// For an undirected view the slots are the view's own adjacency (no copy) and m holds a
/// rather than 2 a: the factor 2 cancels exactly in every ratio the measures use (m / sum,
/// m / max). For a directed view each vertex's out- and in-lists are merged into slots of
/// room outdeg + indeg. Built in parallel blocks of vertices, each value computed alone in a
/// fixed order: the result does not depend on the thread count.
class MutualAdjacency {
public:
    /// Per vertex u: its slots [start[u], stop), those with contacts >= u from upper, and the
    /// sum and maximum of m over its slots.
    struct alignas(32) Vertex {
        std::size_t upper, stop;
        double sum, max;
    };
    std::span<const std::size_t> start;  ///< first slot of each vertex (n + 1 entries)
    std::vector<Vertex> vertex;          ///< per vertex (see Vertex)
    std::span<const vertex_t> adj;       ///< the contact in each slot
    std::span<const double> m;           ///< the mutual weight of each slot (see above)
    std::vector<char> has_other;         ///< a contact other than the vertex itself
    double work = 0.0;  ///< sum_u |N(u)| |N(u) above u|: the steps of the ego loop

    /// Checks the weights (positive and finite, InputError naming the first bad tie in edge
    /// order) and builds the adjacency.
    explicit MutualAdjacency(const View& g, unsigned threads = 0) {
        const vertex_t n = g.n();
        if (!g.directed()) {
            start = g.out_offsets();
            adj = g.out_adjacency();
            m = g.out_adjacency_weights();
        } else {
            own_start_.assign(std::size_t(n) + 1, 0);
            for (vertex_t u = 0; u < n; ++u)
                own_start_[u + 1] = own_start_[u] + g.out_neighbours(u).size() + g.in_neighbours(u).size();
            own_adj_ = std::make_unique_for_overwrite<vertex_t[]>(own_start_[n]);
            own_m_ = std::make_unique_for_overwrite<double[]>(own_start_[n]);
            start = own_start_;
            adj = {own_adj_.get(), own_start_[n]};
            m = {own_m_.get(), own_start_[n]};
        }
        vertex.resize(n);
        has_other.resize(n);
        std::atomic<bool> bad{false};
        const std::size_t blocks = work_blocks(n, 4.0 * double(start[n]));
        run_blocks(blocks, threads, [&](std::size_t b) {
            const auto [lo, hi] = block_range(n, blocks, b);
            bool ok = true;
            for (vertex_t u = vertex_t(lo); u < vertex_t(hi); ++u) {
                const std::size_t stop = g.directed() ? merge(g, u) : start[u + 1];
                double s = 0.0, x = 0.0;
                char other = 0;
                std::size_t up = stop;
                for (std::size_t k = start[u]; k < stop; ++k) {
                    const double w = m[k];
                    ok &= w > 0.0 && w <= std::numeric_limits<double>::max();
                    s += w;
                    x = std::max(x, w);
                    other |= char(adj[k] != u);
                    if (adj[k] >= u && up == stop) up = k;
                }
                vertex[u] = {up, stop, s, x};
                has_other[u] = other;
            }
            if (!ok) bad = true;
        });
        if (bad) check_weights(g);  // throws, naming the first bad tie
        for (vertex_t u = 0; u < n; ++u)
            work += double(vertex[u].stop - start[u]) * double(vertex[u].stop - vertex[u].upper + 1);
    }
    MutualAdjacency(const MutualAdjacency&) = delete;
    MutualAdjacency& operator=(const MutualAdjacency&) = delete;

    /// The contacts of @p u, ascending.
    std::span<const vertex_t> contacts(vertex_t u) const noexcept {
        return adj.subspan(start[u], vertex[u].stop - start[u]);
    }

private:
    std::vector<std::size_t> own_start_;
    std::unique_ptr<vertex_t[]> own_adj_;
    std::unique_ptr<double[]> own_m_;

    /// InputError naming the first tie (in edge order) whose weight is not positive and finite.
    static void check_weights(const View& g) {
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
    }

    /// Merges u's out- and in-lists (both ascending) into its slots; m = a_uj + a_ju (a
    /// self-loop is in both lists: m_uu = 2 a_uu). Returns one past u's last slot.
    std::size_t merge(const View& g, vertex_t u) {
        auto on = g.out_neighbours(u);
        auto ow = g.out_weights(u);
        auto in = g.in_neighbours(u);
        auto iw = g.in_weights(u);
        vertex_t* adj_out = own_adj_.get();
        double* m_out = own_m_.get();
        std::size_t a = 0, b = 0, k = own_start_[u];
        while (a < on.size() || b < in.size()) {
            if (b == in.size() || (a < on.size() && on[a] < in[b])) {
                adj_out[k] = on[a];
                m_out[k++] = ow[a++];
            } else if (a == on.size() || in[b] < on[a]) {
                adj_out[k] = in[b];
                m_out[k++] = iw[b++];
            } else {
                adj_out[k] = on[a];
                m_out[k++] = ow[a++] + iw[b++];
            }
        }
        return k;
    }
};

/// Per-thread scratch of the ego loop: slot[v] = 1 + v's position among the current ego's
/// contacts (0 = not a contact; all 0 between egos), and per contact p_ij and the sums.
struct EgoScratch {
    std::vector<std::uint32_t> slot;
    std::vector<double> p, indirect, redundancy, local;
};

/// The indirect sums (C) and redundancies (E) of ego i's contacts j, in contact order:
///   indirect_j = sum_{q in N(i)} p_iq p_qj,  redundancy_j = sum_{q in N(i)} p_iq m_qj / max_j,
/// with s.p[a] = p_ij of i's a-th contact. A term is nonzero only for q in N(i) and N(j): a tie
/// q - j among i's contacts. Each such tie is found once, from its lower end q (scanning q's
/// contacts j >= q, keeping i's contacts through the dense position array: no search), and
/// adds the terms of both ends: q's to j's sums and j's to q's. Visiting q ascending, every
/// sum still adds its terms in ascending q, and each term is computed with the same
/// operations as the definition read directly (p_qj = m_qj / sum_q, ...): the values are those
/// of the plain loop over q and j, bit for bit.
template <bool C, bool E>
void ego_sums(const MutualAdjacency& M, vertex_t i, EgoScratch& s) {
    const std::size_t s0 = M.start[i], d = M.vertex[i].stop - s0;
    const vertex_t* adj = M.adj.data();
    const MutualAdjacency::Vertex* V = M.vertex.data();
    const double* m = M.m.data();
    const std::uint32_t* slot = s.slot.data();
    const double* p = s.p.data();
    double* ind = s.indirect.data();
    double* red = s.redundancy.data();
    for (std::size_t a = 0; a < d; ++a) {
        const vertex_t q = adj[s0 + a];
        const MutualAdjacency::Vertex vq = V[q];
        if (a + 1 < d) __builtin_prefetch(&adj[V[adj[s0 + a + 1]].upper]);
        if (a + 2 < d) __builtin_prefetch(&V[adj[s0 + a + 2]]);
        const double piq = p[a], sq = vq.sum, mq = vq.max;
        for (std::size_t l = vq.upper, end = vq.stop; l < end; ++l) {
            const vertex_t j = adj[l];
            const std::uint32_t t = slot[j];
            if (!t) continue;
            const double mqj = m[l];
            if constexpr (C) ind[t - 1] += piq * (mqj / sq);
            if constexpr (E) red[t - 1] += piq * (mqj / V[j].max);
            if (j != q) {  // j's term of q's sums (a self-loop of q counts once)
                const double pij = p[t - 1];
                if constexpr (C) ind[a] += pij * (mqj / V[j].sum);
                if constexpr (E) red[a] += pij * (mqj / mq);
            }
        }
    }
}

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
/// Organisations without ties to others get NaN in all four. Only the measures chosen in
/// @p options are computed (the others are empty vectors). InputError for a view of fewer
/// than two organisations.
///
/// Method: the mutual weights, their row sums and maxima are built once
/// (detail::MutualAdjacency); each ego's sums over q then visit every tie q - j among its
/// contacts once, from the lower end (detail::ego_sums), finding i's contacts through a dense
/// per-thread position array (no maps, no searching); the sums add their terms in the
/// definition's order, so the values are those of the plain double loop, bit for bit. Egos
/// are independent: parallel in blocks, results identical for every thread count.
/// Cost: O(sum_q |N(q)| |N(q) above q|) time (about half of sum_q |N(q)|^2), O(n + m)
/// memory plus O(n) per thread.
inline StructuralHoles structural_holes(const View& g, const StructuralHolesOptions& options = {}) {
    const vertex_t n = g.n();
    if (n < 2)
        throw InputError("structural holes need at least two organisations, the view has " +
                         std::to_string(n));
    const bool want_c = options.constraint, want_h = options.hierarchy;
    const bool want_es = options.effective_size, want_ef = options.efficiency;
    const bool C = want_c || want_h, E = want_es || want_ef;
    const detail::MutualAdjacency M(g, options.threads);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    StructuralHoles out;
    if (want_c) out.constraint.assign(n, nan);
    if (want_es) out.effective_size.assign(n, nan);
    if (want_ef) out.efficiency.assign(n, nan);
    if (want_h) out.hierarchy.assign(n, nan);
    if (!C && !E) return out;
    detail::ScratchPool<detail::EgoScratch> pool([n] {
        detail::EgoScratch s;
        s.slot.assign(n, 0);
        return s;
    });
    const std::size_t blocks = detail::work_blocks(n, M.work);
    detail::run_blocks(blocks, options.threads, [&](std::size_t b) {
        const auto [lo, hi] = block_range(n, blocks, b);
        pool.with([&](detail::EgoScratch& s) {
            for (vertex_t i = vertex_t(lo); i < vertex_t(hi); ++i) {
                if (!M.has_other[i]) continue;
                const std::size_t s0 = M.start[i], d = M.vertex[i].stop - s0;
                if (s.p.size() < d) {
                    s.p.resize(d);
                    s.indirect.resize(d);
                    s.redundancy.resize(d);
                    s.local.resize(d);
                }
                const double si = M.vertex[i].sum;
                for (std::size_t a = 0; a < d; ++a) {
                    s.slot[M.adj[s0 + a]] = std::uint32_t(a + 1);
                    s.p[a] = M.m[s0 + a] / si;
                }
                if (C) std::fill_n(s.indirect.begin(), d, 0.0);
                if (E) std::fill_n(s.redundancy.begin(), d, 0.0);
                if (C && E)
                    detail::ego_sums<true, true>(M, i, s);
                else if (C)
                    detail::ego_sums<true, false>(M, i, s);
                else
                    detail::ego_sums<false, true>(M, i, s);
                double c = 0.0, es = 0.0;
                std::size_t others = 0;
                for (std::size_t a = 0; a < d; ++a) {
                    const vertex_t j = M.adj[s0 + a];
                    if (C) {
                        const double x = s.p[a] + s.indirect[a];
                        if (want_h) s.local[a] = x * x;
                        c += x * x;
                    }
                    if (E) es += 1.0 - s.redundancy[a];
                    others += j != i;
                    s.slot[j] = 0;
                }
                if (want_c) out.constraint[i] = c;
                if (want_es) out.effective_size[i] = es;
                if (want_ef) out.efficiency[i] = es / double(others);
                if (want_h && d >= 2 && c > 0.0) {
                    const double N = double(d);
                    double h = 0.0;
                    for (std::size_t a = 0; a < d; ++a) {
                        const double r = s.local[a] * N / c;
                        if (r > 0.0) h += r * std::log(r);
                    }
                    out.hierarchy[i] = h / (N * std::log(N));
                }
            }
        });
    }, options.progress);
    return out;
}

}  // namespace ketennet::brokerage
