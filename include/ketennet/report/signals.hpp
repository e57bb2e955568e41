#pragma once
/// @file signals.hpp
/// @brief Signals in a batch of scorecards: where one network stands out from its peers
/// (robust z-score, Iglewicz & Hoaglin 1993), or changes sharply from one period to the next.
///
/// The input for deciding where to look deeper, not verdicts. Like is compared with like: a
/// row's comparison key is (goal, indicator, scope, subject, layers), except that
/// network-scope rows are keyed on (goal, indicator, scope, layers) whatever their subject
/// says (a network's name, or empty), so every network's density is compared with every
/// other network's density. Layer- and chain-scope rows compare the same layer or chain
/// across networks, organisation rows the same organisation.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ketennet::report {

/// Scale of the modified z-score, 0.6745 (x - median) / MAD: the MAD of normal data is
/// 0.6745 sigma (Iglewicz & Hoaglin 1993).
inline constexpr double modified_z_scale = 0.6745;
/// Scale of the mean absolute deviation that matches the MAD's 0.6745 for normal data:
/// E|X - mu| = sigma * sqrt(2 / pi), and 1 / sqrt(2 / pi) = 1.253314.
inline constexpr double meanad_scale = 1.253314;

/// One numeric scorecard row of one network of the batch (report::ScorecardRow's key and
/// value, with the network's name and its period).
struct SignalRow {
    std::string network;     ///< the network the row belongs to (not empty)
    std::int64_t period = 0; ///< its period (a year, say); read only with SignalOptions::by_period
    std::string goal, indicator, scope, subject, layers;  ///< the key (see the file comment)
    /// The value; NaN rows (not computable, or not a number: a text or yes/no indicator)
    /// are left out, but their periods count when ordering the periods.
    double value = 0.0;
};

/// Options of signals().
struct SignalOptions {
    /// Judge outliers within each period, and changes between consecutive periods (the
    /// sorted distinct periods of the rows); false: one batch, no changes.
    bool by_period = false;
    /// What a period is called in messages ("year 2023").
    std::string period_name = "period";
    /// Absolute robust z-score above which a value is an outlier (Iglewicz & Hoaglin's 3.5).
    double threshold = 3.5;
    /// Relative change above which a step between periods is a signal (0.5 = 50 %).
    double change = 0.5;
    /// Fewest networks with a value for the same key (and period) before outliers are
    /// judged (at least 2).
    std::int64_t min_peers = 5;
};

/// One signal of signals().
struct Signal {
    std::size_t row = 0;  ///< the input row (the later one for a change)
    std::string signal;   ///< "outlier" or "change"
    double score = 0.0;   ///< the robust z-score, or the relative change
    double reference = 0.0;  ///< the peers' median, or the value in the previous period
    std::size_t peers = 0;   ///< networks compared for an outlier; 0 for a change
};

/// Indicators on which a network stands out from its peers, or changes sharply.
///
/// - outlier: among the rows of the same key (and period), at least min_peers of them, the
///   modified z-score z = 0.6745 (x - med) / MAD exceeds threshold in absolute value
///   (Iglewicz & Hoaglin 1993: med the peers' median, MAD the median of |x_i - med|, so one
///   extreme network does not hide itself by inflating the spread). Where MAD = 0 (more
///   than half of the peers share one value), z = (x - med) / (1.253314 meanAD) with meanAD
///   the mean of the finite |x_i - med| (the same scale for normal data); where that is 0
///   too, z = 0 at the median and +-inf elsewhere. Nothing stands out where every value is
///   equal or the median or MAD is infinite. An infinite value against a finite median
///   scores +-inf. Medians of an even count are the mean of the middle two; meanAD is added
///   with compensated (Kahan) summation.
/// - change (by_period only): from one period to the next in the sorted periods, the same
///   network's value of the same key changes by |x_t - x_{t-1}| / |x_{t-1}| > change (from
///   0 to anything else: inf). A row without a value in the previous period has no change.
///
/// Returns outliers then changes, each in row order, stably sorted by |score|, largest
/// first. Throws InputError for threshold or change not a positive finite number,
/// min_peers below 2, a row without network, a non-network row (with a value) without
/// subject, or one network with two rows of one key (and period); messages name rows by
/// their 0-based position in @p rows.
///
/// Source: Iglewicz, B. & Hoaglin, D. C. (1993). How to Detect and Handle Outliers. ASQC
/// Quality Press (the modified z-score and the cut-off 3.5).
[[nodiscard]] std::vector<Signal> signals(const std::vector<SignalRow>& rows,
                                          const SignalOptions& options = {});

}  // namespace ketennet::report
