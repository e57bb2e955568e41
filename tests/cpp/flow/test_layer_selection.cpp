// Chain indicators select the case layers that carry the fields they read (on the network of
// model/layer_kinds_fixture.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <ketennet/flow/selection.hpp>

#include "../model/layer_kinds_fixture.hpp"

using namespace ketennet;

TEST_CASE("chain layers are the case layers carrying the fields", "[flow][layer]") {
    Network net = kt::layer_kinds_sample();
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
