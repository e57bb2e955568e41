#pragma once
/// @file feedback.hpp
/// @brief Feedback along a chain: do later stages send information back to earlier ones, so
/// that those who act first hear about outcomes? The learning-capacity indicator ("lerend
/// vermogen" of the Inspectie JenV).
#include <cstddef>
#include <limits>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/selection.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// Feedback from one later (downstream) stage to one earlier (upstream) stage.
struct StageFeedback {
    std::size_t upstream = 0;    ///< stage index, < downstream
    std::size_t downstream = 0;  ///< stage index
    /// Ties a -> b with a in the downstream stage, b in the upstream stage, a != b.
    std::size_t ties = 0;
    /// Share of the upstream stage's organisations that receive such a tie (NaN when the
    /// upstream stage is empty).
    double coverage = std::numeric_limits<double>::quiet_NaN();
    /// Share of the upstream stage's organisations reached from the downstream stage along
    /// a path of one or more ties, through any organisations (NaN when empty).
    double reach = std::numeric_limits<double>::quiet_NaN();
};

/// Result of feedback().
struct FeedbackResult {
    /// Every pair of stages (upstream i < downstream j), ordered by i, then j.
    std::vector<StageFeedback> pairs;
    /// Share of stage pairs with at least one direct feedback tie (NaN without pairs).
    double coverage = std::numeric_limits<double>::quiet_NaN();
    /// Share of stage pairs in which the downstream stage reaches some upstream organisation
    /// along a path (NaN without pairs).
    double reach_coverage = std::numeric_limits<double>::quiet_NaN();
    /// Strongly connected components of the view with two or more organisations (each
    /// ascending; ordered by their first organisation): groups in which information can
    /// circulate. In an undirected view these are the connected components.
    std::vector<std::vector<vertex_t>> components;
    /// True when an organisation of the last stage reaches one of the first stage along a
    /// path of one or more ties: outcomes can travel back to where the chain starts.
    bool exit_reaches_entry = false;
    /// A path with the fewest ties from the last stage to the first (empty when none).
    std::vector<vertex_t> exit_to_entry_path;
};

/// Feedback along a chain of @p stages (vertex indices of the view, in chain order).
///
/// For every pair of stages i < j: the direct feedback ties from stage j to stage i, the
/// share of stage i's organisations receiving one (coverage), and the share reached along
/// paths (reach). Chain-level coverage is the share of stage pairs with at least one direct
/// feedback tie. Also the strongly connected components (Tarjan 1972, Boost.Graph
/// strong_components) and whether the exit stage reaches the entry stage.
///
/// Read it on directed layers (an undirected tie is mutual, so it counts as feedback both
/// ways). Needs at least two stages (InputError otherwise).
[[nodiscard]] FeedbackResult feedback(const View& g, const std::vector<std::vector<vertex_t>>& stages);

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/feedback.ipp"
#endif
