#pragma once
/// @file resampling.ipp
/// @brief Definitions of stats/resampling.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/stats/resampling.hpp"
#include "ketennet/stats/statistics.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/support/random.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::stats {

namespace detail {

using Ids = std::shared_ptr<const std::vector<std::string>>;

inline Ids shared_ids(const View& g) { return std::make_shared<const std::vector<std::string>>(g.ids()); }

inline ViewPtr build_like(const View& g, const Ids& ids, std::vector<Arc> arcs, bool weighted) {
    return View::build(g.n(), g.directed(), weighted, std::move(arcs), Combine::sum, g.options(), ids,
                       g.revision());
}

/// A uniformly random pair u != v of n vertices: ordered (directed) or, as (min, max),
/// unordered (each unordered pair has two ordered draws, so it stays uniform).
inline std::pair<vertex_t, vertex_t> random_pair(SplitMix64& rng, vertex_t n, bool ordered) {
    const std::uint64_t idx = rng.below(std::uint64_t(n) * (n - 1));
    const vertex_t u = vertex_t(idx / (n - 1));
    vertex_t v = vertex_t(idx % (n - 1));
    if (v >= u) ++v;
    if (!ordered && u > v) return {v, u};
    return {u, v};
}

/// Key u * n + v of a pair.
inline std::uint64_t key(vertex_t u, vertex_t v, vertex_t n) { return std::uint64_t(u) * n + v; }

/// A set of pair keys with open addressing (linear probing), sized for @p capacity keys.
class KeySet {
public:
    explicit KeySet(std::size_t capacity) {
        std::size_t size = 16;
        while (size < 2 * capacity) size *= 2;
        slots_.assign(size, empty);
        mask_ = size - 1;
    }
    /// Adds @p k; false when it was there already.
    bool insert(std::uint64_t k) {
        for (std::size_t i = std::size_t(mix64(k)) & mask_;; i = (i + 1) & mask_) {
            if (slots_[i] == k) return false;
            if (slots_[i] == empty) {
                slots_[i] = k;
                return true;
            }
        }
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t(0);  // never a key (u, v < n)
    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
};

/// @p count distinct uniformly random pairs u != v (ordered, or unordered as u < v), as keys:
/// the first @p count distinct pairs of a sequence of independent uniform draws (a uniform
/// subset, in a uniformly random order). When more than half of the pairs are wanted, the
/// complement is drawn that way instead and the others returned in key order.
inline std::vector<std::uint64_t> distinct_pairs(SplitMix64& rng, vertex_t n, bool ordered, std::size_t count) {
    const std::uint64_t total = ordered ? std::uint64_t(n) * (n - 1) : std::uint64_t(n) * (n - 1) / 2;
    const bool complement = 2 * std::uint64_t(count) > total;
    const std::size_t want = complement ? std::size_t(total - count) : count;
    std::vector<std::uint64_t> keys;
    keys.reserve(want);
    KeySet seen(want);
    while (keys.size() < want) {
        const auto [u, v] = random_pair(rng, n, ordered);
        if (seen.insert(key(u, v, n))) keys.push_back(key(u, v, n));
    }
    if (!complement) return keys;
    std::sort(keys.begin(), keys.end());
    std::vector<std::uint64_t> out;
    out.reserve(count);
    std::size_t c = 0;
    for (vertex_t u = 0; u < n; ++u)
        for (vertex_t v = ordered ? 0 : u + 1; v < n; ++v) {
            if (u == v) continue;
            const std::uint64_t kk = key(u, v, n);
            if (c < keys.size() && keys[c] == kk) {
                ++c;
                continue;
            }
            out.push_back(kk);
        }
    return out;
}

/// The observed ties of a view without self-loops, sorted into what the CUG draws keep.
struct CugTies {
    std::vector<double> ties;                      ///< values of the ties (edges given)
    std::vector<std::pair<double, double>> mutual; ///< (u -> v, v -> u) of each mutual pair
    std::vector<double> asymmetric;                ///< values of the unreturned arcs
};

inline CugTies cug_ties(const View& g) {
    CugTies t;
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    for (std::size_t e = 0; e < src.size(); ++e) {
        const vertex_t u = src[e], v = tgt[e];
        if (u == v) continue;
        t.ties.push_back(w[e]);
        if (!g.directed()) continue;
        if (const double* back = g.find_weight(v, u)) {
            if (u < v) t.mutual.emplace_back(w[e], *back);
        } else {
            t.asymmetric.push_back(w[e]);
        }
    }
    return t;
}

inline ViewPtr cug_draw(const View& g, const CugTies& t, const Ids& ids, Given given, std::uint64_t seed,
                        std::size_t k) {
    const vertex_t n = g.n();
    const bool directed = g.directed();
    SplitMix64 rng(seed, k);
    std::vector<Arc> arcs;
    const auto decode = [n](std::uint64_t kk) { return std::pair<vertex_t, vertex_t>(vertex_t(kk / n), vertex_t(kk % n)); };
    if (given == Given::size) {
        std::uint64_t bits = 0;
        int left = 0;
        const auto coin = [&] {
            if (left == 0) {
                bits = rng.next();
                left = 64;
            }
            const bool b = bits & 1U;
            bits >>= 1;
            --left;
            return b;
        };
        for (vertex_t u = 0; u < n; ++u)
            for (vertex_t v = directed ? 0 : u + 1; v < n; ++v)
                if (u != v && coin()) arcs.push_back({u, v, 1.0});
        return build_like(g, ids, std::move(arcs), false);
    }
    if (given == Given::edges || !directed) {
        const auto keys = distinct_pairs(rng, n, directed, t.ties.size());
        std::vector<double> w = t.ties;
        if (g.weighted()) rng.shuffle(w);
        arcs.reserve(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto [u, v] = decode(keys[i]);
            arcs.push_back({u, v, g.weighted() ? w[i] : 1.0});
        }
        return build_like(g, ids, std::move(arcs), g.weighted());
    }
    // dyad census: choose the mutual and asymmetric pairs among the unordered pairs
    const std::size_t M = t.mutual.size(), A = t.asymmetric.size();
    auto keys = distinct_pairs(rng, n, false, M + A);
    rng.shuffle(keys);  // the first M are mutual, the rest asymmetric (keys of the dense case
                        // come in order)
    auto mutual = t.mutual;
    auto asym = t.asymmetric;
    if (g.weighted()) {
        rng.shuffle(mutual);
        rng.shuffle(asym);
    }
    arcs.reserve(2 * M + A);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto [u, v] = decode(keys[i]);
        const bool flip = rng.next() & 1U;
        if (i < M) {
            auto [x, y] = mutual[i];
            if (g.weighted() && flip) std::swap(x, y);
            arcs.push_back({u, v, g.weighted() ? x : 1.0});
            arcs.push_back({v, u, g.weighted() ? y : 1.0});
        } else {
            const double x = g.weighted() ? asym[i - M] : 1.0;
            arcs.push_back(flip ? Arc{v, u, x} : Arc{u, v, x});
        }
    }
    return build_like(g, ids, std::move(arcs), g.weighted());
}

/// The ties of two aligned views grouped by dyad: an unordered pair {i, j} (both arcs) or a
/// self-loop; entry e belongs to dyad dyad[e] and to view which[e] (0 = a, 1 = b).
struct Dyads {
    std::vector<Arc> arcs;
    std::vector<std::uint8_t> which;
    std::vector<std::size_t> dyad;
    std::size_t count = 0;
};

inline Dyads dyads(const View& a, const View& b) {
    struct Entry {
        std::uint64_t key;
        std::uint8_t which;
        Arc arc;
    };
    std::vector<Entry> entries;
    const vertex_t n = a.n();
    for (std::uint8_t w = 0; w < 2; ++w) {
        const View& g = w == 0 ? a : b;
        const auto src = g.edge_sources();
        const auto tgt = g.edge_targets();
        const auto wt = g.edge_weights();
        for (std::size_t e = 0; e < src.size(); ++e) {
            const vertex_t u = src[e], v = tgt[e];
            entries.push_back({key(std::min(u, v), std::max(u, v), n), w, Arc{u, v, wt[e]}});
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& x, const Entry& y) { return x.key < y.key; });
    Dyads d;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i == 0 || entries[i].key != entries[i - 1].key) ++d.count;
        d.arcs.push_back(entries[i].arc);
        d.which.push_back(entries[i].which);
        d.dyad.push_back(d.count - 1);
    }
    return d;
}

