#pragma once
/// @file min_vertex_cut.hpp
/// @brief The fewest organisations whose failure separates sources from sinks.
#include <vector>

#include "ketennet/flow/max_flow.hpp"

namespace ketennet::resilience {

using flow::VertexCut;

/// A minimum vertex cut between @p sources and @p sinks: the fewest organisations (other
/// than the sources and sinks) whose failure leaves no path from a source to a sink
/// (Menger 1927; a unit-capacity max-flow after splitting every organisation in two, Even
/// 1975; Boost.Graph's Boykov-Kolmogorov max-flow). The resilience face of
/// flow::min_vertex_cut (the same function): see there for the conventions (directions
/// followed, weights ignored, exists = false when a source has a direct tie to a sink).
inline VertexCut min_vertex_cut(const View& view, const std::vector<vertex_t>& sources,
                                const std::vector<vertex_t>& sinks) {
    return flow::min_vertex_cut(view, sources, sinks);
}

}  // namespace ketennet::resilience
