#pragma once
/// @file union_find.hpp
/// @brief Disjoint sets with union by size and path halving (Tarjan 1975): component sizes
/// while organisations are added back one at a time (Newman & Ziff 2000).
#include <cstdint>
#include <utility>
#include <vector>

namespace ketennet {

/// Disjoint sets over 0..n-1, tracking the size of each set and the largest.
class UnionFind {
public:
    explicit UnionFind(std::size_t n = 0) { reset(n); }
    /// Every element its own set of size 1; largest() = 0 until add() is called (elements
    /// count only once added).
    void reset(std::size_t n) {
        parent_.resize(n);
        size_.assign(n, 1);
        for (std::size_t i = 0; i < n; ++i) parent_[i] = std::uint32_t(i);
        largest_ = 0;
    }
    std::uint32_t find(std::uint32_t x) noexcept {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }
    /// Marks x as present (a set of one); largest() at least 1.
    void add(std::uint32_t) noexcept {
        if (largest_ < 1) largest_ = 1;
    }
    /// Joins the sets of a and b; returns the size of the joined set.
    std::size_t unite(std::uint32_t a, std::uint32_t b) noexcept {
        a = find(a);
        b = find(b);
        if (a == b) return size_[a];
        if (size_[a] < size_[b]) std::swap(a, b);
        parent_[b] = a;
        size_[a] += size_[b];
        if (size_[a] > largest_) largest_ = size_[a];
        return size_[a];
    }
    std::size_t size_of(std::uint32_t x) noexcept { return size_[find(x)]; }
    /// The size of the largest set among the added elements.
    std::size_t largest() const noexcept { return largest_; }

private:
    std::vector<std::uint32_t> parent_;
    std::vector<std::size_t> size_;
    std::size_t largest_ = 0;
};

}  // namespace ketennet
