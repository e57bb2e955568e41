// Eigenvector centrality, by hand on tiny graphs.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/centrality/eigenvector.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::EigenvectorOptions;
using kt::check_by_id;
using kt::opts;

namespace {

EigenvectorOptions tight() {
    EigenvectorOptions o;
    o.tol = 1e-15;
    o.max_iter = 10000;
    return o;
}

}  // namespace

//   undirected star, centre h, leaves l1 l2 l3: lambda = sqrt(3), x_h = sqrt(3) x_l,
//   unit norm: x_l = 1/sqrt(6), x_h = 1/sqrt(2). (A bipartite graph: plain power iteration
//   would oscillate; the A + I shift converges.)
TEST_CASE("eigenvector centrality of a star", "[centrality][eigenvector]") {
    const Network net = kt::graph({"h", "l1", "l2", "l3"}, {{"h", "l1"}, {"h", "l2"}, {"h", "l3"}}, false);
    const ViewPtr v = net.view();
    const double l = 1 / std::sqrt(6.0);
    check_by_id(*v, centrality::eigenvector(*v, tight()),
                {{"h", 1 / std::sqrt(2.0)}, {"l1", l}, {"l2", l}, {"l3", l}}, 1e-10);
    // the default tolerance: L1 change below n * 1e-6
    check_by_id(*v, centrality::eigenvector(*v), {{"h", 1 / std::sqrt(2.0)}, {"l1", l}, {"l2", l}, {"l3", l}}, 1e-5);
}

//   a --2-- b --1-- c   (volume as strength):  A = [0 2 0; 2 0 1; 0 1 0], lambda = sqrt(5),
//   x = (2, sqrt(5), 1) / sqrt(10)
TEST_CASE("weighted eigenvector centrality", "[centrality][eigenvector]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 2.0}, {"b", "c", 1.0}}, false);
    const ViewPtr v = net.view(opts({}, "volume"));
    const double s = std::sqrt(10.0);
    check_by_id(*v, centrality::eigenvector(*v, tight()), {{"a", 2 / s}, {"b", std::sqrt(5.0) / s}, {"c", 1 / s}}, 1e-10);
}

//   directed:  a --> b --> c --> a,  plus  a --> c
//   incoming ties count (left eigenvector): x^T A = lambda x^T:
//     lambda x_a = x_c;  lambda x_b = x_a;  lambda x_c = x_a + x_b
//   => lambda^3 = lambda + 1 (the plastic number 1.3247...), x = (lambda, 1, lambda^2) up to scale
TEST_CASE("eigenvector centrality of a directed graph uses incoming ties", "[centrality][eigenvector]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}}, true);
    const ViewPtr v = net.view();
    double lam = 1.3;
    for (int i = 0; i < 100; ++i) lam = std::cbrt(lam + 1);  // fixed point of lambda^3 = lambda + 1
    const double norm = std::sqrt(lam * lam + 1 + lam * lam * lam * lam);
    check_by_id(*v, centrality::eigenvector(*v, tight()), {{"a", lam / norm}, {"b", 1 / norm}, {"c", lam * lam / norm}}, 1e-10);
}

TEST_CASE("eigenvector centrality errors", "[centrality][eigenvector]") {
    CHECK_THAT(kt::message_of<InputError>([] { centrality::eigenvector(*Network().view()); }),
               Catch::Contains("no organisations"));
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}}, false);
    EigenvectorOptions o;
    o.max_iter = 2;
    CHECK_THAT(kt::message_of<ConvergenceError>([&] { centrality::eigenvector(*net.view(), o); }),
               Catch::Contains("2 iterations"));
    o = EigenvectorOptions{};
    o.nstart = {0.0, 0.0, 0.0};
    CHECK_THAT(kt::message_of<InputError>([&] { centrality::eigenvector(*net.view(), o); }),
               Catch::Contains("nstart"));
}
