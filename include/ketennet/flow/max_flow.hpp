#pragma once
/// @file max_flow.hpp
/// @brief Throughput: the maximum flow from source organisations to sink organisations, a
/// minimum cut as ties, and the bottleneck organisations (a minimum vertex cut).
///
/// Both use Boost.Graph's Boykov-Kolmogorov max-flow (Boykov & Kolmogorov 2004) on a
/// compressed sparse row graph built from the view, with a super source and super sink for
/// several sources and sinks.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/model/errors.hpp"
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

/// Result of min_vertex_cut().
struct VertexCut {
    /// False when no set of other organisations separates the sources from the sinks (a
    /// source has a direct tie to a sink); vertices is then empty.
    bool exists = true;
    /// The organisations of a minimum vertex cut, ascending.
    std::vector<vertex_t> vertices;
};

namespace detail {

/// A flow network in CSR form with paired reverse arcs, solved with Boykov-Kolmogorov.
/// Its arrays live in a per-thread workspace reused across calls (no page faults from fresh
/// allocations on repeated queries); one FlowNetwork per thread at a time.
class FlowNetwork {
public:
    using Index = std::uint32_t;

    /// A network of @p vertices vertices and room for @p pairs arc pairs (add() at most that
    /// many times).
    FlowNetwork(std::size_t vertices, std::size_t pairs) : w_(workspace()), nv_(vertices) {
        if (vertices >= std::numeric_limits<Index>::max() ||
            2 * pairs >= std::numeric_limits<Index>::max())
            throw InputError("throughput: the flow network is too large (at most 2^31 ties)");
        w_.from.resize(2 * pairs);
        w_.to.resize(2 * pairs);
        w_.cap.resize(2 * pairs);
        m_ = 0;
    }
    /// Adds arc u -> v with capacity c and its reverse with capacity rc (0 for a directed
    /// arc; c for an undirected tie, whose two directions are each other's reverse). Arcs
    /// 2k and 2k + 1 are partners. Returns the index of the forward arc.
    std::size_t add(std::size_t u, std::size_t v, double c, double rc = 0.0) {
        const std::size_t i = m_;
        if (i + 2 > w_.from.size()) throw Error("FlowNetwork: more arcs than reserved (a bug)");
        w_.from[i] = Index(u);
        w_.to[i] = Index(v);
        w_.cap[i] = c;
        w_.from[i + 1] = Index(v);
        w_.to[i + 1] = Index(u);
        w_.cap[i + 1] = rc;
        m_ = i + 2;
        return i;
    }

