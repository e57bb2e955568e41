// Global and local efficiency (Latora & Marchiori 2001), by hand from the formula.
#include <catch2/catch.hpp>

#include "ketennet/flow/efficiency.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"
#include "flow_fixtures.hpp"

using namespace ketennet;
using kf::R;

namespace {
double eglob(const View& g, unsigned threads = 1) {
    flow::EfficiencyOptions o;
    o.threads = threads;
    return flow::global_efficiency(g, o);
}
std::vector<double> eloc(const View& g, unsigned threads = 1) {
    flow::EfficiencyOptions o;
    o.threads = threads;
    return flow::local_efficiency(g, o);
}
}  // namespace

//   undirected path, latencies 2 and 2:   a --2-- b --2-- c
//
//   hops: d(a,b) = d(b,c) = 1, d(a,c) = 2; each unordered pair counts in both orders:
//     E = 2 (1 + 1 + 1/2) / (3 * 2) = 5/6
//   latency: d = 2, 2, 4:  E = 2 (1/2 + 1/2 + 1/4) / 6 = 5/12
TEST_CASE("global efficiency of an undirected path", "[flow][efficiency]") {
    const Network net = kf::network({"a", "b", "c"}, {{"a", "b", 1, 2}, {"b", "c", 1, 2}}, false);
    CHECK(eglob(*kf::view(net)) == Approx(5.0 / 6).margin(1e-15));
    CHECK(eglob(*kf::view(net, "latency")) == Approx(5.0 / 12).margin(1e-15));
}

//   directed:   a --2--> b --3--> c,   a --10--> c
//
//   ordered pairs with a path: (a,b), (b,c), (a,c); the other three contribute 0.
//   hops:     (1 + 1 + 1) / 6 = 1/2
//   latency:  d(a,b) = 2, d(b,c) = 3, d(a,c) = min(10, 5) = 5:  (1/2 + 1/3 + 1/5) / 6
TEST_CASE("global efficiency of a directed weighted graph", "[flow][efficiency]") {
    const Network net = kf::network(
        {"a", "b", "c"}, {{"a", "b", 1, 2}, {"b", "c", 1, 3}, {"a", "c", 1, 10}}, true);
    CHECK(eglob(*kf::view(net)) == Approx(0.5).margin(1e-15));
    CHECK(eglob(*kf::view(net, "latency")) ==
          Approx((0.5 + 1.0 / 3 + 0.2) / 6).margin(1e-15));
}

TEST_CASE("global efficiency: fewer than two organisations, no ties", "[flow][efficiency]") {
    CHECK(eglob(*kf::view(kf::network({}, {}))) == 0.0);
    CHECK(eglob(*kf::view(kf::network({"a"}, {}))) == 0.0);
    CHECK(eglob(*kf::view(kf::network({"a", "b", "c"}, {}))) == 0.0);
    //  complete directed graph on 3: every distance 1:  E = 1
    const Network k3 = kf::network({"a", "b", "c"}, {{"a", "b"}, {"b", "a"}, {"a", "c"},
                                                     {"c", "a"}, {"b", "c"}, {"c", "b"}});
    CHECK(eglob(*kf::view(k3)) == 1.0);
}

TEST_CASE("efficiency refuses zero and negative distances, naming the tie", "[flow][efficiency]") {
    const Network zero = kf::network({"a", "b"}, {{"a", "b", 1, 0}});
    auto msg = kt::message_of<InputError>([&] { eglob(*kf::view(zero, "latency")); });
    CHECK_THAT(msg, Catch::Contains("a -> b") && Catch::Contains("is 0"));
    msg = kt::message_of<InputError>([&] { eloc(*kf::view(zero, "latency")); });
    CHECK_THAT(msg, Catch::Contains("local_efficiency"));
    // a negative attribute weight (fields cannot be negative)
    Network neg = kf::network({"a", "b"}, {});
    Relation r{"a", "b", "L", {}, {}, {}, {}, {{"days", -1.0}}};
    neg.add_relation(r);
    msg = kt::message_of<InputError>([&] { eglob(*kf::view(neg, "days")); });
    CHECK_THAT(msg, Catch::Contains("negative") && Catch::Contains("'days'"));
    // a zero self-loop lies on no path between two organisations: accepted
    const Network loop = kf::network({"a", "b"}, {{"a", "a", 1, 0}, {"a", "b", 1, 4}});
    CHECK(eglob(*kf::view(loop, "latency")) == Approx(0.25 / 2));
}

