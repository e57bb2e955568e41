#pragma once
/// @file handover.hpp
/// @brief The handover-of-work network of an event log (van der Aalst, Reijers & Song 2005),
/// as a ketennet Network whose "case" layer carries volume and latency.
#include <string>

#include "ketennet/core/config.hpp"
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
[[nodiscard]] Network network_from_transitions(const TransitionTable& t, const std::string& name,
                                               const std::string& layer = "case", bool directed = true);

/// The handover-of-work network: who passes work to whom, within cases.
///
/// Nodes are the organisations (or resources, activities, a string attribute: @p key) that
/// some event has; events without a node are skipped and counted (metadata
/// "skipped_events"): A, unknown, B is a handover A -> B. Definition and normalisation in
/// transitions.hpp (van der Aalst, Reijers & Song 2005; pm4py's
/// discover_handover_of_work_network gives `share` when self_loops is set).
[[nodiscard]] Network handover_network(const EventLog& log, const NodeKey& key,
                                       const TransitionOptions& opt = {});

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/handover.ipp"
#endif
