#pragma once
/// @file weights.ipp
/// @brief Definitions of view/weights.hpp (compiled into the library; see core/config.hpp).
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>

#include "ketennet/view/weights.hpp"

namespace ketennet {

KETENNET_INLINE void require_weights(const View& g, WeightRule rule, std::string_view what) {
    if (!g.weighted()) return;
    const auto w = g.edge_weights();
    const auto src = g.edge_sources();
    const auto tgt = g.edge_targets();
    for (std::size_t e = 0; e < w.size(); ++e) {
        if (weight_allowed(rule, w[e], src[e] == tgt[e])) continue;
        const std::string name(what);
        const std::string& weight = g.options().weight;
        const std::string tie = g.id(src[e]) + (g.directed() ? " -> " : " - ") + g.id(tgt[e]);
        const std::string kind = g.directed() ? "arc " : "edge ";
        const std::string sign = w[e] == 0.0 ? "0" : "negative";
        switch (rule) {
            case WeightRule::distance:
                throw InputError(name + ": weight '" + weight + "' of " + tie +
                                 " is negative; distances must be >= 0");
            case WeightRule::counted_distance:
                throw InputError(name + ": weight '" + weight + "' of " + kind + tie + " is " +
                                 sign +
                                 "; counting shortest paths needs positive distances (use a "
                                 "small positive value for same-day hand-offs, or no weight)");
            case WeightRule::inverse_distance:
                throw InputError(name + ": weight '" + weight + "' of " + tie + " is " + sign +
                                 "; efficiency sums 1 / distance and needs positive distances "
                                 "(use a small positive latency for same-day hand-offs, or no "
                                 "weight)");
            case WeightRule::strength: {
                std::ostringstream msg;
                msg << name << ": weight '" << weight << "' of " << kind << tie << " is " << w[e]
                    << "; weights are strengths here and must be >= 0";
                throw InputError(msg.str());
            }
            case WeightRule::capacity:
            case WeightRule::amount:
            case WeightRule::routing:
                throw InputError(name + ": " +
                                 (rule == WeightRule::capacity  ? "capacity '"
                                  : rule == WeightRule::routing ? "routing weight '"
                                                                : "weight '") +
                                 weight + "' of " + tie + " must be finite and >= 0");
            case WeightRule::conductance: {
                std::ostringstream msg;
                msg << name << ": weight '" << weight << "' of " << kind << tie << " is " << w[e]
                    << "; weights are conductances (strengths) here and must be positive";
                throw InputError(msg.str());
            }
            case WeightRule::positive_strength:
                throw InputError(name + " need positive, finite tie weights; the tie " + tie +
                                 " has weight " + std::to_string(w[e]));
        }
    }
}

}  // namespace ketennet
