// PageRank, by hand on tiny graphs (stationary equations solved exactly).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/centrality/detail/pagerank_kernel.hpp"
#include "ketennet/centrality/pagerank.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::PageRankOptions;
using kt::check_by_id;
using kt::opts;

namespace {

/// A tight tolerance so that the power iteration reaches the exact stationary values.
PageRankOptions tight() {
    PageRankOptions o;
    o.tol = 1e-15;
    o.max_iter = 1000;
    return o;
}

}  // namespace

//   c --> a <==> b        (alpha = 0.85, uniform jumps 0.15 / 3 = 0.05)
//
//   x_c = 0.05;  x_b = 0.85 x_a + 0.05;  x_a = 0.85 (x_b + x_c) + 0.05
//   => x_a (1 - 0.7225) = 0.135:  x_a = 18/37, x_b = 17.15/37, x_c = 1.85/37
TEST_CASE("pagerank of a small directed graph", "[centrality][pagerank]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "a"}, {"c", "a"}}, true);
    const ViewPtr v = net.view();
    check_by_id(*v, centrality::pagerank(*v, tight()),
                {{"a", 18.0 / 37}, {"b", 17.15 / 37}, {"c", 1.85 / 37}}, 1e-12);
}

//   a --3--> b,  a --1--> c,  b --> a,  c --> a     (weights are strengths: volume)
//
//   x_b = 0.85 (3/4) x_a + 0.05;  x_c = 0.85 (1/4) x_a + 0.05;  x_a = 0.85 (x_b + x_c) + 0.05
//   => x_a = 18/37, x_b = 13.325/37, x_c = 5.675/37
TEST_CASE("weighted pagerank splits by strength", "[centrality][pagerank]") {
    Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 3.0}, {"a", "c", 1.0}, {"b", "a", 1.0}, {"c", "a", 1.0}}, true);
    const ViewPtr v = net.view(opts({}, "volume"));
    check_by_id(*v, centrality::pagerank(*v, tight()),
                {{"a", 18.0 / 37}, {"b", 13.325 / 37}, {"c", 5.675 / 37}}, 1e-12);
}

//   a --> b      (b has no outgoing tie: its walkers jump uniformly)
//
//   x_a = 0.85 (x_b / 2) + 0.075;  x_a + x_b = 1  =>  x_a = 0.5 / 1.425
TEST_CASE("pagerank redistributes dangling organisations", "[centrality][pagerank]") {
    const Network net = kt::graph({"a", "b"}, {{"a", "b"}}, true);
    const ViewPtr v = net.view();
    check_by_id(*v, centrality::pagerank(*v, tight()), {{"a", 0.5 / 1.425}, {"b", 1 - 0.5 / 1.425}}, 1e-12);
    // dangling walkers all go to a: x_a = 0.85 x_b + 0.075, x_b = 0.85 x_a + 0.075 => 1/2 each
    PageRankOptions o = tight();
    o.dangling = {1.0, 0.0};
    check_by_id(*v, centrality::pagerank(*v, o), {{"a", 0.5}, {"b", 0.5}}, 1e-12);
}

//   undirected star, centre h, leaves l1 l2 l3 (each tie followed both ways):
//   x_l = 0.85 x_h / 3 + 0.0375;  x_h = 0.85 (3 x_l) + 0.0375  =>  x_h = 0.133125 / 0.2775
TEST_CASE("pagerank of an undirected star", "[centrality][pagerank]") {
    const Network net = kt::graph({"h", "l1", "l2", "l3"}, {{"h", "l1"}, {"h", "l2"}, {"h", "l3"}}, false);
    const ViewPtr v = net.view();
    const double h = 0.133125 / 0.2775;
    const double l = (1 - h) / 3;
    check_by_id(*v, centrality::pagerank(*v, tight()), {{"h", h}, {"l1", l}, {"l2", l}, {"l3", l}}, 1e-12);
}

//   a <==> b with every jump to a (personalization 1, 0):
//   x_a = 0.85 x_b + 0.15;  x_b = 0.85 x_a  =>  x_a = 20/37, x_b = 17/37
TEST_CASE("personalized pagerank", "[centrality][pagerank]") {
    const Network net = kt::graph({"a", "b"}, {{"a", "b"}, {"b", "a"}}, true);
    const ViewPtr v = net.view();
    PageRankOptions o = tight();
    o.personalization = {3.0, 0.0};  // divided by its sum
    check_by_id(*v, centrality::pagerank(*v, o), {{"a", 20.0 / 37}, {"b", 17.0 / 37}}, 1e-12);
}

