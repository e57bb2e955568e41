// Whole-network operations: remove_organisation, induced, select_layers, copy/assign/move,
// equality and the revision counter.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::rel;

namespace {

//   case (directed):      a --> b --> c --> d
//                               ^           |
//                               +-----------+      (d -> b)
//   coloc (undirected):   a --- c,  b --- d
//   chain k: stage s1 {a, b}, stage s2 {c}, stage s3 {b, d}
Network sample() {
    Network net("sample");
    net.set_metadata({{"year", 2022}});
    net.add_layer("case");
    net.add_layer("coloc", false);
    for (const char* id : {"a", "b", "c", "d"}) net.add_organisation({id, "", "", {}});
    net.add_relation(rel("a", "b", "case", 1.0));
    net.add_relation(rel("b", "c", "case", 2.0));
    net.add_relation(rel("a", "c", "coloc", 3.0));
    net.add_relation(rel("c", "d", "case", 4.0));
    net.add_relation(rel("d", "b", "case", 5.0));
    net.add_relation(rel("b", "d", "coloc", 6.0));
    net.add_chain(Chain{"k", {Stage{"s1", {"a", "b"}}, Stage{"s2", {"c"}}, Stage{"s3", {"b", "d"}}}});
    return net;
}

}  // namespace

TEST_CASE("remove_organisation removes its relations and chain entries and shifts indices",
          "[model][network]") {
    Network net = sample();
    net.remove_organisation("b");

    CHECK(net.organisation_count() == 3);
    CHECK_FALSE(net.has_organisation("b"));
    CHECK(net.index_of("a") == 0);
    CHECK(net.index_of("c") == 1);
    CHECK(net.index_of("d") == 2);
    CHECK(*net.ids() == std::vector<std::string>{"a", "c", "d"});

    // only a - c (coloc) and c -> d (case) survive, in their old order
    REQUIRE(net.relation_count() == 2);
    CHECK(net.relation(0) == rel("a", "c", "coloc", 3.0));
    CHECK(net.relation(1) == rel("c", "d", "case", 4.0));
    CHECK(net.relation_source(1) == 1);
    CHECK(net.relation_target(1) == 2);
    CHECK(net.find_relation("c", "a", "coloc") == std::optional<std::size_t>(0));
    CHECK(net.find_relation("c", "d", "case") == std::optional<std::size_t>(1));

    const Chain& k = net.chain("k");
    REQUIRE(k.stages.size() == 3);  // stages are kept, even when they become empty
    CHECK(k.stages[0].organisations == std::vector<std::string>{"a"});
    CHECK(k.stages[1].organisations == std::vector<std::string>{"c"});
    CHECK(k.stages[2].organisations == std::vector<std::string>{"d"});

    // the id can be reused, and new relations use the new indices
    CHECK(net.add_organisation({"b", "", "", {}}) == 3);
    net.add_relation(rel("d", "b", "case"));
    CHECK(net.relation_source(2) == 2);
    CHECK(net.relation_target(2) == 3);

    // the view follows the new indices:  a - c (both ways), c -> d, d -> b
    auto v = net.view();
    CHECK(v->n() == 4);
    CHECK(v->m() == 4);
    CHECK(v->find_weight(2, 3) != nullptr);
    CHECK(v->find_weight(0, 1) != nullptr);
    CHECK(v->find_weight(1, 0) != nullptr);
}

