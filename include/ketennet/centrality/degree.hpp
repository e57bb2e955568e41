#pragma once
/// @file degree.hpp
/// @brief Degree and weighted degree (strength).
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Which ties a degree counts in a directed view.
enum class Direction {
    out,  ///< outgoing ties (sends to)
    in,   ///< incoming ties (receives from)
    all,  ///< both: in + out
};

/// Degree of every organisation.
///
/// Definition: the number of ties of an organisation, or in a weighted view the sum of their
/// weights (strength; Barrat et al. 2004). In a directed view @p direction chooses out-, in-
/// or total (in + out) degree; in an undirected view it is ignored.
///
/// Conventions follow NetworkX's `G.degree`, `G.in_degree`, `G.out_degree` (with `weight=`):
/// parallel relations of different layers count once (the view merges them, combining their
/// weights); a self-loop counts twice in an undirected view and once each as in- and out-tie
/// in a directed one; values are not normalised.
[[nodiscard]] std::vector<double> degree(const View& view, Direction direction = Direction::all);

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/degree.ipp"
#endif
