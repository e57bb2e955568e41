#pragma once
/// @file limits.hpp
/// @brief Limits the readers hold their input to (nesting depth, input size).
///
/// Input from other organisations may be malformed or hostile. The readers check these limits
/// while reading, so that exceeding one fails fast and in bounded memory with an InputError
/// naming the file and the limit. Pass a Limits to a reader to change them; a default
/// constructed Limits holds the defaults. There is no global state: each call uses the
/// Limits it is given (Python keeps module-level defaults, see ketennet.io.set_limits).
#include <cstddef>
#include <cstdint>

namespace ketennet::io {

/// Limits of the JSON and GraphML readers.
struct Limits {
    /// Deepest nesting of JSON arrays and objects, counted from the document (level 1; the
    /// metadata object of a ketennet document is level 2). Also applies to the JSON in a
    /// GraphML `ketennet` datum and, through Network::set_metadata, to metadata set by a
    /// program, so that writing never recurses without bound. Default 256.
    std::size_t json_depth = 256;
    /// Largest input read, in bytes: a regular file is checked by its size before reading,
    /// any other file (a pipe, a device) is read in chunks until it exceeds the limit, and
    /// text passed as a string is checked by its length. Default 1 GiB.
    std::uint64_t max_input_bytes = std::uint64_t(1) << 30;
};

}  // namespace ketennet::io