TEST_CASE("induced keeps the chosen organisations, the relations among them and all layers",
          "[model][network]") {
    const Network net = sample();
    const Network sub = net.induced({"d", "b", "c"});  // order of the network, not of the list

    CHECK(sub.name() == "sample");
    CHECK(sub.metadata() == net.metadata());
    CHECK(sub.layers() == net.layers());
    CHECK(*sub.ids() == std::vector<std::string>{"b", "c", "d"});
    REQUIRE(sub.relation_count() == 4);
    CHECK(sub.relation(0) == rel("b", "c", "case", 2.0));
    CHECK(sub.relation(1) == rel("c", "d", "case", 4.0));
    CHECK(sub.relation(2) == rel("d", "b", "case", 5.0));
    CHECK(sub.relation(3) == rel("b", "d", "coloc", 6.0));
    CHECK(sub.find_relation("d", "b", "coloc") == std::optional<std::size_t>(3));
    // its relation index works: duplicates are caught, new relations can be added
    CHECK_THROWS_AS(sub.induced({"b"}).induced({"x"}), UnknownId);
    Network copy = sub;
    CHECK_THROWS_AS(copy.add_relation(rel("d", "b", "coloc")), InputError);
    CHECK_NOTHROW(copy.add_relation(rel("c", "b", "case")));

    const Chain& k = sub.chain("k");
    REQUIRE(k.stages.size() == 3);
    CHECK(k.stages[0] == Stage{"s1", {"b"}});
    CHECK(k.stages[1] == Stage{"s2", {"c"}});
    CHECK(k.stages[2] == Stage{"s3", {"b", "d"}});

    // the original is untouched
    CHECK(net == sample());
    CHECK_THROWS_AS(net.induced({"a", "zz"}), UnknownId);

    SECTION("an empty selection keeps layers and chains with empty stages") {
        const Network none = net.induced({});
        CHECK(none.organisation_count() == 0);
        CHECK(none.relation_count() == 0);
        CHECK(none.layers().size() == 2);
        CHECK(none.chain("k").stages[2].organisations.empty());
    }
}

TEST_CASE("select_layers keeps the chosen layers with their relations and all organisations",
          "[model][network]") {
    const Network net = sample();
    const Network sel = net.select_layers({"coloc"});
    REQUIRE(sel.layers().size() == 1);
    CHECK(sel.layers()[0] == Layer{"coloc", false, LayerKind::tie});
    CHECK(sel.organisation_count() == 4);
    REQUIRE(sel.relation_count() == 2);
    CHECK(sel.relation(0) == rel("a", "c", "coloc", 3.0));
    CHECK(sel.relation(1) == rel("b", "d", "coloc", 6.0));
    CHECK(sel.chains() == net.chains());
    CHECK(sel.name() == net.name());

    CHECK(net.select_layers({"case", "coloc"}) == net);
    CHECK(net.select_layers({}).relation_count() == 0);
    CHECK_THROWS_AS(net.select_layers({"it"}), UnknownId);
    CHECK(net == sample());
}

TEST_CASE("copies are equal and independent", "[model][network]") {
    Network net = sample();

    SECTION("copy construction") {
        Network copy(net);
        CHECK(copy == net);
        copy.add_organisation({"e", "", "", {}});
        CHECK(copy != net);
        CHECK(net.organisation_count() == 4);
        // the copy's relation index is its own
        copy.remove_relation("a", "b", "case");
        CHECK(net.has_relation("a", "b", "case"));
        CHECK_FALSE(copy.has_relation("a", "b", "case"));
    }
    SECTION("copy assignment") {
        Network other("other");
        other.add_organisation({"x", "", "", {}});
        auto old_view = other.view();
        other = net;
        CHECK(other == net);
        CHECK(other.view() != old_view);
        CHECK(other.view()->n() == 4);
        other.set_relation(rel("a", "b", "case", 99.0));
        CHECK(net.relation(0).volume == std::optional<double>(1.0));
    }
    SECTION("self assignment") {
        Network& alias = net;
        net = alias;
        CHECK(net == sample());
    }
    SECTION("move construction and assignment") {
        const Network expected = net;
        Network moved(std::move(net));
        CHECK(moved == expected);
        CHECK(moved.find_relation("d", "b", "coloc") == std::optional<std::size_t>(5));
        Network target("t");
        target.add_layer("x");
        target = std::move(moved);
        CHECK(target == expected);
        CHECK(target.view()->m() == sample().view()->m());
        // the moved-to network remains fully usable
        target.add_organisation({"e", "", "", {}});
        target.add_relation(rel("e", "a", "case"));
        CHECK(target.relation_count() == expected.relation_count() + 1);
    }
}

