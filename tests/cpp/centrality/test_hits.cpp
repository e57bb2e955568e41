// Hubs and authorities (HITS), by hand on tiny graphs.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/centrality/hits.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::HitsOptions;
using kt::check_by_id;
using kt::opts;

//   a --> c <-- b --> d
//
//   A^T A on the authorities {c, d}: [[2, 1], [1, 1]] (c is pointed at by a and b, d by b),
//   top eigenvalue (3 + sqrt 5)/2 with eigenvector (1, 1/phi), phi the golden ratio.
//   Normalised to sum 1: a_c = 1/phi, a_d = 1/phi^2; hubs h = A a: h_a = a_c, h_b = a_c + a_d,
//   normalised h_a = 1/phi^2, h_b = 1/phi.
TEST_CASE("hits of a small directed graph", "[centrality][hits]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "c"}, {"b", "c"}, {"b", "d"}}, true);
    const ViewPtr v = net.view();
    const double phi = (1 + std::sqrt(5.0)) / 2;
    const auto r = centrality::hits(*v);
    check_by_id(*v, r.hubs, {{"a", 1 / (phi * phi)}, {"b", 1 / phi}, {"c", 0}, {"d", 0}}, 1e-9);
    check_by_id(*v, r.authorities, {{"a", 0}, {"b", 0}, {"c", 1 / phi}, {"d", 1 / (phi * phi)}}, 1e-9);
    // unnormalised: unit-norm authorities, hubs = A a
    HitsOptions o;
    o.normalized = false;
    const auto u = centrality::hits(*v, o);
    const double nc = 1 / std::sqrt(1 + 1 / (phi * phi));
    check_by_id(*v, u.authorities, {{"a", 0}, {"b", 0}, {"c", nc}, {"d", nc / phi}}, 1e-9);
    check_by_id(*v, u.hubs, {{"a", nc}, {"b", nc + nc / phi}, {"c", 0}, {"d", 0}}, 1e-9);
}

//   h --> l1, h --> l2, h --> l3  (weights 1, 1, 2 as volume)
//   unweighted: authorities l_i = 1/3, hub h = 1.
//   weighted: A^T A on the leaves = w w^T, w = (1, 1, 2): authorities proportional to w:
//   1/4, 1/4, 1/2; hub h = 1.
TEST_CASE("hits of a directed star, weighted and not", "[centrality][hits]") {
    const Network net = kt::graph({"h", "l1", "l2", "l3"}, {{"h", "l1", 1.0}, {"h", "l2", 1.0}, {"h", "l3", 2.0}}, true);
    const ViewPtr v = net.view();
    const auto r = centrality::hits(*v);
    check_by_id(*v, r.hubs, {{"h", 1}, {"l1", 0}, {"l2", 0}, {"l3", 0}}, 1e-9);
    check_by_id(*v, r.authorities, {{"h", 0}, {"l1", 1.0 / 3}, {"l2", 1.0 / 3}, {"l3", 1.0 / 3}}, 1e-9);
    const ViewPtr w = net.view(opts({}, "volume"));
    const auto rw = centrality::hits(*w);
    check_by_id(*w, rw.hubs, {{"h", 1}, {"l1", 0}, {"l2", 0}, {"l3", 0}}, 1e-9);
    check_by_id(*w, rw.authorities, {{"h", 0}, {"l1", 0.25}, {"l2", 0.25}, {"l3", 0.5}}, 1e-9);
}

//   undirected path a - b - c - d: A symmetric, hubs = authorities = the Perron vector of A^2,
//   i.e. of A: (1, phi, phi, 1) / (2 + 2 phi)
TEST_CASE("hits of an undirected path equals its eigenvector", "[centrality][hits]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}}, false);
    const ViewPtr v = net.view();
    const double phi = (1 + std::sqrt(5.0)) / 2;
    const double s = 2 + 2 * phi;
    const std::map<std::string, double> expected{{"a", 1 / s}, {"b", phi / s}, {"c", phi / s}, {"d", 1 / s}};
    const auto r = centrality::hits(*v);
    check_by_id(*v, r.hubs, expected, 1e-9);
    check_by_id(*v, r.authorities, expected, 1e-9);
}

TEST_CASE("hits without ties and with too few restarts", "[centrality][hits]") {
    const Network none = kt::graph({"a", "b", "c"}, {}, true);
    const auto r = centrality::hits(*none.view());
    check_by_id(*none.view(), r.hubs, {{"a", 1.0 / 3}, {"b", 1.0 / 3}, {"c", 1.0 / 3}});
    check_by_id(*none.view(), r.authorities, {{"a", 1.0 / 3}, {"b", 1.0 / 3}, {"c", 1.0 / 3}});
    CHECK(centrality::hits(*Network().view()).hubs.empty());
    // a long undirected path: the top eigenvalues of A^T A = A^2 lie close together, so one
    // Lanczos cycle of 20 steps cannot reach a tiny tolerance
    Network big("chain");
    big.add_layer("L", false);
    const std::vector<std::string> ids = kt::numbered(200);
    for (const auto& id : ids) big.add_organisation({id, "", "", {}});
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) big.add_relation(kt::rel(ids[i], ids[i + 1], "L"));
    HitsOptions o;
    o.max_iter = 1;
    o.tol = 1e-14;
    CHECK_THAT(kt::message_of<ConvergenceError>([&] { centrality::hits(*big.view(), o); }),
               Catch::Contains("hits: did not converge in 1 iteration"));
}
