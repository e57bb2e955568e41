#pragma once
/// @file max_flow.ipp
/// @brief Definitions of flow/max_flow.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/flow/max_flow.hpp"
#include "ketennet/flow/detail/flow_layout.hpp"
#include "ketennet/flow/detail/path_search.hpp"
#include "ketennet/flow/flow_network.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::flow {

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

KETENNET_INLINE MaxFlowResult max_flow(const View& g, const std::vector<vertex_t>& sources,
                              const std::vector<vertex_t>& sinks, const MaxFlowOptions& opt) {
    const bool keep_layout = opt.keep_layout;
    detail::check_ends(g, sources, sinks, "throughput", "sources", "sinks");
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

KETENNET_INLINE VertexCut min_vertex_cut(const View& g, const std::vector<vertex_t>& sources,
                                const std::vector<vertex_t>& sinks, const MaxFlowOptions& opt) {
    const bool keep_layout = opt.keep_layout;
    detail::check_ends(g, sources, sinks, "bottlenecks", "sources", "sinks");
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
