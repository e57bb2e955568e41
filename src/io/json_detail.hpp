// JSON parsing shared by the JSON and GraphML readers (internal to src/io).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/io/limits.hpp"
#include "ketennet/model/chain.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::io::detail {

/// Parses JSON text strictly: UTF-8 only (UTF-16/32, an invalid byte or a NUL byte is a
/// ParseError with line and column), finite numbers only, no key twice in one object, no
/// nesting deeper than limits.json_depth (checked while parsing: a deep document fails at
/// the first level too many, in bounded memory), no more than limits.max_input_bytes.
/// Errors name @p origin; the others name the JSON pointer of the object or the top-level
/// member concerned. Throws only ketennet errors.
nlohmann::ordered_json parse_json(const std::string& text, const std::string& origin,
                                  const Limits& limits);

/// The chains of a "chains" array as the JSON reader reads them (names and stages, not yet
/// checked against a network); InputError naming @p origin and the pointer (/chains/0/name).
std::vector<Chain> read_chains(const nlohmann::ordered_json& chains, const std::string& origin);

/// The network's layers as written by both writers: [{"name", "directed", "kind"}, ...].
/// @p Json is nlohmann::json (keys sorted) or nlohmann::ordered_json (keys as listed).
template <class Json>
Json layers_json(const Network& net) {
    Json layers = Json::array();
    for (const auto& l : net.layers())
        layers.push_back(Json{{"name", l.name}, {"directed", l.directed}, {"kind", layer_kind_name(l.kind)}});
    return layers;
}

/// The network's chains as written by both writers: [{"name", "stages": [{"name",
/// "organisations"}, ...]}, ...].
template <class Json>
Json chains_json(const Network& net) {
    Json chains = Json::array();
    for (const auto& c : net.chains()) {
        Json stages = Json::array();
        for (const auto& s : c.stages) stages.push_back(Json{{"name", s.name}, {"organisations", s.organisations}});
        chains.push_back(Json{{"name", c.name}, {"stages", std::move(stages)}});
    }
    return chains;
}

}  // namespace ketennet::io::detail
