// Time-respecting reach along handover contacts (eventlog::temporal_reach, its reference
// implementation, handover_contacts) and the stage order of cases (eventlog::stage_order).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/eventlog/temporal_reach.hpp"

using namespace ketennet;
using namespace ketennet::eventlog;

namespace {

constexpr std::int64_t hour = 3600LL * 1000000000LL;

struct Contact {
    int u, v;
    std::int64_t departs, arrives;  // hours
};

HandoverContacts stream(std::vector<std::string> nodes, const std::vector<Contact>& cs) {
    HandoverContacts c;
    c.nodes = std::move(nodes);
    for (const auto& x : cs) {
        c.source.push_back(x.u);
        c.target.push_back(x.v);
        c.departure.push_back(x.departs * hour);
        c.arrival.push_back(x.arrives * hour);
    }
    return c;
}

enum { A, B, C, D, E, F };

// The contact stream: each handover departs at the first hour and arrives at the second.
//
//   A --0>1--> B --2>3--> C --48>50--> D --55>60--> E
//   A ------36>38-------> C
//                B --18>20--> F --30>35--> E
//
// With a waiting limit of 24 hours:
// - B never reaches D: B -> C arrives at 3 and C -> D departs at 48 (a wait of 45 hours).
// - A reaches E first by A -> B -> F -> E (departing at 0, arriving at 35: 35 hours), fastest
//   by A -> C -> D -> E (departing at 36, arriving at 60: 24 hours; waits of 10 and 5 hours).
// - C -> D is a direct pair whose fastest is its latency (2 hours); so is A -> C (2 hours),
//   though A's information reaches C first through B (at 3).
HandoverContacts drawn() {
    // listed out of time order on purpose
    return stream({"A", "B", "C", "D", "E", "F"}, {{C, D, 48, 50}, {A, B, 0, 1}, {B, C, 2, 3}, {B, F, 18, 20},
                                                   {F, E, 30, 35}, {A, C, 36, 38}, {D, E, 55, 60}});
}

std::size_t at(const TemporalReach& r, int s, int v) { return std::size_t(s) * r.nodes.size() + std::size_t(v); }

void same(const TemporalReach& a, const TemporalReach& b) {
    CHECK(a.nodes == b.nodes);
    CHECK(a.reachable == b.reachable);
    CHECK(a.fastest_ns == b.fastest_ns);
    CHECK(a.first_arrival_ns == b.first_arrival_ns);
    CHECK(a.reach == b.reach);
    CHECK(a.reached_by == b.reached_by);
}

}  // namespace

TEST_CASE("temporal reach: handovers take time; a waiting limit cuts a path; the fastest path is not the earliest", "[eventlog][temporal]") {
    const auto c = drawn();
    TemporalReachOptions o;
    o.within_ns = 24 * hour;
    for (const auto& r : {temporal_reach(c, o), reference::temporal_reach(c, o)}) {
        CHECK(r.contacts == 7);
        CHECK(r.within_ns == 24 * hour);
        CHECK(r.reachable[at(r, B, D)] == 0);  // waits 45 hours at C
        CHECK(r.fastest_ns[at(r, B, D)] == missing_int);
        CHECK(r.first_arrival_ns[at(r, B, D)] == missing_int);
        CHECK(r.reachable[at(r, A, D)] == 1);
        CHECK(r.fastest_ns[at(r, A, D)] == 14 * hour);  // 36 -> 50
        CHECK(r.first_arrival_ns[at(r, A, D)] == 50 * hour);
        // A -> E: earliest arrival at 35 (35 hours), fastest 24 hours (arriving at 60)
        CHECK(r.first_arrival_ns[at(r, A, E)] == 35 * hour);
        CHECK(r.fastest_ns[at(r, A, E)] == 24 * hour);
        // direct pairs: the fastest is the handover's latency, never 0
        CHECK(r.fastest_ns[at(r, C, D)] == 2 * hour);
        CHECK(r.fastest_ns[at(r, A, B)] == 1 * hour);
        CHECK(r.fastest_ns[at(r, A, C)] == 2 * hour);       // the direct handover 36 -> 38
        CHECK(r.first_arrival_ns[at(r, A, C)] == 3 * hour);  // through B
        CHECK(r.fastest_ns[at(r, A, F)] == 20 * hour);       // 0 -> 20, waiting 17 hours at B
        CHECK(r.fastest_ns[at(r, B, E)] == 17 * hour);
        CHECK(r.fastest_ns[at(r, C, E)] == 12 * hour);
        CHECK(r.reachable[at(r, E, A)] == 0);
        CHECK(r.reachable[at(r, D, C)] == 0);  // against time
        CHECK(r.reachable[at(r, A, A)] == 0);  // the diagonal is unused
        CHECK(r.reach == std::vector<std::int32_t>{5, 3, 2, 1, 0, 1});
        CHECK(r.reached_by == std::vector<std::int32_t>{0, 1, 2, 2, 5, 2});
    }
    // without a waiting limit B reaches D (departing at 2, arriving at 50) and so reaches 4
    const auto r = temporal_reach(c);
    same(r, reference::temporal_reach(c));
    CHECK(r.within_ns == no_wait_limit);
    CHECK(r.fastest_ns[at(r, B, D)] == 48 * hour);
    CHECK(r.fastest_ns[at(r, B, E)] == 17 * hour);
    CHECK(r.fastest_ns[at(r, A, E)] == 24 * hour);
    CHECK(r.reach == std::vector<std::int32_t>{5, 4, 2, 1, 0, 1});
    // a limit of 10 hours leaves A -> C -> D -> E (waits of 10 and 5) but cuts A -> B -> F (17)
    o.within_ns = 10 * hour;
    const auto ten = temporal_reach(c, o);
    same(ten, reference::temporal_reach(c, o));
    CHECK(ten.reachable[at(ten, A, F)] == 0);
    CHECK(ten.first_arrival_ns[at(ten, A, E)] == 60 * hour);
    CHECK(ten.fastest_ns[at(ten, B, E)] == 17 * hour);  // B -> F departs B at once: no wait there
}

