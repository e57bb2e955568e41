// JSON: strict reading. Every bad document raises the documented error naming the record.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ketennet/io/json.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;

namespace {

/// A valid document with one replacement applied to its text.
std::string doc(const std::string& relations = R"([{"source": "a", "target": "b", "layer": "case"}])",
                const std::string& organisations = R"([{"id": "a"}, {"id": "b"}])",
                const std::string& extra = "") {
    return R"({"ketennet": 1, "layers": [{"name": "case"}, {"name": "coloc", "directed": false}],
               "organisations": )" +
           organisations + R"(, "relations": )" + relations + extra + "}";
}

}  // namespace

TEST_CASE("the JSON document template is valid", "[io][json][errors]") {
    const Network net = io::read_json_string(doc());
    CHECK(net.relation_count() == 1);
    CHECK(net.organisation_count() == 2);
}

TEST_CASE("malformed JSON is a ParseError with line and column", "[io][json][errors]") {
    SECTION("trailing comma: the error is at the closing brace, line 4 column 1") {
        const std::string text = "{\n  \"ketennet\": 1,\n  \"name\": \"x\",\n}\n";
        const auto e = kt::error_of<ParseError>([&] { io::read_json_string(text, "net.json"); });
        CHECK(e->line() == 4);
        CHECK(e->column() == 1);
        CHECK(e->file() == "net.json");
        CHECK_THAT(std::string(e->what()), Catch::StartsWith("net.json:4:1: malformed JSON"));
    }
    SECTION("an unterminated string on line 3") {
        const std::string text = "{\n  \"ketennet\": 1,\n  \"name\": \"x\n}";
        const auto e = kt::error_of<ParseError>([&] { io::read_json_string(text); });
        CHECK(e->line() == 3);
        CHECK(e->column() > 0);
    }
    SECTION("a bad literal on line 2 column 8") {
        // column:          12345678
        const std::string text = "{\n  \"a\": x\n}";
        const auto e = kt::error_of<ParseError>([&] { io::read_json_string(text); });
        CHECK(e->line() == 2);
        CHECK(e->column() == 8);
    }
    SECTION("empty text") {
        CHECK_THROWS_AS(io::read_json_string(""), ParseError);
    }
    SECTION("a ParseError is an InputError") {
        CHECK_THROWS_AS(io::read_json_string("[1, 2"), InputError);
    }
}

// The documented message form is "<file>:<line>:<col>: malformed JSON: <what went wrong>";
// the description of nlohmann's error must survive, also for errors whose text contains
// "last read: ..." (invalid literals, unterminated strings).
TEST_CASE("the ParseError message keeps the description of the JSON error", "[io][json][errors]") {
    SECTION("invalid literal") {
        const std::string msg = message_of<ParseError>([] { io::read_json_string("{\n  \"a\": x\n}"); });
        CHECK_THAT(msg, Catch::Contains("syntax error"));
        CHECK_THAT(msg, Catch::Contains("invalid literal"));
    }
    SECTION("unterminated string") {
        const std::string msg = message_of<ParseError>([] { io::read_json_string("{\"a\": \"b"); });
        CHECK_THAT(msg, Catch::Contains("syntax error"));
    }
    SECTION("unexpected token (no 'last read' in the text)") {
        const std::string msg = message_of<ParseError>([] { io::read_json_string("{\"a\": 1,}"); });
        CHECK_THAT(msg, Catch::Contains("syntax error while parsing object"));
    }
}

