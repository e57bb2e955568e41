#pragma once
/// @file multiplexity.ipp
/// @brief Definitions of cohesion/multiplexity.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/cohesion/multiplexity.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE Multiplexity multiplexity(const Network& net, const std::vector<std::string>& layers) {
    Multiplexity out;
    std::vector<std::int64_t> slot(net.layers().size(), -1);
    if (layers.empty()) {
        for (std::size_t l = 0; l < net.layers().size(); ++l) slot[l] = std::int64_t(l);
    } else {
        for (const auto& name : layers) slot[net.layer_position(name)] = 0;
        std::int64_t k = 0;
        for (auto& s : slot)
            if (s >= 0) s = k++;
    }
    for (std::size_t l = 0; l < net.layers().size(); ++l)
        if (slot[l] >= 0) out.layers.push_back(net.layers()[l].name);
    const std::size_t L = out.layers.size();
    struct T { vertex_t u, v; std::uint32_t l; };
    std::vector<T> ties;
    ties.reserve(net.relation_count());
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        const std::int64_t s = slot[net.relation_layer(i)];
        vertex_t u = net.relation_source(i), v = net.relation_target(i);
        if (s < 0 || u == v) continue;
        if (u > v) std::swap(u, v);
        ties.push_back({u, v, std::uint32_t(s)});
    }
    std::sort(ties.begin(), ties.end(), [](const T& x, const T& y) {
        return x.u != y.u ? x.u < y.u : x.v != y.v ? x.v < y.v : x.l < y.l;
    });
    ties.erase(std::unique(ties.begin(), ties.end(),
                           [](const T& x, const T& y) { return x.u == y.u && x.v == y.v && x.l == y.l; }),
               ties.end());
    std::vector<double> both(L * L, 0.0);
    out.pairs_per_layer.assign(L, 0);
    std::size_t multiplex = 0;
    for (std::size_t i = 0; i < ties.size();) {
        MultiplexPair p{ties[i].u, ties[i].v, {}};
        std::size_t j = i;
        while (j < ties.size() && ties[j].u == ties[i].u && ties[j].v == ties[i].v)
            p.layers.push_back(ties[j++].l);
        for (auto a : p.layers) {
            ++out.pairs_per_layer[a];
            for (auto b : p.layers) both[a * L + b] += 1.0;
        }
        if (p.layers.size() >= 2) ++multiplex;
        out.pairs.push_back(std::move(p));
        i = j;
    }
    if (!out.pairs.empty()) out.multiplex_share = double(multiplex) / double(out.pairs.size());
    out.jaccard.assign(L * L, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t a = 0; a < L; ++a)
        for (std::size_t b = 0; b < L; ++b) {
            const double uni = double(out.pairs_per_layer[a] + out.pairs_per_layer[b]) - both[a * L + b];
            if (uni > 0) out.jaccard[a * L + b] = both[a * L + b] / uni;
        }
    return out;
}

}  // namespace ketennet::cohesion
