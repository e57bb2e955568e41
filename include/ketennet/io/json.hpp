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
///
/// Hostile input: the text must be UTF-8 (an invalid byte, UTF-16 or a NUL byte is a
/// ParseError with line and column); a key twice in one object is an error naming the key
/// and the object's pointer; numbers must be finite doubles (1e309 is an error); nesting
/// deeper than Limits::json_depth and input larger than Limits::max_input_bytes are errors,
/// found while reading (see limits.hpp). Every failure is a ketennet::Error: InputError (or
/// its ParseError) for the content, UnknownId for a reference, FileError for the file system.
/// Writing goes to a temporary file in the target's directory, renamed over the target, so a
/// failed write leaves the previous file intact.
#include <string>

#include "ketennet/io/limits.hpp"
#include "ketennet/model/network.hpp"

namespace ketennet::io {

/// The schema version this library writes (and the newest it reads).
inline constexpr int json_schema_version = 2;

/// Reads a network from a JSON file. FileError if it cannot be read; ParseError (with line
/// and column) for malformed JSON; InputError / UnknownId naming the record otherwise.
/// A path with a NUL character is an InputError.
Network read_json(const std::string& path, const Limits& limits = {});

/// Reads a network from JSON text; @p origin names the text in messages.
Network read_json_string(const std::string& text, const std::string& origin = "<string>",
                         const Limits& limits = {});

/// Writes a network as JSON (indent < 0: one line), atomically (a temporary file renamed over
/// the target). FileError if the file cannot be written.
void write_json(const Network& net, const std::string& path, int indent = 2);

/// The JSON text of a network.
std::string write_json_string(const Network& net, int indent = 2);

}  // namespace ketennet::io
