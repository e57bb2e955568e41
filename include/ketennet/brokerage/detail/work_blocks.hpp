#pragma once
/// @file work_blocks.hpp
/// @brief Blocks sized by the work of a loop over organisations, for the brokerage kernels:
/// small problems run on the calling thread alone (starting a thread costs tens of
/// microseconds, more on a busy machine), large ones in enough blocks to balance the threads.
///
/// The brokerage kernels compute each organisation's values on their own, so their results do
/// not depend on the blocks or the thread count at all.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"

namespace ketennet::brokerage::detail {

/// Number of blocks for a loop over @p items organisations costing about @p work inner steps
/// in all: 1 below 2^17 steps, otherwise one block per 2^16 steps, at least 8 (so that two
/// or more threads share the load evenly) and at most 64 and @p items. A step costs 2 ns
/// while the arrays fit in the core's cache and about 5 ns once they do not (measured on
/// constraint, AMD EPYC: 1.8 ns at 10^3 organisations, 4.9 ns at 10^4), and starting the
/// threads costs some 40 us: below 2^17 steps (0.25 to 0.6 ms of work) a second thread
/// does not pay (constraint at 10^3, 5 arcs per organisation: 65,000 steps, 84 us on one
/// thread, 118 us on two), above it it does (10^4 undirected: 200,000 steps, 971 us on
/// one thread, 574 us on two).
[[nodiscard]] inline std::size_t work_blocks(std::size_t items, double work) {
    if (items < 2 || work < 131072.0) return 1;
    const std::size_t want = std::size_t(std::min(work / 65536.0, 64.0));
    return std::clamp<std::size_t>(want, std::min<std::size_t>(8, items),
                                   std::min<std::size_t>(64, items));
}

/// Factor by which a step of a kernel reading @p bytes of arrays at random costs more than
/// one whose arrays stay in the core's fastest caches, for scaling the work passed to
/// work_blocks(): 1 up to 256 KiB, 4 above (measured on the structural-hole kernels, AMD
/// EPYC: about 1.5 ns a step at 10^3 organisations, 5 ns at 10^4).
[[nodiscard]] inline double cache_factor(std::size_t bytes) { return bytes > (std::size_t(1) << 18) ? 4.0 : 1.0; }

/// parallel_blocks(), except that a single block runs directly on the calling thread (no
/// thread, no query of the hardware's thread count); @p progress then hears 1.0 at the end.
template <class Body>
void run_blocks(std::size_t blocks, unsigned threads, Body&& body,
                const ProgressHandler& progress = {}) {
    if (blocks == 1) {
        body(std::size_t(0));
        report_progress(progress, 1.0);
        return;
    }
    parallel_blocks(blocks, threads, std::forward<Body>(body), progress);
}

/// Scratch space lent to blocks, at most one object per running thread, and reused by the
/// blocks that thread runs next: an O(n) scratch then costs O(n) per thread, not per block.
template <class T>
class ScratchPool {
public:
    /// @p make creates a fresh scratch object when none is free.
    explicit ScratchPool(std::function<T()> make) : make_(std::move(make)) {}

    /// Runs f(scratch) with a scratch object no other thread holds. The object comes back
    /// in the state @p f leaves it in (the kernels restore theirs, e.g. clear their marks).
    template <class F>
    void with(F&& f) {
        std::unique_ptr<T> s;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!free_.empty()) {
                s = std::move(free_.back());
                free_.pop_back();
            }
        }
        if (!s) s = std::make_unique<T>(make_());
        f(*s);
        std::lock_guard<std::mutex> lock(mutex_);
        free_.push_back(std::move(s));
    }

private:
    std::function<T()> make_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<T>> free_;
};

}  // namespace ketennet::brokerage::detail
