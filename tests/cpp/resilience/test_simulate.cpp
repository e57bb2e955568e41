// Failure simulation, vulnerability and null models, by hand.
#include <catch2/catch.hpp>

#include "ketennet/flow/chain_score.hpp"
#include "ketennet/resilience/detail/degrees.hpp"
#include "ketennet/resilience/null_model.hpp"
#include "ketennet/resilience/simulate.hpp"
#include "ketennet/resilience/vulnerability.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using namespace ketennet::resilience;

namespace {

std::vector<std::string> removed_ids(const Network& net, const SimulationResult& r, std::size_t run) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < r.steps; ++k) out.push_back(net.organisation(r.removed[run * r.steps + k]).id);
    return out;
}

std::vector<double> curve(const SimulationResult& r, std::size_t run, std::size_t m = 0) {
    std::vector<double> out;
    for (std::size_t k = 0; k <= r.steps; ++k) out.push_back(r.value(run, k, m));
    return out;
}

/// The simulation of @p o on @p net, run on one and on two threads: both must remove the same
/// organisations and give the same values and robustness, bit for bit. The one-thread result.
SimulationResult on_one_and_two_threads(const Network& net, SimulationOptions o) {
    o.threads = 1;
    const auto one = simulate(net, o);
    o.threads = 2;
    const auto two = simulate(net, o);
    CHECK(one.removed == two.removed);
    CHECK(one.values == two.values);
    CHECK(one.robustness == two.robustness);
    return one;
}

/// A seeded random graph of n organisations v0..v{n-1} (sectors s0..s3 in turn) and m random
/// pairs drawn (self-loops and repeats dropped), unweighted.
Network random_graph(std::size_t n, std::size_t m, bool directed, std::uint64_t seed) {
    Network net = kt::RandomGraph(n, directed, seed).draw(m).network({}, "L", "v");
    for (std::size_t i = 0; i < n; ++i) {
        Organisation o = net.organisation(vertex_t(i));
        o.sector = kt::numbered_id(i % 4, "s");
        net.set_organisation(o);
    }
    return net;
}

}  // namespace

//        l1
//        |
//   l2 - c - l3      a star: the degree attack takes c first, then every share is 1/4
TEST_CASE("degree attack on a star", "[resilience][simulate]") {
    const Network net = kt::graph({"c", "l1", "l2", "l3"}, {{"c", "l1"}, {"c", "l2"}, {"c", "l3"}}, false);
    SimulationOptions o;
    o.strategy = Strategy::degree;
    const auto r = simulate(net, o);
    CHECK(removed_ids(net, r, 0) == std::vector<std::string>{"c", "l1", "l2", "l3"});
    CHECK(curve(r, 0) == std::vector<double>{1.0, 0.25, 0.25, 0.25, 0.0});
    CHECK(r.mean_robustness(0) == Approx(0.1875));
}

//   a - b - c - d - e    betweenness: c 4, b 3, d 3 (unordered pairs)
//   ranked once: c, b, d, a, e;  recomputed: after c every value is 0, so index order a, b, d, e
TEST_CASE("betweenness attack, initial and recomputed", "[resilience][simulate]") {
    const Network net = kt::graph({"a", "b", "c", "d", "e"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}}, false);
    SimulationOptions o;
    o.strategy = Strategy::betweenness;
    CHECK(removed_ids(net, simulate(net, o), 0) == std::vector<std::string>{"c", "b", "d", "a", "e"});
    o.recompute = true;
    const auto r = simulate(net, o);
    CHECK(removed_ids(net, r, 0) == std::vector<std::string>{"c", "a", "b", "d", "e"});
    CHECK(curve(r, 0) == std::vector<double>{1.0, 0.4, 0.4, 0.4, 0.2, 0.0});
    o.strategy = Strategy::degree;  // degrees 1 2 2 2 1; recomputed: b (2), then d (2 > c's 1) ...
    CHECK(removed_ids(net, simulate(net, o), 0) == std::vector<std::string>{"b", "d", "a", "c", "e"});
}

