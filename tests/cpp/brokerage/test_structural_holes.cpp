// Burt's constraint, effective size, efficiency and hierarchy on hand-drawn graphs.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "ketennet/brokerage/structural_holes.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

constexpr double NaN = kt::nan;

brokerage::StructuralHoles holes(const Network& net, bool weighted = false, unsigned threads = 0) {
    brokerage::StructuralHolesOptions o;
    o.threads = threads;
    return brokerage::structural_holes(*(weighted ? net.view(kt::opts({}, "volume")) : net.view()), o);
}

double theil(std::vector<double> c) {  // sum r ln r / (N ln N), r = N c / C
    double C = 0;
    for (double x : c) C += x;
    const double N = double(c.size());
    double h = 0;
    for (double x : c) h += (N * x / C) * std::log(N * x / C);
    return h / (N * std::log(N));
}

}  // namespace

//   undirected star, plus an isolated organisation e:
//        l1
//        |
//   l3 - h - l2        e
//   p_h,l = 1/3, no ties among the leaves:  C_h = 3 (1/3)^2 = 1/3, ES_h = 3, EF_h = 1,
//   H_h = 0 (constraint spread evenly);  leaves: C = 1, ES = 1, EF = 1, H = NaN (one
//   contact);  e: NaN everywhere.
TEST_CASE("structural holes of a star", "[brokerage][structural_holes]") {
    const bool weighted = GENERATE(false, true);
    const Network net = kt::graph({"h", "l1", "l2", "l3", "e"},
                                  {{"h", "l1", 2.0}, {"h", "l2", 2.0}, {"h", "l3", 2.0}}, false);
    const auto r = holes(net, weighted);
    const ViewPtr v = net.view();
    kt::check_by_id(*v, r.constraint, {{"h", 1.0 / 3}, {"l1", 1}, {"l2", 1}, {"l3", 1}, {"e", NaN}});
    kt::check_by_id(*v, r.effective_size, {{"h", 3}, {"l1", 1}, {"l2", 1}, {"l3", 1}, {"e", NaN}});
    kt::check_by_id(*v, r.efficiency, {{"h", 1}, {"l1", 1}, {"l2", 1}, {"l3", 1}, {"e", NaN}});
    kt::check_by_id(*v, r.hierarchy, {{"h", 0}, {"l1", NaN}, {"l2", NaN}, {"l3", NaN}, {"e", NaN}});
}

//   undirected, unweighted:
//     b
//    / \        a's contacts b, c, d; b - c tied
//   a - c       p_a. = 1/3; c_ab = (1/3 + p_ac p_cb)^2 = (1/3 + 1/3 * 1/2)^2 = 1/4 = c_ac,
//   |           c_ad = 1/9:  C_a = 11/18;  ES_a = 3 - 2 * 1 / 3 = 7/3 (Borgatti n - 2t/n);
//   d           EF_a = 7/9;  H_a = theil(1/4, 1/4, 1/9)
//   b: contacts a, c, p = 1/2: c_ba = (1/2 + 1/2 * 1/2)^2 = 9/16,
//      c_bc = (1/2 + p_ba p_ac)^2 = (1/2 + 1/6)^2 = 4/9:  C_b = 145/144;
//      ES_b = (1 - 1/2) + (1 - 1/2) = 1;  EF_b = 1/2;  H_b = theil(9/16, 4/9)
//   d: one contact: C = 1, ES = 1, EF = 1, H = NaN
TEST_CASE("structural holes of a triangle with a pendant", "[brokerage][structural_holes]") {
    const unsigned threads = GENERATE(1u, 3u);
    const Network net = kt::graph({"a", "b", "c", "d"},
                                  {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "c"}}, false);
    const auto r = holes(net, false, threads);
    const ViewPtr v = net.view();
    kt::check_by_id(*v, r.constraint, {{"a", 11.0 / 18}, {"b", 145.0 / 144}, {"c", 145.0 / 144}, {"d", 1}});
    kt::check_by_id(*v, r.effective_size, {{"a", 7.0 / 3}, {"b", 1}, {"c", 1}, {"d", 1}});
    kt::check_by_id(*v, r.efficiency, {{"a", 7.0 / 9}, {"b", 0.5}, {"c", 0.5}, {"d", 1}});
    kt::check_by_id(*v, r.hierarchy, {{"a", theil({0.25, 0.25, 1.0 / 9})}, {"b", theil({9.0 / 16, 4.0 / 9})},
                                      {"c", theil({9.0 / 16, 4.0 / 9})}, {"d", NaN}});
    CHECK(r.hierarchy[0] > 0.0);
    CHECK(r.hierarchy[0] < 1.0);
}

