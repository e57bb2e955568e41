#pragma once
/// @file resampling.hpp
/// @brief Tests of a network statistic against random graphs: the conditional uniform graph
/// test (cug_test), the permutation test of two networks on the same organisations
/// (permutation_test) and the vertex bootstrap (bootstrap).
///
/// Conventions shared by the three:
/// - A statistic is a name of statistics.hpp (scored in C++ on every draw, in parallel) or a
///   Scorer, a function of a View that must be safe to call from several threads at once.
/// - Draw k (k = 0 .. reps - 1) is built from its own random stream SplitMix64(seed, k)
///   (support/random.hpp): every result depends on the seed only, never on the thread count.
/// - Draws are Views over the organisations of the observed view (same ids, same
///   directedness); unweighted unless the observed view is weighted, in which case the tie
///   values travel with the ties as each test documents.
/// - p-values count the draws whose statistic is defined (not NaN); p_greater is the share of
///   those with a value >= the observed one, p_less <=, p_abs with |value| >= |observed|
///   (sna's pgreq, pleeq and pgreqabs); comparisons allow 1e-12 relative, so that a draw
///   equal to the observed value counts on both sides despite rounding. NaN when no draw is
///   defined.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::stats {

/// A statistic of a view; must be safe to call from several threads at once.
using Scorer = std::function<double(const View&)>;

/// What a conditional uniform graph draw keeps of the observed graph (sna::cug.test's cmode).
enum class Given {
    /// Only the number of organisations: every dyad independently present with probability
    /// 1/2 (each arc of a directed view, each pair of an undirected one; sna "size").
    size,
    /// The number of ties: uniform over the graphs with the observed number of arcs
    /// (directed) or edges (undirected), sna "edges" (rgnm).
    edges,
    /// The dyad census (directed): uniform over the graphs with the observed numbers of
    /// mutual, asymmetric and null pairs, sna "dyad.census" (rguman, method "exact"). In an
    /// undirected view every tie is mutual, and this is `edges`.
    dyad_census,
};

/// Options of cug_test().
struct CugOptions {
    Given given = Given::size;  ///< what the draws keep
    std::size_t reps = 1000;    ///< number of draws (sna's reps), at least 1
    std::uint64_t seed = 0;     ///< draw k uses SplitMix64(seed, k)
    unsigned threads = 0;       ///< threads (0 = all)
    ProgressHandler progress{}; ///< progress and cancellation (see progress.hpp)
};

/// Options of permutation_test().
struct PermutationOptions {
    std::size_t reps = 1000;    ///< number of permutations, at least 1
    std::uint64_t seed = 0;     ///< permutation k uses SplitMix64(seed, k)
    unsigned threads = 0;       ///< threads (0 = all)
    ProgressHandler progress{}; ///< progress and cancellation
};

/// Options of bootstrap().
struct BootstrapOptions {
    std::size_t reps = 1000;    ///< number of bootstrap samples, at least 1
    std::uint64_t seed = 0;     ///< sample k uses SplitMix64(seed, k)
    double level = 0.95;        ///< confidence level of the percentile interval, in (0, 1)
    double null_value = 0.0;    ///< the value of the statistic the p-values test
    unsigned threads = 0;       ///< threads (0 = all)
    ProgressHandler progress{}; ///< progress and cancellation
};

/// Result of cug_test().
struct CugResult {
    double statistic = 0.0;   ///< the statistic of the observed view (self-loops left out)
    double p_greater = 0.0;   ///< share of draws >= statistic (sna's Pr(X>=Obs))
    double p_less = 0.0;      ///< share of draws <= statistic (sna's Pr(X<=Obs))
    /// Two-sided: min(1, 2 min(p_greater, p_less)), the equal-tailed p-value.
    double p_value = 0.0;
    std::vector<double> null;  ///< the statistic of each draw, in draw order
};

/// Result of permutation_test().
struct PermutationResult {
    double statistic = 0.0;    ///< s(a) - s(b)
    double statistic_a = 0.0;  ///< s(a)
    double statistic_b = 0.0;  ///< s(b)
    double p_greater = 0.0;    ///< share of permuted differences >= the observed one
    double p_less = 0.0;       ///< share <= the observed one
    double p_abs = 0.0;        ///< share with |difference| >= |observed| (two-sided)
    double p_value = 0.0;      ///< p_abs
    std::vector<double> null;  ///< s(a') - s(b') of each permutation, in draw order
};

/// Result of bootstrap().
struct BootstrapResult {
    double statistic = 0.0;       ///< the statistic of the observed view
    double standard_error = 0.0;  ///< standard deviation of the defined draws (divisor B - 1)
    double ci_lower = 0.0;        ///< percentile interval: quantile (1 - level) / 2 of the draws
    double ci_upper = 0.0;        ///< quantile (1 + level) / 2 (linear interpolation, type 7)
    double null_value = 0.0;      ///< the value tested
    /// Share of centred draws t* - t >= t - null_value: small when t lies significantly above
    /// null_value (see bootstrap_result()).
    double p_greater = 0.0;
    /// Share of centred draws t* - t <= t - null_value: small when t lies significantly below.
    double p_less = 0.0;
    double p_value = 0.0;     ///< two-sided: share of |t* - t| >= |t - null_value|
    std::vector<double> null; ///< the statistic of each bootstrap sample, in draw order
};

/// The observed view as the CUG test scores it: @p g without its self-loops (sna's
/// diag = FALSE), with its ids, directedness and weights.
[[nodiscard]] ViewPtr without_self_loops(const View& g);

