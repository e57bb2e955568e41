// The example networks shipped with the Python package (python/ketennet/examples/*.json), if
// any: they must read and survive both round trips. (That they feed the algorithms:
// report/test_example_networks.cpp.)
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ketennet/io/graphml.hpp"
#include "ketennet/io/json.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

TEST_CASE("the shipped example networks read and round-trip", "[io][examples]") {
    const std::vector<std::string> files = kt::example_networks();
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
    }
}
