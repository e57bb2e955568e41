// ERGM terms: statistics of hand-drawn graphs, change statistics against the difference of
// the statistics on random graphs (every term, directed and undirected), the dyad state,
// the sampler's determinism across thread counts, MPLE, MCMLE of dyad-independent models
// against their closed forms, and errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/ergm/detail/state.hpp"
#include "ketennet/ergm/detail/terms.hpp"
#include "ketennet/ergm/ergm.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using namespace ketennet::ergm;

namespace {

Term term(TermKind kind, double parameter = 0.0) {
    Term t;
    t.kind = kind;
    t.parameter = parameter;
    return t;
}

Term categorical(TermKind kind, std::vector<std::uint32_t> codes, std::vector<std::string> levels, bool diff = false) {
    Term t;
    t.kind = kind;
    t.name = "sector";
    t.codes = std::move(codes);
    t.levels = std::move(levels);
    t.diff = diff;
    return t;
}

Term numeric(TermKind kind, std::vector<double> values) {
    Term t;
    t.kind = kind;
    t.name = "x";
    t.values = std::move(values);
    return t;
}

//   undirected, 5 organisations
//
//     a --- b
//     | \   |          ties: a-b, a-c, a-d, b-d, c-d       e isolated
//     |  \  |          triangles: a-b-d, a-c-d  (2)
//     c --- d   e      degrees: a 3, b 2, c 2, d 3, e 0
//
//   sectors: a, b: "x"; c, d, e: "y"; values 1, 2, 3, 4, 5
ViewPtr drawn_undirected() {
    return kt::graph({"a", "b", "c", "d", "e"},
                     {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "d"}, {"c", "d"}}, false)
        .view();
}

//   directed, 4 organisations
//
//     a <-> b        ties: a->b, b->a, b->c, a->c, c->d
//      \    |        mutual: a-b (1)
//       v   v        transitive triples (i->j->k, i->k): b->a->c with b->c; a->b->c with a->c (2)
//         c -> d     cyclic triples: none
//
//   in-degrees a 1, b 1, c 2, d 1; out-degrees a 2, b 2, c 1, d 0
ViewPtr drawn_directed() {
    return kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"a", "c"}, {"c", "d"}}, true)
        .view();
}

double one(const View& v, Term t) { return summary(v, Model{std::move(t)}).at(0); }

}  // namespace

