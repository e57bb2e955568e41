#pragma once
/// @file handover.ipp
/// @brief Definitions of eventlog/handover.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/eventlog/handover.hpp"
#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::eventlog {

KETENNET_INLINE Network network_from_transitions(const TransitionTable& t, const std::string& name,
                                                 const std::string& layer, bool directed) {
    Network net(name);
    net.add_layer(layer, directed, LayerKind::cases);
    for (std::size_t v = 0; v < t.nodes.size(); ++v) {
        Organisation o;
        o.id = t.nodes[v];
        o.attributes.emplace("events", double(t.node_events[v]));
        if (v < t.node_starts.size()) {
            o.attributes.emplace(case_starts_attribute, double(t.node_starts[v]));
            o.attributes.emplace(case_ends_attribute, double(t.node_ends[v]));
        }
        net.add_organisation(std::move(o));
    }
    RelationColumns rc;
    const std::size_t ne = t.source.size();
    rc.source.assign(t.source.begin(), t.source.end());
    rc.target.assign(t.target.begin(), t.target.end());
    rc.layer.assign(ne, 0);
    rc.fields[0] = t.volume;
    rc.fields[1].resize(ne);
    constexpr double day = 86400.0;
    for (std::size_t e = 0; e < ne; ++e) rc.fields[1][e] = t.median_seconds[e] / day;
    auto number = [&](const std::string& n, std::vector<double> v) {
        AttributeColumn a;
        a.name = n;
        a.kind = AttributeColumn::Kind::number;
        a.numbers = std::move(v);
        rc.attributes.push_back(std::move(a));
    };
    number("handovers", std::vector<double>(t.handovers.begin(), t.handovers.end()));
    number("cases", std::vector<double>(t.cases.begin(), t.cases.end()));
    number("share", t.share);
    std::vector<double> mean(ne);
    for (std::size_t e = 0; e < ne; ++e) mean[e] = t.mean_seconds[e] / day;
    number("latency_mean", std::move(mean));
    for (std::size_t q = 0; q < t.quantiles.size(); ++q) {
        std::vector<double> v(ne);
        for (std::size_t e = 0; e < ne; ++e) v[e] = t.quantile_seconds[q][e] / day;
        char buf[32];
        std::snprintf(buf, sizeof buf, "latency_q%g", t.quantiles[q] * 100.0);
        number(buf, std::move(v));
    }
    rc.record = "handover";
    net.add_relations(rc);
    nlohmann::ordered_json meta;
    meta["source"] = "event log";
    meta["beta"] = t.beta;
    meta["self_loops"] = t.self_loops;
    meta["skipped_events"] = t.skipped_events;
    meta["latency_unit"] = "days";
    net.set_metadata(std::move(meta));
    return net;
}

KETENNET_INLINE Network handover_network(const EventLog& log, const NodeKey& key,
                                         const TransitionOptions& opt) {
    return network_from_transitions(transitions(log, key, opt), "handover of work");
}

}  // namespace ketennet::eventlog
