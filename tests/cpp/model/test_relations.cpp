// Layers and relations: add, set, remove, lookups, undirected pairs, bad values.
#include <catch2/catch.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;
using kt::rel;

namespace {

Network three_orgs() {
    Network net("n");
    net.add_organisation({"a", "", "", {}});
    net.add_organisation({"b", "", "", {}});
    net.add_organisation({"c", "", "", {}});
    return net;
}

}  // namespace

TEST_CASE("layers are added in order, found by name and keep their direction", "[model][layer]") {
    Network net;
    net.add_layer("case");
    net.add_layer("coloc", false);
    REQUIRE(net.layers().size() == 2);
    CHECK(net.layers()[0] == Layer{"case", true, LayerKind::cases});
    CHECK(net.layers()[1] == Layer{"coloc", false, LayerKind::tie});
    CHECK(net.layer_position("coloc") == 1);
    CHECK(net.layer("case").directed);
    CHECK_FALSE(net.layer("coloc").directed);
    CHECK(net.has_layer("case"));
    CHECK_FALSE(net.has_layer("it"));
    CHECK_THROWS_AS(net.layer("it"), UnknownId);
    CHECK_THROWS_AS(net.layer_position("it"), UnknownId);
}

TEST_CASE("duplicate or empty layer names are an InputError", "[model][layer]") {
    Network net;
    net.add_layer("case");
    CHECK_THAT(message_of<InputError>([&] { net.add_layer("case", false); }),
               Catch::Contains("duplicate layer 'case'"));
    CHECK_THROWS_AS(net.add_layer(""), InputError);
    REQUIRE(net.layers().size() == 1);
    CHECK(net.layer("case").directed);
}

//   layer case (directed):   a --> b --> c
TEST_CASE("relations are added, found, replaced and removed", "[model][relation]") {
    Network net = three_orgs();
    net.add_layer("case");
    Relation ab = rel("a", "b", "case", 10.0);
    ab.quality = 0.5;
    ab.attributes = {{"source_doc", std::string("OM 2022")}};
    CHECK(net.add_relation(ab) == 0);
    CHECK(net.add_relation(rel("b", "c", "case")) == 1);
    CHECK(net.relation_count() == 2);

    CHECK(net.has_relation("a", "b", "case"));
    CHECK_FALSE(net.has_relation("b", "a", "case"));  // directed: the reverse is another relation
    CHECK_FALSE(net.has_relation("a", "b", "nolayer"));
    CHECK_FALSE(net.has_relation("a", "zz", "case"));
    CHECK(net.find_relation("b", "c", "case") == std::optional<std::size_t>(1));
    CHECK(net.relation_position("a", "b", "case") == 0);
    CHECK(net.relation("a", "b", "case") == ab);
    CHECK(net.relation(0) == ab);
    CHECK(net.relation_source(1) == 1);
    CHECK(net.relation_target(1) == 2);
    CHECK(net.relation_layer(1) == 0);
    CHECK(net.relation_field(0, Field::volume) == 10.0);
    CHECK(std::isnan(net.relation_field(0, Field::latency)));
    CHECK(net.relation_attributes(0) == ab.attributes);
    const Relation bc = net.relation(1);
    CHECK_FALSE(bc.volume.has_value());
    CHECK_FALSE(bc.quality.has_value());

    // the reverse direction is a different relation in a directed layer
    CHECK(net.add_relation(rel("b", "a", "case", 1.0)) == 2);

    SECTION("set_relation replaces fields and attributes") {
        Relation ab2 = rel("a", "b", "case");
        ab2.latency = 3.0;
        net.set_relation(ab2);
        CHECK(net.relation("a", "b", "case") == ab2);
        CHECK(net.relation_position("a", "b", "case") == 0);
        CHECK(net.relation_count() == 3);
    }
    SECTION("remove_relation shifts later positions down") {
        net.remove_relation("a", "b", "case");
        CHECK(net.relation_count() == 2);
        CHECK_FALSE(net.has_relation("a", "b", "case"));
        CHECK(net.relation_position("b", "c", "case") == 0);
        CHECK(net.relation_position("b", "a", "case") == 1);
        CHECK(net.relation(1).volume == std::optional<double>(1.0));
    }
    SECTION("unknown relations raise UnknownId") {
        CHECK_THROWS_AS(net.relation("c", "a", "case"), UnknownId);
        CHECK_THROWS_AS(net.relation(std::size_t(3)), UnknownId);
        CHECK_THROWS_AS(net.remove_relation("c", "a", "case"), UnknownId);
        CHECK_THROWS_AS(net.set_relation(rel("c", "a", "case")), UnknownId);
        CHECK_THAT(message_of<UnknownId>([&] { net.relation_position("a", "b", "it"); }),
                   Catch::Contains("in layer 'it' (unknown layer; layers: case)"));
        CHECK(net.relation_count() == 3);
    }
}

