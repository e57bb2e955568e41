// How Network::view() projects layers into one simple graph: directions, merging, weights.
#include <catch2/catch.hpp>

#include "../test_helpers.hpp"

using namespace ketennet;
using kt::message_of;
using kt::opts;
using kt::rel;

namespace {

std::vector<std::pair<std::string, std::string>> edge_list(const View& v) {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t e = 0; e < v.m(); ++e)
        out.emplace_back(v.id(v.edge_sources()[e]), v.id(v.edge_targets()[e]));
    return out;
}

std::vector<std::string> names(const View& v, std::span<const vertex_t> vs) {
    std::vector<std::string> out;
    for (vertex_t x : vs) out.push_back(v.id(x));
    return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;
using Names = std::vector<std::string>;

//   case  (directed):    a --2--> b
//   coloc (undirected):  a --3--- b --4--- c     c --5-- c (self-loop)
//   d has no relations
Network mixed() {
    Network net("mixed");
    net.add_layer("case");
    net.add_layer("coloc", false);
    for (const char* id : {"a", "b", "c", "d"}) net.add_organisation({id, "", "", {}});
    net.add_relation(rel("a", "b", "case", 2.0));
    net.add_relation(rel("b", "a", "coloc", 3.0));
    net.add_relation(rel("c", "b", "coloc", 4.0));
    net.add_relation(rel("c", "c", "coloc", 5.0));
    return net;
}

}  // namespace

