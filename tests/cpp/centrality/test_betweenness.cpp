// Betweenness centrality, by hand on tiny graphs, and against the definition on small random
// graphs.
#include <catch2/catch.hpp>

#include <cstdint>

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/detail/betweenness_kernel.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::BetweennessOptions;
using kt::check_by_id;
using kt::opts;

namespace {

std::vector<double> bc(const View& v, bool normalized, bool endpoints = false) {
    BetweennessOptions o;
    o.normalized = normalized;
    o.endpoints = endpoints;
    o.threads = 1;
    return centrality::betweenness(v, o);
}

}  // namespace

//   undirected path:   a --- b --- c --- d
//
//   unordered pairs through b: (a,c), (a,d);  through c: (a,d), (b,d)
//   unnormalised (each unordered pair once):  a=0 b=2 c=2 d=0
//   normalised: ordered pairs / ((n-1)(n-2)) = 4/6:  b = c = 2/3
//   with endpoints, ordered pairs: each vertex ends 6 paths (3 as source, 3 as target),
//   b and c are inside 4:  a=6 b=10 c=10 d=6;  unnormalised halved a=3 b=5 c=5 d=3;
//   normalised by n(n-1) = 12:  a=1/2 b=5/6 c=5/6 d=1/2
TEST_CASE("betweenness of an undirected path", "[centrality][betweenness]") {
    const bool weighted = GENERATE(false, true);
    // all weights 1: the weighted (Dijkstra) code must give the same answers
    const Network net =
        kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "d", 1.0}}, false);
    const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
    INFO("weighted " << weighted);
    check_by_id(*v, bc(*v, false), {{"a", 0}, {"b", 2}, {"c", 2}, {"d", 0}});
    check_by_id(*v, bc(*v, true), {{"a", 0}, {"b", 2.0 / 3}, {"c", 2.0 / 3}, {"d", 0}});
    check_by_id(*v, bc(*v, false, true), {{"a", 3}, {"b", 5}, {"c", 5}, {"d", 3}});
    check_by_id(*v, bc(*v, true, true), {{"a", 0.5}, {"b", 5.0 / 6}, {"c", 5.0 / 6}, {"d", 0.5}});
}

//   directed path:   a --> b --> c --> d
//
//   ordered pairs with a path: (a,b) (a,c) (a,d) (b,c) (b,d) (c,d)
//   through b: (a,c), (a,d);  through c: (a,d), (b,d)
//   unnormalised (no halving when directed): b = c = 2;  normalised 2/6 = 1/3
//   endpoints: a starts 3 paths; b starts 2, ends 1, inside 2; c starts 1, ends 2, inside 2;
//   d ends 3:  a=3 b=5 c=5 d=3;  normalised /12:  1/4, 5/12, 5/12, 1/4
TEST_CASE("betweenness of a directed path", "[centrality][betweenness]") {
    const bool weighted = GENERATE(false, true);
    const Network net =
        kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "d", 1.0}}, true);
    const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
    INFO("weighted " << weighted);
    check_by_id(*v, bc(*v, false), {{"a", 0}, {"b", 2}, {"c", 2}, {"d", 0}});
    check_by_id(*v, bc(*v, true), {{"a", 0}, {"b", 1.0 / 3}, {"c", 1.0 / 3}, {"d", 0}});
    check_by_id(*v, bc(*v, false, true), {{"a", 3}, {"b", 5}, {"c", 5}, {"d", 3}});
    check_by_id(*v, bc(*v, true, true), {{"a", 0.25}, {"b", 5.0 / 12}, {"c", 5.0 / 12}, {"d", 0.25}});
}

