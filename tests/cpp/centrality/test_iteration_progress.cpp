// Progress and cancellation of the iterative centralities: PageRank (fast kernel and
// reference), eigenvector, Katz and HITS report iteration / max_iter after each iteration and
// 1.0 when converged; a handler that returns false makes the call throw Cancelled.
#include <catch2/catch.hpp>

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <vector>

#include "ketennet/centrality/eigenvector.hpp"
#include "ketennet/centrality/hits.hpp"
#include "ketennet/centrality/katz.hpp"
#include "ketennet/centrality/pagerank.hpp"
#include "../generators.hpp"
#include "../test_helpers.hpp"

using namespace ketennet;

namespace {

//   d --> a --> b
//         ^     |
//         |     v
//         +---- c
//
// A directed 3-cycle a -> b -> c -> a fed by d: no iteration starts at its fixed point, so
// every method takes several iterations.
Network cycle_fed_by_d() {
    return kt::graph({"a", "b", "c", "d"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "a"}}, true);
}

/// Records every fraction a call reports (and keeps going).
struct Recorder {
    std::vector<double> seen;
    ProgressHandler handler() {
        return [this](double f) {
            seen.push_back(f);
            return true;
        };
    }
};

/// The fractions: at least one, each in [0, 1], never decreasing, the last 1.0.
void check_fractions(const std::vector<double>& seen) {
    REQUIRE(!seen.empty());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        INFO("report " << i << ": " << seen[i]);
        CHECK(seen[i] >= 0.0);
        CHECK(seen[i] <= 1.0);
        if (i > 0) CHECK(seen[i] >= seen[i - 1]);
    }
    CHECK(seen.back() == 1.0);
}

/// For an options type O and a call f(view, options): a handler that returns false at once
/// cancels, a recording handler sees fractions as check_fractions() wants and the first one
/// is 1 / max_iter (or 1.0 when the first iteration converged), a handler that returns false
/// at its second report cancels, and the results with a handler are those without.
template <class O, class F>
void check_progress(const View& v, O o, F&& f) {
    const auto plain = f(v, o);
    {
        O cancel = o;
        std::size_t calls = 0;
        cancel.progress = [&](double) {
            ++calls;
            return false;
        };
        CHECK_THROWS_AS(f(v, cancel), Cancelled);
        CHECK(calls == 1);  // nothing more is reported once a handler said stop
    }
    {
        O second = o;
        std::size_t calls = 0;
        second.progress = [&](double) { return ++calls < 2; };
        CHECK_THROWS_AS(f(v, second), Cancelled);
        CHECK(calls == 2);
    }
    Recorder rec;
    O recorded = o;
    recorded.progress = rec.handler();
    const auto with = f(v, recorded);
    check_fractions(rec.seen);
    CHECK(rec.seen.size() >= 2);  // several iterations on this graph
    CHECK(rec.seen.front() == 1.0 / double(o.max_iter));
    for (std::size_t i = 0; i + 1 < rec.seen.size(); ++i) CHECK(rec.seen[i] == double(i + 1) / double(o.max_iter));
    CHECK(with == plain);  // exactly: reporting changes nothing
}

bool same(const centrality::HitsResult& a, const centrality::HitsResult& b) {
    return a.hubs == b.hubs && a.authorities == b.authorities;
}

}  // namespace

TEST_CASE("pagerank reports each iteration and can be cancelled", "[centrality][pagerank][progress]") {
    const Network net = cycle_fed_by_d();
    const ViewPtr v = net.view();
    centrality::PageRankOptions o;
    o.threads = 1;
    SECTION("fast kernel") {
        check_progress(*v, o, [](const View& g, const centrality::PageRankOptions& p) { return centrality::pagerank(g, p); });
    }
    SECTION("reference") {
        check_progress(*v, o, [](const View& g, const centrality::PageRankOptions& p) {
            return centrality::reference::pagerank(g, p);
        });
    }
    SECTION("no convergence: every iteration reported, up to 1.0, then ConvergenceError") {
        for (const bool reference : {false, true}) {
            Recorder rec;
            o.max_iter = 2;
            o.progress = rec.handler();
            if (reference)
                CHECK_THROWS_AS(centrality::reference::pagerank(*v, o), ConvergenceError);
            else
                CHECK_THROWS_AS(centrality::pagerank(*v, o), ConvergenceError);
            CHECK(rec.seen == std::vector<double>{0.5, 1.0});
        }
    }
    SECTION("an exception from the handler leaves the call") {
        o.progress = [](double) -> bool { throw std::runtime_error("handler failed"); };
        CHECK_THROWS_AS(centrality::pagerank(*v, o), std::runtime_error);
        CHECK_THROWS_AS(centrality::reference::pagerank(*v, o), std::runtime_error);
    }
    SECTION("no organisations: 1.0") {
        const Network empty = kt::graph({}, {}, true);
        Recorder rec;
        o.progress = rec.handler();
        CHECK(centrality::pagerank(*empty.view(), o).empty());
        CHECK(rec.seen == std::vector<double>{1.0});
    }
}

