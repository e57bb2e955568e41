#pragma once
/// @file connectivity.ipp
/// @brief Definitions of cohesion/connectivity.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/cohesion/connectivity.hpp"
#include "ketennet/cohesion/components.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/flow_network.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

namespace detail {

inline void check_pair(const View& view, vertex_t s, vertex_t t, const char* what) {
    if (s >= view.n() || t >= view.n())
        throw UnknownId(std::string(what) + ": organisation index out of range");
}

/// InputError for a view without organisations: connectivity is undefined for the null
/// graph (NetworkX raises NetworkXPointlessConcept).
inline void check_size(const View& view, const char* what) {
    if (view.n() == 0)
        throw InputError(std::string(what) + " is undefined for a network without organisations "
                         "(as in NetworkX)");
}

/// Degree as NetworkX's G.degree(): undirected partners (a self-loop counts twice), directed
/// in + out (a self-loop counts twice).
[[nodiscard]] inline std::size_t nx_degree(const View& view, vertex_t v) {
    std::size_t d = view.out_neighbours(v).size();
    if (view.directed()) return d + view.in_neighbours(v).size();
    for (vertex_t u : view.out_neighbours(v))
        if (u == v) ++d;
    return d;
}

/// Local node connectivity as NetworkX's `local_node_connectivity`: the max flow from s_out
/// to t_in in the split network (v_in -> v_out capacity 1; each tie u -> v becomes
/// u_out -> v_in with capacity 1, so a direct tie counts as one path). With s == t it counts
/// the cycles through s that share no other organisation (NetworkX's global algorithm asks
/// for that in directed views).
[[nodiscard]] inline double split_flow(const View& view, vertex_t s, vertex_t t) {
    const vertex_t n = view.n();
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    flow::FlowNetwork fn(2 * std::size_t(n),
                                 std::size_t(n) + (view.directed() ? 1 : 2) * src.size(),
                                 "node_connectivity");
    for (vertex_t v = 0; v < n; ++v) fn.add(v, std::size_t(v) + n, 1.0);
    for (std::size_t e = 0; e < src.size(); ++e) {
        fn.add(std::size_t(src[e]) + n, tgt[e], 1.0);
        if (!view.directed() && src[e] != tgt[e]) fn.add(std::size_t(tgt[e]) + n, src[e], 1.0);
    }
    return fn.run(std::size_t(s) + n, t);
}

/// Local edge connectivity: unit-capacity max flow from s to t (an undirected tie carries 1
/// either way; self-loops carry nothing).
[[nodiscard]] inline double unit_flow(const View& view, vertex_t s, vertex_t t) {
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    flow::FlowNetwork fn(view.n(), src.size(), "edge_connectivity");
    for (std::size_t e = 0; e < src.size(); ++e)
        if (src[e] != tgt[e]) fn.add(src[e], tgt[e], 1.0, view.directed() ? 0.0 : 1.0);
    return fn.run(s, t);
}

}  // namespace detail

KETENNET_INLINE std::size_t node_connectivity(const View& view, vertex_t s, vertex_t t) {
    detail::check_pair(view, s, t, "node_connectivity");
    if (s == t)
        throw InputError("node_connectivity: source and target are the same organisation '" +
                         view.id(s) + "'");
    return std::size_t(detail::split_flow(view, s, t) + 0.5);
}

KETENNET_INLINE std::size_t edge_connectivity(const View& view, vertex_t s, vertex_t t) {
    detail::check_pair(view, s, t, "edge_connectivity");
    if (s == t)
        throw InputError("edge_connectivity: source and target are the same organisation '" +
                         view.id(s) + "'");
    return std::size_t(detail::unit_flow(view, s, t) + 0.5);
}

KETENNET_INLINE std::size_t node_connectivity(const View& view) {
    detail::check_size(view, "node_connectivity");
    if (components(view, ComponentKind::weak).count() > 1) return 0;
    const vertex_t n = view.n();
    std::size_t k = std::size_t(n) - 1;
    auto adjacent = [&](vertex_t x, vertex_t y) { return view.find_weight(x, y) != nullptr; };
    for (vertex_t i = 0; i < n && std::size_t(i) <= k; ++i) {
        for (vertex_t j = i + 1; j < n && k > 0; ++j) {
            if (!adjacent(i, j))
                k = std::min<std::size_t>(k, std::size_t(detail::split_flow(view, i, j) + 0.5));
            if (view.directed() && !adjacent(j, i) && k > 0)
                k = std::min<std::size_t>(k, std::size_t(detail::split_flow(view, j, i) + 0.5));
        }
        if (k == 0) break;
    }
    return k;
}

KETENNET_INLINE std::size_t edge_connectivity(const View& view) {
    detail::check_size(view, "edge_connectivity");
    const vertex_t n = view.n();
    if (n == 1 || components(view, ComponentKind::weak).count() > 1) return 0;
    std::size_t L = std::numeric_limits<std::size_t>::max();
    for (vertex_t u = 0; u < n; ++u) L = std::min(L, detail::nx_degree(view, u));
    auto flow = [&](vertex_t s, vertex_t t) {
        return std::size_t(detail::unit_flow(view, s, t) + 0.5);
    };
    if (view.directed()) {
        for (vertex_t i = 0; i < n && L > 0; ++i) L = std::min(L, flow(i, (i + 1) % n));
        return L;
    }
    // a dominating set with at least two organisations: a maximal independent set grown
    // greedily from a start that is not adjacent to everyone (none: a complete network)
    std::vector<std::size_t> partners(n, 0);
    for (vertex_t u = 0; u < n; ++u)
        for (vertex_t w : view.out_neighbours(u))
            if (w != u) ++partners[u];
    vertex_t start = n;
    for (vertex_t u = 0; u < n; ++u)
        if (partners[u] + 1 < n) {
            start = u;
            break;
        }
    if (start == n) return L;  // complete: the minimum degree
    std::vector<char> dominated(n, 0);
    std::vector<vertex_t> dom;
    auto take = [&](vertex_t u) {
        dom.push_back(u);
        dominated[u] = 1;
        for (vertex_t w : view.out_neighbours(u)) dominated[w] = 1;
    };
    take(start);
    for (vertex_t u = 0; u < n; ++u)
        if (!dominated[u]) take(u);
    for (std::size_t i = 1; i < dom.size() && L > 0; ++i) L = std::min(L, flow(dom[0], dom[i]));
    return L;
}

}  // namespace ketennet::cohesion
