// Density: m / (n (n-1)) directed, 2m / (n (n-1)) undirected, by hand.
#include <catch2/catch.hpp>

#include "ketennet/cohesion/density.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::opts;

//   directed, n = 4:
//     a <--> b --> c --> d --+
//                        ^   |  (self-loop, counts in m as in NetworkX)
//                        +---+
//   m = 5 arcs (a->b, b->a, b->c, c->d, d->d):  d = 5 / (4 * 3) = 5/12
//   without the self-loop: 4/12 = 1/3
TEST_CASE("density of a directed view", "[cohesion][density]") {
    Network net = kt::graph({"a", "b", "c", "d"},
                            {{"a", "b", 2.0}, {"b", "a", 1.0}, {"b", "c", 4.0}, {"c", "d", 1.0}, {"d", "d", 9.0}},
                            true);
    const bool weighted = GENERATE(false, true);  // weights are ignored
    INFO("weighted " << weighted);
    const ViewPtr v = weighted ? net.view(opts({}, "volume")) : net.view();
    CHECK(cohesion::density(*v) == Approx(5.0 / 12.0));
    net.remove_relation("d", "d", "L");
    const ViewPtr w = weighted ? net.view(opts({}, "volume")) : net.view();
    CHECK(cohesion::density(*w) == Approx(1.0 / 3.0));
}

//   undirected, n = 4:   a --- b --- c --- d      m = 3:  d = 2 * 3 / (4 * 3) = 1/2
//   complete K4: m = 6: d = 1;   no ties: 0
TEST_CASE("density of an undirected view", "[cohesion][density]") {
    const bool weighted = GENERATE(false, true);
    INFO("weighted " << weighted);
    auto view_of = [&](const Network& n) { return weighted ? n.view(opts({}, "volume")) : n.view(); };
    const Network path =
        kt::graph({"a", "b", "c", "d"}, {{"a", "b", 5.0}, {"b", "c", 1.0}, {"c", "d", 2.0}}, false);
    CHECK(cohesion::density(*view_of(path)) == Approx(0.5));
    const Network k4 = kt::graph({"a", "b", "c", "d"},
                                 {{"a", "b", 1.0}, {"a", "c", 1.0}, {"a", "d", 1.0},
                                  {"b", "c", 1.0}, {"b", "d", 1.0}, {"c", "d", 1.0}},
                                 false);
    CHECK(cohesion::density(*view_of(k4)) == Approx(1.0));
    const Network none = kt::graph({"a", "b", "c"}, {}, false);
    CHECK(cohesion::density(*view_of(none)) == 0.0);
}

//   case (directed): a --> b;   info (directed): a --> b, b --> a;  coloc (undirected): b --- c
//   merged directed view: a->b, b->a, b->c, c->b: m = 4, n = 3:  4 / 6 = 2/3
//   only coloc (undirected): m = 1:  2 / 6 = 1/3
TEST_CASE("density counts merged ties once", "[cohesion][density]") {
    Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}}, true, "case");
    net.add_layer("info");
    net.add_layer("coloc", false);
    net.add_relation(kt::rel("a", "b", "info", 1.0));
    net.add_relation(kt::rel("b", "a", "info", 1.0));
    net.add_relation(kt::rel("b", "c", "coloc", 1.0));
    CHECK(cohesion::density(*net.view()) == Approx(2.0 / 3.0));
    CHECK(cohesion::density(*net.view(opts({"coloc"}))) == Approx(1.0 / 3.0));
}

TEST_CASE("density with at most one organisation is zero", "[cohesion][density]") {
    const bool directed = GENERATE(true, false);
    CHECK(cohesion::density(*kt::graph({"a"}, {{"a", "a"}}, directed).view()) == 0.0);
    CHECK(cohesion::density(*kt::graph({"a"}, {}, directed).view()) == 0.0);
    CHECK(cohesion::density(*Network().view()) == 0.0);
}
