// Throughput: maximum flow, minimum cut and minimum vertex cut, by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "ketennet/flow/max_flow.hpp"
#include "ketennet/flow/selection.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"
#include "flow_fixtures.hpp"

using namespace ketennet;
using kf::R;
using Ids = std::vector<std::string>;

namespace {
R cap(const std::string& s, const std::string& t, double c) {
    R r{s, t};
    r.capacity = c;
    return r;
}
double cut_sum(const flow::MaxFlowResult& r) {
    double s = 0;
    for (const auto& t : r.cut) s += t.capacity;
    return s;
}
}  // namespace

//   Cormen et al., Introduction to Algorithms, figure 26.1 (maximum flow 23):
//
//        v1 --12--> v3
//      16^ ^\        |\ 20
//      s   4 \9      | t
//      13v  \ v     7| ^ 4
//        v2 --14--> v4
//   arcs: s->v1 16, s->v2 13, v2->v1 4, v1->v3 12, v3->v2 9, v2->v4 14, v4->v3 7,
//         v3->t 20, v4->t 4.
//   the minimum cut {s, v1, v2, v4} | {v3, t}: v1->v3 12 + v4->v3 7 + v4->t 4 = 23
//   vertex cut: every s-t path enters v1 or v2 first, and s-v1-v3-t, s-v2-v4-t are
//   vertex-disjoint: the fewest organisations are 2, closest to s: {v1, v2}
TEST_CASE("max flow: the CLRS network", "[flow][max_flow]") {
    const Network net = kf::network(
        {"s", "v1", "v2", "v3", "v4", "t"},
        {cap("s", "v1", 16), cap("s", "v2", 13), cap("v2", "v1", 4), cap("v1", "v3", 12),
         cap("v3", "v2", 9), cap("v2", "v4", 14), cap("v4", "v3", 7), cap("v3", "t", 20),
         cap("v4", "t", 4)});
    const auto g = kf::view(net, "capacity");
    const auto r = flow::max_flow(*g, {kf::v(net, "s")}, {kf::v(net, "t")});
    CHECK(r.value == 23.0);
    CHECK(cut_sum(r) == 23.0);
    REQUIRE(r.cut.size() == 3);
    CHECK(kf::ids(net, {r.cut[0].source, r.cut[0].target}) == Ids{"v1", "v3"});
    CHECK(kf::ids(net, {r.cut[1].source, r.cut[1].target}) == Ids{"v4", "v3"});
    CHECK(kf::ids(net, {r.cut[2].source, r.cut[2].target}) == Ids{"v4", "t"});
    CHECK(kf::ids(net, r.source_side) == Ids{"s", "v1", "v2", "v4"});
    const auto vc = flow::min_vertex_cut(*g, {kf::v(net, "s")}, {kf::v(net, "t")});
    CHECK(vc.exists);
    CHECK(kf::ids(net, vc.vertices) == Ids{"v1", "v2"});
}

//   undirected triangle:  a --3-- b --2-- c,  a --1-- c
//   a -> c: 1 direct + min(3, 2) via b = 3; the cut closest to a: {a, b} | {c}: 1 + 2
TEST_CASE("max flow on an undirected layer", "[flow][max_flow]") {
    const Network net = kf::network({"a", "b", "c"}, {cap("a", "b", 3), cap("b", "c", 2), cap("a", "c", 1)}, false);
    const auto g = kf::view(net, "capacity");
    const auto r = flow::max_flow(*g, {kf::v(net, "a")}, {kf::v(net, "c")});
    CHECK(r.value == 3.0);
    REQUIRE(r.cut.size() == 2);
    CHECK(kf::ids(net, {r.cut[0].source, r.cut[0].target}) == Ids{"a", "c"});
    CHECK(kf::ids(net, {r.cut[1].source, r.cut[1].target}) == Ids{"b", "c"});
    // and back: an undirected tie carries either way
    CHECK(flow::max_flow(*g, {kf::v(net, "c")}, {kf::v(net, "a")}).value == 3.0);
    // a tie a - c is direct: no set of organisations separates a from c
    CHECK_FALSE(flow::min_vertex_cut(*g, {kf::v(net, "a")}, {kf::v(net, "c")}).exists);
}