TEST_CASE("temporal reach: handovers of latency 0 chain at one instant, in any listed order", "[eventlog][temporal]") {
    // X -> Y, Y -> Z (listed first) and Z -> X, each departing and arriving at 5; Z -> W
    // departs at 5 and arrives at 7, where W -> V departs at once
    enum { X, Y, Z, W, V };
    const auto c = stream({"X", "Y", "Z", "W", "V"}, {{Y, Z, 5, 5}, {X, Y, 5, 5}, {Z, X, 5, 5}, {W, V, 7, 9}, {Z, W, 5, 7}});
    TemporalReachOptions o;
    o.within_ns = 0;
    const auto r = temporal_reach(c, o);
    same(r, reference::temporal_reach(c, o));
    CHECK(r.reach == std::vector<std::int32_t>{4, 4, 4, 1, 0});
    CHECK(r.fastest_ns[at(r, X, Z)] == 0);
    CHECK(r.first_arrival_ns[at(r, X, Z)] == 5 * hour);
    CHECK(r.fastest_ns[at(r, X, V)] == 4 * hour);
    CHECK(r.first_arrival_ns[at(r, X, V)] == 9 * hour);
}

TEST_CASE("temporal reach: the one-pass kernel equals the reference on random streams, for any thread count", "[eventlog][temporal][kernels]") {
    std::mt19937_64 gen(7);
    for (int round = 0; round < 60; ++round) {
        const int n = 2 + int(gen() % 7);
        const int m = int(gen() % 60);
        std::vector<std::string> nodes;
        for (int i = 0; i < n; ++i) nodes.emplace_back(1, char('a' + i));
        std::vector<Contact> cs;
        for (int i = 0; i < m; ++i) {
            const int u = int(gen() % std::uint64_t(n));
            int v = int(gen() % std::uint64_t(n - 1));
            if (v >= u) ++v;
            const std::int64_t d = std::int64_t(gen() % 40);                   // many ties
            const std::int64_t lat = gen() % 3 == 0 ? 0 : std::int64_t(gen() % 8);  // many of latency 0
            cs.push_back({u, v, d, d + lat});
        }
        const auto c = stream(nodes, cs);
        for (const std::int64_t w : {no_wait_limit, std::int64_t(0), 3 * hour, 12 * hour}) {
            TemporalReachOptions o;
            o.within_ns = w;
            INFO("round " << round << ", within " << w);
            const auto ref = reference::temporal_reach(c, o);
            for (const unsigned threads : {1u, 3u}) {
                o.threads = threads;
                same(temporal_reach(c, o), ref);
            }
        }
    }
}

TEST_CASE("temporal reach: bad input is named; progress can cancel", "[eventlog][temporal][errors]") {
    auto c = drawn();
    TemporalReachOptions o;
    o.within_ns = -2;
    CHECK_THROWS_WITH(temporal_reach(c, o), Catch::Contains("waiting limit must be >= 0"));
    c.target[1] = 9;
    CHECK_THROWS_WITH(temporal_reach(c), Catch::Contains("contact 1 names a node out of range"));
    c = drawn();
    c.arrival.pop_back();
    CHECK_THROWS_WITH(reference::temporal_reach(c), Catch::Contains("differ in length"));
    c = drawn();
    c.arrival[2] = 1 * hour;  // B -> C departs at 2
    CHECK_THROWS_WITH(temporal_reach(c), Catch::Contains("contact 2 arrives (3600000000000 ns) before it departs (7200000000000 ns)"));
    c = drawn();
    c.departure[3] = missing_int;
    CHECK_THROWS_WITH(temporal_reach(c), Catch::Contains("contact 3 has no departure time"));
    TemporalReachOptions stop;
    stop.progress = [](double f) { return f < 0.5; };
    CHECK_THROWS_AS(temporal_reach(drawn(), stop), Cancelled);
}

