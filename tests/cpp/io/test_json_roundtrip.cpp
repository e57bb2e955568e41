// JSON: write -> read gives an equal network; writing again gives the same text.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ketennet/io/json.hpp"
#include "io_fixtures.hpp"

using namespace ketennet;

namespace {

void check_round_trip(const Network& net, int indent) {
    const std::string text = io::write_json_string(net, indent);
    const Network back = io::read_json_string(text);
    kt::check_same_network(back, net);
    CHECK(io::write_json_string(back, indent) == text);
}

}  // namespace

TEST_CASE("JSON round trip of a network using every part of the model", "[io][json]") {
    const Network net = kt::rich_network();
    const int indent = GENERATE(2, 0, -1, 4);
    INFO("indent " << indent);
    check_round_trip(net, indent);
    if (indent < 0) CHECK(io::write_json_string(net, indent).find('\n') == std::string::npos);
}

TEST_CASE("JSON round trip of an empty network", "[io][json]") {
    check_round_trip(Network(), 2);
    check_round_trip(Network("only a name"), 2);
    const std::string text = io::write_json_string(Network(), -1);
    CHECK(text ==
          R"({"ketennet":2,"name":"","metadata":{},"layers":[],"organisations":[],"relations":[],"chains":[]})");
}

TEST_CASE("JSON round trip of layers without relations and an all-undirected network",
          "[io][json]") {
    Network net;
    net.add_layer("case");
    net.add_layer("coloc", false);
    check_round_trip(net, 2);
    check_round_trip(kt::undirected_network(), 2);
}

TEST_CASE("JSON keeps strings with quotes, backslashes and line breaks", "[io][json]") {
    Network net;
    net.add_organisation({"a", "say \"hi\"\\ \t tab", "",
                          {{"note", std::string("line 1\r\nline 2\rline 3\n")}}});
    check_round_trip(net, 2);
}

TEST_CASE("JSON text follows the documented layout", "[io][json]") {
    const Network net = kt::rich_network();
    const std::string text = io::write_json_string(net, 2);
    // top-level keys in the documented order
    std::size_t last = 0;
    for (const char* key : {"\"ketennet\": 2", "\"name\"", "\"metadata\"", "\"layers\"",
                            "\"organisations\"", "\"relations\"", "\"chains\""}) {
        INFO(key);
        const std::size_t pos = text.find(key);
        REQUIRE(pos != std::string::npos);
        CHECK(pos >= last);
        last = pos;
    }
    // integral numbers without a fraction, unknown fields as null
    CHECK(text.find("\"volume\": 168800,") != std::string::npos);
    CHECK(text.find("\"volume\": 168800.0") == std::string::npos);
    CHECK(text.find("\"latency\": null") != std::string::npos);
    CHECK(text.find("\"quality\": 0.85") != std::string::npos);
    // metadata key order is kept (zeta before ratio, z before a), not sorted
    const auto md = text.find("\"metadata\"");
    CHECK(text.find("\"zeta\"", md) < text.find("\"ratio\"", md));
    CHECK(text.find("\"z\": 1", md) < text.find("\"a\": {", md));
    CHECK(text.find("\"ratio\"", md) < text.find("\"alpha\"", md));
    const Network back = io::read_json_string(text);
    std::vector<std::string> keys;
    for (auto it = back.metadata().begin(); it != back.metadata().end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"year", "sources", "zeta", "ratio", "alpha"});
    // unicode is written as UTF-8 and read back unchanged
    CHECK(text.find("Strafrechtketen \xE2\x80\x93 Noord") != std::string::npos);
    CHECK(back.organisation("cjib").attributes.at("motto") ==
          AttributeValue(std::string("\xE2\x82\xAC boetes \xF0\x9F\x92\xB6")));
}

TEST_CASE("JSON reader fills defaults for optional keys", "[io][json]") {
    const Network net = io::read_json_string(R"({
      "ketennet": 1,
      "layers": [{"name": "case"}, {"name": "coloc", "directed": false}],
      "organisations": [{"id": "a"}, {"id": "b", "name": "B"}],
      "relations": [{"source": "a", "target": "b", "layer": "case", "volume": 3},
                    {"source": "b", "target": "a", "layer": "coloc", "quality": null}]
    })");
    CHECK(net.name().empty());
    CHECK(net.metadata() == nlohmann::ordered_json::object());
    CHECK(net.layer("case").directed);
    CHECK_FALSE(net.layer("coloc").directed);
    CHECK(net.organisation("a") == Organisation{"a", "", "", {}});
    CHECK(net.organisation("b").name == "B");
    CHECK(net.relation(0) == kt::rel("a", "b", "case", 3.0));
    CHECK(net.relation(1) == kt::rel("b", "a", "coloc"));
    CHECK(net.chains().empty());
}

TEST_CASE("JSON integers and reals are both numbers", "[io][json]") {
    const Network net = io::read_json_string(R"({"ketennet": 1,
      "organisations": [{"id": "a", "attributes": {"i": 3, "r": 3.0, "e": 1e3, "n": -0.5}}]})");
    const auto& a = net.organisation("a").attributes;
    CHECK(a.at("i") == AttributeValue(3.0));
    CHECK(a.at("r") == AttributeValue(3.0));
    CHECK(a.at("e") == AttributeValue(1000.0));
    CHECK(a.at("n") == AttributeValue(-0.5));
}

TEST_CASE("JSON write_json and read_json through a file", "[io][json][file]") {
    kt::TempDir dir;
    const Network net = kt::rich_network();
    const std::string path = dir.file("net.json");
    io::write_json(net, path);
    CHECK(io::read_json(path) == net);
    io::write_json(net, path, -1);  // overwrites
    CHECK(io::read_json(path) == net);
}

// Errors must be ketennet errors (errors.hpp: "every error the library raises derives from
// ketennet::Error"). A name that is not UTF-8 (Latin-1 "cafe" with e-acute) may be rejected
// when added or when written, but not with a foreign exception type.
TEST_CASE("JSON writing a string that is not UTF-8 raises no foreign exception", "[io][json]") {
    Network net;
    bool foreign = false;
    std::string what;
    try {
        net.add_organisation({"a", "caf\xE9", "", {}});
        (void)io::write_json_string(net);
    } catch (const ketennet::Error&) {
    } catch (const std::exception& e) {
        foreign = true;
        what = e.what();
    }
    INFO(what);
    CHECK_FALSE(foreign);
}
