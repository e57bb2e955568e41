#pragma once
/// @file biconnected_components.ipp
/// @brief Definitions of resilience/biconnected_components.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include <boost/graph/biconnected_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "ketennet/resilience/biconnected_components.hpp"
#include "ketennet/view/boost_undirected.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

namespace detail {

/// Boost.Graph's biconnected_components (Hopcroft & Tarjan 1973) on the undirected
/// projection as a symmetric CSR graph (view/boost_undirected.hpp): the ties (u < v,
/// ascending) and the component label of each. The depth-first search labels one of a
/// tie's two arcs (the tree arc, or the back arc towards the ancestor); the tie takes that
/// label.
[[nodiscard]] inline std::pair<std::vector<Tie>, std::vector<std::size_t>> label_ties(const View& view) {
    const SymmetricCsr g = undirected_csr(view);
    const vertex_t n = view.n();
    const std::size_t arcs = boost::num_edges(g);
    constexpr std::size_t unlabelled = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> arc_label(arcs, unlabelled);
    if (arcs != 0)
        boost::biconnected_components(
            g, boost::make_iterator_property_map(arc_label.begin(), boost::get(boost::edge_index, g)));
    // rows are ascending, so the arcs u -> v with u < v, in CSR order, are the ties ascending
    const auto& off = g.m_forward.m_rowstart;
    const auto& col = g.m_forward.m_column;
    std::vector<std::size_t> tie_of(arcs);
    std::vector<Tie> ties;
    ties.reserve(arcs / 2);
    for (vertex_t u = 0; u < n; ++u)
        for (std::size_t a = off[u]; a < off[u + 1]; ++a)
            if (u < col[a]) {
                tie_of[a] = ties.size();
                ties.emplace_back(u, col[a]);
            }
    std::vector<std::size_t> label(ties.size(), unlabelled);
    for (vertex_t u = 0; u < n; ++u)
        for (std::size_t a = off[u]; a < off[u + 1]; ++a) {
            if (arc_label[a] == unlabelled) continue;
            const vertex_t v = col[a];
            std::size_t t;
            if (u < v) {
                t = tie_of[a];
            } else {  // the tie (v, u): find u in v's row
                const auto row = col.begin() + std::ptrdiff_t(off[v]);
                const auto end = col.begin() + std::ptrdiff_t(off[v + 1]);
                t = tie_of[std::size_t(std::lower_bound(row, end, u) - col.begin())];
            }
            label[t] = arc_label[a];
        }
    return {std::move(ties), std::move(label)};
}

}  // namespace detail

KETENNET_INLINE std::vector<std::vector<vertex_t>> biconnected_components(const View& view) {
    auto [ties, label] = detail::label_ties(view);
    std::size_t k = 0;
    for (std::size_t c : label) k = std::max(k, c + 1);
    std::vector<std::vector<vertex_t>> comps(k);
    for (std::size_t i = 0; i < ties.size(); ++i) {
        comps[label[i]].push_back(ties[i].first);
        comps[label[i]].push_back(ties[i].second);
    }
    for (auto& c : comps) {
        std::sort(c.begin(), c.end());
        c.erase(std::unique(c.begin(), c.end()), c.end());
    }
    std::sort(comps.begin(), comps.end());
    return comps;
}

KETENNET_INLINE std::vector<Tie> bridges(const View& view) {
    auto [ties, label] = detail::label_ties(view);
    std::size_t k = 0;
    for (std::size_t c : label) k = std::max(k, c + 1);
    std::vector<std::size_t> size(k, 0);
    for (std::size_t c : label) ++size[c];
    std::vector<Tie> out;
    for (std::size_t i = 0; i < ties.size(); ++i)
        if (size[label[i]] == 1) out.push_back(ties[i]);
    return out;
}

}  // namespace ketennet::resilience
