// Messages for names a user gets wrong: unknown layers list the layers there are; a weight no
// relation carries lists the fields and attributes, distinct from relations that lack it.
#include <catch2/catch.hpp>

#include "../test_helpers.hpp"
#include "ketennet/flow/selection.hpp"

using namespace ketennet;
using kt::message_of;
using kt::opts;
using kt::rel;

namespace {

//   case (directed):  a --(volume 2, cost 1.5, kind "zsm")--> b,  b --(no volume)--> c
//   coloc (undirected): a --- c (volume 1, flag true)
Network small() {
    Network net("m");
    net.add_layer("case");
    net.add_layer("coloc", false);
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    Relation ab = rel("a", "b", "case", 2.0);
    ab.attributes = {{"cost", 1.5}, {"kind", std::string("zsm")}};
    net.add_relation(ab);
    net.add_relation(rel("b", "c", "case"));
    Relation ac = rel("a", "c", "coloc", 1.0);
    ac.attributes = {{"flag", true}};
    net.add_relation(ac);
    return net;
}

const std::string kNoVolumes =
    "no relation has 'volumes'; relation fields: volume, latency, quality, capacity; "
    "attributes: cost, flag (bool), kind (string)";

}  // namespace

TEST_CASE("an unknown layer names the layers there are", "[model][layer][messages]") {
    Network net = small();
    CHECK(message_of<UnknownId>([&] { net.layer_position("cases"); }) ==
          "unknown layer 'cases' (layers: case, coloc)");
    CHECK(message_of<UnknownId>([&] { net.view(opts({"case", "cases"})); }) ==
          "unknown layer 'cases' (layers: case, coloc)");
    CHECK(message_of<UnknownId>([&] { net.remove_layer("cases"); }) ==
          "unknown layer 'cases' (layers: case, coloc)");
    CHECK(message_of<UnknownId>([&] { flow::select_layers(net, {"cases"}, {"volume"}, "x"); }) ==
          "unknown layer 'cases' (layers: case, coloc)");
    CHECK(message_of<UnknownId>([&] { flow::capacity_view(net, {"cases"}, "volume"); }) ==
          "unknown layer 'cases' (layers: case, coloc)");
    CHECK(message_of<UnknownId>([&] { Network().layer_position("case"); }) ==
          "unknown layer 'case' (the network has no layers)");
    CHECK(net.layer_names() == "layers: case, coloc");
}

TEST_CASE("a weight no relation carries lists the fields and attributes", "[model][view][messages]") {
    Network net = small();
    CHECK(net.has_relation_value("volume"));
    CHECK(net.has_relation_value("capacity"));  // a field, though no relation has a value
    CHECK(net.has_relation_value("cost"));
    CHECK(net.has_relation_value("kind"));      // an attribute, though not a number
    CHECK_FALSE(net.has_relation_value("volumes"));
    CHECK(net.no_relation_has("volumes") == kNoVolumes);

    SECTION("Network::view") {
        CHECK(message_of<InputError>([&] { net.view(opts({}, "volumes")); }) == kNoVolumes);
        CHECK(message_of<InputError>([&] { net.view(opts({"coloc"}, "volumes")); }) == kNoVolumes);
    }
    SECTION("the flow selections use the same message") {
        CHECK(message_of<InputError>([&] { flow::capacity_view(net, {}, "volumes"); }) ==
              kNoVolumes);
        // a misspelt capacity is an error even when the fallback fills every gap
        CHECK(message_of<InputError>([&] { flow::capacity_view(net, {}, "volumes", "volume"); }) ==
              kNoVolumes);
        CHECK(message_of<InputError>([&] { flow::capacity_view(net, {"case"}, "cost", "volumes"); }) ==
              kNoVolumes);
        CHECK(message_of<InputError>([&] { flow::routed_view(net, {}, "volumes", "latency"); }) ==
              kNoVolumes);
        CHECK(message_of<InputError>([&] { flow::select_layers(net, {}, {"volumes"}, "lead time"); }) ==
              "lead time: " + kNoVolumes);
        CHECK(flow::describe_missing(net, {"volume", "volumes"}) == kNoVolumes);
    }
    SECTION("a network without relation attributes says so") {
        Network bare("b");
        bare.add_layer("case");
        for (const char* id : {"a", "b"}) bare.add_organisation({id, "", "", {}});
        bare.add_relation(rel("a", "b", "case", 1.0));
        CHECK(message_of<InputError>([&] { bare.view(opts({}, "kosten")); }) ==
              "no relation has 'kosten'; relation fields: volume, latency, quality, capacity; "
              "attributes: none");
    }
}

TEST_CASE("a weight some relations carry counts and names those that lack it",
          "[model][view][messages]") {
    Network net = small();
    SECTION("a field") {
        CHECK(message_of<InputError>([&] { net.view(opts({"case"}, "volume")); }) ==
              "1 selected relation lacks the weight 'volume': b -> c (layer 'case')");
    }
    SECTION("a field no relation has a value for") {
        CHECK(message_of<InputError>([&] { net.view(opts({}, "quality")); }) ==
              "3 selected relations lack the weight 'quality': a -> b (layer 'case'), "
              "b -> c (layer 'case'), a -> c (layer 'coloc')");
    }
    SECTION("an attribute some relations hold") {
        CHECK(message_of<InputError>([&] { net.view(opts({}, "cost")); }) ==
              "2 selected relations lack the weight 'cost': b -> c (layer 'case'), "
              "a -> c (layer 'coloc')");
        CHECK(message_of<InputError>([&] { flow::capacity_view(net, {}, "cost"); }) ==
              "2 selected relations lack the capacity 'cost': b -> c (layer 'case'), "
              "a -> c (layer 'coloc')");
    }
    SECTION("more than five are cut short") {
        for (int i = 0; i < 6; ++i) net.add_organisation({"x" + std::to_string(i), "", "", {}});
        for (int i = 0; i < 6; ++i) net.add_relation(rel("a", "x" + std::to_string(i), "case"));
        const std::string msg = message_of<InputError>([&] { net.view(opts({"case"}, "volume")); });
        CHECK(msg == "7 selected relations lack the weight 'volume': b -> c (layer 'case'), "
                     "a -> x0 (layer 'case'), a -> x1 (layer 'case'), a -> x2 (layer 'case'), "
                     "a -> x3 (layer 'case'), ...");
    }
}

TEST_CASE("MissingRelations words the count and cuts the list at five", "[model][messages]") {
    MissingRelations m;
    CHECK(m.empty());
    int labels = 0;
    for (int i = 0; i < 7; ++i) m.add([&] { ++labels; return "r" + std::to_string(i); });
    CHECK(labels == 5);  // labels are only made for the ones shown
    CHECK(m.message("the weight 'w'") ==
          "7 selected relations lack the weight 'w': r0, r1, r2, r3, r4, ...");
    MissingRelations one;
    one.add([] { return std::string("a -> b"); });
    CHECK(one.message("'x'") == "1 selected relation lacks 'x': a -> b");
}
