// QAP correlation of two layers: the observed r by hand, the permutation distribution of a
// three-organisation case enumerated by hand, determinism across thread counts, bad input.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/cohesion/qap.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

Network two_layers(bool directed_a, bool directed_b) {
    Network net("t");
    net.add_layer("A", directed_a);
    net.add_layer("B", directed_b);
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kt::rel("a", "b", "A"));
    net.add_relation(kt::rel("a", "b", "B"));
    net.add_relation(kt::rel("b", "c", "B"));
    return net;
}

}  // namespace

//   n = 3, directed, N = 6 off-diagonal cells.  A: a -> b.  B: a -> b, b -> c.
//   S_a = 1, S_aa = 1, S_b = 2, S_bb = 2, S_ab = 1:
//     r = (6 * 1 - 1 * 2) / sqrt((6 - 1)(12 - 4)) = 4 / sqrt(40)
//   Permuting B: (pi(a), pi(b)) runs over the 6 ordered pairs; 2 of them are arcs of B, so
//   r' = r with probability 1/3 and r' = (0 - 2) / sqrt(40) otherwise:
//     p_greater -> 1/3, p_less = 1, p_abs -> 1/3.
TEST_CASE("QAP of a three-organisation case", "[cohesion][qap]") {
    const Network net = two_layers(true, true);
    cohesion::QapOptions o;
    o.permutations = 6000;
    o.seed = 42;
    const auto r = cohesion::qap(*net.view(kt::opts({"A"})), *net.view(kt::opts({"B"})), o);
    CHECK(r.correlation == Approx(4 / std::sqrt(40.0)));
    CHECK(r.p_less == 1.0);
    CHECK(r.p_greater == Approx(1.0 / 3).margin(0.03));  // 5 sd of the Monte Carlo error
    CHECK(r.p_abs == r.p_greater);
    for (double x : r.permutations) {
        const bool same = std::abs(x - r.correlation) < 1e-12;
        const bool other = std::abs(x + 2 / std::sqrt(40.0)) < 1e-12;
        CHECK((same || other));
    }
}

TEST_CASE("QAP permutations depend on the seed only", "[cohesion][qap]") {
    const Network net = two_layers(true, true);
    cohesion::QapOptions o;
    o.permutations = 500;
    o.seed = 7;
    o.threads = 1;
    const auto a = net.view(kt::opts({"A"})), b = net.view(kt::opts({"B"}));
    const auto r1 = cohesion::qap(*a, *b, o);
    o.threads = 4;
    const auto r4 = cohesion::qap(*a, *b, o);
    CHECK(r1.permutations == r4.permutations);
    o.seed = 8;
    CHECK(cohesion::qap(*a, *b, o).permutations != r1.permutations);
}

TEST_CASE("QAP rejects bad input", "[cohesion][qap]") {
    SECTION("layers of different directedness") {
        const Network net = two_layers(true, false);
        const auto msg = kt::message_of<InputError>(
            [&] { cohesion::qap(*net.view(kt::opts({"A"})), *net.view(kt::opts({"B"}))); });
        CHECK_THAT(msg, Catch::Contains("layer 'A' is directed"));
        CHECK_THAT(msg, Catch::Contains("layer 'B' is undirected"));
    }
    SECTION("an empty layer") {
        Network net = two_layers(true, true);
        net.add_layer("C", true);
        const auto msg = kt::message_of<InputError>(
            [&] { cohesion::qap(*net.view(kt::opts({"A"})), *net.view(kt::opts({"C"}))); });
        CHECK_THAT(msg, Catch::Contains("layer 'C' has no variance (no ties)"));
    }
    SECTION("zero permutations") {
        const Network net = two_layers(true, true);
        cohesion::QapOptions o;
        o.permutations = 0;
        CHECK_THROWS_AS(cohesion::qap(*net.view(kt::opts({"A"})), *net.view(kt::opts({"B"})), o), InputError);
    }
}
