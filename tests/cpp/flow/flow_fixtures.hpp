// Helpers for the flow tests: small hand-drawn networks with all four relation fields.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/model/network.hpp"

namespace kf {

inline constexpr double none = std::numeric_limits<double>::quiet_NaN();

/// One relation: ends and the four fields (NaN = unknown).
struct R {
    std::string source;
    std::string target;
    double volume = none;
    double latency = none;
    double quality = none;
    double capacity = none;
};

inline ketennet::Relation relation(const R& r, const std::string& layer) {
    ketennet::Relation x;
    x.source = r.source;
    x.target = r.target;
    x.layer = layer;
    if (!std::isnan(r.volume)) x.volume = r.volume;
    if (!std::isnan(r.latency)) x.latency = r.latency;
    if (!std::isnan(r.quality)) x.quality = r.quality;
    if (!std::isnan(r.capacity)) x.capacity = r.capacity;
    return x;
}

/// Organisations @p ids and one layer @p layer holding @p rels.
inline ketennet::Network network(const std::vector<std::string>& ids, const std::vector<R>& rels,
                                 bool directed = true, const std::string& layer = "L") {
    ketennet::Network net("flow-test");
    net.add_layer(layer, directed);
    for (const auto& id : ids) net.add_organisation({id, "", "", {}});
    for (const auto& r : rels) net.add_relation(relation(r, layer));
    return net;
}

inline ketennet::ViewPtr view(const ketennet::Network& net, const std::string& weight = {},
                              ketennet::Combine c = ketennet::Combine::sum,
                              std::vector<std::string> layers = {}) {
    ketennet::ViewOptions o;
    o.layers = std::move(layers);
    o.weight = weight;
    o.combine = c;
    return net.view(o);
}

/// Vertex index of an id.
inline ketennet::vertex_t v(const ketennet::Network& net, const std::string& id) {
    return net.index_of(id);
}

/// Ids of a path.
inline std::vector<std::string> ids(const ketennet::Network& net,
                                    const std::vector<ketennet::vertex_t>& path) {
    std::vector<std::string> out;
    for (auto x : path) out.push_back(net.organisation(x).id);
    return out;
}

}  // namespace kf
