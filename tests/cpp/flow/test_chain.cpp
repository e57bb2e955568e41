// Feedback along a chain and the chain score, by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/flow/chain_score.hpp"
#include "ketennet/flow/feedback.hpp"
#include "ketennet/io/json.hpp"
#include "../test_helpers.hpp"
#include "flow_fixtures.hpp"

using namespace ketennet;
using kf::R;
using Ids = std::vector<std::string>;

//   stages  A = {a1, a2}  ->  B = {b}  ->  C = {c}
//
//        a1 ------> b ------> c
//        ^  a2 <----/         |
//        \--------------------/      (c -> a1: outcome back to the start)
//
//   pairs (upstream, downstream):
//     (A, B): b -> a2: 1 tie; coverage 1/2 (a2 of a1, a2); reach from b: c, a1, a2: 1
//     (A, C): c -> a1: 1 tie; coverage 1/2; reach from c: a1, b, a2: 1
//     (B, C): no tie c -> b; coverage 0; reach: c > a1 > b: 1
//   chain coverage 2/3, reach coverage 1; one strongly connected component {a1, b, c}
//   (a2 sends nothing); exit c reaches entry a1 directly: path c > a1
TEST_CASE("feedback: pairs of stages, components, exit to entry", "[flow][feedback]") {
    const Network net = kf::network({"a1", "a2", "b", "c"},
                                    {{"a1", "b"}, {"b", "c"}, {"c", "a1"}, {"b", "a2"}});
    const auto g = kf::view(net);
    const std::vector<std::vector<vertex_t>> stages{{0, 1}, {2}, {3}};
    const auto f = flow::feedback(*g, stages);
    REQUIRE(f.pairs.size() == 3);
    CHECK(f.pairs[0].upstream == 0);
    CHECK(f.pairs[0].downstream == 1);
    CHECK(f.pairs[0].ties == 1);
    CHECK(f.pairs[0].coverage == 0.5);
    CHECK(f.pairs[0].reach == 1.0);
    CHECK(f.pairs[1].upstream == 0);
    CHECK(f.pairs[1].downstream == 2);
    CHECK(f.pairs[1].ties == 1);
    CHECK(f.pairs[1].coverage == 0.5);
    CHECK(f.pairs[1].reach == 1.0);
    CHECK(f.pairs[2].upstream == 1);
    CHECK(f.pairs[2].downstream == 2);
    CHECK(f.pairs[2].ties == 0);
    CHECK(f.pairs[2].coverage == 0.0);
    CHECK(f.pairs[2].reach == 1.0);
    CHECK(f.coverage == Approx(2.0 / 3));
    CHECK(f.reach_coverage == 1.0);
    REQUIRE(f.components.size() == 1);
    CHECK(kf::ids(net, f.components[0]) == Ids{"a1", "b", "c"});
    CHECK(f.exit_reaches_entry);
    CHECK(kf::ids(net, f.exit_to_entry_path) == Ids{"c", "a1"});
}

//   a straight chain a -> b -> c: no feedback at all; an organisation acting in two stages
//   does not feed back to itself, and a self-loop is no hand-off.
TEST_CASE("feedback: none in a straight chain; self-ties do not count", "[flow][feedback]") {
    const Network net = kf::network({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "c"}});
    const auto g = kf::view(net);
    const auto f = flow::feedback(*g, {{0}, {1}, {2}});
    CHECK(f.coverage == 0.0);
    CHECK(f.reach_coverage == 0.0);
    CHECK(f.components.empty());
    CHECK_FALSE(f.exit_reaches_entry);
    CHECK(f.exit_to_entry_path.empty());
    const auto same = flow::feedback(*g, {{2}, {2}});
    CHECK(same.pairs[0].ties == 0);
    CHECK(same.pairs[0].reach == 0.0);
    CHECK_FALSE(same.exit_reaches_entry);
    CHECK_THROWS_AS(flow::feedback(*g, {{0}}), InputError);
}

TEST_CASE("chains naming unknown organisations are refused", "[flow][chain]") {
    const Network net = kf::network({"a", "b"}, {{"a", "b", 1, 1, 1, 1}});
    const Chain bad{"keten", {{"begin", {"a"}}, {"eind", {"nope"}}}};
    auto msg = kt::message_of<UnknownId>([&] { flow::resolve_chain(net, bad); });
    CHECK_THAT(msg, Catch::Contains("chain 'keten', stage 1 'eind': unknown organisation 'nope'"));
    CHECK_THROWS_AS(flow::score_chain(net, bad), UnknownId);
    msg = kt::message_of<InputError>([&] { flow::score_chain(net, Chain{"k", {{"x", {"a"}}}}); });
    CHECK_THAT(msg, Catch::Contains("at least two"));
    msg = kt::message_of<InputError>(
        [&] { flow::score_chain(net, Chain{"k", {{"x", {"a", "b"}}, {"y", {"b"}}}}); });
    CHECK_THAT(msg, Catch::Contains("'b' is in both the first and the last stage"));
    msg = kt::message_of<InputError>([&] { flow::score_chain(net, Chain{"k", {{"x", {}}, {"y", {"b"}}}}); });
    CHECK_THAT(msg, Catch::Contains("first stage 'x' is empty"));
}