TEST_CASE("ergm statistics of a hand-drawn undirected graph", "[ergm]") {
    const auto v = drawn_undirected();
    CHECK(one(*v, term(TermKind::edges)) == 5);
    CHECK(one(*v, term(TermKind::triangle)) == 2);
    // 2-stars: C(3,2) + C(2,2) + C(2,2) + C(3,2) = 3 + 1 + 1 + 3 = 8
    CHECK(one(*v, term(TermKind::kstar, 2)) == 8);
    CHECK(one(*v, term(TermKind::kstar, 3)) == 2);
    CHECK(one(*v, term(TermKind::isolates)) == 1);
    // edgewise shared partners: a-b 1 (d), a-c 1 (d), a-d 2 (b, c), b-d 1 (a), c-d 1 (a);
    // decay 0: ties with at least one shared partner = 5
    CHECK(one(*v, term(TermKind::gwesp, 0.0)) == Approx(5));
    const double a = 0.5, r = 1 - std::exp(-a);
    CHECK(one(*v, term(TermKind::gwesp, a)) == Approx(std::exp(a) * (4 * (1 - r) + (1 - r * r))));
    // dyadwise shared partners (all 10 pairs): a-b 1, a-c 1, a-d 2, a-e 0, b-c 2 (a, d), b-d 1,
    // b-e 0, c-d 1, c-e 0, d-e 0
    CHECK(one(*v, term(TermKind::gwdsp, a)) == Approx(std::exp(a) * (4 * (1 - r) + 2 * (1 - r * r))));
    // degrees 3, 2, 2, 3, 0
    CHECK(one(*v, term(TermKind::gwdegree, a)) ==
          Approx(std::exp(a) * (2 * (1 - std::pow(r, 3)) + 2 * (1 - r * r))));
    const std::vector<std::uint32_t> codes{0, 0, 1, 1, 1};
    CHECK(one(*v, categorical(TermKind::nodematch, codes, {"x", "y"})) == 2);  // a-b, c-d
    CHECK(summary(*v, {categorical(TermKind::nodematch, codes, {"x", "y"}, true)}) == std::vector<double>{1, 1});
    // ends per sector: x: a 3 + b 2 = 5; y: c 2 + d 3 = 5 (x is the base)
    CHECK(summary(*v, {categorical(TermKind::nodefactor, codes, {"x", "y"})}) == std::vector<double>{5});
    // mixing: x-x 1 (a-b), x-y 3 (a-c, a-d, b-d), y-y 1 (c-d); x.x is the base
    CHECK(summary(*v, {categorical(TermKind::nodemix, codes, {"x", "y"})}) == std::vector<double>{3, 1});
    CHECK(statistic_names(*v, {categorical(TermKind::nodemix, codes, {"x", "y"})}) ==
          std::vector<std::string>{"mix.sector.x.y", "mix.sector.y.y"});
    const std::vector<double> x{1, 2, 3, 4, 5};
    CHECK(one(*v, numeric(TermKind::nodecov, x)) == 3 + 4 + 5 + 6 + 7);
    CHECK(one(*v, numeric(TermKind::absdiff, x)) == 1 + 2 + 3 + 2 + 1);
    Term cov;
    cov.kind = TermKind::edgecov;
    cov.name = "case";
    cov.cov_sources = {3, 4};  // d-a (read as a-d) and e-a (no tie)
    cov.cov_targets = {0, 0};
    cov.cov_values = {2.5, 7.0};
    CHECK(one(*v, cov) == 2.5);
    CHECK(statistic_names(*v, {term(TermKind::edges), term(TermKind::gwesp, 0.5), term(TermKind::kstar, 2),
                               term(TermKind::gwdegree, 0.25), cov}) ==
          std::vector<std::string>{"edges", "gwesp.fixed.0.5", "kstar2", "gwdeg.fixed.0.25", "edgecov.case"});
}

TEST_CASE("ergm statistics of a hand-drawn directed graph", "[ergm]") {
    const auto v = drawn_directed();
    CHECK(one(*v, term(TermKind::edges)) == 5);
    CHECK(one(*v, term(TermKind::mutual)) == 1);
    CHECK(one(*v, term(TermKind::triangle)) == 2);
    CHECK(one(*v, term(TermKind::istar, 2)) == 1);  // c: C(2, 2)
    CHECK(one(*v, term(TermKind::ostar, 2)) == 2);  // a, b: C(2, 2) each
    CHECK(one(*v, term(TermKind::isolates)) == 0);
    // OTP shared partners of each tie i -> j (k with i -> k -> j): a->c 1 (b), b->c 1 (a), others 0
    CHECK(one(*v, term(TermKind::gwesp, 0.0)) == Approx(2));
    const std::vector<double> x{1, 2, 3, 4};
    CHECK(one(*v, numeric(TermKind::nodeicov, x)) == 2 + 1 + 3 + 3 + 4);
    CHECK(one(*v, numeric(TermKind::nodeocov, x)) == 1 + 2 + 2 + 1 + 3);
    // mixing, directed: cells by column (receiver), x.x is the base: y.x 0, x.y 2 (b->c, a->c), y.y 1
    const std::vector<std::uint32_t> codes{0, 0, 1, 1};
    CHECK(summary(*v, {categorical(TermKind::nodemix, codes, {"x", "y"})}) == std::vector<double>{0, 2, 1});
    CHECK(statistic_names(*v, {categorical(TermKind::nodemix, codes, {"x", "y"})}) ==
          std::vector<std::string>{"mix.sector.y.x", "mix.sector.x.y", "mix.sector.y.y"});
}

