#pragma once
/// @file boost_undirected.hpp
/// @brief The undirected projection of a view as a Boost.Graph compressed sparse row graph.
///
/// Boost.Graph's DFS-based algorithms (articulation points, for one) take any graph with
/// out-edges. Handing them a boost::adjacency_list means one heap allocation per vertex and
/// per edge, which cost more than the algorithm itself on networks of thousands of
/// organisations. A compressed_sparse_row_graph is two arrays, filled in one pass from the
/// view's sorted adjacency lists.
#include <cstdint>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "ketennet/view/view.hpp"

namespace ketennet {

/// Symmetric CSR graph: each undirected tie u - v is the two arcs u -> v and v -> u.
using SymmetricCsr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                         boost::no_property, boost::no_property,
                                                         vertex_t, std::size_t>;

/// The undirected projection of @p view without self-loops: u - v when the view has
/// u -> v or v -> u (one tie when it has both), direction and weights ignored. A depth-first
/// search over it meets each tie from both ends, as over an undirected graph: the reverse of
/// a tree arc is the tree arc's own back arc (Boost's biconnected-components visitor skips
/// it, as for an undirected graph), and the reverse of a back arc is a forward arc, which
/// the visitor ignores.
[[nodiscard]] inline SymmetricCsr undirected_csr(const View& view) {
    const vertex_t n = view.n();
    std::vector<std::pair<vertex_t, vertex_t>> arcs;
    if (!view.directed()) {
        arcs.reserve(view.out_adjacency().size());
        for (vertex_t u = 0; u < n; ++u)
            for (vertex_t v : view.out_neighbours(u))
                if (v != u) arcs.emplace_back(u, v);
    } else {
        arcs.reserve(2 * view.m());
        for (vertex_t u = 0; u < n; ++u) {
            // merge the ascending out- and in-lists, each neighbour once
            const auto out = view.out_neighbours(u);
            const auto in = view.in_neighbours(u);
            std::size_t a = 0, b = 0;
            while (a < out.size() || b < in.size()) {
                vertex_t v;
                if (b == in.size() || (a < out.size() && out[a] < in[b])) {
                    v = out[a++];
                } else if (a == out.size() || in[b] < out[a]) {
                    v = in[b++];
                } else {
                    v = out[a++];
                    ++b;
                }
                if (v != u) arcs.emplace_back(u, v);
            }
        }
    }
    return SymmetricCsr(boost::edges_are_sorted, arcs.begin(), arcs.end(), std::size_t(n));
}

}  // namespace ketennet