namespace {

// The network and chain drawn below ("score_chain by hand"), also used by the progress test.
Network hand_chain() {
    return kf::network({"s", "m", "e", "x"},
                       {{"s", "m", 100, 10, 0.9, 80},
                        {"m", "e", 60, 20, 0.8, 50},
                        {"m", "s", 20, 2, 1.0, 20},
                        {"e", "m", 5, 3, 1.0, 5},
                        {"m", "x", 10, 5, 1.0, 10}},
                       true, "case");
}
Chain hand_chain_stages() { return Chain{"keten", {{"S1", {"s"}}, {"S2", {"m"}}, {"S3", {"e"}}}}; }

}  // namespace

//   stages S1 = {s} -> S2 = {m} -> S3 = {e};  x is in no stage.   (volume, days, quality, capacity)
//
//     s --(100, 10, .9, 80)--> m --(60, 20, .8, 50)--> e
//     s <--(20, 2, 1, 20)----- m <--(5, 3, 1, 5)------ e
//                              m --(10, 5, 1, 10)--> x
//
//   lead time (fastest): 10 + 20 = 30 via s > m > e
//   routing at m: e 60/90 = 2/3, s 20/90 = 2/9, x 10/90 = 1/9 (x passes nothing on: dead end)
//     arrival A = (2/3) / (1 - 2/9) = 6/7; loops m > s > m before arriving: geometric,
//     E[loops | arrive] = (2/9) / (7/9) = 2/7, each 12 days: expected 30 + 24/7 = 234/7
//     ends: x 1/7
//   throughput s -> e: min(80, 50) = 50; bottleneck {m}
//   fidelity: .9 * .8 = .72; expected: each loop keeps .9, E[.9^K | arrive] =
//     (7/9) / (1 - .9 * 2/9) = 35/36:  .72 * 35/36 = .7
//   typical path s > m > e (share 2/3): 2 hand-offs
//   attrition: S1 inflow (its outflow) 100, on 100, attrition 0;
//              S2 inflow 100 + 5 (returned) = 105; on 60, back 20, out 10, ends 15; 1 - 60/105 = 3/7
//              S3 inflow 60, back 5, ends 55, attrition NaN (last stage)
//   feedback: m -> s, e -> m: pairs (S1,S2) and (S2,S3) direct, (S1,S3) via m: coverage 2/3,
//     reach 1; exit e reaches entry s: e > m > s
TEST_CASE("score_chain by hand", "[flow][chain]") {
    Network net = hand_chain();
    const Chain chain = hand_chain_stages();
    const auto sc = flow::score_chain(net, chain);
    CHECK(sc.lead_time.value == 30.0);
    CHECK(kf::ids(net, sc.lead_time.path) == Ids{"s", "m", "e"});
    CHECK(sc.lead_time.layers == Ids{"case"});
    CHECK(sc.expected_lead_time.value == Approx(234.0 / 7).margin(1e-12));
    CHECK(sc.arrival.value == Approx(6.0 / 7).margin(1e-15));
    CHECK_THAT(sc.arrival.note, Catch::Contains("x 0.1429"));
    CHECK(sc.throughput.value == 50.0);
    CHECK_THAT(sc.throughput.note, Catch::Contains("minimum cut: m -> e"));
    CHECK(sc.bottlenecks.value == 1.0);
    CHECK(kf::ids(net, sc.bottlenecks.path) == Ids{"m"});
    CHECK(sc.fidelity.value == Approx(0.72).margin(1e-15));
    CHECK(sc.expected_fidelity.value == Approx(0.7).margin(1e-14));
    CHECK(sc.handoffs.value == 2.0);
    CHECK_THAT(sc.handoffs.note, Catch::Contains("0.6667"));
    REQUIRE(sc.attrition.size() == 3);
    CHECK(sc.attrition[0].inflow == 100.0);
    CHECK(sc.attrition[0].attrition == 0.0);
    CHECK(sc.attrition[1].from_earlier == 100.0);
    CHECK(sc.attrition[1].from_later == 5.0);
    CHECK(sc.attrition[1].inflow == 105.0);
    CHECK(sc.attrition[1].onward == 60.0);
    CHECK(sc.attrition[1].back == 20.0);
    CHECK(sc.attrition[1].out_of_chain == 10.0);
    CHECK(sc.attrition[1].ends_here == 15.0);
    CHECK(sc.attrition[1].attrition == Approx(3.0 / 7));
    CHECK(sc.attrition[2].inflow == 60.0);
    CHECK(sc.attrition[2].back == 5.0);
    CHECK(sc.attrition[2].ends_here == 55.0);
    CHECK(std::isnan(sc.attrition[2].attrition));
    CHECK(sc.feedback_coverage.value == Approx(2.0 / 3));
    CHECK(sc.feedback_reach.value == 1.0);
    CHECK(sc.exit_reaches_entry.value == 1.0);
    CHECK(kf::ids(net, sc.exit_reaches_entry.path) == Ids{"e", "m", "s"});

    // an unknown field leaves that indicator NaN with the reason; the others stay
    net.set_relation(kf::relation({"m", "e", 60, 20, kf::none, 50}, "case"));
    const auto gap = flow::score_chain(net, chain);
    CHECK(std::isnan(gap.fidelity.value));
    CHECK_THAT(gap.fidelity.note, Catch::Contains("no case layer in which every relation carries 'quality'"));
    CHECK(std::isnan(gap.expected_fidelity.value));
    CHECK(gap.lead_time.value == 30.0);
    CHECK(gap.throughput.value == 50.0);
    // with layers given, the relation lacking the field is named
    flow::ChainScoreOptions o;
    o.layers = {"case"};
    const auto named = flow::score_chain(net, chain, o);
    CHECK_THAT(named.fidelity.note, Catch::Contains("m -> e"));
    // an unknown layer is an error, not a note
    o.layers = {"nope"};
    CHECK_THROWS_AS(flow::score_chain(net, chain, o), UnknownId);
}