namespace {

struct Ev {
    std::string c, org;  // org "" = none
    std::int64_t hours;
};

EventLog make_log(const std::vector<Ev>& rows) {
    EventLog log;
    for (const auto& r : rows) {
        log.case_index.push_back(log.cases.code(r.c));
        log.activity.push_back(log.activities.code("a"));
        log.resource.push_back(none);
        log.organisation.push_back(r.org.empty() ? none : log.organisations.code(r.org));
        log.time.push_back(r.hours * hour);
    }
    log.finalise();
    return log;
}

// Case 1: P(0) ?(1) P(2) O(3) R(5)     contacts P -> O 2 -> 3, O -> R 3 -> 5
// Case 2: O(10) P(11) R(12)            contacts O -> P 10 -> 11, P -> R 11 -> 12
// Case 3: P(0) X(4)                    X is in no stage; contact P -> X 0 -> 4
// Case 4: ?(0)                         no organisation
EventLog four_cases() {
    return make_log({{"1", "P", 0}, {"1", "", 1}, {"1", "P", 2}, {"1", "O", 3}, {"1", "R", 5},
                     {"2", "O", 10}, {"2", "P", 11}, {"2", "R", 12},
                     {"3", "P", 0}, {"3", "X", 4},
                     {"4", "", 0}});
}

}  // namespace

TEST_CASE("handover contacts: direct successions of the log, from the sending to the receiving event", "[eventlog][temporal]") {
    const auto c = handover_contacts(four_cases(), NodeKey{});
    CHECK(c.nodes == std::vector<std::string>{"P", "O", "R", "X"});
    CHECK(c.source == std::vector<std::int32_t>{0, 1, 1, 0, 0});
    CHECK(c.target == std::vector<std::int32_t>{1, 2, 0, 2, 3});
    // departs at the last event at the sender (P at 2, not 0), arrives at the first at the receiver
    CHECK(c.departure == std::vector<std::int64_t>{2 * hour, 3 * hour, 10 * hour, 11 * hour, 0});
    CHECK(c.arrival == std::vector<std::int64_t>{3 * hour, 5 * hour, 11 * hour, 12 * hour, 4 * hour});
    CHECK(c.case_index == std::vector<std::int32_t>{0, 0, 1, 1, 2});
    CHECK(c.skipped_events == 2);
    // P reaches O, R, X; O reaches R (at 5) and P (at 11); R and X reach nobody
    const auto r = temporal_reach(four_cases(), NodeKey{});
    CHECK(r.reach == std::vector<std::int32_t>{3, 2, 0, 0});
    CHECK(r.fastest_ns[1 * 4 + 2] == 2 * hour);        // O -> R: 3 -> 5, or O -> P -> R 10 -> 12
    CHECK(r.fastest_ns[0 * 4 + 2] == 1 * hour);        // P -> R: 11 -> 12
    CHECK(r.first_arrival_ns[0 * 4 + 2] == 5 * hour);  // P -> O -> R: 2 -> 3 -> 5
    CHECK(!r.with_stage_order);
}

TEST_CASE("stage order: non-decreasing stage indices; unstaged and empty cases apart", "[eventlog][temporal]") {
    // politie (P) -> OM (O) -> rechtbank (R); O also acts in the last stage
    const std::vector<Stage> stages = {{"opsporing", {"P"}}, {"vervolging", {"O"}}, {"berechting", {"R", "O"}}};
    const auto s = stage_order(four_cases(), NodeKey{}, stages);
    CHECK(s.cases == std::vector<StageOrderCase>{StageOrderCase::respects, StageOrderCase::violates,
                                                 StageOrderCase::unstaged, StageOrderCase::no_organisation});
    CHECK((s.respecting == 1 && s.violating == 1 && s.unstaged == 1 && s.no_organisation == 1));
    CHECK(s.share == 0.5);
    CHECK(s.unstaged_nodes == std::vector<std::string>{"X"});
    // O in berechting too: P, O, R, O respects (P 0, O 1, R 2, O 2)
    const auto again = stage_order(make_log({{"1", "P", 0}, {"1", "O", 1}, {"1", "R", 2}, {"1", "O", 3}}),
                                   NodeKey{}, stages);
    CHECK(again.respecting == 1);
    TemporalReachOptions o;
    o.stages = stages;
    const auto r = temporal_reach(four_cases(), NodeKey{}, o);
    CHECK(r.with_stage_order);
    CHECK(r.stage_order.share == 0.5);
    CHECK(std::isnan(stage_order(make_log({{"1", "X", 0}}), NodeKey{}, stages).share));
    CHECK_THROWS_WITH(stage_order(four_cases(), NodeKey{}, {}), Catch::Contains("no stages"));
    CHECK_THROWS_WITH(stage_order(four_cases(), NodeKey{}, {{"s", {""}}}),
                      Catch::Contains("stage 's' lists an empty organisation id"));
}