inline std::pair<ViewPtr, ViewPtr> permutation_draw(const View& a, const View& b, const Dyads& d, const Ids& ids,
                                                    std::uint64_t seed, std::size_t k) {
    SplitMix64 rng(seed, k);
    std::vector<std::uint8_t> swap(d.count);
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < d.count; ++i) {
        if (i % 64 == 0) bits = rng.next();
        swap[i] = std::uint8_t(bits & 1U);
        bits >>= 1;
    }
    std::vector<Arc> to_a, to_b;
    for (std::size_t e = 0; e < d.arcs.size(); ++e)
        ((d.which[e] ^ swap[d.dyad[e]]) == 0 ? to_a : to_b).push_back(d.arcs[e]);
    return {build_like(a, ids, std::move(to_a), a.weighted()), build_like(b, ids, std::move(to_b), b.weighted())};
}

inline ViewPtr bootstrap_draw(const View& g, const Ids& ids, std::uint64_t seed, std::size_t k) {
    const vertex_t n = g.n();
    const bool directed = g.directed();
    SplitMix64 rng(seed, k);
    std::vector<vertex_t> s(n);
    for (vertex_t i = 0; i < n; ++i) s[i] = vertex_t(rng.below(n));
    // positions drawn as each organisation: pos[off[u] .. off[u + 1])
    std::vector<std::size_t> off(std::size_t(n) + 1, 0);
    for (vertex_t i = 0; i < n; ++i) ++off[s[i] + 1];
    for (vertex_t u = 0; u < n; ++u) off[u + 1] += off[u];
    std::vector<vertex_t> pos(n);
    {
        std::vector<std::size_t> next(off.begin(), off.end() - 1);
        for (vertex_t i = 0; i < n; ++i) pos[next[s[i]]++] = i;
    }
    std::vector<Arc> arcs;
    for (vertex_t i = 0; i < n; ++i) {
        const vertex_t u = s[i];
        const auto nb = g.out_neighbours(u);
        const auto w = g.out_weights(u);
        for (std::size_t e = 0; e < nb.size(); ++e) {
            const vertex_t x = nb[e];
            if (x == u) {
                arcs.push_back({i, i, w[e]});
                continue;
            }
            for (std::size_t p = off[x]; p < off[x + 1]; ++p)
                if (directed || i < pos[p]) arcs.push_back({i, pos[p], w[e]});
        }
    }
    // pairs of positions that drew the same organisation: a tie copied from a random pair
    for (vertex_t u = 0; u < n; ++u)
        for (std::size_t p = off[u]; p < off[u + 1]; ++p)
            for (std::size_t q = directed ? off[u] : p + 1; q < off[u + 1]; ++q) {
                if (p == q) continue;
                const auto [x, y] = random_pair(rng, n, directed);
                if (const double* w = g.find_weight(x, y)) arcs.push_back({pos[p], pos[q], *w});
            }
    return build_like(g, ids, std::move(arcs), g.weighted());
}

