#pragma once
/// @file working_together.hpp
/// @brief The working-together network of an event log (van der Aalst, Reijers & Song 2005,
/// section 4.3): two organisations (resources) work together when they act in the same case.
#include <string>

#include "ketennet/core/config.hpp"
#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::eventlog {

/// For every unordered pair {a, b}, a != b, of nodes: count = the number of cases in which
/// both a and b have an event; share = count / (number of cases) -- the paper's "simple
/// metric" (each case counts once, however often a and b act in it). Events without a node
/// are skipped and counted. Rows come with source < target (first-appearance order).
/// pm4py's pandas variant divides by the number of events instead of cases (see
/// docs/eventlog.md); its log variant divides by the number of cases, as here.
[[nodiscard]] PairCounts working_together_counts(const EventLog& log, const NodeKey& key);

/// A PairCounts as a Network: organisations with attribute `events`, one tie layer (a
/// relation between organisations, not a flow of cases), relations with volume = count and
/// attribute `share`.
[[nodiscard]] Network network_from_pair_counts(const PairCounts& p, const std::string& name,
                                               const std::string& layer, bool directed,
                                               nlohmann::ordered_json meta);

/// The working-together network: an undirected layer "working together" (see
/// working_together_counts).
[[nodiscard]] Network working_together(const EventLog& log, const NodeKey& key);

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/working_together.ipp"
#endif
