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
#include <mutex>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/core/types.hpp"
#include "ketennet/view/derived.hpp"
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
        v->src_.resize(arcs.size());
        v->tgt_.resize(arcs.size());
        v->w_.resize(arcs.size());
        std::size_t m = 0, loops = 0;
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
            v->src_[m] = arcs[i].source;
            v->tgt_[m] = arcs[i].target;
            v->w_[m] = weighted ? w : 1.0;
            loops += arcs[i].source == arcs[i].target;
            ++m;
            i = j;
        }
        v->src_.resize(m);
        v->tgt_.resize(m);
        v->w_.resize(m);
        v->self_loops_ = loops;
        if (v->src_.size() > std::size_t(UINT32_MAX))
            throw InputError("a view holds at most 2^32-1 edges");
        v->build_adjacency();
        return v;
    }

    /// Number of vertices (organisations).
    vertex_t n() const noexcept { return n_; }
    /// Number of edges after merging (arcs in a directed view, edges in an undirected one).
    std::size_t m() const noexcept { return src_.size(); }
    /// Number of self-loops (edges v -> v) among the m edges.
    std::size_t self_loops() const noexcept { return self_loops_; }
    bool directed() const noexcept { return directed_; }
    /// True when built with a weight attribute; otherwise every weight is 1.
    bool weighted() const noexcept { return weighted_; }
    /// The selection this view was built from (layers resolved to their names).
    const ViewOptions& options() const noexcept { return options_; }
    /// The network revision this view reflects.
    std::uint64_t revision() const noexcept { return revision_; }
    /// Organisation id of a vertex: the id it had when the view was built (a view keeps
    /// describing the network as it was at revision(), ids included). UnknownId when @p v is
    /// not a vertex of the view.
    const std::string& id(vertex_t v) const {
        if (v >= n_) throw UnknownId(out_of_range(v));
        return (*ids_)[v];
    }
    /// The organisation ids by vertex index, as at revision().
    const std::vector<std::string>& ids() const { return *ids_; }
    /// The vertex of organisation @p id, if the view has it.
    std::optional<vertex_t> find(const std::string& id) const {
        std::call_once(index_once_, [this] {
            index_.reserve(ids_->size());
            for (std::size_t i = 0; i < ids_->size(); ++i) index_.emplace((*ids_)[i], vertex_t(i));
        });
        const auto it = index_.find(id);
        if (it == index_.end()) return std::nullopt;
        return it->second;
    }
    /// The vertex of organisation @p id; UnknownId when the view has no such organisation.
    /// The first call builds a hash index of the ids (O(n)); later calls are O(1).
    vertex_t index_of(const std::string& id) const {
        if (const auto v = find(id)) return *v;
        throw UnknownId("unknown organisation '" + valid_text(id) + "' (the view has " +
                        std::to_string(n_) + " organisations)");
    }

    /// Edge list (sorted; undirected edges have source <= target).
    std::span<const vertex_t> edge_sources() const noexcept { return src_; }
    std::span<const vertex_t> edge_targets() const noexcept { return directed_ ? out_adj_ : tgt_; }
    std::span<const double> edge_weights() const noexcept { return directed_ ? out_w_ : w_; }

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
    /// Raw CSR of the in-adjacency: in_neighbours(v) is in_adjacency()[in_offsets()[v] ..
    /// in_offsets()[v + 1]) (the out-adjacency in an undirected view).
    std::span<const std::size_t> in_offsets() const noexcept { return directed_ ? in_off_ : out_off_; }
    std::span<const vertex_t> in_adjacency() const noexcept { return directed_ ? in_adj_ : out_adj_; }
    std::span<const double> in_adjacency_weights() const noexcept { return directed_ ? in_w_ : out_w_; }

    /// Weight of the edge u -> v (u - v when undirected), or nullptr when there is none.
    const double* find_weight(vertex_t u, vertex_t v) const noexcept {
        auto nb = out_neighbours(u);
        auto it = std::lower_bound(nb.begin(), nb.end(), v);
        if (it == nb.end() || *it != v) return nullptr;
        return &out_w_[out_off_[u] + std::size_t(it - nb.begin())];
    }

    /// The structure of type T derived from this view (another layout of its ties), built by
    /// make() (returning std::shared_ptr<const T>) on the first call and kept with the view
    /// (see view/derived.hpp: layouts only, never results; thread-safe).
    template <class T, class Make>
    std::shared_ptr<const T> derived(Make&& make) const {
        return derived_.template get<T>(std::forward<Make>(make));
    }
    /// The number of derived structures the view holds.
    std::size_t derived_count() const { return derived_.size(); }

