// Layer kinds: declared, by the documented rule, changed, compared, and kept by JSON
// (versions 1 and 2) and GraphML. (How chain indicators select case layers:
// flow/test_layer_selection.cpp.)
#include <catch2/catch.hpp>

#include <ketennet/io/graphml.hpp>
#include <ketennet/io/json.hpp>

#include "../test_helpers.hpp"
#include "layer_kinds_fixture.hpp"

using namespace ketennet;
using kt::rel;

using kt::layer_kinds_sample;


TEST_CASE("layer kinds: declared, by rule, changed and compared", "[model][layer]") {
    Network net = layer_kinds_sample();
    CHECK(net.layer("case").kind == LayerKind::cases);
    CHECK(net.layer("coloc").kind == LayerKind::tie);
    CHECK(default_layer_kind("Zaken", true) == LayerKind::cases);
    CHECK(default_layer_kind("handovers", true) == LayerKind::cases);
    CHECK(default_layer_kind("case_referrals", true) == LayerKind::cases);
    CHECK(default_layer_kind("collaboration", true) == LayerKind::tie);
    CHECK(default_layer_kind("it", true) == LayerKind::information);
    CHECK(default_layer_kind("overleg", false) == LayerKind::tie);
    CHECK(default_layer_kind("s", true) == LayerKind::information);
    CHECK(std::string(layer_kind_name(LayerKind::cases)) == "case");
    CHECK(parse_layer_kind("tie") == LayerKind::tie);
    CHECK_FALSE(parse_layer_kind("cases").has_value());

    const Network before = net;
    const auto rev = net.revision();
    net.set_layer_kind("information", LayerKind::information);  // unchanged: no new revision
    CHECK(net.revision() == rev);
    net.set_layer_kind("information", LayerKind::tie);
    CHECK(net.revision() > rev);
    CHECK_FALSE(net == before);
    CHECK(net.layers_of_kind(LayerKind::tie) == std::vector<std::string>{"information", "coloc"});
    CHECK_THROWS_AS(net.set_layer_kind("nope", LayerKind::tie), UnknownId);
    CHECK(net.induced({"a", "b"}).layer("information").kind == LayerKind::tie);
    CHECK(net.select_layers({"information"}).layer("information").kind == LayerKind::tie);
}

TEST_CASE("layer kinds survive JSON and GraphML; version 1 follows the rule", "[io][layer]") {
    Network net = layer_kinds_sample();
    net.set_layer_kind("coloc", LayerKind::information);
    const std::string text = io::write_json_string(net);
    CHECK_THAT(text, Catch::Contains(R"("kind": "information")"));
    CHECK(io::read_json_string(text) == net);
    CHECK(io::read_graphml_string(io::write_graphml_string(net)) == net);

    const Network v1 = io::read_json_string(
        R"({"ketennet": 1, "layers": [{"name": "case"}, {"name": "information"},
            {"name": "collaboration", "directed": false}, {"name": "agreement"}]})");
    CHECK(v1.layer("case").kind == LayerKind::cases);
    CHECK(v1.layer("information").kind == LayerKind::information);
    CHECK(v1.layer("collaboration").kind == LayerKind::tie);
    CHECK(v1.layer("agreement").kind == LayerKind::tie);
    CHECK_THROWS_WITH(io::read_json_string(R"({"ketennet": 2, "layers": [{"name": "case"}]})", "n.json"),
                      Catch::Contains("n.json: /layers/0") && Catch::Contains("kind"));
    CHECK_THROWS_WITH(
        io::read_json_string(R"({"ketennet": 2, "layers": [{"name": "x", "kind": "flow"}]})", "n.json"),
        Catch::Contains("/layers/0/kind: layer 'x': unknown kind 'flow' (kinds: case, information, tie)"));
    CHECK_THROWS_WITH(io::read_json_string(R"({"ketennet": 1, "layers": [{"name": "x", "kind": "case"}]})"),
                      Catch::Contains("kind"));
}