//   the chain of "score_chain by hand" (drawn there): s -> m -> e, with x a dead end off m.
//   The score reports progress after each of its 8 parts (lead time, expected lead time,
//   throughput and bottlenecks, fidelity, expected fidelity, hand-offs, attrition,
//   feedback): 1/8, 2/8, ..., 1. A handler returning false stops it with Cancelled (not a
//   note); a handler that lets it run does not change the score.
TEST_CASE("score_chain reports progress and can be cancelled", "[flow][chain][progress]") {
    const Network net = hand_chain();
    const Chain chain = hand_chain_stages();

    flow::ChainScoreOptions stop;
    int calls = 0;
    stop.progress = [&](double) {
        ++calls;
        return false;
    };
    CHECK_THROWS_AS(flow::score_chain(net, chain, stop), Cancelled);
    CHECK(calls == 1);

    flow::ChainScoreOptions record;
    std::vector<double> seen;
    record.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    const auto with = flow::score_chain(net, chain, record);
    REQUIRE(seen.size() == 8);
    for (std::size_t k = 0; k < seen.size(); ++k) {
        CHECK(seen[k] >= 0.0);
        CHECK(seen[k] <= 1.0);
        if (k) CHECK(seen[k] >= seen[k - 1]);
        CHECK(seen[k] == double(k + 1) / 8.0);
    }
    CHECK(seen.back() == 1.0);

    const auto without = flow::score_chain(net, chain);
    const auto same = [](const flow::ChainIndicator& a, const flow::ChainIndicator& b) {
        return (a.value == b.value || (std::isnan(a.value) && std::isnan(b.value))) &&
               a.path == b.path && a.layers == b.layers && a.note == b.note;
    };
    CHECK(same(with.lead_time, without.lead_time));
    CHECK(same(with.expected_lead_time, without.expected_lead_time));
    CHECK(same(with.arrival, without.arrival));
    CHECK(same(with.throughput, without.throughput));
    CHECK(same(with.bottlenecks, without.bottlenecks));
    CHECK(same(with.fidelity, without.fidelity));
    CHECK(same(with.expected_fidelity, without.expected_fidelity));
    CHECK(same(with.handoffs, without.handoffs));
    CHECK(same(with.attrition_basis, without.attrition_basis));
    CHECK(same(with.feedback_coverage, without.feedback_coverage));
    CHECK(same(with.feedback_reach, without.feedback_reach));
    CHECK(same(with.exit_reaches_entry, without.exit_reaches_entry));
    REQUIRE(with.attrition.size() == without.attrition.size());
    for (std::size_t k = 0; k < with.attrition.size(); ++k) {
        CHECK(with.attrition[k].inflow == without.attrition[k].inflow);
        CHECK(with.attrition[k].onward == without.attrition[k].onward);
    }
    CHECK(with.lead_time.value == 30.0);
}

