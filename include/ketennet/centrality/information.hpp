#pragma once
/// @file information.hpp
/// @brief Information centrality (Stephenson & Zelen 1989).
#include <vector>

#include "ketennet/centrality/current_flow_closeness.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::centrality {

/// Information centrality of every organisation.
///
/// Definition (Stephenson & Zelen 1989): information travels along every path, each carrying
/// information in inverse proportion to its length, with paths combined like resistors in an
/// electrical network. With B = L + J (L the Laplacian with conductances w, J the all-ones
/// matrix) and C = B^{-1}, the information between v and t is I(v, t) = 1 / (C_vv + C_tt -
/// 2 C_vt) = 1 / R(v, t), R the effective resistance, and Stephenson & Zelen's centrality is
/// the harmonic mean n / sum_t 1/I(v, t).
///
/// Conventions follow NetworkX's `information_centrality(G, weight=)`, which is the same
/// function as `current_flow_closeness_centrality` (Brandes & Fleischer 2005 proved the two
/// notions equal up to a constant): the value is
///
///   I(v) = 1 / sum_{t != v} R(v, t),
///
/// Stephenson & Zelen's value divided by n. Weights are **strengths** (conductances > 0);
/// undirected, connected networks of at least two organisations only (InputError naming the
/// problem otherwise). See current_flow_closeness() for the computation (sparse LDL^T of the
/// grounded Laplacian, no dense inverse; parallel with identical results for every thread
/// count).
[[nodiscard]] std::vector<double> information(const View& g, const CurrentFlowOptions& opt = {});

}  // namespace ketennet::centrality

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/centrality/impl/information.ipp"
#endif
