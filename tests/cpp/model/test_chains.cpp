// Chains ("ketens"): add, set, remove, lookups and their checks.
#include <catch2/catch.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;

namespace {

Network orgs() {
    Network net("n");
    for (const char* id : {"politie", "om", "rechtspraak", "cjib"})
        net.add_organisation({id, "", "", {}});
    return net;
}

Chain strafrecht() {
    return Chain{"strafrecht",
                 {Stage{"opsporing", {"politie"}},
                  Stage{"vervolging", {"om", "politie"}},
                  Stage{"berechting", {"rechtspraak"}},
                  Stage{"tenuitvoerlegging", {}}}};
}

}  // namespace

TEST_CASE("chains are added, found, replaced and removed", "[model][chain]") {
    Network net = orgs();
    net.add_chain(strafrecht());
    net.add_chain(Chain{"boetes", {Stage{"inning", {"cjib"}}}});
    REQUIRE(net.chains().size() == 2);
    CHECK(net.chains()[0].name == "strafrecht");
    CHECK(net.chains()[1].name == "boetes");
    CHECK(net.has_chain("boetes"));
    CHECK_FALSE(net.has_chain("jeugd"));
    CHECK(net.chain("strafrecht") == strafrecht());
    CHECK_THROWS_AS(net.chain("jeugd"), UnknownId);

    Chain changed{"strafrecht", {Stage{"opsporing", {"politie", "om"}}}};
    net.set_chain(changed);
    CHECK(net.chain("strafrecht") == changed);
    CHECK(net.chains()[0].name == "strafrecht");  // keeps its place
    CHECK_THROWS_AS(net.set_chain(Chain{"jeugd", {}}), UnknownId);

    net.remove_chain("strafrecht");
    REQUIRE(net.chains().size() == 1);
    CHECK(net.chains()[0].name == "boetes");
    CHECK_THROWS_AS(net.remove_chain("strafrecht"), UnknownId);
}

TEST_CASE("invalid chains are rejected and change nothing", "[model][chain]") {
    Network net = orgs();
    net.add_chain(strafrecht());
    const auto before = net.chains();
    SECTION("duplicate chain name") {
        CHECK_THAT(message_of<InputError>([&] { net.add_chain(strafrecht()); }),
                   Catch::Contains("duplicate chain 'strafrecht'"));
    }
    SECTION("empty chain name") {
        CHECK_THROWS_AS(net.add_chain(Chain{"", {}}), InputError);
    }
    SECTION("empty stage name") {
        CHECK_THROWS_AS(net.add_chain(Chain{"x", {Stage{"", {"om"}}}}), InputError);
    }
    SECTION("duplicate stage name") {
        const std::string msg = message_of<InputError>(
            [&] { net.add_chain(Chain{"x", {Stage{"s", {"om"}}, Stage{"s", {}}}}); });
        CHECK_THAT(msg, Catch::Contains("duplicate stage name"));
        CHECK_THAT(msg, Catch::Contains("chain 'x'"));
    }
    SECTION("organisation twice in one stage") {
        const std::string msg = message_of<InputError>(
            [&] { net.add_chain(Chain{"x", {Stage{"s", {"om", "om"}}}}); });
        CHECK_THAT(msg, Catch::Contains("'om' listed twice"));
    }
    SECTION("unknown organisation") {
        const std::string msg = message_of<UnknownId>(
            [&] { net.add_chain(Chain{"x", {Stage{"s", {"om", "zz"}}}}); });
        CHECK_THAT(msg, Catch::Contains("unknown organisation 'zz'"));
        CHECK_THAT(msg, Catch::Contains("stage 0 's'"));
    }
    SECTION("set_chain with an unknown organisation") {
        CHECK_THROWS_AS(net.set_chain(Chain{"strafrecht", {Stage{"s", {"zz"}}}}), UnknownId);
    }
    CHECK(net.chains() == before);
}

TEST_CASE("an organisation may act in several stages of a chain", "[model][chain]") {
    Network net = orgs();
    CHECK_NOTHROW(net.add_chain(strafrecht()));  // politie in opsporing and vervolging
    CHECK(net.chain("strafrecht").stages[1].organisations ==
          std::vector<std::string>{"om", "politie"});
}
