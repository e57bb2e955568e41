#pragma once
/// @file clustering.hpp
/// @brief Clustering: how often the partners of an organisation are partners of each other
/// (local clustering coefficient, weighted and directed variants) and transitivity.
///
/// Every function follows NetworkX (`clustering`, `transitivity`) exactly: self-loops are
/// ignored, an organisation with fewer than two partners has clustering 0.
#include <cmath>
#include <string>
#include <vector>

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

/// Local clustering coefficient of every organisation (NetworkX `clustering`).
///
/// Undirected, unweighted (Watts & Strogatz 1998): c_v = 2 T(v) / (d_v (d_v - 1)), with T(v)
/// the triangles through v and d_v its number of partners (self-loops excluded).
///
/// Undirected, weighted (Onnela et al. 2005): the triangles count with the geometric mean
/// of their normalised weights, c_v = 1 / (d_v (d_v - 1)) sum_{u,w} (ŵ_vu ŵ_uw ŵ_wv)^(1/3),
/// ŵ = w / max(w) over all ties of the view.
///
/// Directed (Fagiolo 2007): c_v = T(v) / (2 (d_v^tot (d_v^tot - 1) - 2 d_v^<->)), with T(v)
/// the directed triangles through v (each of the eight orientations counted), d^tot the in-
/// plus out-degree and d^<-> the number of reciprocated partners; weighted as above with the
/// geometric mean of the three arcs' normalised weights.
///
/// Weights must be finite and >= 0 (InputError naming the tie). 0 when the denominator or
/// the triangle sum is 0.
[[nodiscard]] inline std::vector<double> clustering(const View& view) {
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

/// Mean of clustering() over the organisations (NetworkX `average_clustering` with
/// count_zeros = true). InputError for a view without organisations.
[[nodiscard]] inline double average_clustering(const View& view) {
    if (view.n() == 0) throw InputError("average clustering is not defined for a network without organisations");
    const auto c = clustering(view);
    double s = 0.0;
    for (double x : c) s += x;
    return s / double(c.size());
}

/// Transitivity (global clustering coefficient, NetworkX `transitivity`):
/// T = 3 x triangles / connected triples = sum_v 2 T(v) / sum_v d_v (d_v - 1), self-loops
/// ignored, weights ignored; 0 when there is no triangle. For a directed view NetworkX's
/// formula is applied to the successor lists (its `transitivity` reads G[v] as the
/// successors): T(v) counts the successors u, w of v with u -> w, d_v the out-degree; for a
/// symmetric view this equals the undirected value.
[[nodiscard]] inline double transitivity(const View& view) {
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
