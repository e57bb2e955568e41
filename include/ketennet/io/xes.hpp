#pragma once
/// @file xes.hpp
/// @brief Streaming reader of IEEE 1849 XES event logs (.xes and gzip-compressed .xes.gz).
///
/// Built on expat (a streaming XML parser) and zlib; the file is never held in memory whole.
/// What is read:
/// - each `<trace>` is a case; its `concept:name` is the case id (two traces with the same id
///   are one case, as in pm4py's tables); its other top-level attributes become case
///   attributes, named "case:<key>" as in pm4py;
/// - each `<event>`: `concept:name` is the activity, `org:resource` the resource,
///   `time:timestamp` the time; its other top-level attributes become typed event attribute
///   columns (string, date, int, float, boolean, id). Nested attributes (lists, containers,
///   meta attributes), `<global>` defaults, classifiers and log-level attributes are skipped.
/// - dates are ISO 8601 (xs:dateTime); their offset is honoured and times are stored in UTC;
///   a date without an offset is taken as UTC.
/// When the same key has different types in different events, int and float columns merge
/// into float and any other mix into string (the values' text).
///
/// Limits (XesOptions, adjustable per call): an XML token (a start tag with its attribute
/// values, a comment, a processing instruction) may hold at most `max_token_bytes` bytes
/// (default 16 MiB), and the XML text (after decompression) at most `max_bytes` bytes (default
/// 4 GiB). Both are enforced while streaming: the input is fed to expat in chunks of at most
/// 1 MiB, and a token still incomplete after more than `max_token_bytes` bytes stops the read
/// before expat's buffer grows further, so a hostile file costs at most about
/// `max_token_bytes` + 1 MiB of memory and time linear in what was read. Text between tags is
/// streamed and not limited by `max_token_bytes`. 0 means no limit.
///
/// Timestamps (time:timestamp and date attributes) outside eventlog::timestamp_range
/// (1677-09-21 to 2262-04-11, the int64 nanosecond range) are refused, never wrapped; a leap
/// second (23:59:60) and other clock values out of range are refused. An int attribute of
/// -2^63 (eventlog::missing_int, "missing") is refused rather than read as missing.
///
/// Errors: FileError when the file cannot be opened or read (the file system); ParseError
/// (an InputError) with the file, line and column for malformed or truncated XML, a bad typed
/// value or a timestamp out of range (naming the key and value), an event without
/// concept:name or time:timestamp, a trace without concept:name, an event outside a trace, a
/// token or input over its limit (naming the limit), and a truncated or corrupt gzip stream
/// (a missing trailer, a bad CRC or length, bad compressed data); InputError for a log
/// without events.
#include <cstdint>
#include <string>

#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::io {

/// Options of the XES reader: its limits against hostile input (0 means no limit), and
/// progress and cancellation.
struct XesOptions {
    /// The longest XML token (start tag with its attributes, comment, processing instruction).
    std::uint64_t max_token_bytes = std::uint64_t(16) << 20;
    /// The most XML bytes read (after decompression for .gz).
    std::uint64_t max_bytes = std::uint64_t(4) << 30;
    /// Progress and cancellation (see progress.hpp): the share of the input read (bytes of
    /// the file as stored, compressed or not; of the text for read_xes_string), reported after
    /// every chunk of 1 MiB, up to 0.9; 1.0 once the log is finalised. A handler returning
    /// false stops the read with ketennet::Cancelled.
    ProgressHandler progress{};
};

/// Reads an XES file (.xes, or gzip-compressed whatever its name) into a finalised EventLog.
[[nodiscard]] eventlog::EventLog read_xes(const std::string& path, const XesOptions& options = {});

/// Reads XES text; @p origin names it in messages.
[[nodiscard]] eventlog::EventLog read_xes_string(const std::string& text,
                                                 const std::string& origin = "<string>",
                                                 const XesOptions& options = {});

}  // namespace ketennet::io
