// Organisations: add, set, remove, lookups, duplicate and unknown ids, attribute checks.
#include <catch2/catch.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;

TEST_CASE("organisations are added in order and found by id", "[model][organisation]") {
    Network net("n");
    CHECK(net.organisation_count() == 0);
    CHECK(net.add_organisation({"politie", "Nationale Politie", "politie", {}}) == 0);
    CHECK(net.add_organisation({"om", "Openbaar Ministerie", "om", {{"fte", 5000.0}}}) == 1);
    CHECK(net.add_organisation({"rechtspraak", "", "rechtspraak", {}}) == 2);

    CHECK(net.organisation_count() == 3);
    CHECK(net.index_of("om") == 1);
    CHECK(net.find_organisation("rechtspraak") == std::optional<vertex_t>(2));
    CHECK_FALSE(net.find_organisation("cjib").has_value());
    CHECK(net.has_organisation("politie"));
    CHECK_FALSE(net.has_organisation("Politie"));  // ids are case sensitive
    CHECK(net.organisation("om").name == "Openbaar Ministerie");
    CHECK(net.organisation(vertex_t(0)).id == "politie");
    CHECK(std::get<double>(net.organisation("om").attributes.at("fte")) == 5000.0);

    // display_name falls back to the id when the name is empty
    CHECK(net.organisation("rechtspraak").display_name() == "rechtspraak");
    CHECK(net.organisation("om").display_name() == "Openbaar Ministerie");

    const auto ids = net.ids();
    CHECK(*ids == std::vector<std::string>{"politie", "om", "rechtspraak"});
    std::vector<std::string> from_records;
    for (const auto& o : net.organisations()) from_records.push_back(o.id);
    CHECK(from_records == *ids);
}

TEST_CASE("a duplicate organisation id is an InputError and changes nothing", "[model][organisation]") {
    Network net;
    net.add_organisation({"om", "Openbaar Ministerie", "om", {}});
    const auto rev = net.revision();
    const std::string msg = message_of<InputError>(
        [&] { net.add_organisation({"om", "Other", "x", {}}); });
    CHECK_THAT(msg, Catch::Contains("duplicate organisation id 'om'"));
    CHECK(net.organisation_count() == 1);
    CHECK(net.organisation("om").name == "Openbaar Ministerie");
    CHECK(net.revision() == rev);
}

TEST_CASE("an empty organisation id is an InputError", "[model][organisation]") {
    Network net;
    CHECK_THROWS_AS(net.add_organisation({"", "No id", "", {}}), InputError);
    CHECK(net.organisation_count() == 0);
}

TEST_CASE("unknown organisation ids raise UnknownId", "[model][organisation]") {
    Network net;
    net.add_organisation({"om", "", "", {}});
    CHECK_THROWS_AS(net.index_of("cjib"), UnknownId);
    CHECK_THROWS_AS(net.organisation("cjib"), UnknownId);
    CHECK_THROWS_AS(net.remove_organisation("cjib"), UnknownId);
    CHECK_THROWS_AS(net.set_organisation({"cjib", "CJIB", "cjib", {}}), UnknownId);
    CHECK_THAT(message_of<UnknownId>([&] { net.index_of("cjib"); }),
               Catch::Contains("unknown organisation 'cjib'"));
    // an index out of range is reported too (std::out_of_range from at())
    CHECK_THROWS(net.organisation(vertex_t(7)));
    CHECK(net.organisation_count() == 1);
}

TEST_CASE("set_organisation replaces the record in place", "[model][organisation]") {
    Network net;
    net.add_organisation({"a", "A", "x", {}});
    net.add_organisation({"b", "B", "y", {{"k", true}}});
    net.set_organisation({"b", "Bee", "z", {{"k", false}, {"n", 2.0}}});
    CHECK(net.index_of("b") == 1);
    CHECK(net.organisation("b") == Organisation{"b", "Bee", "z", {{"k", false}, {"n", 2.0}}});
    CHECK(net.organisation("a") == Organisation{"a", "A", "x", {}});
    CHECK(net.organisation_count() == 2);
}

TEST_CASE("reserved organisation attribute names are an InputError", "[model][organisation]") {
    const std::string name = GENERATE(as<std::string>{}, "id", "name", "sector");
    Network net;
    net.add_organisation({"a", "A", "", {}});
    SECTION("on add") {
        const std::string msg = message_of<InputError>(
            [&] { net.add_organisation({"b", "", "", {{name, std::string("x")}}}); });
        CHECK_THAT(msg, Catch::Contains("organisation 'b'"));
        CHECK_THAT(msg, Catch::Contains("'" + name + "' is a field of the record"));
        CHECK_FALSE(net.has_organisation("b"));
    }
    SECTION("on set") {
        CHECK_THROWS_AS(net.set_organisation({"a", "A", "", {{name, 1.0}}}), InputError);
        CHECK(net.organisation("a").attributes.empty());
    }
}

TEST_CASE("an empty attribute name is an InputError", "[model][organisation]") {
    Network net;
    CHECK_THROWS_AS(net.add_organisation({"a", "", "", {{"", 1.0}}}), InputError);
    CHECK(net.organisation_count() == 0);
}

TEST_CASE("NaN and infinite organisation attributes are an InputError", "[model][organisation]") {
    Network net;
    SECTION("NaN") {
        const std::string msg = message_of<InputError>(
            [&] { net.add_organisation({"a", "", "", {{"budget", kt::nan}}}); });
        CHECK_THAT(msg, Catch::Contains("organisation 'a'"));
        CHECK_THAT(msg, Catch::Contains("attribute 'budget' is NaN"));
    }
    SECTION("+inf") {
        const std::string msg = message_of<InputError>(
            [&] { net.add_organisation({"a", "", "", {{"budget", kt::inf}}}); });
        CHECK_THAT(msg, Catch::Contains("attribute 'budget' is infinite"));
    }
    SECTION("-inf") {
        CHECK_THROWS_AS(net.add_organisation({"a", "", "", {{"budget", -kt::inf}}}), InputError);
    }
    CHECK(net.organisation_count() == 0);
}

TEST_CASE("attribute values keep their type", "[model][organisation]") {
    Network net;
    net.add_organisation(
        {"a", "", "", {{"flag", true}, {"count", 3.0}, {"label", std::string("zsm")}}});
    const auto& attrs = net.organisation("a").attributes;
    CHECK(std::get<bool>(attrs.at("flag")) == true);
    CHECK(std::get<double>(attrs.at("count")) == 3.0);
    CHECK(std::get<std::string>(attrs.at("label")) == "zsm");
    CHECK(std::string(attribute_type_name(attrs.at("flag"))) == "bool");
    CHECK(std::string(attribute_type_name(attrs.at("count"))) == "number");
    CHECK(std::string(attribute_type_name(attrs.at("label"))) == "string");
    // sorted by name
    std::vector<std::string> keys;
    for (const auto& [k, v] : attrs) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"count", "flag", "label"});
}
