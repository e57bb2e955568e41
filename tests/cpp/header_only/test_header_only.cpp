// Header-only mode (core/config.hpp): this file defines KETENNET_HEADER_ONLY, includes the
// umbrella header, and is linked without the compiled ketennet libraries
// (ketennet_tests_header_only links ketennet_headers and Catch2 only), so every definition it
// uses comes from an impl/*.ipp included inline. It also compiles every .ipp that the umbrella
// header reaches in that mode.
#define KETENNET_HEADER_ONLY
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <vector>

#include <ketennet/ketennet.hpp>

using namespace ketennet;

namespace {

// police -> om -> court -> prison   (layer "case", directed)
Network chain_of_four() {
    Network net("header-only");
    net.add_layer("case");
    for (const char* id : {"police", "om", "court", "prison"}) net.add_organisation({id});
    net.add_relation({"police", "om", "case"});
    net.add_relation({"om", "court", "case"});
    net.add_relation({"court", "prison", "case"});
    return net;
}

}  // namespace

TEST_CASE("header-only mode: metrics of a four-organisation chain without the compiled library",
          "[header_only]") {
    const Network net = chain_of_four();
    const auto view = net.view({{"case"}});
    // om and court each lie on 2 of the (n-1)(n-2) = 6 ordered pairs' shortest paths
    const std::vector<double> bc = centrality::betweenness(*view);
    REQUIRE(bc.size() == 4);
    CHECK(bc[0] == 0.0);
    CHECK(bc[1] == Approx(1.0 / 3.0));
    CHECK(bc[2] == Approx(1.0 / 3.0));
    CHECK(bc[3] == 0.0);
    // 3 arcs of n (n - 1) = 12 possible
    CHECK(cohesion::density(*view) == Approx(0.25));
    const std::vector<double> pr = centrality::pagerank(*view);
    CHECK(std::accumulate(pr.begin(), pr.end(), 0.0) == Approx(1.0));
    CHECK(pr[3] > pr[0]);  // the walk ends at the prison and jumps from there
    // the undirected path's inner organisations are its cut points
    CHECK(resilience::articulation_points(*view) == std::vector<vertex_t>{1, 2});
    CHECK(cohesion::components(*view).count() == 1);
}
