// Multiple regression on relations (MRQAP): coefficients of hand-drawn four-organisation
// cases solved by hand, the qapy distribution of a case counted by hand, the kernel against
// the reference, determinism across thread counts, bad input.
#include <catch2/catch.hpp>

#include <cmath>
#include <utility>
#include <vector>

#include "ketennet/stats/mrqap.hpp"
#include "../generators.hpp"

using namespace ketennet;
using stats::RelationMatrix;

namespace {

/// An undirected 0/1 relation over @p n organisations with the given pairs.
RelationMatrix pairs(std::size_t n, std::initializer_list<std::pair<int, int>> ties) {
    RelationMatrix m{n, false, std::vector<double>(n * n, 0.0)};
    for (auto [a, b] : ties) m.values[a * n + b] = m.values[b * n + a] = 1.0;
    return m;
}

/// A random relation: 0/1 ties with probability 0.3, or normal-ish values (sum of uniforms).
RelationMatrix random_relation(std::size_t n, bool directed, bool binary, kt::Random& rng) {
    RelationMatrix m{n, directed, std::vector<double>(n * n, 0.0)};
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = directed ? 0 : i + 1; j < n; ++j) {
            if (i == j) continue;
            const double v = binary ? (rng.chance(0.3) ? 1.0 : 0.0)
                                    : rng.uniform() + rng.uniform() + rng.uniform() - 1.5;
            m.values[i * n + j] = v;
            if (!directed) m.values[j * n + i] = v;
        }
    return m;
}

}  // namespace

//   a - b   c - d      x (same sector): a, b in one sector, c, d in the other
//   a --- c            y (ties): a - b, c - d, a - c  (the path b - a - c - d)
//
//   Six pairs; x = 1 on ab, cd. OLS y = b0 + b1 x: b0 = mean y where x = 0 = 1/4 (ac of
//   ac, ad, bc, bd), b0 + b1 = mean y where x = 1 = 1, so b1 = 3/4.
//   Residuals 0, 0, 3/4, -1/4 (3x): rss = 3/4, s^2 = rss / (6 - 2) = 3/16.
//   X'X = [[6, 2], [2, 2]], (X'X)^-1 = [[1/4, -1/4], [-1/4, 3/4]]:
//   se0 = sqrt(3/64) = sqrt(3)/8, t0 = 2/sqrt(3); se1 = 3/8, t1 = 2.
//   Fitted 1 (2x), 1/4 (4x), mean 1/2: mss = 2/4 + 4/16 = 3/4, R^2 = 3/4 / (3/4 + 3/4) = 1/2,
//   adjusted 1 - (1/2)(6 - 1)/(6 - 2) = 3/8.
//   qapy: the permuted y is a uniformly random labelled path on four organisations. The six
//   pairs fall into three perfect matchings; a path holds its two end edges (one matching)
//   and a middle edge (of another). It holds both x-pairs with probability 1/3 (b1 = 3/4,
//   t1 = 2, the observed), one of them with probability 1/3 (the middle edge: both means
//   1/2, t1 = 0), none with probability 1/3 (b1 = -3/4, the same rss, t1 = -2). So
//   p_greater -> 1/3, p_abs -> 2/3, p_less = 1.
TEST_CASE("netlm: a hand-drawn undirected case", "[stats][mrqap]") {
    const RelationMatrix y = pairs(4, {{0, 1}, {2, 3}, {0, 2}});
    const RelationMatrix x = pairs(4, {{0, 1}, {2, 3}});
    stats::MrqapOptions o;
    o.method = stats::NullHypothesis::qapy;
    o.reps = 3000;
    o.seed = 7;
    o.names = {"same_sector"};
    const auto r = stats::netlm(y, {x}, o);
    REQUIRE(r.terms == std::vector<std::string>{"(intercept)", "same_sector"});
    CHECK(r.cells == 6);
    CHECK(r.coefficients[0] == Approx(0.25).epsilon(1e-14));
    CHECK(r.coefficients[1] == Approx(0.75).epsilon(1e-14));
    CHECK(r.std_errors[0] == Approx(std::sqrt(3.0) / 8).epsilon(1e-14));
    CHECK(r.std_errors[1] == Approx(3.0 / 8).epsilon(1e-14));
    CHECK(r.statistic[0] == Approx(2 / std::sqrt(3.0)).epsilon(1e-14));
    CHECK(r.statistic[1] == Approx(2.0).epsilon(1e-14));
    CHECK(r.r_squared == Approx(0.5).epsilon(1e-14));
    CHECK(r.adj_r_squared == Approx(0.375).epsilon(1e-14));
    CHECK(r.method == stats::NullHypothesis::qapy);
    CHECK(r.null.size() == 3000 * 2);
    CHECK(std::abs(r.p_greater[1] - 1.0 / 3) < 4 * std::sqrt(2.0 / 9 / 3000));
    CHECK(std::abs(r.p_abs[1] - 2.0 / 3) < 4 * std::sqrt(2.0 / 9 / 3000));
    CHECK(r.p_less[1] == 1.0);
    for (std::size_t k = 0; k < 3000; ++k) {
        const double t = r.null[k * 2 + 1];
        REQUIRE((std::abs(t - 2) < 1e-12 || std::abs(t) < 1e-12 || std::abs(t + 2) < 1e-12));
    }
    // beta as the statistic: the draws are the slopes
    o.statistic = stats::TestStatistic::beta;
    const auto b = stats::netlm(y, {x}, o);
    CHECK(b.statistic[1] == Approx(0.75).epsilon(1e-14));
    CHECK(b.p_greater == r.p_greater);
}

