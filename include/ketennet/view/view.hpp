#pragma once
/// @file view.hpp
/// @brief The immutable analysis view: a compressed sparse row (CSR) projection of chosen
/// layers of a network with one weight.
///
/// Every algorithm of ketennet is a pure function of a View. A view is built by
/// Network::view() and cached there until the network changes; it is immutable and shared
/// (std::shared_ptr<const View>), so it can be read from many threads at once.
///
/// Conventions
/// - Vertices are the network's organisations, all of them (an organisation without relations
///   in the selected layers is an isolated vertex), indexed 0..n-1 in the network's order.
/// - The view is directed when at least one selected layer is directed; a relation of an
///   undirected layer then becomes two arcs, u -> v and v -> u. When every selected layer is
///   undirected the view is undirected.
/// - Relations between the same ordered pair (unordered pair, in an undirected view) from
///   different layers merge into one edge, so the view is a simple graph (self-loops kept).
///   An unweighted view gives every edge weight 1; a weighted one combines the relations'
///   weights with ViewOptions::combine.
/// - Edges are sorted by (source, target); in an undirected view each edge is stored once with
///   source <= target, and the adjacency lists hold both directions (a self-loop once).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include "ketennet/model/errors.hpp"
#include "ketennet/model/types.hpp"
#include "ketennet/view/view_options.hpp"

namespace ketennet {

/// One arc handed to View::build: a relation (or one direction of an undirected one).
struct Arc {
    vertex_t source;
    vertex_t target;
    double weight;
};

/// Immutable CSR projection of a network. See the file comment for the conventions.
class View {
public:
    /// Builds a view of @p n vertices from arcs, merging parallel arcs with @p combine.
    /// In an undirected view (directed == false) (u, v) and (v, u) denote the same edge.
    static std::shared_ptr<const View> build(vertex_t n, bool directed, bool weighted,
                                             std::vector<Arc> arcs, Combine combine,
                                             ViewOptions options,
                                             std::shared_ptr<const std::vector<std::string>> ids,
                                             std::uint64_t revision) {
        auto v = std::shared_ptr<View>(new View());
        v->n_ = n;
        v->directed_ = directed;
        v->weighted_ = weighted;
        v->options_ = std::move(options);
        v->ids_ = std::move(ids);
        v->revision_ = revision;
        if (!directed) {
            for (Arc& a : arcs)
                if (a.source > a.target) std::swap(a.source, a.target);
        }
        sort_arcs(n, arcs);
        // merge parallel arcs (adjacent after sorting, in their original order)
        v->src_.reserve(arcs.size());
        v->tgt_.reserve(arcs.size());
        v->w_.reserve(arcs.size());
        for (std::size_t i = 0; i < arcs.size();) {
            std::size_t j = i;
            double w = arcs[i].weight;
            while (++j < arcs.size() && arcs[j].source == arcs[i].source &&
                   arcs[j].target == arcs[i].target) {
                const double x = arcs[j].weight;
                w = combine == Combine::sum ? w + x
                    : combine == Combine::min ? std::min(w, x)
                                              : std::max(w, x);
            }
            v->src_.push_back(arcs[i].source);
            v->tgt_.push_back(arcs[i].target);
            v->w_.push_back(weighted ? w : 1.0);
            i = j;
        }
        if (v->src_.size() > std::size_t(UINT32_MAX))
            throw InputError("a view holds at most 2^32-1 edges");
        v->build_adjacency();
        return v;
    }

    /// Number of vertices (organisations).
    vertex_t n() const noexcept { return n_; }
    /// Number of edges after merging (arcs in a directed view, edges in an undirected one).
    std::size_t m() const noexcept { return src_.size(); }
    bool directed() const noexcept { return directed_; }
    /// True when built with a weight attribute; otherwise every weight is 1.
    bool weighted() const noexcept { return weighted_; }
    /// The selection this view was built from (layers resolved to their names).
    const ViewOptions& options() const noexcept { return options_; }
    /// The network revision this view reflects.
    std::uint64_t revision() const noexcept { return revision_; }
    /// Organisation id of a vertex.
    const std::string& id(vertex_t v) const { return (*ids_)[v]; }
    const std::vector<std::string>& ids() const { return *ids_; }