TEST_CASE("a view of directed and undirected layers is directed, undirected relations give two arcs",
          "[view][projection]") {
    const Network net = mixed();
    const ViewPtr v = net.view();
    CHECK(v->directed());
    CHECK_FALSE(v->weighted());
    CHECK(v->n() == 4);  // d is an isolated vertex
    // a -> b from both layers merges into one arc; the self-loop stays one arc
    CHECK(edge_list(*v) == Pairs{{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"}, {"c", "c"}});
    CHECK(v->m() == 5);
    CHECK(v->self_loops() == 1);
    for (double w : v->edge_weights()) CHECK(w == 1.0);
    CHECK(names(*v, v->out_neighbours(1)) == Names{"a", "c"});
    CHECK(names(*v, v->in_neighbours(2)) == Names{"b", "c"});
    CHECK(names(*v, v->out_neighbours(0)) == Names{"b"});
    CHECK(names(*v, v->in_neighbours(0)) == Names{"b"});
    CHECK(v->out_neighbours(3).empty());
    CHECK(v->in_neighbours(3).empty());
    CHECK(v->find_weight(0, 2) == nullptr);
    REQUIRE(v->out_offsets().size() == 5);
    CHECK(v->out_offsets()[4] == v->m());
}

TEST_CASE("parallel relations of different layers merge with sum, min or max",
          "[view][projection]") {
    const Network net = mixed();
    struct Case {
        Combine combine;
        double ab;  // a -> b: case 2 and coloc 3
    };
    const Case c = GENERATE(Case{Combine::sum, 5.0}, Case{Combine::min, 2.0}, Case{Combine::max, 3.0});
    INFO("combine " << combine_name(c.combine));
    const ViewPtr v = net.view(opts({}, "volume", c.combine));
    CHECK(v->directed());
    CHECK(v->weighted());
    REQUIRE(v->m() == 5);
    // sorted edges: a->b, b->a, b->c, c->b, c->c
    const std::vector<double> expected{c.ab, 3.0, 4.0, 4.0, 5.0};
    CHECK(std::vector<double>(v->edge_weights().begin(), v->edge_weights().end()) == expected);
    REQUIRE(v->find_weight(0, 1) != nullptr);
    CHECK(*v->find_weight(0, 1) == c.ab);
    CHECK(*v->find_weight(1, 0) == 3.0);
    // out_weights and in_weights run parallel to the neighbour lists
    CHECK(v->out_weights(0)[0] == c.ab);
    CHECK(v->in_weights(1)[0] == c.ab);
    CHECK(v->in_weights(2)[1] == 5.0);  // in-neighbours of c: b, c
}

//   coloc (undirected):  a --3--- b --4--- c --5-- c
//   zsm   (undirected):  b --6--- a,   b --1--- c
TEST_CASE("a view of undirected layers only is undirected and merges unordered pairs",
          "[view][projection]") {
    Network net = mixed();
    net.add_layer("zsm", false);
    net.add_relation(rel("b", "a", "zsm", 6.0));
    net.add_relation(rel("b", "c", "zsm", 1.0));

    SECTION("one layer") {
        const ViewPtr v = net.view(opts({"coloc"}, "volume"));
        CHECK_FALSE(v->directed());
        CHECK(edge_list(*v) == Pairs{{"a", "b"}, {"b", "c"}, {"c", "c"}});  // source <= target
        CHECK(std::vector<double>(v->edge_weights().begin(), v->edge_weights().end()) ==
              std::vector<double>{3.0, 4.0, 5.0});
        CHECK(names(*v, v->out_neighbours(1)) == Names{"a", "c"});
        CHECK(names(*v, v->out_neighbours(2)) == Names{"b", "c"});  // the self-loop once
        CHECK(v->self_loops() == 1);
        CHECK(names(*v, v->in_neighbours(2)) == Names{"b", "c"});
        CHECK(*v->find_weight(1, 0) == 3.0);
        CHECK(*v->find_weight(0, 1) == 3.0);
    }
    SECTION("two layers, summed") {
        const ViewPtr v = net.view(opts({"coloc", "zsm"}, "volume"));
        CHECK_FALSE(v->directed());
        CHECK(edge_list(*v) == Pairs{{"a", "b"}, {"b", "c"}, {"c", "c"}});
        CHECK(*v->find_weight(0, 1) == 9.0);
        CHECK(*v->find_weight(2, 1) == 5.0);
    }
    SECTION("two layers, min and max") {
        CHECK(*net.view(opts({"coloc", "zsm"}, "volume", Combine::min))->find_weight(1, 0) == 3.0);
        CHECK(*net.view(opts({"coloc", "zsm"}, "volume", Combine::max))->find_weight(1, 0) == 6.0);
        CHECK(*net.view(opts({"coloc", "zsm"}, "volume", Combine::max))->find_weight(1, 2) == 4.0);
    }
    SECTION("unweighted: merged edges weigh 1") {
        const ViewPtr v = net.view(opts({"coloc", "zsm"}));
        CHECK(v->m() == 3);
        CHECK(*v->find_weight(0, 1) == 1.0);
    }
    SECTION("only the directed layer") {
        const ViewPtr v = net.view(opts({"case"}));
        CHECK(v->directed());
        CHECK(edge_list(*v) == Pairs{{"a", "b"}});
        CHECK(v->self_loops() == 0);
        CHECK(v->find_weight(1, 0) == nullptr);
    }
}

TEST_CASE("a network without layers or relations gives an empty view", "[view][projection]") {
    Network net;
    net.add_organisation({"a", "", "", {}});
    const ViewPtr v = net.view();
    CHECK(v->n() == 1);
    CHECK(v->m() == 0);
    CHECK(v->out_neighbours(0).empty());
    const ViewPtr e = Network().view();
    CHECK(e->n() == 0);
    CHECK(e->m() == 0);
}

//   case (directed):  a --(volume 2)--> b,  c --(no volume)--> a,  b --(no volume)--> c
//   coloc (undirected): a --- c (volume 1)
TEST_CASE("a weight missing on a selected relation is an InputError naming it", "[view][weight]") {
    Network net("w");
    net.add_layer("case");
    net.add_layer("coloc", false);
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    net.add_relation(rel("a", "b", "case", 2.0));
    net.add_relation(rel("c", "a", "case"));
    net.add_relation(rel("a", "c", "coloc", 1.0));

    SECTION("one missing") {
        const std::string msg = message_of<InputError>([&] { net.view(opts({}, "volume")); });
        CHECK_THAT(msg, Catch::Contains("1 selected relation lacks the weight 'volume'"));
        CHECK_THAT(msg, Catch::Contains("c -> a (layer 'case')"));
    }
    SECTION("two missing") {
        net.add_relation(rel("b", "c", "case"));
        const std::string msg = message_of<InputError>([&] { net.view(opts({"case"}, "volume")); });
        CHECK_THAT(msg, Catch::Contains("2 selected relations lack the weight 'volume'"));
        CHECK_THAT(msg, Catch::Contains("c -> a (layer 'case')"));
        CHECK_THAT(msg, Catch::Contains("b -> c (layer 'case')"));
    }
    SECTION("a field nobody has") {
        const std::string msg = message_of<InputError>([&] { net.view(opts({}, "quality")); });
        CHECK_THAT(msg, Catch::Contains("3 selected relations lack the weight 'quality'"));
    }
    SECTION("relations of unselected layers do not matter") {
        const ViewPtr v = net.view(opts({"coloc"}, "volume"));
        CHECK(v->m() == 1);
        CHECK(*v->find_weight(2, 0) == 1.0);
    }
    SECTION("the unweighted view needs no weight") {
        CHECK(net.view()->m() == 3);  // a->b, and a - c as a->c and c->a (merged with case c->a)
    }
}

//   case (directed):  a --> b --> c   with attributes cost (number), kind (string), flag (bool)
TEST_CASE("attribute weights must be numeric", "[view][weight]") {
    Network net("w");
    net.add_layer("case");
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    Relation ab = rel("a", "b", "case");
    ab.attributes = {{"cost", 2.5}, {"kind", std::string("zsm")}, {"flag", true}};
    Relation bc = rel("b", "c", "case");
    bc.attributes = {{"cost", 0.5}, {"kind", std::string("regulier")}, {"flag", false}};
    net.add_relation(ab);
    net.add_relation(bc);

    const ViewPtr v = net.view(opts({}, "cost"));
    CHECK(*v->find_weight(0, 1) == 2.5);
    CHECK(*v->find_weight(1, 2) == 0.5);

    const std::string s = message_of<InputError>([&] { net.view(opts({}, "kind")); });
    CHECK_THAT(s, Catch::Contains("a -> b (layer 'case')"));
    CHECK_THAT(s, Catch::Contains("weight 'kind' is a string attribute"));
    const std::string b = message_of<InputError>([&] { net.view(opts({}, "flag")); });
    CHECK_THAT(b, Catch::Contains("weight 'flag' is a bool attribute"));
    const std::string m = message_of<InputError>([&] { net.view(opts({}, "nothing")); });
    CHECK(m == "no relation has 'nothing'; relation fields: volume, latency, quality, capacity; "
               "attributes: cost, flag (bool), kind (string)");
}
