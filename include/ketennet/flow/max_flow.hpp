#pragma once
/// @file max_flow.hpp
/// @brief Throughput: the maximum flow from source organisations to sink organisations, a
/// minimum cut as ties, and the bottleneck organisations (a minimum vertex cut).
///
/// Both use Boost.Graph's Boykov-Kolmogorov max-flow (Boykov & Kolmogorov 2004) on a
/// compressed sparse row graph built from the view. Between one source and one sink the
/// flow network (for the vertex cut, the split network) is built on the first call and kept
/// with the view (View::derived), so later queries on the view only run the max-flow; several
/// sources or sinks are joined to a super source and super sink in a network built per call.
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/flow_network.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// One tie of a minimum cut, in the direction it is crossed (source side -> sink side).
struct CutTie {
    vertex_t source;
    vertex_t target;
    double capacity;
};

/// Result of max_flow().
struct MaxFlowResult {
    /// The maximum flow value: items per period that can move from the sources to the sinks.
    double value = 0.0;
    /// A minimum cut: the ties from the source side to the sink side, ascending by
    /// (source, target). Their capacities sum to value (max-flow min-cut theorem).
    std::vector<CutTie> cut;
    /// The source side of that cut (organisations reachable from the sources in the residual
    /// network), ascending. The cut is the one closest to the sources.
    std::vector<vertex_t> source_side;
};

/// Options of max_flow() and min_vertex_cut().
struct MaxFlowOptions {
    /// Between one source and one sink, keep the flow network built for the view with the
    /// view (View::derived), so that the next call on the same view starts at once. Set it to
    /// false for a view used once (a restricted or capacity view built for this call): the
    /// call then uses a per-thread workspace instead. Several sources or sinks always use the
    /// workspace.
    bool keep_layout = true;
};

/// Result of min_vertex_cut().
struct VertexCut {
    /// False when no set of other organisations separates the sources from the sinks (a
    /// source has a direct tie to a sink); vertices is then empty.
    bool exists = true;
    /// The organisations of a minimum vertex cut, ascending.
    std::vector<vertex_t> vertices;
};

/// Maximum flow from @p sources to @p sinks (Ford & Fulkerson 1956; computed with Boost's
/// boykov_kolmogorov_max_flow).
///
/// Definition: the largest total flow f from the sources to the sinks with
/// 0 <= f(u, v) <= c(u, v) on every tie and conservation at every other organisation; c is
/// the view's weight (capacity: items per period; parallel relations of several layers
/// summed), 1 per tie in an unweighted view. An undirected tie carries up to c in either
/// direction (as NetworkX's maximum_flow on an undirected graph). Self-loops carry nothing.
/// Several sources and sinks are joined to a super source and super sink.
///
/// Also returns the minimum cut closest to the sources (max-flow min-cut theorem: its
/// capacities sum to the value). Sources and sinks must be non-empty and disjoint.
///
/// Between one source and one sink the flow network is built on the first call and kept
/// with the view (View::derived), unless MaxFlowOptions::keep_layout is false.
[[nodiscard]] MaxFlowResult max_flow(const View& g, const std::vector<vertex_t>& sources,
                              const std::vector<vertex_t>& sinks, const MaxFlowOptions& opt = {});

/// A minimum vertex cut between @p sources and @p sinks: the fewest organisations (other
/// than the sources and sinks) whose removal leaves no path from a source to a sink
/// (Menger 1927; computed as a unit-capacity max-flow after splitting every organisation v
/// into v_in -> v_out, Even 1975). Direction is respected; weights are ignored. The cut is
/// the one closest to the sources. When a source has a direct tie to a sink no such set
/// exists: exists = false (NetworkX's minimum_node_cut returns an empty set then, which
/// separates nothing). When the sinks are unreachable already, the cut is empty.
///
/// Between one source and one sink the split network is built on the first call and kept
/// with the view, unless MaxFlowOptions::keep_layout is false.
[[nodiscard]] VertexCut min_vertex_cut(const View& g, const std::vector<vertex_t>& sources,
                                const std::vector<vertex_t>& sinks, const MaxFlowOptions& opt = {});

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/max_flow.ipp"
#endif
