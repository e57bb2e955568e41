#pragma once
/// @file multiplexity.hpp
/// @brief Multiplexity: how many layers (kinds of relation) tie each pair of organisations,
/// and how much the layers overlap.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/core/types.hpp"

namespace ketennet {
class Network;  // model/network.hpp
}  // namespace ketennet

namespace ketennet::cohesion {

/// One tied pair of multiplexity().
struct MultiplexPair {
    vertex_t source;                   ///< the end first in network order
    vertex_t target;                   ///< the other end
    std::vector<std::uint32_t> layers; ///< positions (in the selection) of the layers tying them
};

/// Result of multiplexity().
struct Multiplexity {
    std::vector<std::string> layers;   ///< the selected layers, in network order
    std::vector<MultiplexPair> pairs;  ///< tied pairs, ascending by (source, target)
    /// Share of tied pairs tied in two or more layers (NaN without tied pairs).
    double multiplex_share = std::numeric_limits<double>::quiet_NaN();
    /// jaccard[i * L + j]: tied pairs of layers i and j in common / pairs tied in either
    /// (NaN when neither layer ties any pair); 1 on the diagonal for a non-empty layer.
    std::vector<double> jaccard;
    /// Tied pairs per layer.
    std::vector<std::size_t> pairs_per_layer;
};

/// Multiplexity of the network over the layers @p layers (empty: all layers).
///
/// A pair {u, v} of different organisations is tied in a layer when the layer holds a
/// relation between them in either direction (direction and weights ignored; self-loops
/// left out). n_layers of a pair is the number of selected layers tying it; a tie is
/// multiplex when n_layers >= 2 (Verbrugge 1979; Wasserman & Faust 1994, ch. 3). The
/// Jaccard overlap of layers A and B is |pairs(A) ∩ pairs(B)| / |pairs(A) ∪ pairs(B)|
/// (Jaccard 1912). UnknownId for an unknown layer.
[[nodiscard]] Multiplexity multiplexity(const Network& net, const std::vector<std::string>& layers = {});

}  // namespace ketennet::cohesion

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/cohesion/impl/multiplexity.ipp"
#endif
