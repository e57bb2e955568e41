#pragma once
/// @file chain_score.hpp
/// @brief One score card for a chain: end-to-end lead time (fastest and expected),
/// throughput and its bottleneck, fidelity, hand-offs on the typical path, attrition per
/// stage and feedback.
///
/// The chain enters at its first stage and ends at its last. Every indicator states the
/// layers it was computed on; an indicator the data cannot support (a field missing on the
/// layers it needs, no path) gets NaN and a note saying why, never a filled-in value.
///
/// Case records. A network built from an event log (eventlog::handover_network) records per
/// organisation the cases that start there (attribute `case_starts`: their first event with
/// an organisation is there) and end there (`case_ends`). When the network's organisations
/// carry them, items enter at the first stage in proportion to `case_starts`, are routed by
/// volume with an exit at every organisation:
///   P(u, v) = vol(u, v) / (out(u) + case_ends(u)),  stop at u: case_ends(u) / (out(u) + case_ends(u)),
/// and throughput is the expected number of the cases starting at the first stage that reach
/// the last stage (arrival share x their case_starts), the max-flow going to the note.
/// On a handover network (beta 0, no self loops) these equal the counts of the log
/// (kn.eventlog.journeys) exactly when every visit to an organisation outside the last stage
/// is made by a case that started at the first stage and has not yet reached the last stage:
/// (a) every case with an organisation starts at the first or the last stage, and (b) no
/// case visits an organisation outside the last stage after reaching it (no handover leaves
/// the last stage). Then the expected visits of the routed items are the observed visits
/// (each visit begins with a start or an arriving handover and ends with a handover or the
/// case's end). Otherwise the routing pools cases that differ (a case leaving the last stage
/// and coming back, cases starting elsewhere) and the figures are model values. Without the
/// attributes everything is as without case records: entry by out-volume, no exits, max-flow
/// throughput.
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/flow/feedback.hpp"
#include "ketennet/flow/fidelity.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/max_flow.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::flow {

/// Options of score_chain().
struct ChainScoreOptions {
    /// Layers for every indicator. Empty: each indicator uses the case layers in which every
    /// relation carries what it needs (select_case_layers), feedback the directed case and
    /// information layers (feedback_layers).
    std::vector<std::string> layers{};
    /// The capacity weight of throughput (a field or numeric attribute).
    std::string capacity = "capacity";
    /// Where a relation's capacity is unknown, use this value instead (empty: none, so the
    /// relation must have a capacity). The default, "volume", takes what a relation
    /// demonstrably carries; the note counts how many relations used it.
    std::string fallback = "volume";
    /// Progress and cancellation (see progress.hpp): the fraction of the indicators done,
    /// reported after each part of the score (lead time, expected lead time, throughput and
    /// bottlenecks, fidelity, expected fidelity, hand-offs, attrition, feedback); 1.0 at the
    /// end. A handler returning false stops the score with Cancelled.
    ProgressHandler progress{};
};

/// One indicator of a chain.
struct ChainIndicator {
    double value = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::string> layers;  ///< the layers it was computed on
    std::vector<vertex_t> path;       ///< a path, or organisations (bottlenecks)
    std::string note;                 ///< the basis, or why there is no value
};

/// Volumes around one stage (items per period, from the volume view of the attrition
/// layers). A relation counts for a stage when exactly one end is in the stage.
struct StageAttrition {
    std::string stage;
    double from_earlier = 0;   ///< into the stage from organisations of earlier stages
    double from_later = 0;     ///< into the stage from later stages only (returns)
    double from_outside = 0;   ///< into the stage from organisations in no stage
    double onward = 0;         ///< out to organisations of later stages
    double back = 0;           ///< out to earlier stages only
    double out_of_chain = 0;   ///< out to organisations in no stage
    /// Items handled by the stage: for the first stage its outflow (onward + back +
    /// out_of_chain: what enters the chain there), else from_earlier + from_later +
    /// from_outside.
    double inflow = 0;
    /// inflow - onward - back - out_of_chain: items that end in the stage when flows balance.
    /// Negative when the stage sends on more than it receives (figures from different
    /// years, or items that arise in the stage).
    double ends_here = 0;
    /// onward / inflow (NaN for the last stage, and when inflow is 0).
    double onward_share = std::numeric_limits<double>::quiet_NaN();
    /// out_of_chain / inflow (NaN when inflow is 0).
    double out_of_chain_share = std::numeric_limits<double>::quiet_NaN();
    /// 1 - onward_share: the share that does not flow on to a later stage (NaN for the last
    /// stage).
    double attrition = std::numeric_limits<double>::quiet_NaN();
};

