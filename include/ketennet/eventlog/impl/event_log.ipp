#pragma once
/// @file event_log.ipp
/// @brief Definitions of eventlog/event_log.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ketennet/eventlog/event_log.hpp"
#include "ketennet/core/errors.hpp"

namespace ketennet::eventlog {

KETENNET_INLINE std::int32_t Dictionary::code(std::string_view s) {
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    if (values_.size() >= std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw InputError("too many distinct values in a dictionary column (at most 2^31-1)");
    const auto c = std::int32_t(values_.size());
    values_.emplace_back(s);
    index_.emplace(values_.back(), c);
    return c;
}

KETENNET_INLINE std::optional<std::int32_t> Dictionary::find(const std::string& s) const {
    auto it = index_.find(s);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

KETENNET_INLINE const std::string& Dictionary::operator[](std::int32_t c) const {
    if (c < 0 || std::size_t(c) >= values_.size())
        throw UnknownId("code " + std::to_string(c) + " is not in the dictionary (it has " +
                        std::to_string(values_.size()) + " values)");
    return values_[std::size_t(c)];
}

KETENNET_INLINE Dictionary Dictionary::from_values(std::vector<std::string> values, const std::string& what) {
    Dictionary d;
    d.values_ = std::move(values);
    d.index_.reserve(d.values_.size());
    for (std::size_t i = 0; i < d.values_.size(); ++i)
        if (!d.index_.emplace(d.values_[i], std::int32_t(i)).second)
            throw InputError(what + ": the value '" + d.values_[i] + "' is listed twice");
    return d;
}

KETENNET_INLINE std::size_t Dictionary::string_bytes() const {
    std::size_t b = 0;
    for (const auto& s : values_) b += s.size();
    return b;
}

KETENNET_INLINE const char* kind_name(AttributeKind k) {
    switch (k) {
        case AttributeKind::string: return "string";
        case AttributeKind::date: return "date";
        case AttributeKind::integer: return "int";
        case AttributeKind::real: return "float";
        case AttributeKind::boolean: return "boolean";
        default: return "id";
    }
}

KETENNET_INLINE std::size_t AttributeColumnData::size() const {
    switch (kind) {
        case AttributeKind::string:
        case AttributeKind::id: return codes.size();
        case AttributeKind::date:
        case AttributeKind::integer: return ints.size();
        case AttributeKind::real: return reals.size();
        default: return flags.size();
    }
}

KETENNET_INLINE void AttributeColumnData::pad(std::size_t n) {
    switch (kind) {
        case AttributeKind::string:
        case AttributeKind::id: codes.resize(n, none); break;
        case AttributeKind::date:
        case AttributeKind::integer: ints.resize(n, missing_int); break;
        case AttributeKind::real: reals.resize(n, std::nan("")); break;
        default: flags.resize(n, std::int8_t(-1)); break;
    }
}

KETENNET_INLINE void AttributeColumnData::permute(const std::vector<std::size_t>& perm) {
    auto apply = [&](auto& v) {
        auto old = v;
        for (std::size_t i = 0; i < perm.size(); ++i) v[i] = old[perm[i]];
    };
    switch (kind) {
        case AttributeKind::string:
        case AttributeKind::id: apply(codes); break;
        case AttributeKind::date:
        case AttributeKind::integer: apply(ints); break;
        case AttributeKind::real: apply(reals); break;
        default: apply(flags); break;
    }
}

KETENNET_INLINE TimestampParse parse_timestamp_checked(std::string_view s, std::int64_t& out) {
    using R = TimestampParse;
    std::size_t p = 0;
    auto digits = [&](int n, int& v) {
        if (p + std::size_t(n) > s.size()) return false;
        v = 0;
        for (int i = 0; i < n; ++i) {
            const char c = s[p + std::size_t(i)];
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        p += std::size_t(n);
        return true;
    };
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
    int year, month, day, hour = 0, minute = 0, second = 0;
    bool negative_year = false;
    if (p < s.size() && s[p] == '-') {
        negative_year = true;
        ++p;
    }
    if (!digits(4, year)) return R::malformed;
    if (negative_year) year = -year;
    if (p >= s.size() || s[p] != '-') return R::malformed;
    ++p;
    if (!digits(2, month) || p >= s.size() || s[p] != '-') return R::malformed;
    ++p;
    if (!digits(2, day)) return R::malformed;
    std::int64_t frac_ns = 0;
    std::int64_t offset_s = 0;
    if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) {
        ++p;
        if (!digits(2, hour) || p >= s.size() || s[p] != ':') return R::malformed;
        ++p;
        if (!digits(2, minute)) return R::malformed;
        if (p < s.size() && s[p] == ':') {
            ++p;
            if (!digits(2, second)) return R::malformed;
            if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
                ++p;
                int nd = 0;
                std::int64_t f = 0;
                while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
                    if (nd < 9) {
                        f = f * 10 + (s[p] - '0');
                        ++nd;
                    }
                    ++p;
                }
                if (nd == 0) return R::malformed;
                for (int i = nd; i < 9; ++i) f *= 10;
                frac_ns = f;
            }
        }
        if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
            ++p;
        } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
            const int sign = s[p] == '-' ? -1 : 1;
            ++p;
            int oh, om = 0;
            if (!digits(2, oh)) return R::malformed;
            if (p < s.size() && s[p] == ':') ++p;
            if (p < s.size() && s[p] >= '0' && s[p] <= '9' && !digits(2, om)) return R::malformed;
            if (oh > 23 || om > 59) return R::malformed;
            offset_s = sign * (oh * 3600 + om * 60);
        }
    }
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
    if (p != s.size()) return R::malformed;
    if (month < 1 || month > 12 || day < 1 || minute > 59 || second > 59) return R::malformed;
    if (hour > 24 || (hour == 24 && (minute != 0 || second != 0 || frac_ns != 0))) return R::malformed;
    static constexpr int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > mdays[month - 1] + (month == 2 && leap ? 1 : 0)) return R::malformed;
    // days from civil (H. Hinnant's algorithm); |secs| < 2^39 for 4-digit years: no overflow
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = std::int64_t(era) * 146097 + std::int64_t(doe) - 719468;
    std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - offset_s;
    // checked secs * 10^9 + frac_ns; a negative second with a fraction is taken from the next
    // second up, so that the smallest representable instant does not overflow on the way
    if (secs < 0 && frac_ns > 0) {
        secs += 1;
        frac_ns -= 1000000000LL;
    }
    std::int64_t ns = 0;
    if (__builtin_mul_overflow(secs, std::int64_t(1000000000), &ns) ||
        __builtin_add_overflow(ns, frac_ns, &ns) || ns == missing_int)
        return R::out_of_range;
    out = ns;
    return R::ok;
}

