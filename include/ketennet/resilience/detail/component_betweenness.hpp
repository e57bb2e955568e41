#pragma once
/// @file component_betweenness.hpp
/// @brief detail::ComponentBetweenness: the betweenness of one connected component of the
/// survivors, recomputed after every removal of a targeted attack (resilience::simulate), split
/// into biconnected blocks in undirected views.
///
/// A targeted attack that recomputes betweenness after every removal (Holme, Kim, Yoon &
/// Han 2002) spends its time in Brandes' algorithm. Two facts cut that work:
///
/// 1. Betweenness is a sum over pairs, and pairs in different components share no path, so
///    only the component that lost an organisation changes.
/// 2. In an undirected component, every path between two vertices crosses the blocks
///    (biconnected components) of the block-cut tree between them, entering and leaving a
///    block through its articulation points, and a shortest path between two vertices of a
///    block stays inside the block. So (ordered pairs, N vertices in the component)
///
///      c_B(w) = sum over blocks B containing w of
///                 sum over a != b in B, a, b != w of r_B(a) r_B(b) sigma_B(a, b | w) / sigma_B(a, b)
///             + (N - 1)^2 - sum over the sides S of w of |S|^2,
///
///    where r_B(u) counts the vertices whose paths into B enter at u (u itself and everything
///    hanging off u outside B), sigma_B counts shortest paths inside B, and the sides of w
///    are the components of the component without w (one side, of N - 1 vertices, unless w
///    is an articulation point; the last term counts the pairs on different sides, which all
///    pass through w). The first term is Brandes' algorithm on each block with source and
///    target weights r_B; blocks of two vertices (bridges) contribute nothing. This is the
///    decomposition of Puzis, Zilberman, Elovici, Dolev & Brandes (2012, "Heuristics for
///    speeding up betweenness centrality computation", SocialCom) and Sariyuce, Saule,
///    Kaya & Catalyurek (2013, "Shattering and compressing networks for betweenness
///    centrality", SDM). An attack fragments the network into trees and small blocks, so
///    the blocks stay much smaller than the component.
///
/// Directed views run Brandes on the whole component (reachability, not connectivity,
/// decides there which pairs a cut vertex separates).
#include <algorithm>
#include <atomic>
#include <memory>
#include <cstdint>
#include <span>
#include <vector>

#include "ketennet/paths/path_counting.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience::detail {

/// A compact directed or undirected graph on local ids 0..n-1 (CSR), for Brandes' search.
struct CompactGraph {
    std::vector<std::uint32_t> off{0};
    std::vector<vertex_t> adj;
    vertex_t n() const noexcept { return vertex_t(off.size() - 1); }
    std::span<const vertex_t> out_neighbours(vertex_t v) const noexcept {
        return {adj.data() + off[v], adj.data() + off[v + 1]};
    }
};

/// Unnormalised betweenness over ordered pairs (an undirected pair counts twice, as
/// NetworkX's normalized=False before halving) of a set of survivors closed under weak
/// connectivity, written into score[v] for its members. Reuses its buffers across calls.
class ComponentBetweenness {
public:
    /// @p n: vertices of the view; @p threads: threads for large components (0 = all).
    explicit ComponentBetweenness(vertex_t n, unsigned threads = 1)
        : threads_(threads), loc_(n, -1), sc_(n), bloc_(n, -1) {}

