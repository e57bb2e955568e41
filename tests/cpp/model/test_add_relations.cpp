// Bulk input: Network::add_relations (RelationColumns) is all-or-nothing.
#include <catch2/catch.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;
using kt::rel;

namespace {

// organisations a(0) b(1) c(2) d(3); layers case(0, directed), coloc(1, undirected);
// one existing relation a -> b in case.
Network base() {
    Network net("bulk");
    net.add_layer("case");
    net.add_layer("coloc", false);
    for (const char* id : {"a", "b", "c", "d"}) net.add_organisation({id, "", "", {}});
    net.add_relation(rel("a", "b", "case", 1.0));
    return net;
}

RelationColumns columns(std::vector<vertex_t> s, std::vector<vertex_t> t,
                        std::vector<std::uint32_t> l) {
    RelationColumns c;
    c.source = std::move(s);
    c.target = std::move(t);
    c.layer = std::move(l);
    return c;
}

}  // namespace

//   rows: 0  b -> c (case)   volume 2, quality 0.5, kind "zsm",   urgent true
//         1  c - d (coloc)   volume NaN (unknown), kind absent,   urgent absent
//         2  d -> a (case)   volume 4,             kind "regulier", urgent false
TEST_CASE("add_relations appends all rows with fields and typed attributes", "[model][bulk]") {
    Network net = base();
    RelationColumns c = columns({1, 2, 3}, {2, 3, 0}, {0, 1, 0});
    c.fields[0] = {2.0, kt::nan, 4.0};  // volume
    c.fields[2] = {0.5, kt::nan, kt::nan};  // quality
    AttributeColumn kind;
    kind.name = "kind";
    kind.kind = AttributeColumn::Kind::string;
    kind.codes = {0, -1, 1};
    kind.categories = {"zsm", "regulier"};
    AttributeColumn urgent;
    urgent.name = "urgent";
    urgent.kind = AttributeColumn::Kind::boolean;
    urgent.booleans = {1, -1, 0};
    AttributeColumn cost;
    cost.name = "cost";
    cost.kind = AttributeColumn::Kind::number;
    cost.numbers = {kt::nan, 7.5, -1.0};
    c.attributes = {kind, urgent, cost};

    net.add_relations(c);
    REQUIRE(net.relation_count() == 4);

    Relation r1 = rel("b", "c", "case", 2.0);
    r1.quality = 0.5;
    r1.attributes = {{"kind", std::string("zsm")}, {"urgent", true}};
    Relation r2 = rel("c", "d", "coloc");
    r2.attributes = {{"cost", 7.5}};
    Relation r3 = rel("d", "a", "case", 4.0);
    r3.attributes = {{"kind", std::string("regulier")}, {"urgent", false}, {"cost", -1.0}};
    CHECK(net.relation(1) == r1);
    CHECK(net.relation(2) == r2);
    CHECK(net.relation(3) == r3);
    // indexed: found in either order in the undirected layer, duplicates caught afterwards
    CHECK(net.find_relation("d", "c", "coloc") == std::optional<std::size_t>(2));
    CHECK_THROWS_AS(net.add_relation(rel("d", "c", "coloc")), InputError);
    // an empty batch is fine
    CHECK_NOTHROW(net.add_relations(RelationColumns{}));
    CHECK(net.relation_count() == 4);
}

TEST_CASE("add_relations changes nothing when a row is a duplicate", "[model][bulk]") {
    Network net = base();
    const Network before = net;
    const auto rev = net.revision();
    RelationColumns c;
    std::string row;
    SECTION("duplicate of an existing relation in row 2") {
        c = columns({1, 2, 0}, {2, 3, 1}, {0, 0, 0});  // row 2: a -> b (case) exists
        row = "row 2";
    }
    SECTION("duplicate within the batch in row 2") {
        c = columns({1, 2, 1}, {2, 3, 2}, {0, 0, 0});  // row 2 repeats row 0
        row = "row 2";
    }
    SECTION("reversed pair in an undirected layer in row 1") {
        c = columns({2, 3}, {3, 2}, {1, 1});  // c - d and d - c in coloc
        row = "row 1";
    }
    const std::string msg = message_of<InputError>([&] { net.add_relations(c); });
    CHECK_THAT(msg, Catch::Contains(row));
    CHECK_THAT(msg, Catch::Contains("duplicate"));
    CHECK(net == before);
    CHECK(net.relation_count() == 1);
    CHECK(net.revision() == rev);
    // the rows before the duplicate were rolled back from the index too
    CHECK_FALSE(net.has_relation("b", "c", "case"));
    CHECK_NOTHROW(net.add_relation(rel("b", "c", "case")));
    CHECK_NOTHROW(net.add_relation(rel("c", "d", "coloc")));
}

