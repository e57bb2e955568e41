// Streaming XES reader on expat and zlib. See include/ketennet/io/xes.hpp.
#include "ketennet/io/xes.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unordered_map>
#include <vector>

#include <expat.h>
#include <zlib.h>

namespace ketennet::io {

namespace {

using eventlog::AttributeColumnData;
using eventlog::AttributeKind;
using eventlog::EventLog;

enum class Elem { log, trace, event, attribute, global, other };

bool attribute_kind(const char* name, AttributeKind& k, bool& container) {
    container = false;
    if (!std::strcmp(name, "string")) k = AttributeKind::string;
    else if (!std::strcmp(name, "date")) k = AttributeKind::date;
    else if (!std::strcmp(name, "int")) k = AttributeKind::integer;
    else if (!std::strcmp(name, "float")) k = AttributeKind::real;
    else if (!std::strcmp(name, "boolean")) k = AttributeKind::boolean;
    else if (!std::strcmp(name, "id")) k = AttributeKind::id;
    else if (!std::strcmp(name, "list") || !std::strcmp(name, "container")) {
        container = true;
        k = AttributeKind::string;
    } else {
        return false;
    }
    return true;
}

std::string format_int(std::int64_t v) { return std::to_string(v); }

std::string format_real(double v) {
    std::ostringstream os;
    os.precision(17);
    os << v;
    return os.str();
}

std::string format_date(std::int64_t ns) {
    // UTC ISO 8601 with milliseconds, from days (H. Hinnant's civil_from_days)
    std::int64_t secs = ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
    const std::int64_t frac = ns - secs * 1000000000;
    std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    std::int64_t rem = secs - days * 86400;
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                  static_cast<long long>(y + (m <= 2)), m, d, static_cast<long long>(rem / 3600),
                  static_cast<long long>((rem / 60) % 60), static_cast<long long>(rem % 60),
                  static_cast<long long>(frac / 1000000));
    return buf;
}

/// Turns a typed column into a string column holding the values' text.
void to_string_column(AttributeColumnData& a) {
    if (a.kind == AttributeKind::string || a.kind == AttributeKind::id) {
        a.kind = AttributeKind::string;
        return;
    }
    std::vector<std::int32_t> codes(a.size(), eventlog::none);
    eventlog::Dictionary dict;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        switch (a.kind) {
            case AttributeKind::date:
                if (a.ints[i] != eventlog::missing_int) codes[i] = dict.code(format_date(a.ints[i]));
                break;
            case AttributeKind::integer:
                if (a.ints[i] != eventlog::missing_int) codes[i] = dict.code(format_int(a.ints[i]));
                break;
            case AttributeKind::real:
                if (!std::isnan(a.reals[i])) codes[i] = dict.code(format_real(a.reals[i]));
                break;
            default:
                if (a.flags[i] >= 0) codes[i] = dict.code(a.flags[i] ? "true" : "false");
                break;
        }
    }
    a.ints.clear();
    a.reals.clear();
    a.flags.clear();
    a.codes = std::move(codes);
    a.dictionary = std::move(dict);
    a.kind = AttributeKind::string;
}

void to_real_column(AttributeColumnData& a) {
    a.reals.resize(a.ints.size());
    for (std::size_t i = 0; i < a.ints.size(); ++i)
        a.reals[i] = a.ints[i] == eventlog::missing_int ? std::nan("") : double(a.ints[i]);
    a.ints.clear();
    a.kind = AttributeKind::real;
}

constexpr std::size_t chunk_bytes = std::size_t(1) << 20;

std::string bytes_text(std::uint64_t n) {
    std::string s = std::to_string(n) + " bytes";
    if (n >= (std::uint64_t(1) << 20) && n % (std::uint64_t(1) << 20) == 0)
        s += " (" + std::to_string(n >> 20) + " MiB)";
    return s;
}

