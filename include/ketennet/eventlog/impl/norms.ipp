#pragma once
/// @file norms.ipp
/// @brief Definitions of eventlog/norms.hpp (compiled into the library; see core/config.hpp).
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "ketennet/core/errors.hpp"
#include "ketennet/eventlog/norms.hpp"
#include "ketennet/support/number_text.hpp"
#include "ketennet/support/quote.hpp"

namespace ketennet::eventlog {

KETENNET_INLINE const std::array<Norm, 3>& norms() {
    static const std::array<Norm, 3> table{{
        {"politierechter", 35.0, 0.90},
        {"meervoudige kamer", 6 * 365.25 / 12, 0.90},
        {"hoger beroep", 9 * 365.25 / 12, 0.85},
    }};
    return table;
}

KETENNET_INLINE double norm_days(const std::string& name) {
    std::string known;
    for (const Norm& n : norms()) {
        if (name == n.name) return n.days;
        known += (known.empty() ? "" : ", ") + std::string(n.name);
    }
    throw InputError("unknown norm " + quoted_name(name) + "; known norms: " + known);
}

namespace detail {

/// InputError unless @p days is a finite number >= 0.
KETENNET_INLINE void check_norm_days(double days) {
    if (!(days >= 0) || std::isinf(days))
        throw InputError("days must be a finite number >= 0, not " + number_repr(days));
}

KETENNET_INLINE WithinNorm within_share(std::size_t within, std::size_t total) {
    if (total == 0) throw InputError("within_norm: the journeys table has no rows");
    return {double(within) / double(total), within, total};
}

}  // namespace detail

KETENNET_INLINE WithinNorm within_norm(std::span<const double> lead_days, double days) {
    detail::check_norm_days(days);
    std::size_t within = 0;
    for (double d : lead_days) within += d <= days;
    return detail::within_share(within, lead_days.size());
}

KETENNET_INLINE WithinNorm within_norm_ns(std::span<const std::int64_t> lead_ns, double days) {
    detail::check_norm_days(days);
    const double ns_days = ((days * 24) * 3600) * 1e9;
    // beyond the range of int64 nanoseconds (about 292 years) every lead time is within
    const std::int64_t limit = ns_days >= 9.2e18 ? INT64_MAX : static_cast<std::int64_t>(ns_days);
    std::size_t within = 0;
    for (std::int64_t ns : lead_ns) within += ns != INT64_MIN && ns <= limit;
    return detail::within_share(within, lead_ns.size());
}

KETENNET_INLINE WithinNorm within_norm(const JourneyTable& journeys, double days) {
    return within_norm_ns(journeys.lead_ns, days);
}

KETENNET_INLINE WithinNorm within_norm(const JourneyTable& journeys, const std::string& norm) {
    return within_norm(journeys, norm_days(norm));
}

}  // namespace ketennet::eventlog
