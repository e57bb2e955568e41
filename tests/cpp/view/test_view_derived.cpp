// Structures derived from a view and kept with it (view/derived.hpp): built once, shared
// between threads, never a source of different results.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "ketennet/brokerage/detail/structural_holes_kernel.hpp"
#include "ketennet/brokerage/structural_holes.hpp"
#include "ketennet/centrality/detail/pagerank_kernel.hpp"
#include "ketennet/centrality/pagerank.hpp"
#include "ketennet/view/derived.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

struct First {
    int value;
};
struct Second {
    int value;
};

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

/// @p n organisations, 4 n random pairs drawn among all but the last 3 (which stay
/// isolated), weights 1..9 (volume), self-loops and reciprocal ties included.
Network random_network(std::size_t n, bool directed, std::uint64_t seed) {
    return kt::RandomGraph(n, directed, seed)
        .draw(4 * n, kt::steps(1, 1, 9), /*loops=*/true, /*among=*/n - 3)
        .network({"volume"}, "l");
}

}  // namespace

TEST_CASE("a derived cache builds each type once and keeps it", "[view][derived]") {
    DerivedCache cache;
    int built = 0;
    const auto a = cache.get<First>([&] { ++built; return std::make_shared<const First>(First{1}); });
    const auto b = cache.get<First>([&] { ++built; return std::make_shared<const First>(First{2}); });
    CHECK(a == b);
    CHECK(b->value == 1);
    CHECK(built == 1);
    const auto c = cache.get<Second>([&] { ++built; return std::make_shared<const Second>(Second{3}); });
    CHECK(c->value == 3);
    CHECK(built == 2);
    CHECK(cache.size() == 2);

    SECTION("a build that throws stores nothing, and the next call builds again") {
        DerivedCache fresh;
        CHECK_THROWS_AS(fresh.get<First>([]() -> std::shared_ptr<const First> {
            throw std::runtime_error("bad");
        }), std::runtime_error);
        CHECK(fresh.size() == 0);
        CHECK(fresh.get<First>([] { return std::make_shared<const First>(First{7}); })->value == 7);
        CHECK(fresh.size() == 1);
    }
}

TEST_CASE("a derived cache hands every thread the same structure", "[view][derived][parallel]") {
    for (int round = 0; round < 20; ++round) {
        DerivedCache cache;
        std::atomic<int> built{0};
        std::atomic<bool> go{false};
        std::vector<const First*> seen(8, nullptr);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < seen.size(); ++t)
            threads.emplace_back([&, t] {
                while (!go) std::this_thread::yield();
                seen[t] = cache.get<First>([&] {
                    ++built;
                    return std::make_shared<const First>(First{int(t)});
                }).get();
            });
        go = true;
        for (auto& th : threads) th.join();
        // several threads may build at once, but one structure is kept and handed to all
        CHECK(built >= 1);
        CHECK(cache.size() == 1);
        for (const First* p : seen) CHECK(p == seen[0]);
    }
}

