// Deterministic parallel blocks and progress reporting.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"

using namespace ketennet;

TEST_CASE("block_range cuts items into contiguous blocks covering all of them", "[support][parallel]") {
    const std::size_t items = GENERATE(0u, 1u, 5u, 64u, 65u, 1000u);
    const std::size_t blocks = block_count(items);
    INFO("items " << items << ", blocks " << blocks);
    CHECK(blocks >= 1);
    CHECK(blocks <= 64);
    CHECK(blocks == std::max<std::size_t>(1, std::min<std::size_t>(items, 64)));
    std::size_t expect_begin = 0;
    for (std::size_t b = 0; b < blocks; ++b) {
        auto [lo, hi] = block_range(items, blocks, b);
        CHECK(lo == expect_begin);
        CHECK(hi >= lo);
        expect_begin = hi;
    }
    CHECK(expect_begin == items);
    // 10 items in 4 blocks: 2, 3, 2, 3 (items * b / blocks)
    CHECK(block_range(10, 4, 0) == std::pair<std::size_t, std::size_t>{0, 2});
    CHECK(block_range(10, 4, 1) == std::pair<std::size_t, std::size_t>{2, 5});
    CHECK(block_range(10, 4, 3) == std::pair<std::size_t, std::size_t>{7, 10});
}

TEST_CASE("resolve_threads stays between 1 and the number of blocks", "[support][parallel]") {
    CHECK(resolve_threads(1, 10) == 1);
    CHECK(resolve_threads(4, 10) == 4);
    CHECK(resolve_threads(16, 3) == 3);
    CHECK(resolve_threads(2, 0) == 1);
    CHECK(resolve_threads(0, 1) == 1);
    CHECK(resolve_threads(0, 1000) >= 1);
}

TEST_CASE("parallel_blocks runs every block exactly once", "[support][parallel]") {
    const unsigned threads = GENERATE(0u, 1u, 2u, 5u);
    INFO("threads " << threads);
    const std::size_t blocks = 37;
    std::vector<std::atomic<int>> runs(blocks);
    for (auto& r : runs) r = 0;
    parallel_blocks(blocks, threads, [&](std::size_t b) { ++runs[b]; });
    for (std::size_t b = 0; b < blocks; ++b) CHECK(runs[b].load() == 1);
}

TEST_CASE("parallel_blocks rethrows the exception of a block", "[support][parallel]") {
    const unsigned threads = GENERATE(1u, 2u);
    INFO("threads " << threads);
    std::atomic<int> ran{0};
    CHECK_THROWS_AS(parallel_blocks(20, threads,
                                    [&](std::size_t b) {
                                        ++ran;
                                        if (b == 3) throw std::runtime_error("block 3 failed");
                                    }),
                    std::runtime_error);
    CHECK(ran.load() >= 4);
}

TEST_CASE("parallel_blocks reports progress from the calling thread and ends at 1",
          "[support][progress]") {
    const unsigned threads = GENERATE(1u, 2u);
    INFO("threads " << threads);
    std::vector<double> seen;
    const auto caller = std::this_thread::get_id();
    bool other = false;
    parallel_blocks(
        8, threads, [](std::size_t) {},
        [&](double f) {
            other = other || std::this_thread::get_id() != caller;
            seen.push_back(f);
            return true;
        });
    REQUIRE_FALSE(seen.empty());
    CHECK_FALSE(other);
    CHECK(seen.back() == 1.0);
    if (threads == 1) {
        // after each of the 8 blocks, then the final 1
        CHECK(seen == std::vector<double>{0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0, 1.0});
    }
}

TEST_CASE("a progress handler returning false throws Cancelled", "[support][progress]") {
    CHECK_NOTHROW(report_progress(ProgressHandler{}, 0.5));
    CHECK_NOTHROW(report_progress([](double) { return true; }, 0.5));
    CHECK_THROWS_AS(report_progress([](double) { return false; }, 0.5), Cancelled);
    std::atomic<int> ran{0};
    CHECK_THROWS_AS(parallel_blocks(
                        50, 1, [&](std::size_t) { ++ran; }, [](double f) { return f < 0.1; }),
                    Cancelled);
    // with one thread, the blocks stop at the report that cancels: 5 of 50 = 0.1
    CHECK(ran.load() == 5);
}

