// Event logs: columnar construction, sorting, organisation mapping, handover (beta 0 and
// beta > 0), working together, subcontracting, journeys and variants on hand-made logs.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ketennet/eventlog/handover.hpp"
#include "ketennet/eventlog/journeys.hpp"
#include "ketennet/eventlog/subcontracting.hpp"
#include "ketennet/eventlog/working_together.hpp"

using namespace ketennet;
using namespace ketennet::eventlog;

namespace {

constexpr std::int64_t hour = 3600LL * 1000000000LL;

struct Ev {
    std::string c, act, org;  // org "" = none
    std::int64_t hours;
};

// Builds a log from rows; the organisation column is filled from `org`.
EventLog make_log(const std::vector<Ev>& rows) {
    EventLog log;
    for (const auto& r : rows) {
        log.case_index.push_back(log.cases.code(r.c));
        log.activity.push_back(log.activities.code(r.act));
        log.resource.push_back(r.org.empty() ? none : log.resources.code(r.org));
        log.organisation.push_back(r.org.empty() ? none : log.organisations.code(r.org));
        log.time.push_back(r.hours * hour);
    }
    log.finalise();
    return log;
}

const NodeKey by_org{};

// Case 1: A(0h) B(1h) A(3h) C(6h)        orgs A -> B -> A -> C
// Case 2: A(0h) ?(2h) B(4h) B(5h)        orgs A -> (unknown) -> B B
// Case 3: C(0h)                          one event
EventLog three_cases() {
    return make_log({{"1", "a", "A", 0}, {"1", "b", "B", 1}, {"1", "a", "A", 3}, {"1", "c", "C", 6},
                     {"2", "a", "A", 0}, {"2", "x", "", 2}, {"2", "b", "B", 4}, {"2", "b2", "B", 5},
                     {"3", "c", "C", 0}});
}

}  // namespace

TEST_CASE("event log: grouping by case and stable sorting by time are counted", "[eventlog]") {
    // input order: case x at 5h, case y at 1h, case x at 2h, case x at 2h (tie, kept in order)
    EventLog log;
    auto add = [&](const char* c, const char* a, std::int64_t h) {
        log.case_index.push_back(log.cases.code(c));
        log.activity.push_back(log.activities.code(a));
        log.time.push_back(h * hour);
    };
    add("x", "late", 5);
    add("y", "only", 1);
    add("x", "tie1", 2);
    add("x", "tie2", 2);
    log.finalise();
    REQUIRE(log.case_count() == 2);
    REQUIRE(log.case_offsets() == std::vector<std::int64_t>{0, 3, 4});
    CHECK(log.activities[log.activity[0]] == "tie1");
    CHECK(log.activities[log.activity[1]] == "tie2");
    CHECK(log.activities[log.activity[2]] == "late");
    CHECK(log.activities[log.activity[3]] == "only");
    CHECK(log.reordered_cases() == 1);
    CHECK(log.unmapped_events() == 4);
    CHECK(EventLog::core_bytes_per_event() == 24);
}

TEST_CASE("event log: bad input is named", "[eventlog][errors]") {
    EventLog empty;
    CHECK_THROWS_WITH(empty.finalise(), Catch::Contains("empty"));
    EventLog log;
    log.case_index = {0};
    log.cases.code("c");
    log.activity = {0};
    log.activities.code("a");
    log.time = {missing_int};
    CHECK_THROWS_WITH(log.finalise("row"), Catch::Contains("row 0: missing timestamp"));
    const EventLog ok = three_cases();
    TransitionOptions bad;
    bad.beta = 1.0;
    CHECK_THROWS_AS(transitions(ok, by_org, bad), InputError);
    CHECK_THROWS_AS(ok.nodes(NodeKey{NodeKey::Source::attribute, "nope"}), UnknownId);
    // a code the dictionary lacks is a ketennet error, not std::out_of_range
    CHECK(ok.activities[0] == ok.activities.values()[0]);
    CHECK_THROWS_AS(ok.activities[-1], UnknownId);
    CHECK_THROWS_WITH(ok.activities[std::int32_t(ok.activities.size())],
                      Catch::Contains("is not in the dictionary"));
}

