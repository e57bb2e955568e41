// Harmonic centrality, by hand on tiny graphs.
#include <catch2/catch.hpp>

#include "ketennet/centrality/harmonic.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::check_by_id;
using kt::opts;

namespace {

std::vector<double> hc(const View& v) {
    centrality::HarmonicOptions o;
    o.threads = 1;
    return centrality::harmonic(v, o);
}

}  // namespace

//   undirected path:   a --- b --- c --- d
//   a: 1 + 1/2 + 1/3 = 11/6;  b: 1 + 1 + 1/2 = 5/2;  c = 5/2;  d = 11/6
//
//   directed   a --> b --> c --> d   (incoming distances, as NetworkX):
//   a: 0;  b: 1;  c: 1 + 1/2 = 3/2;  d: 1 + 1/2 + 1/3 = 11/6
TEST_CASE("harmonic centrality of a path", "[centrality][harmonic]") {
    const std::vector<kt::E> path{{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "d", 1.0}};
    SECTION("undirected") {
        const Network net = kt::graph({"a", "b", "c", "d"}, path, false);
        check_by_id(*net.view(), hc(*net.view()), {{"a", 11.0 / 6}, {"b", 2.5}, {"c", 2.5}, {"d", 11.0 / 6}});
    }
    SECTION("directed") {
        const Network net = kt::graph({"a", "b", "c", "d"}, path, true);
        check_by_id(*net.view(), hc(*net.view()), {{"a", 0}, {"b", 1}, {"c", 1.5}, {"d", 11.0 / 6}});
    }
}

//   a --1-- b --2-- c --3-- d   (latencies as distances)
//   a: 1/1 + 1/3 + 1/6 = 3/2;  b: 1/1 + 1/2 + 1/5 = 17/10;  c: 1/3 + 1/2 + 1/3 = 7/6;
//   d: 1/6 + 1/5 + 1/3 = 7/10
TEST_CASE("weighted harmonic centrality reads weights as distances", "[centrality][harmonic]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 2.0}, {"c", "d", 3.0}}, false);
    const ViewPtr v = net.view(opts({}, "latency"));
    check_by_id(*v, hc(*v), {{"a", 1.5}, {"b", 1.7}, {"c", 7.0 / 6}, {"d", 0.7}});
}

//   a --0-- b --1-- c      e (alone)
//   pairs at distance 0 are skipped (NetworkX ignores them):
//   a: b skipped, c at 1 -> 1;  b: a skipped, c -> 1;  c: a 1, b 1 -> 2;  e: 0
TEST_CASE("harmonic centrality skips zero distances and unreachable pairs", "[centrality][harmonic]") {
    const Network net = kt::graph({"a", "b", "c", "e"}, {{"a", "b", 0.0}, {"b", "c", 1.0}}, false);
    const ViewPtr v = net.view(opts({}, "latency"));
    check_by_id(*v, hc(*v), {{"a", 1}, {"b", 1}, {"c", 2}, {"e", 0}});
    CHECK(hc(*Network().view()).empty());
}

TEST_CASE("harmonic centrality rejects negative distances", "[centrality][harmonic]") {
    Network net = kt::graph({"a", "b"}, {}, false);
    Relation ab = kt::rel("a", "b", "L");
    ab.attributes = {{"cost", -1.0}};
    net.add_relation(ab);
    const std::string msg = kt::message_of<InputError>([&] { hc(*net.view(opts({}, "cost"))); });
    CHECK_THAT(msg, Catch::Contains("harmonic"));
    CHECK_THAT(msg, Catch::Contains("a - b"));
}
