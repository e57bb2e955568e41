// The scorecard's rows on a hand-drawn network with known answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "ketennet/report/scorecard.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

//   a --- b --- c        one undirected tie layer "overleg"
//         |              sectors: a politie, b om, c om, d zorg
//         d
// b is the one articulation point, every tie a bridge, b a star centre.
Network star() {
    Network net("ster");
    net.add_layer("overleg", false, LayerKind::tie);
    net.add_organisation({"a", "", "politie", {}});
    net.add_organisation({"b", "Openbaar Ministerie", "om", {}});
    net.add_organisation({"c", "", "om", {}});
    net.add_organisation({"d", "", "zorg", {}});
    for (const char* t : {"a", "c", "d"}) net.add_relation(kt::rel("b", t, "overleg"));
    return net;
}

const report::ScorecardRow& row(const std::vector<report::ScorecardRow>& rows, const std::string& goal,
                                const std::string& indicator, const std::string& scope = "network",
                                const std::string& subject = "") {
    for (const auto& r : rows)
        if (r.goal == goal && r.indicator == indicator && r.scope == scope && r.subject == subject) return r;
    FAIL("no row " << goal << " / " << indicator << " / " << scope << " / " << subject);
    throw;
}

}  // namespace

TEST_CASE("scorecard rows of a star of four organisations", "[report][scorecard]") {
    const Network net = star();
    const auto card = report::scorecard(net);
    const auto rows = card.rows();

    // every goal, in order
    std::vector<std::string> goals;
    for (const auto& r : rows)
        if (goals.empty() || goals.back() != r.goal) goals.push_back(r.goal);
    CHECK(goals == std::vector<std::string>{"resilience", "learning", "effectiveness", "citizen"});

    CHECK(row(rows, "resilience", "single points of failure").value == 1.0);
    const auto& flag = row(rows, "resilience", "single point of failure", "organisation", "b");
    CHECK(flag.value == 1.0);
    CHECK(flag.meaning == "Openbaar Ministerie (b) disconnects the network when it fails (1: yes, 0: no)");
    CHECK(row(rows, "resilience", "bridges").value == 3.0);
    CHECK(row(rows, "resilience", "bridges").layers == "overleg");

    const auto& rec = row(rows, "learning", "reciprocity");
    CHECK(std::isnan(rec.value));
    CHECK(rec.note == "no directed layer: every tie is mutual");
    CHECK(row(rows, "learning", "reciprocity", "layer", "overleg").note == "undirected layer: every tie is mutual");

    CHECK(row(rows, "effectiveness", "organisations").value == 4.0);
    CHECK(row(rows, "effectiveness", "relations").value == 3.0);
    CHECK(row(rows, "effectiveness", "sectors").value == 3.0);
    CHECK(row(rows, "effectiveness", "density").value == Approx(0.5));
    CHECK(row(rows, "effectiveness", "density", "layer", "overleg").value == Approx(0.5));
    // degrees 1, 3, 1, 1: sum (3 - d) = 6 of at most (n-1)(n-2) = 6
    CHECK(row(rows, "effectiveness", "degree centralization").value == Approx(1.0));
    // b is on the shortest path of all three pairs of the others
    CHECK(row(rows, "effectiveness", "broker (betweenness)", "organisation", "b").value == Approx(1.0));
    CHECK(row(rows, "effectiveness", "transitivity").value == 0.0);
    CHECK(row(rows, "effectiveness", "weak components").value == 1.0);
    CHECK(row(rows, "effectiveness", "share in largest component").value == 1.0);

    // E-I: a-b and b-d cross sectors, b-c stays in om: (2 - 1) / 3
    CHECK(row(rows, "effectiveness", "collaboration E-I index (sectors)").value == Approx(1.0 / 3));
    CHECK(row(rows, "effectiveness", "collaboration E-I index", "sector", "om").value == Approx(1.0 / 3));
    const auto& one = row(rows, "effectiveness", "collaboration E-I index", "sector", "zorg");
    CHECK(std::isnan(one.value));
    CHECK(one.note == "one organisation in the sector: trivially +1");
    const auto& mode = row(rows, "effectiveness", "collaboration governance mode (observed)");
    CHECK(mode.text == "lead organisation");
    CHECK(mode.layers == "overleg");
    CHECK(mode.meaning == "the governance mode the collaboration ties show: A lead organisation governs: "
                          "'b' has the most contacts and reaches 100% of the others.");
    CHECK(row(rows, "effectiveness", "collaboration governance mode (indicated)").text == "undetermined");
    const auto& central = row(rows, "effectiveness", "collaboration centrally integrated");
    CHECK(central.value == 1.0);
    CHECK(central.text == "yes");

    const auto& cases = row(rows, "citizen", "cases followed");
    CHECK(std::isnan(cases.value));
    CHECK(cases.note.rfind("needs an event log", 0) == 0);
}

TEST_CASE("scorecard: what cannot be computed is a NaN row with the reason", "[report][scorecard]") {
    Network net("twee");
    net.add_layer("overleg", false, LayerKind::tie);
    net.add_organisation({"a", "", "politie", {}});
    net.add_organisation({"b", "", "", {}});
    net.add_relation(kt::rel("a", "b", "overleg"));
    report::ScorecardOptions o;
    o.chains = std::vector<std::string>{"straf"};
    const auto rows = report::scorecard(net, o).rows();
    CHECK(row(rows, "effectiveness", "degree centralization").note == "needs three organisations");
    CHECK(row(rows, "effectiveness", "collaboration E-I index (sectors)").note == "1 organisation(s) have no sector");
    const auto& lead = row(rows, "effectiveness", "lead time (fastest)", "chain", "straf");
    CHECK(std::isnan(lead.value));
    CHECK(lead.note == "the network has no chain 'straf'");
    CHECK_THROWS_AS(report::scorecard(net, report::ScorecardOptions{{"zaak"}, {}, 5, nullptr, {}}), UnknownId);
}