KETENNET_INLINE bool parse_timestamp(std::string_view s, std::int64_t& out) {
    return parse_timestamp_checked(s, out) == TimestampParse::ok;
}

KETENNET_INLINE std::size_t EventLog::unmapped_events() const {
    if (organisation.empty()) return event_count();
    return std::size_t(std::count(organisation.begin(), organisation.end(), none));
}

KETENNET_INLINE std::size_t EventLog::string_bytes() const {
    return cases.string_bytes() + activities.string_bytes() + resources.string_bytes() +
           organisations.string_bytes();
}

KETENNET_INLINE const AttributeColumnData* EventLog::event_attribute(const std::string& name) const {
    for (const auto& a : event_attributes)
        if (a.name == name) return &a;
    return nullptr;
}

KETENNET_INLINE const AttributeColumnData* EventLog::case_attribute(const std::string& name) const {
    for (const auto& a : case_attributes)
        if (a.name == name) return &a;
    return nullptr;
}

KETENNET_INLINE void EventLog::finalise(const std::string& record) {
    const std::size_t n = activity.size();
    if (n == 0) throw InputError("the event log is empty: it has no events");
    if (case_index.size() != n || time.size() != n)
        throw InputError("event log: the case, activity and timestamp columns differ in length");
    if (resource.empty()) resource.assign(n, none);
    if (organisation.empty()) organisation.assign(n, none);
    if (resource.size() != n || organisation.size() != n)
        throw InputError("event log: the resource or organisation column differs in length");
    for (const auto& a : event_attributes)
        if (a.size() != n)
            throw InputError("event log: attribute column '" + a.name + "' differs in length");
    for (const auto& a : case_attributes)
        if (a.size() != cases.size())
            throw InputError("event log: case attribute column '" + a.name +
                             "' does not have one row per case");
    const auto nc = std::int64_t(cases.size());
    auto where = [&](std::size_t i) { return record + " " + std::to_string(i); };
    for (std::size_t i = 0; i < n; ++i) {
        if (case_index[i] < 0 || case_index[i] >= nc)
            throw InputError(where(i) + ": case index out of range (a missing case id?)");
        if (activity[i] < 0 || std::size_t(activity[i]) >= activities.size())
            throw InputError(where(i) + ": activity missing or code out of range");
        if (resource[i] < none || (resource[i] >= 0 && std::size_t(resource[i]) >= resources.size()))
            throw InputError(where(i) + ": resource code out of range");
        if (organisation[i] < none ||
            (organisation[i] >= 0 && std::size_t(organisation[i]) >= organisations.size()))
            throw InputError(where(i) + ": organisation code out of range");
        if (time[i] == missing_int)
            throw InputError(where(i) + ": missing timestamp (case '" + cases[case_index[i]] + "')");
    }
    // counting sort by case (stable), then a stable sort by time within each case
    offsets_.assign(std::size_t(nc) + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++offsets_[std::size_t(case_index[i]) + 1];
    for (std::size_t c = 0; c < std::size_t(nc); ++c) offsets_[c + 1] += offsets_[c];
    std::vector<std::size_t> perm(n);
    {
        std::vector<std::int64_t> next(offsets_.begin(), offsets_.end() - 1);
        for (std::size_t i = 0; i < n; ++i) perm[std::size_t(next[std::size_t(case_index[i])]++)] = i;
    }
    reordered_ = 0;
    for (std::size_t c = 0; c < std::size_t(nc); ++c) {
        auto b = perm.begin() + offsets_[c], e = perm.begin() + offsets_[c + 1];
        const bool sorted = std::is_sorted(b, e, [&](std::size_t x, std::size_t y) { return time[x] < time[y]; });
        if (!sorted) {
            ++reordered_;
            std::stable_sort(b, e, [&](std::size_t x, std::size_t y) { return time[x] < time[y]; });
        }
    }
    moved_ = 0;
    for (std::size_t i = 0; i < n; ++i) moved_ += perm[i] != i;
    if (moved_ == 0) return;
    auto apply = [&](auto& v) {
        auto old = v;
        for (std::size_t i = 0; i < n; ++i) v[i] = old[perm[i]];
    };
    apply(case_index);
    apply(activity);
    apply(resource);
    apply(organisation);
    apply(time);
    for (auto& a : event_attributes) a.permute(perm);
}

KETENNET_INLINE void EventLog::map_organisations(const std::vector<std::string>& keys,
                                                 const std::vector<std::string>& values,
                                                 bool by_resource) {
    if (keys.size() != values.size())
        throw InputError("organisation mapping: keys and values differ in length");
    const Dictionary& source = by_resource ? resources : activities;
    std::vector<std::int32_t> table(source.size(), none);
    Dictionary orgs;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (values[i].empty())
            throw InputError("organisation mapping: the " +
                             std::string(by_resource ? "resource" : "activity") + " '" +
                             keys[i] + "' maps to an empty organisation name");
        const std::int32_t o = orgs.code(values[i]);
        if (auto k = source.find(keys[i])) table[std::size_t(*k)] = o;
    }
    const auto& col = by_resource ? resource : activity;
    organisation.resize(col.size());
    for (std::size_t i = 0; i < col.size(); ++i)
        organisation[i] = col[i] < 0 ? none : table[std::size_t(col[i])];
    organisations = std::move(orgs);
    organisation_source = by_resource ? "mapping of resources" : "mapping of activities";
}

