#pragma once
/// @file types.hpp
/// @brief Index types shared by the model, the views and every algorithm.
#include <cstdint>

namespace ketennet {

/// Index of an organisation in a network and a view (0 .. n-1, in insertion order).
using vertex_t = std::uint32_t;
/// Index of an edge of a view (merged relations), and of a relation in a network.
using edge_t = std::uint32_t;

}  // namespace ketennet
