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


#include "ketennet/flow/flow_network.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

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

namespace detail {

/// True when edge @p e of @p g carries flow: not a self-loop, capacity above 0.
[[nodiscard]] inline bool carries(const View& g, std::size_t e) {
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
/// capacities (require_weights with WeightRule::capacity).
struct TieFlowLayout {
    FlowLayout net;
    explicit TieFlowLayout(const View& g) {
        require_weights(g, WeightRule::capacity, "throughput");
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

[[nodiscard]] inline std::shared_ptr<const TieFlowLayout> tie_flow_layout(const View& g) {
    return g.derived<TieFlowLayout>([&] { return std::make_shared<const TieFlowLayout>(g); });
}

[[nodiscard]] inline std::shared_ptr<const SplitFlowLayout> split_flow_layout(const View& g) {
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
/// with the view (View::derived), unless MaxFlowOptions::keep_layout is false.
[[nodiscard]] inline MaxFlowResult max_flow(const View& g, const std::vector<vertex_t>& sources,
                              const std::vector<vertex_t>& sinks, const MaxFlowOptions& opt = {}) {
    const bool keep_layout = opt.keep_layout;
    detail::check_ends(g, sources, sinks, "throughput");
    const vertex_t n = g.n();
    const bool single = sources.size() == 1 && sinks.size() == 1;
    MaxFlowResult out;
    if (single && keep_layout) {
        const auto layout = detail::tie_flow_layout(g);
        out.value = solve_max_flow(layout->net, sources[0], sinks[0], flow_scratch());
    } else {
        require_weights(g, WeightRule::capacity, "throughput");
        const std::size_t S = n, T = std::size_t(n) + 1;
        FlowNetwork fn(std::size_t(n) + (single ? 0 : 2),
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
    const auto& reach = flow_scratch().reach;
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
/// with the view, unless MaxFlowOptions::keep_layout is false.
[[nodiscard]] inline VertexCut min_vertex_cut(const View& g, const std::vector<vertex_t>& sources,
                                const std::vector<vertex_t>& sinks, const MaxFlowOptions& opt = {}) {
    const bool keep_layout = opt.keep_layout;
    detail::check_ends(g, sources, sinks, "bottlenecks");
    const vertex_t n = g.n();
    const double big = double(n) + 1.0;
    const bool single = sources.size() == 1 && sinks.size() == 1;
    double value;
    if (single && keep_layout) {
        // from s_out to t_in
        const auto layout = detail::split_flow_layout(g);
        value = solve_max_flow(layout->net, std::size_t(sources[0]) + n, sinks[0],
                               flow_scratch());
    } else {
        const std::size_t S = 2 * std::size_t(n), T = S + 1;
        FlowNetwork fn(S + (single ? 0 : 2),
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
    const auto& reach = flow_scratch().reach;
    for (vertex_t v = 0; v < n; ++v)
        if (reach[v] && !reach[std::size_t(v) + n]) out.vertices.push_back(v);
    if (double(out.vertices.size()) != value)
        throw Error("bottlenecks: the vertex cut does not match the flow (a bug)");
    return out;
}

}  // namespace ketennet::flow
