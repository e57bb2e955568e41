#pragma once
/// @file centralization.ipp
/// @brief Definitions of cohesion/centralization.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <vector>

#include "ketennet/cohesion/centralization.hpp"
#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/degree.hpp"
#include "ketennet/paths/distance_sums.hpp"
#include "ketennet/paths/shortest_paths.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE double degree_centralization(const View& view,
                                             centrality::Direction direction) {
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

KETENNET_INLINE double betweenness_centralization(const View& view, unsigned threads,
                                                  const ProgressHandler& progress) {
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

KETENNET_INLINE double closeness_centralization(const View& view, unsigned threads,
                                                const ProgressHandler& progress) {
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