    /// Runs the max-flow from @p s to @p t; afterwards reachable() marks the source side:
    /// the vertices reachable from s along arcs with residual capacity.
    double run(std::size_t s, std::size_t t) {
        using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                         boost::no_property, boost::no_property,
                                                         Index, Index>;
        using Edge = boost::graph_traits<Graph>::edge_descriptor;
        Workspace& w = w_;
        const std::size_t m = m_;
        // CSR position of every arc: a counting sort by tail (stable). Raw pointers, hoisted:
        // the writes would otherwise make the compiler reload every vector's data pointer.
        w.off.assign(nv_ + 1, 0);
        w.pos.resize(m);
        w.tail.resize(m);
        w.head.resize(m);
        w.kcap.resize(m);
        w.rev.resize(m);
        {
            const Index* from = w.from.data();
            const Index* to = w.to.data();
            const double* cap = w.cap.data();
            Index* off = w.off.data();
            Index* pos = w.pos.data();
            for (std::size_t i = 0; i < m; ++i) ++off[from[i] + 1];
            for (std::size_t v = 0; v < nv_; ++v) off[v + 1] += off[v];
            w.next.assign(w.off.begin(), w.off.end() - 1);
            Index* next = w.next.data();
            for (std::size_t i = 0; i < m; ++i) pos[i] = next[from[i]]++;
            Index* tail = w.tail.data();
            Index* head = w.head.data();
            double* kcap = w.kcap.data();
            Edge* rev = w.rev.data();
            for (std::size_t i = 0; i < m; ++i) {
                const Index k = pos[i];
                tail[k] = from[i];
                head[k] = to[i];
                kcap[k] = cap[i];
                rev[k] = Edge(to[i], pos[i ^ 1u]);  // the partner starts where this arc ends
            }
        }
        auto pair_at = [&w](Index k) { return std::pair<Index, Index>(w.tail[k], w.head[k]); };
        auto first = boost::make_transform_iterator(boost::counting_iterator<Index>(0), pair_at);
        auto last = boost::make_transform_iterator(boost::counting_iterator<Index>(Index(m)), pair_at);
        Graph g(boost::edges_are_sorted, first, last, Index(nv_));
        w.res.resize(m);
        w.color.resize(nv_);
        w.dist.resize(nv_);
        w.pred.resize(nv_);
        const auto eidx = boost::get(boost::edge_index, g);
        const auto vidx = boost::get(boost::vertex_index, g);
        const double value = boost::boykov_kolmogorov_max_flow(
            g, boost::make_iterator_property_map(w.kcap.begin(), eidx),
            boost::make_iterator_property_map(w.res.begin(), eidx),
            boost::make_iterator_property_map(w.rev.begin(), eidx),
            boost::make_iterator_property_map(w.pred.begin(), vidx),
            boost::make_iterator_property_map(w.color.begin(), vidx),
            boost::make_iterator_property_map(w.dist.begin(), vidx), vidx, Index(s), Index(t));
        // the source side: reachable from s along arcs with residual capacity
        w.reach.assign(nv_, 0);
        w.stack.clear();
        w.stack.push_back(Index(s));
        {
            const Index* off = w.off.data();
            const Index* head = w.head.data();
            const double* res = w.res.data();
            char* reach = w.reach.data();
            reach[s] = 1;
            while (!w.stack.empty()) {
                const Index u = w.stack.back();
                w.stack.pop_back();
                const Index end = off[u + 1];
                for (Index k = off[u]; k < end; ++k) {
                    const Index v = head[k];
                    if (!reach[v] && res[k] > 0.0) {
                        reach[v] = 1;
                        w.stack.push_back(v);
                    }
                }
            }
        }
        return value;
    }
    const std::vector<char>& reachable() const { return w_.reach; }

private:
    struct Workspace {
        std::vector<Index> from, to, off, pos, next, tail, head, stack;
        std::vector<double> cap, kcap, res;
        std::vector<boost::detail::csr_edge_descriptor<Index, Index>> rev, pred;
        std::vector<boost::default_color_type> color;
        std::vector<long> dist;
        std::vector<char> reach;
    };
    static Workspace& workspace() {
        thread_local Workspace w;
        return w;
    }
    Workspace& w_;
    std::size_t nv_;
    std::size_t m_ = 0;
};

inline void require_capacities(const View& g, const char* what) {
    if (!g.weighted()) return;
    const auto w = g.edge_weights();
    for (std::size_t e = 0; e < w.size(); ++e)
        if (!(w[e] >= 0.0) || !std::isfinite(w[e]))
            throw InputError(std::string(what) + ": capacity '" + g.options().weight + "' of " +
                             g.id(g.edge_sources()[e]) + (g.directed() ? " -> " : " - ") +
                             g.id(g.edge_targets()[e]) + " must be finite and >= 0");
}

}  // namespace detail

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
inline MaxFlowResult max_flow(const View& g, const std::vector<vertex_t>& sources,
                              const std::vector<vertex_t>& sinks) {
    detail::check_ends(g, sources, sinks, "throughput");
    detail::require_capacities(g, "throughput");
    const vertex_t n = g.n();
    const std::size_t S = n, T = std::size_t(n) + 1;
    detail::FlowNetwork fn(std::size_t(n) + 2, g.m() + sources.size() + sinks.size());
    double big = 1.0;
    for (double w : g.edge_weights()) big += w;
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    std::vector<std::size_t> arc_of(src.size(), SIZE_MAX);
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (src[e] == tgt[e] || !(w[e] > 0.0)) continue;
        arc_of[e] = fn.add(src[e], tgt[e], w[e], g.directed() ? 0.0 : w[e]);
    }
    for (vertex_t s : sources) fn.add(S, s, big);
    for (vertex_t t : sinks) fn.add(t, T, big);
    MaxFlowResult out;
    out.value = fn.run(S, T);
    const auto& reach = fn.reachable();
    for (vertex_t v = 0; v < n; ++v)
        if (reach[v]) out.source_side.push_back(v);
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (arc_of[e] == SIZE_MAX) continue;
        const vertex_t u = src[e], v = tgt[e];
        if (reach[u] && !reach[v]) out.cut.push_back(CutTie{u, v, w[e]});
        else if (!g.directed() && reach[v] && !reach[u]) out.cut.push_back(CutTie{v, u, w[e]});
    }
    std::sort(out.cut.begin(), out.cut.end(), [](const CutTie& a, const CutTie& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    return out;
}

/// A minimum vertex cut between @p sources and @p sinks: the fewest organisations (other
/// than the sources and sinks) whose removal leaves no path from a source to a sink
/// (Menger 1927; computed as a unit-capacity max-flow after splitting every organisation v
/// into v_in -> v_out, Even 1975). Direction is respected; weights are ignored. The cut is
/// the one closest to the sources. When a source has a direct tie to a sink no such set
/// exists: exists = false (NetworkX's minimum_node_cut returns an empty set then, which
/// separates nothing). When the sinks are unreachable already, the cut is empty.
inline VertexCut min_vertex_cut(const View& g, const std::vector<vertex_t>& sources,
                                const std::vector<vertex_t>& sinks) {
    detail::check_ends(g, sources, sinks, "bottlenecks");
    const vertex_t n = g.n();
    const double big = double(n) + 1.0;
    const std::size_t S = 2 * std::size_t(n), T = S + 1;
    detail::FlowNetwork fn(S + 2, std::size_t(n) + (g.directed() ? 1 : 2) * g.m() +
                                      sources.size() + sinks.size());
    std::vector<char> terminal(n, 0);
    for (vertex_t v : sources) terminal[v] = 1;
    for (vertex_t v : sinks) terminal[v] = 1;
    for (vertex_t v = 0; v < n; ++v) fn.add(v, std::size_t(v) + n, terminal[v] ? big : 1.0);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e) {
        const vertex_t u = src[e], v = tgt[e];
        if (u == v) continue;
        fn.add(std::size_t(u) + n, v, big);
        if (!g.directed()) fn.add(std::size_t(v) + n, u, big);
    }
    for (vertex_t s : sources) fn.add(S, s, big);
    for (vertex_t t : sinks) fn.add(std::size_t(t) + n, T, big);
    VertexCut out;
    const double value = fn.run(S, T);
    if (value >= big) {
        out.exists = false;
        return out;
    }
    const auto& reach = fn.reachable();
    for (vertex_t v = 0; v < n; ++v)
        if (reach[v] && !reach[std::size_t(v) + n]) out.vertices.push_back(v);
    if (double(out.vertices.size()) != value)
        throw Error("bottlenecks: the vertex cut does not match the flow (a bug)");
    return out;
}

}  // namespace ketennet::flow
