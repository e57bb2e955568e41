#pragma once
/// @file norms.hpp
/// @brief Lead-time norms: the share of cases whose lead time is within a number of days, and
/// the lead-time norms of the Dutch courts.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "ketennet/core/config.hpp"
#include "ketennet/eventlog/journeys.hpp"

namespace ketennet::eventlog {

/// A lead-time norm: within `days` days for at least `share` of the cases.
struct Norm {
    const char* name;
    double days;
    double share;
};

/// The lead-time norms of the Dutch courts (Rechtspraak, 2015), in this order:
/// "politierechter" 35 days (five weeks) for 90 % of cases, "meervoudige kamer" six months
/// for 90 %, "hoger beroep" nine months for 85 %; a month is 365.25 / 12 days.
[[nodiscard]] const std::array<Norm, 3>& norms();

/// The days of the norm called @p name (one of norms()). InputError for another name:
/// "unknown norm 'x'; known norms: politierechter, meervoudige kamer, hoger beroep".
[[nodiscard]] double norm_days(const std::string& name);

/// What within_norm() counts.
struct WithinNorm {
    double share = 0.0;      ///< within / total
    std::size_t within = 0;  ///< cases with lead time <= the norm
    std::size_t total = 0;   ///< all cases
};

/// The share of cases whose lead time is within a norm of @p days days: lead time <= days.
/// @p lead_days holds one lead time per case, in days; a NaN lead time (unknown) counts in
/// the total and is not within. InputError for a negative, infinite or NaN @p days ("days
/// must be a finite number >= 0, not -1.0") and for no cases ("within_norm: the journeys
/// table has no rows").
[[nodiscard]] WithinNorm within_norm(std::span<const double> lead_days, double days);

/// within_norm() of lead times in nanoseconds (as JourneyTable::lead_ns), compared with the
/// norm in whole nanoseconds, ((days * 24) * 3600) * 10^9 computed in double and truncated
/// (the same norm in C++ and Python); every lead time is within a norm
/// beyond the range of int64 nanoseconds (about 292 years). The smallest int64 (a missing
/// time) is unknown: it counts in the total and is not within.
[[nodiscard]] WithinNorm within_norm_ns(std::span<const std::int64_t> lead_ns, double days);

/// within_norm_ns() of the lead times of journeys() (JourneyTable::lead_ns).
[[nodiscard]] WithinNorm within_norm(const JourneyTable& journeys, double days);

/// within_norm() of the lead times of journeys() against the norm called @p norm
/// (norm_days()).
[[nodiscard]] WithinNorm within_norm(const JourneyTable& journeys, const std::string& norm);

}  // namespace ketennet::eventlog

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/eventlog/impl/norms.ipp"
#endif
