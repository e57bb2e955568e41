// Volume-routed flow (absorbing Markov chains): expected lead time, expected fidelity and
// mean first-passage times, by hand from the formulas, and against an independent dense solve
// and the Kemeny-Snell fundamental matrix.
#include <catch2/catch.hpp>

#include <cmath>

#include <Eigen/Dense>

#include "ketennet/flow/markov.hpp"
#include "ketennet/flow/selection.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"
#include "flow_fixtures.hpp"

using namespace ketennet;
using kf::R;

namespace {

flow::RoutedOutcome elt(const Network& net, const std::string& source,
                        const std::vector<std::string>& targets, bool steps = false) {
    const flow::RoutedView rv = flow::routed_view(net, {}, "volume", "latency");
    std::vector<vertex_t> t;
    for (const auto& id : targets) t.push_back(net.index_of(id));
    return flow::expected_lead_time(*rv.view, steps ? std::span<const double>{} : rv.value,
                                    {{net.index_of(source), 1.0}}, t);
}

double end_at(const flow::RoutedOutcome& r, const Network& net, const std::string& id) {
    for (auto [v, p] : r.ends)
        if (net.organisation(v).id == id) return p;
    return 0.0;
}

}  // namespace

//   politie --(100 items, 30 d)--> om --(60, 35 d)--> rechtbank
//                                   \--(40, 14 d)--> cjib
//
//   P(om -> rechtbank) = 0.6, P(om -> cjib) = 0.4.
//   to {rechtbank}: A(politie) = 0.6; B(om) = 0.6 * 35 = 21; B(politie) = 30 * 0.6 + 21 = 39;
//     value = 39 / 0.6 = 65; cjib is a dead end for these items: ends {cjib: 0.4}
//   to {rechtbank, cjib}: 30 + 0.6 * 35 + 0.4 * 14 = 56.6, all arrive
//   counting steps instead of days, to {rechtbank}: 2
TEST_CASE("expected lead time: split, dead end, several targets", "[flow][markov]") {
    const Network net = kf::network({"politie", "om", "rechtbank", "cjib"},
                                    {{"politie", "om", 100, 30},
                                     {"om", "rechtbank", 60, 35},
                                     {"om", "cjib", 40, 14}});
    auto r = elt(net, "politie", {"rechtbank"});
    CHECK(r.value == Approx(65.0).margin(1e-12));
    CHECK(r.arrival == Approx(0.6).margin(1e-15));
    REQUIRE(r.ends.size() == 1);
    CHECK(end_at(r, net, "cjib") == Approx(0.4).margin(1e-15));
    CHECK(r.trapped == 0.0);
    r = elt(net, "politie", {"rechtbank", "cjib"});
    CHECK(r.value == Approx(56.6).margin(1e-12));
    CHECK(r.arrival == Approx(1.0).margin(1e-15));
    CHECK(r.ends.empty());
    CHECK(elt(net, "politie", {"om"}).value == Approx(30.0).margin(1e-12));
    CHECK(elt(net, "politie", {"rechtbank"}, true).value == Approx(2.0).margin(1e-12));
}

//   a --(1, 1 d)--> b --(1, 1 d)--> t        from b half go on, half go back to a
//    ^--(1, 1 d)---/
//   B(a) = 1 + B(b),  B(b) = 1/2 * 1 + 1/2 (1 + B(a))  =>  B(a) = 4, B(b) = 3
TEST_CASE("expected lead time with a loop back", "[flow][markov]") {
    const Network net = kf::network({"a", "b", "t"}, {{"a", "b", 1, 1}, {"b", "a", 1, 1}, {"b", "t", 1, 1}});
    CHECK(elt(net, "a", {"t"}).value == Approx(4.0).margin(1e-12));
    CHECK(elt(net, "b", {"t"}).value == Approx(3.0).margin(1e-12));
    CHECK(elt(net, "a", {"t"}).arrival == Approx(1.0).margin(1e-15));
}