//   a - b - c - d, remove b: largest component {c, d} = 1/2;
//   efficiency before: 2 (1 + 1 + 1 + 1/2 + 1/2 + 1/3) / 12 = 0.7222; after: 2 / 12
TEST_CASE("listed order: largest component and efficiency", "[resilience][simulate]") {
    const bool directed = GENERATE(false, true);
    Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}}, false);
    if (directed) {  // both directions as arcs: the same distances
        net = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"},
                                               {"c", "d"}, {"d", "c"}}, true);
    }
    SimulationOptions o;
    o.strategy = Strategy::list;
    o.order = {1};
    o.measures = {Measure::largest_component, Measure::efficiency};
    const auto r = simulate(net, o);
    REQUIRE(r.steps == 1);
    CHECK(r.value(0, 0, 0) == 1.0);
    CHECK(r.value(0, 1, 0) == 0.5);
    CHECK(r.value(0, 0, 1) == Approx(2.0 * (3.0 + 1.0 + 1.0 / 3.0) / 12.0));
    CHECK(r.value(0, 1, 1) == Approx(2.0 / 12.0));
    CHECK(r.robustness[1] == Approx(2.0 / 12.0));
}

//   chain entry {a} -> {b, c} -> exit {d}; capacities a->b 5, b->d 5, a->c 3, c->d 3
TEST_CASE("chain measures under failure, and vulnerability", "[resilience][simulate][vulnerability]") {
    Network net("chain");
    net.add_layer("case", true);
    for (const char* id : {"a", "b", "c", "d"}) net.add_organisation({id, "", "", {}});
    auto add = [&](const char* s, const char* t, double cap, double lat) {
        Relation r = kt::rel(s, t, "case", cap);
        r.capacity = cap;
        r.latency = lat;
        net.add_relation(r);
    };
    add("a", "b", 5, 1);
    add("b", "d", 5, 1);
    add("a", "c", 3, 4);
    add("c", "d", 3, 4);
    net.add_chain({"k", {{"in", {"a"}}, {"mid", {"b", "c"}}, {"out", {"d"}}}});
    SimulationOptions o;
    o.strategy = Strategy::list;
    o.order = {1, 2};
    o.measures = {Measure::throughput, Measure::reachability, Measure::expected_lead_time};
    o.selection.chain = "k";
    const auto r = simulate(net, o);
    CHECK(curve(r, 0, 0) == std::vector<double>{8.0, 3.0, 0.0});
    CHECK(curve(r, 0, 1) == std::vector<double>{1.0, 1.0, 0.0});
    // routed by volume (= capacity here): 5/8 take 2 days, 3/8 take 8 days
    CHECK(r.value(0, 0, 2) == Approx(5.0 / 8.0 * 2.0 + 3.0 / 8.0 * 8.0));
    CHECK(r.value(0, 1, 2) == Approx(8.0));
    CHECK(std::isinf(r.value(0, 2, 2)));

    VulnerabilityOptions v;
    v.measure = Measure::throughput;
    v.selection.chain = "k";
    const auto tv = vulnerability(net, v);
    CHECK(tv[0] == 1.0);
    CHECK(tv[1] == Approx(5.0 / 8.0));
    CHECK(tv[2] == Approx(3.0 / 8.0));
    CHECK(tv[3] == 1.0);
    v.measure = Measure::reachability;
    CHECK(vulnerability(net, v) == std::vector<double>{1.0, 0.0, 0.0, 1.0});

    o.measures = {Measure::throughput};
    o.selection.chain.clear();
    CHECK_THROWS_AS(simulate(net, o), InputError);

    // the chain's ends are checked as score_chain checks them, with the same messages
    o.order = {1};
    o.selection.chain = "one stage";
    net.add_chain({"one stage", {{"all", {"a", "d"}}}});
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains(
        "chain 'one stage' has 1 stage(s); chain measures need at least two (an entry and an exit)"));
    o.selection.chain = "empty exit";
    net.add_chain({"empty exit", {{"in", {"a"}}, {"out", {}}}});
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains("chain 'empty exit': the last stage 'out' is empty"));
    o.selection.chain = "overlap";
    net.add_chain({"overlap", {{"in", {"a", "b"}}, {"out", {"b", "d"}}}});
    CHECK_THROWS_WITH(simulate(net, o),
                      Catch::Contains("chain 'overlap': organisation 'b' is in both the first and the last stage"));
    CHECK_THROWS_WITH(flow::score_chain(net, net.chain("overlap")),
                      Catch::Contains("organisation 'b' is in both the first and the last stage"));
}