//   directed and weighted (volume):  a -> b (2), b -> a (1), a -> c (1)
//   mutual weights m_ab = 3, m_ac = 1: p_ab = 3/4, p_ac = 1/4; b and c have only a.
//   C_a = (3/4)^2 + (1/4)^2 = 5/8;  ES_a = 2;  EF_a = 1;  H_a = theil(9/16, 1/16)
//   C_b = C_c = 1 (c, a sink, still has a contact: not NaN);  H_b = H_c = NaN
//   unweighted: m_ab = 2, m_ac = 1: p = 2/3, 1/3: C_a = 5/9, H_a = theil(4/9, 1/9)
TEST_CASE("structural holes, directed and weighted", "[brokerage][structural_holes]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 2.0}, {"b", "a", 1.0}, {"a", "c", 1.0}}, true);
    const ViewPtr v = net.view();
    SECTION("weighted") {
        const auto r = holes(net, true);
        kt::check_by_id(*v, r.constraint, {{"a", 5.0 / 8}, {"b", 1}, {"c", 1}});
        kt::check_by_id(*v, r.effective_size, {{"a", 2}, {"b", 1}, {"c", 1}});
        kt::check_by_id(*v, r.efficiency, {{"a", 1}, {"b", 1}, {"c", 1}});
        kt::check_by_id(*v, r.hierarchy, {{"a", theil({9.0 / 16, 1.0 / 16})}, {"b", NaN}, {"c", NaN}});
    }
    SECTION("unweighted") {
        const auto r = holes(net, false);
        kt::check_by_id(*v, r.constraint, {{"a", 5.0 / 9}, {"b", 1}, {"c", 1}});
        kt::check_by_id(*v, r.hierarchy, {{"a", theil({4.0 / 9, 1.0 / 9})}, {"b", NaN}, {"c", NaN}});
    }
}

//   undirected weighted triangle: a - b (1), a - c (3), b - c (1); m = 2w
//   ES_a: j = b: 1 - p_ac m_bc / max_b = 1 - 3/4 * 2/2 = 1/4;
//         j = c: 1 - p_ab m_cb / max_c = 1 - 1/4 * 2/6 = 11/12:  ES_a = 7/6, EF_a = 7/12
TEST_CASE("effective size divides by the contact's strongest tie", "[brokerage][structural_holes]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}, {"a", "c", 3.0}, {"b", "c", 1.0}}, false);
    const auto r = holes(net, true);
    CHECK(r.effective_size[0] == Approx(7.0 / 6));
    CHECK(r.efficiency[0] == Approx(7.0 / 12));
}

//   degenerate views, as NetworkX's constraint and effective_size:
//   (none)        a        a         a   b
//                          (loop)
//   no organisations: empty results; a alone, with or without a self-loop, and two
//   organisations without ties: NaN in all four measures
TEST_CASE("structural holes of views without ties to others are NaN, of none empty",
          "[brokerage][structural_holes]") {
    const auto all_nan = [](const brokerage::StructuralHoles& r, std::size_t n) {
        for (const auto* v : {&r.constraint, &r.effective_size, &r.efficiency, &r.hierarchy}) {
            REQUIRE(v->size() == n);
            for (double x : *v) CHECK(std::isnan(x));
        }
    };
    for (bool directed : {false, true}) {
        SECTION(directed ? "directed" : "undirected") {
            all_nan(holes(kt::graph({}, {}, directed)), 0);
            all_nan(holes(kt::graph({"a"}, {}, directed)), 1);
            all_nan(holes(kt::graph({"a"}, {{"a", "a", 10.0}}, directed)), 1);
            all_nan(holes(kt::graph({"a"}, {{"a", "a", 10.0}}, directed), true), 1);
            all_nan(holes(kt::graph({"a", "b"}, {}, directed)), 2);
        }
    }
}

