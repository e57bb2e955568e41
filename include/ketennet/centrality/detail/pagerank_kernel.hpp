#pragma once
/// @file pagerank_kernel.hpp
/// @brief The fast kernel of centrality::pagerank(): the power iteration of
/// centrality::reference::pagerank() over the in-ties regrouped by in-degree (a sliced
/// ELLPACK layout kept with the view), with SSE2 on x86-64, and in parallel on large networks.
///
/// Why: PageRank is called many times on one network (damping factors, personalizations) and
/// on networks of 10^4 organisations and more. One thread, 5 ties per organisation, later
/// calls on a view: about 1.7 us per iteration at 10^3 organisations and 25 us at 10^4,
/// against 3.2 and 42-50 us for a sweep over the plain CSR lists. Whole calls against the
/// reference (one thread, random directed networks of 5 ties per organisation, weights
/// 1..100, shared two-core machine): 0.035 against 0.066 ms at 10^3, 0.29 against 0.89 ms at
/// 10^4. Each organisation's
/// in-ties are added in the view's order, as the reference adds them; the dangling mass and
/// the L1 change are summed per block of pagerank_block organisations and the blocks added in
/// order. Up to pagerank_block organisations the values are the reference's bit for bit (the
/// L1 change, summed in another order, could only make the two stop one iteration apart
/// when it falls within rounding of n * tol); on larger networks the dangling mass, added
/// block by block, may differ from the reference's left-to-right sum in the last bits (and so
/// may the values). The result does not depend on the thread count.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "ketennet/centrality/pagerank.hpp"
#include "ketennet/linalg/iteration.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"
#include "ketennet/view/weights.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#define KETENNET_PAGERANK_SSE2 1
#else
#define KETENNET_PAGERANK_SSE2 0
#endif

namespace ketennet::centrality {

namespace detail {

/// What pagerank() iterates on, checked and prepared alike for the fast kernel and the
/// reference (every vector by organisation id).
struct PageRankProblem {
    double alpha = 0.85;
    double tol = 1e-6;
    std::size_t max_iter = 100;
    unsigned threads = 0;
    /// personalization and dangling are both NetworkX's default, 1 / n everywhere (then
    /// personalization and dangling below are empty).
    bool uniform = true;
    std::vector<double> personalization;  ///< p, summing to 1 (when not uniform)
    std::vector<double> dangling;         ///< d, summing to 1 (when not uniform)
    std::vector<double> start;            ///< x0, summing to 1
    /// Told after each iteration the fraction done, iteration / max_iter, then 1.0 when
    /// converged; returning false cancels (Cancelled).
    ProgressHandler progress;
};

/// The hint of pagerank()'s ConvergenceError.
inline constexpr const char* pagerank_not_converged_hint =
    "raise max_iter or tol (NetworkX would raise PowerIterationFailedConvergence)";


/// In-degrees up to this one get straight-line code in the PageRank sweep; higher ones a loop.
inline constexpr std::size_t pagerank_widest = 12;

/// The in-ties of the view regrouped, block by block, by the in-degree of their target, in
/// the spirit of the sliced ELLPACK format (Kreutzer, Hager, Wellein, Fehske & Bishop 2014,
/// SELL-C-sigma: rows sorted by length within slices, here the blocks of pagerank_block
/// organisations, but without padding the rows to equal length). Within a block the
/// organisations of in-degree 0, 1, ..., pagerank_widest and then the rest follow each other
/// (stably), and their in-neighbours (and weights) are copied in that order, each class
/// followed by `gap` spare entries. Summing over a class of equal
/// in-degree takes a fixed number of loads from one sequential stream, with no loop whose
/// exit the branch predictor would miss at nearly every organisation, which is what limits a
/// sweep over plain CSR lists on sparse networks. (Reading the lists in place, through the
/// CSR offsets, measured 1.3-1.7x slower than copying them.)
struct InDegreeClasses {
    static constexpr std::size_t classes = pagerank_widest + 2;  ///< 0..widest, and wider
    /// Spare entries after each class's ties in sources (and weights).
    static constexpr std::size_t gap = pagerank_widest;
    /// The organisation at each position: block by block (a block's positions are its own
    /// organisations' ids, [b * pagerank_block, ...)), by in-degree class, stably.
    std::vector<vertex_t> order;
    std::vector<vertex_t> rank;       ///< the position of each organisation (order's inverse)
    std::vector<vertex_t> sources;    ///< positions of the in-neighbours of order[0], order[1], ...
    std::vector<double> weights;      ///< parallel to sources (weighted views only)
    std::vector<std::size_t> bounds;  ///< per block, classes + 1 positions
    std::vector<std::size_t> first;   ///< per block, its first entry in sources
    /// Positions of the organisations without out-strength, block by block, each block's in
    /// ascending organisation id (the order of NetworkX's sum over them).
    std::vector<vertex_t> dangling;
    std::vector<std::size_t> dangling_first;  ///< per block (and one past), into dangling

