// Bridges, biconnected components, dominators and vertex cuts, by hand.
#include <catch2/catch.hpp>

#include "ketennet/resilience/biconnected_components.hpp"
#include "ketennet/resilience/dominators.hpp"
#include "ketennet/flow/max_flow.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

using Ids = std::vector<std::string>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs bridge_ids(const View& v) {
    Pairs out;
    for (auto [a, b] : resilience::bridges(v)) out.emplace_back(v.id(a), v.id(b));
    return out;
}

std::vector<Ids> comp_ids(const View& v) {
    std::vector<Ids> out;
    for (const auto& c : resilience::biconnected_components(v)) {
        Ids x;
        for (vertex_t u : c) x.push_back(v.id(u));
        out.push_back(x);
    }
    return out;
}

}  // namespace

//   a --- b --- c      triangle c-d-e hanging off c, and an isolated f
//               |  \    (c - d)
//               e - d
//   bridges a-b, b-c; components {a,b}, {b,c}, {c,d,e}
TEST_CASE("bridges and biconnected components of a path into a triangle", "[resilience][biconnected]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    INFO("directed " << directed << ", weighted " << weighted);
    const Network net = kt::graph({"a", "b", "c", "d", "e", "f"},
                                  {{"a", "b", 1.0}, {"b", "c", 2.0}, {"c", "d", 1.0},
                                   {"d", "e", 1.0}, {"e", "c", 1.0}},
                                  directed);
    const ViewPtr v = weighted ? net.view(kt::opts({}, "volume")) : net.view();
    CHECK(bridge_ids(*v) == Pairs{{"a", "b"}, {"b", "c"}});
    CHECK(comp_ids(*v) == std::vector<Ids>{{"a", "b"}, {"b", "c"}, {"c", "d", "e"}});
}

//   directed a <-> b (two arcs, one tie), b -> b (a self-loop): the tie a-b is a bridge,
//   the self-loop is not
TEST_CASE("reciprocal arcs are one tie; self-loops are never bridges", "[resilience][biconnected]") {
    const Network net = kt::graph({"a", "b"}, {{"a", "b"}, {"b", "a"}, {"b", "b"}}, true);
    CHECK(bridge_ids(*net.view()) == Pairs{{"a", "b"}});
    CHECK(comp_ids(*net.view()) == std::vector<Ids>{{"a", "b"}});
}

//   a cycle a-b-c-d-a has no bridges and one component
TEST_CASE("a cycle has no bridges", "[resilience][biconnected]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}}, false);
    CHECK(bridge_ids(*net.view()).empty());
    CHECK(comp_ids(*net.view()) == std::vector<Ids>{{"a", "b", "c", "d"}});
}

//   e -> a -> c -> d        every path from e passes a; c and b both reach d, so
//        a -> b -> d        idom(d) = a;   f is unreachable
TEST_CASE("immediate dominators", "[resilience][dominators]") {
    const Network net = kt::graph({"e", "a", "b", "c", "d", "f"},
                                  {{"e", "a"}, {"a", "c"}, {"c", "d"}, {"a", "b"}, {"b", "d"},
                                   {"f", "e"}},
                                  true);
    const auto idom = resilience::immediate_dominators(*net.view(), 0);
    const vertex_t none = resilience::no_dominator;
    CHECK(idom == std::vector<vertex_t>{none, 0, 1, 1, 1, none});
    // undirected: every tie both ways; from e, f hangs off e and d is reached via b or c
    const Network u = kt::graph({"e", "a", "b", "c", "d", "f"},
                                {{"e", "a"}, {"a", "c"}, {"c", "d"}, {"a", "b"}, {"b", "d"},
                                 {"f", "e"}},
                                false);
    CHECK(resilience::immediate_dominators(*u.view(), 0) ==
          std::vector<vertex_t>{none, 0, 1, 1, 1, 0});
    CHECK_THROWS_AS(resilience::immediate_dominators(*net.view(), 6), UnknownId);
}

//   s1 -> a -> t,  s2 -> b -> t,  s1 -> b: separating {s1, s2} from t takes {a, b}
TEST_CASE("minimum vertex cut with several sources", "[resilience][cut]") {
    const Network net = kt::graph({"s1", "s2", "a", "b", "t"},
                                  {{"s1", "a"}, {"a", "t"}, {"s2", "b"}, {"b", "t"}, {"s1", "b"}},
                                  true);
    const auto cut = flow::min_vertex_cut(*net.view(), {0, 1}, {4});
    CHECK(cut.exists);
    CHECK(cut.vertices == std::vector<vertex_t>{2, 3});
    const auto one = flow::min_vertex_cut(*net.view(), {1}, {4});
    CHECK(one.vertices == std::vector<vertex_t>{3});
}