    /// @p members: one weak component of the survivors (alive) in @p g.
    void compute(const View& g, const std::vector<char>& alive,
                 const std::vector<vertex_t>& members, std::vector<double>& score) {
        const std::size_t c = members.size();
        for (std::size_t i = 0; i < c; ++i) loc_[members[i]] = std::int32_t(i);
        comp_.off.assign(1, 0);
        comp_.adj.clear();
        for (std::size_t i = 0; i < c; ++i) {
            for (vertex_t w : g.out_neighbours(members[i]))
                if (alive[w] && w != members[i]) comp_.adj.push_back(vertex_t(loc_[w]));
            comp_.off.push_back(std::uint32_t(comp_.adj.size()));
        }
        bc_.assign(c, 0.0);
        if (g.directed()) {
            if (c >= 3) brandes(comp_, nullptr, bc_);
        } else if (c >= 3) {
            // the members may form several components (a removal splits one): label them,
            // then decompose each into blocks
            disc_.assign(c, -1);
            low_.assign(c, 0);
            sub_.assign(c, 1.0);
            hang_.assign(c, 0.0);
            sides2_.assign(c, 0.0);
            std::int32_t timer = 0;
            for (std::size_t root = 0; root < c; ++root) {
                if (disc_[root] >= 0) continue;
                queue_.assign(1, vertex_t(root));
                disc_[root] = 0;  // provisional mark; blocks() renumbers
                for (std::size_t h = 0; h < queue_.size(); ++h)
                    for (vertex_t w : comp_.out_neighbours(queue_[h]))
                        if (disc_[w] < 0) {
                            disc_[w] = 0;
                            queue_.push_back(w);
                        }
                for (vertex_t x : queue_) disc_[x] = -1;
                const std::size_t size = queue_.size();
                if (size >= 3)
                    blocks(vertex_t(root), double(size), timer);
                else
                    for (vertex_t x : queue_) disc_[x] = timer++;
            }
        }
        for (std::size_t i = 0; i < c; ++i) {
            score[members[i]] = bc_[i];
            loc_[members[i]] = -1;
        }
    }

private:
    /// Brandes with source and target weights r (nullptr: all 1) on @p h; adds to out[map].
    /// Large graphs (work |V| |A| above parallel_work) run on threads_ threads over fixed
    /// blocks of sources whose partial sums are added in block order, so the result depends
    /// on the graph only, never on the thread count.
    void brandes(const CompactGraph& h, const double* r, std::vector<double>& out,
                 const std::vector<std::uint32_t>* map = nullptr) {
        const vertex_t nh = h.n();
        auto one = [&](vertex_t s, paths::BrandesScratch& sc, double* acc) {
            paths::sssp_bfs(h, s, sc);
            const double rs = r ? r[s] : 1.0;
            auto add = [&](vertex_t v, double delta) { acc[v] += rs * delta; };
            if (r)
                paths::accumulate_hops(h, sc, add, [r](vertex_t v) { return r[v]; });
            else
                paths::accumulate_hops(h, sc, add);
            paths::reset(sc);
        };
        auto emit = [&](const std::vector<double>& acc) {
            for (vertex_t v = 0; v < nh; ++v) out[map ? (*map)[v] : v] += acc[v];
        };
        const double work = double(nh) * double(h.adj.size());
        if (work < parallel_work) {  // small: one block on this thread
            acc_.assign(nh, 0.0);
            for (vertex_t s = 0; s < nh; ++s) one(s, sc_, acc_.data());
            emit(acc_);
            return;
        }
        const std::size_t blocks = std::min<std::size_t>(nh, source_blocks);
        parts_.resize(blocks);
        const unsigned t = resolve_threads(threads_, blocks);
        while (pool_.size() < t) pool_.push_back(std::make_unique<Lane>(vertex_t(loc_.size())));
        parallel_blocks(blocks, t, [&](std::size_t b) {
            Lane* lane = nullptr;
            for (auto& l : pool_)
                if (!l->busy.exchange(true)) {
                    lane = l.get();
                    break;
                }
            auto& part = parts_[b];
            part.assign(nh, 0.0);
            const auto [lo, hi] = block_range(nh, blocks, b);
            for (std::size_t s = lo; s < hi; ++s) one(vertex_t(s), lane->sc, part.data());
            lane->busy.store(false);
        });
        for (std::size_t b = 0; b < blocks; ++b) emit(parts_[b]);
    }

    /// Per-thread search state of the parallel path.
    struct Lane {
        explicit Lane(vertex_t n) : sc(n) {}
        paths::BrandesScratch sc;
        std::atomic<bool> busy{false};
    };
    /// Graphs with |V| |A| below this run on one thread (starting threads costs more).
    static constexpr double parallel_work = 2.0e5;
    /// Source blocks of the parallel path (fixed: the sums do not depend on threads).
    static constexpr std::size_t source_blocks = 16;