class XesReader {
public:
    XesReader(std::string origin, const XesOptions& limits) : origin_(std::move(origin)), limits_(limits) {
        parser_ = XML_ParserCreate(nullptr);
        if (!parser_) throw std::bad_alloc();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &XesReader::on_start, &XesReader::on_end);
        // every complete token moves the mark; what lies beyond it is an unfinished token
        XML_SetCharacterDataHandler(parser_, &XesReader::on_text);
        XML_SetCommentHandler(parser_, &XesReader::on_comment);
        XML_SetProcessingInstructionHandler(parser_, &XesReader::on_pi);
    }
    ~XesReader() { XML_ParserFree(parser_); }
    XesReader(const XesReader&) = delete;
    XesReader& operator=(const XesReader&) = delete;

    XML_Parser parser() { return parser_; }

    /// Feeds @p len bytes already in expat's buffer.
    void feed_buffer(int len, bool final) {
        count(std::size_t(len));
        if (XML_ParseBuffer(parser_, len, final) == XML_STATUS_ERROR) fail_parse();
        check_token();
    }
    /// Feeds @p len bytes, in chunks so that the token limit holds while streaming, and
    /// reports progress after each chunk (the share of @p len fed, up to 0.9).
    void feed(const char* data, std::size_t len, bool final) {
        const std::size_t total = len;
        do {
            const std::size_t n = std::min(len, chunk_bytes);
            count(n);
            const bool last = final && n == len;
            if (XML_Parse(parser_, data, int(n), last) == XML_STATUS_ERROR) fail_parse();
            check_token();
            data += n;
            len -= n;
            report_progress(limits_.progress, read_share * double(total - len) / double(total));
        } while (len > 0);
    }
    /// The share of the progress scale given to reading; finalising the log takes the rest.
    static constexpr double read_share = 0.9;

    EventLog finish() {
        if (!saw_log_) throw ParseError(origin_, 0, 0, "not an XES log: no <log> element");
        // one row per case: case ids may repeat across traces
        auto& log = log_;
        for (auto& c : log.case_index) c = trace_case_[std::size_t(c)];
        for (auto& a : log.event_attributes) a.pad(log.event_count());
        for (auto& a : log.case_attributes) {
            a.pad(trace_case_.size());
            if (log.cases.size() != trace_case_.size()) {
                std::vector<std::size_t> first(log.cases.size(), std::size_t(-1));
                for (std::size_t t = 0; t < trace_case_.size(); ++t)
                    if (first[std::size_t(trace_case_[t])] == std::size_t(-1)) first[std::size_t(trace_case_[t])] = t;
                a.permute(first);  // rows of the first trace of each case, then shrink
                switch (a.kind) {
                    case AttributeKind::string:
                    case AttributeKind::id: a.codes.resize(first.size()); break;
                    case AttributeKind::real: a.reals.resize(first.size()); break;
                    case AttributeKind::boolean: a.flags.resize(first.size()); break;
                    default: a.ints.resize(first.size()); break;
                }
            }
        }
        if (log.event_count() == 0)
            throw InputError(origin_ + ": the event log is empty: it has no events");
        log.finalise(origin_ + ": event");
        return std::move(log_);
    }

