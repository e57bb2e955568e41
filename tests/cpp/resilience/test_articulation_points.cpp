// Articulation points (cut vertices), by hand.
#include <catch2/catch.hpp>

#include "ketennet/resilience/articulation_points.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

std::vector<std::string> cut_ids(const View& v) {
    std::vector<std::string> out;
    for (vertex_t x : resilience::articulation_points(v)) out.push_back(v.id(x));
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

//   a --- b --- c --- d      removing b or c splits the path:  {b, c}
TEST_CASE("articulation points of a path", "[resilience][articulation]") {
    const bool directed = GENERATE(true, false);
    const bool weighted = GENERATE(true, false);
    INFO("directed " << directed << ", weighted " << weighted);
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b", 1.0}, {"b", "c", 2.0}, {"c", "d", 3.0}}, directed);
    const ViewPtr v = weighted ? net.view(kt::opts({}, "volume")) : net.view();
    CHECK(cut_ids(*v) == Ids{"b", "c"});
}

//   two triangles sharing c:
//
//     a           d
//     | \       / |
//     |   c ---   |      edges a-b, b-c, c-a, c-d, d-e, e-c
//     | /       \ |
//     b           e
//
//   only c separates {a, b} from {d, e}
TEST_CASE("articulation points of two triangles joined at a vertex", "[resilience][articulation]") {
    const bool directed = GENERATE(true, false);
    INFO("directed " << directed);
    const Network net = kt::graph({"a", "b", "c", "d", "e"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "c"}},
                                  directed);
    CHECK(cut_ids(*net.view()) == Ids{"c"});
}

//   directed: a --> b <-- c,   c <--> d
//   the undirected projection is the path a - b - c - d: {b, c}
//   (b is a cut vertex although no directed path runs through it)
TEST_CASE("articulation points of a directed view use the undirected projection",
          "[resilience][articulation]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"c", "b"}, {"c", "d"}, {"d", "c"}}, true);
    const ViewPtr v = net.view();
    REQUIRE(v->directed());
    CHECK(cut_ids(*v) == Ids{"b", "c"});
}

//   a --- b --- c     d     e      isolated d and e are no cut vertices: {b}
//   x --- y --- z     a second component with its own cut vertex
TEST_CASE("articulation points with isolated organisations and several components",
          "[resilience][articulation]") {
    const bool directed = GENERATE(true, false);
    INFO("directed " << directed);
    SECTION("isolated organisations") {
        const Network net = kt::graph({"d", "a", "b", "e", "c"}, {{"a", "b"}, {"b", "c"}}, directed);
        CHECK(cut_ids(*net.view()) == Ids{"b"});
    }
    SECTION("two components") {
        const Network net =
            kt::graph({"a", "b", "c", "x", "y", "z"}, {{"a", "b"}, {"b", "c"}, {"x", "y"}, {"y", "z"}}, directed);
        CHECK(cut_ids(*net.view()) == Ids{"b", "y"});
    }
    SECTION("only isolated organisations") {
        CHECK(cut_ids(*kt::graph({"a", "b", "c"}, {}, directed).view()).empty());
    }
}

//   cycle a - b - c - d - a, a single tie a - b, a self-loop on a triangle: no cut vertex
TEST_CASE("graphs without articulation points", "[resilience][articulation]") {
    const bool directed = GENERATE(true, false);
    INFO("directed " << directed);
    SECTION("cycle") {
        const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}}, directed);
        CHECK(cut_ids(*net.view()).empty());
    }
    SECTION("one tie") {
        CHECK(cut_ids(*kt::graph({"a", "b"}, {{"a", "b"}}, directed).view()).empty());
    }
    SECTION("triangle with a self-loop") {
        const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "a"}}, directed);
        CHECK(cut_ids(*net.view()).empty());
    }
    SECTION("empty network") {
        CHECK(resilience::articulation_points(*Network().view()).empty());
    }
}

//   case (directed):  a --> b;   coloc (undirected):  b --- c,  a --- c
//   all layers: triangle, no cut vertex; only case + nothing else: a -> b, c isolated: none;
//   only coloc: path a - c - b: {c}
TEST_CASE("articulation points depend on the selected layers", "[resilience][articulation]") {
    Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}}, true, "case");
    net.add_layer("coloc", false);
    net.add_relation(kt::rel("b", "c", "coloc"));
    net.add_relation(kt::rel("a", "c", "coloc"));
    CHECK(cut_ids(*net.view()).empty());
    CHECK(cut_ids(*net.view(kt::opts({"case"}))).empty());
    CHECK(cut_ids(*net.view(kt::opts({"coloc"}))) == Ids{"c"});
}