TEST_CASE("timestamps: ISO 8601 with offsets, fractions and plain dates", "[eventlog]") {
    std::int64_t t = 0;
    REQUIRE(parse_timestamp("1970-01-01T00:00:00Z", t));
    CHECK(t == 0);
    REQUIRE(parse_timestamp("1970-01-01T01:00:00.5+01:00", t));
    CHECK(t == 500000000);
    REQUIRE(parse_timestamp("2011-10-01 00:38:44.546-0200", t));
    CHECK(t == (1317429524LL + 7200) * 1000000000LL + 546000000LL);
    REQUIRE(parse_timestamp("2000-02-29", t));
    CHECK(t == 951782400LL * 1000000000LL);
    CHECK_FALSE(parse_timestamp("2001-02-29", t));
    CHECK_FALSE(parse_timestamp("yesterday", t));
    CHECK_FALSE(parse_timestamp("2011-10-01T25:00", t));
}

TEST_CASE("timestamps: outside the int64 nanosecond range refused, never wrapped", "[eventlog]") {
    std::int64_t t = 7;
    CHECK(parse_timestamp_checked("9999-12-31T00:00:00Z", t) == TimestampParse::out_of_range);
    CHECK(parse_timestamp_checked("1000-01-01", t) == TimestampParse::out_of_range);
    CHECK(parse_timestamp_checked("2262-04-11T23:47:16.854775808Z", t) == TimestampParse::out_of_range);
    // the smallest int64 means "missing": the first instant is one nanosecond later
    CHECK(parse_timestamp_checked("1677-09-21T00:12:43.145224192Z", t) == TimestampParse::out_of_range);
    CHECK(t == 7);  // untouched
    REQUIRE(parse_timestamp_checked("2262-04-11T23:47:16.854775807Z", t) == TimestampParse::ok);
    CHECK(t == std::numeric_limits<std::int64_t>::max());
    REQUIRE(parse_timestamp_checked("1677-09-21T00:12:43.145224193Z", t) == TimestampParse::ok);
    CHECK(t == std::numeric_limits<std::int64_t>::min() + 1);
    REQUIRE(parse_timestamp_checked("1677-09-21T02:12:43.145224193+02:00", t) == TimestampParse::ok);
    CHECK(t == std::numeric_limits<std::int64_t>::min() + 1);
    REQUIRE(parse_timestamp_checked("1969-12-31T23:59:59.5Z", t) == TimestampParse::ok);
    CHECK(t == -500000000);
}

TEST_CASE("timestamps: clock values out of range and leap seconds refused; 24:00:00 is midnight", "[eventlog]") {
    std::int64_t t = 0;
    for (const char* s : {"2024-01-01T24:59:60Z", "2024-01-01T23:59:60Z", "2024-01-01T24:00:01Z",
                          "2024-01-01T24:00:00.1Z", "2024-01-01T23:60:00Z", "2024-01-01T25:00:00Z"}) {
        INFO(s);
        CHECK(parse_timestamp_checked(s, t) == TimestampParse::malformed);
    }
    REQUIRE(parse_timestamp("2024-12-31T24:00:00Z", t));
    std::int64_t next = 0;
    REQUIRE(parse_timestamp("2025-01-01T00:00:00Z", next));
    CHECK(t == next);
}

TEST_CASE("handover, beta 0: direct successions, unknown events skipped", "[eventlog][handover]") {
    const EventLog log = three_cases();
    const auto t = transitions(log, by_org);
    // pairs: case 1: A->B (1h), B->A (2h), A->C (3h); case 2: A->B (4h: A at 0h, B at 4h)
    REQUIRE(t.nodes == std::vector<std::string>{"A", "B", "C"});
    REQUIRE(t.source.size() == 3);
    CHECK(t.skipped_events == 1);
    CHECK(t.total_volume == 4.0);
    // A->B: two handovers, waits 1h and 4h
    CHECK(t.source[0] == 0);
    CHECK(t.target[0] == 1);
    CHECK(t.handovers[0] == 2);
    CHECK(t.cases[0] == 2);
    CHECK(t.mean_seconds[0] == Approx(2.5 * 3600));
    CHECK(t.median_seconds[0] == Approx(2.5 * 3600));
    CHECK(t.share[0] == Approx(0.5));
    const Network net = handover_network(log, by_org);
    CHECK(net.organisation_count() == 3);
    CHECK(net.relation_count() == 3);
    const Relation r = net.relation(net.relation_position("A", "B", "case"));
    CHECK(*r.volume == 2.0);
    CHECK(*r.latency == Approx(2.5 / 24.0));
    CHECK(net.metadata()["skipped_events"] == 1);
}

