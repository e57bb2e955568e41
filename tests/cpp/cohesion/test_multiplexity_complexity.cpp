// Multiplexity and the chain-complexity profile by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "ketennet/cohesion/complexity.hpp"
#include "ketennet/cohesion/multiplexity.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

//   layers: case (directed): a -> b, b -> a, b -> c;  overleg (undirected): a - b, c - d;
//   info (directed): a -> b, a -> a (self-loop: ignored);  empty (no relations)
//   pairs: {a,b}: case, overleg, info (3);  {b,c}: case (1);  {c,d}: overleg (1)
//   multiplex share 1/3; pairs per layer: case 2, overleg 2, info 1, empty 0
//   Jaccard: case/overleg 1/3 ({ab} of {ab, bc, cd}); case/info 1/2; overleg/info 1/2;
//   case/empty 0; empty/empty NaN; diagonal 1
TEST_CASE("multiplexity", "[cohesion][multiplexity]") {
    Network net("m");
    net.add_layer("case", true);
    net.add_layer("overleg", false);
    net.add_layer("info", true);
    net.add_layer("empty", true);
    for (const char* id : {"a", "b", "c", "d"}) net.add_organisation({id, "", "", {}});
    for (auto [s, t, l] : std::vector<std::tuple<const char*, const char*, const char*>>{
             {"a", "b", "case"}, {"b", "a", "case"}, {"b", "c", "case"}, {"a", "b", "overleg"},
             {"c", "d", "overleg"}, {"a", "b", "info"}, {"a", "a", "info"}})
        net.add_relation(kt::rel(s, t, l));
    const auto m = cohesion::multiplexity(net);
    REQUIRE(m.layers == std::vector<std::string>{"case", "overleg", "info", "empty"});
    REQUIRE(m.pairs.size() == 3);
    CHECK(m.pairs[0].source == 0);
    CHECK(m.pairs[0].target == 1);
    CHECK(m.pairs[0].layers == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(m.pairs[1].layers == std::vector<std::uint32_t>{0});
    CHECK(m.pairs[2].layers == std::vector<std::uint32_t>{1});
    CHECK(m.multiplex_share == Approx(1.0 / 3));
    CHECK(m.pairs_per_layer == std::vector<std::size_t>{2, 2, 1, 0});
    const auto J = [&](int a, int b) { return m.jaccard[a * 4 + b]; };
    CHECK(J(0, 1) == Approx(1.0 / 3));
    CHECK(J(1, 0) == Approx(1.0 / 3));
    CHECK(J(0, 2) == Approx(0.5));
    CHECK(J(1, 2) == Approx(0.5));
    CHECK(J(0, 0) == 1.0);
    CHECK(J(0, 3) == 0.0);
    CHECK(std::isnan(J(3, 3)));
    // a selection: only case and info: {a,b} in both, {b,c} in case
    const auto sel = cohesion::multiplexity(net, {"info", "case"});
    CHECK(sel.layers == std::vector<std::string>{"case", "info"});  // network order
    CHECK(sel.multiplex_share == Approx(0.5));
    CHECK_THROWS_AS(cohesion::multiplexity(net, {"nope"}), UnknownId);
}

//   chain "straf": opsporing [politie, kmar] -> vervolging [om] -> berechting [rechter]
//   -> tenuitvoerlegging [dji]; gemeente is outside the chain.
//   case (directed): politie->om, kmar->om, om->rechter, rechter->dji, dji->om, politie->gemeente
//   overleg (undirected): om - rechter, politie - kmar
//   Restricted to the chain (5 organisations, 5 sectors):
//     relations 7 (6 case - politie->gemeente + 2 overleg); ties (directed view, layers
//     merged) 8: P->O K->O O->R R->O R->D D->O P->K K->P; density 8/20
//     Blau 1 - 5/25 = 0.8, Shannon ln 5; layers 2; stages 4
//     hand-offs: P->O, K->O, O->R, R->D = 4 (D->O and R->O run backwards)
//     undirected projection: P-O K-O O-R R-D D-O P-K: 6 edges, cyclomatic 6 - 5 + 1 = 2
//     articulation points: om: 1/5; blocks {P,K,O}, {O,R,D}: 1 - (3 + 3)/10 = 0.4
//     multiplex: O-R in case and overleg, of 6 pairs: 1/6
//     path lengths (hops, directed): from P: K1 O1 R2 D3; K: P1 O1 R2 D3; O: R1 D2;
//     R: O1 D1; D: O1 R2 -> 14 pairs, total 22, diameter 3 (igraph: 3, 1.5714...)
//     degree centralization (in + out): P3 K3 O5 R3 D2: (2+2+0+2+3)/(2*4*3) = 9/24
TEST_CASE("complexity of a network and of a chain", "[cohesion][complexity]") {
    Network net("n");
    net.add_layer("case", true);
    net.add_layer("overleg", false);
    for (auto [id, sector] : std::vector<std::pair<const char*, const char*>>{
             {"politie", "politie"}, {"kmar", "kmar"}, {"om", "om"}, {"rechter", "rechtspraak"},
             {"dji", "dji"}, {"gemeente", "gemeente"}})
        net.add_organisation({id, "", sector, {}});
    for (auto [s, t] : std::vector<std::pair<const char*, const char*>>{
             {"politie", "om"}, {"kmar", "om"}, {"om", "rechter"}, {"rechter", "dji"},
             {"dji", "om"}, {"politie", "gemeente"}})
        net.add_relation(kt::rel(s, t, "case"));
    net.add_relation(kt::rel("om", "rechter", "overleg"));
    net.add_relation(kt::rel("politie", "kmar", "overleg"));
    net.add_chain(Chain{"straf", {{"opsporing", {"politie", "kmar"}}, {"vervolging", {"om"}},
                                  {"berechting", {"rechter"}}, {"tenuitvoerlegging", {"dji"}}}});
    std::map<std::string, double> got;
    for (const auto& r : cohesion::complexity(net, "straf")) got[r.indicator] = r.value;
    CHECK(got.at("organisations") == 5);
    CHECK(got.at("sectors") == 5);
    CHECK(got.at("sector heterogeneity (Blau)") == Approx(0.8));
    CHECK(got.at("sector entropy (Shannon)") == Approx(std::log(5.0)));
    CHECK(got.at("layers") == 2);
    CHECK(got.at("relations") == 7);
    CHECK(got.at("ties") == 8);
    CHECK(got.at("density") == Approx(0.4));
    CHECK(got.at("stages") == 4);
    CHECK(got.at("hand-offs between stages") == 4);
    CHECK(got.at("cyclomatic number") == 2);
    CHECK(got.at("articulation share") == Approx(0.2));
    CHECK(got.at("single-intermediary pairs") == Approx(0.4));
    CHECK(got.at("multiplex share") == Approx(1.0 / 6));
    CHECK(got.at("diameter") == 3);
    CHECK(got.at("average path length") == Approx(22.0 / 14));
    CHECK(got.at("degree centralization") == Approx(9.0 / 24));
    // the whole network: gemeente hangs off politie, so politie is a cut vertex too
    std::map<std::string, double> all;
    for (const auto& r : cohesion::complexity(net)) all[r.indicator] = r.value;
    CHECK(all.at("organisations") == 6);
    CHECK(all.count("stages") == 0);
    CHECK(all.at("articulation share") == Approx(2.0 / 6));
    //   blocks {P,K,O} {O,R,D} {P,G}: 1 - (3 + 3 + 1) / 15
    CHECK(all.at("single-intermediary pairs") == Approx(1.0 - 7.0 / 15));
    CHECK_THROWS_AS(cohesion::complexity(net, "nope"), UnknownId);
}

TEST_CASE("complexity of tiny networks", "[cohesion][complexity]") {
    Network one("one");
    one.add_layer("L", true);
    one.add_organisation({"a", "", "", {}});
    std::map<std::string, double> got;
    for (const auto& r : cohesion::complexity(one)) got[r.indicator] = r.value;
    CHECK(got.at("organisations") == 1);
    CHECK(std::isnan(got.at("sector heterogeneity (Blau)")));  // no sector known
    CHECK(std::isnan(got.at("diameter")));
    CHECK(std::isnan(got.at("single-intermediary pairs")));
    CHECK(std::isnan(got.at("degree centralization")));
    CHECK(got.at("cyclomatic number") == 0);
    CHECK(got.at("layers") == 0);
}
