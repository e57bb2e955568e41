// Freeman degree centralization, by hand: C = sum_v (d_max - d_v) / T.
#include <catch2/catch.hpp>

#include "ketennet/cohesion/centralization.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::Direction;
using kt::opts;

namespace {

const std::vector<std::string> star_ids{"h", "l1", "l2", "l3", "l4"};
const std::vector<kt::E> spokes{{"h", "l1", 1.0}, {"h", "l2", 2.0}, {"h", "l3", 3.0}, {"h", "l4", 4.0}};

ViewPtr view_of(const Network& net, bool weighted) {
    return weighted ? net.view(opts({}, "volume")) : net.view();
}

}  // namespace

//   star, n = 5 (weights 1..4 are ignored):
//            l1
//            |
//     l4 --- h --- l2
//            |
//            l3
//   undirected: degrees h = 4, leaves 1: sum (4 - 1) * 4 = 12; T = (n-1)(n-2) = 12:  C = 1
TEST_CASE("degree centralization of an undirected star is 1", "[cohesion][centralization]") {
    const bool weighted = GENERATE(false, true);
    const Network net = kt::graph(star_ids, spokes, false);
    CHECK(cohesion::degree_centralization(*view_of(net, weighted)) == Approx(1.0));
}

//   directed star, arcs out of h:
//     out: h = 4, leaves 0: sum 16; T = (n-1)^2 = 16:               C = 1
//     in:  h = 0, leaves 1: d_max = 1, sum = 1;                     C = 1/16
//     all: h = 4, leaves 1: sum 12; T = 2 (n-1)(n-2) = 24:           C = 1/2
//   directed star, arcs both ways:
//     out and in: h = 4, leaves 1: sum 12 / 16 = 3/4
//     all: h = 8, leaves 2: sum 24 / 24 = 1
TEST_CASE("degree centralization of directed stars", "[cohesion][centralization]") {
    const bool weighted = GENERATE(false, true);
    INFO("weighted " << weighted);
    SECTION("out of the hub") {
        const Network net = kt::graph(star_ids, spokes, true);
        const ViewPtr v = view_of(net, weighted);
        CHECK(cohesion::degree_centralization(*v, Direction::out) == Approx(1.0));
        CHECK(cohesion::degree_centralization(*v, Direction::in) == Approx(1.0 / 16));
        CHECK(cohesion::degree_centralization(*v, Direction::all) == Approx(0.5));
        CHECK(cohesion::degree_centralization(*v) == Approx(0.5));
    }
    SECTION("both ways") {
        Network net = kt::graph(star_ids, spokes, true);
        for (const char* l : {"l1", "l2", "l3", "l4"}) net.add_relation(kt::rel(l, "h", "L", 1.0));
        const ViewPtr v = view_of(net, weighted);
        CHECK(cohesion::degree_centralization(*v, Direction::out) == Approx(0.75));
        CHECK(cohesion::degree_centralization(*v, Direction::in) == Approx(0.75));
        CHECK(cohesion::degree_centralization(*v, Direction::all) == Approx(1.0));
    }
}

//   cycle a - b - c - d - a and complete K4: every degree equal: C = 0, in every direction
TEST_CASE("degree centralization of a cycle and a complete graph is 0", "[cohesion][centralization]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(false, true);
    INFO("directed " << directed << ", weighted " << weighted);
    const Network cycle = kt::graph({"a", "b", "c", "d"},
                                    {{"a", "b", 1.0}, {"b", "c", 2.0}, {"c", "d", 3.0}, {"d", "a", 4.0}},
                                    directed);
    std::vector<kt::E> all_pairs;
    for (const char* s : {"a", "b", "c", "d"})
        for (const char* t : {"a", "b", "c", "d"})
            if (std::string(s) < t || (directed && std::string(s) != t)) all_pairs.push_back({s, t, 1.0});
    const Network complete = kt::graph({"a", "b", "c", "d"}, all_pairs, directed);
    for (Direction d : {Direction::out, Direction::in, Direction::all}) {
        CHECK(cohesion::degree_centralization(*view_of(cycle, weighted), d) == Approx(0.0).margin(1e-15));
        CHECK(cohesion::degree_centralization(*view_of(complete, weighted), d) == Approx(0.0).margin(1e-15));
    }
}

