#pragma once
/// @file canonical_components.hpp
/// @brief The numbering of components shared by components() and communities(): largest
/// first, equal sizes by their first organisation in network order.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

#include "ketennet/cohesion/components.hpp"

namespace ketennet::cohesion::detail {

/// Renumbers raw component ids so that the largest component is 0 (ties: the one whose
/// first member comes first in network order).
[[nodiscard]] inline Components canonical_components(const std::vector<std::size_t>& raw, std::size_t k) {
    const std::size_t n = raw.size();
    std::vector<std::size_t> size(k, 0), first(k, n);
    for (std::size_t v = 0; v < n; ++v) {
        ++size[raw[v]];
        first[raw[v]] = std::min(first[raw[v]], v);
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
    });
    std::vector<std::size_t> rank(k);
    Components out;
    out.size.resize(k);
    for (std::size_t i = 0; i < k; ++i) {
        rank[order[i]] = i;
        out.size[i] = size[order[i]];
    }
    out.label.resize(n);
    for (std::size_t v = 0; v < n; ++v) out.label[v] = rank[raw[v]];
    return out;
}

}  // namespace ketennet::cohesion::detail
