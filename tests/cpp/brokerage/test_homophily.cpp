// E-I index, mixing matrix and assortativity on hand-drawn graphs.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/brokerage/homophily.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

Network two_sectors(bool directed) {
    //   sectors X = {a, b}, Y = {c, d}:
    //   a - b (internal), b - c (external), c - d (internal), a - d (external), a - a (loop)
    Network net("t");
    net.add_layer("L", directed);
    for (auto [id, s] : std::vector<std::pair<const char*, const char*>>{{"a", "X"}, {"b", "X"}, {"c", "Y"}, {"d", "Y"}})
        net.add_organisation({id, "", s, {}});
    for (auto [s, t] : std::vector<std::pair<const char*, const char*>>{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"a", "d"}, {"a", "a"}})
        net.add_relation(kt::rel(s, t, "L", 1.0));
    return net;
}

}  // namespace

//   network: E = 2, I = 2 (the loop left out): EI = 0
//   group X: E = 2 (b - c, a - d), I = 1 (a - b): 1/3;  same for Y
//   a: E = 1 (a - d), I = 1: 0;   b: E 1, I 1: 0
TEST_CASE("E-I index at three levels", "[brokerage][ei_index]") {
    const bool directed = GENERATE(false, true);
    const Network net = two_sectors(directed);
    const auto r = brokerage::ei_index(*net.view(), brokerage::partition_by(net, "sector"));
    CHECK(r.external == 2.0);
    CHECK(r.internal == 2.0);
    CHECK(r.ei == 0.0);
    CHECK(r.group_ei[0] == Approx(1.0 / 3));
    CHECK(r.group_ei[1] == Approx(1.0 / 3));
    CHECK(r.ei_of[0] == 0.0);
    CHECK(r.external_of[2] == 1.0);
}

//   undirected, counting both directions and the loop once:
//     X->X: a-b twice + loop = 3;  X->Y: b-c, a-d = 2;  Y->X: 2;  Y->Y: c-d twice = 2
//   assortativity: e = M / 9: trace 5/9; a = b = (5/9, 4/9): s = 41/81
//     r = (5/9 - 41/81) / (1 - 41/81) = (45 - 41) / 40 = 0.1
TEST_CASE("mixing matrix and assortativity, undirected", "[brokerage][assortativity]") {
    const Network net = two_sectors(false);
    const auto p = brokerage::partition_by(net, "sector");
    const auto M = brokerage::mixing_matrix(*net.view(), p, false);
    CHECK(M == std::vector<double>{3, 2, 2, 2});
    CHECK(brokerage::assortativity(*net.view(), p) == Approx(0.1));
}

//   no ties (a, b in X; c, d in Y; nothing drawn): 0, as NetworkX;
//   directed a -> b, c -> d (only within groups): r = 1; all within one group: NaN;
//   only across: a -> c, c -> a: e = [[0, 1/2], [1/2, 0]]: s = 1/2: r = (0 - 1/2)/(1/2) = -1
TEST_CASE("assortativity extremes", "[brokerage][assortativity]") {
    Network net("t");
    net.add_layer("L", true);
    for (auto [id, s] : std::vector<std::pair<const char*, const char*>>{{"a", "X"}, {"b", "X"}, {"c", "Y"}, {"d", "Y"}})
        net.add_organisation({id, "", s, {}});
    const auto p = brokerage::partition_by(net, "sector");
    CHECK(brokerage::assortativity(*net.view(), p) == 0.0);
    net.add_relation(kt::rel("a", "b", "L"));
    CHECK(std::isnan(brokerage::assortativity(*net.view(), p)));
    net.add_relation(kt::rel("c", "d", "L"));
    CHECK(brokerage::assortativity(*net.view(), p) == Approx(1.0));
    Network cross = net;
    cross.remove_relation("a", "b", "L");
    cross.remove_relation("c", "d", "L");
    cross.add_relation(kt::rel("a", "c", "L"));
    cross.add_relation(kt::rel("c", "a", "L"));
    CHECK(brokerage::assortativity(*cross.view(), p) == Approx(-1.0));
}
