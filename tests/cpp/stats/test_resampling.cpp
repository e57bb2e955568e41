// Resampling tests of a network statistic: the invariants of the conditional uniform graph
// draws (ties, dyad census), the permutation distribution and the bootstrap of small cases
// enumerated by hand, the summaries of given draws, determinism across thread counts, errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "ketennet/stats/resampling.hpp"
#include "ketennet/stats/statistics.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

//   a <-> b -> c -> d ⟲        (directed; d has a self-loop)
//   4 organisations, 6 unordered pairs: 1 mutual (a-b), 2 asymmetric (b-c, c-d), 3 null;
//   4 arcs besides the loop. Weights: a->b 1, b->a 2, b->c 3, c->d 4, loop 5.
Network drawn(bool with_weights) {
    std::vector<kt::E> e{{"a", "b", 1.0}, {"b", "a", 2.0}, {"b", "c", 3.0}, {"c", "d", 4.0}, {"d", "d", 5.0}};
    if (!with_weights)
        for (auto& x : e) x.weight.reset();
    return kt::graph({"a", "b", "c", "d"}, e, true);
}

struct Census {
    std::size_t mutual = 0, asymmetric = 0, loops = 0;
};

Census census(const View& g) {
    Census c;
    for (vertex_t u = 0; u < g.n(); ++u)
        for (vertex_t v : g.out_neighbours(u)) {
            if (u == v) ++c.loops;
            else if (g.find_weight(v, u)) c.mutual += u < v;
            else ++c.asymmetric;
        }
    return c;
}

std::multiset<double> weights(const View& g) {
    const auto w = g.edge_weights();
    return {w.begin(), w.end()};
}

}  // namespace

TEST_CASE("CUG draws keep what they are given", "[stats][cug]") {
    const Network net = drawn(true);
    const auto g = net.view(kt::opts({}, "volume"));
    const auto plain = drawn(false).view(kt::opts());
    const auto observed = stats::without_self_loops(*g);
    CHECK(observed->m() == 4);
    CHECK(observed->self_loops() == 0);
    CHECK(observed->ids() == g->ids());
    for (std::size_t k = 0; k < 50; ++k) {
        const auto e = stats::cug_draw(*observed, stats::Given::edges, 3, k);
        CHECK(e->m() == 4);
        CHECK(e->self_loops() == 0);
        CHECK(weights(*e) == std::multiset<double>{1, 2, 3, 4});  // the values travel
        const auto d = stats::cug_draw(*observed, stats::Given::dyad_census, 3, k);
        const Census c = census(*d);
        CHECK(c.mutual == 1);
        CHECK(c.asymmetric == 2);
        CHECK(c.loops == 0);
        CHECK(weights(*d) == std::multiset<double>{1, 2, 3, 4});
        const auto s = stats::cug_draw(*plain, stats::Given::size, 3, k);
        CHECK(s->self_loops() == 0);
    }
    // given size: each of the 12 arcs with probability 1/2, so the density averages 1/2
    double sum = 0;
    const std::size_t reps = 4000;
    for (std::size_t k = 0; k < reps; ++k) sum += stats::statistic(*stats::cug_draw(*plain, stats::Given::size, 9, k), "density");
    // sd of one draw's density: sqrt(12 / 4) / 12 = 0.144; of the mean: 0.0023
    CHECK(sum / reps == Approx(0.5).margin(0.012));
    CHECK(kt::message_of<InputError>([&] { (void)stats::cug_draw(*g, stats::Given::size, 1, 0); })
              .find("given 'size' draws graphs without tie values") != std::string::npos);
}

TEST_CASE("Dense CUG draws choose the missing pairs instead", "[stats][cug]") {
    //   a <-> b <-> c, a -> c    (3 organisations: 5 of the 6 arcs; the census has 2 mutual
    //   and 1 asymmetric pair, all 3 pairs: more than half, so the draws pick the complement)
    const auto g = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"}, {"a", "c"}},
                             true).view(kt::opts());
    std::set<std::vector<vertex_t>> seen;
    for (std::size_t k = 0; k < 200; ++k) {
        const auto e = stats::cug_draw(*g, stats::Given::edges, 6, k);
        CHECK(e->m() == 5);
        CHECK(e->self_loops() == 0);
        const Census c = census(*stats::cug_draw(*g, stats::Given::dyad_census, 6, k));
        CHECK(c.mutual == 2);
        CHECK(c.asymmetric == 1);
        const auto t = e->edge_targets();
        seen.insert(std::vector<vertex_t>(t.begin(), t.end()));
    }
    CHECK(seen.size() == 6);  // each of the 6 arcs is the missing one in some draw
}

