#pragma once
/// @file efficiency.hpp
/// @brief Global and local efficiency (Latora & Marchiori 2001): how well information can
/// travel through the whole network, and around each organisation when it drops out.
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::flow {

/// Options of the efficiency functions.
struct EfficiencyOptions {
    /// Threads (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
};

/// Global efficiency of the view (Latora & Marchiori 2001).
///
/// Definition:
///   E_glob = 1 / (n (n - 1)) * sum over ordered pairs i != j of 1 / d(i, j),
/// where d(i, j) is the shortest-path distance from i to j (hops in an unweighted view, the
/// sum of weights, read as distances such as latency in days, in a weighted one) and
/// 1 / d = 0 when j cannot be reached. In an undirected view each unordered pair counts in
/// both orders, which gives NetworkX's `global_efficiency` (undirected, unweighted) exactly.
/// Directed views use directed distances, as Latora & Marchiori do. 0 for n < 2.
/// Weighted views need positive distances (InputError otherwise). Parallel over sources, the
/// sum taken in a fixed block order: identical results for every thread count.
[[nodiscard]] double global_efficiency(const View& g, const EfficiencyOptions& opt = {});

/// Local efficiency of every organisation (Latora & Marchiori 2001).
///
/// Definition: E_loc(v) = E_glob(G[N(v)]), the global efficiency of the subgraph induced by
/// the neighbours N(v) of v (v itself excluded; in a directed view the in- and
/// out-neighbours, with the subgraph keeping directions and weights):
///   E_loc(v) = 1 / (k (k - 1)) * sum over ordered pairs i != j in N(v) of 1 / d_v(i, j),
/// with k = |N(v)| and d_v the distance inside G[N(v)]; 0 when k < 2. How well the
/// neighbours of an organisation still reach each other without it: fault tolerance.
/// For an undirected unweighted view without self-loops, the mean over all organisations
/// (average_local_efficiency) is NetworkX's `local_efficiency`. (With a self-loop NetworkX
/// counts v as its own neighbour; ketennet never does.) Weighted views need positive
/// distances. Parallel over organisations, identical for every thread count.
[[nodiscard]] std::vector<double> local_efficiency(const View& g, const EfficiencyOptions& opt = {});

/// Mean local efficiency over all organisations (NetworkX `local_efficiency`); 0 for n = 0.
[[nodiscard]] double average_local_efficiency(const View& g, const EfficiencyOptions& opt = {});

}  // namespace ketennet::flow

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/flow/impl/efficiency.ipp"
#endif
