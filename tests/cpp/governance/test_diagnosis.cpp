// The governance diagnosis (Provan & Kenis 2008) on hand-drawn networks with known answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>

#include "ketennet/governance/diagnosis.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using governance::DiagnosisOptions;
using governance::Finding;

namespace {

//        b  c  d
//         \ | /
//     l -- a -- e        a star of n organisations: a tied to every other one
//         / | \          (undirected layer "overleg"); density 2/n, degree
//        k ... f         centralization 1, a reaches all the others
Network star(std::size_t n) {
    Network net("ster");
    net.add_layer("overleg", false);
    const std::string ids = "abcdefghijklmnopqrstuvwxyz";
    for (std::size_t i = 0; i < n; ++i) net.add_organisation({ids.substr(i, 1), "", "", {}});
    for (std::size_t i = 1; i < n; ++i) net.add_relation(kt::rel("a", ids.substr(i, 1), "overleg"));
    return net;
}

DiagnosisOptions given(governance::Level trust, governance::Level consensus, governance::Level need) {
    DiagnosisOptions o;
    o.trust = std::move(trust);
    o.goal_consensus = std::move(consensus);
    o.competency_need = std::move(need);
    return o;
}

double number(const Finding& f) { return std::get<double>(f.value); }

}  // namespace

TEST_CASE("diagnose: a star of twelve led by a, whose contingencies point to a lead organisation",
          "[governance][diagnosis]") {
    // trust 0.2 (low -> lead), 12 participants (moderate -> lead or NAO), consensus 0.4 (low ->
    // lead), need 0.5 (moderate -> lead): lead 4, NAO 1, shared 0
    const auto d = governance::diagnose(star(12), given(0.2, 0.4, 0.5));
    CHECK(d.observed_mode == "lead organisation");
    CHECK(d.lead_organisation == std::optional<std::string>("a"));
    CHECK_FALSE(d.nao);
    CHECK(d.centrally_integrated);
    CHECK(d.mode == std::optional<std::string>("lead organisation"));
    CHECK(d.fits == std::optional<bool>(true));
    CHECK(d.scores == std::array<int, 3>{0, 4, 1});
    REQUIRE(d.findings.size() == 9);
    CHECK(std::get<std::int64_t>(d.findings[0].value) == 12);
    CHECK(d.findings[0].level == std::optional<std::string>("moderate"));
    CHECK(number(d.findings[1]) == Approx(11.0 / 66.0));  // density
    CHECK(number(d.findings[2]) == 1.0);                  // degree centralization
    CHECK(d.findings[2].note == "centrally integrated (threshold 0.5)");
    CHECK(std::get<std::string>(d.findings[3].value) == "a");
    CHECK(d.findings[3].points_to == "lead organisation");
    CHECK(std::holds_alternative<std::monostate>(d.findings[4].value));
    const Finding& trust = d.findings[5];
    CHECK(trust.indicator == "trust");
    CHECK(number(trust) == 0.2);
    CHECK(trust.level == std::optional<std::string>("low"));
    CHECK(trust.points_to == "lead organisation");
    CHECK(trust.agrees == std::optional<bool>(true));
    CHECK(trust.note == "given");
    const Finding& size = d.findings[6];
    CHECK(size.points_to == "lead organisation or NAO");
    CHECK(size.note == "12 organisations (few <= 8, many > 20)");
    REQUIRE(d.reasoning.size() == 8);
    CHECK(d.reasoning[0] == "Observed structure: 12 organisations, density 0.17, degree centralization "
                            "1.00; observed mode: lead organisation.");
    CHECK(d.reasoning[4] == "Participants is moderate -> lead organisation or NAO.");
    CHECK(d.reasoning[7] == "Indicated mode: lead organisation (4 of the known contingencies). "
                            "The observed governance fits.");
}

TEST_CASE("diagnose: too few known contingencies, and contingencies split evenly",
          "[governance][diagnosis]") {
    const auto unknown = governance::diagnose(star(3));
    CHECK_FALSE(unknown.mode);
    CHECK_FALSE(unknown.fits);
    CHECK(unknown.findings[5].note == "unknown: not given");
    CHECK_FALSE(unknown.findings[5].level);
    CHECK(unknown.reasoning[3] == "Trust: unknown (not given), not used.");
    CHECK(unknown.reasoning.back().rfind("Only 1 of the four contingencies is known", 0) == 0);

    // trust 0.4 (moderate -> NAO), 12 participants (lead or NAO), consensus 0.3 (low -> lead):
    // lead 2, NAO 2
    const auto split = governance::diagnose(star(12), given(0.4, 0.3, {}));
    CHECK_FALSE(split.mode);
    CHECK_FALSE(split.fits);
    CHECK(split.scores == std::array<int, 3>{0, 2, 2});
    CHECK(split.reasoning.back() ==
          "The contingencies are split between lead organisation and NAO (2 each): no single mode is indicated.");
}

