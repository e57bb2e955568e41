#pragma once
/// @file temporal_reach.hpp
/// @brief Time-respecting paths in the handover contacts of an event log: which organisation
/// can pass a case's information to which, and how fast; and the share of cases whose
/// organisation sequence follows a chain's stage order.
///
/// The temporal network (Holme & Saramäki 2012, "Temporal networks", Physics Reports 519(3),
/// a contact sequence) is the stream of handover contacts of the log: for every case, every
/// direct succession of two events with different nodes (handover.hpp's definition: events
/// without a node are left out, so A, unknown, B is a contact A -> B; a pair (a, a) is no
/// contact) gives the contact (a, b, d, t): it departs at d, the time of the sending event
/// (the last event at a), and arrives at t >= d, the time of the receiving event (the first
/// at b). Its latency t - d is the handover's waiting time of transitions.hpp: a handover
/// takes time.
///
/// A time-respecting path from s to v is a sequence of contacts
/// (s, x_1, d_1, t_1), (x_1, x_2, d_2, t_2), ..., (x_{k-1}, v, d_k, t_k) in which each step
/// departs no earlier than the previous one arrived, d_{i+1} >= t_i (a handover that arrives
/// at an instant may be passed on at that instant), and with a waiting limit W (Pan &
/// Saramäki 2011, "Path lengths, correlations, and centrality in temporal networks", Phys.
/// Rev. E 84, 016105) also d_{i+1} - t_i <= W for every i: information waits at most W at an
/// organisation before it is passed on. Its departure is d_1, its arrival t_k and its
/// duration t_k - d_1. For every ordered pair (s, v), s != v:
/// - reachable: some time-respecting path runs from s to v;
/// - fastest: the smallest duration over those paths (Wu et al. 2014's fastest path; for a
///   pair with direct handovers at most the smallest of their latencies);
/// - first_arrival: the smallest arrival over those paths (Wu et al. 2014's earliest-arrival
///   path from the log's first contact).
/// reach(s) = the number of v != s that s reaches; reached_by(v) = the number of s that reach
/// v. tsna's tReach counts the seed as well: tReach = reach + 1. When every latency is 0 the
/// reachable sets are tsna's forward.reachable and tPath sets (no waiting limit; tsna takes
/// one traversal time for every edge, graph.step.time, not a latency per contact).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/model/chain.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::eventlog {

/// "No waiting limit" for TemporalReachOptions::within_ns.
inline constexpr std::int64_t no_wait_limit = -1;

/// The handover contacts of a log: contact i is source[i] -> target[i], departing at
/// departure[i] and arriving at arrival[i] (ns since the epoch) within case case_index[i]; in
/// the log's case order, by time within a case.
struct HandoverContacts {
    std::vector<std::string> nodes;  ///< node names (those some event has), first-appearance order
    std::vector<std::int32_t> source, target;  ///< indices into nodes
    std::vector<std::int64_t> departure;       ///< time of the sending event, ns
    std::vector<std::int64_t> arrival;         ///< time of the receiving event, ns (>= departure)
    std::vector<std::int32_t> case_index;      ///< the log's case index of each contact
    std::size_t skipped_events = 0;            ///< events without a node
};

/// The contact stream of @p log over the nodes given by @p key (see the file comment).
[[nodiscard]] HandoverContacts handover_contacts(const EventLog& log, const NodeKey& key);

/// How a case's organisation sequence relates to a stage order (see stage_order()).
enum class StageOrderCase : std::int8_t {
    respects = 0,        ///< the stage indices can be chosen non-decreasing
    violates = 1,        ///< they cannot: the case goes back to an earlier stage
    unstaged = 2,        ///< some organisation of the case is in no stage
    no_organisation = 3  ///< no event of the case has an organisation
};

/// The stage order of a log's cases.
struct StageOrder {
    std::vector<StageOrderCase> cases;  ///< per case, in the log's case order
    std::int64_t respecting = 0, violating = 0, unstaged = 0, no_organisation = 0;
    /// respecting / (respecting + violating); NaN when both are 0.
    double share = 0.0;
    /// The nodes that are in no stage, in first-appearance order.
    std::vector<std::string> unstaged_nodes;
};