TEST_CASE("structural holes reject bad input", "[brokerage][structural_holes]") {
    SECTION("a zero weight") {
        const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 0.0}}, true);
        const auto msg = kt::message_of<InputError>(
            [&] { brokerage::structural_holes(*net.view(kt::opts({}, "volume"))); });
        CHECK_THAT(msg, Catch::Contains("b -> c"));
        CHECK_THAT(msg, Catch::Contains("positive"));
    }
}

namespace {

/// A random network for the cross-checks: @p n organisations, @p arcs random pairs drawn,
/// self-loops included (repeats dropped), in one layer, weights 0.5, 1, ..., 2.5 (volume and
/// latency).
Network random_network(unsigned n, unsigned arcs, bool directed, unsigned seed) {
    return kt::RandomGraph(n, directed, seed).draw(arcs, kt::steps(0.5, 0.5, 5), /*loops=*/true).network();
}

/// Burt's measures straight from the definition, with a dense matrix of mutual weights.
brokerage::StructuralHoles naive_holes(const View& g) {
    const std::size_t n = g.n();
    std::vector<double> m(n * n, 0.0);
    for (vertex_t u = 0; u < n; ++u) {
        auto nb = g.out_neighbours(u);
        auto w = g.out_weights(u);
        for (std::size_t k = 0; k < nb.size(); ++k) {
            m[u * n + nb[k]] += w[k];
            m[nb[k] * n + u] += w[k];
        }
    }
    brokerage::StructuralHoles r;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.constraint.assign(n, nan);
    r.effective_size.assign(n, nan);
    r.efficiency.assign(n, nan);
    r.hierarchy.assign(n, nan);
    std::vector<double> sum(n, 0.0), max(n, 0.0);
    for (std::size_t u = 0; u < n; ++u)
        for (std::size_t j = 0; j < n; ++j) {
            sum[u] += m[u * n + j];
            max[u] = std::max(max[u], m[u * n + j]);
        }
    auto P = [&](std::size_t u, std::size_t j) { return m[u * n + j] / sum[u]; };
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::size_t> N;
        for (std::size_t j = 0; j < n; ++j)
            if (m[i * n + j] > 0) N.push_back(j);
        std::size_t others = 0;
        for (std::size_t j : N) others += j != i;
        if (!others) continue;
        double c = 0, es = 0;
        std::vector<double> local;
        for (std::size_t j : N) {
            double ind = 0, red = 0;
            for (std::size_t q : N) {
                ind += P(i, q) * P(q, j);
                red += P(i, q) * m[q * n + j] / max[j];
            }
            local.push_back((P(i, j) + ind) * (P(i, j) + ind));
            c += local.back();
            es += 1 - red;
        }
        r.constraint[i] = c;
        r.effective_size[i] = es;
        r.efficiency[i] = es / double(others);
        if (N.size() >= 2) r.hierarchy[i] = theil(local);
    }
    return r;
}

void check_same(const std::vector<double>& got, const std::vector<double>& want, double eps) {
    REQUIRE(got.size() == want.size());
    for (std::size_t v = 0; v < got.size(); ++v) {
        INFO("vertex " << v);
        if (std::isnan(want[v]))
            CHECK(std::isnan(got[v]));
        else
            CHECK(got[v] == Approx(want[v]).margin(eps).epsilon(eps));
    }
}

}  // namespace

TEST_CASE("structural holes agree with the definition on random networks", "[brokerage][structural_holes]") {
    const bool directed = GENERATE(false, true);
    const bool weighted = GENERATE(false, true);
    using K = brokerage::StructuralHolesKernel;
    const K kernel = GENERATE(K::automatic, K::ego, K::triangles);
    brokerage::StructuralHolesOptions o;
    o.kernel = kernel;
    for (unsigned seed = 1; seed <= 16; ++seed) {
        INFO("seed " << seed);
        // dense and small to sparse and larger: many triangles to few
        const unsigned n = seed <= 12 ? 10 + 4 * seed : 100 * seed;
        const Network net = random_network(n, 3 * n, directed, seed);
        const ViewPtr v = weighted ? net.view(kt::opts({}, "volume")) : net.view();
        const auto want = naive_holes(*v);
        const auto got = brokerage::structural_holes(*v, o);
        check_same(got.constraint, want.constraint, 1e-12);
        check_same(got.effective_size, want.effective_size, 1e-12);
        check_same(got.efficiency, want.efficiency, 1e-12);
        // hierarchy: a NaN where every local constraint is 0 cannot happen with p > 0
        check_same(got.hierarchy, want.hierarchy, 1e-10);
    }
}