    /// Edge list (sorted; undirected edges have source <= target).
    std::span<const vertex_t> edge_sources() const noexcept { return src_; }
    std::span<const vertex_t> edge_targets() const noexcept { return tgt_; }
    std::span<const double> edge_weights() const noexcept { return w_; }

    /// Out-neighbours of @p v (all neighbours in an undirected view), ascending.
    std::span<const vertex_t> out_neighbours(vertex_t v) const noexcept {
        return {out_adj_.data() + out_off_[v], out_adj_.data() + out_off_[v + 1]};
    }
    /// Weights parallel to out_neighbours(v).
    std::span<const double> out_weights(vertex_t v) const noexcept {
        return {out_w_.data() + out_off_[v], out_w_.data() + out_off_[v + 1]};
    }
    /// Edge ids parallel to out_neighbours(v).
    std::span<const edge_t> out_edges(vertex_t v) const noexcept {
        return {out_e_.data() + out_off_[v], out_e_.data() + out_off_[v + 1]};
    }
    /// In-neighbours of @p v (equal to out_neighbours in an undirected view), ascending.
    std::span<const vertex_t> in_neighbours(vertex_t v) const noexcept {
        if (!directed_) return out_neighbours(v);
        return {in_adj_.data() + in_off_[v], in_adj_.data() + in_off_[v + 1]};
    }
    std::span<const double> in_weights(vertex_t v) const noexcept {
        if (!directed_) return out_weights(v);
        return {in_w_.data() + in_off_[v], in_w_.data() + in_off_[v + 1]};
    }
    std::span<const edge_t> in_edges(vertex_t v) const noexcept {
        if (!directed_) return out_edges(v);
        return {in_e_.data() + in_off_[v], in_e_.data() + in_off_[v + 1]};
    }
    /// Raw CSR offsets (size n + 1) of the out-adjacency.
    std::span<const std::size_t> out_offsets() const noexcept { return out_off_; }
    std::span<const vertex_t> out_adjacency() const noexcept { return out_adj_; }
    std::span<const double> out_adjacency_weights() const noexcept { return out_w_; }

    /// Weight of the edge u -> v (u - v when undirected), or nullptr when there is none.
    const double* find_weight(vertex_t u, vertex_t v) const noexcept {
        auto nb = out_neighbours(u);
        auto it = std::lower_bound(nb.begin(), nb.end(), v);
        if (it == nb.end() || *it != v) return nullptr;
        return &out_w_[out_off_[u] + std::size_t(it - nb.begin())];
    }

private:
    View() = default;

    /// Sorts arcs by (source, target), stably (parallel arcs keep their input order, so a
    /// sum merges them in a fixed order): two counting-sort passes, O(n + m).
    static void sort_arcs(vertex_t n, std::vector<Arc>& arcs) {
        if (arcs.size() < 2) return;
        bool sorted = true;
        for (std::size_t i = 1; i < arcs.size() && sorted; ++i)
            sorted = arcs[i - 1].source < arcs[i].source ||
                     (arcs[i - 1].source == arcs[i].source && arcs[i - 1].target <= arcs[i].target);
        if (sorted) return;
        std::vector<Arc> tmp(arcs.size());
        std::vector<std::size_t> count(std::size_t(n) + 1);
        auto pass = [&](const std::vector<Arc>& from, std::vector<Arc>& to, auto key) {
            std::fill(count.begin(), count.end(), 0);
            for (const Arc& a : from) ++count[key(a) + 1];
            for (std::size_t k = 1; k < count.size(); ++k) count[k] += count[k - 1];
            for (const Arc& a : from) to[count[key(a)]++] = a;
        };
        pass(arcs, tmp, [](const Arc& a) { return std::size_t(a.target); });
        pass(tmp, arcs, [](const Arc& a) { return std::size_t(a.source); });
    }

