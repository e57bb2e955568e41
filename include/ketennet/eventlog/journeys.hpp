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
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/support/progress.hpp"

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
[[nodiscard]] JourneyTable journeys(const EventLog& log, const NodeKey& key,
                                    const JourneyOptions& opt = {});

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/journeys.ipp"
#endif