//   star, n = 5:
//            l1
//            |
//     l4 --- h --- l2
//            |
//            l3
//
//   undirected: every pair of leaves (6 unordered, 12 ordered) goes through h:
//     unnormalised h = 6, normalised 12 / (4 * 3) = 1; leaves 0.
//   directed, arcs out of h only: no path between leaves: all 0.
//   directed, arcs both ways: h = 12 unnormalised (12 ordered leaf pairs), 1 normalised.
TEST_CASE("betweenness of a star", "[centrality][betweenness]") {
    const bool weighted = GENERATE(false, true);
    INFO("weighted " << weighted);
    const std::vector<std::string> ids{"h", "l1", "l2", "l3", "l4"};
    const std::vector<kt::E> spokes{{"h", "l1", 2.0}, {"h", "l2", 2.0}, {"h", "l3", 2.0}, {"h", "l4", 2.0}};
    const std::map<std::string, double> zero{{"h", 0}, {"l1", 0}, {"l2", 0}, {"l3", 0}, {"l4", 0}};
    auto view_of = [&](const Network& n) { return weighted ? n.view(opts({}, "latency")) : n.view(); };

    SECTION("undirected") {
        const Network net = kt::graph(ids, spokes, false);
        const ViewPtr v = view_of(net);
        check_by_id(*v, bc(*v, false), {{"h", 6}, {"l1", 0}, {"l2", 0}, {"l3", 0}, {"l4", 0}});
        check_by_id(*v, bc(*v, true), {{"h", 1}, {"l1", 0}, {"l2", 0}, {"l3", 0}, {"l4", 0}});
    }
    SECTION("directed, out of the hub") {
        const Network net = kt::graph(ids, spokes, true);
        const ViewPtr v = view_of(net);
        check_by_id(*v, bc(*v, false), zero);
        check_by_id(*v, bc(*v, true), zero);
    }
    SECTION("directed, both ways") {
        Network net = kt::graph(ids, spokes, true);
        for (const char* l : {"l1", "l2", "l3", "l4"}) {
            Relation r = kt::rel(l, "h", "L", 2.0);
            r.latency = 2.0;
            net.add_relation(r);
        }
        const ViewPtr v = view_of(net);
        check_by_id(*v, bc(*v, false), {{"h", 12}, {"l1", 0}, {"l2", 0}, {"l3", 0}, {"l4", 0}});
        check_by_id(*v, bc(*v, true), {{"h", 1}, {"l1", 0}, {"l2", 0}, {"l3", 0}, {"l4", 0}});
    }
}

//   directed cycle:              undirected cycle:
//     a --> b                      a --- b
//     ^     |                      |     |
//     |     v                      |     |
//     d <-- c                      d --- c
//
//   directed: one path per ordered pair, of 1, 2 or 3 arcs with 0, 1, 2 vertices inside;
//     per source 0+1+2 = 3 inner visits, 12 in all, 3 per vertex by symmetry:
//     unnormalised 3, normalised 3/6 = 1/2.
//   undirected: neighbours need nobody; the opposite pairs (a,c) and (b,d) have two shortest
//     paths each, so b and d get 1/2 from (a,c), a and c 1/2 from (b,d):
//     unnormalised 1/2, normalised (ordered: 1) / 6 = 1/6.
TEST_CASE("betweenness of a cycle", "[centrality][betweenness]") {
    const bool weighted = GENERATE(false, true);
    INFO("weighted " << weighted);
    const std::vector<kt::E> ring{{"a", "b", 3.0}, {"b", "c", 3.0}, {"c", "d", 3.0}, {"d", "a", 3.0}};
    SECTION("directed") {
        const Network net = kt::graph({"a", "b", "c", "d"}, ring, true);
        const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
        check_by_id(*v, bc(*v, false), {{"a", 3}, {"b", 3}, {"c", 3}, {"d", 3}});
        check_by_id(*v, bc(*v, true), {{"a", 0.5}, {"b", 0.5}, {"c", 0.5}, {"d", 0.5}});
    }
    SECTION("undirected") {
        const Network net = kt::graph({"a", "b", "c", "d"}, ring, false);
        const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
        check_by_id(*v, bc(*v, false), {{"a", 0.5}, {"b", 0.5}, {"c", 0.5}, {"d", 0.5}});
        check_by_id(*v, bc(*v, true), {{"a", 1.0 / 6}, {"b", 1.0 / 6}, {"c", 1.0 / 6}, {"d", 1.0 / 6}});
    }
}

