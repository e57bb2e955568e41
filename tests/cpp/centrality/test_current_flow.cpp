// Current-flow closeness, information and current-flow betweenness: by hand on tiny graphs,
// against dense linear algebra on small random graphs, and against shortest paths on trees.
#include <catch2/catch.hpp>

#include <cstdint>

#include <Eigen/Dense>

#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/centrality/closeness.hpp"
#include "ketennet/centrality/current_flow_betweenness.hpp"
#include "ketennet/centrality/current_flow_closeness.hpp"
#include "ketennet/centrality/information.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using kt::check_by_id;
using kt::opts;

namespace {

std::vector<double> cfc(const View& v, unsigned threads = 1) {
    centrality::CurrentFlowOptions o;
    o.threads = threads;
    return centrality::current_flow_closeness(v, o);
}

std::vector<double> cfb(const View& v, bool normalized = true, unsigned threads = 1) {
    centrality::CurrentFlowBetweennessOptions o;
    o.normalized = normalized;
    o.threads = threads;
    return centrality::current_flow_betweenness(v, o);
}

}  // namespace

//   path  a --- b --- c   (unit resistors)
//   R(a,b) = 1, R(b,c) = 1, R(a,c) = 2:  closeness 1/3, 1/2, 1/3
//   betweenness: the current between a and c all passes b: b = 1 (normalised by
//   (n-1)(n-2)/2 = 1: also 1); a = c = 0
//
//   the same path with conductances (volume) a-b 2, b-c 1: R(a,b) = 1/2, R(b,c) = 1,
//   R(a,c) = 3/2:  a 1/(1/2 + 3/2) = 1/2,  b 1/(1/2 + 1) = 2/3,  c 1/(3/2 + 1) = 2/5
TEST_CASE("current-flow centralities of a path", "[centrality][current_flow]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 2.0}, {"b", "c", 1.0}}, false);
    const ViewPtr v = net.view();
    check_by_id(*v, cfc(*v), {{"a", 1.0 / 3}, {"b", 0.5}, {"c", 1.0 / 3}});
    check_by_id(*v, centrality::information(*v), {{"a", 1.0 / 3}, {"b", 0.5}, {"c", 1.0 / 3}});
    check_by_id(*v, cfb(*v), {{"a", 0}, {"b", 1}, {"c", 0}});
    check_by_id(*v, cfb(*v, false), {{"a", 0}, {"b", 1}, {"c", 0}});
    const ViewPtr w = net.view(opts({}, "volume"));
    check_by_id(*w, cfc(*w), {{"a", 0.5}, {"b", 2.0 / 3}, {"c", 0.4}});
    check_by_id(*w, cfb(*w), {{"a", 0}, {"b", 1}, {"c", 0}});
}

//   square   a --- b      unit resistors: neighbours R = 1 || 3 = 3/4, opposite R = 2 || 2 = 1;
//            |     |      closeness 1 / (3/4 + 3/4 + 1) = 2/5 each.
//            d --- c      betweenness of b: pair {a,c} splits half via b (1/2); the adjacent
//   pairs {a,d} and {c,d} each send 1/4 of their current the long way round through b:
//   1/2 + 1/4 + 1/4 = 1 unnormalised, 1 / ((n-1)(n-2)/2 = 3) normalised; all alike.
TEST_CASE("current-flow centralities of a square", "[centrality][current_flow]") {
    const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}}, false);
    const ViewPtr v = net.view();
    check_by_id(*v, cfc(*v), {{"a", 0.4}, {"b", 0.4}, {"c", 0.4}, {"d", 0.4}});
    check_by_id(*v, cfb(*v, false), {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}});
    check_by_id(*v, cfb(*v), {{"a", 1.0 / 3}, {"b", 1.0 / 3}, {"c", 1.0 / 3}, {"d", 1.0 / 3}});
}

//   triangle with conductances (volume):      b
//                                          1 / \ 1
//                                           a---c
//                                             2
//   pair {a,c}: direct conductance 2 vs 1/2 via b: b carries 0.5/2.5 = 1/5
//   pair {a,b}: direct 1 vs via c 1/(1/2 + 1) = 2/3: c carries (2/3)/(5/3) = 2/5; {b,c}
//   likewise puts 2/5 on a. n = 3: normalised = unnormalised: a 2/5, b 1/5, c 2/5.
//   closeness: R(a,c) = 1/2.5 = 2/5; R(a,b) = 1/(1 + 2/3) = 3/5 = R(b,c):
//   a 1/(3/5 + 2/5) = 1, b 1/(6/5) = 5/6, c 1
TEST_CASE("weighted current-flow centralities of a triangle", "[centrality][current_flow]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 1.0}, {"a", "c", 2.0}}, false);
    const ViewPtr v = net.view(opts({}, "volume"));
    check_by_id(*v, cfb(*v), {{"a", 0.4}, {"b", 0.2}, {"c", 0.4}});
    check_by_id(*v, cfc(*v), {{"a", 1}, {"b", 5.0 / 6}, {"c", 1}});
}