namespace {

/// The pairs of a table as "A->B" with their handovers, in table order.
std::vector<std::pair<std::string, std::int64_t>> pairs_of(const TransitionTable& t) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (std::size_t e = 0; e < t.source.size(); ++e)
        out.emplace_back(t.nodes[std::size_t(t.source[e])] + "->" + t.nodes[std::size_t(t.target[e])],
                         t.handovers[e]);
    return out;
}

}  // namespace

// three_cases() cut at 2h. Receiving events: case 1 A->B at 1h, B->A at 3h, A->C at 6h;
// case 2 A->B at 4h (B->B at 5h is a self pair, left out).
//   [0h, 2h): A->B (1h). Events A(0h, 0h) B(1h) C(0h); starts A, A, C; ends C (case 3).
//   [2h, end): B->A, A->C, A->B. Events A(3h) C(6h) B(4h, 5h); no starts; ends C, B.
//   [5h, 6h): no pair; only B(5h) is active: the table keeps B alone.
TEST_CASE("handover in a time window: pairs by their receiving event", "[eventlog][handover]") {
    const EventLog log = three_cases();
    TransitionOptions early;
    early.until = 2 * hour;
    const auto a = transitions(log, by_org, early);
    CHECK(a.nodes == std::vector<std::string>{"A", "B", "C"});
    CHECK(pairs_of(a) == std::vector<std::pair<std::string, std::int64_t>>{{"A->B", 1}});
    CHECK(a.node_events == std::vector<std::int64_t>{2, 1, 1});
    CHECK(a.node_starts == std::vector<std::int64_t>{2, 0, 1});
    CHECK(a.node_ends == std::vector<std::int64_t>{0, 0, 1});
    CHECK(a.mean_seconds[0] == Approx(3600.0));
    CHECK(a.share[0] == 1.0);
    TransitionOptions late;
    late.from = 2 * hour;
    const auto b = transitions(log, by_org, late);
    CHECK(pairs_of(b) == std::vector<std::pair<std::string, std::int64_t>>{
                             {"B->A", 1}, {"A->C", 1}, {"A->B", 1}});
    CHECK(b.node_events == std::vector<std::int64_t>{1, 2, 1});
    CHECK(b.node_starts == std::vector<std::int64_t>{0, 0, 0});
    CHECK(b.node_ends == std::vector<std::int64_t>{0, 1, 1});
    // A->B of case 2 waited 4h: its wait belongs to the window of its receiving event
    CHECK(b.mean_seconds[2] == Approx(4 * 3600.0));
    TransitionOptions narrow;
    narrow.from = 5 * hour;
    narrow.until = 6 * hour;
    const auto c = transitions(log, by_org, narrow);
    CHECK(c.nodes == std::vector<std::string>{"B"});
    CHECK(c.source.empty());
    CHECK(c.node_events == std::vector<std::int64_t>{1});
    CHECK(c.node_ends == std::vector<std::int64_t>{1});
    CHECK(handover_network(log, by_org, narrow).organisation_count() == 1);
    TransitionOptions empty;
    empty.from = empty.until = hour;
    CHECK_THROWS_WITH(transitions(log, by_org, empty), Catch::Contains("the time window is empty"));
}

TEST_CASE("handover, self loops and beta > 0 follow the paper", "[eventlog][handover]") {
    const EventLog log = three_cases();
    TransitionOptions o;
    o.self_loops = true;
    const auto t = transitions(log, by_org, o);
    // case 2 adds B->B (1h)
    CHECK(t.total_volume == 5.0);
    o.beta = 0.5;
    o.self_loops = false;
    const auto b = transitions(log, by_org, o);
    // case 1 sequence A B A C: direct A->B, B->A, A->C (1 each); distance 2: A->A (skipped,
    // self), B->C 0.5; distance 3: A->C 0.25. Case 2 sequence A B B: A->B 1, B->B skipped,
    // A->B at distance 2: 0.5.
    auto vol = [&](const std::string& s, const std::string& d) {
        for (std::size_t e = 0; e < b.source.size(); ++e)
            if (b.nodes[b.source[e]] == s && b.nodes[b.target[e]] == d) return b.volume[e];
        return -1.0;
    };
    CHECK(vol("A", "B") == Approx(2.5));
    CHECK(vol("B", "A") == Approx(1.0));
    CHECK(vol("A", "C") == Approx(1.25));
    CHECK(vol("B", "C") == Approx(0.5));
    CHECK(b.total_volume == Approx(5.25));
}

