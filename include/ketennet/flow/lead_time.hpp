#pragma once
/// @file lead_time.hpp
/// @brief Fastest paths: the lead time ("doorlooptijd") along the quickest route from one
/// or more organisations to one or more others, with the route.
#include <limits>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// A best path and its value. `path` runs from a source to a target (both included) and is
/// empty when no target can be reached; `value` is then the documented "no path" value of
/// the function that returned it.
struct PathResult {
    double value = std::numeric_limits<double>::infinity();
    std::vector<vertex_t> path;
};

/// Lead time: the shortest time from any of @p sources to any of @p targets.
///
/// Definition: min over paths p from a source to a target of sum over ties e in p of w(e),
/// with w the view's weight read as a duration (latency in days; parallel relations of
/// several layers best merged with Combine::min: the fastest relation counts). In an
/// unweighted view every tie takes 1 (the value counts hand-offs). Dijkstra (1959).
/// Weights must be >= 0 (InputError naming the tie otherwise).
///
/// Returns the value and the path (sources first). When no target can be reached the value
/// is +infinity and the path empty. Sources and targets must be non-empty and disjoint
/// (InputError: a lead time from an organisation to itself is not a hand-off).
[[nodiscard]] PathResult lead_time(const View& g, const std::vector<vertex_t>& sources,
                            const std::vector<vertex_t>& targets);

/// Lead time from one organisation to another (see the multi-source overload).
[[nodiscard]] PathResult lead_time(const View& g, vertex_t source, vertex_t target);

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/lead_time.ipp"
#endif
