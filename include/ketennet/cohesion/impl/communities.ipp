#pragma once
/// @file communities.ipp
/// @brief Definitions of cohesion/communities.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "ketennet/cohesion/communities.hpp"
#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/detail/canonical_components.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/support/random.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

namespace ketennet::cohesion {

namespace detail {

/// A weighted graph for modularity optimisation: symmetric adjacency a_uv = A_uv + A_vu
/// (u != v) in CSR form, self weight s_v = A_vv, out/in strengths and the total arc weight
/// W = sum of k_out. An undirected tie u - v of weight w is the two arcs u -> v and v -> u;
/// an undirected self-loop is two arcs v -> v. Then, for a partition,
///   Q = (1/W) sum_c [ I_c - γ K_c^out K_c^in / W ],  I_c = sum_{u in c} s_u + ½ sum_{u != v in c} a_uv,
/// which is NetworkX's modularity for both kinds of view.
struct ModularityGraph {
    std::size_t n = 0;
    std::vector<std::size_t> off;
    std::vector<std::uint32_t> adj;
    std::vector<double> a;
    std::vector<double> self, kout, kin;
    double W = 0.0;
    bool directed = false;
};

[[nodiscard]] inline ModularityGraph modularity_graph(const View& view) {
    ModularityGraph g;
    g.n = view.n();
    g.directed = view.directed();
    g.self.assign(g.n, 0.0);
    g.kout.assign(g.n, 0.0);
    g.kin.assign(g.n, 0.0);
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    const auto w = view.edge_weights();
    require_weights(view, WeightRule::amount, "communities");
    for (std::size_t e = 0; e < src.size(); ++e) {
        const double x = w[e];
        const vertex_t u = src[e], v = tgt[e];
        const double mult = view.directed() ? 1.0 : 2.0;  // undirected: two arcs
        g.kout[u] += x;
        g.kin[v] += x;
        if (!view.directed()) {
            g.kout[v] += x;
            g.kin[u] += x;
        }
        g.W += mult * x;
        if (u == v) g.self[u] += mult * x;
    }
    // a_uv straight from the view's sorted adjacency lists, self-loops left out.
    // Undirected: a_uv = 2w (both arcs). Directed: a_uv = A_uv + A_vu, merging the out-list
    // (A_uv) with the in-list (A_vu) of u.
    g.off.assign(g.n + 1, 0);
    g.adj.reserve(view.directed() ? 2 * src.size() : view.out_adjacency().size());
    g.a.reserve(g.adj.capacity());
    for (vertex_t u = 0; u < vertex_t(g.n); ++u) {
        const auto on = view.out_neighbours(u);
        const auto ow = view.out_weights(u);
        if (!view.directed()) {
            for (std::size_t k = 0; k < on.size(); ++k) {
                if (on[k] == u) continue;
                g.adj.push_back(on[k]);
                g.a.push_back(2.0 * ow[k]);
            }
        } else {
            const auto in = view.in_neighbours(u);
            const auto iw = view.in_weights(u);
            std::size_t i = 0, j = 0;
            while (i < on.size() || j < in.size()) {
                const vertex_t v = j == in.size() || (i < on.size() && on[i] < in[j]) ? on[i] : in[j];
                double s = 0.0;
                if (i < on.size() && on[i] == v) s += ow[i++];
                if (j < in.size() && in[j] == v) s += iw[j++];
                if (v == u) continue;
                g.adj.push_back(v);
                g.a.push_back(s);
            }
        }
        g.off[u + 1] = g.adj.size();
    }
    return g;
}

/// Aggregates @p g by @p comm (values 0..k-1): one node per community.
[[nodiscard]] inline ModularityGraph aggregate(const ModularityGraph& g, const std::vector<std::uint32_t>& comm,
                                 std::size_t k) {
    ModularityGraph h;
    h.n = k;
    h.directed = g.directed;
    h.W = g.W;
    h.self.assign(k, 0.0);
    h.kout.assign(k, 0.0);
    h.kin.assign(k, 0.0);
    // members by community, then a sparse accumulator per community
    std::vector<std::size_t> start(k + 1, 0);
    for (std::size_t v = 0; v < g.n; ++v) ++start[comm[v] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint32_t> members(g.n);
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t v = 0; v < g.n; ++v) members[next[comm[v]]++] = std::uint32_t(v);
    }
    std::vector<double> acc(k, 0.0);
    std::vector<char> seen(k, 0);
    std::vector<std::uint32_t> touched(g.adj.size() + 1);  // one spare slot, as below
    h.off.assign(k + 1, 0);
    h.adj.reserve(g.adj.size());
    h.a.reserve(g.adj.size());
    for (std::size_t c = 0; c < k; ++c) {
        // branch-free sparse accumulator (as NeighbourWeights::collect): the tie to c itself
        // goes to acc[c] and is moved to self afterwards
        std::size_t len = 0;
        seen[c] = 1;
        for (std::size_t i = start[c]; i < start[c + 1]; ++i) {
            const std::uint32_t v = members[i];
            h.self[c] += g.self[v];
            h.kout[c] += g.kout[v];
            h.kin[c] += g.kin[v];
            for (std::size_t e = g.off[v]; e < g.off[v + 1]; ++e) {
                const std::uint32_t d = comm[g.adj[e]];
                touched[len] = d;
                len += std::size_t(seen[d] ^ 1);
                seen[d] = 1;
                acc[d] += g.a[e];
            }
        }
        h.self[c] += 0.5 * acc[c];
        acc[c] = 0.0;
        seen[c] = 0;
        std::sort(touched.begin(), touched.begin() + std::ptrdiff_t(len));
        for (std::size_t j = 0; j < len; ++j) {
            const std::uint32_t d = touched[j];
            h.adj.push_back(d);
            h.a.push_back(acc[d]);
            acc[d] = 0.0;
            seen[d] = 0;
        }
        h.off[c + 1] = h.adj.size();
    }
    return h;
}

/// Renumbers community ids 0..k-1 in order of first appearance; returns k.
[[nodiscard]] inline std::size_t compact(std::vector<std::uint32_t>& comm) {
    std::vector<std::uint32_t> map(comm.size() + 1, UINT32_MAX);
    std::uint32_t k = 0;
    for (auto& c : comm) {
        if (map[c] == UINT32_MAX) map[c] = k++;
        c = map[c];
    }
    return k;
}

/// Modularity of a partition of a ModularityGraph (see ModularityGraph).
[[nodiscard]] inline double quality(const ModularityGraph& g, const std::vector<std::uint32_t>& comm,
                      double resolution) {
    if (g.W <= 0.0) return std::numeric_limits<double>::quiet_NaN();
    std::size_t k = 0;
    for (auto c : comm) k = std::max<std::size_t>(k, std::size_t(c) + 1);
    std::vector<double> in(k, 0.0), ko(k, 0.0), ki(k, 0.0);
    for (std::size_t v = 0; v < g.n; ++v) {
        in[comm[v]] += g.self[v];
        ko[comm[v]] += g.kout[v];
        ki[comm[v]] += g.kin[v];
        double inside = 0.0;  // ties to v's own community; a select, not a branch
        for (std::size_t e = g.off[v]; e < g.off[v + 1]; ++e)
            inside += comm[g.adj[e]] == comm[v] ? 0.5 * g.a[e] : 0.0;
        in[comm[v]] += inside;
    }
    double q = 0.0;
    for (std::size_t c = 0; c < k; ++c) q += in[c] / g.W - resolution * ko[c] * ki[c] / (g.W * g.W);
    return q;
}

/// Neighbouring communities of v and the weight a(v, C) to each (v itself left out), in a
/// sparse accumulator.
struct NeighbourWeights {
    std::vector<double> w;
    std::vector<char> seen;
    std::vector<std::uint32_t> list;
    explicit NeighbourWeights(std::size_t k) : w(k, 0.0), seen(k, 0) {}
    void collect(const ModularityGraph& g, std::size_t v, const std::vector<std::uint32_t>& comm) {
        // branch-free: whether a community is new is unpredictable, and mispredictions
        // dominated the local moving phase
        const std::size_t lo = g.off[v], hi = g.off[v + 1];
        list.resize(hi - lo + 1);  // one spare slot: the loop writes before it counts
        std::uint32_t* out = list.data();
        std::size_t len = 0;
        for (std::size_t e = lo; e < hi; ++e) {
            const std::uint32_t c = comm[g.adj[e]];
            out[len] = c;
            len += std::size_t(seen[c] ^ 1);
            seen[c] = 1;
            w[c] += g.a[e];
        }
        list.resize(len);
    }
    double at(std::uint32_t c) const { return seen[c] ? w[c] : 0.0; }
    void clear() {
        for (auto c : list) {
            w[c] = 0.0;
            seen[c] = 0;
        }
        list.clear();
    }
};

/// Louvain's local moving phase (as NetworkX's _one_level): organisations in one random order,
/// passes until none moves; each moves to the neighbouring community of largest gain when
/// that gain is positive. Returns whether anything moved.
inline bool louvain_level(const ModularityGraph& g, std::vector<std::uint32_t>& comm,
                          double gamma, SplitMix64& rng) {
    const std::size_t n = g.n;
    // K[c] = (K_c^out, K_c^in) side by side: a candidate's two totals in one load
    struct Totals {
        double out, in;
    };
    std::vector<Totals> K(n);
    for (std::size_t v = 0; v < n; ++v) K[v] = {g.kout[v], g.kin[v]};  // singletons to start
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    rng.shuffle(order);
    NeighbourWeights nw(n);
    const double eps = 1e-13 * g.W;
    const double scale = gamma / g.W;  // one multiplication per candidate, not a division
    bool any = false;
    for (std::size_t pass = 0; pass < 100000; ++pass) {
        std::size_t moves = 0;
        for (std::uint32_t v : order) {
            const std::uint32_t c0 = comm[v];
            const double kov = g.kout[v], kiv = g.kin[v];
            nw.collect(g, v, comm);
            K[c0].out -= kov;
            K[c0].in -= kiv;
            // gain of joining c, up to terms equal for every c: a(v, c) - γ (k_v^out K_c^in +
            // k_v^in K_c^out) / W
            std::uint32_t best = c0;
            double best_gain = nw.at(c0) - (kov * K[c0].in + kiv * K[c0].out) * scale;
            for (std::uint32_t c : nw.list) {
                const double x = nw.w[c] - (kov * K[c].in + kiv * K[c].out) * scale;
                if (x > best_gain + eps) {
                    best_gain = x;
                    best = c;
                }
            }
            K[best].out += kov;
            K[best].in += kiv;
            comm[v] = best;
            nw.clear();
            if (best != c0) ++moves;
        }
        if (moves == 0) break;
        any = true;
    }
    return any;
}

/// Louvain's levels; reports 1 - k / n to o.progress after each level (k communities).
[[nodiscard]] inline std::vector<std::uint32_t> louvain(const ModularityGraph& g0, const CommunityOptions& o,
                                          std::size_t& levels) {
    auto rng = SplitMix64::from_state(o.seed);
    std::vector<std::uint32_t> flat(g0.n);
    std::iota(flat.begin(), flat.end(), 0u);
    if (g0.W <= 0.0) return flat;
    // the graph of the current level: g0, then the aggregates (no copy of g0)
    const ModularityGraph* g = &g0;
    ModularityGraph aggregated;
    double q = quality(g0, flat, o.resolution);
    levels = 0;
    for (;;) {
        std::vector<std::uint32_t> comm(g->n);
        std::iota(comm.begin(), comm.end(), 0u);
        louvain_level(*g, comm, o.resolution, rng);
        const std::size_t k = compact(comm);
        for (auto& c : flat) c = comm[c];
        // as NetworkX, the modularity of the level's partition of the level's graph (equal to
        // that of the flat partition of g0, in fewer operations)
        const double q2 = quality(*g, comm, o.resolution);
        ++levels;
        report_progress(o.progress, 1.0 - double(k) / double(g0.n));
        // NetworkX keeps the level's partition, then stops when it gained at most threshold
        if (q2 - q <= o.threshold || k == g->n) break;
        q = q2;
        aggregated = aggregate(*g, comm, k);
        g = &aggregated;
    }
    return flat;
}

/// Leiden's fast local moving: a queue of organisations in random order; each moves to the
/// community (a neighbouring one or a new, empty one) of largest positive gain, and its
/// neighbours outside that community are queued again.
inline void leiden_move(const ModularityGraph& g, std::vector<std::uint32_t>& comm, double gamma,
                        SplitMix64& rng) {
    const std::size_t n = g.n;
    std::vector<double> Ko(n, 0.0), Ki(n, 0.0);
    std::vector<std::size_t> count(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
        Ko[comm[v]] += g.kout[v];
        Ki[comm[v]] += g.kin[v];
        ++count[comm[v]];
    }
    std::vector<std::uint32_t> empty;
    for (std::size_t c = n; c-- > 0;)
        if (count[c] == 0) empty.push_back(std::uint32_t(c));
    std::vector<std::uint32_t> queue(n);
    std::iota(queue.begin(), queue.end(), 0u);
    rng.shuffle(queue);
    std::vector<char> queued(n, 1);
    std::size_t head = 0;  // circular buffer of capacity n
    std::size_t size = n;
    NeighbourWeights nw(n);
    const double eps = 1e-13 * g.W;
    while (size > 0) {
        const std::uint32_t v = queue[head];
        head = (head + 1) % n;
        --size;
        queued[v] = 0;
        const std::uint32_t c0 = comm[v];
        nw.collect(g, v, comm);
        Ko[c0] -= g.kout[v];
        Ki[c0] -= g.kin[v];
        --count[c0];
        if (count[c0] == 0) empty.push_back(c0);
        auto gain = [&](std::uint32_t c) {
            return nw.at(c) - gamma * (g.kout[v] * Ki[c] + g.kin[v] * Ko[c]) / g.W;
        };
        std::uint32_t best = c0;
        double best_gain = gain(c0);
        for (std::uint32_t c : nw.list) {
            const double x = gain(c);
            if (x > best_gain + eps) {
                best_gain = x;
                best = c;
            }
        }
        if (best_gain < -eps) best = empty.back();  // alone is better (gain 0)
        // an empty best is the top of the empty stack (c0 just emptied, or a fresh one)
        if (count[best] == 0) empty.pop_back();
        Ko[best] += g.kout[v];
        Ki[best] += g.kin[v];
        ++count[best];
        comm[v] = best;
        if (best != c0) {
            for (std::size_t e = g.off[v]; e < g.off[v + 1]; ++e) {
                const std::uint32_t u = g.adj[e];
                if (!queued[u] && comm[u] != best) {
                    queue[(head + size) % n] = u;
                    ++size;
                    queued[u] = 1;
                }
            }
        }
        nw.clear();
    }
}

/// Leiden's refinement: within each community of @p comm, organisations start alone and
/// well-connected ones merge, at random with probability ∝ exp(gain / θ), into
/// well-connected refined communities of non-negative gain.
[[nodiscard]] inline std::vector<std::uint32_t> leiden_refine(const ModularityGraph& g,
                                                const std::vector<std::uint32_t>& comm,
                                                double gamma, double theta, SplitMix64& rng) {
    const std::size_t n = g.n;
    std::vector<std::uint32_t> ref(n);
    std::iota(ref.begin(), ref.end(), 0u);
    std::vector<double> SKo(n, 0.0), SKi(n, 0.0);  // per community of comm
    for (std::size_t v = 0; v < n; ++v) {
        SKo[comm[v]] += g.kout[v];
        SKi[comm[v]] += g.kin[v];
    }
    std::vector<double> Ro(g.kout), Ri(g.kin);  // per refined community
    std::vector<std::size_t> rcount(n, 1);
    std::vector<double> ext(n, 0.0);  // E(r, S - r) for refined community r
    for (std::size_t v = 0; v < n; ++v)
        for (std::size_t e = g.off[v]; e < g.off[v + 1]; ++e)
            if (comm[g.adj[e]] == comm[v]) ext[v] += g.a[e];
    const double scale = g.directed ? 1.0 : 0.5;  // gains in edge-weight units (as igraph)
    auto connected = [&](double e, double ko, double ki, std::uint32_t s) {
        return e >= gamma * (ko * (SKi[s] - ki) + ki * (SKo[s] - ko)) / g.W;
    };
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    rng.shuffle(order);
    NeighbourWeights nw(n);
    std::vector<std::uint32_t> cand;
    std::vector<double> prob;
    for (std::uint32_t v : order) {
        if (rcount[ref[v]] != 1) continue;  // v was joined by others already
        const std::uint32_t s = comm[v];
        if (!connected(ext[v], g.kout[v], g.kin[v], s)) continue;
        // weights from v to refined communities within S
        nw.list.clear();
        for (std::size_t e = g.off[v]; e < g.off[v + 1]; ++e) {
            const std::uint32_t u = g.adj[e];
            if (comm[u] != s) continue;
            const std::uint32_t r = ref[u];
            if (!nw.seen[r]) {
                nw.seen[r] = 1;
                nw.list.push_back(r);
            }
            nw.w[r] += g.a[e];
        }
        const std::uint32_t r0 = ref[v];
        cand.clear();
        prob.clear();
        double best = 0.0;
        std::vector<double> gains;
        for (std::uint32_t r : nw.list) {
            if (r == r0 || !connected(ext[r], Ro[r], Ri[r], s)) continue;
            const double gain =
                scale * (nw.w[r] - gamma * (g.kout[v] * Ri[r] + g.kin[v] * Ro[r]) / g.W);
            if (gain < 0.0) continue;
            cand.push_back(r);
            gains.push_back(gain);
            best = std::max(best, gain);
        }
        if (!cand.empty()) {
            // staying alone (gain 0) is a candidate too
            double total = std::exp((0.0 - best) / theta);
            for (double x : gains) {
                prob.push_back(std::exp((x - best) / theta));
                total += prob.back();
            }
            double pick = rng.uniform() * total;
            std::uint32_t chosen = r0;
            pick -= std::exp((0.0 - best) / theta);
            for (std::size_t i = 0; i < cand.size() && pick >= 0.0; ++i) {
                chosen = cand[i];
                pick -= prob[i];
            }
            if (pick >= 0.0) chosen = cand.back();  // rounding at the end of the range
            if (chosen != r0) {
                const double wvr = nw.w[chosen];
                ext[chosen] = ext[chosen] + ext[r0] - 2.0 * wvr;
                Ro[chosen] += g.kout[v];
                Ri[chosen] += g.kin[v];
                ++rcount[chosen];
                --rcount[r0];
                ref[v] = chosen;
            }
        }
        nw.clear();
    }
    return ref;
}

/// One Leiden run from @p flat; reports @p done (the fraction before this run) to
/// o.progress after each node-moving round.
[[nodiscard]] inline std::vector<std::uint32_t> leiden_once(const ModularityGraph& g0,
                                              std::vector<std::uint32_t> flat,
                                              const CommunityOptions& o, SplitMix64& rng,
                                              std::size_t& levels, double done) {
    ModularityGraph g = g0;
    std::vector<std::uint32_t> comm = flat;  // partition of the current graph's nodes
    std::vector<std::uint32_t> node_of(g0.n);  // original organisation -> current node
    std::iota(node_of.begin(), node_of.end(), 0u);
    for (;;) {
        leiden_move(g, comm, o.resolution, rng);
        ++levels;
        report_progress(o.progress, done);
        const std::size_t k = compact(comm);
        for (std::size_t v = 0; v < g0.n; ++v) flat[v] = comm[node_of[v]];
        if (k == g.n) break;  // every community a single node: done
        std::vector<std::uint32_t> ref = leiden_refine(g, comm, o.resolution, o.randomness, rng);
        std::size_t kr = compact(ref);
        if (kr == g.n) {  // refinement merged nothing: aggregate by the communities instead
            ref = comm;
            kr = k;
        }
        std::vector<std::uint32_t> next(kr);
        for (std::size_t v = 0; v < g.n; ++v) next[ref[v]] = comm[v];
        g = aggregate(g, ref, kr);
        for (std::size_t v = 0; v < g0.n; ++v) node_of[v] = ref[node_of[v]];
        comm = std::move(next);
    }
    return flat;
}

[[nodiscard]] inline std::vector<std::uint32_t> leiden(const ModularityGraph& g0, const CommunityOptions& o,
                                         std::size_t& levels) {
    auto rng = SplitMix64::from_state(o.seed);
    std::vector<std::uint32_t> flat(g0.n);
    std::iota(flat.begin(), flat.end(), 0u);
    if (g0.W <= 0.0) return flat;
    levels = 0;
    const int runs = o.iterations < 0 ? 1000 : o.iterations;
    for (int it = 0; it < runs; ++it) {
        auto next = leiden_once(g0, flat, o, rng, levels, double(it) / double(runs));
        const bool same = next == flat;
        flat = std::move(next);
        report_progress(o.progress, double(it + 1) / double(runs));
        if (same && it > 0) break;
    }
    return flat;
}

inline void check_membership(const View& view, const std::vector<std::size_t>& membership) {
    if (membership.size() != view.n())
        throw InputError("modularity: the partition has " + std::to_string(membership.size()) +
                         " labels for " + std::to_string(view.n()) + " organisations");
}

}  // namespace detail

