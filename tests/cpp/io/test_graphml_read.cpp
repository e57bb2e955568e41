// GraphML reading: foreign files (as NetworkX writes them) and bad input.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ketennet/io/graphml.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;

namespace {

const std::string head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                      // line 1
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";     // line 2

/// The ParseError of reading @p text (fails the test if there is none).
ParseError parse_error(const std::string& text) {
    return *kt::error_of<ParseError>([&] { io::read_graphml_string(text, "in.graphml"); });
}

}  // namespace

// tests/cpp/data/networkx_foreign.graphml, as NetworkX writes it:
//
//   politie --- om --- rechtspraak        (edgedefault undirected, no layer data)
//
// node keys name/sector/staff(long)/budget(double)/published(boolean, default false),
// edge keys volume(double)/channel(string)/weight(int), graph keys source/year.
TEST_CASE("a foreign GraphML file as NetworkX writes it is read with typed attributes",
          "[io][graphml][foreign]") {
    const Network net = io::read_graphml(kt::data_file("networkx_foreign.graphml"));

    CHECK(net.name().empty());
    REQUIRE(net.layers().size() == 1);
    CHECK(net.layers()[0] == Layer{"default", false, LayerKind::tie});

    REQUIRE(net.organisation_count() == 3);
    CHECK(*net.ids() == std::vector<std::string>{"politie", "om", "rechtspraak"});
    CHECK(net.organisation("politie") ==
          Organisation{"politie", "Nationale Politie", "politie",
                       {{"staff", 63000.0}, {"budget", 6.5}, {"published", true}}});
    CHECK(net.organisation("om") ==
          Organisation{"om", "Openbaar Ministerie", "", {{"staff", 5000.0}, {"published", false}}});
    CHECK(net.organisation("rechtspraak") ==
          Organisation{"rechtspraak", "", "", {{"published", false}}});  // the key default

    REQUIRE(net.relation_count() == 2);
    Relation po = kt::rel("politie", "om", "default", 168800.5);
    po.attributes = {{"channel", std::string("ketenportaal")}, {"weight", 3.0}};
    CHECK(net.relation(0) == po);
    CHECK(net.relation(1) == kt::rel("rechtspraak", "om", "default", 90000.0));
    CHECK(net.has_relation("om", "politie", "default"));  // undirected

    // graph-level data of foreign keys are kept in the metadata
    REQUIRE(net.metadata().contains("graphml"));
    CHECK(net.metadata()["graphml"]["source"] == "WODC");
    CHECK(net.metadata()["graphml"]["year"] == 2022);

    SECTION("the layer argument names the layer") {
        const Network named = io::read_graphml(kt::data_file("networkx_foreign.graphml"), "case");
        REQUIRE(named.layers().size() == 1);
        CHECK(named.layers()[0] == Layer{"case", false, LayerKind::cases});
        CHECK(named.has_relation("om", "rechtspraak", "case"));
    }
    SECTION("an undirected view of the foreign file") {
        const ViewPtr v = net.view(kt::opts({}, "volume"));
        CHECK_FALSE(v->directed());
        CHECK(v->m() == 2);
        CHECK(*v->find_weight(1, 0) == 168800.5);
    }
}

//   edgedefault directed; layer data on some edges:
//   a --> b (no layer: "default"),   b --- c (layer coloc, directed="false"),  c --> a (layer case)
TEST_CASE("GraphML layers are created on first use, directed as their first edge",
          "[io][graphml][foreign]") {
    const std::string text = head +
        "  <key id=\"l\" for=\"edge\" attr.name=\"layer\" attr.type=\"string\"/>\n"
        "  <key id=\"q\" for=\"all\" attr.name=\"quality\" attr.type=\"float\"><default>0.5</default></key>\n"
        "  <graph id=\"keten\" edgedefault=\"directed\">\n"
        "    <node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"
        "    <edge source=\"a\" target=\"b\"/>\n"
        "    <edge source=\"b\" target=\"c\" directed=\"false\"><data key=\"l\">coloc</data></edge>\n"
        "    <edge source=\"c\" target=\"a\"><data key=\"l\">case</data><data key=\"q\">1</data></edge>\n"
        "  </graph>\n"
        "</graphml>\n";
    const Network net = io::read_graphml_string(text);
    CHECK(net.name() == "keten");  // the graph id, when there is no ketennet datum
    CHECK(net.layers() == std::vector<Layer>{{"default", true, LayerKind::information},
                                          {"coloc", false, LayerKind::tie},
                                          {"case", true, LayerKind::cases}});
    REQUIRE(net.relation_count() == 3);
    CHECK(net.relation(0).quality == std::optional<double>(0.5));  // key default, for="all"
    CHECK(net.relation(2).quality == std::optional<double>(1.0));
    CHECK(net.has_relation("c", "b", "coloc"));
    // the key is declared for all: nodes get the default as an attribute
    CHECK(net.organisation("a").attributes.at("quality") == AttributeValue(0.5));
}

