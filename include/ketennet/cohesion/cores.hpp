#pragma once
/// @file cores.hpp
/// @brief k-cores: the core number of every organisation.
#include <cstddef>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

/// Core number of every organisation (Seidman 1983; Batagelj & Zaversnik 2003, O(m)).
///
/// Definition: the k-core is the largest subnetwork in which every organisation has degree
/// at least k; the core number of v is the largest k whose k-core contains v. As NetworkX's
/// `core_number`: the degree of an undirected view is the number of partners; in a
/// directed view it is in-degree + out-degree (a reciprocated pair counts twice). Weights
/// are ignored. Self-loops are not allowed (InputError naming the organisation), as in
/// NetworkX.
[[nodiscard]] std::vector<std::size_t> core_number(const View& view);

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/cores.ipp"
#endif
