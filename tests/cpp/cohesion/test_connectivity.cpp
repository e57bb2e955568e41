// Node and edge connectivity by hand.
#include <catch2/catch.hpp>

#include "ketennet/cohesion/connectivity.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

//   undirected "diamond with a tail":
//        b
//       / \  .
//      a---c --- e
//       \ /
//        d      (ties: a-b b-c a-c a-d d-c c-e)
//   node connectivity 1 (c is a cut vertex), edge connectivity 1 (c - e is a bridge);
//   local: a-c adjacent, paths a-c, a-b-c, a-d-c: node 3, edge 3; b-d: via a and via c:
//   node 2, edge 2; a-e: node 1 (through c), edge 1
TEST_CASE("connectivity of an undirected view", "[cohesion][connectivity]") {
    const Network net = kt::graph({"a", "b", "c", "d", "e"},
                                  {{"a", "b"}, {"b", "c"}, {"a", "c"}, {"a", "d"}, {"d", "c"}, {"c", "e"}},
                                  false);
    const ViewPtr v = net.view();
    CHECK(cohesion::node_connectivity(*v) == 1);
    CHECK(cohesion::edge_connectivity(*v) == 1);
    const auto id = [&](const char* s) { return net.index_of(s); };
    CHECK(cohesion::node_connectivity(*v, id("a"), id("c")) == 3);
    CHECK(cohesion::edge_connectivity(*v, id("a"), id("c")) == 3);
    CHECK(cohesion::node_connectivity(*v, id("b"), id("d")) == 2);
    CHECK(cohesion::edge_connectivity(*v, id("b"), id("d")) == 2);
    CHECK(cohesion::node_connectivity(*v, id("a"), id("e")) == 1);
    CHECK(cohesion::edge_connectivity(*v, id("e"), id("a")) == 1);
}

//   complete graphs: K4 undirected: node 3, edge 3; 4-cycle a-b-c-d-a: node 2, edge 2
TEST_CASE("connectivity of complete graphs and cycles", "[cohesion][connectivity]") {
    const Network k4 = kt::graph({"a", "b", "c", "d"},
                                 {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "c"}, {"b", "d"}, {"c", "d"}},
                                 false);
    CHECK(cohesion::node_connectivity(*k4.view()) == 3);
    CHECK(cohesion::edge_connectivity(*k4.view()) == 3);
    const Network c4 = kt::graph({"a", "b", "c", "d"},
                                 {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}}, false);
    CHECK(cohesion::node_connectivity(*c4.view()) == 2);
    CHECK(cohesion::edge_connectivity(*c4.view()) == 2);
}

//   directed cycle a -> b -> c -> a: node 1, edge 1; a -> b only in one direction;
//   with every arc reciprocated (complete digraph on 3): node 2, edge 2.
//   a -> b -> c without the return: not strongly connected: 0 (weakly connected but c
//   reaches nothing)
TEST_CASE("connectivity of directed views", "[cohesion][connectivity]") {
    const Network cyc = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}}, true);
    CHECK(cohesion::node_connectivity(*cyc.view()) == 1);
    CHECK(cohesion::edge_connectivity(*cyc.view()) == 1);
    const Network full = kt::graph({"a", "b", "c"},
                                   {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"}, {"c", "a"}, {"a", "c"}},
                                   true);
    CHECK(cohesion::node_connectivity(*full.view()) == 2);
    CHECK(cohesion::edge_connectivity(*full.view()) == 2);
    const Network path = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}}, true);
    CHECK(cohesion::node_connectivity(*path.view()) == 0);  // NetworkX: 1 (see the header)
    CHECK(cohesion::edge_connectivity(*path.view()) == 0);
    CHECK(cohesion::node_connectivity(*path.view(), 0, 2) == 1);
    CHECK(cohesion::node_connectivity(*path.view(), 2, 0) == 0);
}

TEST_CASE("connectivity: disconnected and bad input", "[cohesion][connectivity]") {
    const Network two = kt::graph({"a", "b", "c"}, {{"a", "b"}}, false);
    CHECK(cohesion::node_connectivity(*two.view()) == 0);
    CHECK(cohesion::edge_connectivity(*two.view()) == 0);
    CHECK_THAT(kt::message_of<InputError>([&] { cohesion::edge_connectivity(*two.view(), 1, 1); }),
               Catch::Contains("'b'"));
}

//   degenerate views, as NetworkX's node_connectivity and edge_connectivity:
//   (none)        a        a
//                          (loop)
//   no organisations: undefined (NetworkX raises); a alone: 0, with or without its self-loop
//   (NetworkX: 2 with the loop, its minimum degree counting it twice)
TEST_CASE("connectivity of one organisation is 0, of none an error", "[cohesion][connectivity]") {
    for (bool directed : {false, true}) {
        SECTION(directed ? "directed" : "undirected") {
            const Network none = kt::graph({}, {}, directed);
            CHECK_THAT(kt::message_of<InputError>([&] { cohesion::node_connectivity(*none.view()); }),
                       Catch::Contains("node_connectivity is undefined for a network without organisations"));
            CHECK_THAT(kt::message_of<InputError>([&] { cohesion::edge_connectivity(*none.view()); }),
                       Catch::Contains("edge_connectivity is undefined for a network without organisations"));
            const Network one = kt::graph({"a"}, {}, directed);
            CHECK(cohesion::node_connectivity(*one.view()) == 0);
            CHECK(cohesion::edge_connectivity(*one.view()) == 0);
            const Network loop = kt::graph({"a"}, {{"a", "a"}}, directed);
            CHECK(cohesion::node_connectivity(*loop.view()) == 0);
            CHECK(cohesion::edge_connectivity(*loop.view()) == 0);
        }
    }
}
