// Modularity, Louvain and Leiden communities, and partition agreement by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "ketennet/cohesion/communities.hpp"
#include "ketennet/cohesion/partition_agreement.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

//   two triangles joined by one tie:
//     a - b        d - e
//      \ /          \ /
//       c ---------- f?  no: c - d
//   ties: ab bc ca de ef fd cd (m = 7)
//   partition {a,b,c} {d,e,f}: L = 3 each, degree sums 7 each:
//   Q = 2 (3/7 - (7/14)^2) = 6/7 - 1/2 = 5/14
//   directed (a->b->c->a, d->e->f->d, c->d): out/in sums {abc}: 4/3, {def}: 3/4:
//   Q = 2 * 3/7 - (4*3 + 3*4)/49 = 18/49
TEST_CASE("communities of two triangles", "[cohesion][communities]") {
    const std::vector<kt::E> ties = {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"},
                                     {"e", "f"}, {"f", "d"}, {"c", "d"}};
    const bool directed = GENERATE(false, true);
    const Network net = kt::graph({"a", "b", "c", "d", "e", "f"}, ties, directed);
    const ViewPtr v = net.view();
    const double expected = directed ? 18.0 / 49 : 5.0 / 14;
    CHECK(cohesion::modularity(*v, {0, 0, 0, 1, 1, 1}) == Approx(expected).epsilon(1e-12));
    for (auto method : {cohesion::CommunityMethod::louvain, cohesion::CommunityMethod::leiden}) {
        for (std::uint64_t seed = 0; seed < 5; ++seed) {
            INFO("directed " << directed << " method " << int(method) << " seed " << seed);
            cohesion::CommunityOptions o;
            o.method = method;
            o.seed = seed;
            const auto r = cohesion::communities(*v, o);
            CHECK(r.membership == std::vector<std::size_t>{0, 0, 0, 1, 1, 1});
            CHECK(r.size == std::vector<std::size_t>{3, 3});
            CHECK(r.modularity == Approx(expected).epsilon(1e-12));
            // deterministic for a seed
            CHECK(cohesion::communities(*v, o).membership == r.membership);
        }
    }
}

//   undirected with a self-loop:  a - b - c, c - c.  {a, b} {c}: m = 3, degrees a 1, b 2,
//   c 1 + 2 (the loop counts twice) = 3; L: {a,b} 1, {c} 1 (the loop once):
//   Q = 1/3 - (3/6)^2 + 1/3 - (3/6)^2 = 1/6 (NetworkX's value)
//   weighted (ab 2, bc 1, cc 1): m = 4, degrees a 2, b 3, c 3: Q = 2/4 - (5/8)^2 + 1/4 - (3/8)^2
TEST_CASE("modularity with self-loops, weights and resolution", "[cohesion][communities]") {
    const Network net = kt::graph({"a", "b", "c"}, {{"a", "b", 2.0}, {"b", "c", 1.0}, {"c", "c", 1.0}}, false);
    CHECK(cohesion::modularity(*net.view(), {0, 0, 1}) == Approx(1.0 / 6).epsilon(1e-12));
    const ViewPtr w = net.view(kt::opts({}, "volume"));
    CHECK(cohesion::modularity(*w, {0, 0, 1}) ==
          Approx(0.5 - 25.0 / 64 + 0.25 - 9.0 / 64).epsilon(1e-12));
    // resolution 2 doubles the expected part: 3/4 - 2 * 34/64
    CHECK(cohesion::modularity(*w, {0, 0, 1}, 2.0) == Approx(0.75 - 68.0 / 64).epsilon(1e-12));
    // everything in one community: Q = 1 - γ
    CHECK(cohesion::modularity(*w, {5, 5, 5}) == Approx(0.0).margin(1e-12));
}

TEST_CASE("communities: no ties, bad input", "[cohesion][communities]") {
    const Network lonely = kt::graph({"a", "b", "c"}, {}, false);
    const auto r = cohesion::communities(*lonely.view());
    CHECK(r.membership == std::vector<std::size_t>{0, 1, 2});
    CHECK(std::isnan(r.modularity));
    CHECK_THAT(kt::message_of<InputError>([&] { cohesion::modularity(*lonely.view(), {0, 0, 0}); }),
               Catch::Contains("without relations"));
    const Network net = kt::graph({"a", "b"}, {{"a", "b"}}, false);
    CHECK_THAT(kt::message_of<InputError>([&] { cohesion::modularity(*net.view(), {0}); }),
               Catch::Contains("1 labels for 2 organisations"));
    cohesion::CommunityOptions o;
    o.resolution = 0.0;
    CHECK_THAT(kt::message_of<InputError>([&] { cohesion::communities(*net.view(), o); }),
               Catch::Contains("resolution"));
}