TEST_CASE("operator== compares every part of the network", "[model][network]") {
    const Network base = sample();
    CHECK(base == sample());
    CHECK_FALSE(base != sample());

    Network n = sample();
    SECTION("name") { n.set_name("other"); }
    SECTION("metadata") { n.set_metadata({{"year", 2023}}); }
    SECTION("layer direction") {
        Network m("sample");
        m.set_metadata({{"year", 2022}});
        m.add_layer("case");
        m.add_layer("coloc", true);
        n = m;
    }
    SECTION("organisation name") { n.set_organisation({"a", "A", "", {}}); }
    SECTION("organisation attribute") { n.set_organisation({"a", "", "", {{"x", 1.0}}}); }
    SECTION("relation field") { n.set_relation(rel("a", "b", "case", 1.5)); }
    SECTION("relation attribute") {
        Relation r = rel("a", "b", "case", 1.0);
        r.attributes = {{"x", true}};
        n.set_relation(r);
    }
    SECTION("relation order") {
        n.remove_relation("a", "b", "case");
        n.add_relation(rel("a", "b", "case", 1.0));
    }
    SECTION("chain") { n.set_chain(Chain{"k", {Stage{"s1", {"a"}}}}); }
    CHECK(n != base);
    CHECK_FALSE(n == base);
}

TEST_CASE("revision increases on every change of the structure", "[model][network][revision]") {
    Network net;
    auto rev = net.revision();
    auto changed = [&](const char* what) {
        INFO(what);
        CHECK(net.revision() > rev);
        rev = net.revision();
    };
    net.add_layer("case");
    changed("add_layer");
    net.add_layer("coloc", false);
    changed("add_layer");
    net.add_organisation({"a", "", "", {}});
    changed("add_organisation");
    net.add_organisation({"b", "", "", {}});
    changed("add_organisation");
    net.add_organisation({"c", "", "", {}});
    changed("add_organisation");
    net.set_organisation({"c", "C", "", {}});
    changed("set_organisation");
    net.add_relation(rel("a", "b", "case"));
    changed("add_relation");
    net.set_relation(rel("a", "b", "case", 2.0));
    changed("set_relation");
    RelationColumns cols;
    cols.source = {1};
    cols.target = {2};
    cols.layer = {0};
    net.add_relations(cols);
    changed("add_relations");
    net.remove_relation("b", "c", "case");
    changed("remove_relation");
    net.add_chain(Chain{"k", {Stage{"s", {"a"}}}});
    changed("add_chain");
    net.set_chain(Chain{"k", {Stage{"s", {"a", "b"}}}});
    changed("set_chain");
    net.remove_chain("k");
    changed("remove_chain");
    net.remove_layer("coloc");
    changed("remove_layer");
    net.remove_organisation("c");
    changed("remove_organisation");
    Network other;
    other.add_organisation({"x", "", "", {}});
    net = other;
    changed("copy assignment");

    // a failed change is no change
    CHECK_THROWS(net.add_organisation({"x", "", "", {}}));
    CHECK(net.revision() == rev);
}

TEST_CASE("revision increases when the name or the metadata change", "[model][network][revision]") {
    Network net("a");
    auto rev = net.revision();
    net.set_name("b");
    CHECK(net.revision() > rev);
    rev = net.revision();
    net.set_metadata({{"year", 2024}});
    CHECK(net.revision() > rev);
}

TEST_CASE("set_metadata accepts only a JSON object and keeps key order", "[model][network]") {
    Network net;
    CHECK_THROWS_AS(net.set_metadata(nlohmann::ordered_json::array({1, 2})), InputError);
    CHECK_THROWS_AS(net.set_metadata(nlohmann::ordered_json(3)), InputError);
    nlohmann::ordered_json md = nlohmann::ordered_json::object();
    md["zeta"] = 1;
    md["alpha"] = {{"y", true}, {"b", "x"}};
    net.set_metadata(md);
    CHECK(net.metadata().dump() == R"({"zeta":1,"alpha":{"y":true,"b":"x"}})");
}