private:
    View() = default;

    /// Sorts arcs by (source, target), stably (parallel arcs keep their input order, so a
    /// sum merges them in a fixed order): a least-significant-digit radix sort with two
    /// counting-sort passes, by target and then by source, each stable, O(n + m) and free of
    /// the data-dependent branches of a comparison sort.
    static void sort_arcs(vertex_t n, std::vector<Arc>& arcs) {
        if (arcs.size() < 2) return;
        bool sorted = true;
        for (std::size_t i = 1; i < arcs.size() && sorted; ++i)
            sorted = arcs[i - 1].source < arcs[i].source ||
                     (arcs[i - 1].source == arcs[i].source && arcs[i - 1].target <= arcs[i].target);
        if (sorted) return;
        std::vector<std::size_t> next(std::size_t(n) + 1);
        auto pass = [&](const std::vector<Arc>& from, std::vector<Arc>& to, auto key) {
            std::fill(next.begin(), next.end(), std::size_t(0));
            for (const Arc& a : from) ++next[std::size_t(key(a)) + 1];
            for (std::size_t k = 1; k < next.size(); ++k) next[k] += next[k - 1];
            for (const Arc& a : from) to[next[key(a)]++] = a;
        };
        std::vector<Arc> tmp(arcs.size());
        pass(arcs, tmp, [](const Arc& a) { return a.target; });
        pass(tmp, arcs, [](const Arc& a) { return a.source; });
    }

    /// Fills off (size n + 1) with the prefix sums of @p count (one entry per vertex).
    static void offsets(const std::vector<std::size_t>& count, std::vector<std::size_t>& off) {
        off.resize(count.size() + 1);
        off[0] = 0;
        for (std::size_t u = 0; u < count.size(); ++u) off[u + 1] = off[u] + count[u];
    }

    /// The adjacency lists from the sorted, merged edge list. Scattering the edges in
    /// (source, target) order fills every row in ascending order of neighbour, so no row needs
    /// sorting: out-rows of a directed view are runs of the edge list; in-rows receive their
    /// sources in ascending order; an undirected row u receives its neighbours x < u (as
    /// targets of earlier edges), then u itself (a self-loop, once), then y > u.
    void build_adjacency() {
        const std::size_t m = src_.size();
        const std::size_t n = n_;
        std::vector<std::size_t> count(n, 0);
        if (directed_) {
            for (std::size_t i = 0; i < m; ++i) ++count[src_[i]];
            offsets(count, out_off_);
            out_e_.resize(m);
            std::iota(out_e_.begin(), out_e_.end(), edge_t{0});
            std::fill(count.begin(), count.end(), 0);
            for (std::size_t i = 0; i < m; ++i) ++count[tgt_[i]];
            offsets(count, in_off_);
            in_adj_.resize(m);
            in_w_.resize(m);
            in_e_.resize(m);
            std::vector<std::size_t> pos(in_off_.begin(), in_off_.end() - 1);
            for (std::size_t i = 0; i < m; ++i) {
                const std::size_t p = pos[tgt_[i]]++;
                in_adj_[p] = src_[i];
                in_w_[p] = w_[i];
                in_e_[p] = edge_t(i);
            }
            // the out-rows are the edge list's runs: its targets and weights become the
            // out-adjacency (edge_targets() and edge_weights() then read them there)
            out_adj_ = std::move(tgt_);
            out_w_ = std::move(w_);
            tgt_ = {};
            w_ = {};
            return;
        }
        for (std::size_t i = 0; i < m; ++i) {
            ++count[src_[i]];
            if (src_[i] != tgt_[i]) ++count[tgt_[i]];
        }
        offsets(count, out_off_);
        const std::size_t arcs = out_off_[n];
        out_adj_.resize(arcs);
        out_w_.resize(arcs);
        out_e_.resize(arcs);
        std::vector<std::size_t> pos(out_off_.begin(), out_off_.end() - 1);
        for (std::size_t i = 0; i < m; ++i) {
            const vertex_t s = src_[i], t = tgt_[i];
            std::size_t p = pos[s]++;
            out_adj_[p] = t;
            out_w_[p] = w_[i];
            out_e_[p] = edge_t(i);
            if (s != t) {
                p = pos[t]++;
                out_adj_[p] = s;
                out_w_[p] = w_[i];
                out_e_[p] = edge_t(i);
            }
        }
    }

    std::string out_of_range(vertex_t v) const {
        return "vertex " + std::to_string(v) + " is not in the view (it has " + std::to_string(n_) +
               " organisations: 0 to n - 1)";
    }

    vertex_t n_ = 0;
    bool directed_ = true;
    bool weighted_ = false;
    ViewOptions options_;
    std::shared_ptr<const std::vector<std::string>> ids_;
    std::uint64_t revision_ = 0;
    std::vector<vertex_t> src_, tgt_;
    std::size_t self_loops_ = 0;
    std::vector<double> w_;
    std::vector<std::size_t> out_off_, in_off_;
    std::vector<vertex_t> out_adj_, in_adj_;
    std::vector<double> out_w_, in_w_;
    std::vector<edge_t> out_e_, in_e_;
    DerivedCache derived_;
    mutable std::once_flag index_once_;
    mutable std::unordered_map<std::string, vertex_t> index_;
};

/// Shared handle to an immutable view.
using ViewPtr = std::shared_ptr<const View>;

}  // namespace ketennet
