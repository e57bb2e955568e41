// The view cache of Network::view(): the same view until the network changes.
#include <catch2/catch.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::opts;
using kt::rel;

//   case (directed):  a --> b
TEST_CASE("view() returns the cached view until the network changes", "[view][cache]") {
    Network net = kt::graph({"a", "b"}, {{"a", "b", 2.0}}, true, "case");
    const ViewPtr v1 = net.view();
    CHECK(net.view() == v1);
    // no layers means every layer: the same selection, the same cached view
    CHECK(net.view(opts({"case"})) == v1);
    const ViewPtr w1 = net.view(opts({}, "volume"));
    CHECK(w1 != v1);
    CHECK(net.view(opts({}, "volume")) == w1);
    CHECK(net.view(opts({}, "volume", Combine::max)) != w1);
    CHECK(v1->revision() == net.revision());

    SECTION("add_organisation") { net.add_organisation({"c", "", "", {}}); }
    SECTION("set_organisation") { net.set_organisation({"a", "A", "", {}}); }
    SECTION("add_relation") { net.add_relation(rel("b", "a", "case", 1.0)); }
    SECTION("set_relation") { net.set_relation(rel("a", "b", "case", 3.0)); }
    SECTION("remove_relation") { net.remove_relation("a", "b", "case"); }
    SECTION("add_layer") { net.add_layer("info"); }
    SECTION("add_chain") { net.add_chain(Chain{"k", {Stage{"s", {"a"}}}}); }
    SECTION("remove_organisation") { net.remove_organisation("b"); }
    SECTION("copy assignment") { net = kt::graph({"a", "b"}, {{"a", "b", 2.0}}, true, "case"); }

    const ViewPtr v2 = net.view();
    CHECK(v2 != v1);
    CHECK(net.view() == v2);
    CHECK(net.view(opts({}, "volume")) != w1);
    CHECK(v2->revision() == net.revision());
    CHECK(v2->revision() > v1->revision());
    // the old view is immutable and still describes the old network
    CHECK(v1->n() == 2);
    CHECK(v1->m() == 1);
    CHECK(v1->ids() == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a view reports the options it was built from", "[view][cache]") {
    Network net = kt::graph({"a", "b"}, {{"a", "b", 2.0}}, false, "coloc");
    net.add_layer("case");
    const ViewPtr all = net.view();
    CHECK(all->options().layers == std::vector<std::string>{"coloc", "case"});
    CHECK(all->options().weight.empty());
    CHECK_FALSE(all->weighted());
    const ViewPtr w = net.view(opts({"coloc"}, "latency", Combine::min));
    CHECK(w->options().layers == std::vector<std::string>{"coloc"});
    CHECK(w->options().weight == "latency");
    CHECK(w->options().combine == Combine::min);
    CHECK(w->weighted());
    CHECK(std::string(combine_name(Combine::sum)) == "sum");
    CHECK(std::string(combine_name(Combine::min)) == "min");
    CHECK(std::string(combine_name(Combine::max)) == "max");
}

TEST_CASE("view() with an unknown layer raises UnknownId", "[view][cache]") {
    Network net = kt::graph({"a", "b"}, {{"a", "b"}}, true, "case");
    CHECK_THROWS_AS(net.view(opts({"nolayer"})), UnknownId);
    CHECK_THROWS_AS(net.view(opts({"case", "nolayer"})), UnknownId);
}

//   case (directed):  a --> b --> c        then remove b:  a   c
TEST_CASE("a view kept across remove_organisation still describes the network it was built from",
          "[view][cache][index]") {
    Network net = kt::graph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}}, true, "case");
    const ViewPtr before = net.view();
    net.remove_organisation("b");
    const ViewPtr after = net.view();
    // the old view: its ids, vertices and ties as at its revision
    CHECK(before->ids() == std::vector<std::string>{"a", "b", "c"});
    CHECK(before->id(2) == "c");
    CHECK(before->index_of("b") == 1);
    CHECK(before->m() == 2);
    CHECK(before->revision() < net.revision());
    // the new one
    CHECK(after->ids() == std::vector<std::string>{"a", "c"});
    CHECK(after->index_of("c") == 1);
    CHECK_FALSE(after->find("b").has_value());
    CHECK(after->m() == 0);
    CHECK(after->revision() == net.revision());
}

TEST_CASE("vertex indices and ids are checked", "[view][model][index]") {
    Network net = kt::graph({"a", "b"}, {{"a", "b"}}, true, "case");
    const ViewPtr v = net.view();
    CHECK(v->find("a") == std::optional<vertex_t>(0));
    CHECK(v->index_of("b") == 1);
    CHECK_THROWS_WITH(v->index_of("x"), "unknown organisation 'x' (the view has 2 organisations)");
    CHECK_THROWS_AS(v->index_of("x"), UnknownId);
    CHECK_THROWS_WITH(v->id(2), "vertex 2 is not in the view (it has 2 organisations: 0 to n - 1)");
    CHECK_THROWS_AS(v->id(2), UnknownId);
    // every failure is a ketennet::Error: an embedder's catch (ketennet::Error&) sees it
    CHECK_THROWS_AS(net.organisation(vertex_t(5)), Error);
    CHECK_THROWS_WITH(net.organisation(vertex_t(5)),
                      "organisation index 5 is out of range (the network has 2 organisations: 0 to n - 1)");
    CHECK(net.organisation(vertex_t(1)).id == "b");
}
