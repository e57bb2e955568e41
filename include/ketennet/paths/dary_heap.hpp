#pragma once
/// @file dary_heap.hpp
/// @brief Indexed 8-ary min-heap keyed by an external distance array, with decrease-key.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "ketennet/core/types.hpp"

namespace ketennet::paths {

/// Indexed 8-ary min-heap of vertices keyed by an external distance array, with
/// decrease-key: about twice as fast as a lazy binary heap of (distance, vertex) pairs for
/// all-sources Dijkstra searches. The caller's distance array is the source of the keys:
/// push_or_decrease(v) reads key[v].
///
/// Layout: the heap keeps its own copy of the keys in one array and the vertices in a
/// second, so sifting compares keys that sit side by side instead of loading key[v] for
/// every child (a cache miss each on large graphs), and the eight keys of a node's children
/// (slots 8i+1 .. 8i+8) fill one 64-byte cache line. Measured against (key, vertex) pairs
/// in one array: 9-10% faster Dijkstra searches at 10^3 and 10^4 vertices.
///
/// The smallest child is found by a plain scan, which GCC compiles to a branch-free
/// minsd/cmov chain. Variants measured slower, in the same Dijkstra: a fully unrolled scan
/// (compiled to branches, 1.5x slower), a tournament of depth 3 (1.25x), an equality mask
/// against the minimum (1.15x), sifting the hole to a leaf and the last key back up
/// (1.02x), and a radix heap without decrease-key (1.15x).
///
/// Ties pop in heap order (the scan keeps the lowest slot of equal keys), which is
/// deterministic for a given sequence of operations.
class DaryHeap {
public:
    static constexpr std::int32_t absent = -1, settled = -2;
    /// Children per node: 8 measured 6% faster than 4 and 8% faster than 16 in the
    /// all-sources Dijkstra of weighted betweenness at 10^3 vertices.
    static constexpr std::size_t arity = 8;
    DaryHeap(vertex_t n, const std::vector<double>& key)
        : pos_(n, absent), vertex_(n), storage_(std::size_t(n) + arity), key_(key) {
        // keys_[1] on a 64-byte boundary: skip up to 7 of the arity spare slots (vector
        // storage is at least 8-byte aligned)
        const auto addr = reinterpret_cast<std::uintptr_t>(storage_.data() + 1);
        keys_ = storage_.data() + (64 - addr % 64) % 64 / sizeof(double);
    }
    DaryHeap(const DaryHeap&) = delete;  // keys_ points into storage_
    DaryHeap& operator=(const DaryHeap&) = delete;
    bool empty() const { return size_ == 0; }
    std::int32_t state(vertex_t v) const { return pos_[v]; }
    void reset(vertex_t v) { pos_[v] = absent; }
    /// Inserts @p v with key key[v], or moves it up after key[v] decreased.
    void push_or_decrease(vertex_t v) {
        up(pos_[v] < 0 ? size_++ : std::size_t(pos_[v]), key_[v], v);
    }
    /// Removes and returns a vertex with the smallest key and marks it settled.
    vertex_t pop() {
        const vertex_t top = vertex_[0];
        --size_;
        pos_[top] = settled;
        if (size_ > 0) down(keys_[size_], vertex_[size_]);
        return top;
    }

private:
    void up(std::size_t i, double k, vertex_t v) {
        while (i > 0) {
            const std::size_t p = (i - 1) / arity;
            if (keys_[p] <= k) break;
            keys_[i] = keys_[p];
            vertex_[i] = vertex_[p];
            pos_[vertex_[i]] = std::int32_t(i);
            i = p;
        }
        keys_[i] = k;
        vertex_[i] = v;
        pos_[v] = std::int32_t(i);
    }
    void down(double k, vertex_t v) {
        std::size_t i = 0;
        const std::size_t n = size_;
        while (true) {
            const std::size_t c = arity * i + 1;
            if (c >= n) break;
            std::size_t best = c;
            double bk = keys_[c];
            const std::size_t e = std::min(c + arity, n);
            for (std::size_t j = c + 1; j < e; ++j)
                if (keys_[j] < bk) {
                    bk = keys_[j];
                    best = j;
                }
            if (bk >= k) break;
            keys_[i] = bk;
            vertex_[i] = vertex_[best];
            pos_[vertex_[i]] = std::int32_t(i);
            i = best;
        }
        keys_[i] = k;
        vertex_[i] = v;
        pos_[v] = std::int32_t(i);
    }
    std::vector<std::int32_t> pos_;  ///< slot of each vertex, or absent / settled
    std::vector<vertex_t> vertex_;   ///< vertex in each slot
    std::vector<double> storage_;    ///< the keys, with room to align them
    double* keys_ = nullptr;         ///< key of each slot (a copy of key[vertex])
    std::size_t size_ = 0;
    const std::vector<double>& key_;
};

}  // namespace ketennet::paths
