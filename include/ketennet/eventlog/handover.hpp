#pragma once
/// @file handover.hpp
/// @brief The handover-of-work network of an event log (van der Aalst, Reijers & Song 2005),
/// as a ketennet Network whose "case" layer carries volume and latency.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::eventlog {

/// Names of the organisation attributes that record where cases start and end: the cases
/// whose first (last) event with an organisation is at the organisation. flow::score_chain
/// reads them (flow/chain_score.hpp: items enter where cases start and leave where they end).
inline constexpr const char* case_starts_attribute = "case_starts";
inline constexpr const char* case_ends_attribute = "case_ends";

/// Turns a pair table into a Network: one organisation per node (attributes `events`,
/// `case_starts`, `case_ends`: events there, cases starting and ending there), one case
/// layer @p layer (LayerKind::cases, directed or not) and one relation per pair with
/// - volume = the pair's volume (handovers when beta = 0; weighted by beta^(j-i-1) otherwise),
/// - latency = the median waiting time in days (unknown when the pair has no direct
///   succession), and attributes `handovers`, `cases`, `share`, `latency_mean` (days) and
///   `latency_q<100 q>` (days) for each requested quantile.
/// The network's metadata records the beta, the self-loop choice and the skipped events.
[[nodiscard]] inline Network network_from_transitions(const TransitionTable& t, const std::string& name,
                                        const std::string& layer = "case", bool directed = true) {
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

/// The handover-of-work network: who passes work to whom, within cases.
///
/// Nodes are the organisations (or resources, activities, a string attribute: @p key) that
/// some event has; events without a node are skipped and counted (metadata
/// "skipped_events"): A, unknown, B is a handover A -> B. Definition and normalisation in
/// transitions.hpp (van der Aalst, Reijers & Song 2005; pm4py's
/// discover_handover_of_work_network gives `share` when self_loops is set).
[[nodiscard]] inline Network handover_network(const EventLog& log, const NodeKey& key,
                                const TransitionOptions& opt = {}) {
    return network_from_transitions(transitions(log, key, opt), "handover of work");
}

}  // namespace ketennet::eventlog
