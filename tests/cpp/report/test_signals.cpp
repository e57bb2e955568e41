// Signals in a batch of scorecards (report::signals): robust z-score outliers and changes
// between periods, on small hand-made batches with known answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/report/signals.hpp"

using namespace ketennet;
using report::Signal;
using report::SignalOptions;
using report::SignalRow;

namespace {

/// One network-scope density row of network @p net (subject: the network's own name, which
/// the comparison key leaves out).
SignalRow density(const std::string& net, double value, std::int64_t period = 0) {
    return {net, period, "effectiveness", "density", "network", net, "", value};
}

/// Densities of networks "a", "b", ... in order.
std::vector<SignalRow> batch(const std::vector<double>& values, std::int64_t period = 0) {
    std::vector<SignalRow> rows;
    for (std::size_t i = 0; i < values.size(); ++i)
        rows.push_back(density(std::string(1, char('a' + i)), values[i], period));
    return rows;
}

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("signals: the robust z-score of one far network among six") {
    // values 0.30 0.31 0.29 0.30 0.32 0.10 (a..f); sorted 0.10 0.29 0.30 0.30 0.31 0.32,
    // median (0.30 + 0.30) / 2 = 0.30; |x - 0.30| = 0 0.01 0.01 0 0.02 0.20, sorted
    // 0 0 0.01 0.01 0.02 0.20, MAD = (0.01 + 0.01) / 2 = 0.01;
    // z(f) = 0.6745 * (0.10 - 0.30) / 0.01 = -13.49, z(e) = 0.6745 * 0.02 / 0.01 = 1.349.
    const auto found = report::signals(batch({0.30, 0.31, 0.29, 0.30, 0.32, 0.10}));
    REQUIRE(found.size() == 1);
    CHECK(found[0].row == 5);
    CHECK(found[0].signal == "outlier");
    CHECK(found[0].score == Approx(-13.49));
    CHECK(found[0].reference == Approx(0.30));
    CHECK(found[0].peers == 6);
    // a lower threshold also finds e (|z| 1.349), after f (sorted by |score|)
    const auto more = report::signals(batch({0.30, 0.31, 0.29, 0.30, 0.32, 0.10}), {.threshold = 1.0});
    REQUIRE(more.size() == 2);
    CHECK((more[0].row == 5 && more[1].row == 4));
    CHECK(more[1].score == Approx(1.349));
}

TEST_CASE("signals: the mean absolute deviation where the MAD is 0") {
    // values 1 1 1 1 2 5: median 1, |x - 1| = 0 0 0 0 1 4, MAD = 0;
    // meanAD = 5 / 6, z(5) = 4 / (1.253314 * 5 / 6) = 3.82985..., z(2) = 0.95746... (< 3.5)
    const auto found = report::signals(batch({1, 1, 1, 1, 2, 5}));
    REQUIRE(found.size() == 1);
    CHECK(found[0].row == 5);
    CHECK(found[0].score == Approx(4.0 / (1.253314 * 5.0 / 6.0)));
    CHECK(found[0].reference == 1.0);
    // every value equal: nothing stands out
    CHECK(report::signals(batch({2, 2, 2, 2, 2, 2})).empty());
}

TEST_CASE("signals: min_peers, missing values and infinite values") {
    const auto six = batch({0.30, 0.31, 0.29, 0.30, 0.32, 0.10});
    CHECK(report::signals(six, {.min_peers = 7}).empty());
    CHECK(report::signals(six, {.min_peers = 6}).size() == 1);
    // a NaN value is left out: five peers remain
    auto seven = six;
    seven.push_back(density("g", kNaN));
    const auto found = report::signals(seven, {.min_peers = 6});
    REQUIRE(found.size() == 1);
    CHECK(found[0].peers == 6);
    // an infinite value against a finite median scores +inf: 1 1.2 0.9 1.1 1 inf, median
    // (1 + 1.1) / 2 = 1.05
    const auto far = report::signals(batch({1.0, 1.2, 0.9, 1.1, 1.0, kInf}));
    REQUIRE(far.size() == 1);
    CHECK(far[0].score == kInf);
    CHECK(far[0].reference == Approx(1.05));
}

TEST_CASE("signals: like with like") {
    // network-scope rows are compared whatever their subject; layer-scope rows only with
    // the same layer: five networks' layer "a" (one far) and a sixth network's layer "b"
    auto rows = batch({0.30, 0.31, 0.29, 0.30, 0.10});
    for (auto& r : rows) {
        r.scope = "layer";
        r.subject = "a";
    }
    rows.push_back({"f", 0, "effectiveness", "density", "layer", "b", "", 0.30});
    // layer "a": 0.30 0.31 0.29 0.30 0.10, median 0.30, MAD 0.01, z(e) = -13.49
    CHECK(report::signals(rows, {.min_peers = 6}).empty());  // five peers for layer "a" ...
    const auto found = report::signals(rows);  // ... enough for the default min_peers 5
    REQUIRE(found.size() == 1);
    CHECK(found[0].row == 4);
    CHECK(found[0].peers == 5);
    CHECK(found[0].score == Approx(-13.49));
    // a different layers selection is a different key
    auto split = batch({0.30, 0.31, 0.29, 0.30, 0.32, 0.10});
    split[5].layers = "overleg";
    CHECK(report::signals(split).empty());
}

TEST_CASE("signals: changes between consecutive periods") {
    // periods 2023 and 2025 (consecutive: no 2024 in the rows)
    //   a: 0 -> 1      change inf (from 0)
    //   b: 2 -> 3      |3 - 2| / 2 = 0.5, not above 0.5
    //   c: 2 -> 4      1.0
    //   d: -  -> 5     no previous value: no change
    std::vector<SignalRow> rows = {density("a", 0, 2023), density("b", 2, 2023), density("c", 2, 2023),
                                   density("d", kNaN, 2023), density("a", 1, 2025), density("b", 3, 2025),
                                   density("c", 4, 2025), density("d", 5, 2025)};
    const auto found = report::signals(rows, {.by_period = true});
    REQUIRE(found.size() == 2);
    CHECK((found[0].row == 4 && found[0].signal == "change" && found[0].score == kInf));
    CHECK(found[0].reference == 0.0);
    CHECK(found[0].peers == 0);
    CHECK((found[1].row == 6 && found[1].score == 1.0 && found[1].reference == 2.0));
    // outliers are judged within each period: six networks in 2024, one far; in 2023 all
    // equal
    auto two = batch({1, 1, 1, 1, 1, 1}, 2023);
    for (const auto& r : batch({0.30, 0.31, 0.29, 0.30, 0.32, 0.10}, 2024)) two.push_back(r);
    const auto periods = report::signals(two, {.by_period = true, .change = 10.0});
    REQUIRE(periods.size() == 1);
    CHECK(periods[0].row == 11);
    CHECK(periods[0].score == Approx(-13.49));
    // without by_period the twelve rows are two rows per network: an error
    CHECK_THROWS_WITH(report::signals(two),
                      "signals: network 'a' has 2 rows for indicator 'density' (scope 'network', subject 'a') "
                      "at rows [0, 6]; one value per network and key");
}

TEST_CASE("signals: bad input is named") {
    const auto rows = batch({0.1, 0.2, 0.3, 0.4, 0.5});
    CHECK_THROWS_AS(report::signals(rows, {.threshold = 0}), InputError);
    CHECK_THROWS_WITH(report::signals(rows, {.threshold = 0}),
                      "signals: threshold must be a positive finite number, not 0.0");
    CHECK_THROWS_WITH(report::signals(rows, {.change = kNaN}),
                      "signals: change must be a positive finite number, not nan");
    CHECK_THROWS_WITH(report::signals(rows, {.min_peers = 1}), "signals: min_peers must be at least 2, not 1");
    auto nameless = rows;
    nameless[3].network = "";
    CHECK_THROWS_WITH(report::signals(nameless), "signals: row 3 has no network");
    auto layer = rows;
    for (auto& r : layer) {
        r.scope = "layer";
        r.subject = "information";
    }
    layer[2].subject = "";
    CHECK_THROWS_WITH(report::signals(layer), "signals: row 2 ('density', scope 'layer') has no subject");
    layer[2].value = kNaN;  // a row without a value needs no subject
    CHECK(report::signals(layer).empty());
    std::vector<SignalRow> twice = {density("a", 1, 2023), density("a", 2, 2023)};
    CHECK_THROWS_WITH(report::signals(twice, {.by_period = true, .period_name = "year"}),
                      "signals: network 'a', year 2023 has 2 rows for indicator 'density' (scope 'network', "
                      "subject 'a') at rows [0, 1]; one value per network and key");
}