//   undirected:   a --- b        N(a) = {b, c}: b - c tied           E_loc(a) = 1
//                  \   /         N(b) = {a, c}: a - c tied           E_loc(b) = 1
//                    c --- d     N(c) = {a, b, d}: only a - b tied:  2 (1) / (3 * 2) = 1/3
//                                N(d) = {c}: fewer than two          E_loc(d) = 0
//   mean (NetworkX local_efficiency) = (1 + 1 + 1/3 + 0) / 4 = 7/12
TEST_CASE("local efficiency of a triangle with a pendant", "[flow][efficiency]") {
    const Network net =
        kf::network({"a", "b", "c", "d"}, {{"a", "b"}, {"a", "c"}, {"b", "c"}, {"c", "d"}}, false);
    const auto v = kf::view(net);
    kt::check_by_id(*v, eloc(*v), {{"a", 1.0}, {"b", 1.0}, {"c", 1.0 / 3}, {"d", 0.0}}, 1e-15);
    CHECK(flow::average_local_efficiency(*v) == Approx(7.0 / 12).margin(1e-15));
}

//   directed:   x --> v --> y,   x --> y
//
//   N(v) = {x, y} (in- and out-neighbours), the induced subgraph keeps x --> y only:
//     ordered pairs (x,y): 1, (y,x): unreachable -> E_loc(v) = 1 / 2
//   N(x) = {v, y}: v --> y:  1/2;   N(y) = {v, x}: x --> v: 1/2
TEST_CASE("local efficiency of a directed graph keeps directions", "[flow][efficiency]") {
    const Network net = kf::network({"x", "v", "y"}, {{"x", "v"}, {"v", "y"}, {"x", "y"}});
    const auto v = kf::view(net);
    kt::check_by_id(*v, eloc(*v), {{"x", 0.5}, {"v", 0.5}, {"y", 0.5}}, 1e-15);
}

//   undirected, weighted:   hub h tied to x, y, z;   x --2-- y --4-- z
//
//   N(h) = {x, y, z}: d(x,y) = 2, d(y,z) = 4, d(x,z) = 6 (inside the neighbourhood only)
//     E_loc(h) = 2 (1/2 + 1/4 + 1/6) / (3 * 2) = 11/36
//   N(x) = {h, y}: h - y tied with weight 1:   E = 2 (1) / 2 = 1;  same for z = {h, y}: 1
//   N(y) = {h, x, z}: h-x (1), h-z (1), x-h-z = 2: d(h,x)=1, d(h,z)=1, d(x,z)=2
//     E = 2 (1 + 1 + 1/2) / 6 = 5/6
TEST_CASE("local efficiency with distances", "[flow][efficiency]") {
    const Network net = kf::network(
        {"h", "x", "y", "z"},
        {{"h", "x", 1, 1}, {"h", "y", 1, 1}, {"h", "z", 1, 1}, {"x", "y", 1, 2}, {"y", "z", 1, 4}},
        false);
    const auto v = kf::view(net, "latency");
    kt::check_by_id(*v, eloc(*v), {{"h", 11.0 / 36}, {"x", 1.0}, {"y", 5.0 / 6}, {"z", 1.0}},
                    1e-15);
}

TEST_CASE("efficiency is identical for 1 and 2 threads", "[flow][efficiency]") {
    // 300 organisations, 1,500 random pairs drawn, volume 1, latencies uniform in [0.5, 9)
    const kt::RandomGraph g = kt::RandomGraph(300, true, 5).draw(1500, kt::uniform_weight(0.5, 9.0));
    const Network net = g.network_with([](Relation& r, const kt::Tie& t) {
        r.volume = 1.0;
        r.latency = t.weight;
    });
    for (const std::string w : {"", "latency"}) {
        const auto v = kf::view(net, w);
        const double e1 = eglob(*v, 1), e2 = eglob(*v, 2);
        CHECK(e1 == e2);  // bit-identical
        CHECK(e1 > 0.0);
        const auto l1 = eloc(*v, 1), l2 = eloc(*v, 2);
        CHECK(l1 == l2);
    }
}
