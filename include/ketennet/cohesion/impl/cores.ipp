#pragma once
/// @file cores.ipp
/// @brief Definitions of cohesion/cores.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <vector>

#include "ketennet/cohesion/cores.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE std::vector<std::size_t> core_number(const View& view) {
    const vertex_t n = view.n();
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    if (view.self_loops() != 0)  // name the first one
        for (std::size_t e = 0; e < src.size(); ++e)
            if (src[e] == tgt[e])
                throw InputError("core_number: organisation '" + view.id(src[e]) +
                                 "' has a self-loop; k-cores are not defined with self-loops "
                                 "(as in NetworkX): leave it out of the layers analysed");
    const bool directed = view.directed();
    // 32-bit degrees and positions: the arrays of the random accesses below stay small
    std::vector<vertex_t> deg(n);
    vertex_t maxdeg = 0;
    for (vertex_t v = 0; v < n; ++v) {
        deg[v] = vertex_t(view.out_neighbours(v).size() + (directed ? view.in_neighbours(v).size() : 0));
        maxdeg = std::max(maxdeg, deg[v]);
    }
    // bucket sort by degree: vert[] ordered by degree, pos[v] its place, bin[d] first place
    std::vector<vertex_t> bin(std::size_t(maxdeg) + 2, 0), pos(n), vert(n);
    for (vertex_t v = 0; v < n; ++v) ++bin[deg[v] + 1];
    for (std::size_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
    {
        std::vector<vertex_t> next(bin.begin(), bin.end() - 1);
        for (vertex_t v = 0; v < n; ++v) {
            pos[v] = next[deg[v]]++;
            vert[pos[v]] = v;
        }
    }
    auto lower = [&](vertex_t u, vertex_t dv) {
        if (deg[u] <= dv) return;
        const vertex_t du = deg[u];
        const vertex_t pu = pos[u], pw = bin[du];
        const vertex_t w = vert[pw];
        if (u != w) {
            pos[u] = pw;
            vert[pu] = w;
            pos[w] = pu;
            vert[pw] = u;
        }
        ++bin[du];
        --deg[u];
    };
    for (vertex_t i = 0; i < n; ++i) {
        const vertex_t v = vert[i];
        const vertex_t dv = deg[v];
        for (vertex_t u : view.out_neighbours(v)) lower(u, dv);
        if (directed)
            for (vertex_t u : view.in_neighbours(v)) lower(u, dv);
    }
    return std::vector<std::size_t>(deg.begin(), deg.end());
}

}  // namespace ketennet::cohesion