TEST_CASE("the JSON schema version is checked", "[io][json][errors]") {
    SECTION("unknown version") {
        const std::string msg = message_of<InputError>(
            [] { io::read_json_string(R"({"ketennet": 3})", "net.json"); });
        CHECK_THAT(msg, Catch::Contains("net.json: /ketennet"));
        CHECK_THAT(msg, Catch::Contains("unknown schema version 3 (this ketennet reads versions 1 to 2)"));
    }
    SECTION("version 0") {
        CHECK_THROWS_AS(io::read_json_string(R"({"ketennet": 0})"), InputError);
    }
    SECTION("not an integer") {
        CHECK_THAT(message_of<InputError>([] { io::read_json_string(R"({"ketennet": "1"})"); }),
                   Catch::Contains("integer"));
        CHECK_THROWS_AS(io::read_json_string(R"({"ketennet": 1.5})"), InputError);
    }
    SECTION("missing ketennet key") {
        const std::string msg =
            message_of<InputError>([] { io::read_json_string(R"({"name": "x", "layers": []})"); });
        CHECK_THAT(msg, Catch::Contains("missing required key 'ketennet'"));
    }
    SECTION("not an object") {
        CHECK_THAT(message_of<InputError>([] { io::read_json_string("[]"); }),
                   Catch::Contains("expected an object, found array"));
    }
}

TEST_CASE("unknown keys are rejected wherever they appear", "[io][json][errors]") {
    struct Case {
        std::string text;
        std::string pointer;
        std::string key;
    };
    const Case c = GENERATE(
        Case{doc(R"([])", R"([])", R"(, "relation": [])"), "<string>: /:", "relation"},
        Case{doc(R"([{"source": "a", "target": "b", "layer": "case", "volumes": 3}])"),
             "/relations/0", "volumes"},
        Case{doc(R"([])", R"([{"id": "a", "sectors": "om"}])"), "/organisations/0", "sectors"},
        Case{R"({"ketennet": 1, "layers": [{"name": "x", "directed": true, "weighted": 1}]})",
             "/layers/0", "weighted"},
        Case{doc(R"([])", R"([{"id": "a"}])",
                 R"(, "chains": [{"name": "k", "stages": [{"name": "s", "organisations": [], "x": 1}]}])"),
             "/chains/0/stages/0", "x"});
    INFO(c.text);
    const std::string msg = message_of<InputError>([&] { io::read_json_string(c.text); });
    CHECK_THAT(msg, Catch::Contains(c.pointer));
    CHECK_THAT(msg, Catch::Contains("unknown key '" + c.key + "'"));
}

TEST_CASE("wrong types are rejected with the JSON pointer of the value", "[io][json][errors]") {
    struct Case {
        std::string text;
        std::string pointer;
    };
    const Case c = GENERATE(
        Case{R"({"ketennet": 1, "name": 5})", "/name"},
        Case{R"({"ketennet": 1, "metadata": [1]})", "/metadata"},
        Case{R"({"ketennet": 1, "layers": {}})", "/layers"},
        Case{R"({"ketennet": 1, "layers": [{"name": "x", "directed": "yes"}]})", "/layers/0/directed"},
        Case{R"({"ketennet": 1, "layers": ["case"]})", "/layers/0"},
        Case{doc(R"([])", R"([{"id": 7}])"), "/organisations/0/id"},
        Case{doc(R"([])", R"([{"id": "a", "name": null}])"), "/organisations/0/name"},
        Case{doc(R"([])", R"([{"id": "a", "attributes": []}])"), "/organisations/0/attributes"},
        Case{doc(R"([{"source": "a", "target": "b", "layer": "case", "volume": "3"}])"),
             "/relations/0/volume"},
        Case{doc(R"([{"source": "a", "target": "b", "layer": "case", "quality": true}])"),
             "/relations/0/quality"},
        Case{doc(R"([{"source": "a", "target": ["b"], "layer": "case"}])"), "/relations/0/target"},
        Case{doc(R"([{"source": "a", "target": "b"}])"), "/relations/0"},
        Case{doc(R"([])", R"([{"id": "a"}])", R"(, "chains": [{"name": "k", "stages": {}}])"),
             "/chains/0/stages"},
        Case{doc(R"([])", R"([{"id": "a"}])",
                 R"(, "chains": [{"name": "k", "stages": [{"name": "s", "organisations": [1]}]}])"),
             "/chains/0/stages/0/organisations/0"});
    INFO(c.text);
    const std::string msg = message_of<InputError>([&] { io::read_json_string(c.text); });
    CHECK_THAT(msg, Catch::Contains(c.pointer + ":"));
}

