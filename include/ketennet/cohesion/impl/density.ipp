#pragma once
/// @file density.ipp
/// @brief Definitions of cohesion/density.hpp (compiled into the library; see core/config.hpp).

#include "ketennet/cohesion/density.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE double density(const View& view) {
    const double n = view.n();
    if (n <= 1) return 0.0;
    const double m = double(view.m());
    return view.directed() ? m / (n * (n - 1.0)) : 2.0 * m / (n * (n - 1.0));
}

}  // namespace ketennet::cohesion
