// Clustering and transitivity by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/cohesion/clustering.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::check_by_id;
using kt::opts;

//   undirected:   a --- b          triangle a-b-c plus the pendant c-d, a self-loop on d
//                  \   /
//                   \ /
//                    c --- d (+ loop)
//   triangles: a 1, b 1, c 1, d 0; partners (loops excluded): a 2, b 2, c 3, d 1
//   clustering: a 2*1/(2*1) = 1, b 1, c 2*1/(3*2) = 1/3, d 0
//   transitivity: 3 triangles-at-vertices * 2 / sum d(d-1) = 6 / (2 + 2 + 6 + 0) = 0.6
//   weighted (w: ab 1, bc 2, ca 4, cd 8, dd 8; max 8): the triangle's geometric mean
//   (1/8 * 2/8 * 4/8)^(1/3) = (1/64)^(1/3) = 1/4, so a: 2*(1/4)/2 = 1/4, b 1/4, c 2*(1/4)/6 = 1/12
TEST_CASE("clustering of an undirected view", "[cohesion][clustering]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b", 1.0}, {"b", "c", 2.0}, {"c", "a", 4.0},
                                   {"c", "d", 8.0}, {"d", "d", 8.0}},
                                  false);
    const ViewPtr u = net.view();
    check_by_id(*u, cohesion::clustering(*u), {{"a", 1.0}, {"b", 1.0}, {"c", 1.0 / 3}, {"d", 0.0}});
    CHECK(cohesion::transitivity(*u) == Approx(0.6));
    CHECK(cohesion::average_clustering(*u) == Approx((1 + 1 + 1.0 / 3) / 4));
    const ViewPtr w = net.view(opts({}, "volume"));
    check_by_id(*w, cohesion::clustering(*w),
                {{"a", 0.25}, {"b", 0.25}, {"c", 1.0 / 12}, {"d", 0.0}});
    CHECK(cohesion::transitivity(*w) == Approx(0.6));  // weights ignored
}

//   directed:  a -> b, b -> c, c -> a, a -> c (a and c reciprocated), d isolated
//   a: preds {c}, succs {b, c}: d_tot = 3, d_bi = 1; the triangle {a, b, c} gives the
//   directed triangles through a: j over preds+succs (c, b, c) and k over the four
//   intersections: j=c (pred): k in preds(a)&preds(c)={}, preds(a)&succs(c)={}: c's preds
//   {a, b}, succs {a}; preds(a)={c}: none; succs(a)={b, c} & preds(c) = {b}: 1; succs(a) &
//   succs(c)={}: total 1.  j=b (succ): preds(b)={a}, succs(b)={c}: preds(a)&succs(b) = {c}: 1;
//   succs(a)&succs(b)={c}: 1; total 2.  j=c (succ): as for j=c (pred): 1.  T(a) = 4.
//   c_a = 4 / (2 (3*2 - 2*1)) = 4/8 = 1/2
//   b: preds {a}, succs {c}: d_tot = 2, d_bi = 0. j=a: preds(a)={c}, succs(a)={b,c}:
//   preds(b)&succs(a) = {} (b's preds {a}; a not in succs(a)) ... succs(b)={c}: c in succs(a): 1,
//   c in preds(a): 1 -> 2.  j=c: preds(c)={a,b}, succs(c)={a}: preds(b)={a}: a in preds(c): 1,
//   a in succs(c): 1 -> 2.  T(b) = 4; c_b = 4 / (2 (2*1 - 0)) = 1
//   c: preds {a, b}, succs {a}: d_tot 3, d_bi 1; by the same count T(c) = 4, c_c = 1/2
//   transitivity on successor lists: a: succs {b, c}, b -> c: 1 (ordered: b->c counted from b;
//   c -> b? no): T=1, d=2 -> 2; b: succs {c}: d=1 -> 0; c: succs {a}: 0.  1 / 2 = 0.5
TEST_CASE("clustering of a directed view (Fagiolo)", "[cohesion][clustering]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}}, true);
    const ViewPtr v = net.view();
    check_by_id(*v, cohesion::clustering(*v), {{"a", 0.5}, {"b", 1.0}, {"c", 0.5}, {"d", 0.0}});
    CHECK(cohesion::transitivity(*v) == Approx(0.5));
}

TEST_CASE("clustering edge cases and bad weights", "[cohesion][clustering]") {
    SECTION("empty and single") {
        const Network one = kt::graph({"a"}, {}, false);
        CHECK(cohesion::clustering(*one.view()) == std::vector<double>{0.0});
        CHECK(cohesion::transitivity(*one.view()) == 0.0);
        const Network none = kt::graph({}, {}, false);
        CHECK(cohesion::transitivity(*none.view()) == 0.0);
        CHECK_THROWS_AS(cohesion::average_clustering(*none.view()), InputError);
    }
    SECTION("negative weight names the tie") {
        Network net = kt::graph({"a", "b"}, {}, false);
        net.add_relation(kt::rel("a", "b", "L"));
        Relation r = kt::rel("a", "b", "L");
        r.attributes["w"] = -1.0;
        net.set_relation(r);
        const auto msg = kt::message_of<InputError>(
            [&] { cohesion::clustering(*net.view(opts({}, "w"))); });
        CHECK_THAT(msg, Catch::Contains("a - b") && Catch::Contains("'w'"));
    }
}
