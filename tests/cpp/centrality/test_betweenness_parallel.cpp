// Betweenness on several threads: identical results, progress and cancellation.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <thread>

#include "ketennet/centrality/betweenness.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::BetweennessOptions;

namespace {

/// A random network of @p n organisations: 4 n random pairs drawn (about 4 relations per
/// organisation), latencies from a few values so that shortest paths tie often.
Network random_network(std::size_t n, bool directed, std::uint64_t seed) {
    return kt::RandomGraph(n, directed, seed).draw(4 * n, kt::one_of({0.5, 1.0, 1.5, 2.0, 0.1, 0.7})).network({"latency"});
}

}  // namespace

TEST_CASE("betweenness is identical for one and two threads", "[centrality][betweenness][threads]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    const bool normalized = GENERATE(true, false);
    INFO("directed " << directed << ", weighted " << weighted << ", normalized " << normalized);
    const Network net = random_network(300, directed, 0x9E3779B97F4A7C15ULL + (directed ? 1 : 2));
    const ViewPtr v = weighted ? net.view(kt::opts({}, "latency")) : net.view();
    REQUIRE(v->n() == 300);

    BetweennessOptions o;
    o.normalized = normalized;
    o.threads = 1;
    const std::vector<double> one = centrality::betweenness(*v, o);
    o.threads = 2;
    const std::vector<double> two = centrality::betweenness(*v, o);
    o.threads = 0;
    const std::vector<double> all = centrality::betweenness(*v, o);
    o.threads = 7;  // more threads than cores
    const std::vector<double> seven = centrality::betweenness(*v, o);

    CHECK(one == two);  // exactly, bit for bit
    CHECK(one == all);
    CHECK(one == seven);
    std::size_t positive = 0;
    for (double x : one) positive += x > 0;
    CHECK(positive > 100);  // a non-trivial result
}

TEST_CASE("betweenness reports progress up to 1 from the calling thread",
          "[centrality][betweenness][progress]") {
    const Network net = random_network(200, true, 42);
    const ViewPtr v = net.view(kt::opts({}, "latency"));
    const unsigned threads = GENERATE(1u, 2u);
    INFO("threads " << threads);
    std::vector<double> seen;
    bool other_thread = false;
    const auto caller = std::this_thread::get_id();
    BetweennessOptions o;
    o.threads = threads;
    o.progress = [&](double f) {
        seen.push_back(f);
        other_thread = other_thread || std::this_thread::get_id() != caller;
        return true;
    };
    const std::vector<double> with_progress = centrality::betweenness(*v, o);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back() == 1.0);
    CHECK_FALSE(other_thread);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i] >= 0.0);
        CHECK(seen[i] <= 1.0);
        if (i > 0) CHECK(seen[i] >= seen[i - 1]);
    }
    if (threads == 1) CHECK(seen.size() > 2);  // reported along the way, not only at the end
    // reporting progress does not change the result
    o.progress = nullptr;
    CHECK(centrality::betweenness(*v, o) == with_progress);
}

TEST_CASE("a progress handler that returns false cancels betweenness",
          "[centrality][betweenness][progress]") {
    const Network net = random_network(200, false, 7);
    const ViewPtr v = net.view();
    const unsigned threads = GENERATE(1u, 2u);
    INFO("threads " << threads);
    SECTION("at the first report") {
        BetweennessOptions o;
        o.threads = threads;
        int calls = 0;
        o.progress = [&](double) {
            ++calls;
            return false;
        };
        CHECK_THROWS_AS(centrality::betweenness(*v, o), Cancelled);
        CHECK(calls == 1);
    }
    SECTION("half way") {
        BetweennessOptions o;
        o.threads = threads;
        o.progress = [&](double f) { return f < 0.5; };
        CHECK_THROWS_AS(centrality::betweenness(*v, o), Cancelled);
    }
    SECTION("Cancelled is a ketennet::Error") {
        BetweennessOptions o;
        o.threads = threads;
        o.progress = [](double) { return false; };
        CHECK_THROWS_AS(centrality::betweenness(*v, o), ketennet::Error);
    }
}