//   a --(1, 1 d)--> t          half of the items arrive after 1 day;
//   a --(1, 1 d)--> b <--> c   the other half circulate between b and c forever (trapped)
TEST_CASE("expected lead time reports trapped items", "[flow][markov]") {
    const Network net = kf::network({"a", "b", "c", "t"},
                                    {{"a", "t", 1, 1}, {"a", "b", 1, 1}, {"b", "c", 1, 1}, {"c", "b", 1, 1}});
    const auto r = elt(net, "a", {"t"});
    CHECK(r.value == Approx(1.0).margin(1e-12));
    CHECK(r.arrival == Approx(0.5).margin(1e-15));
    CHECK(r.trapped == Approx(0.5).margin(1e-15));
    CHECK(r.ends.empty());
    // starting inside the trap: nothing arrives
    const auto s = elt(net, "b", {"t"});
    CHECK(std::isinf(s.value));
    CHECK(s.arrival == 0.0);
    CHECK(s.trapped == Approx(1.0));
}

//   a --(1, 1 d)--> a (stays a day),  a --(1, 2 d)--> t
//   B(a) = 1/2 (1 + B(a)) + 1/2 * 2  =>  B(a) = 3  (one wait of a day expected, then 2 days)
TEST_CASE("expected lead time with a self-loop (waiting)", "[flow][markov]") {
    const Network net = kf::network({"a", "t"}, {{"a", "a", 1, 1}, {"a", "t", 1, 2}});
    CHECK(elt(net, "a", {"t"}).value == Approx(3.0).margin(1e-12));
}

//   undirected:  a --(2 items, 1 d)-- b --(1 item, 5 d)-- t
//   from b: to a 2/3, to t 1/3;  B(b) = 2/3 (1 + B(a)) + 1/3 * 5,  B(a) = 1 + B(b)
//   => B(b) = 9, B(a) = 10
TEST_CASE("expected lead time on an undirected layer", "[flow][markov]") {
    const Network net = kf::network({"a", "b", "t"}, {{"a", "b", 2, 1}, {"b", "t", 1, 5}}, false);
    CHECK(elt(net, "a", {"t"}).value == Approx(10.0).margin(1e-12));
    CHECK(elt(net, "b", {"t"}).value == Approx(9.0).margin(1e-12));
}

TEST_CASE("expected lead time: dead-end sources, zero volumes, bad input", "[flow][markov]") {
    //  a --(0 items)--> t: a passes nothing on, it is a dead end
    const Network net = kf::network({"a", "t", "u"}, {{"a", "t", 0, 1}, {"u", "t", 5, 2}});
    const auto r = elt(net, "a", {"t"});
    CHECK(std::isinf(r.value));
    CHECK(r.arrival == 0.0);
    CHECK(end_at(r, net, "a") == 1.0);
    const flow::RoutedView rv = flow::routed_view(net, {}, "volume", "latency");
    auto msg = kt::message_of<InputError>([&] {
        flow::expected_lead_time(*rv.view, rv.value, {{0, 1.0}}, {0});
    });
    CHECK_THAT(msg, Catch::Contains("'a' is both a source and a target"));
    msg = kt::message_of<InputError>([&] {
        flow::expected_lead_time(*rv.view, rv.value, {{0, 0.0}}, {1});
    });
    CHECK_THAT(msg, Catch::Contains("sum to 0"));
    msg = kt::message_of<InputError>([&] {
        flow::expected_lead_time(*rv.view, rv.value, {{0, 1.0}}, {});
    });
    CHECK_THAT(msg, Catch::Contains("no target"));
    // a relation lacking volume or latency is named
    const Network gap = kf::network({"a", "b", "c"}, {{"a", "b", 1, 1}, {"b", "c", 1}});
    msg = kt::message_of<InputError>([&] { flow::routed_view(gap, {}, "volume", "latency"); });
    CHECK_THAT(msg, Catch::Contains("b -> c") && Catch::Contains("(latency)"));
}