//   a - b - c undirected: efficiency 5/6; without a or c: 2/6 (V = 0.6); without b: 0 (V = 1)
TEST_CASE("efficiency vulnerability by hand", "[resilience][vulnerability]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}}, false);
    const auto v = vulnerability(net);
    REQUIRE(v.size() == 3);
    CHECK(v[0] == Approx(0.6));
    CHECK(v[1] == Approx(1.0));
    CHECK(v[2] == Approx(0.6));
    const Network empty = kt::graph({"a", "b"}, {}, false);
    CHECK(std::isnan(vulnerability(empty)[0]));
}

TEST_CASE("random removal: deterministic for any thread count; union-find matches a BFS",
          "[resilience][simulate]") {
    const bool directed = GENERATE(false, true);
    const Network net = random_graph(60, 90, directed, 7);
    SimulationOptions o;
    o.runs = 13;
    o.seed = 42;
    o.measures = {Measure::largest_component, Measure::efficiency};
    const auto r1 = on_one_and_two_threads(net, o);
    CHECK(removed_ids(net, r1, 0) != removed_ids(net, r1, 1));  // runs differ
    // the incremental largest component equals a BFS after every step
    const FailureModel fm = make_failure_model(net, {Measure::largest_component}, {}, "test");
    Evaluator eval(fm);
    for (std::size_t run : {0u, 5u}) {
        std::vector<char> alive(60, 1);
        for (std::size_t k = 0; k <= r1.steps; ++k) {
            if (k) alive[r1.removed[run * r1.steps + k - 1]] = 0;
            CHECK(r1.value(run, k, 0) == eval.largest_component(alive));
        }
    }
}

TEST_CASE("sector and layer failures", "[resilience][simulate]") {
    Network net = random_graph(20, 40, false, 3);
    SimulationOptions o;
    o.strategy = Strategy::sector;
    o.target = "s1";
    o.runs = 3;
    const auto r = simulate(net, o);
    CHECK(r.steps == 5);
    for (std::size_t k = 0; k < r.removed.size(); ++k)
        CHECK(net.organisation(r.removed[k]).sector == "s1");
    o.target = "nope";
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains("no organisation has sector 'nope'"));

    // two layers: L (the random ties) and "it" (a star on v0); the it layer fails
    net.add_layer("it", true);
    for (int i = 1; i < 20; ++i) net.add_relation(kt::rel("v0", kt::numbered_id(std::size_t(i), "v"), "it"));
    SimulationOptions l;
    l.strategy = Strategy::layer;
    l.target = "it";
    l.measures = {Measure::largest_component};
    const auto lr = simulate(net, l);
    CHECK(lr.steps == 1);
    CHECK(lr.value(0, 0, 0) == 1.0);
    const FailureModel only_l = make_failure_model(net, {Measure::largest_component},
                                                   FailureSelection{{"L"}, "", "capacity", "volume", ""},
                                                   "test");
    CHECK(lr.value(0, 1, 0) == Evaluator(only_l).largest_component(std::vector<char>(20, 1)));
    l.target = "missing";
    CHECK_THROWS_AS(simulate(net, l), UnknownId);
}

TEST_CASE("simulate: bad input and cancellation", "[resilience][simulate]") {
    const Network net = random_graph(10, 20, false, 1);
    SimulationOptions o;
    o.runs = 0;
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains("runs must be at least 1"));
    o.runs = 1;
    o.steps = 11;
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains("steps=11 is more than the network's 10"));
    o.steps = 0;
    o.strategy = Strategy::list;
    o.order = {1, 1};
    CHECK_THROWS_WITH(simulate(net, o), Catch::Contains("'v1' is listed twice"));
    o.strategy = Strategy::random;
    o.runs = 50;
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(simulate(net, o), Cancelled);
    CHECK_THROWS_AS(parse_measure("speed"), InputError);
}

