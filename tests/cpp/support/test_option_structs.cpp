// Every options struct and every input record can be brace- and designated-initialised with
// only the fields one cares about: each member has a default member initialiser, so GCC's
// -Wmissing-field-initializers (part of -Wextra) stays silent. This file is compiled with
// -Werror=missing-field-initializers (tests/cpp/CMakeLists.txt): a member added without an
// initialiser fails the build here.
#include <catch2/catch.hpp>

#include "ketennet/ketennet.hpp"

using namespace ketennet;

TEST_CASE("options structs take designated initialisers of any subset of their fields",
          "[support][options]") {
    const ViewOptions view{.layers = {"case"}};
    CHECK(view.weight.empty());
    CHECK(view.combine == Combine::sum);
    const ViewOptions weighted{.layers = {"case"}, .weight = "volume"};
    CHECK(weighted.combine == Combine::sum);

    const centrality::BetweennessOptions b{.normalized = false};
    CHECK(b.threads == 0);
    CHECK_FALSE(b.progress);
    CHECK(centrality::ClosenessOptions{.threads = 1}.wf_improved);
    CHECK(centrality::HarmonicOptions{.threads = 1}.threads == 1);
    CHECK(centrality::EdgeBetweennessOptions{.threads = 1}.normalized);
    CHECK(centrality::PageRankOptions{.alpha = 0.9}.personalization.empty());
    CHECK(centrality::KatzOptions{.alpha = 0.05}.nstart.empty());
    CHECK(centrality::EigenvectorOptions{.max_iter = 10}.nstart.empty());
    CHECK(centrality::HitsOptions{.max_iter = 10}.nstart.empty());
    CHECK(centrality::CurrentFlowOptions{.threads = 1}.threads == 1);
    CHECK(centrality::CurrentFlowBetweennessOptions{.threads = 1}.threads == 1);
    CHECK(cohesion::CommunityOptions{.method = cohesion::CommunityMethod::louvain}.method ==
          cohesion::CommunityMethod::louvain);
    CHECK(cohesion::QapOptions{.permutations = 10}.seed == 0);
    CHECK(brokerage::StructuralHolesOptions{.threads = 1}.threads == 1);
    CHECK_FALSE(brokerage::BrokerageOptions{}.progress);
    CHECK(flow::EfficiencyOptions{.threads = 1}.threads == 1);
    CHECK(flow::FirstPassageOptions{.threads = 1}.threads == 1);
    CHECK(flow::ChainScoreOptions{.layers = {"case"}}.layers.size() == 1);
    CHECK(resilience::NullModelOptions{.seed = 3}.swaps_per_relation == 10);
    CHECK(resilience::SimulationOptions{.runs = 2}.order.empty());
    CHECK(resilience::VulnerabilityOptions{.threads = 1}.selection.chain.empty());
    CHECK(eventlog::TransitionOptions{.beta = 0.5}.quantiles.empty());
    CHECK(eventlog::JourneyOptions{.with_variants = false}.collapse);
    CHECK(eventlog::SubcontractingOptions{.n = 3}.self_loops == false);
    CHECK(flow::MaxFlowOptions{.keep_layout = false}.keep_layout == false);
    CHECK(report::ScorecardOptions{.top = 3}.layers.empty());
}

TEST_CASE("input records take designated initialisers too", "[support][options]") {
    const Relation r{.source = "om", .target = "cjib", .layer = "case", .volume = 32000.0};
    CHECK_FALSE(r.latency.has_value());
    CHECK(r.attributes.empty());
    const Organisation o{.id = "om", .sector = "om"};
    CHECK(o.name.empty());
    const Chain c{.name = "keten", .stages = {Stage{.name = "in", .organisations = {"om"}}}};
    CHECK(c.stages.front().organisations.size() == 1);
    CHECK(eventlog::NodeKey{.source = eventlog::NodeKey::Source::resource}.attribute.empty());
}
