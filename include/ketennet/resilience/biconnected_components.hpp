#pragma once
/// @file biconnected_components.hpp
/// @brief Biconnected components and bridges: the parts of a network that survive the loss of
/// any one organisation, and the ties whose loss splits it.
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

/// An undirected tie (u < v) between two organisations.
using Tie = std::pair<vertex_t, vertex_t>;

namespace detail {

/// The simple undirected projection of a view: a tie in either direction connects,
/// u -> v and v -> u are one tie, self-loops are dropped, weights ignored. Ties are
/// returned with u < v, ascending.
inline std::vector<Tie> undirected_ties(const View& view) {
    std::vector<Tie> ties;
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    ties.reserve(src.size());
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (src[e] == tgt[e]) continue;
        ties.emplace_back(std::min(src[e], tgt[e]), std::max(src[e], tgt[e]));
    }
    std::sort(ties.begin(), ties.end());
    ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
    return ties;
}

/// Boost.Graph's biconnected_components (Hopcroft & Tarjan 1973) on the undirected
/// projection: the ties and the component label of each.
inline std::pair<std::vector<Tie>, std::vector<std::size_t>> label_ties(const View& view) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                        boost::no_property,
                                        boost::property<boost::edge_index_t, std::size_t>>;
    std::vector<Tie> ties = undirected_ties(view);
    Graph g(view.n());
    for (std::size_t i = 0; i < ties.size(); ++i)
        boost::add_edge(ties[i].first, ties[i].second, i, g);
    std::vector<std::size_t> label(ties.size(), 0);
    if (!ties.empty())
        boost::biconnected_components(
            g, boost::make_iterator_property_map(label.begin(), boost::get(boost::edge_index, g)));
    return {std::move(ties), std::move(label)};
}

}  // namespace detail

/// Biconnected components of the view: maximal sets of organisations that stay connected
/// when any one of them fails (Hopcroft & Tarjan 1973, with Boost.Graph's
/// `biconnected_components`).
///
/// Computed on the undirected projection (a tie in either direction connects; direction
/// and weights ignored), as NetworkX's `biconnected_components` on `G.to_undirected()`.
/// Each component is the set of organisations touched by its ties, ascending; a bridge is a
/// component of two organisations; isolated organisations belong to none. Two components
/// share at most one organisation, an articulation point. Components are ordered by their
/// smallest member (then lexicographically).
inline std::vector<std::vector<vertex_t>> biconnected_components(const View& view) {
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

/// Bridges of the view: ties whose removal increases the number of connected components
/// (Tarjan 1974). A tie is a bridge exactly when it forms a biconnected component on its own
/// (Boost.Graph's `biconnected_components`). Computed on the undirected projection (u -> v
/// and v -> u are one tie; self-loops are never bridges), as NetworkX's `bridges` on
/// `G.to_undirected()`. Returned as (u, v) with u < v, ascending.
inline std::vector<Tie> bridges(const View& view) {
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
