// Lead time (fastest path), most reliable path and most probable path, by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/flow/fidelity.hpp"
#include "ketennet/flow/lead_time.hpp"
#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/selection.hpp"
#include "../test_helpers.hpp"
#include "flow_fixtures.hpp"

using namespace ketennet;
using kf::R;
using Ids = std::vector<std::string>;

//   politie --30--> om --35--> rechtbank
//      \                          ^
//       \--1--> zsm --2--> om     |  (zsm -> om 2 days: politie > zsm > om > rechtbank = 38)
//        \-----------90-----------/
//
//   fastest politie -> rechtbank: 1 + 2 + 35 = 38 via zsm; hops: 1 (the direct tie)
TEST_CASE("lead time: the fastest path and its value", "[flow][lead_time]") {
    const Network net = kf::network({"politie", "zsm", "om", "rechtbank"},
                                    {{"politie", "om", 1, 30},
                                     {"politie", "zsm", 1, 1},
                                     {"zsm", "om", 1, 2},
                                     {"om", "rechtbank", 1, 35},
                                     {"politie", "rechtbank", 1, 90}});
    const auto lat = kf::view(net, "latency", Combine::min);
    auto r = flow::lead_time(*lat, kf::v(net, "politie"), kf::v(net, "rechtbank"));
    CHECK(r.value == 38.0);
    CHECK(kf::ids(net, r.path) == Ids{"politie", "zsm", "om", "rechtbank"});
    // unweighted: hand-offs
    r = flow::lead_time(*kf::view(net), kf::v(net, "politie"), kf::v(net, "rechtbank"));
    CHECK(r.value == 1.0);
    CHECK(kf::ids(net, r.path) == Ids{"politie", "rechtbank"});
    // several sources and targets: the best pair
    r = flow::lead_time(*lat, {kf::v(net, "politie"), kf::v(net, "zsm")},
                        {kf::v(net, "om"), kf::v(net, "rechtbank")});
    CHECK(r.value == 2.0);
    CHECK(kf::ids(net, r.path) == Ids{"zsm", "om"});
}

TEST_CASE("lead time: no path is +inf with an empty path; bad ends raise", "[flow][lead_time]") {
    const Network net = kf::network({"a", "b", "c"}, {{"a", "b", 1, 3}});
    const auto lat = kf::view(net, "latency");
    const auto r = flow::lead_time(*lat, kf::v(net, "b"), kf::v(net, "a"));
    CHECK(std::isinf(r.value));
    CHECK(r.path.empty());
    CHECK(std::isinf(flow::lead_time(*lat, kf::v(net, "a"), kf::v(net, "c")).value));
    auto msg = kt::message_of<InputError>([&] { flow::lead_time(*lat, 0, 0); });
    CHECK_THAT(msg, Catch::Contains("'a' is both a source and a target"));
    msg = kt::message_of<InputError>([&] { flow::lead_time(*lat, 0, 7); });
    CHECK_THAT(msg, Catch::Contains("out of range"));
    msg = kt::message_of<InputError>([&] { flow::lead_time(*lat, std::vector<vertex_t>{}, {1}); });
    CHECK_THAT(msg, Catch::Contains("no source"));
}

TEST_CASE("lead time: missing latency is named; negative durations refused", "[flow][lead_time]") {
    Network net = kf::network({"a", "b", "c"}, {{"a", "b", 1, 3}, {"b", "c", 1}});
    auto msg = kt::message_of<InputError>([&] { kf::view(net, "latency"); });
    CHECK_THAT(msg, Catch::Contains("b -> c") && Catch::Contains("latency"));
    // the field itself cannot be negative ...
    msg = kt::message_of<InputError>([&] { net.add_relation(kf::relation({"c", "a", 1, -2}, "L")); });
    CHECK_THAT(msg, Catch::Contains("'latency' = -2 is negative"));
    // ... a numeric attribute used as a duration can, and is refused by the search
    Relation r{"c", "a", "L", {}, {}, {}, {}, {{"days", -2.0}}};
    Network only = kf::network({"a", "c"}, {});
    only.add_relation(r);
    msg = kt::message_of<InputError>(
        [&] { flow::lead_time(*kf::view(only, "days"), kf::v(only, "c"), kf::v(only, "a")); });
    CHECK_THAT(msg, Catch::Contains("c -> a") && Catch::Contains("negative"));
}

