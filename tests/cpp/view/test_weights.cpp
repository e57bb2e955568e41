// The weight policy (view/weights.hpp): each rule's accepted weights and its message, naming
// the algorithm, the weight and the first offending tie in edge order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ketennet/model/network.hpp"
#include "ketennet/view/weights.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

struct W {
    std::string source, target;
    double w;
};

/// Organisations a, b, c and one layer holding @p ties with the numeric attribute `w` (which,
/// unlike the fields, may be negative or 0).
Network with_weights(const std::vector<W>& ties, bool directed) {
    Network net("weights");
    net.add_layer("L", directed);
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    for (const auto& t : ties) {
        Relation r = kt::rel(t.source, t.target, "L");
        r.attributes["w"] = t.w;
        net.add_relation(r);
    }
    return net;
}

std::string message(const View& g, WeightRule rule, const char* what) {
    return kt::message_of<InputError>([&] { require_weights(g, rule, what); });
}

}  // namespace

TEST_CASE("require_weights: distances may be 0 but not negative", "[view][weights]") {
    const Network ok = with_weights({{"a", "b", 0.0}, {"b", "c", 2.5}}, true);
    CHECK_NOTHROW(require_weights(*ok.view(kt::opts({}, "w")), WeightRule::distance, "closeness"));
    const Network bad = with_weights({{"a", "b", 1.0}, {"b", "c", -2.0}, {"c", "a", -1.0}}, true);
    CHECK(message(*bad.view(kt::opts({}, "w")), WeightRule::distance, "closeness") ==
          "closeness: weight 'w' of b -> c is negative; distances must be >= 0");
}

TEST_CASE("require_weights: counted and inverse distances must be positive, self-loops exempt",
          "[view][weights]") {
    const Network loop = with_weights({{"a", "a", 0.0}, {"a", "b", 1.0}}, false);
    const ViewPtr lv = loop.view(kt::opts({}, "w"));
    CHECK_NOTHROW(require_weights(*lv, WeightRule::counted_distance, "betweenness"));
    CHECK_NOTHROW(require_weights(*lv, WeightRule::inverse_distance, "global_efficiency"));
    CHECK_THROWS_AS(require_weights(*lv, WeightRule::positive_strength, "structural holes"),
                    InputError);

    const Network zero = with_weights({{"a", "b", 1.0}, {"b", "c", 0.0}}, true);
    const ViewPtr zv = zero.view(kt::opts({}, "w"));
    CHECK(message(*zv, WeightRule::counted_distance, "betweenness") ==
          "betweenness: weight 'w' of arc b -> c is 0; counting shortest paths needs positive "
          "distances (use a small positive value for same-day hand-offs, or no weight)");
    const Network negative = with_weights({{"a", "b", -1.0}}, false);
    const ViewPtr nv = negative.view(kt::opts({}, "w"));
    CHECK(message(*nv, WeightRule::counted_distance, "edge_betweenness") ==
          "edge_betweenness: weight 'w' of edge a - b is negative; counting shortest paths needs "
          "positive distances (use a small positive value for same-day hand-offs, or no weight)");
    CHECK(message(*nv, WeightRule::inverse_distance, "local_efficiency") ==
          "local_efficiency: weight 'w' of a - b is negative; efficiency sums 1 / distance and "
          "needs positive distances (use a small positive latency for same-day hand-offs, or no "
          "weight)");
}

TEST_CASE("require_weights: strengths and capacities are finite and >= 0", "[view][weights]") {
    const Network ok = with_weights({{"a", "b", 0.0}, {"b", "c", 3.0}}, true);
    const ViewPtr okv = ok.view(kt::opts({}, "w"));
    CHECK_NOTHROW(require_weights(*okv, WeightRule::strength, "pagerank"));
    CHECK_NOTHROW(require_weights(*okv, WeightRule::capacity, "throughput"));
    const Network bad = with_weights({{"a", "b", 0.5}, {"c", "a", -1.5}}, true);
    const ViewPtr bv = bad.view(kt::opts({}, "w"));
    CHECK(message(*bv, WeightRule::strength, "pagerank") ==
          "pagerank: weight 'w' of arc c -> a is -1.5; weights are strengths here and must be "
          ">= 0");
    CHECK(message(*bv, WeightRule::capacity, "throughput") ==
          "throughput: capacity 'w' of c -> a must be finite and >= 0");
}

TEST_CASE("require_weights: amounts and routing weights are finite and >= 0, conductances > 0",
          "[view][weights]") {
    const Network bad = with_weights({{"a", "b", 0.0}, {"b", "c", -2.0}}, false);
    const ViewPtr bv = bad.view(kt::opts({}, "w"));
    CHECK(message(*bv, WeightRule::amount, "modularity") ==
          "modularity: weight 'w' of b - c must be finite and >= 0");
    CHECK(message(*bv, WeightRule::routing, "first_passage") ==
          "first_passage: routing weight 'w' of b - c must be finite and >= 0");
    CHECK(message(*bv, WeightRule::conductance, "information") ==
          "information: weight 'w' of edge a - b is 0; weights are conductances (strengths) "
          "here and must be positive");
    const Network loop = with_weights({{"a", "a", 0.0}, {"a", "b", 0.5}}, false);
    CHECK_NOTHROW(require_weights(*loop.view(kt::opts({}, "w")), WeightRule::conductance, "x"));
}

TEST_CASE("require_weights: Burt's tie strengths are finite and > 0", "[view][weights]") {
    const Network zero = with_weights({{"a", "b", 2.0}, {"b", "c", 0.0}}, false);
    CHECK(message(*zero.view(kt::opts({}, "w")), WeightRule::positive_strength,
                  "structural holes") ==
          "structural holes need positive, finite tie weights; the tie b - c has weight 0.000000");
}

TEST_CASE("require_weights: an unweighted view passes every rule", "[view][weights]") {
    const Network net = with_weights({{"a", "b", -1.0}, {"b", "b", 0.0}}, true);
    const ViewPtr v = net.view();
    for (WeightRule rule : {WeightRule::distance, WeightRule::counted_distance,
                            WeightRule::inverse_distance, WeightRule::strength,
                            WeightRule::capacity, WeightRule::amount, WeightRule::routing,
                            WeightRule::conductance, WeightRule::positive_strength})
        CHECK_NOTHROW(require_weights(*v, rule, "any"));
}
