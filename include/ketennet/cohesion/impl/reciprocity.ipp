#pragma once
/// @file reciprocity.ipp
/// @brief Definitions of cohesion/reciprocity.hpp (compiled into the library; see core/config.hpp).
#include <limits>
#include <vector>

#include "ketennet/cohesion/reciprocity.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE double reciprocity(const View& view) {
    if (view.m() == 0) throw InputError("reciprocity is not defined for a view without relations");
    if (!view.directed()) return 1.0;
    std::size_t mutual = 0;
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e)
        if (src[e] != tgt[e] && view.find_weight(tgt[e], src[e])) ++mutual;
    return double(mutual) / double(view.m());
}

KETENNET_INLINE std::vector<double> reciprocity_per_organisation(const View& view) {
    const vertex_t n = view.n();
    std::vector<double> r(n, 0.0);
    for (vertex_t v = 0; v < n; ++v) {
        const auto out = view.out_neighbours(v);
        const auto in = view.in_neighbours(v);
        const double total = view.directed() ? double(out.size() + in.size()) : double(out.size());
        if (total == 0) {
            r[v] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        if (!view.directed()) {
            r[v] = 1.0;
            continue;
        }
        // both lists are sorted: count the intersection
        std::size_t i = 0, j = 0, mutual = 0;
        while (i < out.size() && j < in.size()) {
            if (out[i] < in[j]) ++i;
            else if (in[j] < out[i]) ++j;
            else {
                ++mutual;
                ++i;
                ++j;
            }
        }
        r[v] = 2.0 * double(mutual) / total;
    }
    return r;
}

}  // namespace ketennet::cohesion