TEST_CASE("a relation to an unknown organisation or layer is UnknownId with its pointer",
          "[io][json][errors]") {
    SECTION("unknown target organisation in relation 1") {
        const std::string text = doc(R"([{"source": "a", "target": "b", "layer": "case"},
                                         {"source": "a", "target": "zz", "layer": "case"}])");
        const std::string msg = message_of<UnknownId>([&] { io::read_json_string(text, "net.json"); });
        CHECK_THAT(msg, Catch::StartsWith("net.json: /relations/1: "));
        CHECK_THAT(msg, Catch::Contains("'zz'"));
    }
    SECTION("unknown source organisation in relation 0") {
        const std::string msg = message_of<UnknownId>(
            [] { io::read_json_string(doc(R"([{"source": "x", "target": "b", "layer": "case"}])")); });
        CHECK_THAT(msg, Catch::Contains("/relations/0"));
    }
    SECTION("unknown layer") {
        const std::string msg = message_of<UnknownId>(
            [] { io::read_json_string(doc(R"([{"source": "a", "target": "b", "layer": "it"}])")); });
        CHECK_THAT(msg, Catch::Contains("/relations/0"));
        CHECK_THAT(msg, Catch::Contains("unknown layer 'it'"));
    }
    SECTION("unknown organisation in a chain") {
        const std::string msg = message_of<UnknownId>([] {
            io::read_json_string(doc(R"([])", R"([{"id": "a"}])",
                                     R"(, "chains": [{"name": "k", "stages": [{"name": "s", "organisations": ["q"]}]}])"));
        });
        CHECK_THAT(msg, Catch::Contains("/chains/0"));
        CHECK_THAT(msg, Catch::Contains("'q'"));
    }
}

TEST_CASE("duplicates are an InputError with their pointer", "[io][json][errors]") {
    SECTION("organisation id") {
        const std::string msg = message_of<InputError>(
            [] { io::read_json_string(doc(R"([])", R"([{"id": "a"}, {"id": "b"}, {"id": "a"}])")); });
        CHECK_THAT(msg, Catch::Contains("/organisations/2"));
        CHECK_THAT(msg, Catch::Contains("duplicate organisation id 'a'"));
    }
    SECTION("layer name") {
        const std::string msg = message_of<InputError>(
            [] { io::read_json_string(R"({"ketennet": 1, "layers": [{"name": "x"}, {"name": "x"}]})"); });
        CHECK_THAT(msg, Catch::Contains("/layers/1"));
    }
    SECTION("relation in a directed layer") {
        const std::string msg = message_of<InputError>([] {
            io::read_json_string(doc(R"([{"source": "a", "target": "b", "layer": "case"},
                                         {"source": "a", "target": "b", "layer": "case"}])"));
        });
        CHECK_THAT(msg, Catch::Contains("/relations/1"));
        CHECK_THAT(msg, Catch::Contains("duplicate"));
    }
    SECTION("reversed relation in an undirected layer") {
        const std::string msg = message_of<InputError>([] {
            io::read_json_string(doc(R"([{"source": "a", "target": "b", "layer": "coloc"},
                                         {"source": "b", "target": "a", "layer": "coloc"}])"));
        });
        CHECK_THAT(msg, Catch::Contains("/relations/1"));
    }
    SECTION("chain name") {
        CHECK_THROWS_AS(io::read_json_string(doc(R"([])", R"([{"id": "a"}])",
                                                 R"(, "chains": [{"name": "k", "stages": []}, {"name": "k", "stages": []}])")),
                        InputError);
    }
    SECTION("but the reverse of a directed relation is fine") {
        CHECK(io::read_json_string(doc(R"([{"source": "a", "target": "b", "layer": "case"},
                                           {"source": "b", "target": "a", "layer": "case"}])"))
                  .relation_count() == 2);
    }
}