TEST_CASE("structural holes keep their mutual adjacency with the view", "[view][derived][brokerage]") {
    for (const bool directed : {true, false})
        for (const char* weight : {"", "volume"}) {
            INFO((directed ? "directed" : "undirected") << ", weight '" << weight << "'");
            const Network net = random_network(600, directed, 99);
            const ViewPtr v = net.view(kt::opts({}, weight));
            CHECK(v->derived_count() == 0);
            brokerage::StructuralHolesOptions all;
            const auto first = brokerage::structural_holes(*v, all);
            CHECK(v->derived_count() == 1);
            const auto M = brokerage::detail::mutual_adjacency(*v, 1);
            CHECK(M == brokerage::detail::mutual_adjacency(*v, 2));  // the kept one

            // the kept adjacency is the one a fresh build on 1 or 2 threads gives
            for (const unsigned threads : {1u, 2u}) {
                const brokerage::detail::MutualAdjacency fresh(*v, threads);
                REQUIRE(fresh.adj.size() == M->adj.size());
                for (vertex_t u = 0; u < v->n(); ++u) {
                    const auto a = fresh.contacts(u), b = M->contacts(u);
                    REQUIRE(std::vector<vertex_t>(a.begin(), a.end()) ==
                            std::vector<vertex_t>(b.begin(), b.end()));
                    CHECK(fresh.vertex[u].sum == M->vertex[u].sum);
                    CHECK(fresh.vertex[u].max == M->vertex[u].max);
                    CHECK(fresh.vertex[u].upper == M->vertex[u].upper);
                }
                CHECK(fresh.work == M->work);
                CHECK(fresh.self_loops == M->self_loops);
            }
            CHECK(M->triangles > 0.0);

            // later calls, one measure at a time and on other thread counts, read the kept
            // adjacency and give the first call's values bit for bit
            for (const unsigned threads : {1u, 2u}) {
                brokerage::StructuralHolesOptions c, e;
                c.threads = e.threads = threads;
                c.effective_size = c.efficiency = c.hierarchy = false;
                e.constraint = e.efficiency = e.hierarchy = false;
                CHECK(same_bits(brokerage::structural_holes(*v, c).constraint, first.constraint));
                CHECK(same_bits(brokerage::structural_holes(*v, e).effective_size, first.effective_size));
            }
            CHECK(v->derived_count() == 1);
            // and a second view of the same network, built from scratch, agrees
            const Network copy = random_network(600, directed, 99);
            CHECK(same_bits(brokerage::structural_holes(*copy.view(kt::opts({}, weight)), all).hierarchy,
                            first.hierarchy));
        }
}

TEST_CASE("a view with a bad weight keeps no mutual adjacency", "[view][derived][brokerage]") {
    //   a -> b (1),  b -> c (0: not a tie strength)
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 0.0}}, true);
    const ViewPtr v = net.view(kt::opts({}, "volume"));
    for (int call = 0; call < 2; ++call) {
        const auto msg = kt::message_of<InputError>([&] { brokerage::structural_holes(*v); });
        CHECK_THAT(msg, Catch::Contains("b -> c"));
        CHECK(v->derived_count() == 0);
    }
}

TEST_CASE("pagerank keeps its layout with the view", "[view][derived][centrality]") {
    for (const bool directed : {true, false})
        for (const char* weight : {"", "volume"}) {
            INFO((directed ? "directed" : "undirected") << ", weight '" << weight << "'");
            // 5,000 organisations: three blocks of the sweep
            const Network net = random_network(5000, directed, 7);
            const ViewPtr v = net.view(kt::opts({}, weight));
            centrality::PageRankOptions o;
            o.tol = 1e-12;
            o.max_iter = 1000;
            const auto first = centrality::pagerank(*v, o);
            CHECK(v->derived_count() == 1);
            o.alpha = 0.7;
            const auto second = centrality::pagerank(*v, o);
            CHECK(v->derived_count() == 1);
            // a fresh view of the same network: identical values for both damping factors
            const Network copy = random_network(5000, directed, 7);
            const ViewPtr w = copy.view(kt::opts({}, weight));
            CHECK(same_bits(centrality::pagerank(*w, o), second));
            o.alpha = 0.85;
            CHECK(same_bits(centrality::pagerank(*w, o), first));
            // the layout: positions are a permutation within each block of 2,048, grouped by
            // in-degree class; the inverse out-strengths as defined, by position
            const auto layout = centrality::detail::pagerank_layout(*v);
            const auto& c = layout->classes;
            for (vertex_t u = 0; u < v->n(); ++u) {
                REQUIRE(c.order[c.rank[u]] == u);
                CHECK(c.rank[u] / centrality::pagerank_block == u / centrality::pagerank_block);
                double s = 0.0;
                for (double x : v->out_weights(u)) s += x;
                CHECK(layout->inv[c.rank[u]] == (s == 0.0 ? 0.0 : 1.0 / s));
            }
            for (std::size_t p = 1; p < c.order.size(); ++p)
                if (p % centrality::pagerank_block != 0)
                    CHECK(std::min<std::size_t>(v->in_neighbours(c.order[p - 1]).size(), centrality::detail::pagerank_widest + 1) <=
                          std::min<std::size_t>(v->in_neighbours(c.order[p]).size(), centrality::detail::pagerank_widest + 1));
        }
}
