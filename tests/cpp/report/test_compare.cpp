// Two networks' scorecards side by side (report::compare) on a hand-drawn network.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "ketennet/report/compare.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

//   a --- b --- c        one undirected tie layer "overleg"; b is the one
//         |              articulation point (a single point of failure)
//         d
Network star() {
    Network net("ster");
    net.add_layer("overleg", false, LayerKind::tie);
    for (const char* id : {"a", "b", "c", "d"}) net.add_organisation({id, "", "", {}});
    for (const char* t : {"a", "c", "d"}) net.add_relation(kt::rel("b", t, "overleg"));
    return net;
}

const report::CompareRow& row(const std::vector<report::CompareRow>& rows, const std::string& indicator,
                              const std::string& scope = "network", const std::string& subject = "") {
    for (const auto& r : rows)
        if (r.indicator == indicator && r.scope == scope && r.subject == subject) return r;
    FAIL("no row " << indicator << " / " << scope << " / " << subject);
    throw;
}

}  // namespace

TEST_CASE("compare: the star before and after its centre fails", "[report][compare]") {
    const Network before = star();
    Network after = star();
    after.remove_organisation("b");  // a, c, d left without ties
    const auto rows = report::compare(before, after);

    // the rows are the batch's, in its order, side by side
    std::vector<report::Scorecard> cards{report::scorecard(before), report::scorecard(after)};
    const auto batch = report::batch_rows(cards);
    REQUIRE(rows.size() == batch[0].size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(rows[i].indicator == batch[1][i].indicator);
        CHECK(rows[i].subject == batch[1][i].subject);
        CHECK(rows[i].note_after == batch[1][i].note);
    }

    const auto& orgs = row(rows, "organisations");
    CHECK(orgs.before == 4.0);
    CHECK(orgs.after == 3.0);
    CHECK(orgs.difference == -1.0);
    CHECK(orgs.unit == "organisations");
    const auto& ties = row(rows, "relations");
    CHECK(ties.before == 3.0);
    CHECK(ties.after == 0.0);
    CHECK(ties.difference == -3.0);
    // b's own row: no value after, and why
    const auto& gone = row(rows, "single point of failure", "organisation", "b");
    CHECK(gone.before == 1.0);
    CHECK(std::isnan(gone.after));
    CHECK(std::isnan(gone.difference));
    CHECK(gone.note_after == "not an organisation of this network");
}

TEST_CASE("compare: a network with itself differs nowhere", "[report][compare]") {
    const Network net = star();
    for (const auto& r : report::compare(net, net)) {
        CHECK((r.difference == 0.0 || (std::isnan(r.before) && std::isnan(r.difference))));
        CHECK(r.text_before == r.text_after);
    }
}

TEST_CASE("compare: messages for bad options", "[report][compare][errors]") {
    report::ScorecardOptions o;
    o.chains = std::vector<std::string>{"keten"};
    CHECK(kt::message_of<UnknownId>([&] { (void)report::compare(star(), star(), o); }) ==
          "compare: no network has chain 'keten' (chains: none)");
    report::ScorecardOptions layers;
    layers.layers = {"water"};
    CHECK(kt::message_of<UnknownId>([&] { (void)report::compare(star(), star(), layers); }) ==
          "scorecard: unknown layer 'water' (layers: overleg)");
}