TEST_CASE("malformed XML is a ParseError with its line", "[io][graphml][errors]") {
    const std::string text = head +                         // lines 1-2
                             "  <graph edgedefault=\"directed\">\n"  // 3
                             "    <node id=\"a\">\n"                 // 4
                             "  </graph>\n"                          // 5: <node> not closed
                             "</graphml>\n";
    const ParseError e = parse_error(text);
    CHECK(e.line() == 5);
    CHECK(e.file() == "in.graphml");
    CHECK_THAT(std::string(e.what()), Catch::StartsWith("in.graphml:5:"));
    CHECK_THAT(std::string(e.what()), Catch::Contains("malformed XML"));
}

TEST_CASE("GraphML data with an undeclared key is a ParseError at its line", "[io][graphml][errors]") {
    SECTION("on a node") {
        const std::string text = head +
                                 "  <key id=\"d0\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"  // 3
                                 "  <graph edgedefault=\"directed\">\n"                                        // 4
                                 "    <node id=\"a\"><data key=\"d0\">A</data></node>\n"                      // 5
                                 "    <node id=\"b\">\n"                                                       // 6
                                 "      <data key=\"d9\">x</data>\n"                                           // 7
                                 "    </node>\n"
                                 "  </graph>\n"
                                 "</graphml>\n";
        const ParseError e = parse_error(text);
        CHECK(e.line() == 7);
        CHECK_THAT(std::string(e.what()), Catch::Contains("undeclared key 'd9'"));
    }
    SECTION("on an edge") {
        const std::string text = head +
                                 "  <graph edgedefault=\"directed\">\n"                                  // 3
                                 "    <node id=\"a\"/>\n"                                                // 4
                                 "    <edge source=\"a\" target=\"a\"><data key=\"w\">1</data></edge>\n"  // 5
                                 "  </graph>\n"
                                 "</graphml>\n";
        const ParseError e = parse_error(text);
        CHECK(e.line() == 5);
        CHECK_THAT(std::string(e.what()), Catch::Contains("undeclared key 'w'"));
    }
    SECTION("on the graph") {
        const std::string text = head +
                                 "  <graph edgedefault=\"directed\">\n"  // 3
                                 "    <data key=\"g\">1</data>\n"        // 4
                                 "  </graph>\n"
                                 "</graphml>\n";
        CHECK(parse_error(text).line() == 4);
    }
}

// As in the JSON reader, an unknown organisation is UnknownId; its message names the line.
TEST_CASE("a GraphML edge to an unknown node is UnknownId naming it and its line",
          "[io][graphml][errors]") {
    const std::string text = head +
                             "  <graph edgedefault=\"directed\">\n"          // 3
                             "    <node id=\"a\"/>\n"                        // 4
                             "    <node id=\"b\"/>\n"                        // 5
                             "    <edge source=\"a\" target=\"b\"/>\n"       // 6
                             "    <edge source=\"b\" target=\"zz\"/>\n"      // 7
                             "  </graph>\n"
                             "</graphml>\n";
    const std::string msg =
        message_of<UnknownId>([&] { io::read_graphml_string(text, "in.graphml"); });
    CHECK_THAT(msg, Catch::StartsWith("in.graphml:7:"));
    CHECK_THAT(msg, Catch::Contains("unknown target organisation 'zz'"));
}

