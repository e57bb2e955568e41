#pragma once
/// @file clustering.hpp
/// @brief Clustering: how often the partners of an organisation are partners of each other
/// (local clustering coefficient, weighted and directed variants) and transitivity.
///
/// Every function follows NetworkX (`clustering`, `transitivity`) exactly: self-loops are
/// ignored, an organisation with fewer than two partners has clustering 0.
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

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
[[nodiscard]] std::vector<double> clustering(const View& view);

/// Mean of clustering() over the organisations (NetworkX `average_clustering` with
/// count_zeros = true). InputError for a view without organisations.
[[nodiscard]] double average_clustering(const View& view);

/// Transitivity (global clustering coefficient, NetworkX `transitivity`):
/// T = 3 x triangles / connected triples = sum_v 2 T(v) / sum_v d_v (d_v - 1), self-loops
/// ignored, weights ignored; 0 when there is no triangle. For a directed view NetworkX's
/// formula is applied to the successor lists (its `transitivity` reads G[v] as the
/// successors): T(v) counts the successors u, w of v with u -> w, d_v the out-degree; for a
/// symmetric view this equals the undirected value.
[[nodiscard]] double transitivity(const View& view);

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/clustering.ipp"
#endif