TEST_CASE("a duplicate relation in a directed layer is an InputError", "[model][relation]") {
    Network net = three_orgs();
    net.add_layer("case");
    net.add_relation(rel("a", "b", "case", 1.0));
    const std::string msg =
        message_of<InputError>([&] { net.add_relation(rel("a", "b", "case", 2.0)); });
    CHECK_THAT(msg, Catch::Contains("a -> b (layer 'case')"));
    CHECK_THAT(msg, Catch::Contains("duplicate"));
    CHECK(net.relation_count() == 1);
    CHECK(net.relation(0).volume == std::optional<double>(1.0));
}

//   layer coloc (undirected):   a --- b
TEST_CASE("in an undirected layer (a,b) and (b,a) are the same relation", "[model][relation]") {
    Network net = three_orgs();
    net.add_layer("coloc", false);
    net.add_relation(rel("b", "a", "coloc", 4.0));

    const std::string msg =
        message_of<InputError>([&] { net.add_relation(rel("a", "b", "coloc", 5.0)); });
    CHECK_THAT(msg, Catch::Contains("undirected layer"));
    CHECK(net.relation_count() == 1);

    // found in either order; stored with the order it was added in
    CHECK(net.find_relation("a", "b", "coloc") == std::optional<std::size_t>(0));
    CHECK(net.find_relation("b", "a", "coloc") == std::optional<std::size_t>(0));
    CHECK(net.relation("a", "b", "coloc").source == "b");
    CHECK(net.relation("a", "b", "coloc").target == "a");

    // set and remove accept either order
    net.set_relation(rel("a", "b", "coloc", 6.0));
    CHECK(net.relation(0).volume == std::optional<double>(6.0));
    CHECK(net.relation(0).source == "b");
    net.remove_relation("a", "b", "coloc");
    CHECK(net.relation_count() == 0);
    CHECK_FALSE(net.has_relation("b", "a", "coloc"));

    // a self-loop in an undirected layer is one relation
    net.add_relation(rel("c", "c", "coloc"));
    CHECK_THROWS_AS(net.add_relation(rel("c", "c", "coloc")), InputError);
}

TEST_CASE("the same pair may be related in different layers", "[model][relation]") {
    Network net = three_orgs();
    net.add_layer("case");
    net.add_layer("coloc", false);
    net.add_relation(rel("a", "b", "case"));
    net.add_relation(rel("a", "b", "coloc"));
    CHECK(net.relation_count() == 2);
    CHECK(net.relation_position("a", "b", "coloc") == 1);
}

TEST_CASE("relations to unknown organisations or layers raise UnknownId", "[model][relation]") {
    Network net = three_orgs();
    net.add_layer("case");
    SECTION("unknown source") {
        const std::string msg =
            message_of<UnknownId>([&] { net.add_relation(rel("zz", "b", "case")); });
        CHECK_THAT(msg, Catch::Contains("unknown source organisation 'zz'"));
    }
    SECTION("unknown target") {
        const std::string msg =
            message_of<UnknownId>([&] { net.add_relation(rel("a", "zz", "case")); });
        CHECK_THAT(msg, Catch::Contains("unknown target organisation 'zz'"));
    }
    SECTION("unknown layer") {
        const std::string msg =
            message_of<UnknownId>([&] { net.add_relation(rel("a", "b", "info")); });
        CHECK_THAT(msg, Catch::Contains("unknown layer 'info' (layers: case; add it with add_layer)"));
    }
    CHECK(net.relation_count() == 0);
}

TEST_CASE("out-of-range relation values are an InputError naming relation and field",
          "[model][relation]") {
    struct Bad {
        Field field;
        double value;
        const char* why;
    };
    const Bad bad = GENERATE(Bad{Field::quality, 1.5, "outside [0, 1]"},
                             Bad{Field::quality, -0.1, "outside [0, 1]"},
                             Bad{Field::quality, kt::nan, "NaN"},
                             Bad{Field::quality, kt::inf, "infinite"},
                             Bad{Field::volume, -1.0, "negative"},
                             Bad{Field::volume, kt::nan, "NaN"},
                             Bad{Field::volume, kt::inf, "infinite"},
                             Bad{Field::latency, -0.5, "negative"},
                             Bad{Field::latency, -kt::inf, "infinite"},
                             Bad{Field::latency, kt::nan, "NaN"},
                             Bad{Field::capacity, -2.0, "negative"},
                             Bad{Field::capacity, kt::nan, "NaN"},
                             Bad{Field::capacity, kt::inf, "infinite"});
    INFO("field " << field_name(bad.field) << " = " << bad.value);
    Network net = three_orgs();
    net.add_layer("case");
    net.add_relation(rel("b", "c", "case", 1.0));
    Relation r = rel("a", "b", "case");
    r.get(bad.field) = bad.value;

    SECTION("add_relation") {
        const std::string msg = message_of<InputError>([&] { net.add_relation(r); });
        CHECK_THAT(msg, Catch::Contains("relation a -> b (layer 'case')"));
        CHECK_THAT(msg, Catch::Contains(std::string("field '") + field_name(bad.field) + "'"));
        CHECK_THAT(msg, Catch::Contains(bad.why));
        CHECK(net.relation_count() == 1);
        CHECK_FALSE(net.has_relation("a", "b", "case"));
    }
    SECTION("set_relation") {
        Relation r2 = rel("b", "c", "case");
        r2.get(bad.field) = bad.value;
        const std::string msg = message_of<InputError>([&] { net.set_relation(r2); });
        CHECK_THAT(msg, Catch::Contains("relation b -> c (layer 'case')"));
        CHECK_THAT(msg, Catch::Contains(std::string("field '") + field_name(bad.field) + "'"));
        CHECK(net.relation("b", "c", "case") == rel("b", "c", "case", 1.0));
    }
}