TEST_CASE("default layers: those in which every relation carries the field", "[flow][selection]") {
    Network net("sel");
    net.add_layer("case");
    net.add_layer("information");
    net.add_layer("collaboration", false);
    net.add_layer("empty");
    for (auto id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kf::relation({"a", "b", 10, 3}, "case"));
    net.add_relation(kf::relation({"b", "c", 10}, "case"));  // no latency
    net.add_relation(kf::relation({"a", "b", kf::none, 1, 0.9}, "information"));
    net.add_relation(kf::relation({"a", "c"}, "collaboration"));
    CHECK(flow::layers_carrying(net, {"latency"}) == Ids{"information"});
    CHECK(flow::layers_carrying(net, {"volume"}) == Ids{"case"});
    CHECK(flow::layers_carrying(net, {"volume", "latency"}).empty());
    CHECK(flow::directed_layers(net) == Ids{"case", "information"});
    auto msg = kt::message_of<InputError>(
        [&] { flow::select_layers(net, {}, {"volume", "latency"}, "expected lead time"); });
    CHECK_THAT(msg, Catch::Contains("expected lead time: no layer") &&
                        Catch::Contains("layer 'case': 1 of 2 relations lack one of them") &&
                        Catch::Contains("layer 'collaboration': 1 of 1"));
    CHECK_THROWS_AS(flow::select_layers(net, {"nope"}, {"latency"}, "x"), UnknownId);
    CHECK(flow::select_layers(net, {"case"}, {"latency"}, "x") == Ids{"case"});
}

//   case (directed):           a ----> b
//   collaboration (undirected): a ----- c,  b ----- a
//
//   tie a -> b: case and collaboration; b -> a: collaboration only (undirected);
//   a -> c: collaboration; c -> b: none
TEST_CASE("tie layers: the layers behind each of many ties", "[flow][selection]") {
    Network net("ties");
    net.add_layer("case");
    net.add_layer("collaboration", false);
    for (auto id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kf::relation({"a", "b"}, "case"));
    net.add_relation(kf::relation({"a", "c"}, "collaboration"));
    net.add_relation(kf::relation({"b", "a"}, "collaboration"));
    const vertex_t a = kf::v(net, "a"), b = kf::v(net, "b"), c = kf::v(net, "c");
    using Vs = std::vector<vertex_t>;
    const auto all = flow::tie_layers(net, {}, Vs{a, b, a, c}, Vs{b, a, c, b});
    CHECK(all == std::vector<Ids>{{"case", "collaboration"}, {"collaboration"}, {"collaboration"}, {}});
    CHECK(flow::tie_layers(net, {"case"}, Vs{a, b}, Vs{b, a}) == std::vector<Ids>{{"case"}, {}});
    CHECK(flow::tie_layers(net, {}, Vs{}, Vs{}).empty());
    CHECK_THAT(kt::message_of<InputError>([&] { flow::tie_layers(net, {}, Vs{a, b}, Vs{b}); }),
               Catch::Contains("tie_layers: sources and targets differ in length"));
    CHECK_THAT(kt::message_of<InputError>([&] { flow::tie_layers(net, {}, Vs{a}, Vs{3}); }),
               Catch::Contains("tie_layers: organisation index out of range"));
}