//   undirected triangle with latencies:
//
//         b
//      1 / \ 1
//       a---c
//         5
//
//   by hops a - c is direct: nobody is between anybody, all 0.
//   by latency a - b - c (2) beats a - c (5): b is between a and c:
//     unnormalised b = 1, normalised (2 ordered pairs) / (2 * 1) = 1.
TEST_CASE("weighted betweenness follows the lightest path, not the fewest hops (undirected)",
          "[centrality][betweenness]") {
    const Network net =
        kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"a", "c", 5.0}}, false);
    const ViewPtr hops = net.view();
    const ViewPtr lat = net.view(opts({}, "latency"));
    check_by_id(*hops, bc(*hops, false), {{"a", 0}, {"b", 0}, {"c", 0}});
    check_by_id(*lat, bc(*lat, false), {{"a", 0}, {"b", 1}, {"c", 0}});
    check_by_id(*lat, bc(*lat, true), {{"a", 0}, {"b", 1}, {"c", 0}});
}

//   directed, latencies:
//
//   a --1--> b --1--> c --1--> d
//   |                 ^
//   +--------3--------+
//
//   hops:    a -> c direct; a -> d via c; b -> d via c:       b = 0, c = 2
//   latency: a -> c via b (2 < 3); a -> d via b, c (3 < 4);
//            b -> d via c:                                     b = 2, c = 2
//   normalised by (n-1)(n-2) = 6.
TEST_CASE("weighted betweenness follows the lightest path, not the fewest hops (directed)",
          "[centrality][betweenness]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "d", 1.0}, {"a", "c", 3.0}},
                                  true);
    const ViewPtr hops = net.view();
    const ViewPtr lat = net.view(opts({}, "latency"));
    check_by_id(*hops, bc(*hops, false), {{"a", 0}, {"b", 0}, {"c", 2}, {"d", 0}});
    check_by_id(*hops, bc(*hops, true), {{"a", 0}, {"b", 0}, {"c", 1.0 / 3}, {"d", 0}});
    check_by_id(*lat, bc(*lat, false), {{"a", 0}, {"b", 2}, {"c", 2}, {"d", 0}});
    check_by_id(*lat, bc(*lat, true), {{"a", 0}, {"b", 1.0 / 3}, {"c", 1.0 / 3}, {"d", 0}});
}

//   undirected square with a heavy diagonal:
//
//     a --1-- b
//     | \     |
//     1   3   1
//     |     \ |
//     c --1-- d
//
//   hops: a - d direct; b - c has two paths (via a, via d):   a = d = 1/2, b = c = 0
//   latency: a - d: via b (2), via c (2), direct (3): b, c get 1/2;
//            b - c: via a (2), via d (2): a, d get 1/2:       all 1/2
TEST_CASE("weighted betweenness splits ties between equally light paths", "[centrality][betweenness]") {
    const Network net =
        kt::graph({"a", "b", "c", "d"},
                  {{"a", "b", 1.0}, {"b", "d", 1.0}, {"a", "c", 1.0}, {"c", "d", 1.0}, {"a", "d", 3.0}},
                  false);
    const ViewPtr hops = net.view();
    const ViewPtr lat = net.view(opts({}, "latency"));
    check_by_id(*hops, bc(*hops, false), {{"a", 0.5}, {"b", 0}, {"c", 0}, {"d", 0.5}});
    check_by_id(*lat, bc(*lat, false), {{"a", 0.5}, {"b", 0.5}, {"c", 0.5}, {"d", 0.5}});
}