private:
    /// Counts @p n more input bytes against max_bytes.
    void count(std::size_t n) {
        fed_ += n;
        if (limits_.max_bytes != 0 && fed_ > limits_.max_bytes)
            throw ParseError(origin_, 0, 0,
                             "the XML text (decompressed) is longer than the limit max_bytes = " +
                                 bytes_text(limits_.max_bytes) +
                                 "; raise the limit if the file is trusted");
    }
    /// The end of the token just reported; a complete token longer than the limit fails.
    void mark() {
        const auto count = XML_GetCurrentByteCount(parser_);
        const auto index = XML_GetCurrentByteIndex(parser_);
        // never backwards: the end of an empty element reports its start, with no bytes
        if (index >= 0) mark_ = std::max(mark_, std::uint64_t(index) + std::uint64_t(count > 0 ? count : 0));
        if (limits_.max_token_bytes != 0 && count > 0 && std::uint64_t(count) > limits_.max_token_bytes)
            fail_token(std::uint64_t(count));
    }
    /// An unfinished token longer than the limit fails before expat's buffer grows further.
    void check_token() {
        if (limits_.max_token_bytes != 0 && fed_ > mark_ && fed_ - mark_ > limits_.max_token_bytes)
            fail_token(fed_ - mark_);
    }
    [[noreturn]] void fail_token(std::uint64_t seen) {
        throw ParseError(origin_, XML_GetCurrentLineNumber(parser_), 0,
                         "an XML token (a tag with its attribute values, a comment or a "
                         "processing instruction) of at least " + bytes_text(seen) +
                             " is longer than the limit max_token_bytes = " +
                             bytes_text(limits_.max_token_bytes) +
                             "; raise the limit if the file is trusted");
    }

    static void XMLCALL on_text(void* self, const XML_Char*, int) {
        auto* r = static_cast<XesReader*>(self);
        if (r->error_) return;
        const auto index = XML_GetCurrentByteIndex(r->parser_);
        const auto count = XML_GetCurrentByteCount(r->parser_);
        if (index >= 0)
            r->mark_ = std::max(r->mark_, std::uint64_t(index) + std::uint64_t(count > 0 ? count : 0));
    }
    static void XMLCALL on_comment(void* self, const XML_Char*) { on_token(self); }
    static void XMLCALL on_pi(void* self, const XML_Char*, const XML_Char*) { on_token(self); }
    static void on_token(void* self) {
        auto* r = static_cast<XesReader*>(self);
        if (r->error_) return;
        try {
            r->mark();
        } catch (...) {
            r->error_ = std::current_exception();
            XML_StopParser(r->parser_, XML_FALSE);
        }
    }

    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attrs) {
        auto* r = static_cast<XesReader*>(self);
        if (r->error_) return;
        try {
            r->mark();
            r->start(name, attrs);
        } catch (...) {
            r->error_ = std::current_exception();
            XML_StopParser(r->parser_, XML_FALSE);
        }
    }
    static void XMLCALL on_end(void* self, const XML_Char* name) {
        auto* r = static_cast<XesReader*>(self);
        if (r->error_) return;
        try {
            r->mark();
            r->end(name);
        } catch (...) {
            r->error_ = std::current_exception();
            XML_StopParser(r->parser_, XML_FALSE);
        }
    }

    [[noreturn]] void fail_parse() {
        if (error_) std::rethrow_exception(error_);
        throw ParseError(origin_, XML_GetCurrentLineNumber(parser_),
                         XML_GetCurrentColumnNumber(parser_) + 1,
                         std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser_)));
    }
    [[noreturn]] void fail(const std::string& what) {
        throw ParseError(origin_, XML_GetCurrentLineNumber(parser_),
                         XML_GetCurrentColumnNumber(parser_) + 1, what);
    }

    static const char* local_name(const char* name) {
        const char* colon = std::strrchr(name, ':');  // tolerate prefixed element names
        return colon ? colon + 1 : name;
    }

    void start(const char* qname, const char** attrs) {
        const char* name = local_name(qname);
        Elem parent = stack_.empty() ? Elem::other : stack_.back();
        if (ignore_depth_ > 0) {
            ++ignore_depth_;
            return;
        }
        AttributeKind kind;
        bool container;
        if (stack_.empty()) {
            if (std::strcmp(name, "log") != 0) fail(std::string("not an XES log: the root element is <") + qname + ">");
            saw_log_ = true;
            stack_.push_back(Elem::log);
            return;
        }
        if (!std::strcmp(name, "trace")) {
            if (parent != Elem::log) fail("<trace> outside <log>");
            stack_.push_back(Elem::trace);
            trace_name_.clear();
            has_trace_name_ = false;
            ++trace_count_;
            return;
        }
        if (!std::strcmp(name, "event")) {
            if (parent != Elem::trace) fail("<event> outside a <trace>");
            stack_.push_back(Elem::event);
            ev_activity_ = eventlog::none;
            ev_resource_ = eventlog::none;
            ev_time_ = eventlog::missing_int;
            return;
        }
        if (!std::strcmp(name, "global") || !std::strcmp(name, "classifier") ||
            !std::strcmp(name, "extension")) {
            ignore_depth_ = 1;
            return;
        }
        if (attribute_kind(name, kind, container)) {
            if (parent != Elem::trace && parent != Elem::event) {
                ignore_depth_ = 1;  // log-level or nested attributes
                return;
            }
            const char* key = nullptr;
            const char* value = nullptr;
            for (int i = 0; attrs[i]; i += 2) {
                if (!std::strcmp(attrs[i], "key")) key = attrs[i + 1];
                else if (!std::strcmp(attrs[i], "value")) value = attrs[i + 1];
            }
            if (!key) fail(std::string("<") + qname + "> without a key");
            if (!container && !value) fail(std::string("<") + qname + " key=\"" + key + "\"> without a value");
            if (!container) attribute(parent == Elem::event, kind, key, value);
            ignore_depth_ = 1;  // children (nested attributes) are skipped
            return;
        }
        // unknown elements: skipped with their content
        ignore_depth_ = 1;
    }

    void end(const char* /*qname*/) {
        if (ignore_depth_ > 0) {
            --ignore_depth_;
            return;
        }
        const Elem e = stack_.back();
        stack_.pop_back();
        if (e == Elem::event) {
            if (ev_activity_ < 0) fail("event " + std::to_string(trace_events_) + " of trace " +
                                       trace_label() + " has no concept:name (activity)");
            if (ev_time_ == eventlog::missing_int)
                fail("event " + std::to_string(trace_events_) + " of trace " + trace_label() +
                     " has no time:timestamp");
            log_.case_index.push_back(std::int32_t(trace_count_ - 1));
            log_.activity.push_back(ev_activity_);
            log_.resource.push_back(ev_resource_);
            log_.time.push_back(ev_time_);
            ++trace_events_;
        } else if (e == Elem::trace) {
            if (!has_trace_name_) fail("trace " + std::to_string(trace_count_) + " has no concept:name (case id)");
            trace_case_.push_back(log_.cases.code(trace_name_));
            trace_events_ = 0;
        }
    }

    std::string trace_label() const {
        return has_trace_name_ ? "'" + trace_name_ + "'" : "#" + std::to_string(trace_count_);
    }

    void attribute(bool event, AttributeKind kind, const char* key, const char* value) {
        if (event) {
            if (!std::strcmp(key, "concept:name")) {
                ev_activity_ = log_.activities.code(value);
                return;
            }
            if (!std::strcmp(key, "org:resource")) {
                ev_resource_ = log_.resources.code(value);
                return;
            }
            if (!std::strcmp(key, "time:timestamp")) {
                std::int64_t t = 0;
                const auto r = eventlog::parse_timestamp_checked(value, t);
                if (r == eventlog::TimestampParse::out_of_range)
                    fail("event " + std::to_string(trace_events_) + " of trace " + trace_label() +
                         ": time:timestamp '" + value + "' is outside the supported range " +
                         eventlog::timestamp_range + " (int64 nanoseconds since 1970)");
                if (r != eventlog::TimestampParse::ok)
                    fail(std::string("time:timestamp: cannot parse '") + value +
                         "' as an ISO 8601 date (clock 00:00:00 to 23:59:59, or 24:00:00)");
                ev_time_ = t;
                return;
            }
            store(log_.event_attributes, event_columns_, key, kind, value, log_.event_count());
        } else {
            if (!std::strcmp(key, "concept:name")) {
                trace_name_ = value;
                has_trace_name_ = true;
                return;
            }
            store(log_.case_attributes, case_columns_, std::string("case:") + key, kind, value,
                  trace_count_ - 1);
        }
    }

    void store(std::vector<AttributeColumnData>& cols, std::unordered_map<std::string, std::size_t>& index,
               const std::string& key, AttributeKind kind, const char* value, std::size_t row) {
        auto it = index.find(key);
        if (it == index.end()) {
            AttributeColumnData a;
            a.name = key;
            a.kind = kind == AttributeKind::id ? AttributeKind::id : kind;
            it = index.emplace(key, cols.size()).first;
            cols.push_back(std::move(a));
        }
        AttributeColumnData& a = cols[it->second];
        // type agreement: int+float -> float, any other mix -> string
        const bool textual = [](AttributeKind k) { return k == AttributeKind::string || k == AttributeKind::id; }(kind);
        const bool col_textual = a.kind == AttributeKind::string || a.kind == AttributeKind::id;
        if (a.kind != kind && !(textual && col_textual)) {
            if (a.kind == AttributeKind::integer && kind == AttributeKind::real) to_real_column(a);
            else if (!(a.kind == AttributeKind::real && kind == AttributeKind::integer)) to_string_column(a);
        }
        a.pad(row + 1);
        switch (a.kind) {
            case AttributeKind::string:
            case AttributeKind::id: a.codes[row] = a.dictionary.code(value); break;
            case AttributeKind::date: {
                std::int64_t t = 0;
                const auto r = eventlog::parse_timestamp_checked(value, t);
                if (r == eventlog::TimestampParse::out_of_range)
                    fail("date attribute '" + key + "': '" + value + "' is outside the supported range " +
                         eventlog::timestamp_range + " (int64 nanoseconds since 1970)");
                if (r != eventlog::TimestampParse::ok)
                    fail("date attribute '" + key + "': cannot parse '" + value +
                         "' as an ISO 8601 date (clock 00:00:00 to 23:59:59, or 24:00:00)");
                a.ints[row] = t;
                break;
            }
            case AttributeKind::integer: {
                char* endp = nullptr;
                errno = 0;
                const long long v = std::strtoll(value, &endp, 10);
                if (endp == value || *endp != '\0' || errno == ERANGE)
                    fail("int attribute '" + key + "': cannot parse '" + value + "' as an integer");
                if (v == eventlog::missing_int)
                    fail("int attribute '" + key + "': " + value +
                         " is the int64 minimum, which an event log reserves for a missing value");
                a.ints[row] = v;
                break;
            }
            case AttributeKind::real: {
                char* endp = nullptr;
                const double v = std::strtod(value, &endp);
                if (endp == value || *endp != '\0')
                    fail("float attribute '" + key + "': cannot parse '" + value + "' as a number");
                a.reals[row] = v;
                break;
            }
            default: {
                std::string v(value);
                for (auto& ch : v) ch = char(std::tolower(static_cast<unsigned char>(ch)));
                if (v == "true" || v == "1") a.flags[row] = 1;
                else if (v == "false" || v == "0") a.flags[row] = 0;
                else fail("boolean attribute '" + key + "': cannot parse '" + value + "' as true or false");
                break;
            }
        }
    }

    std::string origin_;
    XesOptions limits_;
    std::uint64_t fed_ = 0;   // bytes given to expat
    std::uint64_t mark_ = 0;  // end of the last complete token
    XML_Parser parser_ = nullptr;
    std::exception_ptr error_;
    EventLog log_;
    std::vector<Elem> stack_;
    int ignore_depth_ = 0;
    bool saw_log_ = false;
    std::size_t trace_count_ = 0, trace_events_ = 0;
    std::string trace_name_;
    bool has_trace_name_ = false;
    std::vector<std::int32_t> trace_case_;
    std::int32_t ev_activity_ = -1, ev_resource_ = -1;
    std::int64_t ev_time_ = eventlog::missing_int;
    std::unordered_map<std::string, std::size_t> event_columns_, case_columns_;
};

