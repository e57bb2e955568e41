#pragma once
/// @file reciprocity.hpp
/// @brief Reciprocity: the share of ties that are returned.
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

/// Overall reciprocity of a directed view.
///
/// Definition (NetworkX `overall_reciprocity`): r = |{(u, v) in E : (v, u) in E}| / |E|, the
/// share of arcs whose reverse arc also exists. A self-loop is not reciprocated (as in
/// NetworkX). Weights are ignored. An undirected view (every selected layer undirected: all
/// ties mutual by definition) gives 1; NetworkX's formula gives 0 for undirected graphs
/// instead (it counts an undirected edge once), a deliberate difference.
/// InputError when the view has no ties (NetworkX: "Not defined for empty graphs").
/// Reading: a learning-capacity indicator (DOMAIN.md): does information flow both ways?
[[nodiscard]] double reciprocity(const View& view);

/// Reciprocity of each organisation in a directed view (NetworkX `reciprocity(G, nodes)`):
/// the share of its in- and out-ties (counted separately) that are reciprocated,
/// 2 |successors and predecessors in common| / (in-degree + out-degree); a self-loop makes the
/// organisation its own successor and predecessor, so it counts as mutual here (as in
/// NetworkX), unlike in the overall value. NaN for an organisation without ties (NetworkX:
/// None).
/// An undirected view gives 1 for every organisation with ties.
[[nodiscard]] std::vector<double> reciprocity_per_organisation(const View& view);

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/reciprocity.ipp"
#endif
