#pragma once
/// @file event_log.hpp
/// @brief The columnar process event log (IEEE 1849 XES semantics), its construction and its
/// mapping of events to organisations.
///
/// An event log holds the events of many cases (a criminal case, a fine, a permit request).
/// Each event has a case, an activity, a timestamp and optionally a resource (a person) and an
/// organisation. The log is stored column-wise:
///
/// | column         | type                          | bytes per event |
/// |----------------|-------------------------------|-----------------|
/// | case           | int32 index into case ids     | 4               |
/// | activity       | int32 dictionary code         | 4               |
/// | resource       | int32 dictionary code, -1 = none | 4            |
/// | organisation   | int32 dictionary code, -1 = none | 4            |
/// | timestamp      | int64 nanoseconds since 1970-01-01 UTC | 8     |
///
/// 24 bytes per event plus the strings of the dictionaries (each distinct string stored once),
/// plus 8 bytes per case for the case offsets. Further typed attributes (XES string, date,
/// int, float, boolean, id) are stored columnar by name, per event or per case.
///
/// After finalise() the events are grouped by case (cases in order of first appearance) and
/// sorted by time within each case, stably (events with equal timestamps keep their input
/// order). Cases whose events were not in time order are counted (`reordered_cases`), never
/// silently fixed.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"

namespace ketennet::eventlog {

/// "No value" in a code column.
inline constexpr std::int32_t none = -1;
/// "No value" in an int64 column (timestamps, XES int attributes).
inline constexpr std::int64_t missing_int = std::numeric_limits<std::int64_t>::min();

/// A dictionary of distinct strings: each string gets a dense int32 code in order of first
/// appearance.
class Dictionary {
public:
    /// The code of @p s, adding it if new.
    std::int32_t code(std::string_view s);
    /// The code of @p s, or nullopt if it is not in the dictionary.
    std::optional<std::int32_t> find(const std::string& s) const;
    /// The value of code @p c; UnknownId when the dictionary has no such code.
    const std::string& operator[](std::int32_t c) const;
    const std::vector<std::string>& values() const noexcept { return values_; }
    std::size_t size() const noexcept { return values_.size(); }
    /// Builds a dictionary from distinct values; InputError naming @p what on a duplicate.
    static Dictionary from_values(std::vector<std::string> values, const std::string& what);
    /// Bytes used by the strings themselves.
    std::size_t string_bytes() const;

private:
    std::vector<std::string> values_;
    std::unordered_map<std::string, std::int32_t> index_;
};

/// The XES attribute types.
enum class AttributeKind { string, date, integer, real, boolean, id };

/// "string", "date", "int", "float", "boolean" or "id" (the XES element names).
[[nodiscard]] const char* kind_name(AttributeKind k);

/// One typed attribute stored as a column (per event or per case). Which vector is used
/// depends on the kind: string/id -> codes + dictionary (-1 = absent); date/int -> ints
/// (missing_int = absent; dates in ns since the epoch, UTC); float -> reals (NaN = absent);
/// boolean -> flags (-1 = absent, 0, 1).
struct AttributeColumnData {
    std::string name;
    AttributeKind kind = AttributeKind::string;
    std::vector<std::int32_t> codes;
    Dictionary dictionary;
    std::vector<std::int64_t> ints;
    std::vector<double> reals;
    std::vector<std::int8_t> flags;

    std::size_t size() const;
    /// Appends "absent" values until the column has @p n rows.
    void pad(std::size_t n);
    /// Reorders the rows: row i of the result is old row perm[i].
    void permute(const std::vector<std::size_t>& perm);
};

/// The outcome of parsing a timestamp.
enum class TimestampParse {
    ok,            ///< parsed; the value is in the supported range
    malformed,     ///< not an ISO 8601 timestamp, or a date or clock value that does not exist
    out_of_range,  ///< a valid timestamp outside the supported range (see timestamp_range)
};

/// The range of timestamps an event log stores (int64 nanoseconds since 1970-01-01 UTC; the
/// smallest int64 is reserved for "missing"), as text for messages. pandas' Timestamp.min and
/// Timestamp.max are the same bounds.
inline constexpr const char* timestamp_range =
    "1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z";

/// Parses an ISO 8601 / XES timestamp ("2011-10-01T00:38:44.546+02:00", "...Z", a space for
/// the T, 1 to 9 fraction digits (further digits are truncated), "+0200" or "+02" offsets, or a
/// plain date "2011-10-01") into nanoseconds since the epoch, UTC. A timestamp without an
/// offset is taken as UTC.
///
/// The clock runs from 00:00:00 to 23:59:59.999999999; "24:00:00" (ISO 8601's end of the day,
/// allowed by xs:dateTime) is midnight of the next day. Other hours above 23, minutes above 59
/// and seconds above 59 are malformed: a leap second "23:59:60" is refused, not moved. Dates
/// must exist (no 2001-02-29). A timestamp outside #timestamp_range (for instance 9999-12-31 or
/// 1000-01-01) is out_of_range: never wrapped. @p out is set only when the result is ok.
[[nodiscard]] TimestampParse parse_timestamp_checked(std::string_view s, std::int64_t& out);

/// parse_timestamp_checked() as a yes/no: false when the text is malformed or out of range.
[[nodiscard]] bool parse_timestamp(std::string_view s, std::int64_t& out);

/// Where the nodes of an event-log network come from: the organisation column, the
/// resource column, the activity column, or a string attribute of the events.
struct NodeKey {
    enum class Source {
        /// The organisations when the log has them (EventLog::has_organisations()), otherwise
        /// the resources (pm4py's org:resource default). The default.
        automatic,
        /// The organisation column; InputError when the log has no organisations.
        organisation,
        resource,
        activity,
        /// The string event attribute named by NodeKey::attribute.
        attribute
    };
    Source source = Source::automatic;
    std::string attribute{};  ///< for Source::attribute: the attribute's name
};

/// The columnar event log. See the file comment.
class EventLog {
public:
    // ------------------------------------------------------------------ columns (per event)
    std::vector<std::int32_t> case_index;    ///< index into case_ids()
    std::vector<std::int32_t> activity;      ///< code into activities
    std::vector<std::int32_t> resource;      ///< code into resources, -1 = none
    std::vector<std::int32_t> organisation;  ///< code into organisations, -1 = none
    std::vector<std::int64_t> time;          ///< ns since the epoch, UTC
    // ------------------------------------------------------------------ dictionaries
    Dictionary cases;  ///< case ids in order of first appearance
    Dictionary activities;
    Dictionary resources;
    Dictionary organisations;
    /// Further event attributes, each as long as the event columns.
    std::vector<AttributeColumnData> event_attributes;
    /// Further case (XES trace) attributes, each with one row per case.
    std::vector<AttributeColumnData> case_attributes;
    /// What produced the organisation column ("org:group", "mapping of activities", ...).
    std::string organisation_source;