TEST_CASE("a directed GraphML edge in an undirected layer is an error", "[io][graphml][errors]") {
    SECTION("the layer declared undirected in the ketennet datum") {
        Network net;
        net.add_layer("coloc", false);
        net.add_organisation({"a", "", "", {}});
        net.add_organisation({"b", "", "", {}});
        net.add_relation(kt::rel("a", "b", "coloc"));
        std::string text = io::write_graphml_string(net);
        // the writer uses edgedefault undirected here; make the graph directed
        const auto pos = text.find("edgedefault=\"undirected\"");
        REQUIRE(pos != std::string::npos);
        text.replace(pos, std::string("edgedefault=\"undirected\"").size(), "edgedefault=\"directed\"");
        const ParseError e = parse_error(text);
        CHECK_THAT(std::string(e.what()), Catch::Contains("is directed but layer 'coloc' is undirected"));
        CHECK(e.line() > 0);
    }
    SECTION("the layer made undirected by its first edge") {
        const std::string text = head +
                                 "  <graph edgedefault=\"undirected\">\n"                   // 3
                                 "    <node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"   // 4
                                 "    <edge source=\"a\" target=\"b\"/>\n"                  // 5
                                 "    <edge source=\"b\" target=\"c\" directed=\"true\"/>\n"  // 6
                                 "  </graph>\n"
                                 "</graphml>\n";
        const ParseError e = parse_error(text);
        CHECK(e.line() == 6);
        CHECK_THAT(std::string(e.what()), Catch::Contains("layer 'default' is undirected"));
    }
}

TEST_CASE("unsupported or incomplete GraphML is a ParseError", "[io][graphml][errors]") {
    struct Case {
        std::string body;
        std::string message;
    };
    const Case c = GENERATE(
        Case{"<graph edgedefault=\"directed\"><node id=\"a\"/><node id=\"a\"/></graph>",
             "duplicate organisation id 'a'"},
        Case{"<graph><node id=\"a\"/></graph>", "edgedefault"},
        Case{"", "no <graph> element"},
        Case{"<graph edgedefault=\"directed\"/><graph edgedefault=\"directed\"/>", "more than one"},
        Case{"<graph edgedefault=\"directed\"><node id=\"a\"><graph edgedefault=\"directed\"/></node></graph>",
             "nested graphs"},
        Case{"<graph edgedefault=\"directed\"><hyperedge/></graph>", "hyperedges"},
        Case{"<graph edgedefault=\"directed\"><node id=\"a\"><port name=\"p\"/></node></graph>", "ports"},
        Case{"<graph edgedefault=\"directed\"><node/></graph>", "<node> without an id"},
        Case{"<graph edgedefault=\"directed\"><node id=\"a\"/><edge source=\"a\" target=\"a\" directed=\"yes\"/></graph>",
             "directed must be true or false"},
        Case{"<key id=\"v\" for=\"edge\" attr.name=\"volume\" attr.type=\"double\"/>"
             "<graph edgedefault=\"directed\"><node id=\"a\"/><edge source=\"a\" target=\"a\"><data key=\"v\">many</data></edge></graph>",
             "'many' is not a number"},
        Case{"<key id=\"v\" for=\"edge\" attr.name=\"volume\" attr.type=\"string\"/>"
             "<graph edgedefault=\"directed\"><node id=\"a\"/><edge source=\"a\" target=\"a\"><data key=\"v\">3</data></edge></graph>",
             "must be numeric"},
        Case{"<key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>"
             "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"k\">2.5</data></node></graph>",
             "is not an integer"},
        Case{"<key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"double\"/>"
             "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"k\">NaN</data></node></graph>",
             "not finite"},
        Case{"<key id=\"k\" for=\"node\" attr.name=\"ok\" attr.type=\"boolean\"/>"
             "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"k\">yes</data></node></graph>",
             "is not a boolean"},
        Case{"<key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"complex\"/>"
             "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"k\">1</data></node></graph>",
             "unsupported attr.type"},
        Case{"<key id=\"k\" for=\"edge\" attr.name=\"n\" attr.type=\"string\"/>"
             "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"k\">1</data></node></graph>",
             "declared for edge"},
        Case{"<key id=\"k\" for=\"node\"/><key id=\"k\" for=\"node\"/><graph edgedefault=\"directed\"/>",
             "duplicate key id 'k'"});
    const std::string text = head + c.body + "</graphml>\n";
    INFO(text);
    const ParseError e = parse_error(text);
    CHECK_THAT(std::string(e.what()), Catch::Contains(c.message));
}