/// Runs score(k) for k = 0 .. reps - 1 in parallel blocks (fixed by reps alone).
template <class Score>
std::vector<double> run_draws(std::size_t reps, unsigned threads, const ProgressHandler& progress, Score&& score) {
    std::vector<double> out(reps, 0.0);
    const std::size_t blocks = block_count(reps, 256);
    parallel_blocks(blocks, threads, [&](std::size_t blk) {
        const auto [lo, hi] = block_range(reps, blocks, blk);
        for (std::size_t k = lo; k < hi; ++k) out[k] = score(k);
    }, progress);
    return out;
}

struct Tails {
    double greater, less, abs;
};

/// Shares of the defined values x with x >= t, x <= t and |x| >= |t| (1e-12 relative).
inline Tails tails(const std::vector<double>& xs, double t) {
    const double tol = 1e-12 * std::max(1.0, std::abs(t));
    std::size_t ge = 0, le = 0, ab = 0, defined = 0;
    for (double x : xs) {
        if (std::isnan(x)) continue;
        ++defined;
        if (x >= t - tol) ++ge;
        if (x <= t + tol) ++le;
        if (std::abs(x) >= std::abs(t) - tol) ++ab;
    }
    if (defined == 0) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan};
    }
    const double d = double(defined);
    return {double(ge) / d, double(le) / d, double(ab) / d};
}

