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
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
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
#include "ketennet/core/errors.hpp"
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

using FlowIndex = std::uint32_t;
using FlowGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                     boost::no_property, boost::no_property,
                                                     FlowIndex, FlowIndex>;
using FlowEdge = boost::graph_traits<FlowGraph>::edge_descriptor;

/// The arcs of a flow network, in pairs: arcs 2k and 2k + 1 are each other's reverse.
struct FlowArcs {
    std::vector<FlowIndex> from, to;
    std::vector<double> cap;

    /// Empties the list and checks that @p vertices vertices and @p pairs pairs fit the
    /// 32-bit indices (InputError prefixed with @p what otherwise).
    void reset(std::size_t vertices, std::size_t pairs, const char* what) {
        if (vertices >= std::numeric_limits<FlowIndex>::max() ||
            2 * pairs >= std::numeric_limits<FlowIndex>::max())
            throw InputError(std::string(what) +
                             ": the flow network is too large (at most 2^31 ties)");
        from.clear();
        to.clear();
        cap.clear();
        from.reserve(2 * pairs);
        to.reserve(2 * pairs);
        cap.reserve(2 * pairs);
    }
    /// Adds arc u -> v with capacity c and its reverse with capacity rc (0 for a directed
    /// arc; c for an undirected tie, whose two directions are each other's reverse).
    /// Returns the index of the forward arc.
    std::size_t add(std::size_t u, std::size_t v, double c, double rc = 0.0) {
        const std::size_t i = from.size();
        from.push_back(FlowIndex(u));
        to.push_back(FlowIndex(v));
        cap.push_back(c);
        from.push_back(FlowIndex(v));
        to.push_back(FlowIndex(u));
        cap.push_back(rc);
        return i;
    }
};

/// Scratch arrays of FlowLayout::assign(), kept by callers that build many layouts.
struct FlowBuildScratch {
    std::vector<FlowIndex> pos;   ///< CSR position of each arc of the FlowArcs
    std::vector<FlowIndex> next;  ///< next free CSR position of each vertex
    std::vector<FlowIndex> tail;  ///< tail of the arc at each CSR position
};

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

/// Per-thread scratch of solve(): residual capacities, Boykov-Kolmogorov's vertex maps and
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

inline FlowScratch& flow_scratch() {
    thread_local FlowScratch w;
    return w;
}