//   a --> b --> c   and   c --> b  (mutual b <-> c),  plus d with no ties
//   (a,c) via b: b = 1; nothing else routes: unnormalised b = 1; normalised 1/6.
TEST_CASE("betweenness ignores unreachable pairs and isolated organisations", "[centrality][betweenness]") {
    const Network net =
        kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"c", "b", 1.0}}, true);
    const ViewPtr v = net.view();
    check_by_id(*v, bc(*v, false), {{"a", 0}, {"b", 1}, {"c", 0}, {"d", 0}});
    check_by_id(*v, bc(*v, true), {{"a", 0}, {"b", 1.0 / 6}, {"c", 0}, {"d", 0}});
}

TEST_CASE("betweenness with at most two organisations is zero", "[centrality][betweenness]") {
    const bool directed = GENERATE(true, false);
    const bool normalized = GENERATE(true, false);
    INFO("directed " << directed << ", normalized " << normalized);
    SECTION("two organisations and a tie") {
        const Network net = kt::graph({"a", "b"}, {{"a", "b", 1.0}}, directed);
        check_by_id(*net.view(), bc(*net.view(), normalized), {{"a", 0}, {"b", 0}});
        const ViewPtr w = net.view(opts({}, "latency"));
        check_by_id(*w, bc(*w, normalized), {{"a", 0}, {"b", 0}});
    }
    SECTION("one organisation with a self-loop") {
        const Network net = kt::graph({"a"}, {{"a", "a", 1.0}}, directed);
        check_by_id(*net.view(), bc(*net.view(), normalized), {{"a", 0}});
    }
    SECTION("no organisations") {
        CHECK(bc(*Network().view(), normalized).empty());
    }
}

//   a --- b : with endpoints each ordered pair counts its two ends:
//   raw a = 2, b = 2 (each is source once and target once); normalised / (n(n-1) = 2) = 1;
//   unnormalised, undirected: halved to 1; directed a -> b only: a = 1, b = 1.
TEST_CASE("betweenness with endpoints of two organisations", "[centrality][betweenness]") {
    SECTION("undirected") {
        const Network net = kt::graph({"a", "b"}, {{"a", "b", 1.0}}, false);
        const ViewPtr v = net.view();
        check_by_id(*v, bc(*v, false, true), {{"a", 1}, {"b", 1}});
        check_by_id(*v, bc(*v, true, true), {{"a", 1}, {"b", 1}});
    }
    SECTION("directed") {
        const Network net = kt::graph({"a", "b"}, {{"a", "b", 1.0}}, true);
        const ViewPtr v = net.view();
        check_by_id(*v, bc(*v, false, true), {{"a", 1}, {"b", 1}});
        check_by_id(*v, bc(*v, true, true), {{"a", 0.5}, {"b", 0.5}});
    }
}

TEST_CASE("betweenness rejects negative weights", "[centrality][betweenness]") {
    // fields cannot be negative, but a numeric attribute can
    Network net = kt::graph({"a", "b", "c"}, {}, true);
    Relation ab = kt::rel("a", "b", "L");
    ab.attributes = {{"cost", 1.0}};
    Relation bc_ = kt::rel("b", "c", "L");
    bc_.attributes = {{"cost", -1.0}};
    net.add_relation(ab);
    net.add_relation(bc_);
    const ViewPtr v = net.view(opts({}, "cost"));
    const std::string msg = kt::message_of<InputError>([&] { centrality::betweenness(*v); });
    CHECK_THAT(msg, Catch::Contains("b -> c"));
    CHECK_THAT(msg, Catch::Contains("negative"));
    // unweighted, the same network is fine
    CHECK_NOTHROW(centrality::betweenness(*net.view()));
}