TEST_CASE("scorecard batch rows: the union of the organisations ranked, sectors aligned", "[report][scorecard]") {
    //   first: the star above (b ranks as broker); second: x --- y --- z (y ranks)
    Network path("pad");
    path.add_layer("overleg", false, LayerKind::tie);
    for (const char* id : {"x", "y", "z"}) path.add_organisation({id, "", "om", {}});
    path.add_relation(kt::rel("x", "y", "overleg"));
    path.add_relation(kt::rel("y", "z", "overleg"));
    const auto batch = report::batch_rows({report::scorecard(star()), report::scorecard(path)});
    REQUIRE(batch.size() == 2);
    const auto& y_in_star = row(batch[0], "effectiveness", "broker (betweenness)", "organisation", "y");
    CHECK(std::isnan(y_in_star.value));
    CHECK(y_in_star.note == "not an organisation of this network");
    CHECK(row(batch[1], "effectiveness", "broker (betweenness)", "organisation", "y").value == Approx(1.0));
    // a sector only the star has: a NaN row with a note in the path
    const auto& politie = row(batch[1], "effectiveness", "collaboration E-I index", "sector", "politie");
    CHECK(std::isnan(politie.value));
    CHECK(politie.note == "the network has no organisation of sector 'politie'");
    // the same keys in the same order
    REQUIRE(batch[0].size() == batch[1].size());
    for (std::size_t i = 0; i < batch[0].size(); ++i) {
        const auto &a = batch[0][i], &b = batch[1][i];
        CHECK((a.goal == b.goal && a.indicator == b.indicator && a.scope == b.scope && a.subject == b.subject));
    }
}

TEST_CASE("scorecards of a batch: each network's scorecard, whatever the thread count", "[report][scorecard]") {
    //   the star above, x --- y --- z, and the star again
    Network path("pad");
    path.add_layer("overleg", false, LayerKind::tie);
    for (const char* id : {"x", "y", "z"}) path.add_organisation({id, "", "om", {}});
    path.add_relation(kt::rel("x", "y", "overleg"));
    path.add_relation(kt::rel("y", "z", "overleg"));
    const Network s = star();
    const std::vector<const Network*> nets{&s, &path, &s};
    const auto same_rows = [](const std::vector<report::ScorecardRow>& a, const std::vector<report::ScorecardRow>& b) {
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK((a[i].indicator == b[i].indicator && a[i].subject == b[i].subject && a[i].note == b[i].note));
            CHECK((a[i].value == b[i].value || (std::isnan(a[i].value) && std::isnan(b[i].value))));
        }
    };
    for (unsigned threads : {1u, 2u, 3u}) {
        const auto cards = report::scorecards(nets, {report::ScorecardOptions{}}, threads);
        REQUIRE(cards.size() == 3);
        same_rows(cards[0].rows(), report::scorecard(s).rows());
        same_rows(cards[1].rows(), report::scorecard(path).rows());
        same_rows(cards[2].rows(), cards[0].rows());
    }
    // one options struct per network: the second scored on a layer it lacks is an error
    report::ScorecardOptions missing;
    missing.layers = {"zaak"};
    CHECK_THROWS_AS(report::scorecards(nets, {{}, missing, {}}, 2), UnknownId);
    CHECK_THROWS_WITH(report::scorecards(nets, {{}, {}}), Catch::Contains("3 networks but 2 options"));
    // cancelled from the progress handler
    CHECK_THROWS_AS(report::scorecards(nets, {{}}, 1, [](double) { return false; }), Cancelled);
}

TEST_CASE("scorecard values and text as the report shows them", "[report][scorecard][text]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(report::format_value(0.5, "share") == "0.500");
    CHECK(report::format_value(168800, "cases per year") == "168,800");
    CHECK(report::format_value(2500.5, "cases per year") == "2,500");  // whole, half to even
    CHECK(report::format_value(1234.5, "days") == "1,234");             // four digits
    CHECK(report::format_value(12345.6, "days") == "1.235e+04");
    CHECK(report::format_value(-0.0, "organisations") == "0");
    CHECK(report::format_value(nan, "share") == "n/a");
    CHECK(report::format_value(nan, "mode", "shared") == "shared");

    const Network net = star();
    const std::string text = report::to_text(net, report::scorecard(net).rows());
    CHECK(text.rfind("ketennet report: ster\n=====================\n"
                     "4 organisations, 3 relations; layers: overleg (tie, undirected)\n\n"
                     "Veerkracht en weerbaarheid (Resilience)\n", 0) == 0);
    CHECK(text.find("\n    - Openbaar Ministerie (b)\n") != std::string::npos);
    // the note of the first journey row, wrapped at 92 characters; the next ones "as above"
    CHECK(text.find("\n      needs an event log: pass log= (kn.eventlog.read_xes, read_csv or from_pandas) to measure the\n"
                    "      journeys cases actually make\n") != std::string::npos);
    CHECK(text.find("\n      (as above)\n") != std::string::npos);
}