TEST_CASE("pagerank with the default tolerance sums to one", "[centrality][pagerank]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}}, true);
    const auto x = centrality::pagerank(*net.view());
    double s = 0;
    for (double y : x) s += y;
    CHECK(s == Approx(1.0).epsilon(1e-12));
    CHECK(centrality::pagerank(*Network().view()).empty());
}

TEST_CASE("pagerank errors", "[centrality][pagerank]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}}, true);
    const ViewPtr v = net.view();
    SECTION("too few iterations") {
        PageRankOptions o;
        o.max_iter = 1;
        const std::string msg = kt::message_of<ConvergenceError>([&] { centrality::pagerank(*v, o); });
        CHECK_THAT(msg, Catch::Contains("pagerank"));
        CHECK_THAT(msg, Catch::Contains("1 iteration"));
        CHECK_THROWS_AS(centrality::pagerank(*v, o), ketennet::Error);
    }
    SECTION("alpha outside [0, 1]") {
        PageRankOptions o;
        o.alpha = 1.5;
        CHECK_THAT(kt::message_of<InputError>([&] { centrality::pagerank(*v, o); }), Catch::Contains("alpha"));
    }
    SECTION("personalization of the wrong size, negative or all zero") {
        PageRankOptions o;
        o.personalization = {1.0, 2.0};
        CHECK_THAT(kt::message_of<InputError>([&] { centrality::pagerank(*v, o); }),
                   Catch::Contains("personalization has 2 values for 3"));
        o.personalization = {1.0, -2.0, 1.0};
        CHECK_THAT(kt::message_of<InputError>([&] { centrality::pagerank(*v, o); }),
                   Catch::Contains("personalization of 'b'"));
        o.personalization = {0.0, 0.0, 0.0};
        CHECK_THAT(kt::message_of<InputError>([&] { centrality::pagerank(*v, o); }), Catch::Contains("zero"));
    }
    SECTION("negative strength") {
        Network neg = kt::graph({"a", "b"}, {}, true);
        Relation r = kt::rel("a", "b", "L");
        r.attributes = {{"flow", -1.0}};
        neg.add_relation(r);
        const std::string msg = kt::message_of<InputError>([&] { centrality::pagerank(*neg.view(opts({}, "flow"))); });
        CHECK_THAT(msg, Catch::Contains("a -> b"));
        CHECK_THAT(msg, Catch::Contains(">= 0"));
    }
}

// A random sparse network large enough for pagerank to split its power iteration among
// threads (at least pagerank_parallel_work = 2^18 in-ties plus organisations; several blocks).
TEST_CASE("pagerank gives bit-identical values on 1 and 2 threads", "[centrality][pagerank][parallel]") {
    for (const bool directed : {true, false}) {
        // 6 n random pairs drawn, volumes 1..100
        const std::size_t n = 40000;
        const Network net =
            kt::RandomGraph(n, directed, directed ? 1 : 2).draw(6 * n, kt::steps(1, 1, 100)).network({"volume"}, "l");
        for (const char* weight : {"", "volume"}) {
            const ViewPtr v = net.view(opts({}, weight));
            INFO((directed ? "directed" : "undirected") << ", weight '" << weight << "'");
            REQUIRE(v->m() * (directed ? 1 : 2) + n >= centrality::pagerank_parallel_work);
            PageRankOptions one, two;
            one.threads = 1;
            two.threads = 2;
            const auto a = centrality::pagerank(*v, one);
            const auto b = centrality::pagerank(*v, two);
            REQUIRE(a.size() == n);
            CHECK(a == b);  // exactly, not approximately
            double sum = 0.0;
            for (double x : a) sum += x;
            CHECK(sum == Approx(1.0).margin(1e-12));
        }
    }
}

namespace {

/// NetworkX's power iteration written plainly (its _pagerank_python): the reference for
/// the in-degree-class sweep. Returns the values and the number of iterations.
std::pair<std::vector<double>, std::size_t> plain_pagerank(const View& g, const PageRankOptions& o) {
    const std::size_t n = g.n();
    const double N = double(n);
    auto normalised = [&](const std::vector<double>& v) {
        std::vector<double> out(n, 1.0 / N);
        if (v.empty()) return out;
        double s = 0.0;
        for (double x : v) s += x;
        for (std::size_t i = 0; i < n; ++i) out[i] = v[i] / s;
        return out;
    };
    const auto p = normalised(o.personalization);
    const auto dd = o.dangling.empty() ? p : normalised(o.dangling);
    std::vector<double> x = normalised(o.nstart), strength(n, 0.0);
    for (std::size_t u = 0; u < n; ++u)
        for (double w : g.out_weights(vertex_t(u))) strength[u] += g.weighted() ? w : 1.0;
    for (std::size_t it = 1; it <= o.max_iter; ++it) {
        std::vector<double> next(n, 0.0);
        double lost = 0.0;
        for (std::size_t u = 0; u < n; ++u)
            if (strength[u] == 0.0) lost += x[u];
        for (std::size_t u = 0; u < n; ++u) {
            const auto nb = g.out_neighbours(vertex_t(u));
            const auto w = g.out_weights(vertex_t(u));
            for (std::size_t k = 0; k < nb.size(); ++k)
                next[nb[k]] += o.alpha * x[u] * (g.weighted() ? w[k] : 1.0) / strength[u];
        }
        double err = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            next[v] += o.alpha * lost * dd[v] + (1.0 - o.alpha) * p[v];
            err += std::abs(next[v] - x[v]);
        }
        x = next;
        if (err < N * o.tol) return {x, it};
    }
    return {x, 0};
}

}  // namespace