    /// @p inv: 1 / out-strength of each organisation (by id), 0 for a dangling one.
    InDegreeClasses(const View& g, std::size_t blocks, const std::vector<double>& inv) {
        constexpr std::size_t W = pagerank_widest;
        const std::size_t n = g.n();
        const bool weighted = g.weighted();
        const std::size_t* off = g.in_offsets().data();
        const vertex_t* adj = g.in_adjacency().data();
        const double* wts = g.in_adjacency_weights().data();
        const std::size_t ties = g.in_adjacency().size();
        order.resize(n);
        rank.resize(n);
        const std::size_t spare = blocks * classes * gap;
        sources.resize(ties + spare);
        if (weighted) weights.resize(ties + spare);
        bounds.resize(blocks * (classes + 1));
        first.resize(blocks);
        dangling_first.resize(blocks + 1);
        std::size_t pos = 0;
        for (std::size_t b = 0; b < blocks; ++b) {
            const std::size_t lo = b * pagerank_block, hi = std::min(n, lo + pagerank_block);
            std::size_t* bd = bounds.data() + b * (classes + 1);
            std::size_t count[classes] = {}, tie_count[classes] = {};
            for (std::size_t v = lo; v < hi; ++v) {
                const std::size_t d = off[v + 1] - off[v], c = std::min(d, W + 1);
                ++count[c];
                tie_count[c] += d;
            }
            // each class's ties, then `gap` spare entries (see below)
            std::size_t fill[classes], tie_fill[classes];
            bd[0] = lo;
            first[b] = pos;
            for (std::size_t c = 0; c < classes; ++c) {
                bd[c + 1] = bd[c] + count[c];
                fill[c] = bd[c];
                tie_fill[c] = pos;
                pos += tie_count[c] + gap;
            }
            // organisations in their order: ties are read in sequence and written to one
            // of the classes' streams; a short list is copied W entries at a time, its
            // surplus overwritten by the next list of its class or falling into the gap
            for (std::size_t v = lo; v < hi; ++v) {
                const std::size_t start = off[v], d = off[v + 1] - start, c = std::min(d, W + 1);
                rank[v] = vertex_t(fill[c]);
                order[fill[c]++] = vertex_t(v);
                const std::size_t to = tie_fill[c];
                tie_fill[c] += d;
                if (d <= W && start + W <= ties) {  // fixed-width copies: no branch on d
                    std::memcpy(sources.data() + to, adj + start, W * sizeof(vertex_t));
                    if (weighted) std::memcpy(weights.data() + to, wts + start, W * sizeof(double));
                } else if (d > 0) {
                    std::memcpy(sources.data() + to, adj + start, d * sizeof(vertex_t));
                    if (weighted) std::memcpy(weights.data() + to, wts + start, d * sizeof(double));
                }
            }
            dangling_first[b] = dangling.size();
            for (std::size_t v = lo; v < hi; ++v)
                if (inv[v] == 0.0) dangling.push_back(vertex_t(v));
        }
        dangling_first[blocks] = dangling.size();
        // organisation ids to positions; every entry holds an id, the gaps' spare entries too
        // (0 from the resize, or a later list's ties from a fixed-width copy), never read as a tie
        for (vertex_t& u : sources) u = rank[u];
        for (vertex_t& v : dangling) v = rank[v];
    }

