// Closeness centrality, by hand on tiny graphs.
#include <catch2/catch.hpp>

#include "ketennet/centrality/closeness.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::ClosenessOptions;
using kt::check_by_id;
using kt::opts;

namespace {

std::vector<double> cc(const View& v, bool wf_improved = true) {
    ClosenessOptions o;
    o.wf_improved = wf_improved;
    o.threads = 1;
    return centrality::closeness(v, o);
}

}  // namespace

//   undirected path:   a --- b --- c --- d
//
//   distance sums: a 1+2+3 = 6, b 1+1+2 = 4, c 4, d 6; everyone reaches everyone, so
//   wf_improved changes nothing: C = 3 / sum:  a = d = 1/2, b = c = 3/4
TEST_CASE("closeness of an undirected path", "[centrality][closeness]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "d", 1.0}}, false);
    const ViewPtr v = net.view();
    const std::map<std::string, double> expected{{"a", 0.5}, {"b", 0.75}, {"c", 0.75}, {"d", 0.5}};
    check_by_id(*v, cc(*v), expected);
    check_by_id(*v, cc(*v, false), expected);
    // all latencies 1: the weighted (Dijkstra) code gives the same
    const ViewPtr w = net.view(opts({}, "latency"));
    check_by_id(*w, cc(*w), expected);
}

//   undirected path with latencies:   a --1-- b --2-- c --3-- d
//
//   a: 1 + 3 + 6 = 10 -> 3/10;  b: 1 + 2 + 5 = 8 -> 3/8;  c: 3 + 2 + 3 = 8 -> 3/8;
//   d: 6 + 5 + 3 = 14 -> 3/14
TEST_CASE("weighted closeness reads weights as distances", "[centrality][closeness]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 2.0}, {"c", "d", 3.0}}, false);
    const ViewPtr v = net.view(opts({}, "latency"));
    check_by_id(*v, cc(*v), {{"a", 0.3}, {"b", 3.0 / 8}, {"c", 3.0 / 8}, {"d", 3.0 / 14}});
}

//   directed path:   a --> b --> c --> d
//
//   closeness uses incoming distances (who reaches v, how fast), as NetworkX:
//   a: nobody reaches it -> 0
//   b: a at 1           -> (1/1) * wf (1/3) = 1/3        (plain: 1)
//   c: a 2, b 1         -> (2/3) * wf (2/3) = 4/9        (plain: 2/3)
//   d: a 3, b 2, c 1    -> (3/6) * wf (3/3) = 1/2        (plain: 1/2)
TEST_CASE("closeness of a directed path uses incoming distances", "[centrality][closeness]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "d", 1.0}}, true);
    const ViewPtr v = net.view();
    check_by_id(*v, cc(*v), {{"a", 0}, {"b", 1.0 / 3}, {"c", 4.0 / 9}, {"d", 0.5}});
    check_by_id(*v, cc(*v, false), {{"a", 0}, {"b", 1}, {"c", 2.0 / 3}, {"d", 0.5}});
}

//   two components:   a --- b      c (alone)
//
//   a: reaches b at 1: 1/1, wf (1/2) -> 1/2; b likewise; c: nobody -> 0
TEST_CASE("closeness with unreachable organisations (Wasserman-Faust)", "[centrality][closeness]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}}, false);
    const ViewPtr v = net.view();
    check_by_id(*v, cc(*v), {{"a", 0.5}, {"b", 0.5}, {"c", 0}});
    check_by_id(*v, cc(*v, false), {{"a", 1}, {"b", 1}, {"c", 0}});
}

//   a --0-- b      (a same-day hand-over: latency 0)
//   distances sum to 0: closeness 0 (NetworkX's convention), not a division by zero
TEST_CASE("closeness with zero distances and tiny networks", "[centrality][closeness]") {
    const Network net = kt::graph({"a", "b"}, {{"a", "b", 0.0}}, false);
    const ViewPtr v = net.view(opts({}, "latency"));
    check_by_id(*v, cc(*v), {{"a", 0}, {"b", 0}});
    const Network one = kt::graph({"a"}, {{"a", "a", 1.0}}, true);
    check_by_id(*one.view(), cc(*one.view()), {{"a", 0}});
    CHECK(cc(*Network().view()).empty());
}

TEST_CASE("closeness rejects negative distances", "[centrality][closeness]") {
    Network net = kt::graph({"a", "b", "c"}, {}, true);
    Relation ab = kt::rel("a", "b", "L");
    ab.attributes = {{"cost", 1.0}};
    Relation bc = kt::rel("b", "c", "L");
    bc.attributes = {{"cost", -2.0}};
    net.add_relation(ab);
    net.add_relation(bc);
    const std::string msg = kt::message_of<InputError>([&] { cc(*net.view(opts({}, "cost"))); });
    CHECK_THAT(msg, Catch::Contains("closeness"));
    CHECK_THAT(msg, Catch::Contains("b -> c"));
    CHECK_THAT(msg, Catch::Contains("negative"));
}