//   star: centre h, leaves l1 l2 l3, and a self-loop on l1 (carries no current):
//   every leaf pair passes h: 3 unnormalised, 3 / 3 = 1 normalised; leaves 0.
//   closeness: R(h, l) = 1, R(l, l') = 2: h 1/3, leaves 1/(1 + 2 + 2) = 1/5
TEST_CASE("current-flow centralities of a star ignore self-loops", "[centrality][current_flow]") {
    const Network net = kt::graph({"h", "l1", "l2", "l3"}, {{"h", "l1"}, {"h", "l2"}, {"h", "l3"}, {"l1", "l1"}}, false);
    const ViewPtr v = net.view();
    check_by_id(*v, cfb(*v), {{"h", 1}, {"l1", 0}, {"l2", 0}, {"l3", 0}});
    check_by_id(*v, cfb(*v, false), {{"h", 3}, {"l1", 0}, {"l2", 0}, {"l3", 0}});
    check_by_id(*v, cfc(*v), {{"h", 1.0 / 3}, {"l1", 0.2}, {"l2", 0.2}, {"l3", 0.2}});
}

TEST_CASE("current-flow centralities refuse what they are not defined for", "[centrality][current_flow]") {
    SECTION("directed") {
        const Network net = kt::graph({"a", "b"}, {{"a", "b"}}, true, "case");
        const std::string msg = kt::message_of<InputError>([&] { cfc(*net.view()); });
        CHECK_THAT(msg, Catch::Contains("current_flow_closeness"));
        CHECK_THAT(msg, Catch::Contains("directed"));
        CHECK_THAT(msg, Catch::Contains("layer 'case'"));
        CHECK_THAT(kt::message_of<InputError>([&] { cfb(*net.view(opts({"case"}))); }),
                   Catch::Contains("current_flow_betweenness: the view (layer 'case') is directed"));
    }
    SECTION("not connected") {
        const Network net = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"c", "d"}}, false);
        for (const std::string& msg : {kt::message_of<InputError>([&] { cfc(*net.view()); }),
                                       kt::message_of<InputError>([&] { cfb(*net.view()); }),
                                       kt::message_of<InputError>([&] { centrality::information(*net.view()); })}) {
            CHECK_THAT(msg, Catch::Contains("not connected"));
            CHECK_THAT(msg, Catch::Contains("2 components"));
            CHECK_THAT(msg, Catch::Contains("'c' cannot be reached from 'a'"));
        }
        CHECK_THAT(kt::message_of<InputError>([&] { centrality::information(*net.view()); }),
                   Catch::StartsWith("information:"));
    }
    SECTION("zero or negative conductance") {
        Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 0.0}}, false);
        const std::string msg = kt::message_of<InputError>([&] { cfc(*net.view(opts({}, "volume"))); });
        CHECK_THAT(msg, Catch::Contains("b - c"));
        CHECK_THAT(msg, Catch::Contains("positive"));
    }
    SECTION("too small") {
        CHECK_THAT(kt::message_of<InputError>([&] { cfc(*kt::graph({"a"}, {}, false).view()); }),
                   Catch::Contains("at least 2"));
        CHECK_THAT(kt::message_of<InputError>([&] { cfb(*Network().view()); }), Catch::Contains("at least 1"));
        // betweenness needs someone between two others: 0 with one or two organisations
        const Network two = kt::graph({"a", "b"}, {{"a", "b"}}, false);
        check_by_id(*two.view(), cfb(*two.view()), {{"a", 0}, {"b", 0}});
        check_by_id(*two.view(), cfc(*two.view()), {{"a", 1}, {"b", 1}});
    }
}

