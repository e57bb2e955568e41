// What-if scenarios (model/scenario.hpp) on a hand-drawn network with known answers.
#include <catch2/catch.hpp>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "ketennet/model/scenario.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;

namespace {

//   a --case--> b --case--> c        layer "case" (directed): a -> b (volume 10), b -> c
//   a ------info----------> c        layer "info" (directed): a -> c
//   chain "keten": stages [a], [b], [c]
std::shared_ptr<const Network> base() {
    auto net = std::make_shared<Network>("keten");
    net->add_layer("case", true);
    net->add_layer("info", true);
    for (const char* id : {"a", "b", "c"}) net->add_organisation({id, "", "", {}});
    net->add_relation(kt::rel("a", "b", "case", 10.0));
    net->add_relation(kt::rel("b", "c", "case"));
    net->add_relation(kt::rel("a", "c", "info"));
    net->add_chain(Chain{"keten", {Stage{"begin", {"a"}}, Stage{"midden", {"b"}}, Stage{"eind", {"c"}}}});
    return net;
}

Degradation slower() {
    Degradation d;
    d.latency = 20.0;
    d.quality = 0.5;
    return d;
}

}  // namespace

TEST_CASE("a scenario is immutable and leaves its base alone", "[model][scenario]") {
    const auto net = base();
    const Network before = *net;
    const Scenario s0(net);
    const Scenario s1 = s0.remove_organisations({"b"});
    const Scenario s2 = s1.remove_layer("info").degrade("a", "b", "case", slower());
    CHECK(s0.changes().empty());
    CHECK(s1.changes() == std::vector<std::string>{"remove b"});
    CHECK(s2.changes() == std::vector<std::string>{"remove b", "drop layer info",
                                                   "degrade a -> b (case): latency=20, quality=0.5"});
    CHECK(&s2.network() == net.get());
    const Network after = s2.apply();
    CHECK(*net == before);
    CHECK(s0.apply() == before);
    // b is gone with both its relations; info is gone; the chain's middle stage is empty
    CHECK(after.organisation_count() == 2);
    CHECK_FALSE(after.has_organisation("b"));
    CHECK_FALSE(after.has_layer("info"));
    CHECK(after.relation_count() == 0);
    CHECK(after.chain("keten").stages[1].organisations.empty());
}

TEST_CASE("apply: degraded values first, then relation, organisation and layer removals",
          "[model][scenario]") {
    const auto net = base();
    const Network degraded = Scenario(net).degrade("a", "b", "case", slower()).apply();
    const Relation r = degraded.relation("a", "b", "case");
    CHECK(r.latency == std::optional<double>(20.0));
    CHECK(r.quality == std::optional<double>(0.5));
    CHECK(r.volume == std::optional<double>(10.0));  // left as it was
    CHECK_FALSE(r.capacity);

    // a relation degraded and also losing an end is simply gone, whatever the order of the calls
    const Network one = Scenario(net).remove_organisations({"b"}).degrade("a", "b", "case", slower()).apply();
    const Network two = Scenario(net).degrade("a", "b", "case", slower()).remove_organisations({"b"}).apply();
    CHECK(one == two);
    CHECK(one.relation_count() == 1);  // a -> c (info)

    const Scenario cut = Scenario(net).remove_relation("b", "c", "case");
    CHECK(cut.changes() == std::vector<std::string>{"remove relation b -> c (case)"});
    const Network without = cut.apply();
    CHECK(without.relation_count() == 2);
    CHECK_FALSE(without.has_relation("b", "c", "case"));
}

TEST_CASE("scenario: messages for bad changes", "[model][scenario][errors]") {
    const Scenario s(base());
    CHECK(message_of<UnknownId>([&] { (void)s.remove_organisations({"x"}); }) ==
          "Scenario.remove_organisations: unknown organisation 'x'");
    CHECK(message_of<InputError>([&] { (void)s.remove_organisations({}); }) ==
          "Scenario.remove_organisations: name at least one organisation");
    CHECK(message_of<InputError>([&] { (void)s.remove_organisations({"a"}).remove_organisations({"a"}); }) ==
          "Scenario.remove_organisations: organisation 'a' is removed already");
    CHECK(message_of<InputError>([&] { (void)s.remove_organisations({"a", "a"}); }) ==
          "Scenario.remove_organisations: organisation 'a' is removed already");
    CHECK(message_of<UnknownId>([&] { (void)s.remove_relation("c", "a", "case"); }) ==
          "Scenario.remove_relation: no relation c -> a in layer 'case'");
    CHECK(message_of<InputError>([&] { (void)s.remove_relation("a", "b", "case").remove_relation("a", "b", "case"); }) ==
          "Scenario.remove_relation: a -> b (case) is removed already");
    CHECK(message_of<UnknownId>([&] { (void)s.remove_layer("water"); }) ==
          "Scenario.remove_layer: unknown layer 'water' (the network has 'case', 'info')");
    CHECK(message_of<InputError>([&] { (void)s.remove_layer("info").remove_layer("info"); }) ==
          "Scenario.remove_layer: layer 'info' is removed already");
    CHECK(message_of<UnknownId>([&] { (void)s.degrade("b", "a", "case", slower()); }) ==
          "Scenario.degrade: no relation b -> a in layer 'case'");
    CHECK(message_of<InputError>([&] { (void)s.degrade("a", "b", "case", Degradation{}); }) ==
          "Scenario.degrade: give at least one of volume, latency, quality, capacity");
    Degradation bad;
    bad.quality = 1.5;
    CHECK(message_of<InputError>([&] { (void)s.degrade("a", "b", "case", bad); }) ==
          "Scenario.degrade: a -> b (case): quality=1.5 is outside [0, 1]");
    bad = Degradation{};
    bad.volume = -2.0;
    CHECK(message_of<InputError>([&] { (void)s.degrade("a", "b", "case", bad); }) ==
          "Scenario.degrade: a -> b (case): volume=-2.0 is not finite and >= 0");
    bad.volume = std::numeric_limits<double>::infinity();
    CHECK(message_of<InputError>([&] { (void)s.degrade("a", "b", "case", bad); }) ==
          "Scenario.degrade: a -> b (case): volume=inf is not finite and >= 0");
    CHECK(message_of<InputError>([] { Scenario none(nullptr); }) == "Scenario: no base network");
    // an empty network has no layers to name
    const Scenario empty(std::make_shared<const Network>());
    CHECK(message_of<UnknownId>([&] { (void)empty.remove_layer("it"); }) ==
          "Scenario.remove_layer: unknown layer 'it' (the network has none)");
}