// The sweep groups each block's organisations by in-degree (0..8 with straight-line code,
// wider ones with a loop; lists copied 8 entries at a time) and treats the default uniform
// jumps apart: check it against the plain iteration on random networks whose in-degrees
// run from 0 to 15-30 (a few hubs), with dangling organisations and self-loops, one
// block (n = 300) and several with a short last one (n = 5000 = 2 * 2048 + 904).
TEST_CASE("pagerank matches the plain power iteration on random networks", "[centrality][pagerank]") {
    const std::size_t n = GENERATE(std::size_t(300), std::size_t(5000));
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    // uniform; personalization; personalization + dangling; uniform jumps from a start vector;
    // all three
    const int jumps = GENERATE(0, 1, 2, 3, 4);
    INFO("n " << n << (directed ? " directed" : " undirected") << (weighted ? " weighted" : "")
              << ", jumps " << jumps);
    kt::RandomGraph graph(n, directed, n + (directed ? 1 : 0));
    kt::Random& rng = graph.random();
    const std::size_t ties = directed ? 4 * n : 2 * n;
    while (graph.ties().size() < ties) {
        // targets: a quarter of the ties go to 20 hubs, so some in-degrees exceed 8
        const std::size_t s = rng.below(n), t = rng.chance(0.25) ? rng.below(20) : rng.below(n);
        if (s == t && !rng.chance(0.125)) continue;  // a few self-loops
        graph.tie(s, t, weighted ? double(1 + rng.below(9)) : 1.0);
    }
    const auto ids = std::make_shared<std::vector<std::string>>(kt::numbered(n));
    const auto g = View::build(vertex_t(n), directed, weighted, graph.arcs(), Combine::sum, {}, ids, 0);
    std::size_t widest = 0, empty = 0, dangling = 0;
    for (std::size_t v = 0; v < n; ++v) {
        widest = std::max(widest, g->in_neighbours(vertex_t(v)).size());
        empty += g->in_neighbours(vertex_t(v)).empty();
        dangling += g->out_neighbours(vertex_t(v)).empty();
    }
    REQUIRE(widest > centrality::detail::pagerank_widest);
    REQUIRE(empty > 0);
    if (directed) REQUIRE(dangling > 0);

    PageRankOptions o;
    o.tol = 1e-10;
    if (jumps == 1 || jumps == 2 || jumps == 4) {
        o.personalization.resize(n);
        for (std::size_t v = 0; v < n; ++v) o.personalization[v] = double(rng.below(5));
    }
    if (jumps == 2 || jumps == 4) {
        o.dangling.resize(n);
        for (std::size_t v = 0; v < n; ++v) o.dangling[v] = double(1 + rng.below(3));
    }
    if (jumps >= 3) {
        o.nstart.resize(n);
        for (std::size_t v = 0; v < n; ++v) o.nstart[v] = double(1 + rng.below(7));
    }
    const auto [expect, iterations] = plain_pagerank(*g, o);
    REQUIRE(iterations > 0);
    const auto got = centrality::pagerank(*g, o);
    REQUIRE(got.size() == n);
    double worst = 0.0;
    for (std::size_t v = 0; v < n; ++v) worst = std::max(worst, std::abs(got[v] - expect[v]) / expect[v]);
    CHECK(worst < 1e-12);
    // the same iteration count: one fewer would not converge
    if (iterations > 1) {
        PageRankOptions fewer = o;
        fewer.max_iter = iterations - 1;
        CHECK_THROWS_AS(centrality::pagerank(*g, fewer), ConvergenceError);
    }
    PageRankOptions exact = o;
    exact.max_iter = iterations;
    CHECK_NOTHROW(centrality::pagerank(*g, exact));
}