namespace {

/// Betweenness straight from the definition: all-pairs distances and path counts by brute
/// force (Floyd-Warshall, then sigma(s,t) summed over last arcs in order of distance), and
/// sigma(s,t|v) = sigma(s,v) sigma(v,t) when d(s,v) + d(v,t) = d(s,t). Raw, ordered pairs.
std::vector<double> reference_betweenness(const View& g) {
    const std::size_t n = g.n();
    const double INF = std::numeric_limits<double>::infinity();
    const std::vector<std::vector<double>> d = kt::all_pairs_distances(g);
    std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
    for (std::size_t s = 0; s < n; ++s) {
        std::vector<std::size_t> order;
        for (std::size_t t = 0; t < n; ++t)
            if (d[s][t] < INF) order.push_back(t);
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return d[s][x] < d[s][y]; });
        sigma[s][s] = 1;
        for (std::size_t t : order) {
            if (t == s) continue;
            for (std::size_t u = 0; u < n; ++u) {
                if (u == t || d[s][u] == INF) continue;
                const double* w = g.find_weight(vertex_t(u), vertex_t(t));
                if (w && d[s][u] + *w == d[s][t]) sigma[s][t] += sigma[s][u];
            }
        }
    }
    std::vector<double> bc(n, 0.0);
    for (std::size_t s = 0; s < n; ++s)
        for (std::size_t t = 0; t < n; ++t) {
            if (s == t || d[s][t] == INF) continue;
            for (std::size_t v = 0; v < n; ++v) {
                if (v == s || v == t) continue;
                if (d[s][v] + d[v][t] == d[s][t]) bc[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
            }
        }
    return bc;
}

/// A small random network: Gilbert's G(n, p) on organisations o0..o{n-1}, integer weights
/// 1..3 (so that many paths tie).
Network random_network(std::uint32_t seed, std::size_t n, double p, bool directed) {
    return kt::RandomGraph(n, directed, seed).gilbert(p, kt::steps(1, 1, 3)).network();
}

}  // namespace

TEST_CASE("betweenness equals the definition on small random graphs", "[centrality][betweenness]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    const std::uint32_t seed = GENERATE(range(1u, 9u));
    INFO("directed " << directed << ", weighted " << weighted << ", seed " << seed);
    const Network net = random_network(seed, 9, directed ? 0.25 : 0.35, directed);
    const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
    const std::vector<double> ref = reference_betweenness(*v);
    const double n = v->n();
    const std::vector<double> raw = bc(*v, false);
    const std::vector<double> nrm = bc(*v, true);
    REQUIRE(raw.size() == ref.size());
    double total = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        INFO("vertex " << v->id(vertex_t(i)));
        CHECK(raw[i] == Approx(directed ? ref[i] : ref[i] / 2).margin(1e-9));
        CHECK(nrm[i] == Approx(ref[i] / ((n - 1) * (n - 2))).margin(1e-12));
        total += ref[i];
    }
    CHECK(total > 0);  // the graphs are not trivial
}

//   latencies may be 0 (fields are >= 0): a same-day hand-over.
//
//        s --1--> b            by the definition, (s, b) has two lightest paths of latency 1,
//         \       ^              s -> b and s -> a -> b, so a = 1/2. Counting paths needs an
//          1      0              order of vertices at equal distance, which a zero distance does
//           \     |              not give (the first version's answer depended on the order in
//            +--> a              which the organisations were added); betweenness now refuses a
//                                zero distance, naming the tie, in every order.
//   a zero-latency self-loop never lies on a shortest path and is accepted.
TEST_CASE("weighted betweenness refuses zero distances, whatever the organisation order",
          "[centrality][betweenness]") {
    const bool directed = GENERATE(true, false);
    const bool b_first = GENERATE(true, false);
    INFO("directed " << directed << ", b added before a " << b_first);
    const std::vector<std::string> ids =
        b_first ? std::vector<std::string>{"s", "b", "a"} : std::vector<std::string>{"s", "a", "b"};
    Network net = kt::graph(ids, {{"s", "b", 1.0}, {"s", "a", 1.0}, {"a", "b", 0.0}}, directed);
    const std::string msg =
        kt::message_of<InputError>([&] { centrality::betweenness(*net.view(opts({}, "latency"))); });
    CHECK_THAT(msg, Catch::Contains("'latency'"));
    CHECK_THAT(msg, Catch::Contains("is 0"));
    CHECK((msg.find("a -> b") != std::string::npos || msg.find("a - b") != std::string::npos ||
           msg.find("b - a") != std::string::npos));
    // unweighted, every tie weighs 1: fine
    const ViewPtr hops = net.view();
    check_by_id(*hops, bc(*hops, false), {{"s", 0}, {"a", 0}, {"b", 0}});
    // a zero self-loop is no distance between two organisations
    Network loop = kt::graph(ids, {{"s", "b", 1.0}, {"b", "a", 1.0}, {"a", "a", 0.0}}, directed);
    const ViewPtr lv = loop.view(opts({}, "latency"));
    check_by_id(*lv, bc(*lv, false), {{"s", 0}, {"a", 0}, {"b", 1}});
}