    /// True when the log has an organisation column: organisation_source is set or some
    /// event has an organisation code.
    bool has_organisations() const noexcept {
        return !organisation_source.empty() || organisations.size() > 0;
    }
    std::size_t event_count() const noexcept { return activity.size(); }
    std::size_t case_count() const noexcept { return cases.size(); }
    /// After finalise(): the events of case c are [case_offsets[c], case_offsets[c+1]).
    const std::vector<std::int64_t>& case_offsets() const noexcept { return offsets_; }
    /// Cases whose events were not in time order and have been sorted (stably).
    std::size_t reordered_cases() const noexcept { return reordered_; }
    /// Events whose order was changed by finalise() (moved to group a case or sort by time).
    std::size_t reordered_events() const noexcept { return moved_; }
    /// Events with an organisation (-1 in the organisation column means not covered).
    std::size_t unmapped_events() const;
    bool finalised() const noexcept { return offsets_.size() == cases.size() + 1 && !offsets_.empty(); }

    /// Bytes per event of the five core columns (24), and the bytes of all dictionary strings.
    static constexpr std::size_t core_bytes_per_event() {
        return sizeof(std::int32_t) * 4 + sizeof(std::int64_t);
    }
    std::size_t string_bytes() const;

    const AttributeColumnData* event_attribute(const std::string& name) const;
    const AttributeColumnData* case_attribute(const std::string& name) const;

    /// Checks the columns, groups the events by case (in order of first appearance of the
    /// case) and sorts each case's events by time, stably. InputError on an empty log, columns
    /// of different lengths, a code out of range or a missing timestamp (naming the event
    /// position in the input, 0-based, as "<record> <i>").
    void finalise(const std::string& record = "event");

    /// Sets the organisation column from a mapping of activities (or resources) to
    /// organisations. Events whose activity (resource) the mapping does not cover get no
    /// organisation (-1) and are counted by unmapped_events(). Keys that no event has are
    /// allowed (a mapping may cover more than one log). InputError on an empty organisation name.
    void map_organisations(const std::vector<std::string>& keys,
                           const std::vector<std::string>& values, bool by_resource);

    /// Uses a string (or id) event attribute as the organisation column. Without an attribute
    /// of that name, the resource column (`"org:resource"` or `"resource"`, pm4py's and
    /// ketennet's names) or the activity column (`"concept:name"` or `"activity"`) is used.
    void organisations_from_attribute(const std::string& name);

    /// The node code of every event and the node names for @p key: the organisation,
    /// resource or activity column, or a string event attribute (Source::automatic: the
    /// organisations when the log has them, else the resources). UnknownId for an unknown
    /// attribute; InputError for a non-string one, and for Source::organisation when the log
    /// has no organisations (so that no network comes out empty without a word).
    std::pair<const std::vector<std::int32_t>*, const std::vector<std::string>*>
    nodes(const NodeKey& key) const;

    /// Throws InputError unless finalise() has run.
    void require_finalised() const;

private:
    std::vector<std::int64_t> offsets_;
    std::size_t reordered_ = 0;
    std::size_t moved_ = 0;
};

/// Linear-interpolation quantile (NumPy's default, pandas' too) of @p v, which it reorders.
/// @p v must not be empty.
[[nodiscard]] double quantile_inplace(std::vector<double>::iterator b, std::vector<double>::iterator e,
                                      double q);

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/event_log.ipp"
#endif
