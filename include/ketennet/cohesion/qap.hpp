#pragma once
/// @file qap.hpp
/// @brief QAP (quadratic assignment procedure) correlation of two layers: does one kind of
/// tie follow another (information exchange and formal agreements, say)?
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

/// Options of qap().
struct QapOptions {
    /// Number of random permutations (sna::qaptest's `reps`, default 1000). At least 1.
    std::size_t permutations = 1000;
    /// Seed: the k-th permutation is drawn from its own generator seeded by (seed, k), so the
    /// result depends on the seed only, never on the thread count.
    std::uint64_t seed = 0;
    unsigned threads = 0;      ///< threads (0 = all)
    ProgressHandler progress{};  ///< progress and cancellation (see progress.hpp)
};

/// Result of qap().
struct QapResult {
    double correlation = 0.0;          ///< observed graph correlation (sna::gcor)
    double p_greater = 0.0;            ///< share of permutations with r_perm >= r_obs
    double p_less = 0.0;               ///< share of permutations with r_perm <= r_obs
    double p_abs = 0.0;                ///< share with |r_perm| >= |r_obs|
    std::vector<double> permutations;  ///< r of each permutation, in draw order
};

/// QAP test of the graph correlation of two views over the same organisations
/// (Krackhardt 1987; R's sna::qaptest with sna::gcor).
///
/// Correlation: Pearson's r between the off-diagonal cells of the two adjacency matrices
/// (weights, or 1 for a tie, 0 for none; self-loops left out, sna's `diag = FALSE`):
///   r = (N S_ab - S_a S_b) / sqrt((N S_aa - S_a^2)(N S_bb - S_b^2)),  N = n (n - 1).
/// Undirected views use every cell, which gives the same r as sna's upper triangle.
/// Null distribution: the rows and columns of @p b are permuted together by a uniformly random
/// permutation (b'_ij = b_pi(i)pi(j)), `permutations` times, and r recomputed;
/// p_greater = share of r' >= r, p_less = share of r' <= r (sna's pgreq, pleeq), p_abs =
/// share of |r'| >= |r| (two-sided).
/// InputError when the views differ in organisations or directedness, have fewer than three
/// organisations, or one has no variance (an empty or a complete layer), naming which.
/// Cost: O(permutations * m_a log d_b), parallel over permutations.
[[nodiscard]] QapResult qap(const View& a, const View& b, const QapOptions& options = {});

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/qap.ipp"
#endif
