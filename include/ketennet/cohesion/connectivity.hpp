#pragma once
/// @file connectivity.hpp
/// @brief Node and edge connectivity: how many organisations or ties must fail before the
/// network (or the route between two organisations) falls apart.
///
/// Computed with unit-capacity maximum flows (Menger 1927; Boost's Boykov-Kolmogorov
/// max-flow through flow::FlowNetwork). Weights are ignored. The values equal
/// NetworkX's `node_connectivity` and `edge_connectivity` except for the global node
/// connectivity of a directed view (see there).
#include <cstddef>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

/// Local node connectivity between s and t (NetworkX `node_connectivity(G, s, t)`): the
/// largest number of paths from s to t that share no organisation besides s and t (Menger
/// 1927), direction respected. A direct tie s -> t counts as one such path (as in
/// NetworkX). InputError when s == t.
[[nodiscard]] std::size_t node_connectivity(const View& view, vertex_t s, vertex_t t);

/// Local edge connectivity between s and t (NetworkX `edge_connectivity(G, s, t)`): the
/// largest number of tie-disjoint paths from s to t, equal to the fewest ties whose removal
/// cuts every path (Menger 1927). InputError when s == t.
[[nodiscard]] std::size_t edge_connectivity(const View& view, vertex_t s, vertex_t t);

/// Node connectivity of the view: the fewest organisations whose removal leaves the rest
/// disconnected (directed: not strongly connected), or n - 1 for a complete network.
///
/// Even's algorithm (Even 1975; Esfahanian 2013, "Connectivity algorithms"): with the
/// organisations in network order v_0, v_1, ..., the minimum of the local node
/// connectivities (split-network max-flows, see node_connectivity(view, s, t)) from v_i to
/// every later non-adjacent v_j, and from v_j to v_i in a directed view, for
/// i = 0, 1, ..., K (K the smallest value found so far): some v_i with i <= K lies outside
/// a minimum separator. 0 when the view is not (weakly) connected. Equals NetworkX's
/// `node_connectivity` on undirected views. On directed views it is the definition (the
/// minimum local connectivity over ordered non-adjacent pairs), where NetworkX's algorithm,
/// which only checks pairs around one organisation of minimum in + out degree, can return
/// more: 1 for a -> b -> c (not strongly connected: 0), 2 for a strongly connected digraph
/// with an organisation of out-degree 1.
/// A single organisation gives 0, as NetworkX's for one node without ties (a self-loop
/// changes nothing: NetworkX gives 2 there, its minimum degree counting the loop twice).
/// InputError for a view without organisations.
[[nodiscard]] std::size_t node_connectivity(const View& view);

/// Edge connectivity of the view (NetworkX `edge_connectivity(G)`): the fewest ties whose
/// removal disconnects it (for a directed view: leaves some organisation unable to reach
/// another).
///
/// 0 when the view is not (weakly) connected. Directed: the minimum of the degree (in + out)
/// and the local edge connectivities between consecutive organisations in a cycle through
/// all of them (Even 1979, NetworkX's algorithm 8). Undirected: the minimum degree and the
/// local edge connectivities from one organisation of a dominating set to the others
/// (Esfahanian & Hakimi 1984). A single organisation gives 0, as NetworkX's for one
/// undirected node without ties (a self-loop changes nothing: NetworkX gives 2 there, its
/// minimum degree counting the loop twice, and raises for one directed node). InputError
/// for a view without organisations.
[[nodiscard]] std::size_t edge_connectivity(const View& view);

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/connectivity.ipp"
#endif
