#pragma once
/// @file dominators.ipp
/// @brief Definitions of resilience/dominators.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/resilience/dominators.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

KETENNET_INLINE std::vector<vertex_t> immediate_dominators(const View& view, vertex_t entry) {
    const vertex_t n = view.n();
    if (entry >= n)
        throw UnknownId("dominators: entry index " + std::to_string(entry) +
                        " is not an organisation of the view");
    constexpr vertex_t none = no_dominator;
    // postorder of an iterative depth-first search from the entry
    std::vector<vertex_t> post;   // vertices in postorder
    std::vector<vertex_t> num(n, none);  // postorder number
    std::vector<char> seen(n, 0);
    std::vector<std::pair<vertex_t, std::size_t>> stack;
    stack.emplace_back(entry, 0);
    seen[entry] = 1;
    while (!stack.empty()) {
        auto& [v, k] = stack.back();
        const auto nb = view.out_neighbours(v);
        if (k < nb.size()) {
            const vertex_t w = nb[k++];
            if (!seen[w]) {
                seen[w] = 1;
                stack.emplace_back(w, 0);
            }
            continue;
        }
        num[v] = vertex_t(post.size());
        post.push_back(v);
        stack.pop_back();
    }
    std::vector<vertex_t> idom(n, none);
    idom[entry] = entry;
    auto intersect = [&](vertex_t a, vertex_t b) {
        while (a != b) {
            while (num[a] < num[b]) a = idom[a];
            while (num[b] < num[a]) b = idom[b];
        }
        return a;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = post.size(); i-- > 0;) {  // reverse postorder
            const vertex_t v = post[i];
            if (v == entry) continue;
            vertex_t best = none;
            for (vertex_t p : view.in_neighbours(v)) {
                if (p == v || idom[p] == none) continue;  // unprocessed or unreachable
                best = best == none ? p : intersect(p, best);
            }
            if (best != idom[v]) {
                idom[v] = best;
                changed = true;
            }
        }
    }
    idom[entry] = none;
    return idom;
}

}  // namespace ketennet::resilience