KETENNET_INLINE double modularity(const View& view, const std::vector<std::size_t>& membership,
                                  double resolution) {
    detail::check_membership(view, membership);
    if (view.m() == 0) throw InputError("modularity is not defined for a view without relations");
    // NetworkX's formula term by term: L_c / m - γ out_c in_c / (deg_sum)^2
    std::size_t k = 0;
    for (auto c : membership) k = std::max(k, c + 1);
    std::vector<double> L(k, 0.0), dout(k, 0.0), din(k, 0.0);
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    const auto w = view.edge_weights();
    double m = 0.0;
    require_weights(view, WeightRule::amount, "modularity");
    for (std::size_t e = 0; e < src.size(); ++e) {
        const double x = w[e];
        const std::size_t cu = membership[src[e]], cv = membership[tgt[e]];
        if (cu == cv) L[cu] += x;
        dout[cu] += x;
        din[cv] += x;
        if (!view.directed()) {
            dout[cv] += x;
            din[cu] += x;
        }
        m += x;
    }
    const double deg_sum = view.directed() ? m : 2.0 * m;
    double q = 0.0;
    for (std::size_t c = 0; c < k; ++c)
        q += L[c] / m - resolution * dout[c] * din[c] / (deg_sum * deg_sum);
    return q;
}