TEST_CASE("CUG of density given edges is the observed value in every draw", "[stats][cug]") {
    const auto g = drawn(false).view(kt::opts());
    stats::CugOptions o;
    o.given = stats::Given::edges;
    o.reps = 200;
    const auto r = stats::cug_test(*g, "density", o);
    CHECK(r.statistic == Approx(4.0 / 12));  // the self-loop left out
    for (double x : r.null) CHECK(x == Approx(4.0 / 12));
    CHECK(r.p_greater == 1.0);
    CHECK(r.p_less == 1.0);
    CHECK(r.p_value == 1.0);
}

TEST_CASE("Undirected CUG draws are undirected graphs with the observed edges", "[stats][cug]") {
    //   a - b - c   d     (undirected, 2 of the 6 pairs)
    const auto g = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}}, false).view(kt::opts());
    for (auto given : {stats::Given::edges, stats::Given::dyad_census})
        for (std::size_t k = 0; k < 30; ++k) {
            const auto d = stats::cug_draw(*g, given, 5, k);
            CHECK_FALSE(d->directed());
            CHECK(d->m() == 2);
        }
}

TEST_CASE("Resampling depends on the seed only, not the threads", "[stats]") {
    kt::RandomGraph rg(40, true, 11);
    rg.draw(150);
    const Network net = kt::graph(kt::numbered(40), rg.edges(), true);
    kt::RandomGraph rg2(40, true, 12);
    rg2.draw(120);
    const Network other = kt::graph(kt::numbered(40), rg2.edges(), true);
    const auto g = net.view(kt::opts()), h = other.view(kt::opts());
    for (auto given : {stats::Given::size, stats::Given::edges, stats::Given::dyad_census}) {
        stats::CugOptions o;
        o.given = given;
        o.reps = 300;
        o.seed = 4;
        o.threads = 1;
        const auto r1 = stats::cug_test(*g, "transitivity", o);
        o.threads = 4;
        CHECK(stats::cug_test(*g, "transitivity", o).null == r1.null);
    }
    stats::PermutationOptions p;
    p.reps = 300;
    p.threads = 1;
    const auto p1 = stats::permutation_test(*g, *h, "reciprocity", p);
    p.threads = 3;
    CHECK(stats::permutation_test(*g, *h, "reciprocity", p).null == p1.null);
    stats::BootstrapOptions b;
    b.reps = 300;
    b.threads = 1;
    const auto b1 = stats::bootstrap(*g, "density", b);
    b.threads = 4;
    CHECK(stats::bootstrap(*g, "density", b).null == b1.null);
}

//   A: a <-> b          B: b -> c          (3 organisations, directed)
//   Dyads with ties: {a, b} (two arcs of A) and {b, c} (one arc of B). Statistic "ties":
//   observed d = 2 - 1 = 1. The four equally likely swaps give
//     none: 2 - 1 = 1, {a,b}: 0 - 3 = -3, {b,c}: 3 - 0 = 3, both: 1 - 2 = -1,
//   so p_greater = P(d' >= 1) = 1/2, p_less = P(d' <= 1) = 3/4, p_abs = 1.
TEST_CASE("Permutation test of two layers enumerated by hand", "[stats][permutation]") {
    Network net("t");
    net.add_layer("A", true);
    net.add_layer("B", true);
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kt::rel("a", "b", "A"));
    net.add_relation(kt::rel("b", "a", "A"));
    net.add_relation(kt::rel("b", "c", "B"));
    stats::PermutationOptions o;
    o.reps = 4000;
    o.seed = 2;
    const auto r = stats::permutation_test(*net.view(kt::opts({"A"})), *net.view(kt::opts({"B"})), "ties", o);
    CHECK(r.statistic_a == 2);
    CHECK(r.statistic_b == 1);
    CHECK(r.statistic == 1);
    for (double x : r.null) CHECK((x == 1 || x == -3 || x == 3 || x == -1));
    CHECK(r.p_greater == Approx(0.5).margin(0.04));  // 5 sd of the Monte Carlo error
    CHECK(r.p_less == Approx(0.75).margin(0.035));
    CHECK(r.p_abs == 1.0);
    CHECK(r.p_value == r.p_abs);
}