//   a - b   c - d      x as above
//   a --- c            y: a - b, a - c
//
//   x = 1 on ab (y 1), cd (y 0): mean 1/2; x = 0: ac of ac, ad, bc, bd: mean 1/4. The model is saturated: b0 = logit(1/4) = -ln 3, b0 + b1 = logit(1/2) = 0,
//   b1 = ln 3. Var b0 = 1 / (4 (1/4)(3/4)) = 4/3, var b1 = 1 / (2 (1/2)(1/2)) + 4/3 = 10/3.
//   Deviance: 2 cells at 1/2 give 2 (2 ln 2); 1 at 1/4 gives 2 ln 4; 3 at 3/4 give 6 ln(4/3):
//   D = 8 ln 2 + 6 ln(4/3). Null deviance against 1/2: 12 ln 2. AIC = D + 4, BIC = D + 2 ln 6.
TEST_CASE("netlogit: a hand-drawn saturated case", "[stats][mrqap]") {
    const RelationMatrix y = pairs(4, {{0, 1}, {0, 2}});
    const RelationMatrix x = pairs(4, {{0, 1}, {2, 3}});
    stats::MrqapOptions o;
    o.reps = 50;
    const auto r = stats::netlogit(y, {x}, o);
    CHECK(r.converged);
    CHECK(r.coefficients[0] == Approx(-std::log(3.0)).epsilon(1e-7));
    CHECK(r.coefficients[1] == Approx(std::log(3.0)).epsilon(1e-7));
    CHECK(r.std_errors[0] == Approx(std::sqrt(4.0 / 3)).epsilon(1e-6));
    CHECK(r.std_errors[1] == Approx(std::sqrt(10.0 / 3)).epsilon(1e-6));
    CHECK(r.statistic[1] == Approx(std::log(3.0) / std::sqrt(10.0 / 3)).epsilon(1e-6));
    const double D = 8 * std::log(2.0) + 6 * std::log(4.0 / 3);
    CHECK(r.deviance == Approx(D).epsilon(1e-9));
    CHECK(r.null_deviance == Approx(12 * std::log(2.0)).epsilon(1e-14));
    CHECK(r.aic == Approx(D + 4).epsilon(1e-9));
    CHECK(r.bic == Approx(D + 2 * std::log(6.0)).epsilon(1e-9));
    CHECK(r.method == stats::NullHypothesis::qapspp);  // qap with two columns
}

