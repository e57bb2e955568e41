#pragma once
/// @file feedback.ipp
/// @brief Definitions of flow/feedback.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "ketennet/flow/feedback.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

namespace detail {

/// Multi-source BFS from the out-neighbours of @p from (so a vertex counts as reached only
/// along one or more ties, self-loops not counted); returns hop parents (UINT32_MAX = not reached; a vertex reached
/// directly from @p from has its first such tie's tail as parent).
[[nodiscard]] inline std::vector<vertex_t> reach_from(const View& g, const std::vector<vertex_t>& from) {
    constexpr vertex_t none = std::numeric_limits<vertex_t>::max();
    std::vector<vertex_t> parent(g.n(), none);
    std::vector<char> seen(g.n(), 0);
    std::vector<vertex_t> queue;
    for (vertex_t a : from)
        for (vertex_t b : g.out_neighbours(a))
            if (b != a && !seen[b]) {  // a self-loop is no hand-off
                seen[b] = 1;
                parent[b] = a;
                queue.push_back(b);
            }
    for (std::size_t h = 0; h < queue.size(); ++h)
        for (vertex_t b : g.out_neighbours(queue[h]))
            if (!seen[b]) {
                seen[b] = 1;
                parent[b] = queue[h];
                queue.push_back(b);
            }
    return parent;
}

}  // namespace detail

KETENNET_INLINE FeedbackResult feedback(const View& g, const std::vector<std::vector<vertex_t>>& stages) {
    if (stages.size() < 2)
        throw InputError("feedback: a chain needs at least two stages, not " +
                         std::to_string(stages.size()));
    for (const auto& st : stages)
        for (vertex_t v : st)
            if (v >= g.n()) throw InputError("feedback: organisation index out of range");
    constexpr vertex_t none = std::numeric_limits<vertex_t>::max();
    const vertex_t n = g.n();
    FeedbackResult out;
    std::size_t with_ties = 0, with_reach = 0;
    std::vector<char> in_up(n, 0), hit(n, 0);
    for (std::size_t j = 1; j < stages.size(); ++j) {
        const auto parent = detail::reach_from(g, stages[j]);
        for (std::size_t i = 0; i < j; ++i) {
            StageFeedback f;
            f.upstream = i;
            f.downstream = j;
            for (vertex_t b : stages[i]) in_up[b] = 1;
            for (vertex_t a : stages[j])
                for (vertex_t b : g.out_neighbours(a))
                    if (b != a && in_up[b]) {
                        ++f.ties;
                        hit[b] = 1;
                    }
            if (!stages[i].empty()) {
                std::size_t covered = 0, reached = 0;
                for (vertex_t b : stages[i]) {
                    covered += hit[b];
                    reached += parent[b] != none;
                }
                f.coverage = double(covered) / double(stages[i].size());
                f.reach = double(reached) / double(stages[i].size());
                with_reach += reached > 0;
            }
            with_ties += f.ties > 0;
            for (vertex_t b : stages[i]) in_up[b] = hit[b] = 0;
            out.pairs.push_back(f);
        }
    }
    out.coverage = double(with_ties) / double(out.pairs.size());
    out.reach_coverage = double(with_reach) / double(out.pairs.size());

    // strongly connected components
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph bg(n);
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (src[e] == tgt[e]) continue;
        boost::add_edge(src[e], tgt[e], bg);
        if (!g.directed()) boost::add_edge(tgt[e], src[e], bg);
    }
    std::vector<std::size_t> comp(n, 0);
    const std::size_t count = n ? boost::strong_components(
                                      bg, boost::make_iterator_property_map(
                                              comp.begin(), boost::get(boost::vertex_index, bg)))
                                : 0;
    std::vector<std::vector<vertex_t>> groups(count);
    for (vertex_t v = 0; v < n; ++v) groups[comp[v]].push_back(v);
    for (auto& grp : groups)
        if (grp.size() >= 2) out.components.push_back(std::move(grp));
    std::sort(out.components.begin(), out.components.end(),
              [](const auto& a, const auto& b) { return a.front() < b.front(); });

    // exit -> entry
    const auto parent = detail::reach_from(g, stages.back());
    std::vector<char> is_exit(n, 0);
    for (vertex_t a : stages.back()) is_exit[a] = 1;
    for (vertex_t b : stages.front()) {
        if (parent[b] == none) continue;
        out.exit_reaches_entry = true;
        // walk back to the first exit organisation on the BFS tree
        std::vector<vertex_t> path{b};
        vertex_t x = parent[b];
        std::vector<char> on(n, 0);
        on[b] = 1;
        while (true) {
            path.push_back(x);
            if (is_exit[x] || on[x]) break;
            on[x] = 1;
            x = parent[x];
        }
        std::reverse(path.begin(), path.end());
        if (out.exit_to_entry_path.empty() || path.size() < out.exit_to_entry_path.size())
            out.exit_to_entry_path = std::move(path);
    }
    return out;
}

}  // namespace ketennet::flow
