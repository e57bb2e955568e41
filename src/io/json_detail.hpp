// JSON parsing shared by the JSON and GraphML readers (internal to src/io).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/io/limits.hpp"
#include "ketennet/model/chain.hpp"

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

}  // namespace ketennet::io::detail