TEST_CASE("Permutation test matches organisations by id", "[stats][permutation]") {
    //   first: a -> b, c listed first;  second: a -> b with the organisations in another order
    const auto a = kt::graph({"c", "a", "b"}, {{"a", "b"}}, true).view(kt::opts());
    const auto b = kt::graph({"a", "b", "c"}, {{"a", "b"}}, true).view(kt::opts());
    const auto bb = stats::aligned(*a, *b);
    CHECK(bb->ids() == a->ids());
    CHECK(bb->find_weight(1, 2) != nullptr);  // a -> b on the first view's numbering
    stats::PermutationOptions o;
    o.reps = 50;
    const auto r = stats::permutation_test(*a, *b, "ties", o);
    for (double x : r.null) CHECK(x == 0.0);  // the same ties: every swap changes nothing
    const auto d = kt::graph({"a", "b", "x", "y"}, {}, true).view(kt::opts());
    const std::string msg = kt::message_of<InputError>([&] { (void)stats::permutation_test(*a, *d, "ties", o); });
    CHECK(msg.find("only in the first: 1 ('c')") != std::string::npos);
    CHECK(msg.find("only in the second: 2 ('x', 'y')") != std::string::npos);
    const auto u = kt::graph({"a", "b", "c"}, {{"a", "b"}}, false).view(kt::opts());
    CHECK(kt::message_of<InputError>([&] { (void)stats::permutation_test(*a, *u, "ties", o); }).find("same directedness") !=
          std::string::npos);
}

//   a -> b   (2 organisations). Samples (s1, s2): (a, b) copies a -> b, (b, a) copies it as
//   2 -> 1: one tie each. (a, a) and (b, b) drew one organisation twice: each of the two
//   arcs copies a random pair of {a -> b (tie), b -> a (none)}: 0, 1 or 2 ties, 1 on average.
//   So the mean number of ties is 1, and every sample has 0, 1 or 2.
TEST_CASE("Vertex bootstrap of a two-organisation case", "[stats][bootstrap]") {
    const auto g = kt::graph({"a", "b"}, {{"a", "b"}}, true).view(kt::opts());
    stats::BootstrapOptions o;
    o.reps = 4000;
    o.seed = 8;
    const auto r = stats::bootstrap(*g, "ties", o);
    CHECK(r.statistic == 1);
    double sum = 0;
    for (double x : r.null) {
        CHECK((x == 0 || x == 1 || x == 2));
        sum += x;
    }
    // one sample: P(0) = 1/8, P(1) = 3/4, P(2) = 1/8: sd 0.5, so the mean's sd is 0.008
    CHECK(sum / o.reps == Approx(1.0).margin(0.04));
    CHECK(r.standard_error == Approx(0.5).margin(0.03));
}

TEST_CASE("Vertex bootstrap of a complete graph is complete", "[stats][bootstrap]") {
    //   a - b - c - a (undirected triangle): every pair of a sample copies a tie, also the
    //   pairs of an organisation drawn twice (a random pair, and all pairs are ties)
    const auto g = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"a", "c"}}, false).view(kt::opts());
    stats::BootstrapOptions o;
    o.reps = 200;
    const auto r = stats::bootstrap(*g, "density", o);
    for (double x : r.null) CHECK(x == 1.0);
    CHECK(r.standard_error == 0.0);
    CHECK(r.ci_lower == 1.0);
    CHECK(r.ci_upper == 1.0);
    CHECK(r.p_value == 0.0);  // |t* - t| = 0 is never >= |1 - 0|
    for (std::size_t k = 0; k < 20; ++k) CHECK(stats::bootstrap_draw(*g, 1, k)->ids() == g->ids());
}

