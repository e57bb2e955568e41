// Katz centrality, by hand on tiny graphs.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/centrality/katz.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using centrality::KatzOptions;
using kt::check_by_id;
using kt::opts;

//   a --> b --> c     (alpha 0.1, beta 1; incoming walks)
//
//   x_a = 1;  x_b = 0.1 x_a + 1 = 1.1;  x_c = 0.1 x_b + 1 = 1.11   (exact after 3 steps)
//   normalised: divided by sqrt(1 + 1.21 + 1.2321)
TEST_CASE("katz centrality of a directed path", "[centrality][katz]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}}, true);
    const ViewPtr v = net.view();
    KatzOptions o;
    o.normalized = false;
    check_by_id(*v, centrality::katz(*v, o), {{"a", 1}, {"b", 1.1}, {"c", 1.11}}, 1e-14);
    const double norm = std::sqrt(1 + 1.21 + 1.2321);
    check_by_id(*v, centrality::katz(*v), {{"a", 1 / norm}, {"b", 1.1 / norm}, {"c", 1.11 / norm}}, 1e-14);
}

//   a --2--> b  (volume 2), alpha 0.1:  x_a = 1, x_b = 0.1 * 2 * 1 + 1 = 1.2
//   with beta (a: 2, b: 0):             x_a = 2, x_b = 0.1 * 2 * 2 + 0 = 0.4
TEST_CASE("weighted katz centrality and beta per organisation", "[centrality][katz]") {
    const Network net = kt::graph({"a", "b"}, {{"a", "b", 2.0}}, true);
    const ViewPtr v = net.view(opts({}, "volume"));
    KatzOptions o;
    o.normalized = false;
    check_by_id(*v, centrality::katz(*v, o), {{"a", 1}, {"b", 1.2}}, 1e-14);
    o.beta_per_organisation = {2.0, 0.0};
    check_by_id(*v, centrality::katz(*v, o), {{"a", 2}, {"b", 0.4}}, 1e-14);
}

//   undirected triangle a - b - c - a: x = 0.1 * 2 x + 1  =>  x = 1 / 0.8 = 1.25 each;
//   normalised 1/sqrt(3). lambda_max = 2: alpha = 0.6 > 1/2 diverges.
TEST_CASE("katz centrality of a triangle and divergence", "[centrality][katz]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}}, false);
    const ViewPtr v = net.view();
    KatzOptions o;
    o.normalized = false;
    o.tol = 1e-14;
    check_by_id(*v, centrality::katz(*v, o), {{"a", 1.25}, {"b", 1.25}, {"c", 1.25}}, 1e-12);
    const double r3 = 1 / std::sqrt(3.0);
    check_by_id(*v, centrality::katz(*v), {{"a", r3}, {"b", r3}, {"c", r3}}, 1e-9);
    o.alpha = 0.6;
    const std::string msg = kt::message_of<ConvergenceError>([&] { centrality::katz(*v, o); });
    CHECK_THAT(msg, Catch::Contains("katz"));
    CHECK_THAT(msg, Catch::Contains("alpha = 0.6"));
    CHECK_THAT(msg, Catch::Contains("lambda_max"));
    o.alpha = 0.49;  // converges, slowly: too few iterations
    o.max_iter = 5;
    CHECK_THAT(kt::message_of<ConvergenceError>([&] { centrality::katz(*v, o); }),
               Catch::Contains("5 iterations"));
}

TEST_CASE("katz centrality edge cases and bad input", "[centrality][katz]") {
    CHECK(centrality::katz(*Network().view()).empty());
    const Network net = kt::graph({"a", "b"}, {{"a", "b"}}, true);
    KatzOptions o;
    o.beta_per_organisation = {1.0};
    CHECK_THAT(kt::message_of<InputError>([&] { centrality::katz(*net.view(), o); }),
               Catch::Contains("beta has 1 values for 2"));
    o.beta_per_organisation.clear();
    o.nstart = {1.0, 2.0, 3.0};
    CHECK_THAT(kt::message_of<InputError>([&] { centrality::katz(*net.view(), o); }),
               Catch::Contains("nstart has 3 values"));
}
