// PageRank and betweenness: the fast kernels (centrality/detail/*_kernel.hpp) against the
// reference implementations (centrality::reference), on hand-drawn and random graphs.
#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/detail/betweenness_kernel.hpp"
#include "ketennet/centrality/detail/pagerank_kernel.hpp"
#include "ketennet/centrality/pagerank.hpp"
#include "../generators.hpp"
#include "../kernel_checks.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::BetweennessOptions;
using centrality::PageRankOptions;
using kt::check_by_id;
using kt::opts;

namespace {

/// pagerank() by its fast kernel, whatever the build.
std::vector<double> fast_pagerank(const View& g, const PageRankOptions& o) {
    const auto pr = centrality::detail::pagerank_problem(g, o);
    return g.n() == 0 ? std::vector<double>{} : centrality::detail::pagerank_kernel(g, pr);
}

/// A random network: @p n organisations, the last tenth without ties (isolated; and so
/// dangling), @p draws random pairs with self-loops kept, weights 1 .. 5 (volume, latency).
Network random_network(std::size_t n, std::size_t draws, bool directed, unsigned seed) {
    return kt::RandomGraph(n, directed, seed)
        .draw(draws, kt::steps(1, 1, 5), /*loops=*/true, /*among=*/n - n / 10)
        .network();
}

}  // namespace

//   c --> a <==> b        (alpha = 0.85): x_a = 18/37, x_b = 17.15/37, x_c = 1.85/37
//   d                     and with d isolated (dangling): the fast kernel and the reference
//                         agree bit for bit
TEST_CASE("pagerank: fast kernel and reference on a small directed graph", "[centrality][pagerank][kernels]") {
    PageRankOptions o;
    o.tol = 1e-15;
    o.max_iter = 1000;
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "a"}, {"c", "a"}}, true);
    const ViewPtr v = net.view();
    const auto ref = centrality::reference::pagerank(*v, o);
    check_by_id(*v, ref, {{"a", 18.0 / 37}, {"b", 17.15 / 37}, {"c", 1.85 / 37}}, 1e-12);
    kt::check_identical(fast_pagerank(*v, o), ref);
    const Network more = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "a"}, {"c", "a"}}, true);
    kt::check_identical(fast_pagerank(*more.view(), o), centrality::reference::pagerank(*more.view(), o));
}

TEST_CASE("pagerank: fast kernel and reference give the same errors", "[centrality][pagerank][kernels]") {
    const Network net = kt::graph({"a", "b"}, {{"a", "b"}}, true);
    const ViewPtr v = net.view();
    PageRankOptions o;
    o.alpha = 1.5;
    CHECK_THROWS_AS(fast_pagerank(*v, o), InputError);
    CHECK_THROWS_AS(centrality::reference::pagerank(*v, o), InputError);
    o = {};
    o.max_iter = 1;
    CHECK_THROWS_AS(fast_pagerank(*v, o), ConvergenceError);
    CHECK_THROWS_AS(centrality::reference::pagerank(*v, o), ConvergenceError);
    CHECK(centrality::reference::pagerank(*kt::graph({}, {}, true).view()).empty());
}

// Up to pagerank_block organisations the fast kernel adds every sum in the reference's order:
// equal values. Above, it adds the dangling mass block by block, so the values may differ in
// the last bits.
TEST_CASE("pagerank: fast kernel and reference agree on random graphs", "[centrality][pagerank][kernels]") {
    const bool directed = GENERATE(true, false);
    const unsigned seed = GENERATE(1u, 2u);
    const std::size_t n = GENERATE(std::size_t(300), std::size_t(5000));
    const Network net = random_network(n, 3 * n, directed, seed + directed);
    for (const char* weight : {"", "volume"}) {
        const ViewPtr v = net.view(opts({}, weight));
        PageRankOptions plain, custom;
        custom.alpha = 0.7;
        custom.personalization.assign(n, 1.0);
        custom.dangling.assign(n, 1.0);
        custom.nstart.assign(n, 1.0);
        for (std::size_t i = 0; i < n; i += 3) {
            custom.personalization[i] = 3.0;
            custom.dangling[(i + 1) % n] = 0.0;
            custom.nstart[(i + 2) % n] = 2.0;
        }
        for (const PageRankOptions* o : {&plain, &custom}) {
            INFO((directed ? "directed" : "undirected") << ", seed " << seed << ", n " << n << ", weight '"
                                                        << weight << "'" << (o == &custom ? ", personalized" : ""));
            const auto ref = centrality::reference::pagerank(*v, *o);
            const auto fast = fast_pagerank(*v, *o);
            if (n <= centrality::pagerank_block)
                kt::check_identical(fast, ref);
            else
                kt::check_close(fast, ref);
        }
    }
}