//   undirected path a - b - c - d: degrees 1, 2, 2, 1; d_max 2: sum 1 + 0 + 0 + 1 = 2;
//     T = 3 * 2 = 6:  C = 1/3
//   directed path a -> b -> c -> d:
//     out 1, 1, 1, 0: sum 1, T = 9:  1/9;   in 0, 1, 1, 1: 1/9;
//     all 1, 2, 2, 1: sum 2, T = 2 * 3 * 2 = 12:  1/6
TEST_CASE("degree centralization of a path", "[cohesion][centralization]") {
    const bool weighted = GENERATE(false, true);
    INFO("weighted " << weighted);
    const std::vector<kt::E> path{{"a", "b", 5.0}, {"b", "c", 1.0}, {"c", "d", 7.0}};
    SECTION("undirected") {
        const Network net = kt::graph({"a", "b", "c", "d"}, path, false);
        CHECK(cohesion::degree_centralization(*view_of(net, weighted)) == Approx(1.0 / 3));
    }
    SECTION("directed") {
        const Network net = kt::graph({"a", "b", "c", "d"}, path, true);
        const ViewPtr v = view_of(net, weighted);
        CHECK(cohesion::degree_centralization(*v, Direction::out) == Approx(1.0 / 9));
        CHECK(cohesion::degree_centralization(*v, Direction::in) == Approx(1.0 / 9));
        CHECK(cohesion::degree_centralization(*v, Direction::all) == Approx(1.0 / 6));
    }
}

//   n = 2, a -> b:  out 1, 0: sum 1, T = 1: 1;  in: 1;  all: T = 0: 0
//   undirected a - b: T = 0: 0;   n <= 1: 0
TEST_CASE("degree centralization of tiny views", "[cohesion][centralization]") {
    const ViewPtr d = kt::graph({"a", "b"}, {{"a", "b"}}, true).view();
    CHECK(cohesion::degree_centralization(*d, Direction::out) == Approx(1.0));
    CHECK(cohesion::degree_centralization(*d, Direction::in) == Approx(1.0));
    CHECK(cohesion::degree_centralization(*d, Direction::all) == 0.0);
    CHECK(cohesion::degree_centralization(*kt::graph({"a", "b"}, {{"a", "b"}}, false).view()) == 0.0);
    CHECK(cohesion::degree_centralization(*kt::graph({"a"}, {}, false).view()) == 0.0);
    CHECK(cohesion::degree_centralization(*Network().view()) == 0.0);
}

//   betweenness and closeness centralization (sna::centralization, checked in R):
//   undirected star, n = 5: both 1.
//   undirected path a - b - c - d: betweenness (normalised) 0, 2/3, 2/3, 0: sum 4/3 / (n-1) = 4/9;
//     closeness 3/6, 3/4, 3/4, 3/6: sum 1/2 / ((n-1)(n-2)/(2n-3) = 6/5) = 5/12
//   directed star out of h: betweenness 0; closeness: h 1, leaves reach no one: 0:
//     sum 4 / ((n-1)(1 - 1/n) = 16/5) = 5/4 (sna's bound is not reached by this star)
//   directed star both ways: betweenness 1; closeness h 1, leaves 4/7: (12/7) / (16/5) = 15/28
//   undirected cycle: 0 for both
TEST_CASE("betweenness and closeness centralization", "[cohesion][centralization]") {
    const Network star = kt::graph(star_ids, spokes, false);
    CHECK(cohesion::betweenness_centralization(*star.view()) == Approx(1.0));
    CHECK(cohesion::closeness_centralization(*star.view()) == Approx(1.0));
    const Network path = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}}, false);
    CHECK(cohesion::betweenness_centralization(*path.view()) == Approx(4.0 / 9));
    CHECK(cohesion::closeness_centralization(*path.view()) == Approx(5.0 / 12));
    const Network out_star = kt::graph(star_ids, spokes, true);
    CHECK(cohesion::betweenness_centralization(*out_star.view()) == Approx(0.0).margin(1e-15));
    CHECK(cohesion::closeness_centralization(*out_star.view()) == Approx(1.25));
    Network both = kt::graph(star_ids, spokes, true);
    for (const char* l : {"l1", "l2", "l3", "l4"}) both.add_relation(kt::rel(l, "h", "L", 1.0));
    CHECK(cohesion::betweenness_centralization(*both.view()) == Approx(1.0));
    CHECK(cohesion::closeness_centralization(*both.view()) == Approx(15.0 / 28));
    const Network cycle = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}}, false);
    CHECK(cohesion::betweenness_centralization(*cycle.view()) == Approx(0.0).margin(1e-15));
    CHECK(cohesion::closeness_centralization(*cycle.view()) == Approx(0.0).margin(1e-15));
    CHECK(cohesion::betweenness_centralization(*kt::graph({"a", "b"}, {{"a", "b"}}, false).view()) == 0.0);
    CHECK(cohesion::closeness_centralization(*kt::graph({"a"}, {}, false).view()) == 0.0);
}
