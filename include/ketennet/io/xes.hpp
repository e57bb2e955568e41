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
/// Errors: FileError when the file cannot be opened or read; ParseError with the file, line
/// and column for malformed or truncated XML, a bad typed value (naming the key and value), an
/// event without concept:name or time:timestamp, a trace without concept:name, an event
/// outside a trace; InputError for a log without events.
#include <string>

#include "ketennet/eventlog/event_log.hpp"

namespace ketennet::io {

/// Reads an XES file (.xes, or gzip-compressed whatever its name) into a finalised EventLog.
eventlog::EventLog read_xes(const std::string& path);

/// Reads XES text; @p origin names it in messages.
eventlog::EventLog read_xes_string(const std::string& text, const std::string& origin = "<string>");

}  // namespace ketennet::io