    /// The mass x (by position) puts on the dangling organisations of block @p b, summed in
    /// their order.
    double dangling_mass(std::size_t b, const double* x) const noexcept {
        double l = 0.0;
        for (std::size_t k = dangling_first[b]; k < dangling_first[b + 1]; ++k) l += x[dangling[k]];
        return l;
    }

    /// @p values (by organisation id) by position.
    std::vector<double> by_position(const double* values) const {
        std::vector<double> r(order.size());
        for (std::size_t p = 0; p < order.size(); ++p) r[p] = values[order[p]];
        return r;
    }
    /// @p values (by position) by organisation id.
    std::vector<double> by_id(const std::vector<double>& values) const {
        std::vector<double> r(order.size());
        for (std::size_t p = 0; p < order.size(); ++p) r[order[p]] = values[p];
        return r;
    }
};

/// What one PageRank sweep reads and writes, every array by position (InDegreeClasses::order):
/// x(v) = alpha * (sum + lost * jump(v)) + teleport(v)
/// with sum the in-ties' y(u) = x(u) / s(u) (times w(u, v) when weighted). Uniform: the
/// personalization and dangling distributions are NetworkX's default, 1 / n everywhere, and
/// jump(v), teleport(v) are the constants jump[0], teleport[0] (the same values, without two
/// loads per organisation, which measured 16-18% of a sweep at 10^3 organisations).
template <bool Uniform>
struct PageRankSweep {
    const double* x;
    const double* y;
    const double* inv;
    const double* jump;
    const double* teleport;
    double* xn;
    double* yn;
    double alpha;
    double lost;