//   s1 --5--> m --7--> t,  s2 --5--> m,  s2 --1--> t:   sources {s1, s2}: 7 + 1 = 8
TEST_CASE("max flow from several sources", "[flow][max_flow]") {
    const Network net = kf::network({"s1", "s2", "m", "t"},
                                    {cap("s1", "m", 5), cap("s2", "m", 5), cap("m", "t", 7), cap("s2", "t", 1)});
    const auto g = kf::view(net, "capacity");
    const auto r = flow::max_flow(*g, {kf::v(net, "s1"), kf::v(net, "s2")}, {kf::v(net, "t")});
    CHECK(r.value == 8.0);
    CHECK(cut_sum(r) == 8.0);
    // unweighted: counts tie-disjoint paths (s1-m-t, s2-t; s2-m shares m-t)
    CHECK(flow::max_flow(*kf::view(net), {0, 1}, {3}).value == 2.0);
    // vertex cut from s1 alone: m
    const auto vc = flow::min_vertex_cut(*g, {kf::v(net, "s1")}, {kf::v(net, "t")});
    CHECK(kf::ids(net, vc.vertices) == Ids{"m"});
}

TEST_CASE("max flow: no path, bad ends, negative capacities", "[flow][max_flow]") {
    const Network net = kf::network({"a", "b", "c"}, {cap("a", "b", 4)});
    const auto g = kf::view(net, "capacity");
    const auto r = flow::max_flow(*g, {kf::v(net, "b")}, {kf::v(net, "a")});
    CHECK(r.value == 0.0);
    CHECK(r.cut.empty());
    const auto vc = flow::min_vertex_cut(*g, {kf::v(net, "a")}, {kf::v(net, "c")});
    CHECK(vc.exists);
    CHECK(vc.vertices.empty());  // already separated
    auto msg = kt::message_of<InputError>([&] { flow::max_flow(*g, {0}, {0}); });
    CHECK_THAT(msg, Catch::Contains("throughput: 'a' is both a source and a target"));
    msg = kt::message_of<InputError>([&] { flow::max_flow(*g, {0, 0}, {1}); });
    CHECK_THAT(msg, Catch::Contains("listed twice"));
    Network neg = kf::network({"a", "b"}, {});
    neg.add_relation(Relation{"a", "b", "L", {}, {}, {}, {}, {{"cap", -3.0}}});
    msg = kt::message_of<InputError>([&] { flow::max_flow(*kf::view(neg, "cap"), {0}, {1}); });
    CHECK_THAT(msg, Catch::Contains("a -> b") && Catch::Contains(">= 0"));
}

//   a --(capacity 5)--> b --(capacity unknown, volume 9)--> c
TEST_CASE("capacity view: fallback to volume is counted; otherwise gaps are named", "[flow][max_flow]") {
    const Network net = kf::network({"a", "b", "c"}, {{"a", "b", 1, kf::none, kf::none, 5}, {"b", "c", 9}});
    auto msg = kt::message_of<InputError>([&] { flow::capacity_view(net, {}, "capacity"); });
    CHECK_THAT(msg, Catch::Contains("b -> c") && Catch::Contains("capacity"));
    const auto cv = flow::capacity_view(net, {}, "capacity", "volume");
    CHECK(cv.relations == 2);
    CHECK(cv.fallback == 1);
    const auto r = flow::max_flow(*cv.view, {0}, {2});
    CHECK(r.value == 5.0);
    REQUIRE(r.cut.size() == 1);
    CHECK(r.cut[0].source == 0);
    // neither value: named
    const Network gap = kf::network({"a", "b"}, {{"a", "b"}});
    msg = kt::message_of<InputError>([&] { flow::capacity_view(gap, {}, "capacity", "volume"); });
    CHECK_THAT(msg, Catch::Contains("both the capacity 'capacity' and the fallback 'volume'"));
}

