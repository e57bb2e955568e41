#pragma once
/// @file dominators.hpp
/// @brief Dominators: the organisations every item from an entry organisation must pass.
#include <limits>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::resilience {

/// Marks "no immediate dominator" (the entry itself, and organisations it cannot reach).
inline constexpr vertex_t no_dominator = std::numeric_limits<vertex_t>::max();

/// Immediate dominators of every organisation reachable from @p entry.
///
/// Definition: d dominates v when every path from the entry to v passes through d; the
/// immediate dominator idom(v) is the dominator of v (other than v) closest to v, so that the
/// dominators of v are idom(v), idom(idom(v)), ... up to the entry (the dominator tree,
/// Lengauer & Tarjan 1979). In a chain, the dominators of an organisation are those every
/// case from the entry must pass on its way there: single points of failure for it.
///
/// Computed with the iterative algorithm of Cooper, Harvey & Kennedy (2001, "A simple, fast
/// dominance algorithm"), which NetworkX's `immediate_dominators` also uses: reverse
/// postorder of a depth-first search from the entry, then idom(v) = the nearest common
/// ancestor of v's processed predecessors, repeated until nothing changes. (Boost.Graph
/// 1.74's `lengauer_tarjan_dominator_tree` misses reachable vertices on some graphs with
/// unreachable ones, for example a random orientation of Zachary's karate club; its
/// `iterative_bit_vector_dominator_tree` needs O(n^2) bits. Both were checked against this
/// one.) The dominator tree is unique, so the result does not depend on the method.
///
/// Directions are followed; an undirected view counts every tie in both directions; weights
/// are ignored. Returns one entry per organisation: idom(v), or no_dominator for the entry
/// itself and for organisations the entry does not reach (NetworkX >= 3.5 returns the same
/// as a dict without the entry). UnknownId when the entry is out of range.
[[nodiscard]] std::vector<vertex_t> immediate_dominators(const View& view, vertex_t entry);

}  // namespace ketennet::resilience

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/resilience/impl/dominators.ipp"
#endif