//   a -> b -> c -> a, a -> d       (y: a directed 4-cycle-free pattern, 12 ordered pairs)
//   x: a -> b, b -> c, c -> d, d -> a
//   y = b0 + b1 x over the 12 cells: x = 1 on 4 cells, y = 1 on ab, bc (x = 1) and ca, ad
//   (x = 0): mean y | x = 1 = 2/4, mean y | x = 0 = 2/8. b0 = 1/4, b1 = 1/4.
//   rss = 4 (1/4) (x = 1: 2 at +1/2, 2 at -1/2) + (2 (3/4)^2 + 6 (1/4)^2) = 1 + 3/2 = 5/2.
TEST_CASE("netlm: a hand-drawn directed case", "[stats][mrqap]") {
    RelationMatrix y{4, true, std::vector<double>(16, 0.0)}, x = y;
    for (auto [a, b] : {std::pair{0, 1}, {1, 2}, {2, 0}, {0, 3}}) y.values[a * 4 + b] = 1;
    for (auto [a, b] : {std::pair{0, 1}, {1, 2}, {2, 3}, {3, 0}}) x.values[a * 4 + b] = 1;
    stats::MrqapOptions o;
    o.reps = 20;
    const auto r = stats::netlm(y, {x}, o);
    CHECK(r.cells == 12);
    CHECK(r.coefficients[0] == Approx(0.25).epsilon(1e-14));
    CHECK(r.coefficients[1] == Approx(0.25).epsilon(1e-14));
    // s^2 = (5/2) / 10 = 1/4; X'X = [[12, 4], [4, 4]], (X'X)^-1_11 = 12 / 32 = 3/8
    CHECK(r.std_errors[1] == Approx(std::sqrt(3.0 / 32)).epsilon(1e-14));
}

TEST_CASE("netlm: the kernel gives the reference's draws", "[stats][mrqap][kernels]") {
    for (bool directed : {true, false}) {
        for (auto method : {stats::NullHypothesis::qapy, stats::NullHypothesis::qapx,
                            stats::NullHypothesis::qapspp}) {
            for (bool beta : {false, true}) {
                kt::Random rng(11 + directed, 3);
                const std::size_t n = 12;
                const RelationMatrix x1 = random_relation(n, directed, true, rng);
                const RelationMatrix x2 = random_relation(n, directed, false, rng);
                RelationMatrix y = random_relation(n, directed, false, rng);
                for (std::size_t c = 0; c < n * n; ++c) y.values[c] += 0.8 * x1.values[c];
                stats::MrqapOptions o;
                o.method = method;
                o.reps = 200;
                o.seed = 5;
                if (beta) o.statistic = stats::TestStatistic::beta;
                const auto fast = stats::netlm(y, {x1, x2}, o);
                const auto ref = stats::reference::netlm(y, {x1, x2}, o);
                REQUIRE(fast.null.size() == ref.null.size());
                for (std::size_t k = 0; k < fast.null.size(); ++k)
                    REQUIRE(std::abs(fast.null[k] - ref.null[k]) <= 1e-9 * std::max(1.0, std::abs(ref.null[k])));
                CHECK(fast.p_greater == ref.p_greater);
                CHECK(fast.p_abs == ref.p_abs);
                CHECK(fast.coefficients == ref.coefficients);
            }
        }
    }
}