/// Draw @p k of the conditional uniform graph distribution of @p g given @p given, from
/// the stream SplitMix64(@p seed, @p k). No self-loops. Weights (a weighted @p g): given
/// edges, the observed tie values in random order on the drawn ties (sna's
/// ignore.eval = FALSE permutes the cells' values the same way); given dyad_census, each
/// drawn mutual pair gets the two values of a random observed mutual pair (in a random
/// orientation) and each asymmetric pair the value of a random observed asymmetric tie, each
/// observed pair used once; given size, InputError (the number of ties is not kept, so there
/// are no values to place).
[[nodiscard]] ViewPtr cug_draw(const View& g, Given given, std::uint64_t seed, std::size_t k);

/// Conditional uniform graph test (Anderson, Butts & Carley 1999; R's sna::cug.test): the
/// statistic of @p g (self-loops left out) against its distribution over `reps` draws of
/// cug_draw(). InputError for fewer than two organisations, reps = 0, an unknown statistic
/// name, or an observed statistic that is undefined (NaN).
[[nodiscard]] CugResult cug_test(const View& g, const std::string& statistic, const CugOptions& options = {});
/// cug_test() with a statistic of one's own.
[[nodiscard]] CugResult cug_test(const View& g, const Scorer& statistic, const CugOptions& options = {});
/// The p-values of a CUG test from the observed value and the draws (for draws scored
/// elsewhere, e.g. by a Python function).
[[nodiscard]] CugResult cug_result(double observed, std::vector<double> null);

/// @p b's ties on @p a's vertex order: a view with @p a's ids whose ties are those of @p b
/// (matched by organisation id). InputError when the two differ in directedness or in their
/// organisations (naming up to five missing on each side).
[[nodiscard]] ViewPtr aligned(const View& a, const View& b);

/// Permutation @p k of two views over the same organisations (@p b aligned to @p a, see
/// aligned()): each dyad (an unordered pair {i, j} with both its arcs i -> j and j -> i, or
/// a self-loop i -> i) is swapped between the two with probability 1/2, independently of
/// the others; the tie values move with the ties. Returns (a', b').
[[nodiscard]] std::pair<ViewPtr, ViewPtr> permutation_draw(const View& a, const View& b, std::uint64_t seed,
                                                           std::size_t k);

/// Permutation test of the difference of a statistic between two networks on the same
/// organisations (two layers, two periods): d = s(a) - s(b) against its distribution when
/// the labels a and b of each dyad are exchangeable (permutation_draw()). The two directions
/// of an unordered pair move together, so the test keeps each network's reciprocity
/// structure of a pair. InputError as aligned(), for reps = 0, an unknown statistic, or an
/// undefined observed statistic.
[[nodiscard]] PermutationResult permutation_test(const View& a, const View& b, const std::string& statistic,
                                                 const PermutationOptions& options = {});
/// permutation_test() with a statistic of one's own.
[[nodiscard]] PermutationResult permutation_test(const View& a, const View& b, const Scorer& statistic,
                                                 const PermutationOptions& options = {});
/// The p-values of a permutation test from the observed values and the permuted differences.
[[nodiscard]] PermutationResult permutation_result(double statistic_a, double statistic_b,
                                                   std::vector<double> null);

/// Vertex bootstrap sample @p k of @p g (Snijders & Borgatti 1999): organisations
/// s_1 .. s_n drawn with replacement from the n of @p g (stream SplitMix64(seed, k)); the
/// sample's tie k -> h is g's tie s_k -> s_h (its value with it); a self-loop k -> k is the
/// loop s_k -> s_k. When the same organisation was drawn twice (s_k = s_h, k != h), g has
/// no tie to copy, and, as Snijders & Borgatti prescribe, the tie k -> h is copied from a
/// uniformly random pair (u, v), u != v, of g (present or absent; in an undirected view one
/// random unordered pair for both directions). The sample keeps @p g's ids (position k is
/// labelled with g's k-th id).
[[nodiscard]] ViewPtr bootstrap_draw(const View& g, std::uint64_t seed, std::size_t k);

/// Vertex bootstrap of a statistic (Snijders & Borgatti 1999): the statistic t of @p g and of
/// `reps` samples bootstrap_draw(); the standard error is their standard deviation, the
/// interval their percentiles (bootstrap_result()). InputError for fewer than two
/// organisations, reps = 0, level outside (0, 1), an unknown statistic, or an undefined
/// observed statistic.
[[nodiscard]] BootstrapResult bootstrap(const View& g, const std::string& statistic,
                                        const BootstrapOptions& options = {});
/// bootstrap() with a statistic of one's own.
[[nodiscard]] BootstrapResult bootstrap(const View& g, const Scorer& statistic,
                                        const BootstrapOptions& options = {});
/// Standard error, percentile interval and p-values from the observed value and the draws:
/// se = sd(t*) (divisor B - 1, over the defined draws; NaN for fewer than two);
/// interval = the (1 - level)/2 and (1 + level)/2 quantiles of t* (linear interpolation
/// between order statistics, R's type 7 and numpy's default);
/// p-values by the bootstrap test of Hall & Wilson (1991): the draws centred at the observed
/// value, t* - t, stand for the null distribution of t - theta_0, so
/// p_value = share of |t* - t| >= |t - null_value| (two-sided), p_greater = share of
/// t* - t >= t - null_value, p_less = share of t* - t <= t - null_value.
[[nodiscard]] BootstrapResult bootstrap_result(double observed, std::vector<double> null, double level,
                                               double null_value);

}  // namespace ketennet::stats

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/stats/impl/resampling.ipp"
#endif
