/// @file scorecard.hpp
/// @brief The scorecard: the inspectorate's indicators of a network by its four goals
/// (resilience, learning capacity, effective chains and networks, citizen perspective), as
/// rows and as text.
///
/// The highest layer of the library: it reads every algorithm area and nothing but the
/// umbrella header includes it. The implementation is compiled (src/report/scorecard.cpp,
/// in the library of the ketennet::ketennet target), so this header holds declarations only.
///
/// A scorecard is a list of rows, one per indicator, with the columns of ScorecardRow:
/// - goal: one of goals() (Inspectie JenV, Meerjarenperspectief 2021-2024); every scorecard
///   has rows for all four;
/// - scope: "network", "layer", "chain", "sector" or "organisation"; subject: which one
///   ("" for the network itself);
/// - value: NaN when the indicator cannot be computed (note says why); yes/no indicators are
///   1 / 0 with text "yes" / "no"; a text result (a governance mode) has value NaN and the
///   text in text;
/// - direction: "higher" / "lower" is better, or "context" where the literature reads the
///   value against the network's task;
/// - layers: the layers the row was computed on (chain indicators: the case layers;
///   indicators called "collaboration ...": the tie layers); note: why a value is missing,
///   or its basis.
/// For given options every network yields the same (goal, indicator, scope, subject) keys
/// apart from the organisations ranked (brokers, vulnerable organisations). A batch of
/// networks reports, for each ranked indicator, the union of the organisations any network
/// ranks (batch_rows()), so the rows of a batch align.
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::report {

/// One of the inspectorate's four goals: its key, Dutch and English names.
struct Goal {
    const char* key;
    const char* dutch;
    const char* english;
};

/// The four goals in the order the inspectorate lists them.
[[nodiscard]] const std::array<Goal, 4>& goals();

/// Efficiency vulnerability costs O(n^2 m): computed up to this many organisations.
inline constexpr std::size_t vulnerability_max = 500;
/// Robustness simulations: computed up to this many organisations.
inline constexpr std::size_t simulation_max = 20000;
/// Targeted attacks recompute betweenness up to this many organisations, else degree.
inline constexpr std::size_t betweenness_attack_max = 500;

/// The names of the columns of a scorecard row, in order.
[[nodiscard]] const std::vector<std::string>& columns();

/// One row of a scorecard (see the file comment).
struct ScorecardRow {
    std::string goal, indicator, scope, subject;
    double value = 0.0;
    std::string text, unit, direction, layers, meaning, note, source;
};

/// A ranked per-organisation indicator: its value for every organisation of the network and
/// the organisations this network ranks (`top`: its largest positive values, ties in network
/// order). meaning holds "{label}" (the organisation's "Name (id)") and possibly "{z}" (the
/// organisation's z, one decimal); note is set when the indicator cannot be computed.
struct Ranked {
    std::string goal, indicator, unit, direction, layers, source, meaning;
    std::vector<std::string> ids;  ///< organisations with a value (network order)
    std::vector<double> values;    ///< their values
    std::vector<double> z;         ///< their z (empty when meaning has no "{z}")
    std::vector<std::string> top;  ///< the organisations this network ranks
    std::string note;
};

/// The options of scorecard().
struct ScorecardOptions {
    /// Score the network restricted to these layers (empty: all). Chain indicators read the
    /// case layers among them, collaboration indicators the tie layers. UnknownId for a
    /// layer the network lacks.
    std::vector<std::string> layers{};
    /// Chains to score; nullopt: every chain of the network. A chain the network lacks gives
    /// NaN rows with a note (so that the rows of a batch align).
    std::optional<std::vector<std::string>> chains{};
    /// Organisation rows per ranked indicator (brokers, vulnerable organisations).
    std::size_t top = 5;
    /// An event log of the network's cases: the citizen perspective then measures the
    /// journeys cases make (organisations: the log's organisations, else its resources).
    /// nullptr: those rows are NaN with a note.
    const eventlog::EventLog* log = nullptr;
    /// Progress and cancellation of the long computations (vulnerability, simulations).
    ProgressHandler progress{};
};

/// One network's scorecard before the organisation rows of ranked indicators are chosen:
/// the rows and ranked indicators in order.
struct Scorecard {
    /// The scored network (restricted to the options' layers), for names in the text.
    Network network;
    /// The rows that name no organisation, and the ranked indicators.
    std::vector<ScorecardRow> fixed;
    std::vector<Ranked> rankings;
    /// The entries in order: (false, i) is fixed[i], (true, i) is rankings[i].
    std::vector<std::pair<bool, std::size_t>> order;

    /// The rows, each ranked indicator with the organisations this network ranks.
    std::vector<ScorecardRow> rows() const;
    /// The rows, each ranked indicator with the organisations subjects[(goal, indicator)]
    /// (none when absent); an organisation this network lacks is a NaN row with a note, one
    /// it does not rank has its value with a note.
    std::vector<ScorecardRow> rows(
        const std::map<std::pair<std::string, std::string>, std::vector<std::string>>& subjects) const;
};

/// The scorecard of @p net: every indicator of the four goals (see the file comment and
/// docs/report.md for each indicator's definition and source). Indicators that cannot be
/// computed are rows with value NaN and a note saying why ("not computable: <reason>").
/// UnknownId for an unknown layer; cancellation through options.progress.
[[nodiscard]] Scorecard scorecard(const Network& net, const ScorecardOptions& options = {});

/// The scorecards of a batch of networks, scorecard(*networks[i], options[i]) each, scored in
/// parallel on @p threads threads (0 = all; one network per task, so the cards are the same
/// for every thread count), in input order. @p options holds one options struct per network,
/// or one for all; their progress handlers are not called: @p progress reports the share of
/// the networks scored and may cancel. InputError when the sizes differ; the first error of a
/// network is rethrown.
[[nodiscard]] std::vector<Scorecard> scorecards(const std::vector<const Network*>& networks,
                                                const std::vector<ScorecardOptions>& options,
                                                unsigned threads = 0,
                                                const ProgressHandler& progress = {});

/// The rows of a batch, aligned: each ranked indicator lists, in every network, the union of
/// the organisations any network ranks (in order of first appearance); a layer or sector row
/// that only some networks have is in all, NaN with a note ("the network has no layer 'x'",
/// "the network has no organisation of sector 'y'") where it is missing; every network's rows
/// are ordered by goal, then by where their (goal, indicator, scope, subject) first appears in
/// the batch.
[[nodiscard]] std::vector<std::vector<ScorecardRow>> batch_rows(const std::vector<Scorecard>& cards);

/// "Name (id)" of an organisation of @p net, or its id when it has no other name (or is not
/// an organisation of @p net).
[[nodiscard]] std::string label(const Network& net, const std::string& id);

/// A value as the reports show it: @p text when set; "n/a" for NaN; shares (units "share",
/// "share of pairs") with three decimals; whole numbers with thousands separators; volumes
/// (units "... per ...", "cases", "items") of 1,000 or more as whole numbers; else four
/// significant digits.
[[nodiscard]] std::string format_value(double value, const std::string& unit, const std::string& text = {});

/// The scorecard as readable text, grouped by goal (what `ketennet report` prints): values
/// that cannot be computed show as n/a with the reason below them (notes wrapped at 92
/// characters); rows computed on other layers than all of them name their layers;
/// organisation flags that are 0 and sector rows without a value are left out (a line names
/// the sectors); each chain of @p net with stage volumes gets a table of the flow per stage.
/// @p net is the network the rows were computed for.
[[nodiscard]] std::string to_text(const Network& net, const std::vector<ScorecardRow>& rows);

}  // namespace ketennet::report
