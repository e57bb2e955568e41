#pragma once
/// @file homophily.hpp
/// @brief Ties within and between groups: Krackhardt & Stern's E-I index, the attribute
/// mixing matrix and Newman's attribute assortativity.
#include <vector>

#include "ketennet/brokerage/partition.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

/// The E-I index at the three levels. External (E) and internal (I) sums of tie weights
/// (tie counts in an unweighted view); ei = (E - I) / (E + I), NaN when E + I = 0.
struct EIIndex {
    double external = 0.0, internal = 0.0, ei = 0.0;       ///< network level
    std::vector<double> group_external, group_internal, group_ei;  ///< per group
    std::vector<double> external_of, internal_of, ei_of;   ///< per organisation
};

/// Krackhardt & Stern's (1988) E-I index: (E - I) / (E + I), from -1 (all ties inside the
/// groups) to +1 (all ties across groups).
///
/// Conventions: every tie of the view counts once (an arc of a directed view, an edge of an
/// undirected one) with its weight (1 unweighted); self-loops are left out (a tie with
/// oneself is neither external nor internal).
/// - network: E = ties between different groups, I = ties within a group;
/// - group g: E = ties with exactly one end in g, I = ties with both ends in g (each once);
/// - organisation v: E, I = its ties (in and out) to other groups / its own group.
/// NaN where there are no ties.
[[nodiscard]] EIIndex ei_index(const View& g, const Partition& p);

/// The attribute mixing matrix (NetworkX `attribute_mixing_matrix`): M[a][b] = the ties
/// (weights, in a weighted view) from an organisation of group a to one of group b, row-major
/// k x k. An undirected tie counts in both directions, a self-loop once, as in NetworkX.
/// With @p normalized the entries are divided by their sum (NaN everywhere when there are
/// no ties).
[[nodiscard]] std::vector<double> mixing_matrix(const View& g, const Partition& p, bool normalized = true);

/// Newman's (2003) attribute assortativity coefficient (NetworkX
/// `attribute_assortativity_coefficient`):
///   r = (sum_a e_aa - sum_a a_a b_a) / (1 - sum_a a_a b_a),
/// with e the normalised mixing matrix, a its row sums and b its column sums. 1 when every tie
/// stays within its group; NaN when all ties fall in one group (0 / 0); 0 when the view has
/// no ties, as NetworkX (its mixing matrix is then empty: sums of nothing).
[[nodiscard]] double assortativity(const View& g, const Partition& p);

}  // namespace ketennet::brokerage

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/brokerage/impl/homophily.ipp"
#endif
