// Layer kinds: declared, by the documented rule, changed, compared, and kept by JSON
// (versions 1 and 2) and GraphML; chain indicators select case layers.
#include <catch2/catch.hpp>

#include <ketennet/flow/selection.hpp>
#include <ketennet/io/graphml.hpp>
#include <ketennet/io/json.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::rel;

namespace {

//   case (directed, kind case):          a --> b --> c      (volume, latency on both)
//   information (directed, information): a --> c           (latency only)
//   coloc (undirected, by rule: tie):    a --- b
Network sample() {
    Network net("kinds");
    net.add_layer("case", true, LayerKind::cases);
    net.add_layer("information", true, LayerKind::information);
    net.add_layer("coloc", false);
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    Relation r = rel("a", "b", "case", 10.0);
    r.latency = 3;
    net.add_relation(r);
    r = rel("b", "c", "case", 6.0);
    r.latency = 4;
    net.add_relation(r);
    r = Relation{"a", "c", "information"};
    r.latency = 1;
    net.add_relation(r);
    net.add_relation(Relation{"a", "b", "coloc"});
    return net;
}

}  // namespace

TEST_CASE("layer kinds: declared, by rule, changed and compared", "[model][layer]") {
    Network net = sample();
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
    Network net = sample();
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

TEST_CASE("chain layers are the case layers carrying the fields", "[flow][layer]") {
    Network net = sample();
    CHECK(flow::select_case_layers(net, {}, {"latency"}, "lead time") ==
          std::vector<std::string>{"case"});
    CHECK(flow::select_case_layers(net, {"information"}, {"latency"}, "lead time") ==
          std::vector<std::string>{"information"});
    CHECK(flow::feedback_layers(net) == std::vector<std::string>{"case", "information"});
    CHECK(flow::select_capacity_layers(net, {}, "capacity", "volume", "throughput") ==
          std::vector<std::string>{"case"});
    net.set_layer_kind("case", LayerKind::information);
    CHECK_THROWS_WITH(flow::select_case_layers(net, {}, {"latency"}, "lead time"),
                      Catch::Contains("lead time: the network has no case layer (layers: 'case' "
                                      "(information), 'information' (information), 'coloc' (tie))"));
    net.set_layer_kind("information", LayerKind::cases);
    CHECK_THROWS_WITH(flow::select_case_layers(net, {}, {"volume"}, "routing"),
                      Catch::Contains("routing: no case layer in which every relation carries "
                                      "'volume' (layer 'information': 1 of 1 relations lack it)"));
}