TEST_CASE("ergm change statistics equal the difference of the statistics, every term", "[ergm]") {
    for (const bool directed : {false, true})
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            const std::size_t n = 14;
            const auto net = kt::RandomGraph(n, directed, seed + (directed ? 100 : 0)).gilbert(0.25).network({});
            const auto view = net.view();
            kt::Random rng(seed, 1);
            std::vector<std::uint32_t> codes(n);
            std::vector<double> x(n);
            Term cov;
            cov.kind = TermKind::edgecov;
            cov.name = "w";
            for (std::size_t v = 0; v < n; ++v) {
                codes[v] = std::uint32_t(rng.below(3));
                x[v] = rng.uniform(-2, 2);
                for (std::size_t u = directed ? 0 : v + 1; u < n; ++u)
                    if (u != v && rng.chance(0.3)) {
                        cov.cov_sources.push_back(vertex_t(v));
                        cov.cov_targets.push_back(vertex_t(u));
                        cov.cov_values.push_back(rng.uniform(0, 3));
                    }
            }
            Model model{term(TermKind::edges), term(TermKind::triangle), term(TermKind::gwesp, 0.7),
                        term(TermKind::gwdsp, 0.3), term(TermKind::isolates),
                        categorical(TermKind::nodematch, codes, {"p", "q", "r"}),
                        categorical(TermKind::nodematch, codes, {"p", "q", "r"}, true),
                        categorical(TermKind::nodemix, codes, {"p", "q", "r"}),
                        categorical(TermKind::nodefactor, codes, {"p", "q", "r"}),
                        numeric(TermKind::nodecov, x), numeric(TermKind::absdiff, x), cov};
            if (directed) {
                for (auto k : {TermKind::mutual, TermKind::nodeicov, TermKind::nodeocov})
                    model.push_back(k == TermKind::mutual ? term(k) : numeric(k, x));
                model.push_back(term(TermKind::istar, 2));
                model.push_back(term(TermKind::ostar, 3));
                model.push_back(term(TermKind::gwidegree, 0.5));
                model.push_back(term(TermKind::gwodegree, 1.5));
            } else {
                model.push_back(term(TermKind::kstar, 2));
                model.push_back(term(TermKind::kstar, 3));
                model.push_back(term(TermKind::gwdegree, 0.5));
            }
            const auto cm = detail::compile(model, vertex_t(n), directed);
            auto s = detail::state_of(*view);
            std::vector<double> with(cm.p), without(cm.p), delta(cm.p);
            for (vertex_t i = 0; i < n; ++i)
                for (vertex_t j = 0; j < n; ++j) {
                    if (i == j || (!directed && j < i)) continue;
                    const bool tied = s.has(i, j);
                    if (tied) s.remove(i, j);
                    cm.statistic_all(s, without.data());
                    cm.change_all(s, i, j, delta.data());
                    s.add(i, j);
                    cm.statistic_all(s, with.data());
                    if (!tied) s.remove(i, j);
                    for (std::size_t q = 0; q < cm.p; ++q) {
                        INFO(cm.names[q] << " pair " << i << "," << j << " directed " << directed << " seed " << seed);
                        CHECK(delta[q] == Approx(with[q] - without[q]).margin(1e-9));
                    }
                }
        }
}

TEST_CASE("ergm dyad state keeps its tie list with swap-remove", "[ergm]") {
    for (const bool directed : {false, true}) {
        detail::DyadState s(6, directed);
        kt::Random rng(7, directed ? 1 : 0);
        std::set<std::pair<vertex_t, vertex_t>> ref;
        for (int step = 0; step < 500; ++step) {
            vertex_t i = vertex_t(rng.below(6)), j = vertex_t(rng.below(6));
            if (i == j) continue;
            if (!directed && i > j) std::swap(i, j);
            if (ref.count({i, j})) {
                s.remove(i, j);
                ref.erase({i, j});
            } else {
                s.add(i, j);
                ref.insert({i, j});
            }
            REQUIRE(s.edge_count() == ref.size());
            std::set<std::pair<vertex_t, vertex_t>> listed;
            for (std::size_t k = 0; k < s.edge_count(); ++k) listed.insert(s.edge(k));
            REQUIRE(listed == ref);
            for (vertex_t a = 0; a < 6; ++a)
                for (vertex_t b = 0; b < 6; ++b)
                    if (a != b)
                        REQUIRE(s.has(a, b) == (ref.count({directed ? a : std::min(a, b), directed ? b : std::max(a, b)}) > 0));
        }
    }
}