    /// Updates the organisation at position v from @p sum; returns |x'(v) - x(v)|.
    double update(vertex_t v, double sum) const noexcept {
        const double xv = alpha * (sum + lost * jump[Uniform ? 0 : v]) + teleport[Uniform ? 0 : v];
        xn[v] = xv;
        yn[v] = xv * inv[v];
        return std::abs(xv - x[v]);
    }
#if KETENNET_PAGERANK_SSE2
    /// update() of the organisations at positions v and v + 1 at once, from their sums in
    /// @p sum's two lanes; adds |x' - x| of each to its lane of @p err. Each lane does
    /// update()'s operations in its order: the same values, bit for bit.
    void update2(std::size_t v, __m128d sum, __m128d& err) const noexcept {
        const __m128d a = _mm_set1_pd(alpha), l = _mm_set1_pd(lost);
        const __m128d j = Uniform ? _mm_set1_pd(jump[0]) : _mm_loadu_pd(jump + v);
        const __m128d t = Uniform ? _mm_set1_pd(teleport[0]) : _mm_loadu_pd(teleport + v);
        const __m128d xv = _mm_add_pd(_mm_mul_pd(a, _mm_add_pd(sum, _mm_mul_pd(l, j))), t);
        _mm_storeu_pd(xn + v, xv);
        _mm_storeu_pd(yn + v, _mm_mul_pd(xv, _mm_loadu_pd(inv + v)));
        const __m128d change = _mm_sub_pd(xv, _mm_loadu_pd(x + v));
        err = _mm_add_pd(err, _mm_andnot_pd(_mm_set1_pd(-0.0), change));  // |change|
    }
#endif
};

/// Sum over the D in-ties at src (weights at w): a fixed number of loads, no loop exit.
template <std::size_t D, bool Weighted>
inline double tie_sum(const vertex_t* src, const double* w, const double* y) noexcept {
    double s = 0.0;
    for (std::size_t k = 0; k < D; ++k) s += Weighted ? w[k] * y[src[k]] : y[src[k]];
    return s;
}

/// Sweeps the organisations at positions [a, b), all of in-degree D, advancing src and w past
/// their ties; returns the L1 change, summed in four interleaved partial sums (organisations
/// i, i + 1, i + 2, i + 3) so the additions do not wait for each other. @p s is taken by
/// value: a local copy whose alpha and lost the stores through xn and yn cannot alias.
template <std::size_t D, bool Weighted, class Sweep>
inline double sweep_class(std::size_t a, std::size_t b, const vertex_t*& src, const double*& w,
                          const Sweep s) noexcept {
    constexpr std::size_t WD = Weighted ? D : 0;  // w advances only when weighted
    double e0 = 0.0, e1 = 0.0, e2 = 0.0, e3 = 0.0;
    std::size_t i = a;
#if KETENNET_PAGERANK_SSE2
    // two organisations per SSE2 register: lanes (i, i + 1) and (i + 2, i + 3) hold what e0,
    // e1 and e2, e3 hold below, each summed in the same order
    __m128d e01 = _mm_setzero_pd(), e23 = _mm_setzero_pd();
    for (; i + 4 <= b; i += 4, src += 4 * D, w += 4 * WD) {
        __m128d s01 = _mm_setzero_pd(), s23 = _mm_setzero_pd();
        std::size_t k = 0;
        if constexpr (!Weighted)
            for (; k + 2 <= D; k += 2) {  // two ties' positions per 64-bit load
                std::uint64_t p0, p1, p2, p3;
                std::memcpy(&p0, src + k, 8);
                std::memcpy(&p1, src + D + k, 8);
                std::memcpy(&p2, src + 2 * D + k, 8);
                std::memcpy(&p3, src + 3 * D + k, 8);
                s01 = _mm_add_pd(s01, _mm_loadh_pd(_mm_load_sd(s.y + std::uint32_t(p0)), s.y + std::uint32_t(p1)));
                s23 = _mm_add_pd(s23, _mm_loadh_pd(_mm_load_sd(s.y + std::uint32_t(p2)), s.y + std::uint32_t(p3)));
                s01 = _mm_add_pd(s01, _mm_loadh_pd(_mm_load_sd(s.y + (p0 >> 32)), s.y + (p1 >> 32)));
                s23 = _mm_add_pd(s23, _mm_loadh_pd(_mm_load_sd(s.y + (p2 >> 32)), s.y + (p3 >> 32)));
            }
        for (; k < D; ++k) {
            __m128d y01 = _mm_loadh_pd(_mm_load_sd(s.y + src[k]), s.y + src[D + k]);
            __m128d y23 = _mm_loadh_pd(_mm_load_sd(s.y + src[2 * D + k]), s.y + src[3 * D + k]);
            if constexpr (Weighted) {
                y01 = _mm_mul_pd(_mm_loadh_pd(_mm_load_sd(w + k), w + WD + k), y01);
                y23 = _mm_mul_pd(_mm_loadh_pd(_mm_load_sd(w + 2 * WD + k), w + 3 * WD + k), y23);
            }
            s01 = _mm_add_pd(s01, y01);
            s23 = _mm_add_pd(s23, y23);
        }
        s.update2(i, s01, e01);
        s.update2(i + 2, s23, e23);
    }
    e0 = _mm_cvtsd_f64(e01);
    e1 = _mm_cvtsd_f64(_mm_unpackhi_pd(e01, e01));
    e2 = _mm_cvtsd_f64(e23);
    e3 = _mm_cvtsd_f64(_mm_unpackhi_pd(e23, e23));
#endif
    for (; i + 4 <= b; i += 4, src += 4 * D, w += 4 * WD) {
        e0 += s.update(vertex_t(i), tie_sum<D, Weighted>(src, w, s.y));
        e1 += s.update(vertex_t(i + 1), tie_sum<D, Weighted>(src + D, w + WD, s.y));
        e2 += s.update(vertex_t(i + 2), tie_sum<D, Weighted>(src + 2 * D, w + 2 * WD, s.y));
        e3 += s.update(vertex_t(i + 3), tie_sum<D, Weighted>(src + 3 * D, w + 3 * WD, s.y));
    }
    for (; i < b; ++i, src += D, w += WD) e0 += s.update(vertex_t(i), tie_sum<D, Weighted>(src, w, s.y));
    src += InDegreeClasses::gap;  // to the next class's ties
    if (Weighted) w += InDegreeClasses::gap;
    return (e0 + e1) + (e2 + e3);
}

/// One sweep over block @p b; returns its L1 change.
template <bool Weighted, class Sweep>
inline double sweep_block(const View& g, const InDegreeClasses& c, std::size_t b,
                          const Sweep& s) noexcept {
    const std::size_t* bd = c.bounds.data() + b * (InDegreeClasses::classes + 1);
    const vertex_t* src = c.sources.data() + c.first[b];
    const double* w = Weighted ? c.weights.data() + c.first[b] : nullptr;
    const vertex_t* order = c.order.data();
    double e = 0.0;
    static_assert(pagerank_widest == 12, "one sweep_class per in-degree up to pagerank_widest");
    e += sweep_class<0, Weighted>(bd[0], bd[1], src, w, s);
    e += sweep_class<1, Weighted>(bd[1], bd[2], src, w, s);
    e += sweep_class<2, Weighted>(bd[2], bd[3], src, w, s);
    e += sweep_class<3, Weighted>(bd[3], bd[4], src, w, s);
    e += sweep_class<4, Weighted>(bd[4], bd[5], src, w, s);
    e += sweep_class<5, Weighted>(bd[5], bd[6], src, w, s);
    e += sweep_class<6, Weighted>(bd[6], bd[7], src, w, s);
    e += sweep_class<7, Weighted>(bd[7], bd[8], src, w, s);
    e += sweep_class<8, Weighted>(bd[8], bd[9], src, w, s);
    e += sweep_class<9, Weighted>(bd[9], bd[10], src, w, s);
    e += sweep_class<10, Weighted>(bd[10], bd[11], src, w, s);
    e += sweep_class<11, Weighted>(bd[11], bd[12], src, w, s);
    e += sweep_class<12, Weighted>(bd[12], bd[13], src, w, s);
    const std::size_t* off = g.in_offsets().data();
    for (std::size_t i = bd[13]; i < bd[14]; ++i) {  // in-degree above pagerank_widest
        const vertex_t v = order[i];
        const std::size_t d = off[v + 1] - off[v];
        double sum = 0.0;
        for (std::size_t k = 0; k < d; ++k) sum += Weighted ? w[k] * s.y[src[k]] : s.y[src[k]];
        src += d;
        if (Weighted) w += d;
        e += s.update(vertex_t(i), sum);
    }
    return e;
}

/// What pagerank() needs of a view before iterating, a function of the view alone: the
/// inverse out-strengths (0 for a dangling organisation; NetworkX's Q) and the in-ties by
/// in-degree class. Built on the first call on a view and kept with it (View::derived,
/// view/derived.hpp), so repeated calls (other damping factors, personalizations) skip it:
/// at 10^3 organisations it costs about as much as two iterations.
struct PageRankLayout {
    InDegreeClasses classes;
    std::vector<double> inv;  ///< by position: 1 / out-strength, 0 for a dangling organisation

