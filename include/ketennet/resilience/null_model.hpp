#pragma once
/// @file null_model.hpp
/// @brief Null models: random networks of the same size (and degrees) as a given one, so
/// that a resilience result can be read against chance.
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/support/random.hpp"

namespace ketennet::resilience {

/// Which null model.
enum class NullModel {
    /// Degree-preserving rewiring (Maslov & Sneppen 2002): repeated double-edge swaps
    /// a-b, c-d -> a-d, c-b that keep every organisation's degree (in- and out-degree in a
    /// directed layer) in every layer: the configuration model by Markov chain.
    configuration,
    /// G(n, m) (Erdos & Renyi 1959): each layer's relations placed on uniformly random
    /// distinct pairs of organisations (no self-loops).
    erdos_renyi,
};

/// Options of null_model().
struct NullModelOptions {
    NullModel kind = NullModel::configuration;
    std::uint64_t seed = 0;
    /// configuration: swaps attempted per relation of a layer (NetworkX's double_edge_swap
    /// takes nswap and max_tries; here nswap = swaps_per_relation * m, at most 100 times as
    /// many attempts).
    std::size_t swaps_per_relation = 10;
};

/// A random network with the same organisations (ids, names, sectors, attributes), layers,
/// chains and number of relations per layer as @p net. Every relation keeps its fields and
/// attributes (volume, capacity, ...) but connects new organisations:
/// - configuration: rewired by double-edge swaps within its layer, so every organisation
///   keeps its degree per layer; self-loops stay where they are; swaps that would create a
///   self-loop or a duplicate are rejected;
/// - erdos_renyi: placed on a uniformly random pair of distinct organisations not yet used
///   in its layer (an undirected layer: unordered pairs).
/// Deterministic for a seed (layer l uses the random stream SplitMix64(seed, l)).
/// InputError when a layer has more relations than distinct pairs (erdos_renyi).
[[nodiscard]] inline Network null_model(const Network& net, const NullModelOptions& opt = {}) {
    Network out(net.name());
    out.set_metadata(net.metadata());
    for (const auto& l : net.layers()) out.add_layer(l.name, l.directed, l.kind);
    for (const auto& o : net.organisations()) out.add_organisation(o);
    const std::size_t n = net.organisation_count();
    const std::size_t L = net.layers().size();
    std::vector<std::vector<std::size_t>> of_layer(L);
    for (std::size_t i = 0; i < net.relation_count(); ++i) of_layer[net.relation_layer(i)].push_back(i);
    std::vector<std::pair<vertex_t, vertex_t>> ends(net.relation_count());
    for (std::size_t i = 0; i < net.relation_count(); ++i)
        ends[i] = {net.relation_source(i), net.relation_target(i)};
    auto key = [n](vertex_t a, vertex_t b, bool directed) {
        if (!directed && a > b) std::swap(a, b);
        return std::uint64_t(a) * std::uint64_t(n) + b;
    };
    for (std::size_t l = 0; l < L; ++l) {
        const bool directed = net.layers()[l].directed;
        SplitMix64 rng(opt.seed, l);
        std::vector<std::size_t> rels;  // relations that move (no self-loops for configuration)
        for (std::size_t i : of_layer[l])
            if (opt.kind == NullModel::erdos_renyi || ends[i].first != ends[i].second)
                rels.push_back(i);
        const std::size_t m = rels.size();
        std::unordered_set<std::uint64_t> used;
        if (opt.kind == NullModel::erdos_renyi) {
            const double pairs = double(n) * double(n > 0 ? n - 1 : 0) / (directed ? 1.0 : 2.0);
            if (double(m) > pairs)
                throw InputError("null_model: layer '" + net.layers()[l].name + "' has " +
                                 std::to_string(m) + " relations, more than the " +
                                 std::to_string(std::size_t(pairs)) +
                                 " distinct pairs of organisations");
            for (std::size_t i : rels) {
                while (true) {
                    const auto a = vertex_t(rng.below(n));
                    const auto b = vertex_t(rng.below(n));
                    if (a == b || !used.insert(key(a, b, directed)).second) continue;
                    ends[i] = {a, b};
                    break;
                }
            }
            continue;
        }
        if (m < 2) continue;
        for (std::size_t i : rels) used.insert(key(ends[i].first, ends[i].second, directed));
        const std::size_t nswap = opt.swaps_per_relation * m;
        const std::size_t max_tries = 100 * nswap;
        std::size_t done = 0;
        for (std::size_t tries = 0; done < nswap && tries < max_tries; ++tries) {
            const std::size_t i = rels[rng.below(m)], j = rels[rng.below(m)];
            if (i == j) continue;
            auto [a, b] = ends[i];
            auto [c, d] = ends[j];
            if (!directed && (rng.next() & 1)) std::swap(c, d);
            if (a == d || c == b || a == c || b == d) continue;
            const std::uint64_t k1 = key(a, d, directed), k2 = key(c, b, directed);
            if (used.count(k1) || used.count(k2)) continue;
            used.erase(key(a, b, directed));
            used.erase(key(c, d, directed));
            used.insert(k1);
            used.insert(k2);
            ends[i] = {a, d};
            ends[j] = {c, b};
            ++done;
        }
    }
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        Relation r = net.relation(i);
        r.source = net.organisation(ends[i].first).id;
        r.target = net.organisation(ends[i].second).id;
        out.add_relation(r);
    }
    for (const auto& c : net.chains()) out.add_chain(c);
    return out;
}

}  // namespace ketennet::resilience
