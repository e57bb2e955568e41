#pragma once
/// @file complexity.hpp
/// @brief A chain-complexity profile: how many organisations, sectors, relations, stages and
/// interdependencies a network or chain involves (for WODC-style studies of growing chain
/// complexity), one row per indicator with its source.
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet {
class Network;  // model/network.hpp
}  // namespace ketennet

namespace ketennet::cohesion {

/// One indicator of complexity().
struct ComplexityRow {
    std::string indicator;
    double value;
    std::string unit;
    std::string meaning;
    std::string source;
};

/// Path-length summary over the ordered pairs (u, v), u != v, with a path from u to v.
struct PathLengths {
    double diameter = std::numeric_limits<double>::quiet_NaN();  ///< longest shortest path (hops)
    double average = std::numeric_limits<double>::quiet_NaN();   ///< mean shortest path (hops)
    std::size_t pairs = 0;                                       ///< ordered pairs with a path
};

/// Diameter and average shortest-path length in hops over the pairs that are connected,
/// direction respected in a directed view (igraph's `diameter` and `average_path_length`
/// with unconn = true; an undirected pair counts in both orders, which leaves the mean
/// unchanged). Weights are ignored. NaN when no pair is connected. Breadth-first search
/// from every organisation: O(n m).
[[nodiscard]] PathLengths path_lengths(const View& view);

/// Share of connected pairs that depend on a single intermediary.
///
/// Definition: over the unordered pairs {u, v} of organisations joined by a path in the
/// undirected projection of the view, the share for which one other organisation lies on
/// every path between them, so that its failure alone separates them. Such a pair lies in
/// no common biconnected component (block): two organisations share at most one block, and
/// a block of three or more organisations has no cut vertex, so the share is
///   1 - Σ_blocks C(|B|, 2) / Σ_components C(|C|, 2)
/// (blocks by Hopcroft & Tarjan 1973, with Boost.Graph). NaN when no pair is connected.
[[nodiscard]] double single_intermediary_share(const View& view);

/// The complexity profile of a network, or of one chain (@p chain non-empty: the network
/// induced by the organisations of its stages; UnknownId for an unknown chain).
///
/// Rows (indicator: definition):
/// - organisations; sectors (distinct non-empty sector codes);
/// - sector heterogeneity (Blau index): 1 - Σ p_k^2 over the shares p_k of the sectors
///   among organisations with a known sector (Blau 1977); NaN when none is known;
/// - sector entropy (Shannon): -Σ p_k ln p_k, in nats (Shannon 1948);
/// - layers (with at least one relation), relations (over all layers), ties (pairs tied,
///   layers merged: the view's edges);
/// - for a chain: stages, and hand-offs between stages: the ties from an organisation of a
///   stage to a different organisation of the next stage (direction respected for directed
///   ties; an undirected tie counts in either direction), each tie once;
/// - articulation share: organisations whose removal disconnects others / organisations;
/// - single-intermediary pairs: single_intermediary_share();
/// - cyclomatic number m - n + c of the undirected projection (independent loops; self-loops
///   left out);
/// - multiplex share: share of tied pairs tied in two or more layers (multiplexity());
/// - diameter and average path length: path_lengths();
/// - degree centralization: degree_centralization() (Freeman 1979).
/// Every structural indicator uses the unweighted view of all layers.
[[nodiscard]] std::vector<ComplexityRow> complexity(const Network& whole, const std::string& chain = {});

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/complexity.ipp"
#endif
