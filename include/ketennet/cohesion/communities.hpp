#pragma once
/// @file communities.hpp
/// @brief Communities: groups of organisations tied more densely among themselves than to
/// the rest (Louvain, Leiden), and their modularity.
///
/// Quality function: modularity with a resolution γ (Newman & Girvan 2004; directed:
/// Leicht & Newman 2008), exactly as NetworkX's `community.modularity`:
///   undirected  Q = sum_c [ L_c / m  - γ (d_c / 2m)^2 ],
///   directed    Q = sum_c [ L_c / m  - γ d_c^out d_c^in / m^2 ],
/// with L_c the weight of the ties inside community c (a self-loop once), d_c the summed
/// (weighted) degrees of its organisations (an undirected self-loop counts twice) and m the
/// total weight of the ties.
///
/// Both algorithms are deterministic for a seed: the random numbers come from a SplitMix64
/// generator (Steele, Lea & Flood 2014) implemented here, not from the standard library's
/// distributions, so results are the same on every platform.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

/// Community detection method.
enum class CommunityMethod {
    louvain,  ///< Blondel, Guillaume, Lambiotte & Lefebvre (2008), as NetworkX's louvain_communities
    leiden,   ///< Traag, Waltman & van Eck (2019)
};

/// Options of communities().
struct CommunityOptions {
    CommunityMethod method = CommunityMethod::louvain;
    double resolution = 1.0;     ///< γ: above 1 favours smaller communities
    std::uint64_t seed = 0;      ///< the random order of organisations (and Leiden's refinement)
    double threshold = 1e-7;     ///< Louvain: stop when a level gains at most this modularity
    int iterations = 2;          ///< Leiden: runs, each from the previous result; < 0: until stable
    double randomness = 0.01;    ///< Leiden: θ of the refinement step
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
};

/// Result of communities().
struct CommunityResult {
    /// membership[v] = community of organisation v; communities numbered 0, 1, ... by size,
    /// largest first (equal sizes: by their first organisation in network order).
    std::vector<std::size_t> membership;
    std::vector<std::size_t> size;  ///< organisations per community
    double modularity = 0.0;        ///< of membership (NaN for a view without ties)
    std::size_t levels = 0;         ///< aggregation levels (Louvain) or node-moving rounds (Leiden)
};

/// Modularity of a partition (membership[v] = community label of organisation v, any
/// non-negative integers), exactly as NetworkX's `community.modularity` (see the file
/// comment for the formula; weights are the view's, 1 per tie when unweighted).
/// InputError when the view has no ties (NetworkX divides by zero) or a weight is negative.
[[nodiscard]] double modularity(const View& view, const std::vector<std::size_t>& membership,
                                double resolution = 1.0);

/// Communities of the view by Louvain or Leiden, maximising modularity (file comment).
///
/// Louvain (Blondel et al. 2008) follows NetworkX's `louvain_communities`: organisations are
/// visited in a random order fixed per level, each moves to the neighbouring community with
/// the largest positive modularity gain until no move improves; communities are then
/// merged into single nodes and the process repeats until a level gains at most
/// `threshold`. Directed views use the directed gain (Dugué & Perez 2015), as NetworkX.
///
/// Leiden (Traag, Waltman & van Eck 2019) adds a refinement step that guarantees connected
/// communities: after fast local moving, each community is split into well-connected
/// sub-communities (random merges with probability ∝ exp(gain/θ)), and the aggregate is
/// built from those; `iterations` runs, each starting from the previous result (igraph's
/// default is 2).
///
/// Weights are the view's (1 per tie when unweighted), finite and >= 0. A view without
/// ties gives every organisation its own community and modularity NaN. Resolution must be
/// > 0. Deterministic for a seed.
///
/// Progress (options.progress) is reported after each Louvain level, as 1 - k / n with k
/// the communities found so far and n the organisations; and after each Leiden node-moving
/// round and run, as the runs done over `iterations` (over 1,000 when iterations < 0);
/// then 1.0 at the end. A handler that returns false stops the call with Cancelled.
[[nodiscard]] CommunityResult communities(const View& view, const CommunityOptions& options = {});

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/communities.ipp"
#endif
