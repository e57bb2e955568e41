#pragma once
/// @file journeys.ipp
/// @brief Definitions of eventlog/journeys.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "ketennet/eventlog/journeys.hpp"
#include "ketennet/eventlog/detail/pairs.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::eventlog {

KETENNET_INLINE JourneyTable journeys(const EventLog& log, const NodeKey& key,
                                      const JourneyOptions& opt) {
    const bool collapse = opt.collapse, with_variants = opt.with_variants;
    const ProgressHandler& progress = opt.progress;
    log.require_finalised();
    auto [codes_p, names_p] = log.nodes(key);
    const auto& codes = *codes_p;
    JourneyTable j;
    std::vector<std::int64_t> node_events;
    const auto remap = detail::used_nodes(codes, *names_p, j.nodes, node_events, j.skipped_events);
    const std::size_t nc = log.case_count();
    j.start.resize(nc);
    j.end.resize(nc);
    j.lead_ns.resize(nc);
    j.waiting_ns.resize(nc);
    j.events.resize(nc);
    j.unmapped.resize(nc);
    j.visits.resize(nc);
    j.organisations.resize(nc);
    j.handovers.resize(nc);
    j.ping_pong.resize(nc);
    j.repeated_visits.resize(nc);
    j.first_org.resize(nc);
    j.last_org.resize(nc);
    j.waiting_share.resize(nc);
    if (with_variants) j.variant.resize(nc);
    std::vector<std::int32_t> stamp(j.nodes.size(), -1), visits;
    std::unordered_map<std::string, std::int32_t> variant_index;
    std::string vkey;
    const auto& off = log.case_offsets();
    const auto& time = log.time;
    for (std::size_t c = 0; c < nc; ++c) {
        if ((c & 0xFFFF) == 0) report_progress(progress, double(c) / double(nc));
        const auto b = std::size_t(off[c]), e = std::size_t(off[c + 1]);
        j.start[c] = time[b];
        j.end[c] = time[e - 1];
        j.lead_ns[c] = time[e - 1] - time[b];
        j.events[c] = std::int32_t(e - b);
        visits.clear();
        std::int32_t distinct = 0, unmapped = 0;
        std::int64_t waiting = 0, last_time = 0;
        for (std::size_t i = b; i < e; ++i) {
            if (codes[i] < 0) {
                ++unmapped;
                continue;
            }
            const auto v = remap[std::size_t(codes[i])];
            if (stamp[std::size_t(v)] != std::int32_t(c)) {
                stamp[std::size_t(v)] = std::int32_t(c);
                ++distinct;
            }
            if (visits.empty() || !collapse || visits.back() != v) {
                if (!visits.empty() && visits.back() != v) waiting += time[i] - last_time;
                visits.push_back(v);
            }
            last_time = time[i];
        }
        std::int32_t handovers = 0, pp = 0;
        for (std::size_t k = 0; k + 1 < visits.size(); ++k) handovers += visits[k] != visits[k + 1];
        for (std::size_t k = 0; k + 2 < visits.size(); ++k)
            pp += visits[k] == visits[k + 2] && visits[k] != visits[k + 1];
        j.unmapped[c] = unmapped;
        j.visits[c] = std::int32_t(visits.size());
        j.organisations[c] = distinct;
        j.handovers[c] = handovers;
        j.ping_pong[c] = pp;
        j.repeated_visits[c] = std::int32_t(visits.size()) - distinct;
        j.first_org[c] = visits.empty() ? -1 : visits.front();
        j.last_org[c] = visits.empty() ? -1 : visits.back();
        j.waiting_ns[c] = waiting;
        j.waiting_share[c] = j.lead_ns[c] > 0 ? double(waiting) / double(j.lead_ns[c])
                                              : std::numeric_limits<double>::quiet_NaN();
        if (!with_variants) continue;
        vkey.assign(reinterpret_cast<const char*>(visits.data()), visits.size() * sizeof(std::int32_t));
        auto [it, added] = variant_index.emplace(vkey, std::int32_t(j.variants.size()));
        if (added) {
            j.variants.push_back(visits);
            j.variant_cases.push_back(0);
        }
        ++j.variant_cases[std::size_t(it->second)];
        j.variant[c] = it->second;
    }
    report_progress(progress, 1.0);
    return j;
}

}  // namespace ketennet::eventlog