//   parallel relations of two layers merge: volumes add up, latency averages by volume
//   a --(30 items, 10 d) [x]--> b,  a --(10 items, 50 d) [y]--> b:  one tie, 40 items, 20 d
TEST_CASE("routed view merges layers by volume-weighted latency", "[flow][markov]") {
    Network net("merge");
    net.add_layer("x");
    net.add_layer("y");
    for (auto id : {"a", "b"}) net.add_organisation({id, "", "", {}});
    net.add_relation(kf::relation({"a", "b", 30, 10}, "x"));
    net.add_relation(kf::relation({"a", "b", 10, 50}, "y"));
    const flow::RoutedView rv = flow::routed_view(net, {}, "volume", "latency");
    REQUIRE(rv.view->m() == 1);
    CHECK(rv.view->edge_weights()[0] == 40.0);
    CHECK(rv.value[0] == Approx(20.0));
    CHECK(flow::expected_lead_time(*rv.view, rv.value, {{0, 1.0}}, {1}).value == Approx(20.0));
}

//   politie --(100, q .9)--> om --(60, q .8)--> rechtbank
//                             \--(40, q .5)--> cjib
//   to {rechtbank, cjib}: F = .9 (.6 * .8 + .4 * .5) = .612, all arrive
//   to {rechtbank}: F(politie) = .9 * .6 * .8 = .432 over arrival .6: value .72
TEST_CASE("expected fidelity", "[flow][markov][fidelity]") {
    const Network net = kf::network({"politie", "om", "rechtbank", "cjib"},
                                    {{"politie", "om", 100, 1, 0.9},
                                     {"om", "rechtbank", 60, 1, 0.8},
                                     {"om", "cjib", 40, 1, 0.5}});
    const flow::RoutedView rv = flow::routed_view(net, {}, "volume", "quality");
    const vertex_t p = net.index_of("politie"), rb = net.index_of("rechtbank"),
                   cj = net.index_of("cjib");
    auto r = flow::expected_fidelity(*rv.view, rv.value, {{p, 1.0}}, {rb, cj});
    CHECK(r.value == Approx(0.612).margin(1e-15));
    CHECK(r.arrival == Approx(1.0).margin(1e-15));
    r = flow::expected_fidelity(*rv.view, rv.value, {{p, 1.0}}, {rb});
    CHECK(r.value == Approx(0.72).margin(1e-15));
    CHECK(r.arrival == Approx(0.6).margin(1e-15));
    // nothing arrives: NaN
    r = flow::expected_fidelity(*rv.view, rv.value, {{rb, 1.0}}, {p});
    CHECK(std::isnan(r.value));
}

// A strongly connected random network of 400 organisations (more than the dense limit of
// 300 unknowns, so the sparse LU runs) checked against a direct dense solve of the same
// equations written out here.
TEST_CASE("expected lead time: sparse solver agrees with a dense solve", "[flow][markov]") {
    // a ring (strongly connected) plus 3 n random pairs drawn; volumes uniform in [1, 100),
    // latencies uniform in [1, 30) from a second stream of the seed
    const int n = 400;
    const auto volume = kt::uniform_weight(1, 100);
    const kt::RandomGraph g = kt::RandomGraph(n, true, 17).ring(volume).draw(3 * n, volume);
    const std::vector<std::string> ids = kt::numbered(n);
    kt::Random latency(17, 1);
    std::vector<R> rels;
    for (const kt::Tie& t : g.ties())
        rels.push_back({ids[t.source], ids[t.target], t.weight, latency.uniform(1, 30)});
    const Network net = kf::network(ids, rels);
    const flow::RoutedView rv = flow::routed_view(net, {}, "volume", "latency");
    const std::vector<vertex_t> targets{5, 77, 301};
    const auto r = flow::expected_lead_time(*rv.view, rv.value, {{200, 1.0}}, targets);
    // dense: transient = all but the targets
    std::vector<int> loc(n, -1);
    int m = 0;
    for (int v = 0; v < n; ++v)
        if (v != 5 && v != 77 && v != 301) loc[v] = m++;
    Eigen::MatrixXd IQ = Eigen::MatrixXd::Identity(m, m);
    Eigen::VectorXd c = Eigen::VectorXd::Zero(m);
    std::vector<double> out(n, 0.0);
    for (const auto& x : rels) out[net.index_of(x.source)] += x.volume;
    for (const auto& x : rels) {
        const int a = int(net.index_of(x.source)), b = int(net.index_of(x.target));
        if (loc[a] < 0) continue;
        const double p = x.volume / out[a];
        c[loc[a]] += p * x.latency;  // every item arrives: A = 1
        if (loc[b] >= 0) IQ(loc[a], loc[b]) -= p;
    }
    const Eigen::VectorXd B = IQ.fullPivLu().solve(c);
    CHECK(r.arrival == Approx(1.0).margin(1e-12));
    CHECK(r.value == Approx(B[loc[200]]).epsilon(1e-10));
}