//   case records (a network from an event log): 10 cases start at s, s hands 10 to m, m
//   hands 4 to e and 6 cases end at m; e ends 4. Arrival 0.4, throughput 4 cases, max-flow
//   (volume as capacity) 4 in the note. Without the records: arrival 1, throughput 4.
TEST_CASE("score_chain with case starts and ends", "[flow][chain]") {
    Network net = kf::network({"s", "m", "e"}, {{"s", "m", 10, 1}, {"m", "e", 4, 2}}, true, "case");
    const Chain chain{"keten", {{"S1", {"s"}}, {"S3", {"e"}}}};
    const auto plain = flow::score_chain(net, chain);
    CHECK(plain.arrival.value == 1.0);
    auto record = [&](const std::string& id, double starts, double ends) {
        Organisation o = net.organisation(id);
        o.attributes["case_starts"] = starts;
        o.attributes["case_ends"] = ends;
        net.set_organisation(o);
    };
    record("s", 10, 0);
    record("m", 0, 6);
    const auto partial = flow::score_chain(net, chain);
    CHECK(std::isnan(partial.arrival.value));
    CHECK_THAT(partial.arrival.note, Catch::Contains("organisation 'e' has no 'case_starts'"));
    CHECK(std::isnan(partial.throughput.value));
    CHECK(partial.bottlenecks.value == 1.0);  // the cut does not need the records
    record("e", 0, 4);
    const auto sc = flow::score_chain(net, chain);
    CHECK(sc.arrival.value == Approx(0.4).margin(1e-15));
    CHECK_THAT(sc.arrival.note, Catch::Contains("other cases end at m 0.6"));
    CHECK(sc.expected_lead_time.value == Approx(3.0).margin(1e-12));
    CHECK(sc.throughput.value == Approx(4.0).margin(1e-12));
    CHECK_THAT(sc.throughput.note, Catch::Contains("of the 10 that start at the first stage"));
    CHECK_THAT(sc.throughput.note, Catch::Contains("max-flow 4 on the"));
    CHECK(sc.handoffs.value == 2.0);
    CHECK_THAT(sc.handoffs.note, Catch::Contains("share 0.4 "));
    record("s", 0, 0);
    const auto none = flow::score_chain(net, chain);
    CHECK_THAT(none.arrival.note, Catch::Contains("no case starts at the first stage"));
}

TEST_CASE("score_chain on the built-in criminal justice chain", "[flow][chain][examples]") {
    const Network net = io::read_json(std::string(KETENNET_EXAMPLES_DIR) + "/strafrechtketen.json");
    const auto sc = flow::score_chain(net, net.chains().front());
    // chain indicators read the case layer only, never the (faster) information layer
    CHECK(sc.lead_time.value == 145.0);
    CHECK(sc.lead_time.layers == Ids{"case"});
    CHECK(sc.expected_lead_time.layers == Ids{"case"});
    CHECK(sc.expected_lead_time.value == Approx(253.1777).epsilon(1e-6));
    CHECK(sc.throughput.layers == Ids{"case"});
    // feedback: the directed case and information layers, not the collaboration ties
    CHECK(sc.feedback_coverage.layers == Ids{"case", "information", "it"});
    // the police are the single bottleneck between reporting and aftercare in the case layer
    CHECK(kf::ids(net, sc.bottlenecks.path) == Ids{"politie"});
    CHECK(sc.throughput.value > 0.0);
    CHECK_THAT(sc.throughput.note, Catch::Contains("'volume' of 30 whose capacity is unknown"));
    CHECK_FALSE(sc.exit_reaches_entry.value == 1.0);
}

TEST_CASE("resolve_chain checks a chain as Network::add_chain does", "[flow][chain]") {
    const Network net = kf::network({"a", "b"}, {{"a", "b", 1, 1, 1, 1}});
    const Chain twice{"k", {{"x", {"a"}}, {"x", {"b"}}}};
    CHECK(kt::message_of<InputError>([&] { flow::resolve_chain(net, twice); }) ==
          "chain 'k', stage 1 'x': duplicate stage name");
    Network copy = net;
    CHECK(kt::message_of<InputError>([&] { copy.add_chain(twice); }) ==
          "chain 'k', stage 1 'x': duplicate stage name");
    const Chain repeated{"k", {{"x", {"a", "a"}}, {"y", {"b"}}}};
    CHECK(kt::message_of<InputError>([&] { flow::resolve_chain(net, repeated); }) ==
          "chain 'k', stage 0 'x': organisation 'a' listed twice");
    const auto rc = flow::resolve_chain(net, Chain{"k", {{"x", {"b", "a"}}, {"y", {"b"}}}});
    CHECK(rc.name == "k");
    CHECK(rc.stage_names == std::vector<std::string>{"x", "y"});
    CHECK(rc.stages == std::vector<std::vector<vertex_t>>{{1, 0}, {1}});
}