/// The score of a chain. Organisations are vertex indices of the network.
struct ChainScore {
    std::string chain;
    std::vector<std::string> stage_names;
    std::vector<vertex_t> entry, exit;  ///< first and last stage
    ChainIndicator lead_time;           ///< fastest entry -> exit, days (latency)
    ChainIndicator expected_lead_time;  ///< volume-routed, over the items that arrive, days
    ChainIndicator arrival;             ///< share of entering items that reach the exit stage
    ChainIndicator throughput;          ///< max-flow entry -> exit, items per period (case records: cases)
    ChainIndicator bottlenecks;         ///< value: size of a minimum vertex cut; path: its members
    ChainIndicator fidelity;            ///< most reliable path entry -> exit (product of quality)
    ChainIndicator expected_fidelity;   ///< volume-routed, over the items that arrive
    ChainIndicator handoffs;            ///< ties on the most probable path entry -> exit
    ChainIndicator feedback_coverage;   ///< share of stage pairs with direct feedback
    ChainIndicator feedback_reach;      ///< share of stage pairs with feedback along paths
    ChainIndicator exit_reaches_entry;  ///< 1 or 0; path: a shortest exit -> entry path
    std::vector<StageAttrition> attrition;
    ChainIndicator attrition_basis;     ///< layers and note of the attrition table (value unused)
    FeedbackResult feedback;     ///< the full feedback result (when computable)
};

/// The case records of a network (see the file comment): `case_starts` and `case_ends` per
/// organisation. present: some organisation carries either; then error says what is wrong
/// (an organisation without both, a value that is not a number >= 0) or is empty.
struct CaseRecords {
    /// Some organisation carries `case_starts` or `case_ends`.
    bool present = false;
    /// Why the records cannot be used (empty when they can, or when none are present).
    std::string error;
    /// Cases starting / ending at each organisation, by vertex index (present and usable only).
    std::vector<double> starts, ends;

    /// InputError when the records are present but unusable.
    void require() const;
};

/// The organisation attributes of the case records.
inline constexpr const char* case_starts_attribute = "case_starts";
inline constexpr const char* case_ends_attribute = "case_ends";

/// Reads the case records of @p net: the organisation attributes `case_starts` and
/// `case_ends` (numbers >= 0, cases per period). Never throws: a record that cannot be used
/// is reported in CaseRecords::error, naming the organisation and the attribute, so that the
/// scorecard can show it as the note of the indicators that need it.
[[nodiscard]] CaseRecords case_records(const Network& net);

/// Scores @p chain on @p net. See the file comment and the fields of ChainScore.
///
/// Definitions (entry = the organisations of the first stage, exit = those of the last):
/// - lead_time: flow::lead_time from entry to exit on latency (parallel relations: min);
/// - expected_lead_time, arrival: flow::expected_lead_time of items entering at the entry
///   organisations in proportion to their out-volume, routed by volume to the exit (with
///   case records: entering by case_starts, exits case_ends; see the file comment);
/// - throughput: flow::max_flow entry -> exit on capacity (else the fallback), parallel
///   relations summed (with case records: the cases starting at the first stage that reach
///   the last, arrival share x their case_starts, routed on the volume layers; the max-flow
///   in the note); bottlenecks: flow::min_vertex_cut on the max-flow's layers;
/// - fidelity: flow::most_reliable_path on quality (parallel relations: max);
///   expected_fidelity: flow::expected_fidelity routed as the expected lead time;
/// - handoffs: the ties of flow::most_probable_path entry -> exit (the typical path);
/// - attrition per stage: StageAttrition on the volume view;
/// - feedback: flow::feedback over the stages.
/// InputError when the chain has fewer than two stages, an empty first or last stage, or an
/// organisation in both; UnknownId for unknown organisations or layers.
[[nodiscard]] ChainScore score_chain(const Network& net, const Chain& chain,
                              const ChainScoreOptions& opt = {});

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/chain_score.ipp"
#endif