//   leaves hang on their hub; their searches are the hub's (detail::HangingLeaves):
//
//        l1                 undirected: l1 and l2 hang on h; x - y are tied only to each
//          \                other (neither is folded); z has two neighbours (no leaf).
//           h --- a --- b
//          /       \   /     unordered pairs through h: (l1,l2), l1 and l2 with each of
//        l2         z        a, b, z: 7;  through a: each of l1, l2, h with b and z: 6.
//
//        x --- y
//   unnormalised (unordered pairs): h = 7, a = 6, the others 0.
TEST_CASE("betweenness counts a hub's search for the leaves that hang on it",
          "[centrality][betweenness]") {
    const Network net = kt::graph({"l1", "l2", "h", "a", "b", "z", "x", "y"},
                                  {{"l1", "h", 1.0}, {"l2", "h", 2.0}, {"h", "a", 1.0},
                                   {"a", "b", 1.0}, {"a", "z", 1.0}, {"b", "z", 1.0},
                                   {"x", "y", 1.0}},
                                  false);
    const ViewPtr v = net.view();
    const auto leaves = centrality::detail::hanging_leaves(*v);
    CHECK(leaves.total == 2);
    check_by_id(*v, bc(*v, false),
                {{"l1", 0}, {"l2", 0}, {"h", 7}, {"a", 6}, {"b", 0}, {"z", 0}, {"x", 0}, {"y", 0}});
    // with endpoints: each organisation also ends the paths to and from everything it reaches
    // (h reaches 5, x and y 1); halved: l1 = 5, h = 7 + 5, a = 6 + 5, x = 1
    check_by_id(*v, bc(*v, false, true),
                {{"l1", 5}, {"l2", 5}, {"h", 12}, {"a", 11}, {"b", 5}, {"z", 5}, {"x", 1}, {"y", 1}});
}

//   decimal latencies:   v --1.0-- u --0.1-- a --0.2-- x,   and  u --0.3-- x
//
//   From u, 0.1 + 0.2 = 0.30000000000000004 > 0.3: a lies on no shortest u-x path. From v,
//   (1.0 + 0.1) + 0.2 == 1.0 + 0.3 in double precision: two shortest v-x paths, a on one.
//   (From x, x-u = 0.3 beats x-a-u = 0.30000000000000004: x -> v has one path.) NetworkX
//   gives a = 1/2 directed (ties both ways), 1/4 undirected (halved); so v cannot take
//   u's search here (exact_path_sums is false), and every organisation is searched.
//   With latencies 1, 0.25, 0.5, 0.75 (multiples of 1/4) the sums are exact, both ties
//   hold, v is folded: a = 1/2 + 1/2 = 1 (pairs u-x and v-x), u = 2 (v-a, v-x).
TEST_CASE("betweenness folds a leaf only when path sums are exact",
          "[centrality][betweenness]") {
    const bool directed = GENERATE(false, true);
    INFO("directed " << directed);
    auto both_ways = [&](std::vector<kt::E> edges) {
        if (directed) {
            const std::size_t k = edges.size();
            for (std::size_t i = 0; i < k; ++i)
                edges.push_back({edges[i].target, edges[i].source, edges[i].weight});
        }
        return kt::graph({"v", "u", "a", "x"}, edges, directed);
    };
    BetweennessOptions o;
    o.normalized = false;
    o.threads = 1;
    const double half = directed ? 1.0 : 0.5;  // raw ordered pairs when directed
    {
        const Network net = both_ways({{"v", "u", 1.0}, {"u", "a", 0.1}, {"a", "x", 0.2},
                                       {"u", "x", 0.3}});
        const ViewPtr v = net.view(opts({}, "latency"));
        CHECK_FALSE(centrality::detail::exact_path_sums(*v));
        std::size_t searches = 0;
        const auto got = centrality::detail::betweenness(*v, o, true, &searches);
        CHECK(searches == 4);
        // through a: half of v -> x, nothing of x -> v
        check_by_id(*v, got, {{"v", 0}, {"u", 2 * 2 * half}, {"a", 0.5 * half}, {"x", 0}});
    }
    {
        const Network net = both_ways({{"v", "u", 1.0}, {"u", "a", 0.25}, {"a", "x", 0.5},
                                       {"u", "x", 0.75}});
        const ViewPtr v = net.view(opts({}, "latency"));
        CHECK(centrality::detail::exact_path_sums(*v));
        std::size_t searches = 0;
        const auto got = centrality::detail::betweenness(*v, o, true, &searches);
        CHECK(searches == 3);
        check_by_id(*v, got, {{"v", 0}, {"u", 2 * 2 * half}, {"a", 2 * 1.0 * half}, {"x", 0}});
        const auto ref = reference_betweenness(*v);
        for (std::size_t i = 0; i < ref.size(); ++i) CHECK(got[i] == Approx(ref[i] * half));
    }
}

