// Components (weak, strong) and core numbers by hand.
#include <catch2/catch.hpp>

#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/cores.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

//   directed:  a -> b -> c -> a   (a cycle: one strong component)
//              c -> d -> e        (d, e: singletons when strong)
//              f <-> g            (a second weak component, strong too)
//              h                  (isolated)
//   weak: {a, b, c, d, e} (0), {f, g} (1), {h} (2)
//   strong: {a, b, c} (0, size 3), {f, g} (1, size 2), then singletons d, e, h in network order
TEST_CASE("weak and strong components", "[cohesion][components]") {
    const Network net = kt::graph({"a", "b", "c", "d", "e", "f", "g", "h"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"},
                                   {"f", "g"}, {"g", "f"}},
                                  true);
    const ViewPtr v = net.view();
    const auto weak = cohesion::components(*v, cohesion::ComponentKind::weak);
    CHECK(weak.label == std::vector<std::size_t>{0, 0, 0, 0, 0, 1, 1, 2});
    CHECK(weak.size == std::vector<std::size_t>{5, 2, 1});
    const auto strong = cohesion::components(*v, cohesion::ComponentKind::strong);
    CHECK(strong.label == std::vector<std::size_t>{0, 0, 0, 2, 3, 1, 1, 4});
    CHECK(strong.size == std::vector<std::size_t>{3, 2, 1, 1, 1});
    CHECK(strong.count() == 5);
}

//   undirected: strong == weak;  a - b   c   (c isolated, self-loop on c is ignored)
TEST_CASE("components of an undirected view", "[cohesion][components]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"c", "c"}}, false);
    const ViewPtr v = net.view();
    for (auto kind : {cohesion::ComponentKind::weak, cohesion::ComponentKind::strong}) {
        const auto r = cohesion::components(*v, kind);
        CHECK(r.label == std::vector<std::size_t>{0, 0, 1});
        CHECK(r.size == std::vector<std::size_t>{2, 1});
    }
    const Network empty = kt::graph({}, {}, false);
    CHECK(cohesion::components(*empty.view()).count() == 0);
}

//   undirected:   a - b - c - a  (triangle: 2-core)  c - d  d - e  (chain: 1-core)  f isolated
//   plus a 3-core K4 {g, h, i, j}
//   core numbers: a b c 2, d e 1, f 0, g h i j 3
TEST_CASE("core numbers of an undirected view", "[cohesion][cores]") {
    const Network net = kt::graph(
        {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"},
        {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"},
         {"g", "h"}, {"g", "i"}, {"g", "j"}, {"h", "i"}, {"h", "j"}, {"i", "j"}},
        false);
    const auto k = cohesion::core_number(*net.view());
    CHECK(k == std::vector<std::size_t>{2, 2, 2, 1, 1, 0, 3, 3, 3, 3});
}

//   directed (NetworkX: degree = in + out, a reciprocated pair counts twice):
//     a <-> b, b <-> c, c <-> a  (each pair both ways: every degree 4 inside the triangle)
//     c -> d                     (d: degree 1)
//   core numbers: a b c 4, d 1
TEST_CASE("core numbers of a directed view", "[cohesion][cores]") {
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"}, {"c", "a"},
                                   {"a", "c"}, {"c", "d"}},
                                  true);
    CHECK(cohesion::core_number(*net.view()) == std::vector<std::size_t>{4, 4, 4, 1});
}

TEST_CASE("core numbers reject self-loops, naming the organisation", "[cohesion][cores]") {
    const Network net = kt::graph({"a", "b"}, {{"a", "b"}, {"b", "b"}}, false);
    const auto msg = kt::message_of<InputError>([&] { cohesion::core_number(*net.view()); });
    CHECK_THAT(msg, Catch::Contains("'b'") && Catch::Contains("self-loop"));
}
