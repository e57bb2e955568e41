// Edge betweenness, by hand on tiny graphs and against a path-length identity.
#include <catch2/catch.hpp>

#include <cstdint>

#include "ketennet/centrality/edge_betweenness.hpp"
#include "ketennet/paths/shortest_paths.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::EdgeBetweennessOptions;
using kt::opts;

namespace {

std::vector<double> eb(const View& v, bool normalized, unsigned threads = 1) {
    EdgeBetweennessOptions o;
    o.normalized = normalized;
    o.threads = threads;
    return centrality::edge_betweenness(v, o);
}

/// Value of the tie "s" - "t" (s -> t when directed) in an edge-indexed result.
double at(const View& v, const std::vector<double>& r, const std::string& s, const std::string& t) {
    for (std::size_t e = 0; e < v.m(); ++e) {
        const std::string& a = v.id(v.edge_sources()[e]);
        const std::string& b = v.id(v.edge_targets()[e]);
        if ((a == s && b == t) || (!v.directed() && a == t && b == s)) return r[e];
    }
    FAIL("no tie " << s << " - " << t);
    return 0;
}

}  // namespace

//   undirected path:   a --- b --- c --- d
//
//   unordered pairs using a-b: {a,b} {a,c} {a,d} = 3;  b-c: {a,c} {a,d} {b,c} {b,d} = 4;
//   c-d: 3.  Unnormalised (each unordered pair once): 3, 4, 3; normalised: ordered pairs /
//   (n(n-1) = 12): 6/12, 8/12, 6/12.
//   directed a --> b --> c --> d: the same pairs, each once: 3, 4, 3; normalised /12.
TEST_CASE("edge betweenness of a path", "[centrality][edge_betweenness]") {
    const bool weighted = GENERATE(false, true);
    const bool directed = GENERATE(false, true);
    INFO("weighted " << weighted << ", directed " << directed);
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b", 2.0}, {"b", "c", 2.0}, {"c", "d", 2.0}}, directed);
    const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
    const auto raw = eb(*v, false);
    const auto nrm = eb(*v, true);
    REQUIRE(raw.size() == 3);
    CHECK(at(*v, raw, "a", "b") == Approx(3));
    CHECK(at(*v, raw, "b", "c") == Approx(4));
    CHECK(at(*v, raw, "c", "d") == Approx(3));
    const double f = directed ? 1.0 : 2.0;  // ordered pairs per unordered pair
    CHECK(at(*v, nrm, "a", "b") == Approx(3 * f / 12));
    CHECK(at(*v, nrm, "b", "c") == Approx(4 * f / 12));
    CHECK(at(*v, nrm, "c", "d") == Approx(3 * f / 12));
}

//   undirected square:   a --- b
//                        |     |
//                        d --- c
//   tie a-b: {a,b} fully, {a,c} half (a-b-c or a-d-c), {b,d} half (b-a-d or b-c-d): 2.
//   Every tie likewise: 2 unnormalised, 4/12 = 1/3 normalised.
TEST_CASE("edge betweenness splits equally short paths", "[centrality][edge_betweenness]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "d", 1.0}, {"d", "a", 1.0}}, false);
    const ViewPtr v = net.view();
    for (double x : eb(*v, false)) CHECK(x == Approx(2));
    for (double x : eb(*v, true)) CHECK(x == Approx(1.0 / 3));
}

//   triangle with latencies:      b
//                              1 / \ 1
//                               a---c
//                                 5
//   by latency a - c goes through b: a-b carries {a,b} {a,c} = 2, b-c 2, a-c 0;
//   by hops every pair uses its own tie: 1 each.
//   a self-loop on c carries nothing.
TEST_CASE("weighted edge betweenness follows the lightest path", "[centrality][edge_betweenness]") {
    const Network net = kt::graph({"a", "b", "c"},
                                  {{"a", "b", 1.0}, {"b", "c", 1.0}, {"a", "c", 5.0}, {"c", "c", 1.0}}, false);
    const ViewPtr lat = net.view(opts({}, "latency"));
    const auto r = eb(*lat, false);
    CHECK(at(*lat, r, "a", "b") == Approx(2));
    CHECK(at(*lat, r, "b", "c") == Approx(2));
    CHECK(at(*lat, r, "a", "c") == Approx(0).margin(1e-15));
    CHECK(at(*lat, r, "c", "c") == Approx(0).margin(1e-15));
    const ViewPtr hops = net.view();
    const auto h = eb(*hops, false);
    CHECK(at(*hops, h, "a", "b") == Approx(1));
    CHECK(at(*hops, h, "b", "c") == Approx(1));
    CHECK(at(*hops, h, "a", "c") == Approx(1));
    CHECK(at(*hops, h, "c", "c") == Approx(0).margin(1e-15));
}

TEST_CASE("edge betweenness of tiny networks and bad distances", "[centrality][edge_betweenness]") {
    CHECK(eb(*Network().view(), true).empty());
    const Network one = kt::graph({"a"}, {{"a", "a", 1.0}}, true);
    REQUIRE(eb(*one.view(), true).size() == 1);
    CHECK(eb(*one.view(), true)[0] == 0.0);
    const Network zero = kt::graph({"a", "b"}, {{"a", "b", 0.0}}, true);
    const std::string msg = kt::message_of<InputError>([&] { eb(*zero.view(opts({}, "latency")), true); });
    CHECK_THAT(msg, Catch::Contains("edge_betweenness"));
    CHECK_THAT(msg, Catch::Contains("a -> b"));
}

namespace {

/// A random network: 3 n random pairs drawn (about 3 relations per organisation), integer
/// latencies 1..3 so that shortest paths tie often.
Network random_network(std::size_t n, bool directed, std::uint64_t seed) {
    return kt::RandomGraph(n, directed, seed).draw(3 * n, kt::steps(1, 1, 3)).network({"latency"});
}

}  // namespace

//   Every shortest s-t path of length d (hops) uses d ties, so summed over the ties the raw
//   (ordered-pair) edge betweenness equals the sum of all finite distances d(s, t).
TEST_CASE("edge betweenness sums to the total distance", "[centrality][edge_betweenness]") {
    const bool directed = GENERATE(true, false);
    const Network net = random_network(80, directed, directed ? 1 : 2);
    const ViewPtr v = net.view();
    const auto r = eb(*v, false);
    double total_eb = 0.0;
    for (double x : r) total_eb += x;
    if (!directed) total_eb *= 2.0;  // unnormalised undirected values count each pair once
    double total_d = 0.0;
    paths::SingleSource ss(v->n());
    for (vertex_t s = 0; s < v->n(); ++s) {
        paths::shortest_distances(*v, s, ss);
        for (vertex_t t : ss.order) total_d += ss.dist[t];
    }
    CHECK(total_d > 1000);
    CHECK(total_eb == Approx(total_d).epsilon(1e-12));
}

TEST_CASE("edge betweenness is identical for one and two threads", "[centrality][edge_betweenness][threads]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    INFO("directed " << directed << ", weighted " << weighted);
    const Network net = random_network(200, directed, directed ? 3 : 4);
    const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
    const auto one = eb(*v, true, 1);
    const auto two = eb(*v, true, 2);
    CHECK(one == two);
    std::size_t positive = 0;
    for (double x : one) positive += x > 0;
    CHECK(positive > 100);
}
