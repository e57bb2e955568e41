// The indexed 8-ary heap behind the weighted searches (Dijkstra in betweenness, closeness,
// harmonic and efficiency), checked against an ordered set on random operation sequences.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <set>
#include <utility>
#include <vector>

#include "ketennet/paths/dary_heap.hpp"
#include "../generators.hpp"

using ketennet::vertex_t;
using ketennet::paths::DaryHeap;

TEST_CASE("DaryHeap pops in key order with decrease-key, like an ordered set", "[paths][heap]") {
    // keys drawn from few values (many ties) or from a continuum; sizes around the
    // full/partial child groups of an 8-ary heap (1, 8, 9, 73 = 1 + 8 + 64) and larger
    const vertex_t n = GENERATE(vertex_t(1), vertex_t(8), vertex_t(9), vertex_t(73), vertex_t(1000));
    const bool ties = GENERATE(true, false);
    const unsigned seed = GENERATE(1u, 2u, 3u);
    INFO("n " << n << ", ties " << ties << ", seed " << seed);
    kt::Random rng(seed, n);
    auto draw = [&] { return ties ? double(rng.below(6)) : rng.uniform(0.0, 100.0); };

    std::vector<double> key(n, std::numeric_limits<double>::infinity());
    DaryHeap heap(n, key);
    std::set<std::pair<double, vertex_t>> ref;
    std::vector<char> done(n, 0);
    std::size_t pops = 0;
    for (int round = 0; round < 4 * int(n) + 8; ++round) {
        const int op = int(rng.below(3));
        const vertex_t v = vertex_t(rng.below(n));
        if (op < 2 && !done[v]) {  // push, or decrease the key of a queued vertex
            const double k = draw();
            if (heap.state(v) == DaryHeap::absent) {
                CHECK(ref.count({key[v], v}) == 0);
                key[v] = k;
                heap.push_or_decrease(v);
                ref.insert({k, v});
            } else if (k < key[v]) {
                REQUIRE(heap.state(v) >= 0);
                ref.erase({key[v], v});
                key[v] = k;
                heap.push_or_decrease(v);
                ref.insert({k, v});
            }
        } else if (!ref.empty()) {  // pop: the smallest key (any vertex among equal keys)
            REQUIRE_FALSE(heap.empty());
            const vertex_t u = heap.pop();
            ++pops;
            CHECK(key[u] == ref.begin()->first);
            CHECK(ref.erase({key[u], u}) == 1);
            CHECK(heap.state(u) == DaryHeap::settled);
            done[u] = 1;
        }
        CHECK(heap.empty() == ref.empty());
    }
    double last = -1.0;
    while (!ref.empty()) {  // drain: keys come out non-decreasing
        const vertex_t u = heap.pop();
        ++pops;
        CHECK(key[u] >= last);
        last = key[u];
        CHECK(ref.erase({key[u], u}) == 1);
    }
    CHECK(heap.empty());
    CHECK(pops > 0);
    heap.reset(0);  // a reset vertex can be pushed again
    CHECK(heap.state(0) == DaryHeap::absent);
    key[0] = 1.0;
    heap.push_or_decrease(0);
    CHECK(heap.pop() == 0);
}

TEST_CASE("DaryHeap breaks ties the same way for the same operations", "[paths][heap]") {
    // ten vertices, all with key 1: the pop order depends only on the operation sequence
    auto run = [] {
        std::vector<double> key(10, 1.0);
        DaryHeap heap(10, key);
        for (vertex_t v : {3u, 7u, 1u, 9u, 0u, 5u, 2u, 8u, 6u, 4u}) heap.push_or_decrease(v);
        std::vector<vertex_t> order;
        while (!heap.empty()) order.push_back(heap.pop());
        return order;
    };
    const auto a = run();
    CHECK(a == run());
    CHECK(a.size() == 10);
    CHECK(a.front() == 3);  // the first pushed stays at the root among equal keys
}