//   progress on the two triangles of the first test (a b c, d e f, joined by c - d):
//   Louvain's first level finds {a,b,c} {d,e,f}: k = 2 of n = 6, 1 - 2/6; the second level
//   (on the two merged nodes) moves nothing: 1 - 2/6 again; then 1.0 at the end.
//   Leiden with 2 runs of two node-moving rounds each (the six organisations, then the
//   aggregate of the refined communities): 0 after each round of the first run, 1/2 after
//   it, 1/2 after each round of the second, 1 after it, then 1.0 at the end.
TEST_CASE("communities: progress and cancellation", "[cohesion][communities][progress]") {
    const Network tri = kt::graph({"a", "b", "c", "d", "e", "f"},
                                  {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"},
                                   {"e", "f"}, {"f", "d"}, {"c", "d"}}, false);
    const Network lonely = kt::graph({"a", "b"}, {}, false);
    const Network random = kt::RandomGraph(200, false, 11).draw(600).network({});
    const ViewPtr views[] = {tri.view(), lonely.view(), random.view()};
    for (auto method : {cohesion::CommunityMethod::louvain, cohesion::CommunityMethod::leiden}) {
        for (std::size_t k = 0; k < 3; ++k) {
            INFO("method " << int(method) << " view " << k);
            const View& v = *views[k];
            cohesion::CommunityOptions o;
            o.method = method;
            o.seed = 3;
            const auto plain = cohesion::communities(v, o);
            std::vector<double> seen;
            o.progress = [&](double f) {
                seen.push_back(f);
                return true;
            };
            const auto r = cohesion::communities(v, o);
            CHECK(r.membership == plain.membership);
            CHECK(r.size == plain.size);
            CHECK(r.levels == plain.levels);
            CHECK((r.modularity == plain.modularity || (std::isnan(r.modularity) && std::isnan(plain.modularity))));
            REQUIRE(!seen.empty());
            CHECK(seen.back() == 1.0);
            for (std::size_t i = 0; i < seen.size(); ++i) {
                CHECK(seen[i] >= 0.0);
                CHECK(seen[i] <= 1.0);
                if (i > 0) CHECK(seen[i] >= seen[i - 1]);
            }
            if (k == 0)
                CHECK(seen == (method == cohesion::CommunityMethod::louvain
                                   ? std::vector<double>{1.0 - 2.0 / 6.0, 1.0 - 2.0 / 6.0, 1.0}
                                   : std::vector<double>{0.0, 0.0, 0.5, 0.5, 0.5, 1.0, 1.0}));
            if (k == 2) CHECK(seen.size() > 3);
            std::size_t calls = 0;
            o.progress = [&](double) {
                ++calls;
                return false;
            };
            CHECK_THROWS_AS(cohesion::communities(v, o), Cancelled);
            CHECK(calls == 1);
        }
    }
}

//   a = (0 0 1 1), b = (0 0 0 1): contingency (0,0) 2, (1,0) 1, (1,1) 1
//   H(a) = ln 2, H(b) = -(3/4 ln 3/4 + 1/4 ln 1/4),
//   I = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2;  NMI = I / ((H(a) + H(b)) / 2) = 0.34371...
//   ARI: Σ C(n_ij,2) = 1, Σ C(a_i,2) = 2, Σ C(b_j,2) = 3, E = 2*3/6 = 1: (1 - 1)/(5/2 - 1) = 0
TEST_CASE("partition agreement", "[cohesion][agreement]") {
    const double ha = std::log(2.0), hb = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25));
    const double mi = 0.5 * std::log(4.0 / 3) + 0.25 * std::log(2.0 / 3) + 0.25 * std::log(2.0);
    const auto r = cohesion::partition_agreement({0, 0, 1, 1}, {0, 0, 0, 1});
    CHECK(r.nmi == Approx(mi / ((ha + hb) / 2)).epsilon(1e-12));
    CHECK(r.nmi == Approx(0.3437110184854509).epsilon(1e-12));  // igraph compare_communities
    CHECK(r.ari == Approx(0.0).margin(1e-12));
    // identical up to renaming: 1, 1
    const auto same = cohesion::partition_agreement({7, 7, 3}, {1, 1, 2});
    CHECK(same.nmi == Approx(1.0));
    CHECK(same.ari == Approx(1.0));
    // both trivial: 1, 1 (as scikit-learn)
    const auto trivial = cohesion::partition_agreement({1, 1, 1}, {2, 2, 2});
    CHECK(trivial.nmi == 1.0);
    CHECK(trivial.ari == 1.0);
    CHECK_THAT(kt::message_of<InputError>([] { cohesion::partition_agreement({1, 2}, {1}); }),
               Catch::Contains("2 and 1 items"));
    CHECK_THROWS_AS(cohesion::partition_agreement({}, {}), InputError);
}