TEST_CASE("exact path sums: integers and binary fractions of modest total",
          "[centrality][betweenness]") {
    auto exact = [](std::vector<double> w) {
        std::vector<kt::E> edges;
        const std::vector<std::string> ids = kt::numbered(w.size() + 1);
        for (std::size_t i = 0; i < w.size(); ++i) edges.push_back({ids[i], ids[i + 1], w[i]});
        const Network net = kt::graph(ids, edges, false);
        return centrality::detail::exact_path_sums(*net.view(opts({}, "latency")));
    };
    CHECK(exact({1, 2, 3}));
    CHECK(exact({0.5, 0.25, 3}));
    CHECK(exact({1e15 + 1, 1e15 + 1}));         // odd, total 2e15 < 2^52
    CHECK_FALSE(exact({std::ldexp(1.0, 52) - 1, 3}));  // odd, total 2^52 + 2
    CHECK(exact({3e15, 3e15}));                 // multiples of 2^15: total 6e15 < 2^67
    CHECK_FALSE(exact({0.1, 1}));
    CHECK_FALSE(exact({1, 1.0 / 3.0}));
    CHECK(exact({std::ldexp(1.0, -40), 1}));  // 2^-40 steps, total < 2^12
    CHECK_FALSE(exact({std::ldexp(1.0, -40), 1e5}));  // 1e5 * 2^40 > 2^52
    // unweighted views are always exact
    const Network net = kt::graph({"a", "b"}, {{"a", "b", 0.1}}, false);
    CHECK(centrality::detail::exact_path_sums(*net.view()));
}

