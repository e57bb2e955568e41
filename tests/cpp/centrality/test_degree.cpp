// Degree and strength (weighted degree), by hand on tiny graphs.
#include <catch2/catch.hpp>

#include "ketennet/centrality/degree.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::Direction;
using kt::check_by_id;
using kt::opts;

//   directed, volumes on the arcs:
//
//        2          3
//   a -------> b -------> c --+
//   ^          |          ^   | 7  (self-loop)
//   +----------+          +---+
//        5
//   d (isolated)
//
//   unweighted:  out  a=1 b=2 c=1 d=0     in  a=1 b=1 c=2 d=0     all  a=2 b=3 c=3 d=0
//   strength:    out  a=2 b=8 c=7 d=0     in  a=5 b=2 c=10 d=0    all  a=7 b=10 c=17 d=0
TEST_CASE("degree of a directed view: out, in and all, unweighted and weighted",
          "[centrality][degree]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b", 2.0}, {"b", "c", 3.0}, {"b", "a", 5.0}, {"c", "c", 7.0}},
                                  true);
    SECTION("unweighted") {
        const ViewPtr v = net.view();
        check_by_id(*v, centrality::degree(*v, Direction::out), {{"a", 1}, {"b", 2}, {"c", 1}, {"d", 0}});
        check_by_id(*v, centrality::degree(*v, Direction::in), {{"a", 1}, {"b", 1}, {"c", 2}, {"d", 0}});
        check_by_id(*v, centrality::degree(*v, Direction::all), {{"a", 2}, {"b", 3}, {"c", 3}, {"d", 0}});
        check_by_id(*v, centrality::degree(*v), {{"a", 2}, {"b", 3}, {"c", 3}, {"d", 0}});  // default: all
    }
    SECTION("weighted (strength)") {
        const ViewPtr v = net.view(opts({}, "volume"));
        check_by_id(*v, centrality::degree(*v, Direction::out), {{"a", 2}, {"b", 8}, {"c", 7}, {"d", 0}});
        check_by_id(*v, centrality::degree(*v, Direction::in), {{"a", 5}, {"b", 2}, {"c", 10}, {"d", 0}});
        check_by_id(*v, centrality::degree(*v, Direction::all), {{"a", 7}, {"b", 10}, {"c", 17}, {"d", 0}});
    }
}

//   undirected, volumes on the edges:
//
//        2          3
//   a -------- b -------- c --+
//                         |   | 7  (self-loop: counts twice)
//                         +---+
//   d (isolated)
//
//   unweighted:  a=1 b=2 c=1+2=3 d=0
//   strength:    a=2 b=2+3=5 c=3+2*7=17 d=0
TEST_CASE("degree of an undirected view ignores the direction, a self-loop counts twice",
          "[centrality][degree]") {
    const Network net =
        kt::graph({"a", "b", "c", "d"}, {{"a", "b", 2.0}, {"b", "c", 3.0}, {"c", "c", 7.0}}, false);
    const Direction dir = GENERATE(Direction::out, Direction::in, Direction::all);
    SECTION("unweighted") {
        const ViewPtr v = net.view();
        REQUIRE_FALSE(v->directed());
        check_by_id(*v, centrality::degree(*v, dir), {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 0}});
    }
    SECTION("weighted (strength)") {
        const ViewPtr v = net.view(opts({}, "volume"));
        check_by_id(*v, centrality::degree(*v, dir), {{"a", 2}, {"b", 5}, {"c", 17}, {"d", 0}});
    }
}

//   case  (directed):    a --1--> b
//   info  (directed):    a --4--> b,   b --2--> a
//   coloc (undirected):  b --3--- c
//
//   merged directed view:  a -> b (1+4 = 5), b -> a (2), b -> c (3), c -> b (3)
//   unweighted:  out a=1 b=2 c=1;  in a=1 b=2 c=1;  all a=2 b=4 c=2
//   strength:    out a=5 b=5 c=3;  in a=2 b=8 c=3;  all a=7 b=13 c=6
//   with min:    a -> b weighs 1:  out a=1;  in b=4
TEST_CASE("degree counts parallel relations of different layers once", "[centrality][degree]") {
    Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}}, true, "case");
    net.add_layer("info");
    net.add_layer("coloc", false);
    net.add_relation(kt::rel("a", "b", "info", 4.0));
    net.add_relation(kt::rel("b", "a", "info", 2.0));
    net.add_relation(kt::rel("b", "c", "coloc", 3.0));
    SECTION("unweighted") {
        const ViewPtr v = net.view();
        check_by_id(*v, centrality::degree(*v, Direction::out), {{"a", 1}, {"b", 2}, {"c", 1}});
        check_by_id(*v, centrality::degree(*v, Direction::in), {{"a", 1}, {"b", 2}, {"c", 1}});
        check_by_id(*v, centrality::degree(*v, Direction::all), {{"a", 2}, {"b", 4}, {"c", 2}});
    }
    SECTION("weighted, sum") {
        const ViewPtr v = net.view(opts({}, "volume"));
        check_by_id(*v, centrality::degree(*v, Direction::out), {{"a", 5}, {"b", 5}, {"c", 3}});
        check_by_id(*v, centrality::degree(*v, Direction::in), {{"a", 2}, {"b", 8}, {"c", 3}});
        check_by_id(*v, centrality::degree(*v, Direction::all), {{"a", 7}, {"b", 13}, {"c", 6}});
    }
    SECTION("weighted, min") {
        const ViewPtr v = net.view(opts({}, "volume", Combine::min));
        check_by_id(*v, centrality::degree(*v, Direction::out), {{"a", 1}, {"b", 5}, {"c", 3}});
        check_by_id(*v, centrality::degree(*v, Direction::in), {{"a", 2}, {"b", 4}, {"c", 3}});
    }
    SECTION("only the undirected layer") {
        const ViewPtr v = net.view(opts({"coloc"}, "volume"));
        check_by_id(*v, centrality::degree(*v), {{"a", 0}, {"b", 3}, {"c", 3}});
    }
}

TEST_CASE("degree of an empty view is empty", "[centrality][degree]") {
    const ViewPtr v = Network().view();
    CHECK(centrality::degree(*v).empty());
}
