#pragma once
/// @file flow_network.hpp
/// @brief Maximum flow on a network of arcs with capacities: the engine behind throughput,
/// bottlenecks (flow/max_flow.hpp) and node and edge connectivity
/// (cohesion/connectivity.hpp).
///
/// Arcs are added in pairs (an arc and its reverse, FlowArcs), laid out in compressed sparse
/// row form (FlowLayout) and solved with Boost.Graph's Boykov-Kolmogorov max-flow
/// (Y. Boykov and V. Kolmogorov, "An experimental comparison of min-cut/max-flow algorithms
/// for energy minimization in vision", IEEE TPAMI 26(9), 2004, 1124-1137). After a solve the
/// source side of the minimum cut closest to the source is marked (FlowScratch::reach).
///
/// For one query, FlowNetwork does all three steps in a per-thread workspace; a caller that
/// solves many queries on one network keeps a FlowLayout and calls solve_max_flow().
/// FlowLayout, FlowScratch and solve_max_flow() hold Boost.Graph types and are declared in
/// detail/flow_layout.hpp, which the library's definitions include.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"

namespace ketennet::flow {

/// Vertex and arc indices of a flow network (32 bits: at most 2^31 arc pairs).
using FlowIndex = std::uint32_t;

/// The arcs of a flow network, in pairs: arcs 2k and 2k + 1 are each other's reverse.
struct FlowArcs {
    std::vector<FlowIndex> from, to;
    std::vector<double> cap;

    /// Empties the list and checks that @p vertices vertices and @p pairs pairs fit the
    /// 32-bit indices (InputError prefixed with @p what otherwise).
    void reset(std::size_t vertices, std::size_t pairs, const char* what);
    /// Adds arc u -> v with capacity c and its reverse with capacity rc (0 for a directed
    /// arc; c for an undirected tie, whose two directions are each other's reverse).
    /// Returns the index of the forward arc.
    std::size_t add(std::size_t u, std::size_t v, double c, double rc = 0.0);
};

/// Scratch arrays of FlowLayout::assign(), kept by callers that build many layouts.
struct FlowBuildScratch {
    std::vector<FlowIndex> pos;   ///< CSR position of each arc of the FlowArcs
    std::vector<FlowIndex> next;  ///< next free CSR position of each vertex
    std::vector<FlowIndex> tail;  ///< tail of the arc at each CSR position
};

/// A flow network built for one query: add() the arcs, then run(). Its arcs and layout live
/// in a per-thread workspace reused across calls; one FlowNetwork per thread at a time.
class FlowNetwork {
public:
    /// A network of @p vertices vertices and room for @p pairs arc pairs.
    FlowNetwork(std::size_t vertices, std::size_t pairs, const char* what = "throughput");
    /// Adds arc u -> v with capacity c and its reverse with capacity rc (see FlowArcs::add).
    std::size_t add(std::size_t u, std::size_t v, double c, double rc = 0.0);
    /// Runs the max-flow from @p s to @p t; afterwards reachable() marks the source side.
    double run(std::size_t s, std::size_t t);
    const std::vector<char>& reachable() const;
    /// The arcs added so far (to add more through helpers such as tie_arcs()).
    FlowArcs& arcs();

private:
    struct Workspace;
    static Workspace& workspace();
    Workspace& w_;
    std::size_t nv_;
};

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/flow_network.ipp"
#endif
