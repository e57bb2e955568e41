#pragma once
/// @file gould_fernandez.hpp
/// @brief Gould & Fernandez (1989) brokerage roles, with the expected values and z-scores of
/// R's sna::brokerage (sna 2.7).
#include <array>
#include <cstddef>
#include <vector>

#include "ketennet/brokerage/partition.hpp"
#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

/// The five brokerage roles and their total, in this order.
enum class Role : std::size_t { coordinator, itinerant, gatekeeper, representative, liaison, total };
inline constexpr std::size_t role_count = 6;
/// Role names in Role order.
inline constexpr std::array<const char*, role_count> role_names{
    "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"};

/// Result of gould_fernandez(): per-organisation and network-level counts, expectations,
/// standard deviations and z-scores. Per-organisation matrices are row-major n x 6 (columns
/// in Role order); group-level expectations are k x 6 (one row per partition group).
struct Brokerage {
    std::vector<double> raw, expected, sd, z;      ///< per organisation, n x 6
    std::array<double, role_count> network_raw{}, network_expected{}, network_sd{}, network_z{};
    std::vector<double> group_expected, group_sd;  ///< per group, k x 6
    double density = 0.0;                          ///< d = m / (n (n - 1)), m the arcs
};

/// Options of gould_fernandez().
struct BrokerageOptions {
    unsigned threads = 0;      ///< threads (0 = all); results are identical for any count
    ProgressHandler progress{};  ///< progress and cancellation (see progress.hpp)
};

/// Gould & Fernandez's (1989) brokerage roles of every organisation.
///
/// Organisation v brokers the ordered pair (a, c) when a -> v -> c, a != c, both differ from v,
/// and there is no arc a -> c. With A, B, C distinct groups and v's group written second,
/// the two-path a -> v -> c is the role
///   coordinator    A -> A -> A     (sna column w_I)
///   itinerant      A -> B -> A     (w_O)
///   gatekeeper     A -> B -> B     (b_OI: v passes a contact from outside into its group)
///   representative A -> A -> B     (b_IO: v passes a contact of its group outward)
///   liaison        A -> B -> C     (b_O)
/// and `total` is their sum. An undirected view is read as directed with both arcs, so each
/// unordered pair counts twice, as sna does with a symmetric matrix. Self-loops broker nothing.
///
/// Expected values and variances follow sna::brokerage (Gould & Fernandez 1989): under a
/// random digraph with the observed density d = m / (n (n - 1)) (m the arcs, self-loops
/// included as in sna) and group sizes n_g, e.g. E[coordinator] = d^2 (1 - d)(n_g - 1)(n_g - 2)
/// for a member of group g; z = (raw - expected) / sd (IEEE: NaN for 0/0, +-inf for x/0, as R).
/// Network-level rows are the column sums, with sna's network-level expectations.
///
/// Method: for broker v, S = out(v) \ {v} is marked (a per-thread stamp array) and counted
/// by group once; for each in-neighbour a, the brokered targets are T = S \ {a} \ out(a),
/// so only a's out-list is walked (subtracting its marked members from S's counts) and the
/// roles follow from |T| and T's counts in v's and a's groups. The counts are integers, so
/// they are exact whatever the order. Brokers are independent: parallel in blocks, results
/// identical for every thread count.
/// Cost: O(m + sum_a outdeg(a)^2) time, O(n + k) memory per thread (k groups).
[[nodiscard]] Brokerage gould_fernandez(const View& g, const Partition& p, const BrokerageOptions& options = {});

}  // namespace ketennet::brokerage

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/brokerage/impl/gould_fernandez.ipp"
#endif
