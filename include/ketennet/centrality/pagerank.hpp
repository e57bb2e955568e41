#pragma once
/// @file pagerank.hpp
/// @brief PageRank (Brin & Page 1998) by power iteration.
#include <cstddef>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Networks with fewer in-ties plus organisations run pagerank() on one thread (measured:
/// at 6 * 10^4 two threads were no faster; waiting for each other every iteration costs
/// more than the sweep saves).
inline constexpr std::size_t pagerank_parallel_work = std::size_t(1) << 18;
/// Organisations per block of pagerank(): sums (dangling mass, change) are taken per block
/// and the blocks added in order, so the result does not depend on the thread count.
inline constexpr std::size_t pagerank_block = 2048;

/// Options of pagerank(); the defaults are NetworkX's.
struct PageRankOptions {
    /// Damping factor: the probability of following a tie rather than jumping (in [0, 1]).
    double alpha = 0.85;
    /// Where jumps land, one value per organisation (divided by its sum); empty: uniform.
    std::vector<double> personalization{};
    /// Most power iterations before ConvergenceError.
    std::size_t max_iter = 100;
    /// Stop when the L1 change of an iteration is below n * tol.
    double tol = 1e-6;
    /// Start vector, one value per organisation (divided by its sum); empty: uniform.
    std::vector<double> nstart{};
    /// Where walkers at organisations without outgoing ties go (divided by its sum); empty:
    /// as personalization.
    std::vector<double> dangling{};
    /// Threads for the power iteration (0 = all hardware threads). Used only on networks of
    /// at least pagerank_parallel_work in-ties plus organisations (below, one thread is
    /// faster); the values are bit-identical for any number of threads.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
};

namespace reference {

/// pagerank() as the textbook power iteration (NetworkX's), one plain sweep over the CSR
/// in-lists per iteration: with y(u) = x(u) / s(u) (0 for a dangling u), L the dangling mass
/// sum_{u dangling} x(u) (added in ascending organisation id) and the in-ties of v added in
/// the view's order,
///   x'(v) = alpha * (sum_{u -> v} w(u, v) y(u) + L d(v)) + (1 - alpha) p(v),
/// until sum_v |x'(v) - x(v)| < n * tol. One thread (opt.threads is not used). Same checks,
/// definition and conventions as pagerank(); see there.
[[nodiscard]] std::vector<double> pagerank(const View& g, const PageRankOptions& opt = {});

}  // namespace reference

/// PageRank of every organisation: the share of time a random walker spends there.
///
/// Definition (Brin & Page 1998): the stationary distribution of the walk that follows a
/// tie u -> v with probability alpha * w(u, v) / s(u) (s(u) the out-strength of u) and jumps
/// with probability 1 - alpha to an organisation drawn from the personalization p; a walker
/// at an organisation without outgoing ties (dangling) jumps as the dangling distribution d:
///
///   x(v) = alpha * ( sum_{u -> v} x(u) w(u, v) / s(u) + sum_{u dangling} x(u) d(v) ) + (1 - alpha) p(v).
///
/// Conventions follow NetworkX's `pagerank` exactly (same power iteration, start vector,
/// stopping rule: L1 change below n * tol, at most max_iter iterations), so the values agree
/// with NetworkX's to rounding. Weights are **strengths** (volume: more cases, more traffic)
/// and must be >= 0; unweighted, every tie weighs 1 (NetworkX's default `weight="weight"`
/// reads a `weight` attribute; ketennet's views have no implicit weight). An undirected tie
/// is followed both ways. The values sum to 1.
///
/// Throws ConvergenceError after max_iter iterations without convergence (NetworkX:
/// PowerIterationFailedConvergence), InputError on a bad alpha or vector.
///
/// Runs the fast kernel (detail/pagerank_kernel.hpp), or reference::pagerank() when built
/// with KETENNET_FAST_KERNELS=OFF (KETENNET_REFERENCE_KERNELS). Cost: O(n + m) to regroup
/// the in-ties by in-degree (on the first call on a view only: detail::pagerank_layout keeps
/// them with it), then O(n + m) per iteration. One thread, 5 ties per organisation, later
/// calls on a view: about 1.7 us per iteration at 10^3 organisations and 25 us at 10^4. On
/// large networks the organisations are split among threads (sums in fixed blocks of
/// pagerank_block organisations, added in block order: the same values for any thread
/// count; on networks of more than pagerank_block organisations they may differ from the
/// reference's plain left-to-right sum, and from NetworkX, in the last bits).
[[nodiscard]] std::vector<double> pagerank(const View& g, const PageRankOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/pagerank.ipp"
#endif
