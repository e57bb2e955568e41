#pragma once
// The mutable network of the ERGM sampler: one layer's ties among n organisations, with
// expected O(d) lookup and toggle (sorted neighbour vectors; sparse layers have small d) and
// an edge list for O(1) uniform choice of a tie with swap-remove (the TNT proposal).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "ketennet/core/types.hpp"

namespace ketennet::ergm::detail {

class DyadState {
public:
    DyadState(vertex_t n, bool directed)
        : n_(n), directed_(directed), out_(n), in_(directed ? n : 0), pos_(n), stamps_(3 * std::size_t(n), 0) {}

    /// Scratch stamps, three per organisation: the change statistics mark neighbour sets here
    /// (stamp = the current generation) to count intersections without merging sorted lists
    /// (the branches of a merge mispredict; a sum of comparisons does not). A new generation
    /// unmarks everything at once.
    std::uint32_t* stamps(std::size_t set) const noexcept { return stamps_.data() + set * n_; }
    /// Starts a new generation of marks and returns it.
    std::uint32_t next_generation() const noexcept {
        if (++generation_ == 0) {
            std::fill(stamps_.begin(), stamps_.end(), 0u);
            generation_ = 1;
        }
        return generation_;
    }

    vertex_t n() const noexcept { return n_; }
    bool directed() const noexcept { return directed_; }
    std::size_t edge_count() const noexcept { return edges_.size(); }
    /// Tie number k (0 <= k < edge_count()); undirected ties have first < second.
    std::pair<vertex_t, vertex_t> edge(std::size_t k) const noexcept { return edges_[k]; }
    /// Number of pairs: n (n - 1), or n (n - 1) / 2 undirected.
    double pairs() const noexcept {
        const double n = double(n_);
        return directed_ ? n * (n - 1.0) : n * (n - 1.0) / 2.0;
    }

    /// Out-neighbours (all neighbours when undirected), ascending.
    std::span<const vertex_t> out(vertex_t v) const noexcept { return out_[v]; }
    /// In-neighbours (all neighbours when undirected), ascending.
    std::span<const vertex_t> in(vertex_t v) const noexcept { return directed_ ? in_[v] : out_[v]; }
    std::size_t out_degree(vertex_t v) const noexcept { return out_[v].size(); }
    std::size_t in_degree(vertex_t v) const noexcept { return directed_ ? in_[v].size() : out_[v].size(); }
    /// Ties at v: in + out when directed.
    std::size_t degree(vertex_t v) const noexcept {
        return directed_ ? out_[v].size() + in_[v].size() : out_[v].size();
    }

    /// Is i -> j (i - j) tied?
    bool has(vertex_t i, vertex_t j) const noexcept {
        const auto& a = out_[i];
        if (a.size() < 16) {
            for (vertex_t x : a)
                if (x >= j) return x == j;
            return false;
        }
        return std::binary_search(a.begin(), a.end(), j);
    }

    /// Adds the absent tie i -> j (i - j), i != j.
    void add(vertex_t i, vertex_t j) {
        if (!directed_ && i > j) std::swap(i, j);
        const std::uint32_t k = std::uint32_t(edges_.size());
        edges_.emplace_back(i, j);
        insert(out_[i], &pos_[i], j, k);
        if (directed_)
            insert(in_[j], nullptr, i, 0);
        else
            insert(out_[j], &pos_[j], i, 0);
    }

    /// Removes the tie i -> j (i - j), which must be present.
    void remove(vertex_t i, vertex_t j) {
        if (!directed_ && i > j) std::swap(i, j);
        const std::uint32_t k = erase(out_[i], &pos_[i], j);
        if (directed_)
            erase(in_[j], nullptr, i);
        else
            erase(out_[j], &pos_[j], i);
        const std::size_t last = edges_.size() - 1;
        if (k != last) {
            const auto moved = edges_[last];
            edges_[k] = moved;
            const auto& a = out_[moved.first];
            std::size_t at = 0;
            while (a[at] != moved.second) ++at;
            pos_[moved.first][at] = k;
        }
        edges_.pop_back();
    }

    /// All ties, sorted.
    std::vector<std::pair<vertex_t, vertex_t>> ties() const {
        std::vector<std::pair<vertex_t, vertex_t>> out;
        out.reserve(edges_.size());
        for (vertex_t i = 0; i < n_; ++i)
            for (vertex_t j : out_[i])
                if (directed_ || i < j) out.emplace_back(i, j);
        return out;
    }

private:
    // Sorted insert and erase by hand: the lists are short, and a loop that shifts the tail
    // is cheaper than vector::insert's call to memmove.
    static void insert(std::vector<vertex_t>& a, std::vector<std::uint32_t>* p, vertex_t x, std::uint32_t k) {
        std::size_t at = a.size();
        a.push_back(x);
        while (at > 0 && a[at - 1] > x) {
            a[at] = a[at - 1];
            --at;
        }
        a[at] = x;
        if (p) {
            p->push_back(k);
            for (std::size_t q = p->size() - 1; q > at; --q) (*p)[q] = (*p)[q - 1];
            (*p)[at] = k;
        }
    }
    static std::uint32_t erase(std::vector<vertex_t>& a, std::vector<std::uint32_t>* p, vertex_t x) {
        std::size_t at = 0;
        while (a[at] != x) ++at;
        for (std::size_t q = at + 1; q < a.size(); ++q) a[q - 1] = a[q];
        a.pop_back();
        std::uint32_t k = 0;
        if (p) {
            k = (*p)[at];
            for (std::size_t q = at + 1; q < p->size(); ++q) (*p)[q - 1] = (*p)[q];
            p->pop_back();
        }
        return k;
    }

    vertex_t n_;
    bool directed_;
    std::vector<std::vector<vertex_t>> out_, in_;
    // pos_[i][a]: the index in edges_ of the tie (i, out_[i][a]); undirected ties keep it at
    // their smaller end (entries at the larger end are unused).
    std::vector<std::vector<std::uint32_t>> pos_;
    std::vector<std::pair<vertex_t, vertex_t>> edges_;
    mutable std::vector<std::uint32_t> stamps_;
    mutable std::uint32_t generation_ = 0;
};

/// |a ∩ b| of two ascending lists.
inline std::size_t common(std::span<const vertex_t> a, std::span<const vertex_t> b) noexcept {
    std::size_t i = 0, j = 0, c = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else {
            ++c;
            ++i;
            ++j;
        }
    }
    return c;
}

/// Calls f(k) for each k in a ∩ b (ascending).
template <class F>
inline void for_common(std::span<const vertex_t> a, std::span<const vertex_t> b, F&& f) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else {
            f(a[i]);
            ++i;
            ++j;
        }
    }
}

}  // namespace ketennet::ergm::detail
