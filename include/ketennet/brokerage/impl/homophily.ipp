#pragma once
/// @file homophily.ipp
/// @brief Definitions of brokerage/homophily.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <limits>
#include <vector>

#include "ketennet/brokerage/homophily.hpp"
#include "ketennet/brokerage/partition.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

KETENNET_INLINE EIIndex ei_index(const View& g, const Partition& p) {
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

KETENNET_INLINE std::vector<double> mixing_matrix(const View& g, const Partition& p, bool normalized) {
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

KETENNET_INLINE double assortativity(const View& g, const Partition& p) {
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
