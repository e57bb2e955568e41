// Betweenness of survivor components by block decomposition (resilience/detail/component_betweenness.hpp),
// by hand and against plain Brandes (centrality/betweenness.hpp) on random graphs.
#include <catch2/catch.hpp>

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/resilience/detail/component_betweenness.hpp"
#include "ketennet/support/random.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using resilience::detail::ComponentBetweenness;

namespace {

/// Plain Brandes over ordered pairs, unnormalised (undirected NetworkX normalized=False x 2).
std::vector<double> reference(const View& g) {
    centrality::BetweennessOptions o;
    o.normalized = false;
    o.threads = 1;
    auto bc = centrality::betweenness(g, o);
    if (!g.directed())
        for (double& x : bc) x *= 2.0;
    return bc;
}

std::vector<double> by_components(const View& g, const std::vector<char>& alive) {
    std::vector<vertex_t> members;
    for (vertex_t v = 0; v < g.n(); ++v)
        if (alive[v]) members.push_back(v);
    std::vector<double> score(g.n(), -1.0);
    ComponentBetweenness cb(g.n());
    cb.compute(g, alive, members, score);
    return score;
}

/// n organisations; a sparse random skeleton with trees, cycles and cliques hanging off it,
/// so that blocks, bridges and articulation points of every kind occur.
Network shattered(std::size_t n, bool directed, std::uint64_t seed) {
    kt::RandomGraph g(n, directed, seed);
    kt::Random& rng = g.random();
    auto tie = [&](std::size_t a, std::size_t b) {  // one tie per pair, in one direction only
        if (a != b && !g.has(b, a)) g.tie(a, b);
    };
    for (std::size_t v = 1; v < n; ++v) {
        tie(v, rng.below(v));                        // a random tree
        if (rng.chance(0.35)) tie(v, rng.below(v));  // plus cycles
    }
    for (std::size_t i = 0; i + 3 < n; i += 17)  // small cliques
        for (std::size_t a = i; a < i + 4; ++a)
            for (std::size_t b = a + 1; b < i + 4; ++b) tie(a, b);
    return g.network({}, "L", "v");
}

}  // namespace

//   b           a triangle a-b-c with d hanging off a, and e off d:
//   | \         N = 5; blocks {a,b,c}, {a,d}, {d,e}.
//   c - a - d - e
// a: sides {b,c} (2) and {d,e} (2): 4^2 - 4 - 4 = 8 ordered pairs; d: sides {a,b,c} and {e}:
// 16 - 9 - 1 = 6; the triangle has no interior vertex; b, c, e: 0.
TEST_CASE("component betweenness by hand: cut terms and a triangle block",
          "[resilience][component_betweenness]") {
    const Network net = kt::graph({"a", "b", "c", "d", "e"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "d"}, {"d", "e"}}, false);
    const auto g = net.view(kt::opts());
    const std::vector<char> alive(5, 1);
    const auto bc = by_components(*g, alive);
    CHECK(bc == std::vector<double>{8, 0, 0, 6, 0});
    CHECK(bc == reference(*g));
}

//   a - b          a 4-cycle with a pendant p on c. c: cut term 4^2 - 3^2 - 1^2 = 6 (p to and
//   |   |          from a, b, d), plus b <-> d, half of whose shortest paths pass c: 7. In the
//   d - c - p      block, r(c) = 2, so b gets half of a <-> c and of a <-> p: 2.
TEST_CASE("component betweenness: weighted block and a survivor set",
          "[resilience][component_betweenness]") {
    const Network net = kt::graph({"a", "b", "c", "d", "p"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}, {"c", "p"}}, false);
    const auto g = net.view(kt::opts());
    std::vector<char> alive(5, 1);
    const auto ref = reference(*g);
    CHECK(ref == std::vector<double>{1, 2, 7, 2, 0});
    CHECK(by_components(*g, alive) == ref);
    alive[4] = 0;                                  // p fails: a bare 4-cycle, 1 each
    const auto bc = by_components(*g, alive);
    for (vertex_t v = 0; v < 4; ++v) CHECK(bc[v] == Approx(1.0));
}

TEST_CASE("component betweenness equals Brandes on random survivor sets",
          "[resilience][component_betweenness]") {
    const bool directed = GENERATE(false, true);
    const std::uint64_t seed = GENERATE(range(1u, 7u));
    const Network net = shattered(70, directed, seed);
    const auto g = net.view(kt::opts());
    std::vector<char> alive(g->n(), 1);
    SplitMix64 rng(seed, 99);
    // the intact network, then survivors after knocking out ever more organisations (the
    // set given is every survivor, so it is closed under connectivity)
    for (int round = 0; round < 6; ++round) {
        // plain Brandes on the survivors: a view of the surviving ties only
        Network sub("sub");
        sub.add_layer("L", directed);
        for (vertex_t v = 0; v < g->n(); ++v) sub.add_organisation({g->id(v), "", "", {}});
        for (vertex_t v = 0; v < g->n(); ++v)
            for (vertex_t w : g->out_neighbours(v))
                if (alive[v] && alive[w] && (directed || v < w))
                    sub.add_relation(kt::rel(g->id(v), g->id(w), "L"));
        const auto ref = reference(*sub.view(kt::opts()));
        const auto got = by_components(*g, alive);
        for (vertex_t v = 0; v < g->n(); ++v)
            if (alive[v]) CHECK(got[v] == Approx(ref[v]).epsilon(1e-12).margin(1e-9));
        for (int k = 0; k < 8; ++k) alive[rng.below(g->n())] = 0;
    }
}
