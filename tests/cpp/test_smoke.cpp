#include <catch2/catch.hpp>
#include "ketennet/ketennet.hpp"
TEST_CASE("smoke") {
    ketennet::Network net("t");
    net.add_layer("case");
    net.add_organisation({"a", "A", "politie", {}});
    net.add_organisation({"b", "B", "om", {}});
    net.add_relation({"a", "b", "case", 3.0, {}, {}, {}, {}});
    auto v = net.view();
    REQUIRE(v->m() == 1);
    auto txt = ketennet::io::write_json_string(net);
    auto back = ketennet::io::read_json_string(txt);
    REQUIRE(back == net);
    auto g = ketennet::io::write_graphml_string(net);
    REQUIRE(ketennet::io::read_graphml_string(g) == net);
}