TEST_CASE("ergm simulation depends on the seed, not on the threads", "[ergm]") {
    const auto view = kt::RandomGraph(30, true, 3).gilbert(0.1).network({}).view();
    const Model model{term(TermKind::edges), term(TermKind::mutual), term(TermKind::gwesp, 0.5)};
    SimulationOptions o;
    o.nsim = 10;
    o.burnin = 1000;
    o.interval = 100;
    o.seed = 5;
    o.networks = true;
    o.threads = 1;
    const auto a = simulate(*view, model, {-2.0, 1.0, 0.2}, o);
    o.threads = 3;
    const auto b = simulate(*view, model, {-2.0, 1.0, 0.2}, o);
    CHECK(a.statistics == b.statistics);
    CHECK(a.networks == b.networks);
    CHECK(a.chains == 4);
    // each draw's statistics are those of its network
    for (std::size_t d = 0; d < a.nsim; ++d) {
        std::vector<Arc> arcs;
        for (auto [i, j] : a.networks[d]) arcs.push_back({i, j, 1.0});
        const auto v = View::build(30, true, false, arcs, Combine::sum, view->options(),
                                   std::make_shared<const std::vector<std::string>>(view->ids()), 0);
        const auto g = summary(*v, model);
        for (std::size_t q = 0; q < 3; ++q) CHECK(a.statistics[d * 3 + q] == Approx(g[q]).margin(1e-9));
    }
    o.seed = 6;
    CHECK(simulate(*view, model, {-2.0, 1.0, 0.2}, o).statistics != a.statistics);
}

TEST_CASE("ergm MPLE and MCMLE of dyad-independent models", "[ergm]") {
    // edges alone: the MLE is logit(density), exactly, for MPLE and MCMLE alike
    const auto view = kt::RandomGraph(25, false, 11).gilbert(0.2).network({}).view();
    const double m = double(view->m()), pairs = 25.0 * 24.0 / 2.0;
    const double logit = std::log(m / (pairs - m));
    const auto mp = mple(*view, {term(TermKind::edges)});
    CHECK(mp.coef[0] == Approx(logit).epsilon(1e-10));
    CHECK(mp.std_error[0] == Approx(std::sqrt(1.0 / (pairs * (m / pairs) * (1 - m / pairs)))).epsilon(1e-8));
    McmleOptions o;
    o.samplesize = 512;
    o.burnin = 2000;
    o.interval = 200;
    // a dyad-independent model needs no MCMC: the exact MLE, its exact Fisher information
    const auto fit = mcmle(*view, {term(TermKind::edges)}, o);
    CHECK(fit.converged);
    CHECK(fit.iterations == 0);
    CHECK(fit.coef[0] == Approx(logit).epsilon(1e-9));
    CHECK(fit.std_error[0] == Approx(mp.std_error[0]).epsilon(1e-8));
    CHECK(fit.mcmc_std_error[0] == 0.0);
    CHECK(fit.loglik == Approx(m * logit - pairs * std::log1p(std::exp(logit))).epsilon(1e-10));
    // a dependent model: the log-likelihood by path sampling, with its Monte Carlo error;
    // without bridges none
    const auto dep = mcmle(*view, {term(TermKind::edges), term(TermKind::triangle)}, o);
    CHECK(std::isfinite(dep.loglik));
    CHECK(dep.loglik_mc_error > 0.0);
    o.bridges = 0;
    CHECK(std::isnan(mcmle(*view, {term(TermKind::edges), term(TermKind::triangle)}, o).loglik));
}