// A random sparse network large enough for the power iteration to run on two threads (see
// test_pagerank.cpp): the calling thread reports, and a cancellation stops both threads.
TEST_CASE("pagerank on two threads reports and cancels", "[centrality][pagerank][progress][parallel]") {
    const std::size_t n = 40000;
    const Network net = kt::RandomGraph(n, true, 1).draw(6 * n, kt::steps(1, 1, 100)).network({"volume"}, "l");
    const ViewPtr v = net.view(kt::opts({}, "volume"));
    REQUIRE(v->m() + n >= centrality::pagerank_parallel_work);
    centrality::PageRankOptions o;
    o.threads = 2;
    const std::vector<double> plain = centrality::pagerank(*v, o);
    Recorder rec;
    o.progress = rec.handler();
    CHECK(centrality::pagerank(*v, o) == plain);
    check_fractions(rec.seen);
    CHECK(rec.seen.size() >= 3);
    std::size_t calls = 0;
    o.progress = [&](double) { return ++calls < 3; };
    CHECK_THROWS_AS(centrality::pagerank(*v, o), Cancelled);
    CHECK(calls == 3);
    o.progress = [](double) -> bool { throw std::runtime_error("handler failed"); };
    CHECK_THROWS_AS(centrality::pagerank(*v, o), std::runtime_error);
}

TEST_CASE("eigenvector centrality reports each iteration and can be cancelled",
          "[centrality][eigenvector][progress]") {
    const Network net = cycle_fed_by_d();
    const ViewPtr v = net.view();
    check_progress(*v, centrality::EigenvectorOptions{},
                   [](const View& g, const centrality::EigenvectorOptions& p) { return centrality::eigenvector(g, p); });
}

TEST_CASE("katz centrality reports each iteration and can be cancelled", "[centrality][katz][progress]") {
    const Network net = cycle_fed_by_d();
    const ViewPtr v = net.view();
    check_progress(*v, centrality::KatzOptions{},
                   [](const View& g, const centrality::KatzOptions& p) { return centrality::katz(g, p); });
}

//   a --> b <-- c        hubs a, c and d; authorities b and e. The Krylov space of
//   |           |        A^T A from the all-equal start is exact after a few Lanczos steps:
//   v           v        the first restart converges, and the only report is 1.0.
//   e <-- d     e
TEST_CASE("hits reports its restarts and can be cancelled", "[centrality][hits][progress]") {
    const Network net =
        kt::graph({"a", "b", "c", "d", "e"}, {{"a", "b"}, {"c", "b"}, {"a", "e"}, {"c", "e"}, {"d", "e"}}, true);
    const ViewPtr v = net.view();
    centrality::HitsOptions o;
    const centrality::HitsResult plain = centrality::hits(*v, o);
    Recorder rec;
    o.progress = rec.handler();
    CHECK(same(centrality::hits(*v, o), plain));
    CHECK(rec.seen == std::vector<double>{1.0});
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(centrality::hits(*v, o), Cancelled);
    SECTION("a restart that does not converge is reported as restart / max_iter") {
        // tol 0 is never met: every restart reported, then ConvergenceError
        o.tol = 0.0;
        o.max_iter = 4;
        Recorder all;
        o.progress = all.handler();
        CHECK_THROWS_AS(centrality::hits(*v, o), ConvergenceError);
        CHECK(all.seen == std::vector<double>{0.25, 0.5, 0.75, 1.0});
        std::size_t calls = 0;
        o.progress = [&](double) { return ++calls < 2; };
        CHECK_THROWS_AS(centrality::hits(*v, o), Cancelled);
        CHECK(calls == 2);
    }
    SECTION("no ties: converged at once, 1.0") {
        const Network loose = kt::graph({"a", "b"}, {}, true);
        Recorder once;
        o.progress = once.handler();
        const centrality::HitsResult r = centrality::hits(*loose.view(), o);
        CHECK(r.authorities == std::vector<double>{0.5, 0.5});
        CHECK(once.seen == std::vector<double>{1.0});
    }
}