// Large enough to run the fast kernel on two threads (pagerank_parallel_work): the blocks'
// dangling mass is added in block order, so the values are close to, not equal to, the
// reference's.
TEST_CASE("pagerank: fast kernel on two threads and reference agree", "[centrality][pagerank][kernels][parallel]") {
    const std::size_t n = 40000;
    const Network net = random_network(n, 6 * n, true, 7);
    const ViewPtr v = net.view(opts({}, "volume"));
    REQUIRE(v->m() + n >= centrality::pagerank_parallel_work);
    PageRankOptions o;
    o.threads = 2;
    kt::check_close(fast_pagerank(*v, o), centrality::reference::pagerank(*v, o));
}

//   a - b - c - d        unnormalised, undirected: b lies on the paths of (a, c) and (a, d),
//   e (isolated)         c on those of (b, d) and (a, d)
TEST_CASE("betweenness: fast kernel and reference on a path", "[centrality][betweenness][kernels]") {
    const Network net = kt::graph({"a", "b", "c", "d", "e"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}}, false);
    const ViewPtr v = net.view();
    BetweennessOptions o;
    o.normalized = false;
    const auto ref = centrality::reference::betweenness(*v, o);
    check_by_id(*v, ref, {{"a", 0.0}, {"b", 2.0}, {"c", 2.0}, {"d", 0.0}, {"e", 0.0}});
    // a and d hang on b and c: folded by the fast kernel, to the same values here
    kt::check_identical(centrality::detail::betweenness(*v, o, true), ref);
}

// Each search's dependencies are added in source order by both when every block of sources
// holds one (up to 64 organisations) and no leaf is folded: equal values. Folded leaves (a
// hub's dependencies counted 1 + leaves times) and blocks of several sources add in another
// order: the values may differ in the last bits.
TEST_CASE("betweenness: fast kernel and reference agree on random graphs", "[centrality][betweenness][kernels]") {
    const bool directed = GENERATE(true, false);
    const unsigned seed = GENERATE(1u, 2u, 3u);
    const std::size_t n = GENERATE(std::size_t(60), std::size_t(300));
    const Network net = random_network(n, 2 * n, directed, seed + directed);
    const Network decimal = kt::RandomGraph(n, directed, seed)
                                .draw(2 * n, kt::uniform_weight(0.1, 3.0), /*loops=*/true)
                                .network({"latency"});
    for (const ViewPtr& v : {net.view(), net.view(opts({}, "latency")), decimal.view(opts({}, "latency"))})
        for (const bool normalized : {true, false})
            for (const bool endpoints : {false, true})
                for (const unsigned threads : {1u, 2u}) {
                    INFO((directed ? "directed" : "undirected") << ", seed " << seed << ", n " << n
                                                                << (v->weighted() ? ", weighted" : "")
                                                                << ", normalized " << normalized << ", endpoints "
                                                                << endpoints << ", threads " << threads);
                    BetweennessOptions o;
                    o.normalized = normalized;
                    o.endpoints = endpoints;
                    o.threads = threads;
                    const auto ref = centrality::reference::betweenness(*v, o);
                    kt::check_close(centrality::detail::betweenness(*v, o, true), ref);
                    if (n <= 64) kt::check_identical(centrality::detail::betweenness(*v, o, false), ref);
                }
}