TEST_CASE("ergm errors name the term", "[ergm]") {
    const auto u = drawn_undirected();
    const auto d = drawn_directed();
    CHECK_THROWS_WITH(summary(*u, {term(TermKind::mutual)}), Catch::Contains("mutual applies to directed layers only"));
    CHECK_THROWS_WITH(summary(*d, {term(TermKind::kstar, 2)}), Catch::Contains("kstar applies to undirected"));
    CHECK_THROWS_WITH(summary(*u, {term(TermKind::kstar, 0)}), Catch::Contains("k must be a whole number"));
    CHECK_THROWS_WITH(summary(*u, {term(TermKind::gwesp, -1)}), Catch::Contains("decay must be finite"));
    CHECK_THROWS_WITH(summary(*u, {numeric(TermKind::nodecov, {1, 2})}), Catch::Contains("2 values for 5 organisations"));
    CHECK_THROWS_WITH(summary(*u, {}), Catch::Contains("no terms"));
    CHECK_THROWS_AS(simulate(*u, {term(TermKind::edges)}, {1.0, 2.0}), InputError);
}

namespace {

// The exact mean statistics of an ERGM on 4 organisations, by enumerating every network
// (6 pairs undirected: 64 networks; 12 ordered pairs directed: 4,096).
std::vector<double> exact_means(const Model& model, bool directed, const std::vector<double>& coef) {
    const vertex_t n = 4;
    std::vector<std::pair<vertex_t, vertex_t>> pairs;
    for (vertex_t i = 0; i < n; ++i)
        for (vertex_t j = 0; j < n; ++j)
            if (i != j && (directed || i < j)) pairs.emplace_back(i, j);
    const auto cm = detail::compile(model, n, directed);
    std::vector<double> g(cm.p), mean(cm.p, 0.0);
    double z = 0.0;
    for (std::uint32_t mask = 0; mask < (1u << pairs.size()); ++mask) {
        detail::DyadState s(n, directed);
        for (std::size_t k = 0; k < pairs.size(); ++k)
            if (mask >> k & 1u) s.add(pairs[k].first, pairs[k].second);
        cm.statistic_all(s, g.data());
        double eta = 0;
        for (std::size_t q = 0; q < cm.p; ++q) eta += coef[q] * g[q];
        const double w = std::exp(eta);
        z += w;
        for (std::size_t q = 0; q < cm.p; ++q) mean[q] += w * g[q];
    }
    for (double& v : mean) v /= z;
    return mean;
}

}  // namespace

TEST_CASE("ergm sampler draws from the model: mean statistics equal the exact ones", "[ergm]") {
    // 4 organisations; the undirected start is the path 0 - 1 - 2, the directed one 0 -> 1 -> 2
    struct Case {
        bool directed;
        Model model;
        std::vector<double> coef;
    };
    const std::vector<Case> cases{
        {false, {term(TermKind::edges), term(TermKind::triangle)}, {-0.3, 0.8}},
        {false, {term(TermKind::edges), term(TermKind::gwesp, 0.5), term(TermKind::kstar, 2)}, {0.2, 0.6, -0.4}},
        {true, {term(TermKind::edges), term(TermKind::mutual), term(TermKind::gwesp, 0.5)}, {-0.5, 1.0, 0.3}},
        {true, {term(TermKind::edges), term(TermKind::triangle), term(TermKind::istar, 2)}, {-0.2, 0.3, -0.3}},
    };
    for (const auto& c : cases) {
        const auto view = kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}}, c.directed).view();
        const auto exact = exact_means(c.model, c.directed, c.coef);
        SimulationOptions o;
        o.nsim = 20000;
        o.burnin = 1000;
        o.interval = 20;
        o.seed = 9;
        const auto sim = simulate(*view, c.model, c.coef, o);
        for (std::size_t q = 0; q < sim.p; ++q) {
            double mean = 0, sq = 0;
            for (std::size_t d = 0; d < sim.nsim; ++d) mean += sim.statistics[d * sim.p + q];
            mean /= double(sim.nsim);
            for (std::size_t d = 0; d < sim.nsim; ++d) sq += std::pow(sim.statistics[d * sim.p + q] - mean, 2);
            const double se = std::sqrt(sq / double(sim.nsim - 1) / double(sim.nsim));
            INFO("directed " << c.directed << " statistic " << q << " exact " << exact[q] << " sampled " << mean
                             << " se " << se);
            // draws 20 proposals apart are close to independent here; 5 standard errors
            CHECK(std::fabs(mean - exact[q]) < 5 * se + 1e-9);
        }
    }
}
