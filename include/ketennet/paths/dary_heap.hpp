#pragma once
/// @file dary_heap.hpp
/// @brief Indexed 8-ary min-heap keyed by an external distance array, with decrease-key.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "ketennet/model/types.hpp"

namespace ketennet::paths {

/// Indexed 8-ary min-heap of vertices keyed by an external distance array, with
/// decrease-key: about twice as fast as a lazy binary heap of (distance, vertex) pairs for
/// all-sources Dijkstra searches. The caller's distance array is the source of the keys:
/// push_or_decrease(v) reads key[v]. Each heap slot keeps a copy of its key next to the
/// vertex, so sifting compares keys that sit side by side instead of loading key[v] for
/// every child (a cache miss each on large graphs). Ties pop in heap order, which is
/// deterministic for a given sequence of operations.
class DaryHeap {
public:
    static constexpr std::int32_t absent = -1, settled = -2;
    /// Children per node: 8 measured 3-5% faster than 4 (and 20% faster than 2) in the
    /// all-sources Dijkstra of weighted betweenness at 10^3 to 5 * 10^3 vertices.
    static constexpr std::size_t arity = 8;
    DaryHeap(vertex_t n, const std::vector<double>& key) : pos_(n, absent), key_(key) {
        heap_.reserve(n);
    }
    bool empty() const { return heap_.empty(); }
    std::int32_t state(vertex_t v) const { return pos_[v]; }
    void reset(vertex_t v) { pos_[v] = absent; }
    /// Inserts v, or moves it up after its key decreased.
    void push_or_decrease(vertex_t v) {
        if (pos_[v] < 0) {
            heap_.push_back({key_[v], v});
            up(heap_.size() - 1, key_[v], v);
        } else {
            up(std::size_t(pos_[v]), key_[v], v);
        }
    }
    /// Removes and returns the vertex of least key (ties: whichever the heap holds first),
    /// marking it settled.
    vertex_t pop() {
        const vertex_t top = heap_[0].v;
        const Slot last = heap_.back();
        heap_.pop_back();
        pos_[top] = settled;
        if (!heap_.empty()) down(last);
        return top;
    }

private:
    struct Slot {
        double key;
        vertex_t v;
    };
    void up(std::size_t i, double k, vertex_t v) {
        while (i > 0) {
            const std::size_t p = (i - 1) / arity;
            if (heap_[p].key <= k) break;
            heap_[i] = heap_[p];
            pos_[heap_[i].v] = std::int32_t(i);
            i = p;
        }
        heap_[i] = {k, v};
        pos_[v] = std::int32_t(i);
    }
    /// Sifts @p s down from the root (the root's slot is free).
    void down(Slot s) {
        std::size_t i = 0;
        const std::size_t n = heap_.size();
        while (true) {
            const std::size_t c = arity * i + 1;
            if (c >= n) break;
            std::size_t best = c;
            double bk = heap_[c].key;
            const std::size_t e = std::min(c + arity, n);
            for (std::size_t j = c + 1; j < e; ++j)
                if (heap_[j].key < bk) {
                    bk = heap_[j].key;
                    best = j;
                }
            if (bk >= s.key) break;
            heap_[i] = heap_[best];
            pos_[heap_[i].v] = std::int32_t(i);
            i = best;
        }
        heap_[i] = s;
        pos_[s.v] = std::int32_t(i);
    }
    std::vector<Slot> heap_;
    std::vector<std::int32_t> pos_;
    const std::vector<double>& key_;
};

}  // namespace ketennet::paths