TEST_CASE("add_relations changes nothing when a value is bad, naming row and field",
          "[model][bulk]") {
    Network net = base();
    const Network before = net;
    RelationColumns c = columns({1, 2, 3}, {2, 3, 0}, {0, 0, 0});
    c.record = "relations.csv row";
    std::string field;
    SECTION("quality above 1") {
        c.fields[2] = {0.5, 1.5, 0.2};
        field = "quality";
    }
    SECTION("negative volume") {
        c.fields[0] = {1.0, -3.0, 0.0};
        field = "volume";
    }
    SECTION("infinite latency") {
        c.fields[1] = {1.0, kt::inf, 0.0};
        field = "latency";
    }
    SECTION("negative capacity") {
        c.fields[3] = {1.0, -0.5, kt::nan};
        field = "capacity";
    }
    const std::string msg = message_of<InputError>([&] { net.add_relations(c); });
    CHECK_THAT(msg, Catch::Contains("relations.csv row 1"));
    CHECK_THAT(msg, Catch::Contains("c -> d"));
    CHECK_THAT(msg, Catch::Contains("field '" + field + "'"));
    CHECK(net == before);
}

TEST_CASE("add_relations rejects bad columns and changes nothing", "[model][bulk]") {
    Network net = base();
    const Network before = net;
    SECTION("organisation index out of range in row 1") {
        RelationColumns c = columns({0, 9}, {2, 0}, {0, 0});
        CHECK_THAT(message_of<UnknownId>([&] { net.add_relations(c); }),
                   Catch::Contains("row 1"));
    }
    SECTION("layer index out of range in row 0") {
        RelationColumns c = columns({0}, {2}, {5});
        CHECK_THAT(message_of<UnknownId>([&] { net.add_relations(c); }),
                   Catch::Contains("row 0"));
    }
    SECTION("columns of different length") {
        RelationColumns c = columns({0, 1}, {2}, {0, 0});
        CHECK_THROWS_AS(net.add_relations(c), InputError);
    }
    SECTION("a field column of the wrong length") {
        RelationColumns c = columns({0, 1}, {2, 2}, {0, 0});
        c.fields[0] = {1.0};
        CHECK_THROWS_AS(net.add_relations(c), InputError);
    }
    SECTION("an infinite number attribute in row 1") {
        RelationColumns c = columns({0, 1}, {2, 2}, {0, 0});
        AttributeColumn a;
        a.name = "cost";
        a.numbers = {1.0, -kt::inf};
        c.attributes = {a};
        const std::string msg = message_of<InputError>([&] { net.add_relations(c); });
        CHECK_THAT(msg, Catch::Contains("row 1"));
        CHECK_THAT(msg, Catch::Contains("'cost'"));
    }
    SECTION("a string code out of range") {
        RelationColumns c = columns({0}, {2}, {0});
        AttributeColumn a;
        a.name = "kind";
        a.kind = AttributeColumn::Kind::string;
        a.codes = {3};
        a.categories = {"x"};
        c.attributes = {a};
        CHECK_THROWS_AS(net.add_relations(c), InputError);
    }
    SECTION("an empty attribute name") {
        RelationColumns c = columns({0}, {2}, {0});
        AttributeColumn a;
        a.numbers = {1.0};
        c.attributes = {a};
        CHECK_THROWS_AS(net.add_relations(c), InputError);
    }
    CHECK(net == before);
}

// add_relation rejects these names (reserved: the relation's own fields); the bulk path must
// too, or the network holds relations that its own JSON reader rejects.
TEST_CASE("add_relations rejects reserved attribute names", "[model][bulk]") {
    const std::string name = GENERATE(as<std::string>{}, "source", "target", "layer", "volume",
                                      "latency", "quality", "capacity");
    Network net = base();
    const Network before = net;
    RelationColumns c = columns({1}, {2}, {0});
    AttributeColumn a;
    a.name = name;
    a.numbers = {5.0};
    c.attributes = {a};
    CHECK_THROWS_AS(net.add_relations(c), InputError);
    CHECK(net == before);
}
