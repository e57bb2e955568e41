#pragma once
/// @file fidelity.hpp
/// @brief Fidelity: how much of the information survives the hand-offs, along the most
/// reliable path (the volume-routed expectation is expected_fidelity in markov.hpp).
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// The most reliable path from any of @p sources to any of @p targets.
///
/// Definition: max over paths p of prod over ties e in p of q(e), with q the view's weight
/// read as quality in [0, 1] (the share of the information passed on completely and
/// correctly; parallel relations of several layers best merged with Combine::max). The
/// product is the probability that an item arrives intact when each hand-off independently
/// keeps it intact with probability q. Computed as a shortest path on -log q (Dijkstra).
///
/// Conventions: the path runs from a source to a target. When every route to a target
/// passes a tie of quality 0, value is 0 and the path is the route with the fewest
/// hand-offs; when no target can be reached, value is 0 and the path empty. An unweighted
/// view gives every tie quality 1. Qualities outside [0, 1] raise InputError (a quality view
/// merged with Combine::sum can exceed 1). Sources and targets must be non-empty and
/// disjoint.
[[nodiscard]] PathResult most_reliable_path(const View& g, const std::vector<vertex_t>& sources,
                                     const std::vector<vertex_t>& targets);

/// Most reliable path from one organisation to another (see the multi-source overload).
[[nodiscard]] PathResult most_reliable_path(const View& g, vertex_t source, vertex_t target);

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/fidelity.ipp"
#endif