TEST_CASE("diagnose: trust as the density of a layer, left out of the structure", "[governance][diagnosis]") {
    //   overleg (judged):     vertrouwen (trust, density 3/6 = 0.5: moderate -> NAO):
    //     b   c                  a - b - c - d
    //      \ /
    //       a - d
    Network net = star(4);
    net.add_layer("vertrouwen", false);
    for (auto [s, t] : {std::pair{"a", "b"}, {"b", "c"}, {"c", "d"}}) net.add_relation(kt::rel(s, t, "vertrouwen"));
    // four participants (few -> shared), consensus high (-> shared): shared 2, NAO 1
    const auto d = governance::diagnose(net, given(std::string("vertrouwen"), std::string("high"), {}));
    CHECK(number(d.findings[1]) == 0.5);  // density of overleg alone: 3 of 6 pairs
    CHECK(d.observed_mode == "lead organisation");
    const Finding& trust = d.findings[5];
    CHECK(number(trust) == 0.5);
    CHECK(trust.level == std::optional<std::string>("moderate"));
    CHECK(trust.note == "density of layer 'vertrouwen'");
    CHECK(trust.agrees == std::optional<bool>(false));
    CHECK(d.reasoning[3] == "Trust is moderate -> NAO; disagrees with the observed lead organisation.");
    CHECK(std::get<std::string>(d.findings[7].value) == "high");
    CHECK(d.mode == std::optional<std::string>("shared"));
    CHECK(d.fits == std::optional<bool>(false));
    CHECK(d.reasoning.back() == "Indicated mode: shared (2 of the known contingencies). The observed lead "
                                "organisation does not fit: Provan & Kenis expect shared to be more effective here.");
    // the layers judged can be chosen: both layers together
    DiagnosisOptions both = given(std::string("vertrouwen"), {}, {});
    both.layers = std::vector<std::string>{"overleg", "vertrouwen"};
    CHECK(number(governance::diagnose(net, both).findings[1]) == Approx(5.0 / 6.0));
}

TEST_CASE("diagnose: an NAO marked by an attribute", "[governance][diagnosis]") {
    //   a star of four whose centre a has sector "NAO"
    Network net = star(4);
    net.set_organisation({"a", "", " NAO ", {}});
    DiagnosisOptions o = given(std::string("moderate"), std::string("moderate"), std::string("high"));
    o.nao_attribute = "sector";
    const auto d = governance::diagnose(net, o);
    CHECK(d.observed_mode == "NAO");
    CHECK(d.nao == std::optional<std::string>("a"));
    CHECK(d.findings[4].points_to == "NAO");
    CHECK(d.scores == std::array<int, 3>{1, 0, 3});
    CHECK(d.fits == std::optional<bool>(true));
}

TEST_CASE("level_of: thresholds and level names", "[governance][diagnosis]") {
    using governance::level_of;
    CHECK(level_of(0.29, "trust", 0.3, 0.6) == std::optional<std::string>("low"));
    CHECK(level_of(0.3, "trust", 0.3, 0.6) == std::optional<std::string>("moderate"));
    CHECK(level_of(0.6, "trust", 0.3, 0.6) == std::optional<std::string>("high"));
    CHECK(level_of(std::string("low"), "trust", 0.3, 0.6) == std::optional<std::string>("low"));
    CHECK_FALSE(level_of(std::monostate{}, "trust", 0.3, 0.6));
}

TEST_CASE("diagnose: messages for bad input", "[governance][diagnosis][errors]") {
    CHECK(kt::message_of<InputError>([] { (void)governance::diagnose(star(1)); }) ==
          "diagnose: governance needs a network of at least two organisations, this one has 1");
    CHECK(kt::message_of<UnknownId>([] { (void)governance::diagnose(star(3), given(std::string("vertrouwen"), {}, {})); }) ==
          "trust: no layer 'vertrouwen'; give a layer name, a number in [0, 1] or one of low, moderate, high");
    CHECK(kt::message_of<InputError>([] { (void)governance::diagnose(star(3), given({}, 1.5, {})); }) ==
          "goal_consensus must lie in [0, 1], not 1.5");
    CHECK(kt::message_of<InputError>([] {
              (void)governance::diagnose(star(3), given({}, {}, std::string("very high")));
          }) == "competency_need must be a number in [0, 1] or one of low, moderate, high, not 'very high'");
    CHECK(kt::message_of<InputError>([] {
              (void)governance::diagnose(star(3), given(std::numeric_limits<double>::quiet_NaN(), {}, {}));
          }) == "trust must lie in [0, 1], not nan");
    DiagnosisOptions o;
    o.layers = std::vector<std::string>{"nope"};
    CHECK_THROWS_AS(governance::diagnose(star(3), o), UnknownId);
}