/// A zlib failure while reading: the file system's (OSError) or the data's (ValueError).
[[noreturn]] void fail_gzip(gzFile f, const std::string& path) {
    int code = 0;
    const char* msg = gzerror(f, &code);
    std::string what = msg && *msg ? msg : "zlib error";
    if (what.compare(0, path.size() + 2, path + ": ") == 0) what.erase(0, path.size() + 2);  // zlib names the file
    if (code == Z_ERRNO) throw FileError(path + ": read error: " + std::strerror(errno));
    if (code == Z_MEM_ERROR) throw std::bad_alloc();
    throw ParseError(path, 0, 0, "truncated or corrupt gzip: " + what);
}

}  // namespace

eventlog::EventLog read_xes(const std::string& path, const XesOptions& options) {
    if (path.find('\0') != std::string::npos)
        throw InputError("'" + path.substr(0, path.find('\0')) +
                         "\\0...': a path must not contain a NUL character");
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        throw FileError(path + ": cannot open: " + std::strerror(err), err == ENOENT);
    }
    if (S_ISDIR(st.st_mode)) throw FileError(path + ": is a directory, not a file");
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw FileError(path + ": cannot open for reading: " + std::strerror(errno));
    std::unique_ptr<gzFile_s, int (*)(gzFile)> guard(f, &gzclose);
    gzbuffer(f, 1 << 18);
    XesReader reader(path, options);
    const double stored = double(st.st_size);
    for (;;) {
        void* buf = XML_GetBuffer(reader.parser(), int(chunk_bytes));
        if (!buf) throw std::bad_alloc();
        const int n = gzread(f, buf, unsigned(chunk_bytes));
        if (n < 0) fail_gzip(f, path);
        if (n == 0) {
            // end of input: a .gz stream without its trailer (truncated) ends here with
            // Z_BUF_ERROR ("unexpected end of file"); the length and CRC are checked by zlib
            int code = 0;
            gzerror(f, &code);
            if (code != Z_OK) fail_gzip(f, path);
        }
        reader.feed_buffer(n, n == 0);
        if (n == 0) break;
        if (options.progress && stored > 0)
            report_progress(options.progress, XesReader::read_share *
                                                  std::min(1.0, double(gzoffset(f)) / stored));
    }
    eventlog::EventLog log = reader.finish();
    report_progress(options.progress, 1.0);
    return log;
}

eventlog::EventLog read_xes_string(const std::string& text, const std::string& origin,
                                   const XesOptions& options) {
    XesReader reader(origin, options);
    reader.feed(text.data(), text.size(), true);
    eventlog::EventLog log = reader.finish();
    report_progress(options.progress, 1.0);
    return log;
}

}  // namespace ketennet::io