TEST_CASE("working together and subcontracting", "[eventlog][social]") {
    const EventLog log = three_cases();
    const auto w = working_together_counts(log, by_org);
    // case 1: {A, B, C}: AB, AC, BC; case 2: {A, B}: AB; case 3: {C}
    REQUIRE(w.source.size() == 3);
    CHECK(w.count[0] == 2.0);  // A-B
    CHECK(w.share[0] == Approx(2.0 / 3.0));
    const Network wn = working_together(log, by_org);
    CHECK_FALSE(wn.layer("working together").directed);
    // subcontracting n = 2: case 1 A B A C: A..A around B -> (A, B) once
    const auto s = subcontracting_counts(log, by_org);
    REQUIRE(s.source.size() == 1);
    CHECK(s.nodes[s.source[0]] == "A");
    CHECK(s.nodes[s.target[0]] == "B");
    CHECK(s.count[0] == 1.0);
    CHECK(s.share[0] == Approx(1.0 / 3.0));
    CHECK_THROWS_AS(subcontracting_counts(log, by_org, {.n = 1}), InputError);
}

TEST_CASE("journeys: lead time, handovers, ping-pong, waiting share, variants", "[eventlog][journeys]") {
    const EventLog log = three_cases();
    const auto j = journeys(log, by_org);
    // case 1: A B A C, lead 6h, visits 4, orgs 3, handovers 3, ping-pong 1 (A B A),
    //         repeated 1, waiting = 1 + 2 + 3 = 6h -> share 1
    CHECK(j.lead_ns[0] == 6 * hour);
    CHECK(j.visits[0] == 4);
    CHECK(j.organisations[0] == 3);
    CHECK(j.handovers[0] == 3);
    CHECK(j.ping_pong[0] == 1);
    CHECK(j.repeated_visits[0] == 1);
    CHECK(j.waiting_share[0] == Approx(1.0));
    // case 2: A ? B B, lead 5h (unknown event counts), visits (A, B), waiting 4h
    CHECK(j.lead_ns[1] == 5 * hour);
    CHECK(j.unmapped[1] == 1);
    CHECK(j.handovers[1] == 1);
    CHECK(j.waiting_ns[1] == 4 * hour);
    CHECK(j.waiting_share[1] == Approx(0.8));
    // case 3: one event: lead 0, waiting share NaN
    CHECK(j.lead_ns[2] == 0);
    CHECK(std::isnan(j.waiting_share[2]));
    REQUIRE(j.variants.size() == 3);
    CHECK(j.variant_cases == std::vector<std::int64_t>{1, 1, 1});
    const auto raw = journeys(log, by_org, {.collapse = false});
    CHECK(raw.visits[1] == 3);  // A B B
}

TEST_CASE("organisation mapping: uncovered events are counted, not lost", "[eventlog]") {
    EventLog log = three_cases();
    log.map_organisations({"a", "b"}, {"police", "court"}, false);
    CHECK(log.unmapped_events() == 4);  // c, x, b2, c
    CHECK(log.event_count() == 9);
    const auto t = transitions(log, by_org);
    CHECK(t.skipped_events == 4);
    CHECK_THROWS_AS(log.map_organisations({"a"}, {""}, false), InputError);
}

TEST_CASE("handover: where cases start and end, visits balance", "[eventlog][handover]") {
    const EventLog log = three_cases();
    const auto t = transitions(log, by_org);
    // case 1 starts at A, ends at C; case 2 starts at A, ends at B; case 3 starts and ends at C
    CHECK(t.node_starts == std::vector<std::int64_t>{2, 0, 1});
    CHECK(t.node_ends == std::vector<std::int64_t>{0, 1, 2});
    // visits: A 3 (2 starts + 1 from B), B 2, C 2
    std::vector<double> in(3, 0.0), out(3, 0.0);
    for (std::size_t e = 0; e < t.source.size(); ++e) {
        out[std::size_t(t.source[e])] += t.volume[e];
        in[std::size_t(t.target[e])] += t.volume[e];
    }
    for (std::size_t v = 0; v < 3; ++v)
        CHECK(double(t.node_starts[v]) + in[v] == double(t.node_ends[v]) + out[v]);
    const Network net = handover_network(log, by_org);
    const auto& a = net.organisation("A").attributes;
    CHECK(std::get<double>(a.at("case_starts")) == 2.0);
    CHECK(std::get<double>(a.at("case_ends")) == 0.0);
    CHECK(std::get<double>(net.organisation("C").attributes.at("case_ends")) == 2.0);
}
