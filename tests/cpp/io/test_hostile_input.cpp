// JSON and GraphML readers under hostile input: limits checked while reading, typed errors
// naming the file and place, valid text in messages, NUL in paths, atomic writes.
#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "ketennet/io/graphml.hpp"
#include "ketennet/io/json.hpp"
#include "ketennet/io/limits.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;

namespace {

/// A document whose metadata nests @p levels arrays (at document levels 3 ... 2 + levels).
std::string deep_json(std::size_t levels) {
    return R"({"ketennet": 1, "metadata": {"x": )" + std::string(levels, '[') + std::string(levels, ']') + "}}";
}

std::string graphml_with_datum(const std::string& datum) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "<key id=\"ketennet\" for=\"graph\" attr.name=\"ketennet\" attr.type=\"string\"/>\n"
           "<graph edgedefault=\"directed\">\n"
           "<data key=\"ketennet\">" + datum + "</data>\n"
           "<node id=\"a\"/>\n</graph>\n</graphml>\n";
}

const std::string graphml_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"v\" for=\"edge\" attr.name=\"volume\" attr.type=\"double\"/>\n"
    "<graph edgedefault=\"directed\">\n";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("JSON nesting deeper than the limit fails while parsing", "[io][json][limits]") {
    const std::string msg = message_of<InputError>([&] { io::read_json_string(deep_json(300000), "deep.json"); });
    CHECK_THAT(msg, Catch::StartsWith("deep.json: /metadata: nesting deeper than 256 levels (limit: json_depth"));
    CHECK(io::read_json_string(deep_json(254)).metadata()["x"].is_array());
    CHECK_THROWS_AS(io::read_json_string(deep_json(255)), InputError);
    io::Limits limits;
    limits.json_depth = 300;
    CHECK(io::read_json_string(deep_json(298), "<string>", limits).metadata().is_object());
    CHECK_THAT(message_of<InputError>([&] { io::read_json_string(deep_json(299), "d", limits); }),
               Catch::Contains("nesting deeper than 300 levels"));
}

TEST_CASE("set_metadata holds metadata to the depth limit", "[io][json][limits]") {
    Network net;
    nlohmann::ordered_json deep = nlohmann::ordered_json::array();
    for (int i = 0; i < 254; ++i) deep = nlohmann::ordered_json::array({deep});  // 255 arrays
    nlohmann::ordered_json md = nlohmann::ordered_json::object();
    md["x"] = deep;
    CHECK_THAT(message_of<InputError>([&] { net.set_metadata(md); }),
               Catch::Contains("/metadata: nesting deeper than 256 levels"));
    CHECK(net.metadata().empty());
    net.set_metadata(md, 257);
    CHECK(io::read_json_string(io::write_json_string(net), "<string>", io::Limits{257, 1u << 20}) == net);
}

TEST_CASE("JSON in a GraphML ketennet datum is held to the same rules", "[io][graphml][limits]") {
    const std::string deep = R"({"version": 1, "metadata": {"x": )" + std::string(300000, '[') +
                             std::string(300000, ']') + "}}";
    const std::string msg = message_of<ParseError>([&] { io::read_graphml_string(graphml_with_datum(deep), "g.graphml"); });
    CHECK_THAT(msg, Catch::StartsWith("g.graphml:5:"));
    CHECK_THAT(msg, Catch::Contains("graph datum 'ketennet': /metadata: nesting deeper than 256 levels"));
    CHECK_THAT(message_of<ParseError>([&] {
                   io::read_graphml_string(graphml_with_datum(R"({"version": 1, "chains": 5})"), "g.graphml");
               }),
               Catch::Contains("graph datum 'ketennet': /chains: expected an array, found number"));
    CHECK_THAT(message_of<ParseError>([&] {
                   io::read_graphml_string(graphml_with_datum(R"({"version": 1, "version": 1})"), "g.graphml");
               }),
               Catch::Contains("duplicate key 'version'"));
}

TEST_CASE("JSON content errors are typed and placed", "[io][json][errors]") {
    SECTION("a number beyond the double range") {
        const auto e = kt::error_of<ParseError>(
            [&] { io::read_json_string("{\"ketennet\": 1,\n \"metadata\": {\"x\": -1e309}}", "n.json"); });
        CHECK(e->line() == 2);
        CHECK_THAT(std::string(e->what()), Catch::Contains("number out of range: '-1e309'"));
    }
    SECTION("a key twice") {
        CHECK(message_of<InputError>([] { io::read_json_string(R"({"ketennet": 1, "name": "a", "name": "b"})", "n.json"); }) ==
              "n.json: /: duplicate key 'name' (a key may appear once in an object)");
        CHECK_THAT(message_of<InputError>([] {
                       io::read_json_string(R"({"ketennet": 1, "metadata": {"a~/b": {"k": 1, "k": 2}}})", "n.json");
                   }),
                   Catch::StartsWith("n.json: /metadata/a~0~1b: duplicate key 'k'"));
    }
    SECTION("a NUL byte") {
        const std::string text = std::string(R"({"ketennet": 1})") + '\0' + "garbage";
        CHECK_THAT(message_of<ParseError>([&] { io::read_json_string(text, "n.json"); }),
                   Catch::StartsWith("n.json:1:16: malformed JSON: a NUL byte"));
    }
    SECTION("invalid UTF-8 is quoted as \\xNN") {
        const std::string msg = message_of<ParseError>([] { io::read_json_string("{\"ketennet\": 1, \"name\": \"\xff\"}", "n.json"); });
        CHECK(invalid_utf8_at(msg) == std::string::npos);
        CHECK_THAT(msg, Catch::StartsWith("n.json:1:") && Catch::Contains("\\xFF"));
    }
    SECTION("UTF-16") {
        const std::string text("\xff\xfe{\0}\0", 6);
        CHECK_THAT(message_of<ParseError>([&] { io::read_json_string(text, "n.json"); }),
                   Catch::StartsWith("n.json:1:1: the text is UTF-16 or UTF-32"));
    }
}

