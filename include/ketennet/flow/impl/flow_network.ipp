#pragma once
/// @file flow_network.ipp
/// @brief Definitions of flow/flow_network.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/flow/flow_network.hpp"
#include "ketennet/flow/detail/flow_layout.hpp"
#include "ketennet/core/errors.hpp"

namespace ketennet::flow {

KETENNET_INLINE void FlowArcs::reset(std::size_t vertices, std::size_t pairs, const char* what) {
    if (vertices >= std::numeric_limits<FlowIndex>::max() ||
        2 * pairs >= std::numeric_limits<FlowIndex>::max())
        throw InputError(std::string(what) +
                         ": the flow network is too large (at most 2^31 ties)");
    from.clear();
    to.clear();
    cap.clear();
    from.reserve(2 * pairs);
    to.reserve(2 * pairs);
    cap.reserve(2 * pairs);
}

KETENNET_INLINE std::size_t FlowArcs::add(std::size_t u, std::size_t v, double c, double rc) {
    const std::size_t i = from.size();
    from.push_back(FlowIndex(u));
    to.push_back(FlowIndex(v));
    cap.push_back(c);
    from.push_back(FlowIndex(v));
    to.push_back(FlowIndex(u));
    cap.push_back(rc);
    return i;
}

struct FlowNetwork::Workspace {
    FlowArcs arcs;
    FlowLayout layout;
    FlowBuildScratch build;
};

KETENNET_INLINE FlowNetwork::Workspace& FlowNetwork::workspace() {
    thread_local Workspace w;
    return w;
}

KETENNET_INLINE FlowNetwork::FlowNetwork(std::size_t vertices, std::size_t pairs, const char* what)
    : w_(workspace()), nv_(vertices) {
    w_.arcs.reset(vertices, pairs, what);
}

KETENNET_INLINE std::size_t FlowNetwork::add(std::size_t u, std::size_t v, double c, double rc) {
    return w_.arcs.add(u, v, c, rc);
}

KETENNET_INLINE double FlowNetwork::run(std::size_t s, std::size_t t) {
    w_.layout.assign(nv_, w_.arcs, w_.build);
    return solve_max_flow(w_.layout, s, t, flow_scratch());
}

KETENNET_INLINE const std::vector<char>& FlowNetwork::reachable() const { return flow_scratch().reach; }

KETENNET_INLINE FlowArcs& FlowNetwork::arcs() { return w_.arcs; }

}  // namespace ketennet::flow