/// The maximum flow from @p s to @p t on @p net (Boost's boykov_kolmogorov_max_flow).
/// Afterwards @p w.reach marks the source side: the vertices reachable from s along arcs
/// with residual capacity (the minimum cut closest to s).
inline double solve(const FlowLayout& net, std::size_t s, std::size_t t, FlowScratch& w) {
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

/// A flow network built for one query: add() the arcs, then run(). Its arcs and layout live
/// in a per-thread workspace reused across calls; one FlowNetwork per thread at a time.
class FlowNetwork {
public:
    /// A network of @p vertices vertices and room for @p pairs arc pairs.
    FlowNetwork(std::size_t vertices, std::size_t pairs, const char* what = "throughput")
        : w_(workspace()), nv_(vertices) {
        w_.arcs.reset(vertices, pairs, what);
    }
    /// Adds arc u -> v with capacity c and its reverse with capacity rc (see FlowArcs::add).
    std::size_t add(std::size_t u, std::size_t v, double c, double rc = 0.0) {
        return w_.arcs.add(u, v, c, rc);
    }
    /// Runs the max-flow from @p s to @p t; afterwards reachable() marks the source side.
    double run(std::size_t s, std::size_t t) {
        w_.layout.assign(nv_, w_.arcs, w_.build);
        return solve(w_.layout, s, t, flow_scratch());
    }
    const std::vector<char>& reachable() const { return flow_scratch().reach; }
    /// The arcs added so far (to add more through helpers such as tie_arcs()).
    FlowArcs& arcs() { return w_.arcs; }

private:
    struct Workspace {
        FlowArcs arcs;
        FlowLayout layout;
        FlowBuildScratch build;
    };
    static Workspace& workspace() {
        thread_local Workspace w;
        return w;
    }
    Workspace& w_;
    std::size_t nv_;
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

/// True when edge @p e of @p g carries flow: not a self-loop, capacity above 0.
inline bool carries(const View& g, std::size_t e) {
    return g.edge_sources()[e] != g.edge_targets()[e] && g.edge_weights()[e] > 0.0;
}

/// Adds the ties of capacity view @p g to @p arcs: an arc per tie that carries() with the
/// tie's capacity, its reverse with capacity 0 in a directed view and the same capacity in
/// an undirected one (the two directions of a tie are each other's reverse).
inline void tie_arcs(const View& g, FlowArcs& arcs) {
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    for (std::size_t e = 0; e < src.size(); ++e)
        if (carries(g, e)) arcs.add(src[e], tgt[e], w[e], g.directed() ? 0.0 : w[e]);
}

/// Adds the split network of @p g to @p arcs (vertices 0 .. 2n - 1): organisation v becomes
/// v_in = v and v_out = v + n joined by an arc of capacity 1, and every tie u -> v an arc
/// u_out -> v_in of capacity n + 1, more than any vertex cut (both directions in an
/// undirected view). Self-loops get no arc. A flow from s_out to t_in (or from a super
/// source joined to the sources' v_out to a super sink joined from the sinks' v_in) never
/// crosses a terminal's own v_in -> v_out arc in a minimum cut, so those arcs need no
/// larger capacity.
inline void split_arcs(const View& g, FlowArcs& arcs) {
    const vertex_t n = g.n();
    const double big = double(n) + 1.0;
    for (vertex_t v = 0; v < n; ++v) arcs.add(v, std::size_t(v) + n, 1.0);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e) {
        const vertex_t u = src[e], v = tgt[e];
        if (u == v) continue;
        arcs.add(std::size_t(u) + n, v, big);
        if (!g.directed()) arcs.add(std::size_t(v) + n, u, big);
    }
}

/// The ties of a capacity view as a flow network (tie_arcs()), kept with the view
/// (View::derived) for max-flows between single organisations. Building it checks the
/// capacities (require_capacities()).
struct TieFlowLayout {
    FlowLayout net;
    explicit TieFlowLayout(const View& g) {
        require_capacities(g, "throughput");
        FlowArcs arcs;
        arcs.reset(g.n(), g.m(), "throughput");
        tie_arcs(g, arcs);
        FlowBuildScratch b;
        net.assign(g.n(), arcs, b);
    }
};

/// The split network of a view (split_arcs()), kept with the view for vertex cuts between
/// single organisations.
struct SplitFlowLayout {
    FlowLayout net;
    explicit SplitFlowLayout(const View& g) {
        FlowArcs arcs;
        arcs.reset(2 * std::size_t(g.n()), std::size_t(g.n()) + (g.directed() ? 1 : 2) * g.m(),
                   "bottlenecks");
        split_arcs(g, arcs);
        FlowBuildScratch b;
        net.assign(2 * std::size_t(g.n()), arcs, b);
    }
};

inline std::shared_ptr<const TieFlowLayout> tie_flow_layout(const View& g) {
    return g.derived<TieFlowLayout>([&] { return std::make_shared<const TieFlowLayout>(g); });
}

inline std::shared_ptr<const SplitFlowLayout> split_flow_layout(const View& g) {
    return g.derived<SplitFlowLayout>([&] { return std::make_shared<const SplitFlowLayout>(g); });
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
///
/// Between one source and one sink the flow network is built on the first call and kept
/// with the view (View::derived), unless @p keep_layout is false: pass false for a view
/// used once (a restricted or capacity view built for this call), which then uses a
/// per-thread workspace instead. Several sources or sinks always use the workspace.
inline MaxFlowResult max_flow(const View& g, const std::vector<vertex_t>& sources,
                              const std::vector<vertex_t>& sinks, bool keep_layout = true) {
    detail::check_ends(g, sources, sinks, "throughput");
    const vertex_t n = g.n();
    const bool single = sources.size() == 1 && sinks.size() == 1;
    MaxFlowResult out;
    if (single && keep_layout) {
        const auto layout = detail::tie_flow_layout(g);
        out.value = detail::solve(layout->net, sources[0], sinks[0], detail::flow_scratch());
    } else {
        detail::require_capacities(g, "throughput");
        const std::size_t S = n, T = std::size_t(n) + 1;
        detail::FlowNetwork fn(std::size_t(n) + (single ? 0 : 2),
                               g.m() + (single ? 0 : sources.size() + sinks.size()));
        detail::tie_arcs(g, fn.arcs());
        if (single) {
            out.value = fn.run(sources[0], sinks[0]);
        } else {
            double big = 1.0;
            for (double w : g.edge_weights()) big += w;
            for (vertex_t s : sources) fn.add(S, s, big);
            for (vertex_t t : sinks) fn.add(t, T, big);
            out.value = fn.run(S, T);
        }
    }
    const auto& reach = detail::flow_scratch().reach;
    for (vertex_t v = 0; v < n; ++v)
        if (reach[v]) out.source_side.push_back(v);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (!detail::carries(g, e)) continue;
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
///
/// Between one source and one sink the split network is built on the first call and kept
/// with the view, unless @p keep_layout is false (see max_flow()).
inline VertexCut min_vertex_cut(const View& g, const std::vector<vertex_t>& sources,
                                const std::vector<vertex_t>& sinks, bool keep_layout = true) {
    detail::check_ends(g, sources, sinks, "bottlenecks");
    const vertex_t n = g.n();
    const double big = double(n) + 1.0;
    const bool single = sources.size() == 1 && sinks.size() == 1;
    double value;
    if (single && keep_layout) {
        // from s_out to t_in
        const auto layout = detail::split_flow_layout(g);
        value = detail::solve(layout->net, std::size_t(sources[0]) + n, sinks[0],
                              detail::flow_scratch());
    } else {
        const std::size_t S = 2 * std::size_t(n), T = S + 1;
        detail::FlowNetwork fn(S + (single ? 0 : 2),
                               std::size_t(n) + (g.directed() ? 1 : 2) * g.m() +
                                   (single ? 0 : sources.size() + sinks.size()),
                               "bottlenecks");
        detail::split_arcs(g, fn.arcs());
        if (single) {
            value = fn.run(std::size_t(sources[0]) + n, sinks[0]);
        } else {
            for (vertex_t s : sources) fn.add(S, std::size_t(s) + n, big);
            for (vertex_t t : sinks) fn.add(t, T, big);
            value = fn.run(S, T);
        }
    }
    VertexCut out;
    if (value >= big) {
        out.exists = false;
        return out;
    }
    const auto& reach = detail::flow_scratch().reach;
    for (vertex_t v = 0; v < n; ++v)
        if (reach[v] && !reach[std::size_t(v) + n]) out.vertices.push_back(v);
    if (double(out.vertices.size()) != value)
        throw Error("bottlenecks: the vertex cut does not match the flow (a bug)");
    return out;
}

}  // namespace ketennet::flow