/// The stage order of each case of @p log: with the case's nodes s_1, ..., s_m in time order
/// (events without a node left out) and stage(x) the indices of the stages that list x (an
/// organisation may act in several stages), the case *respects* the order when indices
/// i_j in stage(s_j) can be chosen with i_1 <= i_2 <= ... <= i_m (taking each time the
/// smallest index not below the previous one decides it); otherwise it *violates* it. A case
/// with a node in no stage is *unstaged* and a case without nodes has *no_organisation*:
/// both are counted apart, never in the share. InputError for no stages or an empty
/// organisation id.
[[nodiscard]] StageOrder stage_order(const EventLog& log, const NodeKey& key,
                                     const std::vector<Stage>& stages);

/// Options of temporal_reach().
struct TemporalReachOptions {
    /// The waiting limit W in ns (>= 0), or no_wait_limit.
    std::int64_t within_ns = no_wait_limit;
    /// A stage order for stage_order(); empty: none is computed.
    std::vector<Stage> stages{};
    unsigned threads = 0;        ///< 0: default_threads(); the result is the same for any count
    ProgressHandler progress{};  ///< progress and cancellation (see progress.hpp)
};

/// Time-respecting reachability of every ordered pair. Pair (s, v) is row s * n + v of the
/// n x n row-major arrays (the diagonal is unused: reachable 0, times missing_int).
struct TemporalReach {
    std::vector<std::string> nodes;
    std::vector<std::uint8_t> reachable;        ///< 1 when s reaches v
    std::vector<std::int64_t> fastest_ns;       ///< smallest duration; missing_int: unreachable
    std::vector<std::int64_t> first_arrival_ns; ///< smallest arrival; missing_int: unreachable
    std::vector<std::int32_t> reach;            ///< per node: the nodes it reaches
    std::vector<std::int32_t> reached_by;       ///< per node: the nodes that reach it
    std::size_t contacts = 0;                   ///< contacts in the stream
    std::size_t skipped_events = 0;             ///< events without a node
    std::int64_t within_ns = no_wait_limit;
    bool with_stage_order = false;
    StageOrder stage_order{};                   ///< when options.stages was given
};

/// Time-respecting reachability of a contact stream (any order of contacts). One pass per
/// source over the contacts sorted by departure, as Wu et al. (2014), "Path problems in
/// temporal graphs", PVLDB 7(9), 721-732, compute fastest paths over edges with a traversal
/// time: each node keeps the pairs (departure, arrival) of the paths from the source that
/// have arrived there and that no other pair beats on both (a later departure is a shorter
/// duration, a later arrival a longer window for the waiting limit); a contact (x, y, d, t)
/// extends the pair of x with the latest departure among those that arrived in [d - W, d],
/// and its pair (departure, t) joins y's pairs once the pass reaches time t. Contacts that
/// arrive at the instant they depart are relaxed until nothing changes (they may chain).
/// O(C log C + n C) time for n nodes and C contacts (and more when many contacts of latency
/// 0 share an instant); the sources run in parallel (opt.threads), each writing its own row.
/// InputError for a negative within_ns other than no_wait_limit, a node index out of range,
/// a contact without a time or arriving before it departs, or unequal column lengths.
[[nodiscard]] TemporalReach temporal_reach(const HandoverContacts& contacts,
                                           const TemporalReachOptions& opt = {});

/// temporal_reach() of the handover contacts of @p log, with the stage order of its cases
/// when opt.stages is not empty.
[[nodiscard]] TemporalReach temporal_reach(const EventLog& log, const NodeKey& key,
                                           const TemporalReachOptions& opt = {});

namespace reference {

/// The definition, plainly: for every contact (s, x, d, t) out of s, a breadth-first search
/// over contacts (a contact (y, z, d', t') follows (x, y, d, t) when t <= d' <= t + W)
/// records every node a path reaches with its arrival and duration. O(n C^2); for tests on
/// small streams.
[[nodiscard]] TemporalReach temporal_reach(const HandoverContacts& contacts,
                                           const TemporalReachOptions& opt = {});

}  // namespace reference

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/temporal_reach.ipp"
#endif
