#pragma once
/// @file flow_layout.hpp
/// @brief The Boost.Graph side of the max-flow engine (flow/flow_network.hpp): the
/// compressed sparse row layout of a flow network, the per-thread scratch of a solve, and the
/// Boykov-Kolmogorov solve itself. Used by the definitions of flow_network.hpp and
/// max_flow.hpp (which keep one layout per view for repeated queries).
#include <cstddef>
#include <utility>
#include <vector>

#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include "ketennet/flow/flow_network.hpp"

namespace ketennet::flow {

/// The Boost.Graph compressed sparse row graph the max-flow runs on.
using FlowGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                     boost::no_property, boost::no_property,
                                                     FlowIndex, FlowIndex>;
/// An arc of a FlowGraph.
using FlowEdge = boost::graph_traits<FlowGraph>::edge_descriptor;

/// A flow network in compressed sparse row form, ready for Boykov-Kolmogorov: the arcs
/// sorted by tail (stably), each with its capacity and its partner. Read-only once built,
/// so one layout can serve many max-flows, from several threads at once.
struct FlowLayout {
    std::size_t vertices = 0;
    FlowGraph graph;
    std::vector<FlowIndex> off;   ///< first CSR position of each vertex's arcs, and the end
    std::vector<FlowIndex> head;  ///< head of the arc at each CSR position
    std::vector<double> cap;      ///< capacity of the arc at each CSR position
    std::vector<FlowEdge> rev;    ///< partner of the arc at each CSR position

    /// (Re)builds the layout from @p arcs on @p nv vertices, reusing this layout's memory
    /// and @p b's.
    void assign(std::size_t nv, const FlowArcs& arcs, FlowBuildScratch& b) {
        const std::size_t m = arcs.from.size();
        vertices = nv;
        // a counting sort by tail (stable). Raw pointers, hoisted: the writes would
        // otherwise make the compiler reload every vector's data pointer.
        off.assign(nv + 1, 0);
        b.pos.resize(m);
        b.tail.resize(m);
        head.resize(m);
        cap.resize(m);
        rev.resize(m);
        {
            const FlowIndex* from = arcs.from.data();
            const FlowIndex* to = arcs.to.data();
            const double* c = arcs.cap.data();
            FlowIndex* o = off.data();
            FlowIndex* p = b.pos.data();
            for (std::size_t i = 0; i < m; ++i) ++o[from[i] + 1];
            for (std::size_t v = 0; v < nv; ++v) o[v + 1] += o[v];
            b.next.assign(off.begin(), off.end() - 1);
            FlowIndex* nx = b.next.data();
            for (std::size_t i = 0; i < m; ++i) p[i] = nx[from[i]]++;
            FlowIndex* tl = b.tail.data();
            FlowIndex* hd = head.data();
            double* kc = cap.data();
            FlowEdge* rv = rev.data();
            for (std::size_t i = 0; i < m; ++i) {
                const FlowIndex k = p[i];
                tl[k] = from[i];
                hd[k] = to[i];
                kc[k] = c[i];
                rv[k] = FlowEdge(to[i], p[i ^ 1u]);  // the partner starts where this arc ends
            }
        }
        const FlowIndex* tl = b.tail.data();
        const FlowIndex* hd = head.data();
        auto pair_at = [tl, hd](FlowIndex k) {
            return std::pair<FlowIndex, FlowIndex>(tl[k], hd[k]);
        };
        using Count = boost::counting_iterator<FlowIndex>;
        auto first = boost::make_transform_iterator(Count(0), pair_at);
        auto last = boost::make_transform_iterator(Count(FlowIndex(m)), pair_at);
        graph = FlowGraph(boost::edges_are_sorted, first, last, FlowIndex(nv));
    }
};

/// Per-thread scratch of solve_max_flow(): residual capacities, Boykov-Kolmogorov's vertex maps and
/// the source side. Reused across calls (no page faults from fresh allocations on repeated
/// queries).
struct FlowScratch {
    std::vector<double> res;
    std::vector<FlowEdge> pred;
    std::vector<boost::default_color_type> color;
    std::vector<long> dist;
    std::vector<char> reach;
    std::vector<FlowIndex> stack;
};

/// The calling thread's FlowScratch (solve_max_flow and FlowNetwork use it).
inline FlowScratch& flow_scratch() {
    thread_local FlowScratch w;
    return w;
}

/// The maximum flow from @p s to @p t on @p net (Boost's boykov_kolmogorov_max_flow).
/// Afterwards @p w.reach marks the source side: the vertices reachable from s along arcs
/// with residual capacity (the minimum cut closest to s).
[[nodiscard]] inline double solve_max_flow(const FlowLayout& net, std::size_t s, std::size_t t, FlowScratch& w) {
    const std::size_t nv = net.vertices;
    w.res.resize(net.cap.size());
    w.color.resize(nv);
    w.dist.assign(nv, 0);  // as Boost's own overload does (BK never sets the terminals')
    w.pred.resize(nv);
    const auto eidx = boost::get(boost::edge_index, net.graph);
    const auto vidx = boost::get(boost::vertex_index, net.graph);
    const double value = boost::boykov_kolmogorov_max_flow(
        net.graph, boost::make_iterator_property_map(net.cap.begin(), eidx),
        boost::make_iterator_property_map(w.res.begin(), eidx),
        boost::make_iterator_property_map(net.rev.begin(), eidx),
        boost::make_iterator_property_map(w.pred.begin(), vidx),
        boost::make_iterator_property_map(w.color.begin(), vidx),
        boost::make_iterator_property_map(w.dist.begin(), vidx), vidx, FlowIndex(s), FlowIndex(t));
    w.reach.assign(nv, 0);
    w.stack.clear();
    w.stack.push_back(FlowIndex(s));
    const FlowIndex* off = net.off.data();
    const FlowIndex* head = net.head.data();
    const double* res = w.res.data();
    char* reach = w.reach.data();
    reach[s] = 1;
    while (!w.stack.empty()) {
        const FlowIndex u = w.stack.back();
        w.stack.pop_back();
        const FlowIndex end = off[u + 1];
        for (FlowIndex k = off[u]; k < end; ++k) {
            const FlowIndex v = head[k];
            if (!reach[v] && res[k] > 0.0) {
                reach[v] = 1;
                w.stack.push_back(v);
            }
        }
    }
    return value;
}

}  // namespace ketennet::flow
