#pragma once
/// @file branchless.hpp
/// @brief Selection without a branch, for the fast kernels' inner loops.
#include <cstdint>
#include <cstring>

namespace ketennet {

/// @p x if @p keep, else +0.0, without a branch: the bits of @p x and-ed with a mask of all
/// ones or all zeros. For the search loops of Brandes' algorithm (paths/, centrality/), where
/// whether a neighbour is on a shortest path is unpredictable and branch mispredictions
/// dominated the time. Adding select_if(keep, x) to a sum s >= +0.0 gives what
/// `if (keep) s += x;` gives, bit for bit (s + +0.0 == s).
[[nodiscard]] inline double select_if(bool keep, double x) noexcept {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    bits &= -std::uint64_t(keep);
    std::memcpy(&x, &bits, sizeof bits);
    return x;
}

}  // namespace ketennet