TEST_CASE("out-of-range field values are an InputError naming the field", "[io][json][errors]") {
    struct Case {
        std::string field;
        std::string value;
        std::string why;
    };
    const Case c = GENERATE(Case{"quality", "1.5", "outside [0, 1]"},
                            Case{"quality", "-0.25", "outside [0, 1]"},
                            Case{"volume", "-1", "negative"},
                            Case{"latency", "-0.5", "negative"},
                            Case{"capacity", "-3", "negative"});
    const std::string text =
        doc(R"([{"source": "a", "target": "b", "layer": "case", ")" + c.field + "\": " + c.value + "}]");
    INFO(text);
    const std::string msg = message_of<InputError>([&] { io::read_json_string(text, "net.json"); });
    CHECK_THAT(msg, Catch::StartsWith("net.json: /relations/0/" + c.field + ": "));
    CHECK_THAT(msg, Catch::Contains("relation a -> b (layer 'case')"));
    CHECK_THAT(msg, Catch::Contains("field '" + c.field + "'"));
    CHECK_THAT(msg, Catch::Contains(c.why));
}

TEST_CASE("bad attributes are an InputError with their pointer", "[io][json][errors]") {
    SECTION("null attribute") {
        const std::string msg = message_of<InputError>(
            [] { io::read_json_string(doc(R"([])", R"([{"id": "a", "attributes": {"x": null}}])")); });
        CHECK_THAT(msg, Catch::Contains("/organisations/0/attributes/x"));
        CHECK_THAT(msg, Catch::Contains("null"));
    }
    SECTION("array attribute on a relation") {
        const std::string msg = message_of<InputError>([] {
            io::read_json_string(
                doc(R"([{"source": "a", "target": "b", "layer": "case", "attributes": {"refs": [1]}}])"));
        });
        CHECK_THAT(msg, Catch::Contains("/relations/0/attributes/refs"));
    }
    SECTION("object attribute") {
        CHECK_THROWS_AS(io::read_json_string(doc(R"([])", R"([{"id": "a", "attributes": {"x": {}}}])")),
                        InputError);
    }
    SECTION("reserved organisation attribute") {
        const std::string msg = message_of<InputError>(
            [] { io::read_json_string(doc(R"([])", R"([{"id": "a", "attributes": {"sector": "om"}}])")); });
        CHECK_THAT(msg, Catch::Contains("/organisations/0"));
        CHECK_THAT(msg, Catch::Contains("'sector'"));
    }
    SECTION("reserved relation attribute") {
        const std::string msg = message_of<InputError>([] {
            io::read_json_string(
                doc(R"([{"source": "a", "target": "b", "layer": "case", "attributes": {"volume": 1}}])"));
        });
        CHECK_THAT(msg, Catch::Contains("/relations/0"));
        CHECK_THAT(msg, Catch::Contains("'volume'"));
    }
    SECTION("empty organisation id") {
        CHECK_THAT(message_of<InputError>([] { io::read_json_string(doc(R"([])", R"([{"id": ""}])")); }),
                   Catch::Contains("/organisations/0/id"));
    }
}

TEST_CASE("reading a missing file or a directory is a FileError", "[io][json][errors][file]") {
    kt::TempDir dir;
    SECTION("missing file") {
        const std::string path = dir.file("does-not-exist.json");
        const auto e = kt::error_of<FileError>([&] { io::read_json(path); });
        CHECK(e->not_found());
        CHECK_THAT(std::string(e->what()), Catch::Contains(path));
    }
    SECTION("a directory") {
        const auto e = kt::error_of<FileError>([&] { io::read_json(dir.path().string()); });
        CHECK_FALSE(e->not_found());
        CHECK_THAT(std::string(e->what()), Catch::Contains("directory"));
    }
    SECTION("writing into a missing directory") {
        CHECK_THROWS_AS(io::write_json(Network(), dir.file("no/such/dir/net.json")), FileError);
    }
    SECTION("writing onto a directory") {
        const auto e = kt::error_of<FileError>([&] { io::write_json(Network(), dir.path().string()); });
        CHECK_FALSE(e->not_found());
    }
    SECTION("a malformed file names the file in the ParseError") {
        const std::string path = kt::data_file("malformed.json");
        const auto e = kt::error_of<ParseError>([&] { io::read_json(path); });
        CHECK(e->file() == path);
        CHECK(e->line() == 7);
    }
}
