#pragma once
/// @file transitions.hpp
/// @brief Pair tables of an event log: handovers between the nodes (organisations, resources,
/// activities) of successive events of a case, with counts and waiting times. The common
/// kernel of handover_network and directly_follows, and the table the SQL engines
/// (kn.eventlog.aggregate) reproduce.
///
/// Definition (van der Aalst, Reijers & Song 2005, "Discovering social networks from event
/// logs", CSCW 14(6), section 4.1). For a case, let S = (s_1, ..., s_m) be the nodes of its
/// events in time order, leaving out events that have no node (an event no organisation
/// mapping covers: A, unknown, B gives a handover A -> B). With causality fall factor beta:
///
///     volume(a, b) = sum over cases, sum over i < j with s_i = a, s_j = b, of beta^(j-i-1)
///
/// where 0^0 = 1, so beta = 0 counts only direct successions (j = i + 1). `handovers` counts
/// the direct successions, `cases` the cases with at least one pair (a, b), and `share` is
/// volume / (sum of all volumes) -- the normalised metric of the paper and of pm4py's
/// discover_handover_of_work_network. Waiting times are over the direct successions only:
/// t(s_{i+1}) - t(s_i), from the last event at a to the first at b.
/// Self pairs (a, a) are kept only when `self_loops` is set (the paper and pm4py keep them).
///
/// Per node, `node_starts` counts the cases whose first event with a node is there and
/// `node_ends` those whose last one is there. With beta = 0 and no self pairs every visit (a
/// maximal run of events at one node) begins with a start or an arriving handover and ends
/// with a handover or the case's end, so for every node
///     visits = starts + handovers in = ends + handovers out.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::eventlog {

/// Options of the pair table.
struct TransitionOptions {
    double beta = 0.0;                ///< causality fall factor in [0, 1)
    bool self_loops = false;          ///< keep pairs (a, a)
    std::vector<double> quantiles{};  ///< further waiting-time quantiles in [0, 1]
    /// A time window [from, until) (ns since the epoch, UTC) for the pairs of one period:
    /// a pair (s_i, s_j) is counted when its receiving event s_j lies in the window (the
    /// handover belongs to the period in which the work arrives), its wait included. The table
    /// then holds the nodes with an event in the window or an end of a counted pair;
    /// node_events, node_starts and node_ends count the events, case starts and case ends in
    /// the window. Shares are over the window's volume. Default: the whole log.
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    std::int64_t until = std::numeric_limits<std::int64_t>::max();
    ProgressHandler progress{};       ///< progress and cancellation (see progress.hpp)
};

/// The pair table: one row per (source, target) that occurs. Times in seconds.
struct TransitionTable {
    std::vector<std::string> nodes;        ///< node names (those some event has), first-appearance order
    std::vector<std::int64_t> node_events; ///< events per node
    /// Cases whose first event with a node is at the node (cases entering the log there).
    std::vector<std::int64_t> node_starts;
    /// Cases whose last event with a node is at the node (cases ending there).
    std::vector<std::int64_t> node_ends;
    std::vector<std::int32_t> source, target;  ///< indices into nodes
    std::vector<double> volume;            ///< sum of beta^(j-i-1)
    std::vector<std::int64_t> handovers;   ///< direct successions
    std::vector<std::int64_t> cases;       ///< cases with this pair
    std::vector<double> share;             ///< volume / total volume
    std::vector<double> mean_seconds;      ///< mean wait of the direct successions (NaN: none)
    std::vector<double> median_seconds;    ///< median wait (linear interpolation)
    std::vector<std::vector<double>> quantile_seconds;  ///< one column per requested quantile
    std::vector<double> quantiles;         ///< the requested quantiles
    std::size_t skipped_events = 0;        ///< events without a node
    double total_volume = 0.0;
    double beta = 0.0;
    bool self_loops = false;
};

/// Counts per node pair (working together, subcontracting): `count` is the number the
/// metric counts, `share` its normalised value.
struct PairCounts {
    std::vector<std::string> nodes;
    std::vector<std::int64_t> node_events;
    std::vector<std::int32_t> source, target;
    std::vector<double> count;
    std::vector<double> share;
    std::size_t skipped_events = 0;
    std::size_t cases = 0;  ///< cases in the log (the usual denominator)
};

/// Builds the pair table of @p log over the nodes given by @p key. InputError for beta
/// outside [0, 1), a quantile outside [0, 1] or a window with from >= until; see the file
/// comment for the definition.
[[nodiscard]] TransitionTable transitions(const EventLog& log, const NodeKey& key,
                                          const TransitionOptions& opt = {});

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/transitions.ipp"
#endif