TEST_CASE("netlm and netlogit: the same draws for every thread count", "[stats][mrqap]") {
    kt::Random rng(3);
    const std::size_t n = 15;
    const RelationMatrix x1 = random_relation(n, true, true, rng);
    const RelationMatrix x2 = random_relation(n, true, false, rng);
    const RelationMatrix y = random_relation(n, true, true, rng);
    for (auto method : {stats::NullHypothesis::qapy, stats::NullHypothesis::qapx,
                        stats::NullHypothesis::qapspp}) {
        stats::MrqapOptions o;
        o.method = method;
        o.reps = 600;  // three blocks of draws and more
        o.seed = 9;
        o.threads = 1;
        const auto lm1 = stats::netlm(y, {x1, x2}, o);
        const auto lg1 = stats::netlogit(y, {x1, x2}, o);
        o.threads = 3;
        CHECK(stats::netlm(y, {x1, x2}, o).null == lm1.null);
        CHECK(stats::netlogit(y, {x1, x2}, o).null == lg1.null);
        o.seed = 10;
        CHECK(stats::netlm(y, {x1, x2}, o).null != lm1.null);
    }
}

TEST_CASE("netlm: progress and cancellation", "[stats][mrqap]") {
    kt::Random rng(4);
    const RelationMatrix x = random_relation(8, true, true, rng);
    const RelationMatrix y = random_relation(8, true, false, rng);
    stats::MrqapOptions o;
    o.reps = 2000;
    o.threads = 1;
    double last = 0.0;
    o.progress = [&](double f) { last = f; return true; };
    (void)stats::netlm(y, {x}, o);
    CHECK(last == 1.0);
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(stats::netlm(y, {x}, o), Cancelled);
}

TEST_CASE("netlm and netlogit: bad input is named", "[stats][mrqap]") {
    const RelationMatrix y = pairs(4, {{0, 1}, {2, 3}, {0, 2}});
    const RelationMatrix x = pairs(4, {{0, 1}, {2, 3}});
    stats::MrqapOptions o;
    o.reps = 10;
    RelationMatrix small = pairs(3, {{0, 1}});
    CHECK_THROWS_WITH(stats::netlm(y, {small}, o), Catch::Contains("'x1' has 3 organisations, y has 4"));
    RelationMatrix directed = x;
    directed.directed = true;
    CHECK_THROWS_WITH(stats::netlm(y, {directed}, o), Catch::Contains("'x1' is directed but y is undirected"));
    RelationMatrix asym = x;
    asym.values[1 * 4 + 0] = 0.0;
    CHECK_THROWS_WITH(stats::netlm(y, {asym}, o), Catch::Contains("undirected but not symmetric: (0, 1)"));
    RelationMatrix nan = x;
    nan.values[2 * 4 + 3] = nan.values[3 * 4 + 2] = std::nan("");
    CHECK_THROWS_WITH(stats::netlm(y, {nan}, o), Catch::Contains("nan at (2, 3)"));
    CHECK_THROWS_WITH(stats::netlm(y, {x, x}, o), Catch::Contains("'x2' is a linear combination"));
    const RelationMatrix ones = pairs(4, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}});
    CHECK_THROWS_WITH(stats::netlm(ones, {x}, o), Catch::Contains("y has the same value (1) in every cell"));
    CHECK_THROWS_WITH(stats::netlm(y, {ones}, o), Catch::Contains("linear combination"));
    RelationMatrix counts = y;
    counts.values[1] = counts.values[4] = 2.0;
    CHECK_THROWS_WITH(stats::netlogit(counts, {x}, o), Catch::Contains("netlogit: y has the value 2 at (0, 1)"));
    o.reps = 0;
    CHECK_THROWS_WITH(stats::netlm(y, {x}, o), Catch::Contains("reps must be at least 1"));
    o.reps = 10;
    o.intercept = false;
    CHECK_THROWS_WITH(stats::netlm(y, {}, o), Catch::Contains("no predictor and no intercept"));
    CHECK_THROWS_WITH(stats::netlm(pairs(2, {{0, 1}}), {pairs(2, {})}, o),
                      Catch::Contains("at least three organisations"));
}