namespace {

/// A connected random undirected network: a random recursive tree plus @p extra random
/// pairs drawn, with conductances (volume) 0.5, 1, ..., 3 and latency 1.
Network random_connected(std::size_t n, std::size_t extra, std::uint64_t seed) {
    const auto conductance = kt::steps(0.5, 0.5, 6);
    const kt::RandomGraph g = kt::RandomGraph(n, false, seed).tree(conductance).draw(extra, conductance);
    return g.network_with([](Relation& r, const kt::Tie& t) {
        r.volume = t.weight;
        r.latency = 1.0;
    });
}

/// Dense reference: the Laplacian's pseudo-inverse, effective resistances and, pair by pair,
/// the current through every organisation (throughput: half the absolute currents of its
/// ties). Returns {closeness, unnormalised betweenness}.
std::pair<std::vector<double>, std::vector<double>> dense_reference(const View& g) {
    const Eigen::Index n = g.n();
    Eigen::MatrixXd L = Eigen::MatrixXd::Zero(n, n);
    for (std::size_t e = 0; e < g.m(); ++e) {
        const auto u = g.edge_sources()[e], v = g.edge_targets()[e];
        if (u == v) continue;
        const double w = g.edge_weights()[e];
        L(u, u) += w;
        L(v, v) += w;
        L(u, v) -= w;
        L(v, u) -= w;
    }
    const Eigen::MatrixXd J = Eigen::MatrixXd::Constant(n, n, 1.0 / double(n));
    const Eigen::MatrixXd Lp = (L + J).inverse() - J;  // Moore-Penrose inverse of L
    std::vector<double> close(n), between(n, 0.0);
    for (Eigen::Index v = 0; v < n; ++v) {
        double s = 0;
        for (Eigen::Index t = 0; t < n; ++t) s += Lp(v, v) + Lp(t, t) - 2 * Lp(v, t);
        close[v] = 1 / s;
    }
    for (Eigen::Index s = 0; s < n; ++s)
        for (Eigen::Index t = s + 1; t < n; ++t) {
            const Eigen::VectorXd p = Lp.col(s) - Lp.col(t);
            std::vector<double> through(n, 0.0);
            for (std::size_t e = 0; e < g.m(); ++e) {
                const auto u = g.edge_sources()[e], v = g.edge_targets()[e];
                const double current = std::abs(g.edge_weights()[e] * (p[u] - p[v]));
                through[u] += current / 2;
                through[v] += current / 2;
            }
            for (Eigen::Index v = 0; v < n; ++v)
                if (v != s && v != t) between[v] += through[v];
        }
    return {close, between};
}

}  // namespace

TEST_CASE("current-flow centralities equal dense linear algebra on random graphs",
          "[centrality][current_flow]") {
    const std::uint64_t seed = GENERATE(range(1, 7));
    const bool weighted = GENERATE(false, true);
    INFO("seed " << seed << ", weighted " << weighted);
    const Network net = random_connected(25 + 5 * seed, 30, seed);
    const ViewPtr v = weighted ? net.view(opts({}, "volume")) : net.view();
    const auto [close, between] = dense_reference(*v);
    const auto got_c = cfc(*v);
    const auto got_b = cfb(*v, false);
    const auto got_i = centrality::information(*v);
    for (vertex_t x = 0; x < v->n(); ++x) {
        INFO("organisation " << v->id(x));
        CHECK(got_c[x] == Approx(close[x]).epsilon(1e-10));
        CHECK(got_i[x] == got_c[x]);
        CHECK(got_b[x] == Approx(between[x]).epsilon(1e-9).margin(1e-9));
    }
}

//   On a tree every pair has one path, which carries the whole current: current-flow
//   betweenness is shortest-path betweenness, resistance is hop distance (unit conductances)
//   and current-flow closeness is closeness / (n - 1).
TEST_CASE("on trees current flow equals shortest paths", "[centrality][current_flow]") {
    const std::uint64_t seed = GENERATE(11, 12, 13);
    const Network net = random_connected(60, 0, seed);
    const ViewPtr v = net.view();
    REQUIRE(v->m() == v->n() - 1);
    const auto b = centrality::betweenness(*v);
    const auto c = centrality::closeness(*v);
    const auto got_b = cfb(*v);
    const auto got_c = cfc(*v);
    for (vertex_t x = 0; x < v->n(); ++x) {
        CHECK(got_b[x] == Approx(b[x]).margin(1e-12));
        CHECK(got_c[x] == Approx(c[x] / double(v->n() - 1)).epsilon(1e-12));
    }
}

TEST_CASE("current-flow centralities are identical for one and two threads", "[centrality][current_flow][threads]") {
    const Network net = random_connected(300, 400, 4242);
    const ViewPtr v = net.view(opts({}, "volume"));
    CHECK(cfc(*v, 1) == cfc(*v, 2));
    CHECK(cfb(*v, true, 1) == cfb(*v, true, 2));
    // one solve per tie instead of kept potentials (the path for large networks)
    centrality::CurrentFlowBetweennessOptions o;
    o.keep_potentials_up_to = 0;
    o.threads = 1;
    const auto per_tie = centrality::current_flow_betweenness(*v, o);
    o.threads = 2;
    CHECK(centrality::current_flow_betweenness(*v, o) == per_tie);
    const auto kept = cfb(*v, true, 2);
    for (vertex_t x = 0; x < v->n(); ++x) CHECK(per_tie[x] == Approx(kept[x]).epsilon(1e-10).margin(1e-14));
}

TEST_CASE("current-flow betweenness reports progress over both phases", "[centrality][current_flow][progress]") {
    const Network net = random_connected(200, 200, 99);
    std::vector<double> seen;
    centrality::CurrentFlowBetweennessOptions o;
    o.threads = 1;
    o.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    centrality::current_flow_betweenness(*net.view(), o);
    REQUIRE(seen.size() > 4);
    CHECK(seen.back() == 1.0);
    for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] >= seen[i - 1]);
    o.progress = [](double f) { return f < 0.5; };
    CHECK_THROWS_AS(centrality::current_flow_betweenness(*net.view(), o), Cancelled);
}
