// The example networks shipped with the Python package (python/ketennet/examples/*.json) feed
// the algorithms the scorecard reads: values of the right size and in range.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ketennet/ketennet.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

TEST_CASE("the shipped example networks feed the algorithms", "[report][examples]") {
    const auto files = kt::example_networks();
    if (files.empty()) {
        WARN("no example networks in " KETENNET_EXAMPLES_DIR);
        return;
    }
    for (const std::string& path : files) {
        INFO(path);
        const Network net = io::read_json(path);
        const ViewPtr v = net.view();
        CHECK(v->n() == net.organisation_count());
        const auto deg = centrality::degree(*v);
        const auto btw = centrality::betweenness(*v);
        CHECK(deg.size() == v->n());
        CHECK(btw.size() == v->n());
        for (double x : btw) {
            CHECK(x >= 0.0);
            CHECK(x <= 1.0 + 1e-12);  // normalised
        }
        const double d = cohesion::density(*v);
        CHECK(d >= 0.0);
        const double c = cohesion::degree_centralization(*v);
        CHECK(c >= 0.0);
        CHECK(c <= 1.0 + 1e-12);
        for (vertex_t p : resilience::articulation_points(*v)) CHECK(p < v->n());
    }
}