inline void check_reps(std::size_t reps, const char* where) {
    if (reps == 0) throw InputError(std::string(where) + ": reps must be at least 1");
}

inline void check_observed(double t, const char* where, const std::string& what) {
    if (std::isnan(t))
        throw InputError(std::string(where) + ": the statistic " + what +
                         " is undefined (NaN) on the observed network");
}

inline std::string what(const std::string& name) { return "'" + name + "'"; }

}  // namespace detail

KETENNET_INLINE ViewPtr without_self_loops(const View& g) {
    std::vector<Arc> arcs;
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    const auto w = g.edge_weights();
    for (std::size_t e = 0; e < src.size(); ++e)
        if (src[e] != tgt[e]) arcs.push_back({src[e], tgt[e], w[e]});
    return detail::build_like(g, detail::shared_ids(g), std::move(arcs), g.weighted());
}

KETENNET_INLINE ViewPtr cug_draw(const View& g, Given given, std::uint64_t seed, std::size_t k) {
    if (g.n() < 2)
        throw InputError("cug_test needs at least two organisations, there are " + std::to_string(g.n()));
    if (given == Given::size && g.weighted())
        throw InputError("cug_test: given 'size' draws graphs without tie values; test a weighted "
                         "network given 'edges' or 'dyad_census', or without a weight");
    return detail::cug_draw(g, detail::cug_ties(g), detail::shared_ids(g), given, seed, k);
}

KETENNET_INLINE CugResult cug_result(double observed, std::vector<double> null) {
    CugResult r;
    r.statistic = observed;
    const auto t = detail::tails(null, observed);
    r.p_greater = t.greater;
    r.p_less = t.less;
    r.p_value = std::min(1.0, 2.0 * std::min(t.greater, t.less));
    if (std::isnan(t.greater)) r.p_value = t.greater;
    r.null = std::move(null);
    return r;
}

namespace detail {
inline CugResult cug_test(const View& g0, const Scorer& score, const CugOptions& o, const std::string& what) {
    if (g0.n() < 2)
        throw InputError("cug_test needs at least two organisations, there are " + std::to_string(g0.n()));
    check_reps(o.reps, "cug_test");
    if (o.given == Given::size && g0.weighted())
        throw InputError("cug_test: given 'size' draws graphs without tie values; test a weighted "
                         "network given 'edges' or 'dyad_census', or without a weight");
    const ViewPtr g = without_self_loops(g0);
    const double observed = score(*g);
    check_observed(observed, "cug_test", what);
    const CugTies ties = cug_ties(*g);
    const Ids ids = shared_ids(*g);
    auto null = run_draws(o.reps, o.threads, o.progress, [&](std::size_t k) {
        return score(*detail::cug_draw(*g, ties, ids, o.given, o.seed, k));
    });
    return cug_result(observed, std::move(null));
}
}  // namespace detail

KETENNET_INLINE CugResult cug_test(const View& g, const std::string& statistic, const CugOptions& options) {
    check_statistic(statistic, "cug_test");
    return detail::cug_test(g, [&](const View& v) { return stats::statistic(v, statistic); }, options,
                            detail::what(statistic));
}

KETENNET_INLINE CugResult cug_test(const View& g, const Scorer& statistic, const CugOptions& options) {
    return detail::cug_test(g, statistic, options, "");
}