//   a --.9--> b --.9--> d      .81  (most reliable)
//   a --.95-> c --.8--> d      .76
//   a --.7-----------> d       .70
TEST_CASE("fidelity: the most reliable path maximises the product", "[flow][fidelity]") {
    const Network net = kf::network({"a", "b", "c", "d"},
                                    {{"a", "b", 1, 1, 0.9},
                                     {"b", "d", 1, 1, 0.9},
                                     {"a", "c", 1, 1, 0.95},
                                     {"c", "d", 1, 1, 0.8},
                                     {"a", "d", 1, 1, 0.7}});
    const auto q = kf::view(net, "quality", Combine::max);
    const auto r = flow::most_reliable_path(*q, kf::v(net, "a"), kf::v(net, "d"));
    CHECK(r.value == Approx(0.81).margin(1e-15));
    CHECK(kf::ids(net, r.path) == Ids{"a", "b", "d"});
}

//   a --0--> b --1--> c       every route passes quality 0: value 0, path of fewest hand-offs
//   c        (nothing from c): no path: value 0, empty path
TEST_CASE("fidelity: zero quality and no path", "[flow][fidelity]") {
    const Network net = kf::network({"a", "b", "c"}, {{"a", "b", 1, 1, 0.0}, {"b", "c", 1, 1, 1.0}});
    const auto q = kf::view(net, "quality", Combine::max);
    auto r = flow::most_reliable_path(*q, kf::v(net, "a"), kf::v(net, "c"));
    CHECK(r.value == 0.0);
    CHECK(kf::ids(net, r.path) == Ids{"a", "b", "c"});
    r = flow::most_reliable_path(*q, kf::v(net, "c"), kf::v(net, "a"));
    CHECK(r.value == 0.0);
    CHECK(r.path.empty());
    r = flow::most_reliable_path(*q, kf::v(net, "b"), kf::v(net, "c"));
    CHECK(r.value == 1.0);
}

TEST_CASE("fidelity: qualities summed over layers above 1 are refused", "[flow][fidelity]") {
    Network net("two layers");
    net.add_layer("x");
    net.add_layer("y");
    for (auto id : {"a", "b"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kf::relation({"a", "b", 1, 1, 0.7}, "x"));
    net.add_relation(kf::relation({"a", "b", 1, 1, 0.6}, "y"));
    const auto summed = kf::view(net, "quality", Combine::sum);
    auto msg = kt::message_of<InputError>([&] { flow::most_reliable_path(*summed, 0, 1); });
    CHECK_THAT(msg, Catch::Contains("[0, 1]") && Catch::Contains("Combine::max"));
    const auto best = kf::view(net, "quality", Combine::max);
    CHECK(flow::most_reliable_path(*best, 0, 1).value == 0.7);
}

//   entry e1 (sends 300), e2 (sends 100); volumes:
//   e1 --200--> m --90--> x (exit)           P(e1 -> m) = 2/3, P(m -> x) = 90/100
//   e1 --100--> x                            P(e1 -> x) = 1/3
//   e2 --100--> m --10--> y (dead end)
//   start shares: e1 3/4, e2 1/4.
//   paths to x: e1 > x: 3/4 * 1/3 = 1/4;  e1 > m > x: 3/4 * 2/3 * 9/10 = 0.45;
//               e2 > m > x: 1/4 * 1 * 9/10 = 0.225.   most probable: e1 > m > x (0.45)
TEST_CASE("most probable path: the route most items follow", "[flow][markov]") {
    const Network net = kf::network({"e1", "e2", "m", "x", "y"},
                                    {{"e1", "m", 200}, {"e1", "x", 100}, {"e2", "m", 100},
                                     {"m", "x", 90}, {"m", "y", 10}});
    const auto vol = kf::view(net, "volume");
    const auto r = flow::most_probable_path(
        *vol, {{kf::v(net, "e1"), 300.0}, {kf::v(net, "e2"), 100.0}}, {kf::v(net, "x")});
    CHECK(r.value == Approx(0.45).margin(1e-15));
    CHECK(kf::ids(net, r.path) == Ids{"e1", "m", "x"});
    const auto none = flow::most_probable_path(*vol, {{kf::v(net, "x"), 1.0}}, {kf::v(net, "e1")});
    CHECK(none.value == 0.0);
    CHECK(none.path.empty());
}
