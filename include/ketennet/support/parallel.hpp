#pragma once
/// @file parallel.hpp
/// @brief Deterministic parallel loops over blocks.
///
/// Work is cut into blocks whose boundaries depend only on the problem size, never on the
/// number of threads; each block writes its own partial result and the caller combines the
/// blocks in block order. Results are therefore bit-identical for any thread count.
#include <algorithm>
#include <atomic>
#include <barrier>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "ketennet/support/progress.hpp"

namespace ketennet {

/// Runs the workers of ketennet's parallel loops, for an embedder that has its own thread pool
/// (install one with set_executor()). run(count, job) must call job(i) once for every i in
/// [0, count) and return when all calls have returned; it may run them one after another or
/// at once, on any threads, the calling thread included. Results do not depend on how: the
/// work is cut into fixed blocks that the workers take in turn (see the file comment).
/// Exceptions thrown by a job are caught inside it; run() itself should not throw.
class Executor {
public:
    virtual ~Executor() = default;
    virtual void run(std::size_t count, const std::function<void(std::size_t)>& job) = 0;
};

namespace detail {
struct ParallelSettings {
    std::atomic<unsigned> default_threads{0};
    std::mutex mutex;
    std::shared_ptr<Executor> executor;
};
inline ParallelSettings& parallel_settings() {
    static ParallelSettings s;
    return s;
}
}  // namespace detail

/// The library-wide thread count that `threads = 0` in an options struct means: 0 (the
/// default) is every hardware thread. The only global settings of ketennet are this one
/// and set_executor(); both may be changed at any time from any thread, and a call already
/// running keeps what it started with.
inline void set_default_threads(unsigned threads) noexcept {
    detail::parallel_settings().default_threads.store(threads);
}

/// The thread count that `threads = 0` means now (set_default_threads(), else every hardware
/// thread).
[[nodiscard]] inline unsigned default_threads() noexcept {
    const unsigned t = detail::parallel_settings().default_threads.load();
    return t ? t : std::max(1u, std::thread::hardware_concurrency());
}

/// Installs @p executor for the worker threads of parallel loops (nullptr: start std::threads
/// per call, the default). The power iterations of PageRank and the other iterative kernels
/// keep their own threads (their workers wait for each other every step, which a pool that
/// may run jobs one after another cannot do); give them threads = 1 to keep them on the
/// calling thread.
inline void set_executor(std::shared_ptr<Executor> executor) {
    auto& s = detail::parallel_settings();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.executor = std::move(executor);
}

/// The installed executor (nullptr when none).
[[nodiscard]] inline std::shared_ptr<Executor> executor() {
    auto& s = detail::parallel_settings();
    std::lock_guard<std::mutex> lock(s.mutex);
    return s.executor;
}

/// Threads to use for @p requested (0 = default_threads()), at most @p blocks.
[[nodiscard]] inline unsigned resolve_threads(unsigned requested, std::size_t blocks) {
    if (blocks <= 1) return 1;  // (hardware_concurrency reads a file: skip it when moot)
    const unsigned t = requested ? requested : default_threads();
    return unsigned(std::max<std::size_t>(1, std::min<std::size_t>(t, blocks)));
}

/// Number of blocks for @p items work items: a fixed function of the size.
[[nodiscard]] inline std::size_t block_count(std::size_t items, std::size_t max_blocks = 64) {
    return std::max<std::size_t>(1, std::min(items, max_blocks));
}

/// [begin, end) of block @p b when @p items are cut into @p blocks blocks.
[[nodiscard]] inline std::pair<std::size_t, std::size_t> block_range(std::size_t items, std::size_t blocks,
                                                       std::size_t b) {
    return {items * b / blocks, items * (b + 1) / blocks};
}

/// Runs body(block) for block = 0 .. blocks-1 on @p threads threads (0 = default_threads()).
/// The calling thread takes part and alone calls @p progress after each of its blocks; when
/// the handler cancels, the other threads stop taking new blocks and Cancelled is thrown after
/// they join. An exception from a body is rethrown (the first one). With an Executor
/// installed, the workers are its jobs 0 .. t-1 and no thread is started; job 0 calls
/// @p progress (from whichever thread the executor runs it on).
template <class Body>
void parallel_blocks(std::size_t blocks, unsigned threads, Body&& body,
                     const ProgressHandler& progress = {}) {
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&](bool main_thread) {
        while (!stop.load(std::memory_order_relaxed)) {
            const std::size_t b = next.fetch_add(1);
            if (b >= blocks) break;
            try {
                body(b);
            } catch (...) {
                std::lock_guard<std::mutex> lock(error_mutex);
                if (!error) error = std::current_exception();
                stop = true;
                break;
            }
            const std::size_t d = done.fetch_add(1) + 1;
            if (main_thread && progress) {
                try {
                    report_progress(progress, double(d) / double(blocks));
                } catch (...) {
                    std::lock_guard<std::mutex> lock(error_mutex);
                    if (!error) error = std::current_exception();
                    stop = true;
                    break;
                }
            }
        }
    };
    const unsigned t = resolve_threads(threads, blocks);
    if (t > 1) {
        if (const auto ex = executor()) {
            ex->run(t, [&](std::size_t i) { work(i == 0); });
            if (error) std::rethrow_exception(error);
            if (progress) report_progress(progress, 1.0);
            return;
        }
    }
    std::vector<std::thread> pool;
    pool.reserve(t - 1);
    for (unsigned i = 1; i < t; ++i) pool.emplace_back(work, false);
    work(true);
    for (auto& th : pool) th.join();
    if (error) std::rethrow_exception(error);
    if (progress) report_progress(progress, 1.0);
}

/// Runs body(t, sync) on @p threads threads at once, t = 0 .. threads-1 (the calling thread
/// is t = 0), for iterative kernels whose steps depend on each other (a power iteration):
/// sync() waits until every thread has reached it. The threads live for the whole call,
/// so a step costs a barrier, not a thread start. The body must not throw (it would leave the
/// others waiting at sync); results stay bit-identical for any thread count when each thread
/// works on fixed blocks (block_range) and partial results are combined in block order.
template <class Body>
void parallel_team(unsigned threads, Body&& body) {
    threads = std::max(1u, threads);
    if (threads == 1) {
        body(0u, [] {});
        return;
    }
    std::barrier<> barrier{std::ptrdiff_t(threads)};
    auto sync = [&barrier] { barrier.arrive_and_wait(); };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([&body, &sync, t] { body(t, sync); });
    body(0u, sync);
    for (auto& th : pool) th.join();
}

}  // namespace ketennet
