// Closeness and harmonic centrality on several threads: identical results, progress,
// cancellation; and against a brute-force all-pairs reference.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <thread>

#include "ketennet/centrality/closeness.hpp"
#include "ketennet/centrality/harmonic.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

/// A random network: 3 n random pairs drawn (about 3 relations per organisation), latencies
/// from a few values; organisations o0, o17, o34, ... (multiples of 17) stay isolated.
Network random_network(std::size_t n, bool directed, std::uint64_t seed) {
    return kt::RandomGraph(n, directed, seed)
        .draw(3 * n, kt::one_of({0.5, 1.0, 1.5, 2.0, 0.1, 0.7}))
        .isolate([](std::size_t v) { return v % 17 == 0; })
        .network({"latency"});
}

}  // namespace

TEST_CASE("closeness and harmonic equal their definitions on random graphs", "[centrality][closeness][harmonic]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    INFO("directed " << directed << ", weighted " << weighted);
    const Network net = random_network(70, directed, 99 + (directed ? 1 : 0));
    const ViewPtr v = weighted ? net.view(kt::opts({}, "latency")) : net.view();
    const auto d = kt::all_pairs_distances(*v);
    const auto c = centrality::closeness(*v);
    const auto h = centrality::harmonic(*v);
    const std::size_t n = v->n();
    std::size_t unreached = 0;
    for (std::size_t x = 0; x < n; ++x) {
        double sum = 0, harm = 0, reach = 0;
        for (std::size_t u = 0; u < n; ++u) {
            if (u == x || d[u][x] == std::numeric_limits<double>::infinity()) continue;
            sum += d[u][x];  // incoming distances
            harm += 1 / d[u][x];
            reach += 1;
        }
        unreached += reach < double(n - 1);
        const double expected = sum > 0 ? reach / sum * reach / double(n - 1) : 0.0;
        INFO("organisation " << v->id(vertex_t(x)));
        CHECK(c[x] == Approx(expected).epsilon(1e-12).margin(1e-15));
        CHECK(h[x] == Approx(harm).epsilon(1e-12).margin(1e-15));
    }
    CHECK(unreached > 0);  // the Wasserman-Faust correction is exercised
}

TEST_CASE("closeness and harmonic are identical for one and two threads", "[centrality][closeness][harmonic][threads]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    INFO("directed " << directed << ", weighted " << weighted);
    const Network net = random_network(500, directed, directed ? 1 : 2);
    const ViewPtr v = weighted ? net.view(kt::opts({}, "latency")) : net.view();
    for (unsigned threads : {2u, 0u, 7u}) {
        INFO("threads " << threads);
        centrality::ClosenessOptions c1, c2;
        c1.threads = 1;
        c2.threads = threads;
        const auto a = centrality::closeness(*v, c1);
        CHECK(a == centrality::closeness(*v, c2));  // bit for bit
        centrality::HarmonicOptions h1, h2;
        h1.threads = 1;
        h2.threads = threads;
        const auto b = centrality::harmonic(*v, h1);
        CHECK(b == centrality::harmonic(*v, h2));
        std::size_t positive = 0;
        for (double x : a) positive += x > 0;
        CHECK(positive > 400);
    }
}

TEST_CASE("closeness and harmonic report progress and can be cancelled", "[centrality][closeness][harmonic][progress]") {
    const Network net = random_network(300, true, 5);
    const ViewPtr v = net.view();
    const unsigned threads = GENERATE(1u, 2u);
    INFO("threads " << threads);
    std::vector<double> seen;
    const auto caller = std::this_thread::get_id();
    bool other_thread = false;
    centrality::ClosenessOptions o;
    o.threads = threads;
    o.progress = [&](double f) {
        seen.push_back(f);
        other_thread = other_thread || std::this_thread::get_id() != caller;
        return true;
    };
    centrality::closeness(*v, o);
    REQUIRE_FALSE(seen.empty());
    if (threads == 1) CHECK(seen.size() > 2);  // reported along the way (5 batches of 64)
    CHECK(seen.back() == 1.0);
    for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] >= seen[i - 1]);
    CHECK_FALSE(other_thread);
    centrality::HarmonicOptions h;
    h.threads = threads;
    h.progress = [](double f) { return f < 0.3; };
    CHECK_THROWS_AS(centrality::harmonic(*v, h), Cancelled);
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(centrality::closeness(*v, o), Cancelled);
}
