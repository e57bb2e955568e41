#pragma once
/// @file null_model.ipp
/// @brief Definitions of resilience/null_model.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/resilience/null_model.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/support/random.hpp"

namespace ketennet::resilience {

KETENNET_INLINE Network null_model(const Network& net, const NullModelOptions& opt) {
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
    // the work of a layer: its relations to place (erdos_renyi) or its swaps (configuration)
    auto moving = [&](std::size_t l) {
        std::vector<std::size_t> rels;  // relations that move (no self-loops for configuration)
        for (std::size_t i : of_layer[l])
            if (opt.kind == NullModel::erdos_renyi || ends[i].first != ends[i].second)
                rels.push_back(i);
        return rels;
    };
    auto work = [&](std::size_t m) {
        if (opt.kind == NullModel::erdos_renyi) return m;
        return m < 2 ? std::size_t(0) : opt.swaps_per_relation * m;
    };
    std::size_t total = 0, finished = 0;
    if (opt.progress)
        for (std::size_t l = 0; l < L; ++l) total += work(moving(l).size());
    auto report = [&](std::size_t done) {
        if (opt.progress && total > 0)
            report_progress(opt.progress, double(finished + done) / double(total));
    };
    for (std::size_t l = 0; l < L; ++l) {
        const bool directed = net.layers()[l].directed;
        SplitMix64 rng(opt.seed, l);
        const std::vector<std::size_t> rels = moving(l);
        const std::size_t m = rels.size();
        std::unordered_set<std::uint64_t> used;
        if (opt.kind == NullModel::erdos_renyi) {
            const double pairs = double(n) * double(n > 0 ? n - 1 : 0) / (directed ? 1.0 : 2.0);
            if (double(m) > pairs)
                throw InputError("null_model: layer '" + net.layers()[l].name + "' has " +
                                 std::to_string(m) + " relations, more than the " +
                                 std::to_string(std::size_t(pairs)) +
                                 " distinct pairs of organisations");
            std::size_t placed = 0;
            for (std::size_t i : rels) {
                while (true) {
                    const auto a = vertex_t(rng.below(n));
                    const auto b = vertex_t(rng.below(n));
                    if (a == b || !used.insert(key(a, b, directed)).second) continue;
                    ends[i] = {a, b};
                    break;
                }
                if (++placed % null_model_progress_batch == 0) report(placed);
            }
            finished += work(m);
            continue;
        }
        if (m < 2) continue;
        for (std::size_t i : rels) used.insert(key(ends[i].first, ends[i].second, directed));
        const std::size_t nswap = opt.swaps_per_relation * m;
        const std::size_t max_tries = 100 * nswap;
        std::size_t done = 0;
        for (std::size_t tries = 0; done < nswap && tries < max_tries; ++tries) {
            if (tries != 0 && tries % null_model_progress_batch == 0) report(done);
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
        finished += nswap;
    }
    for (std::size_t i = 0; i < net.relation_count(); ++i) {
        Relation r = net.relation(i);
        r.source = net.organisation(ends[i].first).id;
        r.target = net.organisation(ends[i].second).id;
        out.add_relation(r);
    }
    for (const auto& c : net.chains()) out.add_chain(c);
    report_progress(opt.progress, 1.0);
    return out;
}

}  // namespace ketennet::resilience
