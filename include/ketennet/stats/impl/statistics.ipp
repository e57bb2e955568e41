#pragma once
/// @file statistics.ipp
/// @brief Definitions of stats/statistics.hpp (compiled into the library; see core/config.hpp).
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/centrality/degree.hpp"
#include "ketennet/cohesion/centralization.hpp"
#include "ketennet/cohesion/clustering.hpp"
#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/density.hpp"
#include "ketennet/cohesion/reciprocity.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/flow/efficiency.hpp"
#include "ketennet/stats/statistics.hpp"

namespace ketennet::stats {

KETENNET_INLINE const std::vector<std::string>& statistic_names() {
    static const std::vector<std::string> names{
        "density", "reciprocity", "transitivity", "average_clustering",
        "degree_centralization", "indegree_centralization", "outdegree_centralization",
        "betweenness_centralization", "closeness_centralization", "global_efficiency",
        "local_efficiency", "components", "strong_components", "ties"};
    return names;
}

KETENNET_INLINE void check_statistic(const std::string& name, const std::string& where) {
    for (const auto& s : statistic_names())
        if (s == name) return;
    std::string known;
    for (const auto& s : statistic_names()) known += (known.empty() ? "'" : ", '") + s + "'";
    throw InputError(where + ": unknown statistic '" + name + "'; the known statistics are " + known);
}

KETENNET_INLINE double statistic(const View& view, const std::string& name) {
    using centrality::Direction;
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    flow::EfficiencyOptions one_thread;
    one_thread.threads = 1;
    if (name == "density") return cohesion::density(view);
    if (name == "reciprocity") return view.m() == 0 ? nan : cohesion::reciprocity(view);
    if (name == "transitivity") return cohesion::transitivity(view);
    if (name == "average_clustering") return view.n() == 0 ? nan : cohesion::average_clustering(view);
    if (name == "degree_centralization") return cohesion::degree_centralization(view, Direction::all);
    if (name == "indegree_centralization") return cohesion::degree_centralization(view, Direction::in);
    if (name == "outdegree_centralization") return cohesion::degree_centralization(view, Direction::out);
    if (name == "betweenness_centralization") return cohesion::betweenness_centralization(view, 1);
    if (name == "closeness_centralization") return cohesion::closeness_centralization(view, 1);
    if (name == "global_efficiency") return flow::global_efficiency(view, one_thread);
    if (name == "local_efficiency") return flow::average_local_efficiency(view, one_thread);
    if (name == "components")
        return double(cohesion::components(view, cohesion::ComponentKind::weak).count());
    if (name == "strong_components")
        return double(cohesion::components(view, cohesion::ComponentKind::strong).count());
    if (name == "ties") return double(view.m());
    check_statistic(name, "statistic");
    return nan;  // (not reached: check_statistic throws)
}

}  // namespace ketennet::stats
