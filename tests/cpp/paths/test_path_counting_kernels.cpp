// Brandes' path counting: the fast kernels (paths/detail/path_counting_kernel.hpp) against
// the reference implementations (paths::reference), which add the same terms in the same
// order: equal values, bit for bit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "ketennet/paths/path_counting.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::opts;

namespace {

/// What one search and accumulation from one source gives: distances, path counts, levels
/// (BFS only: Dijkstra's levels are settling positions), the settling order and the
/// dependencies, per vertex.
struct Search {
    std::vector<double> dist, sigma, delta;
    std::vector<std::int32_t> level;
    std::vector<vertex_t> order;
};

template <bool Fast>
Search search(const View& g, vertex_t s, paths::BrandesScratch& sc) {
    const bool weighted = g.weighted();
    if constexpr (Fast) {
        if (weighted)
            paths::detail::sssp_dijkstra(g, s, sc);
        else
            paths::detail::sssp_bfs(g, s, sc);
    } else {
        if (weighted)
            paths::reference::sssp_dijkstra(g, s, sc);
        else
            paths::reference::sssp_bfs(g, s, sc);
    }
    Search r{sc.dist, sc.sigma, std::vector<double>(g.n(), -1.0), sc.level, sc.order};
    const auto add = [&](vertex_t v, double d) { r.delta[v] = d; };
    if constexpr (Fast) {
        if (weighted)
            paths::detail::accumulate_weighted(g, sc, add);
        else
            paths::detail::accumulate_hops(g, sc, add, paths::UnitTargets{});
    } else {
        paths::reference::accumulate(g, weighted, sc, add);
    }
    paths::reset(sc);
    return r;
}

/// The fast kernels and the reference agree from every source of @p g.
void check_every_source(const View& g) {
    paths::BrandesScratch a(g.n()), b(g.n());
    for (vertex_t s = 0; s < g.n(); ++s) {
        INFO("source " << s);
        const Search fast = search<true>(g, s, a), ref = search<false>(g, s, b);
        CHECK(fast.dist == ref.dist);
        CHECK(fast.sigma == ref.sigma);
        CHECK(fast.delta == ref.delta);
        if (g.weighted()) {
            // the settling order of equally distant vertices is the heap's: compare as sets
            auto x = fast.order, y = ref.order;
            std::sort(x.begin(), x.end());
            std::sort(y.begin(), y.end());
            CHECK(x == y);
        } else {
            CHECK(fast.order == ref.order);
            CHECK(fast.level == ref.level);
        }
    }
}

}  // namespace

//   a --> b --> d --> e     from a: two shortest paths to d and to e (sigma = 2);
//   |           ^           delta(d) = 1 (e), delta(b) = delta(c) = 1 (half of d's
//   +---> c ----+           pairs a-d and a-e each)
TEST_CASE("path counting: fast kernels and reference on a diamond", "[paths][kernels]") {
    const Network net = kt::graph({"a", "b", "c", "d", "e"},
                                  {{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}, {"d", "e"}}, true);
    const ViewPtr v = net.view();
    paths::BrandesScratch sc(v->n());
    const Search fast = search<true>(*v, 0, sc), ref = search<false>(*v, 0, sc);
    CHECK(ref.sigma == std::vector<double>{1, 1, 1, 2, 2});
    CHECK(ref.level == std::vector<std::int32_t>{0, 1, 1, 2, 3});
    CHECK(ref.delta == std::vector<double>{-1, 1, 1, 1, 0});  // -1: the source, not reported
    CHECK(fast.sigma == ref.sigma);
    CHECK(fast.level == ref.level);
    CHECK(fast.delta == ref.delta);
    check_every_source(*v);
}

//   a --1--> b --1--> d        weighted: a -> d two ways of length 2 (through b, through c),
//   |\                ^        the direct tie of length 3 on no shortest path
//   | +------3--------+
//   +--1--> c ---1----^
TEST_CASE("path counting: fast Dijkstra and reference on weighted ties", "[paths][kernels]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b", 1.0}, {"b", "d", 1.0}, {"a", "c", 1.0}, {"c", "d", 1.0}, {"a", "d", 3.0}},
                                  true);
    const ViewPtr v = net.view(opts({}, "latency"));
    paths::BrandesScratch sc(v->n());
    const Search ref = search<false>(*v, 0, sc);
    CHECK(ref.dist == std::vector<double>{0, 1, 1, 2});
    CHECK(ref.sigma == std::vector<double>{1, 1, 1, 2});
    check_every_source(*v);
}

TEST_CASE("path counting: fast kernels and reference agree on random graphs", "[paths][kernels]") {
    const unsigned seed = GENERATE(1u, 2u, 3u);
    const bool directed = GENERATE(true, false);
    // 60 organisations, the last 6 isolated, self-loops kept; latencies 0.5 .. 2.5 (many ties
    // between paths) and decimal ones
    const Network net = kt::RandomGraph(60, directed, seed + directed)
                            .draw(150, kt::steps(0.5, 0.5, 5), /*loops=*/true, /*among=*/54)
                            .network({"latency"});
    const Network decimal = kt::RandomGraph(60, directed, seed + directed)
                                .draw(150, kt::uniform_weight(0.1, 3.0), /*loops=*/true)
                                .network({"latency"});
    INFO("seed " << seed << (directed ? ", directed" : ", undirected"));
    check_every_source(*net.view());
    check_every_source(*net.view(opts({}, "latency")));
    check_every_source(*decimal.view(opts({}, "latency")));
}
