#pragma once
/// @file compare.hpp
/// @brief Every scorecard indicator of two networks (before and after a change) side by
/// side, with the difference.
#include <string>
#include <vector>

#include "ketennet/model/network.hpp"
#include "ketennet/report/scorecard.hpp"

namespace ketennet::report {

/// One indicator of compare(): its key and unit as in the scorecard, both values and texts
/// and notes.
struct CompareRow {
    std::string goal, indicator, scope, subject;  ///< the key (see ScorecardRow)
    std::string unit, direction;
    double before = 0.0, after = 0.0;
    double difference = 0.0;  ///< after - before (NaN when either is NaN)
    std::string text_before, text_after;
    std::string note_before, note_after;
};

/// The scorecards of @p before and @p after scored as one batch (scorecard() of each with
/// @p options, then batch_rows()), side by side: the same (goal, indicator, scope, subject)
/// keys on both sides, organisations ranked in either network reported in both, and a NaN
/// only where a value cannot exist (an organisation that was removed: note "not an
/// organisation of this network"; a chain that can no longer be scored), with the reason in
/// note_before / note_after. Rows in scorecard order; difference = after - before.
///
/// options.chains: nullopt scores every chain of either network (in order of first
/// appearance, before's first); a named chain that neither network has is UnknownId
/// ("compare: no network has chain 'x' (chains: 'a', 'b')"). options.layers: each network
/// must have them (UnknownId, as scorecard()); options.log and options.progress serve both.
[[nodiscard]] std::vector<CompareRow> compare(const Network& before, const Network& after,
                                              const ScorecardOptions& options = {});

}  // namespace ketennet::report