KETENNET_INLINE ViewPtr aligned(const View& a, const View& b) {
    if (a.directed() != b.directed())
        throw InputError(std::string("permutation_test: the first network is ") +
                         (a.directed() ? "directed" : "undirected") + " and the second " +
                         (b.directed() ? "directed" : "undirected") +
                         "; compare networks of the same directedness");
    std::vector<vertex_t> to_a(b.n());
    std::vector<std::string> only_a, only_b;
    std::size_t count_a = 0, count_b = 0;
    for (vertex_t v = 0; v < a.n(); ++v)
        if (!b.find(a.id(v))) {
            ++count_a;
            if (only_a.size() < 5) only_a.push_back(a.id(v));
        }
    for (vertex_t v = 0; v < b.n(); ++v) {
        if (const auto x = a.find(b.id(v))) {
            to_a[v] = *x;
        } else {
            ++count_b;
            if (only_b.size() < 5) only_b.push_back(b.id(v));
        }
    }
    if (count_a || count_b) {
        const auto list = [](const std::vector<std::string>& ids, std::size_t count) {
            std::string s;
            for (const auto& id : ids) s += (s.empty() ? "'" : ", '") + id + "'";
            if (count > ids.size()) s += ", ...";
            return std::to_string(count) + " (" + s + ")";
        };
        std::string msg = "permutation_test: the two networks must have the same organisations;";
        if (count_a) msg += " only in the first: " + list(only_a, count_a) + (count_b ? ";" : "");
        if (count_b) msg += " only in the second: " + list(only_b, count_b);
        throw InputError(msg);
    }
    std::vector<Arc> arcs;
    const auto src = b.edge_sources();
    const auto tgt = b.edge_targets();
    const auto w = b.edge_weights();
    for (std::size_t e = 0; e < src.size(); ++e) arcs.push_back({to_a[src[e]], to_a[tgt[e]], w[e]});
    return View::build(a.n(), b.directed(), b.weighted(), std::move(arcs), Combine::sum, b.options(),
                       detail::shared_ids(a), b.revision());
}

KETENNET_INLINE std::pair<ViewPtr, ViewPtr> permutation_draw(const View& a, const View& b, std::uint64_t seed,
                                                             std::size_t k) {
    const ViewPtr bb = aligned(a, b);
    return detail::permutation_draw(a, *bb, detail::dyads(a, *bb), detail::shared_ids(a), seed, k);
}

KETENNET_INLINE PermutationResult permutation_result(double statistic_a, double statistic_b,
                                                     std::vector<double> null) {
    PermutationResult r;
    r.statistic_a = statistic_a;
    r.statistic_b = statistic_b;
    r.statistic = statistic_a - statistic_b;
    const auto t = detail::tails(null, r.statistic);
    r.p_greater = t.greater;
    r.p_less = t.less;
    r.p_abs = t.abs;
    r.p_value = t.abs;
    r.null = std::move(null);
    return r;
}

namespace detail {
inline PermutationResult permutation_test(const View& a, const View& b0, const Scorer& score,
                                          const PermutationOptions& o, const std::string& what) {
    check_reps(o.reps, "permutation_test");
    const ViewPtr b = aligned(a, b0);
    if (a.weighted() != b->weighted())
        throw InputError("permutation_test: one network is weighted and the other not");
    const double sa = score(a), sb = score(*b);
    check_observed(sa, "permutation_test", what + (what.empty() ? "" : " ") + "of the first network");
    check_observed(sb, "permutation_test", what + (what.empty() ? "" : " ") + "of the second network");
    const Dyads d = dyads(a, *b);
    const Ids ids = shared_ids(a);
    auto null = run_draws(o.reps, o.threads, o.progress, [&](std::size_t k) {
        const auto [pa, pb] = detail::permutation_draw(a, *b, d, ids, o.seed, k);
        return score(*pa) - score(*pb);
    });
    return permutation_result(sa, sb, std::move(null));
}
}  // namespace detail

KETENNET_INLINE PermutationResult permutation_test(const View& a, const View& b, const std::string& statistic,
                                                   const PermutationOptions& options) {
    check_statistic(statistic, "permutation_test");
    return detail::permutation_test(a, b, [&](const View& v) { return stats::statistic(v, statistic); },
                                    options, detail::what(statistic));
}