//   a --> b,  b --> a,  b --> c,  c --> a    (volume 1 each)
//   m(a,b) = 1; m(b,a) = 1/2 * 1 + 1/2 * 2 = 1.5; m(c,a) = 1; m(c,b) = 1 + m(a,b) = 2;
//   m(b,c) = 1 + 1/2 m(a,c), m(a,c) = 1 + m(b,c)  =>  m(a,c) = 4, m(b,c) = 3
//   with durations a->b 2, b->a 3, b->c 1, c->a 4:
//   T(b,c) = 1/2 * 1 + 1/2 (3 + T(a,c)), T(a,c) = 2 + T(b,c)  =>  T(b,c) = 6, T(a,c) = 8
TEST_CASE("first passage: a three-organisation cycle", "[flow][markov][first_passage]") {
    const Network net = kf::network(
        {"a", "b", "c"}, {{"a", "b", 1, 2}, {"b", "a", 1, 3}, {"b", "c", 1, 1}, {"c", "a", 1, 4}});
    const auto vol = kf::view(net, "volume");
    flow::FirstPassageOptions o;
    o.threads = 1;
    const auto fp = flow::first_passage(*vol, {}, o);
    const double expected[3][3] = {{0, 1, 4}, {1.5, 0, 3}, {1, 2, 0}};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            CHECK(fp.time[i * 3 + j] == Approx(expected[i][j]).margin(1e-12));
            CHECK(fp.arrival[i * 3 + j] == Approx(1.0).margin(1e-12));
        }
    const flow::RoutedView rv = flow::routed_view(net, {}, "volume", "latency");
    const auto ft = flow::first_passage(*rv.view, rv.value, o);
    CHECK(ft.time[0 * 3 + 2] == Approx(8.0).margin(1e-12));
    CHECK(ft.time[1 * 3 + 2] == Approx(6.0).margin(1e-12));
}

//   a --> b --> c,  a --> c     (volume 1 each; c passes nothing on)
//   from a: half reach b (after 1 step); all reach c: 1/2 * 1 + 1/2 * 2 = 1.5
//   nothing reaches a; from b, c is reached in 1; from c nothing is reached
TEST_CASE("first passage in a chain that drains", "[flow][markov][first_passage]") {
    const Network net = kf::network({"a", "b", "c"}, {{"a", "b", 1}, {"b", "c", 1}, {"a", "c", 1}});
    const auto fp = flow::first_passage(*kf::view(net, "volume"));
    auto at = [&](int i, int j) { return std::pair{fp.time[i * 3 + j], fp.arrival[i * 3 + j]}; };
    CHECK(at(0, 1).first == Approx(1.0));
    CHECK(at(0, 1).second == Approx(0.5));
    CHECK(at(0, 2).first == Approx(1.5));
    CHECK(at(0, 2).second == Approx(1.0));
    CHECK(at(1, 2).first == Approx(1.0));
    CHECK(std::isinf(at(1, 0).first));
    CHECK(at(1, 0).second == 0.0);
    CHECK(std::isinf(at(2, 0).first));
    CHECK(std::isinf(at(2, 1).first));
}

