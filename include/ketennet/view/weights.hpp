#pragma once
/// @file weights.hpp
/// @brief The weight policy: which edge weights of a view an algorithm accepts, checked in
/// one place with one message form.
///
/// A weighted view carries whatever its relations hold (view/view_options.hpp); what a weight
/// means, and so which values make sense, depends on the algorithm that reads it. Every
/// algorithm states its rule with require_weights() before it starts. An unweighted view
/// (every weight 1) passes every rule. The first offending edge, in edge order, is named in
/// an InputError together with the algorithm and the weight's name, for example
/// "closeness: weight 'latency' of politie -> om is negative; distances must be >= 0".
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include "ketennet/core/config.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet {

/// What the weights of a view must be for an algorithm to read them.
enum class WeightRule {
    /// Distances for shortest paths (Dijkstra): >= 0. Closeness, harmonic centrality,
    /// centralization of closeness, lead times.
    distance,
    /// Distances along which shortest paths are counted: > 0, self-loops exempt (they lie on
    /// no shortest path). With a zero distance, vertices at equal distance have no order
    /// along which paths can be counted, and a zero-distance cycle makes their number
    /// infinite; igraph refuses such weights too, NetworkX accepts them and then miscounts.
    /// Betweenness, edge betweenness.
    counted_distance,
    /// Distances whose inverse is summed: > 0, self-loops exempt (a distance of 0 would make
    /// 1 / d infinite). Global and local efficiency.
    inverse_distance,
    /// Strengths (volumes) of the spectral centralities: finite and >= 0. PageRank, Katz,
    /// eigenvector, HITS.
    strength,
    /// Capacities of a flow network: finite and >= 0. Throughput, failure models.
    capacity,
    /// Weights read as amounts (modularity, communities, weighted clustering): finite and
    /// >= 0.
    amount,
    /// Routing weights of the Markov chain of flows (the share of items each tie receives):
    /// finite and >= 0.
    routing,
    /// Conductances of the current-flow centralities: finite and > 0, self-loops exempt (they
    /// carry no current).
    conductance,
    /// Tie strengths of Burt's structural-hole measures: finite and > 0.
    positive_strength,
};

/// Whether weight @p w of an edge (a self-loop when @p loop) satisfies @p rule.
[[nodiscard]] inline bool weight_allowed(WeightRule rule, double w, bool loop) noexcept {
    switch (rule) {
        case WeightRule::distance: return w >= 0.0;
        case WeightRule::counted_distance:
        case WeightRule::inverse_distance: return w > 0.0 || loop;
        case WeightRule::strength:
        case WeightRule::capacity:
        case WeightRule::amount:
        case WeightRule::routing: return w >= 0.0 && std::isfinite(w);
        case WeightRule::conductance: return (w > 0.0 && std::isfinite(w)) || loop;
        case WeightRule::positive_strength: return w > 0.0 && std::isfinite(w);
    }
    return false;
}

/// Throws InputError naming @p what (the algorithm), the weight and the first edge of @p g
/// (in edge order) whose weight breaks @p rule; does nothing for an unweighted view. The
/// message ends with what the rule asks:
/// - distance: "<what>: weight 'w' of a -> b is negative; distances must be >= 0";
/// - counted_distance: "<what>: weight 'w' of arc a -> b is 0; counting shortest paths needs
///   positive distances (use a small positive value for same-day hand-offs, or no weight)";
/// - inverse_distance: "<what>: weight 'w' of a -> b is 0; efficiency sums 1 / distance and
///   needs positive distances (use a small positive latency for same-day hand-offs, or no
///   weight)";
/// - strength: "<what>: weight 'w' of arc a -> b is -1; weights are strengths here and must
///   be >= 0";
/// - capacity: "<what>: capacity 'w' of a -> b must be finite and >= 0";
/// - amount: "<what>: weight 'w' of a -> b must be finite and >= 0";
/// - routing: "<what>: routing weight 'w' of a -> b must be finite and >= 0";
/// - conductance: "<what>: weight 'w' of edge a - b is 0; weights are conductances
///   (strengths) here and must be positive";
/// - positive_strength: "<what> need positive, finite tie weights; the tie a -> b has weight
///   0.000000".
/// Ends are joined by " -> " in a directed view and " - " in an undirected one.
void require_weights(const View& g, WeightRule rule, std::string_view what);

}  // namespace ketennet

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/view/impl/weights.ipp"
#endif
