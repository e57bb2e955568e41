#pragma once
/// @file partition_agreement.hpp
/// @brief How much two partitions of the same organisations agree: normalised mutual
/// information and the adjusted Rand index.
#include <cstdint>
#include <vector>

#include "ketennet/core/config.hpp"

namespace ketennet::cohesion {

/// Result of partition_agreement().
struct PartitionAgreement {
    double nmi = 0.0;  ///< normalised mutual information, in [0, 1]
    double ari = 0.0;  ///< adjusted Rand index, at most 1 (0: as by chance; may be negative)
};

/// Agreement of two partitions a and b of the same items (a[i], b[i]: labels of item i).
///
/// NMI (Danon et al. 2005; scikit-learn's default "arithmetic" normalisation, igraph's
/// compare_communities(method="nmi")): NMI = I(a; b) / ((H(a) + H(b)) / 2), with the
/// entropies and mutual information of the label frequencies (natural logarithms; the base
/// cancels). 1 when both partitions put everything in one group (H = 0), as scikit-learn.
///
/// ARI (Hubert & Arabie 1985): (Σ_ij C(n_ij, 2) - E) / (½ (Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) - E),
/// E = Σ_i C(a_i, 2) Σ_j C(b_j, 2) / C(n, 2), with n_ij the contingency table; 1 when the
/// denominator is 0 (both partitions trivial in the same way), as scikit-learn.
///
/// InputError when the lengths differ or there are no items.
[[nodiscard]] PartitionAgreement partition_agreement(const std::vector<std::int64_t>& a,
                                                     const std::vector<std::int64_t>& b);

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/partition_agreement.ipp"
#endif