TEST_CASE("Bootstrap summaries of given draws", "[stats][bootstrap]") {
    //   draws 1, 2, 3, 4; observed 2.5. sd = sqrt(5/3). Quantiles (type 7) at 0.25 and 0.75:
    //   positions 0.75 and 2.25: 1.75 and 3.25. Centred draws -1.5, -0.5, 0.5, 1.5.
    const auto r = stats::bootstrap_result(2.5, {1, 2, 3, 4}, 0.5, 0.0);
    CHECK(r.standard_error == Approx(std::sqrt(5.0 / 3)));
    CHECK(r.ci_lower == Approx(1.75));
    CHECK(r.ci_upper == Approx(3.25));
    CHECK(r.p_value == 0.0);  // t - 0 = 2.5; no |centred| reaches it
    const auto s = stats::bootstrap_result(2.5, {1, 2, 3, 4}, 0.5, 2.0);
    CHECK(s.p_value == 1.0);     // t - 2 = 0.5: every |centred| >= 0.5
    CHECK(s.p_greater == 0.5);   // centred >= 0.5: 0.5, 1.5
    CHECK(s.p_less == 0.75);     // centred <= 0.5: -1.5, -0.5, 0.5
    const auto n = stats::bootstrap_result(1.0, {kt::nan, 1.0}, 0.9, 0.0);
    CHECK(std::isnan(n.standard_error));  // one defined draw
    CHECK_THROWS_AS(stats::bootstrap_result(1.0, {1.0}, 1.0, 0.0), InputError);
}

TEST_CASE("CUG summaries and the two-sided p-value", "[stats][cug]") {
    //   draws 0, 1, 2, 3 against 3: p_greater 1/4, p_less 1, p_value 2 * 1/4
    const auto r = stats::cug_result(3.0, {0, 1, 2, 3});
    CHECK(r.p_greater == 0.25);
    CHECK(r.p_less == 1.0);
    CHECK(r.p_value == 0.5);
    const auto n = stats::cug_result(3.0, {kt::nan, kt::nan});
    CHECK(std::isnan(n.p_value));
}

TEST_CASE("Resampling errors name what is wrong", "[stats]") {
    const auto g = drawn(false).view(kt::opts());
    const std::string msg = kt::message_of<InputError>([&] { (void)stats::cug_test(*g, "densty"); });
    CHECK(msg.find("cug_test: unknown statistic 'densty'") != std::string::npos);
    CHECK(msg.find("'density', 'reciprocity'") != std::string::npos);
    stats::CugOptions o;
    o.reps = 0;
    CHECK(kt::message_of<InputError>([&] { (void)stats::cug_test(*g, "density", o); }) == "cug_test: reps must be at least 1");
    const auto one = kt::graph({"a"}, {}, true).view(kt::opts());
    CHECK_THROWS_AS(stats::bootstrap(*one, "density"), InputError);
    const auto empty = kt::graph({"a", "b", "c"}, {}, true).view(kt::opts());
    CHECK(kt::message_of<InputError>([&] { (void)stats::cug_test(*empty, "reciprocity"); })
              .find("statistic 'reciprocity' is undefined (NaN) on the observed network") != std::string::npos);
    stats::BootstrapOptions b;
    b.level = 1.5;
    CHECK_THROWS_AS(stats::bootstrap(*g, "density", b), InputError);
}

TEST_CASE("Every named statistic is the metric it names", "[stats]") {
    //   a <-> b -> c -> d ⟲: 5 arcs on 4 organisations
    const auto g = drawn(false).view(kt::opts());
    CHECK(stats::statistic(*g, "ties") == 5);
    CHECK(stats::statistic(*g, "density") == Approx(5.0 / 12));
    CHECK(stats::statistic(*g, "reciprocity") == Approx(2.0 / 5));
    CHECK(stats::statistic(*g, "components") == 1);
    CHECK(stats::statistic(*g, "strong_components") == 3);  // {a, b}, {c}, {d}
    for (const auto& name : stats::statistic_names()) CHECK_NOTHROW(stats::statistic(*g, name));
    CHECK(std::isnan(stats::statistic(*kt::graph({"a", "b"}, {}, true).view(kt::opts()), "reciprocity")));
}
