#pragma once
/// @file statistics.hpp
/// @brief The network-level statistics the resampling tests score their draws with, by name:
/// one registry, read by cug_test(), permutation_test() and bootstrap() (resampling.hpp).
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::stats {

/// The names statistic() knows, in a fixed order:
///
/// | name | value (the metric it calls) |
/// | --- | --- |
/// | `density` | cohesion::density |
/// | `reciprocity` | cohesion::reciprocity (NaN for a view without ties) |
/// | `transitivity` | cohesion::transitivity |
/// | `average_clustering` | cohesion::average_clustering (NaN without organisations) |
/// | `degree_centralization` | cohesion::degree_centralization, in- plus out-degree |
/// | `indegree_centralization` | cohesion::degree_centralization, in-degree |
/// | `outdegree_centralization` | cohesion::degree_centralization, out-degree |
/// | `betweenness_centralization` | cohesion::betweenness_centralization |
/// | `closeness_centralization` | cohesion::closeness_centralization |
/// | `global_efficiency` | flow::global_efficiency |
/// | `local_efficiency` | flow::average_local_efficiency |
/// | `components` | number of weak components (cohesion::components) |
/// | `strong_components` | number of strong components |
/// | `ties` | number of ties of the view (View::m()) |
[[nodiscard]] const std::vector<std::string>& statistic_names();

/// The statistic @p name (one of statistic_names()) of @p view, computed on one thread.
/// Weights count as the metric documents (distances for the centralizations and efficiency,
/// strengths for average_clustering); the others read the ties only. A statistic the metric
/// leaves undefined on this view is NaN instead of an error, so that a random draw without
/// ties does not stop a test. InputError for an unknown name, listing the known ones.
[[nodiscard]] double statistic(const View& view, const std::string& name);

/// InputError unless @p name is one of statistic_names() (the message lists them);
/// @p where names the caller.
void check_statistic(const std::string& name, const std::string& where);

}  // namespace ketennet::stats

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/stats/impl/statistics.ipp"
#endif
