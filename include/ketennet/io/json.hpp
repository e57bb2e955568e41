#pragma once
/// @file json.hpp
/// @brief The ketennet JSON document (schema version 1): read and write.
///
/// The schema is documented in docs/json-schema.md. In short:
/// @code{.json}
/// {"ketennet": 1, "name": "...", "metadata": {...},
///  "layers": [{"name": "case", "directed": true}],
///  "organisations": [{"id": "om", "name": "Openbaar Ministerie", "sector": "om",
///                     "attributes": {"published": true}}],
///  "relations": [{"source": "politie", "target": "om", "layer": "case", "volume": 168800,
///                 "latency": null, "quality": null, "capacity": null, "attributes": {}}],
///  "chains": [{"name": "...", "stages": [{"name": "...", "organisations": ["..."]}]}]}
/// @endcode
/// Reading is strict: an unknown key, a wrong type, a relation to an unknown organisation, a
/// duplicate, a value out of range or an unknown schema version raise an error naming the file
/// and the record (as a JSON pointer, e.g. /relations/3/quality). Writing then reading gives
/// an equal Network, and writing that again gives the same text.
#include <string>

#include "ketennet/model/network.hpp"

namespace ketennet::io {

/// The schema version this library writes (and the newest it reads).
inline constexpr int json_schema_version = 2;

/// Reads a network from a JSON file. FileError if it cannot be read; ParseError (with line
/// and column) for malformed JSON; InputError / UnknownId naming the record otherwise.
Network read_json(const std::string& path);

/// Reads a network from JSON text; @p origin names the text in messages.
Network read_json_string(const std::string& text, const std::string& origin = "<string>");

/// Writes a network as JSON (indent < 0: one line). FileError if the file cannot be written.
void write_json(const Network& net, const std::string& path, int indent = 2);

/// The JSON text of a network.
std::string write_json_string(const Network& net, int indent = 2);

}  // namespace ketennet::io