TEST_CASE("boundary relation values are accepted", "[model][relation]") {
    Network net = three_orgs();
    net.add_layer("case");
    Relation r = rel("a", "b", "case", 0.0);
    r.latency = 0.0;
    r.quality = 1.0;
    r.capacity = 0.0;
    net.add_relation(r);
    Relation r2 = rel("b", "a", "case");
    r2.quality = 0.0;
    net.add_relation(r2);
    CHECK(net.relation(0) == r);
    CHECK(net.relation(1) == r2);
}

TEST_CASE("reserved relation attribute names are an InputError", "[model][relation]") {
    const std::string name = GENERATE(as<std::string>{}, "source", "target", "layer", "volume",
                                      "latency", "quality", "capacity");
    Network net = three_orgs();
    net.add_layer("case");
    Relation r = rel("a", "b", "case");
    r.attributes = {{name, 1.0}};
    const std::string msg = message_of<InputError>([&] { net.add_relation(r); });
    CHECK_THAT(msg, Catch::Contains("relation a -> b (layer 'case')"));
    CHECK_THAT(msg, Catch::Contains("'" + name + "'"));
    CHECK(net.relation_count() == 0);
    // organisation-only names are fine on relations
    r.attributes = {{"name", std::string("x")}, {"id", 1.0}, {"sector", true}};
    CHECK_NOTHROW(net.add_relation(r));
}

TEST_CASE("NaN and infinite relation attributes are an InputError", "[model][relation]") {
    const double bad = GENERATE(as<double>{}, kt::nan, kt::inf, -kt::inf);
    INFO("value " << bad);
    Network net = three_orgs();
    net.add_layer("case");
    Relation r = rel("a", "b", "case");
    r.attributes = {{"cost", bad}};
    const std::string msg = message_of<InputError>([&] { net.add_relation(r); });
    CHECK_THAT(msg, Catch::Contains("relation a -> b (layer 'case')"));
    CHECK_THAT(msg, Catch::Contains("attribute 'cost'"));
    CHECK(net.relation_count() == 0);
}

//   layers: case (directed)  a -> b, b -> c;  coloc (undirected)  a - c;  info  b -> a
TEST_CASE("remove_layer removes the layer and its relations and renumbers the rest",
          "[model][layer]") {
    Network net = three_orgs();
    net.add_layer("case");
    net.add_layer("coloc", false);
    net.add_layer("info");
    net.add_relation(rel("a", "b", "case", 1.0));
    net.add_relation(rel("a", "c", "coloc", 2.0));
    net.add_relation(rel("b", "c", "case", 3.0));
    net.add_relation(rel("b", "a", "info", 4.0));

    net.remove_layer("coloc");
    REQUIRE(net.layers().size() == 2);
    CHECK(net.layers()[0].name == "case");
    CHECK(net.layers()[1].name == "info");
    CHECK(net.layer_position("info") == 1);
    CHECK_FALSE(net.has_layer("coloc"));
    REQUIRE(net.relation_count() == 3);
    CHECK(net.relation(0) == rel("a", "b", "case", 1.0));
    CHECK(net.relation(1) == rel("b", "c", "case", 3.0));
    CHECK(net.relation(2) == rel("b", "a", "info", 4.0));
    CHECK(net.relation_layer(2) == 1);
    CHECK(net.find_relation("b", "a", "info") == std::optional<std::size_t>(2));
    CHECK_FALSE(net.has_relation("a", "c", "coloc"));
    CHECK_THROWS_AS(net.remove_layer("coloc"), UnknownId);
    // the layer name is free again, and the new layer starts empty
    net.add_layer("coloc");
    CHECK(net.layer("coloc").directed);
    net.add_relation(rel("a", "c", "coloc"));
    CHECK(net.relation_count() == 4);
}
