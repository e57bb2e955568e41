// Reciprocity, overall and per organisation, by hand.
#include <catch2/catch.hpp>

#include "ketennet/cohesion/reciprocity.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::check_by_id;
using kt::opts;

//   directed:
//
//     a <----> b ----> c --+
//     ^                |   |  (self-loop on c)
//     +----------------+<--+
//          c -> a
//     d (isolated)
//
//   arcs: a->b, b->a, b->c, c->a, c->c   (m = 5)
//   overall: a->b and b->a are returned; b->c, c->a are not; the self-loop is not counted as
//     reciprocated (NetworkX overall_reciprocity):  2 / 5
//   per organisation, 2 |succ & pred| / (|succ| + |pred|):
//     a: succ {b}, pred {b, c}: 2*1/3 = 2/3
//     b: succ {a, c}, pred {a}: 2*1/3 = 2/3
//     c: succ {a, c}, pred {b, c}: c is its own successor and predecessor: 2*1/4 = 1/2
//     d: no ties: NaN
TEST_CASE("reciprocity of a directed view", "[cohesion][reciprocity]") {
    const Network net = kt::graph(
        {"a", "b", "c", "d"},
        {{"a", "b", 1.0}, {"b", "a", 9.0}, {"b", "c", 2.0}, {"c", "a", 3.0}, {"c", "c", 4.0}}, true);
    const bool weighted = GENERATE(false, true);  // weights are ignored
    INFO("weighted " << weighted);
    const ViewPtr v = weighted ? net.view(opts({}, "volume")) : net.view();
    CHECK(cohesion::reciprocity(*v) == Approx(0.4));
    check_by_id(*v, cohesion::reciprocity_per_organisation(*v),
                {{"a", 2.0 / 3}, {"b", 2.0 / 3}, {"c", 0.5}, {"d", kt::nan}});
}

//   all reciprocated:  a <--> b <--> c      overall 1, per organisation 1 (d isolated: NaN)
//   none reciprocated: a --> b --> c        overall 0, per organisation 0
TEST_CASE("reciprocity of fully and never reciprocated views", "[cohesion][reciprocity]") {
    SECTION("all") {
        const Network net = kt::graph(
            {"a", "b", "c", "d"}, {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"}}, true);
        const ViewPtr v = net.view();
        CHECK(cohesion::reciprocity(*v) == 1.0);
        check_by_id(*v, cohesion::reciprocity_per_organisation(*v), {{"a", 1}, {"b", 1}, {"c", 1}, {"d", kt::nan}});
    }
    SECTION("none") {
        const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}}, true);
        const ViewPtr v = net.view();
        CHECK(cohesion::reciprocity(*v) == 0.0);
        check_by_id(*v, cohesion::reciprocity_per_organisation(*v), {{"a", 0}, {"b", 0}, {"c", 0}});
    }
    SECTION("only a self-loop") {
        //   a --+   overall: 0 / 1 = 0;  per organisation: succ {a}, pred {a}: 2*1/2 = 1
        //   ^   |
        //   +---+
        const Network net = kt::graph({"a"}, {{"a", "a"}}, true);
        const ViewPtr v = net.view();
        CHECK(cohesion::reciprocity(*v) == 0.0);
        check_by_id(*v, cohesion::reciprocity_per_organisation(*v), {{"a", 1}});
    }
}

//   case (directed): a --> b;   coloc (undirected): b --- c
//   directed view: a->b, b->c, c->b:  b->c and c->b reciprocated: 2/3
//   per organisation: a: succ {b}, pred {}: 0;  b: succ {c}, pred {a, c}: 2/3;
//                     c: succ {b}, pred {b}: 1
TEST_CASE("reciprocity of a mixed view: undirected relations are reciprocated",
          "[cohesion][reciprocity]") {
    Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}}, true, "case");
    net.add_layer("coloc", false);
    net.add_relation(kt::rel("b", "c", "coloc", 1.0));
    const ViewPtr v = net.view();
    CHECK(cohesion::reciprocity(*v) == Approx(2.0 / 3.0));
    check_by_id(*v, cohesion::reciprocity_per_organisation(*v), {{"a", 0}, {"b", 2.0 / 3}, {"c", 1}});
}

//   undirected:  a --- b --- c,   c --- c (self-loop),   d isolated
//   overall 1 (all ties mutual); per organisation 1, NaN for d
TEST_CASE("reciprocity of an undirected view is 1", "[cohesion][reciprocity]") {
    const bool weighted = GENERATE(false, true);
    INFO("weighted " << weighted);
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 2.0}, {"c", "c", 3.0}}, false);
    const ViewPtr v = weighted ? net.view(opts({}, "volume")) : net.view();
    CHECK(cohesion::reciprocity(*v) == 1.0);
    check_by_id(*v, cohesion::reciprocity_per_organisation(*v), {{"a", 1}, {"b", 1}, {"c", 1}, {"d", kt::nan}});
}

TEST_CASE("reciprocity of a view without ties is an InputError", "[cohesion][reciprocity]") {
    const bool directed = GENERATE(true, false);
    SECTION("organisations, no relations") {
        const Network net = kt::graph({"a", "b"}, {}, directed);
        CHECK_THROWS_AS(cohesion::reciprocity(*net.view()), InputError);
        // per organisation it is defined: NaN everywhere
        check_by_id(*net.view(), cohesion::reciprocity_per_organisation(*net.view()), {{"a", kt::nan}, {"b", kt::nan}});
    }
    SECTION("relations only in unselected layers") {
        Network net = kt::graph({"a", "b"}, {{"a", "b"}}, directed);
        net.add_layer("empty", directed);
        CHECK_THROWS_AS(cohesion::reciprocity(*net.view(opts({"empty"}))), InputError);
    }
    SECTION("no organisations") {
        CHECK_THROWS_AS(cohesion::reciprocity(*Network().view()), InputError);
    }
}
