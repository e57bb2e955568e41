// Burt's structural holes: the fast kernels (brokerage/detail/structural_holes_kernel.hpp)
// against the reference implementation (brokerage::reference), on hand-drawn and random
// graphs.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/brokerage/detail/structural_holes_kernel.hpp"
#include "ketennet/brokerage/structural_holes.hpp"
#include "../generators.hpp"
#include "../kernel_checks.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using brokerage::StructuralHoles;
using brokerage::StructuralHolesKernel;
using brokerage::StructuralHolesOptions;
using kt::opts;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/// structural_holes() by the fast kernel @p kernel, whatever the build.
StructuralHoles fast_holes(const View& g, StructuralHolesKernel kernel, unsigned threads = 1) {
    const auto mutual = brokerage::detail::mutual_adjacency(g, threads);
    const brokerage::detail::MutualAdjacency& M = *mutual;
    StructuralHolesOptions o;
    o.threads = threads;
    StructuralHoles out;
    const std::size_t n = g.n();
    out.constraint.assign(n, NaN);
    out.effective_size.assign(n, NaN);
    out.efficiency.assign(n, NaN);
    out.hierarchy.assign(n, NaN);
    if (n == 0) return out;
    if (kernel == StructuralHolesKernel::ego) {
        brokerage::detail::ego_kernel(M, o, out);
    } else {
        std::vector<std::vector<brokerage::detail::Triangle>> found;
        brokerage::detail::list_triangles(M, 3, threads, found, {});
        brokerage::detail::triangle_kernel(M, o, found, out, {});
    }
    return out;
}

/// Each measure of @p fast equal to @p ref's (bit for bit when @p identical, else within
/// 1e-12 relative).
void check_measures(const StructuralHoles& fast, const StructuralHoles& ref, bool identical) {
    const auto check = [identical](const std::vector<double>& a, const std::vector<double>& b) {
        if (identical)
            kt::check_identical(a, b);
        else
            kt::check_close(a, b);
    };
    check(fast.constraint, ref.constraint);
    check(fast.effective_size, ref.effective_size);
    check(fast.efficiency, ref.efficiency);
    check(fast.hierarchy, ref.hierarchy);
}

}  // namespace

//     b
//    / \        undirected, unweighted; a's contacts b, c, d; b - c tied:
//   a - c       C_a = 11/18, ES_a = 7/3; C_b = C_c = 145/144, ES_b = 1; C_d = 1, ES_d = 1
//   |           e isolated: NaN
//   d    e
TEST_CASE("structural holes: fast kernels and reference on a triangle with a pendant",
          "[brokerage][structural_holes][kernels]") {
    const Network net = kt::graph({"a", "b", "c", "d", "e"}, {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "c"}}, false);
    const ViewPtr v = net.view();
    const StructuralHoles ref = brokerage::reference::structural_holes(*v);
    kt::check_by_id(*v, ref.constraint, {{"a", 11.0 / 18}, {"b", 145.0 / 144}, {"c", 145.0 / 144}, {"d", 1}, {"e", NaN}});
    kt::check_by_id(*v, ref.effective_size, {{"a", 7.0 / 3}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", NaN}});
    kt::check_by_id(*v, ref.efficiency, {{"a", 7.0 / 9}, {"b", 0.5}, {"c", 0.5}, {"d", 1}, {"e", NaN}});
    check_measures(fast_holes(*v, StructuralHolesKernel::ego), ref, true);
    check_measures(fast_holes(*v, StructuralHolesKernel::triangles), ref, false);
}

//   directed and weighted (volume):  a -> b (2), b -> a (1), a -> c (1), c -> c (1)
//   m_ab = 3, m_ac = 1, and c's self-loop makes c its own contact, m_cc = 2 (s_c = 3, max 2):
//   C_a = (3/4)^2 + (1/4 + p_ac p_cc)^2 = 9/16 + (1/4 + 1/6)^2 = 53/72;
//   ES_a = (1 - 0) + (1 - p_ac m_cc / max_c) = 1 + 3/4 = 7/4
TEST_CASE("structural holes: fast kernels and reference, directed with a self-loop",
          "[brokerage][structural_holes][kernels]") {
    const Network net =
        kt::graph({"a", "b", "c"}, {{"a", "b", 2.0}, {"b", "a", 1.0}, {"a", "c", 1.0}, {"c", "c", 1.0}}, true);
    const ViewPtr v = net.view(opts({}, "volume"));
    const StructuralHoles ref = brokerage::reference::structural_holes(*v);
    CHECK(ref.constraint[0] == Approx(53.0 / 72));
    CHECK(ref.effective_size[0] == Approx(7.0 / 4));
    check_measures(fast_holes(*v, StructuralHolesKernel::ego), ref, true);
    check_measures(fast_holes(*v, StructuralHolesKernel::triangles), ref, false);
}

TEST_CASE("structural holes: the reference rejects bad weights as the kernels do",
          "[brokerage][structural_holes][kernels]") {
    //   a -1- b -0- c: the tie b - c has no strength
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 0.0}}, false);
    const ViewPtr v = net.view(opts({}, "volume"));
    const auto message = [](auto&& f) {
        try {
            f();
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no InputError");
    };
    const std::string ref = message([&] { brokerage::reference::structural_holes(*v); });
    CHECK_THAT(ref, Catch::Contains("the tie b - c"));
    CHECK(message([&] { fast_holes(*v, StructuralHolesKernel::ego); }) == ref);
}

// The ego kernel adds every term of the reference's sums in the same order: equal values.
// The triangle kernel sums each tie's triangle terms apart and multiplies by 1 / s_i instead
// of dividing by s_i: the values may differ in the last bits.
TEST_CASE("structural holes: fast kernels and reference agree on random graphs",
          "[brokerage][structural_holes][kernels]") {
    const bool directed = GENERATE(true, false);
    const unsigned seed = GENERATE(1u, 2u, 3u);
    // 200 organisations, the last 20 isolated, self-loops kept, weights 0.5 .. 2.5; sparse
    // (few triangles) and dense (many)
    for (const std::size_t draws : {400u, 3000u}) {
        const Network net = kt::RandomGraph(200, directed, seed + directed)
                                .draw(draws, kt::steps(0.5, 0.5, 5), /*loops=*/true, /*among=*/180)
                                .network({"volume"});
        for (const char* weight : {"", "volume"}) {
            const ViewPtr v = net.view(opts({}, weight));
            for (const unsigned threads : {1u, 2u}) {
                INFO((directed ? "directed" : "undirected") << ", seed " << seed << ", draws " << draws
                                                            << ", weight '" << weight << "', threads " << threads);
                const StructuralHoles ref = brokerage::reference::structural_holes(*v);
                check_measures(fast_holes(*v, StructuralHolesKernel::ego, threads), ref, true);
                check_measures(fast_holes(*v, StructuralHolesKernel::triangles, threads), ref, false);
            }
        }
    }
}
