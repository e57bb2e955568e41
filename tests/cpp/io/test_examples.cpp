// The example networks shipped with the Python package (python/ketennet/examples/*.json), if
// any: they must read, survive both round trips and feed every algorithm.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "ketennet/ketennet.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

std::vector<std::string> example_files() {
    std::vector<std::string> out;
    std::error_code ec;
    const std::filesystem::path dir(KETENNET_EXAMPLES_DIR);
    if (!std::filesystem::is_directory(dir, ec)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("the shipped example networks read, round-trip and analyse", "[io][examples]") {
    const std::vector<std::string> files = example_files();
    if (files.empty()) {
        WARN("no example networks in " KETENNET_EXAMPLES_DIR);
        return;
    }
    for (const std::string& path : files) {
        INFO(path);
        const Network net = io::read_json(path);
        CHECK(net.organisation_count() > 0);
        const std::string text = io::write_json_string(net);
        const Network back = io::read_json_string(text);
        CHECK(back == net);
        CHECK(io::write_json_string(back) == text);
        CHECK(io::read_graphml_string(io::write_graphml_string(net)) == net);

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