TEST_CASE("parallel_team runs every thread and sync() separates the steps", "[support][parallel]") {
    for (unsigned threads : {1u, 2u, 3u}) {
        std::vector<int> step_of(threads, -1);
        std::atomic<int> errors{0};
        parallel_team(threads, [&](unsigned t, auto&& sync) {
            for (int step = 0; step < 50; ++step) {
                step_of[t] = step;
                sync();
                for (unsigned u = 0; u < threads; ++u)  // everyone finished this step's write
                    if (step_of[u] != step) ++errors;
                sync();
            }
        });
        CHECK(errors == 0);
        for (unsigned t = 0; t < threads; ++t) CHECK(step_of[t] == 49);
    }
}

namespace {

/// An embedder's executor: counts what it is given and runs the jobs one after another on
/// the calling thread (a pool with no free thread would do the same), or on its own threads.
struct CountingExecutor : Executor {
    bool concurrent = false;
    std::atomic<int> calls{0};
    std::atomic<std::size_t> jobs{0};
    void run(std::size_t count, const std::function<void(std::size_t)>& job) override {
        ++calls;
        jobs += count;
        if (!concurrent) {
            for (std::size_t i = 0; i < count; ++i) job(i);
            return;
        }
        std::vector<std::thread> pool;
        for (std::size_t i = 0; i < count; ++i) pool.emplace_back(job, i);
        for (auto& t : pool) t.join();
    }
};

/// Installs an executor for one test and removes it (also on failure).
struct ExecutorScope {
    explicit ExecutorScope(std::shared_ptr<Executor> e) { set_executor(std::move(e)); }
    ~ExecutorScope() { set_executor(nullptr); }
};

}  // namespace

TEST_CASE("an installed executor runs the workers; results and progress are unchanged",
          "[support][parallel][executor]") {
    auto ex = std::make_shared<CountingExecutor>();
    ex->concurrent = GENERATE(false, true);
    INFO("concurrent " << ex->concurrent);
    ExecutorScope scope(ex);
    CHECK(executor() == ex);
    const std::size_t blocks = 37;
    std::vector<std::atomic<int>> runs(blocks);
    for (auto& r : runs) r = 0;
    std::vector<double> reported;
    ProgressHandler progress = [&](double f) { reported.push_back(f); return true; };
    parallel_blocks(blocks, 3, [&](std::size_t b) { ++runs[b]; }, progress);
    for (std::size_t b = 0; b < blocks; ++b) CHECK(runs[b].load() == 1);
    CHECK(ex->calls == 1);
    CHECK(ex->jobs == 3);
    REQUIRE_FALSE(reported.empty());
    CHECK(reported.back() == 1.0);
    // one thread asked for: no executor call
    parallel_blocks(blocks, 1, [&](std::size_t b) { ++runs[b]; });
    CHECK(ex->calls == 1);
    // exceptions and cancellation still come back to the caller
    CHECK_THROWS_AS(parallel_blocks(blocks, 2, [](std::size_t b) {
                        if (b == 5) throw InputError("block 5");
                    }),
                    InputError);
    CHECK_THROWS_AS(parallel_blocks(blocks, 2, [](std::size_t) {}, [](double) { return false; }),
                    Cancelled);
}

TEST_CASE("the library-wide default thread count is what threads = 0 means",
          "[support][parallel]") {
    set_default_threads(3);
    CHECK(default_threads() == 3);
    CHECK(resolve_threads(0, 10) == 3);
    CHECK(resolve_threads(0, 2) == 2);
    CHECK(resolve_threads(5, 10) == 5);  // an explicit count wins
    set_default_threads(0);
    CHECK(default_threads() == std::max(1u, std::thread::hardware_concurrency()));
}
