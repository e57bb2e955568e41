#pragma once
/// @file working_together.ipp
/// @brief Definitions of eventlog/working_together.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/eventlog/working_together.hpp"
#include "ketennet/eventlog/detail/pairs.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::eventlog {

KETENNET_INLINE PairCounts working_together_counts(const EventLog& log, const NodeKey& key) {
    log.require_finalised();
    auto [codes_p, names_p] = log.nodes(key);
    const auto& codes = *codes_p;
    PairCounts out;
    const auto remap = detail::used_nodes(codes, *names_p, out.nodes, out.node_events, out.skipped_events);
    const std::size_t k = out.nodes.size();
    detail::PairIndex index(k);
    std::vector<std::int32_t> stamp(k, -1), present;
    const auto& off = log.case_offsets();
    out.cases = log.case_count();
    for (std::size_t c = 0; c < log.case_count(); ++c) {
        present.clear();
        for (auto i = off[c]; i < off[c + 1]; ++i) {
            const auto code = codes[std::size_t(i)];
            if (code < 0) continue;
            const auto v = remap[std::size_t(code)];
            if (stamp[std::size_t(v)] != std::int32_t(c)) {
                stamp[std::size_t(v)] = std::int32_t(c);
                present.push_back(v);
            }
        }
        std::sort(present.begin(), present.end());
        for (std::size_t x = 0; x < present.size(); ++x)
            for (std::size_t y = x + 1; y < present.size(); ++y) {
                bool added;
                const auto e = index.get(present[x], present[y], std::int32_t(out.source.size()), added);
                if (added) {
                    out.source.push_back(present[x]);
                    out.target.push_back(present[y]);
                    out.count.push_back(0.0);
                }
                out.count[std::size_t(e)] += 1.0;
            }
    }
    out.share.resize(out.count.size());
    for (std::size_t e = 0; e < out.count.size(); ++e) out.share[e] = out.count[e] / double(out.cases);
    return out;
}

KETENNET_INLINE Network network_from_pair_counts(const PairCounts& p, const std::string& name,
                                                 const std::string& layer, bool directed,
                                                 nlohmann::ordered_json meta) {
    Network net(name);
    net.add_layer(layer, directed, LayerKind::tie);
    for (std::size_t v = 0; v < p.nodes.size(); ++v) {
        Organisation o;
        o.id = p.nodes[v];
        o.attributes.emplace("events", double(p.node_events[v]));
        net.add_organisation(std::move(o));
    }
    RelationColumns rc;
    rc.source.assign(p.source.begin(), p.source.end());
    rc.target.assign(p.target.begin(), p.target.end());
    rc.layer.assign(p.source.size(), 0);
    rc.fields[0] = p.count;
    AttributeColumn a;
    a.name = "share";
    a.numbers = p.share;
    rc.attributes.push_back(std::move(a));
    net.add_relations(rc);
    meta["source"] = "event log";
    meta["skipped_events"] = p.skipped_events;
    meta["cases"] = p.cases;
    net.set_metadata(std::move(meta));
    return net;
}

KETENNET_INLINE Network working_together(const EventLog& log, const NodeKey& key) {
    return network_from_pair_counts(working_together_counts(log, key), "working together",
                                    "working together", false, nlohmann::ordered_json::object());
}

}  // namespace ketennet::eventlog
