// The random graphs the other tests draw (tests/cpp/generators.hpp): what each step promises.
#include <catch2/catch.hpp>

#include <set>
#include <utility>
#include <vector>

#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

std::vector<std::pair<std::size_t, std::size_t>> pairs(const kt::RandomGraph& g) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const kt::Tie& t : g.ties()) out.emplace_back(t.source, t.target);
    return out;
}

/// Every tie's ends below n, and no pair twice (either order when undirected).
void check_simple(const kt::RandomGraph& g) {
    std::set<std::pair<std::size_t, std::size_t>> seen;
    for (const kt::Tie& t : g.ties()) {
        INFO("tie " << t.source << " - " << t.target);
        REQUIRE(t.source < g.n());
        REQUIRE(t.target < g.n());
        const auto key = g.directed() ? std::pair{t.source, t.target}
                                      : std::pair{std::min(t.source, t.target), std::max(t.source, t.target)};
        CHECK(seen.insert(key).second);
        CHECK(g.has(t.source, t.target));
        if (!g.directed()) CHECK(g.has(t.target, t.source));
    }
}

}  // namespace

TEST_CASE("a random graph depends on its seed only, and the same on every platform", "[support][generators]") {
    const auto a = kt::RandomGraph(50, true, 7).draw(100, kt::steps(1, 1, 3));
    const auto b = kt::RandomGraph(50, true, 7).draw(100, kt::steps(1, 1, 3));
    const auto c = kt::RandomGraph(50, true, 8).draw(100, kt::steps(1, 1, 3));
    CHECK(pairs(a) == pairs(b));
    for (std::size_t k = 0; k < a.ties().size(); ++k) CHECK(a.ties()[k].weight == b.ties()[k].weight);
    CHECK(pairs(a) != pairs(c));
    // SplitMix64 of support/random.hpp, no std:: distribution: these first ties anywhere
    const auto small = kt::RandomGraph(10, true, 1).draw(4);
    CHECK(pairs(small) == std::vector<std::pair<std::size_t, std::size_t>>{{9, 6}, {9, 5}, {8, 0}, {1, 3}});
    // another stream of the same seed is another sequence
    kt::Random s0(1), s1(1, 1);
    CHECK(s0.bits() != s1.bits());
}

TEST_CASE("draw: uniform pairs without loops or repeats, about one tie a draw when sparse", "[support][generators]") {
    const bool directed = GENERATE(true, false);
    INFO((directed ? "directed" : "undirected"));
    const auto g = kt::RandomGraph(1000, directed, 3).draw(3000, kt::steps(0.5, 0.5, 5));
    check_simple(g);
    CHECK(g.ties().size() <= 3000);
    CHECK(g.ties().size() >= 2950);  // about 3 loops and 5 (directed) or 9 repeats expected
    std::set<double> weights;
    for (const kt::Tie& t : g.ties()) {
        CHECK(t.source != t.target);
        weights.insert(t.weight);
    }
    CHECK(weights == std::set<double>{0.5, 1.0, 1.5, 2.0, 2.5});
    // self-loops kept when asked; ends among the first 8 only
    const auto loops = kt::RandomGraph(10, directed, 3).draw(1000, kt::unit_weight(), /*loops=*/true, /*among=*/8);
    check_simple(loops);
    std::size_t self = 0;
    for (const kt::Tie& t : loops.ties()) {
        self += t.source == t.target;
        CHECK(t.source < 8);
        CHECK(t.target < 8);
        CHECK(t.weight == 1.0);
    }
    CHECK(self == 8);  // 1,000 draws over 64 ordered pairs: every pair drawn
    CHECK(loops.ties().size() == (directed ? 64u : 36u));
}

