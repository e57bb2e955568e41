#pragma once
/// @file centralization.hpp
/// @brief Freeman centralization by degree, betweenness and closeness.
#include <algorithm>
#include <vector>

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/degree.hpp"
#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/paths/shortest_paths.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::cohesion {

/// Freeman (1979) degree centralization of the view, in [0, 1].
///
/// Definition: C = sum_v (d_max - d_v) / T, with d_v the (unweighted) degree and T its
/// largest possible value for n organisations without self-loops, reached by a star:
///   undirected: T = (n-1)(n-2);  directed in or out: T = (n-1)^2;
///   directed total (in + out): T = 2(n-1)(n-2),
/// the theoretical maxima igraph uses (`centralization_degree_tmax`, loops = false).
/// 1 for a star, 0 when every organisation has the same degree; 0 when n < 3 (T = 0),
/// except directed in/out with n = 2. Weights are ignored (the view's ties are counted).
/// Provan & Milward (1995) use it as the measure of centralised integration.
[[nodiscard]] inline double degree_centralization(const View& view,
                                    centrality::Direction direction = centrality::Direction::all) {
    const double n = view.n();
    if (n < 2) return 0.0;
    std::vector<double> d(view.n(), 0.0);
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    const bool directed = view.directed();
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (!directed || direction != centrality::Direction::in) d[src[e]] += 1.0;
        if (!directed || direction != centrality::Direction::out) d[tgt[e]] += 1.0;
    }
    double tmax;
    if (!directed)
        tmax = (n - 1) * (n - 2);
    else if (direction == centrality::Direction::all)
        tmax = 2 * (n - 1) * (n - 2);
    else
        tmax = (n - 1) * (n - 1);
    if (tmax <= 0) return 0.0;
    const double dmax = *std::max_element(d.begin(), d.end());
    double sum = 0.0;
    for (double x : d) sum += dmax - x;
    return sum / tmax;
}

/// Freeman (1979) betweenness centralization of the view, in [0, 1], as R's
/// sna::centralization(g, betweenness) (mode "graph" for an undirected view, "digraph" for a
/// directed one).
///
/// Definition: C = sum_v (b_max - b_v) / T with b the shortest-path betweenness and T its
/// largest possible value, reached by a star: on raw scores T = (n-1)^2 (n-2) directed (each
/// ordered pair) and (n-1)^2 (n-2) / 2 undirected (each unordered pair), i.e. T = n - 1 on
/// betweenness normalised to [0, 1] (NetworkX's normalisation). 1 for a star, 0 when all
/// scores are equal (a cycle); 0 when n < 3. Weights of a weighted view are read as
/// distances (sna ignores weights: pass an unweighted view to match it).
[[nodiscard]] inline double betweenness_centralization(const View& view, unsigned threads = 0,
                                         const ProgressHandler& progress = {}) {
    const double n = view.n();
    if (n < 3) return 0.0;
    centrality::BetweennessOptions o;
    o.normalized = true;
    o.threads = threads;
    o.progress = progress;
    const std::vector<double> b = centrality::betweenness(view, o);
    const double bmax = *std::max_element(b.begin(), b.end());
    double sum = 0.0;
    for (double x : b) sum += bmax - x;
    return sum / (n - 1);
}

/// Freeman (1979) closeness centralization of the view, as R's
/// sna::centralization(g, closeness) (mode "graph" undirected, "digraph" directed).
///
/// Definition: C = sum_v (c_max - c_v) / T with sna's closeness c_v = (n-1) / sum_u d(v, u)
/// over *outgoing* distances, and c_v = 0 when v does not reach every other organisation
/// (so a disconnected view has C = 0). T is sna's theoretical maximum:
///   undirected: (n-1)(n-2) / (2n-3)  (a star: centre 1, leaves (n-1)/(2n-3));
///   directed:   (n-1)(1 - 1/n)       (sna's bound, an out-star with unreachable
///                                     distances counted as n).
/// 0 when T = 0 (n < 3 undirected, n < 2 directed). Weights of a weighted view are read as
/// distances (sna ignores weights: pass an unweighted view to match it).
[[nodiscard]] inline double closeness_centralization(const View& view, unsigned threads = 0,
                                       const ProgressHandler& progress = {}) {
    const double n = view.n();
    const double tmax = view.directed() ? (n - 1) * (1 - 1 / n) : (n - 1) * (n - 2) / (2 * n - 3);
    if (n < 2 || !(tmax > 0)) return 0.0;
    if (view.weighted()) require_weights(view, WeightRule::distance, "closeness centralization");
    const paths::DistanceSums ds = paths::distance_sums(view, false, threads, progress);
    std::vector<double> c(view.n(), 0.0);
    for (vertex_t v = 0; v < view.n(); ++v)
        if (ds.reached[v] == n - 1 && ds.total[v] > 0) c[v] = (n - 1) / ds.total[v];
    const double cmax = *std::max_element(c.begin(), c.end());
    double sum = 0.0;
    for (double x : c) sum += cmax - x;
    return sum / tmax;
}

}  // namespace ketennet::cohesion