KETENNET_INLINE void EventLog::organisations_from_attribute(const std::string& name) {
    const AttributeColumnData* a = event_attribute(name);
    if (!a && (name == "org:resource" || name == "resource" || name == "concept:name" ||
               name == "activity")) {
        const bool res = name == "org:resource" || name == "resource";
        organisation = res ? resource : activity;
        organisations = res ? resources : activities;
        organisation_source = name;
        return;
    }
    if (!a) throw UnknownId("the event log has no event attribute '" + name + "'");
    if (a->kind != AttributeKind::string && a->kind != AttributeKind::id)
        throw InputError("event attribute '" + name + "' is of type " + kind_name(a->kind) +
                         "; organisations need a string attribute");
    organisation = a->codes;
    organisations = a->dictionary;
    organisation_source = name;
}

KETENNET_INLINE std::pair<const std::vector<std::int32_t>*, const std::vector<std::string>*>
    EventLog::nodes(const NodeKey& key) const {
    switch (key.source) {
        case NodeKey::Source::automatic:
            if (!has_organisations()) return {&resource, &resources.values()};
            return {&organisation, &organisations.values()};
        case NodeKey::Source::organisation:
            if (!has_organisations())
                throw InputError("the event log has no organisations: map them with "
                                 "map_organisations(), read them from an attribute with "
                                 "organisations_from_attribute(), or take NodeKey::Source::resource or "
                                 "automatic (the resources when there are no organisations)");
            return {&organisation, &organisations.values()};
        case NodeKey::Source::resource: return {&resource, &resources.values()};
        case NodeKey::Source::activity: return {&activity, &activities.values()};
        default: {
            const AttributeColumnData* a = event_attribute(key.attribute);
            if (!a) throw UnknownId("the event log has no event attribute '" + key.attribute + "'");
            if (a->kind != AttributeKind::string && a->kind != AttributeKind::id)
                throw InputError("event attribute '" + key.attribute + "' is of type " +
                                 kind_name(a->kind) + "; network nodes need a string attribute");
            return {&a->codes, &a->dictionary.values()};
        }
    }
}

KETENNET_INLINE void EventLog::require_finalised() const {
    if (!finalised()) throw InputError("event log: finalise() has not been called");
}

KETENNET_INLINE double quantile_inplace(std::vector<double>::iterator b, std::vector<double>::iterator e,
                                        double q) {
    const auto n = std::size_t(e - b);
    const double pos = q * double(n - 1);
    const auto lo = std::size_t(std::floor(pos));
    std::nth_element(b, b + std::ptrdiff_t(lo), e);
    const double a = *(b + std::ptrdiff_t(lo));
    if (lo + 1 >= n || pos == double(lo)) return a;
    const double c = *std::min_element(b + std::ptrdiff_t(lo) + 1, e);
    return a + (c - a) * (pos - double(lo));
}

}  // namespace ketennet::eventlog
