// GraphML: ketennet -> GraphML -> ketennet is exact; writing again gives the same text.
#include <catch2/catch.hpp>

#include "ketennet/io/graphml.hpp"
#include "ketennet/io/json.hpp"
#include "io_fixtures.hpp"

using namespace ketennet;

namespace {

void check_round_trip(const Network& net) {
    const std::string text = io::write_graphml_string(net);
    const Network back = io::read_graphml_string(text);
    kt::check_same_network(back, net);
    CHECK(io::write_graphml_string(back) == text);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("GraphML round trip of a network using every part of the model", "[io][graphml]") {
    const Network net = kt::rich_network();
    check_round_trip(net);
    const std::string text = io::write_graphml_string(net);
    CHECK(count(text, "<node ") == 5);
    CHECK(count(text, "<edge ") == 6);
    // mixed layers: directed by default, the two coloc edges marked undirected
    CHECK(count(text, "edgedefault=\"directed\"") == 1);
    CHECK(count(text, "directed=\"false\"") == 2);
    // typed keys
    CHECK(text.find("attr.name=\"published\" attr.type=\"boolean\"") != std::string::npos);
    CHECK(text.find("attr.name=\"fte\" attr.type=\"double\"") != std::string::npos);
    CHECK(text.find("attr.name=\"region\" attr.type=\"string\"") != std::string::npos);
}

TEST_CASE("GraphML round trip of an all-undirected network uses edgedefault undirected",
          "[io][graphml]") {
    const Network net = kt::undirected_network();
    check_round_trip(net);
    const std::string text = io::write_graphml_string(net);
    CHECK(text.find("edgedefault=\"undirected\"") != std::string::npos);
    CHECK(text.find("directed=\"false\"") == std::string::npos);
}

TEST_CASE("GraphML round trip of empty networks and layers without relations", "[io][graphml]") {
    check_round_trip(Network());
    check_round_trip(Network("named"));
    Network layers_only("G");  // the name that the writer uses for unnamed graphs
    layers_only.add_layer("case");
    layers_only.add_layer("coloc", false);
    layers_only.add_organisation({"a", "", "", {}});
    check_round_trip(layers_only);
}

TEST_CASE("GraphML keeps strings with markup characters and unicode", "[io][graphml]") {
    Network net("<ketens> & \"netwerken\"");
    net.add_organisation({"a&b", "Zorg- en Veiligheidshuis \xE2\x80\x99s-Hertogenbosch <ZVH>", "zvh",
                          {{"note", std::string("x < y & y > z, \"quoted\" 'single'")},
                           {"spaces", std::string("  padded  ")},
                           {"blank", std::string("   ")},
                           {"empty", std::string("")}}});
    net.add_organisation({"\xC3\xA9\xC3\xA9n", "", "", {}});
    net.add_layer("case");
    net.add_relation(kt::rel("a&b", "\xC3\xA9\xC3\xA9n", "case", 1.0));
    check_round_trip(net);
}

TEST_CASE("GraphML keeps line breaks in strings", "[io][graphml]") {
    Network net;
    net.add_organisation({"a", "two\nlines", "", {{"note", std::string("unix\nline")}}});
    check_round_trip(net);
}

// The header promises that ketennet -> GraphML -> ketennet is exact. A carriage return (a
// Windows line break in a description pasted from a spreadsheet) is written raw and turned
// into '\n' by the XML parser's line-end normalisation.
TEST_CASE("GraphML keeps carriage returns in strings", "[io][graphml]") {
    Network net;
    net.add_organisation({"a", "", "", {{"note", std::string("line 1\r\nline 2\rline 3")}}});
    check_round_trip(net);
}

TEST_CASE("GraphML numbers keep full precision", "[io][graphml]") {
    Network net;
    net.add_layer("case");
    net.add_organisation({"a", "", "", {{"third", 1.0 / 3.0}, {"big", 1e300}, {"neg", -0.1}}});
    net.add_organisation({"b", "", "", {}});
    Relation r = kt::rel("a", "b", "case", 0.1 + 0.2);
    r.quality = 1.0 / 7.0;
    r.latency = 123456789.125;
    net.add_relation(r);
    check_round_trip(net);
    const Network back = io::read_graphml_string(io::write_graphml_string(net));
    CHECK(back.relation(0).volume == std::optional<double>(0.1 + 0.2));
}

TEST_CASE("GraphML cannot write one attribute name with two types", "[io][graphml]") {
    Network net;
    net.add_organisation({"a", "", "", {{"x", 1.0}}});
    net.add_organisation({"b", "", "", {{"x", std::string("one")}}});
    const std::string msg = kt::message_of<InputError>([&] { io::write_graphml_string(net); });
    CHECK_THAT(msg, Catch::Contains("attribute 'x'"));
    CHECK_THAT(msg, Catch::Contains("organisation 'b'"));
    // the same name on nodes and edges may differ in type: they are separate keys
    Network ok;
    ok.add_layer("case");
    ok.add_organisation({"a", "", "", {{"x", 1.0}}});
    Relation r = kt::rel("a", "a", "case");
    r.attributes = {{"x", true}};
    ok.add_relation(r);
    check_round_trip(ok);
}

TEST_CASE("GraphML write_graphml and read_graphml through a file", "[io][graphml][file]") {
    kt::TempDir dir;
    const Network net = kt::rich_network();
    const std::string path = dir.file("net.graphml");
    io::write_graphml(net, path);
    CHECK(io::read_graphml(path) == net);
}

TEST_CASE("GraphML keeps tabs and line breaks in ids, names and layer names", "[io][graphml]") {
    Network net("net\tname\r\n");
    net.add_layer("L\tx", false);
    net.add_organisation({"a\tb\nc\r", "x\ty", "", {{"k\tk", std::string("v\r\nw\tz")}}});
    net.add_organisation({"b c", "", "", {}});
    Relation r = kt::rel("a\tb\nc\r", "b c", "L\tx");
    r.attributes = {{"blank", std::string("\t\r\n")}};
    net.add_relation(r);
    check_round_trip(net);
}

TEST_CASE("GraphML cannot write control characters that XML 1.0 cannot hold", "[io][graphml]") {
    Network net;
    SECTION("in a name") { net.add_organisation({"a", "bell\x07", "", {}}); }
    SECTION("in an id") { net.add_organisation({std::string("a\x01", 2), "", "", {}}); }
    SECTION("in a relation attribute") {
        net.add_layer("L");
        net.add_organisation({"a", "", "", {}});
        Relation r = kt::rel("a", "a", "L");
        r.attributes = {{"note", std::string("esc\x1b")}};
        net.add_relation(r);
    }
    const std::string msg = kt::message_of<InputError>([&] { io::write_graphml_string(net); });
    CHECK_THAT(msg, Catch::Contains("control character"));
    // JSON escapes them and keeps them
    CHECK(io::read_json_string(io::write_json_string(net)) == net);
}
