#pragma once
/// @file homophily.hpp
/// @brief Ties within and between groups: Krackhardt & Stern's E-I index, the attribute
/// mixing matrix and Newman's attribute assortativity.
#include <cmath>
#include <limits>
#include <vector>

#include "ketennet/brokerage/partition.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

/// The E-I index at the three levels. External (E) and internal (I) sums of tie weights
/// (tie counts in an unweighted view); ei = (E - I) / (E + I), NaN when E + I = 0.
struct EIIndex {
    double external = 0.0, internal = 0.0, ei = 0.0;       ///< network level
    std::vector<double> group_external, group_internal, group_ei;  ///< per group
    std::vector<double> external_of, internal_of, ei_of;   ///< per organisation
};

/// Krackhardt & Stern's (1988) E-I index: (E - I) / (E + I), from -1 (all ties inside the
/// groups) to +1 (all ties across groups).
///
/// Conventions: every tie of the view counts once (an arc of a directed view, an edge of an
/// undirected one) with its weight (1 unweighted); self-loops are left out (a tie with
/// oneself is neither external nor internal).
/// - network: E = ties between different groups, I = ties within a group;
/// - group g: E = ties with exactly one end in g, I = ties with both ends in g (each once);
/// - organisation v: E, I = its ties (in and out) to other groups / its own group.
/// NaN where there are no ties.
[[nodiscard]] inline EIIndex ei_index(const View& g, const Partition& p) {
    check_partition(g, p);
    EIIndex r;
    const std::size_t k = p.groups();
    r.group_external.assign(k, 0.0);
    r.group_internal.assign(k, 0.0);
    r.external_of.assign(g.n(), 0.0);
    r.internal_of.assign(g.n(), 0.0);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    for (std::size_t e = 0; e < src.size(); ++e) {
        const vertex_t u = src[e], v = tgt[e];
        if (u == v) continue;
        const std::uint32_t gu = p.group[u], gv = p.group[v];
        if (gu == gv) {
            r.internal += w[e];
            r.group_internal[gu] += w[e];
            r.internal_of[u] += w[e];
            r.internal_of[v] += w[e];
        } else {
            r.external += w[e];
            r.group_external[gu] += w[e];
            r.group_external[gv] += w[e];
            r.external_of[u] += w[e];
            r.external_of[v] += w[e];
        }
    }
    const auto ratio = [](double e, double i) {
        return e + i > 0.0 ? (e - i) / (e + i) : std::numeric_limits<double>::quiet_NaN();
    };
    r.ei = ratio(r.external, r.internal);
    r.group_ei.resize(k);
    for (std::size_t c = 0; c < k; ++c) r.group_ei[c] = ratio(r.group_external[c], r.group_internal[c]);
    r.ei_of.resize(g.n());
    for (vertex_t v = 0; v < g.n(); ++v) r.ei_of[v] = ratio(r.external_of[v], r.internal_of[v]);
    return r;
}

/// The attribute mixing matrix (NetworkX `attribute_mixing_matrix`): M[a][b] = the ties
/// (weights, in a weighted view) from an organisation of group a to one of group b, row-major
/// k x k. An undirected tie counts in both directions, a self-loop once, as in NetworkX.
/// With @p normalized the entries are divided by their sum (NaN everywhere when there are
/// no ties).
[[nodiscard]] inline std::vector<double> mixing_matrix(const View& g, const Partition& p, bool normalized = true) {
    check_partition(g, p);
    const std::size_t k = p.groups();
    std::vector<double> M(k * k, 0.0);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    double total = 0.0;
    for (std::size_t e = 0; e < src.size(); ++e) {
        const std::uint32_t a = p.group[src[e]], b = p.group[tgt[e]];
        M[a * k + b] += w[e];
        total += w[e];
        if (!g.directed() && src[e] != tgt[e]) {
            M[b * k + a] += w[e];
            total += w[e];
        }
    }
    if (normalized)
        for (double& x : M) x /= total;
    return M;
}

/// Newman's (2003) attribute assortativity coefficient (NetworkX
/// `attribute_assortativity_coefficient`):
///   r = (sum_a e_aa - sum_a a_a b_a) / (1 - sum_a a_a b_a),
/// with e the normalised mixing matrix, a its row sums and b its column sums. 1 when every tie
/// stays within its group; NaN when all ties fall in one group (0 / 0); 0 when the view has
/// no ties, as NetworkX (its mixing matrix is then empty: sums of nothing).
[[nodiscard]] inline double assortativity(const View& g, const Partition& p) {
    if (g.m() == 0) return 0.0;
    const std::size_t k = p.groups();
    const std::vector<double> e = mixing_matrix(g, p, true);
    double trace = 0.0, s = 0.0;
    for (std::size_t a = 0; a < k; ++a) {
        trace += e[a * k + a];
        double row = 0.0, col = 0.0;
        for (std::size_t b = 0; b < k; ++b) {
            row += e[a * k + b];
            col += e[b * k + a];
        }
        s += row * col;
    }
    if (s == 1.0) return std::numeric_limits<double>::quiet_NaN();
    return (trace - s) / (1.0 - s);
}

}  // namespace ketennet::brokerage
