#pragma once
/// @file structural_holes.hpp
/// @brief Burt's (1992) structural-hole measures: constraint, effective size, efficiency and
/// hierarchy, directed and weighted, with NetworkX's conventions.
///
/// Conventions (those of NetworkX's `constraint` and `effective_size`, networkx 3.x):
/// - The contacts N(i) of organisation i are its in- and out-neighbours (a self-loop makes i
///   its own contact, as in NetworkX).
/// - Mutual weight m_ij = a_ij + a_ji, with a the view's adjacency (weights, or 1 for an
///   unweighted view; an undirected tie counts in both directions, a self-loop gives
///   m_ii = 2 a_ii). Proportional tie strength p_ij = m_ij / sum_k m_ik; the tie relative to
///   j's strongest, m_ij / max_k m_jk.
/// - An organisation without ties to others (isolated, or with self-loops only) gets NaN.
/// - Weights must be positive and finite (InputError naming the relation otherwise).
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/support/progress.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::brokerage {

/// Burt's measures of one view, each per organisation in view order. A measure left out by
/// StructuralHolesOptions is an empty vector.
struct StructuralHoles {
    std::vector<double> constraint;      ///< aggregate constraint C_i
    std::vector<double> effective_size;  ///< effective size ES_i
    std::vector<double> efficiency;      ///< ES_i / |N(i) \ {i}|
    std::vector<double> hierarchy;       ///< Coleman-Theil concentration of constraint
};

/// The fast kernel of structural_holes() (see there); both give the same values to rounding.
/// Not used when built with KETENNET_FAST_KERNELS=OFF (the reference implementation runs).
enum class StructuralHolesKernel {
    automatic,  ///< by the number of triangles (the default)
    ego,        ///< ego by ego: for networks with many triangles
    triangles,  ///< each triangle once: for networks with few triangles
};

/// Options of structural_holes().
struct StructuralHolesOptions {
    /// Threads to use (0 = all). Results are identical for every thread count.
    unsigned threads = 0;
    /// Progress and cancellation (see progress.hpp).
    ProgressHandler progress{};
    /// The measures to compute. Constraint and hierarchy share the indirect sums
    /// sum_q p_iq p_qj, effective size and efficiency the redundancies; asking for one
    /// family only skips the other's work (about half).
    bool constraint = true, effective_size = true, efficiency = true, hierarchy = true;
    /// The kernel; automatic chooses by the number of triangles.
    StructuralHolesKernel kernel = StructuralHolesKernel::automatic;
};

namespace reference {

/// structural_holes() read directly from its definition: the mutual weights m_ij of each
/// organisation's contacts (ascending), their sums s_i and maxima, and for every ego i and
/// contact j the plain loop over the contacts q of i, in ascending order,
///   indirect_j = sum_q p_iq (m_qj / s_q),  redundancy_j = sum_q p_iq (m_qj / max_j),
/// a term only where q and j are tied. One thread (options.threads and options.kernel are not
/// used); progress is reported after every organisation. Same checks, definitions and
/// conventions as structural_holes(); see there. (An undirected view's m is its weight a, not
/// 2 a: the factor 2 cancels exactly in every ratio.)
[[nodiscard]] StructuralHoles structural_holes(const View& g, const StructuralHolesOptions& options = {});

}  // namespace reference

/// Burt's (1992) structural-hole measures of every organisation.
///
/// With p_ij = m_ij / sum_k m_ik and N(i) the contacts of i (see the file comment):
/// - constraint (Burt 1992, eq. 2.4; NetworkX `constraint`):
///     C_i = sum_{j in N(i)} c_ij,  c_ij = (p_ij + sum_{q in N(i)} p_iq p_qj)^2;
/// - effective size (Burt 1992; NetworkX `effective_size`):
///     ES_i = sum_{j in N(i)} (1 - sum_{q in N(i)} p_iq m_jq / max_k m_jk);
///   unweighted and undirected without self-loops this is Borgatti's (1997) n - 2t/n;
/// - efficiency (Burt 1992): ES_i / |N(i) \ {i}|;
/// - hierarchy (Burt 1992, p. 71; UCINET's Coleman-Theil disorder index):
///     H_i = sum_{j in N(i)} r_j ln r_j / (N ln N),  r_j = c_ij / (C_i / N),  N = |N(i)|,
///   0 when the constraint is spread evenly over the contacts, 1 when one contact holds it
///   all; NaN for fewer than two contacts (N ln N = 0), 0 ln 0 = 0.
/// Organisations without ties to others get NaN in all four, as in NetworkX: so every
/// organisation of a view of one (with or without a self-loop), and a view of none gives
/// empty vectors. Only the measures chosen in @p options are computed (the others are
/// empty vectors).
///
/// Method: the mutual weights, their row sums and maxima (detail::MutualAdjacency) are built
/// on the first call on a view and kept with it (detail::mutual_adjacency), so the four
/// measures of one network, asked for one by one, build them once. A term p_iq p_qj (or
/// p_iq m_qj / max_j) of the sums over q is nonzero only when q is a contact of both i and j:
/// for three distinct organisations, a triangle i, q, j. Two kernels, chosen by the number of triangles (estimated from those
/// of every 16th organisation, all of them below 256 organisations):
/// - few (fewer than one per 32 tie slots, as in sparse networks, where nearly every
///   contact check fails): each triangle is listed once (detail::list_triangles, in
///   parallel; Schank & Wagner's edge-iterator), its six terms go to the slots of its three
///   organisations, and each ego then sums over its contacts (detail::triangle_kernel).
///   This halves the contact checks of the ego-by-ego loop: 1.2-1.5x faster on sparse
///   random networks of 10^3 to 10^5 organisations.
/// - many: ego by ego, each tie q - j among an ego's contacts visited once from its lower
///   end through a dense position array (detail::ego_kernel), where a triangle's terms cost
///   a few local additions instead of searches.
/// Every sum adds its terms in an order fixed by the network alone: results are identical
/// for every thread count and every choice of measures, and agree with the plain double loop
/// over q and j (reference::structural_holes()) to rounding (a few ulps; the ego kernel bit
/// for bit). The kernels are in detail/structural_holes_kernel.hpp; built with
/// KETENNET_FAST_KERNELS=OFF (KETENNET_REFERENCE_KERNELS), reference::structural_holes() runs
/// instead. Egos are independent:
/// parallel in blocks. Cost: O(sum_q |N(q)| |N(q) above q|) time for the ego kernel, about
/// half that plus O(T log T) for T triangles for the triangle kernel; O(n + m) memory plus
/// O(n) per thread.
[[nodiscard]] StructuralHoles structural_holes(const View& g, const StructuralHolesOptions& options = {});

/// The number of contacts of every organisation, in view order: its distinct neighbours,
/// in- or out- (either direction in a directed view), itself excluded. This is Burt's
/// network size, the denominator of efficiency = effective size / contacts, and equals
/// NetworkX's len(set(G.predecessors(v)) | set(G.successors(v)) - {v}) (len(set(G[v]) - {v})
/// in an undirected graph). Weights are ignored; as a double per organisation, to sit beside
/// the measures of structural_holes(). Reads the mutual contact lists kept with the view.
[[nodiscard]] std::vector<double> contact_counts(const View& g);

}  // namespace ketennet::brokerage

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/brokerage/impl/structural_holes.ipp"
#endif