    static void csr(vertex_t n, const std::vector<vertex_t>& from, const std::vector<vertex_t>& to,
                    const std::vector<double>& w, const std::vector<edge_t>& eid,
                    std::vector<std::size_t>& off, std::vector<vertex_t>& adj,
                    std::vector<double>& aw, std::vector<edge_t>& ae) {
        off.assign(std::size_t(n) + 1, 0);
        for (vertex_t u : from) ++off[u + 1];
        std::partial_sum(off.begin(), off.end(), off.begin());
        adj.resize(from.size());
        aw.resize(from.size());
        ae.resize(from.size());
        std::vector<std::size_t> pos(off.begin(), off.end() - 1);
        // Stable counting sort by source, then sort each row by target.
        for (std::size_t i = 0; i < from.size(); ++i) {
            const std::size_t p = pos[from[i]]++;
            adj[p] = to[i];
            aw[p] = w[i];
            ae[p] = eid[i];
        }
        std::vector<std::size_t> perm;
        for (vertex_t u = 0; u < n; ++u) {
            const std::size_t b = off[u], e = off[u + 1];
            if (std::is_sorted(adj.begin() + b, adj.begin() + e)) continue;
            perm.resize(e - b);
            std::iota(perm.begin(), perm.end(), b);
            std::sort(perm.begin(), perm.end(),
                      [&](std::size_t x, std::size_t y) { return adj[x] < adj[y]; });
            std::vector<vertex_t> a2(e - b);
            std::vector<double> w2(e - b);
            std::vector<edge_t> e2(e - b);
            for (std::size_t k = 0; k < perm.size(); ++k) {
                a2[k] = adj[perm[k]];
                w2[k] = aw[perm[k]];
                e2[k] = ae[perm[k]];
            }
            std::copy(a2.begin(), a2.end(), adj.begin() + b);
            std::copy(w2.begin(), w2.end(), aw.begin() + b);
            std::copy(e2.begin(), e2.end(), ae.begin() + b);
        }
    }

    void build_adjacency() {
        const std::size_t m = src_.size();
        std::vector<edge_t> ids(m);
        std::iota(ids.begin(), ids.end(), edge_t{0});
        if (directed_) {
            csr(n_, src_, tgt_, w_, ids, out_off_, out_adj_, out_w_, out_e_);
            csr(n_, tgt_, src_, w_, ids, in_off_, in_adj_, in_w_, in_e_);
            return;
        }
        std::vector<vertex_t> from, to;
        std::vector<double> w;
        std::vector<edge_t> e;
        from.reserve(2 * m);
        to.reserve(2 * m);
        w.reserve(2 * m);
        e.reserve(2 * m);
        for (std::size_t i = 0; i < m; ++i) {
            from.push_back(src_[i]);
            to.push_back(tgt_[i]);
            w.push_back(w_[i]);
            e.push_back(edge_t(i));
            if (src_[i] != tgt_[i]) {
                from.push_back(tgt_[i]);
                to.push_back(src_[i]);
                w.push_back(w_[i]);
                e.push_back(edge_t(i));
            }
        }
        csr(n_, from, to, w, e, out_off_, out_adj_, out_w_, out_e_);
    }

    vertex_t n_ = 0;
    bool directed_ = true;
    bool weighted_ = false;
    ViewOptions options_;
    std::shared_ptr<const std::vector<std::string>> ids_;
    std::uint64_t revision_ = 0;
    std::vector<vertex_t> src_, tgt_;
    std::vector<double> w_;
    std::vector<std::size_t> out_off_, in_off_;
    std::vector<vertex_t> out_adj_, in_adj_;
    std::vector<double> out_w_, in_w_;
    std::vector<edge_t> out_e_, in_e_;
};

/// Shared handle to an immutable view.
using ViewPtr = std::shared_ptr<const View>;

}  // namespace ketennet
