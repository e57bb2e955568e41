#pragma once
/// @file reciprocity.hpp
/// @brief Reciprocity: the share of ties that are returned.
#include <limits>
#include <vector>

#include "ketennet/core/errors.hpp"
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
[[nodiscard]] inline double reciprocity(const View& view) {
    if (view.m() == 0) throw InputError("reciprocity is not defined for a view without relations");
    if (!view.directed()) return 1.0;
    std::size_t mutual = 0;
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e)
        if (src[e] != tgt[e] && view.find_weight(tgt[e], src[e])) ++mutual;
    return double(mutual) / double(view.m());
}

/// Reciprocity of each organisation in a directed view (NetworkX `reciprocity(G, nodes)`):
/// the share of its in- and out-ties (counted separately) that are reciprocated,
/// 2 |successors and predecessors in common| / (in-degree + out-degree); a self-loop makes the
/// organisation its own successor and predecessor, so it counts as mutual here (as in
/// NetworkX), unlike in the overall value. NaN for an organisation without ties (NetworkX:
/// None).
/// An undirected view gives 1 for every organisation with ties.
[[nodiscard]] inline std::vector<double> reciprocity_per_organisation(const View& view) {
    const vertex_t n = view.n();
    std::vector<double> r(n, 0.0);
    for (vertex_t v = 0; v < n; ++v) {
        const auto out = view.out_neighbours(v);
        const auto in = view.in_neighbours(v);
        const double total = view.directed() ? double(out.size() + in.size()) : double(out.size());
        if (total == 0) {
            r[v] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        if (!view.directed()) {
            r[v] = 1.0;
            continue;
        }
        // both lists are sorted: count the intersection
        std::size_t i = 0, j = 0, mutual = 0;
        while (i < out.size() && j < in.size()) {
            if (out[i] < in[j]) ++i;
            else if (in[j] < out[i]) ++j;
            else {
                ++mutual;
                ++i;
                ++j;
            }
        }
        r[v] = 2.0 * double(mutual) / total;
    }
    return r;
}

}  // namespace ketennet::cohesion