namespace {

/// A random network with leaves of every kind hung on it: base organisations o0.. related
/// with probability p (weights 1..3), then for each base organisation a chance of one or two
/// leaves. Directed leaves are tied out only, both ways, or out plus an in-tie from a third
/// organisation (not a leaf); some leaves carry a self-loop; pairs tied only to each other.
Network network_with_leaves(std::uint32_t seed, bool directed) {
    const std::size_t n0 = 10;
    kt::RandomGraph base(n0, directed, seed);
    base.gilbert(directed ? 0.22 : 0.3, kt::steps(1, 1, 3));
    std::vector<std::string> ids = kt::numbered(n0);
    std::vector<kt::E> edges = base.edges();
    kt::Random& rng = base.random();
    auto next = [&]() { return rng.uniform(); };
    auto weight = [&]() { return 1.0 + double(rng.below(3)); };
    for (std::size_t i = 0; i < n0; i += 3) edges.push_back({ids[i], ids[i], 2.0});  // hubs' loops
    std::size_t k = 0;
    for (std::size_t i = 0; i < n0; ++i) {
        const int count = next() < 0.5 ? 0 : next() < 0.6 ? 1 : 2;
        for (int c = 0; c < count; ++c) {
            // "tied": a directed leaf with an in-tie from a third organisation (no leaf)
            const double kind = next();
            const std::string leaf = kt::numbered_id(k++, directed && kind > 0.85 ? "tied" : "leaf");
            ids.push_back(leaf);
            edges.push_back({leaf, ids[i], weight()});
            if (directed && kind < 0.4) edges.push_back({ids[i], leaf, weight()});
            if (directed && kind > 0.85) edges.push_back({ids[(i + 1) % n0], leaf, weight()});
            if (next() < 0.2) edges.push_back({leaf, leaf, 1.0});
        }
    }
    for (int p = 0; p < 2; ++p) {
        const std::string x = kt::numbered_id(std::size_t(p), "x"), y = kt::numbered_id(std::size_t(p), "y");
        ids.push_back(x);
        ids.push_back(y);
        edges.push_back({x, y, 1.0});
        if (directed && p == 1) edges.push_back({y, x, 2.0});
    }
    return kt::graph(ids, edges, directed);
}

}  // namespace

TEST_CASE("betweenness with leaves folded agrees with the definition and with every search",
          "[centrality][betweenness]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    const std::uint32_t seed = GENERATE(range(1u, 13u));
    INFO("directed " << directed << ", weighted " << weighted << ", seed " << seed);
    const Network net = network_with_leaves(seed, directed);
    const ViewPtr v = weighted ? net.view(opts({}, "latency")) : net.view();
    const auto leaves = centrality::detail::hanging_leaves(*v);
    // the network has hung leaves to fold; pairs tied only to each other and leaves with a
    // third tie are searched (base organisations can be leaves too)
    std::size_t hung = 0;
    for (vertex_t u = 0; u < v->n(); ++u) {
        if (leaves.hub[u] == centrality::detail::HangingLeaves::none) continue;
        INFO("folded " << v->id(u));
        // x0 -> y0 alone: x0 hangs on y0 (directed); x1 <-> y1 and x0 - y0: tied only to
        // each other
        const bool x0 = v->id(u) == "x0" && directed;
        CHECK((x0 || (v->id(u)[0] != 'x' && v->id(u)[0] != 'y')));
        CHECK(v->id(u)[0] != 't');
        hung += v->id(u)[0] == 'l';
    }
    REQUIRE(hung > 0);
    const std::vector<double> ref = reference_betweenness(*v);
    const std::vector<double> raw = bc(*v, false);
    double total = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        INFO("vertex " << v->id(vertex_t(i)));
        CHECK(raw[i] == Approx(directed ? ref[i] : ref[i] / 2).margin(1e-9));
        total += ref[i];
    }
    CHECK(total > 0);
    for (const bool normalized : {false, true})
        for (const bool endpoints : {false, true}) {
            INFO("normalized " << normalized << ", endpoints " << endpoints);
            BetweennessOptions o;
            o.normalized = normalized;
            o.endpoints = endpoints;
            for (const unsigned threads : {1u, 2u}) {
                o.threads = threads;
                std::size_t folded_searches = 0, all_searches = 0;
                const auto folded = centrality::detail::betweenness(*v, o, true, &folded_searches);
                const auto searched = centrality::detail::betweenness(*v, o, false, &all_searches);
                CHECK(folded_searches == v->n() - leaves.total);  // the leaves were folded
                CHECK(all_searches == v->n());
                for (std::size_t i = 0; i < folded.size(); ++i) {
                    INFO("vertex " << v->id(vertex_t(i)) << ", threads " << threads);
                    CHECK(folded[i] == Approx(searched[i]).epsilon(1e-12).margin(1e-12));
                }
            }
        }
}
