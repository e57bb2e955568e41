#pragma once
/// @file journeys.hpp
/// @brief Citizen journeys: per-case lead time, organisations visited, handovers, ping-pong,
/// repeated visits and waiting share; and the variants (organisation sequences) of a log.
///
/// For a case with events e_1..e_k in time order, the lead time is t(e_k) - t(e_1) (every
/// event counts, including those no organisation mapping covers). The visits are the maximal
/// runs of events at one organisation, leaving out events without one: A A ? A B gives the
/// visits (A, B). Then
/// - organisations = number of distinct organisations visited;
/// - handovers = visits - 1 (a change of organisation; A, unknown, B is one handover);
/// - ping_pong = number of i with V_i = V_{i+2} (A -> B -> A);
/// - repeated_visits = visits - organisations (returns to an organisation seen before);
/// - waiting = sum over handovers of t(first event of V_{i+1}) - t(last event of V_i), and
///   waiting_share = waiting / lead time (NaN when the lead time is 0).
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "ketennet/eventlog/transitions.hpp"

namespace ketennet::eventlog {

/// One row per case (in the log's case order). Times in ns.
struct JourneyTable {
    std::vector<std::int64_t> start, end, lead_ns, waiting_ns;
    std::vector<std::int32_t> events, unmapped, visits, organisations, handovers, ping_pong,
        repeated_visits;
    std::vector<std::int32_t> first_org, last_org;  ///< node indices, -1 = none
    std::vector<double> waiting_share;
    std::vector<std::string> nodes;                 ///< node names
    std::vector<std::int32_t> variant;              ///< variant index per case
    std::vector<std::vector<std::int32_t>> variants;  ///< visit sequence per variant (node indices)
    std::vector<std::int64_t> variant_cases;        ///< cases per variant
    std::size_t skipped_events = 0;
};

/// Options of journeys().
struct JourneyOptions {
    /// Repeated consecutive events at one node are one visit. false keeps them as separate
    /// visits (the "visits" are then the events with a node, which gives pm4py's activity
    /// variants with key = activity).
    bool collapse = true;
    /// Fill the variant fields; false leaves them empty (saves a hash table of all
    /// sequences on large logs).
    bool with_variants = true;
    ProgressHandler progress{};  ///< progress and cancellation (see progress.hpp)
};

/// Computes the journeys of every case (see JourneyOptions).
[[nodiscard]] inline JourneyTable journeys(const EventLog& log, const NodeKey& key,
                                           const JourneyOptions& opt = {}) {
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
