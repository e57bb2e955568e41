#pragma once
/// @file centralization.hpp
/// @brief Freeman degree centralization.
#include <algorithm>
#include <vector>

#include "ketennet/centrality/degree.hpp"
#include "ketennet/view/view.hpp"

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
inline double degree_centralization(const View& view,
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

}  // namespace ketennet::cohesion