// Kemeny & Snell (1960), theorem 4.4.7: for an irreducible chain with stationary
// distribution pi and fundamental matrix Z = (I - P + 1 pi^T)^-1, m(i, j) = (z_jj - z_ij) / pi_j.
TEST_CASE("first passage equals the fundamental-matrix formula when irreducible",
          "[flow][markov][first_passage]") {
    // a ring (irreducible) plus every other ordered pair with probability 0.1 (G(n, 0.1)),
    // volumes uniform in [0.5, 20)
    const int n = 40;
    const auto volume = kt::uniform_weight(0.5, 20);
    const kt::RandomGraph g = kt::RandomGraph(n, true, 23).ring(volume).gilbert(0.1, volume);
    const Network net = g.network({"volume"});
    Eigen::MatrixXd P = Eigen::MatrixXd::Zero(n, n);
    for (const kt::Tie& x : g.ties()) P(Eigen::Index(x.source), Eigen::Index(x.target)) = x.weight;
    for (int i = 0; i < n; ++i) P.row(i) /= P.row(i).sum();
    // stationary distribution: left null vector of I - P, normalised
    Eigen::MatrixXd A = (Eigen::MatrixXd::Identity(n, n) - P).transpose();
    A.row(n - 1).setOnes();
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
    rhs[n - 1] = 1.0;
    const Eigen::VectorXd pi = A.fullPivLu().solve(rhs);
    const Eigen::MatrixXd Z =
        (Eigen::MatrixXd::Identity(n, n) - P + Eigen::VectorXd::Ones(n) * pi.transpose()).inverse();
    for (unsigned threads : {1u, 2u}) {
        flow::FirstPassageOptions o;
        o.threads = threads;
        const auto fp = flow::first_passage(*kf::view(net, "volume"), {}, o);
        double worst = 0;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                const double m = i == j ? 0.0 : (Z(j, j) - Z(i, j)) / pi[j];
                worst = std::max(worst, std::abs(fp.time[i * n + j] - m) / std::max(1.0, m));
                CHECK(fp.arrival[i * n + j] == Approx(1.0).margin(1e-9));
            }
        CHECK(worst < 1e-9);
    }
}

//   politie --(10)--> om --(4)--> rechtbank, om ends 6 items (case_ends)
//   P(om -> rechtbank) = 4 / (4 + 6) = 0.4; the rest stop at om: ends {om: 0.6}
//   without exits om passes everything on: arrival 1
TEST_CASE("expected lead time: exits where routes end", "[flow][markov]") {
    const Network net = kf::network({"politie", "om", "rechtbank"},
                                    {{"politie", "om", 10, 30}, {"om", "rechtbank", 4, 35}});
    const flow::RoutedView rv = flow::routed_view(net, {}, "volume", "latency");
    const std::vector<double> exits{0.0, 6.0, 0.0};
    const std::vector<vertex_t> t{net.index_of("rechtbank")};
    auto r = flow::expected_lead_time(*rv.view, rv.value, {{net.index_of("politie"), 1.0}}, t, exits);
    CHECK(r.arrival == Approx(0.4).margin(1e-15));
    CHECK(r.value == Approx(65.0).margin(1e-12));
    CHECK(end_at(r, net, "om") == Approx(0.6).margin(1e-15));
    CHECK(r.trapped == 0.0);
    r = flow::expected_lead_time(*rv.view, rv.value, {{net.index_of("politie"), 1.0}}, t);
    CHECK(r.arrival == Approx(1.0).margin(1e-15));
    const auto p = flow::most_probable_path(*rv.view, {{net.index_of("politie"), 1.0}}, t, exits);
    CHECK(p.value == Approx(0.4).margin(1e-15));
    const std::vector<double> bad{0.0, -1.0, 0.0};
    CHECK_THROWS_AS(flow::expected_lead_time(*rv.view, rv.value, {{0, 1.0}}, t, bad), InputError);
    const std::vector<double> short_{0.0};
    CHECK_THROWS_AS(flow::expected_lead_time(*rv.view, rv.value, {{0, 1.0}}, t, short_), InputError);
}