TEST_CASE("structural holes: chosen measures and thread counts give identical values", "[brokerage][structural_holes]") {
    const bool directed = GENERATE(false, true);
    using K = brokerage::StructuralHolesKernel;
    const K kernel = GENERATE(K::ego, K::triangles);
    // large enough to run in several blocks on several threads
    const Network net = random_network(20000, 60000, directed, 7);
    const ViewPtr v = net.view(kt::opts({}, "volume"));
    brokerage::StructuralHolesOptions o;
    o.kernel = kernel;
    o.threads = 1;
    const auto all = brokerage::structural_holes(*v, o);
    o.threads = 2;
    const auto two = brokerage::structural_holes(*v, o);
    CHECK(std::memcmp(all.constraint.data(), two.constraint.data(), 8 * all.constraint.size()) == 0);
    CHECK(std::memcmp(all.effective_size.data(), two.effective_size.data(), 8 * all.effective_size.size()) == 0);
    CHECK(std::memcmp(all.hierarchy.data(), two.hierarchy.data(), 8 * all.hierarchy.size()) == 0);
    o.effective_size = o.efficiency = o.hierarchy = false;
    const auto c = brokerage::structural_holes(*v, o);
    CHECK(c.effective_size.empty());
    CHECK(c.hierarchy.empty());
    CHECK(std::memcmp(all.constraint.data(), c.constraint.data(), 8 * all.constraint.size()) == 0);
    o.constraint = false;
    o.efficiency = true;
    const auto e = brokerage::structural_holes(*v, o);
    CHECK(e.constraint.empty());
    CHECK(e.effective_size.empty());
    CHECK(std::memcmp(all.efficiency.data(), e.efficiency.data(), 8 * all.efficiency.size()) == 0);
}

TEST_CASE("structural holes: the two kernels agree, and automatic picks one of them", "[brokerage][structural_holes]") {
    const bool directed = GENERATE(false, true);
    using K = brokerage::StructuralHolesKernel;
    // sparse (few triangles: the triangle kernel) and dense (many: the ego kernel)
    const unsigned arcs = GENERATE(3000u, 60000u);
    const Network net = random_network(1000, arcs, directed, 11);
    const ViewPtr v = net.view(kt::opts({}, "volume"));
    brokerage::StructuralHolesOptions o;
    o.kernel = K::ego;
    const auto ego = brokerage::structural_holes(*v, o);
    o.kernel = K::triangles;
    const auto tri = brokerage::structural_holes(*v, o);
    o.kernel = K::automatic;
    const auto aut = brokerage::structural_holes(*v, o);
    check_same(tri.constraint, ego.constraint, 1e-14);
    check_same(tri.effective_size, ego.effective_size, 1e-14);
    check_same(tri.efficiency, ego.efficiency, 1e-14);
    check_same(tri.hierarchy, ego.hierarchy, 1e-13);
    const auto& pick = arcs == 3000u ? tri : ego;
    CHECK(std::memcmp(aut.constraint.data(), pick.constraint.data(), 8 * aut.constraint.size()) == 0);
    CHECK(std::memcmp(aut.hierarchy.data(), pick.hierarchy.data(), 8 * aut.hierarchy.size()) == 0);
}

TEST_CASE("contact_counts: distinct neighbours either way, self excluded, weights ignored",
          "[brokerage][contacts]") {
    // a -> b, b -> a (one contact), a -> c, c -> c (a self-loop is no contact), d alone
    Network net = kt::graph({"a", "b", "c", "d"},
                            {{"a", "b", 5}, {"b", "a", 1}, {"a", "c", 2}, {"c", "c", 3}}, true);
    const std::vector<double> expected{2, 1, 1, 0};
    CHECK(brokerage::contact_counts(*net.view()) == expected);
    CHECK(brokerage::contact_counts(*net.view(kt::opts({}, "volume"))) == expected);
    // undirected: the same contacts
    Network und = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"a", "c"}, {"c", "c"}}, false);
    CHECK(brokerage::contact_counts(*und.view()) == expected);
}