    explicit PageRankLayout(const View& g) : PageRankLayout(g, inverse_strengths(g)) {}

    /// 1 / out-strength of each organisation by id (0 for a dangling one).
    static std::vector<double> inverse_strengths(const View& g) {
        std::vector<double> inv(g.n(), 0.0);
        for (vertex_t u = 0; u < g.n(); ++u) {
            double s = 0.0;  // unweighted: the out-degree (a sum of ones, exactly)
            if (g.weighted())
                for (double w : g.out_weights(u)) s += w;
            else
                s = double(g.out_neighbours(u).size());
            if (s != 0.0) inv[u] = 1.0 / s;
        }
        return inv;
    }

private:
    PageRankLayout(const View& g, const std::vector<double>& inv_by_id)
        : classes(g, (std::size_t(g.n()) + pagerank_block - 1) / pagerank_block, inv_by_id),
          inv(classes.by_position(inv_by_id.data())) {}
};

/// The PageRankLayout of @p g, kept with the view (valid while @p g lives).
inline std::shared_ptr<const PageRankLayout> pagerank_layout(const View& g) {
    return g.derived<PageRankLayout>([&] { return std::make_shared<const PageRankLayout>(g); });
}

/// The power iteration of pagerank() on @p pr (n = g.n() > 0); throws ConvergenceError after
/// pr.max_iter iterations without convergence, Cancelled when pr.progress returns false.
inline std::vector<double> pagerank_kernel(const View& g, const PageRankProblem& pr) {
    const vertex_t n = g.n();
    const double N = double(n);
    const double alpha = pr.alpha;

    // the in-ties by in-degree class and the inverse out-strengths, kept with the view; the
    // iteration works on positions (classes.order), its vectors are permuted in and out
    const auto layout = pagerank_layout(g);
    const std::vector<double>& inv = layout->inv;
    const InDegreeClasses& classes = layout->classes;
    const bool weighted = g.weighted();

    // the jump distribution d and the teleport term (1 - alpha) p by position. With uniform
    // jumps the sweep reads only their first entries (PageRankSweep<true>).
    const bool uniform = pr.uniform;
    std::vector<double> jump{1.0 / N}, leap{(1.0 - alpha) * (1.0 / N)};
    if (!uniform) {
        jump = classes.by_position(pr.dangling.data());
        leap.resize(n);
        for (std::size_t q = 0; q < n; ++q) leap[q] = (1.0 - alpha) * pr.personalization[classes.order[q]];
    }
    std::vector<double> xa = classes.by_position(pr.start.data());

    // x: the values, y = x / s (what flows along each out-tie); two of each, swapped after
    // every iteration. Per block: the dangling mass of the values it wrote and their L1
    // change, each in two slots by iteration parity (one barrier per iteration suffices).
    std::vector<double> xb(n), ya(n), yb(n);
    const std::size_t blocks = (std::size_t(n) + pagerank_block - 1) / pagerank_block;
    std::vector<double> lost_part(2 * blocks, 0.0), err_part(2 * blocks, 0.0);
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t lo = b * pagerank_block, hi = std::min<std::size_t>(n, lo + pagerank_block);
        for (std::size_t u = lo; u < hi; ++u) ya[u] = xa[u] * inv[u];
        lost_part[b] = classes.dangling_mass(b, xa.data());
    }