// Between one source and one sink the flow network (and the split network of the vertex cut)
// is built once and kept with the view; several sources or sinks use a network built per
// call with a super source and sink, and so does a single pair with keep_layout = false.
// An extra source or sink without ties adds nothing, so on random networks all three routes
// must give the same value, cut and vertex cut.
TEST_CASE("max flow: the layouts kept with the view agree with the networks built per call",
          "[flow][max_flow]") {
    for (const bool directed : {true, false}) {
        for (int round = 0; round < 12; ++round) {
            // 3 n random pairs drawn among o0..o27 (o28 and o29 stay without ties), capacities
            // 0..9; 0 and self-loops included: they carry nothing
            const int n = 30;
            const Network net = kt::RandomGraph(n, directed, std::uint64_t(2 * round + directed))
                                    .draw(3 * n, kt::steps(0, 1, 10), /*loops=*/true, /*among=*/n - 2)
                                    .network({"capacity"});
            const auto g = kf::view(net, "capacity");
            const vertex_t s = vertex_t(round), t = vertex_t(n - 3 - round);
            const vertex_t lone_s = 28, lone_t = 29;
            REQUIRE(g->derived_count() == 0);
            const auto one = flow::max_flow(*g, {s}, {t});
            CHECK(g->derived_count() == 1);
            const auto again = flow::max_flow(*g, {s}, {t});
            CHECK(g->derived_count() == 1);
            const auto once = flow::max_flow(*g, {s}, {t}, flow::MaxFlowOptions{.keep_layout = false});
            CHECK(g->derived_count() == 1);
            CHECK(once.value == Approx(one.value).margin(1e-9));
            CHECK(once.source_side == one.source_side);
            REQUIRE(once.cut.size() == one.cut.size());
            for (std::size_t i = 0; i < one.cut.size(); ++i) {
                CHECK(once.cut[i].source == one.cut[i].source);
                CHECK(once.cut[i].target == one.cut[i].target);
            }
            const auto many = flow::max_flow(*g, {s, lone_s}, {t, lone_t});
            CHECK(one.value == Approx(many.value).margin(1e-9));
            CHECK(one.value == again.value);
            CHECK(cut_sum(one) == Approx(one.value).margin(1e-9));
            REQUIRE(one.cut.size() == many.cut.size());
            for (std::size_t i = 0; i < one.cut.size(); ++i) {
                CHECK(one.cut[i].source == many.cut[i].source);
                CHECK(one.cut[i].target == many.cut[i].target);
            }
            auto side = many.source_side;  // holds the lone source as well
            side.erase(std::remove(side.begin(), side.end(), lone_s), side.end());
            CHECK(one.source_side == side);
            CHECK(one.source_side == again.source_side);

            const auto vc = flow::min_vertex_cut(*g, {s}, {t});
            CHECK(g->derived_count() == 2);
            const auto vc_once = flow::min_vertex_cut(*g, {s}, {t}, flow::MaxFlowOptions{.keep_layout = false});
            CHECK(vc_once.exists == vc.exists);
            CHECK(vc_once.vertices == vc.vertices);
            const auto vc_many = flow::min_vertex_cut(*g, {s, lone_s}, {t, lone_t});
            CHECK(vc.exists == vc_many.exists);
            CHECK(vc.vertices == vc_many.vertices);
            CHECK(flow::min_vertex_cut(*g, {s}, {t}).vertices == vc.vertices);
            CHECK(g->derived_count() == 2);
            // the cut separates: without its organisations no path from s reaches t
            if (vc.exists) {
                std::vector<char> gone(n, 0);
                for (vertex_t v : vc.vertices) gone[v] = 1;
                std::vector<char> seen(n, 0);
                std::vector<vertex_t> stack{s};
                seen[s] = 1;
                while (!stack.empty()) {
                    const vertex_t u = stack.back();
                    stack.pop_back();
                    for (vertex_t v : g->out_neighbours(u))
                        if (!seen[v] && !gone[v]) {
                            seen[v] = 1;
                            stack.push_back(v);
                        }
                }
                CHECK(!seen[t]);
            }
        }
    }
}

TEST_CASE("max flow: a bad capacity keeps nothing with the view and throws on every call",
          "[flow][max_flow]") {
    Network neg = kf::network({"a", "b", "c"}, {});
    neg.add_relation(Relation{"a", "b", "L", {}, {}, {}, {}, {{"cap", 2.0}}});
    neg.add_relation(Relation{"b", "c", "L", {}, {}, {}, {}, {{"cap", 1.0}}});
    neg.add_relation(Relation{"c", "a", "L", {}, {}, {}, {}, {{"cap", -3.0}}});
    const auto g = kf::view(neg, "cap");
    for (int k = 0; k < 2; ++k) {
        const auto msg = kt::message_of<InputError>([&] { flow::max_flow(*g, {0}, {2}); });
        CHECK_THAT(msg, Catch::Contains("capacity 'cap' of c -> a must be finite and >= 0"));
        CHECK(g->derived_count() == 0);
    }
    const auto many = kt::message_of<InputError>([&] { flow::max_flow(*g, {0, 1}, {2}); });
    CHECK_THAT(many, Catch::Contains("capacity 'cap' of c -> a"));
    const auto once = kt::message_of<InputError>([&] { flow::max_flow(*g, {0}, {2}, flow::MaxFlowOptions{.keep_layout = false}); });
    CHECK_THAT(once, Catch::Contains("capacity 'cap' of c -> a"));
    CHECK(g->derived_count() == 0);
}