KETENNET_INLINE CommunityResult communities(const View& view, const CommunityOptions& options) {
    if (!(options.resolution > 0.0) || !std::isfinite(options.resolution))
        throw InputError("communities: resolution must be a finite number > 0, not " +
                         std::to_string(options.resolution));
    if (options.method == CommunityMethod::leiden &&
        (!(options.randomness > 0.0) || !std::isfinite(options.randomness)))
        throw InputError("communities: randomness (θ) must be a finite number > 0");
    if (options.iterations == 0) throw InputError("communities: iterations must not be 0");
    const detail::ModularityGraph g = detail::modularity_graph(view);
    CommunityResult out;
    std::vector<std::uint32_t> flat = options.method == CommunityMethod::louvain
                                          ? detail::louvain(g, options, out.levels)
                                          : detail::leiden(g, options, out.levels);
    const std::size_t k = detail::compact(flat);
    std::vector<std::size_t> raw(flat.begin(), flat.end());
    const Components canon = detail::canonical_components(raw, k);
    out.membership = canon.label;
    out.size = canon.size;
    out.modularity = view.m() == 0 ? std::numeric_limits<double>::quiet_NaN()
                                   : modularity(view, out.membership, options.resolution);
    report_progress(options.progress, 1.0);
    return out;
}

}  // namespace ketennet::cohesion
