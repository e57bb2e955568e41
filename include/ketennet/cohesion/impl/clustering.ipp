#pragma once
/// @file clustering.ipp
/// @brief Definitions of cohesion/clustering.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <string>
#include <vector>

#include "ketennet/cohesion/clustering.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::cohesion {

namespace detail {

/// The largest weight of the view (self-loops included, as NetworkX's `max_weight`); 1 for
/// an unweighted view or one without ties. InputError for a weight that is negative or not
/// finite, naming the tie.
[[nodiscard]] inline double max_weight_for_clustering(const View& view, const char* what) {
    if (!view.weighted() || view.m() == 0) return 1.0;
    require_weights(view, WeightRule::amount, what);
    const auto w = view.edge_weights();
    double mx = w[0];
    for (std::size_t e = 0; e < w.size(); ++e) mx = std::max(mx, w[e]);
    return mx > 0.0 ? mx : 1.0;
}

}  // namespace detail

KETENNET_INLINE std::vector<double> clustering(const View& view) {
    const vertex_t n = view.n();
    std::vector<double> c(n, 0.0);
    const bool weighted = view.weighted();
    const double maxw = detail::max_weight_for_clustering(view, "clustering");
    if (!view.directed()) {
        // mark[u] = 1 + position of u in N(v) when u is a partner of v (weight lookup)
        std::vector<double> wv(n, 0.0);
        std::vector<char> mark(n, 0);
        for (vertex_t v = 0; v < n; ++v) {
            const auto nb = view.out_neighbours(v);
            const auto nw = view.out_weights(v);
            std::size_t d = 0;
            for (std::size_t i = 0; i < nb.size(); ++i)
                if (nb[i] != v) {
                    mark[nb[i]] = 1;
                    wv[nb[i]] = nw[i] / maxw;
                    ++d;
                }
            double t = 0.0;
            for (std::size_t i = 0; i < nb.size(); ++i) {
                const vertex_t u = nb[i];
                if (u == v) continue;
                const auto unb = view.out_neighbours(u);
                const auto unw = view.out_weights(u);
                for (std::size_t k = 0; k < unb.size(); ++k) {
                    const vertex_t w = unb[k];
                    if (w == u || w == v || !mark[w]) continue;
                    if (weighted) {
                        // each triangle v-u-w is met twice (from u and from w): NetworkX
                        // counts it once per unordered pair and doubles; same total
                        t += std::cbrt(wv[u] * (unw[k] / maxw) * wv[w]);
                    } else {
                        t += 1.0;
                    }
                }
            }
            for (vertex_t u : nb) mark[u] = 0;
            if (t > 0.0 && d > 1) c[v] = t / (double(d) * double(d - 1));
        }
        return c;
    }
    // directed (Fagiolo 2007)
    std::vector<char> in_p(n, 0), in_s(n, 0);   // k is a predecessor / successor of v
    std::vector<double> wpk(n, 0.0), wsk(n, 0.0);  // w(k -> v), w(v -> k), normalised
    for (vertex_t v = 0; v < n; ++v) {
        const auto pn = view.in_neighbours(v);
        const auto pw = view.in_weights(v);
        const auto sn = view.out_neighbours(v);
        const auto sw = view.out_weights(v);
        std::size_t dp = 0, ds = 0, dbi = 0;
        for (std::size_t i = 0; i < pn.size(); ++i)
            if (pn[i] != v) {
                in_p[pn[i]] = 1;
                wpk[pn[i]] = pw[i] / maxw;
                ++dp;
            }
        for (std::size_t i = 0; i < sn.size(); ++i)
            if (sn[i] != v) {
                in_s[sn[i]] = 1;
                wsk[sn[i]] = sw[i] / maxw;
                ++ds;
                if (in_p[sn[i]]) ++dbi;
            }
        double t = 0.0;
        // j runs over predecessors, then successors (a reciprocated partner twice)
        for (int side = 0; side < 2; ++side) {
            const auto js = side == 0 ? pn : sn;
            for (vertex_t j : js) {
                if (j == v) continue;
                const double wij = side == 0 ? wpk[j] : wsk[j];  // the v-j arc of this side
                // k over predecessors of j (arc k -> j) and successors of j (arc j -> k)
                for (int kside = 0; kside < 2; ++kside) {
                    const auto ks = kside == 0 ? view.in_neighbours(j) : view.out_neighbours(j);
                    const auto kw = kside == 0 ? view.in_weights(j) : view.out_weights(j);
                    for (std::size_t q = 0; q < ks.size(); ++q) {
                        const vertex_t k = ks[q];
                        if (k == j || k == v) continue;
                        const double wjk = kw[q] / maxw;
                        if (in_p[k]) t += weighted ? std::cbrt(wij * wpk[k] * wjk) : 1.0;
                        if (in_s[k]) t += weighted ? std::cbrt(wij * wsk[k] * wjk) : 1.0;
                    }
                }
            }
        }
        for (vertex_t u : pn) in_p[u] = 0;
        for (vertex_t u : sn) in_s[u] = 0;
        const double dtot = double(dp + ds);
        const double denom = 2.0 * (dtot * (dtot - 1.0) - 2.0 * double(dbi));
        if (t > 0.0 && denom > 0.0) c[v] = t / denom;
    }
    return c;
}

KETENNET_INLINE double average_clustering(const View& view) {
    if (view.n() == 0) throw InputError("average clustering is not defined for a network without organisations");
    const auto c = clustering(view);
    double s = 0.0;
    for (double x : c) s += x;
    return s / double(c.size());
}

KETENNET_INLINE double transitivity(const View& view) {
    const vertex_t n = view.n();
    std::vector<char> mark(n, 0);
    double tri = 0.0, triples = 0.0;
    for (vertex_t v = 0; v < n; ++v) {
        const auto nb = view.out_neighbours(v);
        std::size_t d = 0;
        for (vertex_t u : nb)
            if (u != v) {
                mark[u] = 1;
                ++d;
            }
        for (vertex_t u : nb) {
            if (u == v) continue;
            for (vertex_t w : view.out_neighbours(u))
                if (w != u && w != v && mark[w]) tri += 1.0;
        }
        for (vertex_t u : nb) mark[u] = 0;
        triples += double(d) * (double(d) - 1.0);
    }
    return tri == 0.0 ? 0.0 : tri / triples;
}

}  // namespace ketennet::cohesion