TEST_CASE("null models keep size, degrees and fields", "[resilience][null]") {
    const bool directed = GENERATE(false, true);
    Network net = random_graph(30, 80, directed, 5);
    const auto d0 = resilience::detail::degrees(*net.view());
    NullModelOptions o;
    o.seed = 9;
    const Network c = null_model(net, o);
    CHECK(c.relation_count() == net.relation_count());
    CHECK(resilience::detail::degrees(*c.view()) == d0);
    CHECK(c.organisations() == net.organisations());
    CHECK(!(c == net));
    const Network c2 = null_model(net, o);
    CHECK(c2 == c);  // deterministic for a seed
    o.kind = NullModel::erdos_renyi;
    const Network e = null_model(net, o);
    CHECK(e.relation_count() == net.relation_count());
    for (std::size_t i = 0; i < e.relation_count(); ++i)
        CHECK(e.relation_source(i) != e.relation_target(i));
    const Network tiny = kt::graph({"a", "b"}, {{"a", "b"}, {"b", "a"}}, true);
    CHECK_NOTHROW(null_model(tiny, o));
    const Network full = kt::graph({"a", "b"}, {{"a", "b"}, {"b", "b"}}, false);
    CHECK_THROWS_AS(null_model(full, o), InputError);
}

TEST_CASE("null models: progress and cancellation", "[resilience][null]") {
    const NullModel kind = GENERATE(NullModel::configuration, NullModel::erdos_renyi);
    NullModelOptions o;
    o.kind = kind;
    o.seed = 4;
    // a -> b -> c -> d -> a: 40 swaps or 4 placements, fewer than a batch: one report, at the end
    const Network ring = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}}, true);
    std::vector<double> seen;
    o.progress = [&](double f) { seen.push_back(f); return true; };
    const Network r1 = null_model(ring, o);
    CHECK(seen == std::vector<double>{1.0});
    o.progress = {};
    CHECK(null_model(ring, o) == r1);
    // about 10,000 relations in two layers: several batches of null_model_progress_batch
    Network net = random_graph(200, 6000, true, 3);
    net.add_layer("advice", false);
    std::size_t k = 0;  // every fourth pair a < b: 4,975 ties
    for (vertex_t a = 0; a < 200; ++a)
        for (vertex_t b = a + 1; b < 200; ++b)
            if (k++ % 4 == 0)
                net.add_relation(Relation{.source = net.organisation(a).id,
                                          .target = net.organisation(b).id, .layer = "advice"});
    const Network plain = null_model(net, o);
    seen.clear();
    o.progress = [&](double f) { seen.push_back(f); return true; };
    const Network reported = null_model(net, o);
    CHECK(reported == plain);  // the handler does not change the result
    REQUIRE(seen.size() >= 3);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(seen.front() >= 0.0);
    CHECK(seen.front() < 1.0);
    CHECK(seen.back() == 1.0);
    // a handler that stops at once: Cancelled, on the ring (the final report) and on net
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(null_model(ring, o), Cancelled);
    CHECK_THROWS_AS(null_model(net, o), Cancelled);
    // stopping half-way
    std::size_t calls = 0;
    o.progress = [&](double f) { ++calls; return f < 0.5; };
    CHECK_THROWS_AS(null_model(net, o), Cancelled);
    CHECK(calls >= 2);
}

TEST_CASE("recomputed betweenness attack: one run for any thread count, copied to every run",
          "[resilience][simulate]") {
    // 400 organisations, ~1,200 ties: the first recomputations are large enough for the
    // parallel path of resilience/detail/component_betweenness.hpp (|V| |A| > 2e5)
    const bool directed = GENERATE(false, true);
    const Network net = random_graph(400, 1200, directed, 7);
    SimulationOptions o;
    o.strategy = Strategy::betweenness;
    o.recompute = true;
    o.runs = 3;
    o.measures = {Measure::largest_component, Measure::efficiency};
    const auto one = on_one_and_two_threads(net, o);
    for (std::size_t r = 1; r < 3; ++r) {
        CHECK(removed_ids(net, one, r) == removed_ids(net, one, 0));
        CHECK(curve(one, r, 1) == curve(one, 0, 1));
    }
    // progress reaches 1 and a cancel stops the attack (on two threads)
    o.threads = 2;
    std::vector<double> seen;
    o.progress = [&](double f) { seen.push_back(f); return true; };
    simulate(net, o);
    REQUIRE(seen.size() > 10);
    CHECK(seen.back() == 1.0);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    o.progress = [](double f) { return f < 0.1; };
    CHECK_THROWS_AS(simulate(net, o), Cancelled);
}
