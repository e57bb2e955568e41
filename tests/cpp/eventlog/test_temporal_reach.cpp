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
    std::int64_t hours;
};

HandoverContacts stream(std::vector<std::string> nodes, const std::vector<Contact>& cs) {
    HandoverContacts c;
    c.nodes = std::move(nodes);
    for (const auto& x : cs) {
        c.source.push_back(x.u);
        c.target.push_back(x.v);
        c.time.push_back(x.hours * hour);
    }
    return c;
}

enum { A, B, C, D, E, F };

// The contact stream (hours):
//
//   A --1--> B --2--> C --50--> D --60--> E
//   A --------40----> C         B --20--> F --35--> E
//
// A -> C at 40 and C -> D at 50 (A's fastest way to D: 10 hours). B -> C at 2 and C -> D at
// 50 wait 48 hours at C: with a waiting limit of 24 hours B never reaches D. A reaches E first
// by A -1-> B -20-> F -35-> E (arrival 35, 34 hours), fastest by A -40-> C -50-> D -60-> E
// (20 hours, arriving at 60).
HandoverContacts drawn() {
    // listed out of time order on purpose
    return stream({"A", "B", "C", "D", "E", "F"},
                  {{C, D, 50}, {A, B, 1}, {B, C, 2}, {B, F, 20}, {F, E, 35}, {A, C, 40}, {D, E, 60}});
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

TEST_CASE("temporal reach: a waiting limit cuts a path; the fastest path is not the earliest", "[eventlog][temporal]") {
    const auto c = drawn();
    TemporalReachOptions o;
    o.within_ns = 24 * hour;
    for (const auto& r : {temporal_reach(c, o), reference::temporal_reach(c, o)}) {
        CHECK(r.contacts == 7);
        CHECK(r.within_ns == 24 * hour);
        CHECK(r.reachable[at(r, B, D)] == 0);  // waits 48 hours at C
        CHECK(r.fastest_ns[at(r, B, D)] == missing_int);
        CHECK(r.first_arrival_ns[at(r, B, D)] == missing_int);
        CHECK(r.reachable[at(r, A, D)] == 1);
        CHECK(r.fastest_ns[at(r, A, D)] == 10 * hour);
        CHECK(r.first_arrival_ns[at(r, A, D)] == 50 * hour);
        // A -> E: earliest arrival at 35 (34 hours), fastest 20 hours (arriving at 60)
        CHECK(r.first_arrival_ns[at(r, A, E)] == 35 * hour);
        CHECK(r.fastest_ns[at(r, A, E)] == 20 * hour);
        CHECK(r.fastest_ns[at(r, A, C)] == 0);  // a direct handover
        CHECK(r.first_arrival_ns[at(r, A, C)] == 2 * hour);
        CHECK(r.fastest_ns[at(r, A, F)] == 19 * hour);
        CHECK(r.fastest_ns[at(r, B, E)] == 15 * hour);
        CHECK(r.fastest_ns[at(r, C, E)] == 10 * hour);
        CHECK(r.reachable[at(r, E, A)] == 0);
        CHECK(r.reachable[at(r, D, C)] == 0);  // against time
        CHECK(r.reachable[at(r, A, A)] == 0);  // the diagonal is unused
        CHECK(r.reach == std::vector<std::int32_t>{5, 3, 2, 1, 0, 1});
        CHECK(r.reached_by == std::vector<std::int32_t>{0, 1, 2, 2, 5, 2});
    }
    // without a waiting limit B reaches D (48 hours) and so reaches 4
    const auto r = temporal_reach(c);
    same(r, reference::temporal_reach(c));
    CHECK(r.within_ns == no_wait_limit);
    CHECK(r.fastest_ns[at(r, B, D)] == 48 * hour);
    CHECK(r.fastest_ns[at(r, B, E)] == 15 * hour);
    CHECK(r.fastest_ns[at(r, A, E)] == 20 * hour);
    CHECK(r.reach == std::vector<std::int32_t>{5, 4, 2, 1, 0, 1});
    // a limit of 10 hours leaves A -40-> C -50-> D -60-> E but cuts A -1-> B -20-> F
    o.within_ns = 10 * hour;
    const auto ten = temporal_reach(c, o);
    same(ten, reference::temporal_reach(c, o));
    CHECK(ten.reachable[at(ten, A, F)] == 0);
    CHECK(ten.first_arrival_ns[at(ten, A, E)] == 60 * hour);
}

TEST_CASE("temporal reach: contacts at one instant chain, in any listed order", "[eventlog][temporal]") {
    // X -5-> Y and Y -5-> Z (listed Y -> Z first), Z -5-> X
    const auto c = stream({"X", "Y", "Z"}, {{1, 2, 5}, {0, 1, 5}, {2, 0, 5}});
    TemporalReachOptions o;
    o.within_ns = 0;
    const auto r = temporal_reach(c, o);
    same(r, reference::temporal_reach(c, o));
    CHECK(r.reach == std::vector<std::int32_t>{2, 2, 2});
    CHECK(r.fastest_ns[at(r, 0, 2)] == 0);
    CHECK(r.first_arrival_ns[at(r, 0, 2)] == 5 * hour);
}

TEST_CASE("temporal reach: the one-pass kernel equals the reference on random streams, for any thread count", "[eventlog][temporal][kernels]") {
    std::mt19937_64 gen(7);
    for (int round = 0; round < 40; ++round) {
        const int n = 2 + int(gen() % 7);
        const int m = int(gen() % 60);
        std::vector<std::string> nodes;
        for (int i = 0; i < n; ++i) nodes.emplace_back(1, char('a' + i));
        std::vector<Contact> cs;
        for (int i = 0; i < m; ++i) {
            const int u = int(gen() % std::uint64_t(n));
            int v = int(gen() % std::uint64_t(n - 1));
            if (v >= u) ++v;
            cs.push_back({u, v, std::int64_t(gen() % 40)});  // many ties
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
    c.time.pop_back();
    CHECK_THROWS_WITH(reference::temporal_reach(c), Catch::Contains("differ in length"));
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

// Case 1: P(0) ?(1) P(2) O(3) R(5)     contacts P -> O at 3, O -> R at 5
// Case 2: O(10) P(11) R(12)            contacts O -> P at 11, P -> R at 12
// Case 3: P(0) X(4)                    X is in no stage; contact P -> X at 4
// Case 4: ?(0)                         no organisation
EventLog four_cases() {
    return make_log({{"1", "P", 0}, {"1", "", 1}, {"1", "P", 2}, {"1", "O", 3}, {"1", "R", 5},
                     {"2", "O", 10}, {"2", "P", 11}, {"2", "R", 12},
                     {"3", "P", 0}, {"3", "X", 4},
                     {"4", "", 0}});
}

}  // namespace

TEST_CASE("handover contacts: direct successions of the log, at the receiving event", "[eventlog][temporal]") {
    const auto c = handover_contacts(four_cases(), NodeKey{});
    CHECK(c.nodes == std::vector<std::string>{"P", "O", "R", "X"});
    CHECK(c.source == std::vector<std::int32_t>{0, 1, 1, 0, 0});
    CHECK(c.target == std::vector<std::int32_t>{1, 2, 0, 2, 3});
    CHECK(c.time == std::vector<std::int64_t>{3 * hour, 5 * hour, 11 * hour, 12 * hour, 4 * hour});
    CHECK(c.case_index == std::vector<std::int32_t>{0, 0, 1, 1, 2});
    CHECK(c.skipped_events == 2);
    // P reaches O, R, X; O reaches R (at 5) and P (at 11); R and X reach nobody
    const auto r = temporal_reach(four_cases(), NodeKey{});
    CHECK(r.reach == std::vector<std::int32_t>{3, 2, 0, 0});
    CHECK(r.fastest_ns[1 * 4 + 2] == 0);
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
