#pragma once
/// @file subcontracting.hpp
/// @brief The subcontracting network of an event log (van der Aalst, Reijers & Song 2005,
/// section 4.2): a subcontracts b when, within a case, b works in between two events of a.
#include "ketennet/core/config.hpp"
#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/eventlog/transitions.hpp"
#include "ketennet/eventlog/working_together.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::eventlog {

/// Options of subcontracting() and subcontracting_counts().
struct SubcontractingOptions {
    int n = 2;               ///< the window: a ... a with n - 1 events in between (n >= 2)
    bool self_loops = false; ///< keep pairs (a, a) (pm4py keeps them)
};

/// For a case with node sequence S = (s_1, ..., s_m) (events without a node left out), and
/// window n >= 2: for every i with s_i = s_{i+n}, every s_j with i < j < i + n adds one to
/// count(s_i, s_j). share = count / (number of cases), the normalisation of pm4py's
/// discover_subcontracting_network. Pairs (a, a) are kept only with
/// SubcontractingOptions::self_loops (pm4py keeps them). pm4py 2.7 adds the in-between events only for the first position at which
/// each a is found (an indentation slip); this follows the paper and counts every position.
[[nodiscard]] PairCounts subcontracting_counts(const EventLog& log, const NodeKey& key,
                                               const SubcontractingOptions& opt = {});

/// The subcontracting network: a directed layer "subcontracting" (see subcontracting_counts).
[[nodiscard]] Network subcontracting(const EventLog& log, const NodeKey& key,
                                     const SubcontractingOptions& opt = {});

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/subcontracting.ipp"
#endif
