// Tie changes between two periods: a hand-drawn pair of periods with the kept, formed and
// dissolved ties counted by hand, per layer and per organisation; organisations entering and
// leaving; undirected ties and self-loops counted once; bad input.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "ketennet/panel/tie_changes.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

//   earlier period: a, b, c, d                later period: b, a, c, e (d left, e entered)
//   case (directed):  a -> b -> c -> d        case:  a -> b <- c -> e,  e -> e
//   info (undirected): a - b - c              info:  b - a,  c - e
//                                             new (undirected, only later): a - e
//
//   case: kept a->b; formed c->b, c->e, e->e; dissolved b->c, c->d
//         -> kept 1, formed 3, dissolved 2, hamming 5, jaccard 1/6
//   info: kept a-b (ends given the other way round); formed c-e; dissolved b-c
//         -> kept 1, formed 1, dissolved 1, jaccard 1/3
//   new:  formed a-e -> kept 0, formed 1, dissolved 0, jaccard 0
Network earlier() {
    Network net("earlier");
    net.add_layer("case", true);
    net.add_layer("info", false);
    for (const char* id : {"a", "b", "c", "d"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kt::rel("a", "b", "case"));
    net.add_relation(kt::rel("b", "c", "case"));
    net.add_relation(kt::rel("c", "d", "case"));
    net.add_relation(kt::rel("a", "b", "info"));
    net.add_relation(kt::rel("b", "c", "info"));
    return net;
}

Network later() {
    Network net("later");
    net.add_layer("case", true);
    net.add_layer("info", false);
    net.add_layer("new", false);
    for (const char* id : {"b", "a", "c", "e"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kt::rel("a", "b", "case"));
    net.add_relation(kt::rel("c", "b", "case"));
    net.add_relation(kt::rel("c", "e", "case"));
    net.add_relation(kt::rel("e", "e", "case"));
    net.add_relation(kt::rel("b", "a", "info"));
    net.add_relation(kt::rel("c", "e", "info"));
    net.add_relation(kt::rel("a", "e", "new"));
    return net;
}

void check_counts(const panel::TieCounts& c, std::size_t kept, std::size_t formed, std::size_t dissolved) {
    CHECK(c.kept == kept);
    CHECK(c.formed == formed);
    CHECK(c.dissolved == dissolved);
}

}  // namespace

TEST_CASE("tie changes of a hand-drawn pair of periods, per layer", "[panel]") {
    const auto r = panel::tie_changes(earlier(), later());
    REQUIRE(r.size() == 3);
    CHECK(r[0].layer == "case");
    CHECK(r[0].directed);
    check_counts(r[0].changes.ties, 1, 3, 2);
    CHECK(r[0].changes.ties.hamming() == 5);
    CHECK(r[0].changes.ties.jaccard() == Approx(1.0 / 6.0));
    CHECK(r[1].layer == "info");
    CHECK_FALSE(r[1].directed);
    check_counts(r[1].changes.ties, 1, 1, 1);
    CHECK(r[1].changes.ties.jaccard() == Approx(1.0 / 3.0));
    CHECK(r[2].layer == "new");  // only the later network has it: every tie formed
    check_counts(r[2].changes.ties, 0, 1, 0);
    CHECK(r[2].changes.ties.jaccard() == 0.0);
    CHECK(r[2].changes.ties.turnover() == 1.0);
}

//   case, per organisation (ties it is an end of; e's self-loop once):
//     a: kept a->b                                  -> 1, 0, 0, turnover 0
//     b: kept a->b, formed c->b, dissolved b->c     -> 1, 1, 1, turnover 2/3
//     c: formed c->b, c->e, dissolved b->c, c->d    -> 0, 2, 2, turnover 1
//     d: dissolved c->d (d left)                    -> 0, 0, 1
//     e: formed c->e, e->e (e entered)              -> 0, 2, 0
TEST_CASE("tie changes per organisation, entering and leaving", "[panel]") {
    const auto r = panel::tie_changes(earlier(), later(), {"case"});
    REQUIRE(r.size() == 1);
    const auto& c = r[0].changes;
    CHECK(c.organisations == std::vector<std::string>{"a", "b", "c", "d", "e"});
    REQUIRE(c.per_organisation.size() == 5);
    check_counts(c.per_organisation[0], 1, 0, 0);
    CHECK(c.per_organisation[0].turnover() == 0.0);
    check_counts(c.per_organisation[1], 1, 1, 1);
    CHECK(c.per_organisation[1].turnover() == Approx(2.0 / 3.0));
    check_counts(c.per_organisation[2], 0, 2, 2);
    CHECK(c.per_organisation[2].turnover() == 1.0);
    check_counts(c.per_organisation[3], 0, 0, 1);
    check_counts(c.per_organisation[4], 0, 2, 0);
}

TEST_CASE("tie changes: views, the reverse direction, no ties", "[panel]") {
    const Network a = earlier(), b = later();
    // from the later period back to the earlier one, formed and dissolved swap
    const auto back = panel::tie_changes(*b.view(kt::opts({"case"})), *a.view(kt::opts({"case"})));
    check_counts(back.ties, 1, 2, 3);
    CHECK(back.organisations == std::vector<std::string>{"b", "a", "c", "e", "d"});
    // a layer without ties in either period: nothing to compare
    Network empty("empty");
    empty.add_layer("case", true);
    empty.add_organisation({"x", "", "", {}});
    const auto none = panel::tie_changes(empty, empty);
    check_counts(none[0].changes.ties, 0, 0, 0);
    CHECK(std::isnan(none[0].changes.ties.jaccard()));
    CHECK(std::isnan(none[0].changes.per_organisation[0].turnover()));
    // the same network twice: every tie kept
    const auto same = panel::tie_changes(a, a);
    check_counts(same[0].changes.ties, 3, 0, 0);
    check_counts(same[1].changes.ties, 2, 0, 0);
}

TEST_CASE("tie changes: bad input names what and where", "[panel]") {
    const Network a = earlier(), b = later();
    CHECK_THROWS_AS(panel::tie_changes(a, b, {"nope"}), UnknownId);
    CHECK_THROWS_WITH(panel::tie_changes(a, b, {"nope"}), Catch::Contains("layer 'nope'"));
    Network flipped("flipped");
    flipped.add_layer("case", false);
    flipped.add_organisation({"a", "", "", {}});
    CHECK_THROWS_AS(panel::tie_changes(a, flipped), InputError);
    CHECK_THROWS_WITH(panel::tie_changes(a, flipped),
                      Catch::Contains("layer 'case' is directed in the earlier network"));
    CHECK_THROWS_WITH(panel::tie_changes(*a.view(kt::opts({"case"})), *a.view(kt::opts({"info"}))),
                      Catch::Contains("earlier view is directed and the later one undirected"));
}