TEST_CASE("a GraphML document without a graphml root is a ParseError", "[io][graphml][errors]") {
    const ParseError e = parse_error("<?xml version=\"1.0\"?>\n<graph edgedefault=\"directed\"/>\n");
    CHECK_THAT(std::string(e.what()), Catch::Contains("no <graphml> root"));
}

TEST_CASE("bad relation values in GraphML are an error naming the field", "[io][graphml][errors]") {
    const std::string field = GENERATE(as<std::string>{}, "quality", "volume", "latency", "capacity");
    const std::string value = field == "quality" ? "1.5" : "-2";
    const std::string text = head +
                             "  <key id=\"f\" for=\"edge\" attr.name=\"" + field + "\" attr.type=\"double\"/>\n"  // 3
                             "  <graph edgedefault=\"directed\">\n"                                               // 4
                             "    <node id=\"a\"/><node id=\"b\"/>\n"                                             // 5
                             "    <edge source=\"a\" target=\"b\"><data key=\"f\">" + value + "</data></edge>\n"  // 6
                             "  </graph>\n"
                             "</graphml>\n";
    const ParseError e = parse_error(text);
    CHECK(e.line() == 6);
    CHECK_THAT(std::string(e.what()), Catch::Contains("a -> b"));
    CHECK_THAT(std::string(e.what()), Catch::Contains("field '" + field + "'"));
}

TEST_CASE("a corrupt ketennet graph datum is a ParseError", "[io][graphml][errors]") {
    const std::string key = "  <key id=\"ketennet\" for=\"graph\" attr.name=\"ketennet\" attr.type=\"string\"/>\n";
    SECTION("not JSON") {
        const ParseError e = parse_error(head + key +
                                         "  <graph edgedefault=\"directed\">\n"
                                         "    <data key=\"ketennet\">{oops</data>\n"  // line 5
                                         "  </graph>\n</graphml>\n");
        CHECK(e.line() == 5);
        CHECK_THAT(std::string(e.what()), Catch::Contains("not valid JSON"));
    }
    SECTION("unknown schema version") {
        const ParseError e = parse_error(head + key +
                                         "  <graph edgedefault=\"directed\">\n"
                                         "    <data key=\"ketennet\">{\"version\": 9}</data>\n"
                                         "  </graph>\n</graphml>\n");
        CHECK_THAT(std::string(e.what()), Catch::Contains("unknown schema version 9"));
    }
}

TEST_CASE("a GraphML chain with an unknown organisation is UnknownId", "[io][graphml][errors]") {
    const std::string text =
        head +
        "  <key id=\"ketennet\" for=\"graph\" attr.name=\"ketennet\" attr.type=\"string\"/>\n"  // 3
        "  <graph edgedefault=\"directed\">\n"                                                        // 4
        "    <data key=\"ketennet\">{\"version\": 1, \"chains\": [{\"name\": \"k\", \"stages\": "        // 5
        "[{\"name\": \"s\", \"organisations\": [\"ghost\"]}]}]}</data>\n"
        "  </graph>\n</graphml>\n";
    const std::string msg = message_of<UnknownId>([&] { io::read_graphml_string(text, "in.graphml"); });
    CHECK_THAT(msg, Catch::StartsWith("in.graphml:5:"));
    CHECK_THAT(msg, Catch::Contains("'ghost'"));
}

TEST_CASE("reading a missing GraphML file or a directory is a FileError", "[io][graphml][errors][file]") {
    kt::TempDir dir;
    SECTION("missing file") {
        const std::string path = dir.file("nothing.graphml");
        const auto e = kt::error_of<FileError>([&] { io::read_graphml(path); });
        CHECK(e->not_found());
        CHECK_THAT(std::string(e->what()), Catch::Contains(path));
    }
    SECTION("a directory") {
        const auto e = kt::error_of<FileError>([&] { io::read_graphml(dir.path().string()); });
        CHECK_FALSE(e->not_found());
    }
    SECTION("writing into a missing directory") {
        CHECK_THROWS_AS(io::write_graphml(Network(), dir.file("no/such/dir/x.graphml")), FileError);
    }
}
