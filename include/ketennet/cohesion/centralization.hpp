#pragma once
/// @file centralization.hpp
/// @brief Freeman centralization by degree, betweenness and closeness.
#include "ketennet/centrality/degree.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
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
[[nodiscard]] double degree_centralization(const View& view,
                                           centrality::Direction direction = centrality::Direction::all);

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
[[nodiscard]] double betweenness_centralization(const View& view, unsigned threads = 0,
                                                const ProgressHandler& progress = {});

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
[[nodiscard]] double closeness_centralization(const View& view, unsigned threads = 0,
                                              const ProgressHandler& progress = {});

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/centralization.ipp"
#endif