    // threads take contiguous runs of blocks of about equal work (in-ties + organisations)
    const std::size_t arcs = g.in_adjacency().size();
    const unsigned threads =
        arcs + n < pagerank_parallel_work ? 1u : resolve_threads(pr.threads, blocks);
    std::vector<std::size_t> first_block(threads + 1, blocks);
    {
        first_block[0] = 0;
        unsigned t = 1;
        for (std::size_t b = 0; b < blocks && t < threads; ++b) {
            const std::size_t hi = std::min<std::size_t>(n, (b + 1) * pagerank_block);
            const std::size_t acc = g.in_offsets()[hi] + hi;
            while (t < threads && acc * threads >= t * (arcs + n)) first_block[t++] = b + 1;
        }
    }

    const double limit = N * pr.tol;
    std::size_t converged_at = pr.max_iter;  // iteration that converged (written by thread 0)
    double err = 0.0;
    // Progress: thread 0 (the calling thread) tells pr.progress after each iteration and, to
    // stop, sets the flag of the next iteration's parity, which every thread reads after that
    // iteration's sync (so all stop at the same iteration; no thread waits at a barrier alone).
    bool stop[2] = {false, false};
    std::exception_ptr failure;  // what the handler threw
    parallel_team(threads, [&](unsigned t, auto&& sync) {
        double* x = xa.data();
        double* y = ya.data();
        double* xn = xb.data();
        double* yn = yb.data();
        for (std::size_t it = 0; it < pr.max_iter; ++it) {
            const std::size_t par = it & 1;
            double lost = 0.0;  // mass at dangling organisations
            for (std::size_t b = 0; b < blocks; ++b) lost += lost_part[par * blocks + b];
            const PageRankSweep<true> uniform_sweep{x, y, inv.data(), jump.data(), leap.data(),
                                                            xn, yn, alpha, lost};
            const PageRankSweep<false> sweep{x, y, inv.data(), jump.data(), leap.data(),
                                                     xn, yn, alpha, lost};
            for (std::size_t b = first_block[t]; b < first_block[t + 1]; ++b) {
                err_part[par * blocks + b] =
                    uniform ? (weighted ? sweep_block<true>(g, classes, b, uniform_sweep)
                                        : sweep_block<false>(g, classes, b, uniform_sweep))
                            : (weighted ? sweep_block<true>(g, classes, b, sweep)
                                        : sweep_block<false>(g, classes, b, sweep));
                lost_part[(par ^ 1) * blocks + b] = classes.dangling_mass(b, xn);
            }
            sync();
            if (stop[par]) return;
            double change = 0.0;
            for (std::size_t b = 0; b < blocks; ++b) change += err_part[par * blocks + b];
            if (t == 0) err = change;
            if (change < limit) {
                if (t == 0) converged_at = it;
                return;
            }
            if (t == 0 && pr.progress) {
                try {
                    stop[par ^ 1] = !pr.progress(double(it + 1) / double(pr.max_iter));
                } catch (...) {
                    failure = std::current_exception();
                    stop[par ^ 1] = true;
                }
            }
            std::swap(x, xn);
            std::swap(y, yn);
        }
    });
    if (failure) std::rethrow_exception(failure);
    if (stop[0] || stop[1]) throw Cancelled();
    if (converged_at < pr.max_iter) {
        report_progress(pr.progress, 1.0);
        return classes.by_id((converged_at & 1) ? xa : xb);
    }
    linalg::not_converged("pagerank", pr.max_iter, err, limit, pagerank_not_converged_hint);
}

/// Checks the view, options and vectors of pagerank() (InputError naming the bad one) and
/// prepares them: the distributions divided by their sums, NetworkX's defaults filled in.
[[nodiscard]] inline PageRankProblem pagerank_problem(const View& g, const PageRankOptions& opt) {
    const char* name = "pagerank";
    require_weights(g, WeightRule::strength, name);
    linalg::require_in_range(name, "alpha", opt.alpha, 0.0, 1.0);
    linalg::require_in_range(name, "tol", opt.tol, 0.0, std::numeric_limits<double>::max());
    PageRankProblem pr;
    pr.alpha = opt.alpha;
    pr.tol = opt.tol;
    pr.max_iter = opt.max_iter;
    pr.threads = opt.threads;
    pr.progress = opt.progress;
    const vertex_t n = g.n();
    if (n == 0) return pr;
    const double N = double(n);
    const auto as_vector = [](const Eigen::VectorXd& x) { return std::vector<double>(x.data(), x.data() + x.size()); };
    pr.uniform = opt.personalization.empty() && opt.dangling.empty();
    if (!pr.uniform) {
        pr.personalization = opt.personalization.empty()
                                 ? std::vector<double>(n, 1.0 / N)
                                 : as_vector(linalg::distribution(g, opt.personalization, name, "personalization"));
        pr.dangling = opt.dangling.empty() ? pr.personalization
                                           : as_vector(linalg::distribution(g, opt.dangling, name, "dangling"));
    }
    pr.start = opt.nstart.empty() ? std::vector<double>(n, 1.0 / N)
                                  : as_vector(linalg::distribution(g, opt.nstart, name, "nstart"));
    return pr;
}

}  // namespace detail

}  // namespace ketennet::centrality
