#pragma once
/// @file dary_heap.hpp
/// @brief Indexed 4-ary min-heap keyed by an external distance array, with decrease-key.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "ketennet/model/types.hpp"

namespace ketennet::paths {

/// Indexed 4-ary min-heap of vertices keyed by an external distance array, with
/// decrease-key: about twice as fast as a lazy binary heap of (distance, vertex) pairs for
/// all-sources Dijkstra searches. Keys live outside the heap (the caller's distance array);
/// ties pop in heap order, which is deterministic for a given sequence of operations.
class DaryHeap {
public:
    static constexpr std::int64_t absent = -1, settled = -2;
    DaryHeap(vertex_t n, const std::vector<double>& key) : pos_(n, absent), key_(key) {}
    bool empty() const { return heap_.empty(); }
    std::int64_t state(vertex_t v) const { return pos_[v]; }
    void reset(vertex_t v) { pos_[v] = absent; }
    /// Inserts v, or moves it up after its key decreased.
    void push_or_decrease(vertex_t v) {
        if (pos_[v] < 0) {
            heap_.push_back(v);
            up(heap_.size() - 1);
        } else {
            up(std::size_t(pos_[v]));
        }
    }
    /// Removes and returns the vertex of least key (ties: whichever the heap holds first),
    /// marking it settled.
    vertex_t pop() {
        const vertex_t top = heap_[0];
        const vertex_t last = heap_.back();
        heap_.pop_back();
        pos_[top] = settled;
        if (!heap_.empty()) {
            heap_[0] = last;
            pos_[last] = 0;
            down(0);
        }
        return top;
    }

private:
    void up(std::size_t i) {
        const vertex_t v = heap_[i];
        const double k = key_[v];
        while (i > 0) {
            const std::size_t p = (i - 1) / 4;
            const vertex_t pv = heap_[p];
            if (key_[pv] <= k) break;
            heap_[i] = pv;
            pos_[pv] = std::int64_t(i);
            i = p;
        }
        heap_[i] = v;
        pos_[v] = std::int64_t(i);
    }
    void down(std::size_t i) {
        const vertex_t v = heap_[i];
        const double k = key_[v];
        const std::size_t n = heap_.size();
        while (true) {
            const std::size_t c = 4 * i + 1;
            if (c >= n) break;
            std::size_t best = c;
            double bk = key_[heap_[c]];
            const std::size_t e = std::min(c + 4, n);
            for (std::size_t j = c + 1; j < e; ++j) {
                const double kj = key_[heap_[j]];
                if (kj < bk) {
                    bk = kj;
                    best = j;
                }
            }
            if (bk >= k) break;
            heap_[i] = heap_[best];
            pos_[heap_[i]] = std::int64_t(i);
            i = best;
        }
        heap_[i] = v;
        pos_[v] = std::int64_t(i);
    }
    std::vector<vertex_t> heap_;
    std::vector<std::int64_t> pos_;
    const std::vector<double>& key_;
};

}  // namespace ketennet::paths