KETENNET_INLINE PermutationResult permutation_test(const View& a, const View& b, const Scorer& statistic,
                                                   const PermutationOptions& options) {
    return detail::permutation_test(a, b, statistic, options, "");
}

KETENNET_INLINE ViewPtr bootstrap_draw(const View& g, std::uint64_t seed, std::size_t k) {
    if (g.n() < 2)
        throw InputError("bootstrap needs at least two organisations, there are " + std::to_string(g.n()));
    return detail::bootstrap_draw(g, detail::shared_ids(g), seed, k);
}

KETENNET_INLINE BootstrapResult bootstrap_result(double observed, std::vector<double> null, double level,
                                                 double null_value) {
    if (!(level > 0.0 && level < 1.0))
        throw InputError("bootstrap: level must lie strictly between 0 and 1, not " + std::to_string(level));
    if (!std::isfinite(null_value))
        throw InputError("bootstrap: null_value must be a finite number");
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    BootstrapResult r;
    r.statistic = observed;
    r.null_value = null_value;
    std::vector<double> x;
    x.reserve(null.size());
    for (double v : null)
        if (!std::isnan(v)) x.push_back(v);
    const std::size_t B = x.size();
    if (B >= 2) {
        double mean = 0.0;
        for (double v : x) mean += v;
        mean /= double(B);
        double ss = 0.0;
        for (double v : x) ss += (v - mean) * (v - mean);
        r.standard_error = std::sqrt(ss / double(B - 1));
    } else {
        r.standard_error = nan;
    }
    if (B == 0) {
        r.ci_lower = r.ci_upper = nan;
    } else {
        std::sort(x.begin(), x.end());
        const auto quantile = [&](double p) {
            const double h = double(B - 1) * p;
            const std::size_t lo = std::size_t(std::floor(h));
            if (lo + 1 >= B) return x[B - 1];
            return x[lo] + (h - double(lo)) * (x[lo + 1] - x[lo]);
        };
        r.ci_lower = quantile((1.0 - level) / 2.0);
        r.ci_upper = quantile((1.0 + level) / 2.0);
    }
    // Hall & Wilson (1991): t* - t stands for the null distribution of t - theta_0
    std::vector<double> centred(null.size());
    for (std::size_t k = 0; k < null.size(); ++k) centred[k] = null[k] - observed;
    const auto t = detail::tails(centred, observed - null_value);
    r.p_greater = t.greater;
    r.p_less = t.less;
    r.p_value = t.abs;
    r.null = std::move(null);
    return r;
}

namespace detail {
inline BootstrapResult bootstrap(const View& g, const Scorer& score, const BootstrapOptions& o,
                                 const std::string& what) {
    if (g.n() < 2)
        throw InputError("bootstrap needs at least two organisations, there are " + std::to_string(g.n()));
    check_reps(o.reps, "bootstrap");
    if (!(o.level > 0.0 && o.level < 1.0))
        throw InputError("bootstrap: level must lie strictly between 0 and 1, not " + std::to_string(o.level));
    const double observed = score(g);
    check_observed(observed, "bootstrap", what);
    const Ids ids = shared_ids(g);
    auto null = run_draws(o.reps, o.threads, o.progress, [&](std::size_t k) {
        return score(*detail::bootstrap_draw(g, ids, o.seed, k));
    });
    return bootstrap_result(observed, std::move(null), o.level, o.null_value);
}
}  // namespace detail

KETENNET_INLINE BootstrapResult bootstrap(const View& g, const std::string& statistic,
                                          const BootstrapOptions& options) {
    check_statistic(statistic, "bootstrap");
    return detail::bootstrap(g, [&](const View& v) { return stats::statistic(v, statistic); }, options,
                             detail::what(statistic));
}

KETENNET_INLINE BootstrapResult bootstrap(const View& g, const Scorer& statistic, const BootstrapOptions& options) {
    return detail::bootstrap(g, statistic, options, "");
}

}  // namespace ketennet::stats
