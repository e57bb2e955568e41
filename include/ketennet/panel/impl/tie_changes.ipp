#pragma once
/// @file tie_changes.ipp
/// @brief Definitions of panel/tie_changes.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/panel/tie_changes.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::panel {

namespace detail {

/// A tie (a, b) over the joint organisation index, as one sortable key.
[[nodiscard]] inline std::uint64_t tie_key(std::uint64_t a, std::uint64_t b) noexcept {
    return (a << 32) | b;
}

}  // namespace detail

KETENNET_INLINE double TieCounts::jaccard() const noexcept {
    const std::size_t all = kept + formed + dissolved;
    return all == 0 ? std::numeric_limits<double>::quiet_NaN() : double(kept) / double(all);
}

KETENNET_INLINE double TieCounts::turnover() const noexcept {
    const std::size_t all = kept + formed + dissolved;
    return all == 0 ? std::numeric_limits<double>::quiet_NaN() : double(hamming()) / double(all);
}

KETENNET_INLINE TieChanges tie_changes(const View& before, const View& after) {
    if (before.directed() != after.directed())
        throw InputError(std::string("tie_changes: the earlier view is ") +
                         (before.directed() ? "directed" : "undirected") + " and the later one " +
                         (after.directed() ? "directed" : "undirected") +
                         "; compare ties of the same directedness");
    const bool directed = before.directed();
    TieChanges r;
    // the joint organisations: the earlier view's, then those that entered
    r.organisations = before.ids();
    std::vector<std::uint64_t> joint(after.n());
    for (vertex_t v = 0; v < after.n(); ++v) {
        if (const auto u = before.find(after.id(v))) {
            joint[v] = *u;
        } else {
            joint[v] = r.organisations.size();
            r.organisations.push_back(after.id(v));
        }
    }
    // each period's ties as sorted keys (an undirected tie once, ends in ascending order)
    const auto ties = [&](const View& g, auto&& index) {
        std::vector<std::uint64_t> keys;
        keys.reserve(directed ? g.m() : g.m() + 1);
        for (vertex_t u = 0; u < g.n(); ++u)
            for (const vertex_t v : g.out_neighbours(u)) {
                std::uint64_t a = index(u), b = index(v);
                if (!directed) {
                    if (v < u) continue;  // the other direction of an undirected tie
                    if (a > b) std::swap(a, b);
                }
                keys.push_back(detail::tie_key(a, b));
            }
        std::sort(keys.begin(), keys.end());
        return keys;
    };
    const auto old_ties = ties(before, [](vertex_t u) { return std::uint64_t(u); });
    const auto new_ties = ties(after, [&](vertex_t v) { return joint[v]; });
    r.per_organisation.assign(r.organisations.size(), TieCounts{});
    const auto count = [&](std::uint64_t key, std::size_t TieCounts::*field) {
        ++(r.ties.*field);
        const std::uint64_t a = key >> 32, b = key & 0xFFFFFFFFu;
        ++(r.per_organisation[a].*field);
        if (b != a) ++(r.per_organisation[b].*field);
    };
    std::size_t i = 0, j = 0;
    while (i < old_ties.size() || j < new_ties.size()) {
        if (j == new_ties.size() || (i < old_ties.size() && old_ties[i] < new_ties[j])) {
            count(old_ties[i++], &TieCounts::dissolved);
        } else if (i == old_ties.size() || new_ties[j] < old_ties[i]) {
            count(new_ties[j++], &TieCounts::formed);
        } else {
            count(old_ties[i], &TieCounts::kept);
            ++i;
            ++j;
        }
    }
    return r;
}

KETENNET_INLINE std::vector<LayerTieChanges> tie_changes(const Network& before, const Network& after,
                                                         const std::vector<std::string>& layers) {
    std::vector<std::string> names = layers;
    if (names.empty()) {
        for (const Layer& l : before.layers()) names.push_back(l.name);
        for (const Layer& l : after.layers())
            if (!before.has_layer(l.name)) names.push_back(l.name);
    }
    // the view of one layer of a network; a network without the layer has no ties there
    const auto view_of = [](const Network& net, const std::string& layer, bool directed) {
        ViewOptions o;
        o.layers = {layer};
        if (net.has_layer(layer)) return net.view(o);
        return View::build(vertex_t(net.organisation_count()), directed, false, {}, Combine::sum,
                           std::move(o), net.ids(), net.revision());
    };
    std::vector<LayerTieChanges> out;
    out.reserve(names.size());
    for (const std::string& name : names) {
        const bool in_before = before.has_layer(name), in_after = after.has_layer(name);
        if (!in_before && !in_after)
            throw UnknownId("tie_changes: neither network has layer '" + valid_text(name) +
                            "' (earlier network: " + before.layer_names() + "; later network: " +
                            after.layer_names() + ")");
        const bool directed = in_before ? before.layer(name).directed : after.layer(name).directed;
        if (in_before && in_after && after.layer(name).directed != directed)
            throw InputError("tie_changes: layer '" + valid_text(name) + "' is " +
                             (directed ? "directed" : "undirected") + " in the earlier network and " +
                             (directed ? "undirected" : "directed") + " in the later one");
        LayerTieChanges lc;
        lc.layer = name;
        lc.directed = directed;
        lc.changes = tie_changes(*view_of(before, name, directed), *view_of(after, name, directed));
        out.push_back(std::move(lc));
    }
    return out;
}

}  // namespace ketennet::panel
