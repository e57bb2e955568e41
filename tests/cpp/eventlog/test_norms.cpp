// Lead-time norms (eventlog::within_norm, norms, norm_days) on hand-made lead times.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/eventlog/norms.hpp"

using namespace ketennet;

TEST_CASE("within_norm: the share of lead times within a number of days") {
    // lead times 1, 5, 10 days and one unknown (NaN): within 5 days are 1 and 5 -> 2 of 4
    const std::vector<double> lead = {1.0, 5.0, 10.0, std::numeric_limits<double>::quiet_NaN()};
    const auto w = eventlog::within_norm(lead, 5.0);
    CHECK(w.within == 2);
    CHECK(w.total == 4);
    CHECK(w.share == 0.5);
    CHECK(eventlog::within_norm(lead, 0.5).share == 0.0);
    CHECK(eventlog::within_norm(lead, 10.0).within == 3);
}

TEST_CASE("within_norm: journeys' lead times in nanoseconds, and the court norms") {
    const std::int64_t day = 86400LL * 1000000000LL;
    eventlog::JourneyTable j;
    // exactly 35 days, 1 ns more, 3 days, 200 days
    j.lead_ns = {35 * day, 35 * day + 1, 3 * day, 200 * day};
    const auto w = eventlog::within_norm(j, "politierechter");
    CHECK(w.within == 2);
    CHECK(w.total == 4);
    CHECK(eventlog::within_norm(j, "meervoudige kamer").within == 3);  // 182.625 days
    CHECK(eventlog::within_norm(j, "hoger beroep").within == 4);       // 273.9375 days
    CHECK(eventlog::within_norm(j, 1e9).within == 4);                  // beyond int64 ns
    // the smallest int64 is a missing lead time: in the total, not within
    const std::vector<std::int64_t> ns = {3 * day, INT64_MIN};
    const auto missing = eventlog::within_norm_ns(ns, 1e9);
    CHECK((missing.within == 1 && missing.total == 2));
    CHECK(eventlog::norm_days("politierechter") == 35.0);
    CHECK(eventlog::norm_days("meervoudige kamer") == 182.625);
    CHECK(eventlog::norms()[2].share == 0.85);
}

TEST_CASE("within_norm: bad input is named") {
    const std::vector<double> lead = {1.0};
    CHECK_THROWS_AS(eventlog::norm_days("kantonrechter"), InputError);
    CHECK_THROWS_WITH(eventlog::norm_days("kantonrechter"),
                      "unknown norm 'kantonrechter'; known norms: politierechter, meervoudige kamer, hoger beroep");
    CHECK_THROWS_WITH(eventlog::within_norm(lead, -1.0), "days must be a finite number >= 0, not -1.0");
    CHECK_THROWS_WITH(eventlog::within_norm(lead, std::numeric_limits<double>::infinity()),
                      "days must be a finite number >= 0, not inf");
    CHECK_THROWS_WITH(eventlog::within_norm(std::vector<double>{}, 5.0),
                      "within_norm: the journeys table has no rows");
    CHECK_THROWS_WITH(eventlog::within_norm_ns(std::vector<std::int64_t>{1}, std::numeric_limits<double>::quiet_NaN()),
                      "days must be a finite number >= 0, not nan");
    CHECK_THROWS_WITH(eventlog::within_norm(eventlog::JourneyTable{}, 5.0),
                      "within_norm: the journeys table has no rows");
}