TEST_CASE("gilbert, tree, ring and isolate", "[support][generators]") {
    SECTION("G(n, p): each pair with probability p") {
        const bool directed = GENERATE(true, false);
        const auto g = kt::RandomGraph(200, directed, 11).gilbert(0.1, kt::uniform_weight(2, 3));
        check_simple(g);
        const double pairs_possible = directed ? 200.0 * 199 : 200.0 * 199 / 2;
        const double density = double(g.ties().size()) / pairs_possible;
        CHECK(density > 0.09);  // sd about 0.0015 (directed) or 0.002
        CHECK(density < 0.11);
        for (const kt::Tie& t : g.ties()) {
            CHECK(t.source != t.target);
            CHECK(t.weight >= 2.0);
            CHECK(t.weight < 3.0);
        }
    }
    SECTION("a random recursive tree: n - 1 ties, each to an earlier organisation") {
        const auto g = kt::RandomGraph(100, false, 5).tree();
        REQUIRE(g.ties().size() == 99);
        for (std::size_t v = 1; v < 100; ++v) {
            CHECK(g.ties()[v - 1].source == v);
            CHECK(g.ties()[v - 1].target < v);
        }
    }
    SECTION("a ring, then repeats of its pairs are dropped") {
        auto g = kt::RandomGraph(5, true, 1).ring();
        CHECK(pairs(g) == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}});
        CHECK_FALSE(g.tie(0, 1, 9.0));
        CHECK(g.tie(1, 0, 9.0));  // directed: the other direction is another pair
        CHECK(g.ties()[0].weight == 1.0);
        auto u = kt::RandomGraph(5, false, 1).ring();
        CHECK_FALSE(u.tie(1, 0));
        CHECK_THROWS_AS(u.tie(0, 5), std::out_of_range);
    }
    SECTION("isolate drops every tie of the organisations named") {
        auto g = kt::RandomGraph(60, false, 2).draw(180);
        const std::size_t before = g.ties().size();
        g.isolate([](std::size_t v) { return v % 17 == 0; });
        CHECK(g.ties().size() < before);
        for (const kt::Tie& t : g.ties()) {
            CHECK(t.source % 17 != 0);
            CHECK(t.target % 17 != 0);
        }
        CHECK_FALSE(g.has(0, 1));
    }
}

TEST_CASE("a random graph as a network, as edges and as arcs", "[support][generators]") {
    const bool directed = GENERATE(true, false);
    const auto g = kt::RandomGraph(30, directed, 4).draw(60, kt::steps(1, 1, 9));
    const Network net = g.network({"latency", "capacity"}, "case", "v");
    REQUIRE(net.organisation_count() == 30);
    CHECK(net.organisation(vertex_t(0)).id == "v0");
    CHECK(net.organisation(vertex_t(29)).id == "v29");
    REQUIRE(net.layers().size() == 1);
    CHECK(net.layers()[0].name == "case");
    CHECK(net.layers()[0].directed == directed);
    REQUIRE(net.relation_count() == g.ties().size());
    for (std::size_t i = 0; i < g.ties().size(); ++i) {
        const Relation r = net.relation(i);
        const kt::Tie& t = g.ties()[i];
        CHECK(r.source == kt::numbered_id(t.source, "v"));
        CHECK(r.target == kt::numbered_id(t.target, "v"));
        CHECK(r.latency == t.weight);
        CHECK(r.capacity == t.weight);
        CHECK_FALSE(r.volume.has_value());
        CHECK_FALSE(r.quality.has_value());
    }
    const Network bare = g.network({});
    REQUIRE(bare.relation_count() == g.ties().size());
    CHECK_FALSE(bare.relation(0).volume.has_value());
    CHECK_FALSE(bare.relation(0).latency.has_value());
    CHECK_THROWS_AS(g.network({"speed"}), std::invalid_argument);
    const auto edges = g.edges();
    const auto arcs = g.arcs();
    REQUIRE(edges.size() == g.ties().size());
    REQUIRE(arcs.size() == g.ties().size());
    CHECK(edges[0].source == kt::numbered_id(g.ties()[0].source));
    CHECK(edges[0].weight == g.ties()[0].weight);
    CHECK(arcs[0].target == vertex_t(g.ties()[0].target));
    CHECK(arcs[0].weight == g.ties()[0].weight);
}
