// Gould-Fernandez brokerage roles on three- and four-organisation graphs.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <utility>

#include "ketennet/brokerage/gould_fernandez.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;
using brokerage::Role;

namespace {

Network sectored(const std::vector<std::pair<std::string, std::string>>& orgs,
                 const std::vector<kt::E>& edges, bool directed) {
    Network net("test");
    net.add_layer("L", directed);
    for (const auto& [id, sector] : orgs) net.add_organisation({id, "", sector, {}});
    for (const auto& e : edges) net.add_relation(kt::rel(e.source, e.target, "L"));
    return net;
}

double at(const brokerage::Brokerage& b, vertex_t v, Role r) {
    return b.raw[std::size_t(v) * brokerage::role_count + std::size_t(r)];
}

}  // namespace

//   a -> b -> c (no a -> c): b brokers the one pair (a, c). Sectors decide the role:
//     X -> X -> X coordinator;  Y -> X -> Y itinerant;  Y -> X -> X gatekeeper;
//     X -> X -> Y representative;  Y -> X -> Z liaison
TEST_CASE("each Gould-Fernandez role on a two-path", "[brokerage][gould_fernandez]") {
    struct Case { const char *sa, *sb, *sc; Role role; };
    const Case c = GENERATE(Case{"X", "X", "X", Role::coordinator}, Case{"Y", "X", "Y", Role::itinerant},
                            Case{"Y", "X", "X", Role::gatekeeper}, Case{"X", "X", "Y", Role::representative},
                            Case{"Y", "X", "Z", Role::liaison});
    const Network net = sectored({{"a", c.sa}, {"b", c.sb}, {"c", c.sc}}, {{"a", "b"}, {"b", "c"}}, true);
    const auto r = brokerage::gould_fernandez(*net.view(), brokerage::partition_by(net, "sector"));
    for (std::size_t role = 0; role < 5; ++role) {
        INFO("role " << brokerage::role_names[role]);
        CHECK(at(r, 1, Role(role)) == (Role(role) == c.role ? 1.0 : 0.0));
        CHECK(at(r, 0, Role(role)) == 0.0);
        CHECK(at(r, 2, Role(role)) == 0.0);
    }
    CHECK(at(r, 1, Role::total) == 1.0);
    CHECK(r.network_raw[std::size_t(c.role)] == 1.0);
}

//   a -> b -> c with a -> c as well: nothing brokered
//   undirected a - b - c: b brokers (a, c) and (c, a): 2 coordinator pairs (as sna with a
//   symmetric matrix)
TEST_CASE("a closed two-path is not brokered; undirected ties count both ways", "[brokerage][gould_fernandez]") {
    const Network closed = sectored({{"a", "X"}, {"b", "X"}, {"c", "X"}},
                                    {{"a", "b"}, {"b", "c"}, {"a", "c"}}, true);
    const auto r1 = brokerage::gould_fernandez(*closed.view(), brokerage::partition_by(closed, "sector"));
    CHECK(r1.network_raw[std::size_t(Role::total)] == 0.0);
    const Network und = sectored({{"a", "X"}, {"b", "X"}, {"c", "X"}}, {{"a", "b"}, {"b", "c"}}, false);
    const auto r2 = brokerage::gould_fernandez(*und.view(), brokerage::partition_by(und, "sector"));
    CHECK(at(r2, 1, Role::coordinator) == 2.0);
    CHECK(r2.density == Approx(4.0 / 6));
}

//   expected values (sna::brokerage): a(X) -> b(Y) -> c(Y); m = 2 arcs, d = 2/6 = 1/3,
//   q = d^2 (1 - d) = 2/27. b's group Y has n = 2 of N = 3:
//     E[gatekeeper] = q (N - n)(n - 1) = 2/27;
//     Var = E (1 - q) + 2 ((n-1) C(N-n, 2) + (N-n) C(n-1, 2)) d^3 (1-d)^3 = 2/27 * 25/27
//     z = (1 - 2/27) / sqrt(50/729) = 25 / sqrt(50)
//     E[coordinator] = q (n-1)(n-2) = 0, Var = 0: z = (0 - 0)/0 = NaN
//     E[total] = q (N-1)(N-2) = 4/27
TEST_CASE("Gould-Fernandez expected values and z-scores", "[brokerage][gould_fernandez]") {
    const Network net = sectored({{"a", "X"}, {"b", "Y"}, {"c", "Y"}}, {{"a", "b"}, {"b", "c"}}, true);
    const auto r = brokerage::gould_fernandez(*net.view(), brokerage::partition_by(net, "sector"));
    constexpr std::size_t R = brokerage::role_count;
    const std::size_t g = R + std::size_t(Role::gatekeeper);  // organisation b
    CHECK(r.expected[g] == Approx(2.0 / 27));
    CHECK(r.sd[g] == Approx(std::sqrt(50.0) / 27));
    CHECK(r.z[g] == Approx(25.0 / std::sqrt(50.0)));
    CHECK(r.expected[R + std::size_t(Role::total)] == Approx(4.0 / 27));
    CHECK(std::isnan(r.z[R + std::size_t(Role::coordinator)]));
    CHECK(r.expected[R + std::size_t(Role::representative)] == r.expected[g]);
}