    /// One undirected component of N >= 3 vertices of comp_, containing @p root:
    /// Hopcroft-Tarjan block decomposition by an iterative depth-first search, Brandes per
    /// block of three or more vertices with weights r_B, and the cut term of every vertex.
    void blocks(vertex_t root, double N, std::int32_t& timer) {
        frames_.clear();
        estack_.clear();
        visited_.clear();
        disc_[root] = low_[root] = timer++;
        visited_.push_back(root);
        frames_.push_back({root, comp_.off[root], -1, false});
        while (!frames_.empty()) {
            Frame& f = frames_.back();
            const vertex_t v = f.v;
            if (f.next < comp_.off[v + 1]) {
                const vertex_t w = comp_.adj[f.next++];
                if (std::int32_t(w) == f.parent && !f.skipped) {  // the tree edge, once
                    f.skipped = true;
                    continue;
                }
                if (disc_[w] < 0) {
                    estack_.push_back({v, w});
                    disc_[w] = low_[w] = timer++;
                    visited_.push_back(w);
                    frames_.push_back({w, comp_.off[w], std::int32_t(v), false});
                } else if (disc_[w] < disc_[v]) {  // back edge to an ancestor
                    estack_.push_back({v, w});
                    low_[v] = std::min(low_[v], disc_[w]);
                }
                continue;
            }
            frames_.pop_back();
            if (frames_.empty()) break;
            const vertex_t u = frames_.back().v;
            sub_[u] += sub_[v];
            low_[u] = std::min(low_[u], low_[v]);
            if (low_[v] >= disc_[u]) {
                // u separates v's subtree: the edges above (u, v) on the stack form a block
                hang_[u] += sub_[v];
                sides2_[u] += sub_[v] * sub_[v];
                block(u, v, N);
            }
        }
        for (vertex_t x : visited_) {
            const double up = N - 1.0 - hang_[x];  // the side above x (0 for the root)
            bc_[x] += (N - 1.0) * (N - 1.0) - sides2_[x] - up * up;
        }
    }

    /// Pops the block closed at tree edge (u, v) and runs weighted Brandes on it.
    void block(vertex_t u, vertex_t v, double N) {
        bverts_.clear();
        bedges_.clear();
        while (true) {
            const auto e = estack_.back();
            estack_.pop_back();
            bedges_.push_back(e);
            for (vertex_t x : {e.first, e.second})
                if (bloc_[x] < 0) {
                    bloc_[x] = std::int32_t(bverts_.size());
                    bverts_.push_back(x);
                }
            if (e.first == u && e.second == v) break;
        }
        const std::size_t k = bverts_.size();
        if (k >= 3) {
            // r_B: u stands for everything outside v's subtree; any other x for itself and
            // the subtrees hanging below it in other blocks
            r_.resize(k);
            for (std::size_t i = 0; i < k; ++i) {
                const vertex_t x = bverts_[i];
                r_[i] = x == u ? N - sub_[v] : 1.0 + hang_[x];
            }
            // block CSR (each edge once on the stack: add both arcs)
            blk_.off.assign(k + 1, 0);
            for (const auto& e : bedges_) {
                ++blk_.off[std::size_t(bloc_[e.first]) + 1];
                ++blk_.off[std::size_t(bloc_[e.second]) + 1];
            }
            for (std::size_t i = 0; i < k; ++i) blk_.off[i + 1] += blk_.off[i];
            blk_.adj.resize(blk_.off[k]);
            fill_.assign(blk_.off.begin(), blk_.off.end() - 1);
            for (const auto& e : bedges_) {
                const auto a = std::size_t(bloc_[e.first]), b = std::size_t(bloc_[e.second]);
                blk_.adj[fill_[a]++] = vertex_t(b);
                blk_.adj[fill_[b]++] = vertex_t(a);
            }
            brandes(blk_, r_.data(), bc_, &bverts_);
        }
        for (vertex_t x : bverts_) bloc_[x] = -1;
    }

    struct Frame {
        vertex_t v;
        std::uint32_t next;
        std::int32_t parent;
        bool skipped;
    };
    unsigned threads_;
    std::vector<std::int32_t> loc_;
    paths::BrandesScratch sc_;
    std::vector<double> acc_;
    std::vector<std::vector<double>> parts_;
    std::vector<std::unique_ptr<Lane>> pool_;
    CompactGraph comp_, blk_;
    std::vector<double> bc_, sub_, hang_, sides2_, r_;
    std::vector<std::int32_t> disc_, low_, bloc_;
    std::vector<Frame> frames_;
    std::vector<std::pair<vertex_t, vertex_t>> estack_, bedges_;
    std::vector<std::uint32_t> bverts_, fill_, queue_, visited_;
};

}  // namespace ketennet::resilience::detail