TEST_CASE("GraphML: invalid UTF-8, &#0; and hexadecimal numbers are refused", "[io][graphml][errors]") {
    const std::string bad_id = graphml_head + "<node id=\"a\xff" "b\"/>\n</graph>\n</graphml>\n";
    const std::string msg = message_of<ParseError>([&] { io::read_graphml_string(bad_id, "g.graphml"); });
    CHECK_THAT(msg, Catch::StartsWith("g.graphml:5:") &&
                        Catch::EndsWith(": attribute id of <node> is not valid UTF-8: 'a\\xFFb'"));
    CHECK_THAT(message_of<ParseError>([&] {
                   io::read_graphml_string(graphml_head + "<node id=\"a&#x00;b\"/>\n</graph>\n</graphml>\n", "g.graphml");
               }),
               Catch::StartsWith("g.graphml:5:") && Catch::Contains("&#x00; (U+0000) is not allowed"));
    for (const char* v : {"0x10", "1e", "infinity", "."}) {
        const std::string text = graphml_head + "<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\">"
                                 "<data key=\"v\">" + v + "</data></edge>\n</graph>\n</graphml>\n";
        CHECK_THAT(message_of<ParseError>([&] { io::read_graphml_string(text, "g.graphml"); }),
                   Catch::Contains(std::string("data 'volume': '") + v + "' is not a number (double; GraphML numbers are decimal"));
    }
}

TEST_CASE("input size limit: files by size, devices in chunks", "[io][limits]") {
    kt::TempDir dir;
    const std::string path = dir.file("big.json");
    std::ofstream(path) << R"({"ketennet": 1, "name": ")" << std::string(5000, 'x') << "\"}";
    io::Limits small{256, 4096};
    CHECK_THAT(message_of<InputError>([&] { io::read_json(path, small); }),
               Catch::EndsWith("big.json: the file has 5027 bytes, more than the limit of 4096 bytes "
                               "(the limit max_input_bytes of ketennet::io::Limits; in Python "
                               "ketennet.io.set_limits(max_input_bytes=...))"));
    CHECK(io::read_json(path).name().size() == 5000);
    CHECK_THAT(message_of<InputError>([&] { io::read_json("/dev/zero", small); }),
               Catch::StartsWith("/dev/zero: more than the limit of 4096 bytes read"));
    CHECK_THAT(message_of<InputError>([&] { io::read_graphml_string(std::string(5000, ' '), "s", "default", small); }),
               Catch::StartsWith("s: the input has 5000 bytes, more than the limit of 4096 bytes"));
}

TEST_CASE("a path with a NUL character is refused by every reader and writer", "[io][errors]") {
    kt::TempDir dir;
    const std::string path = dir.file("report.json") + std::string(1, '\0') + ".txt";
    Network net;
    CHECK(message_of<InputError>([&] { io::read_json(path); }) == "path contains a NUL character");
    CHECK(message_of<InputError>([&] { io::read_graphml(path); }) == "path contains a NUL character");
    CHECK(message_of<InputError>([&] { io::write_json(net, path); }) == "path contains a NUL character");
    CHECK(message_of<InputError>([&] { io::write_graphml(net, path); }) == "path contains a NUL character");
    CHECK_FALSE(std::filesystem::exists(dir.file("report.json")));
}

TEST_CASE("writes replace the target atomically", "[io][write]") {
    kt::TempDir dir;
    const std::string path = dir.file("net.json");
    std::ofstream(path) << "previous";
    ::chmod(path.c_str(), 0640);
    Network net("n");
    io::write_json(net, path);
    CHECK(io::read_json(path) == net);
    struct stat st {};
    ::stat(path.c_str(), &st);
    CHECK((st.st_mode & 0777) == 0640);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
    SECTION("a write that cannot start leaves the previous file") {
        const std::string before = slurp(path);
        CHECK_THROWS_AS(io::write_graphml(net, dir.file("missing/dir.graphml")), FileError);
        CHECK(slurp(path) == before);
    }
}