TEST_CASE("Gould-Fernandez rejects bad input", "[brokerage][gould_fernandez]") {
    SECTION("missing sectors are named") {
        const Network net = sectored({{"a", "X"}, {"b", ""}, {"c", ""}}, {{"a", "b"}}, true);
        const auto msg = kt::message_of<InputError>([&] { brokerage::partition_by(net, "sector"); });
        CHECK_THAT(msg, Catch::Contains("2 organisations have no sector"));
        CHECK_THAT(msg, Catch::Contains("'b', 'c'"));
    }
    SECTION("a missing attribute is named") {
        Network net = sectored({{"a", "X"}, {"b", "X"}}, {}, true);
        Organisation o = net.organisation("a");
        o.attributes["region"] = std::string("oost");
        net.set_organisation(o);
        const auto msg = kt::message_of<InputError>([&] { brokerage::partition_by(net, "region"); });
        CHECK_THAT(msg, Catch::Contains("'b'"));
        CHECK_THAT(msg, !Catch::Contains("'a'"));
    }
    SECTION("fewer than three organisations") {
        const Network net = sectored({{"a", "X"}, {"b", "X"}}, {{"a", "b"}}, true);
        CHECK_THROWS_AS(brokerage::gould_fernandez(*net.view(), brokerage::partition_by(net, "sector")),
                        InputError);
    }
}

TEST_CASE("partition groups are sorted by value, numbers labelled briefly", "[brokerage][partition]") {
    Network net("t");
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    const std::vector<std::pair<std::string, AttributeValue>> vals{{"a", 2.5}, {"b", 1.0}, {"c", 2.5}};
    for (const auto& [id, x] : vals) {
        Organisation o = net.organisation(id);
        o.attributes["k"] = x;
        net.set_organisation(o);
    }
    const auto p = brokerage::partition_by(net, "k");
    CHECK(p.labels == std::vector<std::string>{"1", "2.5"});
    CHECK(p.group == std::vector<std::uint32_t>{1, 0, 1});
}

namespace {

/// A random network with @p groups sectors (named in reverse order of first use, so that the
/// alphabetical codes differ from the order of appearance) and @p arcs random pairs drawn,
/// self-loops included (repeats dropped), no weights; every organisation also has the sector
/// as attribute "s".
Network random_sectored(unsigned n, unsigned arcs, unsigned groups, bool directed, unsigned seed) {
    kt::RandomGraph g(n, directed, seed);
    g.draw(arcs, kt::unit_weight(), /*loops=*/true);
    Network net = g.network({});
    for (const std::string& id : kt::numbered(n)) {
        Organisation o = net.organisation(id);
        o.sector = "sector-" + std::string(1, char('z' - g.random().below(groups)));
        o.attributes["s"] = o.sector;
        net.set_organisation(o);
    }
    return net;
}

/// The role counts straight from the definition: every a -> v -> c with a, v, c distinct and
/// no a -> c, read off an adjacency matrix.
std::vector<double> naive_roles(const View& g, const brokerage::Partition& p) {
    const std::size_t n = g.n(), R = brokerage::role_count;
    std::vector<char> A(n * n, 0);
    for (vertex_t u = 0; u < n; ++u)
        for (vertex_t w : g.out_neighbours(u)) A[u * n + w] = 1;
    std::vector<double> raw(n * R, 0.0);
    for (std::size_t v = 0; v < n; ++v)
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t c = 0; c < n; ++c) {
                if (a == v || c == v || a == c || !A[a * n + v] || !A[v * n + c] || A[a * n + c]) continue;
                const auto ga = p.group[a], gv = p.group[v], gc = p.group[c];
                const Role r = ga == gv ? (gc == gv ? Role::coordinator : Role::representative)
                               : gc == gv ? Role::gatekeeper
                               : ga == gc ? Role::itinerant
                                          : Role::liaison;
                raw[v * R + std::size_t(r)] += 1.0;
                raw[v * R + std::size_t(Role::total)] += 1.0;
            }
    return raw;
}

}  // namespace

TEST_CASE("brokerage roles agree with the definition on random networks", "[brokerage][gould_fernandez]") {
    const bool directed = GENERATE(false, true);
    for (unsigned seed = 1; seed <= 15; ++seed) {
        INFO("seed " << seed);
        const unsigned n = 5 + 3 * seed;
        const Network net = random_sectored(n, 3 * n, 1 + seed % 5, directed, seed);
        const auto p = brokerage::partition_by(net, "sector");
        const ViewPtr v = net.view();
        CHECK(brokerage::gould_fernandez(*v, p).raw == naive_roles(*v, p));
    }
}

TEST_CASE("brokerage roles are identical for every thread count", "[brokerage][gould_fernandez]") {
    const bool directed = GENERATE(false, true);
    const Network net = random_sectored(30000, 150000, 10, directed, 3);
    const auto p = brokerage::partition_by(net, "sector");
    brokerage::BrokerageOptions o;
    o.threads = 1;
    const auto one = brokerage::gould_fernandez(*net.view(), p, o);
    o.threads = 2;
    const auto two = brokerage::gould_fernandez(*net.view(), p, o);
    CHECK(std::memcmp(one.raw.data(), two.raw.data(), 8 * one.raw.size()) == 0);
    CHECK(std::memcmp(one.z.data(), two.z.data(), 8 * one.z.size()) == 0);
}

TEST_CASE("partition by sector equals the partition by the same strings as attribute", "[brokerage][partition]") {
    const Network net = random_sectored(200, 10, 7, true, 5);
    const auto s = brokerage::partition_by(net, "sector");
    const auto a = brokerage::partition_by(net, "s");
    CHECK(s.labels == a.labels);
    CHECK(s.group == a.group);
    CHECK(std::is_sorted(s.labels.begin(), s.labels.end()));
}
